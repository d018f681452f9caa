//! Golden files: every format exported from a small fixed project must match the files
//! under `tests/data/golden/<format>/` byte for byte. After an intended change, rewrite
//! them with `UPDATE_GOLDEN=1 cargo test --test export_golden` and review the diff.

mod common;

use common::fixture;

use chrono::NaiveDate;
use factdesk::export::{self, ExportOptions, Format, LayerChoice, Split};
use std::path::{Path, PathBuf};

fn golden_dir(format: Format) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/golden")
        .join(format.name())
}

fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn every_format_matches_its_golden_files() {
    let project = fixture::project();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1");
    let mut failures = Vec::new();
    for format in Format::ALL {
        let tmp = tempfile::tempdir().unwrap();
        let mut options = ExportOptions::new(format, tmp.path());
        options.layer = LayerChoice::All;
        if format == Format::ClaimReview {
            // One review per claim: from one layer (several without an adjudicated one
            // are refused; see export_consumers.rs).
            options.layer = LayerChoice::Named("alice".into());
        }
        options.date = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        if format.splits() {
            options.split = Some(Split {
                train: 60,
                validation: 20,
                test: 20,
                seed: 7,
            });
        }
        let report = export::run(&project, &options, &mut |_, _| true).unwrap();
        let written = files(tmp.path());
        assert!(
            written.iter().all(|f| !f.starts_with('.')),
            "{format}: staging folder left behind: {written:?}"
        );
        assert_eq!(report.files.len(), written.len(), "{format}");

        let golden = golden_dir(format);
        if update {
            let _ = std::fs::remove_dir_all(&golden);
            std::fs::create_dir_all(&golden).unwrap();
            for f in &written {
                std::fs::copy(tmp.path().join(f), golden.join(f)).unwrap();
            }
            continue;
        }
        let expected = files(&golden);
        if expected != written {
            failures.push(format!("{format}: files {written:?}, golden {expected:?}"));
            continue;
        }
        for f in &written {
            let got = std::fs::read(tmp.path().join(f)).unwrap();
            let want = std::fs::read(golden.join(f)).unwrap();
            if got != want {
                failures.push(format!(
                    "{format}/{f} differs from its golden file; run with UPDATE_GOLDEN=1 if intended\n--- got ---\n{}",
                    String::from_utf8_lossy(&got)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
