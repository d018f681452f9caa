//! Each format read back with its own conventions: the Hugging Face JSONL by Python, the
//! JSON-LD files as JSON with their contexts and types, the CSV by a CSV reader (with no
//! cell a spreadsheet would run as a formula). Also: deterministic splits, cancellation,
//! safe file names.

mod common;

use common::fixture;

use factdesk::export::{self, ExportError, ExportOptions, Format, LayerChoice, Split};
use factdesk::model::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

fn run(p: &Project, format: Format, dir: &Path) -> export::ExportReport {
    let options = ExportOptions::new(format, dir);
    export::run(p, &options, &mut |_, _| true).unwrap()
}

const PY_CHECK: &str = r#"
import json, sys
checked = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            rec = json.loads(line)
            text = rec["text"]
            for s in rec["spans"]:
                got = text[s["start"]:s["end"]]
                if got != s["text"]:
                    sys.exit(f"{path}:{n}: span {s['annotation_id']} {s['start']}..{s['end']} reads {got!r}, expected {s['text']!r}")
                if s["speaker_start"] is not None and not (0 <= s["speaker_start"] < s["speaker_end"] <= len(text)):
                    sys.exit(f"{path}:{n}: bad speaker span")
                checked += 1
print(checked)
"#;

#[test]
fn python_reads_hf_spans_exactly() {
    // The sample, the fixture, and a synthetic project mixing emoji, Arabic, CJK and
    // combining marks.
    let sample = factdesk::store::load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/soleimani-funeral.ron"),
    )
    .unwrap();
    let projects = [
        sample,
        fixture::project(),
        factdesk::synthetic::project(3, 30, 2_000, 600),
    ];
    for p in &projects {
        let dir = tempfile::tempdir().unwrap();
        let mut options = ExportOptions::new(Format::HuggingFace, dir.path());
        options.split = Some(Split {
            train: 80,
            validation: 10,
            test: 10,
            seed: 1,
        });
        let report = export::run(p, &options, &mut |_, _| true).unwrap();
        let files: Vec<String> = report
            .files
            .iter()
            .filter(|f| f.extension().is_some_and(|e| e == "jsonl"))
            .map(|f| f.to_string_lossy().into_owned())
            .collect();
        assert!(!files.is_empty());
        let out = Command::new("python3")
            .arg("-c")
            .arg(PY_CHECK)
            .args(&files)
            .output()
            .expect("python3 runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let checked: usize = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
        assert_eq!(checked, p.annotation_count(), "every span was checked");
    }
}

#[test]
fn hf_card_describes_the_files() {
    let dir = tempfile::tempdir().unwrap();
    run(&fixture::project(), Format::HuggingFace, dir.path());
    let card = std::fs::read_to_string(dir.path().join("README.md")).unwrap();
    let front = card
        .strip_prefix("---\n")
        .unwrap()
        .split("\n---\n")
        .next()
        .unwrap();
    assert!(
        front.contains("  - split: train\n    path: train.jsonl"),
        "{front}"
    );
    assert!(
        front.contains("  - name: train\n    num_bytes: ") && front.contains("    num_examples: 3"),
        "{front}"
    );
    // Every key of a JSONL record and span is declared as a feature.
    let line = std::fs::read_to_string(dir.path().join("train.jsonl")).unwrap();
    let rec: Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    for key in rec.as_object().unwrap().keys() {
        assert!(front.contains(&format!("- name: {key}\n")), "{key}");
    }
    for key in rec["spans"][0].as_object().unwrap().keys() {
        assert!(front.contains(&format!("    - name: {key}\n")), "{key}");
    }
    assert!(card.contains("## Agreement") && card.contains("| alice / bob |"));
    assert!(card.contains("| tag | Named place | 1 |"));
}

