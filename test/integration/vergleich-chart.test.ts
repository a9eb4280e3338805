/**
 * The comparison's chart module (components/charts/vergleich.ts), which the
 * page /vergleich, its embed pages and the static SVGs share: the URL's view,
 * the per-1,000 rates, the ranking and the distance to the Land, on the data
 * file as the build writes it (comparisonRows → Arrow → the module's reader).
 * Numbers looked up in the raw files:
 *   IM = christoph-LSN/IM_Data/bb9749e…/data/indicator_<id>.csv, row = CSV line
 */
import {existsSync} from "node:fs";
import {tableFromIPC} from "apache-arrow";
import {JSDOM} from "jsdom";
import {beforeAll, describe, expect, test} from "vitest";
import * as vgl from "../../components/charts/vergleich.ts";
import type {ComparabilityRule} from "../../components/comparability.ts";
import {catalogue} from "../../loaders/model/catalogue.ts";
import {readComparability} from "../../loaders/model/comparability.ts";
import {comparisonRows, comparisonTable} from "../../loaders/model/comparison.ts";
import {toIPC} from "../../loaders/model/model.ts";
import {mirrorDir} from "../../loaders/source/paths.ts";
import {readableFacts} from "../../loaders/site/site-bundle.ts";

const {document} = new JSDOM("<!doctype html><html lang=\"de\"><body></body></html>").window;

/** A row of vergleich.arrow, for the small synthetic cases. */
const row = (o: Partial<vgl.ComparisonFact>): vgl.ComparisonFact => ({
  indicator: "im:2-3-1", origin: o.indicator ?? "im:2-3-1", source_id: "im-niedersachsen", area_id: "03103", area_name: "Wolfsburg", area_level: "kreis",
  year: 2024, sex: "total", age_group: "total", category: "total", value: null, unit: "count", flag: null, source_file: "f.csv", source_row: 1, ...o
});
const COUNT: vgl.Variant = {category: "total", sex: "total", age_group: "total", unit: "count"};

describe("per 1,000 inhabitants (no data needed)", () => {
  test("a population of 0 or none gives no rate, never 0 or Infinity; the count stays", () => {
    const rows = [
      row({area_id: "a", value: 10}), row({area_id: "a", indicator: "im:1-1-1", value: 0}),
      row({area_id: "b", value: 10}),
      row({area_id: "c", value: null}), row({area_id: "c", indicator: "im:1-1-1", value: 500}),
      row({area_id: "d", value: 3}), row({area_id: "d", indicator: "im:1-1-1", value: 1500}),
      // Another year's or another breakdown's population is not the one to divide by.
      row({area_id: "d", indicator: "im:1-1-1", value: 999, year: 2023}), row({area_id: "d", indicator: "im:1-1-1", value: 7, sex: "female"})
    ];
    const series = vgl.comparisonSeries(rows, "im:2-3-1", COUNT, true);
    expect(series.map((r) => [r.area_id, r.value, r.anzahl, r.bevoelkerung])).toEqual([["a", null, 10, 0], ["b", null, 10, null], ["c", null, null, 500], ["d", 2, 3, 1500]]);
    expect(vgl.comparisonSeries(rows, "im:2-3-1", COUNT, false).map((r) => [r.area_id, r.value, r.anzahl])).toEqual([["a", 10, null], ["b", 10, null], ["c", null, null], ["d", 3, null]]);
  });

  test("URL parameters: absent ones are the default view; places come in the URL's order, as the page's chips", () => {
    expect(vgl.comparisonParams(() => null)).toEqual({indicator: "im:1-2-2", variant: "", measure: "je1000", places: vgl.DEFAULT_PLACES, year: null});
    const p = vgl.comparisonParams((n) => ({indikator: "im:2-3-1", bezug: "anzahl", orte: "03357,03,xx", jahr: "2015"})[n] ?? null);
    expect(p).toEqual({indicator: "im:2-3-1", variant: "", measure: "anzahl", places: ["03357", "03", "xx"], year: 2015});
    const areas = vgl.areaList([{area_id: "03357", area_name: "Landkreis Rotenburg (Wümme)", area_level: "kreis"}, {area_id: "03", area_name: "Niedersachsen", area_level: "land"}, {area_id: "03101", area_name: "Braunschweig", area_level: "kreis"}]);
    expect(areas.map((a) => a.area_id)).toEqual(["03", "03357", "03101"]);
    expect(vgl.pickPlaces(areas, p.places).map((a) => a.area_id)).toEqual(["03357", "03"]);
    expect(vgl.pickPlaces(areas, ["unbekannt"]).map((a) => a.area_id)).toEqual(["03", "03357"]);
  });
});

