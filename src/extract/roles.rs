//! # Roles: who holds which post where
//!
//! ## What it extracts
//! `ministerOf`, `headOf` and `worksFor` from a title phrase that links a
//! person to a country or organisation, in the orders news writes them:
//! "Croatian Defense Minister X", "Serbia's President X", "the Minister of
//! Defense of Albania, X", "Deputy Secretary General of NATO, X", "X, head of
//! the Y Institute", "X, a security expert at the Y Center", "X, Y's
//! ambassador", "Y's new ambassador to Z, X", "X serves as Y's minister of
//! agriculture", "Y spokesman X", "X, 53, a former Y law professor", "X, a
//! professor of history at Y", a second post after "and" ("director of Y
//! and a member of Z"), a doer's noun after a body ("the Y placekicker
//! X"), two posts joined by "and" ("Y chairman and chief executive X", the
//! higher of the two counting), a unit of the body ("X, of the general
//! secretariat of the Y"; "X, Z's negotiator and director of the trade
//! department of the Y ministry"), an "honorary" or "emeritus" post (no
//! head), verbs of work ("X taught at Y and Z", "X, who leads the small Y
//! Party", "X has led the Y since 2011", "X, at the helm of the Y") and of
//! taking a post ("X was sworn in as Y's governor", "X was
//! appointed president of the Y", "the Y named X its new chairman", "X
//! joined the Y as an analyst"). The title as written is kept on the fact.
//! Which relation follows from the title's words
//! (`lexicon::title_relation`): ministers hold ministries (a deputy prime
//! minister too), presidents and chairs lead, deputies, experts and heads of
//! a unit work for; the head of a well-known body "in" a place away from
//! its home ("head of the World Bank in Jakarta") leads an office of it and
//! works for it. What a body is may stand before its name ("president of
//! Internet provider Y", "a partner in Detroit law firm Y"). Words of a
//! clause between a body and a post ("the Y quit
//! after Deputy Prime Minister X") join nothing. A state,
//! demonym before the post ("Chilean President X"), or a place before the
//! post of one who governs or represents it ("Illinois Gov. X"; not a
//! county judge's), also gives `livesIn`. A post outside the state's
//! government ("the Australian opposition leader X",
//! `outside_government_modifiers.txt`) is no post of the state, nor is a
//! private trade ("a Hong Kong executive", `private_titles.txt`), though a
//! chief executive of a state leads it. A national post written with no state ("Foreign
//! Minister X said") is the dateline country's, when the text names it
//! ([`home_country_posts`]), unless the PETRARCH2 country actors place X in
//! another state's politics (`state_people.tsv`): then that state's, if the
//! text names it, else none. A legislator's bare title ("Senator X",
//! "Labour MP X") gives `worksFor` the one chamber of that kind the
//! document names ([`legislature_posts`], `legislator_titles.tsv`); a
//! member of a chamber works for it ("Member of Parliament (MP) X"), a
//! member of a party or a committee belongs to it. An
//! aide works for what the leader heads ("X's spokeswoman, Y", "Y, a
//! spokesman for President X": [`aide_posts`], `aide_titles.txt`). The
//! agent of a passive verb of leading heads its subject ("the court is led
//! by President X", "the committee, headed by X, met"; `led_by_verbs.txt`).
//! A title owned by "its" or "the company's" is held in the body the title
//! is joined to ("TWA and its chairman, X") or the body that opens the
//! sentence and speaks ("Y said its chief executive, X, ..."):
//! [`owned_posts`].
//!
//! ## Example
//! "Jane Roe, a senior researcher at the Lisbon Institute for Maritime Studies, said..."
//!
//! ## Produces
//! `Jane Roe worksFor Lisbon Institute for Maritime Studies` (title "senior researcher").
//!
//! ## Known misses
//! Titles separated from the name by a clause; roles in lists ("the
//! ministers of A and B, X and Y"); a capitalised word opening the sentence
//! stays in a body's name ("Retired National Football League placekicker
//! X" gives the body as "Retired National Football League").

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::extract::lexicon::{
    alternation, is_body_noun, is_party_name, portfolio_follows, title_relation, MEMBER_BODIES, ORG_NOUNS,
    SPEECH_VERBS, SUBORDINATE_TITLES, TITLE_HEADS, TITLE_MODIFIERS,
};
use crate::extract::mention::Mention;
use crate::extract::model::{DocEntity, EntityType, Evidence, Fact, Modality, Object, Relation};
use crate::extract::pattern::{code, entity};
use crate::extract::view::SentenceView;
use crate::extract::{DocContext, DocMentions, Findings, Found, RelationExtractor};
use crate::gazetteer::{GazKind, Gazetteer};
use crate::span::Span;
use crate::text::wordlist::{tsv_rows, WordList};

/// The role extractor.
#[derive(Debug)]
pub struct Roles;

/// Extractor name, as recorded in evidence.
pub const NAME: &str = "roles";

/// A post: modifiers, a head word, an "of" phrase of title words (two
/// portfolios joined by "and": "Minister of Trade and Industry") or a
/// "for" phrase of its portfolio ("ambassador for disarmament"), and a
/// second post after "and" ("chairman and chief executive"). The body
/// before them holds the first; in "Y Party leader and Prime Minister X"
/// the second is the state's, which [`home_country_posts`] reads (a post in
/// a party does not stop it).
fn title_pattern() -> String {
    let escape = |list: &[&str]| list.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|");
    let heads = escape(TITLE_HEADS.words());
    let words = format!("{}|{heads}", escape(TITLE_MODIFIERS.words()));
    // A portfolio's own capitalised words ("of Mines and Energy", "of
    // Foreign Trade and Economic Cooperation").
    let portfolio = r"(?-i:[A-Z][a-z]+)";
    // A minister's capitalised field before the title ("Oil Minister",
    // "Petroleum Minister"), which no word list can hold in full.
    format!(
        r"(?P<title>(?i:(?:(?:{words})[ -]){{0,4}}(?:{heads})(?: of (?:the )?(?:{words})(?: (?:{words}|{portfolio})){{0,2}}(?: (?:and|&) (?:{words}|{portfolio})(?: (?:{words}|{portfolio})){{0,2}})?| for (?:the )?(?:{words}|{portfolio}|[a-z]{{4,}})(?: (?:{words}|{portfolio})){{0,2}})?(?: and (?:(?:{words})[ -]){{0,4}}(?:{heads}))?))"
    )
}

/// A person placed at a body without a title: "Jane Roe at the Institute
/// of Mechanics", "Jane Roe of the Forest Service", "Jane Roe, of the
/// general secretariat of the Y", "Jane Roe of the victims' group Y" (a
/// noun of `org_nouns.txt` before the name), "Jane Roe of the army's Y",
/// "the Bank of France's Jane Roe".
static AFFILIATION: LazyLock<Regex> = LazyLock::new(|| {
    let kinds = alternation(ORG_NOUNS.words().iter().copied());
    crate::extract::pattern::compile(&format!(r"(?P<person>«P\d+»),? (?:\d{{1,3}}, )?(?:(?:at|of|with|from) (?:the |The )?(?:[a-z]+(?:'s|’s) )?(?:(?:a |an )?(?:[a-z'’-]+ ){{0,3}}(?:{kinds}) )?|of the [a-z]+(?: [a-z]+){{0,2}} of (?:the )?)(?P<org>«O\d+»)|(?P<owner>«O\d+»)(?:'s|’s|') (?P<owned>«P\d+»)"))
        .expect("valid affiliation pattern")
});

/// Verbs by which a person takes a post ("was sworn in as", "was named",
/// "became"); a nominee holds nothing yet.
const TAKES_POST: &str = r"(?:sworn in|appointed|named|elected|installed|chosen|became|becomes|become|took office)";

/// What may follow a whole post held at the body named before it:
/// punctuation or a word that opens no more of the title ("named X chief
/// financial officer" is no "chief"; "named X chairman of Z" is Z's post).
const POST_ENDS: &str =
    r"(?P<tail>[,.;:)]|$| (?:since|and|effective|replacing|succeeding|after|last|this|next|on|in)\b)";

