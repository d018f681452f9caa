//! Speaker aliases: name variants of one person grouped — spelling variants
//! (Khamenei / Khameini, Zarif / Zariff, Koulivand / Kolivand), and the same name with and
//! without first names — to be offered as aliases of one entity. Names already known as
//! one entity's name and aliases are not offered again.

use super::name_keys::{self, NameParts};
use super::names;
use super::suggestion::AliasGroup;
use super::variant_index::VariantIndex;
use crate::model::Project;
use std::collections::{BTreeMap, HashMap};

/// Optimal-string-alignment distance (edits, with adjacent transpositions), on code points.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

/// Two spellings of one name token: same first letter, and one edit apart (two for
/// names of eight letters or more).
pub fn spelling_variant(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    if a == b || a.chars().next() != b.chars().next() {
        return false;
    }
    let len = a.chars().count().min(b.chars().count());
    let allowed = if len >= 8 {
        2
    } else if len >= 5 {
        1
    } else {
        0
    };
    allowed > 0
        && a.chars().count().abs_diff(b.chars().count()) <= allowed
        && edit_distance(&a, &b) <= allowed
}

/// Two given names for people of different genders: listed so, or one the other with an
/// "a" for its ending (Daniel / Daniela, Paul / Paula, Mario / Maria, Antonio / Antonia).
pub fn other_gender(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    if let (Some(ga), Some(gb)) = (
        super::mentions::given_name_gender(&a),
        super::mentions::given_name_gender(&b),
    ) && ga != gb
    {
        return true;
    }
    let (fem, other) = match (a.strip_suffix('a'), b.strip_suffix('a')) {
        (Some(stem), None) => (stem, b.as_str()),
        (None, Some(stem)) => (stem, a.as_str()),
        _ => return false,
    };
    // Daniel / Daniela (a consonant and an "a" added), Mario / Maria ("o" for "a"); but
    // Helene / Helena are one name.
    fem.chars().count() >= 3 && (other == fem || other.strip_suffix('o') == Some(fem))
}

/// Given names compared as transliterations write them: s/z, v/w, i/y and "ie"/"i"
/// folded, "ou" read as "u" and doubled letters as one (Kasimir / Kazimierz, Juriy / Jurij,
/// Youssef / Yusuf), then one edit allowed.
pub fn transliterated_given_names(a: &str, b: &str) -> bool {
    let loose = |w: &str| {
        let folded = w
            .to_lowercase()
            .replace("ie", "i")
            .replace("ou", "u")
            .replace('z', "s")
            .replace('w', "v")
            .replace('y', "i");
        // Doubled letters written once (Youssef / Yusuf).
        let mut out = String::with_capacity(folded.len());
        for c in folded.chars() {
            if !out.ends_with(c) {
                out.push(c);
            }
        }
        out
    };
    let (la, lb) = (loose(a), loose(b));
    la == lb || spelling_variant(&la, &lb)
}

/// Two full names of one person: same surname (or a spelling variant of it) and first
/// names that agree or are spelling variants; or one is the other's surname alone.
pub fn same_person(a: &str, b: &str) -> bool {
    let ta: Vec<&str> = a.split_whitespace().collect();
    let tb: Vec<&str> = b.split_whitespace().collect();
    let (Some(la), Some(lb)) = (ta.last(), tb.last()) else {
        return false;
    };
    let surname = la.eq_ignore_ascii_case(lb) || spelling_variant(la, lb);
    if !surname {
        return false;
    }
    if ta.len() == 1 || tb.len() == 1 {
        return true;
    }
    let (fa, fb) = (ta[0], tb[0]);
    fa.eq_ignore_ascii_case(fb) || spelling_variant(fa, fb)
}

struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn find(&mut self, i: usize) -> usize {
        let mut r = i;
        while self.parent[r] != r {
            r = self.parent[r];
        }
        let mut i = i;
        while self.parent[i] != r {
            let next = self.parent[i];
            self.parent[i] = r;
            i = next;
        }
        r
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[rb] = ra;
        }
    }
}

