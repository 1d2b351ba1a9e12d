//! Word lists read from data files (`data/lexicon/`), shared by the text
//! layer and the extractors.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The rows of a two-column data file (`word<TAB>value`; `#` lines are
/// comments, blank lines and lines without a tab are skipped), as written.
pub fn tsv_rows(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    data.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| line.split_once('\t'))
}

/// A fixed list of words from a data file in `data/lexicon/` (one entry per
/// line, exactly as matched; `#` lines are comments naming the list's
/// source and licence), read on first use and looked up through a hash set.
#[derive(Debug)]
pub struct WordList {
    data: &'static str,
    words: OnceLock<(Vec<&'static str>, HashSet<&'static str>)>,
    by_first_word: OnceLock<HashMap<&'static str, Vec<&'static str>>>,
}

impl WordList {
    /// A list read from the text of its data file.
    #[must_use]
    pub const fn new(data: &'static str) -> Self {
        Self { data, words: OnceLock::new(), by_first_word: OnceLock::new() }
    }

    fn loaded(&self) -> &(Vec<&'static str>, HashSet<&'static str>) {
        self.words.get_or_init(|| {
            let words: Vec<&'static str> =
                self.data.lines().filter(|line| !line.is_empty() && !line.starts_with('#')).collect();
            let set = words.iter().copied().collect();
            (words, set)
        })
    }

    /// True when `word` is in the list (exact, case-sensitive).
    #[must_use]
    pub fn contains(&self, word: &&str) -> bool {
        self.loaded().1.contains(*word)
    }

    /// The entries whose first word is `first` ("warned" of "warned
    /// against"), in the order written.
    #[must_use]
    pub fn starting_with(&self, first: &str) -> &[&'static str] {
        let index = self.by_first_word.get_or_init(|| {
            let mut index: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
            for entry in self.words() {
                index.entry(entry.split(' ').next().unwrap_or(entry)).or_default().push(entry);
            }
            index
        });
        index.get(first).map_or(&[], Vec::as_slice)
    }

    /// The words, in the order written.
    #[must_use]
    pub fn words(&self) -> &[&'static str] {
        &self.loaded().0
    }
}
