/**
 * The source parsers (IM, KISS-MD, Destatis, Göttingen SDG, document
 * transcriptions) and the data-quality checks, on small fixtures. Fixture
 * lines copied from the real files cite them as mirror-relative file:line
 * (mirror = /work/shared/data/mirror/<owner>/<repo>/<commit>/).
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {DESTATIS_TABLES, genesisArea, parseDestatisTable} from "../../../loaders/parse/destatis.ts";
import {checkDocumentSums, DOCUMENTS, parseDocumentStatistics, STATISTICS_COLUMNS} from "../../../loaders/parse/documents.ts";
import {FormatError} from "../../../loaders/source/errors.ts";
import {decodeText} from "../../../loaders/source/fetch.ts";
import {parseGoettingenSdg} from "../../../loaders/parse/goettingen-sdg.ts";
import {imArea, imAreaByName, parseImCsv, parseImMeta} from "../../../loaders/parse/im.ts";
import {ageGroupOfCode, KISSMD_TABLES, parseKissMdTable, stadtteilId} from "../../../loaders/parse/kissmd.ts";
import type {Fact} from "../../../loaders/model/model.ts";
import {projectRoot} from "../../../loaders/source/paths.ts";
import {checkAgeParts, checkGaps, checkImplausible, checkSexParts, deduplicate, summariseNulls} from "../../../loaders/model/quality.ts";
import {thrown} from "../../support/thrown.ts";



const pick = (facts: Fact[], where: Partial<Fact>) => facts.filter((f) => Object.entries(where).every(([k, v]) => f[k as keyof Fact] === v));
const one = (facts: Fact[], where: Partial<Fact>): Fact => {
  const found = pick(facts, where);
  if (found.length !== 1) throw new Error(`expected one fact for ${JSON.stringify(where)}, found ${found.length}`);
  return found[0];
};

// ---------------------------------------------------------------------------
describe("IM: imArea / imAreaByName", () => {
  test.each([
    ["K030", "03", "land"],
    ["RH030", "03", "land"],
    ["K031", "031", "statregion"],
    ["RH034", "034", "statregion"],
    ["K03159", "03159", "kreis"],
    ["RH03159", "03159", "kreis"],
    ["MZ03159", "03159", "kreis"],
    ["K03241001", "03241001", "kreisteil"],
    ["MZ03241999", "03241999", "kreisteil"],
    ["MZ03354360", "03354+03360", "kreisgruppe"],
    ["MZ03402457", "03402+03457", "kreisgruppe"],
    ["MZ03455462", "03455+03462", "kreisgruppe"],
    ["RA_01", "ra01", "mz_region"],
    ["RA_11", "ra11", "mz_region"]
  ])("%s → %s (%s)", (code, area_id, area_level) => {
    expect(imArea(code)).toEqual({area_id, area_level});
  });

  test.each(["#NV", "#BEZUG!", "", "K0324", "X03159", "K03241002"])("%j is no GeoCode and says so", (code) => {
    expect(() => imArea(code, "Irgendwo")).toThrow(`unknown GeoCode "${code}" (area "Irgendwo")`);
  });

  test("names map to the canonical units, including the spelling variants", () => {
    expect(imAreaByName("dav. Hannover, Lhst.")).toEqual({area_id: "03241001", area_level: "kreisteil", name: "Hannover, Lhst."});
    expect(imAreaByName("dav. Hannover, Landeshauptstadt")?.area_id).toBe("03241001"); // 1-3-2
    expect(imAreaByName("Emden  Stadt")?.area_id).toBe("03402"); // 3-1-2
    expect(imAreaByName("Hannover  Region")?.area_id).toBe("03241"); // 3-1-2
    expect(imAreaByName("Oldenburg(Oldb), Stadt")?.area_id).toBe("03403"); // 3-1-2
    expect(imAreaByName("Oldenburg")?.area_id).toBe("03458"); // the Landkreis, not the city
    expect(imAreaByName("Osterode")?.area_id).toBe("03156"); // 6-2-1
    expect(imAreaByName("Uelzen Lüchow-Dannenberg")).toBeUndefined();
  });
});

describe("IM: parseImCsv", () => {
  test("BOM, Units column, K codes (data/indicator_1-2-2.csv:990)", () => {
    const text = '\ufeffYear,Gebietseinheit,Units,GeoCode,Value\n2024,"Braunschweig, Stadt",%,K03101,14.3816067235395\n';
    const {facts, notes, units} = parseImCsv(text, "1-2-2");
    expect(notes).toEqual([]);
    expect(units).toEqual(["%"]);
    expect(facts).toEqual([
      {
        source_id: "im-niedersachsen",
        area_id: "03101",
        area_level: "kreis",
        area_name: "Braunschweig, Stadt",
        year: 2024,
        reference_date: null,
        indicator: "im:1-2-2",
        sex: "total",
        age_group: "total",
        category: "total",
        value: 14.3816067235395,
        unit: "percent",
        flag: null,
        source_ref: "data/indicator_1-2-2.csv:2"
      }
    ]);
  });

  test("no Units column: the default unit applies; without one it is an error", () => {
    const text = 'Year,Gebietseinheit,GeoCode,Value\n2005,"Braunschweig, Stadt",K03101,245273\n'; // data/indicator_1-1-1.csv:2 (file has a BOM)
    expect(parseImCsv(text, "1-1-1", "Anzahl").facts[0]).toMatchObject({value: 245273, unit: "count", area_id: "03101"});
    const error = thrown(() => parseImCsv(text, "1-1-1"));
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toBe("im-niedersachsen: data/indicator_1-1-1.csv: line 2: no unit (no Units column and none in meta or data/im-units.csv)");
  });

  test("an unknown unit is a FormatError naming line and unit", () => {
    const text = 'Year,Gebietseinheit,Units,GeoCode,Value\n2024,"Göttingen",Anzahl,K03159,1\n2024,"Göttingen",Stück je Hektar,K03159,2\n';
    const error = thrown(() => parseImCsv(text, "9-9-9"));
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toBe('im-niedersachsen: data/indicator_9-9-9.csv: line 3: unknown unit "Stück je Hektar" (add it to IM_UNITS)');
  });

  test("empty Value → null with flag missing (1-3-1 „weiteren Sinne“ 2011–2016 are empty)", () => {
    const text = 'Year,Gebietseinheit,Kategorie,Units,GeoCode,Value\n2011,"Göttingen",Personen mit Migrationshintergrund im weiteren Sinne,"Anzahl in 1000",MZ03159,\n';
    const [fact] = parseImCsv(text, "1-3-1").facts;
    expect(fact.value).toBeNull();
    expect(fact.flag).toBe("missing");
    expect(fact.unit).toBe("thousand");
    expect(fact.category).toBe("Kategorie=Personen mit Migrationshintergrund im weiteren Sinne");
  });

  test("a Value that is no number is an error, not a null", () => {
    const text = 'Year,Gebietseinheit,GeoCode,Value\n2024,"Göttingen",K03159,12 345\n';
    expect(() => parseImCsv(text, "1-2-1", "Anzahl")).toThrow('im-niedersachsen: data/indicator_1-2-1.csv: line 2: Value "12 345" is not a number');
  });

  test("scientific notation and a leading + are numbers (1-1-2, 1-2-4)", () => {
    const text = 'Year,Gebietseinheit,Units,GeoCode,Value\n2024 / 2023,"Göttingen",%,K03159,6.42144433101722E-02\n2024 / 2005,"Göttingen",%,K03159,+3.5\n';
    const facts = parseImCsv(text, "1-1-2").facts;
    expect(facts.map((f) => f.value)).toEqual([0.0642144433101722, 3.5]);
    // a period as Year: no year, the period goes into the category
    expect(facts[0].year).toBeNull();
    expect(facts[0].category).toBe("Zeitraum=2024 / 2023");
  });

  test("COMMENT_OBS: „gesperrt“ → suppressed, „statistisch unsicher“ → uncertain, anything else is a note", () => {
    // data/indicator_6-3-2.csv:27 and :382 (header: Year,Migrationsstatus,Haushaltsnettoeinkommen,Haushaltsgröße,COMMENT_OBS,Value)
    const text = [
      "Year,Migrationsstatus,Haushaltsnettoeinkommen,Haushaltsgröße,COMMENT_OBS,Value",
      "2024,Ein Teil der Haushaltsmitglieder hat einen Migraitonshintergrund,unter 500,insgesamt,gesperrt,",
      "2021,Alle Haushaltsmitglieder haben einen Migrationshintergrund,3000 - 3500,Einpersonenhaushalte,statistisch unsicher,7",
      "2021,Alle Haushaltsmitglieder haben einen Migrationshintergrund,3000 - 3500,insgesamt,vorläufig,9"
    ].join("\n");
    const {facts, notes} = parseImCsv(text, "6-3-2", "in 1000");
    expect(facts.map((f) => [f.value, f.flag])).toEqual([
      [null, "suppressed"],
      [7, "uncertain"],
      [9, null]
    ]);
    expect(facts[0].value).not.toBe(0);
    // no Gebietseinheit, no GeoCode: the Land
    expect(facts.every((f) => f.area_id === "03" && f.area_level === "land")).toBe(true);
    expect(notes).toEqual([{ref: "data/indicator_6-3-2.csv:4", message: "Anmerkung ohne Zuordnung: „vorläufig“"}]);
  });

  // Regression (decided: withheld wins, the number is reported as a finding): data/indicator_5-1-1.csv:277
  // has COMMENT_OBS „Gesperrt“ AND a value (4.74845); 32 rows of 5-1-1 are like
  // this. The loader keeps the value and flags it "suppressed", although
  // model.ts says suppressed values are null. Expected: null; actual: 4.74845.
  test("a value the source marks „Gesperrt“ is not published (5-1-1:277)", () => {
    const text = [
      "Year,Wirtschaftsabschnitte (WZ 2008) Zusammenfassungen,Geschlecht,Units,COMMENT_OBS,Value",
      '2012,"Land- und Forstwirtschaft, Fischerei",Männer,in 1000,Gesperrt,4.74845'
    ].join("\n");
    const [fact] = parseImCsv(text, "5-1-1").facts;
    expect(fact.flag).toBe("suppressed");
    expect(fact.value).toBeNull();
  });

  test("GeoCode prefixes K, RH and MZ name the same Kreis", () => {
    const text = [
      "Year,Gebietseinheit,Units,GeoCode,Value",
      '2024,"Göttingen",Anzahl,K03159,1',
      '2024,"Göttingen",Anzahl,RH03159,2',
      '2024,"Göttingen",Anzahl,MZ03159,3'
    ].join("\n");
    const facts = parseImCsv(text, "9-9-9").facts;
    expect(facts.map((f) => [f.area_id, f.area_level, f.area_name])).toEqual([
      ["03159", "kreis", "Göttingen"],
      ["03159", "kreis", "Göttingen"],
      ["03159", "kreis", "Göttingen"]
    ]);
  });

  test("Mikrozensus pooled Kreise become one kreisgruppe (data/indicator_1-3-1.csv:26)", () => {
    const text = 'Year,Gebietseinheit,Kategorie,Units,GeoCode,Value\n2024,"Uelzen Lüchow-Dannenberg",Personen ohne Migrationshintergrund,"Anzahl in 1000",MZ03354360,107.7\n';
    const [fact] = parseImCsv(text, "1-3-1").facts;
    expect(fact).toMatchObject({area_id: "03354+03360", area_level: "kreisgruppe", area_name: "Uelzen Lüchow-Dannenberg", value: 107.7, unit: "thousand"});
  });

  test("RA_01 is a Mikrozensus Anpassungsschicht; an empty GeoCode with a known name is that unit (1-3-2:2)", () => {
    const text = [
      "Year,Gebietseinheit,Kategorie,Units,GeoCode,Value",
      '2024,"Ostniedersachsen",Insgesamt,"in 1000",RA_01,296.29',
      '2024,"Statistische Region Braunschweig",Insgesamt,"in 1000",,1.5'
    ].join("\n");
    const {facts, notes} = parseImCsv(text, "1-3-2");
    expect(facts.map((f) => [f.area_id, f.area_level, f.area_name, f.value])).toEqual([
      ["ra01", "mz_region", "Ostniedersachsen", 296.29],
      ["031", "statregion", "Statistische Region Braunschweig", 1.5]
    ]);
    expect(notes).toEqual([]);
  });

  test("a shifted GeoCode: the name wins and a note says so (data/indicator_6-2-2.csv:2237)", () => {
    const text = [
      "Year,Gebietseinheit,Altersgruppe,Nationalität,GeoCode,Value",
      "2022,\"Braunschweig, Stadt\",im Alter von 18 bis unter 65 Jahren,Ausländerinnen und Ausländer,K03102,246",
      '2022,"Niedersachsen",im Alter von 18 bis unter 65 Jahren,Ausländerinnen und Ausländer,K03101,302'
    ].join("\n");
    const {facts, notes} = parseImCsv(text, "6-2-2", "Anzahl je 1 000");
    expect(facts.map((f) => [f.area_id, f.value])).toEqual([
      ["03101", 246],
      ["03", 302]
    ]);
    expect(facts[1]).toMatchObject({age_group: "im Alter von 18 bis unter 65 Jahren", category: "Nationalität=Ausländerinnen und Ausländer", unit: "per_1000"});
    expect(notes).toEqual([
      {ref: "data/indicator_6-2-2.csv:2", message: "GeoCode „K03102“ passt nicht zum Gebietsnamen „Braunschweig, Stadt“; der Name gilt (03101)"},
      {ref: "data/indicator_6-2-2.csv:3", message: "GeoCode „K03101“ passt nicht zum Gebietsnamen „Niedersachsen“; der Name gilt (03)"}
    ]);
  });

  test("an unusable GeoCode with a known name: area by name, with a note (1-2-8:53 „#NV“)", () => {
    const text = 'Year,Nationalität,Gebietseinheit,GeoCode,Value\n2005,Ausländerinnen und Ausländer,"Niedersachsen",#NV,2304\n';
    const {facts, notes} = parseImCsv(text, "1-2-8", "Anzahl");
    expect(facts[0]).toMatchObject({area_id: "03", value: 2304, category: "Nationalität=Ausländerinnen und Ausländer"});
    expect(notes).toEqual([{ref: "data/indicator_1-2-8.csv:2", message: "GeoCode „#NV“ unbrauchbar; Gebiet über den Namen „Niedersachsen“ zugeordnet"}]);
  });

  test("an unusable GeoCode with an unknown name is an error naming the line", () => {
    const text = 'Year,Gebietseinheit,GeoCode,Value\n2024,"Atlantis",#NV,5\n';
    const error = thrown(() => parseImCsv(text, "1-2-1", "Anzahl"));
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toBe('im-niedersachsen: data/indicator_1-2-1.csv: line 2: unknown GeoCode "#NV" (area "Atlantis")');
  });

  test("1-2-5: country codes in GeoCode (W…, 0) mean the Land", () => {
    const text = "Year,Series,Land der Staatsangehörigkeit,Geschlecht,Units,GeoCode,Value\n2005,Alle Länder,Europa insgesamt,insgesamt,Anzahl,0,352754\n2005,Alle Länder,Polen,weiblich,Anzahl,W152,10\n";
    const facts = parseImCsv(text, "1-2-5").facts;
    expect(facts.map((f) => [f.area_id, f.sex, f.category, f.value])).toEqual([
      ["03", "total", "Series=Alle Länder; Land der Staatsangehörigkeit=Europa insgesamt", 352754],
      ["03", "female", "Series=Alle Länder; Land der Staatsangehörigkeit=Polen", 10]
    ]);
  });

  test("Year „WS 2005/06“ → year 2005 and the semester in the category (data/indicator_4-3-1.csv:2)", () => {
    const text = '\ufeffYear,Land der Staatsangehörigkeit,Kategorie,Value\nWS 2005/06,"China",Ausländische Studierende (Insgesamt),3080\n';
    const [fact] = parseImCsv(text, "4-3-1", "Anzahl").facts;
    expect(fact.year).toBe(2005);
    expect(fact.category).toBe("Zeitraum=WS 2005/06; Land der Staatsangehörigkeit=China; Kategorie=Ausländische Studierende (Insgesamt)");
    expect(fact.value).toBe(3080);
  });

  test("Geschlecht and Altersgruppe become sex and age_group; a non-sex in Geschlecht is kept as category with a note", () => {
    const text = [
      "Year,Gebietseinheit,Geschlecht,Altersgruppe,Units,GeoCode,Value",
      '2024,"Göttingen",männlich,Insgesamt,Anzahl,K03159,1',
      '2024,"Göttingen",weiblich,0 - 6,Anzahl,K03159,2',
      '2024,"Göttingen",Deutsche,80 und älter,Anzahl,K03159,3'
    ].join("\n");
    const {facts, notes} = parseImCsv(text, "9-9-9");
    expect(facts.map((f) => [f.sex, f.age_group, f.category])).toEqual([
      ["male", "total", "total"],
      ["female", "0 - 6", "total"],
      ["total", "80 und älter", "Geschlecht=Deutsche"]
    ]);
    expect(notes).toHaveLength(1);
    expect(notes[0].ref).toBe("data/indicator_9-9-9.csv:4");
  });

  test("4-3-2's trailing unnamed columns „Value,,,“ are ignored (data/indicator_4-3-2.csv:1–3)", () => {
    const text = [
      "\ufeffYear,Fächergruppe,Nationalität,Geschlecht,Units,Value,,,",
      '2013,"Geisteswissenschaften",Insgesamt,Insgesamt,Anzahl,3820,,,',
      '2013,"Sport",Insgesamt,Insgesamt,Anzahl,280,,,'
    ].join("\n");
    const {facts, notes} = parseImCsv(text, "4-3-2");
    expect(notes).toEqual([]);
    expect(facts.map((f) => [f.value, f.sex, f.category, f.unit])).toEqual([
      [3820, "total", "Fächergruppe=Geisteswissenschaften; Nationalität=Insgesamt", "count"],
      [280, "total", "Fächergruppe=Sport; Nationalität=Insgesamt", "count"]
    ]);
  });

  test("a changed header (no Value column) names expected and found columns", () => {
    const error = thrown(() => parseImCsv("Year,Gebietseinheit,GeoCode,Wert\n2024,Göttingen,K03159,1\n", "1-2-1", "Anzahl"));
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toBe('im-niedersachsen: data/indicator_1-2-1.csv: header changed: expected column(s) "Value", found "Year", "Gebietseinheit", "GeoCode", "Wert"');
  });

  test("an error page instead of the CSV is refused", () => {
    expect(() => parseImCsv("<!DOCTYPE html><title>GitHub</title>", "1-2-1", "Anzahl")).toThrow(/im-niedersachsen: data\/indicator_1-2-1\.csv: an HTML\/XML page/);
  });

  test("meta front matter: read, and its absence is an error", () => {
    expect(parseImMeta("---\nindicator_name: global_indicators.1-2-6-title\nprecision:\n  - decimals: 0\n---\nText", "meta/1-2-6.md")).toEqual({
      indicator_name: "global_indicators.1-2-6-title",
      precision: [{decimals: 0}]
    });
    expect(() => parseImMeta("# kein front matter", "meta/x.md")).toThrow("im-niedersachsen: meta/x.md: no YAML front matter");
  });
});

// ---------------------------------------------------------------------------
const spec = (tableId: string) => {
  const found = KISSMD_TABLES.find((t) => t.tableId === tableId);
  if (!found) throw new Error(tableId);
  return found;
};
const kissJson = (tableId: string, keys: string[], rows: Record<string, unknown>[]) =>
  JSON.stringify({tableId, title: "t", columns: keys.map((key) => ({key, label: null})), rows});

describe("KISS-MD: ageGroupOfCode", () => {
  test.each([
    ["1", "0"],
    ["2", "1"],
    ["18", "17"],
    ["90", "89"],
    [" 18 ", "17"],
    ["Einwohner insgesamt", "total"]
  ])("%j → %j", (code, age) => {
    expect(ageGroupOfCode(code)).toBe(age);
  });

  test("the open class starts after the table's last single code, whatever its label says", () => {
    expect(ageGroupOfCode("90 und älter", 90)).toBe("90+");
    expect(ageGroupOfCode("99 und älter", 98)).toBe("98+");
    expect(() => ageGroupOfCode("90 und älter")).toThrow(/without the table's last single code/);
  });

  test("an unknown code is an error", () => {
    expect(() => ageGroupOfCode("unter 1")).toThrow('unknown age code "unter 1"');
  });

  // Was a bug (code "0" became age "-1"). KISS-MD counts Lebensjahre from "1"; a "0" row would mean
  // the convention changed and must be an error. Expected: throw; actual: "-1".
  test("code „0“ is refused instead of becoming age -1", () => {
    expect(() => ageGroupOfCode("0")).toThrow();
  });
});

describe("KISS-MD: parseKissMdTable", () => {
  // values from json/bevoelkerung/entwicklung-der-auslaendischen-hauptwohnsitzbevoelkerung.json rows 569 and 606
  const t41 = kissJson("K3_T41", ["var1", "var2", "var3"], [
    {var1: 2024, var2: 1, var3: 4013},
    {var1: 2024, var2: 42, var3: null},
    {var1: 2024, var2: 74, var3: "."},
    {var1: 2024, var2: 76, var3: "-"},
    {var1: 2024, var2: 15003, var3: 37454}
  ]);

  test("a valid table: Stadtteile and the whole city, nulls flagged, never 0", () => {
    const facts = parseKissMdTable(t41, spec("K3_T41"));
    expect(facts.map((f) => [f.area_id, f.area_level, f.area_name, f.value, f.flag])).toEqual([
      ["15003000-st01", "stadtteil", "Altstadt", 4013, null],
      ["15003000-st42", "stadtteil", "Beyendorfer Grund", null, "missing"],
      ["15003000-st74", "stadtteil", "Pechau", null, "suppressed"],
      ["15003000-st76", "stadtteil", "Randau-Calenberge", null, "zero_sign"],
      ["15003000", "gemeinde", "Magdeburg", 37454, null]
    ]);
    expect(facts[0]).toMatchObject({
      source_id: "kiss-md",
      year: 2024,
      reference_date: "2024-12-31",
      indicator: "md:auslaender",
      unit: "persons",
      source_ref: "data/kiss-md/json/bevoelkerung/entwicklung-der-auslaendischen-hauptwohnsitzbevoelkerung.json row 1 (K3_T41 var3)"
    });
    expect(stadtteilId(1)).toBe("15003000-st01");
  });

  test("K3_T36: a decimal number stored as a string (var7 Billeter) is read as a number", () => {
    const keys = ["var1", "var2", "var3", "var4", "var5", "var6", "var7", "var8", "var9", "var10"];
    const text = kissJson("K3_T36", keys, [
      {var1: 2025, var2: 15003, var3: 245834, var4: 123023, var5: 39404, var6: 16.02870229504462, var7: "-0.68539386961370041", var8: 24.229130947278183, var9: 40.41537183883412, var10: 45.24252137621322}
    ]);
    const facts = parseKissMdTable(text, spec("K3_T36"));
    expect(one(facts, {indicator: "md:billeter"}).value).toBeCloseTo(-0.68539386961370041, 15);
    expect(one(facts, {indicator: "md:bevoelkerung", sex: "female"}).value).toBe(123023);
    expect(one(facts, {indicator: "md:auslaenderanteil"})).toMatchObject({value: 16.02870229504462, unit: "percent"});
  });

  test("K3_T1 age codes: code „1“ is age 0 (bevoelkerung-mit-hauptwohnsitz-nach-alter-und-geschlecht.json rows 1, 91, 92)", () => {
    const text = kissJson("K3_T1", ["var1", "var2", "var3", "var4", "var5", "var6", "var7"], [
      {var1: 2021, var2: "1", var3: 1965, var4: 1012, var5: 953, var6: 59, var7: 0},
      {var1: 2021, var2: "90", var3: 717, var4: 256, var5: 461, var6: 0, var7: 205},
      {var1: 2021, var2: "90 und älter", var3: 2723, var4: 705, var5: 2018, var6: 0, var7: 1313},
      {var1: 2021, var2: "Einwohner insgesamt", var3: 239970, var4: 119065, var5: 120905, var6: null, var7: null}
    ]);
    const facts = parseKissMdTable(text, spec("K3_T1"));
    expect(facts).toHaveLength(12);
    expect(one(facts, {age_group: "89", sex: "total"}).value).toBe(717);
    expect(facts.every((f) => f.area_id === "15003000" && f.indicator === "md:bevoelkerung")).toBe(true);
    expect(pick(facts, {age_group: "0"}).map((f) => [f.sex, f.value])).toEqual([["total", 1965], ["male", 1012], ["female", 953]]);
    expect(one(facts, {age_group: "90+", sex: "female"}).value).toBe(2018);
    expect(one(facts, {age_group: "total", sex: "total"}).value).toBe(239970);
  });

  // Regression (fixed bug, loaders/kissmd.ts, K3_T3): K3_T3's open class „99 und älter“ follows
  // code „98“ (= age 97), so it holds ages 98+; ageGroupOfCode maps it to
  // "99+" (right only for K3_T1's „90 und älter“, which follows code „90“).
  // Evidence: 2021, K3_T3 codes 91…98 + „99 und älter“ = 2723 = K3_T1
  // „90 und älter“ (survey §2.5). With the bug age 98 is missing from every
  // year 2006–2020. Expected age groups …"97", "98+"; actual …"97", "99+".
  test("K3_T3: „99 und älter“ after code „98“ is the open class 98+", () => {
    const text = kissJson("K3_T3", ["var1", "var2", "var3"], [
      {var1: 2020, var2: "98", var3: 78}, // entwicklung-der-hauptwohnsitzbevoelkerung-nach-altersjahrgaengen.json row 1498
      {var1: 2020, var2: "99 und älter", var3: 165} // row 1499
    ]);
    expect(parseKissMdTable(text, spec("K3_T3")).map((f) => f.age_group)).toEqual(["97", "98+"]);
  });

  test("a different table id is refused", () => {
    const error = thrown(() => parseKissMdTable(t41, spec("K3_T35")));
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toBe("kiss-md: data/kiss-md/json/bevoelkerung/entwicklung-der-hauptwohnsitzbevoelkerung.json: table id changed: expected K3_T35, found K3_T41");
  });

  test("a missing column is refused, naming it", () => {
    const text = kissJson("K3_T39", ["var1", "var2", "var3", "var4", "var5", "var6", "var7"], []);
    const error = thrown(() => parseKissMdTable(text, spec("K3_T39")));
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toMatch(/auslaendische-hauptwohnsitzbevoelkerung-nach-altersgruppen\.json: column var8 missing \(columns: var1, var2, var3, var4, var5, var6, var7\)$/);
  });

  test("truncated JSON is refused as not valid JSON", () => {
    const error = thrown(() => parseKissMdTable(t41.slice(0, 80), spec("K3_T41")));
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toMatch(/^kiss-md: data\/kiss-md\/json\/bevoelkerung\/entwicklung-der-auslaendischen-hauptwohnsitzbevoelkerung\.json: not valid JSON \(truncated or an error page\?\)/);
  });

  test("an HTML error page is refused as not valid JSON", () => {
    expect(() => parseKissMdTable("<!DOCTYPE html><html></html>", spec("K3_T41"))).toThrow(/not valid JSON/);
  });

  test("an unknown Stadtteil number is an error naming the row", () => {
    const text = kissJson("K3_T41", ["var1", "var2", "var3"], [{var1: 2024, var2: 1, var3: 1}, {var1: 2024, var2: 3, var3: 5}]);
    const error = thrown(() => parseKissMdTable(text, spec("K3_T41")));
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toMatch(/: row 2: unknown Stadtteil number "3"$/);
  });

  test("a year out of range and a text cell are errors naming row and column", () => {
    const badYear = kissJson("K3_T41", ["var1", "var2", "var3"], [{var1: "Jahr", var2: 1, var3: 1}]);
    expect(() => parseKissMdTable(badYear, spec("K3_T41"))).toThrow(/: row 1: year "Jahr"$/);
    const badCell = kissJson("K3_T41", ["var1", "var2", "var3"], [{var1: 2024, var2: 1, var3: "k.A."}]);
    expect(() => parseKissMdTable(badCell, spec("K3_T41"))).toThrow(/: row 1, var3: "k\.A\." is not a number$/);
  });

  test("K3_T39 padded age band values and 65+ column", () => {
    // auslaendische-hauptwohnsitzbevoelkerung-nach-altersgruppen.json row 190: {2025, 74, null×4, 0, 7}
    const keys = ["var1", "var2", "var3", "var4", "var5", "var6", "var7", "var8"];
    const facts = parseKissMdTable(kissJson("K3_T39", keys, [{var1: 2025, var2: 74, var3: null, var4: null, var5: null, var6: null, var7: 0, var8: 7}]), spec("K3_T39"));
    expect(facts.map((f) => [f.age_group, f.value, f.flag])).toEqual([
      ["0-6", null, "missing"],
      ["7-17", null, "missing"],
      ["18-44", null, "missing"],
      ["45-64", null, "missing"],
      ["65+", 0, null],
      ["total", 7, null]
    ]);
  });

  // Regression (fixed bug, loaders/kissmd.ts parseKissMdTable): a JSON object with the right
  // tableId and columns but no "rows" array (changed export format) crashes
  // with a bare TypeError ("Cannot read properties of undefined (reading
  // 'forEach')") that names neither source nor file. Expected: FormatError.
  test("a table without a rows array is a FormatError naming the file", () => {
    const text = JSON.stringify({tableId: "K3_T41", columns: [{key: "var1"}, {key: "var2"}, {key: "var3"}], data: []});
    const error = thrown(() => parseKissMdTable(text, spec("K3_T41")));
    expect(error).toBeInstanceOf(FormatError);
  });
});

// ---------------------------------------------------------------------------
/** Latin-1 bytes as they are in the mirror, decoded as destatisFacts() does. */
const latin1 = (text: string) => decodeText(new Uint8Array(Buffer.from(text, "latin1")), "latin1", "destatis-kreise", "x.csv");

