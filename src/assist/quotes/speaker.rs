//! Who a quote is attributed to: a noun phrase next to the cue, read as a named person
//! (titles stripped), a pronoun or role ("the minister") resolved to the nearest fitting
//! named person, an organisation, or a descriptive source kept as written.

use super::topic;
use crate::assist::mentions::{self, Gender, Mention};
use crate::assist::names;
use crate::assist::text::WordList;
use crate::assist::text::{Doc, Range, Token};

/// A speaker found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    pub name: String,
    /// The attribution phrase (name, pronoun or description) in the text.
    pub range: Range,
    pub descriptive: bool,
}

static PRONOUNS: WordList = WordList::new(&["he", "she", "they", "i", "we", "him", "her"]);
static DETERMINERS: WordList = WordList::from_text(include_str!("../words/determiners.txt"));
static AUXILIARIES: WordList = WordList::from_text(include_str!("../words/auxiliaries.txt"));
static ORG_WORDS: WordList = WordList::from_text(include_str!("../words/org_words.txt"));

/// Words that end a speaker phrase written after its cue ("said Zarif in a statement").
static PHRASE_STOPS: WordList = WordList::from_text(include_str!("../words/phrase_stops.txt"));

/// An auxiliary or adverb that no speaker phrase holds ("has spent years", "was").
pub fn is_auxiliary(t: &Token) -> bool {
    t.is_word && AUXILIARIES.contains(t.lower())
}

/// A word that opens an adverbial after a cue ("said on Sunday", "said in a statement").
pub fn starts_adverbial(t: &Token) -> bool {
    PHRASE_STOPS.contains(t.lower()) || crate::assist::words::weekday(t.lower()).is_some()
}

/// Prepositions that join an affiliation to a person's name ("Lena Kowal of Kessel Valley
/// Police", "an engineer at Y Polytechnic"): the speaker is the name before them.
static AFFILIATION_WORDS: WordList = WordList::new(&["of", "at", "from", "for", "with"]);

/// Whether a phrase after its cue can name who spoke ("said Zarif", "said the minister",
/// "said police"), not a clause of its own ("said the noise came first").
pub fn names_a_source(phrase: &[Token]) -> bool {
    let words: Vec<&Token> = phrase.iter().filter(|t| t.is_word).collect();
    let Some(last) = words.last() else {
        return false;
    };
    let l = last.lower();
    last.is_capitalized()
        || is_pronoun(last)
        || PERSON_NOUNS.contains(l)
        || ORG_NOUNS.contains(l)
        || ORG_WORDS.contains(l)
        || crate::assist::names::is_title_word(l)
        || Gender::of_description(l) != Gender::Unknown
        || l.ends_with("ers")
        || l.ends_with("ists")
}

pub fn is_pronoun(t: &Token) -> bool {
    PRONOUNS.contains(t.lower())
}

/// Cut a phrase that follows its cue at the first stop word or punctuation — except a
/// name in apposition ("said the council's president, Louis Martel, as he left").
pub fn phrase_after_cue(tokens: &[Token]) -> &[Token] {
    // "affirmed in a communiqué its chief executive, …": a translated order puts the
    // channel before the speaker.
    let tokens = skip_channel(tokens);
    let end = tokens
        .iter()
        .position(|t| {
            !t.is_word
                || (PHRASE_STOPS.contains(t.lower())
                    || crate::assist::words::weekday(t.lower()).is_some())
        })
        .unwrap_or(tokens.len());
    if end < tokens.len()
        && tokens[end].text == ","
        && end > 0
        && let Some((p, next)) = names::read_name_phrase(tokens, end + 1)
        && p.phrase_start == tokens[end + 1].start
    {
        return &tokens[..next];
    }
    &tokens[..end.min(8)]
}

/// Nouns for the channel a statement came through.
static CHANNELS: WordList = WordList::new(&[
    "statement",
    "communiqué",
    "communique",
    "interview",
    "release",
    "letter",
    "post",
    "message",
    "speech",
]);

