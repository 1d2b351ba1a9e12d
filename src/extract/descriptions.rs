//! # Descriptions: "the commission" is the commission named before
//!
//! ## What it resolves
//! A definite description of a body ("the commission", "the caucus", "the
//! ministry's", `described_body_nouns.txt`) becomes a mention of the body
//! named before it in the document whose name has that head ("the Federal
//! Trade Commission", "the Ministry of Trade"); "the company" and "the firm"
//! (`company_nouns.txt`) of the one company named before it (a name ending
//! in "Corp.", "Ltd" or another word of `company_suffixes.txt`) when it is
//! the body named last. Every
//! relation extractor then reads the description as the body: "X, a
//! co-chairman of the caucus", "the party's leader, X", "the company said".
//!
//! Only an unambiguous description is read: "the" and the noun alone (a
//! modifier may tell another body: "a new party", "the other bank"), with no
//! name or "of" after it ("the committee chairman X" keeps its words, "the
//! committee of experts" is another), and only when
//! the document has named exactly one body of that kind so far. The noun
//! may also stand without "the" as a title's modifier ("Democratic
//! committee chairman X", "company spokesman X"; not "a committee
//! chairman", "central bank governor X").
//!
//! ## Example
//! "The Avalon Trade Commission met on Monday. Jane Roe, a member of the
//! commission, said ..."
//!
//! ## Produces
//! A mention of `Avalon Trade Commission` on "commission", so that roles
//! reads `Jane Roe worksFor Avalon Trade Commission`.
//!
//! ## Known misses
//! Descriptions with a modifier ("the ruling party", "the state-owned
//! company"), plural ones ("the two companies"), descriptions of people
//! ("the Illinois Democrat") and of places; a body named only after the
//! description.

use std::collections::BTreeSet;

use crate::extract::lexicon::{COMPANY_SUFFIXES, TITLE_HEADS};
use crate::extract::mention::{Mention, Occupied};
use crate::extract::model::{DocEntity, EntityType};
use crate::text::layer::TextLayer;
use crate::text::sentence::{BlockKind, Sentence};
use crate::text::wordlist::WordList;

/// Extractor name of the mentions it adds, as recorded in evidence.
pub const NAME: &str = "description";

/// Nouns that refer back to the one body named with that head.
static BODY_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/described_body_nouns.txt"));
/// Words that make a noun indefinite or another's ("a committee chairman").
static ARTICLES: WordList = WordList::new(include_str!("../../data/lexicon/grammar/indefinite_determiners.txt"));

/// Nouns that refer back to the one company named so far.
static COMPANY_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/company_nouns.txt"));

/// Heads of company names besides the suffixes ("Acme Group").
static COMPANY_HEADS: WordList = WordList::new(include_str!("../../data/lexicon/company_heads.txt"));

/// Confidence of a description's mention, in hundredths: below a name's.
const CONFIDENCE: u8 = 70;

