//! The command line, declared with clap's derive API.

use argmap::analyse::semantics::Semantics;
use argmap::diagnostic::{Level, Lint, SeverityConfig, UnknownRule};
use argmap::present::layout::Layout;
use argmap::Format;
use clap::{Arg, ArgAction, ArgMatches, Args, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Argument maps in YAML: check them, report cited support, render and compare them.
#[derive(Debug, Parser)]
#[command(name = "argmap", version, about, long_about = None)]
pub struct Cli {
    /// When to colour diagnostics.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(subcommand)]
    pub command: Command,
}

/// `--color`: when diagnostics are coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorChoice {
    /// When the stream they go to is a terminal and NO_COLOR is unset or empty.
    #[default]
    Auto,
    /// Always, also when piped or under NO_COLOR.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour a stream: `terminal` says whether it is one, `no_color` whether
    /// NO_COLOR is set to a non-empty value (which turns `auto` off; `always` wins).
    pub fn enabled(self, terminal: bool, no_color: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && !no_color,
        }
    }
}

/// `--deny RULE`, `--warn RULE`, `--allow RULE` (RULE may be `warnings`, every warning),
/// kept in command-line order: the last flag that applies to a rule wins, as in rustc.
/// clap gives each flag's values apart; their indices on the command line put them back
/// in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeverityArgs {
    /// The flags in command-line order: level and the name given.
    pub flags: Vec<(Level, String)>,
}

const SEVERITY_FLAGS: [(&str, char, Level, &str); 3] = [
    (
        "deny",
        'D',
        Level::Deny,
        "Make RULE an error (`warnings`: every warning); the last flag on a rule wins",
    ),
    (
        "warn",
        'W',
        Level::Warn,
        "Make RULE a warning (`warnings`: every warning stays one)",
    ),
    (
        "allow",
        'A',
        Level::Allow,
        "Do not report RULE (`warnings`: no warning at all)",
    ),
];

impl SeverityArgs {
    /// The severity configuration, or the first flag that names no rule.
    pub fn config(&self) -> Result<SeverityConfig, UnknownRule> {
        let mut cfg = SeverityConfig::default();
        for (level, name) in &self.flags {
            cfg.push(Lint::parse(name)?, *level);
        }
        Ok(cfg)
    }
}

impl FromArgMatches for SeverityArgs {
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        let mut flags: Vec<(usize, Level, String)> = Vec::new();
        for (id, _, level, _) in SEVERITY_FLAGS {
            let values = m.get_many::<String>(id).into_iter().flatten();
            let indices = m.indices_of(id).into_iter().flatten();
            flags.extend(indices.zip(values).map(|(i, v)| (i, level, v.clone())));
        }
        flags.sort_by_key(|(i, _, _)| *i);
        Ok(SeverityArgs {
            flags: flags.into_iter().map(|(_, l, v)| (l, v)).collect(),
        })
    }
    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        *self = SeverityArgs::from_arg_matches(m)?;
        Ok(())
    }
}

impl Args for SeverityArgs {
    fn augment_args(mut cmd: clap::Command) -> clap::Command {
        for (id, short, _, help) in SEVERITY_FLAGS {
            cmd = cmd.arg(
                Arg::new(id)
                    .long(id)
                    .short(short)
                    .value_name("RULE")
                    .action(ArgAction::Append)
                    .help(help),
            );
        }
        cmd
    }
    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        SeverityArgs::augment_args(cmd)
    }
}

/// The check every command but `check` runs before it does anything: the severity
/// flags, and `--force`.
#[derive(Debug, Args)]
pub struct GateArgs {
    #[command(flatten)]
    pub severity: SeverityArgs,
    /// Run even when the maps have errors (the diagnostics go to standard error, and the
    /// output says it was made from maps with errors).
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub sources: SourceArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check maps for consistency; exit 1 when there are errors.
    Check(CheckArgs),
    /// Every claim's support status, the chain that cites it, and citation coverage.
    Support(SupportArgs),
    /// Draw or export maps: DOT, SVG, PNG, PDF, Mermaid, JSON, GraphML, AIF, Argdown, ICCMA AF.
    Render(RenderArgs),
    /// Compare two maps: aligned pairs, stance toward each other's thesis, coverage.
    Compare(CompareArgs),
    /// Formal acceptability: grounded labelling of every node; complete, preferred and
    /// stable extensions on request; the thesis's status in plain words.
    Evaluate(EvaluateArgs),
    /// Make a map (YAML) from an AIF JSON file.
    Import(ImportArgs),
    /// Print the JSON Schema of the map format.
    Schema(SchemaArgs),
    /// List every rule: its id, default severity and what it fires on.
    Rules(RulesArgs),
    /// Explain a rule: why it matters, what to do, and an example that fires it.
    Explain(ExplainArgs),
    /// List the built-in argumentation schemes, or show one's premises and critical
    /// questions.
    Schemes(SchemesArgs),
    /// Write a synthetic map (and its source text) for benchmarks and tests.
    Generate(GenerateArgs),
    /// A live preview: serve the maps' HTML page on 127.0.0.1, redrawn when a map changes
    /// on disk (the page reloads itself).
    Serve(ServeArgs),
    /// A Language Server Protocol server on standard input and output, for editors:
    /// diagnostics, hover, definitions, references, completion, rename, outline, fixes.
    Lsp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
}

