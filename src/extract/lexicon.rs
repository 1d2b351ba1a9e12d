//! Closed-class words of English news writing that the extractors key on:
//! titles, head nouns of organisation, place, agreement and event names, and
//! words that open sentences without being names.
//!
//! These are properties of the language, not of any corpus: no entity names.
//! The lists themselves are data files in `data/lexicon/`, each with its
//! source and licence in its header.

use crate::extract::model::{EntityType, Relation};
pub use crate::text::wordlist::WordList;

/// Words that name a post; the last word of a title phrase ("Defense Minister").
pub static TITLE_HEADS: WordList = WordList::new(include_str!("../../data/lexicon/title_heads.txt"));

/// Words that may stand before a title head inside a title phrase.
pub static TITLE_MODIFIERS: WordList = WordList::new(include_str!("../../data/lexicon/title_modifiers.txt"));

/// Honorifics and titles written before a person's name, capitalised.
pub static NAME_TITLES: WordList = WordList::new(include_str!("../../data/lexicon/name_titles.txt"));

/// Institutions news names by one word: "Congress voted", "the Kremlin said".
pub static INSTITUTIONS: WordList = WordList::new(include_str!("../../data/lexicon/institutions.txt"));

/// Head nouns that make a capitalised phrase an organisation.
pub static ORG_HEADS: WordList = WordList::new(include_str!("../../data/lexicon/org_heads.txt"));

/// Verbs of joining a body ("joined", "acceded to"), generated from the
/// PETRARCH2 CAMEO dictionaries by `scripts/lexicon/triggers.py`.
pub static MEMBERSHIP_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/membership_verbs.txt"));

/// Nouns for one who belongs to a body ("member"), generated as above.
pub static MEMBER_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/membership_agents.txt"));

/// Head nouns of political parties' names ("Party").
pub static PARTY_HEADS: WordList = WordList::new(include_str!("../../data/lexicon/party_heads.txt"));

/// Head nouns that make a capitalised phrase an agreement.
pub static AGREEMENT_HEADS: WordList = WordList::new(include_str!("../../data/lexicon/agreement_heads.txt"));

/// Prepositions that put a single unknown name in place ("in Lowman").
pub static PLACE_PREPOSITIONS: WordList = WordList::new(include_str!("../../data/lexicon/place_prepositions.txt"));

/// Adjectives that put the name after them in place ("suburban Larchmont").
pub static PLACE_ADJECTIVES: WordList = WordList::new(include_str!("../../data/lexicon/place_adjectives.txt"));

/// Nouns that put a name after them in place ("the town of Lowman").
pub static PLACE_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/place_nouns.txt"));

/// Posts whose "of/at/for the" phrase names a body ("head of the X Institute").
pub static ROLE_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/role_nouns.txt"));

/// Capitalised directions that open a region's name ("Southern California").
pub static DIRECTIONS: WordList = WordList::new(include_str!("../../data/lexicon/directions.txt"));

/// Endings of common nouns and adjectives that names rarely have.
pub static COMMON_NOUN_ENDINGS: WordList = WordList::new(include_str!("../../data/lexicon/common_noun_endings.txt"));

/// Calendar words: a noun phrase holding one is a time ("on Monday").
pub static TIME_WORDS: WordList = WordList::new(include_str!("../../data/lexicon/time_words.txt"));

/// Head nouns that make a capitalised phrase an event.
pub static EVENT_HEADS: WordList = WordList::new(include_str!("../../data/lexicon/event_heads.txt"));

/// Head nouns that make a capitalised phrase a place.
pub static PLACE_HEADS: WordList = WordList::new(include_str!("../../data/lexicon/place_heads.txt"));

/// Function words: never part of a name, wherever they stand.
pub static FUNCTION_WORDS: WordList = WordList::new(include_str!("../../data/lexicon/function_words.txt"));

/// Further words capitalised at the start of a sentence or in headlines
/// that are not names there (a name may still contain some: "Security").
pub static NOT_NAMES: WordList = WordList::new(include_str!("../../data/lexicon/not_names.txt"));

/// Words that join capitalised words inside one name ("Ministry of Foreign
/// Affairs", "Bank for International Settlements", "Abu Bakr al-Baghdadi").
pub static NAME_CONNECTORS: WordList = WordList::new(include_str!("../../data/lexicon/name_connectors.txt"));

/// Verbs that introduce reported speech.
pub static SPEECH_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/speech_verbs.txt"));

/// Verbs and verb phrases of opposition; the object is what is opposed.
pub static OPPOSE_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/oppose_verbs.txt"));

/// Verbs and verb phrases of support; the object is what is supported.
pub static SUPPORT_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/support_verbs.txt"));

/// Verbs of killing, active voice.
pub static KILL_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/kill_verbs.txt"));

