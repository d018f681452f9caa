//! Sister terms (`claims/words/contrasts.txt`): a claim about nurses is not one about
//! teachers, polio is not measles, however alike the rest of the wording and the numbers.

use super::signature::{Signature, term};
use foldhash::HashMap;
use std::sync::OnceLock;

/// A claim's term that the list holds: its line and which word of the file it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Sister {
    pub set: u32,
    pub word: u32,
}

/// Each listed term (stemmed and synonym-folded as signatures are) with its lines: a term
/// may stand in several ("deaths" is not births, nor cases of a disease).
fn sets() -> &'static HashMap<String, Vec<Sister>> {
    static SETS: OnceLock<HashMap<String, Vec<Sister>>> = OnceLock::new();
    SETS.get_or_init(|| {
        let mut map: HashMap<String, Vec<Sister>> = HashMap::default();
        let lines = include_str!("words/contrasts.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        let mut words = 0u32;
        for (set, line) in lines.enumerate() {
            for w in line.split_whitespace() {
                let entry = map.entry(term(w)).or_default();
                if entry.iter().all(|s| s.set != set as u32) {
                    entry.push(Sister {
                        set: set as u32,
                        word: words,
                    });
                    words += 1;
                }
            }
        }
        map
    })
}

/// The listed terms among a signature's, sorted, each once (computed with the signature,
/// so comparing two claims allocates nothing).
pub fn sisters(terms: &[String]) -> Vec<Sister> {
    let sets = sets();
    let mut m: Vec<Sister> = terms
        .iter()
        .filter_map(|t| sets.get(t))
        .flatten()
        .copied()
        .collect();
    m.sort_unstable();
    m.dedup();
    m
}

/// Whether the two claims name different sisters of one set and no member in common: the
/// subject differs.
pub fn subjects_differ(a: &Signature, b: &Signature) -> bool {
    let (ma, mb) = (&a.sisters, &b.sisters);
    ma.iter().any(|x| {
        mb.iter().any(|y| y.set == x.set)
            && !ma
                .iter()
                .any(|p| p.set == x.set && mb.iter().any(|q| q.word == p.word))
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
    fn flows_media_and_amenities_are_sisters() {
        // Our own sentences.
        assert!(differ(
            "Inward remittances to Peru reached $5bn in 2022.",
            "Remittance outflows from Peru reached $5bn in 2022."
        ));
        assert!(differ(
            "Three TV channels lost their licences in Chad in 2021.",
            "Three radio stations lost their licences in Chad in 2021."
        ));
        assert!(differ(
            "Half of Lome's homes had piped water in 2020.",
            "Half of Lome's homes had flush toilets in 2020."
        ));
        assert!(!differ(
            "Half of Lome's homes had piped water in 2020.",
            "In 2020 one Lome home in two had water piped in."
        ));
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
