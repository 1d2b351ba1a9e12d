//! Dates in news text: finding them, and resolving partial ones against the
//! document's date.
//!
//! [`find_dates`] recognises calendar dates as news writes them (`March 18`,
//! `18 March 2025`, `Sunday, June 8, 2025`, `Mar. 18`, `2025-03-18`,
//! `18.03.2025`, `March 2025`, `in 2009`) and returns each with its byte span.
//! A date written without a year (`March 18`) is a [`PartialDate`];
//! [`PartialDate::resolve`] fills the year from an anchor, the document's
//! publication date, and yields an [`XsdDate`] ready to become an RDF literal.

use crate::text::wordlist::WordList;
use std::sync::LazyLock;

use regex::{Captures, Regex};
use serde::{Deserialize, Serialize};

use crate::span::Span;

/// A date as written, where any part may be missing: `March 18` has no year,
/// `March 2025` no day, `in 2009` only a year.
///
/// Values built by this module are valid: a day always comes with its month,
/// months are 1 to 12, and the day exists in that month (February 29 only in
/// leap years, or when the year is unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub struct PartialDate {
    /// The year, when written or known.
    pub year: Option<i32>,
    /// The month, 1 to 12.
    pub month: Option<u8>,
    /// The day of the month, 1 to 31.
    pub day: Option<u8>,
}

/// A resolved date with the precision it was written with, mapping onto the
/// XML Schema types `xsd:date`, `xsd:gYearMonth` and `xsd:gYear`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum XsdDate {
    /// Year, month and day: `xsd:date`.
    Date(i32, u8, u8),
    /// Year and month: `xsd:gYearMonth`.
    YearMonth(i32, u8),
    /// A year alone: `xsd:gYear`.
    Year(i32),
}

impl XsdDate {
    /// The lexical form of the literal.
    ///
    /// ```
    /// use kgforge::text::date::XsdDate;
    /// assert_eq!(XsdDate::Date(2025, 3, 18).lexical(), "2025-03-18");
    /// assert_eq!(XsdDate::YearMonth(2025, 3).lexical(), "2025-03");
    /// assert_eq!(XsdDate::Year(2009).lexical(), "2009");
    /// ```
    #[must_use]
    pub fn lexical(&self) -> String {
        match *self {
            Self::Date(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
            Self::YearMonth(y, m) => format!("{y:04}-{m:02}"),
            Self::Year(y) => format!("{y:04}"),
        }
    }

    /// The full IRI of the literal's datatype.
    ///
    /// ```
    /// use kgforge::text::date::XsdDate;
    /// assert_eq!(XsdDate::Year(2009).datatype(), "http://www.w3.org/2001/XMLSchema#gYear");
    /// ```
    #[must_use]
    pub fn datatype(&self) -> &'static str {
        match self {
            Self::Date(..) => "http://www.w3.org/2001/XMLSchema#date",
            Self::YearMonth(..) => "http://www.w3.org/2001/XMLSchema#gYearMonth",
            Self::Year(..) => "http://www.w3.org/2001/XMLSchema#gYear",
        }
    }
}

impl std::fmt::Display for XsdDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.lexical())
    }
}

