//! Operations on claim groups: create, join, leave, split, merge, set the group's fields and
//! a member's override. Each builds a [`Plan`] from the project as it is (never touching
//! it), so the CLI and the window apply it as one undoable step like any other change.
//!
//! A plan is the difference between the layer's groups before and after the operation:
//! one [`Edit::PutClaimGroup`] per changed or new group and one [`Edit::RemoveClaimGroup`]
//! per group left empty. A group never stays without members.

use super::{
    Annotation, AnnotationId, AnnotationKind, ClaimGroup, ClaimGroupId, ClaimMember, Context, Edit,
    Evidence, Layer, Plan, Project, VerdictOverride,
};
use std::collections::{HashMap, HashSet};

/// Why a group operation cannot be planned. The project is never changed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GroupError {
    #[error("there is no layer named “{0}”")]
    NoLayer(String),
    #[error("annotation {annotation} is not in layer “{layer}”")]
    NotInLayer {
        annotation: AnnotationId,
        layer: String,
    },
    #[error("annotation {0} is not a claim (only claims are grouped)")]
    NotAClaim(AnnotationId),
    #[error("claim group {group} is not in layer “{layer}”")]
    NoGroup { layer: String, group: ClaimGroupId },
    #[error("annotation {annotation} is not a member of claim group {group}")]
    NotAMember {
        annotation: AnnotationId,
        group: ClaimGroupId,
    },
    #[error("annotation {0} is in no claim group")]
    Ungrouped(AnnotationId),
    #[error("choose at least one claim")]
    NoClaims,
    #[error("a group cannot be merged into itself")]
    SameGroup,
    #[error("verdict “{0}” is not on the project's scale")]
    UnknownVerdict(String),
    #[error("an override needs a reason (what in this outlet's wording changes the claim)")]
    NoReason,
    #[error("a group's statement cannot be empty")]
    EmptyStatement,
}

/// One field of a group, set for every member at once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GroupChange {
    Statement(String),
    Verdict(Option<String>),
    Rationale(String),
    Evidence(Vec<Evidence>),
}

impl Layer {
    /// The group `annotation` is a member of, if any.
    pub fn group_of(&self, annotation: AnnotationId) -> Option<&ClaimGroup> {
        self.claim_groups.iter().find(|g| g.contains(annotation))
    }

    pub fn claim_group(&self, id: ClaimGroupId) -> Option<&ClaimGroup> {
        self.claim_groups.iter().find(|g| g.id == id)
    }

    /// The verdict that holds for a claim of this layer: its group's (or its override),
    /// else the claim's own.
    pub fn effective_verdict<'a>(&'a self, annotation: &'a Annotation) -> Option<&'a str> {
        if let Some(group) = self.group_of(annotation.id) {
            return group.verdict_of(annotation.id);
        }
        match &annotation.kind {
            AnnotationKind::Claim(c) => c.verdict.as_deref(),
            _ => None,
        }
    }

    /// The annotation id → group id map of the layer, built once (linear).
    pub fn group_index(&self) -> HashMap<AnnotationId, ClaimGroupId> {
        self.claim_groups
            .iter()
            .flat_map(|g| g.members.iter().map(move |m| (m.annotation, g.id)))
            .collect()
    }
}

/// Group `members` (claims of `layer`) as one new group; they leave the groups they were
/// in. The statement is the first member's text; the verdict is the members' own verdict
/// when those that have one agree.
pub fn create_group(
    project: &Project,
    ctx: &Context,
    layer: &str,
    members: &[AnnotationId],
) -> Result<(Plan, ClaimGroupId), GroupError> {
    let mut draft = Draft::new(project, layer)?;
    let members = draft.claims(members)?;
    let id = draft.fresh_id(ctx.seed);
    let first = &members[0];
    let mut verdicts = members
        .iter()
        .filter_map(|a| draft.layer.effective_verdict(a));
    let verdict = verdicts.next().map(str::to_owned);
    let verdict = verdict.filter(|v| verdicts.all(|w| w == v));
    let group = ClaimGroup {
        id,
        statement: first.span.exact.trim().to_owned(),
        verdict,
        members: Vec::new(),
        ..ClaimGroup::default()
    };
    let ids: Vec<AnnotationId> = members.iter().map(|a| a.id).collect();
    draft.leave(&ids);
    draft.after.push(group);
    draft.join(id, &ids);
    Ok((draft.into_plan(), id))
}

