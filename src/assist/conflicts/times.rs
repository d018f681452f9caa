//! Times of events ("gave way at about 3:50 a.m." vs "at about 11.20pm"): a clock time read
//! near an event word, compared as a time of day (minutes after midnight). "About" lets
//! two times half an hour apart agree; the day is the dates' business (`dates`).

use super::dates::{DateSpan, EventSentence, Reach, event_of_figure, event_sentences};
use super::{Fact, FactKey, Qualifier};
use crate::assist::text::{Doc, Range};
use std::sync::Arc;

/// Words before a time that make it approximate.
const ABOUT: &[&str] = &[
    "about",
    "around",
    "approximately",
    "roughly",
    "shortly",
    "just",
    "circa",
    "some",
];

/// How many words from its event a time may stand: a clock time is rarely anything but
/// the event's ("the explosion and fire at our Sallow Road site at 21:40").
const TIME_NEAR: usize = 8;

/// How far a time may stand from the only event its sentence names ("capsized in a sudden
/// squall near Pellam Point in the Meru Delta at about 6:40 p.m.").
const SOLE_TIME_REACH: usize = 14;

/// How many words before a time the event a lede names may stand ("the derailment of the
/// 22:05 Ardenza–Lumin service, IC 417, at the Sorel Bend near Kelmo at 00:07").
const PRECEDING_TIME_REACH: usize = 18;

/// A clock time at tokens `first..next`.
struct Clock {
    minutes: u32,
    first: usize,
    next: usize,
}

/// "am", "a.m.", "pm", "p.m." (with or without the last full stop): whether it is after noon.
fn meridiem(w: &str) -> Option<bool> {
    match w.trim_end_matches('.') {
        "am" | "a.m" => Some(false),
        "pm" | "p.m" => Some(true),
        _ => None,
    }
}

