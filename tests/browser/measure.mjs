// Measures the HTML viewer in headless Chromium at 1600×1000 (not a test: docs/performance.md).
// Usage: node measure.mjs PAGE.html [PAGE.html ...]: per page, the drawn nodes, the time from
// navigation until the viewer is ready, the load event, search + the first hit, and focus.
import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu"] });
for (const f of process.argv.slice(2)) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const t0 = Date.now();
  await page.goto("file://" + f);
  await page.waitForFunction(() => window.argmapViewer !== undefined);
  const t1 = Date.now();
  const perf = await page.evaluate(() => { const n = performance.getEntriesByType("navigation")[0]; return Math.round(n.loadEventEnd); });
  const t2 = Date.now(); await page.fill("#search", "the"); await page.press("#search", "Enter"); const t3 = Date.now();
  const t4 = Date.now(); await page.click("#focus"); const t5 = Date.now();
  console.log(f, "nodes", await page.evaluate(() => Object.keys(JSON.parse(document.getElementById("argmap-data").textContent).nodes).length), "ready ms", t1 - t0, "loadEventEnd", perf, "search+first hit ms", t3 - t2, "focus ms", t5 - t4);
  await page.close();
}
await browser.close();
