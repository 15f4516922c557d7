//! Arbitrary bytes through load + check + support + DOT render: nothing may panic, every
//! diagnostic must be located, and the DOT must parse back.
#![no_main]

use argmap::analyse::{self, support, Analysed};
use argmap::parse::load::load_bytes;
use argmap::parse::source_text::SourceLoad;
use argmap::present::dot;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

const SOURCE: &str = "We argue here that the thesis holds, as the record shows.\nA second line, with a hyphen-\nated word and a footnote.1 The end.";

fuzz_target!(|data: &[u8]| {
    let file = load_bytes(Path::new("fuzz.yaml"), data.to_vec());
    let diagnostics = analyse::check(std::slice::from_ref(&file), vec![SourceLoad::Text(SOURCE.into())]);
    for d in &diagnostics {
        assert!(d.line >= 1 && d.column >= 1, "unlocated diagnostic {d:?}");
    }
    if let Some(m) = Analysed::new(&file) {
        let _ = support::report(&m.graph, &m.support);
        let g = dot::graph(&[dot::DiagramMap { map: &m, visible: None }], &[], None);
        let text = dot::print(&g);
        assert!(graphviz_rust::parse(&text).is_ok(), "DOT does not parse back:\n{text}");
    }
});
