//! Mentions: spans of text that name (or refer to) an entity, before
//! in-document coreference groups them into entities.

use crate::extract::lexicon::{NAME_CONNECTORS, NAME_TITLES};
use crate::extract::model::EntityType;
use crate::gazetteer::{EntryId, Gazetteer};
use crate::span::Span;
use crate::text::layer::SentenceLayer;
use crate::text::token::{is_abbreviation, TokenKind};

/// One mention of an entity in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte span in the document text (possessive `'s` excluded).
    pub span: Span,
    /// Entity type.
    pub kind: EntityType,
    /// The name as written, cleaned (no leading "the", no possessive).
    pub name: String,
    /// The extractor that found it.
    pub extractor: &'static str,
    /// Confidence in hundredths.
    pub confidence: u8,
    /// The gazetteer entry it matched.
    pub link: Option<EntryId>,
    /// Only an adjective refers to the entity ("Peruvian").
    pub adjectival: bool,
    /// A description, not a name ("the declaration").
    pub unnamed: bool,
    /// Refers back to the document's agreement without naming its kind ("the initiative").
    pub anaphor: bool,
    /// The title written before a person's name ("Defense Minister").
    pub title: Option<String>,
    /// Index of the sentence it lies in.
    pub sentence: usize,
}

impl Mention {
    /// A plain mention by name: no gazetteer link, no title, not an
    /// adjective, description or anaphor.
    #[must_use]
    pub fn new(
        span: Span,
        kind: EntityType,
        name: String,
        extractor: &'static str,
        confidence: u8,
        sentence: usize,
    ) -> Self {
        Mention {
            span,
            kind,
            name,
            extractor,
            confidence,
            link: None,
            adjectival: false,
            unnamed: false,
            anaphor: false,
            title: None,
            sentence,
        }
    }
}

/// A word of a sentence, with its byte span in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'t> {
    /// Span in the document.
    pub span: Span,
    /// The word as written.
    pub text: &'t str,
}

impl Token<'_> {
    /// Starts with an upper-case letter, or is a name behind a particle
    /// joined by a hyphen ("al-Assad", "el-Sisi").
    #[must_use]
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
            || self.text.split_once('-').is_some_and(|(particle, rest)| {
                NAME_CONNECTORS.contains(&particle) && rest.chars().next().is_some_and(char::is_uppercase)
            })
    }

    /// Two or more letters, all upper case ("NATO", "U.S.").
    #[must_use]
    pub fn is_acronym(&self) -> bool {
        crate::extract::lexicon::is_acronym(&self.text[..self.text.len() - self.possessive_len()])
    }

    /// Ends with a possessive `'s` or `’s` (or a bare `'` after s).
    #[must_use]
    pub fn possessive_len(&self) -> usize {
        possessive_suffix_len(self.text)
    }
}

/// The length of a possessive ending of `word`: `'s` or `’s`, or the bare
/// apostrophe of a plural ("Workers'"); 0 if none.
#[must_use]
pub fn possessive_suffix_len(word: &str) -> usize {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if word.len() > suffix.len() && word.ends_with(suffix) {
            return suffix.len();
        }
    }
    for mark in ['\'', '’'] {
        if let Some(bare) = word.strip_suffix(mark) {
            if bare.len() > 1 && bare.ends_with(['s', 'S']) {
                return mark.len_utf8();
            }
        }
    }
    0
}

/// The words of an analysed sentence as name finding reads them: the text
/// layer's word, number and symbol tokens, with a possessive or contracted
/// clitic joined back to its word ("Chile’s", "don't") and a period joined
/// to a word that keeps it as a title, an abbreviation or a gazetteer
/// alias ("Sgt.", "Conn."). Punctuation is dropped. Spans are the layer's
/// (into the document text); nothing is tokenised again.
#[must_use]
pub fn words<'t>(text: &'t str, layer: &SentenceLayer) -> Vec<Token<'t>> {
    let mut words: Vec<Token<'t>> = Vec::with_capacity(layer.tokens.len());
    for token in &layer.tokens {
        let span = token.span;
        let joined = |words: &Vec<Token<'t>>| words.last().is_some_and(|w: &Token<'t>| w.span.end() == span.start());
        match token.kind {
            TokenKind::Clitic if joined(&words) => extend_last(text, &mut words, span),
            TokenKind::Punct => {
                let mark = &text[span.range()];
                // The apostrophe of a plural possessive ("Workers' Party").
                if matches!(mark, "'" | "’")
                    && joined(&words)
                    && words.last().is_some_and(|w| w.text.ends_with(['s', 'S']))
                    && text[span.end()..].starts_with(char::is_whitespace)
                {
                    extend_last(text, &mut words, span);
                } else if mark == "." && joined(&words) {
                    let last = words.last().map_or("", |w| w.text);
                    if keeps_period(last) {
                        extend_last(text, &mut words, span);
                    }
                }
            }
            _ => words.push(Token { span, text: &text[span.range()] }),
        }
    }
    words
}

/// Widens the last word to the end of `span`.
fn extend_last<'t>(text: &'t str, words: &mut [Token<'t>], span: Span) {
    if let Some(last) = words.last_mut() {
        last.span = Span::new(last.span.start(), span.end());
        last.text = &text[last.span.range()];
    }
}

