//! Synthetic argument maps for benchmarks and tests: realistic in shape, deterministic
//! from a seed, valid by construction.
//!
//! [`generate`] writes a map of `nodes` entries (about 45% claims, 35% evidence, 10%
//! rebuttals, 10% sources) and the source text its quotes come from:
//!
//! - a few theses (`1 + log10(claims)`); every other claim supports one or two
//!   *earlier* claims, picked among the older three quarters, so support trees run
//!   deep (chains of 7 claims on average at 1k nodes, 14 and up to 35 at 1M) and can
//!   never be circular;
//! - about 4% of claims are counter-claims held by someone else (`by:`) that attack an
//!   earlier claim instead of supporting one; another 10% of claims carry `by:`;
//! - every claim that nothing supports gets evidence (or, when the map is too small to
//!   have enough, cites a source itself), so every claim has cited support; the other
//!   evidence supports random claims; each evidence item cites one or two sources, in
//!   the short form or the long form with `at` and `footnote`; every source is cited;
//! - some supporters are linked (`with:`) to a sibling that supports the same target;
//! - rebuttals attack claims, evidence or earlier rebuttals (three quarters of them), or
//!   undercut an existing `supports` link (`"E12 -> C5"`);
//! - quotes (all theses, 15% of claims, 60% of evidence, 20% of rebuttals) are passages
//!   of the generated source text, some with an ellipsis (`…`, `...`) standing for a gap,
//!   written the way a careful reader would type them: straight quotes and apostrophes,
//!   no line breaks, no footnote markers, hyphenated words joined. The source text has
//!   line breaks, curly quotes and apostrophes, line-end hyphenation, em dashes with and
//!   without a line break after them, double spaces and glued footnote markers
//!   (`word.12 Next`), so every rule of [`crate::analyse::quote`] is exercised.
//!
//! The map checks with no diagnostics at all. The YAML is written directly into a
//! string (no serializer), all text double-quoted: 1M nodes (180 MB of YAML and 100 MB
//! of source text) take about 2.5 s, most of it writing the files.
//! Randomness comes from [`SplitMix64`], so the output depends on nothing but
//! `(nodes, seed)`.

use std::fmt::Write as _;

/// The `source:` of a map made by [`generate`].
pub const DEFAULT_SOURCE_NAME: &str = "source.txt";

/// A generated map and the text its quotes come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Generated {
    /// The map, as YAML.
    pub map_yaml: String,
    /// The source text (to be written where the map's `source:` points).
    pub source_text: String,
}

/// The splitmix64 generator: tiny, fast, and good enough for test data.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }

    /// A number in `lo..hi` (`lo` < `hi`).
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64) * (1.0 / (1u64 << 53) as f64) < p
    }
}

// ---------------------------------------------------------------------------------------
// Vocabulary

#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "that", "is", "was", "for", "as", "with", "by", "on",
    "not", "his", "their", "this", "which", "from", "it", "be", "were", "had", "have", "an",
    "or", "but", "at", "its", "into", "after", "before", "than", "only", "also", "between",
    "whose", "under", "against", "could", "would", "must", "no", "all", "more", "such", "both",
    "every", "these",
];

