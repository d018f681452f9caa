//! A drag in the reader that starts or ends inside a word takes the whole word (as brat and
//! INCEpTION snap to tokens); holding Alt marks exactly what was dragged over.

mod common;

use common::gui::AppHarness;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use factdesk::model::*;
use factdesk::ui::App;
use std::path::{Path, PathBuf};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/projects/soleimani-funeral.ron"
);

fn harness(dir: &Path) -> Harness<'static, App> {
    let project: PathBuf = dir.join("sample.ron");
    std::fs::copy(SAMPLE, &project).unwrap();
    let mut h = AppHarness::new(&dir.join("data"))
        .project(project)
        .annotator("tester")
        .build();
    let id = h
        .state()
        .session()
        .project()
        .articles
        .iter()
        .find(|a| a.title.starts_with("An emotional Khamenei"))
        .unwrap()
        .id;
    while h.state().current_article() != Some(id) {
        h.key_press(Key::N);
        h.run();
    }
    h
}

/// The code-point offset of `needle` in the current article.
fn offset_of(h: &Harness<'_, App>, needle: &str) -> usize {
    let article = h.state().current_article().unwrap();
    let text = &h.state().session().project().article(article).unwrap().text;
    let byte = text.find(needle).expect("the phrase is in the article");
    text[..byte].chars().count()
}

/// Press inside character `from`, move, release inside character `to` (both code points).
fn drag(h: &mut Harness<'_, App>, from: usize, to: usize) {
    let a = h.state().char_rect(from).unwrap();
    let b = h.state().char_rect(to).unwrap();
    h.drag_at(a.center());
    h.run();
    h.hover_at(a.center().lerp(b.center(), 0.5));
    h.run();
    h.hover_at(b.center());
    h.run();
    h.drop_at(b.center());
    h.run();
}

fn created_claim(h: &mut Harness<'_, App>) -> String {
    h.key_press(Key::C);
    h.run();
    let layer = h.state().session().project().layer("tester").unwrap();
    let claim = layer.annotations.last().expect("a claim was created");
    assert_eq!(claim.kind.name(), KindName::Claim);
    claim.span.exact.clone()
}

#[test]
fn a_drag_ending_mid_word_takes_the_whole_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    let start = offset_of(&h, "United Arab Emirates");
    // From the middle of "United" ("it") to the middle of "Emirates" ("Emir").
    drag(&mut h, start + 2, start + "United Arab Emi".chars().count());
    let snapped = (start, start + "United Arab Emirates".chars().count());
    assert_eq!(h.state().selection(), Some(snapped));
    assert_eq!(created_claim(&mut h), "United Arab Emirates");
}

#[test]
fn alt_drag_marks_part_of_a_word() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    let start = offset_of(&h, "United Arab Emirates");
    h.event(egui::Event::ModifiersChanged(Modifiers::ALT));
    drag(&mut h, start, start + 2);
    h.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    h.run();
    // Press in the middle of "U", release in the middle of "i": the boundaries nearest
    // the pointer, not whole words.
    let (s, e) = h.state().selection().expect("a selection");
    assert!(s >= start && e <= start + 3 && e - s >= 1, "{s}..{e}");
    let exact = created_claim(&mut h);
    assert!("Unit".starts_with(&exact) && !exact.is_empty(), "{exact:?}");
}
