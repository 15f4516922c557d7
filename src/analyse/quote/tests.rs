use super::closest::first_difference;
use super::*;

fn line(ix: &SourceIndex, quote: &str) -> Option<usize> {
    match ix.find(quote) {
        QuoteMatch::Found { offset } => Some(ix.line_of(offset)),
        QuoteMatch::NotFound { .. } => None,
    }
}

fn found(source: &str, quote: &str) -> bool {
    matches!(
        SourceIndex::new(source.to_string()).find(quote),
        QuoteMatch::Found { .. }
    )
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
    /// Normalising in place never needs more room than the text had, and maps every
    /// character back to a character of the original. (It is not idempotent: `‘0`
    /// keeps its digit, `'0` loses it as a footnote marker; nothing needs it to be.)
    #[test]
    fn normalising_in_place_is_sound(
        text in "([a-zé]{1,6}|[ \n\t]{1,3}|[-‐—–]|[0-9]{1,4}|[.,;’”“‘'\"]|\u{AD}){0,40}"
    ) {
        let n = normalize(&text);
        proptest::prop_assert!(n.text.len() <= text.len());
        for (pos, _) in n.text.char_indices() {
            let orig = n.original_offset(pos).expect("mapped");
            proptest::prop_assert!(text.is_char_boundary(orig), "{} -> {}", pos, orig);
        }
    }
}

#[test]
fn lines_are_right_after_the_text_shifts() {
    // Curly quotes (3 bytes → 1), runs of spaces, a dropped hyphen and a footnote
    // marker all shift normalised offsets against the original before line 4.
    let src = "“One”   two\nthree-\nfour five.12\n\n  six ‘seven’ eight\nnine";
    let ix = SourceIndex::new(src.to_string());
    assert_eq!(line(&ix, "six 'seven' eight"), Some(5));
    assert_eq!(line(&ix, "threefour five."), Some(2));
    assert_eq!(line(&ix, "nine"), Some(6));
    let n = normalize(src);
    for (pos, _) in n.text.char_indices() {
        let orig = n.original_offset(pos).expect("mapped");
        assert!(src.is_char_boundary(orig), "{pos} -> {orig}");
    }
}

#[test]
fn white_space_and_line_breaks_are_one_space() {
    assert!(found("a  quick\n brown\tfox jumps", "quick brown fox"));
}

#[test]
fn curly_and_straight_quotes_are_equal() {
    assert!(found("Trotsky’s “theory” here", "Trotsky's \"theory\""));
    assert!(found("Trotsky's \"theory\" here", "Trotsky’s “theory”"));
}

#[test]
fn line_end_hyphen_joins_words() {
    assert!(found("the revolu-\ntion began", "the revolution began"));
    assert!(found(
        "the self-\ndetermination of",
        "self-determination of"
    ));
    // A hyphen before a space (not a line break) is kept.
    assert!(!found("pre- and post-war", "preand postwar"));
}

#[test]
fn line_break_after_dash_matches_with_or_without_space() {
    let src = "his ideas—\nparticularly his theory";
    assert!(found(src, "ideas—particularly"));
    assert!(found(src, "ideas— particularly"));
    assert!(found(src, "ideas — particularly"));
}

#[test]
fn glued_footnote_markers_are_skipped() {
    assert!(found(
        "embraced Marxism.1 From this point",
        "embraced Marxism. From this point"
    ));
    assert!(found(
        "born in 1879.2 His father",
        "born in 1879. His father"
    ));
    assert!(found("the theory12 was", "the theory was"));
    // Numbers that stand alone are words.
    assert!(!found("in 1917 the", "in the"));
}

#[test]
fn ellipsis_is_a_gap_in_order() {
    let src = "First part of the sentence, then a long aside, and finally the end.";
    assert!(found(src, "First part … finally the end"));
    assert!(found(src, "First part. . . finally the end"));
    assert!(found(src, "First part ... finally the end"));
    assert!(!found(src, "finally the end … First part"));
}

#[test]
fn ellipsis_gap_must_be_close() {
    let far = format!("alpha beta {} gamma delta", "x ".repeat(MAX_GAP));
    assert!(!found(&far, "alpha beta … gamma delta"));
}

#[test]
fn words_must_match() {
    assert!(!found("the Bolsheviks adopted", "the Mensheviks adopted"));
    assert!(!found("the Bolsheviks adopted", "The Bolsheviks adopted"));
}

