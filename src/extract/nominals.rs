//! # Nominals: agreements described rather than named
//!
//! ## What it extracts
//! Agreement mentions written as a common noun phrase: a base noun phrase
//! of the text layer with a determiner or modifiers, headed by a lower-case
//! agreement noun of `data/lexicon/triggers/agreement_nouns.txt` or
//! `data/lexicon/agreement_heads.txt` ("a joint declaration", "this
//! trilateral agreement", "the 1996 military accords"), or of
//! `triggers/signed_nouns.txt` in a sentence that signs it ("signed a $685
//! million contract"; "futures contracts" are none),
//! taken whole with its "of"/"on"/"for" post-modifier ("the agreement on
//! fisheries data"; not a date: "the deal on Monday"), its name running on
//! over an infinitive of purpose ("an agreement to form a joint battalion":
//! what it is for tells it from another); and anaphors that refer back to
//! the document's agreement ("the initiative", "this tripartite
//! cooperation"). A year older than the document's own makes the phrase the
//! name of another, earlier agreement.
//!
//! ## Example
//! "The two governments signed a joint declaration; the pact covers trade."
//!
//! ## Produces
//! Two unnamed Agreement mentions, `joint declaration` and `pact`, which
//! `coref` makes one entity.
//!
//! Events named by an organisation or a people and a common head noun
//! ("the NATO summit", "Israeli elections") are found here too, and so are
//! events described by a noun phrase whose head is an event noun of
//! `data/lexicon/event_nouns.txt` with a proper name or a year before it
//! ("the deadly El Paso shooting" gives "El Paso shooting", "the 1995
//! Cenepa war"). An event told later by its head alone ("condemned the
//! withdrawal") takes the one fuller description of that head the headline
//! or an earlier sentence gives ("a troop withdrawal from Kerel": "troop
//! withdrawal"), when no named event has that head ([`name_bare_events`]).
//!
//! ## Known misses
//! Plural or generic uses ("previous agreements") are skipped, unless a
//! year or a signing verb makes them particular ("signed contracts with
//! Iraq"), as is a bare
//! noun with no determiner ("reach agreement"). An event told only by its
//! head ("the shooting", "twin bombings") keeps its head as its name when
//! nothing fuller describes it; headlines are often tagged badly ("troop
//! withdrawal" read as a verb and an adjective) and then give no
//! description; a place inside an event's
//! name ("the Tacna massacre") gives no `locatedIn` yet.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::lexicon::{self, EVENT_NOUNS, TIME_WORDS};
use crate::extract::mention::Mention;
use crate::extract::model::EntityType;
use crate::span::Span;
use crate::text::layer::SentenceLayer;
use crate::text::pos::Upos;
use crate::text::wordlist::WordList;

/// Extractor name, as recorded in evidence.
pub const NAME: &str = "nominals";

static ANAPHOR: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+(?P<mods>(?:(?:new|trilateral|tripartite|bilateral|joint|defen[cs]e|military|regional|emerging|security|proposed)\s+){0,3})(?P<head>initiative|cooperation)\b")
        .expect("valid anaphor pattern")
});

