//! Quotes and their speakers: direct quotes in every mark style, indirect ("X said that
//! …", "according to X, …") and mixed quotes (a quoted fragment inside reported speech),
//! each with its cue verb and speaker.

#[cfg(test)]
mod attribution_tests;
#[cfg(test)]
mod continued_tests;
pub mod cues;
mod indirect;
pub mod marks;
pub mod pairing;
#[cfg(test)]
mod reported_tests;
pub mod speaker;
mod subject;
mod topic;
mod transcript;

use crate::assist::mentions::{self, Mention};
use crate::assist::text::WordList;
use crate::assist::text::{Doc, Range, Token};
use crate::model::QuoteType;
use pairing::Segment;
pub use speaker::Speaker;

/// A quote found in one article (offsets in code points).
#[derive(Clone, Debug, PartialEq)]
pub struct FoundQuote {
    /// Direct: what the marks enclose. Indirect and mixed: the reported clause.
    pub range: Range,
    pub quote_type: QuoteType,
    pub cue: String,
    pub speaker: Option<Speaker>,
    pub score: f32,
}

/// Small words a title-case title may contain ("Made in Iran", "The Lord of the Rings").
static TITLE_SMALL_WORDS: WordList = WordList::new(&[
    "of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "with",
]);

/// Find every quote in the article. `mentions`: person mentions in text order.
pub fn find(doc: &Doc, mentions: &[Mention]) -> Vec<FoundQuote> {
    find_in(doc, pairing::segments(doc), mentions)
}

/// [`find`] over segments already paired (the passage finder shares them).
pub fn find_in(doc: &Doc, segments: Vec<Segment>, mentions: &[Mention]) -> Vec<FoundQuote> {
    // A transcript's labelled lines are quotes whole; marks inside them are not apart.
    let turns = transcript::find(doc, mentions);
    let in_turn = |r: Range| {
        let i = turns.partition_point(|t| t.range.end <= r.start);
        turns.get(i).is_some_and(|t| t.range.overlaps(r))
    };
    let segments: Vec<Segment> = segments
        .into_iter()
        .filter(|s| !in_turn(s.outer()))
        .collect();
    let mut quoted: Vec<Range> = segments.iter().map(|s| s.content).collect();
    quoted.sort_unstable();
    let outside = mentions::outside(mentions, &quoted);
    let mut direct_segments: Vec<Segment> = Vec::new();
    let mut fragments: Vec<Segment> = Vec::new();
    for seg in segments {
        let words = doc
            .tokens_in(seg.content.start, seg.content.end)
            .iter()
            .filter(|t| t.is_word)
            .count();
        if words == 0 {
            continue;
        }
        match classify(doc, &seg, words) {
            Shape::Direct => direct_segments.push(seg),
            Shape::Fragment => fragments.push(seg),
            Shape::Title => {}
        }
    }
    let direct_outer: Vec<Range> = direct_segments.iter().map(Segment::outer).collect();
    let reported = indirect::find(doc, &direct_outer, &fragments, &outside);
    // Unnamed sources of reported speech, by position: "One resident said she … “…,” she
    // said" gives the pronoun its referent.
    let mut sources: Vec<Speaker> = reported.iter().filter_map(|q| q.speaker.clone()).collect();
    sources.extend(speaker::described_subjects(doc));
    sources.sort_by_key(|s| s.range.start);
    let mut direct: Vec<(Segment, FoundQuote)> = Vec::new();
    for seg in direct_segments {
        let prev = direct.last().map(|(s, q)| (s.clone(), q.clone()));
        let q = attribute(doc, &seg, &outside, prev.as_ref(), &sources);
        direct.push((seg, q));
    }
    let mut out: Vec<FoundQuote> = direct.into_iter().map(|(_, q)| q).collect();
    // Reported speech inside a transcript turn ("Police say four people …") is reported
    // speech still; a fragment there is the turn's own quote.
    out.extend(
        reported
            .into_iter()
            .filter(|q| q.quote_type == QuoteType::Indirect || !in_turn(q.range)),
    );
    out.extend(turns.iter().cloned());
    out.sort_by_key(|q| (q.range.start, q.range.end));
    name_introduced_sources(doc, &mut out);
    out
}

