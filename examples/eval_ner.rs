//! Evaluates the shipped name-tagger weights (`data/models/ner.bin`):
//! entity-level exact-match P/R/F1 per type and overall on GUM dev, the GUM
//! test documents and Universal NER English EWT test (PER, ORG, LOC), and
//! tagging speed on the UNER EWT test text (best of 5 runs, one thread).
//!
//! `cargo run --release --example eval_ner -- ../shared/corpora [--model FILE] [--speed]`
//! (`--model`: other weights, with the shipped feature set; `--speed`:
//! speed only, no scores).
#![allow(clippy::print_stdout)]

use std::path::Path;
use std::time::Instant;

use anyhow::{Context as _, Result};
use kgforge::text::ner::corpus::{parse_iob2, read_gum, Labeled};
use kgforge::text::ner::{evaluate, Model, NameTagger, NameType, SentenceInput};
use kgforge::text::pos::{PosTagger, Upos, Xpos};

/// The document ids (as numbered by `read_gum`) of the GUM news files.
fn read_gum_news_docs(root: &Path) -> Result<Vec<usize>> {
    let mut files: Vec<_> = std::fs::read_dir(root.join("gum/dep"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    files.sort();
    Ok(files
        .iter()
        .enumerate()
        .filter(|(_, f)| f.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("GUM_news_")))
        .map(|(i, _)| i)
        .collect())
}

/// Best-of-5 tokens per second of `run` over `tokens` tokens.
fn best_of_5(tokens: usize, mut run: impl FnMut() -> usize) -> f64 {
    let mut best = f64::INFINITY;
    let mut sink = 0;
    for _ in 0..5 {
        let t = Instant::now();
        sink += run();
        best = best.min(t.elapsed().as_secs_f64());
    }
    assert!(sink < usize::MAX);
    tokens as f64 / best
}

/// Prints the scores on GUM dev, GUM test and UNER EWT test.
fn scores(root: &Path, tagger: &NameTagger, uner_test: &[Labeled]) -> Result<()> {
    let (_, gum_dev, gum_test) = read_gum(root)?;
    let all = NameType::ALL;
    let uner_types = [NameType::Person, NameType::Organization, NameType::Place];
    print!("GUM dev ({} sentences):\n{}", gum_dev.len(), evaluate(tagger, &gum_dev, &all).report(&all));
    print!("GUM test ({} sentences):\n{}", gum_test.len(), evaluate(tagger, &gum_test, &all).report(&all));
    print!(
        "UNER EWT test ({} sentences, PER ORG LOC):\n{}",
        uner_test.len(),
        evaluate(tagger, uner_test, &uner_types).report(&uner_types)
    );
    Ok(())
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = args.first().context("usage: eval_ner CORPORA_DIR [--model FILE] [--speed]")?;
    let root = Path::new(root);
    let speed_only = args.iter().any(|a| a == "--speed");
    let own;
    let tagger = match args.iter().position(|a| a == "--model") {
        Some(i) => {
            let bytes = std::fs::read(args.get(i + 1).context("--model FILE")?)?;
            own = NameTagger::with_model(Model::from_bytes(&bytes).map_err(anyhow::Error::msg)?);
            &own
        }
        None => NameTagger::global(),
    };
    let uner_test = parse_iob2(&std::fs::read_to_string(root.join("uner-english-ewt/en_ewt-ud-test.iob2"))?);
    if !speed_only {
        scores(root, tagger, &uner_test)?;
    }

    // Speed on the UNER EWT test text, a document at a time.
    let docs: Vec<&[Labeled]> = uner_test.chunk_by(|a, b| a.doc == b.doc).collect();
    let words: Vec<Vec<Vec<&str>>> =
        docs.iter().map(|d| d.iter().map(|s| s.words.iter().map(String::as_str).collect()).collect()).collect();
    let tokens: usize = uner_test.iter().map(|s| s.words.len()).sum();
    let pos = PosTagger::global();
    let tags: Vec<Vec<Vec<(Xpos, Upos)>>> = words.iter().map(|d| d.iter().map(|w| pos.tag(w)).collect()).collect();
    let names_only = best_of_5(tokens, || {
        let mut found = 0;
        for (d, t) in words.iter().zip(&tags) {
            let input: Vec<SentenceInput<'_>> =
                d.iter().zip(t).map(|(w, t)| SentenceInput { words: w, tags: t }).collect();
            found += tagger.tag_document(&input).iter().map(Vec::len).sum::<usize>();
        }
        found
    });
    let with_pos = best_of_5(tokens, || {
        let mut found = 0;
        for d in &words {
            let t: Vec<Vec<(Xpos, Upos)>> = d.iter().map(|w| pos.tag(w)).collect();
            let input: Vec<SentenceInput<'_>> =
                d.iter().zip(&t).map(|(w, t)| SentenceInput { words: w, tags: t }).collect();
            found += tagger.tag_document(&input).iter().map(Vec::len).sum::<usize>();
        }
        found
    });
    // The same on news: the GUM Wikinews documents of the train split.
    let (gum_train, _, _) = read_gum(root)?;
    let news_ids = read_gum_news_docs(root)?;
    let news: Vec<Vec<Vec<&str>>> = gum_train
        .chunk_by(|a, b| a.doc == b.doc)
        .filter(|d| news_ids.contains(&d[0].doc))
        .map(|d| d.iter().map(|s| s.words.iter().map(String::as_str).collect()).collect())
        .collect();
    let news_tags: Vec<Vec<Vec<(Xpos, Upos)>>> = news.iter().map(|d| d.iter().map(|w| pos.tag(w)).collect()).collect();
    let news_tokens: usize = news.iter().flat_map(|d| d.iter()).map(Vec::len).sum();
    let news_speed = best_of_5(news_tokens, || {
        let mut found = 0;
        for (d, t) in news.iter().zip(&news_tags) {
            let input: Vec<SentenceInput<'_>> =
                d.iter().zip(t).map(|(w, t)| SentenceInput { words: w, tags: t }).collect();
            found += tagger.tag_document(&input).iter().map(Vec::len).sum::<usize>();
        }
        found
    });
    println!("speed on UNER EWT test ({tokens} tokens, best of 5, one thread):");
    println!("  names, part-of-speech tags given (tag_document): {names_only:.0} tokens/s");
    println!("  part-of-speech tagging and names:                {with_pos:.0} tokens/s");
    println!(
        "speed on news (GUM train Wikinews documents, {} documents, {news_tokens} tokens), names, tags given: {news_speed:.0} tokens/s",
        news.len()
    );
    Ok(())
}
