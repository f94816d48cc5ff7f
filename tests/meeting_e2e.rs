//! A meeting in the real binary, in a pseudo-terminal, with a crash in the middle: tandem is
//! killed (SIGKILL, no chance to clean up) after an action and an agreement were recorded; the
//! next start offers to resume, `m` goes on where it was, and the minutes hold everything.
#![cfg(unix)]

mod meeting_common;

use meeting_common::{tandem, TODAY};
use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(10);

/// tandem in a 120x40 pty; a thread feeds what it prints to a vt100 parser.
struct Tui {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    _master: Box<dyn MasterPty + Send>,
}

impl Tui {
    fn start(data: &Path, config: &Path) -> Tui {
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
        let p = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().expect("parser").process(&buf[..n]);
            }
        });
        Tui {
            child,
            writer,
            parser,
            _master: pair.master,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < WAIT {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("waited for {text:?}; the screen shows:\n{}", self.screen());
    }

    fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    fn step(&mut self, keys: &str, text: &str) {
        self.keys(keys);
        self.wait_for(text);
    }

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

    /// SIGKILL: no destructor, no terminal restore, no last save.
    fn kill_hard(&mut self) {
        let pid = self.child.process_id().expect("a pid");
        let status = std::process::Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(status.success());
        let status = self.exit();
        assert!(!status.success(), "killed, not ended: {status:?}");
    }
}

#[test]
fn a_meeting_killed_halfway_resumes_where_it_was_and_its_minutes_keep_everything() {
    let data = tempfile::tempdir().expect("data dir");
    let config = tempfile::tempdir().expect("config dir");
    tandem(data.path(), &["demo"]);

    let mut t = Tui::start(data.path(), config.path());
    t.wait_for("Julia Bakker");
    t.step("1", "Voorstel agenda");
    t.step("m", "Overleg gestart");
    t.wait_for("casus 1 van 12");
    t.wait_for("Yassin El Amrani");
    t.keys("aMoeder bellen over de ochtenden\tyv\tvr\r");
    t.wait_for("Moeder bellen over de ochtenden");
    t.wait_for("Opgeslagen.");
    t.keys("rZusjes gaan vanaf januari naar de opvang.\r");
    t.wait_for("● Zusjes gaan vanaf januari naar de opvang.");
    t.step("]", "casus 2 van 12");
    t.wait_for("Rayan Bouzid");
    // Halfway through: the laptop's battery dies.
    t.kill_hard();

    let mut t = Tui::start(data.path(), config.path());
    t.wait_for("Er loopt nog een overleg. Druk m om verder te gaan waar het was.");
    t.step("m", "casus 2 van 12");
    t.wait_for("Rayan Bouzid");
    assert!(t.screen().contains("PRIVACY"), "privacy again on resume");
    // Item 1 holds what was recorded before the kill.
    t.step("[", "casus 1 van 12");
    t.wait_for("Moeder bellen over de ochtenden");
    t.wait_for("● Zusjes gaan vanaf januari naar de opvang.");
    t.step("]", "casus 2 van 12");
    t.step("E", "Wat is er besloten");
    t.wait_for("Afspraak: Zusjes gaan vanaf januari naar de opvang.");
    t.step("\r", "Overleg afgerond");
    t.wait_for("Voorstel agenda");
    t.keys("q");
    assert!(t.exit().success());

    let md = tandem(data.path(), &["minutes", "latest"]);
    assert!(
        md.contains("- Afspraak: Zusjes gaan vanaf januari naar de opvang."),
        "{md}"
    );
    assert!(
        md.contains(
            "- Nieuwe actie: Z zorg · Yvonne Postma · 27-11-2026 · Moeder bellen over de ochtenden"
        ),
        "{md}"
    );
    assert_eq!(md.matches("niet besproken").count(), 11, "{md}");
    // One meeting, ended; none left running.
    let json = meeting_common::tandem_json(data.path(), &["minutes", "latest", "--format", "json"]);
    assert!(json["ended"].is_string(), "{json}");
    assert_eq!(json["items"][0]["discussed"], true);
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
        .arg("--data-dir")
        .arg(data.path())
        .arg("check")
        .env("TANDEM_TODAY", TODAY)
        .output()
        .expect("run tandem check");
    assert!(
        check.status.success(),
        "the store is consistent after the kill: {}",
        String::from_utf8_lossy(&check.stderr)
    );
}
