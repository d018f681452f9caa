//! Edit plans: the one way a project changes. An operation that knows a change (import,
//! merge, accepting suggestions, adjudication) builds a [`Plan`] from the project as it
//! is, without touching it; the CLI then applies the plan under the project lock and the
//! window hands it to its session as one undoable step. Like a transaction, a plan is a
//! value: it can be inspected, tested, applied or dropped.

use super::{Edit, EditError, Project};

/// Edits to apply in order, all or none.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    edits: Vec<Edit>,
}

impl Plan {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, edit: Edit) {
        if !edit.is_noop() {
            self.edits.push(edit);
        }
    }

    pub fn extend(&mut self, other: Plan) {
        self.edits.extend(other.edits);
    }

    /// True when applying it would change nothing.
    pub fn is_empty(&self) -> bool {
        self.edits.iter().all(Edit::is_noop)
    }

    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// The whole plan as one edit (one undo step).
    pub fn into_edit(self) -> Edit {
        Edit::Batch(self.edits)
    }

    /// Apply every edit, or on an error none; returns the edit that undoes the plan.
    pub fn apply(self, project: &mut Project) -> Result<Edit, EditError> {
        self.into_edit().apply(project)
    }
}

impl From<Edit> for Plan {
    fn from(edit: Edit) -> Self {
        let mut plan = Plan::new();
        plan.push(edit);
        plan
    }
}

impl FromIterator<Edit> for Plan {
    fn from_iter<I: IntoIterator<Item = Edit>>(iter: I) -> Self {
        let mut plan = Plan::new();
        for e in iter {
            plan.push(e);
        }
        plan
    }
}
