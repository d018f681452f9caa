//! Pair quotation marks into quoted segments, paragraph by paragraph: nested quotes stay
//! inside their outer quote, a paragraph that opens a quote without closing it continues
//! into a next paragraph that reopens it, and a closing mark without its opening mark
//! starts the quote at the beginning of its paragraph (or sentence).

use super::marks::{Mark, MarkClass, MarkRole, marks_in};
use crate::assist::text::{Doc, Range};

/// A top-level quoted stretch of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// What the marks enclose, white space trimmed (for multi-paragraph quotes: from the
    /// first paragraph's content to the last one's).
    pub content: Range,
    /// Position of the opening mark (None when it is missing).
    pub open: Option<usize>,
    /// Position of the closing mark (None when the quote runs to its paragraph's end).
    pub close: Option<usize>,
    pub class: MarkClass,
    pub paragraphs: usize,
}

impl Segment {
    /// The whole stretch including its marks.
    pub fn outer(&self) -> Range {
        Range {
            start: self.open.unwrap_or(self.content.start),
            end: self.close.map_or(self.content.end, |c| c + 1),
        }
    }
}

/// The deepest nesting of quotes that is read as quotes.
const MAX_DEPTH: usize = 8;

struct OpenQuote {
    class: MarkClass,
    /// Content start.
    start: usize,
    open: Option<usize>,
    paragraphs: usize,
}

/// All top-level quoted segments of the document, in text order.
pub fn segments(doc: &Doc) -> Vec<Segment> {
    let mut out = Vec::new();
    let paragraphs = doc.paragraphs();
    // A quote left open at the end of the previous paragraph.
    let mut carry: Option<OpenQuote> = None;
    for (pi, par) in paragraphs.iter().enumerate() {
        let marks = marks_in(&doc.chars, par.start, par.end);
        let mut stack: Vec<OpenQuote> = Vec::new();
        let mut skip_first = false;
        if let Some(c) = carry.take() {
            let reopens = marks.first().is_some_and(|m| {
                m.pos == par.start && m.class == c.class && m.role != MarkRole::Close
            });
            if reopens {
                stack.push(OpenQuote {
                    paragraphs: c.paragraphs + 1,
                    ..c
                });
                skip_first = true;
            } else {
                // Not reopened: the quote ended with its paragraph.
                let prev = paragraphs[pi - 1];
                push_segment(doc, &mut out, c, prev.end, None);
            }
        }
        let mut last_close: Option<usize> = None;
        for (k, m) in marks.iter().enumerate() {
            if skip_first && k == 0 {
                continue;
            }
            let open_idx = stack.iter().rposition(|o| o.class == m.class);
            let role = match m.role {
                MarkRole::Either => {
                    if open_idx.is_some() {
                        MarkRole::Close
                    } else {
                        MarkRole::Open
                    }
                }
                r => r,
            };
            match role {
                // Quotes nest two or three deep at most: deeper "opening" marks are noise
                // (and a bounded stack keeps a text of nothing but marks linear).
                MarkRole::Open if stack.len() >= MAX_DEPTH => {}
                MarkRole::Open => {
                    // A double mark opening while a double is open, with nothing between
                    // that could nest, is more likely a misdirected closing mark.
                    if m.class == MarkClass::Double
                        && open_idx.is_some()
                        && stack.len() == 1
                        && next_closes(&marks, k, m)
                    {
                        close_at(doc, &mut out, &mut stack, open_idx.unwrap_or(0), m.pos);
                        last_close = Some(m.pos);
                        continue;
                    }
                    stack.push(OpenQuote {
                        class: m.class,
                        start: m.pos + 1,
                        open: Some(m.pos),
                        paragraphs: 1,
                    });
                }
                MarkRole::Close | MarkRole::Either => {
                    if let Some(idx) = open_idx {
                        if m.maybe_possessive && !closes_here(doc, m.pos) {
                            continue;
                        }
                        close_at(doc, &mut out, &mut stack, idx, m.pos);
                        last_close = Some(m.pos);
                    } else if m.class == MarkClass::Double && stack.is_empty() {
                        // Closing mark with no opening: the quote starts at the paragraph
                        // start, or after the previous quote's sentence.
                        // Never before the previous closing mark: segments stay disjoint.
                        let start = match last_close {
                            None => par.start,
                            Some(c) => doc.sentence_of(m.pos).start.max(par.start).max(c + 1),
                        };
                        if start < m.pos {
                            push_segment(
                                doc,
                                &mut out,
                                OpenQuote {
                                    class: m.class,
                                    start,
                                    open: None,
                                    paragraphs: 1,
                                },
                                m.pos,
                                Some(m.pos),
                            );
                        }
                        last_close = Some(m.pos);
                    }
                    // A single closing mark with nothing open is an apostrophe.
                }
            }
        }
        // Whatever is still open: the outermost open quote may continue in the next
        // paragraph if that one starts with a mark of the same class.
        if let Some(outer) = stack.into_iter().next() {
            let next_reopens = paragraphs.get(pi + 1).is_some_and(|np| {
                let first = doc.chars[np.start];
                match outer.class {
                    MarkClass::Double => matches!(first, '“' | '"' | '«' | '„'),
                    MarkClass::Single => matches!(first, '‘' | '\'' | '‹'),
                }
            });
            if next_reopens {
                carry = Some(outer);
            } else if outer.class == MarkClass::Double {
                push_segment(doc, &mut out, outer, par.end, None);
            }
            // An unclosed single mark at paragraph end was most likely an apostrophe.
        }
    }
    if let Some(c) = carry {
        let end = paragraphs.last().map_or(0, |p| p.end);
        push_segment(doc, &mut out, c, end, None);
    }
    out
}

