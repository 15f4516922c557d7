//! Which Graphviz engine lays a diagram out (`--layout auto|dot|sfdp|twopi`), and what
//! the viewers of a diagram can show (Mermaid's text limit, Cairo's bitmap limit).
//!
//! `dot` draws the layered picture every argmap diagram is designed for, but its time
//! grows about as the square of the nodes: measured here (2 shared cores, Graphviz 2.43,
//! generated maps, SVG; docs/performance.md) 0.4 s at 900 drawn nodes, 1.7 s at 1,800,
//! 3.7 s at 2,700, 8.5 s at 4,500 and 39 s at 9,000. `auto` keeps `dot` up to
//! [`AUTO_DOT_MAX`] drawn nodes (about 3 s) and uses `twopi` beyond: a radial drawing
//! around the first thesis, which took 0.8–2 s at 9,000 nodes. The engine is named in
//! the DOT text itself (`layout="twopi"`), so DOT written with `--layout` lays out the
//! same way under a plain `dot -Tsvg`.

use std::collections::VecDeque;

/// A Graphviz layout engine argmap can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Engine {
    /// Layered (hierarchical): the default, clusters and rank direction honoured.
    #[default]
    Dot,
    /// Multiscale force-directed: any shape, no clusters, no direction.
    Sfdp,
    /// Radial: the first thesis at the centre, each step away one ring further out.
    Twopi,
}

impl Engine {
    /// Graphviz's name of the engine (`-K` and the `layout` attribute).
    pub fn name(self) -> &'static str {
        match self {
            Engine::Dot => "dot",
            Engine::Sfdp => "sfdp",
            Engine::Twopi => "twopi",
        }
    }
}

/// What `--layout` asks for: one engine, or `auto` ([`choose`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// `dot` while it is fast, [`Engine::Twopi`] past [`AUTO_DOT_MAX`] drawn nodes.
    #[default]
    Auto,
    /// This engine whatever the size.
    Engine(Engine),
}

impl Layout {
    /// The values of `--layout`, as written.
    pub const NAMES: [&'static str; 4] = ["auto", "dot", "sfdp", "twopi"];

    /// The layout named `s` (any case), or `None`.
    pub fn parse(s: &str) -> Option<Layout> {
        Some(match s.to_ascii_lowercase().as_str() {
            "auto" => Layout::Auto,
            "dot" => Layout::Engine(Engine::Dot),
            "sfdp" => Layout::Engine(Engine::Sfdp),
            "twopi" => Layout::Engine(Engine::Twopi),
            _ => return None,
        })
    }
}

/// The most drawn nodes `auto` lays out with `dot`: where `dot`'s time crossed 3 s here
/// (2.9 s at 2,500 nodes by [`dot_seconds`]; 3.7 s measured at 2,700).
pub const AUTO_DOT_MAX: usize = 2500;

/// About how long `dot` takes for a diagram of `nodes` drawn nodes, in seconds, on the
/// machine the numbers of this module were measured on: 3 s × (nodes / 2,500)^1.9, the
/// power fitted to 1,800–9,000 nodes. An estimate for the note `auto` prints, no more.
pub fn dot_seconds(nodes: usize) -> f64 {
    3.0 * (nodes as f64 / AUTO_DOT_MAX as f64).powf(1.9)
}

/// The engine a diagram of `nodes` drawn nodes is laid out with under `layout`, and
/// whether `auto` chose something other than `dot` (then it says so on stderr).
pub fn choose(layout: Layout, nodes: usize) -> (Engine, bool) {
    match layout {
        Layout::Engine(e) => (e, false),
        Layout::Auto if nodes > AUTO_DOT_MAX => (Engine::Twopi, true),
        Layout::Auto => (Engine::Dot, false),
    }
}

/// The note `auto` prints when it leaves `dot`: `10000 nodes: laid out with twopi (dot
/// would take about 40 s here; --layout dot to force)`.
pub fn auto_note(nodes: usize, engine: Engine) -> String {
    format!(
        "{nodes} nodes: laid out with {} (dot would take about {:.0} s; --layout dot to force)",
        engine.name(),
        dot_seconds(nodes)
    )
}

/// Inches of ring a node of a `twopi` drawing is given (nodes are about 2.3 in wide:
/// neighbours on a full ring overlap by a little, which keeps the picture compact).
const RING_INCHES_PER_NODE: f64 = 1.6;

/// The `twopi` attributes of a graph whose nodes, as undirected adjacency lists, are
/// `adjacent`, with `root` at the centre: `root` and the rings' spacing (`ranksep`, a
/// list of increments), each ring made wide enough for the nodes at that many steps
/// from the root (nodes in no component of the root count at the last ring).
pub fn twopi_ranksep(adjacent: &[Vec<usize>], root: usize) -> String {
    let mut steps = vec![usize::MAX; adjacent.len()];
    let mut queue = VecDeque::new();
    if root < adjacent.len() {
        steps[root] = 0;
        queue.push_back(root);
    }
    while let Some(n) = queue.pop_front() {
        for &m in &adjacent[n] {
            if steps[m] == usize::MAX {
                steps[m] = steps[n] + 1;
                queue.push_back(m);
            }
        }
    }
    let deepest = steps
        .iter()
        .copied()
        .filter(|&s| s != usize::MAX)
        .max()
        .unwrap_or(0);
    let mut on_ring = vec![0usize; deepest + 1];
    for s in steps {
        on_ring[if s == usize::MAX { deepest } else { s }] += 1;
    }
    let mut radius = 0.0f64;
    let mut increments = Vec::new();
    for &n in on_ring.iter().skip(1) {
        let needed = n as f64 * RING_INCHES_PER_NODE / std::f64::consts::TAU;
        let next = needed.max(radius + 1.0);
        increments.push(format!("{:.2}", next - radius));
        radius = next;
    }
    if increments.is_empty() {
        increments.push("1".into());
    }
    increments.join(":")
}

/// The shape of a diagram's graph: its layers (each node one above the highest node
/// that links into it) and the most nodes in one layer. `dot` draws a layer as a rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// How many layers.
    pub depth: usize,
    /// The most nodes in one layer.
    pub width: usize,
}

