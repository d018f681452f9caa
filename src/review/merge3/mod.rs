//! Three-way merge of two versions of one project file and their common ancestor, for
//! `factdesk merge-driver` (a git merge driver).
//!
//! First, what both sides added on their own is matched like the two-way merge does
//! (`matching`: articles by text, entities by name and aliases, annotations by layer,
//! article, span and kind) and given one id, so it is kept once. Then articles, entities
//! and annotations are merged one by one, by id: a change on one side only is taken; the
//! same change on both sides is taken once; an annotation changed differently on both
//! sides is kept from both (theirs under a new id derived from its old one, in the same
//! layer) and reported as a conflict; a deletion on one side and a change on the other
//! keeps the changed version and reports it. References left dangling by the other side's
//! deletions are repaired (entities and articles restored, quote → claim links dropped)
//! and reported. The same three inputs always give the same output, byte for byte.

mod both_changed;
pub mod driver;
mod matching;

use both_changed::{BothChanged, merge_article, merge_entity, merge_links, same_work};

use crate::model::{
    Annotation, AnnotationId, AnnotationKind, Article, ArticleId, Assignments, Entity, EntityId,
    Layer, LayerRole, MAX_ID, Project,
};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::Hash;

/// One thing the user should look at after the merge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict(pub String);

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The merged project and what needed attention.
#[derive(Clone, Debug)]
pub struct Merged {
    pub project: Project,
    pub conflicts: Vec<Conflict>,
    /// Items of theirs (and of the ancestor) that both sides had under different ids and
    /// that were matched by content, so kept once.
    pub matched: usize,
}

/// How one item came out of the three versions.
enum Resolution<T> {
    /// Clean: this version (or none: deleted).
    Take(Option<T>),
    /// Both sides changed it differently.
    Conflict { ours: Option<T>, theirs: Option<T> },
}

fn three_way<T: PartialEq + Clone>(
    base: Option<&T>,
    ours: Option<&T>,
    theirs: Option<&T>,
) -> Resolution<T> {
    three_way_by(base, ours, theirs, |a, b| a == b)
}

/// [`three_way`] with `same` deciding whether two versions are the same work.
fn three_way_by<T: Clone>(
    base: Option<&T>,
    ours: Option<&T>,
    theirs: Option<&T>,
    same: impl Fn(&T, &T) -> bool,
) -> Resolution<T> {
    let eq = |x: Option<&T>, y: Option<&T>| match (x, y) {
        (Some(x), Some(y)) => same(x, y),
        (None, None) => true,
        _ => false,
    };
    if eq(ours, theirs) || eq(theirs, base) {
        Resolution::Take(ours.cloned())
    } else if eq(ours, base) {
        Resolution::Take(theirs.cloned())
    } else {
        Resolution::Conflict {
            ours: ours.cloned(),
            theirs: theirs.cloned(),
        }
    }
}

/// Items keyed by id, in first-seen order (ours, then theirs, then base).
fn keyed<K: Eq + Hash + Copy, T>(
    lists: [&[T]; 3],
    key: impl Fn(&T) -> K,
) -> (Vec<K>, [HashMap<K, &T>; 3]) {
    let mut order = Vec::new();
    let mut seen = HashSet::new();
    let maps = lists.map(|l| {
        let m: HashMap<K, &T> = l.iter().map(|x| (key(x), x)).collect();
        m
    });
    for l in [lists[1], lists[2], lists[0]] {
        for x in l {
            if seen.insert(key(x)) {
                order.push(key(x));
            }
        }
    }
    (order, maps)
}

/// Merge a list of items with ids: an item changed on both sides goes through `both`, a
/// deletion against a change keeps the change; conflicts are reported (`what` names the
/// kind for messages).
fn merge_list<K: Eq + Hash + Copy + std::fmt::Display, T: PartialEq + Clone>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    key: impl Fn(&T) -> K,
    both: impl Fn(Option<&T>, &T, &T) -> BothChanged<T>,
    what: &str,
    conflicts: &mut Vec<Conflict>,
) -> Vec<T> {
    let (order, [b, o, t]) = keyed([base, ours, theirs], key);
    let mut out = Vec::new();
    for k in order {
        let base = b.get(&k).copied();
        match three_way(base, o.get(&k).copied(), t.get(&k).copied()) {
            Resolution::Take(x) => out.extend(x),
            Resolution::Conflict {
                ours: Some(x),
                theirs: Some(y),
            } => {
                let r = both(base, &x, &y);
                if r.conflict {
                    conflicts.push(Conflict(format!(
                        "{what} {k}: changed on both sides; kept ours where they differ"
                    )));
                }
                out.push(r.merged);
            }
            Resolution::Conflict { ours, theirs } => {
                let how = match (&ours, &theirs) {
                    (Some(_), Some(_)) => "changed on both sides; kept ours",
                    (None, _) => "deleted in ours, changed in theirs; kept theirs",
                    (_, None) => "changed in ours, deleted in theirs; kept ours",
                };
                conflicts.push(Conflict(format!("{what} {k}: {how}")));
                out.extend(ours.or(theirs));
            }
        }
    }
    out
}

