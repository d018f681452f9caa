use super::*;
use crate::model::{Article, ArticleId, Claim, Problem, Provenance, Span};
use chrono::{TimeZone, Utc};

const A: &str = "Unemployment fell to 4% in March, the minister said.";
const B: &str = "The minister said unemployment fell to 4% in March.";

fn ctx(seed: u64) -> Context {
    Context::new(
        "ann",
        Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap(),
        seed,
    )
}

fn claim(id: u64, article: u64, text: &str, phrase: &str, verdict: Option<&str>) -> Annotation {
    let start = text[..text.find(phrase).unwrap()].chars().count();
    let end = start + phrase.chars().count();
    let kind = AnnotationKind::Claim(Claim {
        verdict: verdict.map(str::to_owned),
        ..Claim::default()
    });
    Annotation::new(
        AnnotationId(id),
        ArticleId(article),
        Span::from_text(text, start, end).unwrap(),
        kind,
        Provenance::Manual,
        ctx(0).now,
    )
}

/// Two articles, claims 1 and 3 stating the same thing, 2 another claim, 4 a tag.
fn project() -> Project {
    let mut p = Project::new("p");
    p.articles.push(Article::new(ArticleId(10), "a", A.into()));
    p.articles.push(Article::new(ArticleId(20), "b", B.into()));
    let layer = p.layer_mut("ann");
    layer.insert(claim(1, 10, A, "Unemployment fell to 4%", Some("True")));
    layer.insert(claim(2, 10, A, "the minister said", None));
    layer.insert(claim(3, 20, B, "unemployment fell to 4%", None));
    let mut tag = claim(4, 20, B, "March", None);
    tag.kind = AnnotationKind::Tag {
        label: "Date".into(),
    };
    layer.insert(tag);
    p
}

fn apply(p: &mut Project, plan: impl FnOnce(&Project) -> Plan) -> Edit {
    let plan = plan(p);
    let undo = plan.apply(p).expect("plan applies");
    assert_eq!(p.problems(), Vec::<Problem>::new());
    undo
}

fn ids(group: &ClaimGroup) -> Vec<u64> {
    group.members.iter().map(|m| m.annotation.0).collect()
}

#[test]
fn creating_a_group_takes_the_first_text_and_the_agreed_verdict_and_undoes() {
    let mut p = project();
    let before = p.clone();
    let (plan, id) = create_group(&p, &ctx(1), "ann", &[AnnotationId(1), AnnotationId(3)]).unwrap();
    let undo = apply(&mut p, |_| plan);
    let layer = p.layer("ann").unwrap();
    let g = layer.claim_group(id).unwrap();
    assert_eq!(g.statement, "Unemployment fell to 4%");
    assert_eq!(g.verdict.as_deref(), Some("True"));
    assert_eq!(ids(g), [1, 3]);
    let three = layer.get(AnnotationId(3)).unwrap();
    assert_eq!(layer.effective_verdict(three), Some("True"));
    undo.apply(&mut p).unwrap();
    assert_eq!(p, before);
}

#[test]
fn members_that_disagree_give_an_unchecked_group() {
    let mut p = project();
    p.find_annotation_mut(AnnotationId(3)).unwrap().kind = AnnotationKind::Claim(Claim {
        verdict: Some("False".into()),
        ..Claim::default()
    });
    let (plan, id) = create_group(&p, &ctx(1), "ann", &[AnnotationId(1), AnnotationId(3)]).unwrap();
    apply(&mut p, |_| plan);
    assert_eq!(
        p.layer("ann").unwrap().claim_group(id).unwrap().verdict,
        None
    );
}

#[test]
fn only_claims_of_the_layer_are_grouped() {
    let p = project();
    let err = create_group(&p, &ctx(1), "ann", &[AnnotationId(1), AnnotationId(4)]);
    assert_eq!(err.unwrap_err(), GroupError::NotAClaim(AnnotationId(4)));
    let err = create_group(&p, &ctx(1), "ann", &[AnnotationId(99)]);
    assert!(matches!(err, Err(GroupError::NotInLayer { .. })));
    let err = create_group(&p, &ctx(1), "nobody", &[AnnotationId(1)]);
    assert_eq!(err.unwrap_err(), GroupError::NoLayer("nobody".into()));
    assert_eq!(
        create_group(&p, &ctx(1), "ann", &[]).unwrap_err(),
        GroupError::NoClaims
    );
}