/// Whether a capitalised word written with a period after it keeps the
/// period: a title before a name ("Sgt."), an abbreviation, or the
/// gazetteer's abbreviated name of a place ("Conn.").
fn keeps_period(word: &str) -> bool {
    if !word.chars().next().is_some_and(char::is_uppercase) || word.len() > 6 {
        return false;
    }
    let with_period = format!("{word}.");
    let gazetteer = Gazetteer::global();
    NAME_TITLES.contains(&with_period.as_str())
        || is_abbreviation(word)
        || gazetteer.lookup(&with_period).iter().any(|&id| gazetteer.entry(id).aliases.contains(&with_period))
}

/// Which mention wins where two overlap: the longer, then the earlier, then
/// the more confident.
pub fn remove_overlaps(mentions: &mut Vec<Mention>) {
    mentions.sort_by(|a, b| {
        b.span.len().cmp(&a.span.len()).then(a.span.start().cmp(&b.span.start())).then(b.confidence.cmp(&a.confidence))
    });
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    // Kept spans never overlap one another: one ordered map of them answers
    // "does this overlap a kept one" in logarithmic time (a scan of every kept
    // mention was quadratic in a sentence's mentions).
    let mut taken = Occupied::default();
    for mention in mentions.drain(..) {
        let free = if mention.span.is_empty() {
            kept.iter().all(|k| !k.span.overlaps(mention.span))
        } else {
            !taken.overlaps(mention.span)
        };
        if free {
            taken.insert(mention.span);
            kept.push(mention);
        }
    }
    kept.sort_by_key(|m| m.span);
    *mentions = kept;
}

/// The bytes of a text covered by a set of spans, as disjoint ranges in an
/// ordered map: inserting a span and asking whether a span overlaps the
/// covered bytes both take logarithmic time (amortised).
#[derive(Debug, Default, Clone)]
pub struct Occupied {
    /// Start to end of each covered range; ranges neither overlap nor touch.
    ranges: std::collections::BTreeMap<usize, usize>,
}

impl Occupied {
    /// Covers the bytes of `span` (an empty span covers nothing).
    pub fn insert(&mut self, span: Span) {
        if span.is_empty() {
            return;
        }
        let (mut start, mut end) = (span.start(), span.end());
        // Merge every range that overlaps or touches [start, end].
        while let Some((&s, &e)) = self.ranges.range(..=end).next_back() {
            if e < start {
                break;
            }
            start = start.min(s);
            end = end.max(e);
            self.ranges.remove(&s);
        }
        self.ranges.insert(start, end);
    }

    /// Whether `span` shares a byte with the covered ones, as
    /// [`Span::overlaps`] with each inserted span would say for a non-empty
    /// `span`.
    #[must_use]
    pub fn overlaps(&self, span: Span) -> bool {
        self.ranges.range(..span.end()).next_back().is_some_and(|(_, &end)| end > span.start())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occupied_merges_and_answers_overlaps() {
        let mut taken = Occupied::default();
        taken.insert(Span::new(10, 20));
        taken.insert(Span::new(30, 40));
        taken.insert(Span::new(20, 30));
        taken.insert(Span::new(5, 5));
        assert_eq!(taken.ranges.len(), 1);
        assert!(!taken.overlaps(Span::new(0, 10)));
        assert!(taken.overlaps(Span::new(0, 11)));
        assert!(taken.overlaps(Span::new(39, 50)));
        assert!(!taken.overlaps(Span::new(40, 50)));
        taken.insert(Span::new(60, 70));
        assert!(!taken.overlaps(Span::new(45, 55)));
        assert!(taken.overlaps(Span::new(45, 61)));
    }

    #[test]
    fn many_mentions_in_one_sentence_are_sorted_out_quickly() {
        // 200,000 one-word mentions: a pairwise check took minutes.
        let mut mentions: Vec<Mention> = (0..200_000)
            .map(|i| Mention::new(Span::new(i * 3, i * 3 + 2), EntityType::Person, "Aa".into(), "names", 50, 0))
            .collect();
        mentions.push(Mention::new(Span::new(1, 7), EntityType::Person, "Ab Ac".into(), "names", 50, 0));
        remove_overlaps(&mut mentions);
        assert_eq!(mentions.len(), 200_000 - 2);
        assert_eq!(mentions[0].span, Span::new(1, 7));
    }

    fn split(text: &str) -> Vec<&str> {
        let layer = SentenceLayer::analyse(text, Span::new(0, text.len()));
        words(text, &layer).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn words_keep_inner_joiners_and_clitics() {
        assert_eq!(
            split("O'Brien met U.S. officials in Euro-Atlantic talks."),
            ["O'Brien", "met", "U.S.", "officials", "in", "Euro-Atlantic", "talks"]
        );
        assert_eq!(split("Bethany, Conn., was"), ["Bethany", "Conn.", "was"]);
        assert_eq!(split("Chile’s government"), ["Chile’s", "government"]);
        assert_eq!(split("Sgt. Jane Roe's unit"), ["Sgt.", "Jane", "Roe's", "unit"]);
        assert_eq!(split("Procter & Gamble"), ["Procter", "&", "Gamble"]);
    }

    #[test]
    fn spans_index_the_document() {
        let text = "Hello, Zoë Ström.";
        let layer = SentenceLayer::analyse(text, Span::new(7, text.len()));
        let tokens = words(text, &layer);
        assert_eq!(&text[tokens[1].span.range()], "Ström");
    }
}
