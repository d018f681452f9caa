//! The project data model: plain data, no I/O and no GUI.
//!
//! The RON project file is a direct serialisation of [`Project`], so these types are the
//! file format's contract. Field order here is the order in the file.

mod annotation;
mod article;
mod assignment;
pub mod blind;
mod claim_group;
mod context;
mod edit;
mod entity;
mod fact_check;
pub mod group_edit;
mod ids;
mod plan;
mod project;
mod rejection;
mod schema;
mod span;
pub mod speaker;
pub mod text;
mod validate;
mod web_source;

pub use annotation::{
    Annotation, AnnotationKind, CheckWorthiness, Claim, Evidence, EvidenceStance, KindName,
    Provenance, Quote, QuoteType, Sentiment, Stance, Status,
};
pub use article::Article;
pub use assignment::{ArticleWork, AssignError, Assignments, Planned, Progress, balanced};
pub use claim_group::{ClaimGroup, ClaimGroupId, ClaimMember, VerdictOverride};
pub use context::{Context, IdMinter};
pub use edit::{Edit, EditError};
pub use entity::{Entity, EntityKind};
pub use fact_check::{FactCheck, Rating};
pub use ids::{AnnotationId, ArticleId, EntityId, MAX_ID};
pub use plan::Plan;
pub use project::{ADJUDICATED, Decision, DecisionAction, Layer, LayerRole, Project};
pub use rejection::SuggestionKey;
pub use schema::{LabelSchema, VerdictLevel};
pub use span::{CONTEXT_CHARS, Span, SpanError};
pub use validate::Problem;
pub use web_source::WebSource;

/// The project file format this build writes. Files with a higher number are refused;
/// lower ones are migrated on load (see `store::format`).
///
/// - 1: the first.
/// - 2: claim groups in each layer and the library of published fact-checks.
pub const FORMAT_VERSION: u32 = 2;
