//! Review on the real `App`, as a reviewer does it: compare the sample project with a
//! colleague's modified copy, step through the disagreements with the keyboard, decide
//! them, undo one, save, reopen — the adjudicated layer and the log hold exactly the
//! choices made.

mod common;

use common::gui::AppHarness;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use factdesk::app::Mode;
use factdesk::model::*;
use factdesk::review::{Category, CompareOptions, review_items};
use factdesk::ui::App;
use factdesk::ui::dialogs::ScriptedDialogs;
use std::path::{Path, PathBuf};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/projects/soleimani-funeral.ron"
);

/// The sample as "my" project: only the `sample` layer, which is mine.
fn mine(dir: &Path) -> PathBuf {
    let mut p = factdesk::store::load(Path::new(SAMPLE)).unwrap();
    p.layers.retain(|l| l.annotator == "sample");
    p.decisions.clear();
    let path = dir.join("mine.ron");
    factdesk::store::save(&path, &p).unwrap();
    path
}

/// A colleague's copy: their layer `bob` is mine with a different verdict, a shorter
/// quote, a missing claim and a different tag label.
fn colleague(dir: &Path) -> PathBuf {
    let mut p = factdesk::store::load(&mine(dir)).unwrap();
    let layer = p
        .layers
        .iter_mut()
        .find(|l| l.annotator == "sample")
        .unwrap();
    layer.annotator = "bob".into();
    let mut changed_verdict = false;
    let mut shortened = false;
    let mut dropped = None;
    for a in &mut layer.annotations {
        match &mut a.kind {
            AnnotationKind::Claim(c) if !changed_verdict && c.verdict.is_some() => {
                c.verdict = Some("True".into());
                changed_verdict = true;
            }
            AnnotationKind::Claim(_) if dropped.is_none() => dropped = Some(a.id),
            AnnotationKind::Quote(_) if !shortened => {
                let text = &p.articles.iter().find(|x| x.id == a.article).unwrap().text;
                a.span = Span::from_text(text, a.span.start, a.span.end - 3).unwrap();
                shortened = true;
            }
            _ => {}
        }
    }
    let dropped = dropped.unwrap();
    layer.annotations.retain(|a| a.id != dropped);
    for g in &mut layer.claim_groups {
        g.members.retain(|m| m.annotation != dropped);
    }
    layer.claim_groups.retain(|g| !g.members.is_empty());
    for a in &mut layer.annotations {
        if let AnnotationKind::Quote(q) = &mut a.kind {
            q.claims.retain(|c| *c != dropped);
        }
    }
    assert!(changed_verdict && shortened);
    let path = dir.join("bob.ron");
    factdesk::store::save(&path, &p).unwrap();
    path
}

fn harness(project: PathBuf, dialogs: &ScriptedDialogs, data: &Path) -> Harness<'static, App> {
    AppHarness::new(data)
        .project(project)
        .dialogs(dialogs)
        .annotator("sample")
        .autosave_every(3600.0)
        .build()
}

fn press(h: &mut Harness<'_, App>, key: Key) {
    h.key_press(key);
    h.run();
}

fn left(h: &Harness<'_, App>) -> usize {
    h.state().workbench().review_progress().open
}

