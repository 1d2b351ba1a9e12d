//! In-document coreference: mentions that name the same thing become one
//! [`DocEntity`].
//!
//! Only unambiguous links are made: a surname joins the one full name in the
//! document that ends (or starts) with it; an acronym in parentheses joins
//! the name before it, and an acronym made of a name's initials joins it; a
//! described agreement ("the declaration") joins the document's one named
//! agreement of that kind, or the described one it shares a distinguishing
//! word with ("the trade deal" after "a trade agreement"), or, in general
//! words only ("the deal"), the one described last, never one made at
//! another time ("a new textile agreement" and "the previous 1994 textile
//! pact", or two years: `agreement_eras.tsv`); a described event
//! joins the one named event of its head; a body's name with its state
//! before it joins the name without ("U.S. House of Representatives");
//! a body's short form joins the one full name it shortens ("Continental"
//! after "Continental Airlines": [`body_short_forms`]); a single word typed
//! as a body that is the surname of a person named in full is that person;
//! gazetteer mentions join by their entry.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use crate::extract::lexicon::is_acronym;
use crate::extract::mention::{Mention, Occupied};
use crate::extract::model::{DocEntity, EntityType, Links};
use crate::extract::names::{Single, SingleHint};
use crate::gazetteer::Gazetteer;
use crate::text::normalize::fold;

/// Groups mentions into entities. Returns the entities and, for each
/// mention, the index of its entity (or `None` where it was dropped).
pub fn resolve(text: &str, mentions: &mut Vec<Mention>, singles: &[Single]) -> (Vec<DocEntity>, Vec<Option<usize>>) {
    promote_singles(text, mentions, singles);
    retype_short_forms_of_bodies(mentions);
    retype_surnames_of_people(mentions);
    one_kind_per_name(text, mentions);
    let full_names = FullNames::new(person_full_names(mentions));
    let acronyms = acronym_definitions(text, mentions);
    for (&i, definition) in &acronyms {
        mentions[i].kind = definition.kind;
    }

    let mut keys: Vec<Option<String>> = Vec::with_capacity(mentions.len());
    let main_agreement = mentions.iter().any(|m| m.kind == EntityType::Agreement && m.unnamed && !m.anaphor);
    let named_agreements: BTreeSet<String> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::Agreement && !m.unnamed && !is_acronym(&m.name))
        .map(|m| fold(&m.name))
        .collect();
    let only_named = match named_agreements.iter().collect::<Vec<_>>()[..] {
        [only] => Some(only),
        _ => None,
    };
    let mut named_first: BTreeMap<String, usize> = BTreeMap::new();
    for m in mentions.iter().filter(|m| m.kind == EntityType::Agreement && !m.unnamed) {
        let at = named_first.entry(fold(&m.name)).or_insert(m.span.start());
        *at = (*at).min(m.span.start());
    }
    let named_events = NamedEvents::new(text, mentions);
    let shortened = shortened_bodies(mentions);
    let mut described_agreements = DescribedAgreements::default();
    for (i, m) in mentions.iter().enumerate() {
        let described = (m.kind == EntityType::Agreement && m.unnamed)
            .then(|| same_head_as_only_named(&m.name, only_named))
            .flatten()
            .filter(|named| named_first.get(*named).is_some_and(|&at| at < m.span.start()));
        // An acronym the document defines is the name it stands for,
        // whatever the gazetteer links each to ("the Kurdistan Workers'
        // Party (PKK)").
        let link = acronyms.get(&i).map_or(m.link, |d| d.link);
        let key = match m.kind {
            _ if link.is_some() => link.map(|l| format!("gaz:{}", l.0)),
            EntityType::Person => Some(format!("person:{}", person_key(&m.name, &full_names))),
            EntityType::Organization => {
                let name =
                    acronyms.get(&i).map_or_else(|| fold(without_state(&m.name)), |d| fold(without_state(&d.name)));
                let name = match shortened.get(&name) {
                    Some(Some(full)) => full.clone(),
                    _ => name,
                };
                Some(format!("org:{name}"))
            }
            kind if acronyms.contains_key(&i) => {
                Some(format!("{}:{}", kind.slug(), acronyms.get(&i).map_or_else(String::new, |d| fold(&d.name))))
            }
            // "the treaty" after "the Comprehensive Test Ban Treaty".
            EntityType::Agreement if m.unnamed && described.is_some() => {
                described.map(|named| format!("agreement:{named}"))
            }
            EntityType::Agreement if m.unnamed => {
                if m.anaphor && !main_agreement {
                    (named_agreements.len() == 1)
                        .then(|| format!("agreement:{}", named_agreements.iter().next().map_or("", String::as_str)))
                } else if let Some(kind) = ["protocol", "convention"].iter().find(|k| m.name.ends_with(*k)) {
                    // A protocol or convention signed beside a declaration
                    // is a text of its own.
                    Some(format!("agreement:#{kind}"))
                } else {
                    Some(described_agreements.key_for(&m.name))
                }
            }
            // "the bombings" after "the Jolo Cathedral bombings".
            EntityType::Event if m.unnamed => Some(named_events.key_of(text, m)),
            kind => Some(format!("{}:{}", kind.slug(), fold(&m.name))),
        };
        keys.push(key);
    }

    // One entity per key, in order of first mention.
    let mut index_of: BTreeMap<String, usize> = BTreeMap::new();
    let mut entities: Vec<DocEntity> = Vec::new();
    let mut assignment = Vec::with_capacity(mentions.len());
    for (m, key) in mentions.iter().zip(&keys) {
        let Some(key) = key else {
            assignment.push(None);
            continue;
        };
        let idx = *index_of.entry(key.clone()).or_insert_with(|| {
            entities.push(DocEntity {
                kind: m.kind,
                name: String::new(),
                aliases: BTreeSet::new(),
                mentions: Vec::new(),
                links: Links::default(),
                unnamed: m.unnamed,
                adjectival: true,
            });
            entities.len() - 1
        });
        let entity = &mut entities[idx];
        entity.mentions.push(m.span);
        entity.adjectival &= m.adjectival;
        entity.unnamed &= m.unnamed;
        // A party named only by its label ("Democrat") has no other name.
        if (!m.adjectival || m.link.is_none()) && !m.anaphor {
            entity.aliases.insert(one_line(&m.name));
            // "Navy" in "the Soviet Navy": how the text names the body after its state.
            if let Some(surface) = text.get(m.span.range()).filter(|s| m.name.len() > s.len() && m.name.ends_with(*s)) {
                entity.aliases.insert(one_line(surface));
            }
        }
        if let Some(title) = &m.title {
            if m.kind == EntityType::Person {
                // "President Lincoln": the titled form is how the text names him.
                entity.aliases.insert(one_line(&format!("{} {}", title.trim_end_matches(','), m.name)));
            }
        }
        if let Some(link) = m.link {
            let entry = Gazetteer::global().entry(link);
            if !m.adjectival {
                // The form the text uses ("NATO") is a name of the entity too.
                if let Some(surface) =
                    text.get(m.span.range()).filter(|s| s.chars().any(char::is_lowercase) || s.len() <= 8)
                {
                    entity.aliases.insert(one_line(surface));
                }
            }
            entity.links = Links {
                geonames: entry.geonames_id,
                wikidata: entry.wikidata.clone(),
                iso2: if m.kind == EntityType::Country { entry.iso2.clone() } else { None },
            };
            entity.aliases.insert(entry.name.clone());
            entity.name.clone_from(&entry.name);
        }
        assignment.push(Some(idx));
    }
    for entity in &mut entities {
        if entity.name.is_empty() {
            entity.name = preferred_name(entity);
        }
        let name = entity.name.clone();
        entity.aliases.remove(&name);
        // Titled forms that only repeat the name with a title stay aliases;
        // anaphor-only agreements get their mention text as name.
        if entity.name.is_empty() {
            entity.name = "agreement".to_string();
        }
    }
    add_place_with_region(text, mentions, &assignment, &mut entities);
    (entities, assignment)
}

