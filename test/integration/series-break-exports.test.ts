/**
 * Issue 18: series breaks reach the data downloads and the Kreis map's embed
 * and image. The Niedersachsen Kreis map of IM 1-2-2 (share of foreigners)
 * with real data from christoph-LSN/IM_Data/bb9749e…/data/indicator_1-2-2.csv
 * and the break registry (data/series-breaks.csv): the change 2019–2024 and
 * the years 2005–2024 cross the Zensus 2022 (its denominator is rebased
 * between 2021 and 2022); the page, the embed page (renderChart, the same
 * code the embed runs, fed the build's files) and the static figure say so,
 * and every download lists the break and marks the rows after it.
 */
import {csvParseRows, dsvFormat} from "d3";
import {JSDOM} from "jsdom";
import {afterAll, beforeAll, describe, expect, test, vi} from "vitest";
import * as ni from "../../components/charts/niedersachsen-kreise.ts";
import {renderChart} from "../../components/charts/embed.ts";
import {arrowFacts, type FactLike} from "../../components/charts/facts.ts";
import {GERMAN_HEADER, MACHINE_HEADER} from "../../components/exportdata.ts";
import {exportFigure, figureFiles} from "../../components/figure.ts";
import {tableFromIPC} from "apache-arrow";
import {catalogue} from "../../loaders/model/catalogue.ts";
import {readComparability} from "../../loaders/model/comparability.ts";
import {BOUNDARIES} from "../../loaders/model/maps.ts";
import {factsTable, toIPC} from "../../loaders/model/model.ts";
import {buildImFacts, buildImKreisRates} from "../../loaders/model/tables.ts";
import {mirrorDir} from "../../loaders/source/paths.ts";

const rules = JSON.parse(JSON.stringify(readComparability()));
const doc = () => new JSDOM("<!doctype html><html lang=\"de\"><body></body></html>").window.document;

