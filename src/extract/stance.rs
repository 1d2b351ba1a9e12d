//! # Stance: who supports and who opposes what
//!
//! ## What it extracts
//! `supports` and `opposes` from verbs ("criticized", "condemned",
//! "rejected", "voted against", "backed", "welcomed", "praised",
//! "celebrated"), from nouns ("the support of A and B for C", "A's
//! criticism of B"), from the passive ("was welcomed by A", "confirmed by A
//! as a positive contributor"), and from reported evaluations ("A said the
//! deal violates / strengthens ..."). The verbs and nouns are the support
//! and oppose lists of `data/lexicon/triggers/`, generated from the CAMEO
//! codes 051-052 and 110-12x of the PETRARCH2 dictionaries.
//!
//! ## Example
//! "Brazil welcomed the accord, while Argentina criticized it."
//!
//! ## Produces
//! `Brazil supports accord` (the pronoun "it" is not resolved).
//!
//! ## Known misses
//! Stance through pronouns and long paraphrases; irony; stance in
//! questions is marked hedged, not asserted; acts the dictionaries code
//! as threats or coercion ("threatened", "blocked"), not as stance.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::lexicon::{
    all, alternation, finite, OPPOSE_NOUNS, OPPOSE_VERBS, SPEECH_VERBS, SUPPORT_NOUNS, SUPPORT_VERBS,
};
use crate::extract::model::{Object, Relation};
use crate::extract::pattern::{entities, entity};
use crate::extract::view::{list, SentenceView};
use crate::extract::{DocContext, Findings, Found, RelationExtractor};

/// The stance extractor.
#[derive(Debug)]
pub struct Stance;

const NAME: &str = "stance";

const SUBJECT: &str =
    r"(?P<s>«[POC]\d+»|«D\d+» (?:government|authorities|leadership|officials|side|administration))(?:,[^,«]{1,40},)?";
const ADVERBS: &str = r",?(?: |$)(?:(?:has|have|had|did|does|do|will|would|may|might|could|not|never|no longer|also|strongly|openly|sharply|publicly|repeatedly|firmly|formally|fiercely|warmly|unanimously|quickly|immediately|swiftly|already|further|again|both|officially|vehemently) )*";
const OBJECT: &str = r"(?:the |this |that |a |an |their |its |his |her )?(?P<o>«[POCLAE]\d+»)";
/// The object of a verb: "that" there opens a clause ("denied that Kuwait
/// ..."), it does not point at the name.
const VERB_OBJECT: &str = r"(?:the |this |a |an |their |its |his |her )?(?P<o>«[POCLAE]\d+»)";

/// The verbs of stance, without "-ing" forms ("X, criticizing Y" is a
/// participle clause).
fn verbs() -> String {
    alternation(finite(&[&OPPOSE_VERBS, &SUPPORT_VERBS]))
}

/// The nouns of stance.
fn nouns() -> String {
    alternation(all(&[&OPPOSE_NOUNS, &SUPPORT_NOUNS]))
}