/// "Lubbock, Texas" and "Bethany, Conn." are names of the town too: news
/// writes a small place with its state or country, and other sources (and
/// gold annotations) often name it that way. The form without a final
/// period is kept as well, since a sentence's full stop swallows it.
fn add_place_with_region(text: &str, mentions: &[Mention], assignment: &[Option<usize>], entities: &mut [DocEntity]) {
    let mut order: Vec<usize> = (0..mentions.len()).filter(|&i| assignment[i].is_some()).collect();
    order.sort_by_key(|&i| mentions[i].span);
    for pair in order.windows(2) {
        let (place, region) = (&mentions[pair[0]], &mentions[pair[1]]);
        let (Some(entity), Some(container)) = (assignment[pair[0]], assignment[pair[1]]) else { continue };
        if place.kind != EntityType::Place
            || place.adjectival
            || region.adjectival
            || !region.kind.is_place()
            || entity == container
            || text.get(place.span.end()..region.span.start()) != Some(", ")
        {
            continue;
        }
        // "Paris, Lyon and Nice" is a list, not a town and its region.
        let rest = text.get(region.span.end()..).unwrap_or_default();
        let before = text.get(..place.span.start()).unwrap_or_default().trim_end();
        if rest.starts_with(" and ") || rest.starts_with(", and ") || before.ends_with(",") {
            continue;
        }
        let Some(whole) = text.get(place.span.start()..region.span.end()) else { continue };
        if whole.contains('\n') {
            continue;
        }
        entities[entity].aliases.insert(whole.to_string());
        if let Some(bare) = whole.strip_suffix('.') {
            entities[entity].aliases.insert(bare.to_string());
        }
    }
}

/// The shorter names news gives a body once it has named it in full: the
/// first words of the name, when the words after them only say what kind
/// of body it is or its legal form (`org_heads.txt`,
/// `company_suffixes.txt`): "Continental" for "Continental Airlines",
/// "Abbey National" for "Abbey National Plc", "Boeing" for "Boeing Co".
/// A name opening with a company's opener gives none ("Deutsche" is no
/// short form of "Deutsche Bank"), nor first words holding a lower-case
/// one ("House of Commons" is no short form of "House of Commons
/// Library": it names a body of its own).
#[must_use]
pub fn body_short_forms(name: &str) -> Vec<&str> {
    use crate::extract::lexicon::{COMPANY_OPENERS, COMPANY_SUFFIXES, ORG_HEADS};
    let words: Vec<(usize, &str)> = name
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    if words.len() < 2 || COMPANY_OPENERS.contains(&words[0].1) {
        return Vec::new();
    }
    let kind_word = |w: &str| ORG_HEADS.contains(&w) || COMPANY_SUFFIXES.contains(&w);
    (1..words.len())
        .filter(|&k| words[k..].iter().all(|(_, w)| kind_word(w)))
        .filter(|&k| words[..k].iter().all(|(_, w)| w.starts_with(|c: char| c.is_uppercase())))
        .map(|k| &name[..words[k].0 - 1])
        .collect()
}

/// Whether a short form of a body's name names something else first: a
/// place or a people the gazetteer knows, or a title ("General" of
/// "General Motors").
#[must_use]
pub fn names_otherwise(short: &str) -> bool {
    !Gazetteer::global().lookup(short).is_empty() || short.split(' ').any(crate::extract::lexicon::is_title_word)
}

/// The document's bodies by their short forms (folded): the one full name
/// (folded, without its state) each shortens, or `None` where two bodies
/// share a short form.
fn shortened_bodies(mentions: &[Mention]) -> BTreeMap<String, Option<String>> {
    let mut shortened: BTreeMap<String, Option<String>> = BTreeMap::new();
    for m in mentions.iter().filter(|m| {
        m.kind == EntityType::Organization && m.link.is_none() && !m.adjectival && !m.unnamed && !is_acronym(&m.name)
    }) {
        let full = without_state(&m.name);
        for short in body_short_forms(full) {
            let folded = fold(full);
            shortened
                .entry(fold(short))
                .and_modify(|known| {
                    if known.as_ref() != Some(&folded) {
                        *known = None;
                    }
                })
                .or_insert(Some(folded));
        }
    }
    shortened
}

/// A body's name without the state that opens it, when what is left is a
/// name of two words or more: "U.S. House of Representatives", "United
/// States House of Representatives" and "House of Representatives" are one
/// body in one report.
fn without_state(name: &str) -> &str {
    let gazetteer = Gazetteer::global();
    if let Some((_, rest)) = gazetteer.leading_country(name) {
        return &name[rest..];
    }
    // "Puerto Rico Senate" is the report's "Senate": an institution every
    // state has, after its state.
    match name.rsplit_once(' ') {
        Some((state, institution))
            if crate::extract::lexicon::INSTITUTIONS.contains(&institution)
                && gazetteer.lookup(state).iter().any(|&id| {
                    matches!(
                        gazetteer.entry(id).kind,
                        crate::gazetteer::GazKind::Country | crate::gazetteer::GazKind::Region
                    )
                }) =>
        {
            institution
        }
        _ => name,
    }
}

/// A name the text wrapped over lines ("Jane\nRoe"), on one line.
fn one_line(name: &str) -> String {
    if name.contains(|c: char| c.is_whitespace() && c != ' ') || name.contains("  ") {
        name.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        name.to_string()
    }
}

