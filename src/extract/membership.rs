//! # Membership: who belongs to which alliance or organisation
//!
//! ## What it extracts
//! `memberOf` from "A and B, as NATO members", "A and B have been EU
//! members since 2004", "two NATO member countries—A and B", "A, leading member
//! of the 27-party Y coalition", "A, the high-ranking Y member", "A, 61, a
//! ruling Y member", "A is a member of the OSCE", "A is one of the 21
//! members of C", "A joined the WTO", "A was admitted to NATO", "NATO member
//! Turkey". The verbs and the noun "member" are the membership lists of
//! `data/lexicon/triggers/`. Over the sentence's clauses (any voice, lists,
//! relative clauses, gerunds): "A, B and C are all members of D", "A became
//! the Bank's newest member", "A, a member of D, said", "the members of D
//! include A and B", "D members are A, B and C", "D members, for example A
//! and B", "members of D such as A" (people too: "Y Party members like
//! X"), "A and other D members"; people too ("X
//! joined the Harvest Party"); a party named by its adjective
//! ([`crate::extract::parties`]) before a member's name or in an apposition
//! after it ("Labour MP Y", "X, the Republican chairman of ...", "a Democrat,
//! Z", "X, a lawmaker from the opposition Y Party", "X, a Y Party
//! activist": a person's, with a noun of `party_member_nouns.txt`), or by
//! the letter of a party-state designation ("Sen. X, D-Ariz.,",
//! "Rep. Y (R-Texas)": `party_letters.tsv`).
//! A body and what it is made of ("the Group of Seven, which includes A
//! and B", "Y, a bloc comprising A and B", "the council, made up of A and
//! B", "Y is a trade pact involving A and B": `composition_verbs.txt`)
//! makes each listed country or body a member, where the body's name or the
//! phrase describing it has a noun of a body of members ("Group",
//! "Council", "a bloc": `member_bodies.txt`, `group_nouns.txt`).
//! A party's leader is its member: a post at the head of a party, or any
//! post in it ("the party's chairman", "party spokesman"), gives `memberOf`
//! the party too ([`party_posts`]).
//!
//! ## Example
//! "Finland and Sweden, as EU members, backed the plan."
//!
//! ## Produces
//! `Finland memberOf European Union`, `Sweden memberOf European Union`.
//!
//! ## Known misses
//! Membership said through a verb of wanting ("seeks to join": planned or
//! hedged, not asserted); membership implied by chairing a body.

use std::sync::LazyLock;

use regex::Regex;

use std::ops::Range;

use crate::extract::lexicon::{
    self, all, alternation, finite, MEMBERSHIP_VERBS, MEMBER_BODIES, MEMBER_NOUNS, PARTY_MEMBER_NOUNS,
};
use crate::extract::model::{DocEntity, EntityType, Fact, Object, Relation};
use crate::extract::pattern::{entities, entity};
use crate::extract::structure::Structure;
use crate::extract::view::{list, SentenceView};
use crate::extract::{DocContext, Findings, Found, RelationExtractor};
use crate::text::clause::Clause;
use crate::text::wordlist::WordList;

/// The membership extractor.
#[derive(Debug)]
pub struct Membership;

const NAME: &str = "membership";

