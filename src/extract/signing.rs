//! # Signing: who signed an agreement, where and when
//!
//! ## What it extracts
//! `signatory` from the subject of "signed" ("A, B and C signed a joint
//! declaration", "the defense ministers of A and B signed the pact") and the
//! agent list of "signed by" ("the treaty was signed by the foreign
//! ministers of the three countries: X, Y and Z"; "signed by 45 countries
//! including A and B") and of the signing's noun ("the signing of the
//! treaty by A and B took place in Y", not when it "was postponed":
//! `halt_verbs.txt`); `signedIn` and `signedOn`
//! from "in `<place>`" and "on `<date>`" in the same clause as the verb, or
//! after the noun ("the agreement ... after the official signing in Peking").
//! Over the sentence's clauses, every form of a signing verb: an adjective
//! before the agreement ("signed the historic accord"), a gerund ("after
//! signing the accord, A ..."), a relative clause ("A, who signed the
//! accord"), the passive, "the ministers of A and B" (A and B sign), and a
//! party after "with" or "between"; the parties of "an agreement between A,
//! B and C" (also past its date: "a pact in July between A and B"; a
//! capital there, or in "the Canberra-Washington pact", stands for its
//! state), the sides of "A's agreement with B" and the owner of "A's
//! pact", whatever the verb;
//! the parties an agent noun names ("other signatories to the deal
//! include A and B", "A, a signatory of the treaty"); who leaves an
//! agreement was its party ("A withdrew from the deal", "withdrew A from
//! the treaty": `triggers/withdraw_verbs.txt`). A reduced relative dates or places the
//! signing ("the accord, signed in May 2011, ..."); an agreement followed
//! by the clause that signed it has that clause's signers, place and date
//! ("a contract Y signed with Z", "the accord that A and B signed", "the
//! accord A signed with B in 1990 in Lima"). The date may stand before the clause
//! ("On Sunday, A and B signed"); weekdays are dates against the article's
//! own date (`TextLayer::resolve_weekdays`). A date that bounds a span or
//! sets a deadline ("signed ... since 1981", "to be signed by June 30") is
//! no signing date, and a place after a common noun outside the parties'
//! phrases is that noun's ("signed contracts for blocks in Y", "with banks
//! in Y"), not the signing's; after an occasion or a time ("at a ceremony
//! in Y", "last week in Y") it is the signing's. "They" after the verb of
//! speaking of two bodies or states stands for both ("A and B said they
//! had signed contracts with C").
//!
//! Becoming a party without signing gives `signatory` too, without a
//! place or date: the verbs of `data/lexicon/triggers/party_verbs.txt`
//! ("reached an agreement", "concluded a pact with", "joined the X
//! Agreement", "ratified", "acceded to", "entered into", "struck a deal"),
//! not when negated ("failed to reach"). Sides joined by a hyphen before
//! the agreement's noun are its parties ("the Iran-US deal", "the
//! Czech-German declaration"), when the document names them.
//!
//! Making an agreement known with its other side named makes a party ("X
//! announced an agreement with Y": `announce_verbs.txt`), and so does
//! breaking one ("X violated the accord", "accused X of breaching it":
//! `breach_verbs.txt`; only a party can breach an agreement).
//!
//! An agreement named with the year it was made, before the document's own
//! ("the 1979 extradition treaty", "the September 1985 pact"), was signed
//! then (`signedOn`, confidence 0.60; "the 1997 pact" of a 1997 report may
//! be the pact for the year, and says nothing).
//!
//! A signer who holds a state's post in the text (a minister, a head of
//! state or government: "Chilean Foreign Minister X signed") signs for it:
//! the state is a signatory too ([`signers_states`]).
//!
//! ## Example
//! "Chile and Peru signed a trade agreement on May 4 in Lima."
//!
//! ## Produces
//! `agreement signatory Chile`, `agreement signatory Peru`, `agreement
//! signedIn Lima`, `agreement signedOn "--05-04"` (its year resolved against
//! the document's date later).
//!
//! ## Known misses
//! Signing told without a verb of `sign_verbs.txt` or `party_verbs.txt`
//! ("put their names to", "negotiated"); a party named by a pronoun
//! ("acceded to it"); signatories far from the
//! verb, in another sentence; a place or date given in another sentence
//! other than a meeting told just before the signing
//! ([`place_and_date_nearby`]).

use std::sync::LazyLock;

use regex::Regex;

use std::collections::{BTreeMap, BTreeSet};

use crate::extract::lexicon::{
    self, all, alternation, finite, HALT_VERBS, MEET_NOUNS, MEET_VERBS, MEMBER_NOUNS, PARTY_VERBS, SIGN_AGENTS,
    SIGN_NOUNS, SIGN_VERBS, WITHDRAW_VERBS,
};
use crate::extract::model::{DocEntity, EntityType, Evidence, Fact, Modality, Object, Relation};
use crate::extract::pattern::{date, entities, entity};
use crate::extract::view::{list, SentenceView};
use crate::extract::{DocContext, DocMentions, Findings, Found, RelationExtractor};
use crate::text::date::PartialDate;
use crate::text::layer::TextLayer;
use crate::text::sentence::{BlockKind, Sentence};
use crate::text::wordlist::WordList;

/// The signing extractor.
#[derive(Debug)]
pub struct Signing;

const NAME: &str = "signing";

