//! From a key to a message, once: the context says which table of keys applies, and the state
//! under the cursor binds the message's targets (which case, which action). The only place the
//! screen context is worked out.

use super::app::{App, Page, Popup, Screen};
use super::case::{CasePage, CasePane};
use super::form::export::ExportWhat;
use super::form::FormKind;
use super::intent::{Context, Intent};
use super::keymap::{key_of, lookup as binding};
use super::monitor::MonitorStep;
use super::msg::{
    ActiesFilterStep, CaseFilterStep, ChangeMsg, FieldEdit, List, MeetingMsg, Msg, PopupMsg, Step,
};
use crate::domain::CaseStatus;
use crate::i18n::tui as t;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The message a key press means here and now; `None` when it means nothing.
pub fn key(app: &App, key: KeyEvent) -> Option<Msg> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if app.blank {
        return Some(Msg::Unblank);
    }
    if let Some(Popup::PrivacyOffer) = app.popup {
        return privacy_offer(key);
    }
    if app.welcome && app.popup.is_none() {
        return welcome(key);
    }
    let ctx = app.context();
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    if let Some(Popup::ConfirmDiscard(_)) = app.popup {
        // Asked only on Ctrl-C over typed text: yes throws the text away and quits.
        return Some(match key.code {
            KeyCode::Char('j' | 'J' | 'y' | 'Y') if plain => Msg::Popup(PopupMsg::Discard),
            _ => Msg::Popup(PopupMsg::BackToForm),
        });
    }
    if let Some(Popup::ConfirmClose(_)) = app.popup {
        // Asked on Esc over typed text: yes throws the text away, the form closes.
        return Some(match key.code {
            KeyCode::Char('j' | 'J' | 'y' | 'Y') if plain => Msg::Popup(PopupMsg::ClosePopup),
            KeyCode::Char('c') if !plain => Msg::Quit,
            _ => Msg::Popup(PopupMsg::BackToForm),
        });
    }
    if let Some(Popup::Forget(_)) = app.popup {
        return super::forget::key(key);
    }
    if let Some(Popup::ConfirmNoConsent(_)) = app.popup {
        // Yes saves the action for the owner without consent; anything else goes back.
        return Some(match key.code {
            KeyCode::Char('j' | 'J' | 'y' | 'Y') if plain => Msg::Popup(PopupMsg::ConfirmConsent),
            _ => Msg::Popup(PopupMsg::BackToForm),
        });
    }
    if let Some(Popup::ConfirmOverwrite(_)) = app.popup {
        return Some(match key.code {
            KeyCode::Char('j' | 'J' | 'y' | 'Y') if plain => Msg::Popup(PopupMsg::ConfirmOverwrite),
            _ => Msg::Popup(PopupMsg::BackToForm),
        });
    }
    match (key.code, ctx) {
        (KeyCode::Char(c), Context::Lookup | Context::Form) if plain => {
            Some(Msg::Popup(PopupMsg::Type(c)))
        }
        _ => intent(app, ctx, binding(ctx, key_of(&key))?),
    }
}

/// The empty store's first screen: demo data, a first case, or quit.
fn welcome(key: KeyEvent) -> Option<Msg> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match (key.code, ctrl) {
        (KeyCode::Char('c'), true) | (KeyCode::Char('q'), false) | (KeyCode::Esc, _) => {
            Some(Msg::Quit)
        }
        (KeyCode::Char('d'), false) => Some(Msg::LoadDemo),
        (KeyCode::Char('n'), false) => Some(Msg::FirstCase),
        _ => None,
    }
}

/// The question at the start with the beamer theme: Enter or yes turns privacy mode on, no or
/// Esc leaves it off, Ctrl-C quits; other keys wait for an answer.
fn privacy_offer(key: KeyEvent) -> Option<Msg> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match (key.code, ctrl) {
        (KeyCode::Char('c'), true) => Some(Msg::Quit),
        (KeyCode::Enter | KeyCode::Char('j' | 'J' | 'y' | 'Y'), false) => {
            Some(Msg::PrivacyAnswer(true))
        }
        (KeyCode::Esc | KeyCode::Char('n' | 'N'), false) => Some(Msg::PrivacyAnswer(false)),
        _ => None,
    }
}

