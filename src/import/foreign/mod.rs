//! Importing annotations made in other tools (doccano, Label Studio, brat) into a layer.
//!
//! Each format's parser turns its files into [`ForeignDoc`]s: the text as the tool stored it
//! and regions in the tool's own offsets. [`apply`] then matches every document to a
//! project article by its normalised text (an article with the same text, or the same text
//! without surrounding whitespace, as factdesk's text import trims it); documents whose text
//! is not in the project become new articles. Offsets are converted to code points of the
//! article text and every span is checked against the text the file says it covers. A span
//! that does not land on the text is reported with its line or record and left out — never
//! shifted to make it fit.
//!
//! Malformed files (invalid JSON, a line brat cannot read, offsets that are not numbers)
//! stop the import with an error naming the file and the line or record; the project is
//! not changed.

pub mod brat;
pub mod doccano;
pub mod label_studio;

use super::ImportError;
use crate::interchange::names::{self, REL_CLAIM, REL_SPEAKER, SPEAKER};
use crate::model::text::{self, TextIndex, Utf16Index};
use crate::model::{
    Annotation, AnnotationId, AnnotationKind, Article, ArticleId, Claim, Context, Edit, IdMinter,
    KindName, Plan, Project, Provenance, Quote, Sentiment, Span, Status,
};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The tools whose files can be imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum ForeignFormat {
    Doccano,
    #[value(alias = "labelstudio", alias = "label_studio")]
    LabelStudio,
    Brat,
}

impl ForeignFormat {
    pub const ALL: [ForeignFormat; 3] = [Self::Doccano, Self::LabelStudio, Self::Brat];

    pub fn name(self) -> &'static str {
        match self {
            Self::Doccano => "doccano",
            Self::LabelStudio => "label-studio",
            Self::Brat => "brat",
        }
    }
}

impl fmt::Display for ForeignFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ForeignFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().to_ascii_lowercase();
        match s.as_str() {
            "labelstudio" | "label_studio" => return Ok(Self::LabelStudio),
            _ => {}
        }
        Self::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| format!("unknown format {s:?}; use doccano, label-studio or brat"))
    }
}

/// How a tool counts offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Units {
    CodePoints,
    /// Code points, or UTF-16 units when only that reading matches the stored span text
    /// (Label Studio before it switched to code points).
    CodePointsOrUtf16,
}

/// What the file says a region's text is, to check the offsets against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredText {
    None,
    /// The covered text itself.
    Exact(String),
    /// brat's text column: the fragments' texts joined by a space.
    Fragments(String),
}

/// Fields a tool can hold for a region, by factdesk's names; parsed in [`apply`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fields {
    /// The speaker's entity name (a quote's speaker when no speaker region is linked, or
    /// to resolve the linked region to an entity).
    pub speaker: Option<String>,
    pub quote_type: Option<String>,
    pub cue: Option<String>,
    pub check_worthiness: Option<String>,
    pub verdict: Option<String>,
    pub rationale: Option<String>,
    pub claimant: Option<String>,
    pub polarity: Option<String>,
    pub stance: Option<String>,
    pub target: Option<String>,
    pub note: Option<String>,
}

impl Fields {
    /// Set a field by its export name; `false` for a name factdesk has no field for.
    pub fn set(&mut self, name: &str, value: String) -> bool {
        let slot = match name {
            "speaker" | "Speaker" => &mut self.speaker,
            "quote_type" | "QuoteType" => &mut self.quote_type,
            "cue" | "Cue" => &mut self.cue,
            "check_worthiness" | "CheckWorthiness" => &mut self.check_worthiness,
            "verdict" | "Verdict" => &mut self.verdict,
            "rationale" | "Rationale" => &mut self.rationale,
            "claimant" | "Claimant" => &mut self.claimant,
            "polarity" | "Polarity" => &mut self.polarity,
            "stance" | "Stance" => &mut self.stance,
            "target" | "Target" => &mut self.target,
            "note" | "AnnotatorNotes" => &mut self.note,
            _ => return false,
        };
        *slot = Some(value);
        true
    }
}

