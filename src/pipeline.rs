//! The whole run: read inputs, extract each document (in parallel, in
//! batches, so memory holds extractions and never the text read), then
//! resolve entities across all documents and build the graph.

use oxigraph::model::Quad;
use rayon::prelude::*;

use crate::document::{Document, InputError};
use crate::extract::extract_document;
use crate::extract::model::DocExtraction;
use crate::resolve::{resolve, Resolution};

/// How many documents are read before a batch is extracted in parallel.
const BATCH: usize = 256;

/// Extracts every document of `documents`, reporting bad inputs to
/// `on_error` and progress (bytes read) to `on_progress`. Documents keep
/// their input order.
pub fn extract_all(
    documents: impl Iterator<Item = Result<Document, InputError>>,
    mut reuse: impl FnMut(&Document) -> Option<DocExtraction>,
    mut on_error: impl FnMut(InputError),
    mut on_progress: impl FnMut(u64),
) -> Vec<DocExtraction> {
    let mut out = Vec::new();
    let mut batch: Vec<Result<DocExtraction, Document>> = Vec::with_capacity(BATCH);
    let flush = |batch: &mut Vec<Result<DocExtraction, Document>>, out: &mut Vec<DocExtraction>| {
        let done: Vec<DocExtraction> = batch
            .par_drain(..)
            .map(|item| match item {
                Ok(cached) => cached,
                Err(doc) => extract_document(&doc),
            })
            .collect();
        out.extend(done);
    };
    for item in documents {
        match item {
            Ok(doc) => {
                on_progress(doc.text.len() as u64);
                batch.push(reuse(&doc).ok_or(doc));
                if batch.len() == BATCH {
                    flush(&mut batch, &mut out);
                }
            }
            Err(error) => on_error(error),
        }
    }
    flush(&mut batch, &mut out);
    // One document per id: a later duplicate replaces an earlier one.
    let mut seen = std::collections::BTreeMap::new();
    for (i, doc) in out.iter().enumerate() {
        seen.insert(doc.id.clone(), i);
    }
    if seen.len() < out.len() {
        let keep: std::collections::BTreeSet<usize> = seen.into_values().collect();
        out = out.into_iter().enumerate().filter(|(i, _)| keep.contains(i)).map(|(_, d)| d).collect();
    }
    out
}

/// Resolves entities across `docs` and builds the graph's quads.
#[must_use]
pub fn build_graph(docs: &[DocExtraction]) -> (Resolution, Vec<Quad>) {
    let resolution = resolve(docs);
    let quads = crate::graph::triples::build(docs, &resolution);
    (resolution, quads)
}
