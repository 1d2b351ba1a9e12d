//! Trains the pair scorer (`src/extract/pairs.rs`) and writes its weights.
//!
//! `scripts/models/train_pairs.sh` runs it on the CoNLL04 train split and
//! the tune half of the annotated Wikinews set:
//!
//! `cargo run --release --example train_pairs -- OUT.bin DOCS.jsonl GOLD.tsv [DOCS.jsonl GOLD.tsv ...] [--folds N --cv-out FILE.nq]`
//!
//! Every document is extracted once with the pair step collecting its
//! candidate pairs (the same features extraction scores); a candidate is
//! labelled with the gold relation between the entities its two names
//! stand for (matched as `score.py` matches names), or none. With
//! `--folds N`, the documents of the first corpus are also split into N
//! folds by position; each fold is extracted with a model trained on the
//! other folds (and the other corpora), and the graph of those held-out
//! extractions is written to `--cv-out` for `score.py`: a cross-validated
//! figure for a corpus the shipped model was trained on.
#![allow(clippy::print_stdout)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;

use anyhow::{bail, Context as _, Result};
use kgforge::document::{read_inputs, Document};
use kgforge::export::{write_parts, GraphFormat};
use kgforge::extract::extract_with;
use kgforge::extract::model::{DocExtraction, Relation};
use kgforge::extract::pairs::{
    class_of, train, Candidate, Collected, PairMode, PairModel, TrainOptions, ACCEPT, CLASSES, K,
};
use kgforge::graph::triples::GraphParts;
use kgforge::resolve::resolve;
use rayon::prelude::*;

/// Lower case, spaces collapsed, a leading "the" and edge punctuation
/// dropped: the name key of `score.py`.
fn normalize(name: &str) -> String {
    let lower = name.to_lowercase();
    let collapsed = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = collapsed.strip_prefix("the ").unwrap_or(&collapsed);
    text.trim_matches(|c: char| " .,;:'\"".contains(c)).to_string()
}

/// A gold file: entity names to canonical names, and each document's
/// relations (class index; `None` for optional ones, which teach nothing).
#[derive(Default)]
struct Gold {
    exact: BTreeMap<String, Vec<String>>,
    substrings: Vec<(String, String)>,
    relations: BTreeMap<String, BTreeMap<(String, usize, String), bool>>,
}

impl Gold {
    fn read(path: &PathBuf) -> Result<Gold> {
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
        let mut gold = Gold::default();
        let mut doc = String::new();
        for line in text.lines() {
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            match cols[0] {
                "doc" => doc = cols.get(1).copied().unwrap_or_default().trim_end_matches(".txt").to_string(),
                "E" | "E?" if cols.len() >= 3 => {
                    let canonical = cols[2].to_string();
                    let aliases = cols.get(3).map_or(Vec::new(), |a| a.split('|').filter(|a| !a.is_empty()).collect());
                    for alias in std::iter::once(cols[2]).chain(aliases) {
                        if let Some(sub) = alias.strip_prefix('~') {
                            gold.substrings.push((normalize(sub), canonical.clone()));
                        } else {
                            gold.exact.entry(normalize(alias)).or_default().push(canonical.clone());
                        }
                    }
                }
                "R" | "R?" if cols.len() == 4 => {
                    let relation = relation_named(cols[2]);
                    if let Some(k) = relation.and_then(class_of) {
                        let optional = cols[0] == "R?";
                        let key = (cols[1].to_string(), k, cols[3].to_string());
                        let slot = gold.relations.entry(doc.clone()).or_default().entry(key).or_insert(optional);
                        *slot = *slot && optional;
                    }
                }
                _ => {}
            }
        }
        Ok(gold)
    }

    fn canonical(&self, names: &[String]) -> BTreeSet<&str> {
        let mut found = BTreeSet::new();
        for name in names {
            let n = normalize(name);
            for c in self.exact.get(&n).into_iter().flatten() {
                found.insert(c.as_str());
            }
            for (sub, c) in &self.substrings {
                if !sub.is_empty() && n.contains(sub.as_str()) {
                    found.insert(c.as_str());
                }
            }
        }
        found
    }

    /// The label of a candidate: a class index, or `None` to leave it out.
    fn label(&self, doc: &Document, collected: &Collected) -> Option<usize> {
        let relations = self.relations.get(&doc.id)?;
        let subjects = self.canonical(&collected.subject_names);
        let objects = self.canonical(&collected.object_names);
        let c = &collected.candidate;
        let mut label = Some(0);
        for ((s, k, o), optional) in relations {
            if subjects.contains(s.as_str()) && objects.contains(o.as_str()) && c.allowed[*k] {
                if *optional {
                    label = None;
                } else {
                    return Some(*k);
                }
            }
        }
        label
    }
}

fn relation_named(name: &str) -> Option<Relation> {
    CLASSES.iter().flatten().copied().chain([Relation::MinisterOf, Relation::HeadOf]).find(|r| r.name() == name)
}

/// One document, its extraction (pair step collecting) and its candidates.
struct Item {
    corpus: usize,
    position: usize,
    doc: Document,
    candidates: Vec<(Candidate, usize)>,
}