/// Add `members` to `group`; they leave the groups they were in (overrides go with them).
pub fn join_group(
    project: &Project,
    layer: &str,
    group: ClaimGroupId,
    members: &[AnnotationId],
) -> Result<Plan, GroupError> {
    let mut draft = Draft::new(project, layer)?;
    draft.group(group)?;
    let ids: Vec<AnnotationId> = draft.claims(members)?.iter().map(|a| a.id).collect();
    let ids: Vec<AnnotationId> = ids
        .into_iter()
        .filter(|id| !draft.group(group).is_ok_and(|g| g.contains(*id)))
        .collect();
    draft.leave(&ids);
    draft.join(group, &ids);
    Ok(draft.into_plan())
}

/// Take `members` out of whatever group each is in. A group left empty is removed.
pub fn leave_group(
    project: &Project,
    layer: &str,
    members: &[AnnotationId],
) -> Result<Plan, GroupError> {
    let mut draft = Draft::new(project, layer)?;
    let claims = draft.claims(members)?;
    if let Some(a) = claims.iter().find(|a| draft.layer.group_of(a.id).is_none()) {
        return Err(GroupError::Ungrouped(a.id));
    }
    let ids: Vec<AnnotationId> = claims.iter().map(|a| a.id).collect();
    draft.leave(&ids);
    Ok(draft.into_plan())
}

/// Move `members` of `group` into a new group of their own (the outlets turned out to say
/// something else). The new group starts unchecked, its statement the first mover's text.
pub fn split_group(
    project: &Project,
    ctx: &Context,
    layer: &str,
    group: ClaimGroupId,
    members: &[AnnotationId],
) -> Result<(Plan, ClaimGroupId), GroupError> {
    let draft = Draft::new(project, layer)?;
    let from = draft.group(group)?;
    if let Some(a) = members.iter().find(|a| !from.contains(**a)) {
        return Err(GroupError::NotAMember {
            annotation: *a,
            group,
        });
    }
    let (mut plan, id) = create_group(project, ctx, layer, members)?;
    // The new group is unchecked whatever the members had: they were split off because the
    // old verdict does not fit them.
    let mut split = Plan::new();
    for edit in plan.edits() {
        match edit {
            Edit::PutClaimGroup { layer, group } if group.id == id => {
                split.push(Edit::PutClaimGroup {
                    layer: layer.clone(),
                    group: ClaimGroup {
                        verdict: None,
                        ..group.clone()
                    },
                })
            }
            other => split.push(other.clone()),
        }
    }
    plan = split;
    Ok((plan, id))
}

/// Merge `from` into `into`: its members join (after `into`'s), `into` keeps its own
/// fields and takes `from`'s where its own are empty; `from` is removed.
pub fn merge_groups(
    project: &Project,
    layer: &str,
    into: ClaimGroupId,
    from: ClaimGroupId,
) -> Result<Plan, GroupError> {
    merge_all(project, layer, into, &[from])
}

/// Merge each of `from` into `into`, in order, as one plan (see [`merge_groups`]).
pub fn merge_all(
    project: &Project,
    layer: &str,
    into: ClaimGroupId,
    from: &[ClaimGroupId],
) -> Result<Plan, GroupError> {
    let mut draft = Draft::new(project, layer)?;
    for from in from {
        draft.merge(into, *from)?;
    }
    Ok(draft.into_plan())
}

