//! The app's own path entry (no native file dialog on the system) lists what the dialog can
//! open — folders and projects, not lock files, pids or backups — and Tab leaves the cursor
//! at the end of what it completed.

mod common;

use common::gui::AppHarness;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use factdesk::ui::dialogs::NoDialogs;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/projects/soleimani-funeral.ron"
);

#[test]
fn the_open_prompt_lists_projects_and_tab_completes_to_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("work");
    std::fs::create_dir_all(folder.join("typewriters")).unwrap();
    std::fs::copy(SAMPLE, folder.join("typed.ron")).unwrap();
    for side in [
        "typed.ron.lock",
        "typed.pid",
        "typed.ron.bak",
        "typed-notes.txt",
    ] {
        std::fs::write(folder.join(side), "x").unwrap();
    }
    let mut h = AppHarness::new(&dir.path().join("data"))
        .dialogs_boxed(Box::new(NoDialogs))
        .annotator("tester")
        .autosave_every(3600.0)
        .size(1400.0, 900.0)
        .build();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Path").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    let typed = format!("{}/typ", folder.display());
    h.get_by_label("Path").type_text(&typed);
    h.run();
    // The candidates: the project and the folder, not the side files.
    let project = folder.join("typed.ron").display().to_string();
    let sub = folder.join("typewriters").display().to_string();
    h.get_by_label(&project);
    h.get_by_label(&sub);
    for side in [
        "typed.ron.lock",
        "typed.pid",
        "typed.ron.bak",
        "typed-notes.txt",
    ] {
        let p = folder.join(side).display().to_string();
        assert!(h.query_by_label(&p).is_none(), "{side} is offered");
    }
    // Tab completes the common part ("type"); typing goes on at the end of it.
    h.key_press(Key::Tab);
    h.run();
    h.run();
    h.get_by_label("Path").type_text("d.ron");
    h.run();
    let value = h.get_by_label("Path").accesskit_node().value();
    assert_eq!(value.as_deref(), Some(project.as_str()));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().session().path(),
        Some(folder.join("typed.ron").as_path())
    );
}
