//! Working as a team in the real window: assign articles from the article list's dialog,
//! filter to mine, blind mode hides a colleague's layer until the article is marked done,
//! and progress per annotator is shown.

mod common;

use common::gui::AppHarness;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use factdesk::app::{ArticleMarks, MarkStyle};

/// Marks of other annotators' layers in the current article.
fn colleague_marks(marks: &ArticleMarks) -> usize {
    marks
        .marks
        .iter()
        .filter(|m| m.annotation().is_some() && matches!(m.style, MarkStyle::OtherLayer { .. }))
        .count()
}

#[test]
fn assign_filter_blind_mode_and_progress() {
    let dir = tempfile::tempdir().unwrap();
    let project = common::sample_copy(dir.path(), "team.ron");
    let mut h = AppHarness::new(&dir.path().join("data"))
        .project(&project)
        .annotator("sample")
        .build();
    let total = h.state().workbench().project().articles.len();
    assert!(
        colleague_marks(h.state().workbench().marks()) > 0,
        "zahra's layer is visible before blind mode"
    );

    // Open the dialog from the article list: each article to one of the two, balanced,
    // in blind mode.
    h.get_by_label("Assign articles…").click();
    h.run();
    h.get_by_label("Annotators (comma-separated)").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Annotators (comma-separated)")
        .type_text("sample, zahra");
    h.run();
    h.get_by_label("Each article to").click();
    h.run();
    h.get_by_label("Each article to").type_text("1");
    h.run();
    h.get_by_label_contains("Blind mode: nobody sees").click();
    h.run();
    h.get_by_label("Assign").click();
    h.run();
    let wb = h.state().workbench();
    let a = &wb.project().assignments;
    assert!(a.blind);
    let mine: Vec<_> = a.assigned_to("sample").collect();
    let theirs = a.assigned_to("zahra").count();
    assert_eq!(mine.len() + theirs, total, "each article to one of the two");
    assert!(
        mine.len().abs_diff(theirs) <= 1,
        "balanced: {} and {theirs}",
        mine.len()
    );
    h.get_by_label_contains(&format!("Done: sample 0/{} · zahra 0/{theirs}", mine.len()));

    // Blind: zahra's layer is hidden on the current article until I mark it done.
    assert_eq!(colleague_marks(h.state().workbench().marks()), 0);
    h.key_press(Key::D);
    h.run();
    assert!(colleague_marks(h.state().workbench().marks()) > 0);
    let first = h.state().workbench().project().articles[0].id;
    assert!(
        h.state()
            .workbench()
            .project()
            .assignments
            .is_done(first, "sample")
    );
    // The done mark is one undoable step: undo, and the layer is hidden again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(colleague_marks(h.state().workbench().marks()), 0);

    // "Assigned to me" lists exactly my articles.
    h.get_by_label("Assigned to me").click();
    h.run();
    let mut visible = h.state().workbench().articles().visible().to_vec();
    let mut expected = mine.clone();
    visible.sort();
    expected.sort();
    assert_eq!(visible, expected);

    // Saved, the assignments are in the file.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let saved = factdesk::store::load(&project).unwrap();
    assert!(saved.assignments.blind);
    assert_eq!(saved.assignments.assigned_to("sample").count(), mine.len());
}
