//! CoNLL-style BIO tokens: one token a line, tab-separated columns
//! `TOKEN QUOTE CLAIM SENTIMENT TAG`, a blank line at each line break of the text and a
//! `-DOCSTART-` line before each article. Kinds get their own column because claims sit
//! inside quotes; within one column BIO cannot nest, so a span overlapping an earlier one
//! of the same kind is left out (and counted in the report).
//!
//! Tags are strict IOB2: every chunk starts with `B-`, also at the start of a sentence. A
//! span that crosses a line break therefore becomes one chunk per sentence (the readers —
//! seqeval's strict mode, spaCy's converter — end every chunk at a sentence boundary).
//!
//! Tokens are Unicode words (UAX #29), so emoji sequences and combining marks stay whole.
//! Tokens and tags are streamed to the file: memory holds one article's spans, never a
//! token list, whatever the length of the text.

use super::names::encode_token;
use super::{Dataset, Doc, ExportError, ExportReport, Exporter, Format, Output, Progress};
use crate::model::KindName;
use std::io::Write;
use unicode_segmentation::UnicodeSegmentation;

pub struct Conll;

const COLUMNS: [KindName; 4] = [
    KindName::Quote,
    KindName::Claim,
    KindName::Sentiment,
    KindName::Tag,
];

/// A word of the text, in code points.
struct Token<'t> {
    text: &'t str,
    start: usize,
    end: usize,
    /// A line break precedes this token (a new sentence starts with it).
    break_before: bool,
}

/// The words of `text`, lazily.
fn tokens(text: &str) -> impl Iterator<Item = Token<'_>> {
    let mut pos = 0;
    let mut pending_break = false;
    text.split_word_bounds().filter_map(move |w| {
        let n = crate::model::text::char_len(w);
        let start = pos;
        pos += n;
        if w.chars().all(char::is_whitespace) {
            pending_break |= w.contains('\n');
            None
        } else {
            let break_before = std::mem::take(&mut pending_break);
            Some(Token {
                text: w,
                start,
                end: start + n,
                break_before,
            })
        }
    })
}

/// A span to tag in one column.
struct ColumnSpan {
    start: usize,
    end: usize,
    label: String,
}

/// BIO state of one column while the tokens stream past.
struct ColumnTagger {
    /// Spans of this kind, earlier first, longer first at the same start.
    spans: Vec<ColumnSpan>,
    next: usize,
    /// The span being tagged: index into `spans`.
    current: Option<usize>,
    dropped: usize,
    crossings: usize,
}

/// What one column says about one token.
enum Tag<'a> {
    Outside,
    Begin(&'a str),
    Inside(&'a str),
}

impl ColumnTagger {
    fn new(doc: &Doc<'_>, kind: KindName) -> Self {
        let mut spans: Vec<ColumnSpan> = doc
            .items
            .iter()
            .map(|i| i.annotation)
            .filter(|a| a.kind.name() == kind)
            .map(|a| ColumnSpan {
                start: a.span.start,
                end: a.span.end,
                label: encode_token(a.kind.label()),
            })
            .collect();
        spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        Self {
            spans,
            next: 0,
            current: None,
            dropped: 0,
            crossings: 0,
        }
    }

    /// The tag of `token`; tokens must come in text order.
    fn tag(&mut self, token: &Token<'_>) -> Tag<'_> {
        let mut continuing = match self.current {
            Some(c) if self.spans[c].end > token.start => true,
            _ => {
                self.current = None;
                false
            }
        };
        // Spans whose first token this is: the first free one is tagged, the others
        // overlap it (or the span going on) and are left out. Spans that end before this
        // token covered only whitespace.
        while let Some(s) = self.spans.get(self.next) {
            if s.start >= token.end {
                break;
            }
            if s.end > token.start {
                if self.current.is_some() {
                    self.dropped += 1;
                } else {
                    self.current = Some(self.next);
                }
            }
            self.next += 1;
        }
        let Some(c) = self.current else {
            return Tag::Outside;
        };
        if continuing && token.break_before {
            // Strict IOB2: a sentence never starts inside a chunk.
            self.crossings += 1;
            continuing = false;
        }
        let label = self.spans[c].label.as_str();
        if continuing {
            Tag::Inside(label)
        } else {
            Tag::Begin(label)
        }
    }
}

/// Write one article's tokens and tags.
fn write_doc(doc: &Doc<'_>, w: &mut impl Write, counts: &mut Counts) -> std::io::Result<()> {
    let mut columns: Vec<ColumnTagger> =
        COLUMNS.iter().map(|&k| ColumnTagger::new(doc, k)).collect();
    w.write_all(b"-DOCSTART-\tO\tO\tO\tO\n\n")?;
    let mut first = true;
    for token in tokens(&doc.article.text) {
        if token.break_before && !first {
            w.write_all(b"\n")?;
        }
        first = false;
        w.write_all(token.text.as_bytes())?;
        for column in &mut columns {
            match column.tag(&token) {
                Tag::Outside => w.write_all(b"\tO")?,
                Tag::Begin(l) => write!(w, "\tB-{l}")?,
                Tag::Inside(l) => write!(w, "\tI-{l}")?,
            }
        }
        w.write_all(b"\n")?;
    }
    w.write_all(b"\n")?;
    for c in &columns {
        counts.dropped += c.dropped;
        counts.crossings += c.crossings;
    }
    Ok(())
}

#[derive(Default)]
struct Counts {
    dropped: usize,
    crossings: usize,
}

impl Exporter for Conll {
    fn format(&self) -> Format {
        Format::Conll
    }

    fn write(
        &self,
        data: &Dataset<'_>,
        out: &mut Output,
        progress: &mut Progress<'_>,
        report: &mut ExportReport,
    ) -> Result<(), ExportError> {
        let mut counts = Counts::default();
        let splits = data.used_splits();
        for &(split, _) in &splits {
            let name = if data.split.is_some() {
                format!("{split}.conll")
            } else {
                "dataset.conll".to_owned()
            };
            let mut w = out.file(&name)?;
            for doc in data.docs_in(split) {
                write_doc(doc, &mut w, &mut counts).map_err(ExportError::io(out.path_of(&name)))?;
                report.records += 1;
                progress.step()?;
            }
            out.finish(&name, w)?;
        }
        if data.split.is_some() {
            report.splits = splits;
        }
        if counts.dropped > 0 {
            report.notes.push(format!(
                "{} span(s) overlapped an earlier span of the same kind and are not in the BIO tags",
                counts.dropped
            ));
        }
        if counts.crossings > 0 {
            report.notes.push(format!(
                "{} span(s) cross a line break and are tagged as one chunk per sentence (strict IOB2)",
                counts.crossings
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_clusters_and_offsets() {
        let text = "Zarif 👩‍👩‍👧 said\n\nقال e\u{301}";
        let toks: Vec<Token<'_>> = tokens(text).collect();
        let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(words, ["Zarif", "👩‍👩‍👧", "said", "قال", "e\u{301}"]);
        for t in &toks {
            let s: String = text.chars().skip(t.start).take(t.end - t.start).collect();
            assert_eq!(s, t.text);
        }
        assert!(toks[3].break_before && !toks[2].break_before);
    }
}
