//! The claims board: every claim of the current layer by group, with where it appears, its
//! status and whether members disagree; grouping, leaving, merging and one verdict for a
//! whole group, each as one undoable step through `model::group_edit`.

use super::Workbench;
use crate::model::group_edit::{self, GroupChange, GroupError};
use crate::model::{AnnotationId, AnnotationKind, ArticleId, ClaimGroupId, Layer, Plan, Project};
use std::collections::{BTreeSet, HashMap};

/// What the board shows and which claims the user ticked; lives in the workbench so the
/// board is driven (and tested) by commands alone.
#[derive(Clone, Debug, Default)]
pub struct BoardState {
    pub open: bool,
    pub filter: String,
    pub sort: BoardSort,
    /// The row the keyboard is on (an index into the board's claims, in display order).
    pub cursor: usize,
    pub checked: BTreeSet<AnnotationId>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BoardSort {
    /// Most appearances first.
    #[default]
    Appearances,
    /// Unchecked first, then in progress, then done.
    Status,
    Statement,
}

impl BoardSort {
    pub const ALL: [BoardSort; 3] = [Self::Appearances, Self::Status, Self::Statement];
    pub fn label(self) -> &'static str {
        match self {
            Self::Appearances => "most outlets",
            Self::Status => "status",
            Self::Statement => "statement",
        }
    }
}

/// How far a claim (or group) is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CheckStatus {
    Unchecked,
    InProgress,
    Verdict,
}

impl CheckStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Unchecked => "unchecked",
            Self::InProgress => "in progress",
            Self::Verdict => "verdict given",
        }
    }
}

/// One row of the board: a group, or a claim in no group.
#[derive(Clone, Debug, PartialEq)]
pub struct BoardEntry {
    pub group: Option<ClaimGroupId>,
    pub statement: String,
    pub verdict: Option<String>,
    pub status: CheckStatus,
    /// Members' verdicts differ (an override, or their own verdicts apart).
    pub disagree: bool,
    pub appearances: Vec<Appearance>,
}

/// Where one member claim stands: its article and outlet, for a jump link.
#[derive(Clone, Debug, PartialEq)]
pub struct Appearance {
    pub annotation: AnnotationId,
    pub article: ArticleId,
    pub article_title: String,
    pub outlet: String,
    pub text: String,
    /// The verdict that holds for this appearance.
    pub verdict: Option<String>,
    pub overridden: bool,
}

/// A change the board asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum BoardCommand {
    Open(bool),
    Filter(String),
    Sort(BoardSort),
    /// Tick or untick a claim for grouping.
    Check(AnnotationId),
    /// Move the keyboard row by this many rows.
    Move(i32),
    /// Tick or untick the claims of the row under the cursor.
    CheckCursor,
    /// Open the cursor row's first appearance.
    GoToCursor,
    /// Group the ticked claims (into the group of the first ticked one already grouped).
    GroupChecked,
    /// Take the ticked claims out of their groups.
    LeaveChecked,
    /// Merge the groups of the ticked claims into the first.
    MergeChecked,
    /// One verdict for a whole group.
    SetVerdict {
        group: ClaimGroupId,
        verdict: Option<String>,
    },
    /// The verdict at this position of the scale (0 clears it) for the cursor's group or
    /// claim.
    VerdictAtCursor(usize),
    SetStatement {
        group: ClaimGroupId,
        statement: String,
    },
}

