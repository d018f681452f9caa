//! Linking an earlier fact-check to a claim (or to the claim's group): the check's review
//! becomes a piece of evidence and its rating proposes a verdict on the project's scale
//! ([`super::verdict_map`]). Built as a [`Plan`] from the project as it is, so the window
//! applies it as one undoable step and the CLI under the project lock.
//!
//! A proposed verdict is set only where there is none yet: a verdict someone gave is never
//! replaced silently. [`apply_verdict`] sets it when the user asks.

use super::verdict_map::proposed_verdict;
use crate::model::group_edit::{self, GroupChange, GroupError};
use crate::model::{
    AnnotationId, AnnotationKind, ClaimGroup, ClaimGroupId, Context, Edit, Evidence,
    EvidenceStance, FactCheck, LabelSchema, Plan, Project,
};

/// What a check is linked to: a claim in no group, or a group (one verdict for all its
/// members).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum LinkTarget {
    Claim(AnnotationId),
    Group { layer: String, id: ClaimGroupId },
}

impl LinkTarget {
    /// A claim's target: its group when it is in one (the group's verdict is the one that
    /// holds for it), else the claim itself.
    pub fn for_claim(project: &Project, id: AnnotationId) -> Self {
        match project.find_annotation(id) {
            Some((layer, _)) => match layer.group_of(id) {
                Some(g) => Self::Group {
                    layer: layer.annotator.clone(),
                    id: g.id,
                },
                None => Self::Claim(id),
            },
            None => Self::Claim(id),
        }
    }
}

/// Why a check cannot be linked. The project is never changed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("annotation {0} no longer exists")]
    NoAnnotation(AnnotationId),
    #[error("annotation {0} is not a claim (checks are linked to claims)")]
    NotAClaim(AnnotationId),
    #[error("the library has no fact-check at {0}")]
    NoCheck(String),
    #[error("{0} is already linked as evidence")]
    AlreadyLinked(String),
    #[error("verdict “{0}” is not on the project's scale")]
    UnknownVerdict(String),
    #[error(transparent)]
    Group(#[from] GroupError),
}

/// A planned link: the plan and what it does to the verdict.
#[derive(Clone, Debug, PartialEq)]
pub struct Linked {
    pub plan: Plan,
    /// The verdict the check's rating proposes on the project's scale, if any.
    pub proposed: Option<String>,
    /// The verdict there was before (kept whatever the proposal).
    pub current: Option<String>,
    /// The plan sets `proposed` (there was no verdict).
    pub sets_verdict: bool,
}

/// Link the library's check at `url` to `target`: add it as evidence (accessed today by
/// `ctx`, with the stance its rating implies) and set its proposed verdict if the target
/// has none.
pub fn link_check(
    project: &Project,
    ctx: &Context,
    target: &LinkTarget,
    url: &str,
) -> Result<Linked, LinkError> {
    let check = project
        .fact_checks
        .iter()
        .find(|c| c.url == url)
        .ok_or_else(|| LinkError::NoCheck(url.to_owned()))?;
    let proposed = proposed_verdict(&project.schema, &check.rating);
    let evidence = evidence_for(&project.schema, check, proposed.as_deref(), ctx);
    let current = verdict_of(project, target)?.map(str::to_owned);
    if evidence_of(project, target)?
        .iter()
        .any(|e| e.url == check.url)
    {
        return Err(LinkError::AlreadyLinked(check.url.clone()));
    }
    let sets_verdict = current.is_none() && proposed.is_some();
    let new_verdict = if sets_verdict {
        proposed.clone()
    } else {
        current.clone()
    };
    let plan = match target {
        LinkTarget::Claim(id) => {
            let mut a = claim(project, *id)?.clone();
            if let AnnotationKind::Claim(c) = &mut a.kind {
                c.evidence.push(evidence);
                c.verdict = new_verdict;
            }
            a.modified = ctx.now;
            Plan::from(Edit::ReplaceAnnotation(a))
        }
        LinkTarget::Group { layer, id } => {
            let mut g = group(project, layer, *id)?.clone();
            g.evidence.push(evidence);
            g.verdict = new_verdict;
            Plan::from(Edit::PutClaimGroup {
                layer: layer.clone(),
                group: g,
            })
        }
    };
    Ok(Linked {
        plan,
        proposed,
        current,
        sets_verdict,
    })
}

