use super::*;
use crate::model::{Annotation, Article, ArticleId, Claim, ClaimMember, Provenance, Rating, Span};
use chrono::{NaiveDate, TimeZone, Utc};

const A: &str = "Officials said unemployment fell to 4% in March.";

fn ctx() -> Context {
    Context::new("ann", Utc.with_ymd_and_hms(2026, 3, 4, 5, 6, 7).unwrap(), 1)
}

fn claim_annotation(id: u64, verdict: Option<&str>) -> Annotation {
    let phrase = "unemployment fell to 4% in March";
    let start = A.find(phrase).unwrap();
    Annotation::new(
        AnnotationId(id),
        ArticleId(1),
        Span::from_text(A, start, start + phrase.len()).unwrap(),
        AnnotationKind::Claim(Claim {
            verdict: verdict.map(str::to_owned),
            ..Claim::default()
        }),
        Provenance::Manual,
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
    )
}

fn project(verdict: Option<&str>) -> Project {
    let mut p = Project::new("p");
    p.articles.push(Article::new(ArticleId(1), "a", A.into()));
    p.layer_mut("ann").insert(claim_annotation(1, verdict));
    p.fact_checks.push(FactCheck {
        url: "https://check.example/jobs".into(),
        claim_reviewed: "Unemployment fell to 4% in March".into(),
        rating: Rating {
            label: "Pants on fire".into(),
            ..Rating::default()
        },
        author: "Example Desk".into(),
        date: NaiveDate::from_ymd_opt(2026, 2, 1),
        ..FactCheck::default()
    });
    p
}

fn claim_of(p: &Project, id: u64) -> &Claim {
    match &p.find_annotation(AnnotationId(id)).unwrap().1.kind {
        AnnotationKind::Claim(c) => c,
        _ => unreachable!(),
    }
}

const URL: &str = "https://check.example/jobs";

#[test]
fn linking_adds_evidence_sets_the_proposed_verdict_and_undoes_exactly() {
    let before = project(None);
    let target = LinkTarget::for_claim(&before, AnnotationId(1));
    assert_eq!(target, LinkTarget::Claim(AnnotationId(1)));
    let linked = link_check(&before, &ctx(), &target, URL).unwrap();
    assert_eq!(linked.proposed.as_deref(), Some("False"));
    assert!(linked.sets_verdict);
    let mut after = before.clone();
    let undo = linked.plan.apply(&mut after).unwrap();
    let c = claim_of(&after, 1);
    assert_eq!(c.verdict.as_deref(), Some("False"));
    assert_eq!(c.evidence.len(), 1);
    let e = &c.evidence[0];
    assert_eq!(e.url, URL);
    assert_eq!(e.stance, EvidenceStance::Refutes);
    assert_eq!(e.accessed, NaiveDate::from_ymd_opt(2026, 3, 4));
    assert!(
        e.quote.contains("Example Desk: Pants on fire"),
        "{}",
        e.quote
    );
    // Once linked, the same check is refused (nothing changes).
    assert_eq!(
        link_check(&after, &ctx(), &target, URL),
        Err(LinkError::AlreadyLinked(URL.into()))
    );
    undo.apply(&mut after).unwrap();
    assert_eq!(after, before);
}

#[test]
fn a_verdict_already_given_is_kept_and_can_be_replaced_on_request() {
    let before = project(Some("Mostly true"));
    let target = LinkTarget::Claim(AnnotationId(1));
    let linked = link_check(&before, &ctx(), &target, URL).unwrap();
    assert_eq!(linked.proposed.as_deref(), Some("False"));
    assert_eq!(linked.current.as_deref(), Some("Mostly true"));
    assert!(!linked.sets_verdict);
    let mut after = before.clone();
    linked.plan.apply(&mut after).unwrap();
    assert_eq!(claim_of(&after, 1).verdict.as_deref(), Some("Mostly true"));
    assert_eq!(claim_of(&after, 1).evidence.len(), 1);

    let plan = apply_verdict(&after, &ctx(), &target, "False").unwrap();
    let mut applied = after.clone();
    let undo = plan.apply(&mut applied).unwrap();
    assert_eq!(claim_of(&applied, 1).verdict.as_deref(), Some("False"));
    undo.apply(&mut applied).unwrap();
    assert_eq!(applied, after);
    assert_eq!(
        apply_verdict(&after, &ctx(), &target, "Bogus"),
        Err(LinkError::UnknownVerdict("Bogus".into()))
    );
}

#[test]
fn a_grouped_claim_links_to_its_group() {
    let mut before = project(Some("True"));
    let group = ClaimGroup {
        id: ClaimGroupId(7),
        statement: "Unemployment fell to 4%".into(),
        members: vec![ClaimMember {
            annotation: AnnotationId(1),
            verdict_override: None,
        }],
        ..ClaimGroup::default()
    };
    before.layer_mut("ann").claim_groups.push(group);
    let target = LinkTarget::for_claim(&before, AnnotationId(1));
    assert_eq!(
        target,
        LinkTarget::Group {
            layer: "ann".into(),
            id: ClaimGroupId(7)
        }
    );
    // The group has no verdict (the member's own does not count): the proposal is set.
    let linked = link_check(&before, &ctx(), &target, URL).unwrap();
    assert!(linked.sets_verdict);
    let mut after = before.clone();
    let undo = linked.plan.apply(&mut after).unwrap();
    let g = after
        .layer("ann")
        .unwrap()
        .claim_group(ClaimGroupId(7))
        .unwrap();
    assert_eq!(g.verdict.as_deref(), Some("False"));
    assert_eq!(g.evidence[0].url, URL);
    assert!(claim_of(&after, 1).evidence.is_empty());
    undo.apply(&mut after).unwrap();
    assert_eq!(after, before);
}

#[test]
fn bad_targets_and_urls_are_refused() {
    let p = project(None);
    let target = LinkTarget::Claim(AnnotationId(1));
    assert_eq!(
        link_check(&p, &ctx(), &target, "https://nowhere.example"),
        Err(LinkError::NoCheck("https://nowhere.example".into()))
    );
    assert_eq!(
        link_check(&p, &ctx(), &LinkTarget::Claim(AnnotationId(9)), URL),
        Err(LinkError::NoAnnotation(AnnotationId(9)))
    );
    let missing = LinkTarget::Group {
        layer: "ann".into(),
        id: ClaimGroupId(3),
    };
    assert!(matches!(
        link_check(&p, &ctx(), &missing, URL),
        Err(LinkError::Group(GroupError::NoGroup { .. }))
    ));
}
