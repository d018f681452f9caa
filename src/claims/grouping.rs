//! Suggested groups: claims (and, if asked, claim candidates) in different articles that
//! state the same thing — close in wording and agreeing in quantities, names and direction
//! ([`super::agreement`]), so "Unemployment fell to 4%" never joins "rose to 4%", "fell
//! to 5%" or the same claim about another place.
//!
//! Not all pairs: each claim is compared only with the claims sharing one of its
//! [`BLOCK_TERMS`] rarest terms (numbers included), and a term held by more than
//! [`MAX_BLOCK`] claims blocks nothing. Work is linear in the number of claims.

use super::agreement::agreement;
use super::retrieval::{LibraryHit, LibraryIndex, MATCH_THRESHOLD, TermIndex, score};
use super::signature::{Signature, signature};
use crate::assist::{self, SuggestionKind};
use crate::model::{AnnotationId, AnnotationKind, ArticleId, Project};
use foldhash::{HashMap, HashSet};
use serde::Serialize;
use std::collections::BTreeSet;
use std::sync::atomic::AtomicBool;

/// Two claims scoring at or above this are suggested as one.
pub const GROUP_THRESHOLD: f64 = 0.5;
/// How many of a claim's rarest terms find the claims it is compared with.
pub const BLOCK_TERMS: usize = 4;
/// A term held by more claims than this is too common to block on.
pub const MAX_BLOCK: usize = 64;

/// Agreement below this between two claims (another number, subject, place or direction)
/// keeps them out of one group, however they are chained.
pub const CONTRADICTION: f64 = 0.45;
/// How many members of each of two groups are checked for a contradiction before they are
/// joined: bounded, so joining stays linear however large the groups grow.
pub const VETO_SAMPLE: usize = 8;

/// One claim in one article: an annotated claim (`annotation` set) or a candidate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClaimRef {
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotation: Option<AnnotationId>,
}

/// Claims of different articles suggested as one claim.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SuggestedGroup {
    /// In article and position order.
    pub members: Vec<ClaimRef>,
    /// The weakest link that joined the group, in [0, 1].
    pub score: f64,
}

/// Every claim of the project once (the same span in two layers is one claim), then, with
/// `include_candidates`, the suggester's claim candidates not already annotated.
pub fn claims_of(project: &Project, include_candidates: bool) -> Vec<ClaimRef> {
    let mut seen: HashSet<(ArticleId, usize, usize)> = HashSet::default();
    let mut out = Vec::new();
    for (_, a) in project.annotations() {
        if matches!(a.kind, AnnotationKind::Claim(_))
            && seen.insert((a.article, a.span.start, a.span.end))
        {
            out.push(ClaimRef {
                article: a.article,
                start: a.span.start,
                end: a.span.end,
                text: a.span.exact.clone(),
                annotation: Some(a.id),
            });
        }
    }
    if include_candidates {
        let options = assist::Options {
            kinds: [SuggestionKind::Claim].into_iter().collect(),
            ..assist::Options::default()
        };
        let cancel = AtomicBool::new(false);
        if let Ok(found) = assist::suggest(project, &options, &mut |_| {}, &cancel) {
            for c in found.claims {
                if seen.insert((c.article, c.start, c.end)) {
                    out.push(ClaimRef {
                        article: c.article,
                        start: c.start,
                        end: c.end,
                        text: c.text,
                        annotation: None,
                    });
                }
            }
        }
    }
    out.sort_by_key(|a| (a.article, a.start, a.end));
    out
}

