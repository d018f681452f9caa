//! Reading and writing project files (RON), safely.
//!
//! Loading verifies everything and never writes; saving is atomic and keeps the previous
//! version as `.factdesk/NAME.ron.bak`. Side files (lock, backup, autosave, a save's
//! temporary files) live in the hidden `.factdesk/` folder beside the project, which
//! ignores itself in git (see `side_folder`). See `format` for versions and `recovery` for
//! autosave files.

mod atomic;
mod error;
mod format;
pub mod git_setup;
mod leftovers;
mod lock;
mod lock_holder;
pub mod recovery;
mod side_folder;
mod stamp;

pub(crate) use atomic::parent_dir;
pub use atomic::{resolve_links, write_atomic};
pub use error::{LoadError, SaveError};
pub use format::{MAX_FILE_BYTES, from_ron_str, to_ron_string};
pub use lock::{LOCK_WAIT, ProjectLock, lock_path};
pub use side_folder::{SIDE_FOLDER, ensure as ensure_side_folder, side_folder};
pub use stamp::{DiskStamp, changed_since};

use crate::model::Project;
use std::path::Path;

/// Load and verify a project file. The file is only read, whatever happens.
pub fn load(path: &Path) -> Result<Project, LoadError> {
    load_stamped(path).map(|(project, _)| project)
}

/// Load, and stamp what was read, so that a later save can tell whether someone else has
/// changed the file since ([`save_checked`]).
pub fn load_stamped(path: &Path) -> Result<(Project, DiskStamp), LoadError> {
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
    let stamp = DiskStamp::of_bytes(path, &bytes);
    let text = String::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 {
        path: path.to_owned(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    let project = from_ron_str(&text).map_err(|e| e.at(path))?;
    Ok((project, stamp))
}

/// Save atomically, under the project's lock (waiting up to [`LOCK_WAIT`] for another
/// writer): the file on disk is at every moment either the old or the new one.
pub fn save(path: &Path, project: &Project) -> Result<(), SaveError> {
    let lock = ProjectLock::acquire(path, LOCK_WAIT)?;
    write_locked(&lock, project, None, MAX_FILE_BYTES).map(drop)
}

/// Verify, then save: a project that would be refused on load is not written. Every
/// interactive path (CLI, GUI) saves through this or [`save_checked`]; [`save`] alone is
/// for callers that built the project themselves and know it is sound.
pub fn save_verified(path: &Path, project: &Project) -> Result<(), SaveError> {
    save_checked(path, project, None).map(drop)
}

/// Verify and save, refusing with [`SaveError::ChangedOnDisk`] if the file no longer holds
/// what `expected` stamped (when it was opened or last saved) — checked under the lock, so
/// no other writer can slip in between the check and the write. `None` skips the check
/// (a new file, or the user confirmed overwriting). Returns the stamp of the new file.
pub fn save_checked(
    path: &Path,
    project: &Project,
    expected: Option<&DiskStamp>,
) -> Result<DiskStamp, SaveError> {
    let lock = ProjectLock::acquire(path, LOCK_WAIT)?;
    save_locked(&lock, project, expected)
}

/// Verify, then write under a lock already held.
pub(crate) fn save_locked(
    lock: &ProjectLock,
    project: &Project,
    expected: Option<&DiskStamp>,
) -> Result<DiskStamp, SaveError> {
    let problems = project.problems();
    if !problems.is_empty() {
        return Err(SaveError::Invalid(problems));
    }
    write_locked(lock, project, expected, MAX_FILE_BYTES)
}

/// The write itself: refuse what must not be overwritten, serialise within the size limit
/// (before touching anything), clear a killed save's leftovers, then replace atomically.
fn write_locked(
    lock: &ProjectLock,
    project: &Project,
    expected: Option<&DiskStamp>,
    limit: u64,
) -> Result<DiskStamp, SaveError> {
    let target = lock.target();
    let io = |source| SaveError::Io {
        path: target.to_owned(),
        source,
    };
    match std::fs::metadata(target) {
        Ok(m) if !m.is_file() => {
            return Err(SaveError::NotAFile {
                path: target.to_owned(),
            });
        }
        Ok(m) => {
            if m.permissions().readonly() || !writable(target) {
                return Err(SaveError::ReadOnly {
                    path: target.to_owned(),
                });
            }
            if let Some(stamp) = expected
                && changed_since(target, stamp).map_err(io)?
            {
                return Err(SaveError::ChangedOnDisk {
                    path: target.to_owned(),
                });
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io(e)),
    }
    let bytes =
        format::to_ron_bytes_limited(project, limit)?.ok_or_else(|| SaveError::TooLarge {
            path: target.to_owned(),
        })?;
    leftovers::remove_stale(target);
    write_atomic(target, &bytes, true).map_err(io)?;
    let stamp = DiskStamp::of_bytes(target, &bytes);
    side_folder::clean_legacy(target);
    lock.forget_legacy();
    Ok(stamp)
}

/// Whether this process may write the existing file (its permission bits alone do not say
/// so for a file owned by someone else).
fn writable(path: &Path) -> bool {
    match std::fs::OpenOptions::new().append(true).open(path) {
        Ok(_) => true,
        Err(e) => e.kind() != std::io::ErrorKind::PermissionDenied,
    }
}

/// Path of the backup of a saved project's previous version: `DIR/.factdesk/NAME.ron.bak`.
pub fn backup_path(path: &Path) -> std::path::PathBuf {
    side_folder::side_file(path, ".bak")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, ArticleId};

    #[test]
    fn over_the_size_limit_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        save(&path, &Project::new("small")).unwrap();
        let before = std::fs::read(&path).unwrap();
        let mut big = Project::new("big");
        big.articles
            .push(Article::new(ArticleId(1), "t", "x".repeat(5_000)));
        let lock = ProjectLock::acquire(&path, LOCK_WAIT).unwrap();
        let err = write_locked(&lock, &big, None, 4_000).unwrap_err();
        assert!(matches!(err, SaveError::TooLarge { .. }), "{err}");
        assert!(err.to_string().contains("nothing was written"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".factdesk-"))
            .chain(
                std::fs::read_dir(dir.path().join(SIDE_FOLDER))
                    .unwrap()
                    .flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.ends_with(".tmp")),
            )
            .collect();
        assert!(names.is_empty(), "{names:?}");
        // Within the limit the same project saves, and loads back.
        write_locked(&lock, &big, None, 1 << 20).unwrap();
        drop(lock);
        assert_eq!(load(&path).unwrap(), big);
    }
}
