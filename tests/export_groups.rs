//! Claim groups in the exports: ClaimReview writes one review per group with every
//! appearance and the group's claimant (a member's override gets its own review); the
//! CSV claim register and the Hugging Face spans carry each claim's group.

use factdesk::export::{self, ExportOptions, Format};
use factdesk::model::*;
use serde_json::Value;
use std::path::Path;

const GAZETTE: &str = "Officials said unemployment fell to 4% in March. Wages rose by 3% in March.";
const HERALD: &str = "Unemployment fell to 4% in March, officials said. The port reopened.";

fn claim(id: u64, article: u64, text: &str, phrase: &str, verdict: Option<&str>) -> Annotation {
    let start = text[..text.find(phrase).unwrap()].chars().count();
    let mut a = Annotation::new(
        AnnotationId(id),
        ArticleId(article),
        Span::from_text(text, start, start + phrase.chars().count()).unwrap(),
        AnnotationKind::Claim(Claim {
            verdict: verdict.map(str::to_owned),
            ..Claim::default()
        }),
        Provenance::Manual,
        chrono::DateTime::parse_from_rfc3339("2026-03-02T10:00:00Z")
            .unwrap()
            .into(),
    );
    a.note.clear();
    a
}

/// Group 77: the unemployment claim in both outlets (the Herald's with a claimant) and the
/// Gazette's wage claim with an override; claim 3 is ungrouped.
fn project() -> Project {
    let mut p = Project::new("groups");
    p.review_url = Some("https://check.example/reviews/{annotation}".into());
    let mut a = Article::new(ArticleId(1), "Jobs figures out", GAZETTE.into());
    a.outlet = Some("Gazette".into());
    a.url = Some("https://gazette.example/jobs".into());
    let mut b = Article::new(ArticleId(2), "Week in review", HERALD.into());
    b.outlet = Some("Herald".into());
    p.articles = vec![a, b];
    p.entities
        .push(Entity::person(EntityId(9), "Statistics office"));
    let layer = p.layer_mut("ann");
    layer.insert(claim(
        1,
        1,
        GAZETTE,
        "unemployment fell to 4% in March",
        None,
    ));
    let mut herald = claim(2, 2, HERALD, "Unemployment fell to 4% in March", None);
    if let AnnotationKind::Claim(c) = &mut herald.kind {
        c.claimant = Some(EntityId(9));
    }
    layer.insert(herald);
    layer.insert(claim(3, 2, HERALD, "The port reopened", Some("True")));
    layer.insert(claim(4, 1, GAZETTE, "Wages rose by 3% in March", None));
    let member = |id| ClaimMember {
        annotation: AnnotationId(id),
        verdict_override: None,
    };
    layer.claim_groups.push(ClaimGroup {
        id: ClaimGroupId(77),
        statement: "Unemployment fell to 4 % in March".into(),
        verdict: Some("False".into()),
        rationale: "The office reported 4.6 %.".into(),
        members: vec![
            member(1),
            member(2),
            ClaimMember {
                annotation: AnnotationId(4),
                verdict_override: Some(VerdictOverride {
                    verdict: "True".into(),
                    reason: "Another figure".into(),
                }),
            },
        ],
        ..ClaimGroup::default()
    });
    assert_eq!(p.problems(), Vec::<Problem>::new());
    p
}

fn run(p: &Project, format: Format, dir: &Path) {
    export::run(p, &ExportOptions::new(format, dir), &mut |_, _| true).unwrap();
}

#[test]
fn claimreview_writes_one_review_per_group_with_every_appearance() {
    let dir = tempfile::tempdir().unwrap();
    run(&project(), Format::ClaimReview, dir.path());
    let text = std::fs::read_to_string(dir.path().join("claimreview.jsonld")).unwrap();
    let reviews: Vec<Value> = serde_json::from_str(&text).unwrap();
    let ids: Vec<&str> = reviews
        .iter()
        .map(|r| r["identifier"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "urn:factdesk:claim-group:77",
            "urn:factdesk:annotation:4",
            "urn:factdesk:annotation:3"
        ]
    );
    let group = &reviews[0];
    assert_eq!(group["@type"], "ClaimReview");
    assert_eq!(group["claimReviewed"], "Unemployment fell to 4 % in March");
    assert_eq!(group["reviewRating"]["alternateName"], "False");
    assert_eq!(group["reviewBody"], "The office reported 4.6 %.");
    assert_eq!(group["url"], "https://check.example/reviews/1");
    let item = &group["itemReviewed"];
    assert_eq!(item["@type"], "Claim");
    assert_eq!(item["author"]["name"], "Statistics office");
    let outlets: Vec<&str> = item["appearance"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["publisher"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(outlets, ["Gazette", "Herald"]);
    assert_eq!(item["appearance"][0]["url"], "https://gazette.example/jobs");
    // The overriding member is reviewed on its own, with its own verdict.
    assert_eq!(reviews[1]["reviewRating"]["alternateName"], "True");
    assert_eq!(
        reviews[1]["itemReviewed"]["appearance"]["headline"],
        "Jobs figures out"
    );
}

#[test]
fn csv_and_hugging_face_carry_the_group() {
    let dir = tempfile::tempdir().unwrap();
    let p = project();
    run(&p, Format::Csv, dir.path());
    let raw = std::fs::read(dir.path().join("claims.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(&raw[3..]);
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<(String, String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (
                r[col("claim_id")].to_owned(),
                r[col("verdict")].to_owned(),
                r[col("group")].to_owned(),
            )
        })
        .collect();
    let row = |id: &str| rows.iter().find(|r| r.0 == id).unwrap().clone();
    assert_eq!(row("1"), ("1".into(), "False".into(), "77".into()));
    assert_eq!(row("2"), ("2".into(), "False".into(), "77".into()));
    assert_eq!(row("4"), ("4".into(), "True".into(), "77".into()));
    assert_eq!(row("3"), ("3".into(), "True".into(), String::new()));

    let dir = tempfile::tempdir().unwrap();
    run(&p, Format::HuggingFace, dir.path());
    let mut groups = Vec::new();
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "jsonl") {
            for line in std::fs::read_to_string(&path).unwrap().lines() {
                let rec: Value = serde_json::from_str(line).unwrap();
                for s in rec["spans"].as_array().unwrap() {
                    groups.push((
                        s["annotation_id"].as_u64().unwrap(),
                        s["claim_group"].clone(),
                        s["verdict"].clone(),
                    ));
                }
            }
        }
    }
    groups.sort_by_key(|g| g.0);
    assert_eq!(
        groups,
        [
            (1, Value::from(77), Value::from("False")),
            (2, Value::from(77), Value::from("False")),
            (3, Value::Null, Value::from("True")),
            (4, Value::from(77), Value::from("True")),
        ]
    );
}
