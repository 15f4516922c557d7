//! `argmap evaluate` in words: the statements about the theses (written here from the
//! reasons the analysis gives), the grounded label of every node (with credulous /
//! sceptical acceptance when computed), the inferences that are arguments of their own,
//! and the extensions requested; and the JSON form, which adds the statements to the
//! evaluation's data.

use crate::analyse::evaluate::{
    Acceptance, Evaluation, Extensions, LinkResult, NodeResult, Size, Status, ThesisReasons,
    ThesisVerdict,
};
use crate::analyse::semantics::Semantics;
use crate::present::plural;
use serde::Serialize;
use std::collections::HashSet;
use std::io::{self, Write};

mod statements;
pub use statements::{statements, stopped_by_words};

fn acceptance(a: Option<Acceptance>) -> &'static str {
    match a {
        None => "",
        Some(Acceptance {
            sceptical: true, ..
        }) => "sceptical",
        Some(Acceptance {
            credulous: true, ..
        }) => "credulous",
        Some(_) => "no",
    }
}

/// The width of the acceptance column of `s`: its name, and at least `sceptical`.
fn column_width(s: Semantics) -> usize {
    s.name().chars().count().max("sceptical".len())
}

/// Lists the extensions of one semantics. Every complete extension contains the grounded
/// one, so each is shown as what it adds to the grounded `in` set.
fn extensions(
    out: &mut dyn Write,
    name: &str,
    e: &Extensions,
    grounded: &HashSet<&str>,
) -> io::Result<()> {
    if !e.complete {
        let why = match e.stopped_by {
            Some(by) => stopped_by_words(e.stopped_after.unwrap_or(0), by, e.limit),
            None => "the search stopped early".to_string(),
        };
        writeln!(out, "\n{name} extensions: {why}; none listed")?;
        return Ok(());
    }
    let n = e.extensions.len();
    writeln!(out, "\n{name} extensions ({n}):")?;
    if n == 0 {
        out.write_all(b"  none\n")?;
    }
    for (i, x) in e.extensions.iter().enumerate() {
        let extra: Vec<&str> = x
            .nodes
            .iter()
            .map(|n| n.as_str())
            .filter(|n| !grounded.contains(n))
            .collect();
        let nodes = match (grounded.is_empty(), extra.is_empty()) {
            (true, true) => "{} (empty)".to_string(),
            (true, false) => extra.join(", "),
            (false, true) => "the grounded in-set".to_string(),
            (false, false) => format!("the grounded in-set + {}", extra.join(", ")),
        };
        write!(out, "  {}. {nodes}", i + 1)?;
        if !x.links.is_empty() {
            write!(out, "; links: {}", x.links.join(", "))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The evaluation as text.
pub fn text(e: &Evaluation) -> String {
    super::written(|w| write(e, w))
}

/// Writes the evaluation as [`text`] gives it, line by line.
pub fn write(e: &Evaluation, out: &mut dyn Write) -> io::Result<()> {
    let mut semantics = vec![Semantics::Grounded.name()];
    semantics.extend(e.extensions.keys().map(Semantics::name));
    writeln!(
        out,
        "evaluation of map `{}` ({} semantics)",
        e.map,
        semantics.join(", ")
    )?;
    let f = &e.framework;
    let auxiliary = f.arguments - f.nodes - f.links;
    writeln!(
        out,
        "framework: {} argument{} ({} node{}, {} inference{}, {auxiliary} auxiliary), {} attack{}",
        f.arguments,
        plural(f.arguments),
        f.nodes,
        plural(f.nodes),
        f.links,
        plural(f.links),
        f.attacks,
        plural(f.attacks)
    )?;
    writeln!(
        out,
        "  (auxiliary: one per premise of an undercut or linked inference, \"this premise is not \
         accepted\", attacked by the premise and attacking the inference; never listed)\n"
    )?;
    if e.theses.is_empty() {
        writeln!(out, "The map has no thesis (no claim has `thesis: true`).")?;
    }
    for t in &e.theses {
        for s in statements(t) {
            writeln!(out, "{s}")?;
        }
    }
    nodes(e, out)?;
    links(e, out)?;
    let grounded: HashSet<&str> = e
        .nodes
        .iter()
        .filter(|n| n.grounded == Status::In)
        .map(|n| n.id.as_str())
        .collect();
    for (s, x) in e.extensions.iter() {
        extensions(out, s.name(), x, &grounded)?;
    }
    Ok(())
}

/// The grounded labelling, one row per node, with a column of acceptance per semantics
/// computed that reports it.
fn nodes(e: &Evaluation, out: &mut dyn Write) -> io::Result<()> {
    let count = |s: Status| e.nodes.iter().filter(|n| n.grounded == s).count();
    writeln!(
        out,
        "\ngrounded labelling: {} in, {} out, {} undecided",
        count(Status::In),
        count(Status::Out),
        count(Status::Undecided)
    )?;
    let width = e
        .nodes
        .iter()
        .map(|n| n.id.chars().count())
        .max()
        .unwrap_or(0)
        .max(2);
    // One column per semantics computed that reports acceptance.
    let columns: Vec<Semantics> = e
        .extensions
        .keys()
        .filter(|s| s.reports_acceptance())
        .collect();
    if !columns.is_empty() {
        let mut head = format!("  {:<5} {:<width$}  {:<8}", "label", "id", "kind");
        for s in &columns {
            head.push_str(&format!("  {:<w$}", s.name(), w = column_width(*s)));
        }
        writeln!(out, "{}", head.trim_end())?;
    }
    for n in &e.nodes {
        let thesis = if n.thesis { "  (thesis)" } else { "" };
        let mut row = format!(
            "  {:<5} {:<width$}  {:<8}",
            n.grounded.name(),
            n.id,
            n.kind.name()
        );
        for &s in &columns {
            let a = acceptance(n.acceptance.get(s).copied());
            row.push_str(&format!("  {a:<w$}", w = column_width(s)));
        }
        writeln!(out, "{}{thesis}", row.trim_end())?;
    }
    Ok(())
}

/// The inferences that are arguments of their own.
fn links(e: &Evaluation, out: &mut dyn Write) -> io::Result<()> {
    if !e.links.is_empty() {
        writeln!(
            out,
            "\ninferences that are arguments of their own (undercut, or linked attacks):"
        )?;
        let width = e
            .links
            .iter()
            .map(|l| l.link.chars().count())
            .max()
            .unwrap_or(0);
        for l in &e.links {
            let under = if l.undercut_by.is_empty() {
                String::new()
            } else {
                format!(", undercut by {}", l.undercut_by.join(", "))
            };
            writeln!(
                out,
                "  {:<5} {:<width$}  {}{under}",
                l.grounded.name(),
                l.link,
                l.kind.name()
            )?;
        }
    }
    Ok(())
}

/// A thesis in JSON: its data, and its statements as the text report words them.
#[derive(Serialize)]
struct JsonThesis<'a> {
    id: &'a str,
    grounded: Status,
    statements: Vec<String>,
    reasons: &'a ThesisReasons,
}

/// The evaluation in JSON: the evaluation's own data, each thesis with its statements.
#[derive(Serialize)]
struct Json<'a> {
    map: &'a str,
    framework: &'a Size,
    theses: Vec<JsonThesis<'a>>,
    nodes: &'a [NodeResult],
    links: &'a [LinkResult],
    #[serde(flatten)]
    extensions: &'a crate::analyse::semantics::BySemantics<Extensions>,
}

/// The value `evaluate --format json` writes (docs/evaluate.md, "JSON").
pub fn json(e: &Evaluation) -> impl Serialize + '_ {
    Json {
        map: &e.map,
        framework: &e.framework,
        theses: e
            .theses
            .iter()
            .map(|t: &ThesisVerdict| JsonThesis {
                id: &t.id,
                grounded: t.grounded,
                statements: statements(t),
                reasons: &t.reasons,
            })
            .collect(),
        nodes: &e.nodes,
        links: &e.links,
        extensions: &e.extensions,
    }
}
