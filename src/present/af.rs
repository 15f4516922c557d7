//! `render --format af`: the attack graph of one map as an abstract argumentation
//! framework in the ICCMA 2023 format, for argumentation solvers.
//!
//! The framework is the one `argmap evaluate` uses ([`crate::analyse::evaluate`]):
//! claims, evidence and rebuttals, plus the arguments that flatten undercut and linked
//! inferences. The first line is `p af N`; each attack is a line `a b` (arguments
//! numbered from 1); `#` comment lines after them name each argument.

use super::diagram::point_name;
use super::escape::one_line;
use crate::analyse::evaluate::{Argument, Encoding};
use crate::analyse::Analysed;
use std::fmt::Write;

/// The comment name of argument `a`: a node id, `A -> B` for an inference (`A + B + C +
/// 7 more -> T` past three premises, as DOT names its points), `not A (in A -> B)` for an
/// auxiliary argument. Each premise of a linked inference has an auxiliary argument
/// that names the inference: naming every premise there would write a group of *k*
/// premises *k*² times.
fn name(m: &Analysed, enc: &Encoding, a: usize) -> String {
    let g = &m.graph;
    match enc.arguments.get(a) {
        Some(Argument::Node(ix)) => g.graph[*ix].id.to_string(),
        Some(Argument::Inference(i)) => point_name(g, "", enc.inferences[*i], &m.inferences().list),
        Some(Argument::NotPremise { inference, premise }) => format!(
            "not {} (in {})",
            g.graph[*premise].id,
            point_name(g, "", enc.inferences[*inference], &m.inferences().list)
        ),
        None => String::new(),
    }
}

/// The ICCMA'23 text of the map's framework `enc` (computed by analysis from the map's
/// inferences, as `evaluate` computes it).
pub fn render(m: &Analysed, enc: &Encoding) -> String {
    let fw = &enc.framework;
    let mut out = format!("p af {}\n", fw.len());
    for a in 0..fw.len() {
        for &b in fw.targets(a) {
            let _ = writeln!(out, "{} {}", a + 1, b + 1);
        }
    }
    let _ = writeln!(
        out,
        "# argmap map {}: argument numbers",
        one_line(m.map_id())
    );
    for a in 0..fw.len() {
        let _ = writeln!(out, "# {} {}", a + 1, one_line(&name(m, enc, a)));
    }
    out
}
