//! After undo or redo, the annotation that came back is selected (and shown), so the user
//! sees what the step restored.

use super::Workbench;
use crate::app::marks::MarkTarget;
use crate::model::AnnotationId;
use std::collections::HashSet;

impl Workbench {
    /// Every annotation id of the project (taken before an undo or redo).
    pub(super) fn annotation_ids(&self) -> HashSet<AnnotationId> {
        self.project()
            .layers
            .iter()
            .flat_map(|l| l.annotations.iter().map(|a| a.id))
            .collect()
    }

    /// Select an annotation that is there now and was not in `before`: the first one in
    /// the current article by position, else the first one anywhere (going to its
    /// article).
    pub(super) fn select_restored(&mut self, before: &HashSet<AnnotationId>) {
        let here = self.article;
        let mut restored: Vec<(bool, usize, AnnotationId, crate::model::ArticleId)> = self
            .project()
            .layers
            .iter()
            .flat_map(|l| l.annotations.iter())
            .filter(|a| !before.contains(&a.id))
            .map(|a| (Some(a.article) != here, a.span.start, a.id, a.article))
            .collect();
        restored.sort_unstable_by_key(|(away, start, id, _)| (*away, *start, *id));
        let Some(&(_, start, id, article)) = restored.first() else {
            return;
        };
        self.select_article(article);
        self.selected = Some(MarkTarget::Annotation(id));
        self.selection = None;
        self.scroll_to(start);
    }
}
