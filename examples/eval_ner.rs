//! Evaluates the shipped name-tagger weights (`data/models/ner.bin`):
//! entity-level exact-match P/R/F1 per type and overall on the GUM test
//! documents and on Universal NER English EWT test (PER, ORG, LOC), and
//! tagging speed.
//!
//! `cargo run --release --example eval_ner -- ../shared/corpora`
#![allow(clippy::print_stdout)]

use std::path::Path;
use std::time::Instant;

use anyhow::{Context as _, Result};
use kgforge::text::ner::corpus::{parse_iob2, read_gum};
use kgforge::text::ner::{evaluate, NameTagger, NameType};

fn main() -> Result<()> {
    let root = std::env::args().nth(1).context("usage: eval_ner CORPORA_DIR")?;
    let root = Path::new(&root);
    let (_, _, gum_test) = read_gum(root)?;
    let uner_test = parse_iob2(&std::fs::read_to_string(root.join("uner-english-ewt/en_ewt-ud-test.iob2"))?);
    let tagger = NameTagger::global();
    let all = NameType::ALL;
    let uner_types = [NameType::Person, NameType::Organization, NameType::Place];
    let t0 = Instant::now();
    let gum = evaluate(tagger, &gum_test, &all);
    let uner = evaluate(tagger, &uner_test, &uner_types);
    let secs = t0.elapsed().as_secs_f64();
    let tokens: usize = gum_test.iter().chain(&uner_test).map(|s| s.words.len()).sum();
    print!("GUM test ({} sentences):\n{}", gum_test.len(), gum.report(&all));
    print!("UNER EWT test ({} sentences, PER ORG LOC):\n{}", uner_test.len(), uner.report(&uner_types));
    println!(
        "tagged {tokens} tokens in {secs:.2}s: {:.0} tokens/s (first call includes loading)",
        tokens as f64 / secs
    );
    Ok(())
}