fn step(i: Intent) -> Option<Step> {
    Some(match i {
        Intent::Up => Step::Up,
        Intent::Down => Step::Down,
        Intent::Top => Step::Top,
        Intent::Bottom => Step::Bottom,
        Intent::PageUp => Step::PageUp,
        Intent::PageDown => Step::PageDown,
        _ => return None,
    })
}

fn intent(app: &App, ctx: Context, i: Intent) -> Option<Msg> {
    match ctx {
        Context::Help => Some(popup(i)),
        Context::Summary => Some(match i {
            Intent::Submit => Msg::Meeting(MeetingMsg::ConfirmEnd),
            other => popup(other),
        }),
        Context::Lookup => lookup(i),
        Context::Form => form(i),
        Context::Agenda => agenda(app, i).or_else(|| anywhere(app, ctx, i)),
        Context::Meeting => meeting(app, i).or_else(|| anywhere(app, ctx, i)),
        _ => anywhere(app, ctx, i),
    }
}

/// A text popup (help, history, the minutes): scrolls, or closes.
fn popup(i: Intent) -> Msg {
    match i {
        Intent::Quit => Msg::Quit,
        Intent::Down => Msg::Select(List::Popup, Step::Down),
        Intent::Up => Msg::Select(List::Popup, Step::Up),
        _ => Msg::Popup(PopupMsg::ClosePopup),
    }
}

fn lookup(i: Intent) -> Option<Msg> {
    Some(match i {
        Intent::Quit => Msg::Quit,
        Intent::Cancel => Msg::Popup(PopupMsg::ClosePopup),
        Intent::Backspace => Msg::Popup(PopupMsg::LookupBackspace),
        Intent::Submit | Intent::Open => Msg::Popup(PopupMsg::LookupChoose),
        other => Msg::Select(List::Lookup, step(other)?),
    })
}

fn form(i: Intent) -> Option<Msg> {
    Some(match i {
        Intent::Quit => Msg::Popup(PopupMsg::QuitForm),
        Intent::Cancel => Msg::Popup(PopupMsg::ClosePopup),
        Intent::Submit => Msg::Popup(PopupMsg::Submit),
        Intent::NextField => Msg::Popup(PopupMsg::Edit(FieldEdit::NextField)),
        Intent::PrevField => Msg::Popup(PopupMsg::Edit(FieldEdit::PrevField)),
        Intent::Backspace => Msg::Popup(PopupMsg::Edit(FieldEdit::Backspace)),
        Intent::Delete => Msg::Popup(PopupMsg::Edit(FieldEdit::Delete)),
        Intent::Left => Msg::Popup(PopupMsg::Edit(FieldEdit::Left)),
        Intent::Right => Msg::Popup(PopupMsg::Edit(FieldEdit::Right)),
        Intent::Home => Msg::Popup(PopupMsg::Edit(FieldEdit::Home)),
        Intent::End => Msg::Popup(PopupMsg::Edit(FieldEdit::End)),
        Intent::PageDown => Msg::Popup(PopupMsg::Edit(FieldEdit::NextSection)),
        Intent::PageUp => Msg::Popup(PopupMsg::Edit(FieldEdit::PrevSection)),
        Intent::NewLine => Msg::Popup(PopupMsg::Edit(FieldEdit::NewLine)),
        _ => return None,
    })
}

/// Screen 1 before the meeting: the agenda draft.
fn agenda(app: &App, i: Intent) -> Option<Msg> {
    let m = app.meeting.as_ref()?;
    let at = m.selected;
    let len = m.meeting.items.len();
    Some(match i {
        Intent::MoveDown if at + 1 < len => Msg::Meeting(MeetingMsg::AgendaMove {
            from: at,
            to: at + 1,
        }),
        Intent::MoveUp if at > 0 && at < len => Msg::Meeting(MeetingMsg::AgendaMove {
            from: at,
            to: at - 1,
        }),
        Intent::MoveDown | Intent::MoveUp => return None,
        Intent::Remove => Msg::Meeting(MeetingMsg::AgendaRemove(at)),
        Intent::TimeboxUp => Msg::Meeting(MeetingMsg::Timebox {
            item: at,
            minutes: 1,
        }),
        Intent::TimeboxDown => Msg::Meeting(MeetingMsg::Timebox {
            item: at,
            minutes: -1,
        }),
        Intent::New => Msg::Lookup {
            add_to_agenda: true,
        },
        Intent::Open => Msg::OpenCase {
            id: m.meeting.items.get(at)?.case,
            then_edit: false,
        },
        Intent::History => Msg::Meeting(MeetingMsg::History),
        Intent::Up | Intent::Down | Intent::Top | Intent::Bottom => {
            Msg::Select(List::Agenda, step(i)?)
        }
        other => return screen_one(app, other),
    })
}

