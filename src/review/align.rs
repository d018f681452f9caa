//! One-to-one alignment of two layers' annotations on one article.
//!
//! First every annotation is paired with one of the same span and label (in id order when
//! there are several). Then the rest are paired greedily, best candidate first: same label
//! before different label, same span before overlap, larger overlap, closer boundaries,
//! then lower ids. The result depends only on the annotations, not on their order.

use crate::model::{Annotation, AnnotationKind, KindName};
use std::cmp::Reverse;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MatchKind {
    /// Same start and end.
    SameSpan,
    /// Overlapping spans with different boundaries.
    Overlap,
}

/// An annotation of layer A aligned with one of layer B.
#[derive(Clone, Copy, Debug)]
pub struct Pair<'a> {
    pub a: &'a Annotation,
    pub b: &'a Annotation,
    pub kind: MatchKind,
}

/// An annotation's label as a cheap key: the kind, plus the label for tags. Equal keys
/// mean equal [`AnnotationKind::label`]s, without comparing strings for the four kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LabelKey<'a> {
    kind: KindName,
    tag: &'a str,
}

impl<'a> LabelKey<'a> {
    pub fn of(kind: &'a AnnotationKind) -> Self {
        match kind {
            AnnotationKind::Tag { label } => Self {
                kind: KindName::Tag,
                tag: label,
            },
            other => Self {
                kind: other.name(),
                tag: "",
            },
        }
    }
}

fn same_label(x: &Annotation, y: &Annotation) -> bool {
    LabelKey::of(&x.kind) == LabelKey::of(&y.kind)
}

impl Pair<'_> {
    pub fn same_label(&self) -> bool {
        same_label(self.a, self.b)
    }

    /// Same span and same label: a strict match for span F1.
    pub fn is_exact(&self) -> bool {
        self.kind == MatchKind::SameSpan && self.same_label()
    }
}

/// The alignment of two layers' annotations on one article.
#[derive(Clone, Debug, Default)]
pub struct Alignment<'a> {
    /// Ordered by A's position (start, end, id).
    pub pairs: Vec<Pair<'a>>,
    pub only_a: Vec<&'a Annotation>,
    pub only_b: Vec<&'a Annotation>,
}

fn position(a: &Annotation) -> (usize, usize, u64) {
    (a.span.start, a.span.end, a.id.0)
}