static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let members = list("members", "CO");
    let people = list("members", "PCO");
    // "member", "members": the nouns for one who belongs.
    let member = alternation(all(&[&MEMBER_NOUNS]));
    let joined = alternation(finite(&[&MEMBERSHIP_VERBS]));
    [
        format!(r"{members},? (?:(?:as|are|were|is|was|have been|has been|had been|became|become|remain|remains|both|all|also) )+(?:(?:fellow|full|founding|longtime|long-time) )?(?:a |an )?(?P<org>«O\d+»)(?:'s|’s)? (?:(?:{member})(?: states?| countries| nations)?|allies)\b"),
        format!(r"(?P<org>«O\d+») (?:{member}) (?:countries|states|nations|country|state)?(?: from (?:the )?«[LC]\d+»)?\s*(?:—|–|:|,|-)\s*{members}"),
        format!(r"{members} (?:is|are|was|were|became|has become|have become|remains?|has been|have been) (?:not |no longer |never )?(?:(?:a|an|full|founding|both|all) )*(?:{member}) of (?:the )?(?P<org>«O\d+»)"),
        format!(r"{members} (?:(?:has|have|had) )?(?:(?:was|were|has been|have been) )?(?:{joined}) (?:the )?(?P<org>«O\d+»)"),
        format!(r"(?P<org>«O\d+») (?:(?:{member})(?: states?| country| countries)?|ally|allies) {members}"),
        // "X, leading member of the 27-party Y coalition", "X, the largest member of the Y"
        format!(r"{members}, (?:\d{{1,3}}, )?(?:(?:a|an|the) )?(?:[a-z]+ )?(?:{member}) of (?:the )?(?:[\w-]+ )?(?P<org>«O\d+»)"),
        // "X, the high-ranking Y member", "X, a longtime Y member,"
        format!(r"{members}, (?:\d{{1,3}}, )?(?:a|an|the) (?:[a-z-]+ )?(?P<org>«O\d+») (?:{member})\b"),
        // Examples of a body's members: "several Y members, for example A and
        // B,", "members of the Y, such as A and B", "Y member states including A"
        // (people too: "Communist Party members like X").
        format!(r"(?:(?P<org>«O\d+»)(?:'s|’s)? (?:{member})(?: states| countries| nations)?|\b(?i:{member})(?: states| countries| nations)? of (?:the )?(?P<org2>«O\d+»)),? (?:for example|for instance|such as|including|notably|like|among them) {people}"),
        // "A, B and other Y members"
        format!(r"{members},? and (?:the )?other (?P<org>«O\d+») (?:{member})\b"),
    ]
    .iter()
    .map(|p| crate::extract::pattern::compile(p).expect("valid membership pattern"))
    .collect()
});

/// The pattern of [`PATTERNS`] that reads a verb of joining.
const JOINED: usize = 3;

/// Whether a body's name ends as a company's does ("Acme Corp", "MCA
/// Inc"): a company has staff and partners, not members.
fn is_company(name: &str) -> bool {
    name.split_whitespace().any(|w| lexicon::COMPANY_SUFFIXES.contains(&w.trim_end_matches(['.', ',', '\''])))
}

/// Whether the words after "A joined B" say A acts with B rather than joins
/// it: "A joined B, C and D in raising prices". Past the rest of a list of
/// names (placeholders or capitalised words), "in" and a gerund.
fn acts_with<'a>(rest: impl IntoIterator<Item = &'a str>) -> bool {
    let mut rest = rest
        .into_iter()
        .map(|w| w.trim_end_matches([',', '.', ';', ':']))
        .filter(|w| !w.is_empty())
        .skip_while(|w| matches!(*w, "and" | "&") || w.starts_with(|c: char| c.is_uppercase() || c == '«'));
    rest.next() == Some("in") && rest.next().is_some_and(|w| w.len() > 4 && w.ends_with("ing"))
}

/// A party's label and the role words before a member's name: "«G1» MP
/// «P2»", "«G1» committee member «P2»", "«G1» MP (Member of Parliament) «P2»".
static PARTY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(
        r"«G(?P<party>\d+)»(?P<gap>(?: (?:[A-Za-z][\w.-]*|«[OLCD]\d+»)){0,4})(?: \((?:[^()«»]|«O\d+»){1,40}\))? «P(?P<person>\d+)»",
    )
        .expect("valid party pattern")
});

/// A party's label in an apposition or a predicate after a name: "«P2», the
/// «G1» chairman of", "«P2» is a «G1»", "«P2», a «L3» «G1»" (a state's
/// member of the party: "a Texas Democrat").
static PARTY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(
        r"«P(?P<person>\d+)»(?:, (?:the |a |an |also a |fellow )(?:«L\d+» )?|,? (?:is|was) (?:also )?(?:a |an |the )?)«G(?P<party>\d+)»(?P<gap>(?: (?:[A-Za-z][\w.-]*|«[OLCD]\d+»)){0,4}?)(?:[,.;)]|$| (?:of|from|who|and|in|for|since|until)\b)",
    )
    .expect("valid party pattern")
});

/// A party-state designation after a member's name: "«P2», «G1»-Ariz.,",
/// "«P2» («G1»-Texas)".
static PARTY_DESIGNATION: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(r"«P(?P<person>\d+)»(?:, | \()«G(?P<party>\d+)»-[A-Z][A-Za-z.]*")
        .expect("valid party pattern")
});

/// A member named after the party's noun: "a «G1», «P2»,".
static PARTY_NOUN_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(r"\b(?:a|an|one|fellow) «G(?P<party>\d+)», «P(?P<person>\d+)»")
        .expect("valid party pattern")
});

/// Verbs that list what a body is made of (`composition_verbs.txt`).
static COMPOSITION_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/composition_verbs.txt"));

