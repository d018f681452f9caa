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
}

impl ExportError {
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.into();
        move |source| Self::Io { path, source }
    }
}
