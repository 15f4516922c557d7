//! The one diagnostic type every stage reports with, and the rule ids.

use serde::Serialize;
use std::fmt;

/// Declares [`Rule`] from one line per rule, `Variant = "id", DefaultSeverity;`: the
/// enum, [`Rule::ALL`] (in the order of the lines), [`Rule::id`] and
/// [`Rule::default_severity`], so none of them can miss a rule.
macro_rules! rules {
    ($($variant:ident = $id:literal, $default:ident;)*) => {
        /// Every rule argmap checks. The kebab-case name is the rule id users type.
        ///
        /// This is the vocabulary every stage reports with (loading reports `yaml-syntax`
        /// and `schema`), so it lives here, at the bottom. Each rule's declaration — id,
        /// default severity, summary, explanation, example — is in its own file under
        /// `src/analyse/checks/` (`RULE`), listed in `crate::analyse::checks::REGISTRY`;
        /// the build fails when the registry misses a rule or disagrees with [`Rule::id`]
        /// or [`Rule::default_severity`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum Rule {
            $(
                #[doc = concat!("`", $id, "`")]
                $variant,
            )*
        }

        impl Rule {
            /// All rules, in the order of the README's table (and of the registry).
            pub const ALL: [Rule; [$(Rule::$variant),*].len()] = [$(Rule::$variant),*];

            /// The rule id, e.g. `circular-support`.
            pub const fn id(self) -> &'static str {
                match self {
                    $(Rule::$variant => $id,)*
                }
            }

            /// The severity a rule has unless the user changes it.
            pub const fn default_severity(self) -> Severity {
                match self {
                    $(Rule::$variant => Severity::$default,)*
                }
            }
        }
    };
}

rules! {
    YamlSyntax = "yaml-syntax", Error;
    Schema = "schema", Error;
    DuplicateId = "duplicate-id", Error;
    DanglingReference = "dangling-reference", Error;
    WrongTargetKind = "wrong-target-kind", Error;
    SelfReference = "self-reference", Error;
    CircularSupport = "circular-support", Error;
    SupportAndAttack = "support-and-attack", Error;
    QuoteNotFound = "quote-not-found", Error;
    SourceUnreadable = "source-unreadable", Error;
    UncitedClaim = "uncited-claim", Warning;
    UncitedEvidence = "uncited-evidence", Warning;
    NoThesis = "no-thesis", Warning;
    Orphan = "orphan", Warning;
    UnusedSource = "unused-source", Warning;
    RebuttalWithoutTarget = "rebuttal-without-target", Error;
    IncludeUnreadable = "include-unreadable", Error;
    IncludeCycle = "include-cycle", Error;
    IncludeRepeated = "include-repeated", Warning;
    ImplicitQuoted = "implicit-quoted", Error;
    UnquotedClaim = "unquoted-claim", Warning;
    UnknownScheme = "unknown-scheme", Error;
    UnknownCriticalQuestion = "unknown-critical-question", Error;
    UnansweredCriticalQuestion = "unanswered-critical-question", Warning;
    UnknownGroup = "unknown-group", Error;
    GroupCycle = "group-cycle", Error;
    EmptyGroup = "empty-group", Warning;
}

impl Rule {
    /// Whether the rule is allowed (not reported, its check not run) unless a flag
    /// (`--warn RULE`, `--deny RULE`) enables it; enabled, it has
    /// [`Rule::default_severity`].
    pub const fn allowed_by_default(self) -> bool {
        matches!(self, Rule::UnansweredCriticalQuestion)
    }
}

impl Rule {
    /// Parses a rule id such as `orphan`.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// A set of rules: those enabled (not allowed) under a [`SeverityConfig`], whose checks
/// run ([`SeverityConfig::enabled`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RuleSet(u32);

// One bit per rule.
const _: () = assert!(Rule::ALL.len() <= 32, "RuleSet holds at most 32 rules");

impl RuleSet {
    /// Every rule.
    pub const ALL: RuleSet = RuleSet((1u32 << Rule::ALL.len()) - 1);
    /// No rule.
    pub const NONE: RuleSet = RuleSet(0);

