/**
 * The home page as a first-time visitor uses it: the place search leads to
 * the place's page (typed and chosen by keyboard, by click, by AGS); the
 * concept places' key figures equal the loaders' numbers (the fact tables
 * read here in Node, and the profile page of the same place); no DuckDB and
 * under 300 kB compressed.
 */
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import type {Browser, Page} from "playwright-core";
import type {Fact} from "../../loaders/model/model.ts";
import {readableFacts} from "../../loaders/site/site-bundle.ts";
import {checkPage, launch} from "./browser.ts";
import {serve, type StaticServer} from "./server.ts";
import {dist} from "./site.ts";

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

async function home(width = 1280): Promise<{page: Page; requests: string[]}> {
  const page = await browser.newPage({viewport: {width, height: 900}, locale: "de-DE"});
  const report = await checkPage(page, `${server.url}/`);
  expect(report.problems).toEqual([]);
  return {page, requests: report.requests};
}

/** The latest value of a series straight from the fact table. */
function latest(indicator: string, area: string): Fact {
  const rows = facts.filter((f) => f.indicator === indicator && f.area_id === area && f.sex === "total" && f.age_group === "total" && f.category === "total" && f.value !== null);
  return rows.sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0];
}

async function cardValue(page: Page, place: string, figure: string): Promise<{value: number; year: number}> {
  const el = page.locator(`.atlas-home-card[data-place="${place}"] [data-figure="${figure}"] .atlas-home-value`);
  return {value: Number(await el.getAttribute("data-value")), year: Number(await el.getAttribute("data-year"))};
}

describe("place search", () => {
  test("typing Göttingen offers Stadt and Landkreis; arrow and Enter land on the Stadt's profile", async () => {
    const {page} = await home();
    await page.getByLabel("Ort suchen").fill("Göttingen");
    await expect.poll(() => page.locator("#ortssuche-liste [role=option] .atlas-search-name").allTextContents(), {timeout: 20_000}).toEqual(["Landkreis Göttingen", "Stadt Göttingen"]);
    await page.getByLabel("Ort suchen").press("ArrowDown");
    await Promise.all([page.waitForURL(/\/orte\/stadt-goettingen$/), page.getByLabel("Ort suchen").press("Enter")]);
    await expect.poll(() => page.locator("h1").first().textContent()).toContain("Göttingen");
    await page.close();
  });
  test("an AGS and a click: 03357 → Landkreis Rotenburg (Wümme)", async () => {
    const {page} = await home(390);
    await page.getByLabel("Ort suchen").fill("03357");
    await Promise.all([page.waitForURL(/\/orte\/landkreis-rotenburg-wuemme$/), page.locator("#ortssuche-liste a").first().click()]);
    await page.close();
  });
  test("a Magdeburg Stadtteil leads to its view; an unknown name says so", async () => {
    const {page} = await home();
    await page.getByLabel("Ort suchen").fill("Neustädter See");
    await Promise.all([page.waitForURL(/\/karten\/magdeburg\?gebiet=15003000-st08$/), page.getByLabel("Ort suchen").press("Enter")]);
    await page.goBack();
    await page.getByLabel("Ort suchen").fill("Atlantis");
    await expect.poll(() => page.locator("#ortssuche-status").textContent(), {timeout: 20_000}).toMatch(/^Kein Ort gefunden/);
    await page.close();
  });
});

describe("key figures", () => {
  test("the five concept places, three figures each, with reference date and trend", async () => {
    const {page} = await home();
    expect(await page.locator(".atlas-home-card").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-slug")))).toEqual(["wolfsburg", "region-hannover", "landkreis-rotenburg-wuemme", "stadt-goettingen", "magdeburg"]);
    for (const card of await page.locator(".atlas-home-card").all()) {
      expect(await card.locator("[data-figure]").count()).toBe(3);
      expect(await card.locator(".atlas-home-stand").first().textContent()).toMatch(/^Stand (31\.12\.\d{4}|Jahr \d{4})$/);
    }
    await page.close();
  });
  test("equal the fact tables: IM for Wolfsburg, Region Hannover, Rotenburg; KISS-MD for Magdeburg", async () => {
    const {page} = await home();
    for (const place of ["03103", "03241", "03357"]) {
      for (const [figure, indicator] of [["bevoelkerung", "im:1-1-1"], ["auslaenderanteil", "im:1-2-2"], ["einbuergerungen", "im:2-3-1"]]) {
        const fact = latest(indicator, place);
        expect(await cardValue(page, place, figure), `${place} ${figure}`).toEqual({value: fact.value, year: fact.year});
      }
    }
    expect(await cardValue(page, "15003000", "bevoelkerung")).toEqual({value: latest("md:bevoelkerung", "15003000").value, year: latest("md:bevoelkerung", "15003000").year});
    // The real numbers of the pinned files.
    expect(await cardValue(page, "03103", "bevoelkerung")).toEqual({value: 129524, year: 2024});
    expect(await cardValue(page, "15003000", "bevoelkerung")).toEqual({value: 245834, year: 2025});
    expect(await cardValue(page, "03159016", "einbuergerungen")).toEqual({value: 497, year: 2023});
    // Magdeburg has no naturalisation figure in the atlas's sources: the card shows the next figure, never a 0.
    expect(await page.locator(`.atlas-home-card[data-place="15003000"] [data-figure]`).evaluateAll((d) => d.map((e) => e.getAttribute("data-figure")))).toEqual(["bevoelkerung", "auslaenderanteil", "schutzsuchende"]);
    await page.close();
  });
  test("equal the profile page's key figures of the same place", async () => {
    const {page} = await home();
    const cards = await page.locator(".atlas-home-card").evaluateAll((cards) =>
      cards.map((c) => ({slug: c.getAttribute("data-slug"), figures: [...c.querySelectorAll("[data-figure]")].map((f) => [f.getAttribute("data-figure"), f.querySelector(".atlas-home-value")!.getAttribute("data-value")])}))
    );
    for (const card of cards) {
      await page.goto(`${server.url}/orte/${card.slug}`);
      for (const [figure, value] of card.figures) {
        expect(await page.locator(`table.atlas-keyfigures tr[data-figure="${figure}"] td[data-value]`).first().getAttribute("data-value"), `${card.slug} ${figure}`).toBe(value);
      }
    }
    await page.close();
  });
});

test("no DuckDB, under 300 kB compressed, German", async () => {
  server.sent.clear();
  const {page, requests} = await home();
  expect(requests.filter((r) => /duckdb|\.wasm/.test(r))).toEqual([]);
  const bytes = [...server.sent.values()].reduce((a, b) => a + b, 0);
  expect(bytes).toBeLessThan(300 * 1024);
  expect(await page.getByLabel("Ort suchen").getAttribute("placeholder")).toBe("Name oder Gemeindeschlüssel, z. B. Göttingen oder 03357");
  await page.close();
});
