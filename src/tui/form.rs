//! A form: labelled fields with inline errors. Editing happens here; what a form means (which
//! record it builds) lives in `forms` and `submit`.

pub mod view;

use crate::domain::dates::{format_long, parse_date, Lang};
use crate::domain::text::fold;
use crate::domain::text::{clean_line, clean_text, MAX_LINE_CHARS, MAX_TEXT_CHARS};
use crate::domain::{ActionId, CaseId, FamilyId, PersonId};
use crate::i18n::Text;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickOption {
    pub id: u64,
    pub label: String,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    /// One line of text.
    Line,
    /// Free text; may be long (a pasted note), shown wrapped.
    Text,
    /// A date in the Dutch date entry; shows what it understood.
    Date,
    /// One of a few options, cycled with ←/→ or space.
    Choice(Vec<Text>),
    /// One of many (people, families), narrowed by typing; the best match is taken.
    Pick(Vec<PickOption>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: Text,
    pub kind: FieldKind,
    pub value: String,
    /// Cursor position in chars.
    pub cursor: usize,
    pub choice: usize,
    pub required: bool,
    pub error: Option<String>,
}

impl Field {
    pub fn new(label: Text, kind: FieldKind) -> Field {
        Field {
            label,
            kind,
            value: String::new(),
            cursor: 0,
            choice: 0,
            required: false,
            error: None,
        }
    }

    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }

    pub fn with(mut self, value: &str) -> Field {
        self.value = value.to_string();
        self.cursor = self.value.chars().count();
        self
    }

    pub fn choose(mut self, index: usize) -> Field {
        self.choice = index;
        self
    }

    /// The understood date, or why not; `Ok(None)` for an empty optional field.
    pub fn date(&self, today: NaiveDate, lang: Lang) -> Result<Option<NaiveDate>, String> {
        if self.value.trim().is_empty() {
            return Ok(None);
        }
        parse_date(&self.value, today, lang)
            .map(Some)
            .map_err(|e| e.message(lang))
    }

    /// What a date field shows beside its input.
    pub fn date_hint(&self, today: NaiveDate, lang: Lang) -> Option<Result<String, String>> {
        match self.date(today, lang) {
            Ok(Some(d)) => Some(Ok(format_long(d, lang))),
            Ok(None) => None,
            Err(e) => Some(Err(e)),
        }
    }

    /// Options of a pick field that match what is typed, best first.
    pub fn pick_matches(&self) -> Vec<&PickOption> {
        let FieldKind::Pick(options) = &self.kind else {
            return Vec::new();
        };
        let q = fold(self.value.trim());
        if q.is_empty() {
            return options.iter().take(5).collect();
        }
        let mut starts: Vec<&PickOption> = Vec::new();
        let mut contains: Vec<&PickOption> = Vec::new();
        for o in options {
            let f = fold(&o.label);
            if f.starts_with(&q) || f.split_whitespace().any(|w| w.starts_with(&q)) {
                starts.push(o);
            } else if f.contains(&q) || fold(&o.detail).contains(&q) {
                contains.push(o);
            }
        }
        starts.extend(contains);
        starts.truncate(5);
        starts
    }

    pub fn picked(&self) -> Option<&PickOption> {
        self.pick_matches()
            .into_iter()
            .next()
            .filter(|_| !self.value.trim().is_empty())
    }

    pub fn line(&self) -> String {
        clean_line(&self.value)
    }

    pub fn text(&self) -> String {
        clean_text(&self.value)
    }

    fn byte_at(&self, char_pos: usize) -> usize {
        self.value
            .char_indices()
            .nth(char_pos)
            .map_or(self.value.len(), |(i, _)| i)
    }

    pub fn insert(&mut self, c: char) {
        if let FieldKind::Choice(options) = &self.kind {
            if c == ' ' && !options.is_empty() {
                self.choice = (self.choice + 1) % options.len();
            }
            return;
        }
        // Control characters never enter a field: pasted escape sequences arrive as chars.
        // A tab still separates words.
        let c = if c == '\t' { ' ' } else { c };
        if c.is_control() && c != '\n' {
            return;
        }
        let at = self.byte_at(self.cursor);
        self.value.insert(at, c);
        self.cursor += 1;
        self.error = None;
    }

    /// A paste, inserted at once (char by char is quadratic in the field's length), cleaned as
    /// `insert` cleans and cut at the longest text the field can store.
    pub fn insert_str(&mut self, s: &str) {
        if let FieldKind::Choice(_) = self.kind {
            return s.chars().for_each(|c| self.insert(c));
        }
        let max = if self.kind == FieldKind::Text {
            MAX_TEXT_CHARS
        } else {
            MAX_LINE_CHARS
        };
        let room = max.saturating_sub(self.value.chars().count());
        let clean: String = s
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .filter(|c| !c.is_control() || *c == '\n')
            .take(room)
            .collect();
        let at = self.byte_at(self.cursor);
        self.value.insert_str(at, &clean);
        self.cursor += clean.chars().count();
        self.error = None;
    }

    pub fn backspace(&mut self) {
        if self.cursor == 0 {
            return;
        }
        let at = self.byte_at(self.cursor - 1);
        self.value.remove(at);
        self.cursor -= 1;
        self.error = None;
    }

    pub fn delete(&mut self) {
        if self.cursor < self.value.chars().count() {
            let at = self.byte_at(self.cursor);
            self.value.remove(at);
        }
    }

    pub fn left(&mut self) {
        if let FieldKind::Choice(options) = &self.kind {
            self.choice = (self.choice + options.len().max(1) - 1) % options.len().max(1);
        } else {
            self.cursor = self.cursor.saturating_sub(1);
        }
    }

    pub fn right(&mut self) {
        if let FieldKind::Choice(options) = &self.kind {
            self.choice = (self.choice + 1) % options.len().max(1);
        } else {
            self.cursor = (self.cursor + 1).min(self.value.chars().count());
        }
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.value.chars().count();
    }
}

