//! One paragraph (one line of the article text, no `\n` inside) run through UAX #9.

use super::direction::Direction;
use super::line::VisualLine;
use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo};

/// The resolved embedding levels of a paragraph, indexed by code point.
///
/// `unicode-bidi` works in bytes; the reader and the file format count code points, so the
/// conversion is done once here.
pub struct ParagraphBidi<'t> {
    info: ParagraphBidiInfo<'t>,
    /// Byte offset of each code point, plus the text's length at the end.
    bytes: Vec<usize>,
}

impl<'t> ParagraphBidi<'t> {
    /// Resolve `text`. `base` forces the paragraph direction (from the article's language);
    /// `None` takes it from the first strong character (rules P2–P3), left to right if
    /// there is none.
    pub fn new(text: &'t str, base: Option<Direction>) -> Self {
        let level = base.map(|d| match d {
            Direction::LeftToRight => Level::ltr(),
            Direction::RightToLeft => Level::rtl(),
        });
        let info = ParagraphBidiInfo::new(text, level);
        let bytes = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        Self { info, bytes }
    }

    pub fn text(&self) -> &'t str {
        self.info.text
    }

    /// Number of code points.
    pub fn char_len(&self) -> usize {
        self.bytes.len() - 1
    }

    /// The paragraph's base direction.
    pub fn direction(&self) -> Direction {
        if self.info.paragraph_level.is_rtl() {
            Direction::RightToLeft
        } else {
            Direction::LeftToRight
        }
    }

    /// True when every character is drawn left to right (nothing to reorder).
    pub fn is_pure_ltr(&self) -> bool {
        self.info.is_pure_ltr && self.info.paragraph_level.is_ltr()
    }

    /// Resolved level of code point `c` (before the line rule L1).
    pub fn level(&self, c: usize) -> u8 {
        self.info.levels[self.bytes[c]].number()
    }

    /// Bidi class of code point `c` as found in the Unicode data.
    pub fn class(&self, c: usize) -> BidiClass {
        self.info.original_classes[self.bytes[c]]
    }

    /// Byte offset of code point `c` (`char_len()` gives the text's length).
    pub fn byte(&self, c: usize) -> usize {
        self.bytes[c]
    }

    /// Visual order of the code points `start..end` drawn as one line (rules L1–L2).
    pub fn line(&self, start: usize, end: usize) -> VisualLine {
        let end = end.min(self.char_len());
        let start = start.min(end);
        let levels: Vec<Level> = if start == end {
            Vec::new()
        } else if self.is_pure_ltr() {
            vec![Level::ltr(); end - start]
        } else {
            let by_byte = self
                .info
                .reordered_levels(self.bytes[start]..self.bytes[end]);
            (start..end).map(|c| by_byte[self.bytes[c]]).collect()
        };
        VisualLine::from_levels(start, &levels)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_direction_from_first_strong_character_or_language() {
        assert_eq!(
            ParagraphBidi::new("«خبر» BBC", None).direction(),
            Direction::RightToLeft
        );
        assert_eq!(
            ParagraphBidi::new("123 BBC خبر", None).direction(),
            Direction::LeftToRight
        );
        // No strong character: left to right unless the language says otherwise.
        assert_eq!(
            ParagraphBidi::new("123", None).direction(),
            Direction::LeftToRight
        );
        assert_eq!(
            ParagraphBidi::new("BBC: خبر", Some(Direction::RightToLeft)).direction(),
            Direction::RightToLeft
        );
        assert!(ParagraphBidi::new("plain text", None).is_pure_ltr());
        assert!(!ParagraphBidi::new("plain متن", None).is_pure_ltr());
    }

    #[test]
    fn levels_are_per_code_point() {
        // Two-byte Arabic letters and a four-byte emoji: indices stay code points.
        let p = ParagraphBidi::new("ab 😀 جد", None);
        assert_eq!(p.char_len(), 7);
        let levels: Vec<u8> = (0..7).map(|c| p.level(c)).collect();
        assert_eq!(levels, [0, 0, 0, 0, 0, 1, 1]);
    }
}
