//! Writing the graph out: RDF formats through oxigraph's serializers, the
//! GraphViz diagram and SPARQL results through modules of their own.
//!
//! Output is deterministic: quads are written in sorted order, so the same
//! graph gives the same bytes.

pub mod dot;
mod format;
pub mod results;

use std::cmp::Ordering;
use std::collections::HashSet;
use std::io::Write;

use oxigraph::io::RdfSerializer;
use oxigraph::model::{GraphName, Literal, NamedOrBlankNode, Quad, Term, Triple};

pub use format::{GraphFormat, ResultsFormat, UnknownFormat};

use crate::vocab::{ns, DOCUMENT, KG, RESOURCE};

/// Prefixes written in Turtle, TriG and RDF/XML, and used to shorten IRIs in tables.
pub const PREFIXES: &[(&str, &str)] = &[
    ("kg", KG),
    ("res", RESOURCE),
    ("doc", DOCUMENT),
    ("rdf", ns::RDF),
    ("rdfs", ns::RDFS),
    ("owl", ns::OWL),
    ("xsd", ns::XSD),
    ("skos", ns::SKOS),
    ("schema", ns::SCHEMA),
    ("prov", ns::PROV),
    ("dcterms", ns::DCTERMS),
];

/// Errors while writing output.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing failed.
    #[error("cannot write {format} output: {source}")]
    Io {
        /// The format being written.
        format: &'static str,
        /// The cause.
        source: std::io::Error,
    },
    /// The store could not be read.
    #[error("cannot read the store: {0}")]
    Store(String),
    /// `--focus` named no entity.
    #[error("no entity named '{name}'{suggestions}")]
    NoSuchEntity {
        /// The name asked for.
        name: String,
        /// ", did you mean: ..." or empty.
        suggestions: String,
    },
    /// A format that does not fit the output.
    #[error("{0}")]
    Unsupported(String),
    /// The query was cancelled (its `CancellationToken`) while results were written.
    #[error("the query was cancelled")]
    Cancelled,
}

/// Writes quads in an RDF format and returns the writer and the number of
/// statements written (quads for formats with named graphs, distinct
/// triples for the others).
///
/// # Errors
///
/// When writing fails, or for [`GraphFormat::Dot`] (see [`dot::write_dot`]).
pub fn write_graph<W: Write>(quads: &[Quad], format: GraphFormat, out: W) -> Result<(W, usize), ExportError> {
    let mut sorted = quads.to_vec();
    canonicalize(&mut sorted);
    write_parts(std::iter::once(sorted), format, out)
}

/// Writes a graph given in canonical parts (each sorted and free of
/// duplicates, the parts in order, as `graph::triples::GraphParts` makes
/// them), holding one part at a time. Formats that merge the graphs write
/// each distinct triple once, at its first appearance.
///
/// # Errors
///
/// When writing fails, or for [`GraphFormat::Dot`] (see [`dot::write_dot`]).
pub fn write_parts<W: Write>(
    parts: impl IntoIterator<Item = Vec<Quad>>,
    format: GraphFormat,
    out: W,
) -> Result<(W, usize), ExportError> {
    let io = |source| ExportError::Io { format: format.name(), source };
    let mut writer = serializer(format)?.for_writer(out);
    let xml = format == GraphFormat::RdfXml;
    let mut count = 0;
    let mut seen: HashSet<u128> = HashSet::new();
    for part in parts {
        if format.keeps_graphs() {
            count += part.len();
            for quad in &part {
                if xml {
                    writer.serialize_quad(&xml_safe_quad(quad.clone())).map_err(io)?;
                } else {
                    writer.serialize_quad(quad).map_err(io)?;
                }
            }
            continue;
        }
        // All graphs merged: each distinct triple once.
        let mut triples: Vec<&Quad> = part.iter().collect();
        let order = |a: &&Quad, b: &&Quad| {
            triple_order((&a.subject, a.predicate.as_str(), &a.object), (&b.subject, b.predicate.as_str(), &b.object))
        };
        triples.sort_by(order);
        triples.dedup_by(|a, b| order(a, b) == Ordering::Equal);
        for quad in triples {
            let triple = Triple::new(quad.subject.clone(), quad.predicate.clone(), quad.object.clone());
            if seen.insert(triple_key(&triple)) {
                count += 1;
                let triple = if xml { xml_safe_triple(triple) } else { triple };
                writer
                    .serialize_quad(triple.as_ref().in_graph(oxigraph::model::GraphNameRef::DefaultGraph))
                    .map_err(io)?;
            }
        }
    }
    Ok((writer.finish().map_err(io)?, count))
}

/// The serializer of `format`, the known prefixes declared up front where
/// the format writes them (Turtle, TriG, RDF/XML), so that triples can be
/// streamed to it one by one.
///
/// # Errors
///
/// For [`GraphFormat::Dot`], which is not an RDF format.
pub(crate) fn serializer(format: GraphFormat) -> Result<RdfSerializer, ExportError> {
    let Some(rdf_format) = format.rdf_format() else {
        return Err(ExportError::Unsupported("the dot format is written with dot::write_dot".into()));
    };
    let mut serializer = RdfSerializer::from_format(rdf_format);
    if matches!(format, GraphFormat::Turtle | GraphFormat::TriG | GraphFormat::RdfXml) {
        for (prefix, iri) in PREFIXES {
            serializer = serializer.with_prefix(*prefix, *iri).map_err(|e| ExportError::Unsupported(e.to_string()))?;
        }
    }
    Ok(serializer)
}

