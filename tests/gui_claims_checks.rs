//! Earlier fact-checks and suggested groups on the real `App`: a claim shows what was
//! checked before; Ctrl+Shift+K links the best match (evidence, and its verdict where there
//! is none) as one step Ctrl+Z takes back; a verdict already given is kept until the user
//! applies the proposal; the claims board offers suggested groups to accept, or to reject
//! for good (the rejection survives saving and reopening).

mod common;

use common::gui::AppHarness;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use factdesk::model::*;
use factdesk::ui::App;
use std::path::{Path, PathBuf};

const GAZETTE: &str = "Officials said unemployment in Spain fell to 4% in 2023. Markets rose.";
const HERALD: &str = "Markets rose. Unemployment in Spain fell to 4% in 2023, officials said. \
                      The port reopened on Monday.";
const URL: &str = "https://factcheck.example.net/2024/spain-jobless-4";
const HEADLINE: &str = "Checked before: False, by Example Fact Desk on 2024-01-15";

fn claim(id: u64, article: u64, text: &str, phrase: &str, verdict: Option<&str>) -> Annotation {
    let start = text[..text.find(phrase).unwrap()].chars().count();
    Annotation::new(
        AnnotationId(id),
        ArticleId(article),
        Span::from_text(text, start, start + phrase.chars().count()).unwrap(),
        AnnotationKind::Claim(Claim {
            verdict: verdict.map(str::to_owned),
            ..Claim::default()
        }),
        Provenance::Manual,
        chrono::Utc::now(),
    )
}

fn check(url: &str, claim: &str, label: &str, value: f64) -> FactCheck {
    FactCheck {
        url: url.into(),
        claim_reviewed: claim.into(),
        rating: Rating {
            label: label.into(),
            value: Some(value),
            best: Some(5.0),
            worst: Some(1.0),
        },
        author: "Example Fact Desk".into(),
        date: chrono::NaiveDate::from_ymd_opt(2024, 1, 15),
        ..FactCheck::default()
    }
}

/// The Gazette's claim (1, no verdict) and the Herald's (2, "Mostly true") state one thing;
/// 3 is another claim. The library: the real check, a near miss (5 %) and another claim.
fn project(dir: &Path) -> PathBuf {
    let mut p = Project::new("checks");
    let mut a = Article::new(ArticleId(1), "Jobs figures out", GAZETTE.into());
    a.outlet = Some("Gazette".into());
    let mut b = Article::new(ArticleId(2), "Week in review", HERALD.into());
    b.outlet = Some("Herald".into());
    p.articles = vec![a, b];
    let layer = p.layer_mut("tester");
    layer.insert(claim(
        1,
        1,
        GAZETTE,
        "unemployment in Spain fell to 4% in 2023",
        None,
    ));
    layer.insert(claim(
        2,
        2,
        HERALD,
        "Unemployment in Spain fell to 4% in 2023",
        Some("Mostly true"),
    ));
    layer.insert(claim(3, 2, HERALD, "The port reopened on Monday", None));
    p.fact_checks = vec![
        check(
            URL,
            "Spain's unemployment rate fell to 4% in 2023",
            "False",
            1.0,
        ),
        check(
            "https://factcheck.example.net/2024/spain-jobless-5",
            "Unemployment in Spain fell to 5% in 2023",
            "True",
            5.0,
        ),
        check(
            "https://factcheck.example.net/2024/lyon-stadium",
            "The mayor of Lyon spent €3m on a new stadium",
            "Mostly false",
            2.0,
        ),
    ];
    let path = dir.join("checks.ron");
    factdesk::store::save(&path, &p).unwrap();
    path
}

fn harness(dir: &Path, path: &Path) -> Harness<'static, App> {
    AppHarness::new(&dir.join("data"))
        .project(path.to_owned())
        .annotator("tester")
        .autosave_every(3600.0)
        .size(1280.0, 900.0)
        .build()
}

