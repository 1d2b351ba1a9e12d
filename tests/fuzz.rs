//! A bounded fuzz run of the whole pipeline: random documents (unicode soup,
//! real sentences shuffled and mangled, punctuation storms, long tokens,
//! quote marks of every kind) go through extraction, resolution, every RDF
//! export and the dot diagram; each RDF export is parsed back with
//! oxigraph's parsers (counts must match) and the diagrams with GraphViz.
//!
//! `KGFORGE_FUZZ_CASES` sets how many documents (default 400, enough for
//! `cargo test`); `KGFORGE_FUZZ_SEED` the first seed. CI runs a longer
//! release-mode pass. A failure names the case's seed, so it reproduces with
//! `KGFORGE_FUZZ_SEED=<seed> KGFORGE_FUZZ_CASES=1`.

#![allow(clippy::print_stderr)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use oxigraph::io::{RdfFormat, RdfParser};

use kgforge::document::Document;
use kgforge::export::dot::{write_dot, DotOptions};
use kgforge::export::{write_graph, GraphFormat};
use kgforge::extract::extract_document;
use kgforge::graph::store::memory_store;
use kgforge::pipeline::build_graph;

/// xorshift64*: small, deterministic, good enough to pick pieces.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Every kind of quote mark and dash news text uses, and some it should not.
const QUOTES: &[&str] = &[
    "\"", "'", "“", "”", "„", "‟", "‘", "’", "‚", "‛", "«", "»", "‹", "›", "「", "」", "『", "』", "″", "＂", "〝",
    "〞", "—", "–", "‐", "-", "―", "«P1»", "«T0»", "«", "»",
];

const WORDS: &[&str] = &[
    "Jane",
    "Roe",
    "President",
    "Minister",
    "Foreign",
    "of",
    "the",
    "Ministry",
    "Defense",
    "said",
    "says",
    "told",
    "signed",
    "agreement",
    "declaration",
    "treaty",
    "accord",
    "NATO",
    "EU",
    "U.S.",
    "Paris",
    "France",
    "French",
    "Šekerińska",
    "Zoë",
    "Ελλάδα",
    "Москва",
    "北京",
    "العربية",
    "עברית",
    "member",
    "joined",
    "supports",
    "opposed",
    "criticised",
    "killed",
    "in",
    "at",
    "on",
    "March 18, 2025",
    "18 March",
    "2025-03-18",
    "1999",
    "Mr.",
    "Dr.",
    "Inc.",
    "Corp.",
    "J.",
    "A.",
    "who",
    "which",
    "and",
    "or",
    "not",
    "will",
    "may",
    "said that",
    "according to",
    "capital",
    "based",
    "headquartered",
    "born",
    "lives",
    "CEO",
    "chairman",
    "of the",
    "Summit",
    "Conference",
    "Protocol",
    "Convention",
    "Party",
    "Union",
    "Council",
    "'s",
    "’s",
    "(",
    ")",
    "[",
    "]",
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    "…",
    "...",
    "\n",
    "\n\n",
    "\t",
    " ",
    "\u{a0}",
    "\u{200b}",
    "\u{200d}",
    "\u{202e}",
    "\u{feff}",
    "\u{301}",
    "e\u{301}",
    "🙂",
    "👩‍👩‍👧",
    "\u{1}",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "\u{fffd}",
    "\u{fffe}",
    "\\",
    "\\n",
    "<b>",
    "&amp;",
    "{",
    "}",
    "@",
    "#",
    "%",
    "_:b0",
    "<http://x/>",
];

/// One random document of one of several shapes.
fn random_text(rng: &mut Rng, sentences: &[&str]) -> String {
    let mut text = String::new();
    match rng.below(6) {
        // Word and quote soup.
        0 | 1 => {
            for _ in 0..1 + rng.below(150) {
                let piece = if rng.below(4) == 0 { rng.pick(QUOTES) } else { rng.pick(WORDS) };
                text.push_str(piece);
                if rng.below(3) != 0 {
                    text.push(' ');
                }
            }
        }
        // Real sentences shuffled, with quotes and case mangled.
        2 | 3 => {
            for _ in 0..1 + rng.below(12) {
                let sentence = sentences[rng.below(sentences.len())];
                match rng.below(5) {
                    0 => text.push_str(&sentence.to_uppercase()),
                    1 => {
                        text.push_str(rng.pick(QUOTES));
                        text.push_str(sentence);
                        text.push_str(rng.pick(QUOTES));
                        text.push_str(" said ");
                        text.push_str(rng.pick(WORDS));
                    }
                    2 => {
                        // Cut at a random character boundary.
                        let cut = sentence.char_indices().map(|(i, _)| i).nth(rng.below(sentence.len())).unwrap_or(0);
                        text.push_str(&sentence[cut..]);
                    }
                    _ => text.push_str(sentence),
                }
                text.push_str(if rng.below(4) == 0 { "\n\n" } else { " " });
            }
        }
        // Punctuation storm.
        4 => {
            for _ in 0..1 + rng.below(400) {
                text.push_str(rng.pick(&[
                    ".", ",", ";", "!", "?", "«", "»", "“", "”", "\"", "'", "(", ")", "—", "-", " ", "\n", "…", "/",
                    "&",
                ]));
            }
        }
        // Long tokens and random scalar values.
        _ => {
            for _ in 0..1 + rng.below(6) {
                match rng.below(3) {
                    0 => {
                        let len = 1 + rng.below(20_000);
                        text.push('A');
                        text.extend(std::iter::repeat_n('x', len));
                    }
                    1 => {
                        for _ in 0..rng.below(300) {
                            let c = char::from_u32((rng.next() % 0x11_0000) as u32).unwrap_or('?');
                            text.push(c);
                        }
                    }
                    _ => {
                        for _ in 0..rng.below(60) {
                            text.push_str(rng.pick(WORDS));
                            text.push_str(rng.pick(QUOTES));
                        }
                    }
                }
                text.push(' ');
            }
        }
    }
    text
}

