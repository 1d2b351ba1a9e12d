//! Statistical name tagger: a averaged structured perceptron (first-order
//! Viterbi) over
//! BIO labels for PERSON, ORGANIZATION, PLACE, EVENT and LAW names, trained
//! on GUM and Universal NER English EWT (see `data/models/README.md`).
//!
//! One feature function ([`Context::features`]) serves training and
//! inference. Features are FNV-1a hashes folded to 32 bits, so the weights
//! do not depend on a randomized hasher; training shuffles with a seeded
//! xorshift and runs a fixed number of epochs, so the same data gives the
//! same bytes. Not yet wired into extraction.

pub mod corpus;

use std::sync::LazyLock;

use crate::gazetteer::{is_common_surname, is_common_word, is_first_name, GazKind, Gazetteer};

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

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a over a template id and a string, folded to 32 bits.
#[must_use]
pub fn feature_hash(template: u8, value: &str) -> u32 {
    let mut h = FNV_OFFSET;
    h ^= u64::from(template);
    h = h.wrapping_mul(FNV_PRIME);
    for b in value.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    // Fold to 32 bits (the key stored in the weights file).
    ((h >> 32) ^ h) as u32
}

/// Word shape: upper "X", lower "x", digit "d", other kept; runs longer
/// than 2 collapsed ("Xxxx" for "Paris", "dd" for "2011", "XX" for "NASA").
#[must_use]
pub fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if s == last {
            run += 1;
        } else {
            run = 1;
            last = s;
        }
        if run <= 4 {
            out.push(s);
        }
    }
    out
}

fn short_shape(word: &str) -> String {
    let mut out = String::new();
    for c in shape(word).chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

fn gaz_kind(kind: GazKind) -> &'static str {
    match kind {
        GazKind::Country => "country",
        GazKind::City => "city",
        GazKind::Region => "region",
        GazKind::Continent => "continent",
        GazKind::Organization => "org",
        GazKind::Demonym => "demonym",
    }
}

/// A sentence prepared for tagging: per-token static features.
#[derive(Debug, Clone)]
pub struct Context {
    statics: Vec<Vec<u32>>,
    lower: Vec<String>,
    shapes: Vec<String>,
}

// Feature template ids (one byte each, hashed with the value).
mod tpl {
    pub const BIAS: u8 = 0;
    pub const WORD: u8 = 1;
    pub const LOWER: u8 = 2;
    pub const SHAPE: u8 = 3;
    pub const SHORT: u8 = 4;
    pub const PREFIX: u8 = 5; // +1..4 used: 5..=8
    pub const SUFFIX: u8 = 9; // 9..=12
    pub const FLAGS: u8 = 13;
    pub const FIRST_LOWER: u8 = 14;
    pub const LOWER_M2: u8 = 15;
    pub const LOWER_M1: u8 = 16;
    pub const LOWER_P1: u8 = 17;
    pub const LOWER_P2: u8 = 18;
    pub const SHAPE_M2: u8 = 19;
    pub const SHAPE_M1: u8 = 20;
    pub const SHAPE_P1: u8 = 21;
    pub const SHAPE_P2: u8 = 22;
    pub const BIGRAM_L: u8 = 23;
    pub const BIGRAM_R: u8 = 24;
    pub const SHAPE3: u8 = 25;
    pub const GAZ: u8 = 26;
    pub const GAZ_M1: u8 = 27;
    pub const GAZ_P1: u8 = 28;
    pub const NAMES: u8 = 29;
    pub const NAMES_M1: u8 = 30;
    pub const NAMES_P1: u8 = 31;
    pub const PREV: u8 = 40;
    pub const PREV_LOWER: u8 = 42;
    pub const PREV_SHAPE: u8 = 43;
    pub const POSITION: u8 = 44;
    pub const LOOKUP: u8 = 45;
    pub const NAME_PAIR: u8 = 46;
    pub const WORD_NEXT_SHAPE: u8 = 47;
    pub const PREV_WORD_SHAPE: u8 = 48;
    pub const SHAPE_NEXT_WORD: u8 = 49;
    pub const PREV2_WORD_SHAPE: u8 = 50;
}

fn name_flags(word: &str) -> String {
    let mut s = String::new();
    if is_first_name(word) {
        s.push_str("first_name ");
    }
    if is_common_surname(word) {
        s.push_str("surname ");
    }
    if word.chars().next().is_some_and(char::is_alphabetic) && is_common_word(word) {
        s.push_str("common ");
    }
    s
}

