//! Annotating: create, delete, copy, adjust spans, step through marks and articles, find,
//! and what clicks in the reader mean.

use super::Workbench;
use crate::app::marks::MarkTarget;
use crate::app::{Edit, EntityLink, EntityRole, Naming};
use crate::model::{
    Annotation, AnnotationId, AnnotationKind, ArticleId, Entity, EntityId, Evidence, KindName,
    Plan, Provenance, Span, speaker, text,
};

impl Workbench {
    pub(super) fn current_text(&self) -> Option<&str> {
        self.article
            .and_then(|id| self.project().article(id))
            .map(|a| a.text.as_str())
    }

    /// An annotation the user may change (own layer, or adjudicated while reviewing).
    fn own_annotation(&self, id: AnnotationId) -> Option<&Annotation> {
        self.project()
            .find_annotation(id)
            .filter(|(l, _)| self.can_edit_layer(&l.annotator))
            .map(|(_, a)| a)
    }

    pub(super) fn create(&mut self, kind: KindName) {
        if self.ask_annotator_if_unknown() {
            return;
        }
        let (Some(article), Some(range)) = (self.article, self.selection.clone()) else {
            self.status = "Select some text first (drag over it, or Ctrl+F to find it)".into();
            return;
        };
        let Some(text) = self.current_text() else {
            return;
        };
        let span = match Span::from_text(text, range.start, range.end) {
            Ok(span) => span,
            Err(err) => {
                self.status = format!("Cannot annotate that: {err}");
                return;
            }
        };
        let mut body = AnnotationKind::empty(kind);
        if let AnnotationKind::Tag { label } = &mut body {
            *label = self
                .project()
                .schema
                .tags
                .first()
                .cloned()
                .unwrap_or_else(|| "Tag".into());
        }
        let context = self.context();
        let id = context.minter(self.project()).annotation();
        let annotation = Annotation::new(id, article, span, body, Provenance::Manual, context.now);
        let layer = self.settings.annotator.clone();
        let label = format!("Create {}", kind.as_str());
        if self.edit(Edit::AddAnnotation { layer, annotation }, &label, false) {
            self.selected = Some(MarkTarget::Annotation(id));
            self.selection = None;
        }
    }

    /// The panel's new value of an annotation, stamped now; a name given for its speaker
    /// or claimant is linked to its entity (or a new one) in the same step.
    pub(super) fn update_annotation(&mut self, mut a: Annotation, naming: Option<Naming>) {
        if self.is_read_only(a.id) {
            self.status = "That annotation is in another layer (read-only)".into();
            return;
        }
        let context = self.context();
        a.modified = context.now;
        let label = format!("Edit {}", a.kind.name().as_str());
        let coalesce = naming.is_none();
        let mut plan = Plan::new();
        if let Some(n) = naming {
            let name = n.name.trim();
            if name.is_empty() {
                self.status = "A speaker or claimant needs a name".into();
                return;
            }
            let linked = match n.link {
                EntityLink::ByName => speaker::linked_entity(self.project().entities.iter(), name),
                EntityLink::New => None,
            };
            let id = linked.unwrap_or_else(|| {
                let e = Entity::person(context.minter(self.project()).entity(), name);
                let id = e.id;
                plan.push(Edit::AddEntity(e));
                id
            });
            match (&mut a.kind, n.role) {
                (AnnotationKind::Quote(q), EntityRole::Speaker) => q.speaker = Some(id),
                (AnnotationKind::Claim(c), EntityRole::Claimant) => c.claimant = Some(id),
                _ => {}
            }
        }
        plan.push(Edit::ReplaceAnnotation(a));
        self.edit(plan.into_edit(), &label, coalesce);
    }

