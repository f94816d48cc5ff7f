//! A terminal window closed under tandem: the pty's master side closes, the kernel sends SIGHUP,
//! and every write to the terminal fails from then on. tandem must end as a quit does, with the
//! store sealed. Before session 11 the failed writes of ratatui's restore (reported with
//! `eprintln!` on the same dead terminal) panicked, the panic hook's restore panicked again, and
//! the process aborted unsealed: the next start copied the whole store aside first. The pty is
//! made with `openpty` here (not `pty::Tui`) so that the test can close its master for real.
#![cfg(unix)]

use crate::common::{bin, TODAY};
use crate::trust_common::ok;
use std::io::Read;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A new pty of 120x40: (master, slave).
fn openpty() -> (OwnedFd, OwnedFd) {
    let (mut master, mut slave) = (-1, -1);
    let size = libc::winsize {
        ws_row: 40,
        ws_col: 120,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two descriptors into the two ints; the name and termios are null.
    let made = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(made, 0, "openpty: {}", std::io::Error::last_os_error());
    for fd in [master, slave] {
        // SAFETY: fcntl on a descriptor just opened. Not inherited: tandem holding the master
        // itself would keep its terminal from ever hanging up.
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    // SAFETY: both were just opened by openpty and are owned by nothing else.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

/// Reads what tandem draws until the screen shows `text` (or the time is up).
fn wait_for(master: &mut std::fs::File, screen: &mut vt100::Parser, text: &str) {
    let end = Instant::now() + Duration::from_secs(10);
    let mut buf = [0u8; 8192];
    while !screen.screen().contents().contains(text) {
        assert!(
            Instant::now() < end,
            "no {text:?} on screen:\n{}",
            screen.screen().contents()
        );
        let mut fds = libc::pollfd {
            fd: master.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, for at most 100 ms.
        if unsafe { libc::poll(&mut fds, 1, 100) } > 0 {
            let n = master.read(&mut buf).expect("read the pty");
            screen.process(&buf[..n]);
        }
    }
}

#[test]
fn a_closed_terminal_window_leaves_the_store_sealed() {
    let data = tempfile::tempdir().expect("data dir");
    let config = tempfile::tempdir().expect("config dir");
    ok(data.path(), &["demo"]);
    let (master, slave) = openpty();
    let mut cmd = Command::new(bin());
    cmd.arg("--data-dir")
        .arg(data.path())
        .env("TANDEM_TODAY", TODAY)
        .env("TERM", "xterm-256color")
        .env("XDG_CONFIG_HOME", config.path())
        .env_remove("NO_COLOR")
        .env_remove("TANDEM_DATA_DIR")
        .stdin(Stdio::from(slave.try_clone().expect("slave")))
        .stdout(Stdio::from(slave.try_clone().expect("slave")))
        .stderr(Stdio::from(slave));
    // SAFETY: setsid and ioctl are async-signal-safe; the child gets the pty (its stdin, set up
    // before this runs) as its controlling terminal, as a terminal window gives it.
    unsafe {
        cmd.pre_exec(|| {
            if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = cmd.spawn().expect("spawn tandem");
    drop(cmd);
    let mut master = std::fs::File::from(master);
    let mut screen = vt100::Parser::new(40, 120, 0);
    wait_for(&mut master, &mut screen, "Casussen");
    let seal = data.path().join("seal");
    assert!(!seal.exists(), "an open store has no seal");
    // The window closes.
    drop(master);
    let end = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            break status;
        }
        if Instant::now() > end {
            let _ = child.kill();
            panic!("tandem did not end after its terminal was closed");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    // Ended by itself, not by a signal or an abort. A frame being drawn as the terminal went
    // gives a failed write and exit status 1, after the store was closed.
    assert!(
        status.code().is_some_and(|c| c <= 1),
        "exit status after the hang-up: {status:?}"
    );
    assert!(seal.exists(), "the store was left unsealed");
    let copies = std::fs::read_dir(data.path().join("quarantine")).map_or(0, |d| d.count());
    assert_eq!(copies, 0, "a copy of the files was kept aside");
}
