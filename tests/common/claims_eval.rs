//! Scoring a claims set (`tests/data/<set>/`: `checks.json`, `claims.jsonl`) the way
//! issue 17 measures it: MAP@5 of ranked earlier checks, false matches above the
//! threshold, pairwise F1 of suggested groups.

use factdesk::claims::agreement::agreement;
use factdesk::claims::claim_review;
use factdesk::claims::grouping::{ClaimRef, SuggestedGroup, group_claims, group_claims_against};
use factdesk::claims::retrieval::{CheckIndex, MATCH_THRESHOLD};
use factdesk::claims::signature::signature;
use factdesk::model::ArticleId;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// A set's figures.
pub struct ClaimsScore {
    pub checks: usize,
    pub map5: f64,
    pub false_rate: f64,
    pub f1: f64,
}

struct Gold {
    article: u64,
    text: String,
    check: Option<String>,
    group: Option<String>,
}

fn load(set: &str) -> (Vec<factdesk::model::FactCheck>, Vec<Gold>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(set);
    let checks = claim_review::read_file(&dir.join("checks.json")).unwrap();
    let text = std::fs::read_to_string(dir.join("claims.jsonl")).unwrap();
    let claims = text
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let s = |k: &str| v[k].as_str().map(str::to_owned);
            Gold {
                article: s("article").unwrap()[1..].parse().unwrap(),
                text: s("text").unwrap(),
                check: s("check"),
                group: s("group"),
            }
        })
        .collect();
    (checks, claims)
}

/// Rank and group the set's claims and print its line (with every miss).
pub fn score(set: &str) -> ClaimsScore {
    let (checks, claims) = load(set);
    let index = CheckIndex::new(&checks);
    let (mut ap_sum, mut with_gold, mut false_matches) = (0.0, 0, 0);
    let mut misses = Vec::new();
    // Each claim's best check, to say why a pair was missed.
    let mut best: Vec<String> = Vec::new();
    for c in &claims {
        let ranked = index.rank(&c.text, 5);
        best.push(ranked.first().map_or_else(
            || "none".to_owned(),
            |r| {
                let n = r.check.url.rsplit('/').next().unwrap_or("");
                format!("#{n} {:.2}", r.score)
            },
        ));
        if let Some(gold) = &c.check {
            with_gold += 1;
            match ranked.iter().position(|r| &r.check.url == gold) {
                Some(rank) => {
                    ap_sum += 1.0 / (rank as f64 + 1.0);
                    if rank > 0 {
                        misses.push(format!(
                            "rank {}: {} → above it {:.2} {}",
                            rank + 1,
                            c.text,
                            ranked[0].score,
                            ranked[0].check.claim_reviewed
                        ));
                    }
                }
                None => misses.push(format!("not in top 5: {}", c.text)),
            }
        }
        let wrong = ranked
            .iter()
            .find(|r| r.score >= MATCH_THRESHOLD && Some(&r.check.url) != c.check.as_ref());
        if let Some(w) = wrong {
            false_matches += 1;
            misses.push(format!(
                "false match {:.2}: {} → {}",
                w.score, c.text, w.check.claim_reviewed
            ));
        }
    }
    let map5 = ap_sum / with_gold as f64;
    let false_rate = false_matches as f64 / claims.len() as f64;

    let refs: Vec<ClaimRef> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| ClaimRef {
            article: ArticleId(c.article),
            start: i * 1000,
            end: i * 1000 + c.text.chars().count(),
            text: c.text.clone(),
            annotation: None,
        })
        .collect();
    let at: HashMap<usize, usize> = refs.iter().enumerate().map(|(i, r)| (r.start, i)).collect();
    let pairs = |groups: Vec<SuggestedGroup>| -> HashSet<(usize, usize)> {
        let mut out = HashSet::new();
        for g in groups {
            let members: Vec<usize> = g.members.iter().map(|m| at[&m.start]).collect();
            for (x, &a) in members.iter().enumerate() {
                for &b in &members[x + 1..] {
                    out.insert((a.min(b), a.max(b)));
                }
            }
        }
        out
    };
    // As `factdesk claims` groups them (the library takes part), and by wording alone.
    let predicted = pairs(group_claims_against(refs.clone(), index.library()));
    let wording = pairs(group_claims(refs.clone()));
    let mut gold_pairs: HashSet<(usize, usize)> = HashSet::new();
    for a in 0..claims.len() {
        for b in a + 1..claims.len() {
            if claims[a].group.is_some() && claims[a].group == claims[b].group {
                gold_pairs.insert((a, b));
            }
        }
    }
    let (precision, recall, f1) = pairwise(&predicted, &gold_pairs);
    let (_, _, wording_f1) = pairwise(&wording, &gold_pairs);
    for p in predicted.difference(&gold_pairs) {
        misses.push(format!(
            "wrong pair: {} | {}",
            claims[p.0].text, claims[p.1].text
        ));
    }
    for p in gold_pairs.difference(&predicted) {
        let agree = agreement(&signature(&claims[p.0].text), &signature(&claims[p.1].text));
        misses.push(format!(
            "missed pair [best {} / {}, agreement {agree:.2}]: {} | {}",
            best[p.0], best[p.1], claims[p.0].text, claims[p.1].text
        ));
    }
    eprintln!(
        "{set}: MAP@5 {map5:.3}, false matches above threshold {false_rate:.3} ({false_matches}/{}), grouping P {precision:.3} R {recall:.3} F1 {f1:.3} (by wording alone F1 {wording_f1:.3})\n{}",
        claims.len(),
        misses.join("\n")
    );
    ClaimsScore {
        checks: checks.len(),
        map5,
        false_rate,
        f1,
    }
}

/// Pairwise precision, recall and F1 of predicted pairs against gold pairs.
fn pairwise(
    predicted: &HashSet<(usize, usize)>,
    gold: &HashSet<(usize, usize)>,
) -> (f64, f64, f64) {
    let tp = predicted.intersection(gold).count() as f64;
    let precision = if predicted.is_empty() {
        0.0
    } else {
        tp / predicted.len() as f64
    };
    let recall = tp / gold.len() as f64;
    let f1 = if tp == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    (precision, recall, f1)
}
