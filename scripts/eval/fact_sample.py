#!/usr/bin/env python3
"""Draw the fact precision audit's sample (issue 9): random asserted facts
of the scored relations from a kgforge build over 2,000 documents of the
bench corpus.

    python3 scripts/eval/fact_sample.py sample ../shared/bench/news.jsonl \
        target/release/kgforge OUT.tsv [OFFSET [SEED [EXTRACTOR]]] [--new-only]
    python3 scripts/eval/fact_sample.py contexts ../shared/bench/news.jsonl OUT.tsv > /tmp/facts.txt
    python3 scripts/eval/fact_sample.py score OUT.tsv

`sample` takes the same 2,000 documents as `precision_sample.py` (every
16th line from OFFSET; with `--new-only`, facts an earlier round's file in
`data/eval/precision/` judged are left out, for rounds after all sixteen
offsets were used), runs `kgforge extract`, keeps the facts whose
modality is Asserted and whose relation is one of `../shared/eval/RELATIONS.md`,
and draws 100 with SEED (only EXTRACTOR's facts when one is named; their
confidence is then written in the note column). The file keeps ids and names only (the texts are
under research-only terms): fact IRI, document, relation, subject and object
labels, extractor, the evidence's byte span, and empty `verdict` and `note`
columns for the hand check.

`contexts` prints each fact with its evidence span and sentence, read from
the bench corpus, for the person checking it; nothing is written.

`score` counts the verdicts: `y` (the sentence states the fact, both ends
named as the text names them), `n` (anything else) and prints the count per
relation.
"""
import json
import random
import sys

from precision_sample import count_verdicts, extracted_quads, read_sample, unquote

PER_SAMPLE = 100
SEED = 20261129
KG = "https://w3id.org/kgforge/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RELATIONS = {
    "ministerOf", "headOf", "worksFor", "memberOf", "livesIn", "locatedIn", "capitalOf", "basedIn",
    "signatory", "signedIn", "signedOn", "opposes", "supports", "killed",
}


def judged_facts():
    """(document, relation, subject, object) of every fact judged in an
    earlier round (`data/eval/precision/facts-round*.tsv`)."""
    import glob
    import os

    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "eval", "precision")
    seen = set()
    for path in sorted(glob.glob(os.path.join(here, "facts-round*.tsv"))):
        for row in read_sample(path):
            seen.add((row["document"], row["relation"], row["subject"], row["object"]))
    return seen


