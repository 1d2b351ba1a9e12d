//! A sentence as relation extractors see it: the text with each entity
//! mention replaced by a placeholder `«Xn»` (X the type code, n the entity
//! index) and each date by `«Tn»`, so that patterns read
//! `«P3», a researcher at the «O5»` instead of names.
//!
//! Positions in the view map back to byte offsets in the document, so
//! evidence spans always point into the original text.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::extract::model::{DocEntity, EntityType};
use crate::span::Span;
use crate::text::date::PartialDate;

/// Type code of an entity in placeholders.
#[must_use]
pub fn code(kind: EntityType, adjectival: bool) -> char {
    match kind {
        EntityType::Country if adjectival => 'D',
        EntityType::Organization if adjectival => 'G',
        EntityType::Person => 'P',
        EntityType::Organization => 'O',
        EntityType::Country => 'C',
        EntityType::Place => 'L',
        EntityType::Agreement => 'A',
        EntityType::Event => 'E',
    }
}

/// What a placeholder stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// An entity of the document (index into its entities).
    Entity(usize),
    /// A date found in the sentence.
    Date(PartialDate),
}

/// A placeholder in the view.
#[derive(Debug, Clone)]
struct Piece {
    /// Range in the view.
    view: Range<usize>,
    /// Span in the document.
    doc: Span,
    /// Document text the placeholder replaces: the mention, with the angle
    /// brackets news wires put around company names ("<Acme Corp>"), so
    /// that patterns read `«O1» of «L2»` either way.
    covered: Span,
    slot: Slot,
}

/// One sentence with placeholders.
#[derive(Debug)]
pub struct SentenceView {
    /// Sentence index in the document.
    pub index: usize,
    /// The sentence's span in the document.
    pub span: Span,
    /// The text with placeholders.
    pub text: String,
    /// The sentence as the document writes it, for mapping back.
    source: String,
    pieces: Vec<Piece>,
}

static PLACEHOLDER: LazyLock<Regex> =
    LazyLock::new(|| crate::extract::pattern::compile(r"«([A-Z])(\d+)»").expect("valid placeholder pattern"));

impl SentenceView {
    /// Builds the view of `sentence` from mentions (span, entity) and dates,
    /// all inside the sentence and not overlapping.
    #[must_use]
    pub fn new(
        doc_text: &str,
        index: usize,
        sentence: Span,
        mentions: &[(Span, usize)],
        dates: &[(Span, PartialDate)],
        entities: &[DocEntity],
        adjectival_at: &dyn Fn(Span) -> bool,
    ) -> Self {
        let mut slots: Vec<(Span, Slot)> = mentions.iter().map(|&(s, e)| (s, Slot::Entity(e))).collect();
        for &(span, date) in dates {
            if slots.iter().all(|(s, _)| !s.overlaps(span)) {
                slots.push((span, Slot::Date(date)));
            }
        }
        slots.sort_by_key(|(s, _)| *s);
        let mut text = String::with_capacity(sentence.len() + 8 * slots.len());
        let mut pieces = Vec::with_capacity(slots.len());
        let mut cursor = sentence.start();
        let mut dates_seen = 0;
        for (span, slot) in slots {
            if span.start() < cursor {
                continue;
            }
            let bracketed =
                doc_text[cursor..span.start()].ends_with('<') && doc_text[span.end()..sentence.end()].starts_with('>');
            let covered = if bracketed { Span::new(span.start() - 1, span.end() + 1) } else { span };
            push_plain(&mut text, &doc_text[cursor..covered.start()]);
            let start = text.len();
            match slot {
                Slot::Entity(e) => {
                    let entity = &entities[e];
                    let c = code(entity.kind, adjectival_at(span));
                    text.push('«');
                    text.push(c);
                    text.push_str(&e.to_string());
                    text.push('»');
                }
                Slot::Date(_) => {
                    text.push_str("«T");
                    text.push_str(&dates_seen.to_string());
                    text.push('»');
                    dates_seen += 1;
                }
            }
            pieces.push(Piece { view: start..text.len(), doc: span, covered, slot });
            cursor = covered.end();
        }
        push_plain(&mut text, &doc_text[cursor..sentence.end()]);
        Self { index, span: sentence, text, source: doc_text[sentence.range()].to_string(), pieces }
    }

