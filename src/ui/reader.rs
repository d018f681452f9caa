//! The article text with every annotation highlighted, selectable with the mouse.
//!
//! Paragraphs are laid out lazily: opening an article only measures where its paragraphs
//! start and estimates their heights; a paragraph is laid out (once per article, marks,
//! width and theme) when it first comes near the viewport, so the first frame of a 1 MB
//! article costs what its visible part costs. Each frame only the paragraphs inside the
//! viewport are painted and hit-tested, so a 1 MB article with 10,000 annotations scrolls
//! as smoothly as a short one.

use super::reader_bidi::BidiBody;
use super::reader_marks::{paragraph_job, styled_ranges};
use super::theme;
use crate::app::Mark;
use crate::bidi::{self, Direction};
use crate::model::{KindName, text};
use egui::text::TextFormat;
use egui::{Align, Color32, FontId, Galley, Pos2, Rect, Sense, Stroke, Ui, Vec2, pos2, vec2};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// What the user did in the reader this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReaderEvent {
    /// Mouse selection of `start..end` (code points); `exact` when Alt was held, to mark
    /// part of a word rather than snap to whole words.
    Select {
        start: usize,
        end: usize,
        exact: bool,
    },
    /// A click on the character at this offset (`None`: on no character).
    Click(Option<usize>),
    /// A double click: select the word there.
    DoubleClick(usize),
}

/// Everything the layout depends on; a change means a new layout.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutKey {
    pub article: u64,
    /// Fingerprint of the marks (anything that changes what is highlighted).
    pub revision: u64,
    pub dark: bool,
}

struct Para {
    /// First code point of the paragraph in the article text.
    start: usize,
    /// Its code points end (exclusive) and its bytes in the article.
    end: usize,
    bytes: std::ops::Range<usize>,
    /// Hash of the highlights that touch this paragraph: unchanged means reusable galley.
    hash: u64,
    /// The marks touching it (indices into the view's marks), to lay it out later.
    marks: Vec<u32>,
    top: f32,
    /// Exact once laid out; an estimate from its length before.
    height: f32,
    /// `None` until the paragraph first comes near the viewport.
    body: Option<Body>,
}

/// Screen space around the viewport that is laid out ahead of scrolling.
const LAYOUT_MARGIN: f32 = 600.0;

/// How a paragraph is drawn.
enum Body {
    /// Left-to-right text only: one egui galley, highlights inside it.
    Plain(Arc<Galley>),
    /// Right-to-left or mixed text, reordered line by line (UAX #9).
    Bidi(BidiBody),
}

struct Layout {
    key: LayoutKey,
    width: f32,
    paras: Vec<Para>,
    height: f32,
}

/// The reader's cached layout and where it was last drawn.
#[derive(Default)]
pub struct Reader {
    layout: Option<Layout>,
    /// Screen position of the text column's top-left, last frame.
    origin: Pos2,
    drag_anchor: Option<usize>,
    /// How many times the layout was (re)built: for tests and benchmarks.
    pub layouts_built: u64,
    /// How many paragraph galleys were laid out in total.
    pub paragraphs_laid_out: u64,
    /// The first code point of the paragraph at the top of the viewport, last frame.
    top_char: usize,
    /// The reader's visible rectangle on screen, last frame.
    clip: Option<Rect>,
    /// Where the selected span's outline was painted, last frame.
    pub outline_drawn: Vec<Rect>,
    /// Where the other version's dashed outline was painted (review), last frame.
    pub other_outline_drawn: Vec<Rect>,
    /// Stacked underlines painted last frame (where annotations cover the same text),
    /// with the annotation each belongs to.
    pub underlines_drawn: Vec<(Rect, crate::model::AnnotationId)>,
}

