//! Readers for the name tagger's training and evaluation data: GUM CoNLL-U
//! documents with their `Entity=` annotation, and Universal NER IOB2 files.
//!
//! Rule for GUM (documented in `data/models/README.md`): a mention is a
//! *name* when its syntactic head (the token whose head lies outside the
//! mention) is a proper noun (Penn tag NNP/NNPS or UPOS PROPN), whether or
//! not it carries a Wikipedia identity (many named people have none).
//! Types: person, organization, place, event map to PERSON, ORGANIZATION,
//! PLACE, EVENT; an abstract or object mention is a LAW when its identity
//! or words hold "Act", "Treaty", "Agreement", "Convention",
//! "Constitution"... The name is the run of proper nouns around the head,
//! inside the mention; to the right it may cross "of", "the", "for", "de"
//! (in organisations also "and", "&"; in people "de", "van", "von"...)
//! when a proper noun follows ("University of Chicago"). A person's name
//! stops, to the left, at a nested name ("NASA Administrator Charles
//! Bolden" gives ORGANIZATION "NASA" and PERSON "Charles Bolden") and loses
//! leading titles ("Administrator", "Dr."); a name of titles only, or a
//! demonym in the gazetteer ("Americans"), is dropped. A number right after
//! a name other than a person's belongs to it ("Title IV").
//! Overlapping names keep the longest.

use super::{is_title, Label, NameType};

/// A sentence with gold labels, one per token.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Labeled {
    /// The tokens.
    pub words: Vec<String>,
    /// One BIO label per token.
    pub labels: Vec<Label>,
    /// The document it belongs to (consecutive sentences of one document
    /// share it; numbered per corpus file).
    pub doc: usize,
}

/// One word of a CoNLL-U sentence (form, tags, head, MISC with `Entity=`).
type Row = crate::text::conllu::Token;

struct Mention {
    start: usize,
    end: usize, // inclusive
    etype: String,
    identity: String,
}

/// The GUM entity type and identity of a mention descriptor, e.g.
/// `10-person-new-nnnss-cf6-1,2,3,4-coref-Charles_Bolden`.
fn descriptor(desc: &str) -> (String, String) {
    let fields: Vec<&str> = desc.splitn(8, '-').collect();
    let etype = fields.get(1).copied().unwrap_or("").to_string();
    let identity = fields.get(7).copied().unwrap_or("").to_string();
    (etype, identity)
}

fn mentions(rows: &[Row]) -> Vec<Mention> {
    let mut open: Vec<(String, usize, String, String)> = Vec::new();
    let mut out = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let Some(ent) = row.misc.split('|').find_map(|f| f.strip_prefix("Entity=")) else { continue };
        let b = ent.as_bytes();
        let mut k = 0;
        while k < b.len() {
            if b[k] == b'(' {
                let s = k + 1;
                let mut e = s;
                while e < b.len() && b[e] != b'(' && b[e] != b')' {
                    e += 1;
                }
                let desc = &ent[s..e];
                let id = desc.split('-').next().unwrap_or("").to_string();
                let (etype, identity) = descriptor(desc);
                if e < b.len() && b[e] == b')' {
                    out.push(Mention { start: i, end: i, etype, identity });
                    k = e + 1;
                } else {
                    open.push((id, i, etype, identity));
                    k = e;
                }
            } else if b[k].is_ascii_digit() {
                let s = k;
                while k < b.len() && b[k].is_ascii_digit() {
                    k += 1;
                }
                let id = &ent[s..k];
                if k < b.len() && b[k] == b')' {
                    k += 1;
                }
                if let Some(pos) = open.iter().rposition(|o| o.0 == id) {
                    let (_, start, etype, identity) = open.remove(pos);
                    out.push(Mention { start, end: i, etype, identity });
                }
            } else {
                k += 1;
            }
        }
    }
    out
}

const LAW_WORDS: [&str; 14] = [
    "Act",
    "Treaty",
    "Agreement",
    "Accord",
    "Accords",
    "Convention",
    "Law",
    "Protocol",
    "Constitution",
    "Amendment",
    "Bill",
    "Charter",
    "Declaration",
    "Title",
];

/// The name type of a GUM mention, `None` for types kgforge does not tag.
fn map_type(etype: &str, identity: &str, words: &[&str]) -> Option<NameType> {
    match etype {
        "person" => Some(NameType::Person),
        "organization" => Some(NameType::Organization),
        "place" => Some(NameType::Place),
        "event" => Some(NameType::Event),
        "abstract" | "object" => {
            let lawish = identity
                .split(|c: char| c == '_' || c == '%' || c.is_ascii_digit())
                .chain(words.iter().copied())
                .any(|w| LAW_WORDS.contains(&w));
            lawish.then_some(NameType::Law)
        }
        _ => None,
    }
}

const BRIDGES: [&str; 6] = ["of", "the", "and", "&", "for", "de"];

