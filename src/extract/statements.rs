//! # Statements: who said what
//!
//! ## What it extracts
//! Statement nodes (speaker, cue verb, content, quoted or not, the entities
//! the content mentions) from direct quotes ("“...,” X said", "“...,” said
//! X", "“...,” said embassy official X", "“...,” the X said", "“...,” he
//! said" with "he" the last person named) and reported speech
//! ("X stressed that ...", "According to X, ...").
//!
//! ## Example
//! "“We will not back down,” Jane Roe said."
//!
//! ## Produces
//! A `kg:Statement` with speaker Jane Roe, cue "said", content "We will not
//! back down", quoted true.
//!
//! ## Known misses
//! Quotes spanning several sentences keep only the part in the sentence with
//! the speaker; pronoun speakers other than the last person named.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::extract::lexicon::SPEECH_VERBS;
use crate::extract::model::{Evidence, Statement};
use crate::extract::pattern::entity;
use crate::extract::view::SentenceView;
use crate::extract::{DocContext, Findings, RelationExtractor};

/// The statement extractor.
#[derive(Debug)]
pub struct Statements;

const NAME: &str = "statements";

static QUOTE: LazyLock<Regex> = LazyLock::new(|| {
    let speech = verbs();
    crate::extract::pattern::compile(&format!(r#"[“"](?P<content>[^”"]{{8,}}?)[,.?!]?[”"],? (?:(?:the |The )?(?P<s1>«[POC]\d+»)(?:,[^,]{{1,60}},)? (?P<v1>{speech})|(?P<v4>{speech}) (?P<desc>(?:(?:«[OCLD]\d+»|[\p{{L}}'’.-]+) ){{1,5}})(?P<s4>«P\d+»)|(?P<v2>{speech}) (?P<s2>«[POC]\d+»)|(?P<pro>[Hh]e|[Ss]he) (?P<v3>{speech}))"#)).expect("valid quote pattern")
});
static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
    let speech = verbs();
    crate::extract::pattern::compile(&format!(r"(?P<s>«[POC]\d+»)(?:,[^,«]{{1,60}},)? (?:(?:has|had|also|further|again|later|repeatedly|publicly) )*(?P<v>{speech})(?: in an interview(?: with (?:the )?«O\d+»)?)?,? (?:that )?(?P<content>[^.]{{12,}})")).expect("valid reported pattern")
});
static ACCORDING: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(r"^According to (?P<s>«[POC]\d+»),? (?P<content>.{12,})").expect("valid pattern")
});

/// A person right before a speaker placed at a body or a place: "«P1» of
/// the victims' group «O2» said" is «P1»'s statement, not the group's, and
/// "«P1» of the «C2» said" «P1»'s, not the state's.
static PERSON_OF: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(r"(?P<p>«P\d+»),? (?:of|at|from) (?:the |The |a |an )?(?:[A-Za-z'’-]+ ){0,4}$")
        .expect("valid pattern")
});

/// A body right before a speaker that is a place: "«O1» of «C2» said" is
/// the company's statement ("Halvor Corp of Japan said"), not the state's.
static BODY_OF_PLACE: LazyLock<Regex> =
    LazyLock::new(|| crate::extract::pattern::compile(r"(?P<b>«O\d+»),? of $").expect("valid pattern"));

/// The speaker of a match whose speaker slot is `slot`: the person the
/// slot's body or place is named after ("«P» of «O» said"), or the body a
/// place is named after ("«O» of «C» said"), else the slot's entity.
fn speaker_of(view: &SentenceView, caps: &regex::Captures<'_>, slot: &str) -> Option<usize> {
    let found = caps.name(slot)?;
    if ["«O", "«C", "«L"].iter().any(|k| found.as_str().starts_with(k)) {
        if let Some(person) = PERSON_OF.captures(&view.text[..found.start()]).and_then(|c| c.name("p")) {
            return view.entity_at(person.start());
        }
    }
    if ["«C", "«L"].iter().any(|k| found.as_str().starts_with(k)) {
        if let Some(body) = BODY_OF_PLACE.captures(&view.text[..found.start()]).and_then(|c| c.name("b")) {
            return view.entity_at(body.start());
        }
    }
    entity(view, caps, slot)
}

