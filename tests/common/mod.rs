//! The one test kit of the integration tests (`mod common;` in each):
//! - random projects for property tests (`project`, `hard_text`);
//! - `fixture`: a small fixed project for the export and import tests;
//! - `gui::AppHarness`: the real window under egui_kittest;
//! - `http::serve`: a web page served on 127.0.0.1;
//! - the CLI as a process (`factdesk`, `factdesk_into_head`), the sample project and
//!   copies of it, file snapshots;
//! - the core the way the CLI drives it (`context`, `import_batch`, `import_annotations`,
//!   `merge_into`: plan, then apply).
//!
//! Large synthetic projects for benchmarks and scale tests come from
//! `factdesk::synthetic`; the unit tests inside `src/review` build theirs with
//! `review::test_support`.
#![allow(dead_code)]

pub mod claim_groups;
pub mod claims_eval;
pub mod fixture;
pub mod gui;
pub mod http;

use chrono::{DateTime, NaiveDate, Utc};
use factdesk::model::*;
use proptest::prelude::*;
use std::path::Path;

/// Text mixing scripts that break naive offset code: emoji (incl. ZWJ sequences),
/// combining marks, RTL, CJK, CRLF, BOM-like characters and quotes of every kind.
pub fn hard_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Khamenei said ",
        "“Oh Allah,” ",
        "‘quoted’ ",
        "\"straight\" ",
        "😀",
        "👩‍👩‍👧",
        "🇮🇷",
        "e\u{301}",
        "a\u{308}\u{323}",
        "مرحبا بالعالم ",
        "שלום ",
        "中文字符 ",
        "\r\n",
        "\n\n",
        "\t",
        "\u{feff}",
        "…",
        "r#\"raw\"# ",
        "\\ backslash ",
        "}) ] , : //",
        "62-year-old ",
    ]);
    prop::collection::vec(pieces, 1..60).prop_map(|v| text::normalize(&v.concat()))
}

fn any_note() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "\\PC{0,40}",
        hard_text(),
        // Control characters, separators, quotes, backslashes and raw-string hashes.
        "[\\x00-\\x1f\\x7f\u{85}\u{2028}\u{2029}a\"\\\\#]{0,12}",
    ]
}

fn timestamp() -> impl Strategy<Value = DateTime<Utc>> {
    (0i64..4_000_000_000).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap())
}

fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of((1990i32..2040, 1u32..13, 1u32..29))
        .prop_map(|o| o.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)))
}

fn kind(entities: Vec<EntityId>, verdicts: Vec<String>) -> impl Strategy<Value = AnnotationKind> {
    let ent = prop::option::of(prop::sample::select(entities));
    let verdict = prop::option::of(prop::sample::select(verdicts));
    prop_oneof![
        (ent.clone(), any_note(), 0..3u8).prop_map(|(speaker, cue, t)| {
            AnnotationKind::Quote(Quote {
                speaker,
                speaker_span: None,
                cue,
                quote_type: [QuoteType::Direct, QuoteType::Indirect, QuoteType::Mixed][t as usize],
                claims: vec![],
            })
        }),
        (ent, verdict, any_note(), any_note(), date()).prop_map(
            |(claimant, verdict, rationale, q, accessed)| {
                AnnotationKind::Claim(Claim {
                    claimant,
                    check_worthiness: Some(CheckWorthiness::CheckWorthy),
                    verdict,
                    rationale,
                    evidence: vec![Evidence {
                        url: "https://example.org/a?b=c&d=é".into(),
                        quote: q,
                        stance: EvidenceStance::Refutes,
                        accessed,
                    }],
                })
            }
        ),
        (-2i8..=2, any_note()).prop_map(|(polarity, target)| {
            AnnotationKind::Sentiment(Sentiment {
                polarity,
                target,
                stance: Stance::Against,
            })
        }),
        "[A-Za-zé😀 ]{1,12}"
            .prop_filter("non-blank", |s| !s.trim().is_empty())
            .prop_map(|label| AnnotationKind::Tag { label }),
    ]
}

