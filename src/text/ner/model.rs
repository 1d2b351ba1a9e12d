//! Weights, decoding and training of the name tagger: a compact
//! open-addressing table of quantised weights, first-order Viterbi under BIO
//! constraints over the open (not gated) runs of a sentence, and the
//! averaged structured-perceptron trainer.

use super::features::{prev_key, Context};
use super::{Label, N_LABELS};

/// Something that scores feature lists for every label.
pub(crate) trait Scorer {
    /// Adds the weights of `feats` to `scores`.
    fn add(&self, feats: &[u32], scores: &mut [f32; N_LABELS]);
    /// The weights of the label-pair feature of `prev`.
    fn prev_row(&self, prev: Label) -> [f32; N_LABELS] {
        let mut s = [0f32; N_LABELS];
        self.add(&[prev_key(prev)], &mut s);
        s
    }
}

/// Trained weights: an open-addressing table (linear probing, load at most
/// one half) of feature keys (0 = empty slot), and beside it, slot by slot,
/// one quantised i16 weight per label, with a scale. Keys sit apart from
/// the weights so that a miss (most lookups) reads only the small key array.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    keys: Vec<u32>,
    weights: Vec<[i16; N_LABELS]>,
    mask: usize,
    scale: f32,
    n: usize,
    prev: [[f32; N_LABELS]; N_LABELS],
}

impl Default for Model {
    fn default() -> Model {
        Model::from_dense(Vec::new())
    }
}

const MAGIC: &[u8; 8] = b"KGNER02\0";

