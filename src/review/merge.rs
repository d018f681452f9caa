//! Bringing another project's work in (*File › Compare with…*, `factdesk merge`).
//!
//! [`incoming`] computes, without changing anything, what the other project adds: its
//! layers on the articles both have (articles matched by normalised text, via
//! `text_hash`), the entities we lack (matched by name and alias), the verdict levels and
//! tags our schema lacks, its review log, and — listed separately so the user can choose —
//! its articles we do not have, with their annotations. Ids that collide with ours are
//! re-minted and every reference (quote → claims, speakers, claimants, review log) follows.
//!
//! A layer of theirs named like one of ours is never merged into ours: if it holds exactly
//! the same annotations it is skipped (already here); otherwise it comes in renamed
//! `NAME (SOURCE)`, so two people's versions stay side by side for review.

use crate::model::{
    ADJUDICATED, Annotation, AnnotationId, AnnotationKind, Article, ArticleId, Assignments,
    Context, Decision, Edit, Entity, EntityId, Layer, LayerRole, Plan, Project, VerdictLevel,
};
use std::collections::{BTreeMap, HashMap, HashSet};

/// An annotation with the layer it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerAnnotation {
    pub layer: String,
    pub annotation: Annotation,
}

/// One of their articles that we do not have, with its annotations (ids already fresh).
#[derive(Clone, Debug, PartialEq)]
pub struct IncomingArticle {
    pub article: Article,
    pub annotations: Vec<LayerAnnotation>,
}

/// What happened to one of their layers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayerOutcome {
    /// Its name in their project.
    pub from: String,
    /// Its name here.
    pub to: String,
    /// Annotations on matched articles.
    pub annotations: usize,
    /// Identical to our layer of the same name: nothing to add.
    pub identical: bool,
}

/// Counts for the user: what matched and what is new.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub articles_matched: usize,
    pub articles_unmatched: usize,
    pub entities_matched: usize,
    pub entities_added: usize,
    pub layers: Vec<LayerOutcome>,
    /// Ids of theirs that collided with ours and were re-minted.
    pub ids_reminted: usize,
}

/// Everything the other project adds (see the module documentation); [`plan`] turns it
/// into the edits that add it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Incoming {
    /// Their layers over the matched articles (identical layers left out).
    pub layers: Vec<Layer>,
    pub entities: Vec<Entity>,
    pub verdicts: Vec<VerdictLevel>,
    pub tags: Vec<String>,
    pub decisions: Vec<Decision>,
    /// Their articles with no match here; added only if the user asks.
    pub unmatched: Vec<IncomingArticle>,
    /// Their assignments and done marks, in our article ids (added to ours: see [`plan`]).
    pub assignments: Assignments,
    pub summary: MergeSummary,
}

struct IdMaps {
    articles: HashMap<ArticleId, ArticleId>,
    entities: HashMap<EntityId, EntityId>,
    annotations: HashMap<AnnotationId, AnnotationId>,
}

impl IdMaps {
    fn rewrite(&self, a: &Annotation) -> Annotation {
        let mut a = a.clone();
        a.id = self.annotations.get(&a.id).copied().unwrap_or(a.id);
        a.article = self.articles.get(&a.article).copied().unwrap_or(a.article);
        let entity = |e: &mut Option<EntityId>| {
            if let Some(id) = e {
                *id = self.entities.get(id).copied().unwrap_or(*id);
            }
        };
        match &mut a.kind {
            AnnotationKind::Quote(q) => {
                entity(&mut q.speaker);
                for c in &mut q.claims {
                    *c = self.annotations.get(c).copied().unwrap_or(*c);
                }
            }
            AnnotationKind::Claim(c) => entity(&mut c.claimant),
            _ => {}
        }
        a
    }
}

