//! A page saved to disk (`.html`, `.htm`), read like a fetched one; its canonical link, if
//! it names one, becomes the article's URL.

use super::{FetchError, MAX_PAGE_BYTES};
use crate::import::{ArticleDraft, ImportError};
use chrono::{DateTime, Utc};
use std::path::Path;

/// Read one saved page. Its provenance time is the file's modification time (when it was
/// saved), or now when the system does not say.
pub fn read_saved_page(path: &Path) -> Result<ArticleDraft, ImportError> {
    let io = |source| ImportError::Io {
        path: path.to_owned(),
        source,
    };
    let meta = crate::import::regular_file(path)?;
    if meta.len() > MAX_PAGE_BYTES {
        return Err(FetchError::TooLarge {
            url: path.display().to_string(),
            limit_mb: MAX_PAGE_BYTES >> 20,
        }
        .into());
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let saved: DateTime<Utc> = meta
        .modified()
        .map(DateTime::from)
        .unwrap_or_else(|_| Utc::now());
    let mut draft =
        super::draft_from_bytes(&bytes, None, &path.display().to_string(), None, saved)?;
    if let Some(web) = draft.web.as_mut() {
        web.url = None;
    }
    Ok(draft)
}
