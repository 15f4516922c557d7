//! The source text: a stream of tokens, rendered once as the source (with the
//! typography of a scanned book) and, for any token range, as a quote (typed by a
//! reader).

use super::vocab::{push_capitalised, Kind, Vocab};
use super::SplitMix64;
use std::fmt::Write as _;

pub(super) const CAP: u16 = 1; // first letter upper-cased
pub(super) const POSS: u16 = 1 << 1; // possessive ’s
pub(super) const OPENQ: u16 = 1 << 2; // “ before
pub(super) const CLOSEQ: u16 = 1 << 3; // ” after (and after the punctuation)
pub(super) const COMMA: u16 = 1 << 4;
pub(super) const PERIOD: u16 = 1 << 5;
pub(super) const MARK: u16 = 1 << 6; // glued footnote marker after the token
pub(super) const DASH: u16 = 1 << 7; // separator after: an em dash (no spaces)
pub(super) const PARA: u16 = 1 << 8; // separator after: a blank line

#[derive(Clone, Copy)]
pub(super) struct Tok {
    pub(super) word: u32,
    pub(super) flags: u16,
}

pub(super) struct Text {
    pub(super) toks: Vec<Tok>,
}

impl Text {
    pub(super) fn new(vocab: &Vocab, words: usize, rng: &mut SplitMix64) -> Text {
        let mut toks = Vec::with_capacity(words + 32);
        let mut sentences_in_para = 0;
        let mut para_len = 3 + rng.below(5);
        while toks.len() < words {
            let len = 8 + rng.below(17);
            let first = toks.len();
            let mut open_quote: Option<usize> = None;
            for i in 0..len {
                let word = vocab.pick(rng);
                let kind = vocab.words[word].1;
                let mut flags = 0;
                if i == 0 {
                    flags |= CAP;
                }
                let plain = matches!(kind, Kind::Content | Kind::Name);
                if plain && rng.chance(0.03) {
                    flags |= POSS;
                }
                if i > 0 && i + 1 < len {
                    if let Some(o) = open_quote {
                        if toks.len() - o >= 2 || rng.chance(0.5) {
                            flags |= CLOSEQ;
                            open_quote = None;
                        }
                    } else if plain && rng.chance(0.02) {
                        flags |= OPENQ;
                        if rng.chance(0.5) {
                            flags |= CLOSEQ;
                        } else {
                            open_quote = Some(toks.len());
                        }
                    }
                }
                if i + 1 == len {
                    if open_quote.take().is_some() {
                        flags |= CLOSEQ;
                    }
                    flags |= PERIOD;
                    if rng.chance(0.1) {
                        flags |= MARK;
                    }
                } else if i > 1 && rng.chance(0.06) {
                    flags |= COMMA;
                } else if kind != Kind::Year && flags & CLOSEQ == 0 && rng.chance(0.015) {
                    flags |= DASH;
                } else if flags & CLOSEQ == 0 && plain && rng.chance(0.01) {
                    // A footnote marker glued to a word (`Marxism1 From`).
                    flags |= MARK;
                }
                toks.push(Tok {
                    word: word as u32,
                    flags,
                });
            }
            debug_assert!(toks.len() > first);
            sentences_in_para += 1;
            if sentences_in_para == para_len {
                sentences_in_para = 0;
                para_len = 3 + rng.below(5);
                toks.last_mut().expect("a sentence").flags |= PARA;
            }
        }
        Text { toks }
    }

    /// The footnote number of the marker after token `i` (1 to 3 digits).
    pub(super) fn marker(i: usize) -> usize {
        (i * 7) % 150 + 1
    }

    /// Appends token `i` as the source prints it (no separator).
    pub(super) fn push_source(&self, vocab: &Vocab, i: usize, out: &mut String) {
        let t = self.toks[i];
        if t.flags & OPENQ != 0 {
            out.push('“');
        }
        let w = &vocab.words[t.word as usize].0;
        if t.flags & CAP != 0 {
            push_capitalised(out, w);
        } else {
            out.push_str(w);
        }
        if t.flags & POSS != 0 {
            out.push_str("’s");
        }
        if t.flags & COMMA != 0 {
            out.push(',');
        }
        if t.flags & PERIOD != 0 {
            out.push('.');
        }
        if t.flags & CLOSEQ != 0 {
            out.push('”');
        }
        if t.flags & MARK != 0 {
            let _ = write!(out, "{}", Text::marker(i));
        }
    }

