//! Each export checked with its consumer's own rules: brat's type-name rule and the
//! agreement of `.ann` with `annotation.conf`; strict IOB2 in CoNLL (and seqeval's strict
//! mode, when the reference Python environment is there); ClaimReview's required fields;
//! the Hugging Face split files read back by `datasets.load_dataset`.

mod common;
use common::fixture;

use chrono::{DateTime, NaiveDate};
use common::{factdesk, p, stderr};
use factdesk::export::{self, ExportOptions, Format, LayerChoice, Split};
use factdesk::model::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

fn export_to(p: &Project, options: &ExportOptions) -> export::ExportReport {
    export::run(p, options, &mut |_, _| true).unwrap()
}

fn tagged(
    p: &mut Project,
    layer: &str,
    id: u64,
    article: u64,
    start: usize,
    end: usize,
    kind: AnnotationKind,
) {
    let text = &p.article(ArticleId(article)).unwrap().text;
    let t = DateTime::from_timestamp(1_768_000_000, 0).unwrap();
    let span = Span::from_text(text, start, end).unwrap();
    p.layer_mut(layer).insert(Annotation {
        id: AnnotationId(id),
        article: ArticleId(article),
        span,
        kind,
        note: String::new(),
        status: Status::Done,
        provenance: Provenance::Manual,
        created: t,
        modified: t,
    });
}

fn tag(label: &str) -> AnnotationKind {
    AnnotationKind::Tag {
        label: label.into(),
    }
}

/// The fixture with tags whose labels brat cannot take as they are.
fn awkward_labels() -> Project {
    let mut p = fixture::project();
    for (i, label) in [
        "Célébrité",
        "Left/Right, (2020)!",
        "مرحبا",
        "Number",
        "a|b c",
    ]
    .into_iter()
    .enumerate()
    {
        tagged(&mut p, "alice", 3000 + i as u64, 103, i, i + 5, tag(label));
    }
    p
}

fn brat_name_ok(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

#[test]
fn brat_names_follow_brats_rule_in_ann_and_conf() {
    let project = awkward_labels();
    let dir = tempfile::tempdir().unwrap();
    let mut options = ExportOptions::new(Format::Brat, dir.path());
    options.layer = LayerChoice::All;
    export_to(&project, &options);

    // annotation.conf: sections, every entity type and attribute value a brat name.
    let conf = std::fs::read_to_string(dir.path().join("annotation.conf")).unwrap();
    let mut section = "";
    let mut entities = BTreeSet::new();
    let mut values: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in conf.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with('[') {
            section = line;
            continue;
        }
        match section {
            "[entities]" => {
                assert!(brat_name_ok(line), "entity type {line:?}");
                entities.insert(line.to_owned());
            }
            "[attributes]" => {
                let (name, args) = line.split_once('\t').unwrap();
                assert!(brat_name_ok(name), "attribute {name:?}");
                if let Some(v) = args.split("Value:").nth(1) {
                    for value in v.split('|') {
                        assert!(brat_name_ok(value), "value {value:?} of {name}");
                        values
                            .entry(name.to_owned())
                            .or_default()
                            .insert(value.to_owned());
                    }
                }
            }
            _ => {}
        }
    }
    // Every .ann line uses declared types and values.
    let mut types_used = BTreeSet::new();
    for entry in std::fs::read_dir(dir.path()).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "ann") {
            continue;
        }
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            match line.chars().next() {
                Some('T') => {
                    let ty = cols[1].split(' ').next().unwrap();
                    assert!(entities.contains(ty), "{ty:?} not declared: {line}");
                    types_used.insert(ty.to_owned());
                }
                Some('A') => {
                    let parts: Vec<&str> = cols[1].split(' ').collect();
                    let declared = &values[parts[0]];
                    assert!(declared.contains(parts[2]), "{line}: value not declared");
                }
                _ => {}
            }
        }
    }
    // visual.conf gives each name its original label.
    let visual = std::fs::read_to_string(dir.path().join("visual.conf")).unwrap();
    let labels = factdesk::interchange::brat::read_visual_labels(&visual);
    for label in ["Célébrité", "Left/Right, (2020)!", "مرحبا", "a|b c"] {
        let name = labels
            .iter()
            .find(|(_, l)| l.as_str() == label)
            .map(|(n, _)| n.clone())
            .unwrap_or_else(|| panic!("{label} missing from visual.conf:\n{visual}"));
        assert!(types_used.contains(&name), "{name} for {label}");
    }
    assert!(visual.contains("Celebrite | Célébrité"), "{visual}");

    // And factdesk's own brat import reads the labels back exactly.
    let mut back = fixture::bare(&project);
    common::import_annotations(
        &mut back,
        factdesk::import::foreign::ForeignFormat::Brat,
        dir.path(),
        "alice",
    )
    .unwrap();
    let got: BTreeSet<String> = back
        .layer("alice")
        .unwrap()
        .annotations
        .iter()
        .map(|a| a.kind.label().to_owned())
        .collect();
    for label in ["Célébrité", "Left/Right, (2020)!", "مرحبا", "a|b c"] {
        assert!(got.contains(label), "{label} not read back: {got:?}");
    }
}

