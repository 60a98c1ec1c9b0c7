//! Input files: `-` for stdin, a size limit checked before reading, and scenario and
//! portfolio files parsed with the path of any malformed value.

use std::io::Read;
use std::path::Path;

use gpuecon::scenario::Scenario;
use gpuecon::scenario::portfolio::Portfolio;
use serde::de::DeserializeOwned;

use crate::CliError;

/// The largest input read: 64 MiB (a scenario is a few KiB; a day of nvidia-smi rows for
/// 8 GPUs every second about 70 MiB: split longer recordings).
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// How a path is named in messages: `stdin` for `-`.
pub fn origin(path: &Path) -> String {
    if is_stdin(path) {
        "stdin".to_owned()
    } else {
        path.display().to_string()
    }
}

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

fn too_large(origin: &str) -> CliError {
    CliError::Message(format!(
        "{origin}: larger than {} MiB, not read",
        MAX_INPUT_BYTES / 1024 / 1024
    ))
}

/// The text of `path` (`-`: stdin). A regular file larger than [`MAX_INPUT_BYTES`] is
/// refused before reading; any other input (stdin, a pipe, `/dev/zero`) is refused as soon
/// as it passes the limit.
///
/// # Errors
/// One line naming the input: unreadable, too large, not UTF-8.
pub fn read_text(path: &Path) -> Result<String, CliError> {
    let origin = origin(path);
    let fail = |e: std::io::Error| CliError::Message(format!("{origin}: {e}"));
    let reader: Box<dyn Read> = if is_stdin(path) {
        Box::new(std::io::stdin())
    } else {
        let file = std::fs::File::open(path).map_err(fail)?;
        let metadata = file.metadata().map_err(fail)?;
        if metadata.is_file() && metadata.len() > MAX_INPUT_BYTES {
            return Err(too_large(&origin));
        }
        Box::new(file)
    };
    let mut bytes = Vec::new();
    reader
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(fail)?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_INPUT_BYTES {
        return Err(too_large(&origin));
    }
    String::from_utf8(bytes).map_err(|_| CliError::Message(format!("{origin}: not UTF-8 text")))
}

/// Whether a file is TOML (by its extension; without one, or for stdin, by its first
/// character: `{` is JSON).
fn is_toml(path: &Path, text: &str) -> Result<bool, CliError> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("json") => Ok(false),
        Some("toml") => Ok(true),
        None => Ok(!text.trim_start().starts_with('{')),
        Some(_) => Err(CliError::Message(format!(
            "{}: a scenario file is .json or .toml",
            origin(path)
        ))),
    }
}

/// TOML dates and times as strings (RFC 3339), which is how the core reads dates.
fn dates_as_strings(value: &mut toml::Value) {
    match value {
        toml::Value::Datetime(datetime) => *value = toml::Value::String(datetime.to_string()),
        toml::Value::Array(items) => items.iter_mut().for_each(dates_as_strings),
        toml::Value::Table(table) => table.iter_mut().for_each(|(_, v)| dates_as_strings(v)),
        _ => {}
    }
}

/// A parse error with the path of the value it is about.
fn malformed(origin: &str, path: &str, message: &str) -> CliError {
    let field = if path == "." || path.is_empty() {
        None
    } else {
        Some(crate::terminal::cut(path))
    };
    CliError::Problems {
        code: "INVALID_ARGUMENT",
        message: match &field {
            Some(field) => format!("{origin}: {field}: {message}"),
            None => format!("{origin}: {message}"),
        },
        field,
        problems: Vec::new(),
    }
}

/// `T` from JSON or TOML `text`, naming the path of a malformed value.
fn parse<T: DeserializeOwned>(origin: &str, text: &str, toml: bool) -> Result<T, CliError> {
    if toml {
        let mut value: toml::Value =
            toml::from_str(text).map_err(|e| malformed(origin, ".", e.message()))?;
        dates_as_strings(&mut value);
        serde_path_to_error::deserialize(value)
            .map_err(|e| malformed(origin, &e.path().to_string(), &e.inner().to_string()))
    } else {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(&mut deserializer)
            .map_err(|e| malformed(origin, &e.path().to_string(), &e.inner().to_string()))
    }
}

/// What a model file holds.
pub enum Model {
    /// One scenario.
    Scenario(Box<Scenario>),
    /// A portfolio of boxes (an object with `boxes`).
    Portfolio(Box<Portfolio>),
}

/// Reads a scenario or a portfolio (`boxes` at the top) from `path` (`-`: stdin), JSON or
/// TOML.
///
/// # Errors
/// One line naming the input, and the path of a malformed value.
pub fn load_model(path: &Path) -> Result<Model, CliError> {
    let origin = origin(path);
    let text = read_text(path)?;
    let toml = is_toml(path, &text)?;
    let value: serde_json::Value = if toml {
        let mut value: toml::Value =
            toml::from_str(&text).map_err(|e| malformed(&origin, ".", e.message()))?;
        dates_as_strings(&mut value);
        serde_json::to_value(value).map_err(|e| malformed(&origin, ".", &e.to_string()))?
    } else {
        parse(&origin, &text, false)?
    };
    if value.get("boxes").is_some() {
        let portfolio = serde_path_to_error::deserialize(value)
            .map_err(|e| malformed(&origin, &e.path().to_string(), &e.inner().to_string()))?;
        return Ok(Model::Portfolio(Box::new(portfolio)));
    }
    Ok(Model::Scenario(Box::new(parse(&origin, &text, toml)?)))
}

/// Reads a scenario from `path` (`-`: stdin), JSON or TOML.
///
/// # Errors
/// As [`load_model`]; a portfolio is refused.
pub fn load_scenario(path: &Path) -> Result<Scenario, CliError> {
    match load_model(path)? {
        Model::Scenario(scenario) => Ok(*scenario),
        Model::Portfolio(_) => Err(CliError::Message(format!(
            "{}: a portfolio, where one scenario is needed",
            origin(path)
        ))),
    }
}

/// Reads JSON `T` (Monte Carlo options and the like) from `path`, naming the path of a
/// malformed value.
///
/// # Errors
/// As [`read_text`], and the malformed value.
pub fn load_json<T: DeserializeOwned>(path: &Path) -> Result<T, CliError> {
    let text = read_text(path)?;
    parse(&origin(path), &text, false)
}
