//! The JSON that `factdesk suggest --json` prints (documented in the README).

use super::suggestion::{Suggestions, quote_type_name};
use serde_json::{Value, json};

/// Scores are f32 inside; three decimals are all they mean.
fn score(s: f32) -> f64 {
    (f64::from(s) * 1000.0).round() / 1000.0
}

/// `{"quotes": […], "claims": […], "passages": […], "conflicts": […], "aliases": [[…]]}`
pub fn to_json(s: &Suggestions) -> Value {
    let quotes: Vec<Value> = s
        .quotes
        .iter()
        .map(|q| {
            let sp = q.speaker.as_ref();
            json!({
                "article": q.article.0,
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "type": quote_type_name(q.quote_type),
                "cue": q.cue,
                "speaker": sp.map(|x| x.name.clone()),
                "speaker_start": sp.and_then(|x| x.start),
                "speaker_end": sp.and_then(|x| x.end),
                "speaker_entity": sp.and_then(|x| x.entity).map(|e| e.0),
                "speaker_descriptive": sp.is_some_and(|x| x.descriptive),
                "score": score(q.score),
            })
        })
        .collect();
    let claims: Vec<Value> = s
        .claims
        .iter()
        .map(|c| json!({"article": c.article.0, "start": c.start, "end": c.end, "text": c.text, "score": score(c.score), "reasons": c.reasons}))
        .collect();
    let passages: Vec<Value> = s
        .passages
        .iter()
        .map(|p| {
            json!({
                "text": p.text,
                "places": p.places.iter().map(|pl| json!({"article": pl.article.0, "start": pl.start, "end": pl.end})).collect::<Vec<_>>(),
                "likely_source": p.likely_source.map(|a| a.0),
                "score": score(p.score),
            })
        })
        .collect();
    let conflicts: Vec<Value> = s
        .conflicts
        .iter()
        .map(|c| {
            json!({
                "fact": c.fact,
                "kind": c.kind,
                "scope": c.scope,
                "values": c.values.iter().map(|v| json!({"article": v.article.0, "value": v.value, "text": v.text, "reading": v.reading, "vague": v.vague, "start": v.start, "end": v.end})).collect::<Vec<_>>(),
                "possible_update": c.possible_update,
                "why": c.why,
                "score": score(c.score),
            })
        })
        .collect();
    let aliases: Vec<Value> = s.aliases.iter().map(|g| json!(g.names)).collect();
    json!({"quotes": quotes, "claims": claims, "passages": passages, "conflicts": conflicts, "aliases": aliases})
}
