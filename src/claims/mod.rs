//! Claims across outlets: what a claim asserts ([`signature`]), whether two wordings agree
//! ([`agreement`]), ranked earlier fact-checks for a claim ([`retrieval`]), suggested
//! groups of the same claim in different articles ([`grouping`]) and published
//! fact-checks read from ClaimReview ([`claim_review`]). Core: no egui.

pub mod agreement;
pub mod claim_review;
pub mod grouping;
pub mod report;
pub mod retrieval;
pub mod signature;
mod words;
pub mod link;
pub mod verdict_map;
