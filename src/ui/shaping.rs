//! Widths of the letters of a right-to-left run, from the shaper egui itself uses
//! (harfrust, a HarfBuzz port) on the same bundled fonts.
//!
//! egui 0.37 shapes Arabic correctly but its glyph list for a right-to-left run no longer
//! maps glyph `i` to character `i`, so it cannot tell where each letter is. This module
//! shapes the run again and splits each glyph cluster's advance between its letters.

use egui::FontFamily;
use harfrust::{FontRef, ShapeOptions, ShaperData, UnicodeBuffer};
use skrifa::MetadataProvider;
use std::sync::OnceLock;

/// A bundled right-to-left font, ready to shape with.
pub(super) struct RtlFace {
    /// A family holding only this face, for laying the run out in egui.
    pub family: FontFamily,
    font: FontRef<'static>,
    data: ShaperData,
}

/// The right-to-left faces, Arabic first (it also has the common punctuation).
pub(super) fn rtl_faces() -> &'static [RtlFace] {
    static FACES: OnceLock<Vec<RtlFace>> = OnceLock::new();
    FACES.get_or_init(|| {
        [
            (super::fonts::arabic_only(), super::fonts::ARABIC),
            (super::fonts::hebrew_only(), super::fonts::HEBREW),
        ]
        .into_iter()
        // A bundled font that does not parse leaves its script to egui's own layout.
        .filter_map(|(family, bytes)| {
            let font = FontRef::new(bytes).ok()?;
            let data = ShaperData::new(&font);
            Some(RtlFace { family, font, data })
        })
        .collect()
    })
}

/// Index in [`rtl_faces`] of the first face that has a glyph for `c`.
pub(super) fn face_for(c: char) -> Option<usize> {
    rtl_faces().iter().position(|f| f.covers(c))
}

impl RtlFace {
    pub fn covers(&self, c: char) -> bool {
        self.font.charmap().map(c).is_some()
    }

    /// Advance of each code point of `text` at `size` points, in storage order. A glyph
    /// cluster's advance is split between its letters (a lam-alef ligature is two letters);
    /// combining marks and joiners get none.
    pub fn advances(&self, text: &str, size: f32) -> Vec<f32> {
        let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        let chars: Vec<char> = text.chars().collect();
        let n = chars.len();
        if n == 0 {
            return Vec::new();
        }
        let shaper = self.data.shaper(&self.font).build();
        let scale = size / shaper.units_per_em().max(1) as f32;
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = shaper.shape(buffer, ShapeOptions::new());
        let mut cluster_advance = vec![0.0f32; n];
        let mut cluster_start = vec![false; n];
        cluster_start[0] = true;
        for (info, pos) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
            let i = match starts.binary_search(&(info.cluster as usize)) {
                Ok(i) => i,
                Err(i) => i.saturating_sub(1),
            };
            cluster_advance[i] += pos.x_advance as f32 * scale;
            cluster_start[i] = true;
        }
        let zero_width = |c: char| {
            matches!(
                unicode_bidi::bidi_class(c),
                unicode_bidi::BidiClass::NSM | unicode_bidi::BidiClass::BN
            )
        };
        let mut out = vec![0.0; n];
        let mut i = 0;
        while i < n {
            let mut j = i + 1;
            while j < n && !cluster_start[j] {
                j += 1;
            }
            let takers: Vec<usize> = (i..j).filter(|&k| !zero_width(chars[k])).collect();
            if takers.is_empty() {
                out[i] = cluster_advance[i];
            } else {
                for &k in &takers {
                    out[k] = cluster_advance[i] / takers.len() as f32;
                }
            }
            i = j;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_of_an_arabic_word_get_their_widths() {
        let arabic = &rtl_faces()[0];
        assert!(arabic.covers('س') && arabic.covers(' ') && !arabic.covers('中'));
        // سلام: س, then the lam-alef ligature shared by ل and ا, then م.
        let adv = arabic.advances("سلام", 17.0);
        assert_eq!(adv.len(), 4);
        assert!(adv.iter().all(|&a| a > 0.0), "{adv:?}");
        assert!((adv[1] - adv[2]).abs() < 1e-3, "ligature split: {adv:?}");
        // A vowel mark has no width of its own; ZWNJ neither.
        let adv = arabic.advances("بِ", 17.0);
        assert!(adv[0] > 0.0 && adv[1] == 0.0, "{adv:?}");
        let adv = arabic.advances("می\u{200c}خواهم", 17.0);
        assert_eq!(adv[2], 0.0);
        assert_eq!(face_for('ש'), Some(1));
        assert_eq!(face_for('中'), None);
    }
}
