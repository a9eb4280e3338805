/**
 * The comparison page in the browser: the plotted values and one ranking
 * equal the data, counts become rates per 1,000 inhabitants, the
 * comparability warnings appear for the selections they are about, and the
 * URL holds the view.
 */
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, expect, test} from "vitest";
import {formatNumber, formatValue} from "../../components/format.ts";
import type {Fact} from "../../loaders/model/model.ts";
import {places} from "../../loaders/model/places.ts";
import {readableFacts} from "../../loaders/site/site-bundle.ts";
import {checkPage, launch} from "./browser.ts";
import {serve, type StaticServer} from "./server.ts";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

const dist = join(dirname(fileURLToPath(import.meta.url)), "../../dist");
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

const names = new Map(places().map((p) => [p.area_id, p.name]));
const im = (indicator: string, area: string, year?: number) =>
  facts.filter((f) => f.indicator === indicator && f.area_id === area && f.sex === "total" && f.category === "total" && f.age_group === "total" && (year === undefined || f.year === year));

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({locale: "de-DE", viewport: {width: 1280, height: 900}});
  const report = await checkPage(page, server.url + path, {timeout: 60_000});
  expect(report.problems).toEqual([]);
  return page;
}

test("lines: every plotted value of the chosen places is the source's value", async () => {
  const page = await open("/vergleich?indikator=im:1-2-2&orte=03,03103,03357");
  try {
    const titles = await page.locator('[data-chart="vergleich-linien"] circle title').allTextContents();
    const expected = ["03103", "03357", "03"].flatMap((id) => im("im:1-2-2", id).filter((f) => f.value !== null).map((f) => `${id === "03" ? "Niedersachsen" : names.get(id)} ${f.year}: ${formatValue(f.value, "percent")}`));
    expect(expected.length).toBe(60); // 2005–2024 for three areas
    expect([...titles].sort()).toEqual([...expected].sort());
    // Spot check against the raw file: Wolfsburg 2024 = 20,0254708… (IM data/indicator_1-2-2.csv row 992).
    expect(titles).toContain("Wolfsburg 2024: 20,0 %");
    // The other Kreise are drawn as grey context lines.
    expect(await page.locator('[data-chart="vergleich-linien"] g[aria-description="Vergleichslinien"] path').count()).toBeGreaterThan(40);
  } finally {
    await page.close();
  }
});

test("ranking 2024: the order of all Kreise (Hannover city and Umland apart) is the data's", async () => {
  const page = await open("/vergleich?indikator=im:1-2-2&orte=03,03103,03357");
  try {
    expect(await page.locator("#observablehq-main h2", {hasText: "Rangfolge"}).textContent()).toBe("Rangfolge 2024");
    const bars = await page.locator('[data-chart="vergleich-rangfolge"] rect title').allTextContents();
    const expected = facts
      .filter((f) => f.indicator === "im:1-2-2" && f.year === 2024 && (f.area_level === "kreis" || f.area_level === "kreisteil") && f.area_id !== "03241" && f.value !== null)
      .sort((a, b) => b.value! - a.value!)
      .map((f, i) => `${i + 1}. ${names.get(f.area_id) ?? f.area_name}: ${formatValue(f.value, "percent")}`);
    expect(expected).toHaveLength(46);
    expect(bars).toEqual(expected);
    // Highest shares 2024, as in the raw file (IM data/indicator_1-2-2.csv rows 1002, 991): Hannover city 25,86…, Salzgitter 23,98….
    expect(bars.slice(0, 2)).toEqual(["1. Landeshauptstadt Hannover: 25,9 %", "2. Salzgitter: 24,0 %"]);
    // The difference to the Land: Wolfsburg − Niedersachsen, in percentage points.
    const diff = await page.locator('[data-chart="vergleich-abstand"] tbody tr', {hasText: "Wolfsburg"}).locator("td").nth(3).textContent();
    const w = im("im:1-2-2", "03103", 2024)[0].value!;
    const n = im("im:1-2-2", "03", 2024)[0].value!;
    expect(diff).toBe(`+${formatNumber(w - n, {digits: 1})} Pp.`);
  } finally {
    await page.close();
  }
});

test("counts become rates per 1,000 inhabitants of the same year", async () => {
  const page = await open("/vergleich?indikator=im:2-3-1&orte=03,03103&bezug=je1000");
  try {
    const titles = await page.locator('[data-chart="vergleich-linien"] circle title').allTextContents();
    const count = im("im:2-3-1", "03103", 2024)[0].value!;
    const population = im("im:1-1-1", "03103", 2024)[0].value!;
    expect([count, population]).toEqual([558, 129524]); // IM 2-3-1 and 1-1-1, row 992
    expect(titles).toContain(`Wolfsburg 2024: ${formatValue((1000 * count) / population, "per_1000")}`);
    expect(await page.locator('[data-rule="je-1000-berechnet"]').count()).toBe(1);
  } finally {
    await page.close();
  }
});

test("comparability warnings: the default selection and migration background", async () => {
  const page = await open("/vergleich");
  try {
    const rules = await page.locator(".atlas-comparability li[data-rule]").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-rule")));
    expect(rules).toEqual(expect.arrayContaining(["goettingen-stadt-landkreis", "auslaender-magdeburg-melderegister", "goettingen-wohnberechtigt", "magdeburg-sachsen-anhalt", "zensus-2011"]));
    expect(rules).not.toContain("migrationshintergrund-register-mikrozensus");
    // The Stadt Göttingen's own values stand in the chart with the Land's.
    const titles = await page.locator('[data-chart="vergleich-linien"] circle title').allTextContents();
    expect(titles).toContain("Stadt Göttingen 2022: 17,3 %"); // SEED Abb. 5, line 261
  } finally {
    await page.close();
  }
  const mh = await open("/vergleich?indikator=im:1-3-1&orte=03,03159016,03159");
  try {
    const rules = await mh.locator(".atlas-comparability li[data-rule]").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-rule")));
    // The default variant (im weiteren Sinne) starts 2017: the 2017 break is not crossed, the 2020 redesign is.
    expect(rules).toEqual(expect.arrayContaining(["migrationshintergrund-register-mikrozensus", "goettingen-stadt-landkreis", "mikrozensus-2020"]));
    expect(rules).not.toContain("mikrozensus-2017");
  } finally {
    await mh.close();
  }
});

test("the URL holds the view: choosing a year writes it, and a reload restores it", async () => {
  const page = await open("/vergleich?indikator=im:2-3-3&orte=03,03241001,03241999");
  try {
    await page.getByLabel("Jahr der Rangfolge").selectOption("2015");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("jahr") === "2015");
    await page.reload();
    await page.waitForFunction(() => document.querySelector("#observablehq-main h2:nth-of-type(2)")?.textContent === "Rangfolge 2015", undefined, {timeout: 60_000});
    const bars = await page.locator('[data-chart="vergleich-rangfolge"] rect title').allTextContents();
    const city = im("im:2-3-3", "03241001", 2015)[0].value;
    expect(bars.some((b) => b.endsWith(`Landeshauptstadt Hannover: ${formatValue(city, "percent")}`))).toBe(true);
  } finally {
    await page.close();
  }
});
