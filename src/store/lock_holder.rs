//! Who holds a lock on a file, asked of the operating system, so the lock file itself never
//! has to be written (it would change on every save and every command).
//!
//! On Linux `/proc/locks` lists every lock with its owner's process id and the file's device
//! and inode; elsewhere the holder is not named.

use std::fs::File;

/// "PROGRAM ARG, process PID" of the process holding a lock on `file`, if it can be told.
pub(crate) fn of(file: &File) -> Option<String> {
    #[cfg(target_os = "linux")]
    {
        linux::holder(file)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = file;
        None
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use std::fs::File;
    use std::os::linux::fs::MetadataExt;
    use std::path::Path;

    pub(super) fn holder(file: &File) -> Option<String> {
        let meta = file.metadata().ok()?;
        let dev = meta.st_dev();
        // The kernel prints `MAJOR:MINOR:INODE`, the device numbers in hex (fs/locks.c).
        let major = ((dev >> 8) & 0xfff) | ((dev >> 32) & !0xfff);
        let minor = (dev & 0xff) | ((dev >> 12) & !0xff);
        let id = format!("{major:02x}:{minor:02x}:{}", meta.st_ino());
        let locks = std::fs::read_to_string("/proc/locks").ok()?;
        let pid = pid_holding(&locks, &id)?;
        Some(describe(pid))
    }

    /// The pid of the first (granted, not waiting) lock on the file `id` in `/proc/locks`.
    pub(super) fn pid_holding(locks: &str, id: &str) -> Option<u32> {
        locks.lines().find_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            if fields.get(1) == Some(&"->") {
                return None;
            }
            let at = fields.iter().position(|f| *f == id)?;
            fields.get(at.checked_sub(1)?)?.parse().ok()
        })
    }

    fn describe(pid: u32) -> String {
        let program = std::fs::read(format!("/proc/{pid}/cmdline"))
            .ok()
            .map(|bytes| {
                bytes
                    .split(|b| *b == 0)
                    .filter(|a| !a.is_empty())
                    .take(2)
                    .map(|a| {
                        let a = String::from_utf8_lossy(a);
                        Path::new(a.as_ref())
                            .file_name()
                            .map_or(a.to_string(), |n| n.to_string_lossy().into_owned())
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default();
        if program.is_empty() {
            format!("process {pid}")
        } else {
            format!("{program}, process {pid}")
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn finds_the_granted_lock_not_a_waiter() {
            let locks = "1: FLOCK  ADVISORY  WRITE 4242 08:01:77 0 EOF\n\
                         1: -> FLOCK  ADVISORY  WRITE 99 08:01:77 0 EOF\n\
                         2: POSIX  ADVISORY  READ 7 00:2f:12 0 EOF\n";
            assert_eq!(pid_holding(locks, "08:01:77"), Some(4242));
            assert_eq!(pid_holding(locks, "00:2f:12"), Some(7));
            assert_eq!(pid_holding(locks, "08:01:78"), None);
            assert_eq!(pid_holding("garbage\n\n", "08:01:77"), None);
        }

        #[test]
        fn names_this_process_as_the_holder() {
            let dir = tempfile::tempdir().unwrap();
            let file = File::create(dir.path().join("l")).unwrap();
            file.lock().unwrap();
            let other = File::open(dir.path().join("l")).unwrap();
            let said = holder(&other).unwrap_or_default();
            assert!(said.contains(&std::process::id().to_string()), "{said:?}");
        }
    }
}
