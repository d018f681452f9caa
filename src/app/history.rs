//! Undo and redo stacks of inverse edits, with coalescing of rapid field edits (typing a
//! rationale is one undo step, not one per key). Each step has an id that survives undo
//! and redo, so "is this the saved state?" is a comparison, not a guess.

use super::Edit;

/// Consecutive edits of one annotation closer than this (seconds) merge into one undo step.
const COALESCE_SECONDS: f64 = 1.0;
/// Oldest steps are dropped beyond this many.
const MAX_STEPS: usize = 10_000;

#[derive(Debug)]
struct Step {
    /// Applying this undoes the step (on the undo stack) or redoes it (on the redo stack).
    edit: Edit,
    label: String,
    at: f64,
    /// Coalescing key: only `Some` for in-place field edits.
    key: Option<crate::model::AnnotationId>,
    id: u64,
}

/// Identifies the project state reached by the steps applied so far: 0 is the state the
/// session started from.
pub type StateId = u64;

#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_id: u64,
    /// Steps may not coalesce into this state (it was saved).
    sealed: StateId,
    /// Id and key of the step taken by `pop_undo`/`pop_redo`, until it is put back.
    pending: Option<(u64, Option<crate::model::AnnotationId>)>,
}

impl History {
    /// Record a step just applied. `coalesce` allows merging with the previous step when it
    /// edited the same annotation moments ago (and that state was not saved since).
    /// `changes_nothing` says whether an undo edit would change nothing now: such a step
    /// (or a burst that came back to where it started) is not kept, so no undo step is
    /// named after an edit with no visible change.
    pub fn record(
        &mut self,
        inverse: Edit,
        label: &str,
        at: f64,
        coalesce: bool,
        changes_nothing: impl Fn(&Edit) -> bool,
    ) {
        self.redo.clear();
        let key = if coalesce { inverse.annotation() } else { None };
        if let (Some(k), Some(last)) = (key, self.undo.last_mut())
            && last.key == Some(k)
            && at - last.at < COALESCE_SECONDS
            && last.id != self.sealed
        {
            // Keep the older inverse: undo returns to before the whole burst.
            last.at = at;
            if changes_nothing(&last.edit) {
                self.undo.pop();
            }
            return;
        }
        if changes_nothing(&inverse) {
            return;
        }
        self.next_id += 1;
        self.undo.push(Step {
            edit: inverse,
            label: label.to_owned(),
            at,
            key,
            id: self.next_id,
        });
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
    }

    /// The state the project is in now.
    pub fn state(&self) -> StateId {
        self.undo.last().map_or(0, |s| s.id)
    }

    /// The current state was saved: later edits start a new step.
    pub fn seal(&mut self) {
        self.sealed = self.state();
    }

    /// Take the step to undo: its inverse edit and label. Give it back with
    /// [`History::undone`]; a step that failed to apply is dropped.
    pub fn pop_undo(&mut self) -> Option<(Edit, String)> {
        let step = self.undo.pop()?;
        self.pending = Some((step.id, step.key));
        Some((step.edit, step.label))
    }

    pub fn pop_redo(&mut self) -> Option<(Edit, String)> {
        let step = self.redo.pop()?;
        self.pending = Some((step.id, step.key));
        Some((step.edit, step.label))
    }

    /// After undoing, keep the edit that redoes it.
    pub fn undone(&mut self, redo: Edit, label: String) {
        let (id, key) = self.pending.take().unwrap_or((0, None));
        self.redo.push(Step {
            edit: redo,
            label,
            at: f64::NEG_INFINITY,
            key,
            id,
        });
    }

    /// After redoing, keep the edit that undoes it again (without clearing redo).
    pub fn redone(&mut self, undo: Edit, label: String) {
        let (id, key) = self.pending.take().unwrap_or((0, None));
        self.undo.push(Step {
            edit: undo,
            label,
            at: f64::NEG_INFINITY,
            key,
            id,
        });
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.pending = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AnnotationId, ArticleId};

    fn edit(n: u64) -> Edit {
        Edit::SetDone {
            article: ArticleId(n),
            done: true,
        }
    }

    fn field_edit(n: u64) -> Edit {
        Edit::RemoveAnnotation(AnnotationId(n))
    }

    #[test]
    fn undo_then_redo_returns_to_the_same_state() {
        let mut h = History::default();
        assert_eq!(h.state(), 0);
        h.record(edit(1), "one", 0.0, false, |_| false);
        h.record(edit(2), "two", 5.0, false, |_| false);
        let two = h.state();
        let (e, l) = h.pop_undo().unwrap();
        assert_eq!((e, l.as_str()), (edit(2), "two"));
        h.undone(edit(20), l);
        assert_ne!(h.state(), two);
        let (e, l) = h.pop_redo().unwrap();
        assert_eq!(e, edit(20));
        h.redone(edit(2), l);
        assert_eq!(h.state(), two, "redo reaches the very state undo left");
        assert_eq!(h.undo_label(), Some("two"));
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut h = History::default();
        h.record(edit(1), "one", 0.0, false, |_| false);
        let (e, l) = h.pop_undo().unwrap();
        h.undone(e, l);
        assert_eq!(h.redo_label(), Some("one"));
        h.record(edit(2), "two", 1.0, false, |_| false);
        assert_eq!(h.redo_label(), None);
    }

    #[test]
    fn a_burst_that_comes_back_to_its_start_leaves_no_step() {
        let mut h = History::default();
        h.record(edit(1), "one", 0.0, false, |_| false);
        h.record(field_edit(7), "Edit claim", 1.0, true, |_| false);
        assert_eq!(h.undo_label(), Some("Edit claim"));
        // The next keystroke restores what the burst started from.
        h.record(field_edit(7), "Edit claim", 1.4, true, |_| true);
        assert_eq!(h.undo_label(), Some("one"));
        // A lone edit that changes nothing is not recorded either.
        h.record(field_edit(8), "Edit quote", 9.0, true, |_| true);
        assert_eq!(h.undo_label(), Some("one"));
    }

    #[test]
    fn rapid_edits_of_one_annotation_coalesce_but_not_across_a_save() {
        let mut h = History::default();
        h.record(field_edit(7), "Edit claim", 0.0, true, |_| false);
        h.record(field_edit(7), "Edit claim", 0.5, true, |_| false);
        assert_eq!(h.undo.len(), 1, "typing is one step");
        h.seal();
        let saved = h.state();
        h.record(field_edit(7), "Edit claim", 0.7, true, |_| false);
        assert_ne!(h.state(), saved, "an edit after saving is a new state");
        h.record(field_edit(7), "Edit claim", 3.0, true, |_| false);
        assert_eq!(h.undo.len(), 3, "a pause starts a new step");
        h.record(field_edit(8), "Edit claim", 3.1, true, |_| false);
        assert_eq!(h.undo.len(), 4, "another annotation starts a new step");
    }
}
