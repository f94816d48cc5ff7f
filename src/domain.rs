//! Pure types and rules of the tandem's case book, in the words of the glossary. No I/O here:
//! "today" and "now" are always passed in.

pub mod action;
pub mod agenda;
pub mod case;
pub mod dates;
pub mod diff;
pub mod event;
pub mod fact;
pub mod family;
pub mod ids;
pub mod meeting;
pub mod monitor;
pub mod person;
pub mod summary;
pub mod text;

pub use action::{Action, Done};
pub use case::{Case, CaseStatus, Closing, Consent, ConsentStatus, Lead, Outcome, SignalSource};
pub use event::{Event, EventKind, FieldChange};
pub use fact::ActionFact;
pub use family::{Carer, Child, Family, Involvement};
pub use ids::{ActionId, CaseId, ChildId, EventId, FamilyId, MeetingId, PersonId};
pub use meeting::{AgendaItem, Agreement, Meeting, Reason};
pub use person::{Person, Side};
pub use summary::{ActionEntry, ActionSummary, CaseSummary, OpenTally};
