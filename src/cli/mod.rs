//! Command-line interface. Clap types stay here; the library never sees them.
//!
//! Exit codes: 0 success; 1 failure (nothing or not all was done); 2 usage
//! error; 3 done, but some inputs were skipped (each reported on stderr);
//! 4 done, but `query` output stopped at `--limit` (said on stderr).

#![allow(clippy::print_stderr)]

mod build;
mod eval_layer;
mod explain;
mod export;
mod extract;
mod inputs;
mod query;
mod repair;
mod stats;

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The store directory used when `--store` is not given.
pub const DEFAULT_STORE: &str = "kgforge-store";

/// kgforge turns news text into a knowledge graph: entities, facts with the
/// sentence and characters they came from, stored as RDF and queryable with
/// SPARQL.
#[derive(Debug, Parser)]
#[command(name = "kgforge", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Never show a progress bar.
    #[arg(long, global = true)]
    quiet: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract facts from documents and load them into a persistent store.
    Build(build::Args),
    /// Extract facts and write the graph to standard output (or a file), without a store.
    Extract(extract::Args),
    /// Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the store.
    Query(query::Args),
    /// Write the whole graph in an RDF format or as a GraphViz diagram.
    Export(export::Args),
    /// Count documents, entities, facts and triples in the store.
    Stats(stats::Args),
    /// Show how documents are read: sentences with entity placeholders, then facts.
    Explain(explain::Args),
    /// Check every file of the store and rebuild what can be rebuilt.
    Repair(repair::Args),
    /// Score the language layer (tags, noun phrases, names) on the treebanks' held-out test splits.
    EvalLayer(eval_layer::Args),
}

/// What a finished command reports back.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Inputs that were reported and skipped.
    pub skipped: usize,
    /// Output stopped at a limit (reported on stderr).
    pub limited: bool,
}

/// Parses arguments, runs the command, maps errors to exit codes.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let progress = !cli.quiet && io::stderr().is_terminal();
    let result = match cli.command {
        Command::Build(args) => build::run(args, progress),
        Command::Extract(args) => extract::run(args, progress),
        Command::Query(args) => query::run(args),
        Command::Export(args) => export::run(args),
        Command::Stats(args) => stats::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Repair(args) => repair::run(args),
        Command::EvalLayer(args) => eval_layer::run(args),
    };
    match result {
        Ok(outcome) if outcome.skipped > 0 => {
            eprintln!("kgforge: {} input(s) skipped", outcome.skipped);
            ExitCode::from(3)
        }
        Ok(outcome) if outcome.limited => ExitCode::from(4),
        Ok(_) => ExitCode::SUCCESS,
        Err(error) => {
            if is_broken_pipe(&error) {
                return ExitCode::SUCCESS;
            }
            eprintln!("kgforge: error: {error}");
            for cause in error.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| cause.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe))
}

/// `--store DIR`, shared by the commands that use a store.
#[derive(Debug, clap::Args)]
pub struct StoreArg {
    /// The store directory.
    #[arg(long, value_name = "DIR", default_value = DEFAULT_STORE, value_hint = clap::ValueHint::DirPath)]
    pub store: PathBuf,
}

/// Where output goes: a file given with `--output`, or standard output.
pub fn output(path: Option<&PathBuf>) -> anyhow::Result<Box<dyn io::Write>> {
    use anyhow::Context;
    Ok(match path {
        Some(path) => Box::new(io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("cannot create output file '{}'", path.display()))?,
        )),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    })
}