static ACTIVE: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = alternation(finite(&[&SIGN_VERBS]));
    crate::extract::pattern::compile(&format!(r"\b(?:have |has |had |did |does |do |will |would |may |might |could |to |not |never |jointly |formally |officially |also |recently |finally )*(?:{verbs})(?: on (?P<date>«T\d+»))? (?:a |an |the |their |its |this )?(?P<agreement>«A\d+»)")).expect("valid pattern")
});
static PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
    let signers = list("signers", "PCOL");
    let verbs = alternation(finite(&[&SIGN_VERBS]));
    crate::extract::pattern::compile(&format!(r"(?P<agreement>«A\d+»),? (?:which |that )?(?:was |were |has been |had been |is |are )?(?:\w+ )?(?:{verbs}) by (?:the )?(?:[a-z -]{{1,60}}?(?:of|from) (?:the )?(?:[a-z -]{{1,40}}?)?:? )?{signers}")).expect("valid pattern")
});
/// "The signing of the X by A and B took place in Y on Z": the signing
/// named by its noun, with its agreement and its signers.
static NOMINAL: LazyLock<Regex> = LazyLock::new(|| {
    let signers = list("signers", "PCOL");
    let nouns = alternation(all(&[&SIGN_NOUNS]));
    crate::extract::pattern::compile(&format!(
        r"\b(?:{nouns}) of (?:the |a |an |this |that )?(?P<agreement>«A\d+») by (?:the )?(?:[a-z -]{{1,60}}?(?:of|from) (?:the )?)?{signers}"
    ))
    .expect("valid pattern")
});
/// "... was postponed": a verb of `halt_verbs.txt` after the signing's noun
/// phrase, so nothing was signed.
static HALTED: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = alternation(HALT_VERBS.words().iter().copied());
    crate::extract::pattern::compile(&format!(
        r"^[^.;«]{{0,40}}?(?:«[PCOL]\d+»[^.;«]{{0,20}})*\b(?:was|were|has been|had been|have been|is|are|will be)(?: [a-z]+ly)? (?:{verbs})\b"
    ))
    .expect("valid pattern")
});
/// "Details of the agreement will be released after the official signing
/// in Peking": the signing named by its noun.
static SIGNING_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    let nouns = alternation(all(&[&SIGN_NOUNS]));
    crate::extract::pattern::compile(&format!(r"(?P<agreement>«A\d+»)[^.;]{{0,120}}?\b(?:official |formal )?(?:{nouns})(?: ceremony)? (?:in|at) (?:the )?(?P<place>«[LC]\d+»)(?: on (?P<date>«T\d+»))?"))
        .expect("valid pattern")
});
/// "a joint declaration between A, B and C": the parties of an agreement
/// named with it, whatever the verb ("approved", "reached", none), also
/// past its date ("a defence pact in July between A and B", "the accord
/// last year between A and B"). A capital among them stands for its state
/// ("between Washington and Canberra").
static BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    let parties = list("parties", "PCOL");
    let when = r"(?:(?:in|on|of|from|since) «T\d+»|(?:last|this|earlier this|late last|early last) (?:year|month|week|spring|summer|autumn|fall|winter))";
    crate::extract::pattern::compile(&format!(
        r"(?P<agreement>«A\d+»)(?:,? {when},?)? (?:between|among) (?:the )?{parties}"
    ))
    .expect("valid pattern")
});
/// The parties an agent noun of signing names: "other signatories to the
/// deal include A and B", "A, a signatory of the treaty", "A is one of the
/// signatories to the accord".
static SIGNATORIES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let agents = alternation(all(&[&SIGN_AGENTS]));
    let parties = list("parties", "PCO");
    let of = format!(r"(?:{agents}) (?:to|of) (?:the |this |that )?(?P<agreement>«A\d+»)");
    [
        format!(r"{of},? (?:include|includes|included|including|are|were|such as)(?: also)? (?:the )?{parties}"),
        format!(r"{parties},? (?:(?:is|are|was|were|became|becomes|become|remain|remains) )?(?:also )?(?:a |an |the |one of the |among the |fellow )?(?:original |other |first |founding |fellow )?{of}"),
    ]
    .iter()
    .map(|p| crate::extract::pattern::compile(p).expect("valid signatories pattern"))
    .collect()
});

/// An agreement, then the clause that says who signed it, with no word
/// between (or "that", "which"): "a contract Y signed with Z in February",
/// "the accord that A and B signed" (the agreement is what was signed; a
/// verb followed by "by" is a passive, read elsewhere).
static OBJECT_RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    let parties = list("parties", "PCO");
    let verbs = alternation(finite(&[&SIGN_VERBS]).into_iter().filter(|v| v.ends_with("ed")));
    crate::extract::pattern::compile(&format!(
        r"(?P<agreement>«A\d+»),? (?:that |which )?{parties} (?:has |have |had |recently |jointly |formally |officially )*(?:{verbs})(?: with (?:the )?(?P<with>«[PCO]\d+»))?(?: (?:in|on) (?P<date>«T\d+»))?(?: in (?:the )?(?P<place>«[LC]\d+»))?(?: (?:in|on) (?P<date2>«T\d+»))?(?P<tail> by\b|[ ,.;]|$)"
    ))
    .expect("valid pattern")
});

/// Leaving an agreement makes one its party: "A and B withdrew from the
/// deal", "A has threatened to pull out of the accord", and the object of
/// "withdrew A from the treaty" (`triggers/withdraw_verbs.txt`).
static WITHDRAWN: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let parties = list("parties", "PCO");
    let verbs = alternation(all(&[&WITHDRAW_VERBS]));
    let transitive = alternation(WITHDRAW_VERBS.words().iter().filter_map(|v| v.strip_suffix(" from")));
    [
        format!(r"{parties},? (?:[a-z]+ ){{0,3}}?(?:{verbs}) (?:the |a |an |its |their )?(?P<agreement>«A\d+»)"),
        format!(
            r"\b(?:{transitive}) (?:the )?(?P<parties>«[CO]\d+») from (?:the |a |an |its |their )?(?P<agreement>«A\d+»)"
        ),
    ]
    .iter()
    .map(|p| crate::extract::pattern::compile(p).expect("valid withdrawal pattern"))
    .collect()
});

