//! Closed-class words of English news writing that the extractors key on:
//! titles, head nouns of organisation, place, agreement and event names, and
//! words that open sentences without being names.
//!
//! These are properties of the language, not of any corpus: no entity names.

use crate::extract::model::{EntityType, Relation};

/// Words that name a post; the last word of a title phrase ("Defense Minister").
pub const TITLE_HEADS: &[&str] = &[
    "minister", "ministers", "secretary", "president", "premier", "chancellor", "king", "queen",
    "emir", "sultan", "mayor", "governor", "chairman", "chairwoman", "chair", "chairperson",
    "director", "director-general", "head", "leader", "chief", "ceo", "commander",
    "secretary-general", "general", "spokesman", "spokeswoman", "spokesperson", "ambassador",
    "envoy", "adviser", "advisor", "official", "officials", "researcher", "expert", "analyst",
    "economist", "professor", "scientist", "lawyer", "attorney", "correspondent", "reporter",
    "editor", "officer", "diplomat", "negotiator", "executive", "manager", "founder",
    "lecturer", "fellow", "senator", "prosecutor", "judge", "representative", "coordinator",
    "member", "staffer", "aide", "deputy", "boss", "owner", "partner", "consultant",
    "strategist", "administrator", "superintendent", "inspector", "counsel", "treasurer",
    "auditor", "justice", "commissioner", "rapporteur", "anchor", "columnist", "writer",
    "producer", "publisher", "pastor", "bishop", "cardinal", "archbishop", "imam", "rabbi",
];

/// Words that may stand before a title head inside a title phrase.
pub const TITLE_MODIFIERS: &[&str] = &[
    "deputy", "vice", "acting", "former", "prime", "foreign", "defense", "defence", "interior",
    "finance", "justice", "health", "education", "economy", "economic", "trade", "agriculture",
    "energy", "transport", "culture", "home", "state", "general", "chief", "executive",
    "senior", "junior", "assistant", "associate", "principal", "first", "second", "regional",
    "national", "security", "military", "research", "foreign-policy", "policy", "political",
    "press", "army", "navy", "air", "force", "staff", "police", "party", "opposition",
    "government", "union", "labor", "labour", "managing", "top", "special", "permanent",
    "european", "affairs", "environment", "development", "tourism", "sports", "information",
    "communications", "science", "technology", "industry", "social", "welfare", "labour",
    "housing", "water", "emergency", "internal", "external", "armed", "forces", "federal",
    "provincial", "local", "supreme", "high", "lord", "lead", "co", "honorary", "intelligence",
    "finance", "treasury", "commerce", "legal", "medical", "defence", "war", "world",
];

/// Honorifics and titles written before a person's name, capitalised.
pub const NAME_TITLES: &[&str] = &[
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof", "Prof.", "Gen", "Gen.", "Lt",
    "Lt.", "Col", "Col.", "Sgt", "Sgt.", "Capt", "Capt.", "Maj", "Maj.", "Adm", "Adm.", "Gov",
    "Gov.", "Sen", "Sen.", "Rep", "Rep.", "Rev", "Rev.", "Sir", "Dame", "Lord", "Lady", "Pope",
    "Sheikh", "Prince", "Princess", "Judge", "Justice", "President", "Minister", "Premier",
    "Chancellor", "King", "Queen", "Emperor", "Mayor", "Governor", "Senator", "Ambassador",
    "Secretary", "General", "Commander", "Chairman", "Chairwoman", "Director", "Deputy", "Vice",
    "Prime", "Foreign", "Defense", "Defence", "Interior", "Finance", "Spokesman", "Spokeswoman",
    "Chief", "Former", "Acting", "Economy", "Trade", "Health", "Justice", "Energy", "State",
    "Attorney", "Admiral", "Colonel", "Lieutenant", "Sergeant", "Captain", "Major", "Father",
    "Sister", "Brother", "Cardinal", "Bishop", "Archbishop", "Imam", "Rabbi", "Gen.", "Field",
    "Marshal", "Speaker", "Leader", "Head", "Executive", "Officer", "Professor", "Doctor",
    "Education", "Culture", "Agriculture", "Transport", "Labor", "Labour", "Home", "Affairs",
];

