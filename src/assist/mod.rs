//! Suggestions: quotes with speakers, claim candidates, shared passages, conflicting facts
//! and speaker aliases. Plain heuristics over the project's text (no model, no egui), fast
//! enough to run over a whole project when it opens; [`suggest`] runs them with a progress
//! callback and a cancellation flag so a GUI can run it on a worker thread.

pub mod accept;
pub mod aliases;
pub mod apply;
pub mod claims;
pub mod conflicts;
pub mod json;
pub mod names;
pub mod passages;
pub mod quotes;
pub mod suggestion;
pub mod text;

use crate::model::{ArticleId, EntityId, KindName, Project, SuggestionKey};
use std::collections::{BTreeSet, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
pub use suggestion::{
    AliasGroup, ClaimSuggestion, Conflict, FactValue, Place, QuoteSuggestion, SharedPassage,
    SpeakerGuess, SuggestionKind, Suggestions,
};
use text::Doc;

/// What to compute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The suggesters to run (each can be switched off).
    pub kinds: BTreeSet<SuggestionKind>,
    /// Only this article's quotes and claims (passages, conflicts and aliases still look
    /// at the whole project but keep only what touches this article).
    pub article: Option<ArticleId>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            kinds: SuggestionKind::ALL.into_iter().collect(),
            article: None,
        }
    }
}

/// How far a run has got, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AssistError {
    #[error("suggestions cancelled")]
    Cancelled,
    #[error("article {0} is not in the project")]
    UnknownArticle(ArticleId),
}

/// What one article contributes to the cross-article suggesters.
struct ArticleFacts {
    id: ArticleId,
    facts: Vec<conflicts::Fact>,
    fingerprint: passages::ArticleShingles,
    names: Vec<String>,
    /// Spelling variants seen beside a full name: (variant, full name).
    variants: Vec<(String, String)>,
}

/// Run the chosen suggesters over the project (or one article). `progress` is called after
/// each article; set `cancel` from another thread to stop early. Suggestions the user
/// rejected (`Project::rejected_suggestions`) and spans already annotated with the same
/// kind are left out.
pub fn suggest(project: &Project, options: &Options, progress: &mut dyn FnMut(Progress), cancel: &AtomicBool) -> Result<Suggestions, AssistError> {
    if let Some(id) = options.article
        && project.article(id).is_none()
    {
        return Err(AssistError::UnknownArticle(id));
    }
    let wants = |k| options.kinds.contains(&k);
    let known: Vec<String> = project
        .entities
        .iter()
        .flat_map(|e| std::iter::once(e.name.clone()).chain(e.aliases.iter().cloned()))
        .collect();
    let cross = wants(SuggestionKind::Passage) || wants(SuggestionKind::Conflict) || wants(SuggestionKind::Aliases);
    let mut out = Suggestions::default();
    let mut per_article: Vec<ArticleFacts> = Vec::new();
    let total = project.articles.len();
    for (i, article) in project.articles.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            return Err(AssistError::Cancelled);
        }
        let selected = options.article.is_none_or(|id| id == article.id);
        if !selected && !cross {
            continue;
        }
        let doc = Doc::new(&article.text);
        let mentions = names::mentions(&doc, &known);
        if selected && wants(SuggestionKind::Quote) {
            for q in quotes::find(&doc, &mentions) {
                out.quotes.push(to_suggestion(project, article.id, &doc, q));
            }
        }
        if selected && wants(SuggestionKind::Claim) {
            out.claims.extend(claims::find(&doc, article.id));
        }
        if cross {
            per_article.push(ArticleFacts {
                id: article.id,
                facts: if wants(SuggestionKind::Conflict) { conflicts::facts(&doc, &mentions) } else { Vec::new() },
                fingerprint: if wants(SuggestionKind::Passage) { passages::shingles(&doc) } else { passages::ArticleShingles::default() },
                names: if wants(SuggestionKind::Aliases) { mentions.iter().flat_map(|m| [m.full.clone(), m.name.clone()]).collect() } else { Vec::new() },
                variants: if wants(SuggestionKind::Aliases) { aliases::variant_tokens(&doc, &mentions) } else { Vec::new() },
            });
        }
        progress(Progress { done: i + 1, total });
    }
    if cancel.load(Ordering::Relaxed) {
        return Err(AssistError::Cancelled);
    }
    let touches = |a: ArticleId| options.article.is_none_or(|id| id == a);
    if wants(SuggestionKind::Passage) {
        let docs: Vec<(ArticleId, &passages::ArticleShingles)> = per_article.iter().map(|a| (a.id, &a.fingerprint)).collect();
        out.passages = passages::find(project, &docs);
        out.passages.retain(|p| p.places.iter().any(|pl| touches(pl.article)));
    }
    if wants(SuggestionKind::Conflict) {
        let facts: Vec<(ArticleId, &[conflicts::Fact])> = per_article.iter().map(|a| (a.id, a.facts.as_slice())).collect();
        out.conflicts = conflicts::find(project, &facts);
        out.conflicts.retain(|c| c.values.iter().any(|v| touches(v.article)));
    }
    if wants(SuggestionKind::Aliases) {
        let names: Vec<&str> = per_article.iter().flat_map(|a| a.names.iter().map(String::as_str)).collect();
        let variants: Vec<(String, String)> = per_article.iter().flat_map(|a| a.variants.iter().cloned()).collect();
        out.aliases = aliases::group(project, &names, &variants);
    }
    drop_rejected_and_done(project, &mut out);
    Ok(out)
}

