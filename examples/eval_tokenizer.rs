//! Measures the tokenizer (`kgforge::text::token`) against the gold tokens of
//! UD English EWT and GUM, and its speed on the newswire benchmark texts.
//!
//! `cargo run --release --example eval_tokenizer -- ../shared/corpora [--split test|dev|train] [--errors N]`
//!
//! Each sentence's `# text =` line is tokenized and compared with its gold
//! tokens, found by aligning the FORMs left to right against the text. A
//! token is right when its byte span is exactly a gold token's span. Three
//! gold standards are scored:
//! - `surface`: the treebank's surface tokens (a multiword token such as
//!   "don't" as one), the FORMs of plain-integer lines and of ranges;
//! - `surface, clitics joined`: the same, with the tokenizer's clitics joined
//!   back to their word ("do" "n't" as "don't"), as the treebank's surface
//!   tokens are before multiword tokens are split;
//! - `words`: the syntactic words ("do" "n't"), the words inside a range
//!   when they spell its surface form, which is how the tokenizer (Penn
//!   style) splits clitics;
//! - `words, hyphens joined`: as `words`, with "well" "-" "known" written
//!   without spaces counted as one token, since the tokenizer keeps
//!   hyphenated forms whole (Penn style, where UD splits them).
#![allow(clippy::print_stdout)]

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use kgforge::text::token::{tokenize, tokenize_into, TokenKind};

/// One gold sentence: its text and its tokens as byte spans, per standard.
struct Sentence {
    text: String,
    surface: Vec<(usize, usize)>,
    words: Vec<(usize, usize)>,
    hyphens: Vec<(usize, usize)>,
}

/// A CoNLL-U token line's surface form with the forms of its words (one
/// word for a plain token, the range's words for a multiword token).
struct Surface {
    form: String,
    words: Vec<String>,
}

fn parse_conllu(path: &Path, out: &mut Vec<Sentence>, unaligned: &mut usize) -> Result<()> {
    let content = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut text: Option<String> = None;
    let mut tokens: Vec<Surface> = Vec::new();
    let mut range_end = 0usize;
    for line in content.lines().chain(std::iter::once("")) {
        if line.is_empty() {
            if let Some(text) = text.take() {
                if !tokens.is_empty() {
                    match align(&text, &tokens) {
                        Some(sentence) => out.push(sentence),
                        None => *unaligned += 1,
                    }
                }
            }
            tokens.clear();
            range_end = 0;
            continue;
        }
        if let Some(t) = line.strip_prefix("# text = ") {
            text = Some(t.to_string());
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(id), Some(form)) = (cols.next(), cols.next()) else { continue };
        if let Some((a, b)) = id.split_once('-') {
            let (Ok(_), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) else { continue };
            range_end = b;
            tokens.push(Surface { form: form.to_string(), words: Vec::new() });
        } else if let Ok(n) = id.parse::<usize>() {
            if n <= range_end {
                if let Some(last) = tokens.last_mut() {
                    last.words.push(form.to_string());
                }
            } else {
                tokens.push(Surface { form: form.to_string(), words: vec![form.to_string()] });
            }
        }
    }
    Ok(())
}

/// Gold spans of the tokens, aligned left to right against the text.
fn align(text: &str, tokens: &[Surface]) -> Option<Sentence> {
    let mut surface = Vec::new();
    let mut words = Vec::new();
    let mut at = 0;
    for token in tokens {
        while let Some(c) = text[at..].chars().next().filter(|c| c.is_whitespace()) {
            at += c.len_utf8();
        }
        if !text[at..].starts_with(token.form.as_str()) {
            return None;
        }
        let end = at + token.form.len();
        surface.push((at, end));
        if token.words.len() > 1 && token.words.concat() == token.form {
            let mut w = at;
            for word in &token.words {
                words.push((w, w + word.len()));
                w += word.len();
            }
        } else {
            words.push((at, end));
        }
        at = end;
    }
    // Hyphens joined: word "-" word with no space between.
    let mut hyphens: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (start, mut end) = words[i];
        while i + 2 < words.len()
            && &text[words[i + 1].0..words[i + 1].1] == "-"
            && words[i + 1].0 == end
            && words[i + 2].0 == words[i + 1].1
            && text[end..].starts_with('-')
            && text[..end].ends_with(char::is_alphanumeric)
            && text[words[i + 2].0..].starts_with(char::is_alphanumeric)
        {
            end = words[i + 2].1;
            i += 2;
        }
        hyphens.push((start, end));
        i += 1;
    }
    Some(Sentence { text: text.to_string(), surface, words, hyphens })
}

fn ewt_files(root: &Path, split: &str) -> Result<Vec<PathBuf>> {
    let ewt = root.join("ud-english-ewt");
    let list = fs::read_to_string(ewt.join("file-lists").join(format!("files.{split}")))?;
    Ok(list.lines().map(str::trim).filter(|l| !l.is_empty()).map(|l| ewt.join("sources").join(l)).collect())
}

