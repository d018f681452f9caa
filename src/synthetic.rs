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

/// Persian and Arabic news words with Latin names and numbers inside, for right-to-left
/// articles (the same shape of text as [`WORDS`]).
const RTL_WORDS: &[&str] = &[
    "مراسم",
    "تشییع",
    "سردار",
    "سلیمانی",
    "در",
    "تهران",
    "با",
    "حضور",
    "میلیون\u{200c}ها",
    "نفر",
    "برگزار",
    "شد",
    "خامنه\u{200c}ای",
    "گفت",
    "«ما",
    "پاسخ",
    "خواهیم",
    "داد»",
    "Reuters",
    "گزارش",
    "داد",
    "که",
    "62",
    "تن",
    "کشته",
    "و",
    "بیش",
    "از",
    "200",
    "زخمی",
    "شدند،",
    "Zarif",
    "قال",
    "المسؤولون",
    "إنّ",
    "(BBC)",
    "۱۴۰۴",
    "به\u{200c}گفته",
    "پلیس",
    "😀",
];

/// Text of about `chars` code points in paragraphs, mixing scripts and emoji.
pub fn article_text(rng: &mut fastrand::Rng, chars: usize) -> String {
    text_of_words(rng, chars, WORDS)
}

/// Persian/Arabic text of about `chars` code points, with Latin names and numbers.
pub fn rtl_article_text(rng: &mut fastrand::Rng, chars: usize) -> String {
    text_of_words(rng, chars, RTL_WORDS)
}

fn text_of_words(rng: &mut fastrand::Rng, chars: usize, words: &[&str]) -> String {
    let mut s = String::with_capacity(chars + 64);
    let mut n = 0;
    let mut words_in_par = 0;
    while n < chars {
        let w = words[rng.usize(..words.len())];
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
    project_of(seed, articles, chars, annotations, article_text)
}

/// Like [`project`], with Persian/Arabic articles (language `fa`).
pub fn rtl_project(seed: u64, articles: usize, chars: usize, annotations: usize) -> Project {
    let mut p = project_of(seed, articles, chars, annotations, rtl_article_text);
    for a in &mut p.articles {
        a.language = Some("fa".into());
    }
    p
}

fn project_of(
    seed: u64,
    articles: usize,
    chars: usize,
    annotations: usize,
    text_of: fn(&mut fastrand::Rng, usize) -> String,
) -> Project {
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
        let text = text_of(&mut rng, chars);
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

const FIRST_NAMES: &[&str] = &[
    "Helen", "Paul", "Amara", "Javad", "Maria", "Tom", "Leila", "Viktor", "Grace", "Stefan",
    "Ruth", "Kofi", "Ingrid", "Raj", "Claire", "Ali", "Jan", "Elena",
];
const SURNAMES: &[&str] = &[
    "Okafor",
    "Reyes",
    "Diallo",
    "Zarif",
    "Kowalczyk",
    "Aldridge",
    "Haddad",
    "Hale",
    "Achieng",
    "Kraus",
    "Ansel",
    "Mensah",
    "Solberg",
    "Patel",
    "Vautrin",
    "Khamenei",
    "Duarte",
    "Lund",
];
const TITLES: &[&str] = &[
    "Foreign Minister",
    "Mayor",
    "Gen.",
    "Prof",
    "President",
    "police chief",
    "Dr",
];
const CUES: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "warned",
    "tweeted",
    "wrote",
];
const EVENTS: &[&str] = &["stampede", "flood", "fire", "crash", "earthquake", "storm"];
const CLAUSES: &[&str] = &[
    "the government had failed to prepare for the crisis",
    "the city would need years to recover",
    "rescue teams were still searching the rubble",
    "nobody had warned the residents in time",
    "the authorities would publish a full report next month",
    "the numbers were far higher than officially admitted",
];
const SENTENCES: &[&str] = &[
    "We have never seen anything like this in our lifetime.",
    "Our teams worked through the night and they will not stop now.",
    "This is a dark day for the whole country, and we will remember it.",
    "The families deserve answers, and they deserve them today.",
    "Nobody could tell us where our children were.",
];

/// News-like text for the assist benchmark: paragraphs with direct quotes in several mark
/// styles, indirect quotes, titled names, ages, casualty and crowd counts, and (when
/// `shared` is given) a paragraph copied from another article.
pub fn news_text(rng: &mut fastrand::Rng, paragraphs: usize, shared: Option<&str>) -> String {
    let pick = |rng: &mut fastrand::Rng, xs: &[&'static str]| xs[rng.usize(..xs.len())];
    let mut out: Vec<String> = Vec::new();
    let event = pick(rng, EVENTS);
    out.push(format!(
        "At least {} people were killed and more than {} injured in a {event} in the city of {}ville on {}, officials said.",
        rng.u32(3..90),
        rng.u32(20..400),
        pick(rng, SURNAMES),
        ["Monday", "Tuesday", "Friday"][rng.usize(..3)]
    ));
    for k in 0..paragraphs {
        let (first, last) = (pick(rng, FIRST_NAMES), pick(rng, SURNAMES));
        let title = pick(rng, TITLES);
        let s1 = pick(rng, SENTENCES);
        let cue = pick(rng, CUES);
        let p = match rng.u8(..7) {
            0 => format!(
                "“{s1}” {title} {first} {last} {cue}. “{}”",
                pick(rng, SENTENCES)
            ),
            1 => format!(
                "{title} {first} {last}, {}, {cue} that {}.",
                rng.u32(30..80),
                pick(rng, CLAUSES)
            ),
            2 => format!("‘{}’ {last} {cue}.", s1.trim_end_matches('.')),
            3 => format!(
                "According to {first} {last}, {}. The {}-year-old {} said the crowd was “unprecedented.”",
                pick(rng, CLAUSES),
                rng.u32(30..80),
                title.to_lowercase()
            ),
            4 => format!(
                "{} of people attended the funeral procession, and {last} told the BBC: \"{s1}\"",
                [
                    "Hundreds of thousands",
                    "Millions",
                    "Thousands",
                    "Tens of thousands"
                ][rng.usize(..4)]
            ),
            5 => format!(
                "« {} », a déclaré {first} {last}. Soleimani’s supporters from the ’90s marched with members’ families 😀.",
                s1.trim_end_matches('.')
            ),
            _ => format!(
                "The {event} was the worst since {}, and {} percent of homes were damaged, {} said.",
                rng.u32(1950..2020),
                rng.u32(2..60),
                ["police", "she", "he", "the mayor"][rng.usize(..4)]
            ),
        };
        out.push(p);
        if k == paragraphs / 2
            && let Some(s) = shared
        {
            out.push(s.to_owned());
        }
    }
    text::normalize(&out.join("\n\n"))
}

/// A project of `articles` news-like articles (about 12 paragraphs each); every tenth
/// article repeats a paragraph of an earlier one, as outlets quoting each other do.
pub fn news_project(seed: u64, articles: usize) -> Project {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut p = Project::new("synthetic news");
    for i in 0..articles {
        let shared = (i % 10 == 9).then(|| {
            let src: &Article = &p.articles[rng.usize(..p.articles.len())];
            src.text.split("\n\n").nth(2).unwrap_or_default().to_owned()
        });
        let text = news_text(&mut rng, 12, shared.as_deref());
        let mut a = Article::new(ArticleId(i as u64 + 1), format!("News {i}"), text);
        a.published = chrono::NaiveDate::from_ymd_opt(2020, 1, 1 + (i % 28) as u32);
        p.articles.push(a);
    }
    p
}