/// Head nouns that make a capitalised phrase an organisation.
pub const ORG_HEADS: &[&str] = &[
    "Ministry", "Ministries", "Center", "Centre", "Institute", "Institution", "Agency",
    "Council", "Party", "University", "College", "School", "Academy", "Times", "News", "Post",
    "Press", "Herald", "Journal", "Tribune", "Telegraph", "Gazette", "Radio", "Television",
    "TV", "Broadcasting", "Bank", "Corporation", "Corp", "Corp.", "Inc", "Inc.", "Ltd",
    "Ltd.", "Co.", "Company", "Companies", "Group", "Holdings", "Association", "Organization",
    "Organisation", "Union", "Federation", "Confederation", "League", "Alliance", "Coalition",
    "Front", "Movement", "Committee", "Commission", "Court", "Tribunal", "Parliament",
    "Assembly", "Congress", "Senate", "Government", "Department", "Office", "Bureau",
    "Foundation", "Fund", "Society", "Service", "Services", "Authority", "Board", "Army",
    "Navy", "Forces", "Force", "Guard", "Police", "Command", "Church", "Club", "Network",
    "Airlines", "Airways", "Systems", "Industries", "Motors", "Laboratories", "Labs", "Trust",
    "Partnership", "Properties", "Enterprises", "Communications", "Technologies",
    "Pharmaceuticals", "Energy", "Oil", "Petroleum", "Exchange", "Cabinet", "Secretariat",
    "Brigade", "Battalion", "Regiment", "Division", "Directorate", "Inspectorate", "Council",
    "Institutes", "Observatory", "Hospital", "Museum", "Library", "Mission", "Delegation",
    "Embassy", "Consulate", "Magazine", "Daily", "Weekly", "Review", "Monitor", "Insider",
    "Reuters", "Associated", "Caucus", "Syndicate", "Cooperative", "Consortium", "Firm",
];

/// Head nouns that make a capitalised phrase an agreement.
pub const AGREEMENT_HEADS: &[&str] = &[
    "Declaration", "Treaty", "Accord", "Accords", "Agreement", "Agreements", "Pact",
    "Memorandum", "Convention", "Charter", "Protocol", "Compact", "Deal", "Armistice",
];

/// Head nouns that make a capitalised phrase an event.
pub const EVENT_HEADS: &[&str] = &[
    "Conference", "Summit", "Exercise", "Exercises", "Election", "Elections", "War", "Wars",
    "Protest", "Protests", "Meeting", "Forum", "Games", "Olympics", "Festival", "Crisis",
    "Revolution", "Uprising", "Congress", "Talks", "Dialogue", "Referendum", "Cup",
    "Championship", "Championships", "Massacre", "Genocide", "Siege", "Battle", "Offensive",
    "Operation", "Week", "Expo", "Fair", "Marathon", "Tournament", "Symposium", "Convention",
    "Assembly", "Riots", "Strike",
];

/// Head nouns that make a capitalised phrase a place.
pub const PLACE_HEADS: &[&str] = &[
    "City", "County", "River", "Mountain", "Mountains", "Mount", "Island", "Islands", "Lake",
    "Bay", "Valley", "Province", "Region", "Street", "Avenue", "Square", "Park", "Airport",
    "Palace", "Castle", "Bridge", "Strait", "Sea", "Ocean", "Gulf", "Peninsula", "Desert",
    "Coast", "Beach", "Harbor", "Harbour", "Port", "Canal", "Plain", "Plains", "Hills",
    "Heights", "District", "Township", "Village", "Borough", "Canyon", "Falls", "Forest",
    "Plaza", "Hall", "Stadium", "Arena", "Base", "Plant", "Station", "Building", "Tower",
    "Cathedral", "Temple", "Mosque", "Prison", "Camp", "Field", "Fields", "Territory",
    "Territories", "State", "Republic", "Oblast", "Prefecture", "Canton", "Cape", "Pass",
    "Road", "Highway", "Boulevard", "Zone", "Strip", "Bank",
];

