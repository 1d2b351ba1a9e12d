#!/usr/bin/env python3
"""Write the Wikinews articles that a gold file annotates, as JSONL, from
../shared/news/wikinews-2019.csv.

Wikinews text is CC BY 2.5, but the repository keeps only the gold and the
article ids; the text is read from ../shared at run time, like the Reuters
set (news_articles.py). An article id is `wikinews2019-NNN`, NNN being the
article's row in the CSV (0-based, header not counted); the gold's `doc`
lines name `wikinews2019-NNN.txt`, the file the annotator read (title, blank
line, text).

Usage: wikinews_articles.py GOLD CSV OUT_JSONL
Exits 2 when the CSV is absent, 1 when an annotated row is missing.
"""
import csv
import json
import os
import sys

from news_articles import annotated_articles


def main():
    gold, source, out = sys.argv[1:4]
    wanted = annotated_articles(gold)
    if not os.path.exists(source):
        print(f"{source}: not present; the Wikinews evaluation set cannot be built", file=sys.stderr)
        return 2
    csv.field_size_limit(1 << 30)
    with open(source, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with open(out, "w", encoding="utf-8") as handle:
        for article in wanted:
            row = int(article.removeprefix("wikinews2019-"))
            if row >= len(rows):
                print(f"{source}: annotated article {article} missing", file=sys.stderr)
                return 1
            r = rows[row]
            record = {
                "id": article,
                "title": r["title"],
                "text": r["text"],
                "date": r["date"],
                "url": r["url"],
                "publisher": "Wikinews",
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{out}: {len(wanted)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
