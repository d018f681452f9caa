//! CoNLL export of one long article (10 MB of mixed-script text, 20,000 annotations):
//! tokens and tags are streamed to the file, so time and memory grow linearly with the
//! text and memory stays near the size of the text itself. Run:
//! `cargo bench --bench conll`. For peak memory on a 100 MB article, see the README.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use factdesk::export::{self, ExportOptions, Format};
use factdesk::synthetic;
use std::time::Duration;

fn bench(c: &mut Criterion) {
    let project = synthetic::project(3, 1, 10_000_000, 20_000);
    let bytes = project.articles[0].text.len() as u64;
    let dir = tempfile::tempdir().unwrap();
    let mut options = ExportOptions::new(Format::Conll, dir.path());
    options.force = true;
    let mut g = c.benchmark_group("conll_export_one_long_article");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(20))
        .throughput(Throughput::Bytes(bytes));
    g.bench_function("10M chars, 20k annotations", |b| {
        b.iter(|| export::run(&project, &options, &mut |_, _| true).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
