//! Mentions of people and organisations in one article, in text order, with what the
//! speaker and fact finders ask of them: the fullest form of the name, the titles a person
//! carries anywhere in the article, the gender the text shows (for pronouns), and lookups by
//! position. Collecting is one pass with hash maps and every lookup is a binary search or a
//! bounded walk back, so an article of 100,000 names costs no more per name than one of ten.

use super::names::{self, NamePhrase, is_possessive, possessive_stem, read_name_phrase};
use super::text::{Doc, Range, Token};
use super::words::TaggedWords;
use std::collections::{HashMap, HashSet};

/// Titles and relation words that tell a gender ("mr m").
static GENDERED_WORDS: TaggedWords =
    TaggedWords::from_text(include_str!("words/gendered_words.txt"));
/// Given names and the gender they are usually given to (hand-made list, see the file).
static FIRST_NAMES: TaggedWords = TaggedWords::from_text(include_str!("words/first_names.txt"));

/// The gender a given name (lower case) is usually given to, "m" or "f", when listed.
pub(crate) fn given_name_gender(first: &str) -> Option<&'static str> {
    FIRST_NAMES.tag(first)
}

/// How many mentions a pronoun or role looks back over before giving up: the nearest
/// fitting person is near, and a bound keeps hostile text linear.
const LOOK_BACK: usize = 64;

/// Grammatical gender as the text shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

impl Gender {
    fn from_tag(word: &str, list: &TaggedWords) -> Self {
        if list.has_tag(word, "m") {
            Self::Male
        } else if list.has_tag(word, "f") {
            Self::Female
        } else {
            Self::Unknown
        }
    }

    /// The gender a description's words give ("one woman" → female).
    pub fn of_description(description: &str) -> Self {
        description
            .split_whitespace()
            .map(|w| Self::from_tag(&w.to_lowercase(), &GENDERED_WORDS))
            .find(|g| *g != Self::Unknown)
            .unwrap_or_default()
    }

    /// The gender a pronoun asks for ("she" → female); `None` for other words.
    pub fn of_pronoun(lower: &str) -> Option<Self> {
        Some(match lower {
            "he" | "him" | "his" | "himself" => Self::Male,
            "she" | "her" | "hers" | "herself" => Self::Female,
            _ => return None,
        })
    }

    /// Whether a person of this gender can be the referent of a pronoun asking for `want`:
    /// only a gender the text contradicts rules a person out.
    pub fn fits(self, want: Self) -> bool {
        want == Self::Unknown || self == Self::Unknown || self == want
    }
}

/// A person named in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Where the name itself stands (titles excluded).
    pub range: Range,
    /// The name as written, titles stripped.
    pub name: String,
    /// The fullest form of this name seen so far in the article ("Ali Khamenei" for a
    /// later "Khamenei").
    pub full: String,
    /// Title words written before it (lower case): minister, foreign, gen …
    pub titles: Vec<String>,
    /// Start of the whole phrase including titles.
    pub phrase_start: usize,
    /// Titles this person carries anywhere in the article ("the minister" finds a later
    /// bare "Strand" by the title written at her first mention).
    pub person_titles: Vec<String>,
    /// Gender from titles or the given name, anywhere in the article.
    pub gender: Gender,
}

/// Lower-cased words of the names seen so far, each with the index of its latest mention.
#[derive(Default)]
struct Seen {
    by_full: HashMap<String, usize>,
    by_word: HashMap<String, usize>,
}

impl Seen {
    fn add(&mut self, index: usize, full: &str) {
        let fl = full.to_lowercase();
        for w in fl.split_whitespace() {
            self.by_word.insert(w.to_owned(), index);
        }
        self.by_full.insert(fl, index);
    }
}

/// The project's known names (entity names and aliases), indexed once per article.
struct Known<'a> {
    exact: HashMap<String, &'a String>,
    by_last: HashMap<String, &'a String>,
    words: HashSet<String>,
}

impl<'a> Known<'a> {
    fn new(known: &'a [String]) -> Self {
        let mut k = Self {
            exact: HashMap::new(),
            by_last: HashMap::new(),
            words: HashSet::new(),
        };
        for name in known {
            let l = name.to_lowercase();
            for w in l.split_whitespace() {
                k.words.insert(w.to_owned());
            }
            if let Some(last) = l.split_whitespace().last() {
                k.by_last.entry(last.to_owned()).or_insert(name);
            }
            k.exact.entry(l).or_insert(name);
        }
        k
    }
}

