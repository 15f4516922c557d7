//! An editor's view of a map document: where every id is written (its definition and
//! each reference, with the span of the id itself), where every scalar ends, and the
//! outline (the top-level fields and the entries of each section). One walk of
//! yaml-rust2's events, linear in the document whatever its shape; a document that stops
//! being YAML part-way keeps what was read before the error (an editor's text is often
//! half-typed).
//!
//! Which fields hold ids is one table, [`ID_FIELDS`] (and [`ID_SECTIONS`] for the
//! sections whose keys declare them): a field of the format that names ids is one line
//! there, and definition, references, rename, hover and completion follow.

use crate::diagnostic::Position;
use std::collections::HashMap;
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// What an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IdKind {
    /// A claim, evidence or rebuttal.
    Node,
    /// An entry of `sources`.
    Source,
    /// A map (its top-level `id`, or the `map` of a `map:NODE` reference).
    Map,
    /// An entry of `groups` (their own namespace: a group and a node may share an id).
    Group,
    /// An argumentation scheme: one of the map's own (declared in `schemes:`) or of the
    /// built-in catalogue (declared nowhere in the map).
    Scheme,
    /// A critical question of a scheme (`answers:`; declared under a scheme's
    /// `questions:`, or built in).
    Question,
}

/// How a field writes its ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdForm {
    /// A node id.
    Node,
    /// A source id.
    Source,
    /// A link `A -> B` (any number of `->`): each part a node id.
    Link,
    /// `map:NODE`: a map id and a node of that map.
    MapNode,
    /// A group id.
    Group,
    /// A scheme id.
    Scheme,
    /// A critical question's id.
    Question,
}

/// A field of an entry whose value (a scalar or a list of them) holds ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IdField {
    /// Whose field it is: a node's ([`IdKind::Node`]) or a group's ([`IdKind::Group`]).
    pub owner: IdKind,
    /// The field's key.
    pub field: &'static str,
    /// For a list of mappings (the long form of a citation), the key of each item that
    /// holds the id; the short form (a plain scalar item) is read too.
    pub item_key: Option<&'static str>,
    /// How the id is written.
    pub form: IdForm,
}

/// The fields whose values are ids, whose fields they are, and which kind of id: one
/// entry per field.
pub const ID_FIELDS: &[IdField] = &[
    IdField {
        owner: IdKind::Node,
        field: "supports",
        item_key: None,
        form: IdForm::Node,
    },
    IdField {
        owner: IdKind::Node,
        field: "attacks",
        item_key: None,
        form: IdForm::Node,
    },
    IdField {
        owner: IdKind::Node,
        field: "with",
        item_key: None,
        form: IdForm::Node,
    },
    IdField {
        owner: IdKind::Node,
        field: "undercuts",
        item_key: None,
        form: IdForm::Link,
    },
    IdField {
        owner: IdKind::Node,
        field: "cites",
        item_key: Some("source"),
        form: IdForm::Source,
    },
    IdField {
        owner: IdKind::Node,
        field: "same_as",
        item_key: None,
        form: IdForm::MapNode,
    },
    IdField {
        owner: IdKind::Node,
        field: "contradicts",
        item_key: None,
        form: IdForm::MapNode,
    },
    IdField {
        owner: IdKind::Node,
        field: "group",
        item_key: None,
        form: IdForm::Group,
    },
    IdField {
        owner: IdKind::Node,
        field: "scheme",
        item_key: None,
        form: IdForm::Scheme,
    },
    IdField {
        owner: IdKind::Node,
        field: "answers",
        item_key: None,
        form: IdForm::Question,
    },
    IdField {
        owner: IdKind::Group,
        field: "in",
        item_key: None,
        form: IdForm::Group,
    },
];

/// The sections whose keys declare ids, and the kind they declare.
pub const ID_SECTIONS: &[(&str, IdKind)] = &[
    ("claims", IdKind::Node),
    ("evidence", IdKind::Node),
    ("rebuttals", IdKind::Node),
    ("sources", IdKind::Source),
    ("groups", IdKind::Group),
    // A key with `->` is a link (its parts are node ids, its value a scheme id); any other
    // key declares a scheme, whose `questions:` keys declare critical questions.
    ("schemes", IdKind::Scheme),
];

