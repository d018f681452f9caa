//! Review mode: compare your layer with a colleague's, walk the open disagreements, and
//! write each decision into the adjudicated layer and the review log — every decision one
//! undoable edit. The comparison itself is `crate::review`; this is the user's side of it.

use super::Workbench;
use crate::app::marks::MarkTarget;
use crate::app::{Mode, Prompt};
use crate::model::{ADJUDICATED, LayerRole, Project};
use crate::review::merge::{self, Incoming};
use crate::review::report::ReportOptions;
use crate::review::{self, AgreementReport, CompareOptions, DecidedItems, ItemKey, ReviewItem};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Which two layers are reviewed against each other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewSetup {
    /// Your layer (A).
    pub mine: String,
    /// The colleague's layer (B).
    pub theirs: String,
    /// Count differences in free-text fields (note, rationale, evidence) too.
    pub free_text: bool,
}

/// How far the review is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReviewProgress {
    /// Disagreements not decided yet, in the whole project.
    pub open: usize,
    pub disagreements: usize,
    /// The same for the current article.
    pub article_open: usize,
    pub article_disagreements: usize,
    /// Agreements not yet taken into the adjudicated layer.
    pub agreements_open: usize,
}

/// The review's derived data, recomputed when the project or the setup changes.
#[derive(Default)]
pub(super) struct ReviewState {
    pub setup: Option<ReviewSetup>,
    key: Option<(u64, ReviewSetup)>,
    pub items: Vec<ReviewItem>,
    decided: HashSet<ItemKey>,
    pub current: Option<ItemKey>,
    /// A comparison waiting for the user to say whether unmatched articles come too.
    pub pending_compare: Option<PendingCompare>,
    /// Agreement figures, when the window showing them is open.
    pub agreement: Option<Result<AgreementReport, String>>,
    agreement_revision: u64,
    pub decisions_open: bool,
}

pub(super) struct PendingCompare {
    file: PathBuf,
    incoming: Incoming,
}

impl ReviewState {
    fn refresh(&mut self, project: &Project, revision: u64) {
        let Some(setup) = self.setup.clone() else {
            self.items.clear();
            self.key = None;
            return;
        };
        if self.key.as_ref() == Some(&(revision, setup.clone())) {
            return;
        }
        let options = CompareOptions {
            free_text: setup.free_text,
        };
        self.items =
            review::review_items(project, &setup.mine, &setup.theirs, options).unwrap_or_default();
        let decided = DecidedItems::new(project);
        self.decided = self
            .items
            .iter()
            .filter(|i| decided.is_decided(i))
            .map(|i| i.key.clone())
            .collect();
        self.key = Some((revision, setup));
    }

    pub fn is_decided(&self, item: &ReviewItem) -> bool {
        self.decided.contains(&item.key)
    }

    fn is_open_disagreement(&self, item: &ReviewItem) -> bool {
        item.category.is_disagreement() && !self.is_decided(item)
    }
}

impl Workbench {
    pub fn review_setup(&self) -> Option<&ReviewSetup> {
        self.review.setup.as_ref()
    }

    /// Every review item of the project (agreements too), by article then position.
    pub fn review_items(&self) -> &[ReviewItem] {
        &self.review.items
    }

    pub fn review_is_decided(&self, item: &ReviewItem) -> bool {
        self.review.is_decided(item)
    }

    /// The item being looked at.
    pub fn review_current(&self) -> Option<&ReviewItem> {
        let key = self.review.current.as_ref()?;
        self.review.items.iter().find(|i| i.key == *key)
    }

    pub fn review_progress(&self) -> ReviewProgress {
        let mut p = ReviewProgress::default();
        for item in &self.review.items {
            let here = Some(item.article) == self.article;
            if item.category.is_disagreement() {
                let open = !self.review.is_decided(item);
                p.disagreements += 1;
                p.open += open as usize;
                if here {
                    p.article_disagreements += 1;
                    p.article_open += open as usize;
                }
            } else if !self.review.is_decided(item) {
                p.agreements_open += 1;
            }
        }
        p
    }

    /// Agreement figures, while their window is open.
    pub fn agreement(&self) -> Option<&Result<AgreementReport, String>> {
        self.review.agreement.as_ref()
    }

