//! What can be counted, and the words that say so (data files `words/counted.txt` and
//! `words/fact_context.txt`): a small ontology of the counts news compares across
//! outlets (dead, injured, missing, rescued, evacuated, sheltered, homes …).

use crate::assist::words::{TaggedWords, WordList};

/// What a count counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Counted {
    Dead,
    Injured,
    Missing,
    Rescued,
    Evacuated,
    Sheltered,
    /// Homes destroyed (or homes, when the text says no more).
    Homes,
    /// Homes damaged, flooded or gutted.
    HomesDamaged,
    Attending,
    Registered,
    Arrested,
    /// People on board a vehicle ("carrying 312 passengers", "with 250 people aboard").
    Aboard,
    /// The crew on board, counted apart from the passengers ("148 passengers and nine
    /// crew": two figures, never one conflict).
    Crew,
    /// People still in hospital: a figure that falls as patients go home.
    Hospitalised,
    /// Responders at work (firefighters, soldiers, divers deployed): counted for what they
    /// do, never for what their verb says befell others.
    Deployed,
    /// Land burned or flooded, in hectares.
    Hectares,
    /// People at the site when it struck ("41 miners were underground").
    Present,
    /// People treated for burns: a part of the injured that outlets count apart ("37
    /// people are being treated for burns").
    Burned,
    /// Farm animals killed ("2,400 cattle, goats and sheep had died").
    Livestock,
    /// Households or families moved out or housed ("87 households placed in hotels"): a
    /// unit of its own, never a number of people.
    Households,
}

impl Counted {
    /// Every kind, in the order of its tag in the data file.
    const ALL: [(&'static str, Counted); 20] = [
        ("dead", Counted::Dead),
        ("injured", Counted::Injured),
        ("missing", Counted::Missing),
        ("rescued", Counted::Rescued),
        ("evacuated", Counted::Evacuated),
        ("sheltered", Counted::Sheltered),
        ("homes", Counted::Homes),
        ("damaged", Counted::HomesDamaged),
        ("attending", Counted::Attending),
        ("registered", Counted::Registered),
        ("arrested", Counted::Arrested),
        ("aboard", Counted::Aboard),
        ("crew", Counted::Crew),
        ("hospital", Counted::Hospitalised),
        ("deployed", Counted::Deployed),
        ("hectares", Counted::Hectares),
        ("present", Counted::Present),
        ("burns", Counted::Burned),
        ("livestock", Counted::Livestock),
        ("households", Counted::Households),
    ];

    /// How a suggestion names it ("number dead").
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Dead => "dead",
            Self::Injured => "injured",
            Self::Missing => "missing",
            Self::Rescued => "rescued",
            Self::Evacuated => "evacuated",
            Self::Sheltered => "in shelters",
            Self::Homes => "of homes",
            Self::HomesDamaged => "of homes damaged",
            Self::Attending => "attending",
            Self::Registered => "registered",
            Self::Arrested => "arrested",
            Self::Aboard => "on board",
            Self::Crew => "of crew on board",
            Self::Hospitalised => "in hospital",
            Self::Deployed => "of responders deployed",
            Self::Hectares => "of hectares burned or flooded",
            Self::Present => "present when it struck",
            Self::Burned => "treated for burns",
            Self::Livestock => "of livestock killed",
            Self::Households => "of households moved out or housed",
        }
    }

    /// The machine name (`kind` in `suggest --json`).
    pub fn tag(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, c)| *c == self)
            .map_or("", |(t, _)| t)
    }

    /// A count that grows while an event unfolds: a larger figure published later is
    /// probably an update. Crowds and the people on board are counted once; patients in
    /// hospital go home (see [`Counted::changes`]).
    pub fn runs(self) -> bool {
        !matches!(
            self,
            Self::Attending
                | Self::Aboard
                | Self::Crew
                | Self::Hospitalised
                | Self::Deployed
                | Self::Present
        )
    }

    /// A figure that moves either way from day to day: another figure on a later day is
    /// probably an update, whichever way it went.
    pub fn changes(self) -> bool {
        matches!(self, Self::Hospitalised | Self::Deployed)
    }

    /// Crowds are estimated: only a different order of magnitude disagrees.
    pub fn estimated(self) -> bool {
        matches!(self, Self::Attending)
    }
}

static COUNTED: TaggedWords = TaggedWords::from_text(include_str!("../words/counted.txt"));
static CONTEXT: TaggedWords = TaggedWords::from_text(include_str!("../words/fact_context.txt"));
static ANIMALS: WordList = WordList::from_text(include_str!("../words/animals.txt"));
static NATIONALITIES: WordList =
    WordList::from_text(include_str!("../words/nationality_words.txt"));

/// The role a word plays around a number (see `words/counted.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Itself what is counted ("bodies", "homes").
    Count,
    /// A predicate ("died", "missing").
    State,
    /// A noun before the number over a connector ("toll").
    Lead,
    /// A verb right before the number ("killing").
    Verb,
    /// People, whose predicate says what they are.
    Person,
}

impl Role {
    fn tag(self) -> &'static str {
        match self {
            Self::Count => "count",
            Self::State => "state",
            Self::Lead => "lead",
            Self::Verb => "verb",
            Self::Person => "person",
        }
    }
}

/// The kind a word names in `role`, if it plays that role.
pub fn kind(lower: &str, role: Role) -> Option<Counted> {
    if !COUNTED.has_tag(lower, role.tag()) {
        return None;
    }
    Counted::ALL
        .iter()
        .find(|(tag, _)| COUNTED.has_tag(lower, tag))
        .map(|(_, c)| *c)
}

/// Responders: people sent to help, whose figure is how many were deployed.
pub fn is_responder(lower: &str) -> bool {
    matches!(
        lower,
        "firefighters"
            | "firemen"
            | "soldiers"
            | "troops"
            | "rescuers"
            | "divers"
            | "medics"
            | "paramedics"
            | "volunteers"
            | "police"
            | "officers"
            | "responders"
            | "crews"
    )
}

/// Farm animals, whose figure is a fact only when they died.
pub fn is_animal(lower: &str) -> bool {
    ANIMALS.contains(lower)
}

/// Households counted as a unit ("93 families", "87 households").
pub fn is_household(lower: &str) -> bool {
    matches!(lower, "families" | "households" | "family" | "household")
}

/// A noun for the crew of a vessel or aircraft, counted apart from who it carries.
pub fn is_crew(lower: &str) -> bool {
    matches!(
        lower,
        "crew" | "crewmembers" | "crewmen" | "crews" | "sailors"
    )
}

/// A noun for people ("residents", "Ukrainians"), whose predicate says what they are.
pub fn is_person(lower: &str) -> bool {
    COUNTED.has_tag(lower, Role::Person.tag())
        || NATIONALITIES.contains(lower)
        || NATIONALITIES.contains(lower.trim_end_matches('s'))
}

/// The context tags of `fact_context.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    Filler,
    Boundary,
    Connector,
    Delta,
    Rising,
    Current,
    Background,
    Event,
    Elsewhere,
    Stop,
}

impl Context {
    fn tag(self) -> &'static str {
        match self {
            Self::Filler => "filler",
            Self::Boundary => "boundary",
            Self::Connector => "connector",
            Self::Delta => "delta",
            Self::Rising => "rising",
            Self::Current => "current",
            Self::Background => "background",
            Self::Event => "event",
            Self::Elsewhere => "elsewhere",
            Self::Stop => "stop",
        }
    }
}

/// Whether a word carries a context tag.
pub fn is(lower: &str, tag: Context) -> bool {
    CONTEXT.has_tag(lower, tag.tag())
}
