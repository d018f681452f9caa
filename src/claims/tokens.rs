//! Claim sentences as tokens: words (hyphenated names kept whole), numbers as outlets
//! write them ("10 000", "4,5", a season's "2023/24" as one year, clock times as no
//! number), signs and the clause each stands in. One pass: linear in the text.

use super::signature::is_place;
use super::words::{NUMBER_WORDS, unit};

/// A word, number or sign of a claim sentence, with where it stands.
#[derive(Debug)]
pub(super) struct Tok {
    pub(super) lower: String,
    pub(super) capitalised: bool,
    /// Ended in "'s" (taken off): a name, even first in a sentence.
    pub(super) possessive: bool,
    /// First word of a sentence, where a capital says nothing.
    pub(super) initial: bool,
    pub(super) number: Option<f64>,
    /// Which clause (between commas, dashes, colons, brackets, sentence ends) it is in.
    pub(super) clause: u32,
    /// Written in capitals only, two letters or more ("MORE", "TKM"), or the article "A".
    pub(super) all_caps: bool,
    /// Part of a dateline ("KLAIPĖDA —"): where the story was filed, which may or may not
    /// be the place its claim is about.
    pub(super) dateline: bool,
}

impl Tok {
    /// A sign ("%", "$", a change's "+" or "-") in `clause`.
    fn sign(lower: String, clause: u32) -> Self {
        Self {
            lower,
            capitalised: false,
            possessive: false,
            initial: false,
            number: None,
            clause,
            all_caps: false,
            dateline: false,
        }
    }
}

