//! The advisory lock that keeps two writers of one project apart.
//!
//! The lock is taken on a sidecar file, `.factdesk/NAME.ron.lock` (in the side folder, out
//! of git's way), never on the project file itself: a save replaces the project's inode by
//! an atomic rename, so a lock on the old inode would protect nothing once the new file is
//! in place. The sidecar is never deleted (a deleted-and-recreated lock file would let two
//! processes hold "the" lock at once) and never written: it stays empty, so taking the lock
//! changes nothing on disk. Who holds it is asked of the operating system instead (Linux:
//! `/proc/locks`).
//!
//! A `NAME.ron.lock` beside the project (versions before the side folder) is taken as well
//! while it exists, so an older factdesk still running is not overtaken; the first save
//! under it removes it.
//! `std::fs::File::try_lock` (flock on Unix, LockFileEx on Windows) is released by the
//! operating system when the holder exits or crashes, so a killed writer never leaves the
//! project locked.

use super::{LoadError, SaveError, lock_holder as holder};
use crate::model::Project;
use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a writer waits for another one to finish before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(10);

/// `DIR/NAME.ron` → `DIR/.factdesk/NAME.ron.lock`.
pub fn lock_path(project_path: &Path) -> PathBuf {
    super::side_folder::side_file(project_path, ".lock")
}

/// An exclusive hold on one project file, for a read-modify-write or a save. Released when
/// dropped (or when the process ends, however it ends).
#[derive(Debug)]
pub struct ProjectLock {
    /// The project file the lock is for, symlinks resolved: where saves really go.
    target: PathBuf,
    file: File,
    /// The lock file of versions before the side folder, held too while it exists.
    legacy: Option<File>,
}

impl ProjectLock {
    /// Lock the project at `path` (the file need not exist yet), waiting up to `wait` for
    /// another writer. Symlinks are followed, so two links to one file share one lock.
    pub fn acquire(path: &Path, wait: Duration) -> Result<Self, SaveError> {
        let target = super::resolve_links(path).map_err(|source| SaveError::Io {
            path: path.to_owned(),
            source,
        })?;
        let io = |source| SaveError::Io {
            path: target.clone(),
            source,
        };
        let legacy_path = super::side_folder::legacy_file(&target, ".lock");
        // Where no folder can be made beside the project (a sandbox's document portal lets
        // an app write the chosen file and siblings, nothing more), lock beside it.
        let (path, beside) = match super::side_folder::ensure(&target) {
            Ok(_) => (lock_path(&target), false),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(io(e)),
            Err(_) => (legacy_path.clone(), true),
        };
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(io)?;
        let deadline = Instant::now() + wait;
        take(&file, &target, deadline)?;
        let old = (!beside)
            .then(|| OpenOptions::new().read(true).write(true).open(&legacy_path))
            .and_then(Result::ok);
        let legacy = match old {
            Some(old) => {
                take(&old, &target, deadline)?;
                Some(old)
            }
            None => None,
        };
        Ok(Self {
            target,
            file,
            legacy,
        })
    }

    /// Like [`ProjectLock::acquire`], for a project that must already exist (an import
    /// into it): a missing file is an error, and no lock file is left beside a typo.
    pub fn acquire_existing(path: &Path, wait: Duration) -> Result<Self, SaveError> {
        let target = super::resolve_links(path).map_err(|source| SaveError::Io {
            path: path.to_owned(),
            source,
        })?;
        match fs::metadata(&target) {
            Ok(m) if m.is_file() => Self::acquire(path, wait),
            Ok(_) => Err(SaveError::NotAFile { path: target }),
            Err(source) => Err(SaveError::Io {
                path: path.to_owned(),
                source,
            }),
        }
    }

    /// The project file this lock covers (symlinks resolved).
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Load the project under the lock (the read of a read-modify-write).
    pub fn load(&self) -> Result<Project, LoadError> {
        super::load(&self.target)
    }

    /// Verify and save under the lock; returns the stamp of what was written.
    pub fn save(&self, project: &Project) -> Result<super::DiskStamp, SaveError> {
        super::save_locked(self, project, None)
    }
}

impl ProjectLock {
    /// After a save: remove the old-layout lock file beside the project, if this lock holds
    /// it (it is released when this lock is dropped).
    pub(crate) fn forget_legacy(&self) {
        if self.legacy.is_some() {
            let _ = fs::remove_file(super::side_folder::legacy_file(&self.target, ".lock"));
        }
    }
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        if let Some(old) = &self.legacy {
            let _ = old.unlock();
        }
        let _ = self.file.unlock();
    }
}

/// Lock `file` exclusively, retrying until `deadline`; then [`SaveError::Locked`], naming
/// the holder where the operating system says who it is.
fn take(file: &File, target: &Path, deadline: Instant) -> Result<(), SaveError> {
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(()),
            Err(fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(25));
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(SaveError::Locked {
                    path: target.to_owned(),
                    holder: holder::of(file).unwrap_or_default(),
                });
            }
            Err(fs::TryLockError::Error(source)) => {
                return Err(SaveError::Io {
                    path: target.to_owned(),
                    source,
                });
            }
        }
    }
}
