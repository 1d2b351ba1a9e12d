//! What extraction produces for one document: entities, facts, statements,
//! each with its evidence. Serialisable, so a store can cache it by content
//! hash and re-resolve without re-reading the text.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::document::Metadata;
use crate::span::Span;
use crate::text::date::PartialDate;
use crate::vocab::kg;

/// The six core entity types of the scored vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityType {
    /// A named human being.
    Person,
    /// Government, ministry, alliance, party, company, outlet, armed force.
    Organization,
    /// A sovereign or partially recognised state, current or former.
    Country,
    /// Any other named location.
    Place,
    /// A declaration, treaty, accord, pact, memorandum or agreement.
    Agreement,
    /// A conference, summit, exercise, election, war, protest, meeting.
    Event,
}

impl EntityType {
    /// All types, in a fixed order.
    pub const ALL: [EntityType; 6] =
        [Self::Person, Self::Organization, Self::Country, Self::Place, Self::Agreement, Self::Event];

    /// The ontology class IRI.
    #[must_use]
    pub fn class_iri(self) -> &'static str {
        match self {
            Self::Person => kg::PERSON,
            Self::Organization => kg::ORGANIZATION,
            Self::Country => kg::COUNTRY,
            Self::Place => kg::PLACE,
            Self::Agreement => kg::AGREEMENT,
            Self::Event => kg::EVENT,
        }
    }

    /// The path segment of entity IRIs of this type (`person`, `country`...).
    #[must_use]
    pub fn slug(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "organization",
            Self::Country => "country",
            Self::Place => "place",
            Self::Agreement => "agreement",
            Self::Event => "event",
        }
    }

    /// The class's local name (`Person`...).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Person => "Person",
            Self::Organization => "Organization",
            Self::Country => "Country",
            Self::Place => "Place",
            Self::Agreement => "Agreement",
            Self::Event => "Event",
        }
    }

    /// True for countries and other places.
    #[must_use]
    pub fn is_place(self) -> bool {
        matches!(self, Self::Country | Self::Place)
    }

    /// True for the types that can act: speak, sign, support, oppose.
    #[must_use]
    pub fn is_agent(self) -> bool {
        matches!(self, Self::Person | Self::Organization | Self::Country)
    }
}

/// The 14 core relations of the scored vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Relation {
    /// Person holds a ministerial post in a government.
    MinisterOf,
    /// Person leads a country, organisation or place.
    HeadOf,
    /// Any other post, employment or affiliation.
    WorksFor,
    /// Membership of an alliance, organisation or party.
    MemberOf,
    /// Stated residence or citizenship.
    LivesIn,
    /// Geographic containment, or where an event takes place.
    LocatedIn,
    /// Capital city of a country.
    CapitalOf,
    /// Headquarters or seat.
    BasedIn,
    /// A party to, or a signer of, an agreement.
    Signatory,
    /// Where an agreement was signed.
    SignedIn,
    /// When an agreement was signed (object is a date).
    SignedOn,
    /// Criticises, condemns, objects to, rejects.
    Opposes,
    /// Endorses, backs, welcomes, supports, praises.
    Supports,
    /// Killing, assassination, execution.
    Killed,
}

impl Relation {
    /// Whether the relation is a post or a membership, held for a time
    /// ("former chairman"): its modality may be [`Modality::Former`].
    #[must_use]
    pub fn is_post(self) -> bool {
        matches!(self, Self::MinisterOf | Self::HeadOf | Self::WorksFor | Self::MemberOf)
    }

    /// The property IRI.
    #[must_use]
    pub fn iri(self) -> &'static str {
        match self {
            Self::MinisterOf => kg::MINISTER_OF,
            Self::HeadOf => kg::HEAD_OF,
            Self::WorksFor => kg::WORKS_FOR,
            Self::MemberOf => kg::MEMBER_OF,
            Self::LivesIn => kg::LIVES_IN,
            Self::LocatedIn => kg::LOCATED_IN,
            Self::CapitalOf => kg::CAPITAL_OF,
            Self::BasedIn => kg::BASED_IN,
            Self::Signatory => kg::SIGNATORY,
            Self::SignedIn => kg::SIGNED_IN,
            Self::SignedOn => kg::SIGNED_ON,
            Self::Opposes => kg::OPPOSES,
            Self::Supports => kg::SUPPORTS,
            Self::Killed => kg::KILLED,
        }
    }

    /// The property's local name (`ministerOf`...).
    #[must_use]
    pub fn name(self) -> &'static str {
        self.iri().rsplit('#').next().unwrap_or_default()
    }
}

