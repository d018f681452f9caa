//! Write a synthetic project of any size, for measuring load time and memory by hand:
//! ```sh
//! cargo run --release --example make_synthetic -- /tmp/big.ron 10000 4000 200000
//! /usr/bin/time -v target/release/factdesk check /tmp/big.ron
//! ```

use anyhow::{Context, Result};

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .context("usage: make_synthetic OUT.ron [ARTICLES CHARS ANNOTATIONS]")?;
    let mut num = |default: usize| -> Result<usize> {
        Ok(args
            .next()
            .map(|s| s.parse())
            .transpose()?
            .unwrap_or(default))
    };
    let (articles, chars, annotations) = (num(10_000)?, num(4_000)?, num(200_000)?);
    let project = factdesk::synthetic::project(7, articles, chars, annotations);
    factdesk::store::save(path.as_ref(), &project)?;
    let size = std::fs::metadata(&path)?.len();
    println!(
        "{path}: {:.1} MB, {articles} articles, {} annotations",
        size as f64 / 1e6,
        project.annotation_count()
    );
    Ok(())
}
