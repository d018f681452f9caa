//! Short phrases whose words mean more together than apart, read a few tokens from where
//! they start: "up 12%" (a change) but "ran up debts"; "no more than ten" (a bound, no
//! denial); "the plan was scrapped" (a denial) but "90 flights were scrapped"; "than the
//! year before"; "sixty million smuggled cigarettes" (things counted, no money); pounds
//! that weigh.

use super::figures::is_number_word;
use super::tokens::Tok;
use super::words::{DIRECTIONS, FRACTIONS, HEDGES, NUMBER_WORDS, SCALES, STOPWORDS};

/// "up 12%", "down by a third", "12% up on the year": "up" and "down" next to a figure say
/// which way it went; "ran up debts" and "picked up the bill" do not.
pub(super) fn bare_change(toks: &[Tok], i: usize) -> bool {
    let next = toks.get(i + 1);
    let prev = i.checked_sub(1).map(|p| &toks[p]);
    // After these verbs it is their particle ("ran up twelve billion", "picked up 75%").
    let particle = prev.is_some_and(|p| {
        matches!(
            p.lower.as_str(),
            "ran"
                | "run"
                | "runs"
                | "running"
                | "racked"
                | "rack"
                | "picked"
                | "pick"
                | "piled"
                | "built"
                | "build"
                | "set"
                | "took"
                | "take"
                | "taken"
                | "made"
                | "make"
                | "added"
                | "add"
                | "summed"
                | "shored"
                | "signed"
                | "backed"
                | "stepped"
                | "drew"
                | "drawn"
                | "ended"
                | "end"
                | "wound"
                | "opened"
                | "cleared"
                | "held"
                | "broke"
                | "broken"
                | "shut"
                | "turned"
                | "handed"
                | "voted"
        )
    });
    (!particle
        && next.is_some_and(|n| {
            n.number.is_some()
                || is_number_word(n)
                || matches!(n.lower.as_str(), "by" | "from" | "to")
        }))
        || prev.is_some_and(|p| p.number.is_some() || matches!(p.lower.as_str(), "%" | "cent"))
}

/// Verbs that deny a plan (in `words/negations.txt`), and the plans they deny.
pub(super) const GIVEN_UP: &[&str] = &["abandoned", "scrapped", "shelved", "ditched"];
pub(super) const PLANS: &[&str] = &[
    "plan",
    "plans",
    "proposal",
    "proposals",
    "project",
    "scheme",
    "idea",
    "bid",
    "reform",
    "law",
    "bill",
    "policy",
    "target",
    "tax",
    "levy",
    "measure",
    "rule",
    "ban",
    "programme",
    "program",
    "deal",
    "pledge",
    "promise",
    "route",
    "line",
    "project's",
    "hike",
    "increase",
    "cut",
    "rise",
];

/// Whether a number ending before `at` has a noun after it (a word of content, perhaps
/// after one adjective): what it counts.
pub(super) fn counts_a_thing(toks: &[Tok], at: usize) -> bool {
    toks.get(at).is_some_and(|t| {
        t.number.is_none()
            && t.clause == toks[at.saturating_sub(1)].clause
            && t.lower.chars().count() > 2
            && t.lower.chars().all(char::is_alphabetic)
            && !STOPWORDS.contains(&t.lower)
            && !NUMBER_WORDS.contains(&t.lower)
            && !DIRECTIONS.contains(&t.lower)
            && !FRACTIONS.contains(&t.lower)
            && !SCALES.contains(&t.lower)
            && !HEDGES.contains(&t.lower)
            && !matches!(
                t.lower.as_str(),
                "times" | "fold" | "more" | "less" | "fewer" | "place" | "position" | "spot"
            )
            && !crate::assist::words::is_calendar_name(&t.lower)
    })
}

/// Whether the "year" at `i` is the one before the year last named.
pub(super) fn year_before(toks: &[Tok], i: usize) -> bool {
    let word = |k: Option<usize>| k.and_then(|k| toks.get(k)).map_or("", |t| t.lower.as_str());
    let (prev, next) = (word(i.checked_sub(1)), word(Some(i + 1)));
    (matches!(prev, "the" | "a") && matches!(next, "before" | "earlier"))
        || (matches!(prev, "previous" | "prior" | "preceding") && word(i.checked_sub(2)) == "the")
}

/// Words that, before "than", bound a figure ("no more than", "more than four").
const COMPARATIVES: &[&str] = &[
    "more", "less", "fewer", "later", "earlier", "greater", "higher", "lower",
];

/// "no more than ten dollars", "not less than 5%", "not only": a bound or an addition,
/// not a denial.
pub(super) fn bounds(toks: &[Tok], i: usize) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    matches!(word(i), "no" | "not")
        && (word(i + 1) == "only" || (COMPARATIVES.contains(&word(i + 1)) && word(i + 2) == "than"))
}

/// A pound in kilograms.
pub(super) const POUND_KG: f64 = 0.453_592;

/// Whether pounds ending at `used` weigh something: "of" a thing after them, or a verb
/// of weighing in the sentence.
pub(super) fn weighed(toks: &[Tok], used: usize) -> bool {
    let pounds = toks
        .get(used.wrapping_sub(1))
        .is_some_and(|t| matches!(t.lower.as_str(), "pounds" | "pound" | "lb" | "lbs"));
    pounds
        && (toks.get(used).is_some_and(|t| t.lower == "of")
            || toks.iter().any(|t| {
                matches!(
                    t.lower.as_str(),
                    "weigh" | "weighs" | "weighed" | "weighing" | "weight" | "scales" | "heavy"
                )
            }))
}

/// Whether a token ends a share ("40%", "per cent", "an eighth").
pub(super) fn ends_share(t: &Tok) -> bool {
    matches!(t.lower.as_str(), "%" | "percent" | "cent") || FRACTIONS.contains(&t.lower)
}

/// "more than 4,000", "fewer than one in ten", "less than a third": a bound on the figure,
/// not a change ("20% higher than a year earlier" still is one).
pub(super) fn bound_than(toks: &[Tok], i: usize) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    let figure = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.number.is_some() || is_number_word(t))
            || FRACTIONS.contains(word(k))
            || (matches!(word(k), "a" | "an")
                && (FRACTIONS.contains(word(k + 1)) || SCALES.contains(word(k + 1))))
    };
    COMPARATIVES.contains(&word(i))
        && word(i + 1) == "than"
        && (figure(i + 2) || matches!(word(i + 2), "$" | "€" | "£" | "¥") && figure(i + 3))
}

/// Whether the word at `i` opens a clause of time or cause ("as the index climbed",
/// "while exports fell"), not "as many as" or "as of 2023".
pub(super) fn starts_background(toks: &[Tok], i: usize) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    let next = toks.get(i + 1);
    matches!(word(i), "as" | "while" | "when" | "because" | "whereas")
        && next.is_some_and(|n| n.number.is_none() && !is_number_word(n))
        && !matches!(
            word(i + 1),
            "many"
                | "much"
                | "well"
                | "high"
                | "low"
                | "of"
                | "part"
                | "far"
                | "long"
                | "soon"
                | "such"
                | "likely"
                | "little"
                | "few"
                | "large"
                | "big"
                | "good"
                | "great"
                | "a"
                | "an"
                | "recently"
        )
}
