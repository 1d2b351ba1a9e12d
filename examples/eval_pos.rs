//! Evaluates the shipped part-of-speech weights (`data/models/pos.bin`) on the
//! EWT and GUM dev and test splits and measures tagging speed on EWT test.
//!
//! `cargo run --release --example eval_pos -- ../shared/corpora`
#![allow(clippy::print_stdout)]

#[path = "pos_common/mod.rs"]
mod pos_common;

use std::path::PathBuf;

use anyhow::Result;
use kgforge::text::pos::PosTagger;

fn main() -> Result<()> {
    let root = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "../shared/corpora".to_string()));
    let t0 = std::time::Instant::now();
    let tagger = PosTagger::global();
    println!("model loaded in {:.0} ms", t0.elapsed().as_secs_f64() * 1000.0);
    println!(
        "shipped model: {} features, {} tag-dictionary words, {} lexicon words, UPOS head {}",
        tagger.feature_count(),
        tagger.tagdict_len(),
        tagger.lexicon_len(),
        tagger.has_upos_head()
    );
    let ewt_test = pos_common::load_ewt(&root, "test")?;
    for (name, data) in [
        ("EWT dev", pos_common::load_ewt(&root, "dev")?),
        ("EWT test", ewt_test.clone()),
        ("GUM dev", pos_common::load_gum(&root, "dev")?),
        ("GUM test", pos_common::load_gum(&root, "test")?),
    ] {
        println!("{}", pos_common::line(name, &pos_common::evaluate(tagger, &data)));
    }
    // Speed: best of 5 runs over EWT test, single thread.
    let best = (0..5).map(|_| pos_common::evaluate(tagger, &ewt_test).tokens_per_s).fold(0f64, f64::max);
    println!("speed on EWT test: {best:.0} tokens/s (single thread, best of 5)");
    Ok(())
}
