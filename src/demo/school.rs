//! Builds the demo school from the tables in `school_data` and `school_families`: every record,
//! and a timeline that tells each case's klantreis in order. One Change, committed once.

use super::school_data::{Overleg, KAART, MEETINGS, SCHOOL};
use super::school_families::{Act, Casus, Fam, FAMILIES};
use super::{at, birth_date, email, groep_label, phone, shift, DemoSummary, Timeline};
use crate::domain::{
    Action, ActionId, AgendaItem, Agreement, Carer, Case, CaseId, CaseStatus, Child, ChildId,
    Closing, Consent, ConsentStatus, Done, EventKind, Family, FamilyId, Involvement, Lead, Meeting,
    MeetingId, Person, PersonId, Side,
};
use crate::store::{Change, DemoGap, Store, StoreError};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use std::collections::BTreeMap;

/// A meeting starts at half past eight; agenda items follow each other with a short pause.
const MEETING_START_MINUTES: i64 = 8 * 60 + 30;
const PAUSE_SECONDS: i64 = 30;

struct Builder<'a> {
    today: NaiveDate,
    ch: &'a mut Change,
    tl: Timeline,
    people: BTreeMap<&'static str, (PersonId, Side)>,
    meetings: Vec<MeetingId>,
    cases: BTreeMap<&'static str, (CaseId, FamilyId)>,
    /// Per (meeting, case key): actions agreed and actions ticked off while it was discussed.
    added: BTreeMap<(usize, &'static str), Vec<ActionId>>,
    ticked: BTreeMap<(usize, &'static str), Vec<ActionId>>,
    pending: Vec<Case>,
    summary: DemoSummary,
}

pub fn build(store: &mut Store, today: NaiveDate) -> Result<DemoSummary, StoreError> {
    let mut ch = store.begin();
    let mut b = Builder {
        today,
        ch: &mut ch,
        tl: Timeline::default(),
        people: BTreeMap::new(),
        meetings: Vec::new(),
        cases: BTreeMap::new(),
        added: BTreeMap::new(),
        ticked: BTreeMap::new(),
        pending: Vec::new(),
        summary: DemoSummary::default(),
    };
    b.kaart();
    b.meetings = MEETINGS.iter().map(|_| b.ch.meeting_id()).collect();
    for (i, fam) in FAMILIES.iter().enumerate() {
        b.family(i, fam)?;
    }
    for (m, overleg) in MEETINGS.iter().enumerate() {
        b.meeting(m, overleg)?;
    }
    // A case's last activity includes the meetings that discussed it, so cases go in last.
    for mut case in std::mem::take(&mut b.pending) {
        case.last_activity = b.tl.last_of(case.id).unwrap_or(case.created);
        b.ch.put_case(case);
    }
    let summary = b.summary;
    let tl = std::mem::take(&mut b.tl);
    tl.write(&mut ch);
    store.commit(ch)?;
    Ok(summary)
}

/// When the agenda item about `case` started in meeting `m`.
fn item_start(today: NaiveDate, m: usize, case: &str) -> Option<NaiveDateTime> {
    let overleg = MEETINGS.get(m)?;
    let mut clock = at(shift(today, overleg.day), MEETING_START_MINUTES);
    for item in overleg.items {
        if item.case == case {
            return Some(clock);
        }
        clock += Duration::seconds(i64::from(item.seconds) + PAUSE_SECONDS);
    }
    None
}

impl Builder<'_> {
    fn person(&self, key: &str) -> Result<(PersonId, Side), StoreError> {
        self.people
            .get(key)
            .copied()
            .ok_or_else(|| StoreError::from(DemoGap::Person(key.into())))
    }

    fn kaart(&mut self) {
        let listed = at(shift(self.today, -400), 9 * 60);
        for (i, p) in KAART.iter().enumerate() {
            let id = self.ch.person_id();
            self.ch.put_person(Person {
                id,
                name: p.name.into(),
                role: p.role.into(),
                organisation: p.org.into(),
                side: p.side,
                phone: phone(1001 + i as u64),
                email: email(p.name, p.key),
                offer: p.offer.into(),
            });
            let when = listed + Duration::minutes(i as i64);
            self.tl
                .add(when, None, None, EventKind::PersonCreated { person: id });
            self.people.insert(p.key, (id, p.side));
            self.summary.persons += 1;
        }
    }

    fn family(&mut self, index: usize, fam: &Fam) -> Result<(), StoreError> {
        let today = self.today;
        let id = self.ch.family_id();
        let f = Some(id);
        let first_signal = fam.cases.iter().map(|c| c.day).min().unwrap_or(0);
        let minute = 9 * 60 + index as i64;
        self.tl.add(
            at(shift(today, first_signal), minute),
            None,
            f,
            EventKind::FamilyCreated,
        );
        let mut children = Vec::new();
        for (k, (first, last, groep)) in fam.kids.iter().enumerate() {
            children.push(Child {
                id: self.ch.child_id(),
                first_name: (*first).into(),
                last_name: (*last).into(),
                birth_date: birth_date(today, *groep, (index * 97 + k * 151) as u32),
                school: SCHOOL.into(),
                groep: groep_label(*groep),
            });
        }
        let carers = fam
            .carers
            .iter()
            .enumerate()
            .map(|(k, (name, relation))| Carer {
                name: (*name).into(),
                relation: (*relation).into(),
                phone: phone(2000 + 10 * index as u64 + k as u64),
                email: email(name, "ouder"),
                lives_with_child: true,
                authority: true,
            })
            .collect();
        let mut network = Vec::new();
        for (key, role, from, until) in fam.network {
            let (person, _) = self.person(key)?;
            let from = shift(today, *from);
            let until = until.map(|u| shift(today, u));
            let role = (*role).to_string();
            let kind = EventKind::NetworkAdded {
                person,
                role: role.clone(),
            };
            self.tl.add(at(from, 11 * 60), None, f, kind);
            if let Some(u) = until {
                let kind = EventKind::NetworkEnded { person };
                self.tl.add(at(u, 16 * 60), None, f, kind);
            }
            network.push(Involvement {
                person,
                role,
                from: Some(from),
                until,
            });
        }
        for case in fam.cases {
            let child = children
                .get(case.kid)
                .map(|c| c.id)
                .ok_or_else(|| StoreError::from(DemoGap::ChildOfCase(case.key.into())))?;
            self.case(id, child, index, case)?;
        }
        self.ch.put_family(Family {
            id,
            name: fam.name.into(),
            carers,
            children,
            network,
        });
        self.summary.families += 1;
        Ok(())
    }

    fn case(
        &mut self,
        family: FamilyId,
        child: ChildId,
        index: usize,
        c: &'static Casus,
    ) -> Result<(), StoreError> {
        let today = self.today;
        let id = self.ch.case_id();
        self.cases.insert(c.key, (id, family));
        let (cs, f) = (Some(id), Some(family));
        let signal = shift(today, c.day);
        let intake = c.intake.map(|d| shift(signal, d));
        let support = c.support.and_then(|d| intake.map(|i| shift(i, d)));
        let created = at(signal, 9 * 60 + 15 + 7 * index as i64);
        self.tl.add(created, cs, f, EventKind::CaseCreated);

        let lead_person = self.case_leads(c, (cs, f), created, intake)?;
        let consents = match intake {
            Some(day) => self.case_intake(c, (cs, f), day)?,
            None => Vec::new(),
        };
        if let Some(day) = support {
            let (from, to) = (CaseStatus::Intake, CaseStatus::Lopend);
            let kind = EventKind::StatusChanged { from, to };
            // After the intake's own lines when it is the same day, else before the day's work.
            let minutes = if Some(day) == intake {
                13 * 60 + 50
            } else {
                11 * 60
            };
            self.tl.add(at(day, minutes), cs, f, kind);
        }
        let closings = self.case_closings(c, (cs, f));
        if c.flagged {
            let when = at(shift(today, -2), 16 * 60 + index as i64);
            self.tl
                .add(when.max(created), cs, f, EventKind::Flagged { on: true });
        }
        for (j, act) in c.actions.iter().enumerate() {
            self.action(id, family, c.key, j, act)?;
        }
        self.pending.push(Case {
            id,
            family,
            child,
            question: c.question.into(),
            signal: c.signal,
            signal_by: String::new(),
            signal_date: signal,
            intake_date: intake,
            support_date: support,
            status: c.status,
            lead: Lead {
                side: Some(c.lead.0),
                person: Some(lead_person),
            },
            consents,
            flagged: c.flagged,
            closings,
            notes: c.notes.into(),
            created,
            last_activity: created,
        });
        self.summary.cases += 1;
        Ok(())
    }

    /// The timeline lines of a case's lead: the first lead at the intake (or just after the
    /// signal), and the change to the present lead if there was an earlier one. The present
    /// lead's person.
    fn case_leads(
        &mut self,
        c: &'static Casus,
        (cs, f): (Option<CaseId>, Option<FamilyId>),
        created: NaiveDateTime,
        intake: Option<NaiveDate>,
    ) -> Result<PersonId, StoreError> {
        let first_lead = match c.earlier_lead {
            Some((side, key, _)) => (side, key),
            None => c.lead,
        };
        let lead_at = intake.map_or(created + Duration::minutes(5), |d| at(d, 13 * 60 + 45));
        let (person, _) = self.person(first_lead.1)?;
        let kind = EventKind::LeadChanged {
            side: Some(first_lead.0),
            person: Some(person),
        };
        self.tl.add(lead_at, cs, f, kind);
        let (lead_person, _) = self.person(c.lead.1)?;
        if let Some((_, _, day)) = c.earlier_lead {
            let kind = EventKind::LeadChanged {
                side: Some(c.lead.0),
                person: Some(lead_person),
            };
            self.tl
                .add(at(shift(self.today, day), 9 * 60 + 45), cs, f, kind);
        }
        Ok(lead_person)
    }

    /// The intake on `day`: its status line and the consents asked then (those not asked get no
    /// line and no date).
    fn case_intake(
        &mut self,
        c: &'static Casus,
        (cs, f): (Option<CaseId>, Option<FamilyId>),
        day: NaiveDate,
    ) -> Result<Vec<Consent>, StoreError> {
        let (from, to) = (CaseStatus::Aangemeld, CaseStatus::Intake);
        let kind = EventKind::StatusChanged { from, to };
        self.tl.add(at(day, 13 * 60), cs, f, kind);
        let mut consents = Vec::new();
        for (k, (key, status, note)) in c.consents.iter().enumerate() {
            let (person, _) = self.person(key)?;
            let when = at(day, 13 * 60 + 20 + k as i64);
            let asked = *status != ConsentStatus::NietGevraagd;
            if asked {
                let kind = EventKind::ConsentSet {
                    person,
                    status: *status,
                };
                self.tl.add(when, cs, f, kind);
            }
            consents.push(Consent {
                person,
                status: *status,
                date: asked.then_some(day),
                note: (*note).into(),
                given_by: String::new(),
            });
        }
        Ok(consents)
    }

    /// A closed (and maybe reopened) case: its timeline lines and its closing.
    fn case_closings(
        &mut self,
        c: &'static Casus,
        (cs, f): (Option<CaseId>, Option<FamilyId>),
    ) -> Vec<Closing> {
        let mut closings = Vec::new();
        if let Some((closed, outcome, reopened)) = c.closing {
            let closed = shift(self.today, closed);
            let reopened = reopened.map(|r| shift(self.today, r));
            self.tl
                .add(at(closed, 16 * 60), cs, f, EventKind::Closed { outcome });
            if let Some(r) = reopened {
                self.tl.add(at(r, 9 * 60 + 30), cs, f, EventKind::Reopened);
            }
            closings.push(Closing {
                closed,
                outcome,
                reopened,
            });
        }
        closings
    }

    fn action(
        &mut self,
        case: CaseId,
        family: FamilyId,
        key: &'static str,
        j: usize,
        act: &Act,
    ) -> Result<(), StoreError> {
        let today = self.today;
        let Act(text, owner, created, deadline, done, meeting) = *act;
        let (owner, side) = self.person(owner)?;
        let id = self.ch.action_id();
        let (cs, f) = (Some(case), Some(family));
        // Agreed in a meeting: created while the case was discussed there.
        let in_meeting = meeting.and_then(|m| Some((m, item_start(today, m, key)?)));
        let created = match in_meeting {
            Some((m, start)) => {
                self.added.entry((m, key)).or_default().push(id);
                start + Duration::seconds(90 + 30 * j as i64)
            }
            None => at(shift(today, created), 14 * 60 + 4 * j as i64),
        };
        self.tl
            .add(created, cs, f, EventKind::ActionAdded { action: id });
        let done = match done {
            Some(d) => {
                // Done on a meeting day for a case on its agenda: ticked off in the meeting.
                let ticked_in = MEETINGS
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| o.day == d)
                    .find_map(|(m, _)| Some((m, item_start(today, m, key)?)));
                let when = match ticked_in {
                    Some((m, start)) => {
                        self.ticked.entry((m, key)).or_default().push(id);
                        start + Duration::seconds(60)
                    }
                    None => at(shift(today, d), 15 * 60 + 30 + j as i64),
                };
                self.tl
                    .add(when, cs, f, EventKind::ActionDone { action: id });
                Some(Done::new(when, Some(owner)))
            }
            None => None,
        };
        self.ch.put_action(Action {
            id,
            case,
            text: text.into(),
            owner: Some(owner),
            side,
            deadline: Some(shift(today, deadline)),
            created,
            meeting: meeting.and_then(|m| self.meetings.get(m).copied()),
            done,
        });
        self.summary.actions += 1;
        Ok(())
    }

    fn meeting(&mut self, m: usize, overleg: &Overleg) -> Result<(), StoreError> {
        let Some(id) = self.meetings.get(m).copied() else {
            return Ok(());
        };
        let date = shift(self.today, overleg.day);
        let started = at(date, MEETING_START_MINUTES);
        let mut attendees = vec![self.person("ib")?.0, self.person("gc")?.0];
        for guest in overleg.guests {
            attendees.push(self.person(guest)?.0);
        }
        self.tl.add(
            started,
            None,
            None,
            EventKind::MeetingStarted { meeting: id },
        );
        let mut items = Vec::new();
        let mut clock = started;
        for it in overleg.items {
            let (case, family) = self
                .cases
                .get(it.case)
                .copied()
                .ok_or_else(|| StoreError::from(DemoGap::Case(it.case.into())))?;
            let (cs, f) = (Some(case), Some(family));
            self.tl
                .add(clock, cs, f, EventKind::Discussed { meeting: id });
            let n = it.agreements.len() as i64 + 1;
            let mut agreements = Vec::new();
            for (k, text) in it.agreements.iter().enumerate() {
                let at = clock + Duration::seconds(i64::from(it.seconds) * (k as i64 + 1) / n);
                let text = (*text).to_string();
                let kind = EventKind::AgreementRecorded {
                    meeting: id,
                    text: text.clone(),
                };
                self.tl.add(at, cs, f, kind);
                agreements.push(Agreement { text, at });
            }
            items.push(AgendaItem {
                case,
                reasons: it.reasons.to_vec(),
                notes: it.notes.into(),
                agreements,
                actions_added: self.added.remove(&(m, it.case)).unwrap_or_default(),
                actions_done: self.ticked.remove(&(m, it.case)).unwrap_or_default(),
                timebox_minutes: 10,
                seconds_spent: it.seconds,
                discussed: true,
            });
            clock += Duration::seconds(i64::from(it.seconds) + PAUSE_SECONDS);
        }
        let ended = clock.max(started + Duration::minutes(50));
        self.tl
            .add(ended, None, None, EventKind::MeetingEnded { meeting: id });
        self.ch.put_meeting(Meeting {
            id,
            date,
            attendees,
            items,
            started: Some(started),
            ended: Some(ended),
            current: 0,
        });
        self.summary.meetings += 1;
        Ok(())
    }
}
