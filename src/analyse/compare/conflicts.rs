//! Factual conflicts: the dates and numbers two aligned nodes mention, and the pairs
//! where each mentions one the other does not.

use super::Pair;
use serde::Serialize;

/// An aligned pair whose texts mention different numbers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conflict {
    /// `conflict:L|R`: the finding's id.
    pub id: String,
    /// Index into [`Comparison::pairs`](super::Comparison::pairs).
    pub pair: usize,
    /// The numbers of the left node.
    pub left: Numbers,
    /// The numbers of the right node.
    pub right: Numbers,
    /// The words that show the two nodes speak of the same event: the event words (see
    /// [`same_event`]) shared by a clause of each that holds an unmatched number of the
    /// same kind, as the left node writes them.
    pub about: Vec<String>,
}

/// The numbers one node of a conflict mentions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Numbers {
    /// The node's id.
    pub id: String,
    /// Every number in its text and quote, ascending.
    pub values: Vec<String>,
    /// Those the other node does not mention.
    pub unmatched: Vec<String>,
}

/// The numbers mentioned in `text`, normalised (`1,000` → `1000`; `1905–06` → `1905`,
/// `1906`), deduplicated and in ascending order.
pub fn numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found: Vec<String> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && (chars[i - 1].is_alphanumeric())) {
            // Digits glued to a word (`Q3`, `T1`) are names, not numbers.
            if chars[i].is_ascii_digit() {
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
            } else {
                i += 1;
            }
            continue;
        }
        let mut s = String::new();
        while i < chars.len() {
            let c = chars[i];
            if c.is_ascii_digit() {
                s.push(c);
                i += 1;
            } else if c == ',' && thousands(&chars[i + 1..]) {
                // Thousands separator: `1,000`.
                i += 1;
            } else if c == '.'
                && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())
                && !s.contains('.')
            {
                s.push('.');
                i += 1;
            } else {
                break;
            }
        }
        // `1905–06`: a year range abbreviated to its last digits.
        let dash = chars.get(i).is_some_and(|&c| matches!(c, '-' | '–' | '—'));
        let mut short_end = None;
        if s.len() == 4 && !s.contains('.') && dash {
            let mut j = i + 1;
            let mut t = String::new();
            while j < chars.len() && chars[j].is_ascii_digit() {
                t.push(chars[j]);
                j += 1;
            }
            let followed = chars.get(j).is_some_and(|c| c.is_alphanumeric());
            if (1..=2).contains(&t.len()) && !followed {
                short_end = Some(format!("{}{t}", &s[..4 - t.len()]));
                i = j;
            }
        }
        // `1890s`: a decade.
        let decade = s.len() == 4
            && s.ends_with('0')
            && short_end.is_none()
            && chars.get(i) == Some(&'s')
            && !chars.get(i + 1).is_some_and(|c| c.is_alphanumeric());
        if decade {
            found.push(format!("{s}s"));
            i += 1;
        } else {
            found.push(normalise_number(&s));
        }
        if let Some(e) = short_end {
            found.push(e);
        }
    }
    let mut set: Vec<String> = found.into_iter().filter(|s| !s.is_empty()).collect();
    set.sort_by(|a, b| {
        let value = |v: &str| v.trim_end_matches('s').parse::<f64>().unwrap_or(0.0);
        let (x, y) = (value(a), value(b));
        x.partial_cmp(&y)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.cmp(b))
    });
    set.dedup();
    set
}

/// Whether `rest` (what follows a comma) is a group of exactly three digits.
fn thousands(rest: &[char]) -> bool {
    rest.len() >= 3
        && rest[..3].iter().all(char::is_ascii_digit)
        && !rest.get(3).is_some_and(char::is_ascii_digit)
}

/// `007` → `7`, `2.50` → `2.5`.
fn normalise_number(s: &str) -> String {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, f.trim_end_matches('0')),
        None => (s, ""),
    };
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

/// Whether two extracted numbers agree: equal, or a year within a decade (`1895` and
/// `1890s`).
fn same_number(a: &str, b: &str) -> bool {
    let within = |decade: &str, year: &str| {
        decade.len() == 5
            && decade.ends_with('s')
            && year.len() == 4
            && !year.contains('.')
            && year[..3] == decade[..3]
    };
    a == b || within(a, b) || within(b, a)
}