/// `tokens` after a leading "in a statement" (up to four words ending in a channel noun),
/// when more words follow it.
fn skip_channel(tokens: &[Token]) -> &[Token] {
    if tokens.first().is_none_or(|t| t.lower() != "in") {
        return tokens;
    }
    match (1..tokens.len().min(5)).find(|&k| CHANNELS.contains(tokens[k].lower())) {
        Some(k) if tokens.get(k + 1).is_some_and(|t| t.is_word) => &tokens[k + 1..],
        _ => tokens,
    }
}

static INDEFINITE: WordList = WordList::new(&[
    "a", "an", "one", "another", "some", "several", "many", "two", "three",
]);

/// "the tenant" → the earlier "a tenant whose repairs were delayed" (up to its verb).
fn descriptive_antecedent(doc: &Doc, noun: &str, pos: usize) -> Option<(String, Range)> {
    let toks = doc.tokens_in(pos.saturating_sub(1500), pos);
    let at = toks.iter().rposition(|t| t.lower() == noun)?;
    let det = (at.saturating_sub(3)..at)
        .rev()
        .find(|&k| INDEFINITE.contains(toks[k].lower()))?;
    let end = (at..toks.len().min(det + 11))
        .find(|&k| !toks[k].is_word || crate::assist::quotes::cues::is_cue(&toks[k]))
        .unwrap_or(toks.len().min(det + 11));
    let r = Range {
        start: toks[det].start,
        end: toks[end - 1].end,
    };
    Some((doc.phrase(r.start, r.end), r))
}

/// Resolve a speaker phrase. `pos` is where the quote starts (pronouns and roles look
/// back from there); `mentions` are the person mentions outside quotes.
pub fn resolve(doc: &Doc, phrase: &[Token], pos: usize, mentions: &[Mention]) -> Option<Speaker> {
    resolve_with(doc, phrase, pos, mentions, &[])
}

/// How far back, in code points, a gendered description ("the sobbing mum-of-one") finds
/// the person it describes.
const DESCRIPTION_REACH: usize = 600;

/// A plural noun for people that a tabloid puts an adjective before ("Horrified
/// survivors", "Terrified passengers").
fn ontology_people(lower: &str) -> bool {
    matches!(
        lower,
        "survivors"
            | "passengers"
            | "residents"
            | "witnesses"
            | "locals"
            | "neighbours"
            | "neighbors"
            | "villagers"
            | "families"
            | "relatives"
            | "fans"
            | "parents"
            | "miners"
            | "workers"
            | "rescuers"
            | "onlookers"
            | "mourners"
            | "shoppers"
    )
}

/// How many earlier sources a pronoun looks back over.
const SOURCE_LOOK_BACK: usize = 16;

/// The nearest earlier source a pronoun can stand for: a person mention whose gender fits,
/// or an unnamed source introduced before ("One resident … said she …", `sources`, sorted
/// by position) when it is nearer. Nothing fits: nobody, rather than a guess.
fn pronoun_referent(
    mentions: &[Mention],
    sources: &[Speaker],
    pos: usize,
    want: Gender,
) -> Option<(String, usize)> {
    let person =
        mentions::nearest_before(mentions, pos, want).map(|m| (m.full.clone(), m.range.start));
    let end = sources.partition_point(|s| s.range.start < pos);
    let source = sources[end.saturating_sub(SOURCE_LOOK_BACK)..end]
        .iter()
        .rev()
        .find(|s| {
            s.descriptive
                && is_indefinite_person(&s.name)
                && s.range.end <= pos
                && Gender::of_description(&s.name).fits(want)
        })
        .map(|s| (s.name.clone(), s.range.start));
    match (person, source) {
        (Some(p), Some(s)) => Some(if s.1 > p.1 { s } else { p }),
        (p, s) => p.or(s),
    }
}