impl PartialDate {
    /// A full date, or `None` when the day does not exist (`2025-02-30`).
    ///
    /// ```
    /// use kgforge::text::date::PartialDate;
    /// assert!(PartialDate::ymd(2024, 2, 29).is_some());
    /// assert!(PartialDate::ymd(2025, 2, 29).is_none());
    /// ```
    #[must_use]
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        Self { year: Some(year), month: Some(month), day: Some(day) }.checked()
    }

    /// The date itself when it is valid (see the type's docs), else `None`.
    #[must_use]
    pub fn checked(self) -> Option<Self> {
        self.is_valid().then_some(self)
    }

    /// True when a day comes with a month, the month is 1 to 12 and the day
    /// exists in that month (of that year, when the year is known).
    #[must_use]
    pub fn is_valid(self) -> bool {
        match (self.month, self.day) {
            (None, None) => self.year.is_some(),
            (None, Some(_)) => false,
            (Some(m), None) => (1..=12).contains(&m),
            (Some(m), Some(d)) => (1..=12).contains(&m) && d >= 1 && d <= days_in_month(self.year, m),
        }
    }

    /// Parses the ISO forms metadata gives: `YYYY-MM-DD`, `YYYY-MM` or
    /// `YYYY`; a date-time (`2025-03-20T10:00:00Z`) keeps its date.
    ///
    /// ```
    /// use kgforge::text::date::PartialDate;
    /// assert_eq!(PartialDate::parse_iso("2025-03"), Some(PartialDate { year: Some(2025), month: Some(3), day: None }));
    /// assert_eq!(PartialDate::parse_iso("2025-03-20T10:00:00Z"), PartialDate::ymd(2025, 3, 20));
    /// assert_eq!(PartialDate::parse_iso("March 2025"), None);
    /// ```
    #[must_use]
    pub fn parse_iso(s: &str) -> Option<Self> {
        let s = s.trim();
        let date = match s.find(['T', ' ']) {
            Some(10) => &s[..10],
            Some(_) => return None,
            None => s,
        };
        let mut parts = date.split('-');
        let year = parse_digits(parts.next()?, 4)?;
        let month = parts.next().map(|m| parse_digits(m, 2)).map_or(Some(None), |m| m.map(Some))?;
        let day = parts.next().map(|d| parse_digits(d, 2)).map_or(Some(None), |d| d.map(Some))?;
        if parts.next().is_some() {
            return None;
        }
        Self {
            year: Some(i32::try_from(year).ok()?),
            month: month.map(u8::try_from).transpose().ok()?,
            day: day.map(u8::try_from).transpose().ok()?,
        }
        .checked()
    }

    /// Resolves the date, filling a missing year from `anchor` (the
    /// document's date): of the years around the anchor's, the one that puts
    /// the date nearest to the anchor, a date after the anchor counting
    /// double (news reports mostly look back); a month without a day is the
    /// latest such month up to the anchor's, and needs an anchor with a
    /// month.
    ///
    /// `None` when the date is invalid, has neither year nor month, or has no
    /// year and the anchor none either.
    ///
    /// ```
    /// use kgforge::text::date::{PartialDate, XsdDate};
    /// let march_18 = PartialDate { year: None, month: Some(3), day: Some(18) };
    /// assert_eq!(march_18.resolve(PartialDate::ymd(2025, 3, 20)), Some(XsdDate::Date(2025, 3, 18)));
    /// let december_30 = PartialDate { year: None, month: Some(12), day: Some(30) };
    /// assert_eq!(december_30.resolve(PartialDate::ymd(2025, 1, 5)), Some(XsdDate::Date(2024, 12, 30)));
    /// ```
    #[must_use]
    pub fn resolve(self, anchor: Option<PartialDate>) -> Option<XsdDate> {
        if !self.is_valid() {
            return None;
        }
        let year = match self.year {
            Some(year) => year,
            None => {
                let month = self.month?;
                let anchor = anchor?;
                let anchor_year = anchor.year?;
                match anchor.month.filter(|m| (1..=12).contains(m)) {
                    // A month alone against a year alone (an undated text's
                    // latest year) could be either side of it.
                    None if self.day.is_none() => return None,
                    None => anchor_year,
                    // A month alone is the latest such month up to the
                    // anchor's: "signed in July" of a May report is last July.
                    Some(anchor_month) if self.day.is_none() => anchor_year - i32::from(month > anchor_month),
                    Some(anchor_month) => {
                        let anchor_day = days_from_civil(anchor_year, anchor_month, anchor.day.unwrap_or(15).min(28));
                        let day = self.day.unwrap_or(15);
                        (anchor_year - 1..=anchor_year + 1)
                            .filter(|&y| day <= days_in_month(Some(y), month))
                            .min_by_key(|&y| {
                                let delta = days_from_civil(y, month, day) - anchor_day;
                                if delta > 0 {
                                    2 * delta
                                } else {
                                    -delta
                                }
                            })?
                    }
                }
            }
        };
        Some(match (self.month, self.day) {
            (Some(m), Some(d)) if d <= days_in_month(Some(year), m) => XsdDate::Date(year, m, d),
            (Some(_), Some(_)) => return None,
            (Some(m), None) => XsdDate::YearMonth(year, m),
            _ => XsdDate::Year(year),
        })
    }
}

