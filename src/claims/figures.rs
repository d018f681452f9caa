//! Numbers and units as claims write them: digits and words ("4.5 million", "two hundred
//! and fifty", "sixty-one point three"), spoken years ("twenty twenty-three"), and the unit
//! after a number ("square kilometres", "cubic metres", "per cent"). Each reads a few
//! tokens from where it starts.

use super::shares::ratio_after;
use super::tokens::Tok;
use super::words::{FRACTIONS, NUMBER_WORDS, SCALES, unit};

/// Whether a token is a number, in digits or words.
pub(super) fn is_number_word(t: &Tok) -> bool {
    t.number.is_some() || NUMBER_WORDS.contains(&t.lower)
}

/// Read the number starting at `i` ("4.5 million", "two hundred and fifty", "thirty");
/// returns its value and the index after it.
pub(super) fn read_number(toks: &[Tok], mut i: usize) -> (f64, usize) {
    if let Some(year) = spoken_year(toks, i) {
        return year;
    }
    let (mut total, mut current) = (0.0, 0.0);
    let mut digits = false;
    // "a thousand", "a million": one of the scale.
    if toks
        .get(i)
        .is_some_and(|t| matches!(t.lower.as_str(), "a" | "an"))
        && toks.get(i + 1).is_some_and(|t| SCALES.contains(&t.lower))
    {
        current = 1.0;
        i += 1;
    }
    let mut last_scale = 0.0;
    let clause = toks.get(i).map(|t| t.clause);
    while i < toks.len() {
        let t = &toks[i];
        // "In 2023, thirty years later": a comma ends the number.
        if Some(t.clause) != clause {
            break;
        }
        // "a thousand million": a scale of a scale.
        if let Some(scale) = SCALES.number(&t.lower)
            && current == 0.0
            && total > 0.0
            && scale >= 1000.0
            && last_scale >= 1000.0
            && scale > last_scale
        {
            total *= scale;
            last_scale = scale;
            i += 1;
            continue;
        }
        if let Some(v) = t.number {
            // "Q1 2024", "09:12", "11.1 million 60-kilo bags": two numbers, not a sum.
            if digits {
                break;
            }
            digits = true;
            current += v;
        } else if let Some(scale) = SCALES.number(&t.lower).filter(|_| current > 0.0) {
            if scale >= 1000.0 {
                total += current * scale;
                current = 0.0;
                last_scale = scale;
            } else {
                current *= scale;
            }
        } else if let Some(v) = NUMBER_WORDS.number(&t.lower).filter(|_| !digits) {
            // Not "2023 thirty": words add to words, not to digits.
            current += v;
        } else if t.lower == "point" && toks.get(i + 1).is_some_and(is_digit_word) {
            // "sixty-one point three": each digit word after "point" is a decimal place.
            let mut place = 0.1;
            while let Some(d) = toks.get(i + 1).filter(|t| is_digit_word(t)) {
                current += place * NUMBER_WORDS.number(&d.lower).unwrap_or(0.0);
                place /= 10.0;
                i += 1;
            }
        } else if t.lower == "and"
            && current > 0.0
            && toks.get(i + 1).is_some_and(|a| a.lower == "a")
            && toks.get(i + 2).is_some_and(|h| h.lower == "half")
        {
            // "forty-five and a half".
            current += 0.5;
            i += 2;
        } else if t.lower == "and"
            && toks
                .get(i + 1)
                .is_some_and(|n| n.number.is_none() && is_number_word(n))
            && current > 0.0
        {
            // "two hundred and fifty"; "between 2013 and 2018" is two numbers.
        } else {
            break;
        }
        i += 1;
    }
    (total + current, i)
}