static VERB: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = verbs();
    Regex::new(&format!(r"{SUBJECT}{ADVERBS}(?P<v>{verbs}) {VERB_OBJECT}(?P<possessive>'s|’s)?"))
        .expect("valid stance pattern")
});
static NOUN_OF_FOR: LazyLock<Regex> = LazyLock::new(|| {
    let holders = list("holders", "POC");
    let nouns = nouns();
    Regex::new(&format!(r"\b(?P<n>{nouns}) (?:of|by|from) (?:the )?{holders} (?:for|of|to) {OBJECT}"))
        .expect("valid pattern")
});
static POSSESSIVE_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    let nouns = nouns();
    Regex::new(&format!(r"(?P<s>«[POC]\d+»)(?:'s|’s) (?:(?:strong|full|firm|continued|unwavering|public|open|fierce|sharp) )?(?P<n>{nouns}) (?:for|of|to) {OBJECT}")).expect("valid pattern")
});
static PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = verbs();
    Regex::new(&format!(r"(?P<o>«[POCLAE]\d+»)(?: (?:between|of|among|with|from) [^.;]{{0,80}}?)? (?:has been|have been|was|were|had been|is|are) (?:\w+ )?(?P<v>{verbs}) by (?:the )?(?P<s>«[POC]\d+»)")).expect("valid pattern")
});
static PASSIVE_AS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<o>«[POCLAE]\d+»)(?: (?:between|of|among|with|from) [^.;]{0,80}?)? (?:has been|have been|was|were|had been|is|are) (?:confirmed|recognized|recognised|seen|described|hailed|welcomed|praised|viewed|characterized) by (?:the )?(?P<s>«[POC]\d+») as (?:a |an )?(?:(?P<pos>positive|important|valuable|welcome|key|significant|major|constructive|stabilizing|stabilising)|(?P<neg>threat|danger|provocation|negative|destabilizing|destabilising))").expect("valid pattern")
});
static EVALUATION: LazyLock<Regex> = LazyLock::new(|| {
    let speech = alternation(SPEECH_VERBS.words().iter().copied());
    Regex::new(&format!(r"{SUBJECT}{ADVERBS}(?:{speech}) (?:that )?(?:the |this |a )?(?P<o>«[POCLAE]\d+») (?:(?P<neg>violates|violated|undermines|undermined|threatens|threatened|destabili[sz]es|endangers|jeopardi[sz]es|provokes|escalates|is a threat|poses a threat|is illegal|is unacceptable|is dangerous)|(?P<pos>strengthens|strengthened|contributes to|is an important|is a positive|will strengthen|is a step|marks a|enhances|improves|supports))")).expect("valid pattern")
});

impl RelationExtractor for Stance {
    fn name(&self) -> &'static str {
        NAME
    }

    fn extract(&self, view: &SentenceView, _doc: &DocContext<'_>, out: &mut Findings) {
        let text = &view.text;
        if view.entities_in(0..text.len()).len() < 2 {
            return;
        }
        for caps in VERB.captures_iter(text) {
            let relation = if OPPOSE_VERBS.contains(&&caps["v"]) { Relation::Opposes } else { Relation::Supports };
            // Backing "X's bid" backs X; dismissing "X's concerns" says little about X.
            if relation == Relation::Opposes && caps.name("possessive").is_some() {
                continue;
            }
            add(view, &caps, entity(view, &caps, "s"), relation, 75, out);
        }
        for caps in PASSIVE.captures_iter(text) {
            let relation = if OPPOSE_VERBS.contains(&&caps["v"]) { Relation::Opposes } else { Relation::Supports };
            add(view, &caps, entity(view, &caps, "s"), relation, 70, out);
        }
        for caps in PASSIVE_AS.captures_iter(text) {
            let relation = if caps.name("neg").is_some() { Relation::Opposes } else { Relation::Supports };
            add(view, &caps, entity(view, &caps, "s"), relation, 65, out);
        }
        for caps in EVALUATION.captures_iter(text) {
            let relation = if caps.name("neg").is_some() { Relation::Opposes } else { Relation::Supports };
            add(view, &caps, entity(view, &caps, "s"), relation, 60, out);
        }
        for caps in POSSESSIVE_NOUN.captures_iter(text) {
            add(view, &caps, entity(view, &caps, "s"), noun_relation(&caps["n"]), 70, out);
        }
        for caps in NOUN_OF_FOR.captures_iter(text) {
            let relation = noun_relation(&caps["n"]);
            for (_, holder) in entities(view, &caps, "holders") {
                add(view, &caps, Some(holder), relation, 70, out);
            }
        }
    }
}

fn noun_relation(noun: &str) -> Relation {
    if SUPPORT_NOUNS.contains(&noun) {
        Relation::Supports
    } else {
        Relation::Opposes
    }
}

fn add(
    view: &SentenceView,
    caps: &regex::Captures<'_>,
    subject: Option<usize>,
    relation: Relation,
    confidence: u8,
    out: &mut Findings,
) {
    let (Some(subject), Some(object)) = (subject, entity(view, caps, "o")) else { return };
    out.add(
        view,
        Found {
            subject,
            relation,
            object: Object::Entity(object),
            range: caps.get(0).map_or(0..0, |m| m.range()),
            extractor: NAME,
            confidence,
            title: None,
        },
    );
}