/// The title from `start` when the one that ends at `end` goes on, after
/// one or two lower-case words, to another title head ("chief financial
/// officer", "chief operating officer"); `None` when it does not.
fn title_going_on(text: &str, start: usize, end: usize) -> Option<&str> {
    let rest = text.get(end..)?;
    let mut at = 0;
    for (k, word) in rest.split(' ').skip(1).take(3).enumerate() {
        at += word.len() + 1;
        let bare = word.trim_end_matches([',', '.', ';', ':']);
        if !bare.chars().all(|c| c.is_ascii_lowercase()) || bare.is_empty() {
            return None;
        }
        if k > 0 && TITLE_HEADS.contains(&bare) {
            let stop = end + at - (word.len() - bare.len());
            return text.get(start..stop);
        }
    }
    None
}

/// Title words of a state's own posts, which news writes without the state
/// ("Foreign Minister Jane Roe"), longest first.
static STATE_POST_TITLES: WordList = WordList::new(include_str!("../../data/lexicon/state_post_titles.txt"));
/// Titles of work outside a state's service ("reporter", "economist").
pub(crate) static PRIVATE_TITLES: WordList = WordList::new(include_str!("../../data/lexicon/private_titles.txt"));
/// Titles that lead a town or a province, not a state (`local_head_titles.txt`).
pub(crate) static LOCAL_HEAD_TITLES: WordList = WordList::new(include_str!("../../data/lexicon/local_head_titles.txt"));

/// Words that describe a body between "of the" and its name: "the
/// opposition Y", "the ruling Y", "the pro-China, pro-business Y", "the
/// banned Y" (a closed list, and adjectives by their endings).
const BODY_MODIFIERS: &str = r"(?:(?:opposition|ruling|governing|main|rival|breakaway|(?:pro|anti)-(?:«[CDL]\d+»|[a-z]+)|[a-z]+(?:al|ic|ive|ist|ian|ary|ed)),? ){1,3}";

/// A party-state designation after a legislator's name, its letter the
/// party's label ("X, D-Ariz., chairman of the Y": [`crate::extract::parties`]).
const DESIGNATION: &str = r"«G\d+»-[A-Za-z.]+, ";

/// Honorifics and ranks between a post and a name ("Queensland premier Sir
/// X", "Navy Commander Admiral X").
static HONORIFICS: WordList = WordList::new(include_str!("../../data/lexicon/honorifics.txt"));

/// Nouns of a body's parts (`sub_body_nouns.txt`: "the Senate panel").
static SUB_BODY_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/sub_body_nouns.txt"));

/// Nouns for what a body is, besides `org_nouns.txt`, that may stand
/// before its name after a post ("president of Internet provider Y").
static BODY_KIND_NOUNS: WordList = WordList::new(include_str!("../../data/lexicon/body_kind_nouns.txt"));

/// Ranks of armed, police and fire services ("Coast Guard Lt. X").
static SERVICE_RANKS: WordList = WordList::new(include_str!("../../data/lexicon/service_ranks.txt"));

static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let title = title_pattern();
    let honorific = format!("(?:{})", alternation(HONORIFICS.words().iter().copied()));
    // "director of the Hong Kong office of Y": an office of the body.
    let offices = alternation(crate::extract::names::OFFICE_NOUNS.words().iter().copied());
    // "president of Internet provider Y", "a partner in Detroit law firm Y":
    // what the body is, before its name.
    let kinds = alternation(ORG_NOUNS.words().iter().copied().chain(BODY_KIND_NOUNS.words().iter().copied()));
    // "X was sworn in as", "X, who was formally appointed": a person taking a
    // post; a time or place may come before "as" ("sworn in at noon as").
    let takes_post = format!(
        r"(?P<person>«P\d+»),? (?:who )?(?:(?:was|has been|had been|is|will be) )?(?:(?:formally|officially|unanimously|later|then|also) )?{TAKES_POST} (?:(?:(?:on|at|in|during|before) (?:[^«,;]|«[TL]\d+»){{1,40}}? )?as )?(?:the )?(?:new )?"
    );
    [
        // Croatian Defense Minister X; Serbia's President X; NATO Secretary General X; the Croatian minister, X;
        // the Peruvian ambassador to Chile X (posted to Chile, employed by Peru);
        // Peru's new ambassador to Chile, X
        // Organisation of Islamic Cooperation (OIC) head X
        format!(r"(?P<org>«[CODL]\d+»)(?:'s|’s)?(?: \((?:[^()«»]|«O\d+»){{1,60}}\))? (?:(?:new|newly appointed|incoming) )?{title}(?: to (?:the )?«[COL]\d+»)?,? (?:{honorific} )?(?P<person>«P\d+»)"),
        // the UN financial spokesman X; the CHP (Republican People's Party) leader X
        format!(r"(?P<org>«O\d+»)(?:'s|’s)?(?: \((?:[^()«»]|«O\d+»){{1,60}}\))? (?:[a-z]+ ){{1,2}}?{title},? (?:(?:[a-z]+|{honorific}) )?(?P<person>«P\d+»)"),
        // Minister of Defense of Albania, X; Deputy Secretary General of NATO, X;
        // Member of Parliament (MP) X ("ambassador to X": X is where the post
        // is, not who holds it)
        format!(r"{title} (?:of|at|for|in) (?:the )?(?:«[CL]\d+»(?:'s|’s) )?(?:{BODY_MODIFIERS})?(?P<org>«[COL]\d+»)(?: \((?:«O\d+»|[A-Z]{{2,5}})\))?,? (?:{honorific} )?(?P<person>«P\d+»)"),
        // X, head of the Y; X, a security expert at the Y; X, who is the president of Y
        format!(r"(?P<person>«P\d+»),? (?:\d{{1,3}}, )?(?:«[OL]\d+»\.?, |{DESIGNATION})?(?:who is |who was |is |was |now |(?:who )?(?:serves|served) as )?(?:(?:a|an|the) )?(?:(?:[a-z0-9]+|«[DO]\d+») ){{0,2}}?(?:[a-z]+ and )?{title}(?: of (?:the|a|an) [a-z]+(?: [a-z]+){{0,2}}?|(?P<unit> of [a-z]+(?: [a-z]+){{0,2}}?)|(?P<office> of the «[LC]\d+» (?:{offices})))?,? (?:of|at|for|with|to|in) (?:the |The )?(?:(?:«L\d+», )?«[LC]\d+»-based )?(?:(?:«[DL]\d+» |(?-i:[A-Z][a-z]+) )?(?:[a-z-]+ ){{0,2}}?(?:{kinds}) |{BODY_MODIFIERS})?(?P<org>«[COL]\d+»)"),
        // X, director of the Y and a member of the Z: the second post
        format!(r"(?P<person>«P\d+»), (?:[^«;]|«[OCDL]\d+»){{3,80}}? and (?:a |an |the )?(?:former )?{title},? (?:of|at|for|with) (?:the )?(?P<unit>[a-z]+(?: [a-z]+){{0,2}} of (?:the )?)?(?P<org>«O\d+»)"),
        // X, Albania's ambassador; X, the Croatian minister; X, 53, a former Yale law professor;
        // X, the Republican Senate Majority Leader
        format!(r"(?P<person>«P\d+»),? (?:\d{{1,3}}, |{DESIGNATION})?(?:is |was |serves as |served as |remains |remained )?(?:the |a |an |another )?(?:(?:former|retired|acting|interim|new|longtime|senior|top|leading|veteran|high-ranking|highest-ranking|ruling|governing|opposition|main|rival|breakaway) )*(?:«G\d+» )?(?P<org>«[COD]\d+»)(?:'s|’s)? (?:[a-z]+ )?{title}\b"),
        // Prime Minister Jane Roe of Spain
        format!(r"{title},? (?P<person>«P\d+») of (?:the )?(?P<org>«[COL]\d+»)"),
        // X was sworn in as Puerto Rico's governor; X was named the Y's new chairman
        format!(r"{takes_post}(?P<org>«[COL]\d+»)(?:'s|’s) (?:new |newly appointed |interim )?{title}"),
        // X was appointed president of the Y; X became chairman of Y
        format!(r"{takes_post}{title} (?:of|at|for) (?:the )?(?P<org>«[COL]\d+»)"),
        // the Y named X its new chairman
        format!(r"(?P<org>«[OC]\d+») (?:has |had |on \w+ )?(?:named|appointed|elected|chose|picked|hired|tapped|promoted) (?P<person>«P\d+») (?:as )?(?:its |the |a |an )?(?:new )?{title}{POST_ENDS}"),
        // X joined the Y as an analyst
        format!(r"(?P<person>«P\d+») (?:has |had )?(?:joined|rejoined) (?:the )?(?P<org>«[OC]\d+») as (?:a |an |its |the )?(?:new )?{title}{POST_ENDS}"),
        // the FAA placekicker X, a retired Navy pilot X: a body, then a
        // word for what a person does there
        r"(?P<org>«O\d+»)(?:'s|’s)? (?P<title>[a-z]+(?:er|or|ist|ant|man|woman|ian)),? (?P<person>«P\d+»)".to_string(),
        // X taught at the Y; X works for the Y
        r"(?P<person>«P\d+»),? (?:who |has |had |also )*(?P<title>taught|teaches|worked|works|working|served|serves|employed) (?:as [a-z ]{1,30} )?(?:at|for|with|on|by) (?:the )?(?P<org>«O\d+»)(?: and (?:the |at the )?(?P<org2>«O\d+»))?".to_string(),
        // X, who heads the Y
        r"(?P<person>«P\d+»),? (?:who )?(?:now )?(?P<title>operates|runs|heads|leads|founded|owns|directs|chairs|manages|commands) (?:the )?(?:[a-z]+ ){0,2}?(?P<org>«[OC]\d+»)".to_string(),
        // X has led the Y since 1994; X, at the helm of the Y since: a
        // body led to this day (a past "led" may be a former post; a
        // country "led" to a win is no post)
        r"(?P<person>«P\d+»)(?:, \d{1,3})?(?:, (?:[^,;«»]|«[OGDLC]\d+»){1,60})?,? (?:who )?(?:(?:has|have) (?:long )?(?P<title>led|headed|chaired|run|directed|managed|commanded)|(?:(?:has|have) been )?at the (?P<helm>helm) of) (?:the )?(?P<org>«O\d+»)".to_string(),
        // Coast Guard Lt. X, the county Fire Department Capt. X: a service,
        // a rank and its member
        format!(r"(?P<org>«O\d+») (?P<title>{}) (?P<person>«P\d+»)", alternation(SERVICE_RANKS.words().iter().copied())),
        // Kuwaiti Oil Minister X: a minister's capitalised field, which no
        // word list holds in full (a pattern of its own: as an alternative
        // inside the title pattern it halved the speed of every pattern).
        format!(r"(?P<org>«[CD]\d+») (?P<title>(?-i:[A-Z][a-z]{{2,}}) Minister),? (?:{honorific} )?(?P<person>«P\d+»)"),
    ]
    .iter()
    .map(|p| crate::extract::pattern::compile(p).expect("valid role pattern"))
    .collect()
});

