//! Normalisation (the rules of the module documentation), with the map back to the
//! original text, and word boundaries of the normalised text.

/// Normalised text, and where its bytes come from in the original text.
///
/// Normalisation mostly copies the text, so the map back is kept as segments: from
/// `segments[k].0` on, normalised byte `p` comes from original byte
/// `segments[k].1 + (p - segments[k].0)`. A new segment starts only where the two texts
/// shift against each other (a collapsed run of spaces, a dropped hyphen or footnote
/// marker, a curly quote folded to a straight one).
#[derive(Debug, Default)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    segments: Vec<(u32, u32)>,
    /// Normalised offsets where a hyphen between two letters on one line was dropped
    /// (`self-determination` → `selfdetermination`, a join at 4): the source had a word
    /// boundary there, so a quote may begin or end at one. (A hyphen at a line break is
    /// not a boundary: `revolu-⏎tion` is one word.) Sorted.
    joins: Vec<u32>,
}

impl Normalized {
    /// The byte offset in the original text of normalised byte `pos`.
    pub fn original_offset(&self, pos: usize) -> Option<usize> {
        let k = self.segments.partition_point(|s| s.0 as usize <= pos);
        let (norm, orig) = *self.segments.get(k.checked_sub(1)?)?;
        Some(orig as usize + (pos - norm as usize))
    }
}