/// Common content words, most frequent first; rarer, made-up words follow them.
#[rustfmt::skip]
const CONTENT_WORDS: &[&str] = &[
    "revolution", "party", "theory", "state", "power", "workers", "peasants", "class",
    "history", "socialism", "capitalism", "bourgeoisie", "proletariat", "country", "government",
    "struggle", "question", "idea", "position", "argument", "evidence", "conclusion",
    "development", "movement", "war", "peace", "economy", "industry", "land", "army", "soviet",
    "congress", "leadership", "opposition", "faction", "programme", "tactics", "strategy",
    "dictatorship", "democracy", "republic", "revolutionary", "permanent", "international",
    "national", "economic", "political", "social", "historical", "dialectical", "material",
    "conditions", "contradiction", "analysis", "interpretation", "source", "letter", "speech",
    "article", "pamphlet", "debate", "critique", "support", "rejection", "adoption",
    "influence", "agreement", "disagreement", "victory", "defeat", "crisis", "reform",
    "uprising", "insurrection", "regime", "order", "law", "freedom", "equality", "property",
    "production", "labour", "capital", "market", "trade", "city", "village", "factory",
    "committee", "council", "delegate", "election", "decision", "resolution", "policy", "plan",
    "growth", "backwardness", "transition", "stage", "phase", "period", "decade", "century",
    "generation", "leader", "thinker", "writer", "historian", "critic", "follower", "rival",
    "ally", "enemy", "exile", "prison", "victory", "belief", "doctrine", "principle", "method",
    "practice", "experience", "lesson", "example", "claim", "view", "account", "version",
    "record", "memory", "testimony", "document", "archive", "quotation", "passage", "chapter",
    "volume", "edition", "translation", "meaning", "sense", "purpose", "aim", "goal", "result",
    "consequence", "cause", "reason", "ground", "basis", "foundation", "structure", "system",
    "framework", "model", "tradition", "school", "current", "wing", "tendency", "line",
    "course", "direction", "turn", "break", "shift", "change", "continuity", "identity",
    "difference", "similarity", "essence", "form", "content", "surface", "depth", "strength",
    "weakness", "success", "failure", "hope", "fear", "doubt", "certainty", "truth", "error",
    "mistake", "illusion", "myth", "legend", "fact", "figure", "number", "majority", "minority",
    "mass", "people", "nation", "empire", "world", "europe", "russia", "germany", "china",
    "west", "east", "north", "south", "front", "border", "bread", "peace", "land", "famine",
    "harvest", "grain", "price", "wage", "tax", "ruble", "debt", "loan", "credit",
];

#[rustfmt::skip]
const SYLLABLES: &[&str] = &[
    "re", "vo", "lu", "tion", "so", "cial", "ism", "the", "o", "ry", "per", "ma", "nent", "de",
    "ter", "mi", "na", "pro", "le", "tar", "i", "at", "ca", "pi", "tal", "dia", "lec", "tic",
    "con", "tra", "dic", "ment", "his", "tor", "al", "ec", "nom", "ic", "par", "ty", "bour",
    "geois", "peas", "ant", "work", "er", "state", "pow", "in", "ter", "na", "tion", "cri",
    "sis", "the", "sis", "ar", "gu", "ev", "den", "ce", "sup", "port", "un", "der", "stand",
    "mo", "ve", "form", "ul", "ate", "im", "ple",
];

#[rustfmt::skip]
const FIRST_PARTS: &[&str] = &[
    "Tro", "Len", "Sta", "Bu", "Deut", "Kar", "Zin", "Ple", "Mar", "Kam", "Rad", "Lux", "Par",
    "Ser", "Kol", "Ryaz", "Pok", "Bog", "Sok", "Mol",
];

#[rustfmt::skip]
const LAST_PARTS: &[&str] = &[
    "tsky", "in", "lin", "kharin", "scher", "ov", "oviev", "khanov", "tov", "enev", "ek",
    "emburg", "vus", "ge", "lontai", "anov", "rovsky", "danov", "olnikov", "otov",
];

#[rustfmt::skip]
const YEARS: &[&str] = &[
    "1848", "1871", "1879", "1889", "1898", "1903", "1905", "1906", "1912", "1914", "1917",
    "1918", "1921", "1924", "1927", "1929", "1936", "1938", "1940", "1956",
];

#[rustfmt::skip]
const ACCENTED: &[&str] = &[
    "émigré", "naïve", "Zürich", "régime", "coup d’état", "détente", "élite", "façade",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Function,
    Content,
    Name,
    Year,
    Compound,
    Accented,
}

