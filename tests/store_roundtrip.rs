//! Save → load gives back the same project, for random projects full of hard Unicode.

mod common;

use factdesk::store;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn save_then_load_is_identity(project in common::project()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        store::save(&path, &project).unwrap();
        let loaded = store::load(&path).unwrap();
        let mut expected = project.clone();
        expected.sort();
        prop_assert_eq!(&loaded, &expected);
        // Saving what was loaded writes the same bytes: the format is stable.
        let first = std::fs::read(&path).unwrap();
        store::save(&path, &loaded).unwrap();
        prop_assert_eq!(first, std::fs::read(&path).unwrap());
    }
}

#[test]
fn article_text_is_readable_in_the_file() {
    let mut p = factdesk::model::Project::new("t");
    let text = "First paragraph “quoted”.\n\nSecond paragraph.".to_owned();
    p.articles.push(factdesk::model::Article::new(
        factdesk::model::ArticleId(1),
        "T",
        text,
    ));
    let out = store::to_ron_string(&p).unwrap();
    assert!(
        out.contains("First paragraph “quoted”.\n\nSecond paragraph."),
        "{out}"
    );
}

#[test]
fn save_keeps_previous_version_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    store::save(&path, &factdesk::model::Project::new("first")).unwrap();
    store::save(&path, &factdesk::model::Project::new("second")).unwrap();
    assert_eq!(store::load(&path).unwrap().name, "second");
    assert_eq!(
        store::load(&store::backup_path(&path)).unwrap().name,
        "first"
    );
    // No temp files are left behind: the project beside its side folder, which holds the
    // backup, the lock file and its own `.gitignore` only.
    let names = |d: &std::path::Path| {
        let mut names: Vec<_> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    };
    assert_eq!(names(dir.path()), [".factdesk", "p.ron"]);
    assert_eq!(
        names(&dir.path().join(".factdesk")),
        [".gitignore", "p.ron.bak", "p.ron.lock"]
    );
}
