//! The `kgforge` binary, run as users run it: real files, a real store
//! directory, real exit codes.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

fn kgforge() -> Command {
    let mut cmd = Command::cargo_bin("kgforge").expect("binary built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus")
}

/// A copy of the bundled corpus in a temporary directory.
fn corpus_copy(dir: &Path) -> PathBuf {
    let target = dir.join("corpus");
    fs::create_dir_all(&target).expect("create corpus dir");
    for entry in fs::read_dir(corpus()).expect("corpus") {
        let entry = entry.expect("entry");
        fs::copy(entry.path(), target.join(entry.file_name())).expect("copy");
    }
    target
}

/// Byte equality, reported as the first differing line rather than a byte dump.
fn same(a: &[u8], b: &[u8], what: &str) {
    if a != b {
        let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
        let diff = a.lines().zip(b.lines()).enumerate().find(|(_, (x, y))| x != y);
        panic!("{what} differ ({} vs {} bytes); first difference: {diff:?}", a.len(), b.len());
    }
}

/// The store's generation in force, where its `graph.nq` and `documents.jsonl` are.
fn current(store: &Path) -> PathBuf {
    let pointer = fs::read_to_string(store.join("CURRENT")).expect("CURRENT");
    store.join(pointer.split(' ').next().expect("a generation"))
}

fn build(store: &Path, input: &Path) -> assert_cmd::assert::Assert {
    kgforge().args(["build", "--quiet", "--store"]).arg(store).arg(input).assert()
}

#[test]
fn build_prints_a_summary() {
    let tmp = TempDir::new().expect("tempdir");
    build(&tmp.path().join("store"), &corpus())
        .success()
        .stdout(predicate::str::contains("documents   5"))
        .stdout(predicate::str::contains("sentences"))
        .stdout(predicate::str::contains("Person"))
        .stdout(predicate::str::contains("ministerOf"))
        .stdout(predicate::str::contains("triples"))
        .stdout(predicate::str::contains("quads"))
        .stdout(predicate::str::contains("seconds"));
}

#[test]
fn extraction_is_deterministic() {
    let first = kgforge().args(["extract", "data/corpus", "--format", "nq"]).output().expect("run");
    let second = kgforge().args(["extract", "data/corpus", "--format", "nq"]).output().expect("run");
    assert!(first.status.success());
    assert!(!first.stdout.is_empty());
    same(&first.stdout, &second.stdout, "two extractions");
}

#[test]
fn builds_are_deterministic_and_rebuilding_changes_nothing() {
    let tmp = TempDir::new().expect("tempdir");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    build(&a, &corpus()).success();
    build(&b, &corpus()).success();
    let graph = |dir: &Path| fs::read(current(dir).join("graph.nq")).expect("graph.nq");
    same(&graph(&a), &graph(&b), "two builds");
    let before = (graph(&a), fs::read(current(&a).join("documents.jsonl")).expect("records"));
    build(&a, &corpus()).success();
    same(&before.0, &graph(&a), "a rebuild's graph");
    same(&before.1, &fs::read(current(&a).join("documents.jsonl")).expect("records"), "a rebuild's records");
}

#[test]
fn an_edited_document_replaces_its_facts() {
    let tmp = TempDir::new().expect("tempdir");
    let corpus = corpus_copy(tmp.path());
    let store = tmp.path().join("store");
    build(&store, &corpus).success();
    let edited = corpus.join("003_70b23c16ae8572fe.txt");
    let text =
        fs::read_to_string(&edited).expect("read").replace("celebrated the agreement", "criticized the agreement");
    fs::write(&edited, text).expect("write");
    build(&store, &corpus).success();
    let fresh = tmp.path().join("fresh");
    build(&fresh, &corpus).success();
    same(
        &fs::read(current(&store).join("graph.nq")).expect("graph"),
        &fs::read(current(&fresh).join("graph.nq")).expect("graph"),
        "rebuilt and fresh graphs",
    );
    same(
        &fs::read(current(&store).join("documents.jsonl")).expect("records"),
        &fs::read(current(&fresh).join("documents.jsonl")).expect("records"),
        "rebuilt and fresh records",
    );
}

#[test]
fn extract_and_build_give_the_same_graph() {
    let tmp = TempDir::new().expect("tempdir");
    let store = tmp.path().join("store");
    build(&store, Path::new("data/corpus")).success();
    let extracted = kgforge().args(["extract", "data/corpus", "--format", "nq"]).output().expect("run");
    same(&extracted.stdout, &fs::read(current(&store).join("graph.nq")).expect("graph"), "extract and build");
}

