//! SPARQL queries over the store and their results: an aligned table for
//! people, the W3C formats (CSV, TSV, JSON, XML) for programs, RDF for
//! CONSTRUCT and DESCRIBE.

use std::io::Write;

use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

use super::{shorten, write_graph, ExportError, GraphFormat, ResultsFormat};

/// A query that could not be parsed or evaluated.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct QueryError(String);

/// Evaluates a SPARQL query. The union of all graphs is the default graph,
/// so facts can be asked for without naming the documents that hold them;
/// `GRAPH ?doc { ... }` still reaches each document's graph.
///
/// # Errors
///
/// A syntax error (with its position) or an evaluation error.
pub fn run_query(store: &Store, query: &str) -> Result<QueryResults<'static>, QueryError> {
    let mut prepared =
        SparqlEvaluator::new().parse_query(query).map_err(|e| QueryError(format!("invalid SPARQL query: {e}")))?;
    prepared.dataset_mut().set_default_graph_as_union();
    prepared.on_store(store).execute().map_err(|e| QueryError(format!("query failed: {e}")))
}

/// Writes query results. Solutions and booleans use `format`; graphs
/// (CONSTRUCT, DESCRIBE) use `graph_format` (Turtle when not given).
///
/// # Errors
///
/// Writing fails, or the results cannot be read.
pub fn write_results<W: Write>(
    results: QueryResults<'_>,
    format: ResultsFormat,
    graph_format: Option<GraphFormat>,
    out: W,
) -> Result<W, ExportError> {
    let io = |source| ExportError::Io { format: format.name(), source };
    match results {
        QueryResults::Graph(triples) => {
            let format = graph_format.unwrap_or(GraphFormat::Turtle);
            if format == GraphFormat::Dot {
                return Err(ExportError::Unsupported(
                    "CONSTRUCT and DESCRIBE results are written in an RDF format, not dot".into(),
                ));
            }
            let mut quads = Vec::new();
            for triple in triples {
                let triple = triple.map_err(|e| ExportError::Store(e.to_string()))?;
                quads.push(triple.in_graph(oxigraph::model::GraphName::DefaultGraph));
            }
            Ok(write_graph(&quads, format, out)?.0)
        }
        QueryResults::Boolean(value) => match w3c(format) {
            None => {
                let mut out = out;
                writeln!(out, "{value}").map_err(io)?;
                Ok(out)
            }
            Some(w3c) => QueryResultsSerializer::from_format(w3c).serialize_boolean_to_writer(out, value).map_err(io),
        },
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            match w3c(format) {
                Some(w3c) => {
                    let mut writer = QueryResultsSerializer::from_format(w3c)
                        .serialize_solutions_to_writer(out, variables)
                        .map_err(io)?;
                    for solution in solutions {
                        let solution = solution.map_err(|e| ExportError::Store(e.to_string()))?;
                        writer.serialize(&solution).map_err(io)?;
                    }
                    writer.finish().map_err(io)
                }
                None => {
                    let header: Vec<String> = variables.iter().map(|v| v.as_str().to_string()).collect();
                    let mut rows = Vec::new();
                    for solution in solutions {
                        let solution = solution.map_err(|e| ExportError::Store(e.to_string()))?;
                        rows.push(
                            variables
                                .iter()
                                .map(|v| solution.get(v).map_or_else(String::new, cell))
                                .collect::<Vec<_>>(),
                        );
                    }
                    write_table(&header, &rows, out).map_err(io)
                }
            }
        }
    }
}

fn w3c(format: ResultsFormat) -> Option<QueryResultsFormat> {
    match format {
        ResultsFormat::Table => None,
        ResultsFormat::Csv => Some(QueryResultsFormat::Csv),
        ResultsFormat::Tsv => Some(QueryResultsFormat::Tsv),
        ResultsFormat::Json => Some(QueryResultsFormat::Json),
        ResultsFormat::Xml => Some(QueryResultsFormat::Xml),
    }
}

/// A term as a table cell: IRIs shortened, literals as their value.
fn cell(term: &Term) -> String {
    match term {
        Term::NamedNode(node) => shorten(node.as_str()),
        Term::BlankNode(node) => node.to_string(),
        Term::Literal(literal) => literal.value().replace(['\n', '\t'], " "),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

/// Writes an aligned table with a header, a rule and a row count.
fn write_table<W: Write>(header: &[String], rows: &[Vec<String>], mut out: W) -> std::io::Result<W> {
    let width = |s: &str| s.chars().count();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (i, value) in row.iter().enumerate() {
            widths[i] = widths[i].max(width(value).min(80));
        }
    }
    let line = |out: &mut W, cells: &[String]| -> std::io::Result<()> {
        let mut text = String::new();
        for (i, value) in cells.iter().enumerate() {
            let shown: String = if width(value) > 80 {
                value.chars().take(79).chain(std::iter::once('…')).collect()
            } else {
                value.clone()
            };
            text.push_str(&shown);
            if i + 1 < cells.len() {
                text.push_str(&" ".repeat(widths[i] - width(&shown) + 2));
            }
        }
        writeln!(out, "{}", text.trim_end())
    };
    line(&mut out, header)?;
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(&mut out, &rule)?;
    for row in rows {
        line(&mut out, row)?;
    }
    writeln!(out, "{} row{}", rows.len(), if rows.len() == 1 { "" } else { "s" })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode, Quad};

    fn store() -> Store {
        let store = Store::new().expect("in-memory store");
        let s = NamedNode::new_unchecked("https://w3id.org/kgforge/resource/person/jane-doe");
        let g = NamedNode::new_unchecked("https://w3id.org/kgforge/document/a.txt");
        store
            .insert(&Quad::new(
                s,
                oxigraph::model::vocab::rdfs::LABEL.into_owned(),
                Literal::new_simple_literal("Jane Doe"),
                g,
            ))
            .expect("insert");
        store
    }

    #[test]
    fn facts_in_document_graphs_answer_plain_patterns() {
        let results =
            run_query(&store(), "SELECT ?s ?name WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?name }")
                .expect("query");
        let out = write_results(results, ResultsFormat::Table, None, Vec::new()).expect("write");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(text.contains("res:person/jane-doe  Jane Doe"), "{text}");
        assert!(text.ends_with("1 row\n"), "{text}");
    }

    #[test]
    fn syntax_errors_say_where() {
        let Err(error) = run_query(&store(), "SELECT ?s WHERE { ?s ") else { panic!("a broken query parsed") };
        assert!(error.to_string().starts_with("invalid SPARQL query"), "{error}");
    }

    #[test]
    fn w3c_formats_are_written() {
        for format in [ResultsFormat::Csv, ResultsFormat::Tsv, ResultsFormat::Json, ResultsFormat::Xml] {
            let results = run_query(&store(), "SELECT ?name WHERE { ?s ?p ?name }").expect("query");
            let out = write_results(results, format, None, Vec::new()).expect("write");
            assert!(String::from_utf8_lossy(&out).contains("Jane Doe"), "{format:?}");
        }
        let results = run_query(&store(), "ASK { ?s ?p ?o }").expect("query");
        assert_eq!(write_results(results, ResultsFormat::Table, None, Vec::new()).expect("write"), b"true\n");
    }
}