#[test]
fn json_ld_has_the_right_contexts_and_types() {
    let p = fixture::project();
    let dir = tempfile::tempdir().unwrap();
    run(&p, Format::WebAnnotation, dir.path());
    let v: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("annotations.jsonld")).unwrap(),
    )
    .unwrap();
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["type"], "AnnotationCollection");
    assert_eq!(v["first"]["type"], "AnnotationPage");
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), p.annotation_count());
    let mut motivations = BTreeSet::new();
    for a in items {
        assert_eq!(a["type"], "Annotation");
        motivations.insert(a["motivation"].as_str().unwrap().to_owned());
        let sel = a["target"]["selector"].as_array().unwrap();
        assert_eq!(sel[0]["type"], "TextQuoteSelector");
        assert_eq!(sel[1]["type"], "TextPositionSelector");
        let id: u64 = a["id"]
            .as_str()
            .unwrap()
            .rsplit(':')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let (_, ann) = p.find_annotation(AnnotationId(id)).unwrap();
        let text = &p.article(ann.article).unwrap().text;
        let (s, e) = (
            sel[1]["start"].as_u64().unwrap() as usize,
            sel[1]["end"].as_u64().unwrap() as usize,
        );
        let exact: String = text.chars().skip(s).take(e - s).collect();
        assert_eq!(sel[0]["exact"].as_str().unwrap(), exact);
        assert!(a["creator"]["name"].is_string());
    }
    let want: BTreeSet<String> = ["assessing", "identifying", "tagging"]
        .map(String::from)
        .into();
    assert_eq!(motivations, want);

    let mut options = ExportOptions::new(Format::ClaimReview, dir.path());
    options.layer = LayerChoice::Named("alice".into());
    export::run(&p, &options, &mut |_, _| true).unwrap();
    let v: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("claimreview.jsonld")).unwrap(),
    )
    .unwrap();
    let reviews = v.as_array().unwrap();
    let with_verdict = p
        .annotations()
        .filter(|(l, _)| l.annotator == "alice")
        .filter(|(_, a)| matches!(&a.kind, AnnotationKind::Claim(c) if c.verdict.is_some()))
        .count();
    assert_eq!(reviews.len(), with_verdict);
    for r in reviews {
        assert_eq!(r["@context"], "https://schema.org");
        assert_eq!(r["@type"], "ClaimReview");
        assert_eq!(r["reviewRating"]["@type"], "Rating");
        assert_eq!(r["itemReviewed"]["@type"], "Claim");
        assert_eq!(r["reviewRating"]["bestRating"], 5);
        // "Unverifiable" (0) is not on the scale: "False" (1) is the worst.
        assert_eq!(r["reviewRating"]["worstRating"], 1);
        let claim = r["claimReviewed"].as_str().unwrap();
        assert!(claim.chars().count() < 75, "{claim}");
    }
    let long = &reviews[0];
    assert_eq!(
        long["claimReviewed"],
        "Police said attendees numbered into the millions, more than any funeral…"
    );
    assert_eq!(long["reviewRating"]["ratingValue"], 2);
    assert_eq!(long["reviewRating"]["alternateName"], "Mostly false");
    assert_eq!(long["itemReviewed"]["author"]["name"], "Iranian police");
    assert_eq!(
        long["itemReviewed"]["appearance"]["url"],
        "https://example.org/ap/khamenei"
    );
}

#[test]
fn csv_cells_cannot_run_as_formulas() {
    let mut p = fixture::project();
    // Every dangerous first character, in every text column.
    for (i, lead) in ["=", "+", "-", "@", "\t", "\r"].iter().enumerate() {
        let id = p.mint_annotation_id();
        let art = p.articles[2].id;
        let span = Span::from_text(&p.articles[2].text, i, i + 5).unwrap();
        let t = chrono::DateTime::from_timestamp(0, 0).unwrap();
        let text = format!("{lead}cmd|' /C calc'!A0");
        p.layer_mut(&format!("{lead}evil")).insert(Annotation {
            id,
            article: art,
            span,
            kind: AnnotationKind::Claim(Claim {
                rationale: text.clone(),
                verdict: Some("False".into()),
                evidence: vec![Evidence {
                    url: text.clone(),
                    ..Evidence::default()
                }],
                ..Claim::default()
            }),
            note: text,
            status: Status::Draft,
            provenance: Provenance::Manual,
            created: t,
            modified: t,
        });
    }
    let dir = tempfile::tempdir().unwrap();
    let report = run(&p, Format::Csv, dir.path());
    let raw = std::fs::read(dir.path().join("claims.csv")).unwrap();
    let body = raw
        .strip_prefix("\u{feff}".as_bytes())
        .expect("UTF-8 BOM for Excel");
    let mut reader = csv::Reader::from_reader(body);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "claim_id",
            "claim",
            "claimant",
            "check_worthiness",
            "verdict",
            "rationale",
            "evidence",
            "article",
            "article_url",
            "annotator",
            "note",
            "group",
            "earlier_checks",
            "earlier_check_ratings"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), report.records);
    assert_eq!(rows.len(), 10);
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "formula cell {cell:?}"
            );
        }
    }
    let col = |name: &str| {
        let i = header.iter().position(|h| h == name).unwrap();
        rows.iter().map(|r| r[i].to_owned()).collect::<Vec<_>>()
    };
    assert!(col("claim").contains(&"'=SUM(A1) was a bad man".to_owned()));
    assert!(col("rationale").contains(&"'=cmd|' /C calc'!A0".to_owned()));
    assert!(col("annotator").contains(&"'@evil".to_owned()));
    assert!(col("note").contains(&"'\rcmd|' /C calc'!A0".to_owned()));
}

