//! Design tokens: colours per annotation kind (light and dark), reading metrics.

use crate::model::KindName;
use egui::Color32;

/// Widest text column, in points: about 75 characters of the reading font.
pub const READING_WIDTH: f32 = 720.0;
/// Reading font size and line height, in points.
pub const READING_SIZE: f32 = 17.0;
pub const READING_LINE: f32 = 27.0;

/// The accent colour of a kind: used for badges, underlines and outlines.
pub fn kind_color(kind: KindName, dark: bool) -> Color32 {
    match (kind, dark) {
        (KindName::Quote, false) => Color32::from_rgb(0x1f, 0x6f, 0xd1),
        (KindName::Quote, true) => Color32::from_rgb(0x6c, 0xb0, 0xff),
        (KindName::Claim, false) => Color32::from_rgb(0xc2, 0x5e, 0x00),
        (KindName::Claim, true) => Color32::from_rgb(0xff, 0xa6, 0x4d),
        (KindName::Sentiment, false) => Color32::from_rgb(0x1a, 0x8a, 0x4a),
        (KindName::Sentiment, true) => Color32::from_rgb(0x5f, 0xd3, 0x8d),
        (KindName::Tag, false) => Color32::from_rgb(0x80, 0x40, 0xbf),
        (KindName::Tag, true) => Color32::from_rgb(0xc3, 0x8c, 0xff),
    }
}

/// Background of highlighted text: the accent, translucent enough to read through.
pub fn kind_background(kind: KindName, dark: bool) -> Color32 {
    let c = kind_color(kind, dark);
    let alpha = if dark { 70 } else { 48 };
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha)
}

/// The text selection (pending span) colour.
pub fn selection(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgba_unmultiplied(0x90, 0xc0, 0xff, 90)
    } else {
        Color32::from_rgba_unmultiplied(0x30, 0x80, 0xff, 70)
    }
}

/// One-letter badge shown in lists.
pub fn kind_letter(kind: KindName) -> &'static str {
    match kind {
        KindName::Quote => "Q",
        KindName::Claim => "C",
        KindName::Sentiment => "S",
        KindName::Tag => "T",
    }
}
