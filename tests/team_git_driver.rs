//! `factdesk merge-driver` refuses what is not a whole project, leaving ours byte for byte
//! as it was; `factdesk git-setup` configures a repository in one idempotent command.

mod common;

use common::{factdesk, p, stderr, stdout};
use std::path::Path;
use std::process::Command;

fn seeds() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seeds")
}

/// A project with the five seed articles and one suggested layer, saved at `path`.
fn sample(path: &Path) {
    let o = factdesk(&["new", p(path), "--import", p(&seeds())]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = factdesk(&["suggest", p(path), "--apply", "--layer", "alice"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn empty_truncated_and_non_ron_inputs_leave_ours_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let base = d.join("base.ron");
    sample(&base);
    let ours = d.join("ours.ron");
    std::fs::copy(&base, &ours).unwrap();
    let o = factdesk(&["suggest", p(&ours), "--apply", "--layer", "bob"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read(&ours).unwrap();
    assert!(factdesk::store::load(&ours).unwrap().annotation_count() > 10);

    let empty = d.join("empty.ron");
    std::fs::write(&empty, "").unwrap();
    let truncated = d.join("truncated.ron");
    std::fs::write(&truncated, &text[..text.len() / 2]).unwrap();
    let not_ron = d.join("not-ron.ron");
    std::fs::write(&not_ron, "<<<<<<< HEAD\nthis is a conflict marker, not RON\n").unwrap();
    let binary = d.join("binary.ron");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x42, 0x80]).unwrap();
    let missing = d.join("missing.ron");

    for bad in [&empty, &truncated, &not_ron, &binary, &missing] {
        // As theirs, as ours, and (except the empty file, which means "no ancestor") as base.
        let mut cases = vec![("theirs", vec![p(&base), p(&ours), p(bad)])];
        if bad != &empty {
            cases.push(("base", vec![p(bad), p(&ours), p(&base)]));
        }
        for (role, args) in cases {
            let mut argv = vec!["merge-driver"];
            argv.extend(args);
            let o = factdesk(&argv);
            let err = stderr(&o);
            assert_eq!(o.status.code(), Some(1), "{role} {}: {err}", bad.display());
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(err.contains("left as it was"), "{err}");
            assert!(
                std::fs::read(&ours).unwrap() == text,
                "ours changed with a bad {role} ({})",
                bad.display()
            );
        }
        // The bad file as ours is left as it is too.
        if bad != &missing {
            let copy = d.join("bad-ours.ron");
            std::fs::copy(bad, &copy).unwrap();
            let before = std::fs::read(&copy).unwrap();
            let o = factdesk(&["merge-driver", p(&base), p(&copy), p(&ours)]);
            assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
            assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
            assert_eq!(std::fs::read(&copy).unwrap(), before);
        }
    }
    let err = stderr(&factdesk(&["merge-driver", p(&base), p(&ours), p(&empty)]));
    assert!(err.contains("empty file (0 bytes)"), "{err}");
}

#[test]
fn an_empty_ancestor_is_gits_add_add_and_both_additions_are_kept_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Both branches created the project from the same articles and ran the same suggestions:
    // the same work under different random ids.
    let (ours, theirs) = (d.join("ours.ron"), d.join("theirs.ron"));
    sample(&ours);
    sample(&theirs);
    let one = factdesk::store::load(&ours).unwrap();
    let empty = d.join("empty.ron");
    std::fs::write(&empty, "").unwrap();
    let o = factdesk(&["merge-driver", p(&empty), p(&ours), p(&theirs)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let merged = factdesk::store::load(&ours).unwrap();
    assert_eq!(merged.articles.len(), one.articles.len());
    assert_eq!(merged.entities.len(), one.entities.len());
    assert_eq!(merged.annotation_count(), one.annotation_count());
    assert_eq!(merged, one, "ours' ids are kept and nothing is added");
    // Deterministic: the same inputs, the same bytes.
    let again = d.join("again.ron");
    sample(&again);
    let copy = d.join("copy.ron");
    std::fs::copy(&again, &copy).unwrap();
    assert!(factdesk(&["merge-driver", p(&empty), p(&again), p(&theirs)]).status.success());
    assert!(factdesk(&["merge-driver", p(&empty), p(&copy), p(&theirs)]).status.success());
    assert_eq!(std::fs::read(&again).unwrap(), std::fs::read(&copy).unwrap());
}

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .unwrap()
}

#[test]
fn git_setup_configures_once_and_says_what_it_did() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Outside a work tree: a clear error, nothing written.
    let outside = d.join("outside");
    std::fs::create_dir(&outside).unwrap();
    let proj = outside.join("p.ron");
    let o = Command::new(env!("CARGO_BIN_EXE_factdesk"))
        .args(["git-setup", p(&proj)])
        .env("GIT_CEILING_DIRECTORIES", d)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not inside a git work tree"), "{}", stderr(&o));
    assert_eq!(stderr(&o).lines().count(), 1);
    assert!(!outside.join(".gitattributes").exists());

    let repo = d.join("repo");
    std::fs::create_dir_all(repo.join("projects")).unwrap();
    assert!(git(&repo, &["init", "-q"]).status.success());
    std::fs::write(repo.join(".gitattributes"), "*.png binary").unwrap();
    let proj = repo.join("projects/event.ron");
    let o = factdesk(&["git-setup", p(&proj)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = stdout(&o);
    assert!(said.contains("added `*.ron merge=factdesk`"), "{said}");
    assert!(said.contains("configured merge.factdesk.driver"), "{said}");
    let attributes = std::fs::read_to_string(repo.join(".gitattributes")).unwrap();
    assert_eq!(attributes, "*.png binary\n*.ron merge=factdesk\n");
    let driver = stdout(&git(&repo, &["config", "--get", "merge.factdesk.driver"]));
    assert!(
        driver.trim().ends_with("factdesk merge-driver %O %A %B"),
        "{driver}"
    );
    // git itself now maps the project to the driver.
    let attr = stdout(&git(&repo, &["check-attr", "merge", "--", "projects/event.ron"]));
    assert!(attr.contains("merge: factdesk"), "{attr}");

    // Again: nothing changes, and it says so.
    let config_before = std::fs::read(repo.join(".git/config")).unwrap();
    let o = factdesk(&["git-setup", p(&proj)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = stdout(&o);
    assert!(said.contains("already maps *.ron"), "{said}");
    assert!(said.contains("is already"), "{said}");
    assert_eq!(
        std::fs::read_to_string(repo.join(".gitattributes")).unwrap(),
        attributes
    );
    assert_eq!(std::fs::read(repo.join(".git/config")).unwrap(), config_before);
    // Only .gitattributes is new in the work tree (the side folder, if any, is ignored).
    let status = stdout(&git(&repo, &["status", "--porcelain", "--untracked-files=all"]));
    assert_eq!(status, "?? .gitattributes\n");

    // A project pattern of one's own.
    let o = factdesk(&["git-setup", p(&proj), "--pattern", "projects/*.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(repo.join(".gitattributes"))
            .unwrap()
            .ends_with("projects/*.ron merge=factdesk\n")
    );
    let o = factdesk(&["git-setup", p(&proj), "--pattern", "a b"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o).lines().count(), 1);
}

#[test]
fn assign_marks_done_and_stats_shows_progress_per_annotator() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("p.ron");
    let o = factdesk(&["new", p(&proj), "--import", p(&seeds())]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ids: Vec<String> = factdesk::store::load(&proj)
        .unwrap()
        .articles
        .iter()
        .map(|a| a.id.to_string())
        .collect();
    let o = factdesk(&[
        "assign", p(&proj), "--each", "2", "--among", "alice,bob,carol", "--seed", "3",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pr = factdesk::store::load(&proj).unwrap();
    let loads: Vec<usize> = pr.assignments.progress().iter().map(|p| p.assigned).collect();
    // 5 articles × 2 = 10 over 3 annotators: 3, 3 and 4.
    assert_eq!(loads.iter().sum::<usize>(), 10);
    assert!(loads.iter().all(|&l| l == 3 || l == 4), "{loads:?}");
    for a in &pr.articles {
        assert_eq!(pr.assignments.assigned(a.id).len(), 2);
    }
    let alice_first = pr.assignments.assigned_to("alice").next().unwrap();
    let o = factdesk(&[
        "assign",
        p(&proj),
        "--done",
        "alice",
        "--articles",
        &alice_first.to_string(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let alice_total = pr.assignments.assigned_to("alice").count();
    let o = factdesk(&["stats", p(&proj)]);
    let out = stdout(&o);
    assert!(
        out.contains(&format!("alice 1/{alice_total} done")),
        "{out}"
    );
    // Blind mode on; an unknown article is refused in one line and changes nothing.
    assert!(factdesk(&["assign", p(&proj), "--blind", "on"]).status.success());
    let before = std::fs::read(&proj).unwrap();
    let o = factdesk(&["assign", p(&proj), "--to", "dan", "--articles", "1,2"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    assert_eq!(std::fs::read(&proj).unwrap(), before);
    let o = factdesk(&["assign", p(&proj), "--each", "4", "--among", "alice,bob"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("needs at least 4"), "{}", stderr(&o));
    // The same request twice: the second changes nothing and does not save.
    let o = factdesk(&["assign", p(&proj), "--to", "dan", "--articles", &ids[0]]);
    assert!(o.status.success(), "{}", stderr(&o));
    let saved = std::fs::read(&proj).unwrap();
    let o = factdesk(&["assign", p(&proj), "--to", "dan", "--articles", &ids[0]]);
    assert!(stdout(&o).contains("nothing changed"), "{}", stdout(&o));
    assert_eq!(std::fs::read(&proj).unwrap(), saved);
    // The listing.
    let o = factdesk(&["assign", p(&proj)]);
    let out = stdout(&o);
    assert!(out.contains("blind mode: on"), "{out}");
    assert!(out.contains("alice (done)"), "{out}");
    assert_eq!(factdesk::store::load(&proj).unwrap().assignments.blind, true);
}
