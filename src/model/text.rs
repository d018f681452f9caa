//! Text normalisation and code-point offsets.
//!
//! Offsets in the file format count Unicode scalar values (code points), like Python, the
//! W3C TextPositionSelector and Hugging Face datasets. Rust strings index by bytes, so every
//! conversion goes through [`TextIndex`].

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Normalise text once, on import: no BOM (U+FEFF), `\n` line ends, NFC.
pub fn normalize(raw: &str) -> String {
    // U+FEFF anywhere (a BOM, or one left inside by concatenated files) is dropped: it is
    // invisible, and a trimmed text must not start with one.
    let mut s = if raw.contains('\u{feff}') {
        raw.replace('\u{feff}', "")
    } else {
        raw.to_owned()
    };
    if s.contains('\r') {
        s = s.replace("\r\n", "\n").replace('\r', "\n");
    }
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s
    } else {
        s.nfc().collect()
    }
}

/// True when [`normalize`] would leave the text as it is.
pub fn is_normalized(s: &str) -> bool {
    !s.contains('\u{feff}')
        && !s.contains('\r')
        && match is_nfc_quick(s.chars()) {
            IsNormalized::Yes => true,
            IsNormalized::No => false,
            IsNormalized::Maybe => s.nfc().eq(s.chars()),
        }
}

/// Content hash of an article text, stored with the article so a changed text is noticed.
pub fn hash(text: &str) -> String {
    format!(
        "xxh3-128:{:032x}",
        xxhash_rust::xxh3::xxh3_128(text.as_bytes())
    )
}

/// Number of code points in `s`.
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Maps code-point offsets to byte offsets in one text in O(1)-ish time.
///
/// Keeps the byte offset of every 64th code point; a lookup walks at most 63 code points.
#[derive(Clone, Debug)]
pub struct TextIndex {
    ascii: bool,
    char_len: usize,
    /// `checkpoints[i]` = byte offset of code point `i * STEP`.
    checkpoints: Vec<usize>,
}

const STEP: usize = 64;

impl TextIndex {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Self {
                ascii: true,
                char_len: text.len(),
                checkpoints: Vec::new(),
            };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / STEP + 1);
        let mut n = 0;
        for (byte, _) in text.char_indices() {
            if n % STEP == 0 {
                checkpoints.push(byte);
            }
            n += 1;
        }
        Self {
            ascii: false,
            char_len: n,
            checkpoints,
        }
    }

    /// Length of the text in code points.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Byte offset of code point `idx` (`idx == char_len` gives the text's byte length).
    pub fn byte_of(&self, text: &str, idx: usize) -> Option<usize> {
        if idx > self.char_len {
            return None;
        }
        if self.ascii {
            return Some(idx);
        }
        if idx == self.char_len {
            return Some(text.len());
        }
        let base = self.checkpoints[idx / STEP];
        let rest = idx % STEP;
        text[base..].char_indices().nth(rest).map(|(b, _)| base + b)
    }

    /// Code-point offset of byte offset `byte` (which must be a char boundary).
    pub fn char_of(&self, text: &str, byte: usize) -> Option<usize> {
        if byte > text.len() || !text.is_char_boundary(byte) {
            return None;
        }
        if self.ascii {
            return Some(byte);
        }
        let cp = self.checkpoints.partition_point(|&b| b <= byte) - 1;
        Some(cp * STEP + text[self.checkpoints[cp]..byte].chars().count())
    }

    /// The text between two code-point offsets.
    pub fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> Option<&'t str> {
        if start > end {
            return None;
        }
        let b0 = self.byte_of(text, start)?;
        let b1 = if end - start < STEP {
            // Walk forward from start instead of a second lookup.
            if end == start {
                b0
            } else {
                let tail = &text[b0..];
                match tail.char_indices().nth(end - start) {
                    Some((b, _)) => b0 + b,
                    None if char_len(tail) == end - start => text.len(),
                    None => return None,
                }
            }
        } else {
            self.byte_of(text, end)?
        };
        Some(&text[b0..b1])
    }
}