/// Nouns for a body of members besides `member_bodies.txt` (`group_nouns.txt`).
static GROUP_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/group_nouns.txt"));

/// Whether `word` (any case) names a body made of members.
fn group_noun(word: &str) -> bool {
    let lower = word.to_lowercase();
    MEMBER_BODIES.contains(&lower.as_str()) || GROUP_NOUNS.contains(&lower.as_str())
}

/// A body and what it is made of: "the Group of Seven, which includes A and
/// B", "ASEAN, a bloc comprising A and B", "the council, made up of A and
/// B", "Y is a trade pact involving A, B and C". Each country or body listed
/// is a member. The body is an organisation whose name has a noun of a
/// body of members ("Group", "Community", "Council") or that the sentence
/// describes by one ("a bloc", "a pact"); "the index includes IBM" or "the
/// deal includes Peru" say nothing of members.
fn from_composition(view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
    let Some(st) = doc.structure else { return };
    let words = &st.words;
    for (k, clause) in st.clauses.iter().enumerate() {
        if clause.verb.negated || clause.verb.modal {
            continue;
        }
        let Some(members) = clause.trigger_patient(words, &COMPOSITION_VERBS) else { continue };
        // "Japan is included in the G7": a passive lists members only after "of".
        if clause.verb.passive && !clause.prep(words, "of").is_some_and(|of| std::ptr::eq(of, members)) {
            continue;
        }
        let (body, from) = match clause.subject.as_slice() {
            [unit] => {
                let named = st.entity_of(unit, doc.entities);
                let by_name = named.is_some_and(|b| doc.entities[b].name.split(' ').any(group_noun));
                // "The bank sold units in several countries, including A
                // and B": a gerund after other words lists what they name.
                let between = &words[unit.end.min(clause.verb.start)..clause.verb.start];
                let appositive = described_as_group(words, unit.end, clause.verb.start);
                let next_to_subject = !clause.subject_inherited
                    || appositive
                    || between.iter().all(|w| matches!(*w, "," | "which" | "that"));
                (named.filter(|_| next_to_subject && (by_name || appositive)), unit.start)
            }
            [] => match described_body(st, &st.clauses[..k], clause.verb.start, doc) {
                Some((body, start)) => (Some(body), start),
                None => (None, 0),
            },
            _ => (None, 0),
        };
        let Some(body) = body.filter(|&b| doc.kind(b) == EntityType::Organization) else { continue };
        for unit in members {
            let Some(member) = st.entity_of(unit, doc.entities) else { continue };
            if member == body || !matches!(doc.kind(member), EntityType::Country | EntityType::Organization) {
                continue;
            }
            let range = view.view_range(st.span(from..unit.end));
            out.add(view, Found::new(member, Relation::MemberOf, Object::Entity(body), range, NAME, 65));
        }
    }
}

/// Whether the words between a subject and its verb describe it by a noun
/// of a body of members: "ASEAN, a regional bloc, groups ...".
fn described_as_group(words: &[&str], from: usize, to: usize) -> bool {
    // Only an apposition between commas describes the subject.
    let apposition = to > from + 2 && words[from] == "," && words[to - 1] == ",";
    apposition && (from..to).any(|i| group_noun(words[i]))
}

/// The body a subjectless verb of composition describes, and where its name
/// starts: the name before ", a bloc comprising" (an apposition) or before
/// "is a pact involving" (a copula), where the noun phrase between is headed
/// by a noun of a body of members.
fn described_body(st: &Structure<'_>, before: &[Clause], verb: usize, doc: &DocContext<'_>) -> Option<(usize, usize)> {
    let words = &st.words;
    // The noun phrase right before the verb: lower-case words back to its article.
    let mut i = verb;
    while i > 0 && verb - i < 6 && words[i - 1].chars().all(|c| c.is_lowercase() || c == '-') {
        i -= 1;
        if matches!(words[i], "a" | "an" | "the") {
            break;
        }
    }
    if i == verb || !matches!(words[i], "a" | "an" | "the") || !group_noun(words[verb - 1]) {
        return None;
    }
    let article = i;
    if article > 0 && words[article - 1] == "," {
        let unit = article - 1;
        return st.mention_ending_at(unit);
    }
    // "Y is a pact involving": the copula's subject.
    let copula = before.iter().rev().find(|c| {
        c.objects.last().is_some_and(|o| o.start == article) && crate::text::clause::is_copula(words[c.verb.head])
    })?;
    let [unit] = copula.subject.as_slice() else { return None };
    st.entity_of(unit, doc.entities).map(|e| (e, unit.start))
}

