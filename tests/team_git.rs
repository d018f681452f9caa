//! A team through git, as the README says to work: a bare remote and three clones
//! (alice, bob, carol), the merge driver set up with `factdesk git-setup`, every change
//! made through the CLI on one's assigned articles, committed with `git add -A`, pulled
//! and pushed — including the same article imported on two branches, the same
//! `suggest --apply` on both, and a project file both branches created (git's add/add).

mod common;

use common::stderr;
use factdesk::model::*;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn seed(n: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.swap_remove(n)
}

struct Team {
    dir: tempfile::TempDir,
}

impl Team {
    fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    fn clone_dir(&self, who: &str) -> PathBuf {
        self.dir.path().join(who)
    }

    fn git(&self, who: &str, args: &[&str]) -> Output {
        Command::new("git")
            .args(args)
            .current_dir(self.clone_dir(who))
            .env("HOME", self.home())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_TERMINAL_PROMPT", "0")
            .output()
            .unwrap()
    }

    fn git_ok(&self, who: &str, args: &[&str]) -> String {
        let o = self.git(who, args);
        assert!(
            o.status.success(),
            "{who}: git {args:?}: {}{}",
            String::from_utf8_lossy(&o.stdout),
            stderr(&o)
        );
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    /// Run factdesk in `who`'s clone; afterwards `git status` may show no change but to
    /// the project files in `allowed` (nothing else, and nothing untracked).
    fn factdesk(&self, who: &str, args: &[&str], allowed: &[&str]) -> Output {
        let o = Command::new(env!("CARGO_BIN_EXE_factdesk"))
            .args(args)
            .current_dir(self.clone_dir(who))
            .env("HOME", self.home())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "{who}: factdesk {args:?}: {}",
            stderr(&o)
        );
        let status = self.git_ok(who, &["status", "--porcelain", "--untracked-files=all"]);
        for line in status.lines() {
            let path = &line[3..];
            assert!(
                allowed.contains(&path),
                "{who}: after factdesk {args:?}, git status shows {line:?}:\n{status}"
            );
        }
        o
    }

    fn commit_all(&self, who: &str, message: &str) {
        self.git_ok(who, &["add", "-A"]);
        self.git_ok(who, &["commit", "-qm", message]);
    }

    /// Pull (a merge through the driver) and push; the merge must be clean.
    fn pull_push(&self, who: &str) {
        let o = self.git(who, &["pull", "--no-edit", "-q", "origin", "main"]);
        assert!(
            o.status.success(),
            "{who}: the pull did not merge cleanly: {}{}",
            String::from_utf8_lossy(&o.stdout),
            stderr(&o)
        );
        self.git_ok(who, &["push", "-q", "origin", "HEAD:main"]);
    }

    fn load(&self, who: &str, file: &str) -> Project {
        factdesk::store::load(&self.clone_dir(who).join(file)).unwrap()
    }
}

const EVENT: &str = "projects/event.ron";
const EXTRA: &str = "projects/extra.ron";

/// The articles `who` is assigned in `file`, in project order, as CLI arguments.
fn assigned(p: &Project, who: &str) -> Vec<String> {
    p.assignments
        .assigned_to(who)
        .map(|a| a.to_string())
        .collect()
}

fn annotate_own(team: &Team, who: &str) {
    let p = team.load(who, EVENT);
    let mine = assigned(&p, who);
    assert!(!mine.is_empty(), "{who} has articles");
    for article in &mine {
        team.factdesk(
            who,
            &[
                "suggest",
                EVENT,
                "--apply",
                "--layer",
                who,
                "--article",
                article,
                "--kinds",
                "claims",
            ],
            &[EVENT, EXTRA],
        );
    }
    team.factdesk(
        who,
        &[
            "assign",
            EVENT,
            "--done",
            who,
            "--articles",
            &mine.join(","),
        ],
        &[EVENT, EXTRA],
    );
}