    /// Appends token `i` as a reader types it in a quote (no separator).
    pub(super) fn push_quote(&self, vocab: &Vocab, i: usize, curly: bool, out: &mut String) {
        let t = self.toks[i];
        if t.flags & OPENQ != 0 {
            out.push(if curly { '“' } else { '"' });
        }
        let w = &vocab.words[t.word as usize].0;
        if t.flags & CAP != 0 {
            push_capitalised(out, w);
        } else {
            out.push_str(w);
        }
        if t.flags & POSS != 0 {
            out.push_str(if curly { "’s" } else { "'s" });
        }
        if t.flags & COMMA != 0 {
            out.push(',');
        }
        if t.flags & PERIOD != 0 {
            out.push('.');
        }
        if t.flags & CLOSEQ != 0 {
            out.push(if curly { '”' } else { '"' });
        }
    }

    /// The quote of tokens `a..b`, words separated as a reader would.
    pub(super) fn push_quote_range(
        &self,
        vocab: &Vocab,
        a: usize,
        b: usize,
        rng: &mut SplitMix64,
        out: &mut String,
    ) {
        let curly = rng.chance(0.2);
        for i in a..b {
            self.push_quote(vocab, i, curly, out);
            if i + 1 < b {
                if self.toks[i].flags & DASH != 0 {
                    out.push_str(if rng.chance(0.5) { "—" } else { " — " });
                } else {
                    out.push(' ');
                }
            }
        }
    }

    /// The source text: lines of at most about 72 characters, long words hyphenated at
    /// the end of a line now and then.
    pub(super) fn render(&self, vocab: &Vocab, rng: &mut SplitMix64) -> String {
        const WIDTH: usize = 72;
        let mut out = String::with_capacity(self.toks.len() * 8);
        let mut tok = String::new();
        let mut col = 0usize;
        let mut sep_before = PARA; // the start of the text is like a new paragraph
        for i in 0..self.toks.len() {
            tok.clear();
            self.push_source(vocab, i, &mut tok);
            let len = tok.chars().count();
            let t = self.toks[i];
            if sep_before & PARA != 0 {
                if i > 0 {
                    out.push_str("\n\n");
                }
                col = 0;
            } else if sep_before & DASH != 0 {
                // The dash is already written; break after it or not.
                if col + len > WIDTH {
                    out.push('\n');
                    col = 0;
                }
            } else if col + 1 + len > WIDTH {
                let splittable = t.flags & !(CAP | DASH | PARA) == 0
                    && len >= 8
                    && tok.bytes().all(|b| b.is_ascii_alphabetic());
                if splittable && rng.chance(0.6) {
                    let m = rng.range(3, len - 2);
                    out.push(' ');
                    out.push_str(&tok[..m]);
                    out.push_str("-\n");
                    out.push_str(&tok[m..]);
                    col = len - m;
                    sep_before = t.flags & (DASH | PARA);
                    if t.flags & DASH != 0 {
                        out.push('—');
                        col += 1;
                    }
                    continue;
                }
                out.push('\n');
                col = 0;
            } else {
                out.push(' ');
                col += 1;
                if rng.chance(0.01) {
                    out.push(' ');
                    col += 1;
                }
            }
            out.push_str(&tok);
            col += len;
            if t.flags & DASH != 0 {
                out.push('—');
                col += 1;
            }
            sep_before = t.flags & (DASH | PARA);
        }
        out.push('\n');
        out
    }

    /// A quote: a passage of 6 to 20 tokens, or (one time in ten) two passages of 4 to
    /// 10 tokens with a short gap between them, joined by an ellipsis.
    pub(super) fn quote(&self, vocab: &Vocab, rng: &mut SplitMix64, out: &mut String) {
        let n = self.toks.len();
        if rng.chance(0.1) && n > 60 {
            let l1 = 4 + rng.below(7);
            let gap = 2 + rng.below(24);
            let l2 = 4 + rng.below(7);
            let a = rng.below(n - (l1 + gap + l2));
            self.push_quote_range(vocab, a, a + l1, rng, out);
            // `. . .` after a full stop would be read as starting at that stop.
            let ends_with_stop = out.ends_with('.') || out.ends_with(".\"");
            out.push_str(match rng.below(3) {
                0 => " … ",
                1 if !ends_with_stop => " . . . ",
                1 => "…",
                _ => " ... ",
            });
            let b = a + l1 + gap;
            self.push_quote_range(vocab, b, b + l2, rng, out);
        } else {
            let len = (6 + rng.below(15)).min(n);
            let a = rng.below(n - len + 1);
            self.push_quote_range(vocab, a, a + len, rng, out);
        }
    }
}
