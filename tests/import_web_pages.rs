//! Saved pages in the shapes of common sites (written for these tests, see
//! tests/data/web/README.md): metadata, first and last paragraph exact, no clutter.

use chrono::NaiveDate;
use factdesk::import::{ArticleDraft, web};
use std::path::{Path, PathBuf};

fn page(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/web/{name}.html"))
}

fn read(name: &str) -> ArticleDraft {
    web::read_saved_page(&page(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

struct Expect<'a> {
    title: &'a str,
    byline: Option<&'a str>,
    outlet: Option<&'a str>,
    date: Option<(i32, u32, u32)>,
    language: Option<&'a str>,
    first: &'a str,
    last: &'a str,
    clutter: &'a [&'a str],
}

fn check(name: &str, e: Expect) {
    let d = read(name);
    assert_eq!(d.title, e.title, "{name}: title");
    assert_eq!(d.byline.as_deref(), e.byline, "{name}: byline");
    assert_eq!(d.outlet.as_deref(), e.outlet, "{name}: outlet");
    let date = e
        .date
        .map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap());
    assert_eq!(d.published, date, "{name}: date");
    assert_eq!(d.language.as_deref(), e.language, "{name}: language");
    let paragraphs: Vec<&str> = d.text.split("\n\n").collect();
    assert_eq!(paragraphs[0], e.first, "{name}: first paragraph");
    assert_eq!(
        *paragraphs.last().unwrap(),
        e.last,
        "{name}: last paragraph"
    );
    assert!(
        !d.text.contains("\n\n\n") && d.text.trim() == d.text,
        "{name}: layout"
    );
    for c in e.clutter {
        assert!(
            !d.text.contains(c),
            "{name}: clutter {c:?} in the text:\n{}",
            d.text
        );
    }
    let web = d.web.expect("provenance");
    assert!(web.page_hash.starts_with("xxh3-128:"));
}

const COMMON_CLUTTER: &[&str] = &["Follow Us", "cookie", "Subscribe", "Share", "MORE:"];

#[test]
fn wordpress_theme() {
    check(
        "wordpress",
        Expect {
            title: "Council approves river footbridge after two-year delay",
            byline: Some("Priya Raman"),
            outlet: Some("Harbour Town Gazette"),
            date: Some((2023, 4, 12)),
            language: Some("en-US"),
            first: "Harbour Town council voted eight to three on Tuesday night to build a pedestrian footbridge across the River Wend, ending a dispute that has stalled the project since the spring of 2021.",
            last: "A final design is due to go before the planning committee in September, and construction is expected to take about fourteen months.",
            clutter: &[
                "Share this",
                "Related",
                "About Post Author",
                "Leave a Reply",
                "About time",
                "artist’s impression",
                "This is the end of",
                "Posted in",
                "April 12, 2023",
            ],
        },
    );
    let d = read("wordpress");
    assert_eq!(
        d.url.as_deref(),
        Some("https://harbourgazette.example/2023/04/12/council-approves-footbridge/")
    );
    for c in COMMON_CLUTTER {
        assert!(!d.text.contains(c), "{c}");
    }
}

#[test]
fn arc_nested_layout_with_json_ld_graph() {
    check(
        "arc",
        Expect {
            title: "Drought forces ration plan in three valley towns",
            byline: Some("Tomasz Wieczorek, Leila Haddad"),
            outlet: Some("The Meridian Post"),
            date: Some((2024, 7, 9)),
            language: Some("en"),
            first: "Water authorities in the Calder valley will cut supply to homes in three towns for four hours a day from Monday, after the driest spring since records began left the main reservoir at less than a fifth of its capacity.",
            last: "Forecasters expect little rain before the end of August. The board said it would review the cuts every two weeks.",
            clutter: &[
                "Sign up",
                "Related stories",
                "Most Read",
                "Advertisement",
                "Copy link",
                "reservoir at 18 per cent",
                "Water authorities will cut supply for four hours",
                "drought water",
            ],
        },
    );
    // The canonical link is relative; JSON-LD's mainEntityOfPage gives the absolute one.
    assert_eq!(
        read("arc").url.as_deref(),
        Some("https://meridianpost.example/world/2024/07/09/drought-ration-plan-valley-towns/")
    );
}

