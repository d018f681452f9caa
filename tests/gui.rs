//! The real `App`, driven through egui_kittest as a user drives it: keys, clicks, drags,
//! typed text, files on disk.

mod common;

use common::gui::AppHarness;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use factdesk::model::*;
use factdesk::ui::App;
use factdesk::ui::dialogs::ScriptedDialogs;
use factdesk::ui::modals::ModalKind;
use std::path::{Path, PathBuf};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/projects/soleimani-funeral.ron"
);

struct Setup {
    dir: tempfile::TempDir,
    dialogs: ScriptedDialogs,
}

impl Setup {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
            dialogs: ScriptedDialogs::default(),
        }
    }

    /// A copy of the sample project in the temp folder.
    fn sample(&self) -> PathBuf {
        let p = self.dir.path().join("sample.ron");
        std::fs::copy(SAMPLE, &p).unwrap();
        p
    }

    fn harness(&self, project: Option<PathBuf>, annotator: Option<&str>) -> Harness<'static, App> {
        self.harness_autosaving(project, annotator, 3600.0)
    }

    fn harness_autosaving(
        &self,
        project: Option<PathBuf>,
        annotator: Option<&str>,
        autosave_seconds: f64,
    ) -> Harness<'static, App> {
        AppHarness::new(&self.dir.path().join("data"))
            .maybe_project(project)
            .maybe_annotator(annotator)
            .dialogs(&self.dialogs)
            .autosave_every(autosave_seconds)
            .build()
    }
}

fn ctrl(h: &Harness<'_, App>, key: Key) {
    h.key_press_modifiers(Modifiers::COMMAND, key);
}

/// Select text in the current article with Ctrl+F, as a keyboard user would.
fn find(h: &mut Harness<'_, App>, text: &str) {
    ctrl(h, Key::F);
    h.run();
    type_into(h, "Find", text);
    h.key_press(Key::Enter);
    h.run();
}

fn select_article(h: &mut Harness<'_, App>, title_start: &str) {
    let id = h
        .state()
        .session()
        .project()
        .articles
        .iter()
        .find(|a| a.title.starts_with(title_start))
        .unwrap()
        .id;
    while h.state().current_article() != Some(id) {
        h.key_press(Key::N);
        h.run();
    }
}

