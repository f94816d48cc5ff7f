//! Messages: what a key (or a paste) asks for, with its targets bound. `resolve` makes one from
//! a key and the screen it was pressed on; `update` carries it out. Nothing after `resolve` looks
//! at the context again.

use super::app::Screen;
use super::form::FormKind;
use crate::domain::{ActionId, CaseId, FamilyId, PersonId};
use crate::i18n::Text;

/// A move of a selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
}

impl Step {
    /// Where a selection at `at` in a list of `len` ends up.
    pub fn apply(self, at: usize, len: usize) -> usize {
        let last = len.saturating_sub(1);
        match self {
            Step::Up => at.saturating_sub(1),
            Step::Down => (at + 1).min(last),
            Step::Top => 0,
            Step::Bottom => last,
            Step::PageUp => at.saturating_sub(10),
            Step::PageDown => (at + 10).min(last),
        }
    }
}

/// The list a selection moves in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Cases,
    Kaart,
    Acties,
    /// The agenda draft.
    Agenda,
    /// The open actions of the case under discussion.
    WalkThrough,
    /// The page on top (case, family, person).
    Page,
    /// The lookup's hits.
    Lookup,
    /// A text popup (help, history, the summary): its scroll.
    Popup,
}

/// A step of a case-list filter or its sort.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseFilterStep {
    Status,
    Side,
    Flagged,
    School,
    Sort,
}

/// A step of a filter on screen 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActiesFilterStep {
    Due,
    Mine,
    Side,
    ShowDone,
}

/// An edit inside the focused field of a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldEdit {
    NextField,
    PrevField,
    /// PgDn / PgUp: the next or previous part of a form with parts (the intake's carers).
    NextSection,
    PrevSection,
    /// A line break in free text.
    NewLine,
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Quit,
    /// Closes the page on top; with none open, quits.
    Back,
    /// Esc: clears the status line, or closes the page on top.
    Cancel,
    /// Any key after `b`: the screen comes back, and nothing else happens.
    Unblank,
    /// The answer to the question at the start with the beamer theme: privacy mode on or off.
    PrivacyAnswer(bool),
    Help,
    Lookup {
        add_to_agenda: bool,
    },
    Privacy,
    Blank,
    NextTheme,
    Show(Screen),
    Select(List, Step),
    Pane {
        forward: bool,
    },
    CaseFilter(CaseFilterStep),
    ActiesFilter(ActiesFilterStep),
    /// Opens a case; `then_edit` opens its edit form over the card.
    OpenCase {
        id: CaseId,
        then_edit: bool,
    },
    OpenFamily(FamilyId),
    OpenPerson(PersonId),
    OpenForm(FormKind),
    /// Nothing to do but say why (e.g. "choose an action first").
    Say(Text),
    /// The welcome on an empty store: the demo data.
    LoadDemo,
    /// The welcome on an empty store: a first case.
    FirstCase,
    /// Erasing a family: open the question for it.
    AskForget(FamilyId),
    /// A key while the question to erase a family is open.
    Forget(super::forget::ForgetMsg),
    /// Changes the store: one commit each.
    Change(ChangeMsg),
    /// A key of screen 5 (Monitor).
    Monitor(super::monitor::MonitorStep),
    /// Runs the meeting on screen 1.
    Meeting(MeetingMsg),
    /// Acts in the popup on show (a form, the lookup, a question).
    Popup(PopupMsg),
}

/// A change of the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeMsg {
    Undo,
    SetDone {
        action: ActionId,
        /// The action's case: whose text the status line quotes.
        case: CaseId,
        done: bool,
        text: String,
    },
    /// `d` in the walk-through: done, and in the minutes.
    MeetingDone {
        case: CaseId,
        action: ActionId,
        text: String,
    },
    Flag(CaseId),
    Reopen(CaseId),
}

/// The agenda draft and the running meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MeetingMsg {
    /// Screen 1: the running meeting, or the agenda draft.
    ShowMeeting,
    StartMeeting,
    /// Moves an agenda draft's item from one place to another.
    AgendaMove {
        from: usize,
        to: usize,
    },
    AgendaRemove(usize),
    /// Changes an agenda item's timebox by `minutes`.
    Timebox {
        item: usize,
        minutes: i32,
    },
    /// The walk-through moves to the next or previous item.
    GoItem {
        forward: bool,
    },
    /// `E`: the minutes so far, to end the meeting with Enter.
    EndMeeting,
    /// Enter on the minutes: the meeting ends.
    ConfirmEnd,
    History,
}

/// What a popup does with a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PopupMsg {
    ClosePopup,
    Edit(FieldEdit),
    Submit,
    /// Ctrl-C in a form: asks first when something was typed.
    QuitForm,
    /// Any key but yes while asked whether to throw away typed text: back to the form.
    BackToForm,
    /// Yes: the typed text is thrown away, and tandem quits.
    Discard,
    /// Yes: the action is saved for its owner, though the family gave no consent for them.
    ConfirmConsent,
    /// Yes: the export replaces the file that exists.
    ConfirmOverwrite,
    LookupBackspace,
    /// Enter in the lookup: opens the hit, or puts it on the agenda.
    LookupChoose,
    /// Text typed into the lookup or a form.
    Type(char),
    Paste(String),
}
