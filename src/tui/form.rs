//! Forms: a typed body per kind of form (named fields, typed choices and picks), edited the same
//! way whatever the kind. Which record a form builds lives in `form::save`, how it is filled in
//! `form::open`.

pub mod export;
pub mod field;
pub mod intake;
pub mod kinds;
pub mod open;
pub mod save;
pub mod view;

pub use field::{Choice, Field, FieldKind, PickId, PickOption};
pub use kinds::Body;

use crate::domain::dates::Lang;
use crate::domain::{ActionId, CaseId, FamilyId, PersonId};
use crate::i18n::Text;
use chrono::NaiveDate;

/// Which form to open, with what it is about. A message carries this; the form's body is built
/// from it by `form::open`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    NewCase,
    EditCase(CaseId),
    CloseCase(CaseId),
    NewAction(CaseId),
    EditAction(ActionId),
    Consent(CaseId, PersonId),
    AddNetwork(FamilyId),
    NewPerson,
    EditPerson(PersonId),
    EditFamily(FamilyId),
    /// Who this user is, for "Mijn acties" (a setting, not a record).
    ChooseMe,
    /// An agreement on the meeting's current item, about this case.
    Agreement(CaseId),
    /// End someone's involvement with a family, or take them out as a mistake.
    ChangeNetwork(FamilyId, PersonId),
    /// Which agenda item to go to, by number or name (a question, not a record).
    GoToItem,
    /// Who is at the meeting (for its minutes): names from the sociale kaart.
    Attendees,
    /// Screen 5's own period: from and to (a question, not a record).
    MonitorPeriod,
    /// Actions or minutes to a file (a question, not a record).
    Export(export::ExportWhat),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub title: Text,
    pub body: Body,
    pub focus: usize,
    /// A message about the whole form (e.g. the store refused).
    pub error: Option<String>,
    /// Something was typed; leaving asks first.
    pub dirty: bool,
    /// The family whose record the form is about: while it is open, privacy mode shows that
    /// family in full (the form was opened on purpose).
    pub about: Option<FamilyId>,
    /// A line above the fields that says what the form is about (whom a consent is for).
    pub intro: Option<crate::tui::privacy::Said>,
}

impl Form {
    pub fn new(title: Text, body: Body) -> Form {
        Form {
            title,
            body,
            focus: 0,
            error: None,
            dirty: false,
            about: None,
            intro: None,
        }
    }

    pub fn kind(&self) -> FormKind {
        self.body.kind()
    }

    /// The fields in the order they are shown and tabbed through.
    pub fn fields(&self) -> Vec<&Field> {
        self.body.fields()
    }

    pub fn focused(&mut self) -> Option<&mut Field> {
        let focus = self.focus;
        self.body.fields_mut().into_iter().nth(focus)
    }

    fn len(&self) -> usize {
        self.fields().len()
    }

    pub fn next(&mut self) {
        let n = self.len();
        if n > 0 {
            self.focus = (self.focus + 1) % n;
        }
    }

    pub fn prev(&mut self) {
        let n = self.len();
        if n > 0 {
            self.focus = (self.focus + n - 1) % n;
        }
    }

    /// PgDn: the first field of the next part (a carer, a network person); stays in the last.
    pub fn next_section(&mut self) {
        let starts = self.body.section_starts();
        if let Some(next) = starts.into_iter().find(|s| *s > self.focus) {
            self.focus = next;
        }
    }

    /// PgUp: the first field of this part, or of the one before when already there.
    pub fn prev_section(&mut self) {
        let starts = self.body.section_starts();
        if let Some(prev) = starts.into_iter().rev().find(|s| *s < self.focus) {
            self.focus = prev;
        }
    }

    /// After an edit: an empty row for one more carer or network person once the last is used;
    /// in the export dialog, a new format renames a file that ends in another format's extension.
    pub fn grow(&mut self) {
        if let Body::Export(_, f) = &mut self.body {
            return f.sync_extension();
        }
        let people = match &self.body {
            Body::NewCase(f) => f.network.first().map(|n| n.person.kind.clone()),
            _ => None,
        };
        let options = match people {
            Some(FieldKind::Pick(options)) => options,
            _ => Vec::new(),
        };
        self.body.grow(
            |n| kinds::CarerFields::new(n, None),
            |n| kinds::NetworkConsent::new(n, options.clone()),
        );
    }

