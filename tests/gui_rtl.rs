//! Right-to-left articles in the real `App` (issue 13): a Persian article and an English
//! paragraph with a Persian phrase inside, with highlights. Mouse selection, Ctrl+F and
//! double click select the logical range a browser would; snapshots show the visual order.
//! Refresh the snapshots with `UPDATE_SNAPSHOTS=1 cargo test --test gui_rtl`.

mod common;

use chrono::DateTime;
use common::gui::AppHarness;
use egui::{Key, Modifiers, Pos2, Rect, Theme};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use factdesk::model::*;
use factdesk::ui::App;
use std::path::PathBuf;

const PERSIAN: &str = include_str!("../projects/seed-extra/kerman-stampede-fa.txt");
const MIXED: &str = "Mourners in Tehran held signs reading «انتقام سخت» (harsh revenge) \
    on 6 January 2020, the agency reported.";

/// Code-point range of `needle` in `text`.
fn range_of(text: &str, needle: &str) -> (usize, usize) {
    let b = text.find(needle).expect("needle in text");
    let s = text[..b].chars().count();
    (s, s + needle.chars().count())
}

fn annotation(id: u64, article: &Article, needle: &str, kind: AnnotationKind) -> Annotation {
    let (s, e) = range_of(&article.text, needle);
    let index = text::TextIndex::new(&article.text);
    let t = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
    Annotation {
        id: AnnotationId(id),
        article: article.id,
        span: Span::new(&article.text, &index, s, e).unwrap(),
        kind,
        note: String::new(),
        status: Status::Draft,
        provenance: Provenance::Manual,
        created: t,
        modified: t,
    }
}

/// A project file with the Persian article (language `fa`) and the mixed paragraph, each
/// with a quote and a claim, written to `dir`.
fn project_file(dir: &tempfile::TempDir) -> PathBuf {
    let mut p = Project::new("rtl");
    let mut fa = Article::new(
        ArticleId(1),
        "ازدحام مرگبار در مراسم تشییع در کرمان",
        text::normalize(PERSIAN),
    );
    fa.language = Some("fa".into());
    let en = Article::new(ArticleId(2), "Signs in Tehran", text::normalize(MIXED));
    let quote = || {
        AnnotationKind::Quote(Quote {
            cue: "wrote".into(),
            ..Quote::default()
        })
    };
    let claim = || AnnotationKind::Claim(Claim::default());
    let anns = vec![
        annotation(
            1,
            &fa,
            "دست\u{200c}کم 56 نفر در ازدحام جمعیت در مراسم تشییع سردار سلیمانی جان باختند",
            claim(),
        ),
        annotation(
            2,
            &fa,
            "جمعیت آن\u{200c}قدر زیاد بود که هیچ راه فراری نبود.",
            quote(),
        ),
        // Crosses two direction changes: drawn as several rectangles.
        annotation(3, &en, "reading «انتقام سخت» (harsh", quote()),
        annotation(4, &en, "on 6 January 2020", claim()),
    ];
    p.articles = vec![fa, en];
    let layer = p.layer_mut("tester");
    layer.annotations = anns;
    layer.sort();
    let path = dir.path().join("rtl.ron");
    factdesk::store::save(&path, &p).unwrap();
    path
}

fn harness(dir: &tempfile::TempDir, theme: Theme) -> Harness<'static, App> {
    AppHarness::new(&dir.path().join("data"))
        .project(project_file(dir))
        .annotator("tester")
        .size(1280.0, 800.0)
        .theme(theme)
        .for_snapshots()
        .build()
}

fn open_article(h: &mut Harness<'_, App>, id: u64) {
    for _ in 0..5 {
        if h.state().current_article() == Some(ArticleId(id)) {
            return;
        }
        h.key_press(Key::N);
        h.run();
    }
    panic!("article {id} not reached");
}

fn text_of(h: &Harness<'_, App>) -> String {
    let id = h.state().current_article().unwrap();
    h.state()
        .session()
        .project()
        .article(id)
        .unwrap()
        .text
        .clone()
}

fn rect(h: &Harness<'_, App>, c: usize) -> Rect {
    h.state().char_rect(c).expect("character laid out")
}

fn drag(h: &mut Harness<'_, App>, from: Pos2, to: Pos2) {
    h.drag_at(from);
    h.run();
    h.hover_at(from.lerp(to, 0.5));
    h.run();
    h.hover_at(to);
    h.run();
    h.drop_at(to);
    h.run();
}

#[test]
fn persian_is_drawn_right_to_left_and_right_aligned() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(&dir, Theme::Light);
    open_article(&mut h, 1);
    let text = text_of(&h);
    // The first letter of the paragraph is its rightmost; each next letter is further left.
    let (s, e) = range_of(&text, "کرمان");
    for c in s..e - 1 {
        assert!(rect(&h, c + 1).left() < rect(&h, c).left(), "letter {c}");
    }
    // Right-aligned: the paragraph's first line ends at the right of the column, where
    // its second line also ends.
    let first = rect(&h, 0);
    let last = rect(
        &h,
        text.find('\n')
            .map(|b| text[..b].chars().count() - 1)
            .unwrap(),
    );
    assert!(first.right() > last.left());
    // The number 56 reads left to right inside the Persian text: "5" left of "6".
    let (n, _) = range_of(&text, "56");
    assert!(rect(&h, n).left() < rect(&h, n + 1).left());
    // …and the Latin name too.
    let (i, _) = range_of(&text, "Instagram");
    assert!(rect(&h, i).left() < rect(&h, i + 1).left());
}

