//! Statistical name tagger: an averaged structured perceptron (first-order
//! Viterbi) over BIO labels for PERSON, ORGANIZATION, PLACE, EVENT and LAW
//! names, trained on GUM, Universal NER English EWT and CoNLL04 (see
//! `data/models/README.md`).
//!
//! One feature function ([`Context::features`], in `features.rs`) serves
//! training and inference. Features are 32-bit keys mixed from FNV-1a
//! hashes, so the weights do not depend on a randomized hasher; training
//! shuffles with a seeded xorshift and runs a fixed number of epochs, so the
//! same data gives the same bytes. Tokens that cannot be part of a name
//! (lower-case words away from capitalised words) are labelled O without
//! scoring. Features use part-of-speech tags (given by the caller, or from
//! [`PosTagger`]) and document-level counts of word forms
//! ([`NameTagger::tag_document`]).

pub mod corpus;
mod features;

pub(crate) use features::{fnv, FNV_OFFSET};
mod model;

use crate::text::wordlist::WordList;
use std::sync::LazyLock;

pub use features::{key as feature_key, lower_hash, prior_codes, shape, word_hash, Context, DocStats, FeatureSet};
pub use model::{shuffle, Model, Trainer};

use crate::text::pos::{PosTagger, Upos, Xpos};

/// The kind of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameType {
    /// A person ("Jane Roe").
    Person,
    /// An organisation, company, team or institution ("World Bank").
    Organization,
    /// A place: country, city, region, landmark ("Paris").
    Place,
    /// A named event ("World War II").
    Event,
    /// A law, treaty or agreement ("Hindu Marriage Act").
    Law,
}

impl NameType {
    /// Every type, in label order.
    pub const ALL: [NameType; 5] =
        [NameType::Person, NameType::Organization, NameType::Place, NameType::Event, NameType::Law];

    /// Upper-case name ("PERSON").
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            NameType::Person => "PERSON",
            NameType::Organization => "ORGANIZATION",
            NameType::Place => "PLACE",
            NameType::Event => "EVENT",
            NameType::Law => "LAW",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A BIO label of one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Label {
    /// Outside any name.
    O,
    /// First token of a name.
    B(NameType),
    /// Later token of a name.
    I(NameType),
}

/// Number of labels: O plus B and I of each type.
pub const N_LABELS: usize = 1 + 2 * NameType::ALL.len();

impl Label {
    /// Dense index in `0..N_LABELS`.
    #[must_use]
    pub fn index(self) -> usize {
        match self {
            Label::O => 0,
            Label::B(t) => 1 + 2 * t.index(),
            Label::I(t) => 2 + 2 * t.index(),
        }
    }

    /// The label of a dense index (out of range gives O).
    #[must_use]
    pub fn from_index(i: usize) -> Label {
        if i == 0 || i >= N_LABELS {
            return Label::O;
        }
        let t = NameType::ALL[(i - 1) / 2];
        if (i - 1).is_multiple_of(2) {
            Label::B(t)
        } else {
            Label::I(t)
        }
    }

    /// Whether this label may follow `prev` (an I must continue its type).
    #[must_use]
    pub fn allowed_after(self, prev: Label) -> bool {
        match self {
            Label::I(t) => prev == Label::B(t) || prev == Label::I(t),
            _ => true,
        }
    }
}

/// A name found in a sentence: tokens `start..end`, its type and a
/// confidence in `0..=1` (the lowest per-token softmax probability).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NameTag {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The type.
    pub kind: NameType,
    /// Confidence in `0..=1`.
    pub confidence: f32,
}

/// The names (spans) of a BIO label sequence; a stray I starts a name.
#[must_use]
pub fn spans(labels: &[Label]) -> Vec<(usize, usize, NameType)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, NameType)> = None;
    for (i, l) in labels.iter().enumerate() {
        match *l {
            Label::O => {
                if let Some((s, t)) = cur.take() {
                    out.push((s, i, t));
                }
            }
            Label::B(t) => {
                if let Some((s, t0)) = cur.take() {
                    out.push((s, i, t0));
                }
                cur = Some((i, t));
            }
            Label::I(t) => match cur {
                Some((_, t0)) if t0 == t => {}
                _ => {
                    if let Some((s, t0)) = cur.take() {
                        out.push((s, i, t0));
                    }
                    cur = Some((i, t));
                }
            },
        }
    }
    if let Some((s, t)) = cur {
        out.push((s, labels.len(), t));
    }
    out
}
/// Entity-level exact-match counts per type: (true positives, predicted, gold).
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// Per type index: (tp, predicted, gold).
    pub per_type: [(usize, usize, usize); 5],
}

