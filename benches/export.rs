//! Export of a 10,000-article, 200,000-annotation project to Hugging Face JSONL with a
//! train/validation/test split and the dataset card (agreement included). Target:
//! under 1 s. Run: `cargo bench --bench export`.

use criterion::{Criterion, criterion_group, criterion_main};
use factdesk::export::{self, ExportOptions, Format, Split};
use factdesk::synthetic;
use std::time::Duration;

fn bench(c: &mut Criterion) {
    let project = synthetic::project(7, 10_000, 4_000, 200_000);
    let dir = tempfile::tempdir().unwrap();
    let mut options = ExportOptions::new(Format::HuggingFace, dir.path());
    options.force = true; // every iteration replaces the previous one's files
    options.split = Some(Split {
        train: 80,
        validation: 10,
        test: 10,
        seed: 1,
    });
    let report = export::run(&project, &options, &mut |_, _| true).unwrap();
    let bytes: u64 = report
        .files
        .iter()
        .map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0))
        .sum();
    eprintln!(
        "hf export: {} articles, {} annotations, {:.1} MB in {} files",
        report.articles,
        report.annotations,
        bytes as f64 / 1e6,
        report.files.len()
    );

    let mut g = c.benchmark_group("export_10k_articles_200k_annotations");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("hf jsonl + split + dataset card", |b| {
        b.iter(|| export::run(&project, &options, &mut |_, _| true).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