struct Vocab {
    words: Vec<(String, Kind)>,
    function: std::ops::Range<usize>,
    content: std::ops::Range<usize>,
    /// The real words at the start of `content`.
    common: usize,
    names: std::ops::Range<usize>,
    years: std::ops::Range<usize>,
    compounds: std::ops::Range<usize>,
    accented: std::ops::Range<usize>,
}

impl Vocab {
    /// The same vocabulary for every seed, so maps of different seeds talk about the
    /// same things (as two maps of essays on one subject do).
    fn new() -> Vocab {
        let mut rng = SplitMix64::new(0x0A76_3A90);
        let mut words: Vec<(String, Kind)> = Vec::with_capacity(5000);
        let mut seen = std::collections::HashSet::new();
        let mut push = |w: String, k: Kind, words: &mut Vec<(String, Kind)>| {
            if seen.insert(w.clone()) {
                words.push((w, k));
            }
        };
        let start = words.len();
        for w in FUNCTION_WORDS {
            push(w.to_string(), Kind::Function, &mut words);
        }
        let function = start..words.len();
        let start = words.len();
        for w in CONTENT_WORDS {
            push(w.to_string(), Kind::Content, &mut words);
        }
        let common = words.len() - start;
        let mut tries = 0;
        while words.len() - start < 4000 && tries < 100_000 {
            tries += 1;
            let n = 2 + rng.below(3);
            let mut w = String::new();
            for _ in 0..n {
                w.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
            }
            push(w, Kind::Content, &mut words);
        }
        let content = start..words.len();
        let start = words.len();
        for a in FIRST_PARTS {
            for b in LAST_PARTS {
                push(format!("{a}{b}"), Kind::Name, &mut words);
            }
        }
        let names = start..words.len();
        let start = words.len();
        for y in YEARS {
            push(y.to_string(), Kind::Year, &mut words);
        }
        let years = start..words.len();
        let start = words.len();
        for i in 0..60 {
            let a = &words[content.start + (i * 7) % 40].0.clone();
            let b = &words[content.start + 100 + i * 13].0.clone();
            push(format!("{a}-{b}"), Kind::Compound, &mut words);
        }
        let compounds = start..words.len();
        let start = words.len();
        for w in ACCENTED {
            push(w.to_string(), Kind::Accented, &mut words);
        }
        let accented = start..words.len();
        Vocab {
            words,
            function,
            content,
            common,
            names,
            years,
            compounds,
            accented,
        }
    }

    /// A word index, Zipf-like: function words half the time, common content words
    /// more often than rare ones, now and then a name, a year, a compound.
    fn pick(&self, rng: &mut SplitMix64) -> usize {
        let r = rng.below(1000);
        let from = |rng: &mut SplitMix64, range: &std::ops::Range<usize>| {
            range.start + rng.below(range.len())
        };
        match r {
            0..=449 => from(rng, &self.function),
            450..=479 => from(rng, &self.names),
            480..=489 => from(rng, &self.years),
            490..=499 => from(rng, &self.compounds),
            500..=504 => from(rng, &self.accented),
            _ => self.content_index(rng),
        }
    }

    /// A content word: a common one seven times in ten, else one of the long tail.
    fn content_index(&self, rng: &mut SplitMix64) -> usize {
        let (start, n) = if rng.chance(0.7) {
            (self.content.start, self.common)
        } else {
            (
                self.content.start + self.common,
                self.content.len() - self.common,
            )
        };
        let r = rng.below(n) + 1;
        start + rng.below(r)
    }

    fn name(&self, rng: &mut SplitMix64) -> &str {
        &self.words[self.names.start + rng.below(self.names.len())].0
    }

    fn content_word(&self, rng: &mut SplitMix64) -> &str {
        &self.words[self.content_index(rng)].0
    }
}

/// Appends `w` with its first letter upper-cased.
fn push_capitalised(out: &mut String, w: &str) {
    let mut cs = w.chars();
    if let Some(c) = cs.next() {
        out.extend(c.to_uppercase());
        out.push_str(cs.as_str());
    }
}