/// Screen 1 during the meeting: the walk-through of the current item's case.
fn meeting(app: &App, i: Intent) -> Option<Msg> {
    let m = app.meeting.as_ref()?;
    let item = m.meeting.current;
    let case = m.meeting.current_case();
    Some(match i {
        Intent::NextItem => Msg::Meeting(MeetingMsg::GoItem { forward: true }),
        Intent::PrevItem => Msg::Meeting(MeetingMsg::GoItem { forward: false }),
        Intent::TimeboxUp => Msg::Meeting(MeetingMsg::Timebox { item, minutes: 1 }),
        Intent::TimeboxDown => Msg::Meeting(MeetingMsg::Timebox { item, minutes: -1 }),
        Intent::New => Msg::Lookup {
            add_to_agenda: true,
        },
        Intent::EndMeeting => Msg::Meeting(MeetingMsg::EndMeeting),
        Intent::History => Msg::Meeting(MeetingMsg::History),
        Intent::Up | Intent::Down => Msg::Select(List::WalkThrough, step(i)?),
        Intent::AddAction => Msg::OpenForm(FormKind::NewAction(case?)),
        Intent::Agreement => Msg::OpenForm(FormKind::Agreement(case?)),
        Intent::Edit => Msg::OpenForm(FormKind::EditCase(case?)),
        Intent::CloseReopen => close_or_reopen(&m.page.as_ref()?.case),
        Intent::ToggleDone => match m.open_actions().get(m.action) {
            Some(a) => Msg::Change(ChangeMsg::MeetingDone {
                case: case?,
                action: a.id,
                text: a.text.clone(),
            }),
            None => Msg::Say(t::CHOOSE_ACTION),
        },
        Intent::Flag => Msg::Change(ChangeMsg::Flag(case?)),
        other => return screen_one(app, other),
    })
}

/// Keys that mean the same on the agenda and in the meeting: `#` goes to an item, `/` finds a
/// case and goes to its item (or puts it on the agenda), and `q` never quits from here (a
/// meeting is left with `E`; Ctrl-C still quits).
fn screen_one(app: &App, i: Intent) -> Option<Msg> {
    Some(match i {
        Intent::GoTo => Msg::OpenForm(FormKind::GoToItem),
        Intent::Attendees => Msg::OpenForm(FormKind::Attendees),
        Intent::Export => export_minutes(app),
        Intent::Lookup => Msg::Lookup {
            add_to_agenda: true,
        },
        Intent::Back => Msg::Say(t::NO_QUIT_HERE),
        _ => return None,
    })
}

/// `s` on screen 1: the running meeting's minutes (they say it still runs), else those of the
/// last meeting that ended.
fn export_minutes(app: &App) -> Msg {
    let running = app.meeting.as_ref().filter(|m| m.running());
    let id = running.map(|m| m.meeting.id).or_else(|| {
        app.meetings
            .iter()
            .filter(|m| m.ended.is_some())
            .max_by_key(|m| (m.date, m.id))
            .map(|m| m.id)
    });
    match id {
        Some(id) => Msg::OpenForm(FormKind::Export(ExportWhat::Minutes(id))),
        None => Msg::Say(crate::i18n::export_tui::NO_MINUTES),
    }
}

fn close_or_reopen(case: &crate::domain::Case) -> Msg {
    if case.status == CaseStatus::Afgesloten {
        Msg::Change(ChangeMsg::Reopen(case.id))
    } else {
        Msg::OpenForm(FormKind::CloseCase(case.id))
    }
}

