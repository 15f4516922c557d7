//! Diagnostics of the `schemes:` section that belong to existing rules.

use super::Problem;
use crate::analyse::checks::Input;
use crate::diagnostic::{Diagnostic, Rule, Target};
use crate::path;

/// `dangling-reference`: a `schemes:` key naming a link the map does not have.
pub(crate) fn dangling_links(input: &Input, out: &mut Vec<Diagnostic>) {
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
