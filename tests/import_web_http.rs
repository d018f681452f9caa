//! `factdesk import PROJECT URL…` against a local HTTP server on 127.0.0.1 started here:
//! redirects, errors, charsets, compression, size, binary data, a silent server, and the
//! project file byte-identical after every failure.

mod common;

use common::{factdesk, p, snapshot, stderr, stdout};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/web")
            .join(name),
    )
    .unwrap()
}

const CP1252_PAGE: &[u8] = b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 owners protest new rules</title></head><body><article><h1>Caf\xe9 owners protest new rules</h1><p>Owners of the city\x92s caf\xe9s and cr\xeaperies marched to the town hall on Monday to protest against rules that would limit outdoor seating to six tables.</p><p>\x93We were not consulted,\x94 said Zo\xeb Lef\xe8vre, who runs a caf\xe9 near the cathedral. The council said the rules would be reviewed na\xefvely by no one and debated in March.</p></article></body></html>";

/// One answer per path; `/silent` accepts and never answers.
fn respond(path: &str, stream: &mut TcpStream) {
    let send = |stream: &mut TcpStream, head: &str, body: &[u8]| {
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(body);
    };
    let ok = |ty: &str, extra: &str, body: &[u8]| {
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: {ty}\r\nContent-Length: {}\r\n{extra}Connection: close\r\n\r\n",
            body.len()
        )
    };
    match path {
        "/article" => {
            let body = fixture("wordpress.html");
            send(stream, &ok("text/html; charset=utf-8", "", &body), &body);
        }
        "/amp" => {
            let body = fixture("amp.html");
            send(stream, &ok("text/html", "", &body), &body);
        }
        "/moved" => send(
            stream,
            "HTTP/1.1 301 Moved Permanently\r\nLocation: /article\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            b"",
        ),
        "/missing" => send(
            stream,
            "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 9\r\nConnection: close\r\n\r\n",
            b"not found",
        ),
        "/pdf" => send(
            stream,
            &ok("application/pdf", "", b"%PDF-1.7\n"),
            b"%PDF-1.7\n",
        ),
        "/cp1252" => send(
            stream,
            &ok("text/html; charset=windows-1252", "", CP1252_PAGE),
            CP1252_PAGE,
        ),
        "/gzip" => {
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            enc.write_all(&fixture("arc.html")).unwrap();
            let body = enc.finish().unwrap();
            send(
                stream,
                &ok("text/html", "Content-Encoding: gzip\r\n", &body),
                &body,
            );
        }
        "/huge" => {
            // 30 MB, streamed without a length, so the limit must stop the reading.
            let _ = stream.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><body><p>",
            );
            let chunk = "All work and no play makes a dull page. ".repeat(1000);
            for _ in 0..(30 << 20) / chunk.len() {
                if stream.write_all(chunk.as_bytes()).is_err() {
                    return;
                }
            }
        }
        "/random" => {
            let mut rng = fastrand::Rng::with_seed(7);
            let body: Vec<u8> = (0..20_000).map(|_| rng.u8(..)).collect();
            send(stream, &ok("text/html", "", &body), &body);
        }
        "/silent" => std::thread::sleep(Duration::from_secs(30)),
        _ => send(
            stream,
            "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            b"",
        ),
    }
}

/// Start the server; returns its base address.
fn server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut stream = stream;
                let mut head = Vec::new();
                let mut byte = [0u8; 1];
                while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
                    head.push(byte[0]);
                    if head == [0x16] {
                        // A TLS ClientHello: answer in plain HTTP, as a misconfigured server would.
                        let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\n\r\n");
                        return;
                    }
                }
                let head = String::from_utf8_lossy(&head);
                let path = head.split_whitespace().nth(1).unwrap_or("/").to_owned();
                respond(&path, &mut stream);
            });
        }
    });
    base
}

fn project(dir: &Path) -> PathBuf {
    let file = dir.join("p.ron");
    let out = factdesk(&["new", p(&file)]);
    assert!(out.status.success(), "{}", stderr(&out));
    file
}

fn load(file: &Path) -> factdesk::model::Project {
    factdesk::store::load(file).unwrap()
}

/// Import must fail with `message` in its one-line error and leave the file as it was.
fn refused(base: &str, path: &str, message: &str, extra: &[&str]) -> Duration {
    let dir = tempfile::tempdir().unwrap();
    let file = project(dir.path());
    let before = snapshot(&file);
    let url = format!("{base}{path}");
    let mut args = vec!["import", p(&file), url.as_str()];
    args.extend_from_slice(extra);
    let started = Instant::now();
    let out = factdesk(&args);
    let took = started.elapsed();
    let err = stderr(&out);
    assert!(!out.status.success(), "{path}: should fail");
    assert!(err.contains(message), "{path}: {err}");
    assert!(err.contains(&url), "{path}: error names the link: {err}");
    assert!(err.contains("nothing was added"), "{path}: {err}");
    assert_eq!(snapshot(&file), before, "{path}: project file changed");
    took
}

