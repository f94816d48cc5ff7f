//! The fuzzy lookup (`/`): children (with a case or without), families, carers, professionals
//! (by name, role or organisation) and case questions in one list.
//!
//! Matching runs on a worker thread, so the typed letter shows in the very next frame whatever
//! the store's size; the worker answers only the newest query, narrows the previous hits when the
//! query grows, skips entries that cannot match with a cheap in-order letter test, and splits the
//! rest over both cores. Names are folded (Ç→c, ễ→e) one letter for one letter, so "celik" finds
//! "Çelik" and the highlighted positions still line up with what is shown.

pub mod update;
pub mod view;

pub use update::{backspace, choose, open, poll, select, type_char};

use super::cases::Rows;
use crate::domain::text::fold;
use crate::domain::{CaseId, CaseSummary, ChildId, Family, FamilyId, Person, PersonId};
use crate::store::FamilyReader;
use std::borrow::Borrow;
use std::collections::HashMap;
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Arc;

mod entries;
mod ranking;
mod score;
mod sig;
mod tiers;
pub use entries::{Builder, Entries};
pub use ranking::{Ranker, Ranking};
pub use score::{hits, matches, matches_until, search, search_on};
pub use tiers::Matched;

/// How many hits the list shows.
pub const MAX_HITS: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Child,
    Family,
    /// A parent or other carer of a family.
    Carer,
    Person,
    Question,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Family(FamilyId, Option<CaseId>),
    Person(PersonId),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub kind: Kind,
    pub label: String,
    pub detail: String,
    pub target: Target,
    pub score: i64,
    /// Char positions in the label to highlight.
    pub positions: Vec<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Results {
    pub generation: u64,
    pub query: String,
    pub hits: Vec<Hit>,
    /// How many entries matched in all (the list shows the best [`MAX_HITS`]).
    pub total: usize,
}

/// What the lookup popup holds.
#[derive(Debug, Clone, Default)]
pub struct LookupState {
    /// Enter adds the case to the agenda instead of opening the family.
    pub add_to_agenda: bool,
    pub query: String,
    pub results: Results,
    pub selected: usize,
    pub generation: u64,
}

impl LookupState {
    pub fn pending(&self) -> bool {
        self.results.generation != self.generation
    }
}

/// Builds the entries from the case rows and the sociale kaart, and from the families when
/// `families` is given: their carers, and their children who have no case.
pub fn entries<R: Borrow<CaseSummary>>(
    rows: &[R],
    persons: &[Person],
    families: Option<&FamilyReader>,
) -> Entries {
    // Children, families and questions of the cases, the people, and about two carers and a
    // child without a case per family.
    let mut out = Builder::with_capacity(rows.len() * 5 + persons.len());
    // The entry of each child with a case and of each family, which details name.
    let mut children: HashMap<ChildId, usize> = HashMap::new();
    let mut listed: HashMap<FamilyId, usize> = HashMap::new();
    for p in persons {
        out.push(
            Kind::Person,
            &p.name,
            (format_args!("{} · {}", p.role, p.organisation), None),
            Target::Person(p.id),
            &fold(&format!("{} {}", p.role, p.organisation)),
        );
    }
    for r in rows.iter().map(R::borrow) {
        let target = Target::Family(r.family, Some(r.id));
        // A new family's entry comes right after its first child's.
        let family = match listed.get(&r.family) {
            Some(at) => *at,
            None if children.contains_key(&r.child) => out.pushed(),
            None => out.pushed() + 1,
        };
        if let std::collections::hash_map::Entry::Vacant(v) = children.entry(r.child) {
            v.insert(out.pushed());
            let groep = (format_args!("groep {}", r.groep), Some(family));
            out.push(Kind::Child, &r.child_name, groep, target, "");
        }
        if let std::collections::hash_map::Entry::Vacant(v) = listed.entry(r.family) {
            v.insert(out.pushed());
            let none = (format_args!(""), None);
            out.push(
                Kind::Family,
                &r.family_name,
                none,
                Target::Family(r.family, None),
                "",
            );
        }
        let child = children.get(&r.child).copied();
        out.push(
            Kind::Question,
            &r.question,
            (format_args!(""), child),
            target,
            "",
        );
    }
    if let Some(reader) = families {
        // A family that can't be read is reported where it is opened; here it only goes
        // unfound, and the rest is still found.
        let _ = reader.each(|f| family_entries(&f, &children, &listed, &mut out));
    }
    out.finish()
}