/// A sentence opened by "The <role>" (the sentence of `pos` or the one before) whose role
/// an earlier person of a fitting gender carries: that person, and where the role stands.
fn role_subject(
    doc: &Doc,
    mentions: &[Mention],
    pos: usize,
    want: Gender,
) -> Option<(String, usize)> {
    let k = doc.sentences.partition_point(|s| s.end <= pos);
    (k.saturating_sub(1)..=k.min(doc.sentences.len().saturating_sub(1)))
        .rev()
        .find_map(|i| {
            let s = doc.sentences.get(i)?;
            let toks = doc.tokens_in(s.start, s.end);
            let mut words = toks.iter().filter(|t| t.is_word);
            let (the, noun) = (words.next()?, words.next()?);
            if the.lower() != "the" || noun.start >= pos || names::role_of(noun.lower()).is_none() {
                return None;
            }
            let m = mentions::resolve_role(mentions, noun.start, noun.lower())?;
            m.gender.fits(want).then(|| (m.full.clone(), noun.start))
        })
}

/// Words that refer back to an organisation ("the company", "the organisation").
static ORG_NOUNS: WordList = WordList::new(&[
    "company",
    "firm",
    "organisation",
    "organization",
    "agency",
    "operator",
    "utility",
    "charity",
    "ministry",
    "group",
    "authority",
    "airline",
    "insurer",
    "union",
    "council",
    "department",
    "service",
    "carrier",
    "railway",
]);

/// How far back, in code points, "the company" looks for the organisation it names.
const ORG_LOOK_BACK: usize = 800;
/// How far it looks when nothing is that near: an article names its company once and
/// calls it "the operator" from then on.
const ORG_LOOK_FAR: usize = 4000;

/// The organisation "the company" or "it" stands for: the nearer of the last source before
/// `pos` (within [`ORG_LOOK_BACK`]) written with a capital that is no person the article
/// names and no such reference itself ("The operator said …"), and the last organisation
/// named in the text there ("operated by Vetra Mining").
fn organisation_referent(
    doc: &Doc,
    mentions: &[Mention],
    sources: &[Speaker],
    pos: usize,
) -> Option<String> {
    organisation_within(doc, mentions, sources, pos, ORG_LOOK_BACK)
        .or_else(|| organisation_within(doc, mentions, sources, pos, ORG_LOOK_FAR))
}

/// [`organisation_referent`] within `reach` code points.
fn organisation_within(
    doc: &Doc,
    mentions: &[Mention],
    sources: &[Speaker],
    pos: usize,
    reach: usize,
) -> Option<String> {
    let end = sources.partition_point(|s| s.range.start < pos);
    let recent = || {
        sources[end.saturating_sub(SOURCE_LOOK_BACK)..end]
            .iter()
            .rev()
            .take_while(|s| s.range.end + reach >= pos)
            .filter(|s| {
                s.range.end <= pos
                    && s.name.chars().next().is_some_and(char::is_uppercase)
                    && !mentions::any_in(mentions, s.range)
                    && !mentions.iter().any(|m| m.full.ends_with(s.name.as_str()))
            })
    };
    let is_reference = |s: &&Speaker| {
        let words: Vec<&str> = s.name.split_whitespace().collect();
        words.len() == 2
            && words[0].eq_ignore_ascii_case("the")
            && ORG_NOUNS.contains(&words[1].to_lowercase())
    };
    let source = recent()
        .find(|s| !is_reference(s))
        .map(|s| (s.name.clone(), s.range.start));
    let named = organisation_named_before(doc, pos, reach);
    match (source, named) {
        (Some(s), Some(n)) => Some(if n.1 > s.1 { n.0 } else { s.0 }),
        (None, None) => recent().next().map(|s| s.name.clone()),
        (s, n) => s.or(n).map(|(name, _)| name),
    }
}

