//! Held-out evaluation of the language layer against the treebanks in
//! `../shared/corpora` (see its README): reading the UD English EWT and GUM
//! splits, part-of-speech accuracy, and noun-phrase precision and recall
//! against the phrases derived from the trees ([`chunk::treebank_noun_phrases`]).
//!
//! Shared by the examples (`eval_pos`, `train_pos`, `eval_chunk`) and by
//! `kgforge eval-layer`, so that every figure is computed one way.
//!
//! # Splits
//!
//! EWT: the files listed in `ud-english-ewt/file-lists/files.<split>`, in
//! that order. GUM: `dev` and `test` are the documents listed under those
//! headings of `gum/splits.md` that are present in `gum/dep/` (the open
//! genres only); `train` is every document of `gum/dep/` not listed under
//! dev, test or test2. Sorted by name.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::text::chunk::{self, NounPhrase};
use crate::text::conllu;
use crate::text::pos::{PosTagger, TrainSentence, Upos, Xpos};

/// A corpus file that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("cannot read '{}'", path.display())]
pub struct CorpusError {
    /// The file or directory.
    pub path: PathBuf,
    /// Why.
    #[source]
    pub source: std::io::Error,
}

fn read(path: &Path) -> Result<String, CorpusError> {
    std::fs::read_to_string(path).map_err(|source| CorpusError { path: path.to_path_buf(), source })
}

/// The sentences of an EWT split (`train`, `dev`, `test`) under `root`.
///
/// # Errors
/// When the file list or one of its files cannot be read.
pub fn ewt_sentences(root: &Path, split: &str) -> Result<Vec<conllu::Sentence>, CorpusError> {
    let dir = root.join("ud-english-ewt");
    let list = read(&dir.join("file-lists").join(format!("files.{split}")))?;
    let mut out = Vec::new();
    for name in list.lines().map(str::trim).filter(|l| !l.is_empty()) {
        out.extend(conllu::parse(&read(&dir.join("sources").join(name))?));
    }
    Ok(out)
}

/// Document names under one `## <section>` heading of GUM's `splits.md`.
fn gum_section(splits_md: &str, section: &str) -> BTreeSet<String> {
    crate::text::ner::corpus::gum_split(splits_md, section).into_iter().collect()
}

/// The sentences of a GUM split (`train`, `dev`, `test`) under `root`.
///
/// # Errors
/// When `gum/splits.md`, the `gum/dep` directory or a document cannot be read.
pub fn gum_sentences(root: &Path, split: &str) -> Result<Vec<conllu::Sentence>, CorpusError> {
    let splits_md = read(&root.join("gum").join("splits.md"))?;
    let dep = root.join("gum").join("dep");
    let entries = std::fs::read_dir(&dep).map_err(|source| CorpusError { path: dep.clone(), source })?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".conllu")).map(str::to_string))
        .collect();
    names.sort();
    let keep: Box<dyn Fn(&str) -> bool> = if split == "train" {
        let mut held = gum_section(&splits_md, "dev");
        held.extend(gum_section(&splits_md, "test"));
        held.extend(gum_section(&splits_md, "test2"));
        Box::new(move |n| !held.contains(n))
    } else {
        let listed = gum_section(&splits_md, split);
        Box::new(move |n| listed.contains(n))
    };
    let mut out = Vec::new();
    for name in names.iter().filter(|n| keep(n)) {
        out.extend(conllu::parse(&read(&dep.join(format!("{name}.conllu")))?));
    }
    Ok(out)
}

/// The gold tags of a treebank sentence (unknown tags: `XX` / `X`).
#[must_use]
pub fn gold_tags(sentence: &conllu::Sentence) -> Vec<(Xpos, Upos)> {
    let unknown = Xpos::from_name("XX").unwrap_or(Xpos::START);
    sentence
        .tokens
        .iter()
        .map(|t| (Xpos::from_name(&t.xpos).unwrap_or(unknown), Upos::from_name(&t.upos).unwrap_or(Upos::X)))
        .collect()
}

