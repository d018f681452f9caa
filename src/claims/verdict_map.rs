//! A published check's rating on the project's verdict scale, so that linking a check can
//! propose the verdict it gave.
//!
//! The rule, first that applies:
//! 1. the rating's label is one of the scale's labels (case and spacing aside): that level;
//! 2. the rating has a numeric scale (`ratingValue` between `worstRating` and
//!    `bestRating`, the two apart): its position t = (value − worst) / (best − worst),
//!    clamped to [0, 1], goes to the rated level whose value is nearest
//!    `lowest + t · (highest − lowest)` of the scale's rated values (a tie goes to the
//!    level listed first, the truer one on a scale ordered from true to false);
//! 3. the label holds a phrase of `words/rating_words.txt` (the longest found wins, so
//!    "Mostly false" is not read as "false"): its position goes to the nearest rated level
//!    as in 2, or, for a phrase marked `unrated` ("Unproven"), to the scale's first
//!    unrated level;
//! 4. otherwise nothing is proposed.

use crate::model::{LabelSchema, Rating};
use std::sync::OnceLock;

/// Where a rating phrase sits on a true–false scale.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Position {
    /// 0 is false, 1 is true.
    At(f64),
    Unrated,
}

struct RatingPhrase {
    /// Lower case, words separated by one space.
    words: String,
    position: Position,
}

const RATING_WORDS: &str = include_str!("words/rating_words.txt");

/// The phrases, longest first.
fn phrases() -> &'static [RatingPhrase] {
    static PHRASES: OnceLock<Vec<RatingPhrase>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut out: Vec<RatingPhrase> = RATING_WORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let (position, words) = l.split_once(' ')?;
                let position = match position {
                    "unrated" => Position::Unrated,
                    n => Position::At(n.parse().ok()?),
                };
                Some(RatingPhrase {
                    words: normalise(words),
                    position,
                })
            })
            .collect();
        out.sort_by_key(|p| std::cmp::Reverse(p.words.chars().count()));
        out
    })
}

/// Lower case, every run of non-alphanumerics one space, trimmed.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The verdict label of `schema` that `rating` proposes (see the module's rule), or `None`
/// when the rating says nothing the scale can hold.
pub fn proposed_verdict(schema: &LabelSchema, rating: &Rating) -> Option<String> {
    let label = normalise(&rating.label);
    if !label.is_empty()
        && let Some(level) = schema
            .verdicts
            .iter()
            .find(|v| normalise(&v.label) == label)
    {
        return Some(level.label.clone());
    }
    if let Some(t) = numeric_position(rating) {
        return nearest_rated(schema, t);
    }
    // Bounded: labels are short, but a hostile one is cut rather than scanned whole.
    let label: String = label.chars().take(200).collect();
    let padded = format!(" {label} ");
    let found = phrases()
        .iter()
        .find(|p| padded.contains(&format!(" {} ", p.words)))?;
    match found.position {
        Position::At(t) => nearest_rated(schema, t),
        Position::Unrated => schema
            .verdicts
            .iter()
            .find(|v| !v.is_rated())
            .map(|v| v.label.clone()),
    }
}

/// The rating's place in [0, 1] on its own numeric scale, if it has a usable one.
fn numeric_position(rating: &Rating) -> Option<f64> {
    let (value, best, worst) = (rating.value?, rating.best?, rating.worst?);
    if !(value.is_finite() && best.is_finite() && worst.is_finite()) || best == worst {
        return None;
    }
    Some(((value - worst) / (best - worst)).clamp(0.0, 1.0))
}

