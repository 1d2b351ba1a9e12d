//! Name keys: the folded form two names must share to be the same name,
//! and the slug an IRI is minted from.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

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
