#!/usr/bin/env python3
"""Write data/gazetteer/actors.tsv: the names of armed groups and of
international and non-governmental organisations from the PETRARCH2 actor
dictionaries (repository openeventdata/petrarch2, commit
676801cd9cb2924bbbad09f86d15c9323e7097bf, petrarch2/data/dictionaries/; MIT
licence, kept in the output's header).

What is taken:

* Phoenix.MilNonState.actors.txt: every record (armed and other non-state
  groups, from the START TOPS database).
* Phoenix.International.actors.txt: records coded IGO (intergovernmental
  organisations) or NGO. Companies (MNC) are left out: the name tagger and
  the company rules find them, and the dictionary's company records mix in
  their spokesmen.
* Phoenix.Countries.actors.txt: the records of a state's bodies, coded with
  the state and a sector of government (GOV, LEG, JUD, MIL, SPY, COP) or of
  rebels (REB): legislatures, courts, armed forces, security services,
  agencies ("KNESSET", "SCOTLAND_YARD", "PESHMERGA", "NUSRA_FRONT"). Their
  names often lack a group's head word, so a multi-word phrase of them is
  kept without one, unless it opens with a given name or "Abu" (a person:
  the file codes leaders with their bodies) or is a generic phrase.

A record's synonyms are not all names of the record's actor: the
dictionaries code a group's leaders with the group ("HAMAS_ +KHALED_MESHAAL").
So every phrase (primary or synonym) becomes an entry of its own, with only
the acronym the phrase itself gives in parentheses as its alias, and a phrase
is dropped when:

* its record has a date restriction (people, by their tenure);
* it is several words and none of them is a group's head word: a word of
  `data/lexicon/org_heads.txt`, or a common English word that ends four
  or more of the dictionaries' names ("Brigades", "Front", "Militia",
  "International"), unless it is the first phrase of a record the
  MilNonState file codes as a rebel group ("BOKO_HARAM"). Other names
  without one are as often people's ("A G Kishore", "Dilxat Raxit") as
  groups' ("Abu Sayyaf"; "Abu Sayyaf Group" is kept);
* it holds a title ("UN_SECRETARY_GENERAL", "UN_ENVOY") or is a generic
  phrase (every word a common English word, a function word or a head word:
  "UN_BODIES" keeps "UN", "ANARCHIST_FACTION" goes);
* it is one word that is a common English word, a given name, a surname,
  shorter than three letters, a common acronym (`common_acronyms.txt`:
  "NGO"), or a synonym (not the record's first phrase: a group's one-word
  synonyms are as often its leaders); and, for an armed group, unless the
  record also names the group with a head word ("HAMAS_
  +ISLAMIC_RESISTANCE_MOVEMENT") or is coded as a rebel group rather than in
  the file's last part, whose "IMG" records list militants one word a line
  ("HAMBALI__"); a synonym written as the initials of the record's name
  ("PLO") or a spelling of it (the same consonants: "AL_QAEDA" beside
  "AL_QA'IDA") counts as the record's name;
* the gazetteer already knows the name (a country, place or organisation).

A record that is another's acronym under the same code ("OAU_" beside
"ORGANIZATION_OF_AFRICAN_UNITY_") becomes its alias, and every name with
"Organization" is also listed with "Organisation" (and the other way round).

Names are written in the case news uses: words in title case, particles
("of", "the", "al-") in lower case inside the name, acronyms (words in
parentheses or with dots, and single words of four letters or fewer) in
capitals; a one-word name is also listed in capitals ("HAMAS"), a name that
opens with an Arabic article also with it in lower case ("al-Qaeda").

Run from anywhere:
    python3 scripts/gazetteer/actors.py [PETRARCH_DIR]
The folder defaults to ../shared/lexicons/petrarch2 beside the repository.
Output is sorted and byte-for-byte the same on every run.
"""

import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "lexicons" / "petrarch2"
OUT = ROOT / "data" / "gazetteer" / "actors.tsv"

