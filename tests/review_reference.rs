//! Cross-check of the agreement statistics on random data against the reference
//! implementations: scikit-learn's `cohen_kappa_score` and the `krippendorff` package
//! (`alpha`, nominal / ordinal / interval). Needs the Python environment made by
//! `scripts/python-env.sh` (`FACTDESK_TEST_PYTHON`); skipped with a note otherwise, and a
//! failure under CI.

use factdesk::review::metrics::{Level, cohen_kappa, krippendorff_alpha};
use serde_json::{Value, json};
mod common;

const SCRIPT: &str = r#"
import json, sys
import numpy as np
import krippendorff
from sklearn.metrics import cohen_kappa_score

cases = json.load(open(sys.argv[1]))
out = []
for c in cases:
    a, b = c["kappa"]
    k = cohen_kappa_score(a, b)
    data = np.array([[np.nan if v is None else v for v in row] for row in c["alpha"]], dtype=float)
    alphas = {
        level: krippendorff.alpha(reliability_data=data, level_of_measurement=level)
        for level in ("nominal", "ordinal", "interval")
    }
    out.append({"kappa": k, "alpha": alphas})
print(json.dumps(out))
"#;

#[test]
fn kappa_and_alpha_match_scikit_learn_and_krippendorff() {
    let Some(python) = common::reference_python() else {
        return;
    };
    let mut rng = fastrand::Rng::with_seed(2026);
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    for _ in 0..25 {
        // Kappa: two raters, 40 items, 2–4 categories, correlated so kappa is not ~0.
        let cats = rng.u32(2..5);
        let a: Vec<u32> = (0..40).map(|_| rng.u32(0..cats)).collect();
        let b: Vec<u32> = a
            .iter()
            .map(|&x| if rng.u8(..3) > 0 { x } else { rng.u32(0..cats) })
            .collect();
        let kappa = cohen_kappa(a.iter().zip(&b).map(|(x, y)| (*x, *y)));
        // Alpha: 4 coders × 15 units, values 1–5, about 20% missing.
        let coders = 4;
        let units = 15;
        let mut data = vec![vec![None; units]; coders];
        for u in 0..units {
            let truth = rng.u8(1..6);
            for row in data.iter_mut() {
                if rng.u8(..5) > 0 {
                    let v = if rng.bool() { truth } else { rng.u8(1..6) };
                    row[u] = Some(v);
                }
            }
        }
        let unit_values: Vec<Vec<f64>> = (0..units)
            .map(|u| data.iter().filter_map(|r| r[u]).map(f64::from).collect())
            .collect();
        let alphas = [Level::Nominal, Level::Ordinal, Level::Interval]
            .map(|l| krippendorff_alpha(&unit_values, l).value().unwrap());
        cases.push(json!({"kappa": [a, b], "alpha": data}));
        ours.push((kappa.value().unwrap(), alphas));
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("cases.json");
    std::fs::write(&input, serde_json::to_string(&cases).unwrap()).unwrap();
    let o = std::process::Command::new(python)
        .arg("-c")
        .arg(SCRIPT)
        .arg(&input)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let theirs: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(theirs.len(), ours.len());
    for (i, ((k, alphas), t)) in ours.iter().zip(&theirs).enumerate() {
        let tk = t["kappa"].as_f64().unwrap();
        assert!(
            (k - tk).abs() < 1e-9,
            "case {i}: kappa {k} vs scikit-learn {tk}"
        );
        for (level, a) in ["nominal", "ordinal", "interval"].iter().zip(alphas) {
            let ta = t["alpha"][level].as_f64().unwrap();
            assert!(
                (a - ta).abs() < 1e-9,
                "case {i}: {level} alpha {a} vs krippendorff {ta}"
            );
        }
    }
}
