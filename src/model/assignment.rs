//! Dividing the work: who annotates which articles, who has finished which, and whether
//! annotators work blind (see `model::blind`).
//!
//! Stored in the project as one line per article with assignments or done marks, sorted by
//! article id, names sorted, so two annotators' changes to different articles merge
//! cleanly in git. Functions here return new values; the caller stores them (under the
//! project lock in the CLI, as one undoable edit in the window).

use super::ArticleId;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The project's division of work. Empty (the default) is not written to the file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assignments {
    /// Blind double annotation: an annotator sees other annotators' layers on an article
    /// only once they have marked it done themselves.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub blind: bool,
    /// Per article, sorted by article id; articles with neither assignments nor done marks
    /// are left out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<ArticleWork>,
}

/// Who is to annotate one article, and who has marked it done.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleWork {
    pub article: ArticleId,
    /// Sorted, each once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assigned: Vec<String>,
    /// Annotators who marked the article done (assigned or not). Sorted, each once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub done: Vec<String>,
}

/// One annotator's progress: articles done of those assigned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub annotator: String,
    pub assigned: usize,
    /// Assigned articles this annotator has marked done.
    pub done: usize,
}

/// Why a balanced assignment cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AssignError {
    #[error("no annotators given")]
    NoAnnotators,
    #[error("an annotator's name is empty")]
    EmptyName,
    #[error("each article to {k} annotator(s) needs at least {k} distinct annotators; {n} given")]
    TooFewAnnotators { k: usize, n: usize },
    #[error("each article needs at least one annotator (k = 0)")]
    ZeroPerArticle,
}

/// One article's annotators in a balanced plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    pub article: ArticleId,
    pub annotators: Vec<String>,
}

type Sets = BTreeMap<ArticleId, (BTreeSet<String>, BTreeSet<String>)>;

impl Assignments {
    pub fn is_empty(&self) -> bool {
        !self.blind && self.articles.is_empty()
    }

    fn work(&self, article: ArticleId) -> Option<&ArticleWork> {
        self.articles
            .binary_search_by_key(&article, |w| w.article)
            .ok()
            .map(|i| &self.articles[i])
    }

    /// The annotators assigned to `article`.
    pub fn assigned(&self, article: ArticleId) -> &[String] {
        self.work(article).map_or(&[], |w| &w.assigned)
    }

    pub fn is_assigned(&self, article: ArticleId, annotator: &str) -> bool {
        self.assigned(article).iter().any(|a| a == annotator)
    }

    /// Whether `annotator` has marked `article` done.
    pub fn is_done(&self, article: ArticleId, annotator: &str) -> bool {
        self.work(article)
            .is_some_and(|w| w.done.iter().any(|a| a == annotator))
    }

    /// The articles assigned to `annotator`, by id (the "Assigned to me" filter).
    pub fn assigned_to<'a>(&'a self, annotator: &'a str) -> impl Iterator<Item = ArticleId> + 'a {
        self.articles
            .iter()
            .filter(move |w| w.assigned.iter().any(|a| a == annotator))
            .map(|w| w.article)
    }

    /// Done / assigned per annotator, annotators by name.
    pub fn progress(&self) -> Vec<Progress> {
        let mut by: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for w in &self.articles {
            for a in &w.assigned {
                let entry = by.entry(a).or_default();
                entry.0 += 1;
                if w.done.contains(a) {
                    entry.1 += 1;
                }
            }
        }
        by.into_iter()
            .map(|(annotator, (assigned, done))| Progress {
                annotator: annotator.to_owned(),
                assigned,
                done,
            })
            .collect()
    }

    fn to_sets(&self) -> Sets {
        self.articles
            .iter()
            .map(|w| {
                (
                    w.article,
                    (
                        w.assigned.iter().cloned().collect(),
                        w.done.iter().cloned().collect(),
                    ),
                )
            })
            .collect()
    }

    fn from_sets(blind: bool, sets: Sets) -> Self {
        Self {
            blind,
            articles: sets
                .into_iter()
                .filter(|(_, (a, d))| !a.is_empty() || !d.is_empty())
                .map(|(article, (assigned, done))| ArticleWork {
                    article,
                    assigned: assigned.into_iter().collect(),
                    done: done.into_iter().collect(),
                })
                .collect(),
        }
    }

    /// These assignments with `annotators` added to (or, with `assign == false`, removed
    /// from) each of `articles`.
    pub fn with_assigned(
        &self,
        articles: &[ArticleId],
        annotators: &[String],
        assign: bool,
    ) -> Self {
        let mut sets = self.to_sets();
        for &article in articles {
            let (assigned, _) = sets.entry(article).or_default();
            for a in annotators {
                if assign {
                    assigned.insert(a.clone());
                } else {
                    assigned.remove(a);
                }
            }
        }
        Self::from_sets(self.blind, sets)
    }

    /// These assignments with a balanced plan added.
    pub fn with_plan(&self, plan: &[Planned]) -> Self {
        let mut sets = self.to_sets();
        for p in plan {
            sets.entry(p.article)
                .or_default()
                .0
                .extend(p.annotators.iter().cloned());
        }
        Self::from_sets(self.blind, sets)
    }

