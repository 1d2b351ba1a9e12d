#!/usr/bin/env python3
"""Fail when a person or organisation of the sample articles is named in the
rules or the world knowledge: src/, ontology/, data/gazetteer/ and data/lexicon/.

Rules must hold for news they were not written for, so the names they were
first tested on may not be written into them. International organisations
(NATO, the EU) are world knowledge: the gazetteer's organisation list is
exempt, as are the gold's optional entities (page furniture).

Usage: check_sample_names.py GOLD_TSV
"""
import os
import re
import sys


def main():
    gold = sys.argv[1]
    known = set()
    with open("data/gazetteer/organizations.tsv", encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            known.update(n for n in [cols[0]] + cols[1].split("|") if n)
    names = set()
    with open(gold, encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3 and cols[0] == "E" and cols[1] in ("Person", "Organization"):
                aliases = [cols[2]] + (cols[3].split("|") if len(cols) > 3 else [])
                if any(a in known for a in aliases):
                    continue
                names.update(a.lstrip("~") for a in aliases if len(a.lstrip("~")) >= 4)
    hits = []
    for root in ("src", "ontology", "data/gazetteer", "data/lexicon"):
        for folder, _, files in os.walk(root):
            for name in sorted(files):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8", errors="replace") as handle:
                    text = handle.read()
                for sample in sorted(names):
                    if re.search(r"(?<!\w)" + re.escape(sample) + r"(?!\w)", text):
                        hits.append(f"{path}: {sample}")
    for hit in hits:
        print(hit)
    print(f"{len(names)} names of the sample articles checked, {len(hits)} found in src/, ontology/, data/gazetteer/, data/lexicon/")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
