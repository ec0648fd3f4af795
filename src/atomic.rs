//! Writing a file back safely: only if it still holds what was read, via a
//! temporary file in the same folder renamed over it, permissions kept.

use std::io::Write;
use std::path::Path;

/// What happened to a write.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    Done,
    /// The file changed since it was read; nothing was written.
    ChangedMeanwhile,
}

/// Replace the file at `path` with `new`, if it still holds `expected`.
///
/// # Errors
/// When reading, writing or renaming fails. The original is untouched then.
pub fn replace_if_unchanged(path: &Path, expected: &[u8], new: &[u8]) -> std::io::Result<Written> {
    let current = std::fs::read(path)?;
    if current != expected {
        return Ok(Written::ChangedMeanwhile);
    }
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let permissions = std::fs::metadata(path)?.permissions();
    let mut temp = tempfile::Builder::new().prefix(".tact-").suffix(".tmp").tempfile_in(dir)?;
    temp.write_all(new)?;
    temp.as_file().sync_all()?;
    std::fs::set_permissions(temp.path(), permissions)?;
    // Last look: a change between the first read and now also aborts.
    if std::fs::read(path)? != expected {
        return Ok(Written::ChangedMeanwhile);
    }
    temp.persist(path).map_err(|e| e.error)?;
    Ok(Written::Done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_refuses_changed_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("draft.txt");
        std::fs::write(&path, "old").expect("write");
        assert_eq!(replace_if_unchanged(&path, b"stale", b"new").expect("io"), Written::ChangedMeanwhile);
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "old");
        assert_eq!(replace_if_unchanged(&path, b"old", b"new").expect("io"), Written::Done);
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "new");
    }
}
