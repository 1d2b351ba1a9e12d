//! Trains the name tagger on GUM (train documents), Universal NER English
//! EWT (dev split) and CoNLL04 (train split), prints figures on GUM dev
//! (and, with `--test`, on GUM test and UNER EWT test), and writes the
//! weights.
//!
//! `cargo run --release --example train_ner -- ../shared/corpora data/models/ner.bin [--epochs N] [--prune W]`
//!
//! Options: `--epochs N`, `--prune W`, `--no-uner`, `--no-conll04`,
//! `--no-pos`, `--no-doc` (feature groups), `--dump-dev` (GUM dev errors),
//! `--test` (print test figures: for reporting only, never for choices).
#![allow(clippy::print_stdout)]

use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context as _, Result};
use kgforge::text::ner::corpus::{parse_conll04, parse_iob2, read_gum, Labeled};
use kgforge::text::ner::{shuffle, Context, DocStats, FeatureSet, Label, Model, NameTagger, NameType, Scores, Trainer};
use kgforge::text::pos::PosTagger;

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
    for (sent, pred) in data.iter().zip(tagger.label_corpus(data)) {
        s.add(&sent.labels, &pred, types);
        untyped.add(&erase(&sent.labels), &erase(&pred), &[NameType::Person]);
    }
    let (p, r, f) = untyped.prf(None);
    println!("  (spans regardless of type: P {p:.3} R {r:.3} F1 {f:.3})");
    s
}

