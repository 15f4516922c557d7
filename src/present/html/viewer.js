// argmap's HTML viewer: pan, zoom, fit, search, fold, focus, outline, source text,
// details and (for a comparison) pairs, over the Graphviz SVG inlined in the page.
// Every text of the map is written with textContent, never as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var nodesData = data.nodes || {};
  var $ = function (id) { return document.getElementById(id); };
  var diagram = $("diagram");
  var svg = diagram.querySelector("svg");
  var details = $("details");
  var keys = Object.keys(nodesData).sort(function (a, b) { return +a.slice(1) - +b.slice(1); });
  var elOf = {};
  keys.forEach(function (k) { var e = document.getElementById(k); if (e) { elOf[k] = e; } });

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } }
  function label(k) {
    var d = nodesData[k];
    return data.maps.length > 1 ? d.map + ":" + d.id : d.id;
  }

  // ---- Geometry: the SVG's viewBox is the view; boxes in the root's user units. ----
  var base = svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width
    ? { x: svg.viewBox.baseVal.x, y: svg.viewBox.baseVal.y, w: svg.viewBox.baseVal.width, h: svg.viewBox.baseVal.height }
    : { x: 0, y: 0, w: 1000, h: 1000 };
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  var graphG = svg.querySelector("g.graph") || svg;
  function toRoot(e) {
    // The element's box in the root's user units (through the transforms up to the root).
    var b = e.getBBox();
    var m = svg.getScreenCTM().inverse().multiply(e.getScreenCTM());
    var pts = [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]]
      .map(function (p) { var q = svg.createSVGPoint(); q.x = p[0]; q.y = p[1]; return q.matrixTransform(m); });
    var xs = pts.map(function (p) { return p.x; }), ys = pts.map(function (p) { return p.y; });
    var x0 = Math.min.apply(null, xs), y0 = Math.min.apply(null, ys);
    return { x: x0, y: y0, w: Math.max.apply(null, xs) - x0, h: Math.max.apply(null, ys) - y0 };
  }
  var view = { x: base.x, y: base.y, s: 1 };
  function size() { return { w: diagram.clientWidth || 1, h: diagram.clientHeight || 1 }; }
  function apply() {
    var c = size();
    svg.setAttribute("viewBox", [view.x, view.y, c.w / view.s, c.h / view.s].join(" "));
    $("zoom-level").textContent = Math.round(view.s * 100) + "%";
  }
  // Boxes are measured with the viewBox at scale 1 (user units = CSS pixels).
  var boxes = {};      // where each node is drawn now
  var laidOut = {};    // where Graphviz drew it
  function measure() {
    apply();
    Object.keys(elOf).forEach(function (k) { laidOut[k] = toRoot(elOf[k]); });
    boxes = laidOut;
  }
  var MIN_S = 0.02, MAX_S = 8, READABLE = 0.55;
  function clampS(s) { return Math.max(MIN_S, Math.min(MAX_S, s)); }
  function zoomAt(factor, px, py) {
    var c = size();
    if (px === undefined) { px = c.w / 2; py = c.h / 2; }
    var s2 = clampS(view.s * factor);
    var ux = view.x + px / view.s, uy = view.y + py / view.s;
    view.x = ux - px / s2; view.y = uy - py / s2; view.s = s2;
    apply();
  }
  function showBox(b, pad, maxS) {
    var c = size();
    pad = pad === undefined ? 20 : pad;
    var s = Math.min((c.w - 2 * pad) / Math.max(b.w, 1), (c.h - 2 * pad) / Math.max(b.h, 1));
    view.s = clampS(Math.min(s, maxS || MAX_S));
    view.x = b.x + b.w / 2 - c.w / 2 / view.s;
    view.y = b.y + b.h / 2 - c.h / 2 / view.s;
    apply();
  }
  function union(bs) {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    bs.forEach(function (b) {
      x0 = Math.min(x0, b.x); y0 = Math.min(y0, b.y);
      x1 = Math.max(x1, b.x + b.w); y1 = Math.max(y1, b.y + b.h);
    });
    return x0 === Infinity ? null : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  }
  function visibleKeys() { return keys.filter(function (k) { return elOf[k] && !hidden[k]; }); }
  // Centres a node, zoomed in to a readable scale if the view is smaller.
  function centre(k) {
    var b = boxes[k];
    if (!b) { return; }
    var c = size();
    var s = Math.max(view.s, READABLE);
    // A box larger than the window: fit it.
    s = Math.min(s, (c.w - 40) / b.w, (c.h - 40) / b.h);
    view.s = clampS(s);
    view.x = b.x + b.w / 2 - c.w / 2 / view.s;
    view.y = b.y + b.h / 2 - c.h / 2 / view.s;
    apply();
  }
  function theses() {
    var t = [];
    data.maps.forEach(function (m) { (m.theses || []).forEach(function (k) { if (elOf[k]) { t.push(k); } }); });
    return t;
  }
  // Fits the visible nodes; when that is too small to read, the thesis stays in view at
  // a readable scale.
  function fit() {
    var b = union(visibleKeys().map(function (k) { return boxes[k]; })) || base;
    showBox(b, 16, 2);
  }
  function openView() {
    fit();
    var t = theses().filter(function (k) { return !hidden[k]; });
    if (view.s < READABLE * 0.6 && t.length) {
      var c = size();
      view.s = READABLE * 0.6;
      var b = boxes[t[0]];
      view.x = b.x + b.w / 2 - c.w / 2 / view.s;
      view.y = b.y + b.h / 2 - c.h / 2 / view.s;
      apply();
    }
  }
  function goThesis() {
    var t = theses();
    if (!t.length) { return; }
    // Several theses (several maps): the next one each time.
    var i = (t.indexOf(selected) + 1) % t.length;
    go(t[i]);
  }

  // ---- Structure: nodes and points, edges, collapsed to node → node links. ----
  var pointSet = {};
  (data.points || []).forEach(function (p) { pointSet[p] = true; });
  var edgeEls = {};
  var outs = {}, ins = {}; // structural, real nodes only (points collapsed)
  var pIn = {}, pOut = {};
  (data.edges || []).forEach(function (e) {
    var id = e[0], a = e[1], b = e[2], structural = e[3];
    var ee = document.getElementById(id);
    if (ee) { edgeEls[id] = { el: ee, a: a, b: b }; }
    if (!structural || !a || !b) { return; }
    if (pointSet[b]) { (pIn[b] = pIn[b] || []).push(a); return; }
    if (pointSet[a]) { (pOut[a] = pOut[a] || []).push(b); return; }
    link(a, b);
  });
  function link(a, b) {
    if (!nodesData[a] || !nodesData[b]) { return; }
    (outs[a] = outs[a] || []).push(b);
    (ins[b] = ins[b] || []).push(a);
  }
  Object.keys(pointSet).forEach(function (p) {
    (pIn[p] || []).forEach(function (a) { (pOut[p] || []).forEach(function (b) { link(a, b); }); });
  });
  // Undercuts aim at a point: its undercutter is upstream of the point's targets too
  // (already linked above, as every edge into a point is an input of it).

  // ---- Groups: the maps (when several) and their `groups:`, as sets of nodes. ----
  // A group of a map is drawn as a cluster; its key (argmap-group-N) is the SVG class of
  // the nodes and edges inside it, subgroups included.
  var drawnGroups = JSON.parse(document.getElementById("argmap-groups").textContent);
  var groups = [];
  (data.map_groups || []).forEach(function (g, i) {
    groups.push({ key: "map-" + i, id: g.id, title: g.title, depth: 0, parent: null, m: i,
      nodes: g.nodes, cluster: g.cluster, isMap: true });
  });
  var mapIndex = {};
  data.maps.forEach(function (m, i) { mapIndex[m.id] = i; });
  var stackByMap = {};
  // The SVG id of each cluster, by its DOT name (Graphviz writes it as the title).
  var clusterNamed = {};
  Array.prototype.forEach.call(svg.querySelectorAll("g.cluster"), function (c) {
    var t = c.querySelector("title");
    if (t && c.id) { clusterNamed[t.textContent] = c.id; }
  });
  drawnGroups.forEach(function (g) {
    var mi = mapIndex[g.map] !== undefined ? mapIndex[g.map] : 0;
    var stack = stackByMap[mi] = stackByMap[mi] || [];
    stack.length = g.depth;
    var parent = g.depth > 0 ? stack[g.depth - 1] : (data.maps.length > 1 ? "map-" + mi : null);
    stack[g.depth] = g.key;
    groups.push({ key: g.key, id: g.id, title: g.title, depth: g.depth, parent: parent, m: mi,
      nodes: keys.filter(function (k) { return elOf[k] && elOf[k].classList.contains(g.key); }),
      cluster: clusterNamed["cluster_group:" + (data.maps.length > 1 ? g.map + ":" : "") + g.id] });
  });
  var groupAt = {};
  groups.forEach(function (g, gi) { groupAt[g.key] = gi; });

  // ---- Hiding: folded groups, folded supporters, focus. ----
  var hidden = {};
  var foldedGroups = {};   // group key → true
  var foldedAt = {};       // node key → [hidden keys]
  var focusKeep = null;    // key → true while focusing
  function supportersOf(k) {
    var up = {}, stack = [k];
    while (stack.length) {
      var x = stack.pop();
      (ins[x] || []).forEach(function (y) { if (!up[y] && y !== k) { up[y] = true; stack.push(y); } });
    }
    // A supporter that also leads elsewhere (outside the folded set) stays.
    return Object.keys(up).filter(function (y) {
      return !(outs[y] || []).some(function (z) { return z !== k && !up[z]; }) && !nodesData[y].thesis;
    });
  }
  function recompute() {
    hidden = {};
    Object.keys(foldedGroups).forEach(function (key) {
      groups[groupAt[key]].nodes.forEach(function (k) { hidden[k] = true; });
    });
    Object.keys(foldedAt).forEach(function (k) { foldedAt[k].forEach(function (y) { hidden[y] = true; }); });
    if (focusKeep) { keys.forEach(function (k) { if (!focusKeep[k]) { hidden[k] = true; } }); }
    keys.forEach(function (k) {
      var e = elOf[k];
      if (!e) { return; }
      e.classList.toggle("gone", !!hidden[k]);
      e.classList.toggle("fold-root", !!foldedAt[k]);
    });
    var gonePoint = {};
    Object.keys(pointSet).forEach(function (p) {
      var inputs = (pIn[p] || []).filter(function (a) { return nodesData[a]; });
      var pe = document.getElementById(p);
      var gone = (inputs.length > 0 && inputs.every(function (a) { return hidden[a]; })) ||
        (pOut[p] || []).some(function (b) { return hidden[b]; }) ||
        (!!pe && Object.keys(foldedGroups).some(function (key) { return pe.classList.contains(key); }));
      gonePoint[p] = gone;
      // While focusing, the nodes kept are laid out again and joined by lines of their own.
      if (pe) { pe.classList.toggle("gone", gone || !!focusKeep); }
    });
    Object.keys(edgeEls).forEach(function (id) {
      var e = edgeEls[id];
      var gone = hidden[e.a] || hidden[e.b] || gonePoint[e.a] || gonePoint[e.b] || focusKeep;
      e.el.classList.toggle("gone", !!gone);
    });
    Array.prototype.forEach.call(svg.querySelectorAll("g.cluster"), function (c) {
      c.classList.toggle("gone", !!focusKeep);
    });
    groups.forEach(function (g) {
      if (!g.cluster) { return; }
      var c = document.getElementById(g.cluster);
      if (c) { c.classList.toggle("cluster-folded", !!foldedGroups[g.key]); }
    });
    // A fold while focusing: the nodes still shown are laid out again.
    if (focusKeep && focusHistory[focusAt]) { layoutFocus(focusHistory[focusAt].k); }
    outline();
  }
  function reveal(k) {
    var changed = false;
    Object.keys(foldedGroups).forEach(function (key) {
      if (groups[groupAt[key]].nodes.indexOf(k) >= 0) { delete foldedGroups[key]; changed = true; }
    });
    Object.keys(foldedAt).forEach(function (f) {
      if (foldedAt[f].indexOf(k) >= 0) { delete foldedAt[f]; changed = true; }
    });
    if (focusKeep && !focusKeep[k]) { exitFocus(true); changed = true; }
    if (changed) { recompute(); }
  }
  // Folds or unfolds a group; the view goes to its cluster, whose frame stays.
  function toggleGroup(key) {
    if (foldedGroups[key]) { delete foldedGroups[key]; } else { foldedGroups[key] = true; }
    recompute();
    var g = groups[groupAt[key]];
    var c = g.cluster && document.getElementById(g.cluster);
    if (c) { showBox(toRoot(c), 40, READABLE); }
  }
  function toggleSupporters(k) {
    if (foldedAt[k]) { delete foldedAt[k]; } else { foldedAt[k] = supportersOf(k); }
    recompute();
    if (selected === k) { show(k); }
  }

  // ---- Focus mode with its own history. ----
  var focusHistory = [], focusAt = -1;
  function near(k, n) {
    var keep = {}, frontier = [k];
    keep[k] = true;
    for (var step = 0; step < n; step++) {
      var next = [];
      frontier.forEach(function (x) {
        (outs[x] || []).concat(ins[x] || []).forEach(function (y) {
          if (!keep[y]) { keep[y] = true; next.push(y); }
        });
      });
      frontier = next;
    }
    return keep;
  }
  function steps() { return Math.max(1, Math.min(9, parseInt($("focus-steps").value, 10) || 2)); }
  // The focused nodes laid out in rows by their distance along the arguments from the
  // focus (what it rests on below, what it supports above, as Graphviz draws bottom to
  // top), each row in Graphviz's order, joined by straight lines drawn for them.
  var SVGNS = "http://www.w3.org/2000/svg";
  var focusLines = null;
  function unlayout() {
    Object.keys(elOf).forEach(function (k) { elOf[k].removeAttribute("transform"); });
    if (focusLines) { focusLines.parentNode.removeChild(focusLines); focusLines = null; }
    boxes = laidOut;
  }
  function layoutFocus(centreKey) {
    unlayout();
    var layer = {}, queue = [centreKey];
    layer[centreKey] = 0;
    while (queue.length) {
      var x = queue.shift();
      (ins[x] || []).forEach(function (y) { if (focusKeep[y] && !hidden[y] && layer[y] === undefined) { layer[y] = layer[x] + 1; queue.push(y); } });
      (outs[x] || []).forEach(function (y) { if (focusKeep[y] && !hidden[y] && layer[y] === undefined) { layer[y] = layer[x] - 1; queue.push(y); } });
    }
    var rows = {};
    Object.keys(layer).forEach(function (k) { if (laidOut[k]) { (rows[layer[k]] = rows[layer[k]] || []).push(k); } });
    var levels = Object.keys(rows).map(Number).sort(function (a, b) { return a - b; });
    var c = laidOut[centreKey];
    var cx = c.x + c.w / 2, GAP = 24, VGAP = 60;
    var moved = {};
    var y = c.y;
    // Rows above the focus (what it supports), then the focus's row, then below.
    var heights = {};
    levels.forEach(function (l) { heights[l] = Math.max.apply(null, rows[l].map(function (k) { return laidOut[k].h; })); });
    var top = c.y;
    levels.filter(function (l) { return l < 0; }).forEach(function (l) { top -= heights[l] + VGAP; });
    y = top;
    levels.forEach(function (l) {
      var row = rows[l].sort(function (a, b) { return laidOut[a].x - laidOut[b].x || laidOut[a].y - laidOut[b].y; });
      var width = row.reduce(function (w, k) { return w + laidOut[k].w; }, 0) + GAP * (row.length - 1);
      var x = cx - width / 2;
      row.forEach(function (k) {
        var b = laidOut[k];
        moved[k] = { x: x, y: y + (heights[l] - b.h) / 2, w: b.w, h: b.h };
        x += b.w + GAP;
      });
      y += heights[l] + VGAP;
    });
    var m = svg.getScreenCTM().inverse().multiply(graphG.getScreenCTM());
    boxes = {};
    Object.keys(laidOut).forEach(function (k) { boxes[k] = moved[k] || laidOut[k]; });
    Object.keys(moved).forEach(function (k) {
      var dx = (moved[k].x - laidOut[k].x) / (m.a || 1), dy = (moved[k].y - laidOut[k].y) / (m.d || 1);
      elOf[k].setAttribute("transform", "translate(" + dx + " " + dy + ")");
    });
    focusLines = document.createElementNS(SVGNS, "g");
    focusLines.setAttribute("class", "focus-lines");
    Object.keys(moved).forEach(function (a) {
      (outs[a] || []).forEach(function (b) {
        if (moved[b]) { focusLines.appendChild(line(a, b, moved[a], moved[b])); }
      });
    });
    svg.appendChild(focusLines);
  }
  // A line from box `p` (node a) to the edge of box `q` (node b), with its head: green
  // for support, red for an attack, dashed red for an undercut.
  function line(a, b, p, q) {
    var da = nodesData[a], idb = nodesData[b].id;
    var attack = (da.attacks || []).indexOf(idb) >= 0 || (da.kind === "rebuttal" && (da.supports || []).indexOf(idb) < 0);
    var undercut = !attack && (da.undercuts || []).some(function (u) { return String(u).indexOf(idb) >= 0; });
    var colour = attack || undercut ? "#c62828" : "#2e7d32";
    var x1 = p.x + p.w / 2, y1 = p.y + p.h / 2, x2 = q.x + q.w / 2, y2 = q.y + q.h / 2;
    // Where the line enters q's box.
    var dx = x2 - x1, dy = y2 - y1;
    var t = Math.min(Math.abs(dx) > 0 ? (q.w / 2) / Math.abs(dx) : Infinity, Math.abs(dy) > 0 ? (q.h / 2) / Math.abs(dy) : Infinity, 1);
    var ex = x2 - dx * t, ey = y2 - dy * t;
    // And where it leaves p's.
    var t0 = Math.min(Math.abs(dx) > 0 ? (p.w / 2) / Math.abs(dx) : Infinity, Math.abs(dy) > 0 ? (p.h / 2) / Math.abs(dy) : Infinity, 1);
    x1 += dx * t0; y1 += dy * t0;
    var g = document.createElementNS(SVGNS, "g");
    var l = document.createElementNS(SVGNS, "line");
    l.setAttribute("x1", x1); l.setAttribute("y1", y1); l.setAttribute("x2", ex); l.setAttribute("y2", ey);
    l.setAttribute("stroke", colour); l.setAttribute("stroke-width", "1.6");
    if (undercut) { l.setAttribute("stroke-dasharray", "5 3"); }
    g.appendChild(l);
    var len = Math.hypot(dx, dy) || 1, ux = dx / len, uy = dy / len;
    var head = document.createElementNS(SVGNS, "polygon");
    var pts = attack
      ? [[ex - uy * 7, ey + ux * 7], [ex + uy * 7, ey - ux * 7], [ex + uy * 7 - ux * 2, ey - ux * 7 - uy * 2], [ex - uy * 7 - ux * 2, ey + ux * 7 - uy * 2]]
      : [[ex, ey], [ex - ux * 10 - uy * 4, ey - uy * 10 + ux * 4], [ex - ux * 10 + uy * 4, ey - uy * 10 - ux * 4]];
    head.setAttribute("points", pts.map(function (q2) { return q2[0] + "," + q2[1]; }).join(" "));
    head.setAttribute("fill", colour); head.setAttribute("stroke", colour);
    g.appendChild(head);
    return g;
  }
  function applyFocus(entry) {
    focusKeep = near(entry.k, entry.n);
    $("focus-steps").value = entry.n;
    recompute();
    fit();
    select(entry.k, false);
    focusButtons();
  }
  function focusOn(k, n) {
    if (!nodesData[k]) { return; }
    var now = focusHistory[focusAt];
    if (focusKeep && now && now.k === k && now.n === n) { return; }
    focusHistory = focusHistory.slice(0, focusAt + 1);
    focusHistory.push({ k: k, n: n });
    focusAt = focusHistory.length - 1;
    applyFocus(focusHistory[focusAt]);
  }
  function exitFocus(quiet) {
    focusKeep = null;
    unlayout();
    focusButtons();
    if (!quiet) { recompute(); fit(); if (selected) { centre(selected); } }
  }
  function focusButtons() {
    $("focus").classList.toggle("on", !!focusKeep);
    $("focus-exit").disabled = !focusKeep;
    $("focus-back").disabled = focusAt <= 0;
    $("focus-forward").disabled = focusAt >= focusHistory.length - 1;
  }
  $("focus").addEventListener("click", function () {
    var k = selected || theses()[0];
    if (k) { focusOn(k, steps()); }
  });
  $("focus-steps").addEventListener("change", function () {
    if (focusKeep && selected) { focusOn(selected, steps()); }
  });
  $("focus-back").addEventListener("click", function () {
    if (focusAt > 0) { focusAt -= 1; applyFocus(focusHistory[focusAt]); }
  });
  $("focus-forward").addEventListener("click", function () {
    if (focusAt < focusHistory.length - 1) { focusAt += 1; applyFocus(focusHistory[focusAt]); }
  });
  $("focus-exit").addEventListener("click", function () { exitFocus(false); });

  // ---- Selection and details. ----
  var selected = null;
  function list(labelText, items) {
    if (!items || !items.length) { return null; }
    var p = el("p");
    p.appendChild(el("strong", labelText + ": "));
    p.appendChild(document.createTextNode(items.join(", ")));
    return p;
  }
  var GROUNDED = { "in": "in (accepted: every attack on it is defeated)",
    out: "out (rejected: an accepted argument attacks it)",
    undec: "undecided (neither accepted nor rejected)" };
  function nodeBlock(k, target, heading) {
    var d = nodesData[k];
    target.appendChild(el(heading || "h2", (d.thesis ? "Thesis " : "") + d.id));
    target.appendChild(el("div", d.kind + (d.map ? " in " + d.map : ""), "kind"));
    target.appendChild(el("p", d.text, "text"));
    if (d.by) { target.appendChild(el("p", "Held by " + d.by, "by")); }
    if (d.quote) { target.appendChild(el("blockquote", d.quote, "quote")); }
    if (d.status) { target.appendChild(el("p", "Support: " + d.status, "status status-" + d.status)); }
    if (d.grounded) {
      target.appendChild(el("p", "Grounded: " + (GROUNDED[d.grounded] || d.grounded), "grounded grounded-" + d.grounded));
    }
    [list("Citations", d.citations), list("Chain to a citation", d.chain),
     list("Supports", d.supports), list("Attacks", d.attacks), list("Undercuts", d.undercuts)]
      .forEach(function (p) { if (p) { target.appendChild(p); } });
    if (d.note) { target.appendChild(el("p", "Note: " + d.note, "note")); }
    if (d.implicit) { target.appendChild(el("p", "Implicit premise: the text leaves it unstated (the analyst's reconstruction).", "implicit")); }
    if (d.answers) { target.appendChild(el("p", "Answers the critical question " + d.answers, "answers")); }
    (d.schemes || []).forEach(function (a) {
      target.appendChild(el("p", "Argument " + a.argument + ": " + a.title + " (" + a.scheme + ")", "scheme"));
      var p = list("Open critical questions", a.open);
      if (p) { target.appendChild(p); }
    });
  }
  function show(k) {
    clear(details);
    nodeBlock(k, details);
    var actions = el("div", null, "actions");
    var nSup = (ins[k] || []).length;
    if (nSup || foldedAt[k]) {
      var fb = el("button", foldedAt[k] ? "Unfold supporters (" + foldedAt[k].length + ")" : "Fold supporters");
      fb.type = "button"; fb.id = "fold-supporters";
      fb.addEventListener("click", function () { toggleSupporters(k); });
      actions.appendChild(fb);
    }
    var fo = el("button", "Focus here"); fo.type = "button";
    fo.addEventListener("click", function () { focusOn(k, steps()); });
    actions.appendChild(fo);
    if (quoted[k]) {
      var sb = el("button", "Quote in the source"); sb.type = "button"; sb.id = "to-source";
      sb.addEventListener("click", function () { tab("source"); quoteInText(k, true); });
      actions.appendChild(sb);
    }
    details.appendChild(actions);
  }
  function mark(k) {
    keys.forEach(function (x) { if (elOf[x]) { elOf[x].classList.toggle("selected", x === k); } });
  }
  function select(k, move) {
    if (!nodesData[k]) { return; }
    reveal(k);
    selected = k;
    mark(k);
    show(k);
    if (move !== false) { centre(k); }
    quoteInText(k, false);
    outlineSelect(k);
    var h = "#" + encodeURIComponent(label(k));
    if (location.hash !== h) { try { history.replaceState(null, "", h); } catch (e) { /* file: */ } }
  }
  function go(k) { select(k, true); }

  // ---- Pointer: drag to pan, wheel and pinch to zoom, click to select. ----
  var pointers = {}, drag = null, moved = false, pinch = null;
  diagram.addEventListener("pointerdown", function (e) {
    if (e.pointerType === "mouse" && e.button !== 0) { return; }
    pointers[e.pointerId] = { x: e.clientX, y: e.clientY };
    var ids = Object.keys(pointers);
    if (ids.length === 1) {
      drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y };
      moved = false;
    } else if (ids.length === 2) {
      var a = pointers[ids[0]], b = pointers[ids[1]];
      pinch = { d: Math.hypot(a.x - b.x, a.y - b.y), s: view.s };
      drag = null;
    }
  });
  diagram.addEventListener("pointermove", function (e) {
    if (!pointers[e.pointerId]) { return; }
    pointers[e.pointerId] = { x: e.clientX, y: e.clientY };
    var ids = Object.keys(pointers);
    if (pinch && ids.length === 2) {
      var a = pointers[ids[0]], b = pointers[ids[1]];
      var r = diagram.getBoundingClientRect();
      var d = Math.hypot(a.x - b.x, a.y - b.y);
      zoomAt(pinch.s * d / Math.max(pinch.d, 1) / view.s, (a.x + b.x) / 2 - r.left, (a.y + b.y) / 2 - r.top);
      moved = true;
      return;
    }
    if (!drag) { return; }
    var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!moved && Math.abs(dx) + Math.abs(dy) < 4) { return; }
    if (!moved) { diagram.setPointerCapture(e.pointerId); }
    moved = true;
    diagram.classList.add("dragging");
    view.x = drag.vx - dx / view.s;
    view.y = drag.vy - dy / view.s;
    apply();
  });
  function up(e) {
    delete pointers[e.pointerId];
    if (Object.keys(pointers).length < 2) { pinch = null; }
    if (!Object.keys(pointers).length) { drag = null; diagram.classList.remove("dragging"); }
  }
  diagram.addEventListener("pointerup", up);
  diagram.addEventListener("pointercancel", up);
  diagram.addEventListener("wheel", function (e) {
    e.preventDefault();
    var r = diagram.getBoundingClientRect();
    var dy = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    zoomAt(Math.exp(-dy * (e.ctrlKey ? 0.01 : 0.0015)), e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  diagram.addEventListener("click", function (e) {
    if (moved) { moved = false; return; }
    var n = e.target.closest ? e.target.closest("g.node") : null;
    if (n && nodesData[n.id]) { select(n.id, false); diagram.focus({ preventScroll: true }); return; }
    var g = e.target.closest ? e.target.closest("g.edge") : null;
    if (g && pairOfEdge[g.id] !== undefined) { selectPair(pairOfEdge[g.id]); }
  });
  keys.forEach(function (k) {
    var e = elOf[k];
    if (!e) { return; }
    e.setAttribute("tabindex", "0");
    e.setAttribute("role", "button");
    e.setAttribute("aria-label", label(k));
    e.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { select(k, true); ev.stopPropagation(); } });
  });
  $("zoom-in").addEventListener("click", function () { zoomAt(1.25); });
  $("zoom-out").addEventListener("click", function () { zoomAt(0.8); });
  $("fit").addEventListener("click", fit);
  $("go-thesis").addEventListener("click", goThesis);
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA")) { return; }
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    var step = 80 / view.s;
    switch (e.key) {
      case "+": case "=": zoomAt(1.25); break;
      case "-": case "_": zoomAt(0.8); break;
      case "0": fit(); break;
      case "t": goThesis(); break;
      case "f": $("focus").click(); break;
      case "/": $("search").focus(); break;
      case "Escape": if (focusKeep) { exitFocus(false); } break;
      case "ArrowLeft": view.x -= step; apply(); break;
      case "ArrowRight": view.x += step; apply(); break;
      case "ArrowUp": view.y -= step; apply(); break;
      case "ArrowDown": view.y += step; apply(); break;
      default: return;
    }
    e.preventDefault();
  });
  window.addEventListener("resize", function () { apply(); });

  // ---- Search: every hit in turn. ----
  var search = $("search"), count = $("matches");
  var hits = [], hitAt = -1;
  function hay(d) { return (d.id + " " + d.text + " " + (d.quote || "") + " " + (d.by || "") + " " + (d.note || "")).toLowerCase(); }
  function runSearch() {
    var q = search.value.trim().toLowerCase();
    hits = q === "" ? [] : keys.filter(function (k) { return elOf[k] && hay(nodesData[k]).indexOf(q) >= 0; });
    var isHit = {};
    hits.forEach(function (k) { isHit[k] = true; });
    keys.forEach(function (k) {
      var e = elOf[k];
      if (!e) { return; }
      e.classList.toggle("match", !!isHit[k]);
      e.classList.toggle("dim", q !== "" && !isHit[k]);
      e.classList.remove("current");
    });
    hitAt = -1;
    counter(q);
  }
  function counter(q) {
    if (q === "") { count.textContent = ""; return; }
    if (!hits.length) { count.textContent = "no match"; return; }
    count.textContent = (hitAt < 0 ? "" : (hitAt + 1) + " of ") + hits.length + (hitAt < 0 ? " match" + (hits.length === 1 ? "" : "es") : "");
  }
  function stepHit(dir) {
    if (!hits.length) { return; }
    if (hitAt >= 0 && elOf[hits[hitAt]]) { elOf[hits[hitAt]].classList.remove("current"); }
    hitAt = hitAt < 0 ? (dir > 0 ? 0 : hits.length - 1) : (hitAt + dir + hits.length) % hits.length;
    var k = hits[hitAt];
    select(k, true);
    elOf[k].classList.add("current");
    counter(search.value.trim());
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (e) {
    if (e.key === "Enter") { e.preventDefault(); stepHit(e.shiftKey ? -1 : 1); }
    if (e.key === "Escape") { search.value = ""; runSearch(); }
  });
  $("search-next").addEventListener("click", function () { stepHit(1); });
  $("search-prev").addEventListener("click", function () { stepHit(-1); });

  // ---- Tabs. ----
  var tabs = ["outline", "source", "pairs"];
  function tab(name) {
    tabs.forEach(function (t) {
      $("tab-" + t).setAttribute("aria-selected", t === name ? "true" : "false");
      $(t).hidden = t !== name;
    });
  }
  tabs.forEach(function (t) { $("tab-" + t).addEventListener("click", function () { tab(t); }); });

  // ---- Outline: groups (or maps) and nodes as a tree, support status marked. ----
  var outlineItems = {};
  var outlineOpen = {};
  function statusMark(d) {
    if (d.kind === "rebuttal") { return ["\u22a3", "mark-rebuttal", "rebuttal"]; }
    if (d.status === "cited") { return ["\u2713", "mark-cited", "cited support"]; }
    if (d.status) { return ["\u26a0", "mark-" + d.status, d.status]; }
    return ["\u00b7", "", ""];
  }
  function item(k) {
    var d = nodesData[k];
    var m = statusMark(d);
    var li = el("li");
    var a = el("span", null, "item");
    var s = el("span", m[0], "mark " + m[1]);
    if (m[2]) { s.title = m[2]; }
    a.appendChild(s);
    a.appendChild(document.createTextNode(d.id + (d.grounded ? " [" + d.grounded + "]" : "") + " \u2014 " + d.text));
    a.title = d.text;
    a.dataset.key = k;
    a.classList.toggle("hidden-node", !!hidden[k]);
    a.classList.toggle("selected", k === selected);
    a.addEventListener("click", function () { go(k); });
    outlineItems[k] = a;
    li.appendChild(a);
    return li;
  }
  // A map's nodes as a tree from its theses: each node under the first node it supports
  // or attacks that is already placed; the rest after.
  function supportTree(mapIndex, only) {
    var ul = el("ul");
    var placed = {};
    var inMap = keys.filter(function (k) { return nodesData[k].m === mapIndex && (!only || only[k]); });
    function place(k, into, depth) {
      placed[k] = true;
      var li = item(k);
      var kids = (ins[k] || []).filter(function (y) { return !placed[y] && (!only || only[y]) && nodesData[y].m === mapIndex; });
      kids.forEach(function (y) { placed[y] = true; });
      if (kids.length) {
        var sub = el("ul");
        kids.forEach(function (y) { delete placed[y]; place(y, sub, depth + 1); });
        li.appendChild(sub);
      }
      into.appendChild(li);
    }
    inMap.filter(function (k) { return nodesData[k].thesis; }).forEach(function (k) { if (!placed[k]) { place(k, ul, 0); } });
    inMap.forEach(function (k) { if (!placed[k]) { place(k, ul, 0); } });
    return ul;
  }
  function outline() {
    var box = $("outline");
    var scroll = box.scrollTop;
    clear(box);
    outlineItems = {};
    var top = el("ul");
    var kids = {};
    var inGroup = {};
    groups.forEach(function (g, gi) {
      (kids[g.parent || ""] = kids[g.parent || ""] || []).push(gi);
      g.nodes.forEach(function (k) { inGroup[k] = inGroup[k] || {}; inGroup[k][g.key] = true; });
    });
    // A group's own nodes: in it and in none of its subgroups.
    function own(g) {
      var inner = {};
      (kids[g.key] || []).forEach(function (ci) { groups[ci].nodes.forEach(function (k) { inner[k] = true; }); });
      var o = {};
      g.nodes.forEach(function (k) { if (!inner[k]) { o[k] = true; } });
      return o;
    }
    function addGroup(gi, into) {
      var g = groups[gi];
      var li = el("li");
      var det = el("details");
      det.open = outlineOpen[g.key] !== undefined ? outlineOpen[g.key] : (g.isMap || !g.parent);
      det.addEventListener("toggle", function () { outlineOpen[g.key] = det.open; });
      var sum = el("summary");
      sum.appendChild(document.createTextNode((g.title || g.id) + " (" + g.nodes.length + ") "));
      var fb = el("button", foldedGroups[g.key] ? "unfold" : "fold", "group-toggle");
      fb.type = "button";
      fb.dataset.group = g.key;
      fb.setAttribute("aria-pressed", foldedGroups[g.key] ? "true" : "false");
      fb.title = (foldedGroups[g.key] ? "Unfold " : "Fold ") + (g.title || g.id) + " (" + g.nodes.length + " node" + (g.nodes.length === 1 ? "" : "s") + ")";
      fb.addEventListener("click", function (e) { e.preventDefault(); e.stopPropagation(); toggleGroup(g.key); });
      sum.appendChild(fb);
      det.appendChild(sum);
      var ul = el("ul");
      (kids[g.key] || []).forEach(function (ci) { addGroup(ci, ul); });
      var sub = supportTree(g.m, own(g));
      Array.prototype.slice.call(sub.childNodes).forEach(function (c) { ul.appendChild(c); });
      det.appendChild(ul);
      li.appendChild(det);
      into.appendChild(li);
    }
    (kids[""] || []).forEach(function (gi) { addGroup(gi, top); });
    // Nodes in no group of their map (every node, for a map without groups).
    data.maps.forEach(function (m, mi) {
      var mapKey = "map-" + mi;
      var loose = {};
      var any = false;
      keys.forEach(function (k) {
        var gs = inGroup[k] ? Object.keys(inGroup[k]).filter(function (x) { return x !== mapKey; }) : [];
        if (nodesData[k].m === mi && !gs.length) { loose[k] = true; any = true; }
      });
      if (!any) { return; }
      var tree = supportTree(mi, loose);
      var parentKey = data.maps.length > 1 ? mapKey : "";
      var into = top;
      if (data.maps.length > 1) {
        var mine = Array.prototype.slice.call(top.children).filter(function (li) {
          var b = li.querySelector("button.group-toggle");
          return b && b.dataset.group === mapKey;
        })[0];
        if (mine) { into = mine.querySelector("details > ul"); }
      }
      into.appendChild(wrapLoose(tree, (kids[parentKey] || []).length > 0));
    });
    function wrapLoose(tree, labelled) {
      if (!labelled) {
        var frag = document.createDocumentFragment();
        Array.prototype.slice.call(tree.childNodes).forEach(function (c) { frag.appendChild(c); });
        return frag;
      }
      var li = el("li");
      li.appendChild(el("strong", "In no group"));
      li.appendChild(tree);
      return li;
    }
    box.appendChild(top);
    box.scrollTop = scroll;
  }
  function outlineSelect(k) {
    Object.keys(outlineItems).forEach(function (x) { outlineItems[x].classList.toggle("selected", x === k); });
    var a = outlineItems[k];
    if (a && !$("outline").hidden) {
      var d = a.closest("details");
      while (d) { d.open = true; d = d.parentElement ? d.parentElement.closest("details") : null; }
      a.scrollIntoView({ block: "nearest" });
    }
  }

  // ---- Source text: quoted spans highlighted and linked to their nodes. ----
  var spansOf = {};   // node key → [mark elements] (of the text shown)
  var quoted = {};    // node key → true when its quote was found in its map's text
  data.maps.forEach(function (m) {
    if (m.source) { m.source.spans.forEach(function (s) { quoted[s[0]] = true; }); }
  });
  var sourceMap = 0;
  function sourcePanel() {
    var box = $("source");
    clear(box);
    spansOf = {};
    var withSource = data.maps.map(function (m, i) { return [m, i]; }).filter(function (p) { return p[0].source; });
    if (!withSource.length) {
      box.appendChild(el("p", "The map names no source text, or it was not read.", "hint"));
      return;
    }
    if (withSource.length > 1) {
      var pick = el("select");
      pick.id = "source-map";
      withSource.forEach(function (p) {
        var o = el("option", p[0].title || p[0].id);
        o.value = String(p[1]);
        pick.appendChild(o);
      });
      pick.value = String(sourceMap);
      pick.addEventListener("change", function () { sourceMap = +pick.value; sourcePanel(); if (selected) { quoteInText(selected, false); } });
      box.appendChild(pick);
    }
    var entry = withSource.filter(function (p) { return p[1] === sourceMap; })[0] || withSource[0];
    sourceMap = entry[1];
    var src = entry[0].source;
    var text = src.text;
    box.appendChild(el("div", src.name + " \u2014 the map quotes " + (src.share * 100).toFixed(1) + "% of the text (" +
      src.spans.length + " quoted spans)", "meta"));
    var body = el("div", null, "text");
    // Elementary intervals: each a set of nodes quoting it.
    var cuts = [0, text.length];
    src.spans.forEach(function (s) { cuts.push(s[1], s[2]); });
    cuts = cuts.filter(function (c, i, a) { return a.indexOf(c) === i; }).sort(function (a, b) { return a - b; });
    var starts = src.spans.slice().sort(function (a, b) { return a[1] - b[1]; });
    var open = [];
    var si = 0;
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1];
      while (si < starts.length && starts[si][1] <= a) { open.push(starts[si]); si++; }
      open = open.filter(function (s) { return s[2] > a; });
      var piece = text.slice(a, b);
      if (!open.length) { body.appendChild(document.createTextNode(piece)); continue; }
      var m = el("mark", piece);
      var who = open.map(function (s) { return s[0]; }).filter(function (k, j, arr) { return arr.indexOf(k) === j; });
      m.dataset.nodes = who.join(" ");
      m.title = who.map(label).join(", ");
      if (who.length > 1) { m.classList.add("many"); }
      who.forEach(function (k) { (spansOf[k] = spansOf[k] || []).push(m); });
      body.appendChild(m);
    }
    body.addEventListener("click", function (e) {
      var m = e.target.closest ? e.target.closest("mark") : null;
      if (!m) { return; }
      var who = m.dataset.nodes.split(" ");
      // Several nodes quote this stretch: each click the next of them.
      var i = who.indexOf(selected);
      go(who[(i + 1) % who.length]);
    });
    box.appendChild(body);
  }
  var currentMarks = [];
  function quoteInText(k, scroll) {
    currentMarks.forEach(function (m) { m.classList.remove("current"); });
    var d = nodesData[k];
    if (d && d.m !== sourceMap && data.maps[d.m] && data.maps[d.m].source) { sourceMap = d.m; sourcePanel(); }
    currentMarks = spansOf[k] || [];
    currentMarks.forEach(function (m) { m.classList.add("current"); });
    if (currentMarks.length && (scroll || !$("source").hidden)) {
      currentMarks[0].scrollIntoView({ block: "center" });
    }
  }

  // ---- Pairs of a comparison. ----
  var pairOfEdge = {};
  var pairEls = [];
  function pairsPanel() {
    var pairs = data.pairs || [];
    if (!pairs.length && data.mode !== "compare") { return; }
    $("tab-pairs").hidden = false;
    var box = $("pairs");
    var KIND = { declared: "aligned (same_as)", suggested: "aligned (suggested)", contradicts: "contradicts" };
    // The comparison's summary (the report's paragraphs), above the pairs.
    (data.summary || []).forEach(function (para) { box.appendChild(el("p", para, "summary")); });
    if (!pairs.length) { box.appendChild(el("p", "The comparison found no pairs.", "hint")); }
    pairs.forEach(function (p, i) {
      if (p.edge) { pairOfEdge[p.edge] = i; }
      var div = el("div", null, "pair");
      div.id = "pair-" + i;
      div.appendChild(el("div", (KIND[p.kind] || p.kind) + (p.score !== undefined ? " \u2248 " + p.score.toFixed(2) : ""), "pk"));
      div.appendChild(el("div", p.a_id + (p.kind === "contradicts" ? " \u2260 " : " = ") + p.b_id));
      var ta = p.a && nodesData[p.a] ? nodesData[p.a].text : "";
      div.title = ta;
      div.addEventListener("click", function () { selectPair(i); });
      pairEls.push(div);
      box.appendChild(div);
    });
  }
  function selectPair(i) {
    var p = data.pairs[i];
    var ends = [p.a, p.b].filter(function (k) { return k && nodesData[k]; });
    ends.forEach(reveal);
    selected = ends[0] || null;
    keys.forEach(function (x) { if (elOf[x]) { elOf[x].classList.toggle("selected", ends.indexOf(x) >= 0); } });
    Object.keys(edgeEls).forEach(function (id) { edgeEls[id].el.classList.toggle("selected", id === p.edge); });
    pairEls.forEach(function (d, j) { d.classList.toggle("selected", j === i); });
    clear(details);
    details.appendChild(el("h2", p.kind === "contradicts" ? "Contradicting pair" : "Aligned pair" +
      (p.score !== undefined ? " (similarity " + p.score.toFixed(2) + ")" : "")));
    ends.forEach(function (k) {
      var sec = el("section");
      nodeBlock(k, sec, "h3");
      var goTo = el("button", "Go to " + label(k), "go-side");
      goTo.type = "button";
      goTo.addEventListener("click", function () { centre(k); });
      sec.appendChild(goTo);
      details.appendChild(sec);
    });
    var b = union(ends.map(function (k) { return boxes[k]; }));
    if (b) {
      showBox(b, 60, 1.2);
      // Too far apart to read both: the left side, readable; the buttons go to each.
      if (view.s < READABLE * 0.6 && ends.length) { centre(ends[0]); }
    }
  }

  // ---- #id in the URL. ----
  function fromHash() {
    if (location.hash.length < 2) { return false; }
    var want = decodeURIComponent(location.hash.slice(1));
    var k = keys.filter(function (x) { return label(x) === want || nodesData[x].id === want; })[0];
    if (k) { go(k); return true; }
    return false;
  }
  window.addEventListener("hashchange", fromHash);

  measure();
  sourcePanel();
  pairsPanel();
  if (data.mode === "compare" && (data.pairs || []).length) { tab("pairs"); }
  recompute();
  openView();
  fromHash();
  // For tests and the curious: the view state.
  window.argmapViewer = {
    view: function () { return { x: view.x, y: view.y, scale: view.s }; },
    selected: function () { return selected; },
    focus: function () { return { at: focusAt, history: focusHistory.map(function (e) { return [e.k, e.n]; }) }; },
    hidden: function () { return Object.keys(hidden); },
    groups: function () { return groups.map(function (g) { return { key: g.key, id: g.id, nodes: g.nodes.slice() }; }); }
  };
})();
