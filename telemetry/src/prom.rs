//! The Prometheus text exposition format (version 0.0.4), the sample lines of it that
//! exporters such as DCGM's print:
//!
//! ```text
//! # HELP DCGM_FI_DEV_POWER_USAGE Power draw (in W).
//! # TYPE DCGM_FI_DEV_POWER_USAGE gauge
//! DCGM_FI_DEV_POWER_USAGE{gpu="0",UUID="GPU-…",Hostname="node-1"} 113.611000
//! metric_name [ "{" label="value" { , label="value" } [ , ] "}" ] value [ timestamp_ms ]
//! ```
//!
//! - Metric names match `[a-zA-Z_:][a-zA-Z0-9_:]*`, label names `[a-zA-Z_][a-zA-Z0-9_]*`.
//! - Label values are double-quoted; `\\`, `\"` and `\n` are the only escapes, and commas,
//!   `=` and braces inside them are text.
//! - Tokens may be separated by blanks and tabs (`{gpu="0", UUID="…"}` as older exporters
//!   print it); a trailing comma before `}` is allowed; the value is a Go float (`NaN`,
//!   `+Inf`, `-Inf` included); an optional timestamp in milliseconds may follow.
//! - `#` lines (HELP, TYPE, comments) and blank lines carry no sample and are skipped; a
//!   line that breaks the grammar (a truncated line, `...`) is reported with its line
//!   number and skipped.
//!
//! Why not a crate: see the comment in this crate's `Cargo.toml` (the common one mangles
//! labels on valid input, another rejects the fixtures).

use std::collections::HashSet;

use crate::screen::{quote, without_bom};
use crate::{LineProblem, Parsed};

/// One sample line.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    /// The metric name.
    pub name: String,
    /// The labels, in the order written, values unescaped.
    pub labels: Vec<(String, String)>,
    /// The value as written, for callers that need its exact digits (DCGM's sentinels).
    pub value_text: String,
    /// The value.
    pub value: f64,
    /// The timestamp in milliseconds since the epoch, when the line has one.
    pub timestamp_ms: Option<i64>,
    /// The line it was on, from 1.
    pub line: usize,
}

impl Sample {
    /// The value of the first label named `name`.
    ///
    /// ```
    /// let parsed = gpuecon_telemetry::prom::parse("m{gpu=\"0\"} 1\n");
    /// assert_eq!(parsed.value[0].label("gpu"), Some("0"));
    /// assert_eq!(parsed.value[0].label("UUID"), None);
    /// ```
    #[must_use]
    pub fn label(&self, name: &str) -> Option<&str> {
        self.labels
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// Parses exposition text into its samples, in order; lines that break the grammar are
/// reported with their line number and skipped. A leading byte order mark is ignored.
/// Linear in the text: a line's labels are checked for duplicates through a hash set.
///
/// ```
/// use gpuecon_telemetry::prom::parse;
/// let text = "# TYPE m gauge\nm{pod=\"a,b\", UUID=\"GPU-1\"} 9.5 1700000000000\nm{gpu=\n";
/// let parsed = parse(text);
/// let sample = &parsed.value[0];
/// assert_eq!(sample.label("pod"), Some("a,b"));
/// assert_eq!(sample.label("UUID"), Some("GPU-1"));
/// assert_eq!((sample.value, sample.timestamp_ms), (9.5, Some(1_700_000_000_000)));
/// assert_eq!(parsed.problems[0].line, 3);
/// ```
#[must_use]
pub fn parse(text: &str) -> Parsed<Vec<Sample>> {
    let mut samples = Vec::new();
    let mut problems = Vec::new();
    for (number, line) in (1..).zip(without_bom(text).lines()) {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match sample(line, number) {
            Ok(sample) => samples.push(sample),
            Err(message) => problems.push(LineProblem::new(number, message)),
        }
    }
    Parsed {
        value: samples,
        problems,
        warnings: Vec::new(),
    }
}

/// A cursor over one line.
struct Cursor<'a> {
    rest: &'a str,
}

impl<'a> Cursor<'a> {
    fn skip_blanks(&mut self) {
        self.rest = self.rest.trim_start_matches([' ', '\t']);
    }

    fn peek(&self) -> Option<char> {
        self.rest.chars().next()
    }

    fn eat(&mut self, c: char) -> bool {
        match self.rest.strip_prefix(c) {
            Some(rest) => {
                self.rest = rest;
                true
            }
            None => false,
        }
    }

