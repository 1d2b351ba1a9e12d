//! # Membership: who belongs to which alliance or organisation
//!
//! ## What it extracts
//! `memberOf` from "A and B, as NATO members", "A and B have been EU
//! members since 2004", "two NATO member countries—A and B", "A is a member
//! of the OSCE", "A joined the WTO", "A was admitted to NATO", "NATO member
//! Turkey". The verbs and the noun "member" are the membership lists of
//! `data/lexicon/triggers/`.
//!
//! ## Example
//! "Finland and Sweden, as EU members, backed the plan."
//!
//! ## Produces
//! `Finland memberOf European Union`, `Sweden memberOf European Union`.
//!
//! ## Known misses
//! Membership said through a verb of wanting ("seeks to join": planned or
//! hedged, not asserted); memberships of people in parties.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::lexicon::{self, all, alternation, finite, MEMBERSHIP_VERBS, MEMBER_NOUNS};
use crate::extract::model::{Object, Relation};
use crate::extract::pattern::{entities, entity};
use crate::extract::view::{list, SentenceView};
use crate::extract::{DocContext, Findings, Found, RelationExtractor};

/// The membership extractor.
#[derive(Debug)]
pub struct Membership;

const NAME: &str = "membership";

static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let members = list("members", "CO");
    // "member", "members": the nouns for one who belongs.
    let member = alternation(all(&[&MEMBER_NOUNS]));
    let joined = alternation(finite(&[&MEMBERSHIP_VERBS]));
    [
        format!(r"{members},? (?:(?:as|are|were|is|was|have been|has been|had been|became|become|remain|remains|both|all|also) )+(?:(?:fellow|full|founding|longtime|long-time) )?(?:a |an )?(?P<org>«O\d+»)(?:'s|’s)? (?:(?:{member})(?: states?| countries| nations)?|allies)\b"),
        format!(r"(?P<org>«O\d+») (?:{member}) (?:countries|states|nations|country|state)?(?: from (?:the )?«[LC]\d+»)?\s*(?:—|–|:|,|-)\s*{members}"),
        format!(r"{members} (?:is|are|was|were|became|has become|have become|remains?|has been|have been) (?:not |no longer |never )?(?:(?:a|an|full|founding|both|all) )*(?:{member}) of (?:the )?(?P<org>«O\d+»)"),
        format!(r"{members} (?:(?:has|have|had) )?(?:(?:was|were|has been|have been) )?(?:{joined}) (?:the )?(?P<org>«O\d+»)"),
        format!(r"(?P<org>«O\d+») (?:(?:{member})(?: states?| country| countries)?|ally|allies) {members}"),
    ]
    .iter()
    .map(|p| Regex::new(p).expect("valid membership pattern"))
    .collect()
});

impl RelationExtractor for Membership {
    fn name(&self) -> &'static str {
        NAME
    }

    fn extract(&self, view: &SentenceView, _doc: &DocContext<'_>, out: &mut Findings) {
        if !view.text.contains("«O")
            || !(lexicon::mentions_any(&view.text, &[&MEMBER_NOUNS, &MEMBERSHIP_VERBS]) || view.text.contains("allies"))
        {
            return;
        }
        for pattern in PATTERNS.iter() {
            for caps in pattern.captures_iter(&view.text) {
                let Some(org) = entity(view, &caps, "org") else { continue };
                let range = caps.get(0).map_or(0..0, |m| m.range());
                for (_, member) in entities(view, &caps, "members") {
                    out.add(
                        view,
                        Found {
                            subject: member,
                            relation: Relation::MemberOf,
                            object: Object::Entity(org),
                            range: range.clone(),
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
