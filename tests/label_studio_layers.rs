//! A Label Studio round trip of several layers: factdesk exports every layer (one annotation
//! per layer in each task); Label Studio, importing that file and exporting it again, keeps
//! each annotation but drops who made it. Coming back, each annotation of a task goes into
//! its own layer — named after the user where the file says who it was, numbered by its
//! place in the task where it does not — and the message says so.

mod common;

use common::gui::AppHarness;
use egui_kittest::kittest::Queryable;
use factdesk::export::{self, ExportOptions, Format};
use factdesk::model::Project;
use factdesk::ui::dialogs::ScriptedDialogs;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/projects/soleimani-funeral.ron"
);

/// The sample's annotator layers exported to Label Studio (every layer), as one file.
fn export_all_layers(dir: &Path) -> PathBuf {
    let sample = factdesk::store::load(Path::new(SAMPLE)).unwrap();
    let out = dir.join("ls");
    let mut options = ExportOptions::new(Format::LabelStudio, &out);
    options.layer = export::LayerChoice::All;
    let report = export::run(&sample, &options, &mut |_, _| true).unwrap();
    let file = report
        .files
        .iter()
        .find(|f| f.extension().is_some_and(|e| e == "json"))
        .unwrap()
        .clone();
    if file.is_absolute() {
        file
    } else {
        out.join(file)
    }
}

/// What Label Studio gives back after importing `file`: the same tasks and results, every
/// annotation now by the importing user, with no user name.
fn through_label_studio(file: &Path, dir: &Path) -> PathBuf {
    let mut tasks: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    for task in tasks.as_array_mut().unwrap() {
        for ann in task["annotations"].as_array_mut().unwrap() {
            let ann = ann.as_object_mut().unwrap();
            ann.remove("created_username");
            ann.insert("completed_by".into(), Value::from(1));
        }
    }
    let back = dir.join("from-label-studio.json");
    std::fs::write(&back, serde_json::to_string_pretty(&tasks).unwrap()).unwrap();
    back
}

fn count(project: &Project, layer: &str) -> usize {
    project.layer(layer).map_or(0, |l| l.annotations.len())
}

fn spans(project: &Project, layer: &str) -> Vec<(u64, usize, usize, String)> {
    let mut v: Vec<_> = project
        .layer(layer)
        .unwrap()
        .annotations
        .iter()
        .map(|a| {
            (
                a.article.0,
                a.span.start,
                a.span.end,
                a.kind.name().as_str().to_owned(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn each_annotation_of_a_task_comes_back_in_its_own_layer() {
    let dir = tempfile::tempdir().unwrap();
    let sample = factdesk::store::load(Path::new(SAMPLE)).unwrap();
    let layers: Vec<String> = sample
        .layers
        .iter()
        .filter(|l| !l.annotations.is_empty())
        .map(|l| l.annotator.clone())
        .collect();
    assert!(layers.len() >= 2, "the sample has two annotators");
    let exported = export_all_layers(dir.path());
    let back = through_label_studio(&exported, dir.path());

    // Nameless (Label Studio's own export): numbered by position in the task.
    let project = dir.path().join("p.ron");
    std::fs::copy(SAMPLE, &project).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_factdesk"))
        .args(["import-annotations"])
        .arg(&project)
        .arg(&back)
        .args(["--format", "label-studio", "--layer", "ls"])
        .env("FACTDESK_ANNOTATOR", "tester")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("layers ls-1, ls-2") && stdout.contains("does not say who made them"),
        "{stdout}"
    );
    assert!(!stderr.contains("further annotation"), "{stderr}");
    let p = factdesk::store::load(&project).unwrap();
    for (i, original) in layers.iter().enumerate() {
        let back = format!("ls-{}", i + 1);
        assert_eq!(
            count(&p, &back),
            count(&sample, original),
            "{back} vs {original}"
        );
        assert_eq!(
            spans(&p, &back),
            spans(&sample, original),
            "{back} vs {original}"
        );
    }
    assert!(p.problems().is_empty(), "{:?}", p.problems());

    // With the names (factdesk's own export): each layer named after its annotator.
    let project = dir.path().join("q.ron");
    std::fs::copy(SAMPLE, &project).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_factdesk"))
        .args(["import-annotations"])
        .arg(&project)
        .arg(&exported)
        .args(["--format", "label-studio", "--layer", "ls"])
        .env("FACTDESK_ANNOTATOR", "tester")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("named after the user names"), "{stdout}");
    let q = factdesk::store::load(&project).unwrap();
    for original in &layers {
        let back = format!("ls-{original}");
        assert_eq!(spans(&q, &back), spans(&sample, original), "{back}");
    }
}

#[test]
fn the_window_says_which_layers_it_made_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let back = through_label_studio(&export_all_layers(dir.path()), dir.path());
    let project = dir.path().join("s.ron");
    std::fs::copy(SAMPLE, &project).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = AppHarness::new(&dir.path().join("data"))
        .project(project)
        .annotator("tester")
        .dialogs(&dialogs)
        .autosave_every(3600.0)
        .size(1400.0, 900.0)
        .build();
    dialogs.push(Some(back));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Import annotations").click();
    h.run();
    h.get_by_label("Import into this layer").click();
    h.run();
    // Into the user's layer and a numbered one beside it, said in words.
    h.get_by_label_contains("went into 2 layers: “tester-1”, “tester-2”");
    h.get_by_label_contains("does not say who made them");
    let p = h.state().session().project();
    assert!(count(p, "tester-1") > 0 && count(p, "tester-2") > 0);
}