const mirrorPresent = existsSync("/work/shared/data/mirror") && mirrorDir() !== undefined;

describe.runIf(mirrorPresent)("the comparison on the built data (real values)", () => {
  let data: vgl.ComparisonData;
  let entries: vgl.IndicatorEntry[];
  let rules: ComparabilityRule[];
  const view = (params: Record<string, string>) => vgl.comparisonFor(data, vgl.comparisonParams((n) => params[n] ?? null), {catalogue: entries, rules})!;
  beforeAll(async () => {
    const {facts, indicators} = await readableFacts();
    // As the embed page reads it: the Arrow file's bytes, through the module's reader.
    data = vgl.arrowComparisonData(tableFromIPC(toIPC(comparisonTable(comparisonRows(facts)))));
    entries = JSON.parse(JSON.stringify(catalogue(facts, indicators)));
    rules = JSON.parse(JSON.stringify(readComparability()));
  }, 240_000);

  test("naturalisations per 1,000: Wolfsburg 2024 = 558 / 129.524 inhabitants (IM 2-3-1 and 1-1-1, row 992)", () => {
    const v = view({indikator: "im:2-3-1", orte: "03,03103", bezug: "je1000"});
    expect(v.perCapita).toBe(true);
    expect(v.unit).toBe("per_1000");
    const w = v.lines.data.find((r) => r.Ort === "Wolfsburg" && r.Jahr === 2024)!;
    expect([w.Anzahl, w.Bevölkerung]).toEqual([558, 129524]);
    expect(w.Wert).toBe((1000 * 558) / 129524);
    expect(w.Wert).toBeCloseTo(4.308, 3);
    expect(v.format(w.Wert)).toBe("4,3 je 1.000");
    expect(w.Fundstelle).toBe("data/indicator_2-3-1.csv, Zeile 992");
    // Niedersachsen 2024: 23.381 naturalisations, 8.010.686 inhabitants (row 1041).
    const n = v.lines.data.find((r) => r.Ort === "Niedersachsen" && r.Jahr === 2024)!;
    expect([n.Anzahl, n.Bevölkerung, n.Wert]).toEqual([23381, 8010686, (1000 * 23381) / 8010686]);
    expect(v.valueLabel).toBe("Einbürgerungen, je 1.000 Einwohner");
    expect(v.lines.columns.map((c) => c.label)).toEqual(["Ort", "Jahr", v.valueLabel, "Anzahl", "Bevölkerung", "Reihe (Quelle)", "Kennzeichen", "Fundstelle"]);
    expect(v.warnings.map((r) => r.id)).toContain("je-1000-berechnet");
    // The distance to the Land is per 1,000 too: Wolfsburg minus Niedersachsen 2024.
    expect(v.difference.data).toMatchObject([{Ort: "Wolfsburg", Wert: (1000 * 558) / 129524, Land: (1000 * 23381) / 8010686, Abstand: (1000 * 558) / 129524 - (1000 * 23381) / 8010686, Kennzeichen: ""}]);
  });

  test("the same count as a count: no rate, no distance to the Land (meaningless for counts)", () => {
    const v = view({indikator: "im:2-3-1", orte: "03,03103", bezug: "anzahl"});
    expect(v.unit).toBe("count");
    expect(v.lines.data.find((r) => r.Ort === "Wolfsburg" && r.Jahr === 2024)?.Wert).toBe(558);
    expect(v.difference.data[0]).toMatchObject({Ort: "Wolfsburg", Wert: 558, Land: 23381, Abstand: null, Kennzeichen: ""});
  });

  test("the default view: IM 1-2-2 in per cent, 2024, the concept places; a share is never divided", () => {
    const v = view({});
    expect([v.indicator.id, vgl.variantLabel(v.variant), v.year, v.perCapita]).toEqual(["im:1-2-2", "Prozent", 2024, false]);
    expect(v.places.map((p) => p.area_id)).toEqual(vgl.DEFAULT_PLACES);
    expect(v.lines.span).toBe("2005–2025"); // Magdeburg's register runs to 2025
    // Stadt Göttingen: the concept gives 2022 only (SEED Abb. 5), so no value in 2024.
    expect(v.difference.data.find((r) => r.Ort === "Stadt Göttingen")).toMatchObject({Ort: "Stadt Göttingen", Wert: null, Land: 13.6562121579529, Abstand: null, Kennzeichen: "kein Wert"});
    // Wolfsburg 20,03 % (row 992) minus Niedersachsen 13,66 % (row 1041).
    expect(v.difference.data.find((r) => r.Ort === "Wolfsburg")?.Abstand).toBe(20.0254708243285 - 13.6562121579529);
  });

  test("ranking 2024 of IM 1-2-2: Hannover city 25,9 % first of 46 Kreise and Kreis parts (rows 1002, 991)", () => {
    const v = view({indikator: "im:1-2-2", orte: "03,03103,03357"});
    expect(v.ranking.data).toHaveLength(46);
    expect(v.ranking.data.slice(0, 2)).toEqual([
      {Rang: 1, Ort: "Landeshauptstadt Hannover", Wert: 25.8622836031571, Abstand: 25.8622836031571 - 13.6562121579529, Auswahl: ""},
      {Rang: 2, Ort: "Salzgitter", Wert: 23.978279508431, Abstand: 23.978279508431 - 13.6562121579529, Auswahl: ""}
    ]);
    expect(v.ranking.data.filter((r) => r.Auswahl === "ja").map((r) => [r.Rang, r.Ort])).toEqual([[4, "Wolfsburg"], [35, "Landkreis Rotenburg (Wümme)"]]);
    // Region Hannover as a whole is only ranked when chosen (its parts are).
    expect(v.ranking.data.some((r) => r.Ort === "Region Hannover")).toBe(false);
    expect(view({indikator: "im:1-2-2", orte: "03,03241"}).ranking.data.some((r) => r.Ort === "Region Hannover")).toBe(true);
  });

  test("the figures: the page's ids and titles, every dot and bar carrying its value", () => {
    const v = view({indikator: "im:1-2-2", orte: "03,03103,03357"});
    const lines = vgl.linesFigure(v, {width: 760, document});
    expect(lines.getAttribute("data-chart")).toBe("vergleich-linien");
    expect(lines.querySelector(".atlas-figure-title")?.textContent).toBe("Anteil der Ausländerinnen und Ausländer an der Bevölkerung in Prozent, 2005–2024");
    const wolfsburg = [...lines.querySelectorAll("circle[data-value]")].find((c) => c.querySelector("title")?.textContent === "Wolfsburg 2024: 20,0 %");
    expect(Number(wolfsburg?.getAttribute("data-value"))).toBe(20.0254708243285);
    // 2005–2024 for Wolfsburg, Rotenburg and the Land.
    expect(lines.querySelectorAll("circle[data-value]")).toHaveLength(60);
    const ranking = vgl.rankingFigure(v, {width: 760, document});
    expect(ranking.getAttribute("data-chart")).toBe("vergleich-rangfolge");
    expect(ranking.querySelector(".atlas-figure-title")?.textContent).toBe("Rangfolge 2024: Anteil der Ausländerinnen und Ausländer an der Bevölkerung in Prozent");
    const bars = [...ranking.querySelectorAll("rect[data-value]")];
    expect(bars).toHaveLength(46);
    expect([bars[0].getAttribute("data-area-id"), Number(bars[0].getAttribute("data-value"))]).toEqual(["03241001", 25.8622836031571]);
    const diff = vgl.differenceFigure(v, {document});
    expect(diff.getAttribute("data-chart")).toBe("vergleich-abstand");
    expect([...diff.querySelectorAll(".atlas-figure-body tbody tr")].map((tr) => tr.querySelector("td:nth-child(4)")?.textContent)).toEqual(["+6,4 Pp.", "−3,4 Pp."]); // in the URL's order: Wolfsburg, Rotenburg
  });
});