fn parse_digits(s: &str, len: usize) -> Option<u32> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month`; February has 29 when the year is unknown.
fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year.is_none_or(is_leap) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of days since 1970-01-01 (the inverse of `days_from_civil`).
fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// Weekday names, Monday first.
const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// The day a weekday named in an article means, against the article's
/// date `anchor` (year, month and day): the latest such day on or before
/// it, as news reports mostly look back ("signed on Sunday" in a
/// Wednesday's article), or with `ahead` the first one after it ("will sign
/// on Friday"). `None` for a word that is no weekday or an anchor that is
/// not a full date.
///
/// ```
/// use kgforge::text::date::{weekday_date, PartialDate};
/// let wednesday = PartialDate::ymd(2019, 7, 10).unwrap();
/// assert_eq!(weekday_date("Sunday", wednesday, false), PartialDate::ymd(2019, 7, 7));
/// assert_eq!(weekday_date("Wednesday", wednesday, false), Some(wednesday));
/// assert_eq!(weekday_date("Friday", wednesday, true), PartialDate::ymd(2019, 7, 12));
/// ```
#[must_use]
pub fn weekday_date(name: &str, anchor: PartialDate, ahead: bool) -> Option<PartialDate> {
    let wanted = WEEKDAYS.iter().position(|w| *w == name)? as i64;
    let (year, month, day) = (anchor.year?, anchor.month?, anchor.day?);
    if !anchor.is_valid() {
        return None;
    }
    let base = days_from_civil(year, month, day);
    // 1970-01-01 was a Thursday (index 3).
    let today = (base + 3).rem_euclid(7);
    let delta = if ahead { (wanted - today - 1).rem_euclid(7) + 1 } else { -(today - wanted).rem_euclid(7) };
    let (y, m, d) = civil_from_days(base + delta);
    PartialDate::ymd(y, m, d)
}

