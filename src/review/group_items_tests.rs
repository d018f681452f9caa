use super::*;
use crate::model::ClaimMember;
use crate::review::adjudicate::adjudicate;
use crate::review::disagreement::{CompareOptions, review_items};
use crate::review::test_support::{claim, project_with};

fn reviewer(seed: u64) -> Context {
    Context::new(
        "rita",
        chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
        seed,
    )
}

fn group(id: u64, statement: &str, verdict: &str, members: &[u64]) -> ClaimGroup {
    ClaimGroup {
        id: ClaimGroupId(id),
        statement: statement.into(),
        verdict: Some(verdict.into()),
        members: members
            .iter()
            .map(|m| ClaimMember {
                annotation: AnnotationId(*m),
                verdict_override: None,
            })
            .collect(),
        ..ClaimGroup::default()
    }
}

/// Three claims both layers marked ("Khamenei", "the crowd", "millions"), the third with
/// different verdicts; alice groups the first two as False, bob all three as True.
fn setup() -> Project {
    let claims = |base: u64, third: &str| {
        vec![
            claim(base + 1, 0, 8, "True"),
            claim(base + 2, 14, 23, "True"),
            claim(base + 3, 40, 48, third),
        ]
    };
    let mut p = project_with(claims(0, "False"), claims(10, "True"));
    p.layer_mut("alice").claim_groups = vec![group(100, "Millions mourned", "False", &[1, 2])];
    p.layer_mut("bob").claim_groups = vec![group(200, "Millions came", "True", &[11, 12, 13])];
    assert!(p.problems().is_empty(), "{:?}", p.problems());
    p
}

fn items(p: &Project) -> Vec<ReviewItem> {
    review_items(p, "alice", "bob", CompareOptions::default()).unwrap()
}

fn find(items: &[ReviewItem], category: Category, a: u64) -> ReviewItem {
    items
        .iter()
        .find(|i| i.category == category && i.a.as_ref().is_some_and(|x| x.id.0 == a))
        .unwrap_or_else(|| panic!("no {category:?} item on claim {a}"))
        .clone()
}

/// Decide, apply, and check that undoing the step gives back the project exactly.
fn decide(p: &mut Project, item: &ReviewItem, action: Action, seed: u64) -> Adjudication {
    let adj = adjudicate(p, item, action, &reviewer(seed)).unwrap();
    let before = p.clone();
    let undo = adj.clone().into_plan().apply(p).unwrap();
    let after = p.clone();
    undo.apply(p).unwrap();
    assert_eq!(*p, before, "undo restores the project exactly");
    adj.clone().into_plan().apply(p).unwrap();
    assert_eq!(*p, after);
    assert!(p.problems().is_empty(), "{:?}", p.problems());
    adj
}

fn adjudicated(p: &Project) -> &Layer {
    p.layer(ADJUDICATED).unwrap()
}

/// The adjudicated copy of source claim `id`.
fn copy(p: &Project, id: u64) -> AnnotationId {
    copies(p, adjudicated(p))[&AnnotationId(id)]
}

#[test]
fn groupings_and_group_verdicts_become_items() {
    let p = setup();
    let all = items(&p);
    let groupings: Vec<u64> = all
        .iter()
        .filter(|i| i.category == Category::GroupingDisagreement)
        .map(|i| i.a.as_ref().unwrap().id.0)
        .collect();
    // Claims 1 and 2 are together in both, but bob's group holds a third.
    assert_eq!(groupings, [1, 2, 3]);
    let verdict = find(&all, Category::GroupVerdictDisagreement, 1);
    assert_eq!(verdict.key.0, "alice|bob|group-verdict|100|200");
    assert_eq!(
        verdict.group,
        Some(GroupItem {
            a_group: Some(ClaimGroupId(100)),
            b_group: Some(ClaimGroupId(200)),
        })
    );
    let f = &verdict.fields[0];
    assert_eq!(
        (f.name, f.a.as_str(), f.b.as_str()),
        ("group verdict", "False", "True")
    );
    assert!(
        !verdict.fields[1].counted,
        "the statement is shown, not counted"
    );
    let third = find(&all, Category::GroupingDisagreement, 3);
    assert_eq!(third.key.0, "alice|bob|grouping|3|13");
    assert_eq!(third.fields[0].a, "(in no group)");
    assert_eq!(third.fields[0].b, "“Millions came” and 2 other claim(s)");
    assert_eq!(third.fields[1].b, "“Khamenei…” (t); “the crowd…” (t)");
    assert!(!third.fields[1].counted);
    // No groups, no group items.
    let plain = project_with(vec![claim(1, 0, 8, "True")], vec![claim(2, 0, 8, "True")]);
    assert!(items(&plain).iter().all(|i| i.group.is_none()));
}

