//! Undo and redo stacks of inverse edits, with coalescing of rapid field edits (typing a
//! rationale is one undo step, not one per key).

use super::Edit;

/// Consecutive edits of one annotation closer than this (seconds) merge into one undo step.
const COALESCE_SECONDS: f64 = 1.0;
/// Oldest steps are dropped beyond this many.
const MAX_STEPS: usize = 10_000;

#[derive(Debug)]
struct Step {
    /// Applying this undoes the step.
    inverse: Edit,
    label: String,
    at: f64,
    /// Coalescing key: only `Some` for in-place field edits.
    key: Option<crate::model::AnnotationId>,
}

#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Record a step just applied. `coalesce` allows merging with the previous step when it
    /// edited the same annotation moments ago.
    pub fn record(&mut self, inverse: Edit, label: &str, at: f64, coalesce: bool) {
        self.redo.clear();
        let key = if coalesce { inverse.annotation() } else { None };
        if let (Some(k), Some(last)) = (key, self.undo.last_mut())
            && last.key == Some(k)
            && at - last.at < COALESCE_SECONDS
        {
            // Keep the older inverse: undo returns to before the whole burst.
            last.at = at;
            return;
        }
        self.undo.push(Step {
            inverse,
            label: label.to_owned(),
            at,
            key,
        });
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
    }

    pub fn pop_undo(&mut self) -> Option<(Edit, String)> {
        self.undo.pop().map(|s| (s.inverse, s.label))
    }

    pub fn pop_redo(&mut self) -> Option<(Edit, String)> {
        self.redo.pop().map(|s| (s.inverse, s.label))
    }

    /// After undoing, keep the edit that redoes it.
    pub fn push_redo(&mut self, redo: Edit, label: String) {
        self.redo.push(Step {
            inverse: redo,
            label,
            at: f64::NEG_INFINITY,
            key: None,
        });
    }

    /// After redoing, keep the edit that undoes it again (without clearing redo).
    pub fn push_undo(&mut self, undo: Edit, label: String) {
        self.undo.push(Step {
            inverse: undo,
            label,
            at: f64::NEG_INFINITY,
            key: None,
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
    }
}
