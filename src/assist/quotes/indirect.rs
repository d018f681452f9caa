//! Reported speech: "X said (that) …", "… , X said.", "according to X, …". A reported
//! clause that contains a quoted fragment is a mixed quote.

use super::{FoundQuote, Segment, cues, speaker, subject};
use crate::assist::mentions::Mention;
use crate::assist::text::WordList;
use crate::assist::text::{Doc, Range, Token};
use crate::model::QuoteType;

/// Words that can open a reported clause written without "that".
static CLAUSE_OPENERS: WordList = WordList::from_text(include_str!("../words/clause_openers.txt"));

/// How many of a sentence's last commas may open an attribution ("…, police say,
/// bringing …"): a bound, so a sentence of many commas stays linear.
const MID_ATTRIBUTIONS: usize = 3;

/// How far a reported clause's noun may stand from its verb ("said winds gusting to 90
/// km/h had carried …", "said early readings downwind of the plant showed …").
const OPENER_REACH: usize = 10;

/// Minimum words for a reported clause.
const MIN_CLAUSE_WORDS: usize = 3;

pub fn find(
    doc: &Doc,
    direct: &[Range],
    fragments: &[Segment],
    mentions: &[Mention],
) -> Vec<FoundQuote> {
    let mut out = Vec::new();
    // Speakers found so far, in text order: "the company" and "it" refer back to them.
    let mut sources: Vec<speaker::Speaker> = Vec::new();
    let mut direct: Vec<Range> = direct.to_vec();
    direct.sort_unstable();
    let mut all_frags: Vec<Range> = fragments.iter().map(Segment::outer).collect();
    all_frags.sort_unstable();
    // What each fragment's marks enclose, by its outer range.
    let mut contents: Vec<(Range, Range)> =
        fragments.iter().map(|f| (f.outer(), f.content)).collect();
    contents.sort_unstable();
    // Sorted, so each sentence finds its overlaps by binary search.
    let overlapping = |list: &[Range], s: Range| -> std::ops::Range<usize> {
        let a = list.partition_point(|r| r.end <= s.start);
        let b = a + list[a..].partition_point(|r| r.start < s.end);
        a..b
    };
    for s in &doc.sentences {
        if !overlapping(&direct, *s).is_empty() {
            continue;
        }
        let frags = &all_frags[overlapping(&all_frags, *s)];
        let all = doc.tokens_in(s.start, s.end);
        // Tokens inside quoted fragments are words of the speaker, not cues.
        let quoted = |t: &Token| {
            let i = frags.partition_point(|f| f.end <= t.start);
            frags.get(i).is_some_and(|f| f.contains(t.start))
        };
        if let Some(q) = reported(doc, all, &quoted, !frags.is_empty(), mentions, &sources) {
            let is_mixed = frags.iter().any(|f| f.overlaps(q.range));
            let second = is_mixed
                .then(|| second_report(doc, &q, &quoted, frags, mentions, &sources))
                .flatten();
            let found = match second {
                Some(pair) => vec![pair.first, pair.second],
                None => vec![FoundQuote {
                    quote_type: if is_mixed {
                        QuoteType::Mixed
                    } else {
                        QuoteType::Indirect
                    },
                    ..q
                }],
            };
            // A mixed report is reported speech with the speaker's own words inside it:
            // the clause is reported, each quoted fragment in it a mixed quote.
            let found: Vec<FoundQuote> = found
                .into_iter()
                .flat_map(|q| split_mixed(doc, q, &contents[overlapping_outer(&contents, *s)]))
                .collect();
            for q in found {
                if let Some(s) = q.speaker.clone() {
                    sources.push(s);
                }
                out.push(q);
            }
        }
    }
    out
}

/// The fragments of `contents` (sorted by outer range) that overlap sentence `s`.
fn overlapping_outer(contents: &[(Range, Range)], s: Range) -> std::ops::Range<usize> {
    let a = contents.partition_point(|(o, _)| o.end <= s.start);
    let b = a + contents[a..].partition_point(|(o, _)| o.start < s.end);
    a..b
}