    pub fn decisions_open(&self) -> bool {
        self.review.decisions_open
    }

    /// Layers that can be reviewed (annotators' layers, not the adjudicated one).
    pub fn reviewable_layers(&self) -> Vec<String> {
        self.project()
            .layers
            .iter()
            .filter(|l| l.role != LayerRole::Adjudicated && l.annotator != ADJUDICATED)
            .map(|l| l.annotator.clone())
            .collect()
    }

    pub(super) fn refresh_review(&mut self) {
        let revision = self.session.revision();
        self.review.refresh(self.session.project(), revision);
        if self.review.agreement.is_some() && self.review.agreement_revision != revision {
            self.compute_agreement();
        }
    }

    fn compute_agreement(&mut self) {
        self.review.agreement = Some(
            review::agreement_report(self.project(), &ReportOptions::default())
                .map_err(|e| e.to_string()),
        );
        self.review.agreement_revision = self.session.revision();
    }

    pub(super) fn show_agreement(&mut self, open: bool) {
        if open {
            self.compute_agreement();
        } else {
            self.review.agreement = None;
        }
    }

    pub(super) fn show_decisions(&mut self, open: bool) {
        self.review.decisions_open = open;
    }

    /// Enter review (choosing layers if none are chosen yet) or leave it.
    pub(super) fn toggle_review(&mut self) {
        if self.mode == Mode::Review {
            self.mode = Mode::Annotate;
            self.status = "Annotate mode".into();
            return;
        }
        if self.review.setup.is_none() {
            let (mine, theirs) = default_pair(&self.reviewable_layers(), &self.settings.annotator);
            match (mine, theirs) {
                (Some(mine), Some(theirs)) => {
                    self.review.setup = Some(ReviewSetup {
                        mine,
                        theirs,
                        free_text: false,
                    });
                }
                _ => {
                    self.status = "Review needs two annotators' layers: bring a colleague's \
                                   work in with File › Compare with…"
                        .into();
                    return;
                }
            }
        }
        self.mode = Mode::Review;
        self.selection = None;
        self.refresh();
        let p = self.review_progress();
        self.status = format!(
            "Review mode: {} of {} disagreements left (J/K to step, A/T/B/E/X to decide)",
            p.open, p.disagreements
        );
        if self.review_current().is_none() {
            self.step_item(true);
        }
    }

    pub(super) fn set_review_layers(&mut self, mine: String, theirs: String) {
        if mine == theirs {
            self.status = format!(
                "“{mine}” cannot be compared with itself: choose another layer for the other side"
            );
            return;
        }
        let free_text = self.review.setup.as_ref().is_some_and(|s| s.free_text);
        self.review.setup = Some(ReviewSetup {
            mine,
            theirs,
            free_text,
        });
        self.review.current = None;
        self.marks.invalidate();
    }

    pub(super) fn set_review_free_text(&mut self, on: bool) {
        if let Some(s) = &mut self.review.setup {
            s.free_text = on;
        }
    }

    /// Look at one item: its article, its place in the text, its annotation selected.
    pub(super) fn select_item(&mut self, key: &ItemKey) {
        let Some(item) = self.review.items.iter().find(|i| i.key == *key) else {
            return;
        };
        let (article, start) = (item.article, item.start());
        let target = item.a.as_ref().or(item.b.as_ref()).map(|a| a.id);
        self.select_article(article);
        self.review.current = Some(key.clone());
        self.selected = target.map(MarkTarget::Annotation);
        self.selection = None;
        self.scroll_to(start);
    }

