//! Any bytes as a `.tact.yml`: no panic, and a broken config is an error
//! at a line and column of it.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use tact::config::ConfigFile;
use tact::error::Error;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match ConfigFile::parse(Path::new(".tact.yml"), text.to_owned()) {
        Ok(_) => {}
        Err(Error::File(e)) => assert!(e.line >= 1 && e.line <= text.split('\n').count() && e.column >= 1, "{e}"),
        Err(other) => panic!("a config error that points nowhere: {other}"),
    }
});
