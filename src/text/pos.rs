//! Part-of-speech tagger: an averaged perceptron (after Honnibal, "A good
//! part-of-speech tagger in about 200 lines of Python") trained on the open
//! treebanks UD English EWT and GUM.
//!
//! It gives Penn Treebank tags ([`Xpos`]) and Universal POS tags ([`Upos`]).
//! UPOS comes from a second perceptron head over the same features plus the
//! predicted XPOS (better than the fixed map [`Upos::from_xpos`], which is kept
//! as a fallback for models without that head).
//!
//! Speed (about 2 million tokens a second on one core): each word's strings
//! are hashed once per sentence ([`Prepared`]) and features are combinations
//! of those hashes; weights sit in a flat open-addressing table of 16-byte
//! slots (up to four weights inline, a dense row for features with more);
//! scores are i16 with saturating vector adds; the weights of the tag-pair
//! features are summed once per tag pair and those of the word-only features
//! once per frequent word (the lexicon), at load; frequent unambiguous words
//! come from the tag dictionary without scoring.
//!
//! The shipped weights live in `data/models/pos.bin` (CC BY-SA 4.0, see
//! `data/models/README.md`) and are retrained by `examples/train_pos.rs`.
//! Training is deterministic: the same corpora give the same bytes.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// Penn Treebank tags known to the tagger, in index order.
pub const XPOS_TAGS: [&str; 51] = [
    "NN", "IN", "DT", "NNP", "JJ", "PRP", ".", "RB", "NNS", ",", "VB", "CC", "VBD", "VBP", "VBZ", "CD", "VBN", "VBG",
    "TO", "MD", "PRP$", "-RRB-", "-LRB-", ":", "WDT", "``", "WRB", "''", "HYPH", "POS", "WP", "RP", "UH", "NNPS",
    "JJR", "JJS", "EX", "RBR", "NFP", "ADD", "SYM", "FW", "GW", "$", "PDT", "RBS", "LS", "AFX", "WP$", "XX", "#",
];

/// A Penn Treebank part-of-speech tag (an index into [`XPOS_TAGS`]), or one of
/// the two sentence-start pseudo-tags used as context features.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Xpos(u8);

impl Xpos {
    /// Pseudo-tag of the position before the first word.
    pub const START: Xpos = Xpos(XPOS_TAGS.len() as u8);
    /// Pseudo-tag of the position two before the first word.
    pub const START2: Xpos = Xpos(XPOS_TAGS.len() as u8 + 1);

    /// Looks a tag up by its PTB name (`"NN"`, `"VBD"`, ...).
    pub fn from_name(name: &str) -> Option<Xpos> {
        XPOS_TAGS.iter().position(|t| *t == name).map(|i| Xpos(i as u8))
    }

    /// The tag with index `i` into [`XPOS_TAGS`].
    pub fn from_index(i: usize) -> Option<Xpos> {
        (i < XPOS_TAGS.len()).then_some(Xpos(i as u8))
    }

    /// Index into [`XPOS_TAGS`] (or past it for the pseudo-tags).
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The PTB name of the tag (`"-START-"`/`"-START2-"` for the pseudo-tags).
    pub fn as_str(self) -> &'static str {
        match self {
            Xpos::START => "-START-",
            Xpos::START2 => "-START2-",
            Xpos(i) => XPOS_TAGS.get(i as usize).copied().unwrap_or("XX"),
        }
    }
}

impl fmt::Display for Xpos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Universal Dependencies part-of-speech tag.
#[allow(clippy::upper_case_acronyms)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Upos {
    /// Adjective.
    ADJ,
    /// Adposition.
    ADP,
    /// Adverb.
    ADV,
    /// Auxiliary.
    AUX,
    /// Coordinating conjunction.
    CCONJ,
    /// Determiner.
    DET,
    /// Interjection.
    INTJ,
    /// Noun.
    NOUN,
    /// Numeral.
    NUM,
    /// Particle.
    PART,
    /// Pronoun.
    PRON,
    /// Proper noun.
    PROPN,
    /// Punctuation.
    PUNCT,
    /// Subordinating conjunction.
    SCONJ,
    /// Symbol.
    SYM,
    /// Verb.
    VERB,
    /// Other.
    X,
}

/// All UPOS tags in index order.
pub const UPOS_TAGS: [Upos; 17] = [
    Upos::ADJ,
    Upos::ADP,
    Upos::ADV,
    Upos::AUX,
    Upos::CCONJ,
    Upos::DET,
    Upos::INTJ,
    Upos::NOUN,
    Upos::NUM,
    Upos::PART,
    Upos::PRON,
    Upos::PROPN,
    Upos::PUNCT,
    Upos::SCONJ,
    Upos::SYM,
    Upos::VERB,
    Upos::X,
];

impl Upos {
    /// The UD name of the tag.
    pub fn as_str(self) -> &'static str {
        match self {
            Upos::ADJ => "ADJ",
            Upos::ADP => "ADP",
            Upos::ADV => "ADV",
            Upos::AUX => "AUX",
            Upos::CCONJ => "CCONJ",
            Upos::DET => "DET",
            Upos::INTJ => "INTJ",
            Upos::NOUN => "NOUN",
            Upos::NUM => "NUM",
            Upos::PART => "PART",
            Upos::PRON => "PRON",
            Upos::PROPN => "PROPN",
            Upos::PUNCT => "PUNCT",
            Upos::SCONJ => "SCONJ",
            Upos::SYM => "SYM",
            Upos::VERB => "VERB",
            Upos::X => "X",
        }
    }

    /// Looks a tag up by its UD name.
    pub fn from_name(name: &str) -> Option<Upos> {
        UPOS_TAGS.iter().copied().find(|u| u.as_str() == name)
    }

    /// Index into [`UPOS_TAGS`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Deterministic PTB -> UPOS map. Lossy where PTB does not decide UPOS:
    /// VB* is always VERB (never AUX), IN is always ADP (never SCONJ), WDT is DET.
    pub fn from_xpos(x: Xpos) -> Upos {
        match x.as_str() {
            "NN" | "NNS" => Upos::NOUN,
            "NNP" | "NNPS" => Upos::PROPN,
            "VB" | "VBD" | "VBG" | "VBN" | "VBP" | "VBZ" => Upos::VERB,
            "MD" => Upos::AUX,
            "IN" => Upos::ADP,
            "DT" | "PDT" | "WDT" => Upos::DET,
            "JJ" | "JJR" | "JJS" | "AFX" => Upos::ADJ,
            "RB" | "RBR" | "RBS" | "WRB" => Upos::ADV,
            "CD" => Upos::NUM,
            "PRP" | "PRP$" | "WP" | "WP$" | "EX" => Upos::PRON,
            "CC" => Upos::CCONJ,
            "UH" => Upos::INTJ,
            "POS" | "RP" | "TO" => Upos::PART,
            "SYM" | "$" | "#" => Upos::SYM,
            "." | "," | ":" | "``" | "''" | "-LRB-" | "-RRB-" | "HYPH" | "NFP" => Upos::PUNCT,
            _ => Upos::X, // FW LS ADD GW XX
        }
    }
}

