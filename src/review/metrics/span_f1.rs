//! Span F1 between two layers: strict (same start, end and label) and lenient
//! (overlapping, same label). With a one-to-one alignment, precision and recall are
//! symmetric, so F1 = 2·matches / (count in A + count in B).

use super::{NotAvailable, Score};

/// Strict and lenient span F1 of one pair of layers (or one label, or one article).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpanF1 {
    pub strict: Score,
    pub lenient: Score,
}

/// 2·matches / (a + b); undefined when both sides are empty.
pub fn f1(matches: usize, count_a: usize, count_b: usize) -> Score {
    if count_a + count_b == 0 {
        return NotAvailable::NoAnnotations.into();
    }
    Score::Value(2.0 * matches as f64 / (count_a + count_b) as f64)
}

impl SpanF1 {
    pub fn new(exact: usize, same_label_overlap: usize, count_a: usize, count_b: usize) -> Self {
        Self {
            strict: f1(exact, count_a, count_b),
            lenient: f1(exact + same_label_overlap, count_a, count_b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        let s = SpanF1::new(1, 1, 4, 3);
        assert_eq!(s.strict, Score::Value(2.0 / 7.0));
        assert_eq!(s.lenient, Score::Value(4.0 / 7.0));
        assert_eq!(f1(3, 3, 3), Score::Value(1.0));
        assert_eq!(f1(0, 0, 0).reason(), Some(NotAvailable::NoAnnotations));
    }
}
