//! factdesk → other tool's format → factdesk gives back the same annotations (span and
//! label; for Label Studio and brat also the fields and links they hold), on the sample
//! project, on the fixed fixture and on generated text full of emoji, ZWJ sequences, flags,
//! combining marks and right-to-left script, where offset drift would show. Also: what the
//! importers do with offsets in other units, text that was not normalised, and spans that
//! do not land on the text.

mod common;
use common::fixture;

use factdesk::export::{self, ExportOptions, Format, LayerChoice};
use factdesk::import::foreign::{ForeignFormat, ImportReport};
use factdesk::model::*;
use proptest::prelude::*;
use std::path::{Path, PathBuf};

const FORMATS: [(Format, ForeignFormat); 3] = [
    (Format::LabelStudio, ForeignFormat::LabelStudio),
    (Format::Doccano, ForeignFormat::Doccano),
    (Format::Brat, ForeignFormat::Brat),
];

fn exported_path(format: ForeignFormat, dir: &Path) -> PathBuf {
    match format {
        ForeignFormat::LabelStudio => dir.join("label-studio.json"),
        ForeignFormat::Doccano => dir.join("doccano.jsonl"),
        ForeignFormat::Brat => dir.to_owned(),
    }
}

/// Export every layer of `p` on its own and import it into a project with the same
/// articles and no annotations.
fn round_trip(p: &Project, to: Format, from: ForeignFormat) -> (Project, Vec<ImportReport>) {
    let mut back = fixture::bare(p);
    let mut reports = Vec::new();
    for layer in &p.layers {
        let dir = tempfile::tempdir().unwrap();
        let mut options = ExportOptions::new(to, dir.path());
        options.layer = LayerChoice::Named(layer.annotator.clone());
        export::run(p, &options, &mut |_, _| true).unwrap();
        let report = common::import_annotations(
            &mut back,
            from,
            &exported_path(from, dir.path()),
            &layer.annotator,
        )
        .unwrap();
        assert_eq!(report.articles_created, 0, "{to}: every article is matched");
        assert_eq!(report.utf16_regions, 0);
        reports.push(report);
    }
    assert!(back.problems().is_empty(), "{to}: {:?}", back.problems());
    (back, reports)
}

fn assert_same(p: &Project, back: &Project, format: ForeignFormat) {
    for layer in &p.layers {
        let name = &layer.annotator;
        assert_eq!(
            fixture::spans(p, name),
            fixture::spans(back, name),
            "{format}, layer {name}: spans and labels"
        );
        if format != ForeignFormat::Doccano {
            assert_eq!(
                fixture::details(p, name),
                fixture::details(back, name),
                "{format}, layer {name}: fields and links"
            );
        }
        for a in &back.layer(name).unwrap().annotations {
            assert!(matches!(a.provenance, Provenance::Imported { .. }));
            assert!(
                p.find_annotation(a.id).is_none() || p.layers.len() > 1,
                "fresh ids"
            );
        }
    }
}

#[test]
fn sample_project_round_trips() {
    let sample = factdesk::store::load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/soleimani-funeral.ron"),
    )
    .unwrap();
    assert!(sample.annotation_count() > 0);
    for (to, from) in FORMATS {
        let (back, reports) = round_trip(&sample, to, from);
        for r in &reports {
            assert!(r.skipped.is_empty(), "{to}: {:?}", r.skipped);
        }
        assert_same(&sample, &back, from);
    }
}

