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
    /// Who annotates which articles (and blind mode): the assign dialog.
    Assign {
        /// Annotators known to the project, to start the list from.
        annotators: Vec<String>,
        blind: bool,
    },
    /// The link to import an article from.
    ImportLink,
    /// Which layer imported annotations go into.
    ImportLayer {
        file: PathBuf,
    },
    /// The project file changed on disk since it was opened or saved (another program,
    /// a colleague on a shared folder, git): never overwritten silently.
    ChangedOnDisk {
        path: PathBuf,
    },
    /// The project file is read-only.
    ReadOnly {
        path: PathBuf,
    },
    /// An export would replace files of the same names in its folder.
    ExportReplace {
        files: Vec<PathBuf>,
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
    /// Bring the version on disk in (as with *Compare with…*), then save over it.
    MergeDiskVersion,
    /// Save the project under another name.
    SaveElsewhere,
    /// Replace the changed file with this version, as confirmed.
    Overwrite,
    /// Replace the export folder's files of the same names.
    ReplaceExportFiles,
    /// Import the article at this link.
    ImportLink(String),
    /// Assign as the dialog says.
    Assign(crate::app::AssignRequest),
}
