//! The word lists of `claims/words/*.txt` as lookups (built on first use): one entry a
//! line, the word then its value, `#` comments.

use foldhash::HashMap;
use std::sync::OnceLock;

/// A data file of `word value` lines as a map (a line without a value maps to "").
pub struct WordMap {
    text: &'static str,
    /// `word value` lines; otherwise every word of a line is an entry of its own.
    pairs: bool,
    map: OnceLock<HashMap<&'static str, &'static str>>,
}

impl WordMap {
    /// A file of `word value` lines.
    pub const fn new(text: &'static str) -> Self {
        Self {
            text,
            pairs: true,
            map: OnceLock::new(),
        }
    }

    /// A file of words only, any number a line.
    pub const fn words(text: &'static str) -> Self {
        Self {
            text,
            pairs: false,
            map: OnceLock::new(),
        }
    }

    fn map(&self) -> &HashMap<&'static str, &'static str> {
        self.map.get_or_init(|| {
            let entries = self
                .text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'));
            if self.pairs {
                entries
                    .filter_map(|l| {
                        let mut f = l.split_whitespace();
                        Some((f.next()?, f.next().unwrap_or("")))
                    })
                    .collect()
            } else {
                entries
                    .flat_map(str::split_whitespace)
                    .map(|w| (w, ""))
                    .collect()
            }
        })
    }

    pub fn get(&self, word: &str) -> Option<&'static str> {
        self.map().get(word).copied()
    }

    pub fn contains(&self, word: &str) -> bool {
        self.map().contains_key(word)
    }

    /// The value as a number (number words, scales, fractions).
    pub fn number(&self, word: &str) -> Option<f64> {
        self.get(word).and_then(|v| v.parse().ok())
    }
}

pub static STOPWORDS: WordMap = WordMap::words(include_str!("words/stopwords.txt"));
pub static NEGATIONS: WordMap = WordMap::words(include_str!("words/negations.txt"));
pub static DIRECTIONS: WordMap = WordMap::new(include_str!("words/directions.txt"));
pub static NUMBER_WORDS: WordMap = WordMap::new(include_str!("words/number_words.txt"));
pub static SCALES: WordMap = WordMap::new(include_str!("words/scales.txt"));
pub static FRACTIONS: WordMap = WordMap::new(include_str!("words/fractions.txt"));
pub static SYNONYMS: WordMap = WordMap::new(include_str!("words/synonyms.txt"));
pub static FACTORS: WordMap = WordMap::new(include_str!("words/factors.txt"));
pub static PLACE_MODIFIERS: WordMap = WordMap::words(include_str!("words/place_modifiers.txt"));
pub static HEDGES: WordMap = WordMap::words(include_str!("words/hedges.txt"));
pub static DEMONYMS: WordMap = WordMap::new(include_str!("words/demonyms.txt"));

/// A unit word: its quantity and the factor to that quantity's base unit.
pub fn unit(word: &str) -> Option<(&'static str, f64)> {
    static UNITS: OnceLock<HashMap<&'static str, (&'static str, f64)>> = OnceLock::new();
    UNITS
        .get_or_init(|| {
            include_str!("words/units.txt")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .filter_map(|l| {
                    let f: Vec<&'static str> = l.split_whitespace().collect();
                    Some((*f.first()?, (*f.get(1)?, f.get(2)?.parse().ok()?)))
                })
                .collect()
        })
        .get(word)
        .copied()
}
