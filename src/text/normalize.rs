//! Name keys: the folded form two names must share to be the same name,
//! and the slug an IRI is minted from; and the one clean-up every text
//! gets when it is read.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Control characters blanked out, each with white space of the same
/// length in bytes, so every offset into the text is still the offset into
/// the input it was read from.
///
/// Control characters are no text, and consumers of the graph refuse them:
/// XML 1.0 (RDF/XML, SPARQL XML results) cannot carry most of them, and
/// line-based readers (rdflib's SPARQL TSV parser) split literals at
/// U+000B, U+000C, U+001C-U+001E, U+0085 and U+2028. Tab, line feed and
/// carriage return stay; the line and paragraph separators U+0085, U+2028
/// and U+2029 become a line break (two for a paragraph) padded with spaces;
/// every other character of category Cc, and the noncharacters U+FFFE and
/// U+FFFF, becomes spaces.
///
/// ```
/// use kgforge::text::normalize::blank_controls;
/// assert_eq!(blank_controls("a\u{1b}[31mb\u{2028}c".to_string()), "a [31mb\n  c");
/// assert_eq!(blank_controls("plain\ttext\r\n".to_string()), "plain\ttext\r\n");
/// ```
#[must_use]
pub fn blank_controls(text: String) -> String {
    let blanked = |c: char| {
        matches!(c, '\u{2028}' | '\u{2029}' | '\u{fffe}' | '\u{ffff}')
            || c.is_control() && !matches!(c, '\t' | '\n' | '\r')
    };
    if !text.chars().any(blanked) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{85}' => out.push_str("\n "),
            '\u{2028}' => out.push_str("\n  "),
            '\u{2029}' => out.push_str("\n\n "),
            c if blanked(c) => out.extend(std::iter::repeat_n(' ', c.len_utf8())),
            c => out.push(c),
        }
    }
    debug_assert_eq!(out.len(), text.len());
    out
}

/// Folds a name for comparison: accents removed (NFKD), lower case, white
/// space collapsed, a leading "the " and trailing punctuation dropped.
///
/// ```
/// use kgforge::text::normalize::fold;
/// assert_eq!(fold("The  Škoda Institute."), "skoda institute");
/// ```
#[must_use]
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    let trimmed = out.strip_prefix("the ").unwrap_or(&out);
    trimmed.trim_end_matches(['.', ',', ';', ':', '\'', '"']).to_string()
}

/// An IRI path segment from a name: ASCII letters and digits, other runs
/// turned into single hyphens.
///
/// ```
/// use kgforge::text::normalize::slug;
/// assert_eq!(slug("Ministry of Foreign Affairs (Chile)"), "ministry-of-foreign-affairs-chile");
/// assert_eq!(slug("Zoë Ström"), "zoe-strom");
/// ```
#[must_use]
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        // Names in scripts with no ASCII letters keep a readable, stable form.
        out = fold(name).chars().filter(|c| c.is_alphanumeric()).collect();
    }
    out
}
