//! World knowledge: countries (with demonyms and ISO codes), cities,
//! regions, continents and international organisations, generated from
//! maintained datasets into `data/gazetteer/` (see its README) and embedded
//! in the binary.
//!
//! [`Gazetteer::find_all`] finds every known name in a text with one
//! Aho-Corasick pass: case-sensitive, leftmost-longest, on word boundaries.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::span::Span;
use crate::text::normalize::fold;

/// Combining forms before a hyphen ("Anglo-", "Sino-"), each with the ISO
/// alpha-2 code of the state it stands for ("Franco" → FR), empty where it
/// names a people or region and no state ("Afro").
static COMBINING_FORMS: LazyLock<std::collections::HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    include_str!("../data/lexicon/combining_forms.tsv")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_once('\t').unwrap_or((l, "")))
        .collect()
});

/// The ISO alpha-2 code of the state a combining form stands for ("Sino":
/// CN), if it names one.
#[must_use]
pub fn combining_form_country(form: &str) -> Option<&'static str> {
    COMBINING_FORMS.get(form).copied().filter(|code| !code.is_empty())
}
const COUNTRIES: &str = include_str!("../data/gazetteer/countries.tsv");
const PLACES: &str = include_str!("../data/gazetteer/places.tsv");
const ORGANIZATIONS: &str = include_str!("../data/gazetteer/organizations.tsv");
/// Armed groups, international and non-governmental organisations of the
/// PETRARCH2 actor dictionaries (`scripts/gazetteer/actors.py`).
const ACTORS: &str = include_str!("../data/gazetteer/actors.tsv");

/// What an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GazKind {
    /// A sovereign or partially recognised state, or a former one.
    Country,
    /// A city or town.
    City,
    /// A first-level division (a US state) or a broad region ("Sahel").
    Region,
    /// A continent.
    Continent,
    /// An international organisation.
    Organization,
    /// An adjective or plural naming a country's people ("Peruvian", "Kenyans").
    Demonym,
}

/// The index of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntryId(pub u32);

/// One entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazEntry {
    /// What it is.
    pub kind: GazKind,
    /// Its canonical name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-2 code (countries).
    pub iso2: Option<String>,
    /// ISO 3166-1 alpha-3 code (countries).
    pub iso3: Option<String>,
    /// GeoNames id.
    pub geonames_id: Option<u32>,
    /// Wikidata item id.
    pub wikidata: Option<String>,
    /// The country it lies in (places) or names (demonyms), as ISO alpha-2.
    pub country: Option<String>,
    /// The country it is the capital of, as ISO alpha-2.
    pub capital_of: Option<String>,
    /// Population, where known.
    pub population: Option<u64>,
    /// A capital or a city of 100,000 people or more: matched in running text.
    pub major: bool,
    /// From the PETRARCH2 actor dictionaries (`actors.tsv`): matched by
    /// extraction, not read by the name tagger's features.
    pub actor: bool,
}

/// A known name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazMatch {
    /// Byte span in the text searched.
    pub span: Span,
    /// The entries it may name, most likely first.
    pub ids: Vec<EntryId>,
}

/// The gazetteer.
pub struct Gazetteer {
    entries: Vec<GazEntry>,
    by_name: HashMap<String, Vec<EntryId>>,
    by_iso2: HashMap<String, EntryId>,
    automaton: AhoCorasick,
    pattern_ids: Vec<Vec<EntryId>>,
    /// The same without the actor dictionaries' names.
    curated: AhoCorasick,
    curated_ids: Vec<Vec<EntryId>>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer").field("entries", &self.entries.len()).finish_non_exhaustive()
    }
}

static GLOBAL: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);
static FIRST_NAMES: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| include_str!("../data/gazetteer/first_names.txt").lines().collect());
static COMMON_WORDS: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| include_str!("../data/gazetteer/common_words.txt").lines().collect());

/// A given name in the US Census lists or, if no common English word, in
/// the international first-name dictionary ("Abraham", "Yisrael").
#[must_use]
pub fn is_first_name(word: &str) -> bool {
    FIRST_NAMES.contains(word)
}

static SURNAMES: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| include_str!("../data/gazetteer/surnames.txt").lines().collect());

/// One of the 5,000 most frequent surnames of the US Census ("Kennedy").
#[must_use]
pub fn is_common_surname(word: &str) -> bool {
    SURNAMES.contains(word)
}

