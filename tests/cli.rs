//! The command line, run as a user runs it: the built binary, real files.

use std::path::{Path, PathBuf};
mod common;

use common::{factdesk, p, stderr, stdout};

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seeds")
}

#[test]
fn new_import_check_stats() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("event.ron");
    let o = factdesk(&[
        "new",
        p(&proj),
        "--import",
        p(&seeds().join("000_d9813753fd3efcdc.txt")),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("with 1 article"));

    // Creating over an existing file is refused and leaves it alone.
    let before = std::fs::read(&proj).unwrap();
    let o = factdesk(&["new", p(&proj)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("already exists"));
    assert_eq!(std::fs::read(&proj).unwrap(), before);

    let o = factdesk(&["import", p(&proj), p(&seeds())]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("imported 4 article(s)"),
        "{}",
        stdout(&o)
    );
    assert!(
        stderr(&o).contains("skipped"),
        "the duplicate is reported: {}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read(dir.path().join(".factdesk/event.ron.bak")).unwrap(),
        before
    );

    let o = factdesk(&["check", p(&proj)]);
    assert!(o.status.success());
    assert!(
        stdout(&o).contains("ok (5 articles, 0 annotations)"),
        "{}",
        stdout(&o)
    );

    let o = factdesk(&["stats", p(&proj)]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("articles: 5"), "{}", stdout(&o));
}

#[test]
fn import_error_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("p.ron");
    assert!(factdesk(&["new", p(&proj)]).status.success());
    let before = std::fs::read(&proj).unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"T\n\n\xff\xfe").unwrap();
    let o = factdesk(&["import", p(&proj), p(&seeds()), p(&bad)]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains("bad.txt") && err.contains("offset 3"), "{err}");
    assert_eq!(std::fs::read(&proj).unwrap(), before);
}

#[test]
fn check_lists_each_problem_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("broken.ron");
    let sample = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/soleimani-funeral.ron"),
    )
    .unwrap();
    // Corrupt the exact text of two annotations.
    let broken = sample.replacen("exact: \"", "exact: \"X", 2);
    std::fs::write(&proj, &broken).unwrap();
    let o = factdesk(&["check", p(&proj)]);
    assert_eq!(o.status.code(), Some(1));
    // Problems are reported on stderr, one line each, then their count.
    let err = stderr(&o);
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    let problems: Vec<&str> = err.lines().filter(|l| l.contains("annotation ")).collect();
    assert_eq!(problems.len(), 2, "{err}");
    assert!(
        problems
            .iter()
            .all(|l| l.contains("broken.ron: annotation ")),
        "{err}"
    );
    assert!(err.contains("broken.ron: 2 problem(s)"), "{err}");
    assert_eq!(std::fs::read_to_string(&proj).unwrap(), broken);
}

#[test]
fn errors_are_one_line_and_nonzero() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = dir.path().join("g.ron");
    std::fs::write(&garbage, "(format_version: 1, name: ").unwrap();
    for args in [
        vec!["stats", p(&garbage)],
        vec!["stats", "/no/such.ron"],
        vec!["import", "/no/such.ron", p(&seeds())],
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
    }
    let o = factdesk(&["check", p(&garbage)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("g.ron:1:"), "{}", stderr(&o));
}

#[test]
fn version_flag() {
    let o = factdesk(&["--version"]);
    assert!(o.status.success());
    assert_eq!(
        stdout(&o).trim(),
        format!("factdesk {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn sample_project_is_sound_and_shows_every_kind() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/soleimani-funeral.ron");
    let o = factdesk(&["check", p(&sample)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = factdesk(&["stats", p(&sample)]);
    let out = stdout(&o);
    assert!(out.contains("articles: 6"), "{out}");
    for kind in ["quote", "claim", "sentiment", "tag"] {
        let n: usize = out
            .split(&format!("{kind} "))
            .nth(1)
            .and_then(|s| s.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        assert!(n > 0, "sample has no {kind}: {out}");
    }
}