    /// Whether `rule` is in the set.
    pub const fn contains(self, rule: Rule) -> bool {
        self.0 & (1 << rule as u32) != 0
    }
    /// The set with `rule` added.
    pub const fn with(self, rule: Rule) -> RuleSet {
        RuleSet(self.0 | 1 << rule as u32)
    }
    /// The set without `rule`.
    pub const fn without(self, rule: Rule) -> RuleSet {
        RuleSet(self.0 & !(1 << rule as u32))
    }
    /// The rules of the set, in rule order.
    pub fn iter(self) -> impl Iterator<Item = Rule> {
        Rule::ALL.into_iter().filter(move |&r| self.contains(r))
    }
}

impl FromIterator<Rule> for RuleSet {
    fn from_iter<I: IntoIterator<Item = Rule>>(rules: I) -> RuleSet {
        rules.into_iter().fold(RuleSet::NONE, RuleSet::with)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never makes `check` fail unless denied.
    Warning,
    /// The map is wrong; `check` exits 1 and other commands refuse it.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One step of a path into the YAML document: a mapping key or a sequence index.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Seg {
    /// A mapping key.
    Key(String),
    /// A sequence index, from 0.
    Index(usize),
}

/// What a diagnostic points at, before it is given a line and column: a path into the
/// document, whether the key or the value at that path is meant, and which occurrence
/// (a duplicate key's second occurrence is occurrence 1).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Target {
    /// The steps from the document's root.
    pub path: Vec<Seg>,
    /// Whether the key at the path is meant rather than its value.
    pub key: bool,
    /// Which occurrence of a key given several times (0: the first).
    pub occurrence: usize,
}

impl Target {
    /// The value at `path`.
    pub fn value(path: Vec<Seg>) -> Target {
        Target {
            path,
            key: false,
            occurrence: 0,
        }
    }
    /// The key at `path` (its last segment).
    pub fn key(path: Vec<Seg>) -> Target {
        Target {
            path,
            key: true,
            occurrence: 0,
        }
    }
    /// The whole file (line 1, column 1).
    pub fn file() -> Target {
        Target::default()
    }
}

/// Builds a path from string keys and indices: `path!["claims", id, "supports", 0]`.
#[macro_export]
macro_rules! path {
    ($($seg:expr),* $(,)?) => { vec![$($crate::diagnostic::IntoSeg::into_seg($seg)),*] };
}

/// Conversion used by [`path!`].
pub trait IntoSeg {
    /// The step.
    fn into_seg(self) -> Seg;
}
impl IntoSeg for &str {
    fn into_seg(self) -> Seg {
        Seg::Key(self.to_string())
    }
}
impl IntoSeg for &String {
    fn into_seg(self) -> Seg {
        Seg::Key(self.clone())
    }
}
impl IntoSeg for String {
    fn into_seg(self) -> Seg {
        Seg::Key(self)
    }
}
impl IntoSeg for usize {
    fn into_seg(self) -> Seg {
        Seg::Index(self)
    }
}

/// A line and column, both counted from 1; the column counts characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Position {
    /// The line, from 1.
    pub line: usize,
    /// The column in characters, from 1.
    pub column: usize,
}

/// Where a diagnostic is in its file: nowhere until it is located ([`Diagnostic::at`]).
/// Serialised as the two fields `line` and `column`, 0 and 0 for a diagnostic not
/// located (as the JSON output has always had them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
struct Location(Option<Position>);

impl Serialize for Location {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.unwrap_or_default().serialize(s)
    }
}

/// A change that would fix a diagnostic, as an editor offers it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fix {
    /// Replace the value (or, for a key, the key) the diagnostic points at with this
    /// text: the id meant, the field meant, the closest passage of a quote.
    Replace(String),
    /// Declare this source id in `sources`.
    AddSource(String),
}

