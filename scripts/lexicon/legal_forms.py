#!/usr/bin/env python3
"""Regenerate data/lexicon/legal_forms.txt: the legal forms that end a
company's name in the world's business registers ("Volvo AB", "Norsk
Hydro ASA", "Philips N.V.", "Henkel KGaA", "Qantas Pty"), as news writes
them, for the finders of companies (read with the English forms of
`company_suffixes.txt`).

Where the words come from: cleanco 2.3 on PyPI (Paul Solin and
contributors, MIT licence), `cleanco/termdata.py`: the legal-form terms of
its tables by type of business entity and by country, in lower case.

What is written: each single word of a term (a term of several words gives
its words: "sdn bhd" gives "sdn" and "bhd"), in the spellings news uses:
- an initialism with inner periods in capitals ("s.a." gives "S.A.");
- a word of letters in capitals ("ab" gives "AB", "asa" gives "ASA"), and,
  from three letters on, with a capital first letter too ("pty" gives
  "Pty"); MIXED gives the few forms written in mixed case ("KGaA", "Oy");
- a word with a final period, capitalised ("kft." gives "Kft." and "KFT.");
- an initialism of three letters or more (and "b.v.", "k.k.") without its
  periods too ("s.a.r.l." gives "SARL", "b.v." gives "BV").
Left out: words of fewer than two letters, words with digits or signs other
than "." and "/" (Cyrillic forms too: English text writes them in Latin
letters); a form that is also a common English word, in lower case in the
UD English EWT and GUM training splits at least twice ("as", "at", "private"),
or a common acronym (`common_acronyms.txt`); two-letter forms but those of
TWO_LETTER_FORMS (two letters abbreviate too many things: "S.C.", "KY");
and REVIEWED_OUT, each with its reason. The English forms already in `company_suffixes.txt` are not
repeated.

Run from the repository root (cleanco installed, see
scripts/lexicon/requirements.txt):
    python3 scripts/lexicon/legal_forms.py [-v] [path/to/shared/corpora]
(-v lists what was left out and why).
The output is sorted and deterministic; the script fails when a review no
longer applies.
"""
import os
import re
import sys

from cleanco import termdata

from abbreviations import train_files

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
OUT = os.path.join(ROOT, "data", "lexicon", "legal_forms.txt")
ENGLISH_FORMS = os.path.join(ROOT, "data", "lexicon", "company_suffixes.txt")
ACRONYMS = os.path.join(ROOT, "data", "lexicon", "common_acronyms.txt")
TERM_WORD = re.compile(r"^[a-z](?:[a-z./]*[a-z.])?$")
COMMON_WORD_COUNT = 2

# Forms written in mixed case in company names.
MIXED = {
    "kgaa": ["KGaA"],
    "gmbh": ["GmbH"],
    "g.m.b.h.": ["G.m.b.H."],
    "oy": ["Oy"],
    "oyj": ["Oyj"],
    "s.p.a.": ["S.p.A."],
    "spa": ["SpA"],
    "aps": ["ApS"],
    "bvba": ["BVBA", "bvba"],
}