/// Words capitalised at the start of a sentence or in headlines that are not names.
pub const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We",
    "I", "You", "His", "Her", "Their", "Our", "My", "Your", "In", "On", "At", "By", "For",
    "From", "With", "Without", "Of", "To", "As", "And", "But", "Or", "Nor", "So", "Yet",
    "If", "When", "While", "Where", "Why", "How", "What", "Who", "Whom", "Which", "After",
    "Before", "During", "Since", "Until", "Despite", "Although", "Though", "Because",
    "However", "Meanwhile", "Moreover", "Furthermore", "Additionally", "Also", "Still",
    "Even", "Both", "Each", "Every", "All", "Some", "Many", "Most", "Several", "Other",
    "Another", "Such", "No", "Not", "According", "Among", "Under", "Over", "Through",
    "Against", "Between", "Into", "About", "Above", "Below", "Near", "Across", "Along",
    "Around", "Behind", "Beyond", "Within", "Upon", "Via", "Per", "Here", "There", "Then",
    "Now", "Today", "Yesterday", "Tomorrow", "Last", "Next", "First", "Second", "Third",
    "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "New",
    "Similarly", "Conversely", "Instead", "Likewise", "Thus", "Therefore", "Hence",
    "Indeed", "Perhaps", "Maybe", "Only", "Just", "Already", "Nevertheless", "Nonetheless",
    "Otherwise", "Later", "Earlier", "Recently", "Finally", "Initially", "Overall",
    "Together", "Neither", "Either", "Whether", "Once", "Unlike", "Like", "Following",
    "Including", "Regarding", "Concerning", "Considering", "Given", "Asked", "Speaking",
    "Responding", "Reporting", "Writing", "Noting", "Citing", "Officials", "Experts",
    "Analysts", "Security", "Sources", "Police", "Authorities", "Residents", "Witnesses",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec", "Mr", "Mrs", "Ms", "Dr", "Read", "More", "Latest",
    "Related", "Published", "Updated", "Share", "Home", "News", "Photo", "Video", "Source",
    "Image", "Copyright", "Click", "Subscribe", "Follow", "Advertisement", "Yes", "Please",
    "Thank", "Thanks", "Do", "Does", "Did", "Is", "Are", "Was", "Were", "Will", "Would",
    "Can", "Could", "Should", "Shall", "May", "Might", "Must", "Has", "Have", "Had", "Let",
    "Don't", "Isn't", "Let's", "Mission", "Government", "Minister", "President",
];

/// Words that join capitalised words inside one name ("Ministry of Foreign
/// Affairs", "Bank for International Settlements", "Abu Bakr al-Baghdadi").
pub const NAME_CONNECTORS: &[&str] = &[
    "of", "for", "and", "the", "de", "del", "della", "der", "den", "des", "du", "da", "di",
    "van", "von", "bin", "ibn", "al", "el", "on", "&", "la", "le", "y", "zu",
];

/// Verbs that introduce reported speech.
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "stated", "states", "told", "tells", "added", "adds", "noted",
    "notes", "stressed", "stresses", "emphasized", "emphasised", "emphasizes", "emphasises",
    "highlighted", "highlights", "underlined", "underlines", "explained", "explains",
    "argued", "argues", "asserted", "asserts", "claimed", "claims", "insisted", "insists",
    "warned", "warns", "announced", "announces", "declared", "declares", "reiterated",
    "reiterates", "affirmed", "affirms", "reaffirmed", "confirmed", "confirms", "suggested",
    "suggests", "believes", "believed", "thinks", "wrote", "writes", "pointed out",
    "points out", "speculated", "speculates", "concluded", "concludes", "clarified",
    "clarifies", "remarked", "observed", "acknowledged", "admitted", "denied", "denies",
    "replied", "responded", "responds", "recalled", "urged", "urges", "told reporters",
    "perceives", "perceived", "expects", "expected", "predicted", "cautioned", "contended",
    "maintained", "maintains", "agrees", "agreed", "countered", "estimated", "commented",
];

/// Verbs and verb phrases of opposition; the object is what is opposed.
pub const OPPOSE_VERBS: &[&str] = &[
    "criticized", "criticised", "criticizes", "criticises", "criticize", "criticise",
    "condemned", "condemns", "condemn", "denounced", "denounces", "rejected", "rejects",
    "reject", "opposed", "opposes", "oppose", "opposing", "slammed", "slams", "protested",
    "protests", "objected to", "objects to", "warned against", "warns against",
    "accused", "accuses", "blasted", "decried", "decries", "attacked", "attacks", "vetoed",
    "boycotted", "threatened", "threatens", "sanctioned", "blamed", "blames", "dismissed",
    "dismisses", "disputed", "disputes", "challenged", "challenges", "resisted", "resists",
    "lashed out at", "railed against", "spoke out against", "voted against",
];

/// Verbs and verb phrases of support; the object is what is supported.
pub const SUPPORT_VERBS: &[&str] = &[
    "supported", "supports", "support", "backed", "backs", "back", "welcomed", "welcomes",
    "welcome", "praised", "praises", "praise", "endorsed", "endorses", "endorse",
    "celebrated", "celebrates", "hailed", "hails", "applauded", "applauds", "championed",
    "champions", "defended", "defends", "embraced", "embraces", "commended", "commends",
    "lauded", "lauds", "approved", "approves", "voted for", "stood by", "stands by",
    "recognized", "recognised", "favored", "favoured", "favors", "favours",
];

/// Verbs of killing, active voice.
pub const KILL_VERBS: &[&str] = &[
    "killed", "kills", "kill", "assassinated", "assassinates", "murdered", "murders",
    "shot", "shoots", "slew", "slays", "executed", "executes", "stabbed", "stabs",
    "strangled", "beheaded", "poisoned", "gunned down", "shot and killed", "shot dead",
    "beat to death", "bludgeoned", "lynched", "massacred", "slaughtered",
];

