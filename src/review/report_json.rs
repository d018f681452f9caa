//! The agreement report as JSON (`factdesk agree --json`). An undefined figure is `null`,
//! and its reason is in the object's `reasons` map under the figure's path
//! (`"kappa.verdict": "no items to compare"`).

use super::metrics::Score;
use super::report::{AgreementReport, Counts, PairReport, SubsetFigures};
use serde_json::{Map, Value, json};

/// Collects scores as numbers or nulls, and the reasons for the nulls.
#[derive(Default)]
struct Scores {
    reasons: Map<String, Value>,
}

impl Scores {
    fn put(&mut self, path: &str, s: Score) -> Value {
        match s {
            Score::Value(v) => json!(v),
            Score::NotAvailable(r) => {
                self.reasons.insert(path.to_owned(), json!(r.to_string()));
                Value::Null
            }
        }
    }
}

fn counts(obj: &mut Map<String, Value>, c: &Counts) {
    for (k, v) in [
        ("matched", c.matched),
        ("exact", c.exact),
        ("boundary", c.boundary),
        ("label_mismatch", c.label_mismatch),
        ("only_a", c.only_a),
        ("only_b", c.only_b),
        ("count_a", c.count_a),
        ("count_b", c.count_b),
    ] {
        obj.insert(k.to_owned(), json!(v));
    }
}

fn subset(f: &SubsetFigures, extra: impl FnOnce(&mut Scores, &mut Map<String, Value>)) -> Value {
    let mut s = Scores::default();
    let mut obj = Map::new();
    let f1 = json!({
        "strict": s.put("span_f1.strict", f.span_f1.strict),
        "lenient": s.put("span_f1.lenient", f.span_f1.lenient),
    });
    obj.insert("span_f1".into(), f1);
    counts(&mut obj, &f.counts);
    extra(&mut s, &mut obj);
    obj.insert("reasons".into(), Value::Object(s.reasons));
    Value::Object(obj)
}

fn pair(p: &PairReport) -> Value {
    let mut s = Scores::default();
    let mut obj = Map::new();
    obj.insert("a".into(), json!(p.a));
    obj.insert("b".into(), json!(p.b));
    obj.insert("against_adjudicated".into(), json!(p.against_adjudicated));
    let f1 = json!({
        "strict": s.put("span_f1.strict", p.span_f1.strict),
        "lenient": s.put("span_f1.lenient", p.span_f1.lenient),
    });
    obj.insert("span_f1".into(), f1);
    let k = &p.kappa;
    let kappa = json!({
        "label": s.put("kappa.label", k.label),
        "verdict": s.put("kappa.verdict", k.verdict),
        "check_worthiness": s.put("kappa.check_worthiness", k.check_worthiness),
        "polarity": s.put("kappa.polarity", k.polarity),
        "quote_type": s.put("kappa.quote_type", k.quote_type),
        "speaker": s.put("kappa.speaker", k.speaker),
    });
    obj.insert("kappa".into(), kappa);
    let a = &p.alpha;
    let alpha = json!({
        "label_nominal": s.put("alpha.label_nominal", a.label_nominal),
        "verdict_ordinal": s.put("alpha.verdict_ordinal", a.verdict_ordinal),
        "polarity_ordinal": s.put("alpha.polarity_ordinal", a.polarity_ordinal),
        "check_worthiness_ordinal": s.put("alpha.check_worthiness_ordinal", a.check_worthiness_ordinal),
    });
    obj.insert("alpha".into(), alpha);
    counts(&mut obj, &p.counts);
    let per_label: Map<String, Value> = p
        .per_label
        .iter()
        .map(|(l, f)| (l.clone(), subset(f, |_, _| {})))
        .collect();
    obj.insert("per_label".into(), Value::Object(per_label));
    let per_article: Map<String, Value> = p
        .per_article
        .iter()
        .map(|(id, f)| {
            let v = subset(&f.figures, |s, o| {
                o.insert("title".into(), json!(f.title));
                o.insert("kappa_label".into(), s.put("kappa_label", f.label_kappa));
            });
            (id.to_string(), v)
        })
        .collect();
    obj.insert("per_article".into(), Value::Object(per_article));
    let g = &p.groups;
    let groups = json!({
        "claims": g.claims,
        "groups_a": g.groups_a,
        "groups_b": g.groups_b,
        "pairs_both": g.pairs_both,
        "pairs_only_a": g.pairs_only_a,
        "pairs_only_b": g.pairs_only_b,
        "precision": s.put("groups.precision", g.precision),
        "recall": s.put("groups.recall", g.recall),
        "f1": s.put("groups.f1", g.f1),
        "grouping_differs": g.grouping_differs,
        "verdict_differs": g.verdict_differs,
    });
    obj.insert("groups".into(), groups);
    obj.insert("reasons".into(), Value::Object(s.reasons));
    Value::Object(obj)
}

/// The whole report as a JSON value.
pub fn to_json(report: &AgreementReport) -> Value {
    json!({
        "layers": report.layers,
        "adjudicated": report.adjudicated,
        "pairs": report.pairs.iter().map(pair).collect::<Vec<_>>(),
    })
}
