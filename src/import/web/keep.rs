//! Raw pages kept beside the project (`--keep-page`), in its side-file area: a hidden
//! `.factdesk/` folder next to the project file that carries a `.gitignore` of `*`, so
//! pages never end up in the project's repository.

use super::{KeepError, RawPage};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where kept pages go, relative to the project's folder.
pub const PAGES_DIR: &str = ".factdesk/pages";

/// Write each page as `.factdesk/pages/<hash>.html` beside `project_file` (a page already
/// kept is left as it is). Returns each page's path relative to the project's folder, in
/// order.
pub fn keep_pages(project_file: &Path, pages: &[RawPage]) -> Result<Vec<String>, KeepError> {
    let folder = project_file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let dir = folder.join(PAGES_DIR);
    let err = |path: &Path| {
        let path = path.to_owned();
        move |source| KeepError { path, source }
    };
    // The side folder with its `.gitignore`, made the one way the store makes it.
    crate::store::ensure_side_folder(project_file).map_err(err(&folder.join(".factdesk")))?;
    std::fs::create_dir_all(&dir).map_err(err(&dir))?;
    let mut kept = Vec::with_capacity(pages.len());
    for page in pages {
        let relative = kept_path(&page.page_hash);
        let path: PathBuf = folder.join(&relative);
        if !path.exists() {
            let mut tmp = tempfile::NamedTempFile::new_in(&dir).map_err(err(&dir))?;
            tmp.write_all(&page.bytes).map_err(err(&path))?;
            tmp.persist(&path).map_err(|e| KeepError {
                path: path.clone(),
                source: e.error,
            })?;
        }
        kept.push(relative);
    }
    Ok(kept)
}

/// Where the page with this hash is kept, relative to the project's folder.
pub fn kept_path(page_hash: &str) -> String {
    format!("{PAGES_DIR}/{}.html", file_stem(page_hash))
}

/// `xxh3-128:abcd…` → `abcd…` (only hex digits survive, so the name is always safe).
fn file_stem(hash: &str) -> String {
    let hex = hash.rsplit(':').next().unwrap_or(hash);
    hex.chars().filter(char::is_ascii_hexdigit).collect()
}
