//! Sums of money and what they pay for: "a €48 million renewal scheme", "the upgrade cost
//! $2.3bn", "a fine of 900,000 euros". A sum is compared only with sums of its own kind
//! (`words/money_subjects.txt`: a project's cost, damage, compensation, a fine, pay …) in
//! one currency (`words/currencies.txt`); a sum with nothing saying what it pays for is no
//! fact. Every sum looks at a few tokens on either side: linear in the sentence.

use super::numbers::{self, Qualifier};
use crate::assist::text::Token;
use crate::assist::words::TaggedWords;

static CURRENCIES: TaggedWords = TaggedWords::from_text(include_str!("../words/currencies.txt"));
static SUBJECTS: TaggedWords = TaggedWords::from_text(include_str!("../words/money_subjects.txt"));

/// How far a subject may stand after a sum ("€48 million resignalling and track renewal
/// scheme" is five words).
const AFTER_REACH: usize = 6;
/// How far before ("the upgrade, which was approved last year, cost €84m").
const BEFORE_REACH: usize = 8;

/// A sum of money read from a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Sum {
    /// In whole units of the currency (48e6 for "€48m").
    pub value: f64,
    /// ISO code, lower case ("eur"), or the word of a currency no list holds ("thaler").
    pub currency: String,
    /// What kind of sum it is ("works", "damage").
    pub kind: &'static str,
    /// The kind belongs to an event (damage, aid): scoped like counts.
    pub of_event: bool,
    pub qualifier: Qualifier,
    /// Tokens of the sum with its qualifier and currency.
    pub first: usize,
    pub next: usize,
}

fn currency(lower: &str) -> Option<&'static str> {
    CURRENCIES.tag(lower)
}

/// A scale written after the amount or glued to it ("m", "bn", "million").
fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "k" | "thousand" => 1e3,
        "m" | "mn" | "mln" | "million" | "millions" => 1e6,
        "b" | "bn" | "bln" | "billion" | "billions" => 1e9,
        "tn" | "trillion" => 1e12,
        _ => return None,
    })
}

/// An amount at token `i`: digits with an optional glued scale ("48m", "2.3bn",
/// "900,000"), then an optional scale word. Returns the value and the token after it.
fn amount_at(toks: &[Token], lowers: &[&str], i: usize) -> Option<(f64, usize)> {
    // The lower-case form: a sentence's full stop after "2.3bn" is not part of it.
    toks.get(i)?;
    let text = lowers[i];
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(text.len());
    let (digits, glued) = text.split_at(split);
    if digits.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
        // A number in words ("two million euros").
        let n = numbers::number_at(toks, lowers, i)?;
        return (!n.vague).then_some((n.value, n.next));
    }
    let digits = digits.trim_end_matches(['.', ',']);
    if digits.matches('.').count() > 1 {
        return None;
    }
    let mut value: f64 = digits.replace(',', "").parse().ok()?;
    let mut next = i + 1;
    if !glued.is_empty() {
        value *= scale(glued)?;
    } else if let Some(s) = lowers.get(next).and_then(|w| scale(w)) {
        value *= s;
        next += 1;
    }
    Some((value, next))
}

/// Kinds of sum that are paid to people: only these read a currency no list holds.
const PAID_TO_PEOPLE: &[&str] = &["compensation", "fine", "aid", "ransom", "pay"];

/// Words after an amount that are no currency: time, common units, groups of people.
const NO_CURRENCY: &[&str] = &[
    "years",
    "months",
    "weeks",
    "days",
    "hours",
    "minutes",
    "times",
    "metres",
    "meters",
    "kilometres",
    "kilometers",
    "miles",
    "tonnes",
    "tons",
    "litres",
    "liters",
    "hectares",
    "acres",
    "kilograms",
    "kilos",
    "votes",
    "signatures",
    "pages",
    "cases",
    "claims",
    "items",
    "families",
    "households",
    "relatives",
    "victims",
    "students",
    "pupils",
    "patients",
];

/// "pay each bereaved family 25,000 thalers": the word after the amount, when no list
/// holds it, is taken for a currency (a small country's, or a new one) — a plural of lower
/// case letters that names no people, no counted kind and no unit, singular as the key.
fn unknown_currency(toks: &[Token], lowers: &[&str], next: usize) -> Option<String> {
    let w = *lowers.get(next)?;
    let plain = toks[next].is_word
        && !toks[next].is_capitalized()
        && w.len() >= 4
        && w.ends_with('s')
        && w.chars().all(|c| c.is_alphabetic());
    let known = super::ontology::is_person(w)
        || super::ontology::kind(w, super::ontology::Role::Count).is_some()
        || NO_CURRENCY.contains(&w)
        || scale(w).is_some();
    (plain && !known).then(|| w.trim_end_matches('s').to_owned())
}

