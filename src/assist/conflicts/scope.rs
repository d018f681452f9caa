//! Which event a sentence's counts belong to (scope) and when they were true (time).
//! A count belongs to the article's main event unless its sentence names another one: a
//! year before publication ("In 2004, 40 people died"), "years ago", "the previous
//! flood", another place ("in neighbouring Chile"). A background sentence carries its
//! scope to the rest of its paragraph, until a sentence ties itself to this event again
//! ("on Sunday", "so far"). The time of a count is the day its sentence names (a weekday
//! resolved from the publication date, or a date) or else the publication date, and
//! whether its wording says the figure is running ("rose to", "so far", "bringing the toll
//! to").

use super::ontology::{self, Context};
use crate::assist::text::{Doc, Token};
use crate::assist::words::{WEEKDAYS, month};
use chrono::{Datelike, NaiveDate};

/// What a sentence says about the event and the time of its counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SentenceContext {
    /// Empty for the article's main event, else the other event ("in 2004", "an earlier
    /// event", "elsewhere").
    pub scope: String,
    /// The wording says the count is running or has grown.
    pub rising: bool,
    /// The day the counts were true: a day the sentence names, else the publication date.
    pub day: Option<NaiveDate>,
}

/// A year token ("2004"), not one inside a name ("Safer Rivers 2030").
fn year_at(toks: &[Token], lowers: &[&str], i: usize) -> Option<i32> {
    let t = &toks[i];
    if t.text.len() != 4 || !t.text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let y: i32 = t.text.parse().ok()?;
    if !(1800..=2100).contains(&y) {
        return None;
    }
    // "since 2004" and "by 2030" measure from or to a year; they name no other event.
    let before = i.checked_sub(1).map(|k| lowers[k]).unwrap_or("");
    if matches!(before, "since" | "by" | "until" | "till" | "through") {
        return None;
    }
    // A capitalised word right before (not a month) makes it part of a name.
    if i > 0 && toks[i - 1].is_capitalized() && month(before).is_none() && i > 1 {
        return None;
    }
    Some(y)
}

/// The day a weekday names: the last such day up to publication.
fn weekday_day(published: NaiveDate, weekday: usize) -> NaiveDate {
    let back = (7 + published.weekday().num_days_from_monday() as i64 - weekday as i64) % 7;
    published - chrono::Duration::days(back)
}

/// One sentence read on its own.
struct Cues {
    scope: Option<String>,
    /// The scope comes from a year alone, which a tie to this event overrides ("The dam,
    /// built in 1961, failed on Friday").
    scope_by_year: bool,
    current: bool,
    rising: bool,
    day: Option<NaiveDate>,
}

fn cues(toks: &[Token], lowers: &[&str], published: Option<NaiveDate>) -> Cues {
    let mut c = Cues {
        scope: None,
        scope_by_year: false,
        current: false,
        rising: false,
        day: None,
    };
    let this_year = published.map(|p| p.year());
    let at = |k: usize| lowers.get(k).copied().unwrap_or("");
    for (i, w) in lowers.iter().copied().enumerate() {
        if ontology::is(w, Context::Rising) {
            c.rising = true;
        }
        if (w == "far" && i > 0 && at(i - 1) == "so") || (w == "date" && i > 0 && at(i - 1) == "to")
        {
            c.rising = true;
            c.current = true;
        }
        if ontology::is(w, Context::Current) && w != "far" {
            c.current = true;
        }
        if let Some(d) = WEEKDAYS.iter().position(|x| *x == w) {
            c.current = true;
            if let Some(p) = published {
                c.day = Some(weekday_day(p, d));
            }
        }
        if let (Some(m), Some(p)) = (month(w), published)
            && let Ok(d) = at(i + 1).parse::<u32>()
            && let Some(date) = NaiveDate::from_ymd_opt(p.year(), m, d)
            && date <= p
        {
            c.day = Some(date);
        }
        if c.scope.is_some() {
            continue;
        }
        if let Some(y) = year_at(toks, lowers, i)
            && this_year.is_none_or(|t| y < t)
        {
            c.scope = Some(format!("in {y}"));
            c.scope_by_year = true;
            continue;
        }
        if w == "ago" || (w == "year" && at(i.wrapping_sub(1)) == "last") {
            c.scope = Some("an earlier event".to_owned());
            continue;
        }
        // "the previous flood", "an earlier quake", "the last great flood".
        if ontology::is(w, Context::Background)
            && (i + 1..(i + 4).min(lowers.len())).any(|k| ontology::is(lowers[k], Context::Event))
        {
            c.scope = Some("an earlier event".to_owned());
            continue;
        }
        if ontology::is(w, Context::Elsewhere) {
            c.scope = Some("elsewhere".to_owned());
        }
    }
    c
}

