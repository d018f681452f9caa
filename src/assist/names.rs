//! Person names in running text: titles stripped ("Iran's Foreign Minister Javad Zarif" →
//! Javad Zarif), mentions collected in text order, and role nouns ("the minister")
//! resolved to the nearest person who carries that title.

use super::text::{Doc, Range, Token};
use crate::assist::text::WordList;

/// Words that come before a name as a title or description and are not part of it.
static TITLE_WORDS: WordList = WordList::new(&[
    "president",
    "vice",
    "minister",
    "prime",
    "foreign",
    "affairs",
    "defence",
    "defense",
    "interior",
    "finance",
    "health",
    "justice",
    "secretary",
    "state",
    "general",
    "gen",
    "maj",
    "major",
    "lt",
    "lieutenant",
    "colonel",
    "col",
    "sgt",
    "sergeant",
    "captain",
    "capt",
    "adm",
    "admiral",
    "brig",
    "brigadier",
    "commander",
    "cmdr",
    "ayatollah",
    "grand",
    "supreme",
    "leader",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "doctor",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "senator",
    "sen",
    "rep",
    "representative",
    "gov",
    "governor",
    "mayor",
    "chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "judge",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "imam",
    "pope",
    "cardinal",
    "bishop",
    "rev",
    "reverend",
    "father",
    "deputy",
    "chancellor",
    "premier",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "coach",
    "detective",
    "inspector",
    "insp",
    "superintendent",
    "supt",
    "officer",
    "constable",
    "councillor",
    "councilor",
    "mp",
    "mep",
    "head",
    "top",
    "former",
    "acting",
    "senior",
    "military",
    "army",
    "police",
    "fire",
    "journalist",
    "reporter",
    "analyst",
    "economist",
    "activist",
    "lawyer",
    "attorney",
    "professor",
    "researcher",
    "scientist",
    "author",
    "writer",
    "actor",
    "actress",
    "singer",
    "striker",
    "midfielder",
    "manager",
    "captain",
    "executive",
    "mme",
    "speaker",
    "commissioner",
    "opposition",
    "party",
    "labour",
    "conservative",
    "democratic",
    "republican",
    "democrat",
    "gop",
    "resident",
    "mother",
    "dad",
    "mum",
    "nurse",
    "surgeon",
    "cleric",
    "mullah",
    "hajj",
    "spiritual",
    "revolutionary",
    "guards",
    "guard",
    "quds",
    "force",
    "corps",
    "national",
    "security",
    "adviser",
    "advisor",
    "envoy",
    "diplomat",
    "official",
    "aide",
    "pastor",
    "rabbi",
    "chief-executive",
    "secretary-general",
    "prosecutor",
    "barrister",
    "solicitor",
    "boss",
    "substitute",
    "defender",
    "goalkeeper",
    "winger",
    "forward",
    "editor",
    "columnist",
    "correspondent",
    "teacher",
    "student",
    "pensioner",
    "daughter",
    "son",
    "wife",
    "husband",
    "widow",
    "widower",
    "brother",
    "sister",
    "uncle",
    "aunt",
    "grandson",
    "granddaughter",
    "cousin",
    "nephew",
    "niece",
    "voter",
    "councillor",
    "cabinet",
    "member",
]);

/// Country and nationality words that describe a person in front of the name.
static NATIONALITY_WORDS: WordList = WordList::new(&[
    "us",
    "u.s",
    "usa",
    "uk",
    "u.k",
    "un",
    "u.n",
    "eu",
    "american",
    "british",
    "iranian",
    "iraqi",
    "french",
    "german",
    "russian",
    "chinese",
    "israeli",
    "syrian",
    "lebanese",
    "saudi",
    "turkish",
    "european",
    "canadian",
    "australian",
    "indian",
    "pakistani",
    "afghan",
    "egyptian",
    "spanish",
    "italian",
    "ukrainian",
    "japanese",
    "korean",
    "irish",
    "scottish",
    "welsh",
    "english",
    "swiss",
    "dutch",
    "belgian",
    "polish",
    "greek",
    "mexican",
    "brazilian",
    "iran",
    "iraq",
    "israel",
    "china",
    "russia",
    "france",
    "britain",
    "germany",
    "america",
    "ukraine",
    "syria",
    "lebanon",
    "turkey",
    "canada",
    "tehran",
    "washington",
    "kremlin",
    "state",
    "federal",
    "local",
    "regional",
    "city",
    "county",
    "provincial",
    "white",
    "house",
    "pentagon",
    "nato",
    "shiite",
    "sunni",
]);