/// A year said as two pairs of digits ("twenty twenty-three", "nineteen ninety-eight",
/// "twenty ten"): its value and the index after it.
pub(super) fn spoken_year(toks: &[Tok], i: usize) -> Option<(f64, usize)> {
    let century = match toks.get(i)?.lower.as_str() {
        "nineteen" => 19.0,
        "twenty" => 20.0,
        _ => return None,
    };
    let word = |k: usize| {
        toks.get(k)
            .filter(|t| t.number.is_none())
            .and_then(|t| NUMBER_WORDS.number(&t.lower))
    };
    let tens = word(i + 1).filter(|v| (10.0..100.0).contains(v) && v.fract() == 0.0)?;
    // "twenty twenty-three": the tens, then a unit when the tens are round.
    let (rest, next) = match word(i + 2) {
        Some(u) if tens % 10.0 == 0.0 && tens >= 20.0 && (1.0..10.0).contains(&u) => {
            (tens + u, i + 3)
        }
        _ => (tens, i + 2),
    };
    Some((century * 100.0 + rest, next))
}

/// "zero" … "nine": a decimal place after "point".
pub(super) fn is_digit_word(t: &Tok) -> bool {
    NUMBER_WORDS
        .number(&t.lower)
        .is_some_and(|v| v < 10.0 && v.fract() == 0.0)
}

/// A number written as a year: four digits alone between 1900 and 2100 ("2,000" is not).
pub(super) fn year_like(toks: &[Tok], from: usize, after: usize, value: f64) -> bool {
    let written =
        toks[from].number.is_some() && !toks[from].lower.contains(',') && after == from + 1;
    (written || spoken_year(toks, from).is_some_and(|(_, end)| end == after))
        && (1900.0..=2100.0).contains(&value)
        && value.fract() == 0.0
}

pub(super) fn next_is_numeric(toks: &[Tok], i: usize) -> bool {
    // "one and a half metres".
    let word = |k: usize| toks.get(k).map(|t| t.lower.as_str());
    // "one point one million".
    if word(i + 1) == Some("point") && toks.get(i + 2).is_some_and(is_digit_word) {
        return true;
    }
    if word(i + 1) == Some("and") && word(i + 2) == Some("a") && word(i + 3) == Some("half") {
        return true;
    }
    if toks
        .get(i + 1)
        .is_some_and(|n| matches!(n.lower.as_str(), "in" | "out"))
    {
        return ratio_after(toks, i + 1, 1.0).is_some();
    }
    toks.get(i + 1).is_some_and(|n| {
        SCALES.contains(&n.lower) || FRACTIONS.contains(&n.lower) || is_number_word(n)
    })
}

/// The unit after a number, skipping one word ("4 million more people"): quantity,
/// factor and the index after the unit.
pub(super) fn unit_after(toks: &[Tok], at: usize) -> Option<(&'static str, f64, usize)> {
    let first = toks.get(at)?;
    // "square kilometres", "sq miles": an area, in square kilometres.
    if matches!(first.lower.as_str(), "square" | "sq")
        && let Some(("length", cm)) = toks.get(at + 1).and_then(|t| unit(&t.lower))
    {
        return Some(("area", (cm / 100_000.0).powi(2), at + 2));
    }
    // "cubic metres": a volume, in litres.
    if first.lower == "cubic"
        && let Some(("length", cm)) = toks.get(at + 1).and_then(|t| unit(&t.lower))
    {
        return Some(("volume", (cm / 100.0).powi(3) * 1000.0, at + 2));
    }
    // "34 milliards of cubic metres".
    if first.lower == "of"
        && toks
            .get(at + 1)
            .is_some_and(|t| matches!(t.lower.as_str(), "cubic" | "square"))
    {
        return unit_after(toks, at + 1);
    }
    if matches!(first.lower.as_str(), "per" | "percentage")
        && toks
            .get(at + 1)
            .is_some_and(|t| matches!(t.lower.as_str(), "cent" | "points" | "point"))
    {
        return Some(("percent", 1.0, at + 2));
    }
    if let Some((u, f)) = unit(&first.lower) {
        return Some((u, f, at + 1));
    }
    // "11.1 million 60-kilo bags": the skipped word is never another number.
    if first.number.is_some() {
        return None;
    }
    let second = toks.get(at + 1)?;
    unit(&second.lower)
        .filter(|(u, _)| !matches!(*u, "percent" | "usd" | "eur" | "gbp" | "jpy"))
        .map(|(u, f)| (u, f, at + 2))
}
