import {JSDOM} from "jsdom";
import {describe, expect, test} from "vitest";
import {bandRows, foldOpenClass, IM_BANDS, MD_BANDS, singleYearRows} from "../../components/agebands.ts";
import {ageStructure, bandShares, shareBasisText, type AgeBandRow} from "../../components/agestructure.ts";

const doc = () => new JSDOM("<!doctype html><body></body>").window.document;
const rows = (bands: typeof MD_BANDS, values: (number | null)[]): AgeBandRow[] => bands.map((b, i) => ({...b, value: values[i], flag: values[i] === null ? "missing" : null}));

// KISS-MD K3_T39, 31.12.2023: Alte Neustadt (Stadtteil 04), Diesdorf (28), Magdeburg (15003)
const alteNeustadt = rows(MD_BANDS, [145, 189, 2664, 194, 33]);
const diesdorf = rows(MD_BANDS, [null, null, 23, 14, 0]);
const magdeburg = rows(MD_BANDS, [3194, 4382, 20689, 4825, 1213]);
// Integrationsmonitoring 1-2-6, 2023: Wolfsburg (bands add up to 25.285, the published total is 25.290)
const wolfsburg = rows(IM_BANDS, [1600, 2420, 1250, 9985, 7695, 1850, 485]);

describe("bandShares", () => {
  test("complete bands: shares of their sum, adding up to 100 even when the published total differs by AZR rounding", () => {
    const {rows: shares, basis} = bandShares(wolfsburg, {total: 25290});
    expect(basis).toMatchObject({kind: "bands", denominator: 25285, bandSum: 25285, missing: []});
    expect(shares.reduce((s, r) => s + (r.value ?? 0), 0)).toBeCloseTo(100, 10);
    expect(shares[3].value).toBeCloseTo((100 * 9985) / 25285, 10);
    expect(shareBasisText(basis, {total: 25290})).toBe("Anteile an der Summe der Altersgruppen (25.285 Personen); die Gesamtzahl laut Quelle ist 25.290 (Differenz −5).");
  });

  test("missing bands: shares of the published total, the missing bands stay null and the remainder is named", () => {
    const {rows: shares, basis} = bandShares(diesdorf, {total: 45});
    expect(shares.map((r) => r.value)).toEqual([null, null, (100 * 23) / 45, (100 * 14) / 45, 0]);
    expect(basis.kind).toBe("total");
    expect(basis.missing).toEqual(["0–6 Jahre", "7–17 Jahre"]);
    expect(basis.missingShare).toBeCloseTo((100 * 8) / 45, 10);
    expect(shareBasisText(basis)).toContain("nicht auf die unvollständige Summe der Altersgruppen (37)");
    expect(shareBasisText(basis)).toContain("17,8 %");
  });

  test("missing bands without a total: no shares at all, never shares of an incomplete sum", () => {
    const {rows: shares, basis} = bandShares(diesdorf);
    expect(shares.every((r) => r.value === null)).toBe(true);
    expect(basis.kind).toBe("none");
    expect(shareBasisText(basis)).toMatch(/^Keine Anteile: 0–6 Jahre, 7–17 Jahre ohne Angabe/);
  });

  test("nobody in the area: no shares (no division by zero)", () => {
    const {rows: shares, basis} = bandShares(rows(MD_BANDS, [0, 0, 0, 0, 0]), {total: 0});
    expect(shares.every((r) => r.value === null)).toBe(true);
    expect(shareBasisText(basis)).toBe("Keine Anteile: keine Personen in diesen Altersgruppen.");
  });
});

