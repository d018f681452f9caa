//! GUI state that is not about pixels: the open project as a [`Session`], undoable [`Edit`]s
//! and their [`History`]. No egui here, so all of it is testable without a window.

mod edit;
mod history;
mod session;

pub use edit::{Edit, EditError};
pub use history::History;
pub use session::Session;
