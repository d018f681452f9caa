//! Right-to-left and mixed-direction text (UAX #9, the Unicode Bidirectional Algorithm),
//! without egui: the reader and the lists use it to show Arabic, Persian and Hebrew in the
//! order their readers expect while offsets stay logical (code points, as stored).
//!
//! The algorithm itself comes from the `unicode-bidi` crate; this module adds what an
//! annotation tool needs on top: per-line visual order with code-point indices
//! ([`line`]), geometry and hit-testing from measured advances ([`hit`]), the base
//! direction from an article's language ([`direction`]) and a visual order of shaping
//! segments for single-line labels ([`display`]).

pub mod direction;
pub mod display;
pub mod hit;
pub mod line;
pub mod paragraph;

pub use direction::{Direction, direction_of_language};
pub use display::{Segment, display_line, visual_segments};
pub use hit::{LineGeometry, XSpan};
pub use line::{VisualLine, VisualRun};
pub use paragraph::ParagraphBidi;

/// True when the text has a character that can be drawn right to left (Hebrew, Arabic,
/// Syriac, Thaana, N'Ko … or an explicit RTL control): the fast path for everything else.
pub fn has_rtl(text: &str) -> bool {
    use unicode_bidi::BidiClass::{AL, R, RLE, RLI, RLO};
    text.chars()
        .any(|c| c >= '\u{0590}' && matches!(unicode_bidi::bidi_class(c), R | AL | RLE | RLO | RLI))
}