/// The relation a title phrase implies, from its words.
///
/// "Prime Minister" leads a government; "Minister of Defense" holds a
/// ministry; "Deputy Secretary General" or "head of research" is a post
/// below the top.
#[must_use]
pub fn title_relation(title: &str) -> Relation {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    let subordinate = words
        .iter()
        .any(|w| matches!(*w, "deputy" | "vice" | "assistant" | "associate" | "under"));
    if subordinate {
        return Relation::WorksFor;
    }
    // "head of research", "chief of staff": leads a unit, works for the body.
    if let Some(pos) = words.iter().position(|w| matches!(*w, "head" | "chief" | "director")) {
        if words.get(pos + 1) == Some(&"of") && words.len() > pos + 2 {
            return Relation::WorksFor;
        }
    }
    if lower.contains("prime minister") || lower.contains("first minister") {
        return Relation::HeadOf;
    }
    if words.iter().any(|w| matches!(*w, "minister" | "ministers")) {
        return Relation::MinisterOf;
    }
    if words.iter().any(|w| {
        matches!(
            *w,
            "president"
                | "premier"
                | "chancellor"
                | "king"
                | "queen"
                | "emir"
                | "sultan"
                | "mayor"
                | "governor"
                | "chairman"
                | "chairwoman"
                | "chair"
                | "chairperson"
                | "director"
                | "director-general"
                | "head"
                | "leader"
                | "chief"
                | "ceo"
                | "commander"
                | "founder"
                | "boss"
                | "owner"
        )
    }) {
        return Relation::HeadOf;
    }
    if lower.contains("secretary general") || lower.contains("secretary-general") {
        return Relation::HeadOf;
    }
    // A US-style "Defense Secretary" or "Secretary of State" is a minister.
    if words.contains(&"secretary")
        && words.iter().any(|w| {
            matches!(
                *w,
                "state" | "defense" | "defence" | "foreign" | "home" | "interior" | "treasury"
            )
        })
    {
        return Relation::MinisterOf;
    }
    Relation::WorksFor
}

/// The entity type a capitalised phrase's head noun implies, if any.
#[must_use]
pub fn head_type(words: &[&str]) -> Option<EntityType> {
    // The head of an English noun phrase is its last word, but "Bank of
    // England" and "Ministry of Defense" put it before "of": look at both.
    let before_of = words
        .iter()
        .position(|w| *w == "of" || *w == "for" || *w == "on")
        .map_or(words.len(), |p| p);
    let candidates = words[..before_of].iter().rev().chain(words[before_of..].iter().rev());
    for word in candidates {
        if AGREEMENT_HEADS.contains(word) {
            return Some(EntityType::Agreement);
        }
        if EVENT_HEADS.contains(word) && !ORG_HEADS.contains(word) {
            return Some(EntityType::Event);
        }
        if ORG_HEADS.contains(word) {
            return Some(EntityType::Organization);
        }
        if PLACE_HEADS.contains(word) {
            return Some(EntityType::Place);
        }
    }
    None
}

/// True when `word` (any case) may be part of a title phrase.
#[must_use]
pub fn is_title_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    TITLE_HEADS.contains(&lower.as_str()) || TITLE_MODIFIERS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_map_to_relations() {
        assert_eq!(title_relation("Defense Minister"), Relation::MinisterOf);
        assert_eq!(title_relation("Minister of Foreign Affairs"), Relation::MinisterOf);
        assert_eq!(title_relation("Prime Minister"), Relation::HeadOf);
        assert_eq!(title_relation("President"), Relation::HeadOf);
        assert_eq!(title_relation("Deputy Secretary General"), Relation::WorksFor);
        assert_eq!(title_relation("Secretary General"), Relation::HeadOf);
        assert_eq!(title_relation("head of research"), Relation::WorksFor);
        assert_eq!(title_relation("head"), Relation::HeadOf);
        assert_eq!(title_relation("security expert"), Relation::WorksFor);
        assert_eq!(title_relation("Secretary of State"), Relation::MinisterOf);
        assert_eq!(title_relation("spokesman"), Relation::WorksFor);
    }

    #[test]
    fn head_nouns_type_phrases() {
        assert_eq!(head_type(&["Ministry", "of", "Health"]), Some(EntityType::Organization));
        assert_eq!(head_type(&["Paris", "Agreement"]), Some(EntityType::Agreement));
        assert_eq!(head_type(&["Davos", "Summit"]), Some(EntityType::Event));
        assert_eq!(head_type(&["Gulf", "of", "Mexico"]), Some(EntityType::Place));
        assert_eq!(head_type(&["Jane", "Doe"]), None);
    }
}