/// Words that never belong to a person's name, even capitalised.
static NOT_NAME_WORDS: WordList = WordList::new(&[
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "as",
    "is",
    "was",
    "it",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "its",
    "if",
    "when",
    "while",
    "after",
    "before",
    "more",
    "most",
    "some",
    "many",
    "all",
    "no",
    "not",
    "what",
    "who",
    "why",
    "how",
    "where",
    "there",
    "here",
    "so",
    "then",
    "also",
    "yet",
    "still",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "east",
    "west",
    "north",
    "south",
    "middle",
    "united",
    "kingdom",
    "arab",
    "emirates",
    "street",
    "square",
    "city",
    "river",
    "sea",
    "gulf",
    "islamic",
    "republic",
    "revolution",
    "day",
    "eve",
    "year",
    "new",
    "twitter",
    "facebook",
    "instagram",
    "god",
    "allah",
    "department",
    "agency",
    "university",
    "press",
    "news",
    "ministry",
    "council",
    "army",
    "airport",
    "embassy",
    "states",
    "union",
    "nations",
    "organization",
    "organisation",
    "committee",
    "court",
    "office",
    "times",
    "post",
    "company",
    "group",
    "bank",
    "service",
    "services",
    "brigade",
    "forces",
    "institute",
    "centre",
    "center",
    "hospital",
    "school",
    "college",
    "association",
    "federation",
    "authority",
    "tv",
    "television",
    "radio",
    "network",
    "media",
    "club",
    "fc",
    "league",
    "cup",
    "bbc",
    "cnn",
    "afp",
    "ap",
    "reuters",
    "isna",
    "irna",
    "more",
    "follow",
    "about",
    "photo",
    "video",
    "watch",
    "read",
    "related",
    "update",
    "updated",
    "breaking",
    "live",
    "latest",
    "war",
    "world",
    "muslims",
    "church",
    "mosque",
    "parliament",
    "congress",
    "senate",
    "government",
    "ministry",
    "police",
    "hezbollah",
    "hamas",
    "isis",
    "al-qaeda",
    "taliban",
    "corps",
    "force",
    "guard",
    "guards",
    "quds",
    "supreme",
    "leader",
    "president",
    "minister",
    "general",
    "gen",
    "secretary",
    "chief",
    "officials",
    "official",
    "covid-19",
    "coronavirus",
    "ltd",
    "plc",
    "inc",
    "ceo",
    "amid",
    "despite",
    "following",
    "according",
    "said",
    "says",
    "told",
    "one",
    "two",
    "three",
    "another",
    "every",
    "each",
    "both",
    "only",
    "even",
    "just",
    "please",
    "thank",
    "thanks",
    "yes",
    "oh",
    "well",
    "hospitals",
    "trust",
    "nhs",
    "road",
    "avenue",
    "park",
    "bridge",
    "station",
    "hall",
    "airlines",
    "airways",
    "island",
    "islands",
    "province",
    "region",
    "district",
    "county",
    "valley",
    "mountains",
    "studies",
    "medicine",
    "commission",
    "fund",
    "foundation",
    "trust",
    "institute",
]);

/// Capitalised words that make the run before them an institution, not a person.
static ORG_TAILS: WordList = WordList::new(&[
    "service",
    "college",
    "studies",
    "institute",
    "council",
    "department",
    "agency",
    "university",
    "press",
    "news",
    "ministry",
    "party",
    "commission",
    "committee",
    "foundation",
    "fund",
    "trust",
    "hospital",
    "school",
    "association",
    "union",
    "corps",
    "force",
    "guard",
    "guards",
    "group",
    "company",
    "bank",
    "court",
    "office",
    "organization",
    "organisation",
    "times",
    "post",
    "network",
]);

