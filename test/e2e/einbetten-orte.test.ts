/**
 * The charts of the profile pages (/orte/<slug>) outside the profile: every
 * one has a static SVG at /abbildungen/orte/<id>.svg with the numbers and the
 * title of the interactive chart, and an embed page /einbetten/orte/<id>
 * without site chrome that draws the same numbers; /einbetten/ lists them all.
 * Runs against dist/ as built by `npm run build`.
 */
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {JSDOM} from "jsdom";
import type {Page} from "playwright-core";
import {describe, expect, test} from "vitest";
import {formatValue} from "../../components/format.ts";
import {places} from "../../loaders/model/places.ts";
import {parseCsv, tableOf} from "./figure-data.ts";
import {dist, useSite} from "./site.ts";

const site = useSite();

if (!existsSync(join(dist, "index.html"))) throw new Error("dist/ is not built: run npm run build");

/** The list the build wrote for /einbetten/ (src/data/profile-charts.json.ts). */
const listing: {group: "ort" | "stadtteil"; slug: string; name: string; page: string; charts: {id: string; title: string; embed: string; svg: string}[]}[] = JSON.parse(
  readFileSync(join(dist, "_file/data", readdirSync(join(dist, "_file/data")).find((f) => /^profile-charts\.[0-9a-f]{8}\.json$/.test(f))!), "utf8")
);
const ids = listing.flatMap((p) => p.charts.map((c) => c.id));
const placeListing = listing.filter((p) => p.group === "ort");
const stadtteilListing = listing.filter((p) => p.group === "stadtteil");
/** The places, and two Stadtteile of Magdeburg (one template: their pages differ only in numbers). */
const checked = [...placeListing, ...stadtteilListing.slice(0, 2)];

function svgOf(id: string): Document {
  return new JSDOM(readFileSync(join(dist, "abbildungen", "orte", `${id}.svg`), "utf8"), {contentType: "image/svg+xml"}).window.document;
}

/** Every dot's value label in a figure's chart, sorted ("Wolfsburg 2024: 20,0 %"). */
async function dotsOf(page: Page, id: string): Promise<string[]> {
  return (await page.locator(`[data-chart="${id}"] .atlas-figure-body svg circle title`).allTextContents()).sort();
}

const staticDots = (svg: Document) => [...svg.querySelectorAll(".export-chart circle title")].map((t) => t.textContent ?? "").sort();

