// Drives Debian's Chromium (headless) through argmap's HTML viewer on a large map, at
// 1600×1000, and writes a screenshot of each state.
// Usage: node viewer.mjs CONFIG.json, where CONFIG holds
//   page      the page of `argmap render MAP -o page.html`
//   shots     the folder for the screenshots
//   search    a word some nodes contain (each hit is visited)
//   node      a node id for `#id` (e.g. C-devised-and-acted)
//   group     (optional) a group id to fold (else the first group with nodes, if any)
//   requireGroups (optional) fail when the page has no groups
//   compare   (optional) the page of `argmap compare A B -o page.html`
//   several   (optional) the page of `argmap render A B -o page.html`
// It checks: no console or page errors and no network request; after load the thesis's
// box is inside the diagram's viewport; zoom (button, keyboard, wheel, pinch) changes the
// scale; search visits every hit in turn (Enter, Shift+Enter), "k of n", each hit inside
// the viewport when selected; `#id` selects and centres that node (hashchange too);
// folding a group (or a node's supporters) hides its nodes and unfolding shows them; the
// focus mode hides the far nodes, with back and forward; clicking a quoted span of the
// source panel selects its node, and selecting a node marks its quote; in a comparison,
// clicking a pair selects both nodes and shows both sides with their quotes.
import { chromium } from "playwright-core";
import { readFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const cfg = JSON.parse(readFileSync(process.argv[2], "utf8"));
mkdirSync(cfg.shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failures = 0;
function fail(msg) { console.error("FAIL: " + msg); failures += 1; }
function check(ok, msg) { if (!ok) { fail(msg); } return ok; }
const shots = [];
async function shot(page, name) {
  const path = join(cfg.shots, name + ".png");
  await page.screenshot({ path });
  shots.push(path);
}

async function open(file) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push("console: " + m.text()); });
  page.on("pageerror", (e) => problems.push("pageerror: " + e.message));
  page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) problems.push("network: " + r.url()); });
  await page.goto("file://" + file);
  await page.waitForFunction(() => window.argmapViewer !== undefined);
  return { page, problems };
}

// Whether the box of SVG element `key` lies inside the diagram's viewport.
async function inView(page, key) {
  return page.evaluate((k) => {
    const r = document.getElementById(k).getBoundingClientRect();
    const v = document.getElementById("diagram").getBoundingClientRect();
    return r.width > 0 && r.left >= v.left - 1 && r.right <= v.right + 1 && r.top >= v.top - 1 && r.bottom <= v.bottom + 1;
  }, key);
}
async function distanceFromCentre(page, key) {
  return page.evaluate((k) => {
    const r = document.getElementById(k).getBoundingClientRect();
    const v = document.getElementById("diagram").getBoundingClientRect();
    return Math.hypot((r.left + r.right) / 2 - (v.left + v.right) / 2, (r.top + r.bottom) / 2 - (v.top + v.bottom) / 2);
  }, key);
}
const scale = (page) => page.evaluate(() => window.argmapViewer.view().scale);
const pageData = (page) => page.evaluate(() => JSON.parse(document.getElementById("argmap-data").textContent));
const keyOf = (data, id) => Object.keys(data.nodes).find((k) => data.nodes[k].id === id);
const isGone = (page, key) => page.evaluate((k) => getComputedStyle(document.getElementById(k)).display === "none", key);