/// Split a claim sentence into [`Tok`]s in one pass.
pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut initial = true;
    let mut clause = 0;
    // Until a word in lower case: a dateline, a stamp or a tag ("KUTAISI —", "09:40 —",
    // "(BW) DOHA --"), after whose dash the sentence begins.
    let mut heading = true;
    // The tokens before this index are a dateline's: names, however they are shouted.
    let mut dateline_end = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], '.' | ',')
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
            {
                i += 1;
            }
            let mut raw: String = chars[start..i].iter().collect();
            // "10 000" (a space, no-break or thin space between groups of three).
            while raw.len() <= 3 || raw.rsplit(',').next().is_some_and(|g| g.len() == 3) {
                let group = chars.get(i + 1..i + 4);
                let spaced = chars
                    .get(i)
                    .is_some_and(|c| matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'));
                if !spaced
                    || raw.contains('.')
                    || !group.is_some_and(|g| g.iter().all(char::is_ascii_digit))
                    || chars
                        .get(i + 4)
                        .is_some_and(|c| c.is_ascii_digit() || *c == '.')
                {
                    break;
                }
                raw.push(',');
                raw.extend(&chars[i + 1..i + 4]);
                i += 4;
            }
            // "the 2023/24 season", "2023/2024": the season's second year belongs to its
            // first, and is no figure of its own.
            let season_end = start > 0
                && matches!(chars[start - 1], '/' | '-' | '–')
                && out.last().is_some_and(|t: &Tok| {
                    t.lower.len() == 4
                        && t.number.is_some_and(|v| {
                            (1900.0..=2100.0).contains(&v) && is_season_end(v, &raw)
                        })
                });
            if season_end {
                continue;
            }
            // "Quetzal-1", "COVID-19", "F-16": a number hyphened onto a name is part of it.
            let of_a_name = start > 1
                && chars[start - 1] == '-'
                && chars[start - 2].is_alphabetic()
                && !chars.get(i).is_some_and(|c| c.is_alphabetic())
                && out
                    .last()
                    .is_some_and(|t: &Tok| t.capitalised || t.all_caps);
            if of_a_name {
                if let Some(last) = out.last_mut() {
                    last.lower.push('-');
                    last.lower.extend(&chars[start..i]);
                }
                continue;
            }
            // "10:42 —", "at 09:15": a clock time is no figure of the claim.
            let clock = raw.len() <= 2
                && chars.get(i) == Some(&':')
                && chars
                    .get(i + 1..i + 3)
                    .is_some_and(|m| m.iter().all(char::is_ascii_digit))
                && !chars.get(i + 3).is_some_and(char::is_ascii_digit);
            if clock {
                i += 3;
                out.push(Tok {
                    lower: chars[start..i].iter().collect(),
                    capitalised: false,
                    possessive: false,
                    initial,
                    number: None,
                    clause,
                    all_caps: false,
                    dateline: false,
                });
                initial = false;
                continue;
            }
            out.push(Tok {
                number: parse_number(&raw),
                lower: raw,
                capitalised: false,
                possessive: false,
                initial,
                clause,
                all_caps: false,
                dateline: false,
            });
            initial = false;
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphabetic()
                    || (matches!(chars[i], '\'' | '’' | '-')
                        && chars.get(i + 1).is_some_and(|c| c.is_alphabetic())))
            {
                i += 1;
            }
            let mut word: String = chars[start..i].iter().collect();
            // "km2", "m²": an area.
            let squared = chars.get(i).is_some_and(|&c| c == '²')
                || (chars.get(i) == Some(&'2')
                    && !chars.get(i + 1).is_some_and(|c| c.is_alphanumeric()));
            if squared && unit(&word).is_some_and(|(q, _)| q == "length") {
                word.push('2');
                i += 1;
            }
            if word.chars().any(char::is_lowercase) {
                heading = false;
            }
            let lower = word.to_lowercase().replace('’', "'");
            // A tabloid's "CHOC HORROR", "CRASHED": shouting, not names (acronyms are short).
            let shouted = word.chars().filter(|c| c.is_alphabetic()).count() >= 5
                && word.chars().all(|c| !c.is_lowercase())
                && !is_place(&lower);
            // "d'Ivoire", "l'Aquila": the name's capital comes after the article.
            let elided = matches!(c, 'd' | 'l')
                && word.chars().nth(1).is_some_and(|a| matches!(a, '\'' | '’'))
                && word.chars().nth(2).is_some_and(char::is_uppercase);
            let capitalised = (c.is_uppercase() || elided) && !shouted;
            let caps = (word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && word.chars().all(|c| !c.is_lowercase()))
                || word == "A";
            // "didn't" stays whole (a negation); "Spain's" loses its possessive.
            let (lower, possessive) = match lower.strip_suffix("'s") {
                Some(stem) if !stem.is_empty() => (stem.to_owned(), true),
                _ => (lower, false),
            };
            // "Guinea-Bissau", "Timor-Leste": a name of capitalised parts stays whole.
            let one_name = word.contains('-')
                && word
                    .split('-')
                    .all(|p| p.chars().next().is_some_and(char::is_uppercase))
                && word.chars().any(char::is_lowercase);
            let parts: Vec<&str> = if one_name {
                vec![lower.as_str()]
            } else {
                lower.split('-').collect()
            };
            // "twenty-first place": a rank, one number.
            if let [tens, unit] = parts.as_slice()
                && let Some(rank) = compound_ordinal(tens, unit)
            {
                out.push(Tok {
                    lower: lower.clone(),
                    capitalised,
                    possessive,
                    initial,
                    number: Some(rank),
                    clause,
                    all_caps: caps,
                    dateline: false,
                });
                initial = false;
                continue;
            }
            for (n, part) in parts.into_iter().enumerate() {
                if part.is_empty() {
                    continue;
                }
                out.push(Tok {
                    lower: part.to_owned(),
                    capitalised: capitalised && n == 0,
                    possessive,
                    // A hyphenated name is a name even first in a sentence.
                    initial: initial && !one_name,
                    number: None,
                    clause,
                    all_caps: caps,
                    dateline: false,
                });
            }
            initial = false;
        } else {
            // "-33% y/y", "+17%": a signed change says which way it went.
            let signed = matches!(c, '-' | '−' | '+')
                && chars.get(i + 1).is_some_and(char::is_ascii_digit)
                && (i == 0 || chars[i - 1].is_whitespace() || chars[i - 1] == '(');
            if signed {
                out.push(Tok::sign(
                    if c == '+' { "+" } else { "-" }.to_owned(),
                    clause,
                ));
            }
            if matches!(c, '%' | '$' | '€' | '£' | '¥') {
                out.push(Tok::sign(c.to_string(), clause));
            }
            if matches!(c, '.' | '!' | '?' | ':' | ';' | '"' | '“' | '«' | '\n') {
                initial = true;
            }
            // "DOHA -- Qatari LNG", "PARIS - The": a dash typed as hyphens parts clauses too.
            let typed_dash = c == '-'
                && (chars.get(i + 1) == Some(&'-')
                    || (i > 0
                        && chars[i - 1].is_whitespace()
                        && chars.get(i + 1).is_some_and(|n| n.is_whitespace())));
            if (typed_dash || matches!(c, '—' | '–')) && heading && !out.is_empty() {
                initial = true;
                heading = false;
                for t in &mut out[dateline_end..] {
                    if t.all_caps && !KICKERS.contains(&t.lower.as_str()) {
                        t.capitalised = true;
                        t.initial = false;
                        t.dateline = true;
                    }
                }
                dateline_end = out.len();
            }
            if typed_dash
                || matches!(
                    c,
                    '.' | '!' | '?' | ':' | ';' | ',' | '—' | '–' | '(' | ')' | '\n'
                )
            {
                clause += 1;
            }
            i += 1;
        }
    }
    // "FORTY PER CENT MORE", "A MILE AND A HALF": words in a run of capitals are shouted,
    // whatever their length; a capitalised word alone in its clause ("TKM", "(BW) DOHA --")
    // is still a name.
    let caps: Vec<(bool, u32)> = out.iter().map(|t| (t.all_caps, t.clause)).collect();
    for (k, t) in out.iter_mut().enumerate() {
        let shouting = |n: Option<&(bool, u32)>| n.is_some_and(|&(c, cl)| c && cl == t.clause);
        let run = (k > 0 && shouting(caps.get(k - 1))) || shouting(caps.get(k + 1));
        if t.all_caps && run && !is_place(&t.lower) && k >= dateline_end {
            t.capitalised = false;
        }
    }
    out
}