describe("Destatis: genesisArea", () => {
  test.each([
    ["DG", "DE", "bund"],
    ["3", "03", "land"],
    ["15", "15", "land"],
    ["153", "153", "statregion"],
    ["1001", "01001", "kreis"],
    ["3241", "03241", "kreis"],
    ["15003", "15003", "kreis"],
    ["3241001", "03241001", "gemeinde"],
    ["11001001", "11001001", "gemeinde"]
  ])("%s → %s (%s)", (code, area_id, area_level) => {
    expect(genesisArea(code)).toEqual({area_id, area_level});
  });

  test("a code that is no GENESIS code is an error", () => {
    expect(() => genesisArea("X1")).toThrow('not a GENESIS area code: "X1"');
    expect(() => genesisArea("")).toThrow();
  });

  // Regression (fixed bug, loaders/destatis.ts genesisArea): every code of up to two digits is
  // taken for a Land, but Länder are 1…16; two-digit codes above 16 are
  // Regierungsbezirke / Statistische Regionen with the leading zero stripped.
  // schutzsuchende_2018.csv:21 „31;    Braunschweig, Stat. Region“ becomes
  // {area_id "31", level "land"}. Expected {area_id "031", level "statregion"}
  // (the id the IM uses for the same region).
  test("„31“ (Statistische Region Braunschweig) is the statregion 031, not a Land „31“", () => {
    expect(genesisArea("31")).toEqual({area_id: "031", area_level: "statregion"});
  });
});

