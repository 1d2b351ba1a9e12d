//! Entity resolution across documents, and IRI minting.
//!
//! Each document's entities are joined into corpus entities:
//! - same type and same folded name (or a shared organisation alias, such as
//!   an acronym defined in one document and used in another); a party with
//!   an acronym joins through the acronym alone ("Social Democrats (SPD)"
//!   and "Social Democrats (CSSD)" are two parties);
//! - a person named only by one word joins the one full name in the corpus
//!   that ends with it, and only when there is exactly one;
//! - a party's name that many states' parties bear ("Liberal Party") joins
//!   by the state its document places it in ("Colombia's Liberal Party"),
//!   and is labelled with it ("Colombian Liberal Party"); a document that
//!   places it in no state joins the corpus's one such party, where there
//!   is one and the document names that state;
//! - agreements described without a name ("the declaration") join when they
//!   share a signing place or at least two signatory countries.
//!
//! A described agreement is labelled the way news names one: after where it
//! was signed ("Minsk agreement"), else after its two parties ("Total-Iraq
//! contract"), else by its longest description.
//!
//! Two entities of different types never join. IRIs are minted from the
//! type and the chosen label, so they are stable across runs; where two
//! corpus entities would get the same IRI, the later (in key order) gets a
//! numbered suffix.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::unionfind::UnionFind;
use serde::Serialize;

use crate::extract::lexicon::AGREEMENT_NOUNS;
use crate::extract::model::{DocExtraction, EntityType, Links, Object, Relation};
use crate::gazetteer::Gazetteer;
use crate::text::date::{PartialDate, XsdDate};
use crate::text::normalize::{fold, slug};
use crate::vocab::RESOURCE;

/// One entity of the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CorpusEntity {
    /// Its IRI.
    pub iri: String,
    /// Type.
    pub kind: EntityType,
    /// The label.
    pub label: String,
    /// Other names.
    pub aliases: BTreeSet<String>,
    /// External links.
    pub links: Links,
    /// Documents that mention it.
    pub documents: BTreeSet<String>,
}

/// A merge of names made across documents, for the merge report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Merge {
    /// The corpus entity's IRI.
    pub iri: String,
    /// Names that were joined.
    pub names: BTreeSet<String>,
    /// Why.
    pub evidence: BTreeSet<String>,
}

/// The outcome of resolution.
#[derive(Debug, Default)]
pub struct Resolution {
    /// Corpus entities, sorted by IRI.
    pub entities: Vec<CorpusEntity>,
    /// For each document (in input order), each local entity's index into `entities`.
    pub mapping: Vec<Vec<usize>>,
    /// For each document, each fact's resolved date object (`signedOn`), if any.
    pub dates: Vec<Vec<Option<XsdDate>>>,
    /// Joins made across documents.
    pub merges: Vec<Merge>,
}

impl Resolution {
    /// The corpus entity of a document's local entity.
    #[must_use]
    pub fn entity(&self, doc: usize, local: usize) -> &CorpusEntity {
        &self.entities[self.mapping[doc][local]]
    }
}

