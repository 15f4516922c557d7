//! Claims, evidence items and rebuttals: [`Node`], with its rare fields boxed apart.

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;

use super::fields::{
    opt_text, read_fields, set, set_opt, struct_visitor, Bool, IdList, ScalarString,
};
use super::source::Cite;
use super::{FieldProblem, Id};

/// A claim, an evidence item or a rebuttal.
// The fields most nodes leave out live in `NodeMore`, boxed, so that a node without them
// takes half the memory (136 bytes instead of 272; a map holds up to millions of nodes):
// read them through the accessors (`Node::by`, `Node::undercuts`, ...).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Node {
    /// What the node says, in one sentence (required, non-empty).
    pub text: Option<Box<str>>,
    /// A verbatim passage of the map's `source`.
    pub quote: Option<Box<str>>,
    /// This claim is (one of) the map's main thesis.
    pub thesis: Option<bool>,
    // Texts and lists are boxed (`Box<str>`, `Box<[T]>`), not `String`s and `Vec`s: 8 bytes
    // less each, for a value that every node of a large map has (docs/performance.md).
    /// Ids this node supports.
    pub supports: Box<[Id]>,
    /// Ids this node attacks.
    pub attacks: Box<[Id]>,
    /// Sources this node cites.
    pub cites: Box<[Cite]>,
    /// The rarely given fields; `None` when the node has none of them.
    pub more: Option<Box<NodeMore>>,
}

/// The fields of a node that most nodes leave out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NodeMore {
    /// Who holds the claim (default: the author of the text).
    pub by: Option<String>,
    /// A remark of the map's author (`note`).
    pub note: Option<String>,
    /// Links `A -> B` whose inference this node attacks.
    pub undercuts: Vec<Id>,
    /// Co-premises of a linked argument.
    pub with: Vec<Id>,
    /// `other-map-id:NODE`: the same proposition in another map.
    pub same_as: Vec<Id>,
    /// `other-map-id:NODE`: a node of another map that this node contradicts.
    pub contradicts: Vec<Id>,
    /// `implicit: true`: a premise the text leaves unstated (the analyst's reconstruction).
    pub implicit: Option<bool>,
    /// `scheme`: the argumentation scheme of each argument this node is a premise of.
    pub scheme: Option<Id>,
    /// `answers`: the critical question this attack or undercut answers.
    pub answers: Option<Id>,
    /// The group the node is placed in (`group:`), as written.
    pub group: Option<Id>,
    /// Unknown or repeated keys of the node.
    pub problems: Vec<FieldProblem>,
}

impl Node {
    fn set_problems(&mut self, problems: Vec<FieldProblem>) {
        if !problems.is_empty() {
            self.more_mut().problems = problems;
        }
    }

    /// Who holds the claim, when the map says.
    pub fn by(&self) -> Option<&str> {
        self.more.as_ref().and_then(|m| m.by.as_deref())
    }
    /// The node's `note`, when it has one.
    pub fn note(&self) -> Option<&str> {
        self.more.as_ref().and_then(|m| m.note.as_deref())
    }
    /// Links `A -> B` whose inference this node attacks.
    pub fn undercuts(&self) -> &[Id] {
        self.more.as_ref().map_or(&[], |m| &m.undercuts)
    }
    /// Co-premises of a linked argument.
    pub fn with(&self) -> &[Id] {
        self.more.as_ref().map_or(&[], |m| &m.with)
    }
    /// `other-map-id:NODE` references.
    pub fn same_as(&self) -> &[Id] {
        self.more.as_ref().map_or(&[], |m| &m.same_as)
    }
    /// `other-map-id:NODE` references to the nodes of other maps this node contradicts.
    pub fn contradicts(&self) -> &[Id] {
        self.more.as_ref().map_or(&[], |m| &m.contradicts)
    }
    /// Whether the node is marked `implicit: true`.
    pub fn implicit(&self) -> bool {
        self.more.as_ref().is_some_and(|m| m.implicit == Some(true))
    }
    /// The scheme its arguments follow (`scheme:`), when it names one.
    pub fn scheme(&self) -> Option<&str> {
        self.more.as_ref().and_then(|m| m.scheme.as_deref())
    }
    /// The critical question it answers (`answers:`), when it names one.
    pub fn answers(&self) -> Option<&str> {
        self.more.as_ref().and_then(|m| m.answers.as_deref())
    }
    /// The id of the group the node is placed in (`group:`), as written.
    pub fn group(&self) -> Option<&str> {
        self.more.as_ref().and_then(|m| m.group.as_deref())
    }
    /// Unknown and repeated fields met while reading the node.
    pub fn problems(&self) -> &[FieldProblem] {
        self.more.as_ref().map_or(&[], |m| &m.problems)
    }
    /// The rare fields, created empty when the node has none yet.
    pub fn more_mut(&mut self) -> &mut NodeMore {
        self.more.get_or_insert_with(Default::default)
    }
}

