//! What the reader draws: marks computed by the core, each pointing at what it stands for
//! (an annotation, a suggestion that is not an annotation yet, a disagreement) with a
//! style saying whose it is. Clicking, cycling through overlaps and the panel all work on
//! marks, so review and suggestions add marks, not reader code.

use crate::model::{AnnotationId, KindName, SuggestionKey};

/// What a mark stands for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum MarkTarget {
    Annotation(AnnotationId),
    /// A suggestion, by its stable key.
    Suggestion(SuggestionKey),
}

/// How a mark is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkStyle {
    /// In your own layer.
    Mine,
    /// In another annotator's layer; `layer` is its colour slot
    /// ([`crate::app::layer_color_slot`]), the same for a layer whatever other layers
    /// come and go.
    OtherLayer { layer: usize },
    /// In the adjudicated layer.
    Adjudicated,
    /// A suggestion not accepted yet: a ghost.
    Suggestion,
    /// One side of an open review disagreement.
    Disagreement,
}

impl MarkStyle {
    /// Which of two marks over the same text is drawn on top (lower first): your own,
    /// then the adjudicated layer, then other layers in project order, suggestions last.
    /// Fixed, so the reader never depends on annotation ids.
    pub fn precedence(self) -> usize {
        match self {
            MarkStyle::Mine => 0,
            MarkStyle::Adjudicated => 1,
            MarkStyle::Disagreement => 2,
            MarkStyle::OtherLayer { layer } => 3 + layer,
            MarkStyle::Suggestion => usize::MAX,
        }
    }
}

/// One marked span of the current article (code points, end exclusive).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub kind: KindName,
    pub target: MarkTarget,
    pub style: MarkStyle,
}

impl Mark {
    pub fn annotation(&self) -> Option<AnnotationId> {
        match &self.target {
            MarkTarget::Annotation(id) => Some(*id),
            MarkTarget::Suggestion(_) => None,
        }
    }

    pub fn covers(&self, c: usize) -> bool {
        self.start <= c && c < self.end
    }
}

/// A row of the annotation list beside the reader.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkRow {
    pub target: MarkTarget,
    pub kind: KindName,
    /// The marked text, on one line, shortened.
    pub excerpt: String,
    /// Whose it is: empty for your own layer.
    pub owner: String,
    pub style: MarkStyle,
}

/// The marks of one article with their list rows, recomputed when the project, the
/// article or what is shown changes.
#[derive(Clone, Debug, Default)]
pub struct ArticleMarks {
    /// Sorted by (start, end, target).
    pub marks: Vec<Mark>,
    pub rows: Vec<MarkRow>,
    /// Changes whenever the marks change: the reader re-lays its text only then.
    pub fingerprint: u64,
}

impl ArticleMarks {
    /// The marks under a character: annotations before suggestions, innermost first, then
    /// by target for a stable order.
    pub fn at(&self, c: usize) -> Vec<&Mark> {
        let mut covering: Vec<&Mark> = self.marks.iter().filter(|m| m.covers(c)).collect();
        covering.sort_by(|a, b| {
            (a.annotation().is_none(), a.end - a.start)
                .cmp(&(b.annotation().is_none(), b.end - b.start))
                .then_with(|| a.target.sort_key().cmp(&b.target.sort_key()))
        });
        covering
    }
}

impl MarkTarget {
    fn sort_key(&self) -> (u8, u64, Option<&SuggestionKey>) {
        match self {
            MarkTarget::Annotation(id) => (0, id.0, None),
            MarkTarget::Suggestion(key) => (1, 0, Some(key)),
        }
    }
}
