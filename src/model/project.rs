//! The whole project: articles, entities, one annotation layer per annotator, review log.

use super::{
    Annotation, AnnotationId, Article, ArticleId, Assignments, ClaimGroup, Entity, EntityId,
    FORMAT_VERSION, FactCheck, LabelSchema, SuggestionKey,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Name of the layer that review writes its adjudicated result into.
pub const ADJUDICATED: &str = "adjudicated";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub format_version: u32,
    pub name: String,
    /// Where this team publishes its fact-checks, as a pattern for each claim's review URL:
    /// `{annotation}` and `{article}` are replaced by the claim's and article's ids, e.g.
    /// `https://factcheck.example.org/reviews/{annotation}`. ClaimReview requires a `url`,
    /// so the ClaimReview export refuses to run without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_url: Option<String>,
    #[serde(default)]
    pub schema: LabelSchema,
    /// Everyone who has a layer or has reviewed, in the order they joined.
    #[serde(default)]
    pub annotators: Vec<String>,
    #[serde(default)]
    pub entities: Vec<Entity>,
    #[serde(default)]
    pub articles: Vec<Article>,
    #[serde(default)]
    pub layers: Vec<Layer>,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    /// Assist suggestions the user rejected; they are not offered again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected_suggestions: Vec<SuggestionKey>,
    /// Who annotates which articles, done marks per annotator, blind mode.
    #[serde(default, skip_serializing_if = "Assignments::is_empty")]
    pub assignments: Assignments,
    /// Published fact-checks imported from ClaimReview, shared by every layer (format 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fact_checks: Vec<FactCheck>,
}

/// One annotator's annotations (or the adjudicated result). Layers never overwrite each
/// other: agreement needs all of them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    pub annotator: String,
    #[serde(default)]
    pub role: LayerRole,
    /// Kept sorted by (article, start, end, id) so saved files diff cleanly.
    #[serde(default)]
    pub annotations: Vec<Annotation>,
    /// This annotator's groups of claims that state the same thing (format 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claim_groups: Vec<ClaimGroup>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LayerRole {
    #[default]
    Annotator,
    Adjudicated,
}

/// One entry of the review log: what a reviewer decided about one review item, so that
/// leaving and re-entering review keeps every decision (a rejection included).
///
/// Fields after `note` were added with review; files written before load with their
/// defaults.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The source annotation decided on (the reviewer's own side when there are two).
    pub annotation: AnnotationId,
    pub action: DecisionAction,
    pub reviewer: String,
    pub at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The other layer's annotation of the same review item, if it had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<AnnotationId>,
    /// The article the item is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<ArticleId>,
    /// The review item's stable key (see `review::ItemKey`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub item: String,
    /// The annotation written into the adjudicated layer, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<AnnotationId>,
    /// Short human-readable summary of what changed ("verdict: False → Mostly false").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub changed: String,
}

/// What the reviewer did with a review item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DecisionAction {
    /// Accepted (entries written before review distinguished the sides).
    Accepted,
    Rejected,
    Edited,
    /// Both layers agreed; the common annotation was taken over.
    Agreed,
    /// The reviewer's own layer's version was taken.
    AcceptedMine,
    /// The other layer's version was taken.
    AcceptedTheirs,
    /// Both versions were taken, as two annotations.
    AcceptedBoth,
    /// The item's earlier decision was taken back (its result left the adjudicated
    /// layer); the item is open again. Earlier entries stay in the log.
    Reopened,
}

impl DecisionAction {
    /// A short verb phrase for logs and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
            Self::Edited => "edited",
            Self::Agreed => "agreed",
            Self::AcceptedMine => "accepted mine",
            Self::AcceptedTheirs => "accepted theirs",
            Self::AcceptedBoth => "accepted both",
            Self::Reopened => "reopened",
        }
    }
}

impl Layer {
    pub fn new(annotator: impl Into<String>, role: LayerRole) -> Self {
        Self {
            annotator: annotator.into(),
            role,
            annotations: Vec::new(),
            claim_groups: Vec::new(),
        }
    }

    fn order_key(a: &Annotation) -> (ArticleId, usize, usize, AnnotationId) {
        (a.article, a.span.start, a.span.end, a.id)
    }

    /// Restore the canonical order after annotations were added or moved.
    pub fn sort(&mut self) {
        self.annotations.sort_by_key(Self::order_key);
    }

    pub fn is_sorted(&self) -> bool {
        self.annotations.is_sorted_by_key(Self::order_key)
    }

