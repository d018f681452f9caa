//! `factdesk merge-driver` refuses what is not a whole project, leaving ours byte for byte
//! as it was, and keeps what both sides added once; `factdesk git-setup` configures a
//! repository in one idempotent command.

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
    std::fs::write(
        &not_ron,
        "<<<<<<< HEAD\nthis is a conflict marker, not RON\n",
    )
    .unwrap();
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
    assert!(
        factdesk(&["merge-driver", p(&empty), p(&again), p(&theirs)])
            .status
            .success()
    );
    assert!(
        factdesk(&["merge-driver", p(&empty), p(&copy), p(&theirs)])
            .status
            .success()
    );
    assert_eq!(
        std::fs::read(&again).unwrap(),
        std::fs::read(&copy).unwrap()
    );
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
    assert!(
        stderr(&o).contains("not inside a git work tree"),
        "{}",
        stderr(&o)
    );
    assert_eq!(stderr(&o).lines().count(), 1);
    assert!(!outside.join(".gitattributes").exists());
    // Not in a work tree: nothing to offer (checked only where no repository encloses
    // the temporary folder).
    let o = Command::new("git")
        .args(["rev-parse", "--show-toplevel"])
        .current_dir(&outside)
        .output()
        .unwrap();
    if !o.status.success() {
        assert_eq!(factdesk::store::git_setup::check(&proj), None);
    }

    let repo = d.join("repo");
    std::fs::create_dir_all(repo.join("projects")).unwrap();
    assert!(git(&repo, &["init", "-q"]).status.success());
    std::fs::write(repo.join(".gitattributes"), "*.png binary").unwrap();
    let proj = repo.join("projects/event.ron");
    // What the window would offer to set up: both parts missing.
    let missing = factdesk::store::git_setup::check(&proj).unwrap();
    assert!(missing.attributes && missing.driver, "{missing:?}");
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
    let attr = stdout(&git(
        &repo,
        &["check-attr", "merge", "--", "projects/event.ron"],
    ));
    assert!(attr.contains("merge: factdesk"), "{attr}");

    assert_eq!(
        factdesk::store::git_setup::check(&proj),
        None,
        "nothing left to offer"
    );
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
    assert_eq!(
        std::fs::read(repo.join(".git/config")).unwrap(),
        config_before
    );
    // Only .gitattributes is new in the work tree (the side folder, if any, is ignored).
    let status = stdout(&git(
        &repo,
        &["status", "--porcelain", "--untracked-files=all"],
    ));
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

/// `p` with every id moved by `by`, references included: the same work as another branch
/// would hold it after importing and annotating on its own.
fn rekeyed(p: &factdesk::model::Project, by: u64) -> factdesk::model::Project {
    use factdesk::model::*;
    let mut q = p.clone();
    for a in &mut q.articles {
        a.id = ArticleId(a.id.0 + by);
    }
    for e in &mut q.entities {
        e.id = EntityId(e.id.0 + by);
    }
    let entity = |e: &mut Option<EntityId>| {
        if let Some(id) = e {
            *id = EntityId(id.0 + by);
        }
    };
    for layer in &mut q.layers {
        for a in &mut layer.annotations {
            a.id = AnnotationId(a.id.0 + by);
            a.article = ArticleId(a.article.0 + by);
            // A later moment: timestamps are not what makes two annotations the same.
            a.created += chrono::Duration::seconds(60);
            a.modified += chrono::Duration::seconds(60);
            match &mut a.kind {
                AnnotationKind::Quote(x) => {
                    entity(&mut x.speaker);
                    for c in &mut x.claims {
                        *c = AnnotationId(c.0 + by);
                    }
                }
                AnnotationKind::Claim(c) => entity(&mut c.claimant),
                _ => {}
            }
        }
    }
    q
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Both branches hold the same work under different ids (git's add/add, empty
    /// ancestor): the merge is ours, unchanged, with no conflicts — nothing twice.
    #[test]
    fn the_same_work_under_other_ids_merges_into_ours_unchanged(p in common::project()) {
        let theirs = rekeyed(&p, 5_000_000);
        let merged = factdesk::review::merge3::merge3(&factdesk::model::Project::new(""), &p, &theirs);
        proptest::prop_assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        let mut expected = p.clone();
        expected.sort();
        proptest::prop_assert_eq!(&merged.project, &expected);
        // And the other way round, theirs' ids kept.
        let back = factdesk::review::merge3::merge3(&factdesk::model::Project::new(""), &theirs, &p);
        proptest::prop_assert!(back.conflicts.is_empty(), "{:?}", back.conflicts);
        proptest::prop_assert_eq!(back.project.annotation_count(), p.annotation_count());
    }
}
