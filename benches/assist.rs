//! All suggesters (quotes, claims, shared passages, conflicts, aliases) over 1,000
//! generated news articles. DESIGN.md target: under 1 s. Run: `cargo bench --bench assist`.

use criterion::{Criterion, criterion_group, criterion_main};
use factdesk::assist::{self, Options};
use factdesk::synthetic;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

fn bench(c: &mut Criterion) {
    let project = synthetic::news_project(11, 1_000);
    let chars: usize = project
        .articles
        .iter()
        .map(|a| a.text.chars().count())
        .sum();
    let cancel = AtomicBool::new(false);
    let s = assist::suggest(&project, &Options::default(), &mut |_| {}, &cancel).unwrap();
    eprintln!(
        "assist: {} articles, {:.1} M code points → {} quotes, {} claims, {} passages, {} conflicts, {} alias groups",
        project.articles.len(),
        chars as f64 / 1e6,
        s.quotes.len(),
        s.claims.len(),
        s.passages.len(),
        s.conflicts.len(),
        s.aliases.len()
    );
    let mut g = c.benchmark_group("assist");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("all suggesters, 1000 articles", |b| {
        b.iter(|| assist::suggest(&project, &Options::default(), &mut |_| {}, &cancel).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