/// Set `verdict` on `target` (the user applied a proposal over the verdict there was).
pub fn apply_verdict(
    project: &Project,
    ctx: &Context,
    target: &LinkTarget,
    verdict: &str,
) -> Result<Plan, LinkError> {
    if project.schema.verdict(verdict).is_none() {
        return Err(LinkError::UnknownVerdict(verdict.to_owned()));
    }
    match target {
        LinkTarget::Claim(id) => {
            let mut a = claim(project, *id)?.clone();
            if let AnnotationKind::Claim(c) = &mut a.kind {
                c.verdict = Some(verdict.to_owned());
            }
            a.modified = ctx.now;
            Ok(Plan::from(Edit::ReplaceAnnotation(a)))
        }
        LinkTarget::Group { layer, id } => Ok(group_edit::update_group(
            project,
            layer,
            *id,
            GroupChange::Verdict(Some(verdict.to_owned())),
        )?),
    }
}

/// The verdict `target` has now (a claim's own, a group's).
pub fn verdict_of<'p>(
    project: &'p Project,
    target: &LinkTarget,
) -> Result<Option<&'p str>, LinkError> {
    Ok(match target {
        LinkTarget::Claim(id) => match &claim(project, *id)?.kind {
            AnnotationKind::Claim(c) => c.verdict.as_deref(),
            _ => None,
        },
        LinkTarget::Group { layer, id } => group(project, layer, *id)?.verdict.as_deref(),
    })
}

/// The evidence `target` has now.
pub fn evidence_of<'p>(
    project: &'p Project,
    target: &LinkTarget,
) -> Result<&'p [Evidence], LinkError> {
    Ok(match target {
        LinkTarget::Claim(id) => match &claim(project, *id)?.kind {
            AnnotationKind::Claim(c) => &c.evidence,
            _ => &[],
        },
        LinkTarget::Group { layer, id } => &group(project, layer, *id)?.evidence,
    })
}

/// The piece of evidence a linked check becomes: its url, who rated what how, and the
/// stance its proposed verdict takes (above the scale's middle supports, below refutes).
fn evidence_for(
    schema: &LabelSchema,
    check: &FactCheck,
    proposed: Option<&str>,
    ctx: &Context,
) -> Evidence {
    let mut quote = String::new();
    if !check.author.is_empty() {
        quote.push_str(&check.author);
        quote.push_str(": ");
    }
    quote.push_str(check.rating.label.trim());
    if !check.claim_reviewed.trim().is_empty() {
        quote.push_str(&format!(" — “{}”", check.claim_reviewed.trim()));
    }
    let stance = match (
        proposed.and_then(|p| schema.verdict(p)),
        schema.rating_range(),
    ) {
        (Some(level), Some((best, worst))) if level.is_rated() && best != worst => {
            let twice = 2 * level.value;
            if twice > best + worst {
                EvidenceStance::Supports
            } else if twice < best + worst {
                EvidenceStance::Refutes
            } else {
                EvidenceStance::Context
            }
        }
        _ => EvidenceStance::Context,
    };
    Evidence {
        url: check.url.clone(),
        quote,
        stance,
        accessed: Some(ctx.now.date_naive()),
    }
}

fn claim(project: &Project, id: AnnotationId) -> Result<&crate::model::Annotation, LinkError> {
    let (_, a) = project
        .find_annotation(id)
        .ok_or(LinkError::NoAnnotation(id))?;
    match a.kind {
        AnnotationKind::Claim(_) => Ok(a),
        _ => Err(LinkError::NotAClaim(id)),
    }
}

fn group<'p>(
    project: &'p Project,
    layer: &str,
    id: ClaimGroupId,
) -> Result<&'p ClaimGroup, LinkError> {
    let l = project
        .layer(layer)
        .ok_or_else(|| GroupError::NoLayer(layer.to_owned()))?;
    Ok(l.claim_group(id).ok_or_else(|| GroupError::NoGroup {
        layer: layer.to_owned(),
        group: id,
    })?)
}

#[cfg(test)]
#[path = "link_tests.rs"]
mod tests;
