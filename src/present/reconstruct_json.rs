//! The schemes a map defines, as the JSON graph (`render --format json`) writes them.

use crate::analyse::Analysed;
use crate::parse::model::{Map, SchemeEntry};
use petgraph::graph::NodeIndex;
use serde::Serialize;
use std::collections::HashMap;

/// An argument with a scheme, as the HTML page's panel shows it under each premise.
#[derive(Debug, Serialize)]
pub struct ArgumentScheme {
    /// The argument: `A + B -> C`.
    pub argument: String,
    /// The scheme's id as the map names it.
    pub scheme: String,
    /// Its title (the id when the scheme is unknown).
    pub title: String,
    /// Its open critical questions: `CQ-id: question`.
    pub open: Vec<String>,
}

/// The arguments with a scheme of `m`, by premise (each argument under each of its
/// premises), in one pass over the map's arguments.
pub fn argument_schemes(m: &Analysed) -> HashMap<NodeIndex, Vec<ArgumentScheme>> {
    let schemes = m.schemes();
    let mut out: HashMap<NodeIndex, Vec<ArgumentScheme>> = HashMap::new();
    for (i, inf) in m.inferences().list.iter().enumerate() {
        let Some(a) = schemes.applied[i] else {
            continue;
        };
        let open: Vec<String> = schemes
            .open(i, m.inferences())
            .into_iter()
            .map(|(q, t)| format!("{q}: {t}"))
            .collect();
        for &p in &inf.premises {
            out.entry(p).or_default().push(ArgumentScheme {
                argument: inf.name(&m.graph),
                scheme: a.name.to_string(),
                title: a.scheme.map_or(a.name, |s| s.title()).to_string(),
                open: open.clone(),
            });
        }
    }
    out
}

/// A scheme of the map's own.
#[derive(Debug, Serialize)]
pub struct SchemeJson {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: Option<String>,
    /// Its premise roles.
    pub premises: Vec<String>,
    /// Its conclusion.
    pub conclusion: Option<String>,
    /// Its critical questions.
    pub questions: Vec<QuestionJson>,
}

/// A critical question.
#[derive(Debug, Serialize)]
pub struct QuestionJson {
    /// Its id (`CQ-...`).
    pub id: String,
    /// The question.
    pub text: String,
}

/// The schemes `map` defines, in the map's order.
pub fn own_schemes(map: &Map) -> Vec<SchemeJson> {
    map.schemes
        .iter()
        .filter_map(|(id, e)| match e {
            SchemeEntry::Define(d) => Some(SchemeJson {
                id: id.to_string(),
                title: d.title.clone(),
                premises: d.premises.clone(),
                conclusion: d.conclusion.clone(),
                questions: d
                    .questions
                    .iter()
                    .map(|(q, t)| QuestionJson {
                        id: q.to_string(),
                        text: t.0.clone(),
                    })
                    .collect(),
            }),
            SchemeEntry::Link(_) => None,
        })
        .collect()
}