impl Scores {
    /// Adds one sentence; only types in `types` count.
    pub fn add(&mut self, gold: &[Label], pred: &[Label], types: &[NameType]) {
        let g: Vec<_> = spans(gold).into_iter().filter(|s| types.contains(&s.2)).collect();
        let p: Vec<_> = spans(pred).into_iter().filter(|s| types.contains(&s.2)).collect();
        for s in &g {
            self.per_type[s.2.index()].2 += 1;
        }
        for s in &p {
            self.per_type[s.2.index()].1 += 1;
            if g.contains(s) {
                self.per_type[s.2.index()].0 += 1;
            }
        }
    }

    /// Precision, recall, F1 of one type, or overall with `None`.
    #[must_use]
    pub fn prf(&self, kind: Option<NameType>) -> (f64, f64, f64) {
        let (tp, p, g) = match kind {
            Some(t) => self.per_type[t.index()],
            None => self.per_type.iter().fold((0, 0, 0), |a, x| (a.0 + x.0, a.1 + x.1, a.2 + x.2)),
        };
        let pr = if p == 0 { 0.0 } else { tp as f64 / p as f64 };
        let rc = if g == 0 { 0.0 } else { tp as f64 / g as f64 };
        let f = if pr + rc == 0.0 { 0.0 } else { 2.0 * pr * rc / (pr + rc) };
        (pr, rc, f)
    }
}

impl Scores {
    /// A table of P/R/F1 per type and overall, one line each.
    #[must_use]
    pub fn report(&self, types: &[NameType]) -> String {
        let mut out = String::new();
        for &t in types {
            let (p, r, f) = self.prf(Some(t));
            let g = self.per_type[t.index()].2;
            out.push_str(&format!("  {:<13} P {p:.3} R {r:.3} F1 {f:.3} (gold {g})\n", t.as_str()));
        }
        let (p, r, f) = self.prf(None);
        out.push_str(&format!("  {:<13} P {p:.3} R {r:.3} F1 {f:.3}\n", "overall"));
        out
    }
}

/// Entity-level exact-match scores of `tagger` on labelled sentences,
/// counting only the names of `types`; sentences with the same `doc` in a
/// row are tagged as one document.
#[must_use]
pub fn evaluate(tagger: &NameTagger, data: &[corpus::Labeled], types: &[NameType]) -> Scores {
    let mut s = Scores::default();
    for (sent, pred) in data.iter().zip(tagger.label_corpus(data)) {
        s.add(&sent.labels, &pred, types);
    }
    s
}

/// Titles left out of a person's name ("Dr.", "Secretary"), as in the
/// Universal NER guidelines.
static TITLES: WordList = WordList::new(include_str!("../../../data/lexicon/ner_titles.txt"));

/// Whether `word` is a title ("Dr.", "president"), case-insensitively.
#[must_use]
pub fn is_title(word: &str) -> bool {
    TITLES.contains(&word.trim_end_matches('.').to_lowercase().as_str())
}

