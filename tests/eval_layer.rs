//! `kgforge eval-layer` on a tiny corpora directory of invented, hand-annotated
//! sentences (`tests/fixtures/eval-layer/`, laid out as `../shared/corpora`), so
//! it runs without the shared corpora; and its error when the directory is missing.

use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;

fn kgforge() -> Command {
    let mut cmd = Command::cargo_bin("kgforge").expect("binary built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/eval-layer")
}

#[test]
fn eval_layer_prints_every_figure_of_the_fixture() {
    let output = kgforge().args(["eval-layer", "--corpora"]).arg(fixture()).output().expect("run");
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    let lines: Vec<&str> = stdout.lines().collect();
    // Counts come from the fixture alone (the figures depend on the shipped models).
    let expected = [
        ("part of speech", ""),
        ("  EWT test ", "tokens     16  UPOS "),
        ("  GUM test ", "tokens      7  UPOS "),
        ("noun phrases", ""),
        ("  EWT test ", "phrases     5  P "),
        ("  GUM test ", "phrases     3  P "),
        ("names", ""),
        ("  GUM test ", "names       2  P "),
        ("  UNER EWT test", "names       3  P "),
    ];
    assert_eq!(lines.len(), expected.len() + 1, "{stdout}");
    for (line, (start, inner)) in lines[1..].iter().zip(expected) {
        assert!(
            line.starts_with(start) && line.contains(inner),
            "line {line:?}, expected {start:?} {inner:?}\n{stdout}"
        );
    }
    for line in lines.iter().filter(|l| l.starts_with("  ")) {
        assert!(line.contains('%') || line.contains("F1 "), "no figure in {line:?}");
    }
}

#[test]
fn eval_layer_names_a_missing_directory() {
    kgforge()
        .args(["eval-layer", "--corpora", "tests/fixtures/no-such-corpora"])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("corpora directory 'tests/fixtures/no-such-corpora' not found"));
}

#[test]
fn eval_layer_names_a_missing_file() {
    let tmp = tempfile::TempDir::new().expect("tempdir");
    kgforge()
        .args(["eval-layer", "--corpora"])
        .arg(tmp.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("reading UD English EWT test"))
        .stderr(predicate::str::contains("files.test"));
}