/// Finds agreement nominals in one sentence: the base noun phrases of the
/// text layer whose head is a lower-case agreement noun ("a joint
/// declaration", "the deal"), with their "of"/"on"/"for" post-modifier
/// when one follows ("the agreement on fisheries data", "a memorandum of
/// understanding"). `doc_year` is the document's year (or the latest year
/// it mentions): a phrase with an older year names an earlier agreement.
pub fn find(
    text: &str,
    sentence: Span,
    layer: &SentenceLayer,
    index: usize,
    doc_year: Option<i32>,
    out: &mut Vec<Mention>,
) {
    let slice = &text[sentence.range()];
    for phrase in &agreement_phrases(text, layer) {
        let head = layer.word(text, phrase.head);
        let signed_only = lexicon::SIGNED_NOUNS.contains(&head);
        if !is_agreement_noun(head) && !signed_only {
            continue;
        }
        // The name starts after the determiners and any possessor ("the
        // country's new pact" is a "new pact").
        let mut start = phrase.start;
        for i in phrase.start..phrase.head {
            if layer.tags[i].0.as_str() == "POS" || matches!(layer.tags[i].1, Upos::DET | Upos::PRON) {
                start = i + 1;
            }
        }
        let determined = start > phrase.start;
        // "any deal", "no agreement": no agreement in particular.
        if (phrase.start..start)
            .any(|i| matches!(layer.word(text, i).to_lowercase().as_str(), "any" | "no" | "every" | "each" | "another"))
        {
            continue;
        }
        let modifiers: Vec<&str> = (start..phrase.head).map(|i| layer.word(text, i)).collect();
        let plural = layer.tags[phrase.head].0.as_str() == "NNS" && !head.ends_with("ss");
        let signed_here = phrase.start.checked_sub(1).is_some_and(|v| {
            layer.tags[v].1 == Upos::VERB && lexicon::SIGN_VERBS.contains(&layer.word(text, v).to_lowercase().as_str())
        });
        // "reach agreement": a bare noun names nothing ("signed contracts"
        // names those signed).
        if !determined && modifiers.is_empty() && !(plural && signed_here) {
            continue;
        }
        // "the protocol", "the convention", "a contract" name a text only
        // where it is signed.
        if (signed_only || matches!(head, "protocol" | "convention")) && !lexicon::mentions_signing(slice) {
            continue;
        }
        let year: Option<i32> = modifiers.iter().find_map(|w| w.parse().ok().filter(|y| (1000..3000).contains(y)));
        let older = matches!((year, doc_year), (Some(y), Some(d)) if y < d - 1);
        // "the 1984 treaties": a year names the agreements of that year;
        // so does a signing verb right before ("signed contracts with
        // Iraq", "have signed confidentiality agreements": those signed).
        if plural && year.is_none() && !signed_here {
            continue;
        }
        let end = end_with_post(text, layer, phrase);
        let span = layer.span_of(start, end);
        // "the trade deal with Chile": the other side names the deal too
        // (and tells it from "the trade deal with Peru"); the side stays a
        // mention of its own, outside the span.
        // "an agreement to form a joint battalion": what the agreement is
        // for names it too (and tells it from another), outside the span.
        // Both: "an agreement with Chile to build a refinery".
        let named = layer.span_of(
            start,
            purpose_end(text, layer, end).unwrap_or_else(|| {
                let side_end = with_side_end(text, layer, end);
                (side_end > end).then(|| purpose_end(text, layer, side_end)).flatten().unwrap_or(side_end)
            }),
        );
        out.push(Mention {
            span,
            kind: EntityType::Agreement,
            name: text[named.range()].split_whitespace().collect::<Vec<_>>().join(" "),
            extractor: NAME,
            confidence: if older { 70 } else { 65 },
            link: None,
            adjectival: false,
            unnamed: !older,
            anaphor: false,
            title: None,
            sentence: index,
        });
    }
}