static STATE_PEOPLE: LazyLock<std::collections::HashMap<&'static str, &'static str>> =
    LazyLock::new(|| crate::text::wordlist::tsv_rows(include_str!("../data/gazetteer/state_people.tsv")).collect());

/// The state (ISO alpha-2) a person of its politics serves, by the
/// person's full name ("Vladimir Putin" → "RU") or a surname all actors of
/// that name share ("Reagan" → "US"), from the PETRARCH2 country actors
/// (`state_people.tsv`); compared in lower case.
#[must_use]
pub fn state_of_person(name: &str) -> Option<&'static str> {
    let lower = name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    if !lower.contains(' ') {
        // A surname alone ("President Reagan"): the state of every actor of
        // that surname, when they all serve one.
        return STATE_SURNAMES.get(lower.as_str()).copied().flatten();
    }
    STATE_PEOPLE.get(lower.as_str()).copied()
}

/// The country actors by their last word: the one state all of them serve,
/// or `None` where actors of one surname serve two.
static STATE_SURNAMES: LazyLock<std::collections::HashMap<&'static str, Option<&'static str>>> = LazyLock::new(|| {
    let mut by_surname: std::collections::HashMap<&'static str, Option<&'static str>> =
        std::collections::HashMap::new();
    for (name, state) in STATE_PEOPLE.iter() {
        let Some((_, surname)) = name.rsplit_once(' ') else { continue };
        by_surname.entry(surname).and_modify(|s| *s = s.filter(|known| known == state)).or_insert(Some(*state));
    }
    by_surname
});

/// A lower-case English dictionary word, compared case-insensitively
/// ("Rolling" is one, "Psacharopoulos" is not).
#[must_use]
pub fn is_common_word(word: &str) -> bool {
    if word.bytes().all(|b| !b.is_ascii_uppercase()) {
        return COMMON_WORDS.contains(word);
    }
    COMMON_WORDS.contains(word.to_lowercase().as_str())
}

/// The first-name list (`data/gazetteer/first_names.txt`), in no order.
pub fn first_names() -> impl Iterator<Item = &'static str> {
    FIRST_NAMES.iter().copied()
}

/// The surname list (`data/gazetteer/surnames.txt`), in no order.
pub fn surnames() -> impl Iterator<Item = &'static str> {
    SURNAMES.iter().copied()
}

/// The common-word list (`data/gazetteer/common_words.txt`), in no order.
pub fn common_words() -> impl Iterator<Item = &'static str> {
    COMMON_WORDS.iter().copied()
}

impl Gazetteer {
    /// Every entry, by id.
    #[must_use]
    pub fn entries(&self) -> &[GazEntry] {
        &self.entries
    }

