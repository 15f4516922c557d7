//! The JSON Schema of the map format (`argmap schema`), for editors (yaml-language-server
//! and the like).
//!
//! Written by hand, next to the hand-written visitors of `model/`, because it must say
//! exactly what the loader and the `schema` rule accept, no more and no less: a map the
//! loader reads without a `schema` or `yaml-syntax` error validates, and one with such an
//! error does not (except for what JSON cannot see: a key given twice). In particular:
//!
//! - text fields are scalars: a string, a number or a boolean, read as the text written
//!   (`at: 1.10` is `1.10`, `by: true` is `true`), and `null` where an empty value is
//!   allowed; `text` is required and not blank;
//! - a citation is a source id (`cites: [smith-2001]`) or `{source, at, footnote}`;
//! - ids (the keys of `sources`, `claims`, `evidence` and `rebuttals`) match
//!   [`NODE_ID_PATTERN`], the map id [`MAP_ID_PATTERN`];
//! - `undercuts` items are links `A -> B`, `same_as` items `map-id:NODE`;
//! - `thesis` is allowed on claims only; unknown fields are errors everywhere.
//!
//! `tests/it/schema.rs` checks it with a JSON Schema validator against every fixture,
//! generated maps, the essay maps and a set of invalid maps.

use serde_json::{json, Value};

/// A node or source id: `[A-Za-z0-9][A-Za-z0-9_.-]*` (see `valid_node_id`).
pub const NODE_ID_PATTERN: &str = "^[A-Za-z0-9][A-Za-z0-9_.-]*$";
/// A map id: `[a-z0-9][a-z0-9-]*` (see `valid_map_id`).
pub const MAP_ID_PATTERN: &str = "^[a-z0-9][a-z0-9-]*$";
/// White space as `str::trim` has it (Unicode's White_Space), for a character class:
/// spelled out because the `\s` of JSON Schema's regular expressions (ECMA-262's) is
/// another set (it has U+FEFF, not U+0085).
const WS: &str = r"\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";

/// Not blank: what `text`, and a source's `title` or `note`, must be.
fn not_blank_pattern() -> String {
    format!("[^{WS}]")
}

/// An `undercuts` item: ids joined by `->`, `A -> B` or, right-associatively, `U -> A ->
/// B` (as `parse::ids::parse_chain` splits it): an arrow, and no blank piece
/// ([`blank_piece_pattern`], negated).
fn link_pattern() -> String {
    "->".to_string()
}

/// A blank piece of a link string (before the first arrow, between two, after the last),
/// which makes an `undercuts` item malformed.
fn blank_piece_pattern() -> String {
    format!(r"^[{WS}]*->|->[{WS}]*->|->[{WS}]*$")
}

/// A `same_as` item: `map-id:NODE`, both parts not blank (split at the first `:`).
fn same_as_pattern() -> String {
    format!(r"^[^:]*[^:{WS}][^:]*:[\s\S]*[^{WS}]")
}

/// The schema, as a JSON value (draft 2020-12): the map's root, with the definitions of
/// its parts.
pub fn json_schema() -> Value {
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "argmap map",
        "description": "An argument map: claims, evidence (with citations and quotes) and rebuttals of a text.",
        "type": "object",
        "properties": map_properties(),
        "required": ["id"],
        "additionalProperties": false,
        "$defs": {
            "scalar": scalar(),
            "reference": reference(),
            "cite": cite(),
            "source": source(),
            "group": group(),
            "claim": claim(),
            "node": node(),
            "scheme": scheme()
        }
    })
}

