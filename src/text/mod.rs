//! Text layer: sentences and dates, with byte spans into the document text;
//! tokens, part-of-speech tags, base noun phrases and names.

pub mod chunk;
pub mod clause;
pub mod conllu;
pub mod date;
pub mod eval;
pub mod layer;
pub mod ner;
pub mod normalize;
pub mod pos;
pub mod sentence;
pub mod token;
pub mod wordlist;
