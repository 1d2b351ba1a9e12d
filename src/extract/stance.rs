//! # Stance: who supports and who opposes what
//!
//! ## What it extracts
//! `supports` and `opposes` from verbs ("criticized", "condemned",
//! "rejected", "voted against", "backed", "welcomed", "praised",
//! "celebrated"), from nouns ("the support of A and B for C", "A's
//! criticism of B", "U.S. opposition to B", "A, with the backing of B and
//! C,"), from the passive ("was welcomed by A", "confirmed by A
//! as a positive contributor"), and from reported evaluations ("A said the
//! deal violates / strengthens ..."). The verbs and nouns are the support
//! and oppose lists of `data/lexicon/triggers/`, generated from the CAMEO
//! codes 051-052, 110-12x, 163 and 172 (sanctions, bans) of the PETRARCH2
//! dictionaries; a stance noun as the object of a verb of expressing keeps
//! its subject as the holder ("expressed support for B", "filed a lawsuit
//! against B", "issued a ruling against B"); denying or rejecting "B's
//! charges" (a noun of `claim_nouns.txt`) opposes B, and "denied" there
//! negates nothing; the act's doer in an "of" phrase is what is opposed
//! too ("condemned the decision of the Y", "welcomed an initiative by the
//! Y"), and a measure laid "on" someone opposes them ("imposed sanctions
//! on B", "U.S. sanctions on B"). The object may be an event told by a description
//! ("condemned the bombings", "opposed the withdrawal of troops"), an
//! unnamed event joined to the document's named one of that head. The verbs are
//! read over the sentence's clauses: the subject (or the passive's agent)
//! holds the stance towards the object (or the passive's subject, or the
//! verb's own preposition: "voted against"), through lists, relative
//! clauses ("A, who chairs B, criticised C"), appositions, honorifics and
//! titles before the object ("criticised Mr X") and coordinated verbs.
//! Verbs of attack oppose an event or an agreement they act on ("attacked
//! the inquiry", "torpedoed the deal"), not a person, body or place
//! ("attacked the town": `oppose_act_verbs.txt`).
//! Idioms the dictionaries lack ("took aim at X's remarks", "threw its
//! weight behind X", "railed against X": `stance_idioms.tsv`), trading
//! accusations (each side opposes the other), a verb of feeling ("X
//! angered Y", "Y was angered by X": Y opposes X, `offend_verbs.txt`)
//! and a stated feeling ("Chile is unhappy with the pact", "“We are
//! delighted with the accord,” said X") hold stance too.
//! Stance drawn from others holds too: "X drew criticism from Y", "X's
//! plan won praise from Y", "X came under fire from Y", "X enjoys the
//! support of Y" (Y towards X; `triggers/received_stance.tsv`, from the
//! dictionaries' reversed patterns such as "GET SUPPORT (FROM)" \[:051\]).
//! A capital holding or undergoing a stance stands for its state's
//! government ("Beijing lashed out at ...", "accused Washington"), where
//! the document names that state; an act's doer may be named right before
//! the act's noun ("supports the U.S. bid", "lashed out at European Union
//! investigations", "welcomed the Chilean proposal"); a verb with its
//! particle reads its preposition past other phrases ("lashed out on
//! Thursday at X"). A stance on someone's appointment or taking office is
//! a stance on that person too ("opposed the nomination of X", "opposition
//! to the swearing-in of X", "X's candidacy": `office_taking_nouns.txt`).
//! The parties of an agreement spoken of together ("both
//! sides hailed the accord", "was welcomed by the two governments":
//! `side_nouns.txt`) are its signatory states and bodies read so far.
//! Being against a thing opposes it ("we are against the plan"); "I" or
//! "we" inside a quote is its speaker ("“We are against the plan,” said
//! X"). Naming with an evaluation ("X called the deal “lousy”", "X
//! described the accord as a disaster", "with X calling Y “a hero”")
//! holds the stance its words' valence gives (`evaluative_words.tsv`,
//! from the VADER lexicon; verbs of `naming_verbs.txt`). A verdict stated
//! after a verb of speaking or judging, past a time ("X said on Friday
//! that the pact was illegal", "the court ruled on May 3 the suspension
//! was illegal": `judging_verbs.txt`), is the speaker's or judge's stance.
//!
//! ## Example
//! "Brazil welcomed the accord, while Argentina criticized it."
//!
//! ## Produces
//! `Brazil supports accord` (the pronoun "it" is not resolved).
//!
//! ## Known misses
//! Stance through long paraphrases; a description that fits two people
//! ("the minister" where two ministers were named); irony; stance in
//! questions is marked hedged, not asserted; acts the dictionaries code
//! as threats or coercion ("threatened", "blocked"), not as stance;
//! evaluations in words the VADER lexicon lacks ("repugnant", "a breach of
//! his duties"); a subject the clause reader cuts after an infinitive ("X's
//! moves to trim liberties have prompted criticism from Y" reads
//! "liberties" as the subject).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use std::ops::Range;

use crate::extract::lexicon::{
    all, alternation, AGAINST_NOUNS, APPOINT_NOUNS, CLAIM_NOUNS, OFFEND_VERBS, OFFICE_TAKING_NOUNS, OPPOSE_ACT_VERBS,
    OPPOSE_NOUNS, OPPOSE_VERBS, SPEECH_VERBS, STANCE_ACT_NOUNS, STANCE_LIGHT_VERBS, STATE_HEADS, SUPPORT_NOUNS,
    SUPPORT_VERBS, TIME_WORDS,
};
use crate::extract::model::{EntityType, Modality, Object, Relation};
use crate::extract::nominals;
use crate::extract::pattern::{entities, entity};
use crate::extract::statements;
use crate::extract::structure::Structure;
use crate::extract::view::{list, SentenceView};
use crate::extract::{DocContext, Findings, Found, RelationExtractor};
use crate::text::clause::Clause;
use crate::text::wordlist::{tsv_rows, WordList};

/// The stance extractor.
#[derive(Debug)]
pub struct Stance;

const NAME: &str = "stance";

/// The holder of a stance: a person, country or body, or a country's
/// state named by its adjective ("the Chilean government").
fn subject() -> String {
    let heads = alternation(all(&[&STATE_HEADS]));
    format!(r"(?P<s>«[POC]\d+»|«D\d+» (?:{heads}))(?:,[^,«]{{1,40}},)?")
}
const ADVERBS: &str = r",?(?: |$)(?:(?:has|have|had|did|does|do|will|would|may|might|could|not|never|no longer|also|strongly|openly|sharply|publicly|repeatedly|firmly|formally|fiercely|warmly|unanimously|quickly|immediately|swiftly|already|further|again|both|officially|vehemently) )*";
const OBJECT: &str = r"(?:the |this |that |a |an |their |its |his |her )?(?P<o>«[POCLAE]\d+»)";
/// The nouns of stance.
fn nouns() -> String {
    alternation(all(&[&OPPOSE_NOUNS, &SUPPORT_NOUNS]))
}