/// The fullest name: most words, then longest, then alphabetical. An
/// agreement's description with the most words that tell it from another
/// comes first ("the reconciliation declaration", not "the already-signed
/// declaration").
fn preferred_name(entity: &DocEntity) -> String {
    let all_acronyms = entity.aliases.iter().all(|b| is_acronym(b));
    let telling = |a: &str| if entity.kind == EntityType::Agreement { distinguishing_words(a).len() } else { 0 };
    entity
        .aliases
        .iter()
        .filter(|a| entity.kind != EntityType::Person || !a.contains(' ') || !has_title_word(a))
        // "actress Jane Roe": a word in lower case before a person's name
        // is a description the text put before it, not a name ("de Vries"
        // opens with a particle of the name).
        .filter(|a| {
            entity.kind != EntityType::Person
                || !a.starts_with(char::is_lowercase)
                || a.split_whitespace().next().is_none_or(|w| crate::extract::names::NAME_PARTICLES.contains(&w))
        })
        .filter(|a| !(entity.kind == EntityType::Organization && is_acronym(a)) || all_acronyms)
        .map(|a| (telling(a), a))
        .max_by(|(ta, a), (tb, b)| {
            ta.cmp(tb)
                .then(a.split_whitespace().count().cmp(&b.split_whitespace().count()))
                .then(a.len().cmp(&b.len()))
                .then(b.cmp(a))
        })
        .map(|(_, a)| a)
        .or_else(|| entity.aliases.iter().next())
        .cloned()
        .unwrap_or_default()
}

fn has_title_word(name: &str) -> bool {
    name.split_whitespace().next().is_some_and(|w| {
        crate::extract::lexicon::NAME_TITLES.contains(&w)
            || crate::extract::lexicon::is_title_word(w)
            || crate::extract::parties::is_role_word(w)
    })
}

/// Multi-word person names of the document, folded.
fn person_full_names(mentions: &[Mention]) -> Vec<String> {
    let mut names: Vec<String> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::Person && m.name.contains(' '))
        .map(|m| fold(&m.name))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The document's full person names (folded, sorted, distinct), indexed by
/// their last and first words, their paternal surname and their shorter
/// endings: a look-up per mention, not a scan of every name (which was
/// quadratic in a long document).
struct FullNames {
    /// Last word to the full names that end with it, in order.
    by_last: BTreeMap<String, Vec<usize>>,
    /// First word to the full names that start with it, in order.
    by_first: BTreeMap<String, Vec<usize>>,
    /// The word before the last of a name of three words or more, which
    /// stands for the whole name in Spanish and Portuguese usage ("Ricardo
    /// Rosselló Nevares" is "Rosselló").
    by_paternal: BTreeMap<String, Vec<usize>>,
    /// Endings of two words or more of longer names ("Rivera Schatz" of
    /// "Thomas Rivera Schatz").
    by_ending: BTreeMap<String, Vec<usize>>,
    names: Vec<String>,
}

impl FullNames {
    fn new(names: Vec<String>) -> Self {
        let mut by_last: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut by_first: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut by_paternal: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut by_ending: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, name) in names.iter().enumerate() {
            let words: Vec<&str> = name.split(' ').collect();
            by_last.entry(words.last().copied().unwrap_or_default().to_string()).or_default().push(i);
            by_first.entry(words[0].to_string()).or_default().push(i);
            if words.len() >= 3 {
                let paternal = words[words.len() - 2];
                // Not a particle ("van", "de") or an initial ("A.").
                if paternal.len() > 3 && !paternal.ends_with('.') {
                    by_paternal.entry(paternal.to_string()).or_default().push(i);
                }
                for k in 1..words.len() - 1 {
                    by_ending.entry(words[k..].join(" ")).or_default().push(i);
                }
            }
        }
        Self { by_last, by_first, by_paternal, by_ending, names }
    }

    /// How many full names a single word shortens: those that end with it,
    /// or else those it is the paternal surname of.
    fn ending_with(&self, folded: &str) -> usize {
        match self.by_last.get(folded).map_or(0, Vec::len) {
            0 => self.by_paternal.get(folded).map_or(0, Vec::len),
            n => n,
        }
    }
}

/// A person's key: its own folded name, or the one full name that it is the
/// last (or first) word of.
fn person_key(name: &str, full_names: &FullNames) -> String {
    let folded = fold(name);
    if folded.contains(' ') {
        // "Jane Roe" and "Jane A. Roe" stay apart; "Rivera Schatz" is the
        // one "Thomas Rivera Schatz" of the report.
        if let Some([only]) = full_names.by_ending.get(&folded).map(Vec::as_slice) {
            return full_names.names[*only].clone();
        }
        return folded;
    }
    let by_last = full_names.by_last.get(&folded).map_or(&[][..], Vec::as_slice);
    if let [only] = by_last {
        return full_names.names[*only].clone();
    }
    if by_last.is_empty() {
        if let Some([only]) = full_names.by_paternal.get(&folded).map(Vec::as_slice) {
            return full_names.names[*only].clone();
        }
    }
    let by_first = full_names.by_first.get(&folded).map_or(&[][..], Vec::as_slice);
    if let ([], [only]) = (by_last, by_first) {
        return full_names.names[*only].clone();
    }
    folded
}