impl RelationExtractor for Membership {
    fn name(&self) -> &'static str {
        NAME
    }

    fn extract(&self, view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
        from_clauses(view, doc, out);
        from_composition(view, doc, out);
        from_party_labels(view, doc, out);
        if !view.text.contains("«O")
            || !(lexicon::mentions_any(&view.text, &[&MEMBER_NOUNS, &MEMBERSHIP_VERBS])
                || view.text.contains("allies")
                // The lists are lower case; "Members of the Y, such as A" opens a sentence.
                || view.text.starts_with("Member"))
        {
            return;
        }
        for (i, pattern) in PATTERNS.iter().enumerate() {
            for caps in pattern.captures_iter(&view.text) {
                let Some(org) = entity(view, &caps, "org").or_else(|| entity(view, &caps, "org2")) else { continue };
                let range = caps.get(0).map_or(0..0, |m| m.range());
                if i == JOINED && acts_with(view.text[range.end..].split_whitespace()) {
                    continue;
                }
                for (_, member) in entities(view, &caps, "members") {
                    out.add(view, Found::new(member, Relation::MemberOf, Object::Entity(org), range.clone(), NAME, 80));
                }
            }
        }
    }
}

/// Membership read from a party's label next to a member's name ("Labour MP
/// «P»", "«P», the Republican chairman of", "a Democrat, «P»"): every word
/// between them must be a title or a word of political roles.
fn from_party_labels(view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
    if !view.text.contains("«G") {
        return;
    }
    let roles_only = |gap: Option<regex::Match<'_>>| {
        gap.map_or("", |g| g.as_str())
            .split_whitespace()
            .all(|w| w.starts_with('«') || crate::extract::parties::is_role_word(w))
    };
    for pattern in [&*PARTY_BEFORE, &*PARTY_AFTER, &*PARTY_NOUN_BEFORE, &*PARTY_DESIGNATION] {
        for caps in pattern.captures_iter(&view.text) {
            if !roles_only(caps.name("gap")) {
                continue;
            }
            let index = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<usize>().ok());
            let (Some(party), Some(person)) = (index("party"), index("person")) else { continue };
            if doc.kind(person) != EntityType::Person || doc.kind(party) != EntityType::Organization {
                continue;
            }
            let range = caps.get(0).map_or(0..0, |m| m.range());
            out.add(view, Found::new(person, Relation::MemberOf, Object::Entity(party), range, NAME, 75));
        }
    }
}