/// Select a claim from its link on the claims board, then close the board (while it is
/// open, linking works on the board's row).
fn select(h: &mut Harness<'_, App>, id: u64) {
    open_board(h);
    let place = if id == 1 {
        "Gazette — Jobs figures out"
    } else {
        "Herald — Week in review"
    };
    h.get_all_by_label(place).next().unwrap().click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
    h.run();
    assert!(!h.state().workbench().claims_board().open);
    assert_eq!(
        h.state().workbench().selected_annotation(),
        Some(AnnotationId(id))
    );
}

fn claim_of(h: &Harness<'_, App>, id: u64) -> Claim {
    let (_, a) = h
        .state()
        .workbench()
        .project()
        .find_annotation(AnnotationId(id))
        .unwrap();
    match &a.kind {
        AnnotationKind::Claim(c) => c.clone(),
        _ => unreachable!(),
    }
}

fn link_by_keyboard(h: &mut Harness<'_, App>) {
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::K);
    h.run();
}

#[test]
fn a_claim_shows_its_earlier_check_links_it_by_keyboard_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let path = project(dir.path());
    let mut h = harness(dir.path(), &path);
    select(&mut h, 1);
    h.get_by_label(HEADLINE);
    // The near miss is listed below the threshold, not as a match.
    h.get_by_label("Possibly related");
    h.get_by_label("Checked before: True, by Example Fact Desk on 2024-01-15");
    // The check of another claim shares nothing with it and is not listed at all.
    assert_eq!(h.get_all_by_label_contains("Checked before:").count(), 2);
    assert!(h.query_by_label_contains("Mostly false, by").is_none());
    h.get_by_label("Link (Ctrl+Shift+K)");
    let url_nodes = h.query_all_by_value(URL).count();

    link_by_keyboard(&mut h);
    let c = claim_of(&h, 1);
    assert_eq!(c.verdict.as_deref(), Some("False"), "proposed and set");
    let urls: Vec<&str> = c.evidence.iter().map(|e| e.url.as_str()).collect();
    assert_eq!(urls, [URL]);
    assert_eq!(c.evidence[0].stance, EvidenceStance::Refutes);
    h.get_by_label("Linked as evidence; proposes: False");
    h.get_by_label("(the verdict given)");
    // The panel's evidence list shows the check's address in a field of its own.
    assert!(h.query_all_by_value(URL).count() > url_nodes);

    // Linking again finds nothing new to link.
    link_by_keyboard(&mut h);
    assert_eq!(claim_of(&h, 1).evidence.len(), 1);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let c = claim_of(&h, 1);
    assert!(c.evidence.is_empty() && c.verdict.is_none(), "{c:?}");
    assert!(
        h.query_by_label("Linked as evidence; proposes: False")
            .is_none()
    );
    h.get_by_label("Link (Ctrl+Shift+K)");
    assert_eq!(h.query_all_by_value(URL).count(), url_nodes);
    // The library's index was built once, not once a frame or per edit.
    assert_eq!(h.state().workbench().check_index_builds(), 1);
}

