/**
 * Readable maps and the Magdeburg Stadtteil profiles, from the pinned KISS-MD
 * files and boundaries (jsdom): names on the map and in its exported image,
 * legend classes that highlight exactly their areas in map and ranking,
 * areas reachable and selectable with the keyboard, the small-base rule
 * (Industriehafen, Sülzegrund), and every Stadtteil profile's numbers equal
 * to the loader's facts.
 *   KISS = SmartCityMagdeburg2026/Datasources/…/data/kiss-md/json/bevoelkerung/
 */
import {existsSync} from "node:fs";
import {JSDOM} from "jsdom";
import {feature} from "topojson-client";
import type {Topology} from "topojson-specification";
import {beforeAll, describe, expect, test} from "vitest";
import {classOf} from "../../components/classify.ts";
import {legendOf, type GeoFeature} from "../../components/choropleth.ts";
import * as md from "../../components/charts/magdeburg-stadtteile.ts";
import {exportFigure} from "../../components/figure.ts";
import {serializeSvg} from "../../components/exportsvg.ts";
import {rankingTable} from "../../components/ranking.ts";
import {isSmallBase} from "../../components/smallbase.ts";
import {stadtteilSlug} from "../../components/stadtteil.ts";
import {BOUNDARIES} from "../../loaders/model/maps.ts";
import type {Fact} from "../../loaders/model/model.ts";
import {firstAndLatest, stadtteilProfiles, type StadtteilProfile} from "../../loaders/model/stadtteile.ts";
import {buildMagdeburgFacts} from "../../loaders/model/tables.ts";
import {mirrorDir} from "../../loaders/source/paths.ts";
import {stadtteilChart, stadtteilList, stadtteilMarkdown} from "../../loaders/site/stadtteil-page.ts";

const mirrorPresent = existsSync("/work/shared/data/mirror") && mirrorDir() !== undefined;

test("the small-base rule: fewer than 500 in the base or fewer than 50 in the numerator; unknown counts are not judged", () => {
  expect(isSmallBase(237, 286)).toBe(true);
  expect(isSmallBase(0, 7)).toBe(true);
  expect(isSmallBase(49, 10_000)).toBe(true);
  expect(isSmallBase(50, 500)).toBe(false);
  expect(isSmallBase(null, null)).toBe(false);
  expect(isSmallBase(null, 499)).toBe(true);
});

test("Stadtteil slugs: umlauts spelled out, spaces and hyphens one hyphen", () => {
  expect(stadtteilSlug("Sülzegrund")).toBe("suelzegrund");
  expect(stadtteilSlug("Großer Silberberg")).toBe("grosser-silberberg");
  expect(stadtteilSlug("Randau-Calenberge")).toBe("randau-calenberge");
  expect(stadtteilSlug("Leipziger Straße")).toBe("leipziger-strasse");
});