#[test]
fn taking_a_grouping_moves_the_adjudicated_claim_and_undo_restores_it() {
    let mut p = setup();
    // Claim 3's own item (its verdicts differ) is not decided: it cannot be grouped yet.
    let third = find(&items(&p), Category::GroupingDisagreement, 3);
    assert_eq!(
        adjudicate(&p, &third, Action::AcceptTheirs, &reviewer(1)),
        Err(ReviewError::ClaimNotAdjudicated)
    );

    // Take A's grouping of claim 1: the agreed claims 1 and 2 come in, in a new group
    // like alice's.
    let first = find(&items(&p), Category::GroupingDisagreement, 1);
    let adj = decide(&mut p, &first, Action::AcceptMine, 3);
    let actions: Vec<DecisionAction> = adj.decisions.iter().map(|d| d.action).collect();
    use DecisionAction::{AcceptedMine, Agreed};
    assert_eq!(actions, [Agreed, Agreed, AcceptedMine]);
    let d = &adj.decisions[2];
    assert_eq!((d.annotation.0, d.other.map(|o| o.0)), (1, Some(11)));
    assert_eq!(d.item, "alice|bob|grouping|1|11");
    assert_eq!(d.changed, "took alice's grouping: with “Millions mourned”");
    let groups = &adjudicated(&p).claim_groups;
    assert_eq!(groups.len(), 1);
    let g = &groups[0];
    assert_eq!(
        (g.statement.as_str(), g.verdict.as_deref()),
        ("Millions mourned", Some("False"))
    );
    let members: Vec<AnnotationId> = g.members.iter().map(|m| m.annotation).collect();
    assert_eq!(members, [copy(&p, 1), copy(&p, 2)]);
    let new_group = g.id;

    // Claim 2 is already where alice has it: logged, nothing moves.
    let second = find(&items(&p), Category::GroupingDisagreement, 2);
    let adj = decide(&mut p, &second, Action::AcceptMine, 4);
    assert!(adj.groups.is_empty() && adj.add.is_empty());
    assert_eq!(adj.decisions.len(), 1);

    // Decide claim 3 itself, then take B's grouping of it: it joins the group holding
    // its mates' copies.
    let own = find(&items(&p), Category::FieldDisagreement, 3);
    decide(&mut p, &own, Action::AcceptTheirs, 5);
    let third = find(&items(&p), Category::GroupingDisagreement, 3);
    decide(&mut p, &third, Action::AcceptTheirs, 6);
    let g = adjudicated(&p).claim_group(new_group).unwrap();
    assert!(g.contains(copy(&p, 3)));
    assert_eq!(g.members.len(), 3);

    // Decided items stay decided, and are refused a second time.
    assert_eq!(open_categories(&p), [Category::GroupVerdictDisagreement]);
    assert!(matches!(
        adjudicate(&p, &third, Action::AcceptMine, &reviewer(7)),
        Err(ReviewError::AlreadyDecided(_))
    ));
}

/// The categories of the open disagreements.
fn open_categories(p: &Project) -> Vec<Category> {
    let all = items(p);
    crate::review::DecidedItems::new(p)
        .open(&all, false)
        .map(|i| i.category)
        .collect()
}

#[test]
fn taking_a_verdict_sets_the_group_verdict_and_undo_restores_it() {
    let mut p = setup();
    let verdict = find(&items(&p), Category::GroupVerdictDisagreement, 1);
    // No adjudicated group yet: B's verdict comes with a group of the copies of B's
    // claims that are in (the agreed two).
    let adj = decide(&mut p, &verdict, Action::AcceptTheirs, 3);
    assert_eq!(
        adj.decisions.last().unwrap().changed,
        "took bob's group verdict: True"
    );
    let g = &adjudicated(&p).claim_groups[0];
    assert_eq!(
        (g.statement.as_str(), g.verdict.as_deref()),
        ("Millions came", Some("True"))
    );
    assert_eq!(g.members.len(), 2);

    // Decided: refused again. With the group there, taking a verdict only sets it (the
    // log entry removed, as undoing the decision would).
    assert!(matches!(
        adjudicate(&p, &verdict, Action::AcceptMine, &reviewer(4)),
        Err(ReviewError::AlreadyDecided(_))
    ));
    let mut q = p.clone();
    q.decisions.pop();
    let adj = decide(&mut q, &verdict, Action::AcceptMine, 5);
    assert_eq!(adj.groups.edits().len(), 1, "one group changed");
    assert!(adj.add.is_empty());
    let g = &adjudicated(&q).claim_groups[0];
    assert_eq!(
        (g.statement.as_str(), g.verdict.as_deref()),
        ("Millions came", Some("False"))
    );

    // Reject: logged, nothing changes; both and edit do not fit a group item.
    let mut r = p.clone();
    r.decisions.pop();
    let adj = decide(&mut r, &verdict, Action::Reject, 6);
    assert!(adj.groups.is_empty() && adj.add.is_empty());
    assert_eq!(adj.decisions[0].action, DecisionAction::Rejected);
    assert_eq!(adj.decisions[0].changed, "kept neither group verdict");
    assert_eq!(
        adjudicate(&r, &verdict, Action::AcceptBoth, &reviewer(7)),
        Err(ReviewError::AlreadyDecided(verdict.a.as_ref().unwrap().id))
    );
    let mut s = p.clone();
    s.decisions.pop();
    assert_eq!(
        adjudicate(&s, &verdict, Action::AcceptBoth, &reviewer(8)),
        Err(ReviewError::OneSideOnly)
    );
}