/// A place and its state before "-based" ("of Palo Alto, Calif.-based Y"):
/// the first place is no body.
static PLACE_BASED: LazyLock<Regex> =
    LazyLock::new(|| crate::extract::pattern::compile(r"^, «[LC]\d+»-based").expect("valid pattern"));

/// The index in [`PATTERNS`] of "the UN financial spokesman X": a body, words
/// of the post, the post.
const BODY_WORDS_TITLE: usize = 1;

/// The index in [`PATTERNS`] of "X, Albania's ambassador": a body before
/// the post, after the person.
const OWNER_BEFORE_TITLE_AFTER_PERSON: usize = 5;

/// The title with the lower-case title words a pattern's optional words
/// took before it: "Denmark's prime minister" is a prime minister, not a
/// minister.
fn with_modifiers_before(text: &str, title: std::ops::Range<usize>) -> &str {
    let mut start = title.start;
    while let Some(word) = text[..start].strip_suffix(' ').and_then(|b| b.rsplit(' ').next()) {
        if word.is_empty() || !word.starts_with(char::is_lowercase) || !TITLE_MODIFIERS.contains(&word) {
            break;
        }
        start -= word.len() + 1;
    }
    &text[start..title.end]
}

/// The index in [`PATTERNS`] of "Senator Jane Roe of Spain": the place after
/// the name is often the one she represents or comes from.
const TITLE_PERSON_OF: usize = 6;

/// The index in [`PATTERNS`] of "the FAA placekicker X": the first pattern
/// that needs no post word.
const DOER_NOUN: usize = 11;

/// The index in [`PATTERNS`] of "X has led the Y": a verb or "at the helm
/// of" that says who leads the body.
const LEADS_SINCE: usize = 14;

/// Words that put a post outside a state's government ("opposition
/// leader", `outside_government_modifiers.txt`).
static OUTSIDE_GOVERNMENT: WordList =
    WordList::new(include_str!("../../data/lexicon/outside_government_modifiers.txt"));

/// Words of one who leads a body, never a state or a town.
static BODY_HEAD_TITLES: WordList = WordList::new(include_str!("../../data/lexicon/body_head_titles.txt"));

/// A body named right after a post ("... chairman of the Y").
static BODY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(r"^,? (?:of|at|for) (?:the )?«[OCL]\d+»").expect("valid pattern")
});

/// Finds any post word, whatever its case: sentences without one skip the
/// title patterns.
static POSTS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(TITLE_HEADS.words())
        .expect("post words build an automaton")
});

