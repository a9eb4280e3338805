/**
 * Reuse of figures: every static SVG exists and carries the numbers the
 * interactive chart shows in its default view; every figure's data
 * downloads (German-spreadsheet CSV, machine CSV, metadata) hold the data
 * behind it (the raw values on its table cells); PNG and SVG
 * downloads; embed pages without site chrome; printable reports.
 */
import {existsSync, readFileSync, readdirSync, statSync} from "node:fs";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import {tableFromIPC} from "apache-arrow";
import {JSDOM} from "jsdom";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {arrowFacts} from "../../components/charts/facts.ts";
import {CHARTS} from "../../components/charts/registry.ts";
import {formatPercent} from "../../components/format.ts";
import {GERMAN_HEADER, MACHINE_HEADER} from "../../components/exportdata.ts";
import {csvParseRows, dsvFormat} from "d3";
import {checkPage, launch, settle} from "./browser.ts";
import {parseCsv, tableOf} from "./figure-data.ts";
import {sampledRoutes} from "./site.ts";
import {serve, type StaticServer} from "./server.ts";

const dist = join(dirname(fileURLToPath(import.meta.url)), "../../dist");

// Shared with the other browser tests of figures (moved to figure-data.ts; still exported from here).
export {parseCsv};

/** Every drawn mark that carries a value: "area|band|age|sex=value", sorted. */
async function drawnOf(page: Page, id: string): Promise<string[]> {
  return page.evaluate((chart) => {
    const marks = document.querySelectorAll(`[data-chart="${chart}"] .atlas-figure-body svg [data-value]`);
    return [...marks].map((m) => `${m.closest("[data-year]")?.getAttribute("data-year") ?? ""}|${m.getAttribute("data-area-id") ?? ""}|${m.getAttribute("data-band") ?? ""}|${m.getAttribute("data-age") ?? ""}|${m.getAttribute("data-sex") ?? ""}|${m.getAttribute("class") ?? m.tagName}=${m.getAttribute("data-value")}`).sort();
  }, id);
}

function staticDrawn(svg: Document): string[] {
  return [...svg.querySelectorAll(".export-chart svg [data-value]")]
    .map((m) => `${m.closest("[data-year]")?.getAttribute("data-year") ?? ""}|${m.getAttribute("data-area-id") ?? ""}|${m.getAttribute("data-band") ?? ""}|${m.getAttribute("data-age") ?? ""}|${m.getAttribute("data-sex") ?? ""}|${m.getAttribute("class") ?? m.tagName}=${m.getAttribute("data-value")}`)
    .sort();
}

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

