//! The real binary in a pseudo-terminal, driven as a person would: keys typed, the screen read
//! back through a terminal emulator (vt100), the store read afterwards through `tandem export`.
#![cfg(unix)]

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};
use serde_json::Value;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tempfile::TempDir;

const TODAY: &str = "2026-11-23";
const WAIT: Duration = Duration::from_secs(10);
const ENTER_ALT: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT: &[u8] = b"\x1b[?1049l";

/// tandem running in a 120x40 pty; a thread feeds everything it prints to a vt100 parser.
struct Tui {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    _master: Box<dyn MasterPty + Send>,
}

impl Tui {
    fn start(data: &Path, config: &Path, args: &[&str]) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tandem"));
        cmd.arg("--data-dir");
        cmd.arg(data);
        cmd.args(args);
        cmd.env("TANDEM_TODAY", TODAY);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_CONFIG_HOME", config);
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("TANDEM_DATA_DIR");
        let child = pair.slave.spawn_command(cmd).expect("spawn tandem");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(40, 120, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (Arc::clone(&parser), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().expect("parser").process(&buf[..n]);
                r.lock().expect("raw").extend_from_slice(&buf[..n]);
            }
        });
        Tui {
            child,
            writer,
            parser,
            raw,
            _master: pair.master,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Waits (polling every 20 ms, at most 10 s) until the screen shows `text`.
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < WAIT {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "waited {WAIT:?} for {text:?}; the screen shows:\n{}",
            self.screen()
        );
    }

    fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// Types keys, then waits for `text`.
    fn step(&mut self, keys: &str, text: &str) {
        self.keys(keys);
        self.wait_for(text);
    }

    /// Waits for the process to end; its exit status.
    fn exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        while start.elapsed() < WAIT {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("tandem did not exit; the screen shows:\n{}", self.screen());
    }

    /// The terminal is back as it was: the last alternate-screen switch left it, and after that
    /// only the cursor may be shown again.
    fn assert_restored(&self) {
        // The reader thread may still be draining the last bytes.
        let start = Instant::now();
        while start.elapsed() < WAIT
            && !self
                .raw
                .lock()
                .expect("raw")
                .windows(LEAVE_ALT.len())
                .any(|w| w == LEAVE_ALT)
        {
            std::thread::sleep(Duration::from_millis(20));
        }
        let raw = self.raw.lock().expect("raw").clone();
        let last = |seq: &[u8]| raw.windows(seq.len()).rposition(|w| w == seq);
        let (entered, left) = (
            last(ENTER_ALT).expect("the alternate screen was used"),
            last(LEAVE_ALT).expect("left"),
        );
        assert!(
            left > entered,
            "the alternate screen was not left at the end"
        );
        let tail = String::from_utf8_lossy(&raw[left + LEAVE_ALT.len()..]).replace("\x1b[?25h", "");
        assert!(
            tail.trim().is_empty(),
            "output after leaving the alternate screen: {tail:?}"
        );
        assert!(!self
            .parser
            .lock()
            .expect("parser")
            .screen()
            .alternate_screen());
        let text = String::from_utf8_lossy(&raw);
        assert!(!text.contains("panicked"), "a panic: {text}");
        // Bracketed paste was switched on, and off again before leaving.
        assert!(last(b"\x1b[?2004l") > last(b"\x1b[?2004h"));
    }
}

fn dirs() -> (TempDir, TempDir) {
    (
        tempfile::tempdir().expect("data dir"),
        tempfile::tempdir().expect("config dir"),
    )
}

fn export(data: &Path) -> Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
        .arg("--data-dir")
        .arg(data)
        .arg("export")
        .env("TANDEM_TODAY", TODAY)
        .output()
        .expect("run tandem export");
    assert!(
        out.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("export is JSON")
}

fn items<'a>(doc: &'a Value, key: &str) -> &'a Vec<Value> {
    doc[key]
        .as_array()
        .unwrap_or_else(|| panic!("no {key} in the export"))
}

