//! Walking the inputs: files, directories, JSONL and standard input, one
//! document at a time.

use std::collections::{HashSet, VecDeque};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::document::html;
use crate::document::jsonl::JsonlLines;
use crate::document::metadata;
use crate::document::{Document, InputError};
use crate::text::normalize::blank_controls;

/// File extensions taken from directories (any file given by name is read).
const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "markdown"];
const HTML_EXTENSIONS: &[&str] = &["html", "htm"];
const JSONL_EXTENSIONS: &[&str] = &["jsonl"];

/// How many leading bytes are checked for NUL bytes.
pub(crate) const BINARY_PROBE: usize = 8 * 1024;

/// The default maximum document size, 8 MiB: a thousand times a long news
/// article.
pub const DEFAULT_MAX_DOCUMENT_BYTES: u64 = 8 * 1024 * 1024;

/// How inputs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// The largest document read, in bytes: a file, standard input or one
    /// JSONL line; `None` for no limit. A larger one is an
    /// [`InputError::TooLarge`], found without reading more than the limit
    /// and one byte (so endless inputs take bounded memory).
    pub max_document_bytes: Option<u64>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self { max_document_bytes: Some(DEFAULT_MAX_DOCUMENT_BYTES) }
    }
}

/// Reads `inputs` lazily with the default [`ReadOptions`]: files,
/// directories (walked recursively, entries sorted by name; hidden ones,
/// files of other types and anything but regular files, such as FIFOs,
/// sockets and devices, skipped), and `-` for standard input.
///
/// `.txt`, `.md` and `.markdown` files and standard input are read as plain
/// text, byte for byte (a UTF-8 byte-order mark is dropped, control
/// characters blanked to spaces of the same length); `.html` and
/// `.htm` pages give their article text; each line of a `.jsonl` file is a
/// document (`{"id", "text"}`, optional `"title"`, `"date"`, `"url"`,
/// `"publisher"`). A file given by name with another extension is read as
/// plain text. Metadata found in the text fills what the input did not give.
///
/// ```
/// use std::path::PathBuf;
/// use kgforge::document::{read_inputs, InputError};
/// let mut inputs = read_inputs(&[PathBuf::from("no/such/file.txt")]);
/// assert!(matches!(inputs.next(), Some(Err(InputError::Missing { .. }))));
/// assert!(inputs.next().is_none());
/// ```
#[must_use]
pub fn read_inputs(inputs: &[PathBuf]) -> Inputs {
    read_inputs_with(inputs, &ReadOptions::default())
}

/// Reads `inputs` lazily as [`read_inputs`] does, with `options`.
///
/// ```
/// use std::path::PathBuf;
/// use kgforge::document::{read_inputs_with, InputError, ReadOptions};
/// let options = ReadOptions { max_document_bytes: Some(100) };
/// let mut inputs = read_inputs_with(&[PathBuf::from("README.md")], &options);
/// assert!(matches!(inputs.next(), Some(Err(InputError::TooLarge { limit: 100, .. }))));
/// ```
#[must_use]
pub fn read_inputs_with(inputs: &[PathBuf], options: &ReadOptions) -> Inputs {
    Inputs {
        queue: inputs.iter().map(|p| Entry::Given(p.clone())).collect(),
        jsonl: None,
        visited: HashSet::new(),
        options: *options,
    }
}

/// The documents of a list of inputs, read lazily: see [`read_inputs`].
#[derive(Debug)]
pub struct Inputs {
    queue: VecDeque<Entry>,
    jsonl: Option<JsonlLines>,
    visited: HashSet<PathBuf>,
    options: ReadOptions,
}

#[derive(Debug)]
enum Entry {
    /// A path given by the caller.
    Given(PathBuf),
    /// A file found in a directory, with a known extension.
    Found(PathBuf),
    /// A directory found in a directory.
    Directory(PathBuf),
    /// An error met while listing a directory.
    Failed(InputError),
}

/// What one file gives: a document, an error, or a JSONL stream.
enum Opened {
    One(Result<Document, InputError>),
    Lines(JsonlLines),
    Entries(Vec<Entry>),
}

impl Iterator for Inputs {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(lines) = &mut self.jsonl {
                match lines.next() {
                    Some(item) => return Some(item),
                    None => self.jsonl = None,
                }
            }
            let opened = match self.queue.pop_front()? {
                Entry::Given(path) => self.open_given(path),
                Entry::Found(path) => open_file(&path, &self.options),
                Entry::Directory(path) => self.list(&path),
                Entry::Failed(error) => Opened::One(Err(error)),
            };
            match opened {
                Opened::One(item) => return Some(item),
                Opened::Lines(lines) => self.jsonl = Some(lines),
                Opened::Entries(entries) => {
                    for entry in entries.into_iter().rev() {
                        self.queue.push_front(entry);
                    }
                }
            }
        }
    }
}