/// How a fact is stated. Only [`Modality::Asserted`] facts become plain triples.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Modality {
    /// Stated as a fact.
    Asserted,
    /// Stated as not the case ("had not been invited").
    Negated,
    /// Hedged ("may", "could", "is likely to").
    Hedged,
    /// Attributed to a source that claims it ("allegedly").
    Reported,
    /// Planned or announced for the future ("will sign").
    Planned,
    /// A post or membership held once, not at the time of the text
    /// ("former chairman", "the late president", "ex-minister").
    Former,
}

impl Modality {
    /// The ontology individual's IRI.
    #[must_use]
    pub fn iri(self) -> &'static str {
        match self {
            Self::Asserted => kg::ASSERTED,
            Self::Negated => kg::NEGATED,
            Self::Hedged => kg::HEDGED,
            Self::Reported => kg::REPORTED,
            Self::Planned => kg::PLANNED,
            Self::Former => kg::FORMER,
        }
    }
}

/// Links of an entity to external identifiers, from the gazetteer.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Links {
    /// GeoNames feature id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames: Option<u32>,
    /// Wikidata item id (`Q224`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// ISO 3166-1 alpha-2 code, for countries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso2: Option<String>,
}

impl Links {
    /// True when no link is known.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.geonames.is_none() && self.wikidata.is_none() && self.iso2.is_none()
    }
}

/// One entity of one document, after in-document coreference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocEntity {
    /// Its type.
    pub kind: EntityType,
    /// The fullest name the document gives it.
    pub name: String,
    /// Other names the document uses for it.
    pub aliases: BTreeSet<String>,
    /// Where it is mentioned.
    pub mentions: Vec<Span>,
    /// Gazetteer links.
    #[serde(default, skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// An agreement or event the text describes without naming it ("the
    /// declaration"); resolved across documents by what it is about.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unnamed: bool,
    /// Only referred to by an adjective ("Peruvian"): kept only when a fact uses it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub adjectival: bool,
}

/// The object of a fact: an entity of the same document, or a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Object {
    /// Index into [`DocExtraction::entities`].
    Entity(usize),
    /// A date, possibly without its year (resolved against the document's date).
    Date(PartialDate),
}

/// Where a fact or statement comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// Byte span of the supporting text.
    pub span: Span,
    /// Name of the extractor.
    pub extractor: String,
    /// Confidence in `[0, 1]`, in hundredths so output stays byte-stable.
    pub confidence: u8,
}

/// A relation between two entities (or an entity and a date), with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// Index into [`DocExtraction::entities`].
    pub subject: usize,
    /// The relation.
    pub relation: Relation,
    /// The object.
    pub object: Object,
    /// Asserted, negated, hedged...
    pub modality: Modality,
    /// The position title as written, for role facts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Evidence.
    pub evidence: Evidence,
}

/// Something a person or body said.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Index of the speaker in [`DocExtraction::entities`].
    pub speaker: usize,
    /// The verb that introduces it.
    pub cue: String,
    /// The span of what was said.
    pub content: Span,
    /// True for a direct quotation.
    pub quoted: bool,
    /// Entities mentioned in the content.
    pub about: Vec<usize>,
    /// Evidence.
    pub evidence: Evidence,
}

/// A sentence that carries evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceRecord {
    /// 0-based position in the document.
    pub index: usize,
    /// Byte span in the document.
    pub span: Span,
    /// Its text.
    pub text: String,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocExtraction {
    /// Document id (path or JSONL id).
    pub id: String,
    /// Where it was read from.
    pub source: String,
    /// `sha256:<hex>` of the text.
    pub content_hash: String,
    /// Metadata given with the document or found in its text.
    pub metadata: Metadata,
    /// Entities, after in-document coreference.
    pub entities: Vec<DocEntity>,
    /// Facts.
    pub facts: Vec<Fact>,
    /// Statements.
    pub statements: Vec<Statement>,
    /// The sentences evidence points into.
    pub sentences: Vec<SentenceRecord>,
    /// The year dates without one are read in: the document's own, else the
    /// latest year its body mentions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor_year: Option<i32>,
    /// How many sentences the document has (furniture included).
    #[serde(default)]
    pub sentence_count: usize,
}
