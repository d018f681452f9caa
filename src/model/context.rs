//! Who makes a change and when, passed in as a value, and the one place fresh ids come
//! from. Core operations never read the clock or the annotator themselves, so the same
//! inputs (and seed) give the same edits: tests and merges are deterministic.

use super::{AnnotationId, ArticleId, EntityId, MAX_ID, Project};
use chrono::{DateTime, Utc};
use std::collections::HashSet;

/// The author and time of a change, and the seed its new ids are drawn from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    pub annotator: String,
    pub now: DateTime<Utc>,
    pub seed: u64,
}

impl Context {
    pub fn new(annotator: impl Into<String>, now: DateTime<Utc>, seed: u64) -> Self {
        Self {
            annotator: annotator.into(),
            now,
            seed,
        }
    }

    /// The real clock and a random seed, for the edges of the program (CLI, window):
    /// random ids keep two copies of a project edited apart from minting the same id.
    pub fn live(annotator: impl Into<String>) -> Self {
        Self::new(annotator, Utc::now(), fastrand::u64(..))
    }

    /// A minter for new ids in `project`.
    pub fn minter(&self, project: &Project) -> IdMinter {
        IdMinter::new(project, self.seed)
    }
}

/// Fresh ids unused in a project and by every id this minter handed out before, so a plan
/// of many edits never mints the same id twice. The sets of used ids are built on first
/// use, once (linear in the project).
#[derive(Debug)]
pub struct IdMinter {
    rng: fastrand::Rng,
    articles: UsedIds,
    annotations: UsedIds,
    entities: UsedIds,
}

/// The ids of one kind in use: the project's (collected lazily) and the minted ones.
#[derive(Debug)]
struct UsedIds {
    ids: Option<HashSet<u64>>,
    seed: Vec<u64>,
}

impl UsedIds {
    fn new(ids: Vec<u64>) -> Self {
        Self {
            ids: None,
            seed: ids,
        }
    }

    fn set(&mut self) -> &mut HashSet<u64> {
        let seed = &mut self.seed;
        self.ids
            .get_or_insert_with(|| std::mem::take(seed).into_iter().collect())
    }

    /// `wanted` if it is free (and now taken), else a fresh random id.
    fn claim(&mut self, wanted: Option<u64>, rng: &mut fastrand::Rng) -> u64 {
        let set = self.set();
        if let Some(id) = wanted.filter(|id| (1..=MAX_ID).contains(id))
            && set.insert(id)
        {
            return id;
        }
        loop {
            let id = rng.u64(1..=MAX_ID);
            if set.insert(id) {
                return id;
            }
        }
    }
}

impl IdMinter {
    pub fn new(project: &Project, seed: u64) -> Self {
        Self {
            rng: fastrand::Rng::with_seed(seed),
            articles: UsedIds::new(project.articles.iter().map(|a| a.id.0).collect()),
            annotations: UsedIds::new(project.annotations().map(|(_, a)| a.id.0).collect()),
            entities: UsedIds::new(project.entities.iter().map(|e| e.id.0).collect()),
        }
    }

    pub fn article(&mut self) -> ArticleId {
        ArticleId(self.articles.claim(None, &mut self.rng))
    }

    pub fn annotation(&mut self) -> AnnotationId {
        AnnotationId(self.annotations.claim(None, &mut self.rng))
    }

    pub fn entity(&mut self) -> EntityId {
        EntityId(self.entities.claim(None, &mut self.rng))
    }

    /// Keep another file's article id where it is free here, else mint one.
    pub fn keep_article(&mut self, id: ArticleId) -> ArticleId {
        ArticleId(self.articles.claim(Some(id.0), &mut self.rng))
    }

    /// Keep another file's annotation id where it is free here, else mint one.
    pub fn keep_annotation(&mut self, id: AnnotationId) -> AnnotationId {
        AnnotationId(self.annotations.claim(Some(id.0), &mut self.rng))
    }

    /// Keep another file's entity id where it is free here, else mint one.
    pub fn keep_entity(&mut self, id: EntityId) -> EntityId {
        EntityId(self.entities.claim(Some(id.0), &mut self.rng))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Article;

    #[test]
    fn minted_ids_are_fresh_and_follow_the_seed() {
        let mut p = Project::new("p");
        p.articles.push(Article::new(ArticleId(7), "t", "x".into()));
        let mut a = IdMinter::new(&p, 42);
        let mut b = IdMinter::new(&p, 42);
        let ids: Vec<_> = (0..100).map(|_| a.article()).collect();
        assert_eq!(ids, (0..100).map(|_| b.article()).collect::<Vec<_>>());
        let set: HashSet<_> = ids.iter().collect();
        assert_eq!(set.len(), 100);
        assert!(!ids.contains(&ArticleId(7)));
    }

    #[test]
    fn an_id_is_kept_only_while_free() {
        let mut p = Project::new("p");
        p.articles.push(Article::new(ArticleId(7), "t", "x".into()));
        let mut m = IdMinter::new(&p, 1);
        assert_ne!(m.keep_article(ArticleId(7)), ArticleId(7));
        assert_eq!(m.keep_article(ArticleId(8)), ArticleId(8));
        assert_ne!(m.keep_article(ArticleId(8)), ArticleId(8));
        assert_ne!(m.keep_article(ArticleId(0)), ArticleId(0));
    }
}
