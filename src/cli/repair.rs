//! `kgforge repair`: bring a damaged store back from what is intact.

use std::io::Write;

use anyhow::Context;

use kgforge::extract::model::DocExtraction;
use kgforge::graph::store::{GraphStore, RepairAction};
use kgforge::graph::triples::GraphParts;
use kgforge::resolve::resolve;

use super::{build::parse_records, Outcome, StoreArg};

/// Arguments of `kgforge repair`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    store: StoreArg,
}

/// Checks every file of the store; rewrites a lost pointer, rebuilds a
/// damaged graph from the cached extractions (as `build` makes it: resolve,
/// then the graph parts), and fails, saying to rebuild from the inputs,
/// when the cached extractions themselves are lost.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let dir = &args.store.store;
    let salvage = GraphStore::salvage(dir)?;
    let mut store = salvage.store;
    let mut out = std::io::stdout().lock();
    for finding in &salvage.findings {
        writeln!(out, "found: {finding}")?;
    }
    match salvage.action {
        RepairAction::Nothing => writeln!(out, "the store '{}' is intact: nothing to repair", dir.display())?,
        RepairAction::Pointer => {
            let generation = store.adopt()?;
            writeln!(out, "repaired: CURRENT names {generation} again, whose files are intact")?;
        }
        RepairAction::RebuildGraph { expected_sha256, strict } => {
            let extractions: Vec<DocExtraction> =
                parse_records(&store)?.into_iter().map(|record| record.extraction).collect();
            let records = store.records().to_vec();
            let resolution = resolve(&extractions);
            let graph = GraphParts::new(&extractions, &resolution);
            let parts = graph.parts();
            let commit = match (&expected_sha256, strict) {
                (Some(expected), true) => store.replace_parts_expecting(parts, &records, expected)?,
                _ => store.replace_parts(parts, &records)?,
            };
            writeln!(
                out,
                "repaired: rebuilt the graph from {} cached extraction(s) into {} ({} quads)",
                commit.documents, commit.generation, commit.quads
            )?;
            match expected_sha256 {
                Some(expected) if expected == commit.graph_sha256 => {
                    writeln!(out, "the rebuilt graph is byte for byte the one recorded")?;
                }
                Some(_) => writeln!(
                    out,
                    "note: the rebuilt graph differs from the one recorded: another kgforge version made the store"
                )?,
                None => {}
            }
        }
    }
    out.flush().context("cannot write to standard output")?;
    Ok(Outcome::default())
}
