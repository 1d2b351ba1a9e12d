//! The GraphViz diagram: entities labelled by name, shaped and coloured by
//! type, edges labelled by relation. Provenance (facts, evidence,
//! sentences, statements, documents) is left out; `focus` and `depth`
//! narrow the diagram to one entity's neighbourhood.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::io::Write;

use oxigraph::model::{NamedNodeRef, Term};
use oxigraph::store::Store;
use petgraph::graphmap::UnGraphMap;

use super::ExportError;
use crate::extract::model::EntityType;
use crate::text::normalize::fold;
use crate::vocab::{kg, ns, KG};

/// What to draw.
#[derive(Debug, Clone, Default)]
pub struct DotOptions {
    /// Draw only the neighbourhood of the entity with this name (label or alias).
    pub focus: Option<String>,
    /// How many relation hops from the focus to keep.
    pub depth: usize,
}

struct Node {
    label: String,
    kind: EntityType,
    aliases: BTreeSet<String>,
}

/// Writes the diagram of the store's entities and relations.
///
/// # Errors
///
/// The store cannot be read, writing fails, or `focus` names no entity.
pub fn write_dot<W: Write>(store: &Store, options: &DotOptions, mut out: W) -> Result<W, ExportError> {
    let store_error = |e: oxigraph::store::StorageError| ExportError::Store(e.to_string());
    let io = |source| ExportError::Io { format: "dot", source };

    // Entities: IRI → node.
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    for kind in EntityType::ALL {
        let class = NamedNodeRef::new_unchecked(kind.class_iri());
        for quad in store.quads_for_pattern(None, Some(oxigraph::model::vocab::rdf::TYPE), Some(class.into()), None) {
            let quad = quad.map_err(store_error)?;
            let iri = quad.subject.to_string();
            let iri = iri.trim_start_matches('<').trim_end_matches('>').to_string();
            nodes.entry(iri).or_insert(Node { label: String::new(), kind, aliases: BTreeSet::new() });
        }
    }
    let label = NamedNodeRef::new_unchecked("http://www.w3.org/2000/01/rdf-schema#label");
    let alt_label = format!("{}altLabel", ns::SKOS);
    let alt_label = NamedNodeRef::new_unchecked(&alt_label);
    for (iri, node) in &mut nodes {
        let subject = NamedNodeRef::new_unchecked(iri);
        for quad in store.quads_for_pattern(Some(subject.into()), Some(label), None, None) {
            if let Term::Literal(l) = quad.map_err(store_error)?.object {
                node.label = l.value().to_string();
            }
        }
        for quad in store.quads_for_pattern(Some(subject.into()), Some(alt_label), None, None) {
            if let Term::Literal(l) = quad.map_err(store_error)?.object {
                node.aliases.insert(l.value().to_string());
            }
        }
    }

    // Relations between entities, and signing dates; deduplicated across documents.
    let mut edges: BTreeSet<(String, String, String)> = BTreeSet::new();
    let mut dates: BTreeSet<(String, String)> = BTreeSet::new();
    for quad in store.iter() {
        let quad = quad.map_err(store_error)?;
        let predicate = quad.predicate.as_str();
        let Some(relation) = predicate.strip_prefix(KG) else { continue };
        let subject = quad.subject.to_string();
        let subject = subject.trim_start_matches('<').trim_end_matches('>');
        if !nodes.contains_key(subject) {
            continue;
        }
        match &quad.object {
            Term::NamedNode(object) if nodes.contains_key(object.as_str()) => {
                edges.insert((subject.to_string(), relation.to_string(), object.as_str().to_string()));
            }
            Term::Literal(date) if predicate == kg::SIGNED_ON => {
                dates.insert((subject.to_string(), date.value().to_string()));
            }
            _ => {}
        }
    }

    // Focus: keep the entities within `depth` hops of the named one.
    let keep: BTreeSet<String> = match &options.focus {
        None => nodes.keys().cloned().collect(),
        Some(name) => {
            let wanted = fold(name);
            let Some(start) = nodes
                .iter()
                .find(|(_, n)| fold(&n.label) == wanted || n.aliases.iter().any(|a| fold(a) == wanted))
                .map(|(iri, _)| iri.clone())
            else {
                let close: Vec<&str> = nodes
                    .values()
                    .map(|n| n.label.as_str())
                    .filter(|l| fold(l).contains(&wanted) || wanted.contains(&fold(l)))
                    .take(5)
                    .collect();
                let suggestions =
                    if close.is_empty() { String::new() } else { format!("; did you mean: {}", close.join(", ")) };
                return Err(ExportError::NoSuchEntity { name: name.clone(), suggestions });
            };
            let mut graph: UnGraphMap<&str, ()> = UnGraphMap::new();
            for (s, _, o) in &edges {
                graph.add_edge(s.as_str(), o.as_str(), ());
            }
            let mut seen = BTreeSet::from([start.clone()]);
            let mut queue = VecDeque::from([(start.as_str(), 0)]);
            while let Some((node, distance)) = queue.pop_front() {
                if distance == options.depth || !graph.contains_node(node) {
                    continue;
                }
                for next in graph.neighbors(node) {
                    if seen.insert(next.to_string()) {
                        queue.push_back((next, distance + 1));
                    }
                }
            }
            seen
        }
    };

    // Stable ids in IRI order.
    let ids: BTreeMap<&str, String> =
        nodes.keys().filter(|k| keep.contains(*k)).enumerate().map(|(i, k)| (k.as_str(), format!("n{i}"))).collect();
    writeln!(out, "digraph kgforge {{").map_err(io)?;
    writeln!(out, "  graph [rankdir=LR, fontname=\"Helvetica\", overlap=false];").map_err(io)?;
    writeln!(out, "  node [fontname=\"Helvetica\", fontsize=11, style=filled];").map_err(io)?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];").map_err(io)?;
    writeln!(out, "  subgraph cluster_legend {{\n    label=\"Legend\"; fontsize=10; style=dashed;").map_err(io)?;
    for kind in EntityType::ALL {
        let (shape, color) = style(kind);
        writeln!(out, "    legend_{} [label=\"{}\", shape={shape}, fillcolor=\"{color}\"];", kind.slug(), kind.name())
            .map_err(io)?;
    }
    writeln!(out, "  }}").map_err(io)?;
    for (iri, id) in &ids {
        let node = &nodes[*iri];
        let (shape, color) = style(node.kind);
        writeln!(
            out,
            "  {id} [label=\"{}\", shape={shape}, fillcolor=\"{color}\", tooltip=\"{}\"];",
            quoted(&node.label, LABEL),
            quoted(iri, TOOLTIP)
        )
        .map_err(io)?;
    }
    for (s, relation, o) in &edges {
        if let (Some(a), Some(b)) = (ids.get(s.as_str()), ids.get(o.as_str())) {
            writeln!(out, "  {a} -> {b} [label=\"{relation}\"];").map_err(io)?;
        }
    }
    for (i, (s, date)) in dates.iter().enumerate() {
        if let Some(a) = ids.get(s.as_str()) {
            writeln!(
                out,
                "  date{i} [label=\"{}\", shape=plaintext, style=\"\"];\n  {a} -> date{i} [label=\"signedOn\"];",
                quoted(date, LABEL)
            )
            .map_err(io)?;
        }
    }
    writeln!(out, "}}").map_err(io)?;
    Ok(out)
}

