//! The suggestions assist makes, as plain data: each knows its stable key (so a rejection
//! can be remembered) and serialises to the JSON the CLI prints.

use crate::model::{ArticleId, EntityId, QuoteType, SuggestionKey};
use serde::Serialize;

/// Which suggester made a suggestion; also the `kind` of its [`SuggestionKey`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
pub enum SuggestionKind {
    #[value(name = "quotes", alias = "quote")]
    Quote,
    #[value(name = "claims", alias = "claim")]
    Claim,
    #[value(name = "passages", alias = "passage")]
    Passage,
    #[value(name = "conflicts", alias = "conflict")]
    Conflict,
    #[value(name = "aliases", alias = "alias")]
    Aliases,
}

impl SuggestionKind {
    pub const ALL: [SuggestionKind; 5] = [
        Self::Quote,
        Self::Claim,
        Self::Passage,
        Self::Conflict,
        Self::Aliases,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Quote => "quote",
            Self::Claim => "claim",
            Self::Passage => "passage",
            Self::Conflict => "conflict",
            Self::Aliases => "aliases",
        }
    }

    /// Parse a `--kinds` item (singular or plural).
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_lowercase().as_str() {
            "quote" | "quotes" => Some(Self::Quote),
            "claim" | "claims" => Some(Self::Claim),
            "passage" | "passages" => Some(Self::Passage),
            "conflict" | "conflicts" => Some(Self::Conflict),
            "alias" | "aliases" => Some(Self::Aliases),
            _ => None,
        }
    }
}

/// Who a quote is attributed to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpeakerGuess {
    /// The person's full name (titles stripped), or a descriptive source as written
    /// ("a Kerman resident").
    pub name: String,
    /// Where the attribution stands in the text (the name, pronoun or description).
    pub start: Option<usize>,
    pub end: Option<usize>,
    /// The project entity this speaker matched by name or alias.
    pub entity: Option<EntityId>,
    /// True for descriptive sources that are not a named person.
    pub descriptive: bool,
}

/// A suggested quote: direct (in marks), indirect (reported) or mixed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuoteSuggestion {
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type", serialize_with = "ser_quote_type")]
    pub quote_type: QuoteType,
    /// The cue as written ("said", "according to"); empty when the quote continues an
    /// earlier speaker's words without one.
    pub cue: String,
    pub speaker: Option<SpeakerGuess>,
    /// 0..=1: how sure the heuristics are.
    pub score: f32,
}

fn ser_quote_type<S: serde::Serializer>(t: &QuoteType, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(quote_type_name(*t))
}

pub fn quote_type_name(t: QuoteType) -> &'static str {
    match t {
        QuoteType::Direct => "direct",
        QuoteType::Indirect => "indirect",
        QuoteType::Mixed => "mixed",
    }
}

/// A sentence that states something checkable.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimSuggestion {
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Check-worthiness rank, 0..=1.
    pub score: f32,
    /// What made it checkable: "number", "percentage", "date", "comparison", …
    pub reasons: Vec<&'static str>,
}

/// One place of a passage or fact: an article and a code-point span in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Place {
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
}

/// The same (or nearly the same) passage in several articles.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SharedPassage {
    /// The passage as it reads in the likely source (or the first place).
    pub text: String,
    pub places: Vec<Place>,
    /// The article it probably came from: one that does not itself quote it, else the
    /// earliest published.
    pub likely_source: Option<ArticleId>,
    /// Similarity of the places, 0..=1 (1 = verbatim).
    pub score: f32,
}

/// One value a fact takes in one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactValue {
    pub article: ArticleId,
    /// The value as a number (the lower bound's order of magnitude for vague ones).
    pub value: f64,
    /// The words that state it ("62-year-old", "hundreds of thousands").
    pub text: String,
    /// The value normalised: qualifier in lower case, then digits ("about 4,000", "15" for
    /// "Fifteen"), the vague words ("dozens"), or a date ("2020-01-03").
    pub reading: String,
    /// "hundreds of", "dozens": an order of magnitude, compared with vague values only.
    pub vague: bool,
    pub start: usize,
    pub end: usize,
    /// The sentence it stands in.
    pub sentence_start: usize,
    pub sentence_end: usize,
}

/// The same fact with different values in different articles.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conflict {
    /// What the values are about: "age of Qassem Soleimani", "number attending", …
    pub fact: String,
    /// What is counted, as a machine name: "dead", "missing", "age", "date" …
    pub kind: String,
    /// The event the fact is about: empty for each article's main event, else the other
    /// one its sentences name ("in 2004", "an earlier event").
    pub scope: String,
    pub values: Vec<FactValue>,
    /// A count that is higher in a later-published article, or worded as a running count
    /// ("rose to 19"): perhaps an update, not a contradiction.
    pub possible_update: bool,
    /// Why it may be an update ("the figure grows with time (12 on … to 19 on …)").
    pub why: Option<String>,
    pub score: f32,
}

/// Name variants that probably denote one person.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AliasGroup {
    /// The fullest variant first, then the others.
    pub names: Vec<String>,
    /// A project entity that already answers to one of the names.
    pub entity: Option<EntityId>,
    pub score: f32,
}

/// Everything the suggesters found.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Suggestions {
    pub quotes: Vec<QuoteSuggestion>,
    pub claims: Vec<ClaimSuggestion>,
    pub passages: Vec<SharedPassage>,
    pub conflicts: Vec<Conflict>,
    pub aliases: Vec<AliasGroup>,
}

fn span_key(kind: SuggestionKind, article: ArticleId, start: usize, end: usize) -> SuggestionKey {
    SuggestionKey {
        kind: kind.as_str().to_owned(),
        article: Some(article),
        start,
        end,
        fingerprint: String::new(),
    }
}

fn fingerprint_key(kind: SuggestionKind, parts: &[String]) -> SuggestionKey {
    let mut parts = parts.to_vec();
    parts.sort();
    let joined = parts.join("\u{1f}");
    SuggestionKey {
        kind: kind.as_str().to_owned(),
        article: None,
        start: 0,
        end: 0,
        fingerprint: format!("{:016x}", xxhash_rust::xxh3::xxh3_64(joined.as_bytes())),
    }
}

impl QuoteSuggestion {
    pub fn key(&self) -> SuggestionKey {
        span_key(SuggestionKind::Quote, self.article, self.start, self.end)
    }
}

impl ClaimSuggestion {
    pub fn key(&self) -> SuggestionKey {
        span_key(SuggestionKind::Claim, self.article, self.start, self.end)
    }
}

impl SharedPassage {
    pub fn key(&self) -> SuggestionKey {
        let parts: Vec<String> = self
            .places
            .iter()
            .map(|p| format!("{}:{}:{}", p.article, p.start, p.end))
            .collect();
        fingerprint_key(SuggestionKind::Passage, &parts)
    }
}

impl Conflict {
    pub fn key(&self) -> SuggestionKey {
        let parts: Vec<String> = self
            .values
            .iter()
            .map(|v| format!("{}:{}:{}", v.article, v.start, v.end))
            .collect();
        fingerprint_key(SuggestionKind::Conflict, &parts)
    }
}

impl AliasGroup {
    pub fn key(&self) -> SuggestionKey {
        let parts: Vec<String> = self.names.iter().map(|n| n.to_lowercase()).collect();
        fingerprint_key(SuggestionKind::Aliases, &parts)
    }
}
