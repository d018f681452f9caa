//! Adds the hand-made example annotations to the sample project.
//!
//! The sample is built in two steps, so it shows the real import path:
//! ```sh
//! cargo run -- new projects/soleimani-funeral.ron --name "Soleimani funeral (sample)" \
//!     --import tests/data/seeds
//! cargo run --example make_sample -- projects/soleimani-funeral.ron
//! ```
//! Run on a project that already has the example layer, it only remakes the second
//! annotator's layer (for review), adding what is new since (the claims repeated across
//! outlets and their groups, the library of earlier checks) and leaving everything else
//! as it is.

use anyhow::{Context, Result, anyhow};
use chrono::{DateTime, NaiveDate, Utc};
use factdesk::model::*;
use std::path::PathBuf;

const ANNOTATOR: &str = "sample";
/// A colleague who annotated the same articles, for review: mostly the same, with the
/// disagreements two careful people really have.
const SECOND: &str = "zahra";

fn main() -> Result<()> {
    let path: PathBuf = std::env::args()
        .nth(1)
        .context("usage: make_sample PROJECT.ron")?
        .into();
    let mut p = factdesk::store::load(&path)?;
    // Where the sample's reviews would be published (ClaimReview requires a `url`).
    p.review_url = Some("https://factcheck.example.org/reviews/{annotation}".into());
    let at: DateTime<Utc> = "2026-11-21T09:00:00Z".parse()?;
    let built = p.layer(ANNOTATOR).is_some();
    persian_article(&mut p, at)?;
    if built {
        // Already built: only (re)make the second annotator's layer, keeping ids stable.
        let trump = p
            .entity_named("Donald Trump")
            .context("no Donald Trump")?
            .id;
        repeated_claims(&mut p, at)?;
        second_annotator(&mut p, trump)?;
        library(&mut p)?;
        return finish(&path, &p);
    }

    let khamenei = entity(
        &mut p,
        "Ali Khamenei",
        &["Khamenei", "Khameini", "Ayatollah Ali Khamenei"],
        Some("Q57336"),
    );
    let trump = entity(
        &mut p,
        "Donald Trump",
        &["Trump", "@realDonaldTrump"],
        Some("Q22686"),
    );
    let zarif = entity(
        &mut p,
        "Javad Zarif",
        &["Zarif", "Zariff", "@JZarif"],
        Some("Q298812"),
    );
    let _soleimani = entity(
        &mut p,
        "Qassem Soleimani",
        &["Qasem Soleimani", "Soleimani"],
        Some("Q1369337"),
    );
    let pompeo = entity(&mut p, "Mike Pompeo", &["Pompeo"], Some("Q473239"));

    let ap = article(&p, "An emotional Khamenei")?;
    let dated = article(&p, "At the funeral of General Qassem Soleimani")?;
    let tweeted = article(&p, "In this picture tweeted")?;
    let stampede = article(&p, "50 mourners dead")?;
    let weeping = article(&p, "Video Shows Supreme Leader")?;

    // Quotes, with speakers and cue verbs.
    let mut q = Quote {
        speaker: Some(khamenei),
        cue: "said".into(),
        quote_type: QuoteType::Direct,
        ..Quote::default()
    };
    q.speaker_span = Some(span(&p, ap, "Khamenei said during a mass prayer", 0, 8)?);
    add(
        &mut p,
        ap,
        "“Oh Allah, they are in need of your mercy, and you are exalted above punishing your servants,”",
        AnnotationKind::Quote(q),
        "",
        at,
    )?;

    let claim_thousands = add(
        &mut p,
        dated,
        "General Qassem Soleimani has killed or badly wounded thousands of Americans over an extended period of time",
        AnnotationKind::Claim(Claim {
            claimant: Some(trump),
            check_worthiness: Some(CheckWorthiness::CheckWorthy),
            verdict: None,
            rationale: String::new(),
            evidence: vec![],
        }),
        "Compare with the State Department figure quoted further down (603 deaths).",
        at,
    )?;
    let trump_span = span(&p, dated, "Trump tweeted Friday morning", 0, 5)?;
    add(
        &mut p,
        dated,
        "“General Qassem Soleimani has killed or badly wounded thousands of Americans over an extended period of time, and was plotting to kill many more…but got caught!”",
        AnnotationKind::Quote(Quote {
            speaker: Some(trump),
            speaker_span: Some(trump_span),
            cue: "tweeted".into(),
            quote_type: QuoteType::Direct,
            claims: vec![claim_thousands],
        }),
        "",
        at,
    )?;
    let zariff_span = span(&p, tweeted, "Zariff said", 0, 6)?;
    add(
        &mut p,
        tweeted,
        "“Have you ever seen such a sea of humanity in your life, @realdonaldtrump?",
        AnnotationKind::Quote(Quote {
            speaker: Some(zarif),
            speaker_span: Some(zariff_span),
            cue: "said".into(),
            quote_type: QuoteType::Direct,
            claims: vec![],
        }),
        "The speaker's name is misspelt (Zariff) in the article.",
        at,
    )?;
    add(
        &mut p,
        stampede,
        "He also said he was “confident” that lawyers were consulted before Donald Trump ordered the strike.",
        AnnotationKind::Quote(Quote {
            speaker: Some(pompeo),
            speaker_span: None,
            cue: "said".into(),
            quote_type: QuoteType::Mixed,
            claims: vec![],
        }),
        "“He” is Pompeo, named in the previous paragraph.",
        at,
    )?;

    // Claims, with verdicts and evidence.
    add(
        &mut p,
        tweeted,
        "Soleimani, 66, was considered Iran’s second most powerful figure",
        AnnotationKind::Claim(Claim {
            claimant: None,
            check_worthiness: Some(CheckWorthiness::CheckWorthy),
            verdict: Some("False".into()),
            rationale: "Soleimani was born on 11 March 1957, so he was 62 when he was killed on 3 January 2020; the AP article in this project gives 62.".into(),
            evidence: vec![Evidence {
                url: "https://www.wikidata.org/wiki/Q1369337".into(),
                quote: "date of birth: 11 March 1957".into(),
                stance: EvidenceStance::Refutes,
                accessed: NaiveDate::from_ymd_opt(2026, 11, 21),
            }],
        }),
        "Conflicts with “the 62-year-old general” in the AP article.",
        at,
    )?;
    add(
        &mut p,
        ap,
        "the 62-year-old general answered only to the 80-year-old Khamenei",
        AnnotationKind::Claim(Claim {
            claimant: None,
            check_worthiness: Some(CheckWorthiness::CheckWorthy),
            verdict: Some("True".into()),
            rationale: "Born 11 March 1957 (62); Khamenei born 19 April 1939 (80).".into(),
            evidence: vec![Evidence {
                url: "https://www.wikidata.org/wiki/Q57336".into(),
                quote: "date of birth: 19 April 1939".into(),
                stance: EvidenceStance::Supports,
                accessed: NaiveDate::from_ymd_opt(2026, 11, 21),
            }],
        }),
        "",
        at,
    )?;
    add(
        &mut p,
        stampede,
        "At least 50 people have been killed and more than 200 injured in a stampede",
        AnnotationKind::Claim(Claim {
            claimant: None,
            check_worthiness: Some(CheckWorthiness::CheckWorthy),
            verdict: None,
            rationale: "Early figure; check the final toll reported by Iranian state media.".into(),
            evidence: vec![],
        }),
        "",
        at,
    )?;
    add(
        &mut p,
        ap,
        "Police said attendees numbered into the millions.",
        AnnotationKind::Claim(Claim {
            claimant: None,
            check_worthiness: Some(CheckWorthiness::Unimportant),
            verdict: Some("Unverifiable".into()),
            rationale: "Crowd estimates come only from Iranian police.".into(),
            evidence: vec![],
        }),
        "Another article says “hundreds of thousands”.",
        at,
    )?;

    // Sentiment.
    add(
        &mut p,
        weeping,
        "Good riddance",
        AnnotationKind::Sentiment(Sentiment {
            polarity: -2,
            target: "Qassem Soleimani".into(),
            stance: Stance::Against,
        }),
        "",
        at,
    )?;
    add(
        &mut p,
        ap,
        "Soleimani was a lionized figure",
        AnnotationKind::Sentiment(Sentiment {
            polarity: 2,
            target: "Qassem Soleimani".into(),
            stance: Stance::Favor,
        }),
        "",
        at,
    )?;

    // Tags.
    for text in [
        "MORE:\u{a0}Iranians Bake Cakes Thanking Trump for Killing Soleimani While US Liberals Protest",
        "About Post Author",
    ] {
        add(
            &mut p,
            weeping,
            text,
            AnnotationKind::Tag {
                label: "Boilerplate".into(),
            },
            "",
            at,
        )?;
    }
    add(
        &mut p,
        ap,
        "In this image taken from video",
        AnnotationKind::Tag {
            label: "Caption".into(),
        },
        "",
        at,
    )?;

    if let Some(a) = p.articles.iter_mut().find(|a| a.id == ap) {
        a.done = true;
        a.outlet = Some("Associated Press".into());
    }
    repeated_claims(&mut p, at)?;
    second_annotator(&mut p, trump)?;
    library(&mut p)?;
    finish(&path, &p)
}