/// Group the person names found in the project's articles (`names`, one per mention,
/// repeats welcome) with the project's entities. Full names join when they are spellings
/// of one name (Qassem / Qasem Soleimani); a bare surname joins the one full name it
/// belongs to — by spelling, or by a `variants` link (a variant seen beside that full name
/// in one article) — and is left out when it could be several people. Candidates
/// come from a [`VariantIndex`], so the work grows with the number of names, not its square.
pub fn group(project: &Project, names: &[&str], variants: &[(String, String)]) -> Vec<AliasGroup> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for n in names {
        *counts.entry((*n).to_owned()).or_default() += 1;
    }
    for (v, f) in variants {
        counts.entry(v.clone()).or_default();
        counts.entry(f.clone()).or_default();
    }
    for e in &project.entities {
        for n in std::iter::once(&e.name).chain(e.aliases.iter()) {
            if !n.starts_with('@') {
                counts.entry(n.clone()).or_default();
            }
        }
    }
    // Case-insensitive duplicates collapse onto the first spelling.
    let mut unique: Vec<String> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for n in counts.keys() {
        let l = n.to_lowercase();
        if let std::collections::hash_map::Entry::Vacant(e) = seen.entry(l) {
            e.insert(unique.len());
            unique.push(n.clone());
        }
    }
    // Titles off, accents and transliteration pairs folded (see `name_keys`).
    let parts: Vec<Option<NameParts>> = unique.iter().map(|n| name_keys::parts(n)).collect();
    let is_full = |i: usize| parts[i].as_ref().is_some_and(|p| p.first.is_some());
    let surname = |n: &str| names::surname(n);
    let first_name = |i: usize| {
        parts[i]
            .as_ref()
            .and_then(|p| p.first.clone())
            .unwrap_or_default()
    };
    let mut g = Groups {
        parent: (0..unique.len()).collect(),
    };
    // Full names by surname (and by a two-word surname joined); surnames that are
    // spellings of each other found through a variant index, never by comparing all pairs.
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in parts.iter().enumerate() {
        if let Some(p) = p.as_ref().filter(|_| is_full(i)) {
            by_surname.entry(p.surname.clone()).or_default().push(i);
            if let Some(joined) = &p.joined_surname {
                by_surname.entry(joined.clone()).or_default().push(i);
            }
        }
    }
    let surnames: Vec<&String> = by_surname.keys().collect();
    let index = VariantIndex::new(surnames.iter().map(|s| s.as_str()));
    for (si, s) in surnames.iter().enumerate() {
        for sj in index.candidates(s) {
            if sj < si || (sj != si && !spelling_variant(s, surnames[sj])) {
                continue;
            }
            // Members of both surnames join when their first names agree or are spellings
            // of each other (again through an index).
            let members: Vec<usize> = by_surname[*s]
                .iter()
                .chain(if sj == si {
                    &[][..]
                } else {
                    &by_surname[surnames[sj]][..]
                })
                .copied()
                .collect();
            let firsts: Vec<String> = members.iter().map(|&i| first_name(i)).collect();
            let mut by_first: HashMap<&str, usize> = HashMap::new();
            for (k, f) in firsts.iter().enumerate() {
                match by_first.get(f.as_str()) {
                    Some(&other) => g.union(members[other], members[k]),
                    None => {
                        by_first.insert(f, k);
                    }
                }
            }
            let distinct: Vec<(&str, usize)> = by_first.iter().map(|(f, k)| (*f, *k)).collect();
            let first_index = VariantIndex::new(distinct.iter().map(|(f, _)| *f));
            for (a, (fa, ka)) in distinct.iter().enumerate() {
                for b in first_index.candidates(fa) {
                    let (fb, kb) = distinct[b];
                    if b > a && spelling_variant(fa, fb) && !other_gender(fa, fb) {
                        g.union(members[*ka], members[kb]);
                    }
                }
            }
            // Transliterations the index does not reach (Kasimir / Kazimierz): given
            // names of one surname are few, compared by their first letter's group.
            let mut by_letter: HashMap<char, Vec<(&str, usize)>> = HashMap::new();
            for &(f, k) in &distinct {
                if let Some(c) = f.chars().next() {
                    by_letter.entry(c).or_default().push((f, k));
                }
            }
            for same in by_letter.values().filter(|v| v.len() <= 8) {
                for (x, &(fa, ka)) in same.iter().enumerate() {
                    for &(fb, kb) in &same[x + 1..] {
                        if fa.chars().count() >= 5
                            && transliterated_given_names(fa, fb)
                            && !other_gender(fa, fb)
                        {
                            g.union(members[ka], members[kb]);
                        }
                    }
                }
            }
            // An initial ("A. Diallo") joins the one first name of that letter, and
            // stays apart when two people could be meant (Amadou and Aminata Diallo).
            for &(fa, ka) in &distinct {
                let initial = parts[members[ka]].as_ref().is_some_and(|p| p.initial);
                if !initial {
                    continue;
                }
                let letter = fa.chars().next();
                let mut full: Vec<usize> = distinct
                    .iter()
                    .filter(|(f, k)| {
                        f.chars().next() == letter
                            && !parts[members[*k]].as_ref().is_some_and(|p| p.initial)
                    })
                    .map(|(_, k)| g.find(members[*k]))
                    .collect();
                full.sort_unstable();
                full.dedup();
                if let [root] = full[..] {
                    g.union(root, members[ka]);
                }
            }
            // A short form ("Piet" Anselm, "Dev" Raman) joins the one longer given name
            // it begins (Pieter, Devendra), and stays apart when two could be meant.
            let mut sorted: Vec<(&str, usize)> = distinct
                .iter()
                .copied()
                .filter(|&(_, k)| !parts[members[k]].as_ref().is_some_and(|p| p.initial))
                .collect();
            sorted.sort_unstable();
            for &(fa, ka) in &sorted {
                if fa.chars().count() < 3 {
                    continue;
                }
                let from = sorted.partition_point(|&(f, _)| f <= fa);
                let longer: Vec<usize> = sorted[from..]
                    .iter()
                    .take_while(|(f, _)| f.starts_with(fa))
                    .take(2)
                    // One letter more is another name (Daniel and Daniela, Paul and Paula).
                    .filter(|(f, _)| f.chars().count() >= fa.chars().count() + 2)
                    .map(|&(_, k)| k)
                    .collect();
                if let [kb] = longer[..] {
                    g.union(members[ka], members[kb]);
                }
            }
        }
    }
    let mut links: HashMap<String, Vec<usize>> = HashMap::new();
    for (v, f) in variants {
        if let Some(&fi) = seen.get(&f.to_lowercase()) {
            links.entry(v.to_lowercase()).or_default().push(fi);
        }
    }
    for (i, n) in unique.iter().enumerate() {
        if is_full(i) {
            continue;
        }
        let l = parts[i]
            .as_ref()
            .map_or_else(|| n.to_lowercase(), |p| p.surname.clone());
        let mut fulls: Vec<usize> = by_surname.get(&l).cloned().unwrap_or_default();
        fulls.extend(links.get(&l).into_iter().flatten().copied());
        let mut roots: Vec<usize> = fulls.iter().map(|&f| g.find(f)).collect();
        roots.sort_unstable();
        roots.dedup();
        if let [root] = roots[..] {
            g.union(root, i);
        }
    }
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..unique.len() {
        let r = g.find(i);
        by_root.entry(r).or_default().push(i);
    }
    let mut out = Vec::new();
    for members in by_root.values() {
        if members.len() < 2 {
            continue;
        }
        let mut names: Vec<String> = members.iter().map(|&i| unique[i].clone()).collect();
        names.sort_by(|a, b| {
            b.split_whitespace()
                .count()
                .cmp(&a.split_whitespace().count())
                .then(counts.get(b).cmp(&counts.get(a)))
                .then(a.cmp(b))
        });
        // "Mayor Bruhn" and "Bruhn" alone say nothing a reader needs told (a full name
        // with its title, "Gov. Ines Valtonen", is offered: readers meet both).
        let bare: std::collections::HashSet<String> =
            names.iter().map(|n| untitled(n).to_lowercase()).collect();
        if bare.len() < 2 && !bare.iter().any(|b| b.contains(' ')) {
            continue;
        }
        let entity = project
            .entities
            .iter()
            .find(|e| names.iter().any(|n| e.answers_to(n)));
        if let Some(e) = entity
            && names
                .iter()
                .all(|n| e.answers_to(n) || e.answers_to(&untitled(n)))
        {
            continue;
        }
        let spelling = names.iter().any(|a| {
            names
                .iter()
                .any(|b| spelling_variant(&surname(a), &surname(b)))
        });
        out.push(AliasGroup {
            names,
            entity: entity.map(|e| e.id),
            score: if spelling { 0.7 } else { 0.9 },
        });
    }
    out.sort_by(|a, b| a.names.cmp(&b.names));
    out
}