// ---------------------------------------------------------------------------------------
// The source text: a stream of tokens, rendered once as the source (with the typography
// of a scanned book) and, for any token range, as a quote (typed by a reader).

const CAP: u16 = 1; // first letter upper-cased
const POSS: u16 = 1 << 1; // possessive ’s
const OPENQ: u16 = 1 << 2; // “ before
const CLOSEQ: u16 = 1 << 3; // ” after (and after the punctuation)
const COMMA: u16 = 1 << 4;
const PERIOD: u16 = 1 << 5;
const MARK: u16 = 1 << 6; // glued footnote marker after the token
const DASH: u16 = 1 << 7; // separator after: an em dash (no spaces)
const PARA: u16 = 1 << 8; // separator after: a blank line

#[derive(Clone, Copy)]
struct Tok {
    word: u32,
    flags: u16,
}

struct Text {
    toks: Vec<Tok>,
}

impl Text {
    fn new(vocab: &Vocab, words: usize, rng: &mut SplitMix64) -> Text {
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
    fn marker(i: usize) -> usize {
        (i * 7) % 150 + 1
    }

    /// Appends token `i` as the source prints it (no separator).
    fn push_source(&self, vocab: &Vocab, i: usize, out: &mut String) {
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
    fn push_quote(&self, vocab: &Vocab, i: usize, curly: bool, out: &mut String) {
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
    fn push_quote_range(
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
    fn render(&self, vocab: &Vocab, rng: &mut SplitMix64) -> String {
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
    fn quote(&self, vocab: &Vocab, rng: &mut SplitMix64, out: &mut String) {
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

// ---------------------------------------------------------------------------------------
// Writing YAML

/// Appends `s` to a double-quoted YAML scalar (escapes `"` and `\`).
fn push_escaped(out: &mut String, s: &str) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        if b == b'"' || b == b'\\' {
            out.push_str(&s[last..i]);
            out.push('\\');
            last = i;
        }
    }
    out.push_str(&s[last..]);
}

fn push_dq(out: &mut String, s: &str) {
    out.push('"');
    push_escaped(out, s);
    out.push('"');
}

/// A node text: one sentence of 6 to 16 words, with now and then an apostrophe, a word
/// in double quotes or a backslash, so every output has something to escape.
fn push_text(out: &mut String, vocab: &Vocab, rng: &mut SplitMix64, scratch: &mut String) {
    scratch.clear();
    let len = 6 + rng.below(11);
    for i in 0..len {
        if i > 0 {
            scratch.push(' ');
        }
        let w = vocab.pick(rng);
        let (word, kind) = (&vocab.words[w].0, vocab.words[w].1);
        let quoted = kind == Kind::Content && rng.chance(0.01);
        if quoted {
            scratch.push('"');
        }
        if i == 0 {
            push_capitalised(scratch, word);
        } else {
            scratch.push_str(word);
        }
        if kind == Kind::Name && rng.chance(0.2) {
            scratch.push_str(if rng.chance(0.5) { "'s" } else { "’s" });
        }
        if quoted {
            scratch.push('"');
        }
        if i + 1 < len && rng.chance(0.002) {
            scratch.push_str(" \\");
        }
    }
    scratch.push('.');
    push_dq(out, scratch);
}

fn push_num(out: &mut String, n: usize) {
    let _ = write!(out, "{n}");
}

const NONE: u32 = u32::MAX;

/// A node of the map, by section and position: what ids are made of.
#[derive(Clone, Copy)]
enum Id {
    Claim(u32),
    Evidence(u32),
    Rebuttal(u32),
}

/// The shape of a map: counts and every link, decided before anything is written.
/// Claims are numbered from 0 (the theses first), as are evidence and rebuttals.
struct Plan {
    sources: usize,
    claims: usize,
    evidence: usize,
    rebuttals: usize,
    theses: usize,
    /// Per claim: the claim it supports, a second one, the claim it attacks (then it
    /// supports nothing), a co-premise, a source it cites itself.
    parent: Vec<u32>,
    second: Vec<u32>,
    attacks: Vec<u32>,
    with: Vec<u32>,
    direct_cite: Vec<u32>,
    /// Per evidence item: the claim it supports, a second one, a co-premise.
    ev_target: Vec<u32>,
    ev_second: Vec<u32>,
    ev_with: Vec<u32>,
}

impl Plan {
    fn new(nodes: usize, rng: &mut SplitMix64) -> Plan {
        let sources = (nodes / 10).max(1);
        let rebuttals = (nodes / 10).max(1);
        let evidence = (nodes * 35 / 100).max(1);
        let claims = nodes - sources - rebuttals - evidence;
        let theses = (1 + claims.ilog10() as usize).min(claims);

        // Claims support (or attack) earlier claims only, so support is acyclic.
        let mut parent = vec![NONE; claims];
        let mut second = vec![NONE; claims];
        let mut attacks = vec![NONE; claims];
        let mut with = vec![NONE; claims];
        let mut has_child = vec![false; claims];
        let mut last_child = vec![NONE; claims];
        for i in theses..claims {
            if i > theses + 2 && rng.chance(0.04) {
                attacks[i] = rng.below(i) as u32;
                continue;
            }
            let p = rng.range(i / 4, i);
            parent[i] = p as u32;
            has_child[p] = true;
            if last_child[p] != NONE && rng.chance(0.05) {
                with[i] = last_child[p];
            }
            last_child[p] = i as u32;
            if i > 4 && rng.chance(0.1) {
                let q = rng.range(i / 4, i);
                if q != p {
                    second[i] = q as u32;
                    has_child[q] = true;
                }
            }
        }

        // Evidence: first one for every claim nothing supports, then random claims.
        let mut leaves: Vec<u32> = (0..claims as u32)
            .filter(|&c| !has_child[c as usize])
            .collect();
        for i in (1..leaves.len()).rev() {
            let j = rng.below(i + 1);
            leaves.swap(i, j);
        }
        let mut ev_target = vec![NONE; evidence];
        let mut ev_second = vec![NONE; evidence];
        let mut ev_with = vec![NONE; evidence];
        let mut last_ev = vec![NONE; claims];
        for e in 0..evidence {
            let t = match leaves.get(e) {
                Some(&c) => c as usize,
                None => rng.below(claims),
            };
            ev_target[e] = t as u32;
            if last_ev[t] != NONE && rng.chance(0.1) {
                ev_with[e] = last_ev[t];
            }
            last_ev[t] = e as u32;
            if claims > 1 && rng.chance(0.08) {
                let u = rng.below(claims);
                if u != t {
                    ev_second[e] = u as u32;
                }
            }
        }
        // Claims left without evidence (small maps) cite a source themselves.
        let mut direct_cite = vec![NONE; claims];
        for &c in leaves.iter().skip(evidence) {
            direct_cite[c as usize] = rng.below(sources) as u32;
        }
        Plan {
            sources,
            claims,
            evidence,
            rebuttals,
            theses,
            parent,
            second,
            attacks,
            with,
            direct_cite,
            ev_target,
            ev_second,
            ev_with,
        }
    }
}

/// Writes the YAML of a planned map.
struct Writer<'a> {
    out: String,
    scratch: String,
    rng: &'a mut SplitMix64,
    vocab: &'a Vocab,
    text: &'a Text,
    plan: &'a Plan,
    source_ids: Vec<String>,
}

impl Writer<'_> {
    fn id(&mut self, id: Id) {
        let (letter, n) = match id {
            Id::Claim(i) if (i as usize) < self.plan.theses => ('T', i as usize),
            Id::Claim(i) => ('C', i as usize - self.plan.theses),
            Id::Evidence(i) => ('E', i as usize),
            Id::Rebuttal(i) => ('R', i as usize),
        };
        self.out.push(letter);
        push_num(&mut self.out, n + 1);
    }

    /// `    key: [A, B]` (NONE entries left out; nothing when all are NONE).
    fn id_list(&mut self, key: &str, ids: &[Id]) {
        let ids: Vec<Id> = ids
            .iter()
            .copied()
            .filter(|id| !matches!(id, Id::Claim(NONE) | Id::Evidence(NONE)))
            .collect();
        if ids.is_empty() {
            return;
        }
        self.out.push_str("    ");
        self.out.push_str(key);
        self.out.push_str(": [");
        for (k, &id) in ids.iter().enumerate() {
            if k > 0 {
                self.out.push_str(", ");
            }
            self.id(id);
        }
        self.out.push_str("]\n");
    }

    /// `  ID:` and its `text:`.
    fn node_head(&mut self, id: Id) {
        self.out.push_str("  ");
        self.id(id);
        self.out.push_str(":\n    text: ");
        push_text(&mut self.out, self.vocab, self.rng, &mut self.scratch);
        self.out.push('\n');
    }

    fn by(&mut self) {
        self.out.push_str("    by: \"");
        self.out.push_str(self.vocab.name(self.rng));
        self.out.push_str("\"\n");
    }

    fn quote(&mut self) {
        self.out.push_str("    quote: \"");
        self.scratch.clear();
        self.text.quote(self.vocab, self.rng, &mut self.scratch);
        push_escaped(&mut self.out, &self.scratch);
        self.out.push_str("\"\n");
    }

    fn sources(&mut self) {
        self.out.push_str("sources:\n");
        for s in 0..self.plan.sources {
            let name = self.vocab.name(self.rng).to_string();
            let year = 1850 + self.rng.below(170);
            let id = format!("{}-{year}-{}", name.to_ascii_lowercase(), s + 1);
            let out = &mut self.out;
            out.push_str("  ");
            out.push_str(&id);
            out.push_str(":\n");
            if self.rng.chance(0.05) {
                let _ = writeln!(out, "    note: \"Footnote {}; the title is lost\"", s + 1);
            } else {
                out.push_str("    author: \"");
                out.push(name.chars().next().unwrap_or('A'));
                out.push_str(". ");
                out.push_str(self.vocab.name(self.rng));
                out.push_str("\"\n    title: \"The ");
                push_capitalised(out, self.vocab.content_word(self.rng));
                out.push_str(" of ");
                push_capitalised(out, self.vocab.content_word(self.rng));
                out.push_str("\"\n    year: ");
                push_num(out, year);
                out.push('\n');
                if self.rng.chance(0.3) {
                    out.push_str("    publisher: \"");
                    out.push_str(self.vocab.name(self.rng));
                    out.push_str(" Press\"\n");
                }
            }
            self.source_ids.push(id);
        }
    }

    fn claims(&mut self) {
        let plan = self.plan;
        // Sources no evidence cites (when there is less evidence than sources): the
        // first thesis cites them.
        let uncited_from = plan.evidence.min(plan.sources);
        self.out.push_str("claims:\n");
        for i in 0..plan.claims {
            self.node_head(Id::Claim(i as u32));
            if i < plan.theses {
                self.out.push_str("    thesis: true\n");
            }
            // Counter-claims always have a holder; other claims now and then.
            if plan.attacks[i] != NONE || self.rng.chance(0.1) {
                self.by();
            }
            if i < plan.theses || self.rng.chance(0.15) {
                self.quote();
            }
            self.id_list(
                "supports",
                &[Id::Claim(plan.parent[i]), Id::Claim(plan.second[i])],
            );
            self.id_list("with", &[Id::Claim(plan.with[i])]);
            self.id_list("attacks", &[Id::Claim(plan.attacks[i])]);
            let mut cites: Vec<usize> = Vec::new();
            if plan.direct_cite[i] != NONE {
                cites.push(plan.direct_cite[i] as usize);
            }
            if i == 0 {
                cites.extend(uncited_from..plan.sources);
            }
            if !cites.is_empty() {
                self.out.push_str("    cites: [");
                for (k, s) in cites.iter().enumerate() {
                    if k > 0 {
                        self.out.push_str(", ");
                    }
                    self.out.push_str(&self.source_ids[*s]);
                }
                self.out.push_str("]\n");
            }
        }
    }

    fn evidence(&mut self) {
        let plan = self.plan;
        self.out.push_str("evidence:\n");
        for e in 0..plan.evidence {
            self.node_head(Id::Evidence(e as u32));
            if self.rng.chance(0.6) {
                self.quote();
            }
            // The first evidence items cite every source once; the rest at random.
            let first = if e < plan.sources {
                e
            } else {
                self.rng.below(plan.sources)
            };
            let mut cited = vec![first];
            if plan.sources > 1 && self.rng.chance(0.3) {
                let s = self.rng.below(plan.sources);
                if s != first {
                    cited.push(s);
                }
            }
            self.out.push_str("    cites:\n");
            for s in cited {
                let out = &mut self.out;
                let id = &self.source_ids[s];
                match self.rng.below(4) {
                    0 | 1 => {
                        out.push_str("      - ");
                        out.push_str(id);
                    }
                    2 => {
                        out.push_str("      - { source: ");
                        out.push_str(id);
                        out.push_str(", at: \"");
                        push_num(out, 1 + self.rng.below(600));
                        out.push_str("\", footnote: ");
                        push_num(out, 1 + self.rng.below(120));
                        out.push_str(" }");
                    }
                    _ => {
                        out.push_str("      - { source: ");
                        out.push_str(id);
                        out.push_str(", at: \"");
                        let page = 1 + self.rng.below(600);
                        push_num(out, page);
                        out.push('-');
                        push_num(out, page + 1 + self.rng.below(5));
                        out.push_str("\" }");
                    }
                }
                out.push('\n');
            }
            self.id_list(
                "supports",
                &[Id::Claim(plan.ev_target[e]), Id::Claim(plan.ev_second[e])],
            );
            self.id_list("with", &[Id::Evidence(plan.ev_with[e])]);
        }
    }

    fn rebuttals(&mut self) {
        let plan = self.plan;
        self.out.push_str("rebuttals:\n");
        for r in 0..plan.rebuttals {
            self.node_head(Id::Rebuttal(r as u32));
            if self.rng.chance(0.5) {
                self.by();
            }
            if self.rng.chance(0.2) {
                self.quote();
            }
            if self.rng.chance(0.25) {
                // Undercut a supports link: claim -> claim, or evidence -> claim.
                let c = self.rng.below(plan.claims);
                let (from, to) = if plan.parent[c] != NONE && self.rng.chance(0.4) {
                    (Id::Claim(c as u32), plan.parent[c])
                } else {
                    let e = self.rng.below(plan.evidence);
                    (Id::Evidence(e as u32), plan.ev_target[e])
                };
                self.out.push_str("    undercuts: [\"");
                self.id(from);
                self.out.push_str(" -> ");
                self.id(Id::Claim(to));
                self.out.push_str("\"]\n");
            } else {
                let target = match self.rng.below(20) {
                    0..=11 => Id::Claim(self.rng.below(plan.claims) as u32),
                    12..=16 => Id::Evidence(self.rng.below(plan.evidence) as u32),
                    _ if r > 0 => Id::Rebuttal(self.rng.below(r) as u32),
                    _ => Id::Claim(self.rng.below(plan.claims) as u32),
                };
                self.id_list("attacks", &[target]);
            }
        }
    }
}

/// Generates a map of about `nodes` entries (at least 4) whose `source:` is
/// [`DEFAULT_SOURCE_NAME`].
pub fn generate(nodes: usize, seed: u64) -> Generated {
    generate_named(nodes, seed, DEFAULT_SOURCE_NAME)
}

/// Generates a map of `nodes` entries (at least 4) whose `source:` is `source_name`
/// (a path relative to where the map will be written).
pub fn generate_named(nodes: usize, seed: u64, source_name: &str) -> Generated {
    let nodes = nodes.max(4);
    let mut rng = SplitMix64::new(seed);
    let vocab = Vocab::new();
    // The source text: about 14 words (100 bytes) per node.
    let text = Text::new(&vocab, (nodes * 14).max(1500), &mut rng);
    let source_text = text.render(&vocab, &mut rng);
    let plan = Plan::new(nodes, &mut rng);

    let mut out = String::with_capacity(nodes * 200 + 1024);
    let _ = writeln!(out, "id: synthetic-{nodes}-{seed}");
    let _ = writeln!(out, "title: \"Synthetic map: {nodes} nodes, seed {seed}\"");
    out.push_str("source: ");
    push_dq(&mut out, source_name);
    out.push('\n');
    let mut w = Writer {
        out,
        scratch: String::new(),
        rng: &mut rng,
        vocab: &vocab,
        text: &text,
        plan: &plan,
        source_ids: Vec::with_capacity(plan.sources),
    };
    w.sources();
    w.claims();
    w.evidence();
    w.rebuttals();
    Generated {
        map_yaml: w.out,
        source_text,
    }
}

/// The running header of [`running_header_pages`].
pub const RUNNING_HEADER: &str = "Journal of Historical Materialism, volume twelve";

/// A source that repeats [`RUNNING_HEADER`] on each of `pages` two-line pages (the header,
/// then `page N of the long discussion`): the worst case for an index of words, since
/// every window of the header occurs once per page.
pub fn running_header_pages(pages: usize) -> String {
    let mut out = String::new();
    for page in 0..pages {
        out.push_str(RUNNING_HEADER);
        out.push_str(&format!("\npage {page} of the long discussion\n"));
    }
    out
}

/// A source text of about `bytes` bytes and `quotes` quotes drawn from it (as in maps
/// made by [`generate`]): for measuring quote look-up alone.
pub fn source_and_quotes(bytes: usize, quotes: usize, seed: u64) -> (String, Vec<String>) {
    let mut rng = SplitMix64::new(seed);
    let vocab = Vocab::new();
    let text = Text::new(&vocab, (bytes / 7).max(100), &mut rng);
    let source = text.render(&vocab, &mut rng);
    let qs = (0..quotes)
        .map(|_| {
            let mut q = String::new();
            text.quote(&vocab, &mut rng, &mut q);
            q
        })
        .collect();
    (source, qs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::quote::{QuoteMatch, SourceIndex};

    #[test]
    fn splitmix_is_the_reference_sequence() {
        // The first outputs for seed 1234567 of the reference implementation.
        let mut r = SplitMix64::new(1234567);
        assert_eq!(r.next_u64(), 6457827717110365317);
        assert_eq!(r.next_u64(), 3203168211198807973);
    }

    #[test]
    fn every_quote_is_found() {
        let (source, quotes) = source_and_quotes(200_000, 2000, 7);
        let index = SourceIndex::new(source);
        for q in &quotes {
            assert!(
                matches!(index.find(q), QuoteMatch::Found { .. }),
                "not found: {q}"
            );
        }
    }

    #[test]
    fn the_source_exercises_every_matching_rule() {
        let (source, _) = source_and_quotes(200_000, 0, 3);
        assert!(source.contains('’'));
        assert!(source.contains('“'));
        assert!(source.contains("-\n"));
        assert!(source.contains("—\n"));
        assert!(source.contains("  "));
        assert!(source.contains(".\n\n"));
        let glued = source
            .as_bytes()
            .windows(3)
            .any(|w| w[0] == b'.' && w[1].is_ascii_digit() && w[2].is_ascii_digit());
        assert!(glued, "no glued footnote marker");
    }
}
