#!/usr/bin/env python3
"""Draw the precision audit's sample: random Person and Organization entities
of a kgforge build over 2,000 documents of the bench corpus.

    python3 scripts/eval/precision_sample.py sample ../shared/bench/news.jsonl \
        target/release/kgforge data/eval/precision-sample.tsv [OFFSET [SEED]]
    python3 scripts/eval/precision_sample.py contexts ../shared/bench/news.jsonl \
        data/eval/precision-sample.tsv > /tmp/contexts.txt
    python3 scripts/eval/precision_sample.py score data/eval/precision-sample.tsv

`sample` picks 2,000 documents of the bench corpus (every 16th line from
OFFSET, default 0, so the three datasets are all in it), runs `kgforge extract` over
them, and draws 100 Person and 100 Organization entities with a fixed seed
(SEED, default 20261129).
It writes ids and names only (the texts are under research-only terms and
stay out of the repository): type, entity IRI, label, the first documents
that mention it, and an empty `verdict` column for the hand check.

`contexts` prints, for each sampled entity, the sentences of its documents
where its label occurs, for the person checking it; nothing is written.

`score` counts the verdicts: `y` (the entity is a real person or
organisation of that type, named as the text names it, not a fragment of a
longer name), `n` (wrong type, not a name, or a fragment), and prints the
precision per type.
"""
import json
import random
import re
import subprocess
import sys

STRIDE = 16
DOCS = 2000
PER_TYPE = 100
SEED = 20261129
KG = "https://w3id.org/kgforge/ontology#"
QUAD = re.compile(r'^<([^>]*)> <([^>]*)> (<[^>]*>|"(?:[^"\\]|\\.)*"(?:@[\w-]+|\^\^<[^>]*>)?) ?(<[^>]*>)? \.$')


def pick_documents(bench, offset):
    docs = []
    with open(bench, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % STRIDE == offset and len(docs) < DOCS:
                docs.append(line)
    return docs


def unquote(literal):
    body = literal[1 : literal.rindex('"')]
    return json.loads('"' + body + '"')


def extracted_quads(bench, binary, offset, subset):
    """The sample's documents (every STRIDE-th line from `offset`), written
    to `subset`, and the (subject, predicate, object) of each quad kgforge
    extracts from them."""
    docs = pick_documents(bench, offset)
    with open(subset, "w", encoding="utf-8") as f:
        f.writelines(docs)
    nq = subprocess.run([binary, "extract", subset, "--format", "nq"], capture_output=True, text=True, check=False).stdout
    quads = []
    for line in nq.splitlines():
        m = QUAD.match(line)
        if m:
            quads.append((m.group(1), m.group(2), m.group(3)))
    return docs, quads


def sample(bench, binary, out, offset, seed):
    docs, quads = extracted_quads(bench, binary, offset, "/tmp/kgforge-precision-docs.jsonl")
    types, labels, mentioned = {}, {}, {}
    for s, p, o in quads:
        if p == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" and o in (f"<{KG}Person>", f"<{KG}Organization>"):
            types[s] = o[len(KG) + 1 : -1]
        elif p == "http://www.w3.org/2000/01/rdf-schema#label" and o.startswith('"'):
            labels[s] = unquote(o)
        elif p == "https://schema.org/mentions" and o.startswith("<"):
            doc = s.rsplit("/", 1)[-1]
            mentioned.setdefault(o[1:-1], []).append(doc)
    rng = random.Random(seed)
    rows = []
    for kind in ("Person", "Organization"):
        pool = sorted(e for e, t in types.items() if t == kind and e in labels and e in mentioned)
        print(f"{kind}: {len(pool)} entities in {len(docs)} documents", file=sys.stderr)
        for e in rng.sample(pool, min(PER_TYPE, len(pool))):
            rows.append((kind, e, labels[e], " ".join(sorted(set(mentioned[e]))[:3])))
    with open(out, "w", encoding="utf-8") as f:
        f.write("type\tentity\tlabel\tdocuments\tverdict\tnote\n")
        for row in rows:
            f.write("\t".join(row) + "\t\t\n")


def read_sample(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            cells = line.rstrip("\n").split("\t")
            cells += [""] * (len(header) - len(cells))
            yield dict(zip(header, cells))


def contexts(bench, path):
    wanted = {}
    for row in read_sample(path):
        for doc in row["documents"].split():
            wanted.setdefault(doc, [])
    texts = {}
    with open(bench, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            key = doc["id"].replace("/", "%2F")
            if key in wanted or doc["id"] in wanted:
                texts[key] = (doc.get("title", "") + "\n" + doc["text"]).replace("\n", " ")
    for n, row in enumerate(read_sample(path), 1):
        print(f"## {n}. {row['type']}: {row['label']}  ({row['entity']})")
        shown = 0
        for doc in row["documents"].split():
            text = texts.get(doc, "")
            for sentence in re.split(r"(?<=[.!?])\s+", text):
                if row["label"] in sentence and shown < 3:
                    print(f"   [{doc}] {sentence.strip()[:400]}")
                    shown += 1
        if shown == 0:
            print("   (label not found verbatim; see the documents)")


def count_verdicts(path, column):
    """Counts of (right, wrong, unchecked) verdicts per value of `column`."""
    counts = {}
    for row in read_sample(path):
        c = counts.setdefault(row[column], [0, 0, 0])
        verdict = row["verdict"].strip().lower()
        c[0 if verdict == "y" else 1 if verdict == "n" else 2] += 1
    return counts


def score(path):
    for kind, (right, wrong, unchecked) in sorted(count_verdicts(path, "type").items()):
        print(f"{kind}: {right} right, {wrong} wrong, {unchecked} unchecked")


def main():
    if len(sys.argv) >= 5 and sys.argv[1] == "sample":
        # A later audit draws other documents and another seed, so that it
        # measures a change made after reading an earlier audit's errors.
        offset = int(sys.argv[5]) if len(sys.argv) > 5 else 0
        seed = int(sys.argv[6]) if len(sys.argv) > 6 else SEED
        sample(sys.argv[2], sys.argv[3], sys.argv[4], offset, seed)
    elif len(sys.argv) >= 4 and sys.argv[1] == "contexts":
        contexts(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 3 and sys.argv[1] == "score":
        score(sys.argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