impl Model {
    /// Builds a model from dense weights per feature key (rows of zeros
    /// dropped), quantised to i16 with scale = max |w| / 32767.
    #[must_use]
    pub fn from_dense(mut rows: Vec<(u32, [f32; N_LABELS])>) -> Model {
        rows.retain(|r| r.1.iter().any(|&v| v != 0.0) && r.0 != 0);
        rows.sort_by_key(|r| r.0);
        let max = rows.iter().flat_map(|r| r.1).fold(0f32, |m, v| m.max(v.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let q = rows
            .into_iter()
            .map(|(k, w)| (k, w.map(|v| (v / scale).round().clamp(-32767.0, 32767.0) as i16)))
            .collect();
        Model::from_quantised(q, scale)
    }

    fn from_quantised(rows: Vec<(u32, [i16; N_LABELS])>, scale: f32) -> Model {
        let cap = (rows.len() * 2).next_power_of_two().max(16);
        let mut m = Model {
            keys: vec![0; cap],
            weights: vec![[0; N_LABELS]; cap],
            mask: cap - 1,
            scale,
            n: 0,
            prev: [[0.0; N_LABELS]; N_LABELS],
        };
        for (k, w) in rows {
            if k == 0 || w.iter().all(|&v| v == 0) {
                continue;
            }
            let mut s = k as usize & m.mask;
            while m.keys[s] != 0 && m.keys[s] != k {
                s = (s + 1) & m.mask;
            }
            if m.keys[s] == 0 {
                m.n += 1;
            }
            m.keys[s] = k;
            m.weights[s] = w;
        }
        for p in 0..N_LABELS {
            let mut row = [0f32; N_LABELS];
            m.add(&[prev_key(Label::from_index(p))], &mut row);
            m.prev[p] = row;
        }
        m
    }

    /// The slot of key `k`, if the table has it.
    #[inline]
    fn slot(&self, k: u32) -> Option<usize> {
        let mut s = k as usize & self.mask;
        loop {
            let key = self.keys[s];
            if key == k {
                return Some(s);
            }
            if key == 0 {
                return None;
            }
            s = (s + 1) & self.mask;
        }
    }

    /// Number of features with a weight.
    #[must_use]
    pub fn n_features(&self) -> usize {
        self.n
    }

    fn sorted_rows(&self) -> Vec<(u32, [i16; N_LABELS])> {
        let mut rows: Vec<_> =
            self.keys.iter().zip(&self.weights).filter(|(k, _)| **k != 0).map(|(&k, &w)| (k, w)).collect();
        rows.sort_by_key(|r| r.0);
        rows
    }

    /// Serialises, little-endian: magic, scale (f32), feature count (u32),
    /// then per feature (sorted by key) its key (u32), a u16 bit mask of the
    /// labels with a weight, and those weights (i16, times scale).
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let rows = self.sorted_rows();
        let mut out = Vec::with_capacity(16 + rows.len() * 10);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (k, w) in rows {
            out.extend_from_slice(&k.to_le_bytes());
            let mask = w.iter().enumerate().filter(|(_, v)| **v != 0).fold(0u16, |m, (l, _)| m | 1 << l);
            out.extend_from_slice(&mask.to_le_bytes());
            for v in w.iter().filter(|v| **v != 0) {
                out.extend_from_slice(&v.to_le_bytes());
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
        let rd = |p: usize, n: usize| -> Result<&[u8], String> {
            b.get(p..p + n).ok_or_else(|| "truncated model".to_string())
        };
        let scale = f32::from_le_bytes(rd(8, 4)?.try_into().map_err(|_| "truncated model")?);
        let n = u32::from_le_bytes(rd(12, 4)?.try_into().map_err(|_| "truncated model")?) as usize;
        let mut p = 16;
        let mut rows = Vec::with_capacity(n);
        for _ in 0..n {
            let k = u32::from_le_bytes(rd(p, 4)?.try_into().map_err(|_| "truncated model")?);
            let mask = u16::from_le_bytes(rd(p + 4, 2)?.try_into().map_err(|_| "truncated model")?);
            if mask >> N_LABELS != 0 {
                return Err("bad label in model".into());
            }
            p += 6;
            let mut w = [0i16; N_LABELS];
            for (l, v) in w.iter_mut().enumerate() {
                if mask & (1 << l) != 0 {
                    *v = i16::from_le_bytes(rd(p, 2)?.try_into().map_err(|_| "truncated model")?);
                    p += 2;
                }
            }
            rows.push((k, w));
        }
        Ok(Model::from_quantised(rows, scale))
    }

    /// Viterbi decoding with BIO constraints (gated tokens are O); also
    /// returns the softmax probability of each chosen label given the
    /// chosen previous label (1 for gated tokens).
    #[must_use]
    pub fn decode(&self, ctx: &Context) -> (Vec<Label>, Vec<f32>) {
        viterbi(self, ctx)
    }
}

impl Scorer for Model {
    #[inline]
    fn add(&self, feats: &[u32], scores: &mut [f32; N_LABELS]) {
        // The home slots of all features are read first, with no branch
        // between the reads, so that their cache misses overlap; then the
        // slots are resolved, and the weights of the hits read the same way.
        const CHUNK: usize = 32;
        let mut acc = [0i32; N_LABELS];
        for feats in feats.chunks(CHUNK) {
            let mut home = [0u32; CHUNK];
            for (h, &f) in home.iter_mut().zip(feats) {
                *h = self.keys[f as usize & self.mask];
            }
            let mut hits = [0usize; CHUNK];
            let mut n = 0;
            for (&f, &h) in feats.iter().zip(&home) {
                let slot = if h == f {
                    Some(f as usize & self.mask)
                } else if h == 0 {
                    None
                } else {
                    self.slot(f)
                };
                if let Some(s) = slot {
                    hits[n] = s;
                    n += 1;
                }
            }
            for &s in &hits[..n] {
                for (a, &w) in acc.iter_mut().zip(&self.weights[s]) {
                    *a += i32::from(w);
                }
            }
        }
        for (s, a) in scores.iter_mut().zip(acc) {
            *s += a as f32 * self.scale;
        }
    }

    fn prev_row(&self, prev: Label) -> [f32; N_LABELS] {
        self.prev[prev.index()]
    }
}

/// First-order Viterbi under BIO constraints over each maximal run of open
/// tokens (a gated token is O, so a run starts after O).
pub(crate) fn viterbi(w: &impl Scorer, ctx: &Context) -> (Vec<Label>, Vec<f32>) {
    let n = ctx.len();
    let mut labels = vec![Label::O; n];
    let mut probs = vec![1f32; n];
    let prev_rows: Vec<[f32; N_LABELS]> = (0..N_LABELS).map(|p| w.prev_row(Label::from_index(p))).collect();
    let mut feats = Vec::new();
    let mut local: Vec<[[f32; N_LABELS]; N_LABELS]> = Vec::new();
    let mut back: Vec<[u8; N_LABELS]> = Vec::new();
    let mut i = 0;
    while i < n {
        if !ctx.is_open(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && ctx.is_open(i) {
            i += 1;
        }
        let end = i;
        local.clear();
        for t in start..end {
            let mut st = [0f32; N_LABELS];
            w.add(ctx.static_features(t), &mut st);
            let mut table = [[f32::NEG_INFINITY; N_LABELS]; N_LABELS];
            let prevs = if t == start { 1 } else { N_LABELS };
            // Transition scores, once per class of previous label (the
            // features see only the class).
            let mut by_class = [None; N_LABELS];
            for (p, row) in table.iter_mut().enumerate().take(prevs) {
                let prev = Label::from_index(p);
                let tr = match ctx.transition_class(prev) {
                    None => [0f32; N_LABELS],
                    Some(class) => *by_class[class].get_or_insert_with(|| {
                        ctx.transition_features(t, prev, &mut feats);
                        let mut tr = [0f32; N_LABELS];
                        w.add(&feats, &mut tr);
                        tr
                    }),
                };
                let mut dy = st;
                for ((d, v), x) in dy.iter_mut().zip(&prev_rows[p]).zip(&tr) {
                    *d += v + x;
                }
                for (c, v) in row.iter_mut().enumerate() {
                    if Label::from_index(c).allowed_after(prev) {
                        *v = dy[c];
                    }
                }
            }
            local.push(table);
        }
        let len = end - start;
        back.clear();
        back.resize(len, [0; N_LABELS]);
        let mut best = local[0][0];
        for k in 1..len {
            let mut next = [f32::NEG_INFINITY; N_LABELS];
            for (c, nx) in next.iter_mut().enumerate() {
                for (p, b) in best.iter().enumerate() {
                    let v = b + local[k][p][c];
                    if v > *nx {
                        *nx = v;
                        back[k][c] = p as u8;
                    }
                }
            }
            best = next;
        }
        // The run is followed by O (a gated token) or the end: both allowed.
        let mut c = 0;
        for l in 1..N_LABELS {
            if best[l] > best[c] {
                c = l;
            }
        }
        let mut path = vec![0usize; len];
        for k in (0..len).rev() {
            path[k] = c;
            c = back[k][c] as usize;
        }
        // A token's confidence is its label's share of the max-marginals:
        // the best path through each label at that token (forward best
        // plus backward best), softmaxed. A local softmax would judge
        // "Maria" of "Maria Lopez" by its own score alone and miss that the
        // next token's I-PERSON needs its B-PERSON.
        if path.iter().all(|&c| c == 0) {
            // No name in the run: all O, and no confidence to compute.
            continue;
        }
        let mut forward = vec![[f32::NEG_INFINITY; N_LABELS]; len];
        forward[0] = local[0][0];
        for k in 1..len {
            for c in 0..N_LABELS {
                forward[k][c] =
                    (0..N_LABELS).map(|p| forward[k - 1][p] + local[k][p][c]).fold(f32::NEG_INFINITY, f32::max);
            }
        }
        let mut backward = vec![[0f32; N_LABELS]; len];
        for k in (0..len - 1).rev() {
            for p in 0..N_LABELS {
                backward[k][p] =
                    (0..N_LABELS).map(|c| local[k + 1][p][c] + backward[k + 1][c]).fold(f32::NEG_INFINITY, f32::max);
            }
        }
        for k in 0..len {
            labels[start + k] = Label::from_index(path[k]);
            if path[k] != 0 {
                let chosen = forward[k][path[k]] + backward[k][path[k]];
                let z: f32 = (0..N_LABELS)
                    .map(|c| forward[k][c] + backward[k][c])
                    .filter(|v| v.is_finite())
                    .map(|v| (v - chosen).exp())
                    .sum();
                probs[start + k] = if z > 0.0 { (1.0 / z).min(1.0) } else { 0.0 };
            }
        }
    }
    (labels, probs)
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
    /// `order`); returns the number of tokens decoded correctly. Gold names
    /// on gated tokens cannot be predicted and are read as O.
    pub fn epoch(&mut self, data: &[(Context, Vec<Label>)], order: &[usize]) -> usize {
        let mut correct = 0;
        let mut feats = Vec::new();
        for &d in order {
            let (ctx, gold) = &data[d];
            let gold: Vec<Label> =
                gold.iter().enumerate().map(|(i, &l)| if ctx.is_open(i) { l } else { Label::O }).collect();
            self.step += 1;
            let (guess, _) = viterbi(&*self, ctx);
            correct += guess.iter().zip(&gold).filter(|(a, b)| a == b).count();
            if guess == gold {
                continue;
            }
            for i in 0..gold.len() {
                if !ctx.is_open(i) {
                    continue;
                }
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
        Model::from_dense(self.averaged(prune))
    }

    /// The averaged weights per feature key (in first-seen order), those
    /// below `prune` in absolute value set to zero.
    #[must_use]
    pub fn averaged(&self, prune: f32) -> Vec<(u32, [f32; N_LABELS])> {
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
        rows
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