impl fmt::Display for Upos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Number of XPOS classes (perceptron classes `0..NX`).
pub const NX: usize = XPOS_TAGS.len();
/// Number of UPOS classes (perceptron classes `NX..NX + NU`).
pub const NU: usize = UPOS_TAGS.len();

// ---------------------------------------------------------------------------
// Features

/// FNV-1a, 64 bit: a fixed hash so that feature ids are stable across runs,
/// builds and machines (unlike std's randomised hasher). Hashes the strings a
/// word's features are made of, once per word.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    const BASIS: Fnv = Fnv(0xcbf2_9ce4_8422_2325);

    const fn byte(self, b: u8) -> Fnv {
        Fnv((self.0 ^ b as u64).wrapping_mul(0x0100_0000_01b3))
    }

    const fn bytes(mut self, bs: &[u8]) -> Fnv {
        let mut i = 0;
        while i < bs.len() {
            self = self.byte(bs[i]);
            i += 1;
        }
        self
    }

    /// Feeds `c` lowercased (UTF-8), without allocating.
    #[inline]
    fn char_lower(self, c: char) -> Fnv {
        if c.is_ascii() {
            self.byte((c as u8).to_ascii_lowercase())
        } else {
            let mut h = self;
            for l in c.to_lowercase() {
                h = h.bytes(l.encode_utf8(&mut [0u8; 4]).as_bytes());
            }
            h
        }
    }
}

/// Hash of a word's exact form: the tag dictionary's key and the exact-form
/// feature's value.
fn form_hash(w: &str) -> u64 {
    Fnv::BASIS.bytes(w.as_bytes()).0
}

/// Hash of a class token ("!YEAR", "-START-", ...).
const fn marker(s: &str) -> u64 {
    Fnv::BASIS.byte(0xfe).bytes(s.as_bytes()).0
}

const YEAR: u64 = marker("!YEAR");
const DIGITS: u64 = marker("!DIGITS");
const HYPHEN: u64 = marker("!HYPHEN");

/// Flag bits of [`WordHashes::flags`].
const CAP: u8 = 1;
const DIGIT: u8 = 2;
const HAS_HYPHEN: u8 = 4;

/// The hashed strings the features of one word are made of, computed once
/// per word of a sentence. The normalised word is a class token for numbers
/// ("!YEAR", "!DIGITS") and hyphenated words ("!HYPHEN"), else the word
/// lowercased.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct WordHashes {
    /// The exact form, case kept.
    form: u64,
    /// The normalised word.
    norm: u64,
    /// The last 1, 2, 3, 4 characters of the normalised word (the class
    /// token itself for class tokens).
    suffix: [u64; 4],
    /// The first character (case kept) and the first 2 and 3 characters
    /// lowercased, of the word itself.
    prefix: [u64; 3],
    /// Word shape: X upper, x lower, d digit, other ASCII as itself, `o` for
    /// other characters; runs collapsed, at most 6 symbols.
    shape: u64,
    /// [`CAP`] (first character upper case), [`DIGIT`], [`HAS_HYPHEN`].
    flags: u8,
}

impl WordHashes {
    /// The padding before and after a sentence: a class token for every
    /// string, an empty shape.
    const fn padding(name: &str) -> WordHashes {
        let h = marker(name);
        WordHashes { form: h, norm: h, suffix: [h; 4], prefix: [h; 3], shape: Fnv::BASIS.byte(0).0, flags: 0 }
    }

    fn new(w: &str) -> WordHashes {
        let mut lower = Fnv::BASIS;
        let mut prefix = [0u64; 3];
        let mut shape = Fnv::BASIS;
        let (mut last_shape, mut shape_len) = (0u8, 0);
        let (mut flags, mut n, mut alpha, mut inner_hyphen) = (0u8, 0usize, false, false);
        for (at, c) in w.char_indices() {
            if n == 0 {
                prefix[0] = Fnv::BASIS.bytes(c.encode_utf8(&mut [0u8; 4]).as_bytes()).0;
                if c.is_uppercase() {
                    flags |= CAP;
                }
            }
            lower = lower.char_lower(c);
            n += 1;
            if n <= 3 {
                prefix[n - 1] = lower.0;
            }
            if shape_len < 6 {
                let s = if c.is_ascii() {
                    match c {
                        'A'..='Z' => b'X',
                        'a'..='z' => b'x',
                        '0'..='9' => b'd',
                        _ => c as u8,
                    }
                } else if c.is_uppercase() {
                    b'X'
                } else if c.is_lowercase() {
                    b'x'
                } else {
                    b'o'
                };
                if s != last_shape {
                    shape = shape.byte(s);
                    last_shape = s;
                    shape_len += 1;
                }
            }
            match c {
                '0'..='9' => flags |= DIGIT,
                '-' => {
                    flags |= HAS_HYPHEN;
                    inner_hyphen |= at > 0;
                }
                _ => alpha |= c.is_alphabetic(),
            }
        }
        // Words shorter than a prefix: the prefix is the whole word.
        for p in prefix.iter_mut().skip(n.max(1)) {
            *p = lower.0;
        }
        prefix[0] = if n == 0 { Fnv::BASIS.0 } else { prefix[0] };
        let b = w.as_bytes();
        let special = if b.len() == 4 && b.iter().all(u8::is_ascii_digit) {
            Some(YEAR)
        } else if b.first().is_some_and(u8::is_ascii_digit) {
            Some(DIGITS)
        } else if inner_hyphen && alpha {
            Some(HYPHEN)
        } else {
            None
        };
        let (norm, suffix) = match special {
            Some(h) => (h, [h; 4]),
            None => {
                // Suffixes hashed from the last character backwards.
                let mut suffix = [lower.0; 4];
                let mut h = Fnv::BASIS.byte(0xfd);
                for (j, c) in w.chars().rev().take(4).enumerate() {
                    h = h.char_lower(c);
                    suffix[j] = h.0;
                }
                for x in suffix.iter_mut().skip(n.min(4)) {
                    *x = h.0;
                }
                (lower.0, suffix)
            }
        };
        WordHashes { form: form_hash(w), norm, suffix, prefix, shape: shape.0, flags }
    }
}

/// Padding: two words before the sentence and two after.
const START2: WordHashes = WordHashes::padding("-START2-");
const START: WordHashes = WordHashes::padding("-START-");
const END: WordHashes = WordHashes::padding("-END-");
const END2: WordHashes = WordHashes::padding("-END2-");

/// A sentence prepared for [`features`]: the hashes of each word, computed
/// once, between two padding words on either side. Reusable across
/// sentences.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    words: Vec<WordHashes>,
}

impl Prepared {
    /// An empty sentence.
    pub fn new() -> Prepared {
        Prepared::default()
    }

    /// Prepares `words`, replacing the previous sentence.
    pub fn prepare(&mut self, words: &[&str]) {
        self.words.clear();
        self.words.reserve(words.len() + 4);
        self.words.extend([START2, START]);
        self.words.extend(words.iter().map(|w| WordHashes::new(w)));
        self.words.extend([END, END2]);
    }

