//! Measures of the event itself: an earthquake's magnitude ("magnitude 6.4",
//! "6.5-magnitude"), a storm's category ("Category 4") and wind speed ("winds of 180 km/h",
//! "gusts of 110mph"), rain ("250 mm of rain") and a surge's height ("a 3-metre surge").
//! Values are read in one unit (km/h, mm, metres), so "110 mph" meets "177 km/h". An
//! aftershock's magnitude is not the quake's. Each measure word looks at a few tokens on
//! either side: linear in the sentence.

use super::numbers::{self, Qualifier};
use crate::assist::text::Token;

/// A measure read from a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    /// What is measured: "magnitude", "category", "wind", "gust", "rain", "surge".
    pub what: &'static str,
    /// In the measure's unit: km/h for winds, mm for rain, metres for a surge.
    pub value: f64,
    pub qualifier: Qualifier,
    /// The tokens of the figure (and its unit).
    pub first: usize,
    pub next: usize,
}

/// A number and the unit glued to it: "180" → (180, ""), "110mph" → (110, "mph"),
/// "3-metre" → (3, "metre"), "6.5-magnitude" → (6.5, "magnitude").
fn figure(text: &str) -> Option<(f64, &str)> {
    let end = text
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map_or(text.len(), |(i, _)| i);
    let (digits, rest) = text.split_at(end);
    let digits = digits.trim_end_matches(['.', ',']);
    if digits.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let value: f64 = digits.replace(',', "").parse().ok()?;
    Some((value, rest.trim_start_matches('-')))
}

/// A speed unit's factor to km/h, from the tokens at `k` ("km" "/" "h", "mph", "knots"):
/// the factor and the tokens it takes.
fn speed_unit(lowers: &[&str], k: usize) -> Option<(f64, usize)> {
    let at = |j: usize| lowers.get(j).copied().unwrap_or("");
    match at(k) {
        "km/h" | "kph" | "kmh" | "kmph" => Some((1.0, 1)),
        "mph" => Some((1.609_344, 1)),
        "knots" | "kt" | "kts" => Some((1.852, 1)),
        "km" if at(k + 1) == "/" && at(k + 2) == "h" => Some((1.0, 3)),
        // "kilometres per hour", "230 kilometres an hour".
        "kilometres" | "kilometers" | "km"
            if matches!(at(k + 1), "per" | "an" | "a") && at(k + 2) == "hour" =>
        {
            Some((1.0, 3))
        }
        "miles" if matches!(at(k + 1), "per" | "an" | "a") && at(k + 2) == "hour" => {
            Some((1.609_344, 3))
        }
        _ => None,
    }
}

/// A length unit's factor to metres ("metre", "m", "feet", "ft"), or to millimetres for
/// rain (`rain`).
fn length_unit(unit: &str, rain: bool) -> Option<f64> {
    let metres = match unit {
        "m" | "metre" | "metres" | "meter" | "meters" => 1.0,
        "cm" | "centimetres" | "centimeters" | "centimetre" => 0.01,
        "mm" | "millimetres" | "millimeters" | "millimetre" => 0.001,
        "ft" | "foot" | "feet" => 0.3048,
        "in" | "inch" | "inches" => 0.0254,
        _ => return None,
    };
    Some(if rain { metres * 1000.0 } else { metres })
}

/// A long distance's factor to kilometres ("kilometre", "km", "miles").
fn distance_unit(unit: &str) -> Option<f64> {
    match unit {
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => Some(1.0),
        "mile" | "miles" => Some(1.609_344),
        "m" | "metre" | "metres" | "meter" | "meters" => Some(0.001),
        "ft" | "foot" | "feet" => Some(0.000_304_8),
        _ => None,
    }
}

/// How far before its figure a plume word may stand ("a column of ash some 18
/// kilometres into the sky"), within the clause.
const PLUME_REACH: usize = 6;

