//! The export dialog's body (issue 13, item 7): the format and the file, prefilled with a name
//! in the user's home folder that says what it holds and never whom (a projector may show it).

use super::field::{Choice, Field, FieldKind};
use crate::domain::dates::Lang;
use crate::domain::{CaseId, MeetingId};
use crate::i18n::export_tui as x;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// What an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportWhat {
    /// The actions screen 3 shows, with its filters.
    Actions,
    /// Every action of one case, done and cancelled ones too.
    CaseActions(CaseId),
    /// A meeting's minutes.
    Minutes(MeetingId),
}

/// The file format: the same writers as `tandem actions --format` and `tandem minutes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Ics,
    Csv,
    Md,
}

impl ExportFormat {
    /// The file name extension, without the dot.
    pub fn ext(self) -> &'static str {
        match self {
            ExportFormat::Ics => "ics",
            ExportFormat::Csv => "csv",
            ExportFormat::Md => "md",
        }
    }

    fn of_ext(ext: &str) -> Option<ExportFormat> {
        [ExportFormat::Ics, ExportFormat::Csv, ExportFormat::Md]
            .into_iter()
            .find(|f| f.ext().eq_ignore_ascii_case(ext))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportForm {
    pub format: Choice<ExportFormat>,
    pub path: Field,
}

impl ExportForm {
    /// The dialog for `what`, its file in `dir` named after what it holds and `today`.
    pub fn new(what: ExportWhat, dir: &Path, today: NaiveDate, lang: Lang) -> ExportForm {
        let options = match what {
            ExportWhat::Minutes(_) => vec![(x::OPT_MD, ExportFormat::Md)],
            _ => vec![
                (x::OPT_ICS, ExportFormat::Ics),
                (x::OPT_CSV, ExportFormat::Csv),
                (x::OPT_MD, ExportFormat::Md),
            ],
        };
        let first = options[0].1;
        let path = dir.join(file_name(what, first, today, lang));
        ExportForm {
            format: Choice::new(x::L_FORMAT, options, first),
            path: Field::new(x::L_FILE, FieldKind::Line)
                .required()
                .with(&path.display().to_string()),
        }
    }

    pub fn fields(&self) -> Vec<&Field> {
        vec![&self.format.field, &self.path]
    }

    pub fn fields_mut(&mut self) -> Vec<&mut Field> {
        vec![&mut self.format.field, &mut self.path]
    }

    /// After the format changed: a file name that ends in another format's extension takes the
    /// chosen one, so `.ics` never holds CSV. A name the user gave another ending keeps it.
    pub fn sync_extension(&mut self) {
        let chosen = self.format.value();
        let path = PathBuf::from(&self.path.value);
        let ours = path
            .extension()
            .and_then(|e| e.to_str())
            .and_then(ExportFormat::of_ext);
        if ours.is_some_and(|f| f != chosen) {
            let new = path.with_extension(chosen.ext()).display().to_string();
            let at_end = self.path.cursor >= self.path.value.chars().count();
            self.path.value = new;
            if at_end {
                self.path.cursor = self.path.value.chars().count();
            }
        }
    }

    /// The file to write: `~` stands for the home folder; a relative path is taken from the
    /// folder tandem was started in.
    pub fn file(&self, home: Option<&Path>) -> PathBuf {
        let typed = self.path.value.trim();
        match (typed.strip_prefix("~/"), home) {
            (Some(rest), Some(home)) => home.join(rest),
            _ if typed == "~" => home.map(Path::to_path_buf).unwrap_or_default(),
            _ => PathBuf::from(typed),
        }
    }
}

/// "tandem-acties-2026-11-30.ics", "tandem-casus-12-acties-….csv", "tandem-verslag-3-….md":
/// what it is and when, never a name.
pub fn file_name(what: ExportWhat, format: ExportFormat, today: NaiveDate, lang: Lang) -> String {
    let kind = match what {
        ExportWhat::Actions => x::NAME_ACTIONS.get(lang).to_string(),
        ExportWhat::CaseActions(id) => format!(
            "{}-{}-{}",
            x::NAME_CASE.get(lang),
            id.0,
            x::NAME_ACTIONS.get(lang)
        ),
        ExportWhat::Minutes(id) => format!("{}-{}", x::NAME_MINUTES.get(lang), id.0),
    };
    format!(
        "tandem-{kind}-{}.{}",
        today.format("%Y-%m-%d"),
        format.ext()
    )
}

/// Where the dialog starts: the home folder, else the folder tandem was started in.
pub fn default_dir() -> PathBuf {
    directories::UserDirs::new()
        .map(|d| d.home_dir().to_path_buf())
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default()
    }

    #[test]
    fn the_name_says_what_and_when_in_the_users_language() {
        let dir = Path::new("/home/ib");
        let f = ExportForm::new(ExportWhat::CaseActions(CaseId(12)), dir, day(), Lang::Nl);
        assert_eq!(
            f.path.value,
            "/home/ib/tandem-casus-12-acties-2026-11-30.ics"
        );
        let f = ExportForm::new(ExportWhat::Minutes(MeetingId(3)), dir, day(), Lang::En);
        assert_eq!(f.path.value, "/home/ib/tandem-minutes-3-2026-11-30.md");
        assert_eq!(f.format.value(), ExportFormat::Md);
    }

    #[test]
    fn another_format_changes_our_extension_only() {
        let mut f = ExportForm::new(ExportWhat::Actions, Path::new("/tmp"), day(), Lang::Nl);
        f.format.field.choice = 1;
        f.sync_extension();
        assert_eq!(f.path.value, "/tmp/tandem-acties-2026-11-30.csv");
        assert_eq!(f.path.cursor, f.path.value.chars().count());
        f.path.value = "/tmp/lijst.txt".into();
        f.format.field.choice = 2;
        f.sync_extension();
        assert_eq!(f.path.value, "/tmp/lijst.txt");
    }

    #[test]
    fn a_tilde_is_the_home_folder() {
        let mut f = ExportForm::new(ExportWhat::Actions, Path::new("/x"), day(), Lang::Nl);
        f.path.value = " ~/a.ics ".into();
        assert_eq!(
            f.file(Some(Path::new("/home/ib"))),
            Path::new("/home/ib/a.ics")
        );
        f.path.value = "b.ics".into();
        assert_eq!(f.file(Some(Path::new("/home/ib"))), Path::new("b.ics"));
    }
}
