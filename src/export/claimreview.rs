//! schema.org ClaimReview JSON-LD: one review per claim that has a verdict, in the shape
//! fact-check aggregators read (`url`, `claimReviewed`, `reviewRating` with the scale's
//! numbers and the verdict's text as `alternateName`, `itemReviewed` as a `Claim` with its
//! author and where it appeared).
//!
//! Google's fact-check markup requires `url`, the page of the review: it comes from the
//! project's review URL pattern (or `--review-url`), and the export refuses to run without
//! one. An unrated verdict ("Unverifiable") gets only its text, never a number at the
//! scale's end. Reviews come from one layer — the adjudicated one when several are chosen —
//! so a claim never gets two contradictory reviews.
//!
//! A claim group (one claim repeated by several outlets) gets one review: the group's
//! statement and verdict, every member's article in `itemReviewed.appearance`, and the
//! first member's claimant as the claim's author. A member that overrides the group's
//! verdict gets a review of its own.

use super::{Dataset, ExportError, ExportReport, Exporter, Format, Item, Output, Progress};
use crate::model::{Annotation, AnnotationKind, Layer, LayerRole};
use serde_json::{Value, json};
use std::io::Write;

pub struct ClaimReview;

pub const CONTEXT: &str = "https://schema.org";

/// `claimReviewed` must stay under this many characters.
pub const MAX_CLAIM_CHARS: usize = 75;

/// Collapse whitespace and cut to fewer than [`MAX_CLAIM_CHARS`] characters at a word
/// boundary, ending in `…` when cut.
pub fn short_claim(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let full = words.join(" ");
    if full.chars().count() < MAX_CLAIM_CHARS {
        return full;
    }
    // Room for the ellipsis: at most MAX − 2 characters of words.
    let room = MAX_CLAIM_CHARS - 2;
    let mut out = String::new();
    for w in &words {
        let extra = w.chars().count() + usize::from(!out.is_empty());
        if out.chars().count() + extra > room {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    if out.is_empty() {
        // One very long word: cut inside it.
        out = full.chars().take(room).collect();
    }
    let out = out.trim_end_matches([',', ';', ':', '.', '—', '-', ' ']);
    format!("{out}…")
}

/// The URL of a claim's review, from a pattern with `{annotation}` and `{article}`.
pub fn review_url(pattern: &str, annotation: &Annotation) -> String {
    pattern
        .replace("{annotation}", &annotation.id.to_string())
        .replace("{article}", &annotation.article.to_string())
}

/// The review URL pattern to use, checked: an absolute http(s) URL.
fn url_pattern(data: &Dataset<'_>, from_options: Option<&str>) -> Result<String, ExportError> {
    let pattern = from_options
        .or(data.project.review_url.as_deref())
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .ok_or_else(|| {
            ExportError::Options(
                "ClaimReview needs the URL where each review is published: set the project's review URL (e.g. https://factcheck.example.org/reviews/{annotation}) or give --review-url".to_owned(),
            )
        })?;
    if !(pattern.starts_with("https://") || pattern.starts_with("http://"))
        || pattern.contains(char::is_whitespace)
    {
        return Err(ExportError::Options(format!(
            "review URL {pattern:?} is not an http(s) URL"
        )));
    }
    Ok(pattern.to_owned())
}

/// The one layer reviews come from: the only one chosen, or the adjudicated one among
/// several; several without an adjudicated one would give a claim contradictory reviews.
fn review_layer<'p>(data: &Dataset<'p>) -> Result<Option<&'p Layer>, ExportError> {
    match data.layers[..] {
        [] => Ok(None),
        [only] => Ok(Some(only)),
        ref several => several
            .iter()
            .copied()
            .find(|l| l.role == LayerRole::Adjudicated || l.annotator == crate::model::ADJUDICATED)
            .map(Some)
            .ok_or_else(|| {
                ExportError::Options(format!(
                    "ClaimReview takes one review per claim, from one layer: choose one with --layer ({}) or adjudicate first",
                    several.iter().map(|l| l.annotator.as_str()).collect::<Vec<_>>().join(", ")
                ))
            }),
    }
}