    /// Number of words (padding excluded).
    pub fn len(&self) -> usize {
        self.words.len().saturating_sub(4)
    }

    /// Whether the sentence has no words.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Word `i` (`-2..len + 2`, padding outside the sentence).
    #[inline]
    fn at(&self, i: usize, offset: isize) -> &WordHashes {
        &self.words[(i as isize + 2 + offset) as usize]
    }
}

/// Seed of feature template `t`.
#[inline]
const fn template(t: u8) -> u64 {
    (t as u64 + 1).wrapping_mul(0xA076_1D64_78BD_642F)
}

/// Combines a hash with one more value (FxHash-style); the multiply makes
/// the high bits depend on every input bit.
#[inline]
const fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(26) ^ v).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

#[inline]
fn f1(t: u8, a: u64) -> u64 {
    mix(template(t), a)
}

#[inline]
fn f2(t: u8, a: u64, b: u64) -> u64 {
    mix(mix(template(t), a), b)
}

#[inline]
fn f3(t: u8, a: u64, b: u64, c: u64) -> u64 {
    mix(mix(mix(template(t), a), b), c)
}

/// The tags of the two words before word `i` of a tagged sentence, with the
/// start markers the tagger saw there when it tagged left to right.
fn previous_tags(xs: &[Xpos], i: usize) -> (Xpos, Xpos) {
    match i {
        0 => (Xpos::START, Xpos::START2),
        1 => (xs[0], Xpos::START),
        _ => (xs[i - 1], xs[i - 2]),
    }
}

/// Computes the hashed features of word `i` of the prepared sentence `s`,
/// given the tags predicted for the two previous words
/// (`Xpos::START`/`Xpos::START2` at the sentence start), appending them to
/// `out`. The one feature function of training and tagging.
///
/// Features: bias; suffixes 1-4 of the normalised word; first character;
/// lowercased prefixes 2 and 3; shape; normalised word; exact form; previous
/// tag, previous-but-one tag, both, previous tag + word, previous tag + next
/// word; normalised words at -2, -1, +1, +2; 3-suffixes at -1 and +1; shapes
/// at -1 and +1; previous word + word, word + next word; capitalised with
/// sentence-initial; has a digit; has a hyphen.
pub fn features(s: &Prepared, i: usize, prev: Xpos, prev2: Xpos, out: &mut Vec<u64>) {
    tag_features(prev, prev2, out);
    lexical_features(s.at(i, 0), out);
    context_features(s, i, prev, out);
}

/// The features of [`features`] that depend on the previous two tags only
/// (the tagger sums their weights once per tag pair, at load time).
fn tag_features(prev: Xpos, prev2: Xpos, out: &mut Vec<u64>) {
    let (pt, pt2) = (u64::from(prev.0), u64::from(prev2.0));
    out.extend([template(0), f1(5, pt), f1(6, pt2), f2(7, pt, pt2)]);
}

/// The features of [`features`] that depend on the word alone (the tagger
/// sums their weights once per word of its lexicon, at load time).
fn lexical_features(w: &WordHashes, out: &mut Vec<u64>) {
    out.extend([
        f1(1, w.suffix[2]),
        f1(18, w.suffix[1]),
        f1(19, w.suffix[3]),
        f1(20, w.suffix[0]),
        f1(2, w.prefix[0]),
        f1(23, w.prefix[1]),
        f1(24, w.prefix[2]),
        f1(3, w.shape),
        f1(4, w.norm),
        f1(22, w.form),
    ]);
    if w.flags & DIGIT != 0 {
        out.push(template(16));
    }
    if w.flags & HAS_HYPHEN != 0 {
        out.push(template(17));
    }
}

/// The features of [`features`] that depend on the neighbours, the previous
/// tag or the position.
fn context_features(s: &Prepared, i: usize, prev: Xpos, out: &mut Vec<u64>) {
    let w = s.at(i, 0);
    let (p1, p2, n1, n2) = (s.at(i, -1), s.at(i, -2), s.at(i, 1), s.at(i, 2));
    let pt = u64::from(prev.0);
    out.extend([
        f2(8, pt, w.norm),
        f2(28, pt, n1.norm),
        f1(9, p1.norm),
        f1(11, p2.norm),
        f1(12, n1.norm),
        f1(14, n2.norm),
        f1(10, p1.suffix[2]),
        f1(13, n1.suffix[2]),
        f1(26, p1.shape),
        f1(27, n1.shape),
        f2(25, p1.norm, w.norm),
        f2(21, w.norm, n1.norm),
        f2(15, u64::from(w.flags & CAP), u64::from(i == 0)),
    ]);
}

/// Extra features of the UPOS head, computed after the XPOS pass over the
/// whole sentence: the predicted XPOS of the word and its neighbours, alone
/// and with the word.
fn upos_features(s: &Prepared, i: usize, xpos: &[Xpos], out: &mut Vec<u64>) {
    let at = |j: isize| -> u64 {
        if j < 0 {
            u64::from(Xpos::START.0)
        } else {
            xpos.get(j as usize).map_or(255, |x| u64::from(x.0))
        }
    };
    let ii = i as isize;
    let (x, p, n, n2) = (at(ii), at(ii - 1), at(ii + 1), at(ii + 2));
    let w = s.at(i, 0).norm;
    out.extend([f1(30, x), f2(35, x, w), f2(31, x, n), f3(32, p, x, n), f3(33, x, n, n2), f3(34, x, n, w)]);
}

// ---------------------------------------------------------------------------
// Model

/// Hasher for keys that already are well-mixed 64-bit hashes (the
/// taggers' feature and word hashes).
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by such hashes.
pub(crate) type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

const MAGIC: &[u8; 8] = b"KGPOS\x02\0\0";

/// Error reading a weights file.
#[derive(Debug, thiserror::Error)]
pub enum PosModelError {
    /// The bytes do not start with the expected magic number and version.
    #[error("not a kgforge POS model (bad magic)")]
    BadMagic,
    /// The file ended early.
    #[error("truncated POS model")]
    Truncated,
    /// A field holds an impossible value.
    #[error("corrupt POS model: {0}")]
    Corrupt(&'static str),
}

/// A trained tagger: a tag dictionary for frequent unambiguous words and
/// quantised perceptron weights (classes `0..NX` XPOS, `NX..NX+NU` UPOS).
#[derive(Debug, Clone, PartialEq)]
pub struct PosTagger {
    /// Weight of one quantisation step.
    scale: f32,
    /// Frequent words with a near-certain tag pair, sorted by word.
    tagdict: Vec<(String, Xpos, Upos)>,
    /// Exact-form hash -> index into `tagdict`.
    tagdict_index: OpenTable,
    /// Frequent words outside the tag dictionary, sorted.
    lexicon: Vec<String>,
    /// Exact-form hash -> index into `lexicon` and `lexicon_rows`.
    lexicon_index: OpenTable,
    /// Summed weights of the [`lexical_features`] of each lexicon word.
    lexicon_rows: Vec<[i16; ROW]>,
    /// Feature hash -> its weights.
    table: WeightTable,
    /// Summed weights of [`tag_features`] per (previous tag, previous-but-one
    /// tag), index `prev * N_PREV + prev2`.
    transitions: Vec<[i16; ROW]>,
    /// Feature hashes in file (sorted) order, with their runs.
    keys: Vec<(u64, u32)>,
    /// (class, quantised weight) runs, one per feature, in key order.
    entries: Vec<(u8, i16)>,
    has_upos_head: bool,
}

/// One slot of an [`OpenTable`]: the low 32 bits of a key and its run of
/// values packed as `start << 8 | len`; `run == 0` marks an empty slot.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Slot {
    fingerprint: u32,
    run: u32,
}

