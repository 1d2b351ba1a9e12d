//! The store as one unit, under crashes and damage: the real binary, real
//! files. A build killed at any step of its commit leaves the store as it
//! was before or as it is after, never a mix; a damaged, truncated or
//! missing file is an error naming it (or `kgforge repair` brings back the
//! very same store), never a smaller graph.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use kgforge::graph::store::{FAULT_ENV, FAULT_STEPS};
use tempfile::TempDir;

fn kgforge() -> Command {
    let mut cmd = Command::cargo_bin("kgforge").expect("binary built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).env_remove(FAULT_ENV);
    cmd
}

fn article(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus").join(name)
}

const FIRST: &str = "000_c7a11a84774d6d8b.txt";
const SECOND: &str = "004_575958ca5d983807.txt";
const ADDED: &str = "added.txt";
const ADDED_TEXT: &str = "Foreign Minister John Smith of Canada met NATO officials in Brussels on Tuesday.\n";

/// One corpus directory (document ids follow paths) in either of two
/// states: `a`, two articles; `b`, the same with one edited and one added.
struct Corpus(PathBuf);

impl Corpus {
    fn new(tmp: &Path) -> Self {
        let dir = tmp.join("corpus");
        fs::create_dir_all(&dir).expect("corpus dir");
        Self(dir)
    }

    fn a(&self) -> &Path {
        for name in [FIRST, SECOND] {
            fs::copy(article(name), self.0.join(name)).expect("copy");
        }
        let _ = fs::remove_file(self.0.join(ADDED));
        &self.0
    }

    fn b(&self) -> &Path {
        self.a();
        fs::write(self.0.join(ADDED), ADDED_TEXT).expect("write");
        let edited = self.0.join(SECOND);
        let text = fs::read_to_string(&edited).expect("read");
        fs::write(&edited, format!("{text}\nFinance Minister Jane Roe of Norway resigned on Monday.\n"))
            .expect("write");
        &self.0
    }
}

fn build(store: &Path, input: &Path) -> Output {
    kgforge().args(["build", "--quiet", "--store"]).arg(store).arg(input).output().expect("run build")
}

fn built(store: &Path, input: &Path) {
    let output = build(store, input);
    assert!(output.status.success(), "build failed: {}", String::from_utf8_lossy(&output.stderr));
}

fn export(store: &Path) -> Output {
    kgforge().args(["export", "--format", "nq", "--store"]).arg(store).output().expect("run export")
}

fn exported(store: &Path) -> Vec<u8> {
    let output = export(store);
    assert!(output.status.success(), "export failed: {}", String::from_utf8_lossy(&output.stderr));
    assert!(!output.stdout.is_empty());
    output.stdout
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Every file of a store but its lock, whatever the layout.
fn store_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files.extend(store_files(&path));
        } else if path.file_name().is_some_and(|name| name != "lock") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// Turns a store of the current layout into one of the first layout
/// (version 1: files at the top level, counts only).
fn downgrade(dir: &Path) {
    let current = fs::read_to_string(dir.join("CURRENT")).expect("CURRENT");
    let generation = dir.join(current.split(' ').next().expect("generation"));
    let manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(generation.join("manifest.json")).expect("manifest")).expect("json");
    for name in ["graph.nq", "documents.jsonl"] {
        fs::rename(generation.join(name), dir.join(name)).expect("move");
    }
    let v1 = serde_json::json!({
        "format": "kgforge-store", "version": 1, "quads": manifest["quads"], "documents": manifest["documents"],
    });
    fs::write(dir.join("manifest.json"), format!("{v1:#}\n")).expect("write");
    fs::remove_dir_all(generation).expect("remove generation");
    fs::remove_file(dir.join("CURRENT")).expect("remove CURRENT");
}

/// The states a crash test compares with, as `kgforge export` writes them.
struct States {
    /// The store before the build that is killed.
    before: Vec<u8>,
    /// After that build (corpus b).
    after: Vec<u8>,
    /// After that build and then one of corpus a: the edited article back
    /// as it was, the added one kept.
    after_then_a: Vec<u8>,
}

/// Kills a build of corpus b at each step of its commit (`before` is the
/// store it changes). The store must then read as before or after; and a
/// build of corpus a must find the records of that same state (a mix of
/// old graph and new records, or the reverse, shows there) and leave
/// nothing stray.
fn crash_at_every_step(tmp: &Path, before: &Path, corpus: &Corpus, states: &States) {
    let mut outcomes = Vec::new();
    for step in FAULT_STEPS {
        let store = tmp.join(format!("crash-{step}"));
        copy_dir(before, &store);
        let output = kgforge()
            .args(["build", "--quiet", "--store"])
            .arg(&store)
            .arg(corpus.b())
            .env(FAULT_ENV, step)
            .output()
            .expect("run build");
        assert!(!output.status.success(), "{step}: the build was not stopped");
        let state = exported(&store);
        let (outcome, next) = if state == states.before {
            ("before", &states.before)
        } else if state == states.after {
            ("after", &states.after_then_a)
        } else {
            panic!("{step}: the store reads as neither the state before nor the one after ({} bytes)", state.len());
        };
        outcomes.push((*step, outcome));
        built(&store, corpus.a());
        assert!(exported(&store) == *next, "{step}: the store read as {outcome}, but its records did not");
        let left: Vec<_> = store_files(&store)
            .into_iter()
            .map(|path| path.strip_prefix(&store).expect("inside").to_string_lossy().into_owned())
            .collect();
        assert_eq!(left.len(), 4, "{step}: stray files after the next build: {left:?}");
    }
    // The commit point is the pointer's rename: before it, the old state.
    let switched = outcomes.iter().position(|(_, outcome)| *outcome == "after").expect("some step after");
    assert!(outcomes[switched..].iter().all(|(_, outcome)| *outcome == "after"), "{outcomes:?}");
    assert_eq!(outcomes[switched].0, "pointer-renamed", "{outcomes:?}");
}

