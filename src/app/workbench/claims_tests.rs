use super::*;
use crate::model::{
    Annotation, Article, Claim, ClaimGroup, ClaimMember, Provenance, Span, VerdictOverride,
};

const TEXT: &str = "Prices rose 5%. The dam burst. Prices rose 5% again.";

fn claim(id: u64, article: u64, phrase: &str, verdict: Option<&str>) -> Annotation {
    let start = TEXT.find(phrase).unwrap();
    Annotation::new(
        AnnotationId(id),
        ArticleId(article),
        Span::from_text(TEXT, start, start + phrase.len()).unwrap(),
        AnnotationKind::Claim(Claim {
            verdict: verdict.map(str::to_owned),
            ..Claim::default()
        }),
        Provenance::Manual,
        chrono::DateTime::UNIX_EPOCH,
    )
}

/// Claims 1 (Gazette) and 2 (Herald) grouped; 3 alone with a verdict.
fn project(override_verdict: Option<&str>) -> Project {
    let mut p = Project::new("p");
    for (id, outlet) in [(1, "Gazette"), (2, "Herald")] {
        let mut a = Article::new(ArticleId(id), format!("article {id}"), TEXT.into());
        a.outlet = Some(outlet.into());
        p.articles.push(a);
    }
    let layer = p.layer_mut("me");
    layer.insert(claim(1, 1, "Prices rose 5%", None));
    layer.insert(claim(2, 2, "Prices rose 5%", None));
    layer.insert(claim(3, 2, "The dam burst", Some("True")));
    layer.claim_groups.push(ClaimGroup {
        id: ClaimGroupId(5),
        statement: "Prices rose 5 %".into(),
        members: vec![
            ClaimMember {
                annotation: AnnotationId(1),
                verdict_override: None,
            },
            ClaimMember {
                annotation: AnnotationId(2),
                verdict_override: override_verdict.map(|v| VerdictOverride {
                    verdict: v.into(),
                    reason: "wording".into(),
                }),
            },
        ],
        ..ClaimGroup::default()
    });
    assert!(p.problems().is_empty(), "{:?}", p.problems());
    p
}

#[test]
fn groups_and_ungrouped_claims_with_status_and_outlets() {
    let p = project(None);
    let rows = board(&p, "me", "", BoardSort::Appearances);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].group, Some(ClaimGroupId(5)));
    assert_eq!(rows[0].status, CheckStatus::Unchecked);
    assert!(!rows[0].disagree);
    let outlets: Vec<&str> = rows[0]
        .appearances
        .iter()
        .map(|a| a.outlet.as_str())
        .collect();
    assert_eq!(outlets, ["Gazette", "Herald"]);
    assert_eq!(
        (rows[1].group, rows[1].status),
        (None, CheckStatus::Verdict)
    );
    let by_status = board(&p, "me", "", BoardSort::Status);
    assert_eq!(by_status[0].status, CheckStatus::Unchecked);
    assert!(board(&p, "nobody", "", BoardSort::Status).is_empty());
}

#[test]
fn an_override_flags_disagreement_and_the_filter_finds_outlets() {
    let p = project(Some("False"));
    let rows = board(&p, "me", "", BoardSort::Statement);
    let group = rows.iter().find(|r| r.group.is_some()).unwrap();
    assert!(group.disagree);
    assert!(group.appearances[1].overridden);
    assert_eq!(group.appearances[1].verdict.as_deref(), Some("False"));
    let herald = board(&p, "me", "HERALD", BoardSort::Statement);
    assert_eq!(herald.len(), 2);
    let dam = board(&p, "me", "dam", BoardSort::Statement);
    assert_eq!(dam.len(), 1);
    assert_eq!(dam[0].statement, "The dam burst");
}
