//! What an erasure takes out of the records that stay: a meeting's items about the family's
//! cases (each becomes an item that says "verwijderd"), the ids of its actions, and its names in the notes and agreements of other items and
//! in the texts of timeline lines that stay (an agreement, a reason, the values before and after
//! an edit). The live store and a backup being rewritten use the same rules.

use crate::domain::meeting::AgendaItem;
use crate::domain::{ActionId, CaseId, Event, EventKind, Family, FamilyId, Meeting};
use std::collections::BTreeSet;

/// The word that stands where a name was.
pub const REMOVED: &str = "verwijderd";

/// What is being erased, gathered as the records go by.
#[derive(Debug, Default)]
pub struct Scrub {
    pub families: BTreeSet<FamilyId>,
    pub cases: BTreeSet<CaseId>,
    pub actions: BTreeSet<ActionId>,
    /// Names to replace in free text, longest first, lower case.
    names: Vec<Vec<char>>,
}

impl Scrub {
    /// Takes a family out: its id, and its names for the texts that stay.
    pub fn family(&mut self, f: &Family) {
        self.families.insert(f.id);
        let mut names = vec![f.name.clone()];
        for c in &f.children {
            names.push(format!("{} {}", c.first_name, c.last_name));
        }
        names.extend(f.carers.iter().map(|c| c.name.clone()));
        for n in names {
            // A lone first name (two children called Daan in one school) is not erased from
            // other families' texts: it would erase the other child too.
            let n: Vec<char> = lower(n.trim());
            if n.len() >= 2 && !self.names.contains(&n) {
                self.names.push(n);
            }
        }
        self.names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    }

    /// True when an event goes with the family.
    pub fn drops_event(&self, e: &Event) -> bool {
        match e.case {
            Some(c) => self.cases.contains(&c),
            None => e.family.is_some_and(|f| self.families.contains(&f)),
        }
    }

    /// Replaces the family's items in a meeting by an item that says "verwijderd" (its time
    /// and reasons kept, so the minutes still read whole), takes its actions out of the other
    /// items, and its names out of their texts; true when anything changed.
    pub fn meeting(&self, m: &mut Meeting) -> bool {
        let before = m.clone();
        for item in &mut m.items {
            if self.cases.contains(&item.case) {
                item.case = AgendaItem::ERASED;
                if !item.notes.is_empty() {
                    item.notes = REMOVED.into();
                }
                for a in &mut item.agreements {
                    a.text = REMOVED.into();
                }
                item.actions_added.clear();
                item.actions_done.clear();
                continue;
            }
            item.actions_added.retain(|a| !self.actions.contains(a));
            item.actions_done.retain(|a| !self.actions.contains(a));
            if let Some(t) = self.text(&item.notes) {
                item.notes = t;
            }
            for a in &mut item.agreements {
                if let Some(t) = self.text(&a.text) {
                    a.text = t;
                }
            }
        }
        *m != before
    }

    /// How many items of `m` are about the family's cases.
    pub fn items_in(&self, m: &Meeting) -> usize {
        m.items
            .iter()
            .filter(|i| self.cases.contains(&i.case))
            .count()
    }

    /// An event that stays, with the family's names taken out of its texts (an agreement, a
    /// reason, a role, and the values before and after an edit); None when it has none of them.
    pub fn event(&self, e: &Event) -> Option<Event> {
        let mut out = e.clone();
        let mut changed = false;
        let mut fix = |t: &mut String| {
            if let Some(new) = self.text(t) {
                *t = new;
                changed = true;
            }
        };
        match &mut out.kind {
            EventKind::AgreementRecorded { text, .. } => fix(text),
            EventKind::ActionCancelled { reason, .. } => fix(reason),
            EventKind::NetworkAdded { role, .. } => fix(role),
            EventKind::ImportedFrom { file, .. } => fix(file),
            _ => {}
        }
        for c in &mut out.changes {
            fix(&mut c.before);
            fix(&mut c.after);
        }
        changed.then_some(out)
    }

    /// `text` with every whole-word mention of a name replaced; None when there is none.
    pub fn text(&self, text: &str) -> Option<String> {
        let mut chars: Vec<char> = text.chars().collect();
        let mut changed = false;
        for name in &self.names {
            let mut at = 0;
            while at + name.len() <= chars.len() {
                if is_word_at(&chars, at, name) {
                    let removed: Vec<char> = REMOVED.chars().collect();
                    let n = removed.len();
                    chars.splice(at..at + name.len(), removed);
                    at += n;
                    changed = true;
                } else {
                    at += 1;
                }
            }
        }
        changed.then(|| chars.into_iter().collect())
    }
}

fn lower(s: &str) -> Vec<char> {
    s.chars().map(lower_char).collect()
}

fn lower_char(c: char) -> char {
    // One char for one: positions in the text and in its lower case stay the same.
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(one), None) => one,
        _ => c,
    }
}

fn is_word_at(chars: &[char], at: usize, name: &[char]) -> bool {
    let end = at + name.len();
    let same = chars[at..end]
        .iter()
        .zip(name)
        .all(|(c, n)| lower_char(*c) == *n);
    let edge = |c: Option<&char>| c.is_none_or(|c| !c.is_alphanumeric());
    same && edge(at.checked_sub(1).and_then(|i| chars.get(i))) && edge(chars.get(end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Carer, Child, ChildId};

    fn scrub() -> Scrub {
        let mut s = Scrub::default();
        s.family(&Family {
            id: FamilyId(1),
            name: "Zwanenburg".into(),
            carers: vec![Carer {
                name: "Wilma Zwanenburg".into(),
                relation: "moeder".into(),
                phone: String::new(),
                email: String::new(),
                lives_with_child: true,
                authority: true,
            }],
            children: vec![Child {
                id: ChildId(1),
                first_name: "Quirijn".into(),
                last_name: "Zwanenburg".into(),
                birth_date: None,
                school: String::new(),
                groep: "5".into(),
            }],
            network: Vec::new(),
        });
        s
    }

    #[test]
    fn whole_names_go_in_any_case_and_nothing_else() {
        let s = scrub();
        assert_eq!(
            s.text("Bel WILMA ZWANENBURG over Quirijn Zwanenburg.")
                .as_deref(),
            Some("Bel verwijderd over verwijderd.")
        );
        assert_eq!(
            s.text("fam. zwanenburg").as_deref(),
            Some("fam. verwijderd")
        );
        // Part of another word, or a lone first name: left alone.
        assert_eq!(s.text("Zwanenburgstraat 4"), None);
        assert_eq!(s.text("Quirijn uit groep 3"), None);
    }

    #[test]
    fn an_edit_of_another_family_keeps_its_fields_without_the_names() {
        use crate::domain::{CaseId, EventId, FieldChange};
        let s = scrub();
        let e = Event {
            id: EventId(1),
            at: chrono::NaiveDateTime::default(),
            who: "Yvonne".into(),
            case: Some(CaseId(9)),
            family: Some(FamilyId(2)),
            kind: EventKind::CaseEdited,
            changes: vec![FieldChange {
                field: "notes".into(),
                before: "samen met Wilma Zwanenburg".into(),
                after: "apart".into(),
            }],
        };
        let kept = s.event(&e).unwrap();
        assert_eq!(kept.changes[0].before, "samen met verwijderd");
        assert_eq!(kept.changes[0].after, "apart");
        assert_eq!(s.event(&kept), None);
    }
}
