//! Agreement figures for every pair of annotator layers (and each annotator against the
//! adjudicated layer): span F1, Cohen's kappa and Krippendorff's alpha on the fields of
//! aligned spans, counts, per label and per article. The CLI (`agree`), the dataset card
//! and the GUI all read this one report.

use super::align::{Alignment, LabelKey};
use super::disagreement::{align_layers, find_layer};
use super::error::ReviewError;
use super::groups::{GroupFigures, compare_groups};
use super::metrics::{Level, Score, SpanF1, cohen_kappa, krippendorff_alpha};
use crate::model::{AnnotationKind, ArticleId, Layer, LayerRole, Project};
use std::collections::{BTreeMap, HashMap};

/// Cohen's kappa on the fields of aligned pairs. Each is computed over the pairs where both
/// sides gave a value (a claim without a verdict is not yet rated).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Kappas {
    /// The label (kind, or the tag's label) of every aligned pair.
    pub label: Score,
    pub verdict: Score,
    pub check_worthiness: Score,
    /// Sentiment polarity as a category.
    pub polarity: Score,
    pub quote_type: Score,
    pub speaker: Score,
}

/// Krippendorff's alpha on aligned pairs: nominal for categories, ordinal for scales.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Alphas {
    pub label_nominal: Score,
    /// On the verdict scale's numbers (the project schema's `value`).
    pub verdict_ordinal: Score,
    pub polarity_ordinal: Score,
    /// NonFactual < Unimportant < CheckWorthy.
    pub check_worthiness_ordinal: Score,
}

/// How the two layers' annotations were aligned.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub count_a: usize,
    pub count_b: usize,
    /// Aligned pairs, whatever their labels.
    pub matched: usize,
    /// Same span, same label.
    pub exact: usize,
    /// Overlapping spans, same label, different boundaries.
    pub boundary: usize,
    /// Aligned pairs with different labels.
    pub label_mismatch: usize,
    pub only_a: usize,
    pub only_b: usize,
}

impl Counts {
    fn add(&mut self, al: &Alignment) {
        for p in &al.pairs {
            self.matched += 1;
            if p.is_exact() {
                self.exact += 1;
            } else if p.same_label() {
                self.boundary += 1;
            } else {
                self.label_mismatch += 1;
            }
        }
        self.count_a += al.pairs.len() + al.only_a.len();
        self.count_b += al.pairs.len() + al.only_b.len();
        self.only_a += al.only_a.len();
        self.only_b += al.only_b.len();
    }

    pub fn span_f1(&self) -> SpanF1 {
        SpanF1::new(self.exact, self.boundary, self.count_a, self.count_b)
    }
}

/// Add one article's alignment to the per-label counts, in one pass. A pair with two
/// different labels leaves each label unmatched.
fn count_labels<'a>(al: &Alignment<'a>, counts: &mut HashMap<&'a str, Counts>) {
    for p in &al.pairs {
        let (la, lb) = (p.a.kind.label(), p.b.kind.label());
        if la == lb {
            let c = counts.entry(la).or_default();
            c.count_a += 1;
            c.count_b += 1;
            c.matched += 1;
            if p.is_exact() {
                c.exact += 1;
            } else {
                c.boundary += 1;
            }
        } else {
            let c = counts.entry(la).or_default();
            c.count_a += 1;
            c.only_a += 1;
            let c = counts.entry(lb).or_default();
            c.count_b += 1;
            c.only_b += 1;
        }
    }
    for x in &al.only_a {
        let c = counts.entry(x.kind.label()).or_default();
        c.count_a += 1;
        c.only_a += 1;
    }
    for y in &al.only_b {
        let c = counts.entry(y.kind.label()).or_default();
        c.count_b += 1;
        c.only_b += 1;
    }
}

/// Span F1 and counts for a subset (one label, one article).
#[derive(Clone, Debug, PartialEq)]
pub struct SubsetFigures {
    pub span_f1: SpanF1,
    pub counts: Counts,
}

/// Per-article figures, with the article's title for display.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleFigures {
    pub title: String,
    pub figures: SubsetFigures,
    /// Kappa on labels of this article's aligned pairs.
    pub label_kappa: Score,
}

/// Everything measured between two layers.
#[derive(Clone, Debug, PartialEq)]
pub struct PairReport {
    pub a: String,
    pub b: String,
    /// True when `b` is the adjudicated layer ("how far is `a` from the final result").
    pub against_adjudicated: bool,
    pub span_f1: SpanF1,
    pub kappa: Kappas,
    pub alpha: Alphas,
    pub counts: Counts,
    pub per_label: BTreeMap<String, SubsetFigures>,
    pub per_article: BTreeMap<ArticleId, ArticleFigures>,
    /// How the two layers grouped the claims both marked (pairwise P/R/F1).
    pub groups: GroupFigures,
}