/// The sentences of the bundled corpus, roughly split on full stops.
fn corpus_sentences(texts: &[String]) -> Vec<&str> {
    texts.iter().flat_map(|t| t.split_inclusive(". ")).filter(|s| !s.trim().is_empty()).collect()
}

fn rdf_format(format: GraphFormat) -> RdfFormat {
    format.rdf_format().expect("an RDF format")
}

/// Exports one graph in every RDF format and parses each back.
fn check_exports(case: u64, quads: &[oxigraph::model::Quad]) {
    for format in [
        GraphFormat::NTriples,
        GraphFormat::NQuads,
        GraphFormat::Turtle,
        GraphFormat::TriG,
        GraphFormat::RdfXml,
        GraphFormat::JsonLd,
    ] {
        let (bytes, written) = write_graph(quads, format, Vec::new())
            .unwrap_or_else(|e| panic!("case {case}: export to {} failed: {e}", format.name()));
        let mut parsed = 0;
        for quad in RdfParser::from_format(rdf_format(format)).for_slice(&bytes) {
            if let Err(error) = quad {
                panic!("case {case}: the {} export does not parse back: {error}", format.name());
            }
            parsed += 1;
        }
        assert_eq!(parsed, written, "case {case}: the {} export parses back to another count", format.name());
    }
}

fn dot_available() -> bool {
    Command::new("dot").arg("-V").stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// Renders a batch of diagrams with GraphViz; on failure, finds the case.
fn check_dots(batch: &[(u64, Vec<u8>)]) {
    let render = |dot: &[u8]| -> Result<(), String> {
        let mut child = Command::new("dot")
            .arg("-Tsvg")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| e.to_string())?;
        child.stdin.take().expect("piped stdin").write_all(dot).map_err(|e| e.to_string())?;
        let output = child.wait_with_output().map_err(|e| e.to_string())?;
        if output.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&output.stderr).into_owned())
        }
    };
    let all: Vec<u8> = batch.iter().flat_map(|(_, dot)| dot.iter().copied()).collect();
    if render(&all).is_ok() {
        return;
    }
    for (case, dot) in batch {
        if let Err(error) = render(dot) {
            panic!("case {case}: GraphViz rejects the diagram: {error}");
        }
    }
}

#[test]
fn random_documents_survive_extraction_and_every_export() {
    let cases: u64 = std::env::var("KGFORGE_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(400);
    let first: u64 = std::env::var("KGFORGE_FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(1);
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(&corpus).expect("the bundled corpus") {
        texts.push(std::fs::read_to_string(entry.expect("an entry").path()).expect("a text"));
    }
    texts.sort();
    let sentences = corpus_sentences(&texts);
    let dot = dot_available();
    if !dot {
        assert!(std::env::var_os("CI").is_none(), "GraphViz `dot` is required in CI");
        eprintln!("GraphViz `dot` not found: diagrams are written but not rendered");
    }
    let mut dots = Vec::new();
    let (mut facts, mut entities) = (0, 0);
    for case in first..first + cases {
        let mut rng = Rng::new(case);
        let text = random_text(&mut rng, &sentences);
        if text.trim().is_empty() {
            continue;
        }
        let doc = Document::from_text(format!("fuzz/{case}"), text);
        let extraction = extract_document(&doc);
        facts += extraction.facts.len();
        entities += extraction.entities.len();
        let (_, quads) = build_graph(std::slice::from_ref(&extraction));
        check_exports(case, &quads);
        let store = memory_store(&quads).expect("an in-memory store");
        let diagram = write_dot(&store, &DotOptions::default(), Vec::new())
            .unwrap_or_else(|e| panic!("case {case}: dot export failed: {e}"));
        if dot {
            dots.push((case, diagram));
            if dots.len() == 200 {
                check_dots(&dots);
                dots.clear();
            }
        }
    }
    if dot && !dots.is_empty() {
        check_dots(&dots);
    }
    eprintln!(
        "fuzz: {cases} documents from seed {first}: {entities} entities, {facts} facts, every export parsed back"
    );
}
