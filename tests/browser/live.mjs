// Drives Debian's Chromium (headless) through `argmap serve`'s live page.
// Usage: node live.mjs URL MAP OLD NEW
// Loads URL (the page of MAP), checks that a node's text is OLD, rewrites MAP on disk with
// NEW in place of OLD and waits for the page to show NEW without being reloaded by hand;
// then writes a map with an error and waits for the error page, then the map again and
// waits for the diagram. No console errors (a CSP violation is one), no request to
// another origin.
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync } from "node:fs";

const [url, map, oldText, newText] = process.argv.slice(2);
if (!newText) {
  console.error("usage: node live.mjs URL MAP OLD NEW");
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage();
const problems = [];
const origin = new URL(url).origin;
page.on("console", (m) => { if (m.type() === "error") problems.push("console: " + m.text()); });
page.on("pageerror", (e) => problems.push("pageerror: " + e.message));
page.on("request", (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) problems.push("network: " + r.url()); });
let failures = 0;
function fail(msg) { console.error("FAIL: " + msg); failures += 1; }

// What the page shows now (it may be between two loads: then nothing yet).
async function shown() {
  try {
    return await page.evaluate(() => {
      const data = document.getElementById("argmap-data");
      if (data) return "diagram " + data.textContent;
      const errors = document.getElementById("errors");
      return errors ? "errors " + errors.textContent : "";
    });
  } catch (e) {
    return "";
  }
}
async function waitFor(what, test) {
  for (let i = 0; i < 100; i++) {
    const s = await shown();
    if (test(s)) return s;
    await new Promise((r) => setTimeout(r, 200));
  }
  fail(`the page never showed ${what}: ${JSON.stringify(await shown())}`);
  return null;
}

await page.goto(url);
const first = await shown();
if (!first.startsWith("diagram ") || !first.includes(oldText)) fail(`the page does not show ${oldText}: ${first}`);
let navigations = 0;
page.on("framenavigated", (f) => { if (f === page.mainFrame()) navigations += 1; });
const original = readFileSync(map, "utf8");
writeFileSync(map, original.replace(oldText, newText));
await waitFor(newText, (s) => s.startsWith("diagram ") && s.includes(newText) && !s.includes(oldText));
writeFileSync(map, original.replace(oldText, newText) + "    supports: [NOPE]\n");
await waitFor("the error", (s) => s.startsWith("errors ") && s.includes("dangling-reference"));
writeFileSync(map, original);
await waitFor(oldText, (s) => s.startsWith("diagram ") && s.includes(oldText));
if (navigations < 3) fail(`the page reloaded itself ${navigations} times, not 3`);
for (const p of problems) fail(p);
await browser.close();
if (failures === 0) console.log(`ok ${url}: the page followed three changes of ${map}`);
process.exit(failures === 0 ? 0 : 1);
