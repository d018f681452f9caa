//! An article from a link in the real window: Ctrl+L (or a pasted link), the page is
//! fetched from a local server in the background with a Cancel, then the article opens
//! with its outlet, byline and date — one undoable step.

mod common;

use common::gui::AppHarness;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use factdesk::ui::App;
use std::time::Duration;

fn page() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/web/arc.html"
    ))
    .unwrap()
}

/// Step frames until the fetch is over (at most ~20 s).
fn wait_for_fetch(h: &mut Harness<'_, App>) {
    for _ in 0..2000 {
        if h.state().workbench().link_fetching().is_none() {
            break;
        }
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    h.run();
}

fn project(dir: &std::path::Path) -> std::path::PathBuf {
    let p = dir.join("p.ron");
    factdesk::store::save(&p, &factdesk::model::Project::new("web")).unwrap();
    p
}

#[test]
fn a_link_comes_in_with_its_outlet_byline_and_date() {
    let dir = tempfile::tempdir().unwrap();
    let base = common::http::serve(
        page(),
        "text/html; charset=utf-8",
        Duration::from_millis(300),
    );
    let mut h = AppHarness::new(&dir.path().join("data"))
        .project(project(dir.path()))
        .annotator("tester")
        .build();
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    h.get_by_label("Link").click();
    h.run();
    h.get_by_label("Link")
        .type_text(&format!("{base}/world/drought"));
    h.run();
    h.get_by_label("Import").click();
    h.run_steps(2);
    // The page takes a while: the window shows the fetch, with a Cancel.
    assert!(h.state().workbench().link_fetching().is_some());
    assert!(
        h.query_all_by_label_contains("Fetching http://127.0.0.1")
            .next()
            .is_some()
    );
    h.get_by_label("Cancel");
    wait_for_fetch(&mut h);

    let wb = h.state().workbench();
    assert_eq!(wb.project().articles.len(), 1, "{}", wb.status());
    let a = &wb.project().articles[0];
    assert_eq!(a.title, "Drought forces ration plan in three valley towns");
    assert_eq!(a.outlet.as_deref(), Some("The Meridian Post"));
    assert_eq!(a.byline.as_deref(), Some("Tomasz Wieczorek, Leila Haddad"));
    assert_eq!(
        a.published.map(|d| d.to_string()).as_deref(),
        Some("2024-07-09")
    );
    let web = a.web.as_ref().expect("where it came from is kept");
    assert!(
        web.final_url
            .as_deref()
            .unwrap_or_default()
            .starts_with(&base),
        "{web:?}"
    );
    assert_eq!(wb.current_article(), Some(a.id), "the new article opens");
    // Outlet and date are shown (article list and reader header).
    assert!(
        h.query_all_by_label_contains("The Meridian Post")
            .next()
            .is_some()
    );

    // One undoable step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().workbench().project().articles.is_empty());
}

#[test]
fn a_slow_link_can_be_cancelled_and_nothing_is_added() {
    let dir = tempfile::tempdir().unwrap();
    let base = common::http::serve(page(), "text/html", Duration::from_secs(5));
    let mut h = AppHarness::new(&dir.path().join("data"))
        .project(project(dir.path()))
        .annotator("tester")
        .build();
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    h.get_by_label("Link").click();
    h.run();
    h.get_by_label("Link").type_text(&format!("{base}/slow"));
    h.run();
    h.get_by_label("Import").click();
    h.run_steps(2);
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    let wb = h.state().workbench();
    assert!(wb.link_fetching().is_none());
    assert!(wb.status().contains("Stopped fetching"), "{}", wb.status());
    assert!(wb.project().articles.is_empty());
}
