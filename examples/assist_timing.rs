//! Time each suggester separately over generated news articles:
//! `cargo run --release --example assist_timing [ARTICLES]`.

use factdesk::assist::{self, Options, SuggestionKind};
use factdesk::synthetic;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let project = synthetic::news_project(11, n);
    let cancel = AtomicBool::new(false);
    for kind in SuggestionKind::ALL {
        let options = Options {
            kinds: [kind].into_iter().collect(),
            article: None,
            ..Options::default()
        };
        let t = Instant::now();
        let s = assist::suggest(&project, &options, &mut |_| {}, &cancel).unwrap();
        let found = s.quotes.len()
            + s.claims.len()
            + s.passages.len()
            + s.conflicts.len()
            + s.aliases.len();
        println!(
            "{:<9} {:>8.1} ms  {found} suggestions",
            kind.as_str(),
            t.elapsed().as_secs_f64() * 1e3
        );
    }
    let t = Instant::now();
    assist::suggest(&project, &Options::default(), &mut |_| {}, &cancel).unwrap();
    println!("all       {:>8.1} ms", t.elapsed().as_secs_f64() * 1e3);
}