fn finish(path: &std::path::Path, p: &Project) -> Result<()> {
    let problems = p.problems();
    if !problems.is_empty() {
        return Err(anyhow!("sample is inconsistent: {problems:?}"));
    }
    factdesk::store::save(path, p)?;
    println!("{}: {} annotations", path.display(), p.annotation_count());
    Ok(())
}

fn entity(p: &mut Project, name: &str, aliases: &[&str], wikidata: Option<&str>) -> EntityId {
    let id = p.mint_entity_id();
    p.entities.push(Entity {
        id,
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        kind: EntityKind::Person,
        wikidata: wikidata.map(Into::into),
    });
    id
}

fn article(p: &Project, title_start: &str) -> Result<ArticleId> {
    p.articles
        .iter()
        .find(|a| a.title.starts_with(title_start))
        .map(|a| a.id)
        .with_context(|| format!("no article titled {title_start:?}"))
}

/// The span of `needle` in the article, narrowed to code points `from..to` of the needle
/// (`to == 0` means the whole needle).
fn span(p: &Project, article: ArticleId, needle: &str, from: usize, to: usize) -> Result<Span> {
    let text = &p.article(article).context("article")?.text;
    let byte = text
        .find(needle)
        .with_context(|| format!("{needle:?} not in article"))?;
    let start = text::char_len(&text[..byte]) + from;
    let end = if to == 0 {
        start + text::char_len(needle)
    } else {
        start - from + to
    };
    Ok(Span::from_text(text, start, end)?)
}

