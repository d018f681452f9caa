//! Dates of events ("killed on Friday" in a Tuesday paper vs "killed on January 2"):
//! explicit and weekday dates read near an event word, resolved from the publication date,
//! and grouped by the event and the names their sentences share.

use super::{Fact, FactKey};
use crate::assist::text::{Doc, Range, Token};
use crate::assist::words::{MONTHS, TaggedWords, WEEKDAYS};
use crate::model::ArticleId;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Event words and the event each names, one form per event ("killed", "died", "death"
/// → death): what a dated or timed sentence is about.
static EVENT_WORDS: TaggedWords = TaggedWords::from_text(include_str!("../words/event_words.txt"));

/// How many words from its event a date may stand.
const NEAR: usize = 6;

/// The tag of words that name whatever the article is about ("the incident", "the
/// tragedy").
pub(super) const GENERIC_EVENT: &str = "main";

/// Events around what an article is about rather than being it (deaths, funerals,
/// arrests, letters, inspections): "the incident" is the crush, not the deaths it caused
/// or the inspection before it.
pub(super) fn is_side_event(event: &str) -> bool {
    matches!(
        event,
        "death" | "funeral" | "arrest" | "letter" | "resignation" | "election" | "inspection"
    )
}

/// The event a word names.
fn event_of(word: &str) -> Option<&'static str> {
    EVENT_WORDS.tag(word)
}

