//! Crash-safe file replacement.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Write `bytes` to `path` atomically: temp file in the same folder, fsync, rename over.
/// With `keep_backup`, the previous file (if any) is first kept as `NAME.bak`.
///
/// A crash at any moment leaves `path` either whole-old or whole-new.
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let old_meta = fs::metadata(path).ok();
    if let Some(m) = &old_meta
        && !m.is_file()
    {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }

    let mut tmp = tempfile::Builder::new()
        .prefix(".factdesk-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
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
        && let Err(e) = keep_as_backup(path, dir)
    {
        eprintln!(
            "factdesk: saved without a backup of {}: {e}",
            path.display()
        );
    }

    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir);
    Ok(())
}

/// Keep the current file as `NAME.bak`: a hard link (instant, and the old file's bytes
/// stay exactly as they were), or a copy where links are not supported. Either way the
/// backup appears by an atomic rename, so it is never half-written.
fn keep_as_backup(path: &Path, dir: &Path) -> io::Result<()> {
    let backup = super::backup_path(path);
    let link = dir.join(format!(".factdesk-{}.bak.link", std::process::id()));
    let _ = fs::remove_file(&link);
    if fs::hard_link(path, &link).is_ok() {
        return fs::rename(&link, &backup);
    }
    let mut bak = tempfile::Builder::new()
        .prefix(".factdesk-")
        .suffix(".bak.tmp")
        .tempfile_in(dir)?;
    io::copy(&mut fs::File::open(path)?, bak.as_file_mut())?;
    bak.as_file().sync_all()?;
    bak.persist(&backup).map_err(|e| e.error)?;
    Ok(())
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
