//! Clauses: verb groups and their arguments, read from the tags and the
//! noun phrases of a sentence.
//!
//! A shallow reading, not a parser: each verb group (auxiliaries, modals,
//! adverbs and the main verb) gets its subject, its direct objects, its
//! prepositional phrases and, in the passive, its agent, each a list of
//! coordinated *units* (noun phrases, merged with the names that cross
//! them). It covers the word orders news uses around a verb:
//!
//! - active and passive ("A criticised B", "B was criticised by A");
//! - relative clauses and appositions between subject and verb ("A, who
//!   signed it, ...", "A, the minister, said");
//! - coordinated verb phrases sharing a subject ("A arrived and signed B");
//! - gerunds and participles without a subject of their own ("after
//!   signing B, A said"), which take the subject of the nearest finite
//!   clause, or its object after a verb of `object_control_verbs.txt` and
//!   "of"/"for" ("accused A of breaching B": A breached it);
//! - lists ("A, B and C signed").
//!
//! Relation extractors read clauses and map units to entity mentions; the
//! clause knows only token positions.

use std::ops::Range;

use crate::text::chunk::NounPhrase;
use crate::text::pos::Xpos;
use crate::text::wordlist::WordList;

/// How a verb group is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    /// A tensed verb, possibly with auxiliaries or a modal ("has signed").
    Finite,
    /// An "-ing" form without auxiliaries ("after signing").
    Gerund,
    /// A past participle without auxiliaries ("the deal signed by A").
    Participle,
    /// "to" + base form ("agreed to sign").
    Infinitive,
}

/// A verb group: `start..end` tokens, the main verb at `head`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbGroup {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The main (last) verb.
    pub head: usize,
    /// How it is built.
    pub form: VerbForm,
    /// A form of "be" or "get" before a past participle head.
    pub passive: bool,
    /// "not", "n't", "never" inside the group.
    pub negated: bool,
    /// A modal verb inside the group ("may", "would").
    pub modal: bool,
}

/// A clause: a verb group with its arguments. Every argument is a list of
/// coordinated units, each a token range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// The verb group.
    pub verb: VerbGroup,
    /// Grammatical subject (for a passive, what undergoes the action).
    pub subject: Vec<Range<usize>>,
    /// Whether the subject's units are one referent named twice, the
    /// inner name of an apposition first ("the Prime Minister of X, Jane
    /// Roe, said"), rather than a list of several.
    pub apposition: bool,
    /// Whether the subject was taken from another clause (coordination,
    /// gerund) rather than read next to the verb.
    pub subject_inherited: bool,
    /// Whether the inherited subject is the object of the clause before,
    /// a verb of `object_control_verbs.txt` ("accused X of breaching": X).
    pub subject_controlled: bool,
    /// Direct objects.
    pub objects: Vec<Range<usize>>,
    /// Prepositional phrases after the verb (or after its objects): the
    /// preposition's token and its units.
    pub preps: Vec<(usize, Vec<Range<usize>>)>,
}

