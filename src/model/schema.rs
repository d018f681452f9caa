//! The project's label schema: the verdict scale and the free tags it allows.

use serde::{Deserialize, Serialize};

/// One step of a verdict scale: its number (for ordinal statistics and ClaimReview ratings)
/// and its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictLevel {
    pub value: i32,
    pub label: String,
}

/// What a project's annotators may choose from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelSchema {
    /// Ordered from best (`True`) to worst (`False`).
    pub verdicts: Vec<VerdictLevel>,
    /// Labels allowed on `Tag` annotations.
    #[serde(default)]
    pub tags: Vec<String>,
}

impl Default for LabelSchema {
    /// A six-step scale in the style of PolitiFact, plus a few common tags.
    fn default() -> Self {
        let verdicts = [
            (5, "True"),
            (4, "Mostly true"),
            (3, "Half true"),
            (2, "Mostly false"),
            (1, "False"),
            (0, "Unverifiable"),
        ]
        .into_iter()
        .map(|(value, label)| VerdictLevel {
            value,
            label: label.to_owned(),
        })
        .collect();
        let tags = ["Boilerplate", "Caption", "Number", "Person", "Place"]
            .into_iter()
            .map(str::to_owned)
            .collect();
        Self { verdicts, tags }
    }
}

impl LabelSchema {
    pub fn verdict(&self, label: &str) -> Option<&VerdictLevel> {
        self.verdicts.iter().find(|v| v.label == label)
    }
}
