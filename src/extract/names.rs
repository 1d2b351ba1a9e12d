//! # Names: capitalised phrases typed by head noun, title and context
//!
//! ## What it extracts
//! Person, organisation, place, agreement and event mentions that no
//! gazetteer holds: runs of capitalised words (joined by "of", "for",
//! "and"... inside organisation names), typed by their head noun
//! ("Institute", "Ministry", "Summit", "Treaty", "River"), by a title
//! before them ("Defense Minister", "leader", "Dr."), by an apposition after
//! them (", a researcher at"), by a speech verb, or by their shape (two to
//! four name-like words). Acronyms in parentheses after a name become its
//! aliases (resolved in `coref`). Names joined by an ampersand are one firm
//! ("Coopers & Lybrand", "Winthrop, Stimson, Putnam & Roberts":
//! [`find_ampersand_firms`]). A name after a kind of organisation ("oil
//! company Pertamina", "the trade bloc Y": `named_body_kinds.txt`; named
//! so once, the word names that body again further on), after a capital
//! "The" inside a sentence ("according to The Guardian"), in a list of its
//! examples ("firms including A, B and C") or after a post and "at" ("an analyst at Morgan Stanley") is an
//! organisation whatever its words look like, and so is one that opens
//! with a word of a company's name in another language ("Deutsche
//! Telekom") or that an apposition calls a company ("X, Germany's phone
//! company": [`retype_companies`]); a plural title before a list
//! of people is each one's ("Senators A and B": [`distribute_plural_titles`]).
//!
//! ## Example
//! "Jane Roe, a researcher at the Lisbon Institute for Maritime Studies (LIMS), said..."
//!
//! ## Produces
//! Mentions: `Jane Roe` (Person, from the apposition), `Lisbon Institute for
//! Maritime Studies` (Organization, head "Institute"), `LIMS` (Organization,
//! acronym).
//!
//! ## Known misses
//! Single-word names with no title or context ("Interfax said") are only
//! kept when the document also has a fuller name they shorten; lower-case
//! name particles outside the usual list; names in title-case headlines,
//! where capitals say nothing (only gazetteer names are taken there); a
//! first name that is also a major city's ("Sofia Marin") splits the name
//! unless a title or an initial marks it as a person's.

use crate::extract::lexicon::{
    head_type, is_function_word, is_kill_verb, is_title_head, is_title_word, WordList, COMMON_NOUN_ENDINGS,
    COMPANY_OPENERS, COMPANY_SUFFIXES, DIRECTIONS, FUNCTION_WORDS, INSTITUTIONS, NAME_CONNECTORS, NAME_TITLES,
    NOT_NAMES, ORG_HEADS, ORG_NOUNS, PLACE_ADJECTIVES, PLACE_NOUNS, PLACE_PREPOSITIONS, ROLE_NOUNS, SPEECH_VERBS,
    TITLE_HEADS,
};
use crate::extract::mention::{words, Mention, Token};
use crate::extract::model::EntityType;
use crate::gazetteer::{is_common_surname, is_common_word, is_first_name, GazKind, Gazetteer};
use crate::span::Span;
use crate::text::layer::{SentenceLayer, TaggedName, TextLayer};
use crate::text::ner::NameType;
use crate::text::pos::Upos;

/// Extractor name, as recorded in evidence.
pub const NAME: &str = "names";

/// Confidence of a person's name said to speak ("Jane Roe said") with no
/// title or apposition: the highest a name typed by its context alone gets.
const SPEECH_CONFIDENCE: u8 = 80;

/// A single capitalised word left unresolved: kept only if the document
/// also names a person it shortens ("Roe" for "Jane Roe").
#[derive(Debug, Clone)]
pub struct Single {
    /// Span in the document.
    pub span: Span,
    /// The word.
    pub word: String,
    /// Sentence index.
    pub sentence: usize,
    /// What the words around it say it is.
    pub hint: SingleHint,
    /// It opens its sentence, where every word is capitalised.
    pub sentence_start: bool,
    /// An article or a possessive determiner stands before it ("the Beatles").
    pub after_article: bool,
    /// The type the name tagger gives the word, with its confidence in `0..=1`.
    pub tagged: Option<(EntityType, f32)>,
}

/// What the context of a single capitalised word says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SingleHint {
    /// After "in", "near", "from"...: a place.
    Place,
    /// Before a speech verb or ", who", after a killing verb: a person.
    Person,
    /// After a noun of what a body is ("the trade bloc Y", "the airline
    /// Y"): an organisation.
    Body,
    /// After "The" capitalised inside a sentence ("according to The
    /// Guardian", "told The Atlantic"): a paper's or a body's name.
    TitledThe,
    /// Nothing.
    None,
}

/// Words that put the name after them in place: "suburban Larchmont", "the
/// town of Lowman".
fn place_word_before(tokens: &[Token<'_>], start: usize) -> bool {
    let previous = start.checked_sub(1).map(|p| tokens[p].text);
    let before_of = start.checked_sub(2).map(|p| tokens[p].text);
    previous.is_some_and(|w| PLACE_PREPOSITIONS.contains(&w) || PLACE_ADJECTIVES.contains(&w))
        || previous == Some("of") && before_of.is_some_and(|w| PLACE_NOUNS.contains(&w))
}

/// Finds name mentions in one body sentence.
///
/// `taken` are spans already claimed by the gazetteer; a run that is exactly
/// one of them is left to it, a longer run with a head noun wins over it.
pub fn find(
    text: &str,
    sentence: Span,
    layer: &SentenceLayer,
    index: usize,
    taken: &[Mention],
    out: &mut Vec<Mention>,
    singles: &mut Vec<Single>,
) {
    let tokens = words(text, layer);
    // Headlines rarely end with a period; sentences with many names do.
    if !text[sentence.range()].trim_end().ends_with('.') && is_title_case(&tokens) {
        return;
    }
    let mut ahead = HeadsAhead::new(tokens.len());
    let tagged_places: Vec<Span> =
        layer.names.iter().filter(|n| n.kind == NameType::Place && n.confidence >= 0.9).map(|n| n.span).collect();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(place) =
            tokens[i].text.strip_suffix("-based").filter(|p| p.chars().next().is_some_and(char::is_uppercase))
        {
            // "the Lisbon-based group": Lisbon is a place.
            let span = Span::new(tokens[i].span.start(), tokens[i].span.start() + place.len());
            if taken.iter().all(|m| !m.span.overlaps(span)) {
                out.push(mention(span, EntityType::Place, place.to_string(), 70, index));
            }
            i += 1;
            continue;
        }
        // ... unless the name goes on to a body's head noun ("South China
        // Morning Post").
        if let Some(region) = directional_region(text, &tokens, i, taken)
            .filter(|_| !(i + 2 < tokens.len() && ahead.at(text, &tokens, i + 2)))
        {
            // "Southern California", "East Texas": a region of a known place.
            out.push(mention(region, EntityType::Place, text[region.range()].to_string(), 70, index));
            i += 2;
            continue;
        }
        // "General Agreement on Tariffs and Trade": a title word right
        // before an agreement's head and its complement is an adjective of
        // its name ("Gov. Deal said" is a title and a surname).
        let opens_agreement = tokens[i].is_capitalized()
            && (is_title_word(tokens[i].text) || NAME_TITLES.contains(&tokens[i].text))
            && tokens.get(i + 1).is_some_and(|t| crate::extract::lexicon::is_agreement_head(t.text))
            && tokens.get(i + 2).is_some_and(|t| matches!(t.text, "on" | "of" | "for"));
        if !is_name_word(&tokens[i], i == 0)
            && !opens_agreement
            && !opens_known_name(&tokens[i], taken)
            && !opens_body_name(text, &tokens, i)
            && !opens_unit_name(&tokens, i)
            && !particle_after_title(text, &tokens, i)
            && !first_name_before_name(&tokens, i)
        {
            i += 1;
            continue;
        }
        let (end, has_and, title) = extend_run(text, &tokens, i, &mut ahead);
        // "Chief Financial Officer Jane Roe": title words before a title's
        // head are the title, not a body named "Chief Financial".
        let post_word = |t: &Token<'_>| TITLE_HEADS.contains(&t.text.to_lowercase().as_str());
        let title_words = end - i <= 3
            && (post_word(&tokens[i])
                || crate::extract::lexicon::SUBORDINATE_TITLES.contains(&tokens[i].text.to_lowercase().as_str()))
            && tokens.get(end).is_some_and(post_word);
        // "Publicly, officials said": an adverb opening the sentence before
        // a comma is capitalised, not named ("Bally spokesman" is a name).
        // (A town in capitals opening a dateline may be tagged so too.)
        let adverb = i == 0
            && end == 1
            && layer.tags[0].1 == Upos::ADV
            && tokens[0].text.ends_with("ly")
            && tokens[0].text.chars().skip(1).all(char::is_lowercase)
            && text[tokens[0].span.end()..].starts_with(',');
        // A title before a person's name ("US Secretary of State") is
        // read by the roles extractor, not named.
        if !title && !title_words && !adverb {
            classify_run(text, &tokens, i, end, has_and, index, taken, &tagged_places, out, singles);
            named_after_org_noun(text, &tokens, i, end, index, taken, out);
        }
        i = end;
    }
    judge_people_by_shape(text, &tokens, layer, out);
}

