//! Whether a fact is asserted, negated, hedged, reported or planned, read
//! from the words of its clause.
//!
//! Only the matched text and the few words before it count, so a "not"
//! elsewhere in a long sentence does not negate a fact it is not about.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::extract::model::Modality;

static NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(
        r"(?i)\b(?:not(?: yet)?|never|no longer|neither|nor|denied|denies|refused to|failed to|without)\b|n't\b|n’t\b",
    )
    .expect("valid negation pattern")
});
static RELATIVE_ASIDE: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(r", (?:who|which|whose|whom)\b[^,;:]*,").expect("valid aside pattern")
});
static NOT_ONLY: LazyLock<Regex> =
    LazyLock::new(|| crate::extract::pattern::compile(r"(?i)\bnot only\b").expect("valid pattern"));
static HEDGE: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(r"(?i)\b(?:may|might|could|would|possibly|probably|likely|unlikely|perhaps|potential(?:ly)?|reportedly|allegedly|purportedly|is said to|are said to|rumou?red|whether to)\b")
        .expect("valid hedge pattern")
});
static PLANNED: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(r"(?i)\b(?:will|shall|plans? to|planned to|planning to|intends? to|aims? to|is set to|are set to|is due to|are due to|is expected to|are expected to|to be signed|would sign|is to|are to|(?:is|are|was|were) (?:close|near) to|(?:wants?|wanted|hopes?|hoped|seeks?|sought|expects?|asked|urged|agreed|ready|prepared)(?: \S+){0,3} to|to sign|to join|to back|to support)\b")
        .expect("valid plan pattern")
});

/// A post held once: "former", "ex-", "the late", "erstwhile", "then-",
/// "outgoing" is still held; "until" a date.
static FORMER: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(
        r"(?i)(?:\b(?:former|formerly|erstwhile|onetime|one-time|the late)\b|\b(?:ex|then)-|\buntil\b|\b(?:death|funeral|burial|widow|widower) of\b)",
    )
    .expect("valid former pattern")
});

/// The modality of a post or membership matched at `range`: former when the
/// words of the match, or the two words right before it, say so ("the
/// late President X", "X, a former director of Y", "the death of Chinese
/// leader X"); else as [`classify`].
/// News annotated like CoNLL04 counts former posts as posts; kgforge keeps
/// them, marked former, out of the asserted graph.
#[must_use]
pub fn classify_post(text: &str, range: Range<usize>) -> Modality {
    // A match that opens with the person ("«P», a member of") has its title
    // inside; the words before the person belong to another post ("Former
    // President «P», a member of the commission").
    let start = if text[range.start..].starts_with("«P") { range.start } else { two_words_before(text, range.start) };
    let window = &text[start..range.end];
    let former = FORMER.find_iter(window).any(|m| !titles_another_person(&window[m.end()..]))
        || UNTIL_AFTER.is_match(&text[range.end..])
        || LEFT_AFTER.is_match(&text[range.end..]);
    if former {
        return Modality::Former;
    }
    // A post is held whatever is planned around it: in "X is due to sign
    // with Czech Prime Minister Y", Y's post is not planned. Only a cue
    // inside the match ("X, expected to become president of Z") makes it so.
    match classify(text, range.clone()) {
        Modality::Planned | Modality::Hedged => of_window(&text[range], text, false),
        modality => modality,
    }
}

/// Where the two words before `at` start (the space before them).
fn two_words_before(text: &str, at: usize) -> usize {
    text[..at].char_indices().rev().filter(|&(_, c)| c == ' ').nth(2).map_or(0, |(i, _)| i)
}

