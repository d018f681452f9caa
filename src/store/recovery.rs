//! Autosave ("recovery") files, written beside the project while it has unsaved edits.

use super::{LoadError, SaveError, to_ron_string, write_atomic};
use crate::model::Project;
use std::path::{Path, PathBuf};

/// `NAME.ron` → `NAME.ron.recovery`.
pub fn recovery_path(project_path: &Path) -> PathBuf {
    let mut name = project_path.file_name().unwrap_or_default().to_os_string();
    name.push(".recovery");
    project_path.with_file_name(name)
}

/// Write the recovery file for `project_path` (no backup; atomic).
pub fn write(project_path: &Path, project: &Project) -> Result<PathBuf, SaveError> {
    let path = recovery_path(project_path);
    let text = to_ron_string(project)?;
    write_atomic(&path, text.as_bytes(), false).map_err(|source| SaveError::Io {
        path: path.clone(),
        source,
    })?;
    Ok(path)
}

/// The recovery file of `project_path` if it exists and is newer than the project file
/// (or the project file is gone): then the last session ended with unsaved edits.
pub fn newer(project_path: &Path) -> Option<PathBuf> {
    let rec = recovery_path(project_path);
    let rec_time = std::fs::metadata(&rec).and_then(|m| m.modified()).ok()?;
    match std::fs::metadata(project_path).and_then(|m| m.modified()) {
        Ok(t) if t >= rec_time => None,
        _ => Some(rec),
    }
}

/// Load a recovery file (verified like any project file).
pub fn load(recovery: &Path) -> Result<Project, LoadError> {
    super::load(recovery)
}

/// Remove the recovery file after a successful save or a decline to restore.
pub fn discard(project_path: &Path) {
    let _ = std::fs::remove_file(recovery_path(project_path));
}