/// Title-case lines (headlines, "MORE: …" links) capitalise every word: a new name is not
/// trusted there, only names seen before or known.
fn headlines(doc: &Doc) -> Vec<Range> {
    doc.paragraphs()
        .iter()
        .copied()
        .filter(|p| {
            let words: Vec<&Token> = doc
                .tokens_in(p.start, p.end)
                .iter()
                .filter(|t| t.is_word && t.text.chars().any(char::is_alphabetic))
                .collect();
            let last = doc.chars[p.end - 1];
            !matches!(last, '.' | '!' | '?' | '”' | '"' | '’' | '»' | ':')
                && words.len() >= 4
                && words.iter().filter(|t| t.is_capitalized()).count() * 10 >= words.len() * 7
        })
        .collect()
}

/// Every person mention in the article, in text order. A single capitalised word counts
/// as a person when it follows a title or repeats the last word of an earlier full name or
/// of a known name (`known`: the project's entity names and aliases).
pub fn mentions(doc: &Doc, known: &[String]) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let mut seen = Seen::default();
    let known = Known::new(known);
    let toks = &doc.tokens;
    let sentence_starts: HashSet<usize> = doc.sentences.iter().map(|s| s.start).collect();
    let headlines = headlines(doc);
    let in_headline = |pos: usize| {
        let i = headlines.partition_point(|h| h.end <= pos);
        headlines.get(i).is_some_and(|h| h.contains(pos))
    };
    let mut i = 0;
    while i < toks.len() {
        // "Diallo's team": a possessive of a person already named is a mention too.
        if let Some(stem) = possessive_stem(&toks[i]) {
            if let Some(&m) = seen.by_word.get(&stem.to_lowercase()) {
                let full = out[m].full.clone();
                seen.add(out.len(), &full);
                out.push(mention(
                    Range {
                        start: toks[i].start,
                        end: toks[i].start + stem.chars().count(),
                    },
                    stem,
                    full,
                    Vec::new(),
                    toks[i].start,
                ));
            }
            i += 1;
            continue;
        }
        let Some((mut phrase, mut next)) = read_name_phrase(toks, i) else {
            i += 1;
            continue;
        };
        let at_sentence_start = sentence_starts.contains(&phrase.phrase_start);
        if at_sentence_start && phrase.titles.is_empty() && phrase.name_tokens >= 2 {
            // "Later Zarif left": a capitalised opener that no known name uses is dropped
            // when the rest of the run is a known name.
            let first = toks[i].lower();
            // A given name of the list ("Priya Nanda Kumar", "John F. Kennedy") is kept.
            let first_known = seen.by_word.contains_key(first)
                || known.words.contains(first)
                || FIRST_NAMES.contains(first);
            if !first_known
                && let Some((rest, rest_next)) = read_name_phrase(toks, i + 1)
                && (named_before(doc, &rest, &seen, &known)
                    || (!opens_with_patronymic(&toks[i + 1])
                        && judge(doc, &rest, &out, &seen, &known, false).is_some()))
            {
                phrase = rest;
                next = rest_next;
            }
        }
        // "Royal College", "Weather Service": a name part followed by an institution word.
        if names::org_follows(toks, next)
            || names::ends_in_org_word(toks, next)
            || names::after_place_preposition(toks, i, &phrase)
            || names::ends_in_place_word(toks, next)
            || after_the(toks, i, &phrase, &seen, &known, doc)
        {
            i = next.max(i + 1);
            continue;
        }
        // "the mining minister, Andrea Fuentes", "The Minister of Sports, Ioana
        // Dumitrescu": a title in apposition before the name.
        if phrase.titles.is_empty() && i >= 2 && toks[i - 1].text == "," {
            let mut k = i - 1;
            // "of Sports", "for Health": the title's complement.
            let mut j = k;
            while j > 0 && k - j < 4 && toks[j - 1].is_word && toks[j - 1].is_capitalized() {
                j -= 1;
            }
            if j < k && j > 0 && matches!(toks[j - 1].lower(), "of" | "for") {
                k = j - 1;
            }
            while k > 0 && toks[k - 1].is_word && names::is_title_word(toks[k - 1].lower()) {
                k -= 1;
                phrase.titles.push(toks[k].lower().to_owned());
            }
        }
        // "Ioana Dumitrescu, the sports minister, said": a title in apposition after it.
        if toks.get(next).is_some_and(|t| t.text == ",")
            && toks.get(next + 1).is_some_and(|t| t.lower() == "the")
        {
            let run = toks[next + 2..].iter().take(4).take_while(|t| {
                t.is_word && !t.is_capitalized() || names::is_title_word(t.lower())
            });
            let titles: Vec<String> = run
                .filter(|t| names::is_title_word(t.lower()))
                .map(|t| t.lower().to_owned())
                .collect();
            for t in titles {
                if !phrase.titles.contains(&t) {
                    phrase.titles.push(t);
                }
            }
        }
        let distrust =
            (at_sentence_start && is_common_opening(&toks[i])) || in_headline(phrase.name.start);
        if let Some(full) = judge(doc, &phrase, &out, &seen, &known, distrust) {
            seen.add(out.len(), &full);
            out.push(mention(
                phrase.name,
                doc.phrase(phrase.name.start, phrase.name.end),
                full,
                phrase.titles,
                phrase.phrase_start,
            ));
        }
        i = next.max(i + 1);
    }
    share_titles_and_gender(&mut out);
    out
}

