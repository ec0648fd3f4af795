//! Python bindings: `tact.check(text)` and `tact.check_many(texts)` lint
//! messages with the same rules, settings and JSON as `tact check --format
//! json`, one message object each. The Python side (`tact/__init__.py`)
//! turns the JSON into dictionaries.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use rayon::prelude::*;
use tact::config::{Options, Resolver, Settings};
use tact::message::KindSource;
use tact::report::{Checked, json};
use tact::{Kind, Message};

/// What the label says about a message's origin in the JSON (`path`).
const PATH: &str = "<string>";

/// Settings from `config` (a `.tact.yml` path), or the built-in rules alone.
fn settings(config: Option<&str>) -> PyResult<Arc<Settings>> {
    let resolver = Resolver::new(Options::default(), config.map(PathBuf::from), config.is_none());
    let dir = config.and_then(|c| Path::new(c).parent()).unwrap_or(Path::new("."));
    resolver.for_dir(dir).map_err(|e| PyValueError::new_err(e.to_string()))
}

fn kind(kind: Option<&str>) -> PyResult<Option<(Kind, KindSource)>> {
    kind.map(|k| k.parse::<Kind>().map(|k| (k, KindSource::Option)).map_err(|e| PyValueError::new_err(e.to_string())))
        .transpose()
}

fn one(settings: &Settings, kind: Option<(Kind, KindSource)>, text: String) -> String {
    let message = Message::plain(text);
    let kind = kind.or_else(|| settings.kind_for(None));
    let report = settings.linter.lint(&message, kind);
    let checked = Checked::new(PATH.to_owned(), None, message, report);
    serde_json::to_string(&json::message(&checked, settings.linter.rules())).unwrap_or_default()
}

/// Lint one message; the result is one message object of the JSON output.
#[pyfunction]
#[pyo3(signature = (text, kind=None, config=None))]
fn check_json(py: Python<'_>, text: String, kind: Option<&str>, config: Option<&str>) -> PyResult<String> {
    let settings = settings(config)?;
    let kind = self::kind(kind)?;
    Ok(py.allow_threads(|| one(&settings, kind, text)))
}

/// Lint many messages in parallel, outside the GIL, in the order given.
#[pyfunction]
#[pyo3(signature = (texts, kind=None, config=None))]
fn check_many_json(
    py: Python<'_>,
    texts: Vec<String>,
    kind: Option<&str>,
    config: Option<&str>,
) -> PyResult<Vec<String>> {
    let settings = settings(config)?;
    let kind = self::kind(kind)?;
    Ok(py.allow_threads(|| texts.into_par_iter().map(|t| one(&settings, kind.clone(), t)).collect()))
}

#[pymodule]
fn _tact(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(check_json, m)?)?;
    m.add_function(wrap_pyfunction!(check_many_json, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
