//! `factdesk agree` on claim groups, as a process on real files: the pairwise agreement
//! of two annotators' groupings is in the JSON and the text report, and a project
//! without groups says why there is no figure.

mod common;

use common::claim_groups::regroup;
use common::{factdesk, p, sample_path, stderr, stdout};
use serde_json::Value;

fn agree_json(file: &std::path::Path) -> Value {
    let o = factdesk(&["agree", p(file), "--json", "--layers", "sample,zahra"]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

#[test]
fn agree_reports_claim_group_agreement() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = factdesk::store::load(&sample_path()).unwrap();
    // sample groups three claims as False, zahra two of them as True.
    regroup(&mut project, "sample", "zahra", "False", "True");
    let file = dir.path().join("grouped.ron");
    factdesk::store::save(&file, &project).unwrap();

    let v = agree_json(&file);
    let g = &v["pairs"][0]["groups"];
    assert_eq!(g["groups_a"], 1);
    assert_eq!(g["groups_b"], 1);
    // sample's group has 3 pairs, zahra's 1, shared 1.
    assert_eq!(
        (&g["pairs_both"], &g["pairs_only_a"], &g["pairs_only_b"]),
        (&Value::from(1), &Value::from(2), &Value::from(0))
    );
    assert_eq!(g["precision"].as_f64(), Some(1.0 / 3.0));
    assert_eq!(g["recall"].as_f64(), Some(1.0));
    assert_eq!(g["f1"].as_f64(), Some(0.5));
    assert_eq!(g["grouping_differs"], 3);
    assert_eq!(g["verdict_differs"], 1);
    assert!(g["claims"].as_u64().unwrap() >= 3);
    // The report's other fields are where they were.
    assert!(v["pairs"][0]["span_f1"]["strict"].is_number());

    let o = factdesk(&["agree", p(&file), "--layers", "sample,zahra"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("claim groups 1 / 1 over"), "{text}");
    assert!(
        text.contains("pairwise P 0.333   R 1.000   F1 0.500"),
        "{text}"
    );
    assert!(
        text.contains("grouped differently 3   group verdicts differ 1"),
        "{text}"
    );

    // No groups on either side: no figure, and the reason.
    for layer in &mut project.layers {
        layer.claim_groups.clear();
    }
    let bare = dir.path().join("bare.ron");
    factdesk::store::save(&bare, &project).unwrap();
    let v = agree_json(&bare);
    let pair = &v["pairs"][0];
    assert!(pair["groups"]["f1"].is_null());
    assert_eq!(pair["reasons"]["groups.f1"], "no items to compare");
    assert_eq!(pair["groups"]["pairs_both"], 0);
}
