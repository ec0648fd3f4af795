//! Writing a file back safely: only if it still holds what was read, and so
//! that it stays the file it was. Writing a new file whole ([`NewFile`]: a
//! report), so that a reader never sees half of it.
//!
//! The new text goes to a temporary file in the same folder
//! (`.tact-fix-*.tmp`), which takes the original's mode, owner and group and
//! is renamed over it. A symbolic link is followed and its target written.
//! A file with more than one hard link, or whose owner cannot be given to
//! the temporary file, is written in place instead, so the links and the
//! owner stay. A read-only file is refused. Temporary files left by a run
//! that was killed are removed by the next write in the same folder once
//! they are an hour old.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

/// What happened to a write.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    Done,
    /// The file changed since it was read; nothing was written.
    ChangedMeanwhile,
    /// The file is read-only; nothing was written.
    ReadOnly,
}

/// The start and end of a temporary file's name.
const TEMP_PREFIX: &str = ".tact-fix-";
const TEMP_SUFFIX: &str = ".tmp";
/// A temporary file this old was left by a run that did not finish.
const STALE: Duration = Duration::from_secs(3600);

/// Replace the file at `path` with `new`, if it still holds `expected`.
///
/// # Errors
/// When reading, writing or renaming fails. The original is untouched then.
pub fn replace_if_unchanged(path: &Path, expected: &[u8], new: &[u8]) -> std::io::Result<Written> {
    // Write the target of a symbolic link, not the link.
    let path = &std::fs::canonicalize(path)?;
    let current = std::fs::read(path)?;
    if current != expected {
        return Ok(Written::ChangedMeanwhile);
    }
    let meta = std::fs::metadata(path)?;
    if meta.permissions().readonly() {
        return Ok(Written::ReadOnly);
    }
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    remove_stale(dir);
    if links(&meta) > 1 {
        return write_in_place(path, expected, new);
    }
    let mut temp = tempfile::Builder::new().prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX).tempfile_in(dir)?;
    temp.write_all(new)?;
    temp.as_file().sync_all()?;
    std::fs::set_permissions(temp.path(), meta.permissions())?;
    if !same_owner(temp.path(), &meta) {
        drop(temp);
        return write_in_place(path, expected, new);
    }
    // Last look: a change between the first read and now also aborts.
    if std::fs::read(path)? != expected {
        return Ok(Written::ChangedMeanwhile);
    }
    temp.persist(path).map_err(|e| e.error)?;
    Ok(Written::Done)
}

/// Overwrite `path` itself: keeps its inode, so its hard links and owner.
fn write_in_place(path: &Path, expected: &[u8], new: &[u8]) -> std::io::Result<Written> {
    if std::fs::read(path)? != expected {
        return Ok(Written::ChangedMeanwhile);
    }
    let mut file = std::fs::OpenOptions::new().write(true).truncate(true).open(path)?;
    file.write_all(new)?;
    file.sync_all()?;
    Ok(Written::Done)
}

/// A file being written whole. The bytes go to a temporary file in the
/// same folder (`.tact-fix-*.tmp`), renamed over `path` by
/// [`NewFile::commit`]; dropped without a commit, the temporary file goes
/// and whatever was at `path` is untouched. A new file gets the usual mode
/// (umask applied), a replaced one keeps its own; a symbolic link is
/// followed and its target replaced.
#[derive(Debug)]
pub struct NewFile {
    temp: tempfile::NamedTempFile,
    path: PathBuf,
}

impl NewFile {
    /// Start writing the file at `path`.
    ///
    /// # Errors
    /// When the folder does not exist or is not writable.
    pub fn create(path: &Path) -> std::io::Result<Self> {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        // Said plainly, without the temporary file's name.
        std::fs::metadata(dir)?;
        remove_stale(dir);
        let mut builder = tempfile::Builder::new();
        builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => {
                return Err(std::io::Error::new(std::io::ErrorKind::IsADirectory, "is a folder"));
            }
            Ok(meta) => {
                builder.permissions(meta.permissions());
            }
            Err(_) => {
                #[cfg(unix)]
                builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
            }
        }
        Ok(Self { temp: builder.tempfile_in(dir)?, path })
    }

    /// Put the file in place.
    ///
    /// # Errors
    /// When flushing or renaming fails; the temporary file is removed then.
    pub fn commit(mut self) -> std::io::Result<()> {
        self.temp.flush()?;
        self.temp.as_file().sync_all()?;
        self.temp.persist(&self.path).map_err(|e| e.error)?;
        Ok(())
    }
}

impl Write for NewFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.temp.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.temp.flush()
    }
}

#[cfg(unix)]
fn links(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn links(_: &std::fs::Metadata) -> u64 {
    1
}

/// Give `temp` the owner and group of `meta`'s file; whether it has them.
#[cfg(unix)]
fn same_owner(temp: &Path, meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(now) = std::fs::metadata(temp) else { return false };
    if now.uid() == meta.uid() && now.gid() == meta.gid() {
        return true;
    }
    std::os::unix::fs::chown(temp, Some(meta.uid()), Some(meta.gid())).is_ok()
}

#[cfg(not(unix))]
fn same_owner(_: &Path, _: &std::fs::Metadata) -> bool {
    true
}

/// Remove temporary files older than [`STALE`] from `dir`, once a run.
fn remove_stale(dir: &Path) {
    static CLEANED: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);
    let Ok(mut cleaned) = CLEANED.lock() else { return };
    if !cleaned.get_or_insert_with(HashSet::new).insert(dir.to_path_buf()) {
        return;
    }
    drop(cleaned);
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| now.duration_since(t).is_ok_and(|age| age >= STALE));
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
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

    #[test]
    fn new_files_appear_whole_or_not_at_all() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("report.txt");
        std::fs::write(&path, "old report").expect("write");
        let mut file = NewFile::create(&path).expect("create");
        file.write_all(b"new report").expect("write");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "old report", "not replaced before the commit");
        file.commit().expect("commit");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "new report");
        let mut abandoned = NewFile::create(&path).expect("create");
        abandoned.write_all(b"half").expect("write");
        drop(abandoned);
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "new report");
        let names: Vec<_> = std::fs::read_dir(dir.path()).expect("list").flatten().map(|e| e.file_name()).collect();
        assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
        assert!(NewFile::create(dir.path()).is_err(), "a folder is refused");
    }

    #[cfg(unix)]
    #[test]
    fn keeps_links_and_refuses_read_only_files() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("draft.txt");
        std::fs::write(&target, "old").expect("write");
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        let hard = dir.path().join("hard.txt");
        std::fs::hard_link(&target, &hard).expect("hard link");
        assert_eq!(replace_if_unchanged(&link, b"old", b"new").expect("io"), Written::Done);
        assert!(std::fs::symlink_metadata(&link).expect("meta").file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&hard).expect("read"), "new", "the hard link sees the change");
        assert_eq!(std::fs::metadata(&target).expect("meta").nlink(), 2);
        let mut readonly = std::fs::metadata(&target).expect("meta").permissions();
        readonly.set_readonly(true);
        std::fs::set_permissions(&target, readonly).expect("chmod");
        assert_eq!(replace_if_unchanged(&target, b"new", b"newer").expect("io"), Written::ReadOnly);
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).expect("list").flatten().map(|e| e.file_name()).collect();
        assert_eq!(names.len(), 3, "no temporary file left: {names:?}");
    }
}