/// The review's rating: the verdict's text and, when rated, its place on the scale.
fn rating(data: &Dataset<'_>, verdict: &str) -> Value {
    let mut rating = json!({"@type": "Rating", "alternateName": verdict});
    if let Some(level) = data.project.schema.verdict(verdict)
        && level.is_rated()
    {
        rating["ratingValue"] = json!(level.value);
        if let Some((best, worst)) = data.project.schema.rating_range() {
            rating["bestRating"] = json!(best);
            rating["worstRating"] = json!(worst);
        }
    }
    rating
}

/// Where a claim appeared: its article as a `CreativeWork`.
fn appearance(art: &crate::model::Article) -> Value {
    let mut appearance = json!({"@type": "CreativeWork", "headline": art.title});
    if let Some(url) = &art.url {
        appearance["url"] = json!(url);
    }
    if let Some(d) = art.published {
        appearance["datePublished"] = json!(d);
    }
    if let Some(o) = &art.outlet {
        appearance["publisher"] = json!({"@type": "Organization", "name": o});
    }
    appearance
}

/// The claim's author (its claimant entity), if known.
fn claim_author(data: &Dataset<'_>, claimant: Option<crate::model::EntityId>) -> Option<Value> {
    if let Some(id) = claimant
        && let Some(e) = data.project.entity(id)
    {
        let mut author = json!({
            "@type": match e.kind {
                crate::model::EntityKind::Organization => "Organization",
                _ => "Person",
            },
            "name": e.name,
        });
        if let Some(q) = &e.wikidata {
            author["sameAs"] = json!(format!("https://www.wikidata.org/wiki/{q}"));
        }
        return Some(author);
    }
    None
}

fn review(
    data: &Dataset<'_>,
    doc: &super::Doc<'_>,
    item: &Item<'_>,
    verdict: Option<&str>,
    url_pattern: &str,
) -> Option<Value> {
    let a = item.annotation;
    let AnnotationKind::Claim(c) = &a.kind else {
        return None;
    };
    let verdict = verdict?;
    let rating = rating(data, verdict);
    let art = doc.article;
    let mut claim = json!({"@type": "Claim", "appearance": appearance(art)});
    if let Some(author) = claim_author(data, c.claimant) {
        claim["author"] = author;
    }
    if let Some(d) = art.published {
        claim["datePublished"] = json!(d);
    }
    let mut v = json!({
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": review_url(url_pattern, a),
        "identifier": format!("urn:factdesk:annotation:{}", a.id),
        "claimReviewed": short_claim(&a.span.exact),
        "datePublished": a.modified.date_naive(),
        "author": {"@type": "Person", "name": item.layer},
        "reviewRating": rating,
        "itemReviewed": claim,
    });
    if !c.rationale.is_empty() {
        v["reviewBody"] = json!(c.rationale);
    }
    let citations: Vec<&str> = c.evidence.iter().map(|e| e.url.as_str()).collect();
    if !citations.is_empty() {
        v["citation"] = json!(citations);
    }
    Some(v)
}

/// One review for a whole claim group: its statement and verdict, every appearance (the
/// members' articles, once each, in member order), the first known claimant.
fn group_review(
    data: &Dataset<'_>,
    group: &crate::model::ClaimGroup,
    members: &[(&super::Doc<'_>, &Item<'_>)],
    url_pattern: &str,
) -> Option<Value> {
    let verdict = group.verdict.as_deref()?;
    let (_, first) = members.first()?;
    let mut seen = std::collections::HashSet::new();
    let appearances: Vec<Value> = members
        .iter()
        .filter(|(doc, _)| seen.insert(doc.article.id))
        .map(|(doc, _)| appearance(doc.article))
        .collect();
    let mut claim = json!({"@type": "Claim", "appearance": appearances});
    let claimant = members.iter().find_map(|(_, i)| match &i.annotation.kind {
        AnnotationKind::Claim(c) => c.claimant,
        _ => None,
    });
    if let Some(author) = claim_author(data, claimant) {
        claim["author"] = author;
    }
    if let Some(d) = members
        .iter()
        .filter_map(|(doc, _)| doc.article.published)
        .min()
    {
        claim["datePublished"] = json!(d);
    }
    let statement = if group.statement.trim().is_empty() {
        &first.annotation.span.exact
    } else {
        &group.statement
    };
    let modified = members.iter().map(|(_, i)| i.annotation.modified).max()?;
    let mut v = json!({
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": review_url(url_pattern, first.annotation),
        "identifier": format!("urn:factdesk:claim-group:{}", group.id),
        "claimReviewed": short_claim(statement),
        "datePublished": modified.date_naive(),
        "author": {"@type": "Person", "name": first.layer},
        "reviewRating": rating(data, verdict),
        "itemReviewed": claim,
    });
    if !group.rationale.is_empty() {
        v["reviewBody"] = json!(group.rationale);
    }
    let citations: Vec<&str> = group.evidence.iter().map(|e| e.url.as_str()).collect();
    if !citations.is_empty() {
        v["citation"] = json!(citations);
    }
    Some(v)
}