fn mention(
    range: Range,
    name: String,
    full: String,
    titles: Vec<String>,
    phrase_start: usize,
) -> Mention {
    Mention {
        range,
        name,
        full,
        titles,
        phrase_start,
        person_titles: Vec::new(),
        gender: Gender::Unknown,
    }
}

/// Titles and gender belong to the person, not to one mention: gather them per full name.
fn share_titles_and_gender(out: &mut [Mention]) {
    let mut titles: HashMap<String, Vec<String>> = HashMap::new();
    let mut gender: HashMap<String, Gender> = HashMap::new();
    for m in out.iter() {
        let key = m.full.to_lowercase();
        let t = titles.entry(key.clone()).or_default();
        for title in &m.titles {
            if !t.contains(title) && t.len() < 8 {
                t.push(title.clone());
            }
        }
        let from_titles = m
            .titles
            .iter()
            .map(|t| Gender::from_tag(t, &GENDERED_WORDS))
            .find(|g| *g != Gender::Unknown);
        let first = m
            .full
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        let from_name = (m.full.split_whitespace().count() >= 2)
            .then(|| Gender::from_tag(&first, &FIRST_NAMES))
            .filter(|g| *g != Gender::Unknown);
        if let Some(g) = from_titles.or(from_name) {
            gender.entry(key).or_insert(g);
        }
    }
    for m in out.iter_mut() {
        let key = m.full.to_lowercase();
        m.person_titles = titles.get(&key).cloned().unwrap_or_default();
        m.gender = gender.get(&key).copied().unwrap_or_default();
    }
}

/// Whether a name phrase is a person, and the fullest form of the name if so.
fn judge(
    doc: &Doc,
    phrase: &NamePhrase,
    out: &[Mention],
    seen: &Seen,
    known: &Known<'_>,
    common_opening: bool,
) -> Option<String> {
    let name = doc.phrase(phrase.name.start, phrase.name.end);
    let name_lower = name.to_lowercase();
    let last_word = name_lower
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_owned();
    let known_full = known
        .exact
        .get(&name_lower)
        .or_else(|| known.by_last.get(&name_lower))
        .copied();
    let earlier = seen
        .by_full
        .get(&name_lower)
        .copied()
        .max(if phrase.name_tokens == 1 {
            seen.by_word.get(&last_word).copied()
        } else {
            None
        })
        .map(|i| &out[i]);
    let accepted = ((phrase.name_tokens >= 2 || !phrase.titles.is_empty()) && !common_opening)
        || known_full.is_some()
        || earlier.is_some();
    if !accepted {
        return None;
    }
    Some(if phrase.name_tokens >= 2 {
        known.exact.get(&name_lower).map_or(name, |k| (*k).clone())
    } else if let Some(m) = earlier {
        m.full.clone()
    } else if let Some(k) = known_full {
        k.clone()
    } else {
        name
    })
}

