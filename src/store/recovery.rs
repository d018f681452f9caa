//! Autosave ("recovery") files, written into the side folder while a project has unsaved
//! edits: `DIR/NAME.ron` → `DIR/.factdesk/NAME.ron.recovery`. One beside the project
//! (`DIR/NAME.ron.recovery`, versions before the side folder) is still found and offered.

use super::side_folder::{self, legacy_file, side_file};
use super::{LoadError, SaveError, to_ron_string, write_atomic};
use crate::model::Project;
use std::path::{Path, PathBuf};

/// `DIR/NAME.ron` → `DIR/.factdesk/NAME.ron.recovery`.
pub fn recovery_path(project_path: &Path) -> PathBuf {
    side_file(project_path, ".recovery")
}

/// Write the recovery file for `project_path` (no backup; atomic).
pub fn write(project_path: &Path, project: &Project) -> Result<PathBuf, SaveError> {
    let path = recovery_path(project_path);
    let io = |source| SaveError::Io {
        path: path.clone(),
        source,
    };
    side_folder::ensure(project_path).map_err(io)?;
    let text = to_ron_string(project)?;
    write_atomic(&path, text.as_bytes(), false).map_err(io)?;
    // An old-layout autosave is older than this one: it would only confuse the next start.
    let _ = std::fs::remove_file(legacy_file(project_path, ".recovery"));
    Ok(path)
}

/// The recovery file of `project_path` if it exists and is newer than the project file
/// (or the project file is gone): then the last session ended with unsaved edits.
pub fn newer(project_path: &Path) -> Option<PathBuf> {
    let project_time = std::fs::metadata(project_path).and_then(|m| m.modified());
    [
        recovery_path(project_path),
        legacy_file(project_path, ".recovery"),
    ]
    .into_iter()
    .find(|rec| {
        let Ok(rec_time) = std::fs::metadata(rec).and_then(|m| m.modified()) else {
            return false;
        };
        !matches!(&project_time, Ok(t) if *t >= rec_time)
    })
}

/// Load a recovery file (verified like any project file).
pub fn load(recovery: &Path) -> Result<Project, LoadError> {
    super::load(recovery)
}

/// Remove the recovery file after a successful save or a decline to restore.
pub fn discard(project_path: &Path) {
    let _ = std::fs::remove_file(recovery_path(project_path));
    let _ = std::fs::remove_file(legacy_file(project_path, ".recovery"));
}