/// Capitalised words of an article that are spelling variants of the surname of a person
/// named in it ("Khameini" beside "Ali Khamenei"): alias candidates that the name finder
/// alone would not take for a person.
pub fn variant_tokens(
    doc: &super::text::Doc,
    mentions: &[super::mentions::Mention],
) -> Vec<(String, String)> {
    let mut fulls: Vec<&str> = mentions
        .iter()
        .map(|m| m.full.as_str())
        .filter(|f| f.contains(' '))
        .collect();
    fulls.sort_unstable();
    fulls.dedup();
    let mut out: Vec<(String, String)> = Vec::new();
    if fulls.is_empty() {
        return out;
    }
    let surnames: Vec<String> = fulls.iter().map(|f| names::surname(f)).collect();
    let index = VariantIndex::new(surnames.iter().map(String::as_str));
    let mut taken: std::collections::HashSet<String> = std::collections::HashSet::new();
    let places = place_words(doc);
    for t in &doc.tokens {
        let word = super::names::possessive_stem(t).unwrap_or_else(|| t.text.to_string());
        if !t.is_capitalized()
            || word.chars().count() < 5
            || taken.contains(&word)
            || places.contains(&word.to_lowercase())
        {
            continue;
        }
        let hits: Vec<usize> = index
            .candidates(&word.to_lowercase())
            .into_iter()
            .filter(|&k| spelling_variant(&surnames[k], &word))
            .collect();
        if let [k] = hits[..] {
            taken.insert(word.clone());
            out.push((word, fulls[k].to_owned()));
        }
    }
    out
}

