//! Ranked retrieval of published fact-checks for a claim: BM25 (Robertson–Spärck Jones
//! idf, k1 = 1.2, b = 0.75) over each check's `claimReviewed` signature terms (stemmed
//! words and unit-normalised quantities), the best [`POOL`] re-ranked by agreement of
//! quantities, names and direction ([`super::agreement`]), so that a near miss ranks below
//! the real check and below [`MATCH_THRESHOLD`].
//!
//! An own compact inverted index rather than a search engine crate: the library is small
//! enough to build in memory on each run (linear in its text), the scoring has to be
//! combined with our agreement factors, and tantivy-sized crates would bring a storage
//! layer we do not need.

use super::agreement::agreement_with_check;
use super::signature::{Signature, signature};
use crate::model::FactCheck;
use foldhash::HashMap;

/// A candidate scoring at or above this is one factdesk asserts is the same claim.
pub const MATCH_THRESHOLD: f64 = 0.45;

/// How far behind the best check another may score and still be asserted as the same
/// claim (two fact-checkers' checks of one claim score within it).
pub const RUNNER_UP_MARGIN: f64 = 0.1;

/// How many BM25 hits are re-ranked by agreement.
pub const POOL: usize = 40;

/// Documents a query collects from its rarer terms before commoner ones only add to them.
pub const ADMIT_LIMIT: usize = 2048;

const K1: f64 = 1.2;
const B: f64 = 0.75;

/// Inverse document frequency, always positive. A small library (a project's first few
/// checks) counts as [`MIN_DOCS`] documents: with three checks every shared word would
/// otherwise weigh nothing and every word they lack everything.
pub fn idf(docs: usize, df: usize) -> f64 {
    let docs = docs.max(MIN_DOCS).max(df);
    (1.0 + (docs as f64 - df as f64 + 0.5) / (df as f64 + 0.5)).ln()
}

/// The fewest documents idf assumes.
pub const MIN_DOCS: usize = 1000;

#[derive(Clone, Copy, Debug)]
struct Posting {
    doc: u32,
    tf: u32,
}

/// An inverted index of term lists (fact-checks or claims), built in one pass.
#[derive(Debug, Default)]
pub struct TermIndex {
    postings: HashMap<String, Vec<Posting>>,
    lengths: Vec<u32>,
    /// Sum of the idf of each document's distinct terms (for the Dice part of the score).
    idf_sums: Vec<f64>,
    average_length: f64,
}

/// One document's score for a query.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub doc: usize,
    /// Lexical similarity in [0, 1]: normalised BM25 and idf-weighted Dice, averaged.
    pub lexical: f64,
}