/// The section of schemes, whose keys are links or scheme declarations.
const SCHEMES: &str = "schemes";

/// The [`IdField`] of `field` of an entry of kind `owner`, if its values are ids.
pub fn id_field(owner: IdKind, field: &str) -> Option<&'static IdField> {
    ID_FIELDS
        .iter()
        .find(|f| f.owner == owner && f.field == field)
}

/// The kind of id a section's keys declare, if they declare ids.
pub fn section_kind(section: &str) -> Option<IdKind> {
    ID_SECTIONS
        .iter()
        .find(|(s, _)| *s == section)
        .map(|(_, k)| *k)
}

/// Whether an occurrence declares its id or refers to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The key that declares a node or a source, or the map's `id`.
    Definition,
    /// A reference to it.
    Reference,
}

/// One place where an id is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    /// What the id names.
    pub kind: IdKind,
    /// The id as written.
    pub id: String,
    /// For a node of another map (`map:NODE`), that map's id.
    pub map: Option<String>,
    /// Declaration or reference.
    pub role: Role,
    /// The node (or source) whose field holds a reference; for a definition, the id itself.
    pub owner: String,
    /// The field that holds it (`supports`, `cites`...; the section for a definition,
    /// `id` for the map id).
    pub field: String,
    /// Where the id starts (line and column from 1, the column in characters).
    pub start: Position,
    /// Where it ends (exclusive).
    pub end: Position,
}

impl Occurrence {
    /// Whether `pos` is inside the id (its end included, as an editor's cursor after the
    /// last character is still on the word).
    pub fn contains(&self, pos: Position) -> bool {
        self.start <= pos && pos <= self.end
    }

    /// Whether this occurrence names `kind` `id` of the map `map` (`None`: this
    /// document's own map).
    pub fn names(&self, kind: IdKind, id: &str, map: Option<&str>) -> bool {
        self.kind == kind && self.id == id && self.map.as_deref() == map
    }
}

/// An entry of the outline: a top-level field, or an entry of a section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineEntry {
    /// The key.
    pub name: String,
    /// Where the key starts.
    pub start: Position,
    /// Where its value ends.
    pub end: Position,
    /// The entries of a section (empty for other fields and for the entries themselves).
    pub children: Vec<OutlineEntry>,
}

/// The ids, scalar ends and outline of a document ([`DocumentIndex::build`]).
#[derive(Debug, Default)]
pub struct DocumentIndex {
    /// The end of each scalar and flow collection, by its start (as
    /// [`crate::parse::position::PositionIndex`] gives it).
    ends: HashMap<Position, Position>,
    /// Every id written, in document order.
    pub occurrences: Vec<Occurrence>,
    /// The top-level fields, each section with its entries.
    pub outline: Vec<OutlineEntry>,
    /// Whether the whole document was read (`false`: it stops being YAML somewhere, and
    /// what follows the error is missing).
    pub complete: bool,
}

impl DocumentIndex {
    /// Indexes `text`.
    pub fn build(text: &str) -> DocumentIndex {
        let mut w = Walker::new(text);
        let mut parser = Parser::new_from_str(text);
        loop {
            match parser.next_token() {
                Ok((Event::StreamEnd, _)) => {
                    w.finish(true);
                    break;
                }
                Ok((ev, mark)) => w.on_event(ev, mark),
                Err(_) => {
                    w.finish(false);
                    break;
                }
            }
        }
        w.out
    }

    /// Where the scalar (or flow collection) that starts at `start` ends.
    pub fn end_of(&self, start: Position) -> Option<Position> {
        self.ends.get(&start).copied()
    }

    /// The id written at `pos`.
    pub fn at(&self, pos: Position) -> Option<&Occurrence> {
        // Sorted by start: the last one starting at or before `pos`.
        let i = self.occurrences.partition_point(|o| o.start <= pos);
        self.occurrences[..i]
            .iter()
            .rev()
            .take(2)
            .find(|o| o.contains(pos))
    }

    /// The definition of `kind` `id` in this document (its own map's ids only).
    pub fn definition(&self, kind: IdKind, id: &str) -> Option<&Occurrence> {
        self.occurrences
            .iter()
            .find(|o| o.role == Role::Definition && o.names(kind, id, None))
    }

