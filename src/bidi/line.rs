//! One line of a paragraph in visual order, with code-point indices.

use unicode_bidi::Level;

/// A maximal run of one line drawn in one direction: logical code points `start..end` of
/// the paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VisualRun {
    pub start: usize,
    pub end: usize,
    pub level: u8,
}

impl VisualRun {
    pub fn is_rtl(&self) -> bool {
        self.level % 2 == 1
    }
}

/// The logical↔visual mapping of a line (logical code points `start..end` of its paragraph).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisualLine {
    pub start: usize,
    pub end: usize,
    /// Level of each code point of the line (after rule L1), logical order.
    pub levels: Vec<u8>,
    /// `visual[i]` = the paragraph index of the code point drawn `i`-th from the left.
    pub visual: Vec<usize>,
    /// `position[c - start]` = where code point `c` is drawn (its index in `visual`).
    pub position: Vec<usize>,
    /// Same-level runs, left to right.
    pub runs: Vec<VisualRun>,
}

impl VisualLine {
    /// Build from the levels of `start..start + levels.len()` (rule L2).
    pub(crate) fn from_levels(start: usize, levels: &[Level]) -> Self {
        let n = levels.len();
        let visual_rel =
            if levels.iter().all(|l| l.is_ltr()) && levels.iter().all(|l| *l == levels[0]) {
                (0..n).collect()
            } else {
                unicode_bidi::ParagraphBidiInfo::reorder_visual(levels)
            };
        let mut position = vec![0; n];
        for (v, &l) in visual_rel.iter().enumerate() {
            position[l] = v;
        }
        let mut runs: Vec<VisualRun> = Vec::new();
        for &l in &visual_rel {
            let level = levels[l].number();
            let c = start + l;
            match runs.last_mut() {
                Some(r) if r.level == level && !r.is_rtl() && r.end == c => r.end += 1,
                Some(r) if r.level == level && r.is_rtl() && r.start == c + 1 => r.start = c,
                _ => runs.push(VisualRun {
                    start: c,
                    end: c + 1,
                    level,
                }),
            }
        }
        Self {
            start,
            end: start + n,
            levels: levels.iter().map(|l| l.number()).collect(),
            visual: visual_rel.into_iter().map(|l| start + l).collect(),
            position,
            runs,
        }
    }

    /// Whether code point `c` (in this line) is drawn right to left.
    pub fn is_rtl_at(&self, c: usize) -> bool {
        self.levels[c - self.start] % 2 == 1
    }

    /// Visual position of code point `c` of the line.
    pub fn visual_of(&self, c: usize) -> Option<usize> {
        c.checked_sub(self.start)
            .and_then(|i| self.position.get(i))
            .copied()
    }

    /// The code point drawn at visual position `v`.
    pub fn logical_of(&self, v: usize) -> Option<usize> {
        self.visual.get(v).copied()
    }
}

#[cfg(test)]
mod tests {
    use crate::bidi::{Direction, ParagraphBidi};

    /// One line of the committed extract of `BidiCharacterTest.txt`.
    struct Case {
        text: String,
        direction: Option<Direction>,
        paragraph_level: u8,
        levels: Vec<u8>,
        /// Logical indices, left to right.
        order: Vec<usize>,
    }

    fn conformance() -> Vec<Case> {
        let data = include_str!("../../tests/data/bidi/BidiCharacterTest-extract.txt");
        let nums = |s: &str| -> Vec<usize> { s.split(' ').map(|n| n.parse().unwrap()).collect() };
        data.lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let f: Vec<&str> = l.split(';').collect();
                Case {
                    text: f[0]
                        .split(' ')
                        .map(|h| char::from_u32(u32::from_str_radix(h, 16).unwrap()).unwrap())
                        .collect(),
                    direction: match f[1] {
                        "0" => Some(Direction::LeftToRight),
                        "1" => Some(Direction::RightToLeft),
                        _ => None,
                    },
                    paragraph_level: f[2].parse().unwrap(),
                    levels: nums(f[3]).into_iter().map(|n| n as u8).collect(),
                    order: nums(f[4]),
                }
            })
            .collect()
    }

    #[test]
    fn unicode_conformance_examples() {
        let cases = conformance();
        assert_eq!(cases.len(), 16);
        for case in cases {
            let text = &case.text;
            let p = ParagraphBidi::new(text, case.direction);
            assert_eq!(p.direction().is_rtl(), case.paragraph_level == 1, "{text}");
            let line = p.line(0, p.char_len());
            assert_eq!(line.levels, case.levels, "levels of {text:?}");
            assert_eq!(line.visual, case.order, "visual order of {text:?}");
            for (v, &c) in case.order.iter().enumerate() {
                assert_eq!(line.visual_of(c), Some(v));
                assert_eq!(line.logical_of(v), Some(c));
            }
        }
    }

    #[test]
    fn runs_of_a_mixed_line() {
        // "Reuters" and 1404 inside Persian: the paragraph is RTL, the name and the number
        // are LTR runs drawn where a Persian reader expects them.
        let text = "خبرگزاری Reuters در سال 1404 گفت";
        let p = ParagraphBidi::new(text, None);
        let line = p.line(0, p.char_len());
        let runs: Vec<(String, bool)> = line
            .runs
            .iter()
            .map(|r| {
                (
                    text.chars().skip(r.start).take(r.end - r.start).collect(),
                    r.is_rtl(),
                )
            })
            .collect();
        assert_eq!(
            runs,
            [
                (" گفت".to_owned(), true),
                ("1404".to_owned(), false),
                (" در سال ".to_owned(), true),
                ("Reuters".to_owned(), false),
                ("خبرگزاری ".to_owned(), true),
            ]
        );
    }

    #[test]
    fn trailing_spaces_of_a_line_take_the_paragraph_direction() {
        // Rule L1: the space that ends a wrapped line goes to the paragraph's end side.
        let text = "abc جد هو";
        let p = ParagraphBidi::new(text, None);
        let line = p.line(0, 7); // "abc جد " — the line ends after the space
        assert_eq!(line.levels, [0, 0, 0, 0, 1, 1, 0]);
        assert_eq!(line.visual, [0, 1, 2, 3, 5, 4, 6]);
        // A line in the middle of the paragraph keeps paragraph indices.
        let second = p.line(7, 9);
        assert_eq!(second.visual, [8, 7]);
        assert_eq!(second.start, 7);
    }
}
