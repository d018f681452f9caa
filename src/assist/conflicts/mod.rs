//! Conflicting facts: the same fact with different values in different articles — ages
//! ("the 62-year-old general" vs "Soleimani, 66"), counts of dead, injured and attendees,
//! dates of events ("killed on Friday" in a Tuesday paper vs "killed on January 2").
//! Vague quantities ("hundreds of thousands" vs "millions") are compared by order of
//! magnitude. Numbers only conflict when they describe the same fact of the same event:
//! a death toll is keyed by the event it belongs to (stampede, strike, crash …), and one
//! that rises in a later-published article is flagged as a possible update.

use super::mentions::{self, Gender, Mention};
use super::names;
use super::suggestion::{Conflict, FactValue};
use super::text::{Doc, Range, Token};

use crate::assist::words::TaggedWords;
use crate::model::{ArticleId, Project};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

mod dates;
use dates::DateCluster;
pub use dates::dates;

/// What a number is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FactKey {
    /// Age of a person (canonical name, lower case).
    Age(String),
    /// A count of people or things (dead, missing, homes …) in a scope: the article's main
    /// event, or another one the sentence names by its year.
    Count { what: Counted, scope: String },
    /// The day an event happened ("strike", "funeral", "death"); the value is the day
    /// number (days since 1970-01-01).
    Date(String),
}

impl FactKey {
    fn describe(&self) -> String {
        match self {
            Self::Age(p) => format!("age of {p}"),
            Self::Count { what, scope } if scope.is_empty() => format!("number {}", what.as_str()),
            Self::Count { what, scope } => format!("number {} ({scope})", what.as_str()),
            Self::Date(e) => format!("date of the {e}"),
        }
    }
}

/// What a count counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Counted {
    Dead,
    Injured,
    Missing,
    Rescued,
    Evacuated,
    Sheltered,
    Homes,
    Attending,
}

impl Counted {
    fn as_str(self) -> &'static str {
        match self {
            Self::Dead => "dead",
            Self::Injured => "injured",
            Self::Missing => "missing",
            Self::Rescued => "rescued",
            Self::Evacuated => "evacuated",
            Self::Sheltered => "in shelters",
            Self::Homes => "of homes",
            Self::Attending => "attending",
        }
    }
}

/// Counted words and their kinds (data file).
static COUNTED: TaggedWords = TaggedWords::from_text(include_str!("../words/counted.txt"));

fn counted(lower: &str) -> Option<Counted> {
    [
        ("dead", Counted::Dead),
        ("injured", Counted::Injured),
        ("missing", Counted::Missing),
        ("rescued", Counted::Rescued),
        ("evacuated", Counted::Evacuated),
        ("sheltered", Counted::Sheltered),
        ("homes", Counted::Homes),
        ("attending", Counted::Attending),
    ]
    .into_iter()
    .find(|(tag, _)| COUNTED.has_tag(lower, tag))
    .map(|(_, c)| c)
}

/// The scope of a sentence's counts: empty for the article's main event, or the year of
/// another event the sentence names ("in the 2019 floods, 40 died").
fn scope_of(lowers: &[String], published: Option<chrono::NaiveDate>) -> String {
    use chrono::Datelike;
    let this_year = published.map(|p| p.year());
    lowers
        .iter()
        .filter_map(|w| w.parse::<i32>().ok())
        .find(|y| {
            (1800..=2100).contains(y) && Some(*y) != this_year && this_year.is_some_and(|t| *y < t)
        })
        .map(|y| format!("in {y}"))
        .unwrap_or_default()
}

/// A number stated in one article.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub key: FactKey,
    /// The value; for vague quantities the lower bound of their order of magnitude.
    pub value: f64,
    pub vague: bool,
    pub range: Range,
    pub sentence: Range,
    /// The words stating it, as written.
    pub text: String,
    /// Dates only: the names in its sentence, which tell which event it is about.
    pub names: Arc<BTreeSet<String>>,
}

fn number_word(w: &str) -> Option<f64> {
    Some(match w {
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "hundred" => 100.0,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        _ => return None,
    })
}