/// Inches a node takes along its rank and across ranks when drawn bottom to top (about
/// 2.3 in wide with its spacing, 1.4 in tall with the rank's), and the same drawn right
/// to left (a rank 3 in wide, a node 1.1 in tall): argmap's labels, wrapped at 32
/// characters, measured on the essay maps.
const BT_NODE: (f64, f64) = (2.6, 1.4);
const RL_NODE: (f64, f64) = (3.0, 1.1);

impl Shape {
    /// The picture's estimated width and height in inches, drawn bottom to top.
    pub fn bt_inches(self) -> (f64, f64) {
        (self.width as f64 * BT_NODE.0, self.depth as f64 * BT_NODE.1)
    }

    /// The picture's estimated width and height in inches, drawn right to left.
    pub fn rl_inches(self) -> (f64, f64) {
        (self.depth as f64 * RL_NODE.0, self.width as f64 * RL_NODE.1)
    }

    /// The direction to draw in: the one with the shorter picture, since a page is read
    /// by scrolling down. A wide shallow graph (many nodes per layer, few layers: an
    /// essay's claims, each with its evidence) is drawn bottom to top (`BT`, the thesis
    /// on top); a deep narrow one (long chains) right to left (`RL`, the thesis on the
    /// left).
    pub fn rankdir(self) -> &'static str {
        if self.rl_inches().1 < self.bt_inches().1 {
            "RL"
        } else {
            "BT"
        }
    }
}

/// Mermaid's default `maxTextSize`: a diagram text longer than this is not drawn
/// ("Maximum text size in diagram exceeded").
pub const MERMAID_MAX_TEXT: usize = 50_000;

/// The warning for a Mermaid text of `chars` characters, when it is longer than
/// [`MERMAID_MAX_TEXT`].
pub fn mermaid_warning(chars: usize) -> Option<String> {
    (chars > MERMAID_MAX_TEXT).then(|| {
        format!(
            "the Mermaid text is {chars} characters, more than Mermaid draws by default \
             ({MERMAID_MAX_TEXT}, its maxTextSize): it will show \"Maximum text size in \
             diagram exceeded\"; draw less with --focus ID --depth N or --group GROUP, or \
             raise maxTextSize in the viewer's Mermaid configuration"
        )
    })
}

/// Cairo's largest bitmap side, in pixels: Graphviz scales a PNG that would be larger
/// down to fit (and says "graph is too large for cairo-renderer bitmaps. Scaling by
/// ... to fit"); a 2,000-node map came out 7,532 × 32,767 px here.
pub const CAIRO_MAX_SIDE: u32 = 32_767;

