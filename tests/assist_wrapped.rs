//! Hard-wrapped wire copy reads like the same story unwrapped: each invented story in
//! `tests/data/wrapped/` is wrapped at 68 columns (one newline inside a paragraph, a blank
//! line between paragraphs), and the quotes found on the wrapped copy must be those found
//! on the original — same count, same speakers, ranges covering the same words — and must
//! include the quotes `gold.txt` lists for the story.

use factdesk::assist::mentions::mentions;
use factdesk::assist::quotes::{self, FoundQuote};
use factdesk::assist::text::Doc;
use std::path::Path;

#[path = "common/wrap.rs"]
mod wrap;
use wrap::wrap;

const STORIES: [&str; 3] = ["wire-bridge", "wire-council", "wire-briefing"];
const WIDTH: usize = 68;

fn data() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/wrapped"))
}

/// A quote as a reader sees it: its words (white space collapsed) and speaker.
#[derive(Debug, PartialEq)]
struct Seen {
    words: String,
    speaker: String,
    quote_type: String,
}

fn seen(text: &str) -> Vec<Seen> {
    let doc = Doc::new(text);
    let found: Vec<FoundQuote> = quotes::find(&doc, &mentions(&doc, &[]));
    found
        .iter()
        .map(|q| Seen {
            words: doc
                .slice(q.range.start, q.range.end)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            speaker: q
                .speaker
                .as_ref()
                .map(|s| s.name.clone())
                .unwrap_or_default(),
            quote_type: format!("{:?}", q.quote_type),
        })
        .collect()
}

fn story(name: &str) -> String {
    std::fs::read_to_string(data().join(format!("{name}.txt"))).expect("fixture")
}

#[test]
fn the_wrap_function_breaks_lines_inside_paragraphs_only() {
    let w = wrap(&story("wire-bridge"), WIDTH);
    assert!(w.lines().all(|l| l.chars().count() <= WIDTH));
    assert!(w.contains("\n\n"));
    assert!(w.lines().count() > story("wire-bridge").lines().count() + 10);
}

#[test]
fn wrapped_copy_gives_the_quotes_of_the_original() {
    for name in STORIES {
        let original = story(name);
        let wrapped = wrap(&original, WIDTH);
        assert_eq!(seen(&wrapped), seen(&original), "{name} wrapped at {WIDTH}");
    }
}

/// The wrap turns spaces into newlines one for one, so a quote must keep its very range,
/// and a quote over a wrap covers the newline as written.
#[test]
fn wrapped_ranges_are_the_original_ranges_newlines_included() {
    let mut over_a_wrap = 0;
    for name in STORIES {
        let original = story(name);
        let wrapped = wrap(&original, WIDTH);
        let ranges = |text: &str| {
            let doc = Doc::new(text);
            quotes::find(&doc, &mentions(&doc, &[]))
                .iter()
                .map(|q| (q.range.start, q.range.end))
                .collect::<Vec<_>>()
        };
        assert_eq!(ranges(&wrapped), ranges(&original), "{name}");
        let doc = Doc::new(&wrapped);
        over_a_wrap += ranges(&wrapped)
            .iter()
            .filter(|(a, b)| doc.slice(*a, *b).contains('\n'))
            .count();
    }
    assert!(
        over_a_wrap >= 5,
        "only {over_a_wrap} quotes run over a wrap"
    );
}

#[test]
fn every_listed_quote_is_found_with_its_speaker_wrapped_or_not() {
    let gold = std::fs::read_to_string(data().join("gold.txt")).expect("gold");
    for line in gold
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let mut f = line.split('|');
        let (name, starts, speaker) = (f.next().unwrap(), f.next().unwrap(), f.next().unwrap());
        for (how, text) in [
            ("original", story(name)),
            ("wrapped", wrap(&story(name), WIDTH)),
        ] {
            let found = seen(&text);
            let q = found.iter().find(|q| q.words.starts_with(starts));
            let q = q.unwrap_or_else(|| panic!("{name} {how}: no quote {starts:?} in {found:#?}"));
            assert!(
                q.speaker.contains(speaker),
                "{name} {how}: {starts:?} by {:?}, not {speaker:?}",
                q.speaker
            );
        }
    }
}