    /// The entity mentions of the sentence: document span and entity, in
    /// text order.
    pub fn mentions(&self) -> impl Iterator<Item = (Span, usize)> + '_ {
        self.pieces.iter().filter_map(|p| match p.slot {
            Slot::Entity(e) => Some((p.doc, e)),
            Slot::Date(_) => None,
        })
    }

    /// Whether the mention at `span` is a country or a party named by its
    /// adjective ("Chilean", "Republican"), written `«Dn»` or `«Gn»` in the
    /// view.
    #[must_use]
    pub fn is_adjectival(&self, span: Span) -> bool {
        self.pieces.iter().any(|p| p.doc == span && matches!(self.text[p.view.clone()].chars().nth(1), Some('D' | 'G')))
    }

    /// The view range covering a document span inside the sentence (the
    /// inverse of [`SentenceView::doc_span`]); a span that cuts a mention
    /// takes the whole placeholder.
    #[must_use]
    pub fn view_range(&self, span: Span) -> Range<usize> {
        let to_view = |at: usize, end: bool| {
            let mut view_cursor = 0;
            let mut doc_cursor = self.span.start();
            for piece in &self.pieces {
                if at <= piece.covered.start() {
                    break;
                }
                if at < piece.covered.end() {
                    return if end { piece.view.end } else { piece.view.start };
                }
                view_cursor = piece.view.end;
                doc_cursor = piece.covered.end();
            }
            (view_cursor + at.saturating_sub(doc_cursor)).min(self.text.len())
        };
        let start = to_view(span.start(), false);
        start..to_view(span.end(), true).max(start)
    }

    /// The slot of the placeholder starting at view position `pos`.
    #[must_use]
    pub fn slot_at(&self, pos: usize) -> Option<Slot> {
        self.pieces.iter().find(|p| p.view.start == pos).map(|p| p.slot)
    }

    /// The entity of the placeholder that starts at `pos`.
    #[must_use]
    pub fn entity_at(&self, pos: usize) -> Option<usize> {
        match self.slot_at(pos) {
            Some(Slot::Entity(e)) => Some(e),
            _ => None,
        }
    }

    /// Entities of the placeholders inside a view range, in order, with their type codes.
    #[must_use]
    pub fn entities_in(&self, range: Range<usize>) -> Vec<(char, usize)> {
        PLACEHOLDER
            .captures_iter(&self.text[range.clone()])
            .filter_map(|c| {
                let kind = c[1].chars().next()?;
                (kind != 'T').then(|| c[2].parse().ok().map(|e| (kind, e)))?
            })
            .collect()
    }

    /// The view range of the first placeholder of entity `e` inside `range`.
    #[must_use]
    pub fn placeholder_in(&self, e: usize, range: Range<usize>) -> Option<Range<usize>> {
        self.pieces
            .iter()
            .find(|p| p.slot == Slot::Entity(e) && p.view.start >= range.start && p.view.end <= range.end)
            .map(|p| p.view.clone())
    }

    /// The document span a view range covers. A guillemet is written in the
    /// view as a quote mark and a padding space: a position on the padding
    /// lies after the quote mark, so it maps to the end of the guillemet
    /// (a quote's content starts after its opening «, not inside it).
    #[must_use]
    pub fn doc_span(&self, range: Range<usize>) -> Span {
        let base = self.span.start();
        let after_character = |mut at: usize| {
            while !self.source.is_char_boundary(at) {
                at += 1;
            }
            at
        };
        let start = after_character(self.to_doc(range.start, false) - base);
        let end = after_character(self.to_doc(range.end, true) - base);
        Span::in_text(&self.source, start, end.max(start)).shift(base)
    }

    /// Maps a view position to a document byte offset.
    fn to_doc(&self, pos: usize, end: bool) -> usize {
        // Plain text maps one to one; a placeholder maps to its mention.
        let mut view_cursor = 0;
        let mut doc_cursor = self.span.start();
        for piece in &self.pieces {
            if pos <= piece.view.start {
                break;
            }
            if pos < piece.view.end {
                return if end { piece.doc.end() } else { piece.doc.start() };
            }
            view_cursor = piece.view.end;
            doc_cursor = piece.covered.end();
        }
        (doc_cursor + (pos - view_cursor)).min(self.span.end())
    }
}