/// Finds events named by a description in one sentence: the base noun
/// phrases of the text layer headed by a lower-case event noun of
/// `data/lexicon/event_nouns.txt`, with a proper name or a year among the
/// words before the head ("the El Paso shooting", "the 2006 coup", "Thai
/// general elections", "an anti-Brexit march"). The name is the phrase
/// without its determiner or possessor. A definite description with no
/// name in it ("the attack", "the withdrawal of troops") is an unnamed
/// event (see `described_event`).
pub fn find_described_events(text: &str, layer: &SentenceLayer, index: usize, out: &mut Vec<Mention>) {
    for phrase in &layer.phrases {
        let head = layer.word(text, phrase.head);
        if !EVENT_NOUNS.contains(&head) {
            continue;
        }
        let mut start = phrase.start;
        for i in phrase.start..phrase.head {
            if layer.tags[i].0.as_str() == "POS" || matches!(layer.tags[i].1, Upos::DET | Upos::PRON) {
                start = i + 1;
            }
        }
        // The name starts at its first proper word or year ("the deadly
        // El Paso shooting" is the "El Paso shooting").
        let first = (start..phrase.head).find(|&i| {
            let word = layer.word(text, i);
            // A proper noun, or a capitalised adjective inside the sentence
            // ("Thai"; not "Presidential elections" opening it); "the
            // October elections": a month names no event.
            let proper = matches!(layer.tags[i].1, Upos::PROPN) || i > 0 && layer.tags[i].1 == Upos::ADJ;
            proper && word.chars().any(char::is_uppercase) && !TIME_WORDS.contains(&word)
                || word.len() == 4 && word.parse::<i32>().is_ok_and(|y| (1800..2200).contains(&y))
        });
        if let Some(first) = first {
            let span = layer.span_of(first, phrase.head + 1);
            out.push(Mention::new(
                span,
                EntityType::Event,
                text[span.range()].split_whitespace().collect::<Vec<_>>().join(" "),
                NAME,
                60,
                index,
            ));
        } else if let Some(described) = described_event(text, layer, phrase, start, index) {
            out.push(described);
        }
    }
}

/// An event told by its head noun alone ("opposed the withdrawal") takes
/// the fuller description of that head the headline or an earlier sentence
/// gives ("Trump announces troop withdrawal from Syria": "troop withdrawal
/// from Syria"), where there is exactly one: news names the event once in
/// full and then by its head. `sentences` are the text layers of the
/// document's headline and body sentences, in order.
pub fn name_bare_events(text: &str, sentences: &[&SentenceLayer], mentions: &mut [Mention]) {
    let bare = |m: &Mention| m.kind == EntityType::Event && m.unnamed && !m.name.contains(' ');
    if !mentions.iter().any(bare) {
        return;
    }
    // Fuller descriptions by singular head, with where each starts.
    let mut fuller: Vec<(String, usize, String)> = Vec::new();
    for &layer in sentences {
        for phrase in &layer.phrases {
            let head = layer.word(text, phrase.head);
            if !EVENT_NOUNS.contains(&head) {
                continue;
            }
            let start = (phrase.start..phrase.head)
                .find(|&i| {
                    layer.tags[i].0.as_str() != "POS" && !matches!(layer.tags[i].1, Upos::DET | Upos::PRON | Upos::NUM)
                })
                .unwrap_or(phrase.head);
            let end = end_with_post(text, layer, phrase);
            // Words that describe, not point: no possessive, pronoun,
            // number or date inside ("this week's March 31 meeting", "talks
            // on its buffer stock").
            let describes = (start..end).all(|i| {
                layer.tags[i].0.as_str() != "POS" && !matches!(layer.tags[i].1, Upos::PRON | Upos::NUM | Upos::DET)
            }) && !layer.dates.iter().any(|(d, _)| d.overlaps(layer.span_of(start, end)));
            // "a meeting of coffee producing countries": a phrase the
            // chunker cut before words that go on describing is no name.
            let cut = end < layer.tags.len()
                && (layer.tags[end].0.as_str() == "VBG"
                    || matches!(layer.tags[end].1, Upos::NOUN | Upos::PROPN | Upos::ADJ));
            if end - start < 2 || !describes || cut {
                continue;
            }
            let span = layer.span_of(start, end);
            let words = text[span.range()].split_whitespace().collect::<Vec<_>>().join(" ");
            fuller.push((singular(head), span.start(), words));
        }
    }
    // A head the document names an event by is that event's ("the talks"
    // after "the London talks"): coreference joins them.
    let named: std::collections::BTreeSet<String> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::Event && !m.unnamed)
        .filter_map(|m| m.name.rsplit(' ').next().map(singular))
        .collect();
    for m in mentions.iter_mut().filter(|m| bare(m)) {
        let head = singular(&m.name);
        if named.contains(&head) {
            continue;
        }
        let before: std::collections::BTreeSet<String> = fuller
            .iter()
            .filter(|(h, at, _)| *h == head && *at < m.span.start())
            .map(|(_, _, words)| crate::text::normalize::fold(words))
            .collect();
        if before.len() == 1 {
            if let Some((_, _, words)) = fuller.iter().find(|(h, at, _)| *h == head && *at < m.span.start()) {
                m.name.clone_from(words);
            }
        }
    }
}

