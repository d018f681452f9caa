//! How highlighted text looks: the paragraph cut at mark boundaries, each stretch's fill
//! and underline, and the left-to-right layout job built from them.

use super::reader_bidi::StyledRange;
use super::theme;
use crate::app::{Mark, MarkStyle};
use egui::Stroke;
use egui::text::{LayoutJob, TextFormat};
use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap};

/// The highlight style of each stretch of the paragraph `start..end` (article code points)
/// that some highlight covers, paragraph-relative: the innermost highlight's fill, and an
/// underline in the colour of the one around it (thicker where they overlap).
///
/// This is the only place where a highlight's fields decide how it looks.
pub(super) fn styled_ranges(
    start: usize,
    end: usize,
    active: &[&Mark],
    dark: bool,
) -> Vec<StyledRange> {
    let relevant: Vec<&Mark> = active
        .iter()
        .copied()
        .filter(|h| h.start < end && h.end > start)
        .collect();
    if relevant.is_empty() || start == end {
        return Vec::new();
    }
    let mut out = Vec::new();
    for Piece {
        start: a,
        end: b,
        mut covering,
    } in pieces(start, end, &relevant)
    {
        // Suggestions are ghosts: they never hide an annotation's fill.
        covering.sort_by_key(|h| {
            (
                h.style == MarkStyle::Suggestion,
                h.end - h.start,
                h.style.precedence(),
            )
        });
        if let Some(inner) = covering.first() {
            let under = covering.get(1).unwrap_or(inner);
            // Two annotations or more over the same text: each gets its own underline,
            // stacked, painted by the reader (`stacked_underlines`), not one in the text.
            let stacked = covering
                .iter()
                .filter(|h| h.style != MarkStyle::Suggestion)
                .count()
                > 1;
            out.push(StyledRange {
                start: a - start,
                end: b - start,
                fill: theme::mark_background(inner.kind, inner.style, dark),
                underline: if stacked {
                    Stroke::NONE
                } else {
                    Stroke::new(
                        if covering.len() > 1 { 2.0 } else { 1.0 },
                        theme::mark_edge(under.kind, under.style, dark),
                    )
                },
            });
        }
    }
    out
}

/// A stretch of text between two mark boundaries, with the marks covering all of it.
pub(super) struct Piece<'m> {
    pub start: usize,
    pub end: usize,
    pub covering: Vec<&'m Mark>,
}

/// `start..end` cut at every boundary of `marks` inside it, each piece with its covering
/// marks in their given order (shared by the highlight fills and the stacked underlines).
///
/// One sweep over the sorted boundaries: n log n in the marks plus the size of the answer,
/// so a paragraph with thousands of marks stays cheap to lay out.
pub(super) fn pieces<'m>(start: usize, end: usize, marks: &[&'m Mark]) -> Vec<Piece<'m>> {
    let mut cuts: Vec<usize> = vec![start, end];
    for h in marks {
        cuts.extend([h.start.clamp(start, end), h.end.clamp(start, end)]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut by_start: Vec<usize> = (0..marks.len()).collect();
    by_start.sort_by_key(|&i| marks[i].start);
    let mut next = 0;
    let mut active: BTreeSet<usize> = BTreeSet::new();
    let mut ends: BinaryHeap<Reverse<(usize, usize)>> = BinaryHeap::new();
    let mut out = Vec::with_capacity(cuts.len().saturating_sub(1));
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        while next < by_start.len() && marks[by_start[next]].start <= a {
            let i = by_start[next];
            active.insert(i);
            ends.push(Reverse((marks[i].end, i)));
            next += 1;
        }
        while let Some(&Reverse((e, i))) = ends.peek() {
            if e >= b {
                break;
            }
            ends.pop();
            active.remove(&i);
        }
        out.push(Piece {
            start: a,
            end: b,
            covering: active.iter().map(|&i| marks[i]).collect(),
        });
    }
    out
}

/// A left-to-right paragraph as one job, highlighted stretches as formatted sections.
pub(super) fn paragraph_job(
    line: &str,
    styles: &[StyledRange],
    width: f32,
    base: &TextFormat,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    if styles.is_empty() {
        job.append(line, 0.0, base.clone());
        return job;
    }
    let bytes: Vec<usize> = if line.is_ascii() {
        Vec::new()
    } else {
        line.char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(line.len()))
            .collect()
    };
    let byte = |c: usize| if line.is_ascii() { c } else { bytes[c] };
    let mut at = 0;
    for st in styles {
        if st.start > at {
            job.append(&line[byte(at)..byte(st.start)], 0.0, base.clone());
        }
        let mut fmt = base.clone();
        fmt.background = st.fill;
        fmt.underline = st.underline;
        job.append(&line[byte(st.start)..byte(st.end)], 0.0, fmt);
        at = st.end;
    }
    let len = if line.is_ascii() {
        line.len()
    } else {
        bytes.len() - 1
    };
    if at < len {
        job.append(&line[byte(at)..], 0.0, base.clone());
    }
    job
}