    /// These assignments with `annotator`'s done mark on `articles` set or cleared.
    pub fn with_done(&self, articles: &[ArticleId], annotator: &str, done: bool) -> Self {
        let mut sets = self.to_sets();
        for &article in articles {
            let (_, marks) = sets.entry(article).or_default();
            if done {
                marks.insert(annotator.to_owned());
            } else {
                marks.remove(annotator);
            }
        }
        Self::from_sets(self.blind, sets)
    }

    /// These assignments with blind mode on or off.
    pub fn with_blind(&self, blind: bool) -> Self {
        Self {
            blind,
            ..self.clone()
        }
    }

    /// The same assignments with article ids rewritten (ids merged by a merge).
    pub fn remap_articles(&self, map: impl Fn(ArticleId) -> ArticleId) -> Self {
        let mut sets: Sets = BTreeMap::new();
        for w in &self.articles {
            let (a, d) = sets.entry(map(w.article)).or_default();
            a.extend(w.assigned.iter().cloned());
            d.extend(w.done.iter().cloned());
        }
        Self::from_sets(self.blind, sets)
    }

    /// Without the articles `keep` rejects (deleted articles).
    pub fn retain_articles(&self, keep: impl Fn(ArticleId) -> bool) -> Self {
        Self {
            blind: self.blind,
            articles: self
                .articles
                .iter()
                .filter(|w| keep(w.article))
                .cloned()
                .collect(),
        }
    }

    /// Three-way merge for `merge-driver`: a name is assigned (or marked done) in the
    /// result if both sides have it, or one side added it; removed if one side removed it
    /// and the other left it. Blind mode: a one-sided change wins, else ours.
    pub fn merge3(base: &Self, ours: &Self, theirs: &Self) -> Self {
        let (b, o, t) = (base.to_sets(), ours.to_sets(), theirs.to_sets());
        let empty = (BTreeSet::new(), BTreeSet::new());
        let keys: BTreeSet<ArticleId> = o.keys().chain(t.keys()).copied().collect();
        let mut out: Sets = BTreeMap::new();
        for k in keys {
            let (bs, os, ts) = (
                b.get(&k).unwrap_or(&empty),
                o.get(&k).unwrap_or(&empty),
                t.get(&k).unwrap_or(&empty),
            );
            out.insert(
                k,
                (
                    merge_set(&bs.0, &os.0, &ts.0),
                    merge_set(&bs.1, &os.1, &ts.1),
                ),
            );
        }
        let blind = if theirs.blind != base.blind {
            theirs.blind
        } else {
            ours.blind
        };
        Self::from_sets(blind, out)
    }
}

fn merge_set(
    base: &BTreeSet<String>,
    ours: &BTreeSet<String>,
    theirs: &BTreeSet<String>,
) -> BTreeSet<String> {
    ours.union(theirs)
        .filter(|x| (ours.contains(*x) && theirs.contains(*x)) || !base.contains(*x))
        .cloned()
        .collect()
}

