//! Geometry of a line from measured advances: where each code point is drawn, the
//! rectangles of a logical range, and what a pointer position hits.
//!
//! x is in the caller's units (points in the reader), measured from the line's left edge.

use super::line::VisualLine;

/// A horizontal extent `left..right`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct XSpan {
    pub left: f32,
    pub right: f32,
}

/// Where the code points of one line are drawn.
#[derive(Clone, Debug)]
pub struct LineGeometry {
    line: VisualLine,
    /// Left edge of each code point of the line, logical order.
    lefts: Vec<f32>,
    /// Advance of each code point of the line, logical order.
    advances: Vec<f32>,
    width: f32,
}

impl LineGeometry {
    /// `advances[i]` is the measured width of code point `line.start + i` (the share of
    /// its glyph cluster: a ligature's width is split between its letters).
    pub fn new(line: VisualLine, advances: &[f32]) -> Self {
        let n = line.visual.len();
        debug_assert_eq!(advances.len(), n);
        let mut lefts = vec![0.0; n];
        let mut x = 0.0;
        for &c in &line.visual {
            let i = c - line.start;
            lefts[i] = x;
            x += advances.get(i).copied().unwrap_or(0.0);
        }
        Self {
            line,
            lefts,
            advances: advances.to_vec(),
            width: x,
        }
    }

    pub fn line(&self) -> &VisualLine {
        &self.line
    }

    /// Total advance of the line.
    pub fn width(&self) -> f32 {
        self.width
    }

    /// Extent of code point `c`, if it is on this line.
    pub fn char_span(&self, c: usize) -> Option<XSpan> {
        let i = c.checked_sub(self.line.start)?;
        let left = *self.lefts.get(i)?;
        Some(XSpan {
            left,
            right: left + self.advances[i],
        })
    }

    /// The extents covering the logical range `s..e` on this line, left to right: one per
    /// visually contiguous piece, so a range that crosses a direction change gives several.
    pub fn range_spans(&self, s: usize, e: usize) -> Vec<XSpan> {
        let (a, b) = (s.max(self.line.start), e.min(self.line.end));
        let mut out: Vec<XSpan> = Vec::new();
        if a >= b {
            return out;
        }
        let mut open = false;
        for &c in &self.line.visual {
            if c >= a && c < b {
                let span = self.char_span(c).expect("visual holds only line indices");
                match out.last_mut() {
                    Some(last) if open => last.right = span.right,
                    _ => out.push(span),
                }
                open = true;
            } else if self.advances[c - self.line.start] > 0.0 {
                // A zero-width character outside the range (a mark, a joiner) does not
                // split the rectangle.
                open = false;
            }
        }
        out
    }

    /// The code point drawn under `x`, if any.
    pub fn char_at(&self, x: f32) -> Option<usize> {
        self.line.visual.iter().copied().find(|&c| {
            let s = self.char_span(c).expect("line index");
            x >= s.left && x < s.right
        })
    }