impl Draft<'_> {
    fn merge(&mut self, into: ClaimGroupId, from: ClaimGroupId) -> Result<(), GroupError> {
        if into == from {
            return Err(GroupError::SameGroup);
        }
        let draft = self;
        let source = draft.group(from)?.clone();
        draft.group(into)?;
        draft.after.retain(|g| g.id != from);
        let target = draft.group_mut(into)?;
        target.members.extend(source.members);
        if target.verdict.is_none() {
            target.verdict = source.verdict;
        }
        if target.rationale.trim().is_empty() {
            target.rationale = source.rationale;
        }
        for e in source.evidence {
            if !target.evidence.contains(&e) {
                target.evidence.push(e);
            }
        }
        Ok(())
    }
}

/// Set one field of a group, for all its members at once.
pub fn update_group(
    project: &Project,
    layer: &str,
    group: ClaimGroupId,
    change: GroupChange,
) -> Result<Plan, GroupError> {
    let mut draft = Draft::new(project, layer)?;
    match &change {
        GroupChange::Verdict(Some(v)) if project.schema.verdict(v).is_none() => {
            return Err(GroupError::UnknownVerdict(v.clone()));
        }
        GroupChange::Statement(s) if s.trim().is_empty() => {
            return Err(GroupError::EmptyStatement);
        }
        _ => {}
    }
    let target = draft.group_mut(group)?;
    match change {
        GroupChange::Statement(s) => target.statement = s,
        GroupChange::Verdict(v) => target.verdict = v,
        GroupChange::Rationale(r) => target.rationale = r,
        GroupChange::Evidence(e) => target.evidence = e,
    }
    Ok(draft.into_plan())
}

/// Give one member its own verdict with a reason, or (`None`) let it follow the group's.
pub fn set_override(
    project: &Project,
    layer: &str,
    annotation: AnnotationId,
    verdict_override: Option<VerdictOverride>,
) -> Result<Plan, GroupError> {
    let mut draft = Draft::new(project, layer)?;
    if let Some(o) = &verdict_override {
        if project.schema.verdict(&o.verdict).is_none() {
            return Err(GroupError::UnknownVerdict(o.verdict.clone()));
        }
        if o.reason.trim().is_empty() {
            return Err(GroupError::NoReason);
        }
    }
    let member = draft
        .after
        .iter_mut()
        .flat_map(|g| g.members.iter_mut())
        .find(|m| m.annotation == annotation)
        .ok_or(GroupError::Ungrouped(annotation))?;
    member.verdict_override = verdict_override;
    Ok(draft.into_plan())
}

/// The layer's groups as they are and as the operation leaves them.
struct Draft<'p> {
    layer: &'p Layer,
    after: Vec<ClaimGroup>,
}

impl<'p> Draft<'p> {
    fn new(project: &'p Project, layer: &str) -> Result<Self, GroupError> {
        let layer = project
            .layer(layer)
            .ok_or_else(|| GroupError::NoLayer(layer.to_owned()))?;
        Ok(Self {
            layer,
            after: layer.claim_groups.clone(),
        })
    }

