//! Questions and messages the workbench puts to the user. The GUI draws the current one
//! and answers with a [`Choice`](super::Choice) command.

use std::path::PathBuf;

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
pub enum Then {
    New,
    Open(Option<PathBuf>),
    Quit,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Prompt {
    Help,
    /// Who is annotating (asked on first use).
    Annotator,
    Unsaved(Then),
    /// A recovery file newer than the project (or for an untitled project).
    Recovery {
        project: Option<PathBuf>,
        recovery: PathBuf,
    },
    /// Something failed.
    Error {
        title: String,
        message: String,
    },
    /// Something worked, with details worth reading (an import's report).
    Notice {
        title: String,
        message: String,
    },
    /// Which layer imported annotations go into.
    ImportLayer {
        file: PathBuf,
    },
    /// Articles only the compared project has: add them, or leave them out.
    CompareArticles {
        file: PathBuf,
        titles: Vec<String>,
    },
}

/// The user's answer to a prompt.
#[derive(Clone, Debug, PartialEq)]
pub enum Choice {
    Close,
    AnnotatorSet(String),
    SaveThen(Then),
    DiscardThen(Then),
    Restore,
    DiscardRecovery,
    /// Import the annotations into this layer.
    ImportInto(String),
    /// Add the compared project's unmatched articles too (or not).
    AddUnmatchedArticles(bool),
}
