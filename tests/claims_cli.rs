//! `factdesk factchecks import` and `factdesk claims` as processes, on real files: bad
//! ClaimReview files are refused with the project byte-identical; a good import then
//! `claims --json` shows the match and the groups across articles.

mod common;

use common::{factdesk, p, snapshot, stderr, stdout};
use std::path::Path;

const REVIEWS: &str = r#"{"@context": "https://schema.org", "@graph": [
  {"@type": "WebPage", "name": "Checks"},
  {"@type": "ClaimReview", "url": "https://checks.example.org/spain-4",
   "claimReviewed": "Spain's jobless rate dropped to 4 per cent in 2023",
   "author": {"@type": "Organization", "name": "Example Checks"}, "datePublished": "2024-02-01",
   "reviewRating": {"@type": "Rating", "alternateName": "Mostly true", "ratingValue": 4, "bestRating": 5}},
  {"@type": "ClaimReview", "url": "https://checks.example.org/spain-5",
   "claimReviewed": "Spain's jobless rate dropped to 5 per cent in 2023",
   "reviewRating": {"@type": "Rating", "alternateName": "False"}},
  {"@type": "ClaimReview", "url": "https://checks.example.org/spain-rose",
   "claimReviewed": "Spain's jobless rate rose to 4 per cent in 2023",
   "reviewRating": {"@type": "Rating", "alternateName": "False"}}
]}"#;