#[test]
fn long_quotes_use_the_index() {
    let mut src = String::new();
    for i in 0..5000 {
        src.push_str(&format!("sentence number {i} says something. "));
    }
    let ix = SourceIndex::new(src);
    assert_eq!(
        line(
            &ix,
            "sentence number 4321 says something. sentence number 4322"
        ),
        Some(1)
    );
    assert!(matches!(
        ix.find("sentence number 4321 says nothing"),
        QuoteMatch::NotFound { .. }
    ));
}

#[test]
fn one_word_quotes_in_a_long_source() {
    let mut src = String::new();
    for i in 0..5000 {
        src.push_str(&format!("sentence number {i} says something.\n"));
    }
    src.push_str("and finally extraordinarily the end");
    let ix = SourceIndex::new(src);
    // Found through the index by its own first window (it starts a word)...
    assert_eq!(line(&ix, "extraordinarily"), Some(5001));
    // ...or, starting after punctuation, by the scan that follows.
    assert_eq!(line(&ix, "something. sentence"), Some(1));
    // Cut inside a word: not a quote of the source.
    assert_eq!(line(&ix, "xtraordinarily the"), None);
    assert_eq!(line(&ix, "omething. sen"), None);
    assert_eq!(line(&ix, "unheardofword"), None);
}

