//! Where `--out PATH` writes (`export`, `inzage`).

use std::path::{Path, PathBuf};

/// How a file named with `--out` is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutFile {
    /// A regular file, or one that does not exist yet: written to `tmp` beside `target`,
    /// synced, then renamed over it, so a failed write never leaves half a file. A symlink is
    /// followed: the link stays, and what it points at gets the new content.
    Replace { target: PathBuf, tmp: PathBuf },
    /// Anything else that exists (a device such as `/dev/null`, a named pipe): written into as
    /// it is. A rename over it would replace the device itself: run as root, `export --out
    /// /dev/null` once left a regular file in its place, and every program that writes to
    /// /dev/null then failed.
    Into(PathBuf),
}

/// How `path` is written; `ext` is the temporary file's extension (`json.part`).
pub fn out_file(path: &Path, ext: &str) -> OutFile {
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => OutFile::Into(path.to_path_buf()),
        _ => {
            let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            let tmp = target.with_extension(ext);
            OutFile::Replace { target, tmp }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_is_written_into_a_file_is_replaced_and_a_link_kept() {
        assert_eq!(
            out_file(Path::new("/dev/null"), "json.part"),
            OutFile::Into(PathBuf::from("/dev/null"))
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let new = dir.path().join("nieuw.json");
        assert_eq!(
            out_file(&new, "json.part"),
            OutFile::Replace {
                target: new.clone(),
                tmp: dir.path().join("nieuw.json.part"),
            }
        );
        #[cfg(unix)]
        {
            let real = dir.path().join("echt.json");
            std::fs::write(&real, "{}").expect("write");
            let link = dir.path().join("link.json");
            std::os::unix::fs::symlink(&real, &link).expect("symlink");
            let real = std::fs::canonicalize(&real).expect("canonical");
            assert_eq!(
                out_file(&link, "json.part"),
                OutFile::Replace {
                    target: real.clone(),
                    tmp: real.with_extension("json.part"),
                }
            );
        }
    }
}
