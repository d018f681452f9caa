//! One way to change a project, seen from the shell: commands that print a lot stop
//! quietly when the reader goes away, and commands that change the same project at the
//! same time keep each other's work (the later one waits for the lock).

mod common;

use common::{factdesk, factdesk_into_head, p, sample_copy, stderr};
use factdesk::model::{Layer, LayerRole, Project};
use factdesk::store;
use std::path::Path;

/// A project of many small articles: its agreement report, statistics and suggestions run
/// far past a pipe's buffer.
fn many_articles(dir: &Path) -> std::path::PathBuf {
    let project = factdesk::synthetic::review_pair(5, 3000, 300, 4);
    let path = dir.join("many.ron");
    store::save(&path, &project).unwrap();
    path
}

/// A project of many (empty) layers: the merge summary says a line for each.
fn many_layers(dir: &Path) -> std::path::PathBuf {
    let mut project = factdesk::synthetic::review_pair(5, 2, 300, 4);
    for i in 0..3000 {
        let name = format!("reader-{i:04}");
        project.annotators.push(name.clone());
        project.layers.push(Layer::new(name, LayerRole::Annotator));
    }
    project.sort();
    let path = dir.join("layers.ron");
    store::save(&path, &project).unwrap();
    path
}

#[test]
fn agree_and_merge_into_head_exit_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let many = many_articles(dir.path());
    let layers = many_layers(dir.path());
    let out = dir.path().join("merged.ron");
    for args in [
        vec!["agree", p(&many), "--json"],
        vec!["agree", p(&many)],
        vec!["merge", p(&layers), p(&layers), "-o", p(&out)],
        vec!["suggest", p(&many)],
    ] {
        let full = factdesk(&args);
        assert!(
            full.stdout.len() > 128 * 1024,
            "{args:?}: only {} bytes, a pipe would take them all",
            full.stdout.len()
        );
        let (code, err) = factdesk_into_head(&args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?} said: {err}");
    }
}

/// Run the commands at the same time; each must succeed, or fail saying it could not get
/// the project (never succeed and lose the other's work).
fn at_once(commands: &[Vec<String>]) -> Vec<std::process::Output> {
    let children: Vec<_> = commands
        .iter()
        .map(|args| {
            std::process::Command::new(env!("CARGO_BIN_EXE_factdesk"))
                .args(args)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect()
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn layer_count(project: &Project, name: &str) -> usize {
    project.layer(name).map_or(0, |l| l.annotations.len())
}

#[test]
fn two_suggest_applies_at_once_keep_both_layers() {
    for round in 0..4 {
        let dir = tempfile::tempdir().unwrap();
        let proj = sample_copy(dir.path(), "p.ron");
        let outs = at_once(&[
            args(&["suggest", p(&proj), "--apply", "--layer", "first"]),
            args(&["suggest", p(&proj), "--apply", "--layer", "second"]),
        ]);
        let after = store::load(&proj).unwrap();
        let mut added_total = 0;
        for (o, layer) in outs.iter().zip(["first", "second"]) {
            if o.status.success() {
                // "added N quote(s) and M claim(s) to layer …": whatever it says it added
                // is in the file. (The later run finds the suggestions already annotated.)
                let said = common::stdout(o);
                let numbers: Vec<usize> = said
                    .split_whitespace()
                    .filter_map(|w| w.parse().ok())
                    .take(2)
                    .collect();
                let added: usize = numbers.iter().sum();
                added_total += added;
                assert_eq!(
                    layer_count(&after, layer),
                    added,
                    "round {round}: {layer} said {said:?}"
                );
            } else {
                assert!(stderr(o).contains("lock"), "round {round}: {}", stderr(o));
            }
        }
        assert!(added_total > 0, "round {round}: neither run added anything");
        assert!(after.problems().is_empty());
    }
}

#[test]
fn merge_onto_its_input_beside_an_import_keeps_both_changes() {
    for round in 0..4 {
        let dir = tempfile::tempdir().unwrap();
        let proj = sample_copy(dir.path(), "p.ron");
        // A colleague's copy with a layer of their own.
        let mut theirs = store::load(&proj).unwrap();
        let mut layer = theirs.layer("zahra").unwrap().clone();
        layer.annotator = "colleague".into();
        for a in &mut layer.annotations {
            a.id = factdesk::model::AnnotationId(a.id.0 + 1_000_000);
        }
        for m in layer
            .claim_groups
            .iter_mut()
            .flat_map(|g| g.members.iter_mut())
        {
            m.annotation = factdesk::model::AnnotationId(m.annotation.0 + 1_000_000);
        }
        theirs.annotators.push("colleague".into());
        theirs.layers.push(layer);
        theirs.sort();
        let other = dir.path().join("other.ron");
        store::save(&other, &theirs).unwrap();
        let article = dir.path().join("new.txt");
        std::fs::write(
            &article,
            format!("A new article {round}\n\nIt rained on the city all week, the mayor said.\n"),
        )
        .unwrap();
        let before = store::load(&proj).unwrap().articles.len();
        let outs = at_once(&[
            args(&["merge", p(&proj), p(&other), "-o", p(&proj)]),
            args(&["import", p(&proj), p(&article)]),
        ]);
        let after = store::load(&proj).unwrap();
        let [merge, import] = [&outs[0], &outs[1]];
        if merge.status.success() {
            assert!(
                layer_count(&after, "colleague") > 0,
                "round {round}: the merge's layer was lost"
            );
        } else {
            assert!(stderr(merge).contains("lock"), "{}", stderr(merge));
        }
        if import.status.success() {
            assert_eq!(
                after.articles.len(),
                before + 1,
                "round {round}: the imported article was lost"
            );
        } else {
            assert!(stderr(import).contains("lock"), "{}", stderr(import));
        }
        assert!(after.problems().is_empty());
    }
}

#[test]
fn a_bad_value_is_one_line_naming_the_choices() {
    let dir = tempfile::tempdir().unwrap();
    let proj = sample_copy(dir.path(), "p.ron");
    let o = factdesk(&["suggest", p(&proj), "--kinds", "quotes,gossip"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("gossip") && err.contains("conflicts"), "{err}");
    let o = factdesk(&[
        "import-annotations",
        p(&proj),
        p(&proj),
        "-f",
        "excel",
        "--layer",
        "x",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("doccano, label-studio, brat"),
        "{}",
        stderr(&o)
    );
    // Aliases and any case still work.
    let o = factdesk(&[
        "export",
        p(&proj),
        "-f",
        "HuggingFace",
        "-o",
        p(&dir.path().join("o")),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}
