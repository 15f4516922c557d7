//! The vocabulary: function and content words, names, years, compounds and accented
//! words, the same for every seed.

use super::SplitMix64;

#[rustfmt::skip]
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "that", "is", "was", "for", "as", "with", "by", "on",
    "not", "his", "their", "this", "which", "from", "it", "be", "were", "had", "have", "an",
    "or", "but", "at", "its", "into", "after", "before", "than", "only", "also", "between",
    "whose", "under", "against", "could", "would", "must", "no", "all", "more", "such", "both",
    "every", "these",
];

/// Common content words, most frequent first; rarer, made-up words follow them.
#[rustfmt::skip]
pub(super) const CONTENT_WORDS: &[&str] = &[
    "revolution", "party", "theory", "state", "power", "workers", "peasants", "class",
    "history", "socialism", "capitalism", "bourgeoisie", "proletariat", "country", "government",
    "struggle", "question", "idea", "position", "argument", "evidence", "conclusion",
    "development", "movement", "war", "peace", "economy", "industry", "land", "army", "soviet",
    "congress", "leadership", "opposition", "faction", "programme", "tactics", "strategy",
    "dictatorship", "democracy", "republic", "revolutionary", "permanent", "international",
    "national", "economic", "political", "social", "historical", "dialectical", "material",
    "conditions", "contradiction", "analysis", "interpretation", "source", "letter", "speech",
    "article", "pamphlet", "debate", "critique", "support", "rejection", "adoption",
    "influence", "agreement", "disagreement", "victory", "defeat", "crisis", "reform",
    "uprising", "insurrection", "regime", "order", "law", "freedom", "equality", "property",
    "production", "labour", "capital", "market", "trade", "city", "village", "factory",
    "committee", "council", "delegate", "election", "decision", "resolution", "policy", "plan",
    "growth", "backwardness", "transition", "stage", "phase", "period", "decade", "century",
    "generation", "leader", "thinker", "writer", "historian", "critic", "follower", "rival",
    "ally", "enemy", "exile", "prison", "victory", "belief", "doctrine", "principle", "method",
    "practice", "experience", "lesson", "example", "claim", "view", "account", "version",
    "record", "memory", "testimony", "document", "archive", "quotation", "passage", "chapter",
    "volume", "edition", "translation", "meaning", "sense", "purpose", "aim", "goal", "result",
    "consequence", "cause", "reason", "ground", "basis", "foundation", "structure", "system",
    "framework", "model", "tradition", "school", "current", "wing", "tendency", "line",
    "course", "direction", "turn", "break", "shift", "change", "continuity", "identity",
    "difference", "similarity", "essence", "form", "content", "surface", "depth", "strength",
    "weakness", "success", "failure", "hope", "fear", "doubt", "certainty", "truth", "error",
    "mistake", "illusion", "myth", "legend", "fact", "figure", "number", "majority", "minority",
    "mass", "people", "nation", "empire", "world", "europe", "russia", "germany", "china",
    "west", "east", "north", "south", "front", "border", "bread", "peace", "land", "famine",
    "harvest", "grain", "price", "wage", "tax", "ruble", "debt", "loan", "credit",
];

#[rustfmt::skip]
pub(super) const SYLLABLES: &[&str] = &[
    "re", "vo", "lu", "tion", "so", "cial", "ism", "the", "o", "ry", "per", "ma", "nent", "de",
    "ter", "mi", "na", "pro", "le", "tar", "i", "at", "ca", "pi", "tal", "dia", "lec", "tic",
    "con", "tra", "dic", "ment", "his", "tor", "al", "ec", "nom", "ic", "par", "ty", "bour",
    "geois", "peas", "ant", "work", "er", "state", "pow", "in", "ter", "na", "tion", "cri",
    "sis", "the", "sis", "ar", "gu", "ev", "den", "ce", "sup", "port", "un", "der", "stand",
    "mo", "ve", "form", "ul", "ate", "im", "ple",
];

#[rustfmt::skip]
pub(super) const FIRST_PARTS: &[&str] = &[
    "Tro", "Len", "Sta", "Bu", "Deut", "Kar", "Zin", "Ple", "Mar", "Kam", "Rad", "Lux", "Par",
    "Ser", "Kol", "Ryaz", "Pok", "Bog", "Sok", "Mol",
];

#[rustfmt::skip]
pub(super) const LAST_PARTS: &[&str] = &[
    "tsky", "in", "lin", "kharin", "scher", "ov", "oviev", "khanov", "tov", "enev", "ek",
    "emburg", "vus", "ge", "lontai", "anov", "rovsky", "danov", "olnikov", "otov",
];

