//! Suggestions in the workbench: computed in the background whenever the project changes
//! (after a pause in editing), shown as ghost marks, accepted or rejected one at a time or
//! all of a kind in an article — every accept and reject one undoable edit.

use super::Workbench;
use crate::app::Edit;
use crate::app::job::{Job, JobProgress};
use crate::app::marks::MarkTarget;
use crate::assist::accept::{self, Pick, Retire};
use crate::assist::{self, SuggestionKind, Suggestions};
use crate::model::{ArticleId, KindName, Project, SuggestionKey};
use std::sync::Arc;

/// Suggestions scored below this are not shown as marks (claims are generous: ranked, not
/// filtered, so only the likelier half shows; the CLI lists them all).
pub const SHOWN_SCORE: f32 = 0.5;

/// The annotated spans of one article by kind, sorted, to tell quickly whether a
/// suggestion is already covered: an annotation of the same kind over half or more of it
/// (a quote marked with or without its quotation marks is the same quote).
pub struct Coverage {
    /// Per kind (in `KindName::ALL` order): spans sorted by start, and the longest span.
    spans: [(Vec<(usize, usize)>, usize); 4],
}

impl Coverage {
    pub fn new(annotated: impl IntoIterator<Item = (usize, usize, KindName)>) -> Self {
        let mut spans: [(Vec<(usize, usize)>, usize); 4] = Default::default();
        for (s, e, k) in annotated {
            let slot = &mut spans[kind_index(k)];
            slot.0.push((s, e));
            slot.1 = slot.1.max(e.saturating_sub(s));
        }
        for slot in &mut spans {
            slot.0.sort_unstable();
        }
        Self { spans }
    }

    /// The annotations of an article in the project, every layer.
    pub fn of_article(project: &Project, article: ArticleId) -> Self {
        Self::new(
            project
                .layers
                .iter()
                .flat_map(|l| l.of_article(article))
                .map(|a| (a.span.start, a.span.end, a.kind.name())),
        )
    }

    pub fn covers(&self, start: usize, end: usize, kind: KindName) -> bool {
        let (spans, longest) = &self.spans[kind_index(kind)];
        let len = end.saturating_sub(start).max(1);
        // Only spans starting less than the longest span before `start` can overlap it.
        let lo = spans.partition_point(|&(s, _)| s < start.saturating_sub(*longest));
        let hi = spans.partition_point(|&(s, _)| s < end);
        spans[lo..hi].iter().any(|&(s, e)| {
            let overlap = e.min(end).saturating_sub(s.max(start));
            2 * overlap >= len
        })
    }
}

fn kind_index(k: KindName) -> usize {
    KindName::ALL.iter().position(|x| *x == k).unwrap_or(0)
}

/// The quote and claim suggestions of an article that are shown: their suggester is on,
/// they are likely enough, not rejected, and no annotation of their kind covers them. In
/// text order. The reader's ghost marks and the accept-all commands both use this.
pub fn shown_in<'s>(
    project: &Project,
    suggestions: &'s Suggestions,
    assist_off: &std::collections::BTreeSet<String>,
    article: ArticleId,
) -> Vec<ShownSuggestion<'s>> {
    let on = |k: SuggestionKind| !assist_off.contains(k.as_str());
    let quotes = suggestions
        .quotes
        .iter()
        .filter(|q| on(SuggestionKind::Quote) && q.article == article)
        .map(ShownSuggestion::Quote);
    let claims = suggestions
        .claims
        .iter()
        .filter(|c| on(SuggestionKind::Claim) && c.article == article)
        .map(ShownSuggestion::Claim);
    let coverage = Coverage::of_article(project, article);
    let rejected: std::collections::HashSet<&SuggestionKey> =
        project.rejected_suggestions.iter().collect();
    let mut out: Vec<ShownSuggestion<'s>> = quotes
        .chain(claims)
        .filter(|x| {
            let (start, end) = x.span();
            x.score() >= SHOWN_SCORE
                && !coverage.covers(start, end, x.kind())
                && !rejected.contains(&x.key())
        })
        .collect();
    out.sort_by_key(ShownSuggestion::span);
    out
}

/// Seconds without an edit before suggestions are computed again.
const SETTLE_SECONDS: f64 = 0.8;
/// Projects with at most this much text get their suggestions at once, in the frame (a
/// few milliseconds); bigger ones on a worker thread with progress.
const INLINE_BYTES: usize = 256 * 1024;