/// Longest run of an [`OpenTable`] (the length is 8 bits of a slot).
const MAX_RUN: u32 = 255;
/// Largest start of a run (24 bits of a slot).
const MAX_START: u32 = (1 << 24) - 1;

/// Open-addressing hash table (linear probing, power-of-two size, load <= 4/5)
/// from well-mixed u64 keys to runs `(start, len)`, 8 bytes a slot so that
/// the weights of the whole model stay in cache as much as they can. A key
/// is known by its home slot (high bits) and its low 32 bits: a feature the
/// model lacks is taken for one it has with probability about 2^-32.
#[derive(Debug, Clone, PartialEq)]
struct OpenTable {
    slots: Vec<Slot>,
    shift: u32,
}

impl OpenTable {
    /// Builds the table from distinct keys with their runs (`0 < len <= 255`,
    /// `start < 2^24`).
    fn new(items: impl ExactSizeIterator<Item = (u64, u32, u32)>) -> OpenTable {
        let size = (items.len() + items.len() / 4).next_power_of_two().max(8);
        let mut t = OpenTable { slots: vec![Slot::default(); size], shift: 64 - size.trailing_zeros() };
        let mask = size - 1;
        for (key, start, len) in items {
            debug_assert!(len > 0 && len <= MAX_RUN && start <= MAX_START);
            let mut i = t.home(key);
            while t.slots[i].run != 0 {
                i = (i + 1) & mask;
            }
            t.slots[i] = Slot { fingerprint: key as u32, run: start << 8 | len };
        }
        t
    }

    #[inline]
    fn home(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The run of `key` whose home slot holds `first`, if present.
    #[inline]
    fn resolve(&self, key: u64, first: Slot) -> Option<(usize, usize)> {
        let (mask, fp) = (self.slots.len() - 1, key as u32);
        let mut i = self.home(key);
        let mut s = first;
        loop {
            if s.run == 0 {
                return None;
            }
            if s.fingerprint == fp {
                return Some(((s.run >> 8) as usize, (s.run & 0xff) as usize));
            }
            i = (i + 1) & mask;
            s = self.slots[i];
        }
    }

    /// The run of `key`, if present.
    #[inline]
    fn get(&self, key: u64) -> Option<(usize, usize)> {
        self.resolve(key, self.slots[self.home(key)])
    }
}

/// Length of the scores array: a class byte of a weight slot, masked with
/// `SCORE_SLOTS - 1`, indexes it without a bounds check (padding classes add
/// 0 to slot 127).
const SCORE_SLOTS: usize = 128;

/// One slot of a [`WeightTable`]: the low 32 bits of a feature hash and
/// either up to four (class, weight) pairs inline (unused pairs: class
/// [`PAD`], weight 0), or, when `class[0] == DENSE`, the index of a dense
/// row of weights (in `weight[0..2]`). `class[0] == EMPTY` marks an empty
/// slot. 16 bytes: a lookup reads one cache line.
#[derive(Debug, Clone, Copy, PartialEq)]
struct WeightSlot {
    fingerprint: u32,
    class: [u8; 4],
    weight: [i16; 4],
}

const EMPTY: u8 = 0xff;
const DENSE: u8 = 0xfe;
const PAD: u8 = 0xff;
/// Largest quantised weight: weights are scaled to 13 bits so that the sum
/// of the ~35 weights of a word's features stays well inside the i16
/// scores (which saturate rather than wrap if it does not).
const QUANT_MAX: f32 = 4095.0;
/// Number of previous-tag values: the XPOS tags and the two start tags.
const N_PREV: usize = NX + 2;
/// Width of a dense row: every class, padded to a multiple of 8.
const ROW: usize = (NX + NU).next_multiple_of(8);

impl WeightSlot {
    const EMPTY: WeightSlot = WeightSlot { fingerprint: 0, class: [EMPTY; 4], weight: [0; 4] };
}

/// Open-addressing table (linear probing, power-of-two size, load <= 4/5)
/// from feature hashes to their weights: up to four inline, more as a dense
/// row of all classes (added with vector instructions). A feature is known
/// by its home slot (high bits of the hash) and the low 32 bits: one the
/// model lacks is taken for one it has with probability about 2^-32 per
/// probe.
#[derive(Debug, Clone, PartialEq)]
struct WeightTable {
    slots: Vec<WeightSlot>,
    shift: u32,
    /// Dense rows of the features with more than four weights.
    rows: Vec<[i16; ROW]>,
}

impl WeightTable {
    /// Builds the table from distinct keys with their runs of `entries`
    /// (`0 < len`, classes `< NX + NU`).
    fn new(items: impl ExactSizeIterator<Item = (u64, u32, u32)>, entries: &[(u8, i16)]) -> WeightTable {
        let size = (items.len() + items.len() / 4).next_power_of_two().max(8);
        let mut t =
            WeightTable { slots: vec![WeightSlot::EMPTY; size], shift: 64 - size.trailing_zeros(), rows: Vec::new() };
        let mask = size - 1;
        for (key, start, len) in items {
            let run = &entries[start as usize..(start + len) as usize];
            let mut slot = WeightSlot { fingerprint: key as u32, class: [PAD; 4], weight: [0; 4] };
            if run.len() <= 4 {
                for (j, &(c, q)) in run.iter().enumerate() {
                    (slot.class[j], slot.weight[j]) = (c, q);
                }
            } else {
                let r = t.rows.len();
                let mut row = [0i16; ROW];
                for &(c, q) in run {
                    row[c as usize] = q;
                }
                t.rows.push(row);
                slot.class[0] = DENSE;
                slot.weight = [r as u16 as i16, (r >> 16) as u16 as i16, 0, 0];
            }
            let mut i = t.home(key);
            while t.slots[i].class[0] != EMPTY {
                i = (i + 1) & mask;
            }
            t.slots[i] = slot;
        }
        t
    }

