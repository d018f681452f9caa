//! Which places lie within which: a dateline's "YEREVAN —" and a wire's "Armenian brandy
//! exports" may state one figure, "Klaipėda" and "Lithuania" may, "Halifax" and "St.
//! John's" never do. The list (`words/gazetteer.txt`) holds every city of 100,000 people
//! or more and every capital with its first-level region and country, and every
//! first-level region with its country, from GeoNames (CC BY 4.0).
//!
//! Only names already read as names are looked up: the list says how two places relate,
//! never whether a capitalised word is a place ("Reading", "Mobile" and "Nice" are cities
//! too).

use super::signature::canonical_place;
use foldhash::{HashMap, HashSet};
use std::borrow::Cow;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// Whether `inner` lies within `outer` (a city within its region or country, a region
/// within its country), as the list knows them.
pub fn within(inner: &str, outer: &str) -> bool {
    let Some(c) = containers(inner) else {
        return false;
    };
    let outer = fold(outer);
    c.iter().any(|o| *o == *outer)
}

/// Whether either of two names lies within the other.
pub fn nested(a: &str, b: &str) -> bool {
    within(a, b) || within(b, a)
}

/// Whether the list knows `name` as a city, region or country.
pub fn is_listed(name: &str) -> bool {
    let key = fold(name);
    let list = list();
    list.within.contains_key(&*key) || list.outer.contains(&*key)
}

/// The list: each place with the places it lies within, and every such outer place.
struct Gazetteer {
    within: HashMap<String, Vec<String>>,
    outer: HashSet<String>,
}

fn list() -> &'static Gazetteer {
    static LIST: OnceLock<Gazetteer> = OnceLock::new();
    LIST.get_or_init(|| {
        let within: HashMap<String, Vec<String>> = include_str!("words/gazetteer.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut parts = l.split('\t');
                let place = parts.next()?.to_owned();
                // Countries as the demonym list names them ("united kingdom" → "britain").
                let outer: Vec<String> = parts
                    .map(|p| fold(&canonical_place(p)).into_owned())
                    .collect();
                Some((place, outer))
            })
            .collect();
        let outer = within.values().flatten().cloned().collect();
        Gazetteer { within, outer }
    })
}

fn containers(name: &str) -> Option<&'static Vec<String>> {
    list().within.get(&*fold(name))
}

/// Lower case, accents off, `_` as a space: "Klaipėda", "klaipeda" and the demonym
/// list's "cape_verde" as the list writes them.
fn fold(name: &str) -> Cow<'_, str> {
    // Most names are plain lower-case ASCII already: no copy (agreement asks for every
    // pair of names it compares).
    if name
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'_')
    {
        return Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len());
    for c in name
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
    {
        match c {
            '_' => out.push(' '),
            'ø' => out.push('o'),
            'ł' => out.push('l'),
            'đ' | 'ð' => out.push('d'),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ß' => out.push_str("ss"),
            'ı' => out.push('i'),
            '’' => out.push('\''),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cities_lie_within_their_region_and_country_and_not_in_others() {
        assert!(within("yerevan", "armenia"));
        assert!(within("Klaipėda", "lithuania"));
        assert!(within("winnipeg", "manitoba"));
        assert!(within("manitoba", "canada"));
        assert!(nested("armenia", "yerevan"));
        assert!(!nested("halifax", "st. john's"));
        assert!(!within("yerevan", "georgia"));
        assert!(!within("kutaisi", "armenia"));
        assert!(is_listed("denpasar") && is_listed("lithuania") && !is_listed("of"));
    }
}