    /// A new, empty piece of evidence on a claim, accessed today.
    pub(super) fn add_evidence(&mut self, id: AnnotationId) {
        if self.is_read_only(id) {
            self.status = "That annotation is in another layer (read-only)".into();
            return;
        }
        let Some((_, a)) = self.project().find_annotation(id) else {
            return;
        };
        let mut a = a.clone();
        let AnnotationKind::Claim(c) = &mut a.kind else {
            self.status = "Only claims have evidence".into();
            return;
        };
        let now = self.context().now;
        c.evidence.push(Evidence {
            accessed: Some(now.date_naive()),
            ..Evidence::default()
        });
        a.modified = now;
        self.edit(Edit::ReplaceAnnotation(a), "Add evidence", false);
    }

    pub(super) fn delete_selected(&mut self) {
        match self.selected.clone() {
            Some(MarkTarget::Annotation(id)) => self.delete(id),
            Some(MarkTarget::Suggestion(key)) => self.reject_suggestion(&key),
            None => {
                self.status = "Select one of your annotations to delete it".into();
            }
        }
    }

    /// Delete an annotation of your own layer, unlinking it from quotes that cite it.
    fn delete(&mut self, id: AnnotationId) {
        if self.own_annotation(id).is_none() {
            self.status = "Only annotations in your own layer can be deleted".into();
            return;
        }
        let mut edits: Vec<Edit> = self
            .project()
            .annotations()
            .filter_map(|(_, a)| match &a.kind {
                AnnotationKind::Quote(q) if q.claims.contains(&id) => {
                    let mut a = a.clone();
                    if let AnnotationKind::Quote(q) = &mut a.kind {
                        q.claims.retain(|c| *c != id);
                    }
                    Some(Edit::ReplaceAnnotation(a))
                }
                _ => None,
            })
            .collect();
        edits.push(Edit::RemoveAnnotation(id));
        if self.edit(Edit::Batch(edits), "Delete annotation", false) {
            self.selected = None;
            self.status = "Deleted annotation (Ctrl+Z to undo)".into();
        }
    }

    pub(super) fn copy_to_mine(&mut self, id: AnnotationId) {
        if self.ask_annotator_if_unknown() {
            return;
        }
        let Some((_, a)) = self.project().find_annotation(id) else {
            return;
        };
        let mut copy = a.clone();
        copy.id = self.context().minter(self.project()).annotation();
        copy.provenance = Provenance::Imported {
            from: format!("annotation {id}"),
        };
        if let AnnotationKind::Quote(q) = &mut copy.kind {
            q.claims.clear();
        }
        let new_id = copy.id;
        let layer = self.settings.annotator.clone();
        let edit = Edit::AddAnnotation {
            layer,
            annotation: copy,
        };
        if self.edit(edit, "Copy to my layer", false) {
            self.selected = Some(MarkTarget::Annotation(new_id));
            self.status = "Copied to your layer".into();
        }
    }

    pub(super) fn set_aliases(&mut self, entity: EntityId, aliases: Vec<String>) {
        let Some(e) = self.project().entity(entity) else {
            return;
        };
        let aliases: Vec<String> = aliases
            .into_iter()
            .map(|a| a.trim().to_owned())
            .filter(|a| !a.is_empty() && *a != e.name)
            .collect();
        if aliases == e.aliases {
            return;
        }
        let mut updated = e.clone();
        updated.aliases = aliases;
        if self.edit(Edit::ReplaceEntity(updated), "Edit aliases", false) {
            self.status = "Aliases saved".into();
        }
    }

    /// Move the start or end of the pending selection, or of the selected own annotation.
    pub(super) fn nudge(&mut self, start_delta: isize, end_delta: isize, snap: bool) {
        let Some(text) = self.current_text() else {
            return;
        };
        let len = text::char_len(text);
        let current = match &self.selection {
            Some(sel) => Some((sel.clone(), None)),
            None => self
                .selected_annotation()
                .and_then(|id| self.own_annotation(id))
                .map(|a| (a.span.start..a.span.end, Some(a.clone()))),
        };
        let Some((range, annotation)) = current else {
            self.status = "Nothing to adjust: select text or one of your annotations".into();
            return;
        };
        let (mut ns, mut ne) = (
            (range.start as isize + start_delta).clamp(0, len as isize) as usize,
            (range.end as isize + end_delta).clamp(0, len as isize) as usize,
        );
        if snap {
            (ns, ne) = text::snap_to_words(text, ns, ne);
        }
        if ns >= ne {
            return;
        }
        match annotation {
            None => self.selection = Some(ns..ne),
            Some(mut a) => {
                let span = match Span::from_text(text, ns, ne) {
                    Ok(span) => span,
                    Err(e) => {
                        self.status = format!("Cannot move the span there: {e}");
                        return;
                    }
                };
                a.span = span;
                a.modified = self.context().now;
                self.edit(Edit::ReplaceAnnotation(a), "Adjust span", true);
            }
        }
    }

