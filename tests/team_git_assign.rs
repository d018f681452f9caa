//! Dividing the work: `factdesk assign` (selection, balanced and seeded), done marks per
//! annotator, progress in `factdesk stats`; blind mode hides colleagues' layers — and the
//! suggestions they would suppress — until one's own article is done; assignments are
//! undoable edits.

mod common;

use common::{factdesk, p, stderr, stdout};
use factdesk::app::Edit;
use factdesk::model::*;
use std::path::Path;

fn seeds() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seeds")
}

#[test]
fn assign_marks_done_and_stats_shows_progress_per_annotator() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("p.ron");
    let o = factdesk(&["new", p(&proj), "--import", p(&seeds())]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ids: Vec<String> = factdesk::store::load(&proj)
        .unwrap()
        .articles
        .iter()
        .map(|a| a.id.to_string())
        .collect();
    let o = factdesk(&[
        "assign",
        p(&proj),
        "--each",
        "2",
        "--among",
        "alice,bob,carol",
        "--seed",
        "3",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pr = factdesk::store::load(&proj).unwrap();
    let loads: Vec<usize> = pr
        .assignments
        .progress()
        .iter()
        .map(|p| p.assigned)
        .collect();
    // 5 articles × 2 = 10 over 3 annotators: 3, 3 and 4.
    assert_eq!(loads.iter().sum::<usize>(), 10);
    assert!(loads.iter().all(|&l| l == 3 || l == 4), "{loads:?}");
    for a in &pr.articles {
        assert_eq!(pr.assignments.assigned(a.id).len(), 2);
    }
    let alice_first = pr.assignments.assigned_to("alice").next().unwrap();
    let o = factdesk(&[
        "assign",
        p(&proj),
        "--done",
        "alice",
        "--articles",
        &alice_first.to_string(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let alice_total = pr.assignments.assigned_to("alice").count();
    let o = factdesk(&["stats", p(&proj)]);
    let out = stdout(&o);
    assert!(
        out.contains(&format!("alice 1/{alice_total} done")),
        "{out}"
    );
    // Blind mode on; an unknown article is refused in one line and changes nothing.
    assert!(
        factdesk(&["assign", p(&proj), "--blind", "on"])
            .status
            .success()
    );
    let before = std::fs::read(&proj).unwrap();
    let o = factdesk(&["assign", p(&proj), "--to", "dan", "--articles", "1,2"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    assert_eq!(std::fs::read(&proj).unwrap(), before);
    let o = factdesk(&["assign", p(&proj), "--each", "4", "--among", "alice,bob"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("needs at least 4"), "{}", stderr(&o));
    // The same request twice: the second changes nothing and does not save.
    let o = factdesk(&["assign", p(&proj), "--to", "dan", "--articles", &ids[0]]);
    assert!(o.status.success(), "{}", stderr(&o));
    let saved = std::fs::read(&proj).unwrap();
    let o = factdesk(&["assign", p(&proj), "--to", "dan", "--articles", &ids[0]]);
    assert!(stdout(&o).contains("nothing changed"), "{}", stdout(&o));
    assert_eq!(std::fs::read(&proj).unwrap(), saved);
    // The listing.
    let o = factdesk(&["assign", p(&proj)]);
    let out = stdout(&o);
    assert!(out.contains("blind mode: on"), "{out}");
    assert!(out.contains("alice (done)"), "{out}");
    assert!(factdesk::store::load(&proj).unwrap().assignments.blind);
}

/// Claim suggestions for `viewer` on `article`, computed from what they may see.
fn claims_offered(p: &Project, viewer: &str, article: ArticleId) -> usize {
    let options = factdesk::assist::Options {
        kinds: [factdesk::assist::SuggestionKind::Claim]
            .into_iter()
            .collect(),
        article: Some(article),
        ..Default::default()
    };
    let seen = blind::as_seen_by(p, viewer);
    factdesk::assist::suggest(
        &seen,
        &options,
        &mut |_| {},
        &std::sync::atomic::AtomicBool::new(false),
    )
    .unwrap()
    .claims
    .len()
}

#[test]
fn blind_mode_hides_a_colleagues_layer_and_what_it_would_suggest_until_done() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("p.ron");
    let first = std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .min()
        .unwrap();
    assert!(
        factdesk(&["new", p(&proj), "--import", p(&first)])
            .status
            .success()
    );
    let o = factdesk(&[
        "suggest",
        p(&proj),
        "--apply",
        "--layer",
        "bob",
        "--kinds",
        "claims",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pr = factdesk::store::load(&proj).unwrap();
    let article = pr.articles[0].id;
    let bobs = pr.layer("bob").unwrap().annotations.len();
    assert!(bobs > 3);
    // Blind off: alice sees bob's layer, and his claims are not offered to her again.
    assert!(blind::visible_layers(&pr, "alice", article).shows("bob"));
    assert_eq!(claims_offered(&pr, "alice", article), 0);

    let o = factdesk(&["assign", p(&proj), "--to", "alice,bob", "--blind", "on"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "one change at a time: {}",
        stderr(&o)
    );
    assert!(
        factdesk(&["assign", p(&proj), "--to", "alice,bob"])
            .status
            .success()
    );
    assert!(
        factdesk(&["assign", p(&proj), "--blind", "on"])
            .status
            .success()
    );
    let pr = factdesk::store::load(&proj).unwrap();
    let view = blind::visible_layers(&pr, "alice", article);
    assert!(view.shows("alice") && !view.shows("bob"));
    assert!(
        blind::as_seen_by(&pr, "alice")
            .layer("bob")
            .unwrap()
            .annotations
            .is_empty()
    );
    // Her suggestions do not give bob's work away: every claim is offered afresh.
    assert_eq!(claims_offered(&pr, "alice", article), bobs);
    // Bob still sees his own.
    assert_eq!(
        blind::as_seen_by(&pr, "bob")
            .layer("bob")
            .unwrap()
            .annotations
            .len(),
        bobs
    );

    let o = factdesk(&["assign", p(&proj), "--done", "alice"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pr = factdesk::store::load(&proj).unwrap();
    assert!(blind::visible_layers(&pr, "alice", article).shows("bob"));
    assert_eq!(
        blind::as_seen_by(&pr, "alice")
            .layer("bob")
            .unwrap()
            .annotations
            .len(),
        bobs
    );
    assert_eq!(claims_offered(&pr, "alice", article), 0);
}

#[test]
fn assignments_are_one_undoable_edit() {
    let mut pr = Project::new("undo");
    pr.articles.push(Article::new(
        ArticleId(1),
        "One",
        text::normalize("Mourners filled the streets."),
    ));
    let before = pr.clone();
    let plan = balanced(&[ArticleId(1)], &["alice".into(), "bob".into()], 2, 1).unwrap();
    let undo = Edit::SetAssignments(pr.assignments.with_plan(&plan))
        .apply(&mut pr)
        .unwrap();
    assert_eq!(pr.assignments.assigned(ArticleId(1)), ["alice", "bob"]);
    assert!(pr.problems().is_empty());
    // Removing the article takes its assignments along, and undoing brings both back.
    let with = pr.clone();
    let back = Edit::RemoveArticles(vec![ArticleId(1)])
        .apply(&mut pr)
        .unwrap();
    assert!(pr.assignments.is_empty());
    assert!(pr.problems().is_empty(), "{:?}", pr.problems());
    back.apply(&mut pr).unwrap();
    assert_eq!(pr, with);
    undo.apply(&mut pr).unwrap();
    assert_eq!(pr, before);
    // An assignment to an article that is not there is refused on load.
    let mut bad = before.clone();
    bad.assignments = bad
        .assignments
        .with_assigned(&[ArticleId(9)], &["alice".into()], true);
    assert_eq!(
        bad.problems(),
        [Problem::UnknownAssignedArticle(ArticleId(9))]
    );
}

#[test]
fn merging_a_colleagues_file_brings_their_assignments_and_done_marks() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        dir.path().join("a.ron"),
        dir.path().join("b.ron"),
        dir.path().join("c.ron"),
    );
    // Two separate imports of the same articles: the same texts under other ids.
    for f in [&a, &b] {
        assert!(
            factdesk(&["new", p(f), "--import", p(&seeds())])
                .status
                .success()
        );
    }
    assert!(
        factdesk(&["assign", p(&a), "--to", "alice"])
            .status
            .success()
    );
    assert!(factdesk(&["assign", p(&b), "--to", "bob"]).status.success());
    let o = factdesk(&["assign", p(&b), "--done", "bob"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = factdesk(&["merge", p(&a), p(&b), "-o", p(&c)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let merged = factdesk::store::load(&c).unwrap();
    assert_eq!(merged.articles.len(), 5);
    for art in &merged.articles {
        assert_eq!(merged.assignments.assigned(art.id), ["alice", "bob"]);
        assert!(merged.assignments.is_done(art.id, "bob"));
        assert!(!merged.assignments.is_done(art.id, "alice"));
    }
    let out = stdout(&factdesk(&["stats", p(&c)]));
    assert!(out.contains("alice 0/5 done, bob 5/5 done"), "{out}");
}
