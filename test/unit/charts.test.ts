/**
 * The line chart and the ranking, rendered in jsdom: what is drawn is what
 * the data says (values in the dots' titles, gaps for missing years, ties
 * sharing a rank, areas without a value listed, never drawn as 0).
 */
import {JSDOM} from "jsdom";
import {expect, test} from "vitest";
import {rank, ranking} from "../../components/rankingchart.ts";
import {pointLabel, timeseries} from "../../components/timeseries.ts";
import {esc} from "../../loaders/site/html.ts";

const {document} = new JSDOM("<!doctype html><body></body>").window;

// Integrationsmonitoring 1.2.2 (IM data/indicator_1-2-2.csv rows 888, 992, 937, 989, 1041): Wolfsburg and
// Niedersachsen 2022–2024; Wolfsburg's 2023 value (row 940) is left out here to test the gap.
const rows = [
  {series: "Wolfsburg", year: 2022, value: 19.0257301863275, flag: null},
  {series: "Wolfsburg", year: 2023, value: null, flag: "missing"},
  {series: "Wolfsburg", year: 2024, value: 20.0254708243285, flag: null},
  {series: "Niedersachsen", year: 2022, value: 12.8391760343243, flag: null},
  {series: "Niedersachsen", year: 2023, value: 13.2972007653534, flag: null},
  {series: "Niedersachsen", year: 2024, value: 13.6562121579529, flag: null}
];

test("the line chart: a dot with its German value per value, a gap where one is missing, the Land dashed", () => {
  const svg = timeseries(rows, {width: 640, reference: "Niedersachsen", unit: "percent", document});
  const titles = [...svg.querySelectorAll("circle title")].map((t) => t.textContent);
  expect(titles).toEqual(expect.arrayContaining(["Wolfsburg 2022: 19,0 %", "Wolfsburg 2024: 20,0 %", "Niedersachsen 2023: 13,3 %"]));
  expect(titles).toHaveLength(5);
  const wolfsburg = [...svg.querySelectorAll('g[aria-description="Linien"] path')].map((p) => p.getAttribute("d") ?? "");
  // Two points either side of the gap: no segment joins 2022 and 2024 (each lone point is its own move).
  expect(wolfsburg.join("").includes("L")).toBe(false);
  expect(svg.querySelector('g[aria-description="Referenz"] path')?.getAttribute("d")).toMatch(/^M[^M]*L[^M]*L/);
});

test("point labels say when the atlas computed a value", () => {
  expect(pointLabel({series: "Stadt Göttingen", year: 2022, value: 1.1589332644004997, flag: "derived"}, "percent")).toBe("Stadt Göttingen 2022: 1,2 % (berechnet)");
});

test("ranking: highest first, ties share a rank, missing values are left out", () => {
  const ranked = rank([
    {area_id: "a", name: "A", value: 2},
    {area_id: "b", name: "B", value: 5},
    {area_id: "c", name: "C", value: 2},
    {area_id: "d", name: "D", value: null}
  ]);
  expect(ranked.map((r) => [r.name, r.rank])).toEqual([["B", 1], ["A", 2], ["C", 2]]);
});

// IM 1-2-2, 2024: Wolfsburg row 992, Rotenburg (Wümme) row 1017, Niedersachsen row 1041.
test("the ranking chart names the areas without a value and draws the Land as a line", () => {
  const el = ranking([{area_id: "03103", name: "Wolfsburg", value: 20.0254708243285}, {area_id: "03357", name: "Landkreis Rotenburg (Wümme)", value: 10.2227794387115}, {area_id: "x", name: "Ohneland", value: null}], {width: 600, unit: "percent", highlight: new Set(["03103"]), reference: {name: "Niedersachsen", value: 13.6562121579529}, document});
  expect([...el.querySelectorAll("rect title")].map((t) => t.textContent)).toEqual(["1. Wolfsburg: 20,0 %", "2. Landkreis Rotenburg (Wümme): 10,2 %"]);
  expect(el.textContent).toContain("Ohne Wert für dieses Jahr: Ohneland.");
  expect(el.textContent).toContain("Niedersachsen: 13,7 %");
});

test("generated pages escape names: no markup, no Framework interpolation", () => {
  expect(esc("<script>alert(1)</script> ${x} & „Zitat“")).toBe("&lt;script&gt;alert(1)&lt;/script&gt; &#36;{x} &amp; „Zitat“");
});

// Framework's `width` is 0 before the first layout (seen in CI on /vergleich: 48 "negative width" errors).
test("a zero width still draws every bar and line with positive sizes", () => {
  const el = ranking([{area_id: "03103", name: "Wolfsburg", value: 20.0254708243285}, {area_id: "03357", name: "Landkreis Rotenburg (Wümme)", value: 10.2227794387115}], {width: 0, unit: "percent", document});
  const widths = [...el.querySelectorAll("rect")].map((r) => Number(r.getAttribute("width")));
  expect(widths).toHaveLength(2);
  for (const w of widths) expect(w).toBeGreaterThan(0);
  const svg = timeseries(rows, {width: 0, reference: "Niedersachsen", unit: "percent", document});
  expect(Number(svg.getAttribute("width") ?? svg.querySelector("svg")?.getAttribute("width"))).toBeGreaterThanOrEqual(260);
});

// Every Kreis of Germany in one ranking was 400 bars and 9,800 px tall.
test("a ranking of 400 areas shows the top and bottom ten and the chosen places, the rest as marked gaps", () => {
  const rows = Array.from({length: 400}, (_, i) => ({area_id: `k${i}`, name: `Kreis ${String(i).padStart(3, "0")}`, value: 400 - i}));
  const el = ranking(rows, {width: 800, highlight: new Set(["k200"]), document});
  const bars = [...el.querySelectorAll("rect title")].map((t) => t.textContent);
  expect(bars).toHaveLength(21);
  expect(bars[0]).toBe("1. Kreis 000: 400");
  expect(bars).toContain("201. Kreis 200: 200");
  expect(bars.at(-1)).toBe("400. Kreis 399: 1");
  expect(el.textContent).toContain("… 190 weitere (Rang 11–200)");
  expect(el.textContent).toContain("… 189 weitere (Rang 202–390)");
  expect(el.textContent).toContain("von 400 Werten");
  const svg = el.querySelector("svg")!;
  expect(Number(svg.getAttribute("height"))).toBeLessThan(600);
});

// issue 15: one fixed colour per place, on /vergleich, its embeds and the profiles.
test("a place's line takes the colour given for it; other lines keep the palette", () => {
  const svg = timeseries(rows, {width: 600, reference: "Niedersachsen", unit: "percent", colorOf: (name) => (name === "Wolfsburg" ? "#ff00aa" : undefined), document});
  const strokes = [...svg.querySelectorAll('g[aria-description="Linien"] path')].map((p) => p.getAttribute("stroke"));
  expect(strokes.length).toBeGreaterThan(0);
  expect(new Set(strokes)).toEqual(new Set(["#ff00aa"]));
});
