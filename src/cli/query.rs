//! `kgforge query`: SPARQL over the store.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Context;

use kgforge::export::results::{run_query, write_results};
use kgforge::export::{GraphFormat, ResultsFormat};
use kgforge::graph::store::{GraphStore, OpenMode};

use super::{Outcome, StoreArg};

/// Arguments of `kgforge query`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    store: StoreArg,
    /// The SPARQL 1.1 query (SELECT, ASK, CONSTRUCT or DESCRIBE).
    #[arg(required_unless_present = "file", conflicts_with = "file")]
    query: Option<String>,
    /// Read the query from this file.
    #[arg(long, value_name = "F.rq", value_hint = clap::ValueHint::FilePath)]
    file: Option<PathBuf>,
    /// Format of SELECT/ASK results (table, csv, tsv, json, xml; default: table
    /// on a terminal, tsv otherwise) or of CONSTRUCT/DESCRIBE graphs (nt, nq,
    /// ttl, trig, rdf, jsonld; default ttl).
    #[arg(long, short)]
    format: Option<String>,
}

/// Runs the query and prints its results.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let query = match (&args.query, &args.file) {
        (_, Some(path)) => {
            std::fs::read_to_string(path).with_context(|| format!("cannot read the query file '{}'", path.display()))?
        }
        (Some(query), None) => query.clone(),
        (None, None) => anyhow::bail!("give a query or --file"),
    };
    // One --format serves both kinds of result: decide which it names.
    let (results_format, graph_format) = match args.format.as_deref() {
        None => (if std::io::stdout().is_terminal() { ResultsFormat::Table } else { ResultsFormat::Tsv }, None),
        Some(name) => match (name.parse::<ResultsFormat>(), name.parse::<GraphFormat>()) {
            (Ok(results), _) => (results, None),
            (_, Ok(graph)) => (ResultsFormat::Table, Some(graph)),
            (Err(_), Err(_)) => anyhow::bail!("unknown query output format '{name}'; expected one of: table, csv, tsv, json, xml, nt, nq, ttl, trig, rdf, jsonld"),
        },
    };
    let store = GraphStore::open(&args.store.store, OpenMode::Read)?;
    let results = run_query(store.store(), &query)?;
    let mut out =
        write_results(results, results_format, graph_format, std::io::BufWriter::new(std::io::stdout().lock()))?;
    out.flush().context("cannot write to standard output")?;
    Ok(Outcome::default())
}
