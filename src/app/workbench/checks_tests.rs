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
    let s = suggested_groups(&p, "me");
    assert_eq!(s.len(), 1, "{s:?}");
    let ids: Vec<u64> = s[0].members.iter().map(|m| m.annotation.0).collect();
    assert_eq!(ids, [1, 2]);
    assert_eq!(s[0].key.kind, GROUP_KIND);
    assert!(suggested_groups(&p, "nobody").is_empty());

    let mut rejected = p.clone();
    Edit::RejectSuggestion(s[0].key.clone())
        .apply(&mut rejected)
        .unwrap();
    assert!(suggested_groups(&rejected, "me").is_empty());

    let ctx = crate::model::Context::live("me");
    let (plan, _) =
        group_edit::create_group(&p, &ctx, "me", &[AnnotationId(1), AnnotationId(2)]).unwrap();
    plan.apply(&mut p).unwrap();
    assert!(suggested_groups(&p, "me").is_empty());
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