/// Inputs for one frame of the reader.
pub struct ReaderView<'a> {
    pub text: &'a str,
    pub key: LayoutKey,
    /// Sorted by start.
    pub marks: &'a [Mark],
    pub selection: Option<std::ops::Range<usize>>,
    /// Span of the selected annotation: outlined.
    pub selected: Option<(usize, usize, KindName)>,
    /// In review, the other version of the current item: outlined dashed, wider, in
    /// its layer's colour.
    pub other_version: Option<(usize, usize, egui::Color32)>,
    /// Where the selected quote's speaker is named: underlined.
    pub speaker: Option<(usize, usize)>,
    /// Scroll so that this code point is visible (in the middle of the view).
    pub scroll_to: Option<usize>,
    /// Put `scroll_to` at the top of the view instead.
    pub scroll_to_top: bool,
    /// Base direction of every paragraph, from the article's language
    /// ([`bidi::direction_of_language`]); `None`: each paragraph's first strong letter.
    pub direction: Option<Direction>,
}

impl Reader {
    pub fn show(&mut self, ui: &mut Ui, view: &ReaderView<'_>) -> Vec<ReaderEvent> {
        let mut events = Vec::new();
        let dark = ui.visuals().dark_mode;
        let text_color = ui.visuals().text_color();
        egui::ScrollArea::vertical()
            .id_salt(("reader", view.key.article))
            .auto_shrink(false)
            .show_viewport(ui, |ui, viewport| {
                let full = ui.available_width();
                // The reading width, or narrower in steps of 40 pt: dragging a pane
                // divider does not re-lay the text every frame.
                let room = full - 24.0;
                let width = if room >= theme::READING_WIDTH {
                    theme::READING_WIDTH
                } else {
                    ((room / 40.0).floor() * 40.0).max(160.0)
                };
                self.ensure_layout(view, width);
                let target = view.scroll_to.map(|c| (c, c + 1));
                self.lay_out_visible(ui.ctx(), view, viewport, target, text_color);
                let Some(layout) = &self.layout else { return };
                let (rect, response) = ui.allocate_exact_size(
                    vec2(full, layout.height.max(1.0)),
                    Sense::click_and_drag(),
                );
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Document, true, "Article text")
                });
                self.clip = Some(ui.clip_rect());
                let left = rect.left() + ((full - width) / 2.0).max(0.0);
                self.origin = pos2(left, rect.top());
                let layout = self.layout.as_ref().expect("layout ensured above");

                // Paint the visible paragraphs, then selection and outline over them.
                let painter = ui.painter_at(rect);
                self.outline_drawn.clear();
                self.underlines_drawn.clear();
                self.other_outline_drawn.clear();
                let first = layout
                    .paras
                    .partition_point(|p| p.top + p.height < viewport.min.y);
                self.top_char = layout
                    .paras
                    .get(
                        layout
                            .paras
                            .partition_point(|p| p.top + p.height <= viewport.min.y),
                    )
                    .map_or(0, |p| p.start);
                for p in layout.paras[first..]
                    .iter()
                    .take_while(|p| p.top <= viewport.max.y)
                {
                    let at = self.origin + vec2(0.0, p.top);
                    match &p.body {
                        Some(Body::Plain(galley)) => painter.galley(at, galley.clone(), text_color),
                        Some(Body::Bidi(body)) => body.paint(&painter, at, text_color),
                        None => {}
                    }
                    if let Some(sel) = &view.selection {
                        for r in range_rects(p, sel.start, sel.end) {
                            painter.rect_filled(
                                r.translate(at.to_vec2()),
                                2.0,
                                theme::selection(dark),
                            );
                        }
                    }
                    let active: Vec<&Mark> = p
                        .marks
                        .iter()
                        .filter_map(|&i| view.marks.get(i as usize))
                        .collect();
                    for st in super::reader_underlines::stacked(p.start, p.end, &active, dark) {
                        let stroke = Stroke::new(1.5, st.color);
                        for r in range_rects(p, st.start, st.end) {
                            let r = r.translate(at.to_vec2());
                            let y = r.bottom() - 4.0 + 2.5 * st.level as f32;
                            painter.line_segment([pos2(r.left(), y), pos2(r.right(), y)], stroke);
                            self.underlines_drawn.push((
                                Rect::from_x_y_ranges(r.x_range(), y - 1.0..=y + 1.0),
                                st.annotation,
                            ));
                        }
                    }
                    if let Some((s, e)) = view.speaker {
                        let stroke = Stroke::new(2.5, theme::kind_color(KindName::Quote, dark));
                        for r in range_rects(p, s, e) {
                            let r = r.translate(at.to_vec2());
                            painter.line_segment([r.left_bottom(), r.right_bottom()], stroke);
                        }
                    }
                    if let Some((s, e, color)) = view.other_version {
                        let stroke = Stroke::new(2.0, color);
                        for r in range_rects(p, s, e) {
                            let r = r.translate(at.to_vec2()).expand(4.0);
                            let path = [
                                r.left_top(),
                                r.right_top(),
                                r.right_bottom(),
                                r.left_bottom(),
                                r.left_top(),
                            ];
                            painter.extend(egui::Shape::dashed_line(&path, stroke, 5.0, 3.0));
                            self.other_outline_drawn.push(r);
                        }
                    }
                    if let Some((s, e, kind)) = view.selected {
                        let stroke = Stroke::new(2.0, theme::kind_color(kind, dark));
                        for r in range_rects(p, s, e) {
                            let r = r.translate(at.to_vec2()).expand(1.0);
                            painter.rect_stroke(r, 2.0, stroke, egui::StrokeKind::Outside);
                            self.outline_drawn.push(r);
                        }
                    }
                }

