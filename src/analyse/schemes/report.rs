//! Diagnostics of the `schemes:` section that belong to existing rules.

use super::Problem;
use crate::analyse::checks::Input;
use crate::diagnostic::{Diagnostic, Rule, Target};
use crate::parse::model::SchemeEntry;
use crate::path;

/// `dangling-reference`: a `schemes:` key naming a link the map does not have.
pub(crate) fn dangling_links(input: &Input, out: &mut Vec<Diagnostic>) {
    // Without a link's scheme there is nothing to look for (and no argument to find).
    let links = input.graph.map.schemes.iter();
    if !links
        .into_iter()
        .any(|(_, e)| matches!(e, SchemeEntry::Link(_)))
    {
        return;
    }
    for p in &input.schemes().problems {
        if let Problem::NoSuchLink { key } = p {
            out.push(
                Diagnostic::new(
                    Rule::DanglingReference,
                    Target::key(path!["schemes", *key]),
                    format!("`schemes:` names the link `{key}`, which does not exist"),
                )
                .with_ids([*key])
                .with_help("a scheme is given to a link `A -> B` where A supports or attacks B"),
            );
        }
    }
}
