/**
 * Issue 17 sources on the real mirror files:
 *   12411 = prototypefund/klinik-db-qbgbaExtraData/d6fa0e2…/data-raw/populationGermany/12411-0018.csv
 *   INKAR = RegioHub/inkr/2825eea…/inst/db/sozialleistungen.parquet, _indikatoren.parquet
 *   VG5000 = Praesklepios/geoGermany/7af434f…/geojson/Ebene_Kreise.geojson
 * Expected values are read from the files independently of the parsers
 * (plain split of the CSV lines, hyparquet's row objects), or cited by line.
 */
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {asyncBufferFromFile, parquetReadObjects} from "hyparquet";
import {feature} from "topojson-client";
import {beforeAll, describe, expect, test} from "vitest";
import {parsePopulationTable, POPULATION_FILE, populationTable, type PopulationResult} from "../../loaders/parse/destatis-12411.ts";
import {inkarDefinitionFrom, inkarFacts, type InkarResult} from "../../loaders/parse/inkar.ts";
import {deKreise} from "../../loaders/parse/vg5000.ts";
import {buildGermanyFacts, type GermanyBuilt} from "../../loaders/model/germany.ts";
import {germanyTopology} from "../../loaders/model/germany-map.ts";
import {INKAR_ASYL_ALGORITHM, INKAR_ASYL_NAME} from "../../loaders/model/germany-meta.ts";
import {FormatError} from "../../loaders/source/errors.ts";
import {mirrorDir} from "../../loaders/source/paths.ts";
import {source} from "../../loaders/source/sources.ts";

const MIRROR = mirrorDir();
const present = MIRROR !== undefined && existsSync(join(MIRROR, "MANIFEST.sha256"));
const pathOf = (id: string, file: string) => join(MIRROR!, source(id).repository, source(id).commit, file);
const FIVE: Record<string, string> = {"15003": "Magdeburg", "03103": "Wolfsburg", "03159": "LK Göttingen", "03241": "Region Hannover", "03357": "LK Rotenburg (Wümme)"};