/// All pairs of a project's layers.
#[derive(Clone, Debug, PartialEq)]
pub struct AgreementReport {
    /// The annotator layers compared, in project order.
    pub layers: Vec<String>,
    /// The adjudicated layer, when it exists and was included.
    pub adjudicated: Option<String>,
    pub pairs: Vec<PairReport>,
}

/// Which layers [`agreement_report`] compares.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// Only these layers (annotator or adjudicated); all when `None`.
    pub layers: Option<Vec<String>>,
}

/// Interns labels as small numbers for alpha.
#[derive(Default)]
struct Codes<'s>(Vec<LabelKey<'s>>);

impl<'s> Codes<'s> {
    fn code(&mut self, kind: &'s AnnotationKind) -> f64 {
        let key = LabelKey::of(kind);
        let i = match self.0.iter().position(|k| *k == key) {
            Some(i) => i,
            None => {
                self.0.push(key);
                self.0.len() - 1
            }
        };
        i as f64
    }
}

/// Measure layers `a` and `b` over every article of `project`.
pub fn pair_report(project: &Project, a: &Layer, b: &Layer) -> PairReport {
    let aligned = align_layers(project, a, b);
    let mut counts = Counts::default();
    let mut per_label: BTreeMap<String, SubsetFigures> = BTreeMap::new();
    let mut label_counts: HashMap<&str, Counts> = HashMap::new();
    let mut per_article = BTreeMap::new();
    let titles: HashMap<ArticleId, &str> = project
        .articles
        .iter()
        .map(|x| (x.id, x.title.as_str()))
        .collect();
    for (article, al) in &aligned {
        let mut c = Counts::default();
        c.add(al);
        counts.count_a += c.count_a;
        counts.count_b += c.count_b;
        counts.matched += c.matched;
        counts.exact += c.exact;
        counts.boundary += c.boundary;
        counts.label_mismatch += c.label_mismatch;
        counts.only_a += c.only_a;
        counts.only_b += c.only_b;
        count_labels(al, &mut label_counts);
        per_article.insert(
            *article,
            ArticleFigures {
                title: titles.get(article).copied().unwrap_or_default().to_owned(),
                figures: SubsetFigures {
                    span_f1: c.span_f1(),
                    counts: c,
                },
                label_kappa: cohen_kappa(
                    al.pairs
                        .iter()
                        .map(|p| (p.a.kind.label(), p.b.kind.label())),
                ),
            },
        );
    }
    for (l, c) in label_counts {
        per_label.insert(
            l.to_owned(),
            SubsetFigures {
                span_f1: c.span_f1(),
                counts: c,
            },
        );
    }

    let pairs = || aligned.iter().flat_map(|(_, al)| al.pairs.iter());
    let claims = || {
        pairs().filter_map(|p| match (&p.a.kind, &p.b.kind) {
            (AnnotationKind::Claim(x), AnnotationKind::Claim(y)) => Some((x, y)),
            _ => None,
        })
    };
    let quotes = || {
        pairs().filter_map(|p| match (&p.a.kind, &p.b.kind) {
            (AnnotationKind::Quote(x), AnnotationKind::Quote(y)) => Some((x, y)),
            _ => None,
        })
    };
    let polarities = || {
        pairs().filter_map(|p| match (&p.a.kind, &p.b.kind) {
            (AnnotationKind::Sentiment(x), AnnotationKind::Sentiment(y)) => {
                Some((x.polarity, y.polarity))
            }
            _ => None,
        })
    };
    let verdicts =
        || claims().filter_map(|(x, y)| Some((x.verdict.as_deref()?, y.verdict.as_deref()?)));
    let worthiness =
        || claims().filter_map(|(x, y)| Some((x.check_worthiness?, y.check_worthiness?)));
    let kappa = Kappas {
        label: cohen_kappa(pairs().map(|p| (LabelKey::of(&p.a.kind), LabelKey::of(&p.b.kind)))),
        verdict: cohen_kappa(verdicts()),
        check_worthiness: cohen_kappa(worthiness()),
        polarity: cohen_kappa(polarities()),
        quote_type: cohen_kappa(quotes().map(|(x, y)| (x.quote_type, y.quote_type))),
        speaker: cohen_kappa(quotes().filter_map(|(x, y)| Some((x.speaker?, y.speaker?)))),
    };
    let mut codes = Codes::default();
    let label_units: Vec<[f64; 2]> = pairs()
        .map(|p| [codes.code(&p.a.kind), codes.code(&p.b.kind)])
        .collect();
    let scale = |v: &str| project.schema.verdict(v).map(|l| f64::from(l.value));
    let alpha = Alphas {
        label_nominal: krippendorff_alpha(label_units, Level::Nominal),
        verdict_ordinal: krippendorff_alpha(
            verdicts().filter_map(|(x, y)| Some([scale(x)?, scale(y)?])),
            Level::Ordinal,
        ),
        polarity_ordinal: krippendorff_alpha(
            polarities().map(|(x, y)| [f64::from(x), f64::from(y)]),
            Level::Ordinal,
        ),
        check_worthiness_ordinal: krippendorff_alpha(
            worthiness().map(|(x, y)| [f64::from(x as u8), f64::from(y as u8)]),
            Level::Ordinal,
        ),
    };
    PairReport {
        a: a.annotator.clone(),
        b: b.annotator.clone(),
        against_adjudicated: b.role == LayerRole::Adjudicated,
        span_f1: counts.span_f1(),
        kappa,
        alpha,
        counts,
        per_label,
        per_article,
        groups: GroupFigures::of(a, b, &compare_groups(project, a, b)),
    }
}

