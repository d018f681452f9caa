//! Review of the sample project as a new user meets it: R compares the two annotators
//! (`sample` and `zahra`), J walks from the first disagreement to the last, and at every
//! step both versions and the fields that differ are on screen — wide and narrow.

mod common;

use common::gui::AppHarness;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use factdesk::ui::App;
use std::path::{Path, PathBuf};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/projects/soleimani-funeral.ron"
);

fn sample_copy(dir: &Path) -> PathBuf {
    let p = dir.join("sample.ron");
    std::fs::copy(SAMPLE, &p).unwrap();
    p
}

fn open(dir: &Path, width: f32, height: f32) -> Harness<'static, App> {
    AppHarness::new(&dir.join("data"))
        .project(sample_copy(dir))
        .annotator("lena")
        .size(width, height)
        .build()
}

fn press(h: &mut Harness<'_, App>, key: Key) {
    h.key_press(key);
    h.run();
}

/// What the reviewer must see for the current item: the category, both versions (their
/// layer names and the marked text), and each field that differs with both values — every
/// one inside the window, right of the reading column's start.
fn assert_item_visible(h: &Harness<'_, App>, width: f32, height: f32, step: &str) {
    let item = h
        .state()
        .workbench()
        .review_current()
        .cloned()
        .unwrap_or_else(|| panic!("{step}: no current item"));
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(width, height));
    // The item's part of the panel ends where the rest (options, lists) begins: what is
    // below that line is scrolled out of sight.
    let item_end = h
        .get_by_label_contains("Count free-text differences")
        .rect()
        .min
        .y;
    let visible = |text: &str| {
        let nodes: Vec<_> = h.query_all_by_label_contains(text).collect();
        assert!(!nodes.is_empty(), "{step}: “{text}” is not shown");
        assert!(
            nodes.iter().any(|n| {
                let r = n.rect();
                // In the window, in the item's part of the panel, right of the text's start.
                window.contains_rect(r.shrink(0.5))
                    && r.max.y <= item_end + 1.0
                    && r.min.x > width * 0.3
            }),
            "{step}: “{text}” is outside the window or over the text: {:?}",
            nodes.iter().map(|n| n.rect()).collect::<Vec<_>>()
        );
    };
    visible(&format!("A · {}", item.layer_a));
    visible(&format!("B · {}", item.layer_b));
    for side in [&item.a, &item.b].into_iter().flatten() {
        let excerpt: String = side.span.exact.chars().take(20).collect();
        visible(excerpt.trim());
        visible(&format!("{}–{}", side.span.start, side.span.end));
    }
    for f in item.fields.iter().filter(|f| f.counted) {
        visible(f.name);
        visible(&f.a);
        visible(&f.b);
    }
}

/// Walk every disagreement with J and decide each with A, T or X in turn.
fn walk(width: f32, height: f32) {
    let dir = tempfile::tempdir().unwrap();
    let mut h = open(dir.path(), width, height);
    press(&mut h, Key::R);
    let setup = h.state().workbench().review_setup().cloned().unwrap();
    assert_eq!(
        (setup.mine.as_str(), setup.theirs.as_str()),
        ("sample", "zahra")
    );
    let total = h.state().workbench().review_progress().disagreements;
    assert!(total >= 4, "{total}");
    press(&mut h, Key::J);
    let mut saw_age = false;
    let mut saw_group = false;
    for step in 0..total {
        h.run_steps(2);
        let label = format!("{width}×{height} step {step}");
        assert_item_visible(&h, width, height, &label);
        let item = h.state().workbench().review_current().cloned().unwrap();
        saw_age |= item
            .a
            .as_ref()
            .is_some_and(|a| a.span.exact.contains("Soleimani, 66"));
        saw_group |= item.category == factdesk::review::Category::GroupVerdictDisagreement;
        let key = match step % 3 {
            0 if item.a.is_some() => Key::A,
            1 if item.b.is_some() => Key::T,
            _ => Key::X,
        };
        press(&mut h, key);
        assert_eq!(
            h.state().workbench().review_progress().open,
            total - step - 1,
            "{label}: decided"
        );
    }
    assert!(saw_age, "the walk passed the 62-versus-66 age claim");
    assert!(saw_group, "the walk passed the crowd group's verdicts");
}

#[test]
fn every_disagreement_shows_both_versions_wide() {
    walk(1400.0, 900.0);
}

#[test]
fn every_disagreement_shows_both_versions_narrow() {
    walk(800.0, 500.0);
}

/// Review mode on the sample's main disagreement: the 62-versus-66 age claim, whose
/// verdicts differ.
#[test]
fn review_on_the_age_claim_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = AppHarness::new(&dir.path().join("data"))
        .project(sample_copy(dir.path()))
        .annotator("lena")
        .size(1280.0, 800.0)
        .theme(egui::Theme::Light)
        .for_snapshots()
        .build();
    press(&mut h, Key::R);
    for _ in 0..10 {
        press(&mut h, Key::J);
        let item = h.state().workbench().review_current().unwrap();
        if item
            .a
            .as_ref()
            .is_some_and(|a| a.span.exact.contains("Soleimani, 66"))
        {
            break;
        }
    }
    let item = h.state().workbench().review_current().unwrap();
    assert!(item.fields.iter().any(|f| f.name == "verdict"));
    h.run_steps(3);
    h.snapshot("review_age_claim");
}

/// On a boundary disagreement both versions are outlined, each its own way: a character
/// one version marks and the other does not lies inside one outline only.
#[test]
fn both_versions_are_outlined_and_a_boundary_difference_shows() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = open(dir.path(), 1400.0, 900.0);
    press(&mut h, Key::R);
    for _ in 0..10 {
        let item = h.state().workbench().review_current().unwrap();
        if item.category == factdesk::review::Category::BoundaryDisagreement {
            break;
        }
        press(&mut h, Key::J);
    }
    h.run_steps(4);
    let item = h.state().workbench().review_current().cloned().unwrap();
    let (a, b) = (item.a.clone().unwrap(), item.b.clone().unwrap());
    assert_ne!((a.span.start, a.span.end), (b.span.start, b.span.end));
    let app = h.state();
    let covers = |rects: &[egui::Rect], c: usize| {
        let r = app.char_rect(c).expect("on screen");
        rects.iter().any(|o| o.contains(r.center()))
    };
    let (first, second) = (app.outline_drawn(), app.other_outline_drawn());
    assert!(!first.is_empty() && !second.is_empty(), "two outlines");
    let (outlined, other) = if covers(first, a.span.start) && covers(first, a.span.end - 1) {
        (&a, &b)
    } else {
        (&b, &a)
    };
    for c in [other.span.start, other.span.end - 1] {
        assert!(covers(second, c), "the other version's outline covers {c}");
    }
    let only: Vec<usize> = (outlined.span.start.min(other.span.start)
        ..outlined.span.end.max(other.span.end))
        .filter(|c| {
            let in_one = (outlined.span.start..outlined.span.end).contains(c);
            let in_other = (other.span.start..other.span.end).contains(c);
            in_one != in_other
        })
        .collect();
    let c = *only.last().unwrap();
    let in_first = covers(first, c);
    let in_second = covers(second, c);
    assert!(
        in_first != in_second,
        "character {c} is inside one outline only"
    );
}
