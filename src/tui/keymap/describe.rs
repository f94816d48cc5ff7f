//! What each intent does, for the help overlay and the footer.

use crate::i18n::Text;
use crate::tui::intent::Intent;

pub fn describe(a: Intent) -> Text {
    use crate::tui::intent::Intent as A;
    match a {
        A::Help => Text::new("hulp: alle toetsen", "help: every key"),
        A::Lookup => Text::new(
            "zoeken: kind, gezin, professional, hulpvraag",
            "search: child, family, professional, question",
        ),
        A::Back => Text::new("terug / stoppen", "back / quit"),
        A::Quit => Text::new("stoppen", "quit"),
        A::Cancel => Text::new("annuleren / sluiten", "cancel / close"),
        A::Open => Text::new("openen", "open"),
        A::Up => Text::new("omhoog", "up"),
        A::Down => Text::new("omlaag", "down"),
        A::Top => Text::new("naar boven", "to the top"),
        A::Bottom => Text::new("naar beneden", "to the bottom"),
        A::PageUp => Text::new("pagina omhoog", "page up"),
        A::PageDown => Text::new("pagina omlaag", "page down"),
        A::NextPane => Text::new("volgend deel", "next pane"),
        A::PrevPane => Text::new("vorig deel", "previous pane"),
        A::ScreenCases => Text::new("scherm Casussen", "Cases screen"),
        A::ScreenKaart => Text::new("scherm Sociale kaart", "Directory screen"),
        A::New => Text::new("nieuw", "new"),
        A::Edit => Text::new("bewerken", "edit"),
        A::ToggleDone => Text::new("actie afvinken / weer open", "action done / open again"),
        A::AddAction => Text::new("actie toevoegen", "add an action"),
        A::Privacy => Text::new("privacymodus aan/uit", "privacy mode on/off"),
        A::Blank => Text::new("scherm op zwart", "blank the screen"),
        A::Flag => Text::new("bespreken in volgend overleg", "flag for the next meeting"),
        A::Undo => Text::new("laatste wijziging ongedaan maken", "undo the last change"),
        A::CloseReopen => Text::new("afsluiten / heropenen", "close / reopen"),
        A::Consent => Text::new("toestemming vastleggen", "record consent"),
        A::AddNetwork => Text::new(
            "persoon aan netwerk toevoegen",
            "add a person to the network",
        ),
        A::OpenFamily => Text::new("gezin en netwerk", "family and network"),
        A::Forget => Text::new(
            "gezin wissen (vraagt de naam)",
            "erase the family (asks its name)",
        ),
        A::FilterStatus => Text::new("filter status", "filter status"),
        A::FilterSide => Text::new("filter regie onderwijs/zorg", "filter lead side"),
        A::FilterFlag => Text::new("alleen bespreken", "flagged only"),
        A::FilterSchool => Text::new("filter school", "filter school"),
        A::Sort => Text::new("sortering", "sort order"),
        A::NextTheme => Text::new("volgend thema", "next theme"),
        A::Submit => Text::new("opslaan / kiezen", "save / choose"),
        A::NextField => Text::new("volgend veld", "next field"),
        A::PrevField => Text::new("vorig veld", "previous field"),
        A::Backspace => Text::new("teken wissen", "delete a character"),
        A::Delete => Text::new("teken rechts wissen", "delete to the right"),
        A::Left => Text::new("links / vorige keuze", "left / previous choice"),
        A::Right => Text::new("rechts / volgende keuze", "right / next choice"),
        A::Home => Text::new("begin van het veld", "start of the field"),
        A::End => Text::new("eind van het veld", "end of the field"),
        A::NewLine => Text::new("nieuwe regel (in notities)", "new line (in notes)"),
        A::Attendees => Text::new("wie er zijn (aanwezig)", "who is present"),
        A::EndInvolvement => Text::new(
            "betrokkenheid beëindigen, of iemand uit het netwerk halen",
            "end someone's involvement, or take them out of the network",
        ),
        A::Lock => Text::new(
            "scherm vergrendelen (versleutelde opslag)",
            "lock the screen (encrypted store)",
        ),
        A::Export => Text::new(
            "exporteren naar een bestand (ICS, CSV, Markdown)",
            "export to a file (ICS, CSV, Markdown)",
        ),
        A::GoTo => Text::new(
            "naar agendapunt (nummer of naam)",
            "go to agenda item (number or name)",
        ),
        other => describe_acties(other)
            .or_else(|| describe_monitor(other))
            .unwrap_or(Text::new("", "")),
    }
}