impl TermIndex {
    pub fn new<'a>(docs: impl IntoIterator<Item = &'a [String]>) -> Self {
        let mut index = TermIndex::default();
        for (doc, terms) in docs.into_iter().enumerate() {
            index.lengths.push(terms.len() as u32);
            let mut counts: HashMap<&str, u32> = HashMap::default();
            for t in terms {
                *counts.entry(t).or_default() += 1;
            }
            for (t, tf) in counts {
                let posting = Posting {
                    doc: doc as u32,
                    tf,
                };
                // A term's string is allocated once, not once per document holding it.
                match index.postings.get_mut(t) {
                    Some(list) => list.push(posting),
                    None => {
                        index.postings.insert(t.to_owned(), vec![posting]);
                    }
                }
            }
        }
        let n = index.lengths.len();
        index.average_length =
            index.lengths.iter().map(|&l| l as f64).sum::<f64>() / n.max(1) as f64;
        index.idf_sums = vec![0.0; n];
        for list in index.postings.values_mut() {
            list.sort_unstable_by_key(|p| p.doc);
            let w = idf(n, list.len());
            for p in list.iter() {
                index.idf_sums[p.doc as usize] += w;
            }
        }
        index
    }

    pub fn len(&self) -> usize {
        self.lengths.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lengths.is_empty()
    }

    /// The idf of a term in this index (a term it lacks gets the highest).
    pub fn idf(&self, term: &str) -> f64 {
        idf(self.len(), self.postings.get(term).map_or(0, Vec::len))
    }

    /// The summed idf of a document's distinct terms.
    pub fn idf_sum(&self, doc: usize) -> f64 {
        self.idf_sums[doc]
    }

    /// The documents holding a term, in order.
    pub fn docs_with(&self, term: &str) -> impl Iterator<Item = usize> + '_ {
        self.postings
            .get(term)
            .into_iter()
            .flatten()
            .map(|p| p.doc as usize)
    }

    /// Document frequency of a term.
    pub fn df(&self, term: &str) -> usize {
        self.postings.get(term).map_or(0, Vec::len)
    }

    /// The best `limit` documents by BM25, with their lexical similarity. Terms are read
    /// rarest first; a term whose documents would take the found ones past
    /// [`ADMIT_LIMIT`] only adds to documents a rarer term found, so a query costs what
    /// its rare terms cost, not the library's size.
    pub fn search(&self, query: &[String], limit: usize) -> Vec<Hit> {
        self.search_with(&mut Accumulator::default(), query, limit)
    }

    /// [`Self::search`] with a reusable accumulator, for many queries in a row.
    pub fn search_with(&self, acc: &mut Accumulator, query: &[String], limit: usize) -> Vec<Hit> {
        let n = self.len();
        let mut terms: Vec<&str> = query.iter().map(String::as_str).collect();
        terms.sort_unstable();
        terms.dedup();
        let mut lists: Vec<&[Posting]> = terms
            .iter()
            .filter_map(|t| self.postings.get(*t).map(Vec::as_slice))
            .collect();
        lists.sort_by_key(|l| l.len());
        let query_idf: f64 = terms.iter().map(|t| self.idf(t)).sum();
        if n == 0 || query_idf <= 0.0 {
            return Vec::new();
        }
        acc.reset(n);
        for list in lists {
            let w = idf(n, list.len());
            let weight = |p: &Posting| {
                let tf = p.tf as f64;
                let norm = 1.0 - B + B * self.lengths[p.doc as usize] as f64 / self.average_length;
                w * tf * (K1 + 1.0) / (tf + K1 * norm)
            };
            let admit = acc.touched.is_empty() || acc.touched.len() + list.len() <= ADMIT_LIMIT;
            if admit {
                for p in list {
                    acc.add(p.doc, weight(p), w);
                }
            } else {
                for i in 0..acc.touched.len() {
                    let doc = acc.touched[i];
                    if let Ok(at) = list.binary_search_by_key(&doc, |p| p.doc) {
                        acc.add(doc, weight(&list[at]), w);
                    }
                }
            }
        }
        let mut hits: Vec<(u32, f64, f64)> = acc
            .touched
            .iter()
            .map(|&d| (d, acc.bm25[d as usize], acc.matched[d as usize]))
            .collect();
        let keep = limit.min(hits.len());
        if keep == 0 {
            return Vec::new();
        }
        hits.select_nth_unstable_by(keep - 1, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        hits.truncate(keep);
        hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        hits.into_iter()
            .map(|(doc, bm25, matched)| {
                let bm25_part = (bm25 / query_idf).min(1.0);
                let dice = 2.0 * matched / (query_idf + self.idf_sums[doc as usize]);
                Hit {
                    doc: doc as usize,
                    lexical: (0.5 * bm25_part + 0.5 * dice.min(1.0)).clamp(0.0, 1.0),
                }
            })
            .collect()
    }
}

/// Per-document sums of one query, dense so that adding is an index rather than a hash;
/// only the documents touched are cleared for the next query.
#[derive(Debug, Default)]
pub struct Accumulator {
    bm25: Vec<f64>,
    /// Summed idf of the query terms a document holds.
    matched: Vec<f64>,
    touched: Vec<u32>,
}

impl Accumulator {
    fn reset(&mut self, docs: usize) {
        for &d in &self.touched {
            self.bm25[d as usize] = 0.0;
            self.matched[d as usize] = 0.0;
        }
        self.touched.clear();
        if self.bm25.len() != docs {
            self.bm25 = vec![0.0; docs];
            self.matched = vec![0.0; docs];
        }
    }

    fn add(&mut self, doc: u32, bm25: f64, idf: f64) {
        let d = doc as usize;
        if self.matched[d] == 0.0 {
            self.touched.push(doc);
        }
        self.bm25[d] += bm25;
        self.matched[d] += idf;
    }
}

