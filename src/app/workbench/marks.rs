//! The current article's marks, recomputed only when their inputs change.

use crate::app::marks::{ArticleMarks, Mark, MarkRow, MarkStyle, MarkTarget};
use crate::assist::Suggestions;
use crate::model::{ADJUDICATED, ArticleId, LayerRole, Project};
use std::collections::BTreeSet;

use std::hash::{Hash, Hasher};

/// What the marks of an article are computed from.
pub struct MarksInput<'a> {
    pub suggestions: Option<&'a Suggestions>,
    /// Changes with the suggestions.
    pub suggestions_serial: u64,
    pub assist_off: &'a BTreeSet<String>,
    pub project: &'a Project,
    pub revision: u64,
    pub article: Option<ArticleId>,
    pub me: &'a str,
    pub show_other_layers: bool,
    pub hidden_layers: &'a std::collections::BTreeSet<String>,
    /// While reviewing: the two layers compared (the adjudicated layer is shown too).
    pub review_layers: Option<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct MarksKey {
    suggestions_serial: u64,
    assist_off: BTreeSet<String>,
    revision: u64,
    article: Option<ArticleId>,
    me: String,
    show_other_layers: bool,
    hidden_layers: std::collections::BTreeSet<String>,
    review_layers: Option<(String, String)>,
}

#[derive(Default)]
pub struct MarksCache {
    key: Option<MarksKey>,
    marks: ArticleMarks,
}

impl MarksCache {
    pub fn get(&self) -> &ArticleMarks {
        &self.marks
    }

    pub fn invalidate(&mut self) {
        self.key = None;
    }

    pub fn refresh(&mut self, input: MarksInput<'_>) {
        let key = MarksKey {
            suggestions_serial: input.suggestions_serial,
            assist_off: input.assist_off.clone(),
            revision: input.revision,
            article: input.article,
            me: input.me.to_owned(),
            show_other_layers: input.show_other_layers,
            hidden_layers: input.hidden_layers.clone(),
            review_layers: input.review_layers.clone(),
        };
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.marks = compute(&input);
        self.key = Some(key);
    }
}

fn compute(input: &MarksInput<'_>) -> ArticleMarks {
    let Some(article) = input.article else {
        return ArticleMarks::default();
    };
    let mut pairs: Vec<(Mark, MarkRow)> = Vec::new();
    for layer in &input.project.layers {
        let adjudicated = layer.role == LayerRole::Adjudicated || layer.annotator == ADJUDICATED;
        let (mine, shown) = match &input.review_layers {
            Some((a, b)) => (
                layer.annotator == *a,
                adjudicated || layer.annotator == *b || layer.annotator == *a,
            ),
            None => {
                let mine = layer.annotator == input.me;
                // Blind mode: another's layer only once I marked the article done.
                let may_see = crate::model::blind::visible_layers(input.project, input.me, article)
                    .shows(&layer.annotator);
                let shown = may_see
                    && input.show_other_layers
                    && !input.hidden_layers.contains(&layer.annotator);
                (mine, mine || shown)
            }
        };
        if !shown {
            continue;
        }
        let style = if mine {
            MarkStyle::Mine
        } else if adjudicated {
            MarkStyle::Adjudicated
        } else {
            MarkStyle::OtherLayer {
                layer: crate::app::layer_color_slot(
                    &input.project.layers,
                    input.me,
                    &layer.annotator,
                ),
            }
        };
        for a in layer.of_article(article) {
            let target = MarkTarget::Annotation(a.id);
            let kind = a.kind.name();
            let row = MarkRow {
                target: target.clone(),
                kind,
                excerpt: excerpt(&a.span.exact),
                owner: if mine {
                    String::new()
                } else {
                    layer.annotator.clone()
                },
                style,
            };
            let mark = Mark {
                start: a.span.start,
                end: a.span.end,
                kind,
                target,
                style,
            };
            pairs.push((mark, row));
        }
    }
    if input.review_layers.is_none()
        && let Some(s) = input.suggestions
    {
        pairs.extend(suggestion_marks(input, s, article));
    }
    pairs.sort_by(|(a, _), (b, _)| {
        (a.start, a.end, a.annotation()).cmp(&(b.start, b.end, b.annotation()))
    });
    let (marks, rows): (Vec<Mark>, Vec<MarkRow>) = pairs.into_iter().unzip();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    article.hash(&mut hasher);
    marks.hash(&mut hasher);
    ArticleMarks {
        marks,
        rows,
        fingerprint: hasher.finish(),
    }
}

/// The marked text on one line, at most 80 characters.
fn excerpt(exact: &str) -> String {
    let mut s: String = exact.chars().take(80).collect();
    if exact.chars().nth(80).is_some() {
        s.push('…');
    }
    s.replace('\n', " ")
}

/// Ghost marks for the article's quote and claim suggestions that still apply: not
/// rejected, not already annotated with that span and kind.
fn suggestion_marks(
    input: &MarksInput<'_>,
    s: &Suggestions,
    article: ArticleId,
) -> Vec<(Mark, MarkRow)> {
    crate::app::workbench::shown_in(input.project, s, input.assist_off, article)
        .into_iter()
        .map(|x| {
            let (start, end) = x.span();
            let target = MarkTarget::Suggestion(x.key());
            let row = MarkRow {
                target: target.clone(),
                kind: x.kind(),
                excerpt: excerpt(x.text()),
                owner: format!("suggested {:.0}%", x.score() * 100.0),
                style: MarkStyle::Suggestion,
            };
            let mark = Mark {
                start,
                end,
                kind: x.kind(),
                target,
                style: MarkStyle::Suggestion,
            };
            (mark, row)
        })
        .collect()
}
