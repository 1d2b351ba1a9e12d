//! The IRIs kgforge writes: its own ontology terms and the established
//! vocabularies it reuses.
//!
//! Every term here is declared in `ontology/kgforge.ttl`; a test checks that.

/// The kgforge ontology namespace.
pub const KG: &str = "https://w3id.org/kgforge/ontology#";
/// Where entity IRIs are minted: `{RESOURCE}{type}/{slug}`.
pub const RESOURCE: &str = "https://w3id.org/kgforge/resource/";
/// Where document IRIs (and named graphs) are minted: `{DOCUMENT}{slug}`.
pub const DOCUMENT: &str = "https://w3id.org/kgforge/document/";

/// RDF, RDFS, OWL, XSD, SKOS, schema.org, PROV-O, Dublin Core terms.
pub mod ns {
    /// rdf:
    pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    /// rdfs:
    pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
    /// owl:
    pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
    /// xsd:
    pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
    /// skos:
    pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
    /// schema:
    pub const SCHEMA: &str = "https://schema.org/";
    /// prov:
    pub const PROV: &str = "http://www.w3.org/ns/prov#";
    /// dcterms:
    pub const DCTERMS: &str = "http://purl.org/dc/terms/";
    /// GeoNames resources (`https://sws.geonames.org/{id}/`).
    pub const GEONAMES: &str = "https://sws.geonames.org/";
    /// Wikidata entities.
    pub const WIKIDATA: &str = "http://www.wikidata.org/entity/";
}

macro_rules! terms {
    ($( $(#[$doc:meta])* $name:ident = $local:literal; )*) => {
        $( $(#[$doc])* pub const $name: &str = concat!("https://w3id.org/kgforge/ontology#", $local); )*
        /// Every kgforge term, as `(local name, IRI)`, for checks against the ontology file.
        pub const ALL: &[(&str, &str)] = &[ $( ($local, $name) ),* ];
    };
}

/// kgforge ontology terms: classes and properties.
pub mod kg {
    terms! {
        /// Class: a named human being.
        PERSON = "Person";
        /// Class: government, ministry, alliance, party, company, outlet, armed force...
        ORGANIZATION = "Organization";
        /// Class: a sovereign or partially recognised state, current or former.
        COUNTRY = "Country";
        /// Class: any other named location.
        PLACE = "Place";
        /// Class: a declaration, treaty, accord, pact, memorandum or agreement.
        AGREEMENT = "Agreement";
        /// Class: a conference, summit, exercise, election, war, protest, meeting.
        EVENT = "Event";
        /// Class: a source document (also its named graph).
        DOCUMENT = "Document";
        /// Class: a sentence of a document that carries evidence.
        SENTENCE = "Sentence";
        /// Class: a reified fact, the node its provenance hangs on.
        FACT = "Fact";
        /// Class: one piece of evidence for a fact or statement.
        EVIDENCE = "Evidence";
        /// Class: something a person or body said, as a node of its own.
        STATEMENT = "Statement";
        /// Class: how a fact is stated (the modality individuals below).
        MODALITY_CLASS = "Modality";

        /// Relation: holds a ministerial post in that government.
        MINISTER_OF = "ministerOf";
        /// Relation: leads it.
        HEAD_OF = "headOf";
        /// Relation: any other post, employment or affiliation.
        WORKS_FOR = "worksFor";
        /// Relation: member of an alliance, organisation or party.
        MEMBER_OF = "memberOf";
        /// Relation: stated residence or citizenship.
        LIVES_IN = "livesIn";
        /// Relation: geographic containment, or where an event takes place.
        LOCATED_IN = "locatedIn";
        /// Relation: capital city of a country.
        CAPITAL_OF = "capitalOf";
        /// Relation: headquarters or seat.
        BASED_IN = "basedIn";
        /// Relation: a party to, or a signer of, an agreement.
        SIGNATORY = "signatory";
        /// Relation: where an agreement was signed.
        SIGNED_IN = "signedIn";
        /// Relation: when an agreement was signed.
        SIGNED_ON = "signedOn";
        /// Relation: criticises, condemns, objects to, rejects.
        OPPOSES = "opposes";
        /// Relation: endorses, backs, welcomes, supports, praises.
        SUPPORTS = "supports";
        /// Relation: killing, assassination, execution.
        KILLED = "killed";

        /// Fact: the position title as written ("Minister of Defense").
        POSITION_TITLE = "positionTitle";
        /// Fact or statement: its evidence node.
        EVIDENCE_PROP = "evidence";
        /// Fact or statement: asserted, negated, hedged, reported or planned.
        MODALITY = "modality";
        /// Evidence: the sentence node it lies in.
        SENTENCE_PROP = "sentence";
        /// Evidence / sentence: first byte of the span in the document text.
        START = "start";
        /// Evidence / sentence: one past the last byte of the span.
        END = "end";
        /// Evidence: the exact text of the span.
        SPAN_TEXT = "spanText";
        /// Evidence: the extractor that produced it.
        EXTRACTOR = "extractor";
        /// Evidence: confidence in `[0, 1]`.
        CONFIDENCE = "confidence";
        /// Sentence: its text.
        TEXT = "text";
        /// Sentence: its 0-based position in the document.
        INDEX = "index";
        /// Document: SHA-256 of its text, as `sha256:<hex>`.
        CONTENT_HASH = "contentHash";
        /// Document: the path, `-` or JSONL id it was read from.
        SOURCE = "source";
        /// Document: the publisher as stated.
        PUBLISHER_NAME = "publisherName";
        /// Statement: who said it.
        SPEAKER = "speaker";
        /// Statement: the verb that introduces it ("said", "stressed").
        CUE = "cue";
        /// Statement: what was said, quoted or reported.
        CONTENT = "content";
        /// Statement: true when the content is a direct quotation.
        QUOTED = "quoted";
        /// Statement: an entity it is about.
        ABOUT = "about";
        /// Entity: ISO 3166-1 alpha-2 code of a country.
        ISO_CODE = "isoCode";

        /// Modality: stated as a fact.
        ASSERTED = "Asserted";
        /// Modality: stated as not the case.
        NEGATED = "Negated";
        /// Modality: hedged (may, could, reportedly).
        HEDGED = "Hedged";
        /// Modality: attributed to someone who claims it.
        REPORTED = "Reported";
        /// Modality: planned or announced for the future.
        PLANNED = "Planned";
        /// Modality: held once, not at the time of the text (former posts).
        FORMER = "Former";
    }
}
