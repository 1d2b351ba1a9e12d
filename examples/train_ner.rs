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
use kgforge::text::ner::{
    prior_codes, shuffle, Context, DocStats, FeatureSet, Label, Model, NameTagger, NameType, Scores, SentenceInput,
    Trainer,
};
use kgforge::text::pos::{PosTagger, Upos, Xpos};

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

/// A training corpus: sentences (with document ids), their part-of-speech
/// tags (computed once) and how many times it is repeated per epoch.
#[derive(Clone)]
struct Part {
    sents: Vec<Labeled>,
    tags: Vec<Vec<(Xpos, Upos)>>,
    weight: usize,
}

impl Part {
    fn new(sents: Vec<Labeled>, weight: usize) -> Part {
        let tags = sents
            .iter()
            .map(|s| PosTagger::global().tag(&s.words.iter().map(String::as_str).collect::<Vec<_>>()))
            .collect();
        Part { sents, tags, weight }
    }

    /// The sentences of the documents `keep` accepts.
    fn filter(&self, keep: impl Fn(usize) -> bool) -> Part {
        let (sents, tags) =
            self.sents.iter().zip(&self.tags).filter(|(s, _)| keep(s.doc)).map(|(s, t)| (s.clone(), t.clone())).unzip();
        Part { sents, tags, weight: self.weight }
    }

    /// Runs `f` on each document: its sentences' words and tags, and the
    /// index of its first sentence.
    fn documents(&self, mut f: impl FnMut(usize, &[Vec<&str>], &[Vec<(Xpos, Upos)>])) {
        let mut start = 0;
        for doc in self.sents.chunk_by(|a, b| a.doc == b.doc) {
            let words: Vec<Vec<&str>> = doc.iter().map(|s| s.words.iter().map(String::as_str).collect()).collect();
            f(start, &words, &self.tags[start..start + doc.len()]);
            start += doc.len();
        }
    }

    /// Training contexts (first pass without priors, second pass with).
    fn contexts(&self, fs: FeatureSet, priors: Option<&[Vec<u64>]>, out: &mut Vec<(Context, Vec<Label>)>) {
        let mut one = Vec::new();
        self.documents(|start, words, tags| {
            let stats = fs.doc.then(|| DocStats::new(words.iter().map(Vec::as_slice)));
            for (k, (w, t)) in words.iter().zip(tags).enumerate() {
                let prior = priors.map_or(&[][..], |p| &p[start + k][..]);
                let ctx = Context::with_features(w, t, stats.as_ref(), prior, fs);
                one.push((ctx, self.sents[start + k].labels.clone()));
            }
        });
        for _ in 0..self.weight {
            out.extend_from_slice(&one);
        }
    }

    /// First-pass labels of every sentence by `tagger`, a document at a time.
    fn first_pass(&self, tagger: &NameTagger, out: &mut [Vec<Label>]) {
        self.documents(|start, words, tags| {
            let input: Vec<SentenceInput<'_>> =
                words.iter().zip(tags).map(|(w, t)| SentenceInput { words: w, tags: t }).collect();
            for (k, l) in tagger.label_document(&input).into_iter().enumerate() {
                out[start + k] = l;
            }
        });
    }

    /// Second-pass codes from first-pass labels.
    fn priors(&self, first: &[Vec<Label>]) -> Vec<Vec<u64>> {
        let mut out = vec![Vec::new(); self.sents.len()];
        self.documents(|start, words, _| {
            let ws: Vec<&[&str]> = words.iter().map(Vec::as_slice).collect();
            for (k, p) in prior_codes(&ws, &first[start..start + words.len()]).into_iter().enumerate() {
                out[start + k] = p;
            }
        });
        out
    }
}

/// Options of a training run.
struct Opts {
    fs: FeatureSet,
    epochs: usize,
    prune: f32,
    stack: bool,
    seeds: usize,
    verbose: bool,
}

