//! Speakers, claimants and other named things annotations refer to.

use super::EntityId;
use serde::{Deserialize, Serialize};

/// A person or organisation; `aliases` merge name variants (Khamenei / Khameini).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub id: EntityId,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub kind: EntityKind,
    /// Wikidata item id such as `Q57336`, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntityKind {
    #[default]
    Person,
    Organization,
    Other,
}

impl Entity {
    /// A person known by `name` (trimmed), with no aliases yet.
    pub fn person(id: EntityId, name: &str) -> Self {
        Self {
            id,
            name: name.trim().to_owned(),
            aliases: Vec::new(),
            kind: EntityKind::Person,
            wikidata: None,
        }
    }

    /// True if `name` is this entity's name or one of its aliases (case-insensitive).
    pub fn answers_to(&self, name: &str) -> bool {
        let name = name.trim();
        self.name.eq_ignore_ascii_case(name)
            || self.name.to_lowercase() == name.to_lowercase()
            || self
                .aliases
                .iter()
                .any(|a| a.to_lowercase() == name.to_lowercase())
    }
}