/// Chunks of strict IOB2 in one column: every chunk begins with `B-`, `I-X` only continues
/// a `B-X`/`I-X` of the same sentence. Panics on a violation; returns the chunk count.
fn strict_iob2_chunks(conll: &str, column: usize) -> usize {
    let mut chunks = 0;
    let mut prev: Option<String> = None; // label of the chunk going on
    for (n, line) in conll.lines().enumerate() {
        if line.is_empty() {
            prev = None;
            continue;
        }
        let tag = line.split('\t').nth(column).unwrap();
        if tag == "O" {
            prev = None;
        } else if let Some(l) = tag.strip_prefix("B-") {
            chunks += 1;
            prev = Some(l.to_owned());
        } else if let Some(l) = tag.strip_prefix("I-") {
            assert_eq!(
                prev.as_deref(),
                Some(l),
                "line {}: {tag} does not continue a chunk: {line}",
                n + 1
            );
        } else {
            panic!("line {}: not a BIO tag: {tag}", n + 1);
        }
    }
    chunks
}

const SEQEVAL_COUNT: &str = r#"
import sys
from seqeval.scheme import IOB2, Entities
column = int(sys.argv[2])
sentences, current = [], []
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if not line:
        if current:
            sentences.append(current)
        current = []
        continue
    current.append(line.split("\t")[column])
if current:
    sentences.append(current)
print(sum(len(e) for e in Entities(sentences, IOB2).entities))
"#;

#[test]
fn conll_is_strict_iob2_across_line_breaks() {
    // The fixture's Boilerplate tag and a quote both cross line breaks.
    let mut project = fixture::project();
    tagged(
        &mut project,
        "alice",
        3100,
        101,
        0,
        80,
        AnnotationKind::Quote(Quote::default()),
    );
    let dir = tempfile::tempdir().unwrap();
    let mut options = ExportOptions::new(Format::Conll, dir.path());
    options.layer = LayerChoice::Named("alice".into());
    let report = export_to(&project, &options);
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("one chunk per sentence")),
        "{:?}",
        report.notes
    );
    let path = dir.path().join("dataset.conll");
    let conll = std::fs::read_to_string(&path).unwrap();
    for column in 1..=4 {
        let ours = strict_iob2_chunks(&conll, column);
        if let Some(python) = common::reference_python() {
            let o = Command::new(python)
                .args(["-c", SEQEVAL_COUNT, p(&path), &column.to_string()])
                .output()
                .unwrap();
            assert!(o.status.success(), "{}", stderr(&o));
            let theirs: usize = String::from_utf8_lossy(&o.stdout).trim().parse().unwrap();
            assert_eq!(
                ours, theirs,
                "column {column}: seqeval strict counts {theirs}"
            );
        }
    }
    // The quote crossing a line break and the Boilerplate tag crossing a blank line are
    // two chunks each, the second starting with B- at the start of its sentence.
    assert!(
        conll.contains(".\tI-quote\tO\tO\tO\n\nPolice\tB-quote\tB-claim\tO\tO\n"),
        "{conll}"
    );
    assert!(
        conll.contains("\n\nTrump\tO\tO\tO\tB-Boilerplate\n"),
        "{conll}"
    );
}

