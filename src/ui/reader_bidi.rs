//! Layout of a paragraph that holds right-to-left text (Arabic, Persian, Hebrew …).
//!
//! egui 0.37 has no bidi: it shapes each same-font run (Arabic letters join) but lays the
//! runs out in storage order. Here the paragraph goes through UAX #9 ([`crate::bidi`]):
//! letters are measured (right-to-left runs with harfrust, see [`super::shaping`]), lines
//! are broken in storage order, and each line is drawn piece by piece in visual order, each
//! piece a small galley that egui shapes in the right direction. Highlights, the selection
//! and hit-testing use the same per-letter geometry, so what is drawn is what is stored.

use super::shaping;
use super::theme;
use crate::bidi::display::rtl_script;
use crate::bidi::{self, Direction, LineGeometry, ParagraphBidi};
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, Galley, Painter, Pos2, Rect, Stroke, Vec2, pos2, vec2};
use std::sync::Arc;
use unicode_bidi::BidiClass;

/// A range of a paragraph (code points, paragraph-relative) drawn with a highlight style.
#[derive(Clone, Copy, Debug)]
pub(super) struct StyledRange {
    pub start: usize,
    pub end: usize,
    pub fill: Color32,
    pub underline: Stroke,
}

/// A right-to-left or mixed paragraph, laid out.
pub(super) struct BidiBody {
    lines: Vec<BidiLine>,
    /// Highlight fills and underlines, paragraph-relative, painted under/over the text.
    marks: Vec<MarkRect>,
    height: f32,
}

struct BidiLine {
    top: f32,
    /// x of the line's left edge in the column (right-aligned lines start further right).
    left: f32,
    geometry: LineGeometry,
    pieces: Vec<Piece>,
}

/// A galley drawn at `x` (relative to the line's left edge).
struct Piece {
    x: f32,
    galley: Arc<Galley>,
}

struct MarkRect {
    rect: Rect,
    fill: Color32,
    underline: Stroke,
}

/// How a stretch of the paragraph is measured and drawn.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum RunFont {
    /// One bundled right-to-left face (index in [`shaping::rtl_faces`]).
    Rtl(usize),
    /// The reading family, laid out by egui as usual.
    Reading,
}

impl BidiBody {
    /// Lay out `text` (one paragraph, no `\n`) in a column `width` wide.
    pub fn layout(
        ctx: &egui::Context,
        text: &str,
        direction: Option<Direction>,
        width: f32,
        base: &TextFormat,
        styles: &[StyledRange],
    ) -> Self {
        let para = ParagraphBidi::new(text, direction);
        let chars: Vec<char> = text.chars().collect();
        let n = chars.len();
        let faces = shaping::rtl_faces();

        // 1. Runs of one font, in storage order, and the advance of every letter.
        let mut runs: Vec<(usize, usize, RunFont)> = Vec::new();
        for (c, &ch) in chars.iter().enumerate() {
            let class = para.class(c);
            let attached = matches!(class, BidiClass::NSM | BidiClass::BN);
            let odd = para.level(c) % 2 == 1;
            let font = match runs.last() {
                Some(&(_, _, f)) if attached => f,
                Some(&(_, _, RunFont::Rtl(f)))
                    if (odd || rtl_script(ch)) && faces[f].covers(ch) =>
                {
                    RunFont::Rtl(f)
                }
                _ if rtl_script(ch) => shaping::face_for(ch).map_or(RunFont::Reading, RunFont::Rtl),
                _ => RunFont::Reading,
            };
            match runs.last_mut() {
                Some(last) if last.2 == font => last.1 = c + 1,
                _ => runs.push((c, c + 1, font)),
            }
        }
        let mut advances = vec![0.0f32; n];
        for &(s, e, font) in &runs {
            let piece = &text[para.byte(s)..para.byte(e)];
            let measured = match font {
                RunFont::Rtl(f) => faces[f].advances(piece, base.font_id.size),
                RunFont::Reading => measure_with_egui(ctx, piece, base),
            };
            advances[s..e].copy_from_slice(&measured);
        }
        let font_at = |c: usize| {
            let i = runs.partition_point(|r| r.1 <= c);
            runs[i.min(runs.len() - 1)].2
        };

        // 2. Lines, broken in storage order after white space.
        let mut breaks = Vec::new();
        let (mut line_start, mut x, mut last_break) = (0, 0.0f32, None);
        for c in 0..n {
            let ws = chars[c].is_whitespace();
            if !ws && c > line_start && x + advances[c] > width {
                let b = last_break.filter(|&b| b > line_start).unwrap_or(c);
                breaks.push((line_start, b));
                line_start = b;
                x = advances[b..c].iter().sum();
                last_break = None;
            }
            x += advances[c];
            if ws {
                last_break = Some(c + 1);
            }
        }
        breaks.push((line_start, n));

        // 3. Each line in visual order, piece by piece.
        let rtl_para = para.direction().is_rtl();
        let line_height = base.line_height.unwrap_or(theme::READING_LINE);
        let mut lines = Vec::with_capacity(breaks.len());
        let mut marks = Vec::new();
        for (i, &(s, e)) in breaks.iter().enumerate() {
            let geometry = LineGeometry::new(para.line(s, e), &advances[s..e]);
            let left = if rtl_para {
                (width - geometry.width()).max(0.0)
            } else {
                0.0
            };
            let top = i as f32 * line_height;
            let mut pieces = Vec::new();
            for run in &geometry.line().runs.clone() {
                // Split the visual run where the font changes, keeping visual order.
                let mut cuts = vec![run.start];
                for c in run.start + 1..run.end {
                    if font_at(c) != font_at(c - 1) {
                        cuts.push(c);
                    }
                }
                cuts.push(run.end);
                for w in cuts.windows(2) {
                    let (a, b) = (w[0], w[1]);
                    let font = font_at(a);
                    let has_strong =
                        (a..b).any(|c| matches!(para.class(c), BidiClass::R | BidiClass::AL));
                    let whole = match font {
                        RunFont::Rtl(_) => run.is_rtl() && has_strong,
                        RunFont::Reading => !run.is_rtl() && !(a..b).any(|c| rtl_script(chars[c])),
                    };
                    let family = match font {
                        RunFont::Rtl(f) => faces[f].family.clone(),
                        RunFont::Reading => base.font_id.family.clone(),
                    };
                    let mut add = |from: usize, to: usize, text: String| {
                        if text.chars().all(char::is_whitespace) {
                            return;
                        }
                        let x = (from..to)
                            .filter_map(|c| geometry.char_span(c))
                            .map(|sp| sp.left)
                            .fold(f32::INFINITY, f32::min);
                        let mut fmt = base.clone();
                        fmt.font_id.family = family.clone();
                        let job = LayoutJob::single_section(text, fmt);
                        pieces.push(Piece {
                            x,
                            galley: ctx.fonts_mut(|f| f.layout_job(job)),
                        });
                    };
                    if whole {
                        add(a, b, text[para.byte(a)..para.byte(b)].to_owned());
                    } else {
                        // One character (with its marks) at a time, mirrored when drawn
                        // right to left.
                        let mut c = a;
                        while c < b {
                            let mut end = c + 1;
                            while end < b
                                && matches!(para.class(end), BidiClass::NSM | BidiClass::BN)
                            {
                                end += 1;
                            }
                            let mut s = text[para.byte(c)..para.byte(end)].to_owned();
                            if run.is_rtl()
                                && let Some(m) = bidi::display::mirror(chars[c])
                            {
                                s.replace_range(0..chars[c].len_utf8(), m.encode_utf8(&mut [0; 4]));
                            }
                            add(c, end, s);
                            c = end;
                        }
                    }
                }
            }
            for st in styles {
                for sp in geometry.range_spans(st.start, st.end) {
                    marks.push(MarkRect {
                        rect: Rect::from_min_max(
                            pos2(left + sp.left, top),
                            pos2(left + sp.right, top + line_height),
                        ),
                        fill: st.fill,
                        underline: st.underline,
                    });
                }
            }
            lines.push(BidiLine {
                top,
                left,
                geometry,
                pieces,
            });
        }
        let height = lines.len().max(1) as f32 * line_height;
        Self {
            lines,
            marks,
            height,
        }
    }