/// The modality of a post read from the document's own text (no
/// placeholders) at `range`: former when "former", "the late" or the like
/// stands in the two words before it or inside it, or the holder left the
/// post right after ("X, who resigned"); else asserted.
#[must_use]
pub fn classify_post_in_text(text: &str, range: Range<usize>) -> Modality {
    let (Some(_), Some(after)) = (text.get(..range.start), text.get(range.end..)) else {
        return Modality::Asserted;
    };
    let window = &text[two_words_before(text, range.start)..range.end];
    // "until President X accounts for": "until" before the post dates
    // something else; "unless X resigned": no leaving is said.
    let former_word = FORMER.find_iter(window).any(|m| !m.as_str().eq_ignore_ascii_case("until"));
    let conditional = window.split_whitespace().any(|w| matches!(w.to_lowercase().as_str(), "if" | "unless"));
    if former_word || UNTIL_AFTER.is_match(after) || LEFT_AFTER.is_match(after) && !conditional {
        Modality::Former
    } else {
        Modality::Asserted
    }
}

/// A party's label, a post and its holder: "«G1» prime minister «P2»".
static PARTY_LABEL_POST: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(r"^«G\d+»(?: [A-Za-z][\w.-]*){1,4} «P\d+»$").expect("valid pattern")
});

/// Whether a membership was read from a party's label before a post and
/// its holder ("Labour MP «P»"): what dates the post does not date the
/// membership.
#[must_use]
pub fn party_label_before_post(matched: &str) -> bool {
    PARTY_LABEL_POST.is_match(matched)
}

/// The holder left the post, said right after the match: "Another Y
/// executive, X, resigned last year", "the first member of the Y to be
/// sacked".
static LEFT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::extract::pattern::compile(r"^,? (?:(?:has|had|who|then|later|also) )*(?:resigned|quit|stepped down|retired|was (?:sacked|fired|dismissed|ousted|expelled|removed)|to be (?:sacked|fired|dismissed|ousted|expelled|removed))\b")
        .expect("valid pattern")
});

/// "until" a time right after the match ("general manager of Y until January").
static UNTIL_AFTER: LazyLock<Regex> =
    LazyLock::new(|| crate::extract::pattern::compile(r"^,? until\b").expect("valid until pattern"));

/// Whether what follows a "former" is a title and a person's name that the
/// match goes on past ("Former President «P», a member of «O»"): the word
/// dates that other post, not this one.
fn titles_another_person(after: &str) -> bool {
    let Some(at) = after.find("«P") else { return false };
    let title = &after[..at];
    let words = title.split_whitespace().count();
    let Some(close) = after[at..].find('»') else { return false };
    // The other post follows the name after a comma; "President «P» of
    // «C»" goes on with the same post.
    words <= 3 && !title.contains(['«', ',']) && after[at + close + '»'.len_utf8()..].starts_with(',')
}

/// The modality of an opposition matched at `range`: denying is itself a
/// way to oppose ("A denied B's charges"), so "denied" and "denies" negate
/// nothing there; every other cue counts as in [`classify`].
#[must_use]
pub fn classify_opposition(text: &str, range: Range<usize>) -> Modality {
    of_window(clause_window(text, range), text, true)
}

/// The modality of the fact matched at `range` of a sentence view.
#[must_use]
pub fn classify(text: &str, range: Range<usize>) -> Modality {
    of_window(clause_window(text, range), text, false)
}

/// The modality of the fact matched at `range`, read from the match alone:
/// for facts a phrase states whatever its clause says ("not reported in
/// Mosul, in northern Iraq").
#[must_use]
pub fn classify_phrase(text: &str, range: Range<usize>) -> Modality {
    of_window(&text[range], text, false)
}

/// The modality the cues of `window` give, in a sentence `text`; with
/// `denial_opposes`, "denied" and "denies" are no negation.
fn of_window(window: &str, text: &str, denial_opposes: bool) -> Modality {
    // A relative clause set off by commas inside the match tells of
    // something else: "X, who would live her life without sight, was born
    // in Y" is neither hedged nor negated.
    let window = &*RELATIVE_ASIDE.replace_all(window, " ");
    let negation = NEGATION
        .find_iter(window)
        .any(|m| !(denial_opposes && matches!(m.as_str().to_lowercase().as_str(), "denied" | "denies")));
    if negation && !NOT_ONLY.is_match(window) {
        return Modality::Negated;
    }
    if window.contains("allegedly") || window.contains("reportedly") {
        return Modality::Reported;
    }
    if HEDGE.is_match(window) {
        return Modality::Hedged;
    }
    if PLANNED.is_match(window) {
        return Modality::Planned;
    }
    if text.trim_end().ends_with('?') {
        return Modality::Hedged;
    }
    Modality::Asserted
}

