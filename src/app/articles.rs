//! The article list's derived data: which articles match the filter, and how many
//! annotations of each kind each one has.

use crate::model::{ArticleId, KindName, Project};
use std::collections::HashMap;

/// Annotations of one article by kind, in [`KindName::ALL`] order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KindCounts(pub [usize; 4]);

impl KindCounts {
    pub fn get(&self, kind: KindName) -> usize {
        self.0[KindName::ALL.iter().position(|k| *k == kind).unwrap_or(0)]
    }
}

/// The visible articles and their counts, recomputed only when their inputs change.
#[derive(Debug, Default)]
pub struct ArticleList {
    filter: String,
    /// Only the articles assigned to this annotator ("Assigned to me").
    assigned_to: Option<String>,
    /// Revision `visible` was computed at, while it depends on the assignments.
    visible_revision: Option<u64>,
    /// Number of articles when `visible` was computed (texts never change in place).
    articles_seen: Option<usize>,
    counts_revision: Option<u64>,
    visible: Vec<ArticleId>,
    counts: HashMap<ArticleId, KindCounts>,
}

impl ArticleList {
    pub fn visible(&self) -> &[ArticleId] {
        &self.visible
    }

    pub fn counts(&self, id: ArticleId) -> KindCounts {
        self.counts.get(&id).copied().unwrap_or_default()
    }

    pub fn filter(&self) -> &str {
        &self.filter
    }

    pub fn set_filter(&mut self, filter: String) {
        if filter != self.filter {
            self.filter = filter;
            self.articles_seen = None;
        }
    }

    pub fn assigned_to(&self) -> Option<&str> {
        self.assigned_to.as_deref()
    }

    /// Show only the articles assigned to `annotator` (`None`: all).
    pub fn set_assigned_to(&mut self, annotator: Option<String>) {
        if annotator != self.assigned_to {
            self.assigned_to = annotator;
            self.articles_seen = None;
        }
    }

    pub fn refresh(&mut self, project: &Project, revision: u64) {
        let assignments_changed =
            self.assigned_to.is_some() && self.visible_revision != Some(revision);
        if self.articles_seen != Some(project.articles.len()) || assignments_changed {
            self.visible = matching(project, &self.filter);
            if let Some(me) = &self.assigned_to {
                let mine: std::collections::HashSet<ArticleId> =
                    project.assignments.assigned_to(me).collect();
                self.visible.retain(|id| mine.contains(id));
            }
            self.articles_seen = Some(project.articles.len());
            self.visible_revision = Some(revision);
        }
        if self.counts_revision != Some(revision) {
            self.counts.clear();
            for (_, a) in project.annotations() {
                let i = KindName::ALL
                    .iter()
                    .position(|k| *k == a.kind.name())
                    .unwrap_or(0);
                self.counts.entry(a.article).or_default().0[i] += 1;
            }
            self.counts_revision = Some(revision);
        }
    }

    /// Forget everything (another project was opened).
    pub fn reset(&mut self) {
        self.articles_seen = None;
        self.counts_revision = None;
    }
}

/// Articles whose title, outlet or text contains `filter` (case-insensitive).
pub fn matching(project: &Project, filter: &str) -> Vec<ArticleId> {
    let f = filter.trim().to_lowercase();
    project
        .articles
        .iter()
        .filter(|a| {
            f.is_empty()
                || a.title.to_lowercase().contains(&f)
                || a.outlet
                    .as_deref()
                    .unwrap_or("")
                    .to_lowercase()
                    .contains(&f)
                || a.text.to_lowercase().contains(&f)
        })
        .map(|a| a.id)
        .collect()
}
