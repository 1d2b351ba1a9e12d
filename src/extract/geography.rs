//! # Geography: capitals, containment and seats
//!
//! ## What it extracts
//! `capitalOf` (and the `locatedIn` it implies) from "the Kenyan capital,
//! Nairobi", "Peru's capital Lima", "Oslo, the capital of Norway";
//! `locatedIn` from "Bethany, Conn.", "a town in central Idaho" (and chains:
//! "Kumamoto in Kyushu in southern Japan"), "Zambia's Kafue River", "the
//! Brighton Beach section of Brooklyn", "Anhui, an east China province", "the
//! United States commonwealth of Puerto Rico", "the Chinese province of
//! Anhui", "the town of X in the province of Y", datelines
//! ("NAIROBI, Kenya, May 3 —") and events "in", "held in" or "opened in"
//! a place, held or hosted by one ("Kenya will host the talks"), or named after it ("the El Paso shooting", "the 2019 Aleppo
//! building collapse": [`places_in_event_names`]); `basedIn` from bodies
//! named after their seat ("the Supreme Court of Puerto Rico":
//! [`seats_in_body_names`]) and from
//! "the X Institute in Lima", "the Nairobi-based Y", "Y, based in Z", and
//! its headquarters ("the Y's headquarters are in the capital, Z", "Y has
//! its head office in Z"), an address after a body ("Y Corp, Marlow, Ohio,
//! said"; the angle brackets wires put around company names, "\<Y Corp\>",
//! are read through).
//! Where a place lies is told by its own phrase: "No protests were
//! reported in Mosul, in northern Iraq" still puts Mosul in Iraq.
//! A town written with its state ("Montclair, N.J.") is also named by
//! that whole form: an alias of the town ([`names_with_region`]).
//! A news agency in a dateline ("LONDON (Reuters) -") is filed from the
//! place, not seated there: no `basedIn` (on CoNLL04 dev, whose gold
//! annotates some of them, the rule was right 4 times in 17).
//!
//! ## Example
//! "The talks, held in the Kenyan capital, Nairobi, ended."
//!
//! ## Produces
//! `Nairobi capitalOf Kenya`, `Nairobi locatedIn Kenya`.
//!
//! ## Known misses
//! Containment stated with verbs ("lies in", "borders"); seats given only
//! by a street address; places in lists ("Paris, Lyon and Nice") are not read as
//! "city, country".

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::lexicon::{alternation, plural, portfolio_follows, HOST_VERBS, ORG_NOUNS, SPEECH_VERBS};
use crate::extract::mention::Mention;
use crate::extract::model::{DocEntity, EntityType, Evidence, Fact, Modality, Object, Relation};
use crate::extract::pattern::{entities, entity};
use crate::extract::view::{list, SentenceView};
use crate::extract::{DocContext, DocMentions, Findings, Found, RelationExtractor};
use crate::gazetteer::Gazetteer;
use crate::text::wordlist::WordList;

/// The geography extractor.
#[derive(Debug)]
pub struct Geography;

/// Extractor name of its facts, as recorded in evidence.
pub const NAME: &str = "geography";

/// Head nouns of bodies that represent a place elsewhere ("the Embassy of
/// France"): their names say nothing of their seat.
static FOREIGN_SEAT_HEADS: WordList = WordList::new(include_str!("../../data/lexicon/foreign_seat_heads.txt"));

static CAPITAL: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"(?P<country>«D\d+») capital(?: city)?,? (?P<city>«L\d+»)",
        r"(?P<country>«C\d+»)(?:'s|’s) capital(?: city)?,? (?P<city>«L\d+»)",
        r"(?P<city>«L\d+»), (?:the )?(?:«D\d+» )?capital(?: city)? of (?:the )?(?P<country>«C\d+»)",
        r"(?P<city>«L\d+»), (?:the )?(?P<country>«D\d+») capital",
        r"capital of (?:the )?(?P<country>«C\d+»),? (?P<city>«L\d+»)",
    ]
    .iter()
    .map(|p| crate::extract::pattern::compile(p).expect("valid capital pattern"))
    .collect()
});

