//! What a claim sentence asserts, reduced to what two wordings must share to state the same
//! thing: its quantities with their units ("a fifth" is 20 %, "thirty centimetres" is
//! 30 cm, "4.5 million" is 4 500 000), the names it is about (places, people,
//! organisations), the direction it says something moved in and whether it denies it, and
//! its content terms (stemmed, stop words out, outlets' synonyms folded). One pass over
//! the text: linear in its length.

use super::contrasts::{Sister, sisters};
use super::figures::{is_number_word, next_is_numeric, read_number, unit_after, year_like};
use super::phrases::{
    GIVEN_UP, PLANS, POUND_KG, bare_change, bound_than, bounds, counts_a_thing, ends_share,
    starts_background, weighed, year_before,
};
pub(super) use super::place_names::canonical_place;
pub(crate) use super::place_names::is_place;
use super::place_names::{PLACE_NOUNS, demonym};
use super::shares::{and_a_half, every_ordinal, ratio_after, share_over_noun};
use super::tokens::{Tok, tokenize};
use std::collections::HashSet;

use super::words::{
    DIRECTIONS, FACTORS, FRACTIONS, HEDGES, NEGATIONS, NUMBER_WORDS, PLACE_MODIFIERS, SCALES,
    STOPWORDS, SYNONYMS, unit,
};

/// A number with what it counts. `unit` is a quantity of `claims/words/units.txt`
/// (`percent`, `length` in cm, `usd` …), [`YEAR`] or [`COUNT`] (a bare number).
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    pub value: f64,
    pub unit: &'static str,
}

/// The unit of a bare number between 1900 and 2100 (a year, most likely).
pub const YEAR: &str = "year";
/// The unit of a bare number.
pub const COUNT: &str = "count";
/// The unit of a number with a noun after it that no unit list knows ("sixty million
/// smuggled cigarettes"): it counts those things, so it is no sum of money.
pub const ITEMS: &str = "items";
/// The unit of a multiplier ("doubled" is 2, "halved" 0.5).
pub const FACTOR: &str = "factor";

/// Which way a claim says something moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// What a claim asserts, for agreement checks and retrieval.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Signature {
    /// Content terms, stemmed and folded, in text order (repeats kept: term frequency).
    pub terms: Vec<String>,
    pub quantities: Vec<Quantity>,
    /// Names, lower case, demonyms read as their place ("french" → "france").
    pub names: Vec<String>,
    pub direction: Option<Direction>,
    pub negated: bool,
    /// A hedge ("nearly half", "some 4,500") makes its numbers approximate.
    pub approximate: bool,
    /// Its terms that have sisters (`contrasts`): "nurses" is not "teachers".
    pub sisters: Vec<Sister>,
    /// A capitalised first word that may be a name nobody can tell from a common word
    /// ("Berlin rents have doubled"), as its term.
    pub opening: Option<String>,
    /// The names that are places: listed ones, and names written after "in", "at" or
    /// "near" ("at Derna").
    pub places: Vec<String>,
    /// It speaks of its outlet's own place without naming it ("our islands", "this
    /// country", "the republic"): a name the other claim gives may be that place.
    pub own_place: bool,
    /// Its places written after "in", "at" or "near" ("the chief said in Pristina").
    pub located: Vec<String>,
    /// The opening word as written, when the gazetteer knows it as a city or region
    /// ("Manitoba parents have paid …"): a place after all.
    pub opening_place: Option<String>,
}

/// A light suffix stemmer for English: enough that "increased", "increases" and
/// "increase" meet, without a dictionary.
pub fn stem(word: &str) -> String {
    let w = word;
    let n = w.chars().count();
    let cut = |suffix: &str, keep: usize| -> Option<String> {
        (w.ends_with(suffix) && n >= keep + suffix.chars().count())
            .then(|| w[..w.len() - suffix.len()].to_owned())
    };
    let s = cut("ies", 3)
        .map(|s| s + "y")
        .or_else(|| cut("ing", 3))
        .or_else(|| cut("ed", 3))
        .or_else(|| cut("ly", 4))
        .or_else(|| (!w.ends_with("ss")).then(|| cut("s", 3)).flatten())
        .unwrap_or_else(|| w.to_owned());
    s.strip_suffix('e')
        .filter(|r| r.chars().count() >= 3)
        .map(str::to_owned)
        .unwrap_or(s)
}

