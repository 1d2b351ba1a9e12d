//! # Tagged: names the statistical name tagger finds
//!
//! ## What it extracts
//! Person, organisation, place, event and agreement mentions from the text
//! layer's name tagger (`text::ner`, trained on open corpora), where no
//! gazetteer entry or head-noun rule already claimed the words. The
//! tagger's type is the mention's type; a name the gazetteer knows keeps
//! the gazetteer's (a country is a country). A capitalised descriptor the
//! tagger took in front of a person's given name is left out ("former
//! Beatle Jane Roe" names Jane Roe), and an acronym the tagger ran into a
//! person's name is a name of its own ("told NPR Jane Roe").
//!
//! ## Example
//! "Wu Lihua told the Tianjin Harbour Board that shipping had resumed."
//!
//! ## Produces
//! Mentions: `Wu Lihua` (Person), `Tianjin Harbour Board` (Organization),
//! each with the tagger's confidence.
//!
//! ## Known misses
//! Names in all-capital or title-case headlines (the tagger reads
//! capitals); names the tagger is unsure of (confidence below
//! [`MIN_CONFIDENCE`]).

use crate::extract::lexicon::{head_type, is_title_head, is_title_word, NAME_TITLES};
use crate::extract::mention::words;
use crate::extract::mention::{Mention, Occupied};
use crate::extract::model::EntityType;
use crate::extract::names::{holds_post_before, Single, SingleHint, NAME_PARTICLES};
use crate::extract::parties::{is_role_word, party_of};
use crate::gazetteer::{is_common_word, is_first_name, Gazetteer};
use crate::span::Span;
use crate::text::layer::SentenceLayer;
use crate::text::ner::NameType;
use crate::text::pos::Upos;

/// Extractor name, as recorded in evidence.
pub const NAME: &str = "tagger";

/// Below this tagger confidence a name is left out.
pub const MIN_CONFIDENCE: f32 = 0.6;

/// The mention type of a tagger type.
#[must_use]
pub fn entity_type(kind: NameType) -> EntityType {
    match kind {
        NameType::Person => EntityType::Person,
        NameType::Organization => EntityType::Organization,
        NameType::Place => EntityType::Place,
        NameType::Event => EntityType::Event,
        NameType::Law => EntityType::Agreement,
    }
}