/// A name without the title words in front ("Cmdr. Selin Arkan" → "Selin Arkan").
fn untitled(name: &str) -> String {
    let words: Vec<&str> = name
        .split_whitespace()
        .skip_while(|w| names::is_title_word(&w.trim_end_matches('.').to_lowercase()))
        .collect();
    words.join(" ")
}

/// Names as written with their capitalised titles ("Cmdr. Selin Arkan", "Dr Amadou
/// Diallo"): spellings a reader meets, so an accepted group answers to them as speakers.
/// Only title words count ("Transport Minister Yusuf Karamanli" gives "Minister Yusuf
/// Karamanli"), and a title word opening a sentence only when it names an office or is
/// abbreviated ("Mayor Tomasi Vakalahi says", not "Student Danilo Vrana"); grouping reads
/// them without the title.
pub fn titled_forms(doc: &super::text::Doc, mentions: &[super::mentions::Mention]) -> Vec<String> {
    let mut out = Vec::new();
    for m in mentions.iter().filter(|m| !m.titles.is_empty()) {
        let before = doc.tokens_in(m.phrase_start, m.range.start);
        let titled = before
            .iter()
            .rev()
            .filter(|t| t.is_word)
            .take_while(|t| {
                t.is_capitalized() && names::is_title_word(t.lower().trim_end_matches('.'))
            })
            .last();
        // "Student Danilo Vrana" opening a sentence is a description; "Capt." is a title
        // wherever it stands.
        let opens_sentence = |t: &super::text::Token| doc.sentence_of(t.start).start == t.start;
        let described =
            |t: &super::text::Token| names::is_descriptive_title(t.lower().trim_end_matches('.'));
        if let Some(t) =
            titled.filter(|t| t.text.ends_with('.') || !opens_sentence(t) || !described(t))
        {
            out.push(doc.phrase(t.start, m.range.end));
        }
    }
    out
}

