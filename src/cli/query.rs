//! `kgforge query`: SPARQL over the store.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use anyhow::Context;
use oxigraph::sparql::CancellationToken;

use kgforge::export::results::{run_query_with, write_bounded, Bounds, QueryError};
use kgforge::export::{ExportError, GraphFormat, ResultsFormat};
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
    /// Write at most N solutions or triples (0: all). When there are more,
    /// the output is still whole in its format, stderr says so and the exit
    /// code is 4.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_LIMIT)]
    limit: usize,
    /// Stop evaluating and writing after this many seconds (0: never); a
    /// query stopped so is an error (exit code 1).
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_TIMEOUT)]
    timeout: u64,
}

/// Rows or triples written when `--limit` is not given: far more than anyone
/// reads in a table, a few megabytes in the W3C formats; programs that want
/// everything say `--limit 0`.
const DEFAULT_LIMIT: usize = 100_000;

/// Seconds a query may run when `--timeout` is not given: queries over the
/// whole news set answer in a few seconds; a runaway (a cross product, a
/// path over everything) is stopped before it holds the machine long.
const DEFAULT_TIMEOUT: u64 = 60;

/// After the timeout, how long evaluation has to notice the cancellation
/// (it does at its next read of the store) before the process ends anyway.
const GRACE: Duration = Duration::from_secs(5);

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
    let cancel = CancellationToken::new();
    let timed_out = || {
        anyhow::anyhow!(
            "query stopped after {} s (--timeout {}); narrow the query or give more time (--timeout 0 for none)",
            args.timeout,
            args.timeout
        )
    };
    // Dropped when the query is done, which ends the watchdog.
    let _done = (args.timeout > 0).then(|| watchdog(Duration::from_secs(args.timeout), cancel.clone()));
    let results = match run_query_with(store.store(), &query, Some(&cancel)) {
        Err(QueryError::Cancelled) => return Err(timed_out()),
        other => other?,
    };
    let bounds = Bounds { limit: (args.limit > 0).then_some(args.limit), cancel: Some(cancel) };
    let out = std::io::BufWriter::new(std::io::stdout().lock());
    let (mut out, written) = match write_bounded(results, results_format, graph_format, &bounds, out) {
        Err(ExportError::Cancelled) => return Err(timed_out()),
        other => other?,
    };
    out.flush().context("cannot write to standard output")?;
    if written.limited {
        eprintln!(
            "kgforge: output stopped after {} {} (--limit {}); there are more: narrow the query, or raise --limit (--limit 0 for all)",
            written.count,
            written.unit(),
            args.limit
        );
    }
    Ok(Outcome { limited: written.limited, ..Outcome::default() })
}

/// Cancels the query once `timeout` has passed, unless the returned sender
/// is dropped first; ends the process if evaluation has not stopped
/// [`GRACE`] later (a step that reads nothing from the store for long).
fn watchdog(timeout: Duration, cancel: CancellationToken) -> mpsc::Sender<()> {
    let (done, finished) = mpsc::channel::<()>();
    std::thread::spawn(move || {
        if finished.recv_timeout(timeout) != Err(mpsc::RecvTimeoutError::Timeout) {
            return;
        }
        cancel.cancel();
        if finished.recv_timeout(GRACE) == Err(mpsc::RecvTimeoutError::Timeout) {
            let seconds = timeout.as_secs();
            eprintln!(
                "kgforge: error: query stopped after {seconds} s (--timeout {seconds}); it did not stop within {} s more, so kgforge exits",
                GRACE.as_secs()
            );
            std::process::exit(1);
        }
    });
    done
}