def sample(bench, binary, out, offset, seed, extractor=None, new_only=False):
    docs, quads = extracted_quads(bench, binary, offset, "/tmp/kgforge-fact-docs.jsonl")
    facts, labels, evidence = {}, {}, {}
    for s, p, o in quads:
        if p == "http://www.w3.org/2000/01/rdf-schema#label" and o.startswith('"'):
            labels[s] = unquote(o)
        elif "#fact-" in s:
            f = facts.setdefault(s, {})
            if p == RDF + "subject":
                f["subject"] = o[1:-1]
            elif p == RDF + "predicate":
                f["relation"] = o[1:-1].rsplit("#", 1)[-1]
            elif p == RDF + "object":
                f["object"] = o
            elif p == KG + "modality":
                f["modality"] = o[1:-1].rsplit("#", 1)[-1]
            elif p == KG + "evidence":
                f.setdefault("evidence", o[1:-1])
        elif "#ev-" in s:
            e = evidence.setdefault(s, {})
            if p == KG + "start":
                e["start"] = unquote(o)
            elif p == KG + "end":
                e["end"] = unquote(o)
            elif p == KG + "extractor":
                e["extractor"] = unquote(o)
            elif p == KG + "confidence":
                e["confidence"] = unquote(o)
    pool = sorted(
        iri
        for iri, f in facts.items()
        if f.get("modality") == "Asserted" and f.get("relation") in RELATIONS and "subject" in f and "object" in f
        and (extractor is None or evidence.get(f.get("evidence", ""), {}).get("extractor") == extractor)
    )
    if new_only:
        # Once all sixteen document sets were drawn, later rounds draw again
        # from one of them with a new seed, leaving out every fact an
        # earlier round judged (and was read for errors).
        seen = judged_facts()

        def key(iri):
            f = facts[iri]
            obj = f["object"]
            obj_label = labels.get(obj[1:-1], obj[1:-1]) if obj.startswith("<") else unquote(obj)
            doc = iri.split("#", 1)[0].rsplit("/", 1)[-1]
            subject = " ".join(labels.get(f["subject"], f["subject"]).split())
            return (doc, f["relation"], subject, " ".join(obj_label.split()))

        before = len(pool)
        pool = [iri for iri in pool if key(iri) not in seen]
        print(f"{before - len(pool)} facts judged in earlier rounds left out", file=sys.stderr)
    print(f"{len(pool)} asserted facts in {len(docs)} documents", file=sys.stderr)
    rng = random.Random(seed)
    with open(out, "w", encoding="utf-8") as f:
        f.write("fact\tdocument\trelation\tsubject\tobject\textractor\tstart\tend\tverdict\tnote\n")
        for iri in rng.sample(pool, min(PER_SAMPLE, len(pool))):
            fact = facts[iri]
            ev = evidence.get(fact.get("evidence", ""), {})
            obj = fact["object"]
            obj_label = labels.get(obj[1:-1], obj[1:-1]) if obj.startswith("<") else unquote(obj)
            doc = iri.split("#", 1)[0].rsplit("/", 1)[-1]
            # A label the text wrapped over lines stays on one TSV line.
            row = [
                iri,
                doc,
                fact["relation"],
                " ".join(labels.get(fact["subject"], fact["subject"]).split()),
                " ".join(obj_label.split()),
                ev.get("extractor", ""),
                ev.get("start", ""),
                ev.get("end", ""),
            ]
            # One extractor's sample keeps each fact's confidence in the note.
            note = f"confidence {ev.get('confidence', '')}" if extractor else ""
            f.write("\t".join(row) + f"\t\t{note}\n")


def contexts(bench, path):
    rows = list(read_sample(path))
    wanted = {r["document"] for r in rows}
    texts = {}
    with open(bench, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            key = doc["id"].replace("/", "%2F")
            if key in wanted or doc["id"] in wanted:
                # Evidence spans are byte offsets into the "text" field.
                texts[key] = doc["text"]
    for n, row in enumerate(rows, 1):
        text = texts.get(row["document"], "")
        raw = text.encode("utf-8")
        try:
            start, end = int(row["start"]), int(row["end"])
        except ValueError:
            start, end = 0, 0
        span = raw[start:end].decode("utf-8", "replace")
        around = raw[max(0, start - 300) : end + 300].decode("utf-8", "replace").replace("\n", " ")
        print(f"## {n}. {row['subject']} {row['relation']} {row['object']}  [{row['extractor']}, {row['document']}]")
        print(f"   evidence: {span!r}")
        print(f"   context: ...{around}...")


def score(path):
    counts = count_verdicts(path, "relation")
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    for relation, (right, wrong, unchecked) in sorted(counts.items()):
        print(f"{relation}: {right} right, {wrong} wrong, {unchecked} unchecked")
    print(f"all: {total[0]} right, {total[1]} wrong, {total[2]} unchecked")


def main():
    new_only = "--new-only" in sys.argv
    sys.argv = [a for a in sys.argv if a != "--new-only"]
    if len(sys.argv) >= 5 and sys.argv[1] == "sample":
        offset = int(sys.argv[5]) if len(sys.argv) > 5 else 0
        seed = int(sys.argv[6]) if len(sys.argv) > 6 else SEED
        extractor = sys.argv[7] if len(sys.argv) > 7 else None
        sample(sys.argv[2], sys.argv[3], sys.argv[4], offset, seed, extractor, new_only)
    elif len(sys.argv) >= 4 and sys.argv[1] == "contexts":
        contexts(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 3 and sys.argv[1] == "score":
        score(sys.argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