describe.runIf(present)("GENESIS 12411-0018 (real file)", () => {
  let pop: PopulationResult;
  let raw: string;
  beforeAll(async () => {
    pop = await populationTable();
    raw = new TextDecoder("latin1").decode(readFileSync(pathOf("destatis-12411", POPULATION_FILE)));
  });

  test("every Kreis in every year: 402 in 2015, 401 from 2016", () => {
    expect([...pop.kreiseByYear.keys()]).toEqual([2015, 2016, 2017, 2018, 2019, 2020]);
    expect(pop.kreiseByYear.get(2015)!.size).toBe(402);
    for (const y of [2016, 2017, 2018, 2019, 2020]) expect(pop.kreiseByYear.get(y)!.size).toBe(401);
    const lines = raw.split(/\r?\n/).filter((l) => /^31\.12\.\d{4};/.test(l));
    expect(lines.length).toBe(2407);
    expect(pop.accounting.dataRows).toBe(2407);
    expect(pop.accounting.facts).toBe(2407 * 34);
  });

  test("rows in = rows out + rows reported: every line of the file is a data row, header, footer or skipped", () => {
    const a = pop.accounting;
    expect(a.dataRows + a.headerLines + a.footerLines + a.skipped).toBe(a.lines);
    expect(a.headerLines).toBe(6);
  });

  test("male and female sums per Kreis and year equal the sums of the source row", () => {
    const lines = raw.split(/\r?\n/).filter((l) => /^31\.12\.\d{4};/.test(l));
    const sums = new Map<string, {male: number; female: number}>();
    for (const f of pop.facts) {
      const key = `${f.area_id}|${f.year}`;
      const s = sums.get(key) ?? sums.set(key, {male: 0, female: 0}).get(key)!;
      s[f.sex as "male" | "female"] += f.value!;
    }
    for (const line of lines) {
      const cells = line.split(";");
      const counts = cells.slice(3).map(Number);
      const key = `${cells[1]}|${cells[0].slice(6)}`;
      expect(sums.get(key), key).toEqual({male: counts.slice(0, 17).reduce((a, b) => a + b, 0), female: counts.slice(17).reduce((a, b) => a + b, 0)});
    }
  });

  test("real cells: Flensburg 31.12.2015 (line 7), Landkreis Göttingen 31.12.2016", () => {
    const cell = (area: string, year: number, sex: string, age: string) => pop.facts.find((f) => f.area_id === area && f.year === year && f.sex === sex && f.age_group === age)!;
    expect(cell("01001", 2015, "male", "0-3")).toMatchObject({value: 1143, source_ref: `${POPULATION_FILE}:7`, reference_date: "2015-12-31"});
    expect(cell("01001", 2015, "female", "75+").value).toBe(5413);
    expect(cell("03159", 2016, "male", "0-3").value).toBe(4217);
    expect(cell("03152", 2015, "male", "0-3")).toMatchObject({value: 3305, area_name: "Göttingen, Landkreis (bis 31.10.2016)"});
  });

  test("the Kreis reform 03152 + 03156 → 03159 is reported, and no other code changes", () => {
    const gaps = pop.findings.filter((f) => f.check === "gap");
    expect(gaps.map((f) => f.area_id).sort()).toEqual(["03152", "03156", "03159"]);
    expect(gaps.every((f) => f.severity === "info" && /Kreisreform/.test(f.message))).toBe(true);
  });

  test("the footer's statements become footnotes", () => {
    expect(pop.footnotes).toContain("Ab 2011: Ergebnisse auf Grundlage des Zensus 2011.");
    expect(pop.footnotes.some((n) => /© Statistisches Bundesamt \(Destatis\), 2021/.test(n))).toBe(true);
  });

  test("bad input: cut before the footer, wrong table, changed header, text in a cell, a Kreis twice, an unknown code", () => {
    const cut = raw.slice(0, raw.indexOf("__________"));
    expect(() => parsePopulationTable(cut)).toThrow(/no footer/);
    expect(() => parsePopulationTable(raw.replace("12411-0018", "12411-0017"))).toThrow(/expected GENESIS table 12411-0018/);
    expect(() => parsePopulationTable(raw.replace(";unter 3 Jahre;", ";unter 4 Jahre;"))).toThrow(FormatError);
    expect(() => parsePopulationTable(raw.replace(";1143;1130;", ";1143;abc;"))).toThrow(/line 7, male 3 bis unter 6 Jahre: "abc" is not a number/);
    const lines = raw.split("\n");
    expect(() => parsePopulationTable([...lines.slice(0, 7), lines[6], ...lines.slice(7)].join("\n"))).toThrow(/01001 appears twice/);
    const renamed = parsePopulationTable(raw.replace("31.12.2018;01001;", "31.12.2018;01999;"));
    expect(renamed.findings.filter((f) => f.severity === "warning").map((f) => f.area_id).sort()).toEqual(["01001", "01999"]);
    // "." is a suppression sign: null with a flag, never 0.
    const suppressed = parsePopulationTable(raw.replace(";1143;1130;", ";1143;.;"));
    expect(suppressed.facts.find((f) => f.area_id === "01001" && f.year === 2015 && f.sex === "male" && f.age_group === "3-6")).toMatchObject({value: null, flag: "suppressed"});
  });
});

describe.runIf(present)("INKAR q_asyl_bev (real Parquet)", () => {
  let inkar: InkarResult;
  let cells: Record<string, unknown>[];
  beforeAll(async () => {
    inkar = await inkarFacts();
    cells = await parquetReadObjects({file: await asyncBufferFromFile(pathOf("inkar", "inst/db/sozialleistungen.parquet")), columns: ["raumbezug", "kennziffer", "zeitbezug", "q_asyl_bev"]});
  });

  test("the five places equal the Parquet cells, every year 2010–2021", () => {
    for (const id of Object.keys(FIVE)) {
      const expected = cells.filter((c) => c.raumbezug === "Kreise" && c.kennziffer === `${id}000` && c.q_asyl_bev !== null).map((c) => [Number(c.zeitbezug), c.q_asyl_bev]);
      const got = inkar.facts.filter((f) => f.area_id === id).map((f) => [f.year, f.value]);
      expect(got, FIVE[id]).toEqual(expected);
      expect(got.map(([y]) => y)).toEqual([2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021]);
    }
    const y2019 = Object.fromEntries(inkar.facts.filter((f) => f.year === 2019 && f.area_id in FIVE).map((f) => [f.area_id, f.value]));
    expect(y2019).toEqual({"03103": 5.85, "03159": 5.66, "03241": 4.74, "03357": 4.65, "15003": 4.13});
  });

  test("rows in = Kreis values + other spatial units + empty Kreis years; 400 Kreise", () => {
    const a = inkar.accounting;
    expect(a.rows).toBe(68732);
    expect(a.facts + a.otherUnits + a.empty).toBe(a.rows);
    expect(new Set(inkar.facts.filter((f) => f.area_level === "kreis").map((f) => f.area_id)).size).toBe(400);
    expect(inkar.facts.find((f) => f.area_id === "DE" && f.year === 2019)?.value).toBe(4.63);
    expect(inkar.facts.find((f) => f.area_id === "03" && f.year === 2019)?.value).toBe(4.79);
    expect(inkar.facts.every((f) => f.unit === "per_1000" && f.reference_date === `${f.year}-12-31`)).toBe(true);
  });

  test("the catalogue quotes the indicator's own definition", async () => {
    const def = await inkarDefinitionFrom(readFileSync(pathOf("inkar", "inst/db/_indikatoren.parquet")));
    expect(def.name).toBe(INKAR_ASYL_NAME);
    expect(def.algorithmus).toBe(INKAR_ASYL_ALGORITHM);
  });

  test("bad input: not Parquet", async () => {
    await expect(inkarDefinitionFrom(new TextEncoder().encode("<html>Fehler</html>"))).rejects.toThrow(FormatError);
  });
});