/// The event words of a sentence (lower-case tokens) with their token index, in order;
/// "gave way" is a failure, "off the rails" a derailment.
pub(super) fn events_in(lowers: &[&str]) -> Vec<(usize, &'static str)> {
    let mut out: Vec<(usize, &'static str)> = Vec::new();
    for (i, w) in lowers.iter().enumerate() {
        let event = match *w {
            "gave" if lowers.get(i + 1) == Some(&"way") => Some("failure"),
            // "since the water broke into the seam": the flood.
            "broke" | "poured" | "rushed"
                if matches!(lowers.get(i + 1), Some(&"into") | Some(&"through"))
                    && lowers[i.saturating_sub(3)..i].contains(&"water") =>
            {
                Some("flood")
            }
            // "came off the rails", "left the tracks".
            "rails" | "tracks" if i >= 2 && matches!(lowers[i - 2], "off" | "left" | "jumped") => {
                Some("derailment")
            }
            // "buried under the rubble", "buried the village": no funeral.
            "buried"
                if lowers.get(i + 1).is_some_and(|n| {
                    matches!(
                        *n,
                        "under" | "beneath" | "alive" | "by" | "the" | "a" | "an" | "homes"
                    )
                }) =>
            {
                None
            }
            w => event_of(w),
        };
        let Some(event) = event else { continue };
        // "the explosion and fire": one event, named by its first word.
        match out.last_mut() {
            Some(last) if i >= 2 && last.0 == i - 2 && matches!(lowers[i - 1], "and" | "or") => {
                last.0 = i;
            }
            _ => out.push((i, event)),
        }
    }
    out
}

/// How far a date may stand from the one event its sentence names ("the
/// derailment of the 22:05 Ardenza–Lumin service, IC 417, at the Sorel Bend near Kelmo at
/// 00:07 on 2 March").
const SOLE_EVENT_REACH: usize = 24;

/// The sentence's event when it names one only (however often), within `reach` words: no
/// other event can claim the date or time.
pub(super) fn sole_event(
    events: &[(usize, &'static str)],
    first: usize,
    next: usize,
    reach: usize,
) -> Option<&'static str> {
    let e = events.first()?.1;
    if events.iter().any(|&(_, x)| x != e) {
        return None;
    }
    nearest_event_within(events, first, next, reach)
}

/// How far an event may stand from a date or time: the nearest within `near` words, the
/// sentence's only event within `sole`, else the event named last before it within
/// `preceding`.
pub(super) struct Reach {
    pub near: usize,
    pub sole: usize,
    pub preceding: usize,
}

/// How far before a date the event a lede names may stand ("An explosion tore through the
/// works on Kallen Quay at about 3:10 a.m. on Tuesday, September 14").
const PRECEDING_REACH: usize = 24;

/// The event a date or time at `span` belongs to. "…, killing at least 3" after it names
/// what the event caused: the date is the event's the sentence opened with.
pub(super) fn event_of_figure(
    events: &[(usize, &'static str)],
    lowers: &[&str],
    span: DateSpan,
    reach: Reach,
) -> Option<&'static str> {
    let DateSpan { first, next } = span;
    let near = nearest_event_within(events, first, next, reach.near)
        .or_else(|| sole_event(events, first, next, reach.sole));
    let consequence = (next..(next + reach.near).min(lowers.len())).any(|k| lowers[k] == "killing");
    match preceding_event(events, lowers, first, reach.preceding) {
        Some(lead) if near == Some("death") && consequence && lead != "death" => Some(lead),
        lead => near.or(lead),
    }
}

/// The event named last before tokens from `first`, within `reach` words: a wire's lede
/// names its event, then where, then when ("An explosion tore through the works on Kallen
/// Quay at about 3:10 a.m. …, killing at least 3"), whatever it names after.
/// Words are counted, not signs: a train's "22:05 Ardenza–Lumin service, IC 417
/// "Karolina"" is as far as it reads. At most three times `reach` tokens are looked at.
pub(super) fn preceding_event(
    events: &[(usize, &'static str)],
    lowers: &[&str],
    first: usize,
    reach: usize,
) -> Option<&'static str> {
    let before = events.partition_point(|&(i, _)| i < first);
    let &(i, e) = events[..before].last()?;
    if first - i > 3 * reach {
        return None;
    }
    let words = lowers[i + 1..first]
        .iter()
        .filter(|w| w.starts_with(char::is_alphabetic))
        .count();
    (words < reach).then_some(e)
}

/// The event named closest to tokens `first..next`, within `near` words.
pub(super) fn nearest_event_within(
    events: &[(usize, &'static str)],
    first: usize,
    next: usize,
    near: usize,
) -> Option<&'static str> {
    let from = events.partition_point(|&(i, _)| i + near < first);
    let to = events.partition_point(|&(i, _)| i <= next + near);
    events[from..to.max(from)]
        .iter()
        .map(|&(i, e)| {
            (
                if i < first {
                    first - i
                } else {
                    i.saturating_sub(next - 1)
                },
                e,
            )
        })
        .filter(|&(d, _)| d <= near)
        .min_by_key(|&(d, _)| d)
        .map(|(_, e)| e)
}

use crate::assist::words::month;

/// Dates of events: explicit ("January 3", "Jan. 3, 2020", "3 January") or a weekday
/// ("on Friday"), which news style means as the last such day up to publication. Only in
/// sentences naming an event; weekdays and dates without a year need the article's
/// publication date.
pub fn dates(doc: &Doc, published: Option<chrono::NaiveDate>) -> Vec<Fact> {
    event_sentences(doc)
        .flat_map(|s| dates_in(doc, &s, published))
        .collect()
}

/// A sentence naming an event, tokens lower-cased once for the date and time readers.
pub(super) struct EventSentence<'d> {
    pub range: Range,
    pub toks: &'d [Token],
    pub lowers: Vec<&'d str>,
    /// Its event words in token order ([`events_in`]).
    pub events: Vec<(usize, &'static str)>,
}

/// The article's sentences that name an event, in order.
pub(super) fn event_sentences(doc: &Doc) -> impl Iterator<Item = EventSentence<'_>> {
    doc.sentences.iter().filter_map(|s| {
        let toks = doc.tokens_in(s.start, s.end);
        let lowers: Vec<&str> = toks.iter().map(|t| t.lower()).collect();
        let events = events_in(&lowers);
        (!events.is_empty()).then_some(EventSentence {
            range: *s,
            toks,
            lowers,
            events,
        })
    })
}

/// The dates of one event sentence.
pub(super) fn dates_in(
    doc: &Doc,
    sentence: &EventSentence<'_>,
    published: Option<chrono::NaiveDate>,
) -> Vec<Fact> {
    use chrono::{Datelike, NaiveDate};
    let mut out = Vec::new();
    let EventSentence {
        range: s,
        toks,
        lowers,
        events,
    } = sentence;
    let s = *s;
    let mut nouns: Option<Arc<BTreeSet<String>>> = None;
    let mut nouns = || {
        nouns
            .get_or_insert_with(|| Arc::new(proper_nouns(&doc.slice(s.start, s.end))))
            .clone()
    };
    let event_near = |first: usize, next: usize| {
        event_of_figure(
            events,
            lowers,
            DateSpan { first, next },
            Reach {
                near: NEAR,
                sole: SOLE_EVENT_REACH,
                preceding: PRECEDING_REACH,
            },
        )
    };
    let number = |i: usize| -> Option<u32> {
        lowers
            .get(i)
            .and_then(|w| w.trim_end_matches(|c: char| c.is_alphabetic()).parse().ok())
    };
    let mut i = 0;
    while i < toks.len() {
        let w = lowers[i];
        // "January 3[, 2020]" or "3 January [2020]".
        let explicit = match (month(w), number(i + 1), i.checked_sub(1).and_then(number)) {
            (Some(m), Some(d), _) if (1..=31).contains(&d) => Some(DayOfMonth {
                month: m,
                day: d,
                first: i,
                next: i + 2,
            }),
            (Some(m), _, Some(d)) if (1..=31).contains(&d) => Some(DayOfMonth {
                month: m,
                day: d,
                first: i - 1,
                next: i + 1,
            }),
            _ => None,
        };
        if let Some(DayOfMonth {
            month: m,
            day: d,
            first,
            mut next,
        }) = explicit
        {
            let mut year = published.map(|p| p.year());
            let mut yearless = year.is_none();
            let mut k = next;
            if lowers.get(k) == Some(&",") {
                k += 1;
            }
            if let Some(y) = number(k).filter(|y| (1800..=2100).contains(y)) {
                year = Some(y as i32);
                yearless = false;
                next = k + 1;
            }
            if let Some(date) = NaiveDate::from_ymd_opt(year.unwrap_or(NOMINAL_YEAR), m, d)
                && let Some(event) = event_near(first, next)
            {
                let mut fact =
                    date_fact(doc, event, date, toks, DateSpan { first, next }, s, nouns());
                if yearless {
                    fact.yearless = true;
                    fact.reading = date.format("--%m-%d").to_string();
                }
                out.push(fact);
            }
            i = next;
            continue;
        }
        // "the last fire-risk assessment, carried out in March 2034": an inspection's year
        // when no day is said. Only inspections: a year beside the main event is mostly
        // another event's ("the 2011 floods").
        if let Some(year) = number(i).filter(|y| (1900..=2100).contains(y) && w.len() == 4)
            && event_near(i, i + 1) == Some("inspection")
        {
            let range = Range {
                start: toks[i].start,
                end: toks[i].end,
            };
            out.push(Fact {
                key: FactKey::Year("inspection".to_owned()),
                value: f64::from(year),
                range,
                sentence: s,
                text: doc.slice(range.start, range.end),
                reading: year.to_string(),
                ..Fact::default()
            });
            i += 1;
            continue;
        }
        if let (Some(day), Some(p), Some(event)) = (
            WEEKDAYS.iter().position(|d| *d == w),
            published,
            event_near(i, i + 1),
        ) {
            let back = (7 + p.weekday().num_days_from_monday() as i64 - day as i64) % 7;
            let date = p - chrono::Duration::days(back);
            out.push(date_fact(
                doc,
                event,
                date,
                toks,
                DateSpan {
                    first: i,
                    next: i + 1,
                },
                s,
                nouns(),
            ));
        }
        i += 1;
    }
    out
}

/// The year a date without one is read in: a leap year, so "29 February" is a day.
const NOMINAL_YEAR: i32 = 2000;

/// The date moved to [`NOMINAL_YEAR`], to compare by month and day alone.
pub(super) fn in_nominal_year(f: &Fact) -> Fact {
    use chrono::Datelike;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    let date = epoch + chrono::Duration::days(f.value as i64);
    let moved =
        chrono::NaiveDate::from_ymd_opt(NOMINAL_YEAR, date.month(), date.day()).unwrap_or(date);
    Fact {
        value: (moved - epoch).num_days() as f64,
        ..f.clone()
    }
}

/// "January 3" or "3 January" at tokens `first..next`.
struct DayOfMonth {
    month: u32,
    day: u32,
    first: usize,
    next: usize,
}

/// Dates of one event word whose sentences share names.
pub(super) struct DateCluster<'f> {
    pub(super) names: BTreeSet<String>,
    pub(super) members: Vec<(ArticleId, &'f Fact)>,
}

/// Capitalised words of a sentence other than month and day names and the function words
/// a sentence starts with: the names that tell which event a date is about.
fn proper_nouns(sentence: &str) -> BTreeSet<String> {
    const STARTERS: &[&str] = &[
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "his",
        "her",
        "their",
        "its",
        "this",
        "that",
        "these",
        "those",
        "in",
        "on",
        "at",
        "after",
        "before",
        "when",
        "while",
        "but",
        "and",
        "as",
        "for",
        "of",
        "to",
        "by",
        "with",
        "from",
        "there",
        "then",
        "also",
        "more",
        "most",
        "some",
        "many",
        "one",
        "two",
        "general",
        "president",
        "officials",
    ];
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && w.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_lowercase)
        .filter(|w| {
            !MONTHS.contains(&w.as_str())
                && !WEEKDAYS.contains(&w.as_str())
                && !STARTERS.contains(&w.as_str())
        })
        .collect()
}

/// Where a date stands: tokens `first..next` of its sentence.
pub(super) struct DateSpan {
    pub first: usize,
    pub next: usize,
}

fn date_fact(
    doc: &Doc,
    event: &str,
    date: chrono::NaiveDate,
    toks: &[Token],
    span: DateSpan,
    sentence: Range,
    names: Arc<BTreeSet<String>>,
) -> Fact {
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    let range = Range {
        start: toks[span.first].start,
        end: toks[span.next.min(toks.len()) - 1].end,
    };
    Fact {
        key: FactKey::Date(event.to_owned()),
        value: (date - epoch).num_days() as f64,
        vague: false,
        range,
        sentence,
        text: doc.slice(range.start, range.end),
        reading: date.format("%Y-%m-%d").to_string(),
        names,
        ..Fact::default()
    }
}