/// Single capitalised words that shorten a person's full name become
/// person mentions; a word the document names a body by elsewhere (and
/// nothing else: "the state oil company Pertamina ... signed by
/// Pertamina") is that body again, unless a capitalised word stands right
/// before or after it ("Texas Commerce", "Griggs and Santow": a longer
/// name).
fn promote_singles(text: &str, mentions: &mut Vec<Mention>, singles: &[Single]) {
    let full_names = FullNames::new(person_full_names(mentions));
    let mut taken = Occupied::default();
    let mut one_word: BTreeMap<String, Option<EntityType>> = BTreeMap::new();
    for m in mentions.iter() {
        taken.insert(m.span);
        if !m.adjectival && !m.unnamed && !m.name.contains(' ') && m.name.starts_with(char::is_uppercase) {
            let kind = one_word.entry(m.name.clone()).or_insert(Some(m.kind));
            if *kind != Some(m.kind) {
                *kind = None;
            }
        }
    }
    let capitalised = |w: Option<&str>| w.is_some_and(|w| w.starts_with(char::is_uppercase));
    let alone = |span: crate::span::Span, sentence_start: bool| {
        // The last word of the sentence before ("... Brazil. Y is") is no
        // part of a name.
        let before = if sentence_start { None } else { text[..span.start()].split_whitespace().next_back() };
        let mut after = text[span.end()..].split_whitespace();
        let next = after.next().map(|w| w.trim_start_matches(['\'', '’']));
        let next = if matches!(next, Some("and" | "&")) { after.next() } else { next };
        // "Chrysler Chairman X": a post after the body's name is no longer name.
        let post = next.is_some_and(|w| crate::extract::lexicon::is_title_word(w.trim_end_matches([',', '.'])));
        !capitalised(before) && (post || !capitalised(next.filter(|w| !w.is_empty())))
    };
    // "S.A.", "Inc": a company's suffix standing alone names no body.
    let suffix = |w: &str| {
        crate::extract::lexicon::COMPANY_SUFFIXES.contains(&w)
            || crate::extract::lexicon::COMPANY_SUFFIXES.contains(&w.trim_end_matches('.'))
    };
    let body_named_again = |single: &Single, one_word: &BTreeMap<String, Option<EntityType>>| {
        let word = crate::extract::names::strip_possessive(&single.word);
        !single.span.is_empty()
            && !suffix(word)
            && one_word.get(word).copied().flatten() == Some(EntityType::Organization)
            && alone(single.span, single.sentence_start)
    };
    for single in singles {
        if body_named_again(single, &one_word) {
            if !taken.overlaps(single.span) {
                taken.insert(single.span);
                let name = crate::extract::names::strip_possessive(&single.word).to_string();
                let span = crate::span::Span::new(single.span.start(), single.span.start() + name.len());
                let kind = EntityType::Organization;
                mentions.push(Mention::new(span, kind, name, crate::extract::names::NAME, 60, single.sentence));
            }
            continue;
        }
        let last = full_names.ending_with(&fold(&single.word));
        let overlaps = if single.span.is_empty() {
            mentions.iter().any(|m| m.span.overlaps(single.span))
        } else {
            taken.overlaps(single.span)
        };
        if overlaps {
            continue;
        }
        let Some((kind, confidence)) = single_type(single, last) else { continue };
        let name = single.word.clone();
        // "the trade bloc Y ... Y is a pact of": a body its context named
        // is that body again further on.
        if single.hint == SingleHint::Body {
            one_word.entry(crate::extract::names::strip_possessive(&name).to_string()).or_insert(Some(kind));
        }
        taken.insert(single.span);
        mentions.push(Mention::new(single.span, kind, name, crate::extract::names::NAME, confidence, single.sentence));
    }
    mentions.sort_by_key(|m| m.span);
}

/// Agreements the document describes without naming them, in the order
/// they are described, each with the words that tell it from another ("the
/// trade agreement": "trade"; "the agreement on fisheries data":
/// "fisheries", "data"). A description with no such words ("the deal",
/// "the new accord") is the agreement described last; one with such words
/// is the last one sharing a word with it, or the document's one
/// agreement described so far only in general words, or a new one. So
/// "a nuclear deal ... a trade pact ... the deal" is two agreements, the
/// second told last.
#[derive(Default)]
struct DescribedAgreements {
    seen: Vec<Described>,
}

/// A described agreement met so far: its telling words, when it was made
/// (a year in its description; "new" or "previous"), and its key.
struct Described {
    words: BTreeSet<String>,
    time: AgreementTime,
    /// The sides its description names ("the deal with Peru": "peru"; "the
    /// Sino-U.S. accord": "sino", "u.s.").
    sides: BTreeSet<String>,
    /// "contracts", "the pacts": several agreements, never one of them.
    plural: bool,
    key: String,
}

/// Whether a description's head noun is plural ("signed contracts with
/// Iraq", "similar pacts").
fn described_plural(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words
        .get(head_index(&words))
        .is_some_and(|w| w.ends_with('s') && !w.ends_with("ss") && w.chars().all(char::is_lowercase))
}

/// Whether a word opens an agreement description's post-modifier.
fn is_post_preposition(word: &str) -> bool {
    matches!(word, "of" | "on" | "for" | "with" | "between" | "among" | "to")
}

/// The index of a description's head noun: the last word before its
/// post-modifier ("agreement" of "the agreement on fisheries data").
fn head_index<W: AsRef<str>>(words: &[W]) -> usize {
    words
        .iter()
        .position(|w| is_post_preposition(w.as_ref()))
        .map_or(words.len().saturating_sub(1), |p| p.saturating_sub(1))
}

/// The sides a description names: the folded words after "with" ("the
/// deal with Peru"), and the parts of a capitalised hyphenated word ("the
/// Sino-U.S. accord").
fn described_sides(name: &str) -> BTreeSet<String> {
    let (before, with) = match name.split_once(" with ") {
        Some((before, side)) => (before, Some(fold(side.strip_prefix("the ").unwrap_or(side)))),
        None => (name, None),
    };
    before
        .split_whitespace()
        .filter(|w| w.contains('-') && w.starts_with(char::is_uppercase))
        .flat_map(|w| w.split('-').filter(|p| p.starts_with(char::is_uppercase)).map(fold))
        .chain(with)
        .collect()
}

/// When a description places its agreement: a year ("the 1994 pact"), and
/// whether it is the new one or an earlier one of its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct AgreementTime {
    year: Option<u16>,
    era: Option<Era>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Era {
    New,
    Old,
    /// "similar pacts", "another deal": not one described before.
    Other,
}

impl AgreementTime {
    fn of(name: &str) -> Self {
        let mut time = AgreementTime::default();
        for word in name.split_whitespace() {
            let word = word.to_lowercase();
            if word.len() == 4 {
                time.year = time.year.or_else(|| word.parse().ok().filter(|y| (1800..2200).contains(y)));
            }
            time.era = time.era.or_else(|| match AGREEMENT_ERAS.get(word.as_str()).copied() {
                Some("new") => Some(Era::New),
                Some("old") => Some(Era::Old),
                Some("other") => Some(Era::Other),
                _ => None,
            });
        }
        time
    }

    /// Whether two descriptions may be one agreement: not two years, not a
    /// new one and an earlier one, not a new one and a dated one ("a new
    /// textile agreement" is not "the previous 1994 textile pact").
    fn compatible(self, other: Self) -> bool {
        let years_differ = matches!((self.year, other.year), (Some(a), Some(b)) if a != b);
        let eras_differ = matches!((self.era, other.era), (Some(a), Some(b)) if a != b);
        let new_and_dated =
            self.era == Some(Era::New) && other.year.is_some() || other.era == Some(Era::New) && self.year.is_some();
        !(years_differ || eras_differ || new_and_dated)
    }
}

