//! Shows how kgforge reads a text: each sentence with its entity
//! placeholders, then the facts found.
//!
//! ```text
//! cargo run --example explain -- data/corpus/002_5707ff5d33c6a398.txt
//! ```
#![allow(clippy::print_stdout)]

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let inputs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    for doc in kgforge::document::read_inputs(&inputs) {
        let doc = doc?;
        println!("# {}", doc.id);
        let extraction = kgforge::extract::extract_traced(&doc, &mut |view| println!("  [{}] {}", view.index, view.text));
        for (i, e) in extraction.entities.iter().enumerate() {
            println!("  entity {i}: {:?} {} {:?}", e.kind, e.name, e.aliases);
        }
        for f in &extraction.facts {
            println!("  fact: {} {} {:?} ({:?}, {}, {:?})", extraction.entities[f.subject].name, f.relation.name(), f.object, f.modality, f.evidence.extractor, f.title);
        }
    }
    Ok(())
}
