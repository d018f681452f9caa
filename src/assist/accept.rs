//! Turning accepted suggestions into an edit plan: annotations with
//! `Provenance::Suggested`, and an entity for each new speaker. One set of rules for the
//! window (one suggestion, or all of a kind in an article) and the CLI (`suggest --apply`):
//! all or nothing, and a suggestion that does not fit its article is an error, never
//! skipped in silence.

use super::suggestion::{AliasGroup, ClaimSuggestion, Conflict, QuoteSuggestion};
use crate::model::{
    Annotation, AnnotationId, AnnotationKind, ArticleId, Claim, Context, Edit, Entity, IdMinter,
    Plan, Project, Provenance, Quote, Span, SpanError, SuggestionKey, speaker, text::TextIndex,
};

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

/// A quote or claim suggestion picked for acceptance.
#[derive(Clone, Copy, Debug)]
pub enum Pick<'s> {
    Quote(&'s QuoteSuggestion),
    Claim(&'s ClaimSuggestion),
}

impl Pick<'_> {
    pub fn key(&self) -> SuggestionKey {
        match self {
            Pick::Quote(q) => q.key(),
            Pick::Claim(c) => c.key(),
        }
    }
}

/// Every quote and claim suggestion of `s`, in order: what `suggest --apply` accepts.
pub fn quotes_and_claims(s: &super::Suggestions) -> Vec<Pick<'_>> {
    s.quotes
        .iter()
        .map(Pick::Quote)
        .chain(s.claims.iter().map(Pick::Claim))
        .collect()
}

/// What accepting added, for the user.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ApplyReport {
    pub quotes: usize,
    pub claims: usize,
    pub entities: usize,
}

/// The edits that accept some suggestions, with what they add.
#[derive(Clone, Debug, Default)]
pub struct Acceptance {
    pub plan: Plan,
    pub report: ApplyReport,
    /// The first annotation added (the window selects it).
    pub first: Option<AnnotationId>,
}

/// Whether accepting also retires each suggestion (kept as a rejection, so it is not
/// offered again even after its annotation is changed): the window does; the CLI's
/// pre-annotation does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retire {
    Yes,
    No,
}

/// Builds the annotations and entities of one acceptance, seeing the entities it has
/// already added, so two quotes by one new speaker make one entity.
struct Builder<'p> {
    project: &'p Project,
    context: &'p Context,
    minter: IdMinter,
    entities: Vec<Entity>,
    annotations: Vec<Annotation>,
    report: ApplyReport,
}

impl<'p> Builder<'p> {
    fn new(project: &'p Project, context: &'p Context) -> Self {
        Self {
            project,
            context,
            minter: context.minter(project),
            entities: Vec::new(),
            annotations: Vec::new(),
            report: ApplyReport::default(),
        }
    }

    fn span(&self, article: ArticleId, start: usize, end: usize) -> Result<Span, AcceptError> {
        let a = self
            .project
            .article(article)
            .ok_or(AcceptError::UnknownArticle(article))?;
        Span::new(&a.text, &TextIndex::new(&a.text), start, end)
            .map_err(|error| AcceptError::BadSpan { article, error })
    }

    fn annotation(
        &mut self,
        article: ArticleId,
        span: Span,
        kind: AnnotationKind,
        method: &str,
        score: f32,
        note: String,
    ) -> Annotation {
        Annotation {
            id: self.minter.annotation(),
            article,
            span,
            kind,
            note,
            status: Default::default(),
            provenance: Provenance::Suggested {
                method: method.to_owned(),
                score: if score.is_finite() { score } else { 0.0 },
            },
            created: self.context.now,
            modified: self.context.now,
        }
    }

