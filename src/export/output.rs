//! Where exported files go: a hidden staging folder inside the output folder, moved into
//! place only when the whole export succeeded. Files of the same names already in the
//! output folder are replaced only when the user said so, and then all of them or none.
//! File names derived from titles are sanitised here.
//!
//! Each staging folder holds a locked `.lock` file while its export runs; a staging folder
//! whose lock can be taken belongs to an export that was killed, and the next export into
//! that folder removes it.

use super::ExportError;
use std::collections::HashSet;
use std::fs::{self, File};
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Prefix of the hidden staging folders.
const STAGING_PREFIX: &str = ".factdesk-export-";
/// Inside a staging folder: the lock its export holds while running.
const STAGING_LOCK: &str = ".lock";
/// Inside a staging folder: where replaced files wait until the export has succeeded.
const REPLACED: &str = ".replaced";
/// Staging folders of versions without a lock file are removed once this old.
const LEGACY_AGE: Duration = Duration::from_secs(3600);

/// Longest file stem made from a title, in bytes (file systems allow 255 per name).
const MAX_STEM_BYTES: usize = 100;

/// The files of one export, staged until [`Output::commit`].
pub struct Output {
    dir: PathBuf,
    staging: tempfile::TempDir,
    /// Held (locked) while the export runs, so no other export takes this folder as stale.
    _lock: File,
    names: Vec<String>,
    used: HashSet<String>,
}

impl Output {
    /// Create the output folder if needed and a staging folder inside it.
    pub fn create(dir: &Path) -> Result<Self, ExportError> {
        fs::create_dir_all(dir).map_err(ExportError::io(dir))?;
        remove_stale_staging(dir);
        let staging = tempfile::Builder::new()
            .prefix(STAGING_PREFIX)
            .tempdir_in(dir)
            .map_err(ExportError::io(dir))?;
        let lock_path = staging.path().join(STAGING_LOCK);
        let lock = File::create(&lock_path).map_err(ExportError::io(&lock_path))?;
        lock.lock().map_err(ExportError::io(&lock_path))?;
        Ok(Self {
            dir: dir.to_owned(),
            staging,
            _lock: lock,
            names: Vec::new(),
            used: HashSet::new(),
        })
    }

    /// A buffered writer for a new file. `name` is one of the exporter's fixed names or
    /// comes from [`Output::unique_stem`]; it never holds a path separator.
    pub fn file(&mut self, name: &str) -> Result<BufWriter<File>, ExportError> {
        debug_assert!(!name.contains(['/', '\\']) && name != ".." && !name.is_empty());
        let path = self.staging.path().join(name);
        let file = File::create(&path).map_err(ExportError::io(self.dir.join(name)))?;
        self.used.insert(name.to_lowercase());
        self.names.push(name.to_owned());
        Ok(BufWriter::with_capacity(1 << 20, file))
    }

    /// Write a whole small file.
    pub fn write(&mut self, name: &str, bytes: &[u8]) -> Result<(), ExportError> {
        use std::io::Write;
        let mut w = self.file(name)?;
        w.write_all(bytes)
            .and_then(|()| w.flush())
            .map_err(ExportError::io(self.dir.join(name)))
    }

    /// Flush a writer from [`Output::file`], naming the file on error.
    pub fn finish(&self, name: &str, mut w: BufWriter<File>) -> Result<(), ExportError> {
        use std::io::Write;
        w.flush().map_err(ExportError::io(self.dir.join(name)))
    }

