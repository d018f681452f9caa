//! Team commands: `git-setup` (the merge driver in one command), `assign` (who annotates
//! which articles, done marks per annotator, blind mode) and the per-annotator progress
//! that `stats` prints.

use crate::model::{ArticleId, Assignments, Project, balanced};
use crate::store::{self, ProjectLock, git_setup};
use anyhow::{Context, Result, bail};
use std::io::Write;
use std::path::Path;

/// `factdesk assign`: with no change asked for, prints who annotates what.
#[derive(Debug, clap::Args)]
pub struct AssignArgs {
    pub project: std::path::PathBuf,
    /// Only these articles (ids, comma-separated) [default: all articles].
    #[arg(long, value_delimiter = ',', conflicts_with = "unassigned")]
    pub articles: Option<Vec<u64>>,
    /// Only articles nobody is assigned to yet.
    #[arg(long)]
    pub unassigned: bool,
    /// Assign the selected articles to these annotators (comma-separated).
    #[arg(long, value_delimiter = ',', group = "change")]
    pub to: Option<Vec<String>>,
    /// Take the selected articles away from these annotators.
    #[arg(long, value_delimiter = ',', group = "change")]
    pub remove: Option<Vec<String>>,
    /// Each selected article to this many of the `--among` annotators, balanced.
    #[arg(long, requires = "among", group = "change")]
    pub each: Option<usize>,
    /// The annotators `--each` chooses from (comma-separated).
    #[arg(long, value_delimiter = ',', requires = "each")]
    pub among: Option<Vec<String>>,
    /// Seed of the balanced choice: the same seed gives the same assignment.
    #[arg(long, default_value_t = 0, requires = "each")]
    pub seed: u64,
    /// Mark the selected articles done for this annotator.
    #[arg(long, value_name = "ANNOTATOR", group = "change")]
    pub done: Option<String>,
    /// Clear this annotator's done mark on the selected articles.
    #[arg(long, value_name = "ANNOTATOR", group = "change")]
    pub not_done: Option<String>,
    /// Blind mode: annotators do not see each other's layers on an article until they
    /// have marked it done.
    #[arg(long, value_parser = ["on", "off"], group = "change")]
    pub blind: Option<String>,
}

/// `factdesk git-setup [PROJECT] [--pattern P]`.
pub fn git_setup(project: Option<&Path>, pattern: Option<&str>) -> Result<bool> {
    let program = std::env::current_exe().context("could not tell where factdesk is installed")?;
    let done = git_setup::setup(project, pattern, &program)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "git work tree: {}", done.root.display())?;
    for step in &done.steps {
        writeln!(out, "{step}")?;
    }
    Ok(true)
}

/// The selected articles, in project order; unknown ids are an error.
fn selection(project: &Project, args: &AssignArgs) -> Result<Vec<ArticleId>> {
    if let Some(ids) = &args.articles {
        let mut out = Vec::new();
        for &id in ids {
            let id = ArticleId(id);
            if project.article(id).is_none() {
                bail!("no article {id} in {}", args.project.display());
            }
            if !out.contains(&id) {
                out.push(id);
            }
        }
        return Ok(out);
    }
    Ok(project
        .articles
        .iter()
        .map(|a| a.id)
        .filter(|&id| !args.unassigned || project.assignments.assigned(id).is_empty())
        .collect())
}

fn names(list: &[String]) -> Result<Vec<String>> {
    let names: Vec<String> = list.iter().map(|n| n.trim().to_owned()).collect();
    if names.is_empty() || names.iter().any(String::is_empty) {
        bail!("an annotator's name is empty");
    }
    Ok(names)
}

/// The new assignments `args` asks for (None: nothing to change), and what to say.
fn planned(project: &Project, args: &AssignArgs) -> Result<Option<(Assignments, String)>> {
    let current = &project.assignments;
    let articles = selection(project, args)?;
    let n = articles.len();
    let change = if let Some(to) = &args.to {
        let to = names(to)?;
        let said = format!("assigned {n} article(s) to {}", to.join(", "));
        (current.with_assigned(&articles, &to, true), said)
    } else if let Some(from) = &args.remove {
        let from = names(from)?;
        let said = format!("took {n} article(s) from {}", from.join(", "));
        (current.with_assigned(&articles, &from, false), said)
    } else if let (Some(k), Some(among)) = (args.each, &args.among) {
        let plan = balanced(&articles, &names(among)?, k, args.seed)?;
        let said = format!(
            "assigned each of {n} article(s) to {k} of {} (seed {})",
            among.join(", "),
            args.seed
        );
        (current.with_plan(&plan), said)
    } else if let Some(who) = &args.done {
        let who = names(std::slice::from_ref(who))?.remove(0);
        let said = format!("marked {n} article(s) done for {who}");
        (current.with_done(&articles, &who, true), said)
    } else if let Some(who) = &args.not_done {
        let who = names(std::slice::from_ref(who))?.remove(0);
        let said = format!("cleared {who}'s done mark on {n} article(s)");
        (current.with_done(&articles, &who, false), said)
    } else if let Some(blind) = &args.blind {
        let on = blind == "on";
        let said = format!("blind mode {}", if on { "on" } else { "off" });
        (current.with_blind(on), said)
    } else {
        return Ok(None);
    };
    Ok(Some(change))
}

/// `factdesk assign`: read-modify-write under the project lock; unchanged projects are not
/// saved.
pub fn assign(args: &AssignArgs) -> Result<bool> {
    let lock = ProjectLock::acquire_existing(&args.project, store::LOCK_WAIT)?;
    let mut project = lock.load()?;
    let Some((assignments, said)) = planned(&project, args)? else {
        drop(lock);
        return list(&project);
    };
    let mut out = std::io::stdout().lock();
    if assignments == project.assignments {
        writeln!(out, "{said}: nothing changed")?;
        return Ok(true);
    }
    project.assignments = assignments;
    lock.save(&project)?;
    writeln!(out, "{said} in {}", args.project.display())?;
    write_progress(&mut out, &project)?;
    Ok(true)
}

/// Who annotates which article, one line per article.
fn list(project: &Project) -> Result<bool> {
    let mut out = std::io::stdout().lock();
    let a = &project.assignments;
    writeln!(out, "blind mode: {}", if a.blind { "on" } else { "off" })?;
    for article in &project.articles {
        let assigned = a.assigned(article.id);
        let who: Vec<String> = assigned
            .iter()
            .map(|n| {
                if a.is_done(article.id, n) {
                    format!("{n} (done)")
                } else {
                    n.clone()
                }
            })
            .collect();
        let title: String = article.title.chars().take(50).collect();
        let who = if who.is_empty() {
            "(nobody)".to_owned()
        } else {
            who.join(", ")
        };
        writeln!(out, "{} {title:?}: {who}", article.id)?;
    }
    write_progress(&mut out, project)?;
    Ok(true)
}

/// `progress: alice 3/5 done, bob 0/5 done` (nothing when nobody is assigned).
pub fn write_progress(out: &mut impl Write, project: &Project) -> std::io::Result<()> {
    let progress = project.assignments.progress();
    if progress.is_empty() {
        return Ok(());
    }
    let items: Vec<String> = progress
        .iter()
        .map(|p| format!("{} {}/{} done", p.annotator, p.done, p.assigned))
        .collect();
    writeln!(out, "  progress by annotator: {}", items.join(", "))?;
    if project.assignments.blind {
        writeln!(out, "  blind mode: on")?;
    }
    Ok(())
}
