//! Reopening a decided review item: a reviewer who changes their mind takes back one
//! decision without undoing everything decided after it. The log keeps the earlier entries
//! and gains a "reopened" one, so the history of the item stays readable.

use super::adjudicate::DecidedItems;
use super::{ReviewError, ReviewItem};
use crate::model::{
    ADJUDICATED, AnnotationId, Context, Decision, DecisionAction, Edit, Plan, Project,
};

/// The plan that reopens `item`: the annotations its decisions wrote into the adjudicated
/// layer leave it, and a "reopened" entry is logged. Applied as one undoable step.
pub fn reopen(
    project: &Project,
    item: &ReviewItem,
    context: &Context,
) -> Result<Plan, ReviewError> {
    let decided = DecidedItems::new(project);
    let decisions = decided.decisions(item);
    let Some(last) = decisions.last() else {
        return Err(ReviewError::NotDecided);
    };
    // The adjudicated layer's ids, read once: a long decision log stays linear.
    let adjudicated: std::collections::HashSet<AnnotationId> = project
        .layer(ADJUDICATED)
        .map(|l| l.annotations.iter().map(|a| a.id).collect())
        .unwrap_or_default();
    let results: Vec<AnnotationId> = decisions
        .iter()
        .filter_map(|d| d.result)
        .filter(|id| adjudicated.contains(id))
        .collect();
    let was: Vec<&str> = decisions
        .iter()
        .map(|d| {
            if d.changed.is_empty() {
                d.action.as_str()
            } else {
                d.changed.as_str()
            }
        })
        .collect();
    let mut plan = Plan::new();
    if !results.is_empty() {
        plan.push(Edit::RemoveAnnotations(results));
    }
    plan.push(Edit::AddDecision(Decision {
        annotation: last.annotation,
        action: DecisionAction::Reopened,
        reviewer: context.annotator.clone(),
        at: context.now,
        note: String::new(),
        other: last.other,
        article: Some(item.article),
        item: item.key.0.clone(),
        result: None,
        changed: format!("reopened (was: {})", was.join("; ")),
    }));
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::{Action, CompareOptions, adjudicate, review_items};

    fn sample() -> Project {
        crate::store::load(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/soleimani-funeral.ron"
        )))
        .unwrap()
    }

    #[test]
    fn reopening_takes_back_one_decision_and_keeps_the_log() {
        let mut project = sample();
        let context = Context::new("lena", chrono::DateTime::UNIX_EPOCH, 7);
        let items = review_items(&project, "sample", "zahra", CompareOptions::default()).unwrap();
        let open: Vec<&ReviewItem> = items.iter().filter(|i| i.a.is_some()).take(2).collect();
        for item in &open {
            let plan = adjudicate(&project, item, Action::AcceptMine, &context)
                .unwrap()
                .into_plan();
            plan.apply(&mut project).unwrap();
        }
        let adjudicated = |p: &Project| p.layer(ADJUDICATED).map_or(0, |l| l.annotations.len());
        assert_eq!(adjudicated(&project), 2);
        let before = project.clone();
        let undo = reopen(&project, open[0], &context)
            .unwrap()
            .apply(&mut project)
            .unwrap();
        // The first item is open again, the second still decided; one result left.
        let decided = DecidedItems::new(&project);
        assert!(!decided.is_decided(open[0]));
        assert!(decided.is_decided(open[1]));
        assert_eq!(adjudicated(&project), 1);
        let log = &project.decisions;
        assert_eq!(log.len(), 3, "earlier entries are kept");
        assert_eq!(log[2].action, DecisionAction::Reopened);
        assert!(
            log[2].changed.starts_with("reopened (was: took sample's"),
            "{}",
            log[2].changed
        );
        // It can be decided again, the other way.
        let again = adjudicate(&project, open[0], Action::Reject, &context).unwrap();
        assert_eq!(again.decisions.len(), 1);
        // An open item has nothing to reopen.
        assert_eq!(
            reopen(&project, open[0], &context).unwrap_err(),
            ReviewError::NotDecided
        );
        // Undo restores exactly.
        undo.apply(&mut project).unwrap();
        assert_eq!(project, before);
    }
}