/// Words of the writer a mixed report needs besides its fragments to be reported speech
/// of its own ("aftershocks of magnitude 5 were “entirely possible”"); "called the slide
/// “a warning ignored”" is one mixed quote.
const OWN_CLAUSE_WORDS: usize = 4;

/// A mixed report as its reported clause and a mixed quote for each fragment in it
/// (what the marks enclose); other reports as they are.
fn split_mixed(doc: &Doc, q: FoundQuote, frags: &[(Range, Range)]) -> Vec<FoundQuote> {
    if q.quote_type != QuoteType::Mixed {
        return vec![q];
    }
    let inside: Vec<Range> = frags
        .iter()
        .map(|(outer, _)| *outer)
        .filter(|outer| outer.overlaps(q.range))
        .collect();
    let own = doc
        .tokens_in(q.range.start, q.range.end)
        .iter()
        .filter(|t| {
            // `inside` is sorted: the fragment that could hold the token by binary search.
            let i = inside.partition_point(|f| f.end <= t.start);
            t.is_word && !inside.get(i).is_some_and(|f| f.contains(t.start))
        })
        .take(OWN_CLAUSE_WORDS)
        .count();
    if own < OWN_CLAUSE_WORDS {
        return vec![q];
    }
    let mut out = vec![FoundQuote {
        quote_type: QuoteType::Indirect,
        ..q.clone()
    }];
    out.extend(
        frags
            .iter()
            .filter(|(outer, content)| outer.overlaps(q.range) && content.start < content.end)
            .map(|(_, content)| FoundQuote {
                range: *content,
                quote_type: QuoteType::Mixed,
                ..q.clone()
            }),
    );
    out
}

/// Two reports in one sentence: the first is reported speech up to where the second begins.
struct ReportPair {
    first: FoundQuote,
    second: FoundQuote,
}

/// How many tokens before the second speaker the break between two reports may stand
/// ("…, and the opposition's mining spokeswoman, Henrietta Vollmer, accused her …").
const SPLIT_REACH: usize = 12;

/// "The minister announced that the inspectorate would look again, and the opposition's
/// spokeswoman, Henrietta Vollmer, accused her of having “signed off on every cut”": the
/// fragment is the second speaker's, and what the first reported ends before her. Read
/// once inside the first report's clause, so a sentence costs two passes at most.
fn second_report(
    doc: &Doc,
    q: &FoundQuote,
    quoted: &dyn Fn(&Token) -> bool,
    frags: &[Range],
    mentions: &[Mention],
    sources: &[speaker::Speaker],
) -> Option<ReportPair> {
    let inner = doc.tokens_in(q.range.start, q.range.end);
    let r = reported(doc, inner, quoted, true, mentions, sources)?;
    let speaker = r.speaker.as_ref().filter(|s| !s.descriptive)?;
    if q.speaker.as_ref().is_some_and(|s| s.name == speaker.name)
        || !frags.iter().any(|f| f.overlaps(r.range))
    {
        return None;
    }
    let at = inner.iter().position(|t| t.start >= speaker.range.start)?;
    let cut = (at.saturating_sub(SPLIT_REACH)..at).rev().find(|&k| {
        inner[k].text == ";"
            || (inner[k].text == ","
                && inner
                    .get(k + 1)
                    .is_some_and(|n| matches!(n.lower(), "and" | "but" | "while" | "whereas")))
    })?;
    let first = clause(doc, inner, 0, cut)?;
    Some(ReportPair {
        first: FoundQuote {
            range: first,
            quote_type: QuoteType::Indirect,
            ..q.clone()
        },
        second: FoundQuote {
            quote_type: QuoteType::Mixed,
            ..r
        },
    })
}

