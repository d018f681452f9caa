//! Adjudication: turn a reviewer's choice on a review item into plain data — annotations
//! for the adjudicated layer and review-log entries — that the GUI applies as one
//! undoable edit (`Edit::AddLayer` if needed, then `Edit::AddAnnotation` and
//! `Edit::AddDecision` for each entry, in one `Edit::Batch`).

use super::disagreement::{Category, ReviewItem};
use super::error::ReviewError;
use super::fields::diff;
use crate::model::{
    ADJUDICATED, Annotation, AnnotationId, AnnotationKind, Context, Decision, DecisionAction, Edit,
    Layer, LayerRole, Plan, Project, Provenance,
};
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// What the reviewer chose for one item.
// One action at a time is built and consumed: its size does not matter, and a plain
// `Annotation` keeps the GUI's call simple.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Take layer A's annotation.
    AcceptMine,
    /// Take layer B's annotation.
    AcceptTheirs,
    /// Take both, as two annotations (only when they are not the same thing).
    AcceptBoth,
    /// Take this annotation instead (the reviewer's edit of one side); its id is replaced.
    EditThenAccept(Annotation),
    /// Neither side goes into the adjudicated layer; the rejection is logged.
    Reject,
}

/// What an adjudication adds to the project.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Adjudication {
    /// The layer to add to: [`ADJUDICATED`].
    pub layer: String,
    /// The project has no adjudicated layer yet: add it (empty) first.
    pub create_layer: bool,
    /// Annotations for the adjudicated layer, with fresh ids.
    pub add: Vec<Annotation>,
    /// Review-log entries, one per result (a rejection has one with no result).
    pub decisions: Vec<Decision>,
    /// Changes to the adjudicated layer's claim groups (a group item's decision).
    pub groups: Plan,
}

impl Adjudication {
    fn new(project: &Project) -> Self {
        Self {
            layer: ADJUDICATED.to_owned(),
            create_layer: project.layer(ADJUDICATED).is_none(),
            add: Vec::new(),
            decisions: Vec::new(),
            groups: Plan::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.add.is_empty() && self.decisions.is_empty() && self.groups.is_empty()
    }

    /// The edits that record it: the adjudicated layer if new, its annotations, the
    /// review-log entries.
    pub fn into_plan(self) -> Plan {
        let mut plan = Plan::new();
        if self.create_layer {
            plan.push(Edit::AddLayer(Layer::new(
                self.layer.clone(),
                LayerRole::Adjudicated,
            )));
        }
        plan.push(Edit::AddAnnotations {
            layer: self.layer,
            annotations: self.add,
        });
        plan.extend(self.groups);
        for d in self.decisions {
            plan.push(Edit::AddDecision(d));
        }
        plan
    }
}

/// Which review items the project's decision log has already decided. Built from the log
/// itself, so leaving and re-entering review (or reopening the file) keeps every decision,
/// and undoing a decision (removing its log entry) makes its item open again.
#[derive(Clone, Debug, Default)]
pub struct DecidedItems<'p> {
    by_item: HashMap<&'p str, Vec<&'p Decision>>,
    /// Entries written before items had keys: matched by annotation id.
    by_annotation: HashMap<AnnotationId, Vec<&'p Decision>>,
}

impl<'p> DecidedItems<'p> {
    pub fn new(project: &'p Project) -> Self {
        let mut out = Self::default();
        for d in &project.decisions {
            if d.action == DecisionAction::Reopened {
                // What came before a reopening no longer decides the item.
                out.by_item.remove(d.item.as_str());
                for id in std::iter::once(d.annotation).chain(d.other) {
                    out.by_annotation.remove(&id);
                }
            } else if d.item.is_empty() {
                for id in std::iter::once(d.annotation).chain(d.other) {
                    out.by_annotation.entry(id).or_default().push(d);
                }
            } else {
                out.by_item.entry(d.item.as_str()).or_default().push(d);
            }
        }
        out
    }

    /// The log entries that decided `item` (empty: still open).
    pub fn decisions(&self, item: &ReviewItem) -> Vec<&'p Decision> {
        let mut out: Vec<&Decision> = self
            .by_item
            .get(item.key.0.as_str())
            .cloned()
            .unwrap_or_default();
        // Each entry once, found by address: an item decided and reopened many times stays
        // linear.
        let mut seen: std::collections::HashSet<*const Decision> =
            out.iter().map(|d| *d as *const Decision).collect();
        for id in item.annotation_ids() {
            for d in self.by_annotation.get(&id).into_iter().flatten() {
                if seen.insert(*d as *const Decision) {
                    out.push(d);
                }
            }
        }
        out
    }

    pub fn is_decided(&self, item: &ReviewItem) -> bool {
        !self.decisions(item).is_empty()
    }

    /// Items still to decide: disagreements (and agreements, if `agreements`) not in the log.
    pub fn open<'i>(
        &self,
        items: &'i [ReviewItem],
        agreements: bool,
    ) -> impl Iterator<Item = &'i ReviewItem> {
        items
            .iter()
            .filter(move |i| (agreements || i.category.is_disagreement()) && !self.is_decided(i))
    }
}

