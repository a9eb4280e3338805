// The home page writer: figures chosen from a profile, the sparkline's gaps, the reference dates.
import {describe, expect, test} from "vitest";
import {homeFigures, homeMarkdown, referenceDates, sparkline} from "../../loaders/site/home-page.ts";
import type {KeyFigure, Point, Profile} from "../../loaders/model/profiles.ts";

const pt = (year: number, value: number | null, flag: string | null = null): Point => ({year, value, flag, ref: `x.csv:${year}`});
const fig = (key: string, unit: string, series: Point[], extra: Partial<KeyFigure> = {}): KeyFigure =>
  ({key, label: key, unit, timing: "stock", indicator: `im:${key}`, source: "Quelle A", definition: "", area_note: "", series, land: [], unavailable: series.some((p) => p.value !== null) ? "" : "fehlt", per1000: [], compare: [], ...extra}) as KeyFigure;

const profile = (figures: KeyFigure[]): Profile =>
  ({place: {slug: "x", area_id: "03999", name: "Ort X", kind: "landkreis", concept: "x", parent_id: "", destatis_id: "", note: ""}, parent: null, children: [], figures, concept: null, related_concepts: []}) as unknown as Profile;

describe("homeFigures", () => {
  test("three figures in order; a figure without any value gives way to the next, never a 0", () => {
    const p = profile([
      fig("bevoelkerung", "count", [pt(2023, 1000), pt(2024, 1010)]),
      fig("auslaenderanteil", "percent", [pt(2024, 12.34)]),
      fig("einbuergerungen", "count", [pt(2023, null, "suppressed"), pt(2024, null, "missing")], {timing: "flow"}),
      fig("schutzsuchende", "persons", [pt(2018, 55)])
    ]);
    const figures = homeFigures(p);
    expect(figures.map((f) => [f.key, f.value, f.year, f.text, f.stand])).toEqual([
      ["bevoelkerung", 1010, 2024, "1.010", "31.12.2024"],
      ["auslaenderanteil", 12.34, 2024, "12,3 %", "31.12.2024"],
      ["schutzsuchende", 55, 2018, "55", "31.12.2018"]
    ]);
    expect(figures[0].change).toBe("+10 seit 2023");
  });
});

describe("sparkline", () => {
  test("a missing year is a gap in the line, not a drop to zero", () => {
    const svg = sparkline([pt(2020, 10), pt(2021, 12), pt(2022, null), pt(2023, 11), pt(2024, 14)], {label: "Anteil"});
    const d = /d="([^"]+)"/.exec(svg)![1];
    expect(d.match(/M/g)).toHaveLength(2);
    expect(svg).toContain(`data-value="14" data-year="2024"`);
    expect(svg).toContain(`aria-label="Anteil: Verlauf 2020–2024"`);
  });
  test("one value is no series", () => {
    expect(sparkline([pt(2018, 5), pt(2019, null)], {label: "x"})).toBe(`<span class="atlas-spark-none">keine Zeitreihe</span>`);
  });
});

test("reference dates: the newest per source, newest first", () => {
  const a = profile([fig("bevoelkerung", "count", [pt(2023, 1), pt(2024, 2)]), fig("einbuergerungen", "count", [pt(2022, 3)], {source: "Quelle B", timing: "flow"})]);
  expect(referenceDates([a])).toEqual([
    {source: "Quelle A", stand: "31.12.2024", year: 2024},
    {source: "Quelle B", stand: "Jahr 2022", year: 2022}
  ]);
});

test("the page links only to pages that exist; names are escaped", () => {
  const p = profile([fig("bevoelkerung", "count", [pt(2024, 1)])]);
  (p.place as {name: string}).name = "Ort <X>";
  const md = homeMarkdown([p], {routes: new Set(["/orte/", "/vergleich"])});
  expect(md).toContain("Ort &lt;X&gt;");
  expect(md).toContain(`<a href="/vergleich">`);
  expect(md).not.toContain(`href="/karten/niedersachsen"`);
  expect(md).not.toContain(`href="/konzepte/katalog`);
});

test("a change across the Zensus 2022 rebasing is marked on the card, as on the profile (real data: Region Hannover)", async () => {
  const {siteBundle} = await import("../../loaders/site/site-bundle.ts");
  const {readComparability} = await import("../../loaders/model/comparability.ts");
  const rules = readComparability();
  const region = (await siteBundle()).profiles.find((p) => p.place.slug === "region-hannover")!;
  const population = homeFigures(region, rules).find((f) => f.key === "bevoelkerung")!;
  expect(population.change).toMatch(/seit 2019$/);
  expect(population.breaks.text).toBe("über den Reihenbruch „Zensus 2022“ (2021/2022) hinweg");
  // Naturalisations are a count of events, not rebased on the census.
  expect(homeFigures(region, rules).find((f) => f.key === "einbuergerungen")!.breaks.ids).toEqual([]);
  const html = homeMarkdown([region], {routes: new Set(["/orte/region-hannover"]), rules});
  expect(html).toContain('class="atlas-break"');
}, 240_000);
