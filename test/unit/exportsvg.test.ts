import {JSDOM} from "jsdom";
import {expect, test} from "vitest";
import {ageStructure} from "../../components/agestructure.ts";
import {choropleth} from "../../components/choropleth.ts";
import {csvOf, DEFAULT_LICENCE, exportFigure, figure} from "../../components/figure.ts";
import {textWidth, wrap} from "../../components/exportsvg.ts";
import {tar} from "../../scripts/tar.ts";
import {stableUrls, unhashed} from "../../scripts/stable-urls.ts";
import {existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";

const dom = () => new JSDOM("<!doctype html><body></body>").window;

// Magdeburg 31.12.2025, KISS-MD K3_T39: foreigners in Altstadt (15003000-st01) by age group, as facts-magdeburg holds them.
const rows = [
  {band: "0-6", label: "0–6 Jahre", value: 185},
  {band: "7-17", label: "7–17 Jahre", value: 349},
  {band: "18-44", label: "18–44 Jahre", value: 3009},
  {band: "45-64", label: "45–64 Jahre", value: 608},
  {band: "65+", label: "65 Jahre und älter", value: 215}
];

test("the exported SVG carries title, source, date, licence, the drawn values and the CSV of the figure", () => {
  const window = dom();
  const document = window.document;
  const data = rows.map((r) => ({Altersgruppe: r.label, Personen: r.value}));
  const columns = [{key: "Altersgruppe" as const, label: "Altersgruppe"}, {key: "Personen" as const, label: "Personen", numeric: true}];
  const root = figure(ageStructure(rows, {width: 640, label: "Altstadt", document}), {id: "t", title: "Ausländische Bevölkerung, Altstadt, 31.12.2025", source: "KISS-MD, Tabelle K3_T39", date: "2025-12-31", definition: "…", data, columns, document});
  const svg = exportFigure(root, {document, url: "/altersstruktur/auslaender-magdeburg"});
  const text = new window.XMLSerializer().serializeToString(svg);
  const texts = [...svg.querySelectorAll("text")].map((t) => t.textContent);
  expect(texts[0]).toBe("Ausländische Bevölkerung, Altstadt, 31.12.2025");
  expect(texts).toContain("Quelle: KISS-MD, Tabelle K3_T39");
  expect(texts).toContain("Stand: 31.12.2025");
  // The source line names KISS-MD: its licence statement by name (it states none; its terms are linked), not a vague default.
  expect(texts.join(" ")).toContain("Lizenz: Landeshauptstadt Magdeburg, Amt für Statistik (KISS-MD): keine Lizenz genannt; Nutzungsbedingungen: https://statistik.magdeburg.de/KISS-MD/");
  expect(texts.join(" ")).not.toContain(DEFAULT_LICENCE.slice(0, 30));
  expect(texts).toContain("Integrationsatlas · /altersstruktur/auslaender-magdeburg");
  // The HTML legend is redrawn as SVG text with its swatch.
  expect(svg.querySelector("g.legend-item[data-legend='Altstadt'] rect")?.getAttribute("fill")).toBe("rgb(91, 138, 114)"); // BAR #5b8a72 as the style reports it
  // Every bar keeps its value; the CSV travels in <metadata>.
  expect([...svg.querySelectorAll("rect.bar")].map((r) => Number(r.getAttribute("data-value")))).toEqual([185, 349, 3009, 608, 215]);
  expect(svg.querySelector("metadata#atlas-data")?.textContent).toBe(csvOf(data, columns));
  expect(text.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")).toBe(true);
  expect(Number(svg.getAttribute("width"))).toBe(640 + 32);
});

test("a map's export: areas keep id and value, missing stays empty, the no-data swatch is hatched", () => {
  const window = dom();
  const document = window.document;
  const square = (x: number) => ({type: "Polygon", coordinates: [[[x, 0], [x, 1], [x + 1, 1], [x + 1, 0], [x, 0]]]});
  const features = [0, 1, 2].map((i) => ({type: "Feature" as const, id: `a${i}`, properties: {name: `A${i}`}, geometry: square(i)}));
  const mapRows = [{area_id: "a0", name: "A0", value: 12.5}, {area_id: "a1", name: "A1", value: null}, {area_id: "a2", name: "A2", value: 3}];
  const root = figure(choropleth(features, mapRows, {width: 400, valueLabel: "Anteil", classes: 2, document}), {id: "m", title: "Karte", source: "Test", date: 2024, licence: "dl-de/by-2-0", definition: "…", data: mapRows, columns: [{key: "name", label: "Gebiet"}, {key: "value", label: "Wert", numeric: true}], document});
  const svg = exportFigure(root, {document});
  const values = Object.fromEntries([...svg.querySelectorAll("path[data-area-id]")].map((p) => [p.getAttribute("data-area-id"), p.getAttribute("data-value")]));
  expect(values).toEqual({a0: "12.5", a1: "", a2: "3"});
  expect([...svg.querySelectorAll("text")].map((t) => t.textContent)).toContain("Lizenz: dl-de/by-2-0");
  expect(svg.querySelector("g.legend-item[data-legend='keine Daten (1)'] rect")?.getAttribute("fill")).toBe("url(#atlas-export-hatch)");
});

test("table cells hold the raw value the CSV writes; missing is empty and flagged", () => {
  const {document} = dom();
  const root = figure(document.createElement("div"), {id: "x", title: "T", source: "S", date: "2022-12-31", definition: "D", data: [{a: "Göttingen; Stadt", v: 12726}, {a: "x", v: null}], columns: [{key: "a", label: "Gebiet"}, {key: "v", label: "Personen", numeric: true, format: (v) => String(v)}], document});
  const cells = [...root.querySelectorAll("tbody td")].map((td) => [td.getAttribute("data-value"), td.getAttribute("data-missing")]);
  expect(cells).toEqual([["Göttingen; Stadt", null], ["12726", null], ["x", null], ["", "true"]]);
  expect(root.querySelector(".atlas-export-png")?.textContent).toBe("PNG herunterladen");
  expect(root.querySelector(".atlas-export-svg")?.textContent).toBe("SVG herunterladen");
  // No embed page for an unregistered id: no "Einbetten" disclosure.
  expect(root.querySelector("details.atlas-embed")).toBeNull();
});

test("text wrap keeps every word and stays within the width estimate", () => {
  const text = "Landeshauptstadt Magdeburg, Amt für Statistik (KISS-MD), Tabellen K3_T35, K3_T36, K3_T39, K3_T41; Grenzen © OpenStreetMap-Mitwirkende (ODbL)";
  const lines = wrap(text, 11, 300);
  expect(lines.join(" ")).toBe(text);
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines) expect(line.includes(" ") ? textWidth(line, 11) <= 300 : true).toBe(true);
});

test("tar: ustar headers with size and checksum, content padded to 512 bytes", () => {
  const archive = tar(new Map([["a.svg", "<svg/>"]]));
  expect(archive.length).toBe(512 + 512 + 1024);
  const header = archive.slice(0, 512);
  const ascii = (from: number, to: number) => new TextDecoder().decode(header.slice(from, to)).replace(/\0.*$/, "");
  expect(ascii(0, 100)).toBe("a.svg");
  expect(Number.parseInt(ascii(124, 136), 8)).toBe(6);
  expect(ascii(257, 262)).toBe("ustar");
  const stored = Number.parseInt(ascii(148, 155), 8);
  const sum = header.reduce((s, b, i) => s + (i >= 148 && i < 156 ? 32 : b), 0);
  expect(stored).toBe(sum);
});

test("stable names drop Framework's content hash", () => {
  expect(unhashed("magdeburg-stadtteile.91c0f1e8.svg")).toBe("magdeburg-stadtteile.svg");
  expect(unhashed("embed.a7994f34.js")).toBe("embed.js");
  expect(unhashed("embed.js")).toBeNull();
});

test("stable SVG addresses keep their folder (charts generated per place live in abbildungen/orte/)", () => {
  const dist = mkdtempSync(join(tmpdir(), "atlas-stable-"));
  try {
    mkdirSync(join(dist, "_file", "abbildungen", "orte"), {recursive: true});
    writeFileSync(join(dist, "_file", "abbildungen", "wolfsburg-stadtteile.0123abcd.svg"), "<svg>a</svg>");
    writeFileSync(join(dist, "_file", "abbildungen", "orte", "wolfsburg-auslaenderanteil.89abcdef.svg"), "<svg>b</svg>");
    const report = stableUrls(dist);
    expect(report.figures).toEqual(["orte/wolfsburg-auslaenderanteil", "wolfsburg-stadtteile"]);
    expect(readFileSync(join(dist, "abbildungen", "orte", "wolfsburg-auslaenderanteil.svg"), "utf8")).toBe("<svg>b</svg>");
    expect(existsSync(join(dist, "abbildungen", "wolfsburg-auslaenderanteil.svg"))).toBe(false);
  } finally {
    rmSync(dist, {recursive: true, force: true});
  }
});

test("the pages' CSP lets the PNG export draw the SVG from a blob: URL into a canvas, and frames only from the site", async () => {
  const {contentSecurityPolicy} = await import("../../scripts/postprocess.ts");
  const policy = contentSecurityPolicy([]);
  expect(policy).toContain("img-src 'self' data: blob:");
  // No frame-src of its own: embed previews fall back to default-src 'self'.
  expect(policy).toContain("default-src 'self'");
  expect(policy).not.toContain("frame-src");
});

test("tables with rowspan and colspan keep their grid in the exported SVG (reproduction tables: one printed number, several checks)", async () => {
  const {tableLayout} = await import("../../components/exportsvg.ts");
  const {document} = dom();
  const table = document.createElement("table");
  // Göttingen, Z. 331: 269 naturalisations (31.12.2022), checked as 110 + 159 and against GÖSIS 027.02 (271).
  table.innerHTML = `<thead><tr><th>Zeile</th><th>gedruckt</th><th>Prüfung</th><th>Vergleich</th></tr></thead>
    <tbody><tr><td rowspan="2">331</td><td rowspan="2">269</td><td>Summe der Teile<br>110 + 159 = 269</td><td>269</td></tr>
    <tr><td>Zweitquelle: <span>GÖSIS 027.02</span></td><td>271</td></tr>
    <tr><td>332</td><td>110</td><td colspan="2">Ausgangszahl für Z. 331</td></tr></tbody>`;
  const {cells, rows, columns} = tableLayout(table);
  expect([rows, columns]).toEqual([4, 4]);
  const at = (text: string) => cells.find((c) => c.text === text);
  expect(at("Zweitquelle: GÖSIS 027.02")).toMatchObject({row: 2, col: 2, rowspan: 1});
  expect(at("271")).toMatchObject({row: 2, col: 3});
  expect(at("Summe der Teile 110 + 159 = 269")).toMatchObject({row: 1, col: 2});
  expect(at("331")).toMatchObject({row: 1, col: 0, rowspan: 2});
  expect(at("Ausgangszahl für Z. 331")).toMatchObject({row: 3, col: 2, colspan: 2});
  const fig = figure(table, {id: "t", title: "Einbürgerungen", source: "Stadt Göttingen", date: "2022-12-31", definition: "–", data: [], columns: [], document});
  document.body.append(fig);
  const svg = exportFigure(fig, {document});
  const y = (text: string) => Number([...svg.querySelectorAll("text")].find((t) => t.textContent === text)?.getAttribute("y"));
  const x = (text: string) => Number([...svg.querySelectorAll("text")].find((t) => t.textContent === text)?.getAttribute("x"));
  for (const text of ["Zweitquelle: GÖSIS 027.02", "Summe der Teile 110 + 159 = 269", "Zeile"]) expect(Number.isFinite(x(text)), text).toBe(true);
  // The second check sits in the check column, one row below the first, not under the line number.
  expect(x("Zweitquelle: GÖSIS 027.02")).toBe(x("Summe der Teile 110 + 159 = 269"));
  expect(y("Zweitquelle: GÖSIS 027.02")).toBeGreaterThan(y("Summe der Teile 110 + 159 = 269"));
  expect(x("Zweitquelle: GÖSIS 027.02")).toBeGreaterThan(x("Zeile"));
});
