//! Two annotators' claim groups compared: over the claims both marked (aligned per
//! article), which pairs of claims each grouped together, and where groups that share
//! claims got different verdicts.
//!
//! Pairwise agreement is the measure of coreference/clustering studies (pairwise F1): the
//! pairs grouped by both over the pairs grouped by either. It is computed from the
//! contingency of A's and B's groups, so it is linear in the claims, never quadratic in
//! a large group. A claim in no group is a group of its own.

use super::disagreement::align_layers;
use super::metrics::{NotAvailable, Score};
use crate::model::{AnnotationId, AnnotationKind, ClaimGroupId, Layer, Project};
use std::collections::HashMap;

/// How two layers' groupings of the same claims agree.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GroupAgreement {
    /// Claims both layers marked (aligned claim pairs).
    pub claims: usize,
    /// Pairs of those claims grouped together by both layers.
    pub both: u64,
    pub only_a: u64,
    pub only_b: u64,
    /// Claims grouped differently: their groups in A and B do not hold the same claims.
    pub grouping_differs: Vec<ClaimPair>,
    /// Groups of A and B sharing claims with different verdicts.
    pub verdict_differs: Vec<GroupVerdictDiff>,
}

/// One claim as each layer has it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClaimPair {
    pub a: AnnotationId,
    pub b: AnnotationId,
}

/// Two groups sharing claims, with different verdicts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupVerdictDiff {
    /// The first claim (in the project's order) both groups hold, where review shows it.
    pub claim: ClaimPair,
    pub a_group: ClaimGroupId,
    pub b_group: ClaimGroupId,
    pub a_verdict: Option<String>,
    pub b_verdict: Option<String>,
}

impl GroupAgreement {
    /// Pairwise F1 of the two groupings; `None` when neither layer grouped any pair.
    pub fn pairwise_f1(&self) -> Option<f64> {
        let denominator = 2 * self.both + self.only_a + self.only_b;
        (denominator > 0).then(|| 2.0 * self.both as f64 / denominator as f64)
    }
}

/// Claim-group agreement as the agreement report gives it: pairwise precision and recall
/// of A's grouping against B's (B as the reference: against the adjudicated layer, how
/// many of A's pairs hold), their F1, and how many review items the differences make.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GroupFigures {
    /// Claims both layers marked (the ones compared).
    pub claims: usize,
    /// Groups in each layer.
    pub groups_a: usize,
    pub groups_b: usize,
    pub pairs_both: u64,
    pub pairs_only_a: u64,
    pub pairs_only_b: u64,
    /// Pairs both grouped over the pairs A grouped.
    pub precision: Score,
    /// Pairs both grouped over the pairs B grouped.
    pub recall: Score,
    pub f1: Score,
    /// Claims grouped differently.
    pub grouping_differs: usize,
    /// Group pairs sharing claims with different verdicts.
    pub verdict_differs: usize,
}

fn ratio(n: u64, d: u64) -> Score {
    if d == 0 {
        NotAvailable::NoItems.into()
    } else {
        Score::Value(n as f64 / d as f64)
    }
}

impl GroupFigures {
    pub fn of(a: &Layer, b: &Layer, g: &GroupAgreement) -> Self {
        Self {
            claims: g.claims,
            groups_a: a.claim_groups.len(),
            groups_b: b.claim_groups.len(),
            pairs_both: g.both,
            pairs_only_a: g.only_a,
            pairs_only_b: g.only_b,
            precision: ratio(g.both, g.both + g.only_a),
            recall: ratio(g.both, g.both + g.only_b),
            f1: g
                .pairwise_f1()
                .map_or(NotAvailable::NoItems.into(), Score::Value),
            grouping_differs: g.grouping_differs.len(),
            verdict_differs: g.verdict_differs.len(),
        }
    }
}

/// A claim's group, or the claim alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Cluster {
    Group(ClaimGroupId),
    Alone(AnnotationId),
}

fn pairs(n: u64) -> u64 {
    n * n.saturating_sub(1) / 2
}