    /// The logical caret position (a boundary between code points, as a paragraph index)
    /// nearest to `x`, as a browser places it: in the half of a right-to-left character
    /// nearer its start (its right side) the caret is before it.
    pub fn caret_at(&self, x: f32) -> usize {
        let visible: Vec<usize> = self
            .line
            .visual
            .iter()
            .copied()
            .filter(|&c| self.advances[c - self.line.start] > 0.0)
            .collect();
        let (Some(&first), Some(&last)) = (visible.first(), visible.last()) else {
            return self.line.start;
        };
        let target = if x < self.lefts[first - self.line.start] {
            first
        } else if x >= self.char_span(last).expect("line index").right {
            last
        } else {
            visible
                .iter()
                .copied()
                .find(|&c| x < self.char_span(c).expect("line index").right)
                .unwrap_or(last)
        };
        let span = self.char_span(target).expect("line index");
        let left_half = x < (span.left + span.right) / 2.0;
        let rtl = self.line.is_rtl_at(target);
        // Logical end of the character's cluster: skip zero-width followers (marks, ZWNJ).
        let mut after = target + 1;
        while after < self.line.end && self.advances[after - self.line.start] == 0.0 {
            after += 1;
        }
        if left_half != rtl { target } else { after }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bidi::ParagraphBidi;

    fn geometry(text: &str) -> LineGeometry {
        let p = ParagraphBidi::new(text, None);
        let n = p.char_len();
        // Every character 10 units wide: x is easy to reason about.
        LineGeometry::new(p.line(0, n), &vec![10.0; n])
    }

    #[test]
    fn positions_follow_the_visual_order() {
        // "ab جد": LTR paragraph; the Arabic pair is drawn reversed after "ab ".
        let g = geometry("ab جد");
        let lefts: Vec<f32> = (0..5).map(|c| g.char_span(c).unwrap().left).collect();
        assert_eq!(lefts, [0.0, 10.0, 20.0, 40.0, 30.0]);
        assert_eq!(g.width(), 50.0);
    }

    #[test]
    fn a_range_across_a_direction_change_gives_several_spans() {
        // RTL paragraph "جد ab هو": visual, left to right: و ه ␠ a b ␠ د ج
        let g = geometry("جد ab هو");
        assert_eq!(g.line().visual, [7, 6, 5, 3, 4, 2, 1, 0]);
        // Logical "د ab" (1..5) is drawn as "ab ␠ د" with the space at 2: contiguous.
        assert_eq!(
            g.range_spans(1, 5),
            [XSpan {
                left: 30.0,
                right: 70.0
            }]
        );
        // Logical "ab ه" (3..7) is "a b" then "␠" then "ه" — also contiguous: 10..50.
        assert_eq!(
            g.range_spans(3, 7),
            [XSpan {
                left: 10.0,
                right: 50.0
            }]
        );
        // Logical "د a" (1..4): د at 60..70, space at 50..60, a at 30..40 → two spans.
        assert_eq!(
            g.range_spans(1, 4),
            [
                XSpan {
                    left: 30.0,
                    right: 40.0
                },
                XSpan {
                    left: 50.0,
                    right: 70.0
                }
            ]
        );
        assert!(g.range_spans(8, 9).is_empty());
    }

    #[test]
    fn hit_testing_on_a_mixed_line() {
        let g = geometry("جد ab هو");
        assert_eq!(g.char_at(5.0), Some(7));
        assert_eq!(g.char_at(35.0), Some(3));
        assert_eq!(g.char_at(65.0), Some(1));
        assert_eq!(g.char_at(79.9), Some(0));
        assert_eq!(g.char_at(80.0), None);
        assert_eq!(g.char_at(-1.0), None);
        // Right half of ج (logical 0, RTL): caret before it, at 0; left half: after it.
        assert_eq!(g.caret_at(78.0), 0);
        assert_eq!(g.caret_at(72.0), 1);
        // Left half of "a" (LTR): before it; right half: after it.
        assert_eq!(g.caret_at(31.0), 3);
        assert_eq!(g.caret_at(38.0), 4);
        // Past either end: the logical end (left of an RTL line) and start (its right).
        assert_eq!(g.caret_at(-50.0), 8);
        assert_eq!(g.caret_at(500.0), 0);
    }

    #[test]
    fn zero_width_marks_stay_with_their_letter() {
        // بِ (beh + kasra): the kasra has no advance of its own.
        let p = ParagraphBidi::new("بِسم", None);
        let g = LineGeometry::new(p.line(0, 4), &[8.0, 0.0, 12.0, 9.0]);
        // Visual: م س ِ ب → x: م 0..9, س 9..21, kasra 21..21, ب 21..29.
        assert_eq!(
            g.range_spans(0, 2),
            [XSpan {
                left: 21.0,
                right: 29.0
            }]
        );
        // A caret after ب also skips its mark: it never splits a letter from its vowel.
        assert_eq!(g.caret_at(22.0), 2);
        assert_eq!(g.caret_at(28.0), 0);
        assert_eq!(g.char_at(25.0), Some(0));
    }
}
