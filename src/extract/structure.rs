//! A sentence's clauses with its entity mentions: what relation extractors
//! read instead of placeholder strings.
//!
//! Built once per sentence from the text layer ([`SentenceLayer`]) and the
//! mentions of the sentence view: the mentions become units of their own
//! (a name the chunker split stays whole), and each unit of a clause maps
//! back to the entity it names.

use std::ops::Range;

use crate::extract::lexicon::{BODY_VOICE_HEADS, SPEECH_VERBS, STATE_HEADS, TITLE_HEADS};
use crate::extract::model::{DocEntity, EntityType};
use crate::extract::view::SentenceView;
use crate::span::Span;
use crate::text::clause::{clauses, units, Clause};
use crate::text::date::PartialDate;
use crate::text::layer::SentenceLayer;
use crate::text::pos::Xpos;
use crate::text::wordlist::WordList;

/// One mention: its tokens, span and entity.
#[derive(Debug, Clone)]
struct TokenMention {
    tokens: Range<usize>,
    span: Span,
    entity: usize,
    adjectival: bool,
}

/// The clauses of a sentence and the mentions their units hold.
#[derive(Debug)]
pub struct Structure<'t> {
    /// The sentence's words (token texts).
    pub words: Vec<&'t str>,
    /// The clauses.
    pub clauses: Vec<Clause>,
    /// The units (noun phrases merged with names), in order.
    pub units: Vec<Range<usize>>,
    layer: &'t SentenceLayer,
    mentions: Vec<TokenMention>,
}

/// Whether a sentence has a word that may stand for a person named
/// before: a personal pronoun ("he", "she"), or, in a document that names
/// someone with a title (`titled`), "the" before a title ("the finance
/// minister"); or words for the parties of an agreement ("both sides").
#[must_use]
pub fn refers_back(text: &str, layer: &SentenceLayer, titled: bool) -> bool {
    let mut after_the = false;
    let mut previous = "";
    for token in &layer.tokens {
        let word = &text[token.span.range()];
        if matches!(word, "he" | "He" | "she" | "She")
            || titled && after_the && TITLE_HEADS.contains(&word)
            || matches!(previous, "both" | "Both" | "two") && SIDE_NOUNS.contains(&word)
        {
            return true;
        }
        after_the = after_the && word.starts_with(char::is_lowercase) || word.eq_ignore_ascii_case("the");
        previous = word;
    }
    false
}

/// Nouns for the parties of an agreement spoken of together (`side_nouns.txt`).
static SIDE_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/side_nouns.txt"));

/// Whether a unit names the parties of an agreement together: "both
/// sides", "the two governments", "both the countries".
#[must_use]
pub fn names_both_sides(words: &[&str], unit: &Range<usize>) -> bool {
    let unit: Vec<String> = words[unit.clone()].iter().map(|w| w.to_lowercase()).collect();
    let unit: Vec<&str> = unit.iter().map(String::as_str).filter(|w| *w != "the").collect();
    matches!(unit.as_slice(), ["both" | "two", noun] if SIDE_NOUNS.contains(noun))
}

/// Whether the document names a person with a title ("Finance Minister
/// Jane Roe"), so that a description may stand for them.
#[must_use]
pub fn names_titled_person(entities: &[DocEntity]) -> bool {
    entities.iter().any(|e| {
        e.kind == EntityType::Person
            && e.aliases.iter().any(|a| a.split_whitespace().any(|w| TITLE_HEADS.contains(&w.to_lowercase().as_str())))
    })
}

