//! `kgforge export`: the whole graph in one format.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use kgforge::export::dot::{write_dot, DotOptions};
use kgforge::export::{write_graph, GraphFormat};
use kgforge::graph::store::{GraphStore, OpenMode};

use super::{output, Outcome, StoreArg};

/// Arguments of `kgforge export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    store: StoreArg,
    /// Format: nt, nq, ttl, trig, rdf, jsonld or dot.
    #[arg(long, short)]
    format: GraphFormat,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_hint = clap::ValueHint::FilePath)]
    output: Option<PathBuf>,
    /// With `dot`: draw only the neighbourhood of the entity with this name.
    #[arg(long, value_name = "NAME")]
    focus: Option<String>,
    /// With `--focus`: how many relation hops to keep.
    #[arg(long, default_value_t = 1, requires = "focus")]
    depth: usize,
}

/// Writes the store's graph.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    if args.focus.is_some() && args.format != GraphFormat::Dot {
        anyhow::bail!("--focus only applies to --format dot");
    }
    let store = GraphStore::open(&args.store.store, OpenMode::Read)?;
    let out = output(args.output.as_ref())?;
    let mut out = if args.format == GraphFormat::Dot {
        write_dot(store.store(), &DotOptions { focus: args.focus, depth: args.depth }, out)?
    } else {
        let quads: Vec<_> = store.store().iter().collect::<Result<_, _>>().context("cannot read the store")?;
        write_graph(&quads, args.format, out)?.0
    };
    out.flush().context("cannot write the output")?;
    Ok(Outcome::default())
}
