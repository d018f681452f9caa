//! The RON text format: pretty, stable, readable article text, versioned.

use super::LoadError;
use crate::model::{FORMAT_VERSION, Project};
use std::borrow::Cow;
use std::path::PathBuf;

/// Largest project file we read (1 GiB): ten times the 100 MB target project.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("  ")
        .struct_names(false)
        // Multi-line strings stay multi-line: article text is readable and diffable.
        .escape_strings(false)
}

/// Serialise in the canonical order (layers by annotator, annotations by position).
pub fn to_ron_string(project: &Project) -> Result<String, ron::Error> {
    let project: Cow<Project> = if project.is_sorted() {
        Cow::Borrowed(project)
    } else {
        let mut p = project.clone();
        p.sort();
        Cow::Owned(p)
    };
    let mut out = String::from(HEADER);
    out.push_str(&ron::ser::to_string_pretty(&*project, pretty())?);
    out.push('\n');
    Ok(out)
}

/// Serialise like [`to_ron_string`], but stop as soon as the text would exceed `limit`
/// bytes: `Ok(None)` then, without ever holding more than `limit` bytes.
pub fn to_ron_bytes_limited(project: &Project, limit: u64) -> Result<Option<Vec<u8>>, ron::Error> {
    let project: Cow<Project> = if project.is_sorted() {
        Cow::Borrowed(project)
    } else {
        let mut p = project.clone();
        p.sort();
        Cow::Owned(p)
    };
    let mut out = LimitedWriter {
        bytes: Vec::new(),
        limit,
        exceeded: false,
    };
    use std::io::Write;
    let body = out
        .write_all(HEADER.as_bytes())
        .map_err(|e| ron::Error::Io(e.to_string()))
        .and_then(|()| ron::Options::default().to_io_writer_pretty(&mut out, &*project, pretty()))
        .and_then(|()| {
            out.write_all(b"\n")
                .map_err(|e| ron::Error::Io(e.to_string()))
        });
    match body {
        _ if out.exceeded => Ok(None),
        Ok(()) => Ok(Some(out.bytes)),
        Err(e) => Err(e),
    }
}

const HEADER: &str =
    "// factdesk project file. Offsets count Unicode code points; see README \"Project files\".\n";

/// A `Vec` that refuses to grow past `limit` bytes.
struct LimitedWriter {
    bytes: Vec<u8>,
    limit: u64,
    exceeded: bool,
}

impl std::io::Write for LimitedWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if (self.bytes.len() + buf.len()) as u64 > self.limit {
            self.exceeded = true;
            return Err(std::io::Error::other("over the size limit"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Parse and verify project text. Errors carry an empty path; `load` fills it in.
pub fn from_ron_str(text: &str) -> Result<Project, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let path = PathBuf::new();
    if let Some(found) = probe_version(text) {
        if found > FORMAT_VERSION {
            return Err(LoadError::NewerVersion {
                path,
                found,
                supported: FORMAT_VERSION,
            });
        }
        if found == 0 {
            return Err(LoadError::UnknownVersion { path, found });
        }
    }
    let project: Project = ron::Options::default()
        .with_recursion_limit(64)
        .from_str(text)
        .map_err(|e| LoadError::Parse {
            path: PathBuf::new(),
            line: e.span.start.line,
            col: e.span.start.col,
            message: parse_message(&e.code),
        })?;
    let project = migrate(project);
    let problems = project.problems();
    if problems.is_empty() {
        Ok(project)
    } else {
        Err(LoadError::Invalid {
            path: PathBuf::new(),
            problems,
        })
    }
}

/// Bring a file of an older format to this one. Every version so far only added fields
/// with defaults, so parsing did the work and the number is all that changes: 1 → 2 added
/// claim groups and the fact-check library. A later migration that reshapes data goes here,
/// keyed on the version found.
fn migrate(project: Project) -> Project {
    if (1..FORMAT_VERSION).contains(&project.format_version) {
        Project {
            format_version: FORMAT_VERSION,
            ..project
        }
    } else {
        project
    }
}

/// The parser's message, with the reason spelt out for a field this version does not know:
/// it can only come from a newer factdesk or a hand edit, and reading on would drop it at
/// the next save.
fn parse_message(code: &ron::Error) -> String {
    match code {
        ron::Error::NoSuchStructField { found, outer, .. } => {
            let within = outer
                .as_deref()
                .map(|o| format!(" in `{o}`"))
                .unwrap_or_default();
            format!(
                "unknown field `{found}`{within}: written by a newer factdesk or edited by hand; \
                 refused so that the next save does not drop it"
            )
        }
        other => other.to_string(),
    }
}

/// Read `format_version: N` from the head of the file without parsing the rest, so a file
/// from a newer build is refused with that reason rather than a confusing parse error.
fn probe_version(text: &str) -> Option<u32> {
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let rest = &head[head.find("format_version")? + "format_version".len()..];
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    let digits: &str = &rest[..rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len())];
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probes_version() {
        assert_eq!(probe_version("(\n  format_version: 7,\n"), Some(7));
        assert_eq!(probe_version("(name: \"x\")"), None);
        // A multi-byte character across the probe's 4 KiB window is not a panic.
        let text = format!("{}😀 format_version: 2", "a".repeat(4094));
        assert_eq!(probe_version(&text), None);
    }

    #[test]
    fn limited_serialisation_matches_and_stops_at_the_limit() {
        let mut p = Project::new("limit");
        p.articles.push(crate::model::Article::new(
            crate::model::ArticleId(1),
            "t",
            "x".repeat(10_000),
        ));
        let full = to_ron_string(&p).unwrap();
        let bytes = to_ron_bytes_limited(&p, full.len() as u64)
            .unwrap()
            .unwrap();
        assert_eq!(bytes, full.as_bytes());
        assert_eq!(
            to_ron_bytes_limited(&p, full.len() as u64 - 1).unwrap(),
            None
        );
        assert_eq!(to_ron_bytes_limited(&p, 5_000).unwrap(), None);
    }
}