/// Source annotation → its adjudicated copy, from the log, for re-pointing quote → claim
/// links at the adjudicated copies.
fn results(project: &Project) -> HashMap<AnnotationId, AnnotationId> {
    project
        .decisions
        .iter()
        .filter_map(|d| Some((d.annotation, d.result?)))
        .collect()
}

fn copy_for_adjudicated(
    source: &Annotation,
    from: Vec<AnnotationId>,
    id: AnnotationId,
    links: &HashMap<AnnotationId, AnnotationId>,
    at: DateTime<Utc>,
) -> Annotation {
    let mut a = source.clone();
    a.id = id;
    a.provenance = Provenance::Adjudicated { from };
    a.modified = at;
    if let AnnotationKind::Quote(q) = &mut a.kind {
        for c in &mut q.claims {
            if let Some(r) = links.get(c) {
                *c = *r;
            }
        }
    }
    a
}

/// "verdict: False (not Mostly false); span 14..23 (not 14..25)" — how `chosen` differs
/// from `other`.
fn describe(project: &Project, chosen: &Annotation, other: &Annotation) -> String {
    let mut parts = Vec::new();
    if (chosen.span.start, chosen.span.end) != (other.span.start, other.span.end) {
        parts.push(format!(
            "span {}..{} (not {}..{})",
            chosen.span.start, chosen.span.end, other.span.start, other.span.end
        ));
    }
    for f in diff(project, chosen, other, true) {
        parts.push(format!("{}: {} (not {})", f.name, show(&f.a), show(&f.b)));
    }
    if parts.is_empty() {
        "no difference".to_owned()
    } else {
        parts.join("; ")
    }
}

fn show(s: &str) -> &str {
    if s.is_empty() { "(empty)" } else { s }
}

/// What `action` on `item` adds. Refused when the item is already decided (undo that
/// decision first) or the action does not fit the item (accept mine when A has nothing).
pub fn adjudicate(
    project: &Project,
    item: &ReviewItem,
    action: Action,
    context: &Context,
) -> Result<Adjudication, ReviewError> {
    if let Some(d) = DecidedItems::new(project).decisions(item).first() {
        return Err(ReviewError::AlreadyDecided(d.annotation));
    }
    if let Some(group) = &item.group {
        return super::group_items::adjudicate_group(project, item, group, action, context);
    }
    let mut out = Adjudication::new(project);
    let mut minter = context.minter(project);
    let links = results(project);
    let sources: Vec<AnnotationId> = item.annotation_ids().collect();
    let (a, b) = (item.a.as_ref(), item.b.as_ref());
    let primary = a.or(b).map(|x| x.id).unwrap_or(AnnotationId(0));
    let other = a.and(b).map(|x| x.id);
    let decision = |action, result, changed: String| Decision {
        annotation: primary,
        action,
        reviewer: context.annotator.clone(),
        at: context.now,
        note: String::new(),
        other,
        article: Some(item.article),
        item: item.key.0.clone(),
        result,
        changed,
    };
    let mut take = |source: &Annotation, out: &mut Adjudication| {
        let id = minter.annotation();
        out.add.push(copy_for_adjudicated(
            source,
            vec![source.id],
            id,
            &links,
            context.now,
        ));
        id
    };
    match action {
        Action::AcceptMine | Action::AcceptTheirs => {
            let mine = action == Action::AcceptMine;
            let (chosen, rest, layer, side) = if mine {
                (a, b, &item.layer_a, "A's")
            } else {
                (b, a, &item.layer_b, "B's")
            };
            let chosen = chosen.ok_or(ReviewError::MissingSide { side })?;
            let id = take(chosen, &mut out);
            let changed = match rest {
                Some(r) => format!("took {layer}'s: {}", describe(project, chosen, r)),
                None => format!("added from {layer}"),
            };
            let act = if mine {
                DecisionAction::AcceptedMine
            } else {
                DecisionAction::AcceptedTheirs
            };
            out.decisions.push(decision(act, Some(id), changed));
        }
        Action::AcceptBoth => {
            let (Some(x), Some(y)) = (a, b) else {
                return Err(ReviewError::MissingSide {
                    side: if a.is_none() { "A's" } else { "B's" },
                });
            };
            if item.category == Category::Agreement {
                return Err(ReviewError::NotTwoThings);
            }
            let (ix, iy) = (take(x, &mut out), take(y, &mut out));
            let changed = format!("kept both: {}", describe(project, x, y));
            out.decisions.push(decision(
                DecisionAction::AcceptedBoth,
                Some(ix),
                changed.clone(),
            ));
            let mut second = decision(DecisionAction::AcceptedBoth, Some(iy), changed);
            second.annotation = y.id;
            second.other = Some(x.id);
            out.decisions.push(second);
        }
        Action::EditThenAccept(edited) => {
            if edited.article != item.article {
                return Err(ReviewError::WrongArticle);
            }
            let id = minter.annotation();
            let result = copy_for_adjudicated(&edited, sources, id, &links, context.now);
            let changed = [(a, &item.layer_a), (b, &item.layer_b)]
                .into_iter()
                .filter_map(|(s, layer)| {
                    Some(format!("vs {layer}: {}", describe(project, &result, s?)))
                })
                .collect::<Vec<_>>()
                .join(" / ");
            out.add.push(result);
            out.decisions
                .push(decision(DecisionAction::Edited, Some(id), changed));
        }
        Action::Reject => {
            let changed = match (a, b) {
                (Some(_), Some(_)) => "rejected both versions".to_owned(),
                (Some(_), None) => format!("rejected {}'s annotation", item.layer_a),
                _ => format!("rejected {}'s annotation", item.layer_b),
            };
            out.decisions
                .push(decision(DecisionAction::Rejected, None, changed));
        }
    }
    Ok(out)
}

