//! The `kgforge` command.
#![allow(clippy::print_stdout, clippy::print_stderr)]
use std::io::Write;
use oxigraph::io::{RdfFormat, RdfSerializer};
fn main() {
    let inputs: Vec<std::path::PathBuf> = std::env::args().skip(2).filter(|a| !a.starts_with("--") && a != "nq").map(Into::into).collect();
    let docs = kgforge::pipeline::extract_all(kgforge::document::read_inputs(&inputs), |_| None, |e| eprintln!("{e}"), |_| ());
    let (_, quads) = kgforge::pipeline::build_graph(&docs);
    let stdout = std::io::stdout();
    let mut ser = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(stdout.lock());
    for q in &quads { ser.serialize_quad(q).unwrap(); }
    ser.finish().unwrap().flush().unwrap();
}
