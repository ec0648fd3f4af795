//! Where `tact check` writes its report: standard output, or with
//! `--output FILE` a file that appears whole when the run ends (written
//! beside it and renamed; a run that fails leaves what was there).

use std::io::{self, Write};
use std::path::Path;

use tact::atomic::NewFile;

/// The report's destination.
pub enum Sink {
    Stdout(io::StdoutLock<'static>),
    /// The file, until it is committed.
    File(Option<NewFile>),
}

impl Sink {
    /// Standard output, or a new file at `path`.
    ///
    /// # Errors
    /// When the file's folder is missing or not writable.
    pub fn open(path: Option<&Path>) -> Result<Self, tact::Error> {
        match path {
            None => Ok(Sink::Stdout(io::stdout().lock())),
            Some(path) => {
                let file = NewFile::create(path).map_err(|e| tact::Error::io(path.display().to_string(), e))?;
                Ok(Sink::File(Some(file)))
            }
        }
    }

    /// Put the file in place (nothing to do for standard output).
    ///
    /// # Errors
    /// When the file cannot be renamed into place.
    pub fn commit(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::File(file) => file.take().map_or(Ok(()), NewFile::commit),
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(out) => out.write(buf),
            Sink::File(Some(file)) => file.write(buf),
            Sink::File(None) => Err(io::Error::other("the report was already written")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::File(Some(file)) => file.flush(),
            Sink::File(None) => Ok(()),
        }
    }
}

/// A function naming `name` (the output file, or standard output) in a
/// write error.
pub fn error(name: &str) -> impl Fn(io::Error) -> tact::Error + '_ {
    move |e| tact::Error::io(name, e)
}
