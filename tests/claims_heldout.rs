//! The claims held-out set (`tests/data/claims-heldout/`, written for factdesk without
//! looking at the development set's sentences): ranked earlier checks (MAP@5, false matches
//! above the threshold) and suggested groups (pairwise F1). The first measurement, before
//! any rule was changed for it, is in the set's README; the floors below are what the
//! rules reach now.

mod common;

#[test]
fn heldout_set_matches_and_groups_stay_above_their_floors() {
    let common::claims_eval::ClaimsScore {
        checks,
        map5,
        false_rate,
        f1,
    } = common::claims_eval::score("claims-heldout");
    assert_eq!(checks, 100);
    // Floors at the first (honest) measurement; the targets are MAP@5 >= 0.90,
    // false matches <= 0.10 and grouping F1 >= 0.90 — grouping is still below its target.
    assert!(map5 >= 0.95, "MAP@5 {map5:.3}");
    assert!(false_rate <= 0.05, "false matches {false_rate:.3}");
    assert!(f1 >= 0.66, "grouping F1 {f1:.3}");
}
