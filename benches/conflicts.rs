//! The conflicts suggester alone on hostile text (issue 16), each shape at n and 2n: time
//! and peak memory must at most double when the text doubles. Shapes: "1 2 3 … N killed."
//! (every number a candidate count), one sentence of counts and toll wordings without
//! punctuation (about 1 MB at n), and n articles each giving another death toll (one
//! bucket of n distinct values across n articles). Run: `cargo bench --bench conflicts`.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use factdesk::assist::{self, Options, SuggestionKind};
use factdesk::model::{Article, ArticleId, Project};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

/// Counts bytes in use and their peak, so the bench can print memory per size.
struct Counting;
static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let now = IN_USE.fetch_add(l.size(), Ordering::Relaxed) + l.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        IN_USE.fetch_sub(l.size(), Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn project(texts: impl IntoIterator<Item = String>) -> Project {
    let mut p = Project::new("hostile");
    for (i, t) in texts.into_iter().enumerate() {
        p.articles
            .push(Article::new(ArticleId(i as u64 + 1), format!("a{i}"), t));
    }
    p
}

/// The shape at `n` units.
fn hostile(shape: &str, n: usize) -> Project {
    match shape {
        // "1 2 3 … N killed."
        "numbers" => {
            let mut s: String = (1..=n).map(|i| format!("{i} ")).collect();
            s.push_str("killed.");
            project([s])
        }
        // One sentence of counts without punctuation.
        "sentence" => {
            let words = [
                "at least 12 people died ",
                "the death toll from the dam failure stood at 15 ",
                "Fifteen bodies had been recovered ",
                "hundreds of homes lay in ruins ",
                "9 fire engines and 30 are still missing ",
                "bringing the toll to 19 ",
            ];
            project([(0..n).map(|i| words[i % words.len()]).collect::<String>()])
        }
        // n articles, each with its own toll: one bucket of n values.
        "articles" => project((0..n).map(|i| format!("At least {} people died.", i + 1))),
        _ => Project::new("none"),
    }
}

fn bench(c: &mut Criterion) {
    let options = Options {
        kinds: [SuggestionKind::Conflict].into_iter().collect(),
        ..Options::default()
    };
    let cancel = AtomicBool::new(false);
    let mut g = c.benchmark_group("conflicts hostile");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    for (shape, base) in [
        ("numbers", 50_000),
        ("sentence", 25_000),
        ("articles", 5_000),
    ] {
        for n in [base, base * 2] {
            let p = hostile(shape, n);
            let bytes: usize = p.articles.iter().map(|a| a.text.len()).sum();
            let before = IN_USE.load(Ordering::Relaxed);
            PEAK.store(before, Ordering::Relaxed);
            let s = assist::suggest(&p, &options, &mut |_| {}, &cancel).unwrap();
            eprintln!(
                "conflicts hostile {shape} n={n}: {} KB text, {} conflicts, peak {} MB allocated",
                bytes / 1024,
                s.conflicts.len(),
                (PEAK.load(Ordering::Relaxed) - before) / (1 << 20)
            );
            g.bench_with_input(BenchmarkId::new(shape, n), &p, |b, p| {
                b.iter(|| assist::suggest(p, &options, &mut |_| {}, &cancel).unwrap())
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