static NOUN_OF_FOR: LazyLock<Regex> = LazyLock::new(|| {
    let holders = list("holders", "POC");
    let nouns = nouns();
    crate::extract::pattern::compile(&format!(
        r"\b(?P<n>{nouns}) (?:of|by|from) (?:the )?{holders} (?:for|of|to) {OBJECT}"
    ))
    .expect("valid pattern")
});
/// Words that qualify a stance noun ("strong support", "fierce opposition").
const NOUN_MODIFIERS: &str = r"(?:(?:strong|full|firm|continued|unwavering|public|open|fierce|sharp|tacit|explicit) )?";
static POSSESSIVE_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    let nouns = nouns();
    crate::extract::pattern::compile(&format!(
        r"(?P<s>«[POC]\d+»)(?:'s|’s) {NOUN_MODIFIERS}(?P<n>{nouns}) (?P<p>for|of|to|on|upon) {OBJECT}"
    ))
    .expect("valid pattern")
});
/// A state's stance named by its name or adjective before the noun: "U.S.
/// opposition to X", "Chinese support for X" (the state holds it).
static STATE_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    let nouns = nouns();
    crate::extract::pattern::compile(&format!(
        r"(?P<s>«[CD]\d+») {NOUN_MODIFIERS}(?P<n>{nouns}) (?P<p>for|of|to|on|upon) {OBJECT}"
    ))
    .expect("valid pattern")
});
/// "A -- with the backing of B, C and D -- pressed on": the holders of a
/// support noun after "with the" back the name the phrase is set after.
static WITH_SUPPORT_OF: LazyLock<Regex> = LazyLock::new(|| {
    let holders = list("holders", "POC");
    let nouns = alternation(all(&[&SUPPORT_NOUNS]));
    crate::extract::pattern::compile(&format!(
        r"(?P<o>«[POC]\d+»),? (?:--|—|–|,)? ?with the {NOUN_MODIFIERS}(?:{nouns}) of (?:the )?{holders}"
    ))
    .expect("valid pattern")
});
static PASSIVE_AS: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(r"(?P<o>«[POCLAE]\d+»)(?: (?:between|of|among|with|from) [^.;]{0,80}?)? (?:has been|have been|was|were|had been|is|are) (?:confirmed|recognized|recognised|seen|described|hailed|welcomed|praised|viewed|characterized) by (?:the )?(?P<s>«[POC]\d+») as (?:a |an )?(?:(?P<pos>positive|important|valuable|welcome|key|significant|major|constructive|stabilizing|stabilising)|(?P<neg>threat|danger|provocation|negative|destabilizing|destabilising))").expect("valid pattern")
});
static EVALUATION: LazyLock<Regex> = LazyLock::new(|| {
    let speech = alternation(SPEECH_VERBS.words().iter().copied());
    let subject = subject();
    crate::extract::pattern::compile(&format!(r"{subject}{ADVERBS}(?:{speech}) (?:that )?(?:the |this |a )?(?P<o>«[POCLAE]\d+») (?:(?P<neg>violates|violated|undermines|undermined|threatens|threatened|destabili[sz]es|endangers|jeopardi[sz]es|provokes|escalates|is a threat|poses a threat|is illegal|is unacceptable|is dangerous)|(?P<pos>strengthens|strengthened|contributes to|is an important|is a positive|will strengthen|is a step|marks a|enhances|improves|supports))")).expect("valid pattern")
});

impl RelationExtractor for Stance {
    fn name(&self) -> &'static str {
        NAME
    }

    fn extract(&self, view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
        let text = &view.text;
        // One name is enough where the clauses were read: the other may be
        // a pronoun or a description ("he", "the minister").
        if view.entities_in(0..text.len()).len() < 2 && doc.structure.is_none() {
            return;
        }
        from_clauses(view, doc, out);
        from_collective_sides(view, doc, out);
        from_stance_nouns(view, doc, out);
        from_stance_agents(view, doc, out);
        from_evaluations(view, doc, out);
        from_spoken_evaluations(view, doc, out);
        from_feelings(view, doc, out);
        from_idioms(view, doc, out);
        from_received(view, doc, out);
        for caps in PASSIVE_AS.captures_iter(text) {
            let relation = if caps.name("neg").is_some() { Relation::Opposes } else { Relation::Supports };
            add(view, &caps, entity(view, &caps, "s"), relation, 65, out);
        }
        for caps in EVALUATION.captures_iter(text) {
            let relation = if caps.name("neg").is_some() { Relation::Opposes } else { Relation::Supports };
            add(view, &caps, entity(view, &caps, "s"), relation, 60, out);
        }
        for caps in POSSESSIVE_NOUN.captures_iter(text).chain(STATE_NOUN.captures_iter(text)) {
            let relation = noun_relation(&caps["n"]);
            // "U.S. sanctions on X" is a measure against X; "support on" no stance.
            if matches!(&caps["p"], "on" | "upon") && relation == Relation::Supports {
                continue;
            }
            add(view, &caps, entity(view, &caps, "s"), relation, 70, out);
        }
        for caps in WITH_SUPPORT_OF.captures_iter(text) {
            for (_, holder) in entities(view, &caps, "holders") {
                add(view, &caps, Some(holder), Relation::Supports, 65, out);
            }
        }
        for caps in NOUN_OF_FOR.captures_iter(text) {
            let relation = noun_relation(&caps["n"]);
            for (_, holder) in entities(view, &caps, "holders") {
                add(view, &caps, Some(holder), relation, 70, out);
            }
        }
    }
}

/// Verbs of naming with an evaluation ("called", "described ... as",
/// "branded").
static NAMING_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/naming_verbs.txt"));

/// Words that praise or condemn, with their valence (VADER, `evaluative_words.tsv`).
static EVALUATIVE_WORDS: LazyLock<HashMap<&'static str, f32>> = LazyLock::new(|| {
    tsv_rows(include_str!("../../data/lexicon/evaluative_words.tsv"))
        .filter_map(|(word, valence)| Some((word, valence.parse().ok()?)))
        .collect()
});

/// The summed valence an evaluation must reach to praise or condemn.
const EVALUATION_THRESHOLD: f32 = 1.5;

/// The summed valence a stated judgement ("the deal was a good start")
/// must reach: more than a naming's, as a predicate describes more often
/// than it judges ("the talks were difficult").
const STATED_EVALUATION_THRESHOLD: f32 = 1.9;

