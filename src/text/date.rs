//! TEMPORARY stand-in (replaced by the date parser).
use crate::span::Span;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;
/// Partial date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
pub struct PartialDate {
    /** y */
    pub year: Option<i32>,
    /** m */
    pub month: Option<u8>,
    /** d */
    pub day: Option<u8>,
}
/// Xsd date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum XsdDate {
    /** d */
    Date(i32, u8, u8),
    /** ym */
    YearMonth(i32, u8),
    /** y */
    Year(i32),
}
impl XsdDate {
    /// Lexical.
    pub fn lexical(&self) -> String {
        match *self {
            Self::Date(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
            Self::YearMonth(y, m) => format!("{y:04}-{m:02}"),
            Self::Year(y) => format!("{y:04}"),
        }
    }
    /// Datatype.
    pub fn datatype(&self) -> &'static str {
        match self {
            Self::Date(..) => "http://www.w3.org/2001/XMLSchema#date",
            Self::YearMonth(..) => "http://www.w3.org/2001/XMLSchema#gYearMonth",
            Self::Year(..) => "http://www.w3.org/2001/XMLSchema#gYear",
        }
    }
}
impl PartialDate {
    /// Resolve.
    pub fn resolve(self, anchor: Option<PartialDate>) -> Option<XsdDate> {
        let year = self.year.or(anchor.and_then(|a| a.year))?;
        Some(match (self.month, self.day) {
            (Some(m), Some(d)) => XsdDate::Date(year, m, d),
            (Some(m), None) => XsdDate::YearMonth(year, m),
            _ => XsdDate::Year(year),
        })
    }
}
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2})(?:st|nd|rd|th)?(?:, (\d{4}))?|\b(\d{4})-(\d{2})-(\d{2})\b").unwrap()
});
/// Find dates.
pub fn find_dates(text: &str) -> Vec<(Span, PartialDate)> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    DATE.captures_iter(text)
        .map(|c| {
            let m = c.get(0).unwrap();
            let d = if let Some(mon) = c.get(1) {
                PartialDate {
                    year: c.get(3).map(|y| y.as_str().parse().unwrap()),
                    month: Some(MONTHS.iter().position(|x| *x == mon.as_str()).unwrap() as u8 + 1),
                    day: c[2].parse().ok(),
                }
            } else {
                PartialDate { year: c[4].parse().ok(), month: c[5].parse().ok(), day: c[6].parse().ok() }
            };
            (Span::new(m.start(), m.end()), d)
        })
        .collect()
}
