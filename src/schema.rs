//! The JSON Schema of `.tact.yml`, generated from [`crate::config::Options`]
//! (the type the file is read into), so that editors can complete and check
//! the file. The schema is committed as `schema/tact.schema.json`; a test
//! regenerates it and fails when the committed file differs, and checks the
//! repository's example configs against it.

use schemars::generate::SchemaSettings;

use crate::config::Options;

/// Where the committed schema is published: what `tact init` names in its
/// `# yaml-language-server: $schema=` line, and the schema's `$id`.
pub const URL: &str = "https://raw.githubusercontent.com/tact-lint/tact/main/schema/tact.schema.json";

/// The schema, as JSON (draft-07, which every YAML editor plugin reads).
#[must_use]
pub fn config_schema() -> serde_json::Value {
    let schema = SchemaSettings::draft07().into_generator().into_root_schema_for::<Options>();
    let mut value = schema.to_value();
    if let Some(object) = value.as_object_mut() {
        object.insert("$id".into(), URL.into());
        object.insert("title".into(), "tact configuration (.tact.yml)".into());
        object.insert(
            "description".into(),
            "Settings for tact, the outreach-message linter. Every key is optional; command-line flags win \
             over this file. Rule ids and categories: `tact rules list`."
                .into(),
        );
    }
    value
}

/// The schema as the committed file holds it: pretty JSON, one final newline.
#[must_use]
pub fn config_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&config_schema()).unwrap_or_default();
    text.push('\n');
    text
}
