//! The persistent store, behind one seam.
//!
//! The default backend is oxigraph's in-memory `Store`, persisted in the
//! store directory and loaded when a command opens it. Each write makes a
//! new *generation*, a directory of its own, and then switches one pointer:
//!
//! | file | what |
//! | --- | --- |
//! | `CURRENT` | the pointer: `gen-NNNNNN sha256:<hex of its manifest.json>` and a newline |
//! | `gen-NNNNNN/graph.nq` | the whole graph, N-Quads, sorted (byte-stable) |
//! | `gen-NNNNNN/documents.jsonl` | one line per document: its id, content hash and cached extraction |
//! | `gen-NNNNNN/manifest.json` | format name and version, generation, counts, and the size and sha256 of the two files above |
//! | `lock` | held by the one process that writes |
//!
//! A commit writes and fsyncs the generation's three files and the
//! directory, writes `CURRENT.tmp`, fsyncs it, renames it over `CURRENT`
//! and fsyncs the store directory; only then are older generations and
//! stray temporaries removed (and again by the next writer that opens the
//! store). A crash at any step leaves either the old generation or the new
//! one in force, never a mix.
//!
//! Every open checks what it reads against the manifest: sizes, line
//! counts and sha256 checksums, computed while the files are streamed (the
//! graph while it is parsed). A missing, truncated, extended or altered
//! file is an error naming the file and the repair, never a smaller graph.
//! A store of the first layout (version 1: `graph.nq`, `documents.jsonl`
//! and `manifest.json` at the top level, checked by their counts) is read
//! as it is and moved into a generation by the next write.
//!
//! [`GraphStore::salvage`] is the start of `kgforge repair`: it finds what
//! is intact and says what must be rebuilt.
//!
//! Test hook: when the environment variable [`FAULT_ENV`] names one of
//! [`FAULT_STEPS`], a commit aborts the process at that step, so that tests
//! can check what a crash there leaves behind.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Quad;
use oxigraph::store::Store;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::export::{write_parts, GraphFormat};

/// The store's format name, in `manifest.json`.
pub const FORMAT: &str = "kgforge-store";
/// The store's format version: 2, generations behind a `CURRENT` pointer.
pub const VERSION: u32 = 2;

/// The environment variable of the fault-injection test hook: set to a
/// step of [`FAULT_STEPS`], a commit calls `std::process::abort()` there.
pub const FAULT_ENV: &str = "KGFORGE_FAULT_AT";

/// The steps of a commit, in order, where [`FAULT_ENV`] can stop it.
pub const FAULT_STEPS: &[&str] = &[
    "generation-created",
    "graph-partial",
    "graph-written",
    "records-partial",
    "records-written",
    "manifest-partial",
    "manifest-written",
    "generation-synced",
    "pointer-partial",
    "pointer-written",
    "pointer-renamed",
    "pointer-synced",
    "cleanup-partial",
    "cleanup-done",
];

const CURRENT: &str = "CURRENT";
const CURRENT_TMP: &str = "CURRENT.tmp";
const GRAPH: &str = "graph.nq";
const RECORDS: &str = "documents.jsonl";
const MANIFEST: &str = "manifest.json";
const LOCK: &str = "lock";

/// How a store is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Read only: the store must exist. Every file is checked; the graph
    /// is loaded.
    Read,
    /// Read and write: created if missing, locked against other writers.
    /// The records are read and checked; the old graph is not loaded: a
    /// writer replaces it whole.
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
    /// A file of the store is missing or damaged.
    #[error("the store file '{path}' is damaged: {problem}; {remedy}")]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        problem: String,
        /// How to repair it.
        remedy: String,
    },
    /// Nothing intact remains to rebuild the store from.
    #[error(
        "cannot repair the store '{path}': {reason}; move it aside and rebuild it from the inputs with `kgforge build --store {path} INPUT...`"
    )]
    Unrepairable {
        /// The store directory.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The store was written by a newer kgforge.
    #[error("the store '{path}' has format version {version}; this kgforge reads versions 1 and {VERSION}")]
    NewerVersion {
        /// The manifest.
        path: PathBuf,
        /// Its version.
        version: u32,
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

/// What a commit wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    /// The generation directory's name, `gen-NNNNNN`.
    pub generation: String,
    /// Quads of the graph.
    pub quads: usize,
    /// Document records.
    pub documents: usize,
    /// The graph file's sha256, in hex.
    pub graph_sha256: String,
}

/// What [`GraphStore::salvage`] found, and the store opened for writing
/// with the records that survived.
#[derive(Debug)]
pub struct Salvage {
    /// The store, locked for writing, holding the surviving records.
    pub store: GraphStore,
    /// The damage found, one message each (empty when the store is intact).
    pub findings: Vec<String>,
    /// What must be done.
    pub action: RepairAction,
}

/// What repairing a store takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RepairAction {
    /// Nothing is damaged.
    Nothing,
    /// Only `CURRENT` is damaged; the generation it should name is intact
    /// ([`GraphStore::adopt`] rewrites it).
    Pointer,
    /// The graph must be rebuilt from the records.
    RebuildGraph {
        /// The sha256 the rebuilt graph should have, when known.
        expected_sha256: Option<String>,
        /// Whether a rebuilt graph of another checksum must be refused:
        /// true when the manifest is lost and the old graph is the only
        /// witness that the records are complete.
        strict: bool,
    },
}

