//! Narrow windows as a new user meets them: at 640×480 opening the panel keeps the
//! article readable (the article list folds away), and a panel widened in review is back
//! at its own width when annotating.

mod common;

use common::gui::AppHarness;
use egui::{Key, Modifiers, PointerButton, Pos2, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use factdesk::ui::App;
use std::path::Path;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/projects/soleimani-funeral.ron"
);

fn open(dir: &Path, width: f32, height: f32) -> Harness<'static, App> {
    let path = dir.join("s.ron");
    std::fs::copy(SAMPLE, &path).unwrap();
    AppHarness::new(&dir.join("data"))
        .project(path)
        .annotator("lena")
        .size(width, height)
        .build()
}

fn article_width(h: &Harness<'_, App>) -> f32 {
    h.get_by_label("Article text").rect().width()
}

#[test]
fn opening_the_panel_on_a_small_window_keeps_the_article_readable() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = open(dir.path(), 640.0, 480.0);
    h.get_by_label("Articles").click();
    h.run();
    h.get_by_label("Panel").click();
    h.run();
    h.run();
    let w = article_width(&h);
    assert!(w >= 300.0, "the article keeps {w} px of 640");
    // The other way round too.
    h.get_by_label("Articles").click();
    h.run();
    h.run();
    let w = article_width(&h);
    assert!(w >= 300.0, "the article keeps {w} px of 640");
}

fn drag(h: &mut Harness<'_, App>, from: Pos2, to: Pos2) {
    h.hover_at(from);
    h.run();
    h.event(egui::Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.run();
    for i in 1..=10 {
        let t = i as f32 / 10.0;
        h.event(egui::Event::PointerMoved(from + (to - from) * t));
        h.run();
    }
    h.event(egui::Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
}

#[test]
fn a_panel_widened_in_review_is_not_wide_when_annotating() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = open(dir.path(), 1400.0, 900.0);
    let annotating = article_width(&h);
    h.key_press(Key::R);
    h.run();
    h.run();
    let before = article_width(&h);
    // Drag the panel's edge 150 px to the left.
    let edge = h.get_by_label("Article text").rect().max.x + 8.0;
    drag(&mut h, pos2(edge, 450.0), pos2(edge - 150.0, 450.0));
    h.run();
    let widened = article_width(&h);
    assert!(
        widened < before - 100.0,
        "the review panel was widened: {before} → {widened}"
    );
    h.key_press(Key::R);
    h.run();
    h.run();
    let back = article_width(&h);
    assert!(
        (back - annotating).abs() < 2.0,
        "annotating keeps its own panel width: {annotating} → {back}"
    );
}
