//! The rules of `argmap check`: one file per rule, holding the rule's declaration
//! ([`RuleInfo`]: id, default severity, summary, explanation, example) and its check, a
//! pure function from the analysed map to diagnostics.
//!
//! **To add a rule: one file, plus one line here and one in `src/diagnostic.rs`.**
//! 1. `rules!` in `src/diagnostic.rs`: `MyRule = "my-rule", Warning;` — the name every
//!    stage reports with, its id and default severity.
//! 2. `checks/my_rule.rs`: `pub const RULE: RuleInfo = RuleInfo { ... }` (the rule,
//!    whose id and default severity come from `rules!`; summary, explanation, an
//!    example map that fires it and its fix, `found: Found::Check(check)`) and
//!    `pub fn check`.
//! 3. `my_rule,` in `registry!` below, at the rule's place in `rules!`.
//!
//! The build fails when a rule of [`Rule::ALL`] has no entry in the registry, when the
//! registry is out of order (an entry names another rule than its place says), or when
//! an entry's summary, explanation or example is empty. The integration test
//! `rules_registry` runs every example through `argmap check` (it must fire exactly its
//! rule, and the fixed version nothing) and keeps the README's table (`argmap rules
//! --format markdown`) in step (`UPDATE_README=1 cargo test --test it rules_registry`
//! rewrites it). `argmap rules` and `argmap explain RULE` print the registry.
//!
//! **Disabled rules are not run.** [`run`] runs the checks of the enabled rules only
//! (`--allow RULE` disables one), and [`crate::analyse::check_only`] skips the work
//! that only a disabled rule needs: the quote look-up (`quote-not-found`), cited support
//! (`uncited-claim`), `duplicate-id` between maps, `dangling-reference` of `same_as`
//! between maps. Two rules are found while loading, and always looked for: `yaml-syntax`
//! (a file that is not YAML gives no map to check) and the wrong-type part of `schema`
//! (the typed map cannot be built around a wrong type); `--allow` only hides those. What
//! the graph build records on the way (unresolved references, duplicate ids) is a
//! by-product of building the graph every command needs; only its reporting is skipped.
//! No check feeds another: each reads the graph, the support and the quote look-up.

use crate::analyse::groups::Groups;
use crate::analyse::inference::Inferences;
use crate::analyse::quote::QuoteMiss;
use crate::analyse::schemes::MapSchemes;
use crate::analyse::support::Support;
use crate::diagnostic::{Diagnostic, Rule, RuleSet, Seg, Severity, Target};
use crate::graph::{ArgGraph, Field, RefProblem};
use crate::path;
use petgraph::graph::NodeIndex;
use std::cell::OnceCell;

/// Declares the rules' modules and [`REGISTRY`] from one line per rule: its module.
macro_rules! registry {
    ($($module:ident,)*) => {
        $(pub mod $module;)*

        /// Every rule's declaration, in the order of [`Rule::ALL`] (the build checks):
        /// what `argmap rules`, `argmap explain` and the README's table show, and what
        /// [`run`] runs.
        pub const REGISTRY: [&RuleInfo; Rule::ALL.len()] = [$(&$module::RULE),*];
    };
}

// One line per rule, in the order of `Rule::ALL`.
registry! {
    yaml_syntax,
    schema,
    duplicate_id,
    dangling_reference,
    wrong_target_kind,
    self_reference,
    circular_support,
    support_and_attack,
    quote_not_found,
    source_unreadable,
    uncited_claim,
    uncited_evidence,
    no_thesis,
    orphan,
    unused_source,
    rebuttal_without_target,
    include_unreadable,
    include_cycle,
    include_repeated,
    implicit_quoted,
    unquoted_claim,
    unknown_scheme,
    unknown_critical_question,
    unanswered_critical_question,
    unknown_group,
    group_cycle,
    empty_group,
}