/// A store directory, opened.
pub struct GraphStore {
    dir: PathBuf,
    store: Store,
    lock: Option<File>,
    /// The generation in force: 0 when none (new store, or the first layout).
    generation: u64,
    records: Vec<String>,
}

impl std::fmt::Debug for GraphStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GraphStore")
            .field("dir", &self.dir)
            .field("writable", &self.lock.is_some())
            .field("generation", &self.generation)
            .finish_non_exhaustive()
    }
}

/// `manifest.json`. Version 1 has no generation and no files.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Manifest {
    format: String,
    version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    generation: Option<u64>,
    quads: usize,
    documents: usize,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    files: BTreeMap<String, FileSum>,
}

/// A file's size and checksum, as the manifest records them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct FileSum {
    bytes: u64,
    sha256: String,
}

/// What was measured while a file was streamed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Sum {
    bytes: u64,
    sha256: String,
    lines: usize,
}

/// The layout found in a store directory.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Layout {
    /// Nothing committed.
    Empty,
    /// Version 1: files at the top level.
    V1,
    /// A generation named by `CURRENT`, with its manifest's checksum.
    V2 { generation: u64, manifest_sha256: String },
}

/// A generation's directory and its checked manifest.
#[derive(Debug)]
struct Generation {
    path: PathBuf,
    number: u64,
    manifest: Manifest,
}

impl GraphStore {
    /// Opens the store in `dir`.
    ///
    /// # Errors
    ///
    /// A missing store in read mode, a lock held by another writer, or a
    /// missing, damaged or unreadable file.
    pub fn open(dir: &Path, mode: OpenMode) -> Result<Self, StoreError> {
        let pointer = || fs::read(dir.join(CURRENT)).ok();
        let before = pointer();
        match Self::open_once(dir, mode) {
            // A writer switched generations and removed the one being read:
            // read the new one.
            Err(StoreError::Damaged { .. }) if mode == OpenMode::Read && pointer() != before => {
                Self::open_once(dir, mode)
            }
            result => result,
        }
    }

    fn open_once(dir: &Path, mode: OpenMode) -> Result<Self, StoreError> {
        let lock = match mode {
            OpenMode::Read => None,
            OpenMode::Write => {
                fs::create_dir_all(dir).map_err(io_error(dir))?;
                Some(lock(dir)?)
            }
        };
        let mut this = Self {
            dir: dir.to_path_buf(),
            store: Store::new().map_err(backend)?,
            lock,
            generation: 0,
            records: Vec::new(),
        };
        let layout = match layout(dir) {
            Ok(Layout::Empty) if mode == OpenMode::Read => {
                return Err(StoreError::NotFound { path: dir.to_path_buf() })
            }
            Ok(Layout::Empty) => {
                this.remove_strays()?;
                return Ok(this);
            }
            Ok(layout) => layout,
            Err(error) => return Err(error),
        };
        let generation = load_generation(dir, &layout)?;
        this.generation = generation.number;
        // Open every file before reading any: a writer that removes this
        // generation meanwhile cannot pull a file away half-way.
        let records_path = generation.path.join(RECORDS);
        let records_file = open_existing(dir, &records_path)?;
        let graph_path = generation.path.join(GRAPH);
        let graph_file = if mode == OpenMode::Read { Some(open_existing(dir, &graph_path)?) } else { None };
        match mode {
            OpenMode::Read => {
                let sum = hash_all(Hashing::new(records_file), &records_path)?;
                check(dir, &records_path, &generation.manifest, RECORDS, &sum, generation.manifest.documents)?;
            }
            OpenMode::Write => {
                let (records, sum) = read_records(dir, records_file, &records_path)?;
                check(dir, &records_path, &generation.manifest, RECORDS, &sum, generation.manifest.documents)?;
                this.records = records;
            }
        }
        if let Some(file) = graph_file {
            load_graph(&this.store, file, dir, &graph_path, &generation.manifest)?;
        }
        if mode == OpenMode::Write {
            this.remove_strays()?;
        }
        Ok(this)
    }

