//! All suggesters (quotes, claims, shared passages, conflicts, aliases) over 1,000
//! generated news articles (DESIGN.md target: under 1 s), and the hostile shapes of issue 16
//! at two sizes each: time (and the bytes allocated, printed) must at most double when the
//! text doubles. Run: `cargo bench --bench assist`.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use factdesk::assist::{self, Options};
use factdesk::model::{Article, ArticleId, Project};
use factdesk::synthetic;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

/// Counts bytes allocated and the peak in use, so the bench can print memory per size.
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

fn one_article(text: String) -> Project {
    let mut p = Project::new("hostile");
    p.articles.push(Article::new(ArticleId(1), "hostile", text));
    p
}

/// The shapes that were quadratic (issue 16), built at `n` units.
pub fn hostile(shape: &str, n: usize) -> String {
    match shape {
        // "1 2 3 … N killed."
        "numbers" => {
            let mut s: String = (1..=n).map(|i| format!("{i} ")).collect();
            s.push_str("killed.");
            s
        }
        // One sentence of n words without punctuation, cue verbs and names among them.
        "sentence" => (0..n)
            .map(|i| match i % 7 {
                0 => "said ",
                1 => "Anna ",
                2 => "Kowal ",
                3 => "the ",
                4 => "dam ",
                5 => "told ",
                _ => "reporters ",
            })
            .collect(),
        // n name mentions in one paragraph, with quotes among them.
        "names" => (0..n)
            .map(|i| {
                if i % 10 == 0 {
                    "“We will rebuild,” she said. ".to_owned()
                } else {
                    format!("Mayor Ann Rowe{} met Mr Lee{} ", i % 97, i % 89)
                }
            })
            .collect(),
        // n quotation marks of every kind.
        "marks" => "“”‘’«»\"'‹›".chars().cycle().take(n).collect(),
        _ => String::new(),
    }
}

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

    let mut g = c.benchmark_group("assist hostile");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    for (shape, base) in [
        ("numbers", 50_000),
        ("sentence", 150_000),
        ("names", 100_000),
        ("marks", 2_500_000),
    ] {
        for n in [base, base * 2] {
            let p = one_article(hostile(shape, n));
            let before = IN_USE.load(Ordering::Relaxed);
            PEAK.store(before, Ordering::Relaxed);
            assist::suggest(&p, &Options::default(), &mut |_| {}, &cancel).unwrap();
            eprintln!(
                "assist hostile {shape} n={n}: {} KB text, peak {} MB allocated",
                p.articles[0].text.len() / 1024,
                (PEAK.load(Ordering::Relaxed) - before) / (1 << 20)
            );
            g.bench_with_input(BenchmarkId::new(shape, n), &p, |b, p| {
                b.iter(|| assist::suggest(p, &Options::default(), &mut |_| {}, &cancel).unwrap())
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