/// The match plus up to six words before it, not crossing a clause boundary.
fn clause_window(text: &str, range: Range<usize>) -> &str {
    let before = &text[..range.start];
    let mut start = range.start;
    let mut words = 0;
    for (i, c) in before.char_indices().rev() {
        if matches!(c, ';' | ':' | '(' | '—' | '–' | '"' | '“' | '”') || (c == ',' && words >= 3) {
            break;
        }
        if c == ' ' {
            words += 1;
            if words > 6 {
                break;
            }
        }
        start = i;
    }
    &text[start..range.end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> Modality {
        classify(text, 0..text.len())
    }

    #[test]
    fn reads_the_clause() {
        assert_eq!(of("«C1» signed «A2»"), Modality::Asserted);
        assert_eq!(of("«C1» had not signed «A2»"), Modality::Negated);
        assert_eq!(of("«C1» may sign «A2»"), Modality::Hedged);
        assert_eq!(of("«C1» will sign «A2»"), Modality::Planned);
        assert_eq!(of("«C1» allegedly killed «P2»"), Modality::Reported);
        assert_eq!(of("«C1» not only signed «A2»"), Modality::Asserted);
        assert_eq!(of("«C0» wants «C1» to sign «A2»"), Modality::Planned);
    }

    #[test]
    fn posts_held_once_are_former() {
        let whole = |t: &str| classify_post(t, 0..t.len());
        assert_eq!(whole("«P1», a former director of «O2»"), Modality::Former);
        let death = "the death of «D1» leader «P2»";
        assert_eq!(classify_post(death, death.find("«D1»").unwrap_or_default()..death.len()), Modality::Former);
        let late = "the late «D1» President «P2»";
        assert_eq!(classify_post(late, late.find("«D1»").unwrap_or_default()..late.len()), Modality::Former);
        assert_eq!(whole("«D1» President «P2»"), Modality::Asserted);
        let member = "Former President «P1», a member of «O2»";
        assert_eq!(classify_post(member, 0..member.len()), Modality::Asserted);
        assert_eq!(whole("Former President «P1» of «C2»"), Modality::Former);
        let until = "«P1», general manager of «O2» until May";
        assert_eq!(classify_post(until, 0..until.find(" until").unwrap_or_default()), Modality::Former);
        let text = "«P3», a former aide, praised the plan; «D1» President «P2» spoke";
        let start = text.find("«D1»").unwrap_or_default();
        assert_eq!(classify_post(text, start..text.len()), Modality::Asserted);
    }

    #[test]
    fn posts_in_the_documents_own_text() {
        let at = |text: &str, post: &str| {
            let start = text.find(post).unwrap_or_default();
            classify_post_in_text(text, start..start + post.len())
        };
        assert_eq!(at("after the death of the late Sen. Karl Vinter", "Sen. Karl Vinter"), Modality::Former);
        assert_eq!(at("MP Ruth Callan, who resigned last year, agreed", "MP Ruth Callan"), Modality::Former);
        assert_eq!(at("until President Alma Rusk signs it", "President Alma Rusk"), Modality::Asserted);
        assert_eq!(at("unless Prime Minister Ivo Brandt resigned", "Prime Minister Ivo Brandt"), Modality::Asserted);
        assert_eq!(at("Sen. Ivo Brandt said", "Sen. Ivo Brandt"), Modality::Asserted);
        assert!(party_label_before_post("«G1» prime minister «P2»"));
        assert!(!party_label_before_post("«P2», a former «G1»"));
    }

    #[test]
    fn a_negation_outside_the_window_does_not_count() {
        let text = "Nobody said it was not hard; «C1» signed «A2»";
        let start = text.find("«C1»").unwrap_or_default();
        assert_eq!(classify(text, start..text.len()), Modality::Asserted);
    }
}