static CITY_COMMA: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(r"(?P<place>«L\d+»), (?:(?:north|south|east|west|central|northern|southern|eastern|western)(?:-?(?:east|west|eastern|western))? )?(?P<whole>«[LC]\d+»)").expect("valid pattern")
});
/// A list going on after "A, B" with a name the finders left unnamed:
/// "Sao Paulo, Parana, Mato Grosso and ...".
static LIST_GOES_ON: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(r"^, [A-Z][\w-]*(?: [A-Z][\w-]*)?(?:,| and | or )").expect("valid pattern")
});

/// A list's next item with a word of direction before it ("Kansas,
/// Missouri and eastern Oklahoma").
static LIST_ITEM_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(&format!(r"^,? (?:and |or )?{AREA_WORDS} «[LC]\d+»")).expect("valid pattern")
});

/// A list's item before ("Iowa, eastern Kansas, Missouri", "Iowa, Kansas,
/// Missouri"): anything named but a body, whose town and state after it
/// are its address ("Vexel Co, Marlow, Ohio").
static LIST_ITEM_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(&format!(r"«[^O]\d+»,(?: {AREA_WORDS})? $")).expect("valid pattern")
});

/// Words of direction or part before a place in a list ("eastern Kansas",
/// "southeast Asia"; `directions.txt` opens names and lacks "southeast").
const AREA_WORDS: &str =
    r"(?:(?:north|south)?(?:east|west)(?:ern)?|(?:north|south)(?:ern)?|central|upper|lower|coastal|rural)";

/// "Zambia's Kafue River", "Miami's Dade County", "the Brighton Beach
/// section of Brooklyn".
static PLACE_OF: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"(?P<whole>«[LC]\d+»)(?:'s|’s) (?:[a-z]+ ){0,2}?(?P<place>«L\d+»)",
        r"(?P<place>«L\d+») (?:section|area|part|district|neighborhood|neighbourhood|suburb|outskirts) of (?:the )?(?P<whole>«[LC]\d+»)",
        // the United States commonwealth of Puerto Rico; Georgia's breakaway
        // region of Abkhazia; the Chinese province of Anhui
        r"(?P<whole>«[CD]\d+»)(?:'s|’s)? (?:[a-z-]+ )?(?:commonwealth|territory|province|state|region|republic|island|enclave|exclave|autonomous region|city|town|village|port|district|county) of (?P<place>«[LC]\d+»)",
        // the town of Lodwin in the province of Zeravia
        r"(?P<place>«L\d+»),? in the (?:province|state|region|district|county|prefecture|governorate|department|canton|oblast|municipality) of (?P<whole>«[LC]\d+»)",
        // Bugesera, in the southeastern part of Rwanda
        r"(?P<place>«L\d+»),? in the (?:[a-z-]+ )?(?:part|region|area|corner|end|tip) of (?:the )?(?P<whole>«[LC]\d+»)",
        // Madagascar, an island nation in the Indian Ocean; Lowman, a town in Idaho
        r"(?P<place>«[LC]\d+»), (?:a|an|the) (?:[a-z-]+ ){1,3}(?:in|of|on) (?:the )?(?:(?:northern|southern|eastern|western|central|north|south|east|west|northeastern|northwestern|southeastern|southwestern) )?(?P<whole>«[LC]\d+»)",
        r"(?P<place>«L\d+»)(?:,| is| was)? (?:a |an |the |this )?(?:[a-z-]+ ){0,2}?(?P<whole>«[CD]\d+») (?:province|state|region|city|town|village|port|island|district|county|capital)\b",
    ]
    .iter()
    .map(|p| crate::extract::pattern::compile(p).expect("valid containment pattern"))
    .collect()
});

/// The index in [`PLACE_OF`] of "the United States commonwealth of Puerto Rico".
const PART_OF_STATE: usize = 2;

/// The index in [`PLACE_OF`] of "X in the province of Y": the words say Y
/// is a division, whether or not the gazetteer knows it.
const IN_DIVISION_OF: usize = 3;

static PLACE_IN: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(r"(?P<place>«[LE]\d+»),? (?:in|at) (?:the )?(?:(?:central|northern|southern|eastern|western|north|south|east|west|northeastern|northwestern|southeastern|southwestern|rural|downtown) )?(?P<whole>«[LC]\d+»)").expect("valid pattern")
});
/// Where an event happens: "the summit, held in Oslo", "the talks opened in Geneva".
static EVENT_IN: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(r"(?P<event>«E\d+»),? (?:which |that )?(?:was |were |is |are |will be |has been )?(?:held|opened|took place|takes place|convened|began|begins|ended|ends|hosted|staged|organi[sz]ed) in (?:the )?(?P<place>«[LC]\d+»)")
        .expect("valid event pattern")
});

