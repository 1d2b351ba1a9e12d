//! `kgforge extract`: the extraction of `build`, streamed out without a store.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use kgforge::export::dot::{write_dot, DotOptions};
use kgforge::export::{write_parts, GraphFormat};
use kgforge::graph::triples::GraphParts;
use kgforge::resolve::resolve;

use super::{inputs, output, Outcome};

/// Arguments of `kgforge extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or directories (read recursively), or `-` for standard input.
    /// Default: data/corpus.
    #[arg(value_hint = clap::ValueHint::AnyPath)]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    run: inputs::RunArgs,
    /// Output format: nt, nq, ttl, trig, rdf, jsonld or dot.
    #[arg(long, short, default_value = "nq")]
    format: GraphFormat,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_hint = clap::ValueHint::FilePath)]
    output: Option<PathBuf>,
    #[command(flatten)]
    limits: inputs::Limits,
}

/// Extracts, resolves across the documents, and writes the graph.
pub fn run(args: Args, progress: bool) -> anyhow::Result<Outcome> {
    let paths = inputs::paths(&args.inputs, Some("data/corpus"));
    let (extractions, skipped) =
        inputs::extract(&paths, &args.limits.read_options(), args.run.options(), progress, |_| None);
    let resolution = resolve(&extractions);
    // One document's quads at a time, in canonical order.
    let graph = GraphParts::new(&extractions, &resolution);
    let out = output(args.output.as_ref())?;
    let mut out = if args.format == GraphFormat::Dot {
        let store = kgforge::graph::store::memory_store(&graph.parts().flatten().collect::<Vec<_>>())?;
        write_dot(&store, &DotOptions { focus: None, depth: 1 }, out)?
    } else {
        write_parts(graph.parts(), args.format, out)?.0
    };
    out.flush().context("cannot write the output")?;
    Ok(Outcome { skipped, ..Outcome::default() })
}
