//! `kgforge stats`: what the store holds.

use std::io::Write;

use kgforge::graph::store::{GraphStore, OpenMode};
use kgforge::graph::summary::summarize;

use super::{Outcome, StoreArg};

/// Arguments of `kgforge stats`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    store: StoreArg,
}

/// Prints the counts.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let store = GraphStore::open(&args.store.store, OpenMode::Read)?;
    let summary = summarize(store.store()).map_err(anyhow::Error::msg)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "store       {}", args.store.store.display())?;
    writeln!(out, "{summary}")?;
    writeln!(out, "graphs      {}", store.stats()?.graphs)?;
    Ok(Outcome::default())
}