    /// The references to `kind` `id` of map `map` (`None`: this document's map).
    pub fn references<'a>(
        &'a self,
        kind: IdKind,
        id: &'a str,
        map: Option<&'a str>,
    ) -> impl Iterator<Item = &'a Occurrence> + 'a {
        self.occurrences
            .iter()
            .filter(move |o| o.role == Role::Reference && o.names(kind, id, map))
    }

    /// The map id this document declares (`id:`), as written.
    pub fn map_id(&self) -> Option<&str> {
        self.occurrences
            .iter()
            .find(|o| o.kind == IdKind::Map && o.role == Role::Definition)
            .map(|o| o.id.as_str())
    }
}

/// A step of the path from the root to the current node.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

enum Frame {
    Mapping {
        /// The key read, waiting for its value.
        pending_key: Option<String>,
        flow: Option<Position>,
    },
    Sequence {
        next: usize,
        flow: Option<Position>,
    },
}

/// A block scalar (`|`, `>`) waiting for the next event, whose mark bounds its end.
struct PendingBlock {
    start: Position,
    byte: usize,
}

struct Walker<'t> {
    text: &'t str,
    out: DocumentIndex,
    stack: Vec<Frame>,
    /// The path to the node being read: one step per frame below the root that is inside
    /// a collection (keys are kept only as deep as the id fields go).
    path: Vec<Step>,
    /// A char index and its byte offset, moving forward with the events.
    cursor: (usize, usize),
    /// Byte offsets of the line starts.
    line_starts: Vec<usize>,
    last_end: Position,
    /// The open outline entries: a top-level field, an entry of a section.
    open: [Option<OutlineEntry>; 2],
    block: Option<PendingBlock>,
}

/// How deep the id fields go: `[section, id, field, item, key]`.
const ID_DEPTH: usize = 5;

fn pos(m: &Marker) -> Position {
    Position {
        line: m.line(),
        column: m.col() + 1,
    }
}

/// The position `chars` characters after `p` on the same line.
fn after(p: Position, chars: usize) -> Position {
    Position {
        line: p.line,
        column: p.column + chars,
    }
}

fn is_break(c: char) -> bool {
    c == '\n' || c == '\r'
}

impl<'t> Walker<'t> {
    fn new(text: &'t str) -> Walker<'t> {
        let mut line_starts = vec![0];
        let b = text.as_bytes();
        for (i, &c) in b.iter().enumerate() {
            if c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')) {
                line_starts.push(i + 1);
            }
        }
        Walker {
            text,
            out: DocumentIndex::default(),
            stack: Vec::new(),
            path: Vec::new(),
            cursor: (0, 0),
            line_starts,
            last_end: Position { line: 1, column: 1 },
            open: [None, None],
            block: None,
        }
    }

    /// The byte offset of a marker, from its char index (moving the cursor forward) or,
    /// when it lies behind the cursor, from the start of its line.
    fn byte_of(&mut self, m: &Marker) -> usize {
        let target = m.index();
        let (mut ci, mut bi) = self.cursor;
        if target < ci {
            ci = target.saturating_sub(m.col());
            bi = self
                .line_starts
                .get(m.line().saturating_sub(1))
                .copied()
                .unwrap_or(0);
        }
        let rest = self.text.get(bi..).unwrap_or("");
        bi += offset_of_nth(rest, target - ci);
        self.cursor = (target, bi);
        bi
    }

    fn finish(&mut self, complete: bool) {
        self.flush_block(None);
        for level in (0..2).rev() {
            self.close(level);
        }
        self.out.complete = complete;
        self.out.occurrences.sort_by_key(|o| (o.start, o.end));
    }

    fn close(&mut self, level: usize) {
        if let Some(mut e) = self.open[level].take() {
            e.end = self.last_end.max(e.start);
            if level == 1 {
                if let Some(parent) = self.open[0].as_mut() {
                    parent.children.push(e);
                }
            } else {
                self.out.outline.push(e);
            }
        }
    }

    /// The end of the block scalar waiting for it: the last character that is not white
    /// space before `next` (the byte offset of the next event), or the end of the text.
    fn flush_block(&mut self, next: Option<usize>) {
        let Some(b) = self.block.take() else {
            return;
        };
        let limit = next.unwrap_or(self.text.len()).max(b.byte);
        let body = self.text.get(b.byte..limit).unwrap_or("");
        let trimmed = body.trim_end();
        let end = advance(b.start, trimmed);
        self.set_end(b.start, end);
    }

