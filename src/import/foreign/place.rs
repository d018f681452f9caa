//! Placing another tool's offsets on an article: raw code points or UTF-16 units, through
//! Unicode normalisation and trimming, checked against the text the file stores.

use super::{ForeignDoc, ImportReport, Region, Skipped, StoredText, Units};
use crate::model::text::{self, TextIndex, Utf16Index};
use crate::model::{Article, Span};
use std::collections::{BTreeSet, HashMap};

/// Where one document's offsets land in its article.
struct Placement {
    raw_index: TextIndex,
    utf16: Option<Utf16Index>,
    /// Raw code point → normalised code point, when normalising changed the text.
    norm_map: Option<HashMap<usize, usize>>,
    /// Code points trimmed from the start of the normalised text.
    shift: usize,
}

/// Why a region does not land on its article (its `Skipped` reason).
#[derive(Debug, thiserror::Error)]
enum PlaceError {
    #[error("offset {0} could not be mapped")]
    Unmapped(usize),
    #[error("the span lies in whitespace around the text, which factdesk trims")]
    InTrimmedWhitespace,
    #[error("span {start}..{end} is empty or reversed")]
    EmptyOrReversed { start: usize, end: usize },
    #[error("span {start}..{end} ends past the end of the text or splits a character")]
    SplitsCharacter { start: usize, end: usize },
    #[error("span {start}..{end} ends past the text's {len} characters")]
    PastText {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("span {start}..{end} covers only whitespace factdesk trims")]
    OnlyWhitespace { start: usize, end: usize },
    #[error("region has no offsets")]
    NoOffsets,
    #[error("discontinuous span leaves out {0:?}, which factdesk cannot represent")]
    Discontinuous(String),
    #[error(
        "the file says the span reads {expected:?} but the text at {start}..{end} reads {found:?}"
    )]
    TextDiffers {
        expected: String,
        start: usize,
        end: usize,
        found: String,
    },
    #[error("{0}")]
    Span(#[from] crate::model::SpanError),
}

impl Placement {
    /// Raw code-point offset → article offset.
    fn to_article(&self, raw_cp: usize, article_len: usize) -> Result<usize, PlaceError> {
        let norm = match &self.norm_map {
            None => raw_cp,
            Some(m) => *m.get(&raw_cp).ok_or(PlaceError::Unmapped(raw_cp))?,
        };
        let pos = norm
            .checked_sub(self.shift)
            .filter(|&p| p <= article_len)
            .ok_or(PlaceError::InTrimmedWhitespace)?;
        Ok(pos)
    }
}

/// Normalised code-point offset of each raw code-point offset in `positions`, by
/// normalising the text between consecutive positions. A position that falls inside
/// something normalisation merges (between CR and LF, before a combining mark) gets no
/// entry, so its span is reported and skipped instead of landing one character off; the
/// positions after it stay exact because the text is not cut there.
fn normalized_offsets(raw: &str, positions: &BTreeSet<usize>) -> HashMap<usize, usize> {
    use unicode_normalization::char::canonical_combining_class;
    let mut out = HashMap::with_capacity(positions.len());
    let mut wanted = positions.iter().copied().peekable();
    let mut count = 0;
    let mut seg_start = 0;
    let mut prev: Option<char> = None;
    let chars = raw
        .char_indices()
        .map(|(b, c)| (b, Some(c)))
        .chain([(raw.len(), None)]);
    for (cp, (byte, cur)) in chars.enumerate() {
        while wanted.peek() == Some(&cp) {
            wanted.next();
            let inside_crlf = prev == Some('\r') && cur == Some('\n');
            let before_mark = cur.is_some_and(|c| canonical_combining_class(c) != 0);
            if inside_crlf || before_mark {
                continue;
            }
            count += text::char_len(&text::normalize(&raw[seg_start..byte]));
            seg_start = byte;
            out.insert(cp, count);
        }
        if wanted.peek().is_none() {
            break;
        }
        prev = cur;
    }
    out
}

/// A region placed on its article: span and the fields to build its annotation from.
pub(super) struct Placed<'r> {
    pub(super) region: &'r Region,
    pub(super) span: Span,
}