    /// The longest prefix whose first char passes `first` and the rest `other`.
    fn name(
        &mut self,
        first: impl Fn(char) -> bool,
        other: impl Fn(char) -> bool,
    ) -> Option<&'a str> {
        let mut chars = self.rest.char_indices();
        match chars.next() {
            Some((_, c)) if first(c) => {}
            _ => return None,
        }
        let end = chars
            .find(|&(_, c)| !other(c))
            .map_or(self.rest.len(), |(i, _)| i);
        let (name, rest) = self.rest.split_at(end);
        self.rest = rest;
        Some(name)
    }

    /// A blank-separated token (the value, the timestamp).
    fn token(&mut self) -> Option<&'a str> {
        self.skip_blanks();
        let end = self.rest.find([' ', '\t']).unwrap_or(self.rest.len());
        let (token, rest) = self.rest.split_at(end);
        self.rest = rest;
        (!token.is_empty()).then_some(token)
    }

    /// A double-quoted label value, unescaped.
    fn quoted(&mut self) -> Result<String, String> {
        if !self.eat('"') {
            return Err("a label value must be in double quotes".to_owned());
        }
        let mut value = String::new();
        let mut chars = self.rest.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    self.rest = self.rest.get(i + 1..).unwrap_or_default();
                    return Ok(value);
                }
                '\\' => match chars.next() {
                    Some((_, '\\')) => value.push('\\'),
                    Some((_, '"')) => value.push('"'),
                    Some((_, 'n')) => value.push('\n'),
                    Some((_, other)) => {
                        return Err(format!("invalid escape \\{other} in a label value"));
                    }
                    None => break,
                },
                _ => value.push(c),
            }
        }
        Err("unterminated label value (truncated line?)".to_owned())
    }
}

fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || c == ':'
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == ':'
}

fn is_label_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

fn is_label_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// A Go float as Prometheus writes it (`1.5`, `1e3`, `NaN`, `+Inf`, `-Inf`).
fn float(text: &str) -> Option<f64> {
    match text {
        "NaN" => Some(f64::NAN),
        "+Inf" | "Inf" => Some(f64::INFINITY),
        "-Inf" => Some(f64::NEG_INFINITY),
        _ if text
            .bytes()
            .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b)) =>
        {
            text.parse().ok()
        }
        _ => None,
    }
}

/// One sample line (already trimmed, not a comment), line `number`.
fn sample(line: &str, number: usize) -> Result<Sample, String> {
    let mut cursor = Cursor { rest: line };
    let name = cursor
        .name(is_name_start, is_name_char)
        .ok_or_else(|| {
            format!(
                "{} does not start with a metric name",
                quote(truncate(line))
            )
        })?
        .to_owned();
    let mut labels: Vec<(String, String)> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    cursor.skip_blanks();
    if cursor.eat('{') {
        loop {
            cursor.skip_blanks();
            if cursor.eat('}') {
                break;
            }
            let label = cursor
                .name(is_label_start, is_label_char)
                .ok_or("expected a label name or '}'")?;
            cursor.skip_blanks();
            if !cursor.eat('=') {
                return Err(format!("expected '=' after the label {label}"));
            }
            cursor.skip_blanks();
            let value = cursor.quoted()?;
            if !seen.insert(label) {
                return Err(format!("the label {label} appears twice"));
            }
            labels.push((label.to_owned(), value));
            cursor.skip_blanks();
            if cursor.eat(',') {
                continue;
            }
            if cursor.peek() == Some('}') {
                continue;
            }
            return Err("expected ',' or '}' after a label (truncated line?)".to_owned());
        }
    }
    let value_text = cursor
        .token()
        .ok_or_else(|| format!("{name}: no value (truncated line?)"))?
        .to_owned();
    let value = float(&value_text)
        .ok_or_else(|| format!("{name}: {} is not a number", quote(&value_text)))?;
    let timestamp_ms =
        match cursor.token() {
            None => None,
            Some(text) => Some(text.parse::<i64>().map_err(|_| {
                format!("{name}: {} is not a timestamp in milliseconds", quote(text))
            })?),
        };
    if let Some(extra) = cursor.token() {
        return Err(format!(
            "{name}: unexpected {} after the value",
            quote(extra)
        ));
    }
    Ok(Sample {
        name,
        labels,
        value_text,
        value,
        timestamp_ms,
        line: number,
    })
}