    /// Go to the next (or previous) open disagreement, across articles.
    pub(super) fn step_item(&mut self, forward: bool) {
        let open: Vec<usize> = (0..self.review.items.len())
            .filter(|&i| self.review.is_open_disagreement(&self.review.items[i]))
            .collect();
        if open.is_empty() {
            self.status = "No open disagreements left".into();
            return;
        }
        let position = |i: usize| {
            let item = &self.review.items[i];
            let article = self
                .project()
                .articles
                .iter()
                .position(|a| a.id == item.article)
                .unwrap_or(usize::MAX);
            (article, item.start(), i)
        };
        // Where we are: the current item, or the start of the current article.
        let here = match self
            .review
            .current
            .as_ref()
            .and_then(|k| self.review.items.iter().position(|i| i.key == *k))
        {
            Some(i) => position(i),
            None => {
                let article = self
                    .article
                    .and_then(|id| self.project().articles.iter().position(|a| a.id == id))
                    .unwrap_or(0);
                (article, 0, 0)
            }
        };
        let current_known = self.review.current.is_some();
        let pick = if forward {
            open.iter()
                .copied()
                .find(|&i| {
                    if current_known {
                        position(i) > here
                    } else {
                        position(i) >= here
                    }
                })
                .unwrap_or(open[0])
        } else {
            open.iter()
                .rev()
                .copied()
                .find(|&i| position(i) < here)
                .unwrap_or(open[open.len() - 1])
        };
        let key = self.review.items[pick].key.clone();
        self.select_item(&key);
        let p = self.review_progress();
        self.status = format!("{} of {} disagreements left", p.open, p.disagreements);
    }

    /// Decide the current item.
    pub(super) fn decide(&mut self, action: review::Action, label: &str) {
        let Some(item) = self.review_current().cloned() else {
            self.status = "No disagreement selected: press J to go to the next one".into();
            return;
        };
        let context = self.context();
        let adjudication = match review::adjudicate(self.project(), &item, action, &context) {
            Ok(a) => a,
            Err(e) => {
                self.status = format!("{label}: {e}");
                return;
            }
        };
        let result = adjudication.add.first().map(|a| a.id);
        if !self.edit(adjudication.into_plan().into_edit(), label, false) {
            return;
        }
        self.refresh();
        if label.starts_with("Edit") {
            // Stay on it: the adjudicated copy is selected for editing.
            self.selected = result.map(MarkTarget::Annotation);
            self.status = "Edit the adjudicated annotation in the panel".into();
            return;
        }
        self.step_item(true);
        let p = self.review_progress();
        self.status = format!(
            "{label} · {} of {} disagreements left",
            p.open, p.disagreements
        );
    }

    /// Edit then accept: copy the chosen side into the adjudicated layer (logged as an
    /// edit) and select the copy, which the panel lets the reviewer change.
    pub(super) fn edit_then_accept(&mut self) {
        let Some(item) = self.review_current() else {
            self.status = "No disagreement selected: press J to go to the next one".into();
            return;
        };
        let Some(source) = item.a.clone().or_else(|| item.b.clone()) else {
            return;
        };
        self.decide(review::Action::EditThenAccept(source), "Edit, then accept");
    }

    /// Take back the current item's decision: its result leaves the adjudicated layer, the
    /// log gains a "reopened" entry, and the item stays selected to be decided again.
    pub(super) fn reopen(&mut self) {
        let Some(item) = self.review_current().cloned() else {
            self.status = "No review item selected: pick a decided one to reopen".into();
            return;
        };
        let context = self.context();
        let plan = match review::reopen(self.project(), &item, &context) {
            Ok(plan) => plan,
            Err(e) => {
                self.status = format!("Reopen: {e}");
                return;
            }
        };
        if self.edit(plan.into_edit(), "Reopen decision", false) {
            self.refresh();
            self.select_item(&item.key);
            self.status = "Reopened: decide it again (A, T, B, E or X)".into();
        }
    }

    pub(super) fn skip(&mut self) {
        self.step_item(true);
    }

    pub(super) fn accept_all_agreements(&mut self) {
        if self.review.setup.is_none() {
            self.status = "Enter review mode first (R)".into();
            return;
        }
        let context = self.context();
        let adjudication =
            review::accept_all_agreements(self.project(), &self.review.items, &context);
        let n = adjudication.add.len();
        if n == 0 {
            self.status = "No agreements left to accept".into();
            return;
        }
        if self.edit(
            adjudication.into_plan().into_edit(),
            "Accept all agreements",
            false,
        ) {
            self.status = format!("Accepted {n} agreement(s) into the adjudicated layer");
        }
    }