/// "A's trade agreement with B", "the accord with B": the sides of an
/// agreement named with it, whatever the verb (the owner before it and
/// the parties after "with").
static WITH: LazyLock<Regex> = LazyLock::new(|| {
    let parties = list("parties", "PCO");
    crate::extract::pattern::compile(&format!(
        r"(?:(?P<owner>«[PCO]\d+»)(?:'s|’s) )?(?P<agreement>«A\d+») with (?:the )?{parties}"
    ))
    .expect("valid pattern")
});
/// "Eurocan's pact", "Japan's trade agreement": a state or body that
/// owns an agreement is its party, whatever the verb.
static OWNED: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(r"(?P<owner>«[CO]\d+»)(?:'s|’s) (?P<agreement>«A\d+»)(?P<after> with)?")
        .expect("valid pattern")
});
static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(
        r"^[^.;«,]{0,40}?(?:«[AT]\d+»[^.;«,]{0,30}?)*\bin (?:the )?(?:«D\d+» capital(?: city)?,? )?(?P<place>«[LC]\d+»)",
    )
    .expect("valid pattern")
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(r"^[^.;«]{0,40}?(?:«[AL]\d+»[^.;«]{0,30}?)*\bon (?P<date>«T\d+»)")
        .expect("valid pattern")
});

impl RelationExtractor for Signing {
    fn name(&self) -> &'static str {
        NAME
    }

    fn extract(&self, view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
        let text = &view.text;
        if !text.contains("«A") {
            return;
        }
        // Parties named with the agreement whatever the verb: "between A
        // and B", "signatories to it include A", "A withdrew from it".
        for pattern in std::iter::once(&*BETWEEN).chain(SIGNATORIES.iter()).chain(WITHDRAWN.iter()) {
            for caps in pattern.captures_iter(text) {
                let Some(agreement) = entity(view, &caps, "agreement") else { continue };
                let whole = caps.get(0).map_or(0..0, |m| m.range());
                for (code, party) in entities(view, &caps, "parties") {
                    // A place is a party only as the capital of a state the document names.
                    let party = if code == 'L' { doc.government_of_capital(party) } else { Some(party) };
                    if let Some(party) = party.filter(|_| code != 'D') {
                        out.add(view, found(agreement, Relation::Signatory, Object::Entity(party), whole.clone(), 70));
                    }
                }
            }
        }
        for caps in OBJECT_RELATIVE.captures_iter(text) {
            let Some(agreement) = entity(view, &caps, "agreement") else { continue };
            if caps.name("tail").is_some_and(|t| t.as_str().starts_with(" by")) {
                continue;
            }
            // The evidence ends with the clause, not with the mark after it.
            let whole = caps.get(0).map_or(0..0, |m| m.start()..caps.name("tail").map_or(m.end(), |t| t.start()));
            let with = entity(view, &caps, "with").map(|w| ('O', w));
            for (code, party) in entities(view, &caps, "parties").into_iter().chain(with) {
                if code != 'D' {
                    out.add(view, found(agreement, Relation::Signatory, Object::Entity(party), whole.clone(), 70));
                }
            }
            // "the accord Chile signed with Peru in 1990", "... in Lima".
            if let Some(d) = date(view, &caps, "date").or_else(|| date(view, &caps, "date2")) {
                out.add(view, found(agreement, Relation::SignedOn, Object::Date(d), whole.clone(), 65));
            }
            if let Some(place) = entity(view, &caps, "place") {
                out.add(view, found(agreement, Relation::SignedIn, Object::Entity(place), whole.clone(), 65));
            }
        }
        for caps in WITH.captures_iter(text) {
            let Some(agreement) = entity(view, &caps, "agreement") else { continue };
            let whole = caps.get(0).map_or(0..0, |m| m.range());
            // "a contract with Indonesia's state oil company Y": the side is
            // what the possessive owns, not its owner.
            if text[whole.end..].starts_with("'s") || text[whole.end..].starts_with("’s") {
                continue;
            }
            let owner = entity(view, &caps, "owner").map(|o| ('O', o));
            for (code, party) in owner.into_iter().chain(entities(view, &caps, "parties")) {
                if code != 'D' {
                    out.add(view, found(agreement, Relation::Signatory, Object::Entity(party), whole.clone(), 65));
                }
            }
        }
        for caps in OWNED.captures_iter(text) {
            // "A's agreement with B" is read above with its other side.
            let (Some(owner), Some(agreement), None) =
                (entity(view, &caps, "owner"), entity(view, &caps, "agreement"), caps.name("after"))
            else {
                continue;
            };
            // "the company's charter": a body's own founding text, no pact.
            if doc.entities[agreement].name.to_lowercase().ends_with("charter") {
                continue;
            }
            let whole = caps.get(0).map_or(0..0, |m| m.range());
            out.add(view, found(agreement, Relation::Signatory, Object::Entity(owner), whole, 65));
        }
        from_hyphenated_sides(view, doc, out);
        from_dated_names(view, doc, out);
        from_announcements(view, doc, out);
        from_breaches(view, doc, out);
        // The clauses of signing, and of becoming a party ("reached a
        // deal"), which reads every clause's verb itself.
        from_clauses(view, doc, out);
        if !lexicon::mentions_signing(text) {
            return;
        }
        for caps in SIGNING_NOUN.captures_iter(text) {
            let (Some(agreement), Some(place)) = (entity(view, &caps, "agreement"), entity(view, &caps, "place"))
            else {
                continue;
            };
            let whole = caps.get(0).map_or(0..0, |m| m.range());
            out.add(view, found(agreement, Relation::SignedIn, Object::Entity(place), whole.clone(), 70));
            if let Some(d) = date(view, &caps, "date") {
                out.add(view, found(agreement, Relation::SignedOn, Object::Date(d), whole, 70));
            }
        }
        for caps in ACTIVE.captures_iter(text) {
            let Some(agreement) = entity(view, &caps, "agreement") else { continue };
            let whole = caps.get(0).map_or(0..0, |m| m.range());
            // The signers named after a verb of speech, or, where a pronoun
            // stands there ("X said it signed"), the whole clause's.
            let signers = |from: usize| -> Vec<usize> {
                view.entities_in(from..whole.start)
                    .into_iter()
                    .filter(|&(code, e)| {
                        matches!(code, 'C' | 'P' | 'O') && !modifier_only(text, view, e, from..whole.start)
                    })
                    .map(|(_, e)| e)
                    .collect()
            };
            let reported = clause_start(text, whole.start, true);
            let (clause_start, named) = match signers(reported) {
                named if !named.is_empty() => (reported, named),
                _ => {
                    let from = clause_start(text, whole.start, false);
                    (from, signers(from))
                }
            };
            for signer in named {
                out.add(
                    view,
                    found(agreement, Relation::Signatory, Object::Entity(signer), clause_start..whole.end, 80),
                );
            }
            if let Some(d) = date(view, &caps, "date") {
                out.add(view, found(agreement, Relation::SignedOn, Object::Date(d), whole.clone(), 80));
            }
            self.place_and_date(view, doc, agreement, whole, out);
        }
        let halted = |end: usize| HALTED.is_match(&text[end..]);
        let nominal = NOMINAL.captures_iter(text).filter(|c| !c.get(0).is_some_and(|m| halted(m.end())));
        for caps in PASSIVE.captures_iter(text).chain(nominal) {
            let Some(agreement) = entity(view, &caps, "agreement") else { continue };
            let whole = caps.get(0).map_or(0..0, |m| m.range());
            for (code, signer) in entities(view, &caps, "signers") {
                if code == 'D' {
                    continue;
                }
                out.add(view, found(agreement, Relation::Signatory, Object::Entity(signer), whole.clone(), 80));
            }
            self.place_and_date(view, doc, agreement, whole, out);
        }
    }
}

