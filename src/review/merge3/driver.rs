//! `factdesk merge-driver %O %A %B`: git's three versions of a project file in, the merge
//! written over %A (ours). Anything that is not a whole project — a 0-byte file, a
//! truncated one, something that is not RON — is refused before anything is written, so
//! ours stays byte for byte what it was and git reports a conflict. Only the ancestor may
//! be empty: git passes an empty %O when both branches added the file (no common version).

use super::{Conflict, merge3};
use crate::model::{Problem, Project};
use crate::store::{self, LoadError};
use std::path::{Path, PathBuf};

/// Why nothing was merged (ours is left as it was in every case but `Write`).
#[derive(Debug, thiserror::Error)]
pub enum DriverError {
    #[error(
        "{}: empty file (0 bytes), not a project; nothing merged, {} left as it was",
        path.display(),
        ours.display()
    )]
    Empty { path: PathBuf, ours: PathBuf },
    #[error("{source}; nothing merged, {} left as it was", ours.display())]
    Unreadable {
        #[source]
        source: LoadError,
        ours: PathBuf,
    },
    #[error(
        "could not merge into a sound project ({problem}); {} left as it was",
        ours.display()
    )]
    Unsound { problem: Problem, ours: PathBuf },
    #[error("could not write the merge: {source}")]
    Serialize {
        #[from]
        source: ron::Error,
    },
    #[error("{}: could not write the merge: {source}", ours.display())]
    Write {
        ours: PathBuf,
        source: std::io::Error,
    },
}

/// What a merge written over ours needs the user to look at.
#[derive(Debug)]
pub struct DriverOutcome {
    pub conflicts: Vec<Conflict>,
    /// Items both sides had added under different ids, kept once.
    pub matched: usize,
}

/// Which version of the three a file is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Base,
    Ours,
    Theirs,
}

fn read(path: &Path, side: Side, ours: &Path) -> Result<Project, DriverError> {
    let empty = std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == 0);
    if empty {
        if side == Side::Base {
            return Ok(Project::new(""));
        }
        return Err(DriverError::Empty {
            path: path.to_owned(),
            ours: ours.to_owned(),
        });
    }
    store::load(path).map_err(|source| DriverError::Unreadable {
        source,
        ours: ours.to_owned(),
    })
}

/// Read the three versions, merge, and write the result over `ours` atomically.
pub fn run(base: &Path, ours: &Path, theirs: &Path) -> Result<DriverOutcome, DriverError> {
    let b = read(base, Side::Base, ours)?;
    let o = read(ours, Side::Ours, ours)?;
    let t = read(theirs, Side::Theirs, ours)?;
    let merged = merge3(&b, &o, &t);
    if let Some(problem) = merged.project.problems().into_iter().next() {
        return Err(DriverError::Unsound {
            problem,
            ours: ours.to_owned(),
        });
    }
    let text = store::to_ron_string(&merged.project)?;
    store::write_atomic(ours, text.as_bytes(), false).map_err(|source| DriverError::Write {
        ours: ours.to_owned(),
        source,
    })?;
    Ok(DriverOutcome {
        conflicts: merged.conflicts,
        matched: merged.matched,
    })
}
