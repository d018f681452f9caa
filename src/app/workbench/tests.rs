//! The workbench driven by commands, as the window drives it, checked on the resulting
//! state — no window involved.

use super::*;
use crate::app::{Choice, Dialog, MarkStyle};
use crate::model::{AnnotationKind, Article, text};

const TEXT: &str = "“We will respond,” Iran’s Foreign Minister Javad Zarif said on Friday. \
Police said attendees numbered into the millions.";

fn project() -> Project {
    let mut p = Project::new("test");
    let id = p.mint_article_id();
    p.articles.push(Article::new(id, "A", TEXT.to_owned()));
    p
}

fn workbench(dir: &std::path::Path) -> Workbench {
    let path = dir.join("p.ron");
    crate::store::save(&path, &project()).unwrap();
    let settings = Settings {
        annotator: "alice".into(),
        ..Settings::default()
    };
    Workbench::new(
        settings,
        Startup {
            project: Some(path),
            data_dir: Some(dir.join("data")),
            autosave_seconds: 1e9,
        },
    )
}

fn find(wb: &mut Workbench, needle: &str) -> Range<usize> {
    wb.apply(Command::FindNext(needle.into()));
    wb.selection().expect("found")
}

fn mine(wb: &Workbench) -> Vec<crate::model::Annotation> {
    wb.project()
        .layer("alice")
        .map(|l| l.annotations.clone())
        .unwrap_or_default()
}

#[test]
fn select_create_edit_undo_redo_delete_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    assert!(wb.prompt().is_none(), "{:?}", wb.prompt());

    // Select text → create a quote.
    let quote = find(&mut wb, "We will respond,");
    wb.apply(Command::Run(Action::CreateQuote));
    let created = mine(&wb);
    assert_eq!(created.len(), 1);
    let id = created[0].id;
    assert_eq!(
        (created[0].span.start, created[0].span.end),
        (quote.start, quote.end)
    );
    assert_eq!(wb.selected_annotation(), Some(id));
    assert_eq!(wb.selection(), None, "the selection became the annotation");
    assert!(wb.session().is_dirty());

    // Set the speaker (a new entity) the way the panel does: the workbench makes the
    // entity, links it and stamps the change.
    let mut edited = created[0].clone();
    if let AnnotationKind::Quote(q) = &mut edited.kind {
        q.cue = "said".into();
    }
    wb.apply(Command::UpdateAnnotationNaming {
        annotation: edited.clone(),
        naming: crate::app::Naming {
            role: crate::app::EntityRole::Speaker,
            name: "Javad Zarif".into(),
            link: crate::app::EntityLink::New,
        },
    });
    assert_eq!(wb.project().entities.len(), 1);
    let zarif = wb.project().entities[0].clone();
    assert_eq!(zarif.name, "Javad Zarif");
    let edited = mine(&wb)[0].clone();
    assert!(
        matches!(&edited.kind, AnnotationKind::Quote(q) if q.speaker == Some(zarif.id) && q.cue == "said")
    );
    assert!(edited.modified >= created[0].modified);

    // Undo takes speaker and entity back in one step; redo restores both.
    wb.apply(Command::Run(Action::Undo));
    assert_eq!(mine(&wb)[0], created[0]);
    assert!(wb.project().entities.is_empty());
    assert_eq!(wb.status(), "Undid: Edit quote");
    wb.apply(Command::Run(Action::Redo));
    assert_eq!(mine(&wb)[0], edited);
    assert_eq!(wb.project().entities, vec![zarif]);

    // Delete, then undo the deletion.
    wb.apply(Command::Run(Action::Delete));
    assert!(mine(&wb).is_empty());
    assert_eq!(wb.selected_annotation(), None);
    wb.apply(Command::Run(Action::Undo));
    assert_eq!(mine(&wb), vec![edited]);

    // Undo everything: the project is the one on disk again, and not dirty.
    for _ in 0..3 {
        wb.apply(Command::Run(Action::Undo));
    }
    assert_eq!(*wb.project(), project_on_disk(dir.path()));
    assert!(
        !wb.session().is_dirty(),
        "undoing back to the saved state clears ●"
    );
    assert_eq!(wb.status(), "Nothing to undo");
}

fn project_on_disk(dir: &std::path::Path) -> Project {
    crate::store::load(&dir.join("p.ron")).unwrap()
}

#[test]
fn creating_without_a_selection_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    wb.apply(Command::Run(Action::CreateClaim));
    assert!(mine(&wb).is_empty());
    assert!(
        wb.status().starts_with("Select some text first"),
        "{}",
        wb.status()
    );
}

