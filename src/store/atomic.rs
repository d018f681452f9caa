//! Crash-safe file replacement.

use super::leftovers::temp_prefix;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Write `bytes` to `path` atomically: temp file in the side folder (`.factdesk/` beside
/// `path`, see `side_folder`), fsync, rename over. With `keep_backup`, the previous file (if
/// any) is first kept as `.factdesk/NAME.bak`. A symlink at `path` is written through: its
/// target is replaced and the link stays a link.
///
/// A crash at any moment leaves `path` either whole-old or whole-new.
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> io::Result<()> {
    let path = resolve_links(path)?;
    let path = path.as_path();
    let dir = parent_dir(path);
    let staging = super::side_folder::staging_dir(path);
    let old_meta = fs::metadata(path).ok();
    if let Some(m) = &old_meta
        && !m.is_file()
    {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }

    let prefix = temp_prefix(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .tempfile_in(&staging)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = old_meta
            .as_ref()
            .map_or(0o644, |m| m.permissions().mode() & 0o777);
        fs::set_permissions(tmp.path(), fs::Permissions::from_mode(mode))?;
    }

    // A missing backup must not stop the save itself (e.g. in a Flatpak sandbox, where the
    // document portal lets the app replace the chosen file but create no sibling).
    if keep_backup
        && old_meta.is_some()
        && let Err(e) = keep_as_backup(path, &staging, &prefix)
    {
        eprintln!(
            "factdesk: saved without a backup of {}: {e}",
            path.display()
        );
    }

    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir);
    if staging != dir {
        sync_dir(&staging);
    }
    Ok(())
}

/// The folder holding `path` (`.` for a bare file name).
pub(crate) fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Follow symlinks at `path` (up to 40, as the kernel does) to the file a save must
/// replace. A path that is not a link (or does not exist) is returned as it is.
pub fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_owned();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = parent_dir(&current).join(target);
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        "too many levels of symbolic links",
    ))
}

/// Keep the current file as its backup (`.factdesk/NAME.bak`): a hard link (instant, and the old file's bytes
/// stay exactly as they were), or a copy where links are not supported. Either way the
/// backup appears by an atomic rename, so it is never half-written.
fn keep_as_backup(path: &Path, dir: &Path, prefix: &str) -> io::Result<()> {
    let backup = super::backup_path(path);
    if backup.parent() != Some(dir) {
        // No side folder could be made: no backup rather than one in git's way.
        return Err(io::Error::other("no folder for a backup"));
    }
    if same_file(path, &backup) {
        // Already a link to the current file (a copy made by hand with `ln`): replacing it
        // by a fresh link changes nothing, and rename between two links of one inode is a
        // no-op that would leave the temporary link behind.
        return Ok(());
    }
    let link = dir.join(format!("{prefix}{}.bak.link", std::process::id()));
    let _ = fs::remove_file(&link);
    if fs::hard_link(path, &link).is_ok() {
        let renamed = fs::rename(&link, &backup);
        let _ = fs::remove_file(&link);
        return renamed;
    }
    let mut bak = tempfile::Builder::new()
        .prefix(prefix)
        .suffix(".bak.tmp")
        .tempfile_in(dir)?;
    io::copy(&mut fs::File::open(path)?, bak.as_file_mut())?;
    bak.as_file().sync_all()?;
    bak.persist(&backup).map_err(|e| e.error)?;
    Ok(())
}

/// Whether two paths are one file (same device and inode). Never true off Unix.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

/// Make the rename durable. Best effort: not every platform can open a directory.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
