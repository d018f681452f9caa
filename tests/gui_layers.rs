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