    /// Opens the store in `dir` for `kgforge repair`: takes the write lock,
    /// finds the generation in force (or, when `CURRENT` is damaged, the
    /// newest one with a readable manifest), checks every file, keeps the
    /// records if they are intact and says what must be rebuilt.
    ///
    /// # Errors
    ///
    /// No store, a lock held by another writer, or damage that leaves
    /// nothing to rebuild from ([`StoreError::Unrepairable`]): lost or
    /// damaged records, or a lost manifest together with a lost graph.
    pub fn salvage(dir: &Path) -> Result<Salvage, StoreError> {
        if !dir.is_dir() {
            return Err(StoreError::NotFound { path: dir.to_path_buf() });
        }
        let lock = lock(dir)?;
        let mut findings = Vec::new();
        let unrepairable = |reason: String| StoreError::Unrepairable { path: dir.to_path_buf(), reason };
        let (layout, pointer_ok) = match layout(dir) {
            Ok(Layout::Empty) => return Err(StoreError::NotFound { path: dir.to_path_buf() }),
            Ok(layout) => (layout, true),
            Err(error @ StoreError::Damaged { .. }) => {
                findings.push(describe(&error));
                let Some(number) = newest_generation(dir)? else {
                    return Err(unrepairable("no generation with a readable manifest remains".into()));
                };
                (Layout::V2 { generation: number, manifest_sha256: String::new() }, false)
            }
            Err(error) => return Err(error),
        };
        let folder = match &layout {
            Layout::V2 { generation, .. } => dir.join(generation_name(*generation)),
            _ => dir.to_path_buf(),
        };
        let number = match &layout {
            Layout::V2 { generation, .. } => *generation,
            _ => 0,
        };
        let generation = if pointer_ok {
            load_generation(dir, &layout)
        } else {
            read_manifest(dir, &folder.join(MANIFEST), None, Some(number)).map(|manifest| Generation {
                path: folder.clone(),
                number,
                manifest,
            })
        };
        let records_path = folder.join(RECORDS);
        let graph_path = folder.join(GRAPH);
        let records_file = open_existing(dir, &records_path).map_err(|e| unrepairable(describe(&e)))?;
        let (records, records_sum) =
            read_records(dir, records_file, &records_path).map_err(|e| unrepairable(describe(&e)))?;
        let graph_sum = open_existing(dir, &graph_path).and_then(|file| hash_all(Hashing::new(file), &graph_path));
        let action = match generation {
            Err(error @ StoreError::NewerVersion { .. }) => return Err(error),
            Ok(generation) => {
                check(dir, &records_path, &generation.manifest, RECORDS, &records_sum, generation.manifest.documents)
                    .map_err(|e| unrepairable(describe(&e)))?;
                let graph_ok = graph_sum.and_then(|sum| {
                    check(dir, &graph_path, &generation.manifest, GRAPH, &sum, generation.manifest.quads)
                });
                match graph_ok {
                    Ok(()) if pointer_ok => RepairAction::Nothing,
                    Ok(()) => RepairAction::Pointer,
                    Err(error) => {
                        findings.push(describe(&error));
                        RepairAction::RebuildGraph {
                            expected_sha256: generation.manifest.files.get(GRAPH).map(|f| f.sha256.clone()),
                            strict: false,
                        }
                    }
                }
            }
            Err(error) => {
                findings.push(describe(&error));
                // Without the manifest, the records cannot be checked: each
                // must parse, and the graph rebuilt from them must equal the
                // graph file beside them.
                for (i, record) in records.iter().enumerate() {
                    if !serde_json::from_str::<serde_json::Value>(record).is_ok_and(|v| v.is_object()) {
                        return Err(unrepairable(format!(
                            "'{}' line {} is not a JSON record, and the manifest that would tell what it held is damaged",
                            records_path.display(),
                            i + 1
                        )));
                    }
                }
                if records_sum.lines != records.len() {
                    return Err(unrepairable(format!("'{}' ends in the middle of a line", records_path.display())));
                }
                let sum = graph_sum.map_err(|e| {
                    unrepairable(format!(
                        "{}; with the manifest damaged too, nothing tells whether the records are complete",
                        describe(&e)
                    ))
                })?;
                RepairAction::RebuildGraph { expected_sha256: Some(sum.sha256), strict: true }
            }
        };
        let store = Self {
            dir: dir.to_path_buf(),
            store: Store::new().map_err(backend)?,
            lock: Some(lock),
            generation: number,
            records,
        };
        Ok(Salvage { store, findings, action })
    }

