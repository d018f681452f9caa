//! Web pages: extracting one 1 MB page (target < 50 ms) and importing a folder of 1,000
//! saved pages (target < 5 s), on pages built from the saved pages in tests/data/web
//! (written for the tests). Run: `cargo bench --bench web`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::path::Path;
use std::time::Duration;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/web")
        .join(name);
    String::from_utf8(std::fs::read(path).unwrap()).unwrap()
}

/// The Arc-like page with its body grown to about 1 MB of distinct paragraphs, a share bar
/// and a related list every ten paragraphs.
fn one_megabyte_page() -> String {
    let page = fixture("arc.html");
    let mut body = String::new();
    let mut i = 0;
    while body.len() < 1 << 20 {
        body.push_str(&format!(
            "<p class=\"c-paragraph\">Paragraph {i}: the water board said on Monday that supply to \
             homes in district {i} would be cut for four hours a day, and that hospitals would \
             be exempt from the cuts until the reservoir recovers.</p>\n"
        ));
        if i % 10 == 0 {
            body.push_str(
                "<div class=\"b-share-bar\"><a href=\"#\">Share</a></div><div class=\"b-related-links\"><ul><li><a href=\"/a\">Related story</a></li></ul></div>\n",
            );
        }
        i += 1;
    }
    page.replace(
        "<div class=\"b-newsletter-signup\">",
        &format!("{body}<div class=\"b-newsletter-signup\">"),
    )
}

fn bench(c: &mut Criterion) {
    let page = one_megabyte_page();
    let mut g = c.benchmark_group("web");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("extract_1mb_page", |b| {
        b.iter(|| factdesk::import::web::extract(&page, "bench", None).unwrap())
    });

    // 1,000 saved pages: the seven article shapes, each copy with its own text.
    let dir = tempfile::tempdir().unwrap();
    let shapes = [
        "wordpress",
        "arc",
        "amp",
        "paywall",
        "liveblog",
        "rtl",
        "table",
    ];
    for n in 0..1000 {
        let shape = shapes[n % shapes.len()];
        let raw = std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/web/{shape}.html")),
        )
        .unwrap();
        // Each copy gets its own text (the copy number before every paragraph's end) and its
        // own canonical address, so none is skipped as a duplicate.
        let bytes = replace(&raw, b".</p>", format!(" (copy {n}).</p>").as_bytes());
        let bytes = replace(
            &bytes,
            b"arrives.<br>",
            format!("arrives (copy {n}).<br>").as_bytes(),
        );
        let bytes = replace(
            &bytes,
            b".example/",
            format!(".example/copy{n}/").as_bytes(),
        );
        // The paywall page's full text is in its JSON-LD `articleBody`.
        let bytes = replace(
            &bytes,
            b"\"articleBody\":\"",
            format!("\"articleBody\":\"Copy {n}. ").as_bytes(),
        );
        // The Arc-like page names its canonical address relative to the site.
        let bytes = replace(
            &bytes,
            b"canonical\" href=\"/",
            format!("canonical\" href=\"/copy{n}/").as_bytes(),
        );
        std::fs::write(dir.path().join(format!("{n:04}-{shape}.html")), bytes).unwrap();
    }
    let project = factdesk::model::Project::new("bench");
    g.bench_function("import_1000_saved_pages", |b| {
        b.iter(|| {
            let batch = factdesk::import::read_paths(&[dir.path().to_owned()]).unwrap();
            let context = factdesk::model::Context::new("bench", chrono::Utc::now(), 1);
            let import = factdesk::import::plan(&project, batch, &context);
            assert_eq!(import.added.len(), 1000, "every copy is its own article");
            import
        })
    });
    g.finish();
}

/// Every `from` in `bytes` replaced (the Latin-1 page is not UTF-8).
fn replace(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

criterion_group!(benches, bench);
criterion_main!(benches);
