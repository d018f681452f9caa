//! Importing the seed corpus and other article files from disk.

mod common;

use chrono::NaiveDate;
use factdesk::import::{self, ImportError, Warning};
use factdesk::model::{Project, text};
use std::path::{Path, PathBuf};

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seeds")
}

#[test]
fn each_seed_file_gives_title_date_and_text() {
    let batch = import::read_paths(&[seeds()]).unwrap();
    assert!(batch.warnings.is_empty(), "{:?}", batch.warnings);
    let a = &batch.articles;
    assert_eq!(a.len(), 5);

    assert_eq!(
        a[0].title,
        "Video Shows Supreme Leader of Iran Weeping at Soleimani’s Funeral: Trump ‘Made Khameini Cry’"
    );
    assert_eq!(a[0].published, None);
    assert!(a[0].text.starts_with("Ali Khamenei, the Grand Ayatollah"));
    assert!(a[0].text.ends_with("About Post Author\n\nFollow Us"));

    assert_eq!(a[1].published, NaiveDate::from_ymd_opt(2020, 1, 6));
    assert!(
        a[1].text
            .starts_with("At the funeral of General Qassem Soleimani on Monday")
    );
    assert!(
        a[1].title
            .starts_with("At the funeral of General Qassem Soleimani on Monday")
    );
    assert!(
        a[1].title.ends_with('…') && text::char_len(&a[1].title) <= 101,
        "{}",
        a[1].title
    );
    assert!(
        a[1].text.ends_with("taken out many years ago!”"),
        "trailing blank lines trimmed"
    );

    assert_eq!(
        a[2].title,
        "An emotional Khamenei shows Iran general’s death is personal"
    );
    assert!(
        a[2].text
            .starts_with("DUBAI, United Arab Emirates (AP) – In a rare display")
    );

    assert_eq!(a[3].published, NaiveDate::from_ymd_opt(2020, 1, 7));
    assert!(
        a[3].text
            .starts_with("In this picture tweeted by Iran Foreign Minister Javad Zarif")
    );

    assert_eq!(
        a[4].title,
        "50 mourners dead after stampede at Qasem Soleimani burial in Iran"
    );
    assert!(
        a[4].text
            .starts_with("People mourn fallen leader Qasem Soleimani\n\nAt least 50 people")
    );

    for d in a {
        assert!(text::is_normalized(&d.text));
        assert!(d.source.ends_with(".txt"));
    }
}

#[test]
fn importing_twice_skips_duplicates() {
    let mut p = Project::new("p");
    let batch = import::read_paths(&[seeds()]).unwrap();
    assert_eq!(common::import_batch(&mut p, batch).0.len(), 5);
    let batch = import::read_paths(&[seeds().join("000_d9813753fd3efcdc.txt")]).unwrap();
    let (added, w) = common::import_batch(&mut p, batch);
    assert!(added.is_empty());
    assert!(matches!(&w[0], Warning::Duplicate { .. }));
    assert!(p.problems().is_empty());
}

#[test]
fn invalid_utf8_names_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.txt");
    std::fs::write(&path, b"Title\n\nCaf\xe9 society").unwrap();
    let err = import::read_paths(std::slice::from_ref(&path)).unwrap_err();
    assert!(
        matches!(err, ImportError::NotUtf8 { offset: 10, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("latin1.txt") && err.to_string().contains("offset 10"));
}

#[test]
fn empty_files_are_reported_not_imported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Title\n\nBody.").unwrap();
    std::fs::write(dir.path().join("b.txt"), "\u{feff}\r\n  \n").unwrap();
    std::fs::write(dir.path().join("c.md"), "not imported from a folder").unwrap();
    let batch = import::read_paths(&[dir.path().to_owned()]).unwrap();
    assert_eq!(batch.articles.len(), 1);
    assert_eq!(
        batch.warnings,
        vec![Warning::EmptyFile {
            path: dir.path().join("b.txt")
        }]
    );
}

#[test]
fn text_is_normalised_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crlf.txt");
    // BOM, CRLF, decomposed é (e + U+0301), emoji, RTL.
    std::fs::write(&path, "\u{feff}Cafe\u{301}\r\n\r\nLine one 😀\r\nسلام\r\n").unwrap();
    let batch = import::read_paths(&[path]).unwrap();
    assert_eq!(batch.articles[0].title, "Café");
    assert_eq!(batch.articles[0].text, "Line one 😀\nسلام");
}

#[test]
fn jsonl_articles_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.jsonl");
    std::fs::write(
        &path,
        concat!(
            r#"{"text": "First body.", "title": "One", "url": "https://x.org/1", "outlet": "AP", "published": "2020-01-06T10:00:00Z"}"#,
            "\n\n",
            r#"{"text": "Second 😀 body.", "extra": [1, 2]}"#,
            "\n",
            r#"{"text": "   "}"#,
            "\n"
        ),
    )
    .unwrap();
    let batch = import::read_paths(std::slice::from_ref(&path)).unwrap();
    assert_eq!(batch.articles.len(), 2);
    let first = &batch.articles[0];
    assert_eq!(
        (first.title.as_str(), first.outlet.as_deref()),
        ("One", Some("AP"))
    );
    assert_eq!(first.published, NaiveDate::from_ymd_opt(2020, 1, 6));
    assert_eq!(batch.articles[1].title, "a line 3");
    assert_eq!(
        batch.warnings,
        vec![Warning::EmptyText {
            path: path.clone(),
            line: 4
        }]
    );

    std::fs::write(&path, "{\"text\": \"ok\"}\n{\"text\": \"broken\n").unwrap();
    let err = import::read_paths(std::slice::from_ref(&path)).unwrap_err();
    assert!(err.to_string().contains("a.jsonl:2:"), "{err}");

    std::fs::write(&path, "{\"title\": \"no text\"}\n").unwrap();
    let err = import::read_paths(std::slice::from_ref(&path)).unwrap_err();
    assert!(
        err.to_string().contains("a.jsonl:1: no \"text\" field"),
        "{err}"
    );

    std::fs::write(&path, "{\"text\": \"x\", \"published\": \"Jan 6\"}\n").unwrap();
    let err = import::read_paths(std::slice::from_ref(&path)).unwrap_err();
    assert!(err.to_string().contains("not a date"), "{err}");
}
