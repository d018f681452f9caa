//! Quote detection against the hand-labelled evaluation set in `tests/data/assist/`:
//! prints precision / recall / F1 and fails when a figure drops below its target.
//!
//! `cargo test --test assist_eval -- --nocapture` prints the table.

use factdesk::assist::{self, Options, SuggestionKind};
use factdesk::model::{Article, ArticleId, Project, QuoteType, text};
use serde::Deserialize;
use std::sync::atomic::AtomicBool;

#[derive(Deserialize)]
struct GoldArticle {
    article: String,
    quotes: Vec<GoldQuote>,
}

#[derive(Deserialize)]
struct GoldQuote {
    #[serde(rename = "type")]
    quote_type: String,
    text: String,
    cue: String,
    speaker: String,
}

/// A labelled or suggested quote in code points.
#[derive(Clone, Debug)]
struct Item {
    article: usize,
    start: usize,
    end: usize,
    quote_type: QuoteType,
    cue: String,
    speaker: String,
}

fn r(v: &[Item]) -> Vec<&Item> {
    v.iter().collect()
}

fn kind(s: &str) -> QuoteType {
    match s {
        "direct" => QuoteType::Direct,
        "indirect" => QuoteType::Indirect,
        "mixed" => QuoteType::Mixed,
        other => panic!("unknown quote type {other:?} in gold.json"),
    }
}

fn norm(s: &str) -> String {
    let s = s.trim().to_lowercase();
    s.strip_prefix("the ").unwrap_or(&s).to_owned()
}

#[derive(Default)]
struct Prf {
    tp: usize,
    predicted: usize,
    gold: usize,
}

impl Prf {
    fn p(&self) -> f64 {
        if self.predicted == 0 {
            0.0
        } else {
            self.tp as f64 / self.predicted as f64
        }
    }
    fn r(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.tp as f64 / self.gold as f64
        }
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// One-to-one matching: each gold item takes the first unused prediction that fits.
fn score(gold: &[&Item], pred: &[&Item], strict: bool) -> Prf {
    let mut used = vec![false; pred.len()];
    let mut tp = 0;
    for g in gold {
        let hit = pred.iter().enumerate().position(|(i, p)| {
            !used[i]
                && p.article == g.article
                && if strict {
                    p.start == g.start && p.end == g.end
                } else {
                    p.start < g.end && g.start < p.end
                }
        });
        if let Some(i) = hit {
            used[i] = true;
            tp += 1;
        }
    }
    Prf {
        tp,
        predicted: pred.len(),
        gold: gold.len(),
    }
}

fn load() -> (Vec<Item>, Vec<Item>, Vec<String>) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/assist");
    let gold: Vec<GoldArticle> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap()).unwrap();
    let mut project = Project::new("eval");
    let mut gold_items = Vec::new();
    let mut names = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        let raw = std::fs::read_to_string(dir.join("articles").join(&g.article)).unwrap();
        let body = text::normalize(&raw);
        for q in &g.quotes {
            let byte = body
                .find(&q.text)
                .unwrap_or_else(|| panic!("{}: {:?} not found", g.article, q.text));
            let start = body[..byte].chars().count();
            gold_items.push(Item {
                article: i,
                start,
                end: start + q.text.chars().count(),
                quote_type: kind(&q.quote_type),
                cue: q.cue.clone(),
                speaker: q.speaker.clone(),
            });
        }
        project.articles.push(Article::new(
            ArticleId(i as u64 + 1),
            g.article.clone(),
            body,
        ));
        names.push(g.article.clone());
    }
    let options = Options {
        kinds: [SuggestionKind::Quote].into_iter().collect(),
        article: None,
        ..Options::default()
    };
    let found = assist::suggest(&project, &options, &mut |_| {}, &AtomicBool::new(false)).unwrap();
    let pred = found
        .quotes
        .iter()
        .map(|q| Item {
            article: q.article.0 as usize - 1,
            start: q.start,
            end: q.end,
            quote_type: q.quote_type,
            cue: q.cue.clone(),
            speaker: q
                .speaker
                .as_ref()
                .map(|s| s.name.clone())
                .unwrap_or_default(),
        })
        .collect();
    (gold_items, pred, names)
}

