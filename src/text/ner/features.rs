//! The one feature function of the name tagger, shared by training and
//! inference ([`Context::features`]).
//!
//! Every feature is a 32-bit key: a template id mixed with 64-bit FNV-1a
//! hashes of word forms (or small codes), so nothing depends on a randomized
//! hasher and no `String` is built per token. Tokens that cannot start or
//! continue a name (no upper-case letter, no gazetteer hit, not a gazetteer
//! place in lower case, and no such token next to them) are *gated*:
//! labelled O without features or scoring.

use std::sync::LazyLock;

use super::Label;
use crate::gazetteer::{GazKind, Gazetteer};
use crate::text::pos::{IdMap, Upos, Xpos};

pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a over bytes, from a running state.
#[inline]
pub(crate) fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// 64-bit FNV-1a hash of a word.
#[inline]
#[must_use]
pub fn word_hash(word: &str) -> u64 {
    fnv(FNV_OFFSET, word.as_bytes())
}

/// 64-bit FNV-1a hash of the lower-cased word (no allocation).
#[must_use]
pub fn lower_hash(word: &str) -> u64 {
    if word.is_ascii() {
        let mut h = FNV_OFFSET;
        for b in word.bytes() {
            h ^= u64::from(b.to_ascii_lowercase());
            h = h.wrapping_mul(FNV_PRIME);
        }
        return h;
    }
    let mut h = FNV_OFFSET;
    let mut buf = [0u8; 4];
    for c in word.chars().flat_map(char::to_lowercase) {
        h = fnv(h, c.encode_utf8(&mut buf).as_bytes());
    }
    h
}

/// The feature key of a template and its values (never 0, the empty slot
/// of the weights table).
#[inline]
#[must_use]
pub fn key(template: u8, values: &[u64]) -> u32 {
    let mut h = FNV_OFFSET ^ u64::from(template);
    h = h.wrapping_mul(FNV_PRIME);
    for &v in values {
        h = (h ^ v).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        h ^= h >> 29;
    }
    let k = ((h >> 32) ^ h) as u32;
    k.max(1)
}

/// A word's shape, character by character: upper "X", lower "x", digit
/// "d", other kept, runs longer than 4 cut ("Xxxxx" for "Paris"); each
/// shape character comes with whether it starts a run.
fn shape_chars(word: &str) -> impl Iterator<Item = (char, bool)> + '_ {
    let (mut last, mut run) = ('\0', 0);
    word.chars().filter_map(move |c| {
        let s = shape_char(c);
        if s == last {
            run += 1;
        } else {
            (last, run) = (s, 1);
        }
        (run <= 4).then_some((s, run == 1))
    })
}

/// Hashes of a word's shape ([`shape`]) and of its short shape, every run
/// collapsed ("Xx").
fn shape_hashes(word: &str) -> (u64, u64) {
    let (mut h, mut hs) = (FNV_OFFSET, FNV_OFFSET);
    let mut buf = [0u8; 4];
    for (s, starts_run) in shape_chars(word) {
        let bytes = s.encode_utf8(&mut buf).as_bytes();
        h = fnv(h, bytes);
        if starts_run {
            hs = fnv(hs, bytes);
        }
    }
    (h, hs)
}