/// Focus a labelled text field and type into it.
fn type_into(h: &mut Harness<'_, App>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

fn click_at(h: &mut Harness<'_, App>, pos: egui::Pos2) {
    h.hover_at(pos);
    h.run();
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
}

fn mine(h: &Harness<'_, App>) -> Vec<Annotation> {
    h.state()
        .session()
        .project()
        .layer("tester")
        .map(|l| l.annotations.clone())
        .unwrap_or_default()
}

#[test]
fn opens_the_sample_project() {
    let s = Setup::new();
    let h = s.harness(Some(s.sample()), Some("tester"));
    let app = h.state();
    assert_eq!(app.session().project().articles.len(), 6);
    assert!(app.modal().is_none(), "{:?}", app.modal());
    assert!(
        !h.get_all_by_label_contains("Video Shows Supreme Leader of Iran Weeping")
            .collect::<Vec<_>>()
            .is_empty()
    );
    let count = app.session().project().annotation_count();
    h.get_by_label_contains(&format!("6 articles · {count} annotations"));
    h.get_by_label("Article text");
}

#[test]
fn create_each_kind_from_the_keyboard() {
    let s = Setup::new();
    let mut h = s.harness(Some(s.sample()), Some("tester"));
    select_article(&mut h, "An emotional Khamenei");
    for (needle, key, kind) in [
        ("Khamenei’s voice cracked", Key::Q, KindName::Quote),
        (
            "Police said attendees numbered into the millions.",
            Key::C,
            KindName::Claim,
        ),
        ("a lionized figure", Key::S, KindName::Sentiment),
        ("Associated Press writer Amir Vahdat", Key::T, KindName::Tag),
    ] {
        find(&mut h, needle);
        let (s0, e0) = h
            .state()
            .selection()
            .unwrap_or_else(|| panic!("find selects {needle:?}: {}", h.state().status()));
        assert_eq!(e0 - s0, needle.chars().count());
        h.key_press(key);
        h.run();
        let created = mine(&h)
            .into_iter()
            .find(|a| a.span.exact == needle)
            .expect("created");
        assert_eq!(created.kind.name(), kind);
        assert_eq!(
            h.state().selected(),
            Some(created.id),
            "the new annotation is selected"
        );
        assert!(h.state().session().is_dirty());
    }
    assert_eq!(mine(&h).len(), 4);
    // The window title carries the unsaved mark.
    assert!(h.state().session().title().starts_with("● "));
}

#[test]
fn mouse_selection_survives_the_button_click() {
    let s = Setup::new();
    let mut h = s.harness(Some(s.sample()), Some("tester"));
    select_article(&mut h, "An emotional Khamenei");
    let text = h
        .state()
        .session()
        .project()
        .article(h.state().current_article().unwrap())
        .unwrap()
        .text
        .clone();
    let start = text
        .chars()
        .collect::<String>()
        .find("DUBAI")
        .map(|b| text[..b].chars().count())
        .unwrap();
    let end = start + "DUBAI, United Arab Emirates".chars().count();
    let a = h.state().char_rect(start).unwrap();
    let b = h.state().char_rect(end - 1).unwrap();
    h.drag_at(a.left_center() + egui::vec2(1.0, 0.0));
    h.run();
    h.hover_at(a.center() + egui::vec2(30.0, 0.0));
    h.run();
    h.hover_at(b.right_center() - egui::vec2(1.0, 0.0));
    h.run();
    h.drop_at(b.right_center() - egui::vec2(1.0, 0.0));
    h.run();
    assert_eq!(h.state().selection(), Some((start, end)));
    h.get_by_label("Claim (C)").click();
    h.run();
    let claim = mine(&h).pop().expect("claim created by the button");
    assert_eq!(claim.span.exact, "DUBAI, United Arab Emirates");
    assert_eq!(claim.kind.name(), KindName::Claim);
}

#[test]
fn fill_fields_then_undo_and_redo() {
    let s = Setup::new();
    let mut h = s.harness(Some(s.sample()), Some("tester"));
    select_article(&mut h, "An emotional Khamenei");
    find(&mut h, "Police said attendees numbered into the millions.");
    h.key_press(Key::C);
    h.run();

    h.get_by_label("Verdict").click();
    h.run();
    h.get_by_label("Mostly false").click();
    h.run();
    type_into(&mut h, "Rationale", "Only the police gave this figure.");
    h.get_by_label("Add evidence").click();
    h.run();
    type_into(&mut h, "URL", "https://example.org/crowd");
    h.get_by_label("Refutes").click();
    h.run();

    let claim = mine(&h).pop().unwrap();
    let AnnotationKind::Claim(c) = &claim.kind else {
        panic!("not a claim")
    };
    assert_eq!(c.verdict.as_deref(), Some("Mostly false"));
    assert_eq!(c.rationale, "Only the police gave this figure.");
    assert_eq!(c.evidence.len(), 1);
    assert_eq!(c.evidence[0].url, "https://example.org/crowd");
    assert_eq!(c.evidence[0].stance, EvidenceStance::Refutes);

    // Undo back to before the claim existed, one step at a time.
    for _ in 0..10 {
        if mine(&h).is_empty() {
            break;
        }
        // Click the reader's title area so no text field has focus, then Ctrl+Z.
        ctrl(&h, Key::Z);
        h.run();
    }
    assert!(mine(&h).is_empty(), "undo removes the claim");
    for _ in 0..10 {
        ctrl(&h, Key::Y);
        h.run();
    }
    let redone = mine(&h).pop().expect("redo brings it back");
    assert_eq!(redone, claim);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert!(
        h.state().status().contains("Nothing to redo"),
        "{}",
        h.state().status()
    );
}

#[test]
fn save_and_reopen_gives_the_same_annotations() {
    let s = Setup::new();
    let path = s.sample();
    let mut h = s.harness(Some(path.clone()), Some("tester"));
    select_article(&mut h, "50 mourners");
    find(&mut h, "Mike Pompeo defended the killing");
    h.key_press(Key::Q);
    h.run();
    type_into(&mut h, "Cue", "defended");
    ctrl(&h, Key::S);
    h.run();
    assert!(!h.state().session().is_dirty());
    assert!(h.state().status().starts_with("Saved"));
    assert!(factdesk::store::backup_path(&path).exists());
    let saved = h.state().session().project().clone();

    let h2 = s.harness(Some(path.clone()), Some("tester"));
    let mut expected = saved;
    expected.sort();
    assert_eq!(*h2.state().session().project(), expected);
    let q = mine(&h2).pop().unwrap();
    assert_eq!(q.span.exact, "Mike Pompeo defended the killing");
    assert!(matches!(&q.kind, AnnotationKind::Quote(q) if q.cue == "defended"));
}

#[test]
fn save_as_uses_the_dialog_and_a_new_project_starts_clean() {
    let s = Setup::new();
    let mut h = s.harness(None, Some("tester"));
    assert!(h.state().session().project().articles.is_empty());
    s.dialogs.push_many(Some(vec![
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seeds"),
    ]));
    ctrl(&h, Key::I);
    h.run();
    assert_eq!(h.state().session().project().articles.len(), 5);
    let out = s.dir.path().join("mine.ron");
    s.dialogs.push(Some(out.clone()));
    ctrl(&h, Key::S);
    h.run();
    assert_eq!(factdesk::store::load(&out).unwrap().articles.len(), 5);
    assert!(h.state().session().title().starts_with("mine.ron"));
}

#[test]
fn unsaved_changes_prompt_before_they_are_lost() {
    let s = Setup::new();
    let mut h = s.harness(Some(s.sample()), Some("tester"));
    find(&mut h, "Ali Khamenei");
    h.key_press(Key::T);
    h.run();
    assert!(h.state().session().is_dirty());

    ctrl(&h, Key::N);
    h.run();
    assert!(matches!(h.state().modal(), Some(ModalKind::Unsaved(_))));
    h.get_by_label("Save changes?");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().modal().is_none());
    assert_eq!(mine(&h).len(), 1, "cancel keeps the work");

    ctrl(&h, Key::N);
    h.run();
    h.get_by_label("Discard changes").click();
    h.run();
    assert!(
        h.state().session().project().articles.is_empty(),
        "new project after discarding"
    );
    assert!(!h.state().session().is_dirty());
}

