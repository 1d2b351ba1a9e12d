//! Prints the text layer of each sentence given on the command line: tokens
//! with their PTB and Universal tags, base noun phrases (head, post-modifier)
//! and the name tagger's names with their confidence.
//!
//! `cargo run --release --example show_layer -- "Maria Lopez signed the agreement on fisheries data."`
#![allow(clippy::print_stdout)]

use kgforge::span::Span;
use kgforge::text::layer::SentenceLayer;

fn main() {
    for text in std::env::args().skip(1) {
        let layer = SentenceLayer::analyse(&text, Span::new(0, text.len()));
        let tagged: Vec<String> = (0..layer.tokens.len())
            .map(|i| format!("{}/{}/{}", layer.word(&text, i), layer.tags[i].0, layer.tags[i].1))
            .collect();
        println!("{}", tagged.join(" "));
        for phrase in &layer.phrases {
            let words: Vec<&str> = (phrase.start..phrase.end).map(|i| layer.word(&text, i)).collect();
            let post: Option<Vec<&str>> = phrase.post.map(|(a, b)| (a..b).map(|i| layer.word(&text, i)).collect());
            println!("  phrase {:?} head {:?} post {:?}", words.join(" "), layer.word(&text, phrase.head), post);
        }
        for name in &layer.names {
            println!("  name {:?} {:?} {:.2}", &text[name.span.range()], name.kind, name.confidence);
        }
    }
}