/// Where a map's `source` may be read from: flattened into `check`'s arguments and into
/// [`GateArgs`], which every command that checks a map has.
#[derive(Debug, Args, Clone, Copy, Default)]
pub struct SourceArgs {
    /// Read a map's `source` (and the files it `include`s) even when it resolves
    /// (symbolic links followed) outside the map's project (the nearest folder with
    /// `.git`, else the map's folder) and the working directory.
    #[arg(long)]
    pub allow_source_outside: bool,
}

impl SourceArgs {
    pub fn policy(self) -> argmap::parse::source_text::SourcePolicy {
        argmap::parse::source_text::SourcePolicy {
            allow_outside: self.allow_source_outside,
        }
    }
}

impl ReportFormat {
    /// The format a file name asks for: `.json` → JSON, `.txt`/`.text` → text.
    pub fn from_extension(path: &std::path::Path) -> Option<ReportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "json" => ReportFormat::Json,
            "txt" | "text" => ReportFormat::Text,
            _ => return None,
        })
    }

    /// The format of a report (`support`, `evaluate`) as `compare` picks its own:
    /// `--format` if given, else from the extension of `-o` (an error when it names no
    /// report format), else text.
    pub fn pick(
        format: Option<ReportFormat>,
        output: Option<&std::path::Path>,
    ) -> Result<ReportFormat, String> {
        match (format, output) {
            (Some(f), _) => Ok(f),
            (None, Some(p)) if p.as_os_str() == "-" => Ok(ReportFormat::Text),
            (None, Some(p)) => ReportFormat::from_extension(p).ok_or_else(|| {
                format!(
                    "cannot tell the format from {}: use --format (text, json)",
                    p.display()
                )
            }),
            (None, None) => Ok(ReportFormat::Text),
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Map files to check (their `same_as` links are resolved between them); `-` reads
    /// one from standard input.
    #[arg(required = true)]
    pub maps: Vec<PathBuf>,
    #[command(flatten)]
    pub sources: SourceArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    #[command(flatten)]
    pub severity: SeverityArgs,
    /// Human output: print errors in full, count warnings only in the summary.
    #[arg(long, short, conflicts_with = "summary")]
    pub quiet: bool,
    /// Human output: print only the summary (counts per rule).
    #[arg(long)]
    pub summary: bool,
}

#[derive(Debug, Args)]
pub struct SupportArgs {
    /// The map file.
    pub map: PathBuf,
    #[command(flatten)]
    pub gate: GateArgs,
    /// Output format (default: from -o's extension, .json or .txt, else text).
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Write to FILE instead of standard output (format from its extension unless
    /// --format is given).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The clap parser of `render --format`: the names of [`Format::ALL`], with their
/// descriptions.
fn render_format() -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    let values = Format::ALL.into_iter().map(|f| {
        let value = PossibleValue::new(f.name());
        match f.description() {
            Some(d) => value.help(d),
            None => value,
        }
    });
    PossibleValuesParser::new(values).map(|name| Format::from_name(&name).unwrap_or(Format::Dot))
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Map files; several render as clusters joined by their `same_as` links.
    #[arg(required = true)]
    pub maps: Vec<PathBuf>,
    #[command(flatten)]
    pub gate: GateArgs,
    /// Write to FILE (format from its extension unless --format is given).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format (default: from -o's extension, else dot).
    #[arg(long, value_parser = render_format())]
    pub format: Option<Format>,
    /// Draw only the neighbourhood of this node (`ID`, or `MAP-ID:ID`), marked with a
    /// double border.
    #[arg(long, value_name = "ID")]
    pub focus: Option<String>,
    /// Steps from --focus to include.
    #[arg(long, default_value_t = 2, requires = "focus")]
    pub depth: usize,
    /// Draw only this group (its subgroups included) and what its nodes support or
    /// attack directly outside it; one map only.
    #[arg(long, value_name = "GROUP", conflicts_with = "focus")]
    pub group: Option<String>,
    /// Draw the map by chapter: one box per top-level group (with its subgroups), one
    /// per thesis, and the links between them summed by kind; one map with groups, as
    /// dot, svg, png or pdf. `--group G` then draws one chapter whole.
    #[arg(long, conflicts_with_all = ["focus", "group"])]
    pub overview: bool,
    /// Direction of the arrows: BT (wide picture, the default up to 60 nodes) or RL
    /// (tall picture, the default for larger maps); TB and LR also work, in any case.
    #[arg(long, value_parser = parse_rankdir)]
    pub rankdir: Option<String>,
    /// Graphviz engine: auto (dot up to 2,500 drawn nodes, twopi beyond, said on
    /// stderr), dot (layered), sfdp (force-directed) or twopi (radial, the thesis at the
    /// centre).
    #[arg(long, value_name = "ENGINE", default_value = "auto", value_parser = parse_layout)]
    pub layout: Layout,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Map files (several are drawn together, joined by their `same_as` links).
    #[arg(required = true, value_name = "MAP")]
    pub maps: Vec<PathBuf>,
    /// The port on 127.0.0.1 (0: any free port; the address is printed).
    #[arg(long, default_value_t = 8437)]
    pub port: u16,
    #[command(flatten)]
    pub source: SourceArgs,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Output of `argmap rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    /// One line per rule.
    Text,
    /// Every field of every rule's declaration.
    Json,
    /// The README's table.
    Markdown,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
    pub format: RulesFormat,
}

/// Output of `argmap schemes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemesFormat {
    /// For people.
    Text,
    /// Every field of the scheme(s).
    Json,
}

#[derive(Debug, Args)]
pub struct SchemesArgs {
    /// A scheme id, e.g. `expert-opinion`: show its premises and critical questions.
    pub name: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SchemesFormat::Text)]
    pub format: SchemesFormat,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule id, e.g. `orphan` (`argmap rules` lists them).
    pub rule: String,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Number of entries: about 45% claims, 35% evidence, 10% rebuttals, 10% sources
    /// (at most 10,000,000: about 1.8 GB of YAML and 1 GB of source text).
    #[arg(long, value_name = "N", default_value_t = 1000, value_parser = parse_nodes)]
    pub nodes: usize,
    /// Seed of the generator: the same seed gives the same map.
    #[arg(long, value_name = "S", default_value_t = 0)]
    pub seed: u64,
    /// The map file to write; the source text goes next to it, with the extension `.txt`.
    #[arg(short, long, value_name = "MAP.yaml")]
    pub output: PathBuf,
}

/// The most entries `generate --nodes` makes; docs/performance.md goes up to 1M.
pub const MAX_GENERATED_NODES: usize = 10_000_000;

/// A `generate --nodes` count: a whole number up to [`MAX_GENERATED_NODES`].
fn parse_nodes(s: &str) -> Result<usize, String> {
    let n: usize = s
        .parse()
        .map_err(|_| format!("`{s}` is not a whole number of entries"))?;
    if n > MAX_GENERATED_NODES {
        return Err(format!(
            "{n} is more than generate makes: at most 10000000 entries (10 million: \
             about 1.8 GB of YAML and 1 GB of source text)"
        ));
    }
    Ok(n)
}

/// Output of `argmap compare`: a report or a diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    Text,
    Markdown,
    Json,
    Dot,
    Svg,
    Png,
    Pdf,
    /// The HTML viewer: both maps side by side, their pairs linked.
    Html,
}