    /// Rewrites `CURRENT` to name the generation this store was opened at
    /// (after [`GraphStore::salvage`] found it intact), then loads nothing.
    ///
    /// # Errors
    ///
    /// The store was opened read-only or is of the first layout, or a file
    /// cannot be written.
    pub fn adopt(&mut self) -> Result<String, StoreError> {
        self.writable()?;
        if self.generation == 0 {
            return Err(StoreError::Backend("no generation to point at".into()));
        }
        let manifest = self.dir.join(generation_name(self.generation)).join(MANIFEST);
        let bytes = fs::read(&manifest).map_err(io_error(&manifest))?;
        self.switch(self.generation, &hex(&Sha256::digest(&bytes)))?;
        self.remove_strays()?;
        Ok(generation_name(self.generation))
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

    /// The lines of `documents.jsonl` as opened, one JSON record per
    /// document, checked against the manifest. Held only by a store opened
    /// for writing (a reader checks them and lets them go), until it commits.
    #[must_use]
    pub fn records(&self) -> &[String] {
        &self.records
    }

    /// Replaces the whole content: the graph and the document records.
    ///
    /// # Errors
    ///
    /// The store was opened read-only, or a file cannot be written.
    pub fn replace(&mut self, quads: &[Quad], records: &[String]) -> Result<Commit, StoreError> {
        let mut sorted = quads.to_vec();
        crate::export::canonicalize(&mut sorted);
        self.replace_parts(std::iter::once(sorted), records)
    }

    /// Replaces the whole content with a graph given in canonical parts
    /// (see `graph::triples::GraphParts`), holding one part at a time, as
    /// a new generation.
    ///
    /// # Errors
    ///
    /// The store was opened read-only, or a file cannot be written.
    pub fn replace_parts(
        &mut self,
        parts: impl Iterator<Item = Vec<Quad>>,
        records: &[String],
    ) -> Result<Commit, StoreError> {
        self.commit(parts, records, None)
    }

    /// Like [`GraphStore::replace_parts`], but the new generation is thrown
    /// away, and the old one stays in force, unless its graph has the
    /// sha256 `expected`.
    ///
    /// # Errors
    ///
    /// The graph differs from the expected one ([`StoreError::Unrepairable`]),
    /// the store was opened read-only, or a file cannot be written.
    pub fn replace_parts_expecting(
        &mut self,
        parts: impl Iterator<Item = Vec<Quad>>,
        records: &[String],
        expected: &str,
    ) -> Result<Commit, StoreError> {
        self.commit(parts, records, Some(expected))
    }

    fn writable(&self) -> Result<(), StoreError> {
        if self.lock.is_none() {
            return Err(StoreError::Backend("the store was opened read-only".into()));
        }
        Ok(())
    }

    fn commit(
        &mut self,
        parts: impl Iterator<Item = Vec<Quad>>,
        records: &[String],
        expected: Option<&str>,
    ) -> Result<Commit, StoreError> {
        self.writable()?;
        let number = self.generation.max(highest_generation(&self.dir)?) + 1;
        let folder = self.dir.join(generation_name(number));
        if folder.exists() {
            fs::remove_dir_all(&folder).map_err(io_error(&folder))?;
        }
        fs::create_dir(&folder).map_err(io_error(&folder))?;
        fault("generation-created");

        let graph_path = folder.join(GRAPH);
        let store = Store::new().map_err(backend)?;
        let mut loader = store.bulk_loader();
        let mut load_error = None;
        let parts = parts.inspect(|part| {
            if let Err(error) = loader.load_quads(part.iter().cloned()) {
                load_error.get_or_insert(error);
            }
        });
        let writer = BufWriter::new(Hashing::new(create(&graph_path)?).faulting("graph-partial"));
        let (writer, quads) =
            write_parts(parts, GraphFormat::NQuads, writer).map_err(|e| StoreError::Backend(e.to_string()))?;
        if let Some(error) = load_error {
            return Err(backend(error));
        }
        loader.commit().map_err(backend)?;
        let graph = finish(writer, &graph_path)?;
        fault("graph-written");
        if let Some(expected) = expected.filter(|expected| *expected != graph.sha256) {
            let _ = fs::remove_dir_all(&folder);
            return Err(StoreError::Unrepairable {
                path: self.dir.clone(),
                reason: format!(
                    "the graph rebuilt from the records (sha256 {}) differs from the graph file beside them (sha256 {expected}), and the manifest that would tell which is right is damaged",
                    graph.sha256
                ),
            });
        }

        let records_path = folder.join(RECORDS);
        let mut writer = BufWriter::new(Hashing::new(create(&records_path)?).faulting("records-partial"));
        for record in records {
            writeln!(writer, "{record}").map_err(io_error(&records_path))?;
        }
        let records_sum = finish(writer, &records_path)?;
        fault("records-written");

        let manifest = Manifest {
            format: FORMAT.into(),
            version: VERSION,
            generation: Some(number),
            quads,
            documents: records.len(),
            files: BTreeMap::from([
                (GRAPH.to_string(), FileSum { bytes: graph.bytes, sha256: graph.sha256.clone() }),
                (RECORDS.to_string(), FileSum { bytes: records_sum.bytes, sha256: records_sum.sha256 }),
            ]),
        };
        let mut text = serde_json::to_string_pretty(&manifest).map_err(|e| StoreError::Backend(e.to_string()))?;
        text.push('\n');
        let manifest_path = folder.join(MANIFEST);
        write_synced(&manifest_path, text.as_bytes(), "manifest-partial")?;
        fault("manifest-written");
        sync_dir(&folder)?;
        fault("generation-synced");

        self.switch(number, &hex(&Sha256::digest(text.as_bytes())))?;
        self.generation = number;
        self.store = store;
        self.records.clear();
        self.remove_strays()?;
        fault("cleanup-done");
        Ok(Commit { generation: generation_name(number), quads, documents: records.len(), graph_sha256: graph.sha256 })
    }

    /// Points `CURRENT` at a generation: the one atomic step of a commit.
    fn switch(&self, number: u64, manifest_sha256: &str) -> Result<(), StoreError> {
        let tmp = self.dir.join(CURRENT_TMP);
        let pointer = format!("{} sha256:{manifest_sha256}\n", generation_name(number));
        write_synced(&tmp, pointer.as_bytes(), "pointer-partial")?;
        fault("pointer-written");
        let current = self.dir.join(CURRENT);
        fs::rename(&tmp, &current).map_err(io_error(&current))?;
        fault("pointer-renamed");
        sync_dir(&self.dir)?;
        fault("pointer-synced");
        Ok(())
    }

    /// Removes what no longer belongs to the store: generations other than
    /// the one in force, `CURRENT.tmp`, and the first layout's files once a
    /// generation replaced them. Only called once the generation in force
    /// is known to be intact (or there is none).
    fn remove_strays(&self) -> Result<(), StoreError> {
        let mut removed = 0;
        let mut remove = |path: &Path, dir: bool| -> Result<(), StoreError> {
            let result = if dir { fs::remove_dir_all(path) } else { fs::remove_file(path) };
            match result {
                Ok(()) => {
                    removed += 1;
                    if removed == 1 {
                        fault("cleanup-partial");
                    }
                    Ok(())
                }
                Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
                Err(error) => Err(io_error(path)(error)),
            }
        };
        for (number, path) in generations(&self.dir)? {
            if number != self.generation {
                // The graph first: a crash in between leaves a generation
                // without it, which nothing reads.
                remove(&path.join(GRAPH), false)?;
                remove(&path, true)?;
            }
        }
        let mut names = vec![CURRENT_TMP];
        if self.generation > 0 {
            names.extend([GRAPH, RECORDS, MANIFEST, "graph.nq.tmp", "documents.jsonl.tmp", "manifest.json.tmp"]);
        }
        for name in names {
            remove(&self.dir.join(name), false)?;
        }
        Ok(())
    }

    /// How much the store holds.
    ///
    /// # Errors
    ///
    /// The in-memory store fails.
    pub fn stats(&self) -> Result<StoreStats, StoreError> {
        Ok(StoreStats { quads: self.store.len().map_err(backend)?, graphs: self.store.named_graphs().count() })
    }
}

/// An in-memory store holding `quads`.
///
/// # Errors
///
/// The in-memory store fails.
pub fn memory_store(quads: &[Quad]) -> Result<Store, StoreError> {
    let store = Store::new().map_err(backend)?;
    let mut loader = store.bulk_loader();
    loader.load_quads(quads.iter().cloned()).map_err(backend)?;
    loader.commit().map_err(backend)?;
    Ok(store)
}

/// The test hook: aborts when [`FAULT_ENV`] names `step`.
fn fault(step: &str) {
    if std::env::var_os(FAULT_ENV).is_some_and(|at| at == step) {
        std::process::abort();
    }
}

fn backend(error: impl std::fmt::Display) -> StoreError {
    StoreError::Backend(error.to_string())
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> StoreError {
    let path = path.to_path_buf();
    move |source| StoreError::Io { path, source }
}

/// An error without its remedy, for `kgforge repair`'s own report.
fn describe(error: &StoreError) -> String {
    match error {
        StoreError::Damaged { path, problem, .. } => format!("'{}' is damaged: {problem}", path.display()),
        other => other.to_string(),
    }
}

fn repair_remedy(dir: &Path) -> String {
    format!("run `kgforge repair --store {}`", dir.display())
}

/// A damaged file, with the remedy: `kgforge repair`, except for the
/// records, which nothing in the store can make again.
fn damaged(dir: &Path, path: &Path, problem: impl Into<String>) -> StoreError {
    let remedy = if path.file_name().is_some_and(|name| name == RECORDS) {
        format!(
            "the cached extractions cannot be made again from the rest of the store: move it aside and rebuild it from the inputs with `kgforge build --store {} INPUT...`",
            dir.display()
        )
    } else {
        repair_remedy(dir)
    };
    StoreError::Damaged { path: path.to_path_buf(), problem: problem.into(), remedy }
}

fn generation_name(number: u64) -> String {
    format!("gen-{number:06}")
}

fn lock(dir: &Path) -> Result<File, StoreError> {
    let path = dir.join(LOCK);
    let file = File::options().create(true).truncate(false).write(true).open(&path).map_err(io_error(&path))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(fs::TryLockError::WouldBlock) => Err(StoreError::Locked { path }),
        Err(fs::TryLockError::Error(source)) => Err(StoreError::Io { path, source }),
    }
}

/// The generation directories, by number.
fn generations(dir: &Path) -> Result<Vec<(u64, PathBuf)>, StoreError> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(io_error(dir)(error)),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(io_error(dir))?;
        let name = entry.file_name();
        if let Some(number) = name.to_str().and_then(parse_generation) {
            found.push((number, entry.path()));
        }
    }
    found.sort();
    Ok(found)
}

