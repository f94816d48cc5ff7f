//! The household (gezin): carers, children, and the network of professionals around it.

use super::dates::wire;
use super::ids::{ChildId, FamilyId, PersonId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A parent or carer of the household's children.
///
/// The two flags (record format 2) default to `true` for records and exports made before they
/// existed: the usual household, where a carer lives with the child and has parental authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Carer {
    pub name: String,
    /// e.g. "moeder", "vader", "pleegouder", "oma".
    pub relation: String,
    pub phone: String,
    pub email: String,
    /// Lives at the child's address.
    #[serde(default = "yes")]
    pub lives_with_child: bool,
    /// Has parental authority (ouderlijk gezag): whose consent counts.
    #[serde(default = "yes")]
    pub authority: bool,
}

fn yes() -> bool {
    true
}

impl Carer {
    /// A carer living with the child, with parental authority; phone and e-mail come later.
    pub fn new(name: String, relation: String) -> Carer {
        Carer {
            name,
            relation,
            phone: String::new(),
            email: String::new(),
            lives_with_child: true,
            authority: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Child {
    pub id: ChildId,
    pub first_name: String,
    pub last_name: String,
    #[serde(default, with = "wire::date::option")]
    pub birth_date: Option<NaiveDate>,
    pub school: String,
    /// The class/year, e.g. "5" or "1/2".
    pub groep: String,
}

impl Child {
    /// A child as the intake knows it (the birth date comes later, if at all).
    pub fn new(
        id: ChildId,
        first_name: String,
        last_name: String,
        school: String,
        groep: String,
    ) -> Child {
        Child {
            id,
            first_name,
            last_name,
            birth_date: None,
            school,
            groep,
        }
    }

    pub fn full_name(&self) -> String {
        if self.last_name.is_empty() {
            self.first_name.clone()
        } else {
            format!("{} {}", self.first_name, self.last_name)
        }
    }
}

/// A professional in a family's network, with the role they play for this family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Involvement {
    pub person: PersonId,
    pub role: String,
    #[serde(default, with = "wire::date::option")]
    pub from: Option<NaiveDate>,
    #[serde(default, with = "wire::date::option")]
    pub until: Option<NaiveDate>,
}

impl Involvement {
    /// Involved on `day`: started (or no start known) and not yet ended.
    pub fn active_on(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= day) && self.until.is_none_or(|u| u >= day)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Family {
    pub id: FamilyId,
    /// The household name as the school knows it, e.g. "Yılmaz" or "De Boer / Mahabier".
    pub name: String,
    pub carers: Vec<Carer>,
    pub children: Vec<Child>,
    pub network: Vec<Involvement>,
}

impl Family {
    /// A new household around its first child, named after the child's last name (the first
    /// name when no last name is known), with no carers or network yet.
    pub fn for_child(id: FamilyId, child: Child) -> Family {
        let name = if child.last_name.is_empty() {
            child.first_name.clone()
        } else {
            child.last_name.clone()
        };
        Family {
            id,
            name,
            carers: vec![],
            children: vec![child],
            network: vec![],
        }
    }

    /// Adds `person` to the network in `role` from `from`; an earlier open involvement of the
    /// same person is replaced, an ended one is kept (it is history).
    pub fn involve(&mut self, person: PersonId, role: String, from: Option<NaiveDate>) {
        self.network
            .retain(|i| i.person != person || i.until.is_some());
        self.network.push(Involvement {
            person,
            role,
            from,
            until: None,
        });
    }

    /// Ends `person`'s open involvement on `day` (kept as history, in the klantreis). False when
    /// they have no open involvement.
    pub fn end_involvement(&mut self, person: PersonId, day: NaiveDate) -> bool {
        match self
            .network
            .iter_mut()
            .find(|i| i.person == person && i.until.is_none())
        {
            Some(i) => {
                i.until = Some(day.max(i.from.unwrap_or(day)));
                true
            }
            None => false,
        }
    }

    /// Takes `person` out of the network altogether, history and all: someone added by
    /// mistake. False when they were not in it.
    pub fn remove_from_network(&mut self, person: PersonId) -> bool {
        let before = self.network.len();
        self.network.retain(|i| i.person != person);
        self.network.len() != before
    }

    pub fn child(&self, id: ChildId) -> Option<&Child> {
        self.children.iter().find(|c| c.id == id)
    }

    pub fn child_mut(&mut self, id: ChildId) -> Option<&mut Child> {
        self.children.iter_mut().find(|c| c.id == id)
    }

    /// Different professionals the family sees on `day` ("zo min mogelijk gezichten").
    pub fn faces_on(&self, day: NaiveDate) -> usize {
        let mut people: Vec<PersonId> = self
            .network
            .iter()
            .filter(|i| i.active_on(day))
            .map(|i| i.person)
            .collect();
        people.sort();
        people.dedup();
        people.len()
    }
}
