//! SPARQL queries over the store and their results: an aligned table for
//! people, the W3C formats (CSV, TSV, JSON, XML) for programs, RDF for
//! CONSTRUCT and DESCRIBE.

use std::io::Write;

use oxigraph::model::{GraphNameRef, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

use super::{serializer, shorten, xml_safe_term, ExportError, GraphFormat, ResultsFormat};

/// A query that could not be parsed or evaluated.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// Not SPARQL 1.1 query syntax.
    #[error("invalid SPARQL query: {0}")]
    Syntax(String),
    /// A SPARQL update (INSERT, DELETE, LOAD, CLEAR...): queries only read.
    #[error(
        "queries are read-only: this is a SPARQL update (INSERT, DELETE, LOAD, CLEAR, ...), \
         and the store changes only through `kgforge build`"
    )]
    Update,
    /// Evaluation failed.
    #[error("query failed: {0}")]
    Evaluation(String),
    /// The query's `CancellationToken` was cancelled.
    #[error("the query was cancelled")]
    Cancelled,
}

/// Evaluates a SPARQL query. The union of all graphs is the default graph,
/// so facts can be asked for without naming the documents that hold them;
/// `GRAPH ?doc { ... }` still reaches each document's graph.
///
/// # Errors
///
/// A syntax error (with its position), an update, or an evaluation error.
pub fn run_query(store: &Store, query: &str) -> Result<QueryResults<'static>, QueryError> {
    run_query_with(store, query, None)
}

/// [`run_query`], stopped by `cancel`: once it is cancelled, evaluation
/// ends at its next read of the store with [`QueryError::Cancelled`] (or,
/// for results being written, [`ExportError::Cancelled`]).
///
/// # Errors
///
/// A syntax error (with its position), an update, an evaluation error, or
/// the cancellation.
pub fn run_query_with(
    store: &Store,
    query: &str,
    cancel: Option<&CancellationToken>,
) -> Result<QueryResults<'static>, QueryError> {
    let mut evaluator = SparqlEvaluator::new();
    if let Some(cancel) = cancel {
        evaluator = evaluator.with_cancellation_token(cancel.clone());
    }
    let mut prepared = match evaluator.parse_query(query) {
        Ok(prepared) => prepared,
        // An update is no broken query: say why it is refused.
        Err(_) if SparqlEvaluator::new().parse_update(query).is_ok() => return Err(QueryError::Update),
        Err(e) => return Err(QueryError::Syntax(e.to_string())),
    };
    prepared.dataset_mut().set_default_graph_as_union();
    prepared.on_store(store).execute().map_err(|e| match e {
        QueryEvaluationError::Cancelled => QueryError::Cancelled,
        e => QueryError::Evaluation(e.to_string()),
    })
}

/// How much of the results [`write_bounded`] writes.
#[derive(Clone, Default)]
pub struct Bounds {
    /// Write at most this many solutions or triples (`None`: all).
    pub limit: Option<usize>,
    /// Stop writing with [`ExportError::Cancelled`] once this is cancelled
    /// (give the same token to [`run_query_with`] to stop evaluation too).
    pub cancel: Option<CancellationToken>,
}

impl std::fmt::Debug for Bounds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bounds")
            .field("limit", &self.limit)
            .field("cancelled", &self.cancel.as_ref().map(CancellationToken::is_cancelled))
            .finish()
    }
}

/// What [`write_bounded`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Solutions or triples written (0 for a boolean).
    pub count: usize,
    /// True when there were more than the limit let through.
    pub limited: bool,
    /// True for triples (CONSTRUCT, DESCRIBE), false for solutions and booleans.
    pub triples: bool,
}

impl Written {
    /// What was counted, in the plural unless one: `rows` or `triples`.
    #[must_use]
    pub fn unit(&self) -> &'static str {
        match (self.triples, self.count == 1) {
            (true, true) => "triple",
            (true, false) => "triples",
            (false, true) => "row",
            (false, false) => "rows",
        }
    }
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
    Ok(write_bounded(results, format, graph_format, &Bounds::default(), out)?.0)
}