describe("static SVGs of the profile charts", () => {
  test("every place with charts is in the list, and every chart has its SVG at the stable address and as Framework's file", () => {
    // Every place of data/places.csv has at least the share of foreigners (IM 1-2-2, KISS-MD or the Göttingen concept).
    expect(placeListing.map((p) => p.slug)).toEqual(places().map((p) => p.slug));
    // Magdeburg's Stadtteile with a share (38 of 40: two have no inhabitants' share in any year), each with its chart.
    expect(stadtteilListing.length).toBe(38);
    for (const st of stadtteilListing) expect(st.charts.map((c) => c.id)).toEqual([`md-stadtteil-${st.slug.slice("magdeburg/".length)}-auslaenderanteil`]);
    expect(ids.length).toBeGreaterThanOrEqual(4 * 45 + 38);
    expect(new Set(ids).size).toBe(ids.length);
    const hashed = readdirSync(join(dist, "_file/abbildungen/orte")).filter((f) => f.endsWith(".svg"));
    for (const id of ids) {
      expect(existsSync(join(dist, "abbildungen/orte", `${id}.svg`)), id).toBe(true);
      const file = hashed.find((f) => f.startsWith(`${id}.`) && f.split(".").length === 3);
      expect(file, id).toBeDefined();
      expect(readFileSync(join(dist, "_file/abbildungen/orte", file!), "utf8")).toBe(readFileSync(join(dist, "abbildungen/orte", `${id}.svg`), "utf8"));
    }
    // No SVG without a chart on a profile page.
    expect(readdirSync(join(dist, "abbildungen/orte")).filter((f) => f.endsWith(".svg")).length).toBe(ids.length);
  });

  test.each(checked.map((p) => [p.page, p] as const))("%s: each chart's SVG has the page's numbers, dots and title", async (path, place) => {
    const page = await site.open(path);
    try {
      const onPage = await page.$$eval("[data-chart]", (els) => els.map((e) => e.getAttribute("data-chart")));
      expect(onPage).toEqual(place.charts.map((c) => c.id));
      for (const {id, title} of place.charts) {
        const svg = svgOf(id);
        const interactive = await tableOf(page, id);
        expect(interactive.length, id).toBeGreaterThan(1);
        // The CSV in the SVG's metadata is the figure's table, value for value.
        expect(parseCsv(svg.querySelector("metadata#atlas-data")?.textContent ?? ""), id).toEqual(interactive);
        // Every dot drawn carries the same value label.
        expect(staticDots(svg), id).toEqual(await dotsOf(page, id));
        const figureTitle = await page.textContent(`[data-chart="${id}"] .atlas-figure-title`);
        expect(figureTitle).toBe(title);
        expect(svg.querySelector("title")?.textContent, id).toBe(figureTitle);
        const texts = [...svg.querySelectorAll("text")].map((t) => t.textContent ?? "").join(" ");
        for (const label of ["Quelle: ", "Stand: ", "Lizenz: ", place.page]) expect(texts, id).toContain(label);
      }
    } finally {
      await page.close();
    }
  });

  test("Wolfsburg: the share of foreigners 2024 is IM 1-2-2's 20,0 %, in the SVG's CSV and on its dot", () => {
    const svg = svgOf("wolfsburg-auslaenderanteil");
    const rows = parseCsv(svg.querySelector("metadata#atlas-data")?.textContent ?? "");
    expect(rows.find((r) => r[0] === "Wolfsburg" && r[1] === "2024")?.[2]).toBe("20.0254708243285");
    expect(staticDots(svg)).toContain(`Wolfsburg 2024: ${formatValue(20.0254708243285, "percent")}`);
    expect(formatValue(20.0254708243285, "percent")).toBe("20,0 %");
  });

  test("the figure's Einbetten names the chart's own embed page (no query string) and its SVG", async () => {
    const page = await site.open("/orte/wolfsburg?x=1");
    try {
      const figure = '[data-chart="wolfsburg-auslaenderanteil"]';
      await page.click(`${figure} details.atlas-embed summary`);
      const code = await page.inputValue(`${figure} details.atlas-embed textarea`);
      const origin = new URL(page.url()).origin;
      expect(code).toMatch(new RegExp(`^<iframe src="${origin}/einbetten/orte/wolfsburg-auslaenderanteil" title="Anteil der ausländischen Bevölkerung, Wolfsburg und Niedersachsen, \\d{4}–2024"`));
      const links = await page.$$eval(`${figure} details.atlas-embed a`, (as) => as.map((a) => a.getAttribute("href")));
      expect(links).toEqual([`${origin}/einbetten/orte/wolfsburg-auslaenderanteil`, `${origin}/abbildungen/orte/wolfsburg-auslaenderanteil.svg`, `${origin}/einbetten/`]);
      // The static SVG is served there.
      const response = await page.request.get(`${origin}/abbildungen/orte/wolfsburg-auslaenderanteil.svg`);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toContain("image/svg+xml");
    } finally {
      await page.close();
    }
  });
});