#[test]
fn join_leave_and_the_empty_group_goes() {
    let mut p = project();
    let (plan, g) = create_group(&p, &ctx(1), "ann", &[AnnotationId(1)]).unwrap();
    apply(&mut p, |_| plan);
    let before_join = p.clone();
    apply(&mut p, |q| {
        join_group(q, "ann", g, &[AnnotationId(3), AnnotationId(1)]).unwrap()
    });
    assert_eq!(ids(p.layer("ann").unwrap().claim_group(g).unwrap()), [1, 3]);
    apply(&mut p, |q| {
        leave_group(q, "ann", &[AnnotationId(1), AnnotationId(3)]).unwrap()
    });
    assert!(p.layer("ann").unwrap().claim_groups.is_empty());
    assert_eq!(
        leave_group(&p, "ann", &[AnnotationId(1)]).unwrap_err(),
        GroupError::Ungrouped(AnnotationId(1))
    );
    let mut q = before_join.clone();
    let undo = join_group(&q, "ann", g, &[AnnotationId(3)])
        .unwrap()
        .apply(&mut q)
        .unwrap();
    undo.apply(&mut q).unwrap();
    assert_eq!(q, before_join);
}

#[test]
fn joining_another_group_leaves_the_old_one() {
    let mut p = project();
    let (plan, first) = create_group(&p, &ctx(1), "ann", &[AnnotationId(1)]).unwrap();
    apply(&mut p, |_| plan);
    let (plan, second) =
        create_group(&p, &ctx(2), "ann", &[AnnotationId(2), AnnotationId(3)]).unwrap();
    apply(&mut p, |_| plan);
    assert_ne!(first, second);
    apply(&mut p, |q| {
        join_group(q, "ann", first, &[AnnotationId(3)]).unwrap()
    });
    let layer = p.layer("ann").unwrap();
    assert_eq!(ids(layer.claim_group(first).unwrap()), [1, 3]);
    assert_eq!(ids(layer.claim_group(second).unwrap()), [2]);
}

#[test]
fn split_moves_members_to_an_unchecked_group_and_merge_brings_them_back() {
    let mut p = project();
    let (plan, g) = create_group(
        &p,
        &ctx(1),
        "ann",
        &[AnnotationId(1), AnnotationId(2), AnnotationId(3)],
    )
    .unwrap();
    apply(&mut p, |_| plan);
    apply(&mut p, |q| {
        update_group(q, "ann", g, GroupChange::Verdict(Some("False".into()))).unwrap()
    });
    assert_eq!(
        split_group(&p, &ctx(2), "ann", g, &[AnnotationId(4)]).unwrap_err(),
        GroupError::NotAMember {
            annotation: AnnotationId(4),
            group: g
        }
    );
    let (plan, new) = split_group(&p, &ctx(2), "ann", g, &[AnnotationId(2)]).unwrap();
    let before_split = p.clone();
    let undo = apply(&mut p, |_| plan);
    let layer = p.layer("ann").unwrap();
    assert_eq!(ids(layer.claim_group(g).unwrap()), [1, 3]);
    let split = layer.claim_group(new).unwrap();
    assert_eq!((ids(split), split.verdict.clone()), (vec![2], None));
    assert_eq!(split.statement, "the minister said");

    let mut merged = p.clone();
    apply(&mut merged, |q| merge_groups(q, "ann", new, g).unwrap());
    let layer = merged.layer("ann").unwrap();
    assert_eq!(layer.claim_groups.len(), 1);
    let m = layer.claim_group(new).unwrap();
    assert_eq!(ids(m), [2, 1, 3]);
    assert_eq!(
        m.verdict.as_deref(),
        Some("False"),
        "the empty verdict is filled"
    );
    assert_eq!(
        merge_groups(&p, "ann", g, g).unwrap_err(),
        GroupError::SameGroup
    );

    undo.apply(&mut p).unwrap();
    assert_eq!(p, before_split);
}

