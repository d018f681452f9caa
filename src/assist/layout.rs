//! How an article's lines make paragraphs. Wire copy often arrives hard-wrapped: broken at
//! a fixed width (~70 columns) with a single newline inside a paragraph. Read line by line,
//! such a paragraph falls apart into fragments, and with it its sentences and the quotation
//! marks that must pair across the wrap. This pass tells a wrap (a soft break, read as a
//! space) from a real line end (a one-line paragraph, a list item, a headline, a transcript
//! turn) without touching the text, so every offset stays one of the original article.
//!
//! A single newline is a wrap when the text is wrapped (most lines inside paragraphs are
//! about as wide as the widest) and the next line's first word would not have fitted on
//! this line; or when the line does not end a sentence and the next goes on in lower case;
//! or, in text whose paragraphs are parted by blank lines, when the line does not end a
//! sentence and is not short (the conflicts finder's reading of wrapped tolls). Never before a list item, a
//! transcript label ("MAYOR HOLT:"), an indented first line, or around a line without
//! letters (a time stamp "23:05"). One pass over the text plus a sort of line widths.

use super::text::Range;

/// Lines wider than this are paragraphs, not wrapped copy (nobody wraps at 200 columns).
const MAX_WRAP_WIDTH: usize = 160;
/// Narrower than this, equal widths say nothing about wrapping (a column of time stamps).
const MIN_WRAP_WIDTH: usize = 30;
/// How many lines inside paragraphs a text needs before its widths are read as a wrap.
const MIN_WRAPPED_LINES: usize = 3;

/// Paragraphs (white space trimmed, in text order) and the newlines read as spaces.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub paragraphs: Vec<Range>,
    /// Positions of the newlines inside paragraphs, ascending.
    pub soft_breaks: Vec<usize>,
}

/// One line of the text (without its newline).
#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    /// Just past the last non-white character (== start for a blank line).
    end: usize,
    /// Leading white space.
    indent: usize,
    /// Code points of the first word.
    first_word: usize,
    blank: bool,
    has_letter: bool,
}

fn lines(chars: &[char]) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..=chars.len() {
        if i < chars.len() && chars[i] != '\n' {
            continue;
        }
        let line = &chars[start..i];
        let indent = line.iter().take_while(|c| c.is_whitespace()).count();
        let end = start
            + line
                .iter()
                .rposition(|c| !c.is_whitespace())
                .map_or(0, |p| p + 1);
        let first_word = line[indent..]
            .iter()
            .take_while(|c| !c.is_whitespace())
            .count();
        out.push(Line {
            start,
            end: end.max(start),
            indent,
            first_word,
            blank: indent == line.len(),
            has_letter: line.iter().any(|c| c.is_alphabetic()),
        });
        start = i + 1;
    }
    out
}

/// The width a wrapped text was broken at, when its lines inside paragraphs say it was.
fn wrap_width(lines: &[Line]) -> Option<usize> {
    let mut widths: Vec<usize> = lines
        .windows(2)
        .filter(|w| !w[0].blank && !w[1].blank && w[0].has_letter && w[1].has_letter)
        .map(|w| w[0].end - w[0].start)
        .collect();
    if widths.len() < MIN_WRAPPED_LINES {
        return None;
    }
    widths.sort_unstable();
    // The 90th percentile: robust to a stray long line, and never above the true width.
    let width = widths[(widths.len() * 9 / 10).min(widths.len() - 1)];
    if !(MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&width) {
        return None;
    }
    let full = widths
        .iter()
        .filter(|&&w| w + slack(width) >= width)
        .count();
    (full * 3 >= widths.len() * 2).then_some(width)
}

/// Wrappers differ by a few columns (bytes or code points, a trailing space counted).
fn slack(width: usize) -> usize {
    width / 10
}

/// The next line's first word would not have fitted on this one.
fn full(a: &Line, b: &Line, width: usize) -> bool {
    (a.end - a.start) + 1 + b.first_word + slack(width) > width
}

/// The last non-white character of a line closes a sentence (or a quote, or a colon's
/// introduction).
fn ends_sentence(chars: &[char], a: &Line) -> bool {
    a.end > a.start
        && matches!(
            chars[a.end - 1],
            '.' | '!' | '?' | '…' | ':' | ';' | '"' | '”' | '’' | '»'
        )
}