/// A conflict when both nodes mention numbers, each mentions one the other does not (one
/// saying more than the other, `1927` against `1927, 1929`, is no conflict), and the two
/// are about the same event ([`same_event`] of their texts).
pub(super) fn conflict(pair: usize, p: &Pair, ltext: &str, rtext: &str) -> Option<Conflict> {
    let (l, r) = (numbers(ltext), numbers(rtext));
    let only_l: Vec<String> = l
        .iter()
        .filter(|x| !r.iter().any(|y| same_number(x, y)))
        .cloned()
        .collect();
    let only_r: Vec<String> = r
        .iter()
        .filter(|x| !l.iter().any(|y| same_number(x, y)))
        .cloned()
        .collect();
    if only_l.is_empty() || only_r.is_empty() {
        return None;
    }
    let about = same_event(ltext, rtext, &only_l, &only_r);
    if about.is_empty() {
        return None;
    }
    Some(Conflict {
        id: super::findings::pair_id("conflict", &p.left.id, &p.right.id),
        pair,
        left: Numbers {
            id: p.left.id.to_string(),
            values: l,
            unmatched: only_l,
        },
        right: Numbers {
            id: p.right.id.to_string(),
            values: r,
            unmatched: only_r,
        },
        about,
    })
}

/// What kind of thing a number counts: a year (four digits), a decade (`1890s`), or a
/// quantity of what the next word names (`40 delegates`: `delegat`).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Kind {
    Year,
    Decade,
    Of(String),
}

/// A clause's kinds of unmatched numbers, and its event words (stem, word).
type Clause = (Vec<Kind>, Vec<(String, String)>);

/// Words too common to name an event.
const STOP: &[&str] = &[
    "about", "after", "also", "been", "before", "between", "both", "could", "each", "from", "have",
    "into", "many", "more", "most", "much", "only", "other", "over", "same", "some", "such",
    "than", "that", "their", "them", "then", "there", "these", "they", "this", "those", "under",
    "until", "upon", "very", "were", "what", "when", "which", "while", "will", "with", "would",
    "year", "years",
];

/// A word's stem for matching events: lowercased, its first five letters.
fn stem(w: &str) -> String {
    w.to_lowercase().chars().take(5).collect()
}

/// The words of `text`, with whether each starts a clause.
fn words(clause: &str) -> impl Iterator<Item = &str> {
    clause
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
}

/// The clauses of a text: split at sentence ends, commas, semicolons, colons and line
/// breaks (not at parentheses, so `Britain (1926)` keeps its year with its word).
fn clauses(text: &str) -> Vec<&str> {
    text.split([',', ';', ':', '\n', '!', '?'])
        .flat_map(|c| c.split(". "))
        .filter(|c| !c.trim().is_empty())
        .collect()
}

/// Names in two texts: words written with a capital where no clause starts.
fn names(texts: [&str; 2]) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    for t in texts {
        for c in clauses(t) {
            for w in words(c).skip(1) {
                if w.chars().next().is_some_and(char::is_uppercase) {
                    out.insert(w.to_lowercase());
                }
            }
        }
    }
    out
}

/// The kind of each number of `clause` (as [`numbers`] writes it).
fn kinds(clause: &str) -> Vec<(String, Kind)> {
    let toks: Vec<&str> = words(clause).collect();
    numbers(clause)
        .into_iter()
        .map(|n| {
            let kind = if n.ends_with('s') {
                Kind::Decade
            } else if n.len() == 4 && !n.contains('.') {
                Kind::Year
            } else {
                let next = toks
                    .iter()
                    .position(|t| t.chars().filter(char::is_ascii_digit).collect::<String>() == n)
                    .and_then(|i| toks.get(i + 1))
                    .map(|w| stem(w))
                    .unwrap_or_default();
                Kind::Of(next)
            };
            (n, kind)
        })
        .collect()
}