/// True for a character XML 1.0 allows in a document (its `Char`
/// production): not the C0 controls other than tab, line feed and carriage
/// return, not surrogates, not U+FFFE and U+FFFF. Even as a character
/// reference, XML cannot carry any other.
#[must_use]
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// A term fit for XML output (RDF/XML, SPARQL XML results): each character
/// of a literal that XML cannot carry becomes U+FFFD. IRIs and blank node
/// labels never hold such characters. The store keeps the original text;
/// the other formats write it exactly.
#[must_use]
pub fn xml_safe_term(term: Term) -> Term {
    match term {
        Term::Literal(literal) if !literal.value().chars().all(is_xml_char) => {
            let value: String = literal.value().chars().map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' }).collect();
            Term::Literal(match literal.language() {
                Some(language) => Literal::new_language_tagged_literal_unchecked(value, language),
                None => Literal::new_typed_literal(value, literal.datatype().into_owned()),
            })
        }
        other => other,
    }
}

fn xml_safe_triple(triple: Triple) -> Triple {
    Triple::new(triple.subject, triple.predicate, xml_safe_term(triple.object))
}

fn xml_safe_quad(quad: Quad) -> Quad {
    Quad::new(quad.subject, quad.predicate, xml_safe_term(quad.object), quad.graph_name)
}

/// A 128-bit key of a triple: two independent 64-bit hashes.
fn triple_key(triple: &Triple) -> u128 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut first = DefaultHasher::new();
    triple.hash(&mut first);
    let mut second = DefaultHasher::new();
    0xa5_u8.hash(&mut second);
    triple.hash(&mut second);
    (u128::from(first.finish()) << 64) | u128::from(second.finish())
}

/// The canonical order of quads: the default graph first, then by graph
/// name, subject, predicate, object. Compares without allocating.
#[must_use]
pub fn quad_order(a: &Quad, b: &Quad) -> Ordering {
    graph_order(&a.graph_name, &b.graph_name).then_with(|| {
        triple_order((&a.subject, a.predicate.as_str(), &a.object), (&b.subject, b.predicate.as_str(), &b.object))
    })
}

fn graph_order(a: &GraphName, b: &GraphName) -> Ordering {
    match (a, b) {
        (GraphName::DefaultGraph, GraphName::DefaultGraph) => Ordering::Equal,
        (GraphName::DefaultGraph, _) => Ordering::Less,
        (_, GraphName::DefaultGraph) => Ordering::Greater,
        (GraphName::NamedNode(x), GraphName::NamedNode(y)) => x.as_str().cmp(y.as_str()),
        (x, y) => x.to_string().cmp(&y.to_string()),
    }
}

fn triple_order(a: (&NamedOrBlankNode, &str, &Term), b: (&NamedOrBlankNode, &str, &Term)) -> Ordering {
    let subject = |s: &NamedOrBlankNode| match s {
        NamedOrBlankNode::NamedNode(n) => (0, n.as_str().to_string()),
        NamedOrBlankNode::BlankNode(n) => (1, n.as_str().to_string()),
    };
    let subjects = match (a.0, b.0) {
        (NamedOrBlankNode::NamedNode(x), NamedOrBlankNode::NamedNode(y)) => x.as_str().cmp(y.as_str()),
        (x, y) => subject(x).cmp(&subject(y)),
    };
    subjects.then_with(|| a.1.cmp(b.1)).then_with(|| term_order(a.2, b.2))
}

fn term_order(a: &Term, b: &Term) -> Ordering {
    match (a, b) {
        (Term::NamedNode(x), Term::NamedNode(y)) => x.as_str().cmp(y.as_str()),
        (Term::Literal(x), Term::Literal(y)) => x
            .value()
            .cmp(y.value())
            .then_with(|| x.datatype().as_str().cmp(y.datatype().as_str()))
            .then_with(|| x.language().cmp(&y.language())),
        (Term::NamedNode(_), _) => Ordering::Less,
        (_, Term::NamedNode(_)) => Ordering::Greater,
        (x, y) => x.to_string().cmp(&y.to_string()),
    }
}

/// Sorts quads canonically and drops duplicates.
pub fn canonicalize(quads: &mut Vec<Quad>) {
    quads.sort_unstable_by(quad_order);
    quads.dedup();
}

/// Shortens an IRI with the known prefixes (`res:person/jane-doe`).
#[must_use]
pub fn shorten(iri: &str) -> String {
    PREFIXES
        .iter()
        .filter(|(_, ns)| iri.starts_with(ns))
        .max_by_key(|(_, ns)| ns.len())
        .map_or_else(|| format!("<{iri}>"), |(prefix, ns)| format!("{prefix}:{}", &iri[ns.len()..]))
}
