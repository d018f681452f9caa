//! What both sides added on their own — the same article imported twice, the same
//! suggestions applied twice — is kept once, with ids remapped consistently.

use super::merge3;
use crate::model::*;
use crate::review::test_support::TEXT;

fn at(s: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(s, 0).unwrap()
}

/// One side's version after importing the shared article (under `article`) and applying
/// the same suggestions: a speaker entity, a claim and a quote linking to it.
fn side(base: &Project, article: u64, ids: [u64; 3], time: i64) -> Project {
    let mut p = base.clone();
    let mut a = Article::new(ArticleId(article), "Crowds", TEXT.to_owned());
    a.source = Some(format!("/home/annotator{article}/articles/crowds.txt"));
    p.articles.push(a);
    p.entities
        .push(Entity::person(EntityId(ids[0]), "Khamenei"));
    let ann = |id: u64, start, end, kind| Annotation {
        id: AnnotationId(id),
        article: ArticleId(article),
        span: Span::from_text(TEXT, start, end).unwrap(),
        kind,
        note: String::new(),
        status: Status::Draft,
        provenance: Provenance::Suggested {
            method: "quotes".into(),
            score: 0.75,
        },
        created: at(time),
        modified: at(time),
    };
    let claim = ann(ids[2], 14, 58, AnnotationKind::Claim(Claim::default()));
    let quote = ann(
        ids[1],
        14,
        58,
        AnnotationKind::Quote(Quote {
            speaker: Some(EntityId(ids[0])),
            cue: "said".into(),
            claims: vec![AnnotationId(ids[2])],
            ..Quote::default()
        }),
    );
    p.layer_mut("suggested").insert(claim);
    p.layer_mut("suggested").insert(quote);
    p
}

fn base() -> Project {
    let mut p = Project::new("team");
    p.articles.push(Article::new(
        ArticleId(500),
        "Other",
        "Another article.".to_owned(),
    ));
    p
}

#[test]
fn the_same_import_and_suggestions_on_both_sides_are_kept_once() {
    let b = base();
    let ours = side(&b, 11, [21, 31, 41], 100);
    let theirs = side(&b, 12, [22, 32, 42], 200);
    for base in [b.clone(), Project::new("")] {
        let m = merge3(&base, &ours, &theirs);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        assert!(
            m.project.problems().is_empty(),
            "{:?}",
            m.project.problems()
        );
        let crowds: Vec<_> = m
            .project
            .articles
            .iter()
            .filter(|a| a.text == TEXT)
            .collect();
        assert_eq!(crowds.len(), 1);
        assert_eq!(crowds[0].id, ArticleId(11), "ours' ids are kept");
        assert_eq!(m.project.entities.len(), 1);
        let layer = m.project.layer("suggested").unwrap();
        assert_eq!(layer.annotations.len(), 2, "{:?}", layer.annotations);
        // References point at the kept ids.
        let quote = layer.get(AnnotationId(31)).unwrap();
        match &quote.kind {
            AnnotationKind::Quote(q) => {
                assert_eq!(q.speaker, Some(EntityId(21)));
                assert_eq!(q.claims, [AnnotationId(41)]);
            }
            other => panic!("{other:?}"),
        }
        assert!(m.matched >= 4, "{}", m.matched);
    }
}

#[test]
fn theirs_unique_work_on_the_shared_article_follows_the_remapped_ids() {
    let b = base();
    let ours = side(&b, 11, [21, 31, 41], 100);
    let mut theirs = side(&b, 12, [22, 32, 42], 200);
    // Bob annotates the article on their branch only, naming the speaker by their id.
    let mut sentiment = crate::review::test_support::ann(
        77,
        0,
        8,
        AnnotationKind::Claim(Claim {
            claimant: Some(EntityId(22)),
            ..Claim::default()
        }),
    );
    sentiment.article = ArticleId(12);
    theirs.layer_mut("bob").insert(sentiment);
    theirs.assignments =
        theirs
            .assignments
            .with_assigned(&[ArticleId(12)], &["bob".to_owned()], true);
    let m = merge3(&b, &ours, &theirs);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let bob = &m.project.layer("bob").unwrap().annotations[0];
    assert_eq!(bob.article, ArticleId(11));
    match &bob.kind {
        AnnotationKind::Claim(c) => assert_eq!(c.claimant, Some(EntityId(21))),
        other => panic!("{other:?}"),
    }
    assert_eq!(m.project.assignments.assigned(ArticleId(11)), ["bob"]);
    assert!(
        m.project.problems().is_empty(),
        "{:?}",
        m.project.problems()
    );
}