/// A labelled stretch of text as another tool stored it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    /// Its id within the document, for relations and per-region fields.
    pub key: String,
    /// Where it is in the file, for messages: `line 3, label 2`, `task 4, region "r1"`.
    pub at: String,
    /// `(start, end)` in the tool's units; several for brat's discontinuous spans.
    pub fragments: Vec<(usize, usize)>,
    pub stored: StoredText,
    pub label: String,
    pub fields: Fields,
}

/// A link between two regions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    pub from: String,
    pub to: String,
    pub label: String,
    pub at: String,
}

/// One document of another tool's file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForeignDoc {
    /// Where it is in the file: `line 3`, `task 2`, `a.ann`.
    pub at: String,
    /// The text exactly as the tool stored it.
    pub text: String,
    pub title: Option<String>,
    pub units: Units,
    pub regions: Vec<Region>,
    pub relations: Vec<Relation>,
    /// Things in the document that factdesk does not import, said once each.
    pub skipped: Vec<Skipped>,
}

impl ForeignDoc {
    pub fn new(at: String, text: String, units: Units) -> Self {
        Self {
            at,
            text,
            title: None,
            units,
            regions: Vec::new(),
            relations: Vec::new(),
            skipped: Vec::new(),
        }
    }
}

/// Something left out, and why, located in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub at: String,
    pub reason: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.reason)
    }
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub documents: usize,
    pub articles_matched: usize,
    pub articles_created: usize,
    pub annotations: usize,
    /// Regions whose offsets were read as UTF-16 units (old Label Studio files), verified
    /// against their stored text.
    pub utf16_regions: usize,
    pub skipped: Vec<Skipped>,
}

/// Why an import stopped; nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum ForeignError {
    #[error(transparent)]
    Read(#[from] ImportError),
    #[error("{}: {at}: {message}", path.display())]
    Invalid {
        path: PathBuf,
        at: String,
        message: String,
    },
}

impl ForeignError {
    pub(crate) fn invalid(path: &Path, at: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Invalid {
            path: path.to_owned(),
            at: at.into(),
            message: message.into(),
        }
    }

    /// A JSON syntax or type error; `line` overrides serde's line (for one-line records).
    pub(crate) fn json(path: &Path, e: &serde_json::Error, line: Option<usize>) -> Self {
        Self::Read(ImportError::Json {
            path: path.to_owned(),
            line: line.unwrap_or(e.line()),
            col: e.column(),
            message: e.to_string(),
        })
    }
}

/// Read a whole UTF-8 file, refusing huge ones.
pub(crate) fn read_text(path: &Path) -> Result<String, ForeignError> {
    Ok(super::read_utf8(path)?)
}

/// Parse a file (for brat also a folder, or the `.txt` beside an `.ann`).
pub fn read(format: ForeignFormat, path: &Path) -> Result<Vec<ForeignDoc>, ForeignError> {
    match format {
        ForeignFormat::Doccano => doccano::parse(&read_text(path)?, path),
        ForeignFormat::LabelStudio => label_studio::parse(&read_text(path)?, path),
        ForeignFormat::Brat => brat::read(path),
    }
}

/// Read `path` and plan adding its annotations to `layer` (created if missing).
pub fn import_file(
    project: &Project,
    format: ForeignFormat,
    path: &Path,
    layer: &str,
    context: &Context,
) -> Result<ForeignImport, ForeignError> {
    let docs = read(format, path)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    Ok(plan(
        project,
        docs,
        &format!("{format}:{name}"),
        layer,
        context,
    ))
}

/// What importing another tool's annotations would do: the edits and the counts for the
/// user.
#[derive(Debug, Default)]
pub struct ForeignImport {
    pub plan: Plan,
    pub report: ImportReport,
}

/// Where one document's offsets land in its article.
struct Placement {
    raw_index: TextIndex,
    utf16: Option<Utf16Index>,
    /// Raw code point → normalised code point, when normalising changed the text.
    norm_map: Option<HashMap<usize, usize>>,
    /// Code points trimmed from the start of the normalised text.
    shift: usize,
}