/// The word forms of a treebank sentence.
#[must_use]
pub fn words(sentence: &conllu::Sentence) -> Vec<&str> {
    sentence.tokens.iter().map(|t| t.form.as_str()).collect()
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    /// Correct / predicted.
    pub precision: f64,
    /// Correct / gold.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

impl Prf {
    /// From counts (0 where a denominator is 0).
    #[must_use]
    pub fn from_counts(correct: usize, predicted: usize, gold: usize) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (precision, recall) = (ratio(correct, predicted), ratio(correct, gold));
        let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
        Prf { precision, recall, f1 }
    }
}

/// Part-of-speech accuracy of a tagger on gold-tokenised sentences.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PosAccuracy {
    /// Tokens scored.
    pub tokens: usize,
    /// PTB tag accuracy.
    pub xpos: f64,
    /// UPOS accuracy (as [`PosTagger::tag`] gives it).
    pub upos: f64,
    /// UPOS accuracy with the fixed PTB -> UPOS map.
    pub upos_map: f64,
    /// Tokens per second of [`PosTagger::tag`], one thread.
    pub tokens_per_s: f64,
}

/// Treebank sentences as part-of-speech training or test sentences (words
/// with their gold tags).
#[must_use]
pub fn tagged_sentences(sentences: &[conllu::Sentence]) -> Vec<TrainSentence> {
    sentences
        .iter()
        .map(|s| {
            let (xpos, upos) = gold_tags(s).into_iter().unzip();
            TrainSentence { words: s.tokens.iter().map(|t| t.form.clone()).collect(), xpos, upos }
        })
        .collect()
}

/// Tags the words of `data` with `tagger` and scores the tags against the
/// gold ones.
#[must_use]
pub fn pos_accuracy(tagger: &PosTagger, data: &[TrainSentence]) -> PosAccuracy {
    let words: Vec<Vec<&str>> = data.iter().map(|s| s.words.iter().map(String::as_str).collect()).collect();
    let t0 = Instant::now();
    let tagged: Vec<Vec<(Xpos, Upos)>> = words.iter().map(|w| tagger.tag(w)).collect();
    let seconds = t0.elapsed().as_secs_f64();
    let (mut tokens, mut xpos, mut upos, mut upos_map) = (0usize, 0usize, 0usize, 0usize);
    for ((sentence, w), predicted) in data.iter().zip(&words).zip(&tagged) {
        let mapped = tagger.tag_with_map(w, true);
        for (i, (p, m)) in predicted.iter().zip(&mapped).enumerate() {
            tokens += 1;
            xpos += usize::from(sentence.xpos[i] == p.0);
            upos += usize::from(sentence.upos[i] == p.1);
            upos_map += usize::from(sentence.upos[i] == m.1);
        }
    }
    let share = |c: usize| c as f64 / tokens.max(1) as f64;
    PosAccuracy {
        tokens,
        xpos: share(xpos),
        upos: share(upos),
        upos_map: share(upos_map),
        tokens_per_s: tokens as f64 / seconds.max(1e-9),
    }
}

/// Where the chunker's tags come from.
#[derive(Debug, Clone, Copy)]
pub enum Tags<'a> {
    /// The treebank's gold tags.
    Gold,
    /// The tags of a tagger (the shipped one: [`PosTagger::global`]).
    Predicted(&'a PosTagger),
}

/// Noun-phrase counts on a set of sentences: exact boundaries of base
/// phrases, and exact extents of post-modified phrases.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ChunkScores {
    /// Tokens.
    pub tokens: usize,
    /// Phrases derived from the trees.
    pub gold: usize,
    /// Phrases found by the chunker.
    pub predicted: usize,
    /// Found phrases with the same start and end as a derived one.
    pub correct: usize,
    /// Derived phrases with a post-modifier.
    pub post_gold: usize,
    /// Found phrases with a post-modifier.
    pub post_predicted: usize,
    /// Found phrases whose start, end and post-modifier match a derived one.
    pub post_correct: usize,
    /// Seconds spent in [`chunk::noun_phrases`] (tagging excluded).
    pub seconds: f64,
}