/// Adds a mention, assigned to its body, for each description that refers
/// back unambiguously to one body named before it.
pub fn resolve(
    text: &str,
    sentences: &[Sentence],
    layer: &TextLayer,
    mentions: &mut Vec<Mention>,
    assignment: &mut Vec<Option<usize>>,
    entities: &mut [DocEntity],
) {
    let first_named = first_named(mentions, assignment, entities.len());
    let mut taken = Occupied::default();
    for m in mentions.iter() {
        taken.insert(m.span);
    }
    let mut added = Vec::new();
    for sentence in sentences.iter().filter(|s| s.block == BlockKind::Body) {
        let Some(analysis) = layer.sentence(sentence.index) else { continue };
        let words: Vec<&str> = analysis.tokens.iter().map(|t| &text[t.span.range()]).collect();
        for i in 0..words.len() {
            // A sentence's first word is tagged by its capital ("Company
            // spokesman X said": JJ).
            if analysis.tags[i].0.as_str() != "NN" && i > 0 {
                continue;
            }
            // "the committee", or the noun as a title's modifier with no
            // article ("Democratic committee chairman X", "company
            // spokesman X said"; not "a committee chairman").
            let definite = i > 0 && matches!(words[i - 1], "the" | "The");
            // A modifier before the noun may tell another body ("central
            // bank governor", "state party chief"); a party's label does not
            // ("Democratic committee chairman").
            let open_before = || {
                i == 0 || {
                    let before = words[i - 1];
                    let tag = analysis.tags[i - 1].0.as_str();
                    !ARTICLES.contains(&before.to_lowercase().as_str())
                        && (crate::extract::parties::party_of(before).is_some()
                            || !(tag.starts_with("JJ") || tag.starts_with("NN") || matches!(tag, "VBN" | "VBG" | "CD")))
                }
            };
            let titles = || words.get(i + 1).is_some_and(|w| TITLE_HEADS.contains(w)) && open_before();
            if !definite && !titles() {
                continue;
            }
            let lowered;
            let noun = if i == 0 {
                lowered = words[i].to_lowercase();
                lowered.as_str()
            } else {
                words[i]
            };
            let company = COMPANY_NOUNS.contains(&noun);
            if !company && !BODY_NOUNS.contains(&noun) {
                continue;
            }
            // "the committee chairman Jane Roe": the words belong to a title;
            // "the firm of Acme Inc", "the committee of experts": the noun
            // is described after it.
            if words.get(i + 1).is_some_and(|w| w.starts_with(char::is_uppercase) || *w == "of") {
                continue;
            }
            let span = analysis.tokens[i].span;
            if taken.overlaps(span) {
                continue;
            }
            let bodies: BTreeSet<usize> = (0..entities.len())
                .filter(|&e| first_named[e].is_some_and(|at| at < span.start()))
                .filter(|&e| entities[e].kind == EntityType::Organization && !entities[e].adjectival)
                .filter(|&e| {
                    let names = std::iter::once(&entities[e].name).chain(&entities[e].aliases);
                    let fits =
                        |name: &String| if company { is_company(name) } else { head(name).eq_ignore_ascii_case(noun) };
                    names.into_iter().any(fits)
                })
                .collect();
            let [body] = bodies.into_iter().collect::<Vec<_>>()[..] else { continue };
            // "the company" is the body named last, when that is the company.
            if company && last_body_before(mentions, assignment, entities, span.start()) != Some(body) {
                continue;
            }
            let mention = Mention::new(
                span,
                EntityType::Organization,
                entities[body].name.clone(),
                NAME,
                CONFIDENCE,
                sentence.index,
            );
            entities[body].mentions.push(span);
            added.push((mention, body));
        }
    }
    for (mention, body) in added {
        mentions.push(mention);
        assignment.push(Some(body));
    }
}

/// Where each entity is first named: the start of its first mention that
/// is a name (not an adjective).
fn first_named(mentions: &[Mention], assignment: &[Option<usize>], entities: usize) -> Vec<Option<usize>> {
    let mut first = vec![None; entities];
    for (m, e) in mentions.iter().zip(assignment) {
        if let Some(e) = *e {
            if !m.adjectival {
                let at = first[e].get_or_insert(m.span.start());
                *at = (*at).min(m.span.start());
            }
        }
    }
    first
}

/// The organisation named last before `at`.
fn last_body_before(
    mentions: &[Mention],
    assignment: &[Option<usize>],
    entities: &[DocEntity],
    at: usize,
) -> Option<usize> {
    mentions
        .iter()
        .zip(assignment)
        .filter(|(m, _)| m.span.end() <= at && !m.adjectival)
        .filter_map(|(m, e)| e.filter(|&e| entities[e].kind == EntityType::Organization).map(|e| (m.span.start(), e)))
        .max()
        .map(|(_, e)| e)
}

/// The head word of a body's name: the last word before "of" ("Ministry of
/// Trade"), else the last word ("Trade Commission").
fn head(name: &str) -> &str {
    let before_of = name.split_once(" of ").map_or(name, |(before, _)| before);
    before_of.split_whitespace().last().unwrap_or("").trim_end_matches('.')
}

/// Whether a name is a company's: it ends in a company suffix or has a
/// company head.
fn is_company(name: &str) -> bool {
    let last = name.split_whitespace().last().unwrap_or("");
    COMPANY_SUFFIXES.contains(&last) || COMPANY_HEADS.contains(&head(name).to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_is_the_word_before_of_or_the_last() {
        assert_eq!(head("Ministry of Foreign Trade"), "Ministry");
        assert_eq!(head("Avalon Trade Commission"), "Commission");
        assert_eq!(head("Bank"), "Bank");
    }

    #[test]
    fn companies_by_suffix_or_head() {
        assert!(is_company("Acme Corp."));
        assert!(is_company("Acme Holdings"));
        assert!(!is_company("Avalon Trade Commission"));
    }
}