/// Kinds of the gazetteer entries a single token names, case-insensitively.
fn lookup_kinds(word: &str) -> String {
    if !word.chars().next().is_some_and(char::is_alphabetic) {
        return String::new();
    }
    let gaz = Gazetteer::global();
    let mut kinds: Vec<&str> = gaz.lookup(word).iter().map(|&id| gaz_kind(gaz.entry(id).kind)).collect();
    kinds.sort_unstable();
    kinds.dedup();
    kinds.join(",")
}

/// Gazetteer position of each token: "B-city", "I-org" or "".
fn gazetteer_tags(words: &[&str]) -> Vec<String> {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        starts.push(text.len());
        text.push_str(w);
    }
    let mut tags = vec![String::new(); words.len()];
    let gaz = Gazetteer::global();
    for m in gaz.find_all(&text) {
        let Some(&id) = m.ids.first() else { continue };
        let kind = gaz_kind(gaz.entry(id).kind);
        let first = starts.partition_point(|&s| s < m.span.start());
        for (i, &s) in starts.iter().enumerate().skip(first) {
            if s >= m.span.end() {
                break;
            }
            if tags[i].is_empty() {
                tags[i] = format!("{}-{kind}", if i == first { "B" } else { "I" });
            }
        }
    }
    tags
}

