//! Random sequences of the changes people make, checked against a model kept by hand: after
//! every sequence the records equal the model, `check()` finds nothing, the derived rows equal
//! what the records say, and an export of the store would be accepted by import.

use crate::common::*;
use chrono::{Days, NaiveDate, NaiveDateTime};
use proptest::prelude::*;
use std::collections::BTreeMap;
use tandem::domain::{
    Action, ActionId, ActionSummary, Case, CaseId, CaseStatus, Done, Family, FamilyId, Outcome,
    PersonId, Side,
};
use tandem::store::{export::validate, Store, Undo};

#[derive(Debug, Clone)]
enum Op {
    NewFamily {
        kids: u8,
    },
    NewCase {
        family: u16,
        child: u8,
    },
    NewAction {
        case: u16,
        zorg: bool,
        owner: Option<u8>,
        deadline: Option<i8>,
    },
    EditDeadline {
        action: u16,
        deadline: Option<i8>,
    },
    SetDone {
        action: u16,
        done: bool,
    },
    Status {
        case: u16,
        status: u8,
    },
    CloseOrReopen {
        case: u16,
        outcome: u8,
    },
    EditChild {
        family: u16,
        child: u8,
        groep: u8,
        rename: bool,
    },
    MoveCase {
        case: u16,
        family: u16,
        child: u8,
    },
    DeleteCase {
        case: u16,
    },
    Undo,
}

fn op() -> impl Strategy<Value = Op> {
    let idx = any::<u16>();
    let deadline = proptest::option::weighted(0.8, -40i8..80);
    prop_oneof![
        2 => (1u8..4).prop_map(|kids| Op::NewFamily { kids }),
        4 => (idx, any::<u8>()).prop_map(|(family, child)| Op::NewCase { family, child }),
        8 => (idx, any::<bool>(), proptest::option::of(0u8..8), deadline.clone())
            .prop_map(|(case, zorg, owner, deadline)| Op::NewAction { case, zorg, owner, deadline }),
        3 => (idx, deadline).prop_map(|(action, deadline)| Op::EditDeadline { action, deadline }),
        5 => (idx, proptest::bool::weighted(0.7)).prop_map(|(action, done)| Op::SetDone { action, done }),
        2 => (idx, 0u8..3).prop_map(|(case, status)| Op::Status { case, status }),
        2 => (idx, 0u8..4).prop_map(|(case, outcome)| Op::CloseOrReopen { case, outcome }),
        2 => (idx, any::<u8>(), 1u8..9, any::<bool>())
            .prop_map(|(family, child, groep, rename)| Op::EditChild { family, child, groep, rename }),
        1 => (idx, idx, any::<u8>()).prop_map(|(case, family, child)| Op::MoveCase { case, family, child }),
        1 => idx.prop_map(|case| Op::DeleteCase { case }),
        2 => Just(Op::Undo),
    ]
}

/// The records as they should be, kept by hand beside the store.
#[derive(Debug, Clone, Default, PartialEq)]
struct Model {
    families: BTreeMap<FamilyId, Family>,
    cases: BTreeMap<CaseId, Case>,
    actions: BTreeMap<ActionId, Action>,
}

fn pick<K: Copy, V>(map: &BTreeMap<K, V>, i: u16) -> Option<K> {
    (!map.is_empty()).then(|| {
        *map.keys()
            .nth(usize::from(i) % map.len())
            .expect("in range")
    })
}

fn offset(days: Option<i8>) -> Option<NaiveDate> {
    days.map(|d| {
        let n = Days::new(u64::from(d.unsigned_abs()));
        if d < 0 {
            today() - n
        } else {
            today() + n
        }
    })
}

struct Run {
    store: Store,
    model: Model,
    persons: Vec<PersonId>,
    /// The last change and the model before it.
    last: Option<(Undo, Model)>,
    now: NaiveDateTime,
}

const STATUSES: [CaseStatus; 3] = [
    CaseStatus::Aangemeld,
    CaseStatus::Intake,
    CaseStatus::Lopend,
];
const NAMES: [&str; 6] = ["Çelik", "Nguyễn", "El Idrissi", "王", "Zoë 🦄", "de Vries"];

impl Run {
    fn save_case(&mut self, case: Case) -> Option<Undo> {
        let old = self.model.cases.get(&case.id);
        if old == Some(&case) {
            return Some(self.store.save_case(self.now, case).expect("save case"));
        }
        let mut stored = case.clone();
        stored.last_activity = self.now;
        self.model.cases.insert(case.id, stored);
        Some(self.store.save_case(self.now, case).expect("save case"))
    }