/// "A voter said she had switched. “I just couldn't,” said Brenda Kwan.": a source
/// introduced by a description and named by the next quote in its paragraph is that person.
fn name_introduced_sources(doc: &Doc, quotes: &mut [FoundQuote]) {
    for i in 0..quotes.len().saturating_sub(1) {
        let described = quotes[i].speaker.as_ref().is_some_and(|s| {
            s.descriptive
                && matches!(
                    s.name
                        .split_whitespace()
                        .next()
                        .map(str::to_lowercase)
                        .as_deref(),
                    Some("a" | "an" | "one")
                )
        });
        let next = &quotes[i + 1];
        let same_paragraph = doc.same_paragraph(quotes[i].range.end, next.range.start);
        if described
            && same_paragraph
            && next.quote_type == QuoteType::Direct
            && let Some(named) = next.speaker.clone().filter(|s| {
                !s.descriptive
                    && doc
                        .chars
                        .get(s.range.start)
                        .is_some_and(|c| c.is_uppercase())
                    && !doc.slice(s.range.start, s.range.end).starts_with("The ")
            })
        {
            quotes[i].speaker = Some(named);
        }
    }
}

enum Shape {
    Direct,
    Fragment,
    Title,
}

fn classify(doc: &Doc, seg: &Segment, words: usize) -> Shape {
    let content = doc.slice(seg.content.start, seg.content.end);
    let last = content.chars().last().unwrap_or(' ');
    let ends_punct = matches!(last, '.' | ',' | '!' | '?' | '…' | ';' | ':');
    let toks = doc.tokens_in(seg.content.start, seg.content.end);
    let title_case = !ends_punct
        && words <= 8
        && toks.iter().filter(|t| t.is_word).enumerate().all(|(i, t)| {
            t.is_capitalized()
                || t.first_char().is_ascii_digit()
                || (i > 0 && TITLE_SMALL_WORDS.contains(t.lower()))
        });
    let Some(open) = seg.open else {
        // A closing mark without an opening one: the quote started with the paragraph.
        return if words >= 2 {
            Shape::Direct
        } else {
            Shape::Fragment
        };
    };
    let pre = doc.trim(before_mark(doc, open));
    let pre_toks = doc.tokens_in(pre.start, pre.end);
    let pre_last = pre_toks.last();
    // Nothing but symbols before the mark (an emoji, a bullet, a dash) still opens.
    let standalone = !pre_toks.iter().any(|t| t.is_word);
    let after_colon = pre_last.is_some_and(|t| t.text == ":");
    // "…, she said, “…”" — not "its report, “The Garrow Lessons”": the cue is a verb.
    let after_comma_cue = pre_last.is_some_and(|t| t.text == "," || t.text == "—")
        && (pre_toks.len().saturating_sub(7)..pre_toks.len().saturating_sub(1))
            .any(|k| cues::is_verb_at(pre_toks, k));
    // "its report “Safe Grounds for All”": a cue word used as a noun introduces nothing.
    let after_cue = pre_last.is_some_and(cues::is_cue)
        && (!title_case || cues::is_verb_at(pre_toks, pre_toks.len() - 1))
        && content.chars().next().is_some_and(char::is_uppercase);
    let introduced = standalone || after_colon || after_comma_cue || after_cue;
    // "known to fans as “the Pit”", "a plan dubbed “Operation Hana”": a name, not words
    // anyone said.
    let n = pre_toks.len();
    // "call" and "name" take a name ("the Widowmaker"), but also the speaker's words
    // ("she called it “reckless”").
    let words_of_content: Vec<&Token> = toks.iter().filter(|t| t.is_word).take(2).collect();
    let a_name = match words_of_content.as_slice() {
        [first, second, ..] if first.lower() == "the" => second.is_capitalized(),
        [first, ..] => first.is_capitalized(),
        [] => false,
    };
    let naming_verb = |w: &str| {
        NAMING_VERBS.contains(w) && (a_name || !matches!(w, "called" | "call" | "calls" | "named"))
    };
    let naming = words <= 6
        && pre_last.is_some_and(|t| {
            naming_verb(t.lower())
                // "locals call it ‘the Old Lady’".
                || (matches!(t.lower(), "it" | "them" | "him" | "her")
                    && n >= 2
                    && naming_verb(pre_toks[n - 2].lower()))
                // "what villagers call the “burning cloud”": a determiner after the verb
                // names a thing.
                || (t.lower() == "the" && n >= 2 && NAMING_VERBS.contains(pre_toks[n - 2].lower()))
                || (t.lower() == "as"
                    && (n.saturating_sub(5)..n - 1)
                        .any(|k| LABELLED_AS.contains(pre_toks[k].lower())))
        });
    // "a “temporary” speed limit", "its “world-class” safety culture": a word the writer
    // holds at a distance, inside a noun phrase, not words anyone said.
    let scare = words <= 2 && pre_last.is_some_and(cues::marks_a_noun) && noun_follows(doc, seg);
    if naming || scare {
        return Shape::Title;
    }
    // "‘WE RAN WITH THE FIRE AT OUR BACKS’": a tabloid's shouted headline quote is speech;
    // report titles are not written in capitals.
    let shouted = content.chars().filter(|c| c.is_alphabetic()).count() >= 10
        && !content.chars().any(char::is_lowercase);
    if standalone && shouted && words >= 3 {
        return Shape::Direct;
    }
    // "whose report, “Standing Room Only”, warned": a title between commas names the
    // noun before it; speech after "said," ends its sentence.
    let apposition = title_case && !standalone && !after_colon && closed_by_comma(doc, seg);
    if title_case && (apposition || !(introduced && words >= 3 && !standalone)) {
        return if standalone && followed_by_cue(doc, seg) && words >= 2 {
            Shape::Direct
        } else {
            Shape::Title
        };
    }
    let sentence_like = words >= 4
        || ends_punct
        || (words >= 2 && content.chars().next().is_some_and(char::is_uppercase) && !standalone);
    if (introduced && sentence_like) || (standalone && words >= 2 && followed_by_cue(doc, seg)) {
        Shape::Direct
    } else {
        Shape::Fragment
    }
}