/// Moves leading titles out of predicted person names ("Justice Thomas"
/// becomes "Thomas"); a name made of titles only is dropped.
fn strip_titles(words: &[&str], labels: &mut [Label]) {
    let mut i = 0;
    while i < labels.len() {
        if labels[i] == Label::B(NameType::Person) && is_title(words[i]) {
            labels[i] = Label::O;
            if i + 1 < labels.len() && labels[i + 1] == Label::I(NameType::Person) {
                labels[i + 1] = Label::B(NameType::Person);
            }
        }
        i += 1;
    }
}
/// One type per name in a document: every occurrence of the same words
/// named more than once takes the type with the highest summed confidence
/// over the document (ties: the first type in [`NameType::ALL`]).
fn harmonise(sentences: &[SentenceInput<'_>], decoded: &mut [(Vec<Label>, Vec<f32>)]) {
    let mut votes: std::collections::HashMap<Vec<&str>, ([f32; 5], usize)> = std::collections::HashMap::new();
    let mut found = Vec::new();
    for (k, (s, (labels, probs))) in sentences.iter().zip(decoded.iter()).enumerate() {
        for (a, b, t) in spans(labels) {
            let conf = probs[a..b].iter().copied().fold(1.0, f32::min);
            let v = votes.entry(s.words[a..b].to_vec()).or_default();
            v.0[t.index()] += conf;
            v.1 += 1;
            found.push((k, a, b));
        }
    }
    for (k, a, b) in found {
        let Some((v, n)) = votes.get(&sentences[k].words[a..b]) else { continue };
        if *n < 2 {
            continue;
        }
        let mut best = 0;
        for t in 1..5 {
            if v[t] > v[best] {
                best = t;
            }
        }
        let t = NameType::ALL[best];
        let labels = &mut decoded[k].0;
        labels[a] = Label::B(t);
        for l in &mut labels[a + 1..b] {
            *l = Label::I(t);
        }
    }
}

/// A sentence of a document with the caller's part-of-speech tags.
#[derive(Debug, Clone, Copy)]
pub struct SentenceInput<'a> {
    /// The tokens.
    pub words: &'a [&'a str],
    /// One (PTB, UPOS) tag per token, from [`PosTagger`]; when its length
    /// differs from `words` (e.g. empty) the tagger is run here.
    pub tags: &'a [(Xpos, Upos)],
}

/// The shipped name tagger: a first, sentence-level model and, when
/// present, a second model that also reads the names the first pass found
/// elsewhere in the document ([`prior_codes`]).
#[derive(Debug)]
pub struct NameTagger {
    model: Model,
    second: Option<Model>,
    features: FeatureSet,
}

static WEIGHTS: &[u8] = include_bytes!("../../../data/models/ner.bin");
static GLOBAL: LazyLock<NameTagger> = LazyLock::new(|| {
    NameTagger::from_bytes(WEIGHTS).unwrap_or_else(|_| NameTagger::with_features(Model::default(), FeatureSet::SHIPPED))
});

const STACK_MAGIC: &[u8; 8] = b"KGNERS1\0";