/// A random, valid project: a few articles of hard text, entities, two layers.
pub fn project() -> impl Strategy<Value = Project> {
    let articles = prop::collection::vec((hard_text(), any_note(), date()), 1..4);
    let entities = prop::collection::vec(
        ("\\PC{1,20}", prop::collection::vec("\\PC{1,10}", 0..3)),
        1..4,
    );
    (articles, entities, "\\PC{0,30}").prop_flat_map(|(articles, entities, name)| {
        let mut p = Project::new(name);
        for (i, (text, title, published)) in articles.into_iter().enumerate() {
            let mut a = Article::new(ArticleId(i as u64 + 1), title, text);
            a.published = published;
            if i % 2 == 1 {
                // A web article's provenance, with hard text in its strings.
                a.web = Some(WebSource {
                    url: Some(format!("https://x.test/{}", a.title)),
                    final_url: (i == 1).then(|| a.title.clone()),
                    fetched: DateTime::from_timestamp(1_700_000_000 + i as i64, 0).unwrap(),
                    page_hash: format!("xxh3-128:{:032x}", i),
                    direction: (i == 1).then(|| "rtl".to_owned()),
                    kept_page: Some(format!(".factdesk/pages/{i}.html")),
                });
            }
            p.articles.push(a);
        }
        for (i, (name, aliases)) in entities.into_iter().enumerate() {
            p.entities.push(Entity {
                id: EntityId(100 + i as u64),
                name,
                aliases,
                kind: EntityKind::Person,
                wikidata: None,
            });
        }
        let ents: Vec<EntityId> = p.entities.iter().map(|e| e.id).collect();
        let verdicts: Vec<String> = p.schema.verdicts.iter().map(|v| v.label.clone()).collect();
        let n_articles = p.articles.len();
        let ann = (
            0..n_articles,
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>(),
            kind(ents, verdicts),
            any_note(),
            timestamp(),
            0..3u8,
            any::<bool>(),
            -1e6f32..1e6,
        );
        prop::collection::vec(ann, 0..25).prop_map(move |anns| {
            let mut p = p.clone();
            for (k, (ai, s, e, kind, note, ts, st, layer, score)) in anns.into_iter().enumerate() {
                let art = &p.articles[ai];
                let len = text::char_len(&art.text);
                if len == 0 {
                    continue;
                }
                let a = s.index(len);
                let b = e.index(len);
                let (start, end) = (a.min(b), a.max(b) + 1);
                let span = Span::from_text(&art.text, start, end).unwrap();
                let annotation = Annotation {
                    id: AnnotationId(1000 + k as u64),
                    article: art.id,
                    span,
                    kind,
                    note,
                    status: [Status::Draft, Status::Done, Status::Flagged][st as usize],
                    provenance: if layer {
                        Provenance::Suggested {
                            method: "quotes".into(),
                            score,
                        }
                    } else {
                        Provenance::Manual
                    },
                    created: ts,
                    modified: ts,
                };
                let who = if layer { "alice" } else { "bob ✓" };
                p.layer_mut(who).insert(annotation);
            }
            p
        })
    })
}

/// Bytes and modification time of a file, to prove it was not touched.
pub fn snapshot(path: &Path) -> (Vec<u8>, std::time::SystemTime) {
    let m = std::fs::metadata(path).unwrap();
    (std::fs::read(path).unwrap(), m.modified().unwrap())
}

/// Run the built `factdesk` binary, as a user would from a shell.
pub fn factdesk(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_factdesk"))
        .args(args)
        .output()
        .unwrap()
}

pub fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A path as a command-line argument.
pub fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The Python interpreter of the reference-implementation environment
/// (`scripts/python-env.sh`, which `scripts/test.sh` runs and exports as
/// `FACTDESK_TEST_PYTHON`). `None` outside that (a plain `cargo test`); under CI a missing
/// environment is a failure, so a cross-check can never pass by not running.
#[allow(dead_code)]
pub fn reference_python() -> Option<std::path::PathBuf> {
    match std::env::var_os("FACTDESK_TEST_PYTHON") {
        Some(p) => Some(p.into()),
        None if std::env::var_os("CI").is_some() => {
            panic!("FACTDESK_TEST_PYTHON is not set: run the tests with `bash scripts/test.sh`")
        }
        None => {
            eprintln!("skipped: run `bash scripts/test.sh` to cross-check with Python references");
            None
        }
    }
}

/// A fixed author, clock and seed: the same inputs give the same edits and ids.
pub fn context() -> Context {
    Context::new(
        "tester",
        DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
        7,
    )
}

/// Import a batch of articles the way the CLI does (plan, then apply); returns the ids
/// added and the warnings.
pub fn import_batch(
    p: &mut Project,
    batch: factdesk::import::Batch,
) -> (Vec<ArticleId>, Vec<factdesk::import::Warning>) {
    let import = factdesk::import::plan(p, batch, &context());
    import.plan.apply(p).expect("an import plan applies");
    (import.added, import.warnings)
}

/// Import another tool's annotations into `layer` the way the CLI does.
pub fn import_annotations(
    p: &mut Project,
    format: factdesk::import::foreign::ForeignFormat,
    path: &Path,
    layer: &str,
) -> Result<factdesk::import::foreign::ImportReport, factdesk::import::foreign::ForeignError> {
    let import = factdesk::import::foreign::import_file(p, format, path, layer, &context())?;
    import.plan.apply(p).expect("an import plan applies");
    Ok(import.report)
}

/// Merge `theirs` into `ours` the way `factdesk merge` does (unmatched articles too).
pub fn merge_into(ours: &mut Project, theirs: &Project, source: &str) {
    let incoming = factdesk::review::merge::incoming(ours, theirs, source, &context());
    let plan = factdesk::review::merge::plan(ours, incoming, true);
    plan.apply(ours).expect("a merge plan applies");
}

/// The sample project shipped in the repository.
pub fn sample_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/soleimani-funeral.ron")
}

/// A copy of the sample project in `dir`, to change.
pub fn sample_copy(dir: &Path, name: &str) -> std::path::PathBuf {
    let to = dir.join(name);
    std::fs::copy(sample_path(), &to).unwrap();
    to
}

/// Run `factdesk ARGS | head -1` in a shell: factdesk's exit code and its stderr.
pub fn factdesk_into_head(args: &[&str]) -> (i32, String) {
    let quoted: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
    let script = format!(
        "'{}' {} 2>err.txt | head -1 >/dev/null; echo ${{PIPESTATUS[0]}}",
        env!("CARGO_BIN_EXE_factdesk"),
        quoted.join(" ")
    );
    let dir = tempfile::tempdir().unwrap();
    let o = std::process::Command::new("bash")
        .arg("-c")
        .arg(script)
        .current_dir(dir.path())
        .output()
        .unwrap();
    let code = stdout(&o).trim().parse().unwrap_or(-1);
    let err = std::fs::read_to_string(dir.path().join("err.txt")).unwrap_or_default();
    (code, err)
}
