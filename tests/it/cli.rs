//! The command line on a data dir filled by the fixture, with today fixed at 23-11-2026.

use crate::common::*;
use serde_json::Value;
use std::path::Path;
use std::process::Stdio;
use tandem::domain::ActionId;
use unicode_width::UnicodeWidthStr;

/// `actions ... --format json`, parsed; stdout must be the JSON and nothing else.
fn actions_json(dir: &Path, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["actions"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let (ok, stdout, stderr) = run(dir, &all);
    assert!(ok, "{all:?}: {stderr}");
    assert_eq!(stderr, "", "{all:?}: nothing on stderr");
    let v: Value = serde_json::from_str(&stdout).expect("stdout is one JSON document");
    v.as_array().expect("an array").clone()
}

fn ids(rows: &[Value]) -> Vec<ActionId> {
    rows.iter()
        .map(|r| ActionId(r["id"].as_u64().expect("numeric id")))
        .collect()
}

fn row(rows: &[Value], id: ActionId) -> &Value {
    rows.iter().find(|r| r["id"] == id.0).expect("row present")
}

#[test]
fn actions_json_has_the_documented_shape_and_order() {
    let (dir, fx) = fixture_dir();
    let rows = actions_json(dir.path(), &[]);
    assert_eq!(ids(&rows), fx.open_in_order());
    let keys = [
        "id", "case", "child", "groep", "text", "owner", "owner_id", "side", "deadline", "overdue",
        "done",
    ];
    for r in &rows {
        let obj = r.as_object().unwrap();
        let mut got: Vec<&str> = obj.keys().map(String::as_str).collect();
        let mut want = keys.to_vec();
        got.sort_unstable();
        want.sort_unstable();
        assert_eq!(got, want);
        assert!(r["done"].is_null());
    }
    let first = row(&rows, fx.a_overdue_o);
    assert_eq!(first["case"], fx.case_emre.0);
    assert_eq!(first["child"], "E.Ç.", "child as initials");
    assert_eq!(first["groep"], "5");
    assert_eq!(first["text"], "Handvatten voor de leerkracht");
    assert_eq!(first["owner"], "Sanne de Vries");
    assert_eq!(first["owner_id"], fx.sanne.0);
    assert_eq!(first["side"], "onderwijs");
    assert_eq!(first["deadline"], "2026-11-16");
    assert_eq!(first["overdue"], true);
    let today = row(&rows, fx.a_today);
    assert_eq!(
        (today["overdue"].clone(), today["side"].clone()),
        (false.into(), "zorg".into())
    );
    let none = row(&rows, fx.a_no_owner);
    assert!(none["owner"].is_null() && none["owner_id"].is_null());
    // Initials by the domain's own rule (an emoji "word" is kept as it is).
    let zoe = tandem::domain::text::initials("Zoë 🦄 de Boer");
    assert!(zoe.starts_with("Z.🦄") && zoe.ends_with("d.B."), "{zoe}");
    assert_eq!(none["child"], zoe.as_str());
    assert_eq!(row(&rows, fx.a_no_deadline)["deadline"], Value::Null);
    let overdue: Vec<ActionId> = rows
        .iter()
        .filter(|r| r["overdue"] == true)
        .map(|r| ActionId(r["id"].as_u64().unwrap()))
        .collect();
    assert_eq!(overdue, vec![fx.a_overdue_o, fx.a_overdue_z]);
}

#[test]
fn the_table_marks_overdue_actions() {
    let (dir, fx) = fixture_dir();
    let (ok, stdout, stderr) = run(dir.path(), &["actions", "--names"]);
    assert!(ok, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1 + fx.open_in_order().len());
    assert!(
        lines[0].starts_with("id") && lines[0].contains("eigenaar"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains("!16-11-2026") && lines[1].contains("O onderwijs"),
        "{}",
        lines[1]
    );
    assert!(stdout.contains(" 23-11-2026") && !stdout.contains("!23-11-2026"));
    assert!(stdout.contains("Emre Çelik (5)") && stdout.contains("Zoë 🦄 de Boer (3)"));
    // The last column starts at the same place on screen in every line, wide letters or not.
    let texts = [
        "actie",
        "Handvatten",
        "Gesprek met moeder",
        "Huisbezoek",
        "Mee naar",
        "Jongerenwerker",
        "Budgetcoach",
        "Overdracht",
        "Kanjertraining",
        "Observatie",
    ];
    let starts: Vec<usize> = lines
        .iter()
        .zip(texts)
        .map(|(line, text)| line[..line.find(text).expect(text)].width())
        .collect();
    assert!(
        starts.iter().all(|s| *s == starts[0]),
        "{starts:?}\n{stdout}"
    );
    let (ok, private, _) = run(dir.path(), &["actions", "--privacy", "--lang", "en"]);
    assert!(ok);
    assert!(
        private.contains("E.Ç. (5)") && private.contains("S.d.V."),
        "{private}"
    );
    assert!(
        !private.contains("Emre") && !private.contains("Sanne"),
        "{private}"
    );
    assert!(private.lines().next().unwrap().contains("owner"));
}

#[test]
fn filters_narrow_the_list() {
    let (dir, fx) = fixture_dir();
    let d = dir.path();
    let zorg = actions_json(d, &["--side", "zorg"]);
    assert_eq!(
        ids(&zorg),
        vec![
            fx.a_overdue_z,
            fx.a_today,
            fx.a_friday,
            fx.a_no_owner,
            fx.a_dec1
        ]
    );
    assert_eq!(ids(&actions_json(d, &["--side", "Z"])), ids(&zorg));
    let onderwijs = actions_json(d, &["--side", "education"]);
    assert!(onderwijs.iter().all(|r| r["side"] == "onderwijs"));
    assert_eq!(onderwijs.len() + zorg.len(), fx.open_in_order().len());

    let jeroen = actions_json(d, &["--owner", "jeroen"]);
    assert_eq!(ids(&jeroen), vec![fx.a_overdue_z, fx.a_friday]);
    assert_eq!(
        ids(&actions_json(d, &["--owner", &fx.jeroen.to_string()])),
        ids(&jeroen)
    );
    assert_eq!(
        ids(&actions_json(d, &["--owner", "EL AMRANI"])),
        vec![fx.a_today]
    );

    let case = actions_json(d, &["--case", &fx.case_minh.to_string()]);
    assert_eq!(ids(&case), vec![fx.a_today, fx.a_dec12]);
    assert!(actions_json(d, &["--case", &fx.case_xiaoming.to_string()]).is_empty());

    let overdue = vec![fx.a_overdue_o, fx.a_overdue_z];
    assert_eq!(ids(&actions_json(d, &["--due", "overdue"])), overdue);
    assert_eq!(ids(&actions_json(d, &["--due", "verlopen"])), overdue);
    let by_today = [overdue.clone(), vec![fx.a_today]].concat();
    assert_eq!(ids(&actions_json(d, &["--due", "today"])), by_today);
    let by_friday = [by_today.clone(), vec![fx.a_friday]].concat();
    assert_eq!(ids(&actions_json(d, &["--due", "vr"])), by_friday);
    assert_eq!(ids(&actions_json(d, &["--due", "week"])), by_friday);
    let by_dec12 = [by_friday, vec![fx.a_no_owner, fx.a_dec1, fx.a_dec12]].concat();
    assert_eq!(ids(&actions_json(d, &["--due", "12-12-2026"])), by_dec12);

    // Filters combine.
    let both = actions_json(
        d,
        &[
            "--side",
            "onderwijs",
            "--due",
            "12-12-2026",
            "--owner",
            "sanne",
        ],
    );
    assert_eq!(ids(&both), vec![fx.a_overdue_o, fx.a_dec12]);

    let all = actions_json(d, &["--all"]);
    assert_eq!(
        ids(&all),
        [
            fx.open_in_order(),
            vec![fx.a_done_xiaoming, fx.a_done_yasmina, fx.a_done_elif]
        ]
        .concat()
    );
    for id in fx.done_ids() {
        let r = row(&all, id);
        assert!(r["done"].is_string(), "{r}");
        assert_eq!(r["overdue"], false, "done is never overdue");
    }
    let done_by_nov = actions_json(d, &["--all", "--due", "overdue", "--side", "onderwijs"]);
    assert_eq!(ids(&done_by_nov), vec![fx.a_overdue_o, fx.a_done_yasmina]);

    let private = actions_json(d, &["--privacy"]);
    assert_eq!(row(&private, fx.a_overdue_o)["owner"], "S.d.V.");
    assert_eq!(row(&private, fx.a_today)["owner"], "F.E.A.");
}

#[test]
fn bad_filters_fail_with_one_line() {
    let (dir, fx) = fixture_dir();
    let d = dir.path();
    let cases: [(&[&str], &str); 6] = [
        (&["--owner", "Henk"], "Henk"),
        (&["--owner", "e"], "meerdere"),
        (&["--case", "999"], "999"),
        (&["--due", "31-02-2027"], "31 februari 2027 bestaat niet"),
        (&["--due", "blabla"], "blabla"),
        (&["--side", "midden"], "midden"),
    ];
    for (args, says) in cases {
        for format in [&[][..], &["--format", "json"]] {
            let mut all = vec!["actions"];
            all.extend_from_slice(args);
            all.extend_from_slice(format);
            let line = assert_one_line_failure(d, &all);
            assert!(line.contains(says), "{all:?}: {line}");
        }
    }
    let en = assert_one_line_failure(d, &["--lang", "en", "actions", "--due", "31-02-2027"]);
    assert!(en.contains("31 February 2027 does not exist"), "{en}");
    let en = assert_one_line_failure(d, &["--lang", "en", "actions", "--owner", "Henk"]);
    assert!(en.contains("No one"), "{en}");
    let en = assert_one_line_failure(d, &["--lang", "en", "actions", "--case", "999"]);
    assert!(en.contains("case 999 does not exist"), "{en}");
    // Arguments clap refuses: a clear failure, never a panic (clap words it in a few lines).
    for args in [
        &["actions", "--format", "xml"][..],
        &["actions", "--case", "abc"],
    ] {
        let (ok, stdout, stderr) = run(d, args);
        assert!(!ok && stdout.is_empty(), "{args:?}");
        assert!(stderr.contains(args[2]), "{stderr}");
        assert_no_panic(&stderr);
    }
    // Nothing changed along the way.
    assert_eq!(ids(&actions_json(d, &[])), fx.open_in_order());
}

#[test]
fn done_and_undo_change_the_store() {
    let (dir, fx) = fixture_dir();
    let d = dir.path();
    let id = fx.a_friday.to_string();
    let (ok, stdout, stderr) = run(d, &["done", &id]);
    assert!(ok, "{stderr}");
    assert_eq!(stdout, "");
    assert!(
        stderr.contains("afgevinkt") && stderr.contains("kledingbank"),
        "{stderr}"
    );
    let open = actions_json(d, &[]);
    assert!(!ids(&open).contains(&fx.a_friday));
    let all = actions_json(d, &["--all"]);
    let done_at = row(&all, fx.a_friday)["done"]
        .as_str()
        .expect("done time")
        .to_string();
    assert!(done_at.starts_with("2026-11-23T"), "{done_at}");

    // Done again changes nothing: the first done time stays, and it says so.
    let (ok, _, stderr) = run(d, &["done", &id]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("was al afgevinkt"), "{stderr}");
    let all = actions_json(d, &["--all"]);
    assert_eq!(row(&all, fx.a_friday)["done"], done_at.as_str());

    let (ok, _, stderr) = run(d, &["--lang", "en", "done", &id, "--undo"]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("open again"), "{stderr}");
    assert_eq!(ids(&actions_json(d, &[])), fx.open_in_order());
    assert!(row(&actions_json(d, &["--all"]), fx.a_friday)["done"].is_null());

    let (ok, stdout, _) = run(d, &["check"]);
    assert!(ok, "{stdout}");
    let line = assert_one_line_failure(d, &["done", "999999"]);
    assert!(line.contains("Actie 999999 bestaat niet"), "{line}");
    let line = assert_one_line_failure(d, &["--lang", "en", "done", "999999", "--undo"]);
    assert!(line.contains("action 999999 does not exist"), "{line}");
    for args in [&["done", "-3"][..], &["done"], &["done", "drie"]] {
        let (ok, stdout, stderr) = run(d, args);
        assert!(!ok && stdout.is_empty(), "{args:?}");
        assert_no_panic(&stderr);
    }
}

#[test]
fn check_prints_a_summary() {
    let (dir, _fx) = fixture_dir();
    let (ok, stdout, stderr) = run(dir.path(), &["check"]);
    assert!(ok, "{stderr}");
    assert_eq!(stderr, "");
    assert!(
        stdout.contains("3 gezinnen, 6 casussen, 12 acties, 5 professionals, 1 overleggen"),
        "{stdout}"
    );
    assert!(stdout.contains("In orde"), "{stdout}");
    let (ok, stdout, _) = run(dir.path(), &["--lang", "en", "check"]);
    assert!(
        ok && stdout.contains("3 families, 6 cases") && stdout.contains("OK"),
        "{stdout}"
    );
    // A data dir without a store is a mistyped path, not an empty case book (issue 8).
    let empty = tempfile::tempdir().unwrap();
    let (ok, stdout, stderr) = run(empty.path(), &["check"]);
    assert!(!ok && stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("geen tandem-opslag"), "{stderr}");
    assert_eq!(fs_entries(empty.path()), 0, "check created nothing");
}

fn fs_entries(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |d| d.count())
}

/// `tandem check | head -1` and friends: a reader that goes away early is no reason to panic.
#[test]
fn a_closed_stdout_is_no_panic() {
    let (dir, _fx) = fixture_dir();
    for args in [
        &["check"][..],
        &["actions"],
        &["actions", "--format", "json"],
        &["export"],
    ] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
            .env("TANDEM_TODAY", TODAY)
            .env_remove("TANDEM_LANG")
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_no_panic(&stderr);
        assert!(stderr.lines().count() <= 1, "{args:?}: {stderr}");
        wait_unlocked(dir.path());
    }
}

