//! The rules of ids and links, which belong to the map format itself: every stage that
//! reads or writes ids (the checks, the AIF import and export, the graph) asks here.

/// Whether `id` is a valid map id: `[a-z0-9][a-z0-9-]*`.
pub fn valid_map_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Whether `id` is a valid node or source id: `[A-Za-z0-9][A-Za-z0-9_.-]*`, so it can
/// never contain white space, `->` or `:`.
pub(crate) fn valid_node_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

/// Splits a link `"A -> B"` (an `undercuts` entry) into `("A", "B")`.
pub(crate) fn parse_link(s: &str) -> Option<(&str, &str)> {
    let (a, b) = s.split_once("->")?;
    let (a, b) = (a.trim(), b.trim());
    (!a.is_empty() && !b.is_empty() && !b.contains("->")).then_some((a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_links() {
        assert!(valid_map_id("essay-2") && !valid_map_id("Essay") && !valid_map_id("-a"));
        assert!(valid_node_id("T1.a_b-c") && !valid_node_id("a b") && !valid_node_id("a:b"));
        assert!(!valid_node_id("_a") && !valid_node_id(""));
        assert_eq!(parse_link(" E1 ->C1 "), Some(("E1", "C1")));
        assert_eq!(parse_link("E1 -> C1 -> T"), None);
        assert_eq!(parse_link("E1 ->"), None);
    }
}
