/**
 * The concept charts as the pages, the embed pages and the static SVGs draw
 * them (components/charts/konzepte.ts), from the real catalogue.
 */
import {JSDOM} from "jsdom";
import {expect, test} from "vitest";
import {conceptFigure, docsWithLinks} from "../../components/charts/konzepte.ts";
import {CHARTS} from "../../components/charts/registry.ts";
import {buildConceptCatalogue} from "../../loaders/model/concept-catalogue.ts";

const {document} = new JSDOM("<!doctype html><body></body>").window;
const catalogue = buildConceptCatalogue();
const CONCEPT_CHARTS = CHARTS.filter((c) => c.page.startsWith("/konzepte/"));

/** A figure's data table: header, then the raw cell values (what the CSV holds). */
function table(node: HTMLElement): string[][] {
  const t = node.querySelector("details.atlas-figure-data table") as HTMLTableElement;
  return [[...t.querySelectorAll("thead th")].map((th) => th.textContent ?? ""), ...[...t.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.getAttribute("data-value") ?? ""))];
}

test("the registry has the three indicator charts for exactly the concepts that name indicators", () => {
  const docs = docsWithLinks(catalogue);
  expect(docs).toEqual(["goettingen", "wolfsburg", "region-hannover", "magdeburg"]);
  const ids = CONCEPT_CHARTS.map((c) => c.id).filter((id) => /^indikatoren-.+-(ziele|felder|luecken)$/.test(id));
  expect(ids.sort()).toEqual(docs.flatMap((d) => ["ziele", "felder", "luecken"].map((k) => `indikatoren-${d}-${k}`)).sort());
});

test.each(CONCEPT_CHARTS.map((c) => c.id))("%s: drawn under its own id, with a table", (id) => {
  const node = conceptFigure(id, catalogue, () => null, {width: 760, document});
  expect(node?.getAttribute("data-chart")).toBe(id);
  expect(table(node as HTMLElement).length).toBeGreaterThan(1);
  expect(node?.querySelector("svg")).not.toBeNull();
});

test("named indicators per concept: Wolfsburg 188, 7 partly, none fully measurable; Göttingen 124", () => {
  const rows = table(conceptFigure("indikatoren-je-konzept", catalogue, () => null, {width: 760, document}) as HTMLElement);
  expect(rows[0]).toEqual(["Konzept", "Indikatoren", "messbar", "teilweise", "noch nicht"]);
  expect(rows.find((r) => r[0] === "Wolfsburg")).toEqual(["Wolfsburg", "188", "0", "7", "181"]);
  expect(rows.find((r) => r[0] === "Göttingen")?.[1]).toBe("124");
});

test("Göttingen's 124 measures all have a time frame in the chart; the actor chart honours n", () => {
  const time = table(conceptFigure("goettingen-massnahmen-zeitraum", catalogue, () => null, {width: 760, document}) as HTMLElement);
  expect(time.slice(1).reduce((s, r) => s + Number(r[2]), 0)).toBe(124);
  const ten = table(conceptFigure("goettingen-zustaendigkeit", catalogue, (name) => (name === "n" ? "10" : null), {width: 760, document}) as HTMLElement);
  expect(ten.length - 1).toBe(10);
  const bad = table(conceptFigure("goettingen-zustaendigkeit", catalogue, (name) => (name === "n" ? "9999" : null), {width: 760, document}) as HTMLElement);
  expect(bad.length - 1).toBe(25);
});

test("an id that is no concept chart draws nothing", () => {
  expect(conceptFigure("indikatoren-rotenburg-ziele", catalogue, () => null, {width: 760, document})).toBeNull();
  expect(conceptFigure("wolfsburg-zustaendigkeit", catalogue, () => null, {width: 760, document})).toBeNull();
});
