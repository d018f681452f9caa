//! Who a reporting verb belongs to, read from the words before it: the plain subject
//! ("Police said"), a subject with an appositive or a relative clause between commas ("X,
//! an engineer at Y Polytechnic, said", "X, who visited on Friday, said" → X; "Its
//! director, Priya Natarajan, said" → the name), and the subject of an earlier verb that
//! a conjunction continues ("He says …, and adds:"). Every scan back is bounded, so a
//! sentence of a megabyte costs no more per cue than a short one.

use crate::assist::names;
use crate::assist::text::Token;
use std::ops::Range;

/// How many tokens an appositive or relative clause between commas may hold.
const APPOSITIVE_REACH: usize = 30;
/// How many tokens a plain subject may hold.
const SUBJECT_REACH: usize = 24;

fn is_break(t: &Token) -> bool {
    matches!(
        t.text.as_str(),
        "," | ";" | ":" | "." | "!" | "?" | "—" | "–"
    )
}

fn is_conjunction(t: &Token) -> bool {
    matches!(t.lower(), "and" | "but" | "then" | "so" | "also")
}

/// Whether `toks` is a name phrase from its first token ("Mayor Oksana Verhoeven") or an
/// institution's name ("Kessel Hydro").
fn is_name(toks: &[Token]) -> bool {
    toks.first()
        .is_some_and(|t| t.is_capitalized() && t.lower() != "the")
        && names::read_name_phrase(toks, 0).is_some_and(|(_, next)| {
            next == toks.len() || (names::org_follows(toks, next) && next + 1 == toks.len())
        })
}

/// Start of the run of tokens ending at `end` that holds no break, looking back at most
/// `reach` tokens; `None` when the run is longer.
fn run_start(toks: &[Token], end: usize, reach: usize) -> Option<usize> {
    let from = end.saturating_sub(reach);
    match toks[from..end].iter().rposition(is_break) {
        Some(p) => Some(from + p + 1),
        None if from == 0 => Some(0),
        None => None,
    }
}

/// The tokens of the speaker phrase for the cue at `toks[c]` (an empty range when none).
pub fn before_cue(toks: &[Token], c: usize) -> Range<usize> {
    if c == 0 {
        return 0..0;
    }
    if toks[c - 1].text == "," {
        // "X, <appositive>, said": the comma that opens the appositive.
        let inner_end = c - 1;
        let from = inner_end.saturating_sub(APPOSITIVE_REACH);
        let Some(pc) = toks[from..inner_end]
            .iter()
            .rposition(|t| t.text == ",")
            .map(|p| p + from)
        else {
            return 0..0;
        };
        if toks[pc + 1..inner_end].iter().any(is_break) {
            return 0..0;
        }
        let inner = pc + 1..inner_end;
        let mut outer = run_start(toks, pc, SUBJECT_REACH).map_or(pc..pc, |s| s..pc);
        // "Joaquín Herrera, 38, who walked out …, said": an age between commas belongs
        // to the name before it.
        if outer.len() == 1
            && toks[outer.start].first_char().is_ascii_digit()
            && outer.start >= 2
            && toks[outer.start - 1].text == ","
            && let Some(s) = run_start(toks, outer.start - 1, SUBJECT_REACH)
        {
            outer = s..outer.start - 1;
        }
        if is_name(&toks[inner.clone()]) && !is_name(&toks[outer.clone()]) {
            return inner;
        }
        return if outer.is_empty() { inner } else { outer };
    }
    if matches!(toks[c - 1].text.as_str(), "–" | "—") {
        // "Mayor Leila Haddad – no relation – said": the subject before the aside.
        let inner_end = c - 1;
        let from = inner_end.saturating_sub(APPOSITIVE_REACH);
        if let Some(open) = toks[from..inner_end]
            .iter()
            .rposition(|t| t.text == toks[c - 1].text)
            .map(|p| p + from)
            && !toks[open + 1..inner_end].iter().any(is_break)
            && let Some(start) = run_start(toks, open, SUBJECT_REACH)
            && start < open
        {
            return start..open;
        }
        return c..c;
    }
    let Some(start) = run_start(toks, c, SUBJECT_REACH) else {
        return c..c;
    };
    if toks[start..c].iter().all(is_conjunction) && start > 0 {
        // "He says …, and adds:": the subject of the sentence's first cue.
        let reach = start.saturating_sub(SUBJECT_REACH * 2);
        let sentence = toks[reach..start]
            .iter()
            .rposition(|t| matches!(t.text.as_str(), "." | "!" | "?" | ";"))
            .map_or(reach, |p| reach + p + 1);
        if let Some(first) = toks[sentence..start].iter().position(super::cues::is_cue) {
            return sentence..sentence + first;
        }
    }
    start..c
}

/// Words that end a time adverbial opening a subject ("On Wednesday morning the police").
fn ends_time_adverbial(t: &Token) -> bool {
    let l = t.lower();
    crate::assist::words::weekday(l).is_some()
        || crate::assist::words::month(l).is_some()
        || matches!(
            l,
            "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "today"
                | "yesterday"
                | "tonight"
                | "week"
                | "weekend"
        )
}

/// How far into a subject a time adverbial may run.
const ADVERBIAL_REACH: usize = 5;

/// The speaker phrase within a subject span: a live blog's timestamp ("08:20", "16:20 —")
/// and a time adverbial ("On Wednesday morning the police said") left out, and a long
/// affiliation cut to the name before it ("Nils van der Meer of the United Process Workers
/// union tells …").
pub fn trim_subject(toks: &[Token], span: Range<usize>) -> Range<usize> {
    let mut start = span.start;
    while start < span.end && (!toks[start].is_word || toks[start].first_char().is_ascii_digit()) {
        start += 1;
    }
    if start < span.end
        && matches!(
            toks[start].lower(),
            "on" | "in" | "at" | "early" | "late" | "earlier" | "later"
        )
        && let Some(k) = (start..span.end.min(start + ADVERBIAL_REACH))
            .rev()
            .find(|&k| ends_time_adverbial(&toks[k]))
    {
        start = k + 1;
    }
    let mut end = span.end;
    if end - start > 9
        && let Some((_, next)) = names::read_name_phrase(&toks[start..end], 0)
        && toks
            .get(start + next)
            .is_some_and(|t| matches!(t.lower(), "of" | "at" | "from"))
    {
        end = start + next;
    }
    start..end.max(start)
}

/// "X issued a statement this evening saying …", "X put out a statement saying …": a span
/// that opens with the verb of a statement (lower case, "a statement" after it) stands
/// for the subject before that verb.
pub fn issuer(toks: &[Token], span: Range<usize>) -> Option<Range<usize>> {
    let first = toks.get(span.start)?;
    let statement = toks[span.clone()]
        .iter()
        .take(4)
        .any(|t| matches!(t.lower(), "statement" | "communiqué" | "release"));
    (first.is_word && !first.is_capitalized() && statement && span.start > 0)
        .then(|| before_cue(toks, span.start))
        .filter(|r| !r.is_empty())
}