{
  const { page, problems } = await open(cfg.page);
  const data = await pageData(page);
  const thesis = data.maps[0].theses[0];
  check(thesis && await inView(page, thesis), `after load the thesis ${thesis} is not inside the viewport`);
  await shot(page, "01-open");

  // Zoom: buttons, keyboard, wheel.
  const s0 = await scale(page);
  await page.click("#zoom-in");
  const s1 = await scale(page);
  check(s1 > s0, `zoom in: scale ${s0} → ${s1}`);
  await page.locator("#diagram").focus();
  await page.keyboard.press("-");
  const s2 = await scale(page);
  check(s2 < s1, `key -: scale ${s1} → ${s2}`);
  const box = await page.locator("#diagram").boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  await page.waitForFunction((s) => window.argmapViewer.view().scale > s, s2);
  const s3 = await scale(page);
  check(s3 > s2, `wheel: scale ${s2} → ${s3}`);
  // A pinch (two touch pointers moving apart) zooms in.
  const s4 = await page.evaluate(() => {
    const d = document.getElementById("diagram");
    const r = d.getBoundingClientRect();
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    const ev = (type, id, x) => d.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: "touch", clientX: x, clientY: cy, bubbles: true, isPrimary: id === 11 }));
    const before = window.argmapViewer.view().scale;
    ev("pointerdown", 11, cx - 50); ev("pointerdown", 12, cx + 50);
    ev("pointermove", 12, cx + 100); ev("pointermove", 11, cx - 100);
    ev("pointerup", 11, cx - 100); ev("pointerup", 12, cx + 100);
    return [before, window.argmapViewer.view().scale];
  });
  check(s4[1] > s4[0] * 1.5, `pinch: scale ${s4[0]} → ${s4[1]}`);
  await shot(page, "02-zoomed");
  // Drag pans.
  const v0 = await page.evaluate(() => window.argmapViewer.view());
  await page.mouse.move(box.x + 300, box.y + 300);
  await page.mouse.down();
  await page.mouse.move(box.x + 500, box.y + 400, { steps: 5 });
  await page.mouse.up();
  const v1 = await page.evaluate(() => window.argmapViewer.view());
  check(v1.x < v0.x && v1.y < v0.y, `drag did not pan: ${JSON.stringify(v0)} → ${JSON.stringify(v1)}`);
  await page.click("#fit");
  await page.click("#go-thesis");
  check(await inView(page, thesis), "go to thesis: the thesis is not in view");

  // Search: every hit in turn.
  const word = cfg.search.toLowerCase();
  const expected = Object.keys(data.nodes).filter((k) => {
    const d = data.nodes[k];
    return (d.id + " " + d.text + " " + (d.quote || "") + " " + (d.by || "") + " " + (d.note || "")).toLowerCase().includes(word);
  });
  check(expected.length >= 2, `search word ${cfg.search} has ${expected.length} hits; choose one with several`);
  await page.fill("#search", cfg.search);
  const seen = new Set();
  for (let i = 0; i < expected.length; i++) {
    await page.press("#search", "Enter");
    const sel = await page.evaluate(() => window.argmapViewer.selected());
    seen.add(sel);
    const counter = await page.textContent("#matches");
    check(counter === `${i + 1} of ${expected.length}`, `hit ${i + 1}: counter says ${JSON.stringify(counter)}`);
    check(await inView(page, sel), `hit ${i + 1} (${sel}) is not inside the viewport`);
    const cls = await page.getAttribute(`#${sel}`, "class");
    check(cls.includes("current") && cls.includes("selected"), `hit ${i + 1} (${sel}) not highlighted: ${cls}`);
    if (i === 0) { await shot(page, "03-search-first-hit"); }
  }
  check(seen.size === expected.length && expected.every((k) => seen.has(k)),
    `search visited ${[...seen].join(",")}, not ${expected.join(",")}`);
  await page.press("#search", "Enter");
  check(await page.textContent("#matches") === `1 of ${expected.length}`, "Enter after the last hit goes back to the first");
  await page.press("#search", "Shift+Enter");
  check(await page.textContent("#matches") === `${expected.length} of ${expected.length}`, "Shift+Enter goes back");
  await page.fill("#search", "");

  // `#id`: select and centre.
  const target = keyOf(data, cfg.node);
  await page.click("#fit");
  await page.evaluate((id) => { location.hash = "#" + id; }, cfg.node);
  await page.waitForFunction((k) => window.argmapViewer.selected() === k, target);
  const off = await distanceFromCentre(page, target);
  check(off < 5, `#${cfg.node}: its centre is ${off}px from the viewport's`);
  check((await page.textContent("#details")).includes(data.nodes[target].text), `#${cfg.node}: details do not show its text`);
  await shot(page, "04-hash-centred");

  // Fold a node's supporters (the thesis's), then unfold.
  await page.click("#go-thesis");
  const supporters = data.edges.filter((e) => e[2] === thesis && e[3] && data.nodes[e[1]]).map((e) => e[1]);
  check(supporters.length > 0, "the thesis has no drawn supporter");
  await page.click("#fold-supporters");
  for (const k of supporters) { check(await isGone(page, k), `folding the thesis's supporters leaves ${k} shown`); }
  check(!(await isGone(page, thesis)), "folding hides the thesis itself");
  await shot(page, "05-thesis-supporters-folded");
  await page.click("#fold-supporters");
  for (const k of supporters) { check(!(await isGone(page, k)), `unfolding leaves ${k} hidden`); }

  // Fold a group (the one named, else the first with nodes) with its button in the
  // outline, then unfold it.
  const groups = await page.evaluate(() => window.argmapViewer.groups());
  check(!cfg.requireGroups || groups.length > 0, "the page has no groups");
  const g = cfg.group ? groups.find((x) => x.id === cfg.group) : groups.find((x) => x.nodes.length > 0);
  if (cfg.group) { check(g && g.nodes.length > 0, `no group ${cfg.group} with nodes`); }
  if (g && g.nodes.length > 0) {
    const button = `#outline button.group-toggle[data-group="${g.key}"]`;
    await page.locator(button).scrollIntoViewIfNeeded();
    await page.click(button);
    for (const k of g.nodes) { check(await isGone(page, k), `folding group ${g.id} leaves ${k} shown`); }
    const others = Object.keys(data.nodes).filter((k) => !g.nodes.includes(k));
    const shownOthers = await page.evaluate((ks) => ks.filter((k) => getComputedStyle(document.getElementById(k)).display !== "none").length, others);
    check(shownOthers === others.length, `folding group ${g.id} hides ${others.length - shownOthers} node(s) outside it`);
    await shot(page, "06-group-folded");
    await page.click(button);
    for (const k of g.nodes) { check(!(await isGone(page, k)), `unfolding group ${g.id} leaves ${k} hidden`); }
    console.log(`folded group ${g.id}: ${g.nodes.length} node(s) hidden, then shown again`);
  }

  // Focus: one step around the thesis, then two, back and forward, all.
  await page.click("#go-thesis");
  await page.fill("#focus-steps", "1");
  await page.click("#focus");
  const near1 = await page.evaluate(() => window.argmapViewer.hidden().length);
  check(near1 > 0, "focus on the thesis (1 step) hides nothing");
  check(await inView(page, thesis), "focus: the thesis is not in view");
  await shot(page, "07-focus-thesis-1-step");
  await page.fill("#focus-steps", "2");
  await page.click("#focus");
  const near2 = await page.evaluate(() => window.argmapViewer.hidden().length);
  check(near2 < near1, `focus 2 steps hides ${near2}, 1 step ${near1}`);
  await page.click("#focus-back");
  check(await page.evaluate(() => window.argmapViewer.hidden().length) === near1, "focus back does not restore 1 step");
  await page.click("#focus-forward");
  check(await page.evaluate(() => window.argmapViewer.hidden().length) === near2, "focus forward does not restore 2 steps");
  // Folding while focusing: the nodes still shown are laid out again, the thesis in view.
  await page.click("#fold-supporters");
  for (const k of supporters) { check(await isGone(page, k), `folding supporters while focusing leaves ${k} shown`); }
  check(await page.locator("g.focus-lines line").count() === 0, "lines to folded supporters are still drawn");
  await page.click("#fold-supporters");
  check(await page.locator("g.focus-lines line").count() > 0, "unfolding while focusing draws no lines");
  await page.click("#focus-exit");
  check(await page.evaluate(() => window.argmapViewer.hidden().length) === 0, "leaving focus leaves nodes hidden");

  // Source panel: a quoted span selects its node; a node marks its quote.
  await page.click("#tab-source");
  const meta = await page.textContent("#source .meta");
  check(/quotes \d+(\.\d)?% of the text/.test(meta), `source panel meta: ${meta}`);
  const spans = data.maps[0].source ? data.maps[0].source.spans : [];
  check(spans.length > 10, `only ${spans.length} quoted spans`);
  const marks = await page.locator("#source mark").count();
  check(marks > 10, `only ${marks} marks in the source panel`);
  // A span quoted by one node only, far into the text.
  const pick = await page.evaluate(() => {
    const ms = Array.from(document.querySelectorAll("#source mark")).filter((m) => !m.dataset.nodes.includes(" "));
    const m = ms[Math.floor(ms.length * 2 / 3)];
    m.id = "picked-mark";
    return m.dataset.nodes;
  });
  await page.locator("#picked-mark").scrollIntoViewIfNeeded();
  await page.click("#picked-mark");
  check(await page.evaluate(() => window.argmapViewer.selected()) === pick, `clicking a span of ${pick} selects ${await page.evaluate(() => window.argmapViewer.selected())}`);
  check(await inView(page, pick), `the node ${pick} of the clicked span is not in view`);
  check((await page.textContent("#details")).includes(data.nodes[pick].id), "the details do not show the span's node");
  await shot(page, "08-source-span-selects-node");
  // Clicking a node marks its quote in the text.
  const other = spans.map((s) => s[0]).find((k) => k !== pick);
  await page.evaluate((id) => { location.hash = "#" + id; }, data.nodes[other].id);
  await page.waitForFunction((k) => window.argmapViewer.selected() === k, other);
  await page.click(`#${other}`);
  const current = await page.evaluate(() => Array.from(document.querySelectorAll("#source mark.current")).map((m) => m.dataset.nodes));
  check(current.length > 0 && current.every((n) => n.split(" ").includes(other)), `selecting ${other} marks ${JSON.stringify(current)}`);
  const markVisible = await page.evaluate(() => {
    const m = document.querySelector("#source mark.current");
    const r = m.getBoundingClientRect(), p = document.getElementById("source").getBoundingClientRect();
    return r.top >= p.top && r.bottom <= p.bottom;
  });
  check(markVisible, `the quote of ${other} is not scrolled into the source panel`);
  await shot(page, "09-node-marks-its-quote");

  // The outline: click an item, go there.
  await page.click("#tab-outline");
  const item = page.locator(`#outline .item[data-key="${target}"]`).first();
  await item.scrollIntoViewIfNeeded();
  await item.click();
  check(await page.evaluate(() => window.argmapViewer.selected()) === target, "outline click does not select its node");
  check(await inView(page, target), "outline click: the node is not in view");
  await shot(page, "10-outline");

  for (const p of problems) { fail(`${cfg.page}: ${p}`); }
  await page.close();
}