fn parse_generation(name: &str) -> Option<u64> {
    let digits = name.strip_prefix("gen-")?;
    (digits.len() >= 6 && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.parse().ok()).flatten()
}

fn highest_generation(dir: &Path) -> Result<u64, StoreError> {
    Ok(generations(dir)?.last().map_or(0, |(number, _)| *number))
}

/// The newest generation whose manifest reads, for a store whose `CURRENT`
/// is lost.
fn newest_generation(dir: &Path) -> Result<Option<u64>, StoreError> {
    for (number, path) in generations(dir)?.into_iter().rev() {
        if read_manifest(dir, &path.join(MANIFEST), None, Some(number)).is_ok() {
            return Ok(Some(number));
        }
    }
    Ok(None)
}

/// What the directory holds: reads and checks `CURRENT`.
fn layout(dir: &Path) -> Result<Layout, StoreError> {
    let current = dir.join(CURRENT);
    match fs::read(&current) {
        Ok(bytes) => parse_pointer(&bytes).ok_or_else(|| {
            damaged(
                dir,
                &current,
                format!(
                    "expected 'gen-NNNNNN sha256:<64 hex digits>' and a newline, found {} byte(s) that are not",
                    bytes.len()
                ),
            )
        }),
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            if [GRAPH, RECORDS, MANIFEST].iter().any(|name| dir.join(name).exists()) {
                return Ok(Layout::V1);
            }
            // A generation with a whole manifest was, or was about to be,
            // committed: its pointer is lost. One without was a first
            // commit that never finished.
            if generations(dir)?
                .iter()
                .any(|(number, path)| read_manifest(dir, &path.join(MANIFEST), None, Some(*number)).is_ok())
            {
                return Err(damaged(dir, &current, "it is missing, though generation directories exist"));
            }
            Ok(Layout::Empty)
        }
        Err(error) => Err(io_error(&current)(error)),
    }
}

