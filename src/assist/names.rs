//! Name phrases in running text: titles stripped ("Iran's Foreign Minister Javad Zarif" →
//! Javad Zarif), which tokens can be part of a name, role nouns ("the minister") and the
//! one surname comparison the suggesters share. Mentions built from them: [`super::mentions`].

use super::text::{Range, Token};
use crate::assist::text::WordList;
use crate::assist::words::TaggedWords;

/// Words that come before a name as a title or description and are not part of it.
static TITLE_WORDS: WordList = WordList::from_text(include_str!("words/title_words.txt"));

/// Country and nationality words that describe a person in front of the name.
static NATIONALITY_WORDS: WordList =
    WordList::from_text(include_str!("words/nationality_words.txt"));

/// Words that never belong to a person's name, even capitalised.
static NOT_NAME_WORDS: WordList = WordList::from_text(include_str!("words/not_name_words.txt"));

/// Capitalised words that make the run before them an institution, not a person.
static ORG_TAILS: WordList = WordList::from_text(include_str!("words/org_tails.txt"));
static ORG_HEADS: WordList = WordList::from_text(include_str!("words/org_heads.txt"));

/// Last words that make a capitalised run a place ("Mill Lane", "Upper Kessel Dam").
static PLACE_TAILS: WordList = WordList::from_text(include_str!("words/place_tails.txt"));

/// Name particles written in lower case inside a name (Abu Mahdi al-Muhandis, van Gogh).
static PARTICLES: WordList = WordList::from_text(include_str!("words/particles.txt"));

/// Roles that a definite description ("the minister") can stand for, each with the title
/// words that give a person that role.
static ROLES: TaggedWords = TaggedWords::from_text(include_str!("words/roles.txt"));

fn lower_in(word: &str, list: &WordList) -> bool {
    list.contains(word)
}

pub fn is_title_word(lower: &str) -> bool {
    lower_in(lower, &TITLE_WORDS) || lower_in(lower, &NATIONALITY_WORDS)
}

static DESCRIBED_TITLES: WordList = WordList::from_text(include_str!("words/described_titles.txt"));

/// A title word that describes the person ("student", "dad") rather than naming an office.
pub fn is_descriptive_title(lower: &str) -> bool {
    lower_in(lower, &DESCRIBED_TITLES)
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
    let month_abbreviation = tok.text.ends_with('.') && super::words::is_month_abbreviation(lower);
    if month_abbreviation
        || lower_in(lower, &NOT_NAME_WORDS)
        || super::words::is_calendar_name(lower)
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

/// "Said" in title case after a name is the surname (Amira Ben Said, Edward Said): the
/// verb is written in lower case outside headlines, where new names are not trusted.
fn is_surname_said(tok: &Token) -> bool {
    tok.is_word && tok.text == "Said"
}

/// A capital letter with its full stop ("A."), as written for a given name.
pub fn is_initial(tok: &Token) -> bool {
    let mut c = tok.text.chars();
    tok.is_word
        && c.next().is_some_and(char::is_uppercase)
        && c.next() == Some('.')
        && c.next().is_none()
}

/// The role a definite description names: "minister" for "the foreign minister".
pub fn role_of(lower: &str) -> Option<&str> {
    ROLES.contains(lower).then_some(lower)
}

/// Whether a title word gives a person the role ("gen" gives "general").
pub fn title_gives_role(title: &str, role: &str) -> bool {
    ROLES.has_tag(role, title)
}

/// The surname a name is matched by: its last word, lower case, without a possessive.
/// The one place surnames are compared (entity lookup, speakers, ages, aliases).
pub fn surname(name: &str) -> String {
    crate::model::speaker::surname(name).unwrap_or_default()
}

/// Whether two names share their surname ("Ann Rowe", "Governor Rowe").
pub fn same_surname(a: &str, b: &str) -> bool {
    let s = surname(a);
    !s.is_empty() && s == surname(b)
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
    let mut first = i;
    let mut last = None;
    while let Some(t) = tokens.get(i) {
        if last.is_some()
            && t.is_capitalized()
            && is_title_word(t.lower())
            && tokens.get(i + 1).is_some_and(is_name_token)
        {
            // "Ohio Governor Ann Rowe": a place or body glued on before a title is part of
            // the role, not of the name.
            titles.extend(tokens[first..=i].iter().map(|t| t.lower().to_owned()));
            first = i + 1;
            last = None;
            i += 1;
        } else if is_name_token(t) || (last.is_some() && is_surname_said(t)) {
            last = Some(i);
            i += 1;
        } else if is_initial(t)
            && tokens
                .get(i + 1)
                .is_some_and(|n| is_name_token(n) || is_initial(n))
        {
            // "A. Diallo", "John F. Kennedy": an initial inside a name, never its end.
            i += 1;
        } else if t.is_word && lower_in(t.lower(), &PARTICLES) && last.is_some() && {
            // "van der Meer", "de la Cruz": particles, then the name they belong to.
            let particles = tokens[i..]
                .iter()
                .take(3)
                .take_while(|p| p.is_word && lower_in(p.lower(), &PARTICLES))
                .count();
            tokens.get(i + particles).is_some_and(is_name_token)
        } {
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

/// Prepositions after which a capitalised run names a place or an institution ("in Upper
/// Tallis", "an engineer at Dorrow Polytechnic"), not a person.
static PLACE_PREPOSITIONS: WordList = WordList::new(&[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "into",
    "towards",
    "toward",
    "around",
    "throughout",
    "within",
]);

/// "Royal College", "Weather Service": the token after a name run is an institution word.
pub fn org_follows(tokens: &[Token], next: usize) -> bool {
    tokens
        .get(next)
        .is_some_and(|t| t.is_word && t.is_capitalized() && ORG_TAILS.contains(t.lower()))
}

/// Whether the name run ending before token `next` is an organisation by its last word
/// ("United Process Workers", "Safety Directorate"): never a person or a pronoun's referent.
pub fn ends_in_org_word(tokens: &[Token], next: usize) -> bool {
    next > 0
        && tokens
            .get(next - 1)
            .is_some_and(|t| t.is_word && t.is_capitalized() && ORG_HEADS.contains(t.lower()))
}

/// Whether the untitled name run at token `i` follows a place preposition.
pub fn after_place_preposition(tokens: &[Token], i: usize, phrase: &NamePhrase) -> bool {
    phrase.titles.is_empty()
        && i > 0
        && tokens[i - 1].is_word
        && !tokens[i - 1].is_capitalized()
        && PLACE_PREPOSITIONS.contains(tokens[i - 1].lower())
}

/// Whether the name run ending before token `next` names a place by its last word ("Mill
/// Lane", "Kessel Valley"): a street, river or building is never a person or a speaker.
pub fn ends_in_place_word(tokens: &[Token], next: usize) -> bool {
    let place = |t: &Token| t.is_word && t.is_capitalized() && PLACE_TAILS.contains(t.lower());
    (next > 0 && tokens.get(next - 1).is_some_and(place)) || tokens.get(next).is_some_and(place)
}
