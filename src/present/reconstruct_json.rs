//! The schemes a map defines, as the JSON graph (`render --format json`) writes them.

use crate::parse::model::{Map, SchemeEntry};
use serde::Serialize;

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
