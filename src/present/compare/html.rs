//! The comparison as one self-contained HTML page (`argmap compare A B -o x.html`): the
//! summary at the top, both maps side by side (each by group), the aligned and
//! contradicting pairs between them as a list; clicking a pair (or a node that is in one)
//! shows both sides with their quotes, positions, holders and sources.
//!
//! Nothing comes from the network: the styles and the script are in the page, the data
//! is one JSON block (`<`, `>` and `&` escaped so no text can close it), and the script
//! writes every text with `textContent`, never as HTML. A Content-Security-Policy allows
//! only the page's own script (by nonce) and inline styles.

use super::summary;
use crate::analyse::compare::{Comparison, NodeReport, Origin, Pair};
use crate::analyse::Analysed;
use crate::graph::NodeKind;
use crate::present::html::script_json;
use serde::Serialize;

#[derive(Serialize)]
struct Page<'a> {
    title: String,
    summary: Vec<String>,
    maps: [MapData<'a>; 2],
    pairs: Vec<PairData<'a>>,
}

#[derive(Serialize)]
struct MapData<'a> {
    id: &'a str,
    title: Option<&'a str>,
    groups: Vec<(&'a str, &'a str)>,
    nodes: Vec<NodeData<'a>>,
}

#[derive(Serialize)]
struct NodeData<'a> {
    id: &'a str,
    kind: &'static str,
    text: &'a str,
    quote: Option<&'a str>,
    group: Option<&'a str>,
    by: Option<&'a str>,
    thesis: bool,
}

#[derive(Serialize)]
struct PairData<'a> {
    /// `declared`, `suggested` or `contradicts`.
    relation: &'static str,
    score: f64,
    left: Side1<'a>,
    right: Side1<'a>,
}

#[derive(Serialize)]
struct Side1<'a> {
    id: &'a str,
    position: &'static str,
    polarity: Option<&'static str>,
    by: Option<&'a str>,
    status: &'static str,
    sources: Vec<&'a str>,
}

fn side1(n: &NodeReport) -> Side1<'_> {
    Side1 {
        id: &n.id,
        position: n.position.name(),
        polarity: n.role.polarity.map(|p| match p {
            crate::analyse::compare::Polarity::Pro => "for its thesis",
            crate::analyse::compare::Polarity::Con => "against its thesis",
        }),
        by: n.by.as_deref(),
        status: n.status.name(),
        sources: n.sources.iter().map(|s| s.as_str()).collect(),
    }
}

fn pair_data<'a>(p: &'a Pair, relation: &'static str) -> PairData<'a> {
    PairData {
        relation,
        score: p.score,
        left: side1(&p.left),
        right: side1(&p.right),
    }
}

fn map_data<'a>(m: &'a Analysed<'a>) -> MapData<'a> {
    let g = &m.graph;
    MapData {
        id: m.map_id(),
        title: g.map.title.as_deref(),
        groups: g
            .map
            .groups()
            .map(|(id, gr)| (id.as_str(), gr.details.title.as_deref().unwrap_or("")))
            .collect(),
        nodes: g
            .graph
            .node_weights()
            .filter(|n| n.kind != NodeKind::Source)
            .map(|n| NodeData {
                id: n.id,
                kind: n.kind.name(),
                text: n.text(),
                quote: n.node.and_then(|x| x.quote.as_deref()),
                group: n.node.and_then(|x| x.group()),
                by: n.node.and_then(|x| x.by()),
                thesis: n.is_thesis(),
            })
            .collect(),
    }
}