#[test]
fn a_file_that_fails_to_load_shows_an_error_and_is_not_touched() {
    let s = Setup::new();
    let bad = s.dir.path().join("broken.ron");
    let text = std::fs::read_to_string(SAMPLE)
        .unwrap()
        .replacen("exact: \"", "exact: \"X", 1);
    std::fs::write(&bad, &text).unwrap();
    let mut h = s.harness(Some(bad.clone()), Some("tester"));
    match h.state().modal() {
        Some(ModalKind::Error { title, message }) => {
            assert_eq!(title, "Could not open the project");
            assert!(
                message.contains("broken.ron") && message.contains("annotation"),
                "{message}"
            );
        }
        other => panic!("expected an error, got {other:?}"),
    }
    h.get_by_label("Could not open the project");
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().modal().is_none());
    assert_eq!(std::fs::read_to_string(&bad).unwrap(), text);
    assert!(!factdesk::store::backup_path(&bad).exists());
}

#[test]
fn asks_who_is_annotating_on_first_use() {
    let s = Setup::new();
    let mut h = s.harness(Some(s.sample()), None);
    assert!(matches!(h.state().modal(), Some(ModalKind::Annotator)));
    type_into(&mut h, "Your name", "Dana");
    h.get_by_label("Continue").click();
    h.run();
    assert_eq!(h.state().settings().annotator, "Dana");
    find(&mut h, "Ali Khamenei");
    h.key_press(Key::Q);
    h.run();
    assert_eq!(
        h.state()
            .session()
            .project()
            .layer("Dana")
            .unwrap()
            .annotations
            .len(),
        1
    );
}

#[test]
fn autosave_then_offer_to_restore_after_a_crash() {
    let s = Setup::new();
    let path = s.sample();
    let mut h = s.harness_autosaving(Some(path.clone()), Some("tester"), 0.5);
    find(&mut h, "Ali Khamenei");
    h.key_press(Key::Q);
    h.run();
    h.run_steps(4);
    let rec = factdesk::store::recovery::recovery_path(&path);
    assert!(rec.exists(), "autosave wrote the recovery file");
    drop(h); // "crash": the project file was never saved

    let mut h = s.harness(Some(path.clone()), Some("tester"));
    assert!(matches!(
        h.state().modal(),
        Some(ModalKind::Recovery { .. })
    ));
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(mine(&h).len(), 1, "the autosaved annotation is back");
    assert!(
        h.state().session().is_dirty(),
        "restored work still needs saving"
    );
}

