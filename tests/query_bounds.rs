//! Queries and exports under hostile input: output stops at `--limit`,
//! evaluation stops at `--timeout`, updates are refused, and every export
//! is accepted by the tools that read it.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

fn kgforge() -> Command {
    let mut cmd = Command::cargo_bin("kgforge").expect("binary built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// A store built from the bundled corpus (about 1,700 quads).
fn corpus_store(tmp: &TempDir) -> PathBuf {
    let store = tmp.path().join("store");
    kgforge().args(["build", "--quiet", "data/corpus", "--store"]).arg(&store).assert().success();
    store
}

/// A store built from one text file.
fn text_store(tmp: &TempDir, text: &str) -> PathBuf {
    let input = tmp.path().join("hostile.txt");
    fs::write(&input, text).expect("write input");
    let store = tmp.path().join("store");
    kgforge().args(["build", "--quiet", "--store"]).arg(&store).arg(&input).assert().success();
    store
}

const CROSS: &str = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }";
const CROSS_GRAPH: &str = "CONSTRUCT { ?a ?b ?f } WHERE { ?a ?b ?c . ?d ?e ?f }";

/// The number of solutions or triples in query output.
fn count(format: &str, out: &str) -> usize {
    match format {
        "table" => out.lines().count() - 3,
        "csv" | "tsv" => out.lines().count() - 1,
        "json" => {
            let json: serde_json::Value = serde_json::from_str(out).expect("valid JSON");
            json["results"]["bindings"].as_array().expect("bindings").len()
        }
        "xml" => out.matches("<result>").count(),
        "nt" | "nq" => out.lines().count(),
        _ => unreachable!("{format}"),
    }
}

#[test]
fn a_cross_product_stops_at_the_limit_in_every_format() {
    let tmp = TempDir::new().expect("tempdir");
    let store = corpus_store(&tmp);
    for format in ["table", "csv", "tsv", "json", "xml", "nt", "nq", "ttl", "trig", "rdf", "jsonld"] {
        let graph = !matches!(format, "table" | "csv" | "tsv" | "json" | "xml");
        let (query, unit) = if graph { (CROSS_GRAPH, "triples") } else { (CROSS, "rows") };
        let output = kgforge()
            .args(["query", "--limit", "50", "--format", format, "--store"])
            .arg(&store)
            .arg(query)
            .output()
            .expect("run");
        let (stdout, stderr) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        assert_eq!(output.status.code(), Some(4), "{format}: {stderr}");
        assert!(stderr.contains(&format!("output stopped after 50 {unit} (--limit 50)")), "{format}: {stderr}");
        assert!(stderr.contains("--limit 0"), "{format}: {stderr}");
        if matches!(format, "table" | "csv" | "tsv" | "json" | "xml" | "nt" | "nq") {
            assert_eq!(count(format, &stdout), 50, "{format}: {stdout}");
        } else {
            assert!(stdout.contains("https://w3id.org/kgforge/"), "{format}: {stdout}");
        }
    }
}

#[test]
fn output_that_fits_the_limit_is_complete() {
    let tmp = TempDir::new().expect("tempdir");
    let store = corpus_store(&tmp);
    kgforge()
        .args(["query", "--limit", "3", "--format", "tsv", "--store"])
        .arg(&store)
        .arg("SELECT ?s WHERE { ?s ?p ?o } LIMIT 3")
        .assert()
        .success()
        .stderr(predicate::str::is_empty())
        .stdout(predicate::function(|out: &str| out.lines().count() == 4));
}

#[test]
fn streamed_graphs_are_deterministic() {
    let tmp = TempDir::new().expect("tempdir");
    let store = corpus_store(&tmp);
    let run = |format: &str| {
        let output = kgforge()
            .args(["query", "--format", format, "--store"])
            .arg(&store)
            .arg("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
            .output()
            .expect("run");
        assert!(output.status.success(), "{format}: {}", String::from_utf8_lossy(&output.stderr));
        output.stdout
    };
    for format in ["ttl", "rdf", "jsonld"] {
        assert_eq!(run(format), run(format), "{format}");
    }
}

#[test]
fn a_long_query_stops_at_the_timeout() {
    let tmp = TempDir::new().expect("tempdir");
    let store = corpus_store(&tmp);
    // About 5·10⁹ solutions to count, in little memory: far more than a second.
    for (format, query) in [
        ("tsv", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"),
        ("table", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"),
        ("nt", "CONSTRUCT { ?a ?b ?i } WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"),
        // Reads the store once per 5·10⁹ solutions, so never notices the
        // cancellation: the process ends a few seconds later all the same.
        ("tsv", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"),
    ] {
        let start = Instant::now();
        kgforge()
            .args(["query", "--timeout", "1", "--limit", "0", "--format", format, "--store"])
            .arg(&store)
            .arg(query)
            .timeout(Duration::from_secs(60))
            .assert()
            .code(1)
            .stderr(predicate::str::contains("query stopped after 1 s (--timeout 1)"));
        assert!(start.elapsed() < Duration::from_secs(20), "{format}: took {:?}", start.elapsed());
    }
}

#[test]
fn updates_are_refused_as_read_only() {
    let tmp = TempDir::new().expect("tempdir");
    let store = corpus_store(&tmp);
    for update in [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "PREFIX kg: <https://w3id.org/kgforge/ontology#> DELETE WHERE { ?s kg:ministerOf ?o }",
        "CLEAR ALL",
        "LOAD <http://example.org/data.ttl>",
        "DROP GRAPH <urn:g>",
    ] {
        kgforge()
            .args(["query", "--store"])
            .arg(&store)
            .arg(update)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("read-only"))
            .stderr(predicate::str::contains("kgforge build"))
            .stderr(predicate::str::contains("invalid SPARQL").not());
    }
}

/// Runs GraphViz on a dot file; skipped (with a message) where it is not installed.
#[allow(clippy::print_stderr)]
fn graphviz_accepts(dot: &Path) {
    match std::process::Command::new("dot").arg("-Tsvg").arg(dot).output() {
        Ok(output) => assert!(output.status.success(), "dot: {}", String::from_utf8_lossy(&output.stderr)),
        Err(_) => eprintln!("skipped: GraphViz `dot` is not installed, {} not rendered", dot.display()),
    }
}

#[test]
fn dot_labels_of_very_long_names_are_shortened() {
    let tmp = TempDir::new().expect("tempdir");
    // Long enough to matter, short enough to stay in one sentence (sentences
    // are cut at 4096 bytes): the name reaches the diagram.
    let long = "X".repeat(3 * 1024);
    let store = text_store(
        &tmp,
        &format!("Prime Minister Olaf Zz{long} of Germany resigned on Friday.\nForeign Minister Karl \"Bad\\Name\" Smith of Sweden met him.\n"),
    );
    let dot = tmp.path().join("graph.dot");
    kgforge().args(["export", "--format", "dot", "--output"]).arg(&dot).arg("--store").arg(&store).assert().success();
    let text = fs::read_to_string(&dot).expect("dot");
    assert!(text.contains("Olaf ZzXXX"), "{text}");
    assert!(text.contains('…'), "{text}");
    for line in text.lines() {
        assert!(line.len() < 1024, "a dot line of {} bytes: {}…", line.len(), &line[..200]);
    }
    graphviz_accepts(&dot);
    // The full name stays in the RDF.
    kgforge()
        .args(["export", "--format", "nt", "--store"])
        .arg(&store)
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("Olaf Zz{long}")));
}

/// True for the characters XML 1.0 allows (`Char` in the XML 1.0 grammar).
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[test]
fn xml_outputs_hold_only_xml_characters() {
    let tmp = TempDir::new().expect("tempdir");
    let store = text_store(
        &tmp,
        "President Maria Bello of France said the \u{1b}[31mtreaty was good\u{1}.\nPrime Minister Jo\u{fffe}h Kim of Japan met President Ann Lee of Denmark\u{7f} on Monday.\n",
    );
    let rdf = tmp.path().join("graph.rdf");
    kgforge().args(["export", "--format", "rdf", "--output"]).arg(&rdf).arg("--store").arg(&store).assert().success();
    let text = fs::read_to_string(&rdf).expect("rdf");
    assert!(text.contains("treaty was good"), "{text}");
    assert!(text.chars().all(xml_char), "RDF/XML with a character XML forbids: {text:?}");
    for (format, query) in [
        ("xml", "SELECT ?text WHERE { ?s ?p ?text FILTER(isLiteral(?text)) }"),
        ("rdf", "CONSTRUCT { ?s ?p ?text } WHERE { ?s ?p ?text FILTER(isLiteral(?text)) }"),
    ] {
        let output =
            kgforge().args(["query", "--format", format, "--store"]).arg(&store).arg(query).output().expect("run");
        assert!(output.status.success(), "{format}: {}", String::from_utf8_lossy(&output.stderr));
        let text = String::from_utf8(output.stdout).expect("utf-8");
        assert!(text.contains("treaty was good"), "{format}: {text}");
        assert!(text.chars().all(xml_char), "{format} with a character XML forbids: {text:?}");
    }
}
