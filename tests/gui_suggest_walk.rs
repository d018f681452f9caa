//! Walking suggestions by keyboard as a new user does: the selected suggestion is outlined
//! in the text; after Enter (accept) `]` goes on to the next suggestion, not back to the
//! first; after Delete (reject) the next one is selected.

mod common;

use common::gui::AppHarness;
use egui::Key;
use egui_kittest::Harness;
use factdesk::app::MarkTarget;
use factdesk::model::*;
use factdesk::ui::App;
use std::path::Path;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/projects/soleimani-funeral.ron"
);

fn harness(dir: &Path, snapshots: bool) -> Harness<'static, App> {
    let path = dir.join("s.ron");
    std::fs::copy(SAMPLE, &path).unwrap();
    let mut b = AppHarness::new(&dir.join("data"))
        .project(path)
        .annotator("lena");
    if snapshots {
        b = b
            .size(1280.0, 800.0)
            .theme(egui::Theme::Light)
            .for_snapshots();
    }
    let mut h = b.build();
    for _ in 0..600 {
        if h.state().workbench().suggestions().is_some()
            && h.state().workbench().assist_progress().is_none()
        {
            break;
        }
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run();
    assert!(h.state().workbench().suggestions().is_some());
    // An article with at least three suggestions.
    for _ in 0..8 {
        if suggestion_starts(&h).len() >= 3 {
            break;
        }
        press(&mut h, Key::N);
    }
    assert!(
        suggestion_starts(&h).len() >= 3,
        "an article with suggestions"
    );
    h
}

fn press(h: &mut Harness<'_, App>, key: Key) {
    h.key_press(key);
    h.run();
}

/// The current article's suggestions, in text order.
fn suggestion_starts(h: &Harness<'_, App>) -> Vec<SuggestionKey> {
    h.state()
        .workbench()
        .marks()
        .marks
        .iter()
        .filter_map(|m| match &m.target {
            MarkTarget::Suggestion(k) => Some(k.clone()),
            MarkTarget::Annotation(_) => None,
        })
        .collect()
}

fn selected_suggestion(h: &Harness<'_, App>) -> Option<SuggestionKey> {
    match h.state().workbench().selected() {
        Some(MarkTarget::Suggestion(k)) => Some(k.clone()),
        _ => None,
    }
}

/// The outline drawn in the text covers the suggestion's first and last character.
fn assert_outlined(h: &Harness<'_, App>, key: &SuggestionKey) {
    let drawn = h.state().outline_drawn();
    assert!(!drawn.is_empty(), "the selected suggestion is outlined");
    for c in [key.start, key.end - 1] {
        let r = h.state().char_rect(c).expect("the character is on screen");
        assert!(
            drawn.iter().any(|o| o.contains(r.center())),
            "the outline covers character {c}: {drawn:?} vs {r:?}"
        );
    }
}

#[test]
fn the_selected_suggestion_is_outlined_in_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), false);
    press(&mut h, Key::CloseBracket);
    h.run_steps(3);
    let key = selected_suggestion(&h).expect("] selects a suggestion");
    assert_outlined(&h, &key);
}

#[test]
fn after_enter_the_next_suggestion_comes_next() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), false);
    press(&mut h, Key::CloseBracket);
    press(&mut h, Key::CloseBracket);
    let second = selected_suggestion(&h).unwrap();
    let before = suggestion_starts(&h);
    let index = before.iter().position(|k| *k == second).unwrap();
    assert_eq!(index, 1);
    press(&mut h, Key::Enter);
    assert!(
        selected_suggestion(&h).is_none(),
        "the new annotation is selected"
    );
    press(&mut h, Key::CloseBracket);
    let next = selected_suggestion(&h).unwrap();
    assert!(
        (next.start, next.end) > (second.start, second.end),
        "] after accepting goes on from there: {next:?} after {second:?}, not back to {:?}",
        before[0]
    );
}

#[test]
fn after_delete_the_next_suggestion_is_selected() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), false);
    press(&mut h, Key::CloseBracket);
    let first = selected_suggestion(&h).unwrap();
    let before = suggestion_starts(&h);
    press(&mut h, Key::Delete);
    assert!(
        h.state()
            .session()
            .project()
            .rejected_suggestions
            .contains(&first)
    );
    let next = selected_suggestion(&h).expect("the next suggestion is selected");
    assert_eq!(next, before[1]);
    h.run_steps(3);
    assert_outlined(&h, &next);
}

#[test]
fn selected_suggestion_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), true);
    press(&mut h, Key::CloseBracket);
    press(&mut h, Key::CloseBracket);
    h.run_steps(4);
    assert!(selected_suggestion(&h).is_some());
    h.snapshot("selected_suggestion");
}
