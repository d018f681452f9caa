//! Places as claims name them: demonyms read as their place ("Norwegians" → "norway"),
//! the places the demonym list knows, and the nouns after which "of" names a place.

use super::words::DEMONYMS;
use std::collections::HashSet;
use std::sync::OnceLock;

/// The place a demonym names, the people's plural included ("Norwegians" → "norway").
pub(super) fn demonym(lower: &str) -> Option<&'static str> {
    // A place of several words is listed with `_` between them ("ivory_coast").
    let joined;
    let lower = if lower.contains(' ') {
        joined = lower.replace(' ', "_");
        joined.as_str()
    } else {
        lower
    };
    DEMONYMS
        .get(lower)
        .or_else(|| DEMONYMS.get(lower.strip_suffix('s')?))
}

/// A place's name as the demonym list names it ("uk" → "britain"), else as written.
pub(super) fn canonical_place(name: &str) -> String {
    demonym(name).map_or_else(|| name.to_owned(), str::to_owned)
}

/// A place the demonym list knows (as an adjective or as the place).
pub(crate) fn is_place(lower: &str) -> bool {
    static PLACES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    demonym(lower).is_some()
        || PLACES
            .get_or_init(|| {
                include_str!("words/demonyms.txt")
                    .lines()
                    .filter(|l| !l.trim_start().starts_with('#'))
                    .filter_map(|l| l.split_whitespace().nth(1))
                    .collect()
            })
            .contains(lower)
}

/// Nouns after which "of" names a place ("the city of Derna").
pub(super) const PLACE_NOUNS: &[&str] = &[
    "city",
    "town",
    "port",
    "region",
    "province",
    "state",
    "island",
    "islands",
    "village",
    "district",
    "county",
    "capital",
    "municipality",
    "department",
    "republic",
    "kingdom",
];
