// Writes the README's screenshot of the viewer: node screenshot.mjs PAGE.html NODE-ID OUT.png
// The page at 1600×1000 CSS pixels, drawn at 0.6 device pixels each (960×600), with
// NODE-ID selected (as `#NODE-ID` in the URL does) and the source panel showing its quote.
import { chromium } from "playwright-core";

const [file, id, out] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 0.6 });
await page.goto("file://" + file + "#" + encodeURIComponent(id));
await page.waitForFunction(() => window.argmapViewer !== undefined && window.argmapViewer.selected() !== null);
await page.click("#tab-source");
await page.click("#to-source");
await page.screenshot({ path: out });
await browser.close();
