//! Counts in a sentence: a number and what it counts. What is counted comes from the
//! number's own noun ("15 bodies", "Dozens of homes"), else from its predicate ("12 people
//! died", "30 are still missing", "Six dead, 3,000 rescued"), else from a lead before it
//! ("the death toll from the dam failure stood at 15", "killing at least 12"). A number
//! whose noun is a thing ("12 pumps", "15 rescue boats", "9 fire engines") counts that
//! thing and is no fact about people, so the same number never ties two kinds together.
//! Every number looks at a few tokens on either side only: linear in the sentence.

use super::numbers::{self, NumberExpr, Qualifier};
use super::ontology::{self, Context, Counted, Role};
use crate::assist::text::Token;
use crate::assist::words::month;

/// A count read from a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Count {
    pub what: Counted,
    pub value: f64,
    pub vague: bool,
    pub qualifier: Qualifier,
    /// Tokens of the value with its qualifier ("at least 12").
    pub first: usize,
    pub next: usize,
}

/// How far a lead noun may stand before its number ("toll from the Upper Kessel Dam
/// failure to 19" is eight words).
const LEAD_REACH: usize = 10;
/// How far a predicate may stand after its number or noun ("are still believed to be
/// missing").
const PREDICATE_REACH: usize = 6;
/// How far a predicate may stand when names lie between ("homes along Mill Lane and
/// Fenby Road were destroyed").
const NAME_REACH: usize = 12;
/// Nouns read after a number ("high-capacity pumps", "young children").
const NOUN_REACH: usize = 3;

fn is_punct(t: &Token) -> bool {
    !t.is_word
}

/// A number that is no count: a year, a day of a month, a clock time, money, a share.
pub(super) fn is_no_count(toks: &[Token], lowers: &[&str], n: &NumberExpr) -> bool {
    let at = |k: usize| lowers.get(k).copied().unwrap_or("");
    let before = n.first.checked_sub(1).map_or("", |k| lowers[k]);
    let after = at(n.next);
    let text = &toks[n.first].text;
    let is_year =
        !n.vague && (1800.0..=2100.0).contains(&n.value) && text.len() == 4 && !text.contains(',');
    is_year
        // "May 4", "4 May": a dateline or a date, never a count.
        || month(before).is_some()
        || month(after).is_some()
        // "3:50", "11 p.m.", "4 o'clock".
        || matches!(after, ":" | "a.m." | "p.m." | "am" | "pm" | "o'clock" | "%" | "percent" | "per")
        || matches!(before, "$" | "£" | "€" | "¥" | "no" | "no." | "number" | "#" | "page" | "route")
        // "12 of the 15 dead", "two of them": a part, the whole is counted elsewhere.
        || (!n.vague && after == "of")
        // "four more bodies", "another 12": an increment, not a total.
        || ontology::is(after, Context::Delta)
        || before == "another"
        // "rose from 12 to 15": 12 is the earlier figure.
        || (before == "from" && (at(n.next) == "to" || at(n.next + 1) == "to"))
        // "a man of 52 died": an age.
        || (before == "of"
            && n.first >= 2
            && matches!(
                lowers[n.first - 2],
                "man" | "woman" | "boy" | "girl" | "child" | "person" | "pensioner" | "teenager"
            ))
}

/// How many words "of them", "of their comrades" or "of the survivors" may hold.
const PART_REACH: usize = 3;

/// "nine of them were taken to hospital", "Fourteen of their comrades, brought up alive":
/// a part of people counted before, itself the whole of what its predicate says — taken
/// only for patients and the rescued, which are counted out of the others.
fn part_of(lowers: &[&str], toks: &[Token], n: &NumberExpr) -> Option<Counted> {
    if n.vague || lowers.get(n.next) != Some(&"of") {
        return None;
    }
    let mut k = n.next + 1;
    let end = (k + PART_REACH).min(lowers.len());
    while k < end && toks[k].is_word && numbers::number_at(toks, lowers, k).is_none() {
        k += 1;
    }
    if lowers.get(k) == Some(&",") {
        k += 1;
    }
    predicate_after(lowers, toks, k)
        .filter(|c| matches!(c, Counted::Hospitalised | Counted::Rescued))
}