    #[inline]
    fn home(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The slot of `key` whose home slot holds `first`, if present.
    #[inline]
    fn resolve(&self, key: u64, first: WeightSlot) -> Option<WeightSlot> {
        let (mask, fp) = (self.slots.len() - 1, key as u32);
        let mut i = self.home(key);
        let mut s = first;
        loop {
            if s.class[0] == EMPTY {
                return None;
            }
            if s.fingerprint == fp {
                return Some(s);
            }
            i = (i + 1) & mask;
            s = self.slots[i];
        }
    }
}

/// Buffers of one tagging call, kept per thread so that tagging a sentence
/// allocates nothing but its result.
#[derive(Default)]
struct Scratch {
    prepared: Prepared,
    xs: Vec<Xpos>,
    /// Per word: its dictionary UPOS, or the UPOS scores of the XPOS pass.
    pending: Vec<Result<Upos, [i16; NU]>>,
    feats: Vec<u64>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

static GLOBAL: LazyLock<PosTagger> = LazyLock::new(|| {
    PosTagger::from_bytes(include_bytes!("../../data/models/pos.bin")).expect("shipped data/models/pos.bin is valid")
});

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], PosModelError> {
        let end = self.pos.checked_add(n).ok_or(PosModelError::Truncated)?;
        let s = self.b.get(self.pos..end).ok_or(PosModelError::Truncated)?;
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, PosModelError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, PosModelError> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into().expect("2 bytes")))
    }
    fn u32(&mut self) -> Result<u32, PosModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }
    fn u64(&mut self) -> Result<u64, PosModelError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes")))
    }
}