/// Convert and check every region of a document; the ones that do not fit are reported.
pub(super) fn place_regions<'d>(
    doc: &'d ForeignDoc,
    norm: &str,
    shift: usize,
    article: &Article,
    report: &mut ImportReport,
) -> Vec<Placed<'d>> {
    let art_text = &article.text;
    let art_index = TextIndex::new(art_text);
    let art_len = art_index.char_len();
    let raw = doc.text.as_str();
    let raw_index = TextIndex::new(raw);
    let utf16 = (doc.units == Units::CodePointsOrUtf16).then(|| Utf16Index::new(raw));
    let norm_map = (norm != raw).then(|| {
        let mut positions = BTreeSet::new();
        for r in &doc.regions {
            for &(s, e) in &r.fragments {
                positions.extend([s, e]);
                if let Some(u) = &utf16 {
                    positions.extend(u.from_utf16(s));
                    positions.extend(u.from_utf16(e));
                }
            }
        }
        positions.retain(|&p| p <= raw_index.char_len());
        normalized_offsets(raw, &positions)
    });
    let placement = Placement {
        raw_index,
        utf16,
        norm_map,
        shift,
    };

    let mut out = Vec::new();
    for region in &doc.regions {
        let as_cp = place(region, &placement, art_text, &art_index, art_len, |x| {
            Some(x)
        });
        let result = match (&as_cp, &placement.utf16) {
            (Err(_), Some(u)) => {
                match place(region, &placement, art_text, &art_index, art_len, |x| {
                    u.from_utf16(x)
                }) {
                    Ok(span) => {
                        report.utf16_regions += 1;
                        Ok(span)
                    }
                    Err(_) => as_cp,
                }
            }
            _ => as_cp,
        };
        match result {
            Ok(span) => out.push(Placed { region, span }),
            Err(reason) => report.skipped.push(Skipped {
                at: region.at.clone(),
                reason: reason.to_string(),
            }),
        }
    }
    out
}

/// Place one region with `unit_to_cp` reading its offsets as raw code points.
fn place(
    region: &Region,
    p: &Placement,
    art_text: &str,
    art_index: &TextIndex,
    art_len: usize,
    unit_to_cp: impl Fn(usize) -> Option<usize>,
) -> Result<Span, PlaceError> {
    let raw_len = p.raw_index.char_len();
    let mut frags = Vec::with_capacity(region.fragments.len());
    for &(s, e) in &region.fragments {
        if s >= e {
            return Err(PlaceError::EmptyOrReversed { start: s, end: e });
        }
        let (Some(rs), Some(re)) = (unit_to_cp(s), unit_to_cp(e)) else {
            return Err(PlaceError::SplitsCharacter { start: s, end: e });
        };
        if re > raw_len {
            return Err(PlaceError::PastText {
                start: s,
                end: e,
                len: raw_len,
            });
        }
        let a = p.to_article(rs, art_len)?;
        let b = p.to_article(re, art_len)?;
        if a >= b {
            return Err(PlaceError::OnlyWhitespace { start: s, end: e });
        }
        frags.push((a, b));
    }
    frags.sort_unstable();
    let (Some(&(start, _)), Some(end)) = (frags.first(), frags.iter().map(|f| f.1).max()) else {
        return Err(PlaceError::NoOffsets);
    };
    let slice = |a: usize, b: usize| art_index.slice(art_text, a, b).unwrap_or_default();
    for w in frags.windows(2) {
        let gap = slice(w[0].1.min(w[1].0), w[1].0);
        if !gap.chars().all(char::is_whitespace) {
            return Err(PlaceError::Discontinuous(gap.to_owned()));
        }
    }
    let check = |expected: &str, found: String| {
        let expected = text::normalize(expected);
        if expected == found {
            Ok(())
        } else {
            Err(PlaceError::TextDiffers {
                expected,
                start: region.fragments[0].0,
                end: region.fragments.last().map_or(0, |f| f.1),
                found,
            })
        }
    };
    match &region.stored {
        StoredText::None => {}
        StoredText::Exact(t) => check(t, slice(start, end).to_owned())?,
        StoredText::Fragments(t) => check(
            t,
            crate::interchange::brat::fragment_text(frags.iter().map(|&(a, b)| slice(a, b))),
        )?,
    }
    Ok(Span::new(art_text, art_index, start, end)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_offsets_through_normalisation() {
        // "e" + combining acute becomes one code point; CR LF becomes LF.
        let raw = "\u{feff}Cafe\u{301}\r\nok";
        let positions: BTreeSet<usize> = [0, 1, 6, 8, 10].into_iter().collect();
        let m = normalized_offsets(raw, &positions);
        // Normalised: "Café\nok" (BOM dropped).
        assert_eq!(m[&0], 0);
        assert_eq!(m[&1], 0);
        assert_eq!(m[&6], 4);
        assert_eq!(m[&8], 5);
        assert_eq!(m[&10], 7);
    }
}
