//! Suggestions: quotes with speakers, claim candidates, shared passages, conflicting facts
//! and speaker aliases. Plain heuristics over the project's text (no model, no egui), fast
//! enough to run over a whole project when it opens; [`suggest`] runs them with a progress
//! callback and a cancellation flag so a GUI can run it on a worker thread.

pub mod accept;
pub mod aliases;
pub mod claims;
pub mod conflicts;
pub mod json;
pub mod layout;
pub mod mentions;
pub mod name_keys;
pub mod names;
pub mod passages;
pub mod quotes;
pub mod suggestion;
pub mod text;
pub mod variant_index;
pub mod words;

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
    /// Keep suggestions the user rejected or already annotated. The GUI wants them: it
    /// filters when it shows them, so an undone accept or rejection brings its suggestion
    /// back at once, without waiting for a new run.
    pub keep_decided: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            kinds: SuggestionKind::ALL.into_iter().collect(),
            article: None,
            keep_decided: false,
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

/// What one article contributes: its own suggestions, and what the cross-article
/// suggesters need from it.
#[derive(Default)]
struct ArticleResult {
    quotes: Vec<QuoteSuggestion>,
    claims: Vec<ClaimSuggestion>,
    facts: Vec<conflicts::Fact>,
    shingles: passages::ArticleShingles,
    names: Vec<String>,
    /// Spelling variants seen beside a full name: (variant, full name).
    variants: Vec<(String, String)>,
    /// Words the article uses as places (lower case): no variant of a person anywhere.
    places: Vec<String>,
}

fn analyse(
    project: &Project,
    article: &crate::model::Article,
    selected: bool,
    wants: &dyn Fn(SuggestionKind) -> bool,
    known: &[String],
) -> ArticleResult {
    let doc = Doc::new(&article.text);
    let mentions = mentions::mentions(&doc, known);
    let segments = quotes::pairing::segments(&doc);
    let mut r = ArticleResult::default();
    if wants(SuggestionKind::Passage) {
        r.shingles = passages::shingles_with(&doc, &segments);
    }
    if selected && wants(SuggestionKind::Quote) {
        r.quotes = quotes::find_in(&doc, segments, &mentions)
            .into_iter()
            .map(|q| to_suggestion(project, article.id, &doc, q))
            .collect();
    }
    if selected && wants(SuggestionKind::Claim) {
        r.claims = claims::find(&doc, article.id);
    }
    if wants(SuggestionKind::Conflict) {
        r.facts = conflicts::facts(&doc, &mentions, article.published);
        r.facts
            .extend(conflicts::dates_and_times(&doc, article.published));
    }
    if wants(SuggestionKind::Aliases) {
        r.names = mentions
            .iter()
            .flat_map(|m| [m.full.clone(), m.name.clone()])
            .chain(aliases::titled_forms(&doc, &mentions))
            .collect();
        r.variants = aliases::variant_tokens(&doc, &mentions);
        r.places = aliases::place_words(&doc).into_iter().collect();
    }
    r
}

