//! Layer agreement: span alignment, span F1 (strict and overlap) and Cohen's kappa.
//!
//! Two layers are aligned per article. Same span and same label is an exact match; spans
//! that overlap (or coincide with a different label) are a partial match; the rest are
//! present in one layer only. Kappa is computed on the pairs the alignment found, so it
//! measures agreement on *what* was said about a span once both annotators marked it.

use crate::model::{Annotation, AnnotationKind, ArticleId, Layer, LayerRole, Project};
use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MatchKind {
    /// Same start, end and label.
    Exact,
    /// Overlapping spans, or the same span with a different label.
    Partial,
}

/// An annotation of layer A aligned with one of layer B.
#[derive(Clone, Copy, Debug)]
pub struct Pair<'a> {
    pub a: &'a Annotation,
    pub b: &'a Annotation,
    pub kind: MatchKind,
}

impl Pair<'_> {
    pub fn same_label(&self) -> bool {
        self.a.kind.label() == self.b.kind.label()
    }
}

/// The alignment of two layers' annotations on one article.
#[derive(Clone, Debug, Default)]
pub struct Alignment<'a> {
    pub pairs: Vec<Pair<'a>>,
    pub only_a: Vec<&'a Annotation>,
    pub only_b: Vec<&'a Annotation>,
}

