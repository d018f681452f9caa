//! Importing another tool's annotations for documents that are not yet in the project
//! (each becomes an article): must grow linearly with the number of documents. doccano
//! JSONL with 10,000 and 40,000 new documents of ~400 characters and 3 spans each, read,
//! matched, added. Run: `cargo bench --bench import`.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use factdesk::import::foreign::{self, ForeignFormat};
use factdesk::model::{Context, Project};
use std::io::Write;
use std::time::Duration;

/// A doccano file of `n` distinct documents.
fn doccano_file(dir: &std::path::Path, n: usize) -> std::path::PathBuf {
    let path = dir.join(format!("docs{n}.jsonl"));
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..n {
        let text = format!(
            "Document {i}: police said attendees numbered into the millions. “We will respond,” \
             Khamenei said on Monday, adding that the 62-year-old général had been a martyr 😀. \
             Crowds filled the streets of Tehran and Mashhad for the third day, state media \
             reported, while officials gave no figure for the injured. Item {i} ends here."
        );
        let line = serde_json::json!({
            "text": text,
            "label": [[0, 8, "Number"], [15, 64, "claim"], [66, 84, "quote"]],
        });
        writeln!(f, "{line}").unwrap();
    }
    f.flush().unwrap();
    path
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut g = c.benchmark_group("import_annotations_new_documents");
    g.sample_size(10).measurement_time(Duration::from_secs(15));
    for n in [10_000, 40_000] {
        let path = doccano_file(dir.path(), n);
        g.bench_with_input(BenchmarkId::from_parameter(n), &path, |b, path| {
            b.iter(|| {
                let mut project = Project::new("bench");
                let context = Context::new("bench", chrono::Utc::now(), 1);
                let import =
                    foreign::import_file(&project, ForeignFormat::Doccano, path, "bench", &context)
                        .unwrap();
                assert_eq!(import.report.articles_created, n);
                import.plan.apply(&mut project).unwrap();
                project
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
