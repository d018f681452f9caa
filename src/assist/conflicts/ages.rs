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
        if i >= 2
            && toks[i - 1].text == ","
            && toks
                .get(i + 1)
                .is_some_and(|n| n.text == "," || n.text == ".")
            && let Some(m) = mentions::ending_at(mentions, toks[i - 1].start)
        {
            let range = Range {
                start: m.range.start,
                end: t.end,
            };
            out.push(age_fact(doc, &m.full, age, range, sentence));
            continue;
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
}