/// Resolves the entities of all documents of a run.
#[must_use]
pub fn resolve(docs: &[DocExtraction]) -> Resolution {
    // Every (document, entity) pair is a node; keys join nodes.
    let mut nodes: Vec<(usize, usize)> = Vec::new();
    let mut node_of: Vec<Vec<usize>> = Vec::with_capacity(docs.len());
    for (d, doc) in docs.iter().enumerate() {
        node_of.push(
            (0..doc.entities.len())
                .map(|e| {
                    nodes.push((d, e));
                    nodes.len() - 1
                })
                .collect(),
        );
    }
    let mut union: UnionFind<usize> = UnionFind::new(nodes.len());
    let mut why: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    let mut first_with_key: BTreeMap<String, usize> = BTreeMap::new();
    let mut join =
        |union: &mut UnionFind<usize>, key: String, node: usize, why: &mut BTreeMap<usize, BTreeSet<String>>| {
            match first_with_key.get(&key) {
                Some(&other) => {
                    if union.union(other, node) {
                        why.entry(node).or_default().insert(key);
                    }
                }
                None => {
                    first_with_key.insert(key, node);
                }
            }
        };

    // 1. Names and organisation aliases.
    let full_names = person_full_names(docs);
    let party_states = party_states(docs);
    for (d, doc) in docs.iter().enumerate() {
        for (e, entity) in doc.entities.iter().enumerate() {
            let node = node_of[d][e];
            if entity.unnamed {
                continue;
            }
            let kind = entity.kind.slug();
            let name = name_key(entity.kind, &entity.name);
            if entity.kind == EntityType::Person && !name.contains(' ') {
                let matching: Vec<&String> =
                    full_names.iter().filter(|f| f.rsplit(' ').next() == Some(name.as_str())).collect();
                if let [full] = matching.as_slice() {
                    join(&mut union, format!("person:{full}"), node, &mut why);
                    continue;
                }
            }
            // "the Social Democrats (SPD)" and "the Social Democrats (CSSD)"
            // are two states' parties: a party's name that many states'
            // parties share joins through the acronym the document gives it.
            let by_acronym = entity.kind == EntityType::Organization
                && crate::extract::lexicon::is_party_name(&entity.name)
                && entity.aliases.iter().any(|a| crate::extract::lexicon::is_plain_acronym(a));
            // "Liberal Party" names parties of many states: where the document
            // places it in one ("Colombia's Liberal Party"), it joins that
            // state's only.
            // A document that names no state joins the corpus's one state
            // party of that name, where there is exactly one.
            // ... and only where the document names that state too: a US
            // report's "Democratic Party" is not Hong Kong's.
            let only_state = || {
                party_states
                    .get(&name)
                    .filter(|s| s.len() == 1)
                    .and_then(|s| s.first().cloned())
                    .filter(|state| names_state(doc, state))
            };
            let state = generic_party(&entity.name).then(|| party_state(doc, e).or_else(only_state)).flatten();
            match state {
                _ if by_acronym => {}
                Some(state) => join(&mut union, format!("{kind}:{name}@{state}"), node, &mut why),
                None => join(&mut union, format!("{kind}:{name}"), node, &mut why),
            }
            if entity.kind == EntityType::Organization {
                // "Navy" short for "Soviet Navy" names other navies too.
                let short_form = |alias: &str| entity.name.len() > alias.len() && entity.name.ends_with(alias);
                for alias in entity.aliases.iter().filter(|a| !short_form(a)) {
                    join(&mut union, format!("{kind}:{}", name_key(entity.kind, alias)), node, &mut why);
                }
            }
        }
    }

    // 2. Described agreements, by where they were signed and by whom.
    for (d, doc) in docs.iter().enumerate() {
        for (e, entity) in doc.entities.iter().enumerate() {
            if !(entity.unnamed && entity.kind == EntityType::Agreement) {
                continue;
            }
            let node = node_of[d][e];
            // "the proposed Brexit deal" and "a Brexit deal": described by
            // the same proper name, and nothing else that tells them apart.
            let words = crate::extract::coref::distinguishing_words(&entity.name);
            let proper = entity.name.split(' ').any(|w| w.starts_with(char::is_uppercase));
            if proper && !words.is_empty() {
                let words: Vec<&str> = words.iter().map(String::as_str).collect();
                join(&mut union, format!("agreement-described:{}", words.join(" ")), node, &mut why);
            }
            let (places, parties) = agreement_features(doc, e);
            for place in places {
                join(&mut union, format!("agreement-signed-in:{place}"), node, &mut why);
            }
            // By any two of its parties, for an agreement of two or three:
            // a document may miss one of them. Not for a longer list: pairs
            // of a six-state accord chain every two-state pact of its
            // members together across a corpus.
            let parties: Vec<String> = parties.into_iter().collect();
            if parties.len() <= 3 {
                for (i, a) in parties.iter().enumerate() {
                    for b in &parties[i + 1..] {
                        join(&mut union, format!("agreement-signed-by:{a}+{b}"), node, &mut why);
                    }
                }
            }
        }
    }

    // 3. Corpus entities, one per set of joined nodes.
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for node in 0..nodes.len() {
        groups.entry(union.find(node)).or_default().push(node);
    }
    let mut drafts: Vec<(String, CorpusEntity, Vec<usize>, BTreeSet<String>)> = Vec::new();
    for members in groups.into_values() {
        let entities: Vec<(&DocExtraction, &crate::extract::model::DocEntity)> =
            members.iter().map(|&n| (&docs[nodes[n].0], &docs[nodes[n].0].entities[nodes[n].1])).collect();
        let kind = entities[0].1.kind;
        let label = choose_label(kind, &entities);
        let mut aliases: BTreeSet<String> = BTreeSet::new();
        let mut links = Links::default();
        let mut documents = BTreeSet::new();
        for (doc, entity) in &entities {
            aliases.insert(entity.name.clone());
            aliases.extend(entity.aliases.iter().cloned());
            if links.is_empty() {
                links = entity.links.clone();
            }
            documents.insert(doc.id.clone());
        }
        aliases.remove(&label);
        if kind == EntityType::Agreement && !entities.iter().any(|(_, e)| e.name == label) {
            // Named after its parties: a bare noun ("agreement", "contract")
            // is no name of it (in a graph of many documents it names every
            // agreement).
            aliases.retain(|a| a.contains(' ') || a.starts_with(char::is_uppercase));
        }
        let evidence: BTreeSet<String> = members.iter().filter_map(|n| why.get(n)).flatten().cloned().collect();
        let unnamed_key = if entities.iter().all(|(_, e)| e.unnamed) && evidence.is_empty() {
            // A described agreement nothing joins: one per document.
            format!("#{}", documents.iter().next().cloned().unwrap_or_default())
        } else {
            String::new()
        };
        let sort_key = format!("{}:{}{}", kind.slug(), fold(&label), unnamed_key);
        let entity = CorpusEntity { iri: String::new(), kind, label, aliases, links, documents };
        drafts.push((sort_key, entity, members, evidence));
    }
    drafts.sort_by(|a, b| a.0.cmp(&b.0));

    // 4. IRIs, unique and stable.
    let mut taken: BTreeMap<String, usize> = BTreeMap::new();
    for (key, entity, _, _) in &mut drafts {
        let mut base = format!("{RESOURCE}{}/{}", entity.kind.slug(), slug(&entity.label));
        if let Some(doc_part) = key.split_once('#').map(|(_, d)| d) {
            base = format!("{base}-{}", &crate::extract::content_hash(doc_part)[7..15]);
        }
        let count = taken.entry(base.clone()).or_insert(0);
        *count += 1;
        entity.iri = if *count == 1 { base } else { format!("{base}-{count}") };
    }
    drafts.sort_by(|a, b| a.1.iri.cmp(&b.1.iri));

    let mut mapping: Vec<Vec<usize>> = docs.iter().map(|d| vec![0; d.entities.len()]).collect();
    let mut merges = Vec::new();
    let mut entities = Vec::with_capacity(drafts.len());
    for (index, (_, entity, members, evidence)) in drafts.into_iter().enumerate() {
        for &n in &members {
            let (d, e) = nodes[n];
            mapping[d][e] = index;
        }
        if entity.documents.len() > 1 || members.len() > 1 {
            let names: BTreeSet<String> =
                members.iter().map(|&n| docs[nodes[n].0].entities[nodes[n].1].name.clone()).collect();
            if names.len() > 1 || !evidence.is_empty() {
                merges.push(Merge { iri: entity.iri.clone(), names, evidence });
            }
        }
        entities.push(entity);
    }

    let dates = resolve_dates(docs, &mapping);
    Resolution { entities, mapping, dates, merges }
}

