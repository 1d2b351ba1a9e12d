//! # Killing: who killed whom
//!
//! ## What it extracts
//! `killed` from active verbs ("X, who assassinated Y", "X shot and killed
//! Y", "X, 44, of 24th Street, shot Y"), the passive ("Y was killed by X"),
//! nouns ("X's assassination of Y", "the murder of Y by X", "Y's assassin,
//! X", "X, the killer of Y"), and convictions ("X was convicted of the
//! murder of Y and Z", "X, convicted of murdering Y"). A murder with no
//! conviction, charge or confession named ("Police investigated the murder
//! of Y") gives nothing.
//!
//! ## Example
//! "Jane Roe was shot dead by John Smith outside the court."
//!
//! ## Produces
//! `John Smith killed Jane Roe`.
//!
//! ## Known misses
//! Killings told without a killer's name ("was killed in a bombing"); attacks
//! that did not kill ("shot at") are not told apart from "shot".

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::lexicon::KILL_VERBS;
use crate::extract::model::{Object, Relation};
use crate::extract::pattern::entity;
use crate::extract::view::SentenceView;
use crate::extract::{DocContext, Findings, Found, RelationExtractor};

/// The killing extractor.
#[derive(Debug)]
pub struct Killing;

const NAME: &str = "killing";

static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let mut verbs: Vec<&str> = KILL_VERBS.words().to_vec();
    verbs.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let verbs = verbs.join("|");
    [
        format!(r"(?P<killer>«[PO]\d+»)(?:, \d{{1,3}}(?:, [^«;,]{{1,30}})?,)?,? (?:(?:the|a|an) (?:man|woman|person|gunman|soldier|assassin|killer|youth|teenager) )?(?:who |which |that |allegedly |reportedly |later |has admitted |admitted )*(?:had |has |have )?(?:{verbs}) (?:the )?(?:(?:[\w-]+|«[LCDO]\d+») ){{0,2}}?(?P<victim>«P\d+»)"),
        // X was convicted of the murder of Y; X faces counts for the slayings of Y and Z
        r"(?P<killer>«P\d+»),? [^.;«]{0,60}?\b(?:convicted|charged|sentenced|indicted|guilty|faces|admitted|confessed|accused)\b[^.;«]{0,60}?\b(?:murder|murders|slaying|slayings|killing|killings|assassination|shooting|stabbing) of (?P<victim>«P\d+»)(?: and (?P<victim2>«P\d+»))?".to_string(),
        r"(?P<killer>«[PO]\d+»)[^.;«A-Z]{0,40} in (?:the )?(?:killing|killing of|murder of|assassination of|slaying of|shooting of|death of) (?P<victim>«P\d+»)".to_string(),
        r"(?P<victim>«P\d+») (?:assassin|killer|murderer|slayer) (?P<killer>«P\d+»)".to_string(),
        // X, convicted of murdering reporter Y; X was charged with killing Y
        r"(?P<killer>«P\d+»),? (?:who |was |had been |has been |is )*(?:convicted|found guilty|sentenced|charged|accused|indicted|jailed|executed|hanged|tried) (?:of|with|for) (?:the )?(?:murdering|killing|assassinating|slaying|shooting|murder of|killing of|assassination of|slaying of) (?:[a-z]+ ){0,2}(?P<victim>«P\d+»)".to_string(),
        r"(?P<victim>«P\d+»),? (?:who |, )?(?:was|were|had been|has been|is|being) (?:\w+ )?(?:killed|assassinated|murdered|shot(?: dead| to death)?|slain|executed|stabbed(?: to death)?|beaten to death|gunned down|poisoned|strangled) by (?:the )?(?P<killer>«[PO]\d+»)".to_string(),
        r"(?P<killer>«P\d+»)(?:'s|’s) (?:assassination|murder|killing|execution|slaying) of (?P<victim>«P\d+»)".to_string(),
        r"(?:assassination|murder|killing|slaying|execution) of (?:the )?(?:\w+ )?(?P<victim>«P\d+») by (?:the )?(?P<killer>«[PO]\d+»)".to_string(),
        r"(?P<killer>«P\d+»), (?:the |a |an )?(?:convicted |confessed |alleged |accused )?(?:assassin|killer|murderer|slayer) of (?P<victim>«P\d+»)".to_string(),
        r"(?P<victim>«P\d+»)(?:'s|’s) (?:assassin|killer|murderer|slayer),? (?P<killer>«P\d+»)".to_string(),
        r"(?:assassin|killer|murderer|slayer) of (?P<victim>«P\d+»),? (?P<killer>«P\d+»)".to_string(),
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