impl RelationExtractor for Roles {
    fn name(&self) -> &'static str {
        NAME
    }

    fn extract(&self, view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
        if !view.text.contains("«P") {
            return;
        }
        led_by(view, doc, out);
        let has_post = POSTS.is_match(&view.text);
        for (i, pattern) in PATTERNS.iter().enumerate() {
            // Every pattern from the doer's noun on (a doer's noun, a verb
            // of work, "X, who heads the Y", "X has led the Y") reads no
            // post word.
            if !has_post && i < DOER_NOUN {
                continue;
            }
            let matches = pattern.captures_iter(&view.text).flat_map(|caps| {
                let second = caps.name("org2").is_some();
                let caps = std::rc::Rc::new(caps);
                std::iter::once((std::rc::Rc::clone(&caps), "org")).chain(second.then_some((caps, "org2")))
            });
            for (caps, org_slot) in matches {
                let (Some(person), Some(org)) = (entity(view, &caps, "person"), entity(view, &caps, org_slot)) else {
                    continue;
                };
                let mut title = caps.name("title").map_or("", |m| with_modifiers_before(&view.text, m.range()));
                // "China's chief negotiator and director of the trade
                // department": the second post is held in the unit after it.
                let title_end = caps.name("title").map_or(0, |m| m.end());
                if view.text[title_end..].starts_with(" of ") {
                    title = title.split_once(" and ").map_or(title, |(first, _)| first);
                }
                // "X, Best Buy chief financial officer": the title goes on to
                // its own head after words the title list lacks ("chief" is
                // no post of its own there).
                let longer = caps.name("title").and_then(|m| title_going_on(&view.text, m.start(), m.end()));
                if let Some(longer) = longer {
                    title = longer;
                }
                // "X of the Y Party and union leader Z": a coordinator between
                // the body and the post starts another phrase.
                let org_end = caps.name(org_slot).map_or(0, |m| m.end());
                // "chief executive of Dallas-based Y": the place says where
                // the body is, not what the post is held in.
                if view.text[org_end..].starts_with("-based") || PLACE_BASED.is_match(&view.text[org_end..]) {
                    continue;
                }
                // "the Y technical director X": the words between the body
                // and the post are the post's ("technical director" heads a
                // unit, where "director" would lead the body).
                if i == BODY_WORDS_TITLE {
                    // After the body's acronym in parentheses, if any.
                    let words_start = view.text[org_end..]
                        .strip_prefix(" (")
                        .and_then(|rest| rest.find(") ").map(|close| org_end + 2 + close + 1))
                        .unwrap_or(org_end);
                    if let Some(found) = caps.name("title").filter(|t| t.start() > words_start + 1) {
                        let between = &view.text[words_start + 1..found.start()];
                        let post_word = |w: &str| {
                            w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                                && !SPEECH_VERBS.contains(&w)
                                && !crate::extract::lexicon::is_function_word(w)
                        };
                        // "the Y quit after Deputy Prime Minister X": words
                        // of a clause (a verb, a preposition), not of the
                        // post, stand between.
                        let clause_words = || {
                            doc.structure.is_some_and(|st| {
                                let between = view.doc_span(words_start + 1..found.start());
                                (0..st.words.len()).any(|k| {
                                    between.contains(st.span(k..k + 1))
                                        && matches!(
                                            st.upos(k),
                                            "VERB" | "AUX" | "ADP" | "SCONJ" | "CCONJ" | "PRON" | "DET"
                                        )
                                })
                            })
                        };
                        // "the Y said its president X": the body speaks of
                        // its own officer.
                        let mut said = between.split_whitespace();
                        let speaks_of_its_own = said.next().is_some_and(|w| SPEECH_VERBS.contains(&w))
                            && said.all(|w| matches!(w, "its" | "that" | "today" | "yesterday"));
                        if !speaks_of_its_own {
                            if !between.split_whitespace().all(post_word) || clause_words() {
                                continue;
                            }
                            title = &view.text[words_start + 1..found.end()];
                        }
                    }
                }
                if let Some(title_at) = caps.name("title").map(|m| m.start()).filter(|&t| t > org_end) {
                    if view.text[org_end..title_at].split(' ').any(|w| matches!(w, "and" | "or" | "but")) {
                        continue;
                    }
                }
                // "the EC affairs minister": a post whose portfolio the name
                // is, not the body it serves.
                if portfolio_follows(&view.text[org_end..]) {
                    continue;
                }
                // Only the doer's-noun pattern reads any word with a doer's ending.
                if i == DOER_NOUN && NOT_DOERS.contains(&title) {
                    continue;
                }
                // "head of agriculture forecasting at the Y" leads a unit of Y.
                if caps.name("helm").is_some() {
                    title = "at the helm";
                }
                let mut relation = if i == LEADS_SINCE {
                    Relation::HeadOf
                } else if caps.name("unit").is_some() || caps.name("office").is_some() {
                    Relation::WorksFor
                } else if title.chars().next().is_some_and(char::is_lowercase)
                    && !title.contains(' ')
                    && VERB_POSTS.contains(&title)
                {
                    Relation::HeadOf
                } else {
                    title_relation(title)
                };
                // "Senate Budget Chairman X": a chamber is led by its speaker
                // or president; its chairmen lead its committees.
                // (The words after the chamber: "", a topic or two, the chair.)
                let committee_chair = view.text[org_end..]
                    .split(' ')
                    .position(|w| w.to_lowercase().starts_with("chair"))
                    .is_some_and(|k| (2..=3).contains(&k));
                // "director-general for agriculture at the Y" heads a part of Y.
                if relation == Relation::HeadOf && title.contains(" for ") {
                    relation = Relation::WorksFor;
                }
                if relation == Relation::HeadOf
                    && committee_chair
                    && doc.kind(org) == EntityType::Organization
                    && is_chamber(&doc.entities[org].name)
                {
                    relation = Relation::WorksFor;
                }
                // "chairman of the Senate panel", "head of Y's China
                // operations": the post leads a part of the body named
                // after it; its holder works for the body.
                // (After the body's acronym in parentheses: "the Y (YO) council".)
                let part_after = caps.name(org_slot).and_then(|m| {
                    let after = &view.text[m.end()..];
                    let after = after
                        .strip_prefix(" (")
                        .and_then(|r| r.find(')').filter(|&close| close <= 16).map(|close| &r[close + 1..]))
                        .unwrap_or(after);
                    after.split_whitespace().next()
                });
                if part_after.is_some_and(|w| SUB_BODY_NOUNS.contains(&w.trim_end_matches([',', '.', ';'])))
                    && matches!(relation, Relation::HeadOf | Relation::MinisterOf)
                {
                    // "head of Coca-Cola's China operations" works for no China.
                    if doc.kind(org) != EntityType::Organization {
                        continue;
                    }
                    relation = Relation::WorksFor;
                }
                // "head of the European Commission in Hong Kong" leads the
                // body's office there: the holder works for the body ("head
                // of the Albanian Institute in Tirana" leads it at home).
                let office_in = caps.name(org_slot).is_some_and(|m| {
                    let after = &view.text[m.end()..];
                    (after.starts_with(" in «L") || after.starts_with(" in «C"))
                        && view.entity_at(m.end() + 4).is_some_and(|place| !at_home(doc, org, place))
                });
                if office_in && relation == Relation::HeadOf && doc.kind(org) == EntityType::Organization {
                    relation = Relation::WorksFor;
                }
                // "Bosnian Serb leader": stacked demonyms name a people, not a state.
                let org_start = caps.name(org_slot).map_or(0, |m| m.start());
                if code(&caps, org_slot) == Some('D')
                    && view.text[..org_start].trim_end().ends_with('»')
                    && view.text[..org_start].ends_with("» ")
                {
                    continue;
                }
                // The evidence ends with the post, not with the word after it.
                let whole = caps.get(0).map_or(0..0, |m| m.start()..caps.name("tail").map_or(m.end(), |t| t.start()));
                // "president of Italy's Molise Region", "director of the
                // Coast Guard's 8th District": the post is held in what the
                // body owns. Its head leads a part: it works for the body,
                // and leads no state.
                let org_end = caps.name(org_slot).map_or(0, |m| m.end());
                let title_start = caps.name("title").map_or(usize::MAX, |m| m.start());
                if title_start < org_start
                    && ["'s ", "’s "].iter().any(|p| view.text[org_end..].starts_with(p))
                    && matches!(relation, Relation::HeadOf | Relation::MinisterOf)
                {
                    if doc.kind(org) != EntityType::Organization {
                        continue;
                    }
                    relation = Relation::WorksFor;
                }
                // "Prime Minister X, U.S. Secretary of State Y": a post right
                // before the next name is that name's, in a list of holders.
                if i == OWNER_BEFORE_TITLE_AFTER_PERSON && view.text[whole.end..].starts_with(" «P") {
                    continue;
                }
                // "X, the Democratic chairman of the Y": the post is held in
                // the body its "of" phrase names, not in its modifier's.
                // A party named there says whose member the holder is.
                if i == OWNER_BEFORE_TITLE_AFTER_PERSON && BODY_AFTER.is_match(&view.text[whole.end..]) {
                    if is_party_name(&doc.entities[org].name) {
                        out.add(
                            view,
                            Found {
                                subject: person,
                                relation: Relation::MemberOf,
                                object: Object::Entity(org),
                                range: whole,
                                extractor: NAME,
                                confidence: 70,
                                title: None,
                            },
                        );
                    }
                    continue;
                }
                // "Croatian Defense Minister X", "Illinois Gov. X": the state
                // named with a post is where its holder is a citizen or lives.
                let org_first = caps.name(org_slot).map_or(usize::MAX, |m| m.start())
                    < caps.name("person").map_or(0, |m| m.start());
                // A town's or a county's judge, employee or police chief
                // serves it and need not live there; its governor, mayor,
                // premier, minister or legislator represents it. A chairman
                // or an owner leads a body, not a town: a name before one
                // that reads as a place is a body's ("Skoda chairman X").
                let represents = |title: &str| {
                    let lower = title.to_lowercase();
                    let head = lower.rsplit(' ').next().unwrap_or_default();
                    if BODY_HEAD_TITLES.contains(&head) {
                        return false;
                    }
                    LOCAL_HEAD_TITLES.contains(&head)
                        || legislator_title(&lower).is_some()
                        || matches!(title_relation(title), Relation::HeadOf | Relation::MinisterOf)
                };
                let residence = match code(&caps, org_slot) {
                    Some('D') => true,
                    Some('L') => represents(title),
                    _ => false,
                };
                if org_first && residence {
                    out.add(
                        view,
                        Found {
                            subject: person,
                            relation: Relation::LivesIn,
                            object: Object::Entity(org),
                            range: whole.clone(),
                            extractor: NAME,
                            confidence: 60,
                            title: None,
                        },
                    );
                }
                let org_kind = doc.kind(org);
                let title_head = title.rsplit([' ', '-']).next().unwrap_or_default().to_lowercase();
                // "the Australian opposition leader X", "Britain's shadow
                // foreign secretary X": a post outside the state's government.
                if org_kind == EntityType::Country
                    && title.split_whitespace().any(|w| OUTSIDE_GOVERNMENT.contains(&w.to_lowercase().as_str()))
                {
                    continue;
                }
                // "a Hong Kong reporter", "a French economist": work outside
                // the state's service says where one is from, not whom one
                // serves (`private_titles.txt`).
                // A chief executive of a state leads it ("the chief
                // executive of Hong Kong"; before the title the state's name
                // may end a firm's: "Texaco Canada chief executive X").
                // The state's name must end there: "chief executive of U.S.A.
                // Networks", "of the U.S. unit" name a firm.
                let name_ends =
                    view.text[org_end..].chars().next().is_none_or(|c| matches!(c, ',' | '.' | ';' | ':' | ')'));
                let leads = !org_first
                    && name_ends
                    && relation == Relation::HeadOf
                    && title.to_lowercase().contains("chief ")
                    && title_head != "officer";
                if org_kind == EntityType::Country && PRIVATE_TITLES.contains(&title_head.as_str()) && !leads {
                    continue;
                }
                // "committee chairman Jane Roe of New York": a chair leads no
                // state or town; "Senator Jane Roe of Georgia" represents it.
                if org_kind.is_place()
                    && (relation == Relation::HeadOf && BODY_HEAD_TITLES.contains(&title_head.as_str())
                        || i == TITLE_PERSON_OF && relation == Relation::WorksFor)
                {
                    continue;
                }
                // "Senate majority leader X", "the bank's deputy general
                // manager": a word of rank between the body and the post.
                if title_start > org_end
                    && view.text.get(org_end..title_start).is_some_and(|between| {
                        between.split_whitespace().any(|w| SUBORDINATE_TITLES.contains(&w.to_lowercase().as_str()))
                    })
                {
                    relation = Relation::WorksFor;
                }
                // "X, a senior Y commander", "X, a Y director": one of the
                // body's several holders of that title, not its head.
                if i == OWNER_BEFORE_TITLE_AFTER_PERSON
                    && relation == Relation::HeadOf
                    && view
                        .text
                        .get(caps.name("person").map_or(0, |m| m.end())..org_start)
                        .is_some_and(|before| before.split([' ', ',']).any(|w| matches!(w, "a" | "an" | "another")))
                {
                    relation = Relation::WorksFor;
                }
                // "the American chamber president X": a post in a body the
                // title names, held by one of the state's people, not the
                // state's post.
                let between =
                    if title_start > org_end { view.text.get(org_end..title_start).unwrap_or("") } else { "" };
                if org_kind == EntityType::Country
                    && code(&caps, org_slot) == Some('D')
                    && between.split_whitespace().chain(title.split_whitespace().rev().skip(1)).any(is_body_noun)
                {
                    continue;
                }
                // "British Governor X", "Mexican mayor X": a state's adjective
                // before a post that leads a town or a province; the holder
                // serves the state and leads none of it.
                if org_kind == EntityType::Country
                    && relation == Relation::HeadOf
                    && code(&caps, org_slot) == Some('D')
                    && LOCAL_HEAD_TITLES.contains(&title_head.as_str())
                {
                    relation = Relation::WorksFor;
                }
                // A minister of a place that is no state, or a mayor of a city, leads or works there.
                if org_kind == EntityType::Place {
                    // "Union leader X of Belgrade": the word before the post
                    // names the body led, and the town is where it is.
                    let word_before = view.text.get(..title_start).and_then(|b| b.split_whitespace().last());
                    let body_before = title.split_whitespace().rev().skip(1).chain(word_before).any(is_body_noun);
                    if relation != Relation::HeadOf || body_before {
                        continue;
                    }
                } else if relation == Relation::MinisterOf
                    && !matches!(org_kind, EntityType::Country | EntityType::Organization)
                {
                    relation = Relation::WorksFor;
                } else if relation == Relation::MinisterOf
                    && doc.entities[org].name.split_whitespace().any(|w| w == "Ministry")
                {
                    // "the Oil Ministry said Minister X": a minister leads
                    // the ministry; the state is the ministry's, not named.
                    relation = Relation::HeadOf;
                }
                // "Prime Minister X of the Y Party", "Senator X of the Y
                // Party": a post of the state held by a member of the party.
                if i == TITLE_PERSON_OF && is_party_name(&doc.entities[org].name) {
                    let lower = title.to_lowercase();
                    if STATE_POST_TITLES.words().iter().any(|w| lower.contains(w)) || legislator_title(&lower).is_some()
                    {
                        relation = Relation::MemberOf;
                    }
                }
                // A member of a party, a committee or a council belongs to it
                // ("a member of the Labour Party"); a member of an agency's
                // staff works for it, and so does a member of a legislature
                // ("Member of Parliament X", as "MP X").
                if title.rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case("member"))
                    && doc.kind(org) == EntityType::Organization
                    && !is_chamber(&doc.entities[org].name)
                    && (is_party_name(&doc.entities[org].name)
                        || doc.entities[org]
                            .name
                            .rsplit(' ')
                            .next()
                            .is_some_and(|head| MEMBER_BODIES.contains(&head.to_lowercase().as_str())))
                {
                    relation = Relation::MemberOf;
                }
                if code(&caps, org_slot) == Some('D') && relation == Relation::WorksFor && !is_official(title) {
                    // "a Croatian expert" says nationality, not employment.
                    continue;
                }
                out.add(
                    view,
                    Found {
                        subject: person,
                        relation,
                        object: Object::Entity(org),
                        range: whole,
                        extractor: NAME,
                        confidence: 85,
                        title: Some(title),
                    },
                );
            }
        }
        for caps in AFFILIATION.captures_iter(&view.text) {
            let person = entity(view, &caps, "person").or_else(|| entity(view, &caps, "owned"));
            let (Some(person), Some(org)) =
                (person, entity(view, &caps, "org").or_else(|| entity(view, &caps, "owner")))
            else {
                continue;
            };
            let range = caps.get(0).map_or(0..0, |m| m.range());
            // "X of the Labour Party" belongs to the party; no one works for it.
            let party = is_party_name(&doc.entities[org].name);
            out.add(
                view,
                Found {
                    subject: person,
                    relation: if party { Relation::MemberOf } else { Relation::WorksFor },
                    object: Object::Entity(org),
                    range,
                    extractor: NAME,
                    confidence: 55,
                    title: None,
                },
            );
        }
    }
}