impl PosTagger {
    /// The tagger with the shipped weights (`data/models/pos.bin`), loaded on
    /// first use.
    pub fn global() -> &'static PosTagger {
        &GLOBAL
    }

    /// Builds a tagger from a tag dictionary, a lexicon (words whose lexical
    /// weights are summed at load) and averaged weights `(feature hash, class,
    /// weight)`; weights with `|w| < prune` are dropped and the rest quantised
    /// to i16.
    pub fn from_weights(
        tagdict: Vec<(String, Xpos, Upos)>,
        mut lexicon: Vec<String>,
        mut weights: Vec<(u64, u8, f32)>,
        prune: f32,
        has_upos_head: bool,
    ) -> PosTagger {
        weights.retain(|w| w.2.abs() >= prune && w.2.is_finite() && (w.1 as usize) < NX + NU);
        weights.sort_by_key(|w| (w.0, w.1));
        let max = weights.iter().fold(0f32, |m, w| m.max(w.2.abs()));
        let scale = if max > 0.0 { max / QUANT_MAX } else { 1.0 };
        let mut keys = Vec::new();
        let mut runs = Vec::new();
        let mut entries = Vec::new();
        for w in &weights {
            let q = (w.2 / scale).round().clamp(-QUANT_MAX, QUANT_MAX) as i16;
            if q == 0 {
                continue;
            }
            if keys.last() != Some(&w.0) {
                keys.push(w.0);
                runs.push((entries.len() as u32, 0u32));
            }
            runs.last_mut().expect("pushed").1 += 1;
            entries.push((w.1, q));
        }
        assert!(u32::try_from(entries.len()).is_ok(), "more than 2^32 weights");
        let mut tagdict = tagdict;
        tagdict.sort();
        tagdict.dedup_by(|a, b| a.0 == b.0);
        lexicon.sort();
        lexicon.dedup();
        Self::assemble(scale, tagdict, lexicon, keys, runs, entries, has_upos_head)
    }

    #[allow(clippy::too_many_arguments)]
    fn assemble(
        scale: f32,
        tagdict: Vec<(String, Xpos, Upos)>,
        lexicon: Vec<String>,
        keys: Vec<u64>,
        runs: Vec<(u32, u32)>,
        entries: Vec<(u8, i16)>,
        has_upos_head: bool,
    ) -> PosTagger {
        let tagdict_index =
            OpenTable::new(tagdict.iter().enumerate().map(|(i, (w, _, _))| (form_hash(w), i as u32, 1)));
        let table = WeightTable::new(keys.iter().zip(&runs).map(|(&k, &(start, len))| (k, start, len)), &entries);
        let keys = keys.into_iter().zip(runs).map(|(k, (start, _))| (k, start)).collect();
        let lexicon_index = OpenTable::new(lexicon.iter().enumerate().map(|(i, w)| (form_hash(w), i as u32, 1)));
        let mut t = PosTagger {
            scale,
            tagdict,
            tagdict_index,
            lexicon,
            lexicon_index,
            lexicon_rows: Vec::new(),
            table,
            transitions: Vec::new(),
            keys,
            entries,
            has_upos_head,
        };
        let mut feats = Vec::with_capacity(4);
        for p in 0..N_PREV {
            for p2 in 0..N_PREV {
                feats.clear();
                tag_features(Xpos(p as u8), Xpos(p2 as u8), &mut feats);
                let mut scores = [0i16; SCORE_SLOTS];
                t.add_scores(&feats, &mut scores);
                t.transitions.push(scores[..ROW].try_into().expect("ROW <= SCORE_SLOTS"));
            }
        }
        for w in &t.lexicon {
            feats.clear();
            lexical_features(&WordHashes::new(w), &mut feats);
            let mut scores = [0i16; SCORE_SLOTS];
            t.add_scores(&feats, &mut scores);
            t.lexicon_rows.push(scores[..ROW].try_into().expect("ROW <= SCORE_SLOTS"));
        }
        t
    }

    /// Serialises the model (little-endian):
    /// magic `KGPOS\x02\0\0`; u32 NX; u32 NU; u8 has-UPOS-head; f32 scale;
    /// u32 tag-dictionary size, then per word u16 length, UTF-8 bytes, u8 XPOS,
    /// u8 UPOS (sorted by word); u32 lexicon size, then per word u16 length,
    /// UTF-8 bytes (sorted); u32 feature count, then per feature (sorted by
    /// hash) u64 hash, u8 n, n x (u8 class, i16 weight).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(16 + self.keys.len() * 10 + self.entries.len() * 3);
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&(NX as u32).to_le_bytes());
        b.extend_from_slice(&(NU as u32).to_le_bytes());
        b.push(self.has_upos_head as u8);
        b.extend_from_slice(&self.scale.to_le_bytes());
        b.extend_from_slice(&(self.tagdict.len() as u32).to_le_bytes());
        for (w, x, u) in &self.tagdict {
            b.extend_from_slice(&(w.len() as u16).to_le_bytes());
            b.extend_from_slice(w.as_bytes());
            b.push(x.0);
            b.push(u.index() as u8);
        }
        b.extend_from_slice(&(self.lexicon.len() as u32).to_le_bytes());
        for w in &self.lexicon {
            b.extend_from_slice(&(w.len() as u16).to_le_bytes());
            b.extend_from_slice(w.as_bytes());
        }
        b.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        for (j, &(key, start)) in self.keys.iter().enumerate() {
            let end = self.keys.get(j + 1).map_or(self.entries.len(), |k| k.1 as usize);
            b.extend_from_slice(&key.to_le_bytes());
            b.push((end - start as usize) as u8);
            for &(c, q) in &self.entries[start as usize..end] {
                b.push(c);
                b.extend_from_slice(&q.to_le_bytes());
            }
        }
        b
    }

    /// Reads a model written by [`PosTagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<PosTagger, PosModelError> {
        let mut r = Reader { b: bytes, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(PosModelError::BadMagic);
        }
        if r.u32()? as usize != NX || r.u32()? as usize != NU {
            return Err(PosModelError::Corrupt("tag set size"));
        }
        let has_upos_head = r.u8()? != 0;
        let scale = f32::from_le_bytes(r.take(4)?.try_into().expect("4 bytes"));
        let nd = r.u32()? as usize;
        let mut tagdict = Vec::with_capacity(nd.min(1 << 20));
        for _ in 0..nd {
            let len = r.u16()? as usize;
            let w = std::str::from_utf8(r.take(len)?).map_err(|_| PosModelError::Corrupt("tag dictionary word"))?;
            let x = Xpos::from_index(r.u8()? as usize).ok_or(PosModelError::Corrupt("xpos"))?;
            let u = *UPOS_TAGS.get(r.u8()? as usize).ok_or(PosModelError::Corrupt("upos"))?;
            tagdict.push((w.to_string(), x, u));
        }
        let nl = r.u32()? as usize;
        let mut lexicon = Vec::with_capacity(nl.min(1 << 20));
        for _ in 0..nl {
            let len = r.u16()? as usize;
            let w = std::str::from_utf8(r.take(len)?).map_err(|_| PosModelError::Corrupt("lexicon word"))?;
            lexicon.push(w.to_string());
        }
        let nf = r.u32()? as usize;
        let mut keys = Vec::with_capacity(nf.min(1 << 24));
        let mut runs = Vec::with_capacity(nf.min(1 << 24));
        let mut entries = Vec::new();
        for _ in 0..nf {
            keys.push(r.u64()?);
            let n = r.u8()? as u32;
            if n == 0 || u32::try_from(entries.len() + n as usize).is_err() {
                return Err(PosModelError::Corrupt("weight run"));
            }
            runs.push((entries.len() as u32, n));
            for _ in 0..n {
                let c = r.u8()?;
                if c as usize >= NX + NU {
                    return Err(PosModelError::Corrupt("class"));
                }
                let q = i16::from_le_bytes(r.take(2)?.try_into().expect("2 bytes"));
                entries.push((c, q));
            }
        }
        if r.pos != bytes.len() {
            return Err(PosModelError::Corrupt("trailing bytes"));
        }
        Ok(Self::assemble(scale, tagdict, lexicon, keys, runs, entries, has_upos_head))
    }

    /// Number of features with at least one weight.
    pub fn feature_count(&self) -> usize {
        self.keys.len()
    }

    /// Number of words in the tag dictionary.
    pub fn tagdict_len(&self) -> usize {
        self.tagdict.len()
    }

    /// Number of words in the lexicon (words whose lexical feature weights
    /// are summed at load).
    pub fn lexicon_len(&self) -> usize {
        self.lexicon.len()
    }

    /// Whether UPOS comes from the learned head (else from [`Upos::from_xpos`]).
    pub fn has_upos_head(&self) -> bool {
        self.has_upos_head
    }

    /// The tag pair of `w` in the tag dictionary.
    #[inline]
    fn lookup(&self, w: &str, form: u64) -> Option<(Xpos, Upos)> {
        let (i, _) = self.tagdict_index.get(form)?;
        let (dw, x, u) = &self.tagdict[i];
        (dw == w).then_some((*x, *u))
    }

    /// The summed lexical weights of `w`, if it is in the lexicon.
    #[inline]
    fn lexicon_row(&self, w: &str, form: u64) -> Option<&[i16; ROW]> {
        let (i, _) = self.lexicon_index.get(form)?;
        (self.lexicon[i] == w).then(|| &self.lexicon_rows[i])
    }

    /// Adds the weights of `feats` to `scores`. The home slots of all
    /// features are read first, with no branch between the reads, so that
    /// their cache misses overlap; then the slots are resolved and their
    /// weights added.
    #[inline]
    fn add_scores(&self, feats: &[u64], scores: &mut [i16; SCORE_SLOTS]) {
        const CHUNK: usize = 32;
        let t = &self.table;
        for feats in feats.chunks(CHUNK) {
            let mut first = [WeightSlot::EMPTY; CHUNK];
            for (s, &f) in first.iter_mut().zip(feats) {
                *s = t.slots[t.home(f)];
            }
            for (&f, &s) in feats.iter().zip(&first) {
                let Some(s) = t.resolve(f, s) else { continue };
                if s.class[0] == DENSE {
                    let r = s.weight[0] as u16 as usize | (s.weight[1] as u16 as usize) << 16;
                    add_row(scores, &t.rows[r]);
                } else {
                    for j in 0..4 {
                        let a = &mut scores[s.class[j] as usize & (SCORE_SLOTS - 1)];
                        *a = a.saturating_add(s.weight[j]);
                    }
                }
            }
        }
    }

    /// Tags a tokenised sentence: one (PTB tag, UPOS tag) per token.
    pub fn tag(&self, words: &[&str]) -> Vec<(Xpos, Upos)> {
        let mut out = Vec::with_capacity(words.len());
        self.tag_into(words, &mut out);
        out
    }

    /// As [`PosTagger::tag`], appending to `out` (not cleared).
    pub fn tag_into(&self, words: &[&str], out: &mut Vec<(Xpos, Upos)>) {
        self.tag_impl(words, false, out)
    }

    /// As [`PosTagger::tag`], but with `map_upos` the UPOS tags come from the
    /// fixed map [`Upos::from_xpos`] instead of the learned head.
    pub fn tag_with_map(&self, words: &[&str], map_upos: bool) -> Vec<(Xpos, Upos)> {
        let mut out = Vec::with_capacity(words.len());
        self.tag_impl(words, map_upos, &mut out);
        out
    }

    /// Greedy left-to-right XPOS pass; the UPOS classes are scored by the same
    /// features in the same pass (the UPOS head's features are those of the
    /// XPOS pass plus [`upos_features`], which need the XPOS of the words
    /// after, so they are added in a second, cheap pass).
    fn tag_impl(&self, words: &[&str], map_upos: bool, out: &mut Vec<(Xpos, Upos)>) {
        SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut scratch) => self.tag_with(words, map_upos, &mut scratch, out),
            Err(_) => self.tag_with(words, map_upos, &mut Scratch::default(), out),
        })
    }

    fn tag_with(&self, words: &[&str], map_upos: bool, scratch: &mut Scratch, out: &mut Vec<(Xpos, Upos)>) {
        let head = self.has_upos_head && !map_upos;
        let Scratch { prepared: s, xs, pending, feats } = scratch;
        s.prepare(words);
        xs.clear();
        pending.clear();
        out.reserve(words.len());
        let (mut prev, mut prev2) = (Xpos::START, Xpos::START2);
        for (i, &word) in words.iter().enumerate() {
            let x = if let Some((x, u)) = self.lookup(word, s.at(i, 0).form) {
                pending.push(Ok(u));
                x
            } else {
                feats.clear();
                let mut scores = [0i16; SCORE_SLOTS];
                scores[..ROW].copy_from_slice(&self.transitions[prev.index() * N_PREV + prev2.index()]);
                match self.lexicon_row(word, s.at(i, 0).form) {
                    Some(row) => add_row(&mut scores, row),
                    None => lexical_features(s.at(i, 0), feats),
                }
                context_features(s, i, prev, feats);
                self.add_scores(feats, &mut scores);
                pending.push(Err(scores[NX..NX + NU].try_into().expect("NU scores")));
                Xpos(argmax(&scores[..NX]) as u8)
            };
            xs.push(x);
            prev2 = prev;
            prev = x;
        }
        for (i, (&x, p)) in xs.iter().zip(pending.iter()).enumerate() {
            let u = match p {
                _ if !head => Upos::from_xpos(x),
                Ok(u) => *u,
                Err(upos_scores) => {
                    feats.clear();
                    upos_features(s, i, xs, feats);
                    let mut scores = [0i16; SCORE_SLOTS];
                    scores[NX..NX + NU].copy_from_slice(upos_scores);
                    self.add_scores(feats, &mut scores);
                    UPOS_TAGS[argmax(&scores[NX..NX + NU])]
                }
            };
            // The heads disagree on a gerund read as a noun ("issued a
            // ruling against"): follow the UPOS head, which sees the XPOS
            // of the words around, so that clauses find no verb there
            // (XPOS accuracy unchanged on EWT and GUM dev).
            let x = if head && u == Upos::NOUN && x == VBG { NN } else { x };
            out.push((x, u));
        }
    }
}

