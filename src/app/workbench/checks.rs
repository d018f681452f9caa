//! Earlier fact-checks in the window and suggested groups on the claims board.
//!
//! The library's index is built once and kept until the library changes (a hash of its
//! urls and wordings, taken when the project's revision moves); the checks of the
//! selected claim (or candidate) and of the board's row are ranked again only when their
//! text, the selection or the project changes — never once a frame. Linking a check, applying
//! its proposed verdict and accepting a suggested group are each one undoable step built
//! by the core (`claims::link`, `model::group_edit`); a rejected suggested group is kept
//! in the project like any rejected suggestion.

use super::Workbench;
use crate::app::Edit;
use crate::app::marks::MarkTarget;
use crate::claims::grouping::{ClaimRef, group_claims_against};
use crate::claims::link::{self, LinkTarget, Linked};
use crate::claims::retrieval::{LibraryIndex, MATCH_THRESHOLD};
use crate::claims::verdict_map::proposed_verdict;
use crate::model::group_edit;
use crate::model::{AnnotationId, AnnotationKind, ArticleId, FactCheck, Project, SuggestionKey};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Matches shown at most (at or above the threshold).
pub const SHOWN_MATCHES: usize = 5;
/// "Possibly related" checks shown at most (below the threshold).
pub const SHOWN_RELATED: usize = 3;
/// The kind of a suggested group's [`SuggestionKey`].
pub const GROUP_KIND: &str = "claim group";

/// What earlier checks are ranked for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CheckTarget {
    /// A claim or group a check can be linked to.
    Link(LinkTarget),
    /// A claim candidate (a suggestion): its checks show; linking needs a claim.
    Candidate(SuggestionKey),
}

/// The ranked earlier checks of one claim, group or candidate.
#[derive(Clone, Debug, PartialEq)]
pub struct EarlierChecks {
    pub target: CheckTarget,
    /// The wording that was ranked.
    pub text: String,
    /// At or above [`MATCH_THRESHOLD`], best first.
    pub matches: Vec<ShownCheck>,
    /// Below it, best first: "possibly related".
    pub related: Vec<ShownCheck>,
    /// The target's verdict now (a group's, a claim's own).
    pub verdict: Option<String>,
}

/// One earlier check as the window shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownCheck {
    pub url: String,
    /// "Checked before: False, by Example Desk on 2026-02-01".
    pub headline: String,
    pub claim_reviewed: String,
    pub score: f64,
    /// Its rating on the project's scale.
    pub proposed: Option<String>,
    /// Already among the target's evidence.
    pub linked: bool,
}

impl EarlierChecks {
    /// The best match not linked yet: what the keyboard links.
    pub fn best_unlinked(&self) -> Option<&ShownCheck> {
        self.matches.iter().find(|c| !c.linked)
    }

    pub fn link_target(&self) -> Option<&LinkTarget> {
        match &self.target {
            CheckTarget::Link(t) => Some(t),
            CheckTarget::Candidate(_) => None,
        }
    }
}