/// Naming with an evaluation: "X called Y's conduct a “breach of ...”"
/// (X opposes Y), "X described the accord as a disaster", "with X calling
/// Y “a hero”" (X supports Y). The evaluation is the "as" phrase, or the
/// words after the named thing up to a comma, a conjunction or the end
/// (a quote read whole); its words' summed valence decides, a negation
/// turning it. "X called Y, a colleague" (a comma) and "called on Y" (no
/// object) evaluate nothing.
fn from_evaluations(view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
    let Some(st) = doc.structure else { return };
    let words = &st.words;
    for clause in &st.clauses {
        if !NAMING_VERBS.contains(&words[clause.verb.head].to_lowercase().as_str()) || clause.verb.passive {
            continue;
        }
        let Some(named) = clause.objects.first() else { continue };
        // "what he called China's repugnant proposal": the words of the
        // object are the evaluation, and its owner what is judged.
        let opener = clause.actor(words).first().map_or(clause.verb.start, |a| a.start.min(clause.verb.start));
        let what = opener.checked_sub(1).is_some_and(|k| words[k].eq_ignore_ascii_case("what"));
        let evaluation = match clause.prep(words, "as").and_then(<[_]>::first) {
            _ if what => named.clone(),
            Some(unit) if unit.start == named.end + 1 => unit.clone(),
            _ => named.end..evaluation_end(words, named.end),
        };
        let Some(relation) = judgement(&words[evaluation.clone()], EVALUATION_THRESHOLD) else { continue };
        let target =
            if what { st.owner_of(named) } else { stance_target(st, named, doc).or_else(|| st.owner_of(named)) };
        let Some(target) = target else { continue };
        // "with X calling Y ...": a gerund's holder is the name before it.
        let holders: Vec<usize> = if clause.actor(words).is_empty() {
            st.names().filter(|(t, _, _)| t.end == clause.verb.start).map(|(_, _, e)| e).collect()
        } else {
            clause.actor(words).iter().flat_map(|a| st.subject_entities(a, doc.entities, doc.last_person)).collect()
        };
        let range = view.view_range(st.span(opener..evaluation.end.max(named.end)));
        for holder in holders {
            if holder == target
                || !matches!(doc.kind(holder), EntityType::Person | EntityType::Country | EntityType::Organization)
            {
                continue;
            }
            out.add(view, Found::new(holder, relation, Object::Entity(target), range.clone(), NAME, 60));
        }
    }
}

/// An evaluation a speaker states: "“The agreement was a good start,”
/// said X", "X said the suspension would be an outrage" (X supports the
/// agreement, opposes the suspension). A clause whose verb is a form of
/// "be" judges its subject by the words after the verb (summed valence, as
/// for naming); the holder is the speaker of the quote the subject stands
/// in, or the subject of a verb of speaking right before it ("said" or
/// "said that", then the judged phrase). A pronoun subject judges nothing
/// here.
fn from_spoken_evaluations(view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
    let Some(st) = doc.structure else { return };
    let words = &st.words;
    let mut quotes = None;
    for (index, clause) in st.clauses.iter().enumerate() {
        if !crate::text::clause::is_copula(words[clause.verb.head])
            || clause.verb.passive
            || clause.subject_inherited
            || clause.subject.len() != 1
        {
            continue;
        }
        let judged = &clause.subject[0];
        // A pronoun, or a phrase with a clause of its own ("the point that I
        // found during this trip to Europe"), is not the judged name.
        // It must open the clause: at the sentence's or a quote's start, or
        // after "said" or "that" (not "a trip to Europe was ...").
        let opens = judged.start.checked_sub(1).is_none_or(|k| {
            matches!(words[k], "\"" | "“" | "'" | "‘")
                || words[k].eq_ignore_ascii_case("that")
                || reporting_verb_before(words, judged.start).is_some()
        });
        if !opens
            || judged.len() == 1 && words[judged.start].chars().all(char::is_lowercase)
            || judged.clone().any(|k| matches!(st.upos(k), "VERB" | "AUX"))
        {
            continue;
        }
        let evaluation = clause.verb.start..evaluation_end(words, clause.verb.end);
        // The nouns and adjectives judge ("an indirect wholly owned unit"
        // judges nothing), with any negation; a stated judgement must be
        // stronger than a naming's.
        let judging: Vec<&str> = evaluation
            .clone()
            .filter(|&k| matches!(st.upos(k), "ADJ" | "NOUN" | "PART") || words[k].eq_ignore_ascii_case("never"))
            .map(|k| words[k])
            .collect();
        let Some(relation) = judgement(&judging, STATED_EVALUATION_THRESHOLD) else { continue };
        let Some(target) = stance_target(st, judged, doc) else { continue };
        // "X is interested", "X is ready": an adjective said of a person or
        // a body tells its own mind; only a noun phrase judges it ("X was a
        // hero"). Of an act or an accord an adjective judges ("unacceptable").
        let told = matches!(doc.kind(target), EntityType::Agreement | EntityType::Event);
        if !told && !nominal_judgement(st, clause.verb.end..evaluation.end) {
            continue;
        }
        let at = view.view_range(st.span(judged.clone()));
        let quoted = quotes
            .get_or_insert_with(|| statements::quotes(view, doc))
            .iter()
            .find(|q| q.content.start <= at.start && at.end <= q.content.end)
            .map(|q| (q.speaker, q.whole.clone()));
        let reported = || {
            let verb = reporting_verb_before(words, judged.start)?;
            let speech = st.clauses[..index].iter().rev().find(|c| !c.verb.passive && c.verb.head == verb)?;
            let [actor] = speech.actor(words) else { return None };
            let holder = st.subject_entity(actor, doc.entities, doc.last_person)?;
            Some((holder, view.view_range(st.span(actor.start.min(judged.start)..evaluation.end))))
        };
        let Some((holder, range)) = quoted.or_else(reported) else { continue };
        if holder == target
            || !matches!(doc.kind(holder), EntityType::Person | EntityType::Country | EntityType::Organization)
        {
            continue;
        }
        out.add(view, Found::new(holder, relation, Object::Entity(target), range, NAME, 60));
    }
}

/// Verbs of judging read as verbs of speaking before a stated verdict
/// ("the court ruled the suspension was unlawful": `judging_verbs.txt`).
static JUDGING_VERBS: WordList = WordList::new(include_str!("../../data/lexicon/judging_verbs.txt"));