#[test]
fn quote_detection_meets_its_targets() {
    let (gold, pred, names) = load();
    let of = |items: &[Item], t: QuoteType| -> Vec<usize> {
        items
            .iter()
            .enumerate()
            .filter(|(_, i)| i.quote_type == t)
            .map(|(k, _)| k)
            .collect()
    };
    let pick = |items: &[Item], idx: &[usize]| -> Vec<Item> {
        idx.iter().map(|&k| items[k].clone()).collect()
    };
    let gd = pick(&gold, &of(&gold, QuoteType::Direct));
    let pd = pick(&pred, &of(&pred, QuoteType::Direct));
    let gi = pick(&gold, &of(&gold, QuoteType::Indirect));
    let pi = pick(&pred, &of(&pred, QuoteType::Indirect));
    let gm = pick(&gold, &of(&gold, QuoteType::Mixed));
    let pm = pick(&pred, &of(&pred, QuoteType::Mixed));
    let direct_strict = score(&r(&gd), &r(&pd), true);
    let direct_overlap = score(&r(&gd), &r(&pd), false);
    let indirect_overlap = score(&r(&gi), &r(&pi), false);
    let indirect_strict = score(&r(&gi), &r(&pi), true);
    let mixed_overlap = score(&r(&gm), &r(&pm), false);
    let all_overlap = score(&r(&gold), &r(&pred), false);

    // Speaker and cue: over gold quotes that some suggestion overlaps.
    let (mut matched, mut speaker_ok, mut cue_ok) = (0, 0, 0);
    let mut misses = Vec::new();
    for g in &gold {
        let Some(p) = pred
            .iter()
            .find(|p| p.article == g.article && p.start < g.end && g.start < p.end)
        else {
            continue;
        };
        matched += 1;
        if norm(&p.speaker) == norm(&g.speaker) {
            speaker_ok += 1;
        } else {
            misses.push(format!(
                "speaker {:?} ≠ gold {:?} ({})",
                p.speaker, g.speaker, names[g.article]
            ));
        }
        if norm(&p.cue) == norm(&g.cue) {
            cue_ok += 1;
        } else {
            misses.push(format!(
                "cue {:?} ≠ gold {:?} ({})",
                p.cue, g.cue, names[g.article]
            ));
        }
    }
    let speaker_acc = speaker_ok as f64 / matched.max(1) as f64;
    let cue_acc = cue_ok as f64 / matched.max(1) as f64;

    println!(
        "quote evaluation: {} articles, {} gold quotes ({} direct, {} indirect, {} mixed), {} suggested",
        names.len(),
        gold.len(),
        gd.len(),
        gi.len(),
        gm.len(),
        pred.len()
    );
    let row = |name: &str, s: &Prf| {
        println!(
            "  {name:<26} P {:.3}  R {:.3}  F1 {:.3}  ({} of {} gold, {} suggested)",
            s.p(),
            s.r(),
            s.f1(),
            s.tp,
            s.gold,
            s.predicted
        )
    };
    row("direct, strict", &direct_strict);
    row("direct, overlap", &direct_overlap);
    row("indirect, overlap", &indirect_overlap);
    row("indirect, strict", &indirect_strict);
    row("mixed, overlap", &mixed_overlap);
    row("any quote, overlap", &all_overlap);
    println!(
        "  speaker accuracy           {speaker_acc:.3}  ({speaker_ok} of {matched} found quotes)"
    );
    println!("  cue accuracy               {cue_acc:.3}  ({cue_ok} of {matched} found quotes)");
    for (g, p) in [(&gold, &pred), (&pred, &gold)] {
        for x in g.iter() {
            if !p
                .iter()
                .any(|y| y.article == x.article && y.start < x.end && x.start < y.end)
            {
                let what = if std::ptr::eq(g, &gold) {
                    "missed"
                } else {
                    "extra"
                };
                misses.push(format!(
                    "{what} {:?} [{}..{}] ({})",
                    x.quote_type, x.start, x.end, names[x.article]
                ));
            }
        }
    }
    for m in &misses {
        println!("    {m}");
    }
    assert!(
        direct_strict.f1() >= 0.95,
        "direct quote F1 (strict) {:.3} < 0.95",
        direct_strict.f1()
    );
    assert!(
        speaker_acc >= 0.90,
        "speaker accuracy {speaker_acc:.3} < 0.90"
    );
    assert!(
        indirect_overlap.f1() >= 0.80,
        "indirect quote F1 {:.3} < 0.80",
        indirect_overlap.f1()
    );
}
