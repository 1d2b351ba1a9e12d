//! Corpus loading and evaluation shared by `train_pos` and `eval_pos`: thin
//! wrappers over `kgforge::text::eval`, which `kgforge eval-layer` uses too.

use std::path::Path;

use anyhow::Result;
use kgforge::text::eval::{self, PosAccuracy};
use kgforge::text::pos::{PosTagger, TrainSentence};

/// EWT split `train`, `dev` or `test`, in the order of `file-lists/files.<split>`.
pub fn load_ewt(root: &Path, split: &str) -> Result<Vec<TrainSentence>> {
    Ok(eval::tagged_sentences(&eval::ewt_sentences(root, split)?))
}

/// GUM documents of a split. `train` is every document in `gum/dep/` not
/// listed under dev, test or test2; the others are the listed documents
/// present in `gum/dep/` (the open-licence genres). Sorted by name.
pub fn load_gum(root: &Path, split: &str) -> Result<Vec<TrainSentence>> {
    Ok(eval::tagged_sentences(&eval::gum_sentences(root, split)?))
}

/// Evaluates `tagger` on `data`.
pub fn evaluate(tagger: &PosTagger, data: &[TrainSentence]) -> PosAccuracy {
    eval::pos_accuracy(tagger, data)
}

/// One printable line of figures.
pub fn line(name: &str, e: &PosAccuracy) -> String {
    format!(
        "{name:<10} tokens {:>6}  XPOS {:.2}%  UPOS(head) {:.2}%  UPOS(map) {:.2}%  {:.0} tok/s",
        e.tokens,
        100.0 * e.xpos,
        100.0 * e.upos,
        100.0 * e.upos_map,
        e.tokens_per_s
    )
}
