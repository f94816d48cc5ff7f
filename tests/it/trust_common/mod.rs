//! Shared by the trust tests (damage, crash, disk): the binary run on a data dir, copies of a
//! data dir, the sled files' bytes, and mounts that are always undone. Everything fictional.
#![allow(dead_code)]

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::common::TODAY;

/// `tandem --data-dir DIR` with today fixed and the environment cleared of tandem's settings.
pub fn cmd(dir: &Path) -> Command {
    cmd_on(dir, TODAY)
}

/// As [`cmd`], with another "today".
pub fn cmd_on(dir: &Path, today: &str) -> Command {
    let mut c = crate::common::tandem_on(dir, today);
    c.stdin(Stdio::null());
    c
}

/// One run: (exit ok, stdout bytes, stderr text).
pub fn out(dir: &Path, args: &[&str]) -> (bool, Vec<u8>, String) {
    output_of(cmd(dir).args(args).output().expect("run tandem"))
}

pub fn output_of(o: Output) -> (bool, Vec<u8>, String) {
    (
        o.status.success(),
        o.stdout,
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Runs and insists on success; stdout.
pub fn ok(dir: &Path, args: &[&str]) -> Vec<u8> {
    let (ok, stdout, stderr) = out(dir, args);
    assert!(ok, "tandem {args:?} on {} failed: {stderr}", dir.display());
    stdout
}

/// Copies a directory tree (files and folders; nothing else is in a data dir).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create copy dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("dir entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// Flips one bit of one byte of a file, in place.
pub fn flip_bit(file: &Path, offset: u64, bit: u8) {
    let mut bytes = std::fs::read(file).expect("read file to damage");
    let at = usize::try_from(offset).expect("offset fits");
    bytes[at] ^= 1 << (bit % 8);
    std::fs::write(file, bytes).expect("write damaged file");
}

/// True for the files sled owns: `db`, `conf`, `snap.*`, `blobs/`.
pub fn is_sled_name(name: &str) -> bool {
    name == "db" || name == "conf" || name == "blobs" || name.starts_with("snap.")
}

/// The sled files of a data dir and their bytes, by name (`blobs/NAME` for blobs).
pub fn sled_bytes(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut map = BTreeMap::new();
    for entry in std::fs::read_dir(dir).expect("read data dir") {
        let entry = entry.expect("dir entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        if !is_sled_name(&name) {
            continue;
        }
        if entry.file_type().expect("file type").is_dir() {
            for inner in std::fs::read_dir(entry.path()).expect("read blobs") {
                let inner = inner.expect("blob entry");
                let inner_name = inner.file_name().to_string_lossy().into_owned();
                map.insert(
                    format!("{name}/{inner_name}"),
                    std::fs::read(inner.path()).expect("read blob"),
                );
            }
        } else {
            map.insert(name, std::fs::read(entry.path()).expect("read sled file"));
        }
    }
    map
}

/// Every file under `dir` with its bytes, by path relative to `dir`.
pub fn all_bytes(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, map: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).expect("read dir") {
            let entry = entry.expect("dir entry");
            let path = entry.path();
            let rel = path.strip_prefix(root).expect("under root").to_path_buf();
            if entry.file_type().expect("file type").is_dir() {
                map.insert(rel.join(""), Vec::new());
                walk(root, &path, map);
            } else {
                map.insert(rel, std::fs::read(&path).expect("read file"));
            }
        }
    }
    let mut map = BTreeMap::new();
    walk(dir, dir, &mut map);
    map
}

/// A short description of how two sled file maps differ.
pub fn diff_names(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) -> String {
    let mut parts = Vec::new();
    for (name, bytes) in a {
        match b.get(name) {
            None => parts.push(format!("{name} gone")),
            Some(other) if other != bytes => {
                let first = bytes.iter().zip(other).position(|(x, y)| x != y);
                parts.push(format!(
                    "{name} changed ({} -> {} bytes, first difference at {first:?})",
                    bytes.len(),
                    other.len()
                ));
            }
            Some(_) => {}
        }
    }
    for name in b.keys().filter(|n| !a.contains_key(*n)) {
        parts.push(format!("{name} new"));
    }
    parts.join(", ")
}

/// The names of the `snap.*` files in a data dir.
pub fn snapshots(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read data dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("snap."))
        .collect();
    names.sort();
    names
}

