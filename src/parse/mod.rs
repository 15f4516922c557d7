//! Parse: YAML text to the typed map, and positions in the text for diagnostics.
pub mod completion;
pub mod deserializer;
pub mod document;
pub mod ids;
pub mod include;
pub mod load;
pub mod model;
pub mod position;
pub mod schema;
pub mod source_text;
pub use load::{load_file, load_str, MapFile};
pub use model::{Cite, Map, Node, Section, SourceDetails, SourceEntry};