fn parse_pointer(bytes: &[u8]) -> Option<Layout> {
    let text = std::str::from_utf8(bytes).ok()?.strip_suffix('\n')?;
    let (name, sum) = text.split_once(' ')?;
    let generation = parse_generation(name)?;
    let sum = sum.strip_prefix("sha256:")?;
    (sum.len() == 64 && sum.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
        .then(|| Layout::V2 { generation, manifest_sha256: sum.to_string() })
}

/// Reads and checks the manifest of the generation in force.
fn load_generation(dir: &Path, layout: &Layout) -> Result<Generation, StoreError> {
    match layout {
        Layout::V2 { generation, manifest_sha256 } => {
            let path = dir.join(generation_name(*generation));
            let manifest = read_manifest(dir, &path.join(MANIFEST), Some(manifest_sha256), Some(*generation))?;
            Ok(Generation { path, number: *generation, manifest })
        }
        Layout::V1 | Layout::Empty => {
            let manifest = read_manifest(dir, &dir.join(MANIFEST), None, None)?;
            Ok(Generation { path: dir.to_path_buf(), number: 0, manifest })
        }
    }
}

/// Reads a manifest, checks it against the pointer's checksum and what its
/// place says its generation is (`None`: the first layout).
fn read_manifest(
    dir: &Path,
    path: &Path,
    sha256: Option<&str>,
    generation: Option<u64>,
) -> Result<Manifest, StoreError> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Err(damaged(dir, path, "it is missing")),
        Err(error) => return Err(io_error(path)(error)),
    };
    if let Some(expected) = sha256 {
        if hex(&Sha256::digest(&bytes)) != expected {
            return Err(damaged(dir, path, "its sha256 checksum differs from the one recorded in CURRENT"));
        }
    }
    let manifest: Manifest =
        serde_json::from_slice(&bytes).map_err(|e| damaged(dir, path, format!("it is not a valid manifest ({e})")))?;
    if manifest.format != FORMAT {
        return Err(damaged(dir, path, format!("its format is '{}', not '{FORMAT}'", manifest.format)));
    }
    if manifest.version > VERSION {
        return Err(StoreError::NewerVersion { path: path.to_path_buf(), version: manifest.version });
    }
    let expected_version = if generation.is_some() { VERSION } else { 1 };
    if manifest.version != expected_version || manifest.generation != generation {
        return Err(damaged(
            dir,
            path,
            format!(
                "it says version {} generation {:?}, where its place says version {expected_version} generation {generation:?}",
                manifest.version, manifest.generation
            ),
        ));
    }
    if generation.is_some() && [GRAPH, RECORDS].iter().any(|name| !manifest.files.contains_key(*name)) {
        return Err(damaged(dir, path, format!("it does not record the checksums of {GRAPH} and {RECORDS}")));
    }
    Ok(manifest)
}

