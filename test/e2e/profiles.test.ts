/**
 * Profile pages in the built site: one per place, key figures equal to the
 * source's numbers, charts drawn from them, a reason where a figure is
 * missing; and the site search finds places and indicators by name.
 */
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {JSDOM} from "jsdom";
import MiniSearch from "minisearch";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {formatValue} from "../../components/format.ts";
import {placeColor} from "../../components/charts/vergleich.ts";
import type {Fact} from "../../loaders/model/model.ts";
import {places} from "../../loaders/model/places.ts";
import {readableFacts} from "../../loaders/site/site-bundle.ts";
import {checkPage, launch} from "./browser.ts";
import {serve, type StaticServer} from "./server.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const dist = join(root, "dist");

let server: StaticServer;
let browser: Browser;
let facts: Fact[];
beforeAll(async () => {
  server = await serve(dist);
  browser = await launch();
  facts = (await readableFacts()).facts;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The latest value of a series straight from the fact table (not through the profile code). */
function latest(indicator: string, area: string, where: Partial<Fact> = {}): Fact {
  const rows = facts.filter((f) => f.indicator === indicator && f.area_id === area && f.sex === "total" && f.age_group === "total" && f.value !== null && Object.entries({category: "total", ...where}).every(([k, v]) => f[k as keyof Fact] === v));
  return rows.sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0];
}

describe("one profile page per place", () => {
  test("every place of data/places.csv has a built page with every key figure: a value or a reason", () => {
    const built = new Set(readdirSync(join(dist, "orte")).filter((f) => f.endsWith(".html")).map((f) => f.replace(/\.html$/, "")));
    const missing = places().filter((p) => !built.has(p.slug)).map((p) => p.slug);
    expect(missing).toEqual([]);
    for (const p of places()) {
      const doc = new JSDOM(readFileSync(join(dist, "orte", `${p.slug}.html`), "utf8")).window.document;
      const rows = [...doc.querySelectorAll("table.atlas-keyfigures tr[data-figure]")];
      expect(rows.length, p.slug).toBeGreaterThanOrEqual(10);
      for (const tr of rows) {
        const value = tr.querySelector("td[data-value]")?.getAttribute("data-value");
        const reason = tr.querySelector(".atlas-unavailable")?.textContent ?? "";
        expect(value !== "" || reason.startsWith("nicht verfügbar: "), `${p.slug} ${tr.getAttribute("data-figure")}`).toBe(true);
      }
      expect(doc.querySelector("h1")?.textContent).toBe(p.name);
    }
  });
});

describe("links with a query string (Framework's link check knows only paths and flags them)", () => {
  test("every link of the generated pages leads to a built page, and its indicator exists", () => {
    const catalogueIds = new Set<string>(JSON.parse(readFileSync(join(dist, "_file/data", readdirSync(join(dist, "_file/data")).find((f) => /^indicators\.[0-9a-f]+\.json$/.test(f))!), "utf8")).map((e: {id: string}) => e.id));
    const pages = ["indikatoren.html", "orte/index.html", ...places().map((p) => `orte/${p.slug}.html`)];
    let checked = 0;
    for (const file of pages) {
      const doc = new JSDOM(readFileSync(join(dist, file), "utf8"), {url: `http://atlas.test/${file.replace(/(index)?\.html$/, "")}`}).window.document;
      for (const a of doc.querySelectorAll<HTMLAnchorElement>("#observablehq-main a[href]")) {
        const url = new URL(a.href);
        if (url.host !== "atlas.test") continue;
        const path = url.pathname.replace(/\/$/, "/index");
        expect(existsSync(join(dist, `${path}.html`)), `${file} → ${a.getAttribute("href")}`).toBe(true);
        const indicator = url.searchParams.get("indikator");
        if (indicator) expect(catalogueIds.has(indicator), `${file} → ${indicator}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(400);
  });
});

describe("key figures in the browser equal the data", () => {
  const cell = async (page: import("playwright-core").Page, key: string) =>
    page.locator(`tr[data-figure="${key}"] td[data-value]`).evaluate((td) => ({value: td.getAttribute("data-value"), year: td.getAttribute("data-year"), text: td.firstChild?.textContent ?? ""}));

  test("Wolfsburg (Integrationsmonitoring, Destatis)", async () => {
    const page = await browser.newPage({locale: "de-DE"});
    try {
      const report = await checkPage(page, `${server.url}/orte/wolfsburg`);
      expect(report.problems).toEqual([]);
      const share = latest("im:1-2-2", "03103");
      expect(share.year).toBe(2024);
      expect(await cell(page, "auslaenderanteil")).toEqual({value: String(share.value), year: "2024", text: formatValue(share.value, "percent")});
      const naturalisations = latest("im:2-3-1", "03103");
      expect(await cell(page, "einbuergerungen")).toMatchObject({value: String(naturalisations.value), text: formatValue(naturalisations.value, "count")});
      const duldung = latest("im:2-1-5", "03103", {category: "ohne Aufenthaltstitel=Duldung", unit: "count"});
      expect((await cell(page, "duldung")).value).toBe(String(duldung.value));
      const refugees = latest("destatis:schutzsuchende", "03103");
      expect(await cell(page, "schutzsuchende")).toMatchObject({value: String(refugees.value), year: "2018"});
      // The chart of the foreigners' share: its dots carry the values of Wolfsburg and the Land.
      const land = latest("im:1-2-2", "03");
      const titles = await page.locator('[data-chart="wolfsburg-auslaenderanteil"] circle title').allTextContents();
      expect(titles).toContain(`Wolfsburg 2024: ${formatValue(share.value, "percent")}`);
      expect(titles).toContain(`Niedersachsen 2024: ${formatValue(land.value, "percent")}`);
      expect(await page.locator('[data-chart="wolfsburg-auslaenderanteil"] g[aria-description="Linien"] path').count()).toBe(1);
      // Wolfsburg's line in Wolfsburg's colour on /vergleich and its embeds.
      expect(await page.locator('[data-chart="wolfsburg-auslaenderanteil"] g[aria-description="Linien"] path').getAttribute("stroke")).toBe(placeColor("03103"));
      // Its rank among all Kreise of Germany (12411-0018, INKAR), with date.
      expect(await page.locator('.atlas-kreis-ranks[data-area-id="03103"] li', {hasText: "AsylbLG-Empfänger 2021"}).textContent()).toMatch(/Rang \d+ von 400/);
    } finally {
      await page.close();
    }
  });

  test("Stadt Göttingen (its concept) and Magdeburg (KISS-MD): values, and reasons where none", async () => {
    const page = await browser.newPage({locale: "de-DE"});
    try {
      expect((await checkPage(page, `${server.url}/orte/stadt-goettingen`)).problems).toEqual([]);
      const share = latest("goettingen:foreigners_share", "03159016");
      expect(await cell(page, "auslaenderanteil")).toEqual({value: String(share.value), year: String(share.year), text: formatValue(share.value, "percent")});
      expect(await page.locator('tr[data-figure="duldung"] .atlas-unavailable').textContent()).toContain("Landkreis Göttingen");
      expect(await page.locator('[data-rule="migrationshintergrund-register-mikrozensus"]').count()).toBe(1);
      expect(await page.locator('[data-rule="goettingen-stadt-landkreis"]').count()).toBe(1);

      expect((await checkPage(page, `${server.url}/orte/magdeburg`)).problems).toEqual([]);
      const md = latest("md:auslaenderanteil", "15003000");
      expect(await cell(page, "auslaenderanteil")).toEqual({value: String(md.value), year: String(md.year), text: formatValue(md.value, "percent")});
      expect(await page.locator('tr[data-figure="einbuergerungen"] .atlas-unavailable').textContent()).toMatch(/^nicht verfügbar: Magdeburg liegt in Sachsen-Anhalt/);
      expect(await page.locator('#observablehq-main a[href$="altersstruktur/magdeburg"]').count()).toBe(1);
    } finally {
      await page.close();
    }
  });
});

describe("site search finds places and indicators", () => {
  const indexFile = readdirSync(join(dist, "_observablehq")).find((f) => /^minisearch\.[0-9a-f]+\.json$/.test(f));
  test("the index: an indicator's name leads to the catalogue, a place's name and AGS to its profile", () => {
    const json = JSON.parse(readFileSync(join(dist, "_observablehq", indexFile!), "utf8"));
    const index = MiniSearch.loadJS(json, {...json.options, processTerm: (t: string) => t.slice(0, 15).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()});
    const ids = (q: string) => index.search(q, {boost: {title: 4, keywords: 4}, prefix: true}).map((r) => r.id);
    expect(ids("Aufenthaltsgestattung")).toContain("/indikatoren");
    expect(ids("Anerkennungsverfahren Berufsqualifikationsfeststellungsgesetz")).toContain("/indikatoren"); // im:4-4-1, listed only in the catalogue
    // Hersfeld-Rotenburg (06632) has its Kreis page too: both answer "Rotenburg", the two lead the results.
    expect(ids("Rotenburg")).toContain("/orte/landkreis-rotenburg-wuemme");
    expect(ids("Rotenburg").slice(0, 2).sort()).toEqual(["/kreise/06632", "/orte/landkreis-rotenburg-wuemme"]);
    expect(ids("03357")).toContain("/orte/landkreis-rotenburg-wuemme");
    expect(ids("Wolfenbüttel")[0]).toBe("/orte/landkreis-wolfenbuettel");
  });
  test("typing into the search box lists the place", async () => {
    const page = await browser.newPage({locale: "de-DE"});
    try {
      await page.goto(`${server.url}/`);
      await page.fill("#observablehq-search input", "Cloppenburg");
      const hit = page.locator('#observablehq-search-results a[href$="/orte/landkreis-cloppenburg"]');
      await hit.waitFor({timeout: 15_000});
      expect(await hit.textContent()).toBe("Landkreis Cloppenburg");
    } finally {
      await page.close();
    }
  });
});