/// What a distance measures: the height of an eruption column or smoke plume ("the
/// eruption column rose 21 kilometres", "threw a column of ash 18 kilometres into the
/// sky"), or the radius of an exclusion zone ("a 12-kilometre exclusion zone", "an
/// exclusion zone of 15 km").
fn distance_kind(lowers: &[&str], i: usize, next: usize) -> Option<&'static str> {
    let at = |k: usize| lowers.get(k).copied().unwrap_or("");
    let zone_after = (next..next + 3).any(|k| matches!(at(k), "zone" | "radius" | "cordon"));
    let zone_before = i >= 2 && at(i - 1) == "of" && matches!(at(i - 2), "zone" | "radius");
    if zone_after || zone_before {
        return Some("radius");
    }
    let plume_before = (i.saturating_sub(PLUME_REACH)..i)
        .rev()
        .take_while(|&k| !matches!(lowers[k], "," | "." | ";" | ":"))
        .any(|k| matches!(lowers[k], "column" | "plume" | "cloud"));
    let skyward = (at(next) == "into" || at(next) == "in")
        && at(next + 1) == "the"
        && matches!(at(next + 2), "sky" | "air" | "atmosphere" | "stratosphere");
    (plume_before || (skyward && lowers[..i].contains(&"ash"))).then_some("height")
}

/// "an hour", "per hour", "a second" within a few words from `k` ("of water an hour"):
/// the factor to a rate per hour.
fn per_time(lowers: &[&str], k: usize) -> Option<f64> {
    let end = (k + 4).min(lowers.len());
    (k..end).find_map(|j| {
        let per = matches!(lowers[j], "an" | "a" | "per" | "each" | "every");
        match lowers.get(j + 1) {
            Some(&"hour") if per => Some(1.0),
            Some(&"minute") if per => Some(60.0),
            Some(&"second") if per => Some(3600.0),
            _ => None,
        }
    })
}

/// How far before a speed its wind word may stand, within the clause.
const WIND_REACH: usize = 8;

/// Words within which an aftershock's figure is its own.
const AFTERSHOCK_REACH: usize = 12;

fn near(lowers: &[&str], from: usize, to: usize, words: &[&str]) -> bool {
    lowers[from.min(lowers.len())..to.min(lowers.len())]
        .iter()
        .any(|w| words.iter().any(|x| w.starts_with(x)))
}

