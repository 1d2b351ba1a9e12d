//! The persistent store, behind one seam.
//!
//! The default backend is oxigraph's in-memory `Store`, persisted in the
//! store directory and loaded when a command opens it:
//!
//! | file | what |
//! | --- | --- |
//! | `graph.nq` | the whole graph, N-Quads, sorted (byte-stable) |
//! | `documents.jsonl` | one line per document: its id, content hash and cached extraction |
//! | `manifest.json` | format name and version, counts |
//! | `lock` | held by the one process that writes |
//!
//! Writes are atomic: new files are written beside the old ones, synced,
//! then renamed over them. A later `rocksdb` backend replaces this module's
//! internals, not its interface.

use std::fs::{self, File};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Quad;
use oxigraph::store::Store;

use crate::export::{write_parts, GraphFormat};

/// The store's format name, in `manifest.json`.
pub const FORMAT: &str = "kgforge-store";
/// The store's format version.
pub const VERSION: u32 = 1;

/// How a store is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Read only: the store must exist.
    Read,
    /// Read and write: created if missing, locked against other writers.
    /// The old graph is not loaded: a writer replaces it whole.
    Write,
}

/// Errors of the store, each naming its path.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No store at that path.
    #[error("no store at '{path}' (build one with `kgforge build --store {path}`)")]
    NotFound {
        /// The directory.
        path: PathBuf,
    },
    /// Another process holds the write lock.
    #[error("the store '{path}' is locked by another kgforge process")]
    Locked {
        /// The lock file.
        path: PathBuf,
    },
    /// A file of the store cannot be read or written.
    #[error("cannot access '{path}': {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A file of the store is damaged.
    #[error("the store file '{path}' is damaged: {message}")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The in-memory store failed.
    #[error("store error: {0}")]
    Backend(String),
}

/// Counts of what a store holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoreStats {
    /// All quads.
    pub quads: usize,
    /// Named graphs (one per document).
    pub graphs: usize,
}

/// A store directory, opened.
pub struct GraphStore {
    dir: PathBuf,
    store: Store,
    lock: Option<File>,
}

impl std::fmt::Debug for GraphStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GraphStore")
            .field("dir", &self.dir)
            .field("writable", &self.lock.is_some())
            .finish_non_exhaustive()
    }
}

