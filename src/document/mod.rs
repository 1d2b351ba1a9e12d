//! TEMPORARY stand-in (replaced by the document readers).
use crate::text::date::PartialDate;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
/// Document.
#[derive(Debug, Clone)]
pub struct Document {
    /** i */
    pub id: String,
    /** s */
    pub source: String,
    /** t */
    pub text: String,
    /** m */
    pub metadata: Metadata,
}
/// Metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /** t */
    pub title: Option<String>,
    /** d */
    pub date: Option<PartialDate>,
    /** u */
    pub url: Option<String>,
    /** p */
    pub publisher: Option<String>,
}
/// Error.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /** io */
    #[error("cannot read '{path}': {source}")]
    Io {
        /** p */
        path: PathBuf,
        /** s */
        source: std::io::Error,
    },
}
/// Read inputs.
pub fn read_inputs(inputs: &[PathBuf]) -> impl Iterator<Item = Result<Document, InputError>> {
    let mut files = Vec::new();
    for i in inputs {
        if i.is_dir() {
            let mut v: Vec<_> = std::fs::read_dir(i).unwrap().map(|e| e.unwrap().path()).collect();
            v.sort();
            files.extend(v);
        } else {
            files.push(i.clone());
        }
    }
    files.into_iter().flat_map(|p| -> Vec<Result<Document, InputError>> {
        if p.extension().is_some_and(|e| e == "jsonl") {
            let text = std::fs::read_to_string(&p).unwrap();
            text.lines()
                .map(|l| {
                    let v: serde_json::Value = serde_json::from_str(l).unwrap();
                    Ok(Document {
                        id: v["id"].as_str().unwrap().to_string(),
                        source: p.display().to_string(),
                        text: v["text"].as_str().unwrap().to_string(),
                        metadata: Metadata::default(),
                    })
                })
                .collect()
        } else {
            match std::fs::read_to_string(&p) {
                Ok(text) => vec![Ok(Document {
                    id: p.display().to_string(),
                    source: p.display().to_string(),
                    text,
                    metadata: Metadata::default(),
                })],
                Err(source) => vec![Err(InputError::Io { path: p, source })],
            }
        }
    })
}
