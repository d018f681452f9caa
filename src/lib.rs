//! factdesk: annotate news articles for fact-checking — quotes, claims, verdicts, sentiment.
//!
//! The library holds everything; `src/main.rs` is a thin binary. Dependencies point one way:
//! `ui` → `app` → core (`model`, `store`, `import`). The core never touches egui, so the
//! CLI, tests and benchmarks use it without a window.

pub mod app;
pub mod app_id;
pub mod assist;
pub mod bidi;
pub mod claims;
pub mod cli;
pub mod export;
pub mod import;
pub mod interchange;
pub mod model;
pub mod review;
pub mod store;
pub mod synthetic;
pub mod ui;
