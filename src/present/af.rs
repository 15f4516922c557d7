//! `render --format af`: the attack graph of one map as an abstract argumentation
//! framework in the ICCMA 2023 format, for argumentation solvers.
//!
//! The framework is the one `argmap evaluate` uses ([`crate::analyse::evaluate`]):
//! claims, evidence and rebuttals, plus the arguments that flatten undercut and linked
//! inferences. The first line is `p af N`; each attack is a line `a b` (arguments
//! numbered from 1); `#` comment lines after them name each argument.

use super::escape::one_line;
use crate::analyse::evaluate::Encoding;
use crate::analyse::Analysed;
use std::fmt::Write;

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
        let _ = writeln!(out, "# {} {}", a + 1, one_line(&enc.name(&m.graph, a)));
    }
    out
}
