/**
 * The maps against their data: a planner changes indicator, year and
 * classification; the legend's class breaks, one area's fill and its tooltip
 * must then match what the Arrow file behind the page says, computed here in
 * Node with the same classification code. Also selection ↔ ranking row ↔
 * URL, and the Gemeinden and Wolfsburg maps.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import type {Page} from "playwright-core";
import {describe, expect, test} from "vitest";
import {colorOf, legendOf} from "../../components/choropleth.ts";
import {formatNumber, formatPercent, formatValue} from "../../components/format.ts";
import {settle} from "./browser.ts";
import {dist, useSite} from "./site.ts";

/** A built file by its name before the content hash (dist/_file/data/<name>.<hash>.<ext>). */
function built(dir: string, name: string, ext: string): string {
  const file = readdirSync(join(dist, "_file", dir)).find((f) => f.startsWith(`${name}.`) && f.endsWith(`.${ext}`) && f.split(".").length === 3);
  if (!file) throw new Error(`dist/_file/${dir}/${name}.*.${ext} not built`);
  return join(dist, "_file", dir, file);
}

type Row = Record<string, unknown> & {area_id: string; value: number | null};
function arrowRows(path: string): Row[] {
  return tableFromIPC(readFileSync(path)).toArray().map((r) => {
    const o = r.toJSON() as Row;
    return {...o, value: o.value === null ? null : Number(o.value), year: o.year === null ? null : Number(o.year)};
  });
}

function topologyIds(name: string, object: string): string[] {
  const topology = JSON.parse(readFileSync(built("data/boundaries", name, "json"), "utf8"));
  return topology.objects[object].geometries.map((g: {id: string}) => String(g.id));
}

const site = useSite();
const open = (path: string) => site.open(path, {height: 1000});

async function legendTexts(page: Page, figure: string): Promise<string[]> {
  return page.locator(`[data-chart="${figure}"] .atlas-legend .atlas-legend-item`).allTextContents();
}

/** The legend as the component words it, from breaks computed in Node. */
function expectedLegend(breaks: number[], format: (v: number) => string, noData: number): string[] {
  const items = [`unter ${format(breaks[0])}`];
  for (let i = 1; i < breaks.length; i++) items.push(`${format(breaks[i - 1])} bis unter ${format(breaks[i])}`);
  items.push(`${format(breaks.at(-1)!)} und mehr`);
  return [...items, `keine Daten${noData ? ` (${noData})` : ""}`];
}

async function tooltipOf(page: Page, figure: string, areaId: string): Promise<string> {
  await page.locator(`[data-chart="${figure}"] path[data-area-id="${areaId}"]`).hover({force: true});
  const tip = page.locator(`[data-chart="${figure}"] g[aria-label="tip"]`);
  await tip.waitFor({state: "attached"});
  return (await tip.textContent()) ?? "";
}