/// The last capitalised run ending in an organisation word ("Vetra Mining", "Karsa
/// Environment Agency") within `reach` before `pos`, and where it starts.
fn organisation_named_before(doc: &Doc, pos: usize, reach: usize) -> Option<(String, usize)> {
    let toks = doc.tokens_in(pos.saturating_sub(reach), pos);
    for last in (0..toks.len()).rev() {
        if !names::ends_in_org_word(toks, last + 1) {
            continue;
        }
        let mut first = last;
        while first > 0 && toks[first - 1].is_word && toks[first - 1].is_capitalized() {
            first -= 1;
        }
        // "told the Orlavian News Agency": a listener, not the organisation speaking.
        let listener = (first.saturating_sub(2)..first).any(|k| {
            super::cues::takes_addressee(&toks[k])
                || (toks[k].lower() == "to"
                    && k > 0
                    && matches!(
                        toks[k - 1].lower(),
                        "spoke" | "speaking" | "talked" | "said"
                    ))
        });
        if let Some(found) = org_phrase(doc, toks, first, last).filter(|_| !listener) {
            return Some(found);
        }
    }
    None
}

/// The organisation's name from token `first` to `last`, leading articles off.
fn org_phrase(doc: &Doc, toks: &[Token], mut first: usize, last: usize) -> Option<(String, usize)> {
    while first < last && matches!(toks[first].lower(), "the" | "a" | "an") {
        first += 1;
    }
    (first < last).then(|| {
        (
            doc.phrase(toks[first].start, toks[last].end),
            toks[first].start,
        )
    })
}

/// Sentences whose subject is an unnamed person ("One woman waiting for the bus, who did
/// not want to be named, had come back …"): referents for a later "she said". The
/// description runs to its first comma or verb, at most eight words.
pub fn described_subjects(doc: &Doc) -> Vec<Speaker> {
    let mut out = Vec::new();
    for s in &doc.sentences {
        let toks = doc.tokens_in(s.start, s.end);
        let mut words = toks.iter().filter(|t| t.is_word);
        let (Some(det), Some(noun)) = (words.next(), words.next()) else {
            continue;
        };
        let person = Gender::of_description(noun.lower()) != Gender::Unknown
            || PERSON_NOUNS.contains(noun.lower());
        if !(matches!(det.lower(), "one" | "a" | "an") && person) {
            continue;
        }
        let end = toks
            .iter()
            .take(12)
            .position(|t| !t.is_word || is_auxiliary(t) || super::cues::is_cue(t))
            .unwrap_or(toks.len().min(8));
        let Some(last) = toks[..end].last() else {
            continue;
        };
        let range = Range {
            start: det.start,
            end: last.end,
        };
        out.push(Speaker {
            name: doc.phrase(range.start, range.end),
            range,
            descriptive: true,
        });
    }
    out
}

/// Nouns for a person of no stated gender that open an unnamed source ("a resident").
static PERSON_NOUNS: WordList = WordList::new(&[
    "resident",
    "survivor",
    "witness",
    "neighbour",
    "neighbor",
    "diver",
    "firefighter",
    "nurse",
    "doctor",
    "official",
    "volunteer",
    "teacher",
    "farmer",
    "driver",
    "passenger",
    "student",
    "pensioner",
    "worker",
    "rescuer",
    "parent",
    "villager",
    "shopkeeper",
]);

/// "a nurse at the hospital", "one resident": an unnamed single source a pronoun can
/// stand for (not "police" or "officials").
fn is_indefinite_person(name: &str) -> bool {
    matches!(
        name.split_whitespace()
            .next()
            .map(str::to_lowercase)
            .as_deref(),
        Some("a" | "an" | "one")
    )
}

