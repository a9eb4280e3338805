/**
 * The concept pages in the browser: the catalogue's filters show as many
 * elements as the data holds, and every link of the coverage view opens a
 * chart that shows data for the linked place (not the no-data state).
 * Runs against dist/ as built by `npm run build`.
 */
import {existsSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {filterElements, type ConceptElement, type ConceptFilter} from "../../components/concept-filter.ts";
import {buildConceptCatalogue, readIndicatorLinks} from "../../loaders/model/concept-catalogue.ts";
import {checkPage, launch, settle} from "./browser.ts";
import {serve, type StaticServer} from "./server.ts";

const dist = join(dirname(fileURLToPath(import.meta.url)), "../../dist");
if (!existsSync(join(dist, "konzepte", "katalog.html"))) throw new Error("dist/ is not built: run npm run build (npm run test:e2e does)");

const elements = buildConceptCatalogue().elements as ConceptElement[];
const expected = (f: ConceptFilter) => filterElements(elements, f).length;
const linked = readIndicatorLinks().filter((l) => l.link);
/** How the linked charts name the linked areas (IM: area_name of the Kreis file; KISS-MD: Stadtteil). */
const AREA_NAMES: Record<string, string> = {"03103": "Wolfsburg, Stadt", "03241001": "Hannover, Lhst.", "15003000-st06": "Neue Neustadt"};

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

async function open(path: string): Promise<{page: Page; problems: string[]}> {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}, locale: "de-DE"});
  const {problems} = await checkPage(page, server.url + path);
  return {page, problems};
}

/** The count the page reports and the matching rows it draws. */
async function shown(page: Page): Promise<{count: number; drawn: number}> {
  return page.evaluate(() => ({
    count: Number(document.querySelector(".concept-count")?.getAttribute("data-count")),
    drawn: document.querySelectorAll('.concept-tree li[data-match="true"]').length
  }));
}

/**
 * Polls `probe` in the page until it returns something truthy (or the time is up: then its last answer).
 * DuckDB answers in a worker without network traffic, so a quiet network does not mean the last state is drawn;
 * and page.waitForFunction would evaluate strings, which the site's CSP forbids.
 */