/// The relation a title phrase implies, from its words.
///
/// "Prime Minister" leads a government; "Minister of Defense" holds a
/// ministry; "Deputy Secretary General" or "head of research" is a post
/// below the top.
#[must_use]
pub fn title_relation(title: &str) -> Relation {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).collect();
    let subordinate = words.iter().any(|w| matches!(*w, "deputy" | "vice" | "assistant" | "associate" | "under"));
    if subordinate {
        return Relation::WorksFor;
    }
    // "head of research", "chief of staff": leads a unit, works for the body.
    if let Some(pos) = words.iter().position(|w| matches!(*w, "head" | "chief" | "director")) {
        if words.get(pos + 1) == Some(&"of") && words.len() > pos + 2 {
            return Relation::WorksFor;
        }
    }
    if lower.contains("prime minister") || lower.contains("first minister") {
        return Relation::HeadOf;
    }
    if words.iter().any(|w| matches!(*w, "minister" | "ministers")) {
        return Relation::MinisterOf;
    }
    if words.iter().any(|w| {
        matches!(
            *w,
            "president"
                | "premier"
                | "chancellor"
                | "king"
                | "queen"
                | "emir"
                | "sultan"
                | "mayor"
                | "governor"
                | "gov."
                | "chairman"
                | "chairwoman"
                | "chair"
                | "chairperson"
                | "director"
                | "director-general"
                | "head"
                | "leader"
                | "chief"
                | "ceo"
                | "commander"
                | "founder"
                | "boss"
                | "owner"
        )
    }) {
        return Relation::HeadOf;
    }
    if lower.contains("secretary general") || lower.contains("secretary-general") {
        return Relation::HeadOf;
    }
    // A US-style "Defense Secretary" or "Secretary of State" is a minister.
    if words.contains(&"secretary")
        && words
            .iter()
            .any(|w| matches!(*w, "state" | "defense" | "defence" | "foreign" | "home" | "interior" | "treasury"))
    {
        return Relation::MinisterOf;
    }
    Relation::WorksFor
}

/// The entity type a capitalised phrase's head noun implies, if any.
#[must_use]
pub fn head_type(words: &[&str]) -> Option<EntityType> {
    // The head of an English noun phrase is its last word, but "Bank of
    // England" and "Ministry of Defense" put it before "of": look at both.
    let before_of = words.iter().position(|w| *w == "of" || *w == "for" || *w == "on").map_or(words.len(), |p| p);
    let candidates = words[..before_of].iter().rev().chain(words[before_of..].iter().rev());
    for word in candidates {
        if AGREEMENT_HEADS.contains(word) {
            return Some(EntityType::Agreement);
        }
        if EVENT_HEADS.contains(word) && !ORG_HEADS.contains(word) {
            return Some(EntityType::Event);
        }
        if ORG_HEADS.contains(word) {
            return Some(EntityType::Organization);
        }
        if PLACE_HEADS.contains(word) {
            return Some(EntityType::Place);
        }
    }
    None
}

/// True when `word` (any case) may be part of a title phrase.
#[must_use]
pub fn is_title_word(word: &str) -> bool {
    if word.bytes().all(|b| !b.is_ascii_uppercase()) {
        return TITLE_HEADS.contains(&word) || TITLE_MODIFIERS.contains(&word);
    }
    let lower = word.to_lowercase();
    TITLE_HEADS.contains(&lower.as_str()) || TITLE_MODIFIERS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_map_to_relations() {
        assert_eq!(title_relation("Defense Minister"), Relation::MinisterOf);
        assert_eq!(title_relation("Minister of Foreign Affairs"), Relation::MinisterOf);
        assert_eq!(title_relation("Prime Minister"), Relation::HeadOf);
        assert_eq!(title_relation("President"), Relation::HeadOf);
        assert_eq!(title_relation("Deputy Secretary General"), Relation::WorksFor);
        assert_eq!(title_relation("Secretary General"), Relation::HeadOf);
        assert_eq!(title_relation("head of research"), Relation::WorksFor);
        assert_eq!(title_relation("head"), Relation::HeadOf);
        assert_eq!(title_relation("security expert"), Relation::WorksFor);
        assert_eq!(title_relation("Secretary of State"), Relation::MinisterOf);
        assert_eq!(title_relation("spokesman"), Relation::WorksFor);
    }

    #[test]
    fn head_nouns_type_phrases() {
        assert_eq!(head_type(&["Ministry", "of", "Health"]), Some(EntityType::Organization));
        assert_eq!(head_type(&["Paris", "Agreement"]), Some(EntityType::Agreement));
        assert_eq!(head_type(&["Davos", "Summit"]), Some(EntityType::Event));
        assert_eq!(head_type(&["Gulf", "of", "Mexico"]), Some(EntityType::Place));
        assert_eq!(head_type(&["Jane", "Doe"]), None);
    }
}