/// Words a heading shouts before its dash that name no place ("BREAKING —").
const KICKERS: &[&str] = &[
    "breaking",
    "exclusive",
    "update",
    "updated",
    "live",
    "watch",
    "analysis",
    "opinion",
    "comment",
    "editorial",
    "factbox",
    "explainer",
    "correction",
    "urgent",
    "flash",
    "newsletter",
];

/// Whether `raw` ends the season a year opens ("2023/24", "2023-2024"); "2018–2023" is a
/// span of years, both kept.
/// "twenty-first" → 21, "ninety-ninth" → 99.
fn compound_ordinal(tens: &str, unit: &str) -> Option<f64> {
    let tens = NUMBER_WORDS
        .number(tens)
        .filter(|v| (20.0..100.0).contains(v) && v % 10.0 == 0.0)?;
    let units = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    ];
    let u = units.iter().position(|w| *w == unit)?;
    Some(tens + u as f64 + 1.0)
}

fn is_season_end(year: f64, raw: &str) -> bool {
    let Ok(end) = raw.parse::<u32>() else {
        return false;
    };
    let year = year as u32;
    match raw.len() {
        2 => end == (year + 1) % 100,
        4 => end == year + 1,
        _ => false,
    }
}

/// "4,500" is 4500, "4,5" and "4.5" are 4.5.
fn parse_number(raw: &str) -> Option<f64> {
    let groups: Vec<&str> = raw.split(',').collect();
    let thousands = groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3);
    let clean = if thousands {
        raw.replace(',', "")
    } else if groups.len() == 2 {
        raw.replace(',', ".")
    } else {
        // "9,9,9": a list, not a number; its first item.
        groups[0].to_owned()
    };
    clean
        .parse()
        .ok()
        .or_else(|| clean.split('.').next()?.parse().ok())
}