/// Keys that mean the same on every page, then what the page on show adds.
fn anywhere(app: &App, ctx: Context, i: Intent) -> Option<Msg> {
    let list = match ctx {
        Context::Cases => List::Cases,
        Context::Kaart => List::Kaart,
        Context::Acties => List::Acties,
        _ => List::Page,
    };
    Some(match i {
        Intent::Quit => Msg::Quit,
        Intent::Help => Msg::Help,
        Intent::Lookup => Msg::Lookup {
            add_to_agenda: false,
        },
        // An encrypted store locks before the keymap is asked (`tui::lock`).
        Intent::Lock => Msg::Say(crate::i18n::help::NO_LOCK),
        Intent::Back => Msg::Back,
        Intent::Cancel => Msg::Cancel,
        Intent::Privacy => Msg::Privacy,
        Intent::Blank => Msg::Blank,
        Intent::Undo => Msg::Change(ChangeMsg::Undo),
        Intent::NextTheme => Msg::NextTheme,
        Intent::ScreenCases => Msg::Show(Screen::Cases),
        Intent::ScreenKaart => Msg::Show(Screen::Kaart),
        Intent::ScreenMonitor => Msg::Show(Screen::Monitor),
        Intent::ScreenActies => Msg::Show(Screen::Acties),
        Intent::ScreenOverleg => Msg::Meeting(MeetingMsg::ShowMeeting),
        Intent::StartMeeting => Msg::Meeting(MeetingMsg::StartMeeting),
        Intent::ChooseMe => Msg::OpenForm(FormKind::ChooseMe),
        Intent::Up
        | Intent::Down
        | Intent::Top
        | Intent::Bottom
        | Intent::PageUp
        | Intent::PageDown => Msg::Select(list, step(i)?),
        _ => match app.pages.last() {
            Some(page) => on_page(page, i)?,
            None => on_screen(app, ctx, i)?,
        },
    })
}

/// Screens 2, 3 and 4, with no page open over them.
fn on_screen(app: &App, ctx: Context, i: Intent) -> Option<Msg> {
    let row = || app.cases.selected_row();
    let action = || app.actions.selected_row();
    Some(match (ctx, i) {
        (Context::Cases, Intent::Open) => Msg::OpenCase {
            id: row()?.id,
            then_edit: false,
        },
        // Editing from the list opens the case first, so the form shows over its card.
        (Context::Cases, Intent::Edit) => Msg::OpenCase {
            id: row()?.id,
            then_edit: true,
        },
        (Context::Cases, Intent::New) => Msg::OpenForm(FormKind::NewCase),
        (Context::Cases, Intent::Flag) => Msg::Change(ChangeMsg::Flag(row()?.id)),
        (Context::Cases, Intent::FilterStatus) => Msg::CaseFilter(CaseFilterStep::Status),
        (Context::Cases, Intent::FilterSide) => Msg::CaseFilter(CaseFilterStep::Side),
        (Context::Cases, Intent::FilterFlag) => Msg::CaseFilter(CaseFilterStep::Flagged),
        (Context::Cases, Intent::FilterSchool) => Msg::CaseFilter(CaseFilterStep::School),
        (Context::Cases, Intent::Sort) => Msg::CaseFilter(CaseFilterStep::Sort),
        (Context::Monitor, Intent::MonitorPeriod) => Msg::Monitor(MonitorStep::Period),
        (Context::Monitor, Intent::FilterSchool) => Msg::Monitor(MonitorStep::School),
        (Context::Monitor, Intent::MonitorOwnPeriod) => Msg::OpenForm(FormKind::MonitorPeriod),
        (Context::Kaart, Intent::Open) => Msg::OpenPerson(app.persons.get(app.kaart_selected)?.id),
        (Context::Kaart, Intent::New) => Msg::OpenForm(FormKind::NewPerson),
        (Context::Kaart, Intent::Edit) => Msg::OpenForm(FormKind::EditPerson(
            app.persons.get(app.kaart_selected)?.id,
        )),
        (Context::Acties, Intent::Open) => Msg::OpenCase {
            id: action()?.case,
            then_edit: false,
        },
        (Context::Acties, Intent::Edit) => Msg::OpenForm(FormKind::EditAction(action()?.id)),
        (Context::Acties, Intent::ToggleDone) => match action() {
            Some(a) => Msg::Change(ChangeMsg::SetDone {
                action: a.id,
                case: a.case,
                done: !a.done,
                text: app
                    .actions
                    .whole(a)
                    .map(|w| w.text.clone())
                    .unwrap_or_default(),
            }),
            None => Msg::Say(t::CHOOSE_ACTION),
        },
        (Context::Acties, Intent::FilterDue) => Msg::ActiesFilter(ActiesFilterStep::Due),
        (Context::Acties, Intent::FilterMine) => Msg::ActiesFilter(ActiesFilterStep::Mine),
        (Context::Acties, Intent::FilterSide) => Msg::ActiesFilter(ActiesFilterStep::Side),
        (Context::Acties, Intent::ShowDone) => Msg::ActiesFilter(ActiesFilterStep::ShowDone),
        (Context::Acties, Intent::Export) => Msg::OpenForm(FormKind::Export(ExportWhat::Actions)),
        _ => return None,
    })
}