/// Name particles written in lower case inside a name (Abu Mahdi al-Muhandis, van Gogh).
static PARTICLES: WordList = WordList::new(&[
    "al", "bin", "ibn", "de", "van", "von", "da", "di", "le", "la", "el", "du", "der", "den",
    "dos", "abu", "ter", "bint",
]);

/// Roles that a definite description ("the minister") can stand for, with the title
/// words that give a person that role.
const ROLES: &[(&str, &[&str])] = &[
    ("minister", &["minister", "premier"]),
    ("president", &["president"]),
    ("general", &["general", "gen"]),
    ("commander", &["commander", "cmdr", "general", "gen"]),
    ("leader", &["leader", "ayatollah"]),
    ("ayatollah", &["ayatollah"]),
    ("spokesman", &["spokesman", "spokesperson"]),
    ("spokeswoman", &["spokeswoman", "spokesperson"]),
    (
        "spokesperson",
        &["spokesman", "spokeswoman", "spokesperson"],
    ),
    ("secretary", &["secretary"]),
    ("senator", &["senator", "sen"]),
    ("governor", &["governor", "gov"]),
    ("mayor", &["mayor"]),
    ("chancellor", &["chancellor"]),
    ("ambassador", &["ambassador"]),
    ("judge", &["judge"]),
    ("coach", &["coach"]),
    ("manager", &["manager", "boss", "coach"]),
    ("boss", &["manager", "boss", "coach"]),
    ("striker", &["striker", "forward"]),
    ("prosecutor", &["prosecutor"]),
    ("barrister", &["barrister"]),
    ("councillor", &["councillor"]),
    ("inspector", &["inspector", "insp"]),
    ("detective", &["detective"]),
    ("superintendent", &["superintendent", "supt"]),
    ("director", &["director"]),
    ("chairman", &["chairman", "chair"]),
    ("chairwoman", &["chairwoman", "chair"]),
    ("chief", &["chief"]),
    ("professor", &["professor", "prof"]),
    ("doctor", &["doctor", "dr"]),
    ("captain", &["captain", "capt"]),
    ("mp", &["mp"]),
    ("envoy", &["envoy"]),
    ("diplomat", &["diplomat", "ambassador", "envoy"]),
    ("official", &["official"]),
    ("cleric", &["cleric", "ayatollah", "imam"]),
];

fn lower_in(word: &str, list: &WordList) -> bool {
    list.contains(word)
}

pub fn is_title_word(lower: &str) -> bool {
    lower_in(lower, &TITLE_WORDS) || lower_in(lower, &NATIONALITY_WORDS)
}

/// A possessive such as `Iran’s` (a description, not a name).
pub fn is_possessive(tok: &Token) -> bool {
    let t = &tok.text;
    t.ends_with("’s") || t.ends_with("'s") || t.ends_with("s’") || t.ends_with("s'")
}

/// True if the token can be part of a person's name.
pub fn is_name_token(tok: &Token) -> bool {
    if !tok.is_word || is_possessive(tok) {
        return false;
    }
    let lower = tok.lower();
    let month_abbreviation = tok.text.ends_with('.')
        && matches!(
            lower,
            "jan" | "feb" | "aug" | "sept" | "oct" | "nov" | "dec"
        );
    if month_abbreviation
        || lower_in(lower, &NOT_NAME_WORDS)
        || tok.text.starts_with('#')
        || tok.text.starts_with('@')
    {
        return false;
    }
    let first = tok.first_char();
    // "Chart-topper" is a description; "Jean-Luc" and "Al-Sadr" are names.
    let lower_after_hyphen = tok
        .text
        .split('-')
        .skip(1)
        .any(|p| p.chars().next().is_some_and(char::is_lowercase));
    !lower_after_hyphen
        && first.is_uppercase()
        && tok.text.chars().any(|c| c.is_lowercase())
        && !tok.text.chars().any(|c| c.is_ascii_digit())
}