/// Verbs right before a quoted name ("dubbed “the Human Spider”", "locals call ‘the
/// Widowmaker’").
static NAMING_VERBS: WordList = WordList::new(&[
    "dubbed",
    "nicknamed",
    "so-called",
    "titled",
    "entitled",
    "christened",
    "called",
    "call",
    "calls",
    "named",
    "baptised",
    "baptized",
    "code-named",
    "codenamed",
]);

/// Verbs a few words before "as" that label rather than quote ("known to fans as",
/// "marked as"); "described as" introduces the speaker's words.
static LABELLED_AS: WordList = WordList::new(&[
    "known",
    "marked",
    "listed",
    "classified",
    "marketed",
    "billed",
    "designated",
    "registered",
]);

/// A lower-case word right after the closing mark that continues a noun phrase: not a
/// function word, an auxiliary or punctuation.
fn noun_follows(doc: &Doc, seg: &Segment) -> bool {
    let Some(close) = seg.close else { return false };
    let toks = doc.tokens_in(close + 1, (close + 40).min(doc.len()));
    toks.first().is_some_and(|t| {
        t.is_word
            && !t.is_capitalized()
            && !speaker::is_auxiliary(t)
            && !FUNCTION_AFTER.contains(t.lower())
    })
}

/// Words that end a noun phrase rather than continue it.
static FUNCTION_AFTER: WordList = WordList::new(&[
    "and", "or", "but", "to", "in", "on", "at", "of", "for", "with", "by", "from", "as", "than",
    "that", "which", "who", "when", "if", "because", "since", "after", "before", "until", "while",
    "said", "says", "say", "the", "a", "an", "it", "he", "she", "they", "we",
]);

/// A comma or closing bracket right after the closing mark (spaces skipped).
fn closed_by_comma(doc: &Doc, seg: &Segment) -> bool {
    let Some(close) = seg.close else { return false };
    let after = doc.slice(close + 1, (close + 4).min(doc.len()));
    after.trim_start().starts_with([',', ')', ';'])
}

/// ", she said" right after the closing mark.
fn followed_by_cue(doc: &Doc, seg: &Segment) -> bool {
    let Some(close) = seg.close else { return false };
    let toks = doc.tokens_in(close + 1, (close + 60).min(doc.len()));
    toks.iter()
        .skip_while(|t| !t.is_word)
        .take(5)
        .any(cues::is_cue)
}

/// How far from a quotation mark its attribution is looked for, in code points: an
/// attribution is a few words, and a bound keeps a sentence of a megabyte linear.
const ATTRIBUTION_REACH: usize = 300;

/// The stretch of the mark's sentence before an opening mark, at most
/// [`ATTRIBUTION_REACH`] long.
fn before_mark(doc: &Doc, open: usize) -> Range {
    let sentence = doc.sentence_of(open);
    Range {
        start: sentence
            .start
            .min(open)
            .max(open.saturating_sub(ATTRIBUTION_REACH)),
        end: open,
    }
}