impl Clause {
    /// The units of the phrase introduced by the preposition `word`
    /// (lower case), if the clause has one.
    #[must_use]
    pub fn prep<'c>(&'c self, words: &[&str], word: &str) -> Option<&'c [Range<usize>]> {
        self.preps.iter().find(|(p, _)| words[*p].eq_ignore_ascii_case(word)).map(|(_, u)| u.as_slice())
    }

    /// What the clause's verb acts on when it opens an entry of `list` (a
    /// verb, or a verb and its particle or preposition: "warned against",
    /// "acceded to"): for a one-word entry the clause's patient, for a
    /// longer one the phrase of its last word. The longest entry that
    /// matches wins; `None` when none does.
    #[must_use]
    pub fn trigger_patient<'c>(&'c self, words: &[&str], list: &WordList) -> Option<&'c [Range<usize>]> {
        let head = self.verb.head;
        let mut best: Option<(usize, &[Range<usize>])> = None;
        for extra in self.entries_at_verb(words, list) {
            if best.is_some_and(|(n, _)| n >= extra) {
                continue;
            }
            let units = if extra == 0 {
                Some(self.patient())
            } else {
                self.preps.iter().find(|(p, _)| *p == head + extra).map(|(_, u)| u.as_slice())
            };
            if let Some(units) = units {
                best = Some((extra, units));
            }
        }
        best.map(|(_, units)| units).or_else(|| self.particle_verb_patient(words, list))
    }

    /// For an entry of a verb, its particle and a preposition ("lash out
    /// at"), the phrase of the preposition where other phrases stand between
    /// it and the particle ("lashed out on Thursday at X").
    fn particle_verb_patient<'c>(&'c self, words: &[&str], list: &WordList) -> Option<&'c [Range<usize>]> {
        let head = self.verb.head;
        let first = words.get(head)?.to_lowercase();
        list.starting_with(&first).iter().find_map(|entry| {
            let rest: Vec<&str> = entry.split(' ').skip(1).collect();
            let (preposition, particles) = rest.split_last()?;
            if particles.is_empty()
                || !particles
                    .iter()
                    .enumerate()
                    .all(|(k, p)| words.get(head + 1 + k).is_some_and(|w| w.eq_ignore_ascii_case(p)))
            {
                return None;
            }
            self.preps
                .iter()
                .find(|(p, _)| *p > head + particles.len() && words[*p].eq_ignore_ascii_case(preposition))
                .map(|(_, u)| u.as_slice())
        })
    }

    /// For each entry of `list` the clause's verb opens (the verb itself,
    /// or the verb and the words right after it), how many words follow the
    /// verb in it; compared in lower case.
    fn entries_at_verb<'l>(&self, words: &'l [&str], list: &'l WordList) -> impl Iterator<Item = usize> + 'l {
        let head = self.verb.head;
        let first = words.get(head).map(|w| w.to_lowercase()).unwrap_or_default();
        list.starting_with(&first).iter().filter_map(move |entry| {
            let rest: Vec<&str> = entry.split(' ').skip(1).collect();
            rest.iter()
                .enumerate()
                .all(|(k, r)| words.get(head + 1 + k).is_some_and(|w| w.eq_ignore_ascii_case(r)))
                .then_some(rest.len())
        })
    }

    /// Whether the clause's verb opens an entry of `list`: the verb itself
    /// ("killed") or the verb and the words after it ("gunned down", "grew
    /// up"), compared in lower case.
    #[must_use]
    pub fn verb_in(&self, words: &[&str], list: &WordList) -> bool {
        self.entries_at_verb(words, list).next().is_some()
    }

    /// Who acts: the agent ("by" phrase) of a passive, else the subject.
    #[must_use]
    pub fn actor<'c>(&'c self, words: &[&str]) -> &'c [Range<usize>] {
        if self.verb.passive {
            self.prep(words, "by").unwrap_or(&[])
        } else {
            &self.subject
        }
    }

    /// What is acted on: the subject of a passive, else the objects.
    #[must_use]
    pub fn patient(&self) -> &[Range<usize>] {
        if self.verb.passive {
            &self.subject
        } else {
            &self.objects
        }
    }
}

/// Tag classes the reader needs.
fn tag(tags: &[Xpos], i: usize) -> &'static str {
    tags.get(i).map_or("", |t| t.as_str())
}

fn is_verb(t: &str) -> bool {
    t.starts_with("VB") || t == "MD"
}

fn lower_is(words: &[&str], i: usize, options: &[&str]) -> bool {
    words.get(i).is_some_and(|w| options.iter().any(|o| w.eq_ignore_ascii_case(o)))
}

/// Forms of "be" and "get" that make a participle passive.
static PASSIVE_AUXILIARIES: WordList =
    WordList::new(include_str!("../../data/lexicon/grammar/passive_auxiliaries.txt"));