describe.runIf(present)("VG5000 Kreise and the Germany facts", () => {
  let built: GermanyBuilt;
  beforeAll(async () => {
    built = await buildGermanyFacts();
  });

  test("401 Kreise whose ARS match the facts' area ids (listed if not)", async () => {
    const kreise = await deKreise();
    expect(kreise.length).toBe(401);
    const facts2020 = new Set(built.facts.filter((f) => f.indicator === "destatis:bevoelkerung" && f.area_level === "kreis" && f.year === 2020).map((f) => f.area_id));
    const ars = new Set(kreise.map((k) => k.id));
    expect([...ars].filter((id) => !facts2020.has(id))).toEqual([]);
    expect([...facts2020].filter((id) => !ars.has(id))).toEqual([]);
    // INKAR (Gebietsstand 2021) lacks Eisenach only; reported.
    const inkar = new Set(built.facts.filter((f) => f.source_id === "inkar" && f.area_level === "kreis").map((f) => f.area_id));
    expect([...ars].filter((id) => !inkar.has(id))).toEqual(["16056"]);
    expect(built.findings.some((f) => f.area_id === "16056" && /Wartburgkreis/.test(f.message))).toBe(true);
  });

  test("the topology: 401 Kreise, 16 Länder merged from them", async () => {
    const topo = await germanyTopology();
    expect((feature(topo, topo.objects.kreise as never) as unknown as {features: unknown[]}).features.length).toBe(401);
    const laender = (feature(topo, topo.objects.laender as never) as unknown as {features: {id: string}[]}).features;
    expect(laender.map((f) => f.id)).toEqual(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16"]);
  });

  test("derived totals and shares, marked derived", () => {
    const one = (where: Record<string, unknown>) => {
      const found = built.facts.filter((f) => Object.entries(where).every(([k, v]) => f[k as keyof typeof f] === v));
      expect(found.length, JSON.stringify(where)).toBe(1);
      return found[0];
    };
    // Magdeburg 31.12.2018, Fortschreibung: 238.697 (shared/data/README.md)
    expect(one({indicator: "destatis:bevoelkerung", area_id: "15003", year: 2018, sex: "total", age_group: "total"})).toMatchObject({value: 238697, flag: "derived"});
    const de = one({indicator: "destatis:bevoelkerung", area_id: "DE", year: 2020, sex: "total", age_group: "total"});
    expect(de.flag).toBe("derived");
    expect(de.value).toBe(83155031);
    const share = one({indicator: "destatis:anteil_65_plus", area_id: "15003", year: 2018});
    expect(share.flag).toBe("derived");
    expect(share.value).toBeGreaterThan(20);
    expect(one({indicator: "destatis:schutzsuchende_je_1000", area_id: "15003", year: 2018}).flag).toBe("derived");
  });
});

describe.runIf(present)("Magdeburg's register in the 17 groups", () => {
  test("2018: the register's groups sum to its total, 242.170 (Fortschreibung 238.697)", async () => {
    const {buildGermanyPyramidFacts} = await import("../../loaders/model/germany.ts");
    const {facts} = await buildGermanyPyramidFacts();
    const register = facts.filter((f) => f.indicator === "md:bevoelkerung_17" && f.year === 2018);
    expect(register.length).toBe(17);
    expect(register.every((f) => f.sex === "total" && f.flag === "derived")).toBe(true);
    expect(register.reduce((s, f) => s + (f.value ?? 0), 0)).toBe(242170);
    const official = facts.filter((f) => f.indicator === "destatis:bevoelkerung" && f.area_id === "15003" && f.year === 2018);
    expect(official.length).toBe(34);
    expect(official.reduce((s, f) => s + (f.value ?? 0), 0)).toBe(238697);
  });
});
