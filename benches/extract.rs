//! Extraction throughput on the bundled corpus, in bytes per second.

// criterion_group! defines an undocumented public function.
#![allow(missing_docs)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

use kgforge::document::read_inputs;
use kgforge::extract::extract_document;

fn extraction(c: &mut Criterion) {
    let docs: Vec<_> = read_inputs(&["data/corpus".into()]).filter_map(Result::ok).collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    // A broken change must not pose as a speed-up: the corpus yields facts.
    let facts: usize = docs.iter().map(|d| extract_document(d).facts.len()).sum();
    assert!(facts > 20, "extraction found only {facts} facts in the bundled corpus");

    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("bundled corpus", |b| {
        b.iter(|| {
            for doc in &docs {
                black_box(extract_document(black_box(doc)));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, extraction);
criterion_main!(benches);