#[test]
fn fixture_round_trips() {
    let p = fixture::project();
    for (to, from) in FORMATS {
        let (back, reports) = round_trip(&p, to, from);
        for r in &reports {
            assert!(r.skipped.is_empty(), "{to}: {:?}", r.skipped);
        }
        assert_same(&p, &back, from);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn hard_text_round_trips(p in common::project()) {
        for (to, from) in FORMATS {
            let (back, reports) = round_trip(&p, to, from);
            for s in reports.iter().flat_map(|r| &r.skipped) {
                // Only entity names that do not resolve (e.g. with trailing spaces) may be
                // left out; a span never is.
                prop_assert!(s.reason.contains("is not an entity of the project"), "{to}: {s}");
            }
            assert_same(&p, &back, from);
        }
    }
}

fn project_with(text: &str) -> Project {
    let mut p = Project::new("t");
    p.articles
        .push(Article::new(ArticleId(1), "T", text::normalize(text)));
    p
}

fn import_str(p: &mut Project, format: ForeignFormat, name: &str, content: &str) -> ImportReport {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    common::import_annotations(p, format, &path, "them").unwrap()
}

#[test]
fn old_label_studio_utf16_offsets_are_recognised() {
    let text = "😀😀 Zarif said 🇮🇷 yes";
    let mut p = project_with(text);
    // "Zarif" is 3..8 in code points and 5..10 in UTF-16 units; "yes" 17..20 / 21..24.
    let json = r#"[{"id": 1, "data": {"text": "😀😀 Zarif said 🇮🇷 yes"}, "annotations": [{"result": [
        {"id": "a", "type": "labels", "value": {"start": 5, "end": 10, "text": "Zarif", "labels": ["Person"]}},
        {"id": "b", "type": "labels", "value": {"start": 21, "end": 24, "text": "yes", "labels": ["Answer"]}}
    ]}]}]"#;
    let r = import_str(&mut p, ForeignFormat::LabelStudio, "old.json", json);
    assert_eq!((r.annotations, r.utf16_regions), (2, 2), "{:?}", r.skipped);
    let got: Vec<(usize, usize, &str)> = p
        .layer("them")
        .unwrap()
        .annotations
        .iter()
        .map(|a| (a.span.start, a.span.end, a.span.exact.as_str()))
        .collect();
    assert_eq!(got, vec![(3, 8, "Zarif"), (17, 20, "yes")]);
}

#[test]
fn spans_that_do_not_land_are_reported_not_shifted() {
    let mut p = project_with("Khamenei said yes.");
    let json = r#"[{"id": 4, "data": {"text": "Khamenei said yes."}, "annotations": [{"result": [
        {"id": "ok", "type": "labels", "value": {"start": 0, "end": 8, "text": "Khamenei", "labels": ["Person"]}},
        {"id": "off", "type": "labels", "value": {"start": 1, "end": 9, "text": "Khamenei", "labels": ["Person"]}},
        {"id": "far", "type": "labels", "value": {"start": 10, "end": 99, "labels": ["Person"]}}
    ]}]}]"#;
    let r = import_str(&mut p, ForeignFormat::LabelStudio, "ls.json", json);
    assert_eq!(r.annotations, 1);
    let at: Vec<&str> = r.skipped.iter().map(|s| s.at.as_str()).collect();
    assert_eq!(at, ["task 4, region \"off\"", "task 4, region \"far\""]);
    assert!(
        r.skipped[0].reason.contains("reads \"hamenei \""),
        "{}",
        r.skipped[0]
    );
    assert!(r.skipped[1].reason.contains("past"), "{}", r.skipped[1]);
    let spans: Vec<(usize, usize)> = p
        .layer("them")
        .unwrap()
        .annotations
        .iter()
        .map(|a| (a.span.start, a.span.end))
        .collect();
    assert_eq!(spans, vec![(0, 8)]);

    let r = import_str(
        &mut p,
        ForeignFormat::Doccano,
        "d.jsonl",
        "{\"text\": \"Khamenei said yes.\", \"label\": [[14, 17, \"Answer\"], [14, 40, \"Answer\"], [5, 5, \"Empty\"]]}\n",
    );
    assert_eq!(r.annotations, 1);
    let at: Vec<&str> = r.skipped.iter().map(|s| s.at.as_str()).collect();
    assert_eq!(at, ["line 1, label 2", "line 1, label 3"]);

    let mut brat = project_with("Zarif spoke.");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Zarif spoke.").unwrap();
    std::fs::write(
        dir.path().join("a.ann"),
        "T1\tPerson 0 5\tZarif\nT2\tPerson 1 6\tZarif\n",
    )
    .unwrap();
    let r = common::import_annotations(
        &mut brat,
        ForeignFormat::Brat,
        &dir.path().join("a.ann"),
        "them",
    )
    .unwrap();
    assert_eq!(r.annotations, 1);
    assert_eq!(r.skipped[0].at, "a.ann:2");
}

