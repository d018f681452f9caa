//! The claims development set (`tests/data/claims-dev/`, written for factdesk): ranked
//! earlier checks (MAP@5, false matches above the threshold) and suggested groups
//! (pairwise F1). The rules were written looking at this set: the figures are regression
//! floors, not accuracy on unseen text.

mod common;

#[test]
fn dev_set_matches_and_groups_stay_above_their_floors() {
    let common::claims_eval::ClaimsScore {
        checks,
        map5,
        false_rate,
        f1,
    } = common::claims_eval::score("claims-dev");
    assert_eq!(checks, 40);
    // Regression floors on the development set (see the module comment).
    assert!(map5 >= 0.90, "MAP@5 {map5:.3}");
    assert!(false_rate <= 0.10, "false matches {false_rate:.3}");
    assert!(f1 >= 0.90, "grouping F1 {f1:.3}");
}
