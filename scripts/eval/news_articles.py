#!/usr/bin/env python3
"""Write the articles that data/eval/news.tsv annotates, as JSONL, from the
bench corpus they were taken from.

The article text is Reuters' copyright, given to this project for research
and internal benchmarking only, so the repository keeps the annotations and
the article ids, not the text. This script pulls the annotated ids out of
../shared/bench/news.jsonl (title, text and date, unchanged).

Usage: news_articles.py GOLD BENCH_JSONL OUT_JSONL
Exits 2 when the bench corpus is absent, 1 when an annotated id is missing.
"""
import json
import os
import sys


def annotated_articles(gold):
    """The article ids a gold file's `doc` lines name, in order."""
    wanted = []
    with open(gold, encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if cols[0] == "doc":
                wanted.append(cols[1].removesuffix(".txt"))
    return wanted


def main():
    gold, bench, out = sys.argv[1:4]
    wanted = annotated_articles(gold)
    if not os.path.exists(bench):
        print(f"{bench}: not present; the news evaluation set cannot be built", file=sys.stderr)
        return 2
    found = {}
    with open(bench, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                found[record["id"]] = line
    missing = [w for w in wanted if w not in found]
    if missing:
        print(f"{bench}: annotated articles missing: {', '.join(missing)}", file=sys.stderr)
        return 1
    with open(out, "w", encoding="utf-8") as handle:
        for article in wanted:
            handle.write(found[article])
    print(f"{out}: {len(wanted)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
