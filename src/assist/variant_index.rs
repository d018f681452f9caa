//! Finding spelling variants without comparing every name with every other: each word is
//! filed under itself and the strings one deletion away (two for long words), so two words
//! one or two edits apart share a key (a symmetric-delete index). Candidates are then
//! checked with the real edit distance. Keys shared by very many words say nothing and are
//! skipped, which keeps hostile input (100,000 near-identical names) linear.

use std::collections::HashMap;

/// Words filed by more keys than this are not worth comparing through that key.
const MAX_BUCKET: usize = 32;

/// An index of words by their deletion neighbourhood.
pub struct VariantIndex {
    keys: HashMap<String, Vec<usize>>,
}

/// The deletion neighbourhood of a lower-case word.
fn keys(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = vec![word.to_owned()];
    if chars.len() > 40 {
        return out;
    }
    let delete = |c: &[char], i: usize| -> Vec<char> {
        c.iter()
            .enumerate()
            .filter(|(k, _)| *k != i)
            .map(|(_, c)| *c)
            .collect()
    };
    for i in 0..chars.len() {
        let one = delete(&chars, i);
        if chars.len() >= 8 {
            for j in 0..one.len() {
                out.push(delete(&one, j).into_iter().collect());
            }
        }
        out.push(one.into_iter().collect());
    }
    out.sort_unstable();
    out.dedup();
    out
}

impl VariantIndex {
    /// Index `words` (lower case); candidates are reported as indexes into it.
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, w) in words.into_iter().enumerate() {
            for k in keys(w) {
                let bucket = index.entry(k).or_default();
                if bucket.len() <= MAX_BUCKET {
                    bucket.push(i);
                }
            }
        }
        Self { keys: index }
    }

    /// Indexed words that may be a spelling variant of `word` (or equal to it).
    pub fn candidates(&self, word: &str) -> Vec<usize> {
        let mut out: Vec<usize> = keys(word)
            .iter()
            .filter_map(|k| self.keys.get(k))
            .filter(|b| b.len() <= MAX_BUCKET)
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours_share_keys_and_strangers_do_not() {
        let words = ["verhoeven", "verhoven", "teller", "tellr", "diallo"];
        let index = VariantIndex::new(words);
        assert!(index.candidates("verhoeven").contains(&1));
        assert!(index.candidates("teller").contains(&3));
        assert!(!index.candidates("teller").contains(&4));
        // A transposition is one deletion away on both sides.
        assert!(index.candidates("dialol").contains(&4));
    }
}