/// A suggested group of claims of my layer, from different articles.
#[derive(Clone, Debug, PartialEq)]
pub struct BoardSuggestion {
    pub key: SuggestionKey,
    pub members: Vec<SuggestedMember>,
    /// The weakest link that joined it, in [0, 1].
    pub score: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SuggestedMember {
    pub annotation: AnnotationId,
    pub article_title: String,
    pub outlet: String,
    pub text: String,
}

/// A change to earlier checks or suggested groups.
#[derive(Clone, Debug, PartialEq)]
pub enum CheckCommand {
    /// Link the library's check at `url` (evidence, and its verdict where there is none).
    Link { target: LinkTarget, url: String },
    /// Set a linked check's proposed verdict over the one there is.
    ApplyVerdict { target: LinkTarget, verdict: String },
    /// Make a suggested group a group of my layer.
    AcceptGroup(SuggestionKey),
    /// Reject a suggested group (kept in the project: it is not suggested again).
    RejectGroup(SuggestionKey),
    /// Accept the first suggested group on the board (its keyboard).
    AcceptFirstGroup,
    /// Reject the first suggested group on the board.
    RejectFirstGroup,
}

/// The cached index and the last rankings.
#[derive(Default)]
pub(super) struct ChecksState {
    library: LibraryIndex,
    /// Hash of the library's urls and wordings the index was built from.
    library_key: Option<u64>,
    /// The project revision `library_key` was taken at.
    revision: Option<u64>,
    /// How many times the index was built (tests see it is not rebuilt every frame).
    pub(super) builds: u64,
    selection: Option<EarlierChecks>,
    board: Option<EarlierChecks>,
    /// What the board's row was found from: the revision, the layer, the cursor, filter
    /// and sort (the board is not built again while they stay).
    board_key: Option<BoardKey>,
    /// Suggested groups, with the revision and layer they were computed for.
    suggested: Option<(u64, String, Vec<BoardSuggestion>)>,
}

#[derive(Clone, Debug, PartialEq)]
struct BoardKey {
    revision: u64,
    layer: String,
    cursor: usize,
    filter: String,
    sort: super::BoardSort,
}

impl ChecksState {
    /// Another session: revisions start again, so nothing ranked is kept (the index is,
    /// until the library's hash says it differs).
    pub(super) fn invalidate(&mut self) {
        self.revision = None;
        self.selection = None;
        self.board = None;
        self.board_key = None;
        self.suggested = None;
    }
}

/// The library's identity for the index: every check's url and wording, in order (xxh3,
/// taken only when the project's revision moves).
fn library_key(checks: &[FactCheck]) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3Default::new();
    for c in checks {
        for part in [&c.url, &c.claim_reviewed] {
            h.update(&(part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
    }
    h.digest()
}

/// "Checked before: False, by Example Desk on 2026-02-01" (parts that are missing left out).
pub fn headline(check: &FactCheck) -> String {
    let label = check.rating.label.trim();
    let mut s = format!(
        "Checked before: {}",
        if label.is_empty() { "no rating" } else { label }
    );
    if !check.author.trim().is_empty() {
        s.push_str(&format!(", by {}", check.author.trim()));
    }
    if let Some(d) = check.date {
        s.push_str(&format!(" on {d}"));
    }
    s
}

/// The key of a suggested group: its members' places, so the same suggestion has the same
/// key in every run and every layer.
pub fn group_key(members: &[ClaimRef]) -> SuggestionKey {
    // The shape of the other multi-article keys (`assist::suggestion`): sorted places.
    let mut places: Vec<String> = members
        .iter()
        .map(|m| format!("{}:{}:{}", m.article, m.start, m.end))
        .collect();
    places.sort();
    SuggestionKey {
        kind: GROUP_KIND.to_owned(),
        article: None,
        start: 0,
        end: 0,
        fingerprint: format!(
            "{:016x}",
            xxhash_rust::xxh3::xxh3_64(places.join("\u{1f}").as_bytes())
        ),
    }
}

/// Suggested groups of `layer`'s claims that are not groups of it already (every member in
/// one group) and were not rejected; claims that one check of `library` matches meet
/// through it. Linear in the layer's claims (see `claims::grouping`).
pub fn suggested_groups(
    project: &Project,
    layer: &str,
    library: &LibraryIndex,
) -> Vec<BoardSuggestion> {
    let Some(l) = project.layer(layer) else {
        return Vec::new();
    };
    let claims: Vec<ClaimRef> = l
        .annotations
        .iter()
        .filter(|a| matches!(a.kind, AnnotationKind::Claim(_)))
        .map(|a| ClaimRef {
            article: a.article,
            start: a.span.start,
            end: a.span.end,
            text: a.span.exact.clone(),
            annotation: Some(a.id),
        })
        .collect();
    let rejected: HashSet<&SuggestionKey> = project.rejected_suggestions.iter().collect();
    let groups: Vec<BTreeSet<AnnotationId>> = l
        .claim_groups
        .iter()
        .map(|g| g.members.iter().map(|m| m.annotation).collect())
        .collect();
    let articles: HashMap<ArticleId, (&str, &str)> = project
        .articles
        .iter()
        .map(|a| (a.id, (a.title.as_str(), a.outlet.as_deref().unwrap_or(""))))
        .collect();
    group_claims_against(claims, library)
        .into_iter()
        .filter_map(|g| {
            let ids: BTreeSet<AnnotationId> =
                g.members.iter().filter_map(|m| m.annotation).collect();
            if groups.iter().any(|c| ids.is_subset(c)) {
                return None;
            }
            let key = group_key(&g.members);
            if rejected.contains(&key) {
                return None;
            }
            let members = g
                .members
                .iter()
                .filter_map(|m| {
                    let (title, outlet) = articles.get(&m.article).copied().unwrap_or(("", ""));
                    Some(SuggestedMember {
                        annotation: m.annotation?,
                        article_title: title.to_owned(),
                        outlet: outlet.to_owned(),
                        text: m.text.clone(),
                    })
                })
                .collect();
            Some(BoardSuggestion {
                key,
                members,
                score: g.score,
            })
        })
        .collect()
}

impl Workbench {
    /// The earlier checks of the selected claim or claim candidate.
    pub fn selection_checks(&self) -> Option<&EarlierChecks> {
        self.checks.selection.as_ref()
    }

    /// The earlier checks of the claims board's row under the cursor.
    pub fn board_checks(&self) -> Option<&EarlierChecks> {
        self.checks.board.as_ref()
    }

    /// Suggested groups of my layer for the board (computed when the board is open).
    pub fn board_suggestions(&self) -> &[BoardSuggestion] {
        self.checks
            .suggested
            .as_ref()
            .map_or(&[], |(_, _, s)| s.as_slice())
    }

    /// How many times the library's index was built this session.
    pub fn check_index_builds(&self) -> u64 {
        self.checks.builds
    }

    /// What the link action works on: the board's row while the board is open, else the
    /// selected claim.
    pub fn link_candidate(&self) -> Option<&EarlierChecks> {
        let board = self
            .claims
            .open
            .then_some(self.checks.board.as_ref())
            .flatten();
        board
            .or(self.checks.selection.as_ref())
            .filter(|e| e.link_target().is_some())
    }

    /// Bring the index, the rankings and the suggested groups up to date (cheap when
    /// nothing they read changed).
    pub(super) fn refresh_checks(&mut self) {
        let revision = self.session.revision();
        let project = self.session.project();
        let changed = self.checks.revision != Some(revision);
        if changed {
            self.checks.revision = Some(revision);
            let key = library_key(&project.fact_checks);
            if self.checks.library_key != Some(key) {
                self.checks.library = LibraryIndex::new(&project.fact_checks);
                self.checks.library_key = Some(key);
                self.checks.builds += 1;
                self.checks.selection = None;
                self.checks.board = None;
            }
        }
        // With no library there is nothing to show (and no row to compute).
        let library = !self.checks.library.is_empty();
        let selection = self.selection_target().filter(|_| library);
        let board_key = (self.claims.open && library).then(|| BoardKey {
            revision,
            layer: self.me().to_owned(),
            cursor: self.claims.cursor,
            filter: self.claims.filter.clone(),
            sort: self.claims.sort,
        });
        if board_key != self.checks.board_key {
            self.checks.board = match board_key {
                Some(_) => self.board_target().map(|(t, text)| self.rank_for(t, text)),
                None => None,
            };
            self.checks.board_key = board_key;
        }
        let stale = |cached: &Option<EarlierChecks>, want: &Option<(CheckTarget, String)>| {
            changed
                || match (cached, want) {
                    (Some(c), Some((t, text))) => c.target != *t || c.text != *text,
                    (None, None) => false,
                    _ => true,
                }
        };
        if stale(&self.checks.selection, &selection) {
            self.checks.selection = selection.map(|(t, text)| self.rank_for(t, text));
        }
        if self.claims.open {
            let me = self.me().to_owned();
            let fresh = self
                .checks
                .suggested
                .as_ref()
                .is_some_and(|(r, l, _)| *r == revision && *l == me);
            if !fresh {
                let s = suggested_groups(self.session.project(), &me, &self.checks.library);
                self.checks.suggested = Some((revision, me, s));
            }
        }
    }

    /// The selected claim annotation (its group, if grouped) or claim candidate, and the
    /// wording to rank.
    fn selection_target(&self) -> Option<(CheckTarget, String)> {
        match &self.selected {
            Some(MarkTarget::Annotation(id)) => {
                let (_, a) = self.project().find_annotation(*id)?;
                if !matches!(a.kind, AnnotationKind::Claim(_)) {
                    return None;
                }
                let target = LinkTarget::for_claim(self.project(), *id);
                Some((CheckTarget::Link(target), a.span.exact.clone()))
            }
            Some(MarkTarget::Suggestion(_)) => match self.selected_suggestion()? {
                super::ShownSuggestion::Claim(c) => {
                    Some((CheckTarget::Candidate(c.key()), c.text.clone()))
                }
                super::ShownSuggestion::Quote(_) => None,
            },
            None => None,
        }
    }

    /// The board's cursor row: its group (ranked by its statement) or its lone claim.
    fn board_target(&self) -> Option<(CheckTarget, String)> {
        let entries = self.board_entries();
        let e = entries.get(self.claims.cursor)?;
        let target = match e.group {
            Some(id) => LinkTarget::Group {
                layer: self.me().to_owned(),
                id,
            },
            None => LinkTarget::Claim(e.appearances.first()?.annotation),
        };
        Some((CheckTarget::Link(target), e.statement.clone()))
    }

    fn rank_for(&self, target: CheckTarget, text: String) -> EarlierChecks {
        let project = self.project();
        let (linked, verdict): (HashSet<&str>, Option<String>) = match &target {
            CheckTarget::Link(t) => (
                link::evidence_of(project, t)
                    .map(|e| e.iter().map(|e| e.url.as_str()).collect())
                    .unwrap_or_default(),
                link::verdict_of(project, t)
                    .ok()
                    .flatten()
                    .map(str::to_owned),
            ),
            CheckTarget::Candidate(_) => (HashSet::new(), None),
        };
        let mut matches = Vec::new();
        let mut related = Vec::new();
        for hit in self
            .checks
            .library
            .rank(&text, SHOWN_MATCHES + SHOWN_RELATED)
        {
            let Some(check) = project.fact_checks.get(hit.check) else {
                continue;
            };
            let shown = ShownCheck {
                url: check.url.clone(),
                headline: headline(check),
                claim_reviewed: check.claim_reviewed.clone(),
                score: hit.score,
                proposed: proposed_verdict(&project.schema, &check.rating),
                linked: linked.contains(check.url.as_str()),
            };
            if hit.score >= MATCH_THRESHOLD {
                if matches.len() < SHOWN_MATCHES {
                    matches.push(shown);
                }
            } else if related.len() < SHOWN_RELATED && hit.score > 0.0 {
                related.push(shown);
            }
        }
        EarlierChecks {
            target,
            text,
            matches,
            related,
            verdict,
        }
    }

    /// The link action: link the best match not linked yet of the board's row or the
    /// selected claim.
    pub(super) fn link_best_check(&mut self) {
        let Some(e) = self.link_candidate() else {
            self.status = match &self.checks.selection {
                Some(EarlierChecks {
                    target: CheckTarget::Candidate(_),
                    ..
                }) => "Accept the suggested claim first, then link a check to it".into(),
                _ => {
                    "Select a claim (or a row of the claims board) to link an earlier check".into()
                }
            };
            return;
        };
        let Some(target) = e.link_target().cloned() else {
            return;
        };
        match e.best_unlinked() {
            Some(c) => {
                let url = c.url.clone();
                self.checks_command(CheckCommand::Link { target, url });
            }
            None if e.matches.is_empty() => {
                self.status =
                    "No earlier check matches this claim (link a related one by its button)".into();
            }
            None => self.status = "Every matching earlier check is linked already".into(),
        }
    }

    pub(super) fn checks_command(&mut self, command: CheckCommand) {
        match command {
            CheckCommand::Link { target, url } => {
                if !self.can_change(&target) {
                    return;
                }
                match link::link_check(self.project(), &self.context(), &target, &url) {
                    Ok(Linked {
                        plan,
                        proposed,
                        current,
                        sets_verdict,
                    }) => {
                        if self.edit(plan.into_edit(), "Link earlier check", false) {
                            self.status = match (proposed, current, sets_verdict) {
                                (Some(p), _, true) => {
                                    format!("Linked the check; verdict set to {p} (Ctrl+Z to undo)")
                                }
                                (Some(p), Some(c), false) if p != c => format!(
                                    "Linked the check; it proposes {p}, the verdict {c} is kept \
                                     (apply it in the panel)"
                                ),
                                _ => "Linked the check as evidence (Ctrl+Z to undo)".into(),
                            };
                        }
                    }
                    Err(e) => self.status = format!("Link earlier check: {e}"),
                }
            }
            CheckCommand::ApplyVerdict { target, verdict } => {
                if !self.can_change(&target) {
                    return;
                }
                match link::apply_verdict(self.project(), &self.context(), &target, &verdict) {
                    Ok(plan) => {
                        self.edit(plan.into_edit(), "Apply proposed verdict", false);
                    }
                    Err(e) => self.status = format!("Apply proposed verdict: {e}"),
                }
            }
            CheckCommand::AcceptFirstGroup | CheckCommand::RejectFirstGroup => {
                let Some(key) = self.board_suggestions().first().map(|s| s.key.clone()) else {
                    self.status = "No suggested group on the board".into();
                    return;
                };
                self.checks_command(if command == CheckCommand::AcceptFirstGroup {
                    CheckCommand::AcceptGroup(key)
                } else {
                    CheckCommand::RejectGroup(key)
                });
            }
            CheckCommand::AcceptGroup(key) => self.accept_suggested_group(&key),
            CheckCommand::RejectGroup(key) => {
                if self.edit(Edit::RejectSuggestion(key), "Reject suggested group", false) {
                    self.status =
                        "Rejected the suggested group; it will not be suggested again".into();
                }
            }
        }
    }

    /// Whether the user may change the target (their own layer); says why not.
    fn can_change(&mut self, target: &LinkTarget) -> bool {
        let layer = match target {
            LinkTarget::Claim(id) => self
                .project()
                .find_annotation(*id)
                .map(|(l, _)| l.annotator.clone()),
            LinkTarget::Group { layer, .. } => Some(layer.clone()),
        };
        match layer {
            Some(l) if self.can_edit_layer(&l) => true,
            Some(_) => {
                self.status = "That claim is in another layer (read-only)".into();
                false
            }
            None => {
                self.status = "That claim no longer exists".into();
                false
            }
        }
    }

    fn accept_suggested_group(&mut self, key: &SuggestionKey) {
        let me = self.me().to_owned();
        let Some(s) = suggested_groups(self.project(), &me, &self.checks.library)
            .into_iter()
            .find(|s| s.key == *key)
        else {
            self.status = "That suggested group is gone (the claims changed)".into();
            return;
        };
        let ids: Vec<AnnotationId> = s.members.iter().map(|m| m.annotation).collect();
        let project = self.project();
        let existing = ids
            .iter()
            .find_map(|id| project.layer(&me)?.group_of(*id).map(|g| g.id));
        let plan = match existing {
            Some(g) => group_edit::join_group(project, &me, g, &ids),
            None => group_edit::create_group(project, &self.context(), &me, &ids).map(|(p, _)| p),
        };
        match plan {
            Ok(plan) if !plan.is_empty() => {
                self.edit(plan.into_edit(), "Accept suggested group", false);
            }
            Ok(_) => self.status = "Accept suggested group: nothing to change".into(),
            Err(e) => self.status = format!("Accept suggested group: {e}"),
        }
    }
}

#[cfg(test)]
#[path = "checks_tests.rs"]
mod tests;
