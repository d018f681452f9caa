//! Every way a project file is refused: a clear error, and the file on disk untouched.

mod common;

use chrono::DateTime;
use factdesk::model::*;
use factdesk::store::{self, LoadError};
use std::path::{Path, PathBuf};

fn sample() -> Project {
    let mut p = Project::new("refusals");
    let text = "Khamenei said “no” 😀 twice.\n\nSecond paragraph.".to_owned();
    p.articles
        .push(Article::new(ArticleId(7), "Title", text.clone()));
    let t = DateTime::from_timestamp(1_600_000_000, 0).unwrap();
    for (id, start, end) in [(11, 0, 8), (12, 14, 18)] {
        p.layer_mut("alice").insert(Annotation {
            id: AnnotationId(id),
            article: ArticleId(7),
            span: Span::from_text(&text, start, end).unwrap(),
            kind: AnnotationKind::Tag {
                label: "Person".into(),
            },
            note: String::new(),
            status: Status::Draft,
            provenance: Provenance::Manual,
            created: t,
            modified: t,
        });
    }
    p
}

/// Write `text` as a project file, try to load it, check it is refused and unchanged.
fn refused(name: &str, bytes: &[u8]) -> (LoadError, PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let before = common::snapshot(&path);
    let err = store::load(&path).expect_err("file should be refused");
    assert_eq!(
        common::snapshot(&path),
        before,
        "a refused file must not be modified"
    );
    assert!(!store::backup_path(&path).exists());
    assert!(
        err.to_string().contains(name),
        "error should name the file: {err}"
    );
    (err, path, dir)
}

fn good_text() -> String {
    store::to_ron_string(&sample()).unwrap()
}

#[test]
fn the_base_file_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ok.ron");
    std::fs::write(&path, good_text()).unwrap();
    assert_eq!(store::load(&path).unwrap(), sample());
}

#[test]
fn parse_error_names_line_and_column() {
    let text = good_text().replacen("name: \"refusals\",", "name: \"refusals\" oops,", 1);
    let line = text.lines().position(|l| l.contains("oops")).unwrap() + 1;
    let (err, _, _) = refused("syntax.ron", text.as_bytes());
    match err {
        LoadError::Parse { line: l, col, .. } => {
            assert_eq!(l, line);
            assert!(col > 1);
        }
        other => panic!("expected a parse error, got {other}"),
    }
}

#[test]
fn truncated_file() {
    let text = good_text();
    let (err, _, _) = refused("truncated.ron", &text.as_bytes()[..text.len() / 2]);
    assert!(matches!(err, LoadError::Parse { .. }), "{err}");
}

