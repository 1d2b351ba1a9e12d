//! Text layer: sentences and dates, with byte spans into the document text.

pub mod conllu;
pub mod date;
pub mod layer;
pub mod ner;
pub mod normalize;
pub mod pos;
pub mod sentence;
pub mod token;