fn load(corpus: usize, docs: &PathBuf, gold: &Gold) -> Result<Vec<Item>> {
    let mut documents = Vec::new();
    for doc in read_inputs(std::slice::from_ref(docs)) {
        documents.push(doc.with_context(|| format!("cannot read {}", docs.display()))?);
    }
    Ok(documents
        .into_par_iter()
        .enumerate()
        .map(|(position, doc)| {
            let mut found = Vec::new();
            extract_with(&doc, &mut |_, _| {}, &mut PairMode::Collect(&mut found));
            let candidates =
                found.into_iter().filter_map(|c| gold.label(&doc, &c).map(|label| (c.candidate, label))).collect();
            Item { corpus, position, doc, candidates }
        })
        .collect())
}

fn train_on<'a>(items: impl Iterator<Item = &'a Item>, options: TrainOptions) -> PairModel {
    let examples: Vec<(&Candidate, usize)> =
        items.flat_map(|item| item.candidates.iter().map(|(c, label)| (c, *label))).collect();
    train(&examples, options)
}

/// Prints the held-out candidates' precision, recall and F1 at several
/// thresholds: how well the scorer decides the pairs it is given, apart
/// from the names extraction finds or misses.
fn report_candidates(scored: &[([f32; K], usize)]) {
    for threshold in [0.3f32, 0.5, 0.7, 0.9, ACCEPT] {
        let (mut tp, mut fp, mut missed) = (0u32, 0u32, 0u32);
        for (p, label) in scored {
            let (best, pk) =
                p.iter().enumerate().skip(1).fold((0, 0.0f32), |b, (k, &v)| if v > b.1 { (k, v) } else { b });
            let guess = if pk >= threshold { best } else { 0 };
            if guess > 0 && guess == *label {
                tp += 1;
                continue;
            }
            fp += u32::from(guess > 0);
            missed += u32::from(*label > 0);
        }
        let precision = f64::from(tp) / f64::from((tp + fp).max(1));
        let recall = f64::from(tp) / f64::from((tp + missed).max(1));
        let f1 = 2.0 * precision * recall / (precision + recall).max(1e-9);
        println!("held-out candidates at {threshold}: P {precision:.3} R {recall:.3} F1 {f1:.3}");
    }
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut positional = Vec::new();
    let mut folds = 0usize;
    let mut cv_out = None;
    let mut options = TrainOptions::default();
    let mut iter = args.into_iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--folds" => folds = iter.next().context("--folds needs a number")?.parse()?,
            "--epochs" => options.epochs = iter.next().context("--epochs needs a number")?.parse()?,
            "--rate" => options.rate = iter.next().context("--rate needs a number")?.parse()?,
            "--l2" => options.l2 = iter.next().context("--l2 needs a number")?.parse()?,
            "--min-count" => options.min_count = iter.next().context("--min-count needs a number")?.parse()?,
            "--seed" => options.seed = iter.next().context("--seed needs a number")?.parse()?,
            "--average" => options.average = true,
            "--cv-out" => cv_out = Some(PathBuf::from(iter.next().context("--cv-out needs a path")?)),
            _ => positional.push(PathBuf::from(arg)),
        }
    }
    if positional.len() < 3 || positional.len() % 2 == 0 {
        bail!("usage: train_pairs OUT.bin DOCS.jsonl GOLD.tsv [DOCS.jsonl GOLD.tsv ...] [--folds N --cv-out FILE.nq]");
    }
    let out = positional.remove(0);
    let mut items = Vec::new();
    for (corpus, pair) in positional.chunks(2).enumerate() {
        let gold = Gold::read(&pair[1])?;
        let loaded = load(corpus, &pair[0], &gold)?;
        let positives = loaded.iter().flat_map(|i| &i.candidates).filter(|(_, l)| *l > 0).count();
        let total: usize = loaded.iter().map(|i| i.candidates.len()).sum();
        println!(
            "{}: {} documents, {total} candidate pairs, {positives} with a relation",
            pair[0].display(),
            loaded.len()
        );
        items.extend(loaded);
    }

    let model = train_on(items.iter(), options);
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
    println!("wrote {} ({} features, {} bytes)", out.display(), model.len(), bytes.len());

    if folds > 1 {
        let cv_out = cv_out.context("--folds needs --cv-out")?;
        let fold_of = |item: &Item| (item.corpus == 0).then_some(item.position % folds);
        let mut held_out: Vec<(usize, DocExtraction)> = Vec::new();
        let mut scored: Vec<([f32; K], usize)> = Vec::new();
        for fold in 0..folds {
            let model = train_on(items.iter().filter(|i| fold_of(i) != Some(fold)), options);
            for item in items.iter().filter(|i| fold_of(i) == Some(fold)) {
                for (c, label) in &item.candidates {
                    scored.push((model.probabilities(&c.features, &c.allowed), *label));
                }
            }
            let extracted: Vec<(usize, DocExtraction)> = items
                .par_iter()
                .filter(|i| fold_of(i) == Some(fold))
                .map(|i| (i.position, extract_with(&i.doc, &mut |_, _| {}, &mut PairMode::Score(&model))))
                .collect();
            held_out.extend(extracted);
        }
        report_candidates(&scored);
        held_out.sort_by_key(|(position, _)| *position);
        let extractions: Vec<DocExtraction> = held_out.into_iter().map(|(_, e)| e).collect();
        let resolution = resolve(&extractions);
        let graph = GraphParts::new(&extractions, &resolution);
        let file = File::create(&cv_out).with_context(|| format!("cannot write {}", cv_out.display()))?;
        write_parts(graph.parts(), GraphFormat::NQuads, BufWriter::new(file))?;
        println!("wrote the {folds}-fold held-out graph to {}", cv_out.display());
    }
    Ok(())
}
