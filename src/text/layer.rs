//! The text layer: one analysis of each sentence that every later stage
//! reads: tokens with byte spans, part-of-speech tags, base noun phrases,
//! name spans and dates.
//!
//! It is computed once per sentence ([`TextLayer::analyse`]); extraction
//! reads names and noun phrases from it instead of tokenising the sentence
//! again. Token
//! spans point into the document text and are never rewritten.

use crate::span::Span;
use crate::text::chunk::{noun_phrases, NounPhrase};
use crate::text::date::{find_dates, weekday_date, PartialDate};
use crate::text::ner::{NameTag, NameTagger, NameType, SentenceInput};
use crate::text::pos::{PosTagger, Upos, Xpos};
use crate::text::sentence::{BlockKind, Sentence};
use crate::text::token::{tokenize_span, Token, TokenKind};

/// A name the tagger found, as a byte span of the document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TaggedName {
    /// Where the name is in the document text.
    pub span: Span,
    /// Its type.
    pub kind: NameType,
    /// The tagger's confidence in `0..=1`.
    pub confidence: f32,
    /// First token (index into the sentence's tokens).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
}

/// The analysis of one sentence.
#[derive(Debug, Clone, Default)]
pub struct SentenceLayer {
    /// Tokens, spans into the document text.
    pub tokens: Vec<Token>,
    /// One (PTB, Universal) tag pair per token.
    pub tags: Vec<(Xpos, Upos)>,
    /// Names, in text order, not overlapping.
    pub names: Vec<TaggedName>,
    /// Base noun phrases, in text order.
    pub phrases: Vec<NounPhrase>,
    /// Dates, with their spans in the document text.
    pub dates: Vec<(Span, PartialDate)>,
}

impl SentenceLayer {
    /// Analyses the sentence at `span` of `text` on its own (names without
    /// the rest of the document; [`TextLayer::analyse`] reads them with it).
    #[must_use]
    pub fn analyse(text: &str, span: Span) -> SentenceLayer {
        let mut layer = SentenceLayer::tagged(text, span);
        let words = layer.words(text);
        let names = NameTagger::global().tag_document(&[SentenceInput { words: &words, tags: &layer.tags }]);
        layer.names = names.into_iter().flatten().filter_map(|tag| tagged_name(&layer.tokens, tag)).collect();
        layer
    }

    /// Tokens, tags and noun phrases of a sentence; names left empty.
    fn tagged(text: &str, span: Span) -> SentenceLayer {
        let mut tokens = Vec::new();
        tokenize_span(text, span, &mut tokens);
        let words: Vec<&str> = tokens.iter().map(|t| &text[t.span.range()]).collect();
        let tags = PosTagger::global().tag(&words);
        let phrases = noun_phrases(&words, &tags);
        let dates = span.slice(text).map_or_else(Vec::new, |sentence| {
            find_dates(sentence).into_iter().map(|(at, date)| (at.shift(span.start()), date)).collect()
        });
        SentenceLayer { tokens, tags, names: Vec::new(), phrases, dates }
    }

    /// The words of the sentence.
    fn words<'t>(&self, text: &'t str) -> Vec<&'t str> {
        self.tokens.iter().map(|t| &text[t.span.range()]).collect()
    }

    /// The text of token `i`.
    #[must_use]
    pub fn word<'t>(&self, text: &'t str, i: usize) -> &'t str {
        &text[self.tokens[i].span.range()]
    }

    /// The byte span of tokens `start..end` (`start < end`).
    #[must_use]
    pub fn span_of(&self, start: usize, end: usize) -> Span {
        Span::new(self.tokens[start].span.start(), self.tokens[end - 1].span.end())
    }

    /// The name whose span is exactly `span`, if the tagger found one.
    #[must_use]
    pub fn name_at(&self, span: Span) -> Option<&TaggedName> {
        self.names.iter().find(|n| n.span == span)
    }

    /// The names that overlap `span`.
    pub fn names_overlapping(&self, span: Span) -> impl Iterator<Item = &TaggedName> {
        self.names.iter().filter(move |n| n.span.overlaps(span))
    }
}

/// A tag's token range as a byte span; a name ending in a possessive
/// clitic or punctuation is trimmed to its words.
fn tagged_name(tokens: &[Token], tag: NameTag) -> Option<TaggedName> {
    let mut end = tag.end.min(tokens.len());
    while end > tag.start && matches!(tokens[end - 1].kind, TokenKind::Clitic | TokenKind::Punct) {
        end -= 1;
    }
    if end <= tag.start {
        return None;
    }
    let span = Span::new(tokens[tag.start].span.start(), tokens[end - 1].span.end());
    Some(TaggedName { span, kind: tag.kind, confidence: tag.confidence, start: tag.start, end })
}

/// The layer of a whole document: one entry per sentence, `None` for page
/// furniture (bylines, navigation), which nothing reads.
#[derive(Debug, Clone, Default)]
pub struct TextLayer {
    sentences: Vec<Option<SentenceLayer>>,
}