/// Screen 5's keys.
fn describe_monitor(a: Intent) -> Option<Text> {
    use crate::tui::intent::Intent as A;
    Some(match a {
        A::ScreenMonitor => Text::new("scherm Monitor", "Monitor screen"),
        A::MonitorPeriod => Text::new(
            "periode: dit schooljaar / laatste 12 maanden",
            "period: this school year / last 12 months",
        ),
        A::MonitorOwnPeriod => Text::new(
            "eigen periode: van … tot en met …",
            "own period: from … to …",
        ),
        _ => return None,
    })
}

/// The footer's word for an action: as short as it can be and still clear.
pub fn hint(a: Intent) -> Text {
    use crate::tui::intent::Intent as A;
    match a {
        A::Help => Text::new("hulp", "help"),
        A::Lookup => Text::new("zoeken", "search"),
        A::Back => Text::new("terug", "back"),
        A::Open => Text::new("openen", "open"),
        A::New => Text::new("nieuw", "new"),
        A::Edit => Text::new("bewerken", "edit"),
        A::ToggleDone => Text::new("afvinken", "done"),
        A::AddAction => Text::new("actie", "action"),
        A::Privacy => Text::new("privacy", "privacy"),
        A::Flag => Text::new("bespreken", "flag"),
        A::CloseReopen => Text::new("afsluiten", "close"),
        A::Consent => Text::new("toestemming", "consent"),
        A::AddNetwork => Text::new("netwerk +", "network +"),
        A::OpenFamily => Text::new("gezin", "family"),
        A::FilterStatus => Text::new("status", "status"),
        A::Sort => Text::new("sorteren", "sort"),
        A::Submit => Text::new("opslaan", "save"),
        A::Cancel => Text::new("annuleren", "cancel"),
        A::NextField => Text::new("volgend veld", "next field"),
        A::Down => Text::new("omlaag", "down"),
        A::FilterMine => Text::new("mijn acties", "mine"),
        A::FilterDue => Text::new("deadline", "due"),
        A::StartMeeting => Text::new("overleg", "meeting"),
        A::MoveDown => Text::new("omlaag", "down"),
        A::MoveUp => Text::new("omhoog", "up"),
        A::Remove => Text::new("weghalen", "remove"),
        A::EndInvolvement => Text::new("beëindigen", "end"),
        A::NextItem => Text::new("volgende", "next"),
        A::PrevItem => Text::new("vorige", "previous"),
        A::Agreement => Text::new("afspraak", "agreement"),
        A::EndMeeting => Text::new("afronden", "end"),
        A::MonitorPeriod => Text::new("periode", "period"),
        A::MonitorOwnPeriod => Text::new("van–tot", "from–to"),
        A::FilterSchool => Text::new("school", "school"),
        A::Export => Text::new("exporteren", "export"),
        other => describe(other),
    }
}

/// Words for the actions the Acties screen added.
pub fn describe_acties(a: Intent) -> Option<Text> {
    use crate::tui::intent::Intent as A;
    Some(match a {
        A::ScreenActies => Text::new("scherm Acties", "Actions screen"),
        A::FilterDue => Text::new(
            "filter deadline: te laat / vandaag / deze week / later",
            "filter due: overdue / today / this week / later",
        ),
        A::FilterMine => Text::new("mijn acties aan/uit", "my actions on/off"),
        A::ShowDone => Text::new("afgeronde acties tonen", "show done actions"),
        A::ChooseMe => Text::new(
            "kies wie je bent (voor Mijn acties)",
            "choose who you are (for My actions)",
        ),
        // The meeting (screen 1).
        A::ScreenOverleg => Text::new("scherm Overleg", "Meeting screen"),
        A::StartMeeting => Text::new("overleg starten / hervatten", "start / resume the meeting"),
        A::MoveDown => Text::new("agendapunt omlaag", "move the agenda item down"),
        A::MoveUp => Text::new("agendapunt omhoog", "move the agenda item up"),
        A::Remove => Text::new("van de agenda halen", "take off the agenda"),
        A::TimeboxUp => Text::new("meer minuten", "more minutes"),
        A::TimeboxDown => Text::new("minder minuten", "fewer minutes"),
        A::History => Text::new(
            "eerdere overleggen en verslagen",
            "past meetings and minutes",
        ),
        A::NextItem => Text::new("volgende casus", "next case"),
        A::PrevItem => Text::new("vorige casus", "previous case"),
        A::Agreement => Text::new("afspraak vastleggen", "record an agreement"),
        A::EndMeeting => Text::new("overleg afronden", "end the meeting"),
        _ => return None,
    })
}