#[test]
fn group_fields_and_overrides_are_checked_against_the_scale() {
    let mut p = project();
    let (plan, g) = create_group(&p, &ctx(1), "ann", &[AnnotationId(1), AnnotationId(3)]).unwrap();
    apply(&mut p, |_| plan);
    assert_eq!(
        update_group(&p, "ann", g, GroupChange::Verdict(Some("Pants".into()))).unwrap_err(),
        GroupError::UnknownVerdict("Pants".into())
    );
    assert_eq!(
        update_group(&p, "ann", g, GroupChange::Statement("  ".into())).unwrap_err(),
        GroupError::EmptyStatement
    );
    for change in [
        GroupChange::Statement("Unemployment fell to 4 % in March".into()),
        GroupChange::Rationale("Statistics office, April release".into()),
        GroupChange::Evidence(vec![Evidence {
            url: "https://stats.example/unemployment".into(),
            ..Evidence::default()
        }]),
        GroupChange::Verdict(Some("False".into())),
    ] {
        apply(&mut p, |q| update_group(q, "ann", g, change).unwrap());
    }
    let reason = "This outlet says March and April";
    let no_reason = VerdictOverride {
        verdict: "True".into(),
        reason: " ".into(),
    };
    assert_eq!(
        set_override(&p, "ann", AnnotationId(3), Some(no_reason)).unwrap_err(),
        GroupError::NoReason
    );
    let before = p.clone();
    let o = VerdictOverride {
        verdict: "True".into(),
        reason: reason.into(),
    };
    let undo = apply(&mut p, |q| {
        set_override(q, "ann", AnnotationId(3), Some(o)).unwrap()
    });
    let layer = p.layer("ann").unwrap();
    let verdict = |id| layer.effective_verdict(layer.get(AnnotationId(id)).unwrap());
    assert_eq!((verdict(1), verdict(3)), (Some("False"), Some("True")));
    let g = layer.claim_group(g).unwrap();
    assert_eq!(g.rationale, "Statistics office, April release");
    assert_eq!(g.evidence.len(), 1);
    undo.apply(&mut p).unwrap();
    assert_eq!(p, before);
    assert_eq!(
        set_override(&p, "ann", AnnotationId(2), None).unwrap_err(),
        GroupError::Ungrouped(AnnotationId(2))
    );
}

#[test]
fn removing_a_member_annotation_keeps_the_project_valid_and_undo_restores_it() {
    let mut p = project();
    let (plan, g) = create_group(&p, &ctx(1), "ann", &[AnnotationId(1), AnnotationId(3)]).unwrap();
    apply(&mut p, |_| plan);
    let before = p.clone();

    let undo = Edit::RemoveAnnotation(AnnotationId(3))
        .apply(&mut p)
        .unwrap();
    assert_eq!(p.problems(), Vec::<Problem>::new());
    assert_eq!(ids(p.layer("ann").unwrap().claim_group(g).unwrap()), [1]);
    undo.apply(&mut p).unwrap();
    assert_eq!(p, before);

    let undo = Edit::RemoveAnnotations(vec![AnnotationId(1), AnnotationId(3)])
        .apply(&mut p)
        .unwrap();
    assert_eq!(p.problems(), Vec::<Problem>::new());
    assert!(p.layer("ann").unwrap().claim_groups.is_empty());
    undo.apply(&mut p).unwrap();
    assert_eq!(p, before);

    // A claim made into a tag leaves its group too.
    let mut tag = p
        .layer("ann")
        .unwrap()
        .get(AnnotationId(1))
        .unwrap()
        .clone();
    tag.kind = AnnotationKind::Tag { label: "x".into() };
    let undo = Edit::ReplaceAnnotation(tag).apply(&mut p).unwrap();
    assert_eq!(p.problems(), Vec::<Problem>::new());
    undo.apply(&mut p).unwrap();
    assert_eq!(p, before);
}

#[test]
fn validation_names_every_broken_group() {
    let mut p = project();
    let (plan, g) = create_group(&p, &ctx(1), "ann", &[AnnotationId(1), AnnotationId(3)]).unwrap();
    apply(&mut p, |_| plan);
    let layer = p.layer_mut("ann");
    let mut twin = layer.claim_groups[0].clone();
    twin.verdict = Some("Pants".into());
    twin.members = vec![
        ClaimMember {
            annotation: AnnotationId(3),
            verdict_override: Some(VerdictOverride {
                verdict: "Nope".into(),
                reason: "r".into(),
            }),
        },
        ClaimMember {
            annotation: AnnotationId(4),
            verdict_override: None,
        },
        ClaimMember {
            annotation: AnnotationId(77),
            verdict_override: None,
        },
    ];
    layer.claim_groups.push(twin);
    let layer = "ann".to_owned();
    assert_eq!(
        p.problems(),
        vec![
            Problem::DuplicateClaimGroup {
                layer: layer.clone(),
                group: g
            },
            Problem::UnknownGroupVerdict {
                layer: layer.clone(),
                group: g,
                verdict: "Pants".into()
            },
            Problem::GroupedTwice {
                layer: layer.clone(),
                annotation: AnnotationId(3),
                first: g,
                second: g
            },
            Problem::UnknownOverrideVerdict {
                layer: layer.clone(),
                group: g,
                annotation: AnnotationId(3),
                verdict: "Nope".into()
            },
            Problem::GroupMemberNotClaim {
                layer: layer.clone(),
                group: g,
                annotation: AnnotationId(4)
            },
            Problem::GroupMemberMissing {
                layer,
                group: g,
                annotation: AnnotationId(77)
            },
        ]
    );
    let message = p.problems()[2].to_string();
    assert!(message.contains("is in claim group"), "{message}");
}
