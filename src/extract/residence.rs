//! # Residence: where people live
//!
//! ## What it extracts
//! `livesIn` from "X, 50, of Bethany, Conn.", "X of Springfield", "a
//! Chicago resident, X", "X, a native of Y", "X lives in Y", "X, a Chilean national now living in Y", "X is from Y",
//! "X, a teacher who grew up in Y", "X, a 40-year-old deputy from Y", "X
//! ... his Y home", "his Y hometown", "his native Y", a birthplace ("X was born in Y", "Illinois-born X",
//! "X, Georgia born,"), and a place before an occupation
//! ("Atlanta businessman X", "Soviet pianist X"). The verbs of
//! `residence_verbs.txt` are also read over the sentence's clauses, for a
//! phrase between the verb and the place ("X was born on May 5 in a
//! farmhouse in Y") and a relative clause with a phrase before its verb
//! ("X, who as a child lived in Y"); a negated verb gives a negated fact.
//!
//! ## Example
//! "Jane Roe, 34, of Dayton, Ohio, was hurt."
//!
//! ## Produces
//! `Jane Roe livesIn Dayton`, `Jane Roe livesIn Ohio`.
//!
//! ## Known misses
//! Nationality from a demonym alone ("the Peruvian minister") is not read
//! as residence (a demonym or state before a post is, in `roles`); moves in
//! the past ("moved to Y") are not.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::lexicon::{ORG_HEADS, RESIDENCE_VERBS};
use crate::extract::model::{EntityType, Object, Relation};
use crate::extract::pattern::{code, entity};
use crate::extract::roles::PRIVATE_TITLES;
use crate::extract::structure::Structure;
use crate::extract::view::SentenceView;
use crate::extract::{DocContext, Findings, Found, RelationExtractor};
use crate::gazetteer::{GazKind, Gazetteer};

/// The residence extractor.
#[derive(Debug)]
pub struct Residence;

const NAME: &str = "residence";

/// Occupations news writes between a place and a name ("Atlanta
/// businessman Jane Roe", "the New York attorney Jane Roe").
const OCCUPATIONS: &str = "businessman|businesswoman|attorney|lawyer|pianist|violinist|musician|composer|poet|author|writer|novelist|playwright|actor|actress|singer|artist|painter|photographer|farmer|student|teacher|doctor|physician|surgeon|nurse|banker|trader|broker|worker|engineer|architect|historian|scientist|physicist|economist|journalist|reporter|activist|dissident|priest|pastor|rabbi|soldier|veteran|pilot|driver|athlete|player|coach|entrepreneur|investor|developer|tycoon|magnate|millionaire|billionaire|resident|native|citizen|man|woman|boy|girl|teenager|youth|couple|mother|father|lady|wife|widow|husband|son|daughter|counterpart|colleague|compatriot";

