//! Claim groups in review: a claim the two layers grouped differently, and two groups
//! sharing claims with different verdicts, are review items like the others — walked with
//! J/K, decided with take A / take B / reject, logged in the review log.
//!
//! A decision is a [`Plan`] on the adjudicated layer's groups (built with
//! `model::group_edit`, so it is one undoable step): taking a side's grouping moves the
//! adjudicated copy of the claim into the group that holds the copies of that side's other
//! members (a new group with that side's statement and verdict when none does); taking a
//! side's verdict sets it on the adjudicated group of the shared claims. Both need the
//! claims themselves in the adjudicated layer first — a group is made of claims.

use super::adjudicate::{Action, Adjudication, accept_all_agreements};
use super::disagreement::{Category, CompareOptions, ItemKey, ReviewItem, review_items};
use super::error::ReviewError;
use super::fields::FieldDiff;
use super::groups::{ClaimPair, compare_groups};
use crate::model::{
    ADJUDICATED, Annotation, AnnotationId, ArticleId, ClaimGroup, ClaimGroupId, Context, Decision,
    DecisionAction, Edit, Layer, Plan, Project, Provenance, group_edit,
};
use std::collections::{HashMap, HashSet};

/// The groups a group review item is about (`None`: the claim is in no group there).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupItem {
    pub a_group: Option<ClaimGroupId>,
    pub b_group: Option<ClaimGroupId>,
}

/// The group items between layers `a` and `b`, by article.
pub(super) fn group_items(
    project: &Project,
    a: &Layer,
    b: &Layer,
) -> HashMap<ArticleId, Vec<ReviewItem>> {
    let mut out: HashMap<ArticleId, Vec<ReviewItem>> = HashMap::new();
    if a.claim_groups.is_empty() && b.claim_groups.is_empty() {
        return out;
    }
    let agreement = compare_groups(project, a, b);
    let (ia, ib) = (annotations(a), annotations(b));
    let (ga, gb) = (a.group_index(), b.group_index());
    let titles: HashMap<ArticleId, &str> = project
        .articles
        .iter()
        .map(|x| (x.id, x.title.as_str()))
        .collect();
    let item = |pair: ClaimPair, category, key: String, fields: Vec<FieldDiff>| {
        let (x, y) = (ia.get(&pair.a)?, ib.get(&pair.b)?);
        Some(ReviewItem {
            key: ItemKey(key),
            layer_a: a.annotator.clone(),
            layer_b: b.annotator.clone(),
            article: x.article,
            category,
            a: Some((*x).clone()),
            b: Some((*y).clone()),
            fields,
            group: Some(GroupItem {
                a_group: ga.get(&pair.a).copied(),
                b_group: gb.get(&pair.b).copied(),
            }),
        })
    };
    let mates = |layer: &Layer, index: &HashMap<AnnotationId, &Annotation>, id| {
        describe_mates(layer, index, &titles, id)
    };
    for pair in &agreement.grouping_differs {
        let ((group_a, others_a), (group_b, others_b)) =
            (mates(a, &ia, pair.a), mates(b, &ib, pair.b));
        let fields = vec![
            FieldDiff {
                name: "grouped with",
                a: group_a,
                b: group_b,
                counted: true,
            },
            FieldDiff {
                name: "the group's other claims",
                a: others_a,
                b: others_b,
                counted: false,
            },
        ];
        let key = format!(
            "{}|{}|grouping|{}|{}",
            a.annotator, b.annotator, pair.a, pair.b
        );
        if let Some(i) = item(*pair, Category::GroupingDisagreement, key, fields) {
            out.entry(i.article).or_default().push(i);
        }
    }
    for diff in &agreement.verdict_differs {
        let (Some(x), Some(y)) = (a.claim_group(diff.a_group), b.claim_group(diff.b_group)) else {
            continue;
        };
        let mut fields = vec![FieldDiff {
            name: "group verdict",
            a: x.verdict.clone().unwrap_or_else(|| "(none)".into()),
            b: y.verdict.clone().unwrap_or_else(|| "(none)".into()),
            counted: true,
        }];
        if x.statement != y.statement {
            fields.push(FieldDiff {
                name: "group statement",
                a: x.statement.clone(),
                b: y.statement.clone(),
                counted: false,
            });
        }
        let key = format!(
            "{}|{}|group-verdict|{}|{}",
            a.annotator, b.annotator, diff.a_group, diff.b_group
        );
        if let Some(i) = item(diff.claim, Category::GroupVerdictDisagreement, key, fields) {
            out.entry(i.article).or_default().push(i);
        }
    }
    out
}

