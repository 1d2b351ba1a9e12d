//! Corpus loading and evaluation shared by `train_pos` and `eval_pos`.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use kgforge::text::conllu;
use kgforge::text::pos::{PosTagger, TrainSentence, Upos, Xpos};

/// Converts CoNLL-U sentences to tagger sentences (unknown tags: XX / X).
pub fn to_train(sents: Vec<conllu::Sentence>) -> Vec<TrainSentence> {
    sents
        .into_iter()
        .map(|s| TrainSentence {
            words: s.tokens.iter().map(|t| t.form.clone()).collect(),
            xpos: s.tokens.iter().map(|t| Xpos::from_name(&t.xpos).unwrap_or(Xpos::from_name("XX").unwrap())).collect(),
            upos: s.tokens.iter().map(|t| Upos::from_name(&t.upos).unwrap_or(Upos::X)).collect(),
        })
        .collect()
}

/// EWT split `train`, `dev` or `test`, in the order of `file-lists/files.<split>`.
pub fn load_ewt(root: &Path, split: &str) -> Result<Vec<TrainSentence>> {
    let dir = root.join("ud-english-ewt");
    let list = std::fs::read_to_string(dir.join("file-lists").join(format!("files.{split}")))
        .with_context(|| format!("reading EWT file list {split}"))?;
    let mut out = Vec::new();
    for line in list.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let path = dir.join("sources").join(line);
        out.extend(to_train(conllu::read_file(&path).with_context(|| format!("reading {}", path.display()))?));
    }
    Ok(out)
}

/// Document names per section of GUM's `splits.md` (`dev`, `test`, `test2`, `train`).
fn gum_section(root: &Path, section: &str) -> Result<BTreeSet<String>> {
    let text = std::fs::read_to_string(root.join("gum").join("splits.md")).context("reading gum/splits.md")?;
    let mut cur = String::new();
    let mut out = BTreeSet::new();
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            cur = h.trim().to_string();
        } else if let Some(name) = line.trim().strip_prefix("* ") {
            if cur == section {
                out.insert(name.trim().to_string());
            }
        }
    }
    Ok(out)
}

/// GUM documents of a split. `train` is every document in `gum/dep/` not
/// listed under dev, test or test2; the others are the listed documents
/// present in `gum/dep/` (the open-licence genres). Sorted by name.
pub fn load_gum(root: &Path, split: &str) -> Result<Vec<TrainSentence>> {
    let dep = root.join("gum").join("dep");
    let mut names: Vec<String> = std::fs::read_dir(&dep)
        .context("listing gum/dep")?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".conllu")).map(str::to_string))
        .collect();
    names.sort();
    let keep: Box<dyn Fn(&str) -> bool> = if split == "train" {
        let mut held = gum_section(root, "dev")?;
        held.extend(gum_section(root, "test")?);
        held.extend(gum_section(root, "test2")?);
        Box::new(move |n| !held.contains(n))
    } else {
        let listed = gum_section(root, split)?;
        Box::new(move |n| listed.contains(n))
    };
    let mut out = Vec::new();
    for n in names.iter().filter(|n| keep(n)) {
        let path = dep.join(format!("{n}.conllu"));
        out.extend(to_train(conllu::read_file(&path).with_context(|| format!("reading {}", path.display()))?));
    }
    Ok(out)
}

/// Accuracy figures on one data set.
pub struct Eval {
    /// Tokens.
    pub tokens: usize,
    /// XPOS accuracy.
    pub xpos: f64,
    /// UPOS accuracy with the learned head.
    pub upos_head: f64,
    /// UPOS accuracy with the fixed PTB -> UPOS map.
    pub upos_map: f64,
    /// Tokens per second (learned-head tagging).
    pub tokens_per_s: f64,
}

/// Evaluates `tagger` on `data`.
pub fn evaluate(tagger: &PosTagger, data: &[TrainSentence]) -> Eval {
    let (mut n, mut cx, mut cu, mut cm) = (0usize, 0usize, 0usize, 0usize);
    let words: Vec<Vec<&str>> = data.iter().map(|s| s.words.iter().map(String::as_str).collect()).collect();
    let t0 = Instant::now();
    let tagged: Vec<Vec<(Xpos, Upos)>> = words.iter().map(|w| tagger.tag(w)).collect();
    let secs = t0.elapsed().as_secs_f64();
    for ((s, w), t) in data.iter().zip(&words).zip(&tagged) {
        let mapped = tagger.tag_with_map(w, true);
        for i in 0..t.len() {
            n += 1;
            cx += (t[i].0 == s.xpos[i]) as usize;
            cu += (t[i].1 == s.upos[i]) as usize;
            cm += (mapped[i].1 == s.upos[i]) as usize;
        }
    }
    let d = n.max(1) as f64;
    Eval {
        tokens: n,
        xpos: cx as f64 / d,
        upos_head: cu as f64 / d,
        upos_map: cm as f64 / d,
        tokens_per_s: n as f64 / secs.max(1e-9),
    }
}

/// One printable line of figures.
pub fn line(name: &str, e: &Eval) -> String {
    format!(
        "{name:<10} tokens {:>6}  XPOS {:.2}%  UPOS(head) {:.2}%  UPOS(map) {:.2}%  {:.0} tok/s",
        e.tokens,
        100.0 * e.xpos,
        100.0 * e.upos_head,
        100.0 * e.upos_map,
        e.tokens_per_s
    )
}