/// The role a definite description names: "minister" for "the foreign minister".
pub fn role_of(lower: &str) -> Option<&'static str> {
    ROLES.iter().find(|(r, _)| *r == lower).map(|(r, _)| *r)
}

/// A person (or organisation) named in the text.
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
}

/// A capitalised run of tokens read as a name, with the titles in front of it.
#[derive(Clone, Debug)]
pub struct NamePhrase {
    pub name: Range,
    pub titles: Vec<String>,
    pub phrase_start: usize,
    pub name_tokens: usize,
}

/// Read a name phrase starting at token `i` (titles first, then name tokens). Returns the
/// phrase and the index after it.
pub fn read_name_phrase(tokens: &[Token], mut i: usize) -> Option<(NamePhrase, usize)> {
    let phrase_start = tokens.get(i)?.start;
    let mut titles = Vec::new();
    while let Some(t) = tokens.get(i) {
        if !t.is_word {
            break;
        }
        let lower = t.lower();
        if is_title_word(lower) || (is_possessive(t) && t.is_capitalized()) {
            titles.push(lower.to_owned());
            i += 1;
        } else {
            break;
        }
    }
    let first = i;
    let mut last = None;
    while let Some(t) = tokens.get(i) {
        if is_name_token(t) {
            last = Some(i);
            i += 1;
        } else if t.is_word
            && lower_in(t.lower(), &PARTICLES)
            && tokens.get(i + 1).is_some_and(is_name_token)
            && last.is_some()
        {
            i += 1;
        } else {
            break;
        }
    }
    let last = last?;
    // A possessive right after the name ("Soleimani’s") ends it but is not part of it.
    let name = Range {
        start: tokens[first].start,
        end: tokens[last].end,
    };
    Some((
        NamePhrase {
            name,
            titles,
            phrase_start,
            name_tokens: last + 1 - first,
        },
        last + 1,
    ))
}

/// The name part of a possessive token: `Soleimani’s` → `Soleimani`.
pub fn possessive_stem(tok: &Token) -> Option<String> {
    if !is_possessive(tok) || !tok.is_capitalized() {
        return None;
    }
    let t = tok.text.trim_end_matches(['s', '’', '\'']).to_string();
    let t = if tok.text.ends_with("s’") || tok.text.ends_with("s'") {
        format!("{t}s")
    } else {
        t
    };
    Some(t)
}

/// Every person mention in the article, in text order. A single capitalised word counts
/// as a person when it follows a title or repeats the last word of an earlier full name or
/// of a known name (`known`: the project's entity names and aliases).
pub fn mentions(doc: &Doc, known: &[String]) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let toks = &doc.tokens;
    let mut i = 0;
    let sentence_starts: std::collections::HashSet<usize> =
        doc.sentences.iter().map(|s| s.start).collect();
    // Title-case lines (headlines, "MORE: …" links) capitalise every word: a new name is
    // not trusted there, only names seen before or known.
    let headlines: Vec<Range> = doc
        .paragraphs()
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
        .collect();
    while i < toks.len() {
        // "Diallo's team": a possessive of a person already named is a mention too.
        if let Some(stem) = possessive_stem(&toks[i]) {
            let sl = stem.to_lowercase();
            if let Some(m) = out
                .iter()
                .rev()
                .find(|m| m.full.to_lowercase().split_whitespace().any(|w| w == sl))
            {
                let full = m.full.clone();
                out.push(Mention {
                    range: Range {
                        start: toks[i].start,
                        end: toks[i].start + stem.chars().count(),
                    },
                    name: stem,
                    full,
                    titles: Vec::new(),
                    phrase_start: toks[i].start,
                });
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
            let first_known = out
                .iter()
                .any(|m| m.full.to_lowercase().split_whitespace().any(|w| w == first))
                || known
                    .iter()
                    .any(|k| k.to_lowercase().split_whitespace().any(|w| w == first));
            if !first_known
                && let Some((rest, rest_next)) = read_name_phrase(toks, i + 1)
                && judge(doc, &rest, &out, known, false).is_some()
            {
                phrase = rest;
                next = rest_next;
            }
        }
        // "Royal College", "Weather Service": a name part followed by an institution word.
        let org_follows = toks
            .get(next)
            .is_some_and(|t| t.is_word && t.is_capitalized() && ORG_TAILS.contains(t.lower()));
        if org_follows {
            i = next.max(i + 1);
            continue;
        }
        // "the mining minister, Andrea Fuentes": a title in apposition before the name.
        if phrase.titles.is_empty() && i >= 2 && toks[i - 1].text == "," {
            let mut k = i - 1;
            while k > 0 && toks[k - 1].is_word && is_title_word(toks[k - 1].lower()) {
                k -= 1;
                phrase.titles.push(toks[k].lower().to_owned());
            }
        }
        let in_headline = headlines.iter().any(|h| h.contains(phrase.name.start));
        if let Some(full) = judge(
            doc,
            &phrase,
            &out,
            known,
            (at_sentence_start && is_common_opening(&toks[i])) || in_headline,
        ) {
            out.push(Mention {
                range: phrase.name,
                name: doc.slice(phrase.name.start, phrase.name.end),
                full,
                titles: phrase.titles,
                phrase_start: phrase.phrase_start,
            });
        }
        i = next.max(i + 1);
    }
    out
}

