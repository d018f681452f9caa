//! The workbench core: everything the GUI does, without the GUI. The open project as a
//! [`Session`] with undoable [`Edit`]s and their [`History`]; the [`Workbench`] that owns
//! it with the current article, selection, mode and prompts, and applies every
//! [`Command`]; the [`Action`]s users invoke with their shortcuts per [`Mode`]; the
//! [`Mark`]s the reader draws. No egui here, so all of it is testable without a window.

mod action;
mod articles;
mod command;
mod history;
mod job;
mod keys;
mod layer_colors;
mod marks;
mod mode;
mod prompt;
mod session;
pub mod settings;
mod workbench;

pub use crate::model::{Edit, EditError};
pub use action::{Action, Menu};
pub use articles::{ArticleList, KindCounts};
pub use command::{
    AssignRequest, AssignScope, Command, Dialog, Effect, EntityLink, EntityRole, Naming,
};
pub use history::History;
pub use job::{Job, JobProgress, Tracker};
pub use keys::{Mods, Shortcut};
pub use layer_colors::{LAYER_COLORS, layer_color_slot};
pub use marks::{ArticleMarks, Mark, MarkRow, MarkStyle, MarkTarget};
pub use mode::{Binding, Mode};
pub use prompt::{Choice, Prompt, Then};
pub use session::{Session, UndoError};
pub use settings::{STORAGE_KEY, Settings};
pub use workbench::{
    Appearance, BoardCommand, BoardEntry, BoardSort, BoardState, CheckStatus, ReviewProgress,
    ReviewSetup, ScrollRequest, ShownSuggestion, Startup, Workbench,
};
pub use workbench::{
    BoardSuggestion, CheckCommand, CheckTarget, EarlierChecks, ShownCheck, SuggestedMember,
};