/// "Accept all agreements": one batch that copies every agreement not yet decided into the
/// adjudicated layer. Decided items are never touched, so running it again adds nothing.
pub fn accept_all_agreements(
    project: &Project,
    items: &[ReviewItem],
    context: &Context,
) -> Adjudication {
    let decided = DecidedItems::new(project);
    let mut out = Adjudication::new(project);
    let mut minter = context.minter(project);
    let mut links = results(project);
    let open: Vec<&ReviewItem> = items
        .iter()
        .filter(|i| i.category == Category::Agreement && !decided.is_decided(i))
        .collect();
    // Ids first, so quotes can point at the adjudicated copies of claims in this batch.
    let ids: Vec<AnnotationId> = open.iter().map(|_| minter.annotation()).collect();
    for (item, id) in open.iter().zip(&ids) {
        if let Some(a) = &item.a {
            links.insert(a.id, *id);
        }
    }
    for (item, id) in open.into_iter().zip(ids) {
        let (Some(a), Some(b)) = (&item.a, &item.b) else {
            continue;
        };
        out.add.push(copy_for_adjudicated(
            a,
            vec![a.id, b.id],
            id,
            &links,
            context.now,
        ));
        out.decisions.push(Decision {
            annotation: a.id,
            action: DecisionAction::Agreed,
            reviewer: context.annotator.clone(),
            at: context.now,
            note: String::new(),
            other: Some(b.id),
            article: Some(item.article),
            item: item.key.0.clone(),
            result: Some(id),
            changed: format!("{} and {} agree", item.layer_a, item.layer_b),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Claim;
    use crate::review::disagreement::{CompareOptions, review_items};
    use crate::review::test_support::{claim, project_with, tag};

    fn reviewer() -> Context {
        Context::new(
            "rita",
            DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
            7,
        )
    }

    fn setup() -> Project {
        project_with(
            vec![
                claim(1, 0, 8, "True"),
                claim(2, 14, 23, "False"),
                tag(3, 52, 58, "Date"),
            ],
            vec![
                claim(11, 0, 8, "True"),
                claim(12, 14, 23, "Mostly false"),
                tag(13, 40, 48, "Place"),
            ],
        )
    }

    fn items(p: &Project) -> Vec<ReviewItem> {
        review_items(p, "alice", "bob", CompareOptions::default()).unwrap()
    }

    #[test]
    fn decisions_are_recorded_and_remembered() {
        let mut p = setup();
        let all = items(&p);
        assert_eq!(all.len(), 4);
        let verdict = all
            .iter()
            .find(|i| i.category == Category::FieldDisagreement)
            .unwrap();
        let adj = adjudicate(&p, verdict, Action::AcceptTheirs, &reviewer()).unwrap();
        assert!(adj.create_layer);
        assert_eq!(adj.add.len(), 1);
        let added = &adj.add[0];
        assert_ne!(added.id.0, 12, "fresh id");
        assert_eq!(
            added.provenance,
            Provenance::Adjudicated {
                from: vec![AnnotationId(12)]
            }
        );
        let d = &adj.decisions[0];
        assert_eq!(d.action, DecisionAction::AcceptedTheirs);
        assert_eq!((d.annotation.0, d.other.map(|o| o.0)), (2, Some(12)));
        assert_eq!(d.result, Some(added.id));
        assert_eq!(d.changed, "took bob's: verdict: Mostly false (not False)");
        adj.into_plan().apply(&mut p).unwrap();
        assert!(p.problems().is_empty(), "{:?}", p.problems());

        // Reject the Date only in A: recorded, nothing added.
        let all = items(&p);
        let date = all
            .iter()
            .find(|i| i.category == Category::OnlyInA)
            .unwrap();
        let adj = adjudicate(&p, date, Action::Reject, &reviewer()).unwrap();
        assert!(adj.add.is_empty());
        assert_eq!(adj.decisions[0].action, DecisionAction::Rejected);
        adj.into_plan().apply(&mut p).unwrap();

        // Re-entering review: both stay decided, and cannot be decided twice.
        let decided = DecidedItems::new(&p);
        let all = items(&p);
        let open: Vec<_> = decided.open(&all, false).map(|i| i.category).collect();
        assert_eq!(open, [Category::OnlyInB]);
        assert!(matches!(
            adjudicate(&p, verdict, Action::AcceptMine, &reviewer()),
            Err(ReviewError::AlreadyDecided(_))
        ));
    }

    #[test]
    fn log_entries_from_before_review_still_load_and_count() {
        // A decision as files wrote it before review existed: no item key, no result.
        let old =
            r#"(annotation: 12, action: Accepted, reviewer: "rita", at: "2026-01-01T00:00:00Z")"#;
        let d: Decision = ron::from_str(old).unwrap();
        assert_eq!((d.item.as_str(), d.result, d.other), ("", None, None));
        let mut p = setup();
        p.decisions.push(d);
        let decided = DecidedItems::new(&p);
        let all = items(&p);
        let verdict = all
            .iter()
            .find(|i| i.category == Category::FieldDisagreement)
            .unwrap();
        assert!(decided.is_decided(verdict), "matched by annotation id");
        assert_eq!(decided.open(&all, false).count(), 2);
    }

    #[test]
    fn accept_all_agreements_never_overwrites() {
        let mut p = setup();
        let all = items(&p);
        let adj = accept_all_agreements(&p, &all, &reviewer());
        assert_eq!(adj.add.len(), 1);
        assert_eq!(adj.decisions[0].action, DecisionAction::Agreed);
        adj.into_plan().apply(&mut p).unwrap();
        let again = accept_all_agreements(&p, &items(&p), &reviewer());
        assert!(again.is_empty());
        assert!(!again.create_layer);
        assert_eq!(p.layer(ADJUDICATED).unwrap().annotations.len(), 1);
    }

    #[test]
    fn both_edit_and_refusals() {
        let p = setup();
        let all = items(&p);
        let agreement = &all[0];
        assert_eq!(agreement.category, Category::Agreement);
        assert_eq!(
            adjudicate(&p, agreement, Action::AcceptBoth, &reviewer()),
            Err(ReviewError::NotTwoThings)
        );
        let only_b = all
            .iter()
            .find(|i| i.category == Category::OnlyInB)
            .unwrap();
        assert!(matches!(
            adjudicate(&p, only_b, Action::AcceptMine, &reviewer()),
            Err(ReviewError::MissingSide { .. })
        ));
        let verdict = &all[1];
        let both = adjudicate(&p, verdict, Action::AcceptBoth, &reviewer()).unwrap();
        assert_eq!(both.add.len(), 2);
        assert_eq!(both.decisions.len(), 2);
        assert_ne!(both.add[0].id, both.add[1].id);

        let mut edited = verdict.a.clone().unwrap();
        edited.kind = AnnotationKind::Claim(Claim {
            verdict: Some("Half true".into()),
            ..Claim::default()
        });
        let e = adjudicate(&p, verdict, Action::EditThenAccept(edited), &reviewer()).unwrap();
        assert_eq!(e.decisions[0].action, DecisionAction::Edited);
        assert!(
            e.decisions[0]
                .changed
                .contains("verdict: Half true (not False)"),
            "{}",
            e.decisions[0].changed
        );
    }
}