#[test]
fn a_link_imports_with_provenance_after_a_redirect() {
    let base = server();
    let dir = tempfile::tempdir().unwrap();
    let file = project(dir.path());
    let moved = format!("{base}/moved");
    let out = factdesk(&["import", p(&file), &moved, "--keep-page"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("imported 1 article(s)"));
    let proj = load(&file);
    let a = &proj.articles[0];
    assert_eq!(
        a.title,
        "Council approves river footbridge after two-year delay"
    );
    assert_eq!(a.outlet.as_deref(), Some("Harbour Town Gazette"));
    assert_eq!(a.byline.as_deref(), Some("Priya Raman"));
    let web = a.web.as_ref().unwrap();
    assert_eq!(web.url.as_deref(), Some(moved.as_str()));
    assert_eq!(
        web.final_url.as_deref(),
        Some(format!("{base}/article").as_str())
    );
    // The raw page is kept beside the project, byte for byte, in an ignored folder.
    let kept = dir.path().join(web.kept_page.as_ref().unwrap());
    assert_eq!(std::fs::read(kept).unwrap(), fixture("wordpress.html"));
    assert_eq!(
        factdesk::import::web::page_hash(&fixture("wordpress.html")),
        web.page_hash
    );
    let ignore = std::fs::read_to_string(dir.path().join(".factdesk/.gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "*"), "{ignore}");
    // `check` accepts the file.
    assert!(factdesk(&["check", p(&file)]).status.success());

    // The same story again (by its canonical address, fetched from another link) is skipped.
    let again = factdesk(&["import", p(&file), &format!("{base}/article")]);
    assert!(again.status.success());
    assert!(stderr(&again).contains("skipped"), "{}", stderr(&again));
    assert_eq!(load(&file).articles.len(), 1);
}

#[test]
fn links_and_paths_mix_gzip_and_windows_1252() {
    let base = server();
    let dir = tempfile::tempdir().unwrap();
    let file = project(dir.path());
    let saved = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/web/rtl.html");
    let out = factdesk(&[
        "import",
        p(&file),
        &format!("{base}/gzip"),
        p(&saved),
        &format!("{base}/cp1252"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let proj = load(&file);
    let titles: Vec<&str> = proj.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Drought forces ration plan in three valley towns",
            "خط تازه متروی شهر پس از شش سال افتتاح شد",
            "Café owners protest new rules"
        ]
    );
    let cafe = &proj.articles[2].text;
    assert!(
        cafe.contains("city’s cafés and crêperies")
            && cafe.contains("“We were not consulted,” said Zoë Lefèvre"),
        "{cafe}"
    );
    assert!(proj.articles[1].web.as_ref().unwrap().url.is_none());
}

#[test]
fn failures_leave_the_project_untouched() {
    let base = server();
    refused(&base, "/missing", "404 Not Found", &[]);
    refused(&base, "/pdf", "application/pdf, not a web page", &[]);
    refused(&base, "/random", "does not look like a web page", &[]);
    refused(&base, "/boom", "500 Internal Server Error", &[]);
    let took = refused(&base, "/huge", "larger than 16 MB", &[]);
    assert!(took < Duration::from_secs(10), "{took:?}");
    let took = refused(
        &base,
        "/silent",
        "no answer within 1 s",
        &["--timeout", "1"],
    );
    assert!(took < Duration::from_secs(8), "{took:?}");
}

#[test]
fn all_or_nothing_with_a_bad_link_among_good_ones() {
    let base = server();
    let dir = tempfile::tempdir().unwrap();
    let file = project(dir.path());
    let before = snapshot(&file);
    let out = factdesk(&[
        "import",
        p(&file),
        &format!("{base}/amp"),
        &format!("{base}/missing"),
    ]);
    assert!(!out.status.success());
    assert_eq!(snapshot(&file), before);
}

#[test]
fn no_server_tls_failure_and_unknown_host() {
    // A port nobody listens on.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = closed.local_addr().unwrap();
    drop(closed);
    refused(
        &format!("http://{addr}"),
        "/a",
        "cannot connect",
        &["--timeout", "5"],
    );
    // https:// to a plain-HTTP server: the TLS handshake fails.
    let base = server().replace("http://", "https://");
    refused(&base, "/article", "TLS", &["--timeout", "5"]);
    refused(
        "http://no-such-host.invalid",
        "/a",
        "host not found",
        &["--timeout", "5"],
    );
}