/// Suggestions being computed for a project revision.
struct AssistRun {
    job: Job<Result<Suggestions, assist::AssistError>>,
    revision: u64,
}

#[derive(Default)]
pub(super) struct SuggestState {
    job: Option<AssistRun>,
    /// The latest results and the revision they were computed on.
    pub results: Option<Arc<Suggestions>>,
    results_revision: Option<u64>,
    /// Bumped when results change, so marks know to recompute.
    pub serial: u64,
    error: Option<String>,
    /// When the project revision last changed (for the settle delay).
    changed_at: f64,
    seen_revision: u64,
    pub findings_open: bool,
}

/// One suggestion shown in the current article.
#[derive(Clone, Debug, PartialEq)]
pub enum ShownSuggestion<'a> {
    Quote(&'a assist::QuoteSuggestion),
    Claim(&'a assist::ClaimSuggestion),
}

impl<'s> ShownSuggestion<'s> {
    pub fn kind(&self) -> KindName {
        match self {
            Self::Quote(_) => KindName::Quote,
            Self::Claim(_) => KindName::Claim,
        }
    }

    /// Where it lies in its article (code points).
    pub fn span(&self) -> (usize, usize) {
        match self {
            Self::Quote(q) => (q.start, q.end),
            Self::Claim(c) => (c.start, c.end),
        }
    }

    pub fn text(&self) -> &'s str {
        match self {
            Self::Quote(q) => &q.text,
            Self::Claim(c) => &c.text,
        }
    }

    pub fn score(&self) -> f32 {
        match self {
            Self::Quote(q) => q.score,
            Self::Claim(c) => c.score,
        }
    }

    pub fn key(&self) -> SuggestionKey {
        match self {
            Self::Quote(q) => q.key(),
            Self::Claim(c) => c.key(),
        }
    }
}

impl Workbench {
    /// Progress of a suggestion run in the background, if one is running.
    pub fn assist_progress(&self) -> Option<JobProgress> {
        self.suggest.job.as_ref().map(|r| r.job.progress())
    }

    pub fn assist_error(&self) -> Option<&str> {
        self.suggest.error.as_deref()
    }

    /// The latest suggestions (possibly from a slightly older revision: what no longer
    /// applies is filtered out when shown).
    pub fn suggestions(&self) -> Option<&Suggestions> {
        self.suggest.results.as_deref()
    }

    pub fn findings_open(&self) -> bool {
        self.suggest.findings_open
    }

    /// Whether a suggestion is still worth showing: not rejected, and for quotes and
    /// claims not already annotated with that span and kind in the user's layer.
    pub fn suggestion_applies(&self, key: &SuggestionKey) -> bool {
        let project = self.project();
        if project.rejected_suggestions.contains(key) {
            return false;
        }
        let Some(article) = key.article else {
            return true;
        };
        let kind = match key.kind.as_str() {
            "quote" => KindName::Quote,
            "claim" => KindName::Claim,
            _ => return true,
        };
        !Coverage::of_article(project, article).covers(key.start, key.end, kind)
    }