/// Index in [`BASED`] of "«O» in «L»".
const ORG_IN: usize = 2;

/// Whether the text ends with a post and "of" ("head of the ", "the
/// director of "), so that a body named next is where the post is held.
fn post_of_before(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let mut word = words.next();
    if word.is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        word = words.next();
    }
    word == Some("of")
        && words.next().is_some_and(|w| crate::extract::lexicon::TITLE_HEADS.contains(&w.to_lowercase().as_str()))
}

/// Index in [`BASED`] of "«O», based in «L»".
const BASED_IN_WORDS: usize = 1;

/// Whether the gazetteer knows a name first as a continent.
fn is_continent(name: &str) -> bool {
    let gazetteer = crate::gazetteer::Gazetteer::global();
    gazetteer.lookup(name).first().is_some_and(|&id| gazetteer.entry(id).kind == crate::gazetteer::GazKind::Continent)
}

static BASED: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        // the Nairobi-based Y; its Bristol-based subsidiary Y
        r"(?P<place>«[LC]\d+»)-based (?:[a-z]+ ){0,2}?(?P<org>«O\d+»)",
        r"(?P<org>«O\d+»),? (?:which is |that is |is |are |was )?(?:based|headquartered) in (?P<place>«[LC]\d+»)",
        r"(?P<org>«O\d+») in (?P<place>«[LC]\d+»)",
        // Pittsburgh-Corning Corp. of Pittsburgh; the Ministry of Defense of
        // Albania; the National Cancer Institute, of Bethesda
        r"(?P<org>«O\d+»),? of (?P<place>«[LC]\d+»)",
        r"(?P<org>«O\d+») (?:headquarters|head offices?|main offices?) in (?:nearby |downtown )?(?P<place>«[LC]\d+»)",
        // the U.S. Congress, Paris AFP, the Chilean copper company Codelco
        r"(?P<place>«[LCD]\d+»)(?:'s|’s)? (?:(?:[a-z-]+ ){0,2}(?:company|firm|group|agency|bank|newspaper|daily|party|broadcaster|carrier|airline|network|station|maker|producer|manufacturer|conglomerate|giant|utility|unit|subsidiary|organization|organisation|news agency) )?(?P<org>«O\d+»)",
        // Deutsche Telekom, Germany's phone company
        &format!(r"(?P<org>«O\d+»), (?P<place>«[LC]\d+»)(?:'s|’s) (?:[a-z-]+ ){{0,3}}(?:{})\b", alternation(ORG_NOUNS.words().iter().copied())),
        // Codelco, a Chilean copper company; Sun Hung Kai, a Hong Kong firm
        r"(?P<org>«O\d+»), (?:a|an|the) (?P<place>«[LCD]\d+»)(?:-based)? (?:[a-z-]+ ){0,2}(?:company|firm|group|agency|bank|newspaper|daily|party|broadcaster|carrier|airline|network|maker|producer|manufacturer|conglomerate|organization|organisation)",
        // the Y's headquarters are in the capital, Z; the Y has its head office in Z
        r"(?P<org>«O\d+»)(?:'s|’s)? (?:headquarters|head office|main office|seat) (?:is |are |was |were |will be )?(?:located |based )?in (?:the capital,? )?(?P<place>«[LC]\d+»)",
        r"(?P<org>«O\d+») (?:has|had|have|keeps|kept|maintains|maintained|moved|will move) its (?:headquarters|head office|main office|seat) (?:to|in) (?:the capital,? )?(?P<place>«[LC]\d+»)",
    ]
    .iter()
    .map(|p| crate::extract::pattern::compile(p).expect("valid seat pattern"))
    .collect()
});

/// The index in [`BASED`] of a place written before the body ("Paris AFP").
const PLACE_BEFORE_BODY: usize = 5;

/// Nouns of a state's standing in a body (`standing_nouns.txt`).
static STANDING_NOUNS: crate::text::wordlist::WordList =
    crate::text::wordlist::WordList::new(include_str!("../../data/lexicon/standing_nouns.txt"));