/// A noun's singular, lower-cased ("bombings" -> "bombing").
pub(crate) fn singular(word: &str) -> String {
    let lower = word.to_lowercase();
    match lower.strip_suffix('s') {
        Some(one) if !one.ends_with('s') => one.to_string(),
        _ => lower,
    }
}

/// An event told by a definite description and nothing else: "the
/// withdrawal of troops from the border", "this impeachment inquiry", "the
/// bombings". The mention covers the words up to the head (names in the
/// post-modifier stay mentions of their own); its name is the whole phrase
/// without the determiner, post-modifier included, so "the suspension of
/// Parliament" is told from "the suspension of talks". It is unnamed:
/// `coref` joins it to the document's one named event of that head, and
/// it is kept only when a fact uses it.
fn described_event(
    text: &str,
    layer: &SentenceLayer,
    phrase: &crate::text::chunk::NounPhrase,
    start: usize,
    index: usize,
) -> Option<Mention> {
    // "the attack", "its first general election" (an indefinite phrase
    // was measured: "four deadly mass shootings", "many meetings", "a fair
    // trial" are no one event).
    let definite = (phrase.start..start).any(|i| {
        matches!(
            layer.word(text, i).to_lowercase().as_str(),
            "the" | "this" | "that" | "these" | "those" | "its" | "their"
        )
    });
    // Lower-case words only: a capitalised modifier is a name ("the NATO
    // summit", found elsewhere) or a sentence's first word.
    let lower = (start..=phrase.head).all(|i| !layer.word(text, i).starts_with(char::is_uppercase));
    if !definite || !lower {
        return None;
    }
    let named = layer.span_of(start, end_with_post(text, layer, phrase));
    Some(Mention {
        unnamed: true,
        ..Mention::new(
            layer.span_of(start, phrase.head + 1),
            EntityType::Event,
            text[named.range()].split_whitespace().collect::<Vec<_>>().join(" "),
            NAME,
            55,
            index,
        )
    })
}

/// One past the last token of "with" and a proper name right after
/// `end` ("with the United States"), or `end` where none follows.
/// The end of an infinitive of purpose right after an agreement's phrase
/// ("to form a joint battalion", "to build a refinery"): "to", a verb in its
/// base form and the noun phrase it takes, without a post-modifier of time
/// or place.
fn purpose_end(text: &str, layer: &SentenceLayer, end: usize) -> Option<usize> {
    if end + 2 >= layer.tags.len() || layer.word(text, end) != "to" || layer.tags[end + 1].0.as_str() != "VB" {
        return None;
    }
    let object = layer.phrases.iter().find(|p| p.start == end + 2)?;
    (object.end - end <= 8).then_some(object.end)
}

fn with_side_end(text: &str, layer: &SentenceLayer, end: usize) -> usize {
    if end >= layer.tags.len() || layer.word(text, end) != "with" {
        return end;
    }
    let mut k = end + 1;
    if k < layer.tags.len() && layer.word(text, k) == "the" {
        k += 1;
    }
    let first = k;
    // "with Heck's Inc": a possessive inside a company's name.
    let inner_possessive = |k: usize| {
        matches!(layer.word(text, k), "'s" | "’s")
            && k + 1 < layer.tags.len()
            && layer.tags[k + 1].1 == Upos::PROPN
            && k > first
    };
    while k < layer.tags.len() && (layer.tags[k].1 == Upos::PROPN || inner_possessive(k)) {
        k += 1;
    }
    // "with Indonesia's state oil company": the side is no owner's name.
    let possessed = k < layer.tags.len() && matches!(layer.word(text, k), "'s" | "’s");
    if k > first && !possessed {
        k
    } else {
        end
    }
}

