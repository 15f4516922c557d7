//! Writing a planned map as YAML, directly into a string (no serializer), all text
//! double-quoted.

use super::plan::{Id, Plan, NONE};
use super::text::Text;
use super::vocab::{push_capitalised, Kind, Vocab};
use super::SplitMix64;
use std::fmt::Write as _;

/// Appends `s` to a double-quoted YAML scalar (escapes `"` and `\`).
pub(super) fn push_escaped(out: &mut String, s: &str) {
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

pub(super) fn push_dq(out: &mut String, s: &str) {
    out.push('"');
    push_escaped(out, s);
    out.push('"');
}

/// A node text: one sentence of 6 to 16 words, with now and then an apostrophe, a word
/// in double quotes or a backslash, so every output has something to escape.
pub(super) fn push_text(
    out: &mut String,
    vocab: &Vocab,
    rng: &mut SplitMix64,
    scratch: &mut String,
) {
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

pub(super) fn push_num(out: &mut String, n: usize) {
    let _ = write!(out, "{n}");
}

/// Writes the YAML of a planned map.
pub(super) struct Writer<'a> {
    pub(super) out: String,
    pub(super) scratch: String,
    pub(super) rng: &'a mut SplitMix64,
    pub(super) vocab: &'a Vocab,
    pub(super) text: &'a Text,
    pub(super) plan: &'a Plan,
    pub(super) source_ids: Vec<String>,
}

impl Writer<'_> {
    pub(super) fn id(&mut self, id: Id) {
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
    pub(super) fn id_list(&mut self, key: &str, ids: &[Id]) {
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
    pub(super) fn node_head(&mut self, id: Id) {
        self.out.push_str("  ");
        self.id(id);
        self.out.push_str(":\n    text: ");
        push_text(&mut self.out, self.vocab, self.rng, &mut self.scratch);
        self.out.push('\n');
    }

    pub(super) fn by(&mut self) {
        self.out.push_str("    by: \"");
        self.out.push_str(self.vocab.name(self.rng));
        self.out.push_str("\"\n");
    }

    pub(super) fn quote(&mut self) {
        self.out.push_str("    quote: \"");
        self.scratch.clear();
        self.text.quote(self.vocab, self.rng, &mut self.scratch);
        push_escaped(&mut self.out, &self.scratch);
        self.out.push_str("\"\n");
    }

    pub(super) fn sources(&mut self) {
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

    pub(super) fn claims(&mut self) {
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

    pub(super) fn evidence(&mut self) {
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

    pub(super) fn rebuttals(&mut self) {
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