/// What a form does when it is saved.
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
    /// An agreement on the meeting's current item.
    Agreement,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub kind: FormKind,
    pub title: Text,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// A message about the whole form (e.g. the store refused).
    pub error: Option<String>,
    /// Something was typed; leaving asks first.
    pub dirty: bool,
}

impl Form {
    pub fn new(kind: FormKind, title: Text, fields: Vec<Field>) -> Form {
        Form {
            kind,
            title,
            fields,
            focus: 0,
            error: None,
            dirty: false,
        }
    }

    pub fn field(&self, i: usize) -> &Field {
        &self.fields[i.min(self.fields.len().saturating_sub(1))]
    }

    pub fn focused(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    pub fn next(&mut self) {
        if !self.fields.is_empty() {
            self.focus = (self.focus + 1) % self.fields.len();
        }
    }

    pub fn prev(&mut self) {
        if !self.fields.is_empty() {
            self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
        }
    }

    pub fn type_char(&mut self, c: char) {
        self.dirty = true;
        if let Some(f) = self.focused() {
            f.insert(c);
        }
    }

    /// Marks empty required fields; true when none is missing.
    pub fn check_required(&mut self, message: &str) -> bool {
        let mut ok = true;
        for f in &mut self.fields {
            let empty = match f.kind {
                FieldKind::Choice(_) => false,
                _ => f.value.trim().is_empty(),
            };
            if f.required && empty {
                f.error = Some(message.to_string());
                ok = false;
            }
        }
        if !ok {
            if let Some(i) = self.fields.iter().position(|f| f.error.is_some()) {
                self.focus = i;
            }
        }
        ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editing_works_on_chars_not_bytes() {
        let mut f = Field::new(Text::new("Naam", "Name"), FieldKind::Line);
        for c in "Çelik王".chars() {
            f.insert(c);
        }
        f.left();
        f.backspace();
        assert_eq!(f.value, "Çeli王");
        f.home();
        f.delete();
        assert_eq!(f.value, "eli王");
        f.insert('\u{1b}');
        assert_eq!(f.value, "eli王");
    }

    #[test]
    fn date_field_says_what_it_understood() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let f = Field::new(Text::new("Deadline", "Due"), FieldKind::Date).with("vr");
        assert_eq!(
            f.date_hint(today, Lang::Nl),
            Some(Ok("vrijdag 27 november 2026".into()))
        );
        let bad = Field::new(Text::new("Deadline", "Due"), FieldKind::Date).with("31-02-2027");
        assert!(matches!(bad.date_hint(today, Lang::Nl), Some(Err(_))));
    }

    #[test]
    fn pick_prefers_word_starts_and_folds() {
        let opts = vec![
            PickOption {
                id: 1,
                label: "Fatma Çelik".into(),
                detail: "jeugdverpleegkundige".into(),
            },
            PickOption {
                id: 2,
                label: "Marcel de Lange".into(),
                detail: "leerkracht".into(),
            },
        ];
        let f = Field::new(Text::new("Eigenaar", "Owner"), FieldKind::Pick(opts)).with("cel");
        assert_eq!(f.picked().map(|o| o.id), Some(1));
        let g = Field {
            value: "leerk".into(),
            ..f.clone()
        };
        assert_eq!(g.picked().map(|o| o.id), Some(2));
    }

    #[test]
    fn required_fields_are_marked() {
        let mut form = Form::new(
            FormKind::NewPerson,
            Text::new("t", "t"),
            vec![
                Field::new(Text::new("a", "a"), FieldKind::Line),
                Field::new(Text::new("b", "b"), FieldKind::Line).required(),
            ],
        );
        assert!(!form.check_required("verplicht"));
        assert_eq!(form.focus, 1);
        assert!(form.fields[1].error.is_some());
    }
}
