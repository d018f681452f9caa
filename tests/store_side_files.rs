//! Side files (lock, backup, autosave, a save's temporary files) live in the hidden
//! `.factdesk/` folder beside the project, which ignores itself in git; nothing in it
//! changes when nothing is saved; the old layout's side files go on the first save.

mod common;

use common::{factdesk, p, stderr};
use factdesk::model::*;
use factdesk::store::{self, LOCK_WAIT, ProjectLock, recovery};
use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

/// Every file under `dir` with its bytes and modification time.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>, SystemTime)> {
    let mut out: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| {
            let m = e.metadata().unwrap();
            (
                e.file_name().into_string().unwrap(),
                fs::read(e.path()).unwrap(),
                m.modified().unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

fn project() -> Project {
    let mut p = Project::new("side");
    p.articles.push(Article::new(
        ArticleId(1),
        "One",
        text::normalize("Mourners filled the streets."),
    ));
    p
}

#[test]
fn a_save_leaves_only_the_project_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    store::save(&path, &project()).unwrap();
    store::save(&path, &project()).unwrap();
    assert_eq!(names(dir.path()), [".factdesk", "p.ron"]);
    let side = dir.path().join(".factdesk");
    assert_eq!(names(&side), [".gitignore", "p.ron.bak", "p.ron.lock"]);
    let ignore = fs::read_to_string(side.join(".gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "*"), "{ignore}");
    assert_eq!(store::backup_path(&path), side.join("p.ron.bak"));
    assert_eq!(store::lock_path(&path), side.join("p.ron.lock"));
    assert_eq!(recovery::recovery_path(&path), side.join("p.ron.recovery"));
    // The lock file is never written: it says nothing that could change.
    assert_eq!(fs::read(side.join("p.ron.lock")).unwrap(), b"");
}

#[test]
fn nothing_in_the_side_folder_changes_when_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    store::save(&path, &project()).unwrap();
    let side = dir.path().join(".factdesk");
    let before = snapshot(&side);
    std::thread::sleep(Duration::from_millis(30));
    // Taking and releasing the lock, loading, and CLI commands that only read …
    drop(ProjectLock::acquire(&path, LOCK_WAIT).unwrap());
    store::load(&path).unwrap();
    for args in [vec!["check", p(&path)], vec!["stats", p(&path)]] {
        let o = factdesk(&args);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    // … and an import that is refused (the article is already there).
    let same = dir.path().join("same.txt");
    fs::write(&same, "One\n\nMourners filled the streets.\n").unwrap();
    let _ = factdesk(&["import", p(&path), p(&same)]);
    assert_eq!(snapshot(&side), before);
}

#[test]
fn old_side_files_beside_the_project_go_on_the_first_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    fs::write(&path, store::to_ron_string(&project()).unwrap()).unwrap();
    // What versions before the side folder left (and a team may have committed).
    fs::write(dir.path().join("p.ron.bak"), "old backup").unwrap();
    fs::write(dir.path().join("p.ron.lock"), "factdesk import, process 1").unwrap();
    let old_autosave = store::to_ron_string(&Project::new("autosaved")).unwrap();
    fs::write(dir.path().join("p.ron.recovery"), &old_autosave).unwrap();
    // The old autosave is still found (it is newer than the project file).
    let later = SystemTime::now() + Duration::from_secs(5);
    fs::File::options()
        .write(true)
        .open(dir.path().join("p.ron.recovery"))
        .unwrap()
        .set_modified(later)
        .unwrap();
    assert_eq!(
        recovery::newer(&path),
        Some(dir.path().join("p.ron.recovery"))
    );

    let article = dir.path().join("a.txt");
    fs::write(&article, "Two\n\nA second article.\n").unwrap();
    let o = factdesk(&["import", p(&path), p(&article)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(names(dir.path()), [".factdesk", "a.txt", "p.ron"]);
    let side = dir.path().join(".factdesk");
    assert_eq!(
        names(&side),
        [".gitignore", "p.ron.bak", "p.ron.lock", "p.ron.recovery"]
    );
    // The backup is the version before this save; the autosave moved, unchanged.
    assert_eq!(
        store::load(&side.join("p.ron.bak")).unwrap().articles.len(),
        1
    );
    assert_eq!(
        fs::read_to_string(side.join("p.ron.recovery")).unwrap(),
        old_autosave
    );
    recovery::discard(&path);
    assert!(recovery::newer(&path).is_none());
}

#[test]
fn an_old_lock_held_by_an_older_factdesk_is_respected() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    store::save(&path, &project()).unwrap();
    let before = fs::read(&path).unwrap();
    let old = fs::File::create(dir.path().join("p.ron.lock")).unwrap();
    old.lock().unwrap();
    let err = ProjectLock::acquire(&path, Duration::from_millis(100)).unwrap_err();
    assert!(
        err.to_string().contains("another program is saving"),
        "{err}"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    old.unlock().unwrap();
    store::save(&path, &project()).unwrap();
    assert!(!dir.path().join("p.ron.lock").exists());
}

#[test]
fn autosave_goes_into_the_side_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    store::save(&path, &project()).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    let rec = recovery::write(&path, &Project::new("unsaved")).unwrap();
    assert_eq!(rec, dir.path().join(".factdesk/p.ron.recovery"));
    assert_eq!(recovery::newer(&path), Some(rec.clone()));
    assert_eq!(recovery::load(&rec).unwrap().name, "unsaved");
    assert_eq!(names(dir.path()), [".factdesk", "p.ron"]);
    recovery::discard(&path);
    assert!(!rec.exists());
}

#[test]
fn a_file_where_the_side_folder_goes_is_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    fs::write(dir.path().join(".factdesk"), "not a folder").unwrap();
    let o = factdesk(&["new", p(&path)]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("is not a folder"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(
        fs::read_to_string(dir.path().join(".factdesk")).unwrap(),
        "not a folder"
    );
}
