//! Undo and redo show what they brought back: the restored annotation is selected.

mod common;

use common::gui::AppHarness;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/projects/soleimani-funeral.ron"
);

#[test]
fn redo_selects_the_restored_annotation_and_undoing_a_delete_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    std::fs::copy(SAMPLE, &path).unwrap();
    let mut h = AppHarness::new(&dir.path().join("data"))
        .project(path)
        .annotator("lena")
        .build();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").focus();
    h.run();
    h.get_by_label("Find").type_text("Khamenei");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::C);
    h.run();
    let id = h.state().selected().expect("the new claim is selected");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().selected(), None);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(
        h.state().selected(),
        Some(id),
        "redo selects what it restored"
    );
    // Delete it, then undo: it is back and selected.
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(h.state().selected(), None);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().selected(),
        Some(id),
        "undoing a delete selects it"
    );
}

/// Typing a letter into a field and deleting it again changes nothing, so it leaves no
/// undo step: the next Ctrl+Z undoes what was really done (the claim's creation).
#[test]
fn a_field_edit_that_changes_nothing_is_no_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    std::fs::copy(SAMPLE, &path).unwrap();
    let mut h = AppHarness::new(&dir.path().join("data"))
        .project(path)
        .annotator("lena")
        .at_60hz()
        .build();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").focus();
    h.run();
    h.get_by_label("Find").type_text("Khamenei");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::C);
    h.run();
    let created = h.state().session().undo_label().map(str::to_owned);
    h.get_by_label("Rationale").focus();
    h.run();
    h.get_by_label("Rationale").type_text("x");
    h.run();
    assert_eq!(h.state().session().undo_label(), Some("Edit claim"));
    h.key_press(Key::Backspace);
    h.run();
    assert_eq!(
        h.state().session().undo_label().map(str::to_owned),
        created,
        "the burst came back to where it started"
    );
    // Escape leaves the field; Ctrl+Z then undoes the claim itself.
    h.key_press(Key::Escape);
    h.run();
    let id = h.state().selected();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let gone = h
        .state()
        .session()
        .project()
        .layer("lena")
        .is_none_or(|l| l.annotations.iter().all(|a| Some(a.id) != id));
    assert!(gone, "one Ctrl+Z undid the claim's creation");
}