/// Month names and their abbreviations, with their numbers.
const MONTHS: [(&str, u8); 24] = [
    ("January", 1),
    ("February", 2),
    ("March", 3),
    ("April", 4),
    ("May", 5),
    ("June", 6),
    ("July", 7),
    ("August", 8),
    ("September", 9),
    ("October", 10),
    ("November", 11),
    ("December", 12),
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sept", 9),
    ("Sep", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
];

/// True for a month's name or abbreviation ("May", "Sept.").
#[must_use]
pub fn is_month(word: &str) -> bool {
    month_number(word).is_some()
}

/// The month number of a month name or abbreviation (`Dec` included).
#[must_use]
pub fn month_number(name: &str) -> Option<u8> {
    let name = name.trim_end_matches('.');
    MONTHS.iter().find(|(n, _)| *n == name).map(|&(_, m)| m)
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";
    let weekday = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?[^\S\n]+)?";
    let b = r"(?-u:\b)";
    let sp = r"[^\S\n]+";
    let pattern = format!(
        concat!(
            // March 18, March 18th, March 18, 2025, Mar. 18, Sunday, June 8, 2025
            "{b}{wd}(?P<a_mon>{mon})\\.?{sp}(?P<a_day>[0-9]{{1,2}})(?:st|nd|rd|th)?{b}(?:,?{sp}(?P<a_year>[0-9]{{4}}){b})?",
            // 18 March 2025, 18th of March
            "|{b}{wd}(?P<b_day>[0-9]{{1,2}})(?:st|nd|rd|th)?{sp}(?:of{sp})?(?P<b_mon>{mon}){b}\\.?(?:,?{sp}(?P<b_year>[0-9]{{4}}){b})?",
            // March 2025
            "|{b}(?P<c_mon>{mon}){b}\\.?,?{sp}(?P<c_year>[0-9]{{4}}){b}",
            // 2025-03-18
            "|{b}(?P<d_year>[0-9]{{4}})-(?P<d_mon>[0-9]{{2}})-(?P<d_day>[0-9]{{2}}){b}",
            // 18.03.2025
            "|{b}(?P<e_day>[0-9]{{1,2}})\\.(?P<e_mon>[0-9]{{1,2}})\\.(?P<e_year>[0-9]{{4}}){b}",
            // in 2009, since early 2020, by mid-2030
            "|{b}(?i:in|since|of|from|by|until|till|before|after|during|through){sp}(?:(?i:early|late|mid)(?:-|{sp}))?(?P<f_year>[0-9]{{4}}){b}",
            // in July, since early March, last August: a month alone, after a
            // word that makes it one ("May" alone is mostly the verb)
            "|{b}(?i:in|since|from|until|till|before|after|during|through|last){sp}(?:(?i:early|late|mid)(?:-|{sp}))?(?P<g_mon>{mon}){b}",
        ),
        b = b,
        wd = weekday,
        mon = month,
        sp = sp,
    );
    Regex::new(&pattern).expect("the date pattern is valid")
});

/// Words after a bare number that make it a quantity, not a year.
static QUANTITY_WORDS: WordList = WordList::new(include_str!("../../data/lexicon/quantity_words.txt"));

/// Every date in `text`, with its byte span, in text order; spans do not
/// overlap.
///
/// ```
/// use kgforge::text::date::{find_dates, PartialDate};
/// let text = "The pact, signed on March 18 in the capital, was published on 2025-03-22.";
/// let dates = find_dates(text);
/// assert_eq!(&text[dates[0].0.range()], "March 18");
/// assert_eq!(dates[0].1, PartialDate { year: None, month: Some(3), day: Some(18) });
/// assert_eq!(dates[1].1, PartialDate::ymd(2025, 3, 22).unwrap());
/// ```
#[must_use]
pub fn find_dates(text: &str) -> Vec<(Span, PartialDate)> {
    let mut out = Vec::new();
    for caps in DATE.captures_iter(text) {
        if let Some(found) = date_of(text, &caps) {
            out.push(found);
        }
    }
    out
}

fn num<T: std::str::FromStr>(caps: &Captures<'_>, name: &str) -> Option<T> {
    caps.name(name).and_then(|m| m.as_str().parse().ok())
}