fn open_existing(dir: &Path, path: &Path) -> Result<File, StoreError> {
    match File::open(path) {
        Ok(file) => Ok(file),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Err(damaged(dir, path, "it is missing")),
        Err(error) => Err(io_error(path)(error)),
    }
}

/// Compares what was measured with what the manifest records.
fn check(dir: &Path, path: &Path, manifest: &Manifest, name: &str, sum: &Sum, count: usize) -> Result<(), StoreError> {
    let what = if name == GRAPH { "quads" } else { "document records" };
    if let Some(expected) = manifest.files.get(name) {
        if sum.bytes != expected.bytes {
            let how = if sum.bytes < expected.bytes { "truncated" } else { "extended" };
            return Err(damaged(
                dir,
                path,
                format!("it has {} bytes where the manifest records {} ({how})", sum.bytes, expected.bytes),
            ));
        }
        if sum.sha256 != expected.sha256 {
            return Err(damaged(dir, path, "its sha256 checksum differs from the manifest's (the content changed)"));
        }
    }
    if sum.lines != count {
        return Err(damaged(dir, path, format!("it holds {} {what} where the manifest records {count}", sum.lines)));
    }
    Ok(())
}

/// Loads the graph file into `store`, hashing it as it is parsed, and
/// checks it. A file that does not parse is reported by what the checks
/// say first (truncated, changed), then by the parser's message.
fn load_graph(store: &Store, file: File, dir: &Path, path: &Path, manifest: &Manifest) -> Result<(), StoreError> {
    let mut hashing = Hashing::new(file);
    let mut loader = store.bulk_loader();
    let loaded = loader
        .load_from_reader(RdfParser::from_format(RdfFormat::NQuads), BufReader::with_capacity(1 << 16, &mut hashing));
    let sum = hash_all(hashing, path)?;
    check(dir, path, manifest, GRAPH, &sum, manifest.quads)?;
    loaded.map_err(|e| damaged(dir, path, format!("it is not valid N-Quads ({e})")))?;
    loader.commit().map_err(backend)
}