/// A bulleted or numbered item ("- ", "• ", "3. ", "2) ").
fn starts_item(chars: &[char], b: &Line) -> bool {
    let s = b.start + b.indent;
    let at = |k: usize| chars.get(k).copied().filter(|_| k < b.end);
    match at(s) {
        Some('-' | '*' | '•' | '·' | '▪' | '‣' | '◦') => {
            at(s + 1).is_some_and(char::is_whitespace)
        }
        Some(c) if c.is_ascii_digit() => {
            let mut k = s;
            while at(k).is_some_and(|c| c.is_ascii_digit()) && k - s < 3 {
                k += 1;
            }
            matches!(at(k), Some('.' | ')')) && at(k + 1).is_some_and(char::is_whitespace)
        }
        _ => false,
    }
}

/// Where a transcript label in capitals ends ("MAYOR HOLT:", "Q:"): the position of its
/// colon, when the line `start..end` opens with one to four upper-case words, a colon and
/// white space. Times ("10:30") have no letters and are no label.
pub fn caps_label_colon(chars: &[char], start: usize, end: usize) -> Option<usize> {
    let end = end.min(chars.len());
    let mut k = start;
    while k < end && chars[k].is_whitespace() {
        k += 1;
    }
    let mut words = 0;
    let mut in_word = false;
    let mut letters = 0;
    // "DANILO VRANA, SURVIVOR:": one comma parts the name from a role of its own words.
    let mut comma = false;
    while k < end {
        let c = chars[k];
        if c == ':' {
            let spaced = chars.get(k + 1).is_some_and(|c| c.is_whitespace());
            let word_before = in_word || (k > start && chars[k - 1] == '.');
            return (spaced && word_before && letters > 0 && words <= 4).then_some(k);
        }
        if c == ',' && !comma && in_word && chars.get(k + 1) == Some(&' ') {
            comma = true;
            in_word = false;
            words = 0;
            k += 1;
            continue;
        }
        if c.is_alphabetic() {
            if c.is_lowercase() {
                return None;
            }
            letters += 1;
            if !in_word {
                words += 1;
                in_word = true;
            }
        } else if c == ' ' {
            in_word = false;
        } else if !matches!(c, '.' | '\'' | '’' | '-') {
            return None;
        }
        if words > 4 {
            return None;
        }
        k += 1;
    }
    None
}

/// A single newline between lines `a` and `b` is a wrap (see the module doc).
fn is_wrap(chars: &[char], a: &Line, b: &Line, width: Option<usize>, blank_parted: bool) -> bool {
    if !a.has_letter
        || !b.has_letter
        || b.indent > a.indent
        || starts_item(chars, b)
        || caps_label_colon(chars, b.start, b.end).is_some()
    {
        return false;
    }
    let ends = ends_sentence(chars, a);
    let lower = chars
        .get(b.start + b.indent)
        .is_some_and(|c| c.is_lowercase());
    match width {
        Some(w) => full(a, b, w) || (lower && !ends),
        // Too few lines to measure: a line that stops short is a headline or a label.
        None => !ends && (lower || (blank_parted && a.end - a.start >= MIN_WRAP_WIDTH)),
    }
}