fn annotations(layer: &Layer) -> HashMap<AnnotationId, &Annotation> {
    layer.annotations.iter().map(|x| (x.id, x)).collect()
}

/// Short for the counted field ("“Millions mourned” and 2 other claim(s)", or "(in no
/// group)"), and the other members with their articles for the field shown below it.
fn describe_mates(
    layer: &Layer,
    index: &HashMap<AnnotationId, &Annotation>,
    titles: &HashMap<ArticleId, &str>,
    id: AnnotationId,
) -> (String, String) {
    let Some(group) = layer.group_of(id) else {
        return ("(in no group)".to_owned(), String::new());
    };
    let others: Vec<String> = group
        .members
        .iter()
        .filter(|m| m.annotation != id)
        .filter_map(|m| index.get(&m.annotation))
        .map(|x| {
            let text: String = x.span.exact.chars().take(40).collect();
            let title: String = titles
                .get(&x.article)
                .map(|t| t.chars().take(30).collect())
                .unwrap_or_default();
            format!("“{}…” ({title})", text.trim())
        })
        .collect();
    let statement: String = group.statement.chars().take(40).collect();
    let ellipsis = if group.statement.chars().count() > 40 {
        "…"
    } else {
        ""
    };
    (
        format!(
            "“{statement}{ellipsis}” and {} other claim(s)",
            others.len()
        ),
        others.join("; "),
    )
}

/// The adjudicated layer's copy of each source annotation: from the copies' provenance,
/// and from the review log (a copy of B's claim taken over A's is A's claim's copy too).
fn copies(project: &Project, adjudicated: &Layer) -> HashMap<AnnotationId, AnnotationId> {
    let mut out = HashMap::new();
    for x in &adjudicated.annotations {
        if let Provenance::Adjudicated { from } = &x.provenance {
            for source in from {
                out.entry(*source).or_insert(x.id);
            }
        }
    }
    let present: HashSet<AnnotationId> = out.values().copied().collect();
    for d in &project.decisions {
        let Some(result) = d.result.filter(|r| present.contains(r)) else {
            continue;
        };
        for source in std::iter::once(d.annotation).chain(d.other) {
            out.entry(source).or_insert(result);
        }
    }
    out
}

/// The adjudicated group holding the most of `ids` (the first such in the layer's order).
fn group_holding(adjudicated: &Layer, ids: &[AnnotationId]) -> Option<ClaimGroupId> {
    let mut best: Option<(usize, ClaimGroupId)> = None;
    for g in &adjudicated.claim_groups {
        let n = ids.iter().filter(|id| g.contains(**id)).count();
        if n > 0 && best.is_none_or(|(m, _)| n > m) {
            best = Some((n, g.id));
        }
    }
    best.map(|(_, id)| id)
}

/// A new adjudicated group of `members` with the fields of `like` (its statement, verdict,
/// rationale and evidence).
fn create_like(
    project: &Project,
    context: &Context,
    members: &[AnnotationId],
    like: &ClaimGroup,
) -> Result<Plan, ReviewError> {
    let (plan, id) = group_edit::create_group(project, context, ADJUDICATED, members)?;
    Ok(plan
        .edits()
        .iter()
        .map(|edit| match edit {
            Edit::PutClaimGroup { layer, group } if group.id == id => Edit::PutClaimGroup {
                layer: layer.clone(),
                group: ClaimGroup {
                    statement: like.statement.clone(),
                    verdict: like.verdict.clone(),
                    rationale: like.rationale.clone(),
                    evidence: like.evidence.clone(),
                    ..group.clone()
                },
            },
            other => other.clone(),
        })
        .collect())
}