/// Trains the tagger on `parts`: the first model on everything; with
/// `stack`, the second model on contexts whose priors come from first
/// models trained on the other three quarters of the documents (4-fold
/// jackknife, documents by `doc % 4`).
fn train(parts: &[Part], o: &Opts) -> NameTagger {
    let mut data = Vec::new();
    for p in parts {
        p.contexts(o.fs, None, &mut data);
    }
    let first = fit(&data, o.epochs, o.prune, o.seeds, o.verbose);
    if !o.stack {
        return NameTagger::with_features(first, o.fs);
    }
    let mut labels: Vec<Vec<Vec<Label>>> = parts.iter().map(|p| vec![Vec::new(); p.sents.len()]).collect();
    for f in 0..4 {
        let mut data = Vec::new();
        for p in parts {
            p.filter(|d| d % 4 != f).contexts(o.fs, None, &mut data);
        }
        let tagger = NameTagger::with_features(fit(&data, o.epochs, o.prune, o.seeds, false), o.fs);
        for (p, out) in parts.iter().zip(&mut labels) {
            let held = p.filter(|d| d % 4 == f);
            let mut got = vec![Vec::new(); held.sents.len()];
            held.first_pass(&tagger, &mut got);
            let idx: Vec<usize> = (0..p.sents.len()).filter(|&i| p.sents[i].doc % 4 == f).collect();
            for (i, l) in idx.into_iter().zip(got) {
                out[i] = l;
            }
        }
    }
    let mut data = Vec::new();
    for (p, first) in parts.iter().zip(&labels) {
        p.contexts(o.fs, Some(&p.priors(first)), &mut data);
    }
    let second = fit(&data, o.epochs, o.prune, o.seeds, o.verbose);
    NameTagger::stacked(first, second, o.fs)
}