    fn set_end(&mut self, start: Position, end: Position) {
        self.out.ends.insert(start, end);
        if end > self.last_end {
            self.last_end = end;
        }
    }

    fn on_event(&mut self, ev: Event, mark: Marker) {
        if self.block.is_some() {
            let next = self.byte_of(&mark);
            self.flush_block(Some(next));
        }
        match ev {
            Event::Scalar(value, style, _, _) => self.scalar(&value, style, &mark),
            Event::Alias(_) => {
                // An alias is neither an id nor a key worth indexing: keep the frames right.
                self.enter_node();
                self.leave_node();
            }
            Event::MappingStart(..) => {
                let flow = self.flow_at(&mark);
                self.enter_node();
                self.stack.push(Frame::Mapping {
                    pending_key: None,
                    flow,
                });
            }
            Event::SequenceStart(..) => {
                let flow = self.flow_at(&mark);
                self.enter_node();
                self.stack.push(Frame::Sequence { next: 0, flow });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                let flow = match self.stack.pop() {
                    Some(Frame::Mapping { flow, .. } | Frame::Sequence { flow, .. }) => flow,
                    None => None,
                };
                if let Some(start) = flow {
                    self.set_end(start, after(pos(&mark), 1));
                }
                // The entries of a section end with it.
                if self.stack.len() == 1 {
                    self.close(1);
                }
                self.leave_node();
            }
            _ => {}
        }
    }

    /// A flow collection starts at a bracket.
    fn flow_at(&mut self, mark: &Marker) -> Option<Position> {
        let b = self.byte_of(mark);
        matches!(self.text.as_bytes().get(b), Some(b'[' | b'{')).then(|| pos(mark))
    }

    /// Called before a node that is not a scalar key (a value, an item, a collection) is
    /// read: pushes its path step.
    fn enter_node(&mut self) {
        match self.stack.last_mut() {
            Some(Frame::Sequence { next, .. }) => {
                let i = *next;
                *next += 1;
                self.path.push(Step::Index(i));
            }
            Some(Frame::Mapping { pending_key, .. }) => match pending_key.take() {
                Some(k) => self.path.push(Step::Key(k)),
                // A collection used as a key: a step no id field has.
                None => {
                    *pending_key = Some("?".into());
                    self.path.push(Step::Key("?".into()));
                    // The key's own node: leave_node pops it, and the value that follows
                    // finds the pending key.
                }
            },
            None => {}
        }
    }

    /// Called after a node is read: pops its step.
    fn leave_node(&mut self) {
        self.path.pop();
    }

