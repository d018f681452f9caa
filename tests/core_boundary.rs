//! The core never knows the GUI: the model, store, import, export, review, assist and the
//! workbench (`src/app`) are usable from the CLI, tests and benchmarks without egui. And a
//! project changes one way: core operations return edit plans, only `Edit::apply` takes a
//! `&mut Project`, and the workbench never copies the whole project to guess a change.

use std::path::Path;

const CORE: &[&str] = &[
    "src/model",
    "src/store",
    "src/import",
    "src/export",
    "src/interchange",
    "src/bidi",
    "src/review",
    "src/assist",
    "src/app",
    "src/cli",
];

fn rust_files(path: &Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_file() {
        out.push(path.to_owned());
    } else if let Ok(entries) = std::fs::read_dir(path) {
        for e in entries.flatten() {
            rust_files(&e.path(), out);
        }
    }
}

#[test]
fn no_core_file_uses_egui_or_eframe() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in CORE {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 20, "the core was not found: {files:?}");
    let mut offenders = Vec::new();
    for f in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "rs"))
    {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if ["egui", "eframe", "crate::ui", "super::ui"]
                .iter()
                .any(|w| code.contains(w))
            {
                offenders.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "the core uses the GUI:\n{}",
        offenders.join("\n")
    );
}

/// Every line of code (comments cut) of the Rust files under `dirs`, with its place.
fn code_lines(dirs: &[&str]) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in dirs {
        rust_files(&root.join(dir), &mut files);
    }
    let mut out = Vec::new();
    for f in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "rs"))
    {
        if f.file_name()
            .is_some_and(|n| n == "tests.rs" || n.to_string_lossy().ends_with("_tests.rs"))
        {
            continue;
        }
        let text = std::fs::read_to_string(f).unwrap();
        let rel = f.strip_prefix(root).unwrap_or(f).display().to_string();
        // Unit tests build their own projects by hand; the rule is for the program.
        let program = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in program.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("").to_owned();
            out.push((format!("{rel}:{}", n + 1), code));
        }
    }
    out
}

#[test]
fn only_edit_apply_changes_a_project() {
    let mut offenders = Vec::new();
    let mut applies = 0;
    for (place, code) in code_lines(&["src"]) {
        if code.contains("fn additions") {
            offenders.push(format!("{place}: guesses a change by diffing: {code}"));
        }
        if code.contains("&mut Project") && code.contains(':') {
            if place.starts_with("src/model/edit.rs") || place.starts_with("src/model/plan.rs") {
                applies += 1;
            } else {
                offenders.push(format!("{place}: takes a project to change: {code}"));
            }
        }
    }
    assert!(applies >= 1, "Edit::apply was not found");
    assert!(
        offenders.is_empty(),
        "core operations must return edit plans:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_workbench_never_copies_the_whole_project() {
    let offenders: Vec<String> = code_lines(&["src/app"])
        .into_iter()
        .filter(|(_, code)| {
            ["project().clone()", "project.clone()", ": Project = self"]
                .iter()
                .any(|w| code.contains(w))
        })
        .map(|(place, code)| format!("{place}: {}", code.trim()))
        .collect();
    assert!(
        offenders.is_empty(),
        "the workbench copies the project:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn no_source_file_is_over_700_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let long: Vec<String> = files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "rs"))
        .filter_map(|f| {
            let n = std::fs::read_to_string(f).unwrap().lines().count();
            // The window's frame (menus, panes, modals in order) may take up to 800.
            let limit = if f.ends_with("src/ui/app.rs") {
                800
            } else {
                700
            };
            (n > limit).then(|| format!("{}: {n} lines", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these files:\n{}", long.join("\n"));
}
