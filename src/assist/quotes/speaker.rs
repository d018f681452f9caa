//! Who a quote is attributed to: a noun phrase next to the cue, read as a named person
//! (titles stripped), a pronoun or role ("the minister") resolved to the nearest fitting
//! named person, an organisation, or a descriptive source kept as written.

use crate::assist::names::{self, Mention};
use crate::assist::text::{Doc, Range, Token};

/// A speaker found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    pub name: String,
    /// The attribution phrase (name, pronoun or description) in the text.
    pub range: Range,
    pub descriptive: bool,
}

const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "him", "her"];
const DETERMINERS: &[&str] = &["the", "a", "an", "one", "another", "some", "many", "several", "two", "three", "a", "his", "her", "their", "its"];
const AUXILIARIES: &[&str] = &["was", "were", "is", "are", "has", "had", "have", "been", "also", "then", "later", "quoted", "as", "reportedly", "once", "previously", "further", "simply", "had", "would", "will", "could", "has", "later", "again", "just", "only", "recently", "earlier", "subsequently", "then", "quickly", "angrily", "firmly", "flatly", "privately", "publicly", "repeatedly", "directly", "told", "being", "be"];
const ORG_WORDS: &[&str] = &[
    "department", "agency", "press", "police", "ministry", "office", "council", "government",
    "army", "company", "court", "committee", "university", "news", "group", "force",
    "corps", "guard", "guards", "embassy", "pentagon", "kremlin", "reuters", "afp", "ap",
    "bbc", "cnn", "isna", "irna", "tasnim", "statement", "union", "party", "nhs", "trust",
    "board", "commission", "federation", "club", "service", "services", "authority",
    "authorities", "officials", "spokesperson", "organisation", "organization", "firm",
    "bank", "fund", "network", "channel", "agency", "times", "post", "journal", "council",
    "campaign", "team", "prosecutors", "investigators", "regulator", "watchdog",
    "ministry", "white", "house", "state", "media", "outlet", "newspaper", "airline",
    "airlines", "hospital", "coalition", "charity", "brigade", "unit", "secretariat",
    "parliament", "congress", "senate", "cabinet", "association",
];

/// Words that end a speaker phrase written after its cue ("said Zarif in a statement").
const PHRASE_STOPS: &[&str] = &["in", "on", "at", "during", "while", "after", "before", "as", "from", "to", "who", "which", "that", "when", "adding", "and", "but", "with", "via", "for", "late", "earlier", "yesterday", "today", "tonight", "this", "last", "standing", "speaking", "referring", "pointing", "noting", "according", "before", "outside", "inside", "through", "into", "over", "under", "citing", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "about", "later", "told", "said", "tweeted", "wrote"];

pub fn is_pronoun(t: &Token) -> bool {
    PRONOUNS.contains(&t.lower().as_str())
}

/// Cut a phrase that follows its cue at the first stop word or punctuation.
pub fn phrase_after_cue(tokens: &[Token]) -> &[Token] {
    let end = tokens
        .iter()
        .position(|t| !t.is_word || PHRASE_STOPS.contains(&t.lower().as_str()))
        .unwrap_or(tokens.len());
    &tokens[..end.min(8)]
}

/// Resolve a speaker phrase. `pos` is where the quote starts (pronouns and roles look
/// back from there); `mentions` are the person mentions outside quotes.
pub fn resolve(doc: &Doc, phrase: &[Token], pos: usize, mentions: &[Mention]) -> Option<Speaker> {
    let mut np: &[Token] = phrase;
    while let Some(first) = np.first() {
        if !first.is_word || matches!(first.lower().as_str(), "and" | "but" | "so" | "then" | "as") {
            np = &np[1..];
        } else {
            break;
        }
    }
    while let Some(last) = np.last() {
        if !last.is_word || AUXILIARIES.contains(&last.lower().as_str()) {
            np = &np[..np.len() - 1];
        } else {
            break;
        }
    }
    if np.is_empty() || np.len() > 10 {
        return None;
    }
    let range = Range {
        start: np[0].start,
        end: np[np.len() - 1].end,
    };
    if np.len() == 1 && is_pronoun(&np[0]) {
        let m = names::nearest_before(mentions, pos)?;
        return Some(Speaker {
            name: m.full.clone(),
            range,
            descriptive: false,
        });
    }
    let lowers: Vec<String> = np.iter().map(Token::lower).collect();
    // Organisations and institutions: kept as written, without a leading article.
    if lowers.iter().any(|l| ORG_WORDS.contains(&l.as_str())) && !np.iter().any(|t| names::is_name_token(t) && mentions.iter().any(|m| m.range.start == t.start)) {
        let from = if matches!(lowers[0].as_str(), "the") { 1 } else { 0 };
        if from < np.len() {
            let r = Range {
                start: np[from].start,
                end: range.end,
            };
            return Some(Speaker {
                name: doc.slice(r.start, r.end),
                range,
                descriptive: true,
            });
        }
    }
    // A name, possibly after titles and descriptions ("metro chief Farnoush Nobakht").
    for j in 0..np.len() {
        if let Some((p, _)) = names::read_name_phrase(np, j) {
            let text = doc.slice(p.name.start, p.name.end);
            let full = mentions
                .iter()
                .find(|m| m.range == p.name)
                .map(|m| m.full.clone())
                .or_else(|| {
                    let last = text.split_whitespace().last().unwrap_or("").to_lowercase();
                    mentions
                        .iter()
                        .rfind(|m| m.range.end <= pos && m.full.to_lowercase().split_whitespace().last() == Some(last.as_str()))
                        .map(|m| m.full.clone())
                        .filter(|_| p.name_tokens == 1)
                })
                .unwrap_or(text);
            return Some(Speaker {
                name: full,
                range: p.name,
                descriptive: false,
            });
        }
    }
    // "the minister", "the Iranian leader": the nearest person with that title.
    if lowers[0] == "the"
        && let Some(role) = names::role_of(&lowers[lowers.len() - 1])
        && let Some(m) = names::resolve_role(mentions, pos, role)
    {
        return Some(Speaker {
            name: m.full.clone(),
            range,
            descriptive: false,
        });
    }
    // A descriptive source, kept as written ("a Kerman resident", "one commenter").
    let first_is_det = DETERMINERS.contains(&lowers[0].as_str());
    let any_noun = np.iter().any(|t| t.is_word);
    if any_noun && (first_is_det || np.len() <= 4) {
        return Some(Speaker {
            name: doc.slice(range.start, range.end),
            range,
            descriptive: true,
        });
    }
    None
}