/// The board for `layer` of `project`, filtered by `filter` (case-insensitive, in the
/// statement, a member's text or an outlet) and sorted. Linear in the layer plus sorting.
pub fn board(project: &Project, layer: &str, filter: &str, sort: BoardSort) -> Vec<BoardEntry> {
    let Some(layer) = project.layer(layer) else {
        return Vec::new();
    };
    let articles: HashMap<ArticleId, (&str, &str)> = project
        .articles
        .iter()
        .map(|a| (a.id, (a.title.as_str(), a.outlet.as_deref().unwrap_or(""))))
        .collect();
    let grouped = layer.group_index();
    let appearance = |a: &crate::model::Annotation| {
        let (title, outlet) = articles.get(&a.article).copied().unwrap_or(("", ""));
        let overridden = layer
            .group_of(a.id)
            .and_then(|g| g.members.iter().find(|m| m.annotation == a.id))
            .is_some_and(|m| m.verdict_override.is_some());
        Appearance {
            annotation: a.id,
            article: a.article,
            article_title: title.to_owned(),
            outlet: outlet.to_owned(),
            text: a.span.exact.clone(),
            verdict: layer.effective_verdict(a).map(str::to_owned),
            overridden,
        }
    };
    let claims: HashMap<AnnotationId, &crate::model::Annotation> = layer
        .annotations
        .iter()
        .filter(|a| matches!(a.kind, AnnotationKind::Claim(_)))
        .map(|a| (a.id, a))
        .collect();
    let mut entries = Vec::new();
    for g in &layer.claim_groups {
        let members: Vec<_> = g
            .members
            .iter()
            .filter_map(|m| claims.get(&m.annotation))
            .collect();
        let own: BTreeSet<&str> = members.iter().filter_map(|a| own_verdict(a)).collect();
        let disagree = g.members.iter().any(|m| {
            m.verdict_override
                .as_ref()
                .is_some_and(|o| Some(o.verdict.as_str()) != g.verdict.as_deref())
        }) || own.len() > 1
            || g.verdict
                .as_deref()
                .is_some_and(|v| own.iter().any(|o| *o != v));
        let status = if g.verdict.is_some() {
            CheckStatus::Verdict
        } else if !g.rationale.trim().is_empty() || !g.evidence.is_empty() || !own.is_empty() {
            CheckStatus::InProgress
        } else {
            CheckStatus::Unchecked
        };
        entries.push(BoardEntry {
            group: Some(g.id),
            statement: g.statement.clone(),
            verdict: g.verdict.clone(),
            status,
            disagree,
            appearances: members.iter().map(|a| appearance(a)).collect(),
        });
    }
    for a in &layer.annotations {
        let AnnotationKind::Claim(c) = &a.kind else {
            continue;
        };
        if grouped.contains_key(&a.id) {
            continue;
        }
        let status = if c.verdict.is_some() {
            CheckStatus::Verdict
        } else if !c.rationale.trim().is_empty() || !c.evidence.is_empty() {
            CheckStatus::InProgress
        } else {
            CheckStatus::Unchecked
        };
        entries.push(BoardEntry {
            group: None,
            statement: a.span.exact.trim().to_owned(),
            verdict: c.verdict.clone(),
            status,
            disagree: false,
            appearances: vec![appearance(a)],
        });
    }
    let needle = filter.trim().to_lowercase();
    if !needle.is_empty() {
        entries.retain(|e| {
            e.statement.to_lowercase().contains(&needle)
                || e.appearances.iter().any(|p| {
                    p.text.to_lowercase().contains(&needle)
                        || p.outlet.to_lowercase().contains(&needle)
                        || p.article_title.to_lowercase().contains(&needle)
                })
        });
    }
    match sort {
        BoardSort::Appearances => {
            entries.sort_by_key(|e| std::cmp::Reverse(e.appearances.len()));
        }
        BoardSort::Status => entries.sort_by_key(|e| e.status),
        BoardSort::Statement => entries.sort_by_key(|e| e.statement.to_lowercase()),
    }
    entries
}

fn own_verdict(a: &crate::model::Annotation) -> Option<&str> {
    match &a.kind {
        AnnotationKind::Claim(c) => c.verdict.as_deref(),
        _ => None,
    }
}

impl Workbench {
    pub fn claims_board(&self) -> &BoardState {
        &self.claims
    }

    /// The board as it is now, for the current annotator's layer.
    pub fn board_entries(&self) -> Vec<BoardEntry> {
        board(
            self.project(),
            self.me(),
            &self.claims.filter,
            self.claims.sort,
        )
    }

    /// The group a claim is in and the verdict that holds for it (for the panel).
    pub fn claim_group_of(&self, id: AnnotationId) -> Option<(&Layer, &crate::model::ClaimGroup)> {
        let (layer, _) = self.project().find_annotation(id)?;
        layer.group_of(id).map(|g| (layer, g))
    }

    pub(super) fn show_claims(&mut self, open: bool) {
        self.claims.open = open;
    }