#[test]
fn offsets_follow_normalisation_and_trimming() {
    // The project holds the normalised, trimmed text; the file the raw one (NFD, CR LF,
    // leading whitespace). "Zarif" is 14..19 in the raw text and 10..15 in the article.
    let mut p = project_with("Café said\nZarif");
    assert_eq!(p.articles[0].text, "Café said\nZarif");
    let raw = "  Cafe\u{301} said\r\nZarif";
    let line = serde_json::json!({"text": raw, "label": [[14, 19, "Person"], [2, 7, "Word"]]});
    let r = import_str(
        &mut p,
        ForeignFormat::Doccano,
        "d.jsonl",
        &format!("{line}\n"),
    );
    assert_eq!((r.articles_matched, r.articles_created), (1, 0));
    assert!(r.skipped.is_empty(), "{:?}", r.skipped);
    let got: Vec<(usize, usize, &str)> = p
        .layer("them")
        .unwrap()
        .annotations
        .iter()
        .map(|a| (a.span.start, a.span.end, a.span.exact.as_str()))
        .collect();
    assert_eq!(got, vec![(0, 4, "Café"), (10, 15, "Zarif")]);
}

#[test]
fn unknown_texts_become_articles() {
    let mut p = project_with("Something else.");
    let line = r#"{"text": "New 😀 text.", "title": "From doccano", "label": [[4, 5, "Emoji"]]}"#;
    let r = import_str(&mut p, ForeignFormat::Doccano, "d.jsonl", line);
    assert_eq!(
        (r.articles_matched, r.articles_created, r.annotations),
        (0, 1, 1)
    );
    let a = p
        .articles
        .iter()
        .find(|a| a.title == "From doccano")
        .unwrap();
    assert_eq!(a.text, "New 😀 text.");
    assert_eq!(p.layer("them").unwrap().annotations[0].span.exact, "😀");
    assert!(p.problems().is_empty());
}

#[test]
fn bad_files_are_errors_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for (format, name, content, needle) in [
        (
            ForeignFormat::LabelStudio,
            "x.json",
            "[{\"data\": ",
            "x.json:1:",
        ),
        (
            ForeignFormat::LabelStudio,
            "x.json",
            "[{\"data\": {\"text\": \"a\"}, \"annotations\": 3}]",
            "task #1",
        ),
        (
            ForeignFormat::Doccano,
            "x.jsonl",
            "{\"text\": \"a\"}\nnot json\n",
            "x.jsonl:2:",
        ),
        (
            ForeignFormat::Doccano,
            "x.jsonl",
            "{\"text\": \"a\", \"label\": [[0, 1]]}",
            "line 1, label 1",
        ),
        (
            ForeignFormat::Brat,
            "x.ann",
            "T1\tPerson zero 5\tZarif\n",
            "x.ann:1",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        std::fs::write(dir.path().join("x.txt"), "Zarif").unwrap();
        let mut p = project_with("Zarif");
        let before = p.clone();
        let e = common::import_annotations(&mut p, format, &path, "them")
            .unwrap_err()
            .to_string();
        assert!(e.contains(needle), "{format}: {e}");
        assert_eq!(p, before);
    }
    let mut p = project_with("Zarif");
    let e = common::import_annotations(
        &mut p,
        ForeignFormat::Brat,
        &dir.path().join("missing.ann"),
        "x",
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("missing.ann"), "{e}");
    std::fs::write(dir.path().join("lonely.ann"), "").unwrap();
    let e = common::import_annotations(
        &mut p,
        ForeignFormat::Brat,
        &dir.path().join("lonely.ann"),
        "x",
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("lonely.txt"), "{e}");
    std::fs::write(dir.path().join("bin.jsonl"), b"\xff\xfe{}").unwrap();
    let e = common::import_annotations(
        &mut p,
        ForeignFormat::Doccano,
        &dir.path().join("bin.jsonl"),
        "x",
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("UTF-8"), "{e}");
}