/// The fields of the map's root: its id, title and source, and the four sections.
fn map_properties() -> Value {
    let section = |description: &str, entry: &str| {
        json!({
            "description": description,
            "type": ["object", "null"],
            "propertyNames": { "pattern": NODE_ID_PATTERN },
            "additionalProperties": { "$ref": format!("#/$defs/{entry}") }
        })
    };
    json!({
        "id": {
            "description": "The map id: `[a-z0-9][a-z0-9-]*` (required).",
            "anyOf": [
                { "type": "string", "pattern": MAP_ID_PATTERN },
                { "type": "integer", "minimum": 0 },
                { "type": "boolean" }
            ]
        },
        "title": { "description": "A title for people.", "$ref": "#/$defs/scalar" },
        "source": {
            "description": "The text quotes are checked against, relative to the map file (null: none).",
            "type": ["string", "number", "boolean", "null"]
        },
        "include": {
            "description": "More files of the same map, relative to this file: their sources, claims, evidence and rebuttals are merged into the map (ids unique across the files). An included file may have `include` of its own, and `id` only if it is the including map's.",
            "type": ["array", "null"],
            "items": { "$ref": "#/$defs/scalar" }
        },
        "sources": section("Works cited: id -> entry.", "source"),
        "claims": section("Claims: id -> claim.", "claim"),
        "evidence": section("Evidence: id -> evidence; it should cite a source.", "node"),
        "rebuttals": section(
            "Rebuttals: id -> rebuttal; it must attack or undercut something.",
            "node"
        ),
        "groups": section(
            "Groups (chapters, sections, themes): id -> group; nodes are placed in one with `group:`. Group ids are their own namespace.",
            "group"
        ),
        "schemes": {
            "description": "Argument schemes: `\"A -> B\": scheme-id` gives the argument that carries the link A -> B its scheme; an id with a mapping defines a scheme of the map's own.",
            "type": ["object", "null"],
            "patternProperties": {
                "->": {
                    "description": "The scheme of the argument carrying this link: a built-in scheme (`argmap schemes`) or one of the map's own.",
                    "type": ["string", "number", "boolean", "null"]
                }
            },
            "additionalProperties": { "$ref": "#/$defs/scheme" }
        }
    })
}

/// A scheme a map defines in `schemes:`.
fn scheme() -> Value {
    json!({
        "description": "A scheme of the map's own: its title, premise roles, conclusion and critical questions.",
        "type": "object",
        "properties": {
            "title": { "description": "Its name for people.", "$ref": "#/$defs/scalar" },
            "premises": {
                "description": "Its premise roles, in order.",
                "type": ["array", "null"],
                "items": { "$ref": "#/$defs/scalar" }
            },
            "conclusion": { "description": "What such an argument concludes.", "$ref": "#/$defs/scalar" },
            "questions": {
                "description": "Its critical questions: id (`CQ-...`) -> question; `answers: ID` on an attack or undercut answers one.",
                "type": ["object", "null"],
                "propertyNames": { "pattern": NODE_ID_PATTERN },
                "additionalProperties": { "$ref": "#/$defs/scalar" }
            }
        },
        "additionalProperties": false
    })
}

/// A text field's value: a scalar read as the text written.
fn scalar() -> Value {
    json!({
        "description": "A string, a number or a boolean, read as the text written.",
        "type": ["string", "number", "boolean", "null"]
    })
}

/// An item of `supports`, `attacks` and `with`, and a citation's `source`.
fn reference() -> Value {
    json!({
        "description": "The id of a node of this map (a null names none: `check` reports it as a dangling reference, not a schema error).",
        "type": ["string", "number", "boolean", "null"]
    })
}

/// A `cites` item: the short form (an id) or the long one.
fn cite() -> Value {
    json!({
        "description": "A citation: a source id, or `{source, at, footnote}`.",
        "anyOf": [
            {
                "description": "A source id (short form), read as the text written.",
                "type": ["string", "number", "boolean"]
            },
            {
                "description": "The long form: a source id, a page and a footnote number.",
                "type": "object",
                "properties": {
                    "source": {
                        "description": "The id of a source of this map.",
                        "$ref": "#/$defs/reference"
                    },
                    "at": {
                        "description": "Where in the source: a page, a range.",
                        "$ref": "#/$defs/scalar"
                    },
                    "footnote": {
                        "description": "The footnote number in the essay.",
                        "$ref": "#/$defs/scalar"
                    }
                },
                "required": ["source"],
                "additionalProperties": false
            }
        ]
    })
}

/// A `sources` entry: it needs a title or a note that is not blank.
fn source() -> Value {
    let not_blank = |field: &str| {
        json!({
            "required": [field],
            "properties": {
                field: { "anyOf": [
                    { "type": "string", "pattern": not_blank_pattern() },
                    { "type": ["number", "boolean"] }
                ] }
            }
        })
    };
    json!({
        "description": "A work cited; it needs a `title` or a `note`.",
        "type": "object",
        "properties": {
            "author": { "$ref": "#/$defs/scalar" },
            "title": { "description": "The title.", "$ref": "#/$defs/scalar" },
            "year": { "$ref": "#/$defs/scalar" },
            "publisher": { "$ref": "#/$defs/scalar" },
            "url": { "$ref": "#/$defs/scalar" },
            "note": {
                "description": "What is known of the source when its title is not (e.g. a lost footnote).",
                "$ref": "#/$defs/scalar"
            }
        },
        "anyOf": [not_blank("title"), not_blank("note")],
        "additionalProperties": false
    })
}

