//! The import rule that no text holds a NUL character (U+0000), wherever it sits in the
//! document: one pass over the serialised document says whether any does, and only then is the
//! place looked up.

use super::super::ExportDoc;
use super::Rule;
use crate::store::error::{ImportRule, RecordRef};
use serde::Serialize;

/// No text anywhere in the document holds U+0000. One pass over the serialised document finds
/// out whether any string does, whatever field it is in (fields added later included); only then
/// is the place looked up, record by record.
pub(super) fn no_nul(doc: &ExportDoc) -> Rule {
    if !has_nul(doc) {
        return Ok(());
    }
    fn records<R: Serialize>(kind: &'static str, list: &[R], id: impl Fn(&R) -> u64) -> Rule {
        for r in list.iter().filter(|r| has_nul(*r)) {
            if let Some(path) = serde_json::to_value(r).ok().as_ref().and_then(nul_path) {
                let record = Some(RecordRef::new(kind, id(r)));
                return Err(ImportRule::Nul { record, path });
            }
        }
        Ok(())
    }
    records("person", &doc.persons, |p| p.id.0)?;
    records("family", &doc.families, |f| f.id.0)?;
    records("case", &doc.cases, |c| c.id.0)?;
    records("action", &doc.actions, |a| a.id.0)?;
    records("meeting", &doc.meetings, |m| m.id.0)?;
    records("event", &doc.events, |e| e.id.0)?;
    // Not in a record: one of the document's own fields.
    match serde_json::to_value(doc).ok().as_ref().and_then(nul_path) {
        Some(path) => Err(ImportRule::Nul { record: None, path }),
        None => Ok(()),
    }
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
