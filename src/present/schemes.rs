//! The scheme catalogue in words: `argmap schemes` (one line per scheme) and `argmap
//! schemes NAME` (its premise roles, conclusion and critical questions).

use crate::analyse::schemes::Scheme;
use std::io::{self, Write};

/// `argmap schemes`: one line per scheme (id, title, number of questions), then how to
/// see one.
pub fn write_list(schemes: &[Scheme], w: &mut dyn Write) -> io::Result<()> {
    let width = schemes.iter().map(|s| s.id.len()).max().unwrap_or(0).max(6);
    writeln!(w, "{:width$}  questions  title", "scheme")?;
    for s in schemes {
        writeln!(w, "{:width$}  {:>9}  {}", s.id, s.questions.len(), s.title)?;
    }
    writeln!(
        w,
        "\n`argmap schemes NAME` shows a scheme's premises and critical questions."
    )
}

/// `argmap schemes NAME`: the scheme's title, AIF name, premises, conclusion and
/// critical questions.
pub fn write_one(s: &Scheme, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "{}: {}", s.id, s.title)?;
    if let Some(a) = &s.aif {
        writeln!(w, "AIF: {a}")?;
    }
    writeln!(w, "\nPremises:")?;
    for p in &s.premises {
        writeln!(w, "  {}: {}", p.role, p.text)?;
    }
    writeln!(w, "Conclusion:\n  {}", s.conclusion)?;
    writeln!(
        w,
        "\nCritical questions (answered by `answers: ID` on an attack or undercut):"
    )?;
    for q in &s.questions {
        writeln!(w, "  {}: {}", q.id, q.text)?;
    }
    Ok(())
}
