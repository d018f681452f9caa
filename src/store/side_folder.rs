//! The hidden folder beside a project that holds its side files, out of git's way.
//!
//! `DIR/NAME.ron` keeps its lock (`NAME.ron.lock`), backup (`NAME.ron.bak`), autosave
//! (`NAME.ron.recovery`) and a save's temporary files in `DIR/.factdesk/`. The folder
//! carries its own `.gitignore` of `*` (as pytest's `.pytest_cache` does), so `git add -A`
//! never takes any of it and a team's repository holds project files only. Nothing in it is
//! rewritten unless something is saved.
//!
//! Versions before this folder kept the lock, backup and autosave beside the project; the
//! first save under the new layout moves or removes them ([`clean_legacy`]).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Name of the hidden folder beside a project.
pub const SIDE_FOLDER: &str = ".factdesk";

/// What the folder's `.gitignore` holds: everything in it is ignored, itself included.
const GITIGNORE: &str =
    "# Created by factdesk automatically: lock, backup and autosave files.\n*\n";

/// `DIR/NAME.ron` → `DIR/.factdesk`.
pub fn side_folder(project_path: &Path) -> PathBuf {
    super::parent_dir(project_path).join(SIDE_FOLDER)
}

/// `DIR/NAME.ron` → `DIR/.factdesk/NAME.ron<suffix>`.
pub(crate) fn side_file(project_path: &Path, suffix: &str) -> PathBuf {
    side_folder(project_path).join(with_suffix(project_path, suffix))
}

/// `DIR/NAME.ron` → `DIR/NAME.ron<suffix>`: where versions before the side folder kept it.
pub(crate) fn legacy_file(project_path: &Path, suffix: &str) -> PathBuf {
    project_path.with_file_name(with_suffix(project_path, suffix))
}

fn with_suffix(project_path: &Path, suffix: &str) -> std::ffi::OsString {
    let mut name = project_path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    name
}

/// Create the side folder of `project_path` (and its `.gitignore`) if missing; returns it.
/// An existing `.gitignore` with the right content is left alone (no churn).
pub fn ensure(project_path: &Path) -> io::Result<PathBuf> {
    let folder = side_folder(project_path);
    match fs::symlink_metadata(&folder) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!(
                    "{} is not a folder (factdesk keeps its lock, backup and autosave files there)",
                    folder.display()
                ),
            ));
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => match fs::create_dir(&folder) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        },
        Err(e) => return Err(e),
    }
    let ignore = folder.join(".gitignore");
    if fs::read(&ignore).ok().as_deref() != Some(GITIGNORE.as_bytes()) {
        // Written whole by a rename, so two processes creating it at once both leave it whole.
        let mut tmp = tempfile::Builder::new()
            .prefix(".gitignore.")
            .suffix(".tmp")
            .tempfile_in(&folder)?;
        io::Write::write_all(&mut tmp, GITIGNORE.as_bytes())?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o644))?;
        }
        tmp.persist(&ignore).map_err(|e| e.error)?;
    }
    Ok(folder)
}

/// Where a save of `path` stages its temporary files: the side folder (created if needed),
/// or — for a file that is itself in a side folder, or where the folder cannot be made —
/// the file's own folder. Either way the same file system, so the final rename is atomic.
pub(crate) fn staging_dir(path: &Path) -> PathBuf {
    let dir = super::parent_dir(path);
    if dir.file_name().is_some_and(|n| n == SIDE_FOLDER) {
        return dir.to_owned();
    }
    ensure(path).unwrap_or_else(|_| dir.to_owned())
}

/// After a save of `target` (under its lock): remove the backup versions before the side
/// folder kept beside it, and move an old autosave into the side folder (or drop it when
/// a newer one is there). Best effort: a leftover is litter, not a reason to fail a save.
pub(crate) fn clean_legacy(target: &Path) {
    let _ = fs::remove_file(legacy_file(target, ".bak"));
    let old = legacy_file(target, ".recovery");
    if fs::symlink_metadata(&old).is_ok_and(|m| m.is_file()) {
        let new = side_file(target, ".recovery");
        let newer_here = modified(&new).is_some_and(|n| modified(&old).is_none_or(|o| n >= o));
        if newer_here || ensure(target).is_err() || fs::rename(&old, &new).is_err() {
            let _ = fs::remove_file(&old);
        }
    }
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folder_ignores_itself_and_is_not_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.ron");
        let folder = ensure(&project).unwrap();
        assert_eq!(folder, dir.path().join(".factdesk"));
        let ignore = folder.join(".gitignore");
        assert!(fs::read_to_string(&ignore).unwrap().ends_with("\n*\n"));
        let before = fs::metadata(&ignore).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        ensure(&project).unwrap();
        assert_eq!(fs::metadata(&ignore).unwrap().modified().unwrap(), before);
        assert_eq!(
            side_file(&project, ".lock"),
            dir.path().join(".factdesk/p.ron.lock")
        );
        assert_eq!(legacy_file(&project, ".bak"), dir.path().join("p.ron.bak"));
    }

    #[test]
    fn a_file_in_the_folders_place_is_refused_clearly() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(".factdesk"), "x").unwrap();
        let err = ensure(&dir.path().join("p.ron")).unwrap_err();
        assert!(err.to_string().contains("is not a folder"), "{err}");
        // Temporary files then stay beside the project.
        assert_eq!(staging_dir(&dir.path().join("p.ron")), dir.path());
    }

    #[test]
    fn old_side_files_are_moved_or_removed() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.ron");
        fs::write(&project, "x").unwrap();
        fs::write(legacy_file(&project, ".bak"), "old").unwrap();
        fs::write(legacy_file(&project, ".recovery"), "autosaved").unwrap();
        clean_legacy(&project);
        assert!(!legacy_file(&project, ".bak").exists());
        assert!(!legacy_file(&project, ".recovery").exists());
        assert_eq!(
            fs::read_to_string(side_file(&project, ".recovery")).unwrap(),
            "autosaved"
        );
    }
}
