//! Ages of persons: "the 62-year-old general", "Soleimani, 66,", "aged 71". An age belongs
//! to the name after it, the person a role after it names, or the nearest person before.

use super::{Fact, FactKey};
use crate::assist::mentions::{self, Gender, Mention};
use crate::assist::names;
use crate::assist::text::{Doc, Range, Token};

/// Ages stated in one sentence.
pub fn ages(doc: &Doc, sentence: Range, toks: &[Token], mentions: &[Mention]) -> Vec<Fact> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        // "62-year-old".
        if let Some(age) = t
            .lower()
            .strip_suffix("-year-old")
            .and_then(|n| n.parse::<f64>().ok())
        {
            if let Some(person) = age_subject(doc, toks, i + 1, mentions, t.start) {
                let range = Range {
                    start: t.start,
                    end: t.end,
                };
                out.push(age_fact(doc, &person, age, range, sentence));
            }
            continue;
        }
        // "Verhoeven, 54," and "aged 54".
        let digits = t.text.chars().all(|c| c.is_ascii_digit()) && t.text.len() <= 3;
        if !digits {
            continue;
        }
        let age: f64 = t.text.parse().unwrap_or(0.0);
        if !(1.0..=120.0).contains(&age) {
            continue;
        }
        // "Verhoeven, 54,": the name the age stands beside. "Tomasz, 34, was on the night
        // shift": a given name alone opening a sentence, which the mentions leave out (a
        // capital there says nothing), is a person too.
        let apposed = i >= 2
            && toks[i - 1].text == ","
            && toks
                .get(i + 1)
                .is_some_and(|n| n.text == "," || n.text == ".");
        if apposed {
            let person = match mentions::ending_at(mentions, toks[i - 1].start) {
                Some(m) => Some((m.range.start, m.full.as_str())),
                None => (i == 2
                    && toks[0].is_capitalized()
                    && mentions::given_name_gender(toks[0].lower()).is_some())
                .then(|| (toks[0].start, toks[0].text.as_str())),
            };
            if let Some((start, name)) = person {
                let range = Range { start, end: t.end };
                out.push(age_fact(doc, name, age, range, sentence));
                continue;
            }
        }
        if i >= 1
            && toks[i - 1].lower() == "aged"
            && let Some(m) = mentions::nearest_before(mentions, toks[i - 1].start, Gender::Unknown)
            && m.range.start >= sentence.start
        {
            let range = Range {
                start: toks[i - 1].start,
                end: t.end,
            };
            out.push(age_fact(doc, &m.full, age, range, sentence));
        }
    }
    out
}

fn age_fact(doc: &Doc, person: &str, age: f64, range: Range, sentence: Range) -> Fact {
    Fact {
        key: FactKey::Age(person.to_lowercase()),
        value: age,
        range,
        sentence,
        text: doc.slice(range.start, range.end),
        reading: super::digits_with_separators(age),
        ..Fact::default()
    }
}

/// Who an age belongs to: a name right after it ("the 80-year-old Khamenei"), a role
/// ("the 62-year-old general" → the person titled general), or the nearest person before.
fn age_subject(
    doc: &Doc,
    toks: &[Token],
    i: usize,
    mentions: &[Mention],
    pos: usize,
) -> Option<String> {
    // "the 59-year-old driver, Pieter Anselm": the name in apposition after a noun.
    if let (Some(noun), Some(comma), Some(name)) = (toks.get(i), toks.get(i + 1), toks.get(i + 2))
        && noun.is_word
        && !noun.is_capitalized()
        && comma.text == ","
        && let Some(m) = mentions::starting_at(mentions, name.start)
    {
        return Some(m.full.clone());
    }
    if let Some(t) = toks.get(i) {
        let word = t.lower();
        let role = names::role_of(word).or(match word {
            "commander" => Some("commander"),
            _ => None,
        });
        if let Some(role) = role {
            return mentions::resolve_role(mentions, doc.len(), role).map(|m| m.full.clone());
        }
    }
    mentions::nearest_before(mentions, pos, Gender::Unknown).map(|m| m.full.clone())
}

