//! # Parties: a political party named by its adjective
//!
//! ## What it extracts
//! Adjectival mentions of a party where news names it by the word its
//! members go by ("Republican Senator X", "Labour MP Y", "a Democrat"): the
//! labels and member forms of `data/lexicon/party_labels.tsv`, generated
//! from party names in the open corpora and the PETRARCH2 agents. The
//! mention stands for the party ("Labour Party") and, like a demonym, makes no entity
//! unless a fact uses it (`membership` reads "«G» MP «P»"). A person name
//! the name finders opened with the label ("Conservative MP Jane Roe") is
//! cut to the name behind it. A label with the party's noun in lower case
//! ("the ruling Liberal party") is the party's name.
//!
//! ## Example
//! "Labour MP Ann Tarrow spoke first."
//!
//! ## Produces
//! Mentions: `Labour Party` (Organization, adjectival) on "Labour";
//! `Ann Tarrow` (Person), no longer "Labour MP Ann Tarrow".
//!
//! ## Known misses
//! Party names by abbreviation after a name ("(D-NY)", "(R)"); labels inside a
//! longer name ("Democratic Republic", "Republican Guard", "Social
//! Democrats") stay that name's; labels of parties the sources lack.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::extract::lexicon::{
    is_function_word, is_title_word, INSTITUTIONS, NAME_TITLES, ORG_HEADS, PARTY_HEADS, TITLE_HEADS, TITLE_MODIFIERS,
};
use crate::extract::mention::{words, Mention, Token};
use crate::extract::model::EntityType;
use crate::extract::names::{strip_possessive, Single};
use crate::gazetteer::Gazetteer;
use crate::span::Span;
use crate::text::layer::SentenceLayer;
use crate::text::wordlist::WordList;

/// Extractor name, as recorded in evidence.
pub const NAME: &str = "party-label";

/// Words besides titles that may stand between a party's label and a
/// member's name ("Republican committee member X").
pub static PARTY_ROLES: WordList = WordList::new(include_str!("../../data/lexicon/party_roles.txt"));

/// Each member form ("Democrat", "Labour") with the name of its party.
static PARTY_FORMS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut forms = HashMap::new();
    for line in include_str!("../../data/lexicon/party_labels.tsv").lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let mut columns = line.split('\t');
        let (Some(_label), Some(party), Some(members)) = (columns.next(), columns.next(), columns.next()) else {
            continue;
        };
        for form in members.split('|') {
            forms.insert(form, party);
        }
    }
    forms
});

/// Party labels by the letter of a party-state designation ("D-Ariz.":
/// "Democratic"), from `party_letters.tsv`.
static PARTY_LETTERS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    crate::text::wordlist::tsv_rows(include_str!("../../data/lexicon/party_letters.tsv"))
        .filter_map(|(letter, label)| PARTY_FORMS.get(label).map(|party| (letter, *party)))
        .collect()
});

/// The party of a party-state designation after a legislator's name
/// ("D-Ariz.", "R-N.Y.", "D-Texas": the Democratic or Republican Party).
#[must_use]
pub fn party_of_designation(word: &str) -> Option<&'static str> {
    let (letter, state) = word.split_once('-')?;
    let state_like = state.starts_with(|c: char| c.is_ascii_uppercase())
        && state.len() <= 14
        && state.chars().all(|c| c.is_ascii_alphabetic() || c == '.');
    state_like.then(|| PARTY_LETTERS.get(letter).copied()).flatten()
}

/// The party a word names by its label or member form ("Democrats" →
/// "Democratic Party").
#[must_use]
pub fn party_of(word: &str) -> Option<&'static str> {
    PARTY_FORMS.get(strip_possessive(word)).copied()
}

/// Whether a word may stand between a party's label and a member's name: a
/// title ("MP", "Senator") or a word of political roles ("committee"), not
/// a party's head noun.
#[must_use]
pub fn is_role_word(word: &str) -> bool {
    // "Labour Party" is the party's own name.
    !PARTY_HEADS.contains(&word)
        && (is_title_word(word) || NAME_TITLES.contains(&word) || PARTY_ROLES.contains(&word.to_lowercase().as_str()))
}

/// Whether `word` is the plural its members go by ("Democrats",
/// "Socialists"): a body named with it is a party ("the Social
/// Democrats", "Sweden Democrats").
#[must_use]
pub fn is_members_plural(word: &str) -> bool {
    word.ends_with('s') && PARTY_FORMS.contains_key(word)
}