describe.runIf(mirrorDir() !== undefined)("series breaks in the Kreis map's downloads, embed and image (IM 1-2-2, real data)", () => {
  let facts: FactLike[];
  let entry: ni.CatalogueEntry;
  let ipc: Uint8Array;
  let indicatorsJson: string;
  let topology: string;

  beforeAll(async () => {
    const rates = (await buildImKreisRates()).facts;
    ipc = toIPC(factsTable(rates));
    facts = arrowFacts(tableFromIPC(ipc)).filter((f) => f.indicator === "im:1-2-2");
    const built = await buildImFacts();
    const entries = catalogue(built.facts, built.indicators);
    indicatorsJson = JSON.stringify(entries);
    entry = entries.find((e) => e.id === "im:1-2-2") as ni.CatalogueEntry;
    topology = JSON.stringify(await BOUNDARIES["ni-kreise"]());
  }, 240_000);

  const setup = () => {
    const variant = ni.pickVariant(ni.niVariants(facts), "", entry);
    const series = ni.niSeries(facts, variant);
    return {variant, series};
  };

  test("the change 2019–2024: metadata lists the Zensus 2022 break with year, title, text and source; every row is marked as reaching across it", () => {
    const {variant, series} = setup();
    const drawn = new Set(series.filter((d) => d.area_level !== "land").map((d) => d.area_id));
    const view = ni.niView(series, drawn, {indicator: entry, variant, year: 2024, base: 2019, change: true, rules});
    const root = ni.niMapFigure(view, [], {width: 640, method: "quantile", classes: 5, document: doc()});
    const files = figureFiles(root);
    const meta = JSON.parse(files.metadata);
    expect(meta.series_breaks.map((b: {id: string}) => b.id)).toEqual(["zensus-2022"]);
    expect(meta.series_breaks[0]).toMatchObject({year: 2022, label: "Zensus 2022", title: "Zensus 2022: neue Basis der Bevölkerungszahlen"});
    expect(meta.series_breaks[0].text).toContain("Ab dem Berichtsjahr 2022 beruht die Bevölkerungsfortschreibung auf dem Zensus 2022");
    expect(meta.series_breaks[0].source).toContain("Indikator 1.1.2");
    const en = csvParseRows(files.machine.trimEnd());
    expect(en[0]).toEqual(MACHINE_HEADER);
    expect(en.length).toBeGreaterThan(40);
    for (const r of en.slice(1)) expect(r[9]).toBe("zensus-2022");
    const de = dsvFormat(";").parseRows(files.german.slice(1).replace(/\r\n/g, "\n").trimEnd());
    expect(de[0]).toEqual(GERMAN_HEADER);
    for (const r of de.slice(1)) expect(r[9]).toBe("Zensus 2022 (ab 2022)");
    // The caption and the exported image say it too.
    expect(root.querySelector(".atlas-break")?.getAttribute("data-breaks")).toBe("zensus-2022");
    const svg = exportFigure(root, {document: root.ownerDocument});
    expect(svg.querySelector(".export-source")?.textContent).toContain("Reihenbruch: Zensus 2022: neue Basis der Bevölkerungszahlen (zwischen 2021 und 2022)");
  });

  test("one year (2024) lies on one side of every break: no break, an empty column; 2022–2024 crosses none either", () => {
    const {variant, series} = setup();
    const drawn = new Set(series.map((d) => d.area_id));
    for (const view of [ni.niView(series, drawn, {indicator: entry, variant, year: 2024, base: 2019, change: false, rules}), ni.niView(series, drawn, {indicator: entry, variant, year: 2024, base: 2022, change: true, rules})]) {
      const files = figureFiles(ni.niMapFigure(view, [], {width: 640, method: "quantile", classes: 5, document: doc()}));
      expect(JSON.parse(files.metadata).series_breaks).toEqual([]);
      for (const r of csvParseRows(files.machine.trimEnd()).slice(1)) expect(r[9]).toBe("");
    }
  });

  test("all years (multiples) and a Kreis's series: the rows from 2022 on are marked, the rows before 2022 not as after the Zensus 2022", () => {
    const {variant, series} = setup();
    const drawn = new Set(series.map((d) => d.area_id));
    const multiples = ni.niMultiplesFigure(series, [], drawn, {indicator: entry, variant, width: 1100, method: "quantile", classes: 5, rules, document: doc()});
    const trendFigure = ni.niTrendFigure(series, "03103", {indicator: entry, variant, width: 820, rules, document: doc()})!;
    for (const root of [multiples, trendFigure]) {
      const files = figureFiles(root);
      const meta = JSON.parse(files.metadata);
      expect(meta.series_breaks.map((b: {id: string}) => b.id)).toContain("zensus-2022");
      const en = csvParseRows(files.machine.trimEnd()).slice(1);
      const wolfsburg = en.filter((r) => r[1] === "Wolfsburg" || r[1] === "Wolfsburg, Stadt");
      expect(wolfsburg.length).toBeGreaterThan(10);
      for (const r of en) expect(r[9].split(";").includes("zensus-2022"), `${r[1]} ${r[2]}`).toBe(Number(r[2]) >= 2022);
    }
    // The trend chart draws the break as a marker.
    expect([...trendFigure.querySelectorAll("text")].some((t) => t.textContent === "Zensus 2022")).toBe(true);
  });

  describe("the embed page draws with the same code and names the break", () => {
    const files: Record<string, string> = {
      "im-kreis-rates.arrow": "mem://im-kreis-rates.arrow",
      "indicators.json": "mem://indicators.json",
      "boundaries/ni-kreise.json": "mem://ni-kreise.json",
      "comparability.json": "mem://comparability.json"
    };
    beforeAll(() => {
      const body: Record<string, () => BodyInit> = {
        "mem://im-kreis-rates.arrow": () => ipc as unknown as BodyInit,
        "mem://indicators.json": () => indicatorsJson,
        "mem://ni-kreise.json": () => topology,
        "mem://comparability.json": () => JSON.stringify(rules)
      };
      vi.stubGlobal("fetch", async (url: string) => (body[url] ? new Response(body[url]()) : new Response("", {status: 404})));
    });
    afterAll(() => vi.unstubAllGlobals());

    test("/einbetten/niedersachsen-kreise?indikator=im:1-2-2&jahr=2024&von=2019: title, caption and data name the Zensus 2022", async () => {
      const d = doc();
      const root = await renderChart("niedersachsen-kreise", {files, params: "indikator=im:1-2-2&jahr=2024&von=2019", width: 820, document: d});
      expect(root.querySelector(".atlas-figure-title")?.textContent).toContain("Veränderung 2019–2024 (über einen Reihenbruch)");
      expect(root.querySelector(".atlas-break")?.getAttribute("data-breaks")).toBe("zensus-2022");
      expect(JSON.parse(figureFiles(root).metadata).series_breaks[0].id).toBe("zensus-2022");
    });

    test("/einbetten/niedersachsen-kreise-jahre?indikator=im:1-2-2: the breaks within the years, rows marked", async () => {
      const root = await renderChart("niedersachsen-kreise-jahre", {files, params: "indikator=im:1-2-2", width: 1100, document: doc()});
      expect(root.querySelector(".atlas-break")?.getAttribute("data-breaks")).toContain("zensus-2022");
      const en = csvParseRows(figureFiles(root).machine.trimEnd()).slice(1);
      expect(en.filter((r) => r[2] === "2024").every((r) => r[9].includes("zensus-2022"))).toBe(true);
      expect(en.filter((r) => r[2] === "2021").some((r) => r[9].includes("zensus-2022"))).toBe(false);
    });
  });
});