fn shape_char(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// Word shape as text ("Xxxxx" for "Paris"), for display and tests.
#[must_use]
pub fn shape(word: &str) -> String {
    shape_chars(word).map(|(s, _)| s).collect()
}

// Bits of the name lists.
const FIRST_NAME: u8 = 1;
const SURNAME: u8 = 2;
const COMMON: u8 = 4;

/// The maintained word lists (`data/gazetteer/`) keyed by word hash: name
/// lists by exact form, common words and single-word gazetteer names by
/// lower-case form.
struct Lexicon {
    /// Exact-form hash -> first name / surname bits.
    names: IdMap<u8>,
    /// Lower-case hash -> common-word bit and gazetteer kind bits (<< 3).
    lower: IdMap<u16>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut names: IdMap<u8> = IdMap::default();
    for w in crate::gazetteer::first_names() {
        *names.entry(word_hash(w)).or_default() |= FIRST_NAME;
    }
    for w in crate::gazetteer::surnames() {
        *names.entry(word_hash(w)).or_default() |= SURNAME;
    }
    let mut lower: IdMap<u16> = IdMap::default();
    for w in crate::gazetteer::common_words() {
        if w.chars().next().is_some_and(char::is_alphabetic) {
            *lower.entry(lower_hash(w)).or_default() |= u16::from(COMMON);
        }
    }
    let gaz = Gazetteer::global();
    for e in gaz.entries().iter().filter(|e| !e.actor) {
        let bit = 8u16 << gaz_code(e.kind);
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            if !n.contains(' ') && n.chars().next().is_some_and(char::is_alphabetic) {
                *lower.entry(lower_hash(n)).or_default() |= bit;
            }
        }
    }
    Lexicon { names, lower }
});

/// Gazetteer kinds (bits of [`gaz_code`]) that open a lower-case word:
/// country, city, region, continent.
const PLACE_KINDS: u16 = 0b1111;

fn gaz_code(kind: GazKind) -> u8 {
    match kind {
        GazKind::Country => 0,
        GazKind::City => 1,
        GazKind::Region => 2,
        GazKind::Continent => 3,
        GazKind::Organization => 4,
        GazKind::Demonym => 5,
    }
}

/// Document-level counts of word forms (by lower-case hash): how often a
/// form is capitalised in mid-sentence and how often it is written in
/// lower case. Built from every sentence of a document.
#[derive(Debug, Clone, Default)]
pub struct DocStats {
    counts: IdMap<(u16, u16)>,
}

impl DocStats {
    /// Counts the words of a document's sentences.
    #[must_use]
    pub fn new<'a>(sentences: impl IntoIterator<Item = &'a [&'a str]>) -> DocStats {
        let mut d = DocStats::default();
        for words in sentences {
            d.add(words);
        }
        d
    }

    /// Adds one sentence.
    pub fn add(&mut self, words: &[&str]) {
        for (i, w) in words.iter().enumerate() {
            let first = w.chars().next();
            let (cap_mid, low) = if first.is_some_and(char::is_uppercase) {
                (i > 0 && !opens_sentence(words[i - 1]), false)
            } else {
                (false, first.is_some_and(char::is_lowercase))
            };
            if cap_mid || low {
                let e = self.counts.entry(lower_hash(w)).or_default();
                e.0 = e.0.saturating_add(u16::from(cap_mid));
                e.1 = e.1.saturating_add(u16::from(low));
            }
        }
    }
}

/// Punctuation after which a capital letter is expected (a quote, colon...).
fn opens_sentence(prev: &str) -> bool {
    matches!(prev, "\"" | "``" | "“" | "‘" | "'" | ":" | "(" | "[" | "-" | "–" | "—" | "." | "?" | "!" | ";")
}

