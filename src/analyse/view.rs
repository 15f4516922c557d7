//! What the HTML viewer shows of a map beside its diagram, as data: where each quote
//! stands in the map's source text (and the share of the text the map quotes), and every
//! node's grounded label ([`super::evaluate`]).

use super::evaluate::{self, Request, Status};
use super::quote::{covered_share, quoted_spans, QuotedSpan};
use super::Analysed;
use std::collections::HashMap;

/// The viewer's findings about one map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapView {
    /// The found quotes, as ranges of the original source text (empty without a text).
    pub spans: Vec<QuotedSpan>,
    /// The share (0–1) of the source text that the found quotes cover, overlaps once.
    pub share: f64,
    /// Every claim's, evidence item's and rebuttal's grounded label, by node id.
    pub grounded: HashMap<String, Status>,
}

/// The viewer's findings about `m`, whose source text (as read) is `source`.
pub fn map_view(m: &Analysed, source: Option<&str>) -> MapView {
    let spans = source.map_or_else(Vec::new, |t| quoted_spans(t, m.graph.map));
    let share = source.map_or(0.0, |t| {
        covered_share(t.len(), spans.iter().flat_map(|s| s.ranges.iter().cloned()))
    });
    let grounded = evaluate::evaluate(&m.graph, m.inferences(), Request::default())
        .nodes
        .into_iter()
        .map(|n| (n.id.to_string(), n.grounded))
        .collect();
    MapView {
        spans,
        share,
        grounded,
    }
}