/// The verb of speaking or judging whose reported clause starts at
/// `start`: right before it, or before "that", or before a time adjunct
/// ("said on Friday that ...", "ruled on September 11 the ...").
fn reporting_verb_before(words: &[&str], start: usize) -> Option<usize> {
    let mut k = start.checked_sub(1)?;
    if words[k].eq_ignore_ascii_case("that") {
        k = k.checked_sub(1)?;
    }
    // A time adjunct of calendar words and numbers after "on", "late" or
    // "earlier" (at most five words).
    let mut j = k;
    while j + 5 > k
        && (TIME_WORDS.contains(&words[j]) || words[j].bytes().all(|b| b.is_ascii_digit()) || words[j] == ",")
    {
        j = j.checked_sub(1)?;
    }
    if j < k && matches!(words[j].to_lowercase().as_str(), "on" | "late" | "earlier" | "last" | "this") {
        k = j.checked_sub(1)?;
        if matches!(words[k].to_lowercase().as_str(), "late" | "earlier") {
            k = k.checked_sub(1)?;
        }
    }
    let verb = words[k].to_lowercase();
    (SPEECH_VERBS.contains(&verb.as_str()) || JUDGING_VERBS.contains(&verb.as_str())).then_some(k)
}

/// Prepositions of what a feeling is about (`feeling_prepositions.txt`).
static FEELING_PREPOSITIONS: WordList = WordList::new(include_str!("../../data/lexicon/feeling_prepositions.txt"));

/// A feeling its holder states about a thing: "Chile is unhappy with the
/// pact", "“We are delighted with the accord,” said X" (X supports it),
/// "Peru was satisfied with the decision of the Y" (Peru supports the Y; "was
/// not satisfied" gives the same fact, negated). A form of "be", then only
/// adverbs and adjectives, then a preposition of `feeling_prepositions.txt`;
/// the adjectives' summed valence decides, at the threshold of a naming.
/// The holder is the subject, or for "I" and "we" in a quote its speaker.
fn from_feelings(view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
    let Some(st) = doc.structure else { return };
    let words = &st.words;
    for clause in &st.clauses {
        if !crate::text::clause::is_copula(words[clause.verb.head])
            || clause.verb.passive
            || clause.subject.len() != 1
            || !clause.objects.is_empty()
        {
            continue;
        }
        let Some((prep, phrase)) = clause.preps.first() else { continue };
        let feeling = clause.verb.end..*prep;
        if !FEELING_PREPOSITIONS.contains(&words[*prep].to_lowercase().as_str())
            || !feeling.clone().any(|k| st.upos(k) == "ADJ")
            || !feeling.clone().all(|k| matches!(st.upos(k), "ADJ" | "ADV" | "PART"))
        {
            continue;
        }
        // "was not satisfied with": the evidence's modality says it.
        let judging: Vec<&str> = feeling.clone().map(|k| words[k]).collect();
        let Some(relation) = judgement(&judging, EVALUATION_THRESHOLD) else { continue };
        let actor = &clause.subject[0];
        let Some(holder) = quoted_first_person(st, actor, view, doc)
            .or_else(|| st.subject_entity(actor, doc.entities, doc.last_person))
        else {
            continue;
        };
        if !matches!(doc.kind(holder), EntityType::Person | EntityType::Country | EntityType::Organization) {
            continue;
        }
        let Some(unit) = phrase.first() else { continue };
        let target = stance_target(st, unit, doc).or_else(|| act_of(st, clause, unit, doc).map(|(e, _)| e));
        let Some(target) = target.filter(|&t| t != holder) else { continue };
        let said_by = st.reporting_start(actor, doc.entities).unwrap_or(actor.start);
        let range = view.view_range(st.span(said_by.min(clause.verb.start)..unit.end));
        out.add(view, Found::new(holder, relation, Object::Entity(target), range, NAME, 60));
    }
}

/// A phrasal idiom of stance (`stance_idioms.tsv`): its verb forms, its
/// object's head nouns (none: no object), the preposition of the target
/// (none: the subjects take it towards each other) and the stance.
struct Idiom {
    verbs: Vec<&'static str>,
    /// Singular, as object heads are compared.
    objects: Vec<String>,
    preposition: Option<&'static str>,
    relation: Relation,
}

/// The idioms of the dictionaries (`triggers/stance_idioms.tsv`) and those
/// they lack (`stance_idioms.tsv`).
static STANCE_IDIOMS: LazyLock<Vec<Idiom>> = LazyLock::new(|| {
    stance_rows(include_str!("../../data/lexicon/triggers/stance_idioms.tsv"))
        .chain(stance_rows(include_str!("../../data/lexicon/stance_idioms.tsv")))
        .map(|(verbs, objects, preposition, relation)| Idiom {
            verbs,
            objects: objects.into_iter().map(nominals::singular).collect(),
            preposition,
            relation,
        })
        .collect()
});

