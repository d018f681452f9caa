//! What the user chooses in the export dialog or on the command line.

use super::ExportError;
use chrono::NaiveDate;
use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

/// The output formats (their command-line names are [`Format::name`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// Hugging Face style JSONL with character spans, splits and a dataset card.
    #[value(
        name = "hf",
        alias = "huggingface",
        alias = "hugging-face",
        alias = "jsonl"
    )]
    HuggingFace,
    Doccano,
    #[value(alias = "labelstudio", alias = "label_studio")]
    LabelStudio,
    Brat,
    Conll,
    #[value(alias = "w3c", alias = "webannotation", alias = "web_annotation")]
    WebAnnotation,
    #[value(name = "claimreview", alias = "claim-review")]
    ClaimReview,
    Csv,
}

impl Format {
    pub const ALL: [Format; 8] = [
        Self::HuggingFace,
        Self::Doccano,
        Self::LabelStudio,
        Self::Brat,
        Self::Conll,
        Self::WebAnnotation,
        Self::ClaimReview,
        Self::Csv,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::HuggingFace => "hf",
            Self::Doccano => "doccano",
            Self::LabelStudio => "label-studio",
            Self::Brat => "brat",
            Self::Conll => "conll",
            Self::WebAnnotation => "web-annotation",
            Self::ClaimReview => "claimreview",
            Self::Csv => "csv",
        }
    }

    /// A one-line description for the export dialog.
    pub fn description(self) -> &'static str {
        match self {
            Self::HuggingFace => {
                "Hugging Face JSONL: one article a line with spans, train/validation/test splits, dataset card"
            }
            Self::Doccano => "doccano JSONL: text with [start, end, label] spans",
            Self::LabelStudio => {
                "Label Studio JSON: tasks with labelled regions, speaker relations and a labelling config"
            }
            Self::Brat => {
                "brat standoff: a .txt and an .ann file per article, plus annotation.conf"
            }
            Self::Conll => "CoNLL: one token a line with BIO tags, a column per annotation kind",
            Self::WebAnnotation => {
                "W3C Web Annotation JSON-LD with text quote and position selectors"
            }
            Self::ClaimReview => "schema.org ClaimReview JSON-LD for every claim with a verdict",
            Self::Csv => "CSV claim register for spreadsheets (formula injection neutralised)",
        }
    }

    /// Whether the format writes train/validation/test files when a split is chosen.
    pub fn splits(self) -> bool {
        matches!(self, Self::HuggingFace | Self::Conll)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().to_ascii_lowercase();
        let alias = match s.as_str() {
            "huggingface" | "hugging-face" | "jsonl" => Some(Self::HuggingFace),
            "labelstudio" | "label_studio" => Some(Self::LabelStudio),
            "w3c" | "webannotation" | "web_annotation" => Some(Self::WebAnnotation),
            "claim-review" => Some(Self::ClaimReview),
            _ => None,
        };
        alias
            .or_else(|| Self::ALL.into_iter().find(|f| f.name() == s))
            .ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|f| f.name()).collect();
                format!("unknown format {s:?}; use one of {}", names.join(", "))
            })
    }
}

/// Which annotations to export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LayerChoice {
    /// One annotator's layer.
    Named(String),
    /// The layer review writes its result into.
    Adjudicated,
    /// Every layer; each span says which annotator made it.
    All,
}

/// The layer names with a meaning of their own (`--layer adjudicated`, `--layer all`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SpecialLayer {
    Adjudicated,
    All,
}

impl LayerChoice {
    /// `adjudicated`, `all`, or a layer name.
    pub fn parse(s: &str) -> Self {
        use clap::ValueEnum;
        match SpecialLayer::from_str(s, false) {
            Ok(SpecialLayer::All) => Self::All,
            Ok(SpecialLayer::Adjudicated) => Self::Adjudicated,
            Err(_) => Self::Named(s.to_owned()),
        }
    }

    /// What an export takes when nobody chose: the review's result when the project has
    /// one (what a training set wants), else every layer. The CLI and the export dialog
    /// both ask here.
    pub fn default_for(project: &crate::model::Project) -> Self {
        let adjudicated = project.layers.iter().any(|l| {
            l.role == crate::model::LayerRole::Adjudicated
                || l.annotator == crate::model::ADJUDICATED
        });
        if adjudicated {
            Self::Adjudicated
        } else {
            Self::All
        }
    }