#[test]
fn help_overlay_lists_the_shortcuts() {
    let s = Setup::new();
    let mut h = s.harness(Some(s.sample()), Some("tester"));
    h.key_press(Key::F1);
    h.run();
    assert!(matches!(h.state().modal(), Some(ModalKind::Help)));
    assert!(h.get_all_by_label("Keyboard shortcuts").count() >= 1);
    h.get_by_label("Quote from selection");
    h.get_by_label("Next annotation");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().modal().is_none());
}

#[test]
fn j_and_k_walk_the_annotations_and_click_selects_a_highlight() {
    let s = Setup::new();
    let mut h = s.harness(Some(s.sample()), Some("tester"));
    select_article(&mut h, "An emotional Khamenei");
    h.key_press(Key::J);
    h.run();
    let first = h
        .state()
        .selected()
        .expect("J selects the first annotation");
    h.key_press(Key::J);
    h.run();
    let second = h.state().selected().unwrap();
    assert_ne!(first, second);
    h.key_press(Key::K);
    h.run();
    assert_eq!(h.state().selected(), Some(first));

    // Click in the middle of the first annotation's highlight.
    h.key_press(Key::Escape);
    h.run();
    let (_, a) = h
        .state()
        .session()
        .project()
        .find_annotation(first)
        .unwrap();
    let mid = (a.span.start + a.span.end) / 2;
    let r = h.state().char_rect(mid).unwrap();
    click_at(&mut h, r.center());
    assert_eq!(h.state().selected(), Some(first));
}

#[test]
fn a_new_annotation_relays_only_its_paragraph() {
    let s = Setup::new();
    let mut h = s.harness(Some(s.sample()), Some("tester"));
    select_article(&mut h, "An emotional Khamenei");
    // The first annotation creates the user's layer, which may recolour the other layers'
    // marks (the sample has two); measure the second.
    find(&mut h, "DUBAI");
    h.key_press(Key::Q);
    h.run();
    let before = h.state().reader_paragraphs_laid_out();
    find(&mut h, "Khamenei’s voice cracked");
    h.key_press(Key::Q);
    h.run();
    assert_eq!(h.state().reader_paragraphs_laid_out() - before, 1);
    // Typing a note changes no highlight: nothing is laid out again.
    let before = h.state().reader_paragraphs_laid_out();
    type_into(&mut h, "Note", "check the AP original");
    assert_eq!(h.state().reader_paragraphs_laid_out(), before);
}

