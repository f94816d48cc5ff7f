//! The import rule that no text holds a NUL character (U+0000), wherever it sits in the
//! document: one pass over a serialised record says whether any of its strings does, and only
//! then is the place looked up.

use super::super::{Header, Kind};
use crate::store::error::{ImportRule, RecordRef};
use serde::Serialize;

/// The first string of one record that holds U+0000, whatever field it is in (fields added
/// later included), with its JSON path.
pub(super) fn in_record<R: Serialize>(kind: Kind, id: u64, record: &R) -> Option<ImportRule> {
    if !has_nul(record) {
        return None;
    }
    let path = serde_json::to_value(record)
        .ok()
        .as_ref()
        .and_then(nul_path)?;
    Some(ImportRule::Nul {
        record: Some(RecordRef::new(kind.name(), id)),
        path,
    })
}

/// The document's own strings (not in a record): its format and scope.
pub(super) fn in_header(header: &Header) -> Option<ImportRule> {
    let path = [("format", &header.format), ("scope", &header.scope)]
        .into_iter()
        .find(|(_, text)| text.contains('\0'))?
        .0;
    Some(ImportRule::Nul {
        record: None,
        path: path.into(),
    })
}

/// Whether `x`, written as JSON, holds a NUL in a string. serde_json writes U+0000 only as the
/// escape `\u0000`, so watching for that escape is enough.
fn has_nul<T: Serialize + ?Sized>(x: &T) -> bool {
    let mut scan = NulScan::default();
    // The scan stops the writing with an error at the first NUL.
    let _ = serde_json::to_writer(&mut scan, x);
    scan.found
}

/// Reads JSON as it is written and watches for the escape `\u0000`. `state`: 0 plain text, 1
/// just after an escaping backslash, 2–5 inside `\u` with that many characters of `u000` seen.
#[derive(Default)]
struct NulScan {
    state: u8,
    found: bool,
}

impl std::io::Write for NulScan {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut rest = buf;
        while let Some((&b, tail)) = rest.split_first() {
            if self.state == 0 {
                // Plain text, the bulk of it: only a backslash can start the escape.
                match rest.iter().position(|&b| b == b'\\') {
                    Some(at) => {
                        self.state = 1;
                        rest = &rest[at + 1..];
                    }
                    None => break,
                }
                continue;
            }
            self.state = match (self.state, b) {
                (1, b'u') => 2,
                (2..=4, b'0') => self.state + 1,
                (5, b'0') => {
                    self.found = true;
                    return Err(std::io::Error::other("NUL found"));
                }
                _ => 0,
            };
            rest = tail;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The JSON path (`items[1].agreements[0].text`) of the first string in `v` holding a NUL.
fn nul_path(v: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    let join = |head: String, rest: String| {
        if rest.is_empty() || rest.starts_with('[') {
            head + &rest
        } else {
            format!("{head}.{rest}")
        }
    };
    match v {
        Value::String(s) => s.contains('\0').then(String::new),
        Value::Array(xs) => xs
            .iter()
            .enumerate()
            .find_map(|(i, x)| nul_path(x).map(|rest| join(format!("[{i}]"), rest))),
        Value::Object(fields) => fields.iter().find_map(|(k, x)| {
            if k.contains('\0') {
                return Some(k.replace('\0', "\\u0000"));
            }
            nul_path(x).map(|rest| join(k.clone(), rest))
        }),
        _ => None,
    }
}
