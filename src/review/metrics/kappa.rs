//! Cohen's kappa for two raters who labelled the same items.

use super::{NotAvailable, Score};
use std::collections::HashMap;
use std::hash::Hash;

/// Cohen's kappa, κ = (Ao − Ae) / (1 − Ae), with Ae from each rater's own label
/// distribution. Undefined when there are no items or chance agreement is 1 (both raters
/// used one and the same category).
pub fn cohen_kappa<T: Eq + Hash>(pairs: impl IntoIterator<Item = (T, T)>) -> Score {
    let mut n = 0usize;
    let mut agree = 0usize;
    let mut count_a: HashMap<T, usize> = HashMap::new();
    let mut count_b: HashMap<T, usize> = HashMap::new();
    for (x, y) in pairs {
        n += 1;
        if x == y {
            agree += 1;
        }
        *count_a.entry(x).or_default() += 1;
        *count_b.entry(y).or_default() += 1;
    }
    if n == 0 {
        return NotAvailable::NoItems.into();
    }
    let nf = n as f64;
    let observed = agree as f64 / nf;
    let expected: f64 = count_a
        .iter()
        .map(|(k, &ca)| ca as f64 * count_b.get(k).copied().unwrap_or(0) as f64)
        .sum::<f64>()
        / (nf * nf);
    if (1.0 - expected).abs() < 1e-12 {
        return NotAvailable::SingleCategory.into();
    }
    Score::Value((observed - expected) / (1.0 - expected))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(yy: usize, yn: usize, ny: usize, nn: usize) -> Vec<(&'static str, &'static str)> {
        let mut v = Vec::new();
        v.extend(std::iter::repeat_n(("y", "y"), yy));
        v.extend(std::iter::repeat_n(("y", "n"), yn));
        v.extend(std::iter::repeat_n(("n", "y"), ny));
        v.extend(std::iter::repeat_n(("n", "n"), nn));
        v
    }

    /// Artstein & Poesio (2008), "Inter-coder agreement for computational linguistics",
    /// Computational Linguistics 34(4), Table 1: 20 / 20 / 10 / 50 over 100 items gives
    /// Ao = 0.7, Ae = 0.54, κ = 0.348 (also scikit-learn's `test_cohen_kappa`).
    #[test]
    fn artstein_poesio_table_1() {
        // Coder A: Stat 20+20, IReq 10+50; coder B: Stat 20+10, IReq 20+50.
        let k = cohen_kappa(table(20, 20, 10, 50)).value().unwrap();
        assert!((k - 0.3478).abs() < 5e-4, "{k}");
        assert_eq!(format!("{:.3}", k), "0.348");
    }

    #[test]
    fn undefined_and_perfect() {
        assert_eq!(
            cohen_kappa(Vec::<(u8, u8)>::new()),
            Score::NotAvailable(NotAvailable::NoItems)
        );
        assert_eq!(
            cohen_kappa([(1, 1), (1, 1)]),
            Score::NotAvailable(NotAvailable::SingleCategory)
        );
        assert_eq!(cohen_kappa([(1, 1), (2, 2)]), Score::Value(1.0));
        // 50 items: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → κ = 0.4.
        let k = cohen_kappa(table(20, 5, 10, 15)).value().unwrap();
        assert!((k - 0.4).abs() < 1e-9, "{k}");
    }
}
