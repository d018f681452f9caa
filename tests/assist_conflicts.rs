//! The conflicts suggester on a small set of cases written for it
//! (`tests/data/conflicts/cases.txt`, each sentence our own, in other shapes than
//! news-dev): tolls worded many ways, number words, vague against precise figures,
//! same-number traps, background paragraphs about other events, ages spelled two ways,
//! updates explained by dates. Each case builds a project and runs `assist::suggest` as the
//! window and the CLI do.

use chrono::NaiveDate;
use factdesk::assist::{self, Conflict, Options, SuggestionKind};
use factdesk::model::{Article, ArticleId, Project, text};
use std::sync::atomic::AtomicBool;

/// One case of the data file.
#[derive(Default)]
struct Case {
    title: String,
    articles: Vec<(Option<NaiveDate>, String)>,
    expectations: Vec<String>,
}

fn cases() -> Vec<Case> {
    let data = include_str!("data/conflicts/cases.txt");
    let mut out: Vec<Case> = Vec::new();
    for line in data.lines() {
        if let Some(title) = line.strip_prefix("# case: ") {
            out.push(Case {
                title: title.to_owned(),
                ..Case::default()
            });
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let case = out.last_mut().expect("a case title first");
        if let Some(rest) = line.strip_prefix("== article") {
            let date = NaiveDate::parse_from_str(rest.trim(), "%Y-%m-%d").ok();
            case.articles.push((date, String::new()));
        } else if ["conflict ", "no-conflict ", "never ", "none"]
            .iter()
            .any(|p| line.starts_with(p))
        {
            case.expectations.push(line.to_owned());
        } else {
            let (_, body) = case.articles.last_mut().expect("an article first");
            body.push_str(line);
            body.push('\n');
        }
    }
    out
}

fn run(case: &Case) -> Vec<Conflict> {
    let mut p = Project::new("cases");
    for (i, (date, body)) in case.articles.iter().enumerate() {
        let mut a = Article::new(
            ArticleId(i as u64 + 1),
            format!("article {}", i + 1),
            text::normalize(body),
        );
        a.published = *date;
        p.articles.push(a);
    }
    let options = Options {
        kinds: [SuggestionKind::Conflict].into_iter().collect(),
        ..Options::default()
    };
    assist::suggest(&p, &options, &mut |_| {}, &AtomicBool::new(false))
        .expect("suggest")
        .conflicts
}

/// Whether a conflict holds a value written `want` ("1,400", "dozens").
fn holds(c: &Conflict, want: &str) -> bool {
    let number: Option<f64> = want.replace(',', "").parse().ok();
    c.values
        .iter()
        .any(|v| v.reading == want || number.is_some_and(|n| v.value == n && !v.vague))
}

fn check(case: &Case, conflicts: &[Conflict]) -> Result<(), String> {
    let shown = || {
        conflicts
            .iter()
            .map(|c| {
                let values: Vec<String> = c
                    .values
                    .iter()
                    .map(|v| format!("{}:{}", v.article.0, v.reading))
                    .collect();
                format!(
                    "{} [{}] update={}",
                    c.fact,
                    values.join(", "),
                    c.possible_update
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    for e in &case.expectations {
        let words: Vec<&str> = e.split_whitespace().collect();
        let ok = match words.as_slice() {
            ["none"] => conflicts.is_empty(),
            ["no-conflict", kind] => conflicts.iter().all(|c| c.kind != *kind),
            ["never", value] => {
                let (article, value) = match value.split_once(':') {
                    Some((a, v)) => (a.parse::<u64>().ok(), v),
                    None => (None, *value),
                };
                let n: f64 = value.replace(',', "").parse().unwrap_or(f64::NAN);
                conflicts.iter().all(|c| {
                    c.values
                        .iter()
                        .all(|v| v.value != n || article.is_some_and(|a| v.article.0 != a))
                })
            }
            ["conflict", kind, rest @ ..] => {
                let (values, update) = match rest.last() {
                    Some(&"update") => (&rest[..rest.len() - 1], Some(true)),
                    Some(&"contradiction") => (&rest[..rest.len() - 1], Some(false)),
                    _ => (rest, None),
                };
                conflicts.iter().any(|c| {
                    c.kind == *kind
                        && values.iter().all(|v| holds(c, v))
                        && update.is_none_or(|u| c.possible_update == u)
                })
            }
            _ => return Err(format!("unreadable expectation {e:?}")),
        };
        if !ok {
            return Err(format!(
                "case {:?}: expected {e:?}, got: {}",
                case.title,
                shown()
            ));
        }
    }
    Ok(())
}

#[test]
fn every_case_of_the_set_holds() {
    let cases = cases();
    assert!(cases.len() >= 10, "the set has {} cases", cases.len());
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| check(c, &run(c)).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn an_update_says_why_and_json_keeps_its_shape() {
    let case = cases()
        .into_iter()
        .find(|c| c.title.starts_with("earthquake"))
        .expect("earthquake case");
    let conflicts = run(&case);
    let toll = conflicts
        .iter()
        .find(|c| c.kind == "dead")
        .expect("a toll conflict");
    assert!(toll.possible_update);
    let why = toll.why.as_deref().unwrap_or("");
    assert!(why.contains("98") && why.contains("130"), "{why}");
    let json = assist::json::to_json(&assist::Suggestions {
        conflicts: conflicts.clone(),
        ..Default::default()
    });
    let c = &json["conflicts"][0];
    for key in ["fact", "values", "possible_update", "score", "kind", "why"] {
        assert!(!c[key].is_null(), "{key} missing in {c}");
    }
    for key in ["article", "value", "text", "start", "end", "reading"] {
        assert!(!c["values"][0][key].is_null(), "{key} missing in {c}");
    }
}
