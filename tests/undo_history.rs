//! Property: any sequence of edits, applied through a `Session` and then undone step by
//! step, gives back the original project exactly; redoing them all gives back the edited
//! one. Projects and edits are random (text with emoji, RTL and combining marks).

mod common;

use factdesk::app::{Edit, Session};
use factdesk::model::*;
use proptest::prelude::*;

/// A user-level edit, described by numbers so proptest can shrink it; turned into a real
/// `Edit` against the project as it is at that moment.
#[derive(Clone, Debug)]
enum Op {
    Add { layer: u8, at: usize, len: usize },
    Remove { pick: usize },
    Note { pick: usize, note: String },
    AddEntity { name: String },
    Aliases { pick: usize, alias: String },
    Done { pick: usize },
    AddLayer { name: String },
    Decide { pick: usize },
    Batch { ops: Vec<(usize, usize)> },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0u8..3, any::<usize>(), 1usize..40).prop_map(|(layer, at, len)| Op::Add {
            layer,
            at,
            len
        }),
        any::<usize>().prop_map(|pick| Op::Remove { pick }),
        (any::<usize>(), common::hard_text()).prop_map(|(pick, note)| Op::Note { pick, note }),
        "[A-Za-zé ]{1,12}".prop_map(|name| Op::AddEntity { name }),
        (any::<usize>(), "[a-z]{1,8}").prop_map(|(pick, alias)| Op::Aliases { pick, alias }),
        any::<usize>().prop_map(|pick| Op::Done { pick }),
        "[a-z]{1,8}".prop_map(|name| Op::AddLayer { name }),
        any::<usize>().prop_map(|pick| Op::Decide { pick }),
        proptest::collection::vec((any::<usize>(), 1usize..20), 1..4)
            .prop_map(|ops| Op::Batch { ops }),
    ]
}

fn add(project: &Project, layer: u8, at: usize, len: usize) -> Option<Edit> {
    let article = project.articles.get(at % project.articles.len().max(1))?;
    let n = text::char_len(&article.text);
    if n == 0 {
        return None;
    }
    let start = at % n;
    let end = (start + len).min(n);
    let span = Span::from_text(&article.text, start, end).ok()?;
    let kind = AnnotationKind::empty(KindName::ALL[at % 4]);
    Some(Edit::AddAnnotation {
        layer: ["alice", "bob", "adjudicated"][layer as usize % 3].into(),
        annotation: Annotation::new(
            project.mint_annotation_id(),
            article.id,
            span,
            kind,
            Provenance::Manual,
            chrono::Utc::now(),
        ),
    })
}

fn pick_annotation(project: &Project, pick: usize) -> Option<Annotation> {
    let n = project.annotation_count();
    (n > 0).then(|| project.annotations().nth(pick % n).unwrap().1.clone())
}

fn to_edit(project: &Project, op: &Op) -> Option<Edit> {
    Some(match op {
        Op::Add { layer, at, len } => return add(project, *layer, *at, *len),
        Op::Remove { pick } => Edit::RemoveAnnotation(pick_annotation(project, *pick)?.id),
        Op::Note { pick, note } => {
            let mut a = pick_annotation(project, *pick)?;
            a.note = note.clone();
            Edit::ReplaceAnnotation(a)
        }
        Op::AddEntity { name } => Edit::AddEntity(Entity::person(project.mint_entity_id(), name)),
        Op::Aliases { pick, alias } => {
            let n = project.entities.len();
            let mut e = project.entities.get(pick % n.max(1))?.clone();
            e.aliases.push(alias.clone());
            Edit::ReplaceEntity(e)
        }
        Op::Done { pick } => {
            let a = project.articles.get(pick % project.articles.len().max(1))?;
            Edit::SetDone {
                article: a.id,
                done: !a.done,
            }
        }
        Op::AddLayer { name } => {
            if project.layer(name).is_some() {
                return None;
            }
            Edit::AddLayer(Layer::new(name.clone(), LayerRole::Annotator))
        }
        Op::Decide { pick } => Edit::AddDecision(Decision {
            annotation: pick_annotation(project, *pick)?.id,
            action: DecisionAction::Rejected,
            reviewer: "rita".into(),
            at: chrono::DateTime::UNIX_EPOCH,
            note: String::new(),
            other: None,
            article: None,
            item: format!("op {pick}"),
            result: None,
            changed: String::new(),
        }),
        Op::Batch { ops } => {
            // Several additions at once, as an import makes them (ids kept distinct).
            let mut scratch = project.clone();
            let mut edits = Vec::new();
            for (at, len) in ops {
                let e = add(&scratch, (*at % 3) as u8, *at, *len)?;
                e.clone().apply(&mut scratch).ok()?;
                edits.push(e);
            }
            Edit::Batch(edits)
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn undo_all_restores_the_original_and_redo_all_the_edited(
        original in common::project(),
        ops in proptest::collection::vec(op(), 1..25),
    ) {
        let mut session = Session::new(original.clone(), None);
        let mut applied = 0;
        for (i, op) in ops.iter().enumerate() {
            if let Some(edit) = to_edit(session.project(), op) {
                // An edit that changes nothing visible leaves no undo step.
                let visible = !edit.changes_nothing_in(session.project());
                session.apply(edit, "op", i as f64 * 10.0, false).unwrap();
                applied += usize::from(visible);
            }
        }
        let edited = session.project().clone();
        prop_assert_eq!(session.is_dirty(), applied > 0);
        for _ in 0..applied {
            prop_assert!(session.undo().unwrap().is_some());
        }
        prop_assert!(session.undo().unwrap().is_none());
        prop_assert_eq!(session.project(), &original);
        prop_assert!(!session.is_dirty(), "back at the saved state");
        for _ in 0..applied {
            prop_assert!(session.redo().unwrap().is_some());
        }
        prop_assert_eq!(session.project(), &edited);
    }
}
