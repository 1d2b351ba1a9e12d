//! No input makes extraction panic: random text built from the pieces that
//! stress it (capitals, titles, quotes, guillemets that look like
//! placeholders, multibyte letters, dates, line breaks) goes through the
//! whole pipeline, resolution and graph building included.

use kgforge::document::Document;
use kgforge::extract::extract_document;
use kgforge::pipeline::build_graph;

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "Jane",
    "Roe",
    "President",
    "Minister",
    "of",
    "the",
    "Ministry",
    "Defense",
    "said",
    "signed",
    "agreement",
    "declaration",
    "NATO",
    "EU",
    "Paris",
    "France",
    "French",
    "Šekerińska",
    "Zoë",
    "«P1»",
    "«",
    "»",
    "“",
    "”",
    "\"",
    "'s",
    "’s",
    "(",
    ")",
    ",",
    ".",
    ";",
    ":",
    "—",
    "-",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "March 18",
    "2025",
    "18.03.2025",
    "U.S.",
    "Conn.",
    "Inc.",
    "a",
    "an",
    "not",
    "may",
    "will",
    "killed",
    "by",
    "in",
    "at",
    "member",
    "members",
    "capital",
    "who",
    "assassinated",
    "welcomed",
    "criticized",
    "-based",
    "head",
    "of research",
    "QKSS",
    "Center",
    "Studies",
    "Latest articles",
    "2 Min Read",
    "日本",
    "🙂",
    "\u{200b}",
    "\t",
    "A.",
    "J.",
    "Mr.",
    "Dr.",
    "X",
    "",
];

#[test]
fn random_text_never_panics() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut docs = Vec::new();
    for i in 0..400 {
        let words = 1 + rng.next() % 120;
        let mut text = String::new();
        for _ in 0..words {
            text.push_str(rng.pick(PIECES));
            if !rng.next().is_multiple_of(3) {
                text.push(' ');
            }
        }
        let doc = Document::from_text(format!("random-{i}"), text);
        docs.push(extract_document(&doc));
    }
    let (_, quads) = build_graph(&docs);
    assert!(!quads.is_empty());
}