/// The project's library of fact-checks, indexed for ranking.
pub struct CheckIndex<'a> {
    checks: &'a [FactCheck],
    library: LibraryIndex,
}

/// The index of a library without the library itself: what a long-lived cache keeps (the
/// window ranks against the project's checks on every selection, and rebuilds this only
/// when the library changes). Its hits are positions in the library it was built from.
#[derive(Debug, Default)]
pub struct LibraryIndex {
    signatures: Vec<Signature>,
    index: TermIndex,
}

/// A position in the library a [`LibraryIndex`] was built from, with its score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LibraryHit {
    pub check: usize,
    /// In [0, 1]; at or above [`MATCH_THRESHOLD`] it is asserted to be the same claim.
    pub score: f64,
}

impl LibraryIndex {
    pub fn new(checks: &[FactCheck]) -> Self {
        let signatures = in_parallel(checks, |_: &mut (), c| signature(&c.claim_reviewed));
        let index = TermIndex::new(signatures.iter().map(|s| s.terms.as_slice()));
        Self { signatures, index }
    }

    /// How many checks it indexes.
    pub fn len(&self) -> usize {
        self.signatures.len()
    }

    pub fn is_empty(&self) -> bool {
        self.signatures.is_empty()
    }

    /// The best `limit` checks for a claim, best first.
    pub fn rank(&self, claim: &str, limit: usize) -> Vec<LibraryHit> {
        self.rank_with(&mut Accumulator::default(), &signature(claim), limit)
    }

    /// Each claim's best `limit` checks (positions in the library), on every core.
    pub fn top_matches(&self, claims: &[Signature], limit: usize) -> Vec<Vec<LibraryHit>> {
        if self.is_empty() {
            return vec![Vec::new(); claims.len()];
        }
        in_parallel(claims, |acc: &mut Accumulator, claim| {
            self.rank_with(acc, claim, limit)
        })
    }

    fn rank_with(&self, acc: &mut Accumulator, claim: &Signature, limit: usize) -> Vec<LibraryHit> {
        let mut ranked: Vec<LibraryHit> = self
            .index
            .search_with(acc, &claim.terms, POOL.max(limit))
            .into_iter()
            .map(|h| LibraryHit {
                check: h.doc,
                score: score(
                    h.lexical,
                    agreement_with_check(claim, &self.signatures[h.doc]),
                ),
            })
            .collect();
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.check.cmp(&b.check)));
        ranked.truncate(limit);
        // A claim states one thing: a check clearly behind the best one is not the same
        // claim, whatever its own score (two checks of one claim score alike).
        if let Some(best) = ranked.first().map(|h| h.score) {
            for h in ranked.iter_mut().skip(1) {
                if h.score >= MATCH_THRESHOLD && best - h.score > RUNNER_UP_MARGIN {
                    h.score = MATCH_THRESHOLD - 0.01;
                }
            }
        }
        ranked
    }
}

/// A fact-check ranked for a claim.
#[derive(Clone, Debug, PartialEq)]
pub struct RankedCheck<'a> {
    pub check: &'a FactCheck,
    /// In [0, 1]; at or above [`MATCH_THRESHOLD`] it is asserted to be the same claim.
    pub score: f64,
}

impl<'a> CheckIndex<'a> {
    pub fn new(checks: &'a [FactCheck]) -> Self {
        Self {
            checks,
            library: LibraryIndex::new(checks),
        }
    }

    /// How many checks the index holds.
    pub fn len(&self) -> usize {
        self.checks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.checks.is_empty()
    }

