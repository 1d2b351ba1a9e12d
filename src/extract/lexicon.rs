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

/// Modifiers that keep a director, manager or head the body's head
/// ("managing director").
static HEAD_MODIFIERS: WordList = WordList::new(include_str!("../../data/lexicon/head_modifiers.txt"));

/// Words after "chief" that make the post a head ("chief executive").
static CHIEF_HEADS: WordList = WordList::new(include_str!("../../data/lexicon/chief_heads.txt"));

/// Head nouns of a body only before its "of" complement ("House of
/// Commons"; not "White House").
pub static ORG_HEADS_BEFORE_OF: WordList = WordList::new(include_str!("../../data/lexicon/org_heads_before_of.txt"));

/// Institutions news names by one word: "Congress voted", "the Kremlin said".
pub static INSTITUTIONS: WordList = WordList::new(include_str!("../../data/lexicon/institutions.txt"));

/// Legal forms that end a company's name: the English ones ("Inc", "Plc",
/// "AG") and the world's registers' (`legal_forms.txt`, generated from
/// cleanco: "AB", "N.V.", "KGaA", "Pty").
pub static COMPANY_SUFFIXES: WordList = WordList::new(concat!(
    include_str!("../../data/lexicon/company_suffixes.txt"),
    include_str!("../../data/lexicon/legal_forms.txt")
));

/// Words that open a company's name and name nothing alone ("Deutsche
/// Telekom", "Banco Santander").
pub static COMPANY_OPENERS: WordList = WordList::new(include_str!("../../data/lexicon/company_openers.txt"));

/// Head nouns that make a capitalised phrase an organisation.
pub static ORG_HEADS: WordList = WordList::new(include_str!("../../data/lexicon/org_heads.txt"));

/// Lower-case head nouns of events named by a description ("the El Paso
/// shooting", "the 2006 coup").
pub static EVENT_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/event_nouns.txt"));
/// Participles that stop an event from taking place ("postponed").
pub static HALT_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/halt_verbs.txt"));

/// Heads of a phrase that names a country's state as an actor ("the
/// Chilean government").
pub static STATE_HEADS: WordList = WordList::new(include_str!("../../data/lexicon/state_heads.txt"));

/// Nouns that, right after an organisation's name, name that body acting
/// as one ("the YPG militia", "NATO officials").
pub static BODY_VOICE_HEADS: WordList = WordList::new(include_str!("../../data/lexicon/body_voice_heads.txt"));

/// Nouns for one who sits for or belongs to a party ("a legislator of
/// the Y Party").
pub static PARTY_MEMBER_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/party_member_nouns.txt"));

/// Common nouns for a kind of organisation that, right before a name, say
/// the name is that organisation's ("oil company Pertamina").
pub static ORG_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/org_nouns.txt"));

/// Head nouns of political parties' names ("Party").
pub static PARTY_HEADS: WordList = WordList::new(include_str!("../../data/lexicon/party_heads.txt"));

/// Endings of adjectives and nouns of peoples, languages and doctrines.
static ADJECTIVE_ENDINGS: WordList = WordList::new(include_str!("../../data/lexicon/adjective_endings.txt"));

/// Whether a word ends like an adjective or noun of a people, language or
/// doctrine ("Ecuadoran", "Marxist", "Western"), with a stem of three
/// letters or more.
#[must_use]
pub fn has_adjective_ending(word: &str) -> bool {
    ADJECTIVE_ENDINGS.words().iter().any(|end| word.ends_with(end) && word.len() > end.len() + 2)
}

/// Whether a body's name is a political party's: its head is a party head,
/// last ("the Civic Party") or before "for" or "of" ("the Movement for
/// Democratic Change"), or the plural its members go by ("the Social
/// Democrats").
#[must_use]
pub fn is_party_name(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    let head = match words.iter().position(|w| matches!(*w, "for" | "of")) {
        Some(at) if at > 0 => words[at - 1],
        _ => words[words.len() - 1],
    };
    PARTY_HEADS.contains(&head) || crate::extract::parties::is_members_plural(head)
}