/// What the noun after a number says: the kind it names, people, a thing, or no noun.
enum Noun {
    Kind(Counted),
    /// Homes with what befell them before the noun ("900 damaged buildings").
    Befallen(Counted),
    /// People; `crew` when the noun is a vessel's crew.
    People {
        crew: bool,
        responders: bool,
    },
    /// Farm animals ("2,400 cattle, goats and sheep").
    Animals,
    /// Households ("93 families", "87 households").
    Households,
    Thing,
    None,
}

fn noun_after(lowers: &[&str], toks: &[Token], mut k: usize, vague: bool) -> (Noun, usize) {
    // "Dozens of homes", "hundreds of people".
    if vague && lowers.get(k) == Some(&"of") {
        k += 1;
    }
    let mut words = 0;
    // "eight shelters", "3 hospitals": places that take people in, not people.
    if lowers.get(k).is_some_and(|w| {
        matches!(
            *w,
            "shelters" | "shelter" | "hospitals" | "camps" | "centres" | "centers" | "sites"
        )
    }) {
        return (Noun::Thing, k + 1);
    }
    while k < lowers.len() && words < NOUN_REACH {
        let w = lowers[k];
        // "night-shift workers": a hyphen joins the words of one noun.
        if w == "-" && words > 0 {
            k += 1;
            continue;
        }
        if is_punct(&toks[k])
            || ontology::is(w, Context::Filler)
            || ontology::is(w, Context::Boundary)
            || ontology::is(w, Context::Stop)
            || ontology::is(w, Context::Connector)
            || ontology::is(w, Context::Current)
        {
            break;
        }
        if let Some(c) = ontology::kind(w, Role::Count) {
            return (Noun::Kind(c), k + 1);
        }
        // "more than 900 damaged buildings", "40 destroyed homes": what befell them first.
        if let Some(befell @ (Counted::Homes | Counted::HomesDamaged)) =
            ontology::kind(w, Role::State)
            && lowers
                .get(k + 1)
                .is_some_and(|n| ontology::kind(n, Role::Count) == Some(Counted::Homes))
        {
            return (Noun::Befallen(befell), k + 2);
        }
        if ontology::is_animal(w) {
            return (Noun::Animals, k + 1);
        }
        if ontology::is_household(w) && words == 0 {
            return (Noun::Households, k + 1);
        }
        if ontology::is_person(w) {
            return (
                Noun::People {
                    crew: ontology::is_crew(w),
                    responders: ontology::is_responder(w),
                },
                k + 1,
            );
        }
        // A state word, or a past participle ("filled", "swept" is missed): a verb
        // follows the number, not a noun.
        if ontology::kind(w, Role::State).is_some()
            || (w.len() >= 4 && w.ends_with("ed") && !toks[k].is_capitalized())
        {
            break;
        }
        words += 1;
        k += 1;
    }
    (if words > 0 { Noun::Thing } else { Noun::None }, k)
}

/// Words that open an aside between a count and its predicate ("40 people, including
/// 12 children, died").
const ASIDE_OPENERS: &[&str] = &[
    // "410 residents of Brannock House and Selby Court, the two blocks next to the
    // tower, were evacuated": an appositive.
    "the",
    "including",
    "most",
    "many",
    "among",
    "mostly",
    "all",
    "some",
];

/// How long such an aside may be.
const ASIDE_REACH: usize = 8;

