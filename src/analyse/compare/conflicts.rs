//! Factual conflicts: the dates and numbers two aligned nodes mention, and the pairs
//! where each mentions one the other does not.

use super::Pair;
use serde::Serialize;

/// An aligned pair whose texts mention different numbers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conflict {
    /// Index into [`Comparison::pairs`](super::Comparison::pairs).
    pub pair: usize,
    /// The numbers of the left node.
    pub left: Numbers,
    /// The numbers of the right node.
    pub right: Numbers,
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

/// A conflict when both nodes mention numbers and each mentions one the other does not
/// (one saying more than the other, `1927` against `1927, 1929`, is no conflict).
pub(super) fn conflict(pair: usize, p: &Pair, l: &[String], r: &[String]) -> Option<Conflict> {
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
    Some(Conflict {
        pair,
        left: Numbers {
            id: p.left.id.to_string(),
            values: l.to_vec(),
            unmatched: only_l,
        },
        right: Numbers {
            id: p.right.id.to_string(),
            values: r.to_vec(),
            unmatched: only_r,
        },
    })
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
        };
        let pair = Pair {
            origin: Origin::Declared,
            declared_in: vec![Side::Left],
            score: 1.0,
            left: p("a"),
            right: p("b"),
        };
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert!(conflict(0, &pair, &s(&["1928"]), &s(&["1929"])).is_some());
        assert!(conflict(0, &pair, &s(&["1927"]), &s(&["1927", "1929"])).is_none());
        assert!(conflict(0, &pair, &s(&[]), &s(&["1929"])).is_none());
        let c = conflict(0, &pair, &s(&["1927", "1928"]), &s(&["1927", "1929"])).expect("conflict");
        assert_eq!(c.left.unmatched, ["1928"]);
        assert_eq!(c.right.unmatched, ["1929"]);
    }
}
