#!/usr/bin/env python3
"""Regenerate data/lexicon/abbreviations.txt and contractions.txt from the open
English treebanks.

contractions.txt: the multiword tokens without an apostrophe of the same
train documents ("dont" = "do" "nt", "cannot" = "can" "not", "gonna") whose
words spell the surface form, seen at least twice, and more often split than
as a plain token ("its" stays whole: mostly the possessive). Those ending in
a bare "s" ("thats", "wits") are left out: plurals look the same. Forms with
an apostrophe ("don't", "minister's") the tokenizer splits by rule.

An abbreviation is a token that ends in a period and is not sentence-final in
the TRAIN documents of UD English EWT (file-lists/files.train) and GUM (the
documents of gum/dep/ listed under "train" in gum/splits.md): the
treebanks keep the period of "Mr.", "Inc.", "Jan.", "etc." on the word.
Kept: forms of letters with one final period and no other ("Mr.", not "U.S.",
which the tokenizer keeps whole by rule, nor single-letter initials, also a
rule), more often with the period on than with a separate period token
after them (both counted away from the end of a sentence) ("No." stays, since news writes
"No. 10"; a word that merely missed a sentence split goes).

Run from the repository root:
    python3 scripts/lexicon/abbreviations.py [/work/shared/corpora]
The output is sorted and deterministic.
"""
import collections
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "data", "lexicon", "abbreviations.txt")
CONTRACTIONS = os.path.join(HERE, "..", "..", "data", "lexicon", "contractions.txt")
WORD = re.compile(r"^[^\W\d_]{2,}\.$")


def sentences(path):
    """Yields each sentence of a CoNLL-U file as its list of surface tokens,
    each (form, words inside it: [] for a plain token)."""
    tokens, skip_to = [], 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if tokens:
                    yield tokens
                tokens, skip_to = [], 0
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            ident = cols[0]
            if "-" in ident:
                a, b = ident.split("-")
                skip_to = int(b)
                tokens.append((cols[1], []))
            elif ident.isdigit():
                if int(ident) > skip_to:
                    tokens.append((cols[1], []))
                elif tokens:
                    tokens[-1][1].append(cols[1])
    if tokens:
        yield tokens


def train_files(root):
    ewt = os.path.join(root, "ud-english-ewt")
    with open(os.path.join(ewt, "file-lists", "files.train"), encoding="utf-8") as f:
        for name in f:
            name = name.strip()
            if name:
                yield os.path.join(ewt, "sources", name)
    train, section = set(), None
    with open(os.path.join(root, "gum", "splits.md"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("## "):
                section = line[3:].strip()
            m = re.match(r"\s*\*\s*(\S+)", line)
            if m and section == "train":
                train.add(m.group(1))
    dep = os.path.join(root, "gum", "dep")
    for name in sorted(os.listdir(dep)):
        if name.endswith(".conllu") and name[: -len(".conllu")] in train:
            yield os.path.join(dep, name)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpora"
    kept = collections.Counter()
    split = collections.Counter()
    multi = collections.Counter()
    plain = collections.Counter()
    files = 0
    for path in train_files(root):
        files += 1
        for sentence in sentences(path):
            tokens = [form for form, _ in sentence]
            for i, tok in enumerate(tokens):
                if i + 1 < len(tokens) and WORD.match(tok):
                    kept[tok] += 1
                if i + 2 < len(tokens) and tokens[i + 1] == "." and WORD.match(tok + "."):
                    split[tok + "."] += 1
            for form, words in sentence:
                if words and "".join(words) == form:
                    multi[(form.lower(), " ".join(w.lower() for w in words))] += 1
                elif not words:
                    plain[form.lower()] += 1
    words = sorted(w for w, n in kept.items() if n > split[w])
    write_abbreviations(words, files)
    by_form = collections.Counter()
    for (form, _), n in multi.items():
        by_form[form] += n
    best = {}
    for (form, pieces), n in sorted(multi.items()):
        if n > best.get(form, ("", 0))[1]:
            best[form] = (pieces, n)
    contractions = sorted(
        (form, pieces)
        for form, (pieces, n) in best.items()
        if by_form[form] >= 2
        and by_form[form] > plain[form]
        and not any(q in form for q in "'’`")
        and pieces.split()[-1] != "s"
    )
    with open(CONTRACTIONS, "w", encoding="utf-8") as out:
        out.write("# Contractions split into words: lower-case surface form, tab, its words (generated; do not edit).\n")
        out.write("# Source: multiword tokens (ranges \"1-2\") of the train documents of UD English EWT (CC BY-SA 4.0)\n")
        out.write("# and GUM (CC BY 4.0 annotations) whose words spell the surface form, seen at least twice and more\n")
        out.write("# often as a multiword token than as a plain one; none with an apostrophe (split by rule) or a\n")
        out.write("# last word \"s\" (plurals look the same). Generator: scripts/lexicon/abbreviations.py\n")
        for form, pieces in contractions:
            out.write(f"{form}\t{pieces}\n")
    print(f"{len(contractions)} contractions -> {os.path.normpath(CONTRACTIONS)}")


def write_abbreviations(words, files):
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# Abbreviations that keep their period, one a line (generated; do not edit by hand).\n")
        out.write("# Source: tokens ending in '.' that are not sentence-final, more\n")
        out.write("# often than with a split-off period, in the train documents of UD English EWT\n")
        out.write("# (CC BY-SA 4.0) and GUM (CC BY 4.0 annotations). Generator: scripts/lexicon/abbreviations.py\n")
        out.write("# Initials (\"J.\") and dotted forms (\"U.S.\", \"e.g.\") are kept whole by rule, not listed.\n")
        for w in words:
            out.write(w + "\n")
    print(f"{len(words)} abbreviations from {files} train files -> {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
