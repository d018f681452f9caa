//! Transcripts: a line that opens with a speaker's label ("MAYOR HOLT: We will rebuild.",
//! "Holt: We will.") is a direct quote by that speaker, marks or not. A label is a name in
//! capitals, or a known person's surname in any case; notes, headings and interview turns
//! ("Note:", "UPDATE:", "Q:") are no speakers, and a time ("10:30") is no label. A label in
//! capitals that names nobody in the article counts only where the article reads as a
//! transcript (two labelled lines or more), so a one-off dateline ("NEW DELHI: …") or
//! heading stays text.

use super::FoundQuote;
use super::speaker::Speaker;
use crate::assist::layout::caps_label_colon;
use crate::assist::mentions::Mention;
use crate::assist::names;
use crate::assist::text::{Doc, Range, Token};
use crate::assist::words::{TaggedWords, is_calendar_name};
use crate::model::QuoteType;
use std::collections::HashMap;

/// Label words that name no speaker; tagged `turn` when they mark an interview's turn.
static NOT_SPEAKERS: TaggedWords =
    TaggedWords::from_text(include_str!("../words/transcript_labels.txt"));

/// Words a label may hold at most ("SENATOR MARIA DE LA CRUZ" is not a label we read).
const MAX_LABEL_WORDS: usize = 4;

/// One labelled line: the label's words and the speech after its colon.
struct Labelled {
    label: Range,
    speech: Range,
    caps: bool,
    /// A turn label ("Q:"): evidence of a transcript, no speaker.
    turn: bool,
}

/// The label that opens paragraph `p`, if any.
fn labelled(doc: &Doc, p: Range) -> Option<Labelled> {
    let (colon, caps) = match caps_label_colon(&doc.chars, p.start, p.end) {
        Some(c) => (c, true),
        None => (mixed_label_colon(doc, p)?, false),
    };
    // "DANILO VRANA, SURVIVOR:": the name stands before the comma, the role after it.
    let name_end = doc.chars[p.start..colon]
        .iter()
        .position(|&c| c == ',')
        .map_or(colon, |k| p.start + k);
    let label = doc.trim(Range {
        start: p.start,
        end: name_end,
    });
    let words: Vec<&Token> = doc
        .tokens_in(label.start, label.end)
        .iter()
        .filter(|t| t.is_word)
        .collect();
    if words.is_empty() || words.len() > MAX_LABEL_WORDS {
        return None;
    }
    let turn = words.len() == 1 && NOT_SPEAKERS.has_tag(words[0].lower(), "turn");
    if !turn
        && words
            .iter()
            .any(|t| NOT_SPEAKERS.contains(t.lower()) || is_calendar_name(t.lower()))
    {
        return None;
    }
    let speech = doc.trim(Range {
        start: colon + 1,
        end: p.end,
    });
    let has_words = doc
        .tokens_in(speech.start, speech.end)
        .iter()
        .any(|t| t.is_word);
    has_words.then_some(Labelled {
        label,
        speech,
        caps,
        turn,
    })
}

/// "Holt: …": capitalised name words, then a colon and white space.
fn mixed_label_colon(doc: &Doc, p: Range) -> Option<usize> {
    let toks = doc.tokens_in(p.start, p.end);
    let colon = toks
        .iter()
        .take(MAX_LABEL_WORDS + 1)
        .position(|t| t.text == ":")?;
    let name_like = colon > 0 && toks[..colon].iter().all(names::is_name_token);
    let spaced = doc
        .chars
        .get(toks[colon].end)
        .is_some_and(|c| c.is_whitespace());
    (name_like && spaced).then_some(toks[colon].start)
}

/// The people the article names, by surname: the fullest name first seen and where the
/// first two mentions stand (a label's own surname is no evidence of itself).
type Known = HashMap<String, (String, [usize; 2])>;

fn known(mentions: &[Mention]) -> Known {
    let mut out = Known::new();
    for m in mentions {
        let e = out
            .entry(names::surname(&m.full))
            .or_insert_with(|| (m.full.clone(), [m.range.start, usize::MAX]));
        if e.1[1] == usize::MAX && e.1[0] != m.range.start {
            e.1[1] = m.range.start;
        }
    }
    out
}