    /// Select the next (or previous) annotation — or suggestion — of the article, in text
    /// order.
    pub(super) fn step_mark(&mut self, forward: bool, suggestions: bool) {
        let marks: Vec<&crate::app::Mark> = self
            .marks
            .get()
            .marks
            .iter()
            .filter(|m| matches!(m.target, MarkTarget::Suggestion(_)) == suggestions)
            .collect();
        if marks.is_empty() {
            self.status = if suggestions {
                "No suggestions in this article".into()
            } else {
                "No annotations in this article".into()
            };
            return;
        }
        let pos = self
            .selected
            .as_ref()
            .and_then(|t| marks.iter().position(|m| m.target == *t));
        // Something selected that is not in this list (the annotation a suggestion just
        // became, say): go on from where it is in the text, not from the top.
        let anchor = self.mark_anchor.take().or_else(|| match &self.selected {
            Some(MarkTarget::Annotation(id)) => self
                .project()
                .find_annotation(*id)
                .map(|(_, a)| (a.span.start, a.span.end)),
            _ => None,
        });
        let n = marks.len();
        let i = match (pos, anchor, forward) {
            (Some(i), _, true) => (i + 1) % n,
            (Some(i), _, false) => (i + n - 1) % n,
            (None, Some(at), true) => marks
                .iter()
                .position(|m| (m.start, m.end) > at)
                .unwrap_or(0),
            (None, Some(at), false) => marks
                .iter()
                .rposition(|m| (m.start, m.end) < at)
                .unwrap_or(n - 1),
            (None, None, true) => 0,
            (None, None, false) => n - 1,
        };
        let (target, start) = (marks[i].target.clone(), marks[i].start);
        self.selected = Some(target);
        self.scroll_to(start);
        self.selection = None;
    }

