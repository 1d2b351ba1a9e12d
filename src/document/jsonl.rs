//! JSONL input: one document per line, read line by line.
//!
//! Each line is an object with `"id"` (a string, or an integer taken exactly
//! as written, however many digits) and `"text"` (a string), and optionally `"title"`,
//! `"date"` (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), `"url"` and `"publisher"`
//! (strings or null). Other keys are ignored. Blank lines are skipped.

use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::document::metadata;
use crate::document::read::BINARY_PROBE;
use crate::document::{Document, InputError, Metadata};
use crate::text::date::PartialDate;
use crate::text::normalize::blank_controls;

type Source = BufReader<std::io::Chain<Cursor<Vec<u8>>, File>>;

/// The documents of one JSONL file, one line at a time.
pub(crate) struct JsonlLines {
    path: PathBuf,
    display: String,
    reader: Source,
    buffer: Vec<u8>,
    line: usize,
    offset: usize,
    any: bool,
    done: bool,
    limit: Option<u64>,
}

impl std::fmt::Debug for JsonlLines {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JsonlLines").field("path", &self.path).field("line", &self.line).finish_non_exhaustive()
    }
}

impl JsonlLines {
    /// Opens a JSONL file, checking its first 8 KiB for NUL bytes. A line
    /// longer than `limit` bytes is an [`InputError::TooLarge`], read
    /// through without being kept.
    pub(crate) fn open(path: &Path, limit: Option<u64>) -> Result<Self, InputError> {
        let io = |source| InputError::Io { path: path.to_path_buf(), source };
        let mut file = File::open(path).map_err(io)?;
        let mut head = Vec::with_capacity(BINARY_PROBE);
        (&mut file).take(BINARY_PROBE as u64).read_to_end(&mut head).map_err(io)?;
        if let Some(offset) = head.iter().position(|&b| b == 0) {
            return Err(InputError::Binary { path: path.to_path_buf(), offset });
        }
        Ok(Self {
            path: path.to_path_buf(),
            display: super::read::path_id(path),
            reader: BufReader::with_capacity(64 * 1024, Cursor::new(head).chain(file)),
            buffer: Vec::new(),
            line: 0,
            offset: 0,
            any: false,
            done: false,
            limit,
        })
    }

    /// Reads the next line into the buffer, but no more of it than the
    /// limit (and its line break); the rest of a longer line is read and
    /// dropped. Returns the bytes the line takes in the file and, for a
    /// line over the limit, its length.
    fn read_line(&mut self) -> std::io::Result<(usize, Option<usize>)> {
        self.buffer.clear();
        let Some(limit) = self.limit else {
            return Ok((self.reader.read_until(b'\n', &mut self.buffer)?, None));
        };
        // The line, a carriage return and a line feed.
        let keep = limit.saturating_add(2);
        let read = (&mut self.reader).take(keep).read_until(b'\n', &mut self.buffer)?;
        if self.buffer.ends_with(b"\n") || (read as u64) < keep {
            let line = self.buffer.strip_suffix(b"\n").unwrap_or(&self.buffer);
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            return Ok((read, (line.len() as u64 > limit).then_some(line.len())));
        }
        // Longer than the limit: read through the rest of the line.
        let mut total = read;
        let mut ended = false;
        while !ended {
            let available = self.reader.fill_buf()?;
            if available.is_empty() {
                break;
            }
            let used = match available.iter().position(|&b| b == b'\n') {
                Some(at) => {
                    ended = true;
                    at + 1
                }
                None => available.len(),
            };
            self.reader.consume(used);
            total += used;
        }
        self.buffer.clear();
        Ok((total, Some(total - usize::from(ended))))
    }

    fn error(&self, message: String) -> InputError {
        InputError::Jsonl { path: self.path.clone(), line: self.line, message }
    }
}