/// The plural of a regular English noun ("company" → "companies", "firm" →
/// "firms"); nouns ending in a plural already ("companies") are kept.
#[must_use]
pub fn plural(noun: &str) -> String {
    if noun.ends_with('s') {
        return noun.to_string();
    }
    match noun.strip_suffix('y') {
        Some(stem) if !stem.ends_with(['a', 'e', 'o', 'u']) => format!("{stem}ies"),
        _ => format!("{noun}s"),
    }
}

/// Whether the words after a body's name make the name a portfolio, not
/// the body a post serves or a seat belongs to: "the EC affairs minister".
#[must_use]
pub fn portfolio_follows(after: &str) -> bool {
    after.trim_start().split(' ').next().is_some_and(|w| w.eq_ignore_ascii_case("affairs"))
}

/// Head nouns that make a capitalised phrase an agreement, besides the
/// generated [`AGREEMENT_NOUNS`] ("Convention", "Charter"); see
/// [`is_agreement_head`].
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

/// Head nouns of bodies made of members ("Commission", "Party"), not of staff.
pub static MEMBER_BODIES: WordList = WordList::new(include_str!("../../data/lexicon/member_bodies.txt"));

/// Function words: never part of a name, wherever they stand.
pub static FUNCTION_WORDS: WordList = WordList::new(include_str!("../../data/lexicon/function_words.txt"));

/// A noun of a body, in any case: one made of members ("committee",
/// "party") or one with staff (`org_nouns.txt`: "company", "agency").
pub fn is_body_noun(word: &str) -> bool {
    let lower = word.to_lowercase();
    MEMBER_BODIES.contains(&lower.as_str()) || ORG_NOUNS.contains(&lower.as_str())
}

/// Two or more letters and none in lower case ("NATO", "U.S.", "G-7").
pub fn is_acronym(name: &str) -> bool {
    name.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !name.chars().any(char::is_lowercase)
}

/// A body's acronym written as one word of capitals ("OECF", "AT&T"): as
/// distinctive as a name of two words, where "U.S." and "G-7" are not.
pub fn is_plain_acronym(name: &str) -> bool {
    (2..=8).contains(&name.len()) && name.chars().all(|c| c.is_ascii_uppercase() || c == '&') && is_acronym(name)
}

/// A function word, in any case ("The", "of").
pub fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.contains(&word) || FUNCTION_WORDS.contains(&word.to_lowercase().as_str())
}

/// Further words capitalised at the start of a sentence or in headlines
/// that are not names there (a name may still contain some: "Security").
pub static NOT_NAMES: WordList = WordList::new(include_str!("../../data/lexicon/not_names.txt"));

/// Words that join capitalised words inside one name ("Ministry of Foreign
/// Affairs", "Bank for International Settlements", "Abu Bakr al-Baghdadi").
pub static NAME_CONNECTORS: WordList = WordList::new(include_str!("../../data/lexicon/name_connectors.txt"));

/// Verbs that introduce reported speech.
pub static SPEECH_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/speech_verbs.txt"));

// Trigger lists generated from the PETRARCH2 CAMEO dictionaries by
// `scripts/lexicon/triggers.py` (`data/lexicon/triggers/`): every form of
// the verbs, their nouns, and the nouns for the one who does it.

/// Verbs of signing a formal agreement ("signed", "inked").
pub static SIGN_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/sign_verbs.txt"));

/// Verbs of becoming a party to an agreement without signing it
/// ("concluded", "reached", "joined", "entered into").
pub static PARTY_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/party_verbs.txt"));

/// Nouns of signing ("signing", "signature").
pub static SIGN_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/sign_nouns.txt"));

/// Verbs and verb phrases of support; the object is what is supported.
pub static SUPPORT_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/support_verbs.txt"));

/// Nouns of support ("backing", "endorsement").
pub static SUPPORT_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/support_nouns.txt"));

/// Verbs of attack that oppose only an event, an agreement or a policy
/// ("attacked the impeachment inquiry"; `oppose_act_verbs.txt`).
pub static OPPOSE_ACT_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/oppose_act_verbs.txt"));

/// Verbs and verb phrases of opposition; the object is what is opposed.
pub static OPPOSE_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/oppose_verbs.txt"));
/// Verbs of meeting, visiting and hosting talks (CAMEO 042-044).
pub static MEET_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/meet_verbs.txt"));
/// Nouns of meetings, summits, talks and visits.
pub static MEET_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/meet_nouns.txt"));
/// Verbs whose object takes offence at the subject ("X outraged Y": Y opposes X; CAMEO OFFEND and ANGER blocks).
pub static OFFEND_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/offend_verbs.txt"));

