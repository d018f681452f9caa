//! Shared passages: the same or nearly the same stretch of text in several articles (one
//! outlet quoting another verbatim, or with small edits). Word 8-gram shingles are hashed
//! into one index for the whole project, so the work grows with the total amount of text,
//! not with the square of the number of articles; runs of shared shingles with small gaps
//! (an edited word breaks a few shingles) become one passage.

use super::quotes::pairing;
use super::suggestion::{Place, SharedPassage};
use super::text::{Doc, Range};
use crate::model::{ArticleId, Project};
use std::collections::HashMap;

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 8;
/// Shortest passage reported, in words.
pub const MIN_PASSAGE_WORDS: usize = 12;
/// Shingles found in more articles than this are boilerplate, not a shared passage.
const MAX_ARTICLES_PER_SHINGLE: usize = 20;
/// Broken shingles allowed inside one passage (small edits).
const MAX_GAP: usize = SHINGLE_WORDS + 2;

/// One article's words (code-point ranges) and shingle hashes.
#[derive(Clone, Debug, Default)]
pub struct ArticleShingles {
    pub words: Vec<Range>,
    pub hashes: Vec<u64>,
    /// Stretches inside quotation marks (a passage there is quoted from elsewhere).
    pub quoted: Vec<Range>,
}

/// Shingle an article: words lower-cased, punctuation and quotation marks ignored.
pub fn shingles(doc: &Doc) -> ArticleShingles {
    shingles_with(doc, &pairing::segments(doc))
}

/// [`shingles`] with the quoted segments already paired.
pub fn shingles_with(doc: &Doc, segments: &[pairing::Segment]) -> ArticleShingles {
    let mut words = Vec::new();
    let mut norm: Vec<u64> = Vec::new();
    for t in doc.tokens.iter().filter(|t| t.is_word) {
        words.push(Range {
            start: t.start,
            end: t.end,
        });
        let w: String = t
            .text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        norm.push(xxhash_rust::xxh3::xxh3_64(w.as_bytes()));
    }
    let hashes = if norm.len() >= SHINGLE_WORDS {
        norm.windows(SHINGLE_WORDS)
            .map(|w| {
                let mut h: u64 = 0xcbf2_9ce4_8422_2325;
                for x in w {
                    h = (h ^ x).wrapping_mul(0x0100_0000_01b3).rotate_left(17);
                }
                h
            })
            .collect()
    } else {
        Vec::new()
    };
    let quoted = segments.iter().map(pairing::Segment::outer).collect();
    ArticleShingles {
        words,
        hashes,
        quoted,
    }
}

/// Two articles (indexes into the slice given to [`find`]), the first one lower.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct ArticlePair {
    a: usize,
    b: usize,
}

/// The same shingle at word `a_pos` of one article and `b_pos` of the other.
#[derive(Clone, Copy, Debug)]
struct ShingleMatch {
    a_pos: usize,
    b_pos: usize,
}

/// Where a passage lies in one article, in words (inclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct WordSpan {
    article: usize,
    first: usize,
    last: usize,
}

impl WordSpan {
    fn overlaps(&self, other: &WordSpan) -> bool {
        self.article == other.article && self.first <= other.last && other.first <= self.last
    }
}

/// A passage being assembled from runs.
struct Draft {
    places: Vec<WordSpan>,
    similarity: f32,
}

/// A run of shared shingles between two articles.
struct Run {
    a: usize,
    b: usize,
    a_first: usize,
    a_last: usize,
    b_first: usize,
    b_last: usize,
    shared: usize,
}

