//! # Known: countries, places and organisations from the gazetteer
//!
//! ## What it extracts
//! Mentions of what the gazetteer holds (countries with their aliases and
//! demonyms, capitals and major cities, regions, continents, international
//! organisations), matched case-sensitively on word boundaries, longest
//! first. A demonym ("Croatian", "Serbs") is an adjectival mention of its
//! country: it supports facts ("Croatian Defense Minister X" → ministerOf
//! Croatia) but makes no entity on its own.
//!
//! ## Example
//! "Officials in the Western Balkans met Bulgarian diplomats in Sofia."
//!
//! ## Produces
//! Mentions: `Western Balkans` (Place), `Bulgaria` (Country, adjectival),
//! `Sofia` (Place), each linked to its gazetteer entry.
//!
//! ## Known misses
//! Places too small for the gazetteer's major-city list; names that are also
//! common words are skipped by the gazetteer's matcher.

use crate::extract::mention::Mention;
use crate::extract::model::EntityType;
use crate::gazetteer::{GazKind, Gazetteer};
use crate::span::Span;

/// Extractor name, as recorded in evidence.
pub const NAME: &str = "gazetteer";

/// Finds gazetteer mentions in one sentence.
pub fn find(text: &str, sentence: Span, index: usize, out: &mut Vec<Mention>) {
    let gazetteer = Gazetteer::global();
    let slice = &text[sentence.range()];
    for found in gazetteer.find_all(slice) {
        let Some(&id) = found.ids.first() else { continue };
        let entry = gazetteer.entry(id);
        let span = Span::new(sentence.start() + found.span.start(), sentence.start() + found.span.end());
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
            title: None,
            sentence: index,
        });
    }
}
