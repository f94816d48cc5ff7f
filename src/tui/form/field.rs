//! One field of a form: a line, a free text, a date, a choice or a pick, with its cursor and
//! its inline error. Editing happens here, the same for every form.

use crate::domain::dates::{format_long, parse_date, Lang};
use crate::domain::text::fold;
use crate::domain::text::{clean_line, clean_text, MAX_LINE_CHARS, MAX_TEXT_CHARS};
use crate::domain::{FamilyId, PersonId};
use crate::i18n::Text;
use chrono::NaiveDate;

/// What was typed in a pick field matches none of its options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoMatch;

/// What a pick option stands for: its id keeps its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickId {
    Person(PersonId),
    Family(FamilyId),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickOption {
    pub id: PickId,
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
    /// The row's number, shown after the label: "Ouder/verzorger 3".
    pub nth: Option<usize>,
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
            nth: None,
        }
    }

    /// The field as the `n`th of its kind (numbered from 1).
    pub fn nth(mut self, n: usize) -> Field {
        self.nth = Some(n);
        self
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

    /// The person a pick field picked, if it picked one.
    pub fn picked_person(&self) -> Option<PersonId> {
        match self.picked()?.id {
            PickId::Person(id) => Some(id),
            PickId::Family(_) => None,
        }
    }

    /// The family a pick field picked, if it picked one.
    pub fn picked_family(&self) -> Option<FamilyId> {
        match self.picked()?.id {
            PickId::Family(id) => Some(id),
            PickId::Person(_) => None,
        }
    }

    /// The person picked, or `None` for an empty field. Errors: something was typed that
    /// matches no one the field offers.
    pub fn person_or_none(&self) -> Result<Option<PersonId>, NoMatch> {
        if self.value.trim().is_empty() {
            return Ok(None);
        }
        self.picked_person().map(Some).ok_or(NoMatch)
    }

    pub fn is_blank(&self) -> bool {
        match self.kind {
            FieldKind::Choice(_) => false,
            _ => self.value.trim().is_empty(),
        }
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

/// A choice field whose options stand for values of `T`: what was chosen is read as a `T`, never
/// as a position into a parallel array.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice<T> {
    pub field: Field,
    values: Vec<T>,
    /// The value it started on.
    first: T,
}

impl<T: Copy + PartialEq> Choice<T> {
    /// A choice between `options` (a label for each value), starting on `current`, which is
    /// also what it means if the options were ever empty.
    pub fn new(label: Text, options: Vec<(Text, T)>, current: T) -> Choice<T> {
        let (labels, values): (Vec<Text>, Vec<T>) = options.into_iter().unzip();
        let at = values.iter().position(|v| *v == current).unwrap_or(0);
        Choice {
            field: Field::new(label, FieldKind::Choice(labels)).choose(at),
            values,
            first: current,
        }
    }

    /// The chosen value.
    pub fn value(&self) -> T {
        self.values
            .get(self.field.choice)
            .copied()
            .unwrap_or(self.first)
    }
}

#[cfg(test)]
mod field_tests {
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
                id: PickId::Person(PersonId(1)),
                label: "Fatma Çelik".into(),
                detail: "jeugdverpleegkundige".into(),
            },
            PickOption {
                id: PickId::Person(PersonId(2)),
                label: "Marcel de Lange".into(),
                detail: "leerkracht".into(),
            },
        ];
        let f = Field::new(Text::new("Eigenaar", "Owner"), FieldKind::Pick(opts)).with("cel");
        assert_eq!(f.picked_person(), Some(PersonId(1)));
        let g = Field {
            value: "leerk".into(),
            ..f.clone()
        };
        assert_eq!(g.picked_person(), Some(PersonId(2)));
    }
}