impl CompareFormat {
    /// The format a file name asks for: `.txt`, `.md`, `.json`, `.dot`/`.gv`, `.svg`,
    /// `.png`, `.pdf`, `.html`/`.htm`.
    pub fn from_extension(path: &std::path::Path) -> Option<CompareFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => CompareFormat::Text,
            "md" | "markdown" => CompareFormat::Markdown,
            "json" => CompareFormat::Json,
            "dot" | "gv" => CompareFormat::Dot,
            "svg" => CompareFormat::Svg,
            "png" => CompareFormat::Png,
            "pdf" => CompareFormat::Pdf,
            "html" | "htm" => CompareFormat::Html,
            _ => return None,
        })
    }
}

/// A similarity score: a number from 0 to 1 (above 1 turns suggestions off).
/// `--layout`: a Graphviz engine or `auto`, in any case.
fn parse_layout(s: &str) -> Result<Layout, String> {
    Layout::parse(s)
        .ok_or_else(|| format!("`{s}` is not a layout: use {}", Layout::NAMES.join(", ")))
}

/// `--rankdir`: Graphviz's direction, in any case (`lr` is `LR`).
fn parse_rankdir(s: &str) -> Result<String, String> {
    let up = s.to_ascii_uppercase();
    if ["BT", "TB", "LR", "RL"].contains(&up.as_str()) {
        Ok(up)
    } else {
        Err(format!(
            "`{s}` is not a direction: use BT, TB, LR or RL (any case)"
        ))
    }
}