#[test]
fn claimreview_has_googles_required_fields_and_one_review_per_claim() {
    let project = fixture::project();
    let dir = tempfile::tempdir().unwrap();
    let mut options = ExportOptions::new(Format::ClaimReview, dir.path());
    options.layer = LayerChoice::Named("alice".into());
    export_to(&project, &options);
    let reviews: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("claimreview.jsonld")).unwrap(),
    )
    .unwrap();
    assert_eq!(reviews.len(), 2);
    for r in &reviews {
        // Google's fact-check markup: url, claimReviewed, reviewRating.alternateName,
        // author; itemReviewed recommended.
        let url = r["url"].as_str().unwrap();
        let id = r["identifier"]
            .as_str()
            .unwrap()
            .rsplit(':')
            .next()
            .unwrap();
        assert_eq!(url, format!("https://factcheck.example.org/reviews/{id}"));
        assert!(r["claimReviewed"].as_str().is_some_and(|c| !c.is_empty()));
        assert!(r["reviewRating"]["alternateName"].is_string());
        assert!(r["author"]["name"].is_string());
        assert_eq!(r["itemReviewed"]["@type"], "Claim");
        let rating = &r["reviewRating"];
        let (v, best, worst) = (
            rating["ratingValue"].as_i64().unwrap(),
            rating["bestRating"].as_i64().unwrap(),
            rating["worstRating"].as_i64().unwrap(),
        );
        assert!(worst <= v && v <= best, "{rating}");
    }

    // "Unverifiable" has no number, and is not the scale's worst.
    let mut unverifiable = project.clone();
    if let Some(AnnotationKind::Claim(c)) = unverifiable
        .find_annotation_mut(AnnotationId(1010))
        .map(|a| &mut a.kind)
    {
        c.verdict = Some("Unverifiable".into());
    }
    export::run(
        &unverifiable,
        &ExportOptions {
            force: true,
            ..options.clone()
        },
        &mut |_, _| true,
    )
    .unwrap();
    let reviews: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("claimreview.jsonld")).unwrap(),
    )
    .unwrap();
    let r = reviews
        .iter()
        .find(|r| r["reviewRating"]["alternateName"] == "Unverifiable")
        .unwrap();
    assert!(r["reviewRating"]["ratingValue"].is_null(), "{r}");
    for r in &reviews {
        if !r["reviewRating"]["worstRating"].is_null() {
            assert_eq!(r["reviewRating"]["worstRating"], 1, "False is the worst");
        }
    }

    // Two layers that disagree on one claim: refused without an adjudicated layer, one
    // review per claim (the adjudicated one) with it.
    let both = tempfile::tempdir().unwrap();
    let mut all = ExportOptions::new(Format::ClaimReview, both.path());
    all.layer = LayerChoice::All;
    let err = export::run(&project, &all, &mut |_, _| true).unwrap_err();
    assert!(err.to_string().contains("--layer"), "{err}");
    let mut adjudicated = project.clone();
    let claim = adjudicated
        .find_annotation(AnnotationId(2002))
        .unwrap()
        .1
        .clone();
    adjudicated.layer_mut(ADJUDICATED).insert(Annotation {
        id: AnnotationId(9002),
        ..claim
    });
    export_to(&adjudicated, &all);
    let reviews: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(both.path().join("claimreview.jsonld")).unwrap(),
    )
    .unwrap();
    assert_eq!(reviews.len(), 1, "{reviews:?}");
    assert_eq!(reviews[0]["reviewRating"]["alternateName"], "False");
}