/// The key two names of one type must share to be one entity: the folded
/// name, with an agreement's plural head made singular ("Brussels
/// Agreements") and a ministry's added portfolio dropped ("Ministry of
/// Foreign Affairs and Diaspora").
fn name_key(kind: EntityType, name: &str) -> String {
    let folded = fold(name).replace(['’', '\''], "").replace("'s ", " ");
    match kind {
        EntityType::Agreement => folded
            .strip_suffix('s')
            .filter(|s| s.ends_with("agreement") || s.ends_with("accord"))
            .map_or(folded.clone(), str::to_string),
        EntityType::Organization if folded.contains("ministry of ") => {
            folded.split(" and ").next().unwrap_or(&folded).to_string()
        }
        // "U.S. House of Representatives" and "United States House of
        // Representatives": one state, however it is written.
        EntityType::Organization => {
            let gazetteer = Gazetteer::global();
            match gazetteer.leading_country(name) {
                Some((country, rest)) => format!("{}:{}", country.0, name_key(kind, &name[rest..])),
                None => folded,
            }
        }
        _ => folded,
    }
}

/// Multi-word person names of the corpus, folded.
fn person_full_names(docs: &[DocExtraction]) -> Vec<String> {
    let mut names: Vec<String> = docs
        .iter()
        .flat_map(|d| d.entities.iter())
        .filter(|e| e.kind == EntityType::Person)
        .map(|e| fold(&e.name))
        .filter(|n| n.contains(' '))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Where a described agreement was signed, and the countries that signed
/// it (a capital standing for its government counts as its country).
fn agreement_features(doc: &DocExtraction, agreement: usize) -> (BTreeSet<String>, BTreeSet<String>) {
    let gazetteer = Gazetteer::global();
    let mut places = BTreeSet::new();
    let mut parties = BTreeSet::new();
    for fact in &doc.facts {
        if fact.subject != agreement || fact.modality != crate::extract::model::Modality::Asserted {
            continue;
        }
        let Object::Entity(o) = fact.object else { continue };
        let object = &doc.entities[o];
        match fact.relation {
            Relation::SignedIn => {
                places.insert(fold(&object.name));
            }
            Relation::Signatory => {
                let country = match object.kind {
                    EntityType::Country => object.links.iso2.clone().or_else(|| Some(fold(&object.name))),
                    EntityType::Place => {
                        gazetteer.lookup(&object.name).iter().find_map(|&id| gazetteer.entry(id).capital_of.clone())
                    }
                    _ => None,
                };
                if let Some(country) = country {
                    parties.insert(country);
                }
            }
            _ => {}
        }
    }
    (places, parties)
}

/// The label of a corpus entity.
fn choose_label(kind: EntityType, entities: &[(&DocExtraction, &crate::extract::model::DocEntity)]) -> String {
    let all_unnamed = entities.iter().all(|(_, e)| e.unnamed);
    if kind == EntityType::Agreement && all_unnamed {
        // A described agreement is called after where it was signed, the way
        // news names them ("the Minsk agreement"), when that is known.
        let head = most_common(
            entities
                .iter()
                .flat_map(|(_, e)| std::iter::once(&e.name).chain(&e.aliases))
                .filter_map(|n| AGREEMENT_NOUNS.words().iter().copied().find(|h| n.to_lowercase().ends_with(h))),
        );
        let place = most_common(entities.iter().flat_map(|(doc, e)| {
            let index = index_in(doc, e);
            doc.facts.iter().filter(move |f| Some(f.subject) == index && f.relation == Relation::SignedIn).filter_map(
                |f| match f.object {
                    Object::Entity(o) => Some(doc.entities[o].name.as_str()),
                    Object::Date(_) => None,
                },
            )
        }));
        let parties = signing_parties(entities);
        return match (place, head) {
            (Some(place), Some(head)) => format!("{place} {head}"),
            // "the Total-Iraq contract": no place, two parties, and a
            // description that names nothing. (One party alone is often half
            // of what the text says: "X and his Czech counterpart signed";
            // naming after one company was measured and lost as much.)
            (None, _) if parties.len() == 2 => {
                let names = entities.iter().map(|(_, e)| e.name.as_str());
                let described = longest(names.filter(|n| head.is_none_or(|h| n.to_lowercase().contains(h))))
                    .unwrap_or(entities[0].1.name.as_str());
                if described.split(' ').any(|w| w.starts_with(char::is_uppercase)) {
                    described.to_string()
                } else {
                    format!("{}-{} {}", parties[0], parties[1], without_plain_modifiers(described))
                }
            }
            (None, Some(head)) => {
                longest(entities.iter().map(|(_, e)| e.name.as_str()).filter(|n| n.to_lowercase().ends_with(head)))
                    .unwrap_or(head)
                    .to_string()
            }
            _ => entities[0].1.name.clone(),
        };
    }
    if entities.iter().any(|(_, e)| !e.links.is_empty()) {
        if let Some((_, linked)) = entities.iter().find(|(_, e)| !e.links.is_empty()) {
            return linked.name.clone();
        }
    }
    if kind == EntityType::Organization {
        if let Some(label) = party_of_state_label(entities) {
            return label;
        }
    }
    let names = entities.iter().map(|(_, e)| e.name.as_str());
    if kind == EntityType::Person {
        return longest(names).unwrap_or_default().to_string();
    }
    // The name most documents use; ties to the longer, then alphabetical.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for name in names {
        *counts.entry(name).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(a.0.len().cmp(&b.0.len())).then(b.0.cmp(a.0)))
        .map(|(n, _)| n.to_string())
        .unwrap_or_default()
}