#[test]
fn a_whole_session_from_welcome_to_quit_is_on_disk() {
    let (data, config) = dirs();
    let mut t = Tui::start(data.path(), config.path(), &[]);
    t.wait_for("Welkom bij tandem");
    t.step("d", "Demo-gegevens geladen");
    t.wait_for("Julia Bakker");

    // A new case: the child's name in Vietnamese, a question with an emoji.
    t.step("n", "Nieuwe casus (intake)");
    t.keys("Thị Lan\tNguyễn\t\t\t");
    t.keys("Slaapt slecht 😴 sinds de zomer");
    t.step("\r", "Opgeslagen.");
    t.wait_for("Thị Lan Nguyễn");
    // It is selected: Enter opens it.
    t.step("\r", "Casus · Gezin Nguyễn");
    t.wait_for("Slaapt slecht 😴 sinds de zomer");

    // Bram Kok from the sociale kaart joins the family's network.
    t.step("n", "Toevoegen aan netwerk");
    t.step("bram", "→ Bram Kok");
    t.step("\r", "Opgeslagen.");
    t.wait_for("Bram Kok · logopedist");
    // Netwerk pane, consent for the selected (only) person.
    t.keys("\t");
    t.step("t", "Toestemming");
    t.step("\r", "Opgeslagen.");
    t.wait_for("✓ Z Bram Kok");

    // The lookup finds the family without the diacritics.
    t.step("/", "Zoeken");
    t.step("nguyen", "gezin        Nguyễn");
    t.step("\r", "Gezin Nguyễn · Ouders / verzorgers");
    t.wait_for("Bram Kok · logopedist · Logopediepraktijk Spraakwater");

    // Undo the consent: the status line says what was undone.
    t.step("u", "Ongedaan gemaakt: Toestemming");
    t.wait_for("niet gevraagd");

    t.keys("q");
    t.wait_for("Casus · Gezin Nguyễn");
    t.keys("q");
    t.wait_for("open casussen");
    t.keys("q");
    let status = t.exit();
    assert!(status.success(), "exit status {status:?}");
    t.assert_restored();

    let doc = export(data.path());
    let case = items(&doc, "cases")
        .iter()
        .find(|c| c["question"] == "Slaapt slecht 😴 sinds de zomer")
        .expect("the new case is in the store");
    let family = items(&doc, "families")
        .iter()
        .find(|f| f["id"] == case["family"])
        .expect("its family");
    assert_eq!(family["name"], "Nguyễn");
    let child = family["children"]
        .as_array()
        .and_then(|c| c.first())
        .expect("a child");
    assert_eq!(
        (child["first_name"].as_str(), child["last_name"].as_str()),
        (Some("Thị Lan"), Some("Nguyễn"))
    );
    let bram = items(&doc, "persons")
        .iter()
        .find(|p| p["name"] == "Bram Kok")
        .expect("Bram Kok")["id"]
        .clone();
    let network = family["network"].as_array().expect("network");
    assert!(
        network
            .iter()
            .any(|i| i["person"] == bram && i["role"] == "logopedist"),
        "{network:?}"
    );
    // The consent was undone: the case holds none for Bram.
    let consents = case["consents"].as_array().expect("consents");
    assert!(
        !consents.iter().any(|c| c["person"] == bram),
        "the undone consent is still there: {consents:?}"
    );
}

#[test]
fn sigterm_restores_the_terminal_and_ends_tandem() {
    let (data, config) = dirs();
    let mut t = Tui::start(data.path(), config.path(), &[]);
    t.wait_for("Welkom bij tandem");
    t.step("d", "Julia Bakker");
    let pid = t.child.process_id().expect("a pid");
    let kill = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(kill.success());
    let status = t.exit();
    assert!(status.success(), "exit status after SIGTERM: {status:?}");
    t.assert_restored();
    // What was saved before stays saved.
    assert_eq!(items(&export(data.path()), "cases").len(), 18);
}

#[test]
fn a_theme_that_does_not_parse_gives_a_message_and_tandem_runs_on() {
    let (data, config) = dirs();
    let themes = config.path().join("tandem").join("themes");
    std::fs::create_dir_all(&themes).expect("themes dir");
    std::fs::write(themes.join("kapot.toml"), "name = 'kapot'\n[roles\ntext = ")
        .expect("write theme");
    let mut t = Tui::start(data.path(), config.path(), &["--theme", "kapot"]);
    t.wait_for("Thema 'kapot' kon niet worden geladen");
    t.wait_for("Welkom bij tandem");
    t.step("d", "Julia Bakker");
    t.keys("q");
    assert!(t.exit().success());
    t.assert_restored();
}

#[test]
fn a_second_tandem_on_the_same_data_dir_says_so_and_exits() {
    let (data, config) = dirs();
    let mut t = Tui::start(data.path(), config.path(), &[]);
    t.wait_for("Welkom bij tandem");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
        .arg("--data-dir")
        .arg(data.path())
        .env("TANDEM_TODAY", TODAY)
        .env("XDG_CONFIG_HOME", config.path())
        .output()
        .expect("run a second tandem");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains("al geopend"), "{stderr}");
    assert!(
        !stderr.contains("panicked") && out.stdout.is_empty(),
        "{stderr}"
    );
    // The first one is undisturbed.
    t.step("d", "Julia Bakker");
    t.keys("q");
    assert!(t.exit().success());
    t.assert_restored();
}
