//! Krippendorff's alpha for any number of coders, missing values allowed.
//!
//! Computed from the coincidence matrix as in Krippendorff (2011), "Computing
//! Krippendorff's Alpha-Reliability": α = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.

use super::{NotAvailable, Score};

/// The metric that says how far apart two values are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    /// Categories: equal or not (labels, quote types, speakers).
    Nominal,
    /// Ranks: distance counts how many values lie between (verdict scale, polarity).
    Ordinal,
    /// Numbers: squared difference.
    Interval,
}

/// Alpha over `units`, each the values the coders gave one unit (missing values left out).
/// Nominal categories are passed as any distinct numbers. Units with fewer than two values
/// are not pairable and do not count. Undefined when nothing is pairable, or when only one
/// value was ever used (no disagreement is possible).
pub fn krippendorff_alpha<U: AsRef<[f64]>>(
    units: impl IntoIterator<Item = U>,
    level: Level,
) -> Score {
    let units: Vec<U> = units
        .into_iter()
        .filter(|u| u.as_ref().len() >= 2)
        .collect();
    let mut values: Vec<f64> = units
        .iter()
        .flat_map(|u| u.as_ref().iter().copied())
        .collect();
    values.sort_by(f64::total_cmp);
    values.dedup();
    if units.is_empty() {
        return NotAvailable::NoPairableValues.into();
    }
    if values.len() < 2 {
        return NotAvailable::SingleCategory.into();
    }
    let index = |v: f64| {
        values
            .binary_search_by(|x| x.total_cmp(&v))
            .unwrap_or_default()
    };
    let k = values.len();
    // Coincidence matrix: every ordered pair of values within a unit, weighted 1/(m_u − 1).
    let mut o = vec![0.0f64; k * k];
    let mut counts = vec![0usize; k];
    for u in &units {
        let u = u.as_ref();
        counts.fill(0);
        for &v in u {
            counts[index(v)] += 1;
        }
        let w = 1.0 / (u.len() - 1) as f64;
        for c in 0..k {
            if counts[c] == 0 {
                continue;
            }
            for d in 0..k {
                let pairs = if c == d {
                    counts[c] * (counts[c] - 1)
                } else {
                    counts[c] * counts[d]
                };
                o[c * k + d] += pairs as f64 * w;
            }
        }
    }
    let n_c: Vec<f64> = (0..k).map(|c| o[c * k..(c + 1) * k].iter().sum()).collect();
    let n: f64 = n_c.iter().sum();
    let delta = |c: usize, d: usize| -> f64 {
        match level {
            Level::Nominal => f64::from(u8::from(c != d)),
            Level::Interval => (values[c] - values[d]).powi(2),
            Level::Ordinal => {
                let (lo, hi) = (c.min(d), c.max(d));
                let between: f64 = n_c[lo..=hi].iter().sum();
                (between - (n_c[lo] + n_c[hi]) / 2.0).powi(2)
            }
        }
    };
    let (mut observed, mut expected) = (0.0, 0.0);
    for c in 0..k {
        for d in 0..k {
            if c == d {
                continue;
            }
            let dl = delta(c, d);
            observed += o[c * k + d] * dl;
            expected += n_c[c] * n_c[d] * dl;
        }
    }
    if expected <= 0.0 {
        return NotAvailable::SingleCategory.into();
    }
    Score::Value(1.0 - (n - 1.0) * observed / expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
    /// 4 coders × 12 units, values 1–5, with missing values (`0` here = missing).
    /// Published: nominal 0.743, ordinal 0.815, interval 0.849 (also the `krippendorff`
    /// package docstring and NLTK's `test_disagreement.py`: nominal 0.743421052632).
    fn reliability_data() -> Vec<Vec<f64>> {
        let coders: [[u8; 12]; 4] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3],
            [0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0],
        ];
        (0..12)
            .map(|u| {
                coders
                    .iter()
                    .map(|c| c[u])
                    .filter(|&v| v != 0)
                    .map(f64::from)
                    .collect()
            })
            .collect()
    }

    fn alpha(level: Level) -> f64 {
        krippendorff_alpha(reliability_data(), level)
            .value()
            .unwrap()
    }

    #[test]
    fn krippendorff_2011_worked_example() {
        assert!((alpha(Level::Nominal) - 0.743421052632).abs() < 1e-9);
        assert_eq!(format!("{:.3}", alpha(Level::Ordinal)), "0.815");
        assert_eq!(format!("{:.3}", alpha(Level::Interval)), "0.849");
    }

    #[test]
    fn edge_cases() {
        // Full agreement gives 1.0, not 0.0 (a bug the reference implementations fixed).
        let full = [[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]];
        assert_eq!(krippendorff_alpha(full, Level::Nominal), Score::Value(1.0));
        assert_eq!(krippendorff_alpha(full, Level::Ordinal), Score::Value(1.0));
        let one = [[4.0, 4.0], [4.0, 4.0]];
        assert_eq!(
            krippendorff_alpha(one, Level::Nominal).reason(),
            Some(NotAvailable::SingleCategory)
        );
        let lonely: [&[f64]; 2] = [&[1.0], &[]];
        assert_eq!(
            krippendorff_alpha(lonely, Level::Nominal).reason(),
            Some(NotAvailable::NoPairableValues)
        );
    }
}