fn verbs() -> String {
    let mut sorted: Vec<&str> = SPEECH_VERBS.words().to_vec();
    sorted.sort_by_key(|w| std::cmp::Reverse(w.len()));
    sorted.join("|")
}

impl RelationExtractor for Statements {
    fn name(&self) -> &'static str {
        NAME
    }

    fn extract(&self, view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
        let text = &view.text;
        let mut found_quote = false;
        for quote in quotes(view, doc) {
            push(view, quote.speaker, quote.cue, quote.content, true, quote.whole, out);
            found_quote = true;
        }
        if found_quote {
            return;
        }
        for caps in REPORTED.captures_iter(text).chain(ACCORDING.captures_iter(text)) {
            let (Some(speaker), Some(content)) = (speaker_of(view, &caps, "s"), caps.name("content")) else { continue };
            let cue = caps.name("v").map_or("according to", |m| m.as_str());
            let content =
                content.start()..content.end().min(text.trim_end_matches(['.', '”', '"']).len()).max(content.start());
            push(view, speaker, cue, content, false, caps.get(0).map_or(0..0, |m| m.range()), out);
            break;
        }
    }
}

/// A direct quote of the sentence with its speaker.
#[derive(Debug, Clone)]
pub struct Quote<'v> {
    /// The speaker's entity.
    pub speaker: usize,
    /// The verb of speaking ("said").
    pub cue: &'v str,
    /// The quoted words, a range of the view's text.
    pub content: Range<usize>,
    /// The quote with its speaker and cue, a range of the view's text.
    pub whole: Range<usize>,
}

/// The sentence's direct quotes whose speaker is named: "“...,” X said",
/// "“...,” said X", "“...,” the X said", "“...,” he said" (the last person
/// named).
#[must_use]
pub fn quotes<'v>(view: &'v SentenceView, doc: &DocContext<'_>) -> Vec<Quote<'v>> {
    let mut found = Vec::new();
    if !view.text.contains(['"', '”']) {
        return found;
    }
    for caps in QUOTE.captures_iter(&view.text) {
        // "said embassy official «P»": the words between the verb and the
        // person describe the person, unless they open another clause
        // ("said «O» and «P»": the body right after the verb speaks).
        let described = caps.name("desc").map(|d| {
            let opens_clause = d.as_str().split(' ').any(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "that"
                        | "and"
                        | "but"
                        | "or"
                        | "who"
                        | "which"
                        | "when"
                        | "after"
                        | "before"
                        | "while"
                        | "because"
                        | "if"
                )
            });
            if opens_clause {
                let first = d.as_str().starts_with("«O") || d.as_str().starts_with("«C");
                first.then(|| view.entity_at(d.start())).flatten()
            } else {
                entity(view, &caps, "s4")
            }
        });
        let speaker = speaker_of(view, &caps, "s1")
            .or_else(|| entity(view, &caps, "s2"))
            .or_else(|| caps.name("pro").and(doc.last_person))
            .or(described.flatten());
        let cue = ["v1", "v2", "v3", "v4"].iter().find_map(|v| caps.name(v)).map_or("said", |m| m.as_str());
        if let (Some(speaker), Some(content)) = (speaker, caps.name("content")) {
            found.push(Quote {
                speaker,
                cue,
                content: content.range(),
                whole: caps.get(0).map_or(0..0, |m| m.range()),
            });
        }
    }
    found
}

fn push(
    view: &SentenceView,
    speaker: usize,
    cue: &str,
    content: Range<usize>,
    quoted: bool,
    whole: Range<usize>,
    out: &mut Findings,
) {
    let about =
        view.entities_in(content.clone()).into_iter().map(|(_, e)| e).filter(|&e| e != speaker).collect::<Vec<_>>();
    let mut about_sorted = about;
    about_sorted.sort_unstable();
    about_sorted.dedup();
    out.statements.push(Statement {
        speaker,
        cue: cue.to_string(),
        content: view.doc_span(content),
        quoted,
        about: about_sorted,
        evidence: Evidence {
            sentence: view.index,
            span: view.doc_span(whole),
            extractor: NAME.to_string(),
            confidence: if quoted { 80 } else { 70 },
        },
    });
}
