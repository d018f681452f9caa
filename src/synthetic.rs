//! Synthetic projects of any size, for benchmarks and stress tests (deterministic per seed).

use crate::model::*;
use chrono::DateTime;

const WORDS: &[&str] = &[
    "the",
    "funeral",
    "of",
    "general",
    "Soleimani",
    "was",
    "attended",
    "by",
    "millions",
    "in",
    "Tehran",
    "said",
    "Khamenei",
    "“we",
    "will",
    "respond”",
    "officials",
    "reported",
    "62",
    "people",
    "killed",
    "and",
    "more",
    "than",
    "200",
    "injured",
    "😀",
    "café",
    "Zarif",
    "—",
    "مرحبا",
    "中文",
    "naïve",
    "e\u{301}",
    "according",
    "to",
    "police",
    "on",
    "Monday",
];

/// Text of about `chars` code points in paragraphs, mixing scripts and emoji.
pub fn article_text(rng: &mut fastrand::Rng, chars: usize) -> String {
    let mut s = String::with_capacity(chars + 64);
    let mut n = 0;
    let mut words_in_par = 0;
    while n < chars {
        let w = WORDS[rng.usize(..WORDS.len())];
        s.push_str(w);
        n += w.chars().count();
        words_in_par += 1;
        if words_in_par > 60 && rng.u8(..10) == 0 {
            s.push_str(".\n\n");
            n += 3;
            words_in_par = 0;
        } else {
            s.push(' ');
            n += 1;
        }
    }
    text::normalize(s.trim_end())
}

/// A project with `articles` articles of about `chars` code points each and `annotations`
/// annotations spread over them, in two layers, every kind represented.
pub fn project(seed: u64, articles: usize, chars: usize, annotations: usize) -> Project {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut p = Project::new("synthetic");
    let entity = EntityId(1);
    p.entities.push(Entity {
        id: entity,
        name: "Ali Khamenei".into(),
        aliases: vec!["Khameini".into()],
        kind: EntityKind::Person,
        wikidata: None,
    });
    for i in 0..articles {
        let text = article_text(&mut rng, chars);
        let mut a = Article::new(ArticleId(i as u64 + 1), format!("Article {i}"), text);
        a.outlet = Some("Synthetic Press".into());
        p.articles.push(a);
    }
    let t = DateTime::from_timestamp(1_700_000_000, 0).unwrap_or_default();
    let per_article = annotations.div_ceil(articles.max(1));
    let mut next_id = 1_000_000u64;
    let mut layers: [Vec<Annotation>; 2] = [Vec::new(), Vec::new()];
    for (ai, article) in p.articles.iter().enumerate() {
        let index = text::TextIndex::new(&article.text);
        let len = index.char_len();
        let todo = per_article.min(annotations.saturating_sub(ai * per_article));
        for k in 0..todo {
            if len < 2 {
                break;
            }
            let start = rng.usize(..len - 1);
            let end = (start + 1 + rng.usize(..40)).min(len);
            let Ok(span) = Span::new(&article.text, &index, start, end) else {
                continue;
            };
            let kind = match k % 4 {
                0 => AnnotationKind::Quote(Quote {
                    speaker: Some(entity),
                    cue: "said".into(),
                    ..Quote::default()
                }),
                1 => AnnotationKind::Claim(Claim {
                    check_worthiness: Some(CheckWorthiness::CheckWorthy),
                    verdict: Some("False".into()),
                    rationale: "Contradicted by the official record.".into(),
                    ..Claim::default()
                }),
                2 => AnnotationKind::Sentiment(Sentiment {
                    polarity: rng.i8(-2..=2),
                    target: "Soleimani".into(),
                    stance: Stance::None,
                }),
                _ => AnnotationKind::Tag {
                    label: "Number".into(),
                },
            };
            next_id += 1;
            layers[k % 2].push(Annotation {
                id: AnnotationId(next_id),
                article: article.id,
                span,
                kind,
                note: String::new(),
                status: Status::Draft,
                provenance: Provenance::Manual,
                created: t,
                modified: t,
            });
        }
    }
    for (name, anns) in ["alice", "bob"].into_iter().zip(layers) {
        let layer = p.layer_mut(name);
        layer.annotations = anns;
        layer.sort();
    }
    p
}

/// A project for review benchmarks: `articles` articles with two layers of
/// `per_layer` annotations each, where `bob` is `alice` with realistic differences — about
/// one in five spans with another end, one in ten with another verdict or polarity, one in
/// ten missed, one in ten extra.
pub fn review_pair(seed: u64, articles: usize, chars: usize, per_layer: usize) -> Project {
    let mut p = project(seed, articles, chars, articles * per_layer);
    let mut rng = fastrand::Rng::with_seed(seed ^ 0x5eed);
    let alice = p
        .layer("alice")
        .cloned()
        .unwrap_or_else(|| Layer::new("alice", LayerRole::Annotator));
    // Alice gets both synthetic layers' annotations, so she has `per_layer` per article.
    let mut all = alice.annotations;
    if let Some(b) = p.layer("bob") {
        all.extend(b.annotations.iter().cloned());
    }
    let mut bob = Vec::with_capacity(all.len());
    let mut next_id = 50_000_000u64;
    let texts: std::collections::HashMap<ArticleId, &str> =
        p.articles.iter().map(|a| (a.id, a.text.as_str())).collect();
    for a in &all {
        let roll = rng.u8(..10);
        if roll == 0 {
            continue; // missed
        }
        let mut b = a.clone();
        next_id += 1;
        b.id = AnnotationId(next_id);
        if rng.u8(..5) == 0 && a.span.len() > 2 {
            let text = texts[&a.article];
            if let Ok(s) = Span::from_text(text, a.span.start, a.span.end - 1) {
                b.span = s;
            }
        }
        match &mut b.kind {
            AnnotationKind::Claim(c) if roll == 1 => c.verdict = Some("Mostly false".into()),
            AnnotationKind::Sentiment(s) if roll == 1 => s.polarity = (s.polarity + 1).min(2),
            _ => {}
        }
        bob.push(b);
        if roll == 2 {
            let mut extra = a.clone();
            next_id += 1;
            extra.id = AnnotationId(next_id);
            extra.kind = AnnotationKind::Tag {
                label: "Person".into(),
            };
            bob.push(extra);
        }
    }
    p.layer_mut("alice").annotations = all;
    p.layer_mut("bob").annotations = bob;
    p.sort();
    p
}