/// Whether the mark after `k` closes the same class too (so `k` itself closed a quote).
fn next_closes(marks: &[Mark], k: usize, m: &Mark) -> bool {
    marks[k + 1..]
        .iter()
        .find(|n| n.class == m.class)
        .is_none_or(|n| n.role == MarkRole::Open)
}

/// A single mark after a plural `s` closes a quote only before punctuation, the end, or
/// a cue-like continuation (", she said" is caught by punctuation).
fn closes_here(doc: &Doc, pos: usize) -> bool {
    let next = doc.chars.get(pos + 1).copied();
    match next {
        None => true,
        Some(c) if !c.is_whitespace() => true,
        Some(_) => {
            let rest: String = doc.chars[pos + 1..(pos + 12).min(doc.len())]
                .iter()
                .collect();
            let w = rest.split_whitespace().next().unwrap_or("").to_lowercase();
            matches!(
                w.as_str(),
                "he" | "she" | "they" | "said" | "says" | "told" | "added" | "wrote" | "asked"
            )
        }
    }
}

fn close_at(doc: &Doc, out: &mut Vec<Segment>, stack: &mut Vec<OpenQuote>, idx: usize, pos: usize) {
    let q = stack.drain(idx..).next();
    if let Some(q) = q
        && idx == 0
    {
        push_segment(doc, out, q, pos, Some(pos));
    }
}

fn push_segment(doc: &Doc, out: &mut Vec<Segment>, q: OpenQuote, end: usize, close: Option<usize>) {
    let content = doc.trim(Range {
        start: q.start,
        end,
    });
    if content.is_empty() {
        return;
    }
    out.push(Segment {
        content,
        open: q.open,
        close,
        class: q.class,
        paragraphs: q.paragraphs,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let d = Doc::new(s);
        segments(&d)
            .iter()
            .map(|g| d.slice(g.content.start, g.content.end))
            .collect()
    }

    #[test]
    fn styles_nesting_and_apostrophes() {
        assert_eq!(
            texts("He said “It’s ‘fine’ now,” and left."),
            ["It’s ‘fine’ now,"]
        );
        assert_eq!(
            texts("‘We can’t,’ she said of the members’ votes."),
            ["We can’t,"]
        );
        assert_eq!(
            texts("\"The martyr is dead”, he said."),
            ["The martyr is dead"]
        );
        assert_eq!(texts("« Nous verrons », a-t-il dit."), ["Nous verrons"]);
    }

    #[test]
    fn missing_opening_mark_and_paragraph_continuation() {
        assert_eq!(
            texts("I guess he found out,” tweeted Lunn."),
            ["I guess he found out,"]
        );
        assert_eq!(
            texts("“First paragraph.\n\n“Second one,” he said."),
            ["First paragraph.\n\n“Second one,"]
        );
        assert_eq!(
            texts("“Unclosed to the end\n\nNext paragraph."),
            ["Unclosed to the end"]
        );
    }
}