static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        // Atlanta businessman Jane Roe; Soviet pianist Jane Roe
        format!(r"(?P<place>«[LCD]\d+») (?:[a-z-]+ ){{0,3}}?(?:{OCCUPATIONS}),? (?P<person>«P\d+»)"),
        // Jane Roe, the New York attorney; Jane Roe, 40, a Dayton teacher
        format!(r"(?P<person>«P\d+»), (?:\d{{1,3}}, )?(?:a|an|the) (?:former |retired |longtime )?(?P<place>«[LCD]\d+»)(?:, (?P<place2>«[LC]\d+»),)? (?:[a-z-]+ ){{0,2}}?(?:{OCCUPATIONS})\b"),
        r"(?P<person>«P\d+»), (?:\d{1,3}, )?(?:of|from) (?P<place>«[LC]\d+»)(?:, (?P<place2>«[LC]\d+»))?".to_string(),
        r"(?P<place>«[LC]\d+») (?:resident|native|citizen|man|woman|mayor)s?,? (?P<person>«P\d+»)".to_string(),
        r"(?P<person>«P\d+»),? (?:is |was |who is |who was )?(?:a |an )?(?:longtime |long-time |lifelong )?(?:resident|native|citizen) of (?P<place>«[LC]\d+»)(?:, (?P<place2>«[LC]\d+»))?".to_string(),
        // Jane Roe was born in Dayton, Ohio; Jane Roe, born on May 5, 1907, in Dayton.
        // A birthplace gives the town and its country, not its state or
        // province, which follow from the town's own locatedIn.
        r"(?P<person>«P\d+»),? (?:\d{1,3}, )?(?:who |was |had been |is )*(?:was )?born (?:(?:[^.;«]|«T\d+»){0,60} )?(?:in|near) (?P<place>«[LC]\d+»)(?:, (?P<place2>«C\d+»)|, (?P<region>«L\d+»))?".to_string(),
        // Rochester teacher union leader Jane Roe; Soviet dissident leader Jane Roe
        r"(?P<place>«[LD]\d+») (?:[a-z-]+ ){0,3}?(?:leader|official|chief|lawmaker|legislator|politician|congressman|congresswoman|senator|organizer),? (?P<person>«P\d+»)".to_string(),
        // Jane Roe ... near her hometown of Belen, N.M.
        r"(?P<person>«P\d+»)(?:[^«.;]|«T\d+»){0,100}? (?:his|her|their) (?:hometown|home town|native town|native village|birthplace|home state|native) (?:of |in )?(?P<place>«[LC]\d+»)(?:, (?P<place2>«[LC]\d+»))?".to_string(),
        // with South Carolina being Jane Roe's home state; Dayton, Jane Roe's hometown
        r"(?P<place>«[LC]\d+»)(?:, (?P<place2>«[LC]\d+»))?(?:,| being| is| was) (?P<person>«P\d+»)(?:'s|’s) (?:hometown|home town|home state|birthplace|native state|native town|home country)".to_string(),
        // Jane Roe, who is running for mayor of Dayton
        r"(?P<person>«P\d+»),? (?:[^.;«]{0,40} )?(?:who is |is |was )?(?:running|ran|campaigning|a candidate) for (?:mayor|governor) of (?P<place>«[LC]\d+»)".to_string(),
        // the FBI spokesman Jane Roe in Albuquerque, N.M., said
        r"(?P<person>«P\d+»),? (?:of (?:the )?«O\d+» )?in (?P<place>«[LC]\d+»)(?:, (?P<place2>«[LC]\d+»))?,? (?:said|says|told|added)\b".to_string(),
        // Jane Roe, the 23rd president of the X, was born in Dayton; rock
        // legend Jane Roe was born John Roe in Lubbock
        r"(?P<person>«P\d+»)(?:, [^;«]{0,40}(?:«[A-Z]\d+»[^;«,]{0,20})?, (?:was )?born| was born «P\d+») in (?P<place>«[LC]\d+»)(?:, (?P<place2>«C\d+»)|, (?P<region>«L\d+»))?".to_string(),
        // Illinois-born Jane Roe; Jane Roe, Georgia born,
        r"(?P<place>«[LCD]\d+»)[ -]born (?:[a-z-]+ ){0,2}(?P<person>«P\d+»)".to_string(),
        r"(?P<person>«P\d+»), (?P<place>«[LC]\d+»)[ -]born\b".to_string(),
        // Jane Roe is from Bay City, Mich.; Jane Roe, who is originally from Y
        r"(?P<person>«P\d+»),? (?:who )?(?:is|was|are|were|comes|came) (?:originally )?from (?P<place>«[LC]\d+»)(?:, (?P<place2>«[LC]\d+»))?(?:[,.;]|$| in\b| and\b| but\b)".to_string(),
        // Jane Roe ... commuting from her Germantown home; a raid on his Y home
        r"(?P<person>«P\d+»)(?:[^«.;]|«T\d+»){0,100}? (?:his|her|their) (?P<place>«[LC]\d+») (?:home|house|residence|apartment|farm|ranch|hometown|birthplace)\b".to_string(),
        // Jane Roe, a producer who grew up in Y; Jane Roe, a Chilean national now living in Y
        r"(?P<person>«P\d+»),? (?:is |was )?(?:(?:a|an) (?:[a-z-]+ |«D\d+» ){1,3})?(?:who |which )?(?:now |currently |still )?(?:lives|lived|living|resides|resided|residing|grew up|was born and raised|were born and raised|has lived|had lived) in (?P<place>«[LC]\d+»)(?:, (?P<place2>«[LC]\d+»))?".to_string(),
        // Jane Roe, a 72-year-old deputy from Y
        r"(?P<person>«P\d+»), (?:a|an) (?:[a-z0-9-]+ ){1,3}from (?P<place>«[LC]\d+»)(?:, (?P<place2>«[LC]\d+»))?(?:[,.;]|$| and\b)".to_string(),
        r"(?P<person>«P\d+») of (?P<place>«[LC]\d+»)".to_string(),
        // Jane Roe, a Serb; Jane Roe, an American tourist
        r"(?P<person>«P\d+»), (?:a|an) (?:[a-z-]+ )?(?P<place>«D\d+»)".to_string(),
    ]
    .iter()
    .map(|p| crate::extract::pattern::compile(p).expect("valid residence pattern"))
    .collect()
});

/// What after a place's name makes it part of a longer name: a possessive,
/// "&", "and Co.", another capitalised word ("X of Uruguay and Prime
/// Minister Y" is a list), or "and" with another place or body ("X of
/// Hambrecht and Quist": a firm named after its founders).
static NAME_GOES_ON: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(
        r"^(?:'s|’s| &| and Co\b| [A-Z][a-z]| and (?:«[LO]\d+»|[A-Z][a-z]+(?:[,.;]|$| [a-z])))",
    )
    .expect("valid pattern")
});