type Placed = (String, Annotation);

/// A project-wide value (name, schema): a one-sided change wins, else ours.
fn scalar<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T) -> Option<T> {
    match three_way(Some(base), Some(ours), Some(theirs)) {
        Resolution::Take(x) => x,
        Resolution::Conflict { ours, .. } => ours,
    }
}

/// Merge three versions. `base` is the common ancestor (an empty project when there is
/// none).
pub fn merge3(base: &Project, ours: &Project, theirs: &Project) -> Merged {
    let base_map = matching::match_onto(ours, base);
    let base = &base_map.apply(base.clone());
    let theirs_map = matching::match_onto(&matching::reference(ours, base), theirs);
    let theirs = &theirs_map.apply(theirs.clone());
    let matched = base_map.len() + theirs_map.len();

    let mut conflicts = Vec::new();
    let mut project = ours.clone();
    project.name = scalar(&base.name, &ours.name, &theirs.name).unwrap_or_default();
    project.review_url =
        scalar(&base.review_url, &ours.review_url, &theirs.review_url).unwrap_or_default();
    if let Some(s) = scalar(&base.schema, &ours.schema, &theirs.schema) {
        project.schema = s;
    }
    // Verdict levels and tags that either side uses stay on the scale.
    for v in &theirs.schema.verdicts {
        if project.schema.verdict(&v.label).is_none() {
            project.schema.verdicts.push(v.clone());
        }
    }
    for t in &theirs.schema.tags {
        if !project.schema.tags.contains(t) {
            project.schema.tags.push(t.clone());
        }
    }
    for a in &theirs.annotators {
        if !project.annotators.contains(a) {
            project.annotators.push(a.clone());
        }
    }
    project.articles = merge_list(
        &base.articles,
        &ours.articles,
        &theirs.articles,
        |a: &Article| a.id,
        merge_article,
        "article",
        &mut conflicts,
    );
    project.entities = merge_list(
        &base.entities,
        &ours.entities,
        &theirs.entities,
        |e: &Entity| e.id,
        merge_entity,
        "entity",
        &mut conflicts,
    );

    // Annotations, each with its layer.
    let placed = |p: &Project| -> Vec<Placed> {
        p.annotations()
            .map(|(l, a)| (l.annotator.clone(), a.clone()))
            .collect()
    };
    let (pb, po, pt) = (placed(base), placed(ours), placed(theirs));
    let (order, [b, o, t]) = keyed([&pb, &po, &pt], |x: &Placed| x.1.id);
    let mut used: HashSet<AnnotationId> = order.iter().copied().collect();
    let mut annotations: Vec<Placed> = Vec::new();
    for id in order {
        match three_way_by(
            b.get(&id).copied(),
            o.get(&id).copied(),
            t.get(&id).copied(),
            |x, y| x.0 == y.0 && same_work(&x.1, &y.1),
        ) {
            Resolution::Take(x) => annotations.extend(x),
            Resolution::Conflict {
                ours: Some(x),
                theirs: Some(y),
            } if x.0 == y.0
                && let Some(merged) = merge_links(b.get(&id).map(|p| &p.1), &x.1, &y.1) =>
            {
                annotations.push((x.0, merged));
            }
            Resolution::Conflict {
                ours: Some(x),
                theirs: Some(y),
            } => {
                let mut copy = y.clone();
                copy.1.id = derived_id(id, &mut used);
                conflicts.push(Conflict(format!(
                    "annotation {id} (layer {:?}, article {}, “{}”): changed on both sides; \
                     kept both: ours as {id}, theirs as {}",
                    x.0, x.1.article, x.1.span.exact, copy.1.id
                )));
                annotations.push(x);
                annotations.push(copy);
            }
            Resolution::Conflict { ours, theirs } => {
                let kept = ours.clone().or(theirs.clone());
                let side = if ours.is_some() {
                    "changed in ours, deleted in theirs; kept ours"
                } else {
                    "deleted in ours, changed in theirs; kept theirs"
                };
                conflicts.push(Conflict(format!("annotation {id}: {side}")));
                annotations.extend(kept);
            }
        }
    }
    both_added_differently(&b, &o, &t, &mut conflicts);

    // Layers: ours, theirs' new ones, minus layers deleted cleanly and left empty.
    let layer_names = |p: &Project| -> BTreeMap<String, LayerRole> {
        p.layers
            .iter()
            .map(|l| (l.annotator.clone(), l.role))
            .collect()
    };
    let (lb, lo, lt) = (layer_names(base), layer_names(ours), layer_names(theirs));
    let mut layers: BTreeMap<String, Layer> = BTreeMap::new();
    for name in lo.keys().chain(lt.keys()) {
        let deleted = lb.contains_key(name) && (!lo.contains_key(name) || !lt.contains_key(name));
        if !deleted {
            let role = lo.get(name).or(lt.get(name)).copied().unwrap_or_default();
            layers.insert(name.clone(), Layer::new(name.clone(), role));
        }
    }
    for (layer, a) in annotations {
        layers
            .entry(layer.clone())
            .or_insert_with(|| {
                let role = lo
                    .get(&layer)
                    .or(lt.get(&layer))
                    .copied()
                    .unwrap_or_default();
                Layer::new(layer, role)
            })
            .annotations
            .push(a);
    }
    project.layers = layers.into_values().collect();

    // Review log: ours, plus their entries that are new.
    for d in &theirs.decisions {
        if !base.decisions.contains(d) && !project.decisions.contains(d) {
            project.decisions.push(d.clone());
        }
    }
    for k in &theirs.rejected_suggestions {
        if let Err(at) = project.rejected_suggestions.binary_search(k) {
            project.rejected_suggestions.insert(at, k.clone());
        }
    }
    project.assignments =
        Assignments::merge3(&base.assignments, &ours.assignments, &theirs.assignments);
    let mut project = repaired(project, [base, ours, theirs], &mut conflicts);
    let articles: HashSet<ArticleId> = project.articles.iter().map(|a| a.id).collect();
    project.assignments = project
        .assignments
        .retain_articles(|a| articles.contains(&a));
    project.sort();
    Merged {
        project,
        conflicts,
        matched,
    }
}

