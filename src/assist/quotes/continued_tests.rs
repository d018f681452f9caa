//! Quotes that run over more than one stretch of text, each written for this test: split
//! quotes around their cue, quotes continued into the next paragraph, quotes in
//! hard-wrapped copy, and transcript lines among ordinary quotes.

use super::{FoundQuote, find};
use crate::assist::mentions::mentions;
use crate::assist::text::Doc;

/// Each quote's text and speaker.
fn quotes(text: &str) -> Vec<(String, Option<String>)> {
    let doc = Doc::new(text);
    let found: Vec<FoundQuote> = find(&doc, &mentions(&doc, &[]));
    found
        .iter()
        .map(|q| {
            (
                doc.slice(q.range.start, q.range.end),
                q.speaker.as_ref().map(|s| s.name.clone()),
            )
        })
        .collect()
}

/// The direct quotes only.
fn direct(text: &str) -> Vec<(String, Option<String>)> {
    let doc = Doc::new(text);
    find(&doc, &mentions(&doc, &[]))
        .iter()
        .filter(|q| q.quote_type == crate::model::QuoteType::Direct)
        .map(|q| {
            (
                doc.slice(q.range.start, q.range.end),
                q.speaker.as_ref().map(|s| s.name.clone()),
            )
        })
        .collect()
}

fn speakers(text: &str) -> Vec<Option<String>> {
    quotes(text).into_iter().map(|(_, s)| s).collect()
}

fn some(s: &str) -> Option<String> {
    Some(s.to_owned())
}

#[test]
fn both_parts_of_a_split_quote_go_to_the_cue_between_them() {
    let t = "“We will rebuild,” Mayor Rosa Holt said, “and we will do it fast.”";
    assert_eq!(speakers(t), [some("Rosa Holt"), some("Rosa Holt")]);
    let t = "Engineer Amadou Diallo spoke first. “It seeps,” said Petra Lund, a resident, “and then it goes.”";
    assert_eq!(speakers(t), [some("Petra Lund"), some("Petra Lund")]);
    let t = "Petra Lund lives by the river.\n\n“It seeps,” she said, “and then it goes.”";
    assert_eq!(speakers(t), [some("Petra Lund"), some("Petra Lund")]);
}

#[test]
fn a_quote_continued_into_the_next_paragraph_is_one_quote_by_its_speaker() {
    let t = "Rosa Holt, the mayor, spoke at the school.\n\n\
        “The water came at four in the morning. We had sirens, but nobody heard them.\n\n\
        “We will rebuild every street,” Holt said.\n\n\
        Officials said the count was not over.";
    let q = direct(t);
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.starts_with("The water") && q[0].0.ends_with("every street,"));
    assert_eq!(q[0].1, some("Rosa Holt"));
}

#[test]
fn a_continued_quote_after_its_attribution_keeps_the_speaker() {
    let t = "Mayor Rosa Holt said: “The water came at four in the morning.\n\n\
        “Nobody heard the sirens. Nobody.”\n\n\
        Officials said the count was not over.";
    let q = quotes(t);
    assert_eq!(q[0].1, some("Rosa Holt"), "{q:?}");
    assert!(q[0].0.ends_with("Nobody."));
}

#[test]
fn a_whole_sentence_after_an_attribution_is_the_same_speakers() {
    // Our own: the next sentence's cue belongs to the next sentence.
    let t = "Marta Sousa, who runs the tenants' group, kept every letter. “They were \
        ignored,” she said. “We were ignored too.” Karl Weber, the landlord, said the \
        letters had been answered.";
    let d = direct(t);
    assert_eq!(d.len(), 2, "{d:?}");
    assert!(d.iter().all(|(_, s)| *s == some("Marta Sousa")), "{d:?}");
}

#[test]
fn a_role_with_an_institution_goes_to_the_person_holding_it() {
    // Our own: "the police chief" is the superintendent named before, not the police.
    let t = "Superintendent Ana Ortiz spoke to reporters. Superintendent Ortiz said the \
        search would go on. “We will not stop,” the police chief said.";
    let d = direct(t);
    assert_eq!(d, [("We will not stop,".to_owned(), some("Ana Ortiz"))]);
}

#[test]
fn hard_wrapped_quotes_pair_and_find_their_speaker_across_the_wraps() {
    let t = "The dam gave way before dawn on Thursday, sending water into the\n\
        town, where at least a dozen people died in their homes overnight.\n\
        \n\
        “It came down the valley like a train, and there was nothing we\n\
        could do,” said Mayor Rosa Holt, who was woken by a call from the\n\
        dam’s operator.\n\
        \n\
        “We are counting the dead street by street,” she said, “and we\n\
        have not reached the end of that count.”\n";
    let q = quotes(t);
    assert_eq!(
        q.iter().map(|(_, s)| s.clone()).collect::<Vec<_>>(),
        [some("Rosa Holt"), some("Rosa Holt"), some("Rosa Holt")],
        "{q:?}"
    );
    // The range covers the original text, wrap newline included.
    assert_eq!(
        q[0].0,
        "It came down the valley like a train, and there was nothing we\ncould do,"
    );
}

#[test]
fn transcript_lines_join_the_article_quotes() {
    let t = "Mayor Rosa Holt took questions after the briefing.\n\n\
        “We are still counting,” Holt said.\n\n\
        Q: Will the town be rebuilt?\n\n\
        HOLT: Every street. I promise that.\n\n\
        Note: This story has been updated.";
    assert_eq!(
        quotes(t),
        [
            ("We are still counting,".to_owned(), some("Rosa Holt")),
            (
                "Every street. I promise that.".to_owned(),
                some("Rosa Holt")
            ),
        ]
    );
}