/// The kind of the first subject word within `range`, nearest first, and whether it
/// belongs to an event.
fn subject(
    lowers: &[&str],
    toks: &[Token],
    range: impl Iterator<Item = usize>,
) -> Option<(&'static str, bool)> {
    for k in range {
        let w = lowers[k];
        if let Some(kind) = SUBJECTS.tag(w) {
            return Some((kind, SUBJECTS.has_tag(w, "event")));
        }
        // The clause ends at punctuation (a hyphen or an apostrophe does not end it) and
        // at another figure.
        if (!toks[k].is_word && !matches!(w, "-" | "'" | "’"))
            || numbers::number_at(toks, lowers, k).is_some()
        {
            return None;
        }
    }
    None
}

/// Every sum in one sentence's tokens that says what it pays for.
pub fn sums(toks: &[Token], lowers: &[&str]) -> Vec<Sum> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // "€48m", "US$ 2.3bn", "EUR 48 million": the currency first.
        let mut listed = true;
        let read = if let Some(cur) = currency(lowers[i]) {
            amount_at(toks, lowers, i + 1).map(|(v, next)| (cur.to_owned(), v, i, next))
        } else if toks[i].text.starts_with(|c: char| c.is_ascii_digit()) {
            // "48 million euros", "900,000 euros".
            amount_at(toks, lowers, i).and_then(|(v, next)| {
                let listed_cur = lowers.get(next).and_then(|w| currency(w));
                listed = listed_cur.is_some();
                listed_cur
                    .map(str::to_owned)
                    .or_else(|| unknown_currency(toks, lowers, next))
                    .map(|cur| (cur, v, i, next + 1))
            })
        } else {
            None
        };
        let Some((cur, value, start, next)) = read else {
            i += 1;
            continue;
        };
        // "US$": the country letters belong to the sum.
        let start = if start > 0 && matches!(lowers[start - 1], "us" | "u.s") && cur == "usd" {
            start - 1
        } else {
            start
        };
        let (qualifier, q_len) = numbers::qualifier_before(lowers, start);
        let first = start - q_len;
        let after = next..(next + AFTER_REACH).min(lowers.len());
        let before = (first.saturating_sub(BEFORE_REACH)..first).rev();
        let kind = subject(lowers, toks, after)
            .or_else(|| subject(lowers, toks, before))
            .filter(|(kind, _)| listed || PAID_TO_PEOPLE.contains(kind));
        if let Some((kind, of_event)) = kind {
            out.push(Sum {
                value,
                currency: cur,
                kind,
                of_event,
                qualifier,
                first,
                next,
            });
        }
        i = next.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assist::text::Doc;

    fn read(s: &str) -> Vec<(&'static str, String, f64)> {
        let doc = Doc::new(s);
        let lowers: Vec<&str> = doc.tokens.iter().map(Token::lower).collect();
        sums(&doc.tokens, &lowers)
            .into_iter()
            .map(|s| (s.kind, s.currency, s.value))
            .collect()
    }

    #[test]
    fn a_currency_no_list_holds_is_read_where_the_sum_is_paid_to_people() {
        assert_eq!(
            read("The operator will pay each bereaved family 12,000 dorins."),
            [("compensation", "dorin".to_owned(), 12e3)]
        );
        assert_eq!(
            read("It promised 15,000 dorins in compensation to every household."),
            [("compensation", "dorin".to_owned(), 15e3)]
        );
        // Our own: crowns, and the family a sum is paid to.
        assert_eq!(
            read("The firm will pay 40,000 crowns to the family of every victim."),
            [("compensation", "crown".to_owned(), 40e3)]
        );
        // Not money: people, units, and sums that are no payment.
        assert!(read("Compensation was promised to 300 families.").is_empty());
        assert!(read("The fine covered 20 years of breaches.").is_empty());
        assert!(read("The upgrade needs 4,000 sleepers.").is_empty());
    }

    #[test]
    fn sums_are_read_with_what_they_pay_for() {
        assert_eq!(
            read("It shelved an €84 million upgrade of the line."),
            [("works", "eur".to_owned(), 84e6)]
        );
        assert_eq!(
            read("A €48m resignalling and track renewal scheme was paused."),
            [("works", "eur".to_owned(), 48e6)]
        );
        assert_eq!(
            read("The storm caused damage estimated at $2.3bn."),
            [("damage", "usd".to_owned(), 2.3e9)]
        );
        assert_eq!(
            read("The firm was given a fine of 900,000 euros."),
            [("fine", "eur".to_owned(), 9e5)]
        );
        assert_eq!(
            read("She earns a reported £1.2 million a year."),
            [("pay", "gbp".to_owned(), 1.2e6)]
        );
        assert_eq!(
            read("Families will get compensation of US$ 5,000 each."),
            [("compensation", "usd".to_owned(), 5e3)]
        );
    }

    #[test]
    fn a_sum_saying_nothing_of_what_it_pays_for_is_no_fact() {
        assert!(read("Shares fell to €4.20 on Tuesday.").is_empty());
        assert!(read("The cranes can lift 48 tonnes.").is_empty());
        assert!(read("It cost €3m, and the upgrade was shelved.").is_empty());
    }
}
