//! What a project file looked like when it was loaded or saved, to notice later that
//! someone else (another window, the CLI, a colleague on a shared folder) changed it.

use std::fs;
use std::io;
use std::path::Path;
use std::time::SystemTime;

/// A project file's length, modification time and content hash at one moment.
///
/// The hash decides: a file rewritten with the same length within the file system's
/// timestamp granularity is still seen as changed, and a file merely touched is not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    pub len: u64,
    pub modified: Option<SystemTime>,
    /// xxh3 of the file's bytes.
    pub hash: u64,
}

impl DiskStamp {
    /// Stamp for `bytes` just read from or written to `path`.
    pub fn of_bytes(path: &Path, bytes: &[u8]) -> Self {
        let modified = fs::metadata(path).and_then(|m| m.modified()).ok();
        Self {
            len: bytes.len() as u64,
            modified,
            hash: xxhash_rust::xxh3::xxh3_64(bytes),
        }
    }

    /// Read the file now and stamp it; `None` when it does not exist.
    pub fn read(path: &Path) -> io::Result<Option<Self>> {
        match fs::read(path) {
            Ok(bytes) => Ok(Some(Self::of_bytes(path, &bytes))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Cheap check from metadata alone (no reading): `true` when length or modification
    /// time differ. For polling (e.g. when the window gets focus); confirm with
    /// [`changed_since`] before telling the user.
    pub fn looks_changed(&self, path: &Path) -> bool {
        match fs::metadata(path) {
            Ok(m) => m.len() != self.len || m.modified().ok() != self.modified,
            Err(_) => false,
        }
    }
}

/// Whether the file at `path` now holds other bytes than when `stamp` was taken. A file
/// that no longer exists has not "changed": saving recreates it and overwrites nothing.
pub fn changed_since(path: &Path, stamp: &DiskStamp) -> io::Result<bool> {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e),
    };
    if meta.len() != stamp.len {
        return Ok(true);
    }
    Ok(DiskStamp::read(path)?.is_some_and(|now| now.hash != stamp.hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_length_edit_is_a_change_and_touch_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        fs::write(&path, "alpha").unwrap();
        let stamp = DiskStamp::read(&path).unwrap().unwrap();
        assert!(!changed_since(&path, &stamp).unwrap());
        // Same bytes rewritten (a touch): not a change.
        fs::write(&path, "alpha").unwrap();
        assert!(!changed_since(&path, &stamp).unwrap());
        // Same length, other bytes: a change, whatever the mtime says.
        fs::write(&path, "alphb").unwrap();
        assert!(changed_since(&path, &stamp).unwrap());
        fs::remove_file(&path).unwrap();
        assert!(!changed_since(&path, &stamp).unwrap());
    }
}
