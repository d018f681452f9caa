//! A paragraph's base direction.

/// Writing direction of a paragraph or a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

impl Direction {
    pub fn is_rtl(self) -> bool {
        self == Direction::RightToLeft
    }
}

/// The direction of a language written in its usual script, from a BCP 47 tag such as
/// `ar`, `fa-IR` or `he`; `None` for left-to-right languages and unknown tags, so the
/// paragraph's first strong character decides instead.
pub fn direction_of_language(tag: &str) -> Option<Direction> {
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    // Languages whose usual script is Arabic, Hebrew, Syriac or Thaana.
    const RTL: [&str; 14] = [
        "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ku", "ps", "sd", "ug", "ur", "yi", "syr",
    ];
    // An explicit Latin or Cyrillic script subtag (ku-Latn) means left to right.
    let latin = tag
        .split(['-', '_'])
        .skip(1)
        .any(|s| s.eq_ignore_ascii_case("latn") || s.eq_ignore_ascii_case("cyrl"));
    (RTL.contains(&primary.as_str()) && !latin).then_some(Direction::RightToLeft)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages() {
        for rtl in ["ar", "fa", "fa-IR", "he", "ur", "AR", "ckb"] {
            assert_eq!(
                direction_of_language(rtl),
                Some(Direction::RightToLeft),
                "{rtl}"
            );
        }
        for ltr in ["en", "en-US", "fr", "", "ku-Latn", "arz-Latn", "x"] {
            assert_eq!(direction_of_language(ltr), None, "{ltr}");
        }
    }
}
