//! Extraction: one document in, its entities, facts and statements out.
//!
//! The stages, in order:
//! 1. mention finders: [`known`] (gazetteer), [`names`] (capitalised
//!    phrases), [`nominals`] (described agreements), [`tagged`] (the name
//!    tagger of the text layer), [`parties`] (parties named by their
//!    adjective);
//! 2. [`coref`]: mentions to document entities; [`descriptions`]: "the
//!    commission" to the commission named before;
//! 3. relation extractors, one per file, run on each sentence's
//!    [`view::SentenceView`] and listed in [`REGISTRY`];
//! 4. [`pairs`], the learned scorer, on each sentence's candidate pairs of
//!    names after the patterns, with what they found as features.
//!
//! Each document is extracted on its own: the work is pure and parallel.
//! Entities are joined across documents later, by `resolve`.

pub mod coref;
pub mod descriptions;
pub mod known;
pub mod lexicon;
pub mod mention;
pub mod modality;
pub mod model;
pub mod names;
pub mod nominals;
pub mod parties;
pub mod tagged;
pub mod view;

pub mod geography;
pub mod killing;
pub mod membership;
pub mod pairs;
pub mod residence;
pub mod roles;
pub mod signing;
pub mod stance;
pub mod statements;
pub mod structure;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use sha2::{Digest, Sha256};

use crate::document::Document;
use crate::extract::mention::{remove_overlaps, Mention, Occupied};
use crate::extract::model::{
    DocExtraction, EntityType, Evidence, Fact, Modality, Object, Relation, SentenceRecord, Statement,
};
use crate::extract::view::SentenceView;
use crate::span::Span;
use crate::text::layer::TextLayer;
use crate::text::sentence::{segment, BlockKind};

/// A relation extractor: reads one sentence view, adds facts or statements.
pub trait RelationExtractor: Sync {
    /// Its name, recorded in evidence.
    fn name(&self) -> &'static str;
    /// Extracts from one sentence.
    fn extract(&self, view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings);
}

/// Every relation extractor, in the order they run.
pub static REGISTRY: &[&dyn RelationExtractor] = &[
    &roles::Roles,
    &membership::Membership,
    &geography::Geography,
    &signing::Signing,
    &stance::Stance,
    &killing::Killing,
    &residence::Residence,
    &statements::Statements,
];

/// What extractors may know about the document beyond the sentence.
#[derive(Debug)]
pub struct DocContext<'a> {
    /// The document text.
    pub text: &'a str,
    /// Its entities.
    pub entities: &'a [model::DocEntity],
    /// The last person named before this sentence, for "he said".
    pub last_person: Option<usize>,
    /// The sentence's clauses and the mentions they hold (`None` for a
    /// sentence the text layer did not analyse).
    pub structure: Option<&'a structure::Structure<'a>>,
    /// The two parties named last together, for "the two countries".
    pub two_sides: TwoSides,
}

/// The last two states, and the last two bodies, that a sentence of the
/// document named together and alone of their kind ("Romania and Hungary
/// ended a dispute."), up to the sentence read: what "the two countries" or
/// "both companies" stand for there. A sentence that names three or more
/// of a kind, or one alone, leaves that kind unknown.
#[derive(Debug, Clone, Copy, Default)]
pub struct TwoSides {
    /// Two states.
    pub states: Option<[usize; 2]>,
    /// Two organisations.
    pub bodies: Option<[usize; 2]>,
}

impl TwoSides {
    /// Takes the sentence's entities (`in_sentence`, in text order) as the
    /// last pair of each kind it names exactly two of.
    fn update(
        &mut self,
        in_sentence: &[(Span, usize)],
        entities: &[model::DocEntity],
        adjectival: &dyn Fn(Span) -> bool,
    ) {
        // The distinct entities of a kind, in text order; a state's
        // adjective ("the new Romanian premier") brings in no new party.
        let distinct = |kind: EntityType, with_adjectives: bool| {
            let mut found: Vec<usize> = Vec::new();
            for &(span, e) in in_sentence {
                if entities[e].kind == kind && (with_adjectives || !adjectival(span)) && !found.contains(&e) {
                    found.push(e);
                }
            }
            found
        };
        // Three or more named together leave "the two" unclear, and so
        // does one named alone ("X began talks with a union, and both
        // sides ...": the other side may be one no finder named).
        let next = |pair: Option<[usize; 2]>, kind: EntityType| match (
            distinct(kind, true).as_slice(),
            distinct(kind, false).as_slice(),
        ) {
            (&[a, b], _) => Some([a, b]),
            (_, []) => pair,
            _ => None,
        };
        self.states = next(self.states, EntityType::Country);
        self.bodies = next(self.bodies, EntityType::Organization);
    }