/// Read the layout of `chars`.
pub fn read(chars: &[char]) -> Layout {
    let lines = lines(chars);
    let blank_parted = lines
        .iter()
        .skip(1)
        .zip(lines.iter().skip(2))
        .any(|(l, next)| l.blank && !next.blank);
    let width = wrap_width(&lines);
    let mut out = Layout::default();
    let mut open: Option<Range> = None;
    for (i, line) in lines.iter().enumerate() {
        if line.blank {
            out.paragraphs.extend(open.take());
            continue;
        }
        let here = Range {
            start: line.start + line.indent,
            end: line.end,
        };
        open = Some(match open {
            Some(p) if is_wrap(chars, &lines[i - 1], line, width, blank_parted) => {
                out.soft_breaks.push(line.start - 1);
                Range {
                    start: p.start,
                    end: here.end,
                }
            }
            Some(p) => {
                out.paragraphs.push(p);
                here
            }
            None => here,
        });
    }
    out.paragraphs.extend(open);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        read(&chars)
            .paragraphs
            .iter()
            .map(|r| chars[r.start..r.end].iter().collect())
            .collect()
    }

    const WRAPPED: &str = "The Upper Kessel Dam gave way at about 3:50 a.m. on Thursday,\n\
        sending a surge of brown water down the narrow valley and into\n\
        the town. At least 12 people died before dawn, officials said.\n\
        Rescue crews worked from boats.\n\
        \n\
        “It came down the valley like a train,” said Mayor Oksana\n\
        Verhoeven, who was woken by a call from the dam’s night operator.\n";

    #[test]
    fn wrapped_lines_join_into_their_paragraph() {
        let p = paragraphs(WRAPPED);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].starts_with("The Upper") && p[0].ends_with("boats."));
        assert!(p[1].contains("Oksana\nVerhoeven"));
    }

    #[test]
    fn a_wrap_at_a_sentence_end_is_still_a_wrap() {
        // "the town. … officials said." ends a sentence at the line end, but the next
        // word would not have fitted: the paragraph goes on.
        let chars: Vec<char> = WRAPPED.chars().collect();
        let l = read(&chars);
        assert_eq!(l.soft_breaks.len(), 4);
    }

    #[test]
    fn short_lines_lists_labels_and_times_stay_lines() {
        let text = "The council published its figures for the flood on Friday night\n\
            and the mayor read them out at a press conference in the hall:\n\
            - 12 dead\n\
            - 4,000 evacuated\n\
            \n\
            MAYOR HOLT: We will rebuild every house that the water took from\n\
            us.\n\
            Q: When?\n\
            \n\
            23:05\n\
            Turnout is reported at 61 percent in the capital tonight, up from\n\
            54 percent.";
        let p = paragraphs(text);
        assert_eq!(
            p,
            [
                "The council published its figures for the flood on Friday night\n\
                 and the mayor read them out at a press conference in the hall:",
                "- 12 dead",
                "- 4,000 evacuated",
                "MAYOR HOLT: We will rebuild every house that the water took from\nus.",
                "Q: When?",
                "23:05",
                "Turnout is reported at 61 percent in the capital tonight, up from\n54 percent.",
            ]
        );
    }

    #[test]
    fn one_line_paragraphs_without_blank_lines_stay_apart() {
        let text = "Dam bursts in the valley\n\
            MARROWFORD — The Upper Kessel Dam gave way at about 3:50 a.m. on Thursday, sending a surge of brown water into the town of Marrowford.\n\
            About 4,000 residents were evacuated to schools and sports halls on higher ground as the river rose.\n\
            “It came down the valley like a train,” said Mayor Oksana Verhoeven.";
        assert_eq!(paragraphs(text).len(), 4);
        // …but a line that goes on in lower case is one paragraph with the next.
        assert_eq!(
            paragraphs("Police said the death toll from the\nlandslide had risen to 27."),
            ["Police said the death toll from the\nlandslide had risen to 27."]
        );
    }

    #[test]
    fn an_indented_first_line_starts_a_paragraph() {
        let text = "  The dam gave way at about 3:50 a.m. on Thursday, sending a surge\n\
            of brown water down the narrow valley and into the town, where\n\
            twelve people died before dawn.\n\
            \x20 Rescue crews worked from boats and rooftops through the morning,\n\
            and the main bridge into town was closed to all the traffic.";
        assert_eq!(paragraphs(text).len(), 2);
    }

    #[test]
    fn labels_in_capitals_but_not_times_or_sentences() {
        let at = |s: &str| {
            let c: Vec<char> = s.chars().collect();
            caps_label_colon(&c, 0, c.len())
        };
        assert_eq!(at("MAYOR HOLT: We will."), Some(10));
        assert_eq!(at("Q: When?"), Some(1));
        assert_eq!(at("DR. O'NEILL: Yes."), Some(11));
        assert_eq!(at("10:30 The meeting"), None);
        assert_eq!(at("Holt said: yes"), None);
        assert_eq!(at("THE MAYOR OF THE TOWN SAID: no"), None);
    }

    #[test]
    fn crlf_bom_and_odd_text_keep_offsets() {
        let text = "\u{feff}Un texte\r\nqui continue en minuscules.\r\n\r\n😀\n";
        let chars: Vec<char> = text.chars().collect();
        let l = read(&chars);
        assert_eq!(l.soft_breaks, [10]);
        assert_eq!(chars[l.paragraphs[1].start], '😀');
        assert!(read(&[]).paragraphs.is_empty());
    }
}