fn add(
    p: &mut Project,
    article: ArticleId,
    needle: &str,
    kind: AnnotationKind,
    note: &str,
    at: DateTime<Utc>,
) -> Result<AnnotationId> {
    let id = p.mint_annotation_id();
    let annotation = Annotation {
        id,
        article,
        span: span(p, article, needle, 0, 0)?,
        kind,
        note: note.into(),
        status: Status::Draft,
        provenance: Provenance::Manual,
        created: at,
        modified: at,
    };
    p.layer_mut(ANNOTATOR).insert(annotation);
    Ok(id)
}

/// A short Persian news article written for the sample (right-to-left text with a number
/// and a Latin name inside), with a claim and a quote annotated, so the right-to-left
/// reader shows on first open. Added once.
fn persian_article(p: &mut Project, at: DateTime<Utc>) -> Result<()> {
    const TITLE: &str = "ازدحام مرگبار در مراسم تشییع در کرمان";
    if p.articles.iter().any(|a| a.title == TITLE) {
        return Ok(());
    }
    let text = text::normalize(include_str!(
        "../projects/seed-extra/kerman-stampede-fa.txt"
    ));
    let id = p.mint_article_id();
    let mut a = Article::new(id, TITLE, text);
    a.outlet = Some("factdesk sample".into());
    a.language = Some("fa".into());
    a.published = Some(NaiveDate::from_ymd_opt(2020, 1, 7).context("date")?);
    a.source = Some("projects/seed-extra/kerman-stampede-fa.txt".into());
    p.articles.push(a);
    add(
        p,
        id,
        "دست‌کم 56 نفر در ازدحام جمعیت در مراسم تشییع سردار سلیمانی جان باختند",
        AnnotationKind::Claim(Claim {
            claimant: None,
            check_worthiness: Some(CheckWorthiness::CheckWorthy),
            verdict: Some("True".into()),
            rationale: "56 dead is the toll Iranian officials gave; other reports say 50 or 40."
                .into(),
            evidence: vec![],
        }),
        "",
        at,
    )?;
    let witness = span(p, id, "یک شاهد عینی", 0, 0)?;
    add(
        p,
        id,
        "جمعیت آن‌قدر زیاد بود که هیچ راه فراری نبود.",
        AnnotationKind::Quote(Quote {
            speaker: None,
            speaker_span: Some(witness),
            cue: "نوشت".into(),
            quote_type: QuoteType::Direct,
            claims: vec![],
        }),
        "A descriptive source (an eyewitness), not a named person.",
        at,
    )?;
    Ok(())
}