    /// The name that [`LayerChoice::parse`] reads back.
    pub fn name(&self) -> &str {
        match self {
            Self::All => "all",
            Self::Adjudicated => "adjudicated",
            Self::Named(n) => n,
        }
    }
}

/// Percentages of articles in each split, and the seed that decides which article goes
/// where. The same seed and articles give the same split on every machine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Split {
    pub train: u32,
    pub validation: u32,
    pub test: u32,
    pub seed: u64,
}

impl Split {
    /// How many of `articles` articles each part gets (train, validation, test): a part
    /// can be empty on a small project, which the export dialog says before exporting.
    pub fn sizes(&self, articles: usize) -> [usize; 3] {
        super::dataset::split_counts(articles, [self.train, self.validation, self.test])
    }
}

impl Split {
    /// `80/10/10` (train/validation/test) or `90/10` (train/test); must add up to 100.
    pub fn parse(s: &str, seed: u64) -> Result<Self, ExportError> {
        let parts: Vec<&str> = s.split('/').map(str::trim).collect();
        let nums = parts
            .iter()
            .map(|p| p.parse::<u32>())
            .collect::<Result<Vec<u32>, _>>()
            .map_err(|_| {
                ExportError::Options(format!("split {s:?}: use percentages like 80/10/10"))
            })?;
        let (train, validation, test) = match nums[..] {
            [a, b, c] => (a, b, c),
            [a, c] => (a, 0, c),
            _ => {
                return Err(ExportError::Options(format!(
                    "split {s:?}: give two or three percentages, like 80/10/10"
                )));
            }
        };
        let split = Self {
            train,
            validation,
            test,
            seed,
        };
        split.check()?;
        Ok(split)
    }

    pub(crate) fn check(&self) -> Result<(), ExportError> {
        let sum = u64::from(self.train) + u64::from(self.validation) + u64::from(self.test);
        if sum != 100 {
            return Err(ExportError::Options(format!(
                "split {}/{}/{} adds up to {sum}, not 100",
                self.train, self.validation, self.test
            )));
        }
        Ok(())
    }
}

/// Everything [`super::run`] needs to know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    pub format: Format,
    pub layer: LayerChoice,
    /// Split into train/validation/test (formats where [`Format::splits`] is true).
    pub split: Option<Split>,
    /// Created if missing. Files of the same names in it are replaced only with `force`.
    pub out_dir: PathBuf,
    /// Replace files of the same names in `out_dir` (all or none). Without it the export
    /// stops with [`ExportError::WouldReplace`] listing them, and writes nothing.
    pub force: bool,
    /// The export date written into the dataset card (fixed in tests).
    pub date: NaiveDate,
    /// ClaimReview: the review URL pattern (`{annotation}`, `{article}`), over the
    /// project's own `review_url`.
    pub review_url: Option<String>,
}

impl ExportOptions {
    /// All layers, no split, dated today.
    pub fn new(format: Format, out_dir: impl Into<PathBuf>) -> Self {
        Self {
            format,
            layer: LayerChoice::All,
            split: None,
            out_dir: out_dir.into(),
            force: false,
            review_url: None,
            date: chrono::Local::now().date_naive(),
        }
    }

    pub(crate) fn validate(&self) -> Result<(), ExportError> {
        if let Some(s) = &self.split {
            s.check()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_formats_and_splits() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
        }
        assert!(
            "xml"
                .parse::<Format>()
                .unwrap_err()
                .contains("label-studio")
        );
        let s = Split::parse("80/10/10", 7).unwrap();
        assert_eq!((s.train, s.validation, s.test, s.seed), (80, 10, 10, 7));
        assert_eq!(Split::parse("90/10", 0).unwrap().validation, 0);
        assert!(
            Split::parse("80/10/5", 0)
                .unwrap_err()
                .to_string()
                .contains("95")
        );
        assert!(Split::parse("a/b", 0).is_err());
        assert!(Split::parse("100", 0).is_err());
    }
}
