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

    /// The span of `start..end` in `text`, widened outwards to the nearest
    /// character boundaries and clamped to the text: the one place where
    /// offsets computed by arithmetic (a view's placeholders mapped back,
    /// a window around a match) become a span, so that no span can start or
    /// end inside a character.
    ///
    /// ```
    /// use kgforge::Span;
    /// let text = "«Hi» said";
    /// // Byte 1 is inside '«' (bytes 0..2); 5 is inside '»' (4..6).
    /// assert_eq!(Span::in_text(text, 1, 5), Span::new(0, 6));
    /// assert_eq!(Span::in_text(text, 4, 99), Span::new(4, text.len()));
    /// ```
    #[must_use]
    pub fn in_text(text: &str, start: usize, end: usize) -> Self {
        let mut end = end.min(text.len());
        let mut start = start.min(end);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        while !text.is_char_boundary(end) {
            end += 1;
        }
        Self { start, end }
    }

    /// This span moved `offset` bytes further: a span inside a sentence
    /// made a span inside its document.
    #[must_use]
    pub fn shift(self, offset: usize) -> Self {
        Self { start: self.start + offset, end: self.end + offset }
    }

    /// The text this span covers in `text`, or `None` when it does not fit
    /// (out of bounds or not on character boundaries) — never a panic.
    #[must_use]
    pub fn slice(self, text: &str) -> Option<&str> {
        text.get(self.range())
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
