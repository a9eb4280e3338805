/**
 * The comparison's embed pages (/einbetten/vergleich-linien, -rangfolge,
 * -abstand): for the same URL parameters each shows exactly what the full
 * page /vergleich shows in that figure (title, every table cell, every
 * drawn value), alone, without the site's navigation, with the page's
 * comparability warnings above it.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {JSDOM} from "jsdom";
import type {Page} from "playwright-core";
import {describe, expect, test} from "vitest";
import {openDataTable} from "./figure-data.ts";
import {dist, useSite} from "./site.ts";

const site = useSite();
const IDS = ["vergleich-linien", "vergleich-rangfolge", "vergleich-abstand"] as const;

interface Shown {
  title: string | null;
  caption: string | null;
  /** Header labels, then each cell as "raw value=formatted text". */
  table: string[][];
  /** Every drawn mark's value and title. */
  marks: string[];
}

async function shown(page: Page, id: string): Promise<Shown> {
  await page.waitForSelector(`[data-chart="${id}"]`);
  await openDataTable(page, id);
  return page.evaluate((chart) => {
    const root = document.querySelector(`[data-chart="${chart}"]`)!;
    const table = root.querySelector("details.atlas-figure-data table");
    return {
      title: root.querySelector(".atlas-figure-title")?.textContent ?? null,
      caption: root.querySelector("figcaption")?.textContent ?? null,
      table: table ? [[...table.querySelectorAll("thead th")].map((th) => th.textContent ?? ""), ...[...table.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => `${td.getAttribute("data-value")}=${td.textContent}`))] : [],
      marks: [...root.querySelectorAll(".atlas-figure-body svg [data-value]")].map((m) => `${m.getAttribute("data-area-id") ?? ""}|${m.getAttribute("data-value")}|${m.querySelector("title")?.textContent ?? ""}`).sort()
    };
  }, id);
}

const rulesOf = (page: Page) => page.locator(".atlas-comparability li[data-rule]").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-rule")));

// Not the default view: another indicator per 1,000, other places and year; a variant from the URL; the Stadt Göttingen's linked series.
const VIEWS = [
  "indikator=im:2-3-1&bezug=je1000&orte=03,03103,03357,15003000&jahr=2020",
  "indikator=im:1-2-4&auspraegung=Land%20der%20Staatsangeh%C3%B6rigkeit%3DSyrien%20%C2%B7%20Anzahl&bezug=anzahl&orte=03,03241001,03241999&jahr=2015",
  "indikator=im:1-3-1&orte=03,03159016,03159"
];

describe.each(VIEWS)("?%s", (query) => {
  test("each embed page equals the full page's figure, alone and without site chrome", async () => {
    const full = await site.open(`/vergleich?${query}`);
    const expected = new Map<string, Shown>();
    let rules: (string | null)[];
    try {
      for (const id of IDS) expected.set(id, await shown(full, id));
      rules = await rulesOf(full);
      // The page kept the URL's view (nothing fell back to a default).
      const kept = new URL(full.url()).searchParams;
      const norm = (name: string, value: string | null) => (name === "orte" ? value?.split(",").sort().join(",") : value);
      for (const [name, value] of new URLSearchParams(query)) expect(norm(name, kept.get(name)), name).toBe(norm(name, value));
    } finally {
      await full.close();
    }
    for (const id of IDS) {
      const page = await site.open(`/einbetten/${id}?${query}`);
      try {
        expect(await page.locator("[data-chart]").count()).toBe(1);
        for (const chrome of ["#observablehq-sidebar", "#observablehq-header", "#observablehq-footer", "#observablehq-toc"]) expect(await page.locator(chrome).count(), chrome).toBe(0);
        const embedded = await shown(page, id);
        expect(embedded.table.length, id).toBeGreaterThan(1);
        expect(embedded, id).toEqual(expected.get(id));
        // The comparability warnings the page shows for this selection stand above the embedded figure too.
        expect(await rulesOf(page), id).toEqual(rules);
        // The way back to the full page keeps the view.
        expect(await page.locator(".atlas-embed-origin a").getAttribute("href")).toBe(`../vergleich?${query}`);
      } finally {
        await page.close();
      }
    }
  });
});

test("per 1,000 in the embed: Wolfsburg 2024 = 558 naturalisations / 129.524 inhabitants (IM 2-3-1, 1-1-1 row 992)", async () => {
  const page = await site.open("/einbetten/vergleich-linien?indikator=im:2-3-1&bezug=je1000&orte=03,03103");
  try {
    const {table, marks} = await shown(page, "vergleich-linien");
    expect(table[0]).toEqual(["Ort", "Jahr", "Einbürgerungen, je 1.000 Einwohner", "Anzahl", "Bevölkerung", "Reihe (Quelle)", "Kennzeichen", "Fundstelle"]);
    const wolfsburg = table.find((r) => r[0] === "Wolfsburg=Wolfsburg" && r[1] === "2024=2024");
    expect(wolfsburg?.slice(2, 5)).toEqual([`${(1000 * 558) / 129524}=4,3 je 1.000`, "558=558", "129524=129.524"]);
    expect(marks).toContain(`|${(1000 * 558) / 129524}|Wolfsburg 2024: 4,3 je 1.000`);
    expect(await rulesOf(page)).toContain("je-1000-berechnet");
  } finally {
    await page.close();
  }
});

test("the full page offers each figure's embed page with the current view, and its static SVG", async () => {
  const page = await site.open("/vergleich?indikator=im:1-2-2&orte=03,03103&jahr=2020");
  try {
    for (const id of IDS) {
      await page.click(`[data-chart="${id}"] details.atlas-embed summary`);
      const code = await page.inputValue(`[data-chart="${id}"] details.atlas-embed textarea`);
      expect(code).toMatch(new RegExp(`<iframe src="http://[^"]+/einbetten/${id}\\?[^"]*jahr=2020`));
      const links = await page.$$eval(`[data-chart="${id}"] details.atlas-embed a`, (as) => as.map((a) => a.getAttribute("href") ?? ""));
      expect(links.some((href) => href.endsWith(`/abbildungen/${id}.svg`)), id).toBe(true);
    }
  } finally {
    await page.close();
  }
});

test("the static ranking: IM 1-2-2 2024 of the default view, Hannover city first with 25,86 % (IM row 1002)", () => {
  const svg = new JSDOM(readFileSync(join(dist, "abbildungen", "vergleich-rangfolge.svg"), "utf8"), {contentType: "image/svg+xml"}).window.document;
  expect(svg.querySelector("title")?.textContent).toBe("Rangfolge 2024: Anteil der Ausländerinnen und Ausländer an der Bevölkerung in Prozent");
  const bars = [...svg.querySelectorAll("rect[data-value]")];
  // 46 Kreise and Kreis parts, and of the default places the Region Hannover and Magdeburg.
  expect(bars).toHaveLength(48);
  expect([bars[0].getAttribute("data-area-id"), bars[0].getAttribute("data-value")]).toEqual(["03241001", "25.8622836031571"]);
  const texts = [...svg.querySelectorAll("text")].map((t) => t.textContent ?? "").join(" ");
  for (const label of ["Quelle: Integrationsmonitoring Niedersachsen, LSN", "Stand: 2024", "Lizenz: "]) expect(texts).toContain(label);
});
