//! Properties of review on random projects (hard Unicode, every kind, two layers): the
//! figures are never NaN, and a three-way merge always gives a project that loads.

use factdesk::model::*;
use factdesk::review::{self, CompareOptions, Score, report::ReportOptions};
use proptest::prelude::*;
mod common;

/// A value is a finite number; "not available" carries a reason instead.
fn finite(s: Score) -> bool {
    s.value().is_none_or(f64::is_finite)
}

/// A copy of `p` where every `k`-th annotation is dropped and every `m`-th gets a new note.
fn edited(p: &Project, k: usize, m: usize, note: &str) -> Project {
    let mut q = p.clone();
    let mut i = 0;
    for layer in &mut q.layers {
        layer.annotations.retain_mut(|a| {
            i += 1;
            if i % m == 0 {
                a.note = note.to_owned();
            }
            i % k != 0
        });
    }
    // Links to dropped claims would make `ours` itself unsound; drop them like the GUI does.
    let ids: std::collections::HashSet<AnnotationId> = q.annotations().map(|(_, a)| a.id).collect();
    for layer in &mut q.layers {
        for a in &mut layer.annotations {
            if let AnnotationKind::Quote(x) = &mut a.kind {
                x.claims.retain(|c| ids.contains(c));
            }
        }
    }
    q
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn figures_are_never_nan(p in common::project()) {
        let report = review::agreement_report(&p, &ReportOptions::default()).unwrap();
        for pair in &report.pairs {
            let k = &pair.kappa;
            let a = &pair.alpha;
            for s in [pair.span_f1.strict, pair.span_f1.lenient, k.label, k.verdict,
                      k.check_worthiness, k.polarity, k.quote_type, k.speaker,
                      a.label_nominal, a.verdict_ordinal, a.polarity_ordinal,
                      a.check_worthiness_ordinal] {
                prop_assert!(finite(s), "{s:?}");
            }
            let c = pair.counts;
            prop_assert_eq!(c.matched + c.only_a, c.count_a);
            prop_assert_eq!(c.matched + c.only_b, c.count_b);
        }
        if p.layers.len() == 2 {
            let (a, b) = (&p.layers[0].annotator, &p.layers[1].annotator);
            let items = review::review_items(&p, a, b, CompareOptions::default()).unwrap();
            let total: usize = items.iter().map(|i| i.annotation_ids().count()).sum();
            prop_assert_eq!(total, p.annotation_count(), "every annotation in one item");
        }
    }

    #[test]
    fn three_way_merge_always_loads(p in common::project(), k in 2usize..5, m in 2usize..5) {
        let ours = edited(&p, k, m, "ours");
        let theirs = edited(&p, k + 1, m + 1, "theirs ✓");
        let merged = review::merge3::merge3(&p, &ours, &theirs);
        prop_assert!(merged.project.problems().is_empty(), "{:?}", merged.project.problems());
        let text = factdesk::store::to_ron_string(&merged.project).unwrap();
        prop_assert!(factdesk::store::from_ron_str(&text).is_ok());
        // Nothing one side kept and the other did not touch is lost.
        for (_, a) in ours.annotations() {
            let untouched_in_theirs = theirs.find_annotation(a.id).map(|(_, t)| t)
                == p.find_annotation(a.id).map(|(_, b)| b);
            if untouched_in_theirs {
                prop_assert!(merged.project.find_annotation(a.id).is_some());
            }
        }
    }

    #[test]
    fn merging_with_a_copy_keeps_everything(p in common::project()) {
        let mut ours = p.clone();
        common::merge_into(&mut ours, &p, "copy");
        prop_assert!(ours.problems().is_empty(), "{:?}", ours.problems());
        prop_assert_eq!(ours.annotation_count(), p.annotation_count());
    }
}