/// One key per person among the names ages were given to, across articles: surnames that
/// are spellings of each other ("Benzan", "Benzam") join, and other given names ("Pavel"
/// and "Matej Horák", "Danila" and "Danilo Vrana") stay apart. `skeleton` is the
/// transliteration-proof surname key the comparison files ages under.
pub fn person_keys<'n>(
    names: &[&'n str],
    skeleton: impl Fn(&str) -> String,
) -> std::collections::HashMap<&'n str, String> {
    use crate::assist::aliases::spelling_variant;
    use crate::assist::variant_index::VariantIndex;
    let surnames: Vec<String> = names.iter().map(|n| names::surname(n)).collect();
    let mut root: Vec<usize> = (0..names.len()).collect();
    fn find(root: &mut [usize], mut i: usize) -> usize {
        while root[i] != i {
            root[i] = root[root[i]];
            i = root[i];
        }
        i
    }
    // Surnames by skeleton, then skeletons joined through spelling variants.
    let mut by_skeleton: std::collections::HashMap<String, usize> = Default::default();
    for (i, n) in names.iter().enumerate() {
        let k = skeleton(n);
        let r = *by_skeleton.entry(k).or_insert(i);
        let (a, b) = (find(&mut root, r), find(&mut root, i));
        root[b] = a;
    }
    // "her husband Radu, 52": a given name alone is the one person who has it in full,
    // when exactly one does.
    let mut full_by_given: std::collections::HashMap<String, Option<usize>> = Default::default();
    for (i, n) in names.iter().enumerate() {
        let words: Vec<&str> = n.split_whitespace().collect();
        if words.len() >= 2 {
            let e = full_by_given
                .entry(crate::assist::name_keys::fold(words[0]))
                .or_insert(Some(i));
            if e.is_some_and(|j| surnames[j] != surnames[i]) {
                *e = None;
            }
        }
    }
    for (i, n) in names.iter().enumerate() {
        if !n.contains(char::is_whitespace)
            && let Some(Some(j)) = full_by_given.get(&crate::assist::name_keys::fold(n))
        {
            let (a, b) = (find(&mut root, *j), find(&mut root, i));
            root[b] = a;
        }
    }
    let index = VariantIndex::new(surnames.iter().map(String::as_str));
    for (i, s) in surnames.iter().enumerate() {
        for j in index.candidates(s) {
            if j != i && spelling_variant(s, &surnames[j]) {
                let (a, b) = (find(&mut root, i), find(&mut root, j));
                root[b] = a;
            }
        }
    }
    // Inside one surname, a given name of the other gender is another person.
    let given = |n: &str| {
        let words: Vec<&str> = n.split_whitespace().collect();
        (words.len() >= 2).then(|| words[0].to_lowercase())
    };
    let mut people: std::collections::HashMap<usize, Vec<String>> = Default::default();
    let mut out = std::collections::HashMap::new();
    // Full names first, so a word alone finds the given names of its surname.
    let order = (0..names.len())
        .filter(|&i| given(names[i]).is_some())
        .chain((0..names.len()).filter(|&i| given(names[i]).is_none()));
    for i in order {
        let n = names[i];
        let r = find(&mut root, i);
        let base = skeleton(names[r]);
        let firsts = people.entry(r).or_default();
        // Inside one surname, each given name is its own person ("Pavel" and "Matej
        // Horák", father and son), up to its spellings and initial ("Oxana", "O.") — never
        // across genders ("Danila", "Danilo").
        let person = match given(n) {
            Some(f) => match firsts.iter().position(|g| same_given_name(g, &f)) {
                Some(k) => k,
                None => {
                    firsts.push(f);
                    firsts.len() - 1
                }
            },
            None => given_alone(n, firsts),
        };
        out.insert(n, format!("{base}#{person}"));
    }
    out
}

/// The person a single word stands for among `firsts`: the given name it is, else the
/// first (a surname alone).
fn given_alone(word: &str, firsts: &[String]) -> usize {
    firsts
        .iter()
        .position(|g| same_given_name(g, &word.to_lowercase()))
        .unwrap_or(0)
}

/// Two given names of one person: the same, a spelling of it of the same gender, its
/// initial, or its short form ("Piet" for "Pieter").
fn same_given_name(a: &str, b: &str) -> bool {
    use crate::assist::aliases::{other_gender, transliterated_given_names};
    use crate::assist::name_keys::fold;
    let (a, b) = (fold(a), fold(b));
    let initial = |x: &str, y: &str| {
        let n = x.chars().count();
        (n == 1 || n >= 3) && y.starts_with(x)
    };
    a == b
        || initial(&a, &b)
        || initial(&b, &a)
        || (transliterated_given_names(&a, &b) && !other_gender(&a, &b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owners(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        let found = mentions::mentions(&doc, &[]);
        doc.sentences
            .iter()
            .flat_map(|s| ages(&doc, *s, doc.tokens_in(s.start, s.end), &found))
            .map(|f| match f.key {
                FactKey::Age(p) => format!("{p} {}", f.value),
                _ => String::new(),
            })
            .collect()
    }

    #[test]
    fn an_age_goes_to_the_name_in_apposition_after_its_noun() {
        assert_eq!(
            owners("Mayor Ruth Kell spoke first. The 59-year-old driver, Pieter Anselm, was hurt."),
            ["pieter anselm 59"]
        );
        assert_eq!(
            owners("Piet Anselm, 58, drove the train."),
            ["piet anselm 58"]
        );
    }

    #[test]
    fn a_given_name_alone_opening_a_sentence_with_an_age_is_a_person() {
        // Our own sentences.
        assert_eq!(
            owners("Marta, 41, had worked there for years."),
            ["marta 41"]
        );
        assert!(owners("Monday, 14, was the day.").is_empty());
    }

    #[test]
    fn each_given_name_under_one_surname_is_its_own_person() {
        let names = [
            "Pavel Horák",
            "Matej Horák",
            "Oksana Petrenko",
            "Oxana Petrenko",
            "Henrik Aaltonen",
            "H. Aaltonen",
            "Danila Vrana",
            "Danilo Vrana",
            "Piet Anselm",
            "Pieter Anselm",
            "Radu",
            "Mirela Ilescu",
            "Radu Ilescu",
        ];
        let keys = person_keys(&names, |n| names::surname(n).to_lowercase());
        assert_ne!(keys["Pavel Horák"], keys["Matej Horák"]);
        assert_eq!(keys["Oksana Petrenko"], keys["Oxana Petrenko"]);
        assert_eq!(keys["Henrik Aaltonen"], keys["H. Aaltonen"]);
        assert_ne!(keys["Danila Vrana"], keys["Danilo Vrana"]);
        assert_eq!(keys["Piet Anselm"], keys["Pieter Anselm"]);
        assert_eq!(keys["Radu"], keys["Radu Ilescu"]);
        assert_ne!(keys["Mirela Ilescu"], keys["Radu Ilescu"]);
    }
}
