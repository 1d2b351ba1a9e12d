//! TEMPORARY stand-in (replaced by the generated gazetteer).
#![allow(missing_docs)]
use crate::span::Span;
use std::sync::LazyLock;
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GazKind { Country, City, Region, Continent, Organization, Demonym }
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntryId(pub u32);
#[derive(Debug, Clone)]
pub struct GazEntry { pub kind: GazKind, pub name: String, pub aliases: Vec<String>, pub iso2: Option<String>, pub iso3: Option<String>, pub geonames_id: Option<u32>, pub wikidata: Option<String>, pub country: Option<String>, pub capital_of: Option<String>, pub population: Option<u64>, pub major: bool }
#[derive(Debug, Clone)]
pub struct GazMatch { pub span: Span, pub ids: Vec<EntryId> }
pub struct Gazetteer { entries: Vec<GazEntry> }
const RAW: &str = "Country|Albania|AL||Republic of Albania
Country|Croatia|HR||Republic of Croatia
Country|Kosovo|XK||Republic of Kosovo
Country|Serbia|RS||Republic of Serbia
Country|Bulgaria|BG||
Country|Montenegro|ME||
Country|Russia|RU||Russian Federation
Country|United States|US||U.S.;US;USA;America;United States of America
Country|Bosnia and Herzegovina|BA||Bosnia-Herzegovina;Bosnia;BiH
Country|Yugoslavia|YU||
Country|France|FR||
City|Tirana|AL|AL|
City|Zagreb|HR|HR|
City|Pristina|XK|XK|Prishtina;Priština
City|Belgrade|RS|RS|
City|Munich|DE||
City|Podgorica|ME|ME|
City|Brussels|BE|BE|
City|Paris|FR|FR|
City|San Francisco|US||
City|Hong Kong|HK||
Continent|Europe|||
Region|Western Balkans|||
Region|Balkans|||
Region|Southeast Europe|||South-East Europe
Region|Conn.|US||
Organization|NATO|||North Atlantic Treaty Organization;Atlantic Alliance
Organization|European Union|||EU
Organization|KFOR|||Kosovo Force
Demonym|Albanian|AL||Albanians
Demonym|Croatian|HR||Croats
Demonym|Serbian|RS||Serbs
Demonym|Bosnian|BA||
Demonym|Bulgarian|BG||
Demonym|American|US||Americans
Demonym|Kosovar|XK||";
static GLOBAL: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer { entries: RAW.lines().map(|l| { let f: Vec<&str> = l.split('|').collect(); GazEntry { kind: match f[0] { "Country" => GazKind::Country, "City" => GazKind::City, "Region" => GazKind::Region, "Continent" => GazKind::Continent, "Organization" => GazKind::Organization, _ => GazKind::Demonym }, name: f[1].into(), aliases: f[4].split(';').filter(|s| !s.is_empty()).map(String::from).collect(), iso2: (f[0] == "Country" && !f[2].is_empty()).then(|| f[2].into()), iso3: None, geonames_id: None, wikidata: None, country: (!f[2].is_empty()).then(|| f[2].into()), capital_of: (!f[3].is_empty()).then(|| f[3].into()), population: None, major: true } }).collect() });
impl Gazetteer {
    pub fn global() -> &'static Gazetteer { &GLOBAL }
    pub fn lookup(&self, name: &str) -> Vec<EntryId> { let n = name.trim_start_matches("the ").to_lowercase(); self.entries.iter().enumerate().filter(|(_, e)| e.name.to_lowercase() == n || e.aliases.iter().any(|a| a.to_lowercase() == n)).map(|(i, _)| EntryId(i as u32)).collect() }
    pub fn entry(&self, id: EntryId) -> &GazEntry { &self.entries[id.0 as usize] }
    pub fn country_by_iso2(&self, iso2: &str) -> Option<EntryId> { self.entries.iter().position(|e| e.kind == GazKind::Country && e.iso2.as_deref() == Some(iso2)).map(|i| EntryId(i as u32)) }
    pub fn find_all(&self, text: &str) -> Vec<GazMatch> {
        let mut out: Vec<GazMatch> = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            for name in std::iter::once(&e.name).chain(&e.aliases) {
                for (pos, _) in text.match_indices(name.as_str()) {
                    let end = pos + name.len();
                    let before = text[..pos].chars().next_back().is_some_and(char::is_alphanumeric);
                    let after = text[end..].chars().next().is_some_and(char::is_alphanumeric);
                    if !before && !after { out.push(GazMatch { span: Span::new(pos, end), ids: vec![EntryId(i as u32)] }); }
                }
            }
        }
        out.sort_by_key(|m| (m.span.start(), std::cmp::Reverse(m.span.end())));
        let mut kept: Vec<GazMatch> = Vec::new();
        for m in out { if kept.last().is_some_and(|k| k.span.end() > m.span.start()) { continue; } kept.push(m); }
        kept
    }
}
