//! What reaches a terminal from outside (GPU names, DCGM labels, hostnames, scenario
//! titles, keys and values echoed in errors) is made inert here: control characters
//! (C0, DEL, C1: escape sequences that could clear the screen, retitle the window or hide
//! text) and the bidirectional overrides (which reorder what is shown) are written as
//! visible escapes (`\u{1b}`), and an error line quotes at most [`QUOTE_LIMIT`]
//! characters of any value.

use std::borrow::Cow;
use std::fmt::Write as _;

/// The most characters of one quoted value an error line shows.
pub const QUOTE_LIMIT: usize = 200;
/// The most characters of one error line.
const LINE_LIMIT: usize = 2_000;

/// Whether `c` must not reach a terminal as it is.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every control character and bidirectional override written as a visible
/// escape (`\u{1b}`); unchanged (borrowed) when it has none.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// At most [`QUOTE_LIMIT`] characters of `value`, with `…` where it was cut (for values
/// echoed outside quotes, like a field path holding an unknown key).
pub fn cut(value: &str) -> String {
    match value.char_indices().nth(QUOTE_LIMIT) {
        Some((end, _)) => format!("{}…", value.get(..end).unwrap_or(value)),
        None => value.to_owned(),
    }
}

/// An error or warning line for a terminal: [`clean`], each value in `"…"` or `` `…` ``
/// cut to [`QUOTE_LIMIT`] characters (`…` marks the cut), the whole line to 2,000.
pub fn line(text: &str) -> String {
    let cleaned = clean(text);
    let mut out = String::with_capacity(cleaned.len().min(LINE_LIMIT + 8));
    let mut open: Option<char> = None;
    let mut inside = 0_usize;
    let mut shown = 0_usize;
    for c in cleaned.chars() {
        if shown >= LINE_LIMIT {
            out.push('…');
            break;
        }
        match open {
            Some(quote) if c == quote => {
                if inside > QUOTE_LIMIT {
                    out.push('…');
                }
                out.push(c);
                shown += 1;
                open = None;
            }
            Some(_) => {
                inside += 1;
                if inside <= QUOTE_LIMIT {
                    out.push(c);
                    shown += 1;
                }
            }
            None => {
                if c == '"' || c == '`' {
                    open = Some(c);
                    inside = 0;
                }
                out.push(c);
                shown += 1;
            }
        }
    }
    if open.is_some() && inside > QUOTE_LIMIT && !out.ends_with('…') {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_made_visible() {
        // clear the screen, set the window title, a bell, a C1 CSI, a right-to-left override
        let hostile = "H100\u{1b}[2J\u{1b}]0;owned\u{7}\u{9b}31m\u{202e}gpu";
        assert_eq!(
            clean(hostile),
            "H100\\u{1b}[2J\\u{1b}]0;owned\\u{7}\\u{9b}31m\\u{202e}gpu"
        );
        assert!(!clean(hostile).chars().any(is_unsafe));
        assert!(matches!(clean("NVIDIA H100 80GB HBM3"), Cow::Borrowed(_)));
        assert_eq!(clean("a\nb\tc\r"), "a\\u{a}b\\u{9}c\\u{d}");
    }

    #[test]
    fn error_lines_quote_at_most_200_characters_of_a_value() {
        let long = "x".repeat(5_000);
        let message = format!("unknown field `{long}`, expected one of `title`, \"{long}\" end");
        let shown = line(&message);
        let cut = format!("`{}…`", "x".repeat(200));
        assert!(
            shown.starts_with(&format!("unknown field {cut}, expected one of `title`, ")),
            "{shown}"
        );
        assert!(
            shown.ends_with(&format!("\"{}…\" end", "x".repeat(200))),
            "{shown}"
        );
        // short values are untouched; an unterminated quote is cut too
        assert_eq!(
            line("field `pue`: must be at least 1"),
            "field `pue`: must be at least 1"
        );
        assert_eq!(
            line(&format!("\"{long}")),
            format!("\"{}…", "x".repeat(200))
        );
        // the whole line is bounded even without quotes
        assert_eq!(line(&long).chars().count(), 2_001);
    }
}