                if let Some(c) = view.scroll_to
                    && let Some(r) = self.char_rect(c)
                {
                    let (align, margin) = if view.scroll_to_top {
                        (Align::Min, 0.0)
                    } else {
                        (Align::Center, 40.0)
                    };
                    ui.scroll_to_rect(r.expand(margin), Some(align));
                }

                // Mouse: drag selects, click picks an annotation, double click a word.
                if let Some(pos) = response.interact_pointer_pos() {
                    let rel = pos - self.origin;
                    if response.drag_started() {
                        // Anchor where the button went down, not where the drag was noticed.
                        let origin = ui.input(|i| i.pointer.press_origin()).unwrap_or(pos);
                        self.drag_anchor = Some(self.boundary_at(origin - self.origin));
                    } else if response.dragged()
                        && let Some(anchor) = self.drag_anchor
                    {
                        let here = self.boundary_at(rel);
                        if here != anchor {
                            events.push(ReaderEvent::Select {
                                start: anchor.min(here),
                                end: anchor.max(here),
                                exact: ui.input(|i| i.modifiers.alt),
                            });
                        }
                    }
                    if response.double_clicked() {
                        if let Some(c) = self.char_at(rel) {
                            events.push(ReaderEvent::DoubleClick(c));
                        }
                    } else if response.clicked() {
                        events.push(ReaderEvent::Click(self.char_at(rel)));
                    }
                }
                if response.drag_stopped() {
                    self.drag_anchor = None;
                }
            });
        events
    }

    fn ensure_layout(&mut self, view: &ReaderView<'_>, width: f32) {
        if let Some(l) = &self.layout
            && l.key == view.key
            && (l.width - width).abs() < 0.5
        {
            return;
        }
        // Same article, width and theme: only paragraphs whose highlights changed are laid
        // out again (adding an annotation to a 1 MB article re-lays one paragraph).
        let old = self.layout.take().filter(|l| {
            l.key.article == view.key.article
                && l.key.dark == view.key.dark
                && (l.width - width).abs() < 0.5
        });
        let paras = measure_paragraphs(
            view.text,
            view.marks,
            width,
            old.map(|l| l.paras).unwrap_or_default(),
        );
        let mut layout = Layout {
            key: view.key,
            width,
            paras,
            height: 0.0,
        };
        layout.restack();
        self.layout = Some(layout);
        self.layouts_built += 1;
    }

    /// Lay out the paragraphs within [`LAYOUT_MARGIN`] of the viewport (and the one holding
    /// `target`, a scroll destination), then restack the paragraphs below them. Repeats
    /// while exact heights move more paragraphs into view.
    fn lay_out_visible(
        &mut self,
        ctx: &egui::Context,
        view: &ReaderView<'_>,
        viewport: Rect,
        target: Option<(usize, usize)>,
        color: Color32,
    ) {
        let Some(layout) = &mut self.layout else {
            return;
        };
        let base = TextFormat {
            font_id: FontId::new(theme::READING_SIZE, super::fonts::reading()),
            line_height: Some(theme::READING_LINE),
            color,
            ..Default::default()
        };
        for _ in 0..4 {
            let lo = viewport.min.y - LAYOUT_MARGIN;
            let hi = viewport.max.y + LAYOUT_MARGIN;
            let first = layout.paras.partition_point(|p| p.top + p.height < lo);
            let mut todo: Vec<usize> = (first..layout.paras.len())
                .take_while(|&i| layout.paras[i].top <= hi)
                .filter(|&i| layout.paras[i].body.is_none())
                .collect();
            if let Some((c, _)) = target {
                let i = layout
                    .paras
                    .partition_point(|p| p.start <= c)
                    .saturating_sub(1);
                if layout.paras.get(i).is_some_and(|p| p.body.is_none()) {
                    todo.push(i);
                }
            }
            if todo.is_empty() {
                return;
            }
            for i in todo {
                let p = &mut layout.paras[i];
                let body = lay_out(ctx, view, p, layout.width, &base);
                p.height = body.height();
                p.body = Some(body);
                self.paragraphs_laid_out += 1;
            }
            layout.restack();
        }
    }

    fn para_at(&self, y: f32) -> Option<&Para> {
        let l = self.layout.as_ref()?;
        let i = l.paras.partition_point(|p| p.top + p.height < y);
        l.paras.get(i.min(l.paras.len().saturating_sub(1)))
    }

    /// Nearest character boundary to a point (relative to the text column's top-left).
    fn boundary_at(&self, rel: Vec2) -> usize {
        let Some(p) = self.para_at(rel.y) else {
            return 0;
        };
        let local = rel - vec2(0.0, p.top);
        p.start
            + match &p.body {
                Some(Body::Plain(galley)) => galley.cursor_from_pos(local).index.0,
                Some(Body::Bidi(body)) => body.caret_at(local),
                None => 0,
            }
    }

    /// The character under a point, if any.
    fn char_at(&self, rel: Vec2) -> Option<usize> {
        let p = self.para_at(rel.y)?;
        let local = rel - vec2(0.0, p.top);
        let galley = match &p.body {
            Some(Body::Plain(galley)) => galley,
            Some(Body::Bidi(body)) => return body.char_at(local).map(|c| p.start + c),
            None => return None,
        };
        let mut idx = 0;
        for row in &galley.rows {
            let r = row.rect();
            if local.y >= r.top() && local.y <= r.bottom() {
                let x = local.x - row.pos.x;
                let g = row
                    .glyphs
                    .iter()
                    .position(|g| x >= g.pos.x && x < g.max_x())?;
                return Some(p.start + idx + g);
            }
            idx += row.char_count_including_newline().0;
        }
        None
    }

    /// The first code point of the paragraph at the top of the view.
    pub fn top_char(&self) -> usize {
        self.top_char
    }

    /// Whether a code point was inside the visible part of the reader last frame.
    pub fn in_view(&self, c: usize) -> bool {
        let (Some(r), Some(clip)) = (self.char_rect(c), self.clip) else {
            return false;
        };
        clip.contains_rect(r)
    }

    /// Screen rectangle of a character, from the last frame's layout.
    pub fn char_rect(&self, c: usize) -> Option<Rect> {
        let l = self.layout.as_ref()?;
        let i = l.paras.partition_point(|p| p.start <= c).checked_sub(1)?;
        let p = &l.paras[i];
        range_rects(p, c, c + 1)
            .into_iter()
            .next()
            .map(|r| r.translate(self.origin.to_vec2() + vec2(0.0, p.top)))
    }
}