/// A mistyped `TANDEM_TODAY` is an error in plain words, not silently today (issue 13, item 8);
/// empty counts as unset.
#[test]
fn a_tandem_today_that_is_not_a_day_is_refused_in_plain_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    for bad in ["2026-13-45", "2026-02-30", "morgen", "23-11-2026"] {
        let out = tandem(dir.path())
            .env("TANDEM_TODAY", bad)
            .args(["actions"])
            .output()
            .expect("run tandem");
        assert!(!out.status.success(), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            err.trim(),
            format!(
                "tandem: TANDEM_TODAY is geen datum: \"{bad}\". Schrijf JJJJ-MM-DD (bijvoorbeeld 2026-11-23), of laat het weg voor vandaag."
            )
        );
        assert!(out.stdout.is_empty());
    }
    let out = tandem(dir.path())
        .env("TANDEM_TODAY", "morgen")
        .args(["--lang", "en", "actions"])
        .output()
        .expect("run tandem");
    assert!(String::from_utf8_lossy(&out.stderr).contains("TANDEM_TODAY is not a date: \"morgen\""));
    let out = tandem(dir.path())
        .env("TANDEM_TODAY", "")
        .args(["demo"])
        .output()
        .expect("run tandem");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_small_demo_says_what_it_wrote_in_whole_words() {
    let dir = tempfile::tempdir().expect("data dir");
    let (ok, _, stderr) = crate::trust_common::out(dir.path(), &["demo"]);
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("18 casussen") && stderr.contains("(< 1 MB op schijf)"),
        "{stderr}"
    );
    assert!(!stderr.contains("(0 MB"), "{stderr}");
}

