//! Annotations: a span of an article with what a reviewer said about it.

use super::{AnnotationId, ArticleId, EntityId, Span};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    pub id: AnnotationId,
    pub article: ArticleId,
    pub span: Span,
    pub kind: AnnotationKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub provenance: Provenance,
    pub created: DateTime<Utc>,
    pub modified: DateTime<Utc>,
}

impl Annotation {
    /// A new draft annotation, created and modified `now` (the caller's clock, so the same
    /// inputs give the same annotation).
    pub fn new(
        id: AnnotationId,
        article: ArticleId,
        span: Span,
        kind: AnnotationKind,
        provenance: Provenance,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            id,
            article,
            span,
            kind,
            note: String::new(),
            status: Status::Draft,
            provenance,
            created: now,
            modified: now,
        }
    }
}

/// What the annotation marks, with the fields that belong to that kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum AnnotationKind {
    Quote(Quote),
    Claim(Claim),
    Sentiment(Sentiment),
    Tag { label: String },
}

/// Who said what, and how it was reported.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    #[serde(default)]
    pub speaker: Option<EntityId>,
    /// Where the speaker is named in the text, if it is.
    #[serde(default)]
    pub speaker_span: Option<Span>,
    /// The cue verb: said, tweeted, told …
    #[serde(default)]
    pub cue: String,
    #[serde(default)]
    pub quote_type: QuoteType,
    /// Claims made inside this quote.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<AnnotationId>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuoteType {
    #[default]
    Direct,
    Indirect,
    Mixed,
}

/// A factual claim and, once checked, its verdict and evidence.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    #[serde(default)]
    pub claimant: Option<EntityId>,
    #[serde(default)]
    pub check_worthiness: Option<CheckWorthiness>,
    /// A label of the project's verdict scale.
    #[serde(default)]
    pub verdict: Option<String>,
    #[serde(default)]
    pub rationale: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

/// The ClaimBuster classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CheckWorthiness {
    NonFactual,
    Unimportant,
    CheckWorthy,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub url: String,
    #[serde(default)]
    pub quote: String,
    #[serde(default)]
    pub stance: EvidenceStance,
    #[serde(default)]
    pub accessed: Option<NaiveDate>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EvidenceStance {
    Supports,
    Refutes,
    #[default]
    Context,
}

/// Sentiment towards a target, on a five-point scale.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sentiment {
    /// −2 (very negative) ..= +2 (very positive).
    pub polarity: i8,
    #[serde(default)]
    pub target: String,
    #[serde(default)]
    pub stance: Stance,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Stance {
    Favor,
    Against,
    #[default]
    None,
}

/// Where an annotation stands in the reviewer's own workflow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    #[default]
    Draft,
    Done,
    /// Needs a second look or a discussion.
    Flagged,
}

/// How the annotation came to be.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Provenance {
    #[default]
    Manual,
    /// Accepted from an assist suggestion.
    Suggested {
        method: String,
        score: f32,
    },
    Imported {
        from: String,
    },
    /// Written by review into the adjudicated layer, from these source annotations.
    Adjudicated {
        #[serde(default)]
        from: Vec<AnnotationId>,
    },
}

/// The four kinds without their fields: for counting, colouring and filtering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KindName {
    Quote,
    Claim,
    Sentiment,
    Tag,
}

impl KindName {
    pub const ALL: [KindName; 4] = [Self::Quote, Self::Claim, Self::Sentiment, Self::Tag];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Quote => "quote",
            Self::Claim => "claim",
            Self::Sentiment => "sentiment",
            Self::Tag => "tag",
        }
    }
}

impl AnnotationKind {
    pub fn name(&self) -> KindName {
        match self {
            Self::Quote(_) => KindName::Quote,
            Self::Claim(_) => KindName::Claim,
            Self::Sentiment(_) => KindName::Sentiment,
            Self::Tag { .. } => KindName::Tag,
        }
    }

    /// A short label for lists and exports: the kind, or the tag's label.
    pub fn label(&self) -> &str {
        match self {
            Self::Tag { label } => label,
            other => other.name().as_str(),
        }
    }

    /// A fresh, empty annotation body of the given kind.
    pub fn empty(kind: KindName) -> Self {
        match kind {
            KindName::Quote => Self::Quote(Quote::default()),
            KindName::Claim => Self::Claim(Claim::default()),
            KindName::Sentiment => Self::Sentiment(Sentiment::default()),
            KindName::Tag => Self::Tag {
                label: String::new(),
            },
        }
    }
}
