//! Times the text layer alone over a JSONL file of documents (one thread):
//! sentence splitting, then tokens + tags + phrases + names per document.
//!
//! `cargo run --release --example time_layer -- ../shared/bench/news.jsonl`
#![allow(clippy::print_stdout)]

use std::time::Instant;

use kgforge::text::layer::TextLayer;
use kgforge::text::sentence::segment;

fn main() -> anyhow::Result<()> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "../shared/bench/news.jsonl".into());
    let texts: Vec<String> = std::fs::read_to_string(path)?
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let sentences: Vec<_> = texts.iter().map(|t| segment(t)).collect();
    let t0 = Instant::now();
    let mut names = 0usize;
    let mut tokens = 0usize;
    for (text, s) in texts.iter().zip(&sentences) {
        let layer = TextLayer::analyse(text, s);
        for sentence in s {
            if let Some(l) = layer.sentence(sentence.index) {
                names += l.names.len();
                tokens += l.tokens.len();
            }
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "{} documents, {:.1} MB, {tokens} tokens, {names} names: {secs:.2} s, {:.2} MB/s, {:.0} tokens/s",
        texts.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs,
        tokens as f64 / secs
    );
    Ok(())
}
