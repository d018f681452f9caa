//! Another annotator's annotation is shown as what it says, with no field that looks
//! editable; copying it to one's own layer gives the editable fields back.

mod common;

use common::gui::AppHarness;
use egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};
use factdesk::model::*;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/projects/soleimani-funeral.ron"
);

#[test]
fn another_layers_claim_shows_its_values_and_no_fields() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("s.ron");
    std::fs::copy(SAMPLE, &project).unwrap();
    let mut h = AppHarness::new(&dir.path().join("data"))
        .project(project)
        .annotator("tester")
        .autosave_every(3600.0)
        .size(1400.0, 900.0)
        .build();
    let (article, claim) = {
        let p = h.state().session().project();
        let claim = p
            .layer("zahra")
            .unwrap()
            .annotations
            .iter()
            .find(|a| matches!(&a.kind, AnnotationKind::Claim(c) if c.verdict.is_some()))
            .expect("zahra judged a claim")
            .clone();
        (claim.article, claim)
    };
    while h.state().current_article() != Some(article) {
        h.key_press(Key::N);
        h.run();
    }
    let row = format!(
        "[zahra] {}",
        claim.span.exact.chars().take(20).collect::<String>()
    );
    h.get_by_label_contains(&row).click();
    h.run();
    assert_eq!(
        h.state().workbench().selected_annotation(),
        Some(claim.id),
        "the list row selects zahra's claim"
    );
    h.get_by_label_contains("(read-only)");
    let AnnotationKind::Claim(c) = &claim.kind else {
        unreachable!()
    };
    // The verdict and rationale are shown as text …
    h.get_by_label(c.verdict.as_deref().unwrap());
    h.get_by_label_contains(&c.rationale.chars().take(20).collect::<String>());
    // … and nothing offers to be typed into or picked.
    for field in [
        "Rationale",
        "Note",
        "Verdict",
        "Add evidence",
        "Delete annotation",
    ] {
        let editable = h
            .query_all_by_label(field)
            .any(|n| !matches!(n.accesskit_node().role(), egui::accesskit::Role::Label));
        assert!(!editable, "{field} looks editable on a read-only claim");
    }
    // Copy to my layer: the copy is mine, and its fields are editable again.
    h.get_by_label("Copy to my layer").click();
    h.run();
    h.get_by_label("Add evidence");
}
