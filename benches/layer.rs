//! Speed of the language layer on news text, in bytes per second: (a) the
//! tokenizer alone, (b) tokenizer and part-of-speech tagger, (c) the same and
//! the name tagger, sentence by sentence.
//!
//! Text: the 171 Wikinews articles of `../shared/news/wikinews-2019.csv`
//! (CC BY 2.5) when present, else the bundled `data/corpus`. Skipped when
//! neither is there. `cargo bench --bench layer`.

// criterion_group! defines an undocumented public function.
#![allow(missing_docs)]
#![allow(clippy::print_stderr)]

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use kgforge::document::read_inputs;
use kgforge::span::Span;
use kgforge::text::ner::NameTagger;
use kgforge::text::pos::PosTagger;
use kgforge::text::sentence::segment;
use kgforge::text::token::{tokenize_span, Token};

/// The `text` column of a CSV file with a header `url,date,title,text`
/// (RFC 4180 quoting: fields in double quotes, `""` for a quote).
fn csv_texts(csv: &str) -> Vec<String> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = csv.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\r') => {}
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    let Some(header) = rows.first() else { return Vec::new() };
    let Some(col) = header.iter().position(|h| h == "text") else { return Vec::new() };
    rows.into_iter().skip(1).filter_map(|r| r.into_iter().nth(col)).collect()
}

/// The news texts and where they come from, or `None` when absent.
fn news() -> Option<(Vec<String>, &'static str)> {
    let csv = Path::new("../shared/news/wikinews-2019.csv");
    if let Ok(text) = std::fs::read_to_string(csv) {
        let texts = csv_texts(&text);
        if !texts.is_empty() {
            return Some((texts, "wikinews 2019"));
        }
    }
    let texts: Vec<String> = read_inputs(&["data/corpus".into()]).filter_map(Result::ok).map(|d| d.text).collect();
    (!texts.is_empty()).then_some((texts, "bundled corpus"))
}

/// Sentence spans of each text, computed once: the layer is measured per
/// sentence, segmentation is not part of it.
fn sentences(texts: &[String]) -> Vec<Vec<Span>> {
    texts.iter().map(|t| segment(t).into_iter().map(|s| s.span).collect()).collect()
}

fn layer(c: &mut Criterion) {
    let Some((texts, source)) = news() else {
        eprintln!("layer bench: no news text (../shared/news, data/corpus) found; skipped");
        return;
    };
    let sents = sentences(&texts);
    // Throughput counts the whole texts (white space between sentences too).
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut tokens = Vec::new();
    let mut n_tokens = 0;
    for (t, ss) in texts.iter().zip(&sents) {
        for s in ss {
            tokens.clear();
            tokenize_span(t, *s, &mut tokens);
            n_tokens += tokens.len();
        }
    }
    eprintln!(
        "layer bench: {source}, {} texts, {} sentences, {bytes} bytes, {n_tokens} tokens ({:.1} bytes/token)",
        texts.len(),
        sents.iter().map(Vec::len).sum::<usize>(),
        bytes as f64 / n_tokens.max(1) as f64
    );
    let pos = PosTagger::global();
    let names = NameTagger::global();

    let mut group = c.benchmark_group("layer");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    let mut tokens: Vec<Token> = Vec::new();
    group.bench_function("a tokens", |b| {
        b.iter(|| {
            for (t, ss) in texts.iter().zip(&sents) {
                for s in ss {
                    tokens.clear();
                    tokenize_span(t, *s, &mut tokens);
                    black_box(&tokens);
                }
            }
        });
    });
    group.bench_function("b tokens+pos", |b| {
        b.iter(|| {
            for (t, ss) in texts.iter().zip(&sents) {
                for s in ss {
                    tokens.clear();
                    tokenize_span(t, *s, &mut tokens);
                    let words: Vec<&str> = tokens.iter().map(|k| k.text(t)).collect();
                    black_box(pos.tag(&words));
                }
            }
        });
    });
    group.bench_function("c tokens+pos+names", |b| {
        b.iter(|| {
            for (t, ss) in texts.iter().zip(&sents) {
                for s in ss {
                    tokens.clear();
                    tokenize_span(t, *s, &mut tokens);
                    let words: Vec<&str> = tokens.iter().map(|k| k.text(t)).collect();
                    black_box(pos.tag(&words));
                    black_box(names.tag(&words));
                }
            }
        });
    });
    group.finish();
}

criterion_group!(benches, layer);
criterion_main!(benches);