/// Suggested groups of `claims` (see [`claims_of`]), each filed under its best earlier
/// check (`best`, in the claims' order), leaving out any whose annotated members already
/// form one confirmed group.
pub fn suggest_groups(
    project: &Project,
    claims: Vec<ClaimRef>,
    best: &[Option<LibraryHit>],
) -> Vec<SuggestedGroup> {
    let confirmed: Vec<BTreeSet<AnnotationId>> = project
        .layers
        .iter()
        .flat_map(|l| &l.claim_groups)
        .map(|g| g.members.iter().map(|m| m.annotation).collect())
        .collect();
    group_claims_filed(claims, best)
        .into_iter()
        .filter(|g| {
            let ids: Option<BTreeSet<AnnotationId>> =
                g.members.iter().map(|m| m.annotation).collect();
            !ids.is_some_and(|ids| confirmed.iter().any(|c| ids.is_subset(c)))
        })
        .collect()
}

/// Group claims that state the same thing (members from at least two articles).
pub fn group_claims(claims: Vec<ClaimRef>) -> Vec<SuggestedGroup> {
    let signatures: Vec<Signature> = claims.iter().map(|c| signature(&c.text)).collect();
    group(claims, signatures, Vec::new())
}

/// As [`group_claims`], and two claims in different articles filed under one earlier check
/// (their best match: one factdesk asserts, or a weaker one stating its figure, see
/// [`SPOKE_SCORE`]) are linked through it: outlets that restate a checked claim in words
/// that share almost nothing ("the web suffix" and "the .tv domain") still meet at the
/// check both restate, as Meedan Check clusters items around a known claim. Agreement
/// between the two claims keeps its veto.
pub fn group_claims_against(claims: Vec<ClaimRef>, library: &LibraryIndex) -> Vec<SuggestedGroup> {
    let signatures: Vec<Signature> = claims.iter().map(|c| signature(&c.text)).collect();
    let best: Vec<Option<LibraryHit>> = library
        .top_matches(&signatures, 1)
        .into_iter()
        .map(|hits| hits.first().copied())
        .collect();
    filed(claims, signatures, &best)
}

/// [`group_claims_against`] with each claim's best check already ranked (`best`, in the
/// claims' order): what `factdesk claims` has at hand after listing earlier checks.
pub fn group_claims_filed(
    claims: Vec<ClaimRef>,
    best: &[Option<LibraryHit>],
) -> Vec<SuggestedGroup> {
    let signatures: Vec<Signature> = claims.iter().map(|c| signature(&c.text)).collect();
    filed(claims, signatures, best)
}

fn filed(
    claims: Vec<ClaimRef>,
    signatures: Vec<Signature>,
    best: &[Option<LibraryHit>],
) -> Vec<SuggestedGroup> {
    let mut by_check: HashMap<usize, Vec<Pivot>> = HashMap::default();
    for (claim, hit) in best.iter().enumerate() {
        if let Some(hit) = hit.filter(|h| h.score >= SPOKE_SCORE) {
            by_check.entry(hit.check).or_default().push(Pivot {
                claim,
                score: hit.score,
            });
        }
    }
    let mut links = Vec::new();
    for mut pivots in by_check.into_values() {
        // A star around the best-matching claim: linear in the claims, and every member
        // is one link from the claim the check fits best. The hub is a match factdesk
        // asserts; a weaker claim joins it only stating one of its figures.
        pivots.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.claim.cmp(&y.claim)));
        if pivots[0].score < MATCH_THRESHOLD {
            continue;
        }
        let hub = pivots[0];
        pivots.retain(|p| {
            p.score >= MATCH_THRESHOLD
                || super::agreement::shares_figure(&signatures[p.claim], &signatures[hub.claim])
        });
        let other_hub = pivots
            .iter()
            .find(|p| claims[p.claim].article != claims[hub.claim].article)
            .copied();
        for p in &pivots[1..] {
            let to = if claims[p.claim].article != claims[hub.claim].article {
                Some(hub)
            } else {
                other_hub.filter(|o| o.claim != p.claim)
            };
            if let Some(to) = to {
                links.push(Link {
                    a: to.claim.min(p.claim),
                    b: to.claim.max(p.claim),
                    score: to.score.min(p.score),
                });
            }
        }
    }
    group(claims, signatures, links)
}

