//! Words of retention (`tandem retention`, the TUI's monthly reminder).

use super::{Lang, Text};
use crate::store::retention::FamilyRetention;

pub const NOTHING_PAST: Text = Text::new(
    "Niets is langer bewaard dan de bewaartermijn.",
    "Nothing is kept longer than the retention period.",
);
pub const DUE: Text = Text::new(
    "Te wissen (alle casussen zijn langer dan de bewaartermijn afgesloten):",
    "To erase (every case closed longer ago than the retention period):",
);
pub const WAITING: Text = Text::new(
    "Blijven bewaard (een oude casus, maar ook een open of recent afgesloten casus; het gezin blijft heel):",
    "Kept (an old case, but also an open or recently closed one; the family stays whole):",
);
pub const APPLY_HINT: Text = Text::new(
    "Wissen: tandem retention --apply (vraagt eerst om bevestiging).",
    "To erase: tandem retention --apply (asks first).",
);

/// The rule in force.
pub fn rule(months: u32, cutoff: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Bewaartermijn: {months} maanden na het afsluiten (afgesloten vóór {cutoff}). De privacyfunctionaris van de school bepaalt de termijn (retention_months in config.toml)."
        ),
        Lang::En => format!(
            "Retention: {months} months after closing (closed before {cutoff}). The school's privacy officer decides the period (retention_months in config.toml)."
        ),
    }
}

/// One family's line.
pub fn line(r: &FamilyRetention, last: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "  gezin {:>5}  {}: {} (laatst afgesloten {last}), {} andere",
            r.family.0,
            r.name,
            count(r.past, "oude casus", "oude casussen"),
            r.kept
        ),
        Lang::En => format!(
            "  family {:>5}  {}: {} (last closed {last}), {} others",
            r.family.0,
            r.name,
            count(r.past, "old case", "old cases"),
            r.kept
        ),
    }
}

/// "1 casus", "2 casussen".
fn count(n: usize, one: &str, more: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        n => format!("{n} {more}"),
    }
}

/// What `--apply` erased.
pub fn applied(families: usize, cases: usize, backups: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "{} gewist, met {}; {} herschreven.",
            count(families, "gezin", "gezinnen"),
            count(cases, "casus", "casussen"),
            count(backups, "back-up", "back-ups")
        ),
        Lang::En => format!(
            "{} erased, with {}; {} rewritten.",
            count(families, "family", "families"),
            count(cases, "case", "cases"),
            count(backups, "backup", "backups")
        ),
    }
}

/// The TUI's monthly reminder on the status line.
pub fn reminder(families: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "{families} gezinnen zijn langer bewaard dan de bewaartermijn. Bekijk ze met: tandem retention"
        ),
        Lang::En => format!(
            "{families} families are kept longer than the retention period. See them with: tandem retention"
        ),
    }
}
