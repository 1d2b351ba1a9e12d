//! Reading the documents of a run: bad inputs reported and counted, a
//! progress bar on a terminal.

use std::path::PathBuf;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use kgforge::document::{read_inputs, Document};
use kgforge::extract::model::DocExtraction;
use kgforge::pipeline::{extract_all, RunOptions};

/// Options of the commands that read documents.
#[derive(Debug, Clone, clap::Args)]
pub struct RunArgs {
    /// When two documents of this run share an id, keep the later one
    /// instead of reporting and skipping it.
    #[arg(long)]
    pub replace_duplicates: bool,
}

impl RunArgs {
    /// The library's options.
    pub fn options(&self) -> RunOptions {
        RunOptions { replace_duplicates: self.replace_duplicates }
    }
}

/// The inputs to read: the paths given, or the default corpus.
pub fn paths(inputs: &[PathBuf], default: Option<&str>) -> Vec<PathBuf> {
    if inputs.is_empty() {
        default.map(PathBuf::from).into_iter().collect()
    } else {
        inputs.to_vec()
    }
}

/// Extracts every document of `inputs`. Returns the extractions (sorted by
/// document id) and how many inputs were skipped.
#[allow(clippy::print_stderr)]
pub fn extract(
    inputs: &[PathBuf],
    options: RunOptions,
    progress: bool,
    reuse: impl FnMut(&Document) -> Option<DocExtraction>,
) -> (Vec<DocExtraction>, usize) {
    let bar = progress.then(|| {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} [{elapsed}]")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(Duration::from_millis(120));
        bar
    });
    let mut skipped = 0;
    let mut documents = 0u64;
    let mut bytes = 0u64;
    let mut extractions = extract_all(
        read_inputs(inputs),
        options,
        reuse,
        |error| {
            skipped += 1;
            match &bar {
                Some(bar) => bar.suspend(|| eprintln!("kgforge: skipped: {error}")),
                None => eprintln!("kgforge: skipped: {error}"),
            }
        },
        |len| {
            documents += 1;
            bytes += len;
            if let Some(bar) = &bar {
                if documents % 64 == 1 {
                    bar.set_message(format!("{documents} documents, {:.1} MB", bytes as f64 / 1e6));
                }
            }
        },
    );
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    extractions.sort_by(|a, b| a.id.cmp(&b.id));
    (extractions, skipped)
}