/// Widen `start..end` (code points) to whole words and trim surrounding white space, the
/// way a careful annotator would place a span. Returns the input if nothing is left.
pub fn snap_to_words(text: &str, start: usize, end: usize) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let (mut s, mut e) = (start.min(n), end.min(n));
    let word = is_word_char;
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if s == e {
        return (start, end);
    }
    while s > 0 && word(chars[s - 1]) && word(chars[s]) {
        s -= 1;
    }
    while e < n && word(chars[e]) && word(chars[e - 1]) {
        e += 1;
    }
    (s, e)
}

/// Part of a word for selection: letters and digits of any script, their combining marks
/// (Arabic vowel signs, accents), the joiners Persian writes inside words (ZWNJ U+200C,
/// ZWJ U+200D), apostrophes and hyphens.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || unicode_normalization::char::is_combining_mark(c)
        || matches!(c, '\u{200c}' | '\u{200d}' | '\'' | '’' | '-')
}

/// The word around code point `at` (for double clicks); `None` on white space.
pub fn word_at(text: &str, at: usize) -> Option<(usize, usize)> {
    let c = text.chars().nth(at)?;
    if c.is_whitespace() {
        return None;
    }
    Some(snap_to_words(text, at, at + 1))
}

/// `text` cut to at most `max` code points at a word boundary, with "…" when it was cut
/// (a title in a list, a passage in a window): never half a word.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let keep: String = text.chars().take(max.saturating_sub(1)).collect();
    let at_boundary = text[keep.len()..].starts_with(char::is_whitespace);
    let cut = match keep.char_indices().rev().find(|(_, c)| c.is_whitespace()) {
        _ if at_boundary => keep.as_str(),
        // Cut at the last space unless that loses more than half of what fits.
        Some((at, _)) if keep[..at].chars().count() * 2 >= max => &keep[..at],
        _ => keep.as_str(),
    };
    format!(
        "{}…",
        cut.trim_end_matches(|c: char| c.is_whitespace() || ",;:".contains(c))
    )
}

/// Converts between code-point offsets and UTF-16 code-unit offsets (JavaScript string
/// indices) in one text, for files written by JavaScript tools (old Label Studio versions).
///
/// Only characters outside the Basic Multilingual Plane differ (two units, one code point),
/// so it keeps just their positions.
#[derive(Clone, Debug)]
pub struct Utf16Index {
    /// Code-point offsets of the characters that take two UTF-16 units, ascending.
    astral: Vec<usize>,
    char_len: usize,
}

impl Utf16Index {
    pub fn new(text: &str) -> Self {
        let mut astral = Vec::new();
        let mut n = 0;
        for c in text.chars() {
            if c.len_utf16() == 2 {
                astral.push(n);
            }
            n += 1;
        }
        Self {
            astral,
            char_len: n,
        }
    }

    /// UTF-16 offset of code point `idx` (`idx == char_len` gives the UTF-16 length).
    pub fn to_utf16(&self, idx: usize) -> Option<usize> {
        (idx <= self.char_len).then(|| idx + self.astral.partition_point(|&p| p < idx))
    }

