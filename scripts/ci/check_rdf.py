#!/usr/bin/env python3
"""Check kgforge exports with an independent parser (rdflib).

Usage: check_rdf.py REFERENCE.nq FILE:FORMAT...

REFERENCE is kgforge's N-Quads export. Each FILE is parsed with rdflib in
FORMAT (nt, nq, ttl, trig, rdf, jsonld); formats that keep named graphs must
hold as many quads as the reference, the others as many distinct triples.
Exits non-zero on any mismatch or parse error.
"""
import sys

import rdflib

RDFLIB_FORMATS = {"nt": "nt", "nq": "nquads", "ttl": "turtle", "trig": "trig", "rdf": "xml", "jsonld": "json-ld"}
KEEPS_GRAPHS = {"nq", "trig", "jsonld"}


def main():
    reference, targets = sys.argv[1], sys.argv[2:]
    dataset = rdflib.Dataset()
    dataset.parse(reference, format="nquads")
    quads = set()
    triples = set()
    for s, p, o, g in dataset.quads((None, None, None, None)):
        graph = None if g is None or g == rdflib.term.URIRef("urn:x-rdflib:default") else g
        quads.add((s, p, o, graph))
        triples.add((s, p, o))
    print(f"reference {reference}: {len(quads)} quads, {len(triples)} distinct triples")
    failures = 0
    for target in targets:
        path, name = target.rsplit(":", 1)
        try:
            if name in KEEPS_GRAPHS:
                parsed = rdflib.Dataset()
                parsed.parse(path, format=RDFLIB_FORMATS[name])
                count = len(set(parsed.quads((None, None, None, None))))
                expected = len(quads)
            else:
                parsed = rdflib.Graph()
                parsed.parse(path, format=RDFLIB_FORMATS[name])
                count = len(parsed)
                expected = len(triples)
        except Exception as error:  # noqa: BLE001 - any parse failure is a failed check
            print(f"FAIL {name}: rdflib cannot parse {path}: {error}")
            failures += 1
            continue
        status = "ok  " if count == expected else "FAIL"
        failures += count != expected
        print(f"{status} {name}: {count} statements (expected {expected})")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
