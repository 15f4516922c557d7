//! `source-unreadable`: the map's `source` file is missing or cannot be read.

use super::{Input, SourceText};
use crate::diagnostic::{Diagnostic, Rule, Target};
use crate::path;

pub fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    if let SourceText::Unreadable(why) = input.source {
        let source = input.graph.map.source.as_deref().unwrap_or("");
        out.push(
            Diagnostic::new(
                Rule::SourceUnreadable,
                Target::value(path!["source"]),
                format!("cannot read source `{source}`: {why}"),
            )
            .with_help(
                "`source` is relative to the map file (to the working directory for a map read from `-`); quotes are not checked until it can be read",
            ),
        );
    }
}
