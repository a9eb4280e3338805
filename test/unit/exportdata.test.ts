/**
 * Data downloads of a figure, with the real Magdeburg map (KISS-MD from the
 * mirror): the German-spreadsheet CSV read back with `;` and decimal comma
 * gives the machine CSV's numbers; both carry area code, name, year,
 * reference date, value, unit and flag; the metadata names commit, files and
 * each source's licence by name; so does the exported image.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {csvParseRows, dsvFormat} from "d3";
import {JSDOM} from "jsdom";
import {beforeAll, describe, expect, test} from "vitest";
import {mdMapFigure, mdRows, mdView, mdYears} from "../../components/charts/magdeburg-stadtteile.ts";
import {exportNumber, exportRecords, germanCsv, GERMAN_HEADER, MACHINE_HEADER, machineCsv} from "../../components/exportdata.ts";
import {exportFigure, figureFiles} from "../../components/figure.ts";
import {licenceText, refLinks} from "../../components/provenance.ts";
import {SOURCE_REGISTRY} from "../../components/source-registry.ts";
import type {Fact} from "../../loaders/model/model.ts";
import {buildMagdeburgFacts} from "../../loaders/model/tables.ts";
import {mirrorDir} from "../../loaders/source/paths.ts";
import {registry} from "../../loaders/source/sources.ts";
import {registrySummary} from "../../scripts/source-registry.ts";

let facts: Fact[];
beforeAll(async () => {
  facts = (await buildMagdeburgFacts()).facts;
}, 120_000);

function mapFigure() {
  const {document} = new JSDOM("<!doctype html><body></body>").window;
  const rows = mdRows(facts, "anteil", "18-44");
  const view = mdView(rows, {measure: "anteil", year: 2025, base: mdYears(facts)[0], age: "18-44"});
  return {root: mdMapFigure(view, [], {width: 640, method: "quantile", classes: 5, symbols: false, document}), document};
}

const germanNumber = (s: string) => (s === "" ? null : Number(s.replace(",", ".")));

describe("Magdeburg's map 2025 as data downloads", () => {
  test("the German CSV (BOM, ;, decimal comma) read with ;/, settings gives the machine CSV's numbers, row for row", () => {
    const {german, machine} = figureFiles(mapFigure().root);
    expect(german.startsWith("\ufeff")).toBe(true);
    const de = dsvFormat(";").parseRows(german.slice(1).replace(/\r\n/g, "\n").trimEnd());
    const en = csvParseRows(machine.trimEnd());
    expect(de[0]).toEqual(GERMAN_HEADER);
    expect(en[0]).toEqual(MACHINE_HEADER);
    // The 38 Stadtteile with a 2025 row × share, foreigners, population.
    expect(de.length - 1).toBe(114);
    expect(en.length).toBe(de.length);
    for (let i = 1; i < de.length; i++) {
      expect(de[i][6]).not.toContain(".");
      expect(germanNumber(de[i][6]), `row ${i}`).toBe(en[i][6] === "" ? null : Number(en[i][6]));
      expect([de[i][0], de[i][1], de[i][2]]).toEqual([en[i][0], en[i][1], en[i][2]]);
      expect(de[i][3]).toBe("31.12.2025");
      expect(en[i][3]).toBe("2025-12-31");
    }
    // Altstadt: 4.366 foreigners (K3_T41/K3_T36), the share as KISS-MD publishes it, to 4 decimals.
    const altstadt = en.filter((r) => r[0] === "15003000-st01");
    const share = facts.find((f) => f.indicator === "md:auslaenderanteil" && f.area_id === "15003000-st01" && f.year === 2025 && f.sex === "total")?.value as number;
    expect(altstadt.map((r) => [r[1], r[4], r[6], r[7]])).toEqual([
      ["Altstadt", "Anteil ausländisch", share.toFixed(4), "percent"],
      ["Altstadt", "Ausländische Bevölkerung", "4366", "persons"],
      ["Altstadt", "Bevölkerung", String(facts.find((f) => f.indicator === "md:bevoelkerung" && f.area_id === "15003000-st01" && f.year === 2025 && f.sex === "total" && f.age_group === "total")?.value), "persons"]
    ]);
    expect(de.find((r) => r[0] === "15003000-st01" && r[4] === "Ausländische Bevölkerung")?.slice(5)).toEqual(["", "4366", "Personen", "", ""]);
    // No 15-digit quotients any more (the old CSV wrote 9.88952054059852).
    for (const r of en.slice(1)) expect((r[6].split(".")[1] ?? "").length).toBeLessThanOrEqual(4);
  }, 60_000);

  test("metadata: title, definition, reference date, source with commit and pinned files, licence by name, the figure's URL", () => {
    const meta = JSON.parse(figureFiles(mapFigure().root, {url: "https://atlas.example/karten/magdeburg?jahr=2025", root: "https://atlas.example/"}).metadata);
    expect(meta.title).toBe("Anteil ausländisch nach Stadtteilen, Magdeburg 2025");
    expect(meta.reference_date).toEqual({printed: "31.12.2025", iso: "2025-12-31"});
    expect(meta.url).toBe("https://atlas.example/karten/magdeburg?jahr=2025");
    const [kiss, osm] = meta.sources;
    expect(kiss.commit).toBe("477945707257cd1023fc16f4c50dbe0b6b4fd75d");
    expect(kiss.commit_url).toBe("https://github.com/SmartCityMagdeburg2026/Datasources/tree/477945707257cd1023fc16f4c50dbe0b6b4fd75d");
    expect(kiss.files.map((f: {url: string}) => f.url)).toContain("https://raw.githubusercontent.com/SmartCityMagdeburg2026/Datasources/477945707257cd1023fc16f4c50dbe0b6b4fd75d/data/kiss-md/json/bevoelkerung/hauptwohnsitzbevoelkerung-nach-ausgewaehlten-indikatoren.json");
    // Every named file is pinned in the register.
    for (const s of meta.sources) for (const f of s.files) expect(registry().sources.find((r) => r.id === s.id)?.files.map((x) => x.path)).toContain(f.path);
    // KISS-MD states no licence for its data: said so, with its own terms; the boundaries are ODbL 1.0.
    expect(kiss.licence).toBeNull();
    expect(kiss.licence_statement).toBe("keine Lizenz genannt; Nutzungsbedingungen: https://statistik.magdeburg.de/KISS-MD/");
    expect(osm.licence).toEqual({name: "ODbL 1.0", title: "Open Data Commons Open Database License 1.0", url: "https://opendatacommons.org/licenses/odbl/1-0/"});
    expect(meta.licence).toBe("Landeshauptstadt Magdeburg, Amt für Statistik (KISS-MD): keine Lizenz genannt; Nutzungsbedingungen: https://statistik.magdeburg.de/KISS-MD/; © OpenStreetMap-Mitwirkende: ODbL 1.0");
    expect(osm.register).toBe("https://atlas.example/quellen#quelle-magdeburg-stadtteile");
  }, 60_000);

  test("the exported image names each source's licence, not „Nutzungsbedingungen der genannten Quelle“", () => {
    const {root, document} = mapFigure();
    const texts = [...exportFigure(root, {document}).querySelectorAll("text")].map((t) => t.textContent).join(" ");
    expect(texts).toContain("ODbL 1.0");
    expect(texts).toContain("keine Lizenz genannt");
    expect(texts).not.toContain("Nutzungsbedingungen der genannten Quelle");
  }, 60_000);
});

describe("exports of bad and awkward input", () => {
  const columns = [{key: "Gebiet", label: "Gebiet"}, {key: "Wert", label: "Anteil", numeric: true, unit: "percent"}];
  test("a missing value stays empty and flagged, never 0; names with ; \" and line breaks survive both CSVs", () => {
    const rows = [{area_id: "x1", Gebiet: 'A; "B"\nC', Wert: null}, {area_id: "x2", Gebiet: "D", Wert: 0}, {area_id: "x3", Gebiet: "E", Wert: 1e-7}];
    const records = exportRecords(rows, columns);
    const de = dsvFormat(";").parseRows(germanCsv(records).slice(1).replace(/\r\n/g, "\n").trimEnd());
    expect(de[1]).toEqual(["x1", 'A; "B"\nC', "", "", "Anteil", "", "", "Prozent", "fehlt", ""]);
    expect(de[2].slice(6)).toEqual(["0", "Prozent", "", ""]);
    const en = csvParseRows(machineCsv(records).trimEnd());
    expect(en[1]).toEqual(["x1", 'A; "B"\nC', "", "", "Anteil", "", "", "percent", "missing", ""]);
    // A tiny quotient is rounded to 4 places like any other, not written as 1e-7.
    expect(en[3][6]).toBe("0");
  });
  test("an age table: the age group is a breakdown, not an area", () => {
    const records = exportRecords([{Altersgruppe: "0–6 Jahre", Personen: 185}], [{key: "Altersgruppe", label: "Altersgruppe"}, {key: "Personen", label: "Altstadt: Personen", numeric: true, unit: "persons"}]);
    expect(records).toEqual([{area_id: "", area_name: "", year: null, reference_date: "", measure: "Altstadt: Personen", category: "Altersgruppe: 0–6 Jahre", value: 185, unit: "persons", flag: "", digits: undefined}]);
  });
  test("precision: published values as parsed, declared digits, 15-digit quotients to 4 places", () => {
    expect(exportNumber(12.3)).toBe("12.3");
    expect(exportNumber(9.88952054059852)).toBe("9.8895");
    expect(exportNumber(412.345, 1)).toBe("412.3");
    expect(exportNumber(null)).toBe("");
    expect(exportNumber(Number.NaN)).toBe("");
  });
});

describe("provenance", () => {
  test("the browser's source summary is data/sources.json's (run npx tsx scripts/source-registry.ts after editing it)", () => {
    expect(SOURCE_REGISTRY).toEqual(registrySummary());
  });

  test("licences by name where the source states one; otherwise said so, with the source's own terms", () => {
    expect(licenceText(["destatis-kreise", "vg250-ew"])).toBe("© Statistisches Bundesamt (Destatis): dl-de/by-2-0; © GeoBasis-DE / BKG: dl-de/by-2-0");
    expect(licenceText(["im-niedersachsen"])).toBe("Integrationsmonitoring Niedersachsen, LSN: keine Lizenz genannt; Nutzungsbedingungen: https://integrationsmonitoring.niedersachsen.de/");
    expect(() => licenceText(["nope"])).toThrow(/unknown source/);
  });

  test("a Fundstelle links the file and line at the pinned commit, and a concept document's line", () => {
    const links = refLinks("data/indicator_1-2-3.csv:4; data/indicator_1-2-3.csv:628", "im-niedersachsen");
    expect(links.map((l) => l.href)).toEqual([
      "https://github.com/christoph-LSN/IM_Data/blob/bb9749e675c0ce71e54f4cf26aae10b3b5010cef/data/indicator_1-2-3.csv#L4",
      "https://github.com/christoph-LSN/IM_Data/blob/bb9749e675c0ce71e54f4cf26aae10b3b5010cef/data/indicator_1-2-3.csv#L628"
    ]);
    // The linked line is the one the finding is about: Wolfsburg (03103) 2024 in the mirror file.
    const im = registry().sources.find((s) => s.id === "im-niedersachsen")!;
    const line628 = readFileSync(join(mirrorDir() as string, im.repository, im.commit, "data/indicator_1-2-3.csv"), "utf8").split("\n")[627];
    expect(line628).toMatch(/^2024,/);
    expect(line628).toContain("03103");
    expect(refLinks("data/indicator_10-1.csv:6; 000_cf2b7c23d95d113b.txt:331 (abb10)", "goettingen-sdg", {root: "../"})).toEqual([
      {text: "data/indicator_10-1.csv:6", href: "https://github.com/OpenSDGde/goettingen-data/blob/a0fca0b" + registry().sources.find((s) => s.id === "goettingen-sdg")!.commit.slice(7) + "/data/indicator_10-1.csv#L6", kind: "file"},
      {text: "000_cf2b7c23d95d113b.txt:331 (abb10)", href: "../reproduktion/goettingen#goettingen-z331", kind: "document"}
    ]);
    // A JSON entry has no line: the file at the commit; "…" and unknown sources stay text.
    expect(refLinks("data/kiss-md/json/bevoelkerung/altersdurchschnitt.json row 22 (K3_T36 var6); …", "kiss-md").map((l) => l.href)).toEqual([
      "https://github.com/SmartCityMagdeburg2026/Datasources/blob/477945707257cd1023fc16f4c50dbe0b6b4fd75d/data/kiss-md/json/bevoelkerung/altersdurchschnitt.json",
      null
    ]);
    expect(refLinks("", "")).toEqual([]);
  });
});