#[test]
fn dragging_across_persian_words_selects_their_code_points() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(&dir, Theme::Light);
    open_article(&mut h, 1);
    let text = text_of(&h);
    let (s, e) = range_of(&text, "ازدحام جمعیت");
    let (a, b) = (rect(&h, s), rect(&h, e - 1));
    assert!(
        b.left() < a.left(),
        "the phrase's last letter is drawn left of its first"
    );
    // From the right edge of the first letter to the left edge of the last one, as a
    // reader of Persian drags.
    drag(
        &mut h,
        a.right_center() - egui::vec2(1.0, 0.0),
        b.left_center() + egui::vec2(1.0, 0.0),
    );
    assert_eq!(h.state().selection(), Some((s, e)));
    // And the other way round: the same logical range.
    drag(
        &mut h,
        b.left_center() + egui::vec2(1.0, 0.0),
        a.right_center() - egui::vec2(1.0, 0.0),
    );
    assert_eq!(h.state().selection(), Some((s, e)));
}

#[test]
fn double_clicking_a_persian_word_selects_that_word() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = AppHarness::new(&dir.path().join("data"))
        .project(project_file(&dir))
        .annotator("tester")
        .size(1280.0, 800.0)
        .at_60hz()
        .build();
    open_article(&mut h, 1);
    let text = text::normalize(PERSIAN);
    // «فراری» (ZWNJ-free word in the middle of the quote).
    let (s, e) = range_of(&text, "فراری");
    let pos = h.state().char_rect(s + 2).expect("drawn").center();
    h.hover_at(pos);
    h.run();
    for pressed in [true, false, true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.step();
    }
    h.run();
    assert_eq!(
        h.state().selection(),
        Some((s, e)),
        "the whole word, in logical order"
    );
}

#[test]
fn ctrl_f_on_a_persian_phrase_highlights_exactly_that_phrase() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(&dir, Theme::Light);
    open_article(&mut h, 1);
    let text = text_of(&h);
    let phrase = "هیچ راه فراری";
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").focus();
    h.run();
    h.get_by_label("Find").type_text(phrase);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let (s, e) = range_of(&text, phrase);
    assert_eq!(h.state().selection(), Some((s, e)));
    // The selection is drawn over the rectangles of s..e: they form one block, and no
    // other letter of the line is drawn inside it.
    let rects: Vec<Rect> = (s..e).map(|c| rect(&h, c)).collect();
    let block = rects.iter().fold(rects[0], |a, r| a.union(*r));
    let covered: f32 = rects.iter().map(|r| r.width()).sum();
    assert!(
        (block.width() - covered).abs() < 0.5,
        "the match is one visual block"
    );
    for c in (0..text.chars().count()).filter(|c| !(s..e).contains(c)) {
        let Some(r) = h.state().char_rect(c) else {
            continue;
        };
        if (r.center().y - block.center().y).abs() < 1.0 && r.width() > 0.0 {
            let inside = r.left() < block.right() - 0.5 && r.right() > block.left() + 0.5;
            assert!(!inside, "letter {c} is drawn inside the highlighted match");
        }
    }
    // Its words read right to left: هیچ is to the right of فراری.
    assert!(rect(&h, s).left() > rect(&h, e - 1).left());
}

#[test]
fn a_persian_phrase_inside_english_is_reversed_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(&dir, Theme::Light);
    open_article(&mut h, 2);
    let text = text_of(&h);
    let (s, e) = range_of(&text, "انتقام سخت");
    let (before, _) = range_of(&text, "reading");
    let (after, _) = range_of(&text, "(harsh");
    // Between the English words, the Persian phrase runs right to left.
    assert!(rect(&h, s).left() > rect(&h, e - 1).left());
    for c in s..e {
        assert!(rect(&h, c).left() > rect(&h, before).left());
        assert!(rect(&h, c).left() < rect(&h, after).left());
    }
}

fn snapshot(theme: Theme, article: u64, name: &str) {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(&dir, theme);
    open_article(&mut h, article);
    // Select the quote: its outline must sit on its own fill.
    h.key_press(Key::J);
    h.run();
    h.key_press(Key::J);
    h.run();
    h.snapshot(name);
}

#[test]
fn snapshot_rtl_article_light() {
    snapshot(Theme::Light, 1, "rtl_article_light");
}

#[test]
fn snapshot_rtl_article_dark() {
    snapshot(Theme::Dark, 1, "rtl_article_dark");
}

#[test]
fn snapshot_mixed_paragraph_light() {
    snapshot(Theme::Light, 2, "mixed_paragraph_light");
}

#[test]
fn snapshot_mixed_paragraph_dark() {
    snapshot(Theme::Dark, 2, "mixed_paragraph_dark");
}