/// Words with a doer's ending that name no doer ("NATO after X").
static NOT_DOERS: WordList = WordList::new(include_str!("../../data/lexicon/not_doers.txt"));

/// Verbs that say someone leads a body ("X, who heads the Y").
static VERB_POSTS: WordList = WordList::new(include_str!("../../data/lexicon/lead_verbs.txt"));

/// Whether a place is likely a body's seat, not one of its offices: the
/// body is no well-known one (a company "in Greenwich, Conn." is named with
/// its seat; "the World Bank in Jakarta" is its office there), or its name
/// carries the state the place lies in ("Albanian Institute" and Tirana).
pub(crate) fn at_home(doc: &DocContext<'_>, body: usize, place: usize) -> bool {
    let gazetteer = Gazetteer::global();
    let known = |name: &str| gazetteer.lookup(name).iter().any(|&id| gazetteer.entry(id).kind == GazKind::Organization);
    let entity = &doc.entities[body];
    if !known(&entity.name) && !entity.aliases.iter().any(|a| known(a)) {
        return true;
    }
    let place = &doc.entities[place];
    let state = place.links.iso2.as_deref().or_else(|| gazetteer.state_of_place(&place.name));
    state.is_some_and(|iso2| gazetteer.name_carries_state(&doc.entities[body].name, iso2))
}

