//! Events in document order: the parser's, with alias replays spliced in, anchors
//! recorded, values skipped, within the limits.

use super::error::{Error, ErrorKind};
use super::{ALIAS_HELP, MAX_DEPTH, MAX_RECORDED, MAX_REPLAYED};
use crate::diagnostic::Position;
use std::collections::HashMap;
use std::rc::Rc;
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

pub(super) type Item = (Event, Marker);

/// An anchored node being recorded: its events so far and its open collections.
pub(super) struct Recording {
    pub(super) anchor: usize,
    pub(super) events: Vec<Item>,
    pub(super) depth: usize,
}

/// Events in document order: the parser's, with alias replays spliced in on request.
pub(super) struct Events<'a> {
    pub(super) parser: Parser<std::str::Chars<'a>>,
    pub(super) peeked: Option<Item>,
    /// Aliases being replayed: the anchor's events, how many were given, and where the
    /// alias is (every replayed event is marked there: an error about the value an alias
    /// stands for is where the alias is used, not where its anchor was defined).
    pub(super) replays: Vec<(Rc<[Item]>, usize, Marker)>,
    pub(super) anchors: HashMap<usize, Rc<[Item]>>,
    pub(super) recording: Vec<Recording>,
    pub(super) replayed: usize,
    pub(super) recorded: usize,
    pub(super) last: Position,
}

impl<'a> Events<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Events {
            parser: Parser::new_from_str(text),
            peeked: None,
            replays: Vec::new(),
            anchors: HashMap::new(),
            recording: Vec::new(),
            replayed: 0,
            recorded: 0,
            last: Position { line: 1, column: 1 },
        }
    }

    /// The next event, from an alias being replayed or from the parser.
    pub(super) fn pull(&mut self) -> Result<Item, Error> {
        while let Some((events, at, alias)) = self.replays.last_mut() {
            if let Some((event, _)) = events.get(*at) {
                *at += 1;
                return Ok((event.clone(), *alias));
            }
            self.replays.pop();
        }
        let (event, mark) = self
            .parser
            .next_token()
            .map_err(|e| Error::new(ErrorKind::Syntax, e.info().to_string(), *e.marker()))?;
        self.record(&event, mark)?;
        Ok((event, mark))
    }

    /// Keeps a copy of the events of anchored nodes, for their aliases.
    pub(super) fn record(&mut self, event: &Event, mark: Marker) -> Result<(), Error> {
        let anchor = match event {
            Event::Scalar(_, _, a, _) | Event::SequenceStart(a, _) | Event::MappingStart(a, _) => {
                *a
            }
            _ => 0,
        };
        if anchor > 0 {
            self.recording.push(Recording {
                anchor,
                events: Vec::new(),
                depth: 0,
            });
        }
        if self.recording.is_empty() {
            return Ok(());
        }
        self.recorded += self.recording.len();
        if self.recorded > MAX_RECORDED {
            return Err(Error::new(
                ErrorKind::Limit,
                "anchors record too much data (nested anchors?)",
                mark,
            )
            .with_help("aliases expand to too much data (an alias bomb?)"));
        }
        for r in &mut self.recording {
            r.events.push((event.clone(), mark));
            match event {
                Event::SequenceStart(..) | Event::MappingStart(..) => r.depth += 1,
                Event::SequenceEnd | Event::MappingEnd => r.depth = r.depth.saturating_sub(1),
                _ => {}
            }
        }
        while self.recording.last().is_some_and(|r| r.depth == 0) {
            if let Some(r) = self.recording.pop() {
                self.anchors.insert(r.anchor, Rc::from(r.events));
            }
        }
        Ok(())
    }

    pub(super) fn peek(&mut self) -> Result<&Item, Error> {
        let item = match self.peeked.take() {
            Some(item) => item,
            None => self.pull()?,
        };
        Ok(self.peeked.insert(item))
    }

    /// Moves the mark of the next event to `to` if it is a value not written at all (an
    /// empty plain scalar, marked where the next token starts): errors about `text:` with
    /// nothing after it point at `text`, not at the following line.
    pub(super) fn mark_unwritten_at(&mut self, to: Marker) -> Result<(), Error> {
        self.peek()?;
        if let Some((Event::Scalar(v, TScalarStyle::Plain, _, None), mark)) = &mut self.peeked {
            if v.is_empty() {
                *mark = to;
            }
        }
        Ok(())
    }

    pub(super) fn next(&mut self) -> Result<Item, Error> {
        let item = match self.peeked.take() {
            Some(item) => item,
            None => self.pull()?,
        };
        self.last = item.1.into();
        Ok(item)
    }

    /// The first event of the next node, with an alias replaced by its anchor's events.
    pub(super) fn next_node(&mut self) -> Result<Item, Error> {
        loop {
            let (event, mut mark) = self.next()?;
            if let Event::MappingStart(..) = event {
                // A block mapping's start is marked at its first `:`, after its first key:
                // the mapping starts where that key does.
                let first = self.peek()?.1;
                if first.index() < mark.index() {
                    mark = first;
                }
            }
            let Event::Alias(id) = event else {
                return Ok((event, mark));
            };
            let Some(events) = self.anchors.get(&id).cloned() else {
                return Err(Error::new(
                    ErrorKind::Syntax,
                    "an alias refers to its own anchor (a recursive alias)",
                    mark,
                )
                .with_help(ALIAS_HELP));
            };
            self.replayed += events.len();
            if self.replayed > MAX_REPLAYED {
                return Err(Error::new(
                    ErrorKind::Limit,
                    "repetition limit exceeded: aliases expand to too much data",
                    mark,
                )
                .with_help("aliases expand to too much data (an alias bomb?)"));
            }
            // The peeked event (if any) comes after the alias: replay first.
            debug_assert!(self.peeked.is_none());
            self.replays.push((events, 0, mark));
        }
    }

    /// Skips the rest of a node whose first event was `first`; aliases are not expanded.
    /// Nesting deeper than `room` more levels is refused, as it is where values are read.
    pub(super) fn skip_rest(&mut self, first: &Event, room: usize) -> Result<(), Error> {
        let mut depth = match first {
            Event::SequenceStart(..) | Event::MappingStart(..) => 1usize,
            _ => return Ok(()),
        };
        while depth > 0 {
            let (event, mark) = self.next()?;
            match event {
                Event::SequenceStart(..) | Event::MappingStart(..) => {
                    depth += 1;
                    if depth > room {
                        return Err(too_deep(mark));
                    }
                }
                Event::SequenceEnd | Event::MappingEnd => depth -= 1,
                Event::StreamEnd => break,
                _ => {}
            }
        }
        Ok(())
    }
}

/// The error for nesting deeper than [`MAX_DEPTH`], where it goes past it.
pub(super) fn too_deep(mark: Marker) -> Error {
    Error::new(
        ErrorKind::Limit,
        format!("recursion limit exceeded: nested more than {MAX_DEPTH} levels deep"),
        mark,
    )
    .with_help(format!(
        "argmap refuses YAML nested more than {MAX_DEPTH} levels deep"
    ))
}
