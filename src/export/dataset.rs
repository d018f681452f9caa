//! The annotations chosen for an export, grouped by article, with each article's split.

use super::{ExportError, LayerChoice, Split};
use crate::model::{
    ADJUDICATED, Annotation, Article, ArticleId, EntityId, Layer, LayerRole, Project,
};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::fmt;

/// One of the three dataset splits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SplitName {
    Train,
    Validation,
    Test,
}

impl SplitName {
    pub const ALL: [SplitName; 3] = [Self::Train, Self::Validation, Self::Test];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Train => "train",
            Self::Validation => "validation",
            Self::Test => "test",
        }
    }
}

impl fmt::Display for SplitName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An annotation with the name of the layer it came from.
#[derive(Clone, Copy, Debug)]
pub struct Item<'p> {
    pub layer: &'p str,
    pub annotation: &'p Annotation,
}

/// One article and its chosen annotations, in text order.
#[derive(Clone, Debug)]
pub struct Doc<'p> {
    pub article: &'p Article,
    pub items: Vec<Item<'p>>,
    /// `Some` when a split was asked for.
    pub split: Option<SplitName>,
}

/// Everything an exporter reads: the project, the chosen layers, and the articles in
/// project order.
pub struct Dataset<'p> {
    pub project: &'p Project,
    pub layers: Vec<&'p Layer>,
    pub docs: Vec<Doc<'p>>,
    pub split: Option<Split>,
    /// Shown in the dataset card.
    pub date: NaiveDate,
    /// Review URL pattern given for this export, over the project's own (ClaimReview).
    pub review_url: Option<String>,
    entity_names: HashMap<EntityId, &'p str>,
}

impl<'p> Dataset<'p> {
    pub fn new(
        project: &'p Project,
        choice: &LayerChoice,
        split: Option<&Split>,
        date: NaiveDate,
    ) -> Result<Self, ExportError> {
        let layers = select_layers(project, choice)?;
        let mut index: HashMap<ArticleId, usize> = HashMap::with_capacity(project.articles.len());
        let mut docs: Vec<Doc<'p>> = Vec::with_capacity(project.articles.len());
        for article in &project.articles {
            // A duplicate article id (refused on load) keeps its first occurrence.
            index.entry(article.id).or_insert_with(|| {
                docs.push(Doc {
                    article,
                    items: Vec::new(),
                    split: None,
                });
                docs.len() - 1
            });
        }
        for layer in &layers {
            for a in &layer.annotations {
                if let Some(&i) = index.get(&a.article) {
                    docs[i].items.push(Item {
                        layer: &layer.annotator,
                        annotation: a,
                    });
                }
            }
        }
        for d in &mut docs {
            if layers.len() > 1 || !d.items.is_sorted_by_key(item_key) {
                d.items.sort_by_key(item_key);
            }
        }
        if let Some(split) = split {
            assign_splits(&mut docs, split);
        }
        let entity_names = project
            .entities
            .iter()
            .map(|e| (e.id, e.name.as_str()))
            .collect();
        Ok(Self {
            project,
            layers,
            docs,
            split: split.copied(),
            date,
            review_url: None,
            entity_names,
        })
    }

    pub fn annotation_count(&self) -> usize {
        self.docs.iter().map(|d| d.items.len()).sum()
    }

    /// The name of an entity (speaker, claimant), if it exists.
    pub fn entity_name(&self, id: Option<EntityId>) -> Option<&'p str> {
        id.and_then(|id| self.entity_names.get(&id).copied())
    }

    /// The docs of one split (all docs when no split was asked for and `name` is train).
    pub fn docs_in(&self, name: SplitName) -> impl Iterator<Item = &Doc<'p>> {
        self.docs
            .iter()
            .filter(move |d| d.split.unwrap_or(SplitName::Train) == name)
    }

    /// The splits that hold at least one article, in train/validation/test order.
    pub fn used_splits(&self) -> Vec<(SplitName, usize)> {
        SplitName::ALL
            .into_iter()
            .map(|s| (s, self.docs_in(s).count()))
            .filter(|&(_, n)| n > 0)
            .collect()
    }
}

fn item_key<'p>(i: &Item<'p>) -> (usize, usize, &'p str, u64) {
    (
        i.annotation.span.start,
        i.annotation.span.end,
        i.layer,
        i.annotation.id.0,
    )
}

fn select_layers<'p>(
    project: &'p Project,
    choice: &LayerChoice,
) -> Result<Vec<&'p Layer>, ExportError> {
    let missing = |name: &str| ExportError::NoSuchLayer {
        name: name.to_owned(),
        available: project.layers.iter().map(|l| l.annotator.clone()).collect(),
    };
    Ok(match choice {
        LayerChoice::All => project.layers.iter().collect(),
        LayerChoice::Named(name) => vec![project.layer(name).ok_or_else(|| missing(name))?],
        LayerChoice::Adjudicated => {
            let adjudicated: Vec<&Layer> = project
                .layers
                .iter()
                .filter(|l| l.role == LayerRole::Adjudicated || l.annotator == ADJUDICATED)
                .collect();
            if adjudicated.is_empty() {
                return Err(missing(ADJUDICATED));
            }
            adjudicated
        }
    })
}

/// Assign each article to a split. Articles are ordered by a seeded hash of their id (xxh3,
/// a fixed algorithm, so the order does not depend on the platform, HashMap order or the
/// order of articles in the file); then the first share goes to train, the next to
/// validation, the rest to test. Shares are rounded by largest remainder.
fn assign_splits(docs: &mut [Doc<'_>], split: &Split) {
    let n = docs.len();
    let mut order: Vec<(u64, u64, usize)> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let id = d.article.id.0;
            let key = xxhash_rust::xxh3::xxh3_64_with_seed(&id.to_le_bytes(), split.seed);
            (key, id, i)
        })
        .collect();
    order.sort_unstable();
    let counts = split_counts(n, [split.train, split.validation, split.test]);
    let mut names = SplitName::ALL
        .into_iter()
        .zip(counts)
        .flat_map(|(name, k)| std::iter::repeat_n(name, k));
    for (_, _, i) in order {
        docs[i].split = names.next();
    }
}

/// Split `n` items by percentages, rounding by largest remainder (ties to the earlier
/// split), so the counts add up to `n`.
pub(crate) fn split_counts(n: usize, percent: [u32; 3]) -> [usize; 3] {
    let total: u64 = percent.iter().map(|&p| u64::from(p)).sum::<u64>().max(1);
    let exact: Vec<u64> = percent.iter().map(|&p| n as u64 * u64::from(p)).collect();
    let mut counts: [usize; 3] = [0; 3];
    for (c, e) in counts.iter_mut().zip(&exact) {
        *c = (e / total) as usize;
    }
    let mut left = n - counts.iter().sum::<usize>();
    let mut by_remainder: Vec<usize> = (0..3).filter(|&i| percent[i] > 0).collect();
    by_remainder.sort_by_key(|&i| (std::cmp::Reverse(exact[i] % total), i));
    for i in by_remainder.into_iter().cycle() {
        if left == 0 {
            break;
        }
        counts[i] += 1;
        left -= 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_up() {
        assert_eq!(split_counts(10, [80, 10, 10]), [8, 1, 1]);
        assert_eq!(split_counts(5, [80, 10, 10]), [4, 1, 0]);
        assert_eq!(split_counts(3, [90, 0, 10]), [3, 0, 0]);
        assert_eq!(split_counts(0, [80, 10, 10]), [0, 0, 0]);
        for n in 0..200 {
            assert_eq!(split_counts(n, [70, 20, 10]).iter().sum::<usize>(), n);
        }
    }
}