/// Annotations both sides added on the same span of the same layer and article that are
/// not the same work: both are kept (they have different ids), and listed, since one
/// annotator marking one span twice in two ways needs a look.
fn both_added_differently<'a>(
    base: &HashMap<AnnotationId, &'a Placed>,
    ours: &HashMap<AnnotationId, &'a Placed>,
    theirs: &HashMap<AnnotationId, &'a Placed>,
    conflicts: &mut Vec<Conflict>,
) {
    type Place<'p> = (&'p str, ArticleId, usize, usize);
    let place = |x: &'a Placed| -> Place<'a> { (&x.0, x.1.article, x.1.span.start, x.1.span.end) };
    let mut added_by_ours: HashMap<Place<'a>, Vec<AnnotationId>> = HashMap::new();
    for (id, x) in ours {
        if !base.contains_key(id) && !theirs.contains_key(id) {
            added_by_ours.entry(place(x)).or_default().push(*id);
        }
    }
    let mut found: Vec<(AnnotationId, AnnotationId, &'a Placed)> = Vec::new();
    for (id, x) in theirs {
        if base.contains_key(id) || ours.contains_key(id) {
            continue;
        }
        if let Some(mine) = added_by_ours.get(&place(x)) {
            let first = mine.iter().min().copied().unwrap_or(*id);
            found.push((first, *id, x));
        }
    }
    found.sort_by_key(|(o, t, _)| (*o, *t));
    for (o, t, x) in found {
        conflicts.push(Conflict(format!(
            "annotations {o} (ours) and {t} (theirs): both added on “{}” in layer {:?}, article {}, differently; kept both",
            x.1.span.exact, x.0, x.1.article
        )));
    }
}

/// A new id for theirs' copy of an annotation both sides changed: derived from the old id
/// (not random), so the same merge always writes the same file.
fn derived_id(from: AnnotationId, used: &mut HashSet<AnnotationId>) -> AnnotationId {
    let mut n = xxhash_rust::xxh3::xxh3_64(&from.0.to_le_bytes()) % MAX_ID + 1;
    while !used.insert(AnnotationId(n)) {
        n = n % MAX_ID + 1;
    }
    AnnotationId(n)
}

