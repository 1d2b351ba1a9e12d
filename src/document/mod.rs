//! Documents: the texts kgforge reads, with their metadata, and the readers
//! that stream them from files, directories, JSONL and standard input.
//!
//! [`read_inputs`] turns a list of input paths into a lazy iterator of
//! documents: one document is in memory at a time, and a bad input (missing,
//! empty, binary, not UTF-8, a malformed JSONL line) is an [`InputError`]
//! item after which reading goes on.
//!
//! ```no_run
//! use std::path::PathBuf;
//! for item in kgforge::document::read_inputs(&[PathBuf::from("data/corpus")]) {
//!     match item {
//!         Ok(doc) => assert!(!doc.text.is_empty()),
//!         Err(error) => eprintln!("skipped: {error}"),
//!     }
//! }
//! ```

mod html;
mod jsonl;
pub mod metadata;
mod read;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::text::date::PartialDate;

pub use read::{read_inputs, read_inputs_with, Inputs, ReadOptions, DEFAULT_MAX_DOCUMENT_BYTES};

/// One input text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Stable identifier: the file path as given (without a leading `./`),
    /// the JSONL line's `"id"`, or `-` for standard input.
    pub id: String,
    /// Where the text came from: the file path, `path:line` for JSONL, or
    /// `-`.
    pub source: String,
    /// The text; every span of later stages indexes into it.
    pub text: String,
    /// Title, date, URL and publisher, given with the input or found in the
    /// text.
    pub metadata: Metadata,
}

impl Document {
    /// A document from a text alone, its metadata found in the text; the
    /// source is the id. Control characters are blanked as when a file is
    /// read (see [`crate::text::normalize::blank_controls`]).
    ///
    /// ```
    /// use kgforge::document::Document;
    /// let doc = Document::from_text("example", "Leaders Sign Pact\n\nPublished on March 3, 2024\n\nThe pact was signed.");
    /// assert_eq!(doc.metadata.title.as_deref(), Some("Leaders Sign Pact"));
    /// assert_eq!(doc.metadata.date.and_then(|d| d.year), Some(2024));
    /// ```
    #[must_use]
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Self {
        let id = id.into();
        let text = crate::text::normalize::blank_controls(text.into());
        let metadata = metadata::detect(&text);
        Self { source: id.clone(), id, text, metadata }
    }
}

/// What is known about a document besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// The headline.
    pub title: Option<String>,
    /// The publication date, maybe without a year or day.
    pub date: Option<PartialDate>,
    /// The article's address.
    pub url: Option<String>,
    /// The outlet that published it.
    pub publisher: Option<String>,
}

impl Metadata {
    /// Fills each field missing here from `other` (explicit metadata first,
    /// then what the text shows).
    ///
    /// ```
    /// use kgforge::document::Metadata;
    /// let given = Metadata { title: Some("Given".into()), ..Metadata::default() };
    /// let found = Metadata { title: Some("Found".into()), url: Some("https://example.org/a".into()), ..Metadata::default() };
    /// let merged = given.or(found);
    /// assert_eq!(merged.title.as_deref(), Some("Given"));
    /// assert_eq!(merged.url.as_deref(), Some("https://example.org/a"));
    /// ```
    #[must_use]
    pub fn or(self, other: Metadata) -> Metadata {
        Metadata {
            title: self.title.or(other.title),
            date: self.date.or(other.date),
            url: self.url.or(other.url),
            publisher: self.publisher.or(other.publisher),
        }
    }
}

/// An input that could not be read, or a document that could not be
/// processed. Each names the path (`-` for standard input); the run goes on
/// with the next input.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The path does not exist.
    #[error("input '{}' does not exist", path.display())]
    Missing {
        /// The path as given.
        path: PathBuf,
    },
    /// The operating system refused to read it.
    #[error("cannot read '{}': {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// No text: zero bytes, only white space, or an HTML page without text.
    #[error("'{}' is empty", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// A NUL byte in the first 8 KiB: not a text file.
    #[error("'{}' looks binary (NUL byte at offset {offset})", path.display())]
    Binary {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// Not valid UTF-8.
    #[error("'{}' is not valid UTF-8 (first invalid byte at offset {offset})", path.display())]
    Utf8 {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// Larger than the maximum document size: a file, standard input, or one
    /// JSONL line (the other lines are still read). Only the limit and one
    /// byte more were read.
    #[error("{}", too_large(path, *line, *size, *limit))]
    TooLarge {
        /// The file (for standard input, `-`).
        path: PathBuf,
        /// The JSONL line, from 1.
        line: Option<usize>,
        /// The size in bytes, when known without reading it all.
        size: Option<u64>,
        /// The limit in bytes.
        limit: u64,
    },
    /// One malformed JSONL line; the other lines are still read.
    #[error("{}:{line}: {message}", path.display())]
    Jsonl {
        /// The JSONL file.
        path: PathBuf,
        /// The line, from 1.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A second document with an id already read in this run: the later one
    /// is skipped (ask for replacement to keep it instead).
    #[error("{}: document id '{id}' was already read from '{first}' in this run; this one is skipped (ids must be unique; use --replace-duplicates to keep the later one)", path.display())]
    DuplicateId {
        /// Where the later document came from (its source).
        path: PathBuf,
        /// The id both share.
        id: String,
        /// Where the first came from.
        first: String,
    },
    /// Processing the document failed inside kgforge: a bug, reported and
    /// contained to that document.
    #[error("{}: internal error while extracting document '{id}', which is skipped: {message} (please report this with the document)", path.display())]
    Internal {
        /// Where the document came from (its source).
        path: PathBuf,
        /// Its id.
        id: String,
        /// What failed.
        message: String,
    },
}

/// The message of [`InputError::TooLarge`].
fn too_large(path: &std::path::Path, line: Option<usize>, size: Option<u64>, limit: u64) -> String {
    let what = match line {
        Some(line) => format!("{}:{line}: the line", path.display()),
        None => format!("'{}'", path.display()),
    };
    match size {
        Some(size) => format!("{what} is {size} bytes, over the maximum document size of {limit} bytes"),
        None => format!("{what} is larger than the maximum document size of {limit} bytes"),
    }
}

impl InputError {
    /// The path the error is about.
    #[must_use]
    pub fn path(&self) -> &std::path::Path {
        match self {
            Self::Missing { path }
            | Self::Io { path, .. }
            | Self::Empty { path }
            | Self::Binary { path, .. }
            | Self::Utf8 { path, .. }
            | Self::TooLarge { path, .. }
            | Self::Jsonl { path, .. }
            | Self::DuplicateId { path, .. }
            | Self::Internal { path, .. } => path,
        }
    }
}