impl DescribedAgreements {
    fn key_for(&mut self, name: &str) -> String {
        let content = distinguishing_words(name);
        let time = AgreementTime::of(name);
        // Of the compatible descriptions met before, the latest that was made
        // at the same time ("the four-year accord" is the undated new one,
        // not the 1994 pact named since), else the latest.
        // Compatible with every description that took that key: "the 1994
        // accord" joins no group that holds "a new agreement".
        let sides = described_sides(name);
        let seen = &self.seen;
        // "the deal with Chile" is not "the deal with Peru", nor the
        // "Sino-U.S. deal".
        let same_side = |e: &Described| e.sides.is_empty() || sides.is_empty() || !e.sides.is_disjoint(&sides);
        let plural = described_plural(name);
        let compatible = |d: &&Described| {
            seen.iter()
                .filter(|e| e.key == d.key)
                .all(|e| e.time.compatible(time) && same_side(e) && e.plural == plural)
        };
        let same_time =
            |d: &&Described| d.time.year == time.year && (time.year.is_some() || d.time.era != Some(Era::Old));
        let pick = |candidates: Vec<&Described>| {
            candidates.iter().copied().find(same_time).or_else(|| candidates.first().copied()).map(|d| d.key.clone())
        };
        let key = if time.era == Some(Era::Other) {
            format!("agreement:#other {}", self.seen.len())
        } else if content.is_empty() {
            pick(self.seen.iter().rev().filter(compatible).collect()).unwrap_or_else(|| "agreement:#main".to_string())
        } else if let Some(key) =
            pick(self.seen.iter().rev().filter(|d| !d.words.is_disjoint(&content)).filter(compatible).collect())
        {
            key
        } else if !self.seen.is_empty()
            && self.seen.iter().all(|d| d.words.is_empty())
            && self.seen.first().is_some_and(|d| compatible(&d))
        {
            // Descriptions in general words only all took the first one's key.
            self.seen[0].key.clone()
        } else {
            let year = time.year.map_or_else(String::new, |y| format!("{y} "));
            format!("agreement:#{year}{}", content.iter().cloned().collect::<Vec<_>>().join(" "))
        };
        self.seen.push(Described { words: content, time, sides, plural, key: key.clone() });
        key
    }
}

/// Words that place an agreement in time against another of its kind.
static AGREEMENT_ERAS: LazyLock<std::collections::HashMap<&'static str, &'static str>> =
    LazyLock::new(|| crate::text::wordlist::tsv_rows(include_str!("../../data/lexicon/agreement_eras.tsv")).collect());

/// The folded words of an agreement's description that tell it from
/// another: not its head noun, the words of `agreement_modifiers.txt`,
/// articles or prepositions, nor a lower-case adjective or participle that
/// only qualifies it ("the already-signed declaration", "a sensitive
/// accord", "a three-month deal"). Nouns, numbers, capitalised words and
/// adjectives of a domain ("nuclear", "commercial") tell; the words are
/// tagged as a phrase of their own, since a description is short.
pub(crate) fn distinguishing_words(name: &str) -> BTreeSet<String> {
    let written: Vec<&str> = name.split_whitespace().collect();
    let folded: Vec<String> = written.iter().map(|w| fold(w)).collect();
    // The head is the agreement noun: the last word before a post-modifier.
    let head = head_index(&folded);
    let mut phrase = Vec::with_capacity(written.len() + 1);
    phrase.push("the");
    phrase.extend_from_slice(&written);
    let tags = crate::text::pos::PosTagger::global().tag(&phrase);
    folded
        .iter()
        .map(String::as_str)
        .enumerate()
        .filter(|&(i, w)| {
            i != head
                && !is_post_preposition(w)
                && !matches!(w, "a" | "an" | "the")
                && !AGREEMENT_MODIFIERS.contains(&w)
                && !crate::extract::lexicon::FUNCTION_WORDS.contains(&w)
                && !crate::extract::lexicon::NAME_CONNECTORS.contains(&w)
                && !crate::extract::lexicon::is_agreement_noun(w)
                && !only_qualifies(written[i], tags[i + 1].0.as_str())
        })
        .map(|(_, w)| w.to_string())
        .collect()
}

/// Whether a written modifier with part-of-speech tag `tag` only
/// qualifies an agreement: a lower-case adjective, participle or adverb
/// that is not of a domain's kind ("nuclear", "military", "economic",
/// "commercial" keep their place; "oil-for-food" is a noun phrase).
fn only_qualifies(word: &str, tag: &str) -> bool {
    if word.chars().any(char::is_uppercase) {
        return false;
    }
    if let Some((first, last)) = word.split_once('-') {
        // "already-signed", "long-awaited", "three-month", "10-year"
        // qualify; "water-sharing", "oil-for-food" name a domain.
        return !last.contains('-')
            && (last.ends_with("ed") || first.parse::<u32>().is_ok() || NUMBER_WORDS.contains(&first));
    }
    let of_a_domain = ["al", "ic", "ar", "ary", "ian"].iter().any(|suffix| word.ends_with(suffix));
    matches!(tag, "JJ" | "JJR" | "JJS" | "VBN" | "VBD" | "VBG" | "RB") && !of_a_domain
}

/// Cardinal number words ("three-month").
static NUMBER_WORDS: crate::text::wordlist::WordList =
    crate::text::wordlist::WordList::new(include_str!("../../data/lexicon/grammar/number_words.txt"));

/// Modifiers that describe an agreement without telling it from another.
pub(crate) static AGREEMENT_MODIFIERS: crate::text::wordlist::WordList =
    crate::text::wordlist::WordList::new(include_str!("../../data/lexicon/agreement_modifiers.txt"));

/// The document's named events by their head noun (singular): an event
/// told by a description ("the bombings") is the one named event of its
/// head, where there is exactly one.
struct NamedEvents(BTreeMap<String, BTreeSet<String>>);

impl NamedEvents {
    fn new(text: &str, mentions: &[Mention]) -> Self {
        let mut by_head: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for m in mentions.iter().filter(|m| m.kind == EntityType::Event && !m.unnamed) {
            by_head.entry(head_noun(text, m)).or_default().insert(fold(&m.name));
        }
        Self(by_head)
    }

    fn key_of(&self, text: &str, described: &Mention) -> String {
        match self.0.get(&head_noun(text, described)).map(|names| names.iter().collect::<Vec<_>>()).as_deref() {
            Some([only]) => format!("event:{only}"),
            _ => format!("event:#{}", fold(&described.name)),
        }
    }
}

/// The last word of a mention's span, folded and singular ("bombings" →
/// "bombing").
fn head_noun(text: &str, m: &Mention) -> String {
    let last = text.get(m.span.range()).and_then(|s| s.split_whitespace().last()).unwrap_or_default();
    crate::extract::nominals::singular(&fold(last))
}