/// A finding about a map. Analysis creates it with a [`Target`]; loading resolves the
/// target to a [`Position`] once, only when there is something to report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The rule that found it.
    pub rule: Rule,
    /// Its severity (the rule's default, or as the severity flags set it).
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The map file, as given (empty until located).
    pub file: String,
    /// The line and column of the offending value, once located: serialised as `line`
    /// and `column` (both 0 before).
    #[serde(flatten)]
    location: Location,
    /// The ids of the nodes involved.
    pub ids: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// What to do about it.
    pub help: Option<String>,
    /// Secondary notes (e.g. the closest passage of a failed quote).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    #[serde(skip)]
    /// Where in the document it points, before it is located.
    pub target: Target,
    /// Changes that would fix it, for an editor's code actions (a did-you-mean, the
    /// closest passage of a quote, a source to declare); not part of the JSON output.
    #[serde(skip)]
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    /// A diagnostic with the rule's default severity, not yet located.
    pub fn new(rule: Rule, target: Target, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            rule,
            severity: rule.default_severity(),
            message: message.into(),
            file: String::new(),
            location: Location(None),
            ids: Vec::new(),
            help: None,
            notes: Vec::new(),
            target,
            fixes: Vec::new(),
        }
    }
    /// Names the nodes involved.
    pub fn with_ids<I: IntoIterator<Item = S>, S: Into<String>>(mut self, ids: I) -> Self {
        self.ids = ids.into_iter().map(Into::into).collect();
        self
    }
    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    /// Adds a help line when there is one.
    pub fn with_help_opt(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }
    /// Adds a note.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }
    /// Adds a change that would fix the diagnostic ([`Diagnostic::fixes`]).
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }
    /// Adds the changes that would fix the diagnostic ([`Diagnostic::fixes`]).
    pub fn with_fixes(mut self, fixes: impl IntoIterator<Item = Fix>) -> Self {
        self.fixes.extend(fixes);
        self
    }
    /// Gives the diagnostic its line and column.
    pub fn at(mut self, pos: Position) -> Self {
        self.place(pos);
        self
    }
    /// Gives the diagnostic its line and column, in place.
    pub fn place(&mut self, pos: Position) {
        self.location = Location(Some(pos));
    }
    /// Its line and column, or `None` while it is not located.
    pub fn position(&self) -> Option<Position> {
        self.location.0
    }
    /// Its line, from 1 (0 while it is not located: see [`Diagnostic::position`]).
    pub fn line(&self) -> usize {
        self.location.0.map_or(0, |p| p.line)
    }
    /// Its column in characters, from 1 (0 while it is not located).
    pub fn column(&self) -> usize {
        self.location.0.map_or(0, |p| p.column)
    }
}

/// A level a command-line flag sets: `--allow`, `--warn` or `--deny`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    /// Not reported.
    Allow,
    /// Reported as a warning (does not fail).
    Warn,
    /// Reported as an error (fails, and makes every command refuse the map).
    Deny,
}

impl Level {
    /// The severity a diagnostic gets at this level (`None`: not reported).
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Allow => None,
            Level::Warn => Some(Severity::Warning),
            Level::Deny => Some(Severity::Error),
        }
    }
    fn of(severity: Severity) -> Level {
        match severity {
            Severity::Warning => Level::Warn,
            Severity::Error => Level::Deny,
        }
    }
}

/// What a severity flag names: one rule, or the group `warnings` (every rule that is a
/// warning at that point).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lint {
    /// One rule.
    Rule(Rule),
    /// `warnings`: every rule that is a warning at that point.
    Warnings,
}

impl Lint {
    /// Parses `warnings` or a rule id; an unknown name gets a did-you-mean.
    pub fn parse(name: &str) -> Result<Lint, UnknownRule> {
        if name == "warnings" {
            return Ok(Lint::Warnings);
        }
        Rule::from_id(name).map(Lint::Rule).ok_or_else(|| {
            let names = Rule::ALL.iter().map(|r| r.id()).chain(["warnings"]);
            UnknownRule {
                name: name.to_string(),
                suggestion: did_you_mean(name, names),
            }
        })
    }
}

/// A severity flag (`--deny`, `--warn`, `--allow`) that names no rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownRule {
    /// The name given.
    pub name: String,
    /// The closest rule id (or `warnings`), if one is close.
    pub suggestion: Option<String>,
}