/// A nonce for the script, from the page's content (FNV-1a), so the page is reproducible.
fn nonce(data: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in data.bytes().chain(JS.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

/// The HTML page of comparison `c` of maps `a` (left) and `b` (right).
pub fn html(a: &Analysed, b: &Analysed, c: &Comparison) -> String {
    let sum = summary::summary(c);
    let mut pairs: Vec<PairData> = c
        .pairs
        .iter()
        .map(|p| {
            pair_data(
                p,
                if p.origin == Origin::Declared {
                    "declared"
                } else {
                    "suggested"
                },
            )
        })
        .collect();
    pairs.extend(c.contradicting.iter().map(|p| pair_data(p, "contradicts")));
    let page = Page {
        title: format!("{} compared with {}", c.maps.left.id, c.maps.right.id),
        summary: sum
            .paragraphs
            .iter()
            .map(|p| {
                p.iter()
                    .map(|s| s.prose.plain())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect(),
        maps: [map_data(a), map_data(b)],
        pairs,
    };
    let data = script_json(&page);
    let nonce = nonce(&data);
    let title = crate::present::escape::xml(&page.title);
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-{nonce}'">
<title>{title}</title>
<style>{CSS}</style>
</head>
<body>
<header><h1>{title}</h1><div id="summary"></div></header>
<main>
<section class="map" id="map-left"></section>
<section id="pairs"><h2>Pairs</h2><p class="hint">Click a pair, or a node in one, to see both sides.</p><ol id="pair-list"></ol><div id="detail" aria-live="polite"></div></section>
<section class="map" id="map-right"></section>
</main>
<noscript><p>This page needs JavaScript to show the maps; the same comparison is in the Markdown or text report.</p></noscript>
<script type="application/json" id="compare-data">{data}</script>
<script nonce="{nonce}">{JS}</script>
</body>
</html>
"#
    )
}

const CSS: &str = r#"
body{margin:0;font:14px/1.45 system-ui,Helvetica,Arial,sans-serif;color:#212121}
header{padding:.6em 1.2em;border-bottom:1px solid #ddd;background:#fafafa}
header h1{font-size:1.2em;margin:.2em 0}
#summary p{margin:.4em 0;max-width:70em}
main{display:grid;grid-template-columns:1fr minmax(18em,26em) 1fr;gap:1em;padding:1em}
.map h2,#pairs h2{font-size:1.05em;margin:.2em 0 .5em}
.map h3{font-size:.95em;margin:.8em 0 .3em;color:#555}
.node{border:1px solid #ddd;border-radius:4px;padding:.3em .5em;margin:.25em 0;background:#fff}
.node.paired{border-color:#90a4ae;cursor:pointer}
.node.thesis{border-width:2px;border-color:#1565c0}
.node.sel{background:#fff8e1;border-color:#f9a825}
.node .id,.pair .id{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;color:#37474f}
.badge{display:inline-block;font-size:.75em;padding:0 .4em;border-radius:3px;margin-left:.3em;background:#eceff1}
.badge.contradicts{background:#ffebee;color:#b71c1c}
.badge.suggested{background:#e3f2fd;color:#0d47a1}
#pair-list{padding-left:1.6em;margin:0}
.pair{cursor:pointer;margin:.15em 0}
.pair.contradicts .rel{color:#b71c1c}
.pair.sel{background:#fff8e1}
#detail .side{border-top:1px solid #ddd;padding:.4em 0}
#detail blockquote{margin:.3em 0 .3em 1em;color:#455a64;font-style:italic}
.hint{color:#777;font-size:.9em}
"#;

const JS: &str = r#"
(function(){
var D=JSON.parse(document.getElementById('compare-data').textContent);
function el(tag,cls,text){var e=document.createElement(tag);if(cls)e.className=cls;if(text!=null)e.textContent=text;return e;}
var sum=document.getElementById('summary');
D.summary.forEach(function(p){sum.appendChild(el('p',null,p));});
var nodeEls=[{},{}],byId=[{},{}],pairsOf=[{},{}];
D.maps.forEach(function(m,i){m.nodes.forEach(function(n){byId[i][n.id]=n;});});
D.pairs.forEach(function(p,k){[p.left.id,p.right.id].forEach(function(id,i){(pairsOf[i][id]=pairsOf[i][id]||[]).push(k);});});
D.maps.forEach(function(m,i){
  var sec=document.getElementById(i===0?'map-left':'map-right');
  sec.appendChild(el('h2',null,m.id+(m.title?': '+m.title:'')));
  var titles={};m.groups.forEach(function(g){titles[g[0]]=g[1];});
  var order=[],by={};
  m.nodes.forEach(function(n){var g=n.group||'';if(!(g in by)){by[g]=[];order.push(g);}by[g].push(n);});
  order.forEach(function(g){
    if(g)sec.appendChild(el('h3',null,(titles[g]||g)+' ('+g+')'));else if(order.length>1)sec.appendChild(el('h3',null,'In no group'));
    by[g].forEach(function(n){
      var d=el('div','node'+(n.thesis?' thesis':''));
      d.appendChild(el('span','id',n.id));
      var ps=pairsOf[i][n.id]||[];
      ps.forEach(function(k){var r=D.pairs[k].relation;d.appendChild(el('span','badge '+r,r==='contradicts'?'≠ '+(i?D.pairs[k].left.id:D.pairs[k].right.id):'= '+(i?D.pairs[k].left.id:D.pairs[k].right.id)));});
      d.appendChild(el('div',null,n.text));
      if(ps.length){d.classList.add('paired');d.addEventListener('click',function(){show(ps[0]);});}
      nodeEls[i][n.id]=d;sec.appendChild(d);
    });
  });
});
var list=document.getElementById('pair-list'),items=[];
D.pairs.forEach(function(p,k){
  var li=el('li','pair '+p.relation);
  li.appendChild(el('span','id',p.left.id));
  li.appendChild(el('span','rel',p.relation==='contradicts'?' ≠ ':' = '));
  li.appendChild(el('span','id',p.right.id));
  if(p.relation==='suggested')li.appendChild(el('span','badge suggested','score '+p.score.toFixed(2)));
  li.tabIndex=0;
  li.addEventListener('click',function(){show(k);});
  li.addEventListener('keydown',function(e){if(e.key==='Enter')show(k);});
  items.push(li);list.appendChild(li);
});
function side(box,i,s){
  var n=byId[i][s.id]||{text:''};var m=D.maps[i];
  var d=el('div','side');
  d.appendChild(el('strong',null,m.id+': '));d.appendChild(el('span','id',s.id));
  d.appendChild(el('div',null,n.text));
  if(n.quote)d.appendChild(el('blockquote',null,'“'+n.quote+'”'));
  var facts=[m.id+' '+s.position+' it'];
  if(s.polarity)facts.push(s.polarity);
  facts.push(s.by?'held by '+s.by:'the author’s');
  facts.push(s.status+(s.sources.length?' ('+s.sources.join(', ')+')':''));
  d.appendChild(el('div','hint',facts.join(' · ')));
  box.appendChild(d);
}
function show(k){
  var p=D.pairs[k];
  document.querySelectorAll('.sel').forEach(function(e){e.classList.remove('sel');});
  items[k].classList.add('sel');
  [p.left.id,p.right.id].forEach(function(id,i){var e=nodeEls[i][id];if(e){e.classList.add('sel');e.scrollIntoView({block:'nearest'});}});
  var box=document.getElementById('detail');box.textContent='';
  box.appendChild(el('h2',null,p.relation==='contradicts'?'Contradicting pair':(p.relation==='suggested'?'Suggested pair':'Aligned pair')));
  side(box,0,p.left);side(box,1,p.right);
}
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_its_block() {
        let s = script_json(&"</script><script>alert(1)</script>&");
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'));
    }
}