    pub fn height(&self) -> f32 {
        self.height
    }

    /// Paint the highlights, the text and the underlines, with the paragraph's top-left at
    /// `at`.
    pub fn paint(&self, painter: &Painter, at: Pos2, color: Color32) {
        for m in &self.marks {
            painter.rect_filled(m.rect.translate(at.to_vec2()), 0.0, m.fill);
        }
        for line in &self.lines {
            for p in &line.pieces {
                painter.galley(
                    at + vec2(line.left + p.x, line.top),
                    p.galley.clone(),
                    color,
                );
            }
        }
        for m in &self.marks {
            if m.underline.width > 0.0 {
                let r = m.rect.translate(at.to_vec2());
                let y = r.bottom() - 4.0;
                painter.line_segment([pos2(r.left(), y), pos2(r.right(), y)], m.underline);
            }
        }
    }

    /// Rectangles (paragraph-relative) covering code points `s..e` of the paragraph.
    pub fn range_rects(&self, s: usize, e: usize) -> Vec<Rect> {
        let mut out = Vec::new();
        for line in &self.lines {
            let l = line.geometry.line();
            if l.end <= s && !(l.start == l.end && s == l.start) {
                continue;
            }
            if l.start >= e {
                break;
            }
            let h = self.height / self.lines.len().max(1) as f32;
            for sp in line.geometry.range_spans(s, e) {
                out.push(Rect::from_min_max(
                    pos2(line.left + sp.left, line.top),
                    pos2(line.left + sp.right, line.top + h),
                ));
            }
        }
        out
    }

    fn line_at(&self, y: f32) -> Option<&BidiLine> {
        let h = self.height / self.lines.len().max(1) as f32;
        let i = (y / h).floor().max(0.0) as usize;
        self.lines.get(i.min(self.lines.len().saturating_sub(1)))
    }

    /// The caret position (paragraph-relative) nearest to a point of the paragraph.
    pub fn caret_at(&self, rel: Vec2) -> usize {
        self.line_at(rel.y)
            .map_or(0, |l| l.geometry.caret_at(rel.x - l.left))
    }

    /// The code point under a point of the paragraph.
    pub fn char_at(&self, rel: Vec2) -> Option<usize> {
        if rel.y < 0.0 || rel.y >= self.height {
            return None;
        }
        let l = self.line_at(rel.y)?;
        l.geometry.char_at(rel.x - l.left)
    }
}

/// Advance of each code point of a left-to-right run, as egui lays it out.
fn measure_with_egui(ctx: &egui::Context, text: &str, base: &TextFormat) -> Vec<f32> {
    let n = text.chars().count();
    let mut job = LayoutJob::single_section(text.to_owned(), base.clone());
    job.wrap.max_width = f32::INFINITY;
    let galley = ctx.fonts_mut(|f| f.layout_job(job));
    let glyphs: Vec<f32> = galley
        .rows
        .iter()
        .flat_map(|r| r.glyphs.iter().map(|g| g.advance_width))
        .collect();
    if glyphs.len() == n {
        glyphs
    } else {
        vec![galley.size().x / n.max(1) as f32; n]
    }
}