// Feature template ids.
mod tpl {
    pub const BIAS: u8 = 0;
    pub const WORD: u8 = 1;
    pub const LOWER: u8 = 2;
    pub const SHAPE: u8 = 3;
    pub const SHORT: u8 = 4;
    pub const PREFIX: u8 = 5; // 5..=8
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
    pub const POSITION: u8 = 32;
    pub const LOOKUP: u8 = 33;
    pub const NAME_PAIR: u8 = 34;
    pub const WORD_NEXT_SHAPE: u8 = 35;
    pub const PREV_WORD_SHAPE: u8 = 36;
    pub const SHAPE_NEXT_WORD: u8 = 37;
    pub const PREV2_WORD_SHAPE: u8 = 38;
    pub const POS: u8 = 39;
    pub const POS_M1: u8 = 40;
    pub const POS_P1: u8 = 41;
    pub const POS_SHAPE: u8 = 42;
    pub const POS_BIGRAM_L: u8 = 43;
    pub const POS_BIGRAM_R: u8 = 44;
    pub const POS_WORD: u8 = 45;
    pub const DOC: u8 = 46;
    pub const DOC_WORD: u8 = 47;
    pub const PRIOR: u8 = 48;
    pub const PRIOR_CAP: u8 = 49;
    pub const PRIOR_NEXT: u8 = 50;
    pub const UPOS3: u8 = 51;
    pub const POS_NEXT_WORD: u8 = 52;
    pub const PREV_WORD_POS: u8 = 53;
    pub const LOWER_CAP: u8 = 54;
    pub const RUN_LAST: u8 = 55;
    pub const RUN_LAST_AT: u8 = 56;
    pub const RUN_FIRST: u8 = 57;
    pub const RUN_BEFORE: u8 = 58;
    pub const RUN_AFTER: u8 = 59;
    pub const RUN_SHAPE: u8 = 63;
    pub const PREV: u8 = 60;
    pub const PREV_LOWER: u8 = 61;
    pub const PREV_SHAPE: u8 = 62;
}

/// The key of the label-pair feature (previous label, no other value).
#[must_use]
pub fn prev_key(prev: Label) -> u32 {
    key(tpl::PREV, &[prev.index() as u64])
}

/// Which feature groups are on (for measuring them on GUM dev).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeatureSet {
    /// Part-of-speech features.
    pub pos: bool,
    /// Document-level features.
    pub doc: bool,
    /// Transition features beside the label pair: 0 none, 1 word and shape
    /// with "previous label is O or not", 2 word and shape with the
    /// previous label.
    pub trans: u8,
    /// After decoding, one type per repeated name in a document.
    pub vote: bool,
    /// UPOS trigram, tag + next word, previous word + tag, lower-case word
    /// with capitalisation and sentence start.
    pub extra: bool,
    /// Features of the capitalised run a token is in: its first and last
    /// words, its length, the words before and after it.
    pub run: bool,
    /// Lower-case words that spell a gazetteer place are not gated.
    pub lower_places: bool,
}

impl FeatureSet {
    /// The shipped feature set.
    pub const SHIPPED: FeatureSet =
        FeatureSet { pos: true, doc: false, trans: 1, vote: true, extra: false, run: false, lower_places: true };
}

const BOS: u64 = 0x5f3c_0001;
const EOS: u64 = 0x5f3c_0002;

/// Per-token values every neighbour's features may read.
#[derive(Debug, Clone, Copy, Default)]
struct Tok {
    lower: u64,
    shape: u64,
    gaz: u64,
    names: u8,
    pos: u64,
    upos: u64,
}

/// A sentence prepared for tagging: which tokens are gated, and the static
/// features of the others (computed once).
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Whether token i may be part of a name (not gated).
    open: Vec<bool>,
    /// Static feature keys of token i: `feats[offsets[i]..offsets[i + 1]]`.
    feats: Vec<u32>,
    offsets: Vec<u32>,
    lower: Vec<u64>,
    shape: Vec<u64>,
    trans: u8,
}

impl Context {
    /// Prepares a sentence with the shipped features, running no
    /// part-of-speech tagger: `tags` (one per word) come from the caller;
    /// `doc` gives document counts (`None`: the sentence alone).
    #[must_use]
    pub fn new(words: &[&str], tags: &[(Xpos, Upos)], doc: Option<&DocStats>) -> Context {
        Context::with_features(words, tags, doc, &[], FeatureSet::SHIPPED)
    }

