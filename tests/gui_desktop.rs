//! Desktop essentials on the real `App`: dialogs that always work, per-layer styles and
//! visibility, any window size, and the small things that cost time every day.

mod common;

use common::gui::AppHarness;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use factdesk::app::MarkStyle;
use factdesk::model::*;
use factdesk::ui::App;
use factdesk::ui::dialogs::{FileDialogs, NoDialogs, ScriptedDialogs};
use std::path::{Path, PathBuf};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/projects/soleimani-funeral.ron"
);

fn sample(dir: &Path, name: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::copy(SAMPLE, &p).unwrap();
    p
}

fn harness(
    project: Option<PathBuf>,
    dialogs: Box<dyn FileDialogs>,
    annotator: &str,
    dir: &Path,
    size: egui::Vec2,
) -> Harness<'static, App> {
    AppHarness::new(&dir.join("data"))
        .maybe_project(project)
        .dialogs_boxed(dialogs)
        .annotator(annotator)
        .autosave_every(3600.0)
        .size(size.x, size.y)
        .at_60hz()
        .for_snapshots()
        .build()
}

fn big() -> egui::Vec2 {
    egui::vec2(1400.0, 900.0)
}

#[test]
fn without_a_dialog_backend_the_path_entry_opens_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path(), "typed.ron");
    let mut h = harness(None, Box::new(NoDialogs), "tester", dir.path(), big());
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    // The app's own path entry, not silence.
    h.get_by_label_contains("No file dialog is available");
    let field = h.get_by_label("Path");
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Path")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label("OK").click();
    h.run();
    assert_eq!(h.state().session().path(), Some(path.as_path()));
    assert_eq!(h.state().session().project().articles.len(), 6);
}

#[test]
fn each_layer_has_its_own_style_and_switch() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(
        Some(sample(dir.path(), "s.ron")),
        Box::new(ScriptedDialogs::default()),
        "tester",
        dir.path(),
        big(),
    );
    // The sample's layers are someone else's: drawn in their layer's style, owner listed.
    let marks = h.state().workbench().marks().clone();
    let annotations = |m: &factdesk::app::ArticleMarks| {
        m.marks
            .iter()
            .filter(|m| m.annotation().is_some())
            .cloned()
            .collect::<Vec<_>>()
    };
    assert!(!annotations(&marks).is_empty());
    assert!(
        annotations(&marks)
            .iter()
            .all(|m| matches!(m.style, MarkStyle::OtherLayer { .. }))
    );
    assert!(
        marks
            .rows
            .iter()
            .filter(|r| matches!(r.target, factdesk::app::MarkTarget::Annotation(_)))
            .all(|r| r.owner == "sample" || r.owner == "zahra")
    );
    // Hide just that layer from the Layers menu (the legend).
    h.get_by_label_contains("Layers (").click();
    h.run();
    h.get_by_label_contains("— sample").click();
    h.run();
    // The sample's second annotator (zahra) stays visible.
    let rows = &h.state().workbench().marks().rows;
    let owners: Vec<&str> = rows
        .iter()
        .filter(|r| matches!(r.target, factdesk::app::MarkTarget::Annotation(_)))
        .map(|r| r.owner.as_str())
        .collect();
    assert!(
        !owners.is_empty() && owners.iter().all(|o| *o == "zahra"),
        "{owners:?}"
    );
    assert!(h.state().settings().hidden_layers.contains("sample"));
    // Escape closes the menu.
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_label_contains("— sample").is_none(),
        "menu closed"
    );
}

#[test]
fn double_click_keeps_the_quote_selected_for_mark_as_speaker() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(
        Some(sample(dir.path(), "s.ron")),
        Box::new(ScriptedDialogs::default()),
        "tester",
        dir.path(),
        big(),
    );
    // A quote of my own, selected.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").type_text("was seen weeping");
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::Q);
    h.run();
    let quote = h.state().selected().unwrap();
    // Double-click the word "Monday" (outside any annotation).
    let text = h
        .state()
        .session()
        .project()
        .article(h.state().current_article().unwrap())
        .unwrap()
        .text
        .clone();
    let at = text::char_len(&text[..text.find("Monday at the funeral").unwrap()]) + 2;
    let r = h.state().char_rect(at).unwrap();
    let pos = r.center();
    h.hover_at(pos);
    h.run();
    // Two clicks in quick succession (egui tells a double click by time).
    for pressed in [true, false, true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.step();
    }
    h.run();
    assert_eq!(
        h.state().selected(),
        Some(quote),
        "the quote stays selected"
    );
    let sel = h.state().selection().unwrap();
    assert_eq!(
        &text
            .chars()
            .skip(sel.0)
            .take(sel.1 - sel.0)
            .collect::<String>(),
        "Monday"
    );
    h.get_by_label("Mark selection as speaker").click();
    h.run();
    let (_, a) = h
        .state()
        .session()
        .project()
        .find_annotation(quote)
        .unwrap();
    let AnnotationKind::Quote(q) = &a.kind else {
        panic!()
    };
    assert_eq!(q.speaker_span.as_ref().unwrap().exact, "Monday");
}

