/**
 * Issue 18: each comparison and profile figure's „Quelle“ reaches the exact
 * files behind its points (path at the pinned commit, canonical URL, SHA-256
 * where the build has the register), derived from the facts' own
 * provenance; and their downloads carry the series breaks of their rows.
 * Real data: IM = christoph-LSN/IM_Data @ bb9749e, KISS-MD =
 * SmartCityMagdeburg2026/Datasources @ 4779457.
 */
import {readFileSync} from "node:fs";
import {createHash} from "node:crypto";
import {join} from "node:path";
import {csvParseRows} from "d3";
import {tableFromIPC} from "apache-arrow";
import {JSDOM} from "jsdom";
import {beforeAll, describe, expect, test} from "vitest";
import * as vgl from "../../components/charts/vergleich.ts";
import type {ComparabilityRule} from "../../components/comparability.ts";
import {figureFiles} from "../../components/figure.ts";
import {profileChart} from "../../components/profilechart.ts";
import {catalogue} from "../../loaders/model/catalogue.ts";
import {readComparability} from "../../loaders/model/comparability.ts";
import {comparisonRows, comparisonTable} from "../../loaders/model/comparison.ts";
import {toIPC} from "../../loaders/model/model.ts";
import {profiles, type Profile} from "../../loaders/model/profiles.ts";
import {mirrorDir} from "../../loaders/source/paths.ts";
import {mirrorPath, source} from "../../loaders/source/sources.ts";
import {profileCharts} from "../../loaders/site/profile-page.ts";
import {stadtteilChart} from "../../loaders/site/stadtteil-page.ts";
import {stadtteilProfiles} from "../../loaders/model/stadtteile.ts";
import {readableFacts} from "../../loaders/site/site-bundle.ts";

const IM_COMMIT = "bb9749e675c0ce71e54f4cf26aae10b3b5010cef";
const KISS_COMMIT = "477945707257cd1023fc16f4c50dbe0b6b4fd75d";
const doc = () => new JSDOM("<!doctype html><html lang=\"de\"><body></body></html>").window.document;
/** The SHA-256 of a mirror file, computed here: the test does not take the register's word for it. */
const sha256Of = (id: string, path: string) => createHash("sha256").update(readFileSync(join(mirrorDir()!, mirrorPath(source(id), path)))).digest("hex");
/** The caption's file list: each file's link and the hash printed beside it. */
const captionFiles = (root: HTMLElement) => [...root.querySelectorAll(".atlas-figure-files li[data-source] li")].map((li) => ({href: li.querySelector("a")?.getAttribute("href"), text: li.querySelector("a")?.textContent, sha256: li.querySelector("code.atlas-sha256")?.textContent ?? null}));

