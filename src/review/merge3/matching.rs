//! Before the by-id three-way merge: what both sides added on their own gets one id.
//!
//! Ids are random, so the same article imported on two branches, or the same
//! `suggest --apply` run on both, arrives under different ids. Like the two-way merge
//! (`review::merge`), items are matched by what they are — articles by text, entities by
//! name and aliases, annotations by layer, article, span and kind — and the other version
//! is rewritten into ours' ids, every reference following. Base is matched onto ours first,
//! then theirs onto ours and base, so a deletion on one side still meets its original.
//! An item keeps its own id whenever the reference version has that id: the by-id merge
//! then decides, as before.

use crate::model::{
    Annotation, AnnotationId, AnnotationKind, Article, ArticleId, Entity, EntityId, Project,
};
use std::collections::{HashMap, HashSet};

/// How ids of one version map onto the reference's.
#[derive(Default)]
pub(super) struct IdMap {
    pub articles: HashMap<ArticleId, ArticleId>,
    pub entities: HashMap<EntityId, EntityId>,
    pub annotations: HashMap<AnnotationId, AnnotationId>,
}

impl IdMap {
    pub fn len(&self) -> usize {
        self.articles.len() + self.entities.len() + self.annotations.len()
    }

    fn article(&self, id: ArticleId) -> ArticleId {
        self.articles.get(&id).copied().unwrap_or(id)
    }

    fn entity(&self, id: EntityId) -> EntityId {
        self.entities.get(&id).copied().unwrap_or(id)
    }

    fn annotation(&self, id: AnnotationId) -> AnnotationId {
        self.annotations.get(&id).copied().unwrap_or(id)
    }

    /// The kind with entity references (and, unless `without_claims`, claim links)
    /// rewritten; claim links left out to compare quotes before claims are matched.
    fn kind(&self, kind: &AnnotationKind, without_claims: bool) -> AnnotationKind {
        let mut kind = kind.clone();
        match &mut kind {
            AnnotationKind::Quote(q) => {
                q.speaker = q.speaker.map(|e| self.entity(e));
                if without_claims {
                    q.claims.clear();
                } else {
                    for c in &mut q.claims {
                        *c = self.annotation(*c);
                    }
                }
            }
            AnnotationKind::Claim(c) => c.claimant = c.claimant.map(|e| self.entity(e)),
            _ => {}
        }
        kind
    }

    fn rewrite(&self, a: &mut Annotation) {
        a.id = self.annotation(a.id);
        a.article = self.article(a.article);
        a.kind = self.kind(&a.kind, false);
    }

    /// `project` with every id this map names rewritten, references included.
    pub fn apply(&self, mut project: Project) -> Project {
        if self.len() == 0 {
            return project;
        }
        for a in &mut project.articles {
            a.id = self.article(a.id);
        }
        for e in &mut project.entities {
            e.id = self.entity(e.id);
        }
        for layer in &mut project.layers {
            for a in &mut layer.annotations {
                self.rewrite(a);
            }
        }
        for d in &mut project.decisions {
            d.annotation = self.annotation(d.annotation);
            d.other = d.other.map(|x| self.annotation(x));
            d.result = d.result.map(|x| self.annotation(x));
            d.article = d.article.map(|x| self.article(x));
        }
        for k in &mut project.rejected_suggestions {
            k.article = k.article.map(|x| self.article(x));
        }
        project.rejected_suggestions.sort();
        project.assignments = project.assignments.remap_articles(|a| self.article(a));
        project.sort();
        project
    }
}