/// Align two lists of annotations on the same article. Exact matches first; then each
/// remaining A span takes the overlapping B span with the same label and the largest
/// overlap, then any overlapping B span. Deterministic for a given input order.
pub fn align<'a>(a: &[&'a Annotation], b: &[&'a Annotation]) -> Alignment<'a> {
    let mut out = Alignment::default();
    let mut used_b = vec![false; b.len()];
    let mut exact: HashMap<(usize, usize, &str), Vec<usize>> = HashMap::new();
    for (j, y) in b.iter().enumerate().rev() {
        exact
            .entry((y.span.start, y.span.end, y.kind.label()))
            .or_default()
            .push(j);
    }
    let mut rest_a = Vec::new();
    for x in a {
        let key = (x.span.start, x.span.end, x.kind.label());
        match exact.get_mut(&key).and_then(Vec::pop) {
            Some(j) => {
                used_b[j] = true;
                out.pairs.push(Pair {
                    a: x,
                    b: b[j],
                    kind: MatchKind::Exact,
                });
            }
            None => rest_a.push(*x),
        }
    }

    // Remaining B spans sorted by start, so overlaps are found by a bounded scan.
    let mut rest_b: Vec<usize> = (0..b.len()).filter(|&j| !used_b[j]).collect();
    rest_b.sort_by_key(|&j| (b[j].span.start, b[j].span.end));
    let max_len = rest_b.iter().map(|&j| b[j].span.len()).max().unwrap_or(0);
    for x in rest_a {
        let lo = x.span.start.saturating_sub(max_len);
        let from = rest_b.partition_point(|&j| b[j].span.start < lo);
        let mut best: Option<(bool, usize, usize)> = None; // (same label, overlap, index)
        for &j in &rest_b[from..] {
            let y = b[j];
            if y.span.start >= x.span.end {
                break;
            }
            if used_b[j] || !x.span.overlaps(&y.span) {
                continue;
            }
            let overlap = x.span.end.min(y.span.end) - x.span.start.max(y.span.start);
            let cand = (x.kind.label() == y.kind.label(), overlap, j);
            let better = match best {
                None => true,
                Some((l, o, _)) => (cand.0, cand.1) > (l, o),
            };
            if better {
                best = Some(cand);
            }
        }
        match best {
            Some((_, _, j)) => {
                used_b[j] = true;
                out.pairs.push(Pair {
                    a: x,
                    b: b[j],
                    kind: MatchKind::Partial,
                });
            }
            None => out.only_a.push(x),
        }
    }
    out.only_b = (0..b.len()).filter(|&j| !used_b[j]).map(|j| b[j]).collect();
    out
}

/// Agreement between two layers over a whole project.
#[derive(Clone, Debug, PartialEq)]
pub struct Agreement {
    pub a: String,
    pub b: String,
    pub count_a: usize,
    pub count_b: usize,
    /// Same span, same label.
    pub exact: usize,
    /// Overlapping spans with the same label (not exact).
    pub overlap_same_label: usize,
    /// Aligned pairs (exact or partial) whose labels differ.
    pub label_mismatch: usize,
    /// 2·exact / (count_a + count_b).
    pub strict_f1: f64,
    /// 2·(exact + overlapping with the same label) / (count_a + count_b).
    pub overlap_f1: f64,
    /// Cohen's kappa on the labels of aligned pairs; `None` when undefined.
    pub label_kappa: Option<f64>,
    /// Kappa on the verdicts of aligned claim pairs where both gave one.
    pub verdict_kappa: Option<f64>,
    /// Kappa on check-worthiness of aligned claim pairs where both gave one.
    pub check_worthiness_kappa: Option<f64>,
    /// Kappa on sentiment polarity of aligned sentiment pairs (nominal).
    pub polarity_kappa: Option<f64>,
    /// Strict F1 per label: (exact matches, count in A, count in B).
    pub per_label: BTreeMap<String, (usize, usize, usize)>,
}

impl Agreement {
    /// Number of aligned pairs (exact and partial).
    pub fn aligned(&self) -> usize {
        self.exact + self.overlap_same_label + self.label_mismatch
    }
}

fn f1(matches: usize, a: usize, b: usize) -> f64 {
    if a + b == 0 {
        1.0
    } else {
        2.0 * matches as f64 / (a + b) as f64
    }
}

/// Cohen's kappa for two raters' labels on the same items. `None` when there are no items
/// or chance agreement is already 1 (both raters used one and the same category).
pub fn cohen_kappa<T: Eq + Hash + Clone>(pairs: impl IntoIterator<Item = (T, T)>) -> Option<f64> {
    let mut n = 0usize;
    let mut agree = 0usize;
    let mut count_a: HashMap<T, usize> = HashMap::new();
    let mut count_b: HashMap<T, usize> = HashMap::new();
    for (x, y) in pairs {
        n += 1;
        if x == y {
            agree += 1;
        }
        *count_a.entry(x).or_default() += 1;
        *count_b.entry(y).or_default() += 1;
    }
    if n == 0 {
        return None;
    }
    let nf = n as f64;
    let po = agree as f64 / nf;
    let pe: f64 = count_a
        .iter()
        .map(|(k, &ca)| ca as f64 / nf * count_b.get(k).copied().unwrap_or(0) as f64 / nf)
        .sum();
    if (1.0 - pe).abs() < 1e-12 {
        return None;
    }
    Some((po - pe) / (1.0 - pe))
}

fn by_article(l: &Layer) -> BTreeMap<ArticleId, Vec<&Annotation>> {
    let mut m: BTreeMap<ArticleId, Vec<&Annotation>> = BTreeMap::new();
    for x in &l.annotations {
        m.entry(x.article).or_default().push(x);
    }
    m
}

/// Compare two layers over every article of the project.
pub fn compare(a: &Layer, b: &Layer) -> Agreement {
    let (ga, gb) = (by_article(a), by_article(b));
    let mut pairs = Vec::new();
    let mut per_label: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for x in &a.annotations {
        per_label.entry(x.kind.label().to_owned()).or_default().1 += 1;
    }
    for y in &b.annotations {
        per_label.entry(y.kind.label().to_owned()).or_default().2 += 1;
    }
    let empty = Vec::new();
    let mut articles: Vec<&ArticleId> = ga.keys().chain(gb.keys()).collect();
    articles.sort();
    articles.dedup();
    for art in articles {
        let al = align(ga.get(art).unwrap_or(&empty), gb.get(art).unwrap_or(&empty));
        pairs.extend(al.pairs);
    }

    let exact = pairs.iter().filter(|p| p.kind == MatchKind::Exact).count();
    let overlap_same_label = pairs
        .iter()
        .filter(|p| p.kind == MatchKind::Partial && p.same_label())
        .count();
    let label_mismatch = pairs.iter().filter(|p| !p.same_label()).count();
    for p in pairs.iter().filter(|p| p.kind == MatchKind::Exact) {
        per_label.entry(p.a.kind.label().to_owned()).or_default().0 += 1;
    }
    let (na, nb) = (a.annotations.len(), b.annotations.len());

    let label_kappa = cohen_kappa(pairs.iter().map(|p| (p.a.kind.label(), p.b.kind.label())));
    let claims = || {
        pairs.iter().filter_map(|p| match (&p.a.kind, &p.b.kind) {
            (AnnotationKind::Claim(x), AnnotationKind::Claim(y)) => Some((x, y)),
            _ => None,
        })
    };
    let verdict_kappa = cohen_kappa(
        claims().filter_map(|(x, y)| Some((x.verdict.as_deref()?, y.verdict.as_deref()?))),
    );
    let check_worthiness_kappa =
        cohen_kappa(claims().filter_map(|(x, y)| Some((x.check_worthiness?, y.check_worthiness?))));
    let polarity_kappa = cohen_kappa(pairs.iter().filter_map(|p| match (&p.a.kind, &p.b.kind) {
        (AnnotationKind::Sentiment(x), AnnotationKind::Sentiment(y)) => {
            Some((x.polarity, y.polarity))
        }
        _ => None,
    }));

    Agreement {
        a: a.annotator.clone(),
        b: b.annotator.clone(),
        count_a: na,
        count_b: nb,
        exact,
        overlap_same_label,
        label_mismatch,
        strict_f1: f1(exact, na, nb),
        overlap_f1: f1(exact + overlap_same_label, na, nb),
        label_kappa,
        verdict_kappa,
        check_worthiness_kappa,
        polarity_kappa,
        per_label,
    }
}

/// Agreement for every pair of annotator layers (the adjudicated layer is not a rater).
pub fn compare_all(project: &Project) -> Vec<Agreement> {
    let raters: Vec<&Layer> = project
        .layers
        .iter()
        .filter(|l| l.role == LayerRole::Annotator)
        .collect();
    let mut out = Vec::new();
    for (i, a) in raters.iter().enumerate() {
        for b in &raters[i + 1..] {
            out.push(compare(a, b));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AnnotationId, Claim, Provenance, Span, Status};

    const TEXT: &str = "Khamenei said the crowd numbered in the millions on Monday.";

    fn ann(id: u64, start: usize, end: usize, kind: AnnotationKind) -> Annotation {
        let t = chrono::DateTime::from_timestamp(0, 0).unwrap();
        Annotation {
            id: AnnotationId(id),
            article: ArticleId(1),
            span: Span::from_text(TEXT, start, end).unwrap(),
            kind,
            note: String::new(),
            status: Status::Draft,
            provenance: Provenance::Manual,
            created: t,
            modified: t,
        }
    }

    fn tag(id: u64, start: usize, end: usize, label: &str) -> Annotation {
        ann(
            id,
            start,
            end,
            AnnotationKind::Tag {
                label: label.into(),
            },
        )
    }

    fn claim(id: u64, start: usize, end: usize, verdict: &str) -> Annotation {
        ann(
            id,
            start,
            end,
            AnnotationKind::Claim(Claim {
                verdict: Some(verdict.into()),
                ..Claim::default()
            }),
        )
    }

    fn layer(name: &str, anns: Vec<Annotation>) -> Layer {
        let mut l = Layer::new(name, LayerRole::Annotator);
        l.annotations = anns;
        l
    }

    #[test]
    fn aligns_exact_partial_and_missing() {
        let a = [
            tag(1, 0, 8, "Person"),
            tag(2, 18, 23, "Number"),
            tag(3, 52, 58, "Date"),
        ];
        let b = [
            tag(4, 0, 8, "Person"),
            tag(5, 14, 23, "Number"),
            tag(6, 40, 48, "Number"),
        ];
        let ar: Vec<&Annotation> = a.iter().collect();
        let br: Vec<&Annotation> = b.iter().collect();
        let al = align(&ar, &br);
        assert_eq!(al.pairs.len(), 2);
        assert_eq!(al.pairs[0].kind, MatchKind::Exact);
        assert_eq!((al.pairs[1].a.id.0, al.pairs[1].b.id.0), (2, 5));
        assert_eq!(al.pairs[1].kind, MatchKind::Partial);
        assert_eq!(al.only_a.len(), 1);
        assert_eq!(al.only_a[0].id.0, 3);
        assert_eq!(al.only_b[0].id.0, 6);
    }

    #[test]
    fn partial_prefers_same_label() {
        let a = [tag(1, 0, 20, "Person")];
        let b = [tag(2, 0, 15, "Number"), tag(3, 5, 10, "Person")];
        let ar: Vec<&Annotation> = a.iter().collect();
        let br: Vec<&Annotation> = b.iter().collect();
        let al = align(&ar, &br);
        assert_eq!(al.pairs[0].b.id.0, 3);
    }

    #[test]
    fn figures() {
        let a = layer(
            "alice",
            vec![
                claim(1, 0, 8, "True"),
                claim(2, 14, 23, "False"),
                tag(3, 40, 48, "Number"),
                tag(7, 52, 58, "Date"),
            ],
        );
        let b = layer(
            "bob",
            vec![
                claim(4, 0, 8, "True"),
                claim(5, 14, 25, "True"),
                tag(6, 40, 48, "Place"),
            ],
        );
        let g = compare(&a, &b);
        assert_eq!((g.count_a, g.count_b), (4, 3));
        assert_eq!(g.exact, 1);
        assert_eq!(g.overlap_same_label, 1);
        assert_eq!(g.label_mismatch, 1);
        assert!((g.strict_f1 - 2.0 / 7.0).abs() < 1e-9);
        assert!((g.overlap_f1 - 4.0 / 7.0).abs() < 1e-9);
        // Verdicts: (True, True), (False, True): po = 0.5, pe = 0.5·1 + 0.5·0 = 0.5 → 0.
        assert_eq!(g.verdict_kappa, Some(0.0));
        assert_eq!(g.per_label["claim"], (1, 2, 2));
    }

    #[test]
    fn kappa_textbook() {
        // 50 items: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → κ = 0.4.
        let mut pairs = Vec::new();
        pairs.extend(std::iter::repeat_n(("y", "y"), 20));
        pairs.extend(std::iter::repeat_n(("y", "n"), 5));
        pairs.extend(std::iter::repeat_n(("n", "y"), 10));
        pairs.extend(std::iter::repeat_n(("n", "n"), 15));
        let k = cohen_kappa(pairs).unwrap();
        assert!((k - 0.4).abs() < 1e-9, "{k}");
        assert_eq!(cohen_kappa(Vec::<(u8, u8)>::new()), None);
        assert_eq!(cohen_kappa([(1, 1), (1, 1)]), None);
    }
}