    /// The embedded gazetteer, loaded on first use.
    #[must_use]
    pub fn global() -> &'static Gazetteer {
        &GLOBAL
    }

    /// Entries whose name or alias folds to the same key as `name`
    /// (case, accents and a leading "the" ignored), most likely first.
    #[must_use]
    pub fn lookup(&self, name: &str) -> &[EntryId] {
        self.by_name.get(&fold(name)).map_or(&[], Vec::as_slice)
    }

    /// The country a body's name opens with, and where the rest starts,
    /// when the rest is a name of two words or more opening with a capital:
    /// "U.S. House of Representatives" gives the United States and
    /// "House of Representatives"; "Iran Air" gives nothing (a one-word
    /// rest is no name of its own).
    #[must_use]
    pub fn leading_country(&self, name: &str) -> Option<(EntryId, usize)> {
        let starts: Vec<usize> = std::iter::once(0).chain(name.match_indices(' ').map(|(i, _)| i + 1)).collect();
        // The longest country first: "United States House", not "United".
        for n in (1..=3).rev() {
            if starts.len() < n + 2 {
                continue;
            }
            let rest_at = starts[n];
            if !name[rest_at..].starts_with(char::is_uppercase) {
                continue;
            }
            let country = self
                .lookup(name[..rest_at].trim_end())
                .iter()
                .copied()
                .find(|&id| self.entry(id).kind == GazKind::Country);
            if let Some(country) = country {
                return Some((country, rest_at));
            }
        }
        None
    }

    /// The entry with this id.
    #[must_use]
    pub fn entry(&self, id: EntryId) -> &GazEntry {
        &self.entries[id.0 as usize]
    }

    /// The first demonym of the country with ISO alpha-2 code `iso2`
    /// ("German" for DE), if the gazetteer has one.
    #[must_use]
    pub fn demonym_of(&self, iso2: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|e| e.kind == GazKind::Demonym && e.country.as_deref() == Some(iso2))
            .map(|e| e.name.as_str())
    }

    /// The country with this ISO alpha-2 code.
    #[must_use]
    pub fn country_by_iso2(&self, iso2: &str) -> Option<EntryId> {
        self.by_iso2.get(iso2).copied()
    }

    /// The state (ISO alpha-2) a place's name lies in: a country's own code,
    /// else the country of the first city or region of that name.
    #[must_use]
    pub fn state_of_place(&self, name: &str) -> Option<&str> {
        self.lookup(name).iter().find_map(|&id| {
            let entry = self.entry(id);
            match entry.kind {
                GazKind::Country => entry.iso2.as_deref(),
                GazKind::City | GazKind::Region => entry.country.as_deref(),
                _ => None,
            }
        })
    }

    /// Whether a body's name carries the state `iso2` by one of its words,
    /// the country's name or its people's adjective ("Albanian Institute
    /// for International Studies" carries Albania).
    #[must_use]
    pub fn name_carries_state(&self, name: &str, iso2: &str) -> bool {
        name.split(' ').any(|word| {
            self.lookup(word).iter().any(|&id| {
                let entry = self.entry(id);
                match entry.kind {
                    GazKind::Country => entry.iso2.as_deref() == Some(iso2),
                    GazKind::Demonym => entry.country.as_deref() == Some(iso2),
                    _ => false,
                }
            })
        })
    }

    /// Every known name in `text`, case-sensitive, longest first, on word boundaries.
    #[must_use]
    pub fn find_all(&self, text: &str) -> Vec<GazMatch> {
        self.find_with(&self.automaton, &self.pattern_ids, text)
    }

    /// As [`Gazetteer::find_all`], without the names of the actor
    /// dictionaries: what the name tagger's features were trained on.
    #[must_use]
    pub fn find_curated(&self, text: &str) -> Vec<GazMatch> {
        self.find_with(&self.curated, &self.curated_ids, text)
    }

    fn find_with(&self, automaton: &AhoCorasick, pattern_ids: &[Vec<EntryId>], text: &str) -> Vec<GazMatch> {
        let mut out = Vec::new();
        for found in automaton.find_iter(text) {
            let (start, end) = (found.start(), found.end());
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            let boundary_before = before.is_none_or(|c| !c.is_alphanumeric());
            // A name ending in "." ("Conn.") may be followed by anything.
            let boundary_after = text[..end].ends_with('.') || after.is_none_or(|c| !c.is_alphanumeric());
            if boundary_before && boundary_after && !self.inside_hyphenated_name(text, start, end) {
                out.push(GazMatch {
                    span: Span::new(start, end),
                    ids: pattern_ids[found.pattern().as_usize()].clone(),
                });
            }
        }
        out
    }

    /// Whether the match `start..end` is joined by a hyphen to a
    /// capitalised word that is neither a known name nor a combining form
    /// of one: "Quebec" in "Hydro-Quebec" is part of another name, where in
    /// "Franco-Quebec" or "Ontario-Quebec" it is the province.
    fn inside_hyphenated_name(&self, text: &str, start: usize, end: usize) -> bool {
        let other_name = |part: &str| {
            part.starts_with(char::is_uppercase)
                && part.chars().all(char::is_alphabetic)
                && self.lookup(part).is_empty()
                && !COMBINING_FORMS.contains_key(part)
        };
        let before = text[..start].strip_suffix('-').map(|b| {
            let from = b
                .rfind(|c: char| !c.is_alphanumeric())
                .map_or(0, |i| i + b[i..].chars().next().map_or(1, char::len_utf8));
            &b[from..]
        });
        let after = text[end..].strip_prefix('-').map(|a| {
            let to = a.find(|c: char| !c.is_alphanumeric()).unwrap_or(a.len());
            &a[..to]
        });
        before.is_some_and(other_name) || after.is_some_and(other_name)
    }

    fn load() -> Self {
        let mut entries: Vec<GazEntry> = Vec::new();
        for row in rows(COUNTRIES) {
            let [iso2, iso3, geonames, name, _capital, _continent, aliases, demonyms] = row[..] else { continue };
            entries.push(GazEntry {
                kind: GazKind::Country,
                name: name.to_string(),
                aliases: split(aliases),
                iso2: Some(iso2.to_string()),
                iso3: Some(iso3.to_string()).filter(|s| !s.is_empty()),
                geonames_id: geonames.parse().ok(),
                wikidata: None,
                country: Some(iso2.to_string()),
                capital_of: None,
                population: None,
                major: true,
                actor: false,
            });
            for demonym in split(demonyms) {
                entries.push(GazEntry {
                    kind: GazKind::Demonym,
                    name: demonym,
                    aliases: Vec::new(),
                    iso2: None,
                    iso3: None,
                    geonames_id: None,
                    wikidata: None,
                    country: Some(iso2.to_string()),
                    capital_of: None,
                    population: None,
                    major: true,
                    actor: false,
                });
            }
        }
        for row in rows(PLACES) {
            let [geonames, kind, name, country, _admin1, population, capital_of, major, common_word, aliases] = row[..]
            else {
                continue;
            };
            let kind = match kind {
                "city" => GazKind::City,
                "continent" => GazKind::Continent,
                _ => GazKind::Region,
            };
            let population: Option<u64> = population.parse().ok();
            // Minor towns and names that are also common words are looked up
            // but not matched in running text.
            let major =
                major == "1" && (common_word != "1" || !capital_of.is_empty() || population.unwrap_or(0) >= 1_000_000);
            entries.push(GazEntry {
                kind,
                name: name.to_string(),
                aliases: split(aliases),
                iso2: None,
                iso3: None,
                geonames_id: geonames.parse().ok(),
                wikidata: None,
                country: Some(country.to_string()).filter(|s| !s.is_empty()),
                capital_of: Some(capital_of.to_string()).filter(|s| !s.is_empty()),
                population,
                major,
                actor: false,
            });
        }
        let curated = rows(ORGANIZATIONS).map(|row| (row, false));
        let actors = rows(ACTORS).map(|row| match row[..] {
            [name, aliases, _code] => (vec![name, aliases, ""], true),
            _ => (row, true),
        });
        for (row, actor) in curated.chain(actors) {
            let [name, aliases, wikidata] = row[..] else { continue };
            entries.push(GazEntry {
                kind: GazKind::Organization,
                name: name.to_string(),
                aliases: split(aliases),
                iso2: None,
                iso3: None,
                geonames_id: None,
                wikidata: Some(wikidata.to_string()).filter(|s| !s.is_empty()),
                country: None,
                capital_of: None,
                population: None,
                major: true,
                actor,
            });
        }

        // Most likely reading first: countries, organisations, regions and
        // continents, then cities by population, then demonyms.
        let rank = |e: &GazEntry| -> (u8, std::cmp::Reverse<u64>) {
            let kind = match e.kind {
                GazKind::Country => 0,
                GazKind::Organization => 1,
                GazKind::Continent | GazKind::Region => 2,
                GazKind::City => 3,
                GazKind::Demonym => 4,
            };
            (kind, std::cmp::Reverse(e.population.unwrap_or(0)))
        };
        let mut by_name: HashMap<String, Vec<EntryId>> = HashMap::new();
        let mut by_pattern: HashMap<&str, Vec<EntryId>> = HashMap::new();
        let mut by_iso2 = HashMap::new();
        for (i, entry) in entries.iter().enumerate() {
            let id = EntryId(u32::try_from(i).unwrap_or(u32::MAX));
            if entry.kind == GazKind::Country {
                if let Some(iso2) = &entry.iso2 {
                    by_iso2.entry(iso2.clone()).or_insert(id);
                }
            }
            for name in std::iter::once(&entry.name).chain(&entry.aliases) {
                by_name.entry(fold(name)).or_default().push(id);
                // An actor's acronym of four letters or fewer is looked up,
                // not matched: "RUF" is also a revolving underwriting
                // facility, "LT" a ticker.
                let short_acronym = entry.actor && name.chars().count() <= 4 && !name.chars().any(char::is_lowercase);
                if entry.major && name.chars().count() >= 2 && !short_acronym {
                    by_pattern.entry(name.as_str()).or_default().push(id);
                }
            }
        }
        for ids in by_name.values_mut().chain(by_pattern.values_mut()) {
            ids.sort_by_key(|id| (rank(&entries[id.0 as usize]), *id));
            ids.dedup();
        }
        let mut patterns: Vec<(&str, Vec<EntryId>)> = by_pattern.into_iter().collect();
        patterns.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let curated_patterns: Vec<(&str, Vec<EntryId>)> = patterns
            .iter()
            .map(|(p, ids)| (*p, ids.iter().copied().filter(|id| !entries[id.0 as usize].actor).collect::<Vec<_>>()))
            .filter(|(_, ids)| !ids.is_empty())
            .collect();
        let build = |patterns: &[(&str, Vec<EntryId>)]| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(patterns.iter().map(|(p, _)| *p))
                .expect("the embedded gazetteer builds an automaton")
        };
        let (automaton, curated) = (build(&patterns), build(&curated_patterns));
        let pattern_ids = patterns.into_iter().map(|(_, ids)| ids).collect();
        let curated_ids = curated_patterns.into_iter().map(|(_, ids)| ids).collect();
        Self { entries, by_name, by_iso2, automaton, pattern_ids, curated, curated_ids }
    }
}

