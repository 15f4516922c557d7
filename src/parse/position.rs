//! Where things are in a YAML file: a second, span-keeping parse (yaml-rust2 events)
//! that maps document paths to line and column. It is built only when a file has
//! something to report, so clean files are parsed once.
//!
//! The index is a tree: every node of the document gets a number, and each mapping entry
//! or sequence item is recorded once, under its parent's number and its own key or index.
//! Memory is linear in the size of the document whatever its depth (a path is never
//! copied per node: deep nesting used to cost the square of its depth).
//!
//! [`PositionIndex::build_for`] indexes only the entries on the way to a given set of
//! targets, which is what locating diagnostics needs: a 100k-node map with one warning
//! then costs about its text, not an index of every entry (243 MiB at 17.8 MB of YAML).

use crate::diagnostic::{Position, Seg, Target};
use std::borrow::Cow;
use std::collections::HashMap;
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// The key and value positions of every mapping entry and sequence item of a document,
/// keyed by parent node and key; repeated keys keep one entry per occurrence.
#[derive(Debug, Default)]
pub struct PositionIndex {
    entries: HashMap<(u32, Seg), Vec<Entry>>,
    /// The position of each node's value, by node number (`None` for a value that is not
    /// written at all, such as `text:` with nothing after it: it is found at its key).
    nodes: Vec<Option<Position>>,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    key: Option<Position>,
    node: u32,
}

/// The paths wanted, as a tree of prefixes: trie node 0 is the root; `(node, seg)` is
/// the trie node of the prefix one segment longer.
#[derive(Debug, Default)]
struct Wanted {
    children: HashMap<(u32, Seg), u32>,
}

impl Wanted {
    fn of<'t>(targets: impl IntoIterator<Item = &'t Target>) -> Wanted {
        let mut w = Wanted::default();
        let mut next = 1u32;
        for t in targets {
            let mut at = 0u32;
            for seg in &t.path {
                at = *w.children.entry((at, seg.clone())).or_insert_with(|| {
                    next += 1;
                    next - 1
                });
            }
        }
        w
    }
}

/// A node number for a node that is not indexed (off every wanted path).
const UNINDEXED: u32 = u32::MAX;

enum Frame {
    Mapping {
        node: u32,
        /// The key read, waiting for its value, with its position.
        pending_key: Option<(String, Position)>,
    },
    Sequence {
        node: u32,
        next: usize,
    },
}

struct Builder {
    index: PositionIndex,
    stack: Vec<Frame>,
    /// The text of anchored scalars, so that an alias used as a key is indexed under it.
    anchors: HashMap<usize, String>,
    /// A block mapping just opened: yaml-rust2 marks its start at the first `:`, after its
    /// first key; the key's position (the next event's) is where it starts.
    opened: Option<(u32, usize)>,
    /// When only some paths are wanted: them, and the trie node of each indexed node.
    wanted: Option<(Wanted, HashMap<u32, u32>)>,
}

fn pos(m: &Marker) -> Position {
    Position {
        line: m.line(),
        column: m.col() + 1,
    }
}

impl Builder {
    fn new_node(&mut self, at: Option<Position>) -> u32 {
        let n = u32::try_from(self.index.nodes.len()).unwrap_or(UNINDEXED);
        self.index.nodes.push(at);
        n
    }

    /// Records `child` of `parent` under `seg`, unless only some paths are wanted and
    /// this is on none of them; returns the child's node number (or [`UNINDEXED`]).
    fn add_entry(
        &mut self,
        parent: u32,
        seg: Seg,
        key: Option<Position>,
        at: Option<Position>,
    ) -> u32 {
        let trie = match &self.wanted {
            None => None,
            Some((w, of)) => {
                let found = of
                    .get(&parent)
                    .and_then(|t| w.children.get(&(*t, seg.clone())));
                match found {
                    Some(&t) => Some(t),
                    None => return UNINDEXED,
                }
            }
        };
        let child = self.new_node(at);
        if let (Some(t), Some((_, of))) = (trie, &mut self.wanted) {
            of.insert(child, t);
        }
        self.index
            .entries
            .entry((parent, seg))
            .or_default()
            .push(Entry { key, node: child });
        child
    }

