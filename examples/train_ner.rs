//! Trains the name tagger on GUM (train documents) and Universal NER
//! English EWT (dev split), prints figures on GUM dev, GUM test and UNER
//! EWT test, and writes the weights.
//!
//! `cargo run --release --example train_ner -- ../shared/corpora data/models/ner.bin [--epochs N] [--prune W]`
#![allow(clippy::print_stdout)]

use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context as _, Result};
use kgforge::text::ner::corpus::{parse_iob2, read_gum, Labeled};
use kgforge::text::ner::{shuffle, Context, Label, NameTagger, NameType, Scores, Trainer};

/// Entity-level scores, printing span-only (untyped) figures too.
fn evaluate(tagger: &NameTagger, data: &[Labeled], types: &[NameType]) -> Scores {
    let mut s = Scores::default();
    let mut untyped = Scores::default();
    let erase = |l: &[Label]| -> Vec<Label> {
        l.iter()
            .map(|x| match *x {
                Label::B(t) if types.contains(&t) => Label::B(NameType::Person),
                Label::I(t) if types.contains(&t) => Label::I(NameType::Person),
                _ => Label::O,
            })
            .collect()
    };
    for sent in data {
        let words: Vec<&str> = sent.words.iter().map(String::as_str).collect();
        let pred = tagger.labels(&words);
        s.add(&sent.labels, &pred, types);
        untyped.add(&erase(&sent.labels), &erase(&pred), &[NameType::Person]);
    }
    let (p, r, f) = untyped.prf(None);
    println!("  (spans regardless of type: P {p:.3} R {r:.3} F1 {f:.3})");
    s
}

/// Prints the GUM dev sentences where gold and predicted names differ.
fn dump_errors(tagger: &NameTagger, data: &[Labeled]) {
    for sent in data {
        let words: Vec<&str> = sent.words.iter().map(String::as_str).collect();
        let pred = tagger.labels(&words);
        let show = |l: &[Label]| -> Vec<String> {
            kgforge::text::ner::spans(l)
                .iter()
                .map(|s| format!("{}:{}", s.2.as_str(), words[s.0..s.1].join(" ")))
                .collect()
        };
        let (g, p) = (show(&sent.labels), show(&pred));
        if g != p {
            println!("S: {}\n  gold {g:?}\n  pred {p:?}", words.join(" "));
        }
    }
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut pos = Vec::new();
    let (mut epochs, mut prune, mut dump, mut use_uner) = (6usize, 0.02f32, false, true);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--epochs" => epochs = it.next().context("--epochs N")?.parse()?,
            "--prune" => prune = it.next().context("--prune W")?.parse()?,
            "--dump-dev" => dump = true,
            "--no-uner" => use_uner = false,
            _ => pos.push(a.clone()),
        }
    }
    let [root, out] = &pos[..] else { bail!("usage: train_ner CORPORA_DIR OUT.bin [--epochs N] [--prune W]") };
    let root = Path::new(root);
    let t0 = Instant::now();
    let (gum_train, gum_dev, gum_test) = read_gum(root)?;
    let uner = root.join("uner-english-ewt");
    let uner_dev = parse_iob2(&std::fs::read_to_string(uner.join("en_ewt-ud-dev.iob2"))?);
    let uner_test = parse_iob2(&std::fs::read_to_string(uner.join("en_ewt-ud-test.iob2"))?);
    let mut data: Vec<(Context, Vec<Label>)> = Vec::new();
    let uner_train: &[Labeled] = if use_uner { &uner_dev } else { &[] };
    for s in gum_train.iter().chain(uner_train) {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        data.push((Context::new(&words), s.labels.clone()));
    }
    let tokens: usize = data.iter().map(|d| d.1.len()).sum();
    println!(
        "train: {} GUM + {} UNER sentences, {tokens} tokens ({:.1}s to read)",
        gum_train.len(),
        uner_train.len(),
        t0.elapsed().as_secs_f64()
    );
    let mut counts = kgforge::text::ner::Scores::default();
    for (_, labels) in &data {
        counts.add(labels, labels, &NameType::ALL);
    }
    let names: Vec<String> =
        NameType::ALL.iter().map(|t| format!("{} {}", t.as_str(), counts.per_type[*t as usize].2)).collect();
    println!("training names: {}", names.join(", "));
    let mut trainer = Trainer::new();
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    for e in 0..epochs {
        shuffle(&mut order, &mut seed);
        let c = trainer.epoch(&data, &order);
        println!(
            "epoch {}: train token accuracy {:.4} ({:.1}s)",
            e + 1,
            c as f64 / tokens as f64,
            t0.elapsed().as_secs_f64()
        );
    }
    let model = trainer.finish(prune);
    let bytes = model.to_bytes();
    std::fs::write(out, &bytes)?;
    println!(
        "wrote {out}: {} features, {} bytes ({:.1}s)",
        model.n_features(),
        bytes.len(),
        t0.elapsed().as_secs_f64()
    );
    let tagger = NameTagger::with_model(kgforge::text::ner::Model::from_bytes(&bytes).map_err(anyhow::Error::msg)?);
    let all = NameType::ALL;
    let uner_types = [NameType::Person, NameType::Organization, NameType::Place];
    if dump {
        dump_errors(&tagger, &gum_dev);
    }
    print!("GUM dev:\n{}", evaluate(&tagger, &gum_dev, &all).report(&all));
    print!("GUM test:\n{}", evaluate(&tagger, &gum_test, &all).report(&all));
    print!("UNER EWT test (PER ORG LOC):\n{}", evaluate(&tagger, &uner_test, &uner_types).report(&uner_types));
    Ok(())
}