/// A name typed a person by its shape or context alone ("Anacomp said",
/// "Floating Point") that is the first word or words of an organisation's
/// name in the same document ("Anacomp Inc", "Floating Point Systems
/// Inc") is that organisation's short form: news shortens a company's name
/// after its first mention, as it does a person's. A title or an
/// apposition ("Jane Roe, a lawyer") keeps a person a person.
/// A single word the name tagger typed as a body that is the surname of a
/// person the document names in full ("«Jane Roe» ... Roe's chief of
/// staff"): that person, unless the word is also a word of a body's name
/// in the document ("Ford" beside "Ford Motor", "Bull" beside "Honeywell
/// Bull"), a gazetteer entry or an acronym.
fn retype_surnames_of_people(mentions: &mut [Mention]) {
    let surnames: BTreeSet<String> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::Person && m.name.contains(' '))
        .filter_map(|m| m.name.rsplit(' ').next().map(fold))
        .collect();
    if surnames.is_empty() {
        return;
    }
    let body_words: BTreeSet<String> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::Organization && m.name.contains(' '))
        .flat_map(|m| m.name.split(' ').map(fold))
        .collect();
    for m in mentions.iter_mut() {
        let tagged_body = m.kind == EntityType::Organization
            && m.link.is_none()
            && !m.adjectival
            && !m.unnamed
            && !m.name.contains(' ')
            && !is_acronym(&m.name)
            && m.title.is_none();
        if tagged_body && surnames.contains(&fold(&m.name)) && !body_words.contains(&fold(&m.name)) {
            m.kind = EntityType::Person;
        }
    }
}

/// The gazetteer country or body a mention is linked to: what settles its
/// name's kind ("a country is a country").
fn decisive_link(m: &Mention) -> Option<crate::gazetteer::EntryId> {
    let id = m.link?;
    let kind = Gazetteer::global().entry(id).kind;
    matches!(kind, crate::gazetteer::GazKind::Country | crate::gazetteer::GazKind::Organization).then_some(id)
}

/// One name, one kind in a document, where the evidence settles it:
/// - a name the gazetteer links to a country or a body is that in all its
///   mentions ("the Soviet Union" read as a body, "Hong Kong" as a town,
///   beside the gazetteer's country);
/// - a single reading as a place with no gazetteer entry behind it, the
///   weakest guess the finders make ("the key to Conrail's outlook",
///   "in Pertamina's favour"), yields to the one other kind the name is
///   read as elsewhere in the document: a body, or a person named with a
///   title or in full.
///
/// A town placed in its region ("Ashland, Ky.") stays a town beside a body
/// of its name. A person and a body of one name are left as they are (shape and
/// context mislead both ways: "De Beers", "Dart"), and a person's single
/// word that is the surname of a person named in full stays a person
/// ("Washington said" beside the city).
fn one_kind_per_name(text: &str, mentions: &mut [Mention]) {
    let named = |m: &Mention| {
        !m.adjectival
            && !m.unnamed
            && !m.anaphor
            && matches!(m.kind, EntityType::Person | EntityType::Organization | EntityType::Country | EntityType::Place)
    };
    // Names compared in lower case, without allocating: most documents
    // read every name as one kind, and pay only for this sort.
    let lower = |i: usize| mentions[i].name.chars().flat_map(char::to_lowercase);
    let mut order: Vec<usize> = (0..mentions.len()).filter(|&i| named(&mentions[i])).collect();
    order.sort_by(|&a, &b| lower(a).cmp(lower(b)).then(a.cmp(&b)));
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in order {
        match groups.last_mut() {
            Some(group) if lower(group[0]).eq(lower(i)) => group.push(i),
            _ => groups.push(vec![i]),
        }
    }
    groups.retain(|g| g.iter().any(|&i| mentions[i].kind != mentions[g[0]].kind));
    if groups.is_empty() {
        return;
    }
    // Family names come last or, in Chinese and Korean names, first.
    let surnames: BTreeSet<String> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::Person && m.name.contains(' '))
        .flat_map(|m| [m.name.split(' ').next(), m.name.rsplit(' ').next()].into_iter().flatten().map(fold))
        .collect();
    for indices in groups {
        let name = fold(&mentions[indices[0]].name);
        let decisive: BTreeSet<(EntityType, crate::gazetteer::EntryId)> =
            indices.iter().filter_map(|&i| decisive_link(&mentions[i]).map(|id| (mentions[i].kind, id))).collect();
        let (kind, link) = match decisive.iter().collect::<Vec<_>>()[..] {
            [&(kind, id)] => (kind, Some(id)),
            [] => {
                let guessed_place = |m: &Mention| m.kind == EntityType::Place && m.link.is_none();
                let others: BTreeSet<EntityType> =
                    indices.iter().map(|&i| &mentions[i]).filter(|m| !guessed_place(m)).map(|m| m.kind).collect();
                // "Ashland, Ky.": a town placed in its region is a town
                // beside a body of its name.
                let placed = |m: &Mention| {
                    text.get(m.span.end()..).is_some_and(|rest| rest.starts_with(", "))
                        && mentions.iter().any(|r| r.kind.is_place() && r.span.start() == m.span.end() + 2)
                };
                if indices.iter().any(|&i| guessed_place(&mentions[i]) && placed(&mentions[i])) {
                    continue;
                }
                let titled =
                    indices.iter().any(|&i| mentions[i].kind == EntityType::Person && mentions[i].title.is_some());
                match others.iter().collect::<Vec<_>>()[..] {
                    [&EntityType::Organization] => (EntityType::Organization, None),
                    // A person's reading outweighs a guessed place only
                    // with a title or a full name behind it ("President
                    // Jiang", "Zhao" after "Zhao Ziyang"): companies are
                    // read as people more often than places are.
                    [&EntityType::Person] if titled || surnames.contains(&name) => (EntityType::Person, None),
                    _ => continue,
                }
            }
            _ => continue,
        };
        for &i in &indices {
            let m = &mut mentions[i];
            let surname = m.kind == EntityType::Person && surnames.contains(&name);
            let yields = link.is_some() || m.kind == EntityType::Place && m.link.is_none();
            if m.kind != kind && yields && !surname {
                m.kind = kind;
                m.link = link.or(m.link);
            }
        }
    }
}

fn retype_short_forms_of_bodies(mentions: &mut [Mention]) {
    let mut short_forms: BTreeSet<String> = BTreeSet::new();
    for m in mentions.iter().filter(|m| m.kind == EntityType::Organization && !m.adjectival && !m.unnamed) {
        let words: Vec<&str> = m.name.split_whitespace().collect();
        for k in 1..words.len() {
            short_forms.insert(fold(&words[..k].join(" ")));
        }
    }
    if short_forms.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        let by_shape = m.kind == EntityType::Person
            && m.title.is_none()
            && m.confidence <= 80
            && matches!(m.extractor, crate::extract::names::NAME | crate::extract::tagged::NAME);
        if by_shape && short_forms.contains(&fold(&m.name)) {
            m.kind = EntityType::Organization;
        }
    }
}

/// The document's one named agreement, when a description ("the treaty")
/// ends with the same head noun as its name and tells nothing else.
fn same_head_as_only_named<'a>(description: &str, only: Option<&'a String>) -> Option<&'a String> {
    let only = only?;
    let described = description.split_once(" with ").map_or(description, |(before, _)| before);
    let head = fold(described.rsplit(' ').next().unwrap_or(described));
    // "a supply agreement" is not "the Paris Agreement": the description's
    // telling words must be the name's.
    let telling = distinguishing_words(description).iter().all(|w| only.split(' ').any(|o| o == w));
    (only.rsplit(' ').next() == Some(head.as_str()) && telling).then_some(only)
}