/// "Mayor de Vries", "Judge van Dyke": a lower-case name particle
/// (`name_particles.txt`) between a title and a capitalised surname opens
/// the name.
fn particle_after_title(text: &str, tokens: &[Token<'_>], i: usize) -> bool {
    let (Some(title), Some(particle), Some(surname)) =
        (i.checked_sub(1).map(|p| tokens[p]), tokens.get(i), tokens.get(i + 1))
    else {
        return false;
    };
    NAME_PARTICLES.contains(&particle.text)
        && NAME_TITLES.contains(&title.text)
        && surname.is_capitalized()
        && only_space_between(text, title, *particle)
        && only_space_between(text, *particle, *surname)
}

/// "oil company Pertamina", "French oil group Elf Aquitaine", "its
/// subsidiary London Life": a name right after a common noun for a kind of
/// organisation (`org_nouns.txt`) is that organisation, whatever its words
/// look like, unless it is a person's name ("the company Jane Roe
/// founded") or a country's; so is a name after a post and "at" ("an
/// analyst at Morgan Stanley"), unless the gazetteer knows it as a place.
fn named_after_org_noun(
    text: &str,
    tokens: &[Token<'_>],
    start: usize,
    end: usize,
    sentence: usize,
    taken: &[Mention],
    out: &mut Vec<Mention>,
) {
    let right_after = start > 0
        && is_org_noun_form(tokens[start - 1].text)
        && only_space_between(text, tokens[start - 1], tokens[start]);
    // "an analyst at Morgan Stanley": a post's holder works at a body,
    // whatever its name looks like.
    let post_at = start >= 2
        && tokens[start - 1].text == "at"
        && crate::extract::lexicon::TITLE_HEADS.contains(&tokens[start - 2].text.to_lowercase().as_str());
    let run_span = |end: usize| {
        let last = tokens[end - 1];
        Span::new(tokens[start].span.start(), last.span.end() - last.possessive_len())
    };
    // "general director of De Beers", "director of Youth Forum Malawi":
    // what a post is "of" is a body, not a person or an event, whatever its
    // words look like; only a name taken for a person's or an event's is
    // retyped, and not after a town's or region's post ("mayor of ...").
    let whole = run_span(end);
    let post_of = post_of(tokens, start)
        && out.iter().any(|m| m.span == whole && matches!(m.kind, EntityType::Person | EntityType::Event))
        // "Chancellor of the Exchequer Nigel Lawson": a post's name, then
        // its holder's.
        && !tokens[start + 1..end].iter().any(|t| is_first_name(t.text));
    if !right_after && !post_at && !post_of && !in_list_after_org_noun(tokens, start) {
        return;
    }
    let end = seat_after_name(tokens, start, end, taken).unwrap_or(end);
    let span = run_span(end);
    let words: Vec<&str> = tokens[start..end].iter().map(|t| strip_possessive(t.text)).collect();
    // "De Beers": a particle opens no given name.
    let person_like = !post_at
        && is_first_name(words[0])
        && !NAME_PARTICLES.contains(&words[0].to_lowercase().as_str())
        && (2..=3).contains(&words.len())
        && head_type(&words).is_none();
    let known_place = taken.iter().any(|m| m.span == span && (m.kind == EntityType::Country || post_at || post_of));
    if person_like || known_place || words.iter().any(|w| NAME_TITLES.contains(w)) {
        return;
    }
    out.retain(|m| !span.contains(m.span));
    out.push(mention(span, EntityType::Organization, text[span.range()].to_string(), 70, sentence));
}

/// Where a body's name ends before "of" and a known place that is its
/// seat, as in an address ("manufacturers Owens-Corning Fiberglass of
/// Toledo", "Vexel Co. of Marlow"): the words before "of" have no head
/// noun of a body that takes it ("Bank of France" is one name), or end in
/// a company suffix.
fn seat_after_name(tokens: &[Token<'_>], start: usize, end: usize, taken: &[Mention]) -> Option<usize> {
    let of = (start + 1..end).find(|&k| tokens[k].text == "of")?;
    let place_at = if tokens.get(of + 1).is_some_and(|t| t.text == "the") { of + 2 } else { of + 1 };
    let place = tokens.get(place_at)?;
    if !taken.iter().any(|m| m.kind.is_place() && m.span.start() == place.span.start()) {
        return None;
    }
    let before: Vec<&str> = tokens[start..of].iter().map(|t| t.text.trim_end_matches('.')).collect();
    let named_by_head = head_type(&before) == Some(EntityType::Organization);
    let suffix = before.last().is_some_and(|w| COMPANY_SUFFIXES.contains(w));
    (!named_by_head || suffix).then_some(of)
}

/// Whether the name at `start` follows a post and "of" ("director of",
/// "the chairman of the"), other than a town's or region's post.
fn post_of(tokens: &[Token<'_>], start: usize) -> bool {
    let mut k = start;
    if k >= 1 && tokens[k - 1].text == "the" {
        k -= 1;
    }
    if k < 2 || tokens[k - 1].text != "of" {
        return false;
    }
    let title = tokens[k - 2].text.to_lowercase();
    crate::extract::lexicon::TITLE_HEADS.contains(&title.as_str())
        && !crate::extract::roles::LOCAL_HEAD_TITLES.contains(&title.as_str())
}

/// Whether the name at `start` is an item of a list of examples of a kind
/// of organisation: "firms including A, B and C", "companies such as A or
/// B", "lenders like A". The items before it must be capitalised words
/// joined by commas, "and" or "or".
fn in_list_after_org_noun(tokens: &[Token<'_>], start: usize) -> bool {
    const REACH: usize = 24;
    let mut k = start;
    while k > 0 && start - k < REACH {
        let word = tokens[k - 1].text;
        match word {
            "including" | "like" => return k >= 2 && is_org_noun_form(tokens[k - 2].text),
            "as" => {
                return k >= 3 && tokens[k - 2].text == "such" && is_org_noun_form(tokens[k - 3].text);
            }
            "," | "and" | "or" | "&" | "." | "-" => {}
            // "agencies, Finance Minister Jane Roe said": a post is no body's name.
            _ if tokens[k - 1].is_capitalized() && !is_title_word(word) && !FUNCTION_WORDS.contains(&word) => {}
            // "Norwegian firms A and B": a plural noun of bodies opens the
            // list, right before its first item.
            _ => {
                return k < start && tokens[k].is_capitalized() && !ORG_NOUNS.contains(&word) && is_org_noun_form(word);
            }
        }
        k -= 1;
    }
    false
}

/// Nouns of what a body is, besides `org_nouns.txt`, that a body's
/// one-word name may follow ("the trade bloc Y": `named_body_kinds.txt`).
static NAMED_BODY_KINDS: WordList = WordList::new(include_str!("../../data/lexicon/named_body_kinds.txt"));

/// An organisation noun of `org_nouns.txt` or its plural ("firms",
/// "utilities").
fn is_org_noun_form(word: &str) -> bool {
    ORG_NOUNS.contains(&word)
        || word.strip_suffix("ies").is_some_and(|stem| ORG_NOUNS.contains(&format!("{stem}y").as_str()))
        || word.strip_suffix('s').is_some_and(|stem| ORG_NOUNS.contains(&stem))
}

/// A run typed a person only by the shape of its words or a speech verb
/// (no title, no apposition) is what the name tagger reads best: where it
/// sees an organisation or a place there, the run takes that type
/// ("Orion said", "Ebro Agricolas"). Where it sees no name the run stays
/// a person: dropping those lost more people than wrong names on the
/// sample articles, the annotated news and CoNLL04 train.
///
/// A name set off after a post of a place or body ("the mayor of Leeds,
/// Jane Roe,") is the post's holder: the tagger, seeing a name after a
/// place and a comma, reads it as the place's region; so is a name before
/// "of" and a body found as one ("Kenzi Yoshida of Nomura Securities").
fn judge_people_by_shape(text: &str, tokens: &[Token<'_>], layer: &SentenceLayer, out: &mut [Mention]) {
    let bodies: Vec<usize> =
        out.iter().filter(|m| m.kind == EntityType::Organization).map(|m| m.span.start()).collect();
    // "Kenzi Yoshida of Nomura Securities said": a name before "of" and a
    // body is the body's person; the tagger reads the whole as one body.
    let of_a_body = |span: Span| {
        let rest = &text[span.end()..];
        let after_of = rest.strip_prefix(" of the ").or_else(|| rest.strip_prefix(" of "));
        after_of.is_some_and(|after| bodies.contains(&(text.len() - after.len())))
    };
    for m in out.iter_mut() {
        if let Some(body) = titled_body(text, layer, m) {
            m.kind = crate::extract::tagged::entity_type(body.kind);
            m.name = text[body.span.range()].to_string();
            m.span = body.span;
            m.title = None;
            continue;
        }
        let by_shape = m.kind == EntityType::Person
            && m.title.is_none()
            && m.extractor == NAME
            && m.confidence <= SPEECH_CONFIDENCE;
        if !by_shape || holds_post_before(text, tokens, m.span) || of_a_body(m.span) {
            continue;
        }
        // A given name opening the run outweighs an unsure tagger ("Jane
        // Roe" read as a body at 0.7).
        let given = m.name.split_whitespace().next().is_some_and(is_first_name) && m.name.contains(' ');
        if let Some((kind, p)) = tagger_reading(layer, m.span)
            .filter(|(kind, p)| *kind != NameType::Person && !(given && *p < GIVEN_NAME_OVER_TAGGER))
        {
            m.kind = crate::extract::tagged::entity_type(kind);
            m.confidence = (p * 80.0).round() as u8;
        }
    }
}

/// Whether the gazetteer knows `word` as a people's adjective ("British").
fn is_demonym(word: &str) -> bool {
    let gazetteer = Gazetteer::global();
    gazetteer.lookup(word).iter().any(|&id| gazetteer.entry(id).kind == GazKind::Demonym)
}

/// Whether the gazetteer knows `word` as a state or a people's adjective
/// ("Saudi", "Kuwaiti", "Iraq").
fn names_a_state(word: &str) -> bool {
    let gazetteer = Gazetteer::global();
    gazetteer.lookup(word).iter().any(|&id| matches!(gazetteer.entry(id).kind, GazKind::Demonym | GazKind::Country))
}

/// A "person" named by one word after a title that the name tagger reads,
/// title and all, as a body or a place: "General Electric", "the
/// Ambassador Hotel" are no General Electric and no Ambassador Hotel. A
/// given name or a surname of the name lists keeps the person ("General
/// Powell").
fn titled_body<'l>(text: &str, layer: &'l SentenceLayer, m: &Mention) -> Option<&'l TaggedName> {
    if m.kind != EntityType::Person || m.title.is_none() || m.extractor != NAME || m.name.contains(' ') {
        return None;
    }
    if is_first_name(&m.name) || is_common_surname(&m.name) || is_title_word(&m.name) {
        return None;
    }
    layer.names_overlapping(m.span).find(|n| {
        n.kind != NameType::Person
            && n.confidence >= TITLED_BODY_CONFIDENCE
            && n.span.end() == m.span.end()
            && n.span.start() < m.span.start()
            && text[n.span.start()..m.span.start()]
                .split_whitespace()
                .all(|w| NAME_TITLES.contains(&w) || NAME_TITLES.contains(&w.trim_end_matches('.')) || is_title_word(w))
    })
}

/// Drops the people named by an English word after a one-word title
/// ("the General Electric plant": "General", not "Deputy Prime Minister")
/// that no name list knows, the tagger does not read as a person, and no
/// fuller name in the document ends with ("Attorney Bash" after "Josh
/// Bash"): a body's name the tagger missed, not a person.
pub fn drop_titled_words(layer: &TextLayer, mentions: &mut Vec<Mention>) {
    let surnames: std::collections::HashSet<String> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::Person && m.name.contains(' '))
        .filter_map(|m| m.name.rsplit(' ').next().map(str::to_string))
        .collect();
    mentions.retain(|m| {
        surnames.contains(&m.name) || !layer.sentence(m.sentence).is_some_and(|l| untagged_titled_word(l, m))
    });
}

/// Whether `m` is such a person: see [`drop_titled_words`].
fn untagged_titled_word(layer: &SentenceLayer, m: &Mention) -> bool {
    m.kind == EntityType::Person
        && m.extractor == NAME
        && !m.name.contains(' ')
        && m.title.as_deref().is_some_and(|t| !t.contains(' '))
        && is_common_word(&m.name)
        && !is_first_name(&m.name)
        && !is_common_surname(&m.name)
        && !layer.names_overlapping(m.span).any(|n| n.kind == NameType::Person)
}

/// The tagger confidence at which a title and a word make a body.
const TITLED_BODY_CONFIDENCE: f32 = 0.9;

/// Below this tagger confidence a run opening with a given name stays a
/// person.
const GIVEN_NAME_OVER_TAGGER: f32 = 0.9;

/// Whether the name at `span` follows a post and its body or place, set off
/// by a comma: "the mayor of Leeds, Jane Roe", "chairman of the Y Group, Jane Roe".
pub fn holds_post_before(text: &str, tokens: &[Token<'_>], span: Span) -> bool {
    let Some(at) = tokens.iter().position(|t| t.span.start() == span.start()) else { return false };
    if at == 0 || text.get(tokens[at - 1].span.end()..span.start()).is_none_or(|gap| gap.trim() != ",") {
        return false;
    }
    let mut k = at;
    // The body's or place's capitalised words, back to "of", "for" or "at".
    while k > 0 && tokens[k - 1].is_capitalized() {
        k -= 1;
    }
    if k == at || k < 2 {
        return false;
    }
    let mut k = k - 1;
    if tokens[k].text.eq_ignore_ascii_case("the") && k > 0 {
        k -= 1;
    }
    matches!(tokens[k].text, "of" | "for" | "at")
        && k > 0
        && TITLE_HEADS.contains(&tokens[k - 1].text.to_lowercase().as_str())
}

/// The type the name tagger gives most of `span`, with its confidence.
fn tagger_reading(layer: &SentenceLayer, span: Span) -> Option<(NameType, f32)> {
    layer
        .names_overlapping(span)
        .map(|n| (n, n.span.start().max(span.start())..n.span.end().min(span.end())))
        .filter(|(n, shared)| shared.len() * 2 > span.len() && n.confidence >= crate::extract::tagged::MIN_CONFIDENCE)
        .max_by_key(|(_, shared)| shared.len())
        .map(|(n, _)| (n.kind, n.confidence))
}

/// Nouns of a body's office in a place ("the Hong Kong office of Y").
pub(crate) static OFFICE_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/office_nouns.txt"));

/// Organisations named after a role's preposition ("head of the Lisbon
/// institute for Maritime Studies", "a fellow at the Center for Y"):
/// the capitalised phrase there names the body, whatever its head word.
pub fn find_role_objects(text: &str, layer: &SentenceLayer, index: usize, out: &mut Vec<Mention>) {
    let tokens = words(text, layer);
    for i in 0..tokens.len().saturating_sub(3) {
        if !ROLE_NOUNS.contains(&tokens[i].text)
            || !matches!(tokens[i + 1].text, "of" | "at" | "for")
            || tokens[i + 2].text != "the"
        {
            continue;
        }
        let mut start = i + 3;
        let mut end = start;
        let mut capitals = 0;
        let mut lower = 0;
        while end < tokens.len() && (end == start || only_space_between(text, tokens[end - 1], tokens[end])) {
            let t = tokens[end];
            // "director of the Hong Kong office of Y": the body is Y; the
            // place and "office" say which part of it.
            if OFFICE_NOUNS.contains(&t.text) && end > start && tokens.get(end + 1).is_some_and(|n| n.text == "of") {
                start = end + 2;
                end = start;
                capitals = 0;
                continue;
            }
            if t.is_capitalized() && !FUNCTION_WORDS.contains(&t.text) {
                capitals += 1;
            } else if matches!(t.text, "of" | "for" | "and" | "on") {
            } else if lower == 0
                && end > start
                // "head of the World Bank in Jakarta": a place phrase ends the name.
                && !crate::extract::lexicon::PLACE_PREPOSITIONS.contains(&t.text)
                && tokens[end + 1..].iter().take(3).any(|n| n.is_capitalized())
            {
                lower += 1;
            } else {
                break;
            }
            end += 1;
            if t.possessive_len() > 0 {
                break;
            }
        }
        while end > start && !tokens[end - 1].is_capitalized() {
            end -= 1;
        }
        if capitals >= 2 && end > start + 1 {
            let span =
                Span::new(tokens[start].span.start(), tokens[end - 1].span.end() - tokens[end - 1].possessive_len());
            out.push(mention(span, EntityType::Organization, text[span.range()].to_string(), 55, index));
        }
    }
}

/// Whether the title word at `end` is the surname of the given names the
/// run holds ("John Major has", "Anna General said", "Jane Mary King
/// Jr."): one to three first names or initials before it, the first a first
/// name, and after it no capitalised word but a generational suffix.
fn surname_after_first_name(tokens: &[Token<'_>], start: usize, end: usize) -> bool {
    let initial = |w: &str| w.len() == 2 && w.ends_with('.') && w.starts_with(|c: char| c.is_ascii_uppercase());
    end - start <= 3
        && is_first_name(tokens[start].text)
        && tokens[start..end].iter().all(|t| is_first_name(t.text) || initial(t.text))
        && !tokens.get(end + 1).is_some_and(|t| t.is_capitalized() && !NAME_SUFFIXES.contains(&t.text))
}

/// Generational suffixes closing a person's name ("Jr.", "III").
static NAME_SUFFIXES: WordList = WordList::new(include_str!("../../data/lexicon/name_suffixes.txt"));

/// A headline in title case: most longer words capitalised.
fn is_title_case(tokens: &[Token<'_>]) -> bool {
    let long: Vec<&Token<'_>> = tokens.iter().filter(|t| t.text.chars().count() >= 4).collect();
    let lower = long.iter().filter(|t| !t.is_capitalized()).count();
    long.len() >= 4 && lower <= 1 && lower * 7 <= long.len()
}

/// A capitalised word that can be part of a name.
fn is_name_word(token: &Token<'_>, sentence_start: bool) -> bool {
    if !token.is_capitalized() || token.text.ends_with("-based") {
        return false;
    }
    let bare = strip_possessive(token.text);
    let not_name = FUNCTION_WORDS.contains(&bare) || NOT_NAMES.contains(&bare);
    if not_name && (sentence_start || !ORG_HEADS.contains(&bare)) {
        return false;
    }
    // Title words stay outside names: "President Jane Roe" is a title and a
    // name, and so is "Senators Jane Roe and John Doe".
    if NAME_TITLES.contains(&bare) || bare.strip_suffix('s').is_some_and(|one| NAME_TITLES.contains(&one)) {
        return false;
    }
    // "Top-seeded Jane Roe", "Newly-elected Jane Roe": an adjective
    // capitalised because it opens the sentence.
    if sentence_start && bare.split_once('-').is_some_and(|(_, rest)| rest.starts_with(char::is_lowercase)) {
        return false;
    }
    !bare.chars().all(|c| c.is_ascii_digit())
}

/// A first name that is also a month's or another word's short form
/// ("Jan", "May") inside a sentence, right before a capitalised word: it
/// opens a person's name ("Foreign Minister Jan Novak"); a month is followed
/// by its day or a period.
fn first_name_before_name(tokens: &[Token<'_>], i: usize) -> bool {
    let token = &tokens[i];
    i > 0
        && token.possessive_len() == 0
        && NOT_NAMES.contains(&token.text)
        && is_first_name(token.text)
        && tokens.get(i + 1).is_some_and(|next| {
            next.is_capitalized()
                && !NOT_NAMES.contains(&strip_possessive(next.text))
                && !FUNCTION_WORDS.contains(&strip_possessive(next.text))
                && !NAME_TITLES.contains(&next.text)
        })
}

/// A word that is no name alone but opens one the gazetteer knows ("New"
/// of "New York State"): the run starts with it, so that a longer name
/// around the gazetteer's keeps its first word.
fn opens_known_name(token: &Token<'_>, taken: &[Mention]) -> bool {
    token.is_capitalized() && taken.iter().any(|m| m.span.start() == token.span.start() && !m.adjectival)
}

/// "Southern California": a capitalised direction right before a known
/// region or state (not a city: "North Bend" is a town of its own).
fn directional_region(text: &str, tokens: &[Token<'_>], i: usize, taken: &[Mention]) -> Option<Span> {
    let (word, next) = (tokens.get(i)?, tokens.get(i + 1)?);
    if !DIRECTIONS.contains(&word.text) || !only_space_between(text, *word, *next) {
        return None;
    }
    let place = taken.iter().find(|m| m.span.start() == next.span.start() && !m.adjectival)?;
    let entry = Gazetteer::global().entry(place.link?);
    (matches!(entry.kind, GazKind::Region | GazKind::Country) && place.span.end() == next.span.end())
        .then(|| Span::new(word.span.start(), place.span.end()))
}

/// "12th Brigade", "6th Fleet": an ordinal before a capitalised unit.
fn opens_unit_name(tokens: &[Token<'_>], i: usize) -> bool {
    is_ordinal(tokens[i].text)
        && tokens.get(i + 1).is_some_and(|t| t.is_capitalized())
        && tokens[i + 1..tokens.len().min(i + 4)]
            .iter()
            .take_while(|t| t.is_capitalized())
            .any(|t| ORG_HEADS.contains(&strip_possessive(t.text)))
}

fn is_ordinal(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty()
        && digits.len() <= 3
        && digits.chars().all(|c| c.is_ascii_digit())
        && matches!(&word[digits.len()..], "st" | "nd" | "rd" | "th")
}

/// A word that names nothing alone but opens a body's name ("Energy
/// Department", "State Department's"): capitalised words from it reach an
/// organisation's head noun.
fn opens_body_name(text: &str, tokens: &[Token<'_>], i: usize) -> bool {
    let token = &tokens[i];
    let bare = strip_possessive(token.text);
    token.is_capitalized()
        && token.possessive_len() == 0
        && !FUNCTION_WORDS.contains(&bare)
        && (NOT_NAMES.contains(&bare) || NAME_TITLES.contains(&bare))
        && reaches_org_head(text, tokens, i, if i == 0 { 1 } else { 3 })
}

/// Whether the capitalised words right after token `i` (at most `reach`)
/// end in an organisation's head noun: "Energy Department", "New
/// Progressive Party". At a sentence's start, where every word is
/// capitalised, only the next word counts ("Several Steppe Development
/// Bank" is no bank's name).
fn reaches_org_head(text: &str, tokens: &[Token<'_>], i: usize, reach: usize) -> bool {
    let mut k = i + 1;
    while k < tokens.len()
        && k <= i + reach
        && tokens[k].is_capitalized()
        && only_space_between(text, tokens[k - 1], tokens[k])
    {
        if ORG_HEADS.contains(&strip_possessive(tokens[k].text)) {
            return true;
        }
        if tokens[k].possessive_len() > 0 || FUNCTION_WORDS.contains(&tokens[k].text) {
            return false;
        }
        k += 1;
    }
    false
}

/// What the words of a run from `start` to `seen` hold, kept up to date as
/// the run grows (a fresh scan of the run at each word was quadratic in its
/// length).
struct RunWords {
    seen: usize,
    org_head: bool,
    agreement_head: bool,
    complement: bool,
    person_word: bool,
}

impl RunWords {
    fn upto(&mut self, tokens: &[Token<'_>], end: usize) -> &Self {
        while self.seen < end {
            let text = tokens[self.seen].text;
            let word = strip_possessive(text);
            self.org_head |= ORG_HEADS.contains(&word);
            // An agreement's name takes a complement with "on" too
            // ("Agreement on Tariffs and Trade", "Treaty on European Union").
            let agreement = crate::extract::lexicon::is_agreement_head(word);
            self.agreement_head |= agreement;
            self.complement |= matches!(text, "of" | "for") || text == "on" && self.agreement_head;
            // A post's head word tells a person's title ("Deputy Director");
            // a word that only qualifies posts ("National", "Federal") does
            // not ("National Grains and Oils Information Centre").
            self.person_word |=
                is_first_name(word) || NAME_TITLES.contains(&word) || crate::extract::lexicon::is_title_head(word);
            self.seen += 1;
        }
        self
    }
}

/// Extends a run from `start`; returns its end (exclusive), whether an
/// "and" joined two parts of it, and whether it is a title that a
/// person's name follows.
fn extend_run(text: &str, tokens: &[Token<'_>], start: usize, ahead: &mut HeadsAhead) -> (usize, bool, bool) {
    let mut end = start + 1;
    let mut has_and = false;
    let mut run =
        RunWords { seen: start, org_head: false, agreement_head: false, complement: false, person_word: false };
    loop {
        if end >= tokens.len()
            || (tokens[end - 1].possessive_len() > 0 && !possessive_inside_name(text, tokens, start, end, ahead))
        {
            break;
        }
        if !only_space_between(text, tokens[end - 1], tokens[end]) {
            break;
        }
        let next = &tokens[end];
        let title_word = NAME_TITLES.contains(&next.text) || is_title_word(next.text);
        // A person's name after a whole title ends the title: "Secretary
        // of State Jane Roe" is a post and a name, not one name.
        if is_first_name(next.text)
            && tokens.get(end + 1).is_some_and(|t| {
                // "Air France Chairman": a post is no surname.
                t.is_capitalized() && only_space_between(text, *next, *t) && !is_title_word(t.text)
            })
            && tokens[start..end].iter().any(|t| NAME_TITLES.contains(&t.text) || is_title_word(t.text))
            // "Federal Home Loan Bank Board": a given name ("Loan") whose
            // capitalised words reach a body's head noun names the body,
            // unless the word after it is a surname ("Senator Frank Church").
            && !(ahead.at(text, tokens, end)
                && tokens.get(end + 1).is_some_and(|t| !crate::gazetteer::is_common_surname(strip_possessive(t.text))))
        {
            // ... unless the words before name a body ("the Navy Jane Roe").
            let body = run.upto(tokens, end).org_head;
            return (end, has_and, !body);
        }
        // A post after an organisation's name starts a person's title:
        // "National Congress President Jane Roe".
        if title_word
            && tokens[end - 1].is_capitalized()
            && head_type(&[strip_possessive(tokens[end - 1].text)]).is_some()
            && !ahead.at(text, tokens, end)
        {
            // "Kuwaiti Oil Minister Jane Roe": a ministry's field after a
            // people's adjective is the minister's portfolio, not a firm
            // ("British Steel Chairman Jane Roe" names one).
            if end == start + 2 && next.text == "Minister" && names_a_state(tokens[start].text) {
                end = start + 1;
            }
            break;
        }
        // "U.S. Energy Secretary Jane Roe", "Vexel Chief Financial Officer
        // Jane Roe": a title phrase between a name and a person's name
        // belongs to the person, not to the name before it.
        if title_word && !tokens[start..end].iter().all(|t| is_title_word(t.text)) && title_before_name(tokens, end) {
            break;
        }
        // A title word continues a name only inside an organisation's or
        // event's name ("Munich Security Conference"), not before a person
        // ("Peruvian Defense Minister Jane Roe").
        if is_continuation_word(next)
            && !(title_word
                && !run.upto(tokens, end).org_head
                && !ahead.at(text, tokens, end)
                && !surname_after_first_name(tokens, start, end))
        {
            end += 1;
            continue;
        }
        // Connectors join two capitalised parts: "Ministry of Foreign Affairs".
        let mut j = end;
        while j < tokens.len()
            && NAME_CONNECTORS.contains(&tokens[j].text)
            && only_space_between(text, tokens[j - 1], tokens[j])
        {
            j += 1;
        }
        if j > end
            && j < tokens.len()
            && only_space_between(text, tokens[j - 1], tokens[j])
            && is_continuation_word(&tokens[j])
            && !crate::text::date::is_month(tokens[j].text)
        {
            let joined_by_and = tokens[end..j].iter().any(|t| t.text == "and" || t.text == "&");
            // "on" joins a body's complement ("Committee on Foreign
            // Affairs"), not a word and a name after it ("Republican on
            // the Senate Agriculture Committee").
            if tokens[end..j].iter().any(|t| t.text == "on") {
                let words_so_far: Vec<&str> = tokens[start..end].iter().map(|t| strip_possessive(t.text)).collect();
                if head_type(&words_so_far).is_none() {
                    break;
                }
            }
            // "X and the Y" joins two names.
            if joined_by_and && tokens[end..j].iter().any(|t| t.text == "the") {
                break;
            }
            // "and" joins only inside an organisation's name, in the
            // complement of its "of" ("Ministry of Trade and Industry");
            // after a complete name it separates two ("Agency and NASA").
            let run = run.upto(tokens, end);
            let complement = run.complement;
            let ends_with_head = head_type(&[strip_possessive(tokens[end - 1].text)]).is_some();
            // "National Aeronautics and Space Administration": two halves
            // that only together reach the body's head noun.
            // A lone plural head before "and" names a trade, not a body
            // ("Securities and Exchange Commission", "Communications and
            // Information Administration"); "Nomura Securities and ..." does.
            let lone_plural_head = end == start + 1 && is_plural_common_head(tokens[start].text);
            // Not before a post: "Fuel and Energy Minister X" is a portfolio.
            let shared_head = (!run.org_head || lone_plural_head)
                && ahead.at(text, tokens, j)
                && !run.person_word
                && !title_before_head(text, tokens, j);
            // "the Agreement on Fisheries and Chile signed": a place the
            // gazetteer knows after "and" is no part of an agreement's name.
            if joined_by_and
                && !run.org_head
                && run.agreement_head
                && !Gazetteer::global().lookup(tokens[j].text).is_empty()
            {
                break;
            }
            let named_head = run.org_head || run.agreement_head;
            if joined_by_and && !shared_head && (!named_head || !complement || ends_with_head) {
                break;
            }
            has_and |= joined_by_and;
            end = j + 1;
            continue;
        }
        break;
    }
    (end, has_and, false)
}

/// Whether the capitalised words from `from` name a portfolio and its post
/// ("Energy Minister Jane Roe"), not a body with its holder's post after it
/// ("Exchange Commission Chairman Jane Roe") nor a body alone ("Commercial
/// Workers Union").
fn title_before_head(text: &str, tokens: &[Token<'_>], from: usize) -> bool {
    let mut k = from;
    loop {
        let Some(t) = tokens.get(k) else { return false };
        if crate::extract::lexicon::TITLE_HEADS.contains(&t.text.to_lowercase().as_str()) {
            let before = tokens[k - 1].text;
            return k == from || is_title_word(before) || NAME_TITLES.contains(&before);
        }
        if !tokens.get(k + 1).is_some_and(|n| n.is_capitalized() && only_space_between(text, *t, *n)) {
            return false;
        }
        k += 1;
    }
}

static PLACE_PREFIXES: WordList = WordList::new(include_str!("../../data/lexicon/place_prefixes.txt"));

/// Where a name starts once an abbreviation of `place_prefixes.txt` right
/// before it is taken in ("St. George", "ST. LOUIS").
fn prefix_start(text: &str, start: usize) -> Option<usize> {
    let before = text[..start].strip_suffix(' ')?;
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    (word.starts_with(char::is_uppercase) && PLACE_PREFIXES.contains(&word.to_lowercase().as_str()))
        .then_some(word_start)
}

/// Takes an abbreviation such as "St." into the name after it: the period
/// cut "St. George" into a stray "St" and "George". A mention grows to
/// cover it (and a mention of the bare abbreviation goes); a single word
/// after it is a place's name ("St. George, Utah").
pub fn join_place_prefixes(text: &str, sentence: usize, found: &mut Vec<Mention>, singles: &mut Vec<Single>) {
    let mut grown = Vec::new();
    for m in found.iter_mut() {
        // "Ft. Marlow" the name tagger took whole: a fort or a mount is a place.
        let first = m.name.split_whitespace().next().unwrap_or_default().to_lowercase();
        if m.name.contains(' ') && PLACE_PREFIXES.contains(&first.as_str()) && first != "st." {
            m.kind = EntityType::Place;
        }
        if let Some(start) = prefix_start(text, m.span.start()) {
            // "St. Francis" may be a saint; a fort or a mount is a place.
            if !text[start..].get(..2).is_some_and(|p| p.eq_ignore_ascii_case("st")) {
                m.kind = EntityType::Place;
            }
            m.name = format!("{} {}", &text[start..m.span.start() - 1], m.name);
            m.span = Span::new(start, m.span.end());
            // The gazetteer's entry was for the bare name ("George").
            m.link = None;
            grown.push(m.span);
        }
    }
    let mut i = 0;
    while i < singles.len() {
        let single = &singles[i];
        if single.sentence == sentence {
            if let Some(start) = prefix_start(text, single.span.start()) {
                let span = Span::new(start, single.span.end());
                let name = format!("{} {}", &text[start..single.span.start() - 1], single.word);
                found.push(mention(span, EntityType::Place, name, 60, sentence));
                grown.push(span);
                singles.remove(i);
                continue;
            }
        }
        i += 1;
    }
    // The bare abbreviation read as a name of its own ("ST" typed a body).
    found.retain(|m| grown.iter().all(|g| m.span == *g || !(g.start() <= m.span.start() && m.span.end() <= g.end())));
}

/// Whether a word is a body's head noun in the plural that is also a common
/// word ("Securities", "Communications", "Industries").
fn is_plural_common_head(word: &str) -> bool {
    ORG_HEADS.contains(&word) && word.ends_with('s') && !word.ends_with("ss") && is_common_word(word)
}

/// Whether the possessive word before `at` is inside a body's name: a
/// common noun whose capitalised words go on to a head noun ("Kurdistan
/// Workers' Party", "People's Party"), not an owner ("Britain's Labour
/// Party") nor a body owning a part ("Harvard University's School of ...").
fn possessive_inside_name(text: &str, tokens: &[Token<'_>], start: usize, at: usize, ahead: &mut HeadsAhead) -> bool {
    let owner = tokens[at - 1];
    let bare = strip_possessive(owner.text);
    // A head before it owns what follows, unless a connector puts the
    // possessive in its complement ("Association for Democracy and
    // People's Livelihood").
    let last_head = tokens[start..at].iter().rposition(|t| head_type(&[strip_possessive(t.text)]).is_some());
    let in_complement = last_head.is_none_or(|h| {
        h + 1 < at - start && tokens[start + h + 1..at].iter().any(|t| NAME_CONNECTORS.contains(&t.text))
    });
    is_common_word(bare)
        && Gazetteer::global().lookup(bare).is_empty()
        && in_complement
        && only_space_between(text, owner, tokens[at])
        && tokens[at].is_capitalized()
        // Inside a head's complement the name goes on; elsewhere it must
        // reach its own head ("Workers' Party").
        && (last_head.is_some() || ahead.at(text, tokens, at))
}

/// Whether the words from `at` are a title phrase (title words, the last a
/// post) followed by a person's given name: "Energy Secretary Jane".
fn title_before_name(tokens: &[Token<'_>], at: usize) -> bool {
    let mut k = at;
    while k < tokens.len() && (is_title_word(tokens[k].text) || NAME_TITLES.contains(&tokens[k].text)) {
        k += 1;
    }
    k > at
        && (TITLE_HEADS.contains(&tokens[k - 1].text.to_lowercase().as_str())
            || NAME_TITLES.contains(&tokens[k - 1].text))
        && tokens.get(k).is_some_and(|t| is_first_name(t.text))
}

/// A capitalised word that may continue a name already started: anything
/// but function words ("Naval" continues "Center for Naval Studies").
fn is_continuation_word(token: &Token<'_>) -> bool {
    if is_ordinal(token.text) {
        return true;
    }
    !token.text.ends_with("-based")
        && token.is_capitalized()
        && !FUNCTION_WORDS.contains(&strip_possessive(token.text))
        && !token.text.chars().all(|c| c.is_ascii_digit())
}

/// Whether the words after a name's leading qualifiers of posts
/// ("Federal", "National") need them to make a body's name: common words
/// ("Reserve", not a name of its own like "Citibank") that end in a body's
/// head noun, are followed by the body's staff ("officials") or, where
/// `after_the`, follow "the" ("the Federal Reserve"). Not "Gross National
/// Product".
pub(crate) fn needs_its_qualifiers(rest: &[&str], next: Option<&str>, after_the: bool) -> bool {
    let Some(last) = rest.last() else { return false };
    rest.iter().all(|w| is_common_word(&strip_possessive(w).to_lowercase()))
        && (head_type(&[strip_possessive(last)]).is_some() || next.is_some_and(|w| ORG_POSTS.contains(&w)) || after_the)
}

/// Lower-case particles of family names ("de", "van", "bin").
pub(crate) static NAME_PARTICLES: WordList = WordList::new(include_str!("../../data/lexicon/name_particles.txt"));

/// Lower-case posts written after the name of the body that employs them.
static ORG_POSTS: WordList = WordList::new(include_str!("../../data/lexicon/org_posts.txt"));

/// Heads of bodies every state has, named after their state.
static GOVERNMENT_BODIES: WordList = WordList::new(include_str!("../../data/lexicon/government_bodies.txt"));

/// Whether the capitalised words from a token on reach a head noun of an
/// organisation, event, agreement or place before they stop, remembered
/// for every token of a sentence: each token is read once, however many
/// times the question is asked (a walk per question was quadratic in a
/// long run of capitalised words).
struct HeadsAhead {
    known: Vec<Option<bool>>,
}

impl HeadsAhead {
    fn new(tokens: usize) -> Self {
        Self { known: vec![None; tokens] }
    }

    /// True when the capitalised words from `from` on reach a head noun.
    fn at(&mut self, text: &str, tokens: &[Token<'_>], from: usize) -> bool {
        let mut k = from;
        let mut answer = false;
        while k < tokens.len() && (k == from || only_space_between(text, tokens[k - 1], tokens[k])) {
            // Every token walked through has the answer of the first one.
            if let Some(known) = self.known[k] {
                answer = known;
                break;
            }
            let word = strip_possessive(tokens[k].text);
            if !(tokens[k].is_capitalized() || NAME_CONNECTORS.contains(&word)) {
                break;
            }
            if head_type(&[word]).is_some() {
                answer = true;
                k += 1;
                break;
            }
            if tokens[k].possessive_len() > 0 {
                k += 1;
                break;
            }
            k += 1;
        }
        for slot in &mut self.known[from.min(tokens.len())..k.min(tokens.len())] {
            *slot = Some(answer);
        }
        answer
    }
}

/// Only white space between two tokens, and at most one line break: a
/// hard-wrapped line ("Finance Minister Jane⏎Roe") does not end a name, a
/// blank line does.
fn only_space_between(text: &str, a: Token<'_>, b: Token<'_>) -> bool {
    let gap = &text[a.span.end()..b.span.start()];
    !gap.is_empty()
        && gap.chars().all(|c| matches!(c, ' ' | '\u{a0}' | '\n' | '\r' | '\t'))
        && gap.matches('\n').count() <= 1
}

/// The word without a possessive ending.
#[must_use]
pub fn strip_possessive(word: &str) -> &str {
    &word[..word.len() - crate::extract::mention::possessive_suffix_len(word)]
}

#[allow(clippy::too_many_arguments)]
fn classify_run(
    text: &str,
    tokens: &[Token<'_>],
    start: usize,
    end: usize,
    has_and: bool,
    sentence: usize,
    taken: &[Mention],
    tagged_places: &[Span],
    out: &mut Vec<Mention>,
    singles: &mut Vec<Single>,
) {
    // Drop trailing connectors ("... of") that a break left behind.
    let mut end = end;
    while end > start + 1 && NAME_CONNECTORS.contains(&tokens[end - 1].text) {
        end -= 1;
    }
    // "Member of Parliament", "President of the European Commission": a
    // post and the body it is of; the body is the name.
    // At a sentence's start, a common noun of people before "of" is no part
    // of the name either ("Supporters of the X Party").
    let post = |w: &str| {
        is_title_word(w)
            || w.strip_suffix('s').is_some_and(is_title_word)
            || (start == 0 && is_common_word(w) && head_type(&[w]).is_none())
    };
    // "the Democratic Speaker of the House": a party's label before the post.
    let lead = (start..end).find(|&k| crate::extract::parties::party_of(tokens[k].text).is_none()).unwrap_or(end);
    if end - lead >= 3 && post(tokens[lead].text) && tokens[lead + 1].text == "of" {
        let body = if tokens[lead + 2].text == "the" { lead + 3 } else { lead + 2 };
        if body < end {
            classify_run(text, tokens, body, end, has_and, sentence, taken, tagged_places, out, singles);
        }
        return;
    }
    // "... of Ohio Jane Roe": a known place, then a person's name, run
    // together.
    if let Some(place) = taken.iter().find(|m| {
        m.kind.is_place()
            && !m.adjectival
            && m.span.start() == tokens[start].span.start()
            && m.span.end() < tokens[end - 1].span.start()
    }) {
        if let Some(after) = (start..end).find(|&k| tokens[k].span.start() > place.span.end()) {
            if is_first_name(tokens[after].text)
                && (2..=3).contains(&(end - after))
                && tokens[after..end].iter().all(|t| looks_like_name_word(t))
            {
                classify_plain(text, tokens, after, end, sentence, out, singles);
                return;
            }
        }
    }
    let first = tokens[start];
    let last = tokens[end - 1];
    let span = Span::new(first.span.start(), last.span.end() - last.possessive_len());
    let words: Vec<&str> = tokens[start..end].iter().map(|t| strip_possessive(t.text)).collect();
    let name = text[span.range()].to_string();

    // A run that is exactly a gazetteer name is the gazetteer's, unless a
    // title makes it a person named like a city ("President Lincoln").
    if let Some(known) = taken.iter().find(|m| m.span == span) {
        if surname_town(text, tokens, start, known, taken) {
            // "Booth shot Lincoln": a town named like a common surname,
            // with no place's context, is left to the single-word rules.
            out.retain(|m| m.span != span);
            classify_plain(text, tokens, start, end, sentence, out, singles);
            return;
        }
        if known.kind == EntityType::Place && !known.adjectival {
            if let Some(title) =
                title_before(text, tokens, start).filter(|t| NAME_TITLES.words().iter().any(|n| t.starts_with(n)))
            {
                let mut m = mention(span, EntityType::Person, name, 96, sentence);
                m.title = Some(title);
                out.push(m);
            }
        }
        return;
    }
    // A person's name that ends in a city's ("John F. Kennedy"): an initial
    // or a title says it is a name. A head noun at the end says it is not
    // ("Paris Agreement", "Paris Accords").
    let inner_places = head_type(&[strip_possessive(last.text)]).is_none()
        && taken.iter().any(|m| span.contains(m.span))
        && taken.iter().filter(|m| span.contains(m.span)).all(|m| m.kind == EntityType::Place && !m.adjectival);
    let has_initial = tokens[start..end]
        .iter()
        .any(|t| t.text.len() == 2 && t.text.ends_with('.') && t.text.starts_with(char::is_uppercase));
    if inner_places
        && !words.contains(&"of")
        && (has_initial || title_before(text, tokens, start).is_some() || is_first_name(strip_possessive(first.text)))
        && (2..=4).contains(&(end - start))
        && tokens[start..end].iter().all(|t| looks_like_name_word(t))
    {
        classify_plain(text, tokens, start, end, sentence, out, singles);
        return;
    }
    // "diver Jane Roe of Millinocket": a person's name, then her town.
    if let Some(of) = words.iter().position(|w| *w == "of") {
        let rest = &tokens[start + of + 1..end];
        if (2..=3).contains(&of)
            && is_first_name(words[0])
            && words[1..of].iter().all(|w| !is_title_word(w))
            && (of == 2 || words[..of].iter().all(|w| head_type(&[w]).is_none()))
            && rest.len() == 1
            && head_type(&[strip_possessive(rest[0].text)]).is_none()
            && (!is_common_word(strip_possessive(rest[0].text)) || taken.iter().any(|m| m.span == rest[0].span))
            && taken.iter().all(|m| {
                !span.contains(m.span) || m.span == rest[0].span || m.span.end() <= tokens[start + of - 1].span.end()
            })
        {
            if taken.iter().any(|m| m.span == rest[0].span) {
                // "Andrew Hall of Miami": the town is the gazetteer's already.
                classify_plain(text, tokens, start, start + of, sentence, out, singles);
                return;
            }
            classify_plain(text, tokens, start, start + of, sentence, out, singles);
            // "Jane Roe of NASA": an acronym names her body, a word her town.
            let (kind, confidence) =
                if rest[0].is_acronym() { (EntityType::Organization, 60) } else { (EntityType::Place, 55) };
            let at = rest[0].span;
            let at = Span::new(at.start(), at.end() - rest[0].possessive_len());
            out.push(mention(at, kind, text[at.range()].to_string(), confidence, sentence));
            return;
        }
    }
    // "Queens College of the City University of New York": a body, then
    // the larger body it belongs to, each with its own head noun.
    if let Some(p) = (1..words.len().saturating_sub(2)).rev().find(|&p| {
        words[p] == "of"
            && words[p + 1] == "the"
            && p >= 2
            && !words[..p].contains(&"of")
            && head_type(&words[..p]) == Some(EntityType::Organization)
            && head_type(&words[p + 2..]) == Some(EntityType::Organization)
            && words[p + 2..].len() >= 2
    }) {
        let left = Span::new(span.start(), tokens[start + p - 1].span.end() - tokens[start + p - 1].possessive_len());
        out.push(mention(left, EntityType::Organization, text[left.range()].to_string(), 80, sentence));
        classify_run(text, tokens, start + p + 2, end, false, sentence, taken, tagged_places, out, singles);
        return;
    }
    // "Pittsburgh-Corning Corp. of Pittsburgh": a company, then its seat.
    if let Some(of) = words.iter().position(|w| *w == "of") {
        let company = of >= 2 && COMPANY_SUFFIXES.contains(&words[of - 1]);
        // The place is the gazetteer's, or the name tagger's ("Vexel Co.
        // of Marlow Springs", where the tagger ends the company at "Co.").
        let after = Span::new(tokens[start + of + 1].span.start(), span.end());
        let place_after = tagged_places.contains(&after)
            || taken.iter().any(|m| {
                m.kind.is_place() && !m.adjectival && m.span.end() == span.end() && after.start() == m.span.start()
            });
        if company && place_after {
            let left = Span::new(span.start(), tokens[start + of - 1].span.end());
            out.push(mention(left, EntityType::Organization, text[left.range()].to_string(), 80, sentence));
            if !taken.iter().any(|m| m.span.overlaps(after)) {
                out.push(mention(after, EntityType::Place, text[after.range()].to_string(), 70, sentence));
            }
            return;
        }
    }
    // "Jane Roe of the Forest Service": a name, then the body she is of.
    if let Some(of) = words.iter().position(|w| *w == "of") {
        if of >= 2
            && head_type(&words[..of]).is_none()
            && head_type(&words[of + 1..]).is_some()
            && words[..of].iter().all(|w| !is_title_word(w))
        {
            let mut of_end = start + of;
            while of_end < end && NAME_CONNECTORS.contains(&tokens[of_end].text) {
                of_end += 1;
            }
            classify_plain(text, tokens, start, start + of, sentence, out, singles);
            classify_run(text, tokens, of_end, end, false, sentence, taken, tagged_places, out, singles);
            return;
        }
    }
    // An organisation's head followed by a person's name: "Soviet Navy Jane Roe".
    if let Some(h) = words.iter().rposition(|w| ORG_HEADS.contains(w)) {
        let rest = &tokens[start + h + 1..end];
        if rest.len() >= 2
            && (h >= 1 || is_first_name(strip_possessive(rest[0].text)))
            && rest.iter().all(|t| {
                looks_like_name_word(t) && head_type(&[t.text]).is_none() && !NAME_CONNECTORS.contains(&t.text)
            })
        {
            classify_run(text, tokens, start, start + h + 1, false, sentence, taken, tagged_places, out, singles);
            classify_plain(text, tokens, start + h + 1, end, sentence, out, singles);
            return;
        }
    }
    if let Some(kind) = head_type(&words) {
        if kind == EntityType::Organization && GOVERNMENT_BODIES.contains(&words[0]) && start > 0 {
            // "Chile's Ministry of Foreign Affairs" is Chile's ministry.
            let owner = tokens[start - 1];
            if owner.possessive_len() > 0 {
                if let Some(country) =
                    taken.iter().find(|m| m.span.start() == owner.span.start() && m.kind == EntityType::Country)
                {
                    let span = Span::new(owner.span.start(), span.end());
                    out.push(mention(span, kind, format!("{} {name}", country.name), 80, sentence));
                    return;
                }
            }
        }
        // "Balkans Conference" is an event, "Tirana" alone stays a place;
        // a head noun alone ("Ministry") is no name.
        if words.len() > 1 || kind == EntityType::Organization && first.is_acronym() || INSTITUTIONS.contains(&words[0])
        {
            out.push(mention(span, kind, name, 80, sentence));
        }
        return;
    }
    if has_and {
        return;
    }
    // Parts of the run that the gazetteer holds are its mentions; what is
    // left around them is classified on its own.
    let inner: Vec<&Mention> = taken.iter().filter(|m| span.contains(m.span)).collect();
    if !inner.is_empty() {
        let mut cursor = start;
        for m in inner {
            let left_end =
                tokens[cursor..end].iter().position(|t| t.span.start() >= m.span.start()).map_or(end, |p| cursor + p);
            if left_end > cursor {
                classify_plain(text, tokens, cursor, left_end, sentence, out, singles);
            }
            cursor =
                tokens[cursor..end].iter().position(|t| t.span.start() >= m.span.end()).map_or(end, |p| cursor + p);
        }
        if cursor < end {
            classify_plain(text, tokens, cursor, end, sentence, out, singles);
        }
        return;
    }
    classify_plain(text, tokens, start, end, sentence, out, singles);
}

/// A town, not a capital nor a city of a million, whose name is a
/// common surname or given name, written with nothing that makes it a place: no
/// preposition of place before it, no region after it, no "-based".
fn surname_town(text: &str, tokens: &[Token<'_>], start: usize, known: &Mention, taken: &[Mention]) -> bool {
    let Some(link) = known.link else { return false };
    let entry = Gazetteer::global().entry(link);
    if entry.kind != GazKind::City
        || entry.capital_of.is_some()
        || entry.population.unwrap_or(0) >= 1_000_000
        || !(is_common_surname(&known.name) || is_first_name(&known.name))
    {
        return false;
    }
    let previous = start.checked_sub(1).map(|p| tokens[p].text);
    let place_before = place_word_before(tokens, start) || previous.is_some_and(|w| w == "and" || w == ",");
    // "Lincoln, Neb.": a region after the comma; "Shakespeare, Tennessee
    // Williams and ..." is a list of people.
    let after = &text[known.span.end()..];
    let place_after = before_known_region(text, known.span, taken) || after.starts_with('-') || after.starts_with("'s");
    !place_before && !place_after
}

/// True when a known state, region or country follows the run after a comma
/// ("Aiken, S.C.", "Azusa, Calif.").
fn before_known_region(text: &str, end: Span, taken: &[Mention]) -> bool {
    let rest = &text[end.end()..];
    let Some(after) = rest.strip_prefix(", ") else { return false };
    let at = end.end() + (rest.len() - after.len());
    // "Jane Roe, Japan's prime minister": an apposition opened by a
    // possessive and headed by a post is a person's ("Java, Indonesia's
    // main island" is a place, "X, Denmark's phone company" a body that
    // `retype_companies` types).
    taken.iter().any(|m| {
        m.span.start() == at
            && m.kind.is_place()
            && !m.adjectival
            && m.span.len() >= 2
            && !(text[m.span.end()..].starts_with(['\'', '’']) && post_after_possessive(&text[m.span.end()..]))
            // "Jane Roe, Georgia born,": where she was born.
            && !text[m.span.end()..].trim_start_matches([' ', '-']).starts_with("born")
    })
}

/// Whether one of the first words after a possessive is a post ("'s prime
/// minister", "'s foreign minister").
fn post_after_possessive(after: &str) -> bool {
    after
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .skip(1)
        .take(4)
        .take_while(|w| w.starts_with(char::is_lowercase))
        .any(|w| TITLE_HEADS.contains(&w))
}

/// A run with no head noun and no gazetteer name: a person, an acronym, or nothing.
fn classify_plain(
    text: &str,
    tokens: &[Token<'_>],
    start: usize,
    end: usize,
    sentence: usize,
    out: &mut Vec<Mention>,
    singles: &mut Vec<Single>,
) {
    let (mut start, mut end) = (start, end);
    let mut past_titles = start;
    while past_titles + 1 < end
        && (NAME_TITLES.contains(&tokens[past_titles].text)
            || is_title_word(tokens[past_titles].text)
            || NAME_CONNECTORS.contains(&tokens[past_titles].text) && !particle_after_title(text, tokens, past_titles)
            || crate::extract::parties::party_of(tokens[past_titles].text).is_some())
    {
        past_titles += 1;
    }
    // Words that only qualify a post, with no post among them, open the
    // name of a body: one that ends in a body's head noun or has its staff
    // named after it ("Federal Reserve officials", "National Savings
    // Department"). A post is cut off ("Federal Judge Jane Roe"), and so
    // are qualifiers before anything else ("Gross National Product" is no
    // body).
    let only_qualifiers = tokens[start..past_titles]
        .iter()
        .all(|t| is_title_word(t.text) && !is_title_head(t.text) && !NAME_TITLES.contains(&t.text));
    let rest: Vec<&str> = tokens[past_titles..end].iter().map(|t| t.text).collect();
    let body_name = needs_its_qualifiers(&rest, tokens.get(end).map(|t| t.text), false);
    if !(only_qualifiers && body_name) {
        start = past_titles;
    }
    while end > start + 1 && NAME_CONNECTORS.contains(&tokens[end - 1].text) {
        end -= 1;
    }
    // "Composer Jane Roe", "Actress Jane Roe" open a sentence: the
    // occupation is capitalised only because it comes first.
    let mut occupation = None;
    if start == 0
        && end - start >= 2
        && is_common_word(tokens[start].text)
        && !is_first_name(tokens[start].text)
        && is_first_name(strip_possessive(tokens[start + 1].text))
    {
        occupation = Some(tokens[start].text.to_lowercase());
        start += 1;
    }
    let first = tokens[start];
    let last = tokens[end - 1];
    let span = Span::new(first.span.start(), last.span.end() - last.possessive_len());
    let name = text[span.range()].to_string();
    let words = &tokens[start..end];
    let count = words.iter().filter(|t| t.is_capitalized()).count();
    let has_connector = words.iter().any(|t| matches!(t.text, "of" | "for" | "and" | "the" | "on" | "&"));
    let title = occupation.or_else(|| title_before(text, tokens, start));
    let cue = context_cue(text, tokens, start, end);

    // "Dayton, Ohio": a town placed in its region; not an acronym after
    // words in lower case ("according to CNN, Turkey has ..."): towns are
    // written in capitals only in a dateline ("RPT - LUDWIGSHAFEN, West
    // Germany").
    let acronym_inside = end - start == 1
        && first.is_acronym()
        && text[tokens[0].span.start()..first.span.start()].chars().any(char::is_lowercase);
    if title.is_none()
        && cue != Cue::Apposition
        && end - start <= 3
        && !acronym_inside
        && before_known_region(text, span, out)
    {
        out.push(mention(span, EntityType::Place, name, 70, sentence));
        return;
    }
    if count == 1 && end - start == 1 {
        // An acronym names a body; codes with digits and labels ("NOTE:") do not.
        let label = text[first.span.end()..].starts_with(':');
        // "<GLXO.L>", "VOWG.F": a stock ticker names a share, not a body.
        let ticker = text[..first.span.start()].ends_with('<')
            || first.text.rsplit_once('.').is_some_and(|(code, market)| {
                code.len() >= 2 && (1..=2).contains(&market.len()) && market.chars().all(|c| c.is_ascii_uppercase())
            });
        if first.is_acronym()
            && !ticker
            && first.text.chars().filter(|c| c.is_alphabetic()).count() <= 6
            && !first.text.chars().any(|c| c.is_ascii_digit())
            && !label
            && !is_common_acronym(strip_possessive(first.text))
            // "THE USA IS GREAT": a function word in capitals.
            && !is_function_word_in_capitals(first.text)
            // "MP", "MEP": a title's acronym.
            && !crate::extract::parties::is_role_word(strip_possessive(first.text))
        {
            out.push(mention(span, EntityType::Organization, name, 55, sentence));
        } else if INSTITUTIONS.contains(&strip_possessive(first.text)) {
            out.push(mention(span, EntityType::Organization, strip_possessive(first.text).to_string(), 65, sentence));
        } else if (start > 0
            || first.possessive_len() == 0
                && !is_common_word(first.text)
                && !crate::extract::lexicon::has_adjective_ending(first.text)
                && !is_common_surname(first.text)
                && !is_first_name(first.text))
            && tokens.get(end).is_some_and(|t| ORG_POSTS.contains(&t.text))
        {
            // "Lloyds chief executive Jane Roe": a body's post after its name
            // (a common word, a person's name or an owner opening a sentence
            // is no body's name: "Roe's spokesman").
            out.push(mention(span, EntityType::Organization, name, 60, sentence));
        } else if start >= 2
            && tokens[start - 1].text == "of"
            && text[..tokens[start - 1].span.start()].trim_end().ends_with(',')
        {
            // "Jane Roe, 50, of Springfield": a home town.
            out.push(mention(span, EntityType::Place, name, 60, sentence));
        } else if title.is_some() && is_title_word(strip_possessive(first.text)) {
            // "Deputy Assistant Secretary": a word of the title, no name.
        } else if title.is_some() || cue == Cue::Apposition {
            let mut m = mention(span, EntityType::Person, name, 75, sentence);
            m.title = title;
            out.push(m);
        } else if strip_possessive(first.text).chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        {
            let previous = start.checked_sub(1).map(|p| tokens[p].text);
            // "Zagreb, Tirana, and Prishtina": a list goes on with its kind.
            let before = text[..first.span.start()].trim_end();
            let list_end = before.strip_suffix("and").unwrap_or(before).trim_end();
            let list_end = list_end.strip_suffix(',').unwrap_or(list_end).trim_end();
            let after_place = before.ends_with("and")
                && out.iter().any(|m| m.kind.is_place() && !m.adjectival && m.span.end() == list_end.len());
            // "British Biotech said": a word after a people's adjective is a
            // body's or a thing's name more often than a surname.
            let after_demonym = previous.is_some_and(is_demonym);
            let hint = if place_word_before(tokens, start) || after_place {
                SingleHint::Place
            } else if start >= 2
                && tokens[start - 1].text == "The"
                && only_space_between(text, tokens[start - 1], first)
                // Not inside a quote ("in \"The Mausoleum,\"", a title).
                && (tokens[start - 2].text == ","
                    || tokens[start - 2].text.starts_with(char::is_lowercase)
                        && only_space_between(text, tokens[start - 2], tokens[start - 1]))
            {
                SingleHint::TitledThe
            } else if start > 0
                && only_space_between(text, tokens[start - 1], first)
                && previous.is_some_and(|w| ORG_NOUNS.contains(&w) || NAMED_BODY_KINDS.contains(&w))
            {
                SingleHint::Body
            } else if after_demonym {
                SingleHint::None
            } else if cue == Cue::Speech
                || text[span.end()..].starts_with(", who ")
                || tokens.get(end).is_some_and(|t| is_kill_verb(t.text))
                || previous.is_some_and(|w| {
                    is_kill_verb(w) || w == "by" && tokens[..start].iter().any(|t| is_kill_verb(t.text))
                })
            {
                SingleHint::Person
            } else {
                SingleHint::None
            };
            let after_article = previous.is_some_and(|w| matches!(w, "the" | "The" | "a" | "an" | "its" | "their"));
            singles.push(Single {
                span,
                word: name,
                sentence,
                hint,
                sentence_start: start == 0,
                after_article,
                tagged: None,
            });
        }
        return;
    }
    // "AB Leo", "Oy Nokia": a legal form written in capitals before the
    // name, as Swedish and Finnish companies put it.
    if end - start >= 2
        && first.text.chars().filter(char::is_ascii_uppercase).count() >= 2
        && !first.text.chars().any(char::is_lowercase)
        && COMPANY_SUFFIXES.contains(&first.text)
    {
        out.push(mention(span, EntityType::Organization, name, 70, sentence));
        return;
    }
    // "Boeing Commercial Airplanes spokesman", "International Paper's
    // chairman": a body's post after a name that is no person's.
    let post_after = tokens.get(end).is_some_and(|t| ORG_POSTS.contains(&t.text));
    if post_after
        && title.is_none()
        && count <= 4
        && !is_first_name(strip_possessive(first.text))
        && !words.iter().any(|t| t.text.len() <= 3 && t.text.ends_with('.'))
        && words.iter().any(|t| is_common_word(strip_possessive(t.text)) || t.is_acronym())
    {
        out.push(mention(span, EntityType::Organization, name, 60, sentence));
        return;
    }
    if has_connector || count > 4 || !words.iter().all(|t| looks_like_name_word(t)) {
        return;
    }
    let confidence = if title.is_some() {
        90
    } else {
        match cue {
            Cue::Apposition => 85,
            Cue::Speech => 80,
            // At the start of a sentence capitals say less: a name there
            // must be followed by a verb-like lower-case word.
            Cue::None if start == 0 => {
                // "Evaluating Jane Roe": a gerund opens the sentence, not a name.
                if tokens.get(end).is_some_and(|t| t.is_capitalized())
                    || end >= tokens.len()
                    || first.text.ends_with("ing")
                {
                    return;
                }
                55
            }
            Cue::None => 60,
        }
    };
    if confidence <= 60 && words.iter().any(|t| common_noun_shape(strip_possessive(t.text))) {
        return;
    }
    // With nothing around it to say so, a run is a person's name when it
    // starts with a given name or an initial, or when none of its words is
    // an English word ("Becton Dickinson" and "Rolling Fork" are not names
    // of people; "Wang Ziqiang" is).
    // "Born Aug. 6": a month's abbreviation is no initial.
    let initial = |t: &Token<'_>| t.text.len() <= 4 && t.text.ends_with('.') && !crate::text::date::is_month(t.text);
    if confidence <= 60
        && !is_first_name(strip_possessive(first.text))
        && !words.iter().any(initial)
        && words.iter().any(|t| is_common_word(strip_possessive(t.text)))
    {
        return;
    }
    let mut m = mention(span, EntityType::Person, name, confidence, sentence);
    m.title = title;
    out.push(m);
}

/// Endings of English common nouns and adjectives that names rarely have
/// ("International Studies", "Strong Teams", "Authentic Mindset").
fn common_noun_shape(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower.len() > 4 && COMMON_NOUN_ENDINGS.words().iter().any(|e| lower.ends_with(e))
}

fn looks_like_name_word(token: &Token<'_>) -> bool {
    let word = strip_possessive(token.text);
    if token.is_acronym() && word.len() > 2 {
        return false;
    }
    token.is_capitalized() && word.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        || NAME_CONNECTORS.contains(&word) && word.chars().all(char::is_lowercase)
}

/// Acronyms of common things, not of bodies (`common_acronyms.txt`).
static COMMON_ACRONYMS: WordList = WordList::new(include_str!("../../data/lexicon/common_acronyms.txt"));

/// A function word written in capitals ("THE", "IS").
fn is_function_word_in_capitals(word: &str) -> bool {
    let mut chars = word.chars();
    let title: String = chars.next().into_iter().chain(chars.flat_map(char::to_lowercase)).collect();
    FUNCTION_WORDS.contains(&title.as_str())
}

/// Acronyms that are not organisations.
fn is_common_acronym(word: &str) -> bool {
    COMMON_ACRONYMS.contains(&word)
}

/// Context that tells a run is a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// ", a researcher at" after, or "leader ," before.
    Apposition,
    /// "said" after, or "said" before.
    Speech,
    None,
}

fn context_cue(text: &str, tokens: &[Token<'_>], start: usize, end: usize) -> Cue {
    // ", (a|an|the)? ... <title head>" within a few words after the name.
    if end < tokens.len() && text[tokens[end - 1].span.end()..tokens[end].span.start()].trim() == "," {
        let after = &tokens[end..tokens.len().min(end + 6)];
        let mut k = 0;
        if after.first().is_some_and(|t| matches!(t.text, "a" | "an" | "the" | "who" | "former")) {
            k = 1;
        }
        // An age ("Jane Roe, 50, of ...") marks a person too.
        if after.first().is_some_and(|t| {
            t.text.chars().all(|c| c.is_ascii_digit()) && t.text.len() <= 3 && text[t.span.end()..].starts_with(',')
        }) {
            return Cue::Apposition;
        }
        for token in &after[k.min(after.len())..] {
            if token.text == "of" || token.text == "at" || token.text == "for" {
                break;
            }
            if crate::extract::lexicon::TITLE_HEADS.contains(&token.text.to_lowercase().as_str()) {
                return Cue::Apposition;
            }
        }
    }
    let next_word = tokens.get(end).map(|t| t.text);
    let prev_word = start.checked_sub(1).map(|p| tokens[p].text);
    if next_word.is_some_and(|w| SPEECH_VERBS.contains(&w))
        || prev_word.is_some_and(|w| matches!(w, "said" | "says" | "according"))
    {
        return Cue::Speech;
    }
    Cue::None
}

/// The title phrase written right before a name ("Defense Minister", "Dr.",
/// "leader", "minister,"), if any.
fn title_before(text: &str, tokens: &[Token<'_>], start: usize) -> Option<String> {
    let mut first = start;
    let mut k = start;
    while k > 0 {
        let prev = tokens[k - 1];
        let gap = &text[prev.span.end()..tokens[k].span.start()];
        let apposition = k == start && gap.trim() == ",";
        if !(gap.trim().is_empty() || apposition) {
            break;
        }
        let bare = prev.text.trim_end_matches('.');
        if NAME_TITLES.contains(&prev.text)
            || NAME_TITLES.contains(&bare)
            || is_title_word(prev.text)
            || (prev.text == "of" && first < start)
        {
            first = k - 1;
            k -= 1;
        } else {
            break;
        }
    }
    while first < start && tokens[first].text == "of" {
        first += 1;
    }
    // "chief executive of British Biotech": a people's adjective after
    // "of" opens the body's name the post is of, not a person's.
    if start >= 2 && tokens[start - 2].text == "of" && is_demonym(tokens[start - 1].text) {
        return None;
    }
    // Only a phrase with a post in it is a title ("Economic" alone is not).
    let has_post = tokens[first..start].iter().any(|t| {
        let bare = t.text.trim_end_matches('.');
        crate::extract::lexicon::TITLE_HEADS.contains(&t.text.to_lowercase().as_str())
            || (NAME_TITLES.contains(&t.text) || NAME_TITLES.contains(&bare))
                && !crate::extract::lexicon::TITLE_MODIFIERS.contains(&t.text.to_lowercase().as_str())
    });
    (first < start && has_post).then(|| text[tokens[first].span.start()..tokens[start - 1].span.end()].to_string())
}

/// A name typed a person (or a place no gazetteer knows) that is a
/// company's: it opens with a word of a
/// company's name in another language ("Deutsche Telekom said"), or an
/// apposition calls it a kind of organisation ("X, Germany's phone
/// company,"). The name tagger and the shape of two capitalised words
/// both take such names for people.
pub fn retype_companies(text: &str, found: &mut [Mention]) {
    // A place no gazetteer knows is typed by the words around it ("X,
    // Germany's" reads as a town and its country) and is open to the same.
    let open = |m: &Mention| {
        m.kind == EntityType::Person && m.title.is_none() || m.kind == EntityType::Place && m.link.is_none()
    };
    for m in found.iter_mut().filter(|m| open(m)) {
        let first = m.name.split_whitespace().next().unwrap_or_default();
        let opener = m.name.contains(' ') && COMPANY_OPENERS.contains(&first);
        let called_a_body = text.get(m.span.end()..).is_some_and(|after| ORG_APPOSITION.is_match(after));
        if opener || called_a_body {
            m.kind = EntityType::Organization;
        }
    }
}

/// ", Germany's phone company,", ", a Chilean copper company.": an
/// apposition whose head is a kind of organisation (`org_nouns.txt`). A
/// line may break after the possessive or a word in lower case, not after
/// a capitalised word ("a Saddlebrook, N.J.\ncarpet maker" is the carpet
/// maker's town).
static ORG_APPOSITION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let kinds = crate::extract::lexicon::alternation(ORG_NOUNS.words().iter().copied());
    crate::extract::pattern::compile(&format!(
        r"^, (?:(?:a|an|the)\s)?(?:[A-Z][\w.-]*(?: |(?:'s|’s)\s)){{1,2}}(?:[a-z-]+\s){{0,3}}(?:{kinds})(?:[,.;]|$|\s(?:which|that|and|based)\s)"
    ))
    .expect("valid apposition pattern")
});

/// "Senators Jane Roe and John Doe", "Representatives A, B, and C": a
/// plural title right before a list of people is each one's title (in the
/// singular), as "Senator Jane Roe" is hers.
pub fn distribute_plural_titles(text: &str, found: &mut [Mention]) {
    let mut people: Vec<usize> = (0..found.len()).filter(|&i| found[i].kind == EntityType::Person).collect();
    people.sort_by_key(|&i| found[i].span.start());
    let mut title: Option<String> = None;
    let mut previous_end: Option<usize> = None;
    for i in people {
        let span = found[i].span;
        let in_list = previous_end
            .and_then(|end| text.get(end..span.start()))
            .is_some_and(|between| matches!(between.trim(), "," | "and" | ", and"));
        if !in_list {
            let before = text[..span.start()].trim_end_matches([' ', '\t']);
            let word = before.rsplit(char::is_whitespace).next().unwrap_or_default();
            title = word.strip_suffix('s').filter(|one| NAME_TITLES.contains(one)).map(str::to_string);
        }
        if let Some(title) = &title {
            found[i].title.get_or_insert_with(|| title.clone());
        }
        previous_end = Some(span.end());
    }
}

/// Legal forms that "and" joins to a firm's name as "&" does ("Smith and Co").
static AND_LEGAL_FORMS: WordList = WordList::new(include_str!("../../data/lexicon/and_legal_forms.txt"));

/// Finds firms named by capitalised names joined with an ampersand:
/// "Coopers & Lybrand", "Ernst & Young", "United News & Media", a law
/// firm's partners "Winthrop, Stimson, Putnam & Roberts", with a company
/// suffix after ("Smith & Co"), or "and" before a legal form ("James Capel
/// and Co"). The whole is one organisation; its parts
/// are no people or places. Two states joined ("Trinidad & Tobago") are
/// left to the gazetteer.
pub fn find_ampersand_firms(text: &str, layer: &SentenceLayer, index: usize, out: &mut Vec<Mention>) {
    let tokens = words(text, layer);
    let gazetteer = Gazetteer::global();
    let name_word = |t: &Token<'_>| plain_name_word(t, false, &['-', '.']);
    let is_state = |part: &[Token<'_>]| {
        let (Some(first), Some(last)) = (part.first(), part.last()) else { return false };
        gazetteer
            .lookup(&text[first.span.start()..last.span.end()])
            .iter()
            .any(|&id| matches!(gazetteer.entry(id).kind, GazKind::Country | GazKind::Region))
    };
    for (i, amp) in tokens.iter().enumerate() {
        // "James Capel and Co": "and" before a company's legal form joins
        // as "&" does.
        let and_co = amp.text == "and" && tokens.get(i + 1).is_some_and(|t| AND_LEGAL_FORMS.contains(&t.text));
        if amp.text != "&" && !and_co || i == 0 || i + 1 >= tokens.len() {
            continue;
        }
        let joined = name_word(&tokens[i - 1])
            && name_word(&tokens[i + 1])
            && only_space_between(text, tokens[i - 1], *amp)
            && only_space_between(text, *amp, tokens[i + 1]);
        if !joined {
            continue;
        }
        // Left: the capitalised words before, and single names listed
        // with commas before them ("Winthrop, Stimson, Putnam").
        let mut start = i - 1;
        while start > 0 && name_word(&tokens[start - 1]) && only_space_between(text, tokens[start - 1], tokens[start]) {
            start -= 1;
        }
        let single = start == i - 1;
        let comma_between = |a: &Token<'_>, b: &Token<'_>| text[a.span.end()..b.span.start()] == *", ";
        while single
            && start >= 1
            && name_word(&tokens[start - 1])
            && comma_between(&tokens[start - 1], &tokens[start])
            && (start < 2
                || !name_word(&tokens[start - 2])
                || !only_space_between(text, tokens[start - 2], tokens[start - 1]))
        {
            start -= 1;
        }
        let mut end = i + 2;
        while end < tokens.len()
            && (name_word(&tokens[end]) || COMPANY_SUFFIXES.contains(&tokens[end].text))
            && !tokens[end].text.ends_with("-based")
            && only_space_between(text, tokens[end - 1], tokens[end])
        {
            end += 1;
        }
        if is_state(&tokens[start..i]) || is_state(&tokens[i + 1..end]) {
            continue;
        }
        // A title, a function word or a common noun opening the sentence
        // ("Auditors X & Y") is no partner.
        while start < i - 1
            && (NAME_TITLES.contains(&tokens[start].text)
                || FUNCTION_WORDS.contains(&tokens[start].text.to_lowercase().as_str())
                || start == 0 && is_common_word(&tokens[start].text.to_lowercase()))
        {
            start += 1;
        }
        let span = Span::new(tokens[start].span.start(), tokens[end - 1].span.end());
        out.push(mention(span, EntityType::Organization, text[span.range()].to_string(), 80, index));
    }
}

/// Finds companies named by capitalised words and a legal form after them
/// (`company_suffixes.txt`), with more confidence than a speech verb gives a
/// person ("Varda Co said"): "Boeing Co", "Harding Corp", "Bandai Co Ltd",
/// "Central Bank and Trust Co". A state after "of" is left out: it is as
/// often where the company is from ("Mitsubishi Corp of Japan") as part
/// of its name ("Aluminum Co of America"). The suffix makes the words a company's
/// name whatever their shape or tag ("Boeing" reads as a gerund, "Rolling"
/// as a verb). Up to four words before the suffix, crossing "and" before a
/// head noun of a body ("and Trust"); not "Tokyo-based" or a function
/// word (a title may open a company's name: "Executive Life Insurance
/// Co"); a place's name alone before the suffix is left to the other
/// finders.
pub fn find_suffixed_firms(text: &str, layer: &SentenceLayer, index: usize, out: &mut Vec<Mention>) {
    let tokens = words(text, layer);
    let gazetteer = Gazetteer::global();
    let suffix = |t: &Token<'_>| COMPANY_SUFFIXES.contains(&t.text);
    let name_word = |t: &Token<'_>| {
        plain_name_word(t, true, &['-', '.', '\''])
            && !suffix(t)
            && !t.text.ends_with("-based")
            && !is_function_word(t.text)
    };
    let mut i = 1;
    while i < tokens.len() {
        if !suffix(&tokens[i]) || !name_word(&tokens[i - 1]) || !only_space_between(text, tokens[i - 1], tokens[i]) {
            i += 1;
            continue;
        }
        // The legal forms after the name: "Co Ltd".
        let mut end = i + 1;
        while end < tokens.len() && suffix(&tokens[end]) && only_space_between(text, tokens[end - 1], tokens[end]) {
            end += 1;
        }
        let mut start = i - 1;
        let mut words = 1;
        while start > 0 && words < 4 {
            let before = &tokens[start - 1];
            if name_word(before) && only_space_between(text, *before, tokens[start]) {
                start -= 1;
                words += 1;
            } else if before.text == "and"
                && start >= 2
                && ORG_HEADS.contains(&tokens[start].text)
                && name_word(&tokens[start - 2])
                && only_space_between(text, tokens[start - 2], *before)
                && only_space_between(text, *before, tokens[start])
            {
                start -= 2;
                words += 1;
            } else {
                break;
            }
        }
        let words_span = Span::new(tokens[start].span.start(), tokens[i - 1].span.end());
        let place_alone = words == 1 && !gazetteer.lookup(&text[words_span.range()]).is_empty();
        if !place_alone {
            let span = Span::new(tokens[start].span.start(), tokens[end - 1].span.end());
            out.push(mention(span, EntityType::Organization, text[span.range()].to_string(), 85, index));
        }
        i = end;
    }
}

/// Finds bodies named in French, Spanish, Portuguese or Italian after a
/// state: "Gaz de France", "Petroleos de Venezuela", "Banco de Mexico",
/// "Electricite de France" (the gazetteer alone reads only the state). One
/// to three capitalised words, a particle ("de", "del", "du", "des", "do",
/// "da", "di"), then a state's name; not a title, nor a name the gazetteer
/// knows whole ("Rio de Janeiro").
pub fn find_bodies_of_states(text: &str, layer: &SentenceLayer, index: usize, out: &mut Vec<Mention>) {
    let tokens = words(text, layer);
    let gazetteer = Gazetteer::global();
    let name_word = |t: &Token<'_>| {
        plain_name_word(t, false, &['-'])
            && !is_function_word(t.text)
            && !is_title_word(t.text)
            && !NAME_TITLES.contains(&t.text)
    };
    for (i, particle) in tokens.iter().enumerate() {
        if i == 0 || !matches!(particle.text, "de" | "del" | "du" | "des" | "do" | "da" | "di") {
            continue;
        }
        if !name_word(&tokens[i - 1]) || !only_space_between(text, tokens[i - 1], *particle) {
            continue;
        }
        // The state: the longest run of up to three words after the
        // particle that the gazetteer knows as a country.
        let Some(end) = (i + 2..=(i + 4).min(tokens.len())).rev().find(|&k| {
            (i + 1..k).all(|j| only_space_between(text, tokens[j - 1], tokens[j]))
                && gazetteer
                    .lookup(&text[tokens[i + 1].span.start()..tokens[k - 1].span.end()])
                    .iter()
                    .any(|&id| gazetteer.entry(id).kind == GazKind::Country)
        }) else {
            continue;
        };
        let mut start = i - 1;
        while start > 0
            && i - start < 3
            && name_word(&tokens[start - 1])
            && only_space_between(text, tokens[start - 1], tokens[start])
        {
            start -= 1;
        }
        let last = tokens[end - 1];
        let span = Span::new(tokens[start].span.start(), last.span.end() - last.possessive_len());
        if !gazetteer.lookup(&text[span.range()]).is_empty() {
            continue;
        }
        out.push(mention(span, EntityType::Organization, text[span.range()].to_string(), 85, index));
    }
}

/// A capitalised word with no possessive, made of letters (or digits) and
/// the given marks: a word of a company's name.
fn plain_name_word(t: &Token<'_>, digits: bool, marks: &[char]) -> bool {
    t.is_capitalized()
        && t.possessive_len() == 0
        && t.text.chars().all(|c| c.is_alphabetic() || digits && c.is_numeric() || marks.contains(&c))
}

fn mention(span: Span, kind: EntityType, name: String, confidence: u8, sentence: usize) -> Mention {
    // A name the text wrapped over two lines is still one line of name.
    let name =
        if name.contains(char::is_whitespace) { name.split_whitespace().collect::<Vec<_>>().join(" ") } else { name };
    Mention::new(span, kind, name, NAME, confidence, sentence)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, EntityType)> {
        let mut out = Vec::new();
        let mut singles = Vec::new();
        let layer = SentenceLayer::analyse(text, Span::new(0, text.len()));
        find(text, Span::new(0, text.len()), &layer, 0, &[], &mut out, &mut singles);
        out.into_iter().map(|m| (m.name, m.kind)).collect()
    }

    #[test]
    fn head_nouns_type_organisations_and_events() {
        assert_eq!(
            names("He spoke at the Lisbon Institute for Maritime Studies on Monday."),
            [("Lisbon Institute for Maritime Studies".to_string(), EntityType::Organization)]
        );
        assert_eq!(
            names("Delegates met at the Nordic Energy Summit."),
            [("Nordic Energy Summit".to_string(), EntityType::Event)]
        );
        assert_eq!(
            names("The Ministry of Trade and Industry said so."),
            [("Ministry of Trade and Industry".to_string(), EntityType::Organization)]
        );
    }

    #[test]
    fn titles_and_appositions_make_people() {
        let found = names("Finance Minister Jane Roe met John Smith, a lawyer at the firm.");
        assert!(found.contains(&("Jane Roe".to_string(), EntityType::Person)));
        assert!(found.contains(&("John Smith".to_string(), EntityType::Person)));
    }

    #[test]
    fn stays_silent_on_sentence_openers_and_lone_words() {
        assert!(names("The plan failed. Meanwhile nothing changed.").is_empty());
        assert!(names("Security analysts disagree.").is_empty());
    }

    #[test]
    fn and_separates_names_outside_organisations() {
        let found = names("Talks between Jane Roe and John Smith, a diplomat, went on.");
        assert!(found.contains(&("John Smith".to_string(), EntityType::Person)));
        assert!(!found.iter().any(|(n, _)| n.contains(" and ")));
    }

    #[test]
    fn words_around_a_name_give_its_type() {
        let found = names("The diver Brian Holt of Millinocket said the Energy Department and Congress knew.");
        assert!(found.contains(&("Brian Holt".to_string(), EntityType::Person)), "{found:?}");
        assert!(found.contains(&("Millinocket".to_string(), EntityType::Place)));
        assert!(found.contains(&("Energy Department".to_string(), EntityType::Organization)));
        assert!(found.contains(&("Congress".to_string(), EntityType::Organization)));
        // Two English words are no person's name without a title or a cue.
        assert!(names("The flood reached Rolling Fork yesterday.").is_empty());
        // A given name makes one, even before a town's name.
        assert!(names("He met Abraham Lincoln there.").contains(&("Abraham Lincoln".to_string(), EntityType::Person)));
    }
}
