/**
 * npm run screenshots -- /vergleich /orte/stadt-goettingen …
 * Full-page screenshots of built pages (dist/) at 1280 and 390 px in headless
 * Chromium, as a planner sees them on a laptop and a phone, into
 * test/screenshots/breiten/<page>@<width>.png; prints each page's scroll width
 * (wider than the window = the page scrolls sideways). Options:
 * --widths 1280,390,320 · --out DIR. Without pages: the start page.
 */
import {mkdirSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {launch, settle} from "../test/e2e/browser.ts";
import {serve} from "../test/e2e/server.ts";

const root = join(fileURLToPath(import.meta.url), "../..");
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const widths = (option("--widths") ?? "1280,390").split(",").map(Number);
const out = option("--out") ?? join(root, "test/screenshots/breiten");
const paths = args.length ? args : ["/"];
mkdirSync(out, {recursive: true});

const server = await serve(join(root, "dist"));
const browser = await launch();
try {
  for (const path of paths) {
    for (const width of widths) {
      const page = await browser.newPage({viewport: {width, height: 900}, locale: "de-DE"});
      await page.goto(server.url + path, {waitUntil: "load"});
      await settle(page);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      const file = join(out, `${path.slice(1).replaceAll("/", "__").replace(/[?&=]/g, "_") || "index"}@${width}.png`);
      await page.screenshot({path: file, fullPage: true});
      console.log(`${path} @ ${width} px: Seitenbreite ${scrollWidth} px${scrollWidth > width ? " – ZU BREIT" : ""} → ${file}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
