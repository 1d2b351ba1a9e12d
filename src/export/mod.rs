//! Writing the graph out: RDF formats through oxigraph's serializers, the
//! GraphViz diagram and SPARQL results through modules of their own.
//!
//! Output is deterministic: quads are written in sorted order, so the same
//! graph gives the same bytes.

pub mod dot;
mod format;
pub mod results;

use std::io::Write;

use oxigraph::io::RdfSerializer;
use oxigraph::model::{GraphName, Quad, Triple};

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
}

/// Writes quads in an RDF format and returns the writer and the number of
/// statements written (quads for formats with named graphs, distinct
/// triples for the others).
///
/// # Errors
///
/// When writing fails, or for [`GraphFormat::Dot`] (see [`dot::write_dot`]).
pub fn write_graph<W: Write>(quads: &[Quad], format: GraphFormat, out: W) -> Result<(W, usize), ExportError> {
    let io = |source| ExportError::Io { format: format.name(), source };
    let Some(rdf_format) = format.rdf_format() else {
        return Err(ExportError::Unsupported("the dot format is written with dot::write_dot".into()));
    };
    let mut serializer = RdfSerializer::from_format(rdf_format);
    if matches!(format, GraphFormat::Turtle | GraphFormat::TriG | GraphFormat::RdfXml) {
        for (prefix, iri) in PREFIXES {
            serializer = serializer.with_prefix(*prefix, *iri).map_err(|e| ExportError::Unsupported(e.to_string()))?;
        }
    }
    let mut writer = serializer.for_writer(out);
    let count;
    if format.keeps_graphs() {
        let mut sorted: Vec<&Quad> = quads.iter().collect();
        sorted.sort_by_cached_key(|q| sort_key(q));
        sorted.dedup();
        count = sorted.len();
        for quad in sorted {
            writer.serialize_quad(quad).map_err(io)?;
        }
    } else {
        let mut triples: Vec<(String, Triple)> = quads
            .iter()
            .map(|q| {
                let triple = Triple::new(q.subject.clone(), q.predicate.clone(), q.object.clone());
                (format!("{} {} {}", triple.subject, triple.predicate, triple.object), triple)
            })
            .collect();
        triples.sort_by(|a, b| a.0.cmp(&b.0));
        triples.dedup_by(|a, b| a.0 == b.0);
        count = triples.len();
        for (_, triple) in &triples {
            writer.serialize_quad(triple.as_ref().in_graph(oxigraph::model::GraphNameRef::DefaultGraph)).map_err(io)?;
        }
    }
    Ok((writer.finish().map_err(io)?, count))
}

/// The canonical order of quads: default graph first, then by graph,
/// subject, predicate, object.
#[must_use]
pub fn sort_key(quad: &Quad) -> (bool, String, String, String, String) {
    (
        quad.graph_name != GraphName::DefaultGraph,
        quad.graph_name.to_string(),
        quad.subject.to_string(),
        quad.predicate.to_string(),
        quad.object.to_string(),
    )
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