impl Inputs {
    fn open_given(&mut self, path: PathBuf) -> Opened {
        if path.as_os_str() == "-" {
            return Opened::One(read_stdin(&self.options));
        }
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => self.list(&path),
            // Named explicitly, a FIFO or a device is read too (with the limit).
            Ok(_) => open_file(&path, &self.options),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Opened::One(Err(InputError::Missing { path })),
            Err(source) => Opened::One(Err(InputError::Io { path, source })),
        }
    }

    /// The entries of a directory, sorted by name; each directory is listed
    /// once, so symbolic link loops end.
    fn list(&mut self, dir: &Path) -> Opened {
        if let Ok(real) = fs::canonicalize(dir) {
            if !self.visited.insert(real) {
                return Opened::Entries(Vec::new());
            }
        }
        let reader = match fs::read_dir(dir) {
            Ok(reader) => reader,
            Err(source) => return Opened::One(Err(InputError::Io { path: dir.to_path_buf(), source })),
        };
        let mut names = Vec::new();
        let mut entries = Vec::new();
        for item in reader {
            match item {
                Ok(item) => names.push(item.file_name()),
                Err(source) => entries.push(Entry::Failed(InputError::Io { path: dir.to_path_buf(), source })),
            }
        }
        names.sort();
        for name in names {
            if name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            let path = dir.join(&name);
            match fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => entries.push(Entry::Directory(path)),
                // Only regular files: a FIFO would block, a device never end.
                Ok(meta) if meta.is_file() && kind_of(&path).is_some() => entries.push(Entry::Found(path)),
                Ok(_) => {}
                Err(source) => entries.push(Entry::Failed(InputError::Io { path, source })),
            }
        }
        Opened::Entries(entries)
    }
}

/// How a file is read, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Html,
    Jsonl,
}

fn kind_of(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    if TEXT_EXTENSIONS.contains(&ext.as_str()) {
        Some(Kind::Text)
    } else if HTML_EXTENSIONS.contains(&ext.as_str()) {
        Some(Kind::Html)
    } else if JSONL_EXTENSIONS.contains(&ext.as_str()) {
        Some(Kind::Jsonl)
    } else {
        None
    }
}

/// The document id of a path: as given, without a leading `./`.
pub(crate) fn path_id(path: &Path) -> String {
    let s = path.to_string_lossy();
    let mut id: &str = &s;
    while let Some(rest) = id.strip_prefix("./") {
        id = rest.trim_start_matches('/');
    }
    id.to_string()
}

fn open_file(path: &Path, options: &ReadOptions) -> Opened {
    match kind_of(path).unwrap_or(Kind::Text) {
        Kind::Jsonl => match JsonlLines::open(path, options.max_document_bytes) {
            Ok(lines) => Opened::Lines(lines),
            Err(error) => Opened::One(Err(error)),
        },
        kind => Opened::One(read_document(path, kind, options)),
    }
}

fn read_document(path: &Path, kind: Kind, options: &ReadOptions) -> Result<Document, InputError> {
    let io = |source| InputError::Io { path: path.to_path_buf(), source };
    let file = fs::File::open(path).map_err(io)?;
    if let Some(limit) = options.max_document_bytes {
        let meta = file.metadata().map_err(io)?;
        if meta.is_file() && meta.len() > limit {
            return Err(InputError::TooLarge { path: path.to_path_buf(), line: None, size: Some(meta.len()), limit });
        }
    }
    let bytes = read_limited(file, path, options.max_document_bytes)?;
    let text = decode(path, bytes)?;
    let id = path_id(path);
    let (text, given) = match kind {
        Kind::Html => {
            let page = html::extract(&text);
            if page.text.trim().is_empty() {
                return Err(InputError::Empty { path: path.to_path_buf() });
            }
            (blank_controls(page.text), page.metadata)
        }
        Kind::Text | Kind::Jsonl => (text, Default::default()),
    };
    let metadata = given.or(metadata::detect(&text));
    Ok(Document { source: id.clone(), id, text, metadata })
}

fn read_stdin(options: &ReadOptions) -> Result<Document, InputError> {
    let path = PathBuf::from("-");
    let bytes = read_limited(std::io::stdin().lock(), &path, options.max_document_bytes)?;
    let text = decode(&path, bytes)?;
    let metadata = metadata::detect(&text);
    Ok(Document { id: "-".into(), source: "-".into(), text, metadata })
}