/// The warning argmap gives in place of Graphviz's own when it scaled a PNG down to
/// Cairo's limit: `line` is what `dot` printed.
pub fn cairo_warning(line: &str) -> Option<String> {
    let rest = line.split("too large for cairo-renderer bitmaps").nth(1)?;
    let scale = rest
        .split_whitespace()
        .skip_while(|w| !w.eq_ignore_ascii_case("by"))
        .nth(1)
        .and_then(|s| s.parse::<f64>().ok());
    let scaled = match scale {
        Some(s) => format!("Graphviz scaled it to {:.0}% to fit", s * 100.0),
        None => "Graphviz scaled it down to fit".to_string(),
    };
    Some(format!(
        "the PNG would be more than {CAIRO_MAX_SIDE} px on a side, Cairo's bitmap limit: \
         {scaled}, so its text may be too small to read; draw less with --focus ID \
         --depth N or --group GROUP, or write SVG or PDF, which have no such limit"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_keeps_dot_up_to_the_limit() {
        assert_eq!(choose(Layout::Auto, AUTO_DOT_MAX), (Engine::Dot, false));
        assert_eq!(
            choose(Layout::Auto, AUTO_DOT_MAX + 1),
            (Engine::Twopi, true)
        );
        assert_eq!(
            choose(Layout::Engine(Engine::Dot), 100_000),
            (Engine::Dot, false)
        );
        assert_eq!(
            choose(Layout::Engine(Engine::Sfdp), 3),
            (Engine::Sfdp, false)
        );
    }

    #[test]
    fn wide_shallow_is_drawn_bottom_to_top_deep_narrow_right_to_left() {
        // The essay map: 8 layers, 85 nodes in the widest.
        assert_eq!(
            Shape {
                depth: 8,
                width: 85
            }
            .rankdir(),
            "BT"
        );
        // A chain of 40 arguments, three nodes abreast.
        assert_eq!(
            Shape {
                depth: 40,
                width: 3
            }
            .rankdir(),
            "RL"
        );
    }

    #[test]
    fn layout_names_parse_in_any_case() {
        for n in Layout::NAMES {
            assert!(Layout::parse(n).is_some());
        }
        assert_eq!(Layout::parse("SFDP"), Some(Layout::Engine(Engine::Sfdp)));
        assert_eq!(Layout::parse("neato"), None);
    }

    #[test]
    fn dot_estimate_grows_about_as_the_square() {
        assert!((dot_seconds(AUTO_DOT_MAX) - 3.0).abs() < 1e-9);
        let ratio = dot_seconds(10_000) / dot_seconds(5_000);
        assert!((3.5..4.0).contains(&ratio), "{ratio}");
        let note = auto_note(9000, Engine::Twopi);
        assert!(note.starts_with("9000 nodes: laid out with twopi (dot would take about "));
        assert!(note.ends_with(" s; --layout dot to force)"));
    }

    #[test]
    fn rings_widen_for_their_nodes() {
        // A star of 100 around node 0: one ring, wide enough for 100 nodes.
        let mut adj = vec![Vec::new(); 101];
        for i in 1..=100 {
            adj[0].push(i);
            adj[i].push(0);
        }
        let rs = twopi_ranksep(&adj, 0);
        let r: f64 = rs.parse().expect("one ring");
        assert!((r - 100.0 * RING_INCHES_PER_NODE / std::f64::consts::TAU).abs() < 0.01);
        // A chain: rings one inch apart; an unreached node counts at the last ring.
        let chain = vec![vec![1], vec![0, 2], vec![1], vec![]];
        assert_eq!(twopi_ranksep(&chain, 0), "1.00:1.00");
        assert_eq!(twopi_ranksep(&[], 0), "1");
    }

    #[test]
    fn warnings_name_the_limit_and_the_options() {
        assert!(mermaid_warning(MERMAID_MAX_TEXT).is_none());
        let w = mermaid_warning(61_234).expect("past the limit");
        assert!(w.contains("61234 characters") && w.contains("50000"));
        assert!(w.contains("--focus") && w.contains("--group") && w.contains("--depth"));
        let c = cairo_warning(
            "graph is too large for cairo-renderer bitmaps. Scaling by 0.904766 to fit",
        )
        .expect("cairo's message");
        assert!(c.contains("32767 px") && c.contains("to 90% to fit"), "{c}");
        assert!(cairo_warning("some other warning").is_none());
    }
}
