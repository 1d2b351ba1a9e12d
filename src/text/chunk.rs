//! Base noun phrases ("chunks"): rules over part-of-speech tags, one
//! left-to-right pass, checked against phrases derived from the treebanks'
//! dependency trees.
//!
//! # What it finds
//!
//! A base noun phrase is a run of determiners (articles, demonstratives,
//! possessive pronouns, predeterminers "all the"), numbers, adjectives
//! (coordinated ones too: "economic and military"), participles between a
//! determiner or adjective and a noun ("the proposed deal"), adverbs before
//! an adjective or number ("a very large", "nearly 5,000"), nouns and proper
//! nouns, ending with its last noun, number or currency sign. Hyphenated
//! compounds join whether the tokenizer kept them whole ("all-girl") or the
//! treebank split them ("all" "-" "girl"). A pronoun ("it", "who", "this"
//! standing alone) is a noun phrase of one token. Amounts are one phrase:
//! "$ 5 billion", "5 %", "nearly 5,000 people".
//!
//! The head is the last noun or proper noun of the phrase; without one, the
//! currency sign ("$" of "$ 5 billion"), else the last number.
//!
//! Possessives: a possessor joins the phrase it owns, and its "'s" stays
//! inside: "the country 's foreign minister" is one phrase, head "minister"
//! (as UD attaches the possessor, `nmod:poss`, to the possessed noun). A
//! possessor with nothing after it ("the book is John 's") is a phrase that
//! ends with its "'s". A caller who wants the possessor alone splits the
//! phrase after the token tagged `POS`.
//!
//! Post-modifiers: when a phrase is followed directly by a preposition of
//! `data/lexicon/np_post_prepositions.txt` ("of", "on", "for", "about") and
//! another base phrase, [`NounPhrase::post`] holds that prepositional
//! phrase, from the preposition to the end of the following base phrase
//! ("of intent" after "a letter"); that base phrase is also returned on its
//! own. Each phrase takes at most the one right after it: in "a letter of
//! intent on tanks", "a letter" takes "of intent" and "intent" takes "on
//! tanks".
//!
//! # Example
//!
//! "The country 's foreign minister signed a letter of intent on $ 5
//! billion of tanks ." gives "The country 's foreign minister" (head
//! "minister"), "a letter" (post "of intent"), "intent" (post "on $ 5
//! billion"), "$ 5 billion" (head "$", post "of tanks") and "tanks".
//!
//! # Phrases derived from the trees
//!
//! [`treebank_noun_phrases`] derives the phrases the chunker is scored
//! against from a CoNLL-U dependency tree (`examples/eval_chunk.rs`,
//! `kgforge eval-layer`). Every token with UPOS NOUN, PROPN, PRON or NUM
//! (or SYM tagged `$`, `#`, `NN`, or "%"; not "–" or "/") whose relation
//! to its head is not one that puts it inside another phrase is a head. Its
//! phrase is the longest contiguous run of tokens around it that hang from
//! it through these relations only:
//!
//! - on either side: `compound`, `flat`, `fixed`, `goeswith`, `nummod`
//!   ("$ 5 billion": "billion" is a `nummod` of "$", "5" a `compound` of
//!   "billion");
//! - on the left only: `det` (and `det:predet`), `amod`, `nmod:poss`,
//!   `nmod:desc` (a title before a name: "President Bush", "Mr. Smith" are
//!   one phrase), `nmod:unmarked` ("July" of "July 13");
//! - under one of those dependents (not on the head itself): `advmod` ("a
//!   very large"), `cc` and `conj` ("economic and military"), `punct` ","
//!   ("economic, social and military");
//! - anywhere: `punct` with tag `HYPH`, and `case` with tag `POS` (the "'s"
//!   of a possessor, which stays inside).
//!
//! A phrase does not start with "'s" or a hyphen (a possessor that is not a
//! base phrase, "the president of France 's visit", leaves "visit" alone).
//! Phrases are kept longest first; a nominal token left outside every
//! phrase (a conjunct inside a modifier, "gas" in "oil and gas prices", is
//! covered) heads a phrase of its own. The post-modifier is derived from an
//! `nmod` dependent of the head whose `case` is the token right after the
//! phrase, a preposition of the same list, and whose own phrase starts right
//! after it.
//!
//! # Known misses
//!
//! Tags cannot tell two phrases that touch apart ("gave the company money"
//! is one phrase), nor a noun coordination inside a compound ("oil and gas
//! prices" gives "oil" and "gas prices"). Post-modifiers are attached by the
//! preposition alone: "on tanks" in "signed a letter on Monday" is taken as
//! a post-modifier of "a letter". Figures: `data/models/README.md`, section
//! "chunk".

