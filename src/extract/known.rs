//! # Known: countries, places and organisations from the gazetteer
//!
//! ## What it extracts
//! Mentions of what the gazetteer holds (countries with their aliases and
//! demonyms, capitals and major cities, regions, continents, international
//! organisations, and the armed groups, international and non-governmental
//! organisations of the PETRARCH2 actor dictionaries: "the Taliban",
//! "al-Qaeda", "Oxfam"), matched case-sensitively on word boundaries,
//! longest first. A demonym ("Peruvian", "Kenyans") is an adjectival mention of its
//! country: it supports facts ("Peruvian Defense Minister X" → ministerOf
//! Peru) but makes no entity on its own. A town or region inside a
//! person's full name that the name tagger is sure of is no mention ("Mary
//! Campbell", "Virginia Marlowe"): [`yield_to_person_names`]. In the
//! source line of translated news ("PM2303111794 Moscow IZVESTIYA in
//! Russian 23 Mar 94": the item's number, the town, the outlet, "in" and a
//! language of `language_names.txt`, the time or date), the outlet is a body
//! (which `geography` then seats in the town before it).
//!
//! ## Example
//! "Officials in the Sahel met Bulgarian diplomats in Sofia."
//!
//! ## Produces
//! Mentions: `Sahel` (Place), `Bulgaria` (Country, adjectival),
//! `Sofia` (Place), each linked to its gazetteer entry.
//!
//! ## Known misses
//! Places too small for the gazetteer's major-city list; names that are also
//! common words are skipped by the gazetteer's matcher. A source line whose
//! town the gazetteer lacks ("Magadan") gives no outlet, nor does one whose
//! headline the name finders glue to it ("Ferry Service Resumes LD0101123494
//! Tallinn ...").

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::mention::Mention;
use crate::extract::model::EntityType;
use crate::gazetteer::{GazKind, Gazetteer};
use crate::span::Span;
use crate::text::layer::SentenceLayer;
use crate::text::ner::NameType;

/// Extractor name, as recorded in evidence.
pub const NAME: &str = "gazetteer";

/// Finds gazetteer mentions in one sentence.
pub fn find(text: &str, sentence: Span, index: usize, out: &mut Vec<Mention>) {
    let gazetteer = Gazetteer::global();
    let slice = &text[sentence.range()];
    dateline(slice, sentence, index, out);
    let first = out.len();
    for found in gazetteer.find_all(slice) {
        let Some(&id) = found.ids.first() else { continue };
        let entry = gazetteer.entry(id);
        let span = Span::new(sentence.start() + found.span.start(), sentence.start() + found.span.end());
        // "San" (a town in Mali) opens "San Gabriel", "San Jose": a name of
        // three letters or fewer is no town's unless it is a capital.
        if entry.kind == GazKind::City && found.span.len() <= 3 && entry.capital_of.is_none() {
            continue;
        }
        // "West Hartford", "North Bend": a point of the compass before a
        // town names another town.
        if entry.kind == GazKind::City
            && slice[..found.span.start()]
                .strip_suffix(' ')
                .and_then(|b| b.rsplit([' ', '\n']).next())
                .is_some_and(|w| crate::extract::lexicon::DIRECTIONS.contains(&w))
        {
            continue;
        }
        let (kind, link, adjectival) = match entry.kind {
            GazKind::Country => (EntityType::Country, id, false),
            GazKind::City | GazKind::Region | GazKind::Continent => (EntityType::Place, id, false),
            GazKind::Organization => (EntityType::Organization, id, false),
            GazKind::Demonym => {
                let Some(country) = entry.country.as_deref().and_then(|c| gazetteer.country_by_iso2(c)) else {
                    continue;
                };
                (EntityType::Country, country, true)
            }
        };
        out.push(Mention {
            span,
            kind,
            name: gazetteer.entry(link).name.clone(),
            extractor: NAME,
            confidence: if adjectival { 70 } else { 95 },
            link: Some(link),
            adjectival,
            unnamed: false,
            anaphor: false,
            title: None,
            sentence: index,
        });
    }
    source_lines(slice, sentence, index, first, out);
}

