//! Record format 1: the shapes of the records that changed in format 2, kept only to read old
//! stores. bincode is not self-describing, so an old value is read in its own shape and turned
//! into today's, with the defaults the new fields have in an old JSON export (see the serde
//! defaults on the domain types). Records whose shape did not change read as they are.
//!
//! Format 2 added: `Carer::lives_with_child` and `Carer::authority` (both `true`),
//! `Consent::given_by` and `Case::signal_by` (empty), `Done::cancelled` (`None`).

use crate::domain::dates::wire;
use crate::domain::{
    Action, ActionId, Carer, Case, CaseId, CaseStatus, Child, ChildId, Closing, Consent,
    ConsentStatus, Done, Family, FamilyId, Involvement, Lead, MeetingId, PersonId, SignalSource,
};
use crate::store::error::StoreError;
use chrono::{NaiveDate, NaiveDateTime};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::any::{Any, TypeId};

/// A format-1 body read as `T`: through its old shape when `T` changed since, else as it is.
///
/// Errors: as [`super::decode`] for a body that does not read.
pub fn decode<T: DeserializeOwned + 'static>(
    bytes: &[u8],
    what: &'static str,
) -> Result<T, StoreError> {
    if let Some(v) = upgraded::<T, Case1, Case>(bytes, what)? {
        return Ok(v);
    }
    if let Some(v) = upgraded::<T, Family1, Family>(bytes, what)? {
        return Ok(v);
    }
    if let Some(v) = upgraded::<T, Action1, Action>(bytes, what)? {
        return Ok(v);
    }
    // Every other record has the shape it had in format 2 (events changed only in format 3).
    super::v2::decode(bytes, what)
}

/// `Some` when `T` is `New`: the body read as `Old` and converted.
pub(super) fn upgraded<T: 'static, Old, New>(
    bytes: &[u8],
    what: &'static str,
) -> Result<Option<T>, StoreError>
where
    Old: DeserializeOwned + Into<New>,
    New: 'static,
{
    if TypeId::of::<T>() != TypeId::of::<New>() {
        return Ok(None);
    }
    let old: Old = super::body(bytes, what)?;
    let new: Box<dyn Any> = Box::new(old.into());
    Ok(new.downcast::<T>().ok().map(|v| *v))
}

/// [`Carer`] before format 2.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct Carer1 {
    pub name: String,
    pub relation: String,
    pub phone: String,
    pub email: String,
}

/// [`Family`] before format 2 (its carers changed).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct Family1 {
    pub id: FamilyId,
    pub name: String,
    pub carers: Vec<Carer1>,
    pub children: Vec<Child>,
    pub network: Vec<Involvement>,
}

/// [`Consent`] before format 2.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct Consent1 {
    pub person: PersonId,
    pub status: ConsentStatus,
    #[serde(default, with = "wire::date::option")]
    pub date: Option<NaiveDate>,
    pub note: String,
}

/// [`Case`] before format 2.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct Case1 {
    pub id: CaseId,
    pub family: FamilyId,
    pub child: ChildId,
    pub question: String,
    pub signal: SignalSource,
    #[serde(with = "wire::date")]
    pub signal_date: NaiveDate,
    #[serde(default, with = "wire::date::option")]
    pub intake_date: Option<NaiveDate>,
    #[serde(default, with = "wire::date::option")]
    pub support_date: Option<NaiveDate>,
    pub status: CaseStatus,
    pub lead: Lead,
    pub consents: Vec<Consent1>,
    pub flagged: bool,
    pub closings: Vec<Closing>,
    pub notes: String,
    #[serde(with = "wire::datetime")]
    pub created: NaiveDateTime,
    #[serde(with = "wire::datetime")]
    pub last_activity: NaiveDateTime,
}

/// [`Done`] before format 2.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct Done1 {
    #[serde(with = "wire::datetime")]
    pub at: NaiveDateTime,
    pub by: Option<PersonId>,
}

/// [`Action`] before format 2 (its `done` changed).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct Action1 {
    pub id: ActionId,
    pub case: CaseId,
    pub text: String,
    pub owner: Option<PersonId>,
    pub side: crate::domain::Side,
    #[serde(default, with = "wire::date::option")]
    pub deadline: Option<NaiveDate>,
    #[serde(with = "wire::datetime")]
    pub created: NaiveDateTime,
    pub meeting: Option<MeetingId>,
    pub done: Option<Done1>,
}

impl From<Carer1> for Carer {
    fn from(c: Carer1) -> Carer {
        Carer {
            name: c.name,
            relation: c.relation,
            phone: c.phone,
            email: c.email,
            lives_with_child: true,
            authority: true,
        }
    }
}

impl From<Family1> for Family {
    fn from(f: Family1) -> Family {
        Family {
            id: f.id,
            name: f.name,
            carers: f.carers.into_iter().map(Carer::from).collect(),
            children: f.children,
            network: f.network,
        }
    }
}

