//! Every claim of a project with its ranked earlier checks, and the groups of the same
//! claim across articles (confirmed and suggested): what `factdesk claims` prints.

use super::grouping::{self, ClaimRef};
use super::retrieval::{CheckIndex, LibraryHit, MATCH_THRESHOLD};
use crate::model::Project;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap, HashSet};

/// How many earlier checks are listed per claim.
pub const CANDIDATES_PER_CLAIM: usize = 5;
/// Checks scoring below this are not listed at all.
pub const MIN_LISTED_SCORE: f64 = 0.1;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimsReport {
    /// A candidate at or above it is one factdesk asserts is the same claim.
    pub threshold: f64,
    pub matches: Vec<ClaimMatches>,
    /// Confirmed groups (of every layer, each once) and then suggested ones.
    pub groups: Vec<Vec<ClaimRef>>,
}

/// One claim and its earlier checks, best first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimMatches {
    #[serde(flatten)]
    pub claim: ClaimRef,
    pub candidates: Vec<Candidate>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Candidate {
    pub url: String,
    pub score: f64,
    /// The check's verdict in the fact-checker's words.
    pub rating: String,
    pub author: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<chrono::NaiveDate>,
}

/// The report over the project's claims (and, with `include_candidates`, the suggester's
/// claim candidates).
pub fn claims_report(project: &Project, include_candidates: bool) -> ClaimsReport {
    let claims = grouping::claims_of(project, include_candidates);
    let index = CheckIndex::new(&project.fact_checks);
    let texts: Vec<&str> = claims.iter().map(|c| c.text.as_str()).collect();
    let ranked = index.rank_many_hits(&texts, CANDIDATES_PER_CLAIM);
    // Each claim's best check files it for grouping: ranked once, for both.
    let best: Vec<_> = ranked.iter().map(|hits| hits.first().copied()).collect();
    let matches = claims
        .iter()
        .zip(ranked)
        .map(|(claim, ranked)| ClaimMatches {
            claim: claim.clone(),
            candidates: ranked
                .into_iter()
                .filter(|r| r.score >= MIN_LISTED_SCORE)
                .map(|r| {
                    let check = index.check(r.check);
                    Candidate {
                        url: check.url.clone(),
                        score: (r.score * 1000.0).round() / 1000.0,
                        rating: check.rating.label.clone(),
                        author: check.author.clone(),
                        date: check.date,
                    }
                })
                .collect(),
        })
        .collect();
    ClaimsReport {
        threshold: MATCH_THRESHOLD,
        matches,
        groups: groups(project, &claims, &best),
    }
}

fn groups(
    project: &Project,
    claims: &[ClaimRef],
    best: &[Option<LibraryHit>],
) -> Vec<Vec<ClaimRef>> {
    let by_annotation: HashMap<_, &ClaimRef> = claims
        .iter()
        .filter_map(|c| Some((c.annotation?, c)))
        .collect();
    // Spans, so the same group in two layers (their own annotation ids) is listed once.
    let mut seen: HashSet<BTreeSet<(u64, usize, usize)>> = HashSet::new();
    let mut out = Vec::new();
    let spans = |members: &[ClaimRef]| -> BTreeSet<(u64, usize, usize)> {
        members
            .iter()
            .map(|m| (m.article.0, m.start, m.end))
            .collect()
    };
    for group in project.layers.iter().flat_map(|l| &l.claim_groups) {
        let members: Vec<ClaimRef> = group
            .members
            .iter()
            .filter_map(|m| by_annotation.get(&m.annotation).map(|c| (*c).clone()))
            .collect();
        if !members.is_empty() && seen.insert(spans(&members)) {
            out.push(members);
        }
    }
    for suggested in grouping::suggest_groups(project, claims.to_vec(), best) {
        if seen.insert(spans(&suggested.members)) {
            out.push(suggested.members);
        }
    }
    out
}
