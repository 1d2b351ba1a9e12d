//! # Killing: who killed whom
//!
//! ## What it extracts
//! `killed` from active verbs ("X, who assassinated Y", "X shot and killed
//! Y", "X, 44, of 24th Street, shot Y"), the passive ("Y was killed by X"),
//! nouns ("X's assassination of Y", "the murder of Y by X", "Y's assassin,
//! X", "X, the killer of Y"), a relative clause after an apposition ("X, a
//! former guard who shot Y"), and convictions ("X was convicted of the
//! murder of Y and Z", "X, convicted of murdering Y", "a jury convicted X
//! of killing Y"; "found not guilty of" gives a negated fact). The same
//! verbs and nouns are also read over the sentence's clauses, for the word
//! orders the patterns miss: a passive's agent after other phrases ("Y was
//! shot to death in Z, by X"), a relative clause with a phrase before its
//! verb ("X, who as a deputy shot and killed Y"), a gerund after a
//! preposition ("X pleaded guilty to killing Y"), and a killing named by a noun in a charge,
//! sentence or admission (`accusation_verbs.txt`, `admission_verbs.txt`: "X
//! was sentenced to death for the assassination of Y", "police arrested X
//! for the murder of Y", "X pleaded guilty to the assassination of Y"). A
//! murder with no conviction, charge or confession named ("Police
//! investigated the murder of Y") gives nothing, and neither does an
//! acquittal, a shot "at" someone or a killing someone survived or only
//! tried (`unfulfilled_verbs.txt`: "X survived being shot by Y", "Y tried
//! to kill X"). The verbs, nouns and killer nouns are the kill
//! lists of `data/lexicon/triggers/` (the KILL, ASSASSINATE and MASSACRE
//! blocks of the PETRARCH2 dictionaries, with shoot and stab).
//!
//! ## Example
//! "Jane Roe was shot dead by John Smith outside the court."
//!
//! ## Produces
//! `John Smith killed Jane Roe`.
//!
//! ## Known misses
//! Killings told without a killer's name ("was killed in a bombing"); attacks
//! that did not kill are not told apart from "shot" (only "shot at" is);
//! "-ing" forms ("X, killing Y") are read only after a preposition, since
//! their subject is not the name before them, and not after a noun taken
//! for a gerund ("pleaded guilty to shooting and killing Y").

use std::sync::LazyLock;

use regex::Regex;

use std::ops::Range;

use crate::extract::lexicon::{
    all, alternation, finite, ing_forms, ACCUSATION_VERBS, ADMISSION_VERBS, KILL_AGENTS, KILL_NOUNS, KILL_VERBS,
    UNFULFILLED_VERBS,
};
use crate::extract::model::{EntityType, Object, Relation};
use crate::extract::pattern::entity;
use crate::extract::structure::Structure;
use crate::extract::view::SentenceView;
use crate::extract::{DocContext, Findings, Found, RelationExtractor};

/// The killing extractor.
#[derive(Debug)]
pub struct Killing;

const NAME: &str = "killing";