describe.runIf(mirrorPresent)("Magdeburg map and Stadtteil profiles (real data)", () => {
  let facts: Fact[];
  let stadtteile: GeoFeature[];
  let profiles: StadtteilProfile[];
  const {window} = new JSDOM("<!doctype html><html lang=\"de\"><body></body></html>");
  const doc = window.document;
  beforeAll(async () => {
    facts = (await buildMagdeburgFacts()).facts;
    const topology = JSON.parse(JSON.stringify(await BOUNDARIES["magdeburg-stadtteile"]())) as Topology;
    stadtteile = (feature(topology, topology.objects.stadtteile) as unknown as {features: GeoFeature[]}).features;
    profiles = stadtteilProfiles(facts);
  }, 180_000);

  const fact = (name: string, indicator: string, year: number) => facts.find((f) => f.area_name === name && f.area_level === "stadtteil" && f.indicator === indicator && f.year === year && f.sex === "total" && f.age_group === "total");
  const view2025 = () => md.mdView(md.mdRows(facts, "anteil", "18-44"), {measure: "anteil", year: 2025, base: 2011, age: "18-44"});

  test("2025 ranking: Industriehafen (237 of 286, 82,9 %) and Sülzegrund (0 of 7) are marked, without rank, after the ranked Stadtteile", () => {
    expect(fact("Industriehafen", "md:bevoelkerung", 2025)?.value).toBe(286);
    expect(fact("Industriehafen", "md:auslaender", 2025)?.value).toBe(237);
    expect(fact("Sülzegrund", "md:bevoelkerung", 2025)?.value).toBe(7);
    const view = view2025();
    const industriehafen = view.tableRows.find((r) => r.Stadtteil === "Industriehafen")!;
    const suelzegrund = view.tableRows.find((r) => r.Stadtteil === "Sülzegrund")!;
    expect(industriehafen.Wert).toBeCloseTo(82.867, 3);
    expect(industriehafen.Rang).toBeNull();
    expect(industriehafen.Hinweis).toBe("kleine Basis, ohne Rang");
    expect(suelzegrund.Wert).toBe(0);
    expect(suelzegrund.Rang).toBeNull();
    expect(suelzegrund.Hinweis).toBe("kleine Basis, ohne Rang");
    // First place goes to a Stadtteil on a sufficient base.
    const first = view.tableRows[0];
    expect(first.Rang).toBe(1);
    expect(first.Stadtteil).not.toBe("Industriehafen");
    expect(isSmallBase(first.Zaehler, first.Nenner)).toBe(false);
    // Every unranked row with a value follows every ranked row.
    const lastRanked = view.tableRows.findLastIndex((r) => r.Rang !== null);
    expect(view.tableRows.slice(0, lastRanked + 1).every((r) => r.Rang !== null)).toBe(true);
  });

  test("the change map: Industriehafen's +26,5 Pp. (2015–2025) is not ranked first", () => {
    const view = md.mdView(md.mdRows(facts, "veraenderung", "18-44"), {measure: "veraenderung", year: 2025, base: 2015, age: "18-44"});
    const row = view.data.find((d) => d.name === "Industriehafen")!;
    expect(row.value).toBeCloseTo(26.5, 1);
    expect(row.smallBase).toBe(true);
    expect(view.ranked[0].name).not.toBe("Industriehafen");
    expect(view.rankOf.has(row.area_id)).toBe(false);
  });

  const mapOf = (options: Partial<Parameters<typeof md.mdMapFigure>[2]> = {}) =>
    md.mdMapFigure(view2025(), stadtteile, {width: 760, method: "quantile", classes: 5, symbols: false, document: doc, ...options});

  test("the map: every Stadtteil a focusable button with name and value; Enter selects it", () => {
    const chosen: string[] = [];
    const map = mapOf({onSelect: (id) => chosen.push(id)});
    const paths = [...map.querySelectorAll("path[data-area-id]")];
    expect(paths).toHaveLength(40);
    for (const p of paths) {
      expect(p.getAttribute("tabindex")).toBe("0");
      expect(p.getAttribute("role")).toBe("button");
    }
    const altstadt = paths.find((p) => p.getAttribute("data-area-id") === "15003000-st01")!;
    const share = fact("Altstadt", "md:auslaenderanteil", 2025)!.value!;
    expect(altstadt.getAttribute("aria-label")).toBe(`Altstadt, Anteil ausländisch: ${share.toFixed(1).replace(".", ",")} %, Rang ${view2025().rankOf.get("15003000-st01")} von ${view2025().ranked.length}`);
    altstadt.dispatchEvent(new window.KeyboardEvent("keydown", {key: "Enter", bubbles: true}));
    expect(chosen).toEqual(["15003000-st01"]);
    const industriehafen = paths.find((p) => p.getAttribute("data-area-id") === "15003000-st68")!;
    expect(industriehafen.getAttribute("aria-label")).toContain("kleine Basis: ohne Rangplatz");
    expect(industriehafen.getAttribute("data-small-base")).toBe("true");
  });

  test("legend click highlights exactly the areas of that class in map and ranking; a second click clears", () => {
    let highlighted: string[] | null = null;
    const map = mapOf({onSelect: () => {}, onClassSelect: (ids) => (highlighted = ids)});
    const view = view2025();
    const buttons = [...map.querySelectorAll<HTMLButtonElement>(".atlas-legend-class")];
    expect(buttons.length).toBeGreaterThanOrEqual(5);
    const top = buttons.find((b) => b.dataset.classIndex === "4")!;
    top.click();
    expect(top.textContent).toMatch(/und mehr$/);
    // The class's areas, computed independently: the same classification of the same values.
    const legend = legendOf(stadtteile.map((f) => view.data.find((d) => d.area_id === String(f.id))?.value ?? null), {method: "quantile", classes: 5});
    const expected = view.data.filter((d) => d.value !== null && classOf(d.value, legend.breaks) === 4).map((d) => d.area_id).sort();
    const paths = [...map.querySelectorAll<SVGPathElement>("path[data-area-id]")];
    const hits = paths.filter((p) => p.classList.contains("atlas-class-hit")).map((p) => p.dataset.areaId).sort();
    expect(hits).toEqual(expected);
    expect(hits.length).toBeGreaterThan(0);
    expect(paths.filter((p) => p.classList.contains("atlas-class-dim"))).toHaveLength(40 - hits.length);
    expect([...(highlighted ?? [])].sort()).toEqual(expected);
    // The ranking table of the page gets the same ids and highlights exactly those rows.
    const table = rankingTable(view.tableRows, {columns: view.tableColumns, nameKey: "Stadtteil", caption: "Rangfolge", highlight: highlighted, document: doc});
    expect([...table.querySelectorAll("tr[data-class-hit]")].map((tr) => tr.getAttribute("data-area-id")).sort()).toEqual(expected);
    top.click();
    expect(highlighted).toBeNull();
    expect(paths.some((p) => p.classList.contains("atlas-class-hit") || p.classList.contains("atlas-class-dim"))).toBe(false);
    expect(top.getAttribute("aria-pressed")).toBe("false");
  });

  test("the exported image (SVG, and the PNG drawn from it) carries all 40 Stadtteil names; the legend comes before the map", () => {
    const map = mapOf({labels: true});
    const svg = serializeSvg(exportFigure(map, {document: doc}), new window.XMLSerializer());
    const names = [...new Set(stadtteile.map((f) => String(f.properties.name)))];
    expect(names).toHaveLength(40);
    const visible = new JSDOM(svg, {contentType: "image/svg+xml"}).window.document;
    // Names drawn on the map, or numbers with the name in the key under it: visible text, not only tooltips.
    const texts = [...visible.querySelectorAll("text")].map((t) => t.textContent ?? "").join(" | ");
    for (const name of names) expect(texts, name).toContain(name);
    const drawn = [...map.querySelectorAll("text[data-label-kind]")];
    expect(drawn).toHaveLength(40);
    const inner = map.querySelector(".atlas-map")!;
    expect(inner.firstElementChild?.classList.contains("atlas-legend")).toBe(true);
  });

  test("40 Stadtteil profiles, values equal to the loader's facts, rank equal to the map's", () => {
    expect(profiles).toHaveLength(40);
    expect(new Set(profiles.map((p) => p.slug)).size).toBe(40);
    const latestYears = new Map<string, number>();
    for (const p of profiles) {
      const {latest} = firstAndLatest(p);
      // The latest year with a share in the loader's facts. Großer Silberberg and Kreuzhorst have none: their only published share (2021) is 0 of 0 inhabitants, which the model leaves empty (issue 18).
      const years = facts.filter((f) => f.area_id === p.area_id && f.indicator === "md:auslaenderanteil" && f.value !== null && f.sex === "total" && f.age_group === "total").map((f) => f.year as number);
      if (years.length === 0) {
        expect(["Großer Silberberg", "Kreuzhorst"], p.name).toContain(p.name);
        expect(latest ?? null, p.name).toBeNull();
        continue;
      }
      const year = Math.max(...years);
      latestYears.set(p.name, year);
      expect(latest?.year, p.name).toBe(year);
      expect(latest!.bevoelkerung, p.name).toBe(fact(p.name, "md:bevoelkerung", year)?.value ?? null);
      expect(latest!.auslaender, p.name).toBe(fact(p.name, "md:auslaender", year)?.value ?? null);
      expect(latest!.anteil, p.name).toBe(fact(p.name, "md:auslaenderanteil", year)?.value ?? null);
      const view = md.mdView(md.mdRows(facts, "anteil", "18-44"), {measure: "anteil", year, base: year, age: "18-44"});
      expect(latest!.rank, p.name).toBe(view.rankOf.get(p.area_id) ?? null);
      const page = stadtteilMarkdown(p);
      expect(page).toContain(`<td class="num" data-value="${latest!.anteil}" data-year="${year}">`);
      expect(page).toContain(`/karten/magdeburg?gebiet=${p.area_id}`);
      expect(page).toMatch(/^---\ntitle: .*\nindex: true\n/);
    }
    expect([...latestYears.values()].filter((y) => y === 2025).length).toBeGreaterThanOrEqual(30);
  });

  test("Industriehafen's and Sülzegrund's profiles carry the small-base caveat and no rank; Altstadt's a rank and no caveat", () => {
    const by = (slug: string) => profiles.find((p) => p.slug === slug)!;
    for (const slug of ["industriehafen", "suelzegrund"]) {
      const page = stadtteilMarkdown(by(slug));
      expect(page, slug).toContain(`data-small-base="true"`);
      expect(page, slug).toContain("kleine Basis, ohne Rang");
      expect(page, slug).toContain(`data-rank=""`);
    }
    expect(stadtteilMarkdown(by("industriehafen"))).toContain("Ausländer 237, Einwohner 286");
    expect(stadtteilMarkdown(by("suelzegrund"))).toContain("Ausländer 0, Einwohner 7");
    const altstadt = by("altstadt");
    expect(firstAndLatest(altstadt).latest!.smallBase).toBe(false);
    expect(stadtteilMarkdown(altstadt)).not.toContain(`<div class="atlas-notice atlas-smallbase"`);
    expect(stadtteilMarkdown(altstadt)).toMatch(/data-rank="\d+"/);
  });

  test("foreigners by age group against the city, and the chart spec with the city as reference", () => {
    const altstadt = profiles.find((p) => p.slug === "altstadt")!;
    expect(altstadt.ageYear).toBe(2025);
    const groups = facts.filter((f) => f.area_name === "Altstadt" && f.area_level === "stadtteil" && f.indicator === "md:auslaender" && f.year === 2025 && f.age_group !== "total");
    for (const a of altstadt.ages) expect(a.anzahl, a.age).toBe(groups.find((g) => g.age_group === a.age)?.value ?? null);
    const total = fact("Altstadt", "md:auslaender", 2025)!.value!;
    expect(altstadt.ages[2].anteil).toBeCloseTo((100 * altstadt.ages[2].anzahl!) / total, 10);
    const spec = stadtteilChart(altstadt)!;
    expect(spec.id).toBe("md-stadtteil-altstadt-auslaenderanteil");
    expect(spec.page).toBe("/orte/magdeburg/altstadt");
    expect(spec.reference).toBe("Magdeburg insgesamt");
    expect(spec.rows.find((r) => r.series === "Altstadt" && r.year === 2025)?.value).toBe(fact("Altstadt", "md:auslaenderanteil", 2025)!.value);
  });

  test("the Magdeburg profile's list links all 40 Stadtteil profiles", () => {
    const list = stadtteilList(profiles);
    expect(list.match(/<a href="\/orte\/magdeburg\/[a-z0-9-]+">/g)).toHaveLength(40);
    expect(list).toContain(`<a href="/orte/magdeburg/industriehafen">Industriehafen</a> <small>82,9 % (2025), kleine Basis</small>`);
  });
});