/// Whether a post and a person follow: " representative «P3»", " chief
/// economist «P3»".
fn post_follows(rest: &str) -> bool {
    let words: Vec<&str> = rest.split_whitespace().take(4).collect();
    let person = words.iter().position(|w| w.starts_with("«P"));
    person.is_some_and(|p| {
        p > 0 && words[..p].iter().all(|w| crate::extract::lexicon::is_title_word(w.trim_end_matches(',')))
    })
}

/// "U.S. firms A and B", "the German car makers A, B and C": each body of a
/// list after a state's adjective and a plural noun of bodies
/// (`org_nouns.txt`) sits in that state.
static BASED_LIST: LazyLock<Regex> = LazyLock::new(|| {
    let orgs = list("orgs", "O");
    let plurals: Vec<String> = ORG_NOUNS.words().iter().map(|w| plural(w)).collect();
    let kinds = alternation(plurals.iter().map(String::as_str));
    crate::extract::pattern::compile(&format!(
        r"(?P<place>«[CD]\d+») (?:[a-z-]+ )?(?:{kinds}),? (?:such as |including |like )?{orgs}"
    ))
    .expect("valid pattern")
});

/// A body followed by its address, a town and the town's state or country:
/// "Vexel Co, Marlow, Ohio, said".
static BODY_ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(r"(?P<org>«O\d+»), (?P<place>«L\d+»), (?P<whole>«[LC]\d+»)(?:,|\.|$)")
        .expect("valid pattern")
});

/// The state or country written after a town, as in an address: ", Ohio".
static ADDRESS_WHOLE: LazyLock<Regex> =
    LazyLock::new(|| crate::extract::pattern::compile(r", (?P<whole>«[LC]\d+»)").expect("valid address pattern"));

