//! Exports never destroy the user's files: same-named files are refused without `--force`,
//! replaced all together (or not at all) with it, and a killed export's staging folder is
//! removed by the next export.

mod common;

use common::{factdesk, p, stderr, stdout};
use std::path::{Path, PathBuf};

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/soleimani-funeral.ron")
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn same_named_files_are_refused_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    std::fs::write(out.join("README.md"), "my own notes").unwrap();
    let before = names(out);
    let o = factdesk(&["export", p(&sample()), "-f", "hf", "-o", p(out)]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("README.md") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("README.md")).unwrap(),
        "my own notes"
    );
    assert_eq!(
        names(out),
        before,
        "nothing written, no staging folder left"
    );

    let o = factdesk(&["export", p(&sample()), "-f", "hf", "-o", p(out), "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("wrote"));
    assert!(
        std::fs::read_to_string(out.join("README.md"))
            .unwrap()
            .contains("---")
    );
    assert!(out.join("train.jsonl").is_file());
    assert!(
        names(out).iter().all(|n| !n.starts_with(".factdesk")),
        "{:?}",
        names(out)
    );
}

#[test]
fn a_failed_export_replaces_nothing_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    assert!(
        factdesk(&["export", p(&sample()), "-f", "hf", "-o", p(out)])
            .status
            .success()
    );
    let train = std::fs::read(out.join("train.jsonl")).unwrap();
    std::fs::write(out.join("train.jsonl"), "user's edited train").unwrap();
    // An output name taken by a folder: the export must fail before replacing anything.
    std::fs::remove_file(out.join("README.md")).unwrap();
    std::fs::create_dir(out.join("README.md")).unwrap();
    let o = factdesk(&["export", p(&sample()), "-f", "hf", "-o", p(out), "--force"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("README.md"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(out.join("train.jsonl")).unwrap(),
        "user's edited train"
    );
    assert!(names(out).iter().all(|n| !n.starts_with(".factdesk")));
    std::fs::remove_dir(out.join("README.md")).unwrap();
    assert!(
        factdesk(&["export", p(&sample()), "-f", "hf", "-o", p(out), "--force"])
            .status
            .success()
    );
    assert_eq!(std::fs::read(out.join("train.jsonl")).unwrap(), train);
}

#[test]
fn the_dialogs_preflight_lists_what_would_be_replaced() {
    use factdesk::export::{self, ExportOptions, Format};
    let project = factdesk::store::load(&sample()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let options = ExportOptions::new(Format::Csv, dir.path());
    assert!(export::conflicts(&project, &options).unwrap().is_empty());
    std::fs::write(dir.path().join("claims.csv"), "mine").unwrap();
    assert_eq!(
        export::conflicts(&project, &options).unwrap(),
        vec![dir.path().join("claims.csv")]
    );
    let err = export::run(&project, &options, &mut |_, _| true).unwrap_err();
    assert!(
        matches!(err, export::ExportError::WouldReplace { .. }),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("claims.csv")).unwrap(),
        "mine"
    );
    let mut forced = options.clone();
    forced.force = true;
    export::run(&project, &forced, &mut |_, _| true).unwrap();
    assert_ne!(
        std::fs::read_to_string(dir.path().join("claims.csv")).unwrap(),
        "mine"
    );
    assert_eq!(names(dir.path()), vec!["claims.csv".to_owned()]);
}

#[cfg(unix)]
#[test]
fn a_killed_exports_staging_folder_is_removed_by_the_next_export() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    // What a killed export leaves: a staging folder with a lock file nobody holds.
    let staging = out.join(".factdesk-export-AbC123");
    std::fs::create_dir(&staging).unwrap();
    std::fs::write(staging.join(".lock"), "").unwrap();
    std::fs::write(staging.join("train.jsonl"), "half").unwrap();
    // A running export's folder (its lock held) must be left alone.
    let running = out.join(".factdesk-export-Run999");
    std::fs::create_dir(&running).unwrap();
    let held = std::fs::File::create(running.join(".lock")).unwrap();
    held.lock().unwrap();
    let o = factdesk(&["export", p(&sample()), "-f", "csv", "-o", p(out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!staging.exists());
    assert!(running.exists());
    drop(held);
    assert_eq!(
        names(out),
        vec![
            ".factdesk-export-Run999".to_owned(),
            "claims.csv".to_owned()
        ]
    );
}