describe("Destatis: parseDestatisTable", () => {
  const [schutz, asyl] = DESTATIS_TABLES;
  // schutzsuchende_2018.csv lines 1, 2, 3, 20, 26, 36, 477 (Latin-1)
  const schutzText = latin1(
    [
      ";Kreis;Stadt;schutzsuchende",
      "31.12.2018;DG;Deutschland;1781750",
      "31.12.2018;1001;      Flensburg, Kreisfreie Stadt;3170",
      "31.12.2018;3;  Niedersachsen;190020",
      "31.12.2018;3152;      Göttingen, Landkreis;-",
      "31.12.2018;3241001;      Hannover, Landeshauptstadt;.",
      "31.12.2018;15003;      Magdeburg, Kreisfreie Stadt;8020",
      ""
    ].join("\n")
  );

  test("the Latin-1 text decodes („ö“ from byte 0xF6)", () => {
    expect(schutzText).toContain("Göttingen, Landkreis");
  });

  test("codes, names, dates and values; „-“ and „.“ are null with their flag, never 0", () => {
    const facts = parseDestatisTable(schutzText, schutz);
    expect(facts.map((f) => [f.area_id, f.area_level, f.area_name, f.value, f.flag])).toEqual([
      ["DE", "bund", "Deutschland", 1781750, null],
      ["01001", "kreis", "Flensburg, Kreisfreie Stadt", 3170, null],
      ["03", "land", "Niedersachsen", 190020, null],
      ["03152", "kreis", "Göttingen, Landkreis", null, "zero_sign"],
      ["03241001", "gemeinde", "Hannover, Landeshauptstadt", null, "suppressed"],
      ["15003", "kreis", "Magdeburg, Kreisfreie Stadt", 8020, null]
    ]);
    expect(facts.filter((f) => f.value === 0)).toEqual([]);
    expect(facts[5]).toMatchObject({
      source_id: "destatis-kreise",
      year: 2018,
      reference_date: "2018-12-31",
      indicator: "destatis:schutzsuchende",
      sex: "total",
      unit: "persons",
      source_ref: "germany_data/schutzsuchende_2018.csv:7"
    });
  });

  test("AsylbLG 2019: three columns by sex; partial signs per column", () => {
    // asylbewerberleistungen_2019.csv lines 1, 477, 520, 536
    const text = latin1(
      [
        ";Kreis;Stadt;empfaenger_asylbewerber;empfaenger_asylbewerber_weiblich;empfaenger_asylbewerber_maennlich",
        "31.12.2019;15003;      Magdeburg, Kreisfreie Stadt;980;287;927",
        "31.12.2019;16054;      Suhl, krsfr. Stadt;294;105;.",
        "31.12.2019;16074;      Saale-Holzland-Kreis;24;-;-"
      ].join("\n")
    );
    const facts = parseDestatisTable(text, asyl);
    expect(facts.map((f) => [f.area_id, f.sex, f.value, f.flag])).toEqual([
      ["15003", "total", 980, null],
      ["15003", "female", 287, null],
      ["15003", "male", 927, null],
      ["16054", "total", 294, null],
      ["16054", "female", 105, null],
      ["16054", "male", null, "suppressed"],
      ["16074", "total", 24, null],
      ["16074", "female", null, "zero_sign"],
      ["16074", "male", null, "zero_sign"]
    ]);
  });

  test("a changed header names the missing column", () => {
    const text = latin1(";Kreis;Stadt;Schutzsuchende insgesamt\n31.12.2018;DG;Deutschland;1781750\n");
    const error = thrown(() => parseDestatisTable(text, schutz));
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toBe('destatis-kreise: germany_data/schutzsuchende_2018.csv: header changed: expected column(s) "schutzsuchende", found "", "Kreis", "Stadt", "Schutzsuchende insgesamt"');
  });

  test("a first column that is not the unnamed date column is refused", () => {
    const text = "Stichtag;Kreis;Stadt;schutzsuchende\n31.12.2018;DG;Deutschland;1781750\n";
    expect(() => parseDestatisTable(text, schutz)).toThrow('first column should be the unnamed date column, found "Stichtag"');
  });

  test("bad date, bad code and text values are errors naming the line", () => {
    expect(() => parseDestatisTable(";Kreis;Stadt;schutzsuchende\n2018-12-31;DG;Deutschland;1\n", schutz)).toThrow(
      'destatis-kreise: germany_data/schutzsuchende_2018.csv: line 2: not a date DD.MM.YYYY: "2018-12-31"'
    );
    expect(() => parseDestatisTable(";Kreis;Stadt;schutzsuchende\n31.12.2018;DG;Deutschland;1\n31.12.2018;D-1;Irgendwo;1\n", schutz)).toThrow(
      'line 3: not a GENESIS area code: "D-1"'
    );
    expect(() => parseDestatisTable(";Kreis;Stadt;schutzsuchende\n31.12.2018;DG;Deutschland;k.A.\n", schutz)).toThrow(
      'destatis-kreise: germany_data/schutzsuchende_2018.csv: line 2, schutzsuchende: "k.A." is not a number'
    );
  });

  test("the Latin-1 file read as UTF-8 is refused, not garbled", () => {
    const bytes = new Uint8Array(Buffer.from("31.12.2018;3159;      Göttingen, Landkreis;6480\n", "latin1"));
    expect(() => decodeText(bytes, "utf-8", "destatis-kreise", "germany_data/schutzsuchende_2018.csv")).toThrow(FormatError);
  });
});