/// The index of `entity` among its document's entities.
fn index_in(doc: &DocExtraction, entity: &crate::extract::model::DocEntity) -> Option<usize> {
    doc.entities.iter().position(|x| std::ptr::eq(x, entity))
}

/// The countries and bodies that signed a described agreement, by their
/// short names, in the order the first document names them; persons
/// (who sign for them) are left out.
fn signing_parties(entities: &[(&DocExtraction, &crate::extract::model::DocEntity)]) -> Vec<String> {
    let Some((doc, agreement)) = entities.first() else { return Vec::new() };
    let Some(index) = index_in(doc, agreement) else { return Vec::new() };
    let mut parties: Vec<usize> = doc
        .facts
        .iter()
        .filter(|f| f.subject == index && f.relation == Relation::Signatory)
        .filter_map(|f| match f.object {
            Object::Entity(o) => Some(o),
            Object::Date(_) => None,
        })
        .filter(|&o| matches!(doc.entities[o].kind, EntityType::Country | EntityType::Organization))
        .collect();
    parties.sort_unstable();
    parties.dedup();
    parties.into_iter().map(|o| short_name(&doc.entities[o])).collect()
}

/// The short name news uses for a party in an agreement's name: an
/// acronym or a leading part of its name the document uses ("OECF", "US",
/// "Elf" for "Elf Aquitaine"), else the name without a company suffix
/// ("Mitsubishi" for "Mitsubishi Corp").
fn short_name(entity: &crate::extract::model::DocEntity) -> String {
    let mut words: Vec<&str> = entity.name.split(' ').collect();
    while words.len() > 1 && words.last().is_some_and(|w| crate::extract::lexicon::COMPANY_SUFFIXES.contains(w)) {
        words.pop();
    }
    let mut best = words.join(" ");
    for alias in &entity.aliases {
        let leading = entity.name.starts_with(alias.as_str()) && entity.name[alias.len()..].starts_with(' ');
        if alias.len() >= 2 && alias.len() < best.len() && (crate::extract::lexicon::is_plain_acronym(alias) || leading)
        {
            best.clone_from(alias);
        }
    }
    best
}

