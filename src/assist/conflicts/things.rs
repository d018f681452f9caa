//! Things counted: a number before a plural noun that is no person and no measure ("six
//! carriages", "84 flats", "240 stewards", "9 fire engines"). Outlets that count one thing
//! differently disagree; an article giving two figures for one noun ("two boats capsized,
//! three searched") says nothing comparable and is left out when compared (`compare`).
//! Every number looks at the two tokens after it: linear in the sentence.

use super::counts::is_no_count;
use super::numbers::{self, Qualifier};
use super::ontology::{self, Context, Role};
use crate::assist::text::Token;
use crate::assist::words::{TaggedWords, WordList};

static MEASURES: WordList = WordList::from_text(include_str!("../words/measure_words.txt"));
static SYNONYMS: TaggedWords = TaggedWords::from_text(include_str!("../words/thing_synonyms.txt"));

/// A count of things read from a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct ThingCount {
    /// The noun in the singular, lower case ("carriage").
    pub noun: String,
    pub value: f64,
    pub qualifier: Qualifier,
    /// Tokens of the value with its qualifier and noun.
    pub first: usize,
    pub next: usize,
}

/// The singular of a plural noun, if it is one ("carriages" → "carriage", "boxes" → "box",
/// "ferries" → "ferry").
fn singular(w: &str) -> Option<String> {
    if w.chars().count() < 4 || !w.ends_with('s') || w.ends_with("ss") || w.ends_with("us") {
        return None;
    }
    Some(if let Some(stem) = w.strip_suffix("ies") {
        format!("{stem}y")
    } else if w.ends_with("xes") || w.ends_with("ches") || w.ends_with("shes") {
        w[..w.len() - 2].to_owned()
    } else {
        w[..w.len() - 1].to_owned()
    })
}

/// A noun that counts what its own figure says elsewhere (people, the dead, homes) or
/// measures: never a thing.
fn is_thing(lower: &str) -> bool {
    // "40 this morning": small words that end in "s" are no plural.
    !MEASURES.contains(lower)
        && !ontology::is(lower, Context::Stop)
        && !ontology::is(lower, Context::Filler)
        && !matches!(
            lower,
            "this" | "thus" | "his" | "its" | "was" | "has" | "does" | "is"
        )
        && !ontology::is_person(lower)
        && !ontology::is_animal(lower)
        && !ontology::is_household(lower)
        && ontology::kind(lower, Role::Count).is_none()
        && ontology::kind(lower, Role::State).is_none()
        && lower.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// Every count of things in one sentence's tokens.
pub fn things(toks: &[Token], lowers: &[&str]) -> Vec<ThingCount> {
    let mut out = Vec::new();
    let mut i = 0;
    // The last plural thing named ("Stewards … say only 180 of them were on duty"); a
    // capitalised one only as the sentence's first word.
    let mut last_noun: Option<usize> = None;
    while i < toks.len() {
        let Some(n) = numbers::number_at(toks, lowers, i) else {
            // A noun, not a verb in "s": first in the sentence, or after a determiner.
            let determined = i == 0
                || matches!(
                    lowers[i - 1],
                    "the" | "its" | "their" | "our" | "these" | "those" | "all" | "many" | "most"
                );
            if toks[i].is_word
                && determined
                && (i == 0 || !toks[i].is_capitalized())
                && singular(lowers[i]).is_some()
                && is_thing(lowers[i])
            {
                last_noun = Some(i);
            }
            i += 1;
            continue;
        };
        // "180 of them": the things named before.
        if lowers.get(n.next) == Some(&"of")
            && lowers
                .get(n.next + 1)
                .is_some_and(|w| matches!(*w, "them" | "those"))
            && !n.vague
            && n.value >= 2.0
            && n.value.fract() == 0.0
            && let Some(noun) = last_noun.and_then(|k| singular(lowers[k]))
        {
            out.push(counted(lowers, &n, noun, n.next + 2));
            i = n.next + 2;
            continue;
        }
        i = n.next.max(i + 1);
        if n.vague || n.value < 2.0 || n.value.fract() != 0.0 || is_no_count(toks, lowers, &n) {
            continue;
        }
        // The noun right after, or after one lower-case modifier ("six passenger
        // carriages", "nine fire engines").
        let noun_at = (n.next..(n.next + 2).min(toks.len())).find(|&k| {
            toks[k].is_word && !toks[k].is_capitalized() && singular(lowers[k]).is_some()
        });
        let Some(k) = noun_at else { continue };
        if (n.next..k).any(|j| !toks[j].is_word || toks[j].is_capitalized())
            || !is_thing(lowers[k])
            || (k > n.next && !is_thing(lowers[n.next]))
        {
            continue;
        }
        let Some(noun) = singular(lowers[k]) else {
            continue;
        };
        // "84 flats" and "72 apartments": one thing under two names.
        let noun = SYNONYMS.tag(&noun).map_or(noun, str::to_owned);
        out.push(counted(lowers, &n, noun, k + 1));
    }
    out
}

/// The count of `noun` that number `n` states, with its qualifier, up to token `next`.
fn counted(lowers: &[&str], n: &numbers::NumberExpr, noun: String, next: usize) -> ThingCount {
    let (qualifier, q_len) = numbers::qualifier_before(lowers, n.first);
    ThingCount {
        noun,
        value: n.value,
        qualifier,
        first: n.first - q_len,
        next,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assist::text::Doc;

    fn read(s: &str) -> Vec<(String, f64)> {
        let doc = Doc::new(s);
        let lowers: Vec<&str> = doc.tokens.iter().map(Token::lower).collect();
        things(&doc.tokens, &lowers)
            .into_iter()
            .map(|t| (t.noun, t.value))
            .collect()
    }

    #[test]
    fn things_are_counted_and_people_measures_and_dates_are_not() {
        // Our own: one thing under two names.
        assert_eq!(
            read("The block held 60 apartments."),
            [("flat".to_owned(), 60.0)]
        );
        // Our own sentences.
        assert_eq!(
            read("The train had six passenger carriages and two engines."),
            [("carriage".to_owned(), 6.0), ("engine".to_owned(), 2.0)]
        );
        assert_eq!(
            read("Crews sent 9 fire engines."),
            [("engine".to_owned(), 9.0)]
        );
        assert_eq!(
            read("Blocks C and D held 84 flats."),
            [("flat".to_owned(), 84.0)]
        );
        // People, the dead, homes, measures, times and dates are other facts.
        assert!(read("12 people died and 30 homes were destroyed.").is_empty());
        assert!(read("They were trapped for 45 hours, 380 metres down.").is_empty());
        assert!(read("On 3 March, 2019 ferries sailed.").is_empty());
        assert!(read("Dozens of boats searched the bay.").is_empty());
        // Our own: "of them" counts the things named before; "this" is no plural.
        assert_eq!(
            read("Guards at the port say only 14 of them were on duty."),
            [("guard".to_owned(), 14.0)]
        );
        assert!(read("Crews arrived at 40 this morning.").is_empty());
    }
}
