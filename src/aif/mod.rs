//! AIF, the Argument Interchange Format (AIF JSON, as AIFdb and OVA write it): its
//! model, its import into a map, and the export of a map. One folder for one format,
//! whose parts sit in different stages:
//!
//! * [`model`] — the AIF JSON types (serde) and [`parse`]: plain data, shared by import
//!   and export.
//! * [`map_out`] — the map as `argmap import` writes it (`MapOut`): plain data, built
//!   by the import and written as YAML by `present::map_yaml`.
//! * [`import`](mod@import) — AIF read into a map: the **parse** stage, in steps of one
//!   function each; `read` (the document read: roles, I-nodes, edges, what the S-nodes
//!   say) and `links` (the links `check` accepts, linked premises) hold its first steps.
//!   They import only the model, `map_out` and `parse` (the rules of ids and links);
//!   never `graph`, `analyse` or `present` (a test below keeps it so).
//! * [`export`] — an analysed map written as AIF JSON: a **presenter** (the present
//!   stage). It draws the inferences analysis computed once
//!   ([`crate::analyse::Analysed::inferences`]) and decides nothing.
//!
//! So no lower stage imports a higher one: the CLI (`src/cli/import.rs`, in the binary)
//! calls [`parse`] and [`import()`], then `present::map_yaml` writes the imported map;
//! `render --format aif` calls [`export::render`] through the library's `argmap::export`.
//! In the crate, nothing but that root API (`src/api.rs`) uses `export`.

pub mod export;
pub mod import;
mod links;
pub mod map_out;
pub mod model;
mod read;
mod schemes;

pub use import::{import, Imported};
pub use model::{parse, AifError};

#[cfg(test)]
mod tests {
    /// The parse-stage parts of the folder (model, map_out, read, links, import) name no
    /// later stage: no code line with a `crate::` or `super::` path has `graph`,
    /// `analyse`, `present`, `app` or `export` among the names after it.
    #[test]
    fn model_map_out_and_import_import_no_later_stage() {
        for (file, text) in [
            ("model.rs", include_str!("model.rs")),
            ("map_out.rs", include_str!("map_out.rs")),
            ("import.rs", include_str!("import.rs")),
            ("read.rs", include_str!("read.rs")),
            ("links.rs", include_str!("links.rs")),
        ] {
            for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
                let Some(at) = line.find("crate::").or_else(|| line.find("super::")) else {
                    continue;
                };
                let names = line[at..].split(|c: char| !(c.is_alphanumeric() || c == '_'));
                for name in names {
                    assert!(
                        !["graph", "analyse", "present", "app", "export"].contains(&name),
                        "{file} names {name}: {line}"
                    );
                }
            }
        }
    }
}