/// Gerund or present participle, and singular noun.
const VBG: Xpos = Xpos(17);
const NN: Xpos = Xpos(0);

/// Adds a dense row of weights to the scores, saturating (vectorised by
/// the compiler, 8 lanes an instruction).
#[inline]
fn add_row(scores: &mut [i16; SCORE_SLOTS], row: &[i16; ROW]) {
    let acc: &mut [i16; ROW] = (&mut scores[..ROW]).try_into().expect("ROW <= SCORE_SLOTS");
    for k in 0..ROW {
        acc[k] = acc[k].saturating_add(row[k]);
    }
}

/// Index of the first maximum.
fn argmax<T: PartialOrd + Copy>(s: &[T]) -> usize {
    let mut best = 0;
    for (i, &v) in s.iter().enumerate() {
        if v > s[best] {
            best = i;
        }
    }
    best
}

// ---------------------------------------------------------------------------
// Training

/// One training sentence: words with gold tags.
#[derive(Debug, Clone)]
pub struct TrainSentence {
    /// Word forms.
    pub words: Vec<String>,
    /// Gold PTB tags.
    pub xpos: Vec<Xpos>,
    /// Gold UPOS tags.
    pub upos: Vec<Upos>,
}

#[derive(Clone, Copy, Default)]
struct Param {
    w: i32,
    total: f64,
    ts: u64,
}

/// Averaged-perceptron trainer. Deterministic: fixed epochs, seeded
/// xorshift shuffling, weights written in sorted order.
pub struct Trainer {
    weights: IdMap<Vec<(u8, Param)>>,
    tagdict: HashMap<String, (Xpos, Upos)>,
    tagdict_list: Vec<(String, Xpos, Upos)>,
    lexicon: Vec<String>,
    instances: u64,
    upos_head: bool,
}

impl Trainer {
    /// A trainer whose tag dictionary is built from `data`: words seen at
    /// least `min_freq` times with one (XPOS, UPOS) pair at least `min_share`
    /// of the time. The other words seen at least `lexicon_min` times form the
    /// lexicon (their lexical feature weights are summed once, at load). With
    /// `upos_head` the UPOS head is trained too.
    pub fn new(data: &[TrainSentence], min_freq: u32, min_share: f64, lexicon_min: u32, upos_head: bool) -> Trainer {
        let mut counts: std::collections::BTreeMap<&str, std::collections::BTreeMap<(Xpos, Upos), u32>> =
            Default::default();
        for s in data {
            for ((w, x), u) in s.words.iter().zip(&s.xpos).zip(&s.upos) {
                *counts.entry(w.as_str()).or_default().entry((*x, *u)).or_default() += 1;
            }
        }
        let mut tagdict_list = Vec::new();
        let mut lexicon = Vec::new();
        for (w, tags) in counts {
            let n: u32 = tags.values().sum();
            // First maximum in sorted order: deterministic.
            let (best, c) = tags.iter().fold((None, 0), |acc, (k, &c)| if c > acc.1 { (Some(*k), c) } else { acc });
            if let Some((x, u)) = best {
                if n >= min_freq && f64::from(c) / f64::from(n) >= min_share {
                    tagdict_list.push((w.to_string(), x, u));
                } else if n >= lexicon_min {
                    lexicon.push(w.to_string());
                }
            }
        }
        let tagdict = tagdict_list.iter().map(|(w, x, u)| (w.clone(), (*x, *u))).collect();
        Trainer { weights: IdMap::default(), tagdict, tagdict_list, lexicon, instances: 0, upos_head }
    }

    fn predict(&self, feats: &[u64], lo: usize, hi: usize) -> usize {
        let mut scores = [0i64; NX + NU];
        for f in feats {
            if let Some(v) = self.weights.get(f) {
                for (c, p) in v {
                    scores[*c as usize] += p.w as i64;
                }
            }
        }
        lo + argmax(&scores[lo..hi])
    }

    fn update(&mut self, truth: usize, guess: usize, feats: &[u64]) {
        if truth == guess {
            return;
        }
        let now = self.instances;
        for f in feats {
            let row = self.weights.entry(*f).or_default();
            for (class, delta) in [(truth, 1), (guess, -1)] {
                let idx = match row.iter().position(|(c, _)| *c as usize == class) {
                    Some(i) => i,
                    None => {
                        row.push((class as u8, Param::default()));
                        row.len() - 1
                    }
                };
                let p = &mut row[idx].1;
                p.total += (now - p.ts) as f64 * p.w as f64;
                p.ts = now;
                p.w += delta;
            }
        }
    }