    /// *File › Compare with…*: bring another project's layers in.
    pub(super) fn compare_with(&mut self, file: &Path) {
        let theirs = match crate::store::load(file) {
            Ok(p) => p,
            Err(e) => return self.error("Could not compare", e),
        };
        let source = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "other".into());
        let incoming = merge::incoming(self.project(), &theirs, &source, &self.context());
        if incoming.unmatched.is_empty() {
            self.finish_compare(file.to_owned(), incoming, false);
        } else {
            let titles = incoming
                .unmatched
                .iter()
                .map(|a| a.article.title.clone())
                .collect();
            self.review.pending_compare = Some(PendingCompare {
                file: file.to_owned(),
                incoming,
            });
            self.prompt = Some(Prompt::CompareArticles {
                file: file.to_owned(),
                titles,
            });
        }
    }

    pub(super) fn answer_compare(&mut self, add_unmatched: bool) {
        if let Some(p) = self.review.pending_compare.take() {
            self.finish_compare(p.file, p.incoming, add_unmatched);
        }
    }

    fn finish_compare(&mut self, file: PathBuf, incoming: Incoming, add_unmatched: bool) {
        let summary = incoming.summary.clone();
        let new_layers: Vec<String> = incoming
            .layers
            .iter()
            .filter(|l| l.role != LayerRole::Adjudicated)
            .map(|l| l.annotator.clone())
            .collect();
        let edit = merge::plan(self.project(), incoming, add_unmatched).into_edit();
        let name = super::files::file_name(&file);
        if !self.edit(edit, &format!("Compare with {name}"), false) {
            return;
        }
        let mut message = format!(
            "{} article(s) matched by their text, {} only in {name}{}. {} entit(ies) matched, {} added.",
            summary.articles_matched,
            summary.articles_unmatched,
            if summary.articles_unmatched == 0 {
                ""
            } else if add_unmatched {
                " (added)"
            } else {
                " (left out)"
            },
            summary.entities_matched,
            summary.entities_added,
        );
        for l in &summary.layers {
            message.push_str(&if l.identical {
                format!("\nLayer “{}”: identical to yours, not added again.", l.from)
            } else {
                format!(
                    "\nLayer “{}” comes in as “{}”: {} annotation(s), read-only.",
                    l.from, l.to, l.annotations
                )
            });
        }
        self.prompt = Some(Prompt::Notice {
            title: format!("Compared with {name}"),
            message,
        });
        // Review the first layer that came in against your own.
        if let Some(theirs) = new_layers.into_iter().next() {
            let me = self.settings.annotator.clone();
            let mine = if self.project().layer(&me).is_some() {
                me
            } else {
                self.reviewable_layers()
                    .into_iter()
                    .find(|l| *l != theirs)
                    .unwrap_or_default()
            };
            if !mine.is_empty() {
                self.set_review_layers(mine, theirs);
                self.refresh();
                if self.mode != Mode::Review {
                    self.toggle_review();
                }
            }
        }
    }

    /// Items of the current article, for the review panel's list.
    pub fn review_items_here(&self) -> impl Iterator<Item = &ReviewItem> {
        let article = self.article;
        self.review
            .items
            .iter()
            .filter(move |i| Some(i.article) == article)
    }
}

/// The pair review starts on: the project's two annotators. Your own layer comes in only
/// when there are not two others — a reviewer who has marked a few things of their own is
/// still there to compare the annotators, not themselves with one of them.
fn default_pair(layers: &[String], me: &str) -> (Option<String>, Option<String>) {
    let others: Vec<&String> = layers.iter().filter(|l| *l != me).collect();
    if others.len() >= 2 {
        return (Some(others[0].clone()), Some(others[1].clone()));
    }
    let mine = if layers.iter().any(|l| l == me) {
        Some(me.to_owned())
    } else {
        layers.first().cloned()
    };
    let theirs = layers.iter().find(|l| Some(*l) != mine.as_ref()).cloned();
    (mine, theirs)
}

#[cfg(test)]
mod pair_tests {
    use super::default_pair;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_two_annotators_come_before_your_own_layer() {
        let both = |v: &[&str], me| {
            let (a, b) = default_pair(&names(v), me);
            (a.unwrap_or_default(), b.unwrap_or_default())
        };
        let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(
            both(&["sample", "zahra", "lena"], "lena"),
            pair("sample", "zahra")
        );
        assert_eq!(both(&["sample", "zahra"], "lena"), pair("sample", "zahra"));
        // You and one colleague: you are A.
        assert_eq!(both(&["bob", "sample"], "sample"), pair("sample", "bob"));
        assert_eq!(default_pair(&names(&["sample"]), "sample").1, None);
    }
}