/// Adds the sentence's party labels to `out` as adjectival organisation
/// mentions, cutting person names that open with a label, and takes the
/// labels out of the single capitalised words (`singles`).
pub fn find(text: &str, layer: &SentenceLayer, index: usize, out: &mut Vec<Mention>, singles: &mut Vec<Single>) {
    let tokens = words(text, layer);
    find_designations(text, &tokens, index, out, singles);
    for (i, token) in tokens.iter().enumerate() {
        let Some(party) = party_of(token.text) else { continue };
        let label = Span::new(token.span.start(), token.span.end() - token.possessive_len());
        // "the Democratic Party", "Republican Guard": the label is part of a name.
        // A label that is also a post's domain ("Labor lawyer", "Labour
        // Minister") names the party only before a party-political role
        // ("Labour MP").
        let domain = TITLE_MODIFIERS.contains(&token.text.to_lowercase().as_str());
        let political_next = tokens.get(i + 1).is_some_and(|n| PARTY_ROLES.contains(&n.text.to_lowercase().as_str()));
        // "the Social Democrats": the plural its members go by, after a
        // word of the party's own name, names that party.
        let plural_name = is_members_plural(strip_possessive(token.text))
            && opens_other_party(text, &tokens, i)
            && !tokens.get(i + 1).is_some_and(|n| {
                n.is_capitalized() && text[token.span.end()..n.span.start()].chars().all(char::is_whitespace)
            });
        if plural_name {
            let span = Span::new(tokens[i - 1].span.start(), label.end());
            out.retain(|m| !span.contains(m.span));
            singles.retain(|s| !span.contains(s.span));
            out.push(Mention::new(span, EntityType::Organization, text[span.range()].to_string(), NAME, 70, index));
            continue;
        }
        // "the ruling Liberal party": the label with the party's noun in
        // lower case is the party's name as the writer spells it; "Green
        // Party leader X" opening a sentence, where the name finders took
        // the common word for no name, is the party too.
        let noun = tokens.get(i + 1).filter(|n| {
            token.possessive_len() == 0
                && text[token.span.end()..n.span.start()] == *" "
                && strip_possessive(n.text).eq_ignore_ascii_case("party")
        });
        if let Some(noun) = noun.filter(|_| !opens_other_party(text, &tokens, i)) {
            let span = Span::new(token.span.start(), noun.span.end() - noun.possessive_len());
            // Written in lower case, the party is named unless a longer
            // name holds it; capitalised, only where no name covers it and
            // no capitalised word before it opens a longer one ("New
            // Democratic Party").
            let take = if noun.is_capitalized() {
                !out.iter().any(|m| m.kind != EntityType::Person && m.span.overlaps(span))
                    && !i.checked_sub(1).is_some_and(|k| tokens[k].is_capitalized())
            } else {
                !out.iter().any(|m| m.span.contains(span) && m.span != span)
            };
            if take {
                cut_person_names(text, &tokens, i + 1, out);
                // "Green Party leader X": the post is "leader", not "Party leader".
                let noun_word = format!("{} ", noun.text);
                for m in out.iter_mut().filter(|m| m.kind == EntityType::Person && m.span.start() > span.end()) {
                    if let Some(rest) = m.title.as_deref().and_then(|t| t.strip_prefix(noun_word.as_str())) {
                        m.title = Some(rest.to_string());
                    }
                }
                out.retain(|m| !span.contains(m.span));
                singles.retain(|s| !span.contains(s.span));
                let name = format!("{} Party", &text[label.range()]);
                out.push(Mention::new(span, EntityType::Organization, name, NAME, 70, index));
                continue;
            }
        }
        if inside_other_name(text, &tokens, i, label, out) || domain && !political_next {
            continue;
        }
        cut_person_names(text, &tokens, i, out);
        out.retain(|m| m.span != label);
        singles.retain(|s| s.span != label);
        out.push(Mention {
            adjectival: true,
            ..Mention::new(label, EntityType::Organization, party.to_string(), NAME, 70, index)
        });
    }
}

