//! Single-line text (titles, quoted text in lists) in display order, for a renderer that
//! shapes each right-to-left script run itself, as egui ≥ 0.35 does with HarfBuzz.
//!
//! Such a renderer draws a run of Arabic letters correctly but lays runs out left to right
//! in storage order. So the line is cut into segments — a run of right-to-left letters
//! (with their marks and joiners) that is shaped as one piece, or a single other
//! character, or a left-to-right run — and the segments are put in visual order.

use super::paragraph::ParagraphBidi;
use unicode_bidi::BidiClass;

/// A piece of a line, as a byte range of it, to be drawn as one unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    /// Drawn right to left: a shaper reverses it itself.
    pub rtl: bool,
    /// A right-to-left neutral that must be drawn mirrored: `(` shows as `)`.
    pub mirrored: Option<char>,
}

/// The segments of `line` (no `\n`) in visual order, left to right.
pub fn visual_segments(line: &str) -> Vec<Segment> {
    if !super::has_rtl(line) {
        return if line.is_empty() {
            Vec::new()
        } else {
            vec![Segment {
                start: 0,
                end: line.len(),
                rtl: false,
                mirrored: None,
            }]
        };
    }
    let p = ParagraphBidi::new(line, None);
    let v = p.line(0, p.char_len());
    let mut out = Vec::new();
    for run in &v.runs {
        if !run.is_rtl() {
            out.push(Segment {
                start: p.byte(run.start),
                end: p.byte(run.end),
                rtl: false,
                mirrored: None,
            });
            continue;
        }
        // Logical pieces of the run, then reversed.
        let mut pieces: Vec<Segment> = Vec::new();
        for c in run.start..run.end {
            let class = p.class(c);
            let ch = line[p.byte(c)..].chars().next().expect("in range");
            // Arabic punctuation and digits go with the letters: the font that draws the
            // letters draws them, so the shaper sees them in the same run.
            let strong = matches!(class, BidiClass::R | BidiClass::AL) || rtl_script(ch);
            let attached = matches!(class, BidiClass::NSM | BidiClass::BN);
            match pieces.last_mut() {
                Some(last) if last.rtl && (strong || attached) => last.end = p.byte(c + 1),
                Some(last) if attached => last.end = p.byte(c + 1),
                _ => pieces.push(Segment {
                    start: p.byte(c),
                    end: p.byte(c + 1),
                    rtl: strong,
                    mirrored: (!strong).then(|| mirror(ch)).flatten(),
                }),
            }
        }
        out.extend(pieces.into_iter().rev());
    }
    out
}

/// Characters of a script that a shaper lays out right to left (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko, their presentation forms, punctuation and digits): given to a shaper
/// with left-to-right text they come out reversed, so they are always kept in
/// right-to-left pieces or drawn one at a time.
pub fn rtl_script(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// The text with the segments of each line in visual order (each right-to-left segment
/// still in storage order, for the shaper to reverse; mirrored brackets swapped). Lines
/// (`\n`) stay in order, each its own paragraph.
pub fn display_line(text: &str) -> String {
    if !super::has_rtl(text) {
        return text.to_owned();
    }
    let lines: Vec<String> = text.split('\n').map(display_one_line).collect();
    lines.join("\n")
}

fn display_one_line(line: &str) -> String {
    let mut s = String::with_capacity(line.len());
    for seg in visual_segments(line) {
        match seg.mirrored {
            Some(m) => s.push(m),
            None => s.push_str(&line[seg.start..seg.end]),
        }
    }
    s
}

/// The mirror image of a paired punctuation mark drawn right to left (the common pairs of
/// Unicode's BidiMirroring.txt; a shaper mirrors the rest inside right-to-left runs).
pub fn mirror(c: char) -> Option<char> {
    const PAIRS: [(char, char); 8] = [
        ('(', ')'),
        ('[', ']'),
        ('{', '}'),
        ('<', '>'),
        ('«', '»'),
        ('‹', '›'),
        ('⁅', '⁆'),
        ('⁽', '⁾'),
    ];
    PAIRS.iter().find_map(|&(a, b)| {
        if c == a {
            Some(b)
        } else if c == b {
            Some(a)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn left_to_right_text_is_unchanged() {
        assert_eq!(display_line("Khamenei (2020)"), "Khamenei (2020)");
        assert_eq!(display_line(""), "");
    }

    #[test]
    fn words_of_a_persian_title_are_in_visual_order() {
        // Each word stays in storage order (the shaper reverses its letters); the words,
        // the Latin name and the number are placed right to left.
        assert_eq!(display_line("سخنان BBC در 1404"), "1404 در BBC سخنان");
        // A ZWNJ stays inside its word.
        assert_eq!(display_line("می\u{200c}خواهم رفت"), "رفت می\u{200c}خواهم");
    }

    #[test]
    fn brackets_in_right_to_left_text_are_mirrored() {
        assert_eq!(display_line("«سلام»"), "«سلام»");
        assert_eq!(display_line("(سلام)"), "(سلام)");
        let segs = visual_segments("(سلام)");
        assert_eq!(segs.len(), 3);
        assert!(segs[1].rtl);
        assert_eq!(segs[0].mirrored, Some('('));
    }

    #[test]
    fn an_arabic_phrase_inside_english() {
        assert_eq!(
            display_line("He said سلام علیکم today"),
            "He said علیکم سلام today"
        );
    }
}
