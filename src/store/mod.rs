//! Reading and writing project files (RON), safely.
//!
//! Loading verifies everything and never writes; saving is atomic and keeps the previous
//! version as `NAME.ron.bak`. See `format` for versions and `recovery` for autosave files.

mod atomic;
mod error;
mod format;
pub mod recovery;

pub use atomic::write_atomic;
pub use error::{LoadError, SaveError};
pub use format::{MAX_FILE_BYTES, from_ron_str, to_ron_string};

use crate::model::Project;
use std::path::Path;

/// Load and verify a project file. The file is only read, whatever happens.
pub fn load(path: &Path) -> Result<Project, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(LoadError::NotAFile {
            path: path.to_owned(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let text = String::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 {
        path: path.to_owned(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    from_ron_str(&text).map_err(|e| e.at(path))
}

/// Save atomically: the file on disk is at every moment either the old or the new one.
pub fn save(path: &Path, project: &Project) -> Result<(), SaveError> {
    let text = to_ron_string(project)?;
    write_atomic(path, text.as_bytes(), true).map_err(|source| SaveError::Io {
        path: path.to_owned(),
        source,
    })
}

/// Verify, then save: a project that would be refused on load is not written. Every
/// interactive path (CLI, GUI) saves through this; [`save`] alone is for callers that
/// built the project themselves and know it is sound.
pub fn save_verified(path: &Path, project: &Project) -> Result<(), SaveError> {
    let problems = project.problems();
    if !problems.is_empty() {
        return Err(SaveError::Invalid(problems));
    }
    save(path, project)
}

/// Path of the backup kept beside a saved project: `NAME.ron.bak`.
pub fn backup_path(path: &Path) -> std::path::PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}