impl fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown rule `{}`", self.name)?;
        match &self.suggestion {
            Some(s) => write!(f, " (did you mean `{s}`?)"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for UnknownRule {}

/// What the user did to rule severities: `--deny`, `--warn` and `--allow` of rules or of
/// the group `warnings`, in command-line order. As in rustc, the last flag that applies
/// to a rule wins: a rule's own flag settles its level, and a later `--X warnings` then
/// applies to it if that level (or its default, without a flag) is a warning.
/// `--deny warnings --warn orphan` keeps `orphan` a warning; `--warn orphan --deny
/// warnings` makes it an error; `--allow warnings` silences every warning.
#[derive(Clone, Debug, Default)]
pub struct SeverityConfig {
    directives: Vec<(Lint, Level)>,
}

impl SeverityConfig {
    /// Adds a flag; later flags win over earlier ones.
    pub fn push(&mut self, lint: Lint, level: Level) {
        self.directives.push((lint, level));
    }
    /// `--deny RULE`.
    pub fn deny(&mut self, rule: Rule) {
        self.push(Lint::Rule(rule), Level::Deny);
    }
    /// `--warn RULE`.
    pub fn warn(&mut self, rule: Rule) {
        self.push(Lint::Rule(rule), Level::Warn);
    }
    /// `--allow RULE`.
    pub fn allow(&mut self, rule: Rule) {
        self.push(Lint::Rule(rule), Level::Allow);
    }
    /// `--deny warnings`: every warning (at this point of the command line) an error.
    pub fn deny_warnings(&mut self) {
        self.push(Lint::Warnings, Level::Deny);
    }
    /// The severity of `rule`, or `None` when it is allowed (not reported).
    pub fn severity(&self, rule: Rule) -> Option<Severity> {
        let last = |want: Lint| {
            self.directives
                .iter()
                .enumerate()
                .rev()
                .find(|(_, (l, _))| *l == want)
                .map(|(i, (_, level))| (i, *level))
        };
        let own = last(Lint::Rule(rule));
        let default = if rule.allowed_by_default() {
            Level::Allow
        } else {
            Level::of(rule.default_severity())
        };
        let mut level = own.map_or(default, |(_, l)| l);
        if let Some((group_at, group)) = last(Lint::Warnings) {
            if level == Level::Warn && own.is_none_or(|(at, _)| at < group_at) {
                level = group;
            }
        }
        level.severity()
    }
    /// The configuration of every command but `check`: these flags, except that a rule
    /// that is an error by default stays an error. `--allow` and `--warn` can quiet an
    /// error in `check`'s report, but a map with such an error still gives wrong answers
    /// (a dangling attack is dropped, a missing quote is passed off as text), so other
    /// commands refuse it unless `--force` is given, and then their output says so.
    pub fn keeping_errors(&self) -> SeverityConfig {
        let mut kept = self.clone();
        for rule in Rule::ALL {
            if rule.default_severity() == Severity::Error {
                kept.deny(rule);
            }
        }
        kept
    }
    /// The rules that are reported (not allowed): only their checks need to run
    /// (`crate::analyse::check_only`).
    pub fn enabled(&self) -> RuleSet {
        Rule::ALL
            .into_iter()
            .filter(|&r| self.severity(r).is_some())
            .collect()
    }
    /// Applies the configuration: drops allowed diagnostics and sets severities.
    pub fn apply(&self, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        diagnostics
            .into_iter()
            .filter_map(|mut d| {
                d.severity = self.severity(d.rule)?;
                Some(d)
            })
            .collect()
    }
    /// Whether these diagnostics (after [`SeverityConfig::apply`]) hold an error: `check`
    /// then exits 1 and every other command refuses the maps.
    pub fn fails(&self, diagnostics: &[Diagnostic]) -> bool {
        diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

/// The closest candidate to `word` among `candidates`, for a "did you mean" help line:
/// the one at the smallest edit distance, if that distance is at most a third of the
/// word's length (at least 1), ties broken by Jaro-Winkler similarity.
pub fn did_you_mean<'a, I: IntoIterator<Item = &'a str>>(
    word: &str,
    candidates: I,
) -> Option<String> {
    let w = word.to_lowercase();
    let limit = (w.chars().count() / 3).max(1);
    let mut best: Option<(usize, f64, &str)> = None;
    for c in candidates {
        let lc = c.to_lowercase();
        let d = strsim::damerau_levenshtein(&w, &lc);
        if d > limit || d == 0 && c == word {
            continue;
        }
        let jw = strsim::jaro_winkler(&w, &lc);
        if best.is_none_or(|(bd, bj, _)| d < bd || d == bd && jw > bj) {
            best = Some((d, jw, c));
        }
    }
    best.map(|(_, _, c)| c.to_string())
}

#[cfg(test)]
mod severity_tests {
    use super::*;

    fn cfg(flags: &[(&str, Level)]) -> SeverityConfig {
        let mut c = SeverityConfig::default();
        for (name, level) in flags {
            c.push(Lint::parse(name).expect("known"), *level);
        }
        c
    }

    #[test]
    fn the_last_flag_on_a_rule_wins() {
        use Level::*;
        let allow_deny = cfg(&[("orphan", Allow), ("orphan", Deny)]);
        assert_eq!(allow_deny.severity(Rule::Orphan), Some(Severity::Error));
        let deny_allow = cfg(&[("orphan", Deny), ("orphan", Allow)]);
        assert_eq!(deny_allow.severity(Rule::Orphan), None);
        let warn_error_rule = cfg(&[("schema", Allow), ("schema", Warn)]);
        assert_eq!(
            warn_error_rule.severity(Rule::Schema),
            Some(Severity::Warning)
        );
    }

    #[test]
    fn the_warnings_group_follows_command_line_order() {
        use Level::*;
        let c = cfg(&[("warnings", Deny), ("orphan", Warn)]);
        assert_eq!(c.severity(Rule::Orphan), Some(Severity::Warning));
        assert_eq!(c.severity(Rule::UncitedClaim), Some(Severity::Error));
        let c = cfg(&[("orphan", Warn), ("warnings", Deny)]);
        assert_eq!(c.severity(Rule::Orphan), Some(Severity::Error));
        // A rule made a warning is in the group; an error rule is not.
        let c = cfg(&[("dangling-reference", Warn), ("warnings", Allow)]);
        assert_eq!(c.severity(Rule::DanglingReference), None);
        assert_eq!(c.severity(Rule::Schema), Some(Severity::Error));
        let c = cfg(&[("warnings", Allow)]);
        assert_eq!(c.severity(Rule::UncitedClaim), None);
        assert_eq!(c.severity(Rule::QuoteNotFound), Some(Severity::Error));
        let c = cfg(&[("warnings", Deny), ("warnings", Warn)]);
        assert_eq!(c.severity(Rule::Orphan), Some(Severity::Warning));
        let c = cfg(&[("orphan", Allow), ("warnings", Deny)]);
        assert_eq!(c.severity(Rule::Orphan), None);
    }

    #[test]
    fn a_rule_serialises_as_its_id() {
        for rule in Rule::ALL {
            assert_eq!(serde_json::to_value(rule).expect("json"), rule.id());
            assert_eq!(Rule::from_id(rule.id()), Some(rule));
        }
    }

    #[test]
    fn the_enabled_rules_are_those_not_allowed() {
        use Level::*;
        // A rule allowed by default is not enabled without a flag.
        let by_default = RuleSet::ALL.without(Rule::UnansweredCriticalQuestion);
        assert_eq!(cfg(&[]).enabled(), by_default);
        let c = cfg(&[("orphan", Allow), ("quote-not-found", Allow)]);
        let enabled = c.enabled();
        assert!(!enabled.contains(Rule::Orphan));
        assert!(!enabled.contains(Rule::QuoteNotFound));
        assert_eq!(enabled.iter().count(), Rule::ALL.len() - 3);
        // `--warn` or `--deny` enables it; `--deny warnings` does not.
        let rule = "unanswered-critical-question";
        let warned = cfg(&[(rule, Warn)]);
        assert_eq!(
            warned.severity(Rule::UnansweredCriticalQuestion),
            Some(Severity::Warning)
        );
        assert_eq!(warned.enabled(), RuleSet::ALL);
        let denied = cfg(&[(rule, Warn), ("warnings", Deny)]);
        assert_eq!(
            denied.severity(Rule::UnansweredCriticalQuestion),
            Some(Severity::Error)
        );
        assert_eq!(
            cfg(&[("warnings", Deny)]).severity(Rule::UnansweredCriticalQuestion),
            None
        );
        // Allowing every warning leaves exactly the error rules.
        let errors: RuleSet = Rule::ALL
            .into_iter()
            .filter(|r| r.default_severity() == Severity::Error)
            .collect();
        assert_eq!(cfg(&[("warnings", Allow)]).enabled(), errors);
        // A later flag enables an allowed rule again.
        let c = cfg(&[("orphan", Allow), ("orphan", Warn)]);
        assert!(c.enabled().contains(Rule::Orphan));
        assert_eq!(RuleSet::ALL.iter().collect::<Vec<_>>(), Rule::ALL.to_vec());
        assert!(!RuleSet::ALL.without(Rule::Schema).contains(Rule::Schema));
    }

    #[test]
    fn unknown_names_get_a_did_you_mean() {
        assert_eq!(
            Lint::parse("orphans").unwrap_err().to_string(),
            "unknown rule `orphans` (did you mean `orphan`?)"
        );
        assert_eq!(
            Lint::parse("warning").unwrap_err().suggestion.as_deref(),
            Some("warnings")
        );
    }
}

#[cfg(test)]
mod location_tests {
    use super::*;

    #[test]
    fn a_diagnostic_is_unlocated_until_placed_and_serialises_as_before() {
        let d = Diagnostic::new(Rule::Orphan, Target::file(), "m");
        assert_eq!(d.position(), None);
        assert_eq!(
            serde_json::to_string(&d).expect("json"),
            r#"{"rule":"orphan","severity":"warning","message":"m","file":"","line":0,"column":0,"ids":[]}"#
        );
        let mut d = d.with_help("h");
        d.file = "map.yaml".into();
        d.place(Position { line: 3, column: 7 });
        assert_eq!(d.position(), Some(Position { line: 3, column: 7 }));
        assert_eq!((d.line(), d.column()), (3, 7));
        assert_eq!(
            serde_json::to_string(&d).expect("json"),
            r#"{"rule":"orphan","severity":"warning","message":"m","file":"map.yaml","line":3,"column":7,"ids":[],"help":"h"}"#
        );
    }
}
