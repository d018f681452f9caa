//! The advisory lock that keeps two writers of one project apart.
//!
//! The lock is taken on a sidecar file, `NAME.ron.lock`, never on the project file itself:
//! a save replaces the project's inode by an atomic rename, so a lock on the old inode
//! would protect nothing once the new file is in place. The sidecar is never deleted (a
//! deleted-and-recreated lock file would let two processes hold "the" lock at once).
//! `std::fs::File::try_lock` (flock on Unix, LockFileEx on Windows) is released by the
//! operating system when the holder exits or crashes, so a killed writer never leaves the
//! project locked.

use super::{LoadError, SaveError};
use crate::model::Project;
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a writer waits for another one to finish before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(10);

/// `NAME.ron` → `NAME.ron.lock`.
pub fn lock_path(project_path: &Path) -> PathBuf {
    let mut name = project_path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    project_path.with_file_name(name)
}

/// An exclusive hold on one project file, for a read-modify-write or a save. Released when
/// dropped (or when the process ends, however it ends).
#[derive(Debug)]
pub struct ProjectLock {
    /// The project file the lock is for, symlinks resolved: where saves really go.
    target: PathBuf,
    file: File,
}

impl ProjectLock {
    /// Lock the project at `path` (the file need not exist yet), waiting up to `wait` for
    /// another writer. Symlinks are followed, so two links to one file share one lock.
    pub fn acquire(path: &Path, wait: Duration) -> Result<Self, SaveError> {
        let target = super::resolve_links(path).map_err(|source| SaveError::Io {
            path: path.to_owned(),
            source,
        })?;
        let lock = lock_path(&target);
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock)
            .map_err(|source| SaveError::Io {
                path: target.clone(),
                source,
            })?;
        let deadline = Instant::now() + wait;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(25));
                }
                Err(fs::TryLockError::WouldBlock) => {
                    let mut holder = String::new();
                    let _ = file.read_to_string(&mut holder);
                    return Err(SaveError::Locked {
                        path: target,
                        holder: holder.trim().chars().take(200).collect(),
                    });
                }
                Err(fs::TryLockError::Error(source)) => {
                    return Err(SaveError::Io { path: lock, source });
                }
            }
        }
        // Say who holds it, for the message the next writer gets. Best effort.
        let _ = file.set_len(0).and_then(|()| {
            file.rewind()?;
            write!(file, "{}", holder_description())
        });
        Ok(Self { target, file })
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

impl Drop for ProjectLock {
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}

fn holder_description() -> String {
    let program = std::env::args()
        .take(2)
        .map(|a| {
            Path::new(&a)
                .file_name()
                .map_or(a.clone(), |n| n.to_string_lossy().into_owned())
        })
        .collect::<Vec<_>>()
        .join(" ");
    format!("{program}, process {}", std::process::id())
}