impl Context {
    /// Prepares a sentence (its static features, computed once).
    #[must_use]
    pub fn new(words: &[&str]) -> Context {
        let n = words.len();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let shapes: Vec<String> = words.iter().map(|w| shape(w)).collect();
        let gaz = gazetteer_tags(words);
        let names: Vec<String> = words.iter().map(|w| name_flags(w)).collect();
        let get = |v: &[String], i: isize| -> String {
            if i < 0 {
                "<s>".to_string()
            } else if i as usize >= n {
                "</s>".to_string()
            } else {
                v[i as usize].clone()
            }
        };
        let mut statics = Vec::with_capacity(n);
        for i in 0..n {
            let w = words[i];
            let l = &lower[i];
            let ii = i as isize;
            let mut f = Vec::with_capacity(48);
            f.push(feature_hash(tpl::BIAS, ""));
            f.push(feature_hash(tpl::WORD, w));
            f.push(feature_hash(tpl::LOWER, l));
            f.push(feature_hash(tpl::SHAPE, &shapes[i]));
            f.push(feature_hash(tpl::SHORT, &short_shape(w)));
            let chars: Vec<char> = l.chars().collect();
            for k in 1..=4usize.min(chars.len()) {
                let p: String = chars[..k].iter().collect();
                let s: String = chars[chars.len() - k..].iter().collect();
                f.push(feature_hash(tpl::PREFIX + k as u8 - 1, &p));
                f.push(feature_hash(tpl::SUFFIX + k as u8 - 1, &s));
            }
            let mut flags = String::new();
            let first_upper = w.chars().next().is_some_and(char::is_uppercase);
            if first_upper {
                flags.push('T');
            }
            if w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase) {
                flags.push('U');
            }
            if w.chars().any(|c| c.is_ascii_digit()) {
                flags.push('D');
            }
            if w.contains('-') {
                flags.push('H');
            }
            if w.contains('.') {
                flags.push('P');
            }
            f.push(feature_hash(tpl::FLAGS, &flags));
            let pos = if i == 0 {
                "first"
            } else if i + 1 == n {
                "last"
            } else {
                "mid"
            };
            f.push(feature_hash(tpl::POSITION, &format!("{pos}{}", if first_upper { "T" } else { "" })));
            if i == 0 {
                f.push(feature_hash(tpl::FIRST_LOWER, l));
            }
            f.push(feature_hash(tpl::LOWER_M2, &get(&lower, ii - 2)));
            f.push(feature_hash(tpl::LOWER_M1, &get(&lower, ii - 1)));
            f.push(feature_hash(tpl::LOWER_P1, &get(&lower, ii + 1)));
            f.push(feature_hash(tpl::LOWER_P2, &get(&lower, ii + 2)));
            f.push(feature_hash(tpl::SHAPE_M2, &get(&shapes, ii - 2)));
            f.push(feature_hash(tpl::SHAPE_M1, &get(&shapes, ii - 1)));
            f.push(feature_hash(tpl::SHAPE_P1, &get(&shapes, ii + 1)));
            f.push(feature_hash(tpl::SHAPE_P2, &get(&shapes, ii + 2)));
            f.push(feature_hash(tpl::BIGRAM_L, &format!("{} {l}", get(&lower, ii - 1))));
            f.push(feature_hash(tpl::BIGRAM_R, &format!("{l} {}", get(&lower, ii + 1))));
            f.push(feature_hash(
                tpl::SHAPE3,
                &format!("{} {} {}", get(&shapes, ii - 1), shapes[i], get(&shapes, ii + 1)),
            ));
            f.push(feature_hash(tpl::GAZ, &gaz[i]));
            f.push(feature_hash(tpl::LOOKUP, &format!("{}{}", lookup_kinds(w), if first_upper { "T" } else { "" })));
            f.push(feature_hash(tpl::NAME_PAIR, &format!("{}|{}", get(&names, ii - 1), names[i])));
            f.push(feature_hash(tpl::WORD_NEXT_SHAPE, &format!("{l} {}", get(&shapes, ii + 1))));
            f.push(feature_hash(tpl::PREV_WORD_SHAPE, &format!("{} {}", get(&lower, ii - 1), shapes[i])));
            f.push(feature_hash(tpl::SHAPE_NEXT_WORD, &format!("{} {}", shapes[i], get(&lower, ii + 1))));
            f.push(feature_hash(tpl::PREV2_WORD_SHAPE, &format!("{} {}", get(&lower, ii - 2), shapes[i])));
            f.push(feature_hash(tpl::GAZ_M1, &get(&gaz, ii - 1)));
            f.push(feature_hash(tpl::GAZ_P1, &get(&gaz, ii + 1)));
            for flag in names[i].split_whitespace() {
                f.push(feature_hash(tpl::NAMES, &format!("{flag}{}", if first_upper { "T" } else { "" })));
            }
            for flag in get(&names, ii - 1).split_whitespace() {
                f.push(feature_hash(tpl::NAMES_M1, flag));
            }
            for flag in get(&names, ii + 1).split_whitespace() {
                f.push(feature_hash(tpl::NAMES_P1, flag));
            }
            statics.push(f);
        }
        Context { statics, lower, shapes }
    }

    /// Number of tokens.
    #[must_use]
    pub fn len(&self) -> usize {
        self.statics.len()
    }

    /// Whether the sentence is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.statics.is_empty()
    }

    /// The features of token `i` that do not depend on the labels.
    #[must_use]
    pub fn static_features(&self, i: usize) -> &[u32] {
        &self.statics[i]
    }

    /// The features of token `i` that depend on the previous label.
    pub fn transition_features(&self, i: usize, prev: Label, out: &mut Vec<u32>) {
        out.clear();
        let p = prev.index().to_string();
        out.push(feature_hash(tpl::PREV, &p));
        out.push(feature_hash(tpl::PREV_LOWER, &format!("{p} {}", self.lower[i])));
        out.push(feature_hash(tpl::PREV_SHAPE, &format!("{p} {}", self.shapes[i])));
    }

    /// All features of token `i` given the previous label: the one feature
    /// function of training and inference (static plus transition features).
    pub fn features(&self, i: usize, prev: Label, out: &mut Vec<u32>) {
        let mut t = Vec::new();
        self.transition_features(i, prev, &mut t);
        out.clear();
        out.extend_from_slice(&self.statics[i]);
        out.extend_from_slice(&t);
    }
}

/// Something that scores feature lists for every label.
trait Scorer {
    /// Adds the weights of `feats` to `scores`.
    fn add(&self, feats: &[u32], scores: &mut [f32; N_LABELS]);
}