/// The rows of a stance phrase file: verb forms (|), object nouns (|, "-":
/// none), the preposition ("-": none) and the relation ("supports ...",
/// else opposes).
type StanceRow = (Vec<&'static str>, Vec<&'static str>, Option<&'static str>, Relation);

fn stance_rows(text: &'static str) -> impl Iterator<Item = StanceRow> {
    let list = |field: &'static str| -> Vec<&'static str> { field.split('|').filter(|w| *w != "-").collect() };
    text.lines().filter(|line| !line.starts_with('#') && !line.trim().is_empty()).filter_map(move |line| {
        let [verbs, objects, preposition, relation] = line.split('\t').collect::<Vec<_>>()[..] else { return None };
        let relation = if relation.starts_with("supports") { Relation::Supports } else { Relation::Opposes };
        Some((list(verbs), list(objects), (preposition != "-").then_some(preposition), relation))
    })
}

/// Idioms and verbs of feeling over the clauses: "A took aim at B's
/// remarks", "A threw its weight behind B", "A railed against B"
/// (`stance_idioms.tsv`, the dictionaries' and kgforge's); "A and B traded
/// accusations" (each opposes the other); "B angered A", "A was angered by
/// B" (A opposes B: `triggers/offend_verbs.txt`).
fn from_idioms(view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
    let Some(st) = doc.structure else { return };
    let words = &st.words;
    let holds = |e: usize| matches!(doc.kind(e), EntityType::Person | EntityType::Country | EntityType::Organization);
    let mut add = |holder: usize, relation: Relation, target: usize, range: Range<usize>| {
        if holder != target && holds(holder) {
            out.add(
                view,
                Found::new(holder, relation, Object::Entity(target), view.view_range(st.span(range)), NAME, 65),
            );
        }
    };
    for clause in &st.clauses {
        let verb = words[clause.verb.head].to_lowercase();
        let offends = OFFEND_VERBS.contains(&verb.as_str());
        let mut idioms = STANCE_IDIOMS.iter().filter(|i| i.verbs.contains(&verb.as_str())).peekable();
        if idioms.peek().is_none() && !offends {
            continue;
        }
        let holders: Vec<(usize, usize)> = clause
            .actor(words)
            .iter()
            .flat_map(|u| st.subject_entities(u, doc.entities, doc.last_person).into_iter().map(|e| (e, u.start)))
            .collect();
        for idiom in idioms {
            let object = clause.objects.iter().find(|o| {
                let head = nominals::singular(&words[o.end - 1].to_lowercase());
                idiom.objects.contains(&head)
            });
            if clause.verb.passive || object.is_none() != idiom.objects.is_empty() {
                continue;
            }
            let Some(preposition) = idiom.preposition else {
                // "A and B traded accusations": each opposes the other.
                let end = object.map_or(clause.verb.end, |o| o.end);
                for &(a, from) in &holders {
                    for &(b, _) in &holders {
                        add(a, idiom.relation, b, from.min(clause.verb.start)..end);
                    }
                }
                continue;
            };
            let Some((_, phrase)) = clause.preps.iter().find(|(p, _)| words[*p].eq_ignore_ascii_case(preposition))
            else {
                continue;
            };
            for unit in phrase.iter().take(1) {
                let Some(target) = stance_target(st, unit, doc) else { continue };
                for &(holder, from) in &holders {
                    add(holder, idiom.relation, target, from.min(clause.verb.start)..unit.end);
                }
            }
        }
        if !offends {
            continue;
        }
        // "B angered A": the object feels; "A was angered by B": the subject.
        let (feelers, causes): (&[Range<usize>], &[Range<usize>]) = if clause.verb.passive {
            (&clause.subject, clause.prep(words, "by").unwrap_or(&[]))
        } else {
            (&clause.objects, &clause.subject)
        };
        for cause in causes {
            let Some(target) =
                stance_target(st, cause, doc).or_else(|| st.subject_entity(cause, doc.entities, doc.last_person))
            else {
                continue;
            };
            for feeler in feelers {
                let Some(holder) = st.entity_of(feeler, doc.entities) else { continue };
                let from = cause.start.min(feeler.start).min(clause.verb.start);
                add(holder, Relation::Opposes, target, from..cause.end.max(feeler.end));
            }
        }
    }
}

/// Stance drawn from others (`triggers/received_stance.tsv`): its verb
/// forms, the object nouns it takes, the preposition before them ("came
/// under fire") and the stance.
struct Received {
    verbs: Vec<&'static str>,
    nouns: Vec<&'static str>,
    preposition: Option<&'static str>,
    relation: Relation,
}

static RECEIVED: LazyLock<Vec<Received>> = LazyLock::new(|| {
    stance_rows(include_str!("../../data/lexicon/triggers/received_stance.tsv"))
        .map(|(verbs, nouns, preposition, relation)| Received { verbs, nouns, preposition, relation })
        .collect()
});

/// Stance drawn from others: "X drew criticism from Y", "X's plan won
/// backing from Y", "X came under fire from Y", "the decision of X faced
/// opposition from Y": Y supports or opposes X (the subject, the owner of
/// the subject's act, or the act's doer after "of" or "by"). The holder is
/// named by "from" (or "of" right after the noun: "enjoys the support of
/// Y"); without one, nobody holds it ("drew criticism").
fn from_received(view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
    let Some(st) = doc.structure else { return };
    let words = &st.words;
    for clause in &st.clauses {
        if clause.verb.passive {
            continue;
        }
        let verb = words[clause.verb.head].to_lowercase();
        for row in RECEIVED.iter().filter(|r| r.verbs.contains(&verb.as_str())) {
            let head_in = |u: &Range<usize>| row.nouns.contains(&words[u.end - 1].to_lowercase().as_str());
            let noun = match row.preposition {
                Some(p) => clause.prep(words, p).and_then(|units| units.first()).filter(|u| head_in(u)),
                None => clause.objects.iter().find(|u| head_in(u)),
            };
            let Some(noun) = noun else { continue };
            // "drew the agency's criticism": the stance is the owner's, read elsewhere.
            if words[noun.clone()].iter().any(|w| matches!(*w, "'s" | "’s")) {
                continue;
            }
            let right_after =
                |prep: &str| clause.preps.iter().find(|(p, _)| *p == noun.end && words[*p].eq_ignore_ascii_case(prep));
            let from = clause.prep(words, "from").or_else(|| right_after("of").map(|(_, u)| u.as_slice()));
            let Some(holders) = from else { continue };
            for subject in &clause.subject {
                let target = stance_target(st, subject, doc).or_else(|| {
                    let next = words.get(subject.end)?;
                    if !matches!(next.to_lowercase().as_str(), "of" | "by")
                        || !STANCE_ACT_NOUNS.contains(&words[subject.end - 1].to_lowercase().as_str())
                    {
                        return None;
                    }
                    let doer = st.units.iter().find(|u| u.start == subject.end + 1)?;
                    st.entity_of(doer, doc.entities)
                });
                let Some(target) = target.map(|t| doc.government_of_capital(t).unwrap_or(t)) else { continue };
                for unit in holders {
                    let Some(holder) = st.entity_of(unit, doc.entities) else { continue };
                    let holder = doc.government_of_capital(holder).unwrap_or(holder);
                    if holder == target
                        || !matches!(
                            doc.kind(holder),
                            EntityType::Person | EntityType::Country | EntityType::Organization
                        )
                    {
                        continue;
                    }
                    let range = view.view_range(st.span(subject.start.min(clause.verb.start)..unit.end));
                    out.add(view, Found::new(holder, row.relation, Object::Entity(target), range, NAME, 65));
                }
            }
        }
    }
}

/// Whether a predicate judges by a noun phrase: it opens, after any
/// adverbs, with an article ("a good start", "now the best value"; not
/// "should be understanding of the pain").
fn nominal_judgement(st: &Structure<'_>, predicate: Range<usize>) -> bool {
    predicate
        .clone()
        .find(|&k| !matches!(st.upos(k), "ADV" | "PART"))
        .is_some_and(|k| matches!(st.words[k].to_lowercase().as_str(), "a" | "an" | "the"))
}

/// Where the evaluation after a named thing ends: a comma, a clause's
/// conjunction or the sentence's end outside quotes, or 12 words.
fn evaluation_end(words: &[&str], start: usize) -> usize {
    let mut quoted = false;
    let mut k = start;
    while k < words.len() && k < start + 12 {
        let w = words[k];
        if matches!(w, "\"" | "“" | "”" | "‘" | "’") {
            quoted = !quoted && w != "”";
        } else if !quoted
            && (matches!(w, "," | "." | ";" | ":" | "?" | "!" | "(" | "--" | "—" | "–")
                || matches!(
                    w.to_lowercase().as_str(),
                    "and"
                        | "but"
                        | "while"
                        | "after"
                        | "because"
                        | "since"
                        | "when"
                        | "as"
                        | "in"
                        | "on"
                        | "at"
                        | "for"
                        | "during"
                        | "to"
                        | "that"
                        | "which"
                        | "who"
                ))
        {
            break;
        }
        k += 1;
    }
    k
}

/// Whether words praise or condemn: their valences summed, turned by a
/// negation ("not a disaster").
fn judgement(words: &[&str], threshold: f32) -> Option<Relation> {
    let mut sum = 0.0f32;
    let mut negated = false;
    for w in words {
        let lower = w.to_lowercase();
        if matches!(lower.as_str(), "not" | "no" | "never" | "n't" | "hardly") {
            negated = true;
        }
        sum += EVALUATIVE_WORDS.get(lower.as_str()).copied().unwrap_or(0.0);
    }
    if negated {
        sum = -sum;
    }
    if sum <= -threshold {
        Some(Relation::Opposes)
    } else if sum >= threshold {
        Some(Relation::Supports)
    } else {
        None
    }
}

/// The speaker of a quote whose own words hold the stance: "“We are
/// against the plan,” said X" (X opposes it), "“I back Y,” X said".
fn quoted_first_person(
    st: &Structure,
    actor: &Range<usize>,
    view: &SentenceView,
    doc: &DocContext<'_>,
) -> Option<usize> {
    if actor.len() != 1 || !matches!(st.words[actor.start], "I" | "We" | "we") {
        return None;
    }
    let at = view.view_range(st.span(actor.clone()));
    statements::quotes(view, doc)
        .into_iter()
        .find(|q| q.content.start <= at.start && at.end <= q.content.end)
        .map(|q| q.speaker)
}

/// Stance verbs over the clauses of the sentence: the actor (subject, or
/// the agent of a passive) supports or opposes the patient (object, or the
/// subject of a passive), or the phrase of the verb's own preposition
/// ("warned against", "voted for"). One rule for every word order the
/// clause reader knows: lists, relative clauses, appositions, coordinated
/// verbs, gerunds. A negated verb ("did not back") gives a negated fact
/// (the modality of the evidence).
fn from_clauses(view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
    let Some(st) = doc.structure else { return };
    for clause in &st.clauses {
        let Some((relation, actors, patients, acts_only)) = trigger(&st.words, clause) else { continue };
        let confidence = match (clause.verb.passive, clause.subject_inherited) {
            (_, true) => 65,
            (true, false) => 70,
            (false, false) => 75,
        };
        let apposition = !clause.verb.passive && clause.apposition;
        let mut named = false;
        for actor in actors {
            // One referent named twice speaks once.
            if apposition && named {
                break;
            }
            let speaker = || quoted_first_person(st, actor, view, doc);
            let Some(subject) = speaker().or_else(|| st.subject_entity(actor, doc.entities, doc.last_person)) else {
                continue;
            };
            let subject = doc.government_of_capital(subject).unwrap_or(subject);
            if !matches!(doc.kind(subject), EntityType::Person | EntityType::Country | EntityType::Organization) {
                continue;
            }
            named = true;
            for patient in patients {
                // Opposing "X's decision" opposes X; backing "X's bid" backs
                // X; denying "X's charges" opposes X; dismissing "X's
                // concerns" says little about X.
                let claim = || CLAIM_NOUNS.contains(&st.words[patient.end - 1].to_lowercase().as_str());
                let direct = stance_target(st, patient, doc)
                    .or_else(|| (relation == Relation::Supports || claim()).then(|| st.owner_of(patient)).flatten());
                let doer = direct.is_none().then(|| act_of(st, clause, patient, doc)).flatten();
                let object = direct.or(doer.as_ref().map(|(e, _)| *e));
                let (appointee, appointee_end) = appointee_of(st, patient, doc)
                    .filter(|&(a, _)| a != subject)
                    .map_or((None, patient.end), |(a, end)| (Some(a), end));
                let Some(object) = object.or(appointee) else { continue };
                // "accused Washington": the capital stands for its state.
                let object = doc.government_of_capital(object).unwrap_or(object);
                // "attacked the inquiry" opposes it; "attacked the town" is no stance.
                if acts_only && !matches!(doc.kind(object), EntityType::Event | EntityType::Agreement) {
                    continue;
                }
                let verb = clause.verb.start..clause.verb.end;
                // "Peru said it backed Y": the evidence names the speaker.
                let said_by = st.reporting_start(actor, doc.entities).unwrap_or(actor.start);
                let first = [said_by, patient.start, verb.start].into_iter().min().unwrap_or(verb.start);
                let last = [actor.end, appointee_end, verb.end, doer.as_ref().map_or(0, |(_, u)| u.end)]
                    .into_iter()
                    .max()
                    .unwrap_or(verb.end);
                // An inherited subject stands elsewhere: the evidence is the verb phrase.
                let from = if clause.subject_inherited { verb.start.min(patient.start) } else { first };
                let range = view.view_range(st.span(from..last));
                if let Some(appointee) = appointee.filter(|&a| a != object) {
                    out.add(
                        view,
                        Found::new(subject, relation, Object::Entity(appointee), range.clone(), NAME, confidence),
                    );
                }
                out.add(view, Found::new(subject, relation, Object::Entity(object), range, NAME, confidence));
            }
        }
    }
}

/// "Both sides hailed the accord", "the accord was welcomed by the two
/// governments": the parties spoken of together hold the stance, each of
/// the agreement's signatory states and bodies read so far in the document
/// (its people, where it has none).
fn from_collective_sides(view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
    let Some(st) = doc.structure else { return };
    for clause in &st.clauses {
        let Some((relation, actors, patients, _)) = trigger(&st.words, clause) else { continue };
        let Some(sides) = actors.iter().find(|a| crate::extract::structure::names_both_sides(&st.words, a)) else {
            continue;
        };
        for patient in patients {
            let Some(agreement) = stance_target(st, patient, doc).filter(|&a| doc.kind(a) == EntityType::Agreement)
            else {
                continue;
            };
            let signatories = |people: bool| -> Vec<usize> {
                let mut found: Vec<usize> = out
                    .facts
                    .iter()
                    .filter(|f| {
                        f.subject == agreement && f.relation == Relation::Signatory && f.modality == Modality::Asserted
                    })
                    .filter_map(|f| match f.object {
                        Object::Entity(e) => Some(e),
                        Object::Date(_) => None,
                    })
                    .filter(|&e| (doc.kind(e) == EntityType::Person) == people)
                    .collect();
                found.sort_unstable();
                found.dedup();
                found
            };
            let states = signatories(false);
            let holders = if states.is_empty() { signatories(true) } else { states };
            let verb = clause.verb.start..clause.verb.end;
            let first = sides.start.min(patient.start).min(verb.start);
            let last = sides.end.max(patient.end).max(verb.end);
            let range = view.view_range(st.span(first..last));
            for holder in holders {
                out.add(view, Found::new(holder, relation, Object::Entity(agreement), range.clone(), NAME, 60));
            }
        }
    }
}

/// A stance named by the object of a verb that keeps its subject as the
/// holder: "A expressed support for B", "A voiced opposition to B", "A filed a
/// lawsuit against B", "A issued a ruling against B", and in the passive
/// "a lawsuit filed by A against B". The noun is a support
/// or oppose noun of the trigger lists, or a noun of a measure taken against
/// someone (`triggers/against_nouns.txt`); the verb is one of
/// `stance_light_verbs.txt` (not "won support for", "faced charges"). A
/// measure named by an oppose noun may be laid "on" its target ("imposed
/// sanctions on B").
fn from_stance_nouns(view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
    let Some(st) = doc.structure else { return };
    let words = &st.words;
    for clause in &st.clauses {
        if !STANCE_LIGHT_VERBS.contains(&words[clause.verb.head].to_lowercase().as_str()) {
            continue;
        }
        // Active: the noun is the object and its preposition follows it
        // ("filed a lawsuit against B"). Passive: the noun is the subject
        // and the preposition is the verb's ("a lawsuit filed by A against
        // B"); the agent holds the stance, and the noun may be the one right
        // before the participle where the clause reader took the head of
        // its "of" chain ("in favor of a lawsuit filed by A").
        let (nouns, holders): (Vec<&Range<usize>>, &[Range<usize>]) = if clause.verb.passive {
            let before = st.units.iter().find(|u| u.end == clause.verb.start);
            (clause.subject.iter().chain(before).collect(), clause.prep(words, "by").unwrap_or(&[]))
        } else {
            (clause.objects.iter().collect(), &clause.subject)
        };
        for noun in nouns {
            // "the court threw out the agency's case against B": a stance
            // owned by another is not the subject's.
            if !clause.verb.passive && words[noun.clone()].iter().any(|w| matches!(*w, "'s" | "’s")) {
                continue;
            }
            let head = words[noun.end - 1].to_lowercase();
            let support = SUPPORT_NOUNS.contains(&head.as_str());
            let oppose = OPPOSE_NOUNS.contains(&head.as_str());
            let against = AGAINST_NOUNS.contains(&head.as_str());
            let prep = if clause.verb.passive {
                let named = |options: &[&str]| clause.preps.iter().find(|(p, _)| lower_in(words[*p], options));
                named(&["for", "to", "against"]).or_else(|| named(&["on", "upon"]).filter(|_| oppose))
            } else {
                clause.preps.iter().find(|(p, _)| *p == noun.end)
            };
            let Some((prep, phrase)) = prep else { continue };
            let relation = match words[*prep].to_lowercase().as_str() {
                "for" | "to" if support => Relation::Supports,
                "against" if support => continue,
                "against" if oppose || against => Relation::Opposes,
                "to" if oppose => Relation::Opposes,
                // A measure laid on its target: "imposed sanctions on B",
                // "placed a ban on B" (not "launched an attack on the town").
                "on" | "upon" if oppose => Relation::Opposes,
                _ => continue,
            };
            for actor in holders {
                let speaker = || quoted_first_person(st, actor, view, doc);
                let Some(subject) = speaker().or_else(|| st.subject_entity(actor, doc.entities, doc.last_person))
                else {
                    continue;
                };
                if !matches!(doc.kind(subject), EntityType::Person | EntityType::Country | EntityType::Organization) {
                    continue;
                }
                for unit in phrase {
                    let (appointee, appointee_end) = appointee_of(st, unit, doc)
                        .filter(|&(a, _)| a != subject)
                        .map_or((None, unit.end), |(a, end)| (Some(a), end));
                    let Some(target) = stance_target(st, unit, doc).or(appointee) else { continue };
                    let from = if clause.subject_inherited && !clause.verb.passive {
                        clause.verb.start
                    } else {
                        actor.start.min(clause.verb.start).min(noun.start)
                    };
                    let range = view.view_range(st.span(from..appointee_end.max(actor.end)));
                    if let Some(appointee) = appointee.filter(|&a| a != target) {
                        out.add(
                            view,
                            Found::new(subject, relation, Object::Entity(appointee), range.clone(), NAME, 70),
                        );
                    }
                    out.add(view, Found::new(subject, relation, Object::Entity(target), range, NAME, 70));
                }
            }
        }
    }
}

/// Whom an appointment told by a phrase puts in office: "the nomination of
/// B", "B's appointment" (the appointing nouns of the trigger lists), "the
/// swearing-in of B", "B's candidacy" (`office_taking_nouns.txt`).
/// Opposing or backing it opposes or backs B as well. Returns B and the
/// end of the words that name B (after "of", or the unit's own).
fn appointee_of(
    st: &crate::extract::structure::Structure<'_>,
    unit: &Range<usize>,
    doc: &DocContext<'_>,
) -> Option<(usize, usize)> {
    let head = st.words.get(unit.end.checked_sub(1)?)?.to_lowercase();
    if !APPOINT_NOUNS.contains(&head.as_str()) && !OFFICE_TAKING_NOUNS.contains(&head.as_str()) {
        return None;
    }
    let person = |e: usize| (doc.kind(e) == EntityType::Person).then_some(e);
    if st.words.get(unit.end).is_some_and(|w| *w == "of") {
        let next = st.units.iter().find(|u| u.start == unit.end + 1)?;
        return st.entity_of(next, doc.entities).and_then(person).map(|e| (e, next.end));
    }
    st.owner_of(unit).and_then(person).map(|e| (e, unit.end))
}

/// What a stance is towards: the entity a phrase names, or the owner of
/// what someone decided or did ("China's decision": China), or the doer
/// named right before the act's noun ("the U.S. bid", "European Union
/// investigations", "the Chilean proposal").
fn stance_target(
    st: &crate::extract::structure::Structure<'_>,
    unit: &Range<usize>,
    doc: &DocContext<'_>,
) -> Option<usize> {
    st.entity_of(unit, doc.entities).or_else(|| {
        if !STANCE_ACT_NOUNS.contains(&st.words[unit.end - 1].to_lowercase().as_str()) {
            return None;
        }
        st.owner_of(unit).or_else(|| {
            let head = unit.end - 1;
            st.modifier_at(head)
                .filter(|&e| matches!(doc.kind(e), EntityType::Country | EntityType::Organization | EntityType::Person))
        })
    })
}

/// Whose act a stance is taken towards when the act's doer follows it in
/// an "of" or "by" phrase: "condemned the decision of the Y", "welcomed an
/// initiative by the Y" (the Y), as "the Y's decision" would say.
/// Returns the doer and its phrase.
fn act_of(
    st: &Structure<'_>,
    clause: &Clause,
    patient: &Range<usize>,
    doc: &DocContext<'_>,
) -> Option<(usize, Range<usize>)> {
    if !STANCE_ACT_NOUNS.contains(&st.words[patient.end - 1].to_lowercase().as_str()) {
        return None;
    }
    let right_after = |prep| clause.prep(&st.words, prep)?.first().filter(|u| u.start == patient.end + 1);
    let doer = right_after("of").or_else(|| right_after("by"))?;
    st.entity_of(doer, doc.entities).map(|e| (e, doer.clone()))
}

/// Stance agents and adjectives of `stance_agents.tsv` with an "of"
/// phrase: "X, an outspoken opponent of Y", "X is a longtime critic of Y",
/// "X, a democrat fiercely critical of Y". The holder is the clause's
/// subject where a form of "be" links it ("X is a critic of Y"), else the
/// name set off before the comma that opens the phrase.
fn from_stance_agents(view: &SentenceView, doc: &DocContext<'_>, out: &mut Findings) {
    let Some(st) = doc.structure else { return };
    let words = &st.words;
    for k in 0..words.len().saturating_sub(2) {
        if !words[k + 1].eq_ignore_ascii_case("of") {
            continue;
        }
        let Some(relation) = STANCE_AGENTS.get(words[k].to_lowercase().as_str()).copied() else { continue };
        let Some(target_unit) = st.units.iter().find(|u| u.start == k + 2) else { continue };
        let Some(target) = stance_target(st, target_unit, doc) else { continue };
        // No verb stands between the holder and the agent word.
        let verb_between = |from: usize| st.clauses.iter().any(|c| c.verb.start >= from && c.verb.start < k);
        let linked = st.clauses.iter().find(|c| {
            c.verb.end <= k
                && !verb_between(c.verb.end)
                && !words[c.verb.end..k].contains(&",")
                && crate::text::clause::is_copula(words[c.verb.head])
        });
        let holders: Vec<(usize, usize)> = if let Some(clause) = linked {
            clause
                .subject
                .iter()
                .flat_map(|u| st.subject_entities(u, doc.entities, doc.last_person).into_iter().map(|e| (e, u.start)))
                .collect()
        } else {
            let Some(comma) = (0..k).rev().find(|&i| words[i] == ",") else { continue };
            if verb_between(comma) {
                continue;
            }
            st.units
                .iter()
                .find(|u| u.end == comma)
                .and_then(|u| st.entity_of(u, doc.entities).map(|e| (e, u.start)))
                .into_iter()
                .collect()
        };
        for (holder, from) in holders {
            if holder == target
                || !matches!(doc.kind(holder), EntityType::Person | EntityType::Country | EntityType::Organization)
            {
                continue;
            }
            let range = view.view_range(st.span(from..target_unit.end));
            out.add(view, Found::new(holder, relation, Object::Entity(target), range, NAME, 65));
        }
    }
}

/// The stance agents and adjectives: word to relation.
static STANCE_AGENTS: LazyLock<std::collections::HashMap<&'static str, Relation>> = LazyLock::new(|| {
    tsv_rows(include_str!("../../data/lexicon/stance_agents.tsv"))
        .filter_map(|(word, relation)| {
            let relation = match relation.trim() {
                "supports" => Relation::Supports,
                "opposes" => Relation::Opposes,
                _ => return None,
            };
            Some((word.trim(), relation))
        })
        .collect()
});