/// The declaration of a rule: everything a user is told about it, and its check.
#[derive(Debug)]
pub struct RuleInfo {
    /// The rule (its id and default severity are the enum's: [`RuleInfo::id`],
    /// [`RuleInfo::default`]).
    pub rule: Rule,
    /// What it fires on, in a line (Markdown: `code` in backticks): the README table's
    /// "fires on".
    pub summary: &'static str,
    /// The README table's "minimal example": a fragment, in Markdown.
    pub sketch: &'static str,
    /// Why it matters and what to do, in a few sentences (plain text, paragraphs
    /// separated by a blank line).
    pub explanation: &'static str,
    /// A whole map that fires this rule and no other, and its fixed version.
    pub example: Example,
    /// How the rule is found: its check (skipped when the rule is allowed), or while
    /// loading.
    pub found: Found,
}

impl RuleInfo {
    /// The rule's id, as users type it.
    pub const fn id(&self) -> &'static str {
        self.rule.id()
    }
    /// Its severity unless a flag changes it.
    pub const fn default(&self) -> Severity {
        self.rule.default_severity()
    }
}

/// A rule's example: a map that fires exactly the rule, the same map fixed (no
/// diagnostic at all), and the files beside them that they name (`source:`).
#[derive(Debug)]
pub struct Example {
    /// The map (YAML) that fires the rule.
    pub map: &'static str,
    /// The map fixed: no diagnostic.
    pub fixed: &'static str,
    /// Files beside the map: (name, text).
    pub files: &'static [(&'static str, &'static str)],
}

/// How a rule is found.
#[derive(Debug, Clone, Copy)]
pub enum Found {
    /// By its check, which runs only when the rule is enabled.
    Check(Check),
    /// While loading, by the loader alone: always looked for, reported when enabled.
    Loading,
    /// Partly while loading (always looked for), the rest by its check (run only when
    /// enabled).
    LoadingAndCheck(Check),
}

impl RuleInfo {
    /// The check, if the rule has one.
    pub fn check(&self) -> Option<Check> {
        match self.found {
            Found::Check(c) | Found::LoadingAndCheck(c) => Some(c),
            Found::Loading => None,
        }
    }
}

/// The declaration of `rule`.
pub fn info(rule: Rule) -> &'static RuleInfo {
    REGISTRY[rule as usize]
}

// The registry holds every rule, in order, each agreeing with the enum and documented:
// checked when the crate is built.
const _: () = {
    assert!(
        REGISTRY.len() == Rule::ALL.len(),
        "a rule is missing from REGISTRY"
    );
    let mut i = 0;
    while i < REGISTRY.len() {
        let r = REGISTRY[i];
        assert!(
            r.rule as usize == i,
            "REGISTRY is not in the order of Rule::ALL"
        );
        assert!(
            Rule::ALL[i] as usize == i,
            "Rule::ALL is not in declaration order"
        );
        assert!(!r.summary.is_empty(), "a rule without a summary");
        assert!(!r.sketch.is_empty(), "a rule without a minimal example");
        assert!(!r.explanation.is_empty(), "a rule without an explanation");
        assert!(!r.example.map.is_empty(), "a rule without an example");
        assert!(
            !r.example.fixed.is_empty(),
            "a rule without a fixed example"
        );
        i += 1;
    }
};

