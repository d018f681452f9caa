//! Published fact-checks (schema.org ClaimReview) kept in the project's library, so every
//! claim can show what was already checked before anyone does the work again.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One published fact-check, as ClaimReview describes it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactCheck {
    /// The review's own address; identifies the check in the library.
    pub url: String,
    /// `claimReviewed`: the claim as the fact-checker worded it.
    pub claim_reviewed: String,
    #[serde(default)]
    pub rating: Rating,
    /// The publishing fact-checker (`author.name`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// BCP 47 tag (`inLanguage`), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Who made the claim (`itemReviewed.author.name`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub claimant: String,
    /// Where the claim was seen (`itemReviewed.appearance` / `firstAppearance` URLs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub appearances: Vec<String>,
}

/// A ClaimReview `reviewRating`: the fact-checker's words and, where given, its scale.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// `alternateName`: the verdict in the fact-checker's words ("False", "Pants on fire").
    #[serde(default)]
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub best: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worst: Option<f64>,
}