/// Words the article uses as places: after "in", "at", "from", "near"… ("flew to
/// Sabrat", "the harbour in Sabrat"), or opening a paragraph in capitals before a comma or
/// dash (a dateline, "SABRAT, Aug. 13 —"). A town one letter from a surname (Sabrat and
/// Nadim Sabra) is not a spelling of the person.
pub fn place_words(doc: &super::text::Doc) -> std::collections::HashSet<String> {
    const BEFORE_PLACE: [&str; 12] = [
        "in", "at", "from", "near", "outside", "into", "across", "towards", "toward", "to",
        "between", "via",
    ];
    let mut out = std::collections::HashSet::new();
    let words: Vec<&super::text::Token> = doc.tokens.iter().filter(|t| t.is_word).collect();
    for (i, t) in words.iter().enumerate() {
        if !t.is_capitalized() {
            continue;
        }
        let after_preposition = i > 0
            && BEFORE_PLACE.contains(&words[i - 1].lower())
            // "according to Sabra" and "said to Sabra" name a person.
            && !(words[i - 1].lower() == "to"
                && i > 1
                && matches!(words[i - 2].lower(), "according" | "said" | "told" | "spoke" | "talked"));
        let opens_paragraph = doc
            .paragraph_of(t.start)
            .is_some_and(|p| p.start == t.start);
        let dateline = opens_paragraph
            && t.text.chars().all(|c| !c.is_lowercase())
            && doc
                .chars
                .get(t.end..)
                .and_then(|rest| rest.iter().find(|c| !c.is_whitespace()))
                .is_some_and(|c| matches!(c, ',' | '—' | '–' | '-'));
        if after_preposition || dateline {
            out.insert(t.text.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grouped(names: &[&str]) -> Vec<Vec<String>> {
        group(&Project::new("t"), names, &[])
            .into_iter()
            .map(|g| {
                let mut n = g.names;
                n.sort();
                n
            })
            .collect()
    }

    #[test]
    fn an_office_opening_a_sentence_is_written_with_the_name_and_a_description_is_not() {
        // Our own sentences.
        let forms = |text: &str| {
            let doc = crate::assist::text::Doc::new(text);
            let mentions = crate::assist::mentions::mentions(&doc, &[]);
            titled_forms(&doc, &mentions)
        };
        assert_eq!(
            forms("Mayor Lena Okonkwo says the bridge will reopen."),
            ["Mayor Lena Okonkwo"]
        );
        assert!(forms("Student Lena Okonkwo, 21, swam to the bank.").is_empty());
    }

    #[test]
    fn titles_initials_transliterations_and_two_word_surnames() {
        // Sentences of our own: "Dr. Ines Okafor said…", "I. Okafor added…".
        let g = grouped(&["Ines Okafor", "Dr. Ines Okafor", "I. Okafor", "Okafor"]);
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!(g[0].len(), 4, "{g:?}");
        assert_eq!(grouped(&["Ksenia Marek", "Xenia Marek"]).len(), 1);
        assert_eq!(grouped(&["José Ortega", "Jose Ortega"]).len(), 1);
        // Our own: "gh" and "q" transliterate one letter.
        assert_eq!(grouped(&["Reza Moghadam", "Reza Moqadam"]).len(), 1);
        assert_eq!(
            grouped(&["Ravi Chandra Sekhar", "Ravi Chandrasekhar"]).len(),
            1
        );
        // An initial that could be two people joins neither.
        let g = grouped(&["Ines Okafor", "Ifeoma Okafor", "I. Okafor"]);
        assert!(
            !g.iter().any(|g| g.contains(&"I. Okafor".to_string())),
            "{g:?}"
        );
        // No false alias: other first names, or a one-letter-apart surname of a
        // different first name.
        assert!(grouped(&["Ines Okafor", "Grace Okafor"]).is_empty());
        assert!(grouped(&["Paul Lyon", "Maria Lyons"]).is_empty());
        assert!(grouped(&["Anna Berg", "Anna Bergman"]).is_empty());
    }

    #[test]
    fn transliterated_given_names_join_and_genders_stay_apart() {
        // "Kazimierz Wróbel wrote to the company"; "Kasimir Wrobel said …".
        assert_eq!(grouped(&["Kazimierz Wróbel", "Kasimir Wrobel"]).len(), 1);
        assert_eq!(grouped(&["Youssef Amrani", "Yusuf Amrani"]).len(), 1);
        // Two people of one family, not one person spelled twice.
        assert!(grouped(&["Daniel Moss", "Daniela Moss"]).is_empty());
        assert!(grouped(&["Paul Ferreira", "Paula Ferreira"]).is_empty());
        assert!(grouped(&["Antonio Reyes", "Antonia Reyes"]).is_empty());
        assert!(other_gender("Mario", "Maria"));
        assert!(!other_gender("Oksana", "Oxana"));
        assert!(!other_gender("Joanna", "Johanna"));
        assert!(!other_gender("Helena", "Helene"));
    }

    #[test]
    fn a_short_form_joins_the_one_given_name_it_begins() {
        assert_eq!(grouped(&["Piet Anselm", "Pieter Anselm"]).len(), 1);
        assert_eq!(grouped(&["Dev Raman", "Devendra Raman"]).len(), 1);
        // Two longer names it could stand for: it joins neither.
        let g = grouped(&["Dan Moss", "Daniel Moss", "Daniela Moss"]);
        assert!(
            !g.iter().any(|g| g.contains(&"Dan Moss".to_string())),
            "{g:?}"
        );
        // Too short to be a short form.
        assert!(grouped(&["Al Reyes", "Alma Reyes"]).is_empty());
    }

    #[test]
    fn spelling_variants_and_first_names() {
        assert!(spelling_variant("Khamenei", "Khameini"));
        assert!(spelling_variant("Zarif", "Zariff"));
        assert!(spelling_variant("Koulivand", "Kolivand"));
        assert!(!spelling_variant("Khamenei", "Khomeini"));
        assert!(same_person("Qassem Soleimani", "Qasem Soleimani"));
        assert!(same_person("Ali Khamenei", "Khameini"));
        assert!(!same_person("Ali Khamenei", "Ruhollah Khomeini"));
        let p = Project::new("t");
        let links = [("Khameini".to_string(), "Ali Khamenei".to_string())];
        let groups = group(
            &p,
            &[
                "Ali Khamenei",
                "Khamenei",
                "Khameini",
                "Ruhollah Khomeini",
                "Javad Zarif",
                "Zariff",
            ],
            &links,
        );
        let names: Vec<Vec<String>> = groups.into_iter().map(|g| g.names).collect();
        assert!(
            names.contains(&vec![
                "Ali Khamenei".to_string(),
                "Khameini".to_string(),
                "Khamenei".to_string()
            ]) || names.iter().any(|g| g.len() == 3 && g[0] == "Ali Khamenei")
        );
        // A bare variant with no full name beside it in any article stays alone.
        assert!(!names.iter().any(|g| g.contains(&"Zariff".to_string())));
        assert!(
            !names
                .iter()
                .any(|g| g.iter().any(|n| n.contains("Khomeini")))
        );
    }

    #[test]
    fn a_town_one_letter_from_a_surname_is_no_spelling_of_the_person() {
        // Our own: a dateline and a harbour town beside its harbour master.
        let text = "KORVAT, May 2 (Wire) — Two boats sank.\n\nElif Korva, the harbour master in Korvat, said the port was shut. Later Korvaa said more.";
        let doc = super::super::text::Doc::new(text);
        let mentions = super::super::mentions::mentions(&doc, &[]);
        let v = variant_tokens(&doc, &mentions);
        assert!(
            !v.iter().any(|(w, _)| w.eq_ignore_ascii_case("Korvat")),
            "{v:?}"
        );
        // A misspelling of the surname in the same article still is one.
        assert!(v.iter().any(|(w, _)| w == "Korvaa"), "{v:?}");
    }
}
