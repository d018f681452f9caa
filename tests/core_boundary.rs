//! The core never knows the GUI: the model, store, import, export, review, assist and the
//! workbench (`src/app`) are usable from the CLI, tests and benchmarks without egui.

use std::path::Path;

const CORE: &[&str] = &[
    "src/model",
    "src/store",
    "src/import",
    "src/export",
    "src/review",
    "src/assist",
    "src/app",
    "src/cli.rs",
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
