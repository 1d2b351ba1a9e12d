//! The whole run: read inputs, extract each document (in parallel, in
//! batches, so memory holds extractions and never the text read), then
//! resolve entities across all documents and build the graph.
//!
//! Each document is processed on its own: a document that cannot be
//! processed (a duplicate id, or a failure inside kgforge) is reported with
//! its id and skipped, and the run goes on.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use oxigraph::model::Quad;
use rayon::prelude::*;

use crate::document::{Document, InputError};
use crate::extract::extract_document;
use crate::extract::model::DocExtraction;
use crate::resolve::{resolve, Resolution};

/// How many documents are read before a batch is extracted in parallel.
const BATCH: usize = 256;

/// How a run treats its documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunOptions {
    /// A later document with an id already read in this run replaces the
    /// earlier one, instead of being reported and skipped.
    pub replace_duplicates: bool,
}

/// Extracts every document of `documents`, reporting bad inputs, duplicate
/// ids and documents whose extraction failed to `on_error`, and progress
/// (bytes read) to `on_progress`. Documents keep their input order.
pub fn extract_all(
    documents: impl Iterator<Item = Result<Document, InputError>>,
    options: RunOptions,
    mut reuse: impl FnMut(&Document) -> Option<DocExtraction>,
    mut on_error: impl FnMut(InputError),
    mut on_progress: impl FnMut(u64),
) -> Vec<DocExtraction> {
    let mut out = Vec::new();
    let mut batch: Vec<Result<DocExtraction, Document>> = Vec::with_capacity(BATCH);
    let flush = |batch: &mut Vec<Result<DocExtraction, Document>>,
                 out: &mut Vec<DocExtraction>,
                 on_error: &mut dyn FnMut(InputError)| {
        let done: Vec<Result<DocExtraction, InputError>> = batch
            .par_drain(..)
            .map(|item| match item {
                Ok(cached) => Ok(cached),
                Err(doc) => guarded(&doc, extract_document),
            })
            .collect();
        for item in done {
            match item {
                Ok(extraction) => out.push(extraction),
                Err(error) => on_error(error),
            }
        }
    };
    // The source each id was first read from.
    let mut first_source: HashMap<String, String> = HashMap::new();
    for item in documents {
        match item {
            Ok(doc) => {
                if let Some(first) = first_source.get(&doc.id) {
                    if !options.replace_duplicates {
                        on_error(InputError::DuplicateId {
                            path: PathBuf::from(&doc.source),
                            id: doc.id.clone(),
                            first: first.clone(),
                        });
                        continue;
                    }
                } else {
                    first_source.insert(doc.id.clone(), doc.source.clone());
                }
                on_progress(doc.text.len() as u64);
                batch.push(reuse(&doc).ok_or(doc));
                if batch.len() == BATCH {
                    flush(&mut batch, &mut out, &mut on_error);
                }
            }
            Err(error) => on_error(error),
        }
    }
    flush(&mut batch, &mut out, &mut on_error);
    // Replacements asked for: the last document of an id wins.
    if first_source.len() < out.len() {
        let mut last = std::collections::BTreeMap::new();
        for (i, doc) in out.iter().enumerate() {
            last.insert(doc.id.clone(), i);
        }
        let keep: std::collections::BTreeSet<usize> = last.into_values().collect();
        out = out.into_iter().enumerate().filter(|(i, _)| keep.contains(i)).map(|(_, d)| d).collect();
    }
    out
}

/// Runs `extract` on one document behind the last line of defence: a panic
/// (a bug: causes are fixed where found, see the fuzz test) becomes an
/// [`InputError::Internal`] naming the document, so one document can never
/// abort a run.
///
/// # Errors
///
/// [`InputError::Internal`] when `extract` panicked.
pub fn guarded<T>(doc: &Document, extract: impl FnOnce(&Document) -> T) -> Result<T, InputError> {
    catch_unwind(AssertUnwindSafe(|| extract(doc))).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_string());
        InputError::Internal { path: PathBuf::from(&doc.source), id: doc.id.clone(), message }
    })
}

/// Resolves entities across `docs` and builds the graph's quads.
#[must_use]
pub fn build_graph(docs: &[DocExtraction]) -> (Resolution, Vec<Quad>) {
    let resolution = resolve(docs);
    let quads = crate::graph::triples::build(docs, &resolution);
    (resolution, quads)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(ids: &[&str]) -> Vec<Result<Document, InputError>> {
        ids.iter()
            .enumerate()
            .map(|(i, id)| {
                let mut doc = Document::from_text(*id, format!("Jane Roe visited Oslo on day {i}."));
                doc.source = format!("input.jsonl:{}", i + 1);
                Ok(doc)
            })
            .collect()
    }

    fn run(ids: &[&str], options: RunOptions) -> (Vec<String>, Vec<String>) {
        let mut errors = Vec::new();
        let out = extract_all(docs(ids).into_iter(), options, |_| None, |e| errors.push(e.to_string()), |_| {});
        (out.into_iter().map(|d| format!("{} {}", d.id, d.source)).collect(), errors)
    }

    #[test]
    fn a_duplicate_id_is_reported_and_the_later_document_skipped() {
        let (kept, errors) = run(&["a", "b", "a"], RunOptions::default());
        assert_eq!(kept, ["a input.jsonl:1", "b input.jsonl:2"]);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("input.jsonl:3: document id 'a' was already read from 'input.jsonl:1'"));
    }

    #[test]
    fn replacement_keeps_the_later_document_when_asked() {
        let (kept, errors) = run(&["a", "b", "a"], RunOptions { replace_duplicates: true });
        assert_eq!(kept, ["b input.jsonl:2", "a input.jsonl:3"]);
        assert!(errors.is_empty());
    }

    #[test]
    fn a_panic_in_one_document_is_reported_with_its_id() {
        let doc = Document::from_text("bad/doc.txt", "Some text.");
        let result: Result<(), _> = guarded(&doc, |_| panic!("index out of range"));
        let error = result.unwrap_err();
        assert!(matches!(&error, InputError::Internal { id, .. } if id == "bad/doc.txt"));
        assert!(error.to_string().contains("internal error while extracting document 'bad/doc.txt'"));
        assert!(error.to_string().contains("index out of range"));
        assert_eq!(guarded(&doc, |d| d.id.len()).unwrap(), 11);
    }
}
