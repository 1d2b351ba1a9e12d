//! TEMPORARY stand-in (replaced by the segmenter).
use crate::span::Span;
/// Block kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /** t */
    Title,
    /** h */
    Heading,
    /** b */
    Body,
    /** f */
    Furniture,
}
/// Sentence.
#[derive(Debug, Clone)]
pub struct Sentence {
    /** i */
    pub index: usize,
    /** s */
    pub span: Span,
    /** b */
    pub block: BlockKind,
}
/// Segment.
pub fn segment(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let mut start = pos;
        let bytes = line.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if (bytes[i] == b'.' || bytes[i] == b'?' || bytes[i] == b'!')
                && i + 2 < bytes.len()
                && bytes[i + 1] == b' '
                && bytes[i + 2].is_ascii_uppercase()
            {
                push(text, &mut out, start, pos + i + 1);
                start = pos + i + 2;
            }
            i += 1;
        }
        push(text, &mut out, start, pos + line.len());
        pos += line.len();
    }
    out
}
fn push(text: &str, out: &mut Vec<Sentence>, start: usize, end: usize) {
    let s = &text[start..end];
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return;
    }
    let off = start + (s.len() - s.trim_start().len());
    let block = if trimmed.ends_with(['.', '"', '”', '?', '!']) { BlockKind::Body } else { BlockKind::Heading };
    out.push(Sentence { index: out.len(), span: Span::new(off, off + trimmed.len()), block });
}
