//! Importing other tools' annotation files: offsets that normalisation would shift are
//! reported instead, one annotator per task, and files that are not files are refused.

mod common;

use factdesk::export::{self, ExportOptions, Format};
use factdesk::import::foreign::ForeignFormat;
use factdesk::model::*;
use std::path::Path;

#[test]
fn doccano_offsets_inside_crlf_are_reported_not_shifted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.jsonl");
    std::fs::write(
        &path,
        r#"{"text":"ab\r\ncd ef gh","label":[[0,3,"X"],[7,9,"Y"]]}"#,
    )
    .unwrap();
    let mut p = Project::new("p");
    let report = common::import_annotations(&mut p, ForeignFormat::Doccano, &path, "me").unwrap();
    let anns = &p.layer("me").unwrap().annotations;
    assert_eq!(anns.len(), 1, "{report:?}");
    assert_eq!(anns[0].span.exact, "ef");
    assert_eq!(
        report.skipped.len(),
        1,
        "the span ending between CR and LF is reported"
    );
    assert!(p.problems().is_empty());
}

#[test]
fn label_studio_tasks_with_several_annotators_do_not_merge_into_duplicates() {
    let mut p = Project::new("two");
    let text = "Police said attendees numbered into the millions.".to_owned();
    p.articles
        .push(Article::new(ArticleId(1), "A", text.clone()));
    let t = chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap();
    for (id, who) in [(10, "alice"), (11, "bob")] {
        p.layer_mut(who).insert(Annotation {
            id: AnnotationId(id),
            article: ArticleId(1),
            span: Span::from_text(&text, 0, 6).unwrap(),
            kind: AnnotationKind::Claim(Claim::default()),
            note: String::new(),
            status: Status::Draft,
            provenance: Provenance::Manual,
            created: t,
            modified: t,
        });
    }
    let dir = tempfile::tempdir().unwrap();
    let report = export::run(
        &p,
        &ExportOptions::new(Format::LabelStudio, dir.path()),
        &mut |_, _| true,
    )
    .unwrap();
    let file = report
        .files
        .iter()
        .find(|f| f.extension().is_some_and(|e| e == "json"))
        .unwrap();
    let file = if file.is_absolute() {
        file.clone()
    } else {
        dir.path().join(file)
    };
    let mut q = p.clone();
    let r = common::import_annotations(&mut q, ForeignFormat::LabelStudio, &file, "carol").unwrap();
    // Each annotator's annotation goes into a layer of its own, none merged into another.
    assert!(q.layer("carol").is_none());
    assert_eq!(q.layer("carol-alice").unwrap().annotations.len(), 1);
    assert_eq!(q.layer("carol-bob").unwrap().annotations.len(), 1);
    assert_eq!(r.layers, ["carol-alice", "carol-bob"]);
    assert!(r.skipped.is_empty(), "{:?}", r.skipped);
}

#[test]
fn devices_and_folders_are_not_imported_as_files() {
    let mut p = Project::new("p");
    let err =
        common::import_annotations(&mut p, ForeignFormat::Doccano, Path::new("/dev/zero"), "me")
            .unwrap_err();
    assert!(err.to_string().contains("not a regular file"), "{err}");
    let err = factdesk::import::read_paths(&["/dev/zero".into()]).unwrap_err();
    assert!(err.to_string().contains("not a regular file"), "{err}");
}

#[test]
fn a_bom_inside_the_file_does_not_reach_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.txt");
    std::fs::write(&path, "Headline\n\n\u{feff}Body text here.\n").unwrap();
    let mut p = Project::new("p");
    let batch = factdesk::import::read_paths(&[path]).unwrap();
    common::import_batch(&mut p, batch);
    assert_eq!(p.articles[0].text, "Body text here.");
    assert!(p.problems().is_empty());
}
