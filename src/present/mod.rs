//! Present: turning analysis results into text, JSON, DOT, SVG... Nothing here decides
//! anything; it only formats what analysis returned.

pub mod af;
pub mod aif;
pub mod argdown;
pub mod compare;
pub mod dot;
pub mod escape;
pub mod evaluate;
pub mod graphml;
pub mod graphviz;
pub mod html;
pub mod json;
pub mod json_graph;
pub mod map_yaml;
pub mod mermaid;
pub mod support_report;
pub mod terminal;
