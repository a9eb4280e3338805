/**
 * Every built page, opened in headless Chromium over loopback: no console
 * error, no failed request, no request off the server, lang="de", every chart
 * container drawn. A screenshot per page lands in test/screenshots/.
 * Runs against dist/ as built by `npm run build` (npm run test:e2e does both).
 */
import {existsSync, mkdirSync, readFileSync, readdirSync, statSync} from "node:fs";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {checkPage, launch} from "./browser.ts";
import {sampledRoutes} from "./site.ts";
import {serve, type StaticServer} from "./server.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const dist = join(root, "dist");
const screenshots = join(root, "test/screenshots");

function* htmlPages(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (!entry.startsWith("_")) yield* htmlPages(path);
    } else if (entry.endsWith(".html")) {
      yield `/${relative(dist, path).replace(/\.html$/, "").replace(/(^|\/)index$/, "$1")}`;
    }
  }
}

/**
 * The page's Markdown: its file, the output of its page loader (Framework
 * caches it under src/.observablehq/cache), or a dynamic route's [param].md.
 */
function sourceOf(path: string): string {
  const name = path === "/" ? "index" : path.endsWith("/") ? `${path.slice(1)}index` : path.slice(1);
  const base = join(root, "src", name);
  const generated = join(root, "src/.observablehq/cache", name);
  for (const candidate of [`${base}.md`, join(base, "index.md"), `${generated}.md`, join(generated, "index.md")]) if (existsSync(candidate)) return candidate;
  const dir = dirname(base);
  const dynamic = existsSync(dir) ? readdirSync(dir).find((f) => /^\[[^\]]+\]\.md$/.test(f)) : undefined;
  if (dynamic) return join(dir, dynamic);
  throw new Error(`no Markdown source for ${path}`);
}

/** Whether a page runs SQL: front matter sql:, a sql code block, or the sql tagged template. */
function queries(path: string): boolean {
  const text = readFileSync(sourceOf(path), "utf8");
  return /^sql:/m.test(text) || /```sql\b/.test(text) || /\bsql`/.test(text) || /DuckDBClient/.test(text);
}

if (!existsSync(join(dist, "index.html"))) throw new Error("dist/ is not built: run npm run build (npm run test:e2e does)");
const pages = sampledRoutes(htmlPages(dist)).sort();

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await serve(dist);
  browser = await launch();
  mkdirSync(screenshots, {recursive: true});
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("every page", () => {
  test("the site has pages", () => {
    expect(pages).toContain("/");
  });
  test.each(pages)("%s", async (path) => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}, locale: "de-DE"});
    try {
      const report = await checkPage(page, server.url + path);
      // Page weight: DuckDB-WASM (5 MB compressed) only where the page queries.
      const loadsDuckdb = report.requests.some((url) => url.includes("/duckdb"));
      expect(loadsDuckdb, `DuckDB-WASM loaded: ${loadsDuckdb}, page queries: ${queries(path)}`).toBe(queries(path));
      await page.screenshot({path: join(screenshots, `${path.slice(1).replaceAll("/", "__") || "index"}.png`), fullPage: true});
      expect(report.problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
