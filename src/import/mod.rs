//! Bringing articles into a project: plain text files (one, several, or a folder), JSONL,
//! and web pages (links and saved `.html` files, see [`web`]).
//!
//! Reading is all-or-nothing per call: a file that cannot be read (invalid UTF-8, bad JSON)
//! stops the import with an error naming the file and position, and nothing is added.
//! Empty files and articles already in the project are skipped with a warning.

mod draft;
mod error;
pub mod foreign;
mod jsonl;
mod plain;
pub mod web;

pub use draft::ArticleDraft;
pub use error::{ImportError, Warning};
pub use jsonl::parse_jsonl;
pub use plain::parse_plain;
pub use web::{ReadOptions, read_inputs};

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
    /// Fetched pages to keep beside the project ([`web::keep_pages`]), when asked for.
    pub pages: Vec<web::RawPage>,
}

/// Read every path: files as given; folders recursively (`.txt`, `.text`, `.jsonl`,
/// `.html`, `.htm`, sorted
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
    matches!(
        ext.as_deref(),
        Some("txt" | "text" | "jsonl" | "html" | "htm")
    )
}

/// Read one file, plain text or (by extension) JSONL or a saved web page.
pub fn read_file(path: &Path, batch: &mut Batch) -> Result<(), ImportError> {
    if is_saved_page(path) {
        batch.articles.push(web::read_saved_page(path)?);
        return Ok(());
    }
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

fn is_saved_page(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// The metadata of a regular file; devices and pipes are refused (they report no size,
/// and reading one could never end). Every import reads through here.
pub(crate) fn regular_file(path: &Path) -> Result<std::fs::Metadata, ImportError> {
    let io = |source| ImportError::Io {
        path: path.to_owned(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        )));
    }
    Ok(meta)
}

/// Read a whole file as UTF-8, refusing devices, pipes and files over the import limit;
/// the one reader for every import (articles and other tools' annotations).
pub(crate) fn read_utf8(path: &Path) -> Result<String, ImportError> {
    let io = |source| ImportError::Io {
        path: path.to_owned(),
        source,
    };
    let meta = regular_file(path)?;
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
    // Canonical addresses of web articles: the same story under two links is one article.
    let mut known_urls: HashMap<String, String> = project
        .articles
        .iter()
        .filter_map(|a| Some((a.url.clone()?, a.title.clone())))
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
        if d.web.is_some()
            && let Some(url) = &d.url
        {
            if let Some(existing) = known_urls.get(url) {
                warnings.push(Warning::DuplicateUrl {
                    source: d.source.clone(),
                    url: url.clone(),
                    existing: existing.clone(),
                });
                continue;
            }
            known_urls.insert(url.clone(), d.title.clone());
        }
        known.insert(hash, d.title.clone());
        let mut article = Article::new(minter.article(), d.title, d.text);
        article.outlet = d.outlet;
        article.url = d.url;
        article.byline = d.byline;
        article.published = d.published;
        article.language = d.language;
        article.source = Some(d.source);
        article.web = d.web;
        added.push(article);
    }
    added
}
