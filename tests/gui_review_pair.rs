//! Which pair review starts on, as a new user meets it: after annotating something of
//! their own, R still compares the project's two annotators; the same layer on both sides
//! is refused where it is chosen; the agreement window charts the pair picked in its table.

mod common;

use common::gui::AppHarness;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use factdesk::app::Mode;
use factdesk::ui::App;
use std::path::Path;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/projects/soleimani-funeral.ron"
);

fn press(h: &mut Harness<'_, App>, key: Key) {
    h.key_press(key);
    h.run();
}

/// The sample opened by `lena`, who has marked one claim of her own.
fn lena_after_one_claim(dir: &Path) -> Harness<'static, App> {
    let path = dir.join("sample.ron");
    std::fs::copy(SAMPLE, &path).unwrap();
    let mut h = AppHarness::new(&dir.join("data"))
        .project(path)
        .annotator("lena")
        .build();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").focus();
    h.run();
    h.get_by_label("Find").type_text("Khamenei");
    h.run();
    press(&mut h, Key::Enter);
    press(&mut h, Key::C);
    let mine = h.state().session().project().layer("lena").unwrap();
    assert_eq!(mine.annotations.len(), 1, "lena marked a claim");
    h
}

#[test]
fn review_starts_on_the_projects_two_annotators() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = lena_after_one_claim(dir.path());
    press(&mut h, Key::R);
    assert_eq!(h.state().workbench().mode(), Mode::Review);
    let setup = h.state().workbench().review_setup().cloned().unwrap();
    assert_eq!(
        (setup.mine.as_str(), setup.theirs.as_str()),
        ("sample", "zahra"),
        "not lena's one claim against sample"
    );
    assert!(
        // The age verdict, the quote's end, the missed quote, the speaker; the crowd
        // group's three claims grouped differently and its verdict.
        h.query_all_by_label_contains("8 of 8 disagreements left")
            .next()
            .is_some()
    );
}

#[test]
fn the_same_layer_on_both_sides_cannot_be_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = lena_after_one_claim(dir.path());
    press(&mut h, Key::R);
    // Open the "Theirs (B)" list: A's layer is there, marked and not choosable.
    h.get_by_label("Theirs (B)").click();
    h.run();
    let taken = h.get_by_label("sample (already A)");
    assert!(
        taken.accesskit_node().is_disabled(),
        "A's layer is refused in B's list"
    );
    taken.click();
    h.run();
    let setup = h.state().workbench().review_setup().cloned().unwrap();
    assert_eq!(setup.theirs, "zahra");
    // Another layer can be chosen.
    h.get_by_label("Theirs (B)").click();
    h.run();
    h.get_by_label("lena").click();
    h.run();
    let setup = h.state().workbench().review_setup().cloned().unwrap();
    assert_eq!(
        (setup.mine.as_str(), setup.theirs.as_str()),
        ("sample", "lena")
    );
}

#[test]
fn the_agreement_chart_follows_the_row_picked() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = lena_after_one_claim(dir.path());
    press(&mut h, Key::R);
    press(&mut h, Key::G);
    // The reviewed pair is charted first, and only one chart is shown.
    h.get_by_label("sample ↔ zahra: span F1 per label");
    assert_eq!(
        h.query_all_by_label_contains("span F1 per label").count(),
        1
    );
    // A click on another row of the table charts that pair instead.
    let rows: Vec<String> = h
        .query_all_by_label_contains("↔")
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    let other = rows
        .iter()
        .find(|l| l.contains("lena") && !l.contains("span F1"))
        .unwrap_or_else(|| panic!("a row with lena in {rows:?}"))
        .clone();
    h.get_by_label(&other).click();
    h.run();
    h.get_by_label(&format!("{other}: span F1 per label"));
    assert!(
        h.query_by_label("sample ↔ zahra: span F1 per label")
            .is_none()
    );
}