/// A project of two articles by two outlets that repeat one claim (and one near miss).
fn project(dir: &Path) -> std::path::PathBuf {
    std::fs::write(
        dir.join("one.txt"),
        "Jobs figures\n\nUnemployment in Spain fell to 4% in 2023, official figures show. The minister welcomed the news.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("two.txt"),
        "Spain in numbers\n\nIn 2023, unemployment in Spain declined to 4 per cent, the ministry said. Unemployment in Portugal fell to 5% in 2023, its statistics office said.\n",
    )
    .unwrap();
    let file = dir.join("p.ron");
    let o = factdesk(&[
        "new",
        p(&file),
        "--import",
        p(&dir.join("one.txt")),
        p(&dir.join("two.txt")),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    file
}

fn refused(dir: &Path, file: &Path, name: &str, bytes: &[u8], says: &str) {
    let bad = dir.join(name);
    std::fs::write(&bad, bytes).unwrap();
    let before = snapshot(file);
    let good = dir.join("good.json");
    std::fs::write(&good, REVIEWS).unwrap();
    // All or nothing: a good file before the bad one is not imported either.
    let o = factdesk(&["factchecks", "import", p(file), p(&good), p(&bad)]);
    assert!(!o.status.success(), "{name} was accepted");
    let err = stderr(&o);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains(name) && err.contains(says), "{name}: {err}");
    assert!(snapshot(file) == before, "{name} changed the project");
}

#[test]
fn bad_claim_review_files_are_refused_with_nothing_changed() {
    let dir = tempfile::tempdir().unwrap();
    let file = project(dir.path());
    refused(
        dir.path(),
        &file,
        "page.html",
        b"<html><body>not json</body></html>",
        "not JSON",
    );
    refused(dir.path(), &file, "empty.json", b"", "not JSON");
    refused(
        dir.path(),
        &file,
        "utf8.json",
        b"[\"\xff\xfe\"]",
        "not UTF-8",
    );
    refused(
        dir.path(),
        &file,
        "types.json",
        br#"{"@type": "ClaimReview", "url": "https://x.example/1", "claimReviewed": "Prices rose", "reviewRating": {"ratingValue": {"v": 1}}}"#,
        "reviewRating.ratingValue: expected a number, found an object",
    );
    refused(
        dir.path(),
        &file,
        "missing.json",
        br#"[{"@type": "ClaimReview", "url": "https://x.example/1", "reviewRating": {"alternateName": "False"}}]"#,
        "claimReviewed: missing",
    );
    refused(
        dir.path(),
        &file,
        "lines.jsonl",
        b"{\"@type\": \"ClaimReview\", \"url\": \"https://x.example/1\", \"claimReviewed\": \"a\"}\n{\"@type\": \"ClaimReview\", \"url\": \"https://x.example/2\", \"claimReviewed\": 5}\n",
        "line 2: ClaimReview.claimReviewed: expected a string",
    );
    // 50 MB: refused from its size, before it is read.
    let huge = dir.path().join("huge.json");
    let f = std::fs::File::create(&huge).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap();
    let before = snapshot(&file);
    let started = std::time::Instant::now();
    let o = factdesk(&["factchecks", "import", p(&file), p(&huge)]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("huge.json") && stderr(&o).contains("MB"),
        "{}",
        stderr(&o)
    );
    assert!(started.elapsed().as_secs() < 5);
    assert!(snapshot(&file) == before);
}

#[test]
fn a_good_import_then_claims_json_shows_the_match_and_the_group() {
    let dir = tempfile::tempdir().unwrap();
    let file = project(dir.path());
    let good = dir.path().join("checks.json");
    std::fs::write(&good, REVIEWS).unwrap();
    let o = factdesk(&["factchecks", "import", p(&file), p(&good)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("added 3 fact-check(s)"),
        "{}",
        stdout(&o)
    );
    let o = factdesk(&["factchecks", "import", p(&file), p(&good)]);
    assert!(stdout(&o).contains("added 0 fact-check(s)") && stdout(&o).contains("3 already there"));

    let o = factdesk(&["claims", p(&file), "--json", "--candidates"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let threshold = v["threshold"].as_f64().unwrap();
    let matches = v["matches"].as_array().unwrap();
    let of = |needle: &str| {
        matches
            .iter()
            .find(|m| m["text"].as_str().unwrap().contains(needle))
            .unwrap_or_else(|| panic!("no claim with {needle:?}: {v:#}"))
    };
    let asserted = |m: &serde_json::Value| -> Vec<String> {
        m["candidates"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["score"].as_f64().unwrap() >= threshold)
            .map(|c| c["url"].as_str().unwrap().to_owned())
            .collect()
    };
    for claim in [
        "Unemployment in Spain fell to 4%",
        "unemployment in Spain declined to 4 per cent",
    ] {
        let m = of(claim);
        assert_eq!(
            asserted(m),
            vec!["https://checks.example.org/spain-4"],
            "{m:#}"
        );
        assert!(m["article"].as_u64().is_some() && m["end"].as_u64() > m["start"].as_u64());
    }
    assert!(asserted(of("Portugal")).is_empty(), "{v:#}");
    let groups = v["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1, "{v:#}");
    let texts: Vec<&str> = groups[0]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts.len(), 2);
    assert!(texts.iter().all(|t| t.contains("Spain")), "{texts:?}");

    // Annotated claims (the suggester's, accepted into a layer) are covered without
    // --candidates.
    let o = factdesk(&["claims", p(&file)]);
    assert!(stdout(&o).contains("0 claim(s)"), "{}", stdout(&o));
    let o = factdesk(&[
        "suggest",
        p(&file),
        "--apply",
        "--layer",
        "alice",
        "--kinds",
        "claims",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = factdesk(&["claims", p(&file)]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("group 1:"), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("checked before: Mostly true, by Example Checks on 2024-02-01"),
        "{}",
        stdout(&o)
    );
}

/// Groups of `claims --json`, each as its members' texts.
fn group_texts(file: &Path) -> Vec<Vec<String>> {
    let o = factdesk(&["claims", p(file), "--json", "--candidates"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            g.as_array()
                .unwrap()
                .iter()
                .map(|m| m["text"].as_str().unwrap().to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn two_outlets_restating_one_earlier_check_meet_through_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("wire.txt"),
        "Islands wire\n\nTuvalu earned 10 million US dollars from leasing its .tv internet suffix in 2023, the finance ministry said.\n",
    )
    .unwrap();
    std::fs::write(
        d.join("tabloid.txt"),
        "Tabloid\n\nTwo little letters brought the islands ten million dollars of easy money in 2023.\n",
    )
    .unwrap();
    let file = d.join("p.ron");
    let o = factdesk(&[
        "new",
        p(&file),
        "--import",
        p(&d.join("wire.txt")),
        p(&d.join("tabloid.txt")),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Their words share too little to be one claim by wording alone.
    assert!(group_texts(&file).is_empty());
    let checks = d.join("checks.json");
    std::fs::write(
        &checks,
        r#"[{"@type": "ClaimReview", "url": "https://checks.example.org/tv",
              "claimReviewed": "Tuvalu earned US$10 million from its .tv domain in 2023",
              "reviewRating": {"alternateName": "True"}},
             {"@type": "ClaimReview", "url": "https://checks.example.org/ai",
              "claimReviewed": "Anguilla earned US$30 million from its .ai domain in 2023",
              "reviewRating": {"alternateName": "True"}}]"#,
    )
    .unwrap();
    let o = factdesk(&["factchecks", "import", p(&file), p(&checks)]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The check both restate files them together.
    let groups = group_texts(&file);
    assert_eq!(groups.len(), 1, "{groups:?}");
    assert!(
        groups[0].iter().any(|t| t.starts_with("Tuvalu earned")),
        "{groups:?}"
    );
    assert!(
        groups[0]
            .iter()
            .any(|t| t.starts_with("Two little letters")),
        "{groups:?}"
    );
}
