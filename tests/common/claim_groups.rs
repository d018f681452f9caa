//! Claim groups on the sample project for the review tests: two annotators grouping the
//! claims they both marked alike, differently.

use factdesk::model::*;
use factdesk::review::{Category, CompareOptions, review_items};

/// Claims layers `a` and `b` marked alike (agreements), as (A's id, B's id), in review
/// order.
pub fn agreed_claims(p: &Project, a: &str, b: &str) -> Vec<(AnnotationId, AnnotationId)> {
    review_items(p, a, b, CompareOptions::default())
        .unwrap()
        .into_iter()
        .filter(|i| i.category == Category::Agreement)
        .filter_map(|i| match (i.a, i.b) {
            (Some(x), Some(y)) if matches!(x.kind, AnnotationKind::Claim(_)) => Some((x.id, y.id)),
            _ => None,
        })
        .collect()
}

pub fn group(id: u64, statement: &str, verdict: &str, members: &[AnnotationId]) -> ClaimGroup {
    ClaimGroup {
        id: ClaimGroupId(id),
        statement: statement.into(),
        verdict: Some(verdict.into()),
        members: members
            .iter()
            .map(|m| ClaimMember {
                annotation: *m,
                verdict_override: None,
            })
            .collect(),
        ..ClaimGroup::default()
    }
}

/// Replace the groups of `a` and `b`: `a` groups the first three agreed claims as
/// `verdict_a`, `b` the first two as `verdict_b`. Returns the agreed claims used.
pub fn regroup(
    p: &mut Project,
    a: &str,
    b: &str,
    verdict_a: &str,
    verdict_b: &str,
) -> Vec<(AnnotationId, AnnotationId)> {
    let claims = agreed_claims(p, a, b);
    assert!(claims.len() >= 3, "{} agreed claims", claims.len());
    let (xs, ys): (Vec<AnnotationId>, Vec<AnnotationId>) = claims[..3].iter().copied().unzip();
    p.layer_mut(a).claim_groups = vec![group(1, "The crowd", verdict_a, &xs)];
    p.layer_mut(b).claim_groups = vec![group(2, "The crowd", verdict_b, &ys[..2])];
    assert!(p.problems().is_empty(), "{:?}", p.problems());
    claims[..3].to_vec()
}