    /// One pass over `data` in an order shuffled by `seed`; returns the
    /// XPOS accuracy of the predictions made while training.
    pub fn epoch(&mut self, data: &[TrainSentence], seed: u64) -> f64 {
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = XorShift(seed.max(1));
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let (mut correct, mut total) = (0usize, 0usize);
        let mut feats = Vec::with_capacity(40);
        let mut xs = Vec::new();
        let mut prepared = Prepared::new();
        for &si in &order {
            let s = &data[si];
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            prepared.prepare(&words);
            let (mut prev, mut prev2) = (Xpos::START, Xpos::START2);
            xs.clear();
            for (i, &word) in words.iter().enumerate() {
                let x = if let Some(&(x, _)) = self.tagdict.get(word) {
                    x
                } else {
                    feats.clear();
                    features(&prepared, i, prev, prev2, &mut feats);
                    let gx = self.predict(&feats, 0, NX);
                    self.update(s.xpos[i].index(), gx, &feats);
                    self.instances += 1;
                    Xpos(gx as u8)
                };
                correct += (x == s.xpos[i]) as usize;
                total += 1;
                xs.push(x);
                prev2 = prev;
                prev = x;
            }
            if !self.upos_head {
                continue;
            }
            for (i, &word) in words.iter().enumerate() {
                if self.tagdict.contains_key(word) {
                    continue;
                }
                feats.clear();
                let (prev, prev2) = previous_tags(&xs, i);
                features(&prepared, i, prev, prev2, &mut feats);
                upos_features(&prepared, i, &xs, &mut feats);
                let gu = self.predict(&feats, NX, NX + NU);
                self.update(NX + s.upos[i].index(), gu, &feats);
                self.instances += 1;
            }
        }
        correct as f64 / total.max(1) as f64
    }

    /// Averages the weights and builds the tagger, dropping `|w| < prune`.
    pub fn finish(self, prune: f32) -> PosTagger {
        let now = self.instances.max(1);
        let mut weights = Vec::new();
        for (f, row) in &self.weights {
            for (c, p) in row {
                let total = p.total + (now - p.ts) as f64 * p.w as f64;
                weights.push((*f, *c, (total / now as f64) as f32));
            }
        }
        PosTagger::from_weights(self.tagdict_list, self.lexicon, weights, prune, self.upos_head)
    }
}

/// xorshift64 generator for reproducible shuffling.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_deterministic_and_context_sensitive() {
        let mut words = Prepared::new();
        words.prepare(&["The", "minister", "signed", "it", "."]);
        let mut a = Vec::new();
        let mut b = Vec::new();
        features(&words, 1, Xpos::from_name("DT").unwrap(), Xpos::START, &mut a);
        features(&words, 1, Xpos::from_name("DT").unwrap(), Xpos::START, &mut b);
        assert_eq!(a, b);
        // Fixed hash: the features are constants across runs and builds.
        assert_eq!(a[0], 0xA076_1D64_78BD_642F);
        assert_eq!(form_hash("The"), 0x6cfe_e919_e21a_e1dc);
        let mut c = Vec::new();
        features(&words, 1, Xpos::from_name("NN").unwrap(), Xpos::START, &mut c);
        assert_ne!(a, c);
    }

    #[test]
    fn shipped_model_tags_plain_sentences() {
        let t = PosTagger::global();
        let s = "The minister signed the agreement in Paris on Monday .";
        let words: Vec<&str> = s.split(' ').collect();
        let tags: Vec<&str> = t.tag(&words).iter().map(|(x, _)| x.as_str()).collect();
        assert_eq!(tags, ["DT", "NN", "VBD", "DT", "NN", "IN", "NNP", "IN", "NNP", "."]);
        let upos: Vec<&str> = t.tag(&words).iter().map(|(_, u)| u.as_str()).collect();
        assert_eq!(upos, ["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"]);

        let words = ["She", "has", "been", "living", "in", "London", "since", "2019", "."];
        let tags: Vec<&str> = t.tag(&words).iter().map(|(x, _)| x.as_str()).collect();
        assert_eq!(tags, ["PRP", "VBZ", "VBN", "VBG", "IN", "NNP", "IN", "CD", "."]);
        let upos: Vec<&str> = t.tag(&words).iter().map(|(_, u)| u.as_str()).collect();
        assert_eq!(upos, ["PRON", "AUX", "AUX", "VERB", "ADP", "PROPN", "ADP", "NUM", "PUNCT"]);
    }

    #[test]
    fn lexicon_rows_give_the_same_tags_as_the_features() {
        let t = PosTagger::global();
        assert!(t.lexicon_len() > 1000);
        let mut bare = t.clone();
        bare.lexicon.clear();
        bare.lexicon_rows.clear();
        bare.lexicon_index = OpenTable::new(std::iter::empty::<(u64, u32, u32)>());
        let text = "Officials said on Tuesday that the talks in Geneva had stalled , and the minister \
                    warned that sanctions could follow if the ceasefire collapsed .";
        let words: Vec<&str> = text.split_whitespace().collect();
        assert!(words.iter().filter(|w| t.lexicon_row(w, form_hash(w)).is_some()).count() > 5);
        assert_eq!(t.tag(&words), bare.tag(&words));
    }

    #[test]
    fn odd_input_does_not_panic() {
        let t = PosTagger::global();
        assert!(t.tag(&[]).is_empty());
        let long = "a".repeat(5000);
        let long_multi = "é😀".repeat(2500);
        let words = ["😀", "\u{0}", "\u{7}\u{1b}[0m", "", " ", &long, &long_multi, "-", "1-2", "ǅ", "İ", "\u{feff}"];
        assert_eq!(t.tag(&words).len(), words.len());
        for i in 0..words.len() {
            assert_eq!(t.tag(&words[i..=i]).len(), 1);
        }
    }

    #[test]
    fn weights_round_trip() {
        let tagdict = vec![
            ("the".to_string(), Xpos::from_name("DT").unwrap(), Upos::DET),
            ("Paris".to_string(), Xpos::from_name("NNP").unwrap(), Upos::PROPN),
        ];
        let weights = vec![
            (7u64, 0u8, 1.5f32),
            (7, 3, -0.25),
            (u64::MAX, (NX + 2) as u8, 3.0),
            (42, 1, 0.000_01), // pruned
            (5, 2, -3.0),
        ];
        let lexicon = vec!["signed".to_string(), "Paris".to_string()];
        let m = PosTagger::from_weights(tagdict, lexicon, weights, 0.001, true);
        assert_eq!(m.feature_count(), 3);
        let bytes = m.to_bytes();
        let back = PosTagger::from_bytes(&bytes).unwrap();
        assert_eq!(back, m);
        assert_eq!(back.to_bytes(), bytes);
        assert!(PosTagger::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(PosTagger::from_bytes(b"nonsense").is_err());
    }

    #[test]
    fn shipped_model_round_trips() {
        let bytes = include_bytes!("../../data/models/pos.bin");
        assert_eq!(PosTagger::global().to_bytes(), bytes.as_slice());
    }

    #[test]
    fn upos_map_covers_all_tags() {
        assert_eq!(Upos::from_xpos(Xpos::from_name("NNP").unwrap()), Upos::PROPN);
        assert_eq!(Upos::from_xpos(Xpos::from_name("MD").unwrap()), Upos::AUX);
        assert_eq!(Upos::from_xpos(Xpos::from_name("HYPH").unwrap()), Upos::PUNCT);
        assert_eq!(Upos::from_xpos(Xpos::from_name("GW").unwrap()), Upos::X);
        for (i, name) in XPOS_TAGS.iter().enumerate() {
            assert_eq!(Xpos::from_name(name).unwrap().index(), i);
        }
        for u in UPOS_TAGS {
            assert_eq!(Upos::from_name(u.as_str()), Some(u));
        }
    }
}