/// Whether `word` may join two proper nouns of a name of type `kind`:
/// "de", "van", "von" in a person's name; "of", "the", "for", "de" in
/// others; "and", "&" in organisations only (elsewhere it coordinates).
fn bridges(kind: NameType, word: &str) -> bool {
    match kind {
        NameType::Person => ["de", "van", "von", "da", "del", "di", "der"].contains(&word),
        NameType::Organization => BRIDGES.contains(&word),
        _ => BRIDGES[..2].contains(&word) || word == "for" || word == "de",
    }
}

/// A proper noun: Penn tag NNP or NNPS (GUM tags "United", "National" in
/// names NNP but ADJ), else UPOS PROPN.
fn is_prop(row: &Row) -> bool {
    row.xpos.starts_with("NNP") || row.upos == "PROPN"
}

/// Whether a name is a demonym in the gazetteer ("Americans").
fn is_demonym(words: &[&str]) -> bool {
    let gaz = crate::gazetteer::Gazetteer::global();
    gaz.lookup(&words.join(" ")).iter().any(|&id| gaz.entry(id).kind == crate::gazetteer::GazKind::Demonym)
}

fn sentence_labels(rows: &[Row]) -> Vec<Label> {
    let ms = mentions(rows);
    // (mention, type, head) of every mention with a kgforge type and a PROPN head.
    let mut named: Vec<(&Mention, NameType, usize)> = Vec::new();
    for m in &ms {
        let inside = |t: usize| t >= m.start && t <= m.end;
        let Some(head) = (m.start..=m.end).find(|&t| rows[t].head == 0 || !inside(rows[t].head - 1)) else { continue };
        if !is_prop(&rows[head]) {
            continue;
        }
        let words: Vec<&str> = rows[m.start..=m.end].iter().map(|r| r.form.as_str()).collect();
        if let Some(kind) = map_type(&m.etype, &m.identity, &words) {
            named.push((m, kind, head));
        }
    }
    let mut cands: Vec<(usize, usize, NameType)> = Vec::new();
    for &(m, kind, head) in &named {
        // Left of a person's name, a nested name is a modifier ("NASA
        // Administrator Charles Bolden"); elsewhere it is part of the name
        // ("Leiden University").
        let blocked = |t: usize| {
            kind == NameType::Person
                && named.iter().any(|(n, _, _)| {
                    !std::ptr::eq(*n, m)
                        && n.start >= m.start
                        && n.end <= m.end
                        && t >= n.start
                        && t <= n.end
                        && !(head >= n.start && head <= n.end)
                })
        };
        let mut s = head;
        while s > m.start && is_prop(&rows[s - 1]) && !blocked(s - 1) {
            s -= 1;
        }
        let mut e = head;
        'grow: while e < m.end {
            for k in 1..=3 {
                let t = e + k;
                if t > m.end {
                    break 'grow;
                }
                if is_prop(&rows[t]) {
                    e = t;
                    continue 'grow;
                }
                if !bridges(kind, &rows[t].form) {
                    break 'grow;
                }
            }
            break;
        }
        // A number right after the name's last proper noun belongs to it
        // ("Title IV", "Article 5"), except in people's names.
        if kind != NameType::Person && e < m.end && rows[e + 1].xpos == "CD" {
            e += 1;
        }
        if kind == NameType::Person {
            while s < e && is_title(&rows[s].form) {
                s += 1;
            }
            if is_title(&rows[s].form) || BRIDGES.contains(&rows[s].form.as_str()) {
                continue;
            }
        }
        let words: Vec<&str> = rows[s..=e].iter().map(|r| r.form.as_str()).collect();
        if is_demonym(&words) {
            continue;
        }
        cands.push((s, e, kind));
    }
    cands.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
    let mut labels = vec![Label::O; rows.len()];
    for (s, e, kind) in cands {
        if labels[s..=e].iter().any(|l| *l != Label::O) {
            continue;
        }
        labels[s] = Label::B(kind);
        for l in &mut labels[s + 1..=e] {
            *l = Label::I(kind);
        }
    }
    labels
}

/// Parses one GUM CoNLL-U document into labelled sentences.
#[must_use]
pub fn parse_gum(text: &str) -> Vec<Labeled> {
    crate::text::conllu::parse(text)
        .into_iter()
        .map(|sentence| Labeled {
            words: sentence.tokens.iter().map(|r| r.form.clone()).collect(),
            labels: sentence_labels(&sentence.tokens),
            doc: 0,
        })
        .collect()
}