/// A stance read from a clause: the relation, who holds it, and about what.
/// The last element says the trigger opposes only acts: a verb of attack
/// (`oppose_act_verbs.txt`) opposes an event or an agreement, not a person,
/// body or place.
type Reading<'c> = (Relation, &'c [Range<usize>], &'c [Range<usize>], bool);

/// The stance of a clause's verb, with who acts and what is acted on: a
/// one-word trigger takes the clause's actor and patient; a trigger ending
/// in a preposition ("warned against") takes that preposition's phrase.
fn trigger<'c>(words: &[&str], clause: &'c Clause) -> Option<Reading<'c>> {
    // "We are against the plan": being against a thing opposes it.
    if crate::text::clause::is_copula(words[clause.verb.head])
        && !clause.verb.passive
        && words.get(clause.verb.end).is_some_and(|w| w.eq_ignore_ascii_case("against"))
    {
        if let Some(units) =
            clause.prep(words, "against").filter(|u| u.first().is_some_and(|u| u.start == clause.verb.end + 1))
        {
            return Some((Relation::Opposes, clause.actor(words), units, false));
        }
    }
    [
        (&OPPOSE_VERBS, Relation::Opposes, false),
        (&SUPPORT_VERBS, Relation::Supports, false),
        (&OPPOSE_ACT_VERBS, Relation::Opposes, true),
    ]
    .into_iter()
    .find_map(|(list, relation, acts_only)| {
        clause.trigger_patient(words, list).map(|units| {
            // "protested against X": a verb of opposing with no object
            // opposes what its "against" phrase names.
            let units = match (units, relation) {
                ([], Relation::Opposes) => clause.prep(words, "against").unwrap_or(units),
                _ => units,
            };
            (relation, clause.actor(words), units, acts_only)
        })
    })
}

/// Whether `word`, lower-cased, is one of `options`.
fn lower_in(word: &str, options: &[&str]) -> bool {
    options.iter().any(|o| word.eq_ignore_ascii_case(o))
}

fn noun_relation(noun: &str) -> Relation {
    if SUPPORT_NOUNS.contains(&noun) {
        Relation::Supports
    } else {
        Relation::Opposes
    }
}

fn add(
    view: &SentenceView,
    caps: &regex::Captures<'_>,
    subject: Option<usize>,
    relation: Relation,
    confidence: u8,
    out: &mut Findings,
) {
    let (Some(subject), Some(object)) = (subject, entity(view, caps, "o")) else { return };
    let range = caps.get(0).map_or(0..0, |m| m.range());
    out.add(view, Found::new(subject, relation, Object::Entity(object), range, NAME, confidence));
}