use std::sync::OnceLock;

use crate::text::conllu;
use crate::text::pos::{Upos, Xpos, XPOS_TAGS};
use crate::text::wordlist::WordList;

/// A base noun phrase: token indices into the sentence, `end` exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NounPhrase {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The head token (last noun of the phrase, see the module docs).
    pub head: usize,
    /// The prepositional post-modifier right after the phrase ("of intent"
    /// after "a letter"): its first token (the preposition) and one past its
    /// last; `post.0 == end`.
    pub post: Option<(usize, usize)>,
}

impl NounPhrase {
    /// One past the last token of the phrase with its post-modifier.
    #[must_use]
    pub fn extended_end(&self) -> usize {
        self.post.map_or(self.end, |(_, end)| end)
    }
}

/// What a token can be inside a noun phrase, from its tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Det,
    Predet,
    /// `DT`/`WDT`: a determiner, or a pronoun when UPOS says PRON.
    DetOrPronoun,
    Pronoun,
    Number,
    Adjective,
    Noun,
    ProperNoun,
    Possessive,
    Currency,
    Adverb,
    Participle,
    Conjunction,
    Comma,
    Hyphen,
    Other,
}

fn xpos_role(name: &str) -> Role {
    match name {
        "DT" | "WDT" => Role::DetOrPronoun,
        "PDT" => Role::Predet,
        "PRP$" | "WP$" => Role::Det,
        "PRP" | "WP" | "EX" => Role::Pronoun,
        "CD" => Role::Number,
        "JJ" | "JJR" | "JJS" | "AFX" => Role::Adjective,
        "NN" | "NNS" => Role::Noun,
        "NNP" | "NNPS" => Role::ProperNoun,
        "POS" => Role::Possessive,
        "$" | "#" => Role::Currency,
        "RB" | "RBR" | "RBS" => Role::Adverb,
        "VBN" | "VBG" => Role::Participle,
        "CC" => Role::Conjunction,
        "," => Role::Comma,
        "HYPH" => Role::Hyphen,
        _ => Role::Other,
    }
}

/// Role of every XPOS index (the two pseudo-tags past the end are `Other`).
fn role_table() -> &'static [Role; XPOS_TAGS.len() + 2] {
    static TABLE: OnceLock<[Role; XPOS_TAGS.len() + 2]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [Role::Other; XPOS_TAGS.len() + 2];
        for (slot, name) in table.iter_mut().zip(XPOS_TAGS) {
            *slot = xpos_role(name);
        }
        table
    })
}

fn role(table: &[Role; XPOS_TAGS.len() + 2], (xpos, upos): (Xpos, Upos)) -> Role {
    match (table.get(xpos.index()).copied().unwrap_or(Role::Other), upos) {
        (Role::DetOrPronoun, Upos::PRON) => Role::Pronoun,
        (Role::DetOrPronoun, _) => Role::Det,
        (Role::Other, Upos::NOUN) => Role::Noun,
        (Role::Other, Upos::PROPN) => Role::ProperNoun,
        (Role::Other, Upos::NUM) => Role::Number,
        (Role::Other, Upos::ADJ) => Role::Adjective,
        // The two heads disagree ("withdrawal/JJ/NOUN"): the UPOS head is the
        // more accurate, and a noun may end the phrase.
        (Role::Adjective, Upos::NOUN) => Role::Noun,
        (Role::Other, Upos::PRON) => Role::Pronoun,
        (Role::Other, Upos::DET) => Role::Det,
        (r, _) => r,
    }
}

/// A token a phrase may end on.
fn is_nominal(r: Role) -> bool {
    matches!(r, Role::Noun | Role::ProperNoun | Role::Number | Role::Currency)
}