    fn save_action(&mut self, action: Action) -> Undo {
        if self.model.actions.get(&action.id) != Some(&action) {
            if let Some(c) = self.model.cases.get_mut(&action.case) {
                c.last_activity = self.now;
            }
            self.model.actions.insert(action.id, action.clone());
        }
        self.store
            .save_action(self.now, action)
            .expect("save action")
    }

    fn apply(&mut self, op: &Op) {
        self.now += chrono::Duration::minutes(1);
        let before = self.model.clone();
        let now = self.now;
        let undo = match *op {
            Op::NewFamily { kids } => Some(self.do_new_family(kids)),
            Op::NewCase { family, child } => self.do_new_case(family, child),
            Op::NewAction {
                case,
                zorg,
                owner,
                deadline,
            } => self.do_new_action(case, zorg, owner, deadline),
            Op::EditDeadline { action, deadline } => pick(&self.model.actions, action).map(|a| {
                let mut a = self.model.actions[&a].clone();
                a.deadline = offset(deadline);
                self.save_action(a)
            }),
            Op::SetDone { action, done } => self.do_set_done(action, done),
            Op::Status { case, status } => pick(&self.model.cases, case).and_then(|id| {
                let mut c = self.model.cases[&id].clone();
                if c.status == CaseStatus::Afgesloten {
                    return None;
                }
                c.status = STATUSES[usize::from(status)];
                self.save_case(c)
            }),
            Op::CloseOrReopen { case, outcome } => pick(&self.model.cases, case).and_then(|id| {
                let mut c = self.model.cases[&id].clone();
                if !c.close(now.date(), Outcome::ALL[usize::from(outcome)]) {
                    c.reopen(now.date());
                }
                self.save_case(c)
            }),
            Op::EditChild {
                family,
                child,
                groep,
                rename,
            } => self.do_edit_child(family, child, groep, rename),
            Op::MoveCase {
                case,
                family,
                child,
            } => self.do_move_case(case, family, child),
            Op::DeleteCase { case } => pick(&self.model.cases, case).map(|id| {
                self.model.cases.remove(&id);
                self.model.actions.retain(|_, a| a.case != id);
                self.store.delete_case(id).expect("delete case")
            }),
            Op::Undo => {
                if let Some((undo, model)) = self.last.take() {
                    self.store.undo(undo, now).expect("undo");
                    self.model = model;
                }
                return;
            }
        };
        if let Some(undo) = undo {
            self.last = Some((undo, before));
        }
    }

    fn do_new_family(&mut self, kids: u8) -> Undo {
        let now = self.now;
        let mut ids = self.store.begin();
        let id = ids.family_id();
        let n = self.model.families.len();
        let children = (0..kids)
            .map(|k| child(ids.child_id(), NAMES[(n + usize::from(k)) % 6], "Test", "1"))
            .collect();
        let family = Family {
            id,
            name: format!("Gezin {n}"),
            carers: vec![carer("Ouder", "moeder")],
            children,
            network: vec![involvement(
                self.persons[n % self.persons.len()],
                "gezinscoach",
            )],
        };
        self.model.families.insert(id, family.clone());
        self.store.save_family(now, family).expect("save family")
    }

    fn do_new_case(&mut self, family: u16, child: u8) -> Option<Undo> {
        let now = self.now;
        pick(&self.model.families, family).map(|f| {
            let kids = &self.model.families[&f].children;
            let kid = kids[usize::from(child) % kids.len()].id;
            let id = self.store.begin().case_id();
            let case = new_case(id, f, kid, &format!("Vraag {id}"), now);
            self.model.cases.insert(id, case.clone());
            self.store.save_case(now, case).expect("save case")
        })
    }

    fn do_new_action(
        &mut self,
        case: u16,
        zorg: bool,
        owner: Option<u8>,
        deadline: Option<i8>,
    ) -> Option<Undo> {
        let now = self.now;
        pick(&self.model.cases, case).map(|c| {
            let id = self.store.begin().action_id();
            let side = if zorg { Side::Zorg } else { Side::Onderwijs };
            let owner = owner.and_then(|o| self.persons.get(usize::from(o)).copied());
            let text = format!("Actie {id} 🙂");
            self.save_action(new_action(
                id,
                c,
                &text,
                (owner, side),
                offset(deadline),
                now,
            ))
        })
    }

    fn do_set_done(&mut self, action: u16, done: bool) -> Option<Undo> {
        let now = self.now;
        pick(&self.model.actions, action).map(|id| {
            let mut a = self.model.actions[&id].clone();
            // Marking done what is done (or open what is open) changes nothing.
            if a.done.is_some() != done {
                a.done = done.then(|| Done::new(now, None));
                self.model.actions.insert(id, a.clone());
                self.model
                    .cases
                    .get_mut(&a.case)
                    .expect("case")
                    .last_activity = now;
            }
            let (saved, undo) = self
                .store
                .set_action_done(now, id, done, None)
                .expect("set done");
            assert_eq!(saved, a);
            undo
        })
    }

