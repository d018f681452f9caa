//! Everything that can change the workbench. Views, menus, shortcuts, modal answers,
//! dropped files and the export dialog all send these; [`Workbench::apply`] carries them
//! out, the only code that changes the workbench.
//!
//! [`Workbench::apply`]: super::Workbench::apply

use super::{Action, Choice};
use crate::export::ExportOptions;
use crate::model::{Annotation, AnnotationId, ArticleId, EntityId};
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// A user-facing action (menu, toolbar, shortcut).
    Run(Action),
    /// The answer to the prompt on screen.
    Answer(Choice),
    /// A file dialog returned (empty: cancelled).
    Chosen {
        dialog: Dialog,
        paths: Vec<PathBuf>,
    },
    /// Files dropped on the window: a project opens, article files are imported.
    Dropped(Vec<PathBuf>),
    OpenPath(PathBuf),
    SelectArticle(ArticleId),
    /// Select an annotation (and scroll the reader to it).
    SelectAnnotation(AnnotationId),
    /// Select a suggestion (by key) in the current article.
    SelectSuggestion(crate::model::SuggestionKey),
    /// Accept every suggestion of this kind in the current article.
    AcceptAllSuggestions(crate::assist::SuggestionKind),
    /// Reject every suggestion of this kind in the current article.
    RejectAllSuggestions(crate::assist::SuggestionKind),
    /// Accept one suggestion (a conflict becomes claims, an alias group an entity's
    /// aliases).
    AcceptSuggestion(crate::model::SuggestionKey),
    RejectSuggestion(crate::model::SuggestionKey),
    /// Switch one suggester on or off.
    ToggleSuggester(crate::assist::SuggestionKind),
    /// Open an article and select a span of it (a conflict's or passage's place).
    GoTo {
        article: ArticleId,
        start: usize,
        end: usize,
    },
    CloseFindings,
    /// The panel changed fields of an annotation (the whole new value).
    UpdateAnnotation(Annotation),
    /// The panel changed an annotation and named its speaker or claimant: the workbench
    /// links the name to an entity (or creates one) in the same undoable step.
    UpdateAnnotationNaming {
        annotation: Annotation,
        naming: Naming,
    },
    /// Add an empty piece of evidence to a claim, accessed today.
    AddEvidence(AnnotationId),
    /// The entity's other spellings.
    SetAliases {
        entity: EntityId,
        aliases: Vec<String>,
    },
    CopyToMine(AnnotationId),
    /// Mouse selection in the reader (code points). Snapped to whole words, as brat and
    /// INCEpTION do, unless `exact` (Alt held while dragging: part of a word).
    SelectText {
        start: usize,
        end: usize,
        exact: bool,
    },
    /// A click on a character of the reader (`None`: on no character).
    Click(Option<usize>),
    /// A double click on a character: select its word.
    DoubleClick(usize),
    /// The reader shows the article from this code point on (remembered per project).
    ReadingAt(usize),
    /// Find the next match of this text in the article and select it.
    FindNext(String),
    CloseFind,
    /// The article list's filter text.
    Filter(String),
    SetAnnotator(String),
    /// Ask who is annotating (to change it).
    AskAnnotator,
    /// Show or hide one other annotator's layer.
    ToggleLayer(String),
    /// Remember the theme the window switched to.
    RememberTheme(bool),
    /// The window's close button was pressed.
    CloseRequested,
    StartExport(ExportOptions),
    CancelExport,
    /// Fetch an article from a link in the background, then import it.
    ImportLink(String),
    /// Stop waiting for a link being fetched.
    CancelLinkImport,
    /// Set up the project's git repository to merge project files with factdesk.
    SetUpGit,
    /// Show only the articles assigned to me, or all again.
    OnlyAssignedToMe(bool),
    /// Assign articles to annotators (the assign dialog's answer), as one undoable edit.
    Assign(AssignRequest),
    /// The export dialog's folder button: ask for a folder.
    ChooseExportFolder,
    /// Review these two layers against each other (yours first).
    SetReviewLayers {
        mine: String,
        theirs: String,
    },
    /// Count free-text differences (note, rationale, evidence) as disagreements.
    ReviewFreeText(bool),
    /// Look at one review item.
    SelectReviewItem(crate::review::ItemKey),
    CloseAgreement,
    CloseDecisions,
    /// Something done on the claims board (grouping, a group's verdict, filter, keys).
    Board(super::BoardCommand),
    /// Earlier fact-checks (link one, apply its verdict) and suggested groups (accept,
    /// reject).
    Checks(super::CheckCommand),
    /// Once a frame: autosave, background work.
    Tick {
        now: f64,
    },
}

/// File dialogs the workbench asks the window to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dialog {
    OpenProject,
    SaveProject {
        suggested_name: String,
    },
    ImportFiles,
    ImportFolder,
    ImportAnnotations,
    CompareWith,
    /// The folder an export writes into.
    ExportFolder,
}

/// What only the window can do, returned by [`Workbench::apply`](super::Workbench::apply).
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Show a file dialog and send back [`Command::Chosen`].
    Dialog(Dialog),
    /// Close the window for good.
    Quit,
    /// Keep the window open (the user is asked about unsaved changes first).
    CancelClose,
    ToggleTheme,
    /// Put the keyboard focus in the find field.
    FocusFind,
    /// The folder chosen for the export dialog.
    ExportFolder(PathBuf),
    OpenExportDialog,
}

/// A name given for one of an annotation's entity fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Naming {
    pub role: EntityRole,
    pub name: String,
    pub link: EntityLink,
}

/// Which entity field of an annotation a name is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityRole {
    Speaker,
    Claimant,
}

/// How a name finds its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityLink {
    /// The entity the name refers to by the speaker rule (name, alias, or an unambiguous
    /// surname), else a new one: a speaker marked in the text.
    ByName,
    /// Always a new entity: the user asked for one.
    New,
}

/// Who is to annotate which articles, as the assign dialog asks it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssignRequest {
    pub annotators: Vec<String>,
    /// Each article to this many of `annotators`, balanced (0: to all of them).
    pub each: usize,
    pub seed: u64,
    pub scope: AssignScope,
    pub blind: bool,
}

/// Which articles an assignment covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignScope {
    CurrentArticle,
    AllArticles,
    Unassigned,
}
