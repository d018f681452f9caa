//! Claim groups in review on the real `App`: two annotators grouped the sample's claims
//! differently and gave their groups different verdicts. J walks to the group-verdict
//! disagreement, T takes the colleague's verdict into the adjudicated layer's group in one
//! step, and undo takes it out again.

mod common;

use common::claim_groups::regroup;
use common::gui::AppHarness;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use factdesk::model::{ADJUDICATED, DecisionAction};
use factdesk::review::Category;
use factdesk::ui::App;

fn press(h: &mut Harness<'_, App>, key: Key) {
    h.key_press(key);
    h.run();
}

#[test]
fn a_group_verdict_disagreement_is_walked_to_and_decided_with_a_key() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = factdesk::store::load(&common::sample_path()).unwrap();
    let claims = regroup(&mut project, "sample", "zahra", "False", "Mostly false");
    let file = dir.path().join("grouped.ron");
    factdesk::store::save(&file, &project).unwrap();
    let mut h = AppHarness::new(&dir.path().join("data"))
        .project(file)
        .annotator("lena")
        .size(1400.0, 900.0)
        .build();
    press(&mut h, Key::R);
    let total = h.state().workbench().review_progress().disagreements;
    let mut found = false;
    for _ in 0..total {
        press(&mut h, Key::J);
        let item = h.state().workbench().review_current().unwrap();
        if item.category == Category::GroupVerdictDisagreement {
            found = true;
            break;
        }
    }
    assert!(found, "J reaches the group-verdict disagreement");
    h.run_steps(2);
    let item = h.state().workbench().review_current().cloned().unwrap();
    assert_eq!(item.a.as_ref().unwrap().id, claims[0].0);
    for shown in ["Group verdicts differ", "group verdict", "Mostly false"] {
        assert!(
            h.query_all_by_label_contains(shown).count() >= 1,
            "“{shown}” is shown"
        );
    }
    let open = h.state().workbench().review_progress().open;
    let before = h.state().session().project().clone();

    // T takes zahra's verdict: the agreed claims come into the adjudicated layer, grouped,
    // with zahra's verdict, and the decision is logged.
    press(&mut h, Key::T);
    let after = h.state().session().project().clone();
    let adjudicated = after.layer(ADJUDICATED).expect("adjudicated layer");
    assert_eq!(adjudicated.claim_groups.len(), 1);
    let g = &adjudicated.claim_groups[0];
    assert_eq!(g.verdict.as_deref(), Some("Mostly false"));
    assert_eq!(g.members.len(), 2, "zahra's two claims");
    let d = after.decisions.last().unwrap();
    assert_eq!(
        (d.action, d.item.as_str()),
        (DecisionAction::AcceptedTheirs, item.key.0.as_str())
    );
    assert_eq!(d.changed, "took zahra's group verdict: Mostly false");
    assert_eq!(d.reviewer, "lena");
    assert_eq!(h.state().workbench().review_progress().open, open - 1);

    // One undo step takes the whole decision back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(*h.state().session().project(), before);
    assert_eq!(h.state().workbench().review_progress().open, open);
}

/// The sample as shipped: `zahra` rates the police's "millions" crowd group otherwise. The
/// review panel on that item, both verdicts side by side.
#[test]
fn the_samples_group_verdict_disagreement_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let file = common::sample_copy(dir.path(), "sample.ron");
    let mut h = AppHarness::new(&dir.path().join("data"))
        .project(file)
        .annotator("lena")
        .size(1280.0, 800.0)
        .theme(egui::Theme::Light)
        .for_snapshots()
        .build();
    press(&mut h, Key::R);
    let total = h.state().workbench().review_progress().disagreements;
    for _ in 0..total {
        press(&mut h, Key::J);
        let item = h.state().workbench().review_current().unwrap();
        if item.category == Category::GroupVerdictDisagreement {
            break;
        }
    }
    let item = h.state().workbench().review_current().cloned().unwrap();
    assert_eq!(item.category, Category::GroupVerdictDisagreement);
    let verdicts: Vec<(&str, &str)> = item
        .fields
        .iter()
        .filter(|f| f.name == "group verdict")
        .map(|f| (f.a.as_str(), f.b.as_str()))
        .collect();
    assert_eq!(verdicts, [("Unverifiable", "Mostly true")]);
    h.run_steps(3);
    h.snapshot("review_group_verdict");
}

#[test]
fn the_agreement_window_shows_how_the_pair_grouped_claims() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = factdesk::store::load(&common::sample_path()).unwrap();
    // sample groups three claims (three pairs), zahra two of them (one pair).
    regroup(&mut project, "sample", "zahra", "False", "False");
    let file = dir.path().join("grouped.ron");
    factdesk::store::save(&file, &project).unwrap();
    let mut h = AppHarness::new(&dir.path().join("data"))
        .project(file)
        .annotator("lena")
        .size(1400.0, 1000.0)
        .build();
    press(&mut h, Key::R);
    press(&mut h, Key::G);
    h.run_steps(2);
    h.get_by_label("sample ↔ zahra: claim groups");
    // One pair grouped by both, two only by sample: precision 1/3, recall 1, F1 0.5.
    for shown in [
        "1 / 2 / 0",
        "pairwise precision",
        "0.333",
        "pairwise F1",
        "0.500",
        "claims grouped differently",
    ] {
        assert!(
            h.query_all_by_label(shown).count() >= 1,
            "“{shown}” is shown in the agreement window"
        );
    }
}