/// Align two lists of annotations on the same article (see the module documentation).
pub fn align<'a>(a: &[&'a Annotation], b: &[&'a Annotation]) -> Alignment<'a> {
    let mut a: Vec<&'a Annotation> = a.to_vec();
    let mut b: Vec<&'a Annotation> = b.to_vec();
    a.sort_by_key(|x| position(x));
    b.sort_by_key(|x| position(x));
    let mut used_a = vec![false; a.len()];
    let mut used_b = vec![false; b.len()];
    let mut pairs = Vec::new();

    // Exact matches. Both sides are in (start, end, id) order, so equal spans form runs;
    // within a run, each A takes the lowest-id unused B with the same label.
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (ka, kb) = (
            (a[i].span.start, a[i].span.end),
            (b[j].span.start, b[j].span.end),
        );
        if ka < kb {
            i += 1;
        } else if kb < ka {
            j += 1;
        } else {
            let i_end = i + a[i..]
                .iter()
                .take_while(|x| (x.span.start, x.span.end) == ka)
                .count();
            let j_end = j + b[j..]
                .iter()
                .take_while(|y| (y.span.start, y.span.end) == kb)
                .count();
            for x in i..i_end {
                if let Some(y) = (j..j_end).find(|&y| !used_b[y] && same_label(a[x], b[y])) {
                    used_a[x] = true;
                    used_b[y] = true;
                    pairs.push(Pair {
                        a: a[x],
                        b: b[y],
                        kind: MatchKind::SameSpan,
                    });
                }
            }
            (i, j) = (i_end, j_end);
        }
    }

    // Every overlapping pair of what is left, found by a scan bounded by the longest span.
    let rest_b: Vec<usize> = (0..b.len()).filter(|&j| !used_b[j]).collect();
    let max_len = rest_b.iter().map(|&j| b[j].span.len()).max().unwrap_or(0);
    let mut candidates = Vec::new();
    for (i, x) in a.iter().enumerate().filter(|(i, _)| !used_a[*i]) {
        let lo = x.span.start.saturating_sub(max_len);
        let from = rest_b.partition_point(|&j| b[j].span.start < lo);
        for &j in &rest_b[from..] {
            let y = b[j];
            if y.span.start >= x.span.end {
                break;
            }
            if !x.span.overlaps(&y.span) {
                continue;
            }
            let overlap = x.span.end.min(y.span.end) - x.span.start.max(y.span.start);
            let distance = x.span.start.abs_diff(y.span.start) + x.span.end.abs_diff(y.span.end);
            let same_label = same_label(x, y);
            candidates.push((
                (
                    Reverse(same_label),
                    Reverse(distance == 0),
                    Reverse(overlap),
                    distance,
                    x.id,
                    y.id,
                ),
                i,
                j,
            ));
        }
    }
    candidates.sort_unstable_by_key(|c| c.0);
    for (_, i, j) in candidates {
        if used_a[i] || used_b[j] {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        let (x, y) = (a[i], b[j]);
        let kind = if x.span.start == y.span.start && x.span.end == y.span.end {
            MatchKind::SameSpan
        } else {
            MatchKind::Overlap
        };
        pairs.push(Pair { a: x, b: y, kind });
    }
    pairs.sort_by_key(|p| position(p.a));
    Alignment {
        pairs,
        only_a: (0..a.len()).filter(|&i| !used_a[i]).map(|i| a[i]).collect(),
        only_b: (0..b.len()).filter(|&j| !used_b[j]).map(|j| b[j]).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::test_support::{refs, tag};

    #[test]
    fn exact_overlap_and_missing() {
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
        let al = align(&refs(&a), &refs(&b));
        assert_eq!(al.pairs.len(), 2);
        assert!(al.pairs[0].is_exact());
        assert_eq!((al.pairs[1].a.id.0, al.pairs[1].b.id.0), (2, 5));
        assert_eq!(al.pairs[1].kind, MatchKind::Overlap);
        assert_eq!(al.only_a[0].id.0, 3);
        assert_eq!(al.only_b[0].id.0, 6);
    }

    #[test]
    fn prefers_same_label_over_larger_overlap() {
        let a = [tag(1, 0, 20, "Person")];
        let b = [tag(2, 0, 15, "Number"), tag(3, 5, 10, "Person")];
        let al = align(&refs(&a), &refs(&b));
        assert_eq!(al.pairs[0].b.id.0, 3);
        assert_eq!(al.only_b[0].id.0, 2);
    }

    #[test]
    fn nested_spans_match_one_to_one() {
        // A: an outer quote and a claim nested inside it. B: the same two, both with
        // slightly different boundaries. Each must find its own partner, not both the
        // outer one.
        let a = [tag(1, 0, 40, "quote"), tag(2, 10, 20, "claim")];
        let b = [tag(3, 0, 38, "quote"), tag(4, 10, 22, "claim")];
        let al = align(&refs(&a), &refs(&b));
        let got: Vec<(u64, u64)> = al.pairs.iter().map(|p| (p.a.id.0, p.b.id.0)).collect();
        assert_eq!(got, [(1, 3), (2, 4)]);
        assert!(al.only_a.is_empty() && al.only_b.is_empty());
    }

    #[test]
    fn several_candidates_best_first_then_ids() {
        // Two A spans compete for B's 0..10: the closer one (0..9) wins it, the other
        // (2..12) takes B's remaining overlapping span.
        let a = [tag(1, 2, 12, "x"), tag(2, 0, 9, "x")];
        let b = [tag(3, 0, 10, "x"), tag(4, 8, 30, "x")];
        let al = align(&refs(&a), &refs(&b));
        let got: Vec<(u64, u64)> = al.pairs.iter().map(|p| (p.a.id.0, p.b.id.0)).collect();
        assert_eq!(got, [(2, 3), (1, 4)]);
        // Two identical B duplicates of one A span: the lower id is matched.
        let a = [tag(1, 0, 5, "x")];
        let b = [tag(9, 0, 5, "x"), tag(7, 0, 5, "x")];
        let al = align(&refs(&a), &refs(&b));
        assert_eq!(al.pairs[0].b.id.0, 7);
        assert_eq!(al.only_b[0].id.0, 9);
        // Input order does not matter.
        let b_rev = [tag(7, 0, 5, "x"), tag(9, 0, 5, "x")];
        assert_eq!(align(&refs(&a), &refs(&b_rev)).pairs[0].b.id.0, 7);
    }

    #[test]
    fn same_span_different_label_is_paired() {
        let a = [tag(1, 0, 8, "Person")];
        let b = [tag(2, 0, 8, "Place")];
        let al = align(&refs(&a), &refs(&b));
        assert_eq!(al.pairs[0].kind, MatchKind::SameSpan);
        assert!(!al.pairs[0].same_label());
    }
}
