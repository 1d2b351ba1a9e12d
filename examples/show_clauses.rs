//! Prints the clauses the clause reader finds in each sentence of a text:
//! verb group, actor and patient units, prepositional phrases.
//!
//! `cargo run --release --example show_clauses -- "Chile and Peru signed the accord in Lima."`
#![allow(clippy::print_stdout)]

use std::ops::Range;

use kgforge::span::Span;
use kgforge::text::clause::{clauses, units};
use kgforge::text::layer::SentenceLayer;
use kgforge::text::pos::Xpos;
use kgforge::text::sentence::segment;

fn main() {
    let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    for sentence in segment(&text) {
        let layer = SentenceLayer::analyse(&text, sentence.span);
        let words: Vec<&str> = layer.tokens.iter().map(|t| &text[t.span.range()]).collect();
        let tags: Vec<Xpos> = layer.tags.iter().map(|t| t.0).collect();
        let names: Vec<Range<usize>> = layer.names.iter().map(|n| n.start..n.end).collect();
        let units = units(&layer.phrases, &names);
        let show = |rs: &[Range<usize>]| {
            rs.iter().map(|r| format!("[{}]", words[r.clone()].join(" "))).collect::<Vec<_>>().join(" ")
        };
        println!("{}", &text[Span::new(sentence.span.start(), sentence.span.end()).range()]);
        println!(
            "  tags: {}",
            words.iter().zip(&tags).map(|(w, t)| format!("{w}/{}", t.as_str())).collect::<Vec<_>>().join(" ")
        );
        println!("  units: {}", show(&units));
        for c in clauses(&words, &tags, &units) {
            let verb = words[c.verb.start..c.verb.end].join(" ");
            let preps: Vec<String> = c.preps.iter().map(|(p, u)| format!("{} {}", words[*p], show(u))).collect();
            println!(
                "  {verb:?} ({:?}{}{}) subject {}{} objects {} preps {}",
                c.verb.form,
                if c.verb.passive { ", passive" } else { "" },
                if c.verb.negated { ", negated" } else { "" },
                show(&c.subject),
                if c.subject_inherited { " (inherited)" } else { "" },
                show(&c.objects),
                preps.join("; ")
            );
        }
    }
}