/// Parts of titles that say someone serves the state they are named with
/// (`official_titles.txt`).
static OFFICIAL_TITLES: WordList = WordList::new(include_str!("../../data/lexicon/official_titles.txt"));

/// Titles that say someone serves the state they are named with.
fn is_official(title: &str) -> bool {
    let lower = title.to_lowercase();
    OFFICIAL_TITLES.words().iter().any(|w| lower.contains(w))
}

/// Titles of legislators and the words of their chamber's name
/// (`data/lexicon/legislator_titles.tsv`).
static LEGISLATOR_TITLES: LazyLock<Vec<(String, Vec<String>)>> = LazyLock::new(|| {
    tsv_rows(include_str!("../../data/lexicon/legislator_titles.tsv"))
        .map(|(title, chamber)| (title.to_string(), chamber.split('|').map(str::to_string).collect()))
        .collect()
});

/// Whether a body's name is that of a legislature's chamber: the chamber's
/// word heads it ("the Senate", "the Puerto Rico Senate", "the Senate of
/// X"; not "the Senate Agriculture Committee").
fn chamber_named(name: &str, chamber: &str) -> bool {
    name == chamber
        || name.starts_with(&format!("{chamber} of "))
        || name.strip_suffix(&format!(" {chamber}")).is_some_and(names_a_place)
        || name.find(&format!(" {chamber} of ")).is_some_and(|at| names_a_place(&name[..at]))
}

/// Whether a body is a chamber some legislator's title sits in
/// (`legislator_titles.tsv`).
fn is_chamber(name: &str) -> bool {
    LEGISLATOR_TITLES.iter().flat_map(|(_, chambers)| chambers).any(|c| chamber_named(name, c))
}

/// The chambers of a legislator's title (lower case, the title's last words:
/// "labour mp", "sen."), if it is one.
fn legislator_title(lower: &str) -> Option<&'static [String]> {
    LEGISLATOR_TITLES
        .iter()
        .find(|(t, _)| lower == *t || lower.ends_with(&format!(" {t}")))
        .map(|(_, chambers)| chambers.as_slice())
}

/// Legislators named by a bare title ("Senator Jane Roe", "Labour MP Jane
/// Roe", "Rep. Jane Roe") work for the chamber of that kind the document
/// names, when it names exactly one ("the Senate", "the House of
/// Commons"). Returns the facts to add, none for a person who already has
/// a post in that chamber.
#[must_use]
pub fn legislature_posts(doc: &DocMentions<'_>, facts: &[Fact]) -> Vec<Fact> {
    let DocMentions { text, mentions, assignment, entities } = *doc;
    let mut out: Vec<Fact> = Vec::new();
    for (m, e) in mentions.iter().zip(assignment) {
        let (Some(person), Some(title)) = (*e, m.title.as_deref()) else { continue };
        if m.kind != EntityType::Person {
            continue;
        }
        let lower = title.to_lowercase();
        let Some(chambers) = legislator_title(&lower) else {
            continue;
        };
        // The first kind of chamber the document names once ("Parliament"
        // before "House of Commons" for an MP): [`chamber_named`].
        let Some(chamber) = chambers.iter().find_map(|c| {
            let matching: Vec<usize> = entities
                .iter()
                .enumerate()
                .filter(|(_, b)| b.kind == EntityType::Organization && !b.adjectival && chamber_named(&b.name, c))
                .map(|(i, _)| i)
                .collect();
            match matching[..] {
                [] => None,
                [one] => Some(Some(one)),
                _ => Some(None),
            }
        }) else {
            continue;
        };
        let Some(chamber) = chamber else { continue };
        let known = |f: &Fact| f.subject == person && f.object == Object::Entity(chamber);
        if facts.iter().any(known) || out.iter().any(known) {
            continue;
        }
        out.push(title_fact(text, m, (person, Relation::WorksFor, chamber), title, 55));
    }
    out
}

/// Posts in a leader's service (`aide_titles.txt`).
static AIDE_TITLES: WordList = WordList::new(include_str!("../../data/lexicon/aide_titles.txt"));

/// "«leader»'s spokesman, «aide»", "«leader» spokesman «aide»", "«aide»,
/// «leader»'s spokesman": the words between the two names when the leader
/// comes first.
static AIDE_AFTER_LEADER: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(r"^(?:'s|’s)? (?P<title>[A-Za-z -]{2,40}?),? $").expect("valid aide pattern")
});
/// "«aide», a spokesman for President «leader»".
static AIDE_BEFORE_LEADER: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(
        r"^, (?:a |an |the )?(?P<title>[a-z -]{2,40}?) (?:for|to) (?:(?:[A-Z][a-z]+\.?|[a-z]+) ){0,3}$",
    )
    .expect("valid aide pattern")
});

/// Aides work for what their leader heads: "Chirac's spokeswoman, Y",
/// "Y, a spokesman for President X", "Y, X's chief of staff", where the
/// document says what X heads or is minister of (one state, or else one
/// body). Read after the other posts; none for a person who already holds
/// one.
#[must_use]
pub fn aide_posts(doc: &DocMentions<'_>, facts: &[Fact]) -> Vec<Fact> {
    let DocMentions { text, mentions, assignment, entities } = *doc;
    let led_by = |leader: usize| -> Option<usize> {
        let led: BTreeSet<usize> = facts
            .iter()
            .filter(|f| {
                f.subject == leader
                    && f.modality == Modality::Asserted
                    && matches!(f.relation, Relation::HeadOf | Relation::MinisterOf)
            })
            .filter_map(|f| match f.object {
                Object::Entity(o) if matches!(entities[o].kind, EntityType::Country | EntityType::Organization) => {
                    Some(o)
                }
                _ => None,
            })
            .collect();
        let states: Vec<usize> = led.iter().copied().filter(|&o| entities[o].kind == EntityType::Country).collect();
        match (&states[..], led.len()) {
            ([one], _) => Some(*one),
            ([], 1) => led.first().copied(),
            _ => None,
        }
    };
    let has_post = |person: usize| {
        facts.iter().any(|f| {
            f.subject == person && matches!(f.relation, Relation::HeadOf | Relation::MinisterOf | Relation::WorksFor)
        })
    };
    let people: Vec<(&Mention, usize)> = mentions
        .iter()
        .zip(assignment)
        .filter_map(|(m, e)| e.filter(|_| m.kind == EntityType::Person).map(|e| (m, e)))
        .collect();
    let mut out: Vec<Fact> = Vec::new();
    for pair in people.windows(2) {
        let [(first, a), (second, b)] = pair else { continue };
        if first.sentence != second.sentence || a == b || first.span.end() > second.span.start() {
            continue;
        }
        let between = &text[first.span.end()..second.span.start()];
        let after_second = &text[second.span.end()..];
        // Which of the two is the leader, and the title.
        let title_of = |c: regex::Captures<'_>| c.name("title").map_or(String::new(), |t| t.as_str().to_string());
        let mut end = second.span.end();
        let reading = if let Some(c) = AIDE_AFTER_LEADER.captures(between) {
            Some((*a, *b, title_of(c)))
        } else if let Some(c) = AIDE_BEFORE_LEADER.captures(between) {
            Some((*b, *a, title_of(c)))
        } else if between == ", " {
            // "Y, X's spokesman,": the title after the second name.
            let title_words = after_second.split([',', '.', ';']).next().unwrap_or_default();
            end += title_words.trim_end().len();
            AIDE_AFTER_LEADER.captures(&format!("{title_words} ")).map(|c| (*b, *a, title_of(c)))
        } else {
            None
        };
        let Some((leader, aide, title)) = reading else { continue };
        if !AIDE_TITLES.contains(&title.to_lowercase().as_str()) {
            continue;
        }
        let Some(body) = led_by(leader) else { continue };
        if has_post(aide) || out.iter().any(|f| f.subject == aide) {
            continue;
        }
        let (m, _) = if aide == *a { (first, a) } else { (second, b) };
        out.push(Fact {
            subject: aide,
            relation: Relation::WorksFor,
            object: Object::Entity(body),
            modality: Modality::Asserted,
            title: Some(title),
            evidence: Evidence {
                sentence: m.sentence,
                span: Span::new(first.span.start(), end),
                extractor: NAME.to_string(),
                confidence: 55,
            },
        });
    }
    out
}