impl RelationExtractor for Geography {
    fn name(&self) -> &'static str {
        NAME
    }

    fn extract(&self, view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
        let text = &view.text;
        if text.contains("capital") {
            for pattern in CAPITAL.iter() {
                for caps in pattern.captures_iter(text) {
                    let (Some(city), Some(country)) = (entity(view, &caps, "city"), entity(view, &caps, "country"))
                    else {
                        continue;
                    };
                    let range = caps.get(0).map_or(0..0, |m| m.range());
                    for relation in [Relation::CapitalOf, Relation::LocatedIn] {
                        out.add(view, found(city, relation, country, range.clone(), 85));
                    }
                }
            }
        }
        hosted_events(view, doc, out);
        for caps in overlapping(&CITY_COMMA, text, "whole") {
            let (Some(place), Some(whole)) = (entity(view, &caps, "place"), entity(view, &caps, "whole")) else {
                continue;
            };
            let end = caps.get(0).map_or(0, |m| m.end());
            // "A, B, and C", "Asia, Europe and the United States" is a
            // list, not "city, region".
            let rest = &text[end..];
            // "Hewlett-Packard, Italy's Olivetti": a state owning the next
            // name is a list's item, not an address ("Leeds, England's
            // third city" is one).
            let owns_a_name = ["'s ", "’s "].iter().any(|p| {
                rest.strip_prefix(p).is_some_and(|after| {
                    let next = after.split_whitespace().next().unwrap_or_default();
                    (next.starts_with(char::is_uppercase) && !crate::extract::lexicon::is_title_word(next))
                        || next.starts_with('«')
                })
            });
            let list_follows = owns_a_name
                || [", «L", ", «C", " and «", ", and «", " and the «C"].iter().any(|p| rest.starts_with(p))
                || LIST_GOES_ON.is_match(rest)
                || LIST_ITEM_AFTER.is_match(rest);
            let list_precedes = LIST_ITEM_BEFORE.is_match(&text[..caps.get(0).map_or(0, |m| m.start())]);
            if list_follows || list_precedes {
                continue;
            }
            if !contained(doc, place, whole) {
                continue;
            }
            out.add(view, found(place, Relation::LocatedIn, whole, caps.get(0).map_or(0..0, |m| m.range()), 75));
        }
        for caps in overlapping(&PLACE_IN, text, "whole") {
            let (Some(place), Some(whole)) = (entity(view, &caps, "place"), entity(view, &caps, "whole")) else {
                continue;
            };
            if doc.kind(place) == EntityType::Place && !contained(doc, place, whole) {
                continue;
            }
            let range = caps.get(0).map_or(0..0, |m| m.range());
            out.add(view, found(place, Relation::LocatedIn, whole, range.clone(), 65));
            // "the cathedral in Mindanao, Philippines": the container's own
            // state, written after it as in an address, holds the place too.
            if let Some(after) =
                ADDRESS_WHOLE.captures_at(text, range.end).filter(|c| c.get(0).is_some_and(|m| m.start() == range.end))
            {
                if let Some(outer) =
                    entity(view, &after, "whole").filter(|&w| w != whole && w != place && contained(doc, whole, w))
                {
                    let end = after.get(0).map_or(range.end, |m| m.end());
                    out.add(view, found(place, Relation::LocatedIn, outer, range.start..end, 60));
                }
            }
        }
        for (i, pattern) in PLACE_OF.iter().enumerate() {
            for caps in pattern.captures_iter(text) {
                let (Some(place), Some(whole)) = (entity(view, &caps, "place"), entity(view, &caps, "whole")) else {
                    continue;
                };
                // The container must be a state or a place the gazetteer
                // knows: in "Jane Roe's New Jersey home" Roe is no place.
                let known = i == IN_DIVISION_OF
                    || doc.entities[whole].kind == EntityType::Country
                    || doc.entities[whole].links.geonames.is_some();
                // "the United States commonwealth of Puerto Rico": a
                // territory the gazetteer lists as a country of its own.
                let territory = i == PART_OF_STATE && doc.kind(place) == EntityType::Country;
                if place == whole || !known || !(territory || contained(doc, place, whole)) {
                    continue;
                }
                // "Tromso and the Swedish town of Kiruna": a list, not containment.
                if caps.get(0).is_some_and(|m| m.as_str().split(' ').any(|w| matches!(w, "and" | "or"))) {
                    continue;
                }
                out.add(view, found(place, Relation::LocatedIn, whole, caps.get(0).map_or(0..0, |m| m.range()), 65));
            }
        }
        for caps in EVENT_IN.captures_iter(text) {
            let (Some(event), Some(place)) = (entity(view, &caps, "event"), entity(view, &caps, "place")) else {
                continue;
            };
            out.add(view, found(event, Relation::LocatedIn, place, caps.get(0).map_or(0..0, |m| m.range()), 70));
        }
        if text.contains("«O") {
            for caps in BASED_LIST.captures_iter(text) {
                let Some(place) = entity(view, &caps, "place") else { continue };
                let range = caps.get(0).map_or(0..0, |m| m.range());
                for (_, org) in entities(view, &caps, "orgs") {
                    out.add(view, found(org, Relation::BasedIn, place, range.clone(), 70));
                }
            }
            for (i, pattern) in BASED.iter().enumerate() {
                for caps in pattern.captures_iter(text) {
                    let (Some(org), Some(place)) = (entity(view, &caps, "org"), entity(view, &caps, "place")) else {
                        continue;
                    };
                    // "Hong Kong IATA representative X", "the Kabul UN envoy
                    // X": a place before a body and a post says where the
                    // post is held, not where the body sits.
                    if i == PLACE_BEFORE_BODY && post_follows(&text[caps.name("org").map_or(0, |m| m.end())..]) {
                        continue;
                    }
                    // "a Melbourne-based analyst told Reuters": a verb between
                    // ends the phrase the place qualifies.
                    let whole = caps.get(0).map_or("", |m| m.as_str());
                    if whole.split(' ').any(|w| SPEECH_VERBS.contains(&w)) {
                        continue;
                    }
                    // "the French EC affairs minister": the body is a portfolio.
                    let org_end = caps.name("org").map_or(0, |m| m.end());
                    if portfolio_follows(&text[org_end..]) {
                        continue;
                    }
                    // "head of the Y in Hong Kong": the post is held at the
                    // body's office there, not at its seat.
                    let org_start = caps.name("org").map_or(0, |m| m.start());
                    if i == ORG_IN
                        && post_of_before(&text[..org_start])
                        && !crate::extract::roles::at_home(doc, org, place)
                    {
                        continue;
                    }
                    // "X, Europe's leading brewer": a continent a body leads
                    // in is no seat; only "based in Europe" says one.
                    if i != BASED_IN_WORDS && is_continent(&doc.entities[place].name) {
                        continue;
                    }
                    // "Turkey's NATO allies": the state's standing in the body.
                    let next = text[org_end..].split_whitespace().next().unwrap_or_default();
                    if STANDING_NOUNS.contains(&next.trim_end_matches([',', '.', ';', ':'])) {
                        continue;
                    }
                    let range = caps.get(0).map_or(0..0, |m| m.range());
                    out.add(view, found(org, Relation::BasedIn, place, range.clone(), 70));
                    // "Vexel Co. of Marlow, Ohio": the seat's own state or
                    // country, written after it as in an address, is a seat too.
                    if let Some(after) = ADDRESS_WHOLE
                        .captures_at(text, range.end)
                        .filter(|c| c.get(0).is_some_and(|m| m.start() == range.end))
                    {
                        let whole = entity(view, &after, "whole");
                        if let Some(whole) = whole.filter(|&w| w != place && contained(doc, place, w)) {
                            let end = after.get(0).map_or(range.end, |m| m.end());
                            out.add(view, found(org, Relation::BasedIn, whole, range.start..end, 65));
                        }
                    }
                }
            }
        }
        for caps in BODY_ADDRESS.captures_iter(text) {
            let (Some(org), Some(place), Some(whole)) =
                (entity(view, &caps, "org"), entity(view, &caps, "place"), entity(view, &caps, "whole"))
            else {
                continue;
            };
            // "A Corp, Paris, and Rome": a list; the town must lie in what follows it.
            if !contained(doc, place, whole) || LIST_ITEM_BEFORE.is_match(&text[..caps.get(0).map_or(0, |m| m.start())])
            {
                continue;
            }
            let range = caps.get(0).map_or(0..0, |m| m.range());
            out.add(view, found(org, Relation::BasedIn, place, range.clone(), 70));
            out.add(view, found(org, Relation::BasedIn, whole, range, 65));
        }
    }
}