/// Whether the quoted words at the start of `toks` (up to the closing mark) are a name:
/// every word capitalised but a leading article ("the Kettle", "Operation Lantern").
fn quotes_a_name(toks: &[Token]) -> bool {
    let words: Vec<&Token> = toks
        .iter()
        .skip_while(|t| !t.is_word)
        .take_while(|t| t.is_word)
        .collect();
    !words.is_empty()
        && words
            .iter()
            .enumerate()
            .all(|(i, t)| t.is_capitalized() || (i == 0 && matches!(t.lower(), "the" | "a")))
}

fn words(toks: &[Token]) -> usize {
    toks.iter().filter(|t| t.is_word).count()
}

/// The clause between two token positions, without trailing sentence punctuation.
fn clause(doc: &Doc, toks: &[Token], from: usize, to: usize) -> Option<Range> {
    if from >= to || to > toks.len() {
        return None;
    }
    let mut to = to;
    while to > from
        && matches!(
            toks[to - 1].text.as_str(),
            "." | "!" | "?" | "," | ";" | ":" | "…" | "—" | "–"
        )
    {
        to -= 1;
    }
    if words(&toks[from..to]) < MIN_CLAUSE_WORDS {
        return None;
    }
    let r = doc.trim(Range {
        start: toks[from].start,
        end: toks[to - 1].end,
    });
    (!r.is_empty()).then_some(r)
}