/// Words that name a storm with a name after them ("Hurricane Katrina", "Typhoon Haiyan").
const NAMED_EVENTS: &[&str] = &["hurricane", "typhoon", "cyclone", "storm"];

/// A named storm at token `i` ("hurricane katrina"), if one starts there.
fn named_event(toks: &[Token], lowers: &[&str], i: usize) -> Option<String> {
    let next = toks.get(i + 1)?;
    (NAMED_EVENTS.contains(&lowers[i])
        && toks[i].is_capitalized()
        && next.is_capitalized()
        && next.is_word
        && month(lowers[i + 1]).is_none()
        && !WEEKDAYS.contains(&lowers[i + 1]))
    .then(|| format!("{} {}", lowers[i], lowers[i + 1]))
}

/// The named event the article is about: the one it names most often.
pub fn main_named_event(doc: &Doc) -> Option<String> {
    let lowers: Vec<&str> = doc.tokens.iter().map(Token::lower).collect();
    let mut counts: std::collections::HashMap<String, (usize, usize)> = Default::default();
    for i in 0..doc.tokens.len() {
        if let Some(name) = named_event(&doc.tokens, &lowers, i) {
            let e = counts.entry(name).or_insert((0, i));
            e.0 += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, (n, first))| (*n, std::cmp::Reverse(*first)))
        .map(|(name, _)| name)
}

/// The units counts are read in: the sentences of `doc`, each with the number of its
/// paragraph. `Doc` reads hard-wrapped copy already (see [`crate::assist::layout`]): a
/// sentence runs on across a wrapped line ("the death toll from the\nlandslide had risen
/// to 27"), and a paragraph is all the lines of one. The article text and its offsets are
/// untouched.
pub fn units(doc: &Doc) -> Vec<Unit> {
    doc.sentences
        .iter()
        .map(|s| Unit {
            range: *s,
            paragraph: doc.paragraph_number(s.start),
        })
        .collect()
}

/// A sentence (or hard-wrapped lines of one) and its paragraph's number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unit {
    pub range: crate::assist::text::Range,
    pub paragraph: usize,
}

