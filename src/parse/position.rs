//! Where things are in a YAML file: a second, span-keeping parse (yaml-rust2 events)
//! that maps document paths to line and column. It is built only when a file has
//! something to report, so clean files are parsed once.

use crate::diagnostic::{Position, Seg, Target};
use std::collections::HashMap;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};

use yaml_rust2::scanner::Marker;

/// The key and value positions of every mapping entry and sequence item of a document,
/// keyed by path; repeated keys keep one entry per occurrence.
#[derive(Debug, Default)]
pub struct PositionIndex {
    entries: HashMap<Vec<Seg>, Vec<Entry>>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    key: Option<Position>,
    value: Option<Position>,
}

enum Frame {
    Mapping {
        path: Vec<Seg>,
        pending_key: Option<String>,
    },
    Sequence {
        path: Vec<Seg>,
        next: usize,
    },
}

struct Builder {
    index: PositionIndex,
    stack: Vec<Frame>,
}

fn pos(m: &Marker) -> Position {
    Position {
        line: m.line(),
        column: m.col() + 1,
    }
}

impl Builder {
    /// Handles a node (scalar, alias, start of a collection) at `mark`; returns the path
    /// of the node when it is a value (so a collection can push a frame for it).
    fn node(&mut self, scalar: Option<&str>, mark: &Marker) -> Option<Vec<Seg>> {
        match self.stack.last_mut() {
            None => Some(Vec::new()),
            Some(Frame::Sequence { path, next }) => {
                let mut p = path.clone();
                p.push(Seg::Index(*next));
                *next += 1;
                self.index
                    .entries
                    .entry(p.clone())
                    .or_default()
                    .push(Entry {
                        key: None,
                        value: Some(pos(mark)),
                    });
                Some(p)
            }
            Some(Frame::Mapping { path, pending_key }) => match pending_key.take() {
                None => {
                    // This node is a key. Complex keys are recorded under "?".
                    let key = scalar.unwrap_or("?").to_string();
                    let mut p = path.clone();
                    p.push(Seg::Key(key.clone()));
                    self.index.entries.entry(p).or_default().push(Entry {
                        key: Some(pos(mark)),
                        value: None,
                    });
                    *pending_key = Some(key);
                    None
                }
                Some(key) => {
                    let mut p = path.clone();
                    p.push(Seg::Key(key));
                    if let Some(e) = self.index.entries.get_mut(&p).and_then(|v| v.last_mut()) {
                        e.value = Some(pos(mark));
                    }
                    Some(p)
                }
            },
        }
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        match ev {
            Event::Scalar(ref s, ..) => {
                self.node(Some(s), &mark);
            }
            Event::Alias(_) => {
                self.node(None, &mark);
            }
            Event::MappingStart(..) => {
                let path = self.node(None, &mark);
                // A collection used as a key gets a throwaway frame.
                self.stack.push(Frame::Mapping {
                    path: path.unwrap_or_default(),
                    pending_key: None,
                });
            }
            Event::SequenceStart(..) => {
                let path = self.node(None, &mark);
                self.stack.push(Frame::Sequence {
                    path: path.unwrap_or_default(),
                    next: 0,
                });
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
        let mut b = Builder {
            index: PositionIndex::default(),
            stack: Vec::new(),
        };
        let mut parser = Parser::new_from_str(text);
        // Pull events in a loop: yaml-rust2's `load` recurses once per nesting level.
        loop {
            match parser.next_token() {
                Ok((Event::StreamEnd, _)) => return b.index,
                Ok((ev, mark)) => b.on_event(ev, mark),
                Err(_) => return PositionIndex::default(),
            }
        }
    }

    /// The position of `target`; when the exact path is missing (e.g. a value given by an
    /// alias), the nearest enclosing path that is indexed.
    pub fn locate(&self, target: &Target) -> Position {
        let mut path = target.path.clone();
        let mut exact = true;
        loop {
            if path.is_empty() {
                return Position { line: 1, column: 1 };
            }
            if let Some(list) = self.entries.get(&path) {
                let e = list
                    .get(if exact { target.occurrence } else { 0 })
                    .or_else(|| list.last())
                    .copied()
                    .unwrap_or_default();
                let want_key = !exact || target.key;
                let p = if want_key {
                    e.key.or(e.value)
                } else {
                    e.value.or(e.key)
                };
                if let Some(p) = p {
                    return p;
                }
            }
            path.pop();
            exact = false;
        }
    }
}
