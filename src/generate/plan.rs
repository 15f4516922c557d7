//! The structure of a map: how many nodes of each kind and every link between them,
//! decided before anything is written.

use super::SplitMix64;

pub(super) const NONE: u32 = u32::MAX;

/// A node of the map, by section and position: what ids are made of.
#[derive(Clone, Copy)]
pub(super) enum Id {
    Claim(u32),
    Evidence(u32),
    Rebuttal(u32),
}

/// The shape of a map: counts and every link, decided before anything is written.
/// Claims are numbered from 0 (the theses first), as are evidence and rebuttals.
pub(super) struct Plan {
    pub(super) sources: usize,
    pub(super) claims: usize,
    pub(super) evidence: usize,
    pub(super) rebuttals: usize,
    pub(super) theses: usize,
    /// Per claim: the claim it supports, a second one, the claim it attacks (then it
    /// supports nothing), a co-premise, a source it cites itself.
    pub(super) parent: Vec<u32>,
    pub(super) second: Vec<u32>,
    pub(super) attacks: Vec<u32>,
    pub(super) with: Vec<u32>,
    pub(super) direct_cite: Vec<u32>,
    /// Per evidence item: the claim it supports, a second one, a co-premise.
    pub(super) ev_target: Vec<u32>,
    pub(super) ev_second: Vec<u32>,
    pub(super) ev_with: Vec<u32>,
}

impl Plan {
    pub(super) fn new(nodes: usize, rng: &mut SplitMix64) -> Plan {
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