fn fold_quote(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{00B4}' | '`' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => '"',
        c => c,
    }
}

fn is_dash(c: char) -> bool {
    matches!(c, '\u{2014}' | '\u{2013}' | '\u{2015}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}')
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '\'' | '"' | '\u{2019}' | '\u{201D}'
    )
}

/// Normalises `text` by the rules in the module documentation.
pub fn normalize(text: &str) -> Normalized {
    normalize_owned(text.to_string())
}

/// The character that starts at byte `i` of `bytes` (valid UTF-8 from `i` on).
fn char_at(bytes: &[u8], i: usize) -> Option<char> {
    let width = match *bytes.get(i)? {
        b @ 0x00..=0x7F => return Some(char::from(b)),
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    };
    std::str::from_utf8(bytes.get(i..i + width)?)
        .ok()?
        .chars()
        .next()
}

/// Where the text goes on after hyphen `c` (ending at byte `next_at`) that joins two
/// words, and the last character skipped: the hyphen is followed by a letter, directly
/// or after white space holding a line break. `None` if it joins nothing.
fn hyphen_join(bytes: &[u8], c: char, next_at: usize) -> Option<(usize, char)> {
    let mut newline = false;
    let mut j = next_at;
    let mut last = c;
    while let Some(ch) = char_at(bytes, j).filter(|ch| ch.is_whitespace()) {
        newline |= ch == '\n';
        j += ch.len_utf8();
        last = ch;
    }
    let next_letter = char_at(bytes, j).is_some_and(char::is_alphabetic);
    (next_letter && (j == next_at || newline)).then_some((j, last))
}

/// The end of a footnote marker starting at byte `at`: one to three digits, then white
/// space or the end of the text. `None` if the digits there are not one.
fn footnote_end(bytes: &[u8], at: usize) -> Option<usize> {
    let digits = bytes[at..]
        .iter()
        .take(4)
        .take_while(|b| b.is_ascii_digit())
        .count();
    let end = at + digits;
    let at_end = char_at(bytes, end).is_none_or(char::is_whitespace);
    (digits <= 3 && at_end).then_some(end)
}

/// Normalises `text` in its own buffer: normalisation never lengthens the text (a run of
/// white space becomes one space before the next character, a curly quote of three bytes
/// a straight one of one, the rest is copied or dropped), so the normalised text is
/// written behind the position being read and no second copy of a large source is made.
/// One pass; the look-aheads (white space after a hyphen, digits of a footnote marker)
/// are skipped over or bounded, so the cost is linear.
pub fn normalize_owned(text: String) -> Normalized {
    let mut bytes = text.into_bytes();
    let mut segments: Vec<(u32, u32)> = Vec::new();
    let mut joins: Vec<u32> = Vec::new();
    // Written so far: bytes[..w]. Invariant: w <= at, and w <= the pending space's start.
    let mut w = 0;
    let mut write = |bytes: &mut Vec<u8>, w: &mut usize, c: char, from: usize| {
        let expected = segments
            .last()
            .map(|&(norm, orig)| orig as usize + (*w - norm as usize));
        if expected != Some(from) {
            segments.push((*w as u32, from as u32));
        }
        let mut buf = [0u8; 4];
        let enc = c.encode_utf8(&mut buf).as_bytes();
        bytes[*w..*w + enc.len()].copy_from_slice(enc);
        *w += enc.len();
    };
    let mut at = 0;
    let mut prev: Option<char> = None;
    let mut pending_space: Option<usize> = None;
    let mut after_dash = false;
    while let Some(c) = char_at(&bytes, at) {
        let next_at = at + c.len_utf8();
        if c.is_whitespace() {
            if pending_space.is_none() && !after_dash && w > 0 {
                pending_space = Some(at);
            }
            prev = Some(c);
            at = next_at;
            continue;
        }
        if c == '\u{00AD}' {
            prev = Some(c);
            at = next_at;
            continue;
        }
        // A hyphen between letters (possibly across a line break) joins the two words.
        if is_hyphen(c) && pending_space.is_none() && prev.is_some_and(char::is_alphabetic) {
            if let Some((j, last)) = hyphen_join(&bytes, c, next_at) {
                if j == next_at {
                    joins.push(w as u32);
                }
                prev = Some(last);
                at = j;
                continue;
            }
        }
        // A footnote marker glued to the text: 1-3 digits, then white space or the end.
        if c.is_ascii_digit()
            && pending_space.is_none()
            && prev.is_some_and(|p| p.is_alphabetic() || is_closing(p))
        {
            if let Some(end) = footnote_end(&bytes, at) {
                prev = Some(char::from(bytes[end - 1]));
                at = end;
                continue;
            }
        }
        let dash = is_dash(c);
        if let Some(sp) = pending_space.take() {
            if !dash {
                write(&mut bytes, &mut w, ' ', sp);
            }
        }
        write(&mut bytes, &mut w, fold_quote(c), at);
        after_dash = dash;
        prev = Some(c);
        at = next_at;
    }
    bytes.truncate(w);
    bytes.shrink_to_fit();
    // Whole characters were written: the bytes are UTF-8.
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Normalized {
        text,
        segments,
        joins,
    }
}

/// Whether `c` belongs to a word: a letter, a digit, or a combining mark (an accent
/// written after its letter, `e\u{301}`).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Whether a quote has no word in it (empty, or only spaces, punctuation and
/// ellipses): such a quote says nothing, and matches anywhere or nowhere.
pub fn is_empty_quote(quote: &str) -> bool {
    !quote.chars().any(is_word_char)
}

impl Normalized {
    /// Whether normalised byte `pos` (a char boundary) is a word boundary: the text
    /// starts or ends there, a non-word character is on either side, or a hyphen between
    /// letters was dropped there.
    fn boundary_at(&self, pos: usize) -> bool {
        // (Inside a character is no boundary; matches never start there.)
        let (Some(head), Some(tail)) = (self.text.get(..pos), self.text.get(pos..)) else {
            return false;
        };
        let before = head.chars().next_back();
        let after = tail.chars().next();
        match (before, after) {
            (Some(b), Some(a)) if is_word_char(b) && is_word_char(a) => {
                self.joins.binary_search(&(pos as u32)).is_ok()
            }
            _ => true,
        }
    }

    /// Whether `piece`, found at normalised byte `start`, begins and ends on word
    /// boundaries of the text: a piece that begins with a word character must not
    /// continue a word of the text, and one that ends with a word character must not be
    /// followed by one (`revolution` is found in `revolution,` but not in
    /// `revolutionary`; `olution` not at all). Punctuation at either end needs nothing.
    pub(super) fn whole_words(&self, start: usize, piece: &str) -> bool {
        let starts_word = piece.chars().next().is_some_and(is_word_char);
        let ends_word = piece.chars().next_back().is_some_and(is_word_char);
        (!starts_word || self.boundary_at(start))
            && (!ends_word || self.boundary_at(start + piece.len()))
    }
}

/// Splits a quote at its ellipses and normalises each piece; empty pieces are dropped.
pub fn quote_pieces(quote: &str) -> Vec<String> {
    let q = quote
        .replace(". . .", "\u{2026}")
        .replace("...", "\u{2026}");
    q.split('\u{2026}')
        .map(|p| normalize(p).text)
        .filter(|p| !p.is_empty())
        .collect()
}
