//! Extraction time grows with a document's length, not its square: inputs
//! that took minutes (or never ended) before, generated here at sizes where
//! a quadratic pass is obviously slow and a linear one takes a second.
//! The time bounds are generous: they catch a hang, not a slowdown.

use std::time::{Duration, Instant};

use kgforge::document::Document;
use kgforge::extract::extract_document;
use kgforge::extract::model::DocExtraction;

/// Extracts `text`, failing if it takes longer than `limit`.
fn extract_within(text: String, limit: Duration) -> DocExtraction {
    let doc = Document::from_text("generated", text);
    let started = Instant::now();
    let extraction = extract_document(&doc);
    let took = started.elapsed();
    assert!(took < limit, "extraction took {took:?} (limit {limit:?})");
    extraction
}

/// "Aa", "Ab", ... "Zz": capitalised two-letter words.
fn capitalised(i: usize) -> String {
    let letters = b"abcdefghijklmnopqrstuvwxyz";
    format!("{}{}", char::from(letters[i / 26 % 26].to_ascii_uppercase()), char::from(letters[i % 26]))
}

/// A name that no list holds: "Bababababa Xubabababa".
fn made_up_name(i: usize) -> String {
    let syllables = ["ba", "qi", "zo", "xu", "ve", "ka", "lo", "mi", "ne", "ru"];
    let word = |mut n: usize| {
        let mut w = String::new();
        for _ in 0..5 {
            w.push_str(syllables[n % 10]);
            n /= 10;
        }
        let mut chars = w.chars();
        chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
    };
    format!("{} {}", word(i), word(i * 7 + 3))
}

#[test]
fn one_sentence_of_two_hundred_thousand_capitalised_words() {
    let words: Vec<String> = (0..200_000).map(capitalised).collect();
    let text = format!("The talks ended.\n\nThe minister said that {} went home.\n", words.join(" "));
    extract_within(text, Duration::from_secs(60));
}

#[test]
fn a_long_run_of_titles_and_initials() {
    // Each title word made the name finder look ahead through the whole run.
    let text = "Mr. Gen. U.S. Dr. ".repeat(20_000) + "Roe said.";
    extract_within(text, Duration::from_secs(60));
}

#[test]
fn thousands_of_names_each_named_again() {
    // Every name found is looked for again in every sentence.
    let mut text = String::new();
    for i in 0..15_000 {
        text.push_str(&format!("{} met officials on Monday. ", made_up_name(i)));
    }
    for i in 0..15_000 {
        text.push_str(&format!("Later {} left. ", made_up_name(i)));
    }
    // 60 s, as the tests beside it: a debug build takes 20-24 s alone and
    // about 30 s beside them on two cores; a quadratic pass takes minutes.
    let extraction = extract_within(text, Duration::from_secs(60));
    let first = extraction.entities.iter().find(|e| e.name == made_up_name(0)).expect("the first name is an entity");
    assert_eq!(first.mentions.len(), 2, "{first:?}");
}