    fn scalar(&mut self, value: &str, style: TScalarStyle, mark: &Marker) {
        let start = pos(mark);
        let byte = self.byte_of(mark);
        let is_key = matches!(
            self.stack.last(),
            Some(Frame::Mapping {
                pending_key: None,
                ..
            })
        );
        let depth = self.stack.len();
        if is_key && depth <= 2 {
            // A new key closes the entries before it (before its own end counts).
            for l in (depth - 1..2).rev() {
                self.close(l);
            }
        }
        // Its end.
        match style {
            TScalarStyle::Literal | TScalarStyle::Folded => {
                self.block = Some(PendingBlock { start, byte });
            }
            _ => {
                // A plain value not written at all (`text:`) has no extent.
                if !(value.is_empty() && style == TScalarStyle::Plain) {
                    let raw = self.text.get(byte..).unwrap_or("");
                    if let Some(end) = scalar_end(raw, value, style).map(|r| advance(start, r)) {
                        self.set_end(start, end);
                    }
                }
            }
        }
        if is_key {
            if depth <= 2 {
                let level = depth - 1;
                if level == 1 && self.open[0].is_none() {
                    // An entry of no open top-level field (not possible in a mapping
                    // document): nothing to hang it on.
                } else {
                    self.open[level] = Some(OutlineEntry {
                        name: value.to_string(),
                        start,
                        end: start,
                        children: Vec::new(),
                    });
                }
            }
            if depth == 2
                && self.path.first() == Some(&Step::Key(SCHEMES.into()))
                && value.contains("->")
            {
                // A link keying a scheme: references to its nodes.
                for (_, id, s, e) in self.id_spans(value, style, byte, start, IdForm::Link) {
                    self.out.occurrences.push(Occurrence {
                        kind: IdKind::Node,
                        id,
                        map: None,
                        role: Role::Reference,
                        owner: value.to_string(),
                        field: SCHEMES.into(),
                        start: s,
                        end: e,
                    });
                }
            } else if self.path.len() == 3
                && self.path[0] == Step::Key(SCHEMES.into())
                && self.path[2] == Step::Key("questions".into())
            {
                // A critical question of a scheme of the map's own.
                let owner = match &self.path[1] {
                    Step::Key(k) => k.clone(),
                    Step::Index(_) => String::new(),
                };
                for (_, id, s, e) in self.id_spans(value, style, byte, start, IdForm::Node) {
                    self.out.occurrences.push(Occurrence {
                        kind: IdKind::Question,
                        id,
                        map: None,
                        role: Role::Definition,
                        owner: owner.clone(),
                        field: "questions".into(),
                        start: s,
                        end: e,
                    });
                }
            } else if depth == 2 {
                if let Some(Step::Key(section)) = self.path.first() {
                    if let Some(kind) = section_kind(section) {
                        let field = section.clone();
                        for (_, id, s, e) in self.id_spans(value, style, byte, start, IdForm::Node)
                        {
                            self.out.occurrences.push(Occurrence {
                                kind,
                                id: id.clone(),
                                map: None,
                                role: Role::Definition,
                                owner: id,
                                field: field.clone(),
                                start: s,
                                end: e,
                            });
                        }
                    }
                }
            }
            if let Some(Frame::Mapping { pending_key, .. }) = self.stack.last_mut() {
                *pending_key = Some(if self.path.len() < ID_DEPTH {
                    value.to_string()
                } else {
                    String::new()
                });
            }
            return;
        }
        self.enter_node();
        self.value_ids(value, style, byte, start);
        self.leave_node();
    }

    /// The ids of a scalar value at the current path.
    fn value_ids(&mut self, value: &str, style: TScalarStyle, byte: usize, start: Position) {
        let path = &self.path;
        if path.len() == 1 && path[0] == Step::Key("id".into()) {
            for (_, id, s, e) in self.id_spans(value, style, byte, start, IdForm::Node) {
                self.out.occurrences.push(Occurrence {
                    kind: IdKind::Map,
                    id: id.clone(),
                    map: None,
                    role: Role::Definition,
                    owner: id,
                    field: "id".into(),
                    start: s,
                    end: e,
                });
            }
            return;
        }
        if let [Step::Key(section), Step::Key(link)] = path.as_slice() {
            if section == SCHEMES && link.contains("->") {
                // The scheme of a link.
                let link = link.clone();
                for (_, id, s, e) in self.id_spans(value, style, byte, start, IdForm::Scheme) {
                    self.out.occurrences.push(Occurrence {
                        kind: IdKind::Scheme,
                        id,
                        map: None,
                        role: Role::Reference,
                        owner: link.clone(),
                        field: SCHEMES.into(),
                        start: s,
                        end: e,
                    });
                }
                return;
            }
        }
        let (Some(Step::Key(section)), Some(Step::Key(owner)), Some(Step::Key(field))) =
            (path.first(), path.get(1), path.get(2))
        else {
            return;
        };
        let Some(f) = section_kind(section).and_then(|owner| id_field(owner, field)) else {
            return;
        };
        let fits = match &path[3..] {
            [] | [Step::Index(_)] => true,
            [Step::Index(_), Step::Key(k)] => f.item_key == Some(k.as_str()),
            _ => false,
        };
        if !fits {
            return;
        }
        let (owner, field) = (owner.clone(), field.clone());
        let map_of_node = match f.form {
            IdForm::MapNode => value.split_once(':').map(|(m, _)| m.trim().to_string()),
            _ => None,
        };
        for (part, id, s, e) in self.id_spans(value, style, byte, start, f.form) {
            let (kind, map) = match f.form {
                IdForm::Node | IdForm::Link => (IdKind::Node, None),
                IdForm::Source => (IdKind::Source, None),
                IdForm::Group => (IdKind::Group, None),
                IdForm::Scheme => (IdKind::Scheme, None),
                IdForm::Question => (IdKind::Question, None),
                IdForm::MapNode if part == 0 => (IdKind::Map, None),
                IdForm::MapNode => (IdKind::Node, map_of_node.clone()),
            };
            self.out.occurrences.push(Occurrence {
                kind,
                id,
                map,
                role: Role::Reference,
                owner: owner.clone(),
                field: field.clone(),
                start: s,
                end: e,
            });
        }
    }