fn parse_score(s: &str) -> Result<f64, String> {
    let x: f64 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    // Scores run from 0 to 1: above 1 no pair could ever be suggested.
    if (0.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err(format!("`{s}`: the score must be from 0 to 1"))
    }
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The first map (left).
    pub a: PathBuf,
    /// The second map (right).
    pub b: PathBuf,
    #[command(flatten)]
    pub gate: GateArgs,
    /// Output format (default: from -o's extension, else text). dot, svg, png and pdf
    /// draw both maps side by side.
    #[arg(long, value_enum)]
    pub format: Option<CompareFormat>,
    /// Write to FILE (.txt, .md, .json write the report; .svg, .dot, .png, .pdf the diagram).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Lowest text-similarity score (0 to 1) of a suggested pair.
    #[arg(long, value_name = "X", default_value_t = argmap::analyse::compare::DEFAULT_MIN_SCORE, value_parser = parse_score)]
    pub min_score: f64,
    /// Print ready-to-paste `same_as` lines for the suggested pairs instead of the report.
    #[arg(long, conflicts_with = "format")]
    pub suggest: bool,
    /// Diagrams: draw every node (maps with more than 60 nodes together are otherwise
    /// trimmed to the aligned nodes and the nodes between them and their thesis).
    #[arg(long)]
    pub full: bool,
    /// Graphviz engine of the diagram (svg, png, pdf, dot): auto, dot, sfdp or twopi,
    /// as `render --layout`.
    #[arg(long, value_name = "ENGINE", default_value = "auto", value_parser = parse_layout)]
    pub layout: Layout,
}

/// `--semantics` of `argmap evaluate`: one semantics, or `all`. Its values and their
/// help come from the table of semantics ([`Semantics::ALL`], `analyse/semantics/kinds.rs`),
/// so a new semantics is a new value with no change here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SemanticsArg {
    /// One semantics (besides the grounded one, which is always computed).
    One(Semantics),
    /// Every semantics.
    All,
}

impl SemanticsArg {
    /// The semantics it asks for.
    pub fn semantics(self) -> Vec<Semantics> {
        match self {
            SemanticsArg::One(s) => vec![s],
            SemanticsArg::All => Semantics::ALL.to_vec(),
        }
    }

    /// The clap parser: the names of [`Semantics::ALL`] with their descriptions, and
    /// `all`.
    fn parser() -> impl clap::builder::TypedValueParser<Value = SemanticsArg> {
        use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
        let values = Semantics::ALL
            .iter()
            .map(|s| PossibleValue::new(s.name()).help(s.description()))
            .chain([PossibleValue::new("all").help("every semantics above")]);
        PossibleValuesParser::new(values)
            .map(|name| Semantics::from_name(&name).map_or(SemanticsArg::All, SemanticsArg::One))
    }
}

#[derive(Debug, Args)]
pub struct EvaluateArgs {
    /// The map file.
    pub map: PathBuf,
    #[command(flatten)]
    pub gate: GateArgs,
    /// Extensions to compute besides the grounded labelling (which is always given).
    #[arg(long, value_parser = SemanticsArg::parser(), default_value = "grounded")]
    pub semantics: SemanticsArg,
    /// List at most N extensions per semantics (the search stops beyond).
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub limit: usize,
    /// Output format (default: from -o's extension, .json or .txt, else text).
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Write to FILE instead of standard output (format from its extension unless
    /// --format is given).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The AIF JSON file.
    pub file: PathBuf,
    /// Write the map to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The map id (default: from the file name).
    #[arg(long)]
    pub id: Option<String>,
}