impl From<Consent1> for Consent {
    fn from(c: Consent1) -> Consent {
        Consent {
            person: c.person,
            status: c.status,
            date: c.date,
            note: c.note,
            given_by: String::new(),
        }
    }
}

impl From<Case1> for Case {
    fn from(c: Case1) -> Case {
        Case {
            id: c.id,
            family: c.family,
            child: c.child,
            question: c.question,
            signal: c.signal,
            signal_by: String::new(),
            signal_date: c.signal_date,
            intake_date: c.intake_date,
            support_date: c.support_date,
            status: c.status,
            lead: c.lead,
            consents: c.consents.into_iter().map(Consent::from).collect(),
            flagged: c.flagged,
            closings: c.closings,
            notes: c.notes,
            created: c.created,
            last_activity: c.last_activity,
        }
    }
}

impl From<Action1> for Action {
    fn from(a: Action1) -> Action {
        Action {
            id: a.id,
            case: a.case,
            text: a.text,
            owner: a.owner,
            side: a.side,
            deadline: a.deadline,
            created: a.created,
            meeting: a.meeting,
            done: a.done.map(|d| Done::new(d.at, d.by)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Outcome, Side};

    /// A value as format 1 wrote it: the byte 1, then the old shape's bincode.
    fn format1<T: serde::Serialize>(old: &T) -> Vec<u8> {
        let mut out = vec![1u8];
        out.extend(bincode::serde::encode_to_vec(old, bincode::config::standard()).unwrap());
        out
    }

    fn at() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(9, 30, 0))
            .unwrap()
    }

    #[test]
    fn a_format_1_case_reads_as_todays_case() {
        let old = Case1 {
            id: CaseId(4),
            family: FamilyId(2),
            child: ChildId(3),
            question: "slaapt slecht".into(),
            signal: SignalSource::Ouder,
            signal_date: at().date(),
            intake_date: Some(at().date()),
            support_date: None,
            status: CaseStatus::Afgesloten,
            lead: Lead {
                side: Some(Side::Zorg),
                person: Some(PersonId(7)),
            },
            consents: vec![Consent1 {
                person: PersonId(7),
                status: ConsentStatus::Gegeven,
                date: Some(at().date()),
                note: "mondeling".into(),
            }],
            flagged: true,
            closings: vec![Closing {
                closed: at().date(),
                outcome: Outcome::KortdurendeInterventie,
                reopened: None,
            }],
            notes: "notitie".into(),
            created: at(),
            last_activity: at(),
        };
        let case: Case = crate::store::codec::decode(&format1(&old), "case", None).unwrap();
        assert_eq!(case.question, "slaapt slecht");
        assert_eq!(case.signal_by, "");
        assert_eq!(case.lead.person, Some(PersonId(7)));
        assert_eq!(case.consents[0].note, "mondeling");
        assert_eq!(case.consents[0].given_by, "");
        assert_eq!(case.outcome(), Some(Outcome::KortdurendeInterventie));
        assert_eq!((case.notes.as_str(), case.last_activity), ("notitie", at()));
        // And written again, it is format 2 and reads back the same.
        let again = crate::store::codec::encode(&case, None).unwrap();
        assert_eq!(again[0], crate::store::codec::FORMAT);
        assert_eq!(
            crate::store::codec::decode::<Case>(&again, "case", None).unwrap(),
            case
        );
    }

    #[test]
    fn a_format_1_family_and_action_read_as_todays() {
        let old = Family1 {
            id: FamilyId(2),
            name: "Veldkamp".into(),
            carers: vec![Carer1 {
                name: "Ilse Veldkamp".into(),
                relation: "moeder".into(),
                phone: "06-1".into(),
                email: "i@example.org".into(),
            }],
            children: vec![Child::new(
                ChildId(3),
                "Mees".into(),
                "Veldkamp".into(),
                "De Es".into(),
                "5".into(),
            )],
            network: vec![],
        };
        let family: Family = crate::store::codec::decode(&format1(&old), "family", None).unwrap();
        assert_eq!(family.carers[0].email, "i@example.org");
        assert!(family.carers[0].lives_with_child && family.carers[0].authority);
        assert_eq!(family.children[0].first_name, "Mees");

        let old = Action1 {
            id: ActionId(9),
            case: CaseId(4),
            text: "bellen".into(),
            owner: Some(PersonId(7)),
            side: Side::Onderwijs,
            deadline: None,
            created: at(),
            meeting: Some(MeetingId(1)),
            done: Some(Done1 { at: at(), by: None }),
        };
        let action: Action = crate::store::codec::decode(&format1(&old), "action", None).unwrap();
        assert_eq!(action.done, Some(Done::new(at(), None)));
        assert_eq!(action.meeting, Some(MeetingId(1)));
        // A record that did not change reads as it is.
        let n: u64 = crate::store::codec::decode(&format1(&7u64), "n", None).unwrap();
        assert_eq!(n, 7);
    }
}