/// Words that negate a verb group.
static NEGATIONS: WordList = WordList::new(include_str!("../../data/lexicon/grammar/negations.txt"));
/// Coordinating conjunctions.
static COORDINATORS: WordList = WordList::new(include_str!("../../data/lexicon/grammar/coordinators.txt"));

/// Verbs whose object does what a gerund after "of" or "for" says
/// (`object_control_verbs.txt`).
static OBJECT_CONTROL_VERBS: WordList =
    WordList::new(include_str!("../../data/lexicon/grammar/object_control_verbs.txt"));

/// Words that open a list before its first item ("by both A and B").
static CORRELATIVES: WordList = WordList::new(include_str!("../../data/lexicon/grammar/correlatives.txt"));

/// The first word of the phrase at `k`, past a correlative that opens a
/// list ("both A and B" is the list "A and B") when a phrase follows it.
fn past_correlative(words: &[&str], units: &[Range<usize>], k: usize) -> usize {
    if lower_is(words, k, CORRELATIVES.words()) && unit_starting(units, k + 1).is_some() {
        k + 1
    } else {
        k
    }
}
/// Verbs that link a subject to what it is.
static COPULAS: WordList = WordList::new(include_str!("../../data/lexicon/grammar/copulas.txt"));

/// Whether a verb links its subject to what it is: "is", "became",
/// "remains" (`data/lexicon/grammar/copulas.txt`).
#[must_use]
pub fn is_copula(word: &str) -> bool {
    COPULAS.contains(&word.to_lowercase().as_str())
}

/// Relative pronouns.
static RELATIVES: WordList = WordList::new(include_str!("../../data/lexicon/grammar/relatives.txt"));

