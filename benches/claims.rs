//! Claims across outlets (issue 17 targets, each under 1 s): ranking 10,000 claims against
//! a library of 100,000 published checks, and suggesting groups over the claims of 10,000
//! articles (three claims each), by wording and filed under their best earlier check. The
//! text is generated from templates with a fixed seed:
//! many topics, places and numbers, so terms and near misses are as shared as in news.
//! Run: `cargo bench --bench claims`.

use criterion::{Criterion, criterion_group, criterion_main};
use factdesk::claims::grouping::{ClaimRef, group_claims, group_claims_filed};
use factdesk::claims::retrieval::CheckIndex;
use factdesk::model::{ArticleId, FactCheck};
use std::time::Duration;

const TOPICS: [&str; 24] = [
    "unemployment",
    "inflation",
    "crime",
    "rents",
    "wages",
    "emissions",
    "coffee prices",
    "bread prices",
    "teacher pay",
    "hospital waiting times",
    "measles cases",
    "obesity",
    "school funding",
    "defence spending",
    "tourism",
    "exports",
    "house prices",
    "fuel duty",
    "bus fares",
    "energy bills",
    "birth rates",
    "road deaths",
    "prison numbers",
    "tax revenue",
];
const PLACES: [&str; 30] = [
    "Spain", "Portugal", "France", "Germany", "Italy", "Poland", "Kenya", "Nigeria", "Brazil",
    "Chile", "Japan", "India", "Canada", "Mexico", "Egypt", "Turkey", "Greece", "Ireland",
    "Norway", "Sweden", "Finland", "Austria", "Belgium", "Denmark", "Lyon", "Berlin", "Madrid",
    "Chicago", "Jakarta", "Lagos",
];
const VERBS: [&str; 6] = ["rose", "fell", "doubled", "dropped", "increased", "was cut"];
const UNITS: [&str; 5] = ["%", " per cent", " million people", " cm", " billion euros"];

fn sentence(rng: &mut fastrand::Rng, outlet_words: bool) -> String {
    let topic = TOPICS[rng.usize(..TOPICS.len())];
    let place = PLACES[rng.usize(..PLACES.len())];
    let verb = VERBS[rng.usize(..VERBS.len())];
    let unit = UNITS[rng.usize(..UNITS.len())];
    let n = rng.u32(1..400);
    let year = rng.u32(2000..2026);
    if outlet_words {
        format!("In {year}, {topic} in {place} {verb} to {n}{unit}, officials said.")
    } else {
        format!("{place}'s {topic} {verb} to {n}{unit} in {year}.")
    }
}

fn bench(c: &mut Criterion) {
    let mut rng = fastrand::Rng::with_seed(17);
    let checks: Vec<FactCheck> = (0..100_000)
        .map(|i| FactCheck {
            url: format!("https://checks.example.org/{i}"),
            claim_reviewed: sentence(&mut rng, false),
            ..FactCheck::default()
        })
        .collect();
    let claims: Vec<String> = (0..10_000).map(|_| sentence(&mut rng, true)).collect();
    let mut group = c.benchmark_group("claims");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function(
        "rank 10k claims against 100k checks (index built in)",
        |b| {
            b.iter(|| {
                let index = CheckIndex::new(&checks);
                index
                    .rank_many(&claims, 5)
                    .iter()
                    .map(Vec::len)
                    .sum::<usize>()
            })
        },
    );
    group.bench_function("index 100k checks", |b| {
        b.iter(|| CheckIndex::new(&checks).len())
    });
    let refs: Vec<ClaimRef> = (0..30_000)
        .map(|i| {
            let text = sentence(&mut rng, i % 2 == 0);
            ClaimRef {
                article: ArticleId(i as u64 / 3 + 1),
                start: (i % 3) * 200,
                end: (i % 3) * 200 + text.chars().count(),
                text,
                annotation: None,
            }
        })
        .collect();
    group.bench_function("suggest groups over 10k articles (30k claims)", |b| {
        b.iter(|| group_claims(refs.clone()).len())
    });
    // As `factdesk claims` groups: each claim filed under its best check, ranked before
    // (the ranking is the row above; this is the grouping with the filing).
    let texts: Vec<&str> = refs.iter().map(|r| r.text.as_str()).collect();
    let library = CheckIndex::new(&checks);
    let best: Vec<_> = library
        .rank_many_hits(&texts, 1)
        .into_iter()
        .map(|h| h.first().copied())
        .collect();
    group.bench_function(
        "suggest groups over 10k articles (30k claims) filed under 100k checks",
        |b| b.iter(|| group_claims_filed(refs.clone(), &best).len()),
    );
    // Doubling: blocks of 60 claims (as many as blocking compares) stating one thing or
    // contradicting it, the worst case for the contradiction check when groups are joined;
    // twice the claims should cost about twice the time.
    for n in [5_000, 10_000] {
        let same: Vec<ClaimRef> = (0..n)
            .map(|i| {
                let text = if i % 2 == 0 {
                    format!(
                        "Unemployment in Town{} fell to 4% in 2023, the ministry said.",
                        i / 60
                    )
                } else {
                    format!("Unemployment in Town{} rose to 5% in 2023.", i / 60)
                };
                ClaimRef {
                    article: ArticleId(i as u64 + 1),
                    start: 0,
                    end: text.chars().count(),
                    text,
                    annotation: None,
                }
            })
            .collect();
        group.bench_function(format!("suggest groups, {n} near-identical claims"), |b| {
            b.iter(|| group_claims(same.clone()).len())
        });
        let index = CheckIndex::new(&checks);
        let queries = &claims[..n];
        group.bench_function(format!("rank {n} claims against 100k checks"), |b| {
            b.iter(|| {
                index
                    .rank_many(queries, 5)
                    .iter()
                    .map(Vec::len)
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