/// A word as a content term: its synonym's term, else its stem.
pub(super) fn term(lower: &str) -> String {
    // "us" in lower case is the pronoun, not America.
    if let Some(t) = SYNONYMS
        .get(lower)
        .or_else(|| demonym(lower).filter(|_| lower != "us"))
    {
        return t.to_owned();
    }
    let s = stem(lower);
    SYNONYMS.get(&s).map_or(s, str::to_owned)
}

/// The signature of one claim sentence (or a fact-checker's `claimReviewed`).
pub fn signature(text: &str) -> Signature {
    let toks = tokenize(text);
    let mut sig = Signature::default();
    let mut name: Vec<&str> = Vec::new();
    // A dateline's name run, and its names (see the end).
    let mut filed_at: Vec<&str> = Vec::new();
    let mut dateline_names: Vec<String> = Vec::new();
    let flush = |name: &mut Vec<&str>, names: &mut Vec<String>| {
        if !name.is_empty() {
            let joined = name.join(" ");
            match demonym(&joined) {
                // Written as the text would ("new zealand"), so a name spelled out
                // ("New Zealand Post") still shares its words.
                Some(place) => names.push(place.replace('_', " ")),
                // "Thai EV", "British Airways": the place, then the rest.
                None => match demonym(name[0]).filter(|_| name.len() > 1) {
                    Some(place) => {
                        names.push(place.replace('_', " "));
                        names.push(name[1..].join(" "));
                    }
                    None => names.push(joined),
                },
            }
            name.clear();
        }
    };
    // Negations, and the clauses that say what moved or by how much: "we are no longer
    // talking about a warning sign" does not deny the 91% of its other clause.
    let mut denying: Vec<u32> = Vec::new();
    let mut stating: Vec<u32> = Vec::new();
    let (mut counted, mut last_clause) = (0, 0);
    // The last year read and the index after it.
    let mut last_year: Option<(f64, usize)> = None;
    // The index of the quantity "all but" takes the rest of.
    let mut complement_at: Option<usize> = None;
    // The first word of the clause being read: a relative clause ("whose farmers grow
    // two beans in five") says which way the claim's figure moved only when nothing else
    // does.
    let mut opener: (u32, &str) = (u32::MAX, "");
    // A direction said in such a clause, for a claim that says none elsewhere.
    let mut relative_direction: Option<Direction> = None;
    // The clause being read, and whether a clause of time or cause has begun in it.
    let mut background: (u32, bool) = (u32::MAX, false);
    // "The plan was scrapped" denies the plan; "90 flights were scrapped" counts flights.
    let plan_named = toks.iter().any(|t| PLANS.contains(&t.lower.as_str()));
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.clause != opener.0 {
            opener = (t.clause, t.lower.as_str());
        }
        let relative = matches!(opener.1, "whose" | "which" | "who" | "where");
        // "… in April as the heat index climbed above 42C": what moved in a clause of time
        // or cause is not what the claim says moved.
        if t.clause != background.0 {
            background = (t.clause, false);
        }
        if starts_background(&toks, i) {
            background.1 = true;
        }
        if sig.quantities.len() > counted {
            if sig.quantities[counted..].iter().any(|q| q.unit != YEAR) {
                stating.push(last_clause);
            }
            counted = sig.quantities.len();
        }
        last_clause = t.clause;
        // Names: runs of capitalised words (a sentence's first word only if it is not a
        // common word).
        // "US dollars", "US$10m": a currency's adjective, not a place the claim is about.
        let currency_adjective = toks.get(i + 1).is_some_and(|n| {
            unit(&n.lower).is_some_and(|(u, _)| matches!(u, "usd" | "eur" | "gbp" | "jpy"))
        });
        // "Ten days", "42C": a number or a unit's letter is no name.
        let unit_letter = t.lower.chars().count() == 1 && i > 0 && toks[i - 1].number.is_some();
        let is_name = t.capitalised
            && !currency_adjective
            && !unit_letter
            && !NUMBER_WORDS.contains(&t.lower)
            // An acronym opening a sentence is a name too ("EU energy commissioner").
            && (!t.initial
                || t.possessive
                || (t.all_caps && !STOPWORDS.contains(&t.lower))
                || is_place(&t.lower)
                // "(CW) UZ silk: Fergana cocoon output", "REPORTER: Queensland lost …":
                // a listed place opening a clause after a label.
                || (i > 0 && super::gazetteer::is_listed(&t.lower) && !STOPWORDS.contains(&t.lower))
                || next_is_name(&toks, i))
            && !crate::assist::words::is_calendar_name(&t.lower)
            && (is_place(&t.lower) || !crate::assist::names::is_title_word(&t.lower));
        // A name does not run on over a bracket, dash or comma ("ABIDJAN (BW) -- Cote").
        if i > 0 && toks[i - 1].clause != t.clause {
            flush(&mut name, &mut sig.names);
            flush(&mut filed_at, &mut dateline_names);
        }
        if is_name && t.dateline {
            filed_at.push(&t.lower);
        } else if is_name {
            flush(&mut filed_at, &mut dateline_names);
            name.push(&t.lower);
        } else {
            flush(&mut name, &mut sig.names);
            flush(&mut filed_at, &mut dateline_names);
        }
        // "every fourth school": a share.
        if let Some((share, used)) = every_ordinal(&toks, i) {
            push_quantity(
                &mut sig,
                Quantity {
                    value: share,
                    unit: "percent",
                },
            );
            i = used;
            continue;
        }
        // "a mile and a half", "a day and a half".
        if let Some((q, used)) = and_a_half(&toks, i) {
            push_quantity(&mut sig, q);
            i = used;
            continue;
        }
        // "than in the year before", "a year earlier", "the previous year": the year
        // before the one just named.
        if t.lower == "year"
            && let Some((year, _)) = last_year
            && year_before(&toks, i)
        {
            push_quantity(
                &mut sig,
                Quantity {
                    value: year - 1.0,
                    unit: YEAR,
                },
            );
        }
        // "all but a tenth": the rest.
        if t.lower == "all" && toks.get(i + 1).is_some_and(|n| n.lower == "but") {
            complement_at = Some(sig.quantities.len());
        }
        // "40% more fines", "an eighth less": a change, and its direction.
        if matches!(t.lower.as_str(), "more" | "less" | "fewer")
            && sig.direction.is_none()
            && i > 0
            && ends_share(&toks[i - 1])
        {
            sig.direction = Some(if t.lower == "more" {
                Direction::Up
            } else {
                Direction::Down
            });
        }
        // "one export dollar in every three", "one adult in five", "one kilowatt-hour on
        // twelve": a share, its noun between.
        if t.lower == "one"
            && let Some((share, used)) = share_over_noun(&toks, i + 1, 1.0)
        {
            let q = Quantity {
                value: share,
                unit: "percent",
            };
            push_quantity(&mut sig, q);
            i = used;
            continue;
        }
        // Quantities.
        let currency_before =
            unit(&t.lower).filter(|(_, _)| matches!(t.lower.as_str(), "$" | "€" | "£" | "¥"));
        let starts_number = t.number.is_some()
            || (NUMBER_WORDS.contains(&t.lower) && (t.lower != "one" || next_is_numeric(&toks, i)))
            // "a thousand million tablets".
            || (matches!(t.lower.as_str(), "a" | "an")
                && toks
                    .get(i + 1)
                    .and_then(|n| SCALES.number(&n.lower))
                    .is_some_and(|s| s >= 100.0)
                && toks.get(i + 2).is_none_or(|n| n.lower != "of"));
        if starts_number
            || (currency_before.is_some() && toks.get(i + 1).is_some_and(is_number_word))
        {
            let from = if currency_before.is_some() { i + 1 } else { i };
            let (value, after) = read_number(&toks, from);
            // "two thirds of", "one fifth of".
            if let Some(f) = toks.get(after).and_then(|t| FRACTIONS.number(&t.lower)) {
                let q = Quantity {
                    value: value * f,
                    unit: "percent",
                };
                push_quantity(&mut sig, q);
                i = after + 1;
                continue;
            }
            // "four in five", "93 in every 100", "one out of three", "nine vehicles in
            // every ten", "six inhabitants on ten".
            if let Some((share, used)) =
                ratio_after(&toks, after, value).or_else(|| share_over_noun(&toks, after, value))
            {
                let q = Quantity {
                    value: share,
                    unit: "percent",
                };
                push_quantity(&mut sig, q);
                i = used;
                continue;
            }
            // "three times", "2.5 times as many", "three-fold".
            if toks
                .get(after)
                .is_some_and(|t| matches!(t.lower.as_str(), "times" | "fold"))
            {
                push_factor(&mut sig, value);
                i = after + 1;
                continue;
            }
            // "twenty twenty-three, twenty-four season": the season's second year.
            if last_year
                .is_some_and(|(y, end)| from <= end + 2 && value == ((y as u32 + 1) % 100) as f64)
                && unit_after(&toks, after).is_none()
            {
                i = after.max(i + 1);
                continue;
            }
            let mut q = Quantity { value, unit: COUNT };
            let mut next = after;
            if let Some((u, factor)) = currency_before {
                q = Quantity {
                    value: value * factor,
                    unit: u,
                };
            } else if let Some((u, factor, used)) = unit_after(&toks, after)
                .filter(|&(_, _, used)| !(year_like(&toks, from, after, value) && used > after + 1))
            {
                q = Quantity {
                    value: value * factor,
                    unit: u,
                };
                // "15,000 pounds of scales", "weighs 154 pounds": a weight.
                if u == "gbp" && weighed(&toks, used) {
                    q = Quantity {
                        value: value * POUND_KG,
                        unit: "weight",
                    };
                }
                next = used;
            } else if year_like(&toks, from, after, value) {
                q.unit = YEAR;
                last_year = Some((value, after));
            } else if counts_a_thing(&toks, after) {
                q.unit = ITEMS;
            }
            push_quantity(&mut sig, q);
            i = next.max(i + 1);
            continue;
        }
        // "a quarter of a metre", "half a kilometre": a part of one unit.
        if let Some(f) = FRACTIONS.number(&t.lower) {
            let mut k = i + 1;
            if toks.get(k).is_some_and(|n| n.lower == "of") {
                k += 1;
            }
            // "half a million litres": a part of a scale, then its unit.
            if toks
                .get(k)
                .is_some_and(|n| matches!(n.lower.as_str(), "a" | "an"))
                && let Some(scale) = toks.get(k + 1).and_then(|n| SCALES.number(&n.lower))
                && scale >= 1000.0
            {
                let value = f / 100.0 * scale;
                let (q, next) = match unit_after(&toks, k + 2) {
                    Some((u, factor, used)) => (
                        Quantity {
                            value: value * factor,
                            unit: u,
                        },
                        used,
                    ),
                    None => (Quantity { value, unit: COUNT }, k + 2),
                };
                push_quantity(&mut sig, q);
                i = next;
                continue;
            }
            if toks
                .get(k)
                .is_some_and(|n| matches!(n.lower.as_str(), "a" | "an"))
                && let Some((u, factor)) = toks.get(k + 1).and_then(|n| unit(&n.lower))
                && !matches!(u, "percent" | "people" | "deaths" | "jobs" | "cases")
            {
                let q = Quantity {
                    value: f / 100.0 * factor,
                    unit: u,
                };
                push_quantity(&mut sig, q);
                i = k + 2;
                continue;
            }
        }
        // "a fifth of", "half of", "a quarter of".
        if let Some(f) = FRACTIONS.number(&t.lower) {
            // "half", "a quarter of", "by a third".
            // Not "the quarters of the city": districts.
            let the = i.checked_sub(1).is_some_and(|p| toks[p].lower == "the");
            let spoken = t.lower.starts_with("half")
                || (toks.get(i + 1).is_some_and(|n| n.lower == "of") && !the)
                || i.checked_sub(1)
                    .is_some_and(|p| matches!(toks[p].lower.as_str(), "a" | "an"));
            if spoken {
                let q = Quantity {
                    value: f,
                    unit: "percent",
                };
                push_quantity(&mut sig, q);
                i += 1;
                continue;
            }
        }
        // "doubled", "threefold", "cut in half".
        let in_half = t.lower == "in" && toks.get(i + 1).is_some_and(|n| n.lower == "half");
        if let Some(f) = FACTORS.number(&t.lower).or(in_half.then_some(0.5)) {
            push_factor(&mut sig, f);
            i += 1 + usize::from(in_half);
            continue;
        }
        if HEDGES.contains(&t.lower) {
            sig.approximate = true;
        }
        if matches!(t.lower.as_str(), "+" | "-")
            && sig.direction.is_none()
            && toks.get(i + 2).is_some_and(|p| p.lower == "%")
        {
            sig.direction = Some(if t.lower == "+" {
                Direction::Up
            } else {
                Direction::Down
            });
        }
        if NEGATIONS.contains(&t.lower)
            && !bounds(&toks, i)
            && (plan_named || !GIVEN_UP.contains(&t.lower.as_str()))
        {
            denying.push(t.clause);
        } else if let Some(d) = DIRECTIONS
            .get(&t.lower)
            .filter(|_| !matches!(t.lower.as_str(), "up" | "down") || bare_change(&toks, i))
            .filter(|_| i == 0 || !bounds(&toks, i - 1))
            .filter(|_| !bound_than(&toks, i))
        {
            stating.push(t.clause);
            let dir = if d == "up" {
                Direction::Up
            } else {
                Direction::Down
            };
            if background.1 {
                // Neither the claim's direction nor a fallback.
            } else if relative {
                relative_direction.get_or_insert(dir);
            } else if sig.direction.is_none() {
                sig.direction = Some(dir);
            }
        } else if !STOPWORDS.contains(&t.lower) && t.lower.chars().count() > 1 {
            // Names are kept whole ("france" is not "franc").
            sig.terms.push(if is_name {
                demonym(&t.lower).unwrap_or(&t.lower).to_owned()
            } else {
                term(&t.lower)
            });
        }
        i += 1;
    }
    flush(&mut name, &mut sig.names);
    flush(&mut filed_at, &mut dateline_names);
    if let Some(k) = complement_at
        && let Some(q) = sig.quantities.get_mut(k).filter(|q| q.unit == "percent")
    {
        let old = format!("#{}", quantity_key(q));
        q.value = 100.0 - q.value;
        let new = format!("#{}", quantity_key(q));
        if let Some(t) = sig.terms.iter_mut().find(|t| **t == old) {
            *t = new;
        }
    }
    if sig.quantities[counted..].iter().any(|q| q.unit != YEAR) {
        stating.push(last_clause);
    }
    sig.negated = if stating.is_empty() {
        !denying.is_empty()
    } else {
        // Both are in text order (clauses only grow): a search, not a scan per denial.
        denying.iter().any(|c| stating.binary_search(c).is_ok())
    };
    // The sentence's first word, after any dateline or stamp ("12:40 — Kaunas transit").
    let first = toks
        .iter()
        .find(|t| t.initial && (t.capitalised || t.number.is_some()))
        .filter(|t| t.capitalised && t.number.is_none() && !STOPWORDS.contains(&t.lower));
    sig.opening = first
        .filter(|t| !DIRECTIONS.contains(&t.lower) && !sig.names.contains(&t.lower))
        .map(|t| term(&t.lower));
    sig.opening_place = first
        .filter(|t| super::gazetteer::is_listed(&t.lower))
        .map(|t| t.lower.clone());
    // A sister word may be written with a capital ("TV", "Inward remittances …").
    let mut pool = sig.terms.clone();
    pool.extend(
        sig.names
            .iter()
            .filter(|n| !n.contains(' '))
            .map(|n| term(n)),
    );
    pool.extend(sig.opening.clone());
    sig.sisters = sisters(&pool);
    if sig.direction.is_none() {
        sig.direction = relative_direction;
    }
    sig.own_place = toks.windows(2).any(|w| {
        matches!(w[0].lower.as_str(), "our" | "this")
            && matches!(
                w[1].lower.as_str(),
                "country"
                    | "city"
                    | "town"
                    | "island"
                    | "islands"
                    | "republic"
                    | "county"
                    | "region"
                    | "province"
                    | "state"
                    | "capital"
                    | "nation"
                    | "kingdom"
                    | "territory"
                    | "twin"
                    | "village"
                    | "valley"
            )
    });
    sig.names.sort();
    sig.names.dedup();
    let after_preposition: HashSet<&str> = toks
        .windows(2)
        // "in CY2023", "at BW": a ticker's abbreviation is no place.
        .filter(|w| {
            matches!(w[0].lower.as_str(), "in" | "at" | "near" | "around")
                && w[1].capitalised
                && w[1].lower.chars().count() >= 4
        })
        .map(|w| w[1].lower.as_str())
        // "around the Divjaka-Karavasta lagoon", "near the Kiso dam".
        .chain(
            toks.windows(3)
                .filter(|w| {
                    matches!(w[0].lower.as_str(), "near" | "around")
                        && w[1].lower == "the"
                        && w[2].capitalised
                        && w[2].lower.chars().count() >= 4
                })
                .map(|w| w[2].lower.as_str()),
        )
        // "the eastern city of Derna", "the region of Mopti".
        .chain(
            toks.windows(3)
                .filter(|w| {
                    PLACE_NOUNS.contains(&w[0].lower.as_str())
                        && w[1].lower == "of"
                        && w[2].capitalised
                })
                .map(|w| w[2].lower.as_str()),
        )
        .collect();
    // "in Derna", "at Derna", "the city of Derna".
    let located = |n: &String| {
        n.split(' ')
            .next()
            .is_some_and(|w| after_preposition.contains(w))
    };
    sig.located = sig.names.iter().filter(|n| located(n)).cloned().collect();
    sig.places = sig
        .names
        .iter()
        .filter(|n| is_place(n) || super::gazetteer::is_listed(n) || located(n))
        .cloned()
        .collect();
    // A dateline says where the story was filed: the claim's place only when the claim
    // names none of its own ("KLAIPĖDA — Customs seized …", not "BENGHAZI — … in Derna").
    if sig.places.is_empty() {
        for d in dateline_names {
            if !sig.names.contains(&d) {
                sig.names.push(d.clone());
            }
            sig.places.push(d);
        }
        sig.names.sort();
    }
    sig
}

