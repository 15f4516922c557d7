//! `no-thesis`: no claim has `thesis: true`.

use super::Input;
use crate::diagnostic::{Diagnostic, Rule, Target};
use crate::path;

pub fn check(input: &Input, out: &mut Vec<Diagnostic>) {
    let g = input.graph;
    if g.graph.node_weights().any(|n| n.is_thesis()) {
        return;
    }
    let target = if g.map.section_order.contains(&crate::parse::Section::Claims) {
        Target::key(path!["claims"])
    } else {
        Target::file()
    };
    out.push(
        Diagnostic::new(Rule::NoThesis, target, "no claim is marked as the thesis")
            .with_help("mark the map's main claim with `thesis: true`"),
    );
}