/// The actions as `actions --all --format json` lists them.
pub fn actions_json(dir: &Path) -> Vec<Value> {
    let stdout = ok(dir, &["actions", "--all", "--format", "json"]);
    serde_json::from_slice::<Vec<Value>>(&stdout).expect("actions JSON")
}

/// id -> done (true) or open (false), from `actions --all --format json` output.
pub fn done_states(actions: &[Value]) -> BTreeMap<u64, bool> {
    actions
        .iter()
        .map(|a| (a["id"].as_u64().expect("action id"), !a["done"].is_null()))
        .collect()
}

/// The ids of the open actions, in list order.
pub fn open_ids(dir: &Path) -> Vec<u64> {
    actions_json(dir)
        .iter()
        .filter(|a| a["done"].is_null())
        .map(|a| a["id"].as_u64().expect("action id"))
        .collect()
}

/// The quarantine folders of a data dir: (name, marked damaged).
pub fn quarantine_folders(dir: &Path) -> Vec<(String, bool)> {
    let Ok(entries) = std::fs::read_dir(dir.join("quarantine")) else {
        return Vec::new();
    };
    let mut out: Vec<(String, bool)> = entries
        .filter_map(|e| e.ok())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                e.path().join("BESCHADIGD.txt").is_file(),
            )
        })
        .collect();
    out.sort();
    out
}

/// A number from the environment, or the default.
pub fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

/// A small deterministic PRNG (splitmix64): the same seed gives the same rounds.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// A mount that is undone when dropped, even when the test panics.
pub struct Mount {
    pub path: PathBuf,
}

impl Mount {
    /// `mount -t tmpfs -o size=BYTES tmpfs DIR`; `None` (with the reason) when this machine
    /// doesn't let the test mount.
    pub fn tmpfs(dir: &Path, bytes: u64) -> Result<Mount, String> {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        let size = format!("size={bytes}");
        mount(&["-t", "tmpfs", "-o", &size, "tmpfs"], dir)
    }

    /// `mount -o loop IMAGE DIR`: a file system in a file, whose blocks the test can damage
    /// behind the file system's back (as a failing disk does).
    pub fn loop_image(image: &Path, dir: &Path) -> Result<Mount, String> {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        mount(&["-o", "loop", &image.to_string_lossy()], dir)
    }

    /// `mount --bind SRC DST` then a read-only remount (`-o ro` on a bind needs both steps on
    /// older util-linux).
    pub fn bind_read_only(src: &Path, dst: &Path) -> Result<Mount, String> {
        std::fs::create_dir_all(dst).map_err(|e| e.to_string())?;
        let m = mount(&["--bind", &src.to_string_lossy()], dst)?;
        let status = Command::new("mount")
            .args(["-o", "remount,bind,ro"])
            .arg(dst)
            .output()
            .map_err(|e| e.to_string())?;
        if !status.status.success() {
            return Err(String::from_utf8_lossy(&status.stderr).into_owned());
        }
        Ok(m)
    }
}

fn mount(args: &[&str], dir: &Path) -> Result<Mount, String> {
    let o = Command::new("mount")
        .args(args)
        .arg(dir)
        .output()
        .map_err(|e| format!("mount could not be run: {e}"))?;
    if o.status.success() {
        Ok(Mount {
            path: dir.to_path_buf(),
        })
    } else {
        Err(format!(
            "mount {args:?} {} failed: {}",
            dir.display(),
            String::from_utf8_lossy(&o.stderr).trim()
        ))
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let done = Command::new("umount")
            .arg(&self.path)
            .status()
            .is_ok_and(|s| s.success());
        if !done {
            // Something still holds it (a child not yet reaped): detach it lazily.
            let _ = Command::new("umount").arg("-l").arg(&self.path).status();
        }
    }
}

/// Asserts the form of a damage report: exit non-zero, one line on stderr naming the damage and
/// `tandem restore`, nothing else. Returns a description of what is wrong, if anything.
pub fn damage_report_problem(ok: bool, stderr: &str, word: &str) -> Option<String> {
    let lines = stderr.lines().count();
    if ok {
        Some("exit 0".into())
    } else if lines != 1 {
        Some(format!("{lines} lines on stderr: {stderr:?}"))
    } else if !stderr.contains(word) || !stderr.contains("tandem restore") {
        Some(format!(
            "stderr lacks {word:?} or \"tandem restore\": {stderr:?}"
        ))
    } else if stderr.contains("panicked") {
        Some(format!("panic: {stderr:?}"))
    } else {
        None
    }
}