/// The rated level nearest position `t` (0 false, 1 true) of the scale's rated values.
fn nearest_rated(schema: &LabelSchema, t: f64) -> Option<String> {
    let (best, worst) = schema.rating_range()?;
    let target = f64::from(worst) + t * f64::from(best - worst);
    let mut nearest: Option<(&crate::model::VerdictLevel, f64)> = None;
    for level in schema.verdicts.iter().filter(|v| v.is_rated()) {
        let d = (f64::from(level.value) - target).abs();
        if nearest.is_none_or(|(_, best_d)| d < best_d - 1e-9) {
            nearest = Some((level, d));
        }
    }
    nearest.map(|(level, _)| level.label.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::VerdictLevel;

    fn rating(label: &str, scale: Option<(f64, f64, f64)>) -> Rating {
        Rating {
            label: label.to_owned(),
            value: scale.map(|s| s.0),
            best: scale.map(|s| s.1),
            worst: scale.map(|s| s.2),
        }
    }

    fn propose(label: &str, scale: Option<(f64, f64, f64)>) -> Option<String> {
        proposed_verdict(&LabelSchema::default(), &rating(label, scale))
    }

    #[test]
    fn a_label_of_the_scale_is_taken_as_it_is() {
        assert_eq!(
            propose("mostly  TRUE", None).as_deref(),
            Some("Mostly true")
        );
        assert_eq!(
            propose("Unverifiable", None).as_deref(),
            Some("Unverifiable")
        );
        // The label wins over a numeric scale that would say otherwise.
        assert_eq!(
            propose("Half true", Some((1.0, 5.0, 1.0))).as_deref(),
            Some("Half true")
        );
    }

    #[test]
    fn a_numeric_rating_goes_to_the_nearest_level() {
        assert_eq!(propose("", Some((1.0, 5.0, 1.0))).as_deref(), Some("False"));
        assert_eq!(propose("", Some((5.0, 5.0, 1.0))).as_deref(), Some("True"));
        assert_eq!(
            propose("x", Some((2.0, 3.0, 1.0))).as_deref(),
            Some("Half true")
        );
        // 0–10 scale, 7.5 is 0.75 of the way: 1 + 0.75·4 = 4.
        assert_eq!(
            propose("Our verdict", Some((7.5, 10.0, 0.0))).as_deref(),
            Some("Mostly true")
        );
        // A reversed scale (1 best, 5 worst) reads the other way round.
        assert_eq!(propose("", Some((1.0, 1.0, 5.0))).as_deref(), Some("True"));
        // Out of range is clamped; no spread, NaN or a missing bound is no scale.
        assert_eq!(propose("", Some((9.0, 5.0, 1.0))).as_deref(), Some("True"));
        assert_eq!(propose("", Some((3.0, 3.0, 3.0))), None);
        assert_eq!(propose("", Some((f64::NAN, 5.0, 1.0))), None);
        let partial = Rating {
            value: Some(2.0),
            best: Some(5.0),
            ..Rating::default()
        };
        assert_eq!(proposed_verdict(&LabelSchema::default(), &partial), None);
    }

    #[test]
    fn label_words_map_by_the_longest_phrase() {
        assert_eq!(propose("Pants on Fire!", None).as_deref(), Some("False"));
        assert_eq!(
            propose("Mostly false.", None).as_deref(),
            Some("Mostly false")
        );
        assert_eq!(propose("Misleading", None).as_deref(), Some("Mostly false"));
        assert_eq!(propose("This is not true", None).as_deref(), Some("False"));
        assert_eq!(propose("Falso", None).as_deref(), Some("False"));
        assert_eq!(propose("Plutôt vrai", None).as_deref(), Some("Mostly true"));
        assert_eq!(propose("Unproven", None).as_deref(), Some("Unverifiable"));
        // A word inside another word is no match ("falsehood" is not "false").
        assert_eq!(propose("Falsehoods galore", None), None);
        assert_eq!(propose("", None), None);
        assert_eq!(propose(&"ä".repeat(100_000), None), None);
    }

    #[test]
    fn another_scale_gets_its_own_labels() {
        let schema = LabelSchema {
            verdicts: [(2, "Correct"), (1, "Misleading"), (0, "Wrong")]
                .into_iter()
                .map(|(value, label)| VerdictLevel {
                    value,
                    label: label.to_owned(),
                    unrated: false,
                })
                .collect(),
            tags: Vec::new(),
        };
        let p = |label: &str, scale| proposed_verdict(&schema, &rating(label, scale));
        assert_eq!(p("False", None).as_deref(), Some("Wrong"));
        assert_eq!(p("Mostly true", None).as_deref(), Some("Correct"));
        assert_eq!(p("misleading", None).as_deref(), Some("Misleading"));
        assert_eq!(p("", Some((3.0, 5.0, 1.0))).as_deref(), Some("Misleading"));
        // No unrated level: an unrated phrase proposes nothing.
        assert_eq!(p("Unproven", None), None);
        let empty = LabelSchema {
            verdicts: Vec::new(),
            tags: Vec::new(),
        };
        assert_eq!(proposed_verdict(&empty, &rating("False", None)), None);
    }
}
