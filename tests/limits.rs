//! Limits on what is read: documents over `--max-document-size` are
//! reported and skipped without being read whole, endless inputs end, and
//! what is not a regular file in a directory is left alone.

use std::fs;
use std::io::Write;
use std::process::Stdio;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

fn kgforge() -> Command {
    let mut cmd = Command::cargo_bin("kgforge").expect("binary built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    // A hang is a failure, not a stuck test run.
    cmd.timeout(Duration::from_secs(60));
    cmd
}

const SENTENCE: &str = "Jane Roe met officials in Paris on Monday. ";

#[test]
fn a_file_over_the_limit_is_skipped_and_named_with_its_size() {
    let tmp = TempDir::new().expect("tempdir");
    fs::write(tmp.path().join("big.txt"), SENTENCE.repeat(30_000)).expect("write");
    fs::write(tmp.path().join("small.txt"), SENTENCE).expect("write");
    let size = SENTENCE.len() * 30_000;
    kgforge()
        .args(["extract", "--quiet", "--max-document-size", "1MB"])
        .arg(tmp.path())
        .assert()
        .code(3)
        .stdout(predicate::str::contains("small.txt"))
        .stdout(predicate::str::contains("big.txt").not())
        .stderr(predicate::str::contains(format!(
            "big.txt' is {size} bytes, over the maximum document size of 1000000 bytes"
        )))
        .stderr(predicate::str::contains("1 input(s) skipped"));
}

#[test]
fn the_default_limit_is_eight_mebibytes() {
    let tmp = TempDir::new().expect("tempdir");
    let path = tmp.path().join("huge.txt");
    fs::write(&path, SENTENCE.repeat(9 * (1 << 20) / SENTENCE.len())).expect("write");
    kgforge()
        .args(["extract", "--quiet"])
        .arg(&path)
        .assert()
        .code(3)
        .stderr(predicate::str::contains("over the maximum document size of 8388608 bytes"));
}

#[test]
fn a_jsonl_line_over_the_limit_is_skipped_and_the_next_read() {
    let tmp = TempDir::new().expect("tempdir");
    let path = tmp.path().join("docs.jsonl");
    let big = serde_json::json!({"id": "big", "text": SENTENCE.repeat(5_000)}).to_string();
    let small = serde_json::json!({"id": "small", "text": SENTENCE}).to_string();
    fs::write(&path, format!("{big}\n{small}\n")).expect("write");
    kgforge()
        .args(["extract", "--quiet", "--max-document-size", "100k"])
        .arg(&path)
        .assert()
        .code(3)
        .stdout(predicate::str::contains("docs.jsonl:2"))
        .stderr(predicate::str::contains(format!(
            "docs.jsonl:1: the line is {} bytes, over the maximum document size of 100000 bytes",
            big.len()
        )));
}

#[test]
fn standard_input_over_the_limit_is_skipped() {
    kgforge()
        .args(["extract", "--quiet", "--max-document-size", "10KiB", "-"])
        .write_stdin(SENTENCE.repeat(1_000))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("'-' is larger than the maximum document size of 10240 bytes"));
}

#[test]
fn endless_standard_input_ends_at_the_limit() {
    // Before, the whole input was read into memory: it never ended.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kgforge"))
        .args(["extract", "--quiet", "--max-document-size", "1MB", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run kgforge");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let chunk = SENTENCE.repeat(1_000);
        // Until kgforge stops reading (a broken pipe) or far beyond the limit.
        for _ in 0..100_000 {
            if stdin.write_all(chunk.as_bytes()).is_err() {
                return;
            }
        }
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().expect("kill");
            panic!("kgforge still reading standard input after a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr"), &mut stderr).expect("stderr");
    assert_eq!(status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("larger than the maximum document size of 1000000 bytes"), "{stderr}");
    writer.join().expect("writer");
}

#[cfg(unix)]
#[test]
fn dev_zero_is_reported_at_once() {
    // Before, it was read until memory ran out.
    for limit in ["8MiB", "0"] {
        kgforge()
            .args(["extract", "--quiet", "--max-document-size", limit, "/dev/zero"])
            .assert()
            .code(3)
            .stderr(predicate::str::contains("'/dev/zero' looks binary (NUL byte at offset 0)"));
    }
}

#[cfg(unix)]
fn mkfifo(path: &std::path::Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_directory_is_skipped() {
    // Before, opening it blocked for ever.
    let tmp = TempDir::new().expect("tempdir");
    fs::write(tmp.path().join("a.txt"), SENTENCE).expect("write");
    mkfifo(&tmp.path().join("b.txt"));
    kgforge()
        .args(["extract", "--quiet"])
        .arg(tmp.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("a.txt"))
        .stdout(predicate::str::contains("b.txt").not());
}

#[cfg(unix)]
#[test]
fn a_fifo_named_on_the_command_line_is_read() {
    let tmp = TempDir::new().expect("tempdir");
    let fifo = tmp.path().join("pipe.txt");
    mkfifo(&fifo);
    let writer = {
        let fifo = fifo.clone();
        // Opening for writing waits for kgforge to open it for reading.
        std::thread::spawn(move || fs::write(fifo, SENTENCE).expect("write to the FIFO"))
    };
    kgforge()
        .args(["extract", "--quiet"])
        .arg(&fifo)
        .assert()
        .success()
        .stdout(predicate::str::contains("pipe.txt"))
        .stdout(predicate::str::contains("Jane Roe"));
    writer.join().expect("writer");
}

#[test]
fn sizes_are_checked_on_the_command_line() {
    kgforge()
        .args(["extract", "--max-document-size", "12 parsecs", "data/corpus"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("size '12 parsecs' has an unknown unit"));
}