#[test]
fn a_verdict_given_is_kept_until_the_proposal_is_applied() {
    let dir = tempfile::tempdir().unwrap();
    let path = project(dir.path());
    let mut h = harness(dir.path(), &path);
    select(&mut h, 2);
    h.get_by_label(HEADLINE);
    link_by_keyboard(&mut h);
    let c = claim_of(&h, 2);
    assert_eq!(
        c.verdict.as_deref(),
        Some("Mostly true"),
        "never overwritten"
    );
    assert_eq!(c.evidence.len(), 1);
    assert!(
        h.state().workbench().status().contains("it proposes False"),
        "{}",
        h.state().workbench().status()
    );
    h.get_by_label("Apply verdict False").click();
    h.run();
    assert_eq!(claim_of(&h, 2).verdict.as_deref(), Some("False"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(claim_of(&h, 2).verdict.as_deref(), Some("Mostly true"));
    assert_eq!(
        claim_of(&h, 2).evidence.len(),
        1,
        "one step undone at a time"
    );
}

fn open_board(h: &mut Harness<'_, App>) {
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
    h.run();
    assert!(h.state().workbench().claims_board().open);
}

#[test]
fn a_suggested_group_is_accepted_on_the_board() {
    let dir = tempfile::tempdir().unwrap();
    let path = project(dir.path());
    let mut h = harness(dir.path(), &path);
    open_board(&mut h);
    h.get_by_label("Suggested groups (1)");
    h.get_by_label("Accept group (Alt+A)");
    h.key_press_modifiers(Modifiers::ALT, Key::A);
    h.run();
    let layer = h.state().workbench().project().layer("tester").unwrap();
    assert_eq!(layer.claim_groups.len(), 1);
    let members: Vec<u64> = layer.claim_groups[0]
        .members
        .iter()
        .map(|m| m.annotation.0)
        .collect();
    assert_eq!(members, [1, 2]);
    assert!(h.query_by_label_contains("Suggested groups").is_none());
    h.get_by_label("2 outlets");
    // The group's row is under the cursor: its earlier checks show on the board, and the
    // link action links the check to the group (one verdict for both outlets).
    h.get_by_label(HEADLINE);
    link_by_keyboard(&mut h);
    let layer = h.state().workbench().project().layer("tester").unwrap();
    let g = &layer.claim_groups[0];
    // The group took the Herald's verdict when it was made: the check's is only proposed.
    assert_eq!(g.verdict.as_deref(), Some("Mostly true"));
    assert_eq!(g.evidence.len(), 1);
    assert_eq!(g.evidence[0].url, URL);
    h.get_by_label("Linked as evidence; proposes: False");
    h.get_by_label("Apply verdict False");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let layer = h.state().workbench().project().layer("tester").unwrap();
    assert!(layer.claim_groups[0].evidence.is_empty());
    assert_eq!(
        layer.claim_groups[0].verdict.as_deref(),
        Some("Mostly true")
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let layer = h.state().workbench().project().layer("tester").unwrap();
    assert!(layer.claim_groups.is_empty());
    h.get_by_label("Suggested groups (1)");
}

#[test]
fn a_rejected_suggested_group_stays_rejected_after_save_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = project(dir.path());
    let mut h = harness(dir.path(), &path);
    open_board(&mut h);
    h.get_by_label("Reject group (Alt+X)").click();
    h.run();
    assert!(h.query_by_label_contains("Suggested groups").is_none());
    let rejected = h.state().workbench().project().rejected_suggestions.clone();
    assert_eq!(rejected.len(), 1);
    assert_eq!(rejected[0].kind, "claim group");
    assert!(
        h.state()
            .workbench()
            .project()
            .layer("tester")
            .unwrap()
            .claim_groups
            .is_empty()
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().session().is_dirty());
    drop(h);

    let reloaded = factdesk::store::load(&path).unwrap();
    assert_eq!(reloaded.rejected_suggestions, rejected);
    let mut h = harness(dir.path(), &path);
    open_board(&mut h);
    h.run();
    assert!(h.query_by_label_contains("Suggested groups").is_none());
    h.get_by_label("Gazette — Jobs figures out");
}

/// A claim candidate (the suggester's) shows its earlier checks too; linking waits until
/// it is accepted as a claim.
#[test]
fn a_claim_candidate_shows_its_earlier_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = project(dir.path());
    let mut p = factdesk::store::load(&path).unwrap();
    p.layers.clear();
    factdesk::store::save(&path, &p).unwrap();
    let mut h = harness(dir.path(), &path);
    for _ in 0..600 {
        if h.state().workbench().suggestions().is_some()
            && h.state().workbench().assist_progress().is_none()
        {
            break;
        }
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run();
    let mut found = false;
    for _ in 0..20 {
        h.key_press(Key::CloseBracket);
        h.run();
        if let Some(factdesk::app::MarkTarget::Suggestion(key)) =
            h.state().workbench().selected().cloned()
            && key.kind == "claim"
            && h.query_by_label(HEADLINE).is_some()
        {
            found = true;
            break;
        }
    }
    assert!(found, "the candidate's earlier check is shown");
    h.get_by_label("Accept the suggestion to link a check to the claim.");
    link_by_keyboard(&mut h);
    assert!(
        h.state()
            .workbench()
            .status()
            .contains("Accept the suggested claim first"),
        "{}",
        h.state().workbench().status()
    );
    assert!(
        h.state()
            .workbench()
            .project()
            .layers
            .iter()
            .all(|l| l.annotations.is_empty())
    );

    // Accepted, it is a claim: the same check links to it.
    h.key_press(Key::Enter);
    h.run();
    let id = h
        .state()
        .workbench()
        .selected_annotation()
        .expect("accepted");
    h.get_by_label(HEADLINE);
    link_by_keyboard(&mut h);
    let c = claim_of(&h, id.0);
    assert_eq!(c.evidence.len(), 1);
    assert_eq!(c.verdict.as_deref(), Some("False"));
}

#[test]
fn earlier_checks_panel_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let path = project(dir.path());
    let mut h = AppHarness::new(&dir.path().join("data"))
        .project(path)
        .annotator("tester")
        .autosave_every(3600.0)
        .size(1280.0, 900.0)
        .theme(egui::Theme::Light)
        .for_snapshots()
        .build();
    select(&mut h, 2);
    link_by_keyboard(&mut h);
    h.run_steps(3);
    h.snapshot("earlier_checks_panel");
}

#[test]
fn claims_board_suggestions_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let path = project(dir.path());
    let mut h = AppHarness::new(&dir.path().join("data"))
        .project(path)
        .annotator("tester")
        .autosave_every(3600.0)
        .size(1280.0, 900.0)
        .theme(egui::Theme::Light)
        .for_snapshots()
        .build();
    open_board(&mut h);
    h.run_steps(3);
    h.snapshot("claims_board_suggestions");
}