impl Placement {
    /// Raw code-point offset → article offset.
    fn to_article(&self, raw_cp: usize, article_len: usize) -> Result<usize, String> {
        let norm = match &self.norm_map {
            None => raw_cp,
            Some(m) => *m
                .get(&raw_cp)
                .ok_or_else(|| format!("offset {raw_cp} could not be mapped"))?,
        };
        let pos = norm
            .checked_sub(self.shift)
            .filter(|&p| p <= article_len)
            .ok_or_else(|| {
                "the span lies in whitespace around the text, which factdesk trims".to_owned()
            })?;
        Ok(pos)
    }
}

/// Normalised code-point offset of each raw code-point offset in `positions`, by
/// normalising the text between consecutive positions. A position that falls inside
/// something normalisation merges (between CR and LF, before a combining mark) gets no
/// entry, so its span is reported and skipped instead of landing one character off; the
/// positions after it stay exact because the text is not cut there.
fn normalized_offsets(raw: &str, positions: &BTreeSet<usize>) -> HashMap<usize, usize> {
    use unicode_normalization::char::canonical_combining_class;
    let mut out = HashMap::with_capacity(positions.len());
    let mut wanted = positions.iter().copied().peekable();
    let mut count = 0;
    let mut seg_start = 0;
    let mut prev: Option<char> = None;
    let chars = raw
        .char_indices()
        .map(|(b, c)| (b, Some(c)))
        .chain([(raw.len(), None)]);
    for (cp, (byte, cur)) in chars.enumerate() {
        while wanted.peek() == Some(&cp) {
            wanted.next();
            let inside_crlf = prev == Some('\r') && cur == Some('\n');
            let before_mark = cur.is_some_and(|c| canonical_combining_class(c) != 0);
            if inside_crlf || before_mark {
                continue;
            }
            count += text::char_len(&text::normalize(&raw[seg_start..byte]));
            seg_start = byte;
            out.insert(cp, count);
        }
        if wanted.peek().is_none() {
            break;
        }
        prev = cur;
    }
    out
}

/// A region placed on its article: span and the fields to build its annotation from.
struct Placed<'r> {
    region: &'r Region,
    span: Span,
}

/// Where an article a document lands on is: already in the project, or new in this plan.
#[derive(Clone, Copy)]
enum ArticleAt {
    Project(usize),
    New(usize),
}

/// Plan adding the documents' annotations to `layer`. `from` goes into each annotation's
/// `Provenance::Imported`. Documents whose text is not in the project become articles.
///
/// Linear in the number of documents and articles: articles are found through hash maps
/// (by text hash and by id), never by scanning the project per document.
pub fn plan(
    project: &Project,
    docs: Vec<ForeignDoc>,
    from: &str,
    layer: &str,
    context: &Context,
) -> ForeignImport {
    let mut report = ImportReport::default();
    let mut by_hash: HashMap<String, ArticleId> = HashMap::new();
    let mut position: HashMap<ArticleId, ArticleAt> =
        HashMap::with_capacity(project.articles.len());
    for (i, a) in project.articles.iter().enumerate() {
        by_hash.entry(a.text_hash.clone()).or_insert(a.id);
        position.entry(a.id).or_insert(ArticleAt::Project(i));
    }
    let mut minter = context.minter(project);
    let mut new_articles: Vec<Article> = Vec::new();
    let mut new_annotations = Vec::new();

    for doc in docs {
        report.documents += 1;
        report.skipped.extend(doc.skipped.iter().cloned());
        let norm = text::normalize(&doc.text);
        let trimmed = norm.trim();
        let lead = text::char_len(&norm[..norm.len() - norm.trim_start().len()]);
        let (article_id, shift) = if let Some(&id) = by_hash.get(&text::hash(&norm)) {
            report.articles_matched += 1;
            (id, 0)
        } else if let Some(&id) = by_hash.get(&text::hash(trimmed)) {
            report.articles_matched += 1;
            (id, lead)
        } else if trimmed.is_empty() {
            report.skipped.push(Skipped {
                at: doc.at.clone(),
                reason: "empty text, skipped".into(),
            });
            continue;
        } else {
            let id = minter.article();
            let title = doc
                .title
                .as_deref()
                .map(|t| text::normalize(t.trim()))
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| format!("{from} {}", doc.at));
            let mut article = Article::new(id, title, trimmed.to_owned());
            article.source = Some(format!("{from} {}", doc.at));
            by_hash.insert(article.text_hash.clone(), id);
            position.insert(id, ArticleAt::New(new_articles.len()));
            new_articles.push(article);
            report.articles_created += 1;
            (id, lead)
        };
        let article = match position.get(&article_id) {
            Some(ArticleAt::Project(i)) => &project.articles[*i],
            Some(ArticleAt::New(i)) => &new_articles[*i],
            None => continue,
        };
        let placed = place_regions(&doc, &norm, shift, article, &mut report);
        let anns = build_annotations(
            project,
            &doc,
            article_id,
            placed,
            from,
            context.now,
            &mut minter,
            &mut report,
        );
        report.annotations += anns.len();
        new_annotations.extend(anns);
    }

    let mut plan = Plan::new();
    plan.push(Edit::AddArticles(new_articles));
    plan.push(Edit::AddAnnotations {
        layer: layer.to_owned(),
        annotations: new_annotations,
    });
    ForeignImport { plan, report }
}