/// Reads one match; `None` when it is not a real date (bad day, a number
/// in a list of numbers, a quantity).
fn date_of(text: &str, caps: &Captures<'_>) -> Option<(Span, PartialDate)> {
    let whole = caps.get(0)?;
    let (mut start, mut end) = (whole.start(), whole.end());
    let year_ok = |y: i32| (1000..=2999).contains(&y);
    let date = if let Some(mon) = caps.name("a_mon") {
        let mut year = num::<i32>(caps, "a_year");
        if year.is_some_and(|y| !year_ok(y)) {
            year = None;
            end = caps.name("a_day")?.end();
        }
        if followed_by_number(text, caps.name("a_day")?.end()) {
            return None;
        }
        PartialDate { year, month: month_number(mon.as_str()), day: num(caps, "a_day") }
    } else if let Some(mon) = caps.name("b_mon") {
        if preceded_by_number(text, start) {
            return None;
        }
        let mut year = num::<i32>(caps, "b_year");
        if year.is_some_and(|y| !year_ok(y)) {
            year = None;
            end = mon.end();
        }
        PartialDate { year, month: month_number(mon.as_str()), day: num(caps, "b_day") }
    } else if let Some(mon) = caps.name("c_mon") {
        let year = num::<i32>(caps, "c_year").filter(|&y| year_ok(y))?;
        if followed_by_number(text, end) {
            return None;
        }
        PartialDate { year: Some(year), month: month_number(mon.as_str()), day: None }
    } else if caps.name("d_year").is_some() {
        if preceded_by_number(text, start) || followed_by_number(text, end) {
            return None;
        }
        PartialDate { year: num(caps, "d_year"), month: num(caps, "d_mon"), day: num(caps, "d_day") }
    } else if caps.name("e_year").is_some() {
        if preceded_by_number(text, start) || followed_by_number(text, end) {
            return None;
        }
        PartialDate { year: num(caps, "e_year"), month: num(caps, "e_mon"), day: num(caps, "e_day") }
    } else if let Some(mon) = caps.name("g_mon") {
        // "in July 4", "in July 2025": the patterns that start at the month.
        if text[mon.end()..].trim_start_matches([' ', ',', '.']).starts_with(|c: char| c.is_ascii_digit()) {
            let at_month =
                DATE.captures_at(text, mon.start()).filter(|c| c.get(0).is_some_and(|m| m.start() == mon.start()))?;
            return date_of(text, &at_month);
        }
        start = mon.start();
        PartialDate { year: None, month: month_number(mon.as_str()), day: None }
    } else {
        let year_match = caps.name("f_year")?;
        let year: i32 = year_match.as_str().parse().ok()?;
        if !(1800..=2100).contains(&year)
            || followed_by_number(text, year_match.end())
            || is_quantity(&text[year_match.end()..])
        {
            return None;
        }
        start = year_match.start();
        PartialDate { year: Some(year), month: None, day: None }
    };
    let date = date.checked()?;
    Some((Span::new(start, end), date))
}

/// True when a number continues at `pos`: `,000`, `.5`, `-20`, `%`.
fn followed_by_number(text: &str, pos: usize) -> bool {
    let rest = text.as_bytes().get(pos..).unwrap_or_default();
    match rest {
        [b'%', ..] => true,
        [b',' | b'.' | b'/' | b':', d, ..] if d.is_ascii_digit() => true,
        [b'-', d, ..] if d.is_ascii_digit() => true,
        _ => false,
    }
}

/// True when a number ends just before `pos`, joined by `,` `.` `-` or `/`
/// (`1-2 March` is a range, `50,000` a quantity).
fn preceded_by_number(text: &str, pos: usize) -> bool {
    let before = &text.as_bytes()[..pos];
    matches!(before, [.., d, b',' | b'.' | b'-' | b'/' | b':'] if d.is_ascii_digit())
}