fn two_digits(s: &str) -> Option<u32> {
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn hour(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Minutes after midnight of hour `h`, minute `m`, with a meridiem if one was written.
fn at(h: u32, m: u32, pm: Option<bool>) -> Option<u32> {
    let h = match pm {
        Some(_) if !(1..=12).contains(&h) => return None,
        Some(false) => h % 12,
        Some(true) => h % 12 + 12,
        None if h > 23 => return None,
        None => h,
    };
    (m < 60).then_some(h * 60 + m)
}

/// The clock time starting at token `i`: "3:50", "3:50 a.m.", "3.50am", "11.20pm", "4 am",
/// "4pm", "23:20", "noon", "midnight". A "3.50" without a meridiem is a number, not a time.
fn clock_at(lowers: &[&str], i: usize) -> Option<Clock> {
    let w = lowers[i];
    // The meridiem at token `k` and the tokens it takes: "pm", "p.m." (one token when the
    // tokenizer keeps it whole) or "p" "." "m" ".".
    let after = |k: usize| -> Option<(bool, usize)> {
        if let Some(pm) = lowers.get(k).and_then(|w| meridiem(w)) {
            return Some((pm, 1));
        }
        let pm = match *lowers.get(k)? {
            "a" => false,
            "p" => true,
            _ => return None,
        };
        // A full stop token reads as "" (`Token::lower` drops abbreviation dots).
        let dot = |k: usize| matches!(lowers.get(k), Some(&"") | Some(&"."));
        (dot(k + 1) && lowers.get(k + 2) == Some(&"m")).then(|| {
            let dot = usize::from(dot(k + 3));
            (pm, 3 + dot)
        })
    };
    match w {
        "noon" | "midday" => {
            return Some(Clock {
                minutes: 12 * 60,
                first: i,
                next: i + 1,
            });
        }
        "midnight" => {
            // "shortly before midnight" is late the day before, not early the next.
            let before = i > 0 && matches!(lowers[i - 1], "before" | "until" | "to");
            return Some(Clock {
                minutes: if before { 24 * 60 } else { 0 },
                first: i,
                next: i + 1,
            });
        }
        _ => {}
    }
    // "3:50" is three tokens.
    if let (Some(h), Some(&":"), Some(m)) = (
        hour(w),
        lowers.get(i + 1),
        lowers.get(i + 2).and_then(|m| two_digits(m)),
    ) {
        let pm = after(i + 3);
        return Some(Clock {
            minutes: at(h, m, pm.map(|(pm, _)| pm))?,
            first: i,
            next: i + 3 + pm.map_or(0, |(_, used)| used),
        });
    }
    // "3.50am", "11.20pm", "4pm", "3.50" + "a.m.", "4" + "am".
    let digits_end = w
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(w.len());
    let (number, suffix) = w.split_at(digits_end);
    let (pm, next) = if suffix.is_empty() {
        let (pm, used) = after(i + 1)?;
        (pm, i + 1 + used)
    } else {
        (meridiem(suffix)?, i + 1)
    };
    let (h, m) = match number.split_once('.') {
        Some((h, m)) => (hour(h)?, two_digits(m)?),
        None => (hour(number)?, 0),
    };
    Some(Clock {
        minutes: at(h, m, Some(pm))?,
        first: i,
        next,
    })
}

/// Times of events in the article, one fact per clock time near an event word.
pub fn times(doc: &Doc) -> Vec<Fact> {
    event_sentences(doc)
        .flat_map(|s| times_in(doc, &s))
        .collect()
}

/// The times of one event sentence.
pub(super) fn times_in(doc: &Doc, sentence: &EventSentence<'_>) -> Vec<Fact> {
    let EventSentence {
        range,
        toks,
        lowers,
        events,
    } = sentence;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(clock) = clock_at(lowers, i) else {
            i += 1;
            continue;
        };
        let next = clock.next.min(toks.len());
        // "As of 14:00 on Sunday", "by 6 p.m.": when a figure was true, not when it
        // happened.
        let as_of = clock.first.checked_sub(1).is_some_and(|k| {
            matches!(lowers[k], "by" | "until" | "till")
                || (lowers[k] == "of" && k > 0 && lowers[k - 1] == "as")
                || (lowers[k] == "at" && k > 0 && lowers[k - 1] == "as")
        });
        // "the derailment of the 22:05 Ardenza–Lumin service": a train's name.
        let named = clock
            .first
            .checked_sub(1)
            .is_some_and(|k| lowers[k] == "the");
        if as_of || named {
            i = next.max(i + 1);
            continue;
        }
        if let Some(event) = event_of_figure(
            events,
            lowers,
            DateSpan {
                first: clock.first,
                next,
            },
            Reach {
                near: TIME_NEAR,
                sole: SOLE_TIME_REACH,
                preceding: PRECEDING_TIME_REACH,
            },
        ) {
            let about =
                (clock.first.saturating_sub(2)..clock.first).any(|k| ABOUT.contains(&lowers[k]));
            let span = Range {
                start: toks[clock.first].start,
                end: toks[next - 1].end,
            };
            let shown = clock.minutes % (24 * 60);
            let hh_mm = format!("{:02}:{:02}", shown / 60, shown % 60);
            out.push(Fact {
                key: FactKey::Time(event.to_owned()),
                value: f64::from(clock.minutes),
                qualifier: about.then_some(Qualifier::About),
                range: span,
                sentence: *range,
                text: doc.slice(span.start, span.end),
                reading: if about { format!("~{hh_mm}") } else { hh_mm },
                names: Arc::default(),
                ..Fact::default()
            });
        }
        i = next.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, String)> {
        times(&Doc::new(text))
            .into_iter()
            .map(|f| (f.key.describe(), f.reading))
            .collect()
    }

    #[test]
    fn a_sentence_naming_one_event_gives_it_a_time_further_off() {
        assert_eq!(
            read(
                "A crowded ferry capsized in a squall near Tarn Point in the Oso Delta at about 6:40 p.m."
            ),
            vec![("time of the capsize".to_owned(), "~18:40".to_owned())]
        );
    }

    #[test]
    fn two_event_words_joined_are_one_event() {
        assert_eq!(
            read("The explosion and fire at the Mill Road depot began at 21:40 on Tuesday."),
            vec![("time of the explosion".to_owned(), "21:40".to_owned())]
        );
    }

    #[test]
    fn clock_times_in_every_style_are_read_near_their_event() {
        let failure = |r: &str| vec![("time of the failure".to_owned(), r.to_owned())];
        assert_eq!(
            read("The dam gave way at about 3:50 a.m. on Thursday."),
            failure("~03:50")
        );
        assert_eq!(
            read("The dam failed at about 3.50am on Thursday."),
            failure("~03:50")
        );
        assert_eq!(
            read("The dam gave way at 11.20pm on Wednesday."),
            failure("23:20")
        );
        assert_eq!(
            read("The dam collapsed at 23:20 local time."),
            failure("23:20")
        );
        assert_eq!(read("The dam burst at 4 am."), failure("04:00"));
        assert_eq!(
            read("The dam burst shortly after midnight."),
            failure("~00:00")
        );
        assert_eq!(read("The dam burst at 12 pm."), failure("12:00"));
        assert_eq!(
            read("The dam burst at 11:47 p.m. on Monday."),
            failure("23:47")
        );
        assert_eq!(read("The dam burst at 9 a.m. on Monday."), failure("09:00"));
        assert_eq!(
            read("The train left the rails at 23:47 on Monday."),
            vec![("time of the derailment".to_owned(), "23:47".to_owned())]
        );
    }

    #[test]
    fn a_ledes_event_keeps_its_time_and_a_service_time_is_no_time() {
        // Our own sentences: the event named first, then where, then when, then what it
        // caused; a landfall is the storm's; "the 22:05 service" names a train.
        assert_eq!(
            read(
                "A blast tore through the paint works on Dock Road near the old quay at about 4:20 a.m., killing two."
            ),
            vec![("time of the explosion".to_owned(), "~04:20".to_owned())]
        );
        assert_eq!(
            read("The cyclone made landfall near Port Avel at 01:30."),
            vec![("time of the storm".to_owned(), "01:30".to_owned())]
        );
        assert!(read("The derailment of the 22:05 service shocked the town.").is_empty());
    }

    #[test]
    fn numbers_and_far_times_are_not_times() {
        assert!(read("The dam failed, costing 3.50 euros a head.").is_empty());
        assert!(read("At 9 am the council met to discuss roads, parks, budgets and the old dam that failed.").is_empty());
        assert!(read("Prices rose at 4 pm.").is_empty());
        assert!(read("The dam failed at 25:70.").is_empty());
    }
}
