//! Other annotators' layers told apart as a new user meets them: each layer keeps its
//! colour when the user's own layer appears.

mod common;

use common::gui::AppHarness;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use factdesk::app::{MarkStyle, MarkTarget};
use factdesk::ui::App;
use std::collections::BTreeMap;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/projects/soleimani-funeral.ron"
);

/// Each other layer's style in the current article, by layer name.
fn layer_styles(h: &Harness<'_, App>) -> BTreeMap<String, MarkStyle> {
    let project = h.state().session().project();
    h.state()
        .workbench()
        .marks()
        .marks
        .iter()
        .filter_map(|m| match &m.target {
            MarkTarget::Annotation(id) => {
                let (layer, _) = project.find_annotation(*id)?;
                Some((layer.annotator.clone(), m.style))
            }
            MarkTarget::Suggestion(_) => None,
        })
        .collect()
}

#[test]
fn a_layers_colour_stays_when_your_own_layer_appears() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    std::fs::copy(SAMPLE, &path).unwrap();
    let mut h = AppHarness::new(&dir.path().join("data"))
        .project(path)
        .annotator("lena")
        .build();
    let before = layer_styles(&h);
    assert!(before.contains_key("zahra") && before.contains_key("sample"));
    assert_ne!(before["zahra"], before["sample"], "two layers, two colours");
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
    assert!(h.state().session().project().layer("lena").is_some());
    let after = layer_styles(&h);
    assert_eq!(after["lena"], MarkStyle::Mine);
    for name in ["sample", "zahra"] {
        assert_eq!(after[name], before[name], "{name} keeps its colour");
    }
}

/// In the current article, two annotations of different layers over the same text.
fn same_span_pair(
    h: &Harness<'_, App>,
) -> Option<(
    factdesk::model::AnnotationId,
    factdesk::model::AnnotationId,
    usize,
)> {
    let project = h.state().session().project();
    let marks = &h.state().workbench().marks().marks;
    for (i, a) in marks.iter().enumerate() {
        for b in &marks[i + 1..] {
            if (a.start, a.end) != (b.start, b.end) {
                continue;
            }
            let (Some(x), Some(y)) = (a.annotation(), b.annotation()) else {
                continue;
            };
            let lx = &project.find_annotation(x)?.0.annotator;
            let ly = &project.find_annotation(y)?.0.annotator;
            if lx != ly {
                return Some((x, y, a.start));
            }
        }
    }
    None
}

fn two_layers_on_one_span(snapshots: bool) -> (Harness<'static, App>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    std::fs::copy(SAMPLE, &path).unwrap();
    let mut b = AppHarness::new(&dir.path().join("data"))
        .project(path)
        .annotator("lena");
    if snapshots {
        b = b
            .size(1280.0, 800.0)
            .theme(egui::Theme::Light)
            .for_snapshots();
    }
    let mut h = b.build();
    h_ready(&mut h);
    (h, dir)
}

fn h_ready(h: &mut Harness<'_, App>) {
    for _ in 0..8 {
        if same_span_pair(h).is_some() {
            break;
        }
        h.key_press(Key::N);
        h.run();
    }
    let (x, _, _) = same_span_pair(h).expect("sample and zahra mark the same text");
    // Select it with J, so the reader scrolls to it.
    for _ in 0..40 {
        if h.state().selected() == Some(x) {
            break;
        }
        h.key_press(Key::J);
        h.run();
    }
    assert_eq!(h.state().selected(), Some(x));
    // Nothing selected, so no outline hides the underlines.
    h.key_press(Key::Escape);
    h.run_steps(4);
}

#[test]
fn where_two_layers_mark_the_same_text_both_underlines_are_drawn() {
    let (h, _dir) = two_layers_on_one_span(false);
    let (x, y, start) = same_span_pair(&h).unwrap();
    let at = h.state().char_rect(start).expect("on screen");
    let drawn = h.state().underlines_drawn();
    for id in [x, y] {
        assert!(
            drawn.iter().any(|(r, a)| *a == id
                && r.x_range().contains(at.center().x)
                && (r.center().y - at.bottom()).abs() < 8.0),
            "an underline for {id:?} under the shared text: {drawn:?}"
        );
    }
}

#[test]
fn two_overlapping_layers_snapshot() {
    let (mut h, _dir) = two_layers_on_one_span(true);
    h.snapshot("two_overlapping_layers");
}
