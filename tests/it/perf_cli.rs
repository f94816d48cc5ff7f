//! The command line at 50,000 cases, timed from outside as whole processes (issue 10 item 4):
//! `actions --due week --format json` side by side with Taskwarrior on the same open actions and
//! the same question, and `check`, `export`, `import` with their peak memory. Reports only;
//! `#[ignore]`, run with the README's benchmark command.
//!
//! Works on a copy of the bench store (`$TANDEM_BENCH_DIR`, default the temp dir's
//! `tandem-bench-50k`, made with `tandem demo --cases 50000 --seed 1` when missing).
//! `TANDEM_BENCH_BIN=/path/to/older/tandem` times an older build beside this one, run for run.
//! Taskwarrior (`task`) is only used when it is installed; its data goes into the temp dir's
//! `tandem-bench-taskwarrior`, made once.
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const TODAY: &str = "2026-11-23";
/// Sunday of that week: `--due week` means due by then, overdue included.
const END_OF_WEEK: &str = "2026-11-29";

/// One whole process: wall time, CPU time (user + system) and peak resident memory.
struct Run {
    ms: f64,
    cpu_ms: Option<f64>,
    peak_mb: Option<f64>,
}

/// Runs `program args` with stdout into `out` (or thrown away), timed from outside. The peak
/// comes from `/usr/bin/time` where it is there.
fn run(program: &Path, args: &[&str], out: Option<&Path>) -> Run {
    let times = tempfile::NamedTempFile::new().expect("temp file");
    let gnu_time = Path::new("/usr/bin/time").exists();
    let mut cmd = if gnu_time {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "%M %U %S", "-o"])
            .arg(times.path())
            .arg(program);
        c
    } else {
        Command::new(program)
    };
    cmd.args(args).env("TANDEM_TODAY", TODAY).env("TZ", "UTC");
    cmd.stdout(match out {
        Some(path) => Stdio::from(std::fs::File::create(path).expect("create")),
        None => Stdio::null(),
    });
    cmd.stderr(Stdio::piped());
    let started = Instant::now();
    let done = cmd.output().expect("run");
    let ms = started.elapsed().as_secs_f64() * 1e3;
    assert!(
        done.status.success(),
        "{} {args:?}: {}",
        program.display(),
        String::from_utf8_lossy(&done.stderr)
    );
    let measured: Vec<f64> = std::fs::read_to_string(times.path())
        .ok()
        .and_then(|s| s.lines().last().map(str::to_string))
        .map(|l| {
            l.split_whitespace()
                .filter_map(|x| x.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    Run {
        ms,
        peak_mb: measured.first().map(|kb| kb / 1024.0),
        cpu_ms: measured.get(1..3).map(|t| (t[0] + t[1]) * 1e3),
    }
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs.get(xs.len() / 2).copied().unwrap_or(0.0)
}

fn peak(runs: &[Run]) -> String {
    runs.iter()
        .filter_map(|r| r.peak_mb)
        .reduce(f64::max)
        .map_or("?".into(), |mb| format!("{mb:.0} MB"))
}

fn report(label: &str, runs: &[Run]) -> f64 {
    let ms: Vec<f64> = runs.iter().map(|r| r.ms).collect();
    let (lo, hi) = (
        ms.iter().copied().fold(f64::MAX, f64::min),
        ms.iter().copied().fold(0.0, f64::max),
    );
    let m = median(ms);
    let cpu: Vec<f64> = runs.iter().filter_map(|r| r.cpu_ms).collect();
    let cpu = match cpu.is_empty() {
        true => "?".to_string(),
        false => format!("{:.0} ms", median(cpu)),
    };
    println!(
        "{label}: median {m:.0} ms ({lo:.0}–{hi:.0}, {} runs), CPU {cpu}, peak {}",
        runs.len(),
        peak(runs)
    );
    m
}

/// The bench store (made once), copied into `to`; the copy is opened once so that its first
/// open (which copies files that don't match their seal into quarantine) is not timed.
fn store_copy(to: &Path, bin: &Path) -> PathBuf {
    let source = std::env::var_os("TANDEM_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("tandem-bench-50k"));
    if !source.join("db").exists() {
        let dir = source.to_str().expect("utf-8 path");
        run(
            bin,
            &["--data-dir", dir, "demo", "--cases", "50000", "--seed", "1"],
            None,
        );
    }
    let copy = to.join("store");
    let status = Command::new("cp")
        .arg("-a")
        .arg(&source)
        .arg(&copy)
        .status();
    assert!(status.expect("cp").success());
    let dir = copy.to_str().expect("utf-8 path");
    run(bin, &["--data-dir", dir, "actions", "--due", "today"], None);
    copy
}

/// This build, and the one `TANDEM_BENCH_BIN` names, if any.
fn builds() -> Vec<(String, PathBuf)> {
    let mut out = vec![(
        "this build".to_string(),
        PathBuf::from(env!("CARGO_BIN_EXE_tandem")),
    )];
    if let Some(other) = std::env::var_os("TANDEM_BENCH_BIN") {
        out.push(("TANDEM_BENCH_BIN".into(), PathBuf::from(other)));
    }
    out
}

#[test]
#[ignore]
fn command_line_side_by_side() {
    let work = tempfile::tempdir().expect("temp dir");
    let builds = builds();
    let store = store_copy(work.path(), &builds[0].1);
    let dir = store.to_str().expect("utf-8 path");
    let week: &[&str] = &[
        "--data-dir",
        dir,
        "actions",
        "--due",
        "week",
        "--format",
        "json",
    ];
    let mut answers = Vec::new();
    let mut runs: Vec<Vec<Run>> = builds.iter().map(|_| Vec::new()).collect();
    // Build after build, round after round: both meet the same noise.
    for round in 0..9 {
        for (i, (_, bin)) in builds.iter().enumerate() {
            let out = work.path().join(format!("week-{i}.json"));
            runs[i].push(run(bin, week, Some(&out)));
            if round == 0 {
                answers.push(std::fs::read(&out).expect("read"));
            }
        }
    }
    if answers.iter().any(|a| *a != answers[0]) {
        println!("NOTE: the builds' answers differ");
    }
    let mut medians = Vec::new();
    for ((name, _), r) in builds.iter().zip(&runs) {
        medians.push(report(
            &format!("{name}: actions --due week --format json"),
            r,
        ));
    }
    let rows = serde_json::from_slice::<Vec<serde_json::Value>>(&answers[0]).map_or(0, |v| v.len());
    println!(
        "  {rows} actions due by {END_OF_WEEK} (overdue included), {} bytes",
        answers[0].len()
    );
    taskwarrior(work.path(), &builds[0].1, dir, rows, medians[0]);
    heavy_commands(work.path(), &builds, dir);
}

/// `check`, `export --out` and an `import` of that export into a new data dir, build after
/// build for each round.
fn heavy_commands(work: &Path, builds: &[(String, PathBuf)], dir: &str) {
    let file = work.join("export.json");
    let f = file.to_str().expect("utf-8 path");
    let mut runs: Vec<[Vec<Run>; 3]> = builds.iter().map(|_| Default::default()).collect();
    for _ in 0..2 {
        for (i, (_, bin)) in builds.iter().enumerate() {
            runs[i][0].push(run(bin, &["--data-dir", dir, "check"], None));
            runs[i][1].push(run(bin, &["--data-dir", dir, "export", "--out", f], None));
        }
    }
    let mb = std::fs::metadata(&file).map_or(0, |m| m.len()) / 1_048_576;
    for (i, (_, bin)) in builds.iter().enumerate() {
        let to = tempfile::tempdir_in(work).expect("temp dir");
        let into = to.path().join("store");
        let into = into.to_str().expect("utf-8 path");
        runs[i][2].push(run(bin, &["--data-dir", into, "import", f], None));
    }
    for ((name, _), [check, export, import]) in builds.iter().zip(&runs) {
        report(&format!("{name}: check"), check);
        report(&format!("{name}: export --out"), export);
        report(
            &format!("{name}: import of that export ({mb} MB) into a new data dir"),
            import,
        );
    }
}

/// Taskwarrior on the same open actions: imported once (each with its deadline as due date),
/// then asked the same question as a whole process.
fn taskwarrior(work: &Path, bin: &Path, dir: &str, rows: usize, tandem_ms: f64) {
    let installed = Command::new("task").arg("--version").output();
    if !installed.is_ok_and(|o| o.status.success()) {
        println!("Taskwarrior (task) is not installed: the side-by-side is skipped.");
        return;
    }
    let taskdata = std::env::temp_dir().join("tandem-bench-taskwarrior");
    let rc = taskdata.join("taskrc");
    let all = work.join("open.json");
    run(
        bin,
        &["--data-dir", dir, "actions", "--format", "json"],
        Some(&all),
    );
    let open: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(&all).expect("read")).expect("json");
    let marker = taskdata.join("imported");
    if std::fs::read_to_string(&marker).ok() != Some(open.len().to_string()) {
        let _ = std::fs::remove_dir_all(&taskdata);
        std::fs::create_dir_all(taskdata.join("data")).expect("mkdir");
        let settings = format!(
            "data.location={}\nconfirmation=off\nhooks=off\nverbose=nothing\n",
            taskdata.join("data").display()
        );
        std::fs::write(&rc, settings).expect("taskrc");
        let tasks = work.join("tasks.json");
        std::fs::write(&tasks, task_import(&open)).expect("write");
        let started = Instant::now();
        let t = tasks.to_str().expect("utf-8 path");
        let imported = task(&rc).args(["import", t]).output().expect("task import");
        assert!(
            imported.status.success(),
            "{}",
            String::from_utf8_lossy(&imported.stderr)
        );
        println!(
            "task import of {} open actions: {:.0} s (once)",
            open.len(),
            started.elapsed().as_secs_f64()
        );
        std::fs::write(&marker, open.len().to_string()).expect("marker");
    }
    let before = format!("due.before:{}", next_day(END_OF_WEEK));
    let args = ["status:pending", &before, "export"];
    // One run first: Taskwarrior tidies its files on the first command after an import.
    let _ = task(&rc).args(args).output();
    let mut runs = Vec::new();
    let mut found = 0;
    for _ in 0..5 {
        let started = Instant::now();
        let out = task(&rc).args(args).output().expect("task");
        runs.push(started.elapsed().as_secs_f64() * 1e3);
        found =
            serde_json::from_slice::<Vec<serde_json::Value>>(&out.stdout).map_or(0, |v| v.len());
    }
    let m = median(runs.clone());
    println!(
        "task status:pending {before} export: median {m:.0} ms ({:.0}–{:.0}, 5 runs), {found} tasks (tandem: {rows})",
        runs.iter().copied().fold(f64::MAX, f64::min),
        runs.iter().copied().fold(0.0, f64::max)
    );
    println!(
        "  tandem is {:.1}× faster on the same question",
        m / tandem_ms
    );
}

fn task(rc: &Path) -> Command {
    let mut c = Command::new("task");
    c.env("TASKRC", rc).env("TZ", "UTC");
    c
}

/// The day after `date` (YYYY-MM-DD): `due.before` is exclusive.
fn next_day(date: &str) -> String {
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.succ_opt())
        .map_or_else(|| date.into(), |d| d.to_string())
}

/// `tandem actions --format json` as Taskwarrior's import format: one task per action, its
/// deadline as due date (midnight UTC), a stable uuid from the action's id.
fn task_import(open: &[serde_json::Value]) -> String {
    let tasks: Vec<serde_json::Value> = open
        .iter()
        .map(|a| {
            let id = a["id"].as_u64().unwrap_or(0);
            let mut t = serde_json::json!({
                "uuid": format!("00000000-0000-4000-8000-{id:012x}"),
                "description": a["text"],
                "status": "pending",
                "entry": "20260101T000000Z",
                "project": a["side"],
            });
            if let Some(d) = a["deadline"].as_str() {
                t["due"] = format!("{}T000000Z", d.replace('-', "")).into();
            }
            t
        })
        .collect();
    serde_json::to_string(&tasks).unwrap_or_default()
}
