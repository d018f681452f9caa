//! Files the user can trust, in the window: a project changed on disk is never
//! overwritten silently, a read-only one is not overwritten, an export asks before
//! replacing files.

mod common;

use common::gui::AppHarness;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use factdesk::model::*;
use factdesk::ui::App;
use factdesk::ui::dialogs::ScriptedDialogs;
use factdesk::ui::modals::ModalKind;
use std::path::{Path, PathBuf};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/projects/soleimani-funeral.ron"
);

fn harness(project: &Path, dialogs: &ScriptedDialogs, dir: &Path) -> Harness<'static, App> {
    AppHarness::new(&dir.join("data"))
        .project(project)
        .dialogs(dialogs)
        .annotator("tester")
        .autosave_every(3600.0)
        .build()
}

fn copy(dir: &Path) -> PathBuf {
    let p = dir.join("p.ron");
    std::fs::copy(SAMPLE, &p).unwrap();
    p
}

fn tag_something(h: &mut Harness<'_, App>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").type_text("Soleimani");
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::T);
    h.run();
}

/// Another program adds an article to the file behind the window's back.
fn change_on_disk(path: &Path) {
    let mut p = factdesk::store::load(path).unwrap();
    let id = p.mint_article_id();
    p.articles.push(Article::new(
        id,
        "Added elsewhere",
        "A paragraph someone else imported.".to_owned(),
    ));
    factdesk::store::save(path, &p).unwrap();
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_and_can_be_merged() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy(dir.path());
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&path, &dialogs, dir.path());
    tag_something(&mut h);
    change_on_disk(&path);
    // The window notices by itself (it checks every few seconds).
    h.run_steps(12);
    assert!(
        matches!(h.state().modal(), Some(ModalKind::ChangedOnDisk { .. })),
        "{:?}",
        h.state().modal()
    );
    h.get_by_label("Cancel").click();
    h.run();
    // Saving does not overwrite the other version.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(matches!(
        h.state().modal(),
        Some(ModalKind::ChangedOnDisk { .. })
    ));
    let on_disk = factdesk::store::load(&path).unwrap();
    assert_eq!(
        on_disk.articles.len(),
        7,
        "the other version is still there"
    );
    assert!(on_disk.layer("tester").is_none());
    // Merge it in: the new article comes in (asked), then saving keeps both changes.
    h.get_by_label("Merge it in").click();
    h.run();
    h.get_by_label("Add them").click();
    h.run();
    if h.query_by_label("OK").is_some() {
        h.get_by_label("OK").click();
        h.run();
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(
        h.state().status().starts_with("Saved"),
        "{}",
        h.state().status()
    );
    let saved = factdesk::store::load(&path).unwrap();
    assert_eq!(saved.articles.len(), 7);
    assert_eq!(saved.layer("tester").unwrap().annotations.len(), 1);
}

#[test]
fn overwriting_a_changed_file_needs_a_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy(dir.path());
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&path, &dialogs, dir.path());
    tag_something(&mut h);
    change_on_disk(&path);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Overwrite").click();
    h.run();
    let saved = factdesk::store::load(&path).unwrap();
    assert_eq!(saved.articles.len(), 6, "the user chose their version");
    assert!(saved.layer("tester").is_some());
}

#[cfg(unix)]
#[test]
fn a_read_only_project_is_not_overwritten_and_save_as_is_offered() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = copy(dir.path());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&path, &dialogs, dir.path());
    tag_something(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(matches!(
        h.state().modal(),
        Some(ModalKind::ReadOnly { .. })
    ));
    assert_eq!(std::fs::read(&path).unwrap(), before, "untouched");
    let other = dir.path().join("mine.ron");
    dialogs.push(Some(other.clone()));
    h.get_by_label("Save as…").click();
    h.run();
    assert!(!h.state().session().is_dirty());
    assert_eq!(h.state().session().path(), Some(other.as_path()));
    assert!(
        factdesk::store::load(&other)
            .unwrap()
            .layer("tester")
            .is_some()
    );
}

#[test]
fn an_export_asks_before_replacing_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy(dir.path());
    let out = dir.path().join("dataset");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("README.md"), "my own notes").unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&path, &dialogs, dir.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    dialogs.push(Some(out.clone()));
    h.get_by_label("Choose folder…").click();
    h.run();
    h.get_by_label("Export").click();
    let wait = |h: &mut Harness<'_, App>, what: &dyn Fn(&App) -> bool| {
        for _ in 0..500 {
            h.step();
            if what(h.state()) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        h.run();
    };
    wait(&mut h, &|a| {
        matches!(a.modal(), Some(ModalKind::ExportReplace { .. }))
    });
    assert!(matches!(
        h.state().modal(),
        Some(ModalKind::ExportReplace { .. })
    ));
    assert_eq!(
        std::fs::read_to_string(out.join("README.md")).unwrap(),
        "my own notes"
    );
    h.get_by_label("Replace").click();
    // The export runs in the background and the theme may repaint meanwhile: step, do not
    // wait for the frame to settle.
    h.run_steps(2);
    wait(&mut h, &|a| a.status().starts_with("Exported"));
    assert!(
        h.state().status().starts_with("Exported"),
        "{}",
        h.state().status()
    );
    assert_ne!(
        std::fs::read_to_string(out.join("README.md")).unwrap(),
        "my own notes"
    );
}