#[test]
fn marks_follow_layers_and_clicks_cycle_through_overlaps() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    let sentence = find(&mut wb, "Police said attendees numbered into the millions.");
    wb.apply(Command::Run(Action::CreateClaim));
    let outer = wb.selected_annotation().unwrap();
    wb.apply(Command::SelectText {
        start: sentence.start,
        end: sentence.start + 6,
        exact: true,
    });
    wb.apply(Command::Run(Action::CreateTag));
    let inner = wb.selected_annotation().unwrap();
    let marks = &wb.marks().marks;
    assert_eq!(marks.len(), 2);
    assert!(marks.iter().all(|m| m.style == MarkStyle::Mine));
    assert_eq!(wb.marks().rows.len(), 2);

    // Innermost first, then the enclosing one, then around again.
    wb.apply(Command::Click(None));
    wb.apply(Command::Click(Some(sentence.start + 1)));
    assert_eq!(wb.selected_annotation(), Some(inner));
    wb.apply(Command::Click(Some(sentence.start + 1)));
    assert_eq!(wb.selected_annotation(), Some(outer));
    wb.apply(Command::Click(Some(sentence.start + 1)));
    assert_eq!(wb.selected_annotation(), Some(inner));
    wb.apply(Command::Click(None));
    assert_eq!(wb.selected_annotation(), None);

    // J/K step through marks in text order (same start: the shorter first).
    wb.apply(Command::Run(Action::NextAnnotation));
    assert_eq!(wb.selected_annotation(), Some(inner));
    wb.apply(Command::Run(Action::NextAnnotation));
    assert_eq!(wb.selected_annotation(), Some(outer));
    wb.apply(Command::Run(Action::PrevAnnotation));
    assert_eq!(wb.selected_annotation(), Some(inner));

    // Another annotator sees them as another layer's marks; hidden with L.
    wb.apply(Command::SetAnnotator("bob".into()));
    assert!(matches!(
        wb.marks().marks[0].style,
        MarkStyle::OtherLayer { .. }
    ));
    assert_eq!(wb.marks().rows[0].owner, "alice");
    wb.apply(Command::Run(Action::ToggleOtherLayers));
    assert!(wb.marks().marks.is_empty());
}

#[test]
fn modes_have_their_own_keymaps() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    assert_eq!(wb.mode(), Mode::Annotate);
    // One layer: nothing to review, and the user is told how to get a second.
    wb.apply(Command::Run(Action::ToggleReview));
    assert_eq!(wb.mode(), Mode::Annotate);
    assert!(wb.status().contains("Compare with"), "{}", wb.status());
    find(&mut wb, "Friday");
    wb.apply(Command::Run(Action::CreateTag));
    wb.apply(Command::SetAnnotator("bob".into()));
    find(&mut wb, "Friday");
    wb.apply(Command::Run(Action::CreateClaim));
    wb.apply(Command::Run(Action::ToggleReview));
    assert_eq!(wb.mode(), Mode::Review);
    assert_eq!(
        wb.review_progress().disagreements,
        1,
        "a label disagreement"
    );
    let review_j = Mode::Review
        .keymap()
        .into_iter()
        .find(|b| b.shortcut.key == "J" && b.shortcut.mods == crate::app::Mods::NONE)
        .unwrap();
    assert_eq!(review_j.action, Action::NextDisagreement);
    wb.apply(Command::Run(Action::ToggleReview));
    assert_eq!(wb.mode(), Mode::Annotate);
}

#[test]
fn save_as_goes_through_a_dialog_effect_and_quit_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    find(&mut wb, "Friday");
    wb.apply(Command::Run(Action::CreateTag));
    // Quit with unsaved changes: asked, nothing quits yet.
    let effects = wb.apply(Command::Run(Action::Quit));
    assert!(effects.is_empty());
    assert_eq!(wb.prompt(), Some(&Prompt::Unsaved(Then::Quit)));
    // "Save" then quit; the project has a path, so no dialog is needed.
    let effects = wb.apply(Command::Answer(Choice::SaveThen(Then::Quit)));
    assert_eq!(effects, vec![Effect::Quit]);
    assert!(!wb.session().is_dirty());
    assert_eq!(project_on_disk(dir.path()).annotation_count(), 1);

    // Save As asks the window for a file; the answer saves there.
    let effects = wb.apply(Command::Run(Action::SaveAs));
    let [Effect::Dialog(dialog @ Dialog::SaveProject { .. })] = &effects[..] else {
        panic!("{effects:?}");
    };
    let other = dir.path().join("copy.ron");
    wb.apply(Command::Chosen {
        dialog: dialog.clone(),
        paths: vec![other.clone()],
    });
    assert_eq!(wb.session().path(), Some(other.as_path()));
    assert_eq!(crate::store::load(&other).unwrap().annotation_count(), 1);
}

