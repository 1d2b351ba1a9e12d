//! # Killing: who killed whom
//!
//! ## What it extracts
//! `killed` from active verbs ("X, who assassinated Y", "X shot and killed
//! Y", "X, 44, of 24th Street, shot Y"), the passive ("Y was killed by X"),
//! nouns ("X's assassination of Y", "the murder of Y by X", "Y's assassin,
//! X", "X, the killer of Y"), and convictions ("X was convicted of the
//! murder of Y and Z", "X, convicted of murdering Y"). A murder with no
//! conviction, charge or confession named ("Police investigated the murder
//! of Y") gives nothing. The verbs, nouns and killer nouns are the kill
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
//! that did not kill ("shot at") are not told apart from "shot"; "-ing"
//! forms ("X, killing Y") are read only after "in" or "of", since their
//! subject is not the name before them.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::lexicon::{all, alternation, finite, ing_forms, KILL_AGENTS, KILL_NOUNS, KILL_VERBS};
use crate::extract::model::{Object, Relation};
use crate::extract::pattern::entity;
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
        // X was convicted of the murder of Y; X faces counts for the slayings of Y and Z
        format!(r"(?P<killer>«P\d+»),? [^.;«]{{0,60}}?\b(?:convicted|charged|sentenced|indicted|guilty|faces|admitted|confessed|accused)\b[^.;«]{{0,60}}?\b(?:{nouns}) of (?P<victim>«P\d+»)(?: and (?P<victim2>«P\d+»))?"),
        format!(r"(?P<killer>«[PO]\d+»)[^.;«A-Z]{{0,40}} in (?:the )?(?:(?:{nouns}) of|{ings}|death of) (?P<victim>«P\d+»)"),
        format!(r"(?P<victim>«P\d+») (?:{agents}) (?P<killer>«P\d+»)"),
        // X, convicted of murdering reporter Y; X was charged with killing Y
        format!(r"(?P<killer>«P\d+»),? (?:who |was |had been |has been |is )*(?:convicted|found guilty|sentenced|charged|accused|indicted|jailed|executed|hanged|tried) (?:of|with|for) (?:the )?(?:(?:{nouns}) of|{ings}) (?:[a-z]+ ){{0,2}}(?P<victim>«P\d+»)"),
        format!(r"(?P<victim>«P\d+»),? (?:who |, )?(?:was|were|had been|has been|is|being) (?:\w+ )?(?:{verbs})(?: dead| to death)? by (?:the )?(?P<killer>«[PO]\d+»)"),
        format!(r"(?P<killer>«P\d+»)(?:'s|’s) (?:{nouns}) of (?P<victim>«P\d+»)"),
        format!(r"(?:{nouns}) of (?:the )?(?:\w+ )?(?P<victim>«P\d+») by (?:the )?(?P<killer>«[PO]\d+»)"),
        format!(r"(?P<killer>«P\d+»), (?:the |a |an )?(?:convicted |confessed |alleged |accused )?(?:{agents}) of (?P<victim>«P\d+»)"),
        format!(r"(?P<victim>«P\d+»)(?:'s|’s) (?:{agents}),? (?P<killer>«P\d+»)"),
        format!(r"(?:{agents}) of (?P<victim>«P\d+»),? (?P<killer>«P\d+»)"),
    ]
    .iter()
    .map(|p| Regex::new(p).expect("valid killing pattern"))
    .collect()
});

impl RelationExtractor for Killing {
    fn name(&self) -> &'static str {
        NAME
    }

    fn extract(&self, view: &SentenceView, _doc: &DocContext<'_>, out: &mut Findings) {
        if !view.text.contains("«P") {
            return;
        }
        for pattern in PATTERNS.iter() {
            for caps in pattern.captures_iter(&view.text) {
                let Some(killer) = entity(view, &caps, "killer") else { continue };
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
    }
}
