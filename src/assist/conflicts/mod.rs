//! Conflicting facts: the same fact with different values in different articles. A fact
//! is what is counted (dead, injured, missing, rescued, evacuated, sheltered, homes,
//! attending … — `ontology`), its value (digits, number words, vague quantities such as
//! "hundreds of" that never conflict with a precise figure — `numbers`), its scope (the
//! article's main event unless its sentence or paragraph names another — `scope`) and its
//! time (the day it was true, and whether its wording says it is running). Ages of persons
//! dates and times of events are facts too (`ages`, `dates`, `times`). Values of one fact that differ
//! across articles are a conflict; where later publication or a rising wording explains it,
//! a possible update (`compare`). Facts never compare across what is counted or across
//! events.

use super::mentions::Mention;
use super::text::{Doc, Range, Token};
use std::collections::BTreeSet;
use std::sync::Arc;

mod ages;
mod compare;
mod counts;
#[cfg(test)]
mod counts_tests;
mod dates;
mod measures;
mod money;
mod numbers;
mod ontology;
mod scope;
mod things;
mod times;

pub use compare::find;
pub use dates::dates;
pub use numbers::Qualifier;
pub use ontology::Counted;
pub use times::times;

/// Dates and times of the article's events, each event sentence read once for both. A
/// date or time of "the incident" or "the tragedy" is one of the event the article names
/// most often.
pub fn dates_and_times(doc: &Doc, published: Option<chrono::NaiveDate>) -> Vec<Fact> {
    let mut out = Vec::new();
    let mut named: std::collections::HashMap<&'static str, (usize, usize)> =
        std::collections::HashMap::new();
    for s in dates::event_sentences(doc) {
        for &(_, e) in &s.events {
            let seen = named.len();
            named.entry(e).or_insert((0, seen)).0 += 1;
        }
        out.extend(dates::dates_in(doc, &s, published));
        out.extend(times::times_in(doc, &s));
    }
    let main = named
        .iter()
        .filter(|(e, _)| **e != dates::GENERIC_EVENT)
        .max_by_key(|(e, (n, first))| (!dates::is_side_event(e), *n, std::cmp::Reverse(*first)))
        .map_or("event", |(e, _)| *e);
    for f in &mut out {
        if let FactKey::Date(e) | FactKey::Time(e) = &mut f.key {
            if e == dates::GENERIC_EVENT {
                *e = main.to_owned();
            }
            f.of_main_event = e == main;
        }
    }
    out
}

/// What a number is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FactKey {
    /// Age of a person (canonical name, lower case).
    Age(String),
    /// A count of people or things (dead, missing, homes …) in a scope: the article's main
    /// event (empty), or another one its sentence names ("in 2004", "an earlier event").
    Count { what: Counted, scope: String },
    /// The day an event happened ("strike", "funeral", "death"); the value is the day
    /// number (days since 1970-01-01).
    Date(String),
    /// The time of day an event happened ("failure" at 03:50); the value is minutes after
    /// midnight.
    Time(String),
    /// The year an event happened when only the year is said (a safety inspection
    /// "carried out in 2034"); the value is the year.
    Year(String),
    /// A measure of the event itself (`measures`: "magnitude", "wind", "rain" …), in a
    /// scope as counts have.
    Measure { what: &'static str, scope: String },
    /// Things of one kind counted ("six carriages"; the noun in the singular), in a scope
    /// as counts have.
    Things { noun: String, scope: String },
    /// A sum of money of one kind ("works", "damage"), in one currency, in a scope (empty
    /// for the main event, or for kinds that belong to no event).
    Money {
        kind: String,
        currency: String,
        scope: String,
    },
}

impl Default for FactKey {
    fn default() -> Self {
        Self::Age(String::new())
    }
}

