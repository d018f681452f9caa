//! The project's label schema: the verdict scale and the free tags it allows.

use serde::{Deserialize, Serialize};

/// One step of a verdict scale: its number (for ordinal statistics and ClaimReview ratings)
/// and its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictLevel {
    pub value: i32,
    pub label: String,
    /// Not a point of the true–false scale (e.g. "Unverifiable"): it has no rating, is
    /// neither best nor worst, and ordinal statistics leave it out.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unrated: bool,
}

impl VerdictLevel {
    /// Whether the level is a point of the scale. A level named "Unverifiable" counts as
    /// unrated also in files written before `unrated` existed.
    pub fn is_rated(&self) -> bool {
        !self.unrated && !self.label.trim().eq_ignore_ascii_case("unverifiable")
    }
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
            unrated: label == "Unverifiable",
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

    /// The best and worst values of the rated levels (`None` if no level is rated).
    pub fn rating_range(&self) -> Option<(i32, i32)> {
        let rated = || {
            self.verdicts
                .iter()
                .filter(|v| v.is_rated())
                .map(|v| v.value)
        };
        Some((rated().max()?, rated().min()?))
    }
}