/// Every pair of annotator layers, then every annotator layer against the adjudicated
/// layer (if there is one), limited to `options.layers` when given.
pub fn agreement_report(
    project: &Project,
    options: &ReportOptions,
) -> Result<AgreementReport, ReviewError> {
    let mut chosen: Vec<&Layer> = match &options.layers {
        Some(names) => names
            .iter()
            .map(|n| find_layer(project, n))
            .collect::<Result<_, _>>()?,
        None => project.layers.iter().collect(),
    };
    // A layer named twice is compared once.
    let mut seen = std::collections::HashSet::new();
    chosen.retain(|l| seen.insert(l.annotator.as_str()));
    let is_adjudicated = |l: &Layer| l.role == LayerRole::Adjudicated;
    let raters: Vec<&Layer> = chosen
        .iter()
        .copied()
        .filter(|l| !is_adjudicated(l))
        .collect();
    let adjudicated = chosen.iter().copied().find(|l| is_adjudicated(l));
    let mut pairs = Vec::new();
    for (i, a) in raters.iter().enumerate() {
        for b in &raters[i + 1..] {
            pairs.push(pair_report(project, a, b));
        }
    }
    if let Some(adj) = adjudicated {
        for a in &raters {
            pairs.push(pair_report(project, a, adj));
        }
    }
    Ok(AgreementReport {
        layers: raters.iter().map(|l| l.annotator.clone()).collect(),
        adjudicated: adjudicated.map(|l| l.annotator.clone()),
        pairs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::metrics::NotAvailable;
    use crate::review::test_support::{claim, project_with, tag};

    #[test]
    fn figures() {
        let p = project_with(
            vec![
                claim(1, 0, 8, "True"),
                claim(2, 14, 23, "False"),
                tag(3, 40, 48, "Number"),
                tag(7, 52, 58, "Date"),
            ],
            vec![
                claim(4, 0, 8, "True"),
                claim(5, 14, 25, "True"),
                tag(6, 40, 48, "Place"),
            ],
        );
        let r = agreement_report(&p, &ReportOptions::default()).unwrap();
        assert_eq!(r.layers, ["alice", "bob"]);
        let g = &r.pairs[0];
        let c = g.counts;
        assert_eq!((c.count_a, c.count_b), (4, 3));
        assert_eq!(
            (c.matched, c.exact, c.boundary, c.label_mismatch),
            (3, 1, 1, 1)
        );
        assert_eq!((c.only_a, c.only_b), (1, 0));
        assert_eq!(g.span_f1.strict, Score::Value(2.0 / 7.0));
        assert_eq!(g.span_f1.lenient, Score::Value(4.0 / 7.0));
        // Verdicts (True, True), (False, True): Ao = 0.5, Ae = 0.5 → κ = 0.
        assert_eq!(g.kappa.verdict, Score::Value(0.0));
        assert_eq!(g.kappa.polarity.reason(), Some(NotAvailable::NoItems));
        let claim = &g.per_label["claim"].counts;
        assert_eq!(
            (claim.count_a, claim.count_b, claim.exact, claim.boundary),
            (2, 2, 1, 1)
        );
        let number = &g.per_label["Number"].counts;
        assert_eq!((number.count_a, number.count_b, number.only_a), (1, 0, 1));
        assert_eq!(g.per_label["Place"].counts.only_b, 1);
        assert_eq!(g.per_article.len(), 1);
        assert_eq!(g.per_article[&ArticleId(1)].figures.counts, c);
    }

    #[test]
    fn full_agreement_is_one_and_single_category_is_na() {
        let same = || vec![claim(1, 0, 8, "True"), claim(2, 14, 23, "False")];
        let mut b = same();
        b[0].id.0 = 11;
        b[1].id.0 = 12;
        let p = project_with(same(), b);
        let g = pair_report(&p, p.layer("alice").unwrap(), p.layer("bob").unwrap());
        assert_eq!(g.span_f1.strict, Score::Value(1.0));
        assert_eq!(g.kappa.verdict, Score::Value(1.0));
        assert_eq!(g.alpha.verdict_ordinal, Score::Value(1.0));
        // Every pair is a claim: one category, kappa and alpha undefined.
        assert_eq!(g.kappa.label.reason(), Some(NotAvailable::SingleCategory));
        assert_eq!(
            g.alpha.label_nominal.reason(),
            Some(NotAvailable::SingleCategory)
        );
    }
}