/// The state of a map's `source` text.
#[derive(Debug, Clone, Copy)]
pub enum SourceText<'a> {
    /// The map names no source (or it was not read: no enabled rule needs it).
    None,
    /// The map names a source that could not be read: why.
    Unreadable(&'a str),
    /// The source text was read and every quote looked up in it: the quotes it lacks
    /// ([`crate::analyse::quote::misses`]; the text itself is not kept).
    Checked(&'a [QuoteMiss]),
    /// The source text was read, but its quotes were not looked up (`quote-not-found`
    /// is allowed).
    NotLookedUp,
}

/// Everything a check may look at. Cited support is computed the first time a check
/// asks for it ([`Input::support`]), so when no enabled check needs it, it is not.
pub struct Input<'a, 'm> {
    /// The map's graph.
    pub graph: &'a ArgGraph<'m>,
    /// The map's source text, when it was read.
    pub source: SourceText<'a>,
    support: OnceCell<Support>,
    inferences: OnceCell<Inferences>,
    schemes: OnceCell<MapSchemes<'m>>,
    groups: OnceCell<Groups>,
}

impl<'a, 'm> Input<'a, 'm> {
    /// The input of the checks of one map.
    pub fn new(graph: &'a ArgGraph<'m>, source: SourceText<'a>) -> Input<'a, 'm> {
        Input {
            graph,
            source,
            support: OnceCell::new(),
            inferences: OnceCell::new(),
            schemes: OnceCell::new(),
            groups: OnceCell::new(),
        }
    }

    /// The map's groups resolved, on first use (the group checks share them).
    pub fn groups(&self) -> &Groups {
        self.groups.get_or_init(|| Groups::of(self.graph))
    }

    /// The map's arguments, computed on first use.
    pub fn inferences(&self) -> &Inferences {
        self.inferences.get_or_init(|| Inferences::of(self.graph))
    }

    /// The schemes of the map's arguments and the questions answered, on first use.
    pub fn schemes(&self) -> &MapSchemes<'m> {
        self.schemes
            .get_or_init(|| MapSchemes::of(self.graph, self.inferences()))
    }

    /// The map's cited support, computed on first use.
    pub fn support(&self) -> &Support {
        self.support.get_or_init(|| Support::compute(self.graph))
    }

    /// Whether cited support has been computed (by a check that needed it).
    pub fn support_computed(&self) -> bool {
        self.support.get().is_some()
    }

    /// The cited support, if a check computed it (handed on with the map:
    /// [`crate::analyse::Checked`]).
    pub fn into_support(self) -> Option<Support> {
        self.support.into_inner()
    }
}

/// A check: reads the input, appends what it finds.
pub type Check = fn(&Input, &mut Vec<Diagnostic>);

/// Runs the checks of the `enabled` rules on one map, in rule order; the others are not
/// run. Returns what they found (severities not yet configured: the caller applies the
/// flags) and which rules' checks ran.
pub fn run(input: &Input, enabled: RuleSet) -> (Vec<Diagnostic>, Vec<Rule>) {
    let mut out = Vec::new();
    let mut ran = Vec::new();
    for info in REGISTRY {
        if let Some(check) = info.check().filter(|_| enabled.contains(info.rule)) {
            check(input, &mut out);
            ran.push(info.rule);
        }
    }
    (out, ran)
}

/// The path of a node's entry: `[section, id]`.
pub(crate) fn node_path(g: &ArgGraph, ix: NodeIndex) -> Vec<Seg> {
    let n = &g.graph[ix];
    path![n.kind.section().key(), n.id]
}

/// Where a reference problem points: the list item (or, for a long-form citation, its
/// `source` value).
pub(crate) fn ref_target(g: &ArgGraph, p: &RefProblem) -> Target {
    let mut path = node_path(g, p.from);
    path.push(Seg::Key(p.field.key().to_string()));
    path.push(Seg::Index(p.item));
    if p.field == Field::Cites {
        let long = g.cite(p.from, p.item).is_some_and(|c| c.long);
        if long {
            path.push(Seg::Key("source".into()));
        }
    }
    Target::value(path)
}

/// At most this many "did you mean" searches per map, so a map full of typos stays
/// linear to check.
pub(crate) const MAX_SUGGESTIONS: usize = 200;

/// The "did you mean" searches of one check of one map, at most [`MAX_SUGGESTIONS`]:
/// past that, `guess` gives nothing without searching.
#[derive(Default)]
pub(crate) struct Guesses(usize);