/// Reads the rest of a file through its hasher.
fn hash_all(mut hashing: Hashing<File>, path: &Path) -> Result<Sum, StoreError> {
    io::copy(&mut hashing, &mut io::sink()).map_err(io_error(path))?;
    Ok(hashing.sum())
}

/// Reads the records, hashing them as they are read.
fn read_records(dir: &Path, file: File, path: &Path) -> Result<(Vec<String>, Sum), StoreError> {
    let mut hashing = Hashing::new(file);
    let mut records = Vec::new();
    let mut reader = BufReader::with_capacity(1 << 16, &mut hashing);
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).map_err(io_error(path))? == 0 {
            break;
        }
        let text = line.strip_suffix(b"\n").unwrap_or(&line);
        let text = String::from_utf8(text.to_vec())
            .map_err(|_| damaged(dir, path, format!("its line {} is not UTF-8", records.len() + 1)))?;
        records.push(text);
    }
    drop(reader);
    Ok((records, hashing.sum()))
}

fn create(path: &Path) -> Result<File, StoreError> {
    File::create(path).map_err(io_error(path))
}

/// Flushes, syncs and closes a file written through a hasher.
fn finish(writer: BufWriter<Hashing<File>>, path: &Path) -> Result<Sum, StoreError> {
    let hashing = writer.into_inner().map_err(|e| io_error(path)(e.into_error()))?;
    hashing.inner.sync_all().map_err(io_error(path))?;
    Ok(hashing.sum())
}

/// Writes a small file in two halves (so that `step` can stop it between
/// them) and syncs it.
fn write_synced(path: &Path, bytes: &[u8], step: &str) -> Result<(), StoreError> {
    let mut file = create(path)?;
    let (head, tail) = bytes.split_at(bytes.len() / 2);
    file.write_all(head).map_err(io_error(path))?;
    fault(step);
    file.write_all(tail).map_err(io_error(path))?;
    file.sync_all().map_err(io_error(path))
}

fn sync_dir(path: &Path) -> Result<(), StoreError> {
    File::open(path).and_then(|dir| dir.sync_all()).map_err(io_error(path))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut out, byte| {
        let _ = write!(out, "{byte:02x}");
        out
    })
}

/// A reader or writer that hashes and counts what passes through it.
struct Hashing<T> {
    inner: T,
    hasher: Sha256,
    bytes: u64,
    lines: usize,
    /// The fault step to stop at after the first write reached the file.
    fault: Option<&'static str>,
}

impl<T> Hashing<T> {
    fn new(inner: T) -> Self {
        Self { inner, hasher: Sha256::new(), bytes: 0, lines: 0, fault: None }
    }

    fn faulting(mut self, step: &'static str) -> Self {
        self.fault = Some(step);
        self
    }

    fn update(&mut self, bytes: &[u8]) {
        self.hasher.update(bytes);
        self.bytes += bytes.len() as u64;
        self.lines += bytes.iter().filter(|&&b| b == b'\n').count();
    }

    fn sum(self) -> Sum {
        Sum { bytes: self.bytes, sha256: hex(&self.hasher.finalize()), lines: self.lines }
    }
}

impl<T: Read> Read for Hashing<T> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.update(&buf[..n]);
        Ok(n)
    }
}

impl<T: Write> Write for Hashing<T> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.update(&buf[..n]);
        if let Some(step) = self.fault.take() {
            fault(step);
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_parse_strictly() {
        let sum = "a".repeat(64);
        assert_eq!(
            parse_pointer(format!("gen-000042 sha256:{sum}\n").as_bytes()),
            Some(Layout::V2 { generation: 42, manifest_sha256: sum.clone() })
        );
        for bad in [
            format!("gen-000042 sha256:{sum}"),
            format!("gen-42 sha256:{sum}\n"),
            format!("gen-000042 sha256:{}\n", &sum[1..]),
            format!("gen-000042 sha256:{}\n", sum.to_uppercase()),
            "\0\0\0garbage".to_string(),
            String::new(),
        ] {
            assert_eq!(parse_pointer(bad.as_bytes()), None, "{bad:?}");
        }
    }

    #[test]
    fn hashing_counts_and_hashes() {
        let mut hashing = Hashing::new(&b"a\nb\n"[..]);
        io::copy(&mut hashing, &mut io::sink()).expect("read");
        let sum = hashing.sum();
        assert_eq!((sum.bytes, sum.lines), (4, 2));
        assert_eq!(sum.sha256, hex(&Sha256::digest(b"a\nb\n")));
    }
}
