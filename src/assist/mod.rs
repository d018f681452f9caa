//! Suggestions: quotes with speakers, claim candidates, shared passages, conflicting facts
//! and speaker aliases. Plain heuristics over the project's text (no model, no egui), fast
//! enough to run over a whole project when it opens; [`suggest`] runs them with a progress
//! callback and a cancellation flag so a GUI can run it on a worker thread.

pub mod names;
pub mod quotes;
pub mod suggestion;
pub mod text;
