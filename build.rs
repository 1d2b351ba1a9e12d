//! Fingerprints the extraction rules: a hash of `src/`, `data/gazetteer/`,
//! `data/lexicon/` and `data/models/`,
//! so that a store's cached extractions are only reused by the same rules.

use std::hash::{DefaultHasher, Hasher};
use std::path::Path;

fn main() {
    let mut files = Vec::new();
    for dir in ["src", "data/gazetteer", "data/lexicon", "data/models"] {
        println!("cargo:rerun-if-changed={dir}");
        collect(Path::new(dir), &mut files);
    }
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in files {
        hasher.write(file.to_string_lossy().as_bytes());
        hasher.write(&std::fs::read(&file).unwrap_or_default());
    }
    println!("cargo:rustc-env=KGFORGE_RULES_HASH={:016x}", hasher.finish());
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}