    pub fn type_char(&mut self, c: char) {
        self.dirty = true;
        if let Some(f) = self.focused() {
            f.insert(c);
        }
        self.grow();
    }

    /// Ctrl-J: a line break in free text (Enter saves); a space in a one-line field (a paste
    /// without bracketed paste sends its line breaks as Ctrl-J).
    pub fn new_line(&mut self) {
        if let Some(f) = self.focused() {
            match f.kind {
                FieldKind::Text => f.insert('\n'),
                FieldKind::Choice(_) => return,
                _ => f.insert(' '),
            }
            self.dirty = true;
        }
    }

    /// A paste arrives whole: the focused field gets all of it, with line breaks only where free
    /// text allows them and a space for each elsewhere. Terminals send a pasted line break as
    /// CR (some as CR LF): each of those is one line break, never nothing ("regeltweede").
    pub fn paste(&mut self, text: &str) {
        self.dirty = true;
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        if let Some(field) = self.focused() {
            let text = if field.kind == FieldKind::Text {
                text
            } else {
                text.replace('\n', " ")
            };
            field.insert_str(&text);
        }
        self.grow();
    }

    /// Marks empty required fields and dates that can't be understood, and moves the focus to
    /// the first field marked. True when nothing is wrong: then the form can be saved.
    pub fn check(&mut self, today: NaiveDate, lang: Lang, required: &str) -> bool {
        for f in self.body.fields_mut() {
            if f.required && f.is_blank() {
                f.error = Some(required.to_string());
            } else if f.kind == FieldKind::Date {
                if let Err(e) = f.date(today, lang) {
                    f.error = Some(e);
                }
            }
        }
        match self.fields().iter().position(|f| f.error.is_some()) {
            Some(i) => {
                self.focus = i;
                false
            }
            None => true,
        }
    }

    /// Puts `message` under the field labelled `label` (labels are unique within a form) and
    /// moves there: a pick that matched no one.
    pub fn mark(&mut self, label: Text, message: &str) {
        let at = self.fields().iter().position(|f| f.label == label);
        if let Some(i) = at {
            self.focus = i;
            if let Some(f) = self.focused() {
                f.error = Some(message.to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kinds::PersonForm;

    fn person_form() -> Form {
        Form::new(Text::new("t", "t"), Body::NewPerson(PersonForm::new(None)))
    }

    #[test]
    fn required_fields_are_marked_and_focused() {
        let mut form = person_form();
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        assert!(!form.check(today, Lang::Nl, "verplicht"));
        assert_eq!(form.focus, 0, "the name comes first");
        assert_eq!(form.fields()[0].error.as_deref(), Some("verplicht"));
        form.type_char('A');
        form.next();
        form.type_char('B');
        for f in form.body.fields_mut() {
            f.error = None;
        }
        assert!(form.check(today, Lang::Nl, "verplicht"));
    }

    #[test]
    fn a_mark_lands_on_the_named_field() {
        let mut form = person_form();
        form.mark(crate::i18n::tui::L_EMAIL, "nee");
        let at = form.focus;
        assert_eq!(form.fields()[at].error.as_deref(), Some("nee"));
        assert_eq!(form.fields()[at].label, crate::i18n::tui::L_EMAIL);
    }

    #[test]
    fn a_paste_keeps_line_breaks_only_in_free_text() {
        let mut form = person_form();
        form.paste("regel\ntweede");
        assert_eq!(form.fields()[0].value, "regel tweede");
        form.focus = form.fields().len() - 1;
        form.paste("regel\r\ntweede");
        assert_eq!(form.fields()[form.focus].value, "regel\ntweede");
    }

    #[test]
    fn a_pasted_line_break_sent_as_cr_is_a_line_break_or_a_space() {
        let mut form = person_form();
        form.paste("regel\rtweede");
        assert_eq!(form.fields()[0].value, "regel tweede");
        form.focus = form.fields().len() - 1;
        form.paste("regel\rtweede\r\rderde");
        assert_eq!(form.fields()[form.focus].value, "regel\ntweede\n\nderde");
        form.new_line();
        assert!(form.fields()[form.focus].value.ends_with("derde\n"));
        form.focus = 0;
        form.new_line();
        assert!(form.fields()[0].value.ends_with("tweede "));
    }
}