/// Parses a Universal NER IOB2 file (token in column 2, tag in column 3;
/// PER, ORG, LOC become PERSON, ORGANIZATION, PLACE; other tags are O).
/// `# newdoc` comments start a new document.
#[must_use]
pub fn parse_iob2(text: &str) -> Vec<Labeled> {
    let mut out = Vec::new();
    let mut cur = Labeled::default();
    let mut doc = 0;
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
                cur.doc = doc;
            }
            continue;
        }
        if line.starts_with("# newdoc") {
            if !out.is_empty() || !cur.words.is_empty() {
                doc += 1;
            }
            cur.doc = doc;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            continue;
        }
        let kind = match cols[2].get(2..) {
            Some("PER") => Some(NameType::Person),
            Some("ORG") => Some(NameType::Organization),
            Some("LOC") => Some(NameType::Place),
            _ => None,
        };
        let label = match (cols[2].as_bytes().first(), kind) {
            (Some(b'B'), Some(k)) => Label::B(k),
            (Some(b'I'), Some(k)) => Label::I(k),
            _ => Label::O,
        };
        cur.words.push(cols[1].to_string());
        cur.labels.push(label);
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    out
}

/// The GUM documents of a split (`dev`, `test`, `test2`) listed in `splits.md`.
#[must_use]
pub fn gum_split(splits_md: &str, split: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in splits_md.lines() {
        let t = line.trim();
        if let Some(h) = t.strip_prefix("## ") {
            current = h.trim().to_string();
        } else if let Some(doc) = t.strip_prefix("* ") {
            if current == split {
                out.push(doc.trim().to_string());
            }
        }
    }
    out
}

/// GUM train, dev and test sentences from `root/gum/dep` and
/// `root/gum/splits.md` (train: every document not in dev, test or test2).
///
/// # Errors
/// When a file cannot be read.
pub fn read_gum(root: &std::path::Path) -> std::io::Result<(Vec<Labeled>, Vec<Labeled>, Vec<Labeled>)> {
    let splits = std::fs::read_to_string(root.join("gum/splits.md"))?;
    let held: Vec<String> = ["dev", "test", "test2"].iter().flat_map(|s| gum_split(&splits, s)).collect();
    let (dev, test) = (gum_split(&splits, "dev"), gum_split(&splits, "test"));
    let mut files: Vec<_> = std::fs::read_dir(root.join("gum/dep"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    files.sort();
    let (mut tr, mut dv, mut te) = (Vec::new(), Vec::new(), Vec::new());
    for (doc, f) in files.into_iter().enumerate() {
        let name = f.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
        let mut sents = parse_gum(&std::fs::read_to_string(&f)?);
        for s in &mut sents {
            s.doc = doc;
        }
        if dev.contains(&name) {
            dv.extend(sents);
        } else if test.contains(&name) {
            te.extend(sents);
        } else if !held.contains(&name) {
            tr.extend(sents);
        }
    }
    Ok((tr, dv, te))
}

/// Parses CoNLL04 in SpERT JSON (`[{"tokens": [...], "entities": [{"type",
/// "start", "end"}]}]`): Peop, Org, Loc become PERSON, ORGANIZATION, PLACE;
/// Other is dropped. Each sentence is its own document.
///
/// # Errors
/// When the text is not SpERT JSON.
pub fn parse_conll04(text: &str) -> Result<Vec<Labeled>, serde_json::Error> {
    #[derive(serde::Deserialize)]
    struct Entity {
        #[serde(rename = "type")]
        kind: String,
        start: usize,
        end: usize,
    }
    #[derive(serde::Deserialize)]
    struct Sentence {
        tokens: Vec<String>,
        entities: Vec<Entity>,
    }
    let sentences: Vec<Sentence> = serde_json::from_str(text)?;
    Ok(sentences
        .into_iter()
        .enumerate()
        .map(|(doc, s)| {
            let mut labels = vec![Label::O; s.tokens.len()];
            for e in &s.entities {
                let kind = match e.kind.as_str() {
                    "Peop" => NameType::Person,
                    "Org" => NameType::Organization,
                    "Loc" => NameType::Place,
                    _ => continue,
                };
                if e.start >= e.end || e.end > labels.len() {
                    continue;
                }
                labels[e.start] = Label::B(kind);
                for l in &mut labels[e.start + 1..e.end] {
                    *l = Label::I(kind);
                }
            }
            Labeled { words: s.tokens, labels, doc }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gum_names_follow_the_rule() {
        let doc = "1\tNASA\tNASA\tPROPN\tNNP\t_\t4\tcompound\t_\tEntity=(10-person-new-n-cf6-1-coref-Charles_Bolden(1-organization-giv-s-cf4-1-coref-NASA)\n\
2\tAdministrator\tadministrator\tPROPN\tNNP\t_\t4\tcompound\t_\t_\n\
3\tCharles\tCharles\tPROPN\tNNP\t_\t4\tcompound\t_\t_\n\
4\tBolden\tBolden\tPROPN\tNNP\t_\t5\tnsubj\t_\tEntity=10)\n\
5\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\t_\n";
        let s = parse_gum(doc);
        assert_eq!(s.len(), 1);
        use NameType::*;
        assert_eq!(s[0].labels, vec![Label::B(Organization), Label::O, Label::B(Person), Label::I(Person), Label::O]);
    }
}
