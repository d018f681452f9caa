//! The claims held-out set (`tests/data/claims-heldout/`, written for factdesk without
//! looking at the development set's sentences): ranked earlier checks (MAP@5, false matches
//! above the threshold) and suggested groups (pairwise F1). The first measurement, before
//! any rule was changed for it, is in the set's README; the floors below are what the
//! rules reach now.

mod common;

/// What a set must keep reaching.
struct Floors {
    map5: f64,
    false_rate: f64,
    f1: f64,
}

/// Score `set` (which has `checks` published checks) and hold it to its floors.
fn holds(set: &str, checks: usize, floors: Floors) {
    let score = common::claims_eval::score(set);
    assert_eq!(score.checks, checks);
    let (map5, false_rate, f1) = (score.map5, score.false_rate, score.f1);
    assert!(map5 >= floors.map5, "MAP@5 {map5:.3}");
    assert!(
        false_rate <= floors.false_rate,
        "false matches {false_rate:.3}"
    );
    assert!(f1 >= floors.f1, "grouping F1 {f1:.3}");
}

#[test]
fn heldout_set_matches_and_groups_stay_above_their_floors() {
    // Floors at what the rules reach now (they were changed after this set's misses were
    // read, so these are regression floors; the honest first figures are in its README).
    // The targets: MAP@5 >= 0.90, false matches <= 0.10, grouping F1 >= 0.90.
    holds(
        "claims-heldout",
        100,
        Floors {
            map5: 0.99,
            false_rate: 0.01,
            f1: 0.99,
        },
    );
}

/// The second held-out set (`tests/data/claims-heldout-2/`), written by someone who read
/// neither the rules nor the first set's sentences. Measured once before the rules were
/// changed (its README); the rules were then changed after reading its misses too, so the
/// floors are regression floors.
#[test]
fn second_heldout_set_matches_and_groups_stay_above_their_floors() {
    holds(
        "claims-heldout-2",
        120,
        Floors {
            map5: 0.98,
            false_rate: 0.06,
            f1: 0.93,
        },
    );
}

/// The third held-out set (`tests/data/claims-heldout-3/`), written while the rules were
/// being changed on the first two and measured once after (its README); its misses were
/// then read too, so these are regression floors as well.
#[test]
fn third_heldout_set_matches_and_groups_stay_above_their_floors() {
    holds(
        "claims-heldout-3",
        110,
        // Session 9 (claims meet through the check both restate; another year vetoes a
        // group): grouping F1 1.000.
        Floors {
            map5: 0.97,
            false_rate: 0.05,
            f1: 0.97,
        },
    );
}

/// The fourth held-out set (`tests/data/claims-heldout-4/`), written after this session's
/// rules were done and measured once (the honest figures, in its README); two of its misses
/// were fixed afterwards, so the floors are what the rules reach now.
#[test]
fn fourth_heldout_set_matches_and_groups_stay_above_their_floors() {
    // Measured once: MAP@5 0.978, false 0.086, grouping F1 0.649 (below the 0.90 target);
    // after "point" decimals and "slid" (its misses read): 0.978, 0.071, 0.750.
    holds(
        "claims-heldout-4",
        110,
        Floors {
            map5: 0.97,
            false_rate: 0.05,
            f1: 0.88,
        },
    );
}

/// The fifth held-out set (`tests/data/claims-heldout-5/`), written by a helper that read
/// neither the rules nor the other sets' sentences, and measured once before any rule was
/// changed for it (its README has those honest figures).
#[test]
fn fifth_heldout_set_matches_and_groups_stay_above_their_floors() {
    holds(
        "claims-heldout-5",
        110,
        // Measured once: MAP@5 0.943, false 0.129, grouping F1 0.424. After reading its
        // misses (another measure of one subject, signed changes, Mt and t, places of
        // several words, shouted kickers, a first word that is a place): 0.970, 0.086, 0.579.
        // Session 8 (spoken years, seasons, spans of years, one figure anchoring a group,
        // written for heldout-6's misses, and every state's demonym): 0.961, 0.043, 0.714.
        // Session 10 (a direction outside a relative clause, "two of every five", people
        // who died): 0.963, 0.057 (the broadsheet's inserted "two of every five beans" now
        // meets the 40% check it states), 0.826.
        Floors {
            map5: 0.96,
            false_rate: 0.06,
            f1: 0.82,
        },
    );
}

/// The sixth held-out set (`tests/data/claims-heldout-6/`), written by a helper that read
/// neither the rules nor the other sets' sentences: complements of a fall, factors, ratios,
/// unit changes, spoken numbers, implied places.
#[test]
fn sixth_heldout_set_matches_and_groups_stay_above_their_floors() {
    holds(
        "claims-heldout-6",
        110,
        // Measured once: MAP@5 0.896, false 0.143, grouping F1 0.519. After reading its
        // misses (spoken years, seasons, a fraction of a unit, volumes, spans of years, a
        // change against no change, one figure anchoring a group): 0.942, 0.086, 0.571.
        // Session 9 (one-sided figures against a check, claims meeting through their
        // check): 0.989, 0.057, 0.914.
        Floors {
            map5: 0.98,
            false_rate: 0.06,
            f1: 0.94,
        },
    );
}

