//! Suggestions on the real `App`, by keyboard: accept one (Enter), undo it, reject one
//! (Delete) and find it still rejected after reopening, accept all quotes of an article.

mod common;

use common::gui::AppHarness;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use factdesk::app::{MarkStyle, MarkTarget};
use factdesk::model::*;
use factdesk::ui::App;
use std::path::{Path, PathBuf};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/projects/soleimani-funeral.ron"
);

fn harness(project: &Path, data: &Path) -> Harness<'static, App> {
    let mut h = AppHarness::new(data)
        .project(project)
        .annotator("tester")
        .autosave_every(3600.0)
        .build();
    // Suggestions are computed on a worker thread: wait for them.
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
    assert!(
        h.state().workbench().suggestions().is_some(),
        "suggestions arrived"
    );
    h
}

fn copy(dir: &Path) -> PathBuf {
    let p = dir.join("s.ron");
    std::fs::copy(SAMPLE, &p).unwrap();
    p
}

fn ghost_marks(h: &Harness<'_, App>, kind: KindName) -> usize {
    h.state()
        .workbench()
        .marks()
        .marks
        .iter()
        .filter(|m| m.style == MarkStyle::Suggestion && m.kind == kind)
        .count()
}

/// Step with `]` until a suggestion of `kind` is selected; returns its key.
fn select_suggestion(h: &mut Harness<'_, App>, kind: KindName) -> SuggestionKey {
    for _ in 0..200 {
        h.key_press(Key::CloseBracket);
        h.run();
        if let Some(MarkTarget::Suggestion(key)) = h.state().workbench().selected().cloned()
            && key.kind == kind.as_str()
        {
            return key;
        }
    }
    panic!("no {kind:?} suggestion in this article");
}

fn mine(h: &Harness<'_, App>) -> Vec<Annotation> {
    h.state()
        .session()
        .project()
        .layer("tester")
        .map(|l| l.annotations.clone())
        .unwrap_or_default()
}

#[test]
fn accept_undo_reject_reopen_accept_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy(dir.path());
    let data = dir.path().join("data");
    let mut h = harness(&path, &data);
    assert!(
        ghost_marks(&h, KindName::Quote) > 0,
        "quote suggestions are shown"
    );

    // Enter accepts: a quote in my layer, marked as suggested.
    let key = select_suggestion(&mut h, KindName::Quote);
    h.key_press(Key::Enter);
    h.run();
    let accepted = mine(&h);
    assert_eq!(accepted.len(), 1);
    assert_eq!(
        (accepted[0].span.start, accepted[0].span.end),
        (key.start, key.end)
    );
    assert!(matches!(
        accepted[0].provenance,
        Provenance::Suggested { .. }
    ));
    assert_eq!(h.state().selected(), Some(accepted[0].id));

    // Undo takes it back, and the suggestion is offered again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(mine(&h).is_empty());
    assert!(
        h.state()
            .workbench()
            .marks()
            .marks
            .iter()
            .any(|m| m.target == MarkTarget::Suggestion(key.clone()))
    );

    // Delete rejects; saved and reopened, it stays rejected and hidden.
    let rejected = select_suggestion(&mut h, KindName::Quote);
    h.key_press(Key::Delete);
    h.run();
    assert!(
        h.state()
            .session()
            .project()
            .rejected_suggestions
            .contains(&rejected)
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    drop(h);
    let mut h = harness(&path, &data);
    assert!(
        h.state()
            .session()
            .project()
            .rejected_suggestions
            .contains(&rejected)
    );
    let article = rejected.article.unwrap();
    while h.state().current_article() != Some(article) {
        h.key_press(Key::N);
        h.run();
    }
    assert!(
        !h.state()
            .workbench()
            .marks()
            .marks
            .iter()
            .any(|m| m.target == MarkTarget::Suggestion(rejected.clone())),
        "a rejected suggestion does not come back"
    );

    // Shift+Enter on a quote suggestion accepts all quotes of the article at once.
    for _ in 0..10 {
        if ghost_marks(&h, KindName::Quote) > 1 {
            break;
        }
        h.key_press(Key::N);
        h.run();
    }
    let article = h.state().current_article().unwrap();
    let quotes = ghost_marks(&h, KindName::Quote);
    assert!(quotes > 1, "an article with several quote suggestions");
    select_suggestion(&mut h, KindName::Quote);
    h.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    h.run();
    assert_eq!(ghost_marks(&h, KindName::Quote), 0);
    let new_quotes = mine(&h)
        .iter()
        .filter(|a| a.article == article && a.kind.name() == KindName::Quote)
        .count();
    assert_eq!(new_quotes, quotes);
    // One undo step takes them all back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(ghost_marks(&h, KindName::Quote), quotes);
}
