//! `render --focus`: which node the argument names.

use super::CliError;
use argmap::analyse::Analysed;
use argmap::diagnostic::did_you_mean;
use petgraph::graph::NodeIndex;
use std::collections::HashMap;

/// The node `--focus` names: `ID`, or `MAP-ID:ID` (the form exports and `same_as` use).
/// An unknown map or node, or a bare id that several maps have, is refused with what
/// there is (and a did-you-mean).
pub(super) fn focus_node(maps: &[Analysed], focus: &str) -> Result<(usize, NodeIndex), CliError> {
    let fail = |what: String, suggestion: Option<String>| {
        let help = suggestion.map_or_else(String::new, |s| format!("; did you mean `{s}`?"));
        CliError::Usage(format!("--focus `{focus}`: {what}{help}"))
    };
    let map_ids = || maps.iter().map(|m| m.map_id());
    let node_ids = |m: &Analysed| {
        m.graph
            .graph
            .node_weights()
            .map(|n| n.id.to_string())
            .collect::<Vec<_>>()
    };
    if let Some((map_id, id)) = focus.split_once(':') {
        let (map_id, id) = (map_id.trim(), id.trim());
        let Some(mi) = maps.iter().position(|m| m.map_id() == map_id) else {
            let known: Vec<&str> = map_ids().collect();
            return Err(fail(
                format!(
                    "no map `{map_id}` is given (the maps are {})",
                    known.join(", ")
                ),
                did_you_mean(map_id, known.iter().copied()).map(|m| format!("{m}:{id}")),
            ));
        };
        let m = &maps[mi];
        return match m.graph.node(id) {
            Some(ix) => Ok((mi, ix)),
            None => {
                let ids = node_ids(m);
                Err(fail(
                    format!("no node `{id}` in map `{map_id}`"),
                    did_you_mean(id, ids.iter().map(String::as_str))
                        .map(|s| format!("{map_id}:{s}")),
                ))
            }
        };
    }
    let found: Vec<(usize, NodeIndex)> = maps
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.graph.node(focus).map(|ix| (i, ix)))
        .collect();
    match found.as_slice() {
        [one] => Ok(*one),
        [] => {
            // Suggest by the node id; shown qualified when several maps are given.
            let several = maps.len() > 1;
            let mut bare: Vec<String> = Vec::new();
            let mut shown: HashMap<String, String> = HashMap::new();
            for m in maps {
                for id in node_ids(m) {
                    let name = if several {
                        format!("{}:{id}", m.map_id())
                    } else {
                        id.clone()
                    };
                    shown.entry(id.clone()).or_insert(name);
                    bare.push(id);
                }
            }
            let suggestion = did_you_mean(focus, bare.iter().map(String::as_str))
                .and_then(|id| shown.get(&id).cloned());
            Err(fail("no such node in the given maps".into(), suggestion))
        }
        many => {
            let names: Vec<String> = many
                .iter()
                .map(|&(i, _)| format!("{}:{focus}", maps[i].map_id()))
                .collect();
            Err(fail(
                format!(
                    "several maps have a node `{focus}`: name one as {}",
                    names.join(" or ")
                ),
                None,
            ))
        }
    }
}
