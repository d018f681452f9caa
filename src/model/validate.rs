//! Everything a loaded project must satisfy. Problems are reported, never "fixed".

use super::{
    AnnotationId, AnnotationKind, ArticleId, ClaimGroupId, EntityId, FORMAT_VERSION, Project,
    SpanError, text, text::TextIndex,
};
use std::collections::{HashMap, HashSet};

/// One reason a project is not consistent. Named by id so the user can find it in the file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("format_version {0} is not one this build writes ({FORMAT_VERSION})")]
    FormatVersion(u32),
    #[error("article id {0} is used twice")]
    DuplicateArticle(ArticleId),
    #[error("annotation id {0} is used twice")]
    DuplicateAnnotation(AnnotationId),
    #[error("entity id {0} is used twice")]
    DuplicateEntity(EntityId),
    #[error("two layers belong to annotator {0:?}")]
    DuplicateLayer(String),
    #[error("article {0}: its text does not match its text_hash (was the text edited?)")]
    TextChanged(ArticleId),
    #[error("article {0}: its text is not normalised (BOM, CR line ends or not NFC)")]
    TextNotNormalized(ArticleId),
    #[error("annotation {annotation}: article {article} does not exist")]
    UnknownArticle {
        annotation: AnnotationId,
        article: ArticleId,
    },
    #[error("annotation {annotation} (article {article}): {error}")]
    BadSpan {
        annotation: AnnotationId,
        article: ArticleId,
        error: SpanError,
    },
    #[error("annotation {annotation} (article {article}): speaker {error}")]
    BadSpeakerSpan {
        annotation: AnnotationId,
        article: ArticleId,
        error: SpanError,
    },
    #[error("annotation {annotation}: entity {entity} does not exist")]
    UnknownEntity {
        annotation: AnnotationId,
        entity: EntityId,
    },
    #[error("annotation {annotation}: linked claim {claim} does not exist")]
    UnknownClaim {
        annotation: AnnotationId,
        claim: AnnotationId,
    },
    #[error("annotation {annotation}: verdict {verdict:?} is not on the project's scale")]
    UnknownVerdict {
        annotation: AnnotationId,
        verdict: String,
    },
    #[error("annotation {annotation}: suggestion score is not a finite number")]
    BadScore { annotation: AnnotationId },
    #[error("assignments: article {0} does not exist")]
    UnknownAssignedArticle(ArticleId),
    #[error("annotation {annotation}: polarity {polarity} is outside -2..=2")]
    Polarity {
        annotation: AnnotationId,
        polarity: i8,
    },
    #[error("layer {layer:?}: claim group id {group} is used twice")]
    DuplicateClaimGroup { layer: String, group: ClaimGroupId },
    #[error(
        "layer {layer:?}, claim group {group}: member {annotation} is not an annotation of this layer"
    )]
    GroupMemberMissing {
        layer: String,
        group: ClaimGroupId,
        annotation: AnnotationId,
    },
    #[error("layer {layer:?}, claim group {group}: member {annotation} is not a claim")]
    GroupMemberNotClaim {
        layer: String,
        group: ClaimGroupId,
        annotation: AnnotationId,
    },
    #[error("layer {layer:?}: claim {annotation} is in claim group {first} and again in {second}")]
    GroupedTwice {
        layer: String,
        annotation: AnnotationId,
        first: ClaimGroupId,
        second: ClaimGroupId,
    },
    #[error(
        "layer {layer:?}, claim group {group}: verdict {verdict:?} is not on the project's scale"
    )]
    UnknownGroupVerdict {
        layer: String,
        group: ClaimGroupId,
        verdict: String,
    },
    #[error(
        "layer {layer:?}, claim group {group}: member {annotation}'s override verdict {verdict:?} is not on the project's scale"
    )]
    UnknownOverrideVerdict {
        layer: String,
        group: ClaimGroupId,
        annotation: AnnotationId,
        verdict: String,
    },
}