/// First-order Viterbi decoding under BIO constraints, with
/// [`Context::features`] split into its static and transition parts. Also
/// returns, per token, the softmax probability of the chosen label given
/// the chosen previous label.
fn viterbi(w: &impl Scorer, ctx: &Context) -> (Vec<Label>, Vec<f32>) {
    let n = ctx.len();
    if n == 0 {
        return (Vec::new(), Vec::new());
    }
    let mut feats = Vec::new();
    // local[i][p][c]: score of label c at i after label p.
    let mut local: Vec<[[f32; N_LABELS]; N_LABELS]> = Vec::with_capacity(n);
    for i in 0..n {
        let mut st = [0f32; N_LABELS];
        w.add(ctx.static_features(i), &mut st);
        let mut table = [[f32::NEG_INFINITY; N_LABELS]; N_LABELS];
        let prevs = if i == 0 { 1 } else { N_LABELS };
        for (p, row) in table.iter_mut().enumerate().take(prevs) {
            let prev = Label::from_index(p);
            let mut dy = st;
            ctx.transition_features(i, prev, &mut feats);
            w.add(&feats, &mut dy);
            for (c, v) in row.iter_mut().enumerate() {
                if Label::from_index(c).allowed_after(prev) {
                    *v = dy[c];
                }
            }
        }
        local.push(table);
    }
    let mut best = local[0][0];
    let mut back: Vec<[usize; N_LABELS]> = vec![[0; N_LABELS]; n];
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; N_LABELS];
        for c in 0..N_LABELS {
            for p in 0..N_LABELS {
                let v = best[p] + local[i][p][c];
                if v > next[c] {
                    next[c] = v;
                    back[i][c] = p;
                }
            }
        }
        best = next;
    }
    let mut c = 0;
    for l in 1..N_LABELS {
        if best[l] > best[c] {
            c = l;
        }
    }
    let mut path = vec![0usize; n];
    for i in (0..n).rev() {
        path[i] = c;
        c = back[i][c];
    }
    let mut probs = Vec::with_capacity(n);
    for i in 0..n {
        let p = if i == 0 { 0 } else { path[i - 1] };
        let row = &local[i][p];
        let max = row[path[i]];
        let z: f32 = row.iter().filter(|v| v.is_finite()).map(|v| (v - max).exp()).sum();
        probs.push(if z > 0.0 { 1.0 / z } else { 0.0 });
    }
    (path.into_iter().map(Label::from_index).collect(), probs)
}

/// Trained weights: sorted feature keys, each with sparse label weights.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    keys: Vec<u32>,
    offsets: Vec<u32>,
    entries: Vec<(u8, f32)>,
}

const MAGIC: &[u8; 8] = b"KGNER01\0";

impl Model {
    /// Builds a model from dense weights per feature key (zeros dropped).
    #[must_use]
    pub fn from_dense(mut rows: Vec<(u32, [f32; N_LABELS])>) -> Model {
        rows.sort_by_key(|r| r.0);
        let mut m = Model::default();
        for (k, w) in rows {
            let nz: Vec<(u8, f32)> =
                w.iter().enumerate().filter(|(_, v)| **v != 0.0).map(|(l, v)| (l as u8, *v)).collect();
            if nz.is_empty() {
                continue;
            }
            m.keys.push(k);
            m.offsets.push(m.entries.len() as u32);
            m.entries.extend(nz);
        }
        m
    }

    /// Number of features with a weight.
    #[must_use]
    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    /// Adds the weights of `feats` to `scores`.
    pub fn score(&self, feats: &[u32], scores: &mut [f32; N_LABELS]) {
        for f in feats {
            if let Ok(k) = self.keys.binary_search(f) {
                let s = self.offsets[k] as usize;
                let e = self.offsets.get(k + 1).map_or(self.entries.len(), |&o| o as usize);
                for &(l, w) in &self.entries[s..e] {
                    scores[l as usize] += w;
                }
            }
        }
    }