/// The context of every unit of `doc` (see [`units`]), in order.
pub fn contexts(
    doc: &Doc,
    units: &[Unit],
    published: Option<NaiveDate>,
    main_event: Option<&String>,
) -> Vec<SentenceContext> {
    let mut out = Vec::with_capacity(doc.sentences.len());
    // A background sentence's scope, while its paragraph lasts.
    let mut carried: Option<(usize, String)> = None;
    for unit in units {
        let s = &unit.range;
        let toks = doc.tokens_in(s.start, s.end);
        let lowers: Vec<&str> = toks.iter().map(Token::lower).collect();
        let mut c = cues(toks, &lowers, published);
        if c.scope_by_year && c.current {
            c.scope = None;
        }
        // A storm the article is not about ("Hurricane Katrina killed 1,800").
        if c.scope.is_none()
            && let Some(other) = (0..toks.len())
                .filter_map(|i| named_event(toks, &lowers, i))
                .find(|n| Some(n) != main_event)
        {
            c.scope = Some(other);
        }
        let paragraph = unit.paragraph;
        if carried.as_ref().is_some_and(|(p, _)| *p != paragraph) {
            carried = None;
        }
        let scope = match (&c.scope, c.current) {
            (Some(scope), _) => {
                carried = Some((paragraph, scope.clone()));
                scope.clone()
            }
            (None, true) => {
                carried = None;
                String::new()
            }
            (None, false) => carried.as_ref().map(|(_, s)| s.clone()).unwrap_or_default(),
        };
        out.push(SentenceContext {
            scope,
            rising: c.rising,
            day: c.day.or(published),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scopes(text: &str, published: Option<NaiveDate>) -> Vec<String> {
        let doc = Doc::new(text);
        contexts(
            &doc,
            &units(&doc),
            published,
            main_named_event(&doc).as_ref(),
        )
        .into_iter()
        .map(|c| c.scope)
        .collect()
    }

    #[test]
    fn a_background_paragraph_is_another_event_until_the_paragraph_ends() {
        let s = scopes(
            "Nine people drowned on Monday.\nIn 1998 the river broke its banks. Forty people died then.\nRescuers found two more bodies.",
            NaiveDate::from_ymd_opt(2024, 3, 6),
        );
        assert_eq!(s, ["", "in 1998", "in 1998", ""]);
        let s = scopes(
            "Eleven years ago, an earlier flood killed 30.\nThe previous storm left 200 homeless.",
            None,
        );
        assert_eq!(s, ["an earlier event", "an earlier event"]);
    }

    #[test]
    fn years_inside_names_or_after_since_name_no_other_event() {
        let s = scopes(
            "The worst flood since 2004 has killed 12. The Vision 2030 plan was frozen. The dam, built in 1961, failed on Friday, killing 8.",
            NaiveDate::from_ymd_opt(2024, 3, 6),
        );
        assert_eq!(s, ["", "", ""]);
    }

    #[test]
    fn hard_wrapped_lines_are_read_as_one_sentence_and_one_paragraph() {
        let doc = Doc::new(
            "In 2013 the river\nburst its banks. It killed 61\npeople.\n\nOn Monday 9 died.",
        );
        let u = units(&doc);
        assert_eq!(u.len(), 3, "{u:?}");
        assert_eq!(u[0].paragraph, u[1].paragraph);
        assert_ne!(u[1].paragraph, u[2].paragraph);
        let s = scopes(
            "In 2013 the river\nburst its banks. It killed 61\npeople.\n\nOn Monday 9 died.",
            NaiveDate::from_ymd_opt(2024, 3, 6),
        );
        assert_eq!(s, ["in 2013", "in 2013", ""]);
    }

    #[test]
    fn a_nearby_town_is_this_event_and_a_neighbouring_country_is_not() {
        let s = scopes(
            "More than 300 people are sleeping in shelters in nearby Orvik. In neighbouring Chile, 40 died.",
            None,
        );
        assert_eq!(s, ["", "elsewhere"]);
    }

    #[test]
    fn a_storm_the_article_is_not_about_is_another_event() {
        let s = scopes(
            "Typhoon Mawar killed 14 people. Typhoon Mawar also cut power. In the same bay Typhoon Haiyan killed thousands.",
            None,
        );
        assert_eq!(s, ["", "", "typhoon haiyan"]);
    }

    #[test]
    fn weekdays_date_a_count_and_rising_words_say_it_runs() {
        let doc = Doc::new("By Sunday the toll had risen to 20. So far 3 are missing.");
        let c = contexts(
            &doc,
            &units(&doc),
            NaiveDate::from_ymd_opt(2024, 3, 6),
            None,
        ); // a Wednesday
        assert_eq!(c[0].day, NaiveDate::from_ymd_opt(2024, 3, 3));
        assert!(c[0].rising && c[1].rising);
        assert_eq!(c[1].day, NaiveDate::from_ymd_opt(2024, 3, 6));
    }
}