    /// Code-point offset of UTF-16 offset `unit`; `None` past the end or between the two
    /// halves of a surrogate pair.
    pub fn from_utf16(&self, unit: usize) -> Option<usize> {
        // The i-th astral character starts at UTF-16 offset `astral[i] + i`.
        // `astral[i] + i` grows strictly, so binary-search the astral characters that end
        // at or before `unit`.
        let (mut before, mut hi) = (0, self.astral.len());
        while before < hi {
            let mid = (before + hi) / 2;
            if self.astral[mid] + mid + 2 <= unit {
                before = mid + 1;
            } else {
                hi = mid;
            }
        }
        if let Some(&p) = self.astral.get(before)
            && p + before + 1 == unit
        {
            return None;
        }
        let idx = unit.checked_sub(before)?;
        (idx <= self.char_len).then_some(idx)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn shorten_cuts_at_a_word_boundary() {
        let title = "Video Shows Supreme Leader of Iran Weeping at Soleimani’s Funeral";
        let short = super::shorten(title, 30);
        assert_eq!(short, "Video Shows Supreme Leader of…");
        assert_eq!(super::shorten("short", 30), "short");
        let word = "x".repeat(50);
        assert_eq!(super::shorten(&word, 10).chars().count(), 10);
        assert_eq!(
            super::shorten("ازدحام مرگبار در مراسم تشییع", 15),
            "ازدحام مرگبار…"
        );
    }

    #[test]
    fn snaps_to_words() {
        let t = "Khamenei’s voice cracked, 😀 said X.";
        // "amenei’s voi" → "Khamenei’s voice"
        assert_eq!(super::snap_to_words(t, 2, 14), (0, 16));
        assert_eq!(super::snap_to_words(t, 16, 18), (17, 24));
        assert_eq!(super::word_at(t, 18), Some((17, 24)));
        assert_eq!(super::word_at(t, 16), None);
    }

    #[test]
    fn words_of_arabic_and_persian() {
        // Persian "می‌خواهم" has a ZWNJ inside: one word, not two.
        let t = "من می\u{200c}خواهم بروم";
        assert_eq!(super::word_at(t, 3), Some((3, 11)));
        assert_eq!(super::word_at(t, 9), Some((3, 11)));
        assert_eq!(super::snap_to_words(t, 5, 13), (3, 16));
        // Arabic with vowel marks (kasra, sukun): the marks belong to the word.
        let t = "بِسْمِ اللهِ";
        assert_eq!(super::word_at(t, 0), Some((0, 6)));
        assert_eq!(super::word_at(t, 5), Some((0, 6)));
        assert_eq!(super::word_at(t, 8), Some((7, 12)));
        // Arabic comma and full stop end a word.
        let t = "قال، ثم ذهب.";
        assert_eq!(super::word_at(t, 1), Some((0, 3)));
        assert_eq!(super::word_at(t, 9), Some((8, 11)));
    }

    use super::*;

    #[test]
    fn index_matches_chars() {
        let text = "a😀é\u{301}ب中".repeat(50);
        let idx = TextIndex::new(&text);
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        assert_eq!(idx.char_len(), chars.len());
        for (i, (b, _)) in chars.iter().enumerate() {
            assert_eq!(idx.byte_of(&text, i), Some(*b));
            assert_eq!(idx.char_of(&text, *b), Some(i));
        }
        assert_eq!(idx.byte_of(&text, chars.len()), Some(text.len()));
        assert_eq!(idx.byte_of(&text, chars.len() + 1), None);
        let s: String = text.chars().skip(3).take(70).collect();
        assert_eq!(idx.slice(&text, 3, 73), Some(s.as_str()));
    }

    #[test]
    fn normalizes() {
        assert_eq!(normalize("\u{feff}a\r\nb\rc e\u{301}"), "a\nb\nc é");
        assert_eq!(normalize("\u{feff}\u{feff}x"), "x");
        assert_eq!(normalize("Title\n\n\u{feff}Body"), "Title\n\nBody");
        assert!(is_normalized("a\nb é"));
        assert!(!is_normalized("e\u{301}"));
    }

    #[test]
    fn utf16_offsets() {
        // 😀 and 🇮🇷 (two regional indicators) are astral; é and ب are not.
        let text = "a😀é🇮🇷ب";
        let idx = Utf16Index::new(text);
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut unit = 0;
        for (i, c) in text.chars().enumerate() {
            assert_eq!(idx.to_utf16(i), Some(unit));
            assert_eq!(idx.from_utf16(unit), Some(i));
            if c.len_utf16() == 2 {
                assert_eq!(idx.from_utf16(unit + 1), None, "inside a surrogate pair");
            }
            unit += c.len_utf16();
        }
        let n = text.chars().count();
        assert_eq!((n, unit, units.len()), (6, 9, 9));
        assert_eq!(idx.to_utf16(n), Some(9));
        assert_eq!(idx.from_utf16(9), Some(n));
        assert_eq!(idx.from_utf16(10), None);
        assert_eq!(idx.to_utf16(n + 1), None);
    }
}
