//! Underlines stacked where annotations of several layers cover the same text: one for
//! each, so no layer's mark hides another's.

use super::theme;
use crate::app::{Mark, MarkStyle};
use egui::Color32;

/// One underline of a stack, where several annotations cover the same text.
pub(super) struct Stacked {
    /// Article code points.
    pub start: usize,
    pub end: usize,
    pub color: Color32,
    /// 0 nearest the text.
    pub level: usize,
    pub annotation: crate::model::AnnotationId,
}

/// Where two or more annotations cover the same stretch of `start..end`: an underline for
/// each, in its layer's (or kind's) colour, one under the other in a fixed order.
pub(super) fn stacked(start: usize, end: usize, active: &[&Mark], dark: bool) -> Vec<Stacked> {
    let relevant: Vec<&Mark> = active
        .iter()
        .copied()
        .filter(|h| h.start < end && h.end > start && h.style != MarkStyle::Suggestion)
        .collect();
    if relevant.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for super::reader_marks::Piece {
        start: a,
        end: b,
        mut covering,
    } in super::reader_marks::pieces(start, end, &relevant)
    {
        if covering.len() < 2 {
            continue;
        }
        covering.sort_by_key(|h| (h.style.precedence(), h.start, h.end));
        for (level, h) in covering.iter().enumerate() {
            if let Some(annotation) = h.annotation() {
                out.push(Stacked {
                    start: a,
                    end: b,
                    color: theme::mark_edge(h.kind, h.style, dark),
                    level,
                    annotation,
                });
            }
        }
    }
    out
}