    /// What a unit like "the two countries" or "both companies" stands
    /// for: two bodies for words of firms, two states or else two bodies
    /// for "sides" or "parties", two states for the rest.
    #[must_use]
    pub fn of_noun(&self, noun: &str) -> Option<[usize; 2]> {
        match noun {
            "companies" | "firms" | "banks" | "groups" => self.bodies,
            "sides" | "parties" | "delegations" => self.states.or(self.bodies),
            _ => self.states,
        }
    }
}

/// A document's mentions with the entities coreference resolved them to:
/// what the document-level passes (posts from titles, places in event
/// names) read after the sentence extractors.
#[derive(Debug, Clone, Copy)]
pub struct DocMentions<'a> {
    /// The document text.
    pub text: &'a str,
    /// Every mention, in text order.
    pub mentions: &'a [mention::Mention],
    /// The entity of each mention (`None` for one coreference dropped).
    pub assignment: &'a [Option<usize>],
    /// The entities.
    pub entities: &'a [model::DocEntity],
}

impl DocContext<'_> {
    /// The type of entity `e`.
    #[must_use]
    pub fn kind(&self, e: usize) -> EntityType {
        self.entities[e].kind
    }

    /// The state a capital stands for when it acts ("Beijing lashed out
    /// at ...", "a pact between Washington and Canberra"): the document's
    /// country whose capital the place `e` is, where the document names
    /// that country.
    #[must_use]
    pub fn government_of_capital(&self, e: usize) -> Option<usize> {
        let entity = &self.entities[e];
        if entity.kind != EntityType::Place {
            return None;
        }
        let gazetteer = crate::gazetteer::Gazetteer::global();
        let state = gazetteer.lookup(&entity.name).iter().find_map(|&id| gazetteer.entry(id).capital_of.clone())?;
        self.entities
            .iter()
            .position(|c| c.kind == EntityType::Country && c.links.iso2.as_deref() == Some(state.as_str()))
    }
}

/// What extractors produce for a document.
#[derive(Debug, Default)]
pub struct Findings {
    /// Facts.
    pub facts: Vec<Fact>,
    /// Statements.
    pub statements: Vec<Statement>,
}

/// One relation found by a pattern, before modality and evidence.
#[derive(Debug, Clone)]
pub struct Found<'t> {
    /// Subject entity.
    pub subject: usize,
    /// Relation.
    pub relation: Relation,
    /// Object.
    pub object: Object,
    /// Range in the view that supports it.
    pub range: Range<usize>,
    /// Extractor name.
    pub extractor: &'static str,
    /// Confidence in hundredths.
    pub confidence: u8,
    /// Position title as written, for role facts.
    pub title: Option<&'t str>,
}

impl Found<'static> {
    /// A fact found by `extractor`, with no post title.
    #[must_use]
    pub fn new(
        subject: usize,
        relation: Relation,
        object: Object,
        range: Range<usize>,
        extractor: &'static str,
        confidence: u8,
    ) -> Self {
        Found { subject, relation, object, range, extractor, confidence, title: None }
    }
}