describe("embed pages of the profile charts", () => {
  const sample = ["wolfsburg", "magdeburg", "niedersachsen", "stadt-goettingen"];

  test.each(sample)("%s: each chart alone, no site chrome, the profile page's numbers, a way out to the profile", async (slug) => {
    const place = listing.find((p) => p.slug === slug)!;
    expect(place.charts.length).toBeGreaterThanOrEqual(2);
    const profile = await site.open(place.page);
    const whole = new Map<string, string[][]>();
    try {
      for (const {id} of place.charts) whole.set(id, await tableOf(profile, id));
      expect(await profile.locator("#observablehq-sidebar").count()).toBe(1);
    } finally {
      await profile.close();
    }
    for (const {id, title, embed} of place.charts) {
      const page = await site.open(`/${embed}`);
      try {
        expect(await page.locator("[data-chart]").count()).toBe(1);
        expect(await page.locator(`[data-chart="${id}"]`).count()).toBe(1);
        for (const chrome of ["#observablehq-sidebar", "#observablehq-header", "#observablehq-footer", "#observablehq-toc"]) expect(await page.locator(chrome).count(), `${id} ${chrome}`).toBe(0);
        expect(await page.textContent(`[data-chart="${id}"] .atlas-figure-title`)).toBe(title);
        const embedded = await tableOf(page, id);
        expect(embedded.length, id).toBeGreaterThan(1);
        expect(embedded, id).toEqual(whole.get(id));
        const origin = page.locator(".atlas-embed-origin a");
        expect(await origin.getAttribute("target")).toBe("_top");
        expect(new URL((await origin.evaluate((a) => (a as HTMLAnchorElement).href)) as string).pathname).toBe(place.page);
        expect(await origin.textContent()).toContain(place.name);
      } finally {
        await page.close();
      }
    }
  });

  test("Wolfsburg's share of foreigners: 2024 is 20,0 % (IM 1-2-2) on the embed page", async () => {
    const page = await site.open("/einbetten/orte/wolfsburg-auslaenderanteil");
    try {
      const cells = await page.$$eval('[data-chart="wolfsburg-auslaenderanteil"] details.atlas-figure-data tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => [td.getAttribute("data-value"), td.textContent])));
      const row = cells.find((r) => r[0][1] === "Wolfsburg" && r[1][1] === "2024");
      expect(row?.[2]).toEqual(["20.0254708243285", "20,0 %"]);
    } finally {
      await page.close();
    }
  });
});

describe("the list on /einbetten/", () => {
  test("every profile chart with its embed page and SVG, grouped by place", async () => {
    const page = await site.open("/einbetten/");
    try {
      const rows = await page.$$eval(".atlas-profile-embed-list [data-chart-id], .atlas-stadtteil-embed-list [data-chart-id]", (items) =>
        items.map((li) => ({id: li.getAttribute("data-chart-id"), embed: li.querySelector<HTMLAnchorElement>("a.atlas-embed-page")?.href, svg: li.querySelector<HTMLAnchorElement>("a.atlas-static-svg")?.href}))
      );
      // Each chart once (in the table's order: by kind within a place; Magdeburg's Stadtteile in a table of their own).
      expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
      const origin = new URL(page.url()).origin;
      for (const r of rows) {
        expect(r.embed).toBe(`${origin}/einbetten/orte/${r.id}`);
        expect(r.svg).toBe(`${origin}/abbildungen/orte/${r.id}.svg`);
      }
      expect(await page.locator('.atlas-profile-embed-list tr[data-place="wolfsburg"] th a').textContent()).toBe("Wolfsburg");
      expect(await page.locator('[data-chart-id="wolfsburg-auslaenderanteil"]').textContent()).toBe("Seite · SVG");
      expect(await page.locator(".atlas-profile-embed-list thead th").allTextContents()).toEqual(["Ort", "Anteil der ausländischen Bevölkerung", "Einbürgerungen je 100 Ausländerinnen und Ausländer", "Personen mit Duldung und mit Aufenthaltsgestattung", "Anteil der Bevölkerung mit Migrationshintergrund", "Weitere"]);
      // Charts only one place has: Göttingen's two series of naturalisations and its asylum seekers, Magdeburg's foreigners.
      expect(await page.locator('tr[data-place="stadt-goettingen"] td:last-child [data-chart-id]').count()).toBe(2);
      expect(await page.locator(".atlas-stadtteil-embed-list tbody tr").count()).toBe(38);
      expect(await page.locator('.atlas-stadtteil-embed-list tr[data-place="magdeburg/altstadt"] th a').getAttribute("href")).toBe("../orte/magdeburg/altstadt");
    } finally {
      await page.close();
    }
  });
});
