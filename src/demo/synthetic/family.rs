//! One synthetic family: carers, children and network, then its cases (see `cases`).

use super::super::names::{household, is_woman, pick_origin, Origin};
use super::super::rng::Rng;
use super::super::texts::SCHOOLS;
use super::super::{birth_date, email, groep_label, phone, shift};
use super::cases::case;
use super::{signal_offset, Kaart, Plan};
use crate::domain::{Carer, Child, ChildId, Family, FamilyId, Involvement, PersonId, Side};
use crate::store::Change;
use chrono::NaiveDate;

pub struct Ctx<'a> {
    pub today: NaiveDate,
    pub n: u64,
    pub seed: u64,
    pub kaart: &'a Kaart,
}

/// What the cases of a family need to know about it.
pub struct Fam {
    pub id: FamilyId,
    pub school: usize,
    pub children: Vec<(ChildId, String)>,
    /// The family's network: person and side.
    pub network: Vec<(PersonId, Side)>,
    /// Came to the Netherlands recently, perhaps: some questions only fit such families.
    pub newcomer: bool,
}

/// Writes one family whose cases are `first..first + cases`; returns how many actions it got.
pub fn family(
    ch: &mut Change,
    ctx: &Ctx,
    rng: &mut Rng,
    first: u64,
    cases: u64,
    plan: &mut Plan,
) -> usize {
    let today = ctx.today;
    let school = rng.index(SCHOOLS.len());
    let origin = pick_origin(rng);
    let last = *rng.pick(origin.last);
    let id = ch.family_id();
    let (carers, name) = carers(rng, origin, last, id);
    let children = children(ch, rng, origin, last, school, today);

    let since = shift(today, signal_offset(first, ctx.n));
    let mut fam = Fam {
        id,
        school,
        children: children
            .iter()
            .map(|c| (c.id, c.first_name.clone()))
            .collect(),
        network: Vec::new(),
        newcomer: origin.newcomer,
    };
    let network = network(ctx, rng, &mut fam, &children, since);

    let mut actions = 0;
    for k in 0..cases {
        actions += case(ch, ctx, &fam, first + k, k as usize, plan);
    }
    ch.put_family(Family {
        id,
        name,
        carers,
        children,
        network,
    });
    actions
}

/// The family's carers (one to three), and the family's name from their surnames.
fn carers(
    rng: &mut Rng,
    origin: &'static Origin,
    last: &'static str,
    id: FamilyId,
) -> (Vec<Carer>, String) {
    // One family in eight has a second surname: a stepparent, or parents who kept their own.
    let mixed = rng.chance(12).then(|| pick_origin(rng));
    let carer_count = match rng.below(100) {
        0..=29 => 1,
        30..=91 => 2,
        _ => 3,
    };
    let mut carers = Vec::new();
    let mut second_last = None;
    let mut relations: Vec<&str> = Vec::new();
    for k in 0..carer_count {
        let relation = match k {
            0 => *rng.pick(&["moeder", "moeder", "moeder", "vader", "pleegmoeder", "oma"]),
            1 if relations.first() == Some(&"pleegmoeder") => "pleegvader",
            1 if mixed.is_some() => *rng.pick(&["vader", "stiefvader", "moeder"]),
            1 if relations.first() == Some(&"vader") => "moeder",
            1 => "vader",
            _ => *rng.pick(&["oma", "opa", "stiefmoeder", "tante"]),
        };
        relations.push(relation);
        let from = match (k, mixed) {
            (1, Some(o)) => o,
            _ => origin,
        };
        let surname = match (k, mixed) {
            (1, Some(o)) => *second_last.get_or_insert(*rng.pick(o.last)),
            _ => last,
        };
        let first = rng.pick(if is_woman(relation) {
            from.women
        } else {
            from.men
        });
        let name = format!("{first} {surname}");
        carers.push(Carer {
            email: email(&name, &format!("ouder{}", id.0)),
            phone: phone(rng.below(10_000)),
            name,
            relation: relation.into(),
            lives_with_child: true,
            authority: true,
        });
    }
    let name = match second_last {
        Some(l) if l != last => format!("{} / {}", household(last), household(l)),
        _ => household(last),
    };
    (carers, name)
}

/// The family's children at `school` (one to three, each in a groep of their own).
fn children(
    ch: &mut Change,
    rng: &mut Rng,
    origin: &'static Origin,
    last: &str,
    school: usize,
    today: NaiveDate,
) -> Vec<Child> {
    let child_count = match rng.below(100) {
        0..=44 => 1,
        45..=84 => 2,
        _ => 3,
    };
    let mut children = Vec::new();
    let mut groepen: Vec<u32> = Vec::new();
    for _ in 0..child_count {
        let groep = 1 + rng.below(8) as u32;
        if groepen.contains(&groep) {
            continue;
        }
        groepen.push(groep);
        let first_name = rng.pick(origin.first).to_string();
        children.push(Child {
            id: ch.child_id(),
            first_name,
            last_name: last.to_string(),
            birth_date: birth_date(today, groep, rng.below(365) as u32),
            school: SCHOOLS[school].to_string(),
            groep: groep_label(groep),
        });
    }
    children
}

/// The family's network (one to four professionals, perhaps the first child's teacher), there
/// from about `since`; also noted in `fam.network` for its cases.
fn network(
    ctx: &Ctx,
    rng: &mut Rng,
    fam: &mut Fam,
    children: &[Child],
    since: NaiveDate,
) -> Vec<Involvement> {
    let today = ctx.today;
    let mut network = Vec::new();
    for k in 0..1 + rng.below(4) {
        let (pro, role) = if k == 0 && rng.chance(40) {
            let t = ctx.kaart.teacher(fam.school, rng);
            (t, format!("leerkracht groep {}", children[0].groep))
        } else {
            let p = ctx.kaart.network(rng);
            (p, p.role.to_string())
        };
        if fam.network.iter().any(|(p, _)| *p == pro.id) {
            continue;
        }
        let from = shift(since, -rng.range(0, 14)).min(today);
        let until = rng
            .chance(15)
            .then(|| shift(from, rng.range(30, 150)))
            .filter(|u| *u < today);
        fam.network.push((pro.id, pro.side));
        network.push(Involvement {
            person: pro.id,
            role,
            from: Some(from),
            until,
        });
    }
    network
}