/// Where the attribution after a closing mark ends: the end of the sentence that follows,
/// or the next opening mark.
fn after_range(doc: &Doc, close: usize) -> Range {
    let mut k = close + 1;
    while k < doc.len() && (doc.chars[k] == ' ' || doc.is_soft_break(k)) {
        k += 1;
    }
    if k >= doc.len() || doc.chars[k] == '\n' {
        return Range { start: k, end: k };
    }
    let mut end = doc.sentence_of(k).end.max(k).min(k + ATTRIBUTION_REACH);
    if let Some(next_open) = (k..end).find(|&i| matches!(doc.chars[i], '“' | '"' | '«' | '‘'))
    {
        end = next_open;
    }
    Range {
        start: close + 1,
        end,
    }
}

fn cue_text(toks: &[Token], i: usize) -> (String, usize) {
    if cues::is_according_to(toks, i) {
        (format!("{} {}", toks[i].text, toks[i + 1].text), 2)
    } else {
        (toks[i].text.to_string(), 1)
    }
}

/// The previous quote's attribution when it stands between that quote and this one, in
/// one paragraph: the gap between the marks, and the quote whose cue and speaker it gives.
fn attribution_between<'a>(
    doc: &Doc,
    seg: &Segment,
    prev: Option<&'a (Segment, FoundQuote)>,
) -> Option<(Range, &'a FoundQuote)> {
    let (ps, pq) = prev?;
    let (close, open) = (ps.close?, seg.open?);
    let gap = Range {
        start: close + 1,
        end: open,
    };
    let speaker = pq.speaker.as_ref()?;
    (gap.contains(speaker.range.start) && !pq.cue.is_empty() && doc.same_paragraph(close, open))
        .then_some((gap, pq))
}

/// "“We will rebuild,” Holt said, “and fast.”": the part after the attribution goes to
/// the cue between the parts — the previous quote's, when its speaker stands in the gap
/// and the gap is one clause ending in a comma or dash.
fn split_quote_rest(
    doc: &Doc,
    seg: &Segment,
    prev: Option<&(Segment, FoundQuote)>,
) -> Option<(String, Option<Speaker>)> {
    let (gap, pq) = attribution_between(doc, seg, prev)?;
    let toks = doc.tokens_in(gap.start, gap.end);
    let clause = gap.len() <= ATTRIBUTION_REACH
        && !toks
            .iter()
            .any(|t| matches!(t.text.as_str(), "." | "!" | "?" | ";"))
        && toks
            .last()
            .is_some_and(|t| matches!(t.text.as_str(), "," | "—" | "–" | ":"));
    clause.then(|| (pq.cue.clone(), pq.speaker.clone()))
}

/// How long the attribution between two quotes may be ("he said.", "Albers told the
/// hearing.").
const BETWEEN_REACH: usize = 60;

/// "“They were polite letters,” he said. “We were polite people.” Ioana Dumitrescu said
/// …": a whole sentence quoted right after the attribution closing the previous quote is
/// that speaker's; a cue in the next sentence is that sentence's own.
fn follows_attribution(
    doc: &Doc,
    seg: &Segment,
    prev: Option<&(Segment, FoundQuote)>,
) -> Option<(String, Option<Speaker>)> {
    let (gap, pq) = attribution_between(doc, seg, prev)?;
    let text = doc.slice(gap.start, gap.end);
    let text = text.trim();
    let one_sentence = text.chars().count() <= BETWEEN_REACH
        && text.ends_with('.')
        && !text[..text.len() - 1].contains(['.', '!', '?', ';']);
    let whole_sentence = doc
        .slice(seg.content.start, seg.content.end)
        .trim_end()
        .ends_with(['.', '!', '?']);
    (one_sentence && whole_sentence).then(|| (pq.cue.clone(), pq.speaker.clone()))
}