/// Each of `articles` to `k` of `annotators`, balanced: every annotator gets
/// ⌊n·k/N⌋ or ⌈n·k/N⌉ articles, and pairs of annotators share articles as evenly as the
/// greedy choice allows. `seed` fixes the order (the same seed, the same plan).
/// Annotators are deduplicated; the article order given is kept in the plan.
pub fn balanced(
    articles: &[ArticleId],
    annotators: &[String],
    k: usize,
    seed: u64,
) -> Result<Vec<Planned>, AssignError> {
    let mut names: Vec<String> = Vec::new();
    for a in annotators {
        let a = a.trim();
        if a.is_empty() {
            return Err(AssignError::EmptyName);
        }
        if !names.iter().any(|n| n == a) {
            names.push(a.to_owned());
        }
    }
    if names.is_empty() {
        return Err(AssignError::NoAnnotators);
    }
    if k == 0 {
        return Err(AssignError::ZeroPerArticle);
    }
    if k > names.len() {
        return Err(AssignError::TooFewAnnotators { k, n: names.len() });
    }
    let n = names.len();
    let mut rng = fastrand::Rng::with_seed(seed);
    // A seeded shuffle of who is preferred on ties, so no name is favoured by its spelling.
    let mut tiebreak: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut tiebreak);
    let mut order: Vec<usize> = (0..articles.len()).collect();
    rng.shuffle(&mut order);
    let mut load = vec![0usize; n];
    let mut pairs = vec![0usize; n * n];
    let mut chosen_for: Vec<Vec<usize>> = vec![Vec::new(); articles.len()];
    for &i in &order {
        let mut chosen: Vec<usize> = Vec::with_capacity(k);
        for _ in 0..k {
            let best = (0..n).filter(|c| !chosen.contains(c)).min_by_key(|&c| {
                let shared: usize = chosen.iter().map(|&o| pairs[c * n + o]).sum();
                (load[c], shared, tiebreak[c])
            });
            let Some(best) = best else { break };
            chosen.push(best);
        }
        for &c in &chosen {
            load[c] += 1;
            for &o in &chosen {
                if o != c {
                    pairs[c * n + o] += 1;
                }
            }
        }
        chosen.sort_unstable();
        chosen_for[i] = chosen;
    }
    Ok(articles
        .iter()
        .zip(chosen_for)
        .map(|(&article, chosen)| Planned {
            article,
            annotators: chosen.into_iter().map(|c| names[c].clone()).collect(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(n: &[&str]) -> Vec<String> {
        n.iter().map(|s| (*s).to_owned()).collect()
    }

    fn ids(n: u64) -> Vec<ArticleId> {
        (1..=n).map(ArticleId).collect()
    }

    #[test]
    fn balanced_plans_are_even_seeded_and_distinct() {
        let people = names(&["alice", "bob", "carol", "dan"]);
        let plan = balanced(&ids(10), &people, 2, 7).unwrap();
        assert_eq!(plan.len(), 10);
        let mut load = BTreeMap::new();
        for p in &plan {
            assert_eq!(p.annotators.len(), 2);
            assert_ne!(p.annotators[0], p.annotators[1]);
            for a in &p.annotators {
                *load.entry(a.clone()).or_insert(0) += 1;
            }
        }
        // 10 articles × 2 = 20 = 4 × 5.
        assert!(load.values().all(|&l| l == 5), "{load:?}");
        assert_eq!(balanced(&ids(10), &people, 2, 7).unwrap(), plan);
        assert_ne!(balanced(&ids(10), &people, 2, 8).unwrap(), plan);
        // 7 × 2 = 14 over 4: loads of 3 or 4.
        let plan = balanced(&ids(7), &people, 2, 1).unwrap();
        let a = Assignments::default().with_plan(&plan);
        let loads: Vec<usize> = a.progress().iter().map(|p| p.assigned).collect();
        assert!(loads.iter().all(|&l| l == 3 || l == 4), "{loads:?}");
        assert_eq!(loads.iter().sum::<usize>(), 14);
    }

    #[test]
    fn bad_requests_are_refused() {
        let two = names(&["alice", "bob"]);
        assert_eq!(
            balanced(&ids(3), &two, 3, 0),
            Err(AssignError::TooFewAnnotators { k: 3, n: 2 })
        );
        assert_eq!(
            balanced(&ids(3), &names(&["a", "a"]), 2, 0),
            Err(AssignError::TooFewAnnotators { k: 2, n: 1 })
        );
        assert_eq!(balanced(&ids(3), &[], 1, 0), Err(AssignError::NoAnnotators));
        assert_eq!(
            balanced(&ids(3), &two, 0, 0),
            Err(AssignError::ZeroPerArticle)
        );
        assert_eq!(
            balanced(&ids(3), &names(&[" "]), 1, 0),
            Err(AssignError::EmptyName)
        );
        assert!(balanced(&[], &two, 1, 0).unwrap().is_empty());
    }

    #[test]
    fn done_marks_and_progress() {
        let a = Assignments::default()
            .with_assigned(&ids(3), &names(&["bob", "alice"]), true)
            .with_done(&[ArticleId(2)], "alice", true)
            .with_done(&[ArticleId(9)], "carol", true);
        assert_eq!(a.assigned(ArticleId(1)), ["alice", "bob"]);
        assert!(a.is_done(ArticleId(2), "alice") && !a.is_done(ArticleId(2), "bob"));
        assert_eq!(
            a.progress(),
            [
                Progress {
                    annotator: "alice".into(),
                    assigned: 3,
                    done: 1
                },
                Progress {
                    annotator: "bob".into(),
                    assigned: 3,
                    done: 0
                }
            ]
        );
        assert_eq!(a.assigned_to("bob").collect::<Vec<_>>(), ids(3));
        let a = a.with_assigned(&ids(3), &names(&["alice", "bob"]), false);
        assert_eq!(a.articles.len(), 2, "only done marks are left: {a:?}");
        let cleared =
            a.with_done(&[ArticleId(2)], "alice", false)
                .with_done(&[ArticleId(9)], "carol", false);
        assert!(cleared.is_empty());
    }

    #[test]
    fn three_way_merge_of_sets() {
        let base = Assignments::default().with_assigned(&ids(2), &names(&["alice"]), true);
        let ours = base
            .with_assigned(&[ArticleId(1)], &names(&["bob"]), true)
            .with_done(&[ArticleId(1)], "alice", true);
        let theirs = base
            .with_assigned(&[ArticleId(2)], &names(&["alice"]), false)
            .with_blind(true);
        let m = Assignments::merge3(&base, &ours, &theirs);
        assert!(m.blind);
        assert_eq!(m.assigned(ArticleId(1)), ["alice", "bob"]);
        assert!(m.assigned(ArticleId(2)).is_empty(), "removed on one side");
        assert!(m.is_done(ArticleId(1), "alice"));
        // Both add the same: once.
        let m = Assignments::merge3(&Assignments::default(), &ours, &ours);
        assert_eq!(m, ours);
    }
}