    fn do_edit_child(&mut self, family: u16, child: u8, groep: u8, rename: bool) -> Option<Undo> {
        let now = self.now;
        pick(&self.model.families, family).map(|f| {
            let mut fam = self.model.families[&f].clone();
            let n = fam.children.len();
            let kid = &mut fam.children[usize::from(child) % n];
            kid.groep = groep.to_string();
            if rename {
                kid.first_name.push('ë');
            }
            self.model.families.insert(f, fam.clone());
            self.store.save_family(now, fam).expect("save family")
        })
    }

    fn do_move_case(&mut self, case: u16, family: u16, child: u8) -> Option<Undo> {
        pick(&self.model.cases, case).and_then(|id| {
            // To another child, maybe of another family (registered in the wrong place).
            let f = pick(&self.model.families, family)?;
            let kids = &self.model.families[&f].children;
            let mut c = self.model.cases[&id].clone();
            (c.family, c.child) = (f, kids[usize::from(child) % kids.len()].id);
            self.save_case(c)
        })
    }

    fn verify(&self) -> Result<(), TestCaseError> {
        let s = &self.store;
        let report = s.check().expect("check runs");
        prop_assert!(report.is_ok(), "check: {:#?}", report.problems);
        let m = &self.model;
        prop_assert_eq!(
            &s.families().unwrap(),
            &m.families.values().cloned().collect::<Vec<_>>()
        );
        prop_assert_eq!(
            &s.cases().unwrap(),
            &m.cases.values().cloned().collect::<Vec<_>>()
        );
        prop_assert_eq!(
            &s.actions().unwrap(),
            &m.actions.values().cloned().collect::<Vec<_>>()
        );

        let actions: Vec<Action> = m.actions.values().cloned().collect();
        let rows = s.case_rows().unwrap();
        prop_assert_eq!(rows.len(), m.cases.len());
        for row in &rows {
            let case = &m.cases[&row.id];
            let want = expected_case_row(case, &m.families[&case.family], &actions);
            prop_assert_eq!(row, &want);
        }
        for done in [false, true] {
            let mut want: Vec<ActionSummary> = actions
                .iter()
                .filter(|a| a.done.is_some() == done)
                .map(|a| self.expected_action_row(a))
                .collect();
            want.sort_by_key(due_order);
            prop_assert_eq!(&s.action_rows(done, None, None).unwrap(), &want);
            let yesterday = today().pred_opt().unwrap();
            let overdue: Vec<ActionSummary> = want
                .iter()
                .filter(|r| r.deadline.is_some_and(|d| d <= yesterday))
                .cloned()
                .collect();
            prop_assert_eq!(
                &s.action_rows(done, None, Some(yesterday)).unwrap(),
                &overdue
            );
            let later: Vec<ActionSummary> = want
                .iter()
                .filter(|r| r.deadline.is_none_or(|d| d >= today()))
                .cloned()
                .collect();
            prop_assert_eq!(&s.action_rows(done, Some(today()), None).unwrap(), &later);
        }
        let doc = s.export().unwrap();
        prop_assert!(
            validate(&doc).is_ok(),
            "export refused: {:?}",
            validate(&doc)
        );
        Ok(())
    }

    fn expected_action_row(&self, a: &Action) -> ActionSummary {
        let case = &self.model.cases[&a.case];
        let family = &self.model.families[&case.family];
        let kid = family
            .children
            .iter()
            .find(|c| c.id == case.child)
            .expect("child");
        ActionSummary {
            id: a.id,
            case: a.case,
            child_name: format!("{} {}", kid.first_name, kid.last_name),
            groep: kid.groep.clone(),
            text: a.text.clone(),
            owner: a.owner,
            side: a.side,
            deadline: a.deadline,
            done: a.done.as_ref().map(|d| d.at),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        max_shrink_iters: 200,
        // A failure prints its minimal input; no regression file is left in tests/.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_changes_keep_the_store_consistent(ops in proptest::collection::vec(op(), 1..120)) {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(dir.path()).expect("open");
        let t0 = at(day(2026, 9, 1), 8, 0);
        let persons = (0..4)
            .map(|i| {
                let side = if i % 2 == 0 { Side::Onderwijs } else { Side::Zorg };
                add_person(&mut store, t0, &format!("Persoon {i} Çelik"), "rol", side)
            })
            .collect();
        let mut run = Run { store, model: Model::default(), persons, last: None, now: t0 };
        for op in &ops {
            run.apply(op);
        }
        run.verify()?;
        // And all of it survives a restart.
        let Run { store, model, persons, now, .. } = run;
        drop(store);
        let store = reopen(dir.path());
        let run = Run { store, model, persons, last: None, now };
        run.verify()?;
    }
}
