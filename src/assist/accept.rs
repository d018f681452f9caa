//! Turning an accepted suggestion into project data: a ready [`Annotation`] with
//! `Provenance::Suggested`, plus the entity to add when the speaker is new. The caller
//! (the GUI's undoable edits, the CLI's `--apply`) inserts them.

use super::suggestion::{AliasGroup, ClaimSuggestion, Conflict, QuoteSuggestion};
use crate::model::{
    Annotation, AnnotationKind, ArticleId, Claim, Entity, EntityKind, Project, Provenance, Quote,
    Span, SpanError, text::TextIndex,
};
use chrono::Utc;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AcceptError {
    #[error("article {0} is not in the project")]
    UnknownArticle(ArticleId),
    #[error("suggestion does not fit article {article}: {error}")]
    BadSpan {
        article: ArticleId,
        error: SpanError,
    },
}

/// An annotation ready to insert, and the speaker entity to add first if it is new.
#[derive(Clone, Debug, PartialEq)]
pub struct Accepted {
    pub annotation: Annotation,
    pub new_entity: Option<Entity>,
}

fn span(
    project: &Project,
    article: ArticleId,
    start: usize,
    end: usize,
) -> Result<Span, AcceptError> {
    let a = project
        .article(article)
        .ok_or(AcceptError::UnknownArticle(article))?;
    Span::new(&a.text, &TextIndex::new(&a.text), start, end)
        .map_err(|error| AcceptError::BadSpan { article, error })
}

fn annotation(
    project: &Project,
    article: ArticleId,
    span: Span,
    kind: AnnotationKind,
    method: &str,
    score: f32,
    note: String,
) -> Annotation {
    let now = Utc::now();
    Annotation {
        id: project.mint_annotation_id(),
        article,
        span,
        kind,
        note,
        status: Default::default(),
        provenance: Provenance::Suggested {
            method: method.to_owned(),
            score: if score.is_finite() { score } else { 0.0 },
        },
        created: now,
        modified: now,
    }
}

/// A quote annotation from a quote suggestion. A named (not descriptive) speaker that no
/// entity answers to comes back as a new entity with a fresh id.
pub fn quote(project: &Project, s: &QuoteSuggestion) -> Result<Accepted, AcceptError> {
    let sp = span(project, s.article, s.start, s.end)?;
    let mut new_entity = None;
    let (speaker, speaker_span) = match &s.speaker {
        Some(g) => {
            let entity = g.entity.or_else(|| {
                (!g.descriptive)
                    .then(|| super::entity_for(project, &g.name))
                    .flatten()
            });
            let entity = match entity {
                Some(id) => Some(id),
                None if !g.descriptive => {
                    let e = Entity {
                        id: project.mint_entity_id(),
                        name: g.name.clone(),
                        aliases: Vec::new(),
                        kind: EntityKind::Person,
                        wikidata: None,
                    };
                    let id = e.id;
                    new_entity = Some(e);
                    Some(id)
                }
                None => None,
            };
            let speaker_span = match (g.start, g.end) {
                (Some(a), Some(b)) => span(project, s.article, a, b).ok(),
                _ => None,
            };
            (entity, speaker_span)
        }
        None => (None, None),
    };
    let note = match &s.speaker {
        Some(g) if g.descriptive => format!("source: {}", g.name),
        _ => String::new(),
    };
    let kind = AnnotationKind::Quote(Quote {
        speaker,
        speaker_span,
        cue: s.cue.clone(),
        quote_type: s.quote_type,
        claims: Vec::new(),
    });
    Ok(Accepted {
        annotation: annotation(project, s.article, sp, kind, "assist:quotes", s.score, note),
        new_entity,
    })
}

/// A claim annotation from a claim candidate.
pub fn claim(project: &Project, s: &ClaimSuggestion) -> Result<Accepted, AcceptError> {
    let sp = span(project, s.article, s.start, s.end)?;
    let kind = AnnotationKind::Claim(Claim::default());
    Ok(Accepted {
        annotation: annotation(
            project,
            s.article,
            sp,
            kind,
            "assist:claims",
            s.score,
            format!("checkable: {}", s.reasons.join(", ")),
        ),
        new_entity: None,
    })
}

/// One claim annotation per value of a conflict (over the sentence that states it), each
/// noting the other values, so the disagreement can be checked in one step.
pub fn conflict(project: &Project, c: &Conflict) -> Result<Vec<Annotation>, AcceptError> {
    let mut out: Vec<Annotation> = Vec::new();
    for v in &c.values {
        let sp = span(project, v.article, v.sentence_start, v.sentence_end)?;
        let others: Vec<String> = c
            .values
            .iter()
            .filter(|o| !std::ptr::eq(*o, v))
            .map(|o| format!("“{}” (article {})", o.text, o.article))
            .collect();
        let note = format!(
            "conflict on {}: “{}” here; elsewhere {}",
            c.fact,
            v.text,
            others.join(", ")
        );
        let mut a = annotation(
            project,
            v.article,
            sp,
            AnnotationKind::Claim(Claim::default()),
            "assist:conflicts",
            c.score,
            note,
        );
        while out.iter().any(|o| o.id == a.id) {
            a.id = project.mint_annotation_id();
        }
        out.push(a);
    }
    Ok(out)
}

/// The entity an alias group confirms: the existing entity with the new names added as
/// aliases, or a new entity named after the fullest variant.
pub fn aliases(project: &Project, g: &AliasGroup) -> Entity {
    let mut e = match g.entity.and_then(|id| project.entity(id)) {
        Some(e) => e.clone(),
        None => Entity {
            id: project.mint_entity_id(),
            name: g.names[0].clone(),
            aliases: Vec::new(),
            kind: EntityKind::Person,
            wikidata: None,
        },
    };
    for n in &g.names {
        if !e.answers_to(n) {
            e.aliases.push(n.clone());
        }
    }
    e
}
