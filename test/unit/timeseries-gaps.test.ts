/**
 * Line charts on real data: a missing year is a gap (the line breaks in two),
 * the x-axis covers the years with values, not the empty years before them,
 * and end labels fit inside the chart (shortened, full name as tooltip).
 * Data: Integrationsmonitoring 1.3.1, Landkreis Rotenburg (Wümme), persons
 * with migration background in the wider sense, per cent — the mirror's file
 * has 2011–2016 without values and no row at all for 2020.
 */
import {JSDOM} from "jsdom";
import {describe, expect, test} from "vitest";
import {endLabel, textWidth, timeseries, withGaps, type TimeRow} from "../../components/timeseries.ts";
import {availability, readSourceText} from "../../loaders/source/fetch.ts";

const {document} = new JSDOM("<!doctype html><body></body>").window;
const FILE = "data/indicator_1-3-1.csv";
const present = availability("im-niedersachsen").available.includes(FILE);

/** Rotenburg's and the Land's rows of the chosen variant, straight from the pinned file (empty value → null, as the parser reads it). */
async function rotenburg(): Promise<TimeRow[]> {
  const text = await readSourceText("im-niedersachsen", FILE, {network: false});
  const rows: TimeRow[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^(\d{4}),"?([^",]+(?:, [^",]+)?)"?,Personen mit Migrationshintergrund im weiteren Sinne,%,(\w*),(.*)$/.exec(line);
    if (!m || !["Rotenburg (Wümme)", "Niedersachsen"].includes(m[2])) continue;
    rows.push({series: m[2] === "Niedersachsen" ? "Niedersachsen" : "Landkreis Rotenburg (Wümme)", year: Number(m[1]), value: m[4] === "" ? null : Number(m[4])});
  }
  return rows;
}

describe.runIf(present)("line chart of a series with a missing year (real data)", () => {
  test("the file has no 2020 row for Rotenburg and empty values 2011–2016", async () => {
    const rows = (await rotenburg()).filter((r) => r.series !== "Niedersachsen");
    expect(rows.find((r) => r.year === 2020)).toBeUndefined();
    expect(rows.find((r) => r.year === 2019)?.value).toBe(15.38);
    expect(rows.find((r) => r.year === 2021)?.value).toBeCloseTo(16.840171463564, 9);
    expect(rows.filter((r) => r.value === null).map((r) => r.year).sort()).toEqual([2011, 2012, 2013, 2014, 2015, 2016]);
  });

  test("a series with a missing year draws two line pieces", async () => {
    const svg = timeseries(await rotenburg(), {width: 640, reference: "Niedersachsen", unit: "percent", document});
    const line = svg.querySelector('g[aria-description="Linien"] path')!.getAttribute("d")!;
    // One path, two pieces: 2017–2019 and 2021–2024, each starting with its own move.
    expect(line.match(/M/g)).toHaveLength(2);
    const pieces = line.split("M").filter(Boolean).map((p) => p.split("L").length);
    expect(pieces).toEqual([3, 4]);
    // The Land has a 2020 value (22,8 %, row 2918): its line is one piece.
    expect(svg.querySelector('g[aria-description="Referenz"] path')!.getAttribute("d")!.match(/M/g)).toHaveLength(1);
  });

  test("the x-axis starts with the first value (2017), not with the empty years (2011)", async () => {
    const svg = timeseries(await rotenburg(), {width: 640, reference: "Niedersachsen", unit: "percent", document});
    const ticks = [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
    expect(ticks[0]).toBe("2017");
    expect(ticks.at(-1)).toBe("2024");
  });

  test("end labels stay inside the chart at 390 px and carry the full name", async () => {
    const svg = timeseries(await rotenburg(), {width: 390, reference: "Niedersachsen", unit: "percent", document});
    const labels = [...svg.querySelectorAll('g[aria-description="Beschriftung"] text')];
    expect(labels.map((t) => t.querySelector("title")?.textContent).sort()).toEqual(["Landkreis Rotenburg (Wümme)", "Niedersachsen"]);
    const marginRight = 390 - Number(svg.querySelector('g[aria-label="x-axis tick"] path')?.getAttribute("d")?.match(/^M([\d.]+)/)?.[1] ?? 0);
    for (const t of labels) expect(textWidth(t.childNodes[0].textContent ?? "")).toBeLessThanOrEqual(390 / 3);
    expect(marginRight).toBeGreaterThan(0);
  });
});

test("withGaps: a missing year becomes a null, a biennial series stays whole", () => {
  const gaps = withGaps([{series: "a", year: 2017, value: 1}, {series: "a", year: 2018, value: 2}, {series: "a", year: 2021, value: 3}, {series: "b", year: 2011, value: 1}, {series: "b", year: 2013, value: 2}]);
  expect(gaps.filter((r) => r.value === null).map((r) => `${r.series}${r.year}`)).toEqual(["a2019", "a2020"]);
});

test("endLabel: abbreviates, then cuts", () => {
  expect(endLabel("Niedersachsen", 200)).toBe("Niedersachsen");
  expect(endLabel("Landkreis Rotenburg (Wümme)", 140)).toBe("LK Rotenburg (Wümme)");
  expect(endLabel("Landkreis Rotenburg (Wümme)", 60)).toMatch(/^LK Rot.*…$/);
});