    /// A named (not descriptive) speaker that no entity answers to becomes a new entity.
    fn quote(&mut self, s: &QuoteSuggestion) -> Result<(), AcceptError> {
        let sp = self.span(s.article, s.start, s.end)?;
        let (speaker, speaker_span) = match &s.speaker {
            Some(g) => {
                let known = g.entity.or_else(|| {
                    (!g.descriptive)
                        .then(|| {
                            let all = self.project.entities.iter().chain(self.entities.iter());
                            speaker::linked_entity(all, &g.name)
                        })
                        .flatten()
                });
                let entity = match known {
                    Some(id) => Some(id),
                    None if !g.descriptive => {
                        let e = Entity::person(self.minter.entity(), &g.name);
                        let id = e.id;
                        self.entities.push(e);
                        self.report.entities += 1;
                        Some(id)
                    }
                    None => None,
                };
                let speaker_span = match (g.start, g.end) {
                    (Some(a), Some(b)) => self.span(s.article, a, b).ok(),
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
        let a = self.annotation(s.article, sp, kind, "assist:quotes", s.score, note);
        self.annotations.push(a);
        self.report.quotes += 1;
        Ok(())
    }

    fn claim(&mut self, s: &ClaimSuggestion) -> Result<(), AcceptError> {
        let sp = self.span(s.article, s.start, s.end)?;
        let kind = AnnotationKind::Claim(Claim::default());
        let note = format!("checkable: {}", s.reasons.join(", "));
        let a = self.annotation(s.article, sp, kind, "assist:claims", s.score, note);
        self.annotations.push(a);
        self.report.claims += 1;
        Ok(())
    }

    /// One claim per value of a conflict (over the sentence that states it), each noting
    /// the other values, so the disagreement can be checked in one step.
    fn conflict(&mut self, c: &Conflict) -> Result<(), AcceptError> {
        for (i, v) in c.values.iter().enumerate() {
            let sp = self.span(v.article, v.sentence_start, v.sentence_end)?;
            let others: Vec<String> = c
                .values
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, o)| format!("“{}” (article {})", o.text, o.article))
                .collect();
            let note = format!(
                "conflict on {}: “{}” here; elsewhere {}",
                c.fact,
                v.text,
                others.join(", ")
            );
            let kind = AnnotationKind::Claim(Claim::default());
            let a = self.annotation(v.article, sp, kind, "assist:conflicts", c.score, note);
            self.annotations.push(a);
            self.report.claims += 1;
        }
        Ok(())
    }

    fn finish(self, layer: &str, retired: Vec<SuggestionKey>) -> Acceptance {
        let first = self.annotations.first().map(|a| a.id);
        let mut plan = Plan::new();
        plan.push(Edit::AddEntities(self.entities));
        plan.push(Edit::AddAnnotations {
            layer: layer.to_owned(),
            annotations: self.annotations,
        });
        for key in retired {
            plan.push(Edit::RejectSuggestion(key));
        }
        Acceptance {
            plan,
            report: self.report,
            first,
        }
    }
}

/// Accept `picks` into `layer` (created if missing). All or nothing: the first suggestion
/// that does not fit its article is the error, and no plan is made.
pub fn accept_all(
    project: &Project,
    picks: &[Pick<'_>],
    layer: &str,
    context: &Context,
    retire: Retire,
) -> Result<Acceptance, AcceptError> {
    let mut b = Builder::new(project, context);
    for p in picks {
        match p {
            Pick::Quote(q) => b.quote(q)?,
            Pick::Claim(c) => b.claim(c)?,
        }
    }
    let retired = match retire {
        Retire::Yes => picks.iter().map(Pick::key).collect(),
        Retire::No => Vec::new(),
    };
    Ok(b.finish(layer, retired))
}

/// Accept a conflict: a claim at each place it is stated, in `layer`; the conflict is
/// retired.
pub fn accept_conflict(
    project: &Project,
    c: &Conflict,
    layer: &str,
    context: &Context,
) -> Result<Acceptance, AcceptError> {
    let mut b = Builder::new(project, context);
    b.conflict(c)?;
    Ok(b.finish(layer, vec![c.key()]))
}

/// Accept an alias group: the existing entity gains the new names as aliases, or a new
/// entity is named after the fullest variant; the group is retired.
pub fn accept_aliases(project: &Project, g: &AliasGroup, context: &Context) -> Acceptance {
    let existing = g.entity.and_then(|id| project.entity(id));
    let mut e = match existing {
        Some(e) => e.clone(),
        None => Entity::person(
            context.minter(project).entity(),
            g.names.first().map_or("", String::as_str),
        ),
    };
    for n in &g.names {
        if !e.answers_to(n) {
            e.aliases.push(n.clone());
        }
    }
    let mut plan = Plan::new();
    let report = ApplyReport {
        entities: usize::from(existing.is_none()),
        ..ApplyReport::default()
    };
    plan.push(if existing.is_some() {
        Edit::ReplaceEntity(e)
    } else {
        Edit::AddEntity(e)
    });
    plan.push(Edit::RejectSuggestion(g.key()));
    Acceptance {
        plan,
        report,
        first: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assist::SpeakerGuess;
    use crate::model::{Article, QuoteType};

    fn quote(article: ArticleId, start: usize, end: usize, speaker: &str) -> QuoteSuggestion {
        QuoteSuggestion {
            article,
            start,
            end,
            text: String::new(),
            quote_type: QuoteType::Direct,
            cue: "said".into(),
            speaker: Some(SpeakerGuess {
                name: speaker.into(),
                start: None,
                end: None,
                entity: None,
                descriptive: false,
            }),
            score: 0.9,
        }
    }

    fn project() -> Project {
        let mut p = Project::new("p");
        let text = "“One,” Ann Rowe said. “Two,” Rowe said.".to_owned();
        p.articles.push(Article::new(ArticleId(1), "A", text));
        p
    }

    fn context() -> Context {
        Context::new(
            "me",
            chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
            3,
        )
    }

    #[test]
    fn two_quotes_by_one_new_speaker_make_one_entity_and_undo_as_one() {
        let p = project();
        let (a, b) = (
            quote(ArticleId(1), 0, 6, "Ann Rowe"),
            quote(ArticleId(1), 22, 28, "Rowe"),
        );
        let picks = [Pick::Quote(&a), Pick::Quote(&b)];
        let acc = accept_all(&p, &picks, "me", &context(), Retire::Yes).unwrap();
        assert_eq!(acc.report.entities, 1);
        assert_eq!(acc.report.quotes, 2);
        let mut after = p.clone();
        let undo = acc.plan.apply(&mut after).unwrap();
        assert_eq!(after.entities.len(), 1);
        assert_eq!(after.layer("me").unwrap().annotations.len(), 2);
        assert_eq!(after.rejected_suggestions.len(), 2);
        assert!(after.problems().is_empty());
        undo.apply(&mut after).unwrap();
        assert_eq!(after, p);
    }

    #[test]
    fn one_suggestion_that_does_not_fit_stops_the_whole_acceptance() {
        let p = project();
        let good = quote(ArticleId(1), 0, 6, "Ann Rowe");
        let elsewhere = quote(ArticleId(9), 0, 6, "Ann Rowe");
        let too_long = quote(ArticleId(1), 30, 400, "Ann Rowe");
        let err = accept_all(
            &p,
            &[Pick::Quote(&good), Pick::Quote(&elsewhere)],
            "me",
            &context(),
            Retire::No,
        )
        .unwrap_err();
        assert_eq!(err, AcceptError::UnknownArticle(ArticleId(9)));
        let err = accept_all(&p, &[Pick::Quote(&too_long)], "me", &context(), Retire::No);
        assert!(matches!(err, Err(AcceptError::BadSpan { .. })), "{err:?}");
    }

    #[test]
    fn the_same_inputs_give_the_same_plan() {
        let p = project();
        let a = quote(ArticleId(1), 0, 6, "Ann Rowe");
        let plan = |_| {
            accept_all(&p, &[Pick::Quote(&a)], "me", &context(), Retire::No)
                .unwrap()
                .plan
        };
        assert_eq!(plan(1), plan(2));
    }
}