/// "Sen. Jane Roe, D-Ariz.,", "Rep. John Doe (R-Texas)": a party-state
/// designation set off after a person's name names the person's party; its
/// letter becomes the party's label, and nothing else there is a name
/// ("D-Ariz" is no body).
fn find_designations(
    text: &str,
    tokens: &[Token<'_>],
    index: usize,
    out: &mut Vec<Mention>,
    singles: &mut Vec<Single>,
) {
    for (i, token) in tokens.iter().enumerate().skip(1) {
        let Some(party) = party_of_designation(token.text) else { continue };
        let gap = text[tokens[i - 1].span.end()..token.span.start()].trim();
        let after_person = matches!(gap, "," | "(")
            && out.iter().any(|m| m.kind == EntityType::Person && m.span.end() == tokens[i - 1].span.end());
        if !after_person {
            continue;
        }
        out.retain(|m| !m.span.overlaps(token.span));
        singles.retain(|s| !s.span.overlaps(token.span));
        let letter = Span::new(token.span.start(), token.span.start() + 1);
        out.push(Mention {
            adjectival: true,
            ..Mention::new(letter, EntityType::Organization, party.to_string(), NAME, 70, index)
        });
    }
}

/// Whether the label at token `i` belongs to a longer name: a party or body
/// named with it ("Democratic Party", "Republican Guard") or a name other
/// than a person's that covers it and more.
fn inside_other_name(text: &str, tokens: &[Token<'_>], i: usize, label: Span, mentions: &[Mention]) -> bool {
    let next = tokens.get(i + 1);
    if next.is_some_and(|n| n.is_capitalized() && !is_role_word(n.text) && !starts_person(mentions, n.span)) {
        return true;
    }
    if opens_other_party(text, tokens, i) {
        return true;
    }
    mentions.iter().any(|m| {
        m.kind != EntityType::Person
            && m.span.contains(label)
            && m.span != label
            && !(m.span.start() == label.start() && only_role_words_after(tokens, i, m.span))
    })
}

/// Whether the word before the label at token `i` makes it part of another
/// party's name ("Social Democrats", "the Christian Democratic party"): a
/// capitalised word that is no place, people, institution, post or
/// function word ("Texas Democrat", "Senate Republicans", "Sen. Democrat"
/// are the label's party).
fn opens_other_party(text: &str, tokens: &[Token<'_>], i: usize) -> bool {
    // A title's domain ("Social", "Christian") is such a word; a common
    // word opening the sentence ("Moderate Republicans") is not.
    let previous = i.checked_sub(1).map(|k| tokens[k]);
    previous.is_some_and(|p| {
        let lower = p.text.to_lowercase();
        text[p.span.end()..tokens[i].span.start()].chars().all(char::is_whitespace)
            && p.is_capitalized()
            && p.possessive_len() == 0
            && p.text.chars().all(char::is_alphabetic)
            && !(i == 1 && crate::gazetteer::is_common_word(&lower))
            && !NAME_TITLES.contains(&p.text)
            && !PARTY_ROLES.contains(&lower.as_str())
            && !TITLE_HEADS.contains(&lower.as_str())
            && !is_function_word(p.text)
            && !INSTITUTIONS.contains(&p.text)
            && !ORG_HEADS.contains(&p.text)
            && Gazetteer::global().lookup(p.text).is_empty()
            && party_of(p.text).is_none()
    })
}

/// Whether the words of `span` after token `i` are all role words ("Republican
/// Senate": the Senate, not a body named for the party).
fn only_role_words_after(tokens: &[Token<'_>], i: usize, span: Span) -> bool {
    tokens[i + 1..].iter().take_while(|t| t.span.end() <= span.end()).all(|t| is_role_word(t.text))
}

fn starts_person(mentions: &[Mention], span: Span) -> bool {
    mentions.iter().any(|m| m.kind == EntityType::Person && m.span.start() == span.start())
}

/// "Conservative MP Jane Roe" found as one person: the name is what follows
/// the label and the role words after it. A body found with the label
/// ("Republican Senate") is the body behind it.
fn cut_person_names(text: &str, tokens: &[Token<'_>], i: usize, out: &mut Vec<Mention>) {
    let mut start = i + 1;
    while tokens.get(start).is_some_and(|t| is_role_word(t.text)) {
        start += 1;
    }
    let label_start = tokens[i].span.start();
    // A name opening at the label or at a role word after it ("MP Jane Roe").
    let opened_by_label = |at: usize| tokens[i..start].iter().any(|t| t.span.start() == at);
    out.retain_mut(|m| {
        if m.kind != EntityType::Person && m.span.start() == label_start && m.span.end() > tokens[i].span.end() {
            // "the Republican Senate": the body behind the label.
            return match tokens.get(i + 1) {
                Some(next) => {
                    m.span = Span::new(next.span.start(), m.span.end());
                    m.name = text.get(m.span.range()).unwrap_or_default().to_string();
                    true
                }
                None => false,
            };
        }
        if m.kind != EntityType::Person || !opened_by_label(m.span.start()) {
            return true;
        }
        let Some(first) = tokens.get(start).filter(|t| t.span.start() < m.span.end()) else {
            return false;
        };
        m.span = Span::new(first.span.start(), m.span.end());
        if let Some(name) = text.get(m.span.range()) {
            m.name = name.to_string();
        }
        // The role words between the label and the name are the title
        // ("MP" of "Labour MP Jane Roe").
        m.title = (start > i + 1)
            .then(|| text.get(tokens[i + 1].span.start()..tokens[start - 1].span.end()))
            .flatten()
            .map(str::to_string);
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_forms_name_their_party() {
        assert_eq!(party_of("Democrats"), Some("Democratic Party"));
        assert_eq!(party_of("Labour"), Some("Labour Party"));
        assert_eq!(party_of("Republican's"), Some("Republican Party"));
        assert_eq!(party_of("Senate"), None);
        assert!(is_role_word("MP") && is_role_word("committee") && is_role_word("Senator"));
    }
}