    /// Serialises: magic, scale (f32), feature count (u32), then per feature
    /// its key (u32), entry count (u8) and entries (label u8, weight i16
    /// times scale), little-endian.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self.entries.iter().fold(0f32, |m, e| m.max(e.1.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut out = Vec::with_capacity(16 + self.keys.len() * 5 + self.entries.len() * 3);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        for (k, key) in self.keys.iter().enumerate() {
            let s = self.offsets[k] as usize;
            let e = self.offsets.get(k + 1).map_or(self.entries.len(), |&o| o as usize);
            out.extend_from_slice(&key.to_le_bytes());
            out.push((e - s) as u8);
            for &(l, w) in &self.entries[s..e] {
                out.push(l);
                out.extend_from_slice(&((w / scale).round() as i16).to_le_bytes());
            }
        }
        out
    }

    /// Reads weights written by [`Model::to_bytes`].
    ///
    /// # Errors
    /// When the bytes are truncated or do not start with the magic.
    pub fn from_bytes(b: &[u8]) -> Result<Model, String> {
        if b.len() < 16 || &b[..8] != MAGIC {
            return Err("not a kgforge name-tagger model".into());
        }
        let rd4 = |p: usize| -> Result<[u8; 4], String> {
            b.get(p..p + 4).and_then(|s| s.try_into().ok()).ok_or_else(|| "truncated model".to_string())
        };
        let scale = f32::from_le_bytes(rd4(8)?);
        let n = u32::from_le_bytes(rd4(12)?) as usize;
        let mut p = 16;
        let mut m = Model::default();
        for _ in 0..n {
            let key = u32::from_le_bytes(rd4(p)?);
            let cnt = *b.get(p + 4).ok_or("truncated model")? as usize;
            p += 5;
            m.keys.push(key);
            m.offsets.push(m.entries.len() as u32);
            for _ in 0..cnt {
                let e = b.get(p..p + 3).ok_or("truncated model")?;
                let l = e[0];
                if l as usize >= N_LABELS {
                    return Err("bad label in model".into());
                }
                let w = f32::from(i16::from_le_bytes([e[1], e[2]])) * scale;
                m.entries.push((l, w));
                p += 3;
            }
        }
        Ok(m)
    }

    /// Viterbi decoding with BIO constraints; also returns the softmax
    /// probability of each chosen label.
    #[must_use]
    pub fn decode(&self, ctx: &Context) -> (Vec<Label>, Vec<f32>) {
        viterbi(self, ctx)
    }
}

impl Scorer for Model {
    fn add(&self, feats: &[u32], scores: &mut [f32; N_LABELS]) {
        self.score(feats, scores);
    }
}

impl Scorer for Trainer {
    fn add(&self, feats: &[u32], scores: &mut [f32; N_LABELS]) {
        for f in feats {
            if let Some(&k) = self.index.get(f) {
                for (a, w) in scores.iter_mut().zip(&self.weights[k]) {
                    *a += w;
                }
            }
        }
    }
}

/// Averaged structured-perceptron trainer.
#[derive(Debug, Default)]
pub struct Trainer {
    index: std::collections::HashMap<u32, usize>,
    keys: Vec<u32>,
    weights: Vec<[f32; N_LABELS]>,
    totals: Vec<[f64; N_LABELS]>,
    stamps: Vec<[u64; N_LABELS]>,
    step: u64,
}

impl Trainer {
    /// A trainer with no weights.
    #[must_use]
    pub fn new() -> Trainer {
        Trainer::default()
    }

    fn slot(&mut self, key: u32) -> usize {
        if let Some(&s) = self.index.get(&key) {
            return s;
        }
        let s = self.keys.len();
        self.index.insert(key, s);
        self.keys.push(key);
        self.weights.push([0.0; N_LABELS]);
        self.totals.push([0.0; N_LABELS]);
        self.stamps.push([0; N_LABELS]);
        s
    }

    fn update(&mut self, feats: &[u32], label: usize, delta: f32) {
        for &f in feats {
            let k = self.slot(f);
            let elapsed = self.step - self.stamps[k][label];
            self.totals[k][label] += elapsed as f64 * f64::from(self.weights[k][label]);
            self.stamps[k][label] = self.step;
            self.weights[k][label] += delta;
        }
    }

    /// One pass of the structured perceptron over `data` (visited in
    /// `order`); returns the number of tokens decoded correctly.
    pub fn epoch(&mut self, data: &[(Context, Vec<Label>)], order: &[usize]) -> usize {
        let mut correct = 0;
        let mut feats = Vec::new();
        for &d in order {
            let (ctx, gold) = &data[d];
            self.step += 1;
            let (guess, _) = viterbi(&*self, ctx);
            correct += guess.iter().zip(gold).filter(|(a, b)| a == b).count();
            if guess == *gold {
                continue;
            }
            for i in 0..gold.len() {
                let (gp, pp) = if i == 0 { (Label::O, Label::O) } else { (gold[i - 1], guess[i - 1]) };
                if gold[i] == guess[i] && gp == pp {
                    continue;
                }
                ctx.features(i, gp, &mut feats);
                self.update(&feats, gold[i].index(), 1.0);
                ctx.features(i, pp, &mut feats);
                self.update(&feats, guess[i].index(), -1.0);
            }
        }
        correct
    }

