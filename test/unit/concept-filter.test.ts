/**
 * The catalogue page's filters and tree (components/concept-filter.ts) on
 * the real catalogue; counts looked up in data/concepts/*.csv.
 */
import {describe, expect, test} from "vitest";
import {citation, filterElements, heading, normalise, treeRows, type ConceptElement} from "../../components/concept-filter.ts";
import {buildConceptCatalogue} from "../../loaders/model/concept-catalogue.ts";

const elements = buildConceptCatalogue().elements as ConceptElement[];
const count = (f: Parameters<typeof filterElements>[1]) => filterElements(elements, f).length;

describe("filters", () => {
  test("no filter: all 1.150 elements", () => {
    expect(count({})).toBe(1150);
  });

  test("Göttingen, Maßnahme, kurzfristig: 10", () => {
    expect(count({doc: "goettingen", level: "massnahme", time: "kurz"})).toBe(10);
    expect(count({doc: "goettingen", level: "massnahme", time: "none"})).toBe(0);
  });

  test("Wolfsburg field 8.3 holds 59 indicators; Magdeburg field 5 has 18 cards", () => {
    expect(count({doc: "wolfsburg", field: "hf3", level: "indikator"})).toBe(59);
    expect(count({doc: "magdeburg", field: "hf5", level: "moderationskarte"})).toBe(18);
  });

  test("actor: part of a name, any case; the Jobcenter is named 14 times in Göttingen, 4 times in Rotenburg", () => {
    expect(count({doc: "goettingen", actor: "jobcenter"})).toBe(14);
    expect(count({actor: "JOBCENTER"})).toBe(18);
  });

  test("full text: „dolmetsch“ in 14 elements of four concepts; all words must occur", () => {
    const hits = filterElements(elements, {query: "Dolmetsch"});
    expect(hits).toHaveLength(14);
    expect(new Set(hits.map((e) => e.doc))).toEqual(new Set(["goettingen", "wolfsburg", "region-hannover", "rotenburg"]));
    expect(filterElements(elements, {query: "integrationskurs  wartezeit"}).map((e) => e.id)).toEqual(["z7.i10"]);
  });

  test("theme: Sprache in 156 elements, 29 of them Göttingen's", () => {
    expect(count({theme: "sprache"})).toBe(156);
    expect(count({doc: "goettingen", theme: "sprache"})).toBe(29);
  });
});

describe("tree and citations", () => {
  test("a match comes with its ancestors, shown once and marked as context", () => {
    const rows = treeRows(elements, filterElements(elements, {doc: "goettingen", query: "Café Kinderwagen"}));
    expect(rows.map((r) => `${r.element.id}:${r.match}`)).toEqual(["hf1:false", "hf1.kt1.1:false", "hf1.oz1.1.1:false", "hf1.oz1.1.1.m2:true"]);
    const two = treeRows(elements, filterElements(elements, {doc: "goettingen", level: "massnahme", query: "fortgeführt kita"}));
    expect(two.filter((r) => !r.match).map((r) => r.element.id)).toEqual(["hf1", "hf1.kt1.1", "hf1.oz1.1.1"]);
  });

  test("citations in German line notation", () => {
    expect(citation({line_start: 586, line_end: 591})).toBe("Z. 586–591");
    expect(citation({line_start: 137, line_end: 137})).toBe("Z. 137");
  });

  test("headings: number and title, long texts cut with an ellipsis", () => {
    const goal = elements.find((e) => e.doc === "wolfsburg" && e.id === "z7")!;
    expect(heading(goal)).toBe("7 Die deutsche Sprachkompetenz von Menschen mit Zuwanderungsgeschichte ist verbessert.");
    expect(heading(goal, 20)).toBe("7 Die deutsche Sprach…");
    expect(normalise("  Mehr\u00adsprachig  ÖFFNUNG ")).toBe("mehrsprachig öffnung");
  });
});