#[test]
fn different_work_on_the_same_span_is_kept_twice_and_listed() {
    let b = base();
    let ours = side(&b, 11, [21, 31, 41], 100);
    let mut theirs = side(&b, 12, [22, 32, 42], 200);
    if let Some(a) = theirs.find_annotation_mut(AnnotationId(42)) {
        a.kind = AnnotationKind::Claim(Claim {
            check_worthiness: Some(CheckWorthiness::CheckWorthy),
            ..Claim::default()
        });
    }
    let m = merge3(&b, &ours, &theirs);
    // Both claims, and the one quote, which now links to both.
    assert_eq!(m.project.layer("suggested").unwrap().annotations.len(), 3);
    match &m.project.find_annotation(AnnotationId(31)).unwrap().1.kind {
        AnnotationKind::Quote(q) => assert_eq!(q.claims, [AnnotationId(41), AnnotationId(42)]),
        other => panic!("{other:?}"),
    }
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert!(
        m.conflicts[0].0.contains("both added"),
        "{}",
        m.conflicts[0]
    );
    assert!(
        m.project.problems().is_empty(),
        "{:?}",
        m.project.problems()
    );
}

#[test]
fn the_same_inputs_give_the_same_file() {
    let b = base();
    let mut ours = side(&b, 11, [21, 31, 41], 100);
    let mut theirs = side(&b, 12, [22, 32, 42], 200);
    // A real conflict: the same annotation (after matching) edited differently later.
    let common = merge3(&b, &ours, &theirs).project;
    ours = common.clone();
    theirs = common.clone();
    ours.find_annotation_mut(AnnotationId(41)).unwrap().note = "ours".into();
    theirs.find_annotation_mut(AnnotationId(41)).unwrap().note = "theirs".into();
    let first = merge3(&common, &ours, &theirs);
    let second = merge3(&common, &ours, &theirs);
    assert_eq!(first.conflicts.len(), 1, "{:?}", first.conflicts);
    assert_eq!(
        crate::store::to_ron_string(&first.project).unwrap(),
        crate::store::to_ron_string(&second.project).unwrap()
    );
    assert_eq!(
        first.project.layer("suggested").unwrap().annotations.len(),
        3
    );
}

#[test]
fn an_entity_both_added_keeps_both_sides_aliases() {
    let b = base();
    let mut ours = b.clone();
    let mut theirs = b.clone();
    let mut e = Entity::person(EntityId(1), "Javad Zarif");
    e.aliases.push("Zarif".into());
    ours.entities.push(e.clone());
    e.id = EntityId(2);
    e.aliases = vec!["Zariff".into(), "Zarif".into()];
    theirs.entities.push(e);
    let m = merge3(&b, &ours, &theirs);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(m.project.entities.len(), 1);
    assert_eq!(m.project.entities[0].aliases, ["Zarif", "Zariff"]);
}

#[test]
fn a_deletion_meets_their_copy_of_what_both_had_added() {
    // Both added the article; after one merge each side keeps its own ids. Ours then
    // deletes its copy's annotations; theirs (still under their ids) did not touch them.
    let b = base();
    let ours0 = side(&b, 11, [21, 31, 41], 100);
    let theirs = side(&b, 12, [22, 32, 42], 200);
    let merged = merge3(&b, &ours0, &theirs).project;
    let mut ours = merged.clone();
    ours.layer_mut("suggested").annotations.clear();
    // Theirs merges the other way round first (their ids kept on their side).
    let theirs_side = merge3(&b, &theirs, &ours0).project;
    let m = merge3(&merged, &ours, &theirs_side);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert!(
        m.project
            .layer("suggested")
            .is_none_or(|l| l.annotations.is_empty()),
        "the deletion stands: {:?}",
        m.project.layer("suggested")
    );
}