# Forms left out, each with its reason (the lower-case term of cleanco).
REVIEWED_OUT = {
    "uk": "the United Kingdom's abbreviation ('Barclays UK' is a part, not a form)",
    "ok": "an interjection and Oklahoma's postal code",
    "e.g.": "'for example'",
    "ec": "the European Community in 1980s news",
    "sp": "Standard & Poor's in market news ('S&P' also written 'SP')",
    "gp": "a Grand Prix in sports news",
    "ep": "an extended-play record",
    "ps": "a postscript",
    "ba": "a university degree and British Airways",
    "fa": "the Football Association",
    "kb": "a kilobyte",
    "mb": "a megabyte",
    "kg": "a kilogram ('Mitsubishi KG' is rarer than '10 KG')",
    "kt": "a kiloton",
    "ks": "Kansas's postal code",
    "nl": "the Netherlands' abbreviation",
    "sd": "South Dakota's postal code",
    "pt": "Indonesia's 'PT' opens a name instead of ending it",
    "et": "Eastern Time ('10 a.m. ET')",
    "da": "a district attorney ('Manhattan DA')",
    "ad": "anno Domini",
    "ud": "a university department's abbreviation",
    "ei": "an abbreviation of many things, rarely a form",
    "ev": "an electric vehicle",
    "ik": "an abbreviation of many things, rarely a form",
    "kd": "an abbreviation of many things, rarely a form",
    "kf": "an abbreviation of many things, rarely a form",
    "bl": "an abbreviation of many things, rarely a form",
    "bm": "an abbreviation of many things, rarely a form",
    "hb": "a pencil grade and an abbreviation of many things",
    "ij": "a letter pair of Dutch words, not a form in English text",
    "xt": "a computer model's suffix ('IBM PC XT')",
    "ee": "an abbreviation of many things, rarely a form",
    "ae": "an abbreviation of many things, rarely a form",
    "oe": "an abbreviation of many things, rarely a form",
    "og": "an abbreviation of many things, rarely a form",
    "sf": "science fiction and San Francisco",
    "ay": "an interjection",
    "aj": "an abbreviation of many things, rarely a form",
    "sem": "a semester; a word of several languages",
    "sep": "September's abbreviation",
    "cio": "a chief information officer and the CIO union",
    "cic": "a commander-in-chief",
    "vat": "value-added tax",
    "stg": "sterling in market news",
    "psu": "a public sector unit; a university's abbreviation",
    "ent.": "an ear, nose and throat clinic; 'entertainment'",
    "coop.": "a co-operative, named as a noun",
    "koop.": "a co-operative, named as a noun",
    "tmi": "'too much information'",
    "fop": "a dandy",
    "fie": "an interjection",
    "etat": "the French word for state ('coup d'etat')",
    "sogepa": "a Belgian holding company's name, not a legal form",
    "adsitz": "a seat ('Sitz'), not a form on its own",
    "descendants": "part of 'suc. de descendants', an English word",
    "spol.": "only part of a Czech form ('spol. s r.o.'), 'company'",
    "obch.": "only part of a Czech form",
    "kom.": "only part of a Czech form",
    "akc.": "only part of a Czech form",
    "por": "only part of a Dominican form ('c. por a.'), a Spanish preposition",
    "sm": "only part of a Singapore form ('sm pte ltd.')",
    "mbh": "only part of 'mbh & co. kg'",
    "r.l.": "only part of 's. de r.l.'",
    "r.o.": "only part of 'spol. s r.o.'",
    "o.o.": "only part of 'sp. z o.o.'",
    "z.o.o.": "only part of 'sp. z.o.o.'",
    "c.v.": "'de C.V.' follows 'S.A.', and C.V. is a curriculum vitae",
    "i.": "only part of 's.c.e i.'",
    "sal": "a first name ('Sal')",
    "ans": "a word of Scandinavian languages; 'ANS' is an abbreviation of many things",
    "ohf.": "a form of Icelandic state companies, rare; 'Ohf.' reads as a typo",
    "en": "a French and Dutch preposition, part of 's. en c.'",
    "sia": "Singapore Airlines ('SIA'); Latvia's 'SIA' opens a name instead of ending it",
    "sas": "Scandinavian Airlines ('SAS')",
    "sca": "a Swedish company's name ('SCA') and an abbreviation of many things",
    "sae": "the Society of Automotive Engineers",
    "pse": "the Pacific Stock Exchange",
    "cpt": "a captain's abbreviation",
    "dat": "a digital audio tape",
    "teo": "a surname",
    "gte.": "a US company's name ('GTE')",
    "pp": "a party's abbreviation (Spain's 'PP') and pages",
    "s.a.a.": "South African Airways ('SAA')",
    "o.n.g.": "a non-governmental organisation, not a company's form",
    "sh.a.": "'SHA' reads as an abbreviation (a hash, a health authority)",
    "s.k.a.": "'SKA' reads as the music",
    "s.c.e": "'SCE' reads as a utility's abbreviation",
    "v.o.s.": "'VOS' reads as an abbreviation of many things",
    "d.n.o.": "'DNO' reads as a Norwegian oil company's name",
    "gbr": "'GBR' reads as Great Britain's code",
    "s.a.p.a.": "'SAPA' reads as the South African Press Association",
}

# Two-letter forms are abbreviations of many things in news ("S.C.", "E.U.",
# "KY", "GK"): only these, frequent as forms, are kept.
TWO_LETTER_FORMS = {
    "ab": "Sweden's and Finland's aktiebolag ('Volvo AB')",
    "oy": "Finland's osakeyhtiö ('Nokia Oy')",
    "lp": "a limited partnership ('Carlyle Group LP')",
    "l.p.": "a limited partnership",
    "a.g.": "a German or Swiss Aktiengesellschaft written with periods",
    "a.s.": "a Czech, Slovak or Norwegian joint-stock company",
    "b.v.": "a Dutch besloten vennootschap ('Shell B.V.')",
    "k.k.": "a Japanese kabushiki kaisha",
    "a/s": "a Danish or Norwegian aktieselskab ('Maersk A/S')",
    "i/s": "a Danish partnership",
    "k/s": "a Danish limited partnership",
    "p/s": "a Danish partnership company",
}