describe("Niedersachsen: Kreise", () => {
  test("indicator, year and classification change: legend breaks, one area's fill and tooltip match the data", async () => {
    const page = await open("/karten/niedersachsen");
    // Each control re-creates the ones that depend on it: wait until the URL has taken the change.
    const param = (name: string) => new URL(page.url()).searchParams.get(name);
    await page.getByLabel("Indikator").selectOption({label: (await page.getByLabel("Indikator").locator("option").allTextContents()).find((t) => t.startsWith("2-3-3 "))!});
    await expect.poll(() => param("indikator")).toBe("im:2-3-3");
    await settle(page);
    await page.getByLabel("Jahr", {exact: true}).selectOption({label: "2015"});
    await expect.poll(() => param("jahr")).toBe("2015");
    await page.getByLabel("Gleiche Intervalle").check();
    await expect.poll(() => param("klassen")).toBe("equal");
    await page.locator("form").filter({hasText: "Anzahl Klassen"}).locator("input[type=number]").fill("4");
    await expect.poll(() => param("n")).toBe("4");
    await settle(page);
    await expect.poll(() => page.locator('[data-chart="niedersachsen-kreise"] h3').textContent()).toMatch(/, 2015$/);
    expect(new URL(page.url()).searchParams.get("indikator")).toBe("im:2-3-3");
    expect(new URL(page.url()).searchParams.get("klassen")).toBe("equal");

    const drawn = new Set(topologyIds("ni-kreise", "kreise").filter((id) => !id.startsWith("04")));
    const rows = arrowRows(built("data", "im-kreis-rates", "arrow")).filter((r) => r.indicator === "im:2-3-3" && r.year === 2015 && drawn.has(r.area_id));
    expect(rows.length).toBe(46);
    const values = [...drawn].map((id) => rows.find((r) => r.area_id === id)?.value ?? null);
    const legend = legendOf(values, {method: "equal", classes: 4});
    expect(legend.breaks.length).toBe(3);
    const format = (v: number) => formatValue(v, "percent");
    expect(await legendTexts(page, "niedersachsen-kreise")).toEqual(expectedLegend(legend.breaks, format, values.filter((v) => v === null).length));

    const wolfsburg = rows.find((r) => r.area_id === "03103")!;
    expect(wolfsburg.value).not.toBeNull();
    const path = page.locator('[data-chart="niedersachsen-kreise"] path[data-area-id="03103"]');
    expect(await path.getAttribute("fill")).toBe(colorOf(wolfsburg.value, legend));
    const tip = await tooltipOf(page, "niedersachsen-kreise", "03103");
    expect(tip).toContain("Wolfsburg");
    expect(tip).toContain(format(wolfsburg.value!));
    const rank = [...rows].filter((r) => r.value !== null).sort((a, b) => b.value! - a.value!).findIndex((r) => r.area_id === "03103") + 1;
    expect(tip).toContain(`Rang ${rank} von 46`);
    await page.close();
  });

  test("clicking an area selects it: ranking row highlighted, details and series shown, URL updated; reload and back restore", async () => {
    const page = await open("/karten/niedersachsen?indikator=im:1-2-2&jahr=2023");
    await page.locator('[data-chart="niedersachsen-kreise"] path[data-area-id="03357"]').click({force: true});
    await settle(page);
    await expect.poll(() => new URL(page.url()).searchParams.get("gebiet")).toBe("03357");
    const row = page.locator('.atlas-ranking tr.atlas-selected');
    await expect.poll(() => row.getAttribute("data-area-id")).toBe("03357");
    const data = arrowRows(built("data", "im-kreis-rates", "arrow")).filter((r) => r.indicator === "im:1-2-2" && r.category === "total" && r.sex === "total");
    const value = data.find((r) => r.area_id === "03357" && r.year === 2023)!.value;
    expect(await row.textContent()).toContain(formatPercent(value));
    expect(await page.locator(".atlas-details").textContent()).toContain(formatPercent(value));
    // The series: one point per year for Rotenburg and for the Land.
    const series = page.locator('[data-chart="niedersachsen-kreis-zeitreihe"] table tbody tr');
    expect(await series.count()).toBe(data.filter((r) => r.area_id === "03357" || r.area_id === "03").length);
    // Keyboard: the ranking's name buttons select another area.
    await page.locator('.atlas-ranking button.atlas-select', {hasText: "Wolfsburg"}).focus();
    await page.keyboard.press("Enter");
    await settle(page);
    await expect.poll(() => new URL(page.url()).searchParams.get("gebiet")).toBe("03103");
    await page.reload();
    await settle(page);
    await expect.poll(() => page.locator(".atlas-ranking tr.atlas-selected").getAttribute("data-area-id")).toBe("03103");
    await page.goBack();
    await settle(page);
    await expect.poll(() => page.locator(".atlas-ranking tr.atlas-selected").getAttribute("data-area-id")).toBe("03357");
    await page.close();
  });

  test("a change map between two years uses a diverging scale centred on zero", async () => {
    const page = await open("/karten/niedersachsen?indikator=im:1-2-2&jahr=2024&von=2014");
    const data = arrowRows(built("data", "im-kreis-rates", "arrow")).filter((r) => r.indicator === "im:1-2-2");
    const at = (id: string, y: number) => data.find((r) => r.area_id === id && r.year === y)!.value!;
    const diff = at("03103", 2024) - at("03103", 2014);
    const tip = await tooltipOf(page, "niedersachsen-kreise", "03103");
    expect(tip).toContain(`Veränderung 2014–2024: ${diff > 0 ? "+" : ""}${formatNumber(diff, {digits: 1})}`);
    await page.close();
  });
});