/// Cue and speaker of a direct quote: after it (", he said"), before it ("X said: “"),
/// or, failing both, the previous quote's speaker when this one continues it.
fn attribute(
    doc: &Doc,
    seg: &Segment,
    mentions: &[Mention],
    prev: Option<&(Segment, FoundQuote)>,
    sources: &[Speaker],
) -> FoundQuote {
    let start_pos = seg.open.unwrap_or(seg.content.start);
    let mut score: f32 = 0.95;
    if seg.open.is_none() || seg.close.is_none() {
        score -= 0.1;
    }
    let mut found: Option<(String, Option<Speaker>)> = follows_attribution(doc, seg, prev);
    if found.is_none()
        && let Some(close) = seg.close
    {
        let after = after_range(doc, close);
        let toks = doc.tokens_in(after.start, after.end);
        let words: Vec<&Token> = toks.iter().collect();
        let lead = words.iter().take_while(|t| !t.is_word).count();
        let body = &toks[lead..];
        if let Some(c) = body
            .iter()
            .take(14)
            .position(|t| cues::is_cue(t) || t.text.eq_ignore_ascii_case("according"))
        {
            // Commas are allowed around a name in apposition ("the minister, Jan Kowalczyk,
            // said"), not a sentence break.
            let commas = body[..c].iter().filter(|t| t.text == ",").count();
            let no_break = !body[..c]
                .iter()
                .any(|t| matches!(t.text.as_str(), ";" | "." | "!" | "?"))
                && (commas == 0 || (commas <= 2 && c > 0));
            if no_break {
                let (cue, n) = cue_text(body, c);
                let speaker = if c > 0 {
                    // "…,” Marta Lenz, Head of Operations, said": the subject, not its role.
                    let phrase = if commas > 0 {
                        let s = subject::before_cue(body, c);
                        if s.is_empty() { &body[..c] } else { &body[s] }
                    } else {
                        &body[..c]
                    };
                    speaker::resolve_with(doc, phrase, start_pos, mentions, sources)
                } else {
                    speaker::resolve_with(
                        doc,
                        speaker::phrase_after_cue(&body[c + n..]),
                        start_pos,
                        mentions,
                        sources,
                    )
                };
                found = Some((cue, speaker));
            }
        }
    }
    if found.is_none() {
        found = split_quote_rest(doc, seg, prev);
    }
    if found.is_none()
        && let Some(open) = seg.open
    {
        let window = before_mark(doc, open);
        let pre = doc.tokens_in(window.start, window.end);
        if let Some(c) = (0..pre.len())
            .rev()
            .find(|&k| cues::is_verb_at(pre, k) || pre[k].text.eq_ignore_ascii_case("according"))
        {
            let (cue, n) = cue_text(pre, c);
            let subject = subject::before_cue(pre, c);
            let after_phrase = speaker::phrase_after_cue(&pre[(c + n).min(pre.len())..]);
            let speaker = if cue.to_lowercase().starts_with("according")
                || (subject.is_empty() && !after_phrase.is_empty())
            {
                speaker::resolve_with(doc, after_phrase, start_pos, mentions, sources)
            } else {
                speaker::resolve_with(doc, &pre[subject], start_pos, mentions, sources)
            };
            found = Some((cue, speaker));
        }
    }
    let (cue, speaker) = match found {
        Some(f) => f,
        None => {
            score -= 0.25;
            let gap = prev
                .map(|(ps, _)| doc.slice(ps.outer().end, start_pos))
                .unwrap_or_default();
            let same_paragraph =
                prev.is_some_and(|(ps, _)| doc.same_paragraph(ps.outer().end, start_pos));
            let paragraph_start = doc.paragraph_of(start_pos).map_or(0, |p| p.start);
            let named_before = mentions::before(mentions, start_pos)
                .next()
                .filter(|m| m.range.start >= paragraph_start);
            if same_paragraph && let Some((_, q)) = prev {
                // "“A,” he said. “B.”": the attribution covers both.
                (q.cue.clone(), q.speaker.clone())
            } else if let Some(m) =
                named_before.filter(|m| prev.is_none_or(|(ps, _)| m.range.start > ps.outer().end))
            {
                // "Duarte laughed. “Title? …”"
                (
                    String::new(),
                    Some(Speaker {
                        name: m.full.clone(),
                        range: m.range,
                        descriptive: false,
                    }),
                )
            } else {
                // A quote paragraph continuing the previous quote's speaker.
                let near = prev.filter(|(ps, _)| {
                    doc.paragraph_number(start_pos)
                        .saturating_sub(doc.paragraph_number(ps.outer().end))
                        <= 2
                        && gap.chars().count() < 400
                });
                (String::new(), near.and_then(|(_, q)| q.speaker.clone()))
            }
        }
    };
    if speaker.is_none() {
        score -= 0.2;
    }
    FoundQuote {
        range: seg.content,
        quote_type: QuoteType::Direct,
        cue,
        speaker,
        score: score.clamp(0.05, 1.0),
    }
}
