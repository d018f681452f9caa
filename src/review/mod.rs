//! Comparing annotation layers, adjudicating their differences, measuring agreement, and
//! bringing another project's (or another branch's) work in.
//!
//! GUI-free, so the review mode, the CLI (`agree`, `merge`, `merge-driver`), the dataset
//! card and the benchmarks share one definition of "agreement".

pub mod adjudicate;
pub mod align;
pub mod disagreement;
mod error;
pub mod fields;
pub mod group_items;
pub mod groups;
pub mod merge;
pub mod merge3;
pub mod metrics;
pub mod reopen;
pub mod report;
pub mod report_json;
pub mod report_text;

pub use adjudicate::{Action, Adjudication, DecidedItems, accept_all_agreements, adjudicate};
pub use align::{Alignment, MatchKind, Pair, align};
pub use disagreement::{Category, CompareOptions, ItemKey, ReviewItem, review_items};
pub use error::ReviewError;
pub use fields::{FieldDiff, FieldRole};
pub use metrics::{NotAvailable, Score};
pub use reopen::reopen;
pub use report::{AgreementReport, PairReport, agreement_report};

#[cfg(test)]
pub(crate) mod test_support {
    //! Hand-made annotations over one short text, for the unit tests.
    use crate::model::*;

    pub const TEXT: &str = "Khamenei said the crowd numbered in the millions on Monday.";

    pub fn ann(id: u64, start: usize, end: usize, kind: AnnotationKind) -> Annotation {
        let t = chrono::DateTime::from_timestamp(0, 0).unwrap();
        Annotation {
            id: AnnotationId(id),
            article: ArticleId(1),
            span: Span::from_text(TEXT, start, end).unwrap(),
            kind,
            note: String::new(),
            status: Status::Draft,
            provenance: Provenance::Manual,
            created: t,
            modified: t,
        }
    }

    pub fn tag(id: u64, start: usize, end: usize, label: &str) -> Annotation {
        let label = label.into();
        ann(id, start, end, AnnotationKind::Tag { label })
    }

    pub fn claim(id: u64, start: usize, end: usize, verdict: &str) -> Annotation {
        let claim = Claim {
            verdict: Some(verdict.into()),
            ..Claim::default()
        };
        ann(id, start, end, AnnotationKind::Claim(claim))
    }

    pub fn refs(a: &[Annotation]) -> Vec<&Annotation> {
        a.iter().collect()
    }

    /// A project with the one article and two layers, `alice` and `bob`.
    pub fn project_with(a: Vec<Annotation>, b: Vec<Annotation>) -> Project {
        let mut p = Project::new("test");
        p.articles
            .push(Article::new(ArticleId(1), "t", TEXT.to_owned()));
        for (name, anns) in [("alice", a), ("bob", b)] {
            let layer = p.layer_mut(name);
            layer.annotations = anns;
            layer.sort();
        }
        p
    }
}
