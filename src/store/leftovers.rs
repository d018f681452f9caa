//! Names of a save's hidden temporary files, and removing the ones a killed save left
//! (in the side folder, where saves stage now, and beside the project, where older
//! versions staged).
//!
//! Each target file gets its own prefix, `.factdesk-<hash of its name>-`, so the save of
//! one project (holding that project's lock) can remove its own leftovers without touching
//! a concurrent save of another project in the same folder.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// Files from factdesk versions whose temp names did not say which project they were for
/// are removed only once they are this old (no save takes that long).
const LEGACY_AGE: Duration = Duration::from_secs(3600);

/// `.factdesk-<16 hex digits>-`: the prefix of every temporary file of a save of `target`.
pub(crate) fn temp_prefix(target: &Path) -> String {
    let name = target.file_name().unwrap_or_default();
    let hash = xxhash_rust::xxh3::xxh3_64(name.as_encoded_bytes());
    format!(".factdesk-{hash:016x}-")
}

/// Remove what killed saves of `target` left in its folder: half-written `.tmp` files,
/// backup copies and links. Call only while holding `target`'s lock. Returns how many
/// files were removed. Errors are ignored: a leftover is litter, not a reason to fail.
pub(crate) fn remove_stale(target: &Path) -> usize {
    let prefix = temp_prefix(target);
    remove_stale_in(super::parent_dir(target), &prefix)
        + remove_stale_in(&super::side_folder(target), &prefix)
}

fn remove_stale_in(dir: &Path, prefix: &str) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let now = SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let ours =
            name.starts_with(prefix) && (name.ends_with(".tmp") || name.ends_with(".bak.link"));
        let legacy = is_legacy_leftover(name)
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| now.duration_since(t).unwrap_or_default() > LEGACY_AGE);
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if (ours || legacy) && is_file && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// `.factdesk-XXXXXX.tmp`, `.factdesk-XXXXXX.bak.tmp` (6 random characters) and
/// `.factdesk-PID.bak.link`: the names older versions used.
fn is_legacy_leftover(name: &str) -> bool {
    let Some(rest) = name.strip_prefix(".factdesk-") else {
        return false;
    };
    let random = rest
        .strip_suffix(".bak.tmp")
        .or_else(|| rest.strip_suffix(".tmp"));
    if let Some(r) = random {
        return r.len() == 6 && r.chars().all(|c| c.is_ascii_alphanumeric());
    }
    rest.strip_suffix(".bak.link")
        .is_some_and(|pid| !pid.is_empty() && pid.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_projects_leftovers_go() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.ron");
        let b = dir.path().join("b.ron");
        let mine = dir.path().join(format!("{}abc123.tmp", temp_prefix(&a)));
        let link = dir.path().join(format!("{}77.bak.link", temp_prefix(&a)));
        let theirs = dir.path().join(format!("{}abc123.tmp", temp_prefix(&b)));
        let fresh_legacy = dir.path().join(".factdesk-Ab12Cd.tmp");
        let user = dir.path().join("notes.tmp");
        let side = super::super::side_folder::ensure(&a).unwrap();
        let staged = side.join(format!("{}Zz9876.tmp", temp_prefix(&a)));
        for f in [&mine, &link, &theirs, &fresh_legacy, &user, &staged] {
            fs::write(f, "x").unwrap();
        }
        assert_eq!(remove_stale(&a), 3);
        assert!(!mine.exists() && !link.exists() && !staged.exists());
        assert!(theirs.exists() && fresh_legacy.exists() && user.exists());
        assert!(is_legacy_leftover(".factdesk-Ab12Cd.bak.tmp"));
        assert!(is_legacy_leftover(".factdesk-4242.bak.link"));
        assert!(!is_legacy_leftover(".factdesk-export-Ab12Cd"));
    }
}
