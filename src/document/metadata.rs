//! Metadata found in a text itself: the headline, the publication date and
//! the publisher, read from the page furniture around the article.
//!
//! - **title**: the first line of content when it reads like a headline
//!   (see [`crate::text::sentence::BlockKind::Title`]);
//! - **date**: a publication-date line (`Published on March 3, 2024`,
//!   `Updated: 2024-01-05`, `Sunday, June 8, 2025`, `date 2025-03-20 By …`),
//!   else the date of a dateline opening a paragraph (`LONDON, Feb 26 -`),
//!   its year taken from the latest year the text mentions when missing;
//! - **publisher**: a byline naming an outlet rather than a person
//!   (`By Example Times`, `ExampleNews 2 Min Read`, `by Jane Roe, Wire`):
//!   a name ending in a word such as Times, News, Post or Agency, or one
//!   CamelCase or all-capitals token.

use crate::text::wordlist::WordList;
use std::sync::LazyLock;

use regex::Regex;

use crate::document::Metadata;
use crate::text::date::{find_dates, PartialDate};
use crate::text::sentence::{blocks, dateline, Block, BlockKind};

/// Last words of outlet names.
static OUTLET_WORDS: WordList = WordList::new(include_str!("../../data/lexicon/outlet_words.txt"));

static BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s:|•·])(?i:by)\s+(?P<name>[^\s,|•·][^,|•·\n]*?)\s*(?:,\s*(?P<org>[^,|•·\n]+?)\s*)?(?:[|•·]|$)")
        .expect("valid pattern")
});
static READ_TIME_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<name>.+?)\s+[0-9]+\s*(?i:min|mins|minute|minutes)\.?\s+(?i:read)\b").expect("valid pattern")
});
static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?P<cue>published|posted|date|dated|updated|last updated|first published)(?-u:\b)")
        .expect("valid pattern")
});

/// Metadata found in `text`.
///
/// ```
/// use kgforge::document::metadata::detect;
/// let text = "Leaders Sign Defence Pact\n\nBy Example Times\n\nPublished on March 3, 2024\n\nThe leaders met on Monday.";
/// let found = detect(text);
/// assert_eq!(found.title.as_deref(), Some("Leaders Sign Defence Pact"));
/// assert_eq!(found.publisher.as_deref(), Some("Example Times"));
/// assert_eq!(found.date.and_then(|d| d.resolve(None)).map(|d| d.lexical()).as_deref(), Some("2024-03-03"));
/// ```
#[must_use]
pub fn detect(text: &str) -> Metadata {
    let blocks = blocks(text);
    let title = blocks.iter().find(|b| b.kind == BlockKind::Title).map(|b| text[b.span.range()].to_string());
    let date = publication_date(text, &blocks).or_else(|| dateline_date(text, &blocks));
    let publisher = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Furniture && !b.after_list && b.span.len() <= 160)
        .find_map(|b| publisher(&text[b.span.range()]));
    Metadata { title, date, url: None, publisher }
}

/// The date of the best publication-date line in the furniture before any
/// list of other articles: "published" and "date" lines first, then
/// date-only lines, then "updated" lines.
fn publication_date(text: &str, blocks: &[Block]) -> Option<PartialDate> {
    let mut best: Option<(u8, PartialDate)> = None;
    for block in blocks.iter().filter(|b| b.kind == BlockKind::Furniture && !b.after_list && b.span.len() <= 160) {
        let line = &text[block.span.range()];
        let Some((span, date)) = find_dates(line).into_iter().find(|(_, d)| d.year.is_some() && d.month.is_some())
        else {
            continue;
        };
        let rank = match PUBLISHED.captures(&line[..span.start()]).and_then(|c| c.name("cue")) {
            Some(cue) if cue.as_str().to_lowercase().contains("updated") => 2,
            Some(_) => 0,
            None if is_date_only(line, span) => 1,
            None => continue,
        };
        if best.is_none_or(|(r, _)| rank < r) {
            best = Some((rank, date));
        }
    }
    best.map(|(_, date)| date)
}

/// True when the line is little more than the date at `span`.
fn is_date_only(line: &str, span: crate::span::Span) -> bool {
    line.len() - span.len() <= 12
}

/// The date of a dateline opening one of the first body paragraphs, its
/// year from the latest year in the text when missing.
fn dateline_date(text: &str, blocks: &[Block]) -> Option<PartialDate> {
    let body = blocks.iter().filter(|b| b.kind == BlockKind::Body).take(3);
    for block in body {
        let Some(prefix) = dateline(&text[block.span.range()]) else {
            continue;
        };
        let Some((_, mut date)) = find_dates(prefix).into_iter().find(|(_, d)| d.month.is_some()) else {
            continue;
        };
        if date.year.is_none() {
            date.year = blocks
                .iter()
                .filter(|b| b.kind != BlockKind::Furniture || !b.after_list)
                .flat_map(|b| find_dates(&text[b.span.range()]))
                .filter_map(|(_, d)| d.year)
                .max();
        }
        return date.checked();
    }
    None
}

/// The outlet a byline names, if it names one.
fn publisher(line: &str) -> Option<String> {
    let caps = BY.captures(line).or_else(|| READ_TIME_NAME.captures(line))?;
    let name = caps.name("name").map(|m| clean(m.as_str()))?;
    if looks_like_outlet(&name) {
        return Some(name);
    }
    // "by Jane Roe, Example Wire": a person, then the outlet.
    let org = caps.name("org").map(|m| clean(m.as_str()))?;
    let words: Vec<&str> = org.split_whitespace().collect();
    ((1..=4).contains(&words.len()) && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase)))
        .then_some(org)
}

