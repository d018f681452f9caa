//! Suggestions the user rejected, remembered so they do not come back.

use super::ArticleId;
use serde::{Deserialize, Serialize};

/// Identifies one assist suggestion across runs: its kind and where it lies (or, for
/// suggestions spanning several articles, a fingerprint of what it covers). Article texts
/// never change after import, so the same text always yields the same key.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SuggestionKey {
    /// `quote`, `claim`, `passage`, `conflict` or `aliases`.
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<ArticleId>,
    #[serde(default)]
    pub start: usize,
    #[serde(default)]
    pub end: usize,
    /// For suggestions over several articles: a hash of the text or names they cover.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub fingerprint: String,
}
