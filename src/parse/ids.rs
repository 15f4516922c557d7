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

/// Splits a link string (an `undercuts` entry) into its ids, outermost source first:
/// `"A -> B"` is `[A, B]`, and `"U -> A -> B"` (right-associative: the link by which U
/// undercuts `A -> B`) is `[U, A, B]`. None unless there are at least two ids, none of
/// them blank. One pass over the string, no recursion, whatever the depth.
pub(crate) fn parse_chain(s: &str) -> Option<Vec<&str>> {
    let ids: Vec<&str> = s.split("->").map(str::trim).collect();
    (ids.len() >= 2 && ids.iter().all(|id| !id.is_empty())).then_some(ids)
}

/// A link string as argmap writes it: the ids of [`parse_chain`] joined by ` -> `.
pub(crate) fn link_string(ids: &[&str]) -> String {
    ids.join(" -> ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_links() {
        assert!(valid_map_id("essay-2") && !valid_map_id("Essay") && !valid_map_id("-a"));
        assert!(valid_node_id("T1.a_b-c") && !valid_node_id("a b") && !valid_node_id("a:b"));
        assert!(!valid_node_id("_a") && !valid_node_id(""));
        assert_eq!(parse_chain(" E1 ->C1 "), Some(vec!["E1", "C1"]));
        assert_eq!(parse_chain("R1 -> E1 -> C1"), Some(vec!["R1", "E1", "C1"]));
        assert_eq!(parse_chain("E1 ->"), None);
        assert_eq!(parse_chain("E1 -> -> C1"), None);
        assert_eq!(parse_chain("E1"), None);
        assert_eq!(link_string(&["R1", "E1", "C1"]), "R1 -> E1 -> C1");
    }
}