/// Compare the claim groups of layers `a` and `b`.
pub fn compare_groups(project: &Project, a: &Layer, b: &Layer) -> GroupAgreement {
    let (ia, ib) = (a.group_index(), b.group_index());
    let cluster = |index: &HashMap<AnnotationId, ClaimGroupId>, id| match index.get(&id) {
        Some(g) => Cluster::Group(*g),
        None => Cluster::Alone(id),
    };
    let mut claims = Vec::new();
    for (_, alignment) in align_layers(project, a, b) {
        for p in alignment.pairs {
            if matches!(p.a.kind, AnnotationKind::Claim(_))
                && matches!(p.b.kind, AnnotationKind::Claim(_))
            {
                claims.push((
                    ClaimPair {
                        a: p.a.id,
                        b: p.b.id,
                    },
                    cluster(&ia, p.a.id),
                    cluster(&ib, p.b.id),
                ));
            }
        }
    }
    let mut size_a: HashMap<Cluster, u64> = HashMap::new();
    let mut size_b: HashMap<Cluster, u64> = HashMap::new();
    let mut cell: HashMap<(Cluster, Cluster), u64> = HashMap::new();
    for (_, ca, cb) in &claims {
        *size_a.entry(*ca).or_default() += 1;
        *size_b.entry(*cb).or_default() += 1;
        *cell.entry((*ca, *cb)).or_default() += 1;
    }
    let both: u64 = cell.values().map(|n| pairs(*n)).sum();
    let in_a: u64 = size_a.values().map(|n| pairs(*n)).sum();
    let in_b: u64 = size_b.values().map(|n| pairs(*n)).sum();
    let grouping_differs = claims
        .iter()
        .filter(|(_, ca, cb)| {
            let shared = cell[&(*ca, *cb)];
            shared != size_a[ca] || shared != size_b[cb]
        })
        .map(|(pair, _, _)| *pair)
        .collect();
    let mut verdict_differs = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (pair, ca, cb) in &claims {
        let (Cluster::Group(ga), Cluster::Group(gb)) = (ca, cb) else {
            continue;
        };
        if !seen.insert((*ga, *gb)) {
            continue;
        }
        let va = a.claim_group(*ga).and_then(|g| g.verdict.clone());
        let vb = b.claim_group(*gb).and_then(|g| g.verdict.clone());
        if va != vb {
            verdict_differs.push(GroupVerdictDiff {
                claim: *pair,
                a_group: *ga,
                b_group: *gb,
                a_verdict: va,
                b_verdict: vb,
            });
        }
    }
    GroupAgreement {
        claims: claims.len(),
        both,
        only_a: in_a - both,
        only_b: in_b - both,
        grouping_differs,
        verdict_differs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Annotation, Article, ArticleId, Claim, ClaimGroup, ClaimMember, Provenance, Span,
    };

    const TEXT: &str = "One claim here. Two claim here. Three claim here.";

    fn claim(id: u64, phrase: &str) -> Annotation {
        let start = TEXT.find(phrase).unwrap();
        Annotation::new(
            AnnotationId(id),
            ArticleId(1),
            Span::from_text(TEXT, start, start + phrase.len()).unwrap(),
            AnnotationKind::Claim(Claim::default()),
            Provenance::Manual,
            chrono::DateTime::UNIX_EPOCH,
        )
    }

    fn group(id: u64, verdict: Option<&str>, members: &[u64]) -> ClaimGroup {
        ClaimGroup {
            id: ClaimGroupId(id),
            statement: "s".into(),
            verdict: verdict.map(str::to_owned),
            members: members
                .iter()
                .map(|m| ClaimMember {
                    annotation: AnnotationId(*m),
                    verdict_override: None,
                })
                .collect(),
            ..ClaimGroup::default()
        }
    }

    /// Both layers mark the three sentences; ids 1–3 in A, 11–13 in B.
    fn project(ga: Vec<ClaimGroup>, gb: Vec<ClaimGroup>) -> Project {
        let mut p = Project::new("p");
        p.articles
            .push(Article::new(ArticleId(1), "t", TEXT.into()));
        for (name, base, groups) in [("a", 0, ga), ("b", 10, gb)] {
            let layer = p.layer_mut(name);
            for (i, phrase) in ["One claim", "Two claim", "Three claim"].iter().enumerate() {
                layer.insert(claim(base + i as u64 + 1, phrase));
            }
            layer.claim_groups = groups;
        }
        assert!(p.problems().is_empty(), "{:?}", p.problems());
        p
    }

    fn compare(p: &Project) -> GroupAgreement {
        compare_groups(p, p.layer("a").unwrap(), p.layer("b").unwrap())
    }

    #[test]
    fn the_same_grouping_agrees_and_a_different_verdict_is_found() {
        let p = project(
            vec![group(1, Some("False"), &[1, 2])],
            vec![group(9, Some("True"), &[11, 12])],
        );
        let g = compare(&p);
        assert_eq!((g.claims, g.both, g.only_a, g.only_b), (3, 1, 0, 0));
        assert_eq!(g.pairwise_f1(), Some(1.0));
        assert!(g.grouping_differs.is_empty());
        assert_eq!(
            g.verdict_differs,
            [GroupVerdictDiff {
                claim: ClaimPair {
                    a: AnnotationId(1),
                    b: AnnotationId(11),
                },
                a_group: ClaimGroupId(1),
                b_group: ClaimGroupId(9),
                a_verdict: Some("False".into()),
                b_verdict: Some("True".into()),
            }]
        );
    }

    #[test]
    fn different_groupings_count_their_pairs() {
        // A groups all three (3 pairs); B groups only the first two (1 pair).
        let p = project(
            vec![group(1, None, &[1, 2, 3])],
            vec![group(9, None, &[11, 12])],
        );
        let g = compare(&p);
        assert_eq!((g.both, g.only_a, g.only_b), (1, 2, 0));
        assert_eq!(g.pairwise_f1(), Some(0.5));
        let ids: Vec<u64> = g.grouping_differs.iter().map(|c| c.a.0).collect();
        assert_eq!(ids, [1, 2, 3]);
        assert!(g.verdict_differs.is_empty());
    }

    #[test]
    fn no_groups_on_either_side_is_not_a_score() {
        let g = compare(&project(Vec::new(), Vec::new()));
        assert_eq!(g.pairwise_f1(), None);
        assert_eq!(g.claims, 3);
    }
}
