"""Pick bench articles rich in the relations kgforge is scored on, for a new
annotated set, before anyone reads them.

Usage: pick_articles.py BENCH_JSONL COUNT [--exclude GOLD.tsv ...]
         [--min-chars N] [--max-chars N] [--overlap F]

An article is scored by counting, in title and text, words of signing,
agreements, stance, membership and posts (each count capped at 4; signing
and stance counted twice). Articles without a post word, with fewer than two
stance words, or without a signing or agreement word are left out; so are
articles already in a gold file given with --exclude, and near-duplicates:
an article sharing more than --overlap (0.35) of its distinct words with an
article already chosen or already annotated. Ties keep the bench order.
Prints the chosen ids, best first, one per line.
"""
import json
import re
import sys

SIGNING = r"\b(sign|signs|signed|signing|initial(?:l)?ed|ratif\w*)\b"
AGREEMENT = r"\b(agreements?|treat(?:y|ies)|accords?|deals?|pacts?|memorand\w*|declarations?|protocols?|conventions?)\b"
STANCE = (r"\b(critici[sz]\w*|condemn\w*|oppos\w*|reject\w*|welcom\w*|prais\w*|backed|backs|"
          r"support\w*|endors\w*|denounc\w*|accus\w*|applaud\w*|protest\w*|object\w*)\b")
MEMBER = r"\b(members?|membership|joined|join|joins|ally|allies)\b"
POSTS = (r"\b(minister|president|chairman|chief executive|secretary|leader|mayor|spokes(?:man|woman)|"
         r"ambassador|director|premier|chancellor|envoy|governor)\b")


def words(text):
    return set(re.findall(r"[a-z]+", text.lower()))


def count(pattern, text):
    return min(4, len(re.findall(pattern, text, re.IGNORECASE)))


def gold_ids(path):
    ids = set()
    for line in open(path, encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if fields[0] == "doc" and len(fields) > 1:
            ids.add(re.sub(r"\.txt$", "", fields[1]))
    return ids


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    bench, wanted = args[0], int(args[1])
    excluded, min_chars, max_chars, overlap = [], 1000, 3500, 0.35
    rest = args[2:]
    while rest:
        flag = rest.pop(0)
        if flag == "--exclude":
            excluded.append(rest.pop(0))
        elif flag == "--min-chars":
            min_chars = int(rest.pop(0))
        elif flag == "--max-chars":
            max_chars = int(rest.pop(0))
        elif flag == "--overlap":
            overlap = float(rest.pop(0))
        else:
            sys.exit(f"unknown option {flag}")
    known = set()
    for path in excluded:
        known |= gold_ids(path)
    known_words = []
    scored = []
    with open(bench, encoding="utf-8") as lines:
        for order, line in enumerate(lines):
            record = json.loads(line)
            text = record.get("title", "") + "\n" + record.get("text", "")
            if record["id"] in known:
                known_words.append(words(text))
                continue
            if not min_chars <= len(record.get("text", "")) <= max_chars:
                continue
            signing, agreement = count(SIGNING, text), count(AGREEMENT, text)
            stance, member, posts = count(STANCE, text), count(MEMBER, text), count(POSTS, text)
            if posts == 0 or stance < 2 or signing + agreement == 0:
                continue
            score = 2 * signing + agreement + 2 * stance + member + posts
            scored.append((-score, order, record["id"], words(text)))
    scored.sort()
    chosen, chosen_words = [], list(known_words)
    for _, _, doc_id, doc_words in scored:
        if len(chosen) == wanted:
            break
        if any(len(doc_words & other) > overlap * min(len(doc_words), len(other)) for other in chosen_words):
            continue
        chosen.append(doc_id)
        chosen_words.append(doc_words)
    print("\n".join(chosen))


if __name__ == "__main__":
    main()