    /// The best `limit` checks for a claim, best first.
    pub fn rank(&self, claim: &str, limit: usize) -> Vec<RankedCheck<'a>> {
        self.rank_signature(&signature(claim), limit)
    }

    pub fn rank_signature(&self, claim: &Signature, limit: usize) -> Vec<RankedCheck<'a>> {
        self.rank_with(&mut Accumulator::default(), claim, limit)
    }

    /// The best `limit` checks for each claim as positions in the library, in the claims'
    /// order, ranked on every core.
    pub fn rank_many_hits<S: AsRef<str> + Sync>(
        &self,
        claims: &[S],
        limit: usize,
    ) -> Vec<Vec<LibraryHit>> {
        in_parallel(claims, |acc: &mut Accumulator, claim| {
            self.library
                .rank_with(acc, &signature(claim.as_ref()), limit)
        })
    }

    /// The check at a position of the library.
    pub fn check(&self, position: usize) -> &'a FactCheck {
        &self.checks[position]
    }

    /// The best `limit` checks for each claim, in the claims' order, ranked on every core.
    pub fn rank_many<S: AsRef<str> + Sync>(
        &self,
        claims: &[S],
        limit: usize,
    ) -> Vec<Vec<RankedCheck<'a>>> {
        in_parallel(claims, |acc: &mut Accumulator, claim| {
            self.rank_with(acc, &signature(claim.as_ref()), limit)
        })
    }

    /// The index without the checks it points to.
    pub fn library(&self) -> &LibraryIndex {
        &self.library
    }

    fn rank_with(
        &self,
        acc: &mut Accumulator,
        claim: &Signature,
        limit: usize,
    ) -> Vec<RankedCheck<'a>> {
        self.library
            .rank_with(acc, claim, limit)
            .into_iter()
            .map(|h| RankedCheck {
                check: &self.checks[h.check],
                score: h.score,
            })
            .collect()
    }
}

/// `f` over every item, in order, on every core; each thread keeps its own scratch `A`.
fn in_parallel<T: Sync, A: Default, R: Send>(
    items: &[T],
    f: impl Fn(&mut A, &T) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads <= 1 || items.len() < 256 {
        let mut scratch = A::default();
        return items.iter().map(|item| f(&mut scratch, item)).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                let f = &f;
                scope.spawn(move || {
                    let mut scratch = A::default();
                    part.iter()
                        .map(|item| f(&mut scratch, item))
                        .collect::<Vec<R>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// Lexical similarity times agreement, in [0, 1]. The square root lifts restatements in
/// other words (lexical 0.3–0.6) while agreement keeps near misses down.
pub fn score(lexical: f64, agreement: f64) -> f64 {
    (lexical.sqrt() * agreement).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(url: &str, claim: &str) -> FactCheck {
        FactCheck {
            url: url.to_owned(),
            claim_reviewed: claim.to_owned(),
            ..FactCheck::default()
        }
    }

    #[test]
    fn the_real_check_ranks_above_near_misses_and_the_threshold() {
        let checks = vec![
            check("u/rose", "Unemployment in Spain rose to 4% in 2023"),
            check("u/real", "Unemployment in Spain fell to 4% in 2023"),
            check("u/five", "Unemployment in Spain fell to 5% in 2023"),
            check("u/place", "Unemployment in Portugal fell to 4% in 2023"),
            check("other", "The mayor of Lyon spent €3m on a new stadium"),
        ];
        let index = CheckIndex::new(&checks);
        let ranked = index.rank("Spain's jobless rate dropped to 4 per cent in 2023", 5);
        assert_eq!(ranked[0].check.url, "u/real");
        assert!(ranked[0].score >= MATCH_THRESHOLD, "{ranked:?}");
        assert!(
            ranked[1..].iter().all(|r| r.score < MATCH_THRESHOLD),
            "{ranked:?}"
        );
    }

    #[test]
    fn two_checks_of_one_claim_are_both_asserted_and_a_weaker_one_is_not() {
        let checks = vec![
            check("a/1", "Unemployment in Spain fell to 4% in 2023"),
            check("b/1", "Spain's unemployment rate fell to 4% in 2023"),
            check("c/1", "Unemployment in Spain fell in 2023"),
        ];
        let index = CheckIndex::new(&checks);
        let ranked = index.rank(
            "Unemployment in Spain fell to 4% in 2023, the ministry said",
            3,
        );
        let asserted: Vec<&str> = ranked
            .iter()
            .filter(|r| r.score >= MATCH_THRESHOLD)
            .map(|r| r.check.url.as_str())
            .collect();
        assert!(
            asserted.contains(&"a/1") && asserted.contains(&"b/1"),
            "{ranked:?}"
        );
        assert!(!asserted.contains(&"c/1"), "{ranked:?}");
    }
}