/// Matches of `pattern` that may share a place: after "A in B", the next
/// search starts at B, so that "A in B in southern C" also gives "B in C".
/// "Chad held parliamentary elections", "Kenya will host the Nairobi
/// talks": a place or a state that holds or hosts an event is where it
/// happens. Read over the clauses: the verb's subject (one place) and its
/// objects that are events.
fn hosted_events(view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
    let Some(st) = doc.structure else { return };
    for clause in &st.clauses {
        if clause.verb.passive || !HOST_VERBS.contains(&st.words[clause.verb.head].to_lowercase().as_str()) {
            continue;
        }
        let [actor] = clause.actor(&st.words) else { continue };
        let Some(host) = st.entity_of(actor, doc.entities) else { continue };
        // The place itself holds it, not its people ("Ecuadorean officials
        // held a meeting" says nothing of where).
        let named = st.names().any(|(tokens, _, e)| e == host && tokens.contains(&(actor.end - 1)));
        if !doc.kind(host).is_place() || !named {
            continue;
        }
        for object in &clause.objects {
            // "the Tromso summit next week": the event's name inside the phrase.
            let named_inside = || {
                st.names()
                    .find(|(tokens, _, e)| {
                        tokens.start >= object.start && tokens.end <= object.end && doc.kind(*e) == EntityType::Event
                    })
                    .map(|(_, _, e)| e)
            };
            let Some(event) = st.entity_of(object, doc.entities).or_else(named_inside) else { continue };
            if doc.kind(event) != EntityType::Event || event == host {
                continue;
            }
            let range = view.view_range(st.span(actor.start.min(object.start)..actor.end.max(object.end)));
            out.add(view, found(event, Relation::LocatedIn, host, range, 70));
        }
    }
}

fn overlapping<'t>(pattern: &Regex, text: &'t str, shared: &str) -> Vec<regex::Captures<'t>> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(caps) = pattern.captures_at(text, at) {
        let next = caps.name(shared).map_or_else(|| caps.get(0).map_or(text.len(), |m| m.end()), |m| m.start());
        let end = caps.get(0).map_or(text.len(), |m| m.end());
        out.push(caps);
        at = if next > at { next } else { end.max(at + 1) };
        if at >= text.len() {
            break;
        }
    }
    out
}