/// Whether a phrase may start on a token of role `cur` followed by `next`.
fn starts(cur: Role, next: Role) -> bool {
    match cur {
        Role::Det | Role::Predet | Role::Number | Role::Adjective | Role::Noun | Role::ProperNoun | Role::Currency => {
            true
        }
        Role::Adverb => matches!(next, Role::Adjective | Role::Number),
        _ => false,
    }
}

/// Whether a token of role `cur`, between `prev` (in the phrase) and
/// `next`, continues the phrase.
fn continues(prev: Role, cur: Role, next: Role) -> bool {
    use Role::*;
    match cur {
        Det => prev == Predet,
        Noun | ProperNoun => true,
        // An adjective after a common noun opens the next phrase ("the treaty
        // next year").
        Adjective => prev != Noun,
        Number => !matches!(prev, Noun | Participle),
        Possessive => is_nominal(prev),
        Currency => matches!(prev, Det | Predet | Adjective | Possessive | ProperNoun),
        Adverb => {
            matches!(prev, Det | Predet | Possessive | Adjective | Conjunction | Comma)
                && matches!(next, Adjective | Number | Participle | Hyphen)
        }
        Participle => {
            matches!(prev, Det | Predet | Possessive | Adjective | Adverb | Hyphen)
                && matches!(next, Noun | ProperNoun | Adjective)
        }
        Conjunction => {
            (matches!(prev, Adjective | Participle) && matches!(next, Adjective | Participle | Adverb))
                || (prev == Number && next == Number)
        }
        Comma => prev == Adjective && next == Adjective,
        Hyphen => {
            matches!(prev, Noun | ProperNoun | Adjective | Number | Det | Adverb | Participle)
                && matches!(next, Noun | ProperNoun | Adjective | Number | Participle)
        }
        Predet | Pronoun | DetOrPronoun | Other => false,
    }
}

/// The base noun phrases of a tagged sentence, in order, not overlapping.
///
/// `tags` holds one (PTB, UPOS) pair per word, as
/// [`PosTagger::tag`](crate::text::pos::PosTagger::tag) gives them (the
/// shorter of the two slices bounds the sentence). One pass, no allocation
/// but the output.
#[must_use]
pub fn noun_phrases(words: &[&str], tags: &[(Xpos, Upos)]) -> Vec<NounPhrase> {
    let n = words.len().min(tags.len());
    let table = role_table();
    let role_at = |i: usize| if i < n { role(table, tags[i]) } else { Role::Other };
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let first = role_at(i);
        if first == Role::Pronoun {
            out.push(NounPhrase { start: i, end: i + 1, head: i, post: None });
            i += 1;
            continue;
        }
        let mut next = role_at(i + 1);
        if !starts(first, next) {
            i += 1;
            continue;
        }
        let start = i;
        let (mut last_nominal, mut last_noun, mut currency) = (None, None, None);
        let mut cur = first;
        let mut j = i;
        loop {
            match cur {
                Role::Noun | Role::ProperNoun => last_noun = Some(j),
                Role::Currency if currency.is_none() => currency = Some(j),
                _ => {}
            }
            if is_nominal(cur) {
                last_nominal = Some(j);
            }
            let prev = cur;
            j += 1;
            cur = next;
            next = role_at(j + 1);
            if j >= n || !continues(prev, cur, next) {
                break;
            }
        }
        let Some(last) = last_nominal else {
            i = j;
            continue;
        };
        let mut end = last + 1;
        if end < j && role_at(end) == Role::Possessive {
            end += 1;
        }
        let head = last_noun.or(currency).unwrap_or(last);
        out.push(NounPhrase { start, end, head, post: None });
        i = end;
    }
    attach_post_modifiers(words, tags, &mut out);
    out
}

/// Prepositions whose phrase modifies the noun phrase before it.
static POST_PREPOSITIONS: WordList = WordList::new(include_str!("../../data/lexicon/np_post_prepositions.txt"));

/// Whether `word` is one of the post-modifier prepositions (any case).
#[must_use]
pub fn is_post_preposition(word: &str) -> bool {
    POST_PREPOSITIONS.words().iter().any(|p| p.eq_ignore_ascii_case(word))
}

