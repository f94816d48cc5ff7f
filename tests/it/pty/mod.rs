//! The real binary in a pseudo-terminal (portable-pty + vt100), for the end-to-end tests: start
//! it, type keys, wait for text on the screen, end or kill it.
#![allow(dead_code)]

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::TODAY;
pub const WAIT: Duration = Duration::from_secs(10);
pub const ENTER_ALT: &[u8] = b"\x1b[?1049h";
pub const LEAVE_ALT: &[u8] = b"\x1b[?1049l";

/// `tandem me PERSON` with the config dir of the pty tests: from then on no start asks "Wie ben
/// jij?".
pub fn choose_me(data: &Path, config: &Path, person: &str) {
    let out = crate::common::tandem(data)
        .env("XDG_CONFIG_HOME", config)
        .args(["me", person])
        .output()
        .expect("tandem me");
    assert!(out.status.success(), "{out:?}");
}

/// tandem running in a 120x40 pty; a thread feeds everything it prints to a vt100 parser.
pub struct Tui {
    pub child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    _master: Box<dyn MasterPty + Send>,
}

impl Tui {
    pub fn start(data: &Path, config: &Path, args: &[&str]) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut cmd = CommandBuilder::new(crate::common::bin());
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
                // Raw first: whatever the screen shows, `printed` already holds.
                r.lock().expect("raw").extend_from_slice(&buf[..n]);
                p.lock().expect("parser").process(&buf[..n]);
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

    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Waits (polling every 20 ms, at most 10 s) until the screen shows `text`.
    pub fn wait_for(&self, text: &str) {
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

    pub fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// Leaves the start's question "Wie ben jij?" with Esc: it is asked at every start until
    /// "me" is chosen on this laptop (issue 12 part 4), and Esc says where to choose later.
    pub fn skip_me(&mut self) {
        self.wait_for("Wie ben jij?");
        self.step("\x1b", "Later: I op scherm 3");
    }

    /// Types keys, then waits for `text`.
    pub fn step(&mut self, keys: &str, text: &str) {
        self.keys(keys);
        self.wait_for(text);
    }

    /// Waits for the process to end; its exit status.
    pub fn exit(&mut self) -> portable_pty::ExitStatus {
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
    /// Everything tandem printed so far, as text (escape sequences included).
    pub fn printed(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().expect("raw")).into_owned()
    }

    pub fn assert_restored(&self) {
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

    /// Sends signal `name` ("TERM", "HUP", "KILL") to tandem.
    pub fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("a pid");
        let status = std::process::Command::new("kill")
            .args([&format!("-{name}"), &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{name}");
    }

    /// SIGKILL: no destructor, no terminal restore, no last save.
    pub fn kill_hard(&mut self) {
        self.signal("KILL");
        let status = self.exit();
        assert!(!status.success(), "killed, not ended: {status:?}");
    }
}
