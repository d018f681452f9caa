//! Numbers as news writes them: digits with separators ("4,000"), number words
//! ("Fifteen", "Thirty-one", "twenty one", "two hundred"), scaled digits ("1.2 million"),
//! and vague quantities ("dozens of", "hundreds of thousands") that only say an order of
//! magnitude. The qualifier in front ("at least", "about", "more than") is kept, because
//! an approximate value does not contradict a close precise one.

use crate::assist::text::Token;

/// A number written in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberExpr {
    /// The value; for vague quantities the lower bound of their order of magnitude.
    pub value: f64,
    /// "hundreds of", "dozens": an order of magnitude, never compared with a precise value.
    pub vague: bool,
    /// First token of the number (after its qualifier).
    pub first: usize,
    /// The token after the number.
    pub next: usize,
}

/// What stands in front of a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    None,
    /// "about", "around", "nearly", "some", "roughly", "an estimated".
    About,
    /// "at least", "more than", "over".
    AtLeast,
    /// "at most", "up to", "fewer than", "less than".
    AtMost,
}

impl Qualifier {
    /// The qualifier as the reading of a value writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "",
            Self::About => "about ",
            Self::AtLeast => "at least ",
            Self::AtMost => "at most ",
        }
    }
}

/// The qualifier ending right before token `i`, and how many tokens it takes.
pub fn qualifier_before(lowers: &[&str], i: usize) -> (Qualifier, usize) {
    let at = |k: usize| i.checked_sub(k).map(|k| lowers[k]).unwrap_or("");
    match (at(2), at(1)) {
        ("more" | "over", "than") => (Qualifier::AtLeast, 2),
        ("at", "least") => (Qualifier::AtLeast, 2),
        ("fewer" | "less", "than") | ("at", "most") | ("up", "to") => (Qualifier::AtMost, 2),
        ("an", "estimated") => (Qualifier::About, 2),
        (_, "over") => (Qualifier::AtLeast, 1),
        (_, "about" | "around" | "nearly" | "almost" | "some" | "roughly" | "approximately") => {
            (Qualifier::About, 1)
        }
        (_, "estimated") => (Qualifier::About, 1),
        _ => (Qualifier::None, 0),
    }
}

fn unit_word(w: &str) -> Option<f64> {
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
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return None,
    })
}

fn tens_word(w: &str) -> Option<f64> {
    Some(match w {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 100.0,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        _ => return None,
    })
}

/// "thirty-one", "twenty", "seven": a number below a hundred written as one word.
fn small_number_word(w: &str) -> Option<f64> {
    if let Some(v) = unit_word(w).or_else(|| tens_word(w)) {
        return Some(v);
    }
    let (tens, unit) = w.split_once('-')?;
    Some(tens_word(tens)? + unit_word(unit).filter(|u| *u < 10.0)?)
}

/// Whether a lower-case word is a number word ("fifteen", "thirty-one", "dozen").
pub fn is_number_word(w: &str) -> bool {
    small_number_word(w).is_some() || scale_word(w).is_some() || w == "dozen"
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

/// Digits with thousands separators ("4,000", "12"), or a decimal ("1.2") when `scaled`
/// will multiply it. Tokens such as "3.50am", "9th" or "2031-04-12" are no numbers.
fn digits(text: &str, allow_decimal: bool) -> Option<f64> {
    let first = text.chars().next()?;
    if !first.is_ascii_digit() {
        return None;
    }
    let mut seen_dot = false;
    for c in text.chars() {
        match c {
            '0'..='9' | ',' => {}
            '.' if allow_decimal && !seen_dot => seen_dot = true,
            _ => return None,
        }
    }
    text.replace(',', "").parse().ok()
}

/// The number expression starting at token `i`, if one does.
pub fn number_at(toks: &[Token], lowers: &[&str], i: usize) -> Option<NumberExpr> {
    let at = |k: usize| lowers.get(k).copied().unwrap_or("");
    let w = at(i);
    let expr = |value, vague, next| {
        Some(NumberExpr {
            value,
            vague,
            first: i,
            next,
        })
    };
    if let Some(v) = vague_word(w) {
        // "hundreds of thousands", "dozens".
        if at(i + 1) == "of"
            && let Some(v2) = vague_word(at(i + 2))
        {
            return expr(v * v2, true, i + 3);
        }
        return expr(v, true, i + 1);
    }
    if w == "tens"
        && at(i + 1) == "of"
        && let Some(v2) = vague_word(at(i + 2))
    {
        return expr(10.0 * v2, true, i + 3);
    }
    // "a dozen" is precise enough (12); "a hundred" too.
    let scaled_next = scale_word(at(i + 1)).is_some();
    let base = if let Some(v) = digits(&toks[i].text, scaled_next) {
        v
    } else if let Some(v) = small_number_word(w) {
        v
    } else if w == "dozen" {
        12.0
    } else {
        return None;
    };
    let mut value = base;
    let mut next = i + 1;
    // "twenty one" (two words) and "two hundred", "1.2 million", "two hundred and fifty".
    if tens_word(w).is_some()
        && let Some(u) = unit_word(at(next)).filter(|u| *u < 10.0)
    {
        value += u;
        next += 1;
    }
    while let Some(scale) = scale_word(at(next)) {
        value *= scale;
        next += 1;
        if scale == 100.0
            && at(next) == "and"
            && let Some(rest) = small_number_word(at(next + 1))
        {
            value += rest;
            next += 2;
        }
    }
    if value.fract() != 0.0 && next == i + 1 {
        return None;
    }
    expr(value, false, next)
}

/// A number's order of magnitude (vague values compare by it).
pub fn magnitude(v: f64) -> i32 {
    if v <= 0.0 {
        0
    } else {
        v.log10().floor() as i32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assist::text::Doc;

    fn read(s: &str) -> Option<(f64, bool, usize)> {
        let doc = Doc::new(s);
        let lowers: Vec<&str> = doc.tokens.iter().map(Token::lower).collect();
        number_at(&doc.tokens, &lowers, 0).map(|n| (n.value, n.vague, n.next))
    }

    #[test]
    fn numbers_are_read_in_digits_and_words() {
        assert_eq!(read("4,000 residents"), Some((4000.0, false, 1)));
        assert_eq!(read("Thirty-one people"), Some((31.0, false, 1)));
        assert_eq!(read("twenty one people"), Some((21.0, false, 2)));
        assert_eq!(read("two hundred and fifty homes"), Some((250.0, false, 4)));
        assert_eq!(read("1.2 million people"), Some((1.2e6, false, 2)));
        assert_eq!(read("hundreds of thousands"), Some((1e5, true, 3)));
        assert_eq!(read("Dozens of homes"), Some((10.0, true, 1)));
        // Times and ordinals are no counts.
        assert_eq!(read("3.50am"), None);
        assert_eq!(read("9th"), None);
        assert_eq!(read("1.5"), None);
    }

    #[test]
    fn qualifiers_are_read_before_the_number() {
        let l = ["at", "least", "12"];
        assert_eq!(qualifier_before(&l, 2), (Qualifier::AtLeast, 2));
        let l = ["about", "4,000"];
        assert_eq!(qualifier_before(&l, 1), (Qualifier::About, 1));
        let l = ["more", "than", "6,500"];
        assert_eq!(qualifier_before(&l, 2), (Qualifier::AtLeast, 2));
    }
}