/// One past the last token of a phrase with its "of"/"on"/"for"
/// post-modifier, unless that names a time ("the deal on Monday").
fn end_with_post(text: &str, layer: &SentenceLayer, phrase: &crate::text::chunk::NounPhrase) -> usize {
    match phrase.post {
        Some((post_start, post_end)) => {
            let post = layer.span_of(post_start, post_end);
            let time = (post_start..post_end).any(|i| TIME_WORDS.contains(&layer.word(text, i)));
            if time || layer.dates.iter().any(|(d, _)| d.overlaps(post)) {
                phrase.head + 1
            } else {
                post_end
            }
        }
        None => phrase.head + 1,
    }
}

/// The layer's noun phrases as agreements' descriptions read them, with
/// two cuts of the chunker mended: a gerund inside a compound ("a
/// production sharing contract": "a production", "sharing", "contract")
/// joins the phrases around it, and an agreement noun before a name that
/// the chunker ran into it ("a contract Pertamina signed": "contract
/// Pertamina") heads its own phrase.
fn agreement_phrases(text: &str, layer: &SentenceLayer) -> Vec<crate::text::chunk::NounPhrase> {
    use crate::text::chunk::NounPhrase;
    let phrases = &layer.phrases;
    let heads = |w: &str| is_agreement_noun(w) || lexicon::SIGNED_NOUNS.contains(&w);
    phrases
        .iter()
        .enumerate()
        .map(|(n, phrase)| {
            if heads(layer.word(text, phrase.head)) {
                let gerund = phrase.start.checked_sub(1).filter(|&g| layer.tags[g].0.as_str() == "VBG");
                let before = n.checked_sub(1).map(|m| phrases[m]);
                if let (Some(g), Some(before)) = (gerund, before) {
                    if before.end == g && before.post.is_none() && layer.tags[before.head].1 == Upos::NOUN {
                        return NounPhrase { start: before.start, ..*phrase };
                    }
                }
                return *phrase;
            }
            let inner = (phrase.start..phrase.head)
                .rev()
                .find(|&k| heads(layer.word(text, k)) && (k + 1..=phrase.head).all(|i| layer.tags[i].1 == Upos::PROPN));
            match inner {
                Some(k) => NounPhrase { start: phrase.start, end: k + 1, head: k, post: None },
                None => *phrase,
            }
        })
        .collect()
}

/// A lower-case noun that heads an agreement's description.
fn is_agreement_noun(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase) && lexicon::is_agreement_noun(word)
}

/// Words between a name and an event noun (`event_name_modifiers.txt`).
static EVENT_NAME_MODIFIERS: WordList = WordList::new(include_str!("../../data/lexicon/event_name_modifiers.txt"));
/// Event nouns that make a name before them an event's (`event_name_heads.txt`).
static EVENT_NAME_HEADS: WordList = WordList::new(include_str!("../../data/lexicon/event_name_heads.txt"));

static EVENT_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    let modifiers = lexicon::alternation(EVENT_NAME_MODIFIERS.words().iter().copied());
    let heads = lexicon::alternation(EVENT_NAME_HEADS.words().iter().copied());
    crate::extract::pattern::compile(&format!(r"^ (?:(?:{modifiers}) ){{0,2}}(?P<head>{heads})\b"))
        .expect("valid event pattern")
});