#[test]
fn undoing_back_to_the_saved_state_clears_the_unsaved_mark() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(
        Some(sample(dir.path(), "s.ron")),
        Box::new(ScriptedDialogs::default()),
        "tester",
        dir.path(),
        big(),
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").type_text("Soleimani");
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::T);
    h.run();
    assert!(h.state().session().title().starts_with("● "));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(!h.state().session().title().starts_with("● "));
    assert!(!h.state().session().is_dirty());
    // Quitting now does not ask.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    assert!(h.state().modal().is_none());
}

#[test]
fn reopening_a_project_returns_to_the_last_article() {
    let dir = tempfile::tempdir().unwrap();
    let a = sample(dir.path(), "a.ron");
    let b = sample(dir.path(), "b.ron");
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(
        Some(a.clone()),
        Box::new(dialogs.clone()),
        "tester",
        dir.path(),
        big(),
    );
    for _ in 0..3 {
        h.key_press(Key::N);
        h.run();
    }
    let third = h.state().current_article();
    let first = h.state().session().project().articles[0].id;
    assert_ne!(third, Some(first));
    // Read further down.
    let top = h.state().char_rect(0).unwrap().top();
    for _ in 0..6 {
        h.event(egui::Event::PointerMoved(egui::pos2(700.0, 450.0)));
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -200.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: Modifiers::NONE,
        });
        h.run_steps(30);
    }
    assert!(
        h.state().char_rect(0).is_none_or(|r| r.top() < top - 300.0),
        "scrolled"
    );
    dialogs.push(Some(b));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert_eq!(h.state().current_article(), Some(first));
    dialogs.push(Some(a));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(30);
    assert_eq!(h.state().current_article(), third);
    assert!(
        h.state().char_rect(0).is_none_or(|r| r.top() < top - 200.0),
        "back where the reading stopped, not at the top"
    );
}

/// At small window sizes the reading column stays readable: side panels fold first.
fn readable_at(size: egui::Vec2, snapshot: &str) {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(
        Some(sample(dir.path(), "s.ron")),
        Box::new(ScriptedDialogs::default()),
        "sample",
        dir.path(),
        size,
    );
    h.run_steps(2);
    let text = h.get_by_label("Article text");
    let width = text.rect().width();
    assert!(
        width >= size.x * 0.6,
        "article column {width} of a {} window",
        size.x
    );
    // A line holds many words, not one.
    let a = h.state().char_rect(0).unwrap();
    let b = h.state().char_rect(30).unwrap();
    assert!(
        (a.top() - b.top()).abs() < 1.0,
        "30 characters fit on one line"
    );
    h.snapshot(snapshot);
    // The side panel comes back when asked.
    h.get_by_label("Panel").click();
    h.run();
    h.get_by_label_contains("Annotations in this article");
}

#[test]
fn a_640_by_480_window_keeps_a_readable_article_column() {
    readable_at(egui::vec2(640.0, 480.0), "window_640x480");
}

#[test]
fn an_800_by_500_window_keeps_a_readable_article_column() {
    readable_at(egui::vec2(800.0, 500.0), "window_800x500");
}

#[test]
fn a_long_article_opens_laying_out_only_what_is_visible() {
    let dir = tempfile::tempdir().unwrap();
    let project = factdesk::synthetic::project(5, 1, 300_000, 2_000);
    let paragraphs = project.articles[0].text.split('\n').count();
    let path = dir.path().join("long.ron");
    factdesk::store::save(&path, &project).unwrap();
    let mut h = harness(
        Some(path),
        Box::new(ScriptedDialogs::default()),
        "tester",
        dir.path(),
        big(),
    );
    h.run_steps(2);
    let laid_out = h.state().reader_paragraphs_laid_out() as usize;
    assert!(laid_out > 0);
    assert!(
        laid_out * 20 < paragraphs,
        "{laid_out} of {paragraphs} paragraphs laid out on open"
    );
    // Jumping to the last annotation lays out its paragraph and shows it.
    let last = project.layers[0]
        .annotations
        .iter()
        .max_by_key(|a| a.span.start)
        .unwrap();
    h.key_press(Key::K);
    h.run();
    let selected = h.state().selected().unwrap();
    let (_, a) = h
        .state()
        .session()
        .project()
        .find_annotation(selected)
        .unwrap();
    assert!(a.span.start >= last.span.start.saturating_sub(1));
    let rect = h
        .state()
        .char_rect(a.span.start)
        .expect("laid out when scrolled to");
    assert!(
        rect.top() >= 0.0 && rect.bottom() <= 900.0,
        "visible: {rect:?}"
    );
}