#[test]
fn newer_format_version() {
    let text = good_text().replacen(
        &format!("format_version: {},", factdesk::model::FORMAT_VERSION),
        "format_version: 99,",
        1,
    );
    let (err, _, _) = refused("newer.ron", text.as_bytes());
    assert!(
        matches!(err, LoadError::NewerVersion { found: 99, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("newer factdesk"));
}

#[test]
fn duplicate_annotation_ids() {
    let mut p = sample();
    p.layers[0].annotations[1].id = AnnotationId(11);
    let (err, _, _) = refused("dup.ron", store::to_ron_string(&p).unwrap().as_bytes());
    assert!(
        err.problems()
            .contains(&Problem::DuplicateAnnotation(AnnotationId(11))),
        "{err}"
    );
}

#[test]
fn duplicate_article_ids() {
    let mut p = sample();
    let mut second = p.articles[0].clone();
    second.title = "other".into();
    p.articles.push(second);
    let (err, _, _) = refused("dupart.ron", store::to_ron_string(&p).unwrap().as_bytes());
    assert!(
        err.problems()
            .contains(&Problem::DuplicateArticle(ArticleId(7))),
        "{err}"
    );
}

#[test]
fn span_out_of_range_names_the_annotation() {
    let mut p = sample();
    p.layers[0].annotations[1].span.end = 10_000;
    let (err, _, _) = refused("range.ron", store::to_ron_string(&p).unwrap().as_bytes());
    let msg = err.problems()[0].to_string();
    assert!(
        msg.contains("annotation 12") && msg.contains("past the text"),
        "{msg}"
    );
}

#[test]
fn exact_text_mismatch_names_the_annotation() {
    let text = good_text().replacen("exact: \"Khamenei\"", "exact: \"Khameini\"", 1);
    let (err, _, _) = refused("exact.ron", text.as_bytes());
    let msg = err.problems()[0].to_string();
    assert!(
        msg.contains("annotation 11") && msg.contains("Khameini"),
        "{msg}"
    );
}

#[test]
fn edited_article_text() {
    let text = good_text().replacen("Second paragraph.", "Second paragraph, edited.", 1);
    let (err, _, _) = refused("edited.ron", text.as_bytes());
    assert!(
        err.problems().contains(&Problem::TextChanged(ArticleId(7))),
        "{err}"
    );
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let mut bytes = good_text().into_bytes();
    bytes.insert(40, 0xff);
    let (err, _, _) = refused("latin1.ron", &bytes);
    assert!(
        matches!(err, LoadError::NotUtf8 { offset: 40, .. }),
        "{err}"
    );
}

#[test]
fn empty_and_garbage_files() {
    refused("empty.ron", b"");
    refused("garbage.ron", b"\x00\x01\x02 not a project");
    refused("json.ron", br#"{"format_version": 1, "name": "x"}"#);
}

#[test]
fn deeply_nested_input_is_an_error_not_a_crash() {
    let text = format!("{}{}", "(".repeat(100_000), ")".repeat(100_000));
    refused("deep.ron", text.as_bytes());
    let text = format!(
        "(format_version: 1, name: \"x\", articles: {}",
        "[".repeat(100_000)
    );
    refused("deep2.ron", text.as_bytes());
}

#[test]
fn oversized_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(store::MAX_FILE_BYTES + 1).unwrap(); // sparse: costs no disk
    drop(f);
    let err = store::load(&path).unwrap_err();
    assert!(matches!(err, LoadError::TooLarge { .. }), "{err}");
}

#[test]
fn a_folder_is_not_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let err = store::load(dir.path()).unwrap_err();
    assert!(matches!(err, LoadError::NotAFile { .. }), "{err}");
    assert!(store::load(Path::new("/no/such/file.ron")).is_err());
}

#[test]
fn a_score_that_is_not_a_number() {
    let mut p = sample();
    p.layers[0].annotations[0].provenance = Provenance::Suggested {
        method: "x".into(),
        score: f32::NAN,
    };
    let (err, _, _) = refused("nan.ron", store::to_ron_string(&p).unwrap().as_bytes());
    assert!(
        err.problems().contains(&Problem::BadScore {
            annotation: AnnotationId(11)
        }),
        "{err}"
    );
}

/// `(line, column)` (1-based) of the first occurrence of `needle` in `text`.
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let col = text[..at].rfind('\n').map_or(at, |nl| at - nl - 1) + 1;
    (line, col)
}

#[test]
fn unknown_fields_are_refused_with_line_and_column() {
    // A field at the top, in an article, in an annotation, in a kind's fields and in an
    // enum's struct variant: each would be lost by the next save if it were ignored.
    let cases = [
        (
            "name: \"refusals\",",
            "name: \"refusals\",\n  reviewed_by: \"carol\",",
        ),
        (
            "title: \"Title\",",
            "title: \"Title\",\n      paywall: true,",
        ),
        (
            "status: Draft,",
            "status: Draft,\n          confidence: 0.9,",
        ),
        ("label: \"Person\",", "label: \"Person\", colour: \"red\","),
    ];
    for (i, (anchor, replacement)) in cases.into_iter().enumerate() {
        let text = good_text().replacen(anchor, replacement, 1);
        assert_ne!(text, good_text(), "case {i}: anchor {anchor:?} not found");
        let field = replacement
            .trim_start_matches(anchor)
            .trim_start()
            .split(':')
            .next()
            .unwrap()
            .to_owned();
        let (expected_line, expected_col) = position_of(&text, &format!("{field}:"));
        let (err, _, _) = refused(&format!("unknown{i}.ron"), text.as_bytes());
        match &err {
            LoadError::Parse {
                line, col, message, ..
            } => {
                assert_eq!(*line, expected_line, "{err}");
                assert!(
                    (expected_col..=expected_col + field.len() + 1).contains(col),
                    "column {col}, field at {expected_col}: {err}"
                );
                assert!(message.contains(&format!("`{field}`")), "{err}");
                assert!(message.contains("newer factdesk"), "{err}");
            }
            other => panic!("expected a parse error, got {other}"),
        }
    }
}

/// A file written before claim groups (format 1) opens, and saves as the current format
/// with everything it had.
#[test]
fn a_format_1_file_is_migrated() {
    let current = format!("format_version: {},", factdesk::model::FORMAT_VERSION);
    let old = good_text().replacen(&current, "format_version: 1,", 1);
    assert!(old.contains("format_version: 1,"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.ron");
    std::fs::write(&path, &old).unwrap();
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded, sample());
    assert!(store::to_ron_string(&loaded).unwrap().contains(&current));
}
