//! The rooms of `src/` and their one-way arrows (issue 9): domain imports nothing of tandem;
//! store only the domain; report and i18n sit below tui and cli; tui and cli never import each
//! other. Read from the source, so a new upward import fails here, not in review.

use std::path::{Path, PathBuf};

/// Every `.rs` file of a room: `src/<room>.rs` and everything under `src/<room>/`.
fn files_of(room: &str) -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = vec![src.join(format!("{room}.rs"))];
    let mut dirs = vec![src.join(room)];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.retain(|p| p.exists());
    out
}

/// The top-level names of each `crate::{...}` group (`use crate::{cli, tui::app}` gives
/// "cli" and "tui"): what follows the group's commas, up to the next `::`, `,` or `}`.
fn grouped_imports(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("crate::{") {
        let rest = &text[at + "crate::{".len()..];
        let (mut depth, mut end) = (1, rest.len());
        for (i, c) in rest.char_indices() {
            depth += match c {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            if depth == 0 {
                end = i;
                break;
            }
        }
        // Only the group's own level: a name's first segment.
        let mut level = 0;
        let mut names = String::new();
        for c in rest[..end].chars() {
            match c {
                '{' => level += 1,
                '}' => level -= 1,
                _ if level == 0 => names.push(c),
                _ => {}
            }
        }
        out.extend(
            names
                .split(',')
                .filter_map(|n| n.trim().split("::").next().map(str::to_string)),
        );
    }
    out
}

/// The rooms a room may not import.
const FORBIDDEN: &[(&str, &[&str])] = &[
    (
        "domain",
        &[
            "store", "report", "i18n", "tui", "cli", "demo", "config", "clock",
        ],
    ),
    ("store", &["report", "i18n", "tui", "cli", "demo", "config"]),
    ("report", &["tui", "cli", "demo", "config"]),
    ("i18n", &["tui", "cli", "report", "demo"]),
    ("tui", &["cli"]),
    ("cli", &["tui"]),
];

#[test]
fn no_room_imports_a_room_above_it() {
    let mut wrong = Vec::new();
    for (room, above) in FORBIDDEN {
        let files = files_of(room);
        assert!(!files.is_empty(), "no files for room {room}");
        for file in files {
            let text = std::fs::read_to_string(&file).expect("read source");
            let grouped = grouped_imports(&text);
            for other in *above {
                let path = format!("crate::{other}::");
                let whole = format!("crate::{other};");
                let in_group = grouped.iter().any(|g| {
                    g.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                        .any(|word| word == *other)
                });
                if text.contains(&path) || text.contains(&whole) || in_group {
                    wrong.push(format!("{} imports {other}", file.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "upward imports:\n{}", wrong.join("\n"));
}
