//! Building annotations from another tool's placed regions and relations: kinds and fields
//! by factdesk's names, quote → speaker and quote → claim links.

use super::place::Placed;
use super::{ForeignDoc, ImportReport, Skipped};
use crate::interchange::names::{self, REL_CLAIM, REL_SPEAKER, SPEAKER};
use crate::model::{
    Annotation, AnnotationId, AnnotationKind, ArticleId, Claim, IdMinter, KindName, Project,
    Provenance, Quote, Sentiment, Status,
};
use std::collections::{HashMap, HashSet};

/// Build the annotations of one document from its placed regions and relations.
#[allow(clippy::too_many_arguments)]
pub(super) fn build_annotations(
    project: &Project,
    doc: &ForeignDoc,
    article: ArticleId,
    placed: Vec<Placed<'_>>,
    from: &str,
    now: chrono::DateTime<chrono::Utc>,
    minter: &mut IdMinter,
    report: &mut ImportReport,
) -> Vec<Annotation> {
    let by_key: HashMap<&str, usize> = placed
        .iter()
        .enumerate()
        .map(|(i, p)| (p.region.key.as_str(), i))
        .collect();
    let skip = |report: &mut ImportReport, at: &str, reason: String| {
        report.skipped.push(Skipped {
            at: at.to_owned(),
            reason,
        })
    };

    // Speaker regions linked from a quote become that quote's speaker span.
    let mut speaker_of: HashMap<usize, usize> = HashMap::new();
    let mut claims_of: HashMap<usize, Vec<usize>> = HashMap::new();
    let is = |i: usize, k: KindName| names::kind_of_label(&placed[i].region.label) == Some(k);
    for rel in &doc.relations {
        let (Some(&f), Some(&t)) = (by_key.get(rel.from.as_str()), by_key.get(rel.to.as_str()))
        else {
            skip(
                report,
                &rel.at,
                "relation between regions that were not imported".into(),
            );
            continue;
        };
        let label = rel.label.trim();
        if label.eq_ignore_ascii_case(REL_SPEAKER)
            && is(f, KindName::Quote)
            && placed[t].region.label.eq_ignore_ascii_case(SPEAKER)
        {
            if speaker_of.insert(f, t).is_some() {
                skip(
                    report,
                    &rel.at,
                    "quote already has a speaker; extra link left out".into(),
                );
            }
        } else if label.eq_ignore_ascii_case(REL_CLAIM)
            && is(f, KindName::Quote)
            && is(t, KindName::Claim)
        {
            claims_of.entry(f).or_default().push(t);
        } else {
            skip(
                report,
                &rel.at,
                format!(
                    "relation {label:?} is not one factdesk keeps (quote → speaker, quote → claim)"
                ),
            );
        }
    }
    let speakers: HashSet<usize> = speaker_of.values().copied().collect();

    let ids: Vec<Option<AnnotationId>> = (0..placed.len())
        .map(|i| (!speakers.contains(&i)).then(|| minter.annotation()))
        .collect();
    let mut out = Vec::new();
    for (i, p) in placed.iter().enumerate() {
        let Some(id) = ids[i] else { continue };
        let r = p.region;
        let f = &r.fields;
        let mut field_problem = |what: String| skip(report, &r.at, what);
        let text_field = |v: &Option<String>| v.clone().unwrap_or_default();
        let kind = match names::kind_of_label(&r.label) {
            Some(KindName::Quote) => {
                let mut q = Quote {
                    cue: text_field(&f.cue),
                    ..Quote::default()
                };
                if let Some(v) = &f.quote_type {
                    match names::parse_quote_type(v) {
                        Some(t) => q.quote_type = t,
                        None => field_problem(format!("quote type {v:?} unknown, left as Direct")),
                    }
                }
                if let Some(&s) = speaker_of.get(&i) {
                    q.speaker_span = Some(placed[s].span.clone());
                }
                // The named entity if the file names one, else whoever the span names.
                let name = f
                    .speaker
                    .as_deref()
                    .or(q.speaker_span.as_ref().map(|s| s.exact.as_str()));
                if let Some(name) = name {
                    q.speaker = project.entity_named(name).map(|e| e.id);
                    if q.speaker.is_none() && f.speaker.is_some() {
                        field_problem(format!(
                            "speaker {name:?} is not an entity of the project, left empty"
                        ));
                    }
                }
                q.claims = claims_of
                    .get(&i)
                    .into_iter()
                    .flatten()
                    .filter_map(|&c| ids[c])
                    .collect();
                AnnotationKind::Quote(q)
            }
            Some(KindName::Claim) => {
                let mut c = Claim {
                    rationale: text_field(&f.rationale),
                    ..Claim::default()
                };
                if let Some(v) = &f.check_worthiness {
                    c.check_worthiness = names::parse_check_worthiness(v);
                    if c.check_worthiness.is_none() {
                        field_problem(format!("check-worthiness {v:?} unknown, left empty"));
                    }
                }
                if let Some(v) = &f.verdict {
                    match project.schema.verdict(v.trim()) {
                        Some(level) => c.verdict = Some(level.label.clone()),
                        None => field_problem(format!(
                            "verdict {v:?} is not on the project's scale, left empty"
                        )),
                    }
                }
                if let Some(name) = &f.claimant {
                    c.claimant = project.entity_named(name).map(|e| e.id);
                    if c.claimant.is_none() {
                        field_problem(format!(
                            "claimant {name:?} is not an entity of the project, left empty"
                        ));
                    }
                }
                AnnotationKind::Claim(c)
            }
            Some(KindName::Sentiment) => {
                let mut s = Sentiment {
                    target: text_field(&f.target),
                    ..Sentiment::default()
                };
                if let Some(v) = &f.polarity {
                    match v.trim().trim_start_matches('+').parse::<i8>() {
                        Ok(n) if (-2..=2).contains(&n) => s.polarity = n,
                        _ => field_problem(format!("polarity {v:?} is not in -2..=2, left at 0")),
                    }
                }
                if let Some(v) = &f.stance {
                    match names::parse_stance(v) {
                        Some(st) => s.stance = st,
                        None => field_problem(format!("stance {v:?} unknown, left as None")),
                    }
                }
                AnnotationKind::Sentiment(s)
            }
            Some(KindName::Tag) | None => {
                if r.label.trim().is_empty() {
                    skip(report, &r.at, "empty label".into());
                    continue;
                }
                AnnotationKind::Tag {
                    label: r.label.clone(),
                }
            }
        };
        out.push(Annotation {
            id,
            article,
            span: p.span.clone(),
            kind,
            note: text_field(&f.note),
            status: Status::Draft,
            provenance: Provenance::Imported {
                from: from.to_owned(),
            },
            created: now,
            modified: now,
        });
    }
    out
}