/// `--out` naming something that is not a regular file (a named pipe here; `/dev/null` alike) is
/// written into: a rename over it replaced the pipe by a file, and run as root `export --out
/// /dev/null` left a regular file in place of /dev/null.
#[cfg(unix)]
#[test]
fn export_and_inzage_write_into_a_pipe_and_leave_it_a_pipe() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().expect("data dir");
    let (ok, _, stderr) = crate::trust_common::out(dir.path(), &["demo"]);
    assert!(ok, "{stderr}");
    let pipes = tempfile::tempdir().expect("pipe dir");
    for (args, starts) in [
        (&["export", "--out"][..], "{"),
        (
            &["export", "--family", "1", "--format", "md", "--out"][..],
            "#",
        ),
    ] {
        let pipe = pipes.path().join(format!("{}.out", args.len()));
        let name = std::ffi::CString::new(pipe.to_str().expect("utf-8")).expect("c string");
        // SAFETY: a valid C string; mkfifo only makes the file.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let reader = {
            let pipe = pipe.clone();
            std::thread::spawn(move || {
                let mut text = String::new();
                std::fs::File::open(&pipe)
                    .and_then(|mut f| f.read_to_string(&mut text))
                    .map(|_| text)
            })
        };
        let mut all: Vec<&str> = args.to_vec();
        all.push(pipe.to_str().expect("utf-8"));
        let (ok, _, stderr) = crate::trust_common::out(dir.path(), &all);
        assert!(ok, "{args:?}: {stderr}");
        let kind = std::fs::symlink_metadata(&pipe)
            .expect("still there")
            .file_type();
        assert!(kind.is_fifo(), "{args:?} replaced the pipe: {kind:?}");
        let text = reader.join().expect("reader").expect("read the pipe");
        assert!(
            text.trim_start().starts_with(starts),
            "{args:?}: {text:.80}"
        );
    }
}
