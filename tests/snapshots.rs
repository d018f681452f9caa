//! Rendered snapshots of the main screen (light and dark) and of the annotation panel for
//! each kind, on the sample project. Rendered on the CPU (Mesa lavapipe); refresh with
//! `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` after a deliberate visual change.

mod common;

use common::gui::AppHarness;
use egui::{Key, Theme};
use egui_kittest::Harness;
use factdesk::model::KindName;
use factdesk::ui::App;

fn harness(theme: Theme, dir: &tempfile::TempDir) -> Harness<'static, App> {
    AppHarness::new(dir.path())
        // A copy outside any git repository, so the window looks the same wherever the
        // tests run.
        .project(common::sample_copy(dir.path(), "soleimani-funeral.ron"))
        .annotator("sample")
        .size(1280.0, 800.0)
        .theme(theme)
        .for_snapshots()
        .build()
}

/// Go to the article with this title and select its first annotation of `kind`.
fn show(h: &mut Harness<'_, App>, title: &str, kind: KindName) {
    while !h
        .state()
        .current_article()
        .and_then(|id| h.state().session().project().article(id))
        .is_some_and(|a| a.title.starts_with(title))
    {
        h.key_press(Key::N);
        h.run();
    }
    for _ in 0..20 {
        h.key_press(Key::J);
        h.run();
        let id = h.state().selected().unwrap();
        if h.state()
            .session()
            .project()
            .find_annotation(id)
            .unwrap()
            .1
            .kind
            .name()
            == kind
        {
            return;
        }
    }
    panic!("no {kind:?} in {title}");
}

/// One harness per test: kittest merges snapshot results per harness.
fn snapshot(theme: Theme, title: &str, kind: KindName, name: &str) {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(theme, &dir);
    show(&mut h, title, kind);
    h.snapshot(name);
}

#[test]
fn main_screen_dark() {
    snapshot(
        Theme::Dark,
        "An emotional Khamenei",
        KindName::Quote,
        "main_dark",
    );
}

#[test]
fn main_screen_light() {
    snapshot(
        Theme::Light,
        "An emotional Khamenei",
        KindName::Quote,
        "main_light",
    );
}

#[test]
fn panel_quote_with_linked_claim() {
    snapshot(
        Theme::Light,
        "At the funeral of General",
        KindName::Quote,
        "panel_quote",
    );
}

#[test]
fn panel_claim_with_verdict_and_evidence() {
    snapshot(
        Theme::Light,
        "In this picture tweeted",
        KindName::Claim,
        "panel_claim",
    );
}

#[test]
fn panel_sentiment() {
    snapshot(
        Theme::Light,
        "Video Shows",
        KindName::Sentiment,
        "panel_sentiment",
    );
}

#[test]
fn panel_tag() {
    snapshot(Theme::Dark, "Video Shows", KindName::Tag, "panel_tag");
}