// ---------------------------------------------------------------------------
describe("Göttingen SDG: parseGoettingenSdg", () => {
  const real = readFileSync(join(projectRoot, "test/fixtures/parsers/goettingen-sdg_indicator_10-1.csv"), "utf8");

  test("the real file: a tab before each value, two trailing blank lines (data/indicator_10-1.csv:2–11)", () => {
    const facts = parseGoettingenSdg(real);
    expect(facts.map((f) => [f.year, f.value])).toEqual([
      [2014, 203],
      [2015, 200],
      [2016, 216],
      [2017, 239],
      [2018, 219],
      [2019, 229],
      [2020, 192],
      [2021, 232],
      [2022, 271],
      [2023, 492]
    ]);
    expect(facts[0]).toMatchObject({area_id: "03159016", area_level: "gemeinde", indicator: "goesis:10-1", unit: "persons", flag: null, source_ref: "data/indicator_10-1.csv:2"});
    expect(facts[9].source_ref).toBe("data/indicator_10-1.csv:11");
  });

  test("an empty value is null/missing; text is an error naming the line", () => {
    expect(parseGoettingenSdg("Year,Value\n2024,\t\n")[0]).toMatchObject({year: 2024, value: null, flag: "missing"});
    expect(() => parseGoettingenSdg("Year,Value\n2014,\t203\n2015,\tk.A.\n")).toThrow('goettingen-sdg: data/indicator_10-1.csv: line 3: "2015", "\tk.A." is not a year and a number');
    expect(() => parseGoettingenSdg("Year,Value\nzwanzig,\t203\n")).toThrow(/line 2: "zwanzig"/);
  });

  test("a changed header is refused", () => {
    expect(() => parseGoettingenSdg("Jahr,Wert\n2014,203\n")).toThrow(/header changed: expected column\(s\) "Year", "Value", found "Jahr", "Wert"/);
  });
});