/// A name not in `taken`: `NAME (SOURCE)`, then `NAME (SOURCE 2)` …
fn free_name(name: &str, source: &str, taken: &HashSet<String>) -> String {
    let mut candidate = format!("{name} ({source})");
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{name} ({source} {n})");
        n += 1;
    }
    candidate
}

/// What `theirs` adds to `ours`. `source` names the other side in renamed layers (a file
/// stem, a colleague's name); `context` seeds the ids re-minted where theirs collide.
pub fn incoming(ours: &Project, theirs: &Project, source: &str, context: &Context) -> Incoming {
    let mut out = Incoming::default();
    let mut minter = context.minter(ours);

    // Articles by normalised text.
    let by_hash: HashMap<(&str, usize), &Article> = ours
        .articles
        .iter()
        .map(|a| ((a.text_hash.as_str(), a.text.len()), a))
        .collect();
    let mut articles = HashMap::new();
    let mut matched = HashSet::new();
    let mut unmatched = Vec::new();
    for t in &theirs.articles {
        // The same id with the same text first (a copy of the same project), then any
        // article with the same text.
        let same_id = ours.article(t.id).filter(|o| o.text == t.text);
        match same_id.or_else(|| by_hash.get(&(t.text_hash.as_str(), t.text.len())).copied()) {
            Some(o) if o.text == t.text => {
                articles.insert(t.id, o.id);
                matched.insert(t.id);
                out.summary.articles_matched += 1;
            }
            _ => {
                let id = minter.keep_article(t.id);
                if id != t.id {
                    out.summary.ids_reminted += 1;
                }
                articles.insert(t.id, id);
                let mut a = t.clone();
                a.id = id;
                unmatched.push(a);
            }
        }
    }
    out.summary.articles_unmatched = unmatched.len();

    // Entities by name and alias.
    let mut entities = HashMap::new();
    for e in &theirs.entities {
        // The same entity (same id and name) first, then any answering to a name of it.
        let found = ours.entity(e.id).filter(|o| o.name == e.name).or_else(|| {
            ours.entities.iter().find(|o| {
                o.answers_to(&e.name) || e.aliases.iter().any(|alias| o.answers_to(alias))
            })
        });
        match found {
            Some(o) => {
                entities.insert(e.id, o.id);
                out.summary.entities_matched += 1;
            }
            None => {
                let mut n = e.clone();
                n.id = minter.keep_entity(e.id);
                if n.id != e.id {
                    out.summary.ids_reminted += 1;
                }
                entities.insert(e.id, n.id);
                out.entities.push(n);
                out.summary.entities_added += 1;
            }
        }
    }

    // Layers: identical ones are skipped, same-named ones renamed.
    let mut maps = IdMaps {
        articles,
        entities,
        annotations: HashMap::new(),
    };
    let mut taken: HashSet<String> = ours.layers.iter().map(|l| l.annotator.clone()).collect();
    let mut names = HashMap::new();
    let mut skipped = HashSet::new();
    for l in &theirs.layers {
        let to = match ours.layer(&l.annotator) {
            Some(o) => {
                let same = o.annotations.len() == l.annotations.len()
                    && l.annotations
                        .iter()
                        .zip(&o.annotations)
                        .all(|(x, y)| maps.rewrite(x) == *y);
                if same {
                    skipped.insert(l.annotator.clone());
                    out.summary.layers.push(LayerOutcome {
                        from: l.annotator.clone(),
                        to: l.annotator.clone(),
                        annotations: 0,
                        identical: true,
                    });
                    continue;
                }
                free_name(&l.annotator, source, &taken)
            }
            None => l.annotator.clone(),
        };
        taken.insert(to.clone());
        names.insert(l.annotator.clone(), to);
    }

    // Annotation ids: re-mint collisions, then rewrite every reference.
    for l in theirs
        .layers
        .iter()
        .filter(|l| !skipped.contains(&l.annotator))
    {
        for a in &l.annotations {
            let id = minter.keep_annotation(a.id);
            if id != a.id {
                out.summary.ids_reminted += 1;
                maps.annotations.insert(a.id, id);
            }
        }
    }
    let mut unmatched_annotations: HashMap<ArticleId, Vec<LayerAnnotation>> = HashMap::new();
    for l in &theirs.layers {
        let Some(to) = names.get(&l.annotator) else {
            continue;
        };
        let role = if to == &l.annotator {
            l.role
        } else {
            // Their adjudicated result, renamed, is one more layer to compare with.
            LayerRole::Annotator
        };
        let mut layer = Layer::new(to.clone(), role);
        for a in &l.annotations {
            let r = maps.rewrite(a);
            if matched.contains(&a.article) {
                layer.annotations.push(r);
            } else {
                unmatched_annotations
                    .entry(r.article)
                    .or_default()
                    .push(LayerAnnotation {
                        layer: to.clone(),
                        annotation: r,
                    });
            }
        }
        layer.sort();
        out.summary.layers.push(LayerOutcome {
            from: l.annotator.clone(),
            to: to.clone(),
            annotations: layer.annotations.len(),
            identical: false,
        });
        out.layers.push(layer);
    }
    out.unmatched = unmatched
        .into_iter()
        .map(|article| IncomingArticle {
            annotations: unmatched_annotations
                .remove(&article.id)
                .unwrap_or_default(),
            article,
        })
        .collect();

    // Schema additions and the review log.
    out.verdicts = theirs
        .schema
        .verdicts
        .iter()
        .filter(|v| ours.schema.verdict(&v.label).is_none())
        .cloned()
        .collect();
    out.tags = theirs
        .schema
        .tags
        .iter()
        .filter(|t| !ours.schema.tags.contains(t))
        .cloned()
        .collect();
    let id = |x: AnnotationId| maps.annotations.get(&x).copied().unwrap_or(x);
    out.assignments = theirs
        .assignments
        .remap_articles(|a| maps.articles.get(&a).copied().unwrap_or(a));
    out.decisions = theirs
        .decisions
        .iter()
        .filter(|d| !ours.decisions.contains(d))
        .map(|d| {
            let mut d = d.clone();
            d.annotation = id(d.annotation);
            d.other = d.other.map(id);
            d.result = d.result.map(id);
            d.article = d
                .article
                .map(|a| maps.articles.get(&a).copied().unwrap_or(a));
            // Item keys name layers and ids; after renaming, decided items are found by id.
            d.item.clear();
            d
        })
        .collect();
    out
}