/// The first predicate word within reach, within the clause (an aside skipped), or a
/// noun naming the kind ("19 confirmed deaths", "treated for injuries").
fn predicate_after(lowers: &[&str], toks: &[Token], from: usize) -> Option<Counted> {
    let mut k = from;
    let mut end = (from + PREDICATE_REACH).min(lowers.len());
    while k < end {
        let w = lowers[k];
        if w == "," && lowers.get(k + 1).is_some_and(|n| ASIDE_OPENERS.contains(n)) {
            let close =
                (k + 2..(k + 2 + ASIDE_REACH).min(lowers.len())).find(|&j| lowers[j] == ",");
            if let Some(close) = close {
                k = close + 1;
                end = (k + PREDICATE_REACH).min(lowers.len());
                continue;
            }
        }
        // "killed 27 people and displaced 2,100": after "and" the verb is another's
        // ("homes along Mill Lane and Fenby Road were destroyed" joins two names).
        let joins_names = toks.get(k + 1).is_some_and(Token::is_capitalized);
        // "2,500 residents who were evacuated": a relative clause right after its noun,
        // with no comma, says what they are ("12 people, who …" does not).
        let restrictive = matches!(w, "who" | "that") && k == from && k > 0 && toks[k - 1].is_word;
        if restrictive {
            k += 1;
            continue;
        }
        // "58 employees and contractors were on the site": people joined to people.
        let joins_people = lowers.get(k + 1).is_some_and(|n| ontology::is_person(n));
        if matches!(w, "and" | "or") && joins_people && !joins_names {
            k += 2;
            continue;
        }
        // "500 residents of the two neighbouring blocks were evacuated": a number inside
        // the "of" phrase names the place, not another count.
        let of_the = k >= 2 && lowers[k - 1] == "the" && lowers[k - 2] == "of";
        if of_the && let Some(n) = numbers::number_at(toks, lowers, k) {
            k = n.next.max(k + 1);
            continue;
        }
        if ontology::is(w, Context::Boundary)
            || (matches!(w, "and" | "or" | "nor") && !joins_names)
            || numbers::number_at(toks, lowers, k).is_some()
        {
            return None;
        }
        if is_punct(&toks[k]) && !matches!(w, "-" | "'") {
            return None;
        }
        // "29,000 people were in the ground": the crowd.
        if matches!(w, "in" | "inside" | "at")
            && lowers.get(k + 1) == Some(&"the")
            && lowers.get(k + 2).is_some_and(|v| VENUES.contains(v))
        {
            return Some(Counted::Attending);
        }
        // "64 people on the night shift", "58 employees were on the site": those there
        // when it struck.
        if w == "on"
            && ahead(lowers, k, 3)
                .iter()
                .any(|n| matches!(*n, "shift" | "site" | "premises"))
        {
            return Some(Counted::Present);
        }
        // "52,000 people were registered in 186 evacuation centres", "… are spending the
        // night in evacuation centres": evacuees, however the verb says it.
        if evacuation_centres_after(lowers, k) {
            return Some(Counted::Evacuated);
        }
        // "50,000 people were forced from their homes", "had left their homes".
        if matches!(w, "forced" | "driven" | "left" | "fled" | "abandoned")
            && ahead(lowers, k, 4)
                .iter()
                .any(|n| matches!(*n, "homes" | "home" | "houses" | "villages" | "town"))
        {
            return Some(Counted::Evacuated);
        }
        // "93 families have been packed off to hotels", "placed in three hotels": those
        // housed for now.
        if matches!(
            w,
            "placed" | "put" | "housed" | "packed" | "moved" | "booked"
        ) && ahead(lowers, k, 5)
            .iter()
            .any(|n| matches!(*n, "hotel" | "hotels" | "hostel" | "hostels"))
        {
            return Some(Counted::Sheltered);
        }
        // "3,500 people spent the night away from their homes": those sheltered.
        if matches!(w, "spent" | "spend" | "spending") && ahead(lowers, k, 3).contains(&"night") {
            return Some(Counted::Sheltered);
        }
        if let Some(c) = ontology::kind(w, Role::State).or_else(|| ontology::kind(w, Role::Count)) {
            // "were being treated in hospitals", "at Wendmoor General Hospital": patients.
            // "Varnholm General Hospital, where 26 people were still being treated" too.
            let hospital = |n: &&str| matches!(*n, "hospital" | "hospitals" | "wards" | "clinic");
            let before = &lowers[from.saturating_sub(8)..from];
            if w == "treated"
                && (ahead(lowers, k, 5)
                    .iter()
                    .take_while(|n| !matches!(**n, "," | "." | ";" | ":"))
                    .any(&hospital)
                    || before.iter().any(hospital))
            {
                return Some(Counted::Hospitalised);
            }
            // "61 people injured in the crush remain in hospital": a participle right
            // after the noun says who they are, the verb after it what they are now.
            if k == from && (w.ends_with("ed") || w == "hurt") {
                return main_verb_after(lowers, toks, k + 1).or(Some(c));
            }
            return Some(c);
        }
        // Only auxiliaries, adverbs, small words and names stand between a count and its
        // predicate: "9 firefighters were sent to help the injured" counts no injured.
        // "350 residents of Kelmo were evacuated": a place after "of" or "from" too.
        let of_a_place =
            matches!(w, "of" | "from") && toks.get(k + 1).is_some_and(Token::is_capitalized);
        // "93 families from the tower have been …": where they come from.
        if w == "from"
            && lowers.get(k + 1) == Some(&"the")
            && toks.get(k + 2).is_some_and(|t| t.is_word)
            && numbers::number_at(toks, lowers, k + 2).is_none()
        {
            k += 3;
            continue;
        }
        let passable = ontology::is(w, Context::Filler)
            || ontology::is(w, Context::Stop)
            || w.ends_with("ly")
            || toks[k].is_capitalized()
            || of_a_place;
        if !passable {
            return None;
        }
        // Names do not use up the reach ("along Mill Lane and Fenby Road were destroyed"),
        // up to a bound.
        if (toks[k].is_capitalized() || (w == "and" && joins_names))
            && end < (from + NAME_REACH).min(lowers.len())
        {
            end += 1;
        }
        k += 1;
    }
    None
}