/// Adds the tagger's names of one sentence that overlap none of `out`.
///
/// A one-word name is not a mention yet: it joins the sentence's single
/// capitalised words (`singles`), which coreference types first by the
/// document's full names ("Roe" after "Jane Roe") and by the words around
/// it, and only then by the tagger's reading.
pub fn find(text: &str, layer: &SentenceLayer, sentence: usize, out: &mut Vec<Mention>, singles: &mut Vec<Single>) {
    let mut taken = Occupied::default();
    for m in out.iter() {
        taken.insert(m.span);
    }
    let gazetteer = Gazetteer::global();
    let mut tokens = None;
    for name in &layer.names {
        if taken.overlaps(name.span) && name.kind == NameType::Organization {
            if let Some(place) = town_opening_body(text, name, out) {
                // "Tokyo Electric": the body's name, not its town and a word.
                out.remove(place);
                taken = Occupied::default();
                for m in out.iter() {
                    taken.insert(m.span);
                }
            }
        }
        if name.confidence < MIN_CONFIDENCE || taken.overlaps(name.span) {
            continue;
        }
        let Some(written) = name.span.slice(text) else { continue };
        let written = strip_article(written);
        let written = if name.kind == NameType::Person { strip_leading_titles(written) } else { written };
        let span = Span::new(name.span.end() - written.len(), name.span.end());
        // A title inside is a post, not a name ("Foreign Minister", "Sgt
        // Roe"); a word that only qualifies posts is not ("Federal
        // Reserve", "Foreign Ministry").
        if !written.chars().next().is_some_and(char::is_uppercase)
            || written.split_whitespace().any(|w| is_title_head(w) || NAME_TITLES.contains(&w))
            || written.split_whitespace().all(is_title_word)
            || !qualifiers_open_a_body(text, span, written)
        {
            continue;
        }
        let mut kind = entity_type(name.kind);
        // "the mayor of Leeds, Jane Roe,": the holder of the post, which the
        // tagger reads as the place's region.
        let mut holder = false;
        if kind.is_place() && head_type(&written.split_whitespace().collect::<Vec<_>>()).is_none() {
            let tokens = tokens.get_or_insert_with(|| words(text, layer));
            holder = holds_post_before(text, tokens, span);
            if holder {
                kind = EntityType::Person;
            }
        }
        if !written.contains(char::is_whitespace) {
            // One word says least: it must be tagged a proper noun, and be
            // no title or head noun left over from a longer name ("Sgt",
            // "County").
            if layer.tags[name.start].1 != Upos::PROPN
                || is_title_word(written)
                || head_type(&[written]).is_some()
                || written.ends_with('.')
            {
                continue;
            }
            // Singles come in sentence order: only this sentence's are looked
            // at (a scan of the document's was quadratic in its names).
            match singles.iter_mut().rev().take_while(|s| s.sentence == sentence).find(|s| s.span == span) {
                Some(single) => single.tagged = Some((kind, name.confidence)),
                None => singles.push(Single {
                    span,
                    word: written.to_string(),
                    sentence,
                    hint: SingleHint::None,
                    sentence_start: name.start == 0,
                    after_article: name.start > 0
                        && layer.tags[name.start - 1].1 == Upos::DET
                        && written.len() == name.span.len(),
                    tagged: Some((kind, name.confidence)),
                }),
            }
            continue;
        }
        // The gazetteer's matcher left this name for a reason (a common
        // word, a headline): it is not the tagger's to type.
        if !gazetteer.lookup(written).is_empty() {
            continue;
        }
        // "of Ohio Jane Roe": a known place, then a person's
        // given name, is two names, not one place.
        let mut parts = written.split_whitespace();
        if let (Some(place), Some(given)) = (parts.next(), parts.next()) {
            if kind.is_place() && !gazetteer.lookup(place).is_empty() && is_first_name(given) {
                continue;
            }
        }
        // A person's name the rules did not find needs a given name or an
        // initial to open it: the tagger's other people in business news
        // were mostly companies ("Daewoo Electronics", "MFS WorldCom").
        // A capitalised word the tagger took in front of the given name
        // ("former Beatle Jane Roe") describes the person: the name starts
        // at the given name, if one follows with a surname after it.
        let opens = |w: &str| is_first_name(w) || w.len() <= 3 && w.ends_with('.');
        let mut span = span;
        let mut written = written;
        // "told NPR Jane Roe had": an acronym, then a person's full name
        // with no head noun of a body, is two names the tagger ran together.
        if kind == EntityType::Organization {
            if let Some((acronym, person)) = acronym_then_person(written) {
                let person_at = span.start() + person;
                let acronym_span = Span::new(span.start(), span.start() + acronym);
                taken.insert(acronym_span);
                out.push(Mention::new(
                    acronym_span,
                    kind,
                    written[..acronym].to_string(),
                    NAME,
                    (name.confidence * 80.0).round() as u8,
                    sentence,
                ));
                kind = EntityType::Person;
                written = &written[person..];
                span = Span::new(person_at, span.end());
            }
        }
        if kind == EntityType::Person && !holder {
            let words: Vec<(usize, &str)> = word_offsets(written);
            match words.iter().position(|&(_, w)| opens(w)) {
                Some(0) => {}
                // Not a particle ("Rip Van Winkle") nor a common word
                // after it ("Little Miss Sure Shot"): a name, not a descriptor.
                Some(k)
                    if k + 1 < words.len()
                        && !NAME_PARTICLES.contains(&words[k].1.to_lowercase().as_str())
                        && !is_common_word(words[k + 1].1) =>
                {
                    let at = words[k].0;
                    written = &written[at..];
                    span = Span::new(span.start() + at, span.end());
                }
                _ => continue,
            }
        }
        let clean = written.split_whitespace().collect::<Vec<_>>().join(" ");
        let confidence = (name.confidence * 80.0).round() as u8;
        taken.insert(span);
        out.push(Mention::new(span, kind, clean, NAME, confidence, sentence));
    }
}

