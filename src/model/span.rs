//! A stretch of an article's text, anchored twice: by position and by quoted text.

use super::text::TextIndex;
use serde::{Deserialize, Serialize};

/// Code points of context kept on each side of a span (as Hypothesis does).
pub const CONTEXT_CHARS: usize = 32;

/// `start..end` in code points (end exclusive) into the article's normalised text, plus the
/// `exact` text and some context, so a span can be verified on load and re-anchored if the
/// text ever differs (W3C TextPositionSelector + TextQuoteSelector).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub exact: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub prefix: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub suffix: String,
}

/// Why a span does not fit its article's text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    #[error("span {start}..{end} is empty or reversed")]
    Empty { start: usize, end: usize },
    #[error("span {start}..{end} ends past the text's {len} code points")]
    OutOfRange {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("span {start}..{end} should read {expected:?} but the text there reads {found:?}")]
    ExactMismatch {
        start: usize,
        end: usize,
        expected: String,
        found: String,
    },
}

impl Span {
    /// Build a span over `start..end` of `text`, filling `exact`, `prefix` and `suffix`.
    pub fn new(text: &str, index: &TextIndex, start: usize, end: usize) -> Result<Self, SpanError> {
        if start >= end {
            return Err(SpanError::Empty { start, end });
        }
        let len = index.char_len();
        if end > len {
            return Err(SpanError::OutOfRange { start, end, len });
        }
        let slice = |a: usize, b: usize| index.slice(text, a, b).unwrap_or_default().to_owned();
        Ok(Self {
            start,
            end,
            exact: slice(start, end),
            prefix: slice(start.saturating_sub(CONTEXT_CHARS), start),
            suffix: slice(end, (end + CONTEXT_CHARS).min(len)),
        })
    }

    /// Convenience for one-off use: builds the index itself.
    pub fn from_text(text: &str, start: usize, end: usize) -> Result<Self, SpanError> {
        Self::new(text, &TextIndex::new(text), start, end)
    }

    /// Check that the span lies inside the text and that `exact` matches it.
    pub fn verify(&self, text: &str, index: &TextIndex) -> Result<(), SpanError> {
        let (start, end) = (self.start, self.end);
        if start >= end {
            return Err(SpanError::Empty { start, end });
        }
        let len = index.char_len();
        if end > len {
            return Err(SpanError::OutOfRange { start, end, len });
        }
        let found = index.slice(text, start, end).unwrap_or_default();
        if found != self.exact {
            return Err(SpanError::ExactMismatch {
                start,
                end,
                expected: self.exact.clone(),
                found: found.to_owned(),
            });
        }
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn contains(&self, pos: usize) -> bool {
        self.start <= pos && pos < self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_context_in_code_points() {
        let text = "😀😀 Khamenei said “yes” 😀";
        let s = Span::from_text(text, 3, 11).unwrap();
        assert_eq!(s.exact, "Khamenei");
        assert_eq!(s.prefix, "😀😀 ");
        assert!(s.suffix.starts_with(" said “yes”"));
        assert!(s.verify(text, &TextIndex::new(text)).is_ok());
        assert!(matches!(
            Span::from_text(text, 3, 99),
            Err(SpanError::OutOfRange { .. })
        ));
        assert!(matches!(
            Span::from_text(text, 3, 3),
            Err(SpanError::Empty { .. })
        ));
    }
}
