//! CoNLL-style BIO tokens: one token a line, tab-separated columns
//! `TOKEN QUOTE CLAIM SENTIMENT TAG`, a blank line at each line break of the text and a
//! `-DOCSTART-` line before each article. Kinds get their own column because claims sit
//! inside quotes; within one column BIO cannot nest, so a span overlapping an earlier one
//! of the same kind is left out (and counted in the report).
//!
//! Tokens are Unicode words (UAX #29), so emoji sequences and combining marks stay whole.

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

struct Token<'t> {
    text: &'t str,
    start: usize,
    end: usize,
    /// A line break precedes this token.
    break_before: bool,
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut pending_break = false;
    for w in text.split_word_bounds() {
        let n = crate::model::text::char_len(w);
        if w.chars().all(char::is_whitespace) {
            pending_break |= w.contains('\n');
        } else {
            out.push(Token {
                text: w,
                start: pos,
                end: pos + n,
                break_before: pending_break,
            });
            pending_break = false;
        }
        pos += n;
    }
    out
}

/// BIO tags of one column; returns the number of spans left out for overlapping.
fn tag_column(doc: &Doc<'_>, kind: KindName, toks: &[Token<'_>], tags: &mut [String]) -> usize {
    let mut spans: Vec<(usize, usize, &str)> = doc
        .items
        .iter()
        .map(|i| i.annotation)
        .filter(|a| a.kind.name() == kind)
        .map(|a| (a.span.start, a.span.end, a.kind.label()))
        .collect();
    // Earlier first, longer first at the same start.
    spans.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    let mut dropped = 0;
    for (start, end, label) in spans {
        let first = toks.partition_point(|t| t.end <= start);
        let last = toks.partition_point(|t| t.start < end);
        if first >= last {
            continue; // covers whitespace only
        }
        if tags[first..last].iter().any(|t| t != "O") {
            dropped += 1;
            continue;
        }
        let label = encode_token(label);
        for (k, tag) in tags[first..last].iter_mut().enumerate() {
            *tag = format!("{}-{label}", if k == 0 { 'B' } else { 'I' });
        }
    }
    dropped
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
        let mut dropped = 0;
        let splits = data.used_splits();
        for &(split, _) in &splits {
            let name = if data.split.is_some() {
                format!("{split}.conll")
            } else {
                "dataset.conll".to_owned()
            };
            let mut w = out.file(&name)?;
            let mut buf = String::new();
            for doc in data.docs_in(split) {
                let toks = tokens(&doc.article.text);
                let mut columns: Vec<Vec<String>> = Vec::with_capacity(COLUMNS.len());
                for kind in COLUMNS {
                    let mut tags = vec!["O".to_owned(); toks.len()];
                    dropped += tag_column(doc, kind, &toks, &mut tags);
                    columns.push(tags);
                }
                buf.push_str("-DOCSTART-\tO\tO\tO\tO\n\n");
                for (i, t) in toks.iter().enumerate() {
                    if t.break_before && i > 0 {
                        buf.push('\n');
                    }
                    buf.push_str(t.text);
                    for c in &columns {
                        buf.push('\t');
                        buf.push_str(&c[i]);
                    }
                    buf.push('\n');
                }
                buf.push('\n');
                w.write_all(buf.as_bytes())
                    .map_err(ExportError::io(out.path_of(&name)))?;
                buf.clear();
                report.records += 1;
                progress.step()?;
            }
            out.finish(&name, w)?;
        }
        if data.split.is_some() {
            report.splits = splits;
        }
        if dropped > 0 {
            report.notes.push(format!(
                "{dropped} span(s) overlapped an earlier span of the same kind and are not in the BIO tags"
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
        let toks = tokens(text);
        let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(words, ["Zarif", "👩‍👩‍👧", "said", "قال", "e\u{301}"]);
        for t in &toks {
            let s: String = text.chars().skip(t.start).take(t.end - t.start).collect();
            assert_eq!(s, t.text);
        }
        assert!(toks[3].break_before && !toks[2].break_before);
    }
}