impl Findings {
    /// Records a fact found in `view`, reading its modality from the clause.
    pub fn add(&mut self, view: &SentenceView, found: Found<'_>) {
        if let Object::Entity(o) = found.object {
            if o == found.subject {
                return;
            }
        }
        // Two patterns reading the same words into the same fact give one
        // fact, and so do two rules of one extractor reading one sentence.
        let span = view.doc_span(found.range.clone());
        if self.facts.iter().rev().take_while(|f| f.evidence.sentence == view.index).any(|f| {
            f.subject == found.subject
                && f.relation == found.relation
                && f.object == found.object
                && (f.evidence.span == span || f.evidence.extractor == found.extractor)
        }) {
            return;
        }
        // A post, and what a title phrase says besides ("Czech Prime
        // Minister X" lives in Czechia), is read from the phrase itself.
        let modality = if found.relation == Relation::MemberOf
            && modality::party_label_before_post(&view.text[found.range.clone()])
        {
            // "Former Conservative prime minister X": the post is over, the
            // party is still X's.
            match modality::classify_post(&view.text, found.range.clone()) {
                Modality::Former => Modality::Asserted,
                modality => modality,
            }
        } else if found.relation.is_post() {
            modality::classify_post(&view.text, found.range.clone())
        } else if found.extractor == roles::NAME {
            // A former president of Peru is Peruvian still.
            match modality::classify_post(&view.text, found.range.clone()) {
                Modality::Former => Modality::Asserted,
                modality => modality,
            }
        } else if found.extractor == geography::NAME
            && matches!(found.relation, Relation::LocatedIn | Relation::CapitalOf)
            && view.text.get(found.range.clone()).is_some_and(|m| m.starts_with("«L") || m.starts_with("«C"))
        {
            // "Protests were not reported in Mosul, in northern Iraq": where
            // a place lies is told by its own phrase, not by the clause.
            modality::classify_phrase(&view.text, found.range.clone())
        } else if found.relation == Relation::Opposes {
            modality::classify_opposition(&view.text, found.range.clone())
        } else {
            modality::classify(&view.text, found.range.clone())
        };
        self.facts.push(Fact {
            subject: found.subject,
            relation: found.relation,
            object: found.object,
            modality,
            title: found.title.map(str::to_string),
            evidence: Evidence {
                sentence: view.index,
                span: view.doc_span(found.range),
                extractor: found.extractor.to_string(),
                confidence: found.confidence,
            },
        });
    }
}