/// Find the passages shared between articles.
pub fn find(project: &Project, docs: &[(ArticleId, &ArticleShingles)]) -> Vec<SharedPassage> {
    // Shingle → (article index, first word position).
    let mut index: HashMap<u64, Vec<(usize, usize)>> = HashMap::new();
    for (ai, (_, sh)) in docs.iter().enumerate() {
        for (pos, h) in sh.hashes.iter().enumerate() {
            let e = index.entry(*h).or_default();
            if e.last().is_none_or(|&(a, _)| a != ai) {
                e.push((ai, pos));
            }
        }
    }
    // Matching positions per article pair, in the first article's order.
    let mut pairs: HashMap<ArticlePair, Vec<ShingleMatch>> = HashMap::new();
    for (ai, (_, sh)) in docs.iter().enumerate() {
        for (pos, h) in sh.hashes.iter().enumerate() {
            let Some(hits) = index.get(h) else { continue };
            if hits.len() < 2 || hits.len() > MAX_ARTICLES_PER_SHINGLE {
                continue;
            }
            for &(bi, bpos) in hits {
                if bi > ai {
                    pairs
                        .entry(ArticlePair { a: ai, b: bi })
                        .or_default()
                        .push(ShingleMatch {
                            a_pos: pos,
                            b_pos: bpos,
                        });
                }
            }
        }
    }
    let mut pairs: Vec<(ArticlePair, Vec<ShingleMatch>)> = pairs.into_iter().collect();
    pairs.sort_unstable_by_key(|(k, _)| *k);
    let mut runs: Vec<Run> = Vec::new();
    for (ArticlePair { a, b }, matches) in pairs {
        let mut cur: Option<Run> = None;
        for ShingleMatch {
            a_pos: pa,
            b_pos: pb,
        } in matches
        {
            match cur.as_mut() {
                Some(r)
                    if pa <= r.a_last + MAX_GAP
                        && pb + MAX_GAP >= r.b_last
                        && pb <= r.b_last + MAX_GAP =>
                {
                    r.a_last = pa;
                    r.b_first = r.b_first.min(pb);
                    r.b_last = r.b_last.max(pb);
                    r.shared += 1;
                }
                _ => {
                    if let Some(r) = cur.take() {
                        runs.push(r);
                    }
                    cur = Some(Run {
                        a,
                        b,
                        a_first: pa,
                        a_last: pa,
                        b_first: pb,
                        b_last: pb,
                        shared: 1,
                    });
                }
            }
        }
        runs.extend(cur);
    }
    runs.retain(|r| r.a_last + SHINGLE_WORDS - r.a_first >= MIN_PASSAGE_WORDS);

    // Runs that overlap in some article are one passage: per article, spans sorted by
    // start and swept once, joined with a union-find (n log n however many runs).
    let mut spans: Vec<(WordSpan, usize)> = Vec::with_capacity(runs.len() * 2);
    let mut sims: Vec<f32> = Vec::with_capacity(runs.len());
    for (ri, r) in runs.iter().enumerate() {
        let pa = WordSpan {
            article: r.a,
            first: r.a_first,
            last: r.a_last + SHINGLE_WORDS - 1,
        };
        let pb = WordSpan {
            article: r.b,
            first: r.b_first,
            last: r.b_last + SHINGLE_WORDS - 1,
        };
        let len = (pa.last - pa.first + 1).max(pb.last - pb.first + 1);
        sims.push((r.shared as f32 / (len + 1 - SHINGLE_WORDS) as f32).min(1.0));
        spans.push((pa, ri));
        spans.push((pb, ri));
    }
    spans.sort_unstable_by_key(|(s, _)| (s.article, s.first, s.last));
    let mut parent: Vec<usize> = (0..runs.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut reach: Option<(usize, usize, usize)> = None; // article, last word, run
    for (s, ri) in &spans {
        match reach {
            Some((a, last, rj)) if a == s.article && s.first <= last => {
                let (x, y) = (root(&mut parent, *ri), root(&mut parent, rj));
                parent[x] = y;
                if s.last > last {
                    reach = Some((a, s.last, *ri));
                }
            }
            _ => reach = Some((s.article, s.last, *ri)),
        }
    }
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    let mut passages: Vec<Draft> = Vec::new();
    for (s, ri) in spans {
        let r = root(&mut parent, ri);
        let g = *group_of.entry(r).or_insert_with(|| {
            passages.push(Draft {
                places: Vec::new(),
                similarity: 1.0,
            });
            passages.len() - 1
        });
        let d = &mut passages[g];
        d.similarity = d.similarity.min(sims[ri]);
        // Spans arrive sorted, so an overlapping place of this passage is the last one.
        match d.places.last_mut() {
            Some(p) if p.overlaps(&s) => p.last = p.last.max(s.last),
            _ => d.places.push(s),
        }
    }

    let published = |id: ArticleId| project.article(id).and_then(|a| a.published);
    let mut out = Vec::new();
    for Draft {
        mut places,
        similarity: sim,
    } in passages
    {
        places.sort();
        let placed: Vec<(Place, bool)> = places
            .iter()
            .map(
                |&WordSpan {
                     article: ai,
                     first,
                     last,
                 }| {
                    let (id, sh) = docs[ai];
                    let range = Range {
                        start: sh.words[first].start,
                        end: sh.words[last].end,
                    };
                    let quoted = sh
                        .quoted
                        .iter()
                        .any(|q| q.overlaps(range) && q.len() * 2 >= range.len());
                    (
                        Place {
                            article: id,
                            start: range.start,
                            end: range.end,
                        },
                        quoted,
                    )
                },
            )
            .collect();
        // The likely source: a place that does not itself quote the passage, earliest
        // published first (undated last).
        let candidates: Vec<&(Place, bool)> = if placed.iter().any(|(_, q)| !q) {
            placed.iter().filter(|(_, q)| !q).collect()
        } else {
            placed.iter().collect()
        };
        let source = candidates
            .iter()
            .min_by_key(|(p, _)| (published(p.article).is_none(), published(p.article)))
            .map(|(p, _)| p.clone());
        let text_from = source.clone().unwrap_or_else(|| placed[0].0.clone());
        let text = project
            .article(text_from.article)
            .map(|a| {
                a.text
                    .chars()
                    .skip(text_from.start)
                    .take(text_from.end - text_from.start)
                    .collect()
            })
            .unwrap_or_default();
        out.push(SharedPassage {
            text,
            places: placed.into_iter().map(|(p, _)| p).collect(),
            likely_source: source.map(|p| p.article),
            score: sim,
        });
    }
    out
}