/// Paragraph-relative rectangles covering code points `s..e` of the article within `p`,
/// left to right on each line: several on one line where the range changes direction.
fn range_rects(p: &Para, s: usize, e: usize) -> Vec<Rect> {
    match &p.body {
        Some(Body::Plain(galley)) => plain_range_rects(galley, p.start, s, e),
        Some(Body::Bidi(body)) if e > p.start => {
            body.range_rects(s.saturating_sub(p.start), e - p.start)
        }
        Some(Body::Bidi(_)) | None => Vec::new(),
    }
}

fn plain_range_rects(galley: &Galley, start: usize, s: usize, e: usize) -> Vec<Rect> {
    let mut out = Vec::new();
    let mut row_start = start;
    for row in &galley.rows {
        let n = row.glyphs.len();
        let (a, b) = (s.max(row_start), e.min(row_start + n));
        if a < b {
            let ga = &row.glyphs[a - row_start];
            let gb = &row.glyphs[b - row_start - 1];
            let r = row.rect();
            out.push(Rect::from_min_max(
                pos2(row.pos.x + ga.pos.x, r.top()),
                pos2(row.pos.x + gb.max_x(), r.bottom()),
            ));
        }
        row_start += row.char_count_including_newline().0;
        if row_start >= e {
            break;
        }
    }
    out
}