/// Copies plain text into the view; guillemets in the text itself become a
/// quote and a space (the same two bytes) so they can't be read as
/// placeholders and offsets stay aligned.
fn push_plain(out: &mut String, plain: &str) {
    for c in plain.chars() {
        if c == '«' || c == '»' {
            out.push_str("\" ");
        } else if matches!(c, '\n' | '\r' | '\t') {
            // Wire text breaks its lines inside sentences ("signed a\nproduction
            // sharing contract"): the patterns read one space, byte for byte.
            out.push(' ');
        } else {
            out.push(c);
        }
    }
}

/// The regex fragment for a placeholder of the given type codes, captured
/// under `name`: `entity("s", "POC")` → `(?P<s>«[POC]\d+»)`.
#[must_use]
pub fn entity(name: &str, codes: &str) -> String {
    format!(r"(?P<{name}>«[{codes}]\d+»)")
}

/// A list of placeholders of the given codes: `A`, `A and B`, `A, B, and C`.
#[must_use]
pub fn list(name: &str, codes: &str) -> String {
    let one = format!(r"«[{codes}]\d+»");
    format!(r"(?P<{name}>{one}(?:, (?:the )?{one})*(?:,? (?:and|&|as well as) (?:the )?{one})?)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn entity_of(kind: EntityType) -> DocEntity {
        DocEntity {
            kind,
            name: String::new(),
            aliases: BTreeSet::new(),
            mentions: vec![],
            links: crate::extract::model::Links::default(),
            unnamed: false,
            adjectival: false,
        }
    }

    #[test]
    fn placeholders_map_back_to_the_document() {
        let text = "Then Jane Roe visited Oslo today.";
        let entities = vec![entity_of(EntityType::Person), entity_of(EntityType::Place)];
        let mentions = [(Span::new(5, 13), 0), (Span::new(22, 26), 1)];
        let view = SentenceView::new(text, 0, Span::new(0, text.len()), &mentions, &[], &entities, &|_| false);
        assert_eq!(view.text, "Then «P0» visited «L1» today.");
        let start = view.text.find("«P0»").unwrap_or_default();
        let end = view.text.find(" today").unwrap_or_default();
        assert_eq!(&text[view.doc_span(start..end).range()], "Jane Roe visited Oslo");
        assert_eq!(view.entities_in(0..view.text.len()), [('P', 0), ('L', 1)]);
    }

    #[test]
    fn angle_brackets_around_a_name_are_read_through() {
        let text = "<Vexel Co> of Marlow said <Holm> rose.";
        let entities = vec![entity_of(EntityType::Organization), entity_of(EntityType::Place)];
        let mentions = [(Span::new(1, 9), 0), (Span::new(14, 20), 1)];
        let view = SentenceView::new(text, 0, Span::new(0, text.len()), &mentions, &[], &entities, &|_| false);
        // "<Holm>" is no mention: its brackets stay.
        assert_eq!(view.text, "«O0» of «L1» said <Holm> rose.");
        assert_eq!(view.mentions().collect::<Vec<_>>(), [(Span::new(1, 9), 0), (Span::new(14, 20), 1)]);
        let said = view.text.find(" said").unwrap_or_default();
        assert_eq!(&text[view.doc_span(0..said).range()], "<Vexel Co> of Marlow");
        let holm = view.text.find("<Holm>").unwrap_or_default();
        assert_eq!(&text[view.doc_span(holm..holm + 6).range()], "<Holm>");
        assert_eq!(view.view_range(Span::new(26, 32)), holm..holm + 6);
    }

    #[test]
    fn a_guillemet_read_as_a_quote_maps_back_to_whole_characters() {
        // Regression: "«...» said" made a span start inside '«'.
        let text = "«Hello there» said Bob.";
        let view = SentenceView::new(text, 0, Span::new(0, text.len()), &[], &[], &[], &|_| false);
        assert!(view.text.starts_with("\" Hello"));
        for start in 0..view.text.len() {
            for end in start..=view.text.len() {
                let span = view.doc_span(start..end);
                assert!(span.slice(text).is_some(), "{start}..{end} gave {span:?}");
            }
        }
        // The content after the opening guillemet starts after it.
        assert_eq!(view.doc_span(1..6), Span::new(2, 6));
    }
}
