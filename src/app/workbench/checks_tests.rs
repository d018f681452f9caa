use super::*;
use crate::model::{Annotation, Article, Claim, Provenance, Rating, Span};

const GAZETTE: &str = "Officials said unemployment fell to 4% in March. Markets rose.";
const HERALD: &str = "Markets rose. Unemployment fell to 4% in March, officials said.";

fn claim(id: u64, article: u64, text: &str, phrase: &str) -> Annotation {
    let start = text.find(phrase).unwrap();
    Annotation::new(
        AnnotationId(id),
        ArticleId(article),
        Span::from_text(text, start, start + phrase.len()).unwrap(),
        AnnotationKind::Claim(Claim::default()),
        Provenance::Manual,
        chrono::DateTime::UNIX_EPOCH,
    )
}

fn project() -> Project {
    let mut p = Project::new("p");
    p.articles
        .push(Article::new(ArticleId(1), "Jobs", GAZETTE.into()));
    p.articles
        .push(Article::new(ArticleId(2), "Week", HERALD.into()));
    let layer = p.layer_mut("me");
    layer.insert(claim(1, 1, GAZETTE, "unemployment fell to 4% in March"));
    layer.insert(claim(2, 2, HERALD, "Unemployment fell to 4% in March"));
    p
}

#[test]
fn a_suggested_group_goes_once_grouped_or_rejected() {
    let mut p = project();
    let s = suggested_groups(&p, "me", &LibraryIndex::default());
    assert_eq!(s.len(), 1, "{s:?}");
    let ids: Vec<u64> = s[0].members.iter().map(|m| m.annotation.0).collect();
    assert_eq!(ids, [1, 2]);
    assert_eq!(s[0].key.kind, GROUP_KIND);
    assert!(suggested_groups(&p, "nobody", &LibraryIndex::default()).is_empty());

    let mut rejected = p.clone();
    Edit::RejectSuggestion(s[0].key.clone())
        .apply(&mut rejected)
        .unwrap();
    assert!(suggested_groups(&rejected, "me", &LibraryIndex::default()).is_empty());

    let ctx = crate::model::Context::live("me");
    let (plan, _) =
        group_edit::create_group(&p, &ctx, "me", &[AnnotationId(1), AnnotationId(2)]).unwrap();
    plan.apply(&mut p).unwrap();
    assert!(suggested_groups(&p, "me", &LibraryIndex::default()).is_empty());
}

#[test]
fn the_key_of_a_group_is_its_members_places_in_any_order() {
    let p = project();
    let refs = |order: [usize; 2]| {
        let l = p.layer("me").unwrap();
        order
            .map(|i| {
                let a = &l.annotations[i];
                ClaimRef {
                    article: a.article,
                    start: a.span.start,
                    end: a.span.end,
                    text: a.span.exact.clone(),
                    annotation: Some(a.id),
                }
            })
            .to_vec()
    };
    assert_eq!(group_key(&refs([0, 1])), group_key(&refs([1, 0])));
    assert_ne!(group_key(&refs([0, 1])), group_key(&refs([0, 0])));
}

#[test]
fn a_headline_leaves_out_what_the_check_lacks() {
    let mut c = FactCheck {
        url: "u".into(),
        claim_reviewed: "x".into(),
        rating: Rating {
            label: "False".into(),
            ..Rating::default()
        },
        author: "Example Desk".into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 2, 1),
        ..FactCheck::default()
    };
    assert_eq!(
        headline(&c),
        "Checked before: False, by Example Desk on 2026-02-01"
    );
    c.author.clear();
    c.date = None;
    c.rating.label.clear();
    assert_eq!(headline(&c), "Checked before: no rating");
}

/// The index is built when the library changes (an import, its undo), not when anything
/// else does or a frame passes; the selected claim's checks follow.
#[test]
fn the_index_is_rebuilt_only_when_the_library_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    crate::store::save(&path, &project()).unwrap();
    let settings = crate::app::Settings {
        annotator: "me".into(),
        ..crate::app::Settings::default()
    };
    let mut wb = Workbench::new(
        settings,
        super::super::Startup {
            project: Some(path),
            data_dir: Some(dir.path().join("data")),
            autosave_seconds: 1e9,
        },
    );
    let built = wb.check_index_builds();
    wb.apply(crate::app::Command::SelectAnnotation(AnnotationId(1)));
    for t in 0..5 {
        wb.apply(crate::app::Command::Tick { now: f64::from(t) });
    }
    assert_eq!(wb.check_index_builds(), built);
    assert!(wb.selection_checks().is_none(), "no library, nothing shown");

    let check = FactCheck {
        url: "https://check.example/jobs".into(),
        claim_reviewed: "Unemployment fell to 4% in March".into(),
        ..FactCheck::default()
    };
    wb.edit(Edit::AddFactChecks(vec![check]), "Import checks", false);
    wb.refresh();
    assert_eq!(wb.check_index_builds(), built + 1);
    let shown = wb
        .selection_checks()
        .expect("ranked for the selected claim");
    assert_eq!(shown.matches.len(), 1, "{shown:?}");
    assert_eq!(shown.matches[0].url, "https://check.example/jobs");

    // An edit elsewhere does not rebuild it.
    wb.edit(
        Edit::SetDone {
            article: ArticleId(1),
            done: true,
        },
        "Done",
        false,
    );
    wb.refresh();
    assert_eq!(wb.check_index_builds(), built + 1);

    wb.apply(crate::app::Command::Run(crate::app::Action::Undo));
    wb.apply(crate::app::Command::Run(crate::app::Action::Undo));
    assert_eq!(wb.check_index_builds(), built + 2);
    assert!(wb.selection_checks().is_none());
}

/// Opening another project (whose revisions count from the start again) ranks against its
/// own library.
#[test]
fn another_project_ranks_against_its_own_library() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.ron");
    crate::store::save(&plain, &project()).unwrap();
    let with_library = dir.path().join("library.ron");
    let mut p = project();
    p.fact_checks.push(FactCheck {
        url: "https://check.example/jobs".into(),
        claim_reviewed: "Unemployment fell to 4% in March".into(),
        ..FactCheck::default()
    });
    crate::store::save(&with_library, &p).unwrap();
    let settings = crate::app::Settings {
        annotator: "me".into(),
        ..crate::app::Settings::default()
    };
    let mut wb = Workbench::new(
        settings,
        super::super::Startup {
            project: Some(plain),
            data_dir: Some(dir.path().join("data")),
            autosave_seconds: 1e9,
        },
    );
    wb.apply(crate::app::Command::SelectAnnotation(AnnotationId(1)));
    assert!(wb.selection_checks().is_none());
    wb.apply(crate::app::Command::OpenPath(with_library));
    assert_eq!(wb.project().fact_checks.len(), 1);
    wb.apply(crate::app::Command::SelectAnnotation(AnnotationId(1)));
    let shown = wb.selection_checks().expect("the new library is ranked");
    assert_eq!(shown.matches.len(), 1);
}
