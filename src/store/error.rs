//! Load and save errors, each naming the file (and line, column or annotation id).

use crate::model::Problem;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: not a regular file", path.display())]
    NotAFile { path: PathBuf },
    #[error("{}: file is {size} bytes, more than the {} a project may have", path.display(), super::MAX_FILE_BYTES)]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{}: not valid UTF-8 (first bad byte at offset {offset})", path.display())]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("{}:{line}:{col}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
    #[error(
        "{}: written by a newer factdesk (format_version {found}); this version reads up to {supported}. Upgrade factdesk to open it.",
        path.display()
    )]
    NewerVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{}: format_version {found} is not a version factdesk ever wrote", path.display())]
    UnknownVersion { path: PathBuf, found: u32 },
    #[error("{}: {} problem(s), first: {}", path.display(), problems.len(), problems.first().map(ToString::to_string).unwrap_or_default())]
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },
}

impl LoadError {
    /// Attach the file path to an error produced from text alone.
    pub(crate) fn at(self, file: &std::path::Path) -> Self {
        let path = file.to_owned();
        match self {
            Self::Parse {
                line, col, message, ..
            } => Self::Parse {
                path,
                line,
                col,
                message,
            },
            Self::NewerVersion {
                found, supported, ..
            } => Self::NewerVersion {
                path,
                found,
                supported,
            },
            Self::UnknownVersion { found, .. } => Self::UnknownVersion { path, found },
            Self::Invalid { problems, .. } => Self::Invalid { path, problems },
            other => other,
        }
    }

    /// The consistency problems, when that is why the file was refused.
    pub fn problems(&self) -> &[Problem] {
        match self {
            Self::Invalid { problems, .. } => problems,
            _ => &[],
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("not saved: the project has {} problem(s), first: {}", .0.len(), .0.first().map(ToString::to_string).unwrap_or_default())]
    Invalid(Vec<Problem>),
    #[error("could not write the project: {0}")]
    Serialize(#[from] ron::Error),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: not a regular file; not overwritten", path.display())]
    NotAFile { path: PathBuf },
    #[error(
        "{}: not saved: the project would be over {} bytes, more than factdesk opens; nothing was written (split it into several projects)",
        path.display(), super::MAX_FILE_BYTES
    )]
    TooLarge { path: PathBuf },
    #[error("{}: the file is read-only; not overwritten (save under another name)", path.display())]
    ReadOnly { path: PathBuf },
    #[error(
        "{}: another program is saving this project{}; try again when it has finished",
        path.display(),
        if holder.is_empty() { String::new() } else { format!(" ({holder})") }
    )]
    Locked { path: PathBuf, holder: String },
    #[error(
        "{}: changed on disk since it was opened or last saved; not overwritten (merge it in, save under another name, or overwrite)",
        path.display()
    )]
    ChangedOnDisk { path: PathBuf },
}
