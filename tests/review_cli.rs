//! `factdesk agree`, `factdesk merge` and `factdesk merge-driver` run as processes on real
//! files, and the merge driver inside a real git repository.

use factdesk::model::*;
use serde_json::Value;
use std::path::Path;
use std::process::Command;
mod common;

use common::{factdesk, p, stderr, stdout};

const T1: &str = "Khamenei said the crowd numbered in the millions on Monday. 😀 Zarif agreed.";
const T2: &str = "Officials said 56 people died in a stampede; earlier reports said 50.";

fn at() -> chrono::DateTime<chrono::Utc> {
    "2026-11-21T09:00:00Z".parse().unwrap()
}

fn ann(id: u64, article: &Article, start: usize, end: usize, kind: AnnotationKind) -> Annotation {
    Annotation {
        id: AnnotationId(id),
        article: article.id,
        span: Span::from_text(&article.text, start, end).unwrap(),
        kind,
        note: String::new(),
        status: Status::Draft,
        provenance: Provenance::Manual,
        created: at(),
        modified: at(),
    }
}

fn claim(verdict: &str) -> AnnotationKind {
    AnnotationKind::Claim(Claim {
        verdict: Some(verdict.into()),
        check_worthiness: Some(CheckWorthiness::CheckWorthy),
        ..Claim::default()
    })
}

fn quote(speaker: EntityId) -> AnnotationKind {
    AnnotationKind::Quote(Quote {
        speaker: Some(speaker),
        cue: "said".into(),
        ..Quote::default()
    })
}

/// Two articles (ids from `first_article`), one entity, no layers.
fn base_project(first_article: u64, entity_id: u64, entity_name: &str) -> Project {
    let mut pr = Project::new("review test");
    for (i, t) in [T1, T2].into_iter().enumerate() {
        pr.articles.push(Article::new(
            ArticleId(first_article + i as u64),
            format!("Article {i}"),
            t.to_owned(),
        ));
    }
    pr.entities.push(Entity {
        id: EntityId(entity_id),
        name: entity_name.into(),
        aliases: vec!["Khamenei".into()],
        kind: EntityKind::Person,
        wikidata: None,
    });
    pr
}

fn save(dir: &Path, name: &str, pr: &Project) -> std::path::PathBuf {
    let path = dir.join(name);
    factdesk::store::save_verified(&path, pr).unwrap();
    path
}

/// alice and bob on the same two articles: one agreement, one verdict disagreement, one
/// boundary disagreement, one quote only alice marked.
fn two_annotators() -> Project {
    let mut pr = base_project(1, 7, "Ali Khamenei");
    let (a1, a2) = (pr.articles[0].clone(), pr.articles[1].clone());
    let k = EntityId(7);
    let alice = vec![
        ann(1, &a1, 0, 8, quote(k)),
        ann(2, &a1, 14, 49, claim("True")),
        ann(3, &a2, 15, 46, claim("True")),
        ann(4, &a1, 62, 74, quote(k)),
    ];
    let bob = vec![
        ann(11, &a1, 0, 8, quote(k)),
        ann(12, &a1, 14, 49, claim("False")),
        ann(13, &a2, 15, 43, claim("True")),
    ];
    for (name, anns) in [("alice", alice), ("bob", bob)] {
        let l = pr.layer_mut(name);
        l.annotations = anns;
        l.sort();
    }
    pr
}