/// Convert and check every region of a document; the ones that do not fit are reported.
fn place_regions<'d>(
    doc: &'d ForeignDoc,
    norm: &str,
    shift: usize,
    article: &Article,
    report: &mut ImportReport,
) -> Vec<Placed<'d>> {
    let art_text = &article.text;
    let art_index = TextIndex::new(art_text);
    let art_len = art_index.char_len();
    let raw = doc.text.as_str();
    let raw_index = TextIndex::new(raw);
    let utf16 = (doc.units == Units::CodePointsOrUtf16).then(|| Utf16Index::new(raw));
    let norm_map = (norm != raw).then(|| {
        let mut positions = BTreeSet::new();
        for r in &doc.regions {
            for &(s, e) in &r.fragments {
                positions.extend([s, e]);
                if let Some(u) = &utf16 {
                    positions.extend(u.from_utf16(s));
                    positions.extend(u.from_utf16(e));
                }
            }
        }
        positions.retain(|&p| p <= raw_index.char_len());
        normalized_offsets(raw, &positions)
    });
    let placement = Placement {
        raw_index,
        utf16,
        norm_map,
        shift,
    };

    let mut out = Vec::new();
    for region in &doc.regions {
        let as_cp = place(region, &placement, art_text, &art_index, art_len, |x| {
            Some(x)
        });
        let result = match (&as_cp, &placement.utf16) {
            (Err(_), Some(u)) => {
                match place(region, &placement, art_text, &art_index, art_len, |x| {
                    u.from_utf16(x)
                }) {
                    Ok(span) => {
                        report.utf16_regions += 1;
                        Ok(span)
                    }
                    Err(_) => as_cp,
                }
            }
            _ => as_cp,
        };
        match result {
            Ok(span) => out.push(Placed { region, span }),
            Err(reason) => report.skipped.push(Skipped {
                at: region.at.clone(),
                reason,
            }),
        }
    }
    out
}