/// Run the chosen suggesters over the project (or one article). Articles are analysed on
/// all cores; `progress` is called on the calling thread after each article; set `cancel`
/// from another thread to stop early. Suggestions the user rejected
/// (`Project::rejected_suggestions`) and spans already annotated with the same kind are
/// left out.
pub fn suggest(
    project: &Project,
    options: &Options,
    progress: &mut dyn FnMut(Progress),
    cancel: &AtomicBool,
) -> Result<Suggestions, AssistError> {
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
    let cross = wants(SuggestionKind::Passage)
        || wants(SuggestionKind::Conflict)
        || wants(SuggestionKind::Aliases);
    let todo: Vec<(&crate::model::Article, bool)> = project
        .articles
        .iter()
        .map(|a| (a, options.article.is_none_or(|id| id == a.id)))
        .filter(|(_, selected)| *selected || cross)
        .collect();
    let total = todo.len();
    let mut results: Vec<Option<ArticleResult>> = Vec::new();
    results.resize_with(total, || None);
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8)
        .min(total.max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (tx, rx) = std::sync::mpsc::channel::<(usize, ArticleResult)>();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = tx.clone();
            let (next, todo, known, wants) = (&next, &todo, &known, &wants);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= todo.len() || cancel.load(Ordering::Relaxed) {
                        break;
                    }
                    let (article, selected) = todo[i];
                    if tx
                        .send((i, analyse(project, article, selected, wants, known)))
                        .is_err()
                    {
                        break;
                    }
                }
            });
        }
        drop(tx);
        for (done, (i, r)) in rx.into_iter().enumerate() {
            results[i] = Some(r);
            progress(Progress {
                done: done + 1,
                total,
            });
        }
    });
    if cancel.load(Ordering::Relaxed) {
        return Err(AssistError::Cancelled);
    }
    let per_article: Vec<(ArticleId, ArticleResult)> = todo
        .iter()
        .zip(results)
        .filter_map(|((a, _), r)| r.map(|r| (a.id, r)))
        .collect();
    let mut out = Suggestions::default();
    for (_, r) in &per_article {
        out.quotes.extend(r.quotes.iter().cloned());
        out.claims.extend(r.claims.iter().cloned());
    }
    let touches = |a: ArticleId| options.article.is_none_or(|id| id == a);
    if wants(SuggestionKind::Passage) {
        let docs: Vec<(ArticleId, &passages::ArticleShingles)> = per_article
            .iter()
            .map(|(id, r)| (*id, &r.shingles))
            .collect();
        out.passages = passages::find(project, &docs);
        out.passages
            .retain(|p| p.places.iter().any(|pl| touches(pl.article)));
    }
    if wants(SuggestionKind::Conflict) {
        let facts: Vec<(ArticleId, &[conflicts::Fact])> = per_article
            .iter()
            .map(|(id, r)| (*id, r.facts.as_slice()))
            .collect();
        out.conflicts = conflicts::find(project, &facts);
        out.conflicts
            .retain(|c| c.values.iter().any(|v| touches(v.article)));
    }
    if wants(SuggestionKind::Aliases) {
        let names: Vec<&str> = per_article
            .iter()
            .flat_map(|(_, r)| r.names.iter().map(String::as_str))
            .collect();
        // A town one article names as a place ("in Tavor") is no spelling of a surname in
        // another (Tabor).
        let places: std::collections::HashSet<&str> = per_article
            .iter()
            .flat_map(|(_, r)| r.places.iter().map(String::as_str))
            .collect();
        let variants: Vec<(String, String)> = per_article
            .iter()
            .flat_map(|(_, r)| r.variants.iter().cloned())
            .filter(|(v, _)| !places.contains(v.to_lowercase().as_str()))
            .collect();
        out.aliases = aliases::group(project, &names, &variants);
    }
    if !options.keep_decided {
        drop_rejected_and_done(project, &mut out);
    }
    Ok(out)
}