#[test]
fn nudging_an_own_annotation_is_one_undoable_edit() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    let r = find(&mut wb, "Javad Zarif");
    wb.apply(Command::Run(Action::CreateSentiment));
    wb.apply(Command::Run(Action::StartLeft));
    wb.apply(Command::Run(Action::EndRight));
    let a = &mine(&wb)[0];
    assert_eq!((a.span.start, a.span.end), (r.start - 1, r.end + 1));
    assert_eq!(
        a.span.exact,
        text::TextIndex::new(TEXT)
            .slice(TEXT, r.start - 1, r.end + 1)
            .unwrap()
    );
    assert_eq!(wb.session().undo_label(), Some("Adjust span"));
    wb.apply(Command::Run(Action::SnapToWords));
    let a = &mine(&wb)[0];
    assert_eq!(a.span.exact, "Javad Zarif");
    // The burst of nudges ended where it began: no step is left named after it, and
    // undo takes back the sentiment itself.
    assert_eq!(wb.session().undo_label(), Some("Create sentiment"));
    wb.apply(Command::Run(Action::Undo));
    assert!(mine(&wb).is_empty());
}

#[test]
fn a_failed_edit_is_reported_not_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    find(&mut wb, "Friday");
    wb.apply(Command::Run(Action::CreateTag));
    let mut gone = mine(&wb)[0].clone();
    wb.apply(Command::Run(Action::Delete));
    gone.note = "edited after deletion".into();
    wb.apply(Command::UpdateAnnotation(gone));
    assert!(
        matches!(wb.prompt(), Some(Prompt::Error { title, .. }) if title.contains("failed")),
        "{:?}",
        wb.prompt()
    );
}

#[test]
fn importing_annotations_asks_for_the_layer() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    let file = dir.path().join("a.jsonl");
    std::fs::write(
        &file,
        format!(
            "{}\n",
            serde_json::json!({"text": TEXT, "label": [[0, 5, "quote"]]})
        ),
    )
    .unwrap();
    wb.apply(Command::Chosen {
        dialog: Dialog::ImportAnnotations,
        paths: vec![file.clone()],
    });
    assert_eq!(wb.prompt(), Some(&Prompt::ImportLayer { file }));
    wb.apply(Command::Answer(Choice::ImportInto("carol".into())));
    assert_eq!(wb.project().layer("carol").unwrap().annotations.len(), 1);
    assert!(
        matches!(wb.prompt(), Some(Prompt::Notice { .. })),
        "success is no error"
    );
    wb.apply(Command::Run(Action::Undo));
    assert!(
        wb.project().layer("carol").is_none(),
        "undo removes the new layer too"
    );
}

#[test]
fn a_layer_role_from_compare_survives_in_the_window_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    // A colleague's copy with a layer that is their adjudicated result, still empty.
    let mut theirs = wb.project().clone();
    theirs.layers.push(crate::model::Layer::new(
        "final",
        crate::model::LayerRole::Adjudicated,
    ));
    theirs.annotators.push("final".into());
    let file = dir.path().join("theirs.ron");
    crate::store::save(&file, &theirs).unwrap();
    wb.apply(Command::Chosen {
        dialog: Dialog::CompareWith,
        paths: vec![file],
    });
    let layer = wb.project().layer("final").expect("their layer came in");
    assert_eq!(layer.role, crate::model::LayerRole::Adjudicated);
    wb.apply(Command::Run(Action::Undo));
    assert!(wb.project().layer("final").is_none());
    wb.apply(Command::Run(Action::Redo));
    assert_eq!(
        wb.project().layer("final").map(|l| l.role),
        Some(crate::model::LayerRole::Adjudicated)
    );
}

#[test]
fn a_failing_accept_in_accept_all_is_reported_and_nothing_is_added() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = workbench(dir.path());
    wb.apply(Command::Tick { now: 100.0 });
    let results = wb.suggest.results.clone().expect("suggestions computed");
    assert!(
        !results.quotes.is_empty(),
        "the sample sentence has a quote"
    );
    // The text changed under a stale suggestion: its span no longer fits the article.
    let mut stale = (*results).clone();
    let mut broken = stale.quotes[0].clone();
    broken.start = 5;
    broken.end = TEXT.chars().count() + 40;
    broken.text = "gone".into();
    stale.quotes.push(broken);
    wb.suggest.results = Some(std::sync::Arc::new(stale));
    wb.suggest.serial += 1;
    let before = wb.project().clone();
    wb.apply(Command::AcceptAllSuggestions(
        crate::assist::SuggestionKind::Quote,
    ));
    assert!(
        matches!(wb.prompt(), Some(Prompt::Error { title, message }) if title.contains("accept") && message.contains("nothing was accepted")),
        "{:?}",
        wb.prompt()
    );
    assert_eq!(wb.project(), &before, "all or nothing");
}