/// Membership over the sentence's clauses and noun phrases:
///
/// - joining: "A (and B) joined C", "A acceded to C", "A was admitted to C"
///   (the verbs from [`MEMBERSHIP_VERBS`]);
/// - being a member: "A is / became / remains a member of C", "A and B are
///   all members of C", "A became the Bank's newest member", "A is a NATO
///   member";
/// - an apposition: "A, a member of C, said".
///
/// The body must be an organisation; a member is a person, a country or an
/// organisation.
fn from_clauses(view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
    let Some(st) = doc.structure else { return };
    let words = &st.words;
    let is_member_kind =
        |e: usize| matches!(doc.kind(e), EntityType::Person | EntityType::Country | EntityType::Organization);
    let mut add = |member: usize, org: usize, range: Range<usize>, confidence: u8| {
        if doc.kind(org) != EntityType::Organization || !is_member_kind(member) {
            return;
        }
        out.add(
            view,
            Found {
                subject: member,
                relation: Relation::MemberOf,
                object: Object::Entity(org),
                range: view.view_range(st.span(range)),
                extractor: NAME,
                confidence,
                title: None,
            },
        );
    };
    for clause in &st.clauses {
        let head = clause.verb.head;
        let word = words[head].to_lowercase();
        let verb = clause.verb.start..clause.verb.end;
        // Joining.
        if let Some(bodies) = clause.trigger_patient(words, &MEMBERSHIP_VERBS) {
            // "A joined B, C and D in raising prices": acting together.
            if acts_with(words[bodies.last().map_or(verb.end, |b| b.end)..].iter().copied()) {
                continue;
            }
            let from = subject_start(clause).min(verb.start);
            for member in &clause.subject {
                let Some(m) = st.subject_entity(member, doc.entities, doc.last_person) else { continue };
                for body in bodies {
                    // "X joined the Y as an analyst": a post, not membership
                    // ("joined NATO as its 29th member" stays one).
                    let as_post = words.get(body.end).is_some_and(|w| w.eq_ignore_ascii_case("as"))
                        && !words
                            .iter()
                            .skip(body.end + 1)
                            .take(4)
                            .any(|w| MEMBER_NOUNS.contains(&w.to_lowercase().as_str()));
                    if as_post {
                        continue;
                    }
                    let Some(org) = st.entity_of(body, doc.entities) else { continue };
                    // "X joined Acme Corp": a venture or a job, not membership.
                    if is_company(&doc.entities[org].name) {
                        continue;
                    }
                    add(m, org, from..body.end.max(verb.end), 75);
                }
            }
        }
        // Being a member.
        if !crate::text::clause::is_copula(&word) {
            continue;
        }
        let of_after = |unit: &Range<usize>| {
            clause
                .preps
                .iter()
                .find(|(p, _)| *p == unit.end && words[*p].eq_ignore_ascii_case("of"))
                .and_then(|(_, u)| u.first())
        };
        for object in &clause.objects {
            // "A is one of the 21 members of C": the member phrase after "one of".
            let object = match of_after(object) {
                Some(members) if object.len() == 1 && words[object.start].eq_ignore_ascii_case("one") => members,
                _ => object,
            };
            let of = of_after(object);
            let Some(org) = body_of_member(st, doc, object, of) else { continue };
            let end = clause
                .preps
                .iter()
                .find(|(p, _)| *p == object.end)
                .and_then(|(_, u)| u.last())
                .map_or(object.end, |u| u.end);
            let from = subject_start(clause).min(verb.start);
            for member in &clause.subject {
                let Some(m) = st.subject_entity(member, doc.entities, doc.last_person) else { continue };
                add(m, org, from..end, 75);
            }
        }
    }
    // "The members of C include A and B", "C's members are A and B": the
    // group's members listed as the objects.
    for clause in &st.clauses {
        let word = words[clause.verb.head].to_lowercase();
        let [group] = clause.subject.as_slice() else { continue };
        if clause.verb.passive
            || !(INCLUSION_VERBS.contains(&word.as_str()) || crate::text::clause::is_copula(&word))
            || !is_member_phrase(words, group)
        {
            continue;
        }
        let of = of_phrase_after(st, group);
        let Some(org) = body_of_member(st, doc, group, of) else { continue };
        for object in &clause.objects {
            if let Some(m) = st.entity_of(object, doc.entities).filter(|&m| m != org) {
                add(m, org, group.start..object.end, 70);
            }
        }
    }
    // "A, a member of C, ...": a member phrase set off after a name.
    for (i, unit) in st.units.iter().enumerate() {
        if i == 0 || unit.start < 2 || words[unit.start - 1] != "," {
            continue;
        }
        let before = &st.units[i - 1];
        if before.end != unit.start - 1 {
            continue;
        }
        let of = of_phrase_after(st, unit);
        // "X, a lawmaker from the opposition Y Party": "from" a party too.
        let party_phrase = of.or_else(|| phrase_after(st, unit, "from"));
        let Some(m) = st.entity_of(before, doc.entities) else { continue };
        // A party's lawmaker is a person ("In the Senate, a Republican
        // senator, ..." sets no body in the party).
        let person = doc.kind(m) == EntityType::Person;
        let org = body_of_member(st, doc, unit, of).or_else(|| {
            person
                .then(|| party_phrase.and_then(|u| party_of_member(st, doc, unit, u)))
                .flatten()
                .or_else(|| person.then(|| party_of_member(st, doc, unit, unit)).flatten())
        });
        let Some(org) = org else { continue };
        add(m, org, before.start..party_phrase.map_or(unit.end, |u| u.end), 70);
    }
    // "two members of C, A and B, were detained": the members named in a
    // list set off after the phrase.
    for unit in &st.units {
        if !is_member_phrase(words, unit) || !words.get(unit.end).is_some_and(|w| w.eq_ignore_ascii_case("of")) {
            continue;
        }
        let Some(of) = st.units.iter().find(|u| u.start == unit.end + 1) else { continue };
        let Some(org) = st.entity_of(of, doc.entities) else { continue };
        if words.get(of.end) != Some(&",") {
            continue;
        }
        for listed in st.listed_from(of.end + 1) {
            if let Some(m) = st.entity_of(listed, doc.entities) {
                add(m, org, unit.start..listed.end, 70);
            }
        }
    }
    // "Jane Roe's Civic Democratic Party", "Roe's own Social Democratic
    // party": a person's party.
    for unit in &st.units {
        let Some(org) = st.entity_of(unit, doc.entities) else { continue };
        let Some(person) = st.owner_of(unit) else { continue };
        if doc.kind(person) == EntityType::Person && lexicon::is_party_name(&doc.entities[org].name) {
            add(person, org, unit.clone(), 65);
        }
    }
}

