//! Cohen's kappa for two raters who labelled the same items.

use super::{NotAvailable, Score};
use std::collections::HashMap;
use std::hash::Hash;

/// Numbers categories 0, 1, 2 … in order of appearance. Categories are usually few
/// (labels, verdicts), so a short list is searched; past [`Self::LIST_MAX`] it hashes.
struct Interner<T> {
    keys: Vec<T>,
    map: Option<HashMap<T, usize>>,
}

impl<T: Eq + Hash> Interner<T> {
    const LIST_MAX: usize = 16;

    fn id(&mut self, x: T) -> usize {
        if let Some(map) = &mut self.map {
            let n = map.len();
            return *map.entry(x).or_insert(n);
        }
        if let Some(i) = self.keys.iter().position(|k| *k == x) {
            return i;
        }
        self.keys.push(x);
        let n = self.keys.len();
        if n > Self::LIST_MAX {
            self.map = Some(
                self.keys
                    .drain(..)
                    .enumerate()
                    .map(|(i, k)| (k, i))
                    .collect(),
            );
        }
        n - 1
    }
}

/// Cohen's kappa, κ = (Ao − Ae) / (1 − Ae), with Ae from each rater's own label
/// distribution. Undefined when there are no items or chance agreement is 1 (both raters
/// used one and the same category).
pub fn cohen_kappa<T: Eq + Hash>(pairs: impl IntoIterator<Item = (T, T)>) -> Score {
    let mut interner = Interner {
        keys: Vec::new(),
        map: None,
    };
    let mut n = 0usize;
    let mut agree = 0usize;
    let mut count_a: Vec<usize> = Vec::new();
    let mut count_b: Vec<usize> = Vec::new();
    for (x, y) in pairs {
        n += 1;
        let (i, j) = (interner.id(x), interner.id(y));
        if i == j {
            agree += 1;
        }
        let need = i.max(j) + 1;
        if count_a.len() < need {
            count_a.resize(need, 0);
            count_b.resize(need, 0);
        }
        count_a[i] += 1;
        count_b[j] += 1;
    }
    if n == 0 {
        return NotAvailable::NoItems.into();
    }
    let nf = n as f64;
    let observed = agree as f64 / nf;
    let expected: f64 = count_a
        .iter()
        .zip(&count_b)
        .map(|(&ca, &cb)| ca as f64 * cb as f64)
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
        // More categories than the short list holds: the same as relabelled data.
        let many: Vec<(u32, u32)> = (0..200).map(|i| (i % 40, (i * 7) % 40)).collect();
        let few: Vec<(u32, u32)> = many.iter().map(|&(x, y)| (x + 1000, y + 1000)).collect();
        assert_eq!(cohen_kappa(many), cohen_kappa(few));
        // 50 items: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → κ = 0.4.
        let k = cohen_kappa(table(20, 5, 10, 15)).value().unwrap();
        assert!((k - 0.4).abs() < 1e-9, "{k}");
    }
}