#[test]
fn amp_page() {
    check(
        "amp",
        Expect {
            title: "Rail strike called off after late pay offer",
            byline: Some("Callum Frew"),
            outlet: Some("Northern Wire"),
            date: Some((2022, 11, 30)),
            language: Some("en-GB"),
            first: "A strike that would have stopped most trains across the north of the country on Friday has been called off after the operator made a new pay offer late on Wednesday evening.",
            last: "Passengers who had already bought tickets for Friday can use them on any train until Sunday, the operator said.",
            clutter: &["Advertisement", "Accept", "Transport correspondent", "Home"],
        },
    );
}

#[test]
fn paywall_teaser_uses_article_body() {
    check(
        "paywall",
        Expect {
            title: "Inside the audit that found 2,000 missing laptops",
            byline: Some("Grace Obi, Henrik Dahl, Sun-mi Park"),
            outlet: Some("The Capital Ledger"),
            date: Some((2021, 9, 17)),
            language: Some("en"),
            first: "An internal audit of the city's schools department found that more than 2,000 laptops bought for pupils during the pandemic could not be accounted for, according to documents seen by the Ledger.",
            last: "The city council's finance committee is due to discuss the audit at its meeting next Thursday.",
            clutter: &["Subscribe to keep reading", "$2 a week", "Log in"],
        },
    );
    assert_eq!(read("paywall").text.split("\n\n").count(), 5);
}

#[test]
fn live_blog_keeps_every_entry_with_its_time() {
    check(
        "liveblog",
        Expect {
            title: "Election night live: results from every district",
            byline: Some("Nadia Flores"),
            outlet: Some("City Herald"),
            date: Some((2025, 5, 4)),
            language: Some("en"),
            first: "01:40 Final result in Eastgate",
            last: "We will bring you every result here as it is declared.",
            clutter: &["Share this update", "Load more", "Accept cookies"],
        },
    );
    let text = read("liveblog").text;
    assert!(text.contains("23:55 First seat changes hands\n\nThe Greens have taken Riverside"));
}

#[test]
fn right_to_left_page() {
    check(
        "rtl",
        Expect {
            title: "خط تازه متروی شهر پس از شش سال افتتاح شد",
            byline: Some("مریم احمدی"),
            outlet: Some("روزنامه آینده"),
            date: Some((2024, 10, 2)),
            language: Some("fa"),
            first: "خط چهارم متروی شهر روز سه‌شنبه پس از شش سال تأخیر با حضور شهردار و صدها مسافر افتتاح شد.",
            last: "به گفته مسئولان، بلیت این خط تا پایان ماه رایگان خواهد بود.",
            clutter: &["اشتراک‌گذاری", "اخبار مرتبط", "۱۱ مهر", "قطار تازه", "محفوظ"],
        },
    );
    assert_eq!(read("rtl").web.unwrap().direction.as_deref(), Some("rtl"));
}

#[test]
fn old_table_layout_in_latin1() {
    check(
        "table",
        Expect {
            title: "Flood waters recede in Mill Creek",
            byline: Some("José Ibáñez"),
            outlet: Some("The Valley Courier"),
            date: Some((2003, 6, 14)),
            language: None,
            first: "MILL CREEK -- Flood waters began to recede Friday after three days of rain pushed the creek over its banks, and residents of the lower town returned to homes where the water had reached the first floor.",
            last: "The state has promised emergency funds, but officials said it could be weeks before any money arrives.",
            clutter: &[
                "Obituaries",
                "Today's Poll",
                "Staff Writer",
                "All rights reserved",
                "Classifieds",
            ],
        },
    );
    let text = read("table").text;
    // Raw Latin-1 bytes and entities both decode.
    assert!(text.contains("Renée Müller") && text.contains("Tomás Peña") && text.contains("café"));
    // A paragraph starting with "By" inside the story is not taken for a byline.
    assert!(text.contains("By Friday afternoon fewer than 30 remained."));
}

#[test]
fn section_front_is_refused() {
    let err = web::read_saved_page(&page("section-front")).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("section front") && msg.contains("not an article"),
        "{msg}"
    );
}

#[test]
fn a_folder_of_saved_pages_imports_through_read_paths() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["wordpress", "amp"] {
        std::fs::copy(page(name), dir.path().join(format!("{name}.htm"))).unwrap();
    }
    let batch = factdesk::import::read_paths(&[dir.path().to_owned()]).unwrap();
    let titles: Vec<&str> = batch.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Rail strike called off after late pay offer",
            "Council approves river footbridge after two-year delay"
        ]
    );
}
