//! What the window last drew, for tests that check what a user would see (outlines,
//! underlines, where a character is) rather than only the state behind it.

use super::App;
use crate::model::AnnotationId;

impl App {
    /// Screen rectangle of a code point of the current article, as last drawn.
    pub fn char_rect(&self, c: usize) -> Option<egui::Rect> {
        self.reader.char_rect(c)
    }
    /// Screen rectangles of the selection outline (annotation or suggestion), as last
    /// drawn.
    pub fn outline_drawn(&self) -> &[egui::Rect] {
        &self.reader.outline_drawn
    }
    /// In review, where the other version's dashed outline was last drawn.
    pub fn other_outline_drawn(&self) -> &[egui::Rect] {
        &self.reader.other_outline_drawn
    }
    /// Underlines stacked where annotations cover the same text, as last drawn: where,
    /// and whose.
    pub fn underlines_drawn(&self) -> &[(egui::Rect, AnnotationId)] {
        &self.reader.underlines_drawn
    }
    /// How many times the reader laid out its text (for tests of the layout cache).
    pub fn reader_layouts(&self) -> u64 {
        self.reader.layouts_built
    }
    /// How many paragraphs the reader has laid out in total.
    pub fn reader_paragraphs_laid_out(&self) -> u64 {
        self.reader.paragraphs_laid_out
    }
}
