//! Hostile documents through the real binary: texts that once crashed a
//! run, and ids that once lost documents without a word.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

fn kgforge() -> Command {
    let mut cmd = Command::cargo_bin("kgforge").expect("binary built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// A guillemet opening a quote read as `"` and a space made the quote's
/// content start inside the character: `extract`, `build` and `explain`
/// panicked (exit 101) and the whole run was lost.
const GUILLEMET_QUOTE: &str = "«We will not back down,” said Jane Roe.";

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).expect("write");
    path
}

#[test]
fn a_quote_opened_by_a_guillemet_does_not_crash_any_command() {
    let tmp = TempDir::new().expect("tempdir");
    let input = write(tmp.path(), "quote.txt", GUILLEMET_QUOTE);
    let other = write(tmp.path(), "other.txt", "Finance Minister Jane Roe of Norway visited Oslo.");
    let output = kgforge().args(["extract", "--format", "nq"]).arg(&input).arg(&other).output().expect("run");
    assert_eq!(output.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("We will not back down"), "the statement is missing: {stdout}");
    assert!(stdout.contains("other.txt"), "the other document is missing");
    kgforge().args(["build", "--quiet", "--store"]).arg(tmp.path().join("store")).arg(&input).assert().success();
    kgforge().arg("explain").arg(&input).assert().success();
}

#[test]
fn a_duplicate_id_is_reported_and_nothing_is_lost_silently() {
    let tmp = TempDir::new().expect("tempdir");
    let dir = tmp.path();
    let file = write(dir, "a.txt", "Jane Roe visited Oslo.");
    // The second line repeats the first's id; the third uses the file's id
    // (`kgforge` runs from the repository, so give the file by its full path).
    let id = file.display().to_string();
    let jsonl = write(
        dir,
        "docs.jsonl",
        &format!(
            "{{\"id\": \"d1\", \"text\": \"John Smith visited Rome.\"}}\n{{\"id\": \"d1\", \"text\": \"Mary Major visited Paris.\"}}\n{{\"id\": {id:?}, \"text\": \"Jim Doe visited Lima.\"}}\n"
        ),
    );
    let output = kgforge().args(["extract", "--format", "nq"]).arg(&file).arg(&jsonl).output().expect("run");
    assert_eq!(output.status.code(), Some(3), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("docs.jsonl:2: document id 'd1' was already read from"), "{stderr}");
    assert!(stderr.contains("docs.jsonl:3: document id"), "{stderr}");
    let found = sources(&output.stdout);
    assert_eq!(found, [id.clone(), "docs.jsonl:1".to_string()]);

    // Asked for, the later document replaces the earlier one.
    let output = kgforge()
        .args(["extract", "--format", "nq", "--replace-duplicates"])
        .arg(&file)
        .arg(&jsonl)
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(sources(&output.stdout), ["docs.jsonl:2", "docs.jsonl:3"]);
}

/// The `kg:source` of each document in an N-Quads export, without the
/// directory of JSONL files.
fn sources(nquads: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(nquads);
    let mut found: Vec<String> = text
        .lines()
        .filter(|l| l.contains("ontology#source>"))
        .filter_map(|l| l.split('"').nth(1))
        .map(|s| s.rsplit_once("/docs.jsonl").map_or(s.to_string(), |(_, rest)| format!("docs.jsonl{rest}")))
        .collect();
    found.sort();
    found
}

#[test]
fn large_numeric_ids_stay_distinct() {
    let tmp = TempDir::new().expect("tempdir");
    let jsonl = write(
        tmp.path(),
        "docs.jsonl",
        "{\"id\": 12345678901234567890123, \"text\": \"John Smith visited Rome.\"}\n{\"id\": 12345678901234567890124, \"text\": \"Mary Major visited Paris.\"}\n",
    );
    let output = kgforge().args(["extract", "--format", "nq"]).arg(&jsonl).output().expect("run");
    assert_eq!(output.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("document/12345678901234567890123>"), "{stdout}");
    assert!(stdout.contains("document/12345678901234567890124>"), "{stdout}");
}

#[test]
fn document_ids_with_dot_segments_stay_in_the_document_namespace() {
    let tmp = TempDir::new().expect("tempdir");
    let jsonl =
        write(tmp.path(), "docs.jsonl", "{\"id\": \"../../etc/passwd\", \"text\": \"John Smith visited Rome.\"}\n");
    let output = kgforge().args(["extract", "--format", "nq"]).arg(&jsonl).output().expect("run");
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("<https://w3id.org/kgforge/document/!../!../etc/passwd>"), "{stdout}");
    assert!(!stdout.contains("document/../"), "{stdout}");
}