#[test]
fn export_dialog_writes_a_dataset_in_the_background() {
    let s = Setup::new();
    let mut h = s.harness(Some(s.sample()), Some("tester"));
    ctrl(&h, Key::E);
    h.run();
    let out = s.dir.path().join("dataset");
    s.dialogs.push(Some(out.clone()));
    h.get_by_label("Choose folder…").click();
    h.run();
    h.get_by_label("Export").click();
    for _ in 0..500 {
        h.step();
        if h.state().status().starts_with("Export") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run_steps(3);
    assert!(
        h.state().status().starts_with("Exported"),
        "{}",
        h.state().status()
    );
    for f in ["train.jsonl", "README.md"] {
        assert!(out.join(f).is_file(), "missing {f}");
    }
    // Six articles split 80/10/10: a split may be empty, but none is lost.
    let lines: usize = ["train.jsonl", "validation.jsonl", "test.jsonl"]
        .iter()
        .filter_map(|f| std::fs::read_to_string(out.join(f)).ok())
        .map(|t| t.lines().count())
        .sum();
    assert_eq!(lines, 6, "every article in exactly one split");
    h.get_by_label("Open folder");
}

#[test]
fn spans_snap_to_words_and_nudge_by_keyboard() {
    let s = Setup::new();
    let mut h = s.harness(Some(s.sample()), Some("tester"));
    select_article(&mut h, "An emotional Khamenei");
    find(&mut h, "amenei’s voi");
    let (s0, e0) = h.state().selection().unwrap();
    h.key_press(Key::W);
    h.run();
    let (s1, e1) = h.state().selection().unwrap();
    assert_eq!((s1, e1), (s0 - 2, e0 + 2), "snapped to “Khamenei’s voice”");
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    h.run();
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    h.run();
    assert_eq!(h.state().selection(), Some((s1 + 1, e1 + 1)));
    h.key_press(Key::C);
    h.run();
    let claim = mine(&h).pop().unwrap();
    assert_eq!(claim.span.exact, "hamenei’s voice ");
    // Nudging a selected annotation is an undoable edit of its span.
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
    h.run();
    assert_eq!(mine(&h).pop().unwrap().span.exact, "hamenei’s voice");
    ctrl(&h, Key::Z);
    h.run();
    assert_eq!(mine(&h).pop().unwrap().span.exact, "hamenei’s voice ");
}

#[test]
fn import_label_studio_annotations_into_my_layer_and_undo() {
    use factdesk::export::{self, ExportOptions, Format};
    let s = Setup::new();
    let sample = factdesk::store::load(Path::new(SAMPLE)).unwrap();
    let out = s.dir.path().join("ls");
    // The first annotator's layer (the sample also has a second one, for review).
    let mut options = ExportOptions::new(Format::LabelStudio, &out);
    options.layer = export::LayerChoice::Named("sample".into());
    let report = export::run(&sample, &options, &mut |_, _| true).unwrap();
    let file = report
        .files
        .iter()
        .find(|f| f.extension().is_some_and(|e| e == "json"))
        .unwrap()
        .clone();
    let file = if file.is_absolute() {
        file
    } else {
        out.join(file)
    };

    let mut h = s.harness(Some(s.sample()), Some("tester"));
    s.dialogs.push(Some(file));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Import annotations").click();
    h.run();
    // Asked which layer: your own is proposed.
    h.get_by_label("Import into this layer").click();
    h.run();
    let imported = mine(&h);
    let exported = factdesk::store::load(&s.sample())
        .unwrap()
        .layer("sample")
        .unwrap()
        .annotations
        .len();
    assert_eq!(imported.len(), exported, "{:?}", h.state().modal());
    let spans = |anns: &[Annotation]| {
        let mut v: Vec<(usize, usize, KindName)> = anns
            .iter()
            .map(|a| (a.span.start, a.span.end, a.kind.name()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        spans(&imported),
        spans(&sample.layer("sample").unwrap().annotations)
    );
    assert_eq!(
        h.state().session().project().articles.len(),
        6,
        "matched, not duplicated"
    );
    h.get_by_label("OK").click();
    h.run();
    ctrl(&h, Key::Z);
    h.run();
    assert!(
        mine(&h).is_empty(),
        "one undo step removes the whole import"
    );
}

#[test]
fn deleting_a_linked_claim_with_the_button_keeps_the_project_saveable() {
    let s = Setup::new();
    let mut h = s.harness(Some(s.sample()), Some("tester"));
    select_article(&mut h, "An emotional Khamenei");
    find(&mut h, "Police said attendees numbered into the millions.");
    h.key_press(Key::C);
    h.run();
    find(
        &mut h,
        "Khamenei’s voice cracked under the weight of the moment",
    );
    h.key_press(Key::Q);
    h.run();
    // Link the claim from the quote's panel.
    h.get_by_label("Police said attendees numbered into the millions.")
        .click();
    h.run();
    let quote_id = h.state().selected().unwrap();
    let linked = |h: &Harness<'_, App>| match &h
        .state()
        .session()
        .project()
        .find_annotation(quote_id)
        .unwrap()
        .1
        .kind
    {
        AnnotationKind::Quote(q) => q.claims.len(),
        _ => unreachable!(),
    };
    assert_eq!(linked(&h), 1);
    // Select the claim (J/K order) and delete it with the panel's button.
    while h
        .state()
        .selected()
        .and_then(|id| h.state().session().project().find_annotation(id))
        .is_none_or(|(l, a)| l.annotator != "tester" || a.kind.name() != KindName::Claim)
    {
        h.key_press(Key::J);
        h.run();
    }
    h.get_by_label("Delete annotation").click();
    h.run();
    assert_eq!(linked(&h), 0, "the quote no longer links the deleted claim");
    ctrl(&h, Key::S);
    h.run();
    assert!(
        h.state().status().starts_with("Saved"),
        "{}",
        h.state().status()
    );
}

#[test]
fn find_is_exact_whatever_lower_casing_does_to_byte_lengths() {
    let s = Setup::new();
    let file = s.dir.path().join("t.txt");
    std::fs::write(
        &file,
        "Title\n\nİstanbul: Straẞe closed. Then straße again.",
    )
    .unwrap();
    let mut h = s.harness(None, Some("tester"));
    s.dialogs.push(Some(file));
    ctrl(&h, Key::I);
    h.run();
    find(&mut h, "STRASSE");
    assert_eq!(
        h.state().selection(),
        None,
        "ß does not fold to ss: no match, no panic"
    );
    find(&mut h, "straße");
    assert_eq!(h.state().selection(), Some((10, 16)));
    h.key_press(Key::T);
    h.run();
    assert_eq!(mine(&h)[0].span.exact, "Straẞe");
}

#[test]
fn discarding_changes_also_discards_their_autosave() {
    let s = Setup::new();
    let path = s.sample();
    let mut h = s.harness_autosaving(Some(path.clone()), Some("tester"), 0.5);
    find(&mut h, "Ali Khamenei");
    h.key_press(Key::Q);
    h.run();
    h.run_steps(4);
    let rec = factdesk::store::recovery::recovery_path(&path);
    assert!(rec.exists());
    ctrl(&h, Key::N);
    h.run();
    h.get_by_label("Discard changes").click();
    h.run();
    assert!(!rec.exists(), "discarded work is not offered back later");
}

#[test]
fn autosaved_work_is_offered_when_the_project_file_is_broken() {
    let s = Setup::new();
    let path = s.sample();
    let mut p = factdesk::store::load(&path).unwrap();
    p.name = "recovered".into();
    // The file was damaged, then the app autosaved (and crashed).
    std::fs::write(&path, "(format_version: 1, name: ").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    factdesk::store::recovery::write(&path, &p).unwrap();
    let mut h = s.harness(Some(path.clone()), Some("tester"));
    assert!(
        matches!(h.state().modal(), Some(ModalKind::Recovery { .. })),
        "{:?}",
        h.state().modal()
    );
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(h.state().session().project().name, "recovered");
    assert_eq!(h.state().session().path(), Some(path.as_path()));
}

#[test]
fn mark_where_the_speaker_is_named() {
    let s = Setup::new();
    let mut h = s.harness(Some(s.sample()), Some("tester"));
    select_article(&mut h, "An emotional Khamenei");
    find(&mut h, "“Of course not any time soon,”");
    h.key_press(Key::Q);
    h.run();
    let quote = h.state().selected().unwrap();
    // Select "Khamenei" after the quote: find the phrase, then pull its end back.
    find(&mut h, "Khamenei said, adding");
    for _ in 0.." said, adding".chars().count() {
        h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
        h.run();
    }
    assert_eq!(
        h.state().selected(),
        Some(quote),
        "the quote stays selected"
    );
    h.get_by_label("Mark selection as speaker").click();
    h.run();
    let p = &h.state().session().project();
    let AnnotationKind::Quote(q) = &p.find_annotation(quote).unwrap().1.kind else {
        panic!()
    };
    assert_eq!(q.speaker_span.as_ref().unwrap().exact, "Khamenei");
    assert_eq!(
        p.entity(q.speaker.unwrap()).unwrap().name,
        "Ali Khamenei",
        "matched by alias"
    );
}

#[test]
fn edit_a_speakers_aliases_in_the_panel() {
    let s = Setup::new();
    let mut h = s.harness(Some(s.sample()), Some("sample"));
    select_article(&mut h, "In this picture tweeted");
    while !matches!(
        h.state()
            .selected()
            .and_then(|id| h.state().session().project().find_annotation(id))
            .map(|(_, a)| a.kind.name()),
        Some(KindName::Quote)
    ) {
        h.key_press(Key::J);
        h.run();
    }
    let aliases = |h: &Harness<'_, App>| {
        h.state()
            .session()
            .project()
            .entity_named("Zarif")
            .unwrap()
            .aliases
            .clone()
    };
    assert!(!aliases(&h).contains(&"Zarrif".to_owned()));
    type_into(&mut h, "Also known as", ", Zarrif");
    // Escape leaves the field (committing it) and keeps the quote selected.
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().selected().is_some());
    assert!(
        aliases(&h).contains(&"Zarrif".to_owned()),
        "{:?}",
        aliases(&h)
    );
    assert!(
        h.state()
            .session()
            .project()
            .entity_named("zarrif")
            .is_some(),
        "found by the new alias"
    );
    ctrl(&h, Key::Z);
    h.run();
    assert!(!aliases(&h).contains(&"Zarrif".to_owned()));
}