/// No two articles with one text, no two entities answering to one name, no two
/// annotations of one layer on the same span with the same kind.
fn assert_each_once(p: &Project) {
    let texts: HashSet<&str> = p.articles.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(texts.len(), p.articles.len(), "an article is there twice");
    let mut names = HashSet::new();
    for e in &p.entities {
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            assert!(names.insert(n.to_lowercase()), "entity name {n:?} twice");
        }
    }
    for layer in &p.layers {
        let mut seen = HashSet::new();
        for a in &layer.annotations {
            let key = (a.article, a.span.start, a.span.end, format!("{:?}", a.kind));
            assert!(
                seen.insert(key),
                "layer {}: annotation {} is there twice",
                layer.annotator,
                a.id
            );
        }
    }
}

/// How many annotations and entities `suggest --apply` (of these kinds) makes on these
/// seed articles alone.
fn suggested_alone(seeds: &[usize], kinds: &str) -> (usize, usize) {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("alone.ron");
    let mut args = vec![
        "new".to_owned(),
        proj.display().to_string(),
        "--import".into(),
    ];
    args.extend(seeds.iter().map(|&n| seed(n).display().to_string()));
    let run = |args: &[String]| {
        let o = Command::new(env!("CARGO_BIN_EXE_factdesk"))
            .args(args)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
    };
    run(&args);
    let apply = [
        "suggest",
        proj.to_str().unwrap(),
        "--apply",
        "--layer",
        "suggested",
        "--kinds",
        kinds,
    ];
    run(&apply.map(String::from));
    let p = factdesk::store::load(&proj).unwrap();
    (p.annotation_count(), p.entities.len())
}

