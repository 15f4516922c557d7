//! Present: turning analysis results into text, JSON, DOT, SVG... Nothing here decides
//! anything; it only formats what analysis returned.

pub mod compare;
pub mod dot;
pub mod escape;
pub mod graphviz;
pub mod json;
pub mod support_report;
pub mod terminal;