/// Whether the words before "in «place»" end with a common noun the place
/// belongs to ("with banks in Y"), not an occasion or a time ("at a
/// ceremony in Y", "last week in Y") or a placeholder.
fn noun_holds_place(gap: &str) -> bool {
    let before = gap.trim_end().strip_suffix(" in").or_else(|| gap.trim_end().strip_suffix(" in the"));
    let Some(word) = before.and_then(|b| b.split_whitespace().next_back()) else { return false };
    // "took place in Y" is where it happened.
    word.chars().all(|c| c.is_ascii_lowercase())
        && word != "place"
        && !names_an_occasion(word)
        && !crate::extract::lexicon::FUNCTION_WORDS.contains(&word)
        && !word.ends_with("ly")
}

/// Whether a lower-case noun names an occasion or a time ("ceremony",
/// "week"): a place after it is where something happened.
fn names_an_occasion(word: &str) -> bool {
    crate::extract::lexicon::EVENT_NOUNS.contains(&word) || crate::extract::lexicon::TIME_WORDS.contains(&word)
}

impl Signing {
    /// "in <place>" and "on <date>" after the verb, in the same clause.
    fn place_and_date(
        &self,
        view: &SentenceView,
        doc: &DocContext<'_>,
        agreement: usize,
        whole: std::ops::Range<usize>,
        out: &mut Findings,
    ) {
        let rest = &view.text[whole.end..];
        if let Some(caps) = PLACE.captures(rest) {
            // "signed a deal to build a refinery in Y", "a pact that sets
            // up an office in Y", "contracts for blocks in Y": the place is
            // the purpose's, not the signing's.
            let gap = caps.name("place").map_or("", |m| &rest[..m.start()]);
            let purpose = gap.split_whitespace().any(|w| matches!(w, "to" | "that" | "which" | "who" | "for"))
                || noun_holds_place(gap);
            if let Some(m) = caps.name("place").filter(|_| !purpose) {
                if let Some(place) = view.entity_at(whole.end + m.start()) {
                    if doc.kind(place).is_place() {
                        out.add(
                            view,
                            found(
                                agreement,
                                Relation::SignedIn,
                                Object::Entity(place),
                                whole.start..whole.end + m.end(),
                                75,
                            ),
                        );
                    }
                }
            }
        }
        if let Some(caps) = DATE.captures(rest) {
            if let Some(m) = caps.name("date") {
                if let Some(crate::extract::view::Slot::Date(d)) = view.slot_at(whole.end + m.start()) {
                    out.add(
                        view,
                        found(agreement, Relation::SignedOn, Object::Date(d), whole.start..whole.end + m.end(), 75),
                    );
                }
            }
        }
    }
}

/// Where the clause holding `pos` starts: after the last ';' or sentence
/// opener, or after a relative "that"/"which" before it.
fn clause_start(text: &str, pos: usize, after_speech: bool) -> usize {
    let before = &text[..pos];
    // "X, chairman of Y, said A and B signed": the signing is reported
    // after the verb of speech.
    let reported = after_speech
        .then_some(before)
        .into_iter()
        .flat_map(|before| before.match_indices(' '))
        .filter_map(|(at, _)| {
            let word = before[at + 1..].split(' ').next()?;
            (before.len() > at + 1 + word.len() && lexicon::SPEECH_VERBS.contains(&word)).then_some(at + 2 + word.len())
        })
        .max();
    [";", " that ", " which ", " who ", " after ", " when ", " while ", " because ", "— ", " — ", " – ", " - "]
        .iter()
        .filter_map(|b| before.rfind(b).map(|i| i + b.len()))
        .chain(reported)
        .max()
        .unwrap_or(0)
}

/// True when the entity only modifies another noun in the subject ("two
/// NATO member countries"); "Chile's ministers" keeps Chile.
fn modifier_only(text: &str, view: &SentenceView, entity: usize, range: std::ops::Range<usize>) -> bool {
    let Some(at) = view.placeholder_in(entity, range.clone()) else { return true };
    let after = &text[at.end..range.end];
    let member = after.strip_prefix(' ').is_some_and(|a| MEMBER_NOUNS.words().iter().any(|m| a.starts_with(m)));
    // "Mitsubishi Corp of Japan signed": the state says where the body is from.
    let before = &text[range.start..at.start];
    let body_of = before
        .strip_suffix(" of ")
        .or_else(|| before.strip_suffix(" of the "))
        .is_some_and(|b| b.ends_with('»') && b.rfind('«').is_some_and(|i| b[i..].starts_with("«O")));
    // "X, a wholly owned subsidiary of Y, signed": Y only describes X.
    let apposition_of = before
        .strip_suffix(" of ")
        .or_else(|| before.strip_suffix(" of the "))
        .and_then(|b| b.rsplit_once("», "))
        .is_some_and(|(_, phrase)| {
            ["a ", "an ", "the "].iter().any(|a| phrase.starts_with(a)) && !phrase.contains(['«', ','])
        });
    member || body_of || apposition_of || after.starts_with(" official") || after.starts_with("-based")
}