/// Past participles of leading (`led_by_verbs.txt`).
static LED_BY_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/led_by_verbs.txt"));

/// "The court is led by President X", "the council, chaired by X, met":
/// the agent of a passive verb of leading heads its subject, a body or a
/// state. Read over the clauses, so a reduced relative takes the subject
/// it modifies.
fn led_by(view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
    let Some(st) = doc.structure else { return };
    for clause in &st.clauses {
        if !clause.verb.passive || !LED_BY_VERBS.contains(&st.words[clause.verb.head].to_lowercase().as_str()) {
            continue;
        }
        // "X said underwriters, led by Y": a participle after another noun
        // phrase and a comma is that phrase's.
        let before_comma = clause.verb.start.checked_sub(1).filter(|&c| st.words[c] == ",");
        if clause.subject_inherited
            && before_comma.is_some_and(|c| st.units.iter().any(|u| u.end == c && !clause.subject.contains(u)))
        {
            continue;
        }
        let Some(agent) = clause.prep(&st.words, "by").and_then(<[_]>::first) else { continue };
        let Some(leader) = st.entity_of(agent, doc.entities).filter(|&e| doc.kind(e) == EntityType::Person) else {
            continue;
        };
        for subject in &clause.subject {
            let Some(body) = st.entity_of(subject, doc.entities) else { continue };
            if !matches!(doc.kind(body), EntityType::Organization | EntityType::Country) {
                continue;
            }
            let from = if clause.subject_inherited { clause.verb.start } else { subject.start };
            let range = view.view_range(st.span(from.min(clause.verb.start)..agent.end));
            out.add(view, Found::new(leader, Relation::HeadOf, Object::Entity(body), range, NAME, 70));
        }
    }
}

/// "Its chairman, X", "the company's chief executive, X": a title owned
/// by "its" or by "the" and a kind of body, right before a person's name.
static OWNED_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(
        r"(?:^|[\s(])(?P<owner>[Ii]ts|[Tt]he (?P<noun>[a-z]+)(?:'s|’s)) (?P<title>[a-z][a-z -]{1,40}?),? $",
    )
    .expect("valid owned-title pattern")
});

/// A body that speaks: its name, then up to a few words, then a verb of
/// speaking ("Merrill Lynch in London said").
static SPEAKS: LazyLock<Regex> = LazyLock::new(|| {
    let speech = alternation(SPEECH_VERBS.words().iter().copied());
    crate::extract::pattern::compile(&format!(r"^(?:,? [^,.;]{{1,30}}?)? (?:{speech})\b"))
        .expect("valid speaking pattern")
});

/// Posts of a body named only by "its" or "the company's" before the
/// person: "TWA and its chairman, X" (the body the title is joined to),
/// "Merrill Lynch said ... its executive X" (the body that opens the
/// sentence and speaks). After "the party's" the body must be a party,
/// after "the company's" (a noun of `org_nouns.txt`) any body. The title's
/// words must all be title words or an aide's title. Taking the nearest
/// body instead was measured: 11 of 18 right on 8,000 bench documents ("a
/// filing with the SEC ... its chairman").
#[must_use]
pub fn owned_posts(doc: &DocMentions<'_>, facts: &[Fact]) -> Vec<Fact> {
    let DocMentions { text, mentions, assignment, entities } = *doc;
    let mut out: Vec<Fact> = Vec::new();
    let body_of =
        |k: usize| assignment[k].filter(|&e| entities[e].kind == EntityType::Organization && !mentions[k].adjectival);
    for (i, (m, e)) in mentions.iter().zip(assignment).enumerate() {
        let Some(person) = *e else { continue };
        if m.kind != EntityType::Person {
            continue;
        }
        let mut from = m.span.start().saturating_sub(80);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let Some(caps) = text.get(from..m.span.start()).and_then(|before| OWNED_TITLE.captures(before)) else {
            continue;
        };
        let title = caps.name("title").map_or("", |t| t.as_str()).trim();
        let titled =
            title.split([' ', '-']).all(crate::extract::lexicon::is_title_word) || AIDE_TITLES.contains(&title);
        let noun = caps.name("noun").map(|n| n.as_str());
        if title.is_empty() || !titled || noun.is_some_and(|n| !ORG_NOUNS.contains(&n) && n != "party") {
            continue;
        }
        let owner_at = from + caps.name("owner").map_or(0, |o| o.start());
        let before: Vec<usize> =
            (0..i).filter(|&k| mentions[k].sentence == m.sentence && mentions[k].span.end() <= owner_at).collect();
        // "TWA and its chairman": the body the title is joined to.
        let joined = before.last().and_then(|&k| {
            let between = text.get(mentions[k].span.end()..owner_at)?;
            matches!(between, " and " | ", " | ", and ").then(|| body_of(k)).flatten()
        });
        // "Merrill Lynch in London said ... its executive X": the body that
        // opens the sentence and speaks.
        let speaker = || {
            let &k = before.first()?;
            let rest = text.get(mentions[k].span.end()..owner_at)?;
            SPEAKS.is_match(rest).then(|| body_of(k)).flatten()
        };
        let Some(body) = joined.or_else(speaker) else { continue };
        if noun == Some("party") && !is_party_name(&entities[body].name) {
            continue;
        }
        let held = |f: &Fact| f.subject == person && f.object == Object::Entity(body);
        if facts.iter().any(held) || out.iter().any(held) {
            continue;
        }
        out.push(post_fact(text, m, (person, title_relation(title), body), title, owner_at, 60));
    }
    out
}

/// Whether the gazetteer knows a state, region or city by this name ("Puerto
/// Rico", "U.S.", "Ohio"): the words a chamber is named after.
fn names_a_place(name: &str) -> bool {
    let gazetteer = Gazetteer::global();
    gazetteer.lookup(name).iter().any(|&id| {
        matches!(gazetteer.entry(id).kind, GazKind::Country | GazKind::Region | GazKind::City | GazKind::Demonym)
    })
}

/// A post read from a bare title before a person's mention `m`: the
/// evidence is the title and the name when the title stands right before
/// it, else the name.
fn title_fact(
    text: &str,
    m: &Mention,
    (person, relation, object): (usize, Relation, usize),
    title: &str,
    confidence: u8,
) -> Fact {
    let start = m.span.start().saturating_sub(title.len() + 1);
    let start =
        if text.get(start..m.span.start()).is_some_and(|t| t.trim_end() == title) { start } else { m.span.start() };
    post_fact(text, m, (person, relation, object), title, start, confidence)
}

/// A post of a person's mention `m` with its title, the evidence running
/// from `start` to the end of the name: asserted, or former where the text
/// around says so.
fn post_fact(
    text: &str,
    m: &Mention,
    (person, relation, object): (usize, Relation, usize),
    title: &str,
    start: usize,
    confidence: u8,
) -> Fact {
    Fact {
        subject: person,
        relation,
        object: Object::Entity(object),
        // "former MP X", "MP X, who resigned last year": a post held once.
        modality: crate::extract::modality::classify_post_in_text(text, start..m.span.end()),
        title: Some(title.to_string()),
        evidence: Evidence {
            sentence: m.sentence,
            span: Span::new(start, m.span.end()),
            extractor: NAME.to_string(),
            confidence,
        },
    }
}