/// `sha256:<hex>` of a text.
#[must_use]
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for byte in digest {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

/// Extracts everything from one document.
#[must_use]
pub fn extract_document(doc: &Document) -> DocExtraction {
    extract_traced(doc, &mut |_, _| {})
}

/// Extracts everything from one document, showing each sentence view and
/// its clauses (when the sentence has two mentions or dates to relate) to
/// `trace` before the relation extractors read it (for `kgforge explain`).
pub fn extract_traced(
    doc: &Document,
    trace: &mut dyn FnMut(&SentenceView, Option<&structure::Structure<'_>>),
) -> DocExtraction {
    extract_with(doc, trace, &mut pairs::PairMode::shipped())
}

/// Extracts everything from one document with the pair step in `pairs`
/// (the shipped scorer, another model, or collecting candidates for
/// training).
pub fn extract_with(
    doc: &Document,
    trace: &mut dyn FnMut(&SentenceView, Option<&structure::Structure<'_>>),
    pairs: &mut pairs::PairMode<'_>,
) -> DocExtraction {
    let text = doc.text.as_str();
    let sentences = segment(text);
    // 0. The text layer: tokens, tags, phrases, names and dates, once per sentence.
    let mut layer = TextLayer::analyse(text, &sentences);
    // "On Sunday" is a date against the article's own.
    if let Some(anchor) = doc.metadata.date.filter(|d| d.day.is_some()) {
        layer.resolve_weekdays(text, anchor);
    }
    // A text without a date is dated by the latest year it mentions.
    let doc_year = doc.metadata.date.and_then(|d| d.year).or_else(|| layer.latest_year());

    // 1. Mentions.
    let mut mentions: Vec<Mention> = Vec::new();
    let mut singles = Vec::new();
    for sentence in &sentences {
        if sentence.block == BlockKind::Furniture {
            continue;
        }
        let mut found = Vec::new();
        known::find(text, sentence.span, sentence.index, &mut found);
        if let Some(analysis) = layer.sentence(sentence.index).filter(|_| sentence.block == BlockKind::Body) {
            known::yield_to_person_names(text, analysis, &mut found);
            let taken = found.clone();
            // `found` holds the gazetteer mentions too: name finding reads them.
            names::find(text, sentence.span, analysis, sentence.index, &taken, &mut found, &mut singles);
            names::find_role_objects(text, analysis, sentence.index, &mut found);
            names::find_ampersand_firms(text, analysis, sentence.index, &mut found);
            names::find_suffixed_firms(text, analysis, sentence.index, &mut found);
            names::find_bodies_of_states(text, analysis, sentence.index, &mut found);
            nominals::find(text, sentence.span, analysis, sentence.index, doc_year, &mut found);
            nominals::find_described_events(text, analysis, sentence.index, &mut found);
            nominals::find_anaphors(text, sentence.span, sentence.index, &mut found);
            let known = found.clone();
            nominals::find_events(text, sentence.span, sentence.index, &known, &mut found);
            tagged::find(text, analysis, sentence.index, &mut found, &mut singles);
            parties::find(text, analysis, sentence.index, &mut found, &mut singles);
        }
        names::join_place_prefixes(text, sentence.index, &mut found, &mut singles);
        // "NZ$40 million", "HK$": a currency's sign, not a name.
        found.retain(|m| !m.name.ends_with('$'));
        remove_overlaps(&mut found);
        keep_whole_characters(text, &mut found);
        names::distribute_plural_titles(text, &mut found);
        names::retype_companies(text, &mut found);
        mentions.extend(found);
    }

    names::drop_titled_words(&layer, &mut mentions);
    propagate_names(text, &sentences, &mut mentions);
    let read: Vec<&crate::text::layer::SentenceLayer> = sentences
        .iter()
        .filter(|s| matches!(s.block, BlockKind::Title | BlockKind::Body))
        .filter_map(|s| layer.sentence(s.index))
        .collect();
    nominals::name_bare_events(text, &read, &mut mentions);

    // 2. Entities.
    let (mut entities, mut assignment) = coref::resolve(text, &mut mentions, &singles);
    // "the commission" after "the Avalon Trade Commission".
    descriptions::resolve(text, &sentences, &layer, &mut mentions, &mut assignment, &mut entities);

    // 3. Relations, sentence by sentence.
    let mut findings = Findings::default();
    let mut by_sentence: BTreeMap<usize, Vec<(Span, usize)>> = BTreeMap::new();
    let mut adjectival_spans: BTreeSet<Span> = BTreeSet::new();
    for (m, e) in mentions.iter().zip(&assignment) {
        if let Some(e) = *e {
            by_sentence.entry(m.sentence).or_default().push((m.span, e));
            if m.adjectival {
                adjectival_spans.insert(m.span);
            }
        }
    }
    let mut last_person = None;
    let mut two_sides = TwoSides::default();
    let titled = structure::names_titled_person(&entities);
    for sentence in &sentences {
        if sentence.block != BlockKind::Body {
            continue;
        }
        let in_sentence = by_sentence.get(&sentence.index).map_or(&[][..], Vec::as_slice);
        let dates = layer.sentence(sentence.index).map_or(&[][..], |l| l.dates.as_slice());
        let view = SentenceView::new(text, sentence.index, sentence.span, in_sentence, dates, &entities, &|s| {
            adjectival_spans.contains(&s)
        });
        // Clauses are read where two things are named, or one and a word
        // that points back at another ("he", "the minister").
        let structure = layer
            .sentence(sentence.index)
            .filter(|l| {
                in_sentence.len() + dates.len() >= 2
                    || in_sentence.len() == 1 && structure::refers_back(text, l, titled)
            })
            .map(|l| structure::Structure::new(text, l, &view));
        trace(&view, structure.as_ref());
        // The sentence's own pair first ("the Canadian-U.S. pact, signed by
        // two sides").
        two_sides.update(in_sentence, &entities, &|s| adjectival_spans.contains(&s));
        let context = DocContext { text, entities: &entities, last_person, structure: structure.as_ref(), two_sides };
        let first = findings.facts.len();
        for extractor in REGISTRY {
            extractor.extract(&view, &context, &mut findings);
        }
        // The learned scorer reads what the patterns proposed.
        pairs::run(&view, &context, &mut findings, first, pairs);
        if let Some(&(_, e)) = in_sentence.iter().rev().find(|(_, e)| entities[*e].kind == EntityType::Person) {
            last_person = Some(e);
        }
    }

    // Signers' states, from the posts the text states (before the guessed
    // home-country posts below).
    let states = signing::signers_states(&entities, &findings.facts);
    findings.facts.extend(states);
    let resolved = DocMentions { text, mentions: &mentions, assignment: &assignment, entities: &entities };
    let nearby = signing::place_and_date_nearby(&resolved, &sentences, &layer, &findings.facts);
    findings.facts.extend(nearby);
    let party_members = membership::party_posts(&entities, &findings.facts);
    findings.facts.extend(party_members);
    let event_places = geography::places_in_event_names(&resolved, &findings.facts);
    findings.facts.extend(event_places);
    let body_seats = geography::seats_in_body_names(&resolved, &findings.facts);
    findings.facts.extend(body_seats);
    let body_start = sentences.iter().find(|s| s.block == BlockKind::Body).map_or(0, |s| s.span.start());
    let home_posts = roles::home_country_posts(&resolved, body_start, &findings.facts);
    let legislators = roles::legislature_posts(&resolved, &findings.facts);
    findings.facts.extend(legislators);
    findings.facts.extend(home_posts);
    let aides = roles::aide_posts(&resolved, &findings.facts);
    findings.facts.extend(aides);
    let owned = roles::owned_posts(&resolved, &findings.facts);
    findings.facts.extend(owned);
    geography::names_with_region(text, &mut entities, &findings.facts);
    let mut extraction = finish(doc, entities, findings, &sentences);
    extraction.anchor_year = doc_year;
    extraction.sentence_count = sentences.len();
    extraction
}

/// The one check every mention span passes before later stages slice the
/// text with it: a span that does not fall on character boundaries of the
/// text (a finder's arithmetic gone wrong) is a bug, caught in debug builds
/// and tests; release builds drop the mention rather than abort the run.
fn keep_whole_characters(text: &str, mentions: &mut Vec<Mention>) {
    debug_assert!(
        mentions.iter().all(|m| m.span.slice(text).is_some()),
        "a mention span falls inside a character: {:?}",
        mentions.iter().find(|m| m.span.slice(text).is_none())
    );
    mentions.retain(|m| m.span.slice(text).is_some());
}

/// The short forms of the document's bodies that stand for them where the
/// name tagger did not read them: one model mention each (see
/// [`propagate_names`]).
fn short_form_mentions(mentions: &[Mention]) -> Vec<Mention> {
    let person_words: BTreeSet<&str> =
        mentions.iter().filter(|m| m.kind == EntityType::Person).flat_map(|m| m.name.split(' ')).collect();
    let mut out: Vec<Mention> = Vec::new();
    for m in mentions.iter().filter(|m| {
        m.kind == EntityType::Organization && m.link.is_none() && !m.adjectival && !m.unnamed && m.title.is_none()
    }) {
        for short in coref::body_short_forms(&m.name) {
            if coref::names_otherwise(short) || short.split(' ').any(|w| person_words.contains(w)) {
                continue;
            }
            out.push(Mention { name: short.to_string(), confidence: m.confidence.min(70), ..m.clone() });
        }
    }
    out
}

/// Every further occurrence of a multi-word person or organisation name, or
/// of a body's acronym, found in the document is a mention too ("Jane Roe
/// was hurt" at the start of a sentence, or in a headline, once the text
/// has named her elsewhere; "the OECF's" after "(OECF)"),
/// and so is a body's short form ([`coref::body_short_forms`]: "Delta and
/// Continental signed" after "Continental Airlines"), written on its own
/// (not beside another capitalised word: "the U.S. Space launch" after
/// "Space Administration"). A short form is none where it names a place or
/// a people, a person of the document, or a title; a common English word
/// ("Continental") is none at a sentence's start ("Continental breakfast").
///
/// One automaton of all the names reads each sentence once: the time is
/// linear in the text (a search per name per sentence was quadratic). Longer
/// names win, then earlier occurrences, as they did.
fn propagate_names(text: &str, sentences: &[crate::text::sentence::Sentence], mentions: &mut Vec<Mention>) {
    // A body's acronym ("OECF") is as distinctive as a name of two words.
    let acronym =
        |m: &Mention| m.kind == EntityType::Organization && crate::extract::lexicon::is_plain_acronym(&m.name);
    let mut names: Vec<(Mention, bool)> = mentions
        .iter()
        .filter(|m| {
            matches!(m.kind, EntityType::Person | EntityType::Organization | EntityType::Event)
                && m.link.is_none()
                && !m.adjectival
                && (m.name.contains(' ') || acronym(m))
                && text.get(m.span.range()) == Some(m.name.as_str())
        })
        .map(|m| (m.clone(), false))
        .collect();
    let short_forms = short_form_mentions(mentions);
    names.extend(short_forms.into_iter().map(|m| (m, true)));
    names.sort_by(|(a, a_short), (b, b_short)| {
        b.name.len().cmp(&a.name.len()).then(a.name.cmp(&b.name)).then(a_short.cmp(b_short))
    });
    names.dedup_by(|a, b| a.0.name == b.0.name);
    if names.is_empty() {
        return;
    }
    // One automaton per document over a few dozen names: a contiguous NFA
    // builds in a fraction of a DFA's time and searches sentences fast enough.
    let Ok(automaton) = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(names.iter().map(|(n, _)| &n.name))
    else {
        return;
    };
    let mut taken = Occupied::default();
    for m in mentions.iter() {
        taken.insert(m.span);
    }
    let mut found: Vec<(usize, Span)> = Vec::new();
    for sentence in sentences.iter().filter(|s| s.block != BlockKind::Furniture) {
        let slice = &text[sentence.span.range()];
        found.clear();
        found.extend(automaton.find_overlapping_iter(slice).map(|m| {
            (m.pattern().as_usize(), Span::new(sentence.span.start() + m.start(), sentence.span.start() + m.end()))
        }));
        // Name by name (longest first), left to right, each name's
        // occurrences not overlapping one another (as `match_indices`).
        found.sort_unstable_by_key(|&(rank, span)| (rank, span.start()));
        let mut last: Option<(usize, usize)> = None;
        for &(rank, span) in &found {
            if last.is_some_and(|(r, end)| r == rank && span.start() < end) {
                continue;
            }
            last = Some((rank, span.end()));
            let bounded = !text[..span.start()].chars().next_back().is_some_and(char::is_alphanumeric)
                && !text[span.end()..].chars().next().is_some_and(char::is_alphanumeric);
            let (known, short) = &names[rank];
            let alone = || {
                // A word set off by a comma, or "Miami-based", is no part of a name.
                let capital = |w: Option<&str>| {
                    w.is_some_and(|w| {
                        w.starts_with(|c: char| c.is_uppercase())
                            && !w.ends_with([',', ';', ':'])
                            && !w.ends_with("-based")
                    })
                };
                let first = text[sentence.span.start()..span.start()].trim().is_empty();
                let common = !known.name.contains(' ') && crate::gazetteer::is_common_word(&known.name);
                // The words beside it, across white space of any kind
                // (news wire breaks lines inside names).
                let after = &text[span.end()..];
                let before = &text[..span.start()];
                let next = after.starts_with(char::is_whitespace).then(|| after.split_whitespace().next()).flatten();
                let previous =
                    before.ends_with(char::is_whitespace).then(|| before.split_whitespace().next_back()).flatten();
                let beside_capital = capital(next) || !first && capital(previous);
                !(beside_capital || first && common)
            };
            if bounded && !taken.overlaps(span) && (!short || alone()) {
                taken.insert(span);
                mentions.push(Mention {
                    span,
                    sentence: sentence.index,
                    confidence: known.confidence.min(80),
                    title: None,
                    ..known.clone()
                });
            }
        }
    }
    mentions.sort_by_key(|m| m.span);
}

/// Drops entities that are only adjectives or descriptions of events and
/// unused, renumbers, and keeps
/// the sentences evidence points into.
fn finish(
    doc: &Document,
    entities: Vec<model::DocEntity>,
    findings: Findings,
    sentences: &[crate::text::sentence::Sentence],
) -> DocExtraction {
    let mut used: BTreeSet<usize> = BTreeSet::new();
    for fact in &findings.facts {
        used.insert(fact.subject);
        if let Object::Entity(o) = fact.object {
            used.insert(o);
        }
    }
    for statement in &findings.statements {
        used.insert(statement.speaker);
    }
    let keep: Vec<bool> = entities
        .iter()
        .enumerate()
        .map(|(i, e)| {
            // A described event ("the withdrawal") is worth a node only
            // when something is said about it.
            let described_event = e.kind == EntityType::Event && e.unnamed;
            // A description told once and in common words only ("a deal")
            // is not worth a node; "the Brexit deal" is.
            let proper = e.name.split(' ').any(|w| w.starts_with(char::is_uppercase));
            let described_once = e.unnamed && e.aliases.is_empty() && !proper;
            !(e.adjectival || described_once || described_event) || used.contains(&i)
        })
        .collect();
    let mut renumber = vec![usize::MAX; entities.len()];
    let mut kept = Vec::new();
    for (i, entity) in entities.into_iter().enumerate() {
        if keep[i] {
            renumber[i] = kept.len();
            kept.push(entity);
        }
    }
    let facts: Vec<Fact> = findings
        .facts
        .into_iter()
        .filter_map(|mut f| {
            f.subject = *renumber.get(f.subject).filter(|&&n| n != usize::MAX)?;
            if let Object::Entity(o) = f.object {
                f.object = Object::Entity(*renumber.get(o).filter(|&&n| n != usize::MAX)?);
            }
            Some(f)
        })
        .collect();
    let statements: Vec<Statement> = findings
        .statements
        .into_iter()
        .filter_map(|mut s| {
            s.speaker = *renumber.get(s.speaker).filter(|&&n| n != usize::MAX)?;
            s.about = s.about.iter().filter_map(|&a| renumber.get(a).copied().filter(|&n| n != usize::MAX)).collect();
            Some(s)
        })
        .collect();
    let cited: BTreeSet<usize> =
        facts.iter().map(|f| f.evidence.sentence).chain(statements.iter().map(|s| s.evidence.sentence)).collect();
    let sentence_records = sentences
        .iter()
        .filter(|s| cited.contains(&s.index))
        .map(|s| SentenceRecord { index: s.index, span: s.span, text: doc.text[s.span.range()].to_string() })
        .collect();
    DocExtraction {
        id: doc.id.clone(),
        source: doc.source.clone(),
        content_hash: content_hash(&doc.text),
        metadata: doc.metadata.clone(),
        entities: kept,
        facts,
        statements,
        sentences: sentence_records,
        anchor_year: None,
        sentence_count: 0,
    }
}

/// Placeholder helpers shared by the extractors.
pub(crate) mod pattern {
    use regex::{Captures, Regex, RegexBuilder};

    use super::view::{SentenceView, Slot};

    /// Compiles an extractor's pattern with room for its lazy DFA: the
    /// patterns with long word lists outgrow the default cache on real news
    /// and rebuild their states over and over.
    pub fn compile(pattern: &str) -> Result<Regex, regex::Error> {
        RegexBuilder::new(pattern).dfa_size_limit(DFA_CACHE).build()
    }

    /// Bytes of lazy-DFA cache per pattern and thread.
    const DFA_CACHE: usize = 16 << 20;

    /// The entity of a named capture group.
    pub fn entity(view: &SentenceView, caps: &Captures<'_>, name: &str) -> Option<usize> {
        caps.name(name).and_then(|m| view.entity_at(m.start()))
    }

    /// All entities in a named capture group (a list), with their type codes.
    pub fn entities(view: &SentenceView, caps: &Captures<'_>, name: &str) -> Vec<(char, usize)> {
        caps.name(name).map_or_else(Vec::new, |m| view.entities_in(m.range()))
    }

    /// The date of a named capture group.
    pub fn date(view: &SentenceView, caps: &Captures<'_>, name: &str) -> Option<crate::text::date::PartialDate> {
        match caps.name(name).and_then(|m| view.slot_at(m.start())) {
            Some(Slot::Date(d)) => Some(d),
            _ => None,
        }
    }

    /// The type code of the placeholder in a named capture group.
    pub fn code(caps: &Captures<'_>, name: &str) -> Option<char> {
        caps.name(name).and_then(|m| m.as_str().chars().nth(1))
    }
}