/// A description without the modifiers that tell no agreement from
/// another ("new textile agreement": "textile agreement").
fn without_plain_modifiers(described: &str) -> &str {
    let mut rest = described;
    while let Some((first, tail)) = rest.split_once(' ') {
        if !crate::extract::coref::AGREEMENT_MODIFIERS.contains(&fold(first).as_str()) {
            break;
        }
        rest = tail;
    }
    rest
}

/// For each generic party name (folded), the states the corpus places
/// parties of that name in.
fn party_states(docs: &[DocExtraction]) -> BTreeMap<String, BTreeSet<String>> {
    let mut states: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for doc in docs {
        for (e, entity) in doc.entities.iter().enumerate() {
            if entity.kind == EntityType::Organization && !entity.unnamed && generic_party(&entity.name) {
                if let Some(state) = party_state(doc, e) {
                    states.entry(name_key(entity.kind, &entity.name)).or_default().insert(state);
                }
            }
        }
    }
    states
}

/// A party's name that many states' parties bear and that names no state
/// itself: "Liberal Party", "Social Democrats" (not "Colombian Liberal
/// Party", "Scottish National Party"; a town called Liberal does not count).
fn generic_party(name: &str) -> bool {
    let gazetteer = Gazetteer::global();
    crate::extract::lexicon::is_party_name(name)
        && name.split(' ').count() <= 4
        && name.split(' ').all(|w| {
            gazetteer.lookup(w).iter().all(|&id| {
                !matches!(
                    gazetteer.entry(id).kind,
                    crate::gazetteer::GazKind::Country
                        | crate::gazetteer::GazKind::Demonym
                        | crate::gazetteer::GazKind::Region
                )
            })
        })
}