fn style(kind: EntityType) -> (&'static str, &'static str) {
    match kind {
        EntityType::Person => ("ellipse", "#cfe2f3"),
        EntityType::Organization => ("box", "#fce5cd"),
        EntityType::Country => ("house", "#b6d7a8"),
        EntityType::Place => ("octagon", "#d9ead3"),
        EntityType::Agreement => ("note", "#fff2cc"),
        EntityType::Event => ("diamond", "#ead1dc"),
    }
}

/// The most characters of a name shown in a node label; the full name stays
/// in the RDF. GraphViz refuses quoted strings over 16 KiB.
const LABEL: usize = 80;

/// The most characters of an IRI shown in a node tooltip.
const TOOLTIP: usize = 300;

/// `text` as the inside of a DOT quoted string: cut to `max` characters
/// (the last one `…`), control characters as spaces, quotes and backslashes
/// escaped.
fn quoted(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(4 * max));
    for (i, c) in text.chars().enumerate() {
        if i + 1 == max && text.chars().nth(max).is_some() {
            out.push('…');
            break;
        }
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_cut_and_quotes_escaped() {
        assert_eq!(quoted("Jane \"J\\R\" Roe", LABEL), "Jane \\\"J\\\\R\\\" Roe");
        assert_eq!(quoted("a\nb\u{1b}c\u{7f}", LABEL), "a b c ");
        assert_eq!(quoted(&"X".repeat(LABEL), LABEL), "X".repeat(LABEL));
        let long = quoted(&"X".repeat(20 * 1024), LABEL);
        assert_eq!(long.chars().count(), LABEL);
        assert!(long.ends_with("X…"), "{long}");
    }
}
