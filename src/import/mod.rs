//! Bringing articles into a project: plain text files (one, several, or a folder) and JSONL.
//!
//! Reading is all-or-nothing per call: a file that cannot be read (invalid UTF-8, bad JSON)
//! stops the import with an error naming the file and position, and nothing is added.
//! Empty files and articles already in the project are skipped with a warning.

mod draft;
mod error;
pub mod foreign;
mod jsonl;
mod plain;

pub use draft::ArticleDraft;
pub use error::{ImportError, Warning};
pub use jsonl::parse_jsonl;
pub use plain::parse_plain;

use crate::model::{Article, ArticleId, Context, Edit, IdMinter, Plan, Project, text};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Largest file read for import.
pub const MAX_IMPORT_BYTES: u64 = 1 << 30;

/// Articles read from files, not yet in a project.
#[derive(Debug, Default)]
pub struct Batch {
    pub articles: Vec<ArticleDraft>,
    pub warnings: Vec<Warning>,
}

/// Read every path: files as given; folders recursively (`.txt`, `.text`, `.jsonl`, sorted
/// by name, hidden files and symlinked folders skipped).
pub fn read_paths(paths: &[PathBuf]) -> Result<Batch, ImportError> {
    let mut batch = Batch::default();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|source| ImportError::Io {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            let mut files = Vec::new();
            collect_folder(path, 0, &mut files)?;
            if files.is_empty() {
                batch
                    .warnings
                    .push(Warning::EmptyFolder { path: path.clone() });
            }
            for f in files {
                read_file(&f, &mut batch)?;
            }
        } else {
            read_file(path, &mut batch)?;
        }
    }
    Ok(batch)
}

fn collect_folder(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) -> Result<(), ImportError> {
    let io = |source| ImportError::Io {
        path: dir.to_owned(),
        source,
    };
    if depth > 32 {
        return Ok(());
    }
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(io)?
        .collect::<Result<_, _>>()
        .map_err(io)?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let ty = entry.file_type().map_err(io)?;
        let path = entry.path();
        if ty.is_dir() {
            collect_folder(&path, depth + 1, out)?;
        } else if ty.is_file() && is_importable(&path) {
            out.push(path);
        }
    }
    Ok(())
}

fn is_importable(path: &Path) -> bool {
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    matches!(ext.as_deref(), Some("txt" | "text" | "jsonl"))
}

/// Read one file, plain text or (by extension) JSONL.
pub fn read_file(path: &Path, batch: &mut Batch) -> Result<(), ImportError> {
    let raw = read_utf8(path)?;
    let is_jsonl = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
    if is_jsonl {
        parse_jsonl(&raw, path, batch)
    } else {
        match parse_plain(&raw, path) {
            Some(draft) => batch.articles.push(draft),
            None => batch.warnings.push(Warning::EmptyFile {
                path: path.to_owned(),
            }),
        }
        Ok(())
    }
}

/// Read a whole file as UTF-8, refusing devices, pipes and files over the import limit;
/// the one reader for every import (articles and other tools' annotations).
pub(crate) fn read_utf8(path: &Path) -> Result<String, ImportError> {
    let io = |source| ImportError::Io {
        path: path.to_owned(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        // Devices and pipes report no size; reading one could never end.
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        )));
    }
    let len = meta.len();
    if len > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_owned(),
            size: len,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    String::from_utf8(bytes).map_err(|e| ImportError::NotUtf8 {
        path: path.to_owned(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// What importing a batch would do: the edit that adds its new articles, their ids (in
/// order) and the warnings (skipped duplicates and empty files).
#[derive(Debug, Default)]
pub struct ArticleImport {
    pub plan: Plan,
    pub added: Vec<ArticleId>,
    pub warnings: Vec<Warning>,
}

/// The plan that adds a batch's articles with fresh ids. Articles whose text is already in
/// the project (or earlier in the batch) are skipped with a warning.
pub fn plan(project: &Project, batch: Batch, context: &Context) -> ArticleImport {
    let mut warnings = batch.warnings;
    let mut minter = context.minter(project);
    let articles = to_articles(project, batch.articles, &mut minter, &mut warnings);
    let added = articles.iter().map(|a| a.id).collect();
    ArticleImport {
        plan: Plan::from(Edit::AddArticles(articles)),
        added,
        warnings,
    }
}

/// Turn drafts into articles with ids unused in `project`, skipping (with a warning) any
/// whose text the project or the batch already has. The project is not changed.
pub fn to_articles(
    project: &Project,
    drafts: Vec<ArticleDraft>,
    minter: &mut IdMinter,
    warnings: &mut Vec<Warning>,
) -> Vec<Article> {
    let mut known: HashMap<String, String> = project
        .articles
        .iter()
        .map(|a| (a.text_hash.clone(), a.title.clone()))
        .collect();
    let mut added = Vec::new();
    for d in drafts {
        let hash = text::hash(&d.text);
        if let Some(existing) = known.get(&hash) {
            warnings.push(Warning::Duplicate {
                source: d.source.clone(),
                existing: existing.clone(),
            });
            continue;
        }
        known.insert(hash, d.title.clone());
        let mut article = Article::new(minter.article(), d.title, d.text);
        article.outlet = d.outlet;
        article.url = d.url;
        article.byline = d.byline;
        article.published = d.published;
        article.language = d.language;
        article.source = Some(d.source);
        added.push(article);
    }
    added
}