impl Project {
    /// All consistency problems, in file order. Empty means the project is sound.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        if self.format_version != FORMAT_VERSION {
            problems.push(Problem::FormatVersion(self.format_version));
        }

        let mut texts: HashMap<ArticleId, (&str, Option<TextIndex>)> = HashMap::new();
        for a in &self.articles {
            if texts.insert(a.id, (&a.text, None)).is_some() {
                problems.push(Problem::DuplicateArticle(a.id));
            }
            if text::hash(&a.text) != a.text_hash {
                problems.push(Problem::TextChanged(a.id));
            } else if !text::is_normalized(&a.text) {
                problems.push(Problem::TextNotNormalized(a.id));
            }
        }

        let mut entities = HashSet::new();
        for e in &self.entities {
            if !entities.insert(e.id) {
                problems.push(Problem::DuplicateEntity(e.id));
            }
        }

        let mut annotators = HashSet::new();
        let mut ids = HashSet::with_capacity(self.annotation_count());
        for layer in &self.layers {
            if !annotators.insert(layer.annotator.as_str()) {
                problems.push(Problem::DuplicateLayer(layer.annotator.clone()));
            }
            for a in &layer.annotations {
                if !ids.insert(a.id) {
                    problems.push(Problem::DuplicateAnnotation(a.id));
                }
            }
        }

        for (_, a) in self.annotations() {
            let Some((text, index)) = texts.get_mut(&a.article) else {
                problems.push(Problem::UnknownArticle {
                    annotation: a.id,
                    article: a.article,
                });
                continue;
            };
            let index = index.get_or_insert_with(|| TextIndex::new(text));
            if let Err(error) = a.span.verify(text, index) {
                problems.push(Problem::BadSpan {
                    annotation: a.id,
                    article: a.article,
                    error,
                });
            }
            if let crate::model::Provenance::Suggested { score, .. } = &a.provenance
                && !score.is_finite()
            {
                problems.push(Problem::BadScore { annotation: a.id });
            }
            let entity_ok = |id: EntityId, problems: &mut Vec<Problem>| {
                if !entities.contains(&id) {
                    problems.push(Problem::UnknownEntity {
                        annotation: a.id,
                        entity: id,
                    });
                }
            };
            match &a.kind {
                AnnotationKind::Quote(q) => {
                    if let Some(s) = q.speaker {
                        entity_ok(s, &mut problems);
                    }
                    if let Some(span) = &q.speaker_span
                        && let Err(error) = span.verify(text, index)
                    {
                        problems.push(Problem::BadSpeakerSpan {
                            annotation: a.id,
                            article: a.article,
                            error,
                        });
                    }
                    for c in &q.claims {
                        if !ids.contains(c) {
                            problems.push(Problem::UnknownClaim {
                                annotation: a.id,
                                claim: *c,
                            });
                        }
                    }
                }
                AnnotationKind::Claim(c) => {
                    if let Some(s) = c.claimant {
                        entity_ok(s, &mut problems);
                    }
                    if let Some(v) = &c.verdict
                        && self.schema.verdict(v).is_none()
                    {
                        problems.push(Problem::UnknownVerdict {
                            annotation: a.id,
                            verdict: v.clone(),
                        });
                    }
                }
                AnnotationKind::Sentiment(s) => {
                    if !(-2..=2).contains(&s.polarity) {
                        problems.push(Problem::Polarity {
                            annotation: a.id,
                            polarity: s.polarity,
                        });
                    }
                }
                // Any label is valid: schema tags are suggestions, not a closed set.
                AnnotationKind::Tag { .. } => {}
            }
        }
        for layer in &self.layers {
            self.group_problems(layer, &mut problems);
        }
        // Decisions may name annotations deleted since: the log keeps its history.
        for w in &self.assignments.articles {
            if !texts.contains_key(&w.article) {
                problems.push(Problem::UnknownAssignedArticle(w.article));
            }
        }
        problems
    }

    /// The claim groups of one layer: unique ids, members that are claims of this layer and
    /// in one group only, verdicts on the scale. Linear in the layer.
    fn group_problems(&self, layer: &super::Layer, problems: &mut Vec<Problem>) {
        if layer.claim_groups.is_empty() {
            return;
        }
        let kinds: HashMap<AnnotationId, &AnnotationKind> =
            layer.annotations.iter().map(|a| (a.id, &a.kind)).collect();
        let mut group_ids = HashSet::new();
        let mut grouped: HashMap<AnnotationId, ClaimGroupId> = HashMap::new();
        let name = || layer.annotator.clone();
        for g in &layer.claim_groups {
            if !group_ids.insert(g.id) {
                problems.push(Problem::DuplicateClaimGroup {
                    layer: name(),
                    group: g.id,
                });
            }
            if let Some(v) = &g.verdict
                && self.schema.verdict(v).is_none()
            {
                problems.push(Problem::UnknownGroupVerdict {
                    layer: name(),
                    group: g.id,
                    verdict: v.clone(),
                });
            }
            for m in &g.members {
                match kinds.get(&m.annotation) {
                    None => problems.push(Problem::GroupMemberMissing {
                        layer: name(),
                        group: g.id,
                        annotation: m.annotation,
                    }),
                    Some(AnnotationKind::Claim(_)) => {}
                    Some(_) => problems.push(Problem::GroupMemberNotClaim {
                        layer: name(),
                        group: g.id,
                        annotation: m.annotation,
                    }),
                }
                if let Some(first) = grouped.insert(m.annotation, g.id) {
                    problems.push(Problem::GroupedTwice {
                        layer: name(),
                        annotation: m.annotation,
                        first,
                        second: g.id,
                    });
                }
                if let Some(o) = &m.verdict_override
                    && self.schema.verdict(&o.verdict).is_none()
                {
                    problems.push(Problem::UnknownOverrideVerdict {
                        layer: name(),
                        group: g.id,
                        annotation: m.annotation,
                        verdict: o.verdict.clone(),
                    });
                }
            }
        }
    }
}