/// Whether two aligned nodes whose texts mention different numbers speak of the same
/// event, and by which words: some clause of each holds a number the other node does not
/// mention (`unmatched`), the two numbers are of the same kind (two years, two decades, or
/// two quantities of the same thing: a year is not compared with a decade), and the two
/// clauses share an *event word* — a word of four letters or more, not a name (a word
/// written with a capital inside a clause, in either text) and not a common word, compared
/// by its first five letters (`expelled`, `expulsion`). `1902` (escaping from exile)
/// against `the 1890s` (becoming a Marxist), or `Britain (1926)` against `Spain
/// (1936–1939)` in two lists of failed uprisings, are different events; `expelled from the
/// Soviet Union in 1928` against `expelled from the Party in 1927 and exiled in 1929` is
/// the same. Returns the shared words (empty: not the same event).
pub fn same_event(ltext: &str, rtext: &str, only_l: &[String], only_r: &[String]) -> Vec<String> {
    let names = names([ltext, rtext]);
    let event_words = |c: &str| -> Vec<(String, String)> {
        words(c)
            .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
            .filter(|w| !STOP.contains(&w.to_lowercase().as_str()))
            .filter(|w| !names.contains(&w.to_lowercase()))
            .map(|w| (stem(w), w.to_lowercase()))
            .collect()
    };
    let side = |text: &str, only: &[String]| -> Vec<Clause> {
        clauses(text)
            .into_iter()
            .filter_map(|c| {
                let ks: Vec<Kind> = kinds(c)
                    .into_iter()
                    .filter(|(n, _)| only.contains(n))
                    .map(|(_, k)| k)
                    .collect();
                (!ks.is_empty()).then(|| (ks, event_words(c)))
            })
            .collect()
    };
    let (ls, rs) = (side(ltext, only_l), side(rtext, only_r));
    let mut about: Vec<String> = Vec::new();
    for (lk, lw) in &ls {
        for (rk, rw) in &rs {
            if !lk.iter().any(|k| rk.contains(k)) {
                continue;
            }
            for (s, w) in lw {
                if rw.iter().any(|(t, _)| t == s) && !about.contains(w) {
                    about.push(w.clone());
                }
            }
        }
    }
    about
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::compare::{NodeReport, Origin, Role, Side};
    use crate::analyse::support::Status;
    use crate::graph::NodeKind;

    #[test]
    fn numbers_are_found_and_normalised() {
        assert_eq!(
            numbers("In 1905–06 he wrote; 1,000 men; 2.50 roubles; T1 and Q3 are ids"),
            ["2.5", "1000", "1905", "1906"]
        );
        assert_eq!(
            numbers("the Civil War (1918–1921) and the 1920s"),
            ["1918", "1920s", "1921"]
        );
        assert_eq!(numbers("no digits here"), Vec::<String>::new());
        assert_eq!(numbers("in the 1890s, by 1902"), ["1890s", "1902"]);
        assert!(same_number("1895", "1890s") && same_number("1890s", "1899"));
        assert!(!same_number("1902", "1890s") && !same_number("1890", "1900s"));
        assert_eq!(numbers("pp. 77–82, fn. 007"), ["7", "77", "82"]);
    }

    #[test]
    fn conflict_needs_a_value_missing_on_each_side() {
        let p = |id: &str| NodeReport {
            id: id.into(),
            kind: NodeKind::Claim,
            text: String::new(),
            by: None,
            role: Role::default(),
            status: Status::Unsupported,
            evidence: 0,
            sources: vec![],
            quote: None,
            position: crate::analyse::compare::Position::Holds,
            weight: 1,
            group: None,
        };
        let pair = Pair {
            origin: Origin::Declared,
            declared_in: vec![Side::Left],
            score: 1.0,
            left: p("a"),
            right: p("b"),
        };
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert!(conflict(
            0,
            &pair,
            "The plan began in 1928.",
            "The plan began in 1929."
        )
        .is_some());
        assert!(conflict(
            0,
            &pair,
            "The plan began in 1927.",
            "The plan began in 1927 and ended in 1929."
        )
        .is_none());
        assert!(conflict(0, &pair, "The plan began.", "The plan began in 1929.").is_none());
        let c = conflict(
            0,
            &pair,
            "Expelled in 1927 and exiled in 1928.",
            "Expelled in 1927 and exiled in 1929.",
        )
        .expect("conflict");
        assert_eq!(c.left.unmatched, ["1928"]);
        assert_eq!(c.right.unmatched, ["1929"]);
        assert_eq!(c.about, ["expelled", "exiled"]);
        let _ = s;
    }

    #[test]
    fn numbers_of_different_events_are_no_conflict() {
        let p = |a: &str, b: &str| same_event(a, b, &numbers(a), &numbers(b));
        // A year and a decade are not the same kind of thing.
        assert!(p(
            "He escaped from exile in 1902.",
            "He was exiled in the 1890s."
        )
        .is_empty());
        // Two lists of uprisings: each year goes with its country (a name).
        assert!(p("Britain (1926)", "Spain (1936)").is_empty());
        // Nothing but the numbers in common.
        assert!(p("The congress met in 1921.", "The harvest failed in 1920.").is_empty());
        let about = p(
            "Trotsky was expelled from the Soviet Union in 1928.",
            "Trotsky was expelled from the Party in 1927 and exiled in 1929.",
        );
        // `Trotsky` starts both clauses: nothing shows it is a name here.
        assert!(about.contains(&"expelled".to_string()), "{about:?}");
        assert!(!about.contains(&"soviet".to_string()));
        // Quantities of different things.
        assert!(p(
            "The congress had 40 delegates.",
            "The congress lasted 12 days."
        )
        .is_empty());
        assert!(!p(
            "The congress had 40 delegates.",
            "The congress had 45 delegates."
        )
        .is_empty());
    }
}
