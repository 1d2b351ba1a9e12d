//! Turns resolved extractions into RDF quads, following the graph model of
//! the README: entity and document descriptions in the default graph; each
//! document's asserted facts, their reified fact nodes, evidence, sentences
//! and statements in the document's named graph.

use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

use crate::extract::model::{DocExtraction, Modality, Object, SentenceRecord};
use crate::resolve::Resolution;
use crate::vocab::{kg, ns, DOCUMENT};

/// The IRI of a document (and of its named graph): the id under
/// [`DOCUMENT`], its slashes kept as path separators and every byte outside
/// `A-Z a-z 0-9 - . _ ~` percent-encoded.
///
/// The IRI stays inside the `document/` namespace whatever the id: a path
/// segment `.` or `..` (which a consumer normalising the IRI would resolve,
/// leaving the namespace; `%2E` would not help, as normalisation decodes it)
/// is written with a `!` before it. `!` is percent-encoded everywhere else,
/// so distinct ids keep distinct IRIs.
///
/// ```
/// use kgforge::graph::triples::document_iri;
/// assert_eq!(document_iri("data/corpus/a b.txt"), "https://w3id.org/kgforge/document/data/corpus/a%20b.txt");
/// assert_eq!(document_iri("../../etc/passwd"), "https://w3id.org/kgforge/document/!../!../etc/passwd");
/// assert_eq!(document_iri("!../x"), "https://w3id.org/kgforge/document/%21../x");
/// ```
#[must_use]
pub fn document_iri(id: &str) -> String {
    let mut out = String::with_capacity(DOCUMENT.len() + id.len());
    out.push_str(DOCUMENT);
    for (i, segment) in id.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        if segment == "." || segment == ".." {
            out.push('!');
        }
        for byte in segment.bytes() {
            if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
                out.push(byte as char);
            } else {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

fn node(iri: &str) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

fn short_hash(parts: &[&str]) -> String {
    let joined = parts.join("\u{1f}");
    crate::extract::content_hash(&joined)[7..19].to_string()
}

/// Collects quads; `finish` sorts and deduplicates them.
#[derive(Debug, Default)]
struct Quads(Vec<Quad>);

impl Quads {
    fn add(&mut self, s: impl Into<NamedOrBlankNode>, p: &str, o: impl Into<Term>, g: &GraphName) {
        self.0.push(Quad::new(s, node(p), o, g.clone()));
    }
}

/// All quads of a resolved corpus, sorted and without duplicates.
#[must_use]
pub fn build(docs: &[DocExtraction], resolution: &Resolution) -> Vec<Quad> {
    let graph = GraphParts::new(docs, resolution);
    let mut all = graph.default_graph();
    for part in graph.document_graphs() {
        all.extend(part);
    }
    all
}

/// The graph of a resolved corpus in parts, in canonical order: the default
/// graph (entities and documents described), then each document's named
/// graph in IRI order. Each part is sorted and free of duplicates, so
/// writing the parts one after another writes the canonical graph while
/// holding one document's quads at a time.
#[derive(Debug)]
pub struct GraphParts<'a> {
    docs: &'a [DocExtraction],
    resolution: &'a Resolution,
    order: Vec<usize>,
}

impl<'a> GraphParts<'a> {
    /// The parts of the graph of `docs`.
    #[must_use]
    pub fn new(docs: &'a [DocExtraction], resolution: &'a Resolution) -> Self {
        let mut order: Vec<(String, usize)> =
            docs.iter().enumerate().map(|(d, doc)| (document_iri(&doc.id), d)).collect();
        order.sort();
        Self { docs, resolution, order: order.into_iter().map(|(_, d)| d).collect() }
    }

    /// The default graph: entities and document descriptions.
    #[must_use]
    pub fn default_graph(&self) -> Vec<Quad> {
        let mut quads = Quads::default();
        entities(&mut quads, self.resolution);
        for doc in self.docs {
            describe_document(&mut quads, doc);
        }
        let mut all = quads.0;
        crate::export::canonicalize(&mut all);
        all
    }

    /// Each document's named graph, one after another.
    pub fn document_graphs(&self) -> impl Iterator<Item = Vec<Quad>> + '_ {
        self.order.iter().map(|&d| {
            let mut quads = Quads::default();
            document(&mut quads, &self.docs[d], d, self.resolution);
            let mut all = quads.0;
            crate::export::canonicalize(&mut all);
            all
        })
    }

    /// Every part, the default graph first.
    pub fn parts(&self) -> impl Iterator<Item = Vec<Quad>> + '_ {
        std::iter::once(self.default_graph()).chain(self.document_graphs())
    }
}

