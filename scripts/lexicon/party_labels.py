#!/usr/bin/env python3
"""Regenerate data/lexicon/party_labels.tsv: the words news uses for a
political party when it names the party by its adjective ("Republican
Senator X", "Labour MP Y", "X, a Democrat, said").

Where the words come from:

* candidates: the word before "Party" in two-word party names ("the
  Democratic Party", "Labour Party": the word before it is not capitalised,
  or is "The") in the training material the project may read: the train
  documents of GUM (gum/splits.md) and of UD English EWT
  (file-lists/files.train), the dev split of Universal NER English EWT, and
  the CoNLL04 train split; and the party agents of the PETRARCH2 agents
  dictionary (Phoenix.agents.txt, "X_PARTY" entries coded ~PTY or ~ENV).
* REVIEWED_OUT drops a candidate, with its reason: a word that names no
  political family of its own, or that stands before a name in another sense
  ("Civic leader", "Islamic cleric").
* ADDED holds the few party families the sources lack, each with its
  reason: the sources are small and hold no British or continental
  conservative or socialist party under its two-word name.

Each label is written with the name of the party it stands for ("<label>
Party") and the forms news uses for a member: the label itself, its plural,
and for a label in "-ic" the noun without it ("Democrat", "Democrats").
The script fails when a review or an addition no longer applies.

Run from the repository root:
    python3 scripts/lexicon/party_labels.py [/work/shared]
The output is sorted and deterministic.
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "data", "lexicon", "party_labels.tsv")
LABEL = re.compile(r"^[A-Z][a-z]+$")

REVIEWED_OUT = {
    "Great": "an adjective of size, not a family of parties",
    "Qualified": "an adjective of another sense (\"Qualified Party\" of a contract)",
    "Civic": "stands before names in another sense (\"civic leader\")",
    "Political": "the generic adjective (\"political party\")",
    "Leftist": "an ideology many parties share; \"leftist leader\" names no one party",
    "Baath": "a name, not an adjective news writes before people",
    "Dawa": "a name, not an adjective news writes before people",
}

ADDED = {
    "Conservative": "the conservative parties of Britain and Canada; the sources hold none under this name",
    "Socialist": "the socialist parties of many states; the sources hold them only inside longer names",
    "Liberal": "the liberal parties; the sources hold them only inside longer names (\"Social Liberal Party\")",
    "Communist": "the communist parties; the sources hold them only inside longer names (\"Chinese Communist Party\")",
}


def sentences_conllu(path):
    words = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if words:
                    yield words
                words = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            words.append(cols[1])
    if words:
        yield words


def sentences_iob2(path):
    words = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                if words:
                    yield words
                words = []
                continue
            cols = line.split("\t")
            if len(cols) > 1:
                words.append(cols[1])
    if words:
        yield words


def gum_train(corpora):
    splits = open(os.path.join(corpora, "gum", "splits.md"), encoding="utf-8").read()
    held, section = set(), None
    for line in splits.splitlines():
        heading = re.match(r"^#+\s*(\w+)", line)
        if heading:
            section = heading.group(1).lower()
            continue
        if section in ("dev", "test", "test2"):
            held.update(re.findall(r"GUM_\w+", line))
    folder = os.path.join(corpora, "gum", "dep")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".conllu") and name[: -len(".conllu")] not in held:
            yield os.path.join(folder, name)


def ewt_train(corpora):
    root = os.path.join(corpora, "ud-english-ewt")
    listed = open(os.path.join(root, "file-lists", "files.train"), encoding="utf-8").read().split()
    by_name = {}
    for folder, _, files in os.walk(os.path.join(root, "sources")):
        for name in files:
            by_name[name] = os.path.join(folder, name)
    for entry in sorted(listed):
        path = by_name.get(os.path.basename(entry)) or by_name.get(os.path.basename(entry) + ".conllu")
        if path:
            yield path


def two_word_party_labels(words):
    for i in range(1, len(words)):
        if words[i] != "Party" or not LABEL.match(words[i - 1]):
            continue
        before = words[i - 2] if i >= 2 else ""
        if before and before[0].isupper() and before != "The":
            continue
        yield words[i - 1]


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "shared")
    corpora = os.path.join(shared, "corpora")
    found = collections.defaultdict(set)
    for path in gum_train(corpora):
        for words in sentences_conllu(path):
            for label in two_word_party_labels(words):
                found[label].add("GUM train")
    for path in ewt_train(corpora):
        for words in sentences_conllu(path):
            for label in two_word_party_labels(words):
                found[label].add("UD English EWT train")
    for words in sentences_iob2(os.path.join(corpora, "uner-english-ewt", "en_ewt-ud-dev.iob2")):
        for label in two_word_party_labels(words):
            found[label].add("UNER English EWT dev")
    with open(os.path.join(shared, "eval", "conll04", "train.jsonl"), encoding="utf-8") as f:
        for line in f:
            words = json.loads(line)["text"].split()
            for label in two_word_party_labels(words):
                found[label].add("CoNLL04 train")
    agents = os.path.join(shared, "lexicons", "petrarch2", "Phoenix.agents.txt")
    with open(agents, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^([A-Z]+)_PARTY\s+\[~(PTY|ENV)\]", line)
            if m:
                found[m.group(1).capitalize()].add("PETRARCH2 agents")
    stale = [w for w in REVIEWED_OUT if w not in found] + [w for w in ADDED if w in found]
    if stale:
        sys.exit(f"review or addition no longer applies: {', '.join(sorted(stale))}")
    labels = {w: sorted(s) for w, s in found.items() if w not in REVIEWED_OUT}
    for w, reason in ADDED.items():
        labels[w] = ["added: " + reason]
    lines = [
        "# Words news uses for a political party named by its adjective (\"Republican Senator X\", \"Labour MP Y\").",
        "# Generated by scripts/lexicon/party_labels.py; do not edit by hand. Columns: label, the party's name,",
        "# the forms of a member (|-separated), where the label was found.",
        "# Sources: train documents of GUM and UD English EWT, UNER English EWT dev, CoNLL04 train (two-word names",
        "# \"<label> Party\"), and the PETRARCH2 agents dictionary (openeventdata/petrarch2, commit",
        "# 676801cd9cb2924bbbad09f86d15c9323e7097bf, MIT licence, Copyright (c) 2014 Open Event Data).",
        "# Only the adjectives are taken from the corpora; the list's licence is kgforge's, MIT OR Apache-2.0.",
    ]
    for label in sorted(labels):
        # "Democrats" are members of the Democratic Party; "Republicans" of the Republican.
        forms = [label, label[:-2], label[:-2] + "s"] if label.endswith("ic") else [label, label + "s"]
        lines.append("\t".join([label, label + " Party", "|".join(forms), "; ".join(labels[label])]))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {len(labels)} labels to {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()
