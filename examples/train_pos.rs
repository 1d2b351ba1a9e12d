//! Trains the part-of-speech tagger on UD English EWT (train split) and GUM
//! (train documents of the open genres), prints accuracy on the dev and test
//! splits, and writes the weights.
//!
//! `cargo run --release --example train_pos -- ../shared/corpora data/models/pos.bin [--epochs N] [--prune W] [--no-upos-head] [--dict-min N] [--dict-share S] [--lexicon-min N]`
#![allow(clippy::print_stdout)]

#[path = "pos_common/mod.rs"]
mod pos_common;

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use kgforge::text::pos::Trainer;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut pos = Vec::new();
    let (mut epochs, mut prune, mut upos_head) = (10usize, 0.7f32, true);
    let (mut dict_min, mut dict_share, mut lexicon_min) = (20u32, 0.97f64, 3u32);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--epochs" => epochs = it.next().context("--epochs N")?.parse()?,
            "--prune" => prune = it.next().context("--prune W")?.parse()?,
            "--no-upos-head" => upos_head = false,
            "--dict-min" => dict_min = it.next().context("--dict-min N")?.parse()?,
            "--dict-share" => dict_share = it.next().context("--dict-share S")?.parse()?,
            "--lexicon-min" => lexicon_min = it.next().context("--lexicon-min N")?.parse()?,
            _ => pos.push(a.clone()),
        }
    }
    if pos.len() != 2 {
        bail!("usage: train_pos CORPORA_DIR OUT.bin [--epochs N] [--prune W] [--no-upos-head] [--dict-min N] [--dict-share S] [--lexicon-min N]");
    }
    let root = PathBuf::from(&pos[0]);
    let t0 = Instant::now();
    let mut train = pos_common::load_ewt(&root, "train")?;
    let ewt_n = train.len();
    train.extend(pos_common::load_gum(&root, "train")?);
    let tokens: usize = train.iter().map(|s| s.words.len()).sum();
    println!(
        "train: {} sentences ({} EWT + {} GUM), {} tokens; epochs {epochs}, prune {prune}, UPOS head {upos_head}",
        train.len(),
        ewt_n,
        train.len() - ewt_n,
        tokens
    );
    let mut trainer = Trainer::new(&train, dict_min, dict_share, lexicon_min, upos_head);
    for e in 0..epochs {
        let acc = trainer.epoch(&train, 0x9E37_79B9_7F4A_7C15 ^ (e as u64 + 1));
        println!("epoch {}: training XPOS accuracy {:.2}%  ({:.1}s)", e + 1, 100.0 * acc, t0.elapsed().as_secs_f64());
    }
    let tagger = trainer.finish(prune);
    let train_secs = t0.elapsed().as_secs_f64();
    println!(
        "trained in {train_secs:.1}s: {} features, {} tag-dictionary words, {} lexicon words",
        tagger.feature_count(),
        tagger.tagdict_len(),
        tagger.lexicon_len()
    );
    for (name, data) in [
        ("EWT dev", pos_common::load_ewt(&root, "dev")?),
        ("EWT test", pos_common::load_ewt(&root, "test")?),
        ("GUM dev", pos_common::load_gum(&root, "dev")?),
        ("GUM test", pos_common::load_gum(&root, "test")?),
    ] {
        println!("{}", pos_common::line(name, &pos_common::evaluate(&tagger, &data)));
    }
    let bytes = tagger.to_bytes();
    std::fs::write(&pos[1], &bytes).with_context(|| format!("writing {}", pos[1]))?;
    println!("wrote {} ({} bytes)", pos[1], bytes.len());
    Ok(())
}