    /// The ids written in one scalar, each with its part number and span: the whole value,
    /// each part of a link, or (for `map:NODE`) the map (part 0) and the node (part 1).
    fn id_spans(
        &self,
        value: &str,
        style: TScalarStyle,
        byte: usize,
        start: Position,
        form: IdForm,
    ) -> Vec<(usize, String, Position, Position)> {
        if matches!(style, TScalarStyle::Literal | TScalarStyle::Folded) {
            return Vec::new();
        }
        let raw = self.text.get(byte..).unwrap_or("");
        // Where the value's characters are in the text: right after the opening quote, if
        // the scalar is written on one line without escapes (as ids are); otherwise each
        // id gets the whole scalar.
        let open = usize::from(matches!(
            style,
            TScalarStyle::SingleQuoted | TScalarStyle::DoubleQuoted
        ));
        let direct = raw.get(open..open + value.len()) == Some(value) && !value.contains(is_break);
        let whole_end = self
            .out
            .ends
            .get(&start)
            .copied()
            .unwrap_or(after(start, value.chars().count()));
        let mut out = Vec::new();
        let mut push = |part: usize, piece: &str, from: usize| {
            let id = piece.trim();
            if id.is_empty() {
                return;
            }
            let from = from + (piece.len() - piece.trim_start().len());
            let (s, e) = if direct {
                let s = after(start, value[..from].chars().count() + open);
                (s, after(s, id.chars().count()))
            } else {
                (start, whole_end)
            };
            out.push((part, id.to_string(), s, e));
        };
        match form {
            IdForm::Node | IdForm::Source | IdForm::Group | IdForm::Scheme | IdForm::Question => {
                push(0, value, 0)
            }
            IdForm::Link => {
                let mut from = 0;
                for (part, piece) in value.split("->").enumerate() {
                    push(part, piece, from);
                    from += piece.len() + 2;
                }
            }
            IdForm::MapNode => {
                if let Some((m, node)) = value.split_once(':') {
                    push(0, m, 0);
                    push(1, node, m.len() + 1);
                }
            }
        }
        out
    }
}

/// The byte offset of the `n`th character of `s` (its length when `n` is past the end).
fn offset_of_nth(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

/// The position after `text` read from `p` (line breaks counted as YAML counts them).
fn advance(p: Position, text: &str) -> Position {
    let mut line = p.line;
    let mut column = p.column;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                line += 1;
                column = 1;
            }
            '\n' => {
                line += 1;
                column = 1;
            }
            _ => column += 1,
        }
    }
    Position { line, column }
}

/// The raw text of the scalar at the start of `raw` whose value is `value`, for the
/// quoted and plain styles.
fn scalar_end<'r>(raw: &'r str, value: &str, style: TScalarStyle) -> Option<&'r str> {
    match style {
        TScalarStyle::DoubleQuoted => {
            let mut it = raw.char_indices().skip(1);
            while let Some((i, c)) = it.next() {
                match c {
                    '\\' => {
                        it.next();
                    }
                    '"' => return raw.get(..i + 1),
                    _ => {}
                }
            }
            Some(raw)
        }
        TScalarStyle::SingleQuoted => {
            let mut it = raw.char_indices().skip(1).peekable();
            while let Some((i, c)) = it.next() {
                if c == '\'' {
                    if it.peek().map(|(_, c)| *c) == Some('\'') {
                        it.next();
                    } else {
                        return raw.get(..i + 1);
                    }
                }
            }
            Some(raw)
        }
        TScalarStyle::Plain => {
            // The words of a plain scalar are its text's, folded: match them in order.
            let mut at = 0;
            let mut end = 0;
            for word in value.split_whitespace() {
                let rest = raw.get(at..)?;
                let skipped = rest.len() - rest.trim_start().len();
                let rest = &rest[skipped..];
                if !rest.starts_with(word) {
                    break;
                }
                at += skipped + word.len();
                end = at;
            }
            raw.get(..end)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests;
