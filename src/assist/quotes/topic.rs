//! The person a paragraph is about when a quote opens a sentence and a pronoun attributes
//! it ("Jürgen Albers, who chairs the trust, keeps copies of the letters it sent to Norvik
//! Venues. “They were polite letters,” he said."): the subject of the sentence before,
//! followed back through sentences that open with the same pronoun. The nearest name
//! before the quote is often an object of that sentence (a company written to, a
//! newspaper told, a town the person comes from), never the one who speaks.

use crate::assist::mentions::{Gender, Mention};
use crate::assist::text::Doc;

/// How many names of a sentence are tried as its subject.
const SUBJECT_CANDIDATES: usize = 6;

/// How many sentences back a chain of "She …" sentences is followed.
const CHAIN: usize = 3;

/// Words before a name that make it the object of a preposition, not a subject
/// ("At St. Columba's", "from Port Arvel").
const PREPOSITIONS: &[&str] = &[
    "at", "in", "on", "from", "of", "near", "to", "with", "by", "for", "into", "across", "outside",
    "inside", "after", "before", "under", "over", "about", "against", "via", "behind", "around",
];

/// The subject of the sentence before the quote at `pos` that fits the pronoun's gender
/// `want`, with where it stands: only when the quote opens its sentence, and only when
/// that subject's gender is the one asked for (a subject of unknown gender is returned
/// too, the caller weighing it against the nearest name).
pub fn sentence_subject<'m>(
    doc: &Doc,
    mentions: &'m [Mention],
    pos: usize,
    want: Gender,
) -> Option<&'m Mention> {
    let k = doc.sentences.partition_point(|s| s.end <= pos);
    let own = doc.sentences.get(k)?;
    // The quote opens its sentence: no word between the sentence's start and the mark.
    if own.start < pos && doc.tokens_in(own.start, pos).iter().any(|t| t.is_word) {
        return None;
    }
    let mut i = k;
    for _ in 0..CHAIN {
        i = i.checked_sub(1)?;
        let s = doc.sentences[i];
        let toks = doc.tokens_in(s.start, s.end);
        // "‘…,’ Samir said. ‘…,’ he added.": a quote's own attribution before, not a
        // subject, tells who goes on.
        if toks
            .first()
            .is_some_and(|t| !t.is_word && is_opening_mark(&t.text))
        {
            return None;
        }
        let first = toks.iter().find(|t| t.is_word)?;
        // "She said on Monday that …": the same person as the sentence before.
        if Gender::of_pronoun(first.lower()) == Some(want) && want != Gender::Unknown {
            continue;
        }
        let from = mentions.partition_point(|m| m.phrase_start < s.start);
        // The first few names only (a subject opens its sentence), each finding the word
        // before it by binary search: bounded work however long the sentence.
        let subject = mentions[from..]
            .iter()
            .take_while(|m| m.range.end <= s.end)
            .take(SUBJECT_CANDIDATES)
            .find(|m| {
                let k = toks.partition_point(|t| t.end <= m.phrase_start);
                let before = k.checked_sub(1).map(|k| &toks[k]);
                !before.is_some_and(|t| PREPOSITIONS.contains(&t.lower()))
            })?;
        return subject.gender.fits(want).then_some(subject);
    }
    None
}

fn is_opening_mark(text: &str) -> bool {
    matches!(text, "\"" | "“" | "‘" | "«" | "‹" | "'" | "„" | "‚")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assist::mentions::mentions;

    fn subject(text: &str, quote: &str, want: Gender) -> Option<String> {
        let doc = Doc::new(text);
        let m = mentions(&doc, &[]);
        let pos = text.find(quote)?;
        sentence_subject(&doc, &m, pos, want).map(|m| m.full.clone())
    }

    #[test]
    fn the_subject_of_the_sentence_before_not_its_objects() {
        let t = "Karl Weiss, who runs the club, wrote twice to Halden Estates. “Nobody answered,” he said.";
        assert_eq!(
            subject(t, "“Nobody", Gender::Male).as_deref(),
            Some("Karl Weiss")
        );
        // Through a sentence opened by the same pronoun.
        let t = "Maria Lopez, the minister, met the families. She said on Monday that Halden \
                 Estates would be called. “Somebody must explain,” she said.";
        assert_eq!(
            subject(t, "“Somebody", Gender::Female).as_deref(),
            Some("Maria Lopez")
        );
        // A fronted place is no subject.
        let t = "At St. Anne's on Mill Road, Father Tomas Berg lit candles. “We pray,” he said.";
        assert_eq!(
            subject(t, "“We pray", Gender::Male).as_deref(),
            Some("Tomas Berg")
        );
        // A subject of the other gender leaves the pronoun to the nearest name.
        let t = "Maria Lopez met Karl Weiss. “We will rebuild,” he said.";
        assert_eq!(subject(t, "“We will", Gender::Male), None);
        // After a quote with its own attribution, that attribution goes on.
        let t = "Karl Weiss spoke. “It was dark,” Tomas said. “I ran,” he added.";
        assert_eq!(subject(t, "“I ran", Gender::Male), None);
        // A quote inside its sentence is not this rule's.
        let t = "Karl Weiss wrote. Later Ann said “no”.";
        assert_eq!(subject(t, "“no", Gender::Male), None);
    }
}