fn vague_word(w: &str) -> Option<f64> {
    Some(match w {
        "dozens" | "scores" => 10.0,
        "hundreds" => 100.0,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        _ => return None,
    })
}

/// A number written in a sentence: its value, whether it is vague ("hundreds of"), and
/// the token after it.
struct NumberExpr {
    value: f64,
    vague: bool,
    next: usize,
}

/// The number expression at token `i`.
fn number_at(toks: &[Token], i: usize) -> Option<NumberExpr> {
    let n = |value, vague, next| Some(NumberExpr { value, vague, next });
    let t = toks.get(i)?;
    let lower = t.lower();
    let next_lower = |k: usize| toks.get(k).map(Token::lower).unwrap_or_default();
    if let Some(v) = vague_word(lower) {
        // "hundreds of thousands", "tens of thousands"
        if next_lower(i + 1) == "of"
            && let Some(v2) = vague_word(next_lower(i + 2))
        {
            return n(v * v2, true, i + 3);
        }
        return n(v, true, i + 1);
    }
    if lower == "tens"
        && next_lower(i + 1) == "of"
        && let Some(v2) = vague_word(next_lower(i + 2))
    {
        return n(10.0 * v2, true, i + 3);
    }
    let digits: String = t.text.chars().filter(|c| *c != ',').collect();
    let base = if !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().next().is_some_and(|c| c.is_ascii_digit())
    {
        digits.parse::<f64>().ok()?
    } else {
        number_word(lower)?
    };
    let mut end = i + 1;
    let mut value = base;
    if let Some(m) = number_word(next_lower(i + 1)).filter(|m| *m >= 100.0) {
        value *= m;
        end += 1;
    }
    n(value, false, end)
}

fn magnitude(v: f64) -> i32 {
    if v <= 0.0 {
        0
    } else {
        v.log10().floor() as i32
    }
}

/// The canonical person a mention is: the project's entity name if one answers to it.
fn person_key(name: &str) -> String {
    name.to_lowercase()
}

