//! Where an article brought in from the web came from, so a verdict can be traced back to
//! what was online when it was read.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebSource {
    /// The link as the user gave it; `None` for a page saved to disk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where the redirects ended: the address the page was actually read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_url: Option<String>,
    /// When the page was fetched (or the saved file read).
    pub fetched: DateTime<Utc>,
    /// xxh3-128 of the page's bytes as received, in hex.
    pub page_hash: String,
    /// The page's declared writing direction (`rtl` or `ltr`), when it declares one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
    /// The raw page kept beside the project (`--keep-page`), relative to the project's
    /// folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept_page: Option<String>,
}