#[test]
fn bad_inputs_are_reported_and_the_rest_is_processed() {
    let tmp = TempDir::new().expect("tempdir");
    let inputs = tmp.path().join("inputs");
    fs::create_dir_all(&inputs).expect("dir");
    fs::write(inputs.join("good.txt"), "Finance Minister Jane Roe of Norway said the budget was balanced.\n")
        .expect("write");
    fs::write(inputs.join("empty.txt"), "").expect("write");
    fs::write(inputs.join("binary.txt"), [0u8, 1, 2, 3, 0, 255]).expect("write");
    fs::write(inputs.join("latin1.txt"), b"Caf\xe9 owners in Lyon protested.").expect("write");
    fs::write(
        inputs.join("docs.jsonl"),
        "{\"id\": \"a\", \"text\": \"Jane Roe visited Oslo.\"}\n{not json}\n{\"id\": \"c\", \"text\": \"John Smith visited Rome.\"}\n",
    )
    .expect("write");
    let missing = tmp.path().join("missing.txt");
    let output = kgforge().args(["extract", "--format", "nq"]).arg(&inputs).arg(&missing).output().expect("run");
    assert_eq!(output.status.code(), Some(3), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for needle in ["empty.txt", "binary.txt", "latin1.txt", "docs.jsonl:2", "missing.txt"] {
        assert!(stderr.contains(needle), "stderr does not name {needle}: {stderr}");
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("good.txt"), "the good file's graph is missing");
    assert!(stdout.contains("document/a>"), "the good JSONL lines are missing");
    assert!(stdout.contains("document/c>"), "the good JSONL lines are missing");
}

#[test]
fn a_locked_store_is_refused() {
    let tmp = TempDir::new().expect("tempdir");
    let store = tmp.path().join("store");
    let _held = kgforge::graph::store::GraphStore::open(&store, kgforge::graph::store::OpenMode::Write).expect("open");
    build(&store, &corpus()).code(1).stderr(predicate::str::contains("locked"));
}

#[test]
fn a_missing_store_is_explained() {
    let tmp = TempDir::new().expect("tempdir");
    kgforge()
        .args(["stats", "--store"])
        .arg(tmp.path().join("nowhere"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no store at"));
}

#[test]
fn unknown_formats_list_the_known_ones() {
    kgforge().args(["extract", "data/corpus", "--format", "xml"]).assert().code(2).stderr(predicate::str::contains(
        "unknown export format 'xml'; expected one of: nt, nq, ttl, trig, rdf, jsonld, dot",
    ));
}

#[test]
fn every_format_exports_and_parses_back() {
    use oxigraph::io::{RdfFormat, RdfParser};
    let tmp = TempDir::new().expect("tempdir");
    let store = tmp.path().join("store");
    build(&store, &corpus()).success();
    let nq = fs::read(current(&store).join("graph.nq")).expect("graph");
    let quads = RdfParser::from_format(RdfFormat::NQuads).for_slice(&nq).count();
    let mut triples = std::collections::BTreeSet::new();
    for quad in RdfParser::from_format(RdfFormat::NQuads).for_slice(&nq) {
        let quad = quad.expect("valid quad");
        triples.insert(format!("{} {} {}", quad.subject, quad.predicate, quad.object));
    }
    for (name, format, expected) in [
        ("nt", RdfFormat::NTriples, triples.len()),
        ("nq", RdfFormat::NQuads, quads),
        ("ttl", RdfFormat::Turtle, triples.len()),
        ("trig", RdfFormat::TriG, quads),
        ("rdf", RdfFormat::RdfXml, triples.len()),
        ("jsonld", RdfFormat::JsonLd { profile: oxigraph::io::JsonLdProfileSet::empty() }, quads),
    ] {
        let output = kgforge().args(["export", "--format", name, "--store"]).arg(&store).output().expect("run");
        assert!(output.status.success(), "{name}: {}", String::from_utf8_lossy(&output.stderr));
        let parsed: Vec<_> =
            RdfParser::from_format(format).for_slice(&output.stdout).collect::<Result<_, _>>().expect(name);
        assert_eq!(parsed.len(), expected, "{name}");
    }
    kgforge()
        .args(["export", "--format", "dot", "--store"])
        .arg(&store)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("digraph kgforge {"));
}

#[test]
fn dot_focus_narrows_the_diagram() {
    let tmp = TempDir::new().expect("tempdir");
    let store = tmp.path().join("store");
    build(&store, &corpus()).success();
    let all = kgforge().args(["export", "--format", "dot", "--store"]).arg(&store).output().expect("run");
    let focused = kgforge()
        .args(["export", "--format", "dot", "--focus", "NATO", "--depth", "1", "--store"])
        .arg(&store)
        .output()
        .expect("run");
    assert!(focused.status.success());
    let nodes = |out: &[u8]| {
        String::from_utf8_lossy(out)
            .lines()
            .filter(|l| l.trim_start().starts_with('n') && l.contains("[label="))
            .count()
    };
    assert!(nodes(&focused.stdout) > 1);
    assert!(nodes(&focused.stdout) < nodes(&all.stdout));
    kgforge()
        .args(["export", "--format", "dot", "--focus", "Nobody Known", "--store"])
        .arg(&store)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no entity named 'Nobody Known'"));
}

#[test]
fn query_results_come_in_every_format() {
    let tmp = TempDir::new().expect("tempdir");
    let store = tmp.path().join("store");
    build(&store, &corpus()).success();
    let query = "PREFIX kg: <https://w3id.org/kgforge/ontology#> SELECT ?p ?c WHERE { ?p kg:ministerOf ?c }";
    for (format, needle) in
        [("table", "rows"), ("csv", "p,c"), ("tsv", "?p\t?c"), ("json", "\"bindings\""), ("xml", "<sparql")]
    {
        kgforge()
            .args(["query", "--format", format, "--store"])
            .arg(&store)
            .arg(query)
            .assert()
            .success()
            .stdout(predicate::str::contains(needle));
    }
    kgforge()
        .args(["query", "--format", "ttl", "--store"])
        .arg(&store)
        .arg("CONSTRUCT { ?p <http://example.org/holds> ?c } WHERE { ?p <https://w3id.org/kgforge/ontology#ministerOf> ?c }")
        .assert()
        .success()
        .stdout(predicate::str::contains("<http://example.org/holds>"));
    kgforge()
        .args(["query", "--store"])
        .arg(&store)
        .arg("SELECT ?x WHERE {")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("invalid SPARQL query"));
}

#[test]
fn standard_input_is_a_document() {
    kgforge()
        .args(["extract", "-", "--format", "nt"])
        .write_stdin("Finance Minister Jane Roe of Norway resigned on Monday.\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("Jane Roe"));
}

#[test]
fn the_merge_report_says_what_was_joined_and_why() {
    let tmp = TempDir::new().expect("tempdir");
    let report = tmp.path().join("merges.json");
    kgforge()
        .args(["build", "--quiet", "data/corpus", "--store"])
        .arg(tmp.path().join("store"))
        .arg("--merge-report")
        .arg(&report)
        .assert()
        .success();
    let merges: serde_json::Value = serde_json::from_slice(&fs::read(&report).expect("report")).expect("json");
    let merges = merges.as_array().expect("a list of merges");
    assert!(!merges.is_empty());
    // Described agreements join on where and by whom they were signed.
    assert!(merges.iter().any(|m| m["evidence"]
        .as_array()
        .is_some_and(|e| e.iter().any(|k| k.as_str().is_some_and(|k| k.starts_with("agreement-signed"))))));
    for merge in merges {
        assert!(merge["iri"].as_str().is_some_and(|iri| iri.starts_with("https://w3id.org/kgforge/resource/")));
    }
}

#[test]
fn two_states_parties_of_one_name_stay_apart() {
    let tmp = TempDir::new().expect("tempdir");
    let input = tmp.path().join("parties.jsonl");
    fs::write(
        &input,
        concat!(
            r#"{"id":"a","text":"The chairman of the opposition Social Democrats (SDV), Otto Varnhagen, spoke."}"#,
            "\n",
            r#"{"id":"b","text":"The chairman of the ruling Social Democrats (SDK), Ivo Marek, spoke."}"#,
            "\n",
            r#"{"id":"c","text":"Ana Holm of the Social Democrats (SDV) agreed."}"#,
            "\n",
        ),
    )
    .expect("write input");
    let out = kgforge().args(["extract", "--format", "nt"]).arg(&input).output().expect("run");
    let graph = String::from_utf8(out.stdout).expect("utf-8");
    let parties: std::collections::BTreeSet<&str> = graph
        .lines()
        .filter(|l| l.contains("/resource/organization/social-democrats") && l.contains("#label>"))
        .collect();
    assert_eq!(parties.len(), 2, "{parties:?}");
}
