//! Every suggester is linear on the text shapes that were quadratic (issue 16): numbers
//! before one "killed", one long sentence without punctuation, many names in one paragraph,
//! nothing but quotation marks. Each shape runs at n and 4n: a linear run takes about four
//! times as long, a quadratic one sixteen; the test fails above eight. The criterion
//! group `assist hostile` in `benches/assist.rs` gives the figures.

use factdesk::assist::{self, Options};
use factdesk::model::{Article, ArticleId, Project};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

fn shape(name: &str, n: usize) -> String {
    match name {
        "numbers" => {
            let mut s: String = (1..=n).map(|i| format!("{i} ")).collect();
            s.push_str("killed.");
            s
        }
        "sentence" => (0..n)
            .map(|i| {
                [
                    "said ",
                    "Anna ",
                    "Kowal ",
                    "the ",
                    "dam ",
                    "told ",
                    "reporters ",
                ][i % 7]
            })
            .collect(),
        "names" => (0..n)
            .map(|i| {
                if i % 10 == 0 {
                    "“We will rebuild,” she said. ".to_owned()
                } else {
                    format!("Mayor Ann Rowe{} met Mr Lee{} ", i % 97, i % 89)
                }
            })
            .collect(),
        "marks" => "“”‘’«»\"'‹›".chars().cycle().take(n).collect(),
        _ => unreachable!(),
    }
}

/// The fastest of three runs over one article of `text` (a busy machine slows single runs).
fn time(text: &str) -> Duration {
    let mut p = Project::new("hostile");
    p.articles
        .push(Article::new(ArticleId(1), "hostile", text.to_owned()));
    (0..3)
        .map(|_| {
            let t = Instant::now();
            assist::suggest(
                &p,
                &Options::default(),
                &mut |_| {},
                &AtomicBool::new(false),
            )
            .expect("suggest");
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn hostile_shapes_grow_linearly() {
    for (name, n) in [
        ("numbers", 5_000),
        ("sentence", 20_000),
        ("names", 5_000),
        ("marks", 200_000),
    ] {
        let small = time(&shape(name, n));
        let large = time(&shape(name, 4 * n));
        let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-4);
        println!("{name}: n={n} {small:?}, 4n {large:?}, ratio {ratio:.1}");
        assert!(
            ratio < 8.0 || large < Duration::from_millis(40),
            "{name} grows faster than linear: {small:?} at n={n}, {large:?} at 4n"
        );
    }
}
