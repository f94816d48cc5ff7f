//! Everything a key can ask for. `update` is the only place that carries an action out; the
//! keymap binds keys to these, and the help overlay describes them (i18n::keys).

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Intent {
    Help,
    Lookup,
    Back,
    Quit,
    Cancel,
    Open,
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    NextPane,
    PrevPane,
    ScreenCases,
    ScreenKaart,
    ScreenActies,
    ScreenOverleg,
    ScreenMonitor,
    /// Screen 5: the next period.
    MonitorPeriod,
    /// Screen 5: a period of one's own (from/to).
    MonitorOwnPeriod,
    StartMeeting,
    MoveDown,
    MoveUp,
    Remove,
    TimeboxUp,
    TimeboxDown,
    NextItem,
    PrevItem,
    EndMeeting,
    History,
    Agreement,
    FilterDue,
    FilterMine,
    ShowDone,
    ChooseMe,
    New,
    Edit,
    ToggleDone,
    AddAction,
    Privacy,
    Blank,
    Flag,
    Undo,
    CloseReopen,
    Consent,
    AddNetwork,
    OpenFamily,
    /// Erase a family (asks for its name first).
    Forget,
    FilterStatus,
    FilterSide,
    FilterFlag,
    FilterSchool,
    Sort,
    NextTheme,
    // Inside a text field or the lookup.
    Submit,
    NextField,
    PrevField,
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    /// A line break in a free-text field (Enter saves the form).
    NewLine,
    /// Jump to an agenda item by its number or a name (the meeting).
    GoTo,
    /// Who is at the meeting.
    Attendees,
    /// Actions or minutes to a file (the export dialog).
    Export,
    /// End someone's involvement with a family, or take them out as a mistake.
    EndInvolvement,
    /// Lock the screen (an encrypted store asks for its passphrase again).
    Lock,
}

/// Where a binding applies. `Global` bindings apply on every page (not in text fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    Cases,
    Agenda,
    Meeting,
    Summary,
    Acties,
    Case,
    Family,
    Kaart,
    Monitor,
    Person,
    Lookup,
    Form,
    Help,
}
