//! Pre-annotating a layer with suggestions (`factdesk suggest --apply --layer NAME`), for a
//! later human pass. Quote and claim suggestions become annotations with `Suggested`
//! provenance; new speakers become entities. Rejected suggestions never reach here.

use super::accept::{self, AcceptError};
use super::suggestion::Suggestions;
use crate::model::Project;

/// What an apply added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ApplyReport {
    pub quotes: usize,
    pub claims: usize,
    pub entities: usize,
}

/// Add the quote and claim suggestions to `layer` (created if missing). All or nothing:
/// on an error nothing is added.
pub fn apply(
    project: &mut Project,
    s: &Suggestions,
    layer: &str,
) -> Result<ApplyReport, AcceptError> {
    let mut staged = project.clone();
    let mut report = ApplyReport::default();
    for q in &s.quotes {
        let a = accept::quote(&staged, q)?;
        if let Some(e) = a.new_entity {
            staged.entities.push(e);
            report.entities += 1;
        }
        staged.layer_mut(layer).insert(a.annotation);
        report.quotes += 1;
    }
    for c in &s.claims {
        let a = accept::claim(&staged, c)?;
        staged.layer_mut(layer).insert(a.annotation);
        report.claims += 1;
    }
    *project = staged;
    Ok(report)
}