#[rustfmt::skip]
pub(super) const YEARS: &[&str] = &[
    "1848", "1871", "1879", "1889", "1898", "1903", "1905", "1906", "1912", "1914", "1917",
    "1918", "1921", "1924", "1927", "1929", "1936", "1938", "1940", "1956",
];

#[rustfmt::skip]
pub(super) const ACCENTED: &[&str] = &[
    "émigré", "naïve", "Zürich", "régime", "coup d’état", "détente", "élite", "façade",
];

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Function,
    Content,
    Name,
    Year,
    Compound,
    Accented,
}

pub(super) struct Vocab {
    pub(super) words: Vec<(String, Kind)>,
    pub(super) function: std::ops::Range<usize>,
    pub(super) content: std::ops::Range<usize>,
    /// The real words at the start of `content`.
    pub(super) common: usize,
    pub(super) names: std::ops::Range<usize>,
    pub(super) years: std::ops::Range<usize>,
    pub(super) compounds: std::ops::Range<usize>,
    pub(super) accented: std::ops::Range<usize>,
}

impl Vocab {
    /// The same vocabulary for every seed, so maps of different seeds talk about the
    /// same things (as two maps of essays on one subject do).
    pub(super) fn new() -> Vocab {
        let mut rng = SplitMix64::new(0x0A76_3A90);
        let mut words: Vec<(String, Kind)> = Vec::with_capacity(5000);
        let mut seen = std::collections::HashSet::new();
        let mut push = |w: String, k: Kind, words: &mut Vec<(String, Kind)>| {
            if seen.insert(w.clone()) {
                words.push((w, k));
            }
        };
        let start = words.len();
        for w in FUNCTION_WORDS {
            push(w.to_string(), Kind::Function, &mut words);
        }
        let function = start..words.len();
        let start = words.len();
        for w in CONTENT_WORDS {
            push(w.to_string(), Kind::Content, &mut words);
        }
        let common = words.len() - start;
        let mut tries = 0;
        while words.len() - start < 4000 && tries < 100_000 {
            tries += 1;
            let n = 2 + rng.below(3);
            let mut w = String::new();
            for _ in 0..n {
                w.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
            }
            push(w, Kind::Content, &mut words);
        }
        let content = start..words.len();
        let start = words.len();
        for a in FIRST_PARTS {
            for b in LAST_PARTS {
                push(format!("{a}{b}"), Kind::Name, &mut words);
            }
        }
        let names = start..words.len();
        let start = words.len();
        for y in YEARS {
            push(y.to_string(), Kind::Year, &mut words);
        }
        let years = start..words.len();
        let start = words.len();
        for i in 0..60 {
            let a = &words[content.start + (i * 7) % 40].0.clone();
            let b = &words[content.start + 100 + i * 13].0.clone();
            push(format!("{a}-{b}"), Kind::Compound, &mut words);
        }
        let compounds = start..words.len();
        let start = words.len();
        for w in ACCENTED {
            push(w.to_string(), Kind::Accented, &mut words);
        }
        let accented = start..words.len();
        Vocab {
            words,
            function,
            content,
            common,
            names,
            years,
            compounds,
            accented,
        }
    }

    /// A word index, Zipf-like: function words half the time, common content words
    /// more often than rare ones, now and then a name, a year, a compound.
    pub(super) fn pick(&self, rng: &mut SplitMix64) -> usize {
        let r = rng.below(1000);
        let from = |rng: &mut SplitMix64, range: &std::ops::Range<usize>| {
            range.start + rng.below(range.len())
        };
        match r {
            0..=449 => from(rng, &self.function),
            450..=479 => from(rng, &self.names),
            480..=489 => from(rng, &self.years),
            490..=499 => from(rng, &self.compounds),
            500..=504 => from(rng, &self.accented),
            _ => self.content_index(rng),
        }
    }

    /// A content word: a common one seven times in ten, else one of the long tail.
    pub(super) fn content_index(&self, rng: &mut SplitMix64) -> usize {
        let (start, n) = if rng.chance(0.7) {
            (self.content.start, self.common)
        } else {
            (
                self.content.start + self.common,
                self.content.len() - self.common,
            )
        };
        let r = rng.below(n) + 1;
        start + rng.below(r)
    }

    pub(super) fn name(&self, rng: &mut SplitMix64) -> &str {
        &self.words[self.names.start + rng.below(self.names.len())].0
    }

    pub(super) fn content_word(&self, rng: &mut SplitMix64) -> &str {
        &self.words[self.content_index(rng)].0
    }
}

/// Appends `w` with its first letter upper-cased.
pub(super) fn push_capitalised(out: &mut String, w: &str) {
    let mut cs = w.chars();
    if let Some(c) = cs.next() {
        out.extend(c.to_uppercase());
        out.push_str(cs.as_str());
    }
}