/// The merged result with the articles and entities its annotations still need restored,
/// and links to claims that are gone dropped.
fn repaired(
    mut project: Project,
    versions: [&Project; 3],
    conflicts: &mut Vec<Conflict>,
) -> Project {
    let articles: HashSet<ArticleId> = project.articles.iter().map(|a| a.id).collect();
    let entities: HashSet<EntityId> = project.entities.iter().map(|e| e.id).collect();
    let ids: HashSet<AnnotationId> = project.annotations().map(|(_, a)| a.id).collect();
    let mut need_articles = Vec::new();
    let mut need_entities = Vec::new();
    for layer in &mut project.layers {
        for a in &mut layer.annotations {
            if !articles.contains(&a.article) && !need_articles.contains(&a.article) {
                need_articles.push(a.article);
            }
            let (entity, claims) = match &mut a.kind {
                AnnotationKind::Quote(q) => (q.speaker, Some(&mut q.claims)),
                AnnotationKind::Claim(c) => (c.claimant, None),
                _ => (None, None),
            };
            if let Some(e) = entity
                && !entities.contains(&e)
                && !need_entities.contains(&e)
            {
                need_entities.push(e);
            }
            if let Some(claims) = claims {
                let before = claims.len();
                claims.retain(|c| ids.contains(c));
                if claims.len() != before {
                    conflicts.push(Conflict(format!(
                        "annotation {}: a linked claim was deleted on one side; link dropped",
                        a.id
                    )));
                }
            }
        }
    }
    for id in need_articles {
        if let Some(a) = versions.iter().rev().find_map(|p| p.article(id)) {
            conflicts.push(Conflict(format!(
                "article {id}: deleted on one side but still annotated on the other; kept"
            )));
            project.articles.push(a.clone());
        }
    }
    for id in need_entities {
        if let Some(e) = versions.iter().rev().find_map(|p| p.entity(id)) {
            conflicts.push(Conflict(format!(
                "entity {id} ({}): deleted on one side but still referred to; kept",
                e.name
            )));
            project.entities.push(e.clone());
        }
    }
    project
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Quote};
    use crate::review::test_support::{ann, claim, project_with, tag};

    fn base() -> Project {
        let mut quote = ann(
            1,
            0,
            8,
            AnnotationKind::Quote(Quote {
                claims: vec![AnnotationId(2)],
                ..Quote::default()
            }),
        );
        quote.note = "base".into();
        project_with(
            vec![quote, claim(2, 14, 23, "True")],
            vec![tag(3, 40, 48, "Place")],
        )
    }

    #[test]
    fn one_sided_changes_merge_cleanly() {
        let b = base();
        let mut ours = b.clone();
        ours.find_annotation_mut(AnnotationId(1)).unwrap().note = "ours".into();
        let mut theirs = b.clone();
        theirs.layers.retain(|l| l.annotator != "bob");
        theirs.layer_mut("alice").insert(tag(4, 52, 58, "Date"));
        let m = merge3(&b, &ours, &theirs);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        assert_eq!(
            m.project.find_annotation(AnnotationId(1)).unwrap().1.note,
            "ours"
        );
        assert!(m.project.find_annotation(AnnotationId(4)).is_some());
        assert!(
            m.project.layer("bob").is_none(),
            "layer deleted on one side"
        );
        assert!(m.project.problems().is_empty());
    }

    #[test]
    fn deleted_claim_still_linked_is_repaired() {
        let b = base();
        let mut ours = b.clone();
        ours.layer_mut("alice")
            .annotations
            .retain(|a| a.id != AnnotationId(2));
        if let Some(a) = ours.find_annotation_mut(AnnotationId(1)) {
            a.kind = AnnotationKind::Quote(Quote::default());
        }
        let mut theirs = b.clone();
        // Theirs changes the claim ours deleted: kept, reported.
        theirs.find_annotation_mut(AnnotationId(2)).unwrap().kind = AnnotationKind::Claim(Claim {
            verdict: Some("False".into()),
            ..Claim::default()
        });
        let m = merge3(&b, &ours, &theirs);
        assert!(m.project.find_annotation(AnnotationId(2)).is_some());
        assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
        assert!(m.project.problems().is_empty());

        // Ours deletes the claim, theirs edits the quote that links to it: the claim is
        // gone, so the link is dropped (and reported) rather than left dangling.
        let mut theirs = b.clone();
        theirs.find_annotation_mut(AnnotationId(1)).unwrap().note = "theirs".into();
        let mut ours = b.clone();
        ours.layer_mut("alice")
            .annotations
            .retain(|a| a.id != AnnotationId(2));
        let m = merge3(&b, &ours, &theirs);
        assert!(
            m.project.problems().is_empty(),
            "{:?}",
            m.project.problems()
        );
        assert!(m.conflicts.iter().any(|c| c.0.contains("link dropped")));
    }
}

#[cfg(test)]
mod both_added_tests;
