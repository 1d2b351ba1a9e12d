//! `kgforge eval-layer`: the language layer's figures on held-out splits.
//!
//! Reads a corpora directory laid out as `../shared/corpora` (see its
//! README): `ud-english-ewt/` (file lists and sources), `gum/` (`splits.md`
//! and `dep/`), `uner-english-ewt/en_ewt-ud-test.iob2`. Prints part-of-speech
//! accuracy on EWT test and GUM test, noun-phrase precision and recall on the
//! same splits with the tagger's own tags, and name-tagger scores on GUM test
//! and UNER EWT test. Only test splits: nothing here was tuned on them.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use kgforge::text::conllu::Sentence;
use kgforge::text::eval::{self, Prf, Tags};
use kgforge::text::ner::corpus::{parse_iob2, read_gum};
use kgforge::text::ner::{self, NameTagger, NameType};
use kgforge::text::pos::PosTagger;

use super::Outcome;

/// Arguments of `kgforge eval-layer`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The corpora directory (UD English EWT, GUM, Universal NER EWT).
    #[arg(long, value_name = "DIR", default_value = "../shared/corpora", value_hint = clap::ValueHint::DirPath)]
    corpora: PathBuf,
}

/// The UNER EWT test file, relative to the corpora directory.
const UNER_TEST: &str = "uner-english-ewt/en_ewt-ud-test.iob2";

fn prf(p: Prf) -> String {
    format!("P {:.3}  R {:.3}  F1 {:.3}", p.precision, p.recall, p.f1)
}

fn splits(root: &Path) -> anyhow::Result<[(&'static str, Vec<Sentence>); 2]> {
    Ok([
        ("EWT test", eval::ewt_sentences(root, "test").context("reading UD English EWT test")?),
        ("GUM test", eval::gum_sentences(root, "test").context("reading GUM test")?),
    ])
}

/// Prints the figures.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let root = &args.corpora;
    if !root.is_dir() {
        bail!(
            "corpora directory '{}' not found; expected a directory with ud-english-ewt/, gum/ and uner-english-ewt/ (as ../shared/corpora)",
            root.display()
        );
    }
    let test = splits(root)?;
    let gum_names = read_gum(root).with_context(|| format!("reading GUM names under '{}'", root.display()))?.2;
    let uner_path = root.join(UNER_TEST);
    let uner = parse_iob2(
        &std::fs::read_to_string(&uner_path).with_context(|| format!("cannot read '{}'", uner_path.display()))?,
    );

    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(out, "corpora {}", root.display())?;
    writeln!(out, "part of speech (shipped tagger, gold tokens)")?;
    let tagger = PosTagger::global();
    for (name, sentences) in &test {
        let accuracy = eval::pos_accuracy(tagger, &eval::tagged_sentences(sentences));
        writeln!(
            out,
            "  {name:<14} tokens {:>6}  UPOS {:.2}%  XPOS {:.2}%",
            accuracy.tokens,
            100.0 * accuracy.upos,
            100.0 * accuracy.xpos
        )?;
    }
    writeln!(out, "noun phrases (predicted tags, exact boundaries of phrases derived from the trees)")?;
    for (name, sentences) in &test {
        let scores = eval::chunk_scores(sentences, Tags::Predicted(tagger));
        writeln!(
            out,
            "  {name:<14} phrases {:>5}  {}  post-modifiers {:>4}  {}",
            scores.gold,
            prf(scores.phrases()),
            scores.post_gold,
            prf(scores.post_modifiers())
        )?;
    }
    writeln!(out, "names (shipped tagger, exact spans and types)")?;
    let names = NameTagger::global();
    let uner_types = [NameType::Person, NameType::Organization, NameType::Place];
    for (name, data, types) in [("GUM test", &gum_names, &NameType::ALL[..]), ("UNER EWT test", &uner, &uner_types[..])]
    {
        let scores = ner::evaluate(names, data, types);
        let (p, r, f1) = scores.prf(None);
        let gold: usize = scores.per_type.iter().map(|t| t.2).sum();
        writeln!(out, "  {name:<14} names {gold:>7}  {}", prf(Prf { precision: p, recall: r, f1 }))?;
    }
    out.flush()?;
    Ok(Outcome::default())
}