    /// Handles a node (scalar, alias, start of a collection) at `mark`: `key_text` is
    /// its text when it is used as a key, `at` its position (`None` when not written).
    /// Returns the number given to the node.
    fn node(&mut self, key_text: Option<&str>, at: Option<Position>, mark: &Marker) -> u32 {
        match self.stack.last_mut() {
            None => self.new_node(at),
            Some(Frame::Sequence { node, next }) => {
                let parent = *node;
                let seg = Seg::Index(*next);
                *next += 1;
                if parent == UNINDEXED {
                    return UNINDEXED;
                }
                self.add_entry(parent, seg, None, at)
            }
            Some(Frame::Mapping { node, pending_key }) => {
                let parent = *node;
                match pending_key.take() {
                    None => {
                        // This node is a key. Complex keys are recorded under "?".
                        let key = key_text.unwrap_or("?").to_string();
                        *pending_key = Some((key, pos(mark)));
                        // A collection used as a key gets a node of its own, reached by
                        // no path.
                        match (&self.wanted, parent) {
                            (Some(_), _) | (_, UNINDEXED) => UNINDEXED,
                            _ => self.new_node(at),
                        }
                    }
                    Some((_, _)) if parent == UNINDEXED => UNINDEXED,
                    Some((key, key_at)) => self.add_entry(parent, Seg::Key(key), Some(key_at), at),
                }
            }
        }
    }

    fn on_event(&mut self, ev: Event, mark: Marker) {
        if let Some((node, start)) = self.opened.take() {
            if mark.index() < start {
                if let Some(p) = self.index.nodes.get_mut(node as usize) {
                    *p = Some(pos(&mark));
                }
            }
        }
        match ev {
            Event::Scalar(s, style, anchor, _) => {
                // A value not written at all (`text:`) is found at its key.
                let at = (!(s.is_empty() && style == TScalarStyle::Plain)).then(|| pos(&mark));
                self.node(Some(&s), at, &mark);
                if anchor > 0 {
                    self.anchors.insert(anchor, s);
                }
            }
            Event::Alias(id) => {
                let text = self.anchors.get(&id).cloned();
                self.node(text.as_deref(), Some(pos(&mark)), &mark);
            }
            Event::MappingStart(..) => {
                let node = self.node(None, Some(pos(&mark)), &mark);
                self.opened = Some((node, mark.index()));
                self.stack.push(Frame::Mapping {
                    node,
                    pending_key: None,
                });
            }
            Event::SequenceStart(..) => {
                let node = self.node(None, Some(pos(&mark)), &mark);
                self.stack.push(Frame::Sequence { node, next: 0 });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
            }
            _ => {}
        }
    }
}

impl PositionIndex {
    /// Indexes `text`. A document yaml-rust2 cannot read gives an empty index, and every
    /// lookup then falls back to the start of the file.
    pub fn build(text: &str) -> PositionIndex {
        Self::build_with(text, None)
    }

    /// Indexes only what locating `targets` needs: the entries on their paths (each
    /// target's nearest enclosing entry, when its exact path is missing, among them).
    /// [`PositionIndex::locate`] gives the same answer for each of `targets` as with the
    /// full index; memory is the size of those paths, not of the document.
    pub fn build_for<'t>(
        text: &str,
        targets: impl IntoIterator<Item = &'t Target>,
    ) -> PositionIndex {
        let mut of = HashMap::new();
        of.insert(0, 0);
        Self::build_with(text, Some((Wanted::of(targets), of)))
    }

    fn build_with(text: &str, wanted: Option<(Wanted, HashMap<u32, u32>)>) -> PositionIndex {
        let mut b = Builder {
            index: PositionIndex::default(),
            stack: Vec::new(),
            anchors: HashMap::new(),
            opened: None,
            wanted,
        };
        let mut parser = Parser::new_from_str(text);
        // Pull events in a loop: yaml-rust2's `load` recurses once per nesting level.
        loop {
            match parser.next_token() {
                Ok((Event::StreamEnd, _)) => {
                    b.index.entries.shrink_to_fit();
                    return b.index;
                }
                Ok((ev, mark)) => b.on_event(ev, mark),
                Err(_) => return PositionIndex::default(),
            }
        }
    }

    /// How many entries (mapping entries and sequence items) the index holds.
    pub fn len(&self) -> usize {
        self.entries.values().map(Vec::len).sum()
    }

    /// Whether the index holds no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn value_of(&self, e: &Entry) -> Option<Position> {
        self.nodes.get(e.node as usize).copied().flatten()
    }

    /// The position of `target`; when the exact path is missing (e.g. a value given by an
    /// alias), the nearest enclosing path that is indexed. A repeated key's content is
    /// looked up in its first occurrence (the one the map keeps).
    pub fn locate(&self, target: &Target) -> Position {
        let start = Position { line: 1, column: 1 };
        let mut node = 0u32;
        // The key (or value) position of the deepest entry found so far.
        let mut found: Option<Position> = None;
        let last = target.path.len().saturating_sub(1);
        for (i, seg) in target.path.iter().enumerate() {
            let Some(list) = self.entries.get(&(node, seg.clone())) else {
                return found.unwrap_or(start);
            };
            if i == last {
                let Some(e) = list.get(target.occurrence).or_else(|| list.last()) else {
                    break;
                };
                let p = if target.key {
                    e.key.or(self.value_of(e))
                } else {
                    self.value_of(e).or(e.key)
                };
                return p.or(found).unwrap_or(start);
            }
            let Some(e) = list.first() else {
                break;
            };
            found = e.key.or(self.value_of(e)).or(found);
            node = e.node;
        }
        found.unwrap_or(start)
    }
}

