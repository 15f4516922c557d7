//! Arbitrary bytes through load + check + support + DOT render: nothing may panic, every
//! diagnostic must be located, the DOT must parse back, and the DOT written statement by
//! statement (`render --format dot`) must be the printed graph.
#![no_main]

use argmap::analyse::{support, Analysed};
use argmap::parse::load::load_bytes;
use argmap::parse::source_text::SourceLoad;
use argmap::present::dot;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

const SOURCE: &str = "We argue here that the thesis holds, as the record shows.\nA second line, with a hyphen-\nated word and a footnote.1 The end.";

fuzz_target!(|data: &[u8]| {
    let file = load_bytes(Path::new("fuzz.yaml"), data.to_vec());
    let diagnostics = argmap::check(std::slice::from_ref(&file), [SourceLoad::Text(SOURCE.into())])
        .expect("the text is held");
    for d in &diagnostics {
        assert!(d.position().is_some(), "unlocated diagnostic {d:?}");
    }
    if let Some(m) = Analysed::new(&file) {
        let _ = support::report(&m.graph, m.support());
        let maps = [dot::DiagramMap {
            map: &m,
            visible: None,
            focus: None,
        }];
        let text = dot::print(&dot::graph(&maps, &[], None));
        assert!(graphviz_rust::parse(&text).is_ok(), "DOT does not parse back:\n{text}");
        let mut written = Vec::new();
        dot::write(&maps, &[], None, &mut written).expect("writes to a Vec");
        assert_eq!(String::from_utf8_lossy(&written), text);
    }
});
