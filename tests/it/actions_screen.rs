//! Acties (screen 3), headless: the demo school with today fixed at Monday 23-11-2026, keys typed
//! through `tui::script::press`, frames drawn on ratatui's TestBackend.

use chrono::NaiveDate;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use ratatui::Terminal;
use tandem::clock::Clock;
use tandem::domain::dates::{format_short, Lang};
use tandem::domain::{Action, ActionId, CaseId, PersonId, Side};
use tandem::store::Store;
use tandem::tui::acties::Due;
use tandem::tui::app::{App, Page, Popup};
use tandem::tui::form::FieldKind;
use tandem::tui::theme::{Role, Theme};
use tandem::tui::{build, script, views};
use tempfile::TempDir;
use unicode_width::UnicodeWidthStr;

const GROUPS: [&str; 4] = ["Te laat", "Vandaag", "Deze week", "Later"];

struct T {
    dir: TempDir,
    store: Store,
    app: App,
    clock: Clock,
    today_action: ActionId,
    no_deadline: ActionId,
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("a Monday")
}

/// The demo school plus one action due today and one without a deadline (the demo has neither).
fn setup() -> T {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(&dir.path().join("data")).expect("open");
    tandem::demo::school(&mut store, today()).expect("demo");
    let clock = Clock::Fixed(today());
    let case = store.cases().expect("cases")[0].id;
    let add = |store: &mut Store, text: &str, deadline: Option<NaiveDate>| {
        let a = Action {
            id: store.begin().action_id(),
            case,
            text: text.into(),
            owner: Some(PersonId(2)),
            side: Side::Zorg,
            deadline,
            created: clock.now(),
            meeting: None,
            done: None,
        };
        let id = a.id;
        store.save_action(clock.now(), a).expect("save");
        id
    };
    let today_action = add(
        &mut store,
        "Vandaag nog bellen met de huisarts",
        Some(today()),
    );
    let no_deadline = add(&mut store, "Ooit eens de sociale kaart bijwerken", None);
    let app = build(&store, Lang::Nl, Theme::standaard(false), &clock).expect("build");
    T {
        dir,
        store,
        app,
        clock,
        today_action,
        no_deadline,
    }
}

impl T {
    fn press(&mut self, keys: &str) {
        script::press(&mut self.app, &mut self.store, &self.clock, keys);
    }

    fn visible(&self) -> Vec<ActionId> {
        let l = &self.app.actions;
        l.visible.iter().map(|i| l.rows[*i].id).collect()
    }

    fn selected(&self) -> ActionId {
        self.visible()[self.app.actions.selected]
    }

    /// The open actions in the store (done ones too with `done`) that pass `keep`, as the screen
    /// orders them: open first, then by group, deadline and id.
    fn expected(&self, done: bool, keep: impl Fn(&Action) -> bool) -> Vec<ActionId> {
        let mut all: Vec<Action> = self.store.actions().expect("actions");
        all.retain(|a| (done || a.done.is_none()) && keep(a));
        all.sort_by_key(|a| {
            let due = Due::of(a.deadline, today());
            (a.done.is_some(), due, a.deadline, a.id)
        });
        all.into_iter().map(|a| a.id).collect()
    }
}

fn draw(app: &App, w: u16, h: u16) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| views::render(app, f)).expect("draw");
    term.backend().buffer().clone()
}

/// The buffer as text, one line per row, trailing blanks cut; a wide char's second cell skipped.
fn lines(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            let mut s = String::new();
            let mut skip = 0;
            for x in 0..area.width {
                let sym = buf[(x, y)].symbol();
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                skip = sym.width().saturating_sub(1);
                s.push_str(sym);
            }
            s.trim_end().to_string()
        })
        .collect()
}

#[test]
fn the_status_line_on_start_counts_overdue_actions_per_side() {
    let mut t = setup();
    let overdue: Vec<Action> = t
        .store
        .actions()
        .expect("actions")
        .into_iter()
        .filter(|a| a.is_overdue(today()))
        .collect();
    let per = |s: Side| overdue.iter().filter(|a| a.side == s).count();
    let (o, z) = (per(Side::Onderwijs), per(Side::Zorg));
    assert!(o > 0 && z > 0, "the demo has overdue work on both sides");
    let (status, _) = t.app.status.clone().expect("a status line on start");
    for part in [
        format!("{} acties te laat", o + z),
        format!("{o} onderwijs"),
        format!("{z} zorg"),
    ] {
        assert!(status.contains(&part), "{part:?} in {status:?}");
    }
    // With nothing overdue, nothing is said.
    for a in &overdue {
        let (_, _) = t
            .store
            .set_action_done(t.clock.now(), a.id, true, None)
            .expect("done");
    }
    let app = build(&t.store, Lang::Nl, Theme::standaard(false), &t.clock).expect("build");
    assert_eq!(app.status, None);
    t.press("3");
    let text = lines(&draw(&t.app, 120, 40)).join("\n");
    assert!(!text.contains("Te laat"), "{text}");
}