/// Claims the outlets repeat, grouped once each: the police's "millions" crowd (AP, the
/// Zarif-picture article, and the stampede article's "millions on to the streets") and
/// the drone strike that killed Soleimani (three outlets). Added once.
fn repeated_claims(p: &mut Project, at: DateTime<Utc>) -> Result<()> {
    if !p
        .layer(ANNOTATOR)
        .context("first layer")?
        .claim_groups
        .is_empty()
    {
        return Ok(());
    }
    let ap = article(p, "An emotional Khamenei")?;
    let tweeted = article(p, "In this picture tweeted")?;
    let stampede = article(p, "50 mourners dead")?;
    let weeping = article(p, "Video Shows Supreme Leader")?;
    let bare = |worthiness| {
        AnnotationKind::Claim(Claim {
            check_worthiness: Some(worthiness),
            ..Claim::default()
        })
    };
    let police = p
        .layer(ANNOTATOR)
        .context("first layer")?
        .annotations
        .iter()
        .find(|a| a.span.exact == "Police said attendees numbered into the millions.")
        .context("the AP crowd claim")?
        .id;
    let crowd = vec![
        police,
        add(
            p,
            tweeted,
            "Police told The Associated Press that the attendees numbered into the millions.",
            bare(CheckWorthiness::Unimportant),
            "The AP's police figure again.",
            at,
        )?,
        add(
            p,
            stampede,
            "The burial is the last in a series of funeral events that have brought millions on to the streets in Iran.",
            bare(CheckWorthiness::Unimportant),
            "",
            at,
        )?,
    ];
    let strike = vec![
        add(
            p,
            ap,
            "Soleimani, who was killed in a U.S. drone strike in Iraq on Friday",
            bare(CheckWorthiness::CheckWorthy),
            "",
            at,
        )?,
        add(
            p,
            weeping,
            "Soleimani died in the U.S. drone strike at Baghdad airport",
            bare(CheckWorthiness::CheckWorthy),
            "",
            at,
        )?,
        add(
            p,
            tweeted,
            "Soleimani was killed in a US drone attack in Baghdad last Friday",
            bare(CheckWorthiness::CheckWorthy),
            "",
            at,
        )?,
    ];
    let members = |ids: &[AnnotationId]| {
        ids.iter()
            .map(|id| ClaimMember {
                annotation: *id,
                verdict_override: None,
            })
            .collect()
    };
    let mut groups = vec![
        ClaimGroup {
            id: ClaimGroupId::random(),
            statement: "Millions attended Soleimani's funeral processions.".into(),
            verdict: Some("Unverifiable".into()),
            rationale: "Every figure comes from Iranian police or officials; no independent count."
                .into(),
            evidence: vec![],
            members: members(&crowd),
        },
        ClaimGroup {
            id: ClaimGroupId::random(),
            statement: "Qassem Soleimani was killed in a US drone strike at Baghdad airport on 3 January 2020.".into(),
            verdict: Some("True".into()),
            rationale: "The US Department of Defense announced the strike; Iran confirmed his death.".into(),
            evidence: vec![Evidence {
                url: "https://www.wikidata.org/wiki/Q1369337".into(),
                quote: "date of death: 3 January 2020; place of death: Baghdad International Airport".into(),
                stance: EvidenceStance::Supports,
                accessed: NaiveDate::from_ymd_opt(2026, 11, 21),
            }],
            members: members(&strike),
        },
    ];
    groups.sort_by_key(|g| g.id);
    p.layer_mut(ANNOTATOR).claim_groups = groups;
    Ok(())
}