    /// Insert keeping the canonical order.
    pub fn insert(&mut self, annotation: Annotation) {
        let key = Self::order_key(&annotation);
        let at = self
            .annotations
            .partition_point(|a| Self::order_key(a) < key);
        self.annotations.insert(at, annotation);
    }

    pub fn get(&self, id: AnnotationId) -> Option<&Annotation> {
        self.annotations.iter().find(|a| a.id == id)
    }

    /// The annotations of one article, in text order.
    pub fn of_article(&self, article: ArticleId) -> impl Iterator<Item = &Annotation> {
        self.annotations
            .iter()
            .filter(move |a| a.article == article)
    }
}

impl Project {
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            format_version: FORMAT_VERSION,
            name: name.into(),
            review_url: None,
            schema: LabelSchema::default(),
            annotators: Vec::new(),
            entities: Vec::new(),
            articles: Vec::new(),
            layers: Vec::new(),
            decisions: Vec::new(),
            rejected_suggestions: Vec::new(),
            assignments: Assignments::default(),
            fact_checks: Vec::new(),
        }
    }

    pub fn article(&self, id: ArticleId) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    pub fn entity(&self, id: EntityId) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The entity whose name or alias is `name`.
    pub fn entity_named(&self, name: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.answers_to(name))
    }

    pub fn layer(&self, annotator: &str) -> Option<&Layer> {
        self.layers.iter().find(|l| l.annotator == annotator)
    }

    /// The annotator's layer, created (and the annotator registered) if missing.
    pub fn layer_mut(&mut self, annotator: &str) -> &mut Layer {
        if !self.annotators.iter().any(|a| a == annotator) {
            self.annotators.push(annotator.to_owned());
        }
        let i = match self.layers.iter().position(|l| l.annotator == annotator) {
            Some(i) => i,
            None => {
                let role = if annotator == ADJUDICATED {
                    super::LayerRole::Adjudicated
                } else {
                    super::LayerRole::Annotator
                };
                self.layers.push(Layer::new(annotator, role));
                self.layers.sort_by(|a, b| a.annotator.cmp(&b.annotator));
                self.layers
                    .iter()
                    .position(|l| l.annotator == annotator)
                    .unwrap_or(0)
            }
        };
        &mut self.layers[i]
    }

    /// Every annotation with the name of its layer.
    pub fn annotations(&self) -> impl Iterator<Item = (&Layer, &Annotation)> {
        self.layers
            .iter()
            .flat_map(|l| l.annotations.iter().map(move |a| (l, a)))
    }

    pub fn annotation_count(&self) -> usize {
        self.layers.iter().map(|l| l.annotations.len()).sum()
    }

    /// The annotation with this id, and the layer it is in.
    pub fn find_annotation(&self, id: AnnotationId) -> Option<(&Layer, &Annotation)> {
        self.annotations().find(|(_, a)| a.id == id)
    }

    pub fn find_annotation_mut(&mut self, id: AnnotationId) -> Option<&mut Annotation> {
        self.layers
            .iter_mut()
            .flat_map(|l| l.annotations.iter_mut())
            .find(|a| a.id == id)
    }

    /// A fresh article id not used in this project (one id; a plan of many uses one
    /// [`super::IdMinter`]).
    pub fn mint_article_id(&self) -> ArticleId {
        super::IdMinter::new(self, fastrand::u64(..)).article()
    }

    /// A fresh annotation id not used in any layer of this project.
    pub fn mint_annotation_id(&self) -> AnnotationId {
        super::IdMinter::new(self, fastrand::u64(..)).annotation()
    }

    /// A fresh entity id not used in this project.
    pub fn mint_entity_id(&self) -> EntityId {
        super::IdMinter::new(self, fastrand::u64(..)).entity()
    }

    /// Remember that the user rejected a suggestion (kept once, in order).
    pub fn reject_suggestion(&mut self, key: SuggestionKey) {
        if let Err(at) = self.rejected_suggestions.binary_search(&key) {
            self.rejected_suggestions.insert(at, key);
        }
    }

    /// Forget a rejection (undo of a reject).
    pub fn unreject_suggestion(&mut self, key: &SuggestionKey) {
        self.rejected_suggestions.retain(|k| k != key);
    }

    /// Put layers and their annotations in the canonical order used in saved files.
    pub fn sort(&mut self) {
        self.layers.sort_by(|a, b| a.annotator.cmp(&b.annotator));
        for layer in &mut self.layers {
            if !layer.is_sorted() {
                layer.sort();
            }
        }
    }

    pub fn is_sorted(&self) -> bool {
        self.layers.is_sorted_by(|a, b| a.annotator <= b.annotator)
            && self.layers.iter().all(Layer::is_sorted)
    }
}
