//! Errors as promised: one line on stderr, said once, never a panic — also when stdout is
//! a pipe closed early, and `check` reports problems on stderr.

mod common;

use common::{factdesk, p, stderr, stdout};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/soleimani-funeral.ron")
}

#[cfg(unix)]
#[test]
fn stats_into_a_closed_pipe_exits_cleanly() {
    // `factdesk stats p.ron | head -0`: the reader is gone before the first line is
    // written (loading the project takes longer than closing the pipe), so every write
    // meets a closed pipe.
    let mut child = Command::new(env!("CARGO_BIN_EXE_factdesk"))
        .args(["stats", p(&sample())])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "stderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.is_empty(), "{err}");

    // Through a real shell pipeline too.
    let o = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "{} stats {} | head -1; echo \"status ${{PIPESTATUS:-0}}\"",
            env!("CARGO_BIN_EXE_factdesk"),
            p(&sample())
        ))
        .output()
        .unwrap();
    assert!(stdout(&o).starts_with("project: "), "{}", stdout(&o));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}

#[test]
fn check_reports_problems_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(format_version: 1, name: \"x\", surprise: 1)").unwrap();
    let o = factdesk(&["check", p(&bad)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    let err = stderr(&o);
    assert!(
        err.contains("bad.ron:1:") && err.contains("`surprise`"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");

    let o = factdesk(&["check", p(&sample())]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("ok ("), "{}", stdout(&o));
}

/// No part of an error message appears twice in it.
fn said_once(line: &str) {
    let parts: Vec<&str> = line.split(": ").map(str::trim).collect();
    for (i, a) in parts.iter().enumerate() {
        for b in &parts[i + 1..] {
            assert!(a != b || a.is_empty(), "repeated {a:?} in {line:?}");
        }
    }
}

#[test]
fn errors_are_one_line_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("folder.ron");
    std::fs::create_dir(&folder).unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Title\n\nBody.\n").unwrap();
    let mut cases = vec![
        factdesk(&["stats", p(&folder)]),
        factdesk(&["import", p(&folder), p(&article)]),
        factdesk(&["new", p(&dir.path().join("no/such/dir/p.ron"))]),
        factdesk(&["stats", p(&dir.path().join("missing.ron"))]),
    ];
    #[cfg(unix)]
    if !running_as_root() {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.path().join("secret.ron");
        std::fs::write(&locked, "x").unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        cases.push(factdesk(&["stats", p(&locked)]));
    }
    for o in cases {
        assert_eq!(o.status.code(), Some(1));
        let err = stderr(&o);
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(err.starts_with("factdesk: "), "{err}");
        said_once(err.trim());
    }
}

#[cfg(unix)]
fn running_as_root() -> bool {
    std::fs::metadata("/proc/self")
        .map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
        .unwrap_or(false)
}