impl FactKey {
    fn describe(&self) -> String {
        match self {
            Self::Age(p) => format!("age of {p}"),
            Self::Count { what, scope } if scope.is_empty() => format!("number {}", what.as_str()),
            Self::Count { what, scope } => format!("number {} ({scope})", what.as_str()),
            Self::Measure { what, scope } => {
                let name = match *what {
                    "magnitude" => "magnitude",
                    "category" => "storm category",
                    "wind" => "wind speed (km/h)",
                    "gust" => "gust speed (km/h)",
                    "rain" => "rainfall (mm)",
                    "surge" => "surge height (m)",
                    "minute" => "minute of the match",
                    "depth" => "depth (m)",
                    "flow" => "water pumped (m³ an hour)",
                    "height" => "height of the plume (km)",
                    "radius" => "radius of the exclusion zone (km)",
                    w => w,
                };
                if scope.is_empty() {
                    name.to_owned()
                } else {
                    format!("{name} ({scope})")
                }
            }
            Self::Things { noun, scope } if scope.is_empty() => format!("{noun} count"),
            Self::Things { noun, scope } => format!("{noun} count ({scope})"),
            Self::Date(e) => format!("date of the {e}"),
            Self::Time(e) => format!("time of the {e}"),
            Self::Year(e) => format!("year of the {e}"),
            Self::Money {
                kind,
                currency,
                scope,
            } => {
                let what = money_kind_name(kind);
                let cur = currency.to_uppercase();
                if scope.is_empty() {
                    format!("{what} ({cur})")
                } else {
                    format!("{what} ({cur}, {scope})")
                }
            }
        }
    }

    /// The machine name of what is counted (`kind` in `suggest --json`).
    fn kind(&self) -> &'static str {
        match self {
            Self::Age(_) => "age",
            Self::Count { what, .. } => what.tag(),
            Self::Things { .. } => "things",
            Self::Measure { .. } => "measure",
            Self::Date(_) => "date",
            Self::Time(_) => "time",
            Self::Year(_) => "year",
            Self::Money { .. } => "money",
        }
    }
}

/// How a suggestion names a kind of sum.
fn money_kind_name(kind: &str) -> String {
    match kind {
        "works" => "cost of the works".to_owned(),
        "pay" => "pay".to_owned(),
        "contract" => "value of the contract".to_owned(),
        k => format!("sum of the {k}"),
    }
}

/// A fact stated in one article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fact {
    pub key: FactKey,
    /// The value; for vague quantities the lower bound of their order of magnitude.
    pub value: f64,
    /// "hundreds of", "dozens": compared with other vague values only, by magnitude.
    pub vague: bool,
    /// "about 4,000", "at least 12": what stands before the number.
    pub qualifier: Option<Qualifier>,
    pub range: Range,
    pub sentence: Range,
    /// The words stating it, as written.
    pub text: String,
    /// The value normalised: qualifier in lower case and digits ("about 4,000", "15" for
    /// "Fifteen", "dozens").
    pub reading: String,
    /// The sentence says the figure is running or has grown ("rose to", "so far").
    pub rising: bool,
    /// The day the figure was true: the day its sentence names, else the publication date.
    pub day: Option<chrono::NaiveDate>,
    /// The named event its article is about ("hurricane odile"), if it names one: a main-
    /// event count of an article about another storm is compared under that storm.
    pub event: Option<Arc<str>>,
    /// Dates only: the names in its sentence, which tell which event it is about.
    pub names: Arc<BTreeSet<String>>,
    /// Dates only: written without a year where the article has no publication date, so
    /// only its month and day are known.
    pub yearless: bool,
    /// Dates only: of the event its article names most (the quake of an article about
    /// the quake), so it compares with other articles' dates of it whatever names its
    /// sentence holds.
    pub of_main_event: bool,
}