/// Builds the reference states from a store holding corpus a.
fn states(tmp: &Path, before: &Path, corpus: &Corpus) -> States {
    let after = tmp.join("reference-after");
    copy_dir(before, &after);
    built(&after, corpus.b());
    let after_then_a = tmp.join("reference-after-then-a");
    copy_dir(&after, &after_then_a);
    built(&after_then_a, corpus.a());
    let states = States { before: exported(before), after: exported(&after), after_then_a: exported(&after_then_a) };
    assert!(
        states.before != states.after && states.after != states.after_then_a && states.before != states.after_then_a
    );
    states
}

#[test]
fn a_build_killed_at_any_step_leaves_the_old_or_the_new_store() {
    let tmp = TempDir::new().expect("tempdir");
    let corpus = Corpus::new(tmp.path());
    let before = tmp.path().join("a");
    built(&before, corpus.a());
    let states = states(tmp.path(), &before, &corpus);
    crash_at_every_step(tmp.path(), &before, &corpus, &states);
}

#[test]
fn a_first_layout_store_is_read_and_moved_into_a_generation_even_through_crashes() {
    let tmp = TempDir::new().expect("tempdir");
    let corpus = Corpus::new(tmp.path());
    let current = tmp.path().join("current");
    built(&current, corpus.a());
    let old = tmp.path().join("old");
    copy_dir(&current, &old);
    downgrade(&old);
    assert!(old.join("graph.nq").is_file() && !old.join("CURRENT").exists());
    let states = states(tmp.path(), &current, &corpus);
    assert!(exported(&old) == states.before, "the first layout reads as it was");
    crash_at_every_step(tmp.path(), &old, &corpus, &states);

    // The first layout's own checks: counts, and no missing file.
    let truncated = tmp.path().join("v1-truncated");
    copy_dir(&old, &truncated);
    let graph = fs::read(truncated.join("graph.nq")).expect("graph");
    let cut = graph[..graph.len() / 2].iter().rposition(|&b| b == b'\n').expect("a line") + 1;
    fs::write(truncated.join("graph.nq"), &graph[..cut]).expect("truncate");
    let output = export(&truncated);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("graph.nq") && stderr.contains("quads where the manifest records"), "{stderr}");
}

/// Damage of one kind done to a file.
fn damage(path: &Path, how: &str) {
    match how {
        "truncated" => {
            let bytes = fs::read(path).expect("read");
            fs::write(path, &bytes[..bytes.len() / 2]).expect("truncate");
        }
        "deleted" => fs::remove_file(path).expect("delete"),
        "garbage" => {
            let len = fs::read(path).expect("read").len();
            let garbage: Vec<u8> = b"\0garbage\xff\n".iter().copied().cycle().take(len).collect();
            fs::write(path, garbage).expect("overwrite");
        }
        _ => unreachable!("{how}"),
    }
}

#[test]
fn damage_to_any_file_is_named_and_repaired_or_explained() {
    let tmp = TempDir::new().expect("tempdir");
    let corpus = Corpus::new(tmp.path());
    let pristine = tmp.path().join("pristine");
    built(&pristine, corpus.a());
    let expected = exported(&pristine);
    let files = store_files(&pristine);
    assert!(files.len() >= 4, "{files:?}");
    for file in &files {
        let relative = file.strip_prefix(&pristine).expect("inside");
        let name = file.file_name().expect("name").to_string_lossy().into_owned();
        for how in ["truncated", "deleted", "garbage"] {
            let what = format!("{} {how}", relative.display());
            let store = tmp.path().join(format!("{}-{how}", name.replace('.', "-")));
            copy_dir(&pristine, &store);
            damage(&store.join(relative), how);
            for command in ["export", "stats"] {
                let output = if command == "export" {
                    export(&store)
                } else {
                    kgforge().args(["stats", "--store"]).arg(&store).output().expect("run stats")
                };
                let stderr = String::from_utf8_lossy(&output.stderr);
                assert_eq!(output.status.code(), Some(1), "{what}: {command} did not fail; stderr: {stderr}");
                assert!(stderr.contains(&name), "{what}: {command} does not name {name}: {stderr}");
                let remedy = if name == "documents.jsonl" { "kgforge build" } else { "kgforge repair" };
                assert!(stderr.contains(remedy), "{what}: {command} does not say how to repair: {stderr}");
            }
            let repair = kgforge().args(["repair", "--store"]).arg(&store).output().expect("run repair");
            let stdout = String::from_utf8_lossy(&repair.stdout);
            let stderr = String::from_utf8_lossy(&repair.stderr);
            if name == "documents.jsonl" {
                // The cached extractions cannot be made again from the graph.
                assert_eq!(repair.status.code(), Some(1), "{what}: repair did not fail: {stdout}");
                assert!(stderr.contains(&name) && stderr.contains("kgforge build"), "{what}: {stderr}");
                assert_eq!(export(&store).status.code(), Some(1), "{what}: a failed repair made the store readable");
            } else {
                assert!(repair.status.success(), "{what}: repair failed: {stderr}");
                assert!(stdout.contains(&name) && stdout.contains("repaired"), "{what}: {stdout}");
                assert_eq!(exported(&store), expected, "{what}: the repaired store differs");
                let again = kgforge().args(["repair", "--store"]).arg(&store).output().expect("run repair");
                assert!(String::from_utf8_lossy(&again.stdout).contains("nothing to repair"), "{what}");
            }
        }
    }
}