fn found(
    subject: usize,
    relation: Relation,
    object: Object,
    range: std::ops::Range<usize>,
    confidence: u8,
) -> Found<'static> {
    Found { subject, relation, object, range, extractor: NAME, confidence, title: None }
}

/// Signing over the sentence's clauses: every clause whose verb is a
/// signing verb, in any voice or form ("A and B signed C", "C was signed by
/// A", "after signing C, A said", "A, who signed C"), gives the agreement
/// (its patient), the signatories (its actor; for "the ministers of A and
/// B", A and B; a party after "with" or "between"), the place ("in",
/// "at") and the date found in the clause.
fn from_clauses(view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
    let Some(st) = doc.structure else { return };
    let words = &st.words;
    let is_signer =
        |e: usize| matches!(doc.kind(e), EntityType::Person | EntityType::Country | EntityType::Organization);
    for (c, clause) in st.clauses.iter().enumerate() {
        let verb = words[clause.verb.head].to_lowercase();
        let signs = SIGN_VERBS.contains(&verb.as_str());
        // "concluded", "reached", "joined", "entered into": parties, but
        // no signing's place or date.
        // Not reaching a deal makes no party to one.
        let joins = !signs && party_verb(words, clause) && !clause.verb.negated;
        if !signs && !joins {
            continue;
        }
        let agreement_units = clause
            .patient()
            .iter()
            .chain(["into", "to", "on"].iter().filter(|_| joins).flat_map(|p| clause.prep(words, p).unwrap_or(&[])));
        let agreements: Vec<usize> = agreement_units
            .filter_map(|u| st.entity_of(u, doc.entities))
            .filter(|&e| doc.kind(e) == EntityType::Agreement)
            .collect();
        if agreements.is_empty() {
            continue;
        }
        let mut signers: Vec<usize> = Vec::new();
        let mut listed_end = 0;
        for unit in clause.actor(words) {
            // "The two countries signed": the two an earlier sentence named,
            // unless the agreement's own name gives them ("the Canadian-U.S.
            // pact, signed by two sides").
            if crate::extract::structure::names_both_sides(words, unit) {
                let noun = words[unit.end - 1].to_lowercase();
                if !names_own_sides(view, doc) {
                    signers.extend(doc.two_sides.of_noun(&noun).into_iter().flatten());
                }
                continue;
            }
            match st.subject_entities(unit, doc.entities, doc.last_person).as_slice() {
                // "the ministers of A and B", "45 countries including A and B"
                [] => {
                    signers.extend(st.of_entities(unit, doc.entities));
                    let (included, end) = st.included_entities(unit, doc.entities);
                    if !included.is_empty() {
                        listed_end = listed_end.max(end);
                    }
                    signers.extend(included);
                }
                named => signers.extend_from_slice(named),
            }
        }
        for prep in ["with", "between", "among"] {
            for unit in clause.prep(words, prep).unwrap_or(&[]) {
                signers.extend(st.entity_of(unit, doc.entities));
            }
        }
        // "signed contracts for blocks in the Pearl River mouth", "with
        // banks in Y": a place after a common noun that is no part of the
        // agreement's or the signers' phrase is that noun's; after an
        // occasion ("at a ceremony in Y") or a time ("last week in Y") it
        // is the signing's.
        let parties = |k: usize| {
            let mut units = clause.patient().iter().chain(clause.actor(words));
            names_an_occasion(&words[k].to_lowercase()) || units.any(|u| u.contains(&k))
        };
        let places: Vec<usize> = ["in", "at"]
            .iter()
            .filter_map(|p| clause.preps.iter().find(|(at, _)| words[*at].eq_ignore_ascii_case(p)))
            .filter(|(at, _)| !at.checked_sub(1).is_some_and(|k| st.upos(k) == "NOUN" && !parties(k)))
            .flat_map(|(_, units)| units)
            .filter_map(|u| st.entity_of(u, doc.entities))
            .filter(|&e| matches!(doc.kind(e), EntityType::Place | EntityType::Country))
            .collect();
        // The clause's extent: from its subject (or verb) to the next verb.
        // "Kappa said it signed": the evidence names the speaker.
        let start = if clause.subject_inherited || clause.verb.passive {
            clause.verb.start
        } else {
            clause
                .subject
                .iter()
                .map(|u| st.reporting_start(u, doc.entities).unwrap_or(u.start))
                .min()
                .unwrap_or(clause.verb.start)
        };
        let mut end =
            st.clauses.get(c + 1).map_or(words.len(), |next| next.verb.start).max(clause.verb.end).max(listed_end);
        while end > clause.verb.end
            && words[end - 1].chars().all(|ch| ch.is_ascii_punctuation() || !ch.is_alphanumeric())
        {
            end -= 1;
        }
        // A date set before the clause ("On 3 May, A and B signed") is the
        // clause's as long as no other verb stands between.
        let date_start = if c == 0 { 0 } else { st.clauses[c - 1].verb.end.min(start) };
        let mut dates = st.dates_after_preposition(date_start..start);
        dates.extend(st.dates_in(start..end));
        let range = view.view_range(st.span(start..end));
        for &agreement in &agreements {
            for &signer in signers.iter().filter(|&&s| is_signer(s)) {
                let confidence = if joins { 65 } else { 75 };
                out.add(view, found(agreement, Relation::Signatory, Object::Entity(signer), range.clone(), confidence));
            }
            if joins {
                continue;
            }
            for &place in &places {
                out.add(view, found(agreement, Relation::SignedIn, Object::Entity(place), range.clone(), 70));
            }
            if let [date] = dates.as_slice() {
                out.add(view, found(agreement, Relation::SignedOn, Object::Date(*date), range.clone(), 70));
            }
        }
    }
}

