//! Load and save of a 10,000-article, 200,000-annotation project (targets:
//! load < 2 s, save < 1 s). Run: `cargo bench --bench store`.

use criterion::{Criterion, criterion_group, criterion_main};
use factdesk::{store, synthetic};
use std::time::Duration;

fn bench(c: &mut Criterion) {
    let project = synthetic::project(7, 10_000, 4_000, 200_000);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    store::save(&path, &project).unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    eprintln!(
        "project file: {:.1} MB, {} articles, {} annotations",
        size as f64 / 1e6,
        project.articles.len(),
        project.annotation_count()
    );

    let mut g = c.benchmark_group("store_10k_articles_200k_annotations");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("load (parse + verify)", |b| {
        b.iter(|| store::load(&path).unwrap())
    });
    g.bench_function("save (serialise + atomic write)", |b| {
        b.iter(|| store::save(&path, &project).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