/// Whether a name phrase is a person, and the fullest form of the name if so.
fn judge(
    doc: &Doc,
    phrase: &NamePhrase,
    out: &[Mention],
    known: &[String],
    common_opening: bool,
) -> Option<String> {
    let name = doc.slice(phrase.name.start, phrase.name.end);
    let name_lower = name.to_lowercase();
    let last_word = name_lower
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_owned();
    let known_full = known.iter().find(|k| {
        let kl = k.to_lowercase();
        kl == name_lower || kl.split_whitespace().last() == Some(name_lower.as_str())
    });
    let earlier = out.iter().rev().find(|m| {
        let fl = m.full.to_lowercase();
        fl == name_lower
            || (phrase.name_tokens == 1 && fl.split_whitespace().any(|w| w == last_word))
    });
    let accepted = ((phrase.name_tokens >= 2 || !phrase.titles.is_empty()) && !common_opening)
        || known_full.is_some()
        || earlier.is_some();
    if !accepted {
        return None;
    }
    Some(if phrase.name_tokens >= 2 {
        known
            .iter()
            .find(|k| k.to_lowercase() == name_lower)
            .cloned()
            .unwrap_or(name)
    } else if let Some(m) = earlier {
        m.full.clone()
    } else if let Some(k) = known_full {
        k.clone()
    } else {
        name
    })
}

fn is_common_opening(tok: &Token) -> bool {
    // "Footage uploaded", "Reactions to": a capitalised sentence opener that is a common
    // word is not a given name. Cheap test: a name's first token is short and not an -ing/-ed/-s word.
    let l = tok.lower();
    l.ends_with("ing") || l.ends_with("ed") || l.ends_with("tion") || l.ends_with("ions")
}

/// The nearest person mentioned before `pos` whose titles fit `role` (for "the minister").
pub fn resolve_role<'a>(mentions: &'a [Mention], pos: usize, role: &str) -> Option<&'a Mention> {
    let titles = ROLES.iter().find(|(r, _)| *r == role).map(|(_, t)| *t)?;
    // A later mention of the same person may lack the title: look the title up by full name.
    let titled: Vec<&str> = mentions
        .iter()
        .filter(|m| m.titles.iter().any(|t| titles.contains(&t.as_str())))
        .map(|m| m.full.as_str())
        .collect();
    mentions
        .iter()
        .rfind(|m| m.range.end <= pos && titled.contains(&m.full.as_str()))
}

/// The nearest person mentioned before `pos` (for a pronoun), skipping organisations.
pub fn nearest_before(mentions: &[Mention], pos: usize) -> Option<&Mention> {
    mentions.iter().rfind(|m| m.range.end <= pos)
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
}