if (cfg.compare) {
  const { page, problems } = await open(cfg.compare);
  const data = await pageData(page);
  check(data.maps.length === 2, "the compare page has not two maps");
  const i = data.pairs.findIndex((p) => p.a && p.b && data.nodes[p.a].quote && data.nodes[p.b].quote);
  if (check(i >= 0, "no drawn pair with quotes on both sides")) {
    const p = data.pairs[i];
    await page.click("#tab-pairs");
    await page.click(`#pair-${i}`);
    for (const k of [p.a, p.b]) {
      const cls = await page.getAttribute(`#${k}`, "class");
      check(cls.includes("selected"), `pair ${i}: ${k} not selected`);
    }
    // Both in view, or (too far apart to read both) the left one, and each side's button
    // brings its node into view.
    check(await inView(page, p.a), `pair ${i}: ${p.a} not in view`);
    const goes = page.locator("#details button.go-side");
    check(await goes.count() === 2, "the pair's details have not a button per side");
    await goes.nth(1).click();
    check(await inView(page, p.b), `pair ${i}: its right side's button does not bring ${p.b} into view`);
    await goes.nth(0).click();
    const text = await page.textContent("#details");
    for (const k of [p.a, p.b]) {
      check(text.includes(data.nodes[k].quote), `pair ${i}: the details lack the quote of ${k}`);
    }
    await shot(page, "11-compare-pair");
  }
  const c = data.pairs.findIndex((p) => p.kind === "contradicts" && p.edge);
  if (c >= 0) {
    await page.click(`#pair-${c}`);
    check((await page.textContent("#details")).startsWith("Contradicting pair"), "a contradicting pair is not shown as one");
    await shot(page, "12-compare-contradicting-pair");
  }
  for (const p of problems) { fail(`${cfg.compare}: ${p}`); }
  await page.close();
}

