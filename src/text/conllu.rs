//! Minimal CoNLL-U reader: sentences of (form, UPOS, XPOS, head, relation,
//! MISC) tokens.
//!
//! Multiword-token lines (`1-2`) and empty nodes (`1.1`) are skipped, so each
//! sentence holds the syntactic words only, in order. Shared by the trainers of
//! the learned language layer (part-of-speech tagger, name tagger) and the
//! noun phrases derived from the trees (`chunk`).

use std::path::Path;

/// One syntactic word of a CoNLL-U sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Word form (column 2).
    pub form: String,
    /// Universal part-of-speech tag (column 4).
    pub upos: String,
    /// Language-specific tag, Penn Treebank for English (column 5).
    pub xpos: String,
    /// The word this one depends on, from 1 (column 7); 0 for the root or
    /// when the column is not a number.
    pub head: usize,
    /// Universal dependency relation to the head, with its subtype
    /// (`nmod:poss`, column 8).
    pub deprel: String,
    /// MISC column (column 10), `_` when empty.
    pub misc: String,
}

/// One sentence: its tokens and its `# sent_id` if present.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Value of the `# sent_id = ...` comment, empty if absent.
    pub id: String,
    /// The syntactic words of the sentence.
    pub tokens: Vec<Token>,
}

/// Parses CoNLL-U text into sentences. Malformed lines (fewer than 10
/// tab-separated columns) are skipped.
pub fn parse(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::take(&mut cur));
            } else {
                cur.id.clear();
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            if let Some(id) = c.trim_start().strip_prefix("sent_id") {
                cur.id = id.trim_start().trim_start_matches('=').trim().to_string();
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 {
            continue;
        }
        let id = cols[0];
        if id.contains('-') || id.contains('.') {
            continue;
        }
        cur.tokens.push(Token {
            form: cols[1].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            head: cols[6].parse().unwrap_or(0),
            deprel: cols[7].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    out
}

/// Reads and parses one CoNLL-U file.
pub fn read_file(path: &Path) -> std::io::Result<Vec<Sentence>> {
    Ok(parse(&std::fs::read_to_string(path)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# sent_id = d1-1\n# text = I don't.\n\
1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n\
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\tSpaceAfter=No\n\
3.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t_\t_\n\
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\
\n\
# sent_id = d1-2\n\
1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n";

    #[test]
    fn parses_sample_skipping_mwt_and_empty_nodes() {
        let s = parse(SAMPLE);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].id, "d1-1");
        let forms: Vec<&str> = s[0].tokens.iter().map(|t| t.form.as_str()).collect();
        assert_eq!(forms, ["I", "do", "n't", "."]);
        assert_eq!(s[0].tokens[1].upos, "AUX");
        assert_eq!(s[0].tokens[1].xpos, "VBP");
        assert_eq!(s[0].tokens[2].misc, "SpaceAfter=No");
        assert_eq!(s[0].tokens[0].head, 3);
        assert_eq!(s[0].tokens[2].head, 0);
        assert_eq!(s[0].tokens[0].deprel, "nsubj");
        assert_eq!(s[1].id, "d1-2");
        assert_eq!(s[1].tokens[0].xpos, "UH");
    }
}