/// "the Oriel Star", "the Kuvo Islander": a capitalised run after "the" names a ship, a
/// paper or a body, not a person, unless the article or project already knows the name.
fn after_the(
    toks: &[Token],
    i: usize,
    phrase: &NamePhrase,
    seen: &Seen,
    known: &Known<'_>,
    doc: &Doc,
) -> bool {
    phrase.titles.is_empty()
        && i > 0
        && toks[i - 1].is_word
        && toks[i - 1].text == "the"
        && !named_before(doc, phrase, seen, known)
}

/// Whether a name phrase repeats a name of the article or of the project: "Later Zarif"
/// drops "Later" then.
fn named_before(doc: &Doc, phrase: &NamePhrase, seen: &Seen, known: &Known<'_>) -> bool {
    let lower = doc
        .phrase(phrase.name.start, phrase.name.end)
        .to_lowercase();
    seen.by_full.contains_key(&lower)
        || known.exact.contains_key(&lower)
        || (phrase.name_tokens == 1
            && (seen.by_word.contains_key(&lower) || known.by_last.contains_key(&lower)))
}

/// "Ben Said", "Abu Bakr", "El Amrani": a surname that opens with a patronymic or article
/// word, so the capitalised word before it is the given name ("Amira Ben Said"), not an
/// opener to drop ("Tearful Lucia Ferrant").
fn opens_with_patronymic(tok: &Token) -> bool {
    matches!(
        tok.lower(),
        "ben" | "bin" | "ibn" | "bint" | "abu" | "ould" | "el" | "al" | "ait"
    )
}

fn is_common_opening(tok: &Token) -> bool {
    // "Footage uploaded", "Reactions to": a capitalised sentence opener that is a common
    // word is not a given name. Cheap test: a name's first token is short and not an -ing/-ed/-s word.
    let l = tok.lower();
    l.ends_with("ing") || l.ends_with("ed") || l.ends_with("tion") || l.ends_with("ions")
}

/// Index of the first mention starting at or after `pos`.
fn first_at_or_after(mentions: &[Mention], pos: usize) -> usize {
    mentions.partition_point(|m| m.range.start < pos)
}

/// The mentions that end at or before `pos`, nearest first, at most [`LOOK_BACK`] of them.
pub fn before(mentions: &[Mention], pos: usize) -> impl Iterator<Item = &Mention> {
    let end = first_at_or_after(mentions, pos);
    mentions[end.saturating_sub(LOOK_BACK)..end]
        .iter()
        .rev()
        .filter(move |m| m.range.end <= pos)
}

/// The mention whose name or phrase starts at `pos`.
pub fn starting_at(mentions: &[Mention], pos: usize) -> Option<&Mention> {
    let i = mentions.partition_point(|m| m.phrase_start < pos);
    mentions[i..]
        .iter()
        .take_while(|m| m.phrase_start <= pos)
        .chain(mentions.get(first_at_or_after(mentions, pos)))
        .find(|m| m.phrase_start == pos || m.range.start == pos)
}

/// The mention covering exactly `range`.
pub fn exactly(mentions: &[Mention], range: Range) -> Option<&Mention> {
    mentions
        .get(first_at_or_after(mentions, range.start))
        .filter(|m| m.range == range)
}

/// The mention whose name ends exactly at `end` ("Soleimani, 66").
pub fn ending_at(mentions: &[Mention], end: usize) -> Option<&Mention> {
    before(mentions, end).next().filter(|m| m.range.end == end)
}

/// Whether a mention's name starts inside `range`.
pub fn any_in(mentions: &[Mention], range: Range) -> bool {
    mentions
        .get(first_at_or_after(mentions, range.start))
        .is_some_and(|m| m.range.start < range.end)
}

/// The nearest person mentioned before `pos` whose titles fit `role` (for "the minister").
pub fn resolve_role<'a>(mentions: &'a [Mention], pos: usize, role: &str) -> Option<&'a Mention> {
    names::role_of(role)?;
    before(mentions, pos).find(|m| {
        m.person_titles
            .iter()
            .any(|t| names::title_gives_role(t, role))
    })
}

