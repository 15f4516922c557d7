//! The comparison as terminal text: the summary, each map, the aligned pairs, the
//! stances with their reasons, the factual conflicts and the claims only one map makes.

use super::{
    counts_line, coverage_line, found_by, holder, pol_short, polarity, role, sides, stance_line,
    summary, support, theses,
};
use crate::analyse::compare::{Comparison, Side, StanceKind};
use crate::present::escape::wrap;
use std::fmt::Write;

/// Width of wrapped terminal text.
const WIDTH: usize = 88;

/// The comparison as terminal text.
pub fn text(c: &Comparison) -> String {
    crate::present::written(|w| write_text(c, w))
}

/// Writes [`text`] as it is made.
pub fn write_text(c: &Comparison, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    crate::present::FmtIo::write_with(out, |o| {
        head(c, o);
        pairs(c, o);
        stances(c, o);
        conflicts(c, o);
        only(c, o);
    })
}

/// The title, the summary, and each map: title, theses, counts, coverage, stance.
fn head(c: &Comparison, o: &mut dyn Write) {
    let (l, r) = (&c.maps.left.id, &c.maps.right.id);
    let _ = writeln!(o, "compare `{l}` (left) with `{r}` (right)\n");
    for (i, para) in summary::summary(c).paragraphs.iter().enumerate() {
        if i > 0 {
            let _ = writeln!(o);
        }
        let words: Vec<String> = para.iter().map(|s| s.prose.plain()).collect();
        for line in wrap(&words.join(" "), WIDTH) {
            let _ = writeln!(o, "{line}");
        }
    }
    for s in sides() {
        let m = c.maps.get(s);
        let _ = writeln!(o, "\n{}", m.id);
        if let Some(t) = &m.title {
            let _ = writeln!(o, "  title     {t}");
        }
        for t in theses(c, s) {
            let _ = writeln!(o, "  thesis    {t}");
        }
        let _ = writeln!(o, "  nodes     {}", counts_line(c, s));
        let _ = writeln!(o, "  coverage  {}", coverage_line(c.coverage.get(s)));
        let _ = writeln!(
            o,
            "  stance    {} toward the thesis of {}",
            stance_line(c.stance.get(s)),
            c.maps.get(s.other()).id
        );
    }
}

/// Each aligned pair, numbered from 1, with both of its nodes.
fn pairs(c: &Comparison, o: &mut dyn Write) {
    let _ = writeln!(o, "\naligned pairs ({})", c.pairs.len());
    for (i, p) in c.pairs.iter().enumerate() {
        let _ = writeln!(
            o,
            "  {:>3}. {} = {}   [{}]",
            i + 1,
            p.left.id,
            p.right.id,
            found_by(c, p)
        );
        for s in sides() {
            let n = p.node(s);
            let _ = writeln!(
                o,
                "       {:<5} {} · {} · {} · {}",
                if s == Side::Left { "left" } else { "right" },
                role(n),
                polarity(n.role.polarity),
                support(n),
                holder(n)
            );
        }
    }
}

/// Each map's stance toward the other's thesis, and its reasons.
fn stances(c: &Comparison, o: &mut dyn Write) {
    let _ = writeln!(o, "\nstance");
    for s in sides() {
        let st = c.stance.get(s);
        let (me, other) = (&c.maps.get(s).id, &c.maps.get(s.other()).id);
        let _ = writeln!(
            o,
            "  {me} toward the thesis of {other} ({}): {}",
            st.toward.join(", "),
            stance_line(st)
        );
        for rs in &st.reasons {
            let _ = writeln!(
                o,
                "    {} {} ({}) = {} ({}){}{}",
                if rs.effect == StanceKind::Supports {
                    "+"
                } else {
                    "-"
                },
                rs.own,
                pol_short(rs.own_polarity),
                rs.other,
                pol_short(rs.other_polarity),
                if rs.direct {
                    ", on the thesis"
                } else {
                    ", indirect"
                },
                if rs.decisive || !rs.direct {
                    ""
                } else {
                    ", outweighed"
                }
            );
        }
    }
}

/// The factual conflicts: numbered in their own list, as every list of the report is;
/// the aligned pair a conflict belongs to is named in words.
fn conflicts(c: &Comparison, o: &mut dyn Write) {
    let _ = writeln!(o, "\nfactual conflicts ({})", c.conflicts.len());
    for (i, k) in c.conflicts.iter().enumerate() {
        let _ = writeln!(
            o,
            "  {:>3}. {} [{}] vs {} [{}]: {} against {} (aligned pair {})",
            i + 1,
            k.left.id,
            k.left.values.join(", "),
            k.right.id,
            k.right.values.join(", "),
            k.left.unmatched.join(", "),
            k.right.unmatched.join(", "),
            k.pair + 1
        );
    }
}

/// The claims only one map makes, map by map.
fn only(c: &Comparison, o: &mut dyn Write) {
    for s in sides() {
        let only = c.only.get(s);
        let _ = writeln!(o, "\nclaims only in {} ({})", c.maps.get(s).id, only.len());
        let width = only.ids().map(|id| id.chars().count()).max().unwrap_or(0);
        for n in only.reports() {
            let _ = writeln!(o, "  {:<11} {:<width$}  {}", n.status.name(), n.id, n.text);
        }
    }
}
