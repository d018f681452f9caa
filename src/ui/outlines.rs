//! Which spans the reader outlines: the selected annotation, or else the selected
//! suggestion; and in review the current item's other version beside it.

use crate::app::{Mark, MarkTarget, Mode, Workbench};
use crate::model::{ArticleId, KindName};

/// The selected suggestion's span (a ghost mark), when a suggestion is selected.
pub fn selected_suggestion(wb: &Workbench, marks: &[Mark]) -> Option<(usize, usize, KindName)> {
    let target = wb.selected()?;
    if !matches!(target, MarkTarget::Suggestion(_)) {
        return None;
    }
    marks
        .iter()
        .find(|m| m.target == *target)
        .map(|m| (m.start, m.end, m.kind))
}

/// In review, the current item's other version (B when A is outlined), in its layer's
/// colour: the two outlines side by side show where their boundaries differ.
pub fn other_version(
    wb: &Workbench,
    article: ArticleId,
    outline: Option<(usize, usize, KindName)>,
    dark: bool,
) -> Option<(usize, usize, egui::Color32)> {
    if wb.mode() != Mode::Review {
        return None;
    }
    let item = wb.review_current()?;
    if item.article != article {
        return None;
    }
    let (a, b) = (item.a.as_ref()?, item.b.as_ref()?);
    let outlined = outline.map(|(s, e, _)| (s, e));
    let (other, layer) = if outlined == Some((a.span.start, a.span.end)) {
        (b, &item.layer_b)
    } else {
        (a, &item.layer_a)
    };
    let slot = crate::app::layer_color_slot(&wb.project().layers, "", layer);
    Some((
        other.span.start,
        other.span.end,
        super::theme::layer_color(slot, dark),
    ))
}