/// Writes query results as they are evaluated, holding none of them (the
/// table format holds its first [`TABLE_SAMPLE`] rows to size its
/// columns), and stops at `bounds`. Output stopped by the limit is still a
/// whole document in its format; output stopped by cancellation is not.
///
/// Graphs are written in the order evaluation gives their triples, which
/// the same store and query repeat, with the known prefixes declared first.
/// XML formats (`xml`, `rdf`) write each character XML cannot carry
/// (C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF) as
/// U+FFFD.
///
/// # Errors
///
/// Writing fails, the results cannot be read, or the query was cancelled.
pub fn write_bounded<W: Write>(
    results: QueryResults<'_>,
    format: ResultsFormat,
    graph_format: Option<GraphFormat>,
    bounds: &Bounds,
    out: W,
) -> Result<(W, Written), ExportError> {
    let io = |source| ExportError::Io { format: format.name(), source };
    let mut written = Written { count: 0, limited: false, triples: false };
    match results {
        QueryResults::Graph(mut triples) => {
            written.triples = true;
            let graph_format = graph_format.unwrap_or(GraphFormat::Turtle);
            if graph_format == GraphFormat::Dot {
                return Err(ExportError::Unsupported(
                    "CONSTRUCT and DESCRIBE results are written in an RDF format, not dot".into(),
                ));
            }
            let io = |source| ExportError::Io { format: graph_format.name(), source };
            let xml = graph_format == GraphFormat::RdfXml;
            let mut writer = serializer(graph_format)?.for_writer(out);
            while let Some(mut triple) = take(bounds, &mut written, triples.next())? {
                if xml {
                    triple.object = xml_safe_term(triple.object);
                }
                writer.serialize_quad(triple.as_ref().in_graph(GraphNameRef::DefaultGraph)).map_err(io)?;
            }
            Ok((writer.finish().map_err(io)?, written))
        }
        QueryResults::Boolean(value) => match w3c(format) {
            None => {
                let mut out = out;
                writeln!(out, "{value}").map_err(io)?;
                Ok((out, written))
            }
            Some(w3c) => Ok((
                QueryResultsSerializer::from_format(w3c).serialize_boolean_to_writer(out, value).map_err(io)?,
                written,
            )),
        },
        QueryResults::Solutions(mut solutions) => {
            let variables = solutions.variables().to_vec();
            match w3c(format) {
                Some(w3c) => {
                    let xml = w3c == QueryResultsFormat::Xml;
                    let mut writer = QueryResultsSerializer::from_format(w3c)
                        .serialize_solutions_to_writer(out, variables)
                        .map_err(io)?;
                    while let Some(solution) = take(bounds, &mut written, solutions.next())? {
                        if xml {
                            let safe: Vec<_> =
                                solution.iter().map(|(v, t)| (v.clone(), xml_safe_term(t.clone()))).collect();
                            writer.serialize(safe.iter().map(|(v, t)| (v, t))).map_err(io)?;
                        } else {
                            writer.serialize(&solution).map_err(io)?;
                        }
                    }
                    Ok((writer.finish().map_err(io)?, written))
                }
                None => {
                    let header = variables.iter().map(|v| v.as_str().to_string()).collect();
                    let mut table = TableWriter::new(header, out);
                    while let Some(solution) = take(bounds, &mut written, solutions.next())? {
                        table
                            .push(variables.iter().map(|v| solution.get(v).map_or_else(String::new, cell)).collect())
                            .map_err(io)?;
                    }
                    Ok((table.finish().map_err(io)?, written))
                }
            }
        }
    }
}