/// The text to hand to a snippet renderer that breaks lines only at `\n` (codespan's
/// `SimpleFile`): a lone `\r` (old Mac line endings), which YAML and the positions of
/// the diagnostics count as a line break, becomes `\n`. The length in bytes is the same,
/// so byte offsets stay valid; `\r\n` is left as it is.
pub fn snippet_text(text: Cow<'_, str>) -> Cow<'_, str> {
    let b = text.as_bytes();
    let lone = |i: usize| b[i] == b'\r' && b.get(i + 1) != Some(&b'\n');
    if !(0..b.len()).any(lone) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path;

    #[test]
    fn the_index_of_deep_nesting_is_linear() {
        // 20,000 levels: a path copied per node would hold 200 million segments.
        let depth = 20_000;
        // (Compact block sequences: yaml-rust2 refuses brackets past 255 levels.)
        let text = format!("a:\n  {}x\n", "- ".repeat(depth));
        let index = PositionIndex::build(&text);
        assert_eq!(index.len(), depth + 1);
        assert_eq!(index.nodes.len(), depth + 3);
        let mut p = path!["a"];
        p.extend((0..depth).map(|_| Seg::Index(0)));
        assert_eq!(
            index.locate(&Target::value(p)),
            Position {
                line: 2,
                column: 2 * depth + 3
            }
        );
    }

    #[test]
    fn keys_values_and_fallbacks() {
        let text = "a:\n  b: [x, y]\n  c:\n  &k d: 1\n  *k : 2\nz: {q: 1}\n";
        let i = PositionIndex::build(text);
        let at = |line, column| Position { line, column };
        assert_eq!(i.locate(&Target::value(path!["a", "b", 1])), at(2, 10));
        assert_eq!(i.locate(&Target::key(path!["a", "b"])), at(2, 3));
        // Not written: the key.
        assert_eq!(i.locate(&Target::value(path!["a", "c"])), at(3, 3));
        // An alias as a key is indexed under its anchor's text.
        let mut second = Target::key(path!["a", "d"]);
        second.occurrence = 1;
        assert_eq!(i.locate(&second), at(5, 3));
        // A missing path: the nearest enclosing entry's key.
        assert_eq!(i.locate(&Target::value(path!["a", "b", 7])), at(2, 3));
        assert_eq!(i.locate(&Target::value(path!["nothing"])), at(1, 1));
        // A block mapping starts at its first key, not at its first `:`.
        assert_eq!(i.locate(&Target::value(path!["a"])), at(2, 3));
        assert_eq!(i.locate(&Target::value(path!["z"])), at(6, 4));
    }

    #[test]
    fn an_index_for_some_targets_locates_them_as_the_full_index_does() {
        let text =
            "a:\n  b: [x, y]\n  c:\n  &k d: 1\n  *k : 2\nz: {q: 1}\nw:\n  - {r: [1, 2]}\n  - s\n";
        let full = PositionIndex::build(text);
        let mut second = Target::key(path!["a", "d"]);
        second.occurrence = 1;
        let targets = [
            Target::value(path!["a", "b", 1]),
            Target::key(path!["a", "b"]),
            Target::value(path!["a", "c"]),
            second,
            Target::value(path!["a", "b", 7]),
            Target::value(path!["nothing"]),
            Target::value(path!["z", "q"]),
            Target::value(path!["w", 0, "r", 1]),
            Target::key(path!["w", 0, "r"]),
            Target::value(path!["w", 1]),
            Target::value(path![]),
        ];
        for t in &targets {
            let some = PositionIndex::build_for(text, std::slice::from_ref(t));
            assert_eq!(some.locate(t), full.locate(t), "{t:?} alone");
            assert!(
                some.len() <= t.path.len() + 1,
                "{t:?}: {} entries",
                some.len()
            );
        }
        let all = PositionIndex::build_for(text, &targets);
        for t in &targets {
            assert_eq!(all.locate(t), full.locate(t), "{t:?} among all");
        }
    }

    #[test]
    fn snippet_text_breaks_lines_at_a_lone_cr() {
        let t = snippet_text(Cow::Borrowed("a\rb\r\nc\n"));
        assert_eq!(t, "a\nb\r\nc\n");
        assert!(matches!(
            snippet_text(Cow::Borrowed("a\r\nb")),
            Cow::Borrowed(_)
        ));
    }
}