/// Nouns of opposition ("criticism", "condemnation").
pub static OPPOSE_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/oppose_nouns.txt"));

/// Verbs of joining a body ("joined", "acceded to").
pub static MEMBERSHIP_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/membership_verbs.txt"));

/// Nouns of joining a body ("membership", "accession").
pub static MEMBERSHIP_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/membership_nouns.txt"));

/// Nouns for one who belongs to a body ("member").
pub static MEMBER_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/membership_agents.txt"));

/// Verbs of appointing or electing someone to a post (no extractor reads
/// them yet).
pub static APPOINT_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/appoint_verbs.txt"));

/// Nouns of appointment ("appointment", "election").
pub static APPOINT_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/appoint_nouns.txt"));
/// Nouns of taking or holding a post the dictionaries lack ("swearing-in",
/// "candidacy", "presidency").
pub static OFFICE_TAKING_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/office_taking_nouns.txt"));

/// Verbs of killing, active voice.
pub static KILL_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/kill_verbs.txt"));

/// Nouns of killing ("killing", "assassination", "murder").
pub static KILL_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/kill_nouns.txt"));

/// Verbs of a charge or sentence: their object (or passive subject) is the
/// one accused ("X was sentenced for the murder of Y").
pub static ACCUSATION_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/accusation_verbs.txt"));

/// Verbs by which the subject owns to a crime ("X pleaded guilty to the
/// murder of Y").
pub static ADMISSION_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/admission_verbs.txt"));

/// Verbs that say a killing after them did not happen ("survived being
/// shot", "tried to kill").
pub static UNFULFILLED_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/unfulfilled_verbs.txt"));

/// Verbs whose subject, a place or a state, is where the event of their
/// object happens ("Chad held elections", "Kenya will host the talks").
pub static HOST_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/host_verbs.txt"));

/// Verbs of living, birth and upbringing in a place ("was born in",
/// "grew up in").
pub static RESIDENCE_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/residence_verbs.txt"));

/// Nouns for a killer ("assassin", "killer").
pub static KILL_AGENTS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/kill_agents.txt"));
/// Verbs of leaving an agreement, with their preposition ("withdrew from",
/// "pulled out of").
pub static WITHDRAW_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/withdraw_verbs.txt"));
/// The nouns for a party to an agreement ("signatory", "signatories").
pub static SIGN_AGENTS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/sign_agents.txt"));

/// Nouns of a measure taken against someone ("filed a case against X").
pub static AGAINST_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/against_nouns.txt"));

/// Nouns of what someone decides or does: opposing "X's decision" opposes X.
pub static STANCE_ACT_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/stance_act_nouns.txt"));

/// Nouns of what someone says or asks: opposing "X's charges" opposes X.
pub static CLAIM_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/claim_nouns.txt"));

/// Verbs whose subject holds the stance their object names ("expressed
/// support for X").
pub static STANCE_LIGHT_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/stance_light_verbs.txt"));

/// Nouns that name an agreement only where the sentence signs it ("signed
/// a contract"; generated: the SIGN block's other objects).
pub static SIGNED_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/signed_nouns.txt"));

/// Nouns of a signed agreement, lower case ("treaty", "accords").
pub static AGREEMENT_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/triggers/agreement_nouns.txt"));

/// True for an "-ing" form of a verb list ("killing", "gunning down"): a
/// participle or a gerund, whose subject is not the name just before it
/// ("the blast hit X, killing Y").
#[must_use]
pub fn is_ing_form(entry: &str) -> bool {
    entry.split(' ').any(|w| w.len() > 4 && w.ends_with("ing"))
}

/// The finite forms and participles of verb lists, without "-ing" forms.
#[must_use]
pub fn finite(lists: &[&WordList]) -> Vec<&'static str> {
    lists.iter().flat_map(|l| l.words().iter().copied()).filter(|w| !is_ing_form(w)).collect()
}

