//! Argumentation schemes in AIF: an RA (or CA) node's `scheme` member, as AIFdb writes
//! it (`"scheme": "PositionToKnow"`), mapped to the catalogue's ids and back
//! ([`crate::analyse::schemes::from_aif`]).

use super::links::Link;
use super::map_out::SchemeOut;
use super::read::{Document, Role};
use crate::analyse::schemes::{from_aif, Applied, SchemeRef};
use indexmap::{IndexMap, IndexSet};

/// The `scheme` member and the text of an argument's S-node: for a built-in scheme its
/// AIFdb name and its title, for one of the map's own its id and title (an unknown name
/// as written, twice).
pub(super) fn aif_scheme(a: Option<&Applied>) -> Option<(String, String)> {
    let a = a?;
    Some(match a.scheme {
        Some(SchemeRef::Builtin(s)) => (
            s.aif.clone().unwrap_or_else(|| s.id.clone()),
            s.title.clone(),
        ),
        Some(own @ SchemeRef::Own(id, _)) => (id.to_string(), own.title().to_string()),
        None => (a.name.to_string(), a.name.to_string()),
    })
}

/// A scheme name AIFdb gives that the catalogue lacks, as an id of the map's own:
/// lowercase letters and digits, other runs as `-` (`Argument From Bias` → `bias`...).
fn own_id(name: &str) -> String {
    let mut id = String::new();
    let lower = name.trim().to_ascii_lowercase();
    let lower = lower.strip_prefix("argument from ").unwrap_or(&lower);
    for c in lower.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-');
    if id.is_empty() {
        "scheme".to_string()
    } else {
        id.to_string()
    }
}

/// The `schemes:` of a map imported from a document argmap did not export: for each RA
/// or CA node with a `scheme` (other than AIFdb's "Default ..."), the scheme of the
/// first link of the map it carries, keyed `"P -> T"`; a name the catalogue lacks is
/// defined as a scheme of the map's own (its title the name, no question).
pub(super) fn found_schemes(
    doc: &Document,
    links: &IndexSet<Link>,
    ids: &[String],
) -> IndexMap<String, SchemeOut> {
    let mut out: IndexMap<String, SchemeOut> = IndexMap::new();
    let mut own: IndexMap<String, SchemeOut> = IndexMap::new();
    for (s, &r) in doc.roles.iter().enumerate() {
        if !matches!(r, Role::Ra | Role::Ca) {
            continue;
        }
        let Some(name) = doc.aif.nodes[s]
            .scheme
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty() && !n.to_ascii_lowercase().starts_with("default"))
        else {
            continue;
        };
        let attack = r == Role::Ca;
        let premises = doc.premises(s);
        let link = doc.outs[s]
            .iter()
            .filter(|&&t| doc.roles[t] == Role::I)
            .map(|t| doc.ipos[t])
            .find_map(|t| {
                premises
                    .iter()
                    .find(|&&p| links.contains(&(p, t, attack)))
                    .map(|&p| (p, t))
            });
        let Some((p, t)) = link else {
            continue;
        };
        let id = match from_aif(name) {
            Some(b) => b.id.clone(),
            None => {
                let id = own_id(name);
                own.entry(id.clone()).or_insert_with(|| SchemeOut::Define {
                    title: Some(name.to_string()),
                    premises: Vec::new(),
                    conclusion: None,
                    questions: IndexMap::new(),
                });
                id
            }
        };
        out.insert(format!("{} -> {}", ids[p], ids[t]), SchemeOut::Link(id));
    }
    out.extend(own);
    out
}