/// The party of "a legislator of the Y Party" (or "from the Y Party", or
/// "a Y Party lawmaker", where `of` is the unit itself): a member noun of a
/// party (`party_member_nouns.txt`) ending `unit`, and the phrase `of`
/// naming a body whose name ends with a party head.
fn party_of_member(st: &Structure<'_>, doc: &DocContext<'_>, unit: &Range<usize>, of: &Range<usize>) -> Option<usize> {
    let head = st.words[unit.end - 1].to_lowercase();
    if !PARTY_MEMBER_NOUNS.contains(&head.as_str()) {
        return None;
    }
    let named = if of == unit { st.organization_in(unit, doc.entities) } else { st.entity_of(of, doc.entities) };
    named.filter(|&org| doc.kind(org) == EntityType::Organization && lexicon::is_party_name(&doc.entities[org].name))
}

/// Whether a unit's last word is a member noun ("a member", "members"), or
/// "member" stands before its last word ("member states").
fn is_member_phrase(words: &[&str], unit: &Range<usize>) -> bool {
    let last = unit.end - 1;
    MEMBER_NOUNS.contains(&words[last].to_lowercase().as_str())
        || last > unit.start && MEMBER_NOUNS.contains(&words[last - 1].to_lowercase().as_str())
}

/// The body a member phrase names: its "of" phrase `of` ("a member of
/// C"), the owner in a possessive ("the Bank's newest member"), or a body
/// named inside it ("a NATO member").
fn body_of_member(
    st: &Structure<'_>,
    doc: &DocContext<'_>,
    unit: &Range<usize>,
    of: Option<&Range<usize>>,
) -> Option<usize> {
    if !is_member_phrase(&st.words, unit) {
        return None;
    }
    of.and_then(|u| st.entity_of(u, doc.entities))
        .or_else(|| st.owner_of(unit))
        .or_else(|| st.organization_in(unit, doc.entities))
}

/// The unit of an "of" phrase right after `unit` ("a member [of the OSCE]").
fn of_phrase_after<'s>(st: &'s Structure<'_>, unit: &Range<usize>) -> Option<&'s Range<usize>> {
    phrase_after(st, unit, "of")
}

/// The unit of a phrase of preposition `prep` right after `unit`.
fn phrase_after<'s>(st: &'s Structure<'_>, unit: &Range<usize>, prep: &str) -> Option<&'s Range<usize>> {
    st.words
        .get(unit.end)
        .is_some_and(|w| w.eq_ignore_ascii_case(prep))
        .then(|| st.units.iter().find(|u| u.start == unit.end + 1))
        .flatten()
}

/// Verbs that list what a group is made of ("include", "comprise").
static INCLUSION_VERBS: crate::text::wordlist::WordList =
    crate::text::wordlist::WordList::new(include_str!("../../data/lexicon/grammar/inclusion_verbs.txt"));

/// Where a clause's subject starts, or its verb when the subject was
/// inherited from another clause (the evidence stays in this one).
fn subject_start(clause: &Clause) -> usize {
    if clause.subject_inherited {
        clause.verb.start
    } else {
        clause.subject.iter().map(|u| u.start).min().unwrap_or(clause.verb.start)
    }
}

/// Members from posts: whoever holds a post in a party ("X, the leader of
/// the Y Party", "Y Party spokesman X") belongs to it. The new fact keeps
/// the post's evidence and modality (a former leader was a member), at
/// the post's confidence.
#[must_use]
pub fn party_posts(entities: &[DocEntity], facts: &[Fact]) -> Vec<Fact> {
    let mut out: Vec<Fact> = Vec::new();
    for post in
        facts.iter().filter(|f| matches!(f.relation, Relation::HeadOf | Relation::WorksFor | Relation::MinisterOf))
    {
        let Object::Entity(party) = post.object else { continue };
        if entities[post.subject].kind != EntityType::Person || !lexicon::is_party_name(&entities[party].name) {
            continue;
        }
        let known = |f: &Fact| f.subject == post.subject && f.relation == Relation::MemberOf && f.object == post.object;
        if facts.iter().any(known) || out.iter().any(known) {
            continue;
        }
        out.push(Fact { relation: Relation::MemberOf, title: None, ..post.clone() });
    }
    out
}