/// False when the gazetteer knows both places and puts the first in
/// another country than the second.
fn contained(doc: &DocContext<'_>, place: usize, whole: usize) -> bool {
    let part = &doc.entities[place];
    let container = &doc.entities[whole];
    if part.kind == EntityType::Country {
        return false;
    }
    // A town the gazetteer does not hold ("Belen, N.M.") is where the text says.
    if part.links.geonames.is_none() {
        return true;
    }
    let gazetteer = Gazetteer::global();
    // Every country a place of that name lies in: "Bayonne" is in France
    // and in the United States.
    let countries_of = |name: &str| -> Vec<String> {
        gazetteer
            .lookup(name)
            .iter()
            .filter_map(|&id| {
                let entry = gazetteer.entry(id);
                entry.country.clone().or_else(|| entry.iso2.clone())
            })
            .collect()
    };
    // "Illinois, Indiana": two subdivisions of a state (regions the
    // gazetteer files under a country) lie side by side, not one in the other.
    let subdivision = |name: &str| {
        let ids = gazetteer.lookup(name);
        !ids.is_empty()
            && ids.iter().all(|&id| {
                let entry = gazetteer.entry(id);
                entry.kind == crate::gazetteer::GazKind::Region && entry.country.is_some()
            })
    };
    if subdivision(&part.name) && subdivision(&container.name) {
        return false;
    }
    let container_country = container.links.iso2.clone().or_else(|| countries_of(&container.name).into_iter().next());
    let part_countries = countries_of(&part.name);
    match container_country {
        Some(country) if !part_countries.is_empty() => part_countries.contains(&country),
        _ => true,
    }
}

fn found(
    subject: usize,
    relation: Relation,
    object: usize,
    range: std::ops::Range<usize>,
    confidence: u8,
) -> Found<'static> {
    Found { subject, relation, object: Object::Entity(object), range, extractor: NAME, confidence, title: None }
}

/// The names and aliases of the document's places, with their entities
/// (places known only by their adjective too, if `adjectival`).
fn place_names(entities: &[DocEntity], adjectival: bool) -> Vec<(usize, &str)> {
    entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind.is_place() && (adjectival || !e.adjectival))
        .flat_map(|(i, e)| {
            std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str)).map(move |n| (i, n))
        })
        .collect()
}

/// A town written with its state or country ("Montclair, N.J.", "Vienna,
/// Austria") is also named by that whole form: news and gazetteers (and
/// CoNLL04's annotators) use it as one name. Each `locatedIn` fact this
/// extractor read from "place, whole" adds the words as written to the
/// place's aliases, so a search for "Montclair, N.J." finds the town.
/// Aliases of places join nothing across documents (`resolve` joins places
/// by name and link only), so two Springfields stay apart.
pub fn names_with_region(text: &str, entities: &mut [DocEntity], facts: &[Fact]) {
    for fact in facts {
        let Object::Entity(whole) = fact.object else { continue };
        if fact.relation != Relation::LocatedIn || fact.evidence.extractor != NAME || whole == fact.subject {
            continue;
        }
        let span = fact.evidence.span;
        let Some(written) = span.slice(text) else { continue };
        let Some((_, region)) = written.split_once(", ") else { continue };
        // The town's mention opens the words and the region's closes them,
        // one comma between, the region capitalised ("Bethany, central
        // Idaho" and "Kumamoto in Kyushu" are descriptions, not names).
        let subject = &entities[fact.subject];
        let region_mentions = &entities[whole].mentions;
        let bounded = subject.mentions.iter().any(|m| m.start() == span.start())
            && region_mentions.iter().any(|m| m.end() == span.end())
            && !region_mentions.iter().any(|m| m.start() < span.end() && m.end() > span.end());
        let one_comma = region.starts_with(char::is_uppercase) && !region.contains([',', '\n']);
        if subject.kind == EntityType::Place && bounded && one_comma && written.len() <= 60 {
            entities[fact.subject].aliases.insert(written.to_string());
        }
    }
}

/// A fact read from a name itself: the mention is its evidence.
fn fact_from_name(subject: usize, relation: Relation, object: Object, mention: &Mention) -> Fact {
    Fact {
        subject,
        relation,
        object,
        modality: Modality::Asserted,
        title: None,
        evidence: Evidence {
            sentence: mention.sentence,
            span: mention.span,
            extractor: NAME.to_string(),
            confidence: 60,
        },
    }
}

