//! An article as read from a file, before it gets an id in a project.

use crate::model::WebSource;
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleDraft {
    pub title: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub byline: Option<String>,
    pub published: Option<NaiveDate>,
    pub language: Option<String>,
    /// Where it came from: a file name, or `file.jsonl:LINE`.
    pub source: String,
    /// Normalised (NFC, `\n`, no BOM), non-empty.
    pub text: String,
    /// Provenance of a web page or saved page.
    pub web: Option<WebSource>,
}

impl ArticleDraft {
    pub fn new(title: String, text: String, source: String) -> Self {
        Self {
            title,
            outlet: None,
            url: None,
            byline: None,
            published: None,
            language: None,
            source,
            text,
            web: None,
        }
    }
}
