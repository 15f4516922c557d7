//! AIF, the Argument Interchange Format (AIF JSON, as AIFdb and OVA write it): its
//! model, its import into a map, and the export of a map. One folder for one format,
//! whose parts sit in different stages:
//!
//! * `import` — AIF JSON read into a map: the **parse** stage. It holds the serde types
//!   of AIF and of the map it writes for now, and imports only `parse` (ids and links);
//!   never `graph`, `analyse` or `present`.
//! * [`export`] — an analysed map written as AIF JSON: a **presenter** (the present
//!   stage). It reads the inferences analysis computed ([`crate::analyse::Analysed`]) and
//!   decides nothing.
//!
//! So no lower stage imports a higher one: `app` calls [`import()`] and then
//! `present::map_yaml` writes the imported map; `render --format aif` calls
//! [`export::render`].

pub mod export;
pub mod import;

pub use import::{import, parse, AifError, Imported};
