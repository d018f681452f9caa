//! Shares and halves said in words: "every fourth school", "nine vehicles in every ten",
//! "six inhabitants on ten" (a translation of "sur"), "a mile and a half". Each reads a
//! few tokens from where it starts.

use super::figures::{is_number_word, read_number, unit_after};
use super::signature::Quantity;
use super::tokens::Tok;
use super::words::{FRACTIONS, unit};

/// "in five", "in every 100", "out of three" after a number `share`: the share as a
/// percentage and the index after the whole. Only a whole larger than the share and at
/// most 1000 ("3 in 2024" is a year).
pub(super) fn ratio_after(toks: &[Tok], at: usize, share: f64) -> Option<(f64, usize)> {
    ratio(toks, at, share, false)
}

fn ratio(toks: &[Tok], at: usize, share: f64, on: bool) -> Option<(f64, usize)> {
    let mut k = at;
    match toks.get(k)?.lower.as_str() {
        "in" => k += 1,
        "on" if on => k += 1,
        "out" if toks.get(k + 1)?.lower == "of" => k += 2,
        // "two of every five beans", "two of each ten workers".
        "of" if matches!(toks.get(k + 1)?.lower.as_str(), "every" | "each") => k += 1,
        _ => return None,
    }
    if toks
        .get(k)
        .is_some_and(|t| matches!(t.lower.as_str(), "every" | "each"))
    {
        k += 1;
    }
    if !toks.get(k).is_some_and(is_number_word) {
        return None;
    }
    let (whole, used) = read_number(toks, k);
    (whole > share && whole <= 1000.0 && share > 0.0).then_some((100.0 * share / whole, used))
}

/// How many words may stand between a share and its whole ("nine vehicles in every ten").
const NOUN_WORDS: usize = 2;

/// "nine vehicles in every ten", "six inhabitants on ten": a share with its noun between,
/// from the index after the share's number. Not "five people in 12 days": a whole with a
/// unit after it is no whole.
pub(super) fn share_over_noun(toks: &[Tok], after: usize, share: f64) -> Option<(f64, usize)> {
    (1..=NOUN_WORDS).find_map(|skip| {
        let words = toks.get(after..after + skip)?;
        if !words.iter().all(|w| {
            w.number.is_none() && !is_number_word(w) && w.lower.chars().all(char::is_alphabetic)
        }) {
            return None;
        }
        let (pct, used) = ratio(toks, after + skip, share, true)?;
        (unit_after(toks, used).is_none() && !toks.get(used).is_some_and(is_number_word))
            .then_some((pct, used))
    })
}

/// "every fourth school", "every second household": the share and the index after it.
pub(super) fn every_ordinal(toks: &[Tok], i: usize) -> Option<(f64, usize)> {
    if toks.get(i)?.lower != "every" {
        return None;
    }
    let next = &toks.get(i + 1)?.lower;
    let share = if next == "second" {
        50.0
    } else {
        FRACTIONS.number(next).filter(|_| next != "half")?
    };
    Some((share, i + 2))
}

/// "a mile and a half", "a day and a half": one and a half of the unit.
pub(super) fn and_a_half(toks: &[Tok], i: usize) -> Option<(Quantity, usize)> {
    let word = |k: usize| toks.get(k).map(|t| t.lower.as_str());
    if !matches!(word(i)?, "a" | "an")
        || (word(i + 2), word(i + 3), word(i + 4)) != (Some("and"), Some("a"), Some("half"))
    {
        return None;
    }
    let (u, factor) = unit(word(i + 1)?)?;
    (u != "percent").then_some((
        Quantity {
            value: 1.5 * factor,
            unit: u,
        },
        i + 5,
    ))
}
