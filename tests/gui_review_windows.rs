//! The review's side windows in a small main window: the decision log keeps every column
//! inside the window, and the conflicts window names articles without cutting words and
//! lists a passage's likely source once.

mod common;

use common::gui::AppHarness;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use factdesk::ui::App;
use std::path::Path;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/projects/soleimani-funeral.ron"
);

fn open(dir: &Path, width: f32, height: f32) -> Harness<'static, App> {
    let p = dir.join("sample.ron");
    std::fs::copy(SAMPLE, &p).unwrap();
    AppHarness::new(&dir.join("data"))
        .project(p)
        .annotator("lena")
        .autosave_every(3600.0)
        .size(width, height)
        .build()
}

fn press(h: &mut Harness<'_, App>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

#[test]
fn the_decision_log_wraps_inside_an_800_wide_window() {
    let dir = tempfile::tempdir().unwrap();
    let (width, height) = (800.0, 500.0);
    let mut h = open(dir.path(), width, height);
    press(&mut h, Modifiers::NONE, Key::R);
    // Decide the first three items: take A.
    for _ in 0..3 {
        press(&mut h, Modifiers::NONE, Key::A);
    }
    let decided = h.state().session().project().decisions.len();
    assert!(decided >= 3, "{decided} decisions");
    press(&mut h, Modifiers::SHIFT, Key::L);
    h.get_by_label("Decision log");
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(width, height));
    let d = h
        .state()
        .session()
        .project()
        .decisions
        .last()
        .unwrap()
        .clone();
    let title = h
        .state()
        .session()
        .project()
        .article(d.article.unwrap())
        .unwrap()
        .title
        .clone();
    let start: String = title.chars().take(12).collect();
    let row = h
        .query_all_by_label_contains(&start)
        .filter(|n| n.rect().min.y > 40.0)
        .max_by(|a, b| a.rect().width().total_cmp(&b.rect().width()))
        .expect("the decision's article is in the log");
    assert!(
        window.contains_rect(row.rect()),
        "the last column runs off the window: {:?}",
        row.rect()
    );
}

#[test]
fn the_conflicts_window_keeps_titles_whole_and_the_source_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = open(dir.path(), 1400.0, 900.0);
    press(&mut h, Modifiers::NONE, Key::F);
    for _ in 0..200 {
        h.run();
        if h.state().workbench().suggestions().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.run();
    let project = h.state().session().project().clone();
    let passages = h
        .state()
        .workbench()
        .suggestions()
        .unwrap()
        .passages
        .clone();
    assert!(!passages.is_empty(), "the sample shares passages");
    // Each article is "also in" exactly where it holds the passage and is not its likely
    // source.
    assert!(passages.iter().any(|p| p.likely_source.is_some()));
    for article in &project.articles {
        let expected = passages
            .iter()
            .filter(|p| {
                p.likely_source != Some(article.id)
                    && p.places.iter().any(|place| place.article == article.id)
            })
            .count();
        let short = factdesk::model::text::shorten(&article.title, 50);
        let shown = h
            .query_all_by_label_contains("also in ")
            .filter(|n| {
                n.accesskit_node()
                    .label()
                    .is_some_and(|l| l.starts_with(&format!("also in {short}")))
            })
            .count();
        assert_eq!(shown, expected, "“also in {short}”");
    }
    // Every article named in the window ends on a whole word.
    let titles: Vec<String> = project.articles.iter().map(|a| a.title.clone()).collect();
    for node in h
        .query_all_by_label_contains("also in ")
        .chain(h.query_all_by_label_contains("Likely source: "))
    {
        let label = node.accesskit_node().label().unwrap();
        let named = label
            .trim_start_matches("also in ")
            .trim_start_matches("Likely source: ");
        let title_part = named.split(" (").next().unwrap();
        let whole = titles.iter().any(|t| {
            t == title_part
                || (title_part.ends_with('…')
                    && t.starts_with(title_part.trim_end_matches('…'))
                    && t[title_part.trim_end_matches('…').len()..]
                        .starts_with(|c: char| c.is_whitespace() || ",;:".contains(c)))
        });
        assert!(whole, "{label:?} cuts a title mid-word");
    }
}

#[test]
fn reopen_changes_one_decision_and_keeps_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = open(dir.path(), 1400.0, 900.0);
    press(&mut h, Modifiers::NONE, Key::R);
    let first = h.state().workbench().review_current().unwrap().clone();
    press(&mut h, Modifiers::NONE, Key::A);
    press(&mut h, Modifiers::NONE, Key::A);
    let decided_items = |h: &Harness<'_, App>| {
        let wb = h.state().workbench();
        wb.review_items()
            .iter()
            .filter(|i| wb.review_is_decided(i))
            .map(|i| i.key.clone())
            .collect::<Vec<_>>()
    };
    // Two decisions (a decision may also settle agreements it depends on).
    let decided = decided_items(&h);
    assert!(decided.len() >= 2);
    assert!(decided.contains(&first.key));
    let logged = h.state().session().project().decisions.len();
    // Back to the first item through the panel's list of this article's items.
    // P to the first article, then N to the item's (neither wraps around).
    for key in [Key::P, Key::N] {
        for _ in 0..10 {
            if h.state().current_article() == Some(first.article) {
                break;
            }
            press(&mut h, Modifiers::NONE, key);
        }
    }
    assert_eq!(
        h.state().current_article(),
        Some(first.article),
        "N reaches the first item's article"
    );
    let excerpt: String = first
        .a
        .as_ref()
        .or(first.b.as_ref())
        .unwrap()
        .span
        .exact
        .chars()
        .take(20)
        .collect();
    h.query_all_by_label_contains(excerpt.trim())
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with('✔'))
        })
        .expect("the decided item is listed with a tick")
        .click();
    h.run();
    assert_eq!(
        h.state().workbench().review_current().map(|i| &i.key),
        Some(&first.key)
    );
    h.get_by_label("Reopen (O)");
    press(&mut h, Modifiers::NONE, Key::O);
    let after = decided_items(&h);
    assert_eq!(
        after.len(),
        decided.len() - 1,
        "only the reopened item is open again"
    );
    assert!(!after.contains(&first.key));
    let log = &h.state().session().project().decisions;
    assert_eq!(
        log.len(),
        logged + 1,
        "the earlier decision stays in the log"
    );
    assert_eq!(
        log[logged].action,
        factdesk::model::DecisionAction::Reopened
    );
    // Decide it again, the other way.
    press(&mut h, Modifiers::NONE, Key::X);
    assert_eq!(decided_items(&h).len(), decided.len());
    let log = &h.state().session().project().decisions;
    assert_eq!(log.len(), logged + 2);
    assert_eq!(
        log[logged + 1].action,
        factdesk::model::DecisionAction::Rejected
    );
    // One Ctrl+Z takes back the new decision, a second the reopening.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().session().project().decisions.len(), logged);
    assert_eq!(decided_items(&h), decided);
}