    pub(super) fn board_command(&mut self, command: BoardCommand) {
        let layer = self.me().to_owned();
        match command {
            BoardCommand::Open(open) => self.show_claims(open),
            BoardCommand::Filter(f) => {
                self.claims.filter = f;
                self.claims.cursor = 0;
            }
            BoardCommand::Sort(s) => self.claims.sort = s,
            BoardCommand::Check(id) => {
                if !self.claims.checked.remove(&id) {
                    self.claims.checked.insert(id);
                }
            }
            BoardCommand::Move(by) => {
                let n = self.board_entries().len();
                let at = self.claims.cursor as i64 + i64::from(by);
                self.claims.cursor = at.clamp(0, n.saturating_sub(1) as i64) as usize;
            }
            BoardCommand::CheckCursor => {
                if let Some(e) = self.board_entries().get(self.claims.cursor) {
                    let ids: Vec<_> = e.appearances.iter().map(|a| a.annotation).collect();
                    let all = ids.iter().all(|id| self.claims.checked.contains(id));
                    for id in ids {
                        if all {
                            self.claims.checked.remove(&id);
                        } else {
                            self.claims.checked.insert(id);
                        }
                    }
                }
            }
            BoardCommand::GoToCursor => {
                if let Some(a) = self
                    .board_entries()
                    .get(self.claims.cursor)
                    .and_then(|e| e.appearances.first())
                {
                    self.select_annotation(a.annotation);
                }
            }
            BoardCommand::GroupChecked => {
                let ids = self.checked_in_order();
                let project = self.project();
                let target = ids
                    .iter()
                    .find_map(|id| project.layer(&layer)?.group_of(*id).map(|g| g.id));
                let plan = match target {
                    Some(g) => group_edit::join_group(project, &layer, g, &ids),
                    None => group_edit::create_group(project, &self.context(), &layer, &ids)
                        .map(|(plan, _)| plan),
                };
                if self.board_plan(plan, "Group claims") {
                    self.claims.checked.clear();
                }
            }
            BoardCommand::LeaveChecked => {
                let ids = self.checked_in_order();
                let plan = group_edit::leave_group(self.project(), &layer, &ids);
                if self.board_plan(plan, "Leave group") {
                    self.claims.checked.clear();
                }
            }
            BoardCommand::MergeChecked => {
                let ids = self.checked_in_order();
                let project = self.project();
                let mut groups: Vec<ClaimGroupId> = Vec::new();
                if let Some(l) = project.layer(&layer) {
                    for id in &ids {
                        if let Some(g) = l.group_of(*id)
                            && !groups.contains(&g.id)
                        {
                            groups.push(g.id);
                        }
                    }
                }
                if groups.len() < 2 {
                    self.status = "Tick claims of two groups or more to merge them".into();
                    return;
                }
                let plan = group_edit::merge_all(project, &layer, groups[0], &groups[1..]);
                if self.board_plan(plan, "Merge groups") {
                    self.claims.checked.clear();
                }
            }
            BoardCommand::SetVerdict { group, verdict } => {
                let plan = group_edit::update_group(
                    self.project(),
                    &layer,
                    group,
                    GroupChange::Verdict(verdict),
                );
                self.board_plan(plan, "Set group verdict");
            }
            BoardCommand::VerdictAtCursor(n) => {
                let verdict = match n {
                    0 => None,
                    n => match self.project().schema.verdicts.get(n - 1) {
                        Some(v) => Some(v.label.clone()),
                        None => return,
                    },
                };
                let Some(entry) = self.board_entries().get(self.claims.cursor).cloned() else {
                    return;
                };
                match entry.group {
                    Some(group) => self.board_command(BoardCommand::SetVerdict { group, verdict }),
                    None => {
                        let Some(a) = entry.appearances.first() else {
                            return;
                        };
                        let Some((_, a)) = self.project().find_annotation(a.annotation) else {
                            return;
                        };
                        let mut a = a.clone();
                        if let AnnotationKind::Claim(c) = &mut a.kind {
                            c.verdict = verdict;
                        }
                        self.update_annotation(a, None);
                    }
                }
            }
            BoardCommand::SetStatement { group, statement } => {
                let plan = group_edit::update_group(
                    self.project(),
                    &layer,
                    group,
                    GroupChange::Statement(statement),
                );
                self.board_plan(plan, "Edit group statement");
            }
        }
    }

    /// The ticked claims in board order (so the first row's text becomes the statement).
    fn checked_in_order(&self) -> Vec<AnnotationId> {
        let mut ids: Vec<AnnotationId> = self
            .board_entries()
            .iter()
            .flat_map(|e| e.appearances.iter().map(|a| a.annotation))
            .filter(|id| self.claims.checked.contains(id))
            .collect();
        ids.dedup();
        ids
    }

    fn board_plan(&mut self, plan: Result<Plan, GroupError>, label: &str) -> bool {
        match plan {
            Ok(plan) if plan.is_empty() => {
                self.status = format!("{label}: nothing to change");
                false
            }
            Ok(plan) => self.edit(plan.into_edit(), label, false),
            Err(e) => {
                self.status = format!("{label}: {e}");
                false
            }
        }
    }
}

#[cfg(test)]
#[path = "claims_tests.rs"]
mod tests;