/// "New York said": a capitalised sentence opener followed by another capitalised word.
fn next_is_name(toks: &[Tok], i: usize) -> bool {
    let opener = &toks[i].lower;
    // "New Zealand's health minister", "South Sudan exported": a place's first word.
    (!STOPWORDS.contains(opener) || PLACE_MODIFIERS.contains(opener))
        && !DIRECTIONS.contains(opener)
        && toks.get(i + 1).is_some_and(|n| n.capitalised && !n.initial)
}

/// A quantity with its index term ("4.5 million" and "4,500,000" one term).
pub(super) fn push_quantity(sig: &mut Signature, q: Quantity) {
    sig.terms.push(format!("#{}", quantity_key(&q)));
    sig.quantities.push(q);
}

/// A factor quantity; it also says which way the thing moved when nothing else has.
fn push_factor(sig: &mut Signature, factor: f64) {
    sig.quantities.push(Quantity {
        value: factor,
        unit: FACTOR,
    });
    if sig.direction.is_none() && factor != 1.0 {
        sig.direction = Some(if factor > 1.0 {
            Direction::Up
        } else {
            Direction::Down
        });
    }
}

/// A quantity as an index term: the unit and the value to three significant digits, so
/// "4.5 million" and "4,500,000" are one term.
pub fn quantity_key(q: &Quantity) -> String {
    let unit = if q.unit == COUNT || q.unit == ITEMS || q.unit == "people" {
        "n"
    } else {
        q.unit
    };
    format!("{unit}:{}", significant(q.value))
}

fn significant(v: f64) -> String {
    if v == 0.0 || !v.is_finite() {
        return "0".to_owned();
    }
    let magnitude = v.abs().log10().floor() as i32;
    let scale = 10f64.powi(2 - magnitude);
    let rounded = (v * scale).round() / scale;
    format!("{rounded}")
}

#[cfg(test)]
#[path = "signature_tests.rs"]
mod tests;