/// The edits that bring `incoming` into `ours`; their unmatched articles (with their
/// annotations) only when `add_unmatched`. A layer of theirs that is new here comes in
/// whole with its role; into an existing layer that is still empty, its role comes too.
pub fn plan(ours: &Project, incoming: Incoming, add_unmatched: bool) -> Plan {
    let mut plan = Plan::new();
    if !incoming.verdicts.is_empty() || !incoming.tags.is_empty() {
        let mut schema = ours.schema.clone();
        schema.verdicts.extend(incoming.verdicts);
        schema.tags.extend(incoming.tags);
        plan.push(Edit::ReplaceSchema(schema));
    }
    plan.push(Edit::AddEntities(incoming.entities));
    for mut layer in incoming.layers {
        let role = if layer.annotator == ADJUDICATED {
            LayerRole::Adjudicated
        } else {
            layer.role
        };
        match ours.layer(&layer.annotator) {
            None => {
                layer.role = role;
                plan.push(Edit::AddLayer(layer));
            }
            Some(existing) => {
                if existing.annotations.is_empty() && existing.role != role {
                    plan.push(Edit::SetLayerRole {
                        annotator: layer.annotator.clone(),
                        role,
                    });
                }
                plan.push(Edit::AddAnnotations {
                    layer: layer.annotator,
                    annotations: layer.annotations,
                });
            }
        }
    }
    let mut added: Vec<ArticleId> = Vec::new();
    if add_unmatched {
        let mut by_layer: BTreeMap<String, Vec<Annotation>> = BTreeMap::new();
        let mut articles = Vec::with_capacity(incoming.unmatched.len());
        for a in incoming.unmatched {
            added.push(a.article.id);
            articles.push(a.article);
            for la in a.annotations {
                by_layer.entry(la.layer).or_default().push(la.annotation);
            }
        }
        plan.push(Edit::AddArticles(articles));
        for (layer, annotations) in by_layer {
            plan.push(Edit::AddAnnotations { layer, annotations });
        }
    }
    for d in incoming.decisions {
        plan.push(Edit::AddDecision(d));
    }
    // Their assignments join ours (on the articles that will be here); ours' blind setting
    // stays.
    let here: HashSet<ArticleId> = ours.articles.iter().map(|a| a.id).chain(added).collect();
    let theirs = incoming
        .assignments
        .retain_articles(|a| here.contains(&a))
        .with_blind(ours.assignments.blind);
    let merged = Assignments::merge3(&Assignments::default(), &ours.assignments, &theirs);
    if merged != ours.assignments {
        plan.push(Edit::SetAssignments(merged));
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::test_support::{project_with, tag};

    #[test]
    fn unmatched_articles_are_listed_not_added() {
        let ours = project_with(vec![tag(1, 0, 8, "Person")], vec![]);
        let mut theirs = ours.clone();
        let extra = Article::new(ArticleId(9), "new", "Another text.".to_owned());
        theirs.articles.push(extra.clone());
        theirs.layer_mut("carol").insert(Annotation {
            id: AnnotationId(50),
            article: ArticleId(9),
            span: crate::model::Span::from_text(&extra.text, 0, 7).unwrap(),
            ..tag(50, 0, 8, "Person")
        });
        let inc = incoming(
            &ours,
            &theirs,
            "theirs",
            &Context::new("t", chrono::Utc::now(), 1),
        );
        assert_eq!(inc.summary.articles_matched, 1);
        assert_eq!(inc.unmatched.len(), 1);
        assert_eq!(inc.unmatched[0].annotations.len(), 1);
        assert_eq!(inc.unmatched[0].annotations[0].layer, "carol");
        // alice is identical: kept once.
        assert!(
            inc.summary
                .layers
                .iter()
                .any(|l| l.from == "alice" && l.identical)
        );
        let mut without = ours.clone();
        plan(&without.clone(), inc.clone(), false)
            .apply(&mut without)
            .unwrap();
        assert_eq!(without.articles.len(), 1);
        assert!(without.problems().is_empty());
        let mut with = ours.clone();
        plan(&with.clone(), inc, true).apply(&mut with).unwrap();
        assert_eq!(with.articles.len(), 2);
        assert_eq!(with.layer("carol").unwrap().annotations.len(), 1);
        assert!(with.problems().is_empty());
    }

    #[test]
    fn a_role_for_an_existing_empty_layer_is_kept_and_undone() {
        let mut ours = project_with(vec![tag(1, 0, 8, "Person")], vec![]);
        ours.layers.push(Layer::new("final", LayerRole::Annotator));
        let mut layer = Layer::new("final", LayerRole::Adjudicated);
        layer.annotations.push(Annotation {
            id: AnnotationId(77),
            ..tag(77, 0, 8, "Person")
        });
        let incoming = Incoming {
            layers: vec![layer],
            ..Incoming::default()
        };
        let before = ours.clone();
        let undo = plan(&ours.clone(), incoming, false)
            .apply(&mut ours)
            .unwrap();
        let final_layer = ours.layer("final").unwrap();
        assert_eq!(final_layer.role, LayerRole::Adjudicated);
        assert_eq!(final_layer.annotations.len(), 1);
        undo.apply(&mut ours).unwrap();
        assert_eq!(ours, before);
    }
}