    /// The quote and claim suggestions of an article that are shown, in text order.
    pub fn suggestions_in(&self, article: ArticleId) -> Vec<ShownSuggestion<'_>> {
        match self.suggestions() {
            Some(s) => shown_in(self.project(), s, &self.settings.assist_off, article),
            None => Vec::new(),
        }
    }

    /// Once a frame: collect finished results; start a run when the project settled.
    pub(super) fn tick_suggestions(&mut self, now: f64) {
        let revision = self.session.revision();
        if revision != self.suggest.seen_revision {
            self.suggest.seen_revision = revision;
            self.suggest.changed_at = now;
        }
        if self
            .suggest
            .job
            .as_ref()
            .is_some_and(|r| r.job.is_finished())
            && let Some(run) = self.suggest.job.take()
        {
            let run_revision = run.revision;
            let result = run.job.finish();
            match result.unwrap_or(Err(assist::AssistError::Cancelled)) {
                Ok(s) => {
                    self.suggest.results = Some(Arc::new(s));
                    self.suggest.results_revision = Some(run_revision);
                    self.suggest.error = None;
                    self.suggest.serial += 1;
                }
                Err(e) => self.suggest.error = Some(e.to_string()),
            }
        }
        let enabled = assist::SuggestionKind::ALL
            .into_iter()
            .filter(|k| !self.settings.assist_off.contains(k.as_str()))
            .collect::<std::collections::BTreeSet<_>>();
        let stale = self.suggest.results_revision != Some(revision);
        let settled = now - self.suggest.changed_at >= SETTLE_SECONDS
            || self.suggest.results_revision.is_none();
        if self.suggest.job.is_none() && stale && settled && !enabled.is_empty() {
            let options = assist::Options {
                kinds: enabled,
                article: None,
                keep_decided: true,
            };
            let bytes: usize = self.project().articles.iter().map(|a| a.text.len()).sum();
            // Blind mode: suggestions come only from what this annotator may see.
            let seen = self.project().assignments.blind.then(|| {
                Arc::new(crate::model::blind::as_seen_by(
                    self.project(),
                    &self.settings.annotator,
                ))
            });
            if bytes <= INLINE_BYTES {
                let cancel = std::sync::atomic::AtomicBool::new(false);
                let source = seen.as_deref().unwrap_or(self.session.project());
                match assist::suggest(source, &options, &mut |_| {}, &cancel) {
                    Ok(s) => {
                        self.suggest.results = Some(Arc::new(s));
                        self.suggest.error = None;
                    }
                    Err(e) => self.suggest.error = Some(e.to_string()),
                }
                self.suggest.results_revision = Some(revision);
                self.suggest.serial += 1;
            } else {
                let project = seen.unwrap_or_else(|| self.session.snapshot());
                let total = project.articles.len();
                let job = Job::start(move |t| {
                    t.report(0, total);
                    assist::suggest(
                        &project,
                        &options,
                        &mut |p| t.report(p.done, p.total),
                        t.cancel_flag(),
                    )
                });
                self.suggest.job = Some(AssistRun { job, revision });
            }
        }
    }

    /// Stop a run for a project that is gone.
    pub(super) fn reset_suggestions(&mut self) {
        if let Some(run) = self.suggest.job.take() {
            run.job.cancel();
        }
        self.suggest.results = None;
        self.suggest.results_revision = None;
        self.suggest.serial += 1;
    }

    pub(super) fn toggle_suggester(&mut self, kind: SuggestionKind) {
        let name = kind.as_str().to_owned();
        if !self.settings.assist_off.remove(&name) {
            self.settings.assist_off.insert(name);
        }
        // Recompute with the new set.
        self.suggest.results_revision = None;
        self.suggest.serial += 1;
    }

    pub(super) fn show_findings(&mut self, open: bool) {
        self.suggest.findings_open = open;
    }

    /// Accept the selected suggestion (Enter).
    pub(super) fn accept_selected_suggestion(&mut self) {
        match self.selected.clone() {
            Some(MarkTarget::Suggestion(key)) => self.accept_suggestion(&key),
            _ => {
                self.status = "Select a suggestion first (click a ghost highlight, or J)".into();
            }
        }
    }

    /// Accept one suggestion: quotes and claims become annotations in your layer, a
    /// conflict becomes claims at each place, an alias group the aliases of one entity.
    pub(super) fn accept_suggestion(&mut self, key: &SuggestionKey) {
        if self.ask_annotator_if_unknown() {
            return;
        }
        let Some(results) = self.suggest.results.clone() else {
            return;
        };
        let context = self.context();
        let me = context.annotator.as_str();
        let project = self.project();
        let acceptance =
            match key.kind.as_str() {
                "quote" => results.quotes.iter().find(|q| q.key() == *key).map(|q| {
                    accept::accept_all(project, &[Pick::Quote(q)], me, &context, Retire::Yes)
                }),
                "claim" => results.claims.iter().find(|c| c.key() == *key).map(|c| {
                    accept::accept_all(project, &[Pick::Claim(c)], me, &context, Retire::Yes)
                }),
                "conflict" => results
                    .conflicts
                    .iter()
                    .find(|c| c.key() == *key)
                    .map(|c| accept::accept_conflict(project, c, me, &context)),
                "aliases" => results
                    .aliases
                    .iter()
                    .find(|g| g.key() == *key)
                    .map(|g| Ok(accept::accept_aliases(project, g, &context))),
                _ => None,
            };
        let Some(acceptance) = acceptance else {
            self.status = "That suggestion is no longer there".into();
            return;
        };
        let acceptance = match acceptance {
            Ok(a) => a,
            Err(e) => return self.error("Could not accept the suggestion", e),
        };
        if self.edit(acceptance.plan.into_edit(), "Accept suggestion", false) {
            if let Some(id) = acceptance.first {
                self.selected = Some(MarkTarget::Annotation(id));
            }
            self.status = "Accepted the suggestion (Ctrl+Z to undo)".into();
        }
    }

    pub(super) fn reject_suggestion(&mut self, key: &SuggestionKey) {
        if self.edit(
            Edit::RejectSuggestion(key.clone()),
            "Reject suggestion",
            false,
        ) {
            if self.selected == Some(MarkTarget::Suggestion(key.clone())) {
                // The next suggestion after it is selected, ready for Enter or Delete.
                self.selected = None;
                self.mark_anchor = Some((key.start, key.end.saturating_sub(1)));
                self.refresh();
                self.step_mark(true, true);
            }
            self.status = "Rejected the suggestion; it will not be offered again".into();
        }
    }

    /// Accept (or reject) every quote or claim suggestion of the current article, as one
    /// undoable step.
    pub(super) fn all_suggestions(&mut self, kind: SuggestionKind, accept_them: bool) {
        let Some(article) = self.article else { return };
        if accept_them && self.ask_annotator_if_unknown() {
            return;
        }
        let me = self.settings.annotator.clone();
        let shown: Vec<ShownSuggestion<'_>> = self
            .suggestions_in(article)
            .into_iter()
            .filter(|s| {
                matches!(
                    (s.kind(), kind),
                    (KindName::Quote, SuggestionKind::Quote)
                        | (KindName::Claim, SuggestionKind::Claim)
                )
            })
            .collect();
        if shown.is_empty() {
            self.status = format!("No {} suggestions in this article", kind.as_str());
            return;
        }
        let plan = if accept_them {
            let picks: Vec<Pick<'_>> = shown
                .iter()
                .map(|s| match s {
                    ShownSuggestion::Quote(q) => Pick::Quote(q),
                    ShownSuggestion::Claim(c) => Pick::Claim(c),
                })
                .collect();
            let context = self.context();
            match accept::accept_all(self.project(), &picks, &me, &context, Retire::Yes) {
                Ok(a) => a.plan,
                Err(e) => {
                    let e = format!("nothing was accepted: {e}");
                    return self.error("Could not accept the suggestions", e);
                }
            }
        } else {
            shown
                .iter()
                .map(|s| Edit::RejectSuggestion(s.key()))
                .collect()
        };
        let n = shown.len();
        let label = if accept_them {
            format!("Accept {n} {} suggestion(s)", kind.as_str())
        } else {
            format!("Reject {n} {} suggestion(s)", kind.as_str())
        };
        if self.edit(plan.into_edit(), &label, false) {
            self.selected = None;
        }
    }

    /// Open an article at a span (from the findings window).
    pub(super) fn go_to(&mut self, article: ArticleId, start: usize, end: usize) {
        self.select_article(article);
        self.selection = (start < end).then_some(start..end);
        self.scroll_to(start);
    }

    /// Details of the selected suggestion, for the prompt-less panel.
    pub fn selected_suggestion(&self) -> Option<ShownSuggestion<'_>> {
        let Some(MarkTarget::Suggestion(key)) = &self.selected else {
            return None;
        };
        let s = self.suggestions()?;
        let here = |a: ArticleId| key.article == Some(a);
        s.quotes
            .iter()
            .find(|q| here(q.article) && q.key() == *key)
            .map(ShownSuggestion::Quote)
            .or_else(|| {
                s.claims
                    .iter()
                    .find(|c| here(c.article) && c.key() == *key)
                    .map(ShownSuggestion::Claim)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_needs_the_same_kind_over_half_the_span() {
        let c = Coverage::new([
            (10, 50, KindName::Quote),
            (100, 110, KindName::Claim),
            (0, 5, KindName::Quote),
        ]);
        assert!(c.covers(11, 49, KindName::Quote), "inside");
        assert!(c.covers(30, 60, KindName::Quote), "two thirds covered");
        assert!(!c.covers(45, 70, KindName::Quote), "a fifth covered");
        assert!(!c.covers(11, 49, KindName::Claim), "another kind");
        assert!(c.covers(98, 112, KindName::Claim));
        assert!(!c.covers(200, 210, KindName::Quote));
    }

    #[test]
    fn a_long_annotation_far_before_still_counts() {
        let mut spans: Vec<(usize, usize, KindName)> = (0..1000)
            .map(|i| (i * 10, i * 10 + 3, KindName::Quote))
            .collect();
        spans.push((20_000, 40_000, KindName::Quote));
        let c = Coverage::new(spans);
        assert!(c.covers(39_000, 39_500, KindName::Quote));
        assert!(!c.covers(5_004, 5_009, KindName::Quote));
    }
}