/// Facts stated in one article.
pub fn facts(doc: &Doc, mentions: &[Mention], published: Option<chrono::NaiveDate>) -> Vec<Fact> {
    let mut out = Vec::new();
    for s in &doc.sentences {
        let toks = doc.tokens_in(s.start, s.end);
        let lowers: Vec<String> = toks.iter().map(|t| t.lower().to_owned()).collect();
        for (i, t) in toks.iter().enumerate() {
            // Ages: "62-year-old", "Soleimani, 66,", "aged 66".
            if let Some(age) = t
                .lower()
                .strip_suffix("-year-old")
                .and_then(|n| n.parse::<f64>().ok())
            {
                if let Some(person) = age_subject(doc, toks, i + 1, mentions, t.start) {
                    out.push(Fact {
                        key: FactKey::Age(person_key(&person)),
                        value: age,
                        vague: false,
                        range: Range {
                            start: t.start,
                            end: t.end,
                        },
                        sentence: *s,
                        text: t.text.to_string(),
                        names: Arc::default(),
                    });
                }
                continue;
            }
            if t.text.chars().all(|c| c.is_ascii_digit())
                && t.text.len() <= 3
                && i >= 2
                && toks[i - 1].text == ","
                && toks.get(i + 1).is_some_and(|n| n.text == ",")
            {
                if let Some(m) = mentions::ending_at(mentions, toks[i - 1].start) {
                    let age: f64 = t.text.parse().unwrap_or(0.0);
                    if (1.0..=120.0).contains(&age) {
                        out.push(Fact {
                            key: FactKey::Age(person_key(&m.full)),
                            value: age,
                            vague: false,
                            range: Range {
                                start: m.range.start,
                                end: t.end,
                            },
                            sentence: *s,
                            text: doc.slice(m.range.start, t.end),
                            names: Arc::default(),
                        });
                    }
                }
                continue;
            }
        }
        // Counts: a number near a word saying what is counted.
        let scope = scope_of(&lowers, published);
        let mut i = 0;
        while i < toks.len() {
            let Some(NumberExpr { value, vague, next }) = number_at(toks, i) else {
                i += 1;
                continue;
            };
            let after = lowers.get(next).map(String::as_str).unwrap_or("");
            let before = if i > 0 { lowers[i - 1].as_str() } else { "" };
            let is_year =
                !vague && (1800.0..=2100.0).contains(&value) && !toks[i].text.contains(',');
            let skip = is_year
                || matches!(
                    after,
                    "percent"
                        | "%"
                        | "per"
                        | "years"
                        | "year"
                        | "days"
                        | "hours"
                        | "minutes"
                        | "miles"
                        | "km"
                        | "kilometres"
                        | "kilometers"
                        | "metres"
                        | "meters"
                        | "times"
                        | "cities"
                        | "countries"
                )
                || matches!(before, "$" | "£" | "€" | "no" | "number")
                || toks[i].text.contains('.');
            if skip || toks[i].lower().ends_with("-year-old") {
                i = next;
                continue;
            }
            // "LIMA, May 4 (Agency)": a day of a month is no count.
            if i > 0 && super::words::month(lowers[i - 1].as_str()).is_some() {
                i = next;
                continue;
            }
            // What it counts: the nearest counted word, right after the number ("12
            // people died") or before it when the number ends a phrase ("the death toll
            // stood at 15", "raised the toll to 19").
            let reach_back = if matches!(before, "at" | "to" | "of" | "reached") {
                8
            } else {
                2
            };
            let lo = i.saturating_sub(reach_back);
            let hi = (next + 5).min(toks.len());
            let kind_at = |k: usize| counted(lowers[k].as_str()).map(|c| (k.abs_diff(i), c));
            let nearest = (lo..i)
                .chain(next..hi)
                .filter_map(kind_at)
                .min_by_key(|(d, _)| *d)
                .map(|(_, c)| c);
            let key = nearest.map(|what| FactKey::Count {
                what,
                scope: scope.clone(),
            });
            if let Some(key) = key {
                // The value as written keeps its qualifier ("about 4,000", "more than 6,500").
                let qualifier = match (i.checked_sub(2).map(|k| lowers[k].as_str()), before) {
                    (Some("more" | "fewer" | "less"), "than") | (Some("at"), "least" | "most") => 2,
                    (Some("up"), "to") => 2,
                    (_, "about" | "around" | "nearly" | "almost" | "over" | "some" | "roughly") => {
                        1
                    }
                    _ => 0,
                };
                let range = Range {
                    start: toks[i - qualifier].start,
                    end: toks[next - 1].end,
                };
                out.push(Fact {
                    key,
                    value,
                    vague,
                    range,
                    sentence: *s,
                    text: doc.slice(range.start, range.end),
                    names: Arc::default(),
                });
            }
            i = next;
        }
    }
    out
}

/// Who an age belongs to: a name right after it ("the 80-year-old Khamenei"), a role
/// ("the 62-year-old general" → the person titled general), or the nearest person before.
fn age_subject(
    doc: &Doc,
    toks: &[Token],
    i: usize,
    mentions: &[Mention],
    pos: usize,
) -> Option<String> {
    if let Some(t) = toks.get(i) {
        if let Some(m) = mentions::starting_at(mentions, t.start) {
            return Some(m.full.clone());
        }
        let word = t.lower();
        let role = names::role_of(word).or(match word {
            "commander" => Some("commander"),
            _ => None,
        });
        if let Some(role) = role {
            return mentions::resolve_role(mentions, doc.len(), role).map(|m| m.full.clone());
        }
    }
    mentions::nearest_before(mentions, pos, Gender::Unknown).map(|m| m.full.clone())
}

