#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

pub mod document;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod graph;
pub mod pipeline;
pub mod resolve;
pub mod span;
pub mod text;
pub mod vocab;

pub use span::Span;