/// Trains on `data`: for each of `seeds` shuffling seeds, `epochs`
/// shuffled passes of the averaged perceptron; the averaged weights of the
/// runs are then averaged (summed in key order, so deterministic).
fn fit(data: &[(Context, Vec<Label>)], epochs: usize, prune: f32, seeds: usize, verbose: bool) -> Model {
    let t0 = Instant::now();
    let tokens: usize = data.iter().map(|d| d.1.len()).sum();
    let mut sum: std::collections::BTreeMap<u32, [f32; kgforge::text::ner::N_LABELS]> =
        std::collections::BTreeMap::new();
    for r in 0..seeds {
        let mut trainer = Trainer::new();
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut seed = 0x9E37_79B9_7F4A_7C15u64 ^ (r as u64).wrapping_mul(0x2545_F491_4F6C_DD1D);
        for e in 0..epochs {
            shuffle(&mut order, &mut seed);
            let c = trainer.epoch(data, &order);
            if verbose {
                println!(
                    "run {} epoch {}: train token accuracy {:.4} ({:.1}s)",
                    r + 1,
                    e + 1,
                    c as f64 / tokens as f64,
                    t0.elapsed().as_secs_f64()
                );
            }
        }
        for (k, w) in trainer.averaged(0.0) {
            let e = sum.entry(k).or_insert([0.0; kgforge::text::ner::N_LABELS]);
            for (a, b) in e.iter_mut().zip(w) {
                *a += b;
            }
        }
    }
    let n = seeds.max(1) as f32;
    Model::from_dense(
        sum.into_iter().map(|(k, w)| (k, w.map(|v| if (v / n).abs() < prune { 0.0 } else { v / n }))).collect(),
    )
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut pos = Vec::new();
    let (mut dump, mut test, mut cv) = (false, false, 0usize);
    let (mut use_uner, mut use_conll, mut gum_weight, mut holdout) = (true, true, 3usize, false);
    let mut uner_weight = 1usize;
    let mut o = Opts { fs: FeatureSet::SHIPPED, epochs: 6, prune: 0.02, stack: false, seeds: 8, verbose: true };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--epochs" => o.epochs = it.next().context("--epochs N")?.parse()?,
            "--prune" => o.prune = it.next().context("--prune W")?.parse()?,
            "--dump-dev" => dump = true,
            "--test" => test = true,
            "--no-uner" => use_uner = false,
            "--no-conll04" => use_conll = false,
            "--no-pos" => o.fs.pos = false,
            "--no-doc" => o.fs.doc = false,
            "--doc" => o.fs.doc = true,
            "--no-vote" => o.fs.vote = false,
            "--stack" => o.stack = true,
            "--extra" => o.fs.extra = true,
            "--run" => o.fs.run = true,
            "--no-lower-places" => o.fs.lower_places = false,
            "--seeds" => o.seeds = it.next().context("--seeds N")?.parse()?,
            "--uner-holdout" => holdout = true,
            "--cv" => cv = it.next().context("--cv K")?.parse()?,
            "--gum-weight" => gum_weight = it.next().context("--gum-weight N")?.parse()?,
            "--uner-weight" => uner_weight = it.next().context("--uner-weight N")?.parse()?,
            "--trans" => o.fs.trans = it.next().context("--trans 0|1|2")?.parse()?,
            _ => pos.push(a.clone()),
        }
    }
    let [root, out] = &pos[..] else { bail!("usage: train_ner CORPORA_DIR OUT.bin [options]") };
    let root = Path::new(root);
    let t0 = Instant::now();
    let (gum_train, gum_dev, gum_test) = read_gum(root)?;
    let uner = root.join("uner-english-ewt");
    let uner_dev = parse_iob2(&std::fs::read_to_string(uner.join("en_ewt-ud-dev.iob2"))?);
    let conll_path = root.join("../eval/conll04/source/conll04_train.json");
    let conll_train = parse_conll04(&std::fs::read_to_string(&conll_path).context("CoNLL04 train")?)?;
    // With --uner-holdout, every fifth UNER dev document is held out of
    // training and scored (for UNER-side choices, never the test split).
    let (uner_fit, uner_held): (Vec<Labeled>, Vec<Labeled>) =
        uner_dev.iter().cloned().partition(|s| !holdout || s.doc % 5 != 4);
    let gum = Part::new(gum_train, gum_weight);
    let mut rest = Vec::new();
    if use_uner {
        rest.push(Part::new(uner_fit, uner_weight));
    }
    if use_conll {
        rest.push(Part::new(conll_train, 1));
    }
    let mut counts = Scores::default();
    for s in gum.sents.iter().chain(rest.iter().flat_map(|p| &p.sents)) {
        counts.add(&s.labels, &s.labels, &NameType::ALL);
    }
    let names: Vec<String> =
        NameType::ALL.iter().map(|t| format!("{} {}", t.as_str(), counts.per_type[*t as usize].2)).collect();
    println!(
        "train: {} GUM (x{gum_weight}) + {} other sentences; names {} ({:.1}s to read and tag)",
        gum.sents.len(),
        rest.iter().map(|p| p.sents.len()).sum::<usize>(),
        names.join(", "),
        t0.elapsed().as_secs_f64()
    );
    let all = NameType::ALL;
    let uner_types = [NameType::Person, NameType::Organization, NameType::Place];
    if cv > 1 {
        // K-fold cross-validation over the GUM train documents (for
        // choices, beside GUM dev).
        let mut pooled = Scores::default();
        let quiet = Opts { verbose: false, ..o };
        for f in 0..cv {
            let mut parts = vec![gum.filter(|d| d % cv != f)];
            parts.extend(rest.iter().cloned());
            let tagger = train(&parts, &quiet);
            let held: Vec<Labeled> = gum.sents.iter().filter(|s| s.doc % cv == f).cloned().collect();
            for (sent, pred) in held.iter().zip(tagger.label_corpus(&held)) {
                pooled.add(&sent.labels, &pred, &all);
            }
        }
        print!("GUM train {cv}-fold cross-validation:\n{}", pooled.report(&all));
    }
    let mut parts = vec![gum];
    parts.extend(rest);
    let tagger = train(&parts, &o);
    let bytes = tagger.to_bytes();
    std::fs::write(out, &bytes)?;
    println!("wrote {out}: {} bytes ({:.1}s)", bytes.len(), t0.elapsed().as_secs_f64());
    let mut tagger = NameTagger::from_bytes(&bytes).map_err(anyhow::Error::msg)?;
    tagger.set_features(o.fs);
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
