//! Why an export stopped.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the project has no layer {name:?} (layers: {})", if available.is_empty() { "none".to_owned() } else { available.join(", ") })]
    NoSuchLayer {
        name: String,
        available: Vec<String>,
    },
    #[error("{0}")]
    Options(String),
    #[error("could not write JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("could not write CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("export cancelled")]
    Cancelled,
    #[error(
        "{}: {} file(s) of the same names already there ({}); nothing was replaced (use --force to replace them)",
        files.first().and_then(|f| f.parent()).map(|d| d.display().to_string()).unwrap_or_default(),
        files.len(),
        files.iter().take(3).filter_map(|f| f.file_name()).map(|n| n.to_string_lossy()).collect::<Vec<_>>().join(", ")
    )]
    WouldReplace { files: Vec<PathBuf> },
    #[error("{}: a folder has the name of an output file; nothing was replaced", path.display())]
    Occupied { path: PathBuf },
}

impl ExportError {
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.into();
        move |source| Self::Io { path, source }
    }
}