const WIRE: &str = "Tuvalu earned 10 million US dollars from leasing its .tv internet suffix in 2023, \
                    the finance ministry said.";
const TABLOID: &str =
    "Two little letters brought the islands ten million dollars of easy money in 2023.";

/// Two outlets restating one checked claim in words that share almost nothing.
fn restated_project(dir: &Path, with_library: bool) -> PathBuf {
    let mut p = Project::new("restated");
    let mut a = Article::new(ArticleId(1), "Islands wire", WIRE.into());
    a.outlet = Some("Wire".into());
    let mut b = Article::new(ArticleId(2), "Tabloid", TABLOID.into());
    b.outlet = Some("Tabloid".into());
    p.articles = vec![a, b];
    let layer = p.layer_mut("tester");
    layer.insert(claim(1, 1, WIRE, WIRE, None));
    layer.insert(claim(2, 2, TABLOID, TABLOID, None));
    if with_library {
        p.fact_checks = vec![
            check(
                "https://factcheck.example.net/tv",
                "Tuvalu earned US$10 million from its .tv domain in 2023",
                "True",
                5.0,
            ),
            check(
                "https://factcheck.example.net/ai",
                "Anguilla earned US$30 million from its .ai domain in 2023",
                "True",
                5.0,
            ),
        ];
    }
    let path = dir.join(if with_library {
        "with.ron"
    } else {
        "without.ron"
    });
    factdesk::store::save(&path, &p).unwrap();
    path
}

#[test]
fn the_board_suggests_claims_that_restate_one_earlier_check() {
    // Without a library the two wordings are not offered as one claim.
    let dir = tempfile::tempdir().unwrap();
    let path = restated_project(dir.path(), false);
    let mut h = harness(dir.path(), &path);
    open_board(&mut h);
    assert!(h.query_by_label_contains("Suggested groups").is_none());

    // With the check both restate in the library, the board offers them as one group.
    let dir = tempfile::tempdir().unwrap();
    let path = restated_project(dir.path(), true);
    let mut h = harness(dir.path(), &path);
    open_board(&mut h);
    h.get_by_label("Suggested groups (1)");
    h.key_press_modifiers(Modifiers::ALT, Key::A);
    h.run();
    let layer = h.state().workbench().project().layer("tester").unwrap();
    let members: Vec<u64> = layer.claim_groups[0]
        .members
        .iter()
        .map(|m| m.annotation.0)
        .collect();
    assert_eq!(members, [1, 2]);
}