/// The source line of translated news: the item's number, a town, the
/// outlet, "in" and the language, then the time or the date
/// ("PM2303111794 Moscow IZVESTIYA in Russian 23 Mar 94",
/// "FL2405140894 Havana Radio Rebelde Network in Spanish 0900 GMT").
static SOURCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?P<number>[0-9A-Z]{8,14}) (?P<rest>[^\n«»]{3,80}?) in (?P<language>[A-Z][a-z]+(?:-[A-Z][a-z]+)?) (?:\d{4} GMT|\d{1,2} [A-Z][a-z]{2} \d{2})\b",
    )
    .expect("valid source line pattern")
});

/// Languages by their English names (`language_names.txt`).
static LANGUAGE_NAMES: crate::text::wordlist::WordList =
    crate::text::wordlist::WordList::new(include_str!("../../data/lexicon/language_names.txt"));

/// The outlet of a source line is a body: the capitalised words between the
/// town the gazetteer found right after the item's number and "in" with a
/// language ("IZVESTIYA", "Radio France International", "CHINA DAILY
/// (SCIENCE MEDICINE)" without its section). `first` is where this
/// sentence's gazetteer mentions start in `out`.
fn source_lines(slice: &str, sentence: Span, index: usize, first: usize, out: &mut Vec<Mention>) {
    for caps in SOURCE_LINE.captures_iter(slice) {
        let (Some(number), Some(rest), Some(language)) =
            (caps.name("number"), caps.name("rest"), caps.name("language"))
        else {
            continue;
        };
        if !LANGUAGE_NAMES.contains(&language.as_str())
            || number.as_str().chars().filter(char::is_ascii_digit).count() < 4
        {
            continue;
        }
        let at = sentence.start() + rest.start();
        let Some(town) = out[first..].iter().find(|m| m.kind.is_place() && !m.adjectival && m.span.start() == at)
        else {
            continue;
        };
        let start = town.span.end() + 1;
        // An outlet the gazetteer knows keeps its name ("Beijing XINHUA
        // Domestic Service" is Xinhua's).
        if out[first..].iter().any(|m| m.kind == EntityType::Organization && m.span.start() == start) {
            continue;
        }
        let Some(outlet) = slice.get(start - sentence.start()..rest.end()) else { continue };
        // A section in parentheses after the outlet's name is not its name.
        let outlet = outlet.split(" (").next().unwrap_or(outlet);
        let words: Vec<&str> = outlet.split(' ').collect();
        let capitalised = |w: &&str| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        if !slice[..start - sentence.start()].ends_with(' ') || words.len() > 6 || !words.iter().all(capitalised) {
            continue;
        }
        let span = Span::new(start, start + outlet.len());
        out.push(Mention::new(span, EntityType::Organization, outlet.to_string(), NAME, 85, index));
    }
}

/// The confidence from which the name tagger's reading of a person's full
/// name outweighs a town's name inside it.
const PERSON_OVER_TOWN: f32 = 0.9;

/// Drops the towns and regions the gazetteer found inside a person's full
/// name that the name tagger is sure of: "Mary Campbell" (Mary,
/// Turkmenistan), "Lincoln Chafee", "Virginia Woolf", "Hernandez Galicia".
/// Capitals stay ("Paris Bourse" is no person however it is tagged), and so
/// do countries ("Georgia" stays a country whatever follows it).
pub fn yield_to_person_names(text: &str, layer: &SentenceLayer, found: &mut Vec<Mention>) {
    let gazetteer = Gazetteer::global();
    found.retain(|m| {
        let Some(entry) = m.link.map(|id| gazetteer.entry(id)) else { return true };
        if m.extractor != NAME || !matches!(entry.kind, GazKind::City | GazKind::Region) || entry.capital_of.is_some() {
            return true;
        }
        !layer.names.iter().any(|name| {
            name.kind == NameType::Person
                && name.confidence >= PERSON_OVER_TOWN
                && name.span.start() <= m.span.start()
                && m.span.end() <= name.span.end()
                && name.span != m.span
                && name.span.slice(text).is_some_and(|n| n.contains(' '))
        })
    });
}