#[test]
fn screen_3_groups_open_actions_by_due_in_order() {
    let mut t = setup();
    t.press("3");
    let want = t.expected(false, |_| true);
    assert_eq!(t.visible(), want);
    let dues: Vec<Due> = t
        .app
        .actions
        .visible
        .iter()
        .map(|i| Due::of(t.app.actions.rows[*i].deadline, today()))
        .collect();
    for g in [Due::Overdue, Due::Today, Due::Week, Due::Later, Due::Never] {
        assert!(dues.contains(&g), "the fixture has {g:?}");
    }
    assert_eq!(dues.last(), Some(&Due::Never));
    assert_eq!(*t.visible().last().expect("rows"), t.no_deadline);

    // Every group's name stands once, on the line of its first action, in this order.
    let screen = lines(&draw(&t.app, 120, 40));
    let mut last_y = 0;
    for (label, due) in GROUPS
        .iter()
        .zip([Due::Overdue, Due::Today, Due::Week, Due::Later])
    {
        let ys: Vec<usize> = (0..screen.len())
            .filter(|y| screen[*y].contains(&format!("│{label} ")))
            .collect();
        assert_eq!(ys.len(), 1, "{label} once:\n{}", screen.join("\n"));
        assert!(ys[0] > last_y, "{label} after the group before it");
        last_y = ys[0];
        let first = dues.iter().position(|d| *d == due).expect("first of group");
        let i = t.app.actions.visible[first];
        let date = format_short(t.app.actions.rows[i].deadline.expect("deadline"), Lang::Nl);
        assert!(screen[ys[0]].contains(&date), "{label}: {}", screen[ys[0]]);
    }
    let today_line = screen
        .iter()
        .find(|l| l.contains("│Vandaag "))
        .expect("line");
    assert!(today_line.contains("Vandaag nog bellen"), "{today_line}");
    // Counts per side on top.
    let open = |s: Side| t.expected(false, |a| a.side == s).len();
    let top = screen
        .iter()
        .find(|l| l.contains("O onderwijs"))
        .expect("counts");
    assert!(
        top.contains(&format!("O onderwijs {} open", open(Side::Onderwijs))),
        "{top}"
    );
    assert!(
        top.contains(&format!("Z zorg {} open", open(Side::Zorg))),
        "{top}"
    );
}

#[test]
fn due_side_and_done_filters() {
    let mut t = setup();
    t.press("3");
    for due in [Due::Overdue, Due::Today, Due::Week, Due::Later, Due::Never] {
        t.press("v");
        let want = t.expected(false, |a| Due::of(a.deadline, today()) == due);
        assert!(!want.is_empty());
        assert_eq!(t.visible(), want, "v: {due:?}");
    }
    t.press("v");
    assert_eq!(
        t.visible(),
        t.expected(false, |_| true),
        "v cycles back to all"
    );

    t.press("l");
    assert_eq!(
        t.visible(),
        t.expected(false, |a| a.side == Side::Onderwijs)
    );
    t.press("l");
    assert_eq!(t.visible(), t.expected(false, |a| a.side == Side::Zorg));
    t.press("v");
    let zorg_overdue = t.expected(false, |a| a.side == Side::Zorg && a.is_overdue(today()));
    assert_eq!(t.visible(), zorg_overdue, "side and due combine");
    t.press("l");
    let overdue = t.expected(false, |a| a.is_overdue(today()));
    assert_eq!(t.visible(), overdue, "side off, due still on");
    t.press("vvvvv");
    assert_eq!(t.visible(), t.expected(false, |_| true));

    t.press("D");
    let all = t.expected(true, |_| true);
    assert_eq!(all.len(), t.store.actions().expect("actions").len());
    assert_eq!(t.visible(), all, "done ones after the open ones");
    t.press("D");
    assert_eq!(t.visible(), t.expected(false, |_| true));
}