/// What `action` on a group item adds: the plan on the adjudicated layer's groups and the
/// log entry. The caller has checked the item is still open.
pub(super) fn adjudicate_group(
    project: &Project,
    item: &ReviewItem,
    group: &GroupItem,
    action: Action,
    context: &Context,
) -> Result<Adjudication, ReviewError> {
    let (Some(a), Some(b)) = (item.a.as_ref(), item.b.as_ref()) else {
        return Err(ReviewError::MissingSide { side: "A's" });
    };
    let mine = match action {
        Action::AcceptMine => Some(true),
        Action::AcceptTheirs => Some(false),
        Action::Reject => None,
        Action::AcceptBoth | Action::EditThenAccept(_) => return Err(ReviewError::OneSideOnly),
    };
    let mut agreed = Adjudication::default();
    let (plan, act, changed) = match mine {
        None => (
            Plan::new(),
            DecisionAction::Rejected,
            match item.category {
                Category::GroupVerdictDisagreement => "kept neither group verdict".to_owned(),
                _ => "kept neither grouping".to_owned(),
            },
        ),
        Some(mine) => {
            let (layer, claim, chosen, other) = if mine {
                (&item.layer_a, a, group.a_group, group.b_group)
            } else {
                (&item.layer_b, b, group.b_group, group.a_group)
            };
            // Claims of the groups that both layers marked alike come into the adjudicated
            // layer with the decision (as "accept all agreements" would take them).
            let (taken, staged) = take_agreed_claims(project, item, group, context)?;
            let project = staged.as_ref().unwrap_or(project);
            agreed = taken;
            let source = project
                .layer(layer)
                .ok_or_else(|| ReviewError::NoLayer(layer.clone()))?;
            let adjudicated = project
                .layer(ADJUDICATED)
                .ok_or(ReviewError::ClaimNotAdjudicated)?;
            let copies = copies(project, adjudicated);
            let (plan, what) = if item.category == Category::GroupVerdictDisagreement {
                let other_layer = if mine { &item.layer_b } else { &item.layer_a };
                verdict_plan(
                    project,
                    context,
                    &copies,
                    Sides {
                        chosen: source,
                        other: project.layer(other_layer),
                    },
                    chosen,
                    other,
                )?
            } else {
                let copy = [a.id, b.id]
                    .iter()
                    .find_map(|id| copies.get(id).copied())
                    .ok_or(ReviewError::ClaimNotAdjudicated)?;
                grouping_plan(project, context, &copies, source, claim.id, copy, chosen)?
            };
            let act = if mine {
                DecisionAction::AcceptedMine
            } else {
                DecisionAction::AcceptedTheirs
            };
            (plan, act, format!("took {layer}'s {what}"))
        }
    };
    let mut out = Adjudication {
        layer: ADJUDICATED.to_owned(),
        create_layer: agreed.create_layer,
        add: agreed.add,
        decisions: agreed.decisions,
        groups: plan,
    };
    out.decisions.push(Decision {
        annotation: a.id,
        action: act,
        reviewer: context.annotator.clone(),
        at: context.now,
        note: String::new(),
        other: Some(b.id),
        article: Some(item.article),
        item: item.key.0.clone(),
        result: None,
        changed,
    });
    Ok(out)
}

/// The undecided agreements on claims of the item's groups (or the item's own claims) that
/// have no adjudicated copy yet, and the project with them taken (`None`: nothing to take).
fn take_agreed_claims(
    project: &Project,
    item: &ReviewItem,
    group: &GroupItem,
    context: &Context,
) -> Result<(Adjudication, Option<Project>), ReviewError> {
    let mut wanted: HashSet<AnnotationId> = item.annotation_ids().collect();
    for (layer, id) in [
        (&item.layer_a, group.a_group),
        (&item.layer_b, group.b_group),
    ] {
        let g = id.and_then(|id| project.layer(layer)?.claim_group(id));
        wanted.extend(
            g.iter()
                .flat_map(|g| g.members.iter().map(|m| m.annotation)),
        );
    }
    let have = project
        .layer(ADJUDICATED)
        .map(|l| copies(project, l))
        .unwrap_or_default();
    if wanted.iter().all(|id| have.contains_key(id)) {
        return Ok((Adjudication::default(), None));
    }
    let all = review_items(
        project,
        &item.layer_a,
        &item.layer_b,
        CompareOptions::default(),
    )?;
    let agreements: Vec<ReviewItem> = all
        .into_iter()
        .filter(|i| {
            i.category == Category::Agreement
                && i.annotation_ids()
                    .any(|id| wanted.contains(&id) && !have.contains_key(&id))
        })
        .collect();
    let taken = accept_all_agreements(project, &agreements, context);
    if taken.add.is_empty() {
        return Ok((Adjudication::default(), None));
    }
    let mut staged = project.clone();
    taken
        .clone()
        .into_plan()
        .apply(&mut staged)
        .map_err(|_| ReviewError::ClaimNotAdjudicated)?;
    Ok((taken, Some(staged)))
}

