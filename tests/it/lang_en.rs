//! Issue 13, item 8: every word in the user's language. In Dutch, `tandem --help`, each
//! subcommand's `--help` and an argument error are Dutch (the real binary); with `--lang en` (or
//! `TANDEM_LANG=en`) they are English, and so are the TUI's prefilled dates and the minutes.

use assert_cmd::Command;

fn tandem(args: &[&str], lang_env: Option<&str>) -> (bool, String, String) {
    let mut cmd = Command::cargo_bin("tandem").expect("the binary");
    cmd.env_remove("TANDEM_LANG");
    if let Some(l) = lang_env {
        cmd.env("TANDEM_LANG", l);
    }
    let out = cmd.args(args).output().expect("runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// clap's own English, which must not show in Dutch.
const CLAP_ENGLISH: &[&str] = &[
    "Usage:",
    "Options:",
    "Commands:",
    "Arguments:",
    "Print help",
    "Print version",
    "possible values",
    "[default:",
    "[OPTIONS]",
    "<FILE>",
];

const SUBCOMMANDS: &[&str] = &[
    "demo",
    "export",
    "import",
    "actions",
    "done",
    "agenda",
    "minutes",
    "check",
    "backup",
    "forget",
    "audit",
    "retention",
    "restore",
    "encrypt",
    "passphrase",
];

#[test]
fn help_is_dutch_for_tandem_and_every_subcommand() {
    let (ok, out, _) = tandem(&["--help"], None);
    assert!(ok);
    assert!(out.contains("Gebruik: tandem [OPTIES] [OPDRACHT]"), "{out}");
    assert!(
        out.contains("Opdrachten:") && out.contains("Toon deze hulp"),
        "{out}"
    );
    for sub in SUBCOMMANDS {
        let (ok, out, err) = tandem(&[sub, "--help"], None);
        assert!(ok, "{sub}: {err}");
        assert!(
            out.contains(&format!("Gebruik: tandem {sub} [OPTIES]")),
            "{sub}:\n{out}"
        );
        for english in CLAP_ENGLISH {
            assert!(!out.contains(english), "{english} in {sub} --help:\n{out}");
        }
    }
}

#[test]
fn help_is_english_with_lang_en_before_or_after_the_command_or_in_the_environment() {
    for (args, env) in [
        (vec!["--lang", "en", "actions", "--help"], None),
        (vec!["actions", "--help", "--lang=en"], None),
        (vec!["actions", "--help"], Some("en")),
    ] {
        let (ok, out, _) = tandem(&args, env);
        assert!(ok);
        assert!(
            out.contains("Usage: tandem actions [OPTIONS]"),
            "{args:?}:\n{out}"
        );
        assert!(out.contains("Done actions too"), "{out}");
        assert!(!out.contains("Gebruik"), "{out}");
    }
}

#[test]
fn a_mistyped_argument_is_one_calm_line_in_the_users_language() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["actions", "--formaat", "csv"],
            "tandem: De optie '--formaat' bestaat niet. Bedoelt u '--format'? (tandem --help)\n",
        ),
        (
            &["actions", "--format", "pdf"],
            "tandem: 'pdf' kan niet bij --format <FORMAAT>; kies uit: table, json, csv, ics, md (tandem --help)\n",
        ),
        (&["done"], "tandem: <NUMMER> ontbreekt (tandem --help)\n"),
        (
            &["done", "vijf"],
            "tandem: 'vijf' is geen geldige waarde voor <NUMMER> (tandem --help)\n",
        ),
        (
            &["frobnicate"],
            "tandem: De opdracht 'frobnicate' bestaat niet (tandem --help)\n",
        ),
        (
            &["--lang", "en", "done", "vijf"],
            "tandem: 'vijf' is not a valid value for <ID> (tandem --help)\n",
        ),
    ];
    for (args, want) in cases {
        let (ok, out, err) = tandem(args, None);
        assert!(!ok, "{args:?}");
        assert!(out.is_empty());
        assert_eq!(&err, want, "{args:?}");
    }
}

#[test]
fn a_choice_wraps_instead_of_cutting_an_option_in_either_language() {
    use tandem::domain::dates::Lang;
    for (lang, whole) in [
        (Lang::Nl, "verwezen naar specialistische jeugdhulp"),
        (Lang::En, "referred to specialist youth care"),
    ] {
        let mut s = crate::tui_common::demo(lang);
        s.app.privacy = false;
        s.press("2<Enter>c");
        for (w, h) in [(80, 24), (120, 40)] {
            let screen = s.screen(w, h);
            assert!(screen.contains(whole), "{whole} at {w}x{h}:\n{screen}");
        }
    }
}

#[test]
fn dates_start_on_today_in_the_users_language() {
    use tandem::domain::dates::Lang;
    let mut s = crate::tui_common::demo(Lang::En);
    s.app.privacy = false;
    s.press("2<Enter>c");
    let screen = s.screen(120, 40);
    assert!(
        screen.contains("today") && !screen.contains("vandaag"),
        "{screen}"
    );
}
