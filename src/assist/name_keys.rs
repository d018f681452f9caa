//! The parts of a person's name that two spellings of it share, for grouping aliases:
//! titles left out ("Dr. Amadou Diallo" is Amadou Diallo), accents and common
//! transliteration pairs folded (Tomás / Tomas, Oksana / Oxana, Stephan / Stefan), initials
//! recognised ("A. Diallo"), and a surname written in two words joined (Nanda Kumar /
//! Nandakumar).

use super::names;
use unicode_normalization::UnicodeNormalization;

/// A name as alias grouping reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameParts {
    /// The first given name, folded; `None` for a surname alone.
    pub first: Option<String>,
    /// The first name was an initial ("A." or "A").
    pub initial: bool,
    /// The surname (last word), folded.
    pub surname: String,
    /// Every word after the first given name, folded and joined: the surname of
    /// "Priya Nanda Kumar" written as one word. `None` when it is just `surname`.
    pub joined_surname: Option<String>,
}

/// Lower case, accents off, and the spelling pairs that transliterations swap folded to
/// one: `ks`/`x`, `ph`/`f`, `ck`/`k`, `gh`/`q`. (A doubled letter is left to the edit distance:
/// a bare "Zariff" must not join "Javad Zarif" on spelling alone.)
pub fn fold(word: &str) -> String {
    let mut plain = String::with_capacity(word.len());
    for c in word
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric() || *c == '-')
    {
        // Letters no decomposition takes apart: Sølvang is Solvang, Łódź is Lodz.
        match c {
            'ø' => plain.push('o'),
            'ł' => plain.push('l'),
            'đ' | 'ð' => plain.push('d'),
            'æ' => plain.push_str("ae"),
            'œ' => plain.push_str("oe"),
            'ß' => plain.push_str("ss"),
            'þ' => plain.push_str("th"),
            'ı' => plain.push('i'),
            c => plain.push(c),
        }
    }
    plain
        .replace("ks", "x")
        .replace("ph", "f")
        .replace("ck", "k")
        // Persian and Arabic "gh" and "q" are one letter (Sadeghi / Sadeqi).
        .replace("gh", "q")
}

fn is_initial(word: &str) -> bool {
    let letters: Vec<char> = word.trim_end_matches('.').chars().collect();
    letters.len() == 1 && letters[0].is_alphabetic()
}

/// `name` split into what aliases compare; `None` when nothing but titles is left.
pub fn parts(name: &str) -> Option<NameParts> {
    let words: Vec<&str> = name
        .split_whitespace()
        .skip_while(|w| {
            let lower = w.trim_end_matches('.').to_lowercase();
            names::is_title_word(&lower)
        })
        .collect();
    let (last, rest) = words.split_last()?;
    let surname = fold(&names::surname(last));
    if surname.is_empty() {
        return None;
    }
    let Some((first, middle)) = rest.split_first() else {
        return Some(NameParts {
            first: None,
            initial: false,
            surname,
            joined_surname: None,
        });
    };
    let joined_surname = (!middle.is_empty()).then(|| {
        middle
            .iter()
            .map(|w| fold(w))
            .chain(std::iter::once(surname.clone()))
            .collect::<String>()
    });
    Some(NameParts {
        first: Some(fold(first.trim_end_matches('.'))),
        initial: is_initial(first),
        surname,
        joined_surname,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_name_share_their_parts() {
        assert_eq!(fold("Oksana"), fold("Oxana"));
        assert_eq!(fold("Tomás"), fold("Tomas"));
        assert_eq!(fold("Sølvang"), fold("Solvang"));
        assert_eq!(fold("Łódź"), fold("Lodz"));
        assert_eq!(fold("Strauß"), fold("Strauss"));
        assert_eq!(fold("Stephan"), fold("Stefan"));
        assert_ne!(fold("Marta"), fold("Martha"));
        let dr = parts("Dr. Amadou Diallo").unwrap();
        assert_eq!(dr.first.as_deref(), Some("amadou"));
        assert_eq!(dr.surname, "diallo");
        let initial = parts("A. Diallo").unwrap();
        assert!(initial.initial);
        assert_eq!(initial.first.as_deref(), Some("a"));
        let two = parts("Priya Nanda Kumar").unwrap();
        assert_eq!(two.joined_surname.as_deref(), Some("nandakumar"));
        assert_eq!(parts("Priya Nandakumar").unwrap().surname, "nandakumar");
        assert_eq!(parts("Mayor Rowe").unwrap().first, None);
        assert_eq!(parts("Dr."), None);
    }
}