/// Place one region with `unit_to_cp` reading its offsets as raw code points.
fn place(
    region: &Region,
    p: &Placement,
    art_text: &str,
    art_index: &TextIndex,
    art_len: usize,
    unit_to_cp: impl Fn(usize) -> Option<usize>,
) -> Result<Span, String> {
    let raw_len = p.raw_index.char_len();
    let mut frags = Vec::with_capacity(region.fragments.len());
    for &(s, e) in &region.fragments {
        if s >= e {
            return Err(format!("span {s}..{e} is empty or reversed"));
        }
        let (Some(rs), Some(re)) = (unit_to_cp(s), unit_to_cp(e)) else {
            return Err(format!(
                "span {s}..{e} ends past the end of the text or splits a character"
            ));
        };
        if re > raw_len {
            return Err(format!(
                "span {s}..{e} ends past the text's {raw_len} characters"
            ));
        }
        let a = p.to_article(rs, art_len)?;
        let b = p.to_article(re, art_len)?;
        if a >= b {
            return Err(format!(
                "span {s}..{e} covers only whitespace factdesk trims"
            ));
        }
        frags.push((a, b));
    }
    frags.sort_unstable();
    let (Some(&(start, _)), Some(end)) = (frags.first(), frags.iter().map(|f| f.1).max()) else {
        return Err("region has no offsets".into());
    };
    let slice = |a: usize, b: usize| art_index.slice(art_text, a, b).unwrap_or_default();
    for w in frags.windows(2) {
        let gap = slice(w[0].1.min(w[1].0), w[1].0);
        if !gap.chars().all(char::is_whitespace) {
            return Err(format!(
                "discontinuous span leaves out {gap:?}, which factdesk cannot represent"
            ));
        }
    }
    let check = |expected: &str, found: String| {
        let expected = text::normalize(expected);
        if expected == found {
            Ok(())
        } else {
            Err(format!(
                "the file says the span reads {expected:?} but the text at {}..{} reads {found:?}",
                region.fragments[0].0,
                region.fragments.last().map_or(0, |f| f.1)
            ))
        }
    };
    match &region.stored {
        StoredText::None => {}
        StoredText::Exact(t) => check(t, slice(start, end).to_owned())?,
        StoredText::Fragments(t) => check(
            t,
            crate::interchange::brat::fragment_text(frags.iter().map(|&(a, b)| slice(a, b))),
        )?,
    }
    Span::new(art_text, art_index, start, end).map_err(|e| e.to_string())
}