impl NameTagger {
    /// The tagger with the shipped weights (`data/models/ner.bin`).
    #[must_use]
    pub fn global() -> &'static NameTagger {
        &GLOBAL
    }

    /// A one-pass tagger with the given weights and the shipped feature set.
    #[must_use]
    pub fn with_model(model: Model) -> NameTagger {
        NameTagger { model, second: None, features: FeatureSet::SHIPPED }
    }

    /// A one-pass tagger with the given weights and feature set.
    #[must_use]
    pub fn with_features(model: Model, features: FeatureSet) -> NameTagger {
        NameTagger { model, second: None, features }
    }

    /// A two-pass tagger: `first` per sentence, `second` with the first
    /// pass's names elsewhere in the document.
    #[must_use]
    pub fn stacked(first: Model, second: Model, features: FeatureSet) -> NameTagger {
        NameTagger { model: first, second: Some(second), features }
    }

    /// Sets the feature set (for experiments with other weights).
    pub fn set_features(&mut self, features: FeatureSet) {
        self.features = features;
    }

    /// Serialises: a single model as [`Model::to_bytes`]; two passes as
    /// magic `KGNERS1\0`, u32 length of the first model's bytes, the first
    /// model, the second model.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let first = self.model.to_bytes();
        let Some(second) = &self.second else { return first };
        let mut out = STACK_MAGIC.to_vec();
        out.extend_from_slice(&(first.len() as u32).to_le_bytes());
        out.extend_from_slice(&first);
        out.extend_from_slice(&second.to_bytes());
        out
    }

    /// Reads a tagger written by [`NameTagger::to_bytes`] (shipped features).
    ///
    /// # Errors
    /// When the bytes are not a model.
    pub fn from_bytes(b: &[u8]) -> Result<NameTagger, String> {
        if b.len() >= 12 && &b[..8] == STACK_MAGIC {
            let n = u32::from_le_bytes([b[8], b[9], b[10], b[11]]) as usize;
            let first = b.get(12..12 + n).ok_or("truncated model")?;
            let second = &b[12 + n..];
            return Ok(NameTagger::stacked(Model::from_bytes(first)?, Model::from_bytes(second)?, FeatureSet::SHIPPED));
        }
        Ok(NameTagger::with_model(Model::from_bytes(b)?))
    }

    /// One BIO label per token of each sentence of a document.
    #[must_use]
    pub fn label_document(&self, sentences: &[SentenceInput<'_>]) -> Vec<Vec<Label>> {
        self.decode_document(sentences).into_iter().map(|(l, _)| l).collect()
    }

    /// The passes over a document: each pass decodes every sentence,
    /// moves titles out of people's names and (if on) gives repeated names
    /// one type; the second pass reads the first's names.
    fn decode_document(&self, sentences: &[SentenceInput<'_>]) -> Vec<(Vec<Label>, Vec<f32>)> {
        let doc = self.features.doc.then(|| DocStats::new(sentences.iter().map(|s| s.words)));
        let own: Vec<Option<Vec<(Xpos, Upos)>>> = sentences
            .iter()
            .map(|s| (self.features.pos && s.tags.len() != s.words.len()).then(|| PosTagger::global().tag(s.words)))
            .collect();
        let tags: Vec<&[(Xpos, Upos)]> =
            sentences.iter().zip(&own).map(|(s, o)| o.as_deref().unwrap_or(s.tags)).collect();
        let pass = |model: &Model, priors: Option<&[Vec<u64>]>| {
            let mut decoded: Vec<(Vec<Label>, Vec<f32>)> = sentences
                .iter()
                .enumerate()
                .map(|(k, s)| {
                    let prior = priors.map_or(&[][..], |p| &p[k][..]);
                    let ctx = Context::with_features(s.words, tags[k], doc.as_ref(), prior, self.features);
                    let (mut labels, probs) = model.decode(&ctx);
                    strip_titles(s.words, &mut labels);
                    (labels, probs)
                })
                .collect();
            if self.features.vote {
                harmonise(sentences, &mut decoded);
            }
            decoded
        };
        let first = pass(&self.model, None);
        let Some(second) = &self.second else { return first };
        let words: Vec<&[&str]> = sentences.iter().map(|s| s.words).collect();
        let labels: Vec<Vec<Label>> = first.into_iter().map(|(l, _)| l).collect();
        pass(second, Some(&prior_codes(&words, &labels)))
    }

    /// Labels of labelled sentences (`corpus::Labeled`), a document at a
    /// time (consecutive sentences with the same `doc`).
    #[must_use]
    pub fn label_corpus(&self, data: &[corpus::Labeled]) -> Vec<Vec<Label>> {
        let mut out = Vec::with_capacity(data.len());
        for doc in data.chunk_by(|a, b| a.doc == b.doc) {
            let words: Vec<Vec<&str>> = doc.iter().map(|s| s.words.iter().map(String::as_str).collect()).collect();
            let tags: Vec<Vec<(Xpos, Upos)>> = if self.features.pos {
                words.iter().map(|w| PosTagger::global().tag(w)).collect()
            } else {
                vec![Vec::new(); words.len()]
            };
            let input: Vec<SentenceInput<'_>> =
                words.iter().zip(&tags).map(|(w, t)| SentenceInput { words: w, tags: t }).collect();
            out.extend(self.label_document(&input));
        }
        out
    }

    /// One BIO label per token of a sentence (runs the part-of-speech tagger).
    #[must_use]
    pub fn labels(&self, words: &[&str]) -> Vec<Label> {
        self.label_document(&[SentenceInput { words, tags: &[] }]).pop().unwrap_or_default()
    }

    /// The names in a tokenised sentence (runs the part-of-speech tagger;
    /// the sentence is its own document).
    #[must_use]
    pub fn tag(&self, words: &[&str]) -> Vec<NameTag> {
        self.tag_document(&[SentenceInput { words, tags: &[] }]).pop().unwrap_or_default()
    }

    /// The names in each sentence of a document, with the caller's
    /// part-of-speech tags; word forms are counted over the whole document
    /// (capitalised in mid-sentence, written in lower case).
    #[must_use]
    pub fn tag_document(&self, sentences: &[SentenceInput<'_>]) -> Vec<Vec<NameTag>> {
        self.decode_document(sentences)
            .into_iter()
            .map(|(labels, probs)| {
                spans(&labels)
                    .into_iter()
                    .map(|(start, end, kind)| NameTag {
                        start,
                        end,
                        kind,
                        confidence: probs[start..end].iter().copied().fold(1.0, f32::min),
                    })
                    .collect()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_deterministic() {
        let words = ["Jane", "Roe", "met", "officials", "in", "Paris", "."];
        let (a, b) = (Context::new(&words, &[], None), Context::new(&words, &[], None));
        let (mut fa, mut fb) = (Vec::new(), Vec::new());
        for i in 0..words.len() {
            a.features(i, Label::B(NameType::Person), &mut fa);
            b.features(i, Label::B(NameType::Person), &mut fb);
            assert_eq!(fa, fb);
        }
        // Fixed hash: the value must never change between builds.
        assert_eq!(feature_key(1, &[word_hash("Paris")]), 0x91e2_de51);
        assert_ne!(feature_key(1, &[word_hash("Paris")]), feature_key(2, &[word_hash("Paris")]));
        assert_eq!(lower_hash("PARIS"), word_hash("paris"));
        assert_eq!(lower_hash("ÉTÉ"), word_hash("été"));
        assert_eq!(shape("Paris"), "Xxxxx");
        assert_eq!(shape("2011"), "dddd");
    }

    #[test]
    fn labels_round_trip() {
        for i in 0..N_LABELS {
            assert_eq!(Label::from_index(i).index(), i);
        }
        let l = [Label::B(NameType::Person), Label::I(NameType::Person), Label::O, Label::I(NameType::Place)];
        assert_eq!(spans(&l), vec![(0, 2, NameType::Person), (3, 4, NameType::Place)]);
    }

    #[test]
    fn weights_round_trip() {
        let m = NameTagger::global();
        let bytes = m.model.to_bytes();
        let all = m.to_bytes();
        assert_eq!(NameTagger::from_bytes(&all).expect("round trip").to_bytes(), all);
        let back = Model::from_bytes(&bytes).expect("round trip");
        assert_eq!(back.to_bytes(), bytes);
        assert!(Model::from_bytes(b"junk").is_err());
        assert!(Model::from_bytes(&bytes[..bytes.len().min(40)]).is_err() || bytes.len() <= 40);
    }

    #[test]
    fn shipped_model_finds_names() {
        let words: Vec<&str> = "Jane Roe met officials of the World Bank in Paris .".split(' ').collect();
        let tags = NameTagger::global().tag(&words);
        assert!(tags.iter().any(|t| (t.start, t.end, t.kind) == (0, 2, NameType::Person)), "{tags:?}");
        assert!(tags.iter().any(|t| (t.start, t.end, t.kind) == (9, 10, NameType::Place)), "{tags:?}");
        assert!(tags.iter().all(|t| (0.0..=1.0).contains(&t.confidence)));
    }

    #[test]
    fn lower_case_runs_are_gated() {
        let words = ["the", "cat", "sat", "on", "the", "mat", "with", "Jane", "Roe", "today", "and", "then", "left"];
        let ctx = Context::new(&words, &[], None);
        let open: Vec<bool> = (0..words.len()).map(|i| ctx.is_open(i)).collect();
        assert_eq!(open, [false, false, false, false, false, false, true, true, true, true, false, false, false]);
        assert!(ctx.static_features(0).is_empty());
    }

    #[test]
    fn document_entry_point_uses_given_tags() {
        let a: Vec<&str> = "Jane Roe met officials of the World Bank in Paris .".split(' ').collect();
        let b: Vec<&str> = "Roe left Paris on Monday .".split(' ').collect();
        let pos = crate::text::pos::PosTagger::global();
        let (ta, tb) = (pos.tag(&a), pos.tag(&b));
        let doc = [SentenceInput { words: &a, tags: &ta }, SentenceInput { words: &b, tags: &tb }];
        let tags = NameTagger::global().tag_document(&doc);
        assert_eq!(tags.len(), 2);
        assert_eq!(tags[0], NameTagger::global().tag(&a));
        assert!(tags[1].iter().any(|t| (t.start, t.end, t.kind) == (2, 3, NameType::Place)), "{tags:?}");
    }

    #[test]
    fn stacked_tagger_round_trips() {
        let m = NameTagger::global().model.clone();
        let t = NameTagger::stacked(m.clone(), m, FeatureSet::SHIPPED);
        let bytes = t.to_bytes();
        assert_eq!(NameTagger::from_bytes(&bytes).expect("round trip").to_bytes(), bytes);
    }

    #[test]
    fn odd_input_does_not_panic() {
        let t = NameTagger::global();
        assert!(t.tag(&[]).is_empty());
        let _ = t.tag(&[""]);
        let _ = t.tag(&["", " ", "\u{0}", "é", "東京", "-", "..."]);
        let _ = t.labels(&["A"; 300]);
    }
}