/// "4,000" for 4000, "1.5" for 1.5.
pub(crate) fn digits_with_separators(v: f64) -> String {
    if v.fract() != 0.0 || v.abs() >= 1e15 {
        return format!("{v}");
    }
    let digits = format!("{}", v.abs() as u64);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// The reading of a count: its qualifier as written, in lower case, then the value in
/// digits, or the vague words ("dozens", "hundreds of thousands").
fn reading(lowers: &[&str], c: &counts::Count) -> String {
    if c.vague {
        let words: Vec<&str> = lowers[c.first..c.next]
            .iter()
            .copied()
            .filter(|w| {
                !matches!(
                    *w,
                    "some" | "about" | "around" | "nearly" | "almost" | "roughly" | "over"
                )
            })
            .collect();
        return words.join(" ");
    }
    let number_at = lowers[c.first..c.next]
        .iter()
        .position(|w| w.starts_with(|ch: char| ch.is_ascii_digit()) || numbers::is_number_word(w))
        .unwrap_or(c.next - c.first);
    let mut out: Vec<String> = lowers[c.first..c.first + number_at]
        .iter()
        .map(|w| (*w).to_owned())
        .collect();
    out.push(digits_with_separators(c.value));
    out.join(" ")
}

/// Facts stated in one article: counts (with their scope and time) and ages.
pub fn facts(doc: &Doc, mentions: &[Mention], published: Option<chrono::NaiveDate>) -> Vec<Fact> {
    let event: Option<Arc<str>> = scope::main_named_event(doc).map(Arc::from);
    let main = event.as_deref().map(str::to_owned);
    let units = scope::units(doc);
    let contexts = scope::contexts(doc, &units, published, main.as_ref());
    let mut out = Vec::new();
    for (unit, context) in units.iter().zip(&contexts) {
        let s = &unit.range;
        let toks = doc.tokens_in(s.start, s.end);
        out.extend(ages::ages(doc, *s, toks, mentions));
        let lowers: Vec<&str> = toks.iter().map(Token::lower).collect();
        // A fact of this sentence stated by tokens `first..next`, dated and scoped by it.
        let stated = |first: usize, next: usize, key: FactKey, value: f64, qualifier| {
            let range = Range {
                start: toks[first].start,
                end: toks[next - 1].end,
            };
            Fact {
                key,
                value,
                qualifier: Some(qualifier),
                range,
                sentence: *s,
                text: doc.slice(range.start, range.end),
                day: context.day,
                event: event.clone(),
                ..Fact::default()
            }
        };
        for c in counts::counts(toks, &lowers) {
            let key = FactKey::Count {
                what: c.what,
                scope: context.scope.clone(),
            };
            out.push(Fact {
                vague: c.vague,
                reading: reading(&lowers, &c),
                rising: context.rising,
                ..stated(c.first, c.next, key, c.value, c.qualifier)
            });
        }
        let sums = money::sums(toks, &lowers);
        // "at least 14 aftershocks" is a bound, no count to contradict; "30,000 thalers" is
        // money.
        let things = things::things(toks, &lowers).into_iter().filter(|t| {
            matches!(t.qualifier, Qualifier::None | Qualifier::About)
                && !sums.iter().any(|m| m.first < t.next && t.first < m.next)
        });
        for m in measures::measures(toks, &lowers) {
            let shown = (m.value * 10.0).round() / 10.0;
            let key = FactKey::Measure {
                what: m.what,
                scope: context.scope.clone(),
            };
            out.push(Fact {
                reading: format!("{}{}", m.qualifier.as_str(), digits_with_separators(shown)),
                ..stated(m.first, m.next, key, m.value, m.qualifier)
            });
        }
        for t in things {
            let reading = format!(
                "{}{}",
                t.qualifier.as_str(),
                digits_with_separators(t.value)
            );
            let key = FactKey::Things {
                noun: t.noun,
                scope: context.scope.clone(),
            };
            out.push(Fact {
                reading,
                ..stated(t.first, t.next, key, t.value, t.qualifier)
            });
        }
        for m in sums {
            let key = FactKey::Money {
                kind: m.kind.to_owned(),
                currency: m.currency,
                scope: if m.of_event {
                    context.scope.clone()
                } else {
                    String::new()
                },
            };
            let fact = stated(m.first, m.next, key, m.value, m.qualifier);
            out.push(Fact {
                reading: fact.text.to_lowercase(),
                ..fact
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::assist::{self, Options, SuggestionKind};
    use crate::model::{Article, ArticleId, Project, text};
    use chrono::NaiveDate;
    use std::sync::atomic::AtomicBool;

    fn conflicts(texts: &[(&str, Option<u32>)]) -> Vec<crate::assist::Conflict> {
        let mut p = Project::new("t");
        for (i, (t, day)) in texts.iter().enumerate() {
            let mut a = Article::new(ArticleId(i as u64 + 1), format!("a{i}"), text::normalize(t));
            a.published = day.and_then(|d| NaiveDate::from_ymd_opt(2020, 1, d));
            p.articles.push(a);
        }
        let options = Options {
            kinds: [SuggestionKind::Conflict].into_iter().collect(),
            article: None,
            ..Options::default()
        };
        assist::suggest(&p, &options, &mut |_| {}, &AtomicBool::new(false))
            .unwrap()
            .conflicts
    }

    #[test]
    fn rising_toll_in_a_later_article_is_a_possible_update() {
        let c = conflicts(&[
            (
                "At least 35 people were killed in the stampede in Kerman.",
                Some(7),
            ),
            (
                "At least 50 people have been killed and more than 200 injured in a stampede.",
                Some(8),
            ),
        ]);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].fact, "number dead");
        assert!(c[0].possible_update);
        let values: Vec<f64> = c[0].values.iter().map(|v| v.value).collect();
        assert_eq!(values, [35.0, 50.0]);
        // The other way round (the later report is lower) is a plain contradiction.
        let c = conflicts(&[
            ("50 people were killed in the stampede.", Some(7)),
            ("35 people were killed in the stampede.", Some(8)),
        ]);
        assert!(!c[0].possible_update);
    }

    #[test]
    fn dates_of_one_event_conflict_and_weekdays_count_back_from_publication() {
        // 7 January 2020 was a Tuesday: "on Friday" there is 3 January.
        let c = conflicts(&[
            (
                "General Soleimani was killed on Friday in a U.S. drone strike.",
                Some(7),
            ),
            (
                "Soleimani was killed on January 2, 2020, near the airport.",
                Some(8),
            ),
            ("General Soleimani died on Jan. 3 in Baghdad.", Some(6)),
            // Another attack, other names: not compared with Soleimani's death.
            (
                "Militias attacked the Embassy; Kataib Hezbollah killed a contractor on December 27.",
                Some(7),
            ),
        ]);
        let dates: Vec<_> = c.iter().filter(|c| c.fact == "date of the death").collect();
        assert_eq!(dates.len(), 1, "{c:?}");
        let texts: Vec<&str> = dates[0].values.iter().map(|v| v.text.as_str()).collect();
        assert!(texts.contains(&"January 2, 2020"), "{texts:?}");
        assert!(texts.contains(&"Friday"), "{texts:?}");
        assert!(!dates[0].possible_update, "a date is no count");
        // The same day said two ways is no conflict.
        let c = conflicts(&[
            ("The funeral was held on Monday in Tehran.", Some(7)),
            ("Mourners attended the funeral on 6 January.", Some(8)),
        ]);
        assert!(c.iter().all(|c| c.fact != "date of the funeral"), "{c:?}");
    }

    #[test]
    fn dates_without_a_year_compare_by_month_and_day() {
        // No publication date, no year: the month and day still disagree.
        let c = conflicts(&[
            (
                "A landslide buried the village of Orto on Monday 3 May, killing nine.",
                None,
            ),
            (
                "Rescuers reached Orto, where the landslide struck on 4 May.",
                None,
            ),
            (
                "The landslide that swept through Orto on May 4 left 30 homeless.",
                None,
            ),
        ]);
        let dates: Vec<_> = c.iter().filter(|c| c.kind == "date").collect();
        assert_eq!(dates.len(), 1, "{c:?}");
        assert_eq!(dates[0].values.len(), 3, "{dates:?}");
        assert_eq!(dates[0].values[0].reading, "--05-03");
        // The same day written two ways is no conflict.
        let c = conflicts(&[
            ("The landslide struck Orto on 4 May.", None),
            ("The landslide hit Orto on May 4.", None),
        ]);
        assert!(c.iter().all(|c| c.kind != "date"), "{c:?}");
    }

    #[test]
    fn things_counted_differently_conflict_bounds_and_mixed_figures_do_not() {
        let c = conflicts(&[
            ("The express had six carriages when it left Tavor.", None),
            ("All seven carriages of the express left the rails.", None),
            // Two figures for one thing in one article compare with nothing.
            ("Two boats capsized and three boats searched the bay.", None),
            ("Five boats capsized.", None),
            // A bound is no count to contradict.
            ("At least 14 aftershocks followed.", None),
            ("The institute recorded 120 aftershocks.", None),
        ]);
        let things: Vec<&str> = c
            .iter()
            .filter(|c| c.kind == "things")
            .map(|c| c.fact.as_str())
            .collect();
        assert_eq!(things, ["carriage count"], "{c:?}");
    }

    #[test]
    fn an_inspection_is_never_what_an_article_is_about() {
        // Our own: the inspection is named more often than the sinking, yet the article is
        // about the sinking, and the inspections' dates still compare.
        let c = conflicts(&[
            (
                "The Mira sank in the bay. An inspector said the last inspection, on May 2, \
                 was a routine inspection.",
                None,
            ),
            (
                "The Mira sank off Tarn. Records show the Mira's last inspection took place \
                 on 9 May.",
                None,
            ),
        ]);
        let dates: Vec<_> = c.iter().filter(|c| c.kind == "date").collect();
        assert_eq!(dates.len(), 1, "{c:?}");
        assert_eq!(dates[0].fact, "date of the inspection");
    }

    #[test]
    fn an_inspections_year_compares_when_no_day_is_said() {
        // Our own: two outlets date the last safety assessment to different years; the
        // year of the flood in a background sentence is no inspection's.
        let c = conflicts(&[
            (
                "The Lind Tower burned on Sunday. Its last fire-risk assessment was carried                  out in March 2031.",
                None,
            ),
            (
                "Fire gutted the Lind Tower. The last fire-safety inspection of the tower                  dates from 2032. The 2019 flood had damaged its basement.",
                None,
            ),
        ]);
        let years: Vec<_> = c.iter().filter(|c| c.kind == "year").collect();
        assert_eq!(years.len(), 1, "{c:?}");
        assert_eq!(years[0].fact, "year of the inspection");
        assert_eq!(years[0].values.len(), 2, "{c:?}");
    }

    #[test]
    fn the_incident_is_the_event_its_article_is_about() {
        let c = conflicts(&[
            (
                "The explosion at the Varn depot was heard across the city. The incident \
                 happened at 9:40 p.m., when a tank ruptured. As of 6 p.m. on Sunday, the \
                 explosion had left 12 dead.",
                None,
            ),
            (
                "The explosion at the depot happened at 9:45 p.m. on Saturday.",
                None,
            ),
        ]);
        let times: Vec<_> = c.iter().filter(|c| c.kind == "time").collect();
        assert_eq!(times.len(), 1, "{c:?}");
        assert_eq!(times[0].fact, "time of the explosion");
        // Five minutes apart is another time; "as of 6 p.m." is when a figure held.
        let readings: Vec<&str> = times[0].values.iter().map(|v| v.reading.as_str()).collect();
        assert_eq!(readings, ["21:40", "21:45"]);
    }

    #[test]
    fn numbers_about_different_things_do_not_conflict() {
        // Workers are not injured people; a toll without its event is not compared; the
        // same order of magnitude is no disagreement for vague crowds.
        let c = conflicts(&[
            (
                "About 100 people were working at the plant. Thousands of mourners gathered.",
                None,
            ),
            (
                "In the fire, 12 people were injured. Officials said 5,000 mourners attended.",
                None,
            ),
            (
                "He was responsible for the deaths of millions of people.",
                None,
            ),
        ]);
        assert!(c.is_empty(), "{c:?}");
    }
}
