//! Word lists kept as data (`src/assist/words/*.txt`, one word a line, `#` comments) and
//! the calendar words every suggester shares, so no list is copied into code twice.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A fixed list of lower-case words with hashed lookup (built on first use).
pub struct WordList {
    source: Source,
    set: OnceLock<HashSet<&'static str>>,
}

enum Source {
    Words(&'static [&'static str]),
    /// One word a line; after the word, optional tags (see [`TaggedWords`]).
    Text(&'static str),
}

/// The words of a data file: first field of each line, blank lines and `#` comments skipped.
fn lines(text: &'static str) -> impl Iterator<Item = (&'static str, Vec<&'static str>)> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut fields = l.split_whitespace();
            fields.next().map(|w| (w, fields.collect()))
        })
}

impl WordList {
    /// A short list written in code.
    pub const fn new(words: &'static [&'static str]) -> Self {
        Self {
            source: Source::Words(words),
            set: OnceLock::new(),
        }
    }

    /// A list kept in a data file (`include_str!`).
    pub const fn from_text(text: &'static str) -> Self {
        Self {
            source: Source::Text(text),
            set: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| match self.source {
                Source::Words(w) => w.iter().copied().collect(),
                Source::Text(t) => lines(t).map(|(w, _)| w).collect(),
            })
            .contains(word)
    }
}

/// A data file whose lines carry tags after the word ("said clause addressee"): one list
/// and the sub-lists derived from it, so a sub-list can never hold a word the list lacks.
pub struct TaggedWords {
    text: &'static str,
    map: OnceLock<HashMap<&'static str, Vec<&'static str>>>,
}

impl TaggedWords {
    pub const fn from_text(text: &'static str) -> Self {
        Self {
            text,
            map: OnceLock::new(),
        }
    }

    fn map(&self) -> &HashMap<&'static str, Vec<&'static str>> {
        // A word listed on two lines keeps the tags of both, in file order.
        self.map.get_or_init(|| {
            let mut map: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
            for (word, tags) in lines(self.text) {
                map.entry(word).or_default().extend(tags);
            }
            map
        })
    }

    pub fn contains(&self, word: &str) -> bool {
        self.map().contains_key(word)
    }

    /// The first tag `word` is listed with.
    pub fn tag(&self, word: &str) -> Option<&'static str> {
        self.map().get(word).and_then(|t| t.first().copied())
    }

    /// Whether `word` is listed with `tag`.
    pub fn has_tag(&self, word: &str, tag: &str) -> bool {
        self.map().get(word).is_some_and(|t| t.contains(&tag))
    }
}

/// Month names, January first (dates are read in English).
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Usual month abbreviations, January first ("sept" is read as well).
const MONTH_ABBREVIATIONS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Day names, Monday first (as `chrono::Weekday::num_days_from_monday`).
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A month's number (1–12) from its lower-case name or abbreviation ("jan.", "sept").
pub fn month(lower: &str) -> Option<u32> {
    let w = lower.trim_end_matches('.');
    let i = MONTHS
        .iter()
        .position(|m| *m == w)
        .or_else(|| MONTH_ABBREVIATIONS.iter().position(|m| *m == w))
        .or_else(|| (w == "sept").then_some(8))?;
    Some(i as u32 + 1)
}

/// Abbreviations of months that are also written with a full stop ("Jan.", "Sept.").
pub fn is_month_abbreviation(lower: &str) -> bool {
    let w = lower.trim_end_matches('.');
    w == "sept" || (MONTH_ABBREVIATIONS.contains(&w) && !MONTHS.contains(&w))
}

/// A weekday's number from Monday (0) to Sunday (6).
pub fn weekday(lower: &str) -> Option<u32> {
    WEEKDAYS.iter().position(|d| *d == lower).map(|i| i as u32)
}

/// A month or day name written out ("march", "friday").
pub fn is_calendar_name(lower: &str) -> bool {
    MONTHS.contains(&lower) || weekday(lower).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_from_text_skip_comments_and_tags_derive_sub_lists() {
        static L: WordList = WordList::from_text("# a comment\nsaid\n\n  told  \n");
        assert!(L.contains("said") && L.contains("told") && !L.contains("# a comment"));
        static T: TaggedWords =
            TaggedWords::from_text("said clause\nshouted\ntold clause addressee\n");
        assert!(T.contains("shouted") && !T.has_tag("shouted", "clause"));
        assert!(T.has_tag("told", "addressee") && T.has_tag("said", "clause"));
    }

    #[test]
    fn calendar_words() {
        assert_eq!(month("sept."), Some(9));
        assert_eq!(month("may"), Some(5));
        assert_eq!(month("dec"), Some(12));
        assert!(is_month_abbreviation("jan.") && !is_month_abbreviation("may"));
        assert_eq!(weekday("sunday"), Some(6));
        assert!(is_calendar_name("march") && !is_calendar_name("mar"));
    }
}