static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    // "-ing" forms say "X, killing Y" of what X did not do ("the blast hit
    // X, killing Y"); they are read only after "in" or "of".
    let verbs = alternation(finite(&[&KILL_VERBS]));
    let ings = alternation(ing_forms(&[&KILL_VERBS]));
    let nouns = alternation(all(&[&KILL_NOUNS]));
    let agents = alternation(all(&[&KILL_AGENTS]));
    [
        format!(r"(?P<killer>«[PO]\d+»)(?:, \d{{1,3}}(?:, [^«;,]{{1,30}})?,)?,? (?:(?:the|a|an) (?:man|woman|person|gunman|soldier|youth|teenager|{agents}) )?(?:who |which |that |allegedly |reportedly |later |has admitted |admitted )*(?:had |has |have )?(?:{verbs})(?: and (?:{verbs}))? (?:the )?(?:(?:[\w-]+|«[LCDO]\d+») ){{0,2}}?(?P<victim>«P\d+»)"),
        // X was convicted of the murder of Y; X faces counts for the slayings of Y and Z;
        // X was convicted of the 1968 Los Angeles slaying of Y (a place or date between)
        format!(r"(?P<killer>«P\d+»),? [^.;«]{{0,60}}?\b(?:convicted|charged|sentenced|indicted|guilty|faces|admitted|confessed|accused|serving|jailed|imprisoned|executed)\b(?:[^.;«]|«[LCDT]\d+»){{0,90}}?\b(?:{nouns}) of (?:the )?(?:[A-Z][a-z]{{1,4}}\. ){{0,2}}(?P<victim>«P\d+»)(?: and (?P<victim2>«P\d+»))?"),
        format!(r"(?P<killer>«[PO]\d+»)[^.;«A-Z]{{0,40}} in (?:the )?(?:(?:{nouns}) of|{ings}|death of) (?P<victim>«P\d+»)"),
        format!(r"(?P<victim>«P\d+») (?:{agents}) (?P<killer>«P\d+»)"),
        // X, convicted of murdering reporter Y; X was charged with killing Y
        format!(r"(?P<killer>«P\d+»),? (?:who |was |had been |has been |is )*(?:convicted|found guilty|sentenced|charged|accused|indicted|jailed|executed|hanged|tried) (?:of|with|for) (?:the )?(?:(?:{nouns}) of|{ings}) (?:[a-z]+ ){{0,2}}(?P<victim>«P\d+»)"),
        format!(r"(?P<victim>«P\d+»),? (?:who |, )?(?:was|were|had been|has been|is|being) (?:\w+ )?(?:{verbs})(?: dead| to death)? by (?:the )?(?P<killer>«[PO]\d+»)"),
        format!(r"(?P<killer>«P\d+»)(?:'s|’s) (?:{nouns}) of (?P<victim>«P\d+»)"),
        format!(r"(?:{nouns}) of (?:the )?(?:\w+ )?(?P<victim>«P\d+») by (?:the )?(?P<killer>«[PO]\d+»)"),
        format!(r"(?P<killer>«P\d+»), (?:the |a |an )?(?:convicted |confessed |alleged |accused )?(?:{agents}) of (?P<victim>«P\d+»)"),
        format!(r"(?P<victim>«P\d+»)(?:'s|’s) (?:{agents}),? (?P<killer>«P\d+»)"),
        // X, a former guard who shot Y in 1972, has died: the relative clause
        // tells of the name its apposition describes
        format!(r"(?P<killer>«P\d+»), (?:a|an|the) (?:[a-z-]+ ){{1,3}}who (?:had |has )?(?:{verbs})(?: and (?:{verbs}))? (?:the )?(?:(?:[A-Z][\w.-]*|«[LCDO]\d+») ){{0,2}}?(?P<victim>«P\d+»)"),
        // a jury convicted X of killing Y; found X guilty of murdering Y
        format!(r"\b(?:convicted|found) (?:[A-Za-z0-9-]+ ){{0,4}}?(?P<killer>«P\d+»)(?: guilty)? of (?:(?:{nouns}) of|{ings}) (?:the )?(?:(?:[A-Za-z-]+|«[LCDO]\d+») ){{0,4}}?(?P<victim>«P\d+»)"),
        format!(r"(?:{agents}) of (?P<victim>«P\d+»),? (?P<killer>«P\d+»)"),
    ]
    .iter()
    .map(|p| crate::extract::pattern::compile(p).expect("valid killing pattern"))
    .collect()
});

impl RelationExtractor for Killing {
    fn name(&self) -> &'static str {
        NAME
    }

    fn extract(&self, view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
        if !view.text.contains("«P") {
            return;
        }
        for pattern in PATTERNS.iter() {
            for caps in pattern.captures_iter(&view.text) {
                let Some(killer) = entity(view, &caps, "killer") else { continue };
                // "shot at Y" missed or wounded.
                if caps.get(0).is_some_and(|m| m.as_str().contains(" at «")) {
                    continue;
                }
                for victim in ["victim", "victim2"].into_iter().filter_map(|slot| entity(view, &caps, slot)) {
                    if victim == killer {
                        continue;
                    }
                    out.add(
                        view,
                        Found {
                            subject: killer,
                            relation: Relation::Killed,
                            object: Object::Entity(victim),
                            range: caps.get(0).map_or(0..0, |m| m.range()),
                            extractor: NAME,
                            confidence: 80,
                            title: None,
                        },
                    );
                }
            }
        }
        if let Some(st) = doc.structure {
            from_clauses(view, st, doc, out);
        }
    }
}