impl Iterator for JsonlLines {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let (read, too_large) = match self.read_line() {
                Ok(read) => read,
                Err(source) => {
                    self.done = true;
                    return Some(Err(InputError::Io { path: self.path.clone(), source }));
                }
            };
            if read == 0 {
                self.done = true;
                if !self.any {
                    return Some(Err(InputError::Empty { path: self.path.clone() }));
                }
                break;
            }
            self.line += 1;
            let start = self.offset;
            self.offset += read;
            if let (Some(size), Some(limit)) = (too_large, self.limit) {
                self.any = true;
                return Some(Err(InputError::TooLarge {
                    path: self.path.clone(),
                    line: Some(self.line),
                    size: Some(size as u64),
                    limit,
                }));
            }
            let bytes = self.buffer.strip_suffix(b"\n").unwrap_or(&self.buffer);
            let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.any = true;
            let line = match std::str::from_utf8(bytes) {
                Ok(line) => line,
                Err(e) => {
                    let message = format!("invalid UTF-8 at byte offset {} of the file", start + e.valid_up_to());
                    return Some(Err(self.error(message)));
                }
            };
            let source = format!("{}:{}", self.display, self.line);
            return Some(parse_line(line, source).map_err(|message| self.error(message)));
        }
        None
    }
}

/// A document from one JSONL line, or what is wrong with the line.
pub(crate) fn parse_line(line: &str, source: String) -> Result<Document, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let Value::Object(object) = value else {
        return Err(format!("expected a JSON object, found {}", type_name(&value)));
    };
    let id = match object.get("id") {
        Some(Value::String(id)) if !id.trim().is_empty() => id.clone(),
        Some(Value::String(_)) => return Err("\"id\" is empty".into()),
        Some(Value::Number(_)) => integer_id(line)?,
        Some(other) => return Err(format!("\"id\" must be a string or an integer, found {}", type_name(other))),
        None => return Err("missing \"id\"".into()),
    };
    let text = match object.get("text") {
        Some(Value::String(text)) => {
            let text = blank_controls(text.clone());
            if text.trim().is_empty() {
                return Err(format!("document '{id}' has an empty \"text\""));
            }
            text
        }
        Some(other) => return Err(format!("\"text\" must be a string, found {}", type_name(other))),
        None => return Err(format!("document '{id}' has no \"text\"")),
    };
    let date = match optional_string(&object, "date")? {
        Some(date) => Some(
            PartialDate::parse_iso(&date).ok_or_else(|| format!("date '{date}' is not YYYY-MM-DD, YYYY-MM or YYYY"))?,
        ),
        None => None,
    };
    let given = Metadata {
        title: optional_string(&object, "title")?,
        date,
        url: optional_string(&object, "url")?,
        publisher: optional_string(&object, "publisher")?,
    };
    let metadata = given.or(metadata::detect(&text));
    Ok(Document { id, source, text, metadata })
}

/// A numeric id exactly as the line writes it: an integer of any size
/// (read as a number, `12345678901234567890123` would become a float and two
/// ids could become one), never a fraction or an exponent.
fn integer_id(line: &str) -> Result<String, String> {
    #[derive(serde::Deserialize)]
    struct RawId<'a> {
        #[serde(borrow)]
        id: &'a serde_json::value::RawValue,
    }
    let raw: RawId<'_> = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let digits = raw.id.get().trim();
    let unsigned = digits.strip_prefix('-').unwrap_or(digits);
    if !unsigned.is_empty() && unsigned.bytes().all(|b| b.is_ascii_digit()) {
        Ok(digits.to_string())
    } else {
        Err(format!("\"id\" must be a string or an integer, found the number {digits}"))
    }
}

