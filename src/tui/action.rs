//! Everything a key can ask for. `update` is the only place that carries an action out; the
//! keymap binds keys to these, and the help overlay describes them (i18n::keys).

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
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
}

/// Where a binding applies. `Global` bindings apply on every page (not in text fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    Cases,
    Case,
    Family,
    Kaart,
    Person,
    Lookup,
    Form,
    Help,
}