fn gum_files(root: &Path, split: &str) -> Result<Vec<PathBuf>> {
    let splits = fs::read_to_string(root.join("gum").join("splits.md"))?;
    let mut section = "";
    let mut docs = Vec::new();
    for line in splits.lines() {
        if let Some(name) = line.strip_prefix("## ") {
            section = name.trim();
        } else if let Some(doc) = line.trim().strip_prefix("* ") {
            let path = root.join("gum").join("dep").join(format!("{}.conllu", doc.trim()));
            if section == split && path.exists() {
                docs.push(path);
            }
        }
    }
    Ok(docs)
}

#[derive(Default)]
struct Score {
    tp: usize,
    predicted: usize,
    gold: usize,
}

impl Score {
    fn add(&mut self, predicted: &[(usize, usize)], gold: &[(usize, usize)]) -> usize {
        let gold_set: HashSet<_> = gold.iter().collect();
        let tp = predicted.iter().filter(|p| gold_set.contains(p)).count();
        self.tp += tp;
        self.predicted += predicted.len();
        self.gold += gold.len();
        predicted.len() + gold.len() - 2 * tp
    }

    fn line(&self, name: &str) -> String {
        let p = self.tp as f64 / self.predicted.max(1) as f64;
        let r = self.tp as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        format!("  {name:<24} P {p:.4}  R {r:.4}  F1 {f:.4}  ({} gold, {} predicted)", self.gold, self.predicted)
    }
}

fn evaluate(name: &str, files: &[PathBuf], errors: usize) -> Result<()> {
    let mut sentences = Vec::new();
    let mut unaligned = 0;
    for file in files {
        parse_conllu(file, &mut sentences, &mut unaligned)?;
    }
    let (mut surface, mut words, mut hyphens) = (Score::default(), Score::default(), Score::default());
    let mut rejoined = Score::default();
    let mut shown = 0;
    for s in &sentences {
        let tokens = tokenize(&s.text);
        let predicted: Vec<(usize, usize)> = tokens.iter().map(|t| (t.span.start(), t.span.end())).collect();
        surface.add(&predicted, &s.surface);
        // The tokenizer's surface tokens: clitics joined back to their word.
        let mut joined: Vec<(usize, usize)> = Vec::with_capacity(predicted.len());
        for t in &tokens {
            match joined.last_mut() {
                Some(last) if t.kind == TokenKind::Clitic && last.1 == t.span.start() => last.1 = t.span.end(),
                _ => joined.push((t.span.start(), t.span.end())),
            }
        }
        rejoined.add(&joined, &s.surface);
        words.add(&predicted, &s.words);
        let wrong = hyphens.add(&predicted, &s.hyphens);
        if wrong > 0 && shown < errors {
            shown += 1;
            let show =
                |spans: &[(usize, usize)]| spans.iter().map(|&(a, b)| &s.text[a..b]).collect::<Vec<_>>().join(" | ");
            println!("  ERR {}\n    gold {}\n    pred {}", s.text, show(&s.hyphens), show(&predicted));
        }
    }
    println!(
        "{name}: {} files, {} sentences ({unaligned} not aligned with their text, skipped)",
        files.len(),
        sentences.len()
    );
    println!("{}", surface.line("surface tokens"));
    println!("{}", rejoined.line("surface, clitics joined"));
    println!("{}", words.line("words"));
    println!("{}", hyphens.line("words, hyphens joined"));
    Ok(())
}

fn speed(path: &Path) -> Result<()> {
    let content = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut texts = Vec::new();
    for line in content.lines() {
        let doc: serde_json::Value = serde_json::from_str(line)?;
        if let Some(text) = doc.get("text").and_then(|t| t.as_str()) {
            texts.push(text.to_string());
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut tokens = Vec::new();
    let mut count = 0;
    // Warm up (the abbreviation set is built on first use), then time.
    tokenize_into(&texts[0], &mut tokens);
    // The best of five rounds: the machine may be shared.
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let started = Instant::now();
        count = 0;
        for text in &texts {
            tokens.clear();
            tokenize_into(text, &mut tokens);
            count += tokens.len();
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    println!(
        "speed: {} texts, {:.1} MB, {count} tokens: {:.1} MB/s, {:.1} M tokens/s (one thread, best of 5 rounds)",
        texts.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / best,
        count as f64 / 1e6 / best
    );
    Ok(())
}

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(args.next().unwrap_or_else(|| "../shared/corpora".to_string()));
    let (mut split, mut errors) = ("test".to_string(), 0);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--split" => split = args.next().context("--split needs a value")?,
            "--errors" => errors = args.next().context("--errors needs a value")?.parse()?,
            other => bail!("unknown argument {other}"),
        }
    }
    evaluate(&format!("EWT {split}"), &ewt_files(&root, &split)?, errors)?;
    evaluate(&format!("GUM {split}"), &gum_files(&root, &split)?, errors)?;
    speed(&root.join("..").join("bench").join("news.jsonl"))
}