/// Units: the noun phrases, each merged with the `names` (token ranges)
/// that overlap it; names outside every phrase are units of their own.
/// Sorted, not overlapping.
#[must_use]
pub fn units(phrases: &[NounPhrase], names: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut all: Vec<Range<usize>> = phrases.iter().map(|p| p.start..p.end).collect();
    all.extend(names.iter().cloned());
    all.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in all {
        if r.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// The verb groups of a sentence, in order. Tokens inside `units` are not
/// verbs ("the signing ceremony").
#[must_use]
pub fn verb_groups(words: &[&str], tags: &[Xpos], units: &[Range<usize>]) -> Vec<VerbGroup> {
    let mut inside = vec![false; words.len() + 1];
    for u in units {
        for flag in inside.iter_mut().take(u.end).skip(u.start) {
            *flag = true;
        }
    }
    let in_unit = |i: usize| inside.get(i).copied().unwrap_or(false);
    let mut groups = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let t = tag(tags, i);
        let starts_infinitive = t == "TO" && is_verb(tag(tags, i + 1)) && !in_unit(i + 1);
        let verb_here = is_verb(t) && !in_unit(i);
        if !verb_here && !starts_infinitive {
            i += 1;
            continue;
        }
        let start = i;
        let mut head = None;
        let mut j = i;
        while j < words.len() && !in_unit(j) {
            let t = tag(tags, j);
            if is_verb(t) {
                head = Some(j);
            } else if t == "TO" && j == start {
            } else if t == "RB" && is_verb(tag(tags, j + 1)) || lower_is(words, j, NEGATIONS.words()) {
                // An adverb or negation between verbs ("has not signed",
                // "has also signed").
            } else {
                break;
            }
            j += 1;
        }
        let end = j;
        let Some(head) = head else {
            i = end.max(i + 1);
            continue;
        };
        let first = (start..=head).find(|&k| is_verb(tag(tags, k))).unwrap_or(head);
        let has_aux = first < head;
        let form = if tag(tags, start) == "TO" {
            VerbForm::Infinitive
        } else if !has_aux && tag(tags, head) == "VBG" {
            VerbForm::Gerund
        } else if !has_aux && tag(tags, head) == "VBN" {
            VerbForm::Participle
        } else {
            VerbForm::Finite
        };
        let passive = tag(tags, head) == "VBN"
            && (start..head).any(|k| lower_is(words, k, PASSIVE_AUXILIARIES.words()))
            || form == VerbForm::Participle && lower_is(words, end, &["by"]);
        groups.push(VerbGroup {
            start,
            end,
            head,
            form,
            passive,
            negated: (start..end).any(|k| lower_is(words, k, NEGATIONS.words())),
            modal: (start..end).any(|k| tag(tags, k) == "MD"),
        });
        i = end;
    }
    groups
}

/// The unit ending right before token `end`, if any.
fn unit_ending(units: &[Range<usize>], end: usize) -> Option<usize> {
    units.iter().position(|u| u.end == end)
}

/// "the pact signed in May by A", "the accord signed February 27": a
/// participle right after a common noun's phrase, with no object of its
/// own (a time is none), is done to that phrase; returns the phrase's unit.
fn bare_reduced_relative(words: &[&str], units: &[Range<usize>], verb: &VerbGroup) -> Option<usize> {
    if verb.form != VerbForm::Participle || verb.passive || verb.start == 0 {
        return None;
    }
    let before = unit_ending(units, verb.start)?;
    let common_noun = words[verb.start - 1].starts_with(char::is_lowercase);
    let no_object = unit_starting(units, verb.end).is_none_or(|u| is_time(words, &units[u]));
    (common_noun && no_object).then_some(before)
}

/// The unit starting at token `start`, if any.
fn unit_starting(units: &[Range<usize>], start: usize) -> Option<usize> {
    units.iter().position(|u| u.start == start)
}

/// The coordinated list of units that starts with unit `first`: "A, B and
/// C", "A and B", "A or B". Returns the units and one past the last token.
fn list_from(words: &[&str], tags: &[Xpos], units: &[Range<usize>], first: usize) -> (Vec<Range<usize>>, usize) {
    let mut out = vec![units[first].clone()];
    let mut end = units[first].end;
    // Units joined by commas only count once an "and"/"or" closes the list
    // ("A, B and C"; not "the accord, Ana Duarte left").
    let mut sure = (1, end);
    loop {
        let mut k = end;
        if lower_is(words, k, &[","]) {
            k += 1;
        }
        let coordinated = lower_is(words, k, COORDINATORS.words());
        if coordinated {
            k += 1;
        }
        if k == end {
            break;
        }
        match unit_starting(units, k) {
            // A unit followed by its verb opens the next clause ("A
            // welcomed the plan, and B criticised it").
            // So does one whose verb comes after a relative clause set
            // off by commas ("..., and B, who resigned, agreed").
            Some(u) if is_verb(tag(tags, units[u].end)) || verb_after_aside(words, tags, units[u].end) => break,
            Some(u) => {
                out.push(units[u].clone());
                end = units[u].end;
                if coordinated {
                    sure = (out.len(), end);
                }
            }
            None => break,
        }
    }
    out.truncate(sure.0);
    (out, sure.1)
}

/// Whether a relative clause set off by commas starts at `at` and a verb
/// follows its closing comma: ", who resigned last year, agreed".
fn verb_after_aside(words: &[&str], tags: &[Xpos], at: usize) -> bool {
    if !lower_is(words, at, &[","]) || !lower_is(words, at + 1, &["who", "which", "whose"]) {
        return false;
    }
    let close = (at + 2..words.len().min(at + 20)).find(|&j| words[j] == ",");
    close.is_some_and(|j| j + 1 < words.len() && is_verb(tag(tags, j + 1)))
}

/// Whether a unit names a time: a weekday, a month ("February 27"), a
/// year, or a word of time ("week", "morning").
fn is_time(words: &[&str], unit: &Range<usize>) -> bool {
    let Some(last) = unit.end.checked_sub(1).and_then(|i| words.get(i)) else { return false };
    let lower = last.to_lowercase();
    unit.clone().any(|k| words.get(k).is_some_and(|w| crate::text::date::is_month(w)))
        || lower.ends_with("day") && last.starts_with(char::is_uppercase) && lower.len() <= 9
        || last.len() == 4 && last.parse::<u16>().is_ok_and(|y| (1800..2200).contains(&y))
        || matches!(
            lower.as_str(),
            "week"
                | "weekend"
                | "month"
                | "year"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "today"
                | "yesterday"
        )
}

/// The coordinated list of units that ends with unit `last`, read leftwards.
/// A unit after "of" or another preposition belongs to the unit before
/// it ("the leader of the party"): the list is of heads.
fn list_to(words: &[&str], tags: &[Xpos], units: &[Range<usize>], last: usize) -> Vec<Range<usize>> {
    let mut last = last;
    // "The leader of the party said": the subject is "the leader"; "A on
    // Monday banned": a time between the subject and its verb is no unit
    // of the list.
    while units[last].start >= 2
        && (lower_is(words, units[last].start - 1, &["of"])
            || lower_is(words, units[last].start - 1, &["on", "in", "at", "during", "since", "until", "over"])
                && is_time(words, &units[last]))
    {
        match unit_ending(units, units[last].start - 1) {
            Some(u) => last = u,
            None => break,
        }
    }
    let mut out = vec![units[last].clone()];
    let mut start = units[last].start;
    loop {
        let mut k = start;
        let mut coordinated = false;
        if k > 0 && lower_is(words, k - 1, COORDINATORS.words()) {
            k -= 1;
            coordinated = true;
        }
        let comma = k > 0 && lower_is(words, k - 1, &[","]);
        if comma {
            k -= 1;
        }
        // A list ends in "and" or "or": "A, B and C", not "after X, C".
        if !(coordinated || comma && out.len() > 1) {
            break;
        }
        match unit_ending(units, k) {
            // A list after "of" is the post-modifier of the phrase before
            // it ("the ministers of A and B"): that phrase is the head.
            Some(u) if units[u].start >= 2 && lower_is(words, units[u].start - 1, &["of"]) => {
                return match unit_ending(units, units[u].start - 1) {
                    Some(head) => vec![units[head].clone()],
                    None => out,
                };
            }
            // A unit after a preposition or a verb belongs to another
            // phrase ("voted against A, and B backed it").
            Some(u)
                if units[u].start > 0 && {
                    let before = tag(tags, units[u].start - 1);
                    before == "IN" || before == "TO" || is_verb(before)
                } =>
            {
                break
            }
            Some(u) => {
                out.insert(0, units[u].clone());
                start = units[u].start;
            }
            None => break,
        }
    }
    out
}

/// The subject read leftwards from the verb group starting at `start`:
/// the units right before it (adverbs skipped), or before a relative
/// pronoun, or before a parenthesis set off by commas.
fn subject_before(words: &[&str], tags: &[Xpos], units: &[Range<usize>], start: usize) -> (Vec<Range<usize>>, bool) {
    let mut k = start;
    while k > 0 && matches!(tag(tags, k - 1), "RB" | "RBR" | "RBS") {
        k -= 1;
    }
    if k == 0 {
        return (Vec::new(), false);
    }
    // "A, who as a child lived in B": a phrase of a preposition between
    // the relative pronoun and its verb is no subject.
    if let Some(u) = unit_ending(units, k) {
        let s = units[u].start;
        if s >= 2
            && tag(tags, s - 1) == "IN"
            && lower_is(words, s - 2, RELATIVES.words())
            && matches!(tag(tags, s - 2), "WP" | "WDT")
        {
            k = s - 1;
        }
    }
    // "A, who signed it": the relative pronoun's antecedent.
    if lower_is(words, k - 1, RELATIVES.words()) && matches!(tag(tags, k - 1), "WP" | "WDT" | "IN") {
        let mut a = k - 1;
        if a > 0 && lower_is(words, a - 1, &[","]) {
            a -= 1;
        }
        return (unit_ending(units, a).map_or_else(Vec::new, |u| list_to(words, tags, units, u)), false);
    }
    if let Some(u) = unit_ending(units, k) {
        return (list_to(words, tags, units, u), false);
    }
    // "A, the minister, said" / "A, who arrived on Monday, said": the unit
    // before the opening comma of a short parenthesis.
    if lower_is(words, k - 1, &[","]) {
        let close = k - 1;
        let open = (close.saturating_sub(25)..close).rev().find(|&j| lower_is(words, j, &[","]));
        if let Some(open) = open {
            if let Some(u) = unit_ending(units, open) {
                let mut subject = list_to(words, tags, units, u);
                // An apposition names the subject again ("the Prime
                // Minister of X, Jane Roe, said"): both stand for it, the
                // inner one first; a relative clause does not.
                // "One of the groups, the Y Front (YF), said": the
                // inner name before its parenthesised acronym.
                let mut inner_end = close;
                if inner_end > open + 2 && lower_is(words, inner_end - 1, &[")"]) {
                    if let Some(paren) = (open + 1..inner_end - 1).rev().find(|&j| lower_is(words, j, &["("])) {
                        inner_end = paren;
                    }
                }
                if let Some(inner) = unit_ending(units, inner_end) {
                    if units[inner].start == open + 1 && subject.len() == 1 {
                        subject.insert(0, units[inner].clone());
                        return (subject, true);
                    }
                }
                return (subject, false);
            }
        }
    }
    (Vec::new(), false)
}

/// The clauses of a sentence: every verb group with its arguments.
#[must_use]
pub fn clauses(words: &[&str], tags: &[Xpos], units: &[Range<usize>]) -> Vec<Clause> {
    let groups = verb_groups(words, tags, units);
    let mut out: Vec<Clause> = Vec::with_capacity(groups.len());
    for (g, verb) in groups.iter().enumerate() {
        // "The accord, signed in May, ...", "X, backed by Y, ...": a reduced
        // relative; the name before the comma is what the participle is
        // done to.
        // A one-word past tense there with nothing before it to be its
        // subject is a participle the tagger took for a past tense ("X,
        // sentenced to life for ..., said").
        let past_as_participle = verb.form == VerbForm::Finite
            && verb.start + 1 == verb.end
            && tag(tags, verb.head) == "VBD"
            && verb.start >= 2
            && subject_before(words, tags, units, verb.start).0.is_empty();
        let reduced = (((verb.form == VerbForm::Participle && !verb.passive) || past_as_participle)
            && verb.start >= 2
            && lower_is(words, verb.start - 1, &[","])
            // "X, praised Y": a past tense the tagger took for a participle
            // has an object; a reduced relative has none.
            && unit_starting(units, verb.end).is_none())
        .then(|| unit_ending(units, verb.start - 1))
        .flatten()
        .or_else(|| bare_reduced_relative(words, units, verb));
        let mut group = verb.clone();
        group.passive |= reduced.is_some();
        let (mut subject, mut apposition) = match (reduced, verb.form) {
            (Some(u), _) => (vec![units[u].clone()], false),
            (None, VerbForm::Finite | VerbForm::Participle) => subject_before(words, tags, units, verb.start),
            (None, VerbForm::Gerund | VerbForm::Infinitive) => (Vec::new(), false),
        };
        let mut inherited = false;
        let mut controlled = false;
        if subject.is_empty() {
            // A verb phrase coordinated with the one before ("arrived and
            // signed"), or a gerund or infinitive: the nearest finite
            // clause's subject, before it, else after it.
            let before = out.iter().rev().find(|c| c.verb.form == VerbForm::Finite && !c.subject.is_empty());
            let after = || {
                groups[g + 1..]
                    .iter()
                    .find(|v| v.form == VerbForm::Finite)
                    .map(|v| subject_before(words, tags, units, v.start))
                    .filter(|s| !s.0.is_empty())
            };
            let coordinated = verb.start > 0 && lower_is(words, verb.start - 1, COORDINATORS.words());
            // A gerund or participle has its own predicate only after a
            // preposition ("after signing"), a comma ("X said, praising Y")
            // or at the start; one in a list ("training, and supporting
            // Y") is a noun.
            let free = verb.start == 0 || matches!(tag(tags, verb.start - 1), "IN" | ",");
            let taken = if coordinated && verb.form == VerbForm::Finite
                || verb.form == VerbForm::Infinitive
                || matches!(verb.form, VerbForm::Gerund | VerbForm::Participle) && !coordinated && free
            {
                before.map(|c| (c.subject.clone(), c.apposition)).or_else(after)
            } else {
                None
            };
            // "accused Bolivia of breaching the accord": the object of a
            // verb of `object_control_verbs.txt`, right before "of" or
            // "for", does what the gerund says.
            let controller = (verb.form == VerbForm::Gerund && verb.start >= 2)
                .then(|| {
                    let preposition = words[verb.start - 1];
                    let clause = out.last().filter(|c| {
                        (preposition.eq_ignore_ascii_case("of") || preposition.eq_ignore_ascii_case("for"))
                            && c.objects.last().is_some_and(|o| o.end + 1 == verb.start)
                            && lower_is(words, c.verb.head, OBJECT_CONTROL_VERBS.words())
                    })?;
                    Some((clause.objects.clone(), false))
                })
                .flatten();
            controlled = controller.is_some();
            if let Some((s, a)) = controller.or(taken) {
                subject = s;
                apposition = a;
                inherited = true;
            }
        }
        let mut objects = Vec::new();
        let mut k = verb.end;
        // A particle stays with the verb ("spoke out against"); an adverb
        // may stand before the object ("are all members", "backed fully").
        while matches!(tag(tags, k), "RP" | "RB") {
            k += 1;
        }
        if let Some(u) = unit_starting(units, past_correlative(words, units, k)) {
            let (list, end) = list_from(words, tags, units, u);
            objects = list;
            k = end;
        }
        let mut preps = Vec::new();
        // Prepositional phrases, until the next verb group or clause break.
        let limit = groups.get(g + 1).map_or(words.len(), |v| v.start);
        while k < limit {
            let t = tag(tags, k);
            if t == "IN" || t == "TO" {
                if let Some(u) = unit_starting(units, past_correlative(words, units, k + 1)) {
                    let (list, end) = list_from(words, tags, units, u);
                    preps.push((k, list));
                    k = end;
                    continue;
                }
            }
            if matches!(t, "." | ":" | "``" | "''") || lower_is(words, k, &[",", ";"]) && preps.is_empty() {
                break;
            }
            if let Some(u) = units.iter().find(|u| u.start == k) {
                k = u.end;
            } else {
                k += 1;
            }
        }
        out.push(Clause {
            verb: group,
            subject,
            apposition,
            subject_inherited: inherited,
            subject_controlled: controlled,
            objects,
            preps,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use crate::text::layer::SentenceLayer;

    /// A clause as words: verb, actor units, patient units, prepositional
    /// phrases, passive.
    type Shown = (String, Vec<String>, Vec<String>, Vec<String>, bool);

    /// The clauses of `text` (one sentence) as words.
    fn read(text: &str) -> Vec<Shown> {
        let layer = SentenceLayer::analyse(text, Span::new(0, text.len()));
        let words: Vec<&str> = layer.tokens.iter().map(|t| &text[t.span.range()]).collect();
        let tags: Vec<Xpos> = layer.tags.iter().map(|t| t.0).collect();
        let names: Vec<Range<usize>> = layer.names.iter().map(|n| n.start..n.end).collect();
        let units = units(&layer.phrases, &names);
        let show = |rs: &[Range<usize>]| rs.iter().map(|r| words[r.clone()].join(" ")).collect::<Vec<_>>();
        clauses(&words, &tags, &units)
            .iter()
            .map(|c| {
                (
                    words[c.verb.head].to_string(),
                    show(c.actor(&words)),
                    show(c.patient()),
                    c.preps.iter().map(|(p, u)| format!("{} {}", words[*p], show(u).join("|"))).collect(),
                    c.verb.passive,
                )
            })
            .collect()
    }

    fn find<'a>(clauses: &'a [Shown], verb: &str) -> &'a Shown {
        clauses.iter().find(|c| c.0 == verb).unwrap_or_else(|| panic!("no clause of {verb}: {clauses:?}"))
    }

    #[test]
    fn active_with_adjective_before_the_object() {
        let c = read("Chile and Peru signed the historic fisheries accord in Lima on Monday.");
        let signed = find(&c, "signed");
        assert_eq!(signed.1, ["Chile", "Peru"]);
        assert_eq!(signed.2, ["the historic fisheries accord"]);
        assert!(signed.3.iter().any(|p| p == "in Lima"), "{c:?}");
    }

    #[test]
    fn passive_agent_is_the_actor() {
        let c = read("The plan was sharply criticised by the Harvest Party and Ana Duarte.");
        let v = find(&c, "criticised");
        assert!(v.4);
        assert_eq!(v.1, ["the Harvest Party", "Ana Duarte"]);
        assert_eq!(v.2, ["The plan"]);
    }

    #[test]
    fn relative_clause_and_apposition() {
        let c = read("Tomas Herrvik, who signed the deal, later praised Helena Marsk.");
        assert_eq!(find(&c, "signed").1, ["Tomas Herrvik"]);
        assert_eq!(find(&c, "praised").1, ["Tomas Herrvik"]);
        assert_eq!(find(&c, "praised").2, ["Helena Marsk"]);
        let c = read("Helena Marsk, the party's leader, condemned the attack.");
        // An apposition: both names of the subject, the inner one first.
        let condemned = find(&c, "condemned");
        assert_eq!(condemned.1.last().map(String::as_str), Some("Helena Marsk"), "{c:?}");
        assert_eq!(condemned.1.len(), 2, "{c:?}");
    }

    #[test]
    fn coordinated_verbs_and_gerunds_share_the_subject() {
        let c = read("Ana Duarte arrived in Quito and signed the accord.");
        assert_eq!(find(&c, "signed").1, ["Ana Duarte"]);
        let c = read("After signing the accord, Ana Duarte left for Lima.");
        assert_eq!(find(&c, "signing").1, ["Ana Duarte"]);
        assert_eq!(find(&c, "signing").2, ["the accord"]);
    }

    #[test]
    fn a_coordinated_name_with_its_own_verb_opens_a_clause() {
        let c = read("Edwin Marlow backed the bill, and Ruth Callan, who resigned last year, agreed.");
        assert_eq!(find(&c, "backed").2, ["the bill"], "{c:?}");
        assert_eq!(find(&c, "agreed").1, ["Ruth Callan"], "{c:?}");
    }

    #[test]
    fn the_head_of_an_of_phrase_is_the_subject() {
        let c = read("The leader of the Harvest Party rejected the proposal.");
        assert_eq!(find(&c, "rejected").1, ["The leader"]);
    }

    #[test]
    fn negation_is_kept() {
        let layer_text = "Peru did not sign the accord.";
        let layer = SentenceLayer::analyse(layer_text, Span::new(0, layer_text.len()));
        let words: Vec<&str> = layer.tokens.iter().map(|t| &layer_text[t.span.range()]).collect();
        let tags: Vec<Xpos> = layer.tags.iter().map(|t| t.0).collect();
        let units = units(&layer.phrases, &[]);
        let c = clauses(&words, &tags, &units);
        assert!(c.iter().any(|c| words[c.verb.head] == "sign" && c.verb.negated), "{c:?}");
    }
}
