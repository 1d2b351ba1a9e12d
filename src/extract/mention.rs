//! Mentions: spans of text that name (or refer to) an entity, before
//! in-document coreference groups them into entities.

use crate::extract::model::EntityType;
use crate::gazetteer::EntryId;
use crate::span::Span;

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
    /// Starts with an upper-case letter.
    #[must_use]
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Two or more letters, all upper case ("NATO", "U.S.").
    #[must_use]
    pub fn is_acronym(&self) -> bool {
        let word = &self.text[..self.text.len() - self.possessive_len()];
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2 && word.chars().all(|c| !c.is_lowercase())
    }

    /// Ends with a possessive `'s` or `’s` (or a bare `'` after s).
    #[must_use]
    pub fn possessive_len(&self) -> usize {
        for suffix in ["'s", "’s", "'S", "’S"] {
            if self.text.len() > suffix.len() && self.text.ends_with(suffix) {
                return suffix.len();
            }
        }
        0
    }
}

/// Splits a sentence into words. A word is a run of letters and digits with
/// inner apostrophes, hyphens and periods ("O'Brien", "Euro-Atlantic",
/// "U.S."), a trailing period kept only for initialisms and known
/// abbreviations ("Conn.", "Gen."). `&` is a word of its own.
#[must_use]
pub fn tokenize(text: &str, offset: usize) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c == '&' {
            tokens.push(Token { span: Span::new(offset + start, offset + start + 1), text: "&" });
            continue;
        }
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, next)) = chars.peek() {
            if next.is_alphanumeric() {
                end = i + next.len_utf8();
                chars.next();
            } else if matches!(next, '\'' | '’' | '-' | '.' | '‑') {
                // Joiner: keep it only when a letter or digit follows.
                let after = text[i + next.len_utf8()..].chars().next();
                if after.is_some_and(char::is_alphanumeric) {
                    end = i + next.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        // A trailing period belongs to initialisms ("U.S.") and abbreviations.
        if bytes.get(end) == Some(&b'.') {
            let word = &text[start..end];
            if word.contains('.') || is_abbreviation(word) {
                end += 1;
            }
        }
        tokens.push(Token { span: Span::new(offset + start, offset + end), text: &text[start..end] });
    }
    tokens
}

/// Abbreviations written with a final period before a name or as a state.
fn is_abbreviation(word: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Sgt", "Capt", "Maj", "Adm", "Gov", "Sen", "Rep", "Rev",
        "St", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla",
        "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev",
        "Okla", "Ore", "Pa", "Tenn", "Tex", "Vt", "Va", "Wash", "Wis", "Wyo", "Mt", "Ft",
    ];
    ABBREVIATIONS.contains(&word) || (word.len() == 1 && word.chars().all(char::is_uppercase))
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

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn tokens_keep_inner_joiners() {
        assert_eq!(
            words("O'Brien met U.S. officials in Euro-Atlantic talks."),
            ["O'Brien", "met", "U.S.", "officials", "in", "Euro-Atlantic", "talks"]
        );
        assert_eq!(words("Bethany, Conn., was"), ["Bethany", "Conn.", "was"]);
        assert_eq!(words("Chile’s government"), ["Chile’s", "government"]);
        assert_eq!(words("AT&T and Procter & Gamble"), ["AT", "&", "T", "and", "Procter", "&", "Gamble"]);
    }

    #[test]
    fn spans_index_the_document() {
        let text = "Hello, Zoë Ström.";
        let tokens = tokenize(&text[7..], 7);
        assert_eq!(&text[tokens[1].span.range()], "Ström");
    }
}