/// The "-ing" forms of verb lists ("killing", "assassinating").
#[must_use]
pub fn ing_forms(lists: &[&WordList]) -> Vec<&'static str> {
    lists.iter().flat_map(|l| l.words().iter().copied()).filter(|w| is_ing_form(w)).collect()
}

/// A regex alternation of entries, longest first so that a phrase wins over
/// its first word ("shot dead" before "shot"), each escaped.
#[must_use]
pub fn alternation<'a>(entries: impl IntoIterator<Item = &'a str>) -> String {
    let mut sorted: Vec<&str> = entries.into_iter().collect();
    sorted.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    sorted.dedup();
    sorted.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|")
}

/// All the entries of the lists.
#[must_use]
pub fn all(lists: &[&WordList]) -> Vec<&'static str> {
    lists.iter().flat_map(|l| l.words().iter().copied()).collect()
}

/// True when `text` holds any entry of the lists (as a substring: a cheap
/// test before running patterns).
#[must_use]
pub fn mentions_any(text: &str, lists: &[&WordList]) -> bool {
    lists.iter().any(|l| l.words().iter().any(|w| text.contains(w)))
}

/// True when `text` says something was signed ("signed", "inked", "the
/// signing").
#[must_use]
pub fn mentions_signing(text: &str) -> bool {
    mentions_any(text, &[&SIGN_VERBS, &SIGN_NOUNS])
}

/// True when `word`, a token, is a verb of killing and not also one of its
/// nouns ("shot", "kills"; not "murder", "killing", "massacre").
#[must_use]
pub fn is_kill_verb(word: &str) -> bool {
    KILL_VERBS.contains(&word) && !KILL_NOUNS.contains(&word)
}

/// True when `word`, capitalised in a name ("Agreement", "Accords",
/// "Charter"), makes the name an agreement's.
#[must_use]
pub fn is_agreement_head(word: &str) -> bool {
    if AGREEMENT_HEADS.contains(&word) {
        return true;
    }
    let mut chars = word.chars();
    let Some(first) = chars.next().filter(char::is_ascii_uppercase) else { return false };
    let lower = format!("{}{}", first.to_ascii_lowercase(), chars.as_str());
    AGREEMENT_NOUNS.contains(&lower.as_str())
}

/// True when `word` (any case) heads an agreement's description ("the
/// pact", "a joint declaration").
#[must_use]
pub fn is_agreement_noun(word: &str) -> bool {
    AGREEMENT_NOUNS.words().iter().chain(AGREEMENT_HEADS.words()).any(|head| head.eq_ignore_ascii_case(word))
}

/// Words that make a title a post below the top ("deputy", "vice").
pub static SUBORDINATE_TITLES: WordList = WordList::new(include_str!("../../data/lexicon/subordinate_titles.txt"));

/// Title words of one who leads ("president", "mayor", "chairman").
pub static HEAD_TITLES: WordList = WordList::new(include_str!("../../data/lexicon/head_titles.txt"));

/// Deputies who sit in the cabinet ("deputy prime minister").
pub static CABINET_DEPUTY_TITLES: WordList =
    WordList::new(include_str!("../../data/lexicon/cabinet_deputy_titles.txt"));

/// Words that make a "Secretary" a minister ("Defense Secretary").
pub static CABINET_SECRETARIES: WordList = WordList::new(include_str!("../../data/lexicon/cabinet_secretaries.txt"));

