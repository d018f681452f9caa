//! Stable ids. They are random, so two copies of a project edited apart never mint the same
//! id, and are kept below 2^53 so JSON consumers (JavaScript) read them exactly.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Largest id value (2^53 − 1): exact in an IEEE double.
pub const MAX_ID: u64 = (1 << 53) - 1;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl $name {
            /// A fresh random id; callers check it against the ids already in use.
            pub fn random() -> Self {
                Self(fastrand::u64(1..=MAX_ID))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(
    /// Identifies an article within a project.
    ArticleId
);
id_type!(
    /// Identifies an annotation across all layers of a project.
    AnnotationId
);
id_type!(
    /// Identifies a speaker, claimant or other entity.
    EntityId
);