impl Exporter for ClaimReview {
    fn format(&self) -> Format {
        Format::ClaimReview
    }

    fn write(
        &self,
        data: &Dataset<'_>,
        out: &mut Output,
        progress: &mut Progress<'_>,
        report: &mut ExportReport,
    ) -> Result<(), ExportError> {
        let pattern = url_pattern(data, data.review_url.as_deref())?;
        let layer = review_layer(data)?;
        let mut reviews = Vec::new();
        // Members that follow their group's verdict, by group, in export order.
        let groups = layer.map(Layer::group_index).unwrap_or_default();
        let mut members: std::collections::HashMap<_, Vec<_>> = Default::default();
        let mut first_seen = Vec::new();
        for doc in &data.docs {
            let from_layer = doc
                .items
                .iter()
                .filter(|i| layer.is_some_and(|l| l.annotator == i.layer));
            for i in from_layer {
                let Some(l) = layer else { continue };
                let a = i.annotation;
                let own = match &a.kind {
                    AnnotationKind::Claim(c) => c.verdict.as_deref(),
                    _ => None,
                };
                match groups.get(&a.id).and_then(|g| l.claim_group(*g)) {
                    Some(g)
                        if g.members
                            .iter()
                            .any(|m| m.annotation == a.id && m.verdict_override.is_none()) =>
                    {
                        let list = members.entry(g.id).or_insert_with(|| {
                            first_seen.push((g.id, reviews.len()));
                            Vec::new()
                        });
                        list.push((doc, i));
                    }
                    Some(g) => reviews.extend(review(data, doc, i, g.verdict_of(a.id), &pattern)),
                    None => reviews.extend(review(data, doc, i, own, &pattern)),
                }
            }
            progress.step()?;
        }
        // Each group's review goes where its first member would have been.
        for (id, at) in first_seen.into_iter().rev() {
            let group = layer.and_then(|l| l.claim_group(id));
            if let Some(v) = group.and_then(|g| group_review(data, g, &members[&id], &pattern)) {
                reviews.insert(at, v);
            }
        }
        if data.layers.len() > 1
            && let Some(l) = layer
        {
            report.notes.push(format!(
                "ClaimReview: one review per claim, from the {:?} layer",
                l.annotator
            ));
        }
        report.records = reviews.len();
        let name = "claimreview.jsonld";
        let mut w = out.file(name)?;
        serde_json::to_writer_pretty(&mut w, &reviews)?;
        w.write_all(b"\n")
            .map_err(ExportError::io(out.path_of(name)))?;
        out.finish(name, w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortens_on_word_boundary() {
        assert_eq!(
            short_claim("  Police said\nthe crowd  "),
            "Police said the crowd"
        );
        let long = "Soleimani was responsible for the deaths of hundreds of American troops and was plotting more attacks";
        let s = short_claim(long);
        assert!(s.chars().count() < MAX_CLAIM_CHARS, "{s}");
        assert!(s.ends_with('…'));
        let body = s.trim_end_matches('…');
        assert!(
            long.starts_with(body) && long[body.len()..].starts_with(' '),
            "{s}"
        );
        let one = "x".repeat(200);
        assert_eq!(short_claim(&one).chars().count(), MAX_CLAIM_CHARS - 1);
    }
}
