//! `factdesk git-setup`: make a git repository merge project files with
//! `factdesk merge-driver`, in one command, as often as you like.
//!
//! Two things are needed, and both are done through the `git` program itself (so its own
//! rules for finding the repository, worktrees and config files apply): a line in the
//! repository's `.gitattributes` (tracked: commit it once for the whole team) mapping the
//! project files to the `factdesk` merge driver, and the driver's command in the clone's
//! own config (`.git/config`, not shared by git: every clone runs this once).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The driver's name in `.gitattributes` and in the config keys.
pub const DRIVER: &str = "factdesk";

/// What one run did (or found already done), in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetupStep {
    AttributesAdded {
        file: PathBuf,
        line: String,
    },
    AttributesPresent {
        file: PathBuf,
        pattern: String,
    },
    DriverSet {
        command: String,
        was: Option<String>,
    },
    DriverPresent {
        command: String,
    },
}

impl std::fmt::Display for SetupStep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::AttributesAdded { file, line } => write!(
                f,
                "added `{line}` to {} (commit it, so the whole team merges the same way)",
                file.display()
            ),
            Self::AttributesPresent { file, pattern } => write!(
                f,
                "{} already maps {pattern} to the factdesk merge driver",
                file.display()
            ),
            Self::DriverSet { command, was: None } => write!(
                f,
                "configured merge.{DRIVER}.driver = {command} in this clone's .git/config"
            ),
            Self::DriverSet {
                command,
                was: Some(old),
            } => write!(
                f,
                "configured merge.{DRIVER}.driver = {command} in this clone's .git/config (was {old})"
            ),
            Self::DriverPresent { command } => {
                write!(f, "merge.{DRIVER}.driver is already {command}")
            }
        }
    }
}

/// The outcome of [`setup`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GitSetup {
    /// The work tree's top folder.
    pub root: PathBuf,
    /// The `.gitattributes` pattern the project files answer to.
    pub pattern: String,
    pub steps: Vec<SetupStep>,
}

#[derive(Debug, thiserror::Error)]
pub enum GitSetupError {
    #[error(
        "could not run git ({0}); install git, or set up the merge driver by hand (see README \"Working as a team\")"
    )]
    NoGit(std::io::Error),
    #[error("{}: not inside a git work tree (run `git init` or `git clone` first)", .0.display())]
    NotAWorkTree(PathBuf),
    #[error("{}: no such folder", .0.display())]
    NoFolder(PathBuf),
    #[error("{}: outside the git work tree at {}", path.display(), root.display())]
    OutsideWorkTree { path: PathBuf, root: PathBuf },
    #[error("a pattern for .gitattributes must be one word (no spaces, no line breaks): {0:?}")]
    BadPattern(String),
    #[error("git {args} failed: {message}")]
    Git { args: String, message: String },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Configure the repository holding `project` (or the current folder) so that files
/// matching `pattern` (default: `*.ron`, or the project's own path if it is not a `.ron`
/// file) merge through `driver_program merge-driver %O %A %B`. Idempotent.
pub fn setup(
    project: Option<&Path>,
    pattern: Option<&str>,
    driver_program: &Path,
) -> Result<GitSetup, GitSetupError> {
    let folder = match project {
        Some(p) if p.is_dir() => p.to_owned(),
        Some(p) => super::parent_dir(p).to_owned(),
        None => PathBuf::from("."),
    };
    if !folder.is_dir() {
        return Err(GitSetupError::NoFolder(folder));
    }
    let root = match git(&folder, &["rev-parse", "--show-toplevel"]) {
        Ok(out) => PathBuf::from(out.trim_end_matches(['\n', '\r'])),
        Err(GitSetupError::Git { .. }) => {
            return Err(GitSetupError::NotAWorkTree(
                std::path::absolute(&folder).unwrap_or(folder),
            ));
        }
        Err(e) => return Err(e),
    };
    let pattern = match (pattern, project) {
        (Some(p), _) => p.to_owned(),
        (None, Some(p)) if !p.is_dir() && p.extension().is_some_and(|e| e != "ron") => {
            anchored(p, &root)?
        }
        _ => "*.ron".to_owned(),
    };
    if pattern.is_empty() || pattern.contains(char::is_whitespace) {
        return Err(GitSetupError::BadPattern(pattern));
    }

    let mut steps = Vec::new();
    let attributes = root.join(".gitattributes");
    let line = format!("{pattern} merge={DRIVER}");
    let existing = match std::fs::read_to_string(&attributes) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(source) => {
            return Err(GitSetupError::Io {
                path: attributes,
                source,
            });
        }
    };
    // The last line naming the pattern decides (git's rule), so ours must be the last.
    let last_for_pattern = existing
        .lines()
        .rev()
        .find(|l| l.split_whitespace().next() == Some(pattern.as_str()));
    if last_for_pattern
        .is_some_and(|l| l.split_whitespace().any(|w| w == format!("merge={DRIVER}")))
    {
        steps.push(SetupStep::AttributesPresent {
            file: attributes,
            pattern: pattern.clone(),
        });
    } else {
        let mut text = existing;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&line);
        text.push('\n');
        super::write_atomic(&attributes, text.as_bytes(), false).map_err(|source| {
            GitSetupError::Io {
                path: attributes.clone(),
                source,
            }
        })?;
        steps.push(SetupStep::AttributesAdded {
            file: attributes,
            line,
        });
    }

    let command = format!("{} merge-driver %O %A %B", shell_word(driver_program));
    let key = format!("merge.{DRIVER}.driver");
    let was = git(&root, &["config", "--local", "--get", &key])
        .ok()
        .map(|s| s.trim_end().to_owned());
    if was.as_deref() == Some(command.as_str()) {
        steps.push(SetupStep::DriverPresent { command });
    } else {
        git(&root, &["config", "--local", &key, &command])?;
        git(
            &root,
            &[
                "config",
                "--local",
                &format!("merge.{DRIVER}.name"),
                "factdesk project merge",
            ],
        )?;
        steps.push(SetupStep::DriverSet { command, was });
    }
    Ok(GitSetup {
        root,
        pattern,
        steps,
    })
}