async function until<A extends string | number, R>(page: Page, probe: (arg: A) => R, arg: A, timeout = 20_000): Promise<R> {
  const end = Date.now() + timeout;
  for (;;) {
    const result = (await page.evaluate(probe as (arg: string | number) => R, arg)) as R;
    if (result || Date.now() > end) return result;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Waits (bounded) until the page reports `count` matches; the assertion afterwards says what it shows instead. */
async function untilCount(page: Page, count: number): Promise<void> {
  await until(page, (n) => document.querySelector(".concept-count")?.getAttribute("data-count") === String(n), count, 15_000);
}

async function selectByLabel(page: Page, label: string, optionText: string): Promise<void> {
  const select = () => page.locator("form").filter({has: page.locator("label", {hasText: new RegExp(`^${label}$`)})}).locator("select");
  // A choice in one menu can redraw the next one (its options depend on the concept); under load the
  // option may be chosen in the menu that is about to be replaced. Choose again until the new menu shows it.
  for (let attempt = 0; attempt < 3; attempt++) {
    await select().selectOption({label: optionText});
    await settle(page);
    const chosen = await select().evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? "");
    if (chosen === optionText) return;
  }
}

describe("catalogue", () => {
  test("filtering by Konzept, Ebene and Zeitraum shows the 10 short-term measures of Göttingen, and the URL keeps the filter", async () => {
    const {page, problems} = await open("/konzepte/katalog");
    try {
      expect(problems).toEqual([]);
      expect(await shown(page)).toEqual({count: expected({}), drawn: 150});
      await selectByLabel(page, "Konzept", "Göttingen");
      await selectByLabel(page, "Ebene", "Maßnahme");
      await untilCount(page, 124);
      expect((await shown(page)).count).toBe(124);
      await selectByLabel(page, "Zeitraum", "kurzfristig");
      const want = expected({doc: "goettingen", level: "massnahme", time: "kurz"});
      expect(want).toBe(10);
      await untilCount(page, want);
      expect(await shown(page)).toEqual({count: want, drawn: want});
      const params = new URL(page.url()).searchParams;
      expect([params.get("dok"), params.get("ebene"), params.get("zeitraum")]).toEqual(["goettingen", "massnahme", "kurz"]);
      // Every drawn match cites its lines.
      const cites = await page.$$eval('.concept-tree li[data-match="true"] .concept-cite', (nodes) => nodes.map((n) => n.textContent ?? ""));
      expect(cites.every((c) => /^Göttingen, Z\. \d+(–\d+)?$/.test(c))).toBe(true);
    } finally {
      await page.close();
    }
  });

  test("full text across all five: „Dolmetsch“ finds 14 elements", async () => {
    const {page} = await open("/konzepte/katalog");
    try {
      const box = page.locator("form").filter({has: page.locator("label", {hasText: /^Volltext$/})}).locator("input[type=text]");
      await box.fill("Dolmetsch");
      await box.press("Enter");
      await settle(page);
      const want = expected({query: "Dolmetsch"});
      expect(want).toBe(14);
      await untilCount(page, want);
      expect(await shown(page)).toEqual({count: want, drawn: want});
      expect(new URL(page.url()).searchParams.get("q")).toBe("Dolmetsch");
    } finally {
      await page.close();
    }
  });

  test("a shared link restores the filter: Wolfsburg, field 8.3, indicators = 59", async () => {
    const {page, problems} = await open("/konzepte/katalog?dok=wolfsburg&feld=hf3&ebene=indikator");
    try {
      expect(problems).toEqual([]);
      const want = expected({doc: "wolfsburg", field: "hf3", level: "indikator"});
      expect(want).toBe(59);
      expect(await shown(page)).toEqual({count: want, drawn: want});
    } finally {
      await page.close();
    }
  });
});

describe("indicators meet data", () => {
  test("the coverage view lists exactly the linked indicators of the mapping", async () => {
    const {page, problems} = await open("/konzepte/indikatoren");
    try {
      expect(problems).toEqual([]);
      const hrefs = await page.$$eval("a[data-coverage-link]", (as) => as.map((a) => [a.getAttribute("data-coverage-link"), a.getAttribute("href")]));
      const slug: Record<string, string> = {"000": "goettingen", "001": "wolfsburg", "002": "region-hannover", "003": "rotenburg", "004": "magdeburg"};
      expect(hrefs).toEqual(linked.map((l) => [`${slug[l.doc_id]}/${l.concept_id}`, l.link]));
      expect(hrefs).toHaveLength(11);
    } finally {
      await page.close();
    }
  });

  test.each(linked.map((l) => [`${l.doc_id}/${l.concept_id}`, l] as const))("%s opens a chart with data for its place", async (_id, l) => {
    const {page, problems} = await open(l.link);
    try {
      expect(problems).toEqual([]);
      // The chart's own table has a value for the linked area.
      const name = AREA_NAMES[l.area_id];
      expect(name, `no expected name for ${l.area_id}`).toBeDefined();
      const cells = await until(page, (areaName) => {
        // Long tables are built when first opened (components/figure.ts): open them as a reader would.
        for (const d of document.querySelectorAll<HTMLDetailsElement>("details.atlas-figure-data")) if (!d.querySelector("table")) d.open = true;
        for (const row of document.querySelectorAll("[data-chart] table tbody tr")) {
          const texts = [...row.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "");
          const at = texts.indexOf(areaName);
          if (at >= 0) return texts.slice(at, at + 2);
        }
        return null;
      }, name);
      expect(cells?.[0]).toBe(name);
      expect(cells?.[1]).toMatch(/^\d/);
      // The page took every parameter of the link (it writes its state back to the URL).
      const wanted = new URL(l.link, server.url).searchParams;
      const now = new URL(page.url()).searchParams;
      for (const [k, v] of wanted) expect(`${k}=${now.get(k)}`).toBe(`${k}=${v}`);
      const marks = await page.$$eval("[data-chart] svg path", (paths) => paths.length);
      expect(marks).toBeGreaterThan(10);
    } finally {
      await page.close();
    }
  });
});
