//! Claims across outlets: what a claim asserts ([`signature`]), whether two wordings agree
//! ([`agreement`], sister subjects in `contrasts`), ranked earlier fact-checks for a claim ([`retrieval`]), suggested
//! groups of the same claim in different articles ([`grouping`]), published
//! fact-checks read from ClaimReview ([`claim_review`]), and linking one to a claim
//! ([`link`]) with its rating put on the project's scale ([`verdict_map`]). Core: no egui.

pub mod agreement;
pub mod claim_review;
pub mod contrasts;
mod figures;
pub mod gazetteer;
pub mod grouping;
pub mod link;
mod phrases;
mod place_names;
pub mod report;
pub mod retrieval;
mod shares;
pub mod signature;
mod tokens;
pub mod verdict_map;
mod words;