/// Article id → split, read back from the Hugging Face files.
fn split_of(p: &Project, seed: u64) -> BTreeMap<u64, String> {
    let dir = tempfile::tempdir().unwrap();
    let mut options = ExportOptions::new(Format::HuggingFace, dir.path());
    options.split = Some(Split {
        train: 80,
        validation: 10,
        test: 10,
        seed,
    });
    export::run(p, &options, &mut |_, _| true).unwrap();
    let mut out = BTreeMap::new();
    for split in ["train", "validation", "test"] {
        let Ok(s) = std::fs::read_to_string(dir.path().join(format!("{split}.jsonl"))) else {
            continue;
        };
        for line in s.lines() {
            let v: Value = serde_json::from_str(line).unwrap();
            let id = v["id"].as_u64().unwrap();
            assert!(
                out.insert(id, split.to_owned()).is_none(),
                "article {id} in two splits"
            );
        }
    }
    out
}

#[test]
fn splits_are_deterministic_and_by_article() {
    let p = factdesk::synthetic::project(9, 50, 200, 300);
    let a = split_of(&p, 42);
    assert_eq!(a.len(), 50);
    let count = |m: &BTreeMap<u64, String>, s: &str| m.values().filter(|v| *v == s).count();
    assert_eq!(
        (
            count(&a, "train"),
            count(&a, "validation"),
            count(&a, "test")
        ),
        (40, 5, 5)
    );
    assert_eq!(split_of(&p, 42), a, "same seed, same split");
    let mut reordered = p.clone();
    reordered.articles.reverse();
    reordered.layers.reverse();
    assert_eq!(split_of(&reordered, 42), a, "independent of article order");
    assert_ne!(split_of(&p, 43), a, "the seed matters");
}

#[test]
fn cancelling_leaves_no_files() {
    let p = factdesk::synthetic::project(1, 40, 300, 200);
    for format in Format::ALL {
        let dir = tempfile::tempdir().unwrap();
        let mut options = ExportOptions::new(format, dir.path());
        options.review_url = Some("https://example.org/review/{annotation}".into());
        if format == Format::ClaimReview {
            options.layer = LayerChoice::Named(p.layers[0].annotator.clone());
        }
        let mut calls = Vec::new();
        let r = export::run(&p, &options, &mut |done, total| {
            calls.push((done, total));
            done < 10
        });
        assert!(matches!(r, Err(ExportError::Cancelled)), "{format}");
        assert_eq!(calls.first(), Some(&(0, 40)));
        assert_eq!(calls.last(), Some(&(10, 40)));
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "{format}"
        );
    }
}

#[test]
fn layer_choice_is_checked() {
    let p = fixture::project();
    let dir = tempfile::tempdir().unwrap();
    let mut options = ExportOptions::new(Format::Doccano, dir.path());
    options.layer = LayerChoice::Named("carol".into());
    let e = export::run(&p, &options, &mut |_, _| true)
        .unwrap_err()
        .to_string();
    assert!(e.contains("\"carol\"") && e.contains("alice, bob"), "{e}");
    options.layer = LayerChoice::Adjudicated;
    assert!(export::run(&p, &options, &mut |_, _| true).is_err());
    options.layer = LayerChoice::Named("bob".into());
    let r = export::run(&p, &options, &mut |_, _| true).unwrap();
    assert_eq!(r.annotations, 4);
    options.split = Some(Split {
        train: 50,
        validation: 10,
        test: 10,
        seed: 0,
    });
    let e = export::run(&p, &options, &mut |_, _| true)
        .unwrap_err()
        .to_string();
    assert!(e.contains("not 100"), "{e}");
}

#[test]
fn file_names_from_titles_are_safe() {
    let mut p = Project::new("names");
    let titles = [
        "../../escape",
        "/abs/path",
        "a\\b",
        "CON",
        "",
        "...",
        "x\u{0}y\u{202e}z",
        "Same",
        "same",
        &"long".repeat(100),
    ];
    for (i, t) in titles.iter().enumerate() {
        p.articles.push(Article::new(
            ArticleId(i as u64 + 1),
            *t,
            format!("Text {i}."),
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let report = run(&p, Format::Brat, dir.path());
    // A .txt and an .ann per article, annotation.conf and visual.conf.
    assert_eq!(report.files.len(), titles.len() * 2 + 2);
    let mut seen = BTreeSet::new();
    for f in &report.files {
        assert_eq!(
            f.parent(),
            Some(dir.path()),
            "{f:?} is directly in the output folder"
        );
        let name = f.file_name().unwrap().to_str().unwrap();
        assert!(!name.contains("..") && !name.starts_with('.'), "{name}");
        assert!(
            !name.chars().any(|c| c.is_control() || c == '\u{202e}'),
            "{name:?}"
        );
        assert!(name.len() <= 120, "{name}");
        assert!(seen.insert(name.to_lowercase()), "{name} is unique");
        assert!(f.is_file());
    }
    assert!(seen.contains("_con.txt"));
}