fn to_suggestion(
    project: &Project,
    article: ArticleId,
    doc: &Doc,
    q: quotes::FoundQuote,
) -> QuoteSuggestion {
    let speaker = q.speaker.map(|s| {
        let entity = if s.descriptive {
            None
        } else {
            entity_for(project, &s.name)
        };
        SpeakerGuess {
            name: entity
                .and_then(|id| project.entity(id))
                .map_or(s.name, |e| e.name.clone()),
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
    crate::model::speaker::linked_entity(project.entities.iter(), name)
}

fn drop_rejected_and_done(project: &Project, out: &mut Suggestions) {
    let rejected: HashSet<&SuggestionKey> = project.rejected_suggestions.iter().collect();
    let done: HashSet<(ArticleId, usize, usize, KindName)> = project
        .annotations()
        .map(|(_, a)| (a.article, a.span.start, a.span.end, a.kind.name()))
        .collect();
    let annotated = |article: ArticleId, start: usize, end: usize, kind: KindName| {
        done.contains(&(article, start, end, kind))
    };
    out.quotes.retain(|q| {
        !rejected.contains(&q.key()) && !annotated(q.article, q.start, q.end, KindName::Quote)
    });
    out.claims.retain(|c| {
        !rejected.contains(&c.key()) && !annotated(c.article, c.start, c.end, KindName::Claim)
    });
    out.passages.retain(|p| !rejected.contains(&p.key()));
    out.conflicts.retain(|c| !rejected.contains(&c.key()));
    out.aliases.retain(|a| !rejected.contains(&a.key()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AnnotationKind, Article, Provenance, text};

    fn project(texts: &[&str]) -> Project {
        let mut p = Project::new("t");
        for (i, t) in texts.iter().enumerate() {
            p.articles.push(Article::new(
                ArticleId(i as u64 + 1),
                format!("a{i}"),
                text::normalize(t),
            ));
        }
        p
    }

    #[test]
    fn progress_cancel_and_unknown_article() {
        let p = project(&[
            "“We will rebuild,” Mayor Helen Okafor said.",
            "Nothing here.",
        ]);
        let mut seen = Vec::new();
        let s = suggest(
            &p,
            &Options::default(),
            &mut |pr| seen.push(pr.done),
            &AtomicBool::new(false),
        )
        .unwrap();
        assert_eq!(seen, [1, 2]);
        assert_eq!(s.quotes.len(), 1);
        assert_eq!(s.quotes[0].speaker.as_ref().unwrap().name, "Helen Okafor");
        assert_eq!(
            suggest(&p, &Options::default(), &mut |_| {}, &AtomicBool::new(true)),
            Err(AssistError::Cancelled)
        );
        let one = Options {
            article: Some(ArticleId(9)),
            ..Options::default()
        };
        assert_eq!(
            suggest(&p, &one, &mut |_| {}, &AtomicBool::new(false)),
            Err(AssistError::UnknownArticle(ArticleId(9)))
        );
    }

    #[test]
    fn accepting_makes_an_annotation_and_a_new_speaker_and_rejecting_hides_it() {
        let mut p = project(&["😀 “We will rebuild,” Mayor Helen Okafor said."]);
        let s = suggest(
            &p,
            &Options::default(),
            &mut |_| {},
            &AtomicBool::new(false),
        )
        .unwrap();
        let q = &s.quotes[0];
        assert_eq!(q.text, "We will rebuild,");
        assert_eq!(q.start, 3, "code points, not bytes");
        let (entities, annotations) = accepted(&p, q);
        let e = entities.first().cloned().expect("new speaker entity");
        let a = &annotations[0];
        assert_eq!(e.name, "Helen Okafor");
        let AnnotationKind::Quote(quote) = &a.kind else {
            panic!()
        };
        assert_eq!(quote.speaker, Some(e.id));
        assert_eq!(quote.speaker_span.as_ref().unwrap().exact, "Helen Okafor");
        assert!(
            matches!(a.provenance, Provenance::Suggested { ref method, .. } if method == "assist:quotes")
        );
        assert_eq!(a.span.exact, "We will rebuild,");
        // With the entity in the project, the speaker resolves to it.
        p.entities.push(e.clone());
        let (again, _) = accepted(&p, q);
        assert!(again.is_empty());
        p.reject_suggestion(q.key());
        p.reject_suggestion(q.key());
        assert_eq!(p.rejected_suggestions.len(), 1);
        let s = suggest(
            &p,
            &Options::default(),
            &mut |_| {},
            &AtomicBool::new(false),
        )
        .unwrap();
        assert!(s.quotes.is_empty());
        p.unreject_suggestion(&q.key());
        assert!(p.problems().is_empty());
    }

    /// The entities and annotations that accepting `q` would add.
    fn accepted(
        p: &Project,
        q: &QuoteSuggestion,
    ) -> (Vec<crate::model::Entity>, Vec<crate::model::Annotation>) {
        use crate::model::{Context, Edit};
        let ctx = Context::new("t", chrono::Utc::now(), 1);
        let picks = [accept::Pick::Quote(q)];
        let acc = accept::accept_all(p, &picks, "me", &ctx, accept::Retire::No).unwrap();
        let (mut entities, mut annotations) = (Vec::new(), Vec::new());
        for e in acc.plan.edits() {
            match e {
                Edit::AddEntities(v) => entities.extend(v.iter().cloned()),
                Edit::AddAnnotations { annotations: v, .. } => {
                    annotations.extend(v.iter().cloned())
                }
                _ => {}
            }
        }
        (entities, annotations)
    }

    #[test]
    fn odd_input_never_panics() {
        let texts = [
            "",
            "”",
            "“",
            "'''",
            "‘’‘’",
            "\"\"\"\"",
            "«»«",
            "said",
            "according to",
            "Mr. ",
            "A, B, C said that",
            "62-year-old",
            "hundreds of",
            "\u{301}\u{301}”",
            "👩‍👩‍👧 “مرحبا” قال Zarif",
        ];
        let p = project(&texts);
        let s = suggest(
            &p,
            &Options::default(),
            &mut |_| {},
            &AtomicBool::new(false),
        )
        .unwrap();
        for q in &s.quotes {
            assert!(q.start < q.end);
            let (_, annotations) = accepted(&p, q);
            assert_eq!(annotations[0].span.exact, q.text);
        }
    }
}