    /// The claim annotations `ids` of this layer, once each, in the order given.
    fn claims(&self, ids: &[AnnotationId]) -> Result<Vec<&'p Annotation>, GroupError> {
        if ids.is_empty() {
            return Err(GroupError::NoClaims);
        }
        let wanted: HashSet<AnnotationId> = ids.iter().copied().collect();
        let found: HashMap<AnnotationId, &Annotation> = self
            .layer
            .annotations
            .iter()
            .filter(|a| wanted.contains(&a.id))
            .map(|a| (a.id, a))
            .collect();
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for id in ids {
            let a = found.get(id).ok_or_else(|| GroupError::NotInLayer {
                annotation: *id,
                layer: self.layer.annotator.clone(),
            })?;
            if !matches!(a.kind, AnnotationKind::Claim(_)) {
                return Err(GroupError::NotAClaim(*id));
            }
            if seen.insert(*id) {
                out.push(*a);
            }
        }
        Ok(out)
    }

    fn group(&self, id: ClaimGroupId) -> Result<&ClaimGroup, GroupError> {
        self.after
            .iter()
            .find(|g| g.id == id)
            .ok_or_else(|| self.no_group(id))
    }

    fn group_mut(&mut self, id: ClaimGroupId) -> Result<&mut ClaimGroup, GroupError> {
        let err = self.no_group(id);
        self.after.iter_mut().find(|g| g.id == id).ok_or(err)
    }

    fn no_group(&self, group: ClaimGroupId) -> GroupError {
        GroupError::NoGroup {
            layer: self.layer.annotator.clone(),
            group,
        }
    }

    /// A group id not used in this layer, drawn from the context's seed.
    fn fresh_id(&self, seed: u64) -> ClaimGroupId {
        let used: HashSet<ClaimGroupId> = self.after.iter().map(|g| g.id).collect();
        let mut rng = fastrand::Rng::with_seed(seed);
        loop {
            let id = ClaimGroupId(rng.u64(1..=super::MAX_ID));
            if !used.contains(&id) {
                return id;
            }
        }
    }

    /// Take the members out of their groups; drop groups left empty.
    fn leave(&mut self, ids: &[AnnotationId]) {
        let gone: HashSet<AnnotationId> = ids.iter().copied().collect();
        for g in &mut self.after {
            g.members.retain(|m| !gone.contains(&m.annotation));
        }
        self.after.retain(|g| !g.members.is_empty());
    }

    fn join(&mut self, group: ClaimGroupId, ids: &[AnnotationId]) {
        if let Some(g) = self.after.iter_mut().find(|g| g.id == group) {
            g.members.extend(ids.iter().map(|id| ClaimMember {
                annotation: *id,
                verdict_override: None,
            }));
        }
    }

    /// The edits that turn the layer's groups into `after`: removals first, then each
    /// changed or new group.
    fn into_plan(self) -> Plan {
        let layer = &self.layer.annotator;
        let before: HashMap<ClaimGroupId, &ClaimGroup> =
            self.layer.claim_groups.iter().map(|g| (g.id, g)).collect();
        let kept: HashSet<ClaimGroupId> = self.after.iter().map(|g| g.id).collect();
        let mut plan = Plan::new();
        for g in &self.layer.claim_groups {
            if !kept.contains(&g.id) {
                plan.push(Edit::RemoveClaimGroup {
                    layer: layer.clone(),
                    id: g.id,
                });
            }
        }
        for g in self.after {
            if before.get(&g.id) != Some(&&g) {
                plan.push(Edit::PutClaimGroup {
                    layer: layer.clone(),
                    group: g,
                });
            }
        }
        plan
    }
}

/// Add or replace a group in a layer (the body of [`Edit::PutClaimGroup`]); returns the
/// inverse. A new group goes where its id sorts, so an undone removal comes back in place
/// in a layer whose groups are in id order.
pub(super) fn put_group(layer: &mut Layer, group: ClaimGroup) -> Edit {
    let annotator = layer.annotator.clone();
    if let Some(slot) = layer.claim_groups.iter_mut().find(|g| g.id == group.id) {
        let old = std::mem::replace(slot, group);
        return Edit::PutClaimGroup {
            layer: annotator,
            group: old,
        };
    }
    let id = group.id;
    let at = layer.claim_groups.partition_point(|g| g.id < id);
    layer.claim_groups.insert(at, group);
    Edit::RemoveClaimGroup {
        layer: annotator,
        id,
    }
}

/// Remove `gone` annotations from the layer's groups (their annotations were removed);
/// groups left empty go too. Returns the edits that restore the groups as they were.
pub(super) fn drop_members(layer: &mut Layer, gone: &HashSet<AnnotationId>) -> Vec<Edit> {
    if layer.claim_groups.is_empty() {
        return Vec::new();
    }
    let mut restore = Vec::new();
    let annotator = layer.annotator.clone();
    layer.claim_groups.retain_mut(|g| {
        if !g.members.iter().any(|m| gone.contains(&m.annotation)) {
            return true;
        }
        restore.push(Edit::PutClaimGroup {
            layer: annotator.clone(),
            group: g.clone(),
        });
        g.members.retain(|m| !gone.contains(&m.annotation));
        !g.members.is_empty()
    });
    restore
}

#[cfg(test)]
#[path = "group_edit_tests.rs"]
mod tests;