// ---------------------------------------------------------------------------
describe("documents: parseDocumentStatistics", () => {
  const header = STATISTICS_COLUMNS.join(",");
  const row = (over: Partial<Record<(typeof STATISTICS_COLUMNS)[number], string>>) => {
    // data/documents/goettingen/statistics.csv:114 (Abb. 10, 2022: 269)
    const base: Record<string, string> = {
      doc_id: "000", table_id: "abb10", table_title: "Abbildung 10", section: "5.2 Einbürgerungen", line: "331", area_name: "Stadt Göttingen",
      year: "2022", reference_date: "2022-12-31", indicator: "naturalisations", indicator_label: "Anzahl Einbürgerungen", sex: "total",
      age_group: "", category: "", value: "269", unit: "persons", value_printed: "269", flag: "", sum_group: "abb10_sex_2022", role: "total", note: ""
    };
    return STATISTICS_COLUMNS.map((c) => JSON.stringify({...base, ...over}[c] ?? "")).join(",");
  };
  const file = "data/documents/goettingen/statistics.csv";

  test("a valid row", () => {
    const [s] = parseDocumentStatistics(`${header}\n${row({})}\n`, file);
    expect(s).toMatchObject({line: 331, year: 2022, value: 269, sex: "total", age_group: "total", category: "total", reference_date: "2022-12-31", sum_groups: [{group: "abb10_sex_2022", role: "total"}]});
  });

  test("several sum groups pair with their roles", () => {
    const [s] = parseDocumentStatistics(`${header}\n${row({sum_group: "a;b;c", role: "total;total;part"})}\n`, file);
    expect(s.sum_groups).toEqual([{group: "a", role: "total"}, {group: "b", role: "total"}, {group: "c", role: "part"}]);
  });

  test.each([
    ["a;b", "total"],
    ["a", "total;part"],
    ["a", "summe"],
    ["", "part"]
  ])("sum_group %j with role %j is an error naming file and line", (sum_group, role) => {
    expect(() => parseDocumentStatistics(`${header}\n${row({sum_group, role})}\n`, file)).toThrow(
      `${file}:2: sum_group "${sum_group}" and role "${role}" do not pair up`
    );
  });

  test("bad sex, date or number are errors naming file and line", () => {
    expect(() => parseDocumentStatistics(`${header}\n${row({})}\n${row({sex: "divers"})}\n`, file)).toThrow(`${file}:3: sex "divers" is not total/female/male`);
    expect(() => parseDocumentStatistics(`${header}\n${row({reference_date: "31.12.2022"})}\n`, file)).toThrow(`${file}:2: reference_date "31.12.2022" is not YYYY-MM-DD`);
    expect(() => parseDocumentStatistics(`${header}\n${row({value: "1,5"})}\n`, file)).toThrow(`${file}:2: value "1,5" is not a plain number`);
  });

  test("a missing column is a FormatError", () => {
    const text = `${STATISTICS_COLUMNS.filter((c) => c !== "role").join(",")}\n`;
    expect(() => parseDocumentStatistics(text, file)).toThrow(/header changed: expected column\(s\) "role"/);
  });

  test("checkDocumentSums: parts that miss the printed total are a finding with both numbers", () => {
    // the Göttingen concept, Abb. 5, 2019 (seed 000_cf2b7c23d95d113b.txt:263–265): 19.160 + 19.090 ≠ 37.619
    const text = [
      header,
      row({table_id: "abb05", line: "263", year: "2019", indicator: "migration_background_persons", value: "37619", value_printed: "37.619", sum_group: "abb05_sex_2019", role: "total"}),
      row({table_id: "abb05", line: "264", year: "2019", indicator: "migration_background_persons", sex: "male", value: "19160", value_printed: "19.160", sum_group: "abb05_sex_2019", role: "part"}),
      row({table_id: "abb05", line: "265", year: "2019", indicator: "migration_background_persons", sex: "female", value: "19090", value_printed: "19.090", sum_group: "abb05_sex_2019", role: "part"})
    ].join("\n");
    const findings = checkDocumentSums(DOCUMENTS[0], parseDocumentStatistics(text, file));
    expect(findings).toEqual([
      {
        check: "parts_total",
        severity: "warning",
        source_id: "doc-goettingen",
        indicator: "goettingen:migration_background_persons",
        area_id: "",
        year: 2019,
        message: "Abb. 05, abb05_sex_2019: Teile ergeben 38.250, gedruckte Summe 37.619 (Differenz 631)",
        ref: "000_cf2b7c23d95d113b.txt:263; 000_cf2b7c23d95d113b.txt:264; 000_cf2b7c23d95d113b.txt:265"
      }
    ]);
  });
});