impl Layout {
    /// Recompute every paragraph's top and the total height from their heights.
    fn restack(&mut self) {
        let mut top = 0.0;
        for p in &mut self.paras {
            p.top = top;
            top += p.height;
        }
        self.height = top;
    }
}

impl Body {
    fn height(&self) -> f32 {
        match self {
            Body::Plain(galley) => galley.size().y,
            Body::Bidi(body) => body.height(),
        }
    }
}

/// Split the article into paragraphs with the marks touching each, reusing the laid-out
/// bodies of `old` whose marks did not change; the others get an estimated height and are
/// laid out when they come into view. Linear in the text, no shaping.
fn measure_paragraphs(article: &str, highlights: &[Mark], width: f32, old: Vec<Para>) -> Vec<Para> {
    // About this many points per character of the reading font, for the estimate.
    const CHAR_WIDTH: f32 = 8.2;
    let mut old = old.into_iter().peekable();
    let mut paras = Vec::new();
    let mut start = 0;
    let mut byte = 0;
    let mut next = 0; // next highlight (by start) not yet active
    let mut active: Vec<u32> = Vec::new();
    for line in article.split('\n') {
        let len = text::char_len(line);
        let end = start + len;
        while next < highlights.len() && highlights[next].start < end.max(start + 1) {
            active.push(next as u32);
            next += 1;
        }
        active.retain(|&h| highlights[h as usize].end > start);
        let touching: Vec<u32> = active
            .iter()
            .copied()
            .filter(|&h| highlights[h as usize].start < end)
            .collect();
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        for &h in &touching {
            highlights[h as usize].hash(&mut hasher);
        }
        let hash = hasher.finish();
        while old.peek().is_some_and(|p| p.start < start) {
            old.next();
        }
        let (body, height) = match old.next_if(|p| p.start == start && p.hash == hash) {
            Some(p) => (p.body, p.height),
            None => {
                let per_line = (width / CHAR_WIDTH).max(1.0);
                let lines = (len as f32 / per_line).ceil().max(1.0);
                (None, lines * theme::READING_LINE)
            }
        };
        paras.push(Para {
            start,
            end,
            bytes: byte..byte + line.len(),
            hash,
            marks: touching,
            top: 0.0,
            height,
            body,
        });
        start = end + 1; // the '\n'
        byte += line.len() + 1;
    }
    paras
}

/// Lay out one paragraph with its marks.
fn lay_out(
    ctx: &egui::Context,
    view: &ReaderView<'_>,
    p: &Para,
    width: f32,
    base: &TextFormat,
) -> Body {
    let line = &view.text[p.bytes.clone()];
    let active: Vec<&Mark> = p
        .marks
        .iter()
        .filter_map(|&i| view.marks.get(i as usize))
        .collect();
    let styles = styled_ranges(p.start, p.end, &active, view.key.dark);
    if view.direction.is_some_and(Direction::is_rtl) || bidi::has_rtl(line) {
        Body::Bidi(BidiBody::layout(
            ctx,
            line,
            view.direction,
            width,
            base,
            &styles,
        ))
    } else {
        let job = paragraph_job(line, &styles, width, base);
        Body::Plain(ctx.fonts_mut(|f| f.layout_job(job)))
    }
}