#[test]
fn claimreview_without_a_review_url_is_refused_clearly() {
    let mut project = fixture::project();
    project.review_url = None;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.ron");
    factdesk::store::save(&file, &project).unwrap();
    let out = dir.path().join("out");
    let o = factdesk(&[
        "export",
        p(&file),
        "-f",
        "claimreview",
        "-o",
        p(&out),
        "--layer",
        "alice",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("review URL") && err.contains("--review-url"),
        "{err}"
    );
    assert!(!out.join("claimreview.jsonld").exists());
    let o = factdesk(&[
        "export",
        p(&file),
        "-f",
        "claimreview",
        "-o",
        p(&out),
        "--layer",
        "alice",
        "--review-url",
        "https://checks.example.net/{article}/{annotation}",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(out.join("claimreview.jsonld")).unwrap();
    assert!(
        text.contains("\"url\": \"https://checks.example.net/101/1002\""),
        "{text}"
    );
}

const HF_LOAD: &str = r#"
import json, sys, yaml, datasets
d = sys.argv[1]
card = open(f"{d}/README.md", encoding="utf-8").read()
meta = yaml.safe_load(card.split("---\n")[1])
info = datasets.DatasetInfo._from_yaml_dict(meta["dataset_info"])
for s in meta["dataset_info"]["splits"]:
    assert s["num_bytes"] > 0, s
files = {s["split"]: f"{d}/{s['path']}" for s in meta["configs"][0]["data_files"]}
out = {}
# As the card says, with its features; and by the folder, which reads the card itself.
for name, ds in [
    ("json", datasets.load_dataset("json", data_files=files, features=info.features)),
    ("folder", datasets.load_dataset(d)),
]:
    out[name] = {
        split: {
            "published": [None if v is None else v.isoformat() for v in ds[split]["published"]],
            "rows": ds[split].num_rows,
            "spans": sum(len(s) for s in ds[split]["spans"]),
            "type": str(ds[split].features["published"]),
        }
        for split in ds
    }
print(json.dumps(out))
"#;

#[test]
fn hf_splits_load_in_datasets_with_dates_intact() {
    let Some(python) = common::reference_python() else {
        return;
    };
    // Two articles, one split each: one split has a date, the other only nulls.
    let mut project = fixture::project();
    project.articles.truncate(2);
    project.articles[0].published = NaiveDate::from_ymd_opt(2020, 1, 7);
    project.articles[1].published = None;
    for layer in &mut project.layers {
        layer.annotations.retain(|a| a.article != ArticleId(103));
    }
    assert!(project.problems().is_empty(), "{:?}", project.problems());
    let dir = tempfile::tempdir().unwrap();
    let mut options = ExportOptions::new(Format::HuggingFace, dir.path());
    options.split = Some(Split {
        train: 50,
        validation: 0,
        test: 50,
        seed: 1,
    });
    export_to(&project, &options);
    let cache = tempfile::tempdir().unwrap();
    let o = Command::new(python)
        .args(["-c", HF_LOAD, p(dir.path())])
        .env("HF_HOME", cache.path())
        .env("HF_DATASETS_OFFLINE", "1")
        .env("HF_HUB_OFFLINE", "1")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let got: Value = serde_json::from_slice(&o.stdout).unwrap();
    for how in ["json", "folder"] {
        let splits = got[how].as_object().unwrap();
        assert_eq!(splits.len(), 2, "{got}");
        let mut published: Vec<Value> =
            splits.values().map(|s| s["published"][0].clone()).collect();
        published.sort_by_key(|v| v.to_string());
        assert_eq!(
            published,
            [Value::String("2020-01-07".into()), Value::Null],
            "{how}: {got}"
        );
        for s in splits.values() {
            assert_eq!(s["rows"], 1);
            assert_eq!(s["type"], "Value('date32')", "{got}");
        }
        let spans: u64 = splits.values().map(|s| s["spans"].as_u64().unwrap()).sum();
        assert_eq!(spans as usize, project.annotation_count());
    }
}

#[test]
fn hf_card_reports_agreement_only_for_exported_layers() {
    let project = fixture::project();
    let dir = tempfile::tempdir().unwrap();
    let mut options = ExportOptions::new(Format::HuggingFace, dir.path());
    options.layer = LayerChoice::Named("alice".into());
    export_to(&project, &options);
    let card = std::fs::read_to_string(dir.path().join("README.md")).unwrap();
    assert!(!card.contains("## Agreement"), "{card}");
    assert!(!card.contains("bob"), "{card}");
    assert!(card.contains("    num_bytes: "), "{card}");
    let all = tempfile::tempdir().unwrap();
    export_to(
        &project,
        &ExportOptions::new(Format::HuggingFace, all.path()),
    );
    let card = std::fs::read_to_string(all.path().join("README.md")).unwrap();
    assert!(card.contains("| alice / bob |"), "{card}");
}