describe("Magdeburg: Stadtteile", () => {
  test("year change repaints the map with the year's values", async () => {
    const page = await open("/karten/magdeburg?jahr=2025");
    await page.getByLabel("Jahr", {exact: true}).selectOption({label: "2016"});
    await settle(page);
    await expect.poll(() => page.locator('[data-chart="magdeburg-stadtteile"] h3').textContent()).toMatch(/2016$/);
    const rows = arrowRows(built("data", "facts-magdeburg", "arrow")).filter((r) => r.indicator === "md:auslaenderanteil" && r.year === 2016 && r.area_level === "stadtteil");
    const ids = topologyIds("magdeburg-stadtteile", "stadtteile");
    const legend = legendOf(ids.map((id) => rows.find((r) => r.area_id === id)?.value ?? null), {method: "quantile", classes: 5});
    const altstadt = rows.find((r) => r.area_name === "Altstadt")!;
    const path = page.locator(`[data-chart="magdeburg-stadtteile"] path[data-area-id="${altstadt.area_id}"]`);
    expect(await path.getAttribute("fill")).toBe(colorOf(altstadt.value, legend));
    expect(await tooltipOf(page, "magdeburg-stadtteile", altstadt.area_id)).toContain(formatPercent(altstadt.value));
    // Small multiples: one map per year the source has.
    const years = [...new Set(arrowRows(built("data", "facts-magdeburg", "arrow")).filter((r) => r.indicator === "md:auslaenderanteil" && r.area_level === "stadtteil").map((r) => r.year))];
    expect(await page.locator('[data-chart="magdeburg-stadtteile-jahre"] [data-year]').count()).toBe(years.length);
    await page.close();
  });
});

describe("Gemeinden and Wolfsburg", () => {
  test("Gemeinden of Region Hannover and LK Rotenburg (Wümme): density per Gemeinde from VG250-EW", async () => {
    const page = await open("/karten/gemeinden");
    const rows = arrowRows(built("data", "facts-gemeinden", "arrow")).filter((r) => r.indicator === "vg250:dichte" && /^03(241|357)/.test(r.area_id));
    expect(rows.length).toBe(78);
    expect(await page.locator('[data-chart="gemeinden-dichte"] path[data-area-id]').count()).toBeGreaterThanOrEqual(78);
    const hannover = rows.find((r) => r.area_id === "03241001")!;
    expect(Math.round(hannover.value!)).toBe(2683);
    expect(await tooltipOf(page, "gemeinden-dichte", "03241001")).toContain("Einwohner: 548.186");
    expect(await page.locator("main").textContent()).toContain("nur Einwohnerzahl und Fläche");
    await page.close();
  });

  test("Wolfsburg: no empty map as a result; the page says that only boundaries exist and shows what the atlas has", async () => {
    const page = await open("/karten/wolfsburg");
    const ids = topologyIds("wolfsburg-stadtteile", "stadtteile");
    // A reference map: every Stadtteil outlined and named, no colour legend, no „keine Daten“ classes.
    expect(await page.locator('[data-chart="wolfsburg-stadtteile"] path[data-area-id]').count()).toBe(ids.length);
    expect(await page.locator('[data-chart="wolfsburg-stadtteile"] .atlas-legend').count()).toBe(0);
    expect(await page.locator("#wolfsburg-ohne-stadtteildaten").textContent()).toContain("keine Statistik, nur die Grenzen");
    // What the atlas does have: the profile's charts for the city as a whole.
    expect(await page.locator('img[src*="wolfsburg-auslaenderanteil"]').count()).toBe(1);
    expect(await page.locator('a[href$="orte/wolfsburg"]').count()).toBeGreaterThan(0);
    await page.close();
  });
});