# Two-letter initialisms news writes without periods as often as with them.
DOTLESS_TOO = {"b.v.", "k.k."}


def cleanco_terms():
    terms = set()
    for table in (termdata.terms_by_type, termdata.terms_by_country):
        for values in table.values():
            terms.update(values)
    return terms


def words_of(term):
    for word in term.strip().split():
        yield word


def spellings(word):
    letters = word.replace(".", "").replace("/", "")
    if word in MIXED:
        return MIXED[word]
    inner_period = "." in word.rstrip(".")
    if inner_period:
        # Initialisms are written with and without periods ("B.V.", "BV").
        forms = [word.upper()]
        if len(letters) >= 3 or word in DOTLESS_TOO:
            forms.append(letters.upper())
        return forms
    if "/" in word:
        return [word.upper()]
    forms = [word.upper()]
    if len(letters) >= 3:
        forms.append(word[0].upper() + word[1:])
    return forms


def read_list(path):
    with open(path, encoding="utf-8") as f:
        return {line.strip() for line in f if line.strip() and not line.startswith("#")}


def conllu_lower_words(corpora):
    """Counts of the words written in lower case in the EWT and GUM training splits."""
    counts = {}
    for path in train_files(corpora):
        with open(path, encoding="utf-8") as f:
            for line in f:
                cols = line.split("\t")
                if len(cols) > 2 and cols[0].isdigit():
                    form = cols[1]
                    if form.islower():
                        counts[form] = counts.get(form, 0) + 1
    return counts


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    verbose = "-v" in sys.argv[1:]
    corpora = args[0] if args else os.path.join(ROOT, "..", "shared", "corpora")
    english = read_list(ENGLISH_FORMS)
    acronyms = read_list(ACRONYMS)
    common = conllu_lower_words(corpora)
    seen_words = set()
    kept = set()
    dropped = []
    for term in sorted(cleanco_terms()):
        for word in words_of(term):
            if not TERM_WORD.match(word):
                continue
            seen_words.add(word)
            letters = word.replace(".", "").replace("/", "")
            if len(letters) < 2:
                continue
            if len(letters) == 2 and word not in TWO_LETTER_FORMS:
                dropped.append((word, "a two-letter abbreviation of many things"))
                continue
            if word in REVIEWED_OUT:
                dropped.append((word, REVIEWED_OUT[word]))
                continue
            if common.get(word.rstrip("."), 0) >= COMMON_WORD_COUNT:
                dropped.append((word, f"an English word ({common[word.rstrip('.')]} times in lower case)"))
                continue
            for form in spellings(word):
                bare = form.lower().rstrip(".")
                if form in acronyms:
                    dropped.append((form, "a common acronym"))
                elif form.lower() != word and (bare in REVIEWED_OUT or common.get(bare, 0) >= COMMON_WORD_COUNT):
                    dropped.append((form, f"its spelling without periods is left out ({bare})"))
                elif form not in english:
                    kept.add(form)
    stale = sorted((set(REVIEWED_OUT) | set(TWO_LETTER_FORMS)) - seen_words)
    if stale:
        sys.exit(f"reviews that no longer apply (not in cleanco): {', '.join(stale)}")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(
            "# Legal forms that end a company's name, in the spellings news uses (\"Volvo AB\", \"Philips N.V.\").\n"
            "# Generated by scripts/lexicon/legal_forms.py from cleanco 2.3 (PyPI; Paul Solin and contributors;\n"
            "# MIT licence), cleanco/termdata.py; English words, common acronyms and reviewed forms left out,\n"
            "# with their reasons in the script. Do not edit by hand. Read with company_suffixes.txt.\n"
            "# One entry per line, exactly as matched; lines starting with # are comments.\n"
        )
        for form in sorted(kept):
            f.write(form + "\n")
    if verbose:
        for word, why in sorted(set(dropped)):
            print(f"left out\t{word}\t{why}")
    print(f"{len(kept)} forms written to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