/// The keys of a claim, evidence item or rebuttal.
pub(crate) const NODE_FIELDS: &[&str] = &[
    "text",
    "quote",
    "by",
    "note",
    "thesis",
    "supports",
    "attacks",
    "undercuts",
    "with",
    "cites",
    "same_as",
    "contradicts",
    "implicit",
    "scheme",
    "answers",
    "group",
];

struct_visitor!(
    Node,
    "a node (a mapping with text, ...)",
    NODE_FIELDS,
    |key, m, out, p| {
        match key {
            "text" => set(
                &mut out.text,
                m.next_value::<ScalarString>()?.0.into(),
                key,
                p,
            ),
            "quote" => set(
                &mut out.quote,
                m.next_value::<ScalarString>()?.0.into(),
                key,
                p,
            ),
            "by" | "note" => {
                let v = opt_text(m)?;
                // A null needs no box, unless it repeats a field given before.
                if v.is_some() || out.more.is_some() {
                    let more = out.more_mut();
                    let slot = if key == "by" {
                        &mut more.by
                    } else {
                        &mut more.note
                    };
                    set_opt(slot, v, key, p);
                }
            }
            "group" => {
                let v = opt_text(m)?.map(Id::from);
                if v.is_some() || out.more.is_some() {
                    set_opt(&mut out.more_mut().group, v, key, p);
                }
            }
            "thesis" => set(&mut out.thesis, m.next_value::<Bool>()?.0, key, p),
            "implicit" => {
                let v = m.next_value::<Bool>()?.0;
                set(&mut out.more_mut().implicit, v, key, p);
            }
            "scheme" | "answers" => {
                let v = Id::from(m.next_value::<ScalarString>()?.0);
                let more = out.more_mut();
                let slot = if key == "scheme" {
                    &mut more.scheme
                } else {
                    &mut more.answers
                };
                set(slot, v, key, p);
            }
            "cites" => {
                let v: IdList<Cite> = m.next_value()?;
                if !out.cites.is_empty() {
                    set(&mut Some(()), (), key, p);
                } else {
                    out.cites = v.0.into_boxed_slice();
                }
            }
            _ => {
                let v: IdList<ScalarString> = m.next_value()?;
                if v.0.is_empty() && out.more.is_none() && !matches!(key, "supports" | "attacks") {
                    // An empty list of a rare field needs no box (an empty list counts as
                    // not given, here as below).
                    return Ok(());
                }
                let ids = || v.0.into_iter().map(|s| Id::from(s.0));
                let list = match key {
                    "supports" => Some(&mut out.supports),
                    "attacks" => Some(&mut out.attacks),
                    _ => None,
                };
                if let Some(list) = list {
                    if list.is_empty() {
                        *list = ids().collect();
                    } else {
                        set(&mut Some(()), (), key, p);
                    }
                    return Ok(());
                }
                let slot = match key {
                    "undercuts" => &mut out.more_mut().undercuts,
                    "with" => &mut out.more_mut().with,
                    "contradicts" => &mut out.more_mut().contradicts,
                    _ => &mut out.more_mut().same_as,
                };
                if slot.is_empty() {
                    *slot = ids().collect();
                } else {
                    set(&mut Some(()), (), key, p);
                }
            }
        }
        Ok(())
    }
);