impl GraphStore {
    /// Opens the store in `dir`.
    ///
    /// # Errors
    ///
    /// A missing store in read mode, a lock held by another writer, or a
    /// damaged or unreadable file.
    pub fn open(dir: &Path, mode: OpenMode) -> Result<Self, StoreError> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| StoreError::Io { path, source }
        };
        let lock = match mode {
            OpenMode::Read => {
                if !dir.join("manifest.json").is_file() {
                    return Err(StoreError::NotFound { path: dir.to_path_buf() });
                }
                None
            }
            OpenMode::Write => {
                fs::create_dir_all(dir).map_err(io(dir))?;
                let path = dir.join("lock");
                let file = File::options().create(true).truncate(false).write(true).open(&path).map_err(io(&path))?;
                match file.try_lock() {
                    Ok(()) => Some(file),
                    Err(fs::TryLockError::WouldBlock) => return Err(StoreError::Locked { path }),
                    Err(fs::TryLockError::Error(source)) => return Err(StoreError::Io { path, source }),
                }
            }
        };
        let store = Store::new().map_err(|e| StoreError::Backend(e.to_string()))?;
        let graph = dir.join("graph.nq");
        if mode == OpenMode::Read && graph.is_file() {
            let file = File::open(&graph).map_err(io(&graph))?;
            let parser = RdfParser::from_format(RdfFormat::NQuads);
            let mut loader = store.bulk_loader();
            loader
                .load_from_reader(parser, BufReader::new(file))
                .map_err(|e| StoreError::Corrupt { path: graph.clone(), message: e.to_string() })?;
            loader.commit().map_err(|e| StoreError::Backend(e.to_string()))?;
        }
        Ok(Self { dir: dir.to_path_buf(), store, lock })
    }

    /// The in-memory oxigraph store, for queries.
    #[must_use]
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The store directory.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The lines of `documents.jsonl`: one JSON record per document.
    ///
    /// # Errors
    ///
    /// The file exists but cannot be read.
    pub fn records(&self) -> Result<Vec<String>, StoreError> {
        let path = self.dir.join("documents.jsonl");
        if !path.is_file() {
            return Ok(Vec::new());
        }
        let file = File::open(&path).map_err(|source| StoreError::Io { path: path.clone(), source })?;
        BufReader::new(file)
            .lines()
            .map(|line| line.map_err(|source| StoreError::Io { path: path.clone(), source }))
            .filter(|line| !line.as_ref().is_ok_and(|l| l.trim().is_empty()))
            .collect()
    }

    /// Replaces the whole content: the graph and the document records.
    ///
    /// # Errors
    ///
    /// The store was opened read-only, or a file cannot be written.
    pub fn replace(&mut self, quads: &[Quad], records: &[String]) -> Result<(), StoreError> {
        let mut sorted = quads.to_vec();
        crate::export::canonicalize(&mut sorted);
        self.replace_parts(std::iter::once(sorted), records)
    }

    /// Replaces the whole content with a graph given in canonical parts
    /// (see `graph::triples::GraphParts`), holding one part at a time.
    ///
    /// # Errors
    ///
    /// The store was opened read-only, or a file cannot be written.
    pub fn replace_parts(
        &mut self,
        parts: impl Iterator<Item = Vec<Quad>>,
        records: &[String],
    ) -> Result<(), StoreError> {
        if self.lock.is_none() {
            return Err(StoreError::Backend("the store was opened read-only".into()));
        }
        let graph_tmp = self.dir.join("graph.nq.tmp");
        let records_tmp = self.dir.join("documents.jsonl.tmp");
        let manifest_tmp = self.dir.join("manifest.json.tmp");
        let file = create(&graph_tmp)?;
        let store = Store::new().map_err(|e| StoreError::Backend(e.to_string()))?;
        let mut loader = store.bulk_loader();
        let mut load_error = None;
        let parts = parts.inspect(|part| {
            if let Err(error) = loader.load_quads(part.iter().cloned()) {
                load_error.get_or_insert(error);
            }
        });
        let (writer, count) = write_parts(parts, GraphFormat::NQuads, BufWriter::new(file))
            .map_err(|e| StoreError::Backend(e.to_string()))?;
        if let Some(error) = load_error {
            return Err(StoreError::Backend(error.to_string()));
        }
        loader.commit().map_err(|e| StoreError::Backend(e.to_string()))?;
        finish(writer, &graph_tmp)?;
        let mut writer = BufWriter::new(create(&records_tmp)?);
        for record in records {
            writeln!(writer, "{record}").map_err(|source| StoreError::Io { path: records_tmp.clone(), source })?;
        }
        finish(writer, &records_tmp)?;
        let manifest =
            serde_json::json!({ "format": FORMAT, "version": VERSION, "quads": count, "documents": records.len() });
        let mut writer = BufWriter::new(create(&manifest_tmp)?);
        writeln!(writer, "{manifest:#}").map_err(|source| StoreError::Io { path: manifest_tmp.clone(), source })?;
        finish(writer, &manifest_tmp)?;
        for name in ["graph.nq", "documents.jsonl", "manifest.json"] {
            let target = self.dir.join(name);
            fs::rename(self.dir.join(format!("{name}.tmp")), &target)
                .map_err(|source| StoreError::Io { path: target, source })?;
        }
        self.store = store;
        Ok(())
    }

    /// How much the store holds.
    ///
    /// # Errors
    ///
    /// The in-memory store fails.
    pub fn stats(&self) -> Result<StoreStats, StoreError> {
        let backend = |e: oxigraph::store::StorageError| StoreError::Backend(e.to_string());
        Ok(StoreStats { quads: self.store.len().map_err(backend)?, graphs: self.store.named_graphs().count() })
    }
}

/// An in-memory store holding `quads`.
///
/// # Errors
///
/// The in-memory store fails.
pub fn memory_store(quads: &[Quad]) -> Result<Store, StoreError> {
    let backend = |e: oxigraph::store::StorageError| StoreError::Backend(e.to_string());
    let store = Store::new().map_err(backend)?;
    let mut loader = store.bulk_loader();
    loader.load_quads(quads.iter().cloned()).map_err(backend)?;
    loader.commit().map_err(backend)?;
    Ok(store)
}

fn create(path: &Path) -> Result<File, StoreError> {
    File::create(path).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })
}

fn finish(writer: BufWriter<File>, path: &Path) -> Result<(), StoreError> {
    let io = |source| StoreError::Io { path: path.to_path_buf(), source };
    let file = writer.into_inner().map_err(|e| io(e.into_error()))?;
    file.sync_all().map_err(io)
}
