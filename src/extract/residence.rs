//! # Residence: where people live
//!
//! ## What it extracts
//! `livesIn` from "X, 50, of Bethany, Conn.", "X of Springfield", "a
//! Chicago resident, X", "X, a native of Y", "X lives in Y".
//!
//! ## Example
//! "Jane Roe, 34, of Dayton, Ohio, was hurt."
//!
//! ## Produces
//! `Jane Roe livesIn Dayton`, `Jane Roe livesIn Ohio`.
//!
//! ## Known misses
//! Nationality from a demonym ("the Peruvian minister") is not read as
//! residence; moves in the past ("moved to Y") are not.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::model::{Object, Relation};
use crate::extract::pattern::entity;
use crate::extract::view::SentenceView;
use crate::extract::{DocContext, Findings, Found, RelationExtractor};

/// The residence extractor.
#[derive(Debug)]
pub struct Residence;

const NAME: &str = "residence";

static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"(?P<person>«P\d+»), (?:\d{1,3}, )?(?:of|from) (?P<place>«[LC]\d+»)(?:, (?P<place2>«[LC]\d+»))?",
        r"(?P<place>«[LC]\d+») (?:resident|native|citizen|man|woman|mayor)s?,? (?P<person>«P\d+»)",
        r"(?P<person>«P\d+»),? (?:a |an )?(?:longtime |long-time |lifelong )?(?:resident|native|citizen) of (?P<place>«[LC]\d+»)",
        r"(?P<person>«P\d+») (?:lives|lived|resides|resided|grew up|was born and raised|has lived) in (?P<place>«[LC]\d+»)(?:, (?P<place2>«[LC]\d+»))?",
        r"(?P<person>«P\d+») of (?P<place>«L\d+»)",
        // Jane Roe, a Serb; Jane Roe, an American tourist
        r"(?P<person>«P\d+»), (?:a|an) (?:[a-z-]+ )?(?P<place>«D\d+»)",
    ]
    .iter()
    .map(|p| Regex::new(p).expect("valid residence pattern"))
    .collect()
});

impl RelationExtractor for Residence {
    fn name(&self) -> &'static str {
        NAME
    }

    fn extract(&self, view: &SentenceView, _doc: &DocContext<'_>, out: &mut Findings) {
        if !view.text.contains("«P") {
            return;
        }
        for pattern in PATTERNS.iter() {
            for caps in pattern.captures_iter(&view.text) {
                let Some(person) = entity(view, &caps, "person") else { continue };
                for name in ["place", "place2"] {
                    if let Some(place) = entity(view, &caps, name) {
                        out.add(
                            view,
                            Found {
                                subject: person,
                                relation: Relation::LivesIn,
                                object: Object::Entity(place),
                                range: caps.get(0).map_or(0..0, |m| m.range()),
                                extractor: NAME,
                                confidence: 70,
                                title: None,
                            },
                        );
                    }
                }
            }
        }
    }
}