/// The state (ISO alpha-2) the document places entity `e` in: a `basedIn`
/// fact whose object is a country.
fn party_state(doc: &DocExtraction, e: usize) -> Option<String> {
    doc.facts.iter().filter(|f| f.subject == e && f.relation == Relation::BasedIn).find_map(|f| match f.object {
        Object::Entity(o) if doc.entities[o].kind == EntityType::Country => country_code(&doc.entities[o]),
        _ => None,
    })
}

/// Whether the document names the state with ISO alpha-2 code `state`.
fn names_state(doc: &DocExtraction, state: &str) -> bool {
    doc.entities.iter().any(|e| e.kind == EntityType::Country && country_code(e).as_deref() == Some(state))
}

/// A country entity's ISO alpha-2 code, from its link or the gazetteer.
fn country_code(country: &crate::extract::model::DocEntity) -> Option<String> {
    country.links.iso2.clone().or_else(|| {
        let gazetteer = Gazetteer::global();
        gazetteer.lookup(&country.name).iter().find_map(|&id| {
            let entry = gazetteer.entry(id);
            (entry.kind == crate::gazetteer::GazKind::Country).then(|| entry.iso2.clone()).flatten()
        })
    })
}

/// "Colombian Liberal Party": the label of a party whose name many states'
/// parties bear, where its documents place it in one state, so that the
/// graph of many documents tells it from the others.
fn party_of_state_label(entities: &[(&DocExtraction, &crate::extract::model::DocEntity)]) -> Option<String> {
    let mut states = BTreeSet::new();
    for (doc, entity) in entities {
        if !generic_party(&entity.name) {
            return None;
        }
        let index = index_in(doc, entity)?;
        states.extend(party_state(doc, index));
    }
    let states: Vec<String> = states.into_iter().collect();
    let [state] = states.as_slice() else { return None };
    let gazetteer = Gazetteer::global();
    let qualifier = gazetteer
        .demonym_of(state)
        .or_else(|| gazetteer.country_by_iso2(state).map(|id| gazetteer.entry(id).name.as_str()))?;
    let name = most_common(entities.iter().map(|(_, e)| e.name.as_str()))?;
    Some(format!("{qualifier} {name}"))
}

fn most_common<'a>(items: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for item in items {
        *counts.entry(item).or_default() += 1;
    }
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0))).map(|(k, _)| k)
}

fn longest<'a>(names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    names.max_by(|a, b| {
        a.split_whitespace().count().cmp(&b.split_whitespace().count()).then(a.len().cmp(&b.len())).then(b.cmp(a))
    })
}