fn entities(quads: &mut Quads, resolution: &Resolution) {
    let default = GraphName::DefaultGraph;

    // Entities that some document keeps (every mapped one is kept).
    for entity in &resolution.entities {
        let s = node(&entity.iri);
        quads.add(s.clone(), rdf::TYPE.as_str(), node(entity.kind.class_iri()), &default);
        quads.add(s.clone(), rdfs::LABEL.as_str(), Literal::new_simple_literal(&entity.label), &default);
        for alias in &entity.aliases {
            quads.add(s.clone(), &format!("{}altLabel", ns::SKOS), Literal::new_simple_literal(alias), &default);
        }
        if let Some(id) = entity.links.geonames {
            quads.add(s.clone(), &format!("{}sameAs", ns::OWL), node(&format!("{}{id}/", ns::GEONAMES)), &default);
        }
        if let Some(q) = &entity.links.wikidata {
            quads.add(s.clone(), &format!("{}sameAs", ns::OWL), node(&format!("{}{q}", ns::WIKIDATA)), &default);
        }
        // ISO 3166-1 alpha-2 only: a former state's four-letter ISO 3166-3
        // code ("CSHH") or the gazetteer's own key of a state of its time
        // ("DEWG") is no alpha-2 code (the SHACL shape checks the pattern).
        if let Some(code) = entity.links.iso2.as_ref().filter(|c| c.len() == 2) {
            quads.add(s.clone(), kg::ISO_CODE, Literal::new_simple_literal(code), &default);
        }
    }
}

/// A document's description, in the default graph.
fn describe_document(quads: &mut Quads, doc: &DocExtraction) {
    let default = GraphName::DefaultGraph;
    let doc_node = node(&document_iri(&doc.id));

    quads.add(doc_node.clone(), rdf::TYPE.as_str(), node(kg::DOCUMENT), &default);
    quads.add(doc_node.clone(), rdf::TYPE.as_str(), node(&format!("{}NewsArticle", ns::SCHEMA)), &default);
    quads.add(doc_node.clone(), kg::SOURCE, Literal::new_simple_literal(&doc.source), &default);
    quads.add(doc_node.clone(), kg::CONTENT_HASH, Literal::new_simple_literal(&doc.content_hash), &default);
    if let Some(title) = &doc.metadata.title {
        quads.add(doc_node.clone(), &format!("{}title", ns::DCTERMS), Literal::new_simple_literal(title), &default);
    }
    if let Some(date) = doc.metadata.date.and_then(|date| date.resolve(None)) {
        quads.add(
            doc_node.clone(),
            &format!("{}datePublished", ns::SCHEMA),
            Literal::new_typed_literal(date.lexical(), node(date.datatype())),
            &default,
        );
    }
    if let Some(url) = &doc.metadata.url {
        quads.add(
            doc_node.clone(),
            &format!("{}url", ns::SCHEMA),
            Literal::new_typed_literal(url, xsd::ANY_URI),
            &default,
        );
    }
    if let Some(publisher) = &doc.metadata.publisher {
        quads.add(doc_node, kg::PUBLISHER_NAME, Literal::new_simple_literal(publisher), &default);
    }
}