/// Finds events named after an organisation or a people ("the NATO
/// summit", "Israeli elections") right after those mentions.
pub fn find_events(text: &str, sentence: Span, index: usize, known: &[Mention], out: &mut Vec<Mention>) {
    for modifier in known.iter().filter(|m| m.sentence == index && sentence.contains(m.span)) {
        // A place's name stays a place ("talks in the Brussels summit" keeps
        // Brussels for the relations); bodies and peoples name events.
        if !(modifier.kind == EntityType::Organization || modifier.adjectival) {
            continue;
        }
        let rest = &text[modifier.span.end()..sentence.end()];
        // "NATO's summit" names it as well as "NATO summit".
        let rest_start =
            rest.strip_prefix("'s").or_else(|| rest.strip_prefix("’s")).map_or(0, |r| rest.len() - r.len());
        let Some(caps) = EVENT_HEAD.captures(&rest[rest_start..]) else { continue };
        let end = modifier.span.end() + rest_start + caps.get(0).map_or(0, |m| m.end());
        let span = Span::new(modifier.span.start(), end);
        let name =
            format!("{}{}", text[modifier.span.range()].trim_end(), &text[modifier.span.end() + rest_start..end]);
        out.push(Mention::new(span, EntityType::Event, name, NAME, 60, index));
    }
}

/// Finds anaphors ("the initiative") that may refer to the document's agreement.
pub fn find_anaphors(text: &str, sentence: Span, index: usize, out: &mut Vec<Mention>) {
    let slice = &text[sentence.range()];
    for caps in ANAPHOR.captures_iter(slice) {
        let whole = caps.get(0).expect("match");
        let mods = caps.name("mods").map_or("", |m| m.as_str());
        let start = if mods.is_empty() {
            caps.name("head").map_or(whole.start(), |m| m.start())
        } else {
            caps.name("mods").map_or(whole.start(), |m| m.start())
        };
        out.push(Mention {
            span: Span::new(sentence.start() + start, sentence.start() + whole.end()),
            kind: EntityType::Agreement,
            name: slice[start..whole.end()].to_string(),
            extractor: NAME,
            confidence: 50,
            link: None,
            adjectival: false,
            unnamed: true,
            anaphor: true,
            title: None,
            sentence: index,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nominals(text: &str, year: Option<i32>) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        let layer = SentenceLayer::analyse(text, Span::new(0, text.len()));
        find(text, Span::new(0, text.len()), &layer, 0, year, &mut out);
        out.into_iter().map(|m| (m.name, m.unnamed)).collect()
    }

    #[test]
    fn finds_described_agreements() {
        assert_eq!(nominals("They signed a joint declaration.", None), [("joint declaration".to_string(), true)]);
        assert_eq!(nominals("The pact covers trade.", None), [("pact".to_string(), true)]);
    }

    #[test]
    fn an_older_year_names_another_agreement() {
        assert_eq!(
            nominals("It breaks the 1996 military accords.", Some(2025)),
            [("1996 military accords".to_string(), false)]
        );
    }

    #[test]
    fn finds_events_named_after_a_body_or_people() {
        let text = "Leaders met at the NATO summit in Vilnius.";
        let nato = Mention {
            span: Span::new(19, 23),
            kind: EntityType::Organization,
            name: "NATO".into(),
            extractor: "test",
            confidence: 90,
            link: None,
            adjectival: false,
            unnamed: false,
            anaphor: false,
            title: None,
            sentence: 0,
        };
        let mut out = Vec::new();
        find_events(text, Span::new(0, text.len()), 0, &[nato], &mut out);
        assert_eq!(out.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["NATO summit"]);
        let mut none = Vec::new();
        let quiet = "NATO members met.";
        find_events(quiet, Span::new(0, quiet.len()), 0, &[], &mut none);
        assert!(none.is_empty());
    }

    #[test]
    fn a_description_keeps_its_post_modifier() {
        assert_eq!(
            nominals("Both sides signed the agreement on fisheries data in May.", None),
            [("agreement on fisheries data".to_string(), true)]
        );
        assert_eq!(nominals("They signed the deal on Monday.", None), [("deal".to_string(), true)]);
    }

    #[test]
    fn stays_silent_on_generic_uses() {
        assert!(nominals("Previous agreements failed.", Some(2025)).is_empty());
        assert!(nominals("They could not reach agreement.", None).is_empty());
    }
}
