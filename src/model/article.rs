//! An article: metadata plus its text, normalised once on import and never edited after.

use super::{ArticleId, WebSource, text};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub id: ArticleId,
    pub title: String,
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub byline: Option<String>,
    #[serde(default)]
    pub published: Option<NaiveDate>,
    #[serde(default)]
    pub language: Option<String>,
    /// The file it was imported from, for the record.
    #[serde(default)]
    pub source: Option<String>,
    /// Where and when a web page or saved page was read (absent for other imports).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web: Option<WebSource>,
    /// Whether the annotator marked the article finished.
    #[serde(default)]
    pub done: bool,
    /// [`text::hash`] of `text`; a mismatch on load means the text was edited.
    pub text_hash: String,
    pub text: String,
}

impl Article {
    /// An article over already-normalised text, with its hash filled in.
    pub fn new(id: ArticleId, title: impl Into<String>, text: String) -> Self {
        debug_assert!(text::is_normalized(&text));
        Self {
            id,
            title: title.into(),
            outlet: None,
            url: None,
            byline: None,
            published: None,
            language: None,
            source: None,
            web: None,
            done: false,
            text_hash: text::hash(&text),
            text,
        }
    }
}