// ---------------------------------------------------------------------------
function fact(over: Partial<Fact>): Fact {
  return {
    source_id: "test",
    area_id: "15003",
    area_name: "Magdeburg",
    area_level: "kreis",
    year: 2019,
    reference_date: null,
    indicator: "x:persons",
    sex: "total",
    age_group: "total",
    category: "total",
    value: 1,
    unit: "persons",
    flag: null,
    source_ref: "f.csv:1",
    ...over
  };
}

describe("quality: deduplicate", () => {
  const a = fact({value: 980, source_ref: "a.csv:2"});
  const sameAgain = fact({value: 980, source_ref: "b.csv:7"});
  const conflicting = fact({value: 990, source_ref: "c.csv:3"});
  const other = fact({sex: "female", value: 287, source_ref: "a.csv:3"});

  test("the same value twice: kept once, reported as info", () => {
    const {facts, findings} = deduplicate([a, other, sameAgain]);
    expect(facts).toEqual([a, other]);
    expect(findings).toEqual([
      {check: "duplicate", severity: "info", source_id: "test", indicator: "x:persons", area_id: "15003", year: 2019, message: "derselbe Wert (980) steht zweimal in der Quelle; er wird einmal geführt", ref: "a.csv:2; b.csv:7"}
    ]);
  });

  test("a different value for the same cell: one cell without value (flag conflict), a warning naming both", () => {
    const {facts, findings} = deduplicate([a, conflicting]);
    expect(facts).toEqual([{...a, value: null, flag: "conflict"}]);
    expect(a.value).toBe(980); // the input is not mutated
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBe("warning");
    expect(findings[0].message).toBe("widersprüchliche Werte für dieselbe Zelle: 980 und 990; die Zelle wird ohne Wert geführt (Kennzeichen „conflict“)");
    expect(findings[0].ref).toBe("a.csv:2; c.csv:3");
  });

  test("null against a number keeps the number (another table withholding a cell does not drop it), null against null is one cell", () => {
    const withheld = deduplicate([a, fact({value: null, flag: "suppressed"})]);
    expect(withheld.findings[0].severity).toBe("info");
    expect(withheld.facts).toEqual([a]);
    expect(deduplicate([fact({value: null}), fact({value: null})]).findings[0].severity).toBe("info");
  });

  test("nothing is lost: rows in = rows out + rows reported", () => {
    const input = [a, other, sameAgain, conflicting, fact({year: 2020}), fact({year: 2020, value: 5})];
    const {facts, findings} = deduplicate(input);
    expect(facts).toHaveLength(3);
    expect(findings).toHaveLength(3);
    expect(facts.length + findings.length).toBe(input.length);
  });

  test("drop: false keeps every row and still reports", () => {
    const {facts, findings} = deduplicate([a, conflicting], {drop: false});
    expect(facts).toEqual([a, conflicting]);
    expect(findings[0].message).toBe("dieselbe Angabe steht zweimal im Dokument: 980 und 990");
  });
});

