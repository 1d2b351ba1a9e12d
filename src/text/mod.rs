//! Text layer: sentences and dates, with byte spans into the document text.

pub mod date;
pub mod sentence;
pub mod normalize;