fn attach_post_modifiers(words: &[&str], tags: &[(Xpos, Upos)], phrases: &mut [NounPhrase]) {
    for k in 1..phrases.len() {
        let (before, object) = (phrases[k - 1].end, phrases[k]);
        if object.start == before + 1 && tags[before].1 == Upos::ADP && is_post_preposition(words[before]) {
            phrases[k - 1].post = Some((before, object.end));
        }
    }
}

// ---------------------------------------------------------------------------
// Phrases derived from dependency trees

/// Relations that put a nominal token inside another token's phrase (or
/// make it no phrase head at all).
fn is_inner_relation(deprel: &str) -> bool {
    let base = deprel.split(':').next().unwrap_or(deprel);
    matches!(deprel, "nmod:poss" | "nmod:desc" | "nmod:unmarked")
        || matches!(
            base,
            "det"
                | "amod"
                | "nummod"
                | "compound"
                | "flat"
                | "fixed"
                | "goeswith"
                | "case"
                | "mark"
                | "cc"
                | "punct"
                | "aux"
                | "cop"
                | "discourse"
                | "reparandum"
        )
}

/// Whether token `t` joins the phrase of its parent `p` (`p_is_head`: the
/// parent is the phrase's head, not one of its modifiers).
fn joins_parent(tokens: &[conllu::Token], t: usize, p: usize, p_is_head: bool) -> bool {
    let tok = &tokens[t];
    let base = tok.deprel.split(':').next().unwrap_or("");
    let left = t < p;
    match base {
        "compound" | "flat" | "fixed" | "goeswith" | "nummod" => true,
        "det" | "amod" => left,
        "nmod" => left && matches!(tok.deprel.as_str(), "nmod:poss" | "nmod:desc" | "nmod:unmarked"),
        "advmod" | "cc" | "conj" => !p_is_head,
        "punct" => tok.xpos == "HYPH" || (tok.form == "," && !p_is_head),
        "case" => tok.xpos == "POS",
        _ => false,
    }
}

fn parent(tokens: &[conllu::Token], t: usize) -> Option<usize> {
    tokens[t].head.checked_sub(1).filter(|&p| p < tokens.len() && p != t)
}

/// Whether `t` hangs from `head` through phrase-internal relations only.
fn hangs_from(tokens: &[conllu::Token], t: usize, head: usize) -> bool {
    let mut cur = t;
    for _ in 0..tokens.len() {
        let Some(p) = parent(tokens, cur) else { return false };
        if !joins_parent(tokens, cur, p, p == head) {
            return false;
        }
        if p == head {
            return true;
        }
        cur = p;
    }
    false
}

/// The contiguous run around `head` that hangs from it, without a leading
/// "'s" or hyphen.
fn tree_phrase(tokens: &[conllu::Token], head: usize) -> (usize, usize) {
    let mut start = head;
    while start > 0 && hangs_from(tokens, start - 1, head) {
        start -= 1;
    }
    let mut end = head + 1;
    while end < tokens.len() && hangs_from(tokens, end, head) {
        end += 1;
    }
    while start < head && matches!(tokens[start].xpos.as_str(), "POS" | "HYPH") {
        start += 1;
    }
    (start, end)
}

/// A token that may head a phrase: a noun, proper noun, pronoun or number,
/// or a currency or percent sign (not the other symbols: "–", "/").
fn is_nominal_token(token: &conllu::Token) -> bool {
    match token.upos.as_str() {
        "NOUN" | "PROPN" | "PRON" | "NUM" => true,
        "SYM" => matches!(token.xpos.as_str(), "$" | "#" | "NN" | "NNS") || token.form == "%",
        _ => false,
    }
}