/// The ids of `other` that should be `reference`'s: items of `other` whose id the
/// reference lacks, matched by content to a reference item whose id `other` lacks.
pub(super) fn match_onto(reference: &Project, other: &Project) -> IdMap {
    let mut map = IdMap::default();

    // Articles by text.
    let theirs_ids: HashSet<ArticleId> = other.articles.iter().map(|a| a.id).collect();
    let ref_ids: HashSet<ArticleId> = reference.articles.iter().map(|a| a.id).collect();
    let mut by_text: HashMap<&str, Vec<&Article>> = HashMap::new();
    for a in &reference.articles {
        if !theirs_ids.contains(&a.id) {
            by_text.entry(a.text.as_str()).or_default().push(a);
        }
    }
    for a in other.articles.iter().filter(|a| !ref_ids.contains(&a.id)) {
        if let Some(candidates) = by_text.get_mut(a.text.as_str()) {
            // The one equal in every field first (a file holding one text twice).
            let same = |r: &&Article| {
                Article {
                    id: a.id,
                    ..(*r).clone()
                } == *a
            };
            let at = candidates
                .iter()
                .position(same)
                .or(if candidates.is_empty() { None } else { Some(0) });
            if let Some(at) = at {
                map.articles.insert(a.id, candidates.remove(at).id);
            }
        }
    }

    // Entities by name and aliases (case-insensitive, as `Entity::answers_to`).
    let other_entities: HashSet<EntityId> = other.entities.iter().map(|e| e.id).collect();
    let ref_entities: HashSet<EntityId> = reference.entities.iter().map(|e| e.id).collect();
    let mut by_name: HashMap<String, Vec<EntityId>> = HashMap::new();
    for e in &reference.entities {
        if other_entities.contains(&e.id) {
            continue;
        }
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            let ids = by_name.entry(n.trim().to_lowercase()).or_default();
            if !ids.contains(&e.id) {
                ids.push(e.id);
            }
        }
    }
    let ref_entity: HashMap<EntityId, &Entity> =
        reference.entities.iter().map(|e| (e.id, e)).collect();
    let mut claimed = HashSet::new();
    for e in other
        .entities
        .iter()
        .filter(|e| !ref_entities.contains(&e.id))
    {
        let candidates = || {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .filter_map(|n| by_name.get(&n.trim().to_lowercase()))
                .flatten()
                .filter(|id| !claimed.contains(*id))
        };
        // The one equal in every field first, then any answering to one of its names.
        let same = |id: &&EntityId| {
            ref_entity.get(*id).is_some_and(|r| {
                Entity {
                    id: e.id,
                    ..(*r).clone()
                } == *e
            })
        };
        let found = candidates()
            .find(same)
            .or_else(|| candidates().next())
            .copied();
        if let Some(id) = found {
            claimed.insert(id);
            map.entities.insert(e.id, id);
        }
    }

    // Annotations by layer, article, span and kind (claim links compared after).
    let ref_annotations: HashSet<AnnotationId> =
        reference.annotations().map(|(_, a)| a.id).collect();
    let other_annotations: HashSet<AnnotationId> = other.annotations().map(|(_, a)| a.id).collect();
    type Place<'a> = (&'a str, ArticleId, usize, usize);
    let mut by_place: HashMap<Place, Vec<&Annotation>> = HashMap::new();
    for (l, a) in reference.annotations() {
        if !other_annotations.contains(&a.id) {
            by_place
                .entry((l.annotator.as_str(), a.article, a.span.start, a.span.end))
                .or_default()
                .push(a);
        }
    }
    let no_links = IdMap::default();
    let mut claimed = HashSet::new();
    for (l, a) in other.annotations() {
        if ref_annotations.contains(&a.id) {
            continue;
        }
        let place = (
            l.annotator.as_str(),
            map.article(a.article),
            a.span.start,
            a.span.end,
        );
        let kind = map.kind(&a.kind, true);
        let found = by_place.get(&place).and_then(|candidates| {
            let free = || {
                candidates
                    .iter()
                    .filter(|r| !claimed.contains(&r.id) && no_links.kind(&r.kind, true) == kind)
            };
            // The same work first (note, status, provenance too), then the same kind.
            free()
                .find(|r| r.note == a.note && r.status == a.status && r.provenance == a.provenance)
                .or_else(|| free().next())
        });
        if let Some(r) = found {
            claimed.insert(r.id);
            map.annotations.insert(a.id, r.id);
        }
    }
    map
}

/// `ours`, plus the items of `base` that ours no longer has (deleted on our side): what
/// theirs is matched onto, so that their copy of something we deleted still meets it.
pub(super) fn reference(ours: &Project, base: &Project) -> Project {
    let mut r = ours.clone();
    let articles: HashSet<ArticleId> = r.articles.iter().map(|a| a.id).collect();
    r.articles.extend(
        base.articles
            .iter()
            .filter(|a| !articles.contains(&a.id))
            .cloned(),
    );
    let entities: HashSet<EntityId> = r.entities.iter().map(|e| e.id).collect();
    r.entities.extend(
        base.entities
            .iter()
            .filter(|e| !entities.contains(&e.id))
            .cloned(),
    );
    let ids: HashSet<AnnotationId> = r.annotations().map(|(_, a)| a.id).collect();
    for (l, a) in base.annotations() {
        if !ids.contains(&a.id) {
            r.layer_mut(&l.annotator).annotations.push(a.clone());
        }
    }
    r
}