/// Every word of a family the lookup shows: its name, its carers with their relation, its
/// children with their groep. A change that leaves these alone needs no new entries.
pub fn family_words(f: &Family) -> Vec<String> {
    let mut words = vec![f.name.clone()];
    for c in &f.carers {
        words.push(c.name.clone());
        words.push(c.relation.clone());
    }
    for c in &f.children {
        words.push(c.full_name());
        words.push(c.groep.clone());
    }
    words
}

/// A family's carers, its children without a case, and the family itself when no case names
/// it.
fn family_entries(
    f: &Family,
    with_case: &HashMap<ChildId, usize>,
    listed: &HashMap<FamilyId, usize>,
    out: &mut Builder,
) {
    let target = Target::Family(f.id, None);
    let family = match listed.get(&f.id) {
        Some(at) => *at,
        None => {
            out.push(Kind::Family, &f.name, (format_args!(""), None), target, "");
            out.pushed() - 1
        }
    };
    for c in &f.carers {
        let relation = (format_args!("{}", c.relation), Some(family));
        out.push(Kind::Carer, &c.name, relation, target, "");
    }
    for c in f.children.iter().filter(|c| !with_case.contains_key(&c.id)) {
        let groep = (format_args!("groep {}", c.groep), Some(family));
        out.push(Kind::Child, &c.full_name(), groep, target, "");
    }
}

enum Job {
    Entries(Arc<Entries>),
    Build(Rows, Vec<Person>),
    Families(FamilyReader),
    Query(u64, String),
}

/// The worker's handle. The entries live on the worker only: building them for 50,000 cases
/// takes longer than a first frame may.
pub struct Lookup {
    jobs: Sender<Job>,
    results: Receiver<Results>,
}

impl std::fmt::Debug for Lookup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Lookup")
    }
}

impl Lookup {
    pub fn start(entries: Entries) -> Lookup {
        let lookup = Lookup::idle();
        let _ = lookup.jobs.send(Job::Entries(Arc::new(entries)));
        lookup
    }

    fn idle() -> Lookup {
        let (jobs, job_rx) = channel::<Job>();
        let (res_tx, results) = channel::<Results>();
        std::thread::spawn(move || worker(Arc::default(), job_rx, res_tx));
        Lookup { jobs, results }
    }

    /// Starts a worker that builds its entries from these rows in the background.
    pub fn start_from(rows: Rows, persons: Vec<Person>) -> Lookup {
        let lookup = Lookup::idle();
        lookup.rebuild(rows, persons);
        lookup
    }

    /// New data (after a change): the worker builds its entries again.
    pub fn rebuild(&self, rows: Rows, persons: Vec<Person>) {
        let _ = self.jobs.send(Job::Build(rows, persons));
    }

    /// From now on the worker reads the families too when it builds its entries (on its own
    /// thread: 40,000 families take longer than a first frame may).
    pub fn read_families(&self, reader: FamilyReader) {
        let _ = self.jobs.send(Job::Families(reader));
    }

    pub fn ask(&self, generation: u64, query: &str) {
        // A closed worker only means no results arrive; the popup then shows none.
        let _ = self.jobs.send(Job::Query(generation, query.to_string()));
    }

    /// The newest results that have arrived, if any.
    pub fn poll(&self) -> Option<Results> {
        self.results.try_iter().last()
    }

    /// Waits for results of `generation` (for tests and benchmarks).
    pub fn wait(&self, generation: u64) -> Option<Results> {
        while let Ok(r) = self.results.recv() {
            if r.generation >= generation {
                return Some(r);
            }
        }
        None
    }
}

