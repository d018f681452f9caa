//! Sister terms (`claims/words/contrasts.txt`): a claim about nurses is not one about
//! teachers, polio is not measles, however alike the rest of the wording and the numbers.

use super::signature::{Signature, term};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Which line of the list each term (stemmed and synonym-folded as signatures are) is on.
fn sets() -> &'static HashMap<String, usize> {
    static SETS: OnceLock<HashMap<String, usize>> = OnceLock::new();
    SETS.get_or_init(|| {
        include_str!("words/contrasts.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .enumerate()
            .flat_map(|(n, l)| l.split_whitespace().map(move |w| (term(w), n)))
            .collect()
    })
}

/// Whether the two claims name different sisters of one set and no member in common: the
/// subject differs.
pub fn subjects_differ(a: &Signature, b: &Signature) -> bool {
    let sets = sets();
    fn members<'s>(s: &'s Signature, sets: &HashMap<String, usize>) -> Vec<(usize, &'s str)> {
        let mut m: Vec<(usize, &str)> = s
            .terms
            .iter()
            .filter_map(|t| sets.get(t).map(|&n| (n, t.as_str())))
            .collect();
        m.sort_unstable();
        m.dedup();
        m
    }
    let (ma, mb) = (members(a, sets), members(b, sets));
    ma.iter().any(|&(set, _)| {
        mb.iter().any(|&(s, _)| s == set)
            && !ma
                .iter()
                .any(|&(s, t)| s == set && mb.iter().any(|&(s2, t2)| s2 == set && t2 == t))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::signature::signature;

    fn differ(a: &str, b: &str) -> bool {
        subjects_differ(&signature(a), &signature(b))
    }

    #[test]
    fn sisters_differ_and_shared_members_do_not() {
        assert!(differ(
            "Nurses in Ontario got a 3% raise",
            "Teachers in Ontario got a 3% raise"
        ));
        assert!(differ(
            "Polio vaccination among children fell to 70%",
            "Measles jabs among children fell to 70%"
        ));
        assert!(!differ(
            "Nurses and teachers got a 3% raise",
            "Teachers got a 3% raise"
        ));
        assert!(!differ("Nurses got a 3% raise", "Pay rose 3% in Ontario"));
        assert!(!differ(
            "Diesel prices tripled",
            "Gasoline and diesel cost three times as much"
        ));
    }
}