#[test]
fn compare_step_decide_undo_save_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let mine_path = mine(dir.path());
    let bob = colleague(dir.path());
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(mine_path.clone(), &dialogs, &dir.path().join("data"));

    // File › Compare with… brings bob's layer in, read-only, and starts review.
    dialogs.push(Some(bob));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    h.run();
    assert!(h.state().session().project().layer("bob").is_some());
    h.get_by_label("OK").click();
    h.run();
    assert_eq!(h.state().workbench().mode(), Mode::Review);
    let total = h.state().workbench().review_progress().disagreements;
    assert!(total >= 3, "verdict, boundary, missing claim: {total}");
    assert_eq!(left(&h), total);
    let shown = format!("{total} of {total} disagreements left");
    assert!(
        h.get_all_by_label_contains(&shown).count() >= 1,
        "the count is shown"
    );

    // J goes to the first disagreement; A accepts mine.
    press(&mut h, Key::J);
    let first = h.state().workbench().review_current().unwrap().clone();
    press(&mut h, Key::A);
    assert_eq!(left(&h), total - 1);
    // The next one, by keyboard: T accepts theirs (when they have one), else X rejects.
    let second = h.state().workbench().review_current().unwrap().clone();
    assert_ne!(second.key, first.key, "deciding moves on");
    let second_key = if second.b.is_some() { Key::T } else { Key::X };
    press(&mut h, second_key);
    assert_eq!(left(&h), total - 2);
    let third = h.state().workbench().review_current().unwrap().clone();
    press(&mut h, Key::X);
    assert_eq!(left(&h), total - 3);
    // Undo the rejection: it is open again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(left(&h), total - 2);
    let project = h.state().session().project();
    assert!(
        !project.decisions.iter().any(|d| d.item == third.key.0),
        "the undone decision left the log"
    );
    // Accept all agreements fills the adjudicated layer in one step (Shift+A).
    let agreements = h.state().workbench().review_progress().agreements_open;
    assert!(agreements > 0);
    h.key_press_modifiers(Modifiers::SHIFT, Key::A);
    h.run();
    assert_eq!(h.state().workbench().review_progress().agreements_open, 0);
    // Running it again adds nothing and overwrites no decision.
    let before = h.state().session().project().clone();
    h.key_press_modifiers(Modifiers::SHIFT, Key::A);
    h.run();
    assert_eq!(*h.state().session().project(), before);

    // Leave and re-enter review: every decision is kept.
    press(&mut h, Key::R);
    assert_eq!(h.state().workbench().mode(), Mode::Annotate);
    press(&mut h, Key::R);
    assert_eq!(left(&h), total - 2);

    // Save, reopen: the adjudicated layer and the log hold exactly the choices made.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(
        h.state().status().starts_with("Saved"),
        "{}",
        h.state().status()
    );
    let saved = factdesk::store::load(&mine_path).unwrap();
    let adjudicated = saved.layer(ADJUDICATED).unwrap();
    // Accept mine and accept theirs add one annotation each, a rejection none.
    let second_adds = usize::from(second_key == Key::T);
    assert_eq!(adjudicated.annotations.len(), agreements + 1 + second_adds);
    let decided: Vec<&str> = saved
        .decisions
        .iter()
        .filter(|d| d.action != DecisionAction::Agreed)
        .map(|d| d.item.as_str())
        .collect();
    assert_eq!(decided, vec![first.key.0.as_str(), second.key.0.as_str()]);
    assert_eq!(saved.decisions[0].action, DecisionAction::AcceptedMine);
    assert_eq!(saved.decisions[0].reviewer, "sample");
    let expected = if second_adds == 1 {
        DecisionAction::AcceptedTheirs
    } else {
        DecisionAction::Rejected
    };
    assert_eq!(saved.decisions[1].action, expected);
    let items = review_items(&saved, "sample", "bob", CompareOptions::default()).unwrap();
    let open = items
        .iter()
        .filter(|i| i.category != Category::Agreement)
        .filter(|i| !saved.decisions.iter().any(|d| d.item == i.key.0))
        .count();
    assert_eq!(open, total - 2);

    let h2 = harness(mine_path, &dialogs, &dir.path().join("data"));
    assert_eq!(*h2.state().session().project(), saved);
}

#[test]
fn agreement_window_and_decision_log_open_from_review() {
    let dir = tempfile::tempdir().unwrap();
    let mine_path = mine(dir.path());
    let bob = colleague(dir.path());
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(mine_path, &dialogs, &dir.path().join("data"));
    dialogs.push(Some(bob));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    h.run();
    h.get_by_label("OK").click();
    h.run();
    press(&mut h, Key::J);
    press(&mut h, Key::A);
    press(&mut h, Key::G);
    let report = h.state().workbench().agreement().unwrap().as_ref().unwrap();
    assert!(report.pairs.iter().any(|p| p.a == "bob" || p.b == "bob"));
    h.get_by_label("Agreement");
    h.get_by_label("F1 strict");
    h.key_press_modifiers(Modifiers::SHIFT, Key::L);
    h.run();
    h.get_by_label("Decision log");
    h.get_by_label("accepted mine");
}

#[test]
fn review_mode_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let mine_path = mine(dir.path());
    let bob = colleague(dir.path());
    let dialogs = ScriptedDialogs::default();
    let mut h = AppHarness::new(&dir.path().join("data"))
        .project(mine_path)
        .dialogs(&dialogs)
        .annotator("sample")
        .size(1280.0, 800.0)
        .theme(egui::Theme::Light)
        .for_snapshots()
        .build();
    dialogs.push(Some(bob));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    h.run();
    h.get_by_label("OK").click();
    h.run();
    press(&mut h, Key::J);
    h.run_steps(3);
    h.snapshot("review_mode");
}
