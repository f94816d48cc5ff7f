//! Who `tandem minutes --for PERSON` means: one person of the sociale kaart, by id or by name.

use crate::domain::text::fold;
use crate::domain::{Meeting, Person, PersonId};
use crate::store::{Result, Store};
use std::collections::BTreeSet;

/// Why a `--for` did not name exactly one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotOne<'a> {
    /// No one: neither the id nor (part of) a name.
    Unknown,
    /// Several people, each as "Name (id)".
    Ambiguous(Vec<&'a Person>),
}

/// The one person `query` names: an id, a whole name, or a part of a name that only one person
/// has. Names are compared folded (`aydin` finds Aydın, `celik` Çelik), as the lookup does.
pub fn find<'a>(persons: &'a [Person], query: &str) -> std::result::Result<&'a Person, NotOne<'a>> {
    let q = query.trim();
    if let Ok(id) = q.parse::<u64>() {
        if let Some(p) = persons.iter().find(|p| p.id.0 == id) {
            return Ok(p);
        }
    }
    let q = fold(q);
    if q.is_empty() {
        return Err(NotOne::Unknown);
    }
    let whole: Vec<&Person> = persons.iter().filter(|p| fold(&p.name) == q).collect();
    let hits = if whole.is_empty() {
        persons
            .iter()
            .filter(|p| fold(&p.name).contains(&q))
            .collect()
    } else {
        whole
    };
    match hits.as_slice() {
        [one] => Ok(one),
        [] => Err(NotOne::Unknown),
        _ => Err(NotOne::Ambiguous(hits)),
    }
}

/// The people involved in `meeting`, to suggest when a `--for` names no one: those present and
/// everyone the consents of its cases name, sorted by name.
pub fn involved<'a>(
    store: &Store,
    meeting: &Meeting,
    persons: &'a [Person],
) -> Result<Vec<&'a Person>> {
    let mut ids: BTreeSet<PersonId> = meeting.attendees.iter().copied().collect();
    for item in &meeting.items {
        if let Some(case) = store.case(item.case)? {
            ids.extend(case.consents.iter().map(|c| c.person));
        }
    }
    let mut out: Vec<&Person> = persons.iter().filter(|p| ids.contains(&p.id)).collect();
    out.sort_by(|a, b| fold(&a.name).cmp(&fold(&b.name)).then(a.id.cmp(&b.id)));
    Ok(out)
}

/// "Name (id)", as the messages list a person.
pub fn label(p: &Person) -> String {
    format!("{} ({})", p.name, p.id.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Side;

    fn person(id: u64, name: &str) -> Person {
        Person {
            id: PersonId(id),
            name: name.into(),
            role: "leerkracht".into(),
            organisation: "De Regenboog".into(),
            side: Side::Onderwijs,
            phone: String::new(),
            email: String::new(),
            offer: String::new(),
        }
    }

    #[test]
    fn an_id_a_name_or_a_part_only_one_has() {
        let people = [
            person(3, "Fatma Aydın"),
            person(4, "Joost van der Linden"),
            person(5, "Erik van Leeuwen"),
            person(6, "Erik van Leeuwen-Smit"),
        ];
        fn id(r: std::result::Result<&Person, NotOne<'_>>) -> std::result::Result<u64, ()> {
            r.map(|p| p.id.0)
                .map_err(|e| assert_eq!(e, NotOne::Unknown))
        }
        assert_eq!(id(find(&people, "4")), Ok(4));
        assert_eq!(id(find(&people, " aydin ")), Ok(3));
        assert_eq!(id(find(&people, "linden")), Ok(4));
        assert_eq!(
            id(find(&people, "Erik van Leeuwen")),
            Ok(5),
            "a whole name wins"
        );
        assert_eq!(id(find(&people, "99")), Err(()));
        assert_eq!(id(find(&people, "  ")), Err(()));
        match find(&people, "van") {
            Err(NotOne::Ambiguous(many)) => {
                let ids: Vec<u64> = many.iter().map(|p| p.id.0).collect();
                assert_eq!(ids, [4, 5, 6]);
            }
            other => panic!("{other:?}"),
        }
    }
}