/// The base noun phrases of a treebank sentence, derived from its
/// dependency tree by the rules in the module docs, in order, with their
/// post-modifiers.
#[must_use]
pub fn treebank_noun_phrases(tokens: &[conllu::Token]) -> Vec<NounPhrase> {
    let n = tokens.len();
    let mut candidates: Vec<NounPhrase> = (0..n)
        .filter(|&h| is_nominal_token(&tokens[h]) && !is_inner_relation(&tokens[h].deprel))
        .map(|h| {
            let (start, end) = tree_phrase(tokens, h);
            NounPhrase { start, end, head: h, post: None }
        })
        .collect();
    candidates.sort_by(|a, b| (b.end - b.start).cmp(&(a.end - a.start)).then(a.start.cmp(&b.start)));
    let mut covered = vec![false; n];
    let mut kept = Vec::new();
    let mut keep = |phrase: NounPhrase, covered: &mut Vec<bool>| {
        if covered[phrase.start..phrase.end].iter().all(|c| !c) {
            covered[phrase.start..phrase.end].iter_mut().for_each(|c| *c = true);
            kept.push(phrase);
        }
    };
    for phrase in candidates {
        keep(phrase, &mut covered);
    }
    for h in 0..n {
        if !covered[h] && is_nominal_token(&tokens[h]) && tokens[h].xpos != "POS" {
            let (start, end) = tree_phrase(tokens, h);
            keep(NounPhrase { start, end, head: h, post: None }, &mut covered);
        }
    }
    kept.sort();
    for k in 1..kept.len() {
        let (phrase, object) = (kept[k - 1], kept[k]);
        let prep = phrase.end;
        let attached = object.start == prep + 1
            && tokens[prep].deprel == "case"
            && is_post_preposition(&tokens[prep].form)
            && parent(tokens, prep).is_some_and(|d| {
                d >= object.start
                    && d < object.end
                    && parent(tokens, d) == Some(phrase.head)
                    && tokens[d].deprel.split(':').next() == Some("nmod")
                    && tokens[d].deprel != "nmod:poss"
            });
        if attached {
            kept[k - 1].post = Some((prep, object.end));
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tags a sentence written as `word/XPOS/UPOS` tokens.
    fn tagged(text: &str) -> (Vec<&str>, Vec<(Xpos, Upos)>) {
        text.split(' ')
            .map(|t| {
                let mut parts = t.rsplitn(3, '/');
                let upos = Upos::from_name(parts.next().unwrap()).unwrap();
                let xpos = Xpos::from_name(parts.next().unwrap()).unwrap();
                (parts.next().unwrap(), (xpos, upos))
            })
            .unzip()
    }

    /// The phrases as text: `[words]` with `+post` when attached.
    fn chunked(text: &str) -> Vec<String> {
        let (words, tags) = tagged(text);
        noun_phrases(&words, &tags)
            .iter()
            .map(|np| {
                let mut s = format!("[{}]", words[np.start..np.end].join(" "));
                assert!(np.head >= np.start && np.head < np.end);
                if let Some((a, b)) = np.post {
                    assert_eq!(a, np.end);
                    s.push_str(&format!("+{}", words[a..b].join(" ")));
                }
                s
            })
            .collect()
    }

    fn heads(text: &str) -> Vec<String> {
        let (words, tags) = tagged(text);
        noun_phrases(&words, &tags).iter().map(|np| words[np.head].to_string()).collect()
    }

    #[test]
    fn letter_of_intent_on_tanks() {
        let s = "The/DT/DET ministry/NN/NOUN signed/VBD/VERB a/DT/DET letter/NN/NOUN of/IN/ADP intent/NN/NOUN \
                 on/IN/ADP tanks/NNS/NOUN ././PUNCT";
        assert_eq!(chunked(s), ["[The ministry]", "[a letter]+of intent", "[intent]+on tanks", "[tanks]"]);
    }

    #[test]
    fn module_docs_example() {
        let s = "The/DT/DET country/NN/NOUN 's/POS/PART foreign/JJ/ADJ minister/NN/NOUN signed/VBD/VERB a/DT/DET \
                 letter/NN/NOUN of/IN/ADP intent/NN/NOUN on/IN/ADP $/$/SYM 5/CD/NUM billion/CD/NUM of/IN/ADP \
                 tanks/NNS/NOUN ././PUNCT";
        assert_eq!(
            chunked(s),
            [
                "[The country 's foreign minister]",
                "[a letter]+of intent",
                "[intent]+on $ 5 billion",
                "[$ 5 billion]+of tanks",
                "[tanks]"
            ]
        );
        assert_eq!(heads(s), ["minister", "letter", "intent", "$", "tanks"]);
    }

    #[test]
    fn agreement_on_fisheries_data() {
        let s = "Both/DT/DET sides/NNS/NOUN praised/VBD/VERB the/DT/DET agreement/NN/NOUN on/IN/ADP \
                 fisheries/NNS/NOUN data/NNS/NOUN ././PUNCT";
        assert_eq!(chunked(s), ["[Both sides]", "[the agreement]+on fisheries data", "[fisheries data]"]);
        assert_eq!(heads(s), ["sides", "agreement", "data"]);
    }

    #[test]
    fn referendum_on_the_new_constitution() {
        let s = "Voters/NNS/NOUN will/MD/AUX hold/VB/VERB a/DT/DET referendum/NN/NOUN on/IN/ADP the/DT/DET \
                 new/JJ/ADJ constitution/NN/NOUN in/IN/ADP May/NNP/PROPN";
        assert_eq!(
            chunked(s),
            ["[Voters]", "[a referendum]+on the new constitution", "[the new constitution]", "[May]"]
        );
    }

    #[test]
    fn possessor_joins_the_phrase_it_owns() {
        let s = "the/DT/DET country/NN/NOUN 's/POS/PART foreign/JJ/ADJ minister/NN/NOUN arrived/VBD/VERB";
        assert_eq!(chunked(s), ["[the country 's foreign minister]"]);
        assert_eq!(heads(s), ["minister"]);
        let alone = "The/DT/DET car/NN/NOUN is/VBZ/AUX the/DT/DET mayor/NN/NOUN 's/POS/PART ././PUNCT";
        assert_eq!(chunked(alone), ["[The car]", "[the mayor 's]"]);
        assert_eq!(heads(alone), ["car", "mayor"]);
        let pronoun = "her/PRP$/PRON visit/NN/NOUN to/IN/ADP Paris/NNP/PROPN";
        assert_eq!(chunked(pronoun), ["[her visit]", "[Paris]"]);
    }

    #[test]
    fn amounts_are_one_phrase_headed_by_the_currency() {
        let s = "The/DT/DET bank/NN/NOUN lent/VBD/VERB $/$/SYM 5/CD/NUM billion/CD/NUM to/IN/ADP \
                 nearly/RB/ADV 5,000/CD/NUM farmers/NNS/NOUN";
        assert_eq!(chunked(s), ["[The bank]", "[$ 5 billion]", "[nearly 5,000 farmers]"]);
        assert_eq!(heads(s), ["bank", "$", "farmers"]);
    }

    #[test]
    fn coordinated_adjectives_stay_inside() {
        let s = "They/PRP/PRON discussed/VBD/VERB economic/JJ/ADJ and/CC/CCONJ military/JJ/ADJ \
                 cooperation/NN/NOUN and/CC/CCONJ trade/NN/NOUN";
        assert_eq!(chunked(s), ["[They]", "[economic and military cooperation]", "[trade]"]);
        let list = "new/JJ/ADJ ,/,/PUNCT cheaper/JJR/ADJ and/CC/CCONJ safer/JJR/ADJ trains/NNS/NOUN";
        assert_eq!(chunked(list), ["[new , cheaper and safer trains]"]);
    }

    #[test]
    fn a_word_the_upos_head_calls_a_noun_ends_a_phrase() {
        let s = "They/PRP/PRON opposed/VBD/VERB the/DT/DET withdrawal/JJ/NOUN and/CC/CCONJ the/DT/DET plan/NN/NOUN";
        assert_eq!(chunked(s), ["[They]", "[the withdrawal]", "[the plan]"]);
    }

    #[test]
    fn pronouns_are_phrases_of_one_token() {
        let s = "She/PRP/PRON said/VBD/VERB that/IN/SCONJ this/DT/PRON worried/VBD/VERB them/PRP/PRON";
        assert_eq!(chunked(s), ["[She]", "[this]", "[them]"]);
    }

    #[test]
    fn hyphenated_compounds_whole_or_split() {
        let whole = "a/DT/DET well-known/JJ/ADJ cross-border/JJ/ADJ route/NN/NOUN";
        assert_eq!(chunked(whole), ["[a well-known cross-border route]"]);
        let split = "an/DT/DET all/DT/DET -/HYPH/PUNCT girl/NN/NOUN team/NN/NOUN won/VBD/VERB";
        // "an" alone is no phrase: the determiner "all" starts the next one.
        assert_eq!(chunked(split), ["[all - girl team]"]);
        let adverb = "a/DT/DET well/RB/ADV -/HYPH/PUNCT known/VBN/VERB writer/NN/NOUN";
        assert_eq!(chunked(adverb), ["[a well - known writer]"]);
    }

    #[test]
    fn predeterminers_participles_and_names() {
        let s = "All/PDT/DET the/DT/DET proposed/VBN/VERB rules/NNS/NOUN reached/VBD/VERB \
                 Prime/NNP/PROPN Minister/NNP/PROPN Ana/NNP/PROPN Lopes/NNP/PROPN";
        assert_eq!(chunked(s), ["[All the proposed rules]", "[Prime Minister Ana Lopes]"]);
        let verb = "officials/NNS/NOUN have/VBP/AUX signed/VBN/VERB deals/NNS/NOUN";
        assert_eq!(chunked(verb), ["[officials]", "[deals]"]);
    }

    #[test]
    fn adjectives_without_a_noun_make_no_phrase() {
        let s = "The/DT/DET talks/NNS/NOUN were/VBD/AUX very/RB/ADV long/JJ/ADJ ././PUNCT";
        assert_eq!(chunked(s), ["[The talks]"]);
    }

    #[test]
    fn empty_and_mismatched_input() {
        assert!(noun_phrases(&[], &[]).is_empty());
        let (words, tags) = tagged("the/DT/DET talks/NNS/NOUN");
        assert_eq!(noun_phrases(&words, &tags[..1]), []);
    }

    fn tree(rows: &[(&str, &str, &str, usize, &str)]) -> Vec<conllu::Token> {
        rows.iter()
            .map(|&(form, upos, xpos, head, deprel)| conllu::Token {
                form: form.to_string(),
                upos: upos.to_string(),
                xpos: xpos.to_string(),
                head,
                deprel: deprel.to_string(),
                misc: "_".to_string(),
            })
            .collect()
    }

    /// A phrase from (start, end, head, post).
    fn np((start, end, head, post): (usize, usize, usize, Option<(usize, usize)>)) -> NounPhrase {
        NounPhrase { start, end, head, post }
    }

    #[test]
    fn tree_phrases_follow_the_rules() {
        // The country 's foreign minister signed $ 5 billion of economic and military aid .
        let t = tree(&[
            ("The", "DET", "DT", 2, "det"),
            ("country", "NOUN", "NN", 5, "nmod:poss"),
            ("'s", "PART", "POS", 2, "case"),
            ("foreign", "ADJ", "JJ", 5, "amod"),
            ("minister", "NOUN", "NN", 6, "nsubj"),
            ("signed", "VERB", "VBD", 0, "root"),
            ("$", "SYM", "$", 6, "obj"),
            ("5", "NUM", "CD", 9, "compound"),
            ("billion", "NUM", "CD", 7, "nummod"),
            ("of", "ADP", "IN", 15, "case"),
            ("economic", "ADJ", "JJ", 15, "amod"),
            ("and", "CCONJ", "CC", 14, "cc"),
            ("very", "ADV", "RB", 14, "advmod"),
            ("military", "ADJ", "JJ", 11, "conj"),
            ("aid", "NOUN", "NN", 7, "nmod"),
            (".", "PUNCT", ".", 6, "punct"),
        ]);
        let expected = [(0, 5, 4, None), (6, 9, 6, Some((9, 15))), (10, 15, 14, None)].map(np);
        assert_eq!(treebank_noun_phrases(&t), expected);
    }

    #[test]
    fn tree_possessor_that_is_not_base_is_left_out() {
        // the president of France 's visit
        let t = tree(&[
            ("the", "DET", "DT", 2, "det"),
            ("president", "NOUN", "NN", 6, "nmod:poss"),
            ("of", "ADP", "IN", 4, "case"),
            ("France", "PROPN", "NNP", 2, "nmod"),
            ("'s", "PART", "POS", 2, "case"),
            ("visit", "NOUN", "NN", 0, "root"),
        ]);
        let expected = [(0, 2, 1, Some((2, 4))), (3, 4, 3, None), (5, 6, 5, None)].map(np);
        assert_eq!(treebank_noun_phrases(&t), expected);
    }
}