fn reported(
    doc: &Doc,
    toks: &[Token],
    quoted: &dyn Fn(&Token) -> bool,
    has_fragment: bool,
    mentions: &[Mention],
    sources: &[speaker::Speaker],
) -> Option<FoundQuote> {
    let resolve =
        |phrase: &[Token], pos: usize| speaker::resolve_with(doc, phrase, pos, mentions, sources);
    let n = toks.len();
    if n < 4 {
        return None;
    }
    let end = n;
    // According to X, clause.
    // (A dateline such as "MARROWFORD –" may come first.)
    let lead = toks
        .iter()
        .take(6)
        .position(|t| t.is_word && t.text.chars().any(char::is_lowercase))
        .unwrap_or(0);
    if cues::is_according_to(toks, lead)
        && let Some(comma) = toks.iter().position(|t| t.text == ",")
        && comma > lead + 2
    {
        // "According to the medical director of the hospital, Dr. Farida Haddad, seventeen
        // persons …": the name in apposition is the source, the clause follows it.
        if let Some((p, next)) = crate::assist::names::read_name_phrase(toks, comma + 1)
            && p.phrase_start == toks[comma + 1].start
            && toks.get(next).is_some_and(|t| t.text == ",")
            && let Some(content) = clause(doc, toks, next + 1, end)
        {
            let speaker = resolve(&toks[comma + 1..next], content.start);
            return Some(found(content, "according to", speaker, 0.8));
        }
        let content = clause(doc, toks, comma + 1, end)?;
        let speaker = resolve(&toks[lead + 2..comma], content.start);
        return Some(found(content, "according to", speaker, 0.8));
    }
    // Clause, according to X.
    if let Some(a) = (1..n.saturating_sub(2))
        .rev()
        .find(|&i| cues::is_according_to(toks, i) && toks[i - 1].text == ",")
    {
        let content = clause(doc, toks, 0, a - 1)?;
        let speaker = resolve(speaker::phrase_after_cue(&toks[a + 2..]), content.start);
        return Some(found(content, "according to", speaker, 0.8));
    }
    // Clause, X said [adverbials]. / Clause, said X. / Clause, X said, more.
    let commas: Vec<usize> = (0..n)
        .filter(|&k| toks[k].text == "," && !quoted(&toks[k]))
        .collect();
    for (w, &comma) in commas.iter().enumerate().rev().take(MID_ATTRIBUTIONS) {
        // The attribution runs to the next comma ("…, she said, most of them …").
        let tail = &toks[comma + 1..commas.get(w + 1).copied().unwrap_or(n)];
        if let Some(c) = tail
            .iter()
            .take(6)
            .enumerate()
            .position(|(k, t)| cues::is_verb_at(tail, k) && !quoted(t))
            && tail.len() <= 10
            // "…, said the hardest part was the waiting": a cue first takes a name after it.
            && (c > 0 || cues::is_clause_cue(&tail[0]))
            && !tail[..c].iter().any(speaker::is_auxiliary)
            && (c > 0 || !tail[1..].iter().any(speaker::is_auxiliary))
        {
            let (speaker, after) = if c > 0 {
                (resolve(&tail[..c], toks[0].start), &tail[c + 1..])
            } else {
                let phrase = speaker::phrase_after_cue(&tail[1..]);
                let speaker = speaker::names_a_source(phrase)
                    .then(|| resolve(phrase, toks[0].start))
                    .flatten();
                (speaker, &tail[1 + phrase.len()..])
            };
            // Only adverbials after the attribution ("…, police said on Monday"): not
            // "…, volunteers said they were running short" (a clause of its own).
            let rest_ok = tail[c + 1..].iter().all(|t| !cues::is_cue(t))
                && after
                    .first()
                    .is_none_or(|t| !t.is_word || speaker::starts_adverbial(t));
            if speaker.is_some()
                && rest_ok
                && tail[..c].iter().all(|t| t.is_word)
                && let Some(content) = clause(doc, toks, 0, comma)
            {
                return Some(found(content, &tail[c].text, speaker, 0.7));
            }
        }
    }
    // X said (that) clause.
    for c in 0..n {
        let t = &toks[c];
        // "calls the inrush “entirely predictable”": a verb that quotes through the
        // fragment after it, with a named subject.
        // Not a name given in quotes ("have long called the plant ‘the Kettle’").
        let fragment_cue = has_fragment
            && cues::is_fragment_verb_at(toks, c)
            && toks[c + 1..]
                .iter()
                .position(quoted)
                .is_some_and(|f| !quotes_a_name(&toks[c + 1 + f..]));
        if quoted(t)
            || !(fragment_cue
                || ((cues::is_clause_cue(t) || (has_fragment && cues::is_cue(t)))
                    && cues::is_verb_at(toks, c)))
        {
            continue;
        }
        // "X was quoted as saying (by the radio) that …": the subject stands before "was".
        let passive = t.lower() == "saying"
            && c >= 3
            && toks[c - 1].lower() == "as"
            && toks[c - 2].lower() == "quoted"
            && matches!(toks[c - 3].lower(), "was" | "is" | "were" | "are" | "been");
        let span = if passive {
            subject::before_cue(toks, c - 3)
        } else {
            subject::before_cue(toks, c)
        };
        // "in conditions Silva described as “…”": a fragment cue's subject is the name
        // right before it.
        // "Deltaline Ferries issued a statement this evening saying …": the subject is the
        // one who issued it.
        let span = subject::issuer(toks, span.clone()).unwrap_or(span);
        let mut span = subject::trim_subject(toks, span);
        if fragment_cue && c > 0 && toks[c - 1].is_capitalized() && toks[c - 1].is_word {
            let mut from = c - 1;
            while from > span.start && toks[from - 1].is_word && toks[from - 1].is_capitalized() {
                from -= 1;
            }
            span = from..c;
        }
        let subject_from = span.start;
        let mut subject = &toks[span];
        // "The governor promised help and said …": the subject is the leading phrase (but
        // "Water and Infrastructure Minister Helena Strand said" is one name).
        if let Some(and) = subject.iter().position(|t| t.lower() == "and")
            && and > 0
        {
            let lowercase_after = subject[and + 1..].iter().any(|t| {
                t.is_word && !t.is_capitalized() && !crate::assist::names::is_title_word(t.lower())
            });
            if lowercase_after {
                let lead = subject
                    .iter()
                    .position(|t| {
                        t.is_word
                            && !t.is_capitalized()
                            && !matches!(t.lower(), "the" | "a" | "an")
                            && !crate::assist::names::is_title_word(t.lower())
                    })
                    .unwrap_or(and);
                subject = &subject[..lead.min(and)];
            }
        }
        if subject.is_empty() || subject.len() > 9 || subject.iter().any(quoted) {
            continue;
        }
        // "In a series of tweets", "which would explain": not a speaker.
        let first_lower = subject.first().map(|t| t.lower()).unwrap_or_default();
        if matches!(
            first_lower,
            "in" | "at"
                | "on"
                | "for"
                | "from"
                | "with"
                | "by"
                | "which"
                | "who"
                | "that"
                | "what"
                | "if"
                | "when"
                | "while"
                | "as"
        ) {
            continue;
        }
        let prev_lower = subject.last().map(|t| t.lower()).unwrap_or_default();
        if matches!(
            prev_lower,
            "was" | "is" | "be" | "been" | "being" | "are" | "were"
        ) && !has_fragment
        {
            continue;
        }
        let Some(speaker) = resolve(subject, toks[subject_from].start) else {
            continue;
        };
        if fragment_cue && speaker.descriptive {
            continue;
        }
        // Where the reported clause starts.
        let mut k = c + 1;
        let that = toks[k..n.min(k + 10)]
            .iter()
            .position(|t| t.text.eq_ignore_ascii_case("that") && !quoted(t));
        // "said on Sunday that", "told reporters that" — not "said the shop was shut and that".
        let no_comma_before_that = that.is_some_and(|p| {
            !toks[k..k + p]
                .iter()
                .any(|t| t.text == ";" || t.text == "." || speaker::is_auxiliary(t))
                && (p == 0
                    || cues::takes_addressee(t)
                    || speaker::starts_adverbial(&toks[k])
                    || (passive && toks[k].lower() == "by")
                    || p == 1)
        });
        let from = if let Some(p) = that.filter(|_| no_comma_before_that) {
            k + p + 1
        } else {
            if cues::takes_addressee(t) {
                // told reporters / told the BBC / told him
                if let Some(next) = toks.get(k) {
                    let l = next.lower();
                    if matches!(l, "the" | "a") {
                        k += 1;
                        while toks
                            .get(k)
                            .is_some_and(|t| t.is_capitalized() || t.lower() == "associated")
                        {
                            k += 1;
                        }
                    } else if next.is_capitalized()
                        || matches!(
                            l,
                            "reporters"
                                | "journalists"
                                | "him"
                                | "her"
                                | "them"
                                | "me"
                                | "us"
                                | "parliament"
                                | "mps"
                                | "lawmakers"
                        )
                    {
                        k += 1;
                        while toks.get(k).is_some_and(|t| t.is_capitalized()) {
                            k += 1;
                        }
                    }
                }
            }
            // "said staff had carried …": a noun and its auxiliary open a clause too.
            let opener = toks.get(k).is_some_and(|t| {
                let l = t.lower();
                CLAUSE_OPENERS.contains(l) || t.is_capitalized() || t.first_char().is_ascii_digit()
            }) || toks[k..n.min(k + OPENER_REACH)]
                .iter()
                .skip(1)
                .take_while(|t| {
                    t.is_word
                        || t.first_char().is_ascii_digit()
                        || matches!(t.text.as_str(), "/" | "-")
                })
                .any(|t| {
                    (speaker::is_auxiliary(t) && t.lower() != "told")
                        || (t.lower().ends_with("ed") && t.text.len() >= 5 && !t.is_capitalized())
                })
                && toks.get(k).is_some_and(|t| t.is_word);
            if !opener && !has_fragment {
                continue;
            }
            k
        };
        let Some(content) = clause(doc, toks, from, n) else {
            continue;
        };
        let score = if that.is_some() { 0.75 } else { 0.65 };
        return Some(found(content, &t.text, Some(speaker), score));
    }
    None
}

fn found(range: Range, cue: &str, speaker: Option<speaker::Speaker>, score: f32) -> FoundQuote {
    FoundQuote {
        range,
        quote_type: QuoteType::Indirect,
        cue: cue.to_owned(),
        score: if speaker.is_some() {
            score
        } else {
            score - 0.2
        },
        speaker,
    }
}