#[test]
fn d_marks_done_and_open_again_and_u_undoes() {
    let mut t = setup();
    t.press("3j");
    let id = t.selected();
    t.press("d");
    assert!(t
        .store
        .action(id)
        .expect("read")
        .expect("there")
        .done
        .is_some());
    assert!(
        !t.visible().contains(&id),
        "a done action leaves the open list"
    );
    t.press("u");
    assert!(t
        .store
        .action(id)
        .expect("read")
        .expect("there")
        .done
        .is_none());
    assert_eq!(t.visible(), t.expected(false, |_| true));

    // With done ones shown, `d` on a done action opens it again.
    t.press("DG");
    let done = t.selected();
    assert!(t
        .store
        .action(done)
        .expect("read")
        .expect("there")
        .done
        .is_some());
    t.press("d");
    assert!(t
        .store
        .action(done)
        .expect("read")
        .expect("there")
        .done
        .is_none());
    assert_eq!(t.visible(), t.expected(true, |_| true));
}

#[test]
fn choosing_yourself_with_i_then_o_shows_your_actions() {
    let mut t = setup();
    let cfg = t.dir.path().join("config");
    t.app.config_dir = Some(cfg.clone());
    t.press("3o");
    assert!(!t.app.actions.filter.mine, "`o` before `I` only explains");
    assert!(t.app.status.is_some(), "and says to press I");
    assert_eq!(t.visible(), t.expected(false, |_| true));

    t.press("Ipostm<Enter>");
    assert!(t.app.popup.is_none(), "the form closed");
    assert_eq!(t.app.config.me, Some(2), "Yvonne Postma");
    let saved = std::fs::read_to_string(cfg.join("config.toml")).expect("config.toml written");
    let parsed: toml::Table = toml::from_str(&saved).expect("config is TOML");
    assert_eq!(
        parsed.get("me").and_then(|v| v.as_integer()),
        Some(2),
        "{saved}"
    );

    let mine = t.expected(false, |a| a.owner == Some(PersonId(2)));
    let shown = |t: &T| (t.app.actions.filter.mine, t.visible());
    // Choosing yourself may switch "mijn acties" on already; `o` toggles it either way.
    if !t.app.actions.filter.mine {
        t.press("o");
    }
    assert_eq!(shown(&t), (true, mine.clone()));
    assert!(mine.contains(&t.today_action));
    t.press("o");
    assert_eq!(shown(&t), (false, t.expected(false, |_| true)));
    t.press("o");
    assert_eq!(shown(&t), (true, mine));
    let screen = lines(&draw(&t.app, 120, 40)).join("\n");
    assert!(screen.contains("Yvonne Postma"), "{screen}");
}

#[test]
fn enter_opens_the_case_of_the_selected_action() {
    let mut t = setup();
    t.press("3jj");
    let id = t.selected();
    let case: CaseId = t.store.action(id).expect("read").expect("there").case;
    t.press("<Enter>");
    match t.app.pages.last() {
        Some(Page::Case(p)) => assert_eq!(p.case.id, case),
        _ => panic!("no case page open"),
    }
    t.press("<Esc>");
    assert!(t.app.pages.is_empty(), "back on the list");
    assert_eq!(t.selected(), id, "the same row still selected");

    // An action marked done on the case page is gone from screen 3 when coming back.
    t.press("<Enter>d<Esc>");
    let done: Vec<Action> = t.store.actions_of_case(case).expect("read");
    assert!(done.iter().any(|a| a.done.is_some()));
    assert_eq!(t.visible(), t.expected(false, |_| true));
}

#[test]
fn e_edits_the_deadline_of_the_selected_action() {
    let mut t = setup();
    t.press("3");
    let id = t.selected();
    let before = t.store.action(id).expect("read").expect("there");
    assert!(before.is_overdue(today()));
    // Tab to the deadline field, clear it and type "vr" (Friday 27 November).
    t.press("e");
    for _ in 0..8 {
        match &t.app.popup {
            Some(Popup::Form(f)) if f.fields()[f.focus].kind == FieldKind::Date => break,
            Some(Popup::Form(_)) => t.press("<Tab>"),
            _ => panic!("`e` opens the edit form"),
        }
    }
    let Some(Popup::Form(form)) = &t.app.popup else {
        panic!("form")
    };
    assert_eq!(
        form.fields()[form.focus].value,
        "19-11-2026",
        "the old deadline"
    );
    t.press(&format!("<End>{}vr<Enter>", "<BS>".repeat(10)));
    assert!(t.app.popup.is_none(), "saved and closed");
    let after = t.store.action(id).expect("read").expect("there");
    assert_eq!(after.deadline, NaiveDate::from_ymd_opt(2026, 11, 27));
    assert_eq!((after.text, after.owner), (before.text, before.owner));
    let i = t
        .visible()
        .iter()
        .position(|x| *x == id)
        .expect("still listed");
    let row = &t.app.actions.rows[t.app.actions.visible[i]];
    assert_eq!(
        Due::of(row.deadline, today()),
        Due::Week,
        "moved to Deze week"
    );
}