/// What a document asserts, in its named graph.
fn document(quads: &mut Quads, doc: &DocExtraction, d: usize, resolution: &Resolution) {
    let doc_iri = document_iri(&doc.id);
    let doc_node = node(&doc_iri);
    let graph = GraphName::NamedNode(doc_node.clone());

    for e in 0..doc.entities.len() {
        let entity = resolution.entity(d, e);
        quads.add(doc_node.clone(), &format!("{}mentions", ns::SCHEMA), node(&entity.iri), &graph);
    }

    let sentence_iri = |index: usize| format!("{doc_iri}#s{index}");
    for sentence in &doc.sentences {
        let s = node(&sentence_iri(sentence.index));
        quads.add(s.clone(), rdf::TYPE.as_str(), node(kg::SENTENCE), &graph);
        quads.add(s.clone(), kg::INDEX, integer(sentence.index), &graph);
        quads.add(s.clone(), kg::START, integer(sentence.span.start()), &graph);
        quads.add(s.clone(), kg::END, integer(sentence.span.end()), &graph);
        quads.add(s.clone(), kg::TEXT, Literal::new_simple_literal(&sentence.text), &graph);
        quads.add(s, &format!("{}isPartOf", ns::DCTERMS), doc_node.clone(), &graph);
    }

    let evidence = |quads: &mut Quads, owner: &NamedNode, ev: &crate::extract::model::Evidence, key: &str| {
        let ev_iri = format!(
            "{doc_iri}#ev-{}",
            short_hash(&[
                key,
                &ev.sentence.to_string(),
                &ev.span.start().to_string(),
                &ev.span.end().to_string(),
                &ev.extractor
            ])
        );
        let e = node(&ev_iri);
        quads.add(owner.clone(), kg::EVIDENCE_PROP, e.clone(), &graph);
        quads.add(e.clone(), rdf::TYPE.as_str(), node(kg::EVIDENCE), &graph);
        quads.add(e.clone(), &format!("{}wasDerivedFrom", ns::PROV), doc_node.clone(), &graph);
        quads.add(e.clone(), kg::SENTENCE_PROP, node(&sentence_iri(ev.sentence)), &graph);
        quads.add(e.clone(), kg::START, integer(ev.span.start()), &graph);
        quads.add(e.clone(), kg::END, integer(ev.span.end()), &graph);
        quads.add(e.clone(), kg::SPAN_TEXT, Literal::new_simple_literal(doc_text_of(doc, ev)), &graph);
        quads.add(e.clone(), kg::EXTRACTOR, Literal::new_simple_literal(&ev.extractor), &graph);
        quads.add(
            e,
            kg::CONFIDENCE,
            Literal::new_typed_literal(format!("{}.{:02}", ev.confidence / 100, ev.confidence % 100), xsd::DECIMAL),
            &graph,
        );
    };

    for (f, fact) in doc.facts.iter().enumerate() {
        let subject = node(&resolution.entity(d, fact.subject).iri);
        let object: Term = match fact.object {
            Object::Entity(o) => node(&resolution.entity(d, o).iri).into(),
            Object::Date(_) => match resolution.dates[d][f] {
                Some(date) => Literal::new_typed_literal(date.lexical(), node(date.datatype())).into(),
                None => continue,
            },
        };
        let predicate = fact.relation.iri();
        let modality = match fact.modality {
            Modality::Asserted => "asserted",
            _ => "other",
        };
        let key = [subject.as_str(), predicate, &object.to_string(), fact.modality.iri()];
        let fact_node = node(&format!("{doc_iri}#fact-{}", short_hash(&key)));
        if fact.modality == Modality::Asserted {
            quads.add(subject.clone(), predicate, object.clone(), &graph);
        }
        quads.add(fact_node.clone(), rdf::TYPE.as_str(), node(kg::FACT), &graph);
        quads.add(fact_node.clone(), rdf::SUBJECT.as_str(), subject, &graph);
        quads.add(fact_node.clone(), rdf::PREDICATE.as_str(), node(predicate), &graph);
        quads.add(fact_node.clone(), rdf::OBJECT.as_str(), object, &graph);
        quads.add(fact_node.clone(), kg::MODALITY, node(fact.modality.iri()), &graph);
        if let Some(title) = &fact.title {
            quads.add(fact_node.clone(), kg::POSITION_TITLE, Literal::new_simple_literal(title), &graph);
        }
        evidence(quads, &fact_node, &fact.evidence, &format!("{}{modality}", fact_node.as_str()));
    }

    for statement in &doc.statements {
        let speaker = node(&resolution.entity(d, statement.speaker).iri);
        let key = [speaker.as_str(), &statement.content.start().to_string(), &statement.content.end().to_string()];
        let s = node(&format!("{doc_iri}#stmt-{}", short_hash(&key)));
        quads.add(s.clone(), rdf::TYPE.as_str(), node(kg::STATEMENT), &graph);
        quads.add(s.clone(), kg::SPEAKER, speaker, &graph);
        quads.add(s.clone(), kg::CUE, Literal::new_simple_literal(&statement.cue), &graph);
        // Sentence records are in text order: the one that can hold the
        // content is the first that ends at or after it (a scan per
        // statement was quadratic in a long document).
        let holds = |x: &&SentenceRecord| x.span.contains(statement.content);
        let first = doc.sentences.partition_point(|x| x.span.end() < statement.content.end());
        let sentence = doc.sentences.get(first).filter(holds).or_else(|| doc.sentences.iter().find(holds));
        let content = sentence
            .and_then(|x| {
                x.text.get(statement.content.start() - x.span.start()..statement.content.end() - x.span.start())
            })
            .unwrap_or_default();
        quads.add(s.clone(), kg::CONTENT, Literal::new_simple_literal(content), &graph);
        quads.add(s.clone(), kg::QUOTED, Literal::from(statement.quoted), &graph);
        for &about in &statement.about {
            quads.add(s.clone(), kg::ABOUT, node(&resolution.entity(d, about).iri), &graph);
        }
        evidence(quads, &s, &statement.evidence, s.as_str());
    }
}