#[test]
fn three_annotators_share_a_project_through_git() {
    let team = Team {
        dir: tempfile::tempdir().unwrap(),
    };
    let root = team.dir.path();
    std::fs::create_dir_all(team.home()).unwrap();
    let remote = root.join("remote.git");
    let o = Command::new("git")
        .args(["init", "-q", "--bare", "-b", "main"])
        .arg(&remote)
        .env("HOME", team.home())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let clone = |who: &str| {
        let o = Command::new("git")
            .args(["clone", "-q"])
            .arg(&remote)
            .arg(root.join(who))
            .env("HOME", team.home())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        team.git_ok(who, &["config", "user.name", who]);
        team.git_ok(
            who,
            &["config", "user.email", &format!("{who}@example.org")],
        );
        team.git_ok(who, &["config", "pull.rebase", "false"]);
        team.git_ok(who, &["checkout", "-q", "-B", "main"]);
    };

    // Alice starts the project: three articles, the merge driver, the assignments.
    clone("alice");
    std::fs::create_dir_all(team.clone_dir("alice").join("projects")).unwrap();
    let s = |n: usize| seed(n).display().to_string();
    team.factdesk(
        "alice",
        &["new", EVENT, "--import", &s(0), &s(1), &s(2)],
        &[EVENT],
    );
    let o = team.factdesk("alice", &["git-setup", EVENT], &[EVENT, ".gitattributes"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("merge=factdesk"));
    team.factdesk(
        "alice",
        &[
            "assign",
            EVENT,
            "--each",
            "2",
            "--among",
            "alice,bob,carol",
            "--seed",
            "5",
        ],
        &[EVENT, ".gitattributes"],
    );
    team.commit_all(
        "alice",
        "start: three articles, assigned two annotators each",
    );
    team.git_ok("alice", &["push", "-q", "-u", "origin", "main"]);

    // Bob and carol clone and set up the driver in their clones (the attributes are
    // already committed: nothing to add, only their own config).
    for who in ["bob", "carol"] {
        clone(who);
        team.git_ok(who, &["pull", "-q", "origin", "main"]);
        let o = team.factdesk(who, &["git-setup", EVENT], &[]);
        assert!(
            String::from_utf8_lossy(&o.stdout).contains("already maps"),
            "{}",
            String::from_utf8_lossy(&o.stdout)
        );
    }

    // Everyone works at once, before seeing anyone else's work: each annotates their own
    // assigned articles (claims) and marks them done.
    for who in ["alice", "bob", "carol"] {
        annotate_own(&team, who);
    }
    // Alice and bob both import the fourth article and both run the same suggestions.
    for who in ["alice", "bob"] {
        team.factdesk(who, &["import", EVENT, &s(3)], &[EVENT]);
        team.factdesk(
            who,
            &[
                "suggest",
                EVENT,
                "--apply",
                "--layer",
                "suggested",
                "--kinds",
                "quotes",
            ],
            &[EVENT],
        );
    }
    // Bob and carol both start a second project from the same article (git's add/add).
    for who in ["bob", "carol"] {
        team.factdesk(who, &["new", EXTRA, "--import", &s(4)], &[EVENT, EXTRA]);
        team.factdesk(
            who,
            &["suggest", EXTRA, "--apply", "--layer", "suggested"],
            &[EVENT, EXTRA],
        );
    }
    for who in ["alice", "bob", "carol"] {
        team.commit_all(who, &format!("{who}'s annotations"));
    }
    let mut own_layers = BTreeMap::new();
    for who in ["alice", "bob", "carol"] {
        let p = team.load(who, EVENT);
        own_layers.insert(who, p.layer(who).unwrap().annotations.len());
    }

    // Pull and push in turn: every merge goes through the driver and is clean.
    team.git_ok("alice", &["push", "-q", "origin", "main"]);
    team.pull_push("bob");
    team.pull_push("carol");
    team.pull_push("alice");
    team.pull_push("bob");

    let (suggested_count, suggested_entities) = suggested_alone(&[0, 1, 2, 3], "quotes");
    let (extra_count, extra_entities) = suggested_alone(&[4], "quotes,claims");
    for who in ["alice", "bob", "carol"] {
        let p = team.load(who, EVENT);
        assert_eq!(p.articles.len(), 4, "{who}: each article once");
        assert_each_once(&p);
        assert_eq!(
            p.layer("suggested").unwrap().annotations.len(),
            suggested_count,
            "{who}: the suggestions applied on two branches are there once"
        );
        assert_eq!(p.entities.len(), suggested_entities, "{who}: speakers once");
        for (layer, n) in &own_layers {
            assert_eq!(
                p.layer(layer).map(|l| l.annotations.len()),
                Some(*n),
                "{who}: layer {layer} whole"
            );
            let theirs = assigned(&p, layer);
            assert_eq!(theirs.len(), 2, "{who}: {layer}'s assignments");
            for a in p.assignments.assigned_to(layer) {
                assert!(
                    p.assignments.is_done(a, layer),
                    "{who}: {layer} done on {a}"
                );
            }
        }
        let progress = p.assignments.progress();
        assert!(
            progress.iter().all(|x| x.done == x.assigned),
            "{progress:?}"
        );
        // References resolve and `check` agrees.
        let o = Command::new(env!("CARGO_BIN_EXE_factdesk"))
            .args(["check", EVENT])
            .current_dir(team.clone_dir(who))
            .output()
            .unwrap();
        assert!(o.status.success(), "{who}: check: {}", stderr(&o));

        let extra = team.load(who, EXTRA);
        assert_eq!(
            extra.articles.len(),
            1,
            "{who}: add/add kept the article once"
        );
        assert_eq!(extra.annotation_count(), extra_count);
        assert_eq!(extra.entities.len(), extra_entities);
        assert_each_once(&extra);
    }
    // Everyone ends with the same files, and nothing but project files in git.
    let head = |who: &str| team.git_ok(who, &["rev-parse", "HEAD:projects"]);
    team.git_ok("alice", &["pull", "-q", "--no-edit", "origin", "main"]);
    team.git_ok("carol", &["pull", "-q", "--no-edit", "origin", "main"]);
    assert_eq!(head("alice"), head("bob"));
    assert_eq!(head("carol"), head("bob"));
    let files = team.git_ok("bob", &["ls-files"]);
    assert_eq!(
        files.lines().collect::<Vec<_>>(),
        [".gitattributes", EVENT, EXTRA],
        "only project files are tracked"
    );
}
