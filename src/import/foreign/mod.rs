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
mod build;
pub mod doccano;
pub mod label_studio;
mod place;

use super::ImportError;
use crate::model::text;
use crate::model::{Article, ArticleId, Context, Edit, Plan, Project};
use build::build_annotations;
use place::place_regions;
use std::collections::HashMap;
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

/// Fields a tool can hold for a region, by factdesk's names; parsed in [`plan`].
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
    /// Whose annotation of the text this is, when the file holds several people's
    /// annotations of one text (a Label Studio task annotated twice): each goes into its
    /// own layer, `<layer>-<suffix>`. `None`: the import's layer itself.
    pub annotator: Option<AnnotatorRef>,
}

/// One annotator's part of a document annotated by several people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnotatorRef {
    /// The layer name's suffix: the tool's user name, or the annotation's position in its
    /// document ("1", "2" …) when the file does not say who made it.
    pub suffix: String,
    /// `suffix` is a user name (not a position).
    pub by_name: bool,
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
            annotator: None,
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
    /// The layers the annotations went into, in the order first used (one, unless the
    /// file held several annotators' work on one text).
    pub layers: Vec<String>,
    /// How those layers were named, in words for the user, when there are several.
    pub layers_note: Option<String>,
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
    let mut by_layer: Vec<(String, Vec<crate::model::Annotation>)> = Vec::new();
    // Several annotators' copies of one document count once.
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    // Whether documents were split by annotator, and if so by name or by position.
    let mut by_name: Option<bool> = None;

    for doc in docs {
        let first_copy = seen.insert(doc.at.clone());
        if let Some(who) = &doc.annotator {
            by_name = Some(by_name.unwrap_or(true) && who.by_name);
        }
        if first_copy {
            report.documents += 1;
        }
        report.skipped.extend(doc.skipped.iter().cloned());
        let norm = text::normalize(&doc.text);
        let trimmed = norm.trim();
        let lead = text::char_len(&norm[..norm.len() - norm.trim_start().len()]);
        let (article_id, shift) = if let Some(&id) = by_hash.get(&text::hash(&norm)) {
            report.articles_matched += usize::from(first_copy);
            (id, 0)
        } else if let Some(&id) = by_hash.get(&text::hash(trimmed)) {
            report.articles_matched += usize::from(first_copy);
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
        let target = match &doc.annotator {
            None => layer.to_owned(),
            Some(who) => format!("{layer}-{}", who.suffix),
        };
        match by_layer.iter_mut().find(|(l, _)| *l == target) {
            Some((_, list)) => list.extend(anns),
            None => by_layer.push((target, anns)),
        }
    }

    let mut plan = Plan::new();
    plan.push(Edit::AddArticles(new_articles));
    if by_layer.is_empty() {
        by_layer.push((layer.to_owned(), Vec::new()));
    }
    for (layer, annotations) in by_layer {
        report.layers.push(layer.clone());
        plan.push(Edit::AddAnnotations { layer, annotations });
    }
    if let Some(named) = by_name {
        report.layers_note = Some(format!(
            "the file holds several people's annotations of the same texts; each person's went into \
             its own layer ({}), {}",
            report.layers.join(", "),
            if named {
                "named after the user names in the file"
            } else {
                "numbered by their order in each text, because the file does not say who made \
                 them (Label Studio drops user names when annotations are imported into it)"
            }
        ));
    }
    ForeignImport { plan, report }
}