fn clean(name: &str) -> String {
    name.trim().trim_end_matches(|c: char| c.is_ascii_punctuation() && c != ')').trim().to_string()
}

/// True for a name that reads as an outlet, not a person: one to five
/// capitalised words ending in an outlet word, or a single CamelCase or
/// all-capitals token.
pub(crate) fn looks_like_outlet(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    let capitalised = |w: &&str| {
        w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || ["of", "the", "and", "&", "de"].contains(w)
    };
    if !words.iter().all(capitalised) {
        return false;
    }
    if words.len() == 1 {
        let word = words[0];
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let all_caps = letters >= 2 && word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        let camel = word.chars().zip(word.chars().skip(1)).any(|(a, b)| a.is_lowercase() && b.is_uppercase());
        return all_caps || camel || OUTLET_WORDS.contains(&word);
    }
    words.len() >= 2 && words.last().is_some_and(|w| OUTLET_WORDS.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: Option<i32>, m: u8, d: u8) -> Option<PartialDate> {
        Some(PartialDate { year: y, month: Some(m), day: Some(d) })
    }

    #[test]
    fn publication_lines() {
        assert_eq!(
            detect("Headline Here\n\nPublished on March 3, 2024\n\nBody text here.").date,
            date(Some(2024), 3, 3)
        );
        assert_eq!(detect("Updated: 2024-01-05\n\nBody text here.").date, date(Some(2024), 1, 5));
        assert_eq!(detect("Sunday, June 8, 2025\n\nBody text here.").date, date(Some(2025), 6, 8));
        assert_eq!(
            detect("More posts: date 2025-03-20 By Example Gazette\n\nBody text here.").date,
            date(Some(2025), 3, 20)
        );
        // Published wins over updated, whatever the order.
        assert_eq!(
            detect("Updated: 2024-01-05\nPublished: 2023-12-30\n\nBody text here.").date,
            date(Some(2023), 12, 30)
        );
        // Dates of other articles, after a list header, do not count.
        assert_eq!(detect("Body text here.\n\nLatest articles\n\nSunday, June 8, 2025\n").date, None);
    }

    #[test]
    fn datelines() {
        let text = "SPRINGFIELD, Ill., Feb 26 - Acme said it would merge in 1987.\n";
        assert_eq!(detect(text).date, date(Some(1987), 2, 26));
        assert_eq!(detect("CAPITAL CITY, Ruritania, March 19th— Ministers met.").date, date(None, 3, 19));
        assert_eq!(detect("WASHINGTON (AP) — Ministers met in 2024.").date, None);
        // A publication line wins over a dateline.
        let both = "Posted on 2025-03-20\n\nCAPITAL CITY, March 19 - Ministers met.";
        assert_eq!(detect(both).date, date(Some(2025), 3, 20));
    }

    #[test]
    fn publishers() {
        assert_eq!(
            detect("Big Headline Today\n\nBy Example Times\n\nText.").publisher.as_deref(),
            Some("Example Times")
        );
        assert_eq!(
            detect("Big Headline Today\n\nExampleNews 2 Min Read\n\nText.").publisher.as_deref(),
            Some("ExampleNews")
        );
        assert_eq!(detect("Big Headline Today\n\nBy Jane Roe\n\nText.").publisher, None);
        assert_eq!(detect("by Jane Roe, Wire\nSPRINGFIELD, Feb 26 - Text.").publisher.as_deref(), Some("Wire"));
        assert_eq!(detect("date 2025-03-20 By Example Herald\n\nText.").publisher.as_deref(), Some("Example Herald"));
        assert_eq!(detect("By XYZ | 3 min read\n\nText.").publisher.as_deref(), Some("XYZ"));
    }

    #[test]
    fn outlet_names() {
        assert!(looks_like_outlet("Example Times"));
        assert!(looks_like_outlet("ExampleNews"));
        assert!(looks_like_outlet("ABC"));
        assert!(looks_like_outlet("The Daily Example Post"));
        assert!(!looks_like_outlet("Jane Roe"));
        assert!(!looks_like_outlet("Jane"));
        assert!(!looks_like_outlet("the minister of news"));
    }

    fn seed(name: &str) -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus").join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    #[test]
    fn seed_000_title_and_outlet_from_the_read_time_line() {
        let text = seed("000_c7a11a84774d6d8b.txt");
        let lines: Vec<&str> = text.lines().collect();
        let found = detect(&text);
        assert_eq!(found.title.as_deref(), Some(lines[0]));
        assert_eq!(found.publisher.as_deref(), Some(lines[2]), "the site name on its own line");
        assert_eq!(found.date, None);
    }

    #[test]
    fn seed_001_title_after_the_widgets_and_the_page_date() {
        let text = seed("001_0d1b376309894368.txt");
        let found = detect(&text);
        let title = found.title.expect("a title");
        assert!(title.ends_with('?') && !title.starts_with("Home"));
        assert_eq!(found.date, date(Some(2025), 6, 8));
    }

    #[test]
    fn seed_004_date_and_outlet_from_the_byline() {
        let text = seed("004_575958ca5d983807.txt");
        let first = text.lines().next().unwrap();
        let found = detect(&text);
        assert_eq!(found.date, date(Some(2025), 3, 20));
        assert_eq!(found.publisher.as_deref(), first.split(" By ").nth(1));
        assert_eq!(found.title, None);
    }

    #[test]
    fn titles() {
        assert_eq!(detect("Leaders Sign Pact\n\nThe pact was signed.").title.as_deref(), Some("Leaders Sign Pact"));
        assert_eq!(detect("The pact was signed.\n\nIt is new.").title, None);
    }
}