/// The person a label names, and whether the article names them elsewhere: a mention
/// with its surname, else the label's words without titles, in title case.
fn speaker_of(doc: &Doc, label: Range, known: &Known) -> Option<(Speaker, bool)> {
    let words: Vec<&Token> = doc
        .tokens_in(label.start, label.end)
        .iter()
        .filter(|t| t.is_word)
        .collect();
    let last = names::surname(words.last()?.text.as_str());
    let named = known
        .get(&last)
        .filter(|(_, at)| at.iter().any(|&p| p != usize::MAX && !label.contains(p)));
    let name = match named {
        Some((full, _)) => full.clone(),
        None => {
            let kept: Vec<String> = words
                .iter()
                .skip_while(|t| words.len() > 1 && names::is_title_word(t.lower()))
                .map(|t| title_case(&t.text))
                .collect();
            kept.join(" ")
        }
    };
    let speaker = Speaker {
        name,
        range: label,
        descriptive: false,
    };
    Some((speaker, named.is_some()))
}

/// "O'NEILL" → "O'Neill": upper case after a word start, an apostrophe or a hyphen.
fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = matches!(c, '\'' | '’' | '-');
    }
    out
}

/// Every labelled line of the article read as a direct quote by its speaker, in text
/// order. `mentions`: the article's person mentions.
pub fn find(doc: &Doc, mentions: &[Mention]) -> Vec<FoundQuote> {
    let lines: Vec<Labelled> = doc
        .paragraphs()
        .iter()
        .filter_map(|&p| labelled(doc, p))
        .collect();
    let transcript = lines.iter().filter(|l| l.caps).count() >= 2;
    let known = known(mentions);
    lines
        .into_iter()
        .filter(|l| !l.turn)
        .filter_map(|l| {
            let (speaker, named) = speaker_of(doc, l.label, &known)?;
            (named || (l.caps && transcript)).then(|| FoundQuote {
                range: l.speech,
                quote_type: QuoteType::Direct,
                cue: String::new(),
                speaker: Some(speaker),
                score: if named { 0.85 } else { 0.7 },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assist::mentions::mentions;

    fn turns(text: &str) -> Vec<(String, String)> {
        let doc = Doc::new(text);
        let m = mentions(&doc, &[]);
        find(&doc, &m)
            .into_iter()
            .map(|q| {
                (
                    q.speaker.map(|s| s.name).unwrap_or_default(),
                    doc.slice(q.range.start, q.range.end),
                )
            })
            .collect()
    }

    #[test]
    fn labelled_lines_of_a_transcript_are_quotes_by_their_speaker() {
        let text = "Mayor Rosa Holt met reporters on Friday.\n\n\
            Q: Will the town be rebuilt?\n\n\
            MAYOR HOLT: We will rebuild. Every street.\n\n\
            Q: When?\n\n\
            HOLT: Within two years, if the money comes.";
        assert_eq!(
            turns(text),
            [
                (
                    "Rosa Holt".to_owned(),
                    "We will rebuild. Every street.".to_owned()
                ),
                (
                    "Rosa Holt".to_owned(),
                    "Within two years, if the money comes.".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn a_known_surname_labels_in_any_case_and_capitals_name_a_stranger_in_a_transcript() {
        let text = "Amadou Diallo spoke to the panel.\n\nDiallo: The dam was seeping for years.";
        assert_eq!(turns(text)[0].0, "Amadou Diallo");
        let text = "SENATOR GRAY: Who signed it?\nDR. O'NEILL: I did.";
        assert_eq!(
            turns(text),
            [
                ("Gray".to_owned(), "Who signed it?".to_owned()),
                ("O'Neill".to_owned(), "I did.".to_owned()),
            ]
        );
    }

    #[test]
    fn a_role_after_the_name_and_the_programme_s_own_voices() {
        // Our own: a presenter's lines are the programme's, not a quotation.
        let text = "HOST: Welcome back. Floods hit the valley overnight.\n\n\
            PRESENTER: With me is Ana Ross.\n\n\
            ANA ROSS, FIRE CHIEF: We lost two engines.\n\n\
            ANCHOR: Thank you.";
        assert_eq!(
            turns(text),
            [("Ana Ross".to_owned(), "We lost two engines.".to_owned())]
        );
    }

    #[test]
    fn notes_headings_times_and_datelines_are_no_speakers() {
        let text = "NEW DELHI: The dam gave way on Thursday.\n\n\
            Note: This story has been updated.\n\n\
            UPDATE: The toll has risen to 19.\n\n\
            10:30: Crews reached the bridge.\n\n\
            WHAT WE KNOW: Twelve people died.\n\n\
            Monday: A meeting is planned.";
        assert_eq!(turns(text), Vec::<(String, String)>::new());
    }
}
