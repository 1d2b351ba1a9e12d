//! The example queries of `data/queries/` run against the bundled corpus
//! and give their expected answers (`data/queries/<name>.tsv`, W3C TSV).
//! After a deliberate change, `KGFORGE_BLESS=1 cargo test --test queries`
//! rewrites the expected files; review their diff before committing.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

#[test]
fn example_queries_give_their_expected_answers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = TempDir::new().expect("tempdir");
    let store = tmp.path().join("store");
    Command::cargo_bin("kgforge")
        .expect("binary")
        .current_dir(root)
        .args(["build", "--quiet", "data/corpus", "--store"])
        .arg(&store)
        .assert()
        .success();
    let mut queries: Vec<_> = fs::read_dir(root.join("data/queries"))
        .expect("data/queries")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .collect();
    queries.sort();
    assert!(queries.len() >= 6, "expected the six example queries");
    let bless = std::env::var_os("KGFORGE_BLESS").is_some();
    let mut failures = Vec::new();
    for query in &queries {
        let output = Command::cargo_bin("kgforge")
            .expect("binary")
            .current_dir(root)
            .args(["query", "--format", "tsv", "--store"])
            .arg(&store)
            .arg("--file")
            .arg(query)
            .output()
            .expect("run");
        assert!(output.status.success(), "{}: {}", query.display(), String::from_utf8_lossy(&output.stderr));
        let actual = String::from_utf8(output.stdout).expect("utf-8");
        let expected_path = query.with_extension("tsv");
        if bless {
            fs::write(&expected_path, &actual).expect("write expected answers");
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        assert!(actual.lines().count() > 1, "{} has no answer", query.display());
        if actual != expected {
            failures.push(format!("{}:\n--- expected\n{expected}--- actual\n{actual}", query.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
