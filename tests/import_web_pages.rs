use std::path::Path;
#[test]
fn dump() {
    for f in ["wordpress", "arc", "amp", "paywall", "liveblog", "rtl", "table", "section-front"] {
        let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/web/{f}.html"));
        match factdesk::import::web::read_saved_page(&p) {
            Ok(d) => println!("== {f}\ntitle={:?}\nbyline={:?}\noutlet={:?}\ndate={:?}\nlang={:?}\nurl={:?}\nweb={:?}\n---\n{}\n", d.title, d.byline, d.outlet, d.published, d.language, d.url, d.web, d.text),
            Err(e) => println!("== {f}\nERR {e}\n"),
        }
    }
}