describe("quality: checkSexParts", () => {
  // asylbewerberleistungen_2019.csv:477 — Magdeburg 980; 287; 927
  const magdeburg = [
    fact({value: 980, source_ref: "asyl.csv:477", area_name: "Magdeburg, Kreisfreie Stadt"}),
    fact({sex: "female", value: 287, source_ref: "asyl.csv:477"}),
    fact({sex: "male", value: 927, source_ref: "asyl.csv:477"})
  ];

  test("parts not adding up: a warning with both numbers and the difference", () => {
    expect(checkSexParts(magdeburg)).toEqual([
      {
        check: "parts_total",
        severity: "warning",
        source_id: "test",
        indicator: "x:persons",
        area_id: "15003",
        year: 2019,
        message: expect.stringMatching(/^Magdeburg, Kreisfreie Stadt 2019: weiblich 287 \+ männlich 927 = 1214, Summe laut Quelle 980 \(Differenz 234\)$/),
        ref: "asyl.csv:477"
      }
    ]);
  });

  test("an explanation turns the warning into info; tolerance allows small differences", () => {
    const [finding] = checkSexParts(magdeburg, {explain: () => "Rundung"});
    expect(finding.severity).toBe("info");
    expect(finding.message).toMatch(/; Rundung$/);
    expect(checkSexParts(magdeburg, {tolerance: 234})).toEqual([]);
    expect(checkSexParts(magdeburg, {tolerance: 233})).toHaveLength(1);
  });

  test("parts that add up, a null part, or a non-count unit: no finding", () => {
    expect(checkSexParts([fact({value: 10}), fact({sex: "female", value: 4}), fact({sex: "male", value: 6})])).toEqual([]);
    expect(checkSexParts([fact({value: 10}), fact({sex: "female", value: null, flag: "suppressed"}), fact({sex: "male", value: 6})])).toEqual([]);
    expect(checkSexParts([fact({value: 10, unit: "percent"}), fact({sex: "female", value: 40, unit: "percent"}), fact({sex: "male", value: 60, unit: "percent"})])).toEqual([]);
  });
});

