//! `factdesk suggest`, run as a process on real files.

use std::path::{Path, PathBuf};
mod common;

use common::{factdesk, p, stderr, stdout};
use factdesk::model::{AnnotationKind, Provenance, SuggestionKey};

fn sample_copy(dir: &Path) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/soleimani-funeral.ron");
    let dst = dir.join("sample.ron");
    std::fs::copy(src, &dst).unwrap();
    dst
}

fn json_of(args: &[&str]) -> serde_json::Value {
    let o = factdesk(args);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).expect("suggest --json prints JSON")
}

#[test]
fn json_has_every_kind_with_the_documented_fields() {
    let dir = tempfile::tempdir().unwrap();
    let proj = sample_copy(dir.path());
    let v = json_of(&["suggest", p(&proj), "--json"]);
    for key in ["quotes", "claims", "passages", "conflicts", "aliases"] {
        assert!(v[key].is_array(), "{key} missing");
    }
    let q = &v["quotes"][0];
    for f in [
        "article",
        "start",
        "end",
        "text",
        "type",
        "cue",
        "speaker",
        "speaker_start",
        "speaker_end",
        "score",
    ] {
        assert!(q.get(f).is_some(), "quote field {f} missing: {q}");
    }
    let lunn = v["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| {
            q["text"]
                .as_str()
                .unwrap()
                .starts_with("I guess the Ayatollah")
        })
        .unwrap();
    assert_eq!(lunn["speaker"], "Michael Lunn");
    assert_eq!(lunn["type"], "direct");
    assert_eq!(lunn["cue"], "tweeted");
    let conflicts = v["conflicts"].as_array().unwrap();
    let age = conflicts
        .iter()
        .find(|c| c["fact"].as_str().unwrap().starts_with("age of"))
        .unwrap();
    let ages: Vec<f64> = age["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["value"].as_f64().unwrap())
        .collect();
    assert!(ages.contains(&62.0) && ages.contains(&66.0));
    assert!(age["possible_update"].is_boolean());
    let passage = &v["passages"][0];
    assert!(passage["places"].as_array().unwrap().len() >= 2);
    assert!(passage.get("likely_source").is_some());
    assert!(v["claims"][0]["score"].as_f64().unwrap() > 0.0);
}

#[test]
fn kinds_and_article_filter_and_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let proj = sample_copy(dir.path());
    let all = json_of(&["suggest", p(&proj), "--json", "--kinds", "quotes"]);
    assert!(all["claims"].as_array().unwrap().is_empty());
    assert!(all["passages"].as_array().unwrap().is_empty());
    let article = all["quotes"][0]["article"].as_u64().unwrap().to_string();
    let one = json_of(&[
        "suggest",
        p(&proj),
        "--json",
        "--kinds",
        "quotes,claims",
        "--article",
        &article,
    ]);
    let quotes = one["quotes"].as_array().unwrap();
    assert!(!quotes.is_empty());
    assert!(
        quotes
            .iter()
            .chain(one["claims"].as_array().unwrap())
            .all(|q| q["article"].as_u64().unwrap().to_string() == article)
    );
    assert!(quotes.len() < all["quotes"].as_array().unwrap().len());

    let o = factdesk(&["suggest", p(&proj), "--kinds", "quotes,gossip"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o).trim().lines().count(), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("gossip"));
    let o = factdesk(&["suggest", p(&proj), "--article", "42"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("42"));
    let o = factdesk(&["suggest", p(&dir.path().join("missing.ron"))]);
    assert_eq!(o.status.code(), Some(1));
    // --apply needs a layer.
    let o = factdesk(&["suggest", p(&proj), "--apply"]);
    assert!(!o.status.success());
    // Plain text lists each kind.
    let o = factdesk(&["suggest", p(&proj)]);
    assert!(o.status.success());
    let text = stdout(&o);
    for prefix in ["quote ", "claim ", "passage ", "conflict ", "aliases "] {
        assert!(
            text.lines().any(|l| l.starts_with(prefix)) || prefix == "aliases ",
            "no {prefix} line"
        );
    }
}

#[test]
fn rejected_suggestions_do_not_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let proj = sample_copy(dir.path());
    let before = json_of(&["suggest", p(&proj), "--json", "--kinds", "quotes"]);
    let q = &before["quotes"][0];
    let key = SuggestionKey {
        kind: "quote".into(),
        article: Some(factdesk::model::ArticleId(q["article"].as_u64().unwrap())),
        start: q["start"].as_u64().unwrap() as usize,
        end: q["end"].as_u64().unwrap() as usize,
        fingerprint: String::new(),
    };
    let mut project = factdesk::store::load(&proj).unwrap();
    project.reject_suggestion(key.clone());
    factdesk::store::save_verified(&proj, &project).unwrap();
    // The rejection is in the file and survives a reload.
    assert_eq!(
        factdesk::store::load(&proj).unwrap().rejected_suggestions,
        vec![key]
    );
    let after = json_of(&["suggest", p(&proj), "--json", "--kinds", "quotes"]);
    let n = |v: &serde_json::Value| v["quotes"].as_array().unwrap().len();
    assert_eq!(n(&after), n(&before) - 1);
    assert!(
        !after["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["start"] == q["start"] && x["article"] == q["article"])
    );
}

#[test]
fn apply_pre_annotates_a_layer_once() {
    let dir = tempfile::tempdir().unwrap();
    let proj = sample_copy(dir.path());
    let o = factdesk(&[
        "suggest",
        p(&proj),
        "--apply",
        "--layer",
        "assist",
        "--kinds",
        "quotes,claims",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("to layer \"assist\""), "{}", stdout(&o));
    let project = factdesk::store::load(&proj).unwrap();
    let layer = project.layer("assist").expect("layer created");
    let quotes = layer
        .annotations
        .iter()
        .filter(|a| matches!(a.kind, AnnotationKind::Quote(_)))
        .count();
    let claims = layer
        .annotations
        .iter()
        .filter(|a| matches!(a.kind, AnnotationKind::Claim(_)))
        .count();
    assert!(
        quotes >= 20 && claims >= 10,
        "{quotes} quotes, {claims} claims"
    );
    assert!(layer.annotations.iter().all(|a| matches!(&a.provenance, Provenance::Suggested { method, score } if method.starts_with("assist:") && score.is_finite())));
    // Speakers were resolved to the project's entities.
    let zarif = project.entity_named("Javad Zarif").unwrap().id;
    assert!(
        layer
            .annotations
            .iter()
            .any(|a| matches!(&a.kind, AnnotationKind::Quote(q) if q.speaker == Some(zarif)))
    );
    assert!(factdesk::store::backup_path(&proj).exists());
    let o = factdesk(&["check", p(&proj)]);
    assert!(o.status.success(), "{}", stdout(&o));
    // Already annotated spans are not suggested again.
    let o = factdesk(&[
        "suggest",
        p(&proj),
        "--apply",
        "--layer",
        "assist",
        "--kinds",
        "quotes,claims",
    ]);
    assert!(o.status.success());
    assert!(
        stdout(&o).contains("added 0 quote(s) and 0 claim(s)"),
        "{}",
        stdout(&o)
    );
}