/// Reads a whole input, but no more than `limit` bytes and one: the first
/// 8 KiB are checked for NUL bytes before the rest is read, so that
/// `/dev/zero` is found binary at once, and an endless input is found too
/// large after the limit.
fn read_limited(reader: impl Read, path: &Path, limit: Option<u64>) -> Result<Vec<u8>, InputError> {
    let io = |source| InputError::Io { path: path.to_path_buf(), source };
    let mut reader = reader.take(limit.map_or(u64::MAX, |l| l.saturating_add(1)));
    let mut bytes = Vec::new();
    (&mut reader).take(BINARY_PROBE as u64).read_to_end(&mut bytes).map_err(io)?;
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::Binary { path: path.to_path_buf(), offset });
    }
    reader.read_to_end(&mut bytes).map_err(io)?;
    match limit {
        Some(limit) if bytes.len() as u64 > limit => {
            Err(InputError::TooLarge { path: path.to_path_buf(), line: None, size: None, limit })
        }
        _ => Ok(bytes),
    }
}

/// Checks and decodes a whole file: not empty, no NUL byte in the first
/// 8 KiB, valid UTF-8. A leading byte-order mark is dropped.
pub(crate) fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, InputError> {
    if let Some(offset) = bytes[..bytes.len().min(BINARY_PROBE)].iter().position(|&b| b == 0) {
        return Err(InputError::Binary { path: path.to_path_buf(), offset });
    }
    let mut text = String::from_utf8(bytes)
        .map_err(|e| InputError::Utf8 { path: path.to_path_buf(), offset: e.utf8_error().valid_up_to() })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    let text = blank_controls(text);
    if text.trim().is_empty() {
        return Err(InputError::Empty { path: path.to_path_buf() });
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_drop_a_leading_dot_slash() {
        assert_eq!(path_id(Path::new("./data/corpus/a.txt")), "data/corpus/a.txt");
        assert_eq!(path_id(Path::new("data/corpus/a.txt")), "data/corpus/a.txt");
        assert_eq!(path_id(Path::new("/abs/a.txt")), "/abs/a.txt");
        assert_eq!(path_id(Path::new("dir\\a.txt")), "dir\\a.txt");
    }

    #[test]
    fn decode_checks() {
        let p = Path::new("x.txt");
        assert!(matches!(decode(p, Vec::new()), Err(InputError::Empty { .. })));
        assert!(matches!(decode(p, b" \n\t\n".to_vec()), Err(InputError::Empty { .. })));
        assert!(matches!(decode(p, b"ab\0cd".to_vec()), Err(InputError::Binary { offset: 2, .. })));
        assert!(matches!(decode(p, b"abc\xffdef".to_vec()), Err(InputError::Utf8 { offset: 3, .. })));
        assert_eq!(decode(p, "\u{feff}Hello".as_bytes().to_vec()).unwrap(), "Hello");
        assert_eq!(decode(p, b"a\r\nb ".to_vec()).unwrap(), "a\r\nb ");
        // Control characters blanked, same length: offsets still match the file.
        assert_eq!(decode(p, b"a\x1b[1mb\x0bc\xc2\x85d".to_vec()).unwrap(), "a [1mb c\n d");
    }

    fn fixtures() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/fixtures/input")
    }

    /// One line per item: the document id and source, or the error.
    fn summary(inputs: &[PathBuf]) -> Vec<String> {
        let root = format!("{}/", fixtures().display());
        read_inputs(inputs)
            .map(|item| match item {
                Ok(doc) => format!("ok {} {}", doc.id, doc.source).replace(&root, ""),
                Err(e) => format!("err {e}").replace(&root, ""),
            })
            .collect()
    }

    #[test]
    fn reads_a_directory_in_name_order() {
        assert_eq!(
            summary(&[fixtures()]),
            [
                "ok a_article.txt a_article.txt",
                "ok b_page.html b_page.html",
                "ok doc-1 c_docs.jsonl:1",
                "err c_docs.jsonl:2: \"text\" must be a string, found a number",
                "ok 3 c_docs.jsonl:3",
                "err 'd_empty.txt' is empty",
                "err 'e_blank.md' is empty",
                "err 'f_binary.txt' looks binary (NUL byte at offset 9)",
                "err 'g_invalid_utf8.txt' is not valid UTF-8 (first invalid byte at offset 12)",
                "ok sub/i_nested.markdown sub/i_nested.markdown",
            ]
        );
    }

    #[test]
    fn jsonl_lines_keep_going_after_a_bad_one() {
        let items: Vec<_> = read_inputs(&[fixtures().join("c_docs.jsonl")]).collect();
        assert_eq!(items.len(), 3);
        let first = items[0].as_ref().unwrap();
        assert_eq!(first.metadata.title.as_deref(), Some("Treaty signed"));
        assert_eq!(first.metadata.publisher.as_deref(), Some("Example Wire"));
        assert_eq!(first.metadata.url.as_deref(), Some("https://example.org/1"));
        assert!(matches!(&items[1], Err(InputError::Jsonl { line: 2, .. })));
        assert_eq!(items[2].as_ref().unwrap().id, "3");
    }

    #[test]
    fn html_pages_give_article_text_and_metadata() {
        let doc = read_inputs(&[fixtures().join("b_page.html")]).next().unwrap().unwrap();
        assert!(doc.text.starts_with("Ruritania joins trade bloc\n\nRuritania became the fifth member"));
        assert!(doc.text.contains("“a historic day” & thanked the members.\nTalks began in 2019."));
        for dropped in
            ["Home", "not text", "color", "Enable JavaScript", "Subscribe", "Related", "chart", "©", "By Staff"]
        {
            assert!(!doc.text.contains(dropped), "{dropped} should be dropped");
        }
        assert_eq!(doc.metadata.title.as_deref(), Some("Ruritania joins trade bloc"));
        assert_eq!(doc.metadata.url.as_deref(), Some("https://example.org/news/ruritania-trade"));
        assert_eq!(doc.metadata.publisher.as_deref(), Some("Example Herald"));
        assert_eq!(doc.metadata.date, crate::text::date::PartialDate::ymd(2024, 11, 20));
    }

    #[test]
    fn explicit_files_of_any_type_and_errors_in_order() {
        let dir = fixtures();
        assert_eq!(
            summary(&[
                dir.join("h_table.csv"),
                dir.join("missing.txt"),
                dir.join(".hidden.txt"),
                dir.join("d_empty.txt")
            ]),
            [
                "ok h_table.csv h_table.csv",
                "err input 'missing.txt' does not exist",
                "ok .hidden.txt .hidden.txt",
                "err 'd_empty.txt' is empty",
            ]
        );
    }

    #[test]
    fn an_empty_directory_is_no_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.csv"), "a,b").unwrap();
        assert_eq!(read_inputs(&[dir.path().to_path_buf()]).count(), 0);
    }

    #[test]
    fn plain_text_keeps_every_byte() {
        let dir = tempfile::tempdir().unwrap();
        let text = "Title Line\r\n\r\n  Body text with trailing space.  \n\n\n";
        std::fs::write(dir.path().join("a.txt"), text).unwrap();
        let doc = read_inputs(&[dir.path().join("a.txt")]).next().unwrap().unwrap();
        assert_eq!(doc.text, text);
    }

    #[test]
    fn random_files_do_not_panic() {
        let dir = tempfile::tempdir().unwrap();
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let extensions = ["txt", "md", "html", "jsonl", "bin"];
        let snippets: [&[u8]; 10] = [
            b"{\"id\": \"x\", \"text\": \"y\"}\n",
            b"<p>",
            b"</div>",
            b"<script>",
            b"\n",
            b"\xff\xfe",
            b"\xe2\x80",
            b"March 18, 2025. ",
            b"{\"id\": 1e400, \"text\": \"\\ud800\"}\n",
            b"Mr. X. ",
        ];
        for i in 0..200 {
            let mut bytes = Vec::new();
            for _ in 0..(next() % 30) {
                if next() % 3 == 0 {
                    bytes.push((next() % 256) as u8);
                } else {
                    bytes.extend_from_slice(snippets[(next() % snippets.len() as u64) as usize]);
                }
            }
            let ext = extensions[i % extensions.len()];
            std::fs::write(dir.path().join(format!("f{i:03}.{ext}")), &bytes).unwrap();
        }
        let paths: Vec<PathBuf> =
            (0..200).map(|i| dir.path().join(format!("f{i:03}.{}", extensions[i % extensions.len()]))).collect();
        for doc in read_inputs(&paths).chain(read_inputs(&[dir.path().to_path_buf()])).flatten() {
            let _ = crate::text::sentence::segment(&doc.text);
        }
    }

    #[test]
    fn kinds_from_extensions() {
        assert_eq!(kind_of(Path::new("a.TXT")), Some(Kind::Text));
        assert_eq!(kind_of(Path::new("a.markdown")), Some(Kind::Text));
        assert_eq!(kind_of(Path::new("a.htm")), Some(Kind::Html));
        assert_eq!(kind_of(Path::new("a.jsonl")), Some(Kind::Jsonl));
        assert_eq!(kind_of(Path::new("a.json")), None);
        assert_eq!(kind_of(Path::new("README")), None);
    }
}