    pub(super) fn step_article(&mut self, forward: bool) {
        let list = self.articles.visible();
        if list.is_empty() {
            return;
        }
        let pos = self
            .article
            .and_then(|id| list.iter().position(|a| *a == id));
        let i = match (pos, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1).min(list.len() - 1),
            (Some(i), false) => i.saturating_sub(1),
        };
        let id = list[i];
        self.select_article(id);
    }

    pub(super) fn select_article(&mut self, id: ArticleId) {
        if self.article != Some(id) && self.project().article(id).is_some() {
            self.article = Some(id);
            self.selected = None;
            self.selection = None;
            self.remember_place(0);
        }
    }

    /// Remember the current article and the reading position in it, per project.
    pub(super) fn remember_place(&mut self, offset: usize) {
        if let (Some(path), Some(article)) = (
            self.session.path().map(std::path::Path::to_owned),
            self.article,
        ) {
            let place = crate::app::settings::ReadingPlace {
                article: article.0,
                offset,
            };
            self.settings.remember_place(&path, place);
        }
    }

    pub(super) fn select_annotation(&mut self, id: AnnotationId) {
        if let Some((_, a)) = self.project().find_annotation(id) {
            let (article, start) = (a.article, a.span.start);
            self.select_article(article);
            self.selected = Some(MarkTarget::Annotation(id));
            self.selection = None;
            self.scroll_to(start);
        }
    }

    /// Done or in progress again. A team's project (assignments, blind mode) keeps a done
    /// mark per annotator — blind mode shows colleagues' layers once it is set; a
    /// project of one keeps the article's own mark.
    pub(super) fn toggle_done(&mut self) {
        let Some(id) = self.article else { return };
        if self.project().article(id).is_none() {
            return;
        }
        let done = !self.is_done(id);
        let label = if done {
            "Mark article done"
        } else {
            "Mark article in progress"
        };
        let edit = if self.per_annotator_done() {
            if self.ask_annotator_if_unknown() {
                return;
            }
            let me = self.settings.annotator.clone();
            Edit::SetAssignments(self.project().assignments.with_done(&[id], &me, done))
        } else {
            Edit::SetDone { article: id, done }
        };
        self.edit(edit, label, false);
    }

    /// Whether done marks are per annotator (the project divides work among a team).
    fn per_annotator_done(&self) -> bool {
        !self.project().assignments.is_empty()
    }

    /// Whether the article is done: by me in a team's project, else by anyone.
    pub fn is_done(&self, article: ArticleId) -> bool {
        if self.per_annotator_done() {
            self.project()
                .assignments
                .is_done(article, &self.settings.annotator)
        } else {
            self.project().article(article).is_some_and(|a| a.done)
        }
    }

    /// Select the next case-insensitive match of `query` after the current selection
    /// (wrapping around). Matching is per code point, so offsets stay exact whatever
    /// lower-casing does to byte lengths (İ, ẞ …).
    pub(super) fn find_next(&mut self, query: &str) {
        let Some(text) = self.current_text() else {
            return;
        };
        let fold = |c: char| c.to_lowercase().next().unwrap_or(c);
        let needle: Vec<char> = query.chars().map(fold).collect();
        if needle.is_empty() {
            return;
        }
        let hay: Vec<char> = text.chars().map(fold).collect();
        let matches_at = |i: usize| hay.get(i..i + needle.len()) == Some(&needle[..]);
        let from = self.selection.as_ref().map_or(0, |r| r.start + 1);
        let hit = (from..hay.len())
            .find(|&i| matches_at(i))
            .or_else(|| (0..from.min(hay.len())).find(|&i| matches_at(i)));
        match hit {
            Some(s) => {
                let e = s + needle.len();
                self.selection = Some(s..e);
                self.scroll_to(s);
                self.status = format!("Found at {s}–{e}: press Q, C, S or T to annotate");
            }
            None => self.status = "Not found in this article".into(),
        }
    }

    /// A mouse selection. It keeps the selected annotation, so its panel can use the
    /// selection (e.g. to mark where a quote's speaker is named). A drag that starts or
    /// ends inside a word takes the whole word unless `exact`.
    pub(super) fn select_text(&mut self, start: usize, end: usize, exact: bool) {
        let (start, end) = match self.current_text() {
            Some(text) if !exact => text::snap_to_words(text, start, end),
            _ => (start, end),
        };
        if start < end {
            self.selection = Some(start..end);
        }
    }

    pub(super) fn double_click(&mut self, c: usize) {
        if let Some(before) = self.before_click.take() {
            self.selected = before.0;
        }
        if let Some(text) = self.current_text()
            && let Some((s, e)) = text::word_at(text, c)
        {
            self.selection = Some(s..e);
        }
    }

    /// A click selects the innermost mark there; clicking again cycles through the
    /// overlapping ones. A click on no mark clears the selection.
    pub(super) fn click(&mut self, c: Option<usize>) {
        self.before_click = Some(super::SelectedBefore(self.selected.clone()));
        self.selection = None;
        let Some(c) = c else {
            self.selected = None;
            return;
        };
        let covering = self.marks.get().at(c);
        let next = match self
            .selected
            .as_ref()
            .and_then(|t| covering.iter().position(|m| m.target == *t))
        {
            Some(i) => covering.get((i + 1) % covering.len()),
            None => covering.first(),
        };
        self.selected = next.map(|m| m.target.clone());
    }

    pub(super) fn drop_stale_selection(&mut self) {
        if let Some(id) = self.selected_annotation()
            && self.project().find_annotation(id).is_none()
        {
            self.selected = None;
        }
        if let Some(a) = self.article
            && self.project().article(a).is_none()
        {
            self.article = self.project().articles.first().map(|a| a.id);
        }
    }
}
