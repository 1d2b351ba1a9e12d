//! Byte spans into a document's text.
//!
//! Every stage after reading refers to the text through [`Span`]s: byte
//! offsets into the document's `text`, never rewritten by later stages, so a
//! fact's evidence always points at the exact characters it came from.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a document's text.
///
/// The invariant `start <= end` is checked on construction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// A span from `start` to `end` (exclusive).
    ///
    /// # Panics
    ///
    /// When `start > end`: that is a bug in the caller, not bad input.
    ///
    /// ```
    /// let span = kgforge::Span::new(4, 8);
    /// assert_eq!(&"the NATO pact"[span.range()], "NATO");
    /// ```
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        assert!(start <= end, "span start {start} is after its end {end}");
        Self { start, end }
    }

    /// First byte.
    #[must_use]
    pub fn start(self) -> usize {
        self.start
    }

    /// One past the last byte.
    #[must_use]
    pub fn end(self) -> usize {
        self.end
    }

    /// Length in bytes.
    #[must_use]
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The span as a range, for slicing the text it points into.
    #[must_use]
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// True when `other` lies inside this span.
    #[must_use]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    #[must_use]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}