impl ChunkScores {
    /// Base phrase precision, recall, F1.
    #[must_use]
    pub fn phrases(&self) -> Prf {
        Prf::from_counts(self.correct, self.predicted, self.gold)
    }

    /// Post-modifier precision, recall, F1.
    #[must_use]
    pub fn post_modifiers(&self) -> Prf {
        Prf::from_counts(self.post_correct, self.post_predicted, self.post_gold)
    }

    /// Chunker speed, tokens per second on one thread.
    #[must_use]
    pub fn tokens_per_s(&self) -> f64 {
        self.tokens as f64 / self.seconds.max(1e-9)
    }
}

/// Chunks `sentences` (tagged as `tags` says) and scores the phrases
/// against those derived from their trees.
#[must_use]
pub fn chunk_scores(sentences: &[conllu::Sentence], tags: Tags<'_>) -> ChunkScores {
    let words: Vec<Vec<&str>> = sentences.iter().map(words).collect();
    let tagged: Vec<Vec<(Xpos, Upos)>> = match tags {
        Tags::Gold => sentences.iter().map(gold_tags).collect(),
        Tags::Predicted(tagger) => words.iter().map(|w| tagger.tag(w)).collect(),
    };
    let t0 = Instant::now();
    let found: Vec<Vec<NounPhrase>> = words.iter().zip(&tagged).map(|(w, t)| chunk::noun_phrases(w, t)).collect();
    let seconds = t0.elapsed().as_secs_f64();
    let mut scores = ChunkScores { seconds, ..ChunkScores::default() };
    for (sentence, predicted) in sentences.iter().zip(&found) {
        scores.add(&chunk::treebank_noun_phrases(&sentence.tokens), predicted);
        scores.tokens += sentence.tokens.len();
    }
    scores
}

impl ChunkScores {
    /// Adds one sentence's derived and found phrases.
    pub fn add(&mut self, gold: &[NounPhrase], predicted: &[NounPhrase]) {
        let bounds = |p: &NounPhrase| (p.start, p.end);
        let post = |p: &NounPhrase| p.post.map(|q| (p.start, p.end, q));
        let gold_bounds: BTreeSet<_> = gold.iter().map(bounds).collect();
        let gold_post: BTreeSet<_> = gold.iter().filter_map(post).collect();
        self.gold += gold.len();
        self.predicted += predicted.len();
        self.correct += predicted.iter().filter(|p| gold_bounds.contains(&bounds(p))).count();
        self.post_gold += gold_post.len();
        let predicted_post: Vec<_> = predicted.iter().filter_map(post).collect();
        self.post_predicted += predicted_post.len();
        self.post_correct += predicted_post.iter().filter(|p| gold_post.contains(p)).count();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_from_counts() {
        let prf = Prf::from_counts(3, 4, 6);
        assert!((prf.precision - 0.75).abs() < 1e-12);
        assert!((prf.recall - 0.5).abs() < 1e-12);
        assert!((prf.f1 - 0.6).abs() < 1e-12);
        assert_eq!(Prf::from_counts(0, 0, 0).f1, 0.0);
    }

    #[test]
    fn chunk_scores_count_exact_boundaries() {
        let np = |start, end, post| NounPhrase { start, end, head: end - 1, post };
        let mut scores = ChunkScores::default();
        scores.add(&[np(0, 2, Some((2, 4))), np(3, 4, None)], &[np(0, 2, Some((2, 5))), np(3, 5, None)]);
        assert_eq!((scores.correct, scores.predicted, scores.gold), (1, 2, 2));
        assert_eq!((scores.post_correct, scores.post_predicted, scores.post_gold), (0, 1, 1));
    }

    #[test]
    fn missing_corpus_names_the_path() {
        let err = ewt_sentences(Path::new("/nonexistent/corpora"), "test").unwrap_err();
        assert!(err.to_string().contains("/nonexistent/corpora/ud-english-ewt/file-lists/files.test"), "{err}");
    }
}