impl Guesses {
    /// The candidate closest to `name` (`did_you_mean`), while searches are left.
    pub(crate) fn guess<'c>(
        &mut self,
        name: &str,
        candidates: impl IntoIterator<Item = &'c str>,
    ) -> Option<String> {
        if self.0 >= MAX_SUGGESTIONS {
            return None;
        }
        self.0 += 1;
        crate::diagnostic::did_you_mean(name, candidates)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::load::load_str;
    use crate::parse::source_text::SourceLoad;
    use std::path::Path;

    fn rules_of(diagnostics: &[Diagnostic]) -> Vec<Rule> {
        let mut rules: Vec<Rule> = diagnostics.iter().map(|d| d.rule).collect();
        rules.dedup();
        rules
    }

    #[test]
    fn an_allowed_rules_check_is_not_run() {
        let file = load_str(Path::new("orphan.yaml"), orphan::RULE.example.map.into());
        let graph = ArgGraph::build(file.map.as_ref().expect("parses"));
        let input = Input::new(&graph, SourceText::None);
        let (found, ran) = run(&input, RuleSet::ALL);
        assert_eq!(rules_of(&found), [Rule::Orphan]);
        assert!(ran.contains(&Rule::Orphan));
        // Allowed: the check does not run, so even before the flags are applied there is
        // nothing of it; every other check still runs.
        let (found, ran) = run(&input, RuleSet::ALL.without(Rule::Orphan));
        assert!(found.is_empty(), "{found:?}");
        assert!(!ran.contains(&Rule::Orphan));
        let with_checks = REGISTRY.iter().filter(|r| r.check().is_some()).count();
        assert_eq!(ran.len(), with_checks - 1);
        // yaml-syntax has no check: loading finds it.
        assert!(!ran.contains(&Rule::YamlSyntax));
        let (_, ran) = run(&input, RuleSet::NONE);
        assert!(ran.is_empty());
    }

    #[test]
    fn cited_support_is_computed_only_for_uncited_claim() {
        let file = load_str(Path::new("m.yaml"), uncited_claim::RULE.example.map.into());
        let graph = ArgGraph::build(file.map.as_ref().expect("parses"));
        let input = Input::new(&graph, SourceText::None);
        let (found, _) = run(&input, RuleSet::ALL.without(Rule::UncitedClaim));
        assert!(found.is_empty(), "{found:?}");
        assert!(!input.support_computed(), "support computed for nothing");
        let (found, _) = run(&input, RuleSet::ALL);
        assert_eq!(rules_of(&found), [Rule::UncitedClaim]);
        assert!(input.support_computed());
    }

    #[test]
    fn quotes_are_not_looked_up_when_quote_not_found_is_allowed() {
        let example = &quote_not_found::RULE.example;
        let file = load_str(Path::new("m.yaml"), example.map.into());
        let source = || SourceLoad::Text(example.files[0].1.into());
        let all: Vec<_> =
            crate::analyse::check_only(std::slice::from_ref(&file), [source()], RuleSet::ALL)
                .diagnostics
                .concat();
        assert_eq!(rules_of(&all), [Rule::QuoteNotFound]);
        let without = RuleSet::ALL.without(Rule::QuoteNotFound);
        let none = crate::analyse::check_only(std::slice::from_ref(&file), [source()], without)
            .diagnostics
            .concat();
        assert!(none.is_empty(), "{none:?}");
    }

    #[test]
    fn checks_between_maps_are_skipped_when_their_rules_are_allowed() {
        let a = "id: a\nclaims:\n  T1: {text: A., thesis: true, same_as: [b:T9]}\n";
        let b = "id: b\nclaims:\n  T1: {text: B., thesis: true}\n";
        let files = [
            load_str(Path::new("a.yaml"), a.into()),
            load_str(Path::new("b.yaml"), b.into()),
            load_str(Path::new("c.yaml"), b.into()),
        ];
        let check = |enabled: RuleSet| {
            let found = crate::analyse::check_only(
                &files,
                [SourceLoad::None, SourceLoad::None, SourceLoad::None],
                enabled,
            )
            .diagnostics
            .concat();
            let mut rules = rules_of(&found);
            rules.sort();
            rules.dedup();
            rules
        };
        let only = |rules: &[Rule]| rules.iter().copied().collect::<RuleSet>();
        assert_eq!(
            check(only(&[Rule::DuplicateId, Rule::DanglingReference])),
            [Rule::DuplicateId, Rule::DanglingReference]
        );
        assert_eq!(check(only(&[Rule::DuplicateId])), [Rule::DuplicateId]);
        assert_eq!(
            check(only(&[Rule::DanglingReference])),
            [Rule::DanglingReference]
        );
        assert!(check(RuleSet::NONE).is_empty());
    }

    #[test]
    fn the_registry_is_the_enum_in_order() {
        for (rule, info) in Rule::ALL.into_iter().zip(REGISTRY) {
            assert_eq!(info.rule, rule);
            assert_eq!(super::info(rule).rule, rule);
        }
    }
}
