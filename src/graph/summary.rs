//! What a graph holds, counted with SPARQL so that any store answers alike.

use std::collections::BTreeMap;

use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;

use crate::export::results::run_query;
use crate::extract::model::{EntityType, Relation};
use crate::vocab::kg;

/// Counts of a graph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Documents.
    pub documents: usize,
    /// Entities by type name.
    pub entities: BTreeMap<&'static str, usize>,
    /// Asserted facts by relation name.
    pub facts: BTreeMap<&'static str, usize>,
    /// Facts stated as negated, hedged, reported or planned.
    pub qualified_facts: usize,
    /// Statements (who said what).
    pub statements: usize,
    /// Distinct triples, all graphs merged.
    pub triples: usize,
    /// All quads (a triple asserted by two documents counts twice).
    pub quads: usize,
}

const RELATIONS: [Relation; 14] = [
    Relation::MinisterOf,
    Relation::HeadOf,
    Relation::WorksFor,
    Relation::MemberOf,
    Relation::LivesIn,
    Relation::LocatedIn,
    Relation::CapitalOf,
    Relation::BasedIn,
    Relation::Signatory,
    Relation::SignedIn,
    Relation::SignedOn,
    Relation::Opposes,
    Relation::Supports,
    Relation::Killed,
];

/// Counts what `store` holds.
///
/// # Errors
///
/// A query fails.
pub fn summarize(store: &Store) -> Result<Summary, String> {
    let count = |query: &str| -> Result<usize, String> {
        match run_query(store, query).map_err(|e| e.to_string())? {
            QueryResults::Solutions(mut solutions) => {
                let solution = solutions.next().transpose().map_err(|e| e.to_string())?;
                Ok(solution
                    .and_then(|s| s.get("n").map(|t| t.to_string()))
                    .and_then(|t| t.trim_matches('"').split('"').next().and_then(|n| n.parse().ok()))
                    .unwrap_or(0))
            }
            _ => Ok(0),
        }
    };
    let mut summary = Summary {
        documents: count(&format!("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ ?d a <{}> }}", kg::DOCUMENT))?,
        ..Summary::default()
    };
    for kind in EntityType::ALL {
        let n = count(&format!("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a <{}> }}", kind.class_iri()))?;
        summary.entities.insert(kind.name(), n);
    }
    for relation in RELATIONS {
        let n = count(&format!(
            "SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?o WHERE {{ ?s <{}> ?o }} }}",
            relation.iri()
        ))?;
        summary.facts.insert(relation.name(), n);
    }
    summary.qualified_facts = count(&format!(
        "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE {{ ?f <{}> ?m FILTER(?m != <{}>) }}",
        kg::MODALITY,
        kg::ASSERTED
    ))?;
    summary.statements = count(&format!("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a <{}> }}", kg::STATEMENT))?;
    summary.triples = distinct_triples(store)?;
    summary.quads = store.len().map_err(|e| e.to_string())?;
    Ok(summary)
}

/// Distinct triples over all graphs, counted by a 128-bit hash of each
/// triple (a SPARQL `DISTINCT` would hold every triple at once).
fn distinct_triples(store: &Store) -> Result<usize, String> {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut seen = std::collections::HashSet::new();
    for quad in store.iter() {
        let quad = quad.map_err(|e| e.to_string())?;
        let mut first = DefaultHasher::new();
        let mut second = DefaultHasher::new();
        0x5a_u8.hash(&mut second);
        for hasher in [&mut first, &mut second] {
            quad.subject.hash(hasher);
            quad.predicate.hash(hasher);
            quad.object.hash(hasher);
        }
        seen.insert((u128::from(first.finish()) << 64) | u128::from(second.finish()));
    }
    Ok(seen.len())
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "documents   {}", self.documents)?;
        let entities: usize = self.entities.values().sum();
        writeln!(f, "entities    {entities}")?;
        for (kind, n) in &self.entities {
            writeln!(f, "  {kind:<14}{n}")?;
        }
        let facts: usize = self.facts.values().sum();
        writeln!(f, "facts       {facts} asserted, {} negated, hedged, reported or planned", self.qualified_facts)?;
        for (relation, n) in self.facts.iter().filter(|(_, n)| **n > 0) {
            writeln!(f, "  {relation:<14}{n}")?;
        }
        writeln!(f, "statements  {}", self.statements)?;
        writeln!(f, "triples     {}", self.triples)?;
        write!(f, "quads       {}", self.quads)
    }
}