/// The seventh held-out set (`tests/data/claims-heldout-7/`), written by a helper that read
/// neither the rules nor the other sets' sentences, while the rules were being changed on
/// heldout-6; measured once after those changes were final (its README).
#[test]
fn seventh_heldout_set_matches_and_groups_stay_above_their_floors() {
    holds(
        "claims-heldout-7",
        110,
        // Measured once: MAP@5 0.904, false 0.014, grouping F1 0.529. After reading its
        // misses (a currency's "US" is no place, one shared name but two towns, livestock
        // as sisters, chemical symbols, "trebled"): 0.920, 0.000, 0.621.
        Floors {
            map5: 0.97,
            false_rate: 0.02,
            f1: 0.77,
        },
    );
}

/// The eighth held-out set (`tests/data/claims-heldout-8/`, 150 checks), written by a
/// helper that read neither the rules nor the other sets' sentences; measured once at the
/// start of session 9, then its misses read.
#[test]
fn eighth_heldout_set_matches_and_groups_stay_above_their_floors() {
    holds(
        "claims-heldout-8",
        150,
        // Measured once: MAP@5 0.812, false 0.143, grouping F1 0.370. After reading its
        // misses (shares said in words, shouted kickers, durations and gas volumes, a
        // check's figure the claim lacks, claims meeting through their check, a wire's
        // codes as doubt, a clearly weaker second check unasserted, teachers and schools as
        // sisters): 0.935, 0.071, 0.743.
        Floors {
            map5: 0.94,
            false_rate: 0.08,
            f1: 0.80,
        },
    );
}

/// The ninth held-out set (`tests/data/claims-heldout-9/`, 150 checks), written by a helper
/// that read neither the rules nor the other sets' sentences; measured at the start of
/// session 9 and again at its end and at the start of session 10, its misses unread until
/// then (its README). Read in session 10, so these are regression floors.
#[test]
fn ninth_heldout_set_matches_and_groups_stay_above_their_floors() {
    holds(
        "claims-heldout-9",
        150,
        // At the start: MAP@5 0.730, false 0.114, grouping F1 0.182 (by wording; 0.333
        // with the library). At the end (bda54e1): 0.770, 0.057, 0.483, again at the start
        // of session 10. After reading its misses (spoken scales, ranks and weights, an
        // outlet's own place, people who died): 0.806, 0.057, 0.688.
        Floors {
            map5: 0.86,
            false_rate: 0.06,
            f1: 0.79,
        },
    );
}

/// The tenth held-out set (`tests/data/claims-heldout-10/`, 150 checks), written by a
/// helper that read neither the rules nor the other sets' sentences; measured at the end of
/// session 9 and the start of session 10, then its misses read (its README).
#[test]
fn tenth_heldout_set_matches_and_groups_stay_above_their_floors() {
    holds(
        "claims-heldout-10",
        150,
        // Measured once (bda54e1): MAP@5 0.931, false 0.129, grouping F1 0.744. After
        // reading its misses (a number hyphened onto a name, money flowing in or out, TV
        // and radio, water and toilets): 0.953, 0.086, 0.905.
        Floors {
            map5: 0.95,
            false_rate: 0.09,
            f1: 0.90,
        },
    );
}

/// The eleventh held-out set (`tests/data/claims-heldout-11/`, 150 checks), written in
/// session 10 by a helper that read neither the rules nor the other sets' sentences; its
/// misses unread while the rules changed (its README).
#[test]
fn eleventh_heldout_set_matches_and_groups_stay_above_their_floors() {
    holds(
        "claims-heldout-11",
        150,
        // At the start of session 10 (4a9668c), at its end (d47246f) and at the start of
        // session 11 (381c78c): MAP@5 0.937, false 0.100, grouping F1 0.485. Its misses were
        // read in session 11 (a place gazetteer, datelines, complements): 0.953/0.100/0.718.
        Floors {
            map5: 0.97,
            false_rate: 0.1,
            f1: 0.71,
        },
    );
}

/// `claims-heldout-12` (session 11: invasive species, drowning, reindeer, post, languages,
/// silk, the Aral seabed, fluoridation, sea cucumbers, charcoal, teff, bird shooting),
/// measured unread three times (its README); its misses were read at the start of session
/// 12, so this is a regression floor now.
#[test]
fn twelfth_heldout_set_matches_and_groups_stay_above_their_floors() {
    holds(
        "claims-heldout-12",
        150,
        // Unread (381c78c … 2d0ac04): MAP@5 0.979, false 0.057, grouping F1 0.600–0.605;
        // with rules read from its misses (session 12): 0.979 / 0.029 / 0.737.
        Floors {
            map5: 0.97,
            false_rate: 0.03,
            f1: 0.73,
        },
    );
}

/// `claims-heldout-13` (session 12: noise, salt, tin, amber, blood donation, geothermal
/// power, hazelnuts, maple syrup, dairy, ice roads, alpacas, Komodo dragons, mangroves),
/// measured before any rule was changed for it, its misses unread (its README).
#[test]
fn thirteenth_heldout_set_matches_and_groups_stay_above_their_floors() {
    holds(
        "claims-heldout-13",
        150,
        // At the start of session 12 (2d0ac04), unread: MAP@5 0.989, false 0.071, grouping
        // F1 0.743; the same with that session's rules.
        Floors {
            map5: 0.98,
            false_rate: 0.08,
            f1: 0.74,
        },
    );
}
