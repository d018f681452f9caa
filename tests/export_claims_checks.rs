//! The CSV claim register lists each claim's earlier fact-checks from the project's library:
//! the matches (at or above the threshold) with their ratings, after the older columns; a
//! near miss (another number) and an unrelated check are left out.

use factdesk::export::{self, ExportOptions, Format};
use factdesk::model::*;

const TEXT: &str = "Officials said unemployment in Spain fell to 4% in 2023. The port reopened.";

fn claim(id: u64, phrase: &str) -> Annotation {
    let start = TEXT[..TEXT.find(phrase).unwrap()].chars().count();
    Annotation::new(
        AnnotationId(id),
        ArticleId(1),
        Span::from_text(TEXT, start, start + phrase.chars().count()).unwrap(),
        AnnotationKind::Claim(Claim::default()),
        Provenance::Manual,
        chrono::DateTime::UNIX_EPOCH,
    )
}

fn check(url: &str, claim: &str, rating: &str) -> FactCheck {
    FactCheck {
        url: url.into(),
        claim_reviewed: claim.into(),
        rating: Rating {
            label: rating.into(),
            ..Rating::default()
        },
        ..FactCheck::default()
    }
}

#[test]
fn the_register_lists_matching_earlier_checks_with_their_ratings() {
    let mut p = Project::new("checks");
    p.articles
        .push(Article::new(ArticleId(1), "Jobs", TEXT.into()));
    let layer = p.layer_mut("ann");
    layer.insert(claim(1, "unemployment in Spain fell to 4% in 2023"));
    layer.insert(claim(2, "The port reopened"));
    p.fact_checks = vec![
        check(
            "https://check.example/spain-jobs",
            "Spain's unemployment fell to 4% in 2023",
            "False",
        ),
        check(
            "https://check.example/spain-five",
            "Unemployment in Spain fell to 5% in 2023",
            "True",
        ),
        check(
            "https://check.example/lyon",
            "The mayor of Lyon spent €3m on a stadium",
            "Mostly false",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    export::run(
        &p,
        &ExportOptions::new(Format::Csv, dir.path()),
        &mut |_, _| true,
    )
    .unwrap();
    let raw = std::fs::read(dir.path().join("claims.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(&raw[3..]);
    let header = reader.headers().unwrap().clone();
    let names: Vec<&str> = header.iter().collect();
    assert_eq!(names[0], "claim_id");
    assert_eq!(names[11], "group");
    assert_eq!(names[12..], ["earlier_checks", "earlier_check_ratings"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let row = |id: &str| rows.iter().find(|r| &r[0] == id).unwrap();
    assert_eq!(&row("1")[12], "https://check.example/spain-jobs");
    assert_eq!(&row("1")[13], "False");
    assert_eq!(&row("2")[12], "");
    assert_eq!(&row("2")[13], "");
}