/// The small library of earlier checks written for the sample (invented reviews), in the
/// project like `factdesk factchecks import` puts it. Checks already there are kept.
fn library(p: &mut Project) -> Result<()> {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/factchecks/sample-library.jsonld"
    );
    let checks = factdesk::claims::claim_review::read_file(std::path::Path::new(file))?;
    factdesk::claims::claim_review::import_plan(p, checks)
        .plan
        .apply(p)?;
    Ok(())
}

/// The second annotator's layer: a copy of the first with realistic disagreements — a
/// different verdict on the 62-versus-66 age claim, a quote whose span ends earlier, a
/// missed quote (Zarif's), and the pronoun "He" attributed to a different speaker (Trump
/// instead of Pompeo). Everything else agrees, so review has agreements to accept too.
fn second_annotator(p: &mut Project, trump: EntityId) -> Result<()> {
    let at: DateTime<Utc> = "2026-11-21T10:30:00Z".parse()?;
    let source = p
        .layer(ANNOTATOR)
        .context("first layer")?
        .annotations
        .clone();
    let mut ids = std::collections::HashMap::new();
    let mut taken = std::collections::HashSet::new();
    for a in &source {
        let id = loop {
            let id = p.mint_annotation_id();
            if taken.insert(id) {
                break id;
            }
        };
        ids.insert(a.id, id);
    }
    p.layers.retain(|l| l.annotator != SECOND);
    for a in source {
        let mut b = a.clone();
        b.id = ids[&a.id];
        b.created = at;
        b.modified = at;
        b.status = Status::Draft;
        let exact = a.span.exact.as_str();
        if exact.starts_with("“Have you ever seen such a sea of humanity") {
            continue; // missed
        }
        if exact.starts_with("“Oh Allah") {
            // Stops before the closing comma and quotation mark.
            let text = &p.article(a.article).context("article")?.text;
            b.span = Span::from_text(text, a.span.start, a.span.end - 2)?;
        }
        match &mut b.kind {
            AnnotationKind::Claim(c) if exact.starts_with("Soleimani, 66") => {
                c.verdict = Some("Mostly false".into());
                c.rationale = "Reports give both 62 and 66; most sources say 62.".into();
                c.evidence.clear();
            }
            AnnotationKind::Quote(q) => {
                if exact.starts_with("He also said") {
                    q.speaker = Some(trump);
                }
                for c in &mut q.claims {
                    *c = ids[c];
                }
            }
            _ => {}
        }
        b.note.clear();
        p.layer_mut(SECOND).insert(b);
    }
    // The same groups, but the stampede article's "millions on to the streets" (the whole
    // series of funerals, not one crowd) is left out of the crowd group, whose verdict is
    // another: review has a grouping and a group-verdict disagreement to show.
    let mut groups = Vec::new();
    for g in &p.layer(ANNOTATOR).context("first layer")?.claim_groups {
        let mut g = g.clone();
        g.id = ClaimGroupId::random();
        let crowd = g.statement.starts_with("Millions attended");
        g.members.retain(|m| {
            let exact = source_text(p, m.annotation);
            !(crowd && exact.starts_with("The burial is the last"))
        });
        for m in &mut g.members {
            m.annotation = ids[&m.annotation];
        }
        if crowd {
            g.verdict = Some("Mostly true".into());
            g.rationale = "Aerial pictures show crowds in the millions in Tehran and Ahvaz.".into();
        }
        groups.push(g);
    }
    groups.sort_by_key(|g| g.id);
    p.layer_mut(SECOND).claim_groups = groups;
    Ok(())
}

/// The marked text of one of the first layer's annotations.
fn source_text(p: &Project, id: AnnotationId) -> String {
    p.layer(ANNOTATOR)
        .and_then(|l| l.annotations.iter().find(|a| a.id == id))
        .map(|a| a.span.exact.clone())
        .unwrap_or_default()
}
