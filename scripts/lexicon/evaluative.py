#!/usr/bin/env python3
"""Regenerate data/lexicon/evaluative_words.tsv: words that praise or
condemn what they are said of, with their valence, for the stance
extractor's reading of naming with an evaluation ("X called the deal
“lousy”", "X described the accord as a disaster", "calling Y a hero").

Where the words come from: the VADER sentiment lexicon (C.J. Hutto,
vaderSentiment 3.3.2 on PyPI, MIT licence), `vader_lexicon.txt`: each entry's
mean valence from ten human raters, -4 (most negative) to +4.

Kept: single words in lower case (letters, inner hyphens and apostrophes;
no emoticons or abbreviations of chat), with a mean valence of at least 1.0
either way. REVIEWED_OUT drops a word, with its reason: words whose sense in
political and business news carries no judgement of what they are said of
("party", "united", "security"), and function words.

Run from the repository root (vaderSentiment installed, see
scripts/lexicon/requirements.txt):
    python3 scripts/lexicon/evaluative.py [path/to/vader_lexicon.txt]
The output is sorted and deterministic; the script fails when a review no
longer applies.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "data", "lexicon", "evaluative_words.tsv")
WORD = re.compile(r"^[a-z](?:[a-z'-]*[a-z])?$")
THRESHOLD = 1.0

REVIEWED_OUT = {
    "party": "a political party in news, not a celebration",
    "parties": "political parties in news",
    "united": "names (United Nations, United States), not praise",
    "like": "a preposition in 'called it like a ...'",
    "likes": "'the likes of', not approval",
    "free": "'free trade', 'tax-free': a description, not praise",
    "freedom": "names of parties and laws (Freedom Party)",
    "justice": "names of courts and ministries (Justice Department)",
    "security": "security forces and councils, not praise",
    "secure": "'secure a deal': a verb of obtaining",
    "peace": "peace talks and accords: the topic, not praise",
    "god": "names and exclamations",
    "yes": "a function word",
    "no": "a function word (negation is read separately)",
    "please": "a function word",
    "ok": "a function word",
    "okay": "a function word",
    "help": "'help from', 'to help': an act, not a judgement",
    "care": "'health care': a field",
    "kind": "'a kind of': a noun of sort",
    "interest": "'interest rates', 'in the interest of': no judgement",
    "interests": "business and national interests: no judgement",
    "share": "shares of stock",
    "shares": "shares of stock",
    "support": "a stance noun the stance lists read themselves",
    "supports": "a stance verb the stance lists read themselves",
    "supported": "a stance verb the stance lists read themselves",
    "supporting": "a stance verb the stance lists read themselves",
    "war": "the topic of the naming ('called it a war'), judged by the words around it",
    "killed": "an event, not a judgement",
    "attack": "an event, not a judgement",
    "attacked": "an event, not a judgement",
    "attacks": "an event, not a judgement",
    "crisis": "the topic, not a judgement of the thing named",
}


def default_lexicon():
    try:
        import vaderSentiment  # noqa: PLC0415
    except ImportError:
        sys.exit("evaluative.py: install vaderSentiment (scripts/lexicon/requirements.txt) or give the lexicon's path")
    return os.path.join(os.path.dirname(vaderSentiment.__file__), "vader_lexicon.txt")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else default_lexicon()
    kept, seen = {}, set()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 2:
                continue
            word, valence = cols[0], float(cols[1])
            seen.add(word)
            if not WORD.match(word) or abs(valence) < THRESHOLD or word in REVIEWED_OUT:
                continue
            kept[word] = valence
    stale = sorted(w for w in REVIEWED_OUT if w not in seen)
    if stale:
        sys.exit(f"evaluative.py: reviewed-out words no longer in the lexicon: {', '.join(stale)}")
    with open(OUT, "w", encoding="utf-8", newline="\n") as out:
        out.write(
            "# Words that praise (+) or condemn (-) what they are said of, with their mean valence (-4..+4).\n"
            "# Read by the stance extractor in an evaluation after a verb of naming ('called the deal \"lousy\"').\n"
            "# Source: VADER sentiment lexicon, vader_lexicon.txt of vaderSentiment 3.3.2 (PyPI;\n"
            "# https://github.com/cjhutto/vaderSentiment), by scripts/lexicon/evaluative.py: single lower-case words\n"
            f"# with |valence| >= {THRESHOLD}, {len(REVIEWED_OUT)} words reviewed out (reasons in the script).\n"
            f"# {len(kept)} entries: word, tab, valence. Lines starting with # are comments.\n"
            "# Licence of the lexicon (MIT), kept with what is taken from it:\n"
            "#\n"
            "# The MIT License (MIT)\n"
            "#\n"
            "# Copyright (c) 2016 C.J. Hutto\n"
            "#\n"
            "# Permission is hereby granted, free of charge, to any person obtaining a copy\n"
            "# of this software and associated documentation files (the \"Software\"), to deal\n"
            "# in the Software without restriction, including without limitation the rights\n"
            "# to use, copy, modify, merge, publish, distribute, sublicense, and/or sell\n"
            "# copies of the Software, and to permit persons to whom the Software is\n"
            "# furnished to do so, subject to the following conditions:\n"
            "#\n"
            "# The above copyright notice and this permission notice shall be included in all\n"
            "# copies or substantial portions of the Software.\n"
            "#\n"
            "# THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\n"
            "# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,\n"
            "# FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE\n"
            "# AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER\n"
            "# LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,\n"
            "# OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE\n"
            "# SOFTWARE.\n"
        )
        for word in sorted(kept):
            out.write(f"{word}\t{kept[word]:+.1f}\n")
    print(f"{os.path.normpath(OUT)}: {len(kept)} entries")


if __name__ == "__main__":
    main()