/// The type of a single capitalised word no list holds, if any.
///
/// A surname of a full name in the document is that person's. Otherwise
/// the words around it decide: a speech verb, ", who" or a killing verb
/// make a person ("Walesa said", "Derwinski, who served"), a preposition or
/// word of place a place ("near Lowman", "suburban Larchmont"). With no such
/// context a word stays untyped: taking every unknown capitalised word for
/// a surname typed as many companies and towns wrongly as people rightly
/// on CoNLL04. A town too small to be looked for in running text that is
/// also a common surname ("Clinton") is a person.
fn single_type(single: &Single, full_names_ending: usize) -> Option<(EntityType, u8)> {
    if full_names_ending == 1 {
        return Some((EntityType::Person, 80));
    }
    if full_names_ending > 1 {
        return None;
    }
    // "Tyco said": a speech verb fits a company as well as a person; the
    // name tagger, reading the word and its context, tells them apart.
    if let Some((kind, p)) = single.tagged {
        if single.hint == SingleHint::Person && kind != EntityType::Person && p >= 0.9 {
            return Some((kind, (p * 70.0).round() as u8));
        }
    }
    let word = crate::extract::names::strip_possessive(&single.word);
    // "Twelve states signed": a number opening a sentence names nothing.
    if NUMBER_WORDS.contains(&word.to_lowercase().as_str()) {
        return None;
    }
    // "of the OECF", "the NLD's": an acronym after an article that the
    // tagger reads as a body's is one (the shapes below would take its
    // capitals for a label's; without the article, "Algerian LNG" is gas).
    if single.after_article && single.hint != SingleHint::Place && is_acronym(word) {
        if let Some((EntityType::Organization, p)) = single.tagged.filter(|&(_, p)| p >= 0.9) {
            return Some((EntityType::Organization, (p * 70.0).round() as u8));
        }
    }
    let known_place = Gazetteer::global().lookup(word).iter().any(|&id| {
        matches!(
            Gazetteer::global().entry(id).kind,
            crate::gazetteer::GazKind::City | crate::gazetteer::GazKind::Region
        )
    });
    // "Balkan", "Ecuadoran", "Euro-Atlantic", "PhD": adjectives and labels, not surnames.
    let adjective_shape = crate::extract::lexicon::has_adjective_ending(word) && single.hint == SingleHint::None
        || word.contains('-')
        || word.chars().skip(1).any(char::is_uppercase);
    // "in English", "in Swahili": languages and peoples after a preposition.
    let language_shape =
        ["ish", "ese", "ian", "ean", "ic"].iter().any(|end| word.ends_with(end) && word.len() > end.len() + 2);
    if adjective_shape || single.hint == SingleHint::Place && language_shape {
        return None;
    }
    let english = crate::gazetteer::is_common_word(word);
    // "the Beatles", "the Mormon church", "the Sahara": no person's name
    // takes an article.
    if single.after_article && !matches!(single.hint, SingleHint::Place | SingleHint::TitledThe) {
        return None;
    }
    // "Eyewitnesses said", "Analysts said": a plural common noun opening a
    // sentence is capitalised because it comes first ("Jones said" is a
    // surname).
    if single.sentence_start && english && word.ends_with('s') && !crate::gazetteer::is_common_surname(word) {
        return None;
    }
    // "Currently, China's markets", "Finally, ...": an adverb opening the
    // sentence.
    if single.sentence_start && english && word.ends_with("ly") && !crate::gazetteer::is_common_surname(word) {
        return None;
    }
    match single.hint {
        SingleHint::Place if !english || known_place => Some((EntityType::Place, 55)),
        // "the trade bloc Y": a word no dictionary holds, after a noun of
        // what a body is.
        SingleHint::Body if !english && !known_place => Some((EntityType::Organization, 60)),
        // "according to The Guardian": a capital "The" inside a sentence
        // opens a title's name, even of a common word.
        SingleHint::TitledThe if !known_place => Some((EntityType::Organization, 55)),
        SingleHint::Person if !known_place || !single.sentence_start => Some((EntityType::Person, 60)),
        // "Clinton" is a town too small to be looked for in running text,
        // and a common surname.
        SingleHint::None if known_place && crate::gazetteer::is_common_surname(word) && !single.sentence_start => {
            Some((EntityType::Person, 50))
        }
        // With no words around it to say so, the name tagger's reading of
        // the word and its context decides.
        // A one-word person takes more than the tagger's word: a name list
        // must know it too (its other one-word people in business news
        // were mostly companies: "Kmart", "Inco").
        SingleHint::None => single
            .tagged
            .filter(|(kind, _)| {
                *kind != EntityType::Person
                    || crate::gazetteer::is_common_surname(word)
                    || crate::gazetteer::is_first_name(word)
            })
            .map(|(kind, p)| (kind, (p * 70.0).round() as u8)),
        _ => None,
    }
}

/// What an acronym stands for: the kind, name and gazetteer link of the
/// name it abbreviates.
#[derive(Clone)]
struct AcronymDefinition {
    kind: EntityType,
    name: String,
    link: Option<crate::gazetteer::EntryId>,
}

/// Acronyms defined in parentheses right after a name ("... Maritime
/// Studies (LIMS)"), or made of a name's initials, mapped to that name. An
/// acronym the gazetteer knows is mapped only where the document defines
/// it in parentheses (and at its later occurrences).
fn acronym_definitions(text: &str, mentions: &[Mention]) -> BTreeMap<usize, AcronymDefinition> {
    let mut out = BTreeMap::new();
    // Treaties and events have acronyms too: "the Comprehensive Test Ban
    // Treaty (CTBT)".
    let orgs: Vec<(usize, &Mention)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            matches!(m.kind, EntityType::Organization | EntityType::Agreement | EntityType::Event)
                && !m.unnamed
                && !is_acronym(&m.name)
        })
        .collect();
    // Initials to the mentions they are made of (an index, not a scan of
    // every name per acronym).
    let mut by_initials: BTreeMap<String, Vec<&Mention>> = BTreeMap::new();
    for (_, o) in &orgs {
        by_initials.entry(initials(&o.name)).or_default().push(o);
    }
    let definition = |full: &Mention| AcronymDefinition { kind: full.kind, name: full.name.clone(), link: full.link };
    let mut defined: BTreeMap<String, AcronymDefinition> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind != EntityType::Organization || !is_acronym(&m.name) {
            continue;
        }
        let before = text[..m.span.start()].trim_end();
        if before.ends_with('(') {
            let gap_end = before.len() - 1;
            // Mentions are sorted and disjoint: those ending before the
            // parenthesis are a prefix, and only the last of them can be
            // separated from it by white space alone.
            let ended = orgs.partition_point(|(_, o)| o.span.end() <= gap_end);
            if let Some((_, full)) = orgs[..ended].last().filter(|(_, o)| text[o.span.end()..gap_end].trim().is_empty())
            {
                // Both known and known as one: nothing to map.
                if m.link.is_none() || full.link != m.link {
                    defined.insert(m.name.clone(), definition(full));
                    out.insert(i, definition(full));
                }
                continue;
            }
        }
        if let Some(full) = defined.get(&m.name) {
            out.insert(i, full.clone());
            continue;
        }
        if m.link.is_some() {
            continue;
        }
        if let Some([full]) = by_initials.get(&m.name).map(Vec::as_slice) {
            out.insert(i, definition(full));
        }
    }
    out
}