/// The chosen side's layer and the other's.
struct Sides<'p> {
    chosen: &'p Layer,
    other: Option<&'p Layer>,
}

/// Put the adjudicated `copy` of `claim` where `source` has it: in the group of its
/// group-mates' copies, a new one like `source`'s, or in none.
fn grouping_plan(
    project: &Project,
    context: &Context,
    copies: &HashMap<AnnotationId, AnnotationId>,
    source: &Layer,
    claim: AnnotationId,
    copy: AnnotationId,
    chosen: Option<ClaimGroupId>,
) -> Result<(Plan, String), ReviewError> {
    let adjudicated = project
        .layer(ADJUDICATED)
        .ok_or(ReviewError::ClaimNotAdjudicated)?;
    let now = adjudicated.group_of(copy).map(|g| g.id);
    let Some(g) = chosen.and_then(|id| source.claim_group(id)) else {
        return Ok(match now {
            Some(_) => (
                group_edit::leave_group(project, ADJUDICATED, &[copy])?,
                "grouping: the claim left its group".to_owned(),
            ),
            None => (Plan::new(), "grouping: the claim in no group".to_owned()),
        });
    };
    let mates: Vec<AnnotationId> = g
        .members
        .iter()
        .filter(|m| m.annotation != claim)
        .filter_map(|m| copies.get(&m.annotation).copied())
        .filter(|c| *c != copy)
        .collect();
    let what = format!("grouping: with “{}”", g.statement);
    match group_holding(adjudicated, &mates) {
        Some(target) if now == Some(target) => Ok((Plan::new(), what)),
        Some(target) => Ok((
            group_edit::join_group(project, ADJUDICATED, target, &[copy])?,
            what,
        )),
        None => {
            let members: Vec<AnnotationId> = std::iter::once(copy).chain(mates).collect();
            Ok((create_like(project, context, &members, g)?, what))
        }
    }
}

/// Set the chosen group's verdict on the adjudicated group of the claims both groups
/// hold (a new group like the chosen one when their copies are in none).
fn verdict_plan(
    project: &Project,
    context: &Context,
    copies: &HashMap<AnnotationId, AnnotationId>,
    sides: Sides,
    chosen: Option<ClaimGroupId>,
    other: Option<ClaimGroupId>,
) -> Result<(Plan, String), ReviewError> {
    let adjudicated = project
        .layer(ADJUDICATED)
        .ok_or(ReviewError::ClaimNotAdjudicated)?;
    let g = chosen
        .and_then(|id| sides.chosen.claim_group(id))
        .ok_or(ReviewError::ClaimNotAdjudicated)?;
    let h = other.and_then(|id| sides.other?.claim_group(id));
    let copied = |group: &ClaimGroup| -> Vec<AnnotationId> {
        group
            .members
            .iter()
            .filter_map(|m| copies.get(&m.annotation).copied())
            .collect()
    };
    // The adjudicated group is found by either side's members; a new one holds the
    // chosen side's.
    let members = copied(g);
    let mut either = members.clone();
    either.extend(h.map(copied).unwrap_or_default());
    let verdict = g.verdict.clone();
    let what = format!("group verdict: {}", verdict.as_deref().unwrap_or("(none)"));
    match group_holding(adjudicated, &either) {
        Some(target) => {
            let same = adjudicated
                .claim_group(target)
                .is_some_and(|t| t.verdict == verdict);
            if same {
                return Ok((Plan::new(), what));
            }
            let change = group_edit::GroupChange::Verdict(verdict);
            Ok((
                group_edit::update_group(project, ADJUDICATED, target, change)?,
                what,
            ))
        }
        None if members.is_empty() => Err(ReviewError::ClaimNotAdjudicated),
        None => Ok((create_like(project, context, &members, g)?, what)),
    }
}

#[cfg(test)]
#[path = "group_items_tests.rs"]
mod tests;