/// What [`check`] found missing for a project inside a git work tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing {
    pub root: PathBuf,
    /// No `.gitattributes` line maps the project to the factdesk driver.
    pub attributes: bool,
    /// This clone's config has no `merge.factdesk.driver`.
    pub driver: bool,
}

/// For the window's offer to run [`setup`]: what the repository holding `project` lacks
/// for merging it with factdesk. `None` when it lacks nothing, when the project is not in
/// a git work tree, or when git cannot be run (then there is nothing to offer). Reads only.
pub fn check(project: &Path) -> Option<Missing> {
    let folder = super::parent_dir(project);
    let root = git(folder, &["rev-parse", "--show-toplevel"]).ok()?;
    let root = PathBuf::from(root.trim_end_matches(['\n', '\r']));
    let name = project.file_name()?.to_str()?;
    let attr = git(folder, &["check-attr", "merge", "--", name]).ok()?;
    let attributes = !attr.trim_end().ends_with(&format!(": merge: {DRIVER}"));
    let driver = git(
        folder,
        &["config", "--get", &format!("merge.{DRIVER}.driver")],
    )
    .map_or(true, |d| d.trim().is_empty());
    (attributes || driver).then_some(Missing {
        root,
        attributes,
        driver,
    })
}

/// `/path/from/root` for a file inside the work tree at `root`.
fn anchored(project: &Path, root: &Path) -> Result<String, GitSetupError> {
    let full = std::path::absolute(project).map_err(|source| GitSetupError::Io {
        path: project.to_owned(),
        source,
    })?;
    let dir = super::parent_dir(&full)
        .canonicalize()
        .map_err(|source| GitSetupError::Io {
            path: project.to_owned(),
            source,
        })?;
    let root = root.canonicalize().unwrap_or_else(|_| root.to_owned());
    let inside = dir
        .strip_prefix(&root)
        .map_err(|_| GitSetupError::OutsideWorkTree {
            path: project.to_owned(),
            root: root.clone(),
        })?;
    let name = full.file_name().unwrap_or_default();
    let rel = inside.join(name);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Ok(format!("/{}", parts.join("/")))
}

/// The program path as one word for the shell git runs the driver with.
fn shell_word(program: &Path) -> String {
    let s = program.to_string_lossy();
    if s.chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+".contains(c))
    {
        s.into_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// Run git in `dir`; its stdout, or its first line of stderr as the error.
fn git(dir: &Path, args: &[&str]) -> Result<String, GitSetupError> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(GitSetupError::NoGit)?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        let message = String::from_utf8_lossy(&out.stderr)
            .lines()
            .next()
            .unwrap_or("no message")
            .to_owned();
        Err(GitSetupError::Git {
            args: args.join(" "),
            message,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn program_paths_are_quoted_for_the_shell() {
        assert_eq!(
            shell_word(Path::new("/usr/bin/factdesk")),
            "/usr/bin/factdesk"
        );
        assert_eq!(
            shell_word(Path::new("/home/a b/it's/factdesk")),
            r"'/home/a b/it'\''s/factdesk'"
        );
    }
}