/// An agreement named with the year it was made ("the 1979 extradition
/// treaty", "the 1984 Sino-British treaties") or after its month and year
/// ("the September 1985 pact") was signed then: news dates agreements so.
fn from_dated_names(view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
    for caps in DATED_NAME.captures_iter(&view.text) {
        let (Some(whole), Some(named), Some(agreement)) =
            (caps.get(0), caps.name("agreement"), entity(view, &caps, "agreement"))
        else {
            continue;
        };
        // Only a year before the document's own names an agreement made then
        // (the nominal finder leaves "the 1997 pact" of a 1997 report unnamed:
        // that may be the pact for the year).
        let year_in_name = || {
            if doc.entities[agreement].unnamed {
                return None;
            }
            let name = view.doc_span(named.range()).slice(doc.text)?;
            let mut words = name.split_whitespace();
            let first = words.next()?;
            // "the September 1985 pact"
            let month = crate::text::date::month_number(first);
            let year = if month.is_some() { words.next()? } else { first };
            let year: i32 = year.parse().ok().filter(|y| (1800..2100).contains(y))?;
            Some(PartialDate { year: Some(year), month, day: None })
        };
        // "the 1976 Berne Agreement": a year before a name.
        let year_before = || {
            let year: i32 = caps.name("year")?.as_str().parse().ok()?;
            Some(PartialDate { year: Some(year), month: None, day: None })
        };
        let Some(when) = date(view, &caps, "date")
            .filter(|d| d.year.is_some() && d.day.is_none())
            .or_else(year_before)
            .or_else(year_in_name)
        else {
            continue;
        };
        out.add(view, found(agreement, Relation::SignedOn, Object::Date(when), whole.range(), 60));
    }
}

/// Verbs of making an agreement known (`announce_verbs.txt`).
static ANNOUNCE_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/announce_verbs.txt"));

/// "X announced on Friday an agreement with Y": the one who makes known an
/// agreement with another side is a party to it (a minister signs for the
/// state: [`signers_states`]). Only where the agreement's other side is
/// named ("with Y"), in the clause's reach; not negated or hedged.
fn from_announcements(view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
    let Some(st) = doc.structure else { return };
    let words = &st.words;
    for (c, clause) in st.clauses.iter().enumerate() {
        if clause.verb.negated
            || clause.verb.modal
            || clause.verb.passive
            || !ANNOUNCE_VERBS.contains(&words[clause.verb.head].to_lowercase().as_str())
        {
            continue;
        }
        let [unit] = clause.subject.as_slice() else { continue };
        let Some(party) = party_named(st, unit, doc) else { continue };
        let reach = st.clauses.get(c + 1).map_or(words.len(), |next| next.verb.start);
        let Some((k, agreement)) = (clause.verb.end..reach).find_map(|k| {
            st.entity_of(&(k..k + 1), doc.entities).filter(|&e| doc.kind(e) == EntityType::Agreement).map(|e| (k, e))
        }) else {
            continue;
        };
        let described_with = doc.entities[agreement].name.contains(" with ");
        let with_after = (k..reach).any(|i| words[i] == "with");
        if !described_with && !with_after {
            continue;
        }
        let from = if clause.subject_inherited { clause.verb.start } else { unit.start };
        let last = (k..reach).find(|&i| words[i] == "with").map_or(k + 1, |w| (w + 2).min(reach));
        let range = view.view_range(st.span(from..last));
        out.add(view, found(agreement, Relation::Signatory, Object::Entity(party), range, 60));
    }
}

/// Verbs of breaking an agreement (`breach_verbs.txt`).
static BREACH_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/breach_verbs.txt"));

/// "X violated the accord", "accused X of breaching the pact": only a party
/// can break an agreement, whether the text says it did or denies it.
fn from_breaches(view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
    let Some(st) = doc.structure else { return };
    let words = &st.words;
    for clause in &st.clauses {
        // A gerund's own subject only: "accused X of breaching" (X, the
        // accusing clause's object), not "sought sanctions against X for
        // violating" (the seeker is no breaker).
        if clause.subject_inherited && !clause.subject_controlled {
            continue;
        }
        let verb = words[clause.verb.head].to_lowercase();
        let phrasal = verb.starts_with("reneg") && words.get(clause.verb.end).is_some_and(|w| *w == "on");
        let patients: &[std::ops::Range<usize>] = if phrasal {
            clause.prep(words, "on").unwrap_or(&[])
        } else if BREACH_VERBS.contains(&verb.as_str()) && !clause.verb.passive {
            &clause.objects
        } else {
            continue;
        };
        let agreements: Vec<(usize, &std::ops::Range<usize>)> = patients
            .iter()
            .filter_map(|u| st.entity_of(u, doc.entities).map(|e| (e, u)))
            .filter(|&(e, _)| doc.kind(e) == EntityType::Agreement)
            .collect();
        for unit in &clause.subject {
            let Some(party) = party_named(st, unit, doc) else { continue };
            for &(agreement, patient) in &agreements {
                let from = if clause.subject_inherited { unit.start.min(clause.verb.start) } else { unit.start };
                let range = view.view_range(st.span(from..patient.end.max(unit.end)));
                out.add(view, found(agreement, Relation::Signatory, Object::Entity(party), range, 60));
            }
        }
    }
}

/// The person, state or body a subject unit names (a pronoun resolved as
/// subjects are), as a possible party to an agreement.
fn party_named(
    st: &crate::extract::structure::Structure<'_>,
    unit: &std::ops::Range<usize>,
    doc: &DocContext<'_>,
) -> Option<usize> {
    st.subject_entity(unit, doc.entities, doc.last_person)
        .filter(|&e| matches!(doc.kind(e), EntityType::Person | EntityType::Country | EntityType::Organization))
}