describe("ageStructure", () => {
  test("absolute: one bar per band, lengths proportional to the counts, youngest at the bottom, German labels", () => {
    const el = ageStructure(alteNeustadt, {width: 640, label: "Alte Neustadt", document: doc()});
    const bars = [...el.querySelectorAll<SVGRectElement>("rect.bar")];
    expect(bars.map((b) => b.dataset.band)).toEqual(["0-6", "7-17", "18-44", "45-64", "65+"]);
    const w = (band: string) => Number(bars.find((b) => b.dataset.band === band)!.getAttribute("width"));
    expect(w("18-44") / w("0-6")).toBeCloseTo(2664 / 145, 6);
    const y = (band: string) => Number(bars.find((b) => b.dataset.band === band)!.getAttribute("y"));
    expect(y("0-6")).toBeGreaterThan(y("65+"));
    expect([...el.querySelectorAll("text.value-label")].map((t) => t.textContent)).toEqual(["145", "189", "2.664", "194", "33"]);
    expect(el.querySelector(".atlas-sex-note")?.textContent).toContain("Keine Aufteilung nach Geschlecht in der Quelle");
  });

  test("relative with a comparison: bars are shares summing to 100, ticks sit at the comparison's shares", () => {
    const el = ageStructure(alteNeustadt, {width: 640, relative: true, total: 3225, compare: magdeburg, compareLabel: "Magdeburg", compareTotal: 34303, document: doc()});
    const bars = [...el.querySelectorAll<SVGRectElement>("rect.bar")];
    const sum = bars.reduce((s, b) => s + Number(b.dataset.value), 0);
    expect(sum).toBeCloseTo(100, 10);
    expect(Number(bars[2].dataset.value)).toBeCloseTo((100 * 2664) / 3225, 10);
    expect(bars[2].dataset.count).toBe("2664");
    expect(el.querySelectorAll("text.value-label")[2].textContent).toBe("82,6 %");
    const ticks = [...el.querySelectorAll<SVGLineElement>("line.compare-tick")];
    expect(ticks.map((t) => Number(t.dataset.value))).toEqual([3194, 4382, 20689, 4825, 1213].map((v) => (100 * v) / 34303));
    // The tick of 18–44 (city 60,3 %) lies left of the bar's end (Alte Neustadt 82,6 %), in proportion.
    const x0 = Number(bars[2].getAttribute("x"));
    const barEnd = x0 + Number(bars[2].getAttribute("width"));
    expect((Number(ticks[2].getAttribute("x1")) - x0) / (barEnd - x0)).toBeCloseTo(20689 / 34303 / (2664 / 3225), 6);
    expect(el.textContent).toContain("Linie: Magdeburg");
  });

  test("absolute with a comparison area: no ticks (counts of different areas do not compare), and the chart says so", () => {
    const el = ageStructure(alteNeustadt, {width: 640, compare: magdeburg, compareLabel: "Magdeburg", document: doc()});
    expect(el.querySelectorAll("line.compare-tick")).toHaveLength(0);
    expect(el.textContent).toContain("Vergleichslinien nur in der Darstellung „relativ“");
  });

  test("a missing band gets no bar but a marker and „keine Angabe“; it is not drawn as zero", () => {
    const el = ageStructure(diesdorf, {width: 640, relative: true, total: 45, document: doc()});
    expect([...el.querySelectorAll<SVGRectElement>("rect.bar")].map((b) => b.dataset.band)).toEqual(["18-44", "45-64", "65+"]);
    expect([...el.querySelectorAll<SVGRectElement>("rect.missing")].map((b) => b.dataset.band)).toEqual(["0-6", "7-17"]);
    expect([...el.querySelectorAll("text.value-label")].map((t) => t.textContent)).toEqual(["keine Angabe", "keine Angabe", "51,1 %", "31,1 %", "0,0 %"]);
  });

  test("source names are text, never markup", () => {
    const el = ageStructure(alteNeustadt, {width: 640, label: "<img src=x onerror=alert(1)>", document: doc()});
    expect(el.querySelector("img")).toBeNull();
    expect(el.textContent).toContain("<img src=x onerror=alert(1)>");
  });
});

describe("age rows from facts", () => {
  test("bands in order, an absent band null with a flag, no band at all → null", () => {
    const r = bandRows([{age_group: "18-44", value: 23}, {age_group: "total", value: 45}, {age_group: "0-6", value: null, flag: "missing"}, {age_group: "65+", value: 0}, {age_group: "45-64", value: 14}], MD_BANDS);
    expect(r?.map((x) => [x.band, x.value, x.flag])).toEqual([["0-6", null, "missing"], ["7-17", null, "missing"], ["18-44", 23, null], ["45-64", 14, null], ["65+", 0, null]]);
    expect(bandRows([{age_group: "total", value: 0}], MD_BANDS)).toBeNull();
  });

  test("single years sort numerically with the open class last; folding 90–97 and 98+ into 90+ sums, or stays null", () => {
    const facts = [{age_group: "98+", value: 40}, {age_group: "10", value: 7}, {age_group: "90", value: 5}, {age_group: "2", value: 3}, {age_group: "97", value: 1}];
    const single = singleYearRows(facts);
    expect(single.map((r) => r.band)).toEqual(["2", "10", "90", "97", "98+"]);
    expect(single.at(-1)?.label).toBe("98 und älter");
    const folded = foldOpenClass(single, 90);
    expect(folded.derived).toBe(true);
    expect(folded.rows.map((r) => [r.band, r.value, r.flag])).toEqual([["2", 3, null], ["10", 7, null], ["90+", 46, "derived"]]);
    expect(foldOpenClass(singleYearRows([{age_group: "90", value: null}, {age_group: "91+", value: 2}]), 90).rows[0].value).toBeNull();
    const k3t1 = singleYearRows([{age_group: "89", value: 10}, {age_group: "90+", value: 2723}]);
    expect(foldOpenClass(k3t1, 90)).toEqual({rows: k3t1, derived: false});
  });
});

describe("ageFigure", () => {
  test("table and CSV rows: counts and shares of both populations in relative mode, counts only in absolute mode", async () => {
    const {ageFigure, ageTable} = await import("../../components/agefigure.ts");
    const own = {name: "Diesdorf", rows: diesdorf, total: 45};
    const city = {name: "Magdeburg insgesamt", rows: magdeburg, total: 34303};
    const relative = ageTable(own, city, true);
    expect(relative[0]).toEqual({Altersgruppe: "0–6 Jahre", Personen: null, Anteil: null, "Personen Vergleich": 3194, "Anteil Vergleich": (100 * 3194) / 34303});
    expect(relative[2].Anteil).toBeCloseTo((100 * 23) / 45, 10);
    const el = ageFigure(own, city, {width: 640, relative: false, id: "t", title: "T", source: "KISS-MD K3_T39", date: "2023-12-31", definition: "D", document: doc()});
    expect([...el.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual(["Altersgruppe", "Diesdorf: Personen"]);
    expect([...el.querySelectorAll("tbody tr")].map((tr) => tr.lastElementChild?.textContent)).toEqual(["–", "–", "23", "14", "0"]);
    expect(el.querySelector("figcaption")?.textContent).toContain("Vergleichsstriche nur in der Darstellung „relativ“");
  });
});
