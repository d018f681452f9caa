//! Agreement statistics, independent of annotations: they take plain category or value
//! lists, so they can be tested against published worked examples.

pub mod alpha;
pub mod kappa;
mod score;
pub mod span_f1;

pub use alpha::{Level, krippendorff_alpha};
pub use kappa::cohen_kappa;
pub use score::{NotAvailable, Score};
pub use span_f1::{SpanF1, f1};
