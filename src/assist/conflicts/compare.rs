//! Facts compared across articles. Facts are bucketed by what they are about (kind and
//! scope, a person's age, an event's date); inside a bucket each article keeps a few
//! distinct values, and values are compared by sorting them, never pairwise, so the pass
//! is n log n in the facts however hostile the text. Precise values compare with precise
//! ones ("about 4,000" matches 4,100), vague ones ("dozens", "hundreds") with vague ones by
//! order of magnitude; a vague value never contradicts a precise one.

use super::dates::DateCluster;
use super::numbers::{Qualifier, magnitude};
use super::{Fact, FactKey};
use crate::assist::suggestion::{Conflict, FactValue};
use crate::model::{ArticleId, Project};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use unicode_normalization::UnicodeNormalization;

/// Distinct values one article keeps per fact: an article giving fifty thousand death
/// tolls says nothing more than one giving eight.
const MAX_VALUES_PER_ARTICLE: usize = 8;

/// How far apart an approximate value ("about 4,000") may be from another and still agree.
const APPROXIMATE: f64 = 0.1;

/// How far apart a hedged count that is no round figure ("some 93") may be.
const HEDGED: f64 = 0.02;

/// A surname as spelled in any transliteration: diacritics and vowels dropped, doubled
/// letters folded ("Verhoeven" and "Verhoven" both "vrhvn").
fn surname_key(name: &str) -> String {
    let last = name.split_whitespace().last().unwrap_or(name);
    let mut out = String::new();
    for (i, c) in last
        .nfd()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .enumerate()
    {
        let c = match c {
            'c' | 'q' => 'k',
            'x' => 'k',
            'w' => 'v',
            c => c,
        };
        if i > 0 && "aeiouy".contains(c) {
            continue;
        }
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// One fact's values across articles, each article keeping a few distinct ones.
#[derive(Default)]
struct Bucket<'f> {
    entries: Vec<(ArticleId, &'f Fact)>,
    seen: HashSet<(ArticleId, bool, u64)>,
    per_article: HashMap<ArticleId, usize>,
}

impl<'f> Bucket<'f> {
    fn add(&mut self, article: ArticleId, f: &'f Fact) {
        let class = if f.vague {
            magnitude(f.value) as u64
        } else {
            f.value.to_bits()
        };
        let kept = self.per_article.entry(article).or_default();
        if *kept >= MAX_VALUES_PER_ARTICLE || !self.seen.insert((article, f.vague, class)) {
            return;
        }
        *kept += 1;
        self.entries.push((article, f));
    }
}

/// Whether the values disagree across articles: at least two articles and two value
/// classes once close approximate values are merged. `entries` are sorted by value.
fn disagree(key: &FactKey, entries: &[(ArticleId, &Fact)]) -> bool {
    let articles: HashSet<ArticleId> = entries.iter().map(|(a, _)| *a).collect();
    if articles.len() < 2 {
        return false;
    }
    // Crowds are estimated: "tens of thousands" meets "40,000", but two stated figures
    // ("28,400 spectators", "29,000 fans") disagree like any others.
    let estimated = matches!(key, FactKey::Count { what, .. } if what.estimated());
    let by_magnitude =
        entries.iter().all(|(_, f)| f.vague) || (estimated && entries.iter().any(|(_, f)| f.vague));
    if by_magnitude {
        let m: HashSet<i32> = entries.iter().map(|(_, f)| magnitude(f.value)).collect();
        return m.len() >= 2;
    }
    // Sorted values: a new class starts where a value is beyond the reach of the last.
    let mut classes = 0;
    let mut last: Option<&Fact> = None;
    for (_, f) in entries {
        let same = last.is_some_and(|l| {
            let approx = [l, *f]
                .iter()
                .any(|x| x.qualifier == Some(Qualifier::About));
            // "about 4,000" is rounded and reaches a tenth either way; "some 93" is a
            // count with a hedge, and 87 is another count.
            let rounded = [l, *f].iter().any(|x| {
                x.qualifier == Some(Qualifier::About) && (x.value < 10.0 || x.value % 10.0 == 0.0)
            });
            let reach = match (key, approx) {
                // Times of day in minutes: "about 11pm" is half an hour either way,
                // "about 10:40" ten minutes (its minutes say how close it is); stated
                // times five minutes apart ("9:47", "9:42") disagree.
                (FactKey::Time(_), true) if l.value % 30.0 == 0.0 || f.value % 30.0 == 0.0 => 30.0,
                (FactKey::Time(_), true) => 10.0,
                (FactKey::Time(_), false) => 0.0,
                (_, true) if rounded => l.value.abs() * APPROXIMATE,
                (_, true) => l.value.abs() * HEDGED,
                (_, false) => 0.0,
            };
            f.value - l.value <= reach
        });
        if !same {
            classes += 1;
            last = Some(f);
        }
    }
    classes >= 2
}

/// Whether publication times or wording explain the differing values, and how.
fn update_reason(entries: &[(ArticleId, &Fact)]) -> Option<String> {
    let mut dated: Vec<(chrono::NaiveDate, f64)> = entries
        .iter()
        .filter_map(|(_, f)| f.day.map(|d| (d, f.value)))
        .collect();
    dated.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let days: BTreeSet<chrono::NaiveDate> = dated.iter().map(|x| x.0).collect();
    if days.len() >= 2 {
        // Every figure at least as large as every figure of an earlier day.
        let mut earlier_max = f64::NEG_INFINITY;
        let mut day_max = f64::NEG_INFINITY;
        let mut day = dated[0].0;
        for &(d, v) in &dated {
            if d != day {
                earlier_max = earlier_max.max(day_max);
                day = d;
            }
            if v < earlier_max {
                return None;
            }
            day_max = day_max.max(v);
        }
        let (first, last) = (dated[0], dated[dated.len() - 1]);
        return Some(format!(
            "the figure grows with time ({} on {} to {} on {})",
            super::digits_with_separators(first.1),
            first.0,
            super::digits_with_separators(last.1),
            last.0
        ));
    }
    let max = entries
        .iter()
        .map(|(_, f)| f.value)
        .fold(f64::NEG_INFINITY, f64::max);
    entries
        .iter()
        .find(|(_, f)| f.value == max && f.rising)
        .map(|(_, f)| {
            format!(
                "the larger figure is worded as a running count (“{}”)",
                f.text
            )
        })
}

/// For a figure that moves either way (patients in hospital): each day gives one value,
/// and the days differ.
fn change_reason(entries: &[(ArticleId, &Fact)]) -> Option<String> {
    let mut by_day: BTreeMap<chrono::NaiveDate, f64> = BTreeMap::new();
    for (_, f) in entries {
        let day = f.day?;
        if by_day.insert(day, f.value).is_some_and(|v| v != f.value) {
            return None;
        }
    }
    let (first, last) = (by_day.first_key_value()?, by_day.last_key_value()?);
    (by_day.len() >= 2).then(|| {
        format!(
            "the figure changes with time ({} on {} to {} on {})",
            super::digits_with_separators(*first.1),
            first.0,
            super::digits_with_separators(*last.1),
            last.0
        )
    })
}

fn conflict(key: &FactKey, entries: &[(ArticleId, &Fact)]) -> Conflict {
    let why = match key {
        FactKey::Count { what, .. } if what.runs() => update_reason(entries),
        FactKey::Count { what, .. } if what.changes() => change_reason(entries),
        _ => None,
    };
    let possible_update = why.is_some();
    let values = entries
        .iter()
        .map(|(a, f)| FactValue {
            article: *a,
            value: f.value,
            text: f.text.clone(),
            reading: f.reading.clone(),
            vague: f.vague,
            start: f.range.start,
            end: f.range.end,
            sentence_start: f.sentence.start,
            sentence_end: f.sentence.end,
        })
        .collect();
    // Dates are read more loosely than numbers ("on Friday" is resolved from the
    // publication date): ranked a little lower.
    // Orders of magnitude alone ("hundreds" vs "thousands") are often about different
    // groups of people: ranked lowest.
    let vague = entries.iter().all(|(_, f)| f.vague);
    let score = match (key, possible_update) {
        _ if vague => 0.4,
        // Things are counted for many reasons ("nine fire engines" sent, or on the scene).
        (FactKey::Things { .. }, _) => 0.4,
        (_, true) => 0.5,
        (FactKey::Date(_) | FactKey::Time(_) | FactKey::Year(_) | FactKey::Money { .. }, false) => {
            0.6
        }
        _ => 0.8,
    };
    // An age is keyed by a spelling-blind surname; it is shown by the name as written.
    let fact = match (key, entries.first()) {
        (FactKey::Age(_), Some((_, f))) => f.key.describe(),
        _ => key.describe(),
    };
    Conflict {
        fact,
        kind: key.kind().to_owned(),
        scope: match key {
            FactKey::Count { scope, .. }
            | FactKey::Money { scope, .. }
            | FactKey::Things { scope, .. }
            | FactKey::Measure { scope, .. } => scope.clone(),
            _ => String::new(),
        },
        values,
        possible_update,
        why,
        score,
    }
}

/// The named event most articles are about (each article counted once).
fn project_event(facts: &[(ArticleId, &[Fact])]) -> Option<String> {
    let mut articles: HashMap<&str, usize> = HashMap::new();
    for (_, fs) in facts {
        if let Some(e) = fs.iter().find_map(|f| f.event.as_deref()) {
            *articles.entry(e).or_default() += 1;
        }
    }
    articles
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(e, _)| e.to_owned())
}

/// Sums of one kind from the articles that give only one: an article naming two works
/// (a €48m scheme and a €12m station) does not say which one another article's sum is.
fn single_sums(entries: Vec<(ArticleId, &Fact)>) -> Vec<(ArticleId, &Fact)> {
    let mut values: HashMap<ArticleId, f64> = HashMap::new();
    let mut several: HashSet<ArticleId> = HashSet::new();
    for (a, f) in &entries {
        if values.insert(*a, f.value).is_some_and(|v| v != f.value) {
            several.insert(*a);
        }
    }
    entries
        .into_iter()
        .filter(|(a, _)| !several.contains(a))
        .collect()
}

/// Conflicts between articles, from each article's facts.
pub fn find(project: &Project, facts: &[(ArticleId, &[Fact])]) -> Vec<Conflict> {
    // Ages: names differ in form between articles ("Soleimani" vs "Qassem Soleimani",
    // "Verhoeven" vs "Verhoven", "Benzan" vs "Benzam"); key them by person (`ages::person_keys`).
    let mut entity_names: HashMap<String, String> = HashMap::new();
    let age_names: Vec<&str> = {
        let mut v: Vec<&str> = facts
            .iter()
            .flat_map(|(_, fs)| fs.iter())
            .filter_map(|f| match &f.key {
                FactKey::Age(name) => Some(name.as_str()),
                _ => None,
            })
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let people = super::ages::person_keys(&age_names, surname_key);
    // The named event most articles are about; an article about another one counts its
    // main event under that one's name, and a sentence naming the project's main event
    // counts under the main event.
    let project_event = project_event(facts);
    let mut canon = |f: &Fact| -> FactKey {
        match &f.key {
            FactKey::Count { what, scope } => {
                let scope = match (scope.is_empty(), f.event.as_deref()) {
                    (true, Some(e)) if Some(e) != project_event.as_deref() => e.to_owned(),
                    (false, _) if Some(scope.as_str()) == project_event.as_deref() => String::new(),
                    _ => scope.clone(),
                };
                FactKey::Count { what: *what, scope }
            }
            FactKey::Age(name) => {
                let key = entity_names.entry(name.clone()).or_insert_with(|| {
                    people.get(name.as_str()).cloned().unwrap_or_else(|| {
                        crate::assist::entity_for(project, name)
                            .and_then(|id| project.entity(id))
                            .map_or_else(|| surname_key(name), |e| surname_key(&e.name))
                    })
                });
                FactKey::Age(key.clone())
            }
            k => k.clone(),
        }
    };
    let mut buckets: BTreeMap<FactKey, Bucket<'_>> = BTreeMap::new();
    for (article, fs) in facts {
        for f in fs.iter() {
            buckets.entry(canon(f)).or_default().add(*article, f);
        }
    }
    // Dates of an event word only compare when their sentences share a name ("the attack
    // on December 27th" on coalition bases is not the attack that killed Soleimani).
    let mut groups: Vec<(FactKey, Vec<(ArticleId, &Fact)>)> = Vec::new();
    for (key, bucket) in buckets {
        if !matches!(key, FactKey::Date(_)) {
            groups.push((key, bucket.entries));
            continue;
        }
        // A noun joins the date to the cluster that first had it (a map, not a scan).
        let mut clusters: Vec<DateCluster<'_>> = Vec::new();
        let mut cluster_of: HashMap<String, usize> = HashMap::new();
        // Dates of the event their articles are about form the first cluster whatever
        // their sentences name; dates whose sentences name nothing ("the quake that
        // struck this town on 12 October") join it, once the named ones have theirs.
        let (main, other): (Vec<_>, Vec<_>) = bucket
            .entries
            .into_iter()
            .partition(|(_, f)| f.of_main_event);
        let (named, bare): (Vec<_>, Vec<_>) =
            other.into_iter().partition(|(_, f)| !f.names.is_empty());
        let has_main = !main.is_empty();
        for (a, f) in main.into_iter().chain(named).chain(bare) {
            let nouns = f.names.as_ref().clone();
            let at = if f.of_main_event && has_main && !clusters.is_empty() {
                Some(0)
            } else {
                nouns
                    .iter()
                    .find_map(|n| cluster_of.get(n).copied())
                    .or_else(|| (nouns.is_empty() && !clusters.is_empty()).then_some(0))
            };
            let c = at.unwrap_or_else(|| {
                clusters.push(DateCluster {
                    names: BTreeSet::new(),
                    members: Vec::new(),
                });
                clusters.len() - 1
            });
            for n in &nouns {
                cluster_of.entry(n.clone()).or_insert(c);
            }
            clusters[c].names.extend(nouns);
            clusters[c].members.push((a, f));
        }
        groups.extend(clusters.into_iter().map(|c| (key.clone(), c.members)));
    }
    let order: HashMap<ArticleId, usize> = facts
        .iter()
        .enumerate()
        .map(|(i, (a, _))| (*a, i))
        .collect();
    let mut out = Vec::new();
    for (key, mut entries) in groups {
        if matches!(key, FactKey::Money { .. } | FactKey::Things { .. }) {
            entries = single_sums(entries);
        }
        // A date written without a year in an article without a publication date
        // ("on Monday 11 October") compares by its month and day with the others.
        let by_month_day: Vec<(ArticleId, Fact)>;
        let entries: Vec<(ArticleId, &Fact)> =
            if matches!(key, FactKey::Date(_)) && entries.iter().any(|(_, f)| f.yearless) {
                by_month_day = entries
                    .iter()
                    .map(|(a, f)| (*a, super::dates::in_nominal_year(f)))
                    .collect();
                by_month_day.iter().map(|(a, f)| (*a, f)).collect()
            } else {
                entries
            };
        // Precise and vague values apart: "hundreds of" never contradicts "312".
        let (mut precise, vague): (Vec<_>, Vec<_>) =
            entries.into_iter().partition(|(_, f)| !f.vague);
        precise.sort_by(|a, b| a.1.value.total_cmp(&b.1.value));
        for side in [precise, vague] {
            if disagree(&key, &side) {
                // The values in text order of their articles, as found.
                let mut side = side;
                side.sort_by_key(|(a, f)| (order.get(a).copied(), f.range.start));
                out.push(conflict(&key, &side));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::surname_key;

    #[test]
    fn transliterated_surnames_share_a_key() {
        assert_eq!(
            surname_key("Oksana Verhoeven"),
            surname_key("Oxana Verhoven")
        );
        assert_eq!(surname_key("Tomás Reyes"), surname_key("Tomas Reyes"));
        assert_ne!(surname_key("Ann Rowe"), surname_key("Ann Rowan"));
    }
}