function built(dir: string, name: string, ext: string): string {
  const file = readdirSync(join(dist, "_file", dir)).find((f) => f.startsWith(`${name}.`) && f.endsWith(`.${ext}`) && f.split(".").length === 3);
  if (!file) throw new Error(`dist/_file/${dir}/${name}.*.${ext} not built`);
  return join(dist, "_file", dir, file);
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

async function open(path: string, {acceptDownloads = false} = {}): Promise<Page> {
  const context = await browser.newContext({viewport: {width: 1280, height: 1000}, locale: "de-DE", acceptDownloads});
  const page = await context.newPage();
  const report = await checkPage(page, server.url + path, {timeout: 60_000});
  expect(report.problems).toEqual([]);
  return page;
}

async function close(page: Page) {
  await page.context().close();
}

const STATIC = CHARTS.filter((c) => c.static);

describe("static SVGs", () => {
  test("the registry lists 46 static figures (13 maps and age charts, 3 comparison charts, 18 concept charts, 12 reproduction tables), and the build wrote each at its stable address", () => {
    expect(STATIC.length).toBe(46);
    for (const c of STATIC) expect(existsSync(join(dist, "abbildungen", `${c.id}.svg`)), c.id).toBe(true);
  });

  test.each(STATIC.map((c) => [c.id, c.page] as const))("%s: same numbers as the interactive chart in its default view (%s)", async (id, path) => {
    const text = readFileSync(join(dist, "abbildungen", `${id}.svg`), "utf8");
    const svg = new JSDOM(text, {contentType: "image/svg+xml"}).window.document;
    const page = await open(path);
    try {
      await page.waitForSelector(`[data-chart="${id}"]`, {timeout: 30_000});
      const interactive = await tableOf(page, id);
      expect(interactive.length).toBeGreaterThan(1);
      // The CSV in the SVG's metadata is the figure's table, value for value.
      expect(parseCsv(svg.querySelector("metadata#atlas-data")?.textContent ?? "")).toEqual(interactive);
      // Every drawn area, bar and tick carries the same value.
      const drawn = await drawnOf(page, id);
      expect(staticDrawn(svg)).toEqual(drawn);
      // Title, source, date and licence are printed on the image.
      const title = await page.textContent(`[data-chart="${id}"] .atlas-figure-title`);
      const texts = [...svg.querySelectorAll("text")].map((t) => t.textContent ?? "").join(" ");
      expect(texts.replace(/\s+/g, " ")).toContain((title ?? "").split(" ").slice(0, 4).join(" "));
      expect(svg.querySelector("title")?.textContent).toBe(title);
      for (const label of ["Quelle: ", "Stand: ", "Lizenz: "]) expect(texts).toContain(label);
    } finally {
      await close(page);
    }
  });

  test("Magdeburg's map: 2025 by default, Altstadt's share the one KISS-MD gives (4.366 foreigners)", () => {
    const svg = new JSDOM(readFileSync(join(dist, "abbildungen", "magdeburg-stadtteile.svg"), "utf8"), {contentType: "image/svg+xml"}).window.document;
    expect(svg.querySelector("title")?.textContent).toBe("Anteil ausländisch nach Stadtteilen, Magdeburg 2025");
    const facts = arrowFacts(tableFromIPC(readFileSync(built("data", "facts-magdeburg", "arrow"))), (g) => g("area_id") === "15003000-st01" && g("year") === 2025 && g("sex") === "total" && g("age_group") === "total");
    const share = facts.find((f) => f.indicator === "md:auslaenderanteil")?.value;
    expect(facts.find((f) => f.indicator === "md:auslaender")?.value).toBe(4366);
    expect(Number(svg.querySelector('path[data-area-id="15003000-st01"]')?.getAttribute("data-value"))).toBe(share);
    expect(svg.querySelector('path[data-area-id="15003000-st01"] title')?.textContent).toContain(formatPercent(share));
  });
});

/** Clicks one of a figure's data downloads and returns its file name and text. */
async function downloadOf(page: Page, id: string, button: string): Promise<{name: string; text: string}> {
  // A chart that Framework redraws for its width replaces its buttons: a click on the outgoing copy starts nothing, so click again.
  for (let attempt = 1; ; attempt++) {
    try {
      const [download] = await Promise.all([page.waitForEvent("download", {timeout: 5_000}), page.click(`[data-chart="${id}"] ${button}`, {timeout: 5_000})]);
      return {name: download.suggestedFilename(), text: readFileSync((await download.path()) as string, "utf8")};
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Decimal places of a value as written (the precision it is given at). */
const places = (s: string) => (s.split(".")[1] ?? "").length;

describe("data downloads", () => {
  const pages = sampledRoutes(htmlPages(dist)).sort();
  test.each(pages)("%s: every figure's German CSV reads back to its machine CSV, whose values are the data table's at the published precision", async (path) => {
    const page = await open(path, {acceptDownloads: true});
    try {
      const ids = await page.$$eval("[data-chart]", (els) => els.map((e) => e.getAttribute("data-chart") as string));
      for (const id of ids) {
        const german = await downloadOf(page, id, ".atlas-download");
        const machine = await downloadOf(page, id, ".atlas-download-machine");
        const meta = await downloadOf(page, id, ".atlas-download-meta");
        expect([german.name, machine.name, meta.name]).toEqual([`${id}.csv`, `${id}-daten.csv`, `${id}-metadaten.json`]);
        expect(german.text.startsWith("\ufeff"), id).toBe(true);
        const de = dsvFormat(";").parseRows(german.text.slice(1).replace(/\r\n/g, "\n").trimEnd());
        const en = csvParseRows(machine.text.trimEnd());
        expect(de[0]).toEqual(GERMAN_HEADER);
        expect(en[0]).toEqual(MACHINE_HEADER);
        expect(de.length, `${path} ${id}`).toBe(en.length);
        for (let i = 1; i < en.length; i++) {
          expect(de[i][6] === "" ? null : Number(de[i][6].replace(",", ".")), `${id} row ${i}`).toBe(en[i][6] === "" ? null : Number(en[i][6]));
          // Nothing missing is written as 0: an empty value carries a flag.
          if (en[i][6] === "") expect(en[i][8], `${id} row ${i}`).not.toBe("");
        }
        // Each measure is a table column; its values, in table order, are the cells' values at the precision written.
        const table = await tableOf(page, id);
        for (const measure of new Set(en.slice(1).map((r) => r[4]))) {
          const col = table[0].indexOf(measure);
          expect(col, `${id}: ${measure}`).toBeGreaterThanOrEqual(0);
          const written = en.slice(1).filter((r) => r[4] === measure).map((r) => r[6]);
          const cells = table.slice(1).map((r) => r[col]);
          expect(written.length, `${id}: ${measure}`).toBe(cells.length);
          written.forEach((w, j) => {
            if (w === "" || cells[j] === "") expect(w, `${id}: ${measure} row ${j}`).toBe(cells[j] === "" ? "" : w);
            else expect(Math.abs(Number(w) - Number(cells[j])), `${id}: ${measure} row ${j}`).toBeLessThanOrEqual(0.5 * 10 ** -places(w) + 1e-9);
          });
        }
        const metadata = JSON.parse(meta.text);
        expect(metadata.title, id).toBe(await page.textContent(`[data-chart="${id}"] .atlas-figure-title`));
        expect(metadata.url).toContain(server.url);
        expect(metadata.rows).toBe(en.length - 1);
      }
    } finally {
      await close(page);
    }
  });

  test("Magdeburg's map 2020: the German CSV read with ;/, settings gives the same numbers as the machine CSV and the facts; metadata names commit, files and licences", async () => {
    const page = await open("/karten/magdeburg?jahr=2020", {acceptDownloads: true});
    try {
      const id = "magdeburg-stadtteile";
      const german = await downloadOf(page, id, ".atlas-download");
      const machine = await downloadOf(page, id, ".atlas-download-machine");
      const de = dsvFormat(";").parseRows(german.text.slice(1).replace(/\r\n/g, "\n").trimEnd());
      const en = csvParseRows(machine.text.trimEnd());
      const altstadt = de.filter((r) => r[0] === "15003000-st01");
      expect(altstadt.map((r) => [r[1], r[2], r[3], r[4], r[7]])).toEqual([
        ["Altstadt", "2020", "31.12.2020", "Anteil ausländisch", "Prozent"],
        ["Altstadt", "2020", "31.12.2020", "Ausländische Bevölkerung", "Personen"],
        ["Altstadt", "2020", "31.12.2020", "Bevölkerung", "Personen"]
      ]);
      const facts = arrowFacts(tableFromIPC(readFileSync(built("data", "facts-magdeburg", "arrow"))), (g) => g("area_id") === "15003000-st01" && g("year") === 2020 && g("sex") === "total" && g("age_group") === "total");
      const count = (indicator: string) => facts.find((f) => f.indicator === indicator)?.value as number;
      expect(Number(altstadt[1][6])).toBe(count("md:auslaender"));
      expect(Number(altstadt[2][6])).toBe(count("md:bevoelkerung"));
      // 2020's share is the atlas's quotient of the two counts: four places, decimal comma.
      expect(altstadt[0][6]).toBe(((100 * count("md:auslaender")) / count("md:bevoelkerung")).toFixed(4).replace(".", ","));
      expect(en.find((r) => r[0] === "15003000-st01")?.[6]).toBe(((100 * count("md:auslaender")) / count("md:bevoelkerung")).toFixed(4));
      const meta = JSON.parse((await downloadOf(page, id, ".atlas-download-meta")).text);
      expect(meta.sources.map((s: {id: string; commit: string}) => [s.id, s.commit.slice(0, 7)])).toEqual([["kiss-md", "4779457"], ["magdeburg-stadtteile", "4779457"]]);
      expect(meta.sources[1].licence.name).toBe("ODbL 1.0");
      expect(meta.licence).toContain("KISS-MD): keine Lizenz genannt; Nutzungsbedingungen: https://statistik.magdeburg.de/KISS-MD/");
    } finally {
      await close(page);
    }
  });
});

describe("image downloads", () => {
  test("PNG: a real PNG at twice the exported SVG's size; SVG: title, source, date, licence and legend on the image", async () => {
    const page = await open("/karten/magdeburg?jahr=2020", {acceptDownloads: true});
    try {
      const id = "magdeburg-stadtteile";
      const [svgDownload] = await Promise.all([page.waitForEvent("download"), page.click(`[data-chart="${id}"] .atlas-export-svg`)]);
      expect(svgDownload.suggestedFilename()).toBe(`${id}.svg`);
      const svgText = readFileSync((await svgDownload.path()) as string, "utf8");
      const svg = new JSDOM(svgText, {contentType: "image/svg+xml"}).window.document;
      const texts = [...svg.querySelectorAll("text")].map((t) => t.textContent ?? "");
      expect(texts[0]).toBe("Anteil ausländisch nach Stadtteilen, Magdeburg 2020");
      expect(texts.join(" ")).toContain("Quelle: Landeshauptstadt Magdeburg, Amt für Statistik (KISS-MD)");
      expect(texts).toContain("Stand: 31.12.2020");
      expect(texts.find((t) => t.startsWith("Lizenz: "))).toContain("KISS-MD");
      // Licences by name: the boundaries' ODbL 1.0, and that KISS-MD names none.
      expect(texts.join(" ")).toContain("ODbL 1.0");
      expect(texts.join(" ")).toContain("keine Lizenz genannt");
      expect(texts.join(" ")).not.toContain("Nutzungsbedingungen der genannten Quelle");
      expect(texts.join(" ")).toContain(`${server.url}/karten/magdeburg?jahr=2020`.slice(0, 40));
      expect(texts.some((t) => t.startsWith("keine Daten"))).toBe(true);
      expect(svg.querySelectorAll("path[data-area-id]").length).toBeGreaterThan(30);

      const [pngDownload] = await Promise.all([page.waitForEvent("download"), page.click(`[data-chart="${id}"] .atlas-export-png`)]);
      expect(pngDownload.suggestedFilename()).toBe(`${id}.png`);
      const png = readFileSync((await pngDownload.path()) as string);
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(png.length).toBeGreaterThan(50_000);
      // IHDR: width and height at twice the SVG's size.
      expect(png.readUInt32BE(16)).toBe(2 * Number(svg.documentElement.getAttribute("width")));
      expect(png.readUInt32BE(20)).toBe(2 * Number(svg.documentElement.getAttribute("height")));
    } finally {
      await close(page);
    }
  });

  test("the Einbetten disclosure shows the iframe code for the current view and the static SVG", async () => {
    const page = await open("/karten/magdeburg?jahr=2020");
    try {
      await page.click('[data-chart="magdeburg-stadtteile"] details.atlas-embed summary');
      const code = await page.inputValue('[data-chart="magdeburg-stadtteile"] details.atlas-embed textarea');
      expect(code).toContain(`<iframe src="${server.url}/einbetten/magdeburg-stadtteile?`);
      expect(code).toContain("jahr=2020");
      const links = await page.$$eval('[data-chart="magdeburg-stadtteile"] details.atlas-embed a', (as) => as.map((a) => a.getAttribute("href")));
      expect(links).toContain(`${server.url}/abbildungen/magdeburg-stadtteile.svg`);
    } finally {
      await close(page);
    }
  });

  test("a concept chart's embed code names the chart of the chosen concept, and its parameters only where it has any", async () => {
    const page = await open("/konzepte/indikatoren?dok=goettingen");
    try {
      await page.click('[data-chart="indikatoren-goettingen-felder"] details.atlas-embed summary');
      const code = await page.inputValue('[data-chart="indikatoren-goettingen-felder"] details.atlas-embed textarea');
      // The concept is in the id; the page's ?dok= is not repeated.
      expect(code).toContain(`<iframe src="${server.url}/einbetten/indikatoren-goettingen-felder" `);
      const links = await page.$$eval('[data-chart="indikatoren-goettingen-felder"] details.atlas-embed a', (as) => as.map((a) => a.getAttribute("href")));
      expect(links).toContain(`${server.url}/abbildungen/indikatoren-goettingen-felder.svg`);
    } finally {
      await close(page);
    }
  });
});

describe("embed pages", () => {
  test.each([
    ["/einbetten/magdeburg-stadtteile?jahr=2020", "/karten/magdeburg?jahr=2020", "magdeburg-stadtteile"],
    ["/einbetten/niedersachsen-auslaender-alter?gebiet=03357&jahr=2021", "/altersstruktur/auslaender-niedersachsen?gebiet=03357&jahr=2021", "niedersachsen-auslaender-alter"],
    ["/einbetten/rotenburg-zustaendigkeit?n=7", "/konzepte/massnahmen?dok=rotenburg&n=7", "rotenburg-zustaendigkeit"],
    ["/einbetten/indikatoren-magdeburg-ziele", "/konzepte/indikatoren?dok=magdeburg", "indikatoren-magdeburg-ziele"],
    ["/einbetten/reproduktion-goettingen-abb10", "/reproduktion/goettingen", "reproduktion-goettingen-abb10"]
  ])("%s: one figure, no site chrome, the full page's numbers", async (embed, full, id) => {
    const page = await open(embed);
    let embedded: string[][];
    try {
      expect(await page.locator("[data-chart]").count()).toBe(1);
      expect(await page.locator(`[data-chart="${id}"]`).count()).toBe(1);
      for (const chrome of ["#observablehq-sidebar", "#observablehq-header", "#observablehq-footer"]) expect(await page.locator(chrome).count(), chrome).toBe(0);
      embedded = await tableOf(page, id);
    } finally {
      await close(page);
    }
    const whole = await open(full);
    try {
      await whole.waitForSelector(`[data-chart="${id}"]`);
      expect(embedded.length).toBeGreaterThan(1);
      expect(embedded).toEqual(await tableOf(whole, id));
      expect(await whole.locator("#observablehq-sidebar").count()).toBe(1);
    } finally {
      await close(whole);
    }
  });

  test("an embed's link to its full page keeps the page's own parameter and adds the embed's", async () => {
    const page = await open("/einbetten/rotenburg-zustaendigkeit?n=7");
    try {
      expect(await page.getAttribute(".atlas-embed-origin a", "href")).toBe("../konzepte/massnahmen?dok=rotenburg&n=7");
    } finally {
      await close(page);
    }
  });

  test("the published module draws the same chart on a page of the same host", async () => {
    const page = await open("/einbetten/");
    try {
      // A string, so that the test runner does not rewrite the import() for Node.
      const rows = (await page.evaluate(`(async () => {
        const module = await import("/modul/abbildungen.js");
        const el = await module.renderChart("magdeburg-auslaender-alter", {params: "jahr=2025"});
        return [...el.querySelectorAll("details.atlas-figure-data tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.getAttribute("data-value")));
      })()`)) as string[][];
      // Altstadt, 31.12.2025 (KISS-MD K3_T39): the first row is the youngest group, 185 of 4.366 foreigners.
      expect(rows[0][0]).toBe("0–6 Jahre");
      expect(Number(rows[0][2])).toBe(185);
      expect(Number(rows[0][1])).toBeCloseTo((100 * 185) / (185 + 349 + 3009 + 608 + 215), 10);
    } finally {
      await close(page);
    }
  });
});

describe("printable reports", () => {
  test("Rotenburg: key figures from the Kreis rates, static figures loaded, no controls on paper, A4 PDF", async () => {
    const page = await open("/bericht/rotenburg");
    try {
      await settle(page);
      const figures = await tableOf(page, "bericht-rotenburg-kennzahlen");
      const share = figures.find((r) => r[0] === "Anteil der Ausländerinnen und Ausländer an der Bevölkerung");
      // Integrationsmonitoring 1.2.2, 2024: LK Rotenburg (Wümme) 10,2 %, Niedersachsen 13,7 %.
      expect(share?.slice(2, 5).map(Number)).toEqual([2024, 10.2227794387115, 13.6562121579529]);
      const images = await page.$$eval(".atlas-report-figure img", (imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
      expect(images.length).toBe(2);
      for (const w of images) expect(w).toBeGreaterThan(300);
      expect(await page.locator('[data-chart="niedersachsen-auslaender-alter"]').count()).toBe(1);
      await page.emulateMedia({media: "print"});
      for (const hidden of ["#observablehq-sidebar", ".atlas-figure-actions", ".atlas-print"]) {
        expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
      }
      const pdf = await page.pdf({format: "A4", printBackground: true});
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(pdf.length).toBeGreaterThan(50_000);
    } finally {
      await close(page);
    }
  });
});