# Particles written in lower case inside a name (English grammar and the
# Arabic, Romance and Germanic particles of transliterated names).
PARTICLES = {
    "of", "the", "and", "for", "in", "on", "to", "at", "by", "de", "des", "du", "del", "della", "la", "le",
    "les", "el", "al", "ad", "ud", "ul", "an", "ar", "as", "ash", "at", "bin", "ibn", "van", "von", "y", "e",
    "da", "do", "dos", "das", "fi", "wa", "li", "et", "und",
}
ARABIC_ARTICLES = ("al", "el", "ad", "ash", "an", "ar", "as", "at", "ul", "ud")
# Common words that end four or more of the dictionaries' names but head no
# group, with the reason.
REVIEWED_OUT = {
    "laden": "the surname in 'Osama bin Laden', not the adjective",
    "god": "'Army of God', 'Party of God': the group's head is the first noun",
    "people": "'Revolutionary People', also 'the Kurdish people'",
    "action": "'Direct Action', also 'Africa Humanitarian Action': too broad a head",
}
HONORIFICS = {"sheikh", "sheik", "shaikh", "mullah", "imam", "ayatollah", "emir", "mr", "dr", "general", "gen", "col"}


def words_of(path):
    """Entries of a one-entry-per-line list (lines starting with # skipped)."""
    return {l.strip() for l in path.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")}


def fold(name):
    text = unicodedata.normalize("NFKD", name)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def skeleton(name):
    """The consonants of a name: its spellings share them ("Qaeda", "Qa'ida")."""
    return re.sub(r"[^bcdfghjklmnpqrstvwxz]", "", fold(name))


def records(path):
    """(phrases, codes) per record: phrases as written (underscores kept)."""
    out, phrases, codes = [], [], []
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if raw.startswith(("\t", " ")) and line.strip().startswith("["):
            codes.extend(re.findall(r"\[([^\]]*)\]", line))
            continue
        if line.startswith("+"):
            phrases.append(line[1:].split("[", 1)[0].split(";", 1)[0].strip())
            codes.extend(re.findall(r"\[([^\]]*)\]", line))
            continue
        if phrases:
            out.append((phrases, codes))
        phrases = [line.split("[", 1)[0].split(";", 1)[0].strip()]
        codes = re.findall(r"\[([^\]]*)\]", line)
    if phrases:
        out.append((phrases, codes))
    return out


def cased(word, first):
    """One word of a name in the case news writes it."""
    if "." in word:
        return word.upper()
    parts = word.split("-")
    written = []
    for k, part in enumerate(parts):
        low = part.lower()
        if low in PARTICLES and (k > 0 or not first or len(parts) > 1):
            written.append(low if (k > 0 or not first) else low.capitalize())
        elif part and part.isalpha() and not re.search(r"[AEIOUY]", part):
            written.append(part.upper())
        else:
            written.append(low.capitalize())
    return "-".join(written)


def name_forms(phrase):
    """(canonical name, aliases) of a dictionary phrase, or None."""
    phrase = phrase.replace("_", " ").strip()
    acronyms = [a.strip().upper() for a in re.findall(r"\(([^)]*)\)", phrase)]
    phrase = re.sub(r"\([^)]*\)", " ", phrase)
    words = [w for w in phrase.replace("’", "'").split() if w]
    # "THE_UN": the article is no part of the name.
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    if not words or any(not re.fullmatch(r"[A-Za-z.'&-]+", w) for w in words):
        return None
    if len(words) == 1 and len(words[0].replace(".", "")) <= 4:
        name = words[0].upper()
    else:
        name = " ".join(cased(w, i == 0) for i, w in enumerate(words))
    aliases = [a for a in acronyms if re.fullmatch(r"[A-Z][A-Z.&-]{1,9}", a)]
    if len(words) == 1 and name != name.upper():
        aliases.append(name.upper())
    first = name.split()[0]
    article = first.split("-")[0].lower()
    if article in ARABIC_ARTICLES and ("-" in first or len(name.split()) > 1):
        aliases.append(article + name[len(article):])
    return name, aliases


STATE_BODY_SECTORS = ("GOV", "LEG", "JUD", "MIL", "SPY", "COP", "REB")
# Phrases of the states' bodies records that name no body, with the reason.
STATE_BODIES_REVIEWED_OUT = {
    "Syria's Government": "a state's government written as a phrase: the state itself",
    "Syrias Government": "as \"Syria's Government\"",
    "Assad Government": "a leader's government: the state's, named by its leader",
    "Westminster Palace": "a building",
    "Malacanang Palace": "a building",
    "Russian White House": "a building",
    "Kurdistan Puk": "a garbled phrase (a region and a party's acronym)",
    "Iraqi Kurdistan": "a region: a place, not a body",
    "Semi Autonomous Kurdistan": "a region",
    "Autonomous Kurdistan Region": "a region",
    "Autonomous Kurdish Region": "a region",
}


def state_body(codes):
    """A record of the country file coded as a state's body: the state's
    three letters, then a sector ("USAGOVLEG", "ISRSPY", "SYRREB")."""
    code = codes[0].split()[0] if codes else ""
    return bool(re.fullmatch(r"[A-Z]{3}(?:" + "|".join(STATE_BODY_SECTORS) + r")[A-Z]*", code))


def main():
    lex = ROOT / "data" / "lexicon"
    gaz = ROOT / "data" / "gazetteer"
    common = words_of(gaz / "common_words.txt")
    given = {w.lower() for w in words_of(gaz / "first_names.txt")}
    surnames = {w.lower() for w in words_of(gaz / "surnames.txt")}
    heads = {w.lower() for w in words_of(lex / "org_heads.txt")}
    titles = {w.lower() for f in ("title_heads.txt", "ner_titles.txt", "name_titles.txt") for w in words_of(lex / f)}
    acronyms = words_of(lex / "common_acronyms.txt")
    function = {w.lower() for w in words_of(lex / "function_words.txt")}
    known = set()
    for tsv, columns in (("countries.tsv", (3, 7, 8)), ("places.tsv", (2, 9)), ("organizations.tsv", (0, 1))):
        for row in (gaz / tsv).read_text(encoding="utf-8").splitlines()[1:]:
            cols = row.split("\t")
            for c in columns:
                if c < len(cols):
                    known.update(fold(n) for n in cols[c].split("|") if n)

    def grouped(name):
        return any(w in heads for w in name.lower().replace("-", " ").split())

    def keep(name, record_dated, primary, record_named, rebel, state_body=False):
        if record_dated:
            return False
        words = [w.lower() for w in name.replace("-", " ").split()]
        letters = re.sub(r"[^A-Za-z]", "", name)
        if len(letters) < 3 or fold(name) in known:
            return False
        if any(w.strip(".") in titles for w in words):
            return False
        # "Al Qaeda", "al-Shabaab": an Arabic article and one word are one word.
        core = [w for w in words if w not in ARABIC_ARTICLES]
        if len(core) == 1:
            # A record's one-word synonyms are as often its leaders
            # ("Hambali", "Zawahiri") as its other names.
            w = core[0]
            if not primary or not record_named:
                return False
            if name in acronyms:
                return False
            return name.isupper() or not (w in common or w in given or w in surnames)
        if words[0] in HONORIFICS:
            return False
        if state_body:
            # "Scotland Yard", "Shin Bet": a state's body needs no head
            # word; "John Kirby", "Abu Bassir al-Jeblawi" are people.
            if not grouped(name) and (words[0] in given or words[0] == "abu"):
                return False
            if name in STATE_BODIES_REVIEWED_OUT:
                return False
            # "US_CONGRESS" would be written "Us Congress"; the record
            # spells the name out too ("UNITED_STATES_CONGRESS").
            if any(len(w) == 2 and w.isalpha() and w not in PARTICLES for w in words):
                return False
        elif not (grouped(name) or primary and rebel):
            return False
        content = [w for w in words if w not in PARTICLES and w not in function]
        return not all(w in common or w in heads for w in content)

    sources = (
        ("Phoenix.MilNonState.actors.txt", lambda codes: True),
        ("Phoenix.International.actors.txt", lambda codes: any(c[:3] in ("IGO", "NGO") for c in codes)),
    )
    endings = {}
    for file, wanted in sources:
        for phrases, codes in records(SOURCE / file):
            if codes and wanted(codes):
                for phrase in phrases:
                    words = re.sub(r"\([^)]*\)", " ", phrase).replace("_", " ").split()
                    if len(words) > 1:
                        endings[words[-1].lower()] = endings.get(words[-1].lower(), 0) + 1
    heads |= {w for w, n in endings.items() if n >= 4 and w in common and w not in REVIEWED_OUT}

    rows = {}
    sources = (
        ("Phoenix.MilNonState.actors.txt", lambda codes: True),
        ("Phoenix.International.actors.txt", lambda codes: any(c[:3] in ("IGO", "NGO") for c in codes)),
        ("Phoenix.Countries.actors.txt", state_body),
    )
    for file, wanted in sources:
        for phrases, codes in records(SOURCE / file):
            if not codes or not wanted(codes):
                continue
            dated = any(re.search(r"\d{6}", c) for c in codes)
            code = next((c.split()[0] for c in codes if c.strip()), "")
            names = [f[0] for f in map(name_forms, phrases) if f]
            # A one-word actor of an armed-group record is a group where the
            # record also names it as one ("HAMAS_ +ISLAMIC_RESISTANCE_MOVEMENT"),
            # and as often a militant ("HAMBALI_") where it does not.
            # The MilNonState file's last part ("IMG" codes) lists militants
            # one word a line beside groups.
            named = (
                "International" in file
                or not code.startswith("IMG")
                or any(" " in n and grouped(n) for n in names)
            )
            initials = "".join(w[0] for w in names[0].replace("-", " ").split() if w.lower() not in PARTICLES) if names else ""
            record_entry = None
            for index, phrase in enumerate(phrases):
                forms = name_forms(phrase)
                if not forms:
                    continue
                name, aliases = forms
                # A short acronym among a kept name's synonyms ("FARC" beside
                # "REVOLUTIONARY_ARMED_FORCES_OF_COLOMBIA") is its alias.
                if record_entry and " " not in name and len(name) <= 4 and name.isupper():
                    if fold(name) not in known and name not in acronyms and name.lower() not in common:
                        rows[record_entry][0].add(name)
                    continue
                # "PLO" beside "Palestine Liberation Organization".
                # A spelling of the record's name ("AL_QAEDA" beside
                # "AL_QA'IDA") counts as it.
                primary = (
                    index == 0
                    or (len(name) >= 3 and name == initials.upper() and " " in names[0])
                    or skeleton(name) == skeleton(names[0])
                )
                rebel = "MilNonState" in file and not code.startswith("IMG")
                if not keep(name, dated, primary, named, rebel, "Countries" in file):
                    continue
                aliases = [a for a in aliases if a != name and fold(a) not in known and a.lower() not in common]
                # The record's spellings and initials are aliases of its name.
                if record_entry and primary and index > 0:
                    rows[record_entry][0].update([name, *aliases])
                    continue
                entry = rows.setdefault(name, (set(), code, file))
                entry[0].update(aliases)
                if index == 0:
                    record_entry = name
    # A record that is another's acronym under the same code ("OAU_" and
    # "ORGANIZATION_OF_AFRICAN_UNITY_", both IGOAFROAU) is its alias.
    by_code = {}
    for name, (_, code, _) in rows.items():
        by_code.setdefault(code, []).append(name)
    for name in sorted(rows):
        if " " in name or not name.isupper():
            continue
        full = [
            other
            for other in by_code.get(rows[name][1], [])
            if " " in other
            and "".join(w[0] for w in other.replace("-", " ").split() if w.lower() not in PARTICLES).upper() == name
        ]
        if len(full) == 1:
            rows[full[0]][0].update([name, *rows.pop(name)[0]])
    # British and American spellings of a head word: news writes both.
    for name, (aliases, _, _) in rows.items():
        for a, b in (("Organization", "Organisation"), ("Organisation", "Organization")):
            for n in [name, *aliases]:
                if a in n and fold(n.replace(a, b)) not in known:
                    aliases.add(n.replace(a, b))
    licence = (SOURCE / "LICENSE").read_text(encoding="utf-8").strip().splitlines()
    with OUT.open("w", encoding="utf-8") as f:
        f.write("# Armed groups, international and non-governmental organisations, states' bodies: generated by\n")
        f.write("# scripts/gazetteer/actors.py from the PETRARCH2 actor dictionaries (openeventdata/petrarch2,\n")
        f.write("# commit 676801cd9cb2924bbbad09f86d15c9323e7097bf, Phoenix.MilNonState.actors.txt, the IGO/NGO\n")
        f.write("# records of Phoenix.International.actors.txt and the government, military, security and rebel\n")
        f.write("# records of Phoenix.Countries.actors.txt). Do not edit by hand. Their licence:\n")
        for line in licence:
            f.write(f"#   {line}\n".replace("  \n", "\n") if line else "#\n")
        f.write("name\taliases\tcode\n")
        for name in sorted(rows):
            aliases, code, _ = rows[name]
            f.write(f"{name}\t{'|'.join(sorted(a for a in aliases if a != name))}\t{code}\n")
    print(f"{len(rows)} names -> {OUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