/// The index in `out` of a town's mention that opens a body's name the
/// tagger read with certainty ("Tokyo Electric", "Moscow Narodny"): the
/// only mention the name overlaps, a town or region (not a state) at its
/// start, followed by capitalised words that are no title and no head of
/// a place or an event ("Tokyo Prefecture", "Paris Marathon" stay). A
/// people's adjective opens one too when no head noun of a body follows
/// ("British Biotech"; "the French Foreign Ministry" keeps France).
fn town_opening_body(text: &str, name: &crate::text::layer::TaggedName, out: &[Mention]) -> Option<usize> {
    const CERTAIN: f32 = 0.95;
    if name.confidence < CERTAIN {
        return None;
    }
    let mut overlapping = out.iter().enumerate().filter(|(_, m)| m.span.overlaps(name.span));
    let (index, place) = overlapping.next()?;
    // "British Biotech": a people's adjective opens it, and no head noun
    // of a body follows ("the French Foreign Ministry" is France's).
    let demonym = place.adjectival && place.kind == EntityType::Country;
    if overlapping.next().is_some()
        || !(place.kind == EntityType::Place || demonym)
        || place.span.start() != name.span.start()
        || place.span.end() >= name.span.end()
    {
        return None;
    }
    let rest: Vec<&str> = text.get(place.span.end()..name.span.end())?.split_whitespace().collect();
    // "a Texas Democrat": a party's member; a capitalised word after the
    // name means the tagger cut it ("Detroit Big Three").
    let names_more = !rest.is_empty()
        && rest.iter().all(|w| {
            w.starts_with(char::is_uppercase) && !is_title_word(w) && !NAME_TITLES.contains(w) && party_of(w).is_none()
        });
    let after = &text[name.span.end()..];
    let next = after.trim_start();
    let cut = next.len() < after.len() && next.starts_with(char::is_uppercase);
    let kind = head_type(&rest);
    // "Swiss Franc", "American Depository Receipts": English words after
    // the adjective name a thing; a name the lists do not know ("American
    // Honda") names the body.
    if demonym && (kind.is_some() || rest.iter().any(|w| is_common_word(w))) {
        return None;
    }
    (names_more && !cut && !matches!(kind, Some(EntityType::Place | EntityType::Event))).then_some(index)
}

/// Where an organisation's name is an acronym followed by a person's name
/// ("NPR Jane Roe"): the acronym's length and where the person's name
/// starts. The person's part opens with a given name, has a surname after
/// it and no head noun of a body ("IBM Thomas Watson Research Center" stays).
fn acronym_then_person(name: &str) -> Option<(usize, usize)> {
    let words = word_offsets(name);
    let (first, given) = (words.first()?.1, words.get(1)?);
    let acronym = (2..=6).contains(&first.len()) && first.chars().all(|c| c.is_ascii_uppercase());
    let rest: Vec<&str> = words[1..].iter().map(|&(_, w)| w).collect();
    (acronym && words.len() >= 3 && is_first_name(given.1) && head_type(&rest).is_none())
        .then_some((first.len(), given.0))
}

/// The name without the titles and party labels the tagger took in front
/// of it ("Labour MP Jane Roe"): they stand before a name, not in it. The
/// last word always stays.
/// Whether the words of a tagged name that qualify posts ("Federal",
/// "National", "Senior") open the name of a body: they all lead it, and
/// the name ends in a body's head noun, follows "the" or is followed by
/// its staff ("the Federal Reserve", "National Savings Department",
/// "Federal Reserve officials"; not "Gross National Product", "Senior
/// Citibank", where the rest is a name of its own; not "Livestock
/// Development"). A name without such words passes.
fn qualifiers_open_a_body(text: &str, span: Span, written: &str) -> bool {
    let words: Vec<&str> = written.split_whitespace().collect();
    let qualifier = |w: &str| is_title_word(crate::extract::names::strip_possessive(w));
    let leading = words.iter().take_while(|w| qualifier(w)).count();
    if !words.iter().any(|w| qualifier(w)) {
        return true;
    }
    if words[leading..].iter().any(|w| qualifier(w)) {
        return false;
    }
    let after_the = text[..span.start()]
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"));
    crate::extract::names::needs_its_qualifiers(
        &words[leading..],
        text[span.end()..].split_whitespace().next(),
        after_the,
    )
}

fn strip_leading_titles(name: &str) -> &str {
    let mut rest = name;
    while let Some((first, after)) = rest.split_once(' ') {
        if !(is_role_word(first) || party_of(first).is_some()) {
            break;
        }
        rest = after.trim_start();
    }
    rest
}

/// The words of a name with their byte offsets.
fn word_offsets(name: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in name.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &name[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &name[s..]));
    }
    out
}

/// The name without a leading article ("the United Nations").
fn strip_article(name: &str) -> &str {
    for article in ["the ", "The "] {
        if let Some(rest) = name.strip_prefix(article) {
            return rest.trim_start();
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_names_no_other_finder_took() {
        let text = "The talks were led by Maria Lopez and the harbour board.";
        let layer = SentenceLayer::analyse(text, Span::new(0, text.len()));
        let (mut out, mut singles) = (Vec::new(), Vec::new());
        find(text, &layer, 0, &mut out, &mut singles);
        assert!(out.iter().any(|m| m.name == "Maria Lopez" && m.kind == EntityType::Person), "{out:?}");
        // A span already taken is left alone.
        let mut taken =
            vec![Mention::new(Span::new(22, 33), EntityType::Organization, "Maria Lopez".into(), "x", 50, 0)];
        find(text, &layer, 0, &mut taken, &mut singles);
        assert_eq!(taken.len(), 1);
    }
}