impl<'t> Structure<'t> {
    /// Reads the clauses of the sentence of `view`.
    #[must_use]
    pub fn new(text: &'t str, layer: &'t SentenceLayer, view: &SentenceView) -> Structure<'t> {
        let words: Vec<&str> = layer.tokens.iter().map(|t| &text[t.span.range()]).collect();
        let tags: Vec<Xpos> = layer.tags.iter().map(|t| t.0).collect();
        let mentions: Vec<TokenMention> = view
            .mentions()
            .filter_map(|(span, entity)| {
                let start = layer.tokens.iter().position(|t| t.span.end() > span.start())?;
                let end = layer.tokens.iter().rposition(|t| t.span.start() < span.end())? + 1;
                (start < end).then(|| TokenMention {
                    tokens: start..end,
                    span,
                    entity,
                    adjectival: view.is_adjectival(span),
                })
            })
            .collect();
        // An adjectival country ("Chilean") is a modifier, not a unit of its own.
        // The angle brackets wires put around a company's name ("<Vexel
        // Co> said") belong to its unit.
        let bracketed =
            |r: &Range<usize>| r.start > 0 && words[r.start - 1] == "<" && words.get(r.end).is_some_and(|w| *w == ">");
        let names: Vec<Range<usize>> = mentions
            .iter()
            .filter(|m| !m.adjectival)
            .map(|m| if bracketed(&m.tokens) { m.tokens.start - 1..m.tokens.end + 1 } else { m.tokens.clone() })
            .collect();
        let units = units(&layer.phrases, &names);
        let clauses = clauses(&words, &tags, &units);
        Structure { words, clauses, units, layer, mentions }
    }

    /// One line per clause, for `kgforge explain`: the verb group (with
    /// its voice and negation), then subject, objects and prepositional
    /// phrases, each unit in brackets.
    #[must_use]
    pub fn describe(&self) -> Vec<String> {
        let unit = |r: &Range<usize>| format!("[{}]", self.words[r.clone()].join(" "));
        let units = |us: &[Range<usize>]| us.iter().map(unit).collect::<Vec<_>>().join(" ");
        self.clauses
            .iter()
            .map(|c| {
                let v = &c.verb;
                let mut line = self.words[v.start..v.end].join(" ");
                for (flag, name) in [(v.passive, "passive"), (v.negated, "negated"), (v.modal, "modal")] {
                    if flag {
                        line.push_str(&format!(" ({name})"));
                    }
                }
                line.push_str(&format!(" {:?}", v.form).to_lowercase());
                if !c.subject.is_empty() {
                    let how = if c.subject_inherited { "subject (inherited)" } else { "subject" };
                    line.push_str(&format!(" | {how} {}", units(&c.subject)));
                }
                if !c.objects.is_empty() {
                    line.push_str(&format!(" | object {}", units(&c.objects)));
                }
                for (p, us) in &c.preps {
                    line.push_str(&format!(" | {} {}", self.words[*p], units(us)));
                }
                line
            })
            .collect()
    }

    /// The byte span of tokens `range`.
    #[must_use]
    pub fn span(&self, range: Range<usize>) -> Span {
        self.layer.span_of(range.start, range.end.max(range.start + 1))
    }

    /// The entity named right before token `head` inside its phrase, as a
    /// modifier of it ("U.S." of "the U.S. bid", "Chilean" of "the Chilean
    /// proposal"); a demonym counts.
    #[must_use]
    pub fn modifier_at(&self, head: usize) -> Option<usize> {
        let m = self.mentions.iter().find(|m| m.tokens.end == head)?;
        // "Peru's bid" is the owner's (`owner_of`); "Peru, bid" no modifier.
        (!matches!(self.words[m.tokens.end - 1], "'s" | "’s" | "," | "and")).then_some(m.entity)
    }

    /// The entity named by the mention that ends right before token `end`,
    /// and the token its name starts at.
    #[must_use]
    pub fn mention_ending_at(&self, end: usize) -> Option<(usize, usize)> {
        self.mentions.iter().find(|m| m.tokens.end == end && !m.adjectival).map(|m| (m.entity, m.tokens.start))
    }

    /// The entity a unit names: the mention holding its last token (its
    /// head), else a body named right before a head that speaks for it
    /// ("the YPG militia"), else a country whose state the head word names
    /// ("the Chilean government"). `None` for descriptions ("the plan").
    #[must_use]
    pub fn entity_of(&self, unit: &Range<usize>, entities: &[DocEntity]) -> Option<usize> {
        let last = unit.end.checked_sub(1)?;
        // A possessive closes the phrase on its owner's name ("Chile's").
        let last = if matches!(self.words.get(last).copied(), Some("'s" | "’s" | "'" | "’")) {
            last.checked_sub(1)?
        } else {
            last
        };
        if let Some(m) = self.mentions.iter().find(|m| m.tokens.contains(&last) && !m.adjectival) {
            return Some(m.entity);
        }
        let head = self.words.get(last)?.to_lowercase();
        if BODY_VOICE_HEADS.contains(&head.as_str()) {
            // "the YPG militia", "NATO officials": the body's name right before the head.
            if let Some(m) = self
                .mentions
                .iter()
                .find(|m| m.tokens.end == last && !m.adjectival && entities[m.entity].kind == EntityType::Organization)
            {
                return Some(m.entity);
            }
        }
        if STATE_HEADS.contains(&head.as_str()) {
            return self
                .mentions
                .iter()
                .find(|m| unit.contains(&m.tokens.start) && entities[m.entity].kind == EntityType::Country)
                .map(|m| m.entity);
        }
        // "against [President Jane Roe finding that ...]": a participle the
        // phrase reader ran into a name ends no name; the name ends the phrase.
        if self.words[last].ends_with("ing") && self.words[last].starts_with(char::is_lowercase) {
            return self
                .mentions
                .iter()
                .find(|m| m.tokens.end == last && m.tokens.start >= unit.start && !m.adjectival)
                .map(|m| m.entity);
        }
        self.described_person(unit, entities)
    }

    /// The one person named earlier in the document with the post a
    /// definite description gives: "the finance minister" after "Finance
    /// Minister Jane Roe", "the president" after "President X" (and no other
    /// president). Not a description set off after a name ("Jane Roe, the
    /// finance minister,"), which names its own holder.
    fn described_person(&self, unit: &Range<usize>, entities: &[DocEntity]) -> Option<usize> {
        let words = &self.words[unit.clone()];
        let [article, post @ ..] = words else { return None };
        if !article.eq_ignore_ascii_case("the")
            || post.is_empty()
            || post.len() > 3
            || !post.iter().all(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
            || !post.last().is_some_and(|w| TITLE_HEADS.contains(w))
            || unit.start.checked_sub(1).is_some_and(|k| self.words[k] == ",")
        {
            return None;
        }
        let at = self.span(unit.clone()).start();
        let wanted = format!(" {} ", post.join(" "));
        let mut found = entities.iter().enumerate().filter(|(_, e)| {
            e.kind == EntityType::Person
                && e.mentions.first().is_some_and(|m| m.end() <= at)
                && e.aliases.iter().chain([&e.name]).any(|a| format!(" {} ", a.to_lowercase()).contains(&wanted))
        });
        match (found.next(), found.next()) {
            (Some((e, _)), None) => Some(e),
            _ => None,
        }
    }

    /// The entity a subject unit names, where a personal pronoun ("he",
    /// "she") stands for the nearest person named before it in the
    /// sentence, else for the last person of the sentences before
    /// (`last_person`); "it" or "they" right after a body's or a state's
    /// verb of speaking stands for the speaker ("Peru said it was ...",
    /// "the company said on Monday that they had ...").
    #[must_use]
    pub fn subject_entity(
        &self,
        unit: &Range<usize>,
        entities: &[DocEntity],
        last_person: Option<usize>,
    ) -> Option<usize> {
        if self.is_pronoun(unit, &["it", "they"]) {
            return match self.reporting_bodies(unit.start, entities).as_slice() {
                [(e, _)] => Some(*e),
                _ => None,
            };
        }
        if self.is_pronoun(unit, &["he", "she"]) {
            let before = self
                .mentions
                .iter()
                .rev()
                .find(|m| m.tokens.end <= unit.start && entities[m.entity].kind == EntityType::Person)
                .map(|m| m.entity);
            return before.or(last_person);
        }
        self.entity_of(unit, entities)
    }

    /// The entities a subject unit names: those of [`Self::subject_entity`],
    /// or, for "they" after the verb of speaking of two or more bodies or
    /// states, all of them ("Peru and Chile said they had signed").
    #[must_use]
    pub fn subject_entities(
        &self,
        unit: &Range<usize>,
        entities: &[DocEntity],
        last_person: Option<usize>,
    ) -> Vec<usize> {
        if self.is_pronoun(unit, &["they"]) {
            return self.reporting_bodies(unit.start, entities).into_iter().map(|(e, _)| e).collect();
        }
        self.subject_entity(unit, entities, last_person).into_iter().collect()
    }

    /// Where the speaker a pronoun subject stands for is named ("Peru" of
    /// "Peru said it ..."), so that evidence can start there.
    #[must_use]
    pub fn reporting_start(&self, unit: &Range<usize>, entities: &[DocEntity]) -> Option<usize> {
        self.is_pronoun(unit, &["it", "they"])
            .then(|| self.reporting_bodies(unit.start, entities).iter().map(|&(_, start)| start).min())
            .flatten()
    }

    /// Whether the unit is one of these pronouns alone (any case).
    fn is_pronoun(&self, unit: &Range<usize>, pronouns: &[&str]) -> bool {
        unit.len() == 1 && pronouns.iter().any(|p| self.words[unit.start].eq_ignore_ascii_case(p))
    }

    /// The bodies or states (and the starts of their units) whose verb of
    /// speaking the token at `at` follows, directly or after "that" ("Peru
    /// said [it]", "Peru said on Monday that [it]", "Peru and Chile said
    /// [they]"): every unit of the speaker's subject, or none if one of
    /// them is no body or state.
    fn reporting_bodies(&self, at: usize, entities: &[DocEntity]) -> Vec<(usize, usize)> {
        self.reporting_clause_subject(at)
            .iter()
            .map(|actor| {
                self.entity_of(actor, entities)
                    .filter(|&e| matches!(entities[e].kind, EntityType::Organization | EntityType::Country))
                    .map(|e| (e, actor.start))
            })
            .collect::<Option<Vec<_>>>()
            .unwrap_or_default()
    }

    /// The subject of the verb of speaking the token at `at` follows.
    fn reporting_clause_subject(&self, at: usize) -> &[Range<usize>] {
        let before_that = at.checked_sub(1).filter(|&k| self.words[k].eq_ignore_ascii_case("that"));
        let Some(speech) = self.clauses.iter().rev().find(|c| c.verb.end <= at) else { return &[] };
        let reaches = speech.verb.end == at
            || before_that.is_some_and(|k| {
                speech.verb.end == k || speech.preps.iter().all(|(p, _)| *p >= speech.verb.end && *p <= k)
            });
        if !reaches
            || speech.verb.passive
            || !SPEECH_VERBS.contains(&self.words[speech.verb.head].to_lowercase().as_str())
        {
            return &[];
        }
        &speech.subject
    }

    /// The owner named in a possessive inside the unit ("Chile" of
    /// "Chile's plan").
    #[must_use]
    pub fn owner_of(&self, unit: &Range<usize>) -> Option<usize> {
        let clitic = unit.clone().find(|&i| matches!(self.words[i], "'s" | "’s"))?;
        let owner = clitic.checked_sub(1)?;
        self.mentions.iter().find(|m| m.tokens.contains(&owner) && !m.adjectival).map(|m| m.entity)
    }

    /// The units of a list starting at token `start`: units joined by
    /// commas and "and" ("A, B and C").
    #[must_use]
    pub fn listed_from(&self, start: usize) -> Vec<&Range<usize>> {
        let mut out = Vec::new();
        let mut k = start;
        let mut closed = false;
        while let Some(u) = self.units.iter().find(|u| u.start == k) {
            out.push(u);
            k = u.end;
            // "A and B, and independent activist C": the unit after "and"
            // ends the list.
            if closed || !matches!(self.words.get(k).copied(), Some("," | "and")) {
                break;
            }
            closed = self.words[k] == "and";
            k += 1;
            if self.words.get(k).is_some_and(|w| *w == "and") {
                closed = true;
                k += 1;
            }
        }
        out
    }

    /// An organisation named inside the unit, as a modifier ("a NATO
    /// member").
    #[must_use]
    pub fn organization_in(&self, unit: &Range<usize>, entities: &[DocEntity]) -> Option<usize> {
        self.mentions
            .iter()
            .find(|m| unit.contains(&m.tokens.start) && entities[m.entity].kind == EntityType::Organization)
            .map(|m| m.entity)
    }

    /// The entities listed after "including" or "such as" right after
    /// `unit` ("45 countries including Peru and Chile": Peru, Chile), with
    /// the end of the list.
    #[must_use]
    pub fn included_entities(&self, unit: &Range<usize>, entities: &[DocEntity]) -> (Vec<usize>, usize) {
        let next = |k: usize| self.words.get(k).map(|w| w.to_lowercase());
        let start = match next(unit.end).as_deref() {
            Some("including") => unit.end + 1,
            Some("such") if next(unit.end + 1).as_deref() == Some("as") => unit.end + 2,
            _ => return (Vec::new(), unit.end),
        };
        let listed = self.listed_from(start);
        let end = listed.iter().map(|u| u.end).max().unwrap_or(unit.end);
        (listed.into_iter().filter_map(|u| self.entity_of(u, entities)).collect(), end)
    }

    /// The entities named in the "of" phrase right after a unit ("the
    /// ministers of A and B"), for a unit that names none itself.
    #[must_use]
    pub fn of_entities(&self, unit: &Range<usize>, entities: &[DocEntity]) -> Vec<usize> {
        if !self.words.get(unit.end).is_some_and(|w| w.eq_ignore_ascii_case("of")) {
            return Vec::new();
        }
        self.listed_from(unit.end + 1).into_iter().filter_map(|u| self.entity_of(u, entities)).collect()
    }

    /// The dates the layer found inside tokens `range`, but those that bound
    /// a span or set a deadline ("since 1979", "by March").
    #[must_use]
    pub fn dates_in(&self, range: Range<usize>) -> Vec<PartialDate> {
        if range.is_empty() {
            return Vec::new();
        }
        let span = self.span(range);
        let tokens = &self.layer.tokens;
        // "since 1979", "until May", "by March": a span or a deadline, not
        // the day it happened.
        let bounds = |d: &Span| {
            tokens.iter().position(|t| t.span.start() == d.start()).and_then(|first| first.checked_sub(1)).is_some_and(
                |k| {
                    let word = self.words[k].to_lowercase();
                    matches!(word.as_str(), "since" | "until" | "till" | "by" | "before" | "after" | "through")
                },
            )
        };
        self.layer
            .dates
            .iter()
            .filter(|(d, _)| d.start() >= span.start() && d.end() <= span.end() && !bounds(d))
            .map(|(_, d)| *d)
            .collect()
    }

    /// The dates inside tokens `range` that follow "on" or "in" ("On 3
    /// May, ..."): a date set before a clause as its adverbial, not a
    /// dateline's.
    #[must_use]
    pub fn dates_after_preposition(&self, range: Range<usize>) -> Vec<PartialDate> {
        let tokens = &self.layer.tokens;
        self.layer
            .dates
            .iter()
            .filter(|(d, _)| {
                let Some(first) = tokens.iter().position(|t| t.span.start() == d.start()) else { return false };
                range.contains(&first)
                    && first > 0
                    && self
                        .words
                        .get(first - 1)
                        .is_some_and(|w| w.eq_ignore_ascii_case("on") || w.eq_ignore_ascii_case("in"))
            })
            .map(|(_, d)| *d)
            .collect()
    }

    /// The names of the sentence (mentions that are not adjectives): their
    /// tokens, span and entity, in text order.
    pub fn names(&self) -> impl Iterator<Item = (Range<usize>, Span, usize)> + '_ {
        self.mentions.iter().filter(|m| !m.adjectival).map(|m| (m.tokens.clone(), m.span, m.entity))
    }

    /// The Universal part-of-speech tag of token `i`.
    #[must_use]
    pub fn upos(&self, i: usize) -> &'static str {
        self.layer.tags.get(i).map_or("X", |t| t.1.as_str())
    }

    /// The mention span of entity `e` inside `unit`, if any.
    #[must_use]
    pub fn mention_span(&self, unit: &Range<usize>, e: usize) -> Option<Span> {
        self.mentions
            .iter()
            .find(|m| m.entity == e && m.tokens.start >= unit.start && m.tokens.end <= unit.end)
            .map(|m| m.span)
    }
}