if (cfg.several) {
  // `render A B`: both maps in one viewer, each map a foldable set, the thesis button
  // visiting each map's thesis, the source panel offering both texts.
  const { page, problems } = await open(cfg.several);
  const data = await pageData(page);
  check(data.maps.length === 2, "the page of two maps has not two maps");
  const theses = data.maps.map((m) => m.theses[0]);
  for (let i = 0; i < 2; i++) {
    await page.click("#go-thesis");
    const sel = await page.evaluate(() => window.argmapViewer.selected());
    check(theses.includes(sel) && await inView(page, sel), `thesis button ${i + 1}: ${sel} not a thesis in view`);
  }
  const mapGroups = (await page.evaluate(() => window.argmapViewer.groups())).filter((g) => g.key.startsWith("map-"));
  check(mapGroups.length === 2, `the maps are ${mapGroups.length} foldable sets, not 2`);
  await page.click("#tab-source");
  check(await page.locator("#source-map option").count() === 2, "the source panel does not offer both maps' texts");
  await shot(page, "13-two-maps");
  for (const p of problems) { fail(`${cfg.several}: ${p}`); }
  await page.close();
}

await browser.close();
for (const s of shots) { console.log("screenshot " + s); }
if (failures === 0) { console.log("ok: the viewer passed every check"); }
process.exit(failures === 0 ? 0 : 1);