    /// As [`Context::new`] with a chosen feature set and, for the second
    /// pass, per-token codes of the first pass's names elsewhere in the
    /// document ([`prior_codes`]; empty in the first pass).
    #[must_use]
    pub fn with_features(
        words: &[&str],
        tags: &[(Xpos, Upos)],
        doc: Option<&DocStats>,
        prior: &[u64],
        fs: FeatureSet,
    ) -> Context {
        let n = words.len();
        let mut ctx = Context {
            open: vec![false; n],
            feats: Vec::new(),
            offsets: Vec::with_capacity(n + 1),
            lower: Vec::with_capacity(n),
            shape: Vec::with_capacity(n),
            trans: fs.trans,
        };
        let upper: Vec<bool> = words.iter().map(|w| w.chars().any(char::is_uppercase)).collect();
        ctx.lower.extend(words.iter().map(|w| lower_hash(w)));
        let gaz = gazetteer_tags(words, &upper);
        let mut cand = vec![false; n];
        let lex = &*LEXICON;
        for i in 0..n {
            // A lower-case word opens too when it spells a place in the
            // gazetteer ("florida"), if asked.
            let place =
                fs.lower_places && !upper[i] && lex.lower.get(&ctx.lower[i]).is_some_and(|b| b >> 3 & PLACE_KINDS != 0);
            if upper[i] || gaz[i] != 0 || place {
                cand[i.saturating_sub(1)] = true;
                cand[i] = true;
                if i + 1 < n {
                    cand[i + 1] = true;
                }
            }
        }
        ctx.open.copy_from_slice(&cand);
        // Token values for the open tokens and their neighbours (±2).
        let mut toks = vec![Tok::default(); n];
        for i in 0..n {
            let lower = ctx.lower[i];
            let near = (i.saturating_sub(2)..(i + 3).min(n)).any(|j| cand[j]);
            if !near {
                // Read by no feature: far from every open token.
                ctx.shape.push(0);
                continue;
            }
            let (shape, _) = shape_hashes(words[i]);
            ctx.shape.push(shape);
            let mut names = lex.names.get(&word_hash(words[i])).copied().unwrap_or(0);
            if lex.lower.get(&lower).is_some_and(|b| b & u16::from(COMMON) != 0) {
                names |= COMMON;
            }
            let pos = tags.get(i).map_or(0, |&(x, _)| x.index() as u64 + 1);
            let upos = tags.get(i).map_or(0, |&(_, u)| u.index() as u64 + 1);
            toks[i] = Tok { lower, shape, gaz: gaz[i], names, pos, upos };
        }
        let get = |i: isize| -> Tok {
            if i < 0 {
                Tok { lower: BOS, shape: BOS, gaz: BOS, names: 0x40, pos: BOS, upos: BOS }
            } else if i as usize >= n {
                Tok { lower: EOS, shape: EOS, gaz: EOS, names: 0x80, pos: EOS, upos: EOS }
            } else {
                toks[i as usize]
            }
        };
        let runs = if fs.run { capitalised_runs(words) } else { Vec::new() };
        let mut scratch: Vec<char> = Vec::with_capacity(32);
        for i in 0..n {
            ctx.offsets.push(ctx.feats.len() as u32);
            if !cand[i] {
                continue;
            }
            let f = &mut ctx.feats;
            let w = words[i];
            let ii = i as isize;
            let (t, m1, m2, p1, p2) = (toks[i], get(ii - 1), get(ii - 2), get(ii + 1), get(ii + 2));
            let l = t.lower;
            f.push(key(tpl::BIAS, &[]));
            f.push(key(tpl::WORD, &[word_hash(w)]));
            f.push(key(tpl::LOWER, &[l]));
            f.push(key(tpl::SHAPE, &[t.shape]));
            f.push(key(tpl::SHORT, &[shape_hashes(w).1]));
            scratch.clear();
            scratch.extend(w.chars().flat_map(char::to_lowercase));
            let nc = scratch.len();
            let mut buf = [0u8; 4];
            let (mut ph, mut sh) = (FNV_OFFSET, FNV_OFFSET);
            for k in 1..=4usize.min(nc) {
                ph = fnv(ph, scratch[k - 1].encode_utf8(&mut buf).as_bytes());
                sh = fnv(sh, scratch[nc - k].encode_utf8(&mut buf).as_bytes());
                f.push(key(tpl::PREFIX + k as u8 - 1, &[ph]));
                f.push(key(tpl::SUFFIX + k as u8 - 1, &[sh]));
            }
            let first_upper = w.chars().next().is_some_and(char::is_uppercase);
            let mut flags = 0u64;
            if first_upper {
                flags |= 1;
            }
            if w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase) {
                flags |= 2;
            }
            if w.bytes().any(|c| c.is_ascii_digit()) {
                flags |= 4;
            }
            if w.contains('-') {
                flags |= 8;
            }
            if w.contains('.') {
                flags |= 16;
            }
            let cap = u64::from(first_upper);
            f.push(key(tpl::FLAGS, &[flags]));
            let position = if i == 0 {
                0
            } else if i + 1 == n {
                1
            } else {
                2
            };
            f.push(key(tpl::POSITION, &[position, cap]));
            if i == 0 {
                f.push(key(tpl::FIRST_LOWER, &[l]));
            }
            if fs.extra {
                f.push(key(tpl::LOWER_CAP, &[l, cap, u64::from(i == 0)]));
            }
            f.push(key(tpl::LOWER_M2, &[m2.lower]));
            f.push(key(tpl::LOWER_M1, &[m1.lower]));
            f.push(key(tpl::LOWER_P1, &[p1.lower]));
            f.push(key(tpl::LOWER_P2, &[p2.lower]));
            f.push(key(tpl::SHAPE_M2, &[m2.shape]));
            f.push(key(tpl::SHAPE_M1, &[m1.shape]));
            f.push(key(tpl::SHAPE_P1, &[p1.shape]));
            f.push(key(tpl::SHAPE_P2, &[p2.shape]));
            f.push(key(tpl::BIGRAM_L, &[m1.lower, l]));
            f.push(key(tpl::BIGRAM_R, &[l, p1.lower]));
            f.push(key(tpl::SHAPE3, &[m1.shape, t.shape, p1.shape]));
            f.push(key(tpl::GAZ, &[t.gaz]));
            f.push(key(tpl::GAZ_M1, &[m1.gaz]));
            f.push(key(tpl::GAZ_P1, &[p1.gaz]));
            let kinds = if w.chars().next().is_some_and(char::is_alphabetic) {
                lex.lower.get(&l).map_or(0, |b| b >> 3)
            } else {
                0
            };
            f.push(key(tpl::LOOKUP, &[u64::from(kinds), cap]));
            f.push(key(tpl::NAME_PAIR, &[u64::from(m1.names), u64::from(t.names)]));
            f.push(key(tpl::WORD_NEXT_SHAPE, &[l, p1.shape]));
            f.push(key(tpl::PREV_WORD_SHAPE, &[m1.lower, t.shape]));
            f.push(key(tpl::SHAPE_NEXT_WORD, &[t.shape, p1.lower]));
            f.push(key(tpl::PREV2_WORD_SHAPE, &[m2.lower, t.shape]));
            for bit in [FIRST_NAME, SURNAME, COMMON] {
                if t.names & bit != 0 {
                    f.push(key(tpl::NAMES, &[u64::from(bit), cap]));
                }
                if m1.names & bit != 0 {
                    f.push(key(tpl::NAMES_M1, &[u64::from(bit)]));
                }
                if p1.names & bit != 0 {
                    f.push(key(tpl::NAMES_P1, &[u64::from(bit)]));
                }
            }
            if fs.pos && !tags.is_empty() {
                f.push(key(tpl::POS, &[t.pos]));
                f.push(key(tpl::POS_M1, &[m1.pos]));
                f.push(key(tpl::POS_P1, &[p1.pos]));
                f.push(key(tpl::POS_SHAPE, &[t.pos, t.shape]));
                f.push(key(tpl::POS_BIGRAM_L, &[m1.pos, t.pos]));
                f.push(key(tpl::POS_BIGRAM_R, &[t.pos, p1.pos]));
                f.push(key(tpl::POS_WORD, &[t.pos, l]));
                if fs.extra {
                    f.push(key(tpl::UPOS3, &[m1.upos, t.upos, p1.upos]));
                    f.push(key(tpl::POS_NEXT_WORD, &[t.pos, p1.lower]));
                    f.push(key(tpl::PREV_WORD_POS, &[m1.lower, t.pos]));
                }
            }
            if let Some(&(a, b)) = runs.get(i).filter(|r| r.1 > r.0) {
                let (a, b) = (a as usize, b as usize);
                let at = (i - a).min(3) as u64;
                let len = (b - a).min(4) as u64;
                let (first, last) = (toks[a].lower, toks[b - 1].lower);
                let before = get(a as isize - 1).lower;
                let after = get(b as isize).lower;
                f.push(key(tpl::RUN_LAST, &[last]));
                f.push(key(tpl::RUN_LAST_AT, &[last, at, len]));
                f.push(key(tpl::RUN_FIRST, &[first, at]));
                f.push(key(tpl::RUN_BEFORE, &[before, at]));
                f.push(key(tpl::RUN_AFTER, &[after]));
                f.push(key(tpl::RUN_SHAPE, &[at, len, u64::from(a == 0)]));
            }
            if let Some(&code) = prior.get(i) {
                f.push(key(tpl::PRIOR, &[code]));
                f.push(key(tpl::PRIOR_CAP, &[code, cap, u64::from(i == 0)]));
                f.push(key(tpl::PRIOR_NEXT, &[code, prior.get(i + 1).copied().unwrap_or(EOS)]));
            }
            if fs.doc {
                let own = doc.map_or((0, 0), |d| d.counts.get(&l).copied().unwrap_or((0, 0)));
                // Counts elsewhere in the document (this occurrence removed).
                let mid_here = first_upper && i > 0 && !opens_sentence(words[i - 1]);
                let low_here = !first_upper && w.chars().next().is_some_and(char::is_lowercase);
                let cap_elsewhere = own.0.saturating_sub(u16::from(mid_here && doc.is_some())) > 0;
                let low_elsewhere = own.1.saturating_sub(u16::from(low_here && doc.is_some())) > 0;
                let code = u64::from(cap_elsewhere) | u64::from(low_elsewhere) << 1;
                f.push(key(tpl::DOC, &[code, cap, u64::from(mid_here)]));
                f.push(key(tpl::DOC_WORD, &[code, t.shape]));
            }
        }
        ctx.offsets.push(ctx.feats.len() as u32);
        ctx
    }

    /// Number of tokens.
    #[must_use]
    pub fn len(&self) -> usize {
        self.open.len()
    }

    /// Whether the sentence is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.open.is_empty()
    }

    /// Whether token `i` may be part of a name (gated tokens are O).
    #[must_use]
    pub fn is_open(&self, i: usize) -> bool {
        self.open[i]
    }

    /// The features of token `i` that do not depend on the labels (empty
    /// for a gated token).
    #[must_use]
    pub fn static_features(&self, i: usize) -> &[u32] {
        &self.feats[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// The class of the previous label that the transition features see
    /// (O or not, or the label itself), or `None` when there are none.
    #[must_use]
    pub fn transition_class(&self, prev: Label) -> Option<usize> {
        match self.trans {
            0 => None,
            1 => Some(usize::from(prev != Label::O)),
            _ => Some(prev.index()),
        }
    }

    /// The features of token `i` that depend on the previous label, besides
    /// the label pair itself (`prev_key`).
    pub fn transition_features(&self, i: usize, prev: Label, out: &mut Vec<u32>) {
        out.clear();
        let Some(p) = self.transition_class(prev) else { return };
        let p = p as u64;
        out.push(key(tpl::PREV_LOWER, &[p, self.lower[i]]));
        out.push(key(tpl::PREV_SHAPE, &[p, self.shape[i]]));
    }

    /// All features of token `i` given the previous label: the one feature
    /// function of training and inference (static, label pair, transition).
    pub fn features(&self, i: usize, prev: Label, out: &mut Vec<u32>) {
        let mut t = Vec::new();
        self.transition_features(i, prev, &mut t);
        out.clear();
        out.extend_from_slice(self.static_features(i));
        out.push(prev_key(prev));
        out.extend_from_slice(&t);
    }
}

/// Second-pass codes, one per token of each sentence of a document: the
/// label (B or I of a type, as [`Label::index`]) the first pass gave this
/// word form (case-insensitively) most often in the *other* sentences of
/// the document, 0 when none (ties: the lower label index).
#[must_use]
pub fn prior_codes(sentences: &[&[&str]], first: &[Vec<Label>]) -> Vec<Vec<u64>> {
    let mut total: IdMap<[u16; super::N_LABELS]> = IdMap::default();
    let hashes: Vec<Vec<u64>> = sentences.iter().map(|w| w.iter().map(|x| lower_hash(x)).collect()).collect();
    for (hs, labels) in hashes.iter().zip(first) {
        for (h, l) in hs.iter().zip(labels) {
            if *l != Label::O {
                total.entry(*h).or_default()[l.index()] += 1;
            }
        }
    }
    hashes
        .iter()
        .zip(first)
        .map(|(hs, labels)| {
            hs.iter()
                .map(|h| {
                    let Some(counts) = total.get(h) else { return 0 };
                    let mut c = *counts;
                    for (h2, l) in hs.iter().zip(labels) {
                        if h2 == h && *l != Label::O {
                            c[l.index()] -= 1;
                        }
                    }
                    let mut best = 0;
                    for (k, &v) in c.iter().enumerate().skip(1) {
                        if v > 0 && (best == 0 || v > c[best]) {
                            best = k;
                        }
                    }
                    best as u64
                })
                .collect()
        })
        .collect()
}

/// For each token, the capitalised run it is in as `(start, end)` (empty,
/// `(0, 0)`, for a token outside any): consecutive words starting with an
/// upper-case letter, joined across one "of", "the", "and", "&", "de",
/// "for" when a capitalised word follows ("Bank of England").
fn capitalised_runs(words: &[&str]) -> Vec<(u32, u32)> {
    let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let n = words.len();
    let mut out = vec![(0u32, 0u32); n];
    let mut i = 0;
    while i < n {
        if !cap(words[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < n && cap(words[end]) {
                end += 1;
            } else if end + 1 < n
                && matches!(words[end], "of" | "the" | "and" | "&" | "de" | "for")
                && cap(words[end + 1])
            {
                end += 2;
            } else {
                break;
            }
        }
        for o in &mut out[start..end] {
            *o = (start as u32, end as u32);
        }
        i = end;
    }
    out
}

/// Gazetteer position of each token as a small code (0: none; else B/I and
/// the entry kind). Only searched when a token has an upper-case letter.
fn gazetteer_tags(words: &[&str], upper: &[bool]) -> Vec<u64> {
    let mut tags = vec![0u64; words.len()];
    if !upper.iter().any(|&u| u) {
        return tags;
    }
    let mut text = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
    let mut starts = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        starts.push(text.len());
        text.push_str(w);
    }
    let gaz = Gazetteer::global();
    for m in gaz.find_curated(&text) {
        let Some(&id) = m.ids.first() else { continue };
        let kind = u64::from(gaz_code(gaz.entry(id).kind)) + 1;
        let first = starts.partition_point(|&s| s < m.span.start());
        for (i, &s) in starts.iter().enumerate().skip(first) {
            if s >= m.span.end() {
                break;
            }
            if tags[i] == 0 {
                tags[i] = kind * 2 + u64::from(i != first);
            }
        }
    }
    tags
}