/// A `groups` entry: a title that is not blank, an optional parent (`in`) and `note`.
fn group() -> Value {
    json!({
        "description": "A group of nodes: a chapter, a section, a theme.",
        "type": "object",
        "properties": {
            "title": {
                "description": "The group's heading (required, not blank).",
                "anyOf": [
                    { "type": "string", "pattern": not_blank_pattern() },
                    { "type": ["number", "boolean"] }
                ]
            },
            "in": {
                "description": "The id of the parent group (`groups` of this map).",
                "$ref": "#/$defs/scalar"
            },
            "note": { "description": "A note for people.", "$ref": "#/$defs/scalar" }
        },
        "required": ["title"],
        "additionalProperties": false
    })
}

/// An evidence item or a rebuttal: the node fields, without `thesis`.
fn node() -> Value {
    json!({
        "description": "An evidence item or a rebuttal.",
        "type": "object",
        "properties": node_properties(),
        "required": ["text"],
        "additionalProperties": false
    })
}

/// A claim: the node fields and `thesis`.
fn claim() -> Value {
    let mut properties = node_properties();
    properties["thesis"] = json!({
        "description": "This claim is (one of) the map's main thesis.",
        "type": "boolean"
    });
    json!({
        "description": "A claim.",
        "type": "object",
        "properties": properties,
        "required": ["text"],
        "additionalProperties": false
    })
}

/// The fields every claim, evidence item and rebuttal may have.
fn node_properties() -> Value {
    let id_list = |description: &str| {
        json!({
            "description": description,
            "type": ["array", "null"],
            "items": { "$ref": "#/$defs/reference" }
        })
    };
    json!({
        "text": {
            "description": "What the node says, in one sentence (required, not blank).",
            "anyOf": [
                { "type": "string", "pattern": not_blank_pattern() },
                { "type": ["number", "boolean"] }
            ]
        },
        "quote": {
            "description": "A verbatim passage of the map's `source`.",
            "$ref": "#/$defs/scalar"
        },
        "by": {
            "description": "Who holds the claim (default: the author of the text).",
            "$ref": "#/$defs/scalar"
        },
        "note": { "description": "A note for people.", "$ref": "#/$defs/scalar" },
        "supports": id_list("Ids of nodes of this map that this node supports."),
        "attacks": id_list("Ids of nodes of this map that this node attacks."),
        "with": id_list("Co-premises of a linked argument: ids of nodes of this map."),
        "undercuts": {
            "description": "Links `A -> B` (A supports or attacks B) whose inference this node attacks; `U -> A -> B` names the link by which U undercuts `A -> B` (right-associative, any depth).",
            "type": ["array", "null"],
            "items": {
                "type": "string",
                "pattern": link_pattern(),
                "not": { "pattern": blank_piece_pattern() }
            }
        },
        "same_as": {
            "description": "`other-map-id:NODE`: the same proposition in another map.",
            "type": ["array", "null"],
            "items": { "type": "string", "pattern": same_as_pattern() }
        },
        "contradicts": {
            "description": "`other-map-id:NODE`: a node of another map that this node contradicts (within one map, an attack says it).",
            "type": ["array", "null"],
            "items": { "type": "string", "pattern": same_as_pattern() }
        },
        "group": {
            "description": "The id of the group (`groups` of this map) the node is placed in.",
            "$ref": "#/$defs/scalar"
        },
        "cites": {
            "description": "Sources this node cites: `ID` or `{source: ID, at: \"page\", footnote: N}`.",
            "type": ["array", "null"],
            "items": { "$ref": "#/$defs/cite" }
        },
        "implicit": {
            "description": "A premise the text leaves unstated (the analyst's reconstruction); it carries no quote.",
            "type": "boolean"
        },
        "scheme": {
            "description": "The argumentation scheme of each argument this node is a premise of (`argmap schemes` lists the built-in ones).",
            "$ref": "#/$defs/scalar"
        },
        "answers": {
            "description": "The critical question (`CQ-...`) of the scheme of the argument this attack or undercut bears on that it answers.",
            "$ref": "#/$defs/scalar"
        }
    })
}