#[test]
fn agree_prints_figures_and_json_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let file = save(dir.path(), "p.ron", &two_annotators());
    let o = factdesk(&["agree", p(&file), "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["layers"], serde_json::json!(["alice", "bob"]));
    let pair = &v["pairs"][0];
    assert_eq!(
        (pair["a"].as_str(), pair["b"].as_str()),
        (Some("alice"), Some("bob"))
    );
    assert_eq!(pair["matched"], 3);
    assert_eq!(pair["only_a"], 1);
    assert_eq!(pair["only_b"], 0);
    // Exact: the quote and the claim at 14..49 → 2·2 / (4 + 3).
    let strict = pair["span_f1"]["strict"].as_f64().unwrap();
    assert!((strict - 4.0 / 7.0).abs() < 1e-9, "{strict}");
    let lenient = pair["span_f1"]["lenient"].as_f64().unwrap();
    assert!((lenient - 6.0 / 7.0).abs() < 1e-9, "{lenient}");
    // Verdicts (True, False) and (True, True): Ao 0.5, Ae 0.5 → 0.
    assert_eq!(pair["kappa"]["verdict"].as_f64(), Some(0.0));
    // No sentiment at all: null with a reason.
    assert!(pair["kappa"]["polarity"].is_null());
    assert_eq!(pair["reasons"]["kappa.polarity"], "no items to compare");
    // All pairs are quote/claim in the same way: label kappa 1.0.
    assert_eq!(pair["kappa"]["label"].as_f64(), Some(1.0));
    assert!(pair["alpha"]["verdict_ordinal"].is_number());
    assert_eq!(pair["per_label"]["quote"]["only_a"], 1);
    assert_eq!(pair["per_article"]["2"]["boundary"], 1);
    assert_eq!(pair["per_article"]["2"]["title"], "Article 1");

    let o = factdesk(&["agree", p(&file)]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(text.contains("alice vs bob"), "{text}");
    assert!(
        text.contains("polarity: n/a, no items to compare"),
        "{text}"
    );

    let o = factdesk(&["agree", p(&file), "--layers", "alice,carol"]);
    assert!(!o.status.success());
    assert_eq!(
        stderr(&o).trim(),
        "factdesk: there is no layer named \"carol\""
    );
}

#[test]
fn merge_matches_articles_by_text_and_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = base_project(1, 7, "Ali Khamenei");
    let a1 = a.articles[0].clone();
    a.layer_mut("alice")
        .insert(ann(1, &a1, 0, 8, quote(EntityId(7))));
    // B: the same texts imported separately (other ids), an extra article, an entity
    // known by an alias, a layer also called "alice", and an annotation id that collides.
    let mut b = base_project(100, 70, "Khameini");
    b.articles.push(Article::new(
        ArticleId(1),
        "Only in B",
        "A third article.".to_owned(),
    ));
    let (b1, b3) = (b.articles[0].clone(), b.articles[2].clone());
    let mut q = ann(1, &b1, 62, 67, quote(EntityId(70)));
    if let AnnotationKind::Quote(x) = &mut q.kind {
        x.claims = vec![AnnotationId(5)];
    }
    b.layer_mut("alice").insert(q);
    b.layer_mut("alice")
        .insert(ann(5, &b1, 62, 74, claim("False")));
    b.layer_mut("bob").insert(ann(6, &b3, 0, 7, claim("True")));
    let (fa, fb) = (save(dir.path(), "a.ron", &a), save(dir.path(), "b.ron", &b));
    let out = dir.path().join("c.ron");

    let o = factdesk(&["merge", p(&fa), p(&fb), "-o", p(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("2 article(s) matched by text, 1 added"),
        "{text}"
    );
    assert!(text.contains("\"alice (b)\""), "{text}");

    let c = factdesk::store::load(&out).unwrap();
    assert_eq!(c.articles.len(), 3);
    assert_eq!(c.entities.len(), 1, "Khameini matched Khamenei by alias");
    let names: Vec<&str> = c.layers.iter().map(|l| l.annotator.as_str()).collect();
    assert_eq!(names, ["alice", "alice (b)", "bob"]);
    assert_eq!(c.annotation_count(), 4, "nothing lost");
    let theirs = c.layer("alice (b)").unwrap();
    assert!(theirs.annotations.iter().all(|x| x.article == ArticleId(1)));
    let q = theirs
        .annotations
        .iter()
        .find(|x| matches!(x.kind, AnnotationKind::Quote(_)))
        .unwrap();
    assert_ne!(q.id, AnnotationId(1), "colliding id re-minted");
    let AnnotationKind::Quote(qq) = &q.kind else {
        unreachable!()
    };
    assert_eq!(qq.speaker, Some(EntityId(7)));
    assert_eq!(qq.claims, [AnnotationId(5)]);
    // Bob's annotation follows its article, whose id 1 collided and was re-minted.
    let bob = &c.layer("bob").unwrap().annotations[0];
    assert_ne!(bob.article, ArticleId(1));
    assert_eq!(c.article(bob.article).unwrap().title, "Only in B");

    // Merging a file with a copy of itself adds nothing.
    let o = factdesk(&["merge", p(&fa), p(&fa), "-o", p(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("identical in both, kept once"));
    assert_eq!(
        factdesk::store::load(&out).unwrap(),
        factdesk::store::load(&fa).unwrap()
    );

    let o = factdesk(&[
        "merge",
        p(&fa),
        p(&dir.path().join("nope.ron")),
        "-o",
        p(&out),
    ]);
    assert!(!o.status.success());
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
}

fn set_verdict(pr: &mut Project, id: u64, verdict: &str) {
    let a = pr.find_annotation_mut(AnnotationId(id)).unwrap();
    a.kind = claim(verdict);
}

#[test]
fn merge_driver_on_files() {
    let dir = tempfile::tempdir().unwrap();
    let base = two_annotators();
    let mut ours = base.clone();
    set_verdict(&mut ours, 2, "Mostly true");
    let mut theirs = base.clone();
    set_verdict(&mut theirs, 12, "Mostly false");
    let a1 = theirs.articles[0].clone();
    theirs
        .layer_mut("carol")
        .insert(ann(30, &a1, 0, 8, quote(EntityId(7))));
    let (fo, fa, fb) = (
        save(dir.path(), "o.ron", &base),
        save(dir.path(), "a.ron", &ours),
        save(dir.path(), "b.ron", &theirs),
    );
    let o = factdesk(&["merge-driver", p(&fo), p(&fa), p(&fb)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let merged = factdesk::store::load(&fa).unwrap();
    let verdict = |pr: &Project, id| match &pr.find_annotation(AnnotationId(id)).unwrap().1.kind {
        AnnotationKind::Claim(c) => c.verdict.clone().unwrap(),
        _ => unreachable!(),
    };
    assert_eq!(verdict(&merged, 2), "Mostly true");
    assert_eq!(verdict(&merged, 12), "Mostly false");
    assert!(merged.layer("carol").is_some());
    assert!(
        !factdesk::store::backup_path(&fa).exists(),
        "no .bak beside git's file"
    );

    // The same annotation changed on both sides: both kept, conflict listed, exit 1.
    let mut theirs = base.clone();
    set_verdict(&mut theirs, 2, "False");
    let fa = save(dir.path(), "a2.ron", &ours);
    let fb = save(dir.path(), "b2.ron", &theirs);
    let o = factdesk(&["merge-driver", p(&fo), p(&fa), p(&fb)]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("annotation 2") && err.contains("kept both"),
        "{err}"
    );
    let merged = factdesk::store::load(&fa).unwrap();
    let alice = &merged.layer("alice").unwrap().annotations;
    let verdicts: Vec<String> = alice
        .iter()
        .filter_map(|x| match &x.kind {
            AnnotationKind::Claim(c) if x.span.start == 14 => c.verdict.clone(),
            _ => None,
        })
        .collect();
    assert_eq!(verdicts.len(), 2);
    assert!(verdicts.contains(&"Mostly true".into()) && verdicts.contains(&"False".into()));

    // Unreadable input: %A untouched, non-zero.
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(format_version: 1, name: ").unwrap();
    let before = std::fs::read(&fa).unwrap();
    let o = factdesk(&["merge-driver", p(&fo), p(&fa), p(&bad)]);
    assert!(!o.status.success());
    assert_eq!(std::fs::read(&fa).unwrap(), before);
}

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .unwrap()
}

fn git_ok(dir: &Path, args: &[&str]) {
    let o = git(dir, args);
    assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
}

/// A repository with the project on `main`, the README's driver config, and two branches
/// that each change the project with `edit_a` / `edit_b`. Returns the merge's output.
fn git_merge(
    edit_a: impl Fn(&mut Project),
    edit_b: impl Fn(&mut Project),
) -> (tempfile::TempDir, std::process::Output) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git_ok(d, &["init", "-q", "-b", "main"]);
    // The two lines of config and the .gitattributes line from the README.
    let driver = format!("{} merge-driver %O %A %B", env!("CARGO_BIN_EXE_factdesk"));
    git_ok(
        d,
        &["config", "merge.factdesk.name", "factdesk project merge"],
    );
    git_ok(d, &["config", "merge.factdesk.driver", &driver]);
    std::fs::write(d.join(".gitattributes"), "*.ron merge=factdesk\n").unwrap();
    let file = save(d, "project.ron", &two_annotators());
    git_ok(d, &["add", "."]);
    git_ok(d, &["commit", "-qm", "start"]);
    for (branch, edit) in [("a", &edit_a as &dyn Fn(&mut Project)), ("b", &edit_b)] {
        git_ok(d, &["checkout", "-qb", branch, "main"]);
        let mut pr = factdesk::store::load(&file).unwrap();
        edit(&mut pr);
        factdesk::store::save(&file, &pr).unwrap();
        std::fs::remove_file(factdesk::store::backup_path(&file)).unwrap();
        git_ok(d, &["commit", "-qam", branch]);
    }
    git_ok(d, &["checkout", "-q", "a"]);
    let o = git(d, &["merge", "--no-edit", "b"]);
    (dir, o)
}

#[test]
fn merge_driver_in_a_git_repository() {
    // Different annotations edited on the two branches: a clean merge with both edits.
    let (dir, o) = git_merge(
        |pr| set_verdict(pr, 2, "Mostly true"),
        |pr| set_verdict(pr, 12, "Half true"),
    );
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let merged = factdesk::store::load(&dir.path().join("project.ron")).unwrap();
    let claim_verdict = |id| match &merged.find_annotation(AnnotationId(id)).unwrap().1.kind {
        AnnotationKind::Claim(c) => c.verdict.clone(),
        _ => None,
    };
    assert_eq!(claim_verdict(2).as_deref(), Some("Mostly true"));
    assert_eq!(claim_verdict(12).as_deref(), Some("Half true"));

    // The same annotation edited on both: both kept, the conflict listed, the file loads.
    let (dir, o) = git_merge(
        |pr| set_verdict(pr, 2, "Mostly true"),
        |pr| set_verdict(pr, 2, "False"),
    );
    assert!(!o.status.success());
    let out = format!("{}{}", stdout(&o), stderr(&o));
    assert!(
        out.contains("factdesk merge conflict: annotation 2"),
        "{out}"
    );
    let merged = factdesk::store::load(&dir.path().join("project.ron")).unwrap();
    assert_eq!(merged.layer("alice").unwrap().annotations.len(), 5);
    let status = stdout(&git(dir.path(), &["status", "--porcelain"]));
    assert!(status.contains("UU project.ron"), "{status}");
}

#[test]
fn export_of_the_adjudicated_layer_and_its_card() {
    use factdesk::review;
    let mut pr = two_annotators();
    let items = review::review_items(&pr, "alice", "bob", Default::default()).unwrap();
    let reviewer = factdesk::model::Context::new("rita", at(), 7);
    let agreed = review::accept_all_agreements(&pr, &items, &reviewer);
    agreed.into_plan().apply(&mut pr).unwrap();
    let verdict = items
        .iter()
        .find(|i| i.category == review::Category::FieldDisagreement)
        .unwrap();
    let adj = review::adjudicate(&pr, verdict, review::Action::AcceptTheirs, &reviewer).unwrap();
    adj.into_plan().apply(&mut pr).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = save(dir.path(), "p.ron", &pr);
    let out = dir.path().join("hf");
    let o = factdesk(&[
        "export",
        p(&file),
        "-f",
        "hf",
        "-o",
        p(&out),
        "--layer",
        "adjudicated",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let line = std::fs::read_to_string(out.join("train.jsonl")).unwrap();
    let spans: usize = line
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["spans"]
                .as_array()
                .unwrap()
                .len()
        })
        .sum();
    assert_eq!(spans, 2, "the agreed quote and the adjudicated claim");
    let card = std::fs::read_to_string(out.join("README.md")).unwrap();
    assert!(
        card.contains("2 annotations were adjudicated from 2 annotator layer(s)"),
        "{card}"
    );
    assert!(card.contains("accepted theirs 1, agreed 1"), "{card}");
    assert!(card.contains("before adjudication"), "{card}");
    // The same figures as `factdesk agree`: strict F1 4/7 = 0.571, verdict κ 0.
    assert!(
        card.contains("| alice / bob | 4 / 3 | 3 | 0.571 | 0.857 | 1.000 | 0.000 |"),
        "{card}"
    );
}

#[test]
fn sample_project_has_a_second_annotator_to_review() {
    use factdesk::review::{Category, review_items};
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/soleimani-funeral.ron");
    let pr = factdesk::store::load(&sample).unwrap();
    let items = review_items(&pr, "sample", "zahra", Default::default()).unwrap();
    let find = |cat: Category, start: &str| {
        items
            .iter()
            .find(|i| {
                i.category == cat
                    && i.a
                        .as_ref()
                        .or(i.b.as_ref())
                        .unwrap()
                        .span
                        .exact
                        .starts_with(start)
            })
            .unwrap_or_else(|| panic!("no {cat:?} on {start:?}"))
    };
    let age = find(Category::FieldDisagreement, "Soleimani, 66");
    assert!(
        age.fields
            .iter()
            .any(|f| f.name == "verdict" && f.a == "False" && f.b == "Mostly false")
    );
    find(Category::BoundaryDisagreement, "“Oh Allah");
    find(Category::OnlyInA, "“Have you ever seen");
    let he = find(Category::FieldDisagreement, "He also said");
    assert!(
        he.fields
            .iter()
            .any(|f| f.name == "speaker" && f.b == "Donald Trump")
    );
    let agreements = items
        .iter()
        .filter(|i| i.category == Category::Agreement)
        .count();
    assert!(agreements >= 8, "{agreements}");

    let o = factdesk(&["agree", p(&sample), "--json"]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["pairs"][0]["only_a"], 1);
    assert!(v["pairs"][0]["kappa"]["verdict"].as_f64().unwrap() < 1.0);
}