/// An optional string field; null and blank strings are absent.
fn optional_string(object: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(blank_controls(s.trim().to_string()))),
        Some(other) => Err(format!("\"{key}\" must be a string, found {}", type_name(other))),
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<Document, String> {
        parse_line(line, "x.jsonl:1".into())
    }

    #[test]
    fn reads_fields() {
        let doc = parse(r#"{"id": 7, "text": "Body text.", "title": "A Title", "date": "2025-03", "url": null, "publisher": "", "extra": [1]}"#)
            .unwrap();
        assert_eq!(doc.id, "7");
        assert_eq!(doc.source, "x.jsonl:1");
        assert_eq!(doc.metadata.title.as_deref(), Some("A Title"));
        assert_eq!(doc.metadata.date, Some(PartialDate { year: Some(2025), month: Some(3), day: None }));
        assert_eq!(doc.metadata.url, None);
        assert_eq!(doc.metadata.publisher, None);
    }

    #[test]
    fn integer_ids_are_read_exactly() {
        // Regression: both were read as the float 1.2345678901234568e22.
        let a = parse(r#"{"id": 12345678901234567890123, "text": "x"}"#).unwrap();
        let b = parse(r#"{"id": 12345678901234567890124, "text": "x"}"#).unwrap();
        assert_eq!(a.id, "12345678901234567890123");
        assert_eq!(b.id, "12345678901234567890124");
        assert_eq!(parse(r#"{"text": "x", "id": -42}"#).unwrap().id, "-42");
        assert_eq!(parse(r#"{"id": 18446744073709551616, "text": "x"}"#).unwrap().id, "18446744073709551616");
    }

    #[test]
    fn lines_over_the_limit_are_read_through_not_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.jsonl");
        let line = |id: &str, n: usize| format!(r#"{{"id": "{id}", "text": "{}"}}"#, "x".repeat(n));
        let exact = line("a", 60);
        let limit = exact.len() as u64;
        let over = line("b", 61);
        let long = line("c", 100_000);
        let last = line("d", 61);
        std::fs::write(&path, format!("{exact}\r\n{over}\n{long}\n\n{exact}\n{last}")).unwrap();
        let items: Vec<String> = JsonlLines::open(&path, Some(limit))
            .unwrap()
            .map(|item| match item {
                Ok(doc) => format!("ok {}", doc.source),
                Err(InputError::TooLarge { line, size, .. }) => format!("too large {line:?} {size:?}"),
                Err(e) => format!("err {e}"),
            })
            .collect();
        let (o, l, t) = (over.len(), long.len(), last.len());
        assert_eq!(
            items,
            [
                "ok d.jsonl:1".to_string(),
                format!("too large Some(2) Some({o})"),
                format!("too large Some(3) Some({l})"),
                "ok d.jsonl:5".to_string(),
                format!("too large Some(6) Some({t})"),
            ]
            .map(|s| s.replace("d.jsonl", &path.display().to_string()))
        );
    }

    #[test]
    fn malformed_lines() {
        assert!(parse("{").unwrap_err().starts_with("invalid JSON"));
        assert_eq!(parse("[1]").unwrap_err(), "expected a JSON object, found an array");
        assert_eq!(parse(r#"{"text": "x"}"#).unwrap_err(), "missing \"id\"");
        assert_eq!(
            parse(r#"{"id": true, "text": "x"}"#).unwrap_err(),
            "\"id\" must be a string or an integer, found a boolean"
        );
        assert_eq!(
            parse(r#"{"id": 1.5, "text": "x"}"#).unwrap_err(),
            "\"id\" must be a string or an integer, found the number 1.5"
        );
        assert_eq!(
            parse(r#"{"id": 1e3, "text": "x"}"#).unwrap_err(),
            "\"id\" must be a string or an integer, found the number 1e3"
        );
        assert_eq!(parse(r#"{"id": "a"}"#).unwrap_err(), "document 'a' has no \"text\"");
        assert_eq!(parse(r#"{"id": "a", "text": 3}"#).unwrap_err(), "\"text\" must be a string, found a number");
        assert_eq!(
            parse(r#"{"id": "a", "text": "x", "title": 3}"#).unwrap_err(),
            "\"title\" must be a string, found a number"
        );
        assert_eq!(
            parse(r#"{"id": "a", "text": "x", "date": "March 2025"}"#).unwrap_err(),
            "date 'March 2025' is not YYYY-MM-DD, YYYY-MM or YYYY"
        );
    }
}