/// An agreement's placeholder, with the month and year, or "the" and a
/// year, right before it.
static DATED_NAME: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(
        r"(?:(?P<date>«T\d+») |\b[Tt]he (?P<year>(?:1[89]|20)\d\d) )?(?P<agreement>«A\d+»)",
    )
    .expect("valid dated name pattern")
});

/// "A–B" before an agreement's noun names its sides: "the Czech-German
/// declaration", "the Iran-US deal", "the EU-Mercosur agreement". A side is
/// a country (by name or demonym, through the gazetteer) or a body the
/// document names elsewhere; one the document does not name is skipped.
fn from_hyphenated_sides(view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
    for caps in AGREEMENT_PLACEHOLDER.captures_iter(&view.text) {
        let (Some(whole), Some(agreement)) = (caps.get(0), caps[1].parse::<usize>().ok()) else { continue };
        let Some(written) = view.doc_span(whole.range()).slice(doc.text) else { continue };
        let Some(sides) = SIDES.captures(written) else { continue };
        for side in [&sides[1], &sides[2]] {
            if let Some(party) = side_entity(side, doc.entities) {
                out.add(view, found(agreement, Relation::Signatory, Object::Entity(party), whole.range(), 65));
            }
        }
    }
    for caps in NAMED_SIDE_BEFORE.captures_iter(&view.text) {
        let (Some(whole), Some(agreement)) = (caps.get(0), entity(view, &caps, "agreement")) else { continue };
        let named = entity(view, &caps, "named");
        for party in [side_entity(&caps["side"], doc.entities), named].into_iter().flatten() {
            out.add(view, found(agreement, Relation::Signatory, Object::Entity(party), whole.range(), 65));
        }
    }
}

/// Whether an agreement of the sentence is named after its sides ("the
/// Czech-German declaration").
fn names_own_sides(view: &SentenceView, doc: &DocContext<'_>) -> bool {
    AGREEMENT_PLACEHOLDER
        .find_iter(&view.text)
        .any(|m| view.doc_span(m.range()).slice(doc.text).is_some_and(|written| SIDES.is_match(written)))
}

/// A side the finders named, joined by a hyphen to one they did not, right
/// before an agreement's description: "the Sino-«C3» «A4»" ("the Sino-U.S.
/// textile accord").
static NAMED_SIDE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(r"(?:^|[\s(])(?P<side>\p{Lu}[\p{L}.]*)[-–](?P<named>«C\d+») (?P<agreement>«A\d+»)")
        .expect("valid sides pattern")
});

static AGREEMENT_PLACEHOLDER: LazyLock<Regex> =
    LazyLock::new(|| crate::extract::pattern::compile(r"«A(\d+)»").expect("valid placeholder pattern"));
/// Two capitalised sides joined by a hyphen or a dash, then a space (after
/// the year of the agreement, if any: "the 1984 Sino-British treaties").
static SIDES: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(r"^(?:the |The |an? |An? )?(?:\d{4} )?(\p{Lu}[\p{L}.]*)[-–](\p{Lu}[\p{L}.]*) ")
        .expect("valid sides pattern")
});

/// The document's entity a side of "A–B" names: the country of a
/// country's name, demonym or capital, else a country or body of that name.
fn side_entity(side: &str, entities: &[DocEntity]) -> Option<usize> {
    let gazetteer = crate::gazetteer::Gazetteer::global();
    // "Franco-German": a combining form stands for its state.
    let iso2 = crate::gazetteer::combining_form_country(side).map(str::to_string).or_else(|| {
        gazetteer.lookup(side).iter().find_map(|&id| {
            let entry = gazetteer.entry(id);
            match entry.kind {
                crate::gazetteer::GazKind::Country => entry.iso2.clone(),
                crate::gazetteer::GazKind::Demonym => entry.country.clone(),
                // "the Canberra-Washington pact": a capital stands for its state.
                _ => entry.capital_of.clone(),
            }
        })
    });
    // "EU" names the European Union the document writes in full.
    let body = gazetteer
        .lookup(side)
        .iter()
        .map(|&id| gazetteer.entry(id))
        .find(|entry| entry.kind == crate::gazetteer::GazKind::Organization)
        .map_or(side, |entry| entry.name.as_str());
    let folded = crate::text::normalize::fold(body);
    let side = crate::text::normalize::fold(side);
    entities.iter().position(|e| match &iso2 {
        Some(code) => e.kind == EntityType::Country && e.links.iso2.as_ref() == Some(code),
        None => {
            matches!(e.kind, EntityType::Country | EntityType::Organization)
                && std::iter::once(&e.name).chain(&e.aliases).any(|n| {
                    let name = crate::text::normalize::fold(n);
                    name == folded || name == side
                })
        }
    })
}

/// Whether the clause's verb makes its actor a party to what it acts on
/// (`data/lexicon/triggers/party_verbs.txt`: "concluded", "reached",
/// "joined", "ratified", "entered into", "struck"). A passive
/// ("the deal was reached by") counts too.
fn party_verb(words: &[&str], clause: &crate::text::clause::Clause) -> bool {
    let head = clause.verb.head;
    let verb = words[head].to_lowercase();
    PARTY_VERBS.contains(&verb.as_str())
        || words
            .get(head + 1)
            .is_some_and(|next| PARTY_VERBS.contains(&format!("{verb} {}", next.to_lowercase()).as_str()))
}