fn worker(mut entries: Arc<Entries>, jobs: Receiver<Job>, out: Sender<Results>) {
    let mut families: Option<FamilyReader> = None;
    let mut ranker = Ranker::default();
    ranker.start(&entries);
    // The previous query and every entry it matched, to narrow when the query grows.
    let mut last: Option<(String, Matched)> = None;
    // A job that came in while the worker was idle and looked whether one had.
    let mut waiting: Option<Job> = None;
    loop {
        let job = match waiting.take() {
            Some(job) => job,
            None => match jobs.recv() {
                Ok(job) => job,
                Err(_) => return,
            },
        };
        let mut latest = Some(job);
        let mut query = None;
        // Only the newest query matters; older ones were typed over.
        while let Some(job) = latest.take() {
            match job {
                Job::Entries(e) => {
                    entries = e;
                    ranker.start(&entries);
                    last = None;
                }
                Job::Build(rows, persons) => {
                    // The old entries go first: no query is answered while these are built, and
                    // both at once were the lookup's peak.
                    ranker.stop();
                    last = None;
                    drop(std::mem::take(&mut entries));
                    entries = Arc::new(self::entries(&rows, &persons, families.as_ref()));
                    ranker.start(&entries);
                }
                Job::Families(reader) => families = Some(reader),
                Job::Query(g, q) => query = Some((g, q)),
            }
            latest = jobs.try_recv().ok();
        }
        let Some((generation, q)) = query else {
            continue;
        };
        let short = q.trim().chars().count() <= 2;
        let ranking = if short { ranker.wait() } else { ranker.get() };
        let (hits, total, ranked) = answer(&entries, ranking, q.trim(), &mut last);
        let results = Results {
            generation,
            query: q.clone(),
            hits,
            total,
        };
        if out.send(results).is_err() {
            return;
        }
        if ranked {
            // The ranking answered without finding every match, so a next letter would score
            // every entry again (27–30 ms at p99 at 50,000 cases, 84–110 ms at 200,000). While
            // nothing else is asked, every matching text is found now (at most one id per text),
            // and the next letter narrows from it.
            // A key that comes meanwhile stops it: that key is answered first, from all entries.
            let mut came: Option<Option<Job>> = None;
            let mut stop = || match jobs.try_recv() {
                Ok(job) => {
                    came = Some(Some(job));
                    true
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => false,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    came = Some(None);
                    true
                }
            };
            if !stop() {
                warm(&entries, q.trim(), &mut last, &mut stop);
            }
            match came {
                Some(Some(job)) => waiting = Some(job),
                Some(None) => return,
                None => {}
            }
        }
    }
}

/// Finds every entry query `q` matches and keeps them in `last`, narrowing from what `last`
/// held when `q` grows from it, unless `stop` says to stop first.
fn warm(
    entries: &Entries,
    q: &str,
    last: &mut Option<(String, Matched)>,
    stop: &mut dyn FnMut() -> bool,
) {
    let folded_q = fold(q);
    // Only which entries match: no scores, so little work beside the screen drawing the answer.
    // Stopped, `last` stays as it was: still right for what it says.
    if let Some(all) = matches_until(entries, &folded_q, narrowing(last, &folded_q), stop) {
        *last = Some((folded_q, all));
    }
}

/// The hits for query `q`, how many entries matched, and whether the ranking gave them: from
/// the ranking (once made) for one or two letters, else scored, narrowing `last` (the previous
/// query and its matches) when `q` grows from it.
fn answer(
    entries: &Entries,
    ranking: Option<&Ranking>,
    q: &str,
    last: &mut Option<(String, Matched)>,
) -> (Vec<Hit>, usize, bool) {
    let folded_q = fold(q);
    if let Some((best, total)) = ranking.and_then(|r| r.answer(&folded_q)) {
        // `last` stays: the query it holds may still be where a longer one starts.
        return (hits(entries, &folded_q, best), total, true);
    }
    let (hits, all) = search(entries, &folded_q, narrowing(last, &folded_q));
    let total = all.total();
    *last = Some((folded_q, all));
    (hits, total, false)
}

/// The matches of the previous query when `folded_q` grows from it: every match of `folded_q`
/// is among them.
fn narrowing<'a>(last: &'a Option<(String, Matched)>, folded_q: &str) -> Option<&'a Matched> {
    match last {
        Some((prev, hits)) if !prev.is_empty() && folded_q.starts_with(prev.as_str()) => Some(hits),
        _ => None,
    }
}

/// Entries as tests build them: a kind and a label each, pointing at person 1.
#[cfg(test)]
pub(crate) fn test_entries(list: &[(Kind, &str)]) -> Entries {
    test_builder(list).finish()
}

/// As [`test_entries`], for more entries to be pushed.
#[cfg(test)]
pub(crate) fn test_builder(list: &[(Kind, &str)]) -> Builder {
    let mut e = Builder::with_capacity(list.len());
    for (kind, label) in list {
        let none = (format_args!(""), None);
        e.push(*kind, label, none, Target::Person(PersonId(1)), "");
    }
    e
}

#[cfg(test)]
mod tests;
