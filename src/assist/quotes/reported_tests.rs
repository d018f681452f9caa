//! Reported speech and quoted fragments, one kind a test, each from a sentence written for
//! it (not from any evaluation set): attributions in mid-sentence, ages in appositives,
//! fragment cues, and "the company" standing for the organisation the article names.

use super::{FoundQuote, find};
use crate::assist::mentions::mentions;
use crate::assist::text::Doc;
use crate::model::QuoteType;

/// Every quote as (type, speaker, text).
fn quotes(text: &str) -> Vec<(QuoteType, String, String)> {
    let doc = Doc::new(text);
    let found: Vec<FoundQuote> = find(&doc, &mentions(&doc, &[]));
    found
        .into_iter()
        .map(|q| {
            let speaker = q.speaker.map(|s| s.name).unwrap_or_default();
            (q.quote_type, speaker, doc.slice(q.range.start, q.range.end))
        })
        .collect()
}

fn has(text: &str, kind: QuoteType, speaker: &str, starts: &str) -> bool {
    quotes(text)
        .iter()
        .any(|(t, s, x)| *t == kind && s == speaker && x.starts_with(starts))
}

#[test]
fn an_attribution_in_mid_sentence_reports_the_clause_before_it() {
    let t = "Inspector Ruth Amsel spoke at noon. Four of the men were flown to Tarn, she said, all of them with burns.";
    assert!(
        has(t, QuoteType::Indirect, "Ruth Amsel", "Four of the men"),
        "{:?}",
        quotes(t)
    );
    let t = "A second hull was found on Monday, coastguards say, off the northern cape.";
    assert!(
        has(t, QuoteType::Indirect, "coastguards", "A second hull"),
        "{:?}",
        quotes(t)
    );
    // A clause after the attribution is the report, not what comes before it.
    let t = "At the depot, which became the main shelter, cooks said they were short of bread.";
    assert!(
        has(t, QuoteType::Indirect, "cooks", "they were short"),
        "{:?}",
        quotes(t)
    );
}

#[test]
fn an_age_in_an_appositive_leaves_the_name_the_speaker() {
    let t = "Tomas Brandl, 44, who swam to the bank with his son, said the current was too strong.";
    assert!(
        has(t, QuoteType::Indirect, "Tomas Brandl", "the current"),
        "{:?}",
        quotes(t)
    );
}

#[test]
fn a_fragment_after_an_active_cue_is_a_mixed_quote_of_its_subject() {
    let t = "Dr. Lise Marr, a geologist at Orvik University, calls the slide “a warning ignored”.";
    assert!(
        has(t, QuoteType::Mixed, "Lise Marr", "the slide"),
        "{:?}",
        quotes(t)
    );
    let t = "Lorenz dismissed the offer as “pocket money for grief”. Nobody replied.";
    assert!(
        has(t, QuoteType::Mixed, "Lorenz", "the offer"),
        "{:?}",
        quotes(t)
    );
    // Names and passives are no quotes.
    let t = "The scheme, described as “ambitious”, was dropped. A plan called “Safe Shores” began.";
    assert!(
        quotes(t).iter().all(|(k, _, _)| *k != QuoteType::Mixed),
        "{:?}",
        quotes(t)
    );
}

#[test]
fn the_company_is_the_organisation_the_article_names() {
    let t = "The ferry belongs to Norrvik Shipping. Its captain, Ole Brun, was rescued. \
             “We are devastated,” the company said.";
    assert!(
        has(
            t,
            QuoteType::Direct,
            "Norrvik Shipping",
            "We are devastated"
        ),
        "{:?}",
        quotes(t)
    );
}

#[test]
fn two_reports_in_one_sentence_each_keep_their_speaker() {
    let t = "The Health Minister, Olga Brandt, said on Monday that every clinic would reopen, \
             and the opposition's spokesman, Pieter Valk, accused her of “gambling with lives”.";
    assert!(
        has(
            t,
            QuoteType::Indirect,
            "Olga Brandt",
            "every clinic would reopen"
        ),
        "{:?}",
        quotes(t)
    );
    assert!(
        has(t, QuoteType::Mixed, "Pieter Valk", "her of"),
        "{:?}",
        quotes(t)
    );
}

#[test]
fn a_name_right_before_a_fragment_cue_is_its_subject() {
    let t = "Rescuers led by Ana Duro dug for hours, in mud Duro described as “like wet cement”.";
    assert!(
        has(t, QuoteType::Mixed, "Ana Duro", "as “like"),
        "{:?}",
        quotes(t)
    );
}

#[test]
fn a_subject_keeps_its_name_without_timestamps_adverbials_or_long_affiliations() {
    let t = "14:05 — Marek Olsen of the Northern Harbour Pilots and Boatmen union tells Radio Vell \
             that members will strike on Friday.";
    assert!(
        has(t, QuoteType::Indirect, "Marek Olsen", "members will strike"),
        "{:?}",
        quotes(t)
    );
    let t = "On Thursday morning the coastguard said that two more boats had been found.";
    assert!(
        has(t, QuoteType::Indirect, "the coastguard", "two more boats"),
        "{:?}",
        quotes(t)
    );
    // The listener's "that" is not the clause's: "told us the hall was full and that …".
    let t = "Nadia Fell told us the hall was full and that a second one had opened.";
    assert!(
        has(t, QuoteType::Indirect, "Nadia Fell", "the hall was full"),
        "{:?}",
        quotes(t)
    );
    // A noun, words about it, then its verb: "said gusts of up to 90 km/h had carried …".
    let t = "Chief Ilan Rooke said gusts of up to 90 km/h had carried sparks across the road.";
    assert!(
        has(t, QuoteType::Indirect, "Ilan Rooke", "gusts of up"),
        "{:?}",
        quotes(t)
    );
}

#[test]
fn a_name_in_apposition_after_according_to_is_the_source() {
    let t = "According to the chief surgeon of Tarn Hospital, Dr. Mila Ferro, nine patients are \
             still in intensive care.";
    assert!(
        has(t, QuoteType::Indirect, "Mila Ferro", "nine patients"),
        "{:?}",
        quotes(t)
    );
}

#[test]
fn a_reported_clause_with_a_fragment_is_reported_speech_and_a_mixed_quote() {
    // Our own sentence: the clause is reported speech, the quoted words a mixed quote.
    let t =
        "Dr Ilse Maran said that the east wall of the dam was “never fully repaired” after 2019.";
    assert!(
        has(t, QuoteType::Indirect, "Ilse Maran", "the east wall"),
        "{:?}",
        quotes(t)
    );
    assert!(
        has(t, QuoteType::Mixed, "Ilse Maran", "never fully repaired"),
        "{:?}",
        quotes(t)
    );
    // Too few words of the writer's own: one mixed quote, no reported clause.
    let t = "Dr Ilse Maran called the wall “a scandal waiting to happen”.";
    assert!(
        !quotes(t).is_empty() && quotes(t).iter().all(|(k, _, _)| *k != QuoteType::Indirect),
        "{:?}",
        quotes(t)
    );
}