#[test]
fn an_overdue_date_has_the_overdue_style() {
    let mut t = setup();
    t.press("3");
    let buf = draw(&t.app, 120, 40);
    let overdue = t.app.theme.style(Role::Overdue);
    let text = t.app.theme.style(Role::Text);
    assert_ne!(overdue.fg, text.fg, "the theme tells them apart");
    let screen = lines(&buf);
    // The second row (not the selected one) is overdue; a "Deze week" row is not.
    let rows = &t.app.actions;
    let week = rows
        .visible
        .iter()
        .position(|i| Due::of(rows.rows[*i].deadline, today()) == Due::Week)
        .expect("a week row");
    for (n, late) in [(1, true), (week, false)] {
        let r = &rows.rows[rows.visible[n]];
        assert_eq!(r.is_overdue(today()), late);
        let date = format_short(r.deadline.expect("deadline"), Lang::Nl);
        let owner = t.app.person_name(r.owner);
        let y = screen
            .iter()
            .position(|l| l.contains(&date) && l.contains(&owner) && !l.contains("│Te laat"))
            .expect("row on screen");
        let row: Vec<&str> = (0..buf.area.width)
            .map(|x| buf[(x, y as u16)].symbol())
            .collect();
        let x = (0..row.len() - date.len())
            .find(|x| row[*x..x + date.len()].concat() == date)
            .expect("date cell") as u16;
        let cell = &buf[(x, y as u16)];
        if late {
            assert_eq!(
                cell.fg,
                overdue.fg.expect("overdue colour"),
                "{}",
                screen[y]
            );
            assert!(cell.modifier.contains(Modifier::BOLD));
        } else {
            assert_ne!(Some(cell.fg), overdue.fg, "{}", screen[y]);
        }
    }
}

#[test]
fn snapshots_of_screen_3() {
    let mut t = setup();
    t.press("3");
    insta::assert_snapshot!("acties_120x40", lines(&draw(&t.app, 120, 40)).join("\n"));
    insta::assert_snapshot!("acties_80x24", lines(&draw(&t.app, 80, 24)).join("\n"));
    t.press("vl");
    insta::assert_snapshot!(
        "acties_overdue_onderwijs_80x24",
        lines(&draw(&t.app, 80, 24)).join("\n")
    );
}

/// README: privacy mode shows "initials, free text hidden", as the case list does with its
/// questions. Action texts are free text and name children ("gesprek met moeder en Yassin").
#[test]
fn privacy_mode_hides_names_and_free_text_on_screen_3() {
    let mut t = setup();
    t.press("3p");
    assert!(t.app.privacy);
    let screen = lines(&draw(&t.app, 120, 40)).join("\n");
    let names: Vec<String> = t
        .store
        .families()
        .expect("families")
        .iter()
        .flat_map(|f| f.children.iter().map(|c| c.first_name.clone()))
        .collect();
    for name in names {
        assert!(!screen.contains(&name), "{name} under privacy:\n{screen}");
    }
    for a in t.store.actions().expect("actions") {
        assert!(!screen.contains(&a.text), "{} under privacy", a.text);
    }
}

/// The counts line above the list at municipality scale (five and six digit counts): at 80
/// columns it was cut in the middle of the row count ("alle open acties (15"). The count of rows
/// shown stays whole at every width the line fits the counts in; only the filter's words give way.
#[test]
fn the_counts_line_keeps_the_row_count_whole_on_a_narrow_screen() {
    let mut t = setup();
    t.press("3");
    let l = &mut t.app.actions;
    let template: Vec<_> = l.rows.clone();
    // Open rows only, overdue and not, on both sides: 151,000 of them, as at 50,000 cases.
    while l.rows.len() < 151_000 {
        l.rows.extend(template.iter().filter(|r| !r.done).cloned());
    }
    l.visible = (0..l.rows.len()).collect();
    let count = format!("({})", l.visible.len());
    for lang in [Lang::Nl, Lang::En] {
        t.app.lang = lang;
        for w in [120u16, 100, 90, 80, 70] {
            let top = lines(&draw(&t.app, w, 24))[1].clone();
            assert!(top.width() <= usize::from(w), "{w}: {top}");
            assert!(top.ends_with(&count), "{lang:?} at {w} columns: {top}");
            let all = if lang == Lang::Nl {
                "alle open acties"
            } else {
                "all open actions"
            };
            // Words give way only where the line has no room for them.
            if w >= 100 {
                assert!(top.contains(all), "{w}: {top}");
            } else if w >= 80 {
                assert!(top.contains(all) || top.contains('…'), "{w}: {top}");
            }
        }
    }
}