/// The first 40 characters of `line`, for messages.
fn truncate(line: &str) -> &str {
    line.char_indices()
        .nth(40)
        .map_or(line, |(i, _)| line.get(..i).unwrap_or(line))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(line: &str) -> Sample {
        let parsed = parse(line);
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        parsed.value.into_iter().next().unwrap()
    }

    #[test]
    fn nvidia_docs_sample_with_blanks_after_commas() {
        // ../shared/fixtures/telemetry/SOURCES.md B4 (NVIDIA cloud-native-docs, lines 76-86).
        let text = "\
# HELP DCGM_FI_DEV_SM_CLOCK SM clock frequency (in MHz).
# TYPE DCGM_FI_DEV_SM_CLOCK gauge
...
DCGM_FI_DEV_SM_CLOCK{gpu=\"0\", UUID=\"GPU-604ac76c-d9cf-fef3-62e9-d92044ab6e52\"} 139
DCGM_FI_DEV_MEMORY_TEMP{gpu=\"0\", UUID=\"GPU-604ac76c-d9cf-fef3-62e9-d92044ab6e52\"} 9223372036854775794
...
";
        let parsed = parse(text);
        assert_eq!(parsed.value.len(), 2);
        let clock = &parsed.value[0];
        // "UUID", not " UUID" (prometheus-parse 0.2.5 keeps the blank in the key)
        assert_eq!(
            clock.label("UUID"),
            Some("GPU-604ac76c-d9cf-fef3-62e9-d92044ab6e52")
        );
        assert_eq!(clock.value, 139.0);
        // the sentinel's digits are kept for the DCGM layer to recognize
        assert_eq!(parsed.value[1].value_text, "9223372036854775794");
        // the two "..." elisions are reported with their line numbers
        let lines: Vec<usize> = parsed.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [3, 6]);
    }

    #[test]
    fn label_values_are_text_with_three_escapes() {
        let s = one(r#"m{pod="a,b",args="x=y",path="C:\\dir",q="say \"hi\"",nl="1\n2",b="}{"} 1"#);
        assert_eq!(s.label("pod"), Some("a,b"));
        assert_eq!(s.label("args"), Some("x=y"));
        assert_eq!(s.label("path"), Some(r"C:\dir"));
        assert_eq!(s.label("q"), Some(r#"say "hi""#));
        assert_eq!(s.label("nl"), Some("1\n2"));
        assert_eq!(s.label("b"), Some("}{"));
        assert_eq!(s.label("pod_uid"), None);
        let empty = one(r#"m{pod_uid=""} 0"#);
        assert_eq!(empty.label("pod_uid"), Some(""));
    }

    #[test]
    fn names_values_and_timestamps() {
        assert_eq!(
            one("job:dcgm_power:sum{gpu=\"0\"} 2").name,
            "job:dcgm_power:sum"
        );
        let bare = one("up 1");
        assert!(bare.labels.is_empty());
        assert_eq!(one("m{gpu=\"0\",} 4").label("gpu"), Some("0"));
        assert_eq!(one("m\t{ gpu = \"0\" }\t-3.5e2").value, -350.0);
        assert!(one("m NaN").value.is_nan());
        assert_eq!(one("m +Inf").value, f64::INFINITY);
        assert_eq!(one("m -Inf").value, f64::NEG_INFINITY);
        assert_eq!(
            one("m 3 1700000000000").timestamp_ms,
            Some(1_700_000_000_000)
        );
        assert_eq!(one("m{} 113.611000").value, 113.611);
    }

    #[test]
    fn malformed_and_truncated_lines_are_reported_and_skipped() {
        let text = "\
m{gpu=\"0\",UUID=\"GPU-1\"} 1
m{gpu=\"0\",UUID=\"GPU-1
m{gpu=\"0\" UUID=\"GPU-1\"} 1
m{gpu=\"0\",gpu=\"1\"} 1
m{gpu=0} 1
m{gpu=\"0\"}
m{gpu=\"0\"} one
m{gpu=\"0\"} 1 2 3
m{gpu=\"\\x\"} 1
9m 1
{gpu=\"0\"} 1
m{gpu=\"0\"} 5
";
        let parsed = parse(text);
        assert_eq!(parsed.value.len(), 2);
        assert_eq!(parsed.value[1].value, 5.0);
        let lines: Vec<usize> = parsed.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
        assert!(
            parsed.problems[0].message.contains("unterminated"),
            "{}",
            parsed.problems[0]
        );
    }
}
