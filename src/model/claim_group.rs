//! Claim groups: one claim as several outlets state it, checked once.
//!
//! A group belongs to one layer (each annotator groups on their own; review compares the
//! groupings like any other disagreement). Its members are claim annotations of that layer,
//! in any article. A member's verdict is the group's unless the member overrides it with a
//! reason: an outlet's wording can change what is claimed.

use super::{AnnotationId, Evidence};
use serde::{Deserialize, Serialize};

/// A group of claim annotations that state the same thing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimGroup {
    pub id: ClaimGroupId,
    /// The canonical wording of the claim, as the team would publish it.
    pub statement: String,
    /// A label of the project's verdict scale, shared by every member without an override.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rationale: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// Claim annotations of the group's layer; kept in the order they joined.
    #[serde(default)]
    pub members: Vec<ClaimMember>,
}

/// One appearance of a group's claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimMember {
    pub annotation: AnnotationId,
    /// Set when this appearance deserves another verdict than the group's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict_override: Option<VerdictOverride>,
}

/// A member's own verdict, with why the group's does not hold for it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictOverride {
    pub verdict: String,
    pub reason: String,
}

/// Identifies a claim group within its layer. Random like the other ids, so two annotators'
/// copies never mint the same one.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct ClaimGroupId(pub u64);

impl ClaimGroupId {
    /// A fresh random id; callers check it against the groups already in use.
    pub fn random() -> Self {
        Self(fastrand::u64(1..=super::MAX_ID))
    }
}

impl std::fmt::Display for ClaimGroupId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl ClaimGroup {
    /// The verdict that holds for `annotation`: its override, else the group's.
    pub fn verdict_of(&self, annotation: AnnotationId) -> Option<&str> {
        let member = self.members.iter().find(|m| m.annotation == annotation)?;
        match &member.verdict_override {
            Some(o) => Some(o.verdict.as_str()),
            None => self.verdict.as_deref(),
        }
    }

    pub fn contains(&self, annotation: AnnotationId) -> bool {
        self.members.iter().any(|m| m.annotation == annotation)
    }
}