/// True when the text after a bare number starts with a quantity word.
fn is_quantity(rest: &str) -> bool {
    let rest = rest.trim_start();
    if rest.starts_with('%') {
        return true;
    }
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
    QUANTITY_WORDS.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, PartialDate)> {
        find_dates(text).into_iter().map(|(s, d)| (&text[s.range()], d)).collect()
    }

    fn pd(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> PartialDate {
        PartialDate { year, month, day }
    }

    #[test]
    fn month_day_forms() {
        assert_eq!(found("on March 18 in Lima"), vec![("March 18", pd(None, Some(3), Some(18)))]);
        assert_eq!(found("on March 18th the"), vec![("March 18th", pd(None, Some(3), Some(18)))]);
        assert_eq!(
            found("CAPITAL CITY, Ruritania, March 19th— Ministers"),
            vec![("March 19th", pd(None, Some(3), Some(19)))]
        );
        assert_eq!(found("on March 18, 2025, the"), vec![("March 18, 2025", pd(Some(2025), Some(3), Some(18)))]);
        assert_eq!(
            found("on Mar. 18 and Sept. 5"),
            vec![("Mar. 18", pd(None, Some(3), Some(18))), ("Sept. 5", pd(None, Some(9), Some(5)))]
        );
        assert_eq!(found("LONDON, Feb 26 - Shares"), vec![("Feb 26", pd(None, Some(2), Some(26)))]);
        assert_eq!(found("on Dec. 1"), vec![("Dec. 1", pd(None, Some(12), Some(1)))]);
    }

    #[test]
    fn day_month_and_numeric_forms() {
        assert_eq!(found("on 18 March 2025."), vec![("18 March 2025", pd(Some(2025), Some(3), Some(18)))]);
        assert_eq!(found("on 5 May the"), vec![("5 May", pd(None, Some(5), Some(5)))]);
        assert_eq!(found("date 2025-03-20 By"), vec![("2025-03-20", pd(Some(2025), Some(3), Some(20)))]);
        assert_eq!(found("on 18.03.2025 at"), vec![("18.03.2025", pd(Some(2025), Some(3), Some(18)))]);
        assert_eq!(found("in March 2025 the"), vec![("March 2025", pd(Some(2025), Some(3), None))]);
    }

    #[test]
    fn weekday_prefix_is_part_of_the_date() {
        assert_eq!(found("Sunday, June 8, 2025"), vec![("Sunday, June 8, 2025", pd(Some(2025), Some(6), Some(8)))]);
        assert_eq!(found("Friday 7 March 2025"), vec![("Friday 7 March 2025", pd(Some(2025), Some(3), Some(7)))]);
    }

    #[test]
    fn bare_years_need_a_preposition() {
        assert_eq!(found("members since 2009 and"), vec![("2009", pd(Some(2009), None, None))]);
        assert_eq!(found("independence in 2008, but"), vec![("2008", pd(Some(2008), None, None))]);
        assert_eq!(found("by mid-2030 the"), vec![("2030", pd(Some(2030), None, None))]);
        assert!(found("the 1996 accords").is_empty());
        assert!(found("in 1500 the").is_empty(), "out of range");
        assert!(found("of 2000 people").is_empty(), "a quantity");
        assert!(found("by 2010% ").is_empty());
    }

    #[test]
    fn a_month_alone_needs_a_preposition() {
        assert_eq!(found("signed in July between"), vec![("July", pd(None, Some(7), None))]);
        assert_eq!(found("since early March the"), vec![("March", pd(None, Some(3), None))]);
        assert_eq!(found("talks last August."), vec![("August", pd(None, Some(8), None))]);
        assert_eq!(found("signed in July 4, 2023"), vec![("July 4, 2023", pd(Some(2023), Some(7), Some(4)))]);
        assert_eq!(found("signed in July 2022."), vec![("July 2022", pd(Some(2022), Some(7), None))]);
        assert!(found("they may sign in May").iter().all(|(s, _)| *s == "May"));
        assert!(found("July was hot").is_empty());
        assert!(found("said May, the minister").is_empty());
    }

    #[test]
    fn not_dates() {
        assert!(found("a 1-2 defeat").is_empty());
        assert!(found("the 1-2 March talks").is_empty());
        assert!(found("call +355 4 2234 5678 or 555-1234").is_empty());
        assert!(found("rose 20 percent to 50,000").is_empty());
        assert!(found("about 50,000 Serbs").is_empty());
        assert!(
            found("in 2025-2026-03 at").is_empty() || found("in 2025-2026-03 at").iter().all(|(_, d)| d.is_valid())
        );
        assert!(found("on February 30").is_empty(), "no such day");
        assert!(found("on 31.04.2025").is_empty());
        assert!(found("on 2025-13-01").is_empty());
        assert!(found("May we go").is_empty());
        assert!(found("Marching 18 bands").is_empty());
        assert!(found("version 1.2.2025").is_empty() || !found("version 1.2.2025").is_empty());
    }

    #[test]
    fn leap_days() {
        assert!(found("on February 29, 2024").len() == 1);
        assert!(found("on February 29, 2025").is_empty());
        assert_eq!(found("on February 29"), vec![("February 29", pd(None, Some(2), Some(29)))]);
    }

    #[test]
    fn resolve_fills_the_year_from_the_anchor() {
        let anchor = PartialDate::ymd(2025, 3, 20);
        assert_eq!(pd(None, Some(3), Some(18)).resolve(anchor), Some(XsdDate::Date(2025, 3, 18)));
        assert_eq!(pd(None, Some(4), Some(2)).resolve(anchor), Some(XsdDate::Date(2025, 4, 2)));
        assert_eq!(pd(None, Some(12), Some(30)).resolve(anchor), Some(XsdDate::Date(2024, 12, 30)));
        assert_eq!(
            pd(None, Some(12), Some(30)).resolve(PartialDate::ymd(2025, 1, 5)),
            Some(XsdDate::Date(2024, 12, 30))
        );
        assert_eq!(pd(None, Some(1), Some(3)).resolve(PartialDate::ymd(2024, 12, 30)), Some(XsdDate::Date(2025, 1, 3)));
        assert_eq!(pd(None, Some(3), None).resolve(anchor), Some(XsdDate::YearMonth(2025, 3)));
        // A month alone looks back: July of a March report is last July.
        assert_eq!(pd(None, Some(7), None).resolve(anchor), Some(XsdDate::YearMonth(2024, 7)));
        assert_eq!(pd(None, Some(2), None).resolve(anchor), Some(XsdDate::YearMonth(2025, 2)));
        assert_eq!(pd(None, Some(2), None).resolve(Some(pd(Some(2025), None, None))), None);
        assert_eq!(
            pd(None, Some(3), Some(18)).resolve(Some(pd(Some(2025), None, None))),
            Some(XsdDate::Date(2025, 3, 18))
        );
        assert_eq!(pd(None, Some(3), Some(18)).resolve(None), None);
        assert_eq!(pd(None, Some(2), Some(29)).resolve(PartialDate::ymd(2025, 3, 1)), Some(XsdDate::Date(2024, 2, 29)));
    }

    #[test]
    fn resolve_keeps_written_years_and_precision() {
        let anchor = PartialDate::ymd(2025, 3, 20);
        assert_eq!(pd(Some(2009), None, None).resolve(anchor), Some(XsdDate::Year(2009)));
        assert_eq!(pd(Some(2009), Some(4), None).resolve(None), Some(XsdDate::YearMonth(2009, 4)));
        assert_eq!(pd(None, None, None).resolve(anchor), None);
        assert_eq!(pd(None, None, Some(3)).resolve(anchor), None);
    }

    #[test]
    fn xsd_forms() {
        assert_eq!(XsdDate::Date(2025, 3, 18).datatype(), "http://www.w3.org/2001/XMLSchema#date");
        assert_eq!(XsdDate::YearMonth(2025, 3).datatype(), "http://www.w3.org/2001/XMLSchema#gYearMonth");
        assert_eq!(XsdDate::YearMonth(2025, 3).to_string(), "2025-03");
    }

    #[test]
    fn parse_iso_forms() {
        assert_eq!(PartialDate::parse_iso("2025"), Some(pd(Some(2025), None, None)));
        assert_eq!(PartialDate::parse_iso("2025-3-1"), None);
        assert_eq!(PartialDate::parse_iso("2025-02-30"), None);
        assert_eq!(PartialDate::parse_iso(""), None);
    }

    #[test]
    fn spans_are_char_boundaries_in_any_text() {
        let text = "Dvořák — 18 mars, «18 March» 2025年3月 Приштина, 5 May 2025 ✓";
        for (span, _) in find_dates(text) {
            assert!(text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()));
        }
    }
}
