//! Review on 10,000 articles × 2 layers × 20 annotations each: alignment with every
//! agreement figure (target under 0.3 s), the review items of the whole project, and the
//! merge of two 10,000-article projects (target under 3 s). Run: `cargo bench --bench review`.

use criterion::{Criterion, criterion_group, criterion_main};
use factdesk::model::{AnnotationId, ArticleId};
use factdesk::review::{self, CompareOptions, report::ReportOptions};
use factdesk::synthetic;
use std::time::Duration;

fn bench(c: &mut Criterion) {
    let project = synthetic::review_pair(11, 10_000, 1_500, 20);
    let report = review::agreement_report(&project, &ReportOptions::default()).unwrap();
    let pair = &report.pairs[0];
    eprintln!(
        "review: {} articles, {} annotations; matched {}, only a {}, only b {}, strict F1 {}",
        project.articles.len(),
        project.annotation_count(),
        pair.counts.matched,
        pair.counts.only_a,
        pair.counts.only_b,
        pair.span_f1.strict
    );

    // CPU time as well as criterion's wall time: the machine running the benchmarks is
    // shared, and CPU time is what the target is about.
    if let Some(cpu) = cpu_seconds_per_run(10, || {
        review::agreement_report(&project, &ReportOptions::default()).unwrap();
    }) {
        eprintln!("alignment + all metrics: {cpu:.3} s of CPU time per run (mean of 10)");
    }

    let mut g = c.benchmark_group("review_10k_articles_2x20_annotations");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("alignment + all metrics", |b| {
        b.iter(|| review::agreement_report(&project, &ReportOptions::default()).unwrap())
    });
    g.bench_function("review items (every disagreement with its fields)", |b| {
        b.iter(|| {
            review::review_items(&project, "alice", "bob", CompareOptions::default()).unwrap()
        })
    });
    g.finish();

    // The other side: the same texts imported separately (other article ids), both layers
    // re-annotated (other annotation ids, a few colliding with ours), so articles match by
    // text and both layers come in renamed.
    let mut theirs = project.clone();
    for a in &mut theirs.articles {
        a.id = ArticleId(a.id.0 + 1_000_000);
    }
    for (i, a) in theirs
        .layers
        .iter_mut()
        .flat_map(|l| l.annotations.iter_mut())
        .enumerate()
    {
        a.article = ArticleId(a.article.0 + 1_000_000);
        if i % 100 != 0 {
            a.id = AnnotationId(a.id.0 + 100_000_000);
        }
    }
    let mut g = c.benchmark_group("merge_two_10k_article_projects");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("incoming + plan + apply", |b| {
        b.iter(|| {
            let mut ours = project.clone();
            let context = factdesk::model::Context::new("bench", chrono::Utc::now(), 1);
            let incoming = review::merge::incoming(&ours, &theirs, "theirs", &context);
            let plan = review::merge::plan(&ours, incoming, true);
            plan.apply(&mut ours).unwrap();
            ours
        })
    });
    g.finish();
}

/// Mean CPU time (user + system, this thread) of `runs` calls, from
/// `/proc/thread-self/stat` (Linux; `None` elsewhere). Resolution: one clock tick.
fn cpu_seconds_per_run(runs: u32, mut f: impl FnMut()) -> Option<f64> {
    fn ticks() -> Option<u64> {
        let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
        // Fields after the command name (which is in parentheses): utime is the 12th, stime
        // the 13th.
        let rest = &stat[stat.rfind(')')? + 2..];
        let fields: Vec<&str> = rest.split(' ').collect();
        Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
    }
    let before = ticks()?;
    for _ in 0..runs {
        f();
    }
    let after = ticks()?;
    // Linux reports in USER_HZ, which is 100 on every mainstream configuration.
    Some((after - before) as f64 / 100.0 / f64::from(runs))
}

criterion_group!(benches, bench);
criterion_main!(benches);
