//! Everything a loaded project must satisfy. Problems are reported, never "fixed".

use super::{
    AnnotationId, AnnotationKind, ArticleId, EntityId, FORMAT_VERSION, Project, SpanError, text,
    text::TextIndex,
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
        // Decisions may name annotations deleted since: the log keeps its history.
        for w in &self.assignments.articles {
            if !texts.contains_key(&w.article) {
                problems.push(Problem::UnknownAssignedArticle(w.article));
            }
        }
        problems
    }
}