/// Initials of the capitalised words of a name ("Bank for International
/// Settlements" → "BIS").
fn initials(name: &str) -> String {
    name.split_whitespace().filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn mention(at: usize, kind: EntityType, name: &str, extractor: &'static str, confidence: u8) -> Mention {
        Mention::new(Span::new(at, at + name.len()), kind, name.to_string(), extractor, confidence, 0)
    }

    fn kinds(mentions: &[Mention]) -> Vec<EntityType> {
        mentions.iter().map(|m| m.kind).collect()
    }

    #[test]
    fn a_name_wrapped_over_lines_is_named_on_one_line() {
        let text = "Kansas Congressman Jane\nRoe urged the board to act.";
        let start = text.find("Jane").unwrap_or(0);
        let mut mentions =
            vec![Mention::new(Span::new(start, start + 8), EntityType::Person, "Jane\nRoe".into(), "x", 80, 0)];
        let (entities, _) = resolve(text, &mut mentions, &[]);
        assert_eq!(entities.len(), 1);
        assert!(entities[0].aliases.iter().all(|a| !a.contains('\n')), "{:?}", entities[0].aliases);
        assert_eq!(entities[0].name, "Jane Roe");
    }

    #[test]
    fn a_body_s_short_forms_drop_only_words_of_its_kind() {
        assert_eq!(body_short_forms("Keltor Systems Inc"), ["Keltor", "Keltor Systems"]);
        assert_eq!(body_short_forms("Abbey Vale Plc"), ["Abbey Vale"]);
        assert!(body_short_forms("Keltor").is_empty());
        assert!(body_short_forms("Deutsche Keltor Bank").is_empty());
        assert!(body_short_forms("House of Keltor Library").is_empty());
        assert!(body_short_forms("Keltor Point Systems").iter().all(|s| *s != "Keltor"));
    }

    #[test]
    fn a_short_form_joins_the_one_body_it_shortens() {
        let text = "Keltor Airlines said so. Keltor agreed, and Varna Group and Varna Bank did too; Varna said no.";
        let at = |needle: &str, nth: usize| text.match_indices(needle).nth(nth).map_or(0, |(i, _)| i);
        let mut mentions = vec![
            mention(at("Keltor Airlines", 0), EntityType::Organization, "Keltor Airlines", "names", 80),
            mention(at("Keltor", 1), EntityType::Organization, "Keltor", "names", 70),
            mention(at("Varna Group", 0), EntityType::Organization, "Varna Group", "names", 80),
            mention(at("Varna Bank", 0), EntityType::Organization, "Varna Bank", "names", 80),
            mention(at("Varna said", 0), EntityType::Organization, "Varna", "names", 70),
        ];
        let (entities, assignment) = resolve(text, &mut mentions, &[]);
        assert_eq!(assignment[0], assignment[1]);
        assert_eq!(entities[assignment[0].unwrap_or(0)].name, "Keltor Airlines");
        // Two bodies share the short form: it joins neither.
        assert_ne!(assignment[4], assignment[2]);
        assert_ne!(assignment[4], assignment[3]);
    }

    #[test]
    fn a_guessed_place_takes_the_one_other_kind_of_its_name() {
        let text = "Keltor chairman Jane Roe said the key to Keltor's outlook was cost. Dalby, Iowa, and Dalby \
                    Group agreed. Varna Osk spoke; Osk left; Osk said so.";
        let at = |needle: &str, nth: usize| text.match_indices(needle).nth(nth).map_or(0, |(i, _)| i);
        let mut mentions = vec![
            mention(at("Keltor", 0), EntityType::Organization, "Keltor", "names", 60),
            mention(at("Keltor", 1), EntityType::Place, "Keltor", "names", 70),
            mention(at("Dalby", 0), EntityType::Place, "Dalby", "names", 70),
            mention(at("Iowa", 0), EntityType::Place, "Iowa", "names", 80),
            mention(at("Dalby", 1), EntityType::Organization, "Dalby", "names", 60),
            mention(at("Varna Osk", 0), EntityType::Person, "Varna Osk", "names", 80),
            mention(at("Osk left", 0), EntityType::Place, "Osk", "names", 55),
            mention(at("Osk said", 0), EntityType::Person, "Osk", "names", 60),
        ];
        one_kind_per_name(text, &mut mentions);
        assert_eq!(
            kinds(&mentions),
            [
                EntityType::Organization,
                // "the key to Keltor's outlook": a guessed place, and the
                // name is a body's elsewhere.
                EntityType::Organization,
                // "Dalby, Iowa" is a town placed in its state, beside a body of its name.
                EntityType::Place,
                EntityType::Place,
                EntityType::Organization,
                EntityType::Person,
                // A family name of a person named in full.
                EntityType::Person,
                EntityType::Person,
            ]
        );
    }

    #[test]
    fn a_body_and_a_person_of_one_name_are_left_alone() {
        let mut mentions = vec![
            mention(0, EntityType::Person, "Keltor", "names", 80),
            mention(20, EntityType::Organization, "Keltor", "names", 60),
            mention(40, EntityType::Place, "Keltor", "names", 55),
        ];
        one_kind_per_name("", &mut mentions);
        assert_eq!(kinds(&mentions), [EntityType::Person, EntityType::Organization, EntityType::Place]);
    }

    #[test]
    fn a_body_s_short_form_is_no_person() {
        let mut mentions = vec![
            mention(0, EntityType::Organization, "Keltor Systems Inc", "names", 80),
            mention(40, EntityType::Person, "Keltor", "names", 60),
            mention(60, EntityType::Person, "Keltor Systems", "tagger", 70),
            // A title or an apposition keeps a person a person.
            mention(90, EntityType::Person, "Keltor", "names", 85),
            mention(120, EntityType::Person, "Jane Roe", "names", 60),
        ];
        retype_short_forms_of_bodies(&mut mentions);
        assert_eq!(
            kinds(&mentions),
            [
                EntityType::Organization,
                EntityType::Organization,
                EntityType::Organization,
                EntityType::Person,
                EntityType::Person
            ]
        );
    }
}
