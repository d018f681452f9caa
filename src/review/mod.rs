//! Comparing annotation layers: alignment per article and agreement figures.
//!
//! GUI-free, so the dataset card, the CLI and the review view share one definition of
//! "agreement".

pub mod agreement;

pub use agreement::{
    Agreement, Alignment, MatchKind, Pair, align, cohen_kappa, compare, compare_all,
};
