//! Articles from the web: links fetched over HTTP(S) and pages saved to disk (`.html`,
//! `.htm`), turned into [`ArticleDraft`]s like every other import, so they share its
//! all-or-nothing reading, duplicate skipping (same text or same canonical URL),
//! normalisation and the project lock.
//!
//! - [`fetch`]: the HTTP client (timeouts, redirects, size limit, gzip/brotli);
//! - [`decode`]: bytes to text by BOM, header or `<meta>` charset;
//! - [`page`]: metadata and body of one page (`jsonld`, `markup`, `body`);
//! - [`keep`]: the raw page kept beside the project on request.

mod body;
mod decode;
mod error;
mod fetch;
mod jsonld;
mod keep;
mod markup;
mod page;
mod saved;

pub use decode::{Decoded, decode, looks_binary};
pub use error::{ExtractError, FetchError, KeepError};
pub use fetch::{FetchOptions, FetchedPage, MAX_PAGE_BYTES, fetch, is_link};
pub use keep::{PAGES_DIR, keep_pages, kept_path};
pub use page::{Extracted, extract, parse_date};
pub use saved::read_saved_page;

use super::{ArticleDraft, Batch, ImportError};
use crate::model::{WebSource, text};
use chrono::{DateTime, Utc};
use std::path::PathBuf;

/// How a mixed list of links and paths is read.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    pub fetch: FetchOptions,
    /// Keep each fetched page's bytes in [`Batch::pages`] for [`keep_pages`].
    pub keep_pages: bool,
}

/// A page's bytes to keep beside the project, named by its hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawPage {
    pub page_hash: String,
    pub bytes: Vec<u8>,
}

/// Read links and paths in the order given (links fetched, paths as
/// [`super::read_paths`]); the first failure stops it all and nothing is returned.
pub fn read_inputs(inputs: &[PathBuf], options: &ReadOptions) -> Result<Batch, ImportError> {
    let mut batch = Batch::default();
    for input in inputs {
        match input.to_str().filter(|s| is_link(s)) {
            Some(url) => {
                let page = fetch(url, &options.fetch)?;
                let mut draft = draft_from_fetched(&page, Utc::now())?;
                if options.keep_pages
                    && let Some(web) = draft.web.as_mut()
                {
                    web.kept_page = Some(kept_path(&web.page_hash));
                    batch.pages.push(RawPage {
                        page_hash: web.page_hash.clone(),
                        bytes: page.bytes,
                    });
                }
                batch.articles.push(draft);
            }
            None => {
                let more = super::read_paths(std::slice::from_ref(input))?;
                batch.articles.extend(more.articles);
                batch.warnings.extend(more.warnings);
            }
        }
    }
    Ok(batch)
}

/// A fetched page as a draft, its provenance filled in.
pub fn draft_from_fetched(
    page: &FetchedPage,
    fetched: DateTime<Utc>,
) -> Result<ArticleDraft, ImportError> {
    let draft = draft_from_bytes(
        &page.bytes,
        page.charset.as_deref(),
        &page.url,
        Some(&page.final_url),
        fetched,
    )?;
    Ok(ArticleDraft {
        web: draft.web.map(|w| WebSource {
            url: Some(page.url.clone()),
            final_url: Some(page.final_url.clone()),
            ..w
        }),
        url: draft.url.or_else(|| Some(page.final_url.clone())),
        ..draft
    })
}

/// A page's bytes (fetched or saved) as a draft. `source` names it; `base_url` is where
/// it was read from, if on the web.
pub(crate) fn draft_from_bytes(
    bytes: &[u8],
    header_charset: Option<&str>,
    source: &str,
    base_url: Option<&str>,
    fetched: DateTime<Utc>,
) -> Result<ArticleDraft, ImportError> {
    if looks_binary(bytes) {
        return Err(ExtractError::Binary {
            page: source.into(),
        }
        .into());
    }
    let decoded = decode(bytes, header_charset);
    let found = extract(&decoded.text, source, base_url)?;
    let text = text::normalize(&found.text);
    let mut draft = ArticleDraft::new(text::normalize(&found.title), text, source.into());
    draft.outlet = found.outlet.map(|o| text::normalize(&o));
    draft.byline = found.byline.map(|b| text::normalize(&b));
    draft.published = found.published;
    draft.language = found.language;
    draft.url = found.canonical_url;
    draft.web = Some(WebSource {
        url: None,
        final_url: None,
        fetched,
        page_hash: page_hash(bytes),
        direction: found.direction,
        kept_page: None,
    });
    Ok(draft)
}

/// The hash recorded for a page: xxh3-128 of its bytes as received.
pub fn page_hash(bytes: &[u8]) -> String {
    format!("xxh3-128:{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}