describe.runIf(mirrorDir() !== undefined)("comparison and profile figures name the files behind their points (real data)", () => {
  let all: Profile[];
  let kissFacts: Awaited<ReturnType<typeof readableFacts>>["facts"];
  let rules: ComparabilityRule[];
  let data: vgl.ComparisonData;
  let entries: vgl.IndicatorEntry[];
  const view = (params: Record<string, string>) => vgl.comparisonFor(data, vgl.comparisonParams((n) => params[n] ?? null), {catalogue: entries, rules})!;

  beforeAll(async () => {
    const built = await readableFacts();
    all = profiles(built.facts);
    kissFacts = built.facts.filter((f) => f.source_id === "kiss-md");
    rules = JSON.parse(JSON.stringify(readComparability()));
    data = vgl.arrowComparisonData(tableFromIPC(toIPC(comparisonTable(comparisonRows(built.facts)))));
    entries = JSON.parse(JSON.stringify(catalogue(built.facts, built.indicators)));
  }, 240_000);

  const chart = (slug: string, id: string) => {
    const spec = profileCharts(all.find((p) => p.place.slug === slug)!, rules).find((c) => c.id === `${slug}-${id}`)!;
    // As the page inlines it: plain JSON.
    return profileChart(JSON.parse(JSON.stringify(spec)), {width: 640, document: doc()});
  };

  test("Wolfsburg's foreigners' share: the IM file of indicator 1-2-2 at commit bb9749e, its canonical URL and its SHA-256", () => {
    const root = chart("wolfsburg", "auslaenderanteil");
    expect(captionFiles(root)).toEqual([{text: "data/indicator_1-2-2.csv", href: `https://raw.githubusercontent.com/christoph-LSN/IM_Data/${IM_COMMIT}/data/indicator_1-2-2.csv`, sha256: sha256Of("im-niedersachsen", "data/indicator_1-2-2.csv")}]);
    const meta = JSON.parse(figureFiles(root).metadata);
    expect(meta.sources).toHaveLength(1);
    expect(meta.sources[0]).toMatchObject({id: "im-niedersachsen", commit: IM_COMMIT});
    expect(meta.sources[0].files).toEqual([{path: "data/indicator_1-2-2.csv", url: `https://raw.githubusercontent.com/christoph-LSN/IM_Data/${IM_COMMIT}/data/indicator_1-2-2.csv`, sha256: sha256Of("im-niedersachsen", "data/indicator_1-2-2.csv")}]);
  });

  test("Wolfsburg's share 2005–2024: the downloads list Zensus 2011 and 2022 and mark each row of Wolfsburg and the Land from the break year on", () => {
    const files = figureFiles(chart("wolfsburg", "auslaenderanteil"));
    expect(JSON.parse(files.metadata).series_breaks.map((b: {id: string}) => b.id)).toEqual(["zensus-2011", "zensus-2022"]);
    const rows = csvParseRows(files.machine.trimEnd()).slice(1);
    const mark = (name: string, year: number) => rows.find((r) => r[1] === name && r[2] === String(year))?.[9];
    expect([mark("Wolfsburg", 2010), mark("Wolfsburg", 2011), mark("Wolfsburg", 2021), mark("Wolfsburg", 2022), mark("Niedersachsen", 2024)]).toEqual(["", "zensus-2011", "zensus-2011", "zensus-2011;zensus-2022", "zensus-2011;zensus-2022"]);
  });

  test("Magdeburg's foreigners' share: the KISS-MD files of the printed and the derived shares (counts of foreigners and of inhabitants), at commit 4779457", () => {
    const files = captionFiles(chart("magdeburg", "auslaenderanteil"));
    const base = `https://raw.githubusercontent.com/SmartCityMagdeburg2026/Datasources/${KISS_COMMIT}/data/kiss-md/json/bevoelkerung/`;
    expect(files.map((f) => f.text)).toEqual(expect.arrayContaining([
      "data/kiss-md/json/bevoelkerung/entwicklung-der-auslaendischen-hauptwohnsitzbevoelkerung.json",
      "data/kiss-md/json/bevoelkerung/hauptwohnsitzbevoelkerung-nach-ausgewaehlten-indikatoren.json"
    ]));
    for (const f of files) {
      expect(f.href?.startsWith(base)).toBe(true);
      expect(f.sha256).toBe(sha256Of("kiss-md", f.text!));
    }
  });

  test("a Stadtteil profile (Altstadt): the printed shares' file (K3_T36) and, for the years before 2021, the counts' files (K3_T41 foreigners)", () => {
    const spec = stadtteilChart(stadtteilProfiles(kissFacts).find((p) => p.name === "Altstadt")!)!;
    const files = captionFiles(profileChart(JSON.parse(JSON.stringify(spec)), {width: 640, document: doc()}));
    const names = files.map((f) => f.text);
    expect(names).toEqual(expect.arrayContaining(["data/kiss-md/json/bevoelkerung/hauptwohnsitzbevoelkerung-nach-ausgewaehlten-indikatoren.json", "data/kiss-md/json/bevoelkerung/entwicklung-der-auslaendischen-hauptwohnsitzbevoelkerung.json"]));
    for (const f of files) expect(f.sha256).toBe(sha256Of("kiss-md", f.text!));
  });

  test("/vergleich, population 2019–2024 of Hannover city and Magdeburg: the lines name IM 1-1-1 and the KISS-MD population file; the Land's and Hannover's rows from 2022 on are marked as after the Zensus 2022, Magdeburg's register not", () => {
    const v = view({indikator: "im:1-1-1", orte: "03,03241001,15003000", bezug: "anzahl", jahr: "2024"});
    const lines = vgl.linesFigure(v, {width: 800, document: doc()});
    const files = captionFiles(lines);
    expect(files.map((f) => f.href)).toContain(`https://raw.githubusercontent.com/christoph-LSN/IM_Data/${IM_COMMIT}/data/indicator_1-1-1.csv`);
    expect(files.map((f) => f.text)).toContain("data/kiss-md/json/bevoelkerung/entwicklung-der-hauptwohnsitzbevoelkerung.json");
    const meta = JSON.parse(figureFiles(lines).metadata);
    expect(meta.sources.map((s: {id: string}) => s.id).sort()).toEqual(["im-niedersachsen", "kiss-md"]);
    expect(meta.series_breaks.map((b: {id: string}) => b.id)).toContain("zensus-2022");
    const rows = csvParseRows(figureFiles(lines).machine.trimEnd()).slice(1);
    const mark = (name: string, year: number) => rows.find((r) => r[1] === name && r[2] === String(year) && r[4] !== "Anzahl")?.[9] ?? "?";
    expect(mark("Landeshauptstadt Hannover", 2022)).toContain("zensus-2022");
    expect(mark("Landeshauptstadt Hannover", 2021)).not.toContain("zensus-2022");
    expect(mark("Niedersachsen", 2024)).toContain("zensus-2022");
    // The Zensus 2022 rule names its series (IM 1-1-1 …): Magdeburg's register is not rebased. (The Zensus 2011 rule names no series, so it marks every 1-1-1 line, as the chart's marker does.)
    expect(mark("Landeshauptstadt Magdeburg", 2024)).not.toContain("zensus-2022");
    expect(mark("Landeshauptstadt Magdeburg", 2024)).not.toBe("?");

    // The distance table: the change of Hannover city crosses the Zensus 2022, on its row of the download.
    const difference = figureFiles(vgl.differenceFigure(v, {document: doc()}));
    const hannover = csvParseRows(difference.machine.trimEnd()).filter((r) => r[1] === "Landeshauptstadt Hannover");
    expect(hannover.length).toBeGreaterThan(0);
    for (const r of hannover) expect(r[9]).toBe("zensus-2022");
    expect(JSON.parse(difference.metadata).series_breaks[0]).toMatchObject({id: "zensus-2022", year: 2022});
    // The ranking of one year: every Kreis's file, the same IM file.
    const ranking = captionFiles(vgl.rankingFigure(v, {width: 800, document: doc()}));
    expect(ranking.map((f) => f.text)).toContain("data/indicator_1-1-1.csv");
  });

  test("/vergleich per 1,000: the population divided by is named too (IM 2-3-1 with IM 1-1-1)", () => {
    const v = view({indikator: "im:2-3-1", orte: "03,03103", bezug: "je1000", jahr: "2024"});
    const files = captionFiles(vgl.linesFigure(v, {width: 800, document: doc()})).map((f) => f.text);
    expect(files).toEqual(expect.arrayContaining(["data/indicator_2-3-1.csv", "data/indicator_1-1-1.csv"]));
  });
});