/// A claim whose best check scores this (below [`MATCH_THRESHOLD`]) joins a claim the
/// check matches when the two state one figure in common.
pub const SPOKE_SCORE: f64 = 0.15;

/// A claim whose best earlier check is the one it is filed under.
#[derive(Clone, Copy)]
struct Pivot {
    claim: usize,
    score: f64,
}

/// Group claims by their wording and agreement, with `pivot_links` (through earlier checks)
/// joined under the same veto.
fn group(
    claims: Vec<ClaimRef>,
    signatures: Vec<Signature>,
    pivot_links: Vec<Link>,
) -> Vec<SuggestedGroup> {
    let distinct: Vec<Vec<String>> = signatures
        .iter()
        .map(|s| {
            let mut t = s.terms.clone();
            t.sort_unstable();
            t.dedup();
            t
        })
        .collect();
    let index = TermIndex::new(distinct.iter().map(Vec::as_slice));
    let mut compared: HashSet<(u32, u32)> = HashSet::default();
    let mut candidates: Vec<Link> = pivot_links;
    for i in 0..claims.len() {
        let mut blocking: Vec<&String> = distinct[i]
            .iter()
            .filter(|t| (2..=MAX_BLOCK).contains(&index.df(t)))
            .collect();
        blocking.sort_by_key(|t| index.df(t));
        for t in blocking.into_iter().take(BLOCK_TERMS) {
            for j in index.docs_with(t).filter(|&j| j > i) {
                if claims[j].article == claims[i].article || !compared.insert((i as u32, j as u32))
                {
                    continue;
                }
                let shared = shared_idf(&distinct[i], &distinct[j], &index);
                // Dice and the overlap coefficient, geometric mean: a short wire sentence inside
                // a long broadsheet one still scores as the claim it is.
                let (si, sj) = (index.idf_sum(i), index.idf_sum(j));
                let mut lexical = (2.0 * shared / (si + sj) * shared / si.min(sj).max(1e-9)).sqrt();
                if anchored(&signatures[i], &signatures[j], &distinct[i], &distinct[j]) {
                    lexical = lexical.max(ANCHORED_LEXICAL);
                }
                let s = score(lexical.min(1.0), agreement(&signatures[i], &signatures[j]));
                if s >= GROUP_THRESHOLD {
                    candidates.push(Link {
                        a: i,
                        b: j,
                        score: s,
                    });
                }
            }
        }
    }
    // Strongest links first, and none that would put two contradicting claims in one group
    // (a chain "25%" ~ "a quarter" ~ … ~ "50%" stays two groups).
    candidates.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    let mut links = UnionFind::new(claims.len());
    let mut members: HashMap<usize, Vec<usize>> = HashMap::default();
    let mut weakest: HashMap<usize, f64> = HashMap::default();
    for Link { a, b, score: s } in candidates {
        let (ra, rb) = (links.find(a), links.find(b));
        if ra == rb {
            continue;
        }
        let ma = members.remove(&ra).unwrap_or_else(|| vec![ra]);
        let mb = members.remove(&rb).unwrap_or_else(|| vec![rb]);
        let contradicts = ma.iter().take(VETO_SAMPLE).any(|&x| {
            mb.iter()
                .take(VETO_SAMPLE)
                .any(|&y| agreement(&signatures[x], &signatures[y]) < CONTRADICTION)
        });
        if contradicts {
            members.insert(ra, ma);
            members.insert(rb, mb);
            continue;
        }
        let w = s
            .min(weakest.get(&ra).copied().unwrap_or(1.0))
            .min(weakest.get(&rb).copied().unwrap_or(1.0));
        let root = links.union(ra, rb);
        weakest.insert(root, w);
        // The larger list takes the smaller: n log n moves in all.
        let (mut big, small) = if ma.len() >= mb.len() {
            (ma, mb)
        } else {
            (mb, ma)
        };
        big.extend(small);
        members.insert(root, big);
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::default();
    for i in 0..claims.len() {
        groups.entry(links.find(i)).or_default().push(i);
    }
    let mut out: Vec<SuggestedGroup> = groups
        .into_iter()
        .filter(|(_, m)| m.len() > 1)
        .map(|(root, m)| SuggestedGroup {
            score: weakest.get(&root).copied().unwrap_or(GROUP_THRESHOLD),
            members: m.into_iter().map(|i| claims[i].clone()).collect(),
        })
        .collect();
    out.sort_by(|a, b| {
        let key = |g: &SuggestedGroup| (g.members[0].article, g.members[0].start);
        key(a).cmp(&key(b))
    });
    out
}

/// The wording two claims are taken to share when they are anchored ([`anchored`]):
/// outlets restate one figure about one place in words that have little else in common
/// ("CRASHED by ONE-THIRD" and "output -33% y/y").
pub const ANCHORED_LEXICAL: f64 = 0.4;

/// The same figure, one place or person (however written, [`super::agreement::names_meet`]),
/// and a content word in common: the words
/// around them may differ entirely, agreement still has the last word.
fn anchored(a: &Signature, b: &Signature, ta: &[String], tb: &[String]) -> bool {
    let names = super::agreement::names_meet(a, b);
    let content = ta
        .iter()
        .any(|t| !t.starts_with('#') && !a.names.contains(t) && tb.binary_search(t).is_ok());
    names && content && super::agreement::shares_figure(a, b)
}

/// A pair of claims scoring at or above [`GROUP_THRESHOLD`].
struct Link {
    a: usize,
    b: usize,
    score: f64,
}

/// The summed idf of the terms two sorted term lists share.
fn shared_idf(a: &[String], b: &[String], index: &TermIndex) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += index.idf(&a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Disjoint sets with path halving and union by size.
struct UnionFind {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        Self {
            parent: (0..n).collect(),
            size: vec![1; n],
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Join two roots; returns the new root.
    fn union(&mut self, a: usize, b: usize) -> usize {
        if a == b {
            return a;
        }
        let (big, small) = if self.size[a] >= self.size[b] {
            (a, b)
        } else {
            (b, a)
        };
        self.parent[small] = big;
        self.size[big] += self.size[small];
        big
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(article: u64, text: &str) -> ClaimRef {
        ClaimRef {
            article: ArticleId(article),
            start: 0,
            end: text.chars().count(),
            text: text.to_owned(),
            annotation: None,
        }
    }

    #[test]
    fn the_same_claim_groups_and_near_misses_stay_out() {
        let groups = group_claims(vec![
            claim(
                1,
                "Unemployment in Spain fell to 4% last year, the minister said.",
            ),
            claim(2, "Spain's jobless rate dropped to 4 per cent last year."),
            claim(3, "Unemployment in Spain rose to 4% last year."),
            claim(4, "Unemployment in Spain fell to 5% last year."),
            claim(5, "Unemployment in Portugal fell to 4% last year."),
            claim(6, "The city council spent €3m on a new stadium in Lyon."),
        ]);
        assert_eq!(groups.len(), 1, "{groups:#?}");
        let articles: Vec<u64> = groups[0].members.iter().map(|m| m.article.0).collect();
        assert_eq!(articles, vec![1, 2]);
    }

    #[test]
    fn a_chain_of_links_never_joins_two_contradicting_claims() {
        let groups = group_claims(vec![
            claim(1, "Porto cut bus fares by a quarter in 2022."),
            claim(2, "Porto cut bus fares by 25% in 2022, the council said."),
            claim(3, "Porto cut bus fares by 50% in 2022, the council said."),
            claim(4, "Porto cut bus fares by half in 2022."),
        ]);
        for g in &groups {
            let articles: Vec<u64> = g.members.iter().map(|m| m.article.0).collect();
            assert!(
                articles == [1, 2] || articles == [3, 4],
                "contradicting claims in one group: {groups:#?}"
            );
        }
    }
}
