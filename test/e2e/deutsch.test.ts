/**
 * No English interface text on any built page: Framework's own chrome
 * (search field and results, table of contents, pager, sidebar toggle) is
 * German after scripts/german-chrome.ts. Checks the visible text of the
 * chrome, every title/aria-label/placeholder/alt attribute, and the pager's
 * generated labels (CSS ::before). The 404 page has navigation and search.
 */
import {readdirSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {launch} from "./browser.ts";
import {serve, type StaticServer} from "./server.ts";
import {dist, sampledRoutes} from "./site.ts";

const ENGLISH = /\b(Search|Contents|Previous page|Next page|Toggle sidebar|no results|\d+ results?|Page not found|Home)\b/;

function* htmlPages(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (!entry.startsWith("_")) yield* htmlPages(path);
    } else if (entry.endsWith(".html")) yield `/${relative(dist, path).replace(/\.html$/, "").replace(/(^|\/)index$/, "$1")}`;
  }
}

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await serve(dist);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** English chrome text visible on the page: chrome text, attributes, pager labels. */
async function englishOn(page: Page): Promise<string[]> {
  const found = await page.evaluate((source) => {
    const english = new RegExp(source);
    const hits: string[] = [];
    for (const sel of ["#observablehq-sidebar", "#observablehq-toc", "#observablehq-footer nav", "#observablehq-search", "#observablehq-header"]) {
      for (const el of document.querySelectorAll<HTMLElement>(sel)) {
        const m = english.exec(el.innerText ?? "");
        if (m) hits.push(`${sel}: ${m[0]}`);
      }
    }
    for (const el of document.querySelectorAll("[title], [aria-label], [placeholder], [alt]")) {
      for (const attr of ["title", "aria-label", "placeholder", "alt"]) {
        const v = el.getAttribute(attr);
        const m = v ? english.exec(v) : null;
        if (m) hits.push(`${el.tagName.toLowerCase()}[${attr}="${v}"]`);
      }
    }
    for (const a of document.querySelectorAll("#observablehq-footer nav a")) {
      const content = getComputedStyle(a, "::before").content;
      if (english.test(content)) hits.push(`pager ::before ${content}`);
    }
    return hits;
  }, ENGLISH.source);
  return found;
}

const pages = sampledRoutes(htmlPages(dist)).sort();

describe("German interface on every page", () => {
  test("pages found", () => expect(pages.length).toBeGreaterThan(50));
  // Chrome only: the page's own cells need not finish (DuckDB pages are opened without waiting for it).
  test("no Framework English text", async () => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}, locale: "de-DE"});
    const problems: string[] = [];
    for (const path of pages) {
      await page.goto(server.url + path, {waitUntil: "load"});
      for (const hit of await englishOn(page)) problems.push(`${path}: ${hit}`);
    }
    await page.close();
    expect(problems).toEqual([]);
  }, 900_000);
  test("table of contents, pager and search read German", async () => {
    const page = await browser.newPage({viewport: {width: 1400, height: 900}, locale: "de-DE"});
    await page.goto(`${server.url}/quellen`, {waitUntil: "load"});
    expect(await page.locator("#observablehq-toc nav > div").first().textContent()).toBe("Inhalt");
    const labels = await page.locator("#observablehq-footer nav a").evaluateAll((as) => as.map((a) => getComputedStyle(a, "::before").content));
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) expect(l).toMatch(/^"(Vorherige|Nächste) Seite"$/);
    const search = page.locator("#observablehq-search input");
    expect(await search.getAttribute("placeholder")).toBe("Suchen");
    await search.fill("Wolfsburg");
    await expect.poll(() => page.locator("#observablehq-search-results > div").first().textContent(), {timeout: 20_000}).toMatch(/^\d+ Treffer$/);
    await search.fill("qqqxqqq");
    await expect.poll(() => page.locator("#observablehq-search-results > div").first().textContent(), {timeout: 20_000}).toBe("keine Treffer");
    expect(await page.locator("#observablehq-sidebar-toggle").getAttribute("title")).toMatch(/^Seitenleiste ein- oder ausblenden/);
    await page.close();
  });
});

test("the 404 page: site layout with navigation, search and a link home", async () => {
  const page = await browser.newPage({viewport: {width: 390, height: 844}, locale: "de-DE"});
  await page.goto(`${server.url}/gibt/es/nicht`, {waitUntil: "load"});
  expect(await page.locator("h1").first().textContent()).toBe("Seite nicht gefunden");
  expect(await page.locator("#observablehq-sidebar a[href]").count()).toBeGreaterThan(10);
  expect(await page.locator("#observablehq-search input").count()).toBe(1);
  expect(await page.locator('main a[href="/"], main a[href="./"]').count()).toBeGreaterThan(0);
  expect(await englishOn(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.close();
});
