//! Helpers shared by the TUI tests: a store in a temp dir (empty or with the demo school), the app
//! built on it with a fixed "today" (`crate::common::today`), key scripts, and the rendered screen
//! as a buffer or text. The meeting tests add their own methods to [`Session`].
#![allow(dead_code)]

pub use crate::common::today;
pub use crate::screen::*;

use ratatui::buffer::Buffer;
use tandem::clock::Clock;
use tandem::domain::dates::Lang;
use tandem::store::Store;
use tandem::tui::app::App;
use tandem::tui::theme::Theme;
use tempfile::TempDir;

pub fn clock() -> Clock {
    Clock::Fixed(today())
}

/// A store, the dir it lives in, and the app on top of it.
pub struct Session {
    pub dir: TempDir,
    pub store: Store,
    pub app: App,
    pub clock: Clock,
}

impl Session {
    /// The status line's text (empty when nothing is said).
    pub fn status(&self) -> String {
        self.app
            .status
            .as_ref()
            .map(|(m, _)| m.clone())
            .unwrap_or_default()
    }

    /// A paste, as the terminal delivers it (bracketed: all of it at once).
    pub fn paste(&mut self, text: &str) {
        let ev = crossterm::event::Event::Paste(text.to_string());
        tandem::tui::update::step(&mut self.app, &mut self.store, &self.clock, ev);
    }

    /// Presses the keys of a script (`tandem::tui::script` syntax).
    pub fn press(&mut self, keys: &str) {
        tandem::tui::script::press(&mut self.app, &mut self.store, &self.clock, keys);
    }

    pub fn screen(&self, w: u16, h: u16) -> String {
        screen_text(&self.app, w, h)
    }

    pub fn buffer(&self, w: u16, h: u16) -> Buffer {
        render(&self.app, w, h)
    }

    /// The store as JSON, the way `tandem export` prints it.
    pub fn export(&self) -> serde_json::Value {
        let doc = self.store.export().expect("export");
        serde_json::to_value(doc).expect("json")
    }
}

/// Opens a store in a fresh temp dir; events say "test" as their author.
pub fn open_store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path()).expect("open store");
    store.who = "test".into();
    (dir, store)
}

/// An empty store (the welcome screen).
pub fn empty(lang: Lang) -> Session {
    session(false, lang, Theme::standaard(false))
}

/// The demo school (`tandem::demo::school`) on a fresh store.
pub fn demo(lang: Lang) -> Session {
    session(true, lang, Theme::standaard(false))
}

pub fn session(with_demo: bool, lang: Lang, theme: Theme) -> Session {
    let (dir, mut store) = open_store();
    if with_demo {
        tandem::demo::school(&mut store, today()).expect("demo data");
    }
    let clock = clock();
    let app = tandem::tui::build(&store, lang, theme, &clock).expect("build app");
    Session {
        dir,
        store,
        app,
        clock,
    }
}
