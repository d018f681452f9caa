//! `factdesk export` and `factdesk import-annotations`, run as a user runs them.

use std::path::{Path, PathBuf};
mod common;

use common::{factdesk, p, stderr, stdout};

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/soleimani-funeral.ron")
}

#[test]
fn exports_every_format() {
    let dir = tempfile::tempdir().unwrap();
    for (format, file) in [
        ("hf", "train.jsonl"),
        ("doccano", "doccano.jsonl"),
        ("label-studio", "label-studio.json"),
        ("brat", "annotation.conf"),
        ("conll", "dataset.conll"),
        ("web-annotation", "annotations.jsonld"),
        ("claimreview", "claimreview.jsonld"),
        ("csv", "claims.csv"),
    ] {
        let out = dir.path().join(format);
        let sample = sample();
        let mut args = vec!["export", p(&sample), "--format", format, "--out", p(&out)];
        if format == "claimreview" {
            // One review per claim: the sample has two annotators' layers.
            args.extend(["--layer", "sample"]);
        }
        let o = factdesk(&args);
        assert!(o.status.success(), "{format}: {}", stderr(&o));
        assert!(stdout(&o).contains("wrote "), "{}", stdout(&o));
        assert!(out.join(file).is_file(), "{format}: {file}");
    }
    let o = factdesk(&[
        "export",
        p(&sample()),
        "-f",
        "hf",
        "-o",
        p(&dir.path().join("split")),
        "--layer",
        "sample",
        "--split",
        "80/10/10",
        "--seed",
        "4",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("train: 5 article(s)"), "{}", stdout(&o));
    assert!(dir.path().join("split/validation.jsonl").is_file());
}

#[test]
fn export_errors_are_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("o");
    let sample = sample();
    for (args, needle) in [
        (vec!["--format", "xml"], "unknown format"),
        (
            vec!["--format", "hf", "--layer", "nobody"],
            "no layer \"nobody\"",
        ),
        (
            vec!["--format", "hf", "--layer", "adjudicated"],
            "adjudicated",
        ),
        (vec!["--format", "hf", "--split", "80/30/10"], "not 100"),
        (vec!["--format", "hf", "--split", "eighty"], "percentages"),
    ] {
        let mut all = vec!["export", p(&sample), "--out", p(&out)];
        all.extend(args.iter());
        let o = factdesk(&all);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = stderr(&o);
        assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    assert!(!out.exists() || std::fs::read_dir(&out).unwrap().count() == 0);
    let o = factdesk(&["export", "/no/such.ron", "-f", "hf", "-o", p(&out)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o).trim().lines().count(), 1);
}

#[test]
fn import_annotations_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("p.ron");
    std::fs::copy(sample(), &proj).unwrap();
    let original = factdesk::store::load(&sample()).unwrap();
    let marked = original.layer("sample").unwrap().annotations.len();
    let imported = format!("imported {marked} annotation(s)");
    for (export_format, file, format) in [
        ("label-studio", "label-studio.json", "label-studio"),
        ("doccano", "doccano.jsonl", "doccano"),
        ("brat", "", "brat"),
    ] {
        let out = dir.path().join(export_format);
        // The first annotator's layer (the sample also has a second one, for review).
        let o = factdesk(&[
            "export",
            p(&sample()),
            "-f",
            export_format,
            "-o",
            p(&out),
            "--layer",
            "sample",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        let from = if file.is_empty() {
            out.clone()
        } else {
            out.join(file)
        };
        let layer = format!("from-{format}");
        let o = factdesk(&[
            "import-annotations",
            p(&proj),
            p(&from),
            "--format",
            format,
            "--layer",
            &layer,
        ]);
        assert!(o.status.success(), "{format}: {}", stderr(&o));
        assert!(
            stdout(&o).contains(&imported)
                && stdout(&o).contains("6 article(s) matched, 0 created, 0 item(s) skipped"),
            "{format}: {}",
            stdout(&o)
        );
        assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    }
    let o = factdesk(&["check", p(&proj)]);
    assert!(o.status.success(), "{}", stdout(&o));
    assert!(
        stdout(&o).contains(&format!(
            "6 articles, {} annotations",
            original.annotation_count() + 3 * marked
        )),
        "{}",
        stdout(&o)
    );
    assert!(
        dir.path().join(".factdesk/p.ron.bak").is_file(),
        "saved atomically with a backup"
    );
}

#[test]
fn import_annotations_errors_leave_the_project_alone() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("p.ron");
    std::fs::copy(sample(), &proj).unwrap();
    let before = std::fs::read(&proj).unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "[{\"data\": {\"text\": 5}}]").unwrap();
    let partly = dir.path().join("partly.jsonl");
    std::fs::write(
        &partly,
        "{\"text\": \"Nowhere else.\", \"label\": [[0, 99, \"X\"]]}\n",
    )
    .unwrap();
    for args in [
        vec![
            "import-annotations",
            p(&proj),
            p(&bad),
            "--format",
            "label-studio",
            "--layer",
            "x",
        ],
        vec![
            "import-annotations",
            p(&proj),
            p(&bad),
            "--format",
            "prodigy",
            "--layer",
            "x",
        ],
        vec![
            "import-annotations",
            p(&proj),
            "/no/such.jsonl",
            "--format",
            "doccano",
            "--layer",
            "x",
        ],
    ] {
        let o = factdesk(&args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert_eq!(
            stderr(&o).trim().lines().count(),
            1,
            "{args:?}: {}",
            stderr(&o)
        );
        assert!(!stderr(&o).contains("panicked"));
        assert_eq!(std::fs::read(&proj).unwrap(), before);
    }
    // A span that does not land is a warning naming its line; the article is still added.
    let o = factdesk(&[
        "import-annotations",
        p(&proj),
        p(&partly),
        "-f",
        "doccano",
        "--layer",
        "x",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("partly.jsonl: line 1, label 1: span 0..99"),
        "{}",
        stderr(&o)
    );
    assert!(
        stdout(&o).contains("imported 0 annotation(s)") && stdout(&o).contains("1 created"),
        "{}",
        stdout(&o)
    );
}