/// The nearest person mentioned before `pos` (for a pronoun) whose gender fits.
pub fn nearest_before(mentions: &[Mention], pos: usize, want: Gender) -> Option<&Mention> {
    before(mentions, pos).find(|m| m.gender.fits(want))
}

/// Keep the mentions whose name starts outside every range of `ranges` (sorted, disjoint).
pub fn outside(mentions: &[Mention], ranges: &[Range]) -> Vec<Mention> {
    mentions
        .iter()
        .filter(|m| {
            let i = ranges.partition_point(|r| r.end <= m.range.start);
            !ranges.get(i).is_some_and(|r| r.contains(m.range.start))
        })
        .cloned()
        .collect()
}

/// `is_possessive` re-exported for the finders that read phrases around mentions.
pub fn is_possessive_token(t: &Token) -> bool {
    is_possessive(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_stripped_and_surnames_resolved() {
        let doc = Doc::new(
            "Iran’s Foreign Minister Javad Zarif spoke. Later Zarif left. Gen. Qassem Soleimani died.",
        );
        let m = mentions(&doc, &[]);
        let names: Vec<(&str, &str)> = m
            .iter()
            .map(|m| (m.name.as_str(), m.full.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("Javad Zarif", "Javad Zarif"),
                ("Zarif", "Javad Zarif"),
                ("Qassem Soleimani", "Qassem Soleimani")
            ]
        );
        assert!(m[0].titles.contains(&"minister".to_string()));
        let r = resolve_role(&m, doc.len(), "minister").unwrap();
        assert_eq!(r.full, "Javad Zarif");
        let g = resolve_role(&m, doc.len(), "general").unwrap();
        assert_eq!(g.full, "Qassem Soleimani");
    }

    #[test]
    fn initials_and_three_word_names_are_mentions() {
        let doc = Doc::new(
            "The engineer A. Diallo said the dam held. Priya Nanda Kumar, a hydrologist, disagreed. John F. Kennedy was not there.",
        );
        let names: Vec<String> = mentions(&doc, &[]).into_iter().map(|m| m.name).collect();
        assert_eq!(names, ["A. Diallo", "Priya Nanda Kumar", "John F. Kennedy"]);
    }

    #[test]
    fn a_surname_with_a_patronymic_keeps_its_given_name() {
        // Our own: a given name no list has, then a tabloid opener before a known one.
        let doc = Doc::new(
            "Yara Ben Salem, a pilot, said it was late. Tearful Maria Lopez said nothing. Nadia El Fassi, Ben Salem's colleague, agreed.",
        );
        let names: Vec<String> = mentions(&doc, &[]).into_iter().map(|m| m.full).collect();
        assert!(names.contains(&"Yara Ben Salem".to_string()), "{names:?}");
        assert!(names.contains(&"Maria Lopez".to_string()), "{names:?}");
        assert!(names.contains(&"Nadia El Fassi".to_string()), "{names:?}");
    }

    #[test]
    fn gender_from_titles_and_given_names_picks_the_pronoun_referent() {
        let doc = Doc::new(
            "Mrs. Halvorsen met Peter Okoye at the depot. Later Halvorsen spoke to Okoye.",
        );
        let m = mentions(&doc, &[]);
        // "Okoye" is nearer but Peter is a man's name: "she" is Mrs. Halvorsen.
        let she = nearest_before(&m, doc.len(), Gender::Female).unwrap();
        assert_eq!(she.full, "Halvorsen");
        let he = nearest_before(&m, doc.len(), Gender::Male).unwrap();
        assert_eq!(he.full, "Peter Okoye");
        // Nobody fits (the only person is a man): no guess.
        let d = Doc::new("Mr. Brandt spoke first.");
        assert!(nearest_before(&mentions(&d, &[]), d.len(), Gender::Female).is_none());
    }

    #[test]
    fn an_affiliation_after_a_place_preposition_is_no_person() {
        let doc = Doc::new("Lena Marsh, a chemist at Dorrow Polytechnic, spoke in Upper Tallis.");
        let fulls: Vec<String> = mentions(&doc, &[]).into_iter().map(|m| m.full).collect();
        assert_eq!(fulls, ["Lena Marsh"]);
    }
}
