//! Design tokens: colours per annotation kind (light and dark), reading metrics.

use crate::app::MarkStyle;
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

/// The text selection (pending span) colour: a marker yellow, unlike any kind's colour
/// (quotes are blue), in both themes.
pub fn selection(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgba_unmultiplied(0xff, 0xd8, 0x30, 80)
    } else {
        Color32::from_rgba_unmultiplied(0xff, 0xd0, 0x00, 110)
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

/// Colours that tell layers apart (other annotators' marks get an underline in one of
/// these, by [`crate::app::layer_color_slot`]): teal, magenta, mustard, slate, brown and
/// khaki — none of them near a kind's blue, orange, green or purple, nor the review red.
const LAYER_COLORS: [Color32; crate::app::LAYER_COLORS] = [
    Color32::from_rgb(0x00, 0x8c, 0x8c),
    Color32::from_rgb(0xc8, 0x2a, 0x8a),
    Color32::from_rgb(0x9a, 0x7b, 0x00),
    Color32::from_rgb(0x4f, 0x5b, 0x66),
    Color32::from_rgb(0x6d, 0x4c, 0x41),
    Color32::from_rgb(0x7d, 0x7d, 0x3a),
];

/// The colour of another annotator's layer.
pub fn layer_color(layer: usize, dark: bool) -> Color32 {
    let c = LAYER_COLORS[layer % LAYER_COLORS.len()];
    if dark { c.gamma_multiply(1.4) } else { c }
}

/// Fill of a marked span: your own marks in the kind's colour, other layers' fainter,
/// suggestions only a hint.
pub fn mark_background(kind: KindName, style: MarkStyle, dark: bool) -> Color32 {
    let c = kind_color(kind, dark);
    let alpha = match (style, dark) {
        (MarkStyle::Mine | MarkStyle::Adjudicated, false) => 48,
        (MarkStyle::Mine | MarkStyle::Adjudicated, true) => 70,
        (MarkStyle::OtherLayer { .. }, false) => 26,
        (MarkStyle::OtherLayer { .. }, true) => 40,
        (MarkStyle::Suggestion, _) => 14,
        (MarkStyle::Disagreement, false) => 60,
        (MarkStyle::Disagreement, true) => 80,
    };
    let c = if style == MarkStyle::Disagreement {
        Color32::from_rgb(0xe0, 0x30, 0x30)
    } else {
        c
    };
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha)
}

/// Underline of a marked span: the kind's colour for your own, the layer's colour for
/// another annotator's.
pub fn mark_edge(kind: KindName, style: MarkStyle, dark: bool) -> Color32 {
    match style {
        MarkStyle::OtherLayer { layer } => layer_color(layer, dark),
        MarkStyle::Suggestion => kind_color(kind, dark).gamma_multiply(0.6),
        MarkStyle::Disagreement => Color32::from_rgb(0xe0, 0x30, 0x30),
        MarkStyle::Mine | MarkStyle::Adjudicated => kind_color(kind, dark),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance(a: Color32, b: Color32) -> i32 {
        let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).abs();
        d(a.r(), b.r()) + d(a.g(), b.g()) + d(a.b(), b.b())
    }

    #[test]
    fn layer_colours_are_unlike_kind_colours_and_each_other() {
        let kinds = [
            KindName::Quote,
            KindName::Claim,
            KindName::Sentiment,
            KindName::Tag,
        ];
        for dark in [false, true] {
            for slot in 0..crate::app::LAYER_COLORS {
                let c = layer_color(slot, dark);
                for k in kinds {
                    let d = distance(c, kind_color(k, dark));
                    assert!(d >= 60, "slot {slot} vs {k:?} (dark {dark}): {d}");
                }
                for other in 0..slot {
                    assert!(distance(c, layer_color(other, dark)) >= 60);
                }
            }
        }
    }
}