fn on_page(page: &Page, i: Intent) -> Option<Msg> {
    match page {
        Page::Case(p) => on_case(p, i),
        Page::Family(p) => Some(match i {
            Intent::Open => match p.cases.get(p.selected) {
                Some(c) => Msg::OpenCase {
                    id: c.id,
                    then_edit: false,
                },
                None => Msg::OpenPerson(
                    p.family
                        .network
                        .get(p.selected.checked_sub(p.cases.len())?)?
                        .person,
                ),
            },
            Intent::AddNetwork => Msg::OpenForm(FormKind::AddNetwork(p.family.id)),
            Intent::Edit => Msg::OpenForm(FormKind::EditFamily(p.family.id)),
            Intent::EndInvolvement => {
                let at = p.selected.checked_sub(p.cases.len())?;
                let person = p.family.network.get(at)?.person;
                Msg::OpenForm(FormKind::ChangeNetwork(p.family.id, person))
            }
            Intent::Forget => Msg::AskForget(p.family.id),
            _ => return None,
        }),
        Page::Person(p) => Some(match i {
            Intent::Open => Msg::OpenFamily(p.families.get(p.selected)?.0.id),
            Intent::Edit => Msg::OpenForm(FormKind::EditPerson(p.person.id)),
            _ => return None,
        }),
    }
}

fn on_case(p: &CasePage, i: Intent) -> Option<Msg> {
    let case = &p.case;
    let action = (p.pane == CasePane::Actions)
        .then(|| p.actions.get(p.selected))
        .flatten();
    let person = (p.pane == CasePane::Network)
        .then(|| p.family.as_ref()?.network.get(p.selected))
        .flatten()
        .map(|inv| inv.person);
    Some(match i {
        Intent::NextPane => Msg::Pane { forward: true },
        Intent::PrevPane => Msg::Pane { forward: false },
        Intent::Open => match person {
            Some(id) => Msg::OpenPerson(id),
            None => Msg::OpenFamily(case.family),
        },
        Intent::OpenFamily => Msg::OpenFamily(case.family),
        Intent::Edit => match action {
            Some(a) => Msg::OpenForm(FormKind::EditAction(a.id)),
            None => Msg::OpenForm(FormKind::EditCase(case.id)),
        },
        Intent::AddAction => Msg::OpenForm(FormKind::NewAction(case.id)),
        Intent::AddNetwork => Msg::OpenForm(FormKind::AddNetwork(case.family)),
        Intent::Consent => match person {
            Some(person) => Msg::OpenForm(FormKind::Consent(case.id, person)),
            None => Msg::Say(t::CHOOSE_NETWORK),
        },
        Intent::CloseReopen => close_or_reopen(case),
        Intent::Flag => Msg::Change(ChangeMsg::Flag(case.id)),
        Intent::Export => Msg::OpenForm(FormKind::Export(ExportWhat::CaseActions(case.id))),
        Intent::ToggleDone => match action {
            Some(a) => Msg::Change(ChangeMsg::SetDone {
                action: a.id,
                case: a.case,
                done: a.is_open(),
                text: a.text.clone(),
            }),
            None => Msg::Say(t::CHOOSE_ACTION),
        },
        _ => return None,
    })
}
