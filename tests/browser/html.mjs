// Drives Debian's Chromium (headless) through argmap's HTML viewer.
// Usage: node html.mjs PAGE.html EXPECT_ID EXPECT_TEXT [PAGE.html EXPECT_ID EXPECT_TEXT ...]
// For each page: it loads with no console errors or page errors, clicking the node whose
// id is EXPECT_ID shows a details panel containing EXPECT_TEXT, the search box filters,
// the source panel shows the source as text and a quoted span selects its node, and no
// script from map or source text runs (no dialog opens, window.__pwned stays undefined).
// A page with groups: folding each group (its button in the outline) hides exactly the nodes inside it
// (subgroups included), the others staying visible, and unfolding shows them again.
import { chromium } from "playwright-core";

const args = process.argv.slice(2);
if (args.length === 0 || args.length % 3 !== 0) {
  console.error("usage: node html.mjs PAGE ID TEXT [PAGE ID TEXT ...]");
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failures = 0;
function fail(msg) { console.error("FAIL: " + msg); failures += 1; }
for (let i = 0; i < args.length; i += 3) {
  const [file, id, text] = args.slice(i, i + 3);
  const page = await browser.newPage();
  const problems = [];
  let dialogs = 0;
  page.on("console", (m) => { if (m.type() === "error") problems.push("console: " + m.text()); });
  page.on("pageerror", (e) => problems.push("pageerror: " + e.message));
  page.on("dialog", async (d) => { dialogs += 1; await d.dismiss(); });
  page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) problems.push("network: " + r.url()); });
  await page.goto("file://" + file);
  const key = await page.evaluate((want) => {
    const data = JSON.parse(document.getElementById("argmap-data").textContent).nodes;
    return Object.keys(data).find((k) => data[k].id === want) || null;
  }, id);
  if (!key) { fail(`${file}: no node ${id} in the page data`); continue; }
  await page.click(`#${key}`);
  const details = await page.textContent("#details");
  if (!details.includes(text)) fail(`${file}: clicking ${id} shows ${JSON.stringify(details)}, not ${JSON.stringify(text)}`);
  const selected = await page.getAttribute(`#${key}`, "class");
  if (!selected.includes("selected")) fail(`${file}: ${id} not marked selected (${selected})`);
  await page.fill("#search", id);
  const matches = await page.textContent("#matches");
  if (!/\d+ match/.test(matches)) fail(`${file}: search shows ${JSON.stringify(matches)}`);
  await page.fill("#search", "");
  const groups = await page.evaluate(() => JSON.parse(document.getElementById("argmap-groups").textContent));
  for (const g of groups) {
    const visible = () => page.evaluate((key) => {
      const shown = (e) => getComputedStyle(e).display !== "none" && e.getBoundingClientRect().width > 0;
      const inside = [], outside = [];
      for (const n of document.querySelectorAll("#diagram g.node")) {
        const cls = (n.getAttribute("class") || "").split(/\s+/);
        (cls.includes(key) ? inside : outside).push(shown(n));
      }
      return { inside, outside };
    }, g.key);
    const before = await visible();
    if (before.inside.length !== g.nodes || !before.inside.every((v) => v)) fail(`${file}: group ${g.id} does not show its ${g.nodes} node(s) before folding: ${JSON.stringify(before)}`);
    await page.click(`#outline button.group-toggle[data-group="${g.key}"]`);
    const after = await visible();
    if (after.inside.some((v) => v)) fail(`${file}: folding ${g.id} leaves some of its nodes visible`);
    if (!after.outside.every((v) => v)) fail(`${file}: folding ${g.id} hides nodes outside it`);
    await page.click(`#outline button.group-toggle[data-group="${g.key}"]`);
    const again = await visible();
    if (!again.inside.every((v) => v)) fail(`${file}: unfolding ${g.id} does not show its nodes again`);
    if (failures === 0) console.log(`ok ${file}: folded group ${g.id} (${g.nodes} node(s) hidden) and unfolded it`);
  }
  // The source panel: its text is the source as text; a quoted span selects its node.
  await page.click("#tab-source");
  const source = await page.evaluate(() => {
    const d = JSON.parse(document.getElementById("argmap-data").textContent);
    const s = d.maps[0].source;
    const t = document.querySelector("#source .text");
    return s ? { same: t !== null && t.textContent === s.text, spans: s.spans.length } : null;
  });
  if (source) {
    if (!source.same) fail(`${file}: the source panel does not show the source text as text`);
    if (source.spans > 0) {
      const want = await page.getAttribute("#source mark", "data-nodes");
      await page.click("#source mark");
      const got = await page.evaluate(() => window.argmapViewer.selected());
      if (!want.split(" ").includes(got)) fail(`${file}: clicking a quoted span selects ${got}, not one of ${want}`);
    }
  }
  await page.click("#tab-outline");
  const pwned = await page.evaluate(() => window.__pwned);
  if (pwned !== undefined) fail(`${file}: script from map text ran`);
  if (dialogs > 0) fail(`${file}: ${dialogs} dialog(s) opened`);
  for (const p of problems) fail(`${file}: ${p}`);
  if (failures === 0) console.log(`ok ${file}: clicked ${id}, details show the text`);
  await page.close();
}
await browser.close();
process.exit(failures === 0 ? 0 : 1);
