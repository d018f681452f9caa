//! Text normalisation and code-point offsets.
//!
//! Offsets in the file format count Unicode scalar values (code points), like Python, the
//! W3C TextPositionSelector and Hugging Face datasets. Rust strings index by bytes, so every
//! conversion goes through [`TextIndex`].

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Normalise text once, on import: no BOM, `\n` line ends, NFC.
pub fn normalize(raw: &str) -> String {
    let s = raw.trim_start_matches('\u{feff}');
    let s = if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_owned()
    };
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s
    } else {
        s.nfc().collect()
    }
}

/// True when [`normalize`] would leave the text as it is.
pub fn is_normalized(s: &str) -> bool {
    !s.starts_with('\u{feff}')
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

#[cfg(test)]
mod tests {
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
        assert!(is_normalized("a\nb é"));
        assert!(!is_normalized("e\u{301}"));
    }
}
