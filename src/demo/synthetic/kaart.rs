//! The synthetic sociale kaart: an onderwijscoach and five teachers per school, a pool of
//! gezinscoaches, and the wider network in every role of the domain; 200 people in all.

use super::super::names::{adult_name, pick_origin};
use super::super::rng::Rng;
use super::super::texts::{Role, GEZINSCOACH, LEERKRACHT, NETWORK, ONDERWIJSCOACH, SCHOOLS};
use super::super::{at, email, phone, shift};
use crate::domain::{EventKind, Person, PersonId, Side};
use crate::store::Change;
use chrono::NaiveDate;

const GEZINSCOACHES: usize = 8;
const TEACHERS_PER_SCHOOL: usize = 5;
const NETWORK_PEOPLE: usize = 120;

pub struct Pro {
    pub id: PersonId,
    pub side: Side,
    pub role: &'static str,
}

pub struct Kaart {
    pros: Vec<Pro>,
    /// Indexes into `pros`, by what the people are.
    coaches: Vec<usize>,
    gezinscoaches: Vec<usize>,
    teachers: Vec<Vec<usize>>,
    network: Vec<usize>,
    nurses: Vec<usize>,
}

impl Kaart {
    pub fn make(ch: &mut Change, today: NaiveDate, seed: u64) -> Kaart {
        let mut rng = Rng::new(seed);
        let mut kaart = Kaart {
            pros: Vec::new(),
            coaches: Vec::new(),
            gezinscoaches: Vec::new(),
            teachers: vec![Vec::new(); SCHOOLS.len()],
            network: Vec::new(),
            nurses: Vec::new(),
        };
        let since = at(shift(today, -800), 9 * 60);
        let mut add = |kaart: &mut Kaart, rng: &mut Rng, role: &'static Role, org: &str| {
            let origin = pick_origin(rng);
            let woman = rng.chance(70);
            let name = adult_name(rng, origin, woman);
            let index = kaart.pros.len();
            let id = ch.person_id();
            ch.put_person(Person {
                id,
                email: email(&name, &format!("medewerker{}", id.0)),
                name,
                role: role.role.into(),
                organisation: org.into(),
                side: role.side,
                phone: phone(1000 + id.0),
                offer: role.offer.into(),
            });
            ch.event(since, None, None, EventKind::PersonCreated { person: id });
            kaart.pros.push(Pro {
                id,
                side: role.side,
                role: role.role,
            });
            index
        };
        for school in SCHOOLS {
            let i = add(&mut kaart, &mut rng, &ONDERWIJSCOACH, school);
            kaart.coaches.push(i);
        }
        for _ in 0..GEZINSCOACHES {
            let org = *rng.pick(GEZINSCOACH.orgs);
            let i = add(&mut kaart, &mut rng, &GEZINSCOACH, org);
            kaart.gezinscoaches.push(i);
        }
        for (s, school) in SCHOOLS.iter().enumerate() {
            for _ in 0..TEACHERS_PER_SCHOOL {
                let i = add(&mut kaart, &mut rng, &LEERKRACHT, school);
                kaart.teachers[s].push(i);
            }
        }
        for k in 0..NETWORK_PEOPLE {
            let role = &NETWORK[k % NETWORK.len()];
            let org = *rng.pick(role.orgs);
            let i = add(&mut kaart, &mut rng, role, org);
            kaart.network.push(i);
            if role.role == "jeugdverpleegkundige" {
                kaart.nurses.push(i);
            }
        }
        kaart
    }

    pub fn len(&self) -> usize {
        self.pros.len()
    }

    fn at(&self, list: &[usize], k: usize) -> &Pro {
        let i = list.get(k % list.len().max(1)).copied().unwrap_or(0);
        &self.pros[i]
    }

    /// The onderwijscoach of a school.
    pub fn coach(&self, school: usize) -> &Pro {
        self.at(&self.coaches, school)
    }

    /// The gezinscoach who works at a school.
    pub fn gezinscoach(&self, school: usize) -> &Pro {
        self.at(&self.gezinscoaches, school)
    }

    pub fn teacher(&self, school: usize, rng: &mut Rng) -> &Pro {
        let list = self.teachers.get(school).map_or(&[][..], Vec::as_slice);
        self.at(list, rng.index(TEACHERS_PER_SCHOOL))
    }

    /// Someone from the wider network.
    pub fn network(&self, rng: &mut Rng) -> &Pro {
        self.at(&self.network, rng.index(self.network.len()))
    }

    /// The tandem of the first school, and now and then its youth nurse.
    pub fn attendees(&self, meeting: usize) -> Vec<PersonId> {
        let mut out = vec![self.coach(0).id, self.gezinscoach(0).id];
        if meeting.is_multiple_of(3) {
            out.push(self.at(&self.nurses, 0).id);
        }
        out
    }
}
