//! `kgforge build`: extract documents into the persistent store.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use serde::{Deserialize, Serialize};

use kgforge::extract::content_hash;
use kgforge::extract::model::DocExtraction;
use kgforge::graph::store::{GraphStore, OpenMode};
use kgforge::graph::summary::summarize;
use kgforge::graph::triples::GraphParts;
use kgforge::resolve::resolve;

use super::{inputs, Outcome, StoreArg};

/// Arguments of `kgforge build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or directories (read recursively), or `-` for standard input.
    /// Default: data/corpus.
    #[arg(value_hint = clap::ValueHint::AnyPath)]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    store: StoreArg,
    #[command(flatten)]
    run: inputs::RunArgs,
    /// Also write which names were merged into one entity, and why, to this JSON file.
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    merge_report: Option<PathBuf>,
    #[command(flatten)]
    limits: inputs::Limits,
}

/// What extracted a record: the version and a hash of the rules' sources
/// (see `build.rs`), so that any other rules extract again instead of
/// trusting a cache they did not make.
fn extractor_fingerprint() -> String {
    format!("{}+{}", env!("CARGO_PKG_VERSION"), env!("KGFORGE_RULES_HASH"))
}

/// One line of the store's `documents.jsonl`.
#[derive(Debug, Deserialize)]
pub(super) struct Record {
    /// The kgforge build that extracted it: another build extracts again.
    kgforge: String,
    /// The cached extraction.
    pub(super) extraction: DocExtraction,
}

/// The store's records, parsed.
pub(super) fn parse_records(store: &GraphStore) -> anyhow::Result<Vec<Record>> {
    store
        .records()
        .iter()
        .enumerate()
        .map(|(i, line)| {
            serde_json::from_str(line).with_context(|| {
                format!(
                    "{}: line {}: damaged document record; run `kgforge repair --store {}`",
                    store.dir().display(),
                    i + 1,
                    store.dir().display()
                )
            })
        })
        .collect()
}

/// The same line, written without copying the extraction.
#[derive(Serialize)]
struct RecordRef<'a> {
    kgforge: &'a str,
    extraction: &'a DocExtraction,
}

/// Extracts the inputs (reusing what the store already holds for unchanged
/// documents), resolves across every document of the store, and replaces
/// the store's graph.
pub fn run(args: Args, progress: bool) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let dir = &args.store.store;
    let mut store =
        GraphStore::open(dir, OpenMode::Write).with_context(|| format!("cannot open the store '{}'", dir.display()))?;
    let fingerprint = extractor_fingerprint();
    let version = fingerprint.as_str();
    let mut held: BTreeMap<String, (String, DocExtraction)> = BTreeMap::new();
    for record in parse_records(&store)? {
        held.insert(record.extraction.id.clone(), (record.kgforge, record.extraction));
    }
    let paths = inputs::paths(&args.inputs, Some("data/corpus"));
    let (fresh, skipped) = inputs::extract(&paths, &args.limits.read_options(), args.run.options(), progress, |doc| {
        held.get(&doc.id)
            .filter(|(kgforge, extraction)| kgforge == version && extraction.content_hash == content_hash(&doc.text))
            .map(|(_, extraction)| extraction.clone())
    });
    let read = fresh.len();
    for extraction in fresh {
        held.insert(extraction.id.clone(), (version.to_string(), extraction));
    }
    let records: Vec<String> = held
        .values()
        .map(|(kgforge, extraction)| serde_json::to_string(&RecordRef { kgforge, extraction }))
        .collect::<Result<_, _>>()?;
    let extractions: Vec<DocExtraction> = held.into_values().map(|(_, extraction)| extraction).collect();
    let resolution = resolve(&extractions);
    store.replace_parts(GraphParts::new(&extractions, &resolution).parts(), &records)?;
    if let Some(path) = &args.merge_report {
        let file = std::fs::File::create(path).with_context(|| format!("cannot create '{}'", path.display()))?;
        serde_json::to_writer_pretty(std::io::BufWriter::new(file), &resolution.merges)?;
    }

    let summary = summarize(store.store()).map_err(anyhow::Error::msg)?;
    let sentences: usize = extractions.iter().map(|e| e.sentence_count).sum();
    let mut out = std::io::stdout().lock();
    writeln!(out, "built '{}' from {read} document(s) read ({} in the store)", dir.display(), extractions.len())?;
    writeln!(out, "sentences   {sentences}")?;
    writeln!(out, "{summary}")?;
    writeln!(out, "seconds     {:.2}", started.elapsed().as_secs_f64())?;
    Ok(Outcome { skipped, ..Outcome::default() })
}