impl RelationExtractor for Residence {
    fn name(&self) -> &'static str {
        NAME
    }

    fn extract(&self, view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
        if !view.text.contains("«P") {
            return;
        }
        for pattern in PATTERNS.iter() {
            for caps in pattern.captures_iter(&view.text) {
                let Some(person) = entity(view, &caps, "person") else { continue };
                // "Royal Bank of Scotland" read as a person "Royal Bank": a
                // name ending in a body's head noun that is no surname is a
                // body's, not a resident's.
                let last = doc.entities[person].name.rsplit(' ').next().unwrap_or_default();
                if ORG_HEADS.contains(&last) && !crate::gazetteer::is_common_surname(last) {
                    continue;
                }
                // "Bosnian Serb leader": stacked demonyms name a people, not a state.
                let place_start = caps.name("place").map_or(0, |m| m.start());
                if code(&caps, "place") == Some('D') && view.text[..place_start].ends_with("» ") {
                    continue;
                }
                // "X of Steptoe & Johnson", "X of Argus Research", "X of
                // Prague's Y Institute": the place's name goes on into a
                // body's, which X is of.
                let place_end = caps.name("place").map_or(0, |m| m.end());
                if caps.name("place2").is_none() && NAME_GOES_ON.is_match(&view.text[place_end..]) {
                    continue;
                }
                // "analyst X of Kellbrook": a name the gazetteer does not
                // know as a place, after "of" alone and a private post, is
                // the firm X speaks for, not where X lives ("X of Clover is
                // free" stays a home town; a firm and a town are told apart
                // only by world knowledge).
                let person_start = caps.name("person").map_or(0, |m| m.start());
                let person_end = caps.name("person").map_or(0, |m| m.end());
                let bare_of = view.text.get(person_end..place_start) == Some(" of ");
                if bare_of
                    && caps.name("place2").is_none()
                    && speaks_for_a_firm(&view.text[..person_start])
                    && entity(view, &caps, "place").is_some_and(|place| unknown_place(doc, place))
                {
                    continue;
                }
                for name in ["place", "place2"] {
                    if let Some(place) = entity(view, &caps, name) {
                        out.add(
                            view,
                            Found {
                                subject: person,
                                relation: Relation::LivesIn,
                                object: Object::Entity(place),
                                range: caps.get(0).map_or(0..0, |m| m.range()),
                                extractor: NAME,
                                confidence: 70,
                                title: None,
                            },
                        );
                    }
                }
            }
        }
        if let Some(st) = doc.structure {
            from_clauses(view, st, doc, out);
        }
    }
}

/// Whether a private post comes right before a person ("analyst X",
/// "economist X"): a firm's people are named with their firm.
fn speaks_for_a_firm(before: &str) -> bool {
    let last_before = before.trim_end().rsplit([' ', '\n']).next().unwrap_or_default().to_lowercase();
    PRIVATE_TITLES.contains(&last_before.as_str())
}

/// Whether an entity typed as a place is no state and no place the
/// gazetteer knows by its name.
fn unknown_place(doc: &DocContext<'_>, place: usize) -> bool {
    let entity = &doc.entities[place];
    let gazetteer = Gazetteer::global();
    entity.kind == EntityType::Place
        && entity.links.geonames.is_none()
        && !gazetteer
            .lookup(&entity.name)
            .iter()
            .any(|&id| matches!(gazetteer.entry(id).kind, GazKind::City | GazKind::Region | GazKind::Country))
}

/// The verbs of `residence_verbs.txt` over the sentence's clauses, for the
/// word orders the patterns miss: a phrase between the verb and the place
/// ("X was born on May 5 in a log cabin in Y"), a relative clause with a
/// phrase before its verb ("X, who as a child lived in Y"), coordinated and
/// inherited subjects ("X was born and raised in Y").
fn from_clauses(view: &SentenceView, st: &Structure<'_>, doc: &DocContext<'_>, out: &mut Findings) {
    let words = &st.words;
    let lower = |i: usize| words.get(i).map(|w| w.to_lowercase()).unwrap_or_default();
    for clause in &st.clauses {
        if !clause.verb_in(words, &RESIDENCE_VERBS) {
            continue;
        }
        for unit in &clause.subject {
            let Some(person) = st.subject_entity(unit, doc.entities, doc.last_person) else { continue };
            if doc.kind(person) != EntityType::Person {
                continue;
            }
            for (prep, phrase) in &clause.preps {
                if lower(*prep) != "in" {
                    continue;
                }
                for place_unit in phrase {
                    let Some(place) = st.entity_of(place_unit, doc.entities) else { continue };
                    if !doc.kind(place).is_place() {
                        continue;
                    }
                    let from = if clause.subject_inherited { clause.verb.start } else { unit.start };
                    let range = view.view_range(st.span(from.min(clause.verb.start)..place_unit.end));
                    out.add(view, Found::new(person, Relation::LivesIn, Object::Entity(place), range, NAME, 65));
                }
            }
        }
    }
}