/// Prints the GUM dev sentences where gold and predicted names differ.
fn dump_errors(tagger: &NameTagger, data: &[Labeled]) {
    for (sent, pred) in data.iter().zip(tagger.label_corpus(data)) {
        let words: Vec<&str> = sent.words.iter().map(String::as_str).collect();
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

/// Training contexts of labelled sentences, a document at a time.
fn contexts(data: &[Labeled], fs: FeatureSet, out: &mut Vec<(Context, Vec<Label>)>) {
    for doc in data.chunk_by(|a, b| a.doc == b.doc) {
        let words: Vec<Vec<&str>> = doc.iter().map(|s| s.words.iter().map(String::as_str).collect()).collect();
        let stats = DocStats::new(words.iter().map(Vec::as_slice));
        for (w, s) in words.iter().zip(doc) {
            let tags = if fs.pos { PosTagger::global().tag(w) } else { Vec::new() };
            out.push((Context::with_features(w, &tags, Some(&stats), fs), s.labels.clone()));
        }
    }
}

/// Trains on `data` for `epochs` seeded shuffled passes and averages.
fn fit(data: &[(Context, Vec<Label>)], epochs: usize, prune: f32, verbose: bool) -> Model {
    let t0 = Instant::now();
    let tokens: usize = data.iter().map(|d| d.1.len()).sum();
    let mut trainer = Trainer::new();
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    for e in 0..epochs {
        shuffle(&mut order, &mut seed);
        let c = trainer.epoch(data, &order);
        if verbose {
            println!(
                "epoch {}: train token accuracy {:.4} ({:.1}s)",
                e + 1,
                c as f64 / tokens as f64,
                t0.elapsed().as_secs_f64()
            );
        }
    }
    trainer.finish(prune)
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut pos = Vec::new();
    let (mut epochs, mut prune, mut dump, mut test) = (6usize, 0.02f32, false, false);
    let (mut use_uner, mut use_conll, mut gum_weight, mut holdout) = (true, true, 3usize, false);
    let mut fs = FeatureSet::SHIPPED;
    let mut cv = 0usize;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--epochs" => epochs = it.next().context("--epochs N")?.parse()?,
            "--prune" => prune = it.next().context("--prune W")?.parse()?,
            "--dump-dev" => dump = true,
            "--test" => test = true,
            "--no-uner" => use_uner = false,
            "--no-conll04" => use_conll = false,
            "--no-pos" => fs.pos = false,
            "--no-doc" => fs.doc = false,
            "--doc" => fs.doc = true,
            "--no-vote" => fs.vote = false,
            "--uner-holdout" => holdout = true,
            "--cv" => cv = it.next().context("--cv K")?.parse()?,
            "--gum-weight" => gum_weight = it.next().context("--gum-weight N")?.parse()?,
            "--trans" => fs.trans = it.next().context("--trans 0|1|2")?.parse()?,
            _ => pos.push(a.clone()),
        }
    }
    let [root, out] = &pos[..] else { bail!("usage: train_ner CORPORA_DIR OUT.bin [--epochs N] [--prune W]") };
    let root = Path::new(root);
    let t0 = Instant::now();
    let (gum_train, gum_dev, gum_test) = read_gum(root)?;
    let uner = root.join("uner-english-ewt");
    let uner_dev = parse_iob2(&std::fs::read_to_string(uner.join("en_ewt-ud-dev.iob2"))?);
    let conll_path = root.join("../eval/conll04/source/conll04_train.json");
    let conll_train = parse_conll04(&std::fs::read_to_string(&conll_path).context("CoNLL04 train")?)?;
    let mut gum_data: Vec<(Context, Vec<Label>)> = Vec::new();
    contexts(&gum_train, fs, &mut gum_data);
    let mut rest: Vec<(Context, Vec<Label>)> = Vec::new();
    // With --uner-holdout, every fifth UNER dev document is held out of
    // training and scored (for UNER-side choices, never the test split).
    let (uner_fit, uner_held): (Vec<Labeled>, Vec<Labeled>) =
        uner_dev.iter().cloned().partition(|s| !holdout || s.doc % 5 != 4);
    let uner_train: &[Labeled] = if use_uner { &uner_fit } else { &[] };
    contexts(uner_train, fs, &mut rest);
    let conll: &[Labeled] = if use_conll { &conll_train } else { &[] };
    contexts(conll, fs, &mut rest);
    // Training set: GUM (repeated gum_weight times) then the rest.
    let assemble = |keep: &dyn Fn(usize) -> bool| -> Vec<(Context, Vec<Label>)> {
        let gum: Vec<_> =
            gum_data.iter().zip(&gum_train).filter(|(_, s)| keep(s.doc)).map(|(d, _)| d.clone()).collect();
        let mut out = Vec::new();
        for _ in 0..gum_weight {
            out.extend_from_slice(&gum);
        }
        out.extend_from_slice(&rest);
        out
    };
    if cv > 1 {
        // K-fold cross-validation over the GUM train documents (for
        // choices, beside GUM dev).
        let mut pooled = Scores::default();
        for f in 0..cv {
            let data = assemble(&|d| d % cv != f);
            let model = fit(&data, epochs, prune, false);
            let tagger = NameTagger::with_features(model, fs);
            let held: Vec<Labeled> = gum_train.iter().filter(|s| s.doc % cv == f).cloned().collect();
            for (sent, pred) in held.iter().zip(tagger.label_corpus(&held)) {
                pooled.add(&sent.labels, &pred, &NameType::ALL);
            }
        }
        print!("GUM train {cv}-fold cross-validation:\n{}", pooled.report(&NameType::ALL));
    }
    let data = assemble(&|_| true);
    let tokens: usize = data.iter().map(|d| d.1.len()).sum();
    let open: usize = data.iter().map(|d| (0..d.0.len()).filter(|&i| d.0.is_open(i)).count()).sum();
    println!(
        "train: {} GUM + {} UNER + {} CoNLL04 sentences, {tokens} tokens, {open} not gated ({:.1}s to read)",
        gum_train.len(),
        uner_train.len(),
        conll.len(),
        t0.elapsed().as_secs_f64()
    );
    let mut counts = Scores::default();
    let mut lost = Scores::default();
    for (ctx, labels) in &data {
        counts.add(labels, labels, &NameType::ALL);
        let gated: Vec<Label> =
            labels.iter().enumerate().map(|(i, &l)| if ctx.is_open(i) { l } else { Label::O }).collect();
        lost.add(labels, &gated, &NameType::ALL);
    }
    let names: Vec<String> =
        NameType::ALL.iter().map(|t| format!("{} {}", t.as_str(), counts.per_type[*t as usize].2)).collect();
    println!("training names: {} (reachable after gating: {:.4})", names.join(", "), lost.prf(None).1);
    let model = fit(&data, epochs, prune, true);
    let bytes = model.to_bytes();
    std::fs::write(out, &bytes)?;
    println!(
        "wrote {out}: {} features, {} bytes ({:.1}s)",
        model.n_features(),
        bytes.len(),
        t0.elapsed().as_secs_f64()
    );
    let tagger = NameTagger::with_features(Model::from_bytes(&bytes).map_err(anyhow::Error::msg)?, fs);
    let all = NameType::ALL;
    let uner_types = [NameType::Person, NameType::Organization, NameType::Place];
    if dump {
        dump_errors(&tagger, &gum_dev);
    }
    print!("GUM dev:\n{}", evaluate(&tagger, &gum_dev, &all).report(&all));
    if holdout {
        print!(
            "UNER dev held-out fifth ({} sentences):\n{}",
            uner_held.len(),
            evaluate(&tagger, &uner_held, &uner_types).report(&uner_types)
        );
    }
    if test {
        let uner_test = parse_iob2(&std::fs::read_to_string(uner.join("en_ewt-ud-test.iob2"))?);
        print!("GUM test:\n{}", evaluate(&tagger, &gum_test, &all).report(&all));
        print!("UNER EWT test (PER ORG LOC):\n{}", evaluate(&tagger, &uner_test, &uner_types).report(&uner_types));
    }
    Ok(())
}
