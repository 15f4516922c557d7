use super::*;

fn at(line: usize, column: usize) -> Position {
    Position { line, column }
}

const MAP: &str = "\
id: essay
sources:
  book: {title: “The Book”}
claims:
  T1:
    text: The thesis — with a dash.
    thesis: true
  C1:
    text: >-
      A reason,
      folded.
    supports: [T1, \"T2\"]
    cites:
      - book
      - {source: book, at: \"4\"}
    same_as: [other:X9]
rebuttals:
  R1:
    text: No.
    undercuts: [\"C1 -> T1\"]
";

type Seen<'a> = (IdKind, &'a str, Option<&'a str>, Role, Position, Position);

fn ids(index: &DocumentIndex) -> Vec<Seen<'_>> {
    index
        .occurrences
        .iter()
        .map(|o| {
            (
                o.kind,
                o.id.as_str(),
                o.map.as_deref(),
                o.role,
                o.start,
                o.end,
            )
        })
        .collect()
}

#[test]
fn every_id_with_its_span() {
    use IdKind::*;
    use Role::*;
    let index = DocumentIndex::build(MAP);
    assert!(index.complete);
    assert_eq!(
        ids(&index),
        [
            (Map, "essay", None, Definition, at(1, 5), at(1, 10)),
            (Source, "book", None, Definition, at(3, 3), at(3, 7)),
            (Node, "T1", None, Definition, at(5, 3), at(5, 5)),
            (Node, "C1", None, Definition, at(8, 3), at(8, 5)),
            (Node, "T1", None, Reference, at(12, 16), at(12, 18)),
            // A quoted id: inside the quotes.
            (Node, "T2", None, Reference, at(12, 21), at(12, 23)),
            (Source, "book", None, Reference, at(14, 9), at(14, 13)),
            (Source, "book", None, Reference, at(15, 18), at(15, 22)),
            (Map, "other", None, Reference, at(16, 15), at(16, 20)),
            (Node, "X9", Some("other"), Reference, at(16, 21), at(16, 23)),
            (Node, "R1", None, Definition, at(18, 3), at(18, 5)),
            // Each part of a link.
            (Node, "C1", None, Reference, at(20, 18), at(20, 20)),
            (Node, "T1", None, Reference, at(20, 24), at(20, 26)),
        ]
    );
    let o = index.at(at(20, 26)).expect("the cursor right after T1");
    assert_eq!(
        (o.id.as_str(), o.owner.as_str(), o.field.as_str()),
        ("T1", "R1", "undercuts")
    );
    assert!(index.at(at(20, 22)).is_none(), "the arrow is no id");
    assert_eq!(
        index.definition(Node, "C1").map(|o| o.start),
        Some(at(8, 3))
    );
    let refs: Vec<Position> = index
        .references(Node, "T1", None)
        .map(|o| o.start)
        .collect();
    assert_eq!(refs, [at(12, 16), at(20, 24)]);
    assert_eq!(index.references(Node, "X9", Some("other")).count(), 1);
    assert_eq!(index.map_id(), Some("essay"));
}

#[test]
fn scalar_ends_quoted_plain_folded_and_flow() {
    let index = DocumentIndex::build(MAP);
    // Non-ASCII counts one column per character.
    assert_eq!(index.end_of(at(3, 17)), Some(at(3, 27)));
    assert_eq!(index.end_of(at(6, 11)), Some(at(6, 36)));
    // A folded block starts at its text (as diagnostics place it) and ends at its last
    // character.
    assert_eq!(index.end_of(at(10, 7)), Some(at(11, 14)));
    // A flow sequence ends after its bracket.
    assert_eq!(index.end_of(at(12, 15)), Some(at(12, 25)));
    // Multi-line plain scalars end at their last word.
    let text = "a: one\n  two three\nb: x\n";
    assert_eq!(DocumentIndex::build(text).end_of(at(1, 4)), Some(at(2, 12)));
}

#[test]
fn outline_by_section() {
    let index = DocumentIndex::build(MAP);
    let names: Vec<(&str, Vec<&str>)> = index
        .outline
        .iter()
        .map(|e| {
            (
                e.name.as_str(),
                e.children.iter().map(|c| c.name.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("id", vec![]),
            ("sources", vec!["book"]),
            ("claims", vec!["T1", "C1"]),
            ("rebuttals", vec!["R1"]),
        ]
    );
    let claims = &index.outline[2];
    assert_eq!((claims.start, claims.end), (at(4, 1), at(16, 24)));
    assert_eq!(
        (claims.children[0].start, claims.children[0].end),
        (at(5, 3), at(7, 17))
    );
}

#[test]
fn a_half_typed_document_keeps_what_came_before() {
    let text = "id: m\nclaims:\n  T1:\n    text: A.\n    supports: [C1\n  C2: {";
    let index = DocumentIndex::build(text);
    assert!(!index.complete);
    let found: Vec<&str> = index.occurrences.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(found, ["m", "T1"]);
}

#[test]
fn hostile_shapes_stay_linear_and_do_not_panic() {
    let deep = format!("a:\n  {}x\n", "- ".repeat(20_000));
    let index = DocumentIndex::build(&deep);
    assert!(index.complete);
    for text in [
        "",
        "\u{feff}",
        "[",
        "{a: [",
        "a: |",
        "? [a]\n: b\n",
        "*x",
        "a: &x 1\nb: *x\n",
        "claims:\n  ? [a]\n  : {supports: [b]}\n",
        "\r\r\n\ra: \"\\\"",
        "claims: {T1: {supports: \"é -> \"}}",
    ] {
        let _ = DocumentIndex::build(text);
    }
}

#[test]
fn groups_and_contradicts_from_the_table() {
    use IdKind::*;
    use Role::*;
    let text = "id: m\ngroups:\n  ch1: {title: One}\n  ch1-a: {title: A, in: ch1}\nclaims:\n  T1: {text: T., group: ch1-a, contradicts: [other:T9]}\n";
    let index = DocumentIndex::build(text);
    assert_eq!(
        ids(&index),
        [
            (Map, "m", None, Definition, at(1, 5), at(1, 6)),
            (Group, "ch1", None, Definition, at(3, 3), at(3, 6)),
            (Group, "ch1-a", None, Definition, at(4, 3), at(4, 8)),
            (Group, "ch1", None, Reference, at(4, 25), at(4, 28)),
            (Node, "T1", None, Definition, at(6, 3), at(6, 5)),
            (Group, "ch1-a", None, Reference, at(6, 25), at(6, 30)),
            (Map, "other", None, Reference, at(6, 46), at(6, 51)),
            (Node, "T9", Some("other"), Reference, at(6, 52), at(6, 54)),
        ]
    );
    // Groups are their own namespace: `in` of a node is no id, `group` of a group neither.
    let odd = DocumentIndex::build(
        "groups:\n  g: {title: G, group: x}\nclaims:\n  T1: {text: T., in: g}\n",
    );
    assert!(
        odd.occurrences.iter().all(|o| o.role == Definition),
        "{:?}",
        odd.occurrences
    );
}

#[test]
fn schemes_links_and_questions() {
    use IdKind::*;
    use Role::*;
    let text = "id: m\nclaims:\n  T1: {text: T., thesis: true}\n  C1: {text: C., supports: [T1], scheme: own}\nrebuttals:\n  R1: {text: R., attacks: [C1], answers: CQ-a}\nschemes:\n  \"C1 -> T1\": expert-opinion\n  own:\n    title: Own\n    questions:\n      CQ-a: Is it?\n";
    let index = DocumentIndex::build(text);
    let seen: Vec<(IdKind, &str, Role, Position)> = index
        .occurrences
        .iter()
        .filter(|o| o.kind != Map)
        .map(|o| (o.kind, o.id.as_str(), o.role, o.start))
        .collect();
    assert_eq!(
        seen,
        [
            (Node, "T1", Definition, at(3, 3)),
            (Node, "C1", Definition, at(4, 3)),
            (Node, "T1", Reference, at(4, 29)),
            (Scheme, "own", Reference, at(4, 42)),
            (Node, "R1", Definition, at(6, 3)),
            (Node, "C1", Reference, at(6, 28)),
            (Question, "CQ-a", Reference, at(6, 42)),
            (Node, "C1", Reference, at(8, 4)),
            (Node, "T1", Reference, at(8, 10)),
            (Scheme, "expert-opinion", Reference, at(8, 15)),
            (Scheme, "own", Definition, at(9, 3)),
            (Question, "CQ-a", Definition, at(12, 7)),
        ]
    );
}

#[test]
fn links_at_any_depth() {
    let text = "rebuttals:\n  R2: {text: R., undercuts: [\"R1 -> C1 -> T1\"]}\n";
    let index = DocumentIndex::build(text);
    let refs: Vec<(&str, Position, Position)> = index
        .references(IdKind::Node, "R1", None)
        .chain(index.references(IdKind::Node, "C1", None))
        .chain(index.references(IdKind::Node, "T1", None))
        .map(|o| (o.id.as_str(), o.start, o.end))
        .collect();
    assert_eq!(
        refs,
        [
            ("R1", at(2, 31), at(2, 33)),
            ("C1", at(2, 37), at(2, 39)),
            ("T1", at(2, 43), at(2, 45)),
        ]
    );
}