#[test]
fn closest_passage_and_line_for_a_failed_quote() {
    let ix = SourceIndex::new(
        "line one\nthe Bolsheviks adopted the essence of the theory\nline three".into(),
    );
    match ix.find("the Bolsheviks adopted the essense of the theory") {
        QuoteMatch::NotFound { closest: Some(c) } => {
            assert_eq!(c.line, 2);
            assert!(
                c.passage.starts_with("the Bolsheviks adopted the essence"),
                "{}",
                c.passage
            );
            assert!(c.similarity > 0.9);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_closest_passage_is_whole_words_with_the_first_difference() {
    let ix = SourceIndex::new("a preface\nthe revolution of the workers begins".into());
    let closest = |q: &str| match ix.find(q) {
        QuoteMatch::NotFound { closest: Some(c) } => c,
        other => panic!("{q}: {other:?}"),
    };
    let c = closest("olution of the work");
    assert_eq!(c.passage, "revolution of the workers");
    assert_eq!((c.line, c.more_before, c.more_after), (2, true, true));
    assert_eq!(
        c.difference,
        Some(WordDifference {
            passage: Some("revolution".into()),
            quote: Some("olution".into()),
        })
    );
    // Too short for the index: found inside its word all the same.
    let c = closest("olution");
    assert_eq!(c.passage, "revolution");
    assert_eq!(
        c.to_string(),
        "closest passage (line 2, 70% similar): \"…revolution…\"; first difference: \"revolution\" where the quote has \"olution\""
    );
    assert_eq!(
        first_difference("the workers of", "the workers"),
        Some(WordDifference {
            passage: Some("of".into()),
            quote: None
        })
    );
    assert_eq!(first_difference("the workers", "the workers"), None);
}

#[test]
fn reports_the_line_of_a_match() {
    let ix = SourceIndex::new("a\nb\nc the quote here\n".into());
    assert_eq!(line(&ix, "the quote here"), Some(3));
}

#[test]
fn a_repeated_passage_is_found_at_its_first_occurrence() {
    // A running header on every page: a quote of it is found on the first line,
    // with or without an ellipsis, however often the source repeats it.
    let pages = crate::generate::running_header_pages(5000);
    let ix = SourceIndex::new(format!("Preface in the first line.\n{pages}"));
    assert_eq!(
        line(&ix, "Journal of Historical Materialism, volume"),
        Some(2)
    );
    assert_eq!(line(&ix, "Historical Materialism … volume twelve"), Some(2));
    assert_eq!(line(&ix, "page 4999 of the long discussion"), Some(10001));
    assert_eq!(line(&ix, "volume twelve page 17 of the long"), Some(36));
    assert_eq!(line(&ix, "volume twelve page 5000 of the long"), None);
}

#[test]
fn a_quote_begins_and_ends_on_word_boundaries() {
    let src = "the revolution of the workers, and “theory” here";
    assert!(!found(src, "e"));
    assert!(!found(src, "olution of the work"));
    assert!(!found(src, "revolution of the work"));
    assert!(!found(src, "olution of the workers"));
    assert!(found(src, "revolution of the workers"));
    // Punctuation is a boundary, and a quote may begin or end with it.
    assert!(found(src, "workers"));
    assert!(found(src, "workers,"));
    assert!(found(src, ", and"));
    assert!(found(src, "theory"));
    assert!(found(src, "\"theory\" here"));
    assert!(found(src, "the"));
}

#[test]
fn a_later_occurrence_on_word_boundaries_is_found() {
    // The first occurrence of `the cat` is inside `bathe cat`.
    let ix = SourceIndex::new("bathe cat\nthe cattle\nthe cat".into());
    assert_eq!(line(&ix, "the cat"), Some(3));
    // Overlapping occurrences are candidates too.
    assert!(found("xab ab ab", "ab ab"));
}

#[test]
fn boundaries_are_judged_in_the_normalised_text() {
    // A hyphen joining a word across a line break is no boundary...
    assert!(!found("the revolu-\ntion began", "tion began"));
    assert!(!found("the revolu-\ntion began", "the revolu"));
    // ...a hyphen of a compound on one line is.
    assert!(found("the self-determination of", "determination of"));
    assert!(found("the self-determination of", "the self"));
    // A footnote marker glued to a word, and a dash, end the word.
    assert!(found("embraced Marxism.1 From this", "embraced Marxism"));
    assert!(found("the theory12 was", "the theory"));
    assert!(found("his ideas—\nparticularly his", "particularly his"));
    assert!(found("his ideas—\nparticularly his", "his ideas"));
    // Accents written as combining marks belong to their word.
    assert!(!found("un cafe\u{301} noir", "un cafe"));
    assert!(found("un cafe\u{301} noir", "un cafe\u{301}"));
}

#[test]
fn each_ellipsis_piece_begins_and_ends_on_word_boundaries() {
    let src = "First part of the sentence, then a long aside, and finally the end.";
    assert!(found(src, "First part … finally the end"));
    assert!(!found(src, "First par … finally the end"));
    assert!(!found(src, "First part … nally the end"));
    assert!(!found(src, "First part … the en"));
    assert!(found(src, "First part … the end."));
}

#[test]
fn an_ellipsis_chain_is_found_when_a_later_occurrence_allows_it() {
    // `beta` first occurs right after `alpha`, but `gamma` is more than the gap after
    // that one: the second `beta` (within the gap of `alpha`) leads on to it.
    let pad = |n: usize| "x ".repeat(n / 2);
    let src = format!(
        "alpha beta {} beta {} gamma",
        pad(MAX_GAP - 300),
        pad(MAX_GAP - 300)
    );
    assert!(found(&src, "alpha … beta … gamma"));
    assert!(!found(&src, "alpha … gamma"));
}

#[test]
fn many_ellipses_over_a_repeated_passage() {
    // Every page repeats `volume twelve`: a chain of a thousand pieces starts at
    // every page, and a failing one is settled without following each alone.
    let pages = crate::generate::running_header_pages(3000);
    let ix = SourceIndex::new(pages);
    let mut pieces = vec!["volume twelve"; 1000];
    assert_eq!(line(&ix, &pieces.join(" … ")), Some(1));
    *pieces.last_mut().expect("pieces") = "volume thirteen";
    assert_eq!(line(&ix, &pieces.join(" … ")), None);
    // A piece may follow up to the gap after the previous one, so a chain of a
    // thousand pieces reaches the last page from the first.
    *pieces.last_mut().expect("pieces") = "page 2999 of";
    assert_eq!(line(&ix, &pieces.join(" … ")), Some(1));
    pieces.truncate(2);
    pieces[1] = "page 2999 of";
    assert_eq!(line(&ix, &pieces.join(" … ")), Some(2 * 2975 + 1));
}

#[test]
fn empty_quotes_have_no_words() {
    assert!(is_empty_quote(""));
    assert!(is_empty_quote("   "));
    assert!(is_empty_quote(" … , . -- "));
    assert!(!is_empty_quote("a"));
    assert!(!is_empty_quote("1917"));
}

/// Whether `piece` occurs in `text` on word boundaries at or after `from`, starting
/// at most `to`: the reference, by trying every position.
fn naive_at(n: &Normalized, piece: &str, from: usize, to: usize) -> Vec<usize> {
    (from..=to.min(n.text.len()))
        .filter(|&p| n.text.is_char_boundary(p))
        .filter(|&p| n.text[p..].starts_with(piece) && n.whole_words(p, piece))
        .collect()
}

/// The reference for a quote: some chain of occurrences, each piece within the gap
/// of the previous one's end, tried exhaustively.
fn naive_found(source: &str, quote: &str) -> bool {
    let n = normalize(source);
    let pieces = quote_pieces(quote);
    fn chain(n: &Normalized, pieces: &[String], end: usize) -> bool {
        match pieces.split_first() {
            None => true,
            Some((p, rest)) => naive_at(n, p, end, end + MAX_GAP)
                .into_iter()
                .any(|o| chain(n, rest, o + p.len())),
        }
    }
    match pieces.split_first() {
        None => false,
        Some((p, rest)) => naive_at(&n, p, 0, n.text.len())
            .into_iter()
            .any(|o| chain(&n, rest, o + p.len())),
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
    /// Whole words cut from a source are always found; a cut that begins or ends
    /// inside a word (letters on both sides of the cut) is found only where the same
    /// characters occur on word boundaries elsewhere.
    #[test]
    fn whole_word_cuts_are_found_and_mid_word_cuts_are_not(
        words in proptest::collection::vec("[a-e]{1,4}", 3..40),
        seps in proptest::collection::vec("( |, |\n|\\. |—|“|” )", 40),
        a in 0usize..1000,
        len in 1usize..6,
        trim_start in 0usize..3,
        trim_end in 0usize..3,
    ) {
        let mut source = String::new();
        let mut spans = Vec::new();
        for (w, sep) in words.iter().zip(&seps) {
            let s = source.len();
            source.push_str(w);
            spans.push((s, source.len()));
            source.push_str(sep);
        }
        let a = a % words.len();
        let b = (a + len).min(words.len()) - 1;
        let whole = &source[spans[a].0..spans[b].1];
        proptest::prop_assert!(found(&source, whole), "{:?} in {:?}", whole, source);
        // Cut inside the first and/or last word.
        let (s, e) = (spans[a].0 + trim_start, spans[b].1.saturating_sub(trim_end));
        if s < e && (trim_start > 0 || trim_end > 0)
            && spans[a].1 - spans[a].0 > trim_start
            && spans[b].1 - spans[b].0 > trim_end
        {
            let cut = &source[s..e];
            proptest::prop_assert_eq!(
                found(&source, cut),
                naive_found(&source, cut),
                "{:?} in {:?}", cut, source
            );
            // Its own place is not a match: it begins or ends inside a word.
            let ix = SourceIndex::new(source.clone());
            if let QuoteMatch::Found { offset } = ix.find(cut) {
                proptest::prop_assert!(ix.norm.whole_words(offset, &normalize(cut).text));
            }
        }
    }

    /// Words that all begin with `w`, end with `x` and are otherwise made of other
    /// letters: a cut that begins or ends inside one of them (letters on both sides)
    /// occurs nowhere on word boundaries, so it is never found; the whole words are.
    #[test]
    fn a_cut_inside_a_word_is_never_found(
        codes in proptest::collection::vec("[a-v]{1,5}", 2..30),
        seps in proptest::collection::vec("( |, |\n|—|; “)", 30),
        a in 0usize..1000,
        len in 1usize..5,
        trim_start in proptest::bool::ANY,
    ) {
        let mut source = String::new();
        let mut spans = Vec::new();
        for (code, sep) in codes.iter().zip(&seps) {
            let s = source.len();
            source.push('w');
            source.push_str(code);
            source.push('x');
            spans.push((s, source.len()));
            source.push_str(sep);
        }
        let a = a % codes.len();
        let b = (a + len).min(codes.len()) - 1;
        let whole = &source[spans[a].0..spans[b].1];
        proptest::prop_assert!(found(&source, whole), "{:?} in {:?}", whole, source);
        let cut = if trim_start {
            &source[spans[a].0 + 1..spans[b].1]
        } else {
            &source[spans[a].0..spans[b].1 - 1]
        };
        proptest::prop_assert!(!found(&source, cut), "{:?} in {:?}", cut, source);
        // Also as a piece after an ellipsis.
        let first = &source[spans[0].0..spans[0].1];
        if a > 0 {
            let q = format!("{first} … {cut}");
            proptest::prop_assert!(!found(&source, &q), "{:?} in {:?}", q, source);
        }
    }

    /// A quote with ellipses is found exactly when some chain of its pieces occurs
    /// in order on word boundaries, each within the gap of the previous one.
    #[test]
    fn ellipsis_quotes_agree_with_exhaustive_search(
        words in proptest::collection::vec("(ab|ba|a|b|x{300,900})", 2..30),
        picks in proptest::collection::vec(("(ab|ba|a|b|aba)", proptest::bool::ANY), 1..5),
    ) {
        let source = words.join(" ");
        let quote = picks
            .iter()
            .map(|(w, two)| if *two { format!("{w} {w}") } else { w.clone() })
            .collect::<Vec<_>>()
            .join(" … ");
        proptest::prop_assert_eq!(found(&source, &quote), naive_found(&source, &quote), "{}", quote);
    }
}