/// Bodies named after where they sit ("the Supreme Court of Puerto Rico",
/// "the Federal Aviation Office of Germany", "the University of Nigeria"):
/// the body is based in the place its name ends with after "of", when the
/// document names that place (its adjective counts: "German officials")
/// and no fact in `facts` gives the body a seat already. A body that
/// represents the place abroad ("the Embassy of France",
/// `foreign_seat_heads.txt`) sits elsewhere. The fact's evidence is the
/// body's name.
#[must_use]
pub fn seats_in_body_names(doc: &DocMentions<'_>, facts: &[Fact]) -> Vec<Fact> {
    let DocMentions { mentions, assignment, entities, .. } = *doc;
    let places = place_names(entities, true);
    let mut out: Vec<Fact> = Vec::new();
    for (m, e) in mentions.iter().zip(assignment) {
        let Some(body) = *e else { continue };
        if m.kind != EntityType::Organization || m.unnamed || m.adjectival {
            continue;
        }
        let Some((head, rest)) = m.name.rsplit_once(" of ") else { continue };
        let place_name = rest.strip_prefix("the ").unwrap_or(rest);
        let head_word = head.rsplit(' ').next().unwrap_or(head);
        if FOREIGN_SEAT_HEADS.contains(&head_word) {
            continue;
        }
        let Some(&(place, _)) = places.iter().find(|(p, n)| *p != body && *n == place_name) else {
            continue;
        };
        let object = Object::Entity(place);
        let seated = |f: &Fact| f.subject == body && f.relation == Relation::BasedIn;
        if out.iter().any(seated) || facts.iter().any(seated) {
            continue;
        }
        out.push(fact_from_name(body, Relation::BasedIn, object, m));
    }
    out
}

/// Events named after where they happened ("the El Paso shooting", "the
/// 2019 Aleppo building collapse", "the Jolo Cathedral bombings"): the
/// event lies in the place its name opens with (after a year), when the
/// document names that place and no fact in `facts` says so already. The
/// fact's evidence is the event's name.
#[must_use]
pub fn places_in_event_names(doc: &DocMentions<'_>, facts: &[Fact]) -> Vec<Fact> {
    let DocMentions { mentions, assignment, entities, .. } = *doc;
    let places = place_names(entities, false);
    let mut out: Vec<Fact> = Vec::new();
    for (m, e) in mentions.iter().zip(assignment) {
        let Some(event) = *e else { continue };
        if m.kind != EntityType::Event || m.unnamed {
            continue;
        }
        let name = m
            .name
            .split_once(' ')
            .filter(|(year, _)| year.len() == 4 && year.parse::<u16>().is_ok())
            .map_or(m.name.as_str(), |(_, rest)| rest);
        let Some(&(place, place_name)) = places
            .iter()
            .filter(|(p, n)| *p != event && name.strip_prefix(n).is_some_and(|rest| rest.starts_with(' ')))
            .max_by_key(|(_, n)| n.len())
        else {
            continue;
        };
        // "the Piedmont board meeting": a body's noun after the name says
        // it names the body, not where the event is.
        let next_word = name[place_name.len()..].split_whitespace().next().unwrap_or_default();
        if crate::extract::lexicon::is_body_noun(next_word) {
            continue;
        }
        let object = Object::Entity(place);
        let known = |f: &Fact| f.subject == event && f.relation == Relation::LocatedIn && f.object == object;
        if out.iter().any(known) || facts.iter().any(known) {
            continue;
        }
        out.push(fact_from_name(event, Relation::LocatedIn, object, m));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::document::Document;
    use crate::extract::extract_document;

    fn aliases_of(text: &str, name: &str) -> Vec<String> {
        let doc = extract_document(&Document::from_text("t", text));
        doc.entities.iter().find(|e| e.name == name).map(|e| e.aliases.iter().cloned().collect()).unwrap_or_default()
    }

    #[test]
    fn a_town_written_with_its_state_is_named_so() {
        let aliases = aliases_of("Jane Odell was born in Dayton, Ohio, and lives there.", "Dayton");
        assert!(aliases.contains(&"Dayton, Ohio".to_string()), "{aliases:?}");
        // A list of places is no town and its state.
        let aliases = aliases_of("Trade fairs were held in Dayton, Ohio and Leeds last year.", "Dayton");
        assert!(aliases.iter().all(|a| !a.contains(',')), "{aliases:?}");
    }
}
