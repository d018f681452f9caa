//! Which entity a speaker's name refers to: one rule for a name marked by hand in the
//! panel and for a speaker accepted from a suggestion, so "Soleimani" marked by hand links
//! to "Qassem Soleimani" exactly as an accepted suggestion would.

use super::{Entity, EntityId};

/// The last word of a name, lower-cased, without a possessive or a full stop ("Qassem
/// Soleimani’s" → "soleimani"): the one surname rule of the program.
pub fn surname(name: &str) -> Option<String> {
    let last = name.split_whitespace().last()?;
    let last = last
        .strip_suffix("’s")
        .or_else(|| last.strip_suffix("'s"))
        .unwrap_or(last);
    let last = last.trim_end_matches('.').to_lowercase();
    (!last.is_empty()).then_some(last)
}

/// The entity `name` refers to among `entities`: the one whose name or alias it is, else
/// the only one with that surname. Two people sharing the surname give `None`, so nobody
/// is linked by a guess.
pub fn linked_entity<'e>(
    entities: impl Iterator<Item = &'e Entity> + Clone,
    name: &str,
) -> Option<EntityId> {
    if let Some(e) = entities.clone().find(|e| e.answers_to(name)) {
        return Some(e.id);
    }
    let last = surname(name)?;
    let mut hits = entities.filter(|e| {
        std::iter::once(&e.name)
            .chain(e.aliases.iter())
            .any(|n| surname(n).as_deref() == Some(last.as_str()))
    });
    let first = hits.next()?;
    hits.next().is_none().then_some(first.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_surname_links_only_when_it_is_unambiguous() {
        let qs = Entity::person(EntityId(1), "Qassem Soleimani");
        let jz = Entity::person(EntityId(2), "Javad Zarif");
        let all = [qs.clone(), jz.clone()];
        assert_eq!(linked_entity(all.iter(), "Soleimani"), Some(EntityId(1)));
        assert_eq!(linked_entity(all.iter(), "javad zarif"), Some(EntityId(2)));
        assert_eq!(linked_entity(all.iter(), "Khamenei"), None);
        let other = Entity::person(EntityId(3), "Maryam Soleimani");
        let two = [qs, jz, other];
        assert_eq!(linked_entity(two.iter(), "Soleimani"), None);
        assert_eq!(
            linked_entity(two.iter(), "Maryam Soleimani"),
            Some(EntityId(3))
        );
    }
}