/// The relation a title phrase implies, from its words.
///
/// "Prime Minister" leads a government; "Minister of Defense" holds a
/// ministry; "Deputy Secretary General" or "head of research" is a post
/// below the top. Of two posts joined by "and" the higher counts: a
/// "Vice-President and Interior Minister" is a minister.
#[must_use]
pub fn title_relation(title: &str) -> Relation {
    if let Some((first, second)) = title.split_once(" and ") {
        let rank = |r: Relation| match r {
            Relation::HeadOf => 2,
            Relation::MinisterOf => 1,
            _ => 0,
        };
        let (a, b) = (title_relation(first), title_relation(second));
        return if rank(b) > rank(a) { b } else { a };
    }
    // "Prime\nMinister": a title the text wraps over lines.
    let lower = title.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).collect();
    // "Deputy Prime Minister X" sits in the cabinet.
    let spaced = words.join(" ");
    if CABINET_DEPUTY_TITLES.words().iter().any(|t| spaced.contains(t)) {
        return Relation::MinisterOf;
    }
    let subordinate = words.iter().any(|w| SUBORDINATE_TITLES.contains(w));
    if subordinate {
        return Relation::WorksFor;
    }
    // "head of research", "chief of staff": leads a unit, works for the body.
    if let Some(pos) = words.iter().position(|w| matches!(*w, "head" | "chief" | "director")) {
        if words.get(pos + 1) == Some(&"of") && words.len() > pos + 2 {
            return Relation::WorksFor;
        }
    }
    if lower.contains("prime minister") || lower.contains("first minister") || lower.contains("chief minister") {
        return Relation::HeadOf;
    }
    if words.iter().any(|w| matches!(*w, "minister" | "ministers")) {
        return Relation::MinisterOf;
    }
    // "chief economist", "chief prosecutor": the chief of a trade, not of
    // the body; "chief financial officer": an officer. "Chief executive"
    // leads.
    let chief_at = words.iter().position(|w| *w == "chief");
    let chief_leads = chief_at.and_then(|p| words.get(p + 1)).is_some_and(|next| CHIEF_HEADS.contains(next));
    if !chief_leads {
        let chief_of_trade =
            chief_at.and_then(|p| words.get(p + 1)).is_some_and(|next| !HEAD_TITLES.contains(next) && *next != "of");
        if chief_of_trade || words.last() == Some(&"officer") {
            return Relation::WorksFor;
        }
    }
    if chief_leads {
        return Relation::HeadOf;
    }
    // "regional director", "communications director": a unit's head.
    if let Some(p) = words.iter().position(|w| matches!(*w, "director" | "manager" | "head")) {
        if p > 0 && !HEAD_MODIFIERS.contains(&words[p - 1]) && !HEAD_TITLES.contains(&words[p - 1]) {
            return Relation::WorksFor;
        }
    }
    if words.iter().any(|w| HEAD_TITLES.contains(w)) {
        return Relation::HeadOf;
    }
    if lower.contains("secretary general") || lower.contains("secretary-general") {
        return Relation::HeadOf;
    }
    // A US-style "Defense Secretary" or "Secretary of State" is a minister.
    if words.contains(&"secretary") && words.iter().any(|w| CABINET_SECRETARIES.contains(w)) {
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
    // "House of Representatives": a body; "White House": a building.
    if before_of < words.len() && before_of > 0 && ORG_HEADS_BEFORE_OF.contains(&words[before_of - 1]) {
        return Some(EntityType::Organization);
    }
    // "District of Columbia Council", "Isle of Wight Council": a body's head
    // after the "of" phrase heads the whole name, the place is its modifier.
    if before_of + 1 < words.len() && words.last().is_some_and(|w| ORG_HEADS.contains(w)) {
        return Some(EntityType::Organization);
    }
    let candidates = words[..before_of].iter().rev().chain(words[before_of..].iter().rev());
    for word in candidates {
        if is_agreement_head(word) {
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

/// True when `word` (any case) is the head of a title ("Minister",
/// "chairman", "Attorney-General"), not a word that only qualifies one
/// ("Federal", "Deputy").
#[must_use]
pub fn is_title_head(word: &str) -> bool {
    let one = |word: &str| TITLE_HEADS.contains(&word.to_lowercase().as_str());
    one(word) || word.contains('-') && word.split('-').any(one) && word.split('-').all(is_title_word)
}

/// True when `word` (any case) may be part of a title phrase.
#[must_use]
pub fn is_title_word(word: &str) -> bool {
    let one = |word: &str| {
        if word.bytes().all(|b| !b.is_ascii_uppercase()) {
            return TITLE_HEADS.contains(&word) || TITLE_MODIFIERS.contains(&word);
        }
        let lower = word.to_lowercase();
        TITLE_HEADS.contains(&lower.as_str()) || TITLE_MODIFIERS.contains(&lower.as_str())
    };
    // "Consul-General", "Attorney-General": a title's words joined by a hyphen.
    one(word) || word.contains('-') && word.split('-').all(|part| !part.is_empty() && one(part))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_of_regular_nouns() {
        assert_eq!(plural("company"), "companies");
        assert_eq!(plural("firm"), "firms");
        assert_eq!(plural("daily"), "dailies");
        assert_eq!(plural("survey"), "surveys");
        assert_eq!(plural("companies"), "companies");
    }

    #[test]
    fn titles_map_to_relations() {
        assert_eq!(title_relation("Defense Minister"), Relation::MinisterOf);
        assert_eq!(title_relation("Minister of Foreign Affairs"), Relation::MinisterOf);
        assert_eq!(title_relation("Prime Minister"), Relation::HeadOf);
        assert_eq!(title_relation("Prime\nMinister"), Relation::HeadOf);
        assert_eq!(title_relation("majority leader"), Relation::WorksFor);
        assert_eq!(title_relation("President"), Relation::HeadOf);
        assert_eq!(title_relation("Deputy Secretary General"), Relation::WorksFor);
        assert_eq!(title_relation("Secretary General"), Relation::HeadOf);
        assert_eq!(title_relation("head of research"), Relation::WorksFor);
        assert_eq!(title_relation("head"), Relation::HeadOf);
        assert_eq!(title_relation("security expert"), Relation::WorksFor);
        assert_eq!(title_relation("Secretary of State"), Relation::MinisterOf);
        assert_eq!(title_relation("spokesman"), Relation::WorksFor);
        assert_eq!(title_relation("chief economist"), Relation::WorksFor);
        assert_eq!(title_relation("chief financial officer"), Relation::WorksFor);
        assert_eq!(title_relation("chief executive officer"), Relation::HeadOf);
        assert_eq!(title_relation("regional director"), Relation::WorksFor);
        assert_eq!(title_relation("managing director"), Relation::HeadOf);
        assert_eq!(title_relation("director"), Relation::HeadOf);
        assert_eq!(title_relation("police chief"), Relation::HeadOf);
        assert_eq!(title_relation("Chief Justice"), Relation::HeadOf);
    }

    #[test]
    fn trigger_lists_keep_stance_apart_and_forms_apart() {
        for word in SUPPORT_VERBS.words() {
            assert!(!OPPOSE_VERBS.contains(word), "{word} both supports and opposes");
        }
        for word in SUPPORT_NOUNS.words() {
            assert!(!OPPOSE_NOUNS.contains(word), "{word} both supports and opposes");
        }
        assert!(is_kill_verb("shot") && is_kill_verb("assassinated"));
        assert!(!is_kill_verb("killing") && !is_kill_verb("murder") && !is_kill_verb("massacre"));
        assert!(finite(&[&KILL_VERBS]).contains(&"gunned down"));
        assert!(!finite(&[&KILL_VERBS]).contains(&"gunning down"));
        assert!(ing_forms(&[&KILL_VERBS]).contains(&"gunning down"));
        assert!(OPPOSE_VERBS.contains(&"criticised") && OPPOSE_VERBS.contains(&"criticized"));
        assert!(OPPOSE_VERBS.contains(&"objected to") && !OPPOSE_VERBS.contains(&"objected"));
        assert!(SUPPORT_VERBS.contains(&"backed") && !SUPPORT_VERBS.contains(&"back"));
        assert!(KILL_VERBS.contains(&"slew") && KILL_VERBS.contains(&"slain"));
        assert_eq!(alternation(["shot", "shot dead", "re-elect"]), r"shot dead|re\-elect|shot");
    }

    #[test]
    fn generated_lists_carry_their_source_and_licence() {
        for data in [
            include_str!("../../data/lexicon/triggers/kill_verbs.txt"),
            include_str!("../../data/lexicon/triggers/agreement_nouns.txt"),
        ] {
            assert!(data.contains("676801cd9cb2924bbbad09f86d15c9323e7097bf"));
            assert!(data.contains("# The MIT License (MIT)"));
            assert!(data.contains("generated by scripts/lexicon/triggers.py; do not edit by hand"));
        }
    }

    #[test]
    fn agreement_heads_come_from_both_lists() {
        assert!(is_agreement_head("Agreement") && is_agreement_head("Accords") && is_agreement_head("Charter"));
        assert!(!is_agreement_head("accord") && !is_agreement_head("Summit"));
        assert!(is_agreement_noun("treaty") && is_agreement_noun("convention") && !is_agreement_noun("summit"));
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