#[test]
fn a_build_never_drops_the_cached_documents_it_cannot_read() {
    let tmp = TempDir::new().expect("tempdir");
    let corpus = Corpus::new(tmp.path());
    let store = tmp.path().join("store");
    built(&store, corpus.a());
    let records =
        store_files(&store).into_iter().find(|path| path.ends_with("documents.jsonl")).expect("documents.jsonl");
    fs::remove_file(&records).expect("delete");
    let only = tmp.path().join("only");
    fs::create_dir_all(&only).expect("mkdir");
    fs::write(only.join(ADDED), ADDED_TEXT).expect("write");
    let output = build(&store, &only);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "the build went on without the records: {stderr}");
    assert!(stderr.contains("documents.jsonl") && stderr.contains("missing"), "{stderr}");

    // The same in a store of the first layout, where the tester found it.
    let old = tmp.path().join("old");
    built(&old, corpus.a());
    downgrade(&old);
    fs::remove_file(old.join("documents.jsonl")).expect("delete");
    let output = build(&old, &only);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "the build went on without the records: {stderr}");
    assert!(stderr.contains("documents.jsonl") && stderr.contains("missing"), "{stderr}");
}

#[test]
fn a_first_build_killed_at_any_step_leaves_no_store_or_one_that_repair_finishes() {
    let tmp = TempDir::new().expect("tempdir");
    let corpus = Corpus::new(tmp.path());
    let reference = tmp.path().join("reference");
    built(&reference, corpus.a());
    let expected = exported(&reference);
    for step in FAULT_STEPS {
        let store = tmp.path().join(format!("first-{step}"));
        let output = kgforge()
            .args(["build", "--quiet", "--store"])
            .arg(&store)
            .arg(corpus.a())
            .env(FAULT_ENV, step)
            .output()
            .expect("run build");
        if output.status.success() {
            // No step of this commit is reached (nothing to clean up).
            assert!(step.starts_with("cleanup"), "{step}: the build was not stopped");
            continue;
        }
        let read = export(&store);
        let stderr = String::from_utf8_lossy(&read.stderr);
        if read.status.success() {
            assert!(read.stdout == expected, "{step}: the store reads as neither no store nor the built one");
        } else if stderr.contains("CURRENT") {
            // The generation was complete, its pointer not yet written.
            assert!(stderr.contains("kgforge repair"), "{step}: {stderr}");
            let repair = kgforge().args(["repair", "--store"]).arg(&store).output().expect("run repair");
            assert!(repair.status.success(), "{step}: {}", String::from_utf8_lossy(&repair.stderr));
            assert!(exported(&store) == expected, "{step}: the repaired store differs");
        } else {
            assert!(stderr.contains("no store at"), "{step}: {stderr}");
        }
        built(&store, corpus.a());
        assert!(exported(&store) == expected, "{step}: the build after the crash");
        assert_eq!(store_files(&store).len(), 4, "{step}: stray files");
    }
}

#[test]
fn repair_of_an_intact_store_changes_nothing_and_of_no_store_explains() {
    let tmp = TempDir::new().expect("tempdir");
    let corpus = Corpus::new(tmp.path());
    let store = tmp.path().join("store");
    built(&store, corpus.a());
    let before: Vec<_> = store_files(&store).into_iter().map(|p| (p.clone(), fs::read(p).expect("read"))).collect();
    let output = kgforge().args(["repair", "--store"]).arg(&store).output().expect("run");
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("intact: nothing to repair"));
    let after: Vec<_> = store_files(&store).into_iter().map(|p| (p.clone(), fs::read(p).expect("read"))).collect();
    assert!(before == after, "repair changed an intact store");
    let output = kgforge().args(["repair", "--store"]).arg(tmp.path().join("nowhere")).output().expect("run");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no store at"));
}