    /// The averaged weights, dropping those below `prune` in absolute value.
    #[must_use]
    pub fn finish(&self, prune: f32) -> Model {
        let step = self.step.max(1);
        let mut rows = Vec::with_capacity(self.keys.len());
        for (k, key) in self.keys.iter().enumerate() {
            let mut w = [0f32; N_LABELS];
            for (l, out) in w.iter_mut().enumerate() {
                let total = self.totals[k][l] + (self.step - self.stamps[k][l]) as f64 * f64::from(self.weights[k][l]);
                let avg = (total / step as f64) as f32;
                *out = if avg.abs() < prune { 0.0 } else { avg };
            }
            rows.push((*key, w));
        }
        Model::from_dense(rows)
    }
}

/// Deterministic xorshift64 shuffle (Fisher-Yates).
pub fn shuffle(order: &mut [usize], seed: &mut u64) {
    for i in (1..order.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        let j = (*seed % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
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
/// counting only the names of `types`.
#[must_use]
pub fn evaluate(tagger: &NameTagger, data: &[corpus::Labeled], types: &[NameType]) -> Scores {
    let mut s = Scores::default();
    for sent in data {
        let words: Vec<&str> = sent.words.iter().map(String::as_str).collect();
        s.add(&sent.labels, &tagger.labels(&words), types);
    }
    s
}

/// Titles left out of a person's name ("Dr.", "Secretary"), as in the
/// Universal NER guidelines.
const TITLES: [&str; 52] = [
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "gen",
    "general",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "president",
    "secretary",
    "minister",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "empress",
    "pope",
    "saint",
    "st",
    "judge",
    "justice",
    "chief",
    "administrator",
    "director",
    "mayor",
    "captain",
    "capt",
    "lt",
    "col",
    "colonel",
    "major",
    "sgt",
    "rev",
    "reverend",
    "father",
    "officer",
    "ambassador",
    "chairman",
    "premier",
    "prime",
];

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

/// The shipped name tagger.
#[derive(Debug)]
pub struct NameTagger {
    model: Model,
}

static WEIGHTS: &[u8] = include_bytes!("../../../data/models/ner.bin");
static GLOBAL: LazyLock<NameTagger> =
    LazyLock::new(|| NameTagger { model: Model::from_bytes(WEIGHTS).unwrap_or_default() });

impl NameTagger {
    /// The tagger with the shipped weights (`data/models/ner.bin`).
    #[must_use]
    pub fn global() -> &'static NameTagger {
        &GLOBAL
    }

    /// A tagger with the given weights.
    #[must_use]
    pub fn with_model(model: Model) -> NameTagger {
        NameTagger { model }
    }

    /// One BIO label per token.
    #[must_use]
    pub fn labels(&self, words: &[&str]) -> Vec<Label> {
        let mut labels = self.model.decode(&Context::new(words)).0;
        strip_titles(words, &mut labels);
        labels
    }

    /// The names in a tokenised sentence.
    #[must_use]
    pub fn tag(&self, words: &[&str]) -> Vec<NameTag> {
        let (mut labels, probs) = self.model.decode(&Context::new(words));
        strip_titles(words, &mut labels);
        spans(&labels)
            .into_iter()
            .map(|(start, end, kind)| NameTag {
                start,
                end,
                kind,
                confidence: probs[start..end].iter().copied().fold(1.0, f32::min),
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
        let (a, b) = (Context::new(&words), Context::new(&words));
        let (mut fa, mut fb) = (Vec::new(), Vec::new());
        for i in 0..words.len() {
            a.features(i, Label::B(NameType::Person), &mut fa);
            b.features(i, Label::B(NameType::Person), &mut fb);
            assert_eq!(fa, fb);
        }
        // Fixed hash: the value must never change between builds.
        assert_eq!(feature_hash(1, "Paris"), feature_hash(1, "Paris"));
        assert_ne!(feature_hash(1, "Paris"), feature_hash(2, "Paris"));
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
    fn odd_input_does_not_panic() {
        let t = NameTagger::global();
        assert!(t.tag(&[]).is_empty());
        let _ = t.tag(&[""]);
        let _ = t.tag(&["", " ", "\u{0}", "é", "東京", "-", "..."]);
        let _ = t.labels(&["A"; 300]);
    }
}