/// Dates of `signedOn` facts: the year, where the text gives none, comes
/// from the document's date, else from the other documents about the same
/// agreement.
fn resolve_dates(docs: &[DocExtraction], mapping: &[Vec<usize>]) -> Vec<Vec<Option<XsdDate>>> {
    // For each corpus entity: the years of the dated documents that mention
    // it, and the latest years mentioned by the undated ones.
    let mut dated: BTreeMap<usize, BTreeSet<i32>> = BTreeMap::new();
    let mut mentioned: BTreeMap<usize, BTreeSet<i32>> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        let (target, year) = match (doc.metadata.date.and_then(|date| date.year), doc.anchor_year) {
            (Some(year), _) => (&mut dated, year),
            (None, Some(year)) => (&mut mentioned, year),
            (None, None) => continue,
        };
        for &entity in &mapping[d] {
            target.entry(entity).or_default().insert(year);
        }
    }
    docs.iter()
        .enumerate()
        .map(|(d, doc)| {
            let own =
                doc.metadata.date.or(doc.anchor_year.map(|y| PartialDate { year: Some(y), month: None, day: None }));
            doc.facts
                .iter()
                .map(|fact| match fact.object {
                    Object::Date(date) => {
                        // A date without a year in an undated text takes the
                        // latest year of the dated reports on the same thing:
                        // news is written after the event.
                        let entity = mapping[d][fact.subject];
                        let anchor = own.or_else(|| {
                            let year =
                                dated.get(&entity).or_else(|| mentioned.get(&entity))?.iter().next_back().copied();
                            Some(PartialDate { year, month: None, day: None })
                        });
                        date.resolve(anchor)
                    }
                    Object::Entity(_) => None,
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::extract::extract_document;

    fn agreement_labels(texts: &[&str]) -> Vec<(String, BTreeSet<String>)> {
        let docs: Vec<DocExtraction> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| extract_document(&Document::from_text(format!("doc{i}"), *t)))
            .collect();
        resolve(&docs)
            .entities
            .into_iter()
            .filter(|e| e.kind == EntityType::Agreement)
            .map(|e| (e.label, e.aliases))
            .collect()
    }

    #[test]
    fn a_described_agreement_is_named_after_its_two_parties() {
        let labels = agreement_labels(&[
            "Korvel Mining Corp and Peru signed a contract on Monday.",
            "Norway and Denmark signed an agreement on Tuesday.",
        ]);
        let names: Vec<&str> = labels.iter().map(|(l, _)| l.as_str()).collect();
        assert!(names.contains(&"Korvel Mining-Peru contract"), "{labels:?}");
        assert!(names.contains(&"Norway-Denmark agreement"), "{labels:?}");
        // The bare noun is no name of either.
        assert!(labels.iter().all(|(_, aliases)| !aliases.contains("contract") && !aliases.contains("agreement")));
    }

    #[test]
    fn parties_of_one_name_stay_apart_where_their_states_differ() {
        let docs: Vec<DocExtraction> = [
            "Colombia's Liberal Party won the vote, said Ana Ruiz.",
            "Canada's Liberal Party lost the vote, said Tom Blake.",
            "The Liberal Party met on Monday in Bogota, said Luis Vega.",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| extract_document(&Document::from_text(format!("doc{i}"), *t)))
        .collect();
        let labels: BTreeSet<String> = resolve(&docs)
            .entities
            .into_iter()
            .filter(|e| e.kind == EntityType::Organization)
            .map(|e| e.label)
            .collect();
        assert!(labels.contains("Colombian Liberal Party"), "{labels:?}");
        assert!(labels.contains("Canadian Liberal Party"), "{labels:?}");
        // Two states bear the name: a document that names none joins neither.
        assert!(labels.contains("Liberal Party"), "{labels:?}");
    }

    #[test]
    fn a_party_joins_the_one_state_party_only_where_its_document_names_that_state() {
        let docs: Vec<DocExtraction> = [
            "Colombia's Liberal Party won the vote, said Ana Ruiz.",
            "Liberal Party leader Tom Blake spoke in Ottawa on behalf of Canada on Monday.",
            "The Liberal Party met on Monday in Colombia, said Luis Vega.",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| extract_document(&Document::from_text(format!("doc{i}"), *t)))
        .collect();
        let resolution = resolve(&docs);
        let party_of = |d: usize| {
            let e = docs[d].entities.iter().position(|e| e.name == "Liberal Party").expect("a Liberal Party");
            resolution.entity(d, e).label.clone()
        };
        assert_eq!(party_of(0), "Colombian Liberal Party");
        assert_eq!(party_of(2), "Colombian Liberal Party");
        assert_eq!(party_of(1), "Liberal Party");
    }

    #[test]
    fn a_long_list_of_parties_joins_no_two_state_pacts() {
        let labels = agreement_labels(&[
            "Norway and Denmark signed a fisheries agreement on Monday.",
            "Norway, Denmark, Sweden and Finland signed an agreement on Tuesday.",
            "Sweden and Finland signed a customs agreement on Friday.",
        ]);
        // Three agreements, not one chained through the four-state one.
        assert_eq!(labels.len(), 3, "{labels:?}");
    }

    #[test]
    fn one_party_or_a_place_keeps_the_older_names() {
        let labels = agreement_labels(&[
            "Foreign Minister Jan Novak and his Czech counterpart signed a protocol on Monday.",
            "Norway and Denmark signed a declaration in Oslo on Tuesday.",
        ]);
        let names: Vec<&str> = labels.iter().map(|(l, _)| l.as_str()).collect();
        assert!(names.contains(&"protocol"), "{labels:?}");
        assert!(names.contains(&"Oslo declaration"), "{labels:?}");
    }
}
