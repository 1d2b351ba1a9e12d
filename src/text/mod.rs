//! Text layer: sentences and dates, with byte spans into the document text.

pub mod date;
pub mod normalize;
pub mod sentence;