/// Every measure in one sentence's tokens.
pub fn measures(toks: &[Token], lowers: &[&str]) -> Vec<Measure> {
    let mut out = Vec::new();
    let storm = near(
        lowers,
        0,
        lowers.len(),
        &["storm", "hurricane", "cyclone", "typhoon"],
    );
    // Whether the sentence ties a match minute to the event (read once, when needed).
    let mut tied: Option<bool> = None;
    for (i, w) in lowers.iter().enumerate() {
        let push = |out: &mut Vec<Measure>, what, value, first: usize, next| {
            let (qualifier, q_len) = numbers::qualifier_before(lowers, first);
            out.push(Measure {
                what,
                value,
                qualifier,
                first: first - q_len,
                next,
            });
        };
        // Magnitudes: "magnitude 6.4", "magnitude-6.4", "6.5-magnitude", "a 6.5 magnitude".
        let quake_figure = |v: f64| (1.0..10.0).contains(&v);
        let aftershock = |at: usize| {
            near(
                lowers,
                at.saturating_sub(AFTERSHOCK_REACH),
                at + 4,
                &["aftershock", "foreshock"],
            )
        };
        if let Some(rest) = w.strip_prefix("magnitude") {
            let found = match rest.strip_prefix('-').and_then(figure) {
                Some((v, "")) => Some((v, i, i + 1)),
                _ if rest.is_empty() => {
                    let k = if lowers.get(i + 1) == Some(&"of") {
                        i + 2
                    } else {
                        i + 1
                    };
                    toks.get(k)
                        .and_then(|t| figure(&t.text))
                        .filter(|(_, u)| u.is_empty())
                        .map(|(v, _)| (v, k, k + 1))
                }
                _ => None,
            };
            if let Some((v, first, next)) = found.filter(|f| quake_figure(f.0))
                && !aftershock(i)
            {
                push(&mut out, "magnitude", v, first, next);
            }
            continue;
        }
        // "the surge reached four metres": a number in one word too.
        let spelled = || {
            numbers::number_at(toks, lowers, i)
                .filter(|n| !n.vague && n.next == i + 1 && toks[i].is_word)
                .map(|n| (n.value, ""))
        };
        if let Some((v, unit)) = figure(&toks[i].text).or_else(spelled) {
            // "6.5-magnitude", "a 6.5 magnitude quake".
            let magnitude_after =
                unit == "magnitude" || (unit.is_empty() && lowers.get(i + 1) == Some(&"magnitude"));
            if magnitude_after && quake_figure(v) && !aftershock(i) {
                push(&mut out, "magnitude", v, i, i + 1);
                continue;
            }
            // "in the 81st minute", "was in its 78th minute when …": when a match
            // incident struck, in a sentence that ties it to the event.
            if matches!(unit, "st" | "nd" | "rd" | "th")
                && lowers.get(i + 1) == Some(&"minute")
                && (1.0..=130.0).contains(&v)
                && *tied.get_or_insert_with(|| {
                    lowers.contains(&"when") || !super::dates::events_in(lowers).is_empty()
                })
            {
                push(&mut out, "minute", v, i, i + 2);
                continue;
            }
            // Winds: a speed with "winds" or "gusts" just before or after.
            let speed = if unit.is_empty() {
                speed_unit(lowers, i + 1)
            } else {
                speed_unit(&[unit], 0).map(|(f, _)| (f, 0))
            };
            if let Some((factor, used)) = speed {
                // The nearest wind word: before the figure ("winds of 180 km/h"), else
                // right after it ("180 km/h winds").
                let kind = |w: &str| {
                    if w.starts_with("gust") {
                        Some("gust")
                    } else if w.starts_with("wind") {
                        Some("wind")
                    } else {
                        None
                    }
                };
                let after = i + 1 + used;
                // "the sustained winds when Odalys crossed the coast reached 205 km/h":
                // within the clause.
                let what = (i.saturating_sub(WIND_REACH)..i)
                    .rev()
                    .take_while(|&k| !matches!(lowers[k], "," | "." | ";" | ":"))
                    .find_map(|k| kind(lowers[k]))
                    .or_else(|| {
                        (after..(after + 2).min(lowers.len())).find_map(|k| kind(lowers[k]))
                    });
                if let Some(what) = what {
                    push(&mut out, what, v * factor, i, i + 1 + used);
                }
                continue;
            }
            // Rain and surges: a length with "rain" or "surge" near.
            // "900 cubic metres of water an hour": what the pumps move, per hour.
            if unit.is_empty()
                && lowers.get(i + 1) == Some(&"cubic")
                && lowers
                    .get(i + 2)
                    .is_some_and(|u| u.starts_with("met") || *u == "m")
                && let Some(per) = per_time(lowers, i + 3)
            {
                push(&mut out, "flow", v * per, i, i + 3);
                continue;
            }
            let (unit, used) = if unit.is_empty() {
                (lowers.get(i + 1).copied().unwrap_or(""), 1)
            } else {
                (unit, 0)
            };
            // "410 metres below the village", "at a depth of 380 metres": how deep (not
            // "two metres deep", which floods say of every street).
            let after_unit = lowers.get(i + 1 + used).copied().unwrap_or("");
            let depth_before = i >= 2 && lowers[i - 2] == "depth" && lowers[i - 1] == "of";
            if (matches!(after_unit, "below" | "underground" | "down") || depth_before)
                && let Some(f) = length_unit(unit, false)
            {
                push(&mut out, "depth", v * f, i, i + 1 + used);
                continue;
            }
            // Heights of a plume and radii of a zone, in kilometres.
            if let Some(f) = distance_unit(unit)
                && let Some(what) = distance_kind(lowers, i, i + 1 + used)
            {
                push(&mut out, what, v * f, i, i + 1 + used);
                continue;
            }
            // "a storm surge of up to 4.5 metres": the nearest of rain or surge.
            let nearest = |words: &[&str]| {
                let lo = i.saturating_sub(5);
                let hi = (i + 1 + used + 3).min(lowers.len());
                (lo..hi)
                    .filter(|&k| words.iter().any(|x| lowers[k].starts_with(x)))
                    .map(|k| k.abs_diff(i))
                    .min()
            };
            let (rain, surge) = (nearest(&["rain"]), nearest(&["surge", "wave"]));
            let rain_first = match (rain, surge) {
                (Some(r), Some(s)) => r <= s,
                (r, _) => r.is_some(),
            };
            if rain_first && let Some(f) = length_unit(unit, true) {
                push(&mut out, "rain", v * f, i, i + 1 + used);
            } else if surge.is_some()
                && let Some(f) = length_unit(unit, false)
            {
                push(&mut out, "surge", v * f, i, i + 1 + used);
            }
            continue;
        }
        // "Category 4", in a sentence about a storm.
        if *w == "category"
            && storm
            && let Some((v, "")) = toks.get(i + 1).and_then(|t| figure(&t.text))
            && (1.0..=5.0).contains(&v)
        {
            push(&mut out, "category", v, i + 1, i + 2);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assist::text::Doc;

    fn read(s: &str) -> Vec<(&'static str, f64)> {
        let doc = Doc::new(s);
        let lowers: Vec<&str> = doc.tokens.iter().map(Token::lower).collect();
        measures(&doc.tokens, &lowers)
            .into_iter()
            .map(|m| (m.what, (m.value * 10.0).round() / 10.0))
            .collect()
    }

    #[test]
    fn an_events_measures_in_every_wording() {
        // Our own sentences.
        assert_eq!(
            read("A magnitude 6.4 earthquake struck."),
            [("magnitude", 6.4)]
        );
        assert_eq!(
            read("The magnitude-6.1 quake hit at dawn."),
            [("magnitude", 6.1)]
        );
        assert_eq!(
            read("A 5.9-magnitude tremor shook Lima."),
            [("magnitude", 5.9)]
        );
        assert_eq!(
            read("The Category 4 storm brought winds of 180 km/h and gusts of 110mph."),
            [("category", 4.0), ("wind", 180.0), ("gust", 177.0)]
        );
        assert_eq!(
            read("Some 250 mm of rain fell ahead of a 3-metre storm surge."),
            [("rain", 250.0), ("surge", 3.0)]
        );
        // Our own: how deep, and what pumps move an hour.
        assert_eq!(
            read("The men were trapped 350 metres below the valley."),
            [("depth", 350.0)]
        );
        assert_eq!(
            read("Pumps are removing 700 cubic metres of water an hour."),
            [("flow", 700.0)]
        );
        // Our own: a wind word further back in its clause, speeds "an hour", a height in
        // words, a match's minute tied to the event.
        assert_eq!(
            read("The winds when the storm crossed the coast reached 190 km/h."),
            [("wind", 190.0)]
        );
        assert_eq!(
            read("Sustained winds were 160 kilometres an hour."),
            [("wind", 160.0)]
        );
        assert_eq!(
            read("The gauge showed the surge reached three metres."),
            [("surge", 3.0)]
        );
        assert_eq!(
            read("The barrier gave way in the 67th minute of the match."),
            [("minute", 67.0)]
        );
        assert!(read("Ortiz scored in the 12th minute.").is_empty());
        // Our own: a plume's height and a zone's radius, in kilometres.
        assert_eq!(
            read("The blast drove a column of ash some 15 kilometres into the sky."),
            [("height", 15.0)]
        );
        assert_eq!(read("The plume rose 9 miles."), [("height", 14.5)]);
        assert_eq!(
            read("Everyone within a 10-kilometre exclusion zone must leave."),
            [("radius", 10.0)]
        );
        assert_eq!(
            read("Police set an exclusion zone of 3 km around the plant."),
            [("radius", 3.0)]
        );
        assert!(read("The camp lies 20 kilometres south of the crater.").is_empty());
        // An aftershock's magnitude, a category without a storm, a bare speed: none.
        assert!(read("An aftershock of magnitude 5.1 followed at noon.").is_empty());
        assert!(read("A magnitude 4.8 aftershock rattled the town.").is_empty());
        assert!(
            read(
                "At least nine aftershocks followed in the first four hours, the strongest of \
             magnitude 4.2."
            )
            .is_empty()
        );
        assert!(read("The school is a category 3 building.").is_empty());
        assert!(read("Cars were limited to 30 km/h.").is_empty());
    }
}