/// The (at most) `n` words after token `k`.
fn ahead<'a>(lowers: &'a [&'a str], k: usize, n: usize) -> &'a [&'a str] {
    &lowers[(k + 1).min(lowers.len())..(k + 1 + n).min(lowers.len())]
}

/// Whether "evacuation centres" (or camps, sites, shelters) follow within a few words
/// of the same clause.
fn evacuation_centres_after(lowers: &[&str], k: usize) -> bool {
    evacuation_centres_within(lowers, k, 8)
}

/// Whether "evacuation centres" (or camps, sites, shelters) follow within `reach` words
/// of the same clause.
fn evacuation_centres_within(lowers: &[&str], k: usize, reach: usize) -> bool {
    let end = (k + reach).min(lowers.len());
    (k..end)
        .take_while(|&j| !matches!(lowers[j], "," | "." | ";" | ":"))
        .any(|j| {
            matches!(lowers[j], "evacuation" | "evacuee")
                && lowers.get(j + 1).is_some_and(|n| {
                    matches!(
                        *n,
                        "centres"
                            | "centers"
                            | "centre"
                            | "center"
                            | "camps"
                            | "camp"
                            | "sites"
                            | "shelters"
                    )
                })
        })
}

/// Places a crowd is counted in ("were in the stadium").
const VENUES: &[&str] = &[
    "ground",
    "stadium",
    "arena",
    "stands",
    "hall",
    "church",
    "cathedral",
    "mosque",
    "square",
    "venue",
    "theatre",
    "theater",
    "auditorium",
];

/// Verbs that carry a clause's predicate after a participle phrase ("injured in the
/// crush remain in hospital", "rescued from the river were taken to hospital").
const MAIN_VERBS: &[&str] = &[
    "are", "were", "is", "was", "remain", "remained", "remains", "have", "has", "had",
];

/// How far a participle phrase may run before its clause's verb.
const PARTICIPLE_REACH: usize = 8;

/// The predicate of the clause's main verb after a participle phrase, if it has one
/// within reach (a phrase that meets punctuation, a number or "and" has none).
fn main_verb_after(lowers: &[&str], toks: &[Token], from: usize) -> Option<Counted> {
    let end = (from + PARTICIPLE_REACH).min(lowers.len());
    for k in from..end {
        let w = lowers[k];
        if MAIN_VERBS.contains(&w) {
            return predicate_after(lowers, toks, k)
                .filter(|c| matches!(c, Counted::Hospitalised | Counted::Sheltered));
        }
        if is_punct(&toks[k])
            || matches!(w, "and" | "or" | "who" | "that" | "which")
            || numbers::number_at(toks, lowers, k).is_some()
        {
            return None;
        }
    }
    None
}

/// A verb right before the number ("killing at least 12"), or a lead noun reached over a
/// connector ("the death toll … stood at 15", "the number of missing rose to 41").
fn lead_before(lowers: &[&str], toks: &[Token], first: usize) -> Option<Counted> {
    let prev = first.checked_sub(1)?;
    if let Some(what) = ontology::kind(lowers[prev], Role::Verb) {
        return Some(what);
    }
    let w = lowers[prev];
    if !(ontology::is(w, Context::Connector) || w == ":") {
        return None;
    }
    let lo = first.saturating_sub(LEAD_REACH);
    let mut k = prev;
    while k > lo {
        k -= 1;
        let w = lowers[k];
        if let Some(what) = ontology::kind(w, Role::Lead) {
            return Some(what);
        }
        // Another figure in between stops the search, unless it is the "from" of "rose
        // from 12 to 15".
        if numbers::number_at(toks, lowers, k).is_some() && !(k > 0 && lowers[k - 1] == "from") {
            return None;
        }
        if is_punct(&toks[k]) && !matches!(w, "-" | "'" | "’") {
            return None;
        }
    }
    None
}

/// "driving more than 40,000 from their homes", "forcing 3,000 people out of their
/// villages": the evacuated, told by a verb before the figure and the homes after it.
fn driven_out(lowers: &[&str], first: usize, after_noun: usize) -> bool {
    let driven = first.checked_sub(1).is_some_and(|k| {
        matches!(
            lowers[k],
            "driving" | "drove" | "driven" | "forcing" | "forced" | "chasing" | "chased"
        )
    });
    driven
        && lowers[after_noun.min(lowers.len())..(after_noun + 5).min(lowers.len())]
            .iter()
            .take_while(|w| !matches!(**w, "," | "." | ";" | ":"))
            .any(|w| matches!(*w, "homes" | "home" | "houses" | "villages" | "towns"))
}

/// How far a clause may run from people counted to the evacuation centres that say what
/// they are ("38,000 people from the southern and western flanks of Mount Orsat have been
/// registered at 27 evacuation centres").
const CENTRES_REACH: usize = 20;

/// Evacuation centres later in the same clause (no punctuation between).
fn centres_in_clause(lowers: &[&str], from: usize) -> bool {
    evacuation_centres_within(lowers, from, CENTRES_REACH)
}

/// How far after its figure "for burns" may stand ("41 people are being treated in
/// hospital for burns").
const BURNS_REACH: usize = 9;

/// Whether the clause after a count of patients or injured says they have burns.
fn burns_after(lowers: &[&str], from: usize) -> bool {
    let end = (from + BURNS_REACH).min(lowers.len());
    (from..end)
        .take_while(|&j| !matches!(lowers[j], "," | "." | ";" | ":"))
        .any(|j| {
            lowers[j] == "burns"
                && j > 0
                && matches!(
                    lowers[j - 1],
                    "for" | "with" | "severe" | "serious" | "critical" | "suffered" | "suffering"
                )
        })
}

/// People counted with no kind yet, waiting for a coordinated figure's predicate.
struct Pending {
    crew: bool,
    after_noun: usize,
    value: f64,
    vague: bool,
    qualifier: Qualifier,
    first: usize,
    next: usize,
}

/// Every count in one sentence's tokens.
pub fn counts(toks: &[Token], lowers: &[&str]) -> Vec<Count> {
    let mut out = Vec::new();
    // The kind of the last count and the token after its noun: "carrying 148 passengers
    // and nine crew" gives the second figure the first one's verb.
    let mut last: Option<(Counted, usize)> = None;
    let mut pending: Option<Pending> = None;
    let mut i = 0;
    while i < toks.len() {
        let Some(n) = numbers::number_at(toks, lowers, i) else {
            i += 1;
            continue;
        };
        i = n.next;
        if is_no_count(toks, lowers, &n) {
            if let Some(what) = part_of(lowers, toks, &n) {
                let (qualifier, q_len) = numbers::qualifier_before(lowers, n.first);
                out.push(Count {
                    what,
                    value: n.value,
                    vague: n.vague,
                    qualifier,
                    first: n.first - q_len,
                    next: n.next,
                });
            }
            continue;
        }
        let (qualifier, q_len) = numbers::qualifier_before(lowers, n.first);
        let first = n.first - q_len;
        let (noun, after_noun) = noun_after(lowers, toks, n.next, n.vague);
        let what = match noun {
            Noun::Thing => None,
            Noun::Befallen(c) => Some(c),
            // Homes count with what befell them: "destroyed 240 homes", "homes were
            // flooded", "lay in ruins".
            Noun::Kind(Counted::Homes) => predicate_after(lowers, toks, after_noun)
                .or_else(|| lead_before(lowers, toks, first))
                .filter(|c| matches!(c, Counted::Homes | Counted::HomesDamaged)),
            // Crowds are counted by their predicate or verb first ("arrested 16
            // protesters").
            Noun::Kind(Counted::Attending) => predicate_after(lowers, toks, after_noun)
                .filter(|c| !matches!(c, Counted::Homes | Counted::HomesDamaged))
                .or_else(|| lead_before(lowers, toks, first))
                .or(Some(Counted::Attending)),
            // "2,140 evacuees are staying in eight shelters": those in shelters.
            Noun::Kind(Counted::Evacuated)
                if predicate_after(lowers, toks, after_noun) == Some(Counted::Sheltered) =>
            {
                Some(Counted::Sheltered)
            }
            // "burned 4,200 hectares": land, whatever the verb.
            Noun::Kind(Counted::Hectares) => Some(Counted::Hectares),
            // "1,000 firefighters are battling the blaze", "200 rescuers saved 30": the
            // responders deployed — unless they are the dead or injured themselves.
            Noun::People {
                responders: true, ..
            } => match predicate_after(lowers, toks, after_noun) {
                Some(
                    c @ (Counted::Dead
                    | Counted::Injured
                    | Counted::Missing
                    | Counted::Hospitalised),
                ) => Some(c),
                _ => Some(Counted::Deployed),
            },
            // "19 survivors were still in hospital": the patients among them.
            Noun::Kind(Counted::Rescued)
                if predicate_after(lowers, toks, after_noun) == Some(Counted::Hospitalised) =>
            {
                Some(Counted::Hospitalised)
            }
            // "saved 40 lives" counts no dead.
            Noun::Kind(c) => {
                let saved = first
                    .checked_sub(1)
                    .and_then(|k| ontology::kind(lowers[k], Role::Verb))
                    == Some(Counted::Rescued);
                (!(saved && c == Counted::Dead)).then_some(c)
            }
            // "3,000 cows, goats and sheep had perished": only as they died.
            Noun::Animals => {
                let mut k = after_noun;
                while lowers
                    .get(k)
                    .is_some_and(|w| matches!(*w, "," | "and" | "or") || ontology::is_animal(w))
                {
                    k += 1;
                }
                predicate_after(lowers, toks, k)
                    .or_else(|| lead_before(lowers, toks, first))
                    .filter(|c| *c == Counted::Dead)
                    .map(|_| Counted::Livestock)
            }
            // "93 families have been packed off to hotels", "placed 87 households there":
            // households moved out or housed, a unit of their own.
            Noun::Households => predicate_after(lowers, toks, after_noun)
                .or_else(|| lead_before(lowers, toks, first))
                .filter(|c| matches!(c, Counted::Evacuated | Counted::Sheltered))
                .map(|_| Counted::Households),
            Noun::People { .. } | Noun::None => predicate_after(lowers, toks, after_noun)
                .filter(|c| !matches!(c, Counted::Homes | Counted::HomesDamaged))
                .or_else(|| driven_out(lowers, first, after_noun).then_some(Counted::Evacuated))
                .or_else(|| lead_before(lowers, toks, first))
                .or_else(|| {
                    (matches!(noun, Noun::People { .. }) && centres_in_clause(lowers, after_noun))
                        .then_some(Counted::Evacuated)
                })
                .or_else(|| {
                    let (kind, end) = last?;
                    (first > 0 && first - 1 == end && lowers[first - 1] == "and").then_some(kind)
                }),
        };
        // "37 people are being treated for burns": the burned, counted apart.
        let what = match what {
            Some(Counted::Injured | Counted::Hospitalised) if burns_after(lowers, after_noun) => {
                Some(Counted::Burned)
            }
            w => w,
        };
        // The crew aboard is a figure of its own.
        let what = match (what, &noun) {
            (Some(Counted::Aboard | Counted::Crew), Noun::People { crew: true, .. }) => {
                Some(Counted::Crew)
            }
            (Some(Counted::Crew), _) => Some(Counted::Aboard),
            (w, _) => w,
        };
        last = what.map(|w| (w, after_noun));
        // "with 148 passengers and eleven crew aboard": the predicate after the second
        // figure is the first one's too.
        let coordinated = first > 0 && lowers[first - 1] == "and";
        if let (Some(what), Some(p)) = (what, pending.take())
            && coordinated
            && p.after_noun + 1 == first
        {
            let kind = match what {
                Counted::Crew if !p.crew => Counted::Aboard,
                Counted::Aboard if p.crew => Counted::Crew,
                k => k,
            };
            out.push(Count {
                what: kind,
                value: p.value,
                vague: p.vague,
                qualifier: p.qualifier,
                first: p.first,
                next: p.next,
            });
        }
        if what.is_none()
            && let Noun::People { crew, .. } = noun
        {
            pending = Some(Pending {
                crew,
                after_noun,
                value: n.value,
                vague: n.vague,
                qualifier,
                first,
                next: n.next,
            });
        }
        if let Some(what) = what {
            out.push(Count {
                what,
                value: n.value,
                vague: n.vague,
                qualifier,
                first,
                next: n.next,
            });
        }
    }
    out
}
