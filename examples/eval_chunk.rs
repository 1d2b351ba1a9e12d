//! Scores the noun-phrase chunker (`kgforge::text::chunk`) against the base
//! noun phrases derived from the dependency trees of UD English EWT and GUM
//! (dev and test), with gold and with predicted part-of-speech tags, and
//! measures its speed.
//!
//! `cargo run --release --example eval_chunk -- ../shared/corpora [--post-stats] [--errors N]`
//!
//! `--post-stats` prints, per preposition after a derived phrase on the dev
//! splits, how often the tree attaches its phrase to that noun phrase (used to
//! choose `data/lexicon/np_post_prepositions.txt`); `--errors N` prints N
//! sentences of EWT dev and GUM dev (gold tags) where the chunker and the
//! trees disagree.
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use kgforge::text::chunk::{noun_phrases, treebank_noun_phrases, NounPhrase};
use kgforge::text::conllu::Sentence;
use kgforge::text::eval::{chunk_scores, ewt_sentences, gold_tags, gum_sentences, words, ChunkScores, Tags};
use kgforge::text::pos::PosTagger;

fn line(name: &str, tags: &str, s: &ChunkScores) -> String {
    let (p, q) = (s.phrases(), s.post_modifiers());
    format!(
        "{name:<9} {tags:<9} phrases {:>6}  P {:.3} R {:.3} F1 {:.3}   post-modifiers {:>4}  P {:.3} R {:.3} F1 {:.3}",
        s.gold, p.precision, p.recall, p.f1, s.post_gold, q.precision, q.recall, q.f1
    )
}

fn show(phrases: &[NounPhrase], w: &[&str]) -> String {
    phrases
        .iter()
        .map(|p| {
            let mut s = format!("[{}]", w[p.start..p.end].join(" "));
            if let Some((a, b)) = p.post {
                s.push_str(&format!("+({})", w[a..b].join(" ")));
            }
            s
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn errors(name: &str, sentences: &[Sentence], limit: usize) {
    let mut shown = 0;
    for s in sentences {
        if shown >= limit {
            break;
        }
        let w = words(s);
        let gold = treebank_noun_phrases(&s.tokens);
        let found = noun_phrases(&w, &gold_tags(s));
        let bounds = |v: &[NounPhrase]| v.iter().map(|p| (p.start, p.end)).collect::<Vec<_>>();
        if bounds(&gold) != bounds(&found) {
            shown += 1;
            let tagged: Vec<String> = s.tokens.iter().map(|t| format!("{}/{}", t.form, t.xpos)).collect();
            println!(
                "{name} {}\n  {}\n  gold  {}\n  found {}",
                s.id,
                tagged.join(" "),
                show(&gold, &w),
                show(&found, &w)
            );
        }
    }
}

/// Per preposition right after a derived phrase and before another: (times,
/// times the tree attaches the second phrase to the first as `nmod`).
fn post_stats(sentences: &[Sentence], out: &mut BTreeMap<String, (usize, usize)>) {
    for s in sentences {
        let t = &s.tokens;
        let phrases = treebank_noun_phrases(t);
        for pair in phrases.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if b.start != a.end + 1 || t[a.end].upos != "ADP" {
                continue;
            }
            let prep = t[a.end].form.to_lowercase();
            let d = t[a.end].head.wrapping_sub(1);
            let attached = d >= b.start
                && d < b.end
                && t[d].head == a.head + 1
                && t[d].deprel.starts_with("nmod")
                && t[d].deprel != "nmod:poss";
            let e = out.entry(prep).or_default();
            e.0 += 1;
            e.1 += usize::from(attached);
        }
    }
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = PathBuf::from(args.iter().find(|a| !a.starts_with("--")).map_or("../shared/corpora", String::as_str));
    let error_limit = match args.iter().position(|a| a == "--errors") {
        Some(i) => args.get(i + 1).context("--errors needs a number")?.parse()?,
        None => 0,
    };
    let tagger = PosTagger::global();
    let ewt_dev = ewt_sentences(&root, "dev")?;
    let gum_dev = gum_sentences(&root, "dev")?;
    let ewt_test = ewt_sentences(&root, "test")?;
    let gum_test = gum_sentences(&root, "test")?;
    for (name, data) in [("EWT dev", &ewt_dev), ("GUM dev", &gum_dev), ("EWT test", &ewt_test), ("GUM test", &gum_test)]
    {
        println!("{}", line(name, "gold", &chunk_scores(data, Tags::Gold)));
        println!("{}", line(name, "predicted", &chunk_scores(data, Tags::Predicted(tagger))));
    }
    // Speed: best of 5 runs over EWT test with gold tags, one thread, tagging excluded.
    let best = (0..5).map(|_| chunk_scores(&ewt_test, Tags::Gold).tokens_per_s()).fold(0f64, f64::max);
    println!("chunker speed on EWT test: {best:.0} tokens/s (one thread, tagging excluded, best of 5)");
    // And the whole pass over the raw words: tagging then chunking.
    let w: Vec<Vec<&str>> = ewt_test.iter().map(words).collect();
    let bytes: usize = w.iter().flatten().map(|x| x.len() + 1).sum();
    let t0 = Instant::now();
    let phrases: usize = w.iter().map(|s| noun_phrases(s, &tagger.tag(s)).len()).sum();
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "tagging + chunking EWT test: {phrases} phrases, {:.2} MB/s ({:.0} tokens/s)",
        bytes as f64 / secs / 1e6,
        w.iter().map(Vec::len).sum::<usize>() as f64 / secs
    );
    if args.iter().any(|a| a == "--post-stats") {
        let mut stats = BTreeMap::new();
        post_stats(&ewt_dev, &mut stats);
        post_stats(&gum_dev, &mut stats);
        let mut rows: Vec<_> = stats.into_iter().filter(|(_, (n, _))| *n >= 10).collect();
        rows.sort_by_key(|(_, (times, _))| std::cmp::Reverse(*times));
        println!("preposition after a phrase (dev): times, attached to the phrase as nmod");
        for (prep, (n, attached)) in rows {
            println!("  {prep:<10} {n:>5} {:>5.1}%", 100.0 * attached as f64 / n as f64);
        }
    }
    errors("EWT dev", &ewt_dev, error_limit);
    errors("GUM dev", &gum_dev, error_limit);
    Ok(())
}