/// Conflicts between articles, from each article's facts.
pub fn find(project: &Project, facts: &[(ArticleId, &[Fact])]) -> Vec<Conflict> {
    // Ages: names differ in form between articles ("Soleimani" vs "Qassem Soleimani"); key
    // them by the project entity or by surname.
    let canon =
        |f: &Fact| -> FactKey {
            match &f.key {
                FactKey::Age(name) => {
                    let entity = super::entity_for(project, name)
                        .and_then(|id| project.entity(id))
                        .map(|e| e.name.to_lowercase());
                    FactKey::Age(entity.unwrap_or_else(|| {
                        name.split_whitespace().last().unwrap_or(name).to_owned()
                    }))
                }
                k => k.clone(),
            }
        };
    let mut by_key: BTreeMap<FactKey, Vec<(ArticleId, &Fact)>> = BTreeMap::new();
    for (article, fs) in facts {
        for f in fs.iter() {
            by_key.entry(canon(f)).or_default().push((*article, f));
        }
    }
    // Dates of an event word only compare when their sentences share a name ("the attack
    // on December 27th" on coalition bases is not the attack that killed Soleimani).
    let mut groups: Vec<(FactKey, Vec<(ArticleId, &Fact)>)> = Vec::new();
    for (key, entries) in by_key {
        if !matches!(key, FactKey::Date(_)) {
            groups.push((key, entries));
            continue;
        }
        // A noun joins the date to the cluster that first had it (a map, not a scan).
        let mut clusters: Vec<DateCluster<'_>> = Vec::new();
        let mut cluster_of: HashMap<String, usize> = HashMap::new();
        for (a, f) in entries {
            let nouns = f.names.as_ref().clone();
            let at = nouns.iter().find_map(|n| cluster_of.get(n).copied());
            let c = at.unwrap_or_else(|| {
                clusters.push(DateCluster {
                    names: BTreeSet::new(),
                    members: Vec::new(),
                });
                clusters.len() - 1
            });
            for n in &nouns {
                cluster_of.entry(n.clone()).or_insert(c);
            }
            clusters[c].names.extend(nouns);
            clusters[c].members.push((a, f));
        }
        groups.extend(clusters.into_iter().map(|c| (key.clone(), c.members)));
    }
    let mut out = Vec::new();
    for (key, entries) in groups {
        // One value per article and magnitude (or exact value).
        let class = |f: &Fact| -> i64 {
            if f.vague
                || matches!(
                    key,
                    FactKey::Count {
                        what: Counted::Attending,
                        ..
                    }
                )
            {
                magnitude(f.value) as i64
            } else {
                f.value as i64
            }
        };
        let mut kept: Vec<(ArticleId, &Fact)> = Vec::new();
        let mut kept_classes: HashSet<(ArticleId, i64)> = HashSet::new();
        for (a, f) in &entries {
            if kept_classes.insert((*a, class(f))) {
                kept.push((*a, f));
            }
        }
        // Two articles and two values: some pair of articles disagrees.
        let articles: HashSet<ArticleId> = kept.iter().map(|(a, _)| *a).collect();
        let classes: HashSet<i64> = kept.iter().map(|(_, f)| class(f)).collect();
        let disagree = articles.len() >= 2 && classes.len() >= 2;
        if !disagree {
            continue;
        }
        let published = |a: ArticleId| project.article(a).and_then(|x| x.published);
        let possible_update = matches!(key, FactKey::Count { what, .. } if what != Counted::Attending)
            && {
                let mut dated: Vec<(chrono::NaiveDate, f64)> = kept
                    .iter()
                    .filter_map(|(a, f)| published(*a).map(|d| (d, f.value)))
                    .collect();
                dated.sort_by_key(|x| x.0);
                dated.len() >= 2
                    && dated.windows(2).all(|w| w[1].1 >= w[0].1)
                    && dated.first().map(|x| x.0) != dated.last().map(|x| x.0)
            };
        let values = kept
            .iter()
            .map(|(a, f)| FactValue {
                article: *a,
                value: f.value,
                text: f.text.clone(),
                start: f.range.start,
                end: f.range.end,
                sentence_start: f.sentence.start,
                sentence_end: f.sentence.end,
            })
            .collect();
        // Dates are read more loosely than numbers ("on Friday" is resolved from the
        // publication date): ranked a little lower.
        let score = match (&key, possible_update) {
            (_, true) => 0.5,
            (FactKey::Date(_), false) => 0.6,
            _ => 0.8,
        };
        out.push(Conflict {
            fact: key.describe(),
            values,
            possible_update,
            score,
        });
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
