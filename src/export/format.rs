//! Output formats: each knows its name, file extension and media type.

use std::fmt;
use std::str::FromStr;

use oxigraph::io::{JsonLdProfileSet, RdfFormat};

/// A format for the whole graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    /// N-Triples (all graphs merged).
    NTriples,
    /// N-Quads (named graphs kept).
    NQuads,
    /// Turtle (all graphs merged).
    Turtle,
    /// TriG (named graphs kept).
    TriG,
    /// RDF/XML (all graphs merged).
    RdfXml,
    /// JSON-LD (named graphs kept).
    JsonLd,
    /// GraphViz DOT: entities and relations only, for reading.
    Dot,
}

impl GraphFormat {
    /// Every format, in the order they are listed to users.
    pub const ALL: [GraphFormat; 7] =
        [Self::NTriples, Self::NQuads, Self::Turtle, Self::TriG, Self::RdfXml, Self::JsonLd, Self::Dot];

    /// The name used on the command line.
    ///
    /// ```
    /// use kgforge::export::GraphFormat;
    /// assert_eq!("ttl".parse::<GraphFormat>().map(GraphFormat::name), Ok("ttl"));
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::NTriples => "nt",
            Self::NQuads => "nq",
            Self::Turtle => "ttl",
            Self::TriG => "trig",
            Self::RdfXml => "rdf",
            Self::JsonLd => "jsonld",
            Self::Dot => "dot",
        }
    }

    /// The usual file extension.
    #[must_use]
    pub fn extension(self) -> &'static str {
        self.name()
    }

    /// The IANA media type.
    #[must_use]
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Dot => "text/vnd.graphviz",
            _ => self.rdf_format().map_or("application/octet-stream", |f| f.media_type()),
        }
    }

    /// The oxigraph RDF format, `None` for `dot`.
    #[must_use]
    pub fn rdf_format(self) -> Option<RdfFormat> {
        match self {
            Self::NTriples => Some(RdfFormat::NTriples),
            Self::NQuads => Some(RdfFormat::NQuads),
            Self::Turtle => Some(RdfFormat::Turtle),
            Self::TriG => Some(RdfFormat::TriG),
            Self::RdfXml => Some(RdfFormat::RdfXml),
            Self::JsonLd => Some(RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() }),
            Self::Dot => None,
        }
    }

    /// True when the format keeps named graphs (document provenance).
    #[must_use]
    pub fn keeps_graphs(self) -> bool {
        matches!(self, Self::NQuads | Self::TriG | Self::JsonLd)
    }
}

impl fmt::Display for GraphFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name nobody knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} format '{name}'; expected one of: {expected}")]
pub struct UnknownFormat {
    kind: &'static str,
    name: String,
    expected: String,
}

impl FromStr for GraphFormat {
    type Err = UnknownFormat;

    /// ```
    /// use kgforge::export::GraphFormat;
    /// let error = "xml".parse::<GraphFormat>().unwrap_err();
    /// assert_eq!(error.to_string(), "unknown export format 'xml'; expected one of: nt, nq, ttl, trig, rdf, jsonld, dot");
    /// ```
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|f| f.name() == name).ok_or_else(|| UnknownFormat {
            kind: "export",
            name: name.to_string(),
            expected: Self::ALL.map(Self::name).join(", "),
        })
    }
}

/// A format for SPARQL SELECT and ASK results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultsFormat {
    /// An aligned text table, for people.
    Table,
    /// W3C SPARQL 1.1 CSV.
    Csv,
    /// W3C SPARQL 1.1 TSV.
    Tsv,
    /// W3C SPARQL 1.1 JSON.
    Json,
    /// W3C SPARQL XML.
    Xml,
}

impl ResultsFormat {
    /// Every format.
    pub const ALL: [ResultsFormat; 5] = [Self::Table, Self::Csv, Self::Tsv, Self::Json, Self::Xml];

    /// The name used on the command line.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Table => "table",
            Self::Csv => "csv",
            Self::Tsv => "tsv",
            Self::Json => "json",
            Self::Xml => "xml",
        }
    }
}

impl FromStr for ResultsFormat {
    type Err = UnknownFormat;

    /// ```
    /// use kgforge::export::ResultsFormat;
    /// assert_eq!("csv".parse::<ResultsFormat>(), Ok(ResultsFormat::Csv));
    /// assert!("nq".parse::<ResultsFormat>().unwrap_err().to_string().starts_with("unknown results format 'nq'"));
    /// ```
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|f| f.name() == name).ok_or_else(|| UnknownFormat {
            kind: "results",
            name: name.to_string(),
            expected: Self::ALL.map(Self::name).join(", "),
        })
    }
}
