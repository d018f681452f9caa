//! How one record that both sides changed (or both added) comes out of the merge: field
//! by field for articles and entities, links merged for quotes, timestamps ignored when
//! deciding whether two annotations are the same work.

use crate::model::{Annotation, AnnotationId, AnnotationKind, Article, Entity};

/// How an item changed on both sides comes out: merged, and whether that needed a choice
/// (then ours was kept where the sides differ).
pub(super) struct BothChanged<T> {
    pub merged: T,
    pub conflict: bool,
}

/// A quote both sides changed only in which claims it links to: the links of both, minus
/// those one side removed. `None` when anything else differs.
pub(super) fn merge_links(
    base: Option<&Annotation>,
    o: &Annotation,
    t: &Annotation,
) -> Option<Annotation> {
    let (AnnotationKind::Quote(oq), AnnotationKind::Quote(tq)) = (&o.kind, &t.kind) else {
        return None;
    };
    let unlinked = |q: &crate::model::Quote| crate::model::Quote {
        claims: Vec::new(),
        ..q.clone()
    };
    let same = unlinked(oq) == unlinked(tq)
        && o.article == t.article
        && o.span == t.span
        && o.note == t.note
        && o.status == t.status
        && o.provenance == t.provenance;
    if !same {
        return None;
    }
    let base_claims: &[AnnotationId] = match base.map(|b| &b.kind) {
        Some(AnnotationKind::Quote(bq)) => &bq.claims,
        _ => &[],
    };
    let mut claims: Vec<AnnotationId> = oq
        .claims
        .iter()
        .filter(|c| tq.claims.contains(c) || !base_claims.contains(c))
        .copied()
        .collect();
    for c in &tq.claims {
        if !claims.contains(c) && !base_claims.contains(c) {
            claims.push(*c);
        }
    }
    let mut merged = o.clone();
    merged.kind = AnnotationKind::Quote(crate::model::Quote {
        claims,
        ..oq.clone()
    });
    merged.modified = o.modified.max(t.modified);
    Some(merged)
}

/// The same work: equal but for when it was created and last modified (two branches that
/// ran the same `suggest --apply` made the same annotations at different moments).
pub(super) fn same_work(a: &Annotation, b: &Annotation) -> bool {
    a.id == b.id
        && a.article == b.article
        && a.span == b.span
        && a.kind == b.kind
        && a.note == b.note
        && a.status == b.status
        && a.provenance == b.provenance
}

/// One field of a record changed on both sides: a one-sided change wins; the same change
/// once; different changes keep ours and count as a conflict.
fn field<T: PartialEq + Clone>(base: Option<&T>, ours: &T, theirs: &T, conflict: &mut bool) -> T {
    if ours == theirs || base == Some(theirs) {
        ours.clone()
    } else if base == Some(ours) {
        theirs.clone()
    } else {
        *conflict = true;
        ours.clone()
    }
}

/// An article changed on both sides (or added on both, matched by text), field by field.
/// Where it was imported from is for the record only, so ours is kept without a conflict;
/// done is done if either side marked it.
pub(super) fn merge_article(
    base: Option<&Article>,
    o: &Article,
    t: &Article,
) -> BothChanged<Article> {
    let mut conflict = false;
    let mut c = |f: fn(&Article) -> &Option<String>| field(base.map(f), f(o), f(t), &mut conflict);
    let merged = Article {
        outlet: c(|a| &a.outlet),
        url: c(|a| &a.url),
        byline: c(|a| &a.byline),
        language: c(|a| &a.language),
        source: o.source.clone(),
        done: match base {
            Some(b) if o.done != t.done => {
                if o.done == b.done {
                    t.done
                } else {
                    o.done
                }
            }
            _ => o.done || t.done,
        },
        ..o.clone()
    };
    let title = field(base.map(|b| &b.title), &o.title, &t.title, &mut conflict);
    let published = field(
        base.map(|b| &b.published),
        &o.published,
        &t.published,
        &mut conflict,
    );
    BothChanged {
        merged: Article {
            title,
            published,
            ..merged
        },
        conflict,
    }
}

/// An entity changed on both sides (or added on both, matched by name): aliases of both
/// are kept; name, kind and Wikidata id field by field.
pub(super) fn merge_entity(base: Option<&Entity>, o: &Entity, t: &Entity) -> BothChanged<Entity> {
    let mut conflict = false;
    let name = field(base.map(|b| &b.name), &o.name, &t.name, &mut conflict);
    let kind = field(base.map(|b| &b.kind), &o.kind, &t.kind, &mut conflict);
    let wikidata = match (&o.wikidata, &t.wikidata) {
        (Some(_), None) | (None, None) => o.wikidata.clone(),
        (None, Some(_)) => t.wikidata.clone(),
        (Some(_), Some(_)) => field(
            base.map(|b| &b.wikidata),
            &o.wikidata,
            &t.wikidata,
            &mut conflict,
        ),
    };
    let mut aliases = o.aliases.clone();
    for a in &t.aliases {
        let removed_by_ours = base.is_some_and(|b| b.aliases.contains(a));
        if !aliases.contains(a) && !removed_by_ours && a != &name {
            aliases.push(a.clone());
        }
    }
    BothChanged {
        merged: Entity {
            id: o.id,
            name,
            aliases,
            kind,
            wikidata,
        },
        conflict,
    }
}
