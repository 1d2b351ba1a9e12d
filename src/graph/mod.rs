//! The graph: RDF quads built from resolved extractions, and the store they live in.

pub mod store;
pub mod summary;
pub mod triples;