impl TextLayer {
    /// Analyses every sentence that is not page furniture; names are read
    /// with the whole document (a name repeated in it keeps one type).
    #[must_use]
    pub fn analyse(text: &str, sentences: &[Sentence]) -> TextLayer {
        let mut layer = TextLayer { sentences: vec![None; sentences.iter().map(|s| s.index + 1).max().unwrap_or(0)] };
        for sentence in sentences {
            if sentence.block != BlockKind::Furniture {
                layer.sentences[sentence.index] = Some(SentenceLayer::tagged(text, sentence.span));
            }
        }
        let analysed: Vec<&SentenceLayer> = layer.sentences.iter().flatten().collect();
        let words: Vec<Vec<&str>> = analysed.iter().map(|l| l.words(text)).collect();
        let inputs: Vec<SentenceInput<'_>> =
            analysed.iter().zip(&words).map(|(l, w)| SentenceInput { words: w, tags: &l.tags }).collect();
        let mut names = NameTagger::global().tag_document(&inputs).into_iter();
        for sentence in layer.sentences.iter_mut().flatten() {
            let tags = names.next().unwrap_or_default();
            sentence.names = tags.into_iter().filter_map(|tag| tagged_name(&sentence.tokens, tag)).collect();
        }
        layer
    }

    /// Adds the weekdays the sentences name ("on Sunday", "said Tuesday")
    /// to their dates, resolved against the document's date `anchor` (a
    /// full date): the latest such day on or before it, or the next one
    /// after it where the sentence speaks ahead ("will", "next"). A weekday
    /// that opens a written date ("Wednesday, July 10") is part of it.
    pub fn resolve_weekdays(&mut self, text: &str, anchor: PartialDate) {
        for sentence in self.sentences.iter_mut().flatten() {
            let mut added = Vec::new();
            for (i, token) in sentence.tokens.iter().enumerate() {
                let word = &text[token.span.range()];
                // Most words are no weekday: the cheap test first.
                if !word.ends_with("day") {
                    continue;
                }
                let written = sentence.dates.iter().any(|(d, _)| {
                    d.overlaps(token.span) || (d.start() >= token.span.end() && d.start() - token.span.end() <= 3)
                });
                if written {
                    continue;
                }
                let before = |w: &[&str]| {
                    sentence.tokens[..i].iter().any(|t| w.iter().any(|x| text[t.span.range()].eq_ignore_ascii_case(x)))
                };
                let ahead = before(&["will", "'ll", "next", "shall"]);
                if let Some(date) = weekday_date(word, anchor, ahead) {
                    added.push((token.span, date));
                }
            }
            if !added.is_empty() {
                sentence.dates.extend(added);
                sentence.dates.sort_by_key(|(span, _)| *span);
            }
        }
    }

    /// The latest year any analysed sentence mentions.
    #[must_use]
    pub fn latest_year(&self) -> Option<i32> {
        self.sentences.iter().flatten().flat_map(|l| &l.dates).filter_map(|(_, d)| d.year).max()
    }

    /// The analysis of sentence `index`, if it was analysed.
    #[must_use]
    pub fn sentence(&self, index: usize) -> Option<&SentenceLayer> {
        self.sentences.get(index).and_then(Option::as_ref)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sentence::segment;

    #[test]
    fn names_are_document_spans() {
        let text = "Intro line.\n\nThe talks in Geneva were led by Maria Lopez of the United Nations.";
        let sentences = segment(text);
        let layer = TextLayer::analyse(text, &sentences);
        let names: Vec<(&str, NameType)> = sentences
            .iter()
            .filter_map(|s| layer.sentence(s.index))
            .flat_map(|l| l.names.iter().map(|n| (&text[n.span.range()], n.kind)))
            .collect();
        assert!(names.contains(&("Maria Lopez", NameType::Person)), "{names:?}");
        assert!(names.contains(&("Geneva", NameType::Place)), "{names:?}");
    }

    #[test]
    fn weekdays_resolve_against_the_article_date() {
        let text = "Wednesday, July 10, 2019\n\nOn Sunday, the two presidents signed the accord. They will meet again on Friday.";
        let sentences = segment(text);
        let mut layer = TextLayer::analyse(text, &sentences);
        layer.resolve_weekdays(text, PartialDate::ymd(2019, 7, 10).expect("valid"));
        let dates: Vec<(&str, PartialDate)> = sentences
            .iter()
            .filter_map(|s| layer.sentence(s.index))
            .flat_map(|l| l.dates.iter().map(|(span, d)| (&text[span.range()], *d)))
            .collect();
        let day = |y, m, d| PartialDate::ymd(y, m, d).expect("valid");
        assert!(dates.contains(&("Sunday", day(2019, 7, 7))), "{dates:?}");
        assert!(dates.contains(&("Friday", day(2019, 7, 12))), "{dates:?}");
        // The weekday of a written date is part of it.
        assert!(!dates.iter().any(|(w, _)| *w == "Wednesday"), "{dates:?}");
    }

    #[test]
    fn every_token_has_a_tag() {
        let text = "Ministers met on Monday.";
        let layer = SentenceLayer::analyse(text, Span::new(0, text.len()));
        assert_eq!(layer.tokens.len(), layer.tags.len());
        assert_eq!(layer.tokens.len(), 5);
    }
}
