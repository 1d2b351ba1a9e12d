#!/usr/bin/env python3
"""Write data/gazetteer/state_people.tsv: people of a state's politics (heads
of state and government, ministers, legislators and other political elites)
with the state they serve, from the PETRARCH2 country actor dictionary
(repository openeventdata/petrarch2, commit
676801cd9cb2924bbbad09f86d15c9323e7097bf,
petrarch2/data/dictionaries/Phoenix.Countries.actors.txt; MIT licence, kept
in the output's header).

What is taken: every person record (a record dated by tenure: a body's or
a title's records carry no dates), with its name and the spellings
of its synonym lines that are full names (two words or more, no title such
as "PRESIDENT_" or "FORMER_"), and the state of its latest dated code (the
first three letters of "[RUSGOV >080508]"). The state must be one the
gazetteer's countries.tsv knows by its ISO alpha-3 code (or a former state
of its own code), written as the gazetteer's alpha-2 code; others are left
out.

What it is for: the roles extractor's guess of a bare title's state
("President X said" in a report filed from London) reads it, so that a
known foreign leader is not taken for the home country's. It names no
post: the title in the text says which post.

Names are written in lower case, words joined by single spaces; a name two
records give different states is left out.

Run from anywhere:
    python3 scripts/gazetteer/state_people.py [PETRARCH_DIR]
The folder defaults to ../shared/lexicons/petrarch2 beside the repository.
Output is sorted and byte-for-byte the same on every run.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
OUT = os.path.join(ROOT, "data", "gazetteer", "state_people.tsv")
CODE = re.compile(r"^\s*\[([A-Z]{3})[A-Z]*\s*([<>]?)(\d{6,8})?(?:-(\d{6,8}))?\]")
# Words that make a synonym a title or a description, not a name.
TITLE_WORDS = {
    "president", "president-elect", "former", "prime", "minister", "premier", "chancellor", "mr", "mr.", "mrs",
    "mrs.", "ms", "ms.", "dr", "dr.", "gov", "gov.", "governor", "senator", "sen.", "rep.", "king", "queen",
    "prince", "princess", "sheikh", "emir", "general", "gen.", "kanzler", "bundeskanzler", "secretary", "leader",
    "chairman", "vice", "deputy", "foreign", "defense", "defence", "ambassador", "mayor", "the", "of", "american",
    "russian", "german", "british", "french", "chinese", "us", "u.s.", "un", "u.n.", "pm", "sir", "lord", "lady",
}


def date_key(code_match):
    """Sort key of a dated code: its end date, open ends last."""
    sign, start, end = code_match.group(2), code_match.group(3), code_match.group(4)
    def full(d):
        return d if d is None or len(d) == 8 else ("19" if int(d[:2]) > 30 else "20") + d
    if sign == ">":
        return "99999999"
    if end:
        return full(end)
    if sign == "<":
        return full(start)
    return full(start) if start else "00000000"


def words_of(phrase):
    return [w for w in phrase.strip().strip("_").lower().split("_") if w]


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "lexicons", "petrarch2")
    path = os.path.join(folder, "Phoenix.Countries.actors.txt")
    known = {}  # ISO alpha-3 -> alpha-2
    with open(os.path.join(ROOT, "data", "gazetteer", "countries.tsv"), encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 1 and cols[1]:
                known[cols[1]] = cols[0]
    people = {}  # name -> set of states
    record = None  # (names, [(key, state)])

    def close():
        # A person's record is dated by tenure; a body's or a title's is not.
        if not record or not any(key != "00000000" for key, _ in record[1]):
            return
        state = max(record[1])[1]
        if state not in known:
            return
        for name in record[0]:
            people.setdefault(name, set()).add(known[state])

    with open(path, encoding="utf-8", errors="replace") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            code = CODE.match(line)
            if code:
                if record is not None:
                    record[1].append((date_key(code), code.group(1)))
                continue
            if line.startswith(("\t", " ")):
                continue
            head = line.partition("#")[0]
            if line.startswith("+"):
                if record is not None:
                    words = words_of(head[1:])
                    if len(words) >= 2 and not TITLE_WORDS & set(words):
                        record[0].add(" ".join(words))
                continue
            close()
            record = None
            words = words_of(head)
            if len(words) >= 2 and not TITLE_WORDS & set(words):
                record = ({" ".join(words)}, [])
    close()
    rows = sorted((name, next(iter(states))) for name, states in people.items() if len(states) == 1)
    with open(OUT, "w", encoding="utf-8", newline="\n") as out:
        out.write(
            "# People of a state's politics (leaders, ministers, legislators, elites) and the state they serve\n"
            "# (ISO alpha-2), lower case, for the roles extractor's guess of a bare title's state.\n"
            "# Source: PETRARCH2 Phoenix.Countries.actors.txt (openeventdata/petrarch2, commit\n"
            "# 676801cd9cb2924bbbad09f86d15c9323e7097bf), records dated by tenure, state of the latest code;\n"
            "# generated by scripts/gazetteer/state_people.py. Names two records give different states are left out.\n"
            f"# {len(rows)} entries: name, tab, state. Lines starting with # are comments.\n"
            "# Licence of the dictionary (MIT), kept with what is taken from it:\n"
            "#\n"
            "# The MIT License (MIT)\n"
            "#\n"
            "# Copyright (c) 2014 Open Event Data\n"
            "#\n"
            "# Permission is hereby granted, free of charge, to any person obtaining a copy of\n"
            "# this software and associated documentation files (the \"Software\"), to deal in\n"
            "# the Software without restriction, including without limitation the rights to\n"
            "# use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of\n"
            "# the Software, and to permit persons to whom the Software is furnished to do so,\n"
            "# subject to the following conditions:\n"
            "#\n"
            "# The above copyright notice and this permission notice shall be included in all\n"
            "# copies or substantial portions of the Software.\n"
            "#\n"
            "# THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\n"
            "# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS\n"
            "# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR\n"
            "# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER\n"
            "# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN\n"
            "# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.\n"
        )
        for name, state in rows:
            out.write(f"{name}\t{state}\n")
    print(f"{os.path.normpath(OUT)}: {len(rows)} entries")


if __name__ == "__main__":
    main()
