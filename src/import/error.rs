//! Import errors (the import stops) and warnings (something was skipped).

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: file is {size} bytes, too large to import", path.display())]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{}: not valid UTF-8 (first bad byte at offset {offset}); convert it to UTF-8 first", path.display())]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("{}:{line}:{col}: invalid JSON: {message}", path.display())]
    Json {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("{}:{line}: {message}", path.display())]
    Field {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error(transparent)]
    Fetch(#[from] super::web::FetchError),
    #[error(transparent)]
    Page(#[from] super::web::ExtractError),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    EmptyFile {
        path: PathBuf,
    },
    EmptyFolder {
        path: PathBuf,
    },
    EmptyText {
        path: PathBuf,
        line: usize,
    },
    Duplicate {
        source: String,
        existing: String,
    },
    /// A web page whose canonical address an article already has.
    DuplicateUrl {
        source: String,
        url: String,
        existing: String,
    },
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::EmptyFile { path } => write!(f, "{}: empty, skipped", path.display()),
            Self::EmptyFolder { path } => {
                write!(
                    f,
                    "{}: no .txt, .jsonl or .html files in this folder",
                    path.display()
                )
            }
            Self::EmptyText { path, line } => {
                write!(f, "{}:{line}: empty text, skipped", path.display())
            }
            Self::Duplicate { source, existing } => {
                write!(f, "{source}: same text as article {existing:?}, skipped")
            }
            Self::DuplicateUrl {
                source,
                url,
                existing,
            } => write!(
                f,
                "{source}: same address ({url}) as article {existing:?}, skipped"
            ),
        }
    }
}