/// The text an evidence span covers, read from its sentence record.
fn doc_text_of(doc: &DocExtraction, ev: &crate::extract::model::Evidence) -> String {
    // Sentence records are in index order: a binary search, not a scan per
    // fact.
    let holds = |s: &&SentenceRecord| s.index == ev.sentence && s.span.contains(ev.span);
    let first = doc.sentences.partition_point(|s| s.index < ev.sentence);
    doc.sentences
        .get(first)
        .filter(holds)
        .or_else(|| doc.sentences.iter().find(holds))
        .and_then(|s| s.text.get(ev.span.start() - s.span.start()..ev.span.end() - s.span.start()))
        .unwrap_or_default()
        .to_string()
}

fn integer(value: usize) -> Literal {
    Literal::new_typed_literal(value.to_string(), xsd::INTEGER)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The path of an IRI after RFC 3986 normalisation: unreserved
    /// characters percent-decoded, then dot segments removed.
    fn normalised_path(iri: &str) -> String {
        let mut decoded = String::new();
        let mut rest = iri;
        while let Some(at) = rest.find('%') {
            decoded.push_str(&rest[..at]);
            let hex = &rest[at + 1..at + 3];
            let byte = u8::from_str_radix(hex, 16).unwrap();
            if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
                decoded.push(byte as char);
            } else {
                decoded.push_str(&rest[at..at + 3]);
            }
            rest = &rest[at + 3..];
        }
        decoded.push_str(rest);
        let path = decoded.strip_prefix("https://w3id.org").unwrap();
        let mut out: Vec<&str> = Vec::new();
        for segment in path.split('/').skip(1) {
            match segment {
                "." => {}
                ".." => {
                    out.pop();
                }
                s => out.push(s),
            }
        }
        format!("/{}", out.join("/"))
    }

    #[test]
    fn document_iris_stay_in_their_namespace() {
        let ids = [
            "../../etc/passwd",
            "..",
            ".",
            "a/../../../b",
            "./x",
            "a/./b",
            "/abs/a.txt",
            "%2E%2E/x",
            "a//b",
            "...",
            "!..",
            "x?y#z",
            "ü/..",
        ];
        let mut iris = std::collections::BTreeSet::new();
        for id in ids {
            let iri = document_iri(id);
            assert!(NamedNode::new(&iri).is_ok(), "{id} gives an invalid IRI {iri}");
            let path = normalised_path(&iri);
            assert!(path.starts_with("/kgforge/document/"), "{id} gives {iri}, normalised to {path}");
            assert!(iris.insert(iri), "{id} collides");
        }
    }
}