/// The next item, unless the query was cancelled or the limit is reached;
/// the item after the limit is read to tell a cut output from one that
/// just fits.
fn take<T>(
    bounds: &Bounds,
    written: &mut Written,
    item: Option<Result<T, QueryEvaluationError>>,
) -> Result<Option<T>, ExportError> {
    if bounds.cancel.as_ref().is_some_and(CancellationToken::is_cancelled) {
        return Err(ExportError::Cancelled);
    }
    let item = item.transpose().map_err(|error| match error {
        QueryEvaluationError::Cancelled => ExportError::Cancelled,
        error => ExportError::Store(error.to_string()),
    })?;
    let Some(item) = item else { return Ok(None) };
    if bounds.limit.is_some_and(|limit| written.count >= limit) {
        written.limited = true;
        return Ok(None);
    }
    written.count += 1;
    Ok(Some(item))
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

/// A term as a table cell: IRIs shortened, literals as their value, on one
/// line and without control characters (a terminal would obey them).
fn cell(term: &Term) -> String {
    let text = match term {
        Term::NamedNode(node) => shorten(node.as_str()),
        Term::BlankNode(node) => node.to_string(),
        Term::Literal(literal) => literal.value().to_string(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    };
    if text.chars().any(char::is_control) {
        text.chars()
            .map(|c| match c {
                '\n' | '\t' | '\r' => ' ',
                c if c.is_control() => '\u{FFFD}',
                c => c,
            })
            .collect()
    } else {
        text
    }
}

/// How many rows the table holds to size its columns; the rest are written
/// as they come, in those widths.
pub const TABLE_SAMPLE: usize = 1000;

/// The widest a table cell is written, in characters: longer ones end with `…`.
pub const TABLE_CELL: usize = 80;

/// An aligned table with a header, a rule and a row count, written as rows
/// come: the first [`TABLE_SAMPLE`] rows are held to size the columns, the
/// later ones are written at once (a later cell wider than its column
/// pushes that row's next cells right).
struct TableWriter<W: Write> {
    out: W,
    header: Vec<String>,
    /// Rows held until the widths are known; empty once they are.
    sample: Vec<Vec<String>>,
    widths: Option<Vec<usize>>,
    rows: usize,
}

impl<W: Write> TableWriter<W> {
    fn new(header: Vec<String>, out: W) -> Self {
        Self { out, header, sample: Vec::new(), widths: None, rows: 0 }
    }

    /// Adds a row: held while sampling, written after.
    fn push(&mut self, row: Vec<String>) -> std::io::Result<()> {
        let row: Vec<String> = row.into_iter().map(cut).collect();
        self.rows += 1;
        match &self.widths {
            Some(widths) => write_line(&mut self.out, widths, &row),
            None => {
                self.sample.push(row);
                if self.sample.len() >= TABLE_SAMPLE {
                    self.start()?;
                }
                Ok(())
            }
        }
    }

    /// Sizes the columns from the header and the rows held, writes them.
    fn start(&mut self) -> std::io::Result<()> {
        let mut widths: Vec<usize> = self.header.iter().map(|h| width(h)).collect();
        for row in &self.sample {
            for (w, value) in widths.iter_mut().zip(row) {
                *w = (*w).max(width(value));
            }
        }
        write_line(&mut self.out, &widths, &self.header)?;
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        write_line(&mut self.out, &widths, &rule)?;
        for row in std::mem::take(&mut self.sample) {
            write_line(&mut self.out, &widths, &row)?;
        }
        self.widths = Some(widths);
        Ok(())
    }

    /// Writes what is held and the row count.
    fn finish(mut self) -> std::io::Result<W> {
        if self.widths.is_none() {
            self.start()?;
        }
        writeln!(self.out, "{} row{}", self.rows, if self.rows == 1 { "" } else { "s" })?;
        Ok(self.out)
    }
}

fn width(text: &str) -> usize {
    text.chars().count()
}

/// A cell cut to [`TABLE_CELL`] characters, the last one `…`.
fn cut(value: String) -> String {
    if width(&value) > TABLE_CELL {
        value.chars().take(TABLE_CELL - 1).chain(std::iter::once('…')).collect()
    } else {
        value
    }
}

fn write_line<W: Write>(out: &mut W, widths: &[usize], cells: &[String]) -> std::io::Result<()> {
    let mut text = String::new();
    for (i, value) in cells.iter().enumerate() {
        text.push_str(value);
        if i + 1 < cells.len() {
            let pad = widths.get(i).map_or(0, |w| w.saturating_sub(width(value)));
            text.push_str(&" ".repeat(pad + 2));
        }
    }
    writeln!(out, "{}", text.trim_end())
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

    #[test]
    fn tables_hold_a_bounded_sample_then_stream() {
        let mut table = TableWriter::new(vec!["n".into(), "text".into()], Vec::new());
        for i in 1..TABLE_SAMPLE {
            table.push(vec![i.to_string(), "short".into()]).expect("push");
        }
        assert!(table.out.is_empty(), "written before the sample was full");
        assert_eq!(table.sample.len(), TABLE_SAMPLE - 1);
        for i in TABLE_SAMPLE..=5 * TABLE_SAMPLE {
            table.push(vec![i.to_string(), "short".into()]).expect("push");
            assert!(table.sample.is_empty(), "row {i} held");
        }
        // Header, rule and every row so far are out.
        assert_eq!(table.out.iter().filter(|b| **b == b'\n').count(), 2 + 5 * TABLE_SAMPLE);
        table.push(vec!["wide".into(), "Y".repeat(20 * 1024)]).expect("push");
        let out = String::from_utf8(table.finish().expect("finish")).expect("utf-8");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "n     text");
        assert_eq!(lines[2], "1     short");
        let wide = lines[lines.len() - 2];
        assert!(wide.starts_with("wide  YYY") && wide.ends_with('…'), "{wide}");
        assert_eq!(wide.chars().count(), "wide  ".len() + TABLE_CELL);
        assert_eq!(lines[lines.len() - 1], format!("{} rows", 5 * TABLE_SAMPLE + 1));
    }

    #[test]
    fn table_cells_hold_no_control_characters() {
        let term = Term::Literal(oxigraph::model::Literal::new_simple_literal("a\tb\nc\u{1b}[31md\u{7f}"));
        assert_eq!(cell(&term), "a b c\u{FFFD}[31md\u{FFFD}");
    }
}