describe("quality: checkAgeParts", () => {
  // K3_T39 2021 city (row 41): 2718 + 3054 + 16157 + 3639 + 722 = 26290
  const bands = (age: string) => ["0-6", "7-17", "18-44", "45-64", "65+"].includes(age);
  const city = [
    fact({indicator: "md:auslaender", age_group: "total", value: 26290, year: 2021, source_ref: "t39 row 41"}),
    ...[["0-6", 2718], ["7-17", 3054], ["18-44", 16157], ["45-64", 3639], ["65+", 722]].map(([age_group, value]) => fact({indicator: "md:auslaender", age_group: age_group as string, value: value as number, year: 2021}))
  ];

  test("bands that add up: no finding", () => {
    expect(checkAgeParts(city, "md:auslaender", bands)).toEqual([]);
  });

  test("bands that do not: a finding with the sum and the total", () => {
    const off = city.map((f) => (f.age_group === "65+" ? {...f, value: 700} : f));
    const [finding] = checkAgeParts(off, "md:auslaender", bands);
    // the wording may change; the numbers may not: parts sum 26268, printed total 26290, difference -22
    expect(finding.message).toMatch(/^Magdeburg 2021: 5 Altersgruppen\D+26268\D+26290\D+-22\)$/);
    expect(finding.severity).toBe("warning");
    expect(finding.ref).toBe("t39 row 41");
  });

  test("a null band: no check (nothing to compare)", () => {
    const withNull = city.map((f) => (f.age_group === "65+" ? {...f, value: null} : f));
    expect(checkAgeParts(withNull, "md:auslaender", bands)).toEqual([]);
  });
});

describe("quality: checkGaps, checkImplausible, summariseNulls", () => {
  test("a missing year inside a series is reported", () => {
    const series = [2010, 2011, 2013, 2014].map((year) => fact({year, source_ref: `s.csv:${year}`}));
    expect(checkGaps(series)).toEqual([
      {check: "gap", severity: "info", source_id: "test", indicator: "x:persons", area_id: "15003", year: null, message: "Magdeburg: Reihe 2010–2014 ohne 2012", ref: "s.csv"}
    ]);
    expect(checkGaps([2010, 2011, 2012].map((year) => fact({year})))).toEqual([]);
  });

  test("negative counts and shares outside 0–100 are implausible, balances are not", () => {
    const findings = checkImplausible([
      fact({value: -5, source_ref: "n.csv:2"}),
      fact({value: 120, unit: "percent", source_ref: "p.csv:3"}),
      fact({value: -5, indicator: "x:wanderungssaldo"}),
      fact({value: -3.5, unit: "percent", category: "Veränderung gegenüber 2005"}),
      fact({value: 0}),
      fact({value: 100, unit: "percent"})
    ]);
    expect(findings.map((f) => [f.message, f.ref])).toEqual([
      ["Magdeburg 2019: negative Anzahl -5", "n.csv:2"],
      ["Magdeburg 2019: Anteil 120 % außerhalb 0–100", "p.csv:3"]
    ]);
  });

  test("null cells are counted per flag, none unmentioned", () => {
    const findings = summariseNulls([fact({value: null, flag: "suppressed", source_ref: "a:1"}), fact({value: null, flag: "suppressed", source_ref: "a:2"}), fact({value: null, flag: "zero_sign", source_ref: "a:3"}), fact({value: 3})]);
    expect(findings.map((f) => f.message)).toEqual([
      "2 Zellen ohne Wert (suppressed); als fehlend geführt, nicht als 0",
      "1 Zellen ohne Wert (zero_sign); als fehlend geführt, nicht als 0"
    ]);
    expect(findings[0].ref).toBe("a:1; a:2");
  });
});