/// Killing verbs and charges over the sentence's clauses, for the word
/// orders the patterns above miss: a passive whose agent stands after other
/// phrases ("Y was shot to death in Z, by X"), a relative clause with a
/// phrase before its verb ("X, who as a policeman shot and killed Y"), a
/// gerund after a preposition with the clause's subject ("X pleaded guilty
/// to shooting and killing Y"), and a killing named by a noun in a charge,
/// sentence or admission ("X was sentenced to death for the assassination
/// of Y", "police arrested X for the murder of Y", "X confessed to the
/// killing of Y"). "Shot at" kills no one.
fn from_clauses(view: &SentenceView, st: &Structure<'_>, doc: &DocContext<'_>, out: &mut Findings) {
    let words = &st.words;
    let lower = |i: usize| words.get(i).map(|w| w.to_lowercase()).unwrap_or_default();
    for clause in &st.clauses {
        let verb = lower(clause.verb.head);
        let at = lower(clause.verb.end);
        let confidence = if clause.subject_inherited { 65 } else { 75 };
        // The verb of killing itself, or a verb phrase of the list ("gunned down").
        let kills = clause.verb_in(words, &KILL_VERBS);
        // A gerund or participle without a preposition before it has no
        // subject of its own ("the blast hit X, killing Y").
        let bound = !clause.subject_inherited
            || clause.verb.start > 0
                && matches!(
                    lower(clause.verb.start - 1).as_str(),
                    "to" | "of" | "for" | "after" | "before" | "by" | "in" | "and"
                );
        // "X survived being shot by Y", "Y tried to kill X".
        let unfulfilled = (clause.verb.start.saturating_sub(2)..clause.verb.head)
            .any(|i| UNFULFILLED_VERBS.contains(&lower(i).as_str()));
        if kills && at != "at" && bound && !unfulfilled {
            add_pairs(view, st, doc, clause.actor(words), clause.patient(), clause, confidence, out);
        }
        // A charge, sentence or admission for a killing named by a noun.
        let accused: &[Range<usize>] = if ACCUSATION_VERBS.contains(&verb.as_str()) {
            clause.patient()
        } else if ADMISSION_VERBS.contains(&verb.as_str()) && !clause.verb.passive {
            &clause.subject
        } else {
            continue;
        };
        for (_, phrase) in &clause.preps {
            for unit in phrase {
                if !KILL_NOUNS.contains(&lower(unit.end - 1).as_str()) {
                    continue;
                }
                let Some((_, victims)) = clause.preps.iter().find(|(p, _)| *p == unit.end && lower(*p) == "of") else {
                    continue;
                };
                add_pairs(view, st, doc, accused, victims, clause, confidence - 5, out);
            }
        }
    }
}

/// Each named killer (a person or a body) killed each named person.
#[allow(clippy::too_many_arguments)]
fn add_pairs(
    view: &SentenceView,
    st: &Structure<'_>,
    doc: &DocContext<'_>,
    killers: &[Range<usize>],
    victims: &[Range<usize>],
    clause: &crate::text::clause::Clause,
    confidence: u8,
    out: &mut Findings,
) {
    for killer_unit in killers {
        let Some(killer) = st.subject_entity(killer_unit, doc.entities, doc.last_person) else { continue };
        if !matches!(doc.kind(killer), EntityType::Person | EntityType::Organization) {
            continue;
        }
        for victim_unit in victims {
            let Some(victim) = st.entity_of(victim_unit, doc.entities) else { continue };
            if victim == killer || doc.kind(victim) != EntityType::Person {
                continue;
            }
            // An inherited subject stands elsewhere: the evidence starts at the verb.
            let killer_start = if clause.subject_inherited { clause.verb.start } else { killer_unit.start };
            let from = killer_start.min(clause.verb.start).min(victim_unit.start);
            let to = killer_unit.end.max(victim_unit.end).max(clause.verb.end);
            let range = view.view_range(st.span(from..to));
            out.add(view, Found::new(killer, Relation::Killed, Object::Entity(victim), range, NAME, confidence));
        }
    }
}