/// A signing's place and date from the meeting told just before it: "On 3
/// May the presidents held talks in Windhoek. ... The declaration was
/// signed by A and B." For an agreement signed by a verb of signing, with
/// asserted signatories but no place (or no date) of its own, the two
/// sentences before its first signing are read, the nearer first: one that
/// tells a meeting (`triggers/meet_verbs.txt`, `meet_nouns.txt`) gives the
/// one place it names after "in" near a meeting word and the one date it
/// holds after "on", at a lower confidence. A sentence naming another
/// agreement, or a block that is not body text, ends the search.
#[must_use]
pub fn place_and_date_nearby(
    doc: &DocMentions<'_>,
    sentences: &[Sentence],
    layer: &TextLayer,
    facts: &[Fact],
) -> Vec<Fact> {
    let mut out = Vec::new();
    // Signings told by a verb of signing ("was signed by A"; not "the
    // agreement with A would be terminated").
    let signings: Vec<&Fact> = facts
        .iter()
        .filter(|f| {
            f.relation == Relation::Signatory
                && f.modality == Modality::Asserted
                && f.evidence.span.slice(doc.text).is_some_and(|said| {
                    said.split(|c: char| !c.is_alphanumeric()).any(|w| SIGN_VERBS.contains(&w.to_lowercase().as_str()))
                })
        })
        .collect();
    // Each agreement with the sentence of its first signing.
    let mut first: BTreeMap<usize, usize> = BTreeMap::new();
    for f in &signings {
        let at = first.entry(f.subject).or_insert(f.evidence.sentence);
        *at = (*at).min(f.evidence.sentence);
    }
    let is_meeting_word = |w: &str| {
        let lower = w.to_lowercase();
        MEET_VERBS.contains(&lower.as_str()) || MEET_NOUNS.contains(&lower.as_str())
    };
    for (agreement, first) in first {
        let has = |relation: Relation| facts.iter().any(|f| f.subject == agreement && f.relation == relation);
        let (mut need_place, mut need_date) = (!has(Relation::SignedIn), !has(Relation::SignedOn));
        for back in 1..=2 {
            let Some(sentence) = first.checked_sub(back).and_then(|i| sentences.iter().find(|s| s.index == i)) else {
                break;
            };
            let in_sentence = || {
                doc.mentions
                    .iter()
                    .zip(doc.assignment)
                    .filter(move |(m, _)| m.sentence == sentence.index && !m.adjectival)
                    .filter_map(|(m, e)| e.map(|e| (m, e)))
            };
            if sentence.block != BlockKind::Body
                || in_sentence().any(|(_, e)| e != agreement && doc.entities[e].kind == EntityType::Agreement)
            {
                break;
            }
            let Some(said) = sentence.span.slice(doc.text) else { break };
            if !said.split(|c: char| !c.is_alphanumeric()).any(is_meeting_word) {
                continue;
            }
            // The words of the sentence before a byte offset.
            let words_before = |at: usize| -> Vec<&str> {
                doc.text[sentence.span.start()..at]
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect()
            };
            let fact = |relation, object| Fact {
                subject: agreement,
                relation,
                object,
                modality: Modality::Asserted,
                title: None,
                evidence: Evidence {
                    sentence: sentence.index,
                    span: sentence.span,
                    extractor: NAME.to_string(),
                    confidence: 55,
                },
            };
            if need_place {
                // "held talks in Y", "met on Monday in Y": a meeting word in
                // the few words before the place's "in"; not "in Y's".
                let meeting_in = |at: usize| match words_before(at).as_slice() {
                    [rest @ .., "in", "the"] | [rest @ .., "in"] => {
                        rest.iter().rev().take(6).any(|w| is_meeting_word(w))
                    }
                    _ => false,
                };
                let places: BTreeSet<usize> = in_sentence()
                    .filter(|(m, e)| {
                        doc.entities[*e].kind.is_place()
                            && meeting_in(m.span.start())
                            && !doc.text[m.span.end()..].starts_with(['\'', '’'])
                    })
                    .map(|(_, e)| e)
                    .collect();
                if let [place] = places.into_iter().collect::<Vec<_>>()[..] {
                    out.push(fact(Relation::SignedIn, Object::Entity(place)));
                    need_place = false;
                }
            }
            if need_date {
                // "On 3 May the presidents met": the meeting's own date (not a
                // dateline's, nor "in December" of something else).
                let dates = layer.sentence(sentence.index).map_or(&[][..], |l| l.dates.as_slice());
                if let [(span, date)] = dates {
                    if matches!(words_before(span.start()).last(), Some(&"on" | &"On")) {
                        out.push(fact(Relation::SignedOn, Object::Date(*date)));
                        need_date = false;
                    }
                }
            }
            if !need_place && !need_date {
                break;
            }
        }
    }
    out
}

/// Signers' states: where a person who signed an agreement holds, in the
/// same document, a minister's or a head's post of a country ("Chilean
/// Foreign Minister X ... signed"), the country signs too. The new fact
/// keeps the signing's evidence, at a lower confidence. Only asserted
/// posts the text states count, not the guessed home country of a bare
/// title.
#[must_use]
pub fn signers_states(entities: &[DocEntity], facts: &[Fact]) -> Vec<Fact> {
    let mut out: Vec<Fact> = Vec::new();
    for signing in facts.iter().filter(|f| f.relation == Relation::Signatory && f.modality == Modality::Asserted) {
        let Object::Entity(signer) = signing.object else { continue };
        if entities[signer].kind != EntityType::Person {
            continue;
        }
        for post in facts.iter().filter(|f| {
            f.subject == signer
                && matches!(f.relation, Relation::MinisterOf | Relation::HeadOf)
                && f.modality == Modality::Asserted
        }) {
            let Object::Entity(state) = post.object else { continue };
            if entities[state].kind != EntityType::Country {
                continue;
            }
            let object = Object::Entity(state);
            let known =
                |f: &Fact| f.subject == signing.subject && f.relation == Relation::Signatory && f.object == object;
            if facts.iter().any(known) || out.iter().any(known) {
                continue;
            }
            out.push(Fact {
                subject: signing.subject,
                relation: Relation::Signatory,
                object,
                modality: Modality::Asserted,
                title: None,
                evidence: Evidence { confidence: signing.evidence.confidence.min(60), ..signing.evidence.clone() },
            });
        }
    }
    out
}
