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