fn to_suggestion(project: &Project, article: ArticleId, doc: &Doc, q: quotes::FoundQuote) -> QuoteSuggestion {
    let speaker = q.speaker.map(|s| {
        let entity = if s.descriptive { None } else { entity_for(project, &s.name) };
        SpeakerGuess {
            name: entity.and_then(|id| project.entity(id)).map_or(s.name, |e| e.name.clone()),
            start: Some(s.range.start),
            end: Some(s.range.end),
            entity,
            descriptive: s.descriptive,
        }
    });
    QuoteSuggestion {
        article,
        start: q.range.start,
        end: q.range.end,
        text: doc.slice(q.range.start, q.range.end),
        quote_type: q.quote_type,
        cue: q.cue,
        speaker,
        score: q.score,
    }
}

/// The project entity a speaker's name refers to: by name or alias, or by surname when
/// exactly one entity has it.
pub fn entity_for(project: &Project, name: &str) -> Option<EntityId> {
    if let Some(e) = project.entity_named(name) {
        return Some(e.id);
    }
    let last = name.split_whitespace().last()?.to_lowercase();
    let mut hits = project.entities.iter().filter(|e| {
        std::iter::once(&e.name)
            .chain(e.aliases.iter())
            .any(|n| n.split_whitespace().last().is_some_and(|l| l.to_lowercase() == last))
    });
    let first = hits.next()?;
    hits.next().is_none().then_some(first.id)
}

fn drop_rejected_and_done(project: &Project, out: &mut Suggestions) {
    let rejected: HashSet<&SuggestionKey> = project.rejected_suggestions.iter().collect();
    let annotated = |article: ArticleId, start: usize, end: usize, kind: KindName| {
        project
            .layers
            .iter()
            .flat_map(|l| l.of_article(article))
            .any(|a| a.span.start == start && a.span.end == end && a.kind.name() == kind)
    };
    out.quotes.retain(|q| !rejected.contains(&q.key()) && !annotated(q.article, q.start, q.end, KindName::Quote));
    out.claims.retain(|c| !rejected.contains(&c.key()) && !annotated(c.article, c.start, c.end, KindName::Claim));
    out.passages.retain(|p| !rejected.contains(&p.key()));
    out.conflicts.retain(|c| !rejected.contains(&c.key()));
    out.aliases.retain(|a| !rejected.contains(&a.key()));
}