/// Posts of a state written with no state ("Foreign Minister Jane Roe
/// said") belong to the country the report is filed from: the dateline's
/// country, when the text names that country too, or else the one country
/// the report is plainly about. News writes a minister of its own
/// government that way and names other states' ones.
///
/// `body_start` is where the first body sentence starts (after any
/// headline); returns the facts to add (none for a person who already
/// holds a post).
#[must_use]
pub fn home_country_posts(doc: &DocMentions<'_>, body_start: usize, facts: &[Fact]) -> Vec<Fact> {
    let DocMentions { text, mentions, assignment, entities } = *doc;
    let Some((home, confidence)) = dateline_country(text, body_start, mentions, assignment, entities)
        .map(|home| (home, 55))
        .or_else(|| dominant_country(mentions, assignment, entities).map(|home| (home, 50)))
    else {
        return Vec::new();
    };
    // A party's post is no state's: "Y Party leader and Prime Minister X"
    // still holds the home country's post. The pair scorer's guess of an
    // employer says less than the title does.
    let has_post: BTreeSet<usize> = facts
        .iter()
        .filter(|f| matches!(f.relation, Relation::MinisterOf | Relation::HeadOf | Relation::WorksFor))
        .filter(|f| !matches!(f.object, Object::Entity(o) if is_party_name(&entities[o].name)))
        .filter(|f| f.evidence.extractor != crate::extract::pairs::NAME)
        // "a committee headed by Treasury Minister X": leading a body, read
        // with no title, is another post than the title's.
        .filter(|f| {
            !(f.title.is_none()
                && f.relation == Relation::HeadOf
                && matches!(f.object, Object::Entity(o) if entities[o].kind == EntityType::Organization))
        })
        .map(|f| f.subject)
        .collect();
    let mut out: Vec<Fact> = Vec::new();
    for (m, e) in mentions.iter().zip(assignment) {
        let (Some(person), Some(title)) = (*e, m.title.as_deref()) else { continue };
        if m.kind != EntityType::Person || has_post.contains(&person) || out.iter().any(|f| f.subject == person) {
            continue;
        }
        // A head of state's or government's title before a name is written
        // with a capital ("President Jane Roe"); "president Jane Roe" in
        // business news runs a company.
        if !title.starts_with(char::is_uppercase) {
            continue;
        }
        // "Bundesbank President X", "LUKoil President Y": a capitalised
        // word before a head's title that names no state is the body the
        // post is in, whether or not it was found as a name (a minister's
        // portfolio is named so too: "Steel Minister").
        let before_title = text[..m.span.start()].trim_end().strip_suffix(title.trim_end_matches(','));
        let word_before = before_title.and_then(|b| b.strip_suffix(' ')).and_then(|b| b.split([' ', '\n']).next_back());
        let body_before = title_relation(title) == Relation::HeadOf
            && word_before.is_some_and(|w| {
                w.starts_with(char::is_uppercase)
                && !w.ends_with(['.', ',', ';', ':', '!', '?', '"', '\'', '’', ')'])
                && !crate::extract::lexicon::is_title_word(w)
                && !crate::extract::lexicon::NAME_TITLES.contains(&w)
                && !crate::extract::lexicon::is_function_word(w)
                && crate::gazetteer::Gazetteer::global().lookup(w).is_empty()
                // "South Korean President X": a people's adjective the
                // gazetteer writes with its state ("South Korean").
                && !crate::extract::lexicon::has_adjective_ending(w)
            });
        if body_before {
            continue;
        }
        // "Peruvian Vice-President and Interior Minister X" in a report
        // filed from Quito: the demonym before the titles names his state.
        let foreign = mentions.iter().zip(assignment).any(|(d, de)| {
            d.adjectival
                && d.kind == EntityType::Country
                && d.sentence == m.sentence
                && d.span.end() <= m.span.start()
                && m.span.start() - d.span.end() <= 80
                && de.is_some_and(|c| c != home)
        });
        if foreign {
            continue;
        }
        let lower = title.to_lowercase();
        let Some(post) = STATE_POST_TITLES.words().iter().copied().find(|w| lower.contains(w)).filter(|_| {
            !["vice", "deputy", "former", "company", "party", "bank"].iter().any(|w| lower.contains(w))
                || title_relation(title) == Relation::MinisterOf && !lower.contains("former")
        }) else {
            continue;
        };
        // A state has one president: when the text names the home
        // country's, a second "President X" leads another state.
        let relation = title_relation(title);
        let post_taken = relation == Relation::HeadOf
            && facts.iter().any(|f| {
                f.relation == Relation::HeadOf
                    && f.object == Object::Entity(home)
                    && f.modality == Modality::Asserted
                    && f.subject != person
                    && f.title.as_deref().is_none_or(|t| t.to_lowercase().contains(post))
            });
        if post_taken {
            continue;
        }
        // A person the country actors place in another state's politics
        // ("President Reagan" in a report from London) holds that state's
        // post, when the text names it, and none of the home country's.
        let known = crate::gazetteer::state_of_person(&entities[person].name);
        let state = match known {
            Some(code) if entities[home].links.iso2.as_deref() != Some(code) => {
                let named = entities
                    .iter()
                    .position(|e| e.kind == EntityType::Country && e.links.iso2.as_deref() == Some(code));
                match named {
                    Some(state) => state,
                    None => continue,
                }
            }
            _ => home,
        };
        out.push(title_fact(text, m, (person, relation, state), title, confidence));
    }
    out
}

/// The country of the dateline the body opens with ("WASHINGTON, March 3 -"),
/// when the text names that country too.
fn dateline_country(
    text: &str,
    body_start: usize,
    mentions: &[Mention],
    assignment: &[Option<usize>],
    entities: &[DocEntity],
) -> Option<usize> {
    let gazetteer = Gazetteer::global();
    let first = mentions
        .iter()
        .zip(assignment)
        .filter(|(m, _)| m.span.start() >= body_start)
        .find_map(|(m, e)| e.map(|_| m))?;
    let opening = text[body_start..first.span.start()].trim_start_matches(|c: char| !c.is_alphanumeric());
    let dateline = opening.is_empty() || opening.starts_with("(Text)");
    let after = &text[first.span.end()..];
    if !dateline || !(after.starts_with(',') || after.starts_with(" -") || after.starts_with(" (")) {
        return None;
    }
    let entry = gazetteer.entry(first.link?);
    let home_iso = if entry.kind == GazKind::Country { entry.iso2.clone() } else { entry.country.clone() }?;
    entities
        .iter()
        .position(|e| e.kind == EntityType::Country && !e.adjectival && e.links.iso2.as_deref() == Some(&home_iso))
        .or_else(|| {
            entities.iter().position(|e| e.kind == EntityType::Country && e.links.iso2.as_deref() == Some(&home_iso))
        })
}

/// With no dateline, the country a report is about: named (or its people
/// named) at least three times, and twice as often as any other.
fn dominant_country(mentions: &[Mention], assignment: &[Option<usize>], entities: &[DocEntity]) -> Option<usize> {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for e in assignment.iter().zip(mentions).filter_map(|(e, _)| *e) {
        if entities[e].kind == EntityType::Country {
            *counts.entry(e).or_default() += 1;
        }
    }
    let mut ranked: Vec<(usize, usize)> = counts.into_iter().map(|(e, n)| (n, e)).collect();
    ranked.sort_by(|a, b| b.cmp(a));
    match ranked.as_slice() {
        [(n, e)] if *n >= 3 => Some(*e),
        [(n, e), (m, _), ..] if *n >= 3 && *n >= 2 * m => Some(*e),
        _ => None,
    }
}