/// Build the annotations of one document from its placed regions and relations.
#[allow(clippy::too_many_arguments)]
fn build_annotations(
    project: &Project,
    doc: &ForeignDoc,
    article: ArticleId,
    placed: Vec<Placed<'_>>,
    from: &str,
    now: chrono::DateTime<chrono::Utc>,
    minter: &mut IdMinter,
    report: &mut ImportReport,
) -> Vec<Annotation> {
    let by_key: HashMap<&str, usize> = placed
        .iter()
        .enumerate()
        .map(|(i, p)| (p.region.key.as_str(), i))
        .collect();
    let skip = |report: &mut ImportReport, at: &str, reason: String| {
        report.skipped.push(Skipped {
            at: at.to_owned(),
            reason,
        })
    };

    // Speaker regions linked from a quote become that quote's speaker span.
    let mut speaker_of: HashMap<usize, usize> = HashMap::new();
    let mut claims_of: HashMap<usize, Vec<usize>> = HashMap::new();
    let is = |i: usize, k: KindName| names::kind_of_label(&placed[i].region.label) == Some(k);
    for rel in &doc.relations {
        let (Some(&f), Some(&t)) = (by_key.get(rel.from.as_str()), by_key.get(rel.to.as_str()))
        else {
            skip(
                report,
                &rel.at,
                "relation between regions that were not imported".into(),
            );
            continue;
        };
        let label = rel.label.trim();
        if label.eq_ignore_ascii_case(REL_SPEAKER)
            && is(f, KindName::Quote)
            && placed[t].region.label.eq_ignore_ascii_case(SPEAKER)
        {
            if speaker_of.insert(f, t).is_some() {
                skip(
                    report,
                    &rel.at,
                    "quote already has a speaker; extra link left out".into(),
                );
            }
        } else if label.eq_ignore_ascii_case(REL_CLAIM)
            && is(f, KindName::Quote)
            && is(t, KindName::Claim)
        {
            claims_of.entry(f).or_default().push(t);
        } else {
            skip(
                report,
                &rel.at,
                format!(
                    "relation {label:?} is not one factdesk keeps (quote → speaker, quote → claim)"
                ),
            );
        }
    }
    let speakers: HashSet<usize> = speaker_of.values().copied().collect();

    let ids: Vec<Option<AnnotationId>> = (0..placed.len())
        .map(|i| (!speakers.contains(&i)).then(|| minter.annotation()))
        .collect();
    let mut out = Vec::new();
    for (i, p) in placed.iter().enumerate() {
        let Some(id) = ids[i] else { continue };
        let r = p.region;
        let f = &r.fields;
        let mut field_problem = |what: String| skip(report, &r.at, what);
        let text_field = |v: &Option<String>| v.clone().unwrap_or_default();
        let kind = match names::kind_of_label(&r.label) {
            Some(KindName::Quote) => {
                let mut q = Quote {
                    cue: text_field(&f.cue),
                    ..Quote::default()
                };
                if let Some(v) = &f.quote_type {
                    match names::parse_quote_type(v) {
                        Some(t) => q.quote_type = t,
                        None => field_problem(format!("quote type {v:?} unknown, left as Direct")),
                    }
                }
                if let Some(&s) = speaker_of.get(&i) {
                    q.speaker_span = Some(placed[s].span.clone());
                }
                // The named entity if the file names one, else whoever the span names.
                let name = f
                    .speaker
                    .as_deref()
                    .or(q.speaker_span.as_ref().map(|s| s.exact.as_str()));
                if let Some(name) = name {
                    q.speaker = project.entity_named(name).map(|e| e.id);
                    if q.speaker.is_none() && f.speaker.is_some() {
                        field_problem(format!(
                            "speaker {name:?} is not an entity of the project, left empty"
                        ));
                    }
                }
                q.claims = claims_of
                    .get(&i)
                    .into_iter()
                    .flatten()
                    .filter_map(|&c| ids[c])
                    .collect();
                AnnotationKind::Quote(q)
            }
            Some(KindName::Claim) => {
                let mut c = Claim {
                    rationale: text_field(&f.rationale),
                    ..Claim::default()
                };
                if let Some(v) = &f.check_worthiness {
                    c.check_worthiness = names::parse_check_worthiness(v);
                    if c.check_worthiness.is_none() {
                        field_problem(format!("check-worthiness {v:?} unknown, left empty"));
                    }
                }
                if let Some(v) = &f.verdict {
                    match project.schema.verdict(v.trim()) {
                        Some(level) => c.verdict = Some(level.label.clone()),
                        None => field_problem(format!(
                            "verdict {v:?} is not on the project's scale, left empty"
                        )),
                    }
                }
                if let Some(name) = &f.claimant {
                    c.claimant = project.entity_named(name).map(|e| e.id);
                    if c.claimant.is_none() {
                        field_problem(format!(
                            "claimant {name:?} is not an entity of the project, left empty"
                        ));
                    }
                }
                AnnotationKind::Claim(c)
            }
            Some(KindName::Sentiment) => {
                let mut s = Sentiment {
                    target: text_field(&f.target),
                    ..Sentiment::default()
                };
                if let Some(v) = &f.polarity {
                    match v.trim().trim_start_matches('+').parse::<i8>() {
                        Ok(n) if (-2..=2).contains(&n) => s.polarity = n,
                        _ => field_problem(format!("polarity {v:?} is not in -2..=2, left at 0")),
                    }
                }
                if let Some(v) = &f.stance {
                    match names::parse_stance(v) {
                        Some(st) => s.stance = st,
                        None => field_problem(format!("stance {v:?} unknown, left as None")),
                    }
                }
                AnnotationKind::Sentiment(s)
            }
            Some(KindName::Tag) | None => {
                if r.label.trim().is_empty() {
                    skip(report, &r.at, "empty label".into());
                    continue;
                }
                AnnotationKind::Tag {
                    label: r.label.clone(),
                }
            }
        };
        out.push(Annotation {
            id,
            article,
            span: p.span.clone(),
            kind,
            note: text_field(&f.note),
            status: Status::Draft,
            provenance: Provenance::Imported {
                from: from.to_owned(),
            },
            created: now,
            modified: now,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_offsets_through_normalisation() {
        // "e" + combining acute becomes one code point; CR LF becomes LF.
        let raw = "\u{feff}Cafe\u{301}\r\nok";
        let positions: BTreeSet<usize> = [0, 1, 6, 8, 10].into_iter().collect();
        let m = normalized_offsets(raw, &positions);
        // Normalised: "Café\nok" (BOM dropped).
        assert_eq!(m[&0], 0);
        assert_eq!(m[&1], 0);
        assert_eq!(m[&6], 4);
        assert_eq!(m[&8], 5);
        assert_eq!(m[&10], 7);
    }
}