/// [`resolve`], with the unnamed sources of earlier quotes as referents for pronouns.
pub fn resolve_with(
    doc: &Doc,
    phrase: &[Token],
    pos: usize,
    mentions: &[Mention],
    sources: &[Speaker],
) -> Option<Speaker> {
    let mut np: &[Token] = phrase;
    while let Some(first) = np.first() {
        if !first.is_word || matches!(first.lower(), "and" | "but" | "so" | "then" | "as") {
            np = &np[1..];
        } else {
            break;
        }
    }
    while let Some(last) = np.last() {
        if !last.is_word || AUXILIARIES.contains(last.lower()) {
            np = &np[..np.len() - 1];
        } else {
            break;
        }
    }
    if np.is_empty() || np.len() > 10 {
        return None;
    }
    let range = Range {
        start: np[0].start,
        end: np[np.len() - 1].end,
    };
    // "the company said", "It told us": the organisation that spoke last, never a person.
    let org_reference = (np.len() == 1 && np[0].lower() == "it")
        || (np.len() == 2 && np[0].lower() == "the" && ORG_NOUNS.contains(np[1].lower()));
    if org_reference && let Some(name) = organisation_referent(doc, mentions, sources, pos) {
        return Some(Speaker {
            name,
            range,
            descriptive: true,
        });
    }
    if np.len() == 1 && is_pronoun(&np[0]) {
        // "she said": the nearest person before whose gender agrees, else nobody.
        let want = Gender::of_pronoun(np[0].lower()).unwrap_or_default();
        let nearest = pronoun_referent(mentions, sources, pos, want);
        // "The minister was unmoved. “…,” she said.": a role that opens a sentence since
        // the nearest name is the pronoun's subject.
        let role = role_subject(doc, mentions, pos, want);
        let nearest = match (nearest, role) {
            (Some(n), Some(r)) => Some(if r.1 > n.1 { r } else { n }),
            (n, r) => n.or(r),
        };
        // "X, who chairs the trust, wrote to Norvik Venues. “…,” he said.": the subject of
        // the sentence before, when its gender is known or the nearest name's is not.
        let nearest_known = mentions::nearest_before(mentions, pos, want)
            .is_some_and(|m| m.gender != Gender::Unknown);
        let subject = topic::sentence_subject(doc, mentions, pos, want)
            .filter(|s| s.gender != Gender::Unknown || !nearest_known)
            .map(|s| (s.full.clone(), s.range.start));
        let (name, _) = match (subject, nearest) {
            (Some(s), Some(n)) if n.1 > s.1 && is_indefinite_person(&n.0) => n,
            (Some(s), _) => s,
            (None, n) => n?,
        };
        let descriptive = is_indefinite_person(&name);
        return Some(Speaker {
            name,
            range,
            descriptive,
        });
    }
    // "Horrified survivors told how …": a sentence's capitalised adjective before people
    // is a description, not a name.
    if np.len() == 2
        && np[0].is_capitalized()
        && doc.sentence_of(np[0].start).start == np[0].start
        && !np[1].is_capitalized()
        && (PERSON_NOUNS.contains(np[1].lower()) || ontology_people(np[1].lower()))
        && mentions::starting_at(mentions, np[0].start).is_none()
    {
        return Some(Speaker {
            name: doc.phrase(range.start, range.end),
            range,
            descriptive: true,
        });
    }
    // "the sobbing mum-of-one", "the grieving father": a definite description with a
    // gender is the nearest person named before who fits it.
    if np.len() >= 2
        && np[0].lower() == "the"
        && !np.iter().any(|t| t.is_capitalized())
        && let Some(g) = np[1..]
            .iter()
            .flat_map(|t| t.lower().split('-'))
            .map(Gender::of_description)
            .find(|g| *g != Gender::Unknown)
        && let Some(m) = mentions::nearest_before(mentions, pos, g)
        && m.range.start + DESCRIPTION_REACH >= pos
    {
        return Some(Speaker {
            name: m.full.clone(),
            range,
            descriptive: false,
        });
    }
    // "Inspector Lena Kowal of Kessel Valley Police": the name, not its affiliation.
    if let Some((p, next)) = names::read_name_phrase(np, 0)
        && np
            .get(next)
            .is_some_and(|t| AFFILIATION_WORDS.contains(t.lower()))
        && !names::org_follows(np, next)
        && (!p.titles.is_empty()
            || p.name_tokens >= 2
            || mentions::exactly(mentions, p.name).is_some())
    {
        np = &np[..next];
    }
    // "The operator Kessel Hydro", "Kessel Valley Police": a name run with an institution
    // word after it is an organisation, named with that word.
    if let Some(first_name) = np.iter().position(names::is_name_token)
        && let Some((p, next)) = names::read_name_phrase(np, first_name)
        && names::org_follows(np, next)
        && !np[next + 1..].iter().any(names::is_name_token)
    {
        let end = np[next..]
            .iter()
            .take_while(|t| t.is_word && t.is_capitalized())
            .count()
            + next;
        let r = Range {
            start: p.name.start,
            end: np[end - 1].end,
        };
        return Some(Speaker {
            name: doc.phrase(r.start, r.end),
            range,
            descriptive: true,
        });
    }
    let lowers: Vec<String> = np.iter().map(|t| t.lower().to_owned()).collect();
    // An indefinite description ("a voter in Westfield") is a descriptive source, even
    // when it names a place.
    if INDEFINITE.contains(lowers[0].as_str()) && np.len() > 1 {
        return Some(Speaker {
            name: doc.phrase(range.start, range.end),
            range,
            descriptive: true,
        });
    }
    // "the minister", "the police chief": the nearest person with that title, before the
    // institution a word of the phrase names.
    if lowers[0] == "the"
        && let Some(role) = names::role_of(lowers[lowers.len() - 1].as_str())
        && let Some(m) = mentions::resolve_role(mentions, pos, role)
    {
        return Some(Speaker {
            name: m.full.clone(),
            range,
            descriptive: false,
        });
    }
    // Organisations and institutions: kept as written, without a leading article.
    if lowers.iter().any(|l| ORG_WORDS.contains(l.as_str()))
        && !np
            .iter()
            .any(|t| names::is_name_token(t) && mentions::starting_at(mentions, t.start).is_some())
    {
        let from = if matches!(lowers[0].as_str(), "the") {
            1
        } else {
            0
        };
        if from < np.len() {
            let r = Range {
                start: np[from].start,
                end: range.end,
            };
            return Some(Speaker {
                name: doc.phrase(r.start, r.end),
                range,
                descriptive: true,
            });
        }
    }
    // A name, possibly after titles and descriptions ("metro chief Farnoush Nobakht"); the
    // last name in the phrase is its head ("Redvale captain Joe Barnes").
    let mut phrases = Vec::new();
    let mut j = 0;
    while j < np.len() {
        match names::read_name_phrase(np, j) {
            Some((p, next)) => {
                phrases.push(p);
                j = next;
            }
            None => j += 1,
        }
    }
    if let Some(p) = phrases.pop() {
        {
            let text = doc.phrase(p.name.start, p.name.end);
            let full = mentions::exactly(mentions, p.name)
                .map(|m| m.full.clone())
                .or_else(|| {
                    mentions::before(mentions, pos)
                        .find(|m| names::same_surname(&m.full, &text))
                        .map(|m| m.full.clone())
                        .filter(|_| p.name_tokens == 1)
                })
                .unwrap_or(text);
            return Some(Speaker {
                name: full,
                range: p.name,
                descriptive: false,
            });
        }
    }
    // "the German", "the striker": the nearest person named before (a role's holder was
    // looked for above).
    if lowers[0] == "the" {
        let head = lowers[lowers.len() - 1].as_str();
        if np.len() == 2
            && let Some((name, _)) = descriptive_antecedent(doc, head, range.start)
        {
            return Some(Speaker {
                name,
                range,
                descriptive: true,
            });
        }
        if names::is_title_word(head)
            && let Some(m) = mentions::nearest_before(mentions, pos, Gender::Unknown)
        {
            return Some(Speaker {
                name: m.full.clone(),
                range,
                descriptive: false,
            });
        }
    }
    // A descriptive source, kept as written ("a Kerman resident", "one commenter").
    let first_is_det = DETERMINERS.contains(lowers[0].as_str());
    let any_noun = np.iter().any(|t| t.is_word);
    // "has spent years", "with 40 deaths", "the": clause fragments are nobody.
    let fragment = np.iter().any(is_auxiliary)
        || (np.len() == 1 && DETERMINERS.contains(lowers[0].as_str()))
        || matches!(
            lowers[0].as_str(),
            "with" | "by" | "of" | "for" | "to" | "in" | "on" | "at"
        );
    if any_noun && !fragment && (first_is_det || np.len() <= 4) {
        return Some(Speaker {
            name: doc.phrase(range.start, range.end),
            range,
            descriptive: true,
        });
    }
    None
}
