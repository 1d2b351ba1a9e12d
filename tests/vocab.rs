//! The ontology declares every term the code writes, and the ontology and
//! shapes files parse.

use std::collections::BTreeSet;
use std::path::Path;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedOrBlankNode, Quad};

fn parse(file: &str) -> Vec<Quad> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(&bytes)
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{file} does not parse: {e}"))
}

#[test]
fn every_term_is_declared_with_a_type_label_and_comment() {
    let ontology = parse("ontology/kgforge.ttl");
    let described = |predicate: &str| -> BTreeSet<String> {
        ontology
            .iter()
            .filter(|q| q.predicate.as_str() == predicate)
            .filter_map(|q| match &q.subject {
                NamedOrBlankNode::NamedNode(n) => Some(n.as_str().to_string()),
                NamedOrBlankNode::BlankNode(_) => None,
            })
            .collect()
    };
    let typed = described("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    let labelled = described("http://www.w3.org/2000/01/rdf-schema#label");
    let commented = described("http://www.w3.org/2000/01/rdf-schema#comment");
    for (local, iri) in kgforge::vocab::kg::ALL {
        assert!(typed.contains(*iri), "kg:{local} is not declared in ontology/kgforge.ttl");
        assert!(labelled.contains(*iri), "kg:{local} has no rdfs:label");
        assert!(commented.contains(*iri), "kg:{local} has no rdfs:comment");
    }
}

#[test]
fn the_shapes_parse_and_cover_the_provenance_classes() {
    let shapes = parse("ontology/shapes.ttl");
    let targets: BTreeSet<&str> = shapes
        .iter()
        .filter(|q| q.predicate.as_str() == "http://www.w3.org/ns/shacl#targetClass")
        .filter_map(|q| match &q.object {
            oxigraph::model::Term::NamedNode(n) => Some(n.as_str()),
            _ => None,
        })
        .collect();
    for class in [
        kgforge::vocab::kg::DOCUMENT,
        kgforge::vocab::kg::FACT,
        kgforge::vocab::kg::EVIDENCE,
        kgforge::vocab::kg::SENTENCE,
        kgforge::vocab::kg::STATEMENT,
    ] {
        assert!(targets.contains(class), "no shape targets {class}");
    }
}