/// A dateline's date after the place: ", March 23 -", ", Jan. 5 (AP)".
static DATED: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(
        r"^, (?:Jan|Feb|March|Mar|April|Apr|May|June|Jun|July|Jul|Aug|Sept|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b",
    )
    .expect("valid dateline date pattern")
});

/// A dateline opens a story with the place in capitals ("NAIROBI, Kenya,
/// March 19 —", "LONDON (Reuters) -"): read it in title case. A byline in
/// capitals may run into it ("By JOHN ROE BRUSSELS, Belgium (AP) --"): the
/// place is then the last words the gazetteer knows.
fn dateline(slice: &str, sentence: Span, index: usize, out: &mut Vec<Mention>) {
    // "By JOHN ROE BRUSSELS, Belgium (AP) --": a byline in capitals runs
    // into the place; the place is the last words the gazetteer knows.
    let byline = slice.strip_prefix("By ");
    let opening = byline.unwrap_or(slice);
    let head: String =
        opening.chars().take_while(|c| c.is_uppercase() || *c == ' ' || *c == '.' || *c == '-').collect();
    let head = head.trim_end_matches([' ', '-']);
    let rest = &opening[head.len()..];
    if head.chars().filter(|c| c.is_alphabetic()).count() < 3
        || !(rest.starts_with(',') || rest.starts_with(" (") || rest.starts_with(" -") || rest.starts_with(" —"))
    {
        return;
    }
    let gazetteer = Gazetteer::global();
    let known = |name: &str| {
        gazetteer
            .lookup(&title_case(name))
            .iter()
            .copied()
            .find(|&id| matches!(gazetteer.entry(id).kind, GazKind::City | GazKind::Region | GazKind::Country))
    };
    let head_start = sentence.start() + (slice.len() - opening.len());
    let (head, found) = if byline.is_some() {
        let starts = head.char_indices().filter(|&(_, c)| c == ' ').map(|(i, _)| i + 1);
        let Some((place, id)) = starts.filter_map(|i| known(&head[i..]).map(|id| (&head[i..], id))).next() else {
            return;
        };
        (place, Some(id))
    } else {
        (head, known(head))
    };
    let titled = title_case(head);
    let span =
        Span::new(head_start + (opening.len() - rest.len() - head.len()), head_start + opening.len() - rest.len());
    match found {
        Some(id) => {
            let entry = gazetteer.entry(id);
            let kind = if entry.kind == GazKind::Country { EntityType::Country } else { EntityType::Place };
            out.push(Mention { link: Some(id), ..Mention::new(span, kind, entry.name.clone(), NAME, 90, index) });
        }
        // "PEKING, March 23 -": a town the gazetteer spells otherwise, or
        // lacks, is still the place the report is filed from.
        None if DATED.is_match(rest) => out.push(Mention::new(span, EntityType::Place, titled, NAME, 70, index)),
        None => {}
    }
}

/// "NEW YORK" as "New York".
fn title_case(words: &str) -> String {
    words
        .split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |f| f.to_string() + &chars.as_str().to_lowercase())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_datelines_in_capitals() {
        let text = "PARIS, France, May 2 - Talks began.";
        let mut out = Vec::new();
        find(text, Span::new(0, text.len()), 0, &mut out);
        assert!(out.iter().any(|m| m.name == "Paris" && m.span == Span::new(0, 5)), "{out:?}");
    }

    #[test]
    fn a_byline_in_capitals_is_no_part_of_the_dateline_place() {
        let text = "By JOHN MARLOWE BRUSSELS, Belgium (AP) -- Talks began.";
        let mut out = Vec::new();
        find(text, Span::new(0, text.len()), 0, &mut out);
        assert!(out.iter().any(|m| m.name == "Brussels" && m.span.slice(text) == Some("BRUSSELS")), "{out:?}");
        assert!(out.iter().all(|m| !m.name.contains("Marlowe")), "{out:?}");
    }
}
