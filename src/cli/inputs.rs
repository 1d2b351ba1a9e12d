//! Reading the documents of a run: bad inputs reported and counted, a
//! progress bar on a terminal.

use std::path::PathBuf;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use kgforge::document::{read_inputs_with, Document, ReadOptions};
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

/// Limits on what is read, shared by the commands that read documents.
#[derive(Debug, Clone, clap::Args)]
pub struct Limits {
    /// The largest document read: a file, standard input or one JSONL line,
    /// in bytes or with a unit (`500k`, `20MB`, `8MiB`, `1GiB`); `0` for no
    /// limit. A larger document is reported and skipped.
    #[arg(long, value_name = "SIZE", default_value = "8MiB", value_parser = parse_size)]
    pub max_document_size: u64,
}

impl Limits {
    /// The reader's options.
    pub fn read_options(&self) -> ReadOptions {
        ReadOptions { max_document_bytes: (self.max_document_size > 0).then_some(self.max_document_size) }
    }
}

/// A size in bytes: a whole number with an optional unit, `k`/`KB`, `M`/`MB`,
/// `G`/`GB` (powers of 1000) or `KiB`, `MiB`, `GiB` (powers of 1024), in any
/// case.
pub fn parse_size(value: &str) -> Result<u64, String> {
    let value = value.trim();
    let digits = value.find(|c: char| !c.is_ascii_digit()).unwrap_or(value.len());
    let (number, unit) = value.split_at(digits);
    let number: u64 =
        number.parse().map_err(|_| format!("size '{value}' does not start with a whole number of bytes"))?;
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" => 1000,
        "kib" => 1 << 10,
        "m" | "mb" => 1000 * 1000,
        "mib" => 1 << 20,
        "g" | "gb" => 1000 * 1000 * 1000,
        "gib" => 1 << 30,
        _ => return Err(format!("size '{value}' has an unknown unit (use B, k, MB, MiB, GB or GiB)")),
    };
    number.checked_mul(factor).ok_or_else(|| format!("size '{value}' is too large"))
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
    options: &ReadOptions,
    run: RunOptions,
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
        read_inputs_with(inputs, options),
        run,
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

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_with_units() {
        assert_eq!(parse_size("0"), Ok(0));
        assert_eq!(parse_size("123"), Ok(123));
        assert_eq!(parse_size("500k"), Ok(500_000));
        assert_eq!(parse_size("20MB"), Ok(20_000_000));
        assert_eq!(parse_size("8MiB"), Ok(8 << 20));
        assert_eq!(parse_size("1 gib"), Ok(1 << 30));
        assert!(parse_size("MB").unwrap_err().contains("whole number"));
        assert!(parse_size("12 parsecs").unwrap_err().contains("unknown unit"));
        assert!(parse_size("99999999999999999999GB").is_err());
    }
}