/// Data rows of an embedded TSV (the header skipped).
fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines().filter(|l| !l.starts_with('#')).skip(1).filter(|l| !l.is_empty()).map(|l| l.split('\t').collect())
}

fn split(list: &str) -> Vec<String> {
    list.split('|').filter(|s| !s.is_empty()).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(&str, String, GazKind)> {
        let g = Gazetteer::global();
        g.find_all(text)
            .into_iter()
            .map(|m| {
                let e = g.entry(m.ids[0]);
                (&text[m.span.range()], e.name.clone(), e.kind)
            })
            .collect()
    }

    #[test]
    fn countries_know_their_codes_capitals_and_demonyms() {
        let g = Gazetteer::global();
        let croatia = g.entry(g.lookup("Croatia")[0]);
        assert_eq!((croatia.kind, croatia.iso2.as_deref()), (GazKind::Country, Some("HR")));
        let croatian = g.entry(g.lookup("Croatian")[0]);
        assert_eq!((croatian.kind, croatian.country.as_deref()), (GazKind::Demonym, Some("HR")));
        let tirana = g.entry(g.lookup("Tirana")[0]);
        assert_eq!(tirana.capital_of.as_deref(), Some("AL"));
        assert_eq!(g.entry(g.lookup("Kosovo")[0]).iso2.as_deref(), Some("XK"));
        assert_eq!(g.entry(g.lookup("Conn.")[0]).name, "Connecticut");
        assert_eq!(g.entry(g.lookup("NATO")[0]).kind, GazKind::Organization);
    }

    #[test]
    fn a_former_state_whose_code_was_reused_keeps_its_demonym() {
        // "CS" was Czechoslovakia, then Serbia and Montenegro.
        let g = Gazetteer::global();
        let czechoslovak = g.entry(g.lookup("Czechoslovak")[0]);
        let country = czechoslovak.country.as_deref().and_then(|c| g.country_by_iso2(c)).map(|id| g.entry(id));
        assert_eq!(country.map(|c| c.name.as_str()), Some("Czechoslovakia"));
        assert_eq!(g.lookup("Czechoslovakia").len(), 1);
    }

    #[test]
    fn a_state_of_its_time_is_not_todays() {
        // "West German" names West Germany, not today's Germany.
        let g = Gazetteer::global();
        let demonym = g.entry(g.lookup("West German")[0]);
        let state = demonym.country.as_deref().and_then(|c| g.country_by_iso2(c)).map(|id| g.entry(id));
        assert_eq!(state.map(|c| c.name.as_str()), Some("West Germany"));
        let german = g.entry(g.lookup("German")[0]);
        assert_eq!(german.country.as_deref(), Some("DE"));
    }

    #[test]
    fn armed_groups_are_matched_and_their_short_acronyms_only_looked_up() {
        let g = Gazetteer::global();
        assert_eq!(names("the Taliban said"), [("Taliban", "Taliban".into(), GazKind::Organization)]);
        assert_eq!(names("a senior al-Qaeda member")[0].0, "al-Qaeda");
        // Matched in running text only where the tagger learned nothing of them.
        assert!(g.find_curated("the Taliban said").is_empty());
        assert!(names("a revolving underwriting facility (RUF)").is_empty());
        assert!(g.lookup("RUF").iter().any(|&id| g.entry(id).kind == GazKind::Organization));
    }

    #[test]
    fn longest_names_win_on_word_boundaries() {
        assert_eq!(
            names("stability in the Western Balkans"),
            [("Western Balkans", "Western Balkans".into(), GazKind::Region)]
        );
        assert!(names("Romania").iter().all(|(s, _, _)| *s == "Romania"));
        assert_eq!(names("Bethany, Conn., was")[0].1, "Connecticut");
        assert_eq!(names("U.S. officials")[0].1, "United States");
    }
}
