//! Every bulk change the window makes is one edit plan and one undo step: applying the
//! plan, undoing it and redoing it gives back exactly the project before and after —
//! for an article import, a merge with another project, and accepting every suggestion.

mod common;

use factdesk::assist::accept::{self, Retire};
use factdesk::import::{ArticleDraft, Batch};
use factdesk::model::{Edit, Plan, Project};
use proptest::prelude::*;

/// Apply, undo, redo: the project must come back exactly each time.
fn round_trip(mut p: Project, plan: Plan) -> Result<(), TestCaseError> {
    let before = p.clone();
    let undo: Edit = plan.apply(&mut p).expect("the plan applies");
    prop_assert!(p.problems().is_empty(), "{:?}", p.problems());
    let after = p.clone();
    let redo = undo.apply(&mut p).expect("undo applies");
    prop_assert_eq!(&p, &before, "undo gives back the project before");
    redo.apply(&mut p).expect("redo applies");
    prop_assert_eq!(&p, &after, "redo gives back the project after");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn an_article_import_undoes_and_redoes_exactly(
        mut p in common::project(),
        texts in prop::collection::vec(common::hard_text(), 0..5),
        again in any::<bool>(),
    ) {
        p.sort();
        let mut drafts: Vec<ArticleDraft> = texts
            .into_iter()
            .filter(|t| !t.trim().is_empty())
            .enumerate()
            .map(|(i, t)| ArticleDraft::new(format!("t{i}"), t, format!("f{i}.txt")))
            .collect();
        if again {
            // One the project has already: skipped with a warning, not added twice.
            let a = &p.articles[0];
            drafts.push(ArticleDraft::new(a.title.clone(), a.text.clone(), "dup.txt".into()));
        }
        let import = factdesk::import::plan(&p, Batch { articles: drafts, ..Batch::default() }, &common::context());
        round_trip(p, import.plan)?;
    }

    #[test]
    fn a_merge_undoes_and_redoes_exactly(
        mut ours in common::project(),
        mut theirs in common::project(),
        add_unmatched in any::<bool>(),
    ) {
        ours.sort();
        theirs.sort();
        let incoming = factdesk::review::merge::incoming(&ours, &theirs, "theirs", &common::context());
        let plan = factdesk::review::merge::plan(&ours, incoming, add_unmatched);
        round_trip(ours, plan)?;
    }

    #[test]
    fn accepting_every_suggestion_undoes_and_redoes_exactly(mut p in common::project()) {
        p.sort();
        let cancel = std::sync::atomic::AtomicBool::new(false);
        let found = factdesk::assist::suggest(&p, &Default::default(), &mut |_| {}, &cancel).unwrap();
        let picks = accept::quotes_and_claims(&found);
        let acceptance = accept::accept_all(&p, &picks, "me", &common::context(), Retire::Yes).unwrap();
        round_trip(p, acceptance.plan)?;
    }
}
