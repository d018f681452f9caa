//! The claims board on the real `App`, by keyboard: group two claims from different
//! outlets, give the group one verdict, see it hold for both claims, undo; a snapshot.

mod common;

use common::gui::AppHarness;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use factdesk::model::*;
use factdesk::ui::App;
use std::path::{Path, PathBuf};

const GAZETTE: &str = "Officials said unemployment fell to 4% in March. Markets rose.";
const HERALD: &str = "Markets rose. Unemployment fell to 4% in March, officials said. \
                      The port reopened on Monday.";

fn claim(id: u64, article: u64, text: &str, phrase: &str) -> Annotation {
    let start = text[..text.find(phrase).unwrap()].chars().count();
    Annotation::new(
        AnnotationId(id),
        ArticleId(article),
        Span::from_text(text, start, start + phrase.chars().count()).unwrap(),
        AnnotationKind::Claim(Claim::default()),
        Provenance::Manual,
        chrono::Utc::now(),
    )
}

/// Two outlets repeating one claim (1 and 2) and a claim of its own (3).
fn project(dir: &Path) -> PathBuf {
    let mut p = Project::new("claims");
    let mut a = Article::new(ArticleId(1), "Jobs figures out", GAZETTE.into());
    a.outlet = Some("Gazette".into());
    let mut b = Article::new(ArticleId(2), "Week in review", HERALD.into());
    b.outlet = Some("Herald".into());
    p.articles = vec![a, b];
    let layer = p.layer_mut("tester");
    layer.insert(claim(1, 1, GAZETTE, "unemployment fell to 4% in March"));
    layer.insert(claim(2, 2, HERALD, "Unemployment fell to 4% in March"));
    layer.insert(claim(3, 2, HERALD, "The port reopened on Monday"));
    let path = dir.join("claims.ron");
    factdesk::store::save(&path, &p).unwrap();
    path
}

fn press(h: &mut Harness<'_, App>, key: Key) {
    h.key_press(key);
    h.run();
}

fn verdicts(h: &Harness<'_, App>) -> [Option<String>; 3] {
    let layer = h
        .state()
        .workbench()
        .project()
        .layer("tester")
        .unwrap()
        .clone();
    [1, 2, 3].map(|id| {
        let a = layer.get(AnnotationId(id)).unwrap();
        layer.effective_verdict(a).map(str::to_owned)
    })
}

fn harness(dir: &Path, snapshots: bool) -> Harness<'static, App> {
    let mut b = AppHarness::new(&dir.join("data"))
        .project(project(dir))
        .annotator("tester")
        .autosave_every(3600.0)
        .size(1280.0, 800.0);
    if snapshots {
        b = b.theme(egui::Theme::Light).for_snapshots();
    }
    let mut h = b.build();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
    h.run();
    assert!(
        h.state().workbench().claims_board().open,
        "Ctrl+Shift+C opens the board"
    );
    h
}

/// Tick the first two rows (the two outlets' claims) and group them with Alt+G.
fn group_first_two(h: &mut Harness<'_, App>) {
    press(h, Key::Space);
    press(h, Key::ArrowDown);
    press(h, Key::Space);
    h.key_press_modifiers(Modifiers::ALT, Key::G);
    h.run();
}

#[test]
fn one_verdict_for_a_claim_two_outlets_repeat_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), false);
    group_first_two(&mut h);
    let layer = h.state().workbench().project().layer("tester").unwrap();
    assert_eq!(layer.claim_groups.len(), 1);
    let g = &layer.claim_groups[0];
    let members: Vec<u64> = g.members.iter().map(|m| m.annotation.0).collect();
    assert_eq!(members, [1, 2]);
    assert_eq!(g.statement, "unemployment fell to 4% in March");
    h.get_by_label("2 outlets");
    h.get_by_label("Gazette — Jobs figures out");
    // The Herald's appearance in the group, and its claim of its own below.
    assert_eq!(h.get_all_by_label("Herald — Week in review").count(), 2);

    // The group is the first row (most outlets); the cursor goes there and `2` gives it
    // the scale's second verdict.
    press(&mut h, Key::ArrowUp);
    let second = h.state().workbench().project().schema.verdicts[1]
        .label
        .clone();
    press(&mut h, Key::Num2);
    assert_eq!(
        verdicts(&h),
        [Some(second.clone()), Some(second.clone()), None]
    );
    h.get_by_label("verdict given");

    // The Herald's claim, opened from its link, shows the group's verdict.
    h.get_all_by_label("Herald — Week in review")
        .next()
        .unwrap()
        .click();
    h.run();
    assert_eq!(
        h.state().workbench().selected_annotation(),
        Some(AnnotationId(2))
    );
    h.get_by_label(&format!("Effective verdict: {second} (the group's)"));

    // Undo takes back the verdict, then the grouping: one step each.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(verdicts(&h), [None, None, None]);
    let layer = h.state().workbench().project().layer("tester").unwrap();
    assert_eq!(layer.claim_groups.len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let layer = h.state().workbench().project().layer("tester").unwrap();
    assert!(layer.claim_groups.is_empty());
    assert!(h.state().workbench().project().problems().is_empty());
}

#[test]
fn claims_board_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), true);
    group_first_two(&mut h);
    press(&mut h, Key::ArrowUp);
    press(&mut h, Key::Num2);
    h.run_steps(3);
    h.snapshot("claims_board");
}