    /// The final path of a file name, for error messages.
    pub fn path_of(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// A safe file stem from a title, unique (case-insensitively) among this export's files
    /// with any of `extensions`.
    pub fn unique_stem(&mut self, title: &str, extensions: &[&str]) -> String {
        let base = sanitize_file_stem(title);
        let mut n = 1;
        loop {
            let stem = if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            let free = extensions
                .iter()
                .all(|e| !self.used.contains(&format!("{stem}.{e}").to_lowercase()));
            if free {
                for e in extensions {
                    self.used.insert(format!("{stem}.{e}").to_lowercase());
                }
                return stem;
            }
            n += 1;
        }
    }

    /// Files of the output folder that committing would replace, in the order written.
    pub fn conflicts(&self) -> Vec<PathBuf> {
        self.names
            .iter()
            .map(|name| self.dir.join(name))
            .filter(|to| fs::symlink_metadata(to).is_ok())
            .collect()
    }

    /// Move every staged file into the output folder; returns their final paths. Files of
    /// the same names there are refused ([`ExportError::WouldReplace`]) unless `force`, and
    /// then replaced all together: if one move fails, the files already moved are taken
    /// back and the replaced ones restored, so the folder is as it was.
    pub fn commit(self, force: bool) -> Result<Vec<PathBuf>, ExportError> {
        let conflicts = self.conflicts();
        for to in &conflicts {
            if fs::symlink_metadata(to).is_ok_and(|m| m.is_dir()) {
                return Err(ExportError::Occupied { path: to.clone() });
            }
        }
        if !conflicts.is_empty() && !force {
            return Err(ExportError::WouldReplace { files: conflicts });
        }
        let replaced_dir = self.staging.path().join(REPLACED);
        if !conflicts.is_empty() {
            fs::create_dir(&replaced_dir).map_err(ExportError::io(&replaced_dir))?;
        }
        let mut moves = Moves::default();
        match self.move_all(&replaced_dir, &mut moves) {
            Ok(done) => Ok(done),
            Err(e) => {
                moves.undo();
                Err(e)
            }
        }
    }

    fn move_all(
        &self,
        replaced_dir: &Path,
        moves: &mut Moves,
    ) -> Result<Vec<PathBuf>, ExportError> {
        let mut done = Vec::with_capacity(self.names.len());
        for name in &self.names {
            let to = self.dir.join(name);
            if fs::symlink_metadata(&to).is_ok() {
                let aside = replaced_dir.join(name);
                fs::rename(&to, &aside).map_err(ExportError::io(to.clone()))?;
                moves.set_aside.push((to.clone(), aside));
            }
            let from = self.staging.path().join(name);
            fs::rename(&from, &to).map_err(ExportError::io(to.clone()))?;
            moves.placed.push((from, to.clone()));
            done.push(to);
        }
        Ok(done)
    }
}

/// What a commit has moved so far, to put back if a later move fails.
#[derive(Default)]
struct Moves {
    /// (staged path, final path) of files moved into the output folder.
    placed: Vec<(PathBuf, PathBuf)>,
    /// (original path, where it was set aside) of files being replaced.
    set_aside: Vec<(PathBuf, PathBuf)>,
}

impl Moves {
    fn undo(self) {
        for (staged, placed) in self.placed.iter().rev() {
            let _ = fs::rename(placed, staged);
        }
        for (original, aside) in self.set_aside.iter().rev() {
            let _ = fs::rename(aside, original);
        }
    }
}

/// Remove staging folders that killed exports left in `dir`: those whose lock nobody
/// holds (and, from versions without a lock, those over an hour old).
fn remove_stale_staging(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let is_staging = entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(STAGING_PREFIX));
        if !is_staging || !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let path = entry.path();
        let abandoned = match File::open(path.join(STAGING_LOCK)) {
            Ok(lock) => lock.try_lock().is_ok(),
            Err(_) => entry.metadata().and_then(|m| m.modified()).is_ok_and(|t| {
                SystemTime::now().duration_since(t).unwrap_or_default() > LEGACY_AGE
            }),
        };
        if abandoned {
            let _ = fs::remove_dir_all(&path);
        }
    }
}

/// Turn a title into a file stem that is safe on every platform: no path separators, no
/// `.`/`..`, no control or reserved characters, no Windows device names, at most
/// [`MAX_STEM_BYTES`] bytes, never empty. Letters of any script are kept.
pub fn sanitize_file_stem(title: &str) -> String {
    let mut s = String::with_capacity(title.len().min(MAX_STEM_BYTES));
    let mut last_sep = true;
    for c in title.chars() {
        let keep = c.is_alphanumeric() || matches!(c, '-' | '.' | ',' | '(' | ')' | '\'');
        if keep {
            if c == '.' && s.ends_with('.') {
                continue; // never `..`
            }
            if s.len() + c.len_utf8() > MAX_STEM_BYTES {
                break;
            }
            s.push(c);
            last_sep = false;
        } else if !last_sep {
            if s.len() + 1 > MAX_STEM_BYTES {
                break;
            }
            s.push('_');
            last_sep = true;
        }
    }
    let s = s.trim_matches(|c| c == '_' || c == '.' || c == ' ');
    let mut s = if s.is_empty() {
        "article".to_owned()
    } else {
        s.to_owned()
    };
    const DEVICES: [&str; 22] = [
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
        "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ];
    let head = s.split('.').next().unwrap_or_default().to_lowercase();
    if DEVICES.contains(&head.as_str()) {
        s.insert(0, '_');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitizes_titles() {
        assert_eq!(sanitize_file_stem("../../etc/passwd"), "etc_passwd");
        assert_eq!(sanitize_file_stem(".."), "article");
        assert_eq!(sanitize_file_stem("a..b...c"), "a.b.c");
        assert_eq!(
            sanitize_file_stem("a\\b/c:d*e?f\"g<h>i|j"),
            "a_b_c_d_e_f_g_h_i_j"
        );
        assert_eq!(
            sanitize_file_stem("line\nbreak\ttab\u{0}nul"),
            "line_break_tab_nul"
        );
        assert_eq!(sanitize_file_stem("   "), "article");
        assert_eq!(sanitize_file_stem("CON"), "_CON");
        assert_eq!(sanitize_file_stem("nul.txt"), "_nul.txt");
        assert_eq!(
            sanitize_file_stem("Trump ‘Made Khameini Cry’"),
            "Trump_Made_Khameini_Cry"
        );
        assert_eq!(sanitize_file_stem("مرحبا 中文"), "مرحبا_中文");
        let long = sanitize_file_stem(&"é".repeat(500));
        assert!(long.len() <= MAX_STEM_BYTES && long.chars().all(|c| c == 'é'));
    }

    #[test]
    fn stems_are_unique() {
        let dir = tempfile::tempdir().unwrap();
        let mut out = Output::create(dir.path()).unwrap();
        let a = out.unique_stem("Same", &["txt", "ann"]);
        let b = out.unique_stem("same", &["txt", "ann"]);
        let c = out.unique_stem("SAME", &["txt", "ann"]);
        assert_eq!(
            (a.as_str(), b.as_str(), c.as_str()),
            ("Same", "same-2", "SAME-3")
        );
    }
}
