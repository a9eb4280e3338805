/**
 * The reproduction checks (loaders/reproduction.ts) on the real
 * transcriptions: every value below is a printed number of a seed document,
 * cited as <seed line>, and the expected sizes were worked out by hand:
 *   Göttingen  = ../shared/seeds/000_cf2b7c23d95d113b.txt
 *   Hannover   = ../shared/seeds/002_a5fe8b958301d539.txt
 *   Rotenburg  = ../shared/seeds/003_1aa2c03d363b01ae.txt
 */
import {describe, expect, test} from "vitest";
import {DOCUMENTS, readDocumentStatistics, type ConceptDocument} from "../../loaders/parse/documents.ts";
import {
  isMismatch,
  judge,
  parseMatches,
  parseRules,
  parseWhere,
  printedHalfUnit,
  qualifier,
  readMatches,
  readRules,
  reproduceDocument,
  matchCovers,
  type Check,
  type DocumentReproduction,
  type Rule
} from "../../loaders/model/reproduction.ts";
import {thrown} from "../support/thrown.ts";

const doc = (slug: string): ConceptDocument => DOCUMENTS.find((d) => d.slug === slug)!;
const rules = readRules();
const matches = readMatches();

/** The document's own checks (no second source facts: those are in test/integration). */
function reproduce(slug: string, {withRules = rules}: {withRules?: Rule[]} = {}): DocumentReproduction {
  return reproduceDocument(doc(slug), {statistics: readDocumentStatistics(doc(slug)), rules: withRules, matches: [], facts: []});
}

function only(checks: Check[], where: (c: Check) => boolean): Check {
  const found = checks.filter(where);
  if (found.length !== 1) throw new Error(`expected one check, found ${found.length}`);
  return found[0];
}

describe("printed precision", () => {
  test("half a unit of the last printed digit", () => {
    expect(printedHalfUnit("25,5 %", "percent")).toBe(0.05); // Göttingen 237
    expect(printedHalfUnit("27,30%", "percent")).toBe(0.005); // Göttingen 262
    expect(printedHalfUnit("21%", "percent")).toBe(0.5); // Hannover 421
    expect(printedHalfUnit("2,17 Millionen", "persons")).toBe(5000); // Hannover 750
  });
  test("counts printed in full, and numbers in words, are exact", () => {
    expect(printedHalfUnit("43.024", "persons")).toBe(0); // Göttingen 263
    expect(printedHalfUnit("+ 1.015", "persons")).toBe(0);
    expect(printedHalfUnit("500,- €", "euro")).toBe(0); // Göttingen 837
    expect(printedHalfUnit("sechs", "count")).toBe(0);
  });
  test("a printed 25,5 % matches 25,45 to 25,55; a little more is rounding, more than that a mismatch", () => {
    expect(judge(25.5, 25.46, {half: 0.05}).status).toBe("ok");
    expect(judge(25.5, 25.55, {half: 0.05}).status).toBe("ok");
    expect(judge(25.5, 25.44, {half: 0.05})).toMatchObject({status: "rundung", difference: 0.06});
    expect(judge(25.5, 25.7, {half: 0.05})).toMatchObject({status: "abweichung", difference: -0.2});
    // exact counts: any difference is real
    expect(judge(269, 271, {half: 0})).toMatchObject({status: "abweichung", difference: -2, relative: -0.738});
  });
  test("approximate numbers are judged by their word", () => {
    expect(judge(50, 72.5, {half: 0, qualifier: "min"}).status).toBe("ok"); // „mehr als die Hälfte“
    expect(judge(300000, 289584, {half: 0, qualifier: "min"}).status).toBe("abweichung");
    expect(judge(75, 73.55, {half: 0, qualifier: "max"}).status).toBe("ok"); // „fast Dreiviertel“
    expect(judge(75, 76, {half: 0, qualifier: "max"}).status).toBe("abweichung");
    expect(judge(6250, 4135, {half: 0, qualifier: "about"})).toMatchObject({status: "abweichung", difference: 2115});
  });
});

describe("qualifiers read from the document's words", () => {
  const stats = (slug: string) => readDocumentStatistics(doc(slug));
  test("Göttingen", () => {
    const g = stats("goettingen");
    expect(qualifier(g.find((s) => s.line === 68 && s.indicator === "ukrainian_refugees")!)).toBe("min"); // „mehr als 1.700“
    expect(qualifier(g.find((s) => s.line === 221 && s.indicator === "migration_background_share_change")!)).toBe("max"); // „fast 5 Prozentpunkten“
    expect(qualifier(g.find((s) => s.line === 255 && s.indicator === "resettlers_share")!)).toBe("max"); // „knapp 5 %“, though „über“ stands earlier in the quote
    expect(qualifier(g.find((s) => s.line === 369 && s.indicator === "survey_response_rate")!)).toBe("about"); // „ca. 17 %“
    expect(qualifier(g.find((s) => s.line === 263 && s.year === 2019 && s.indicator === "migration_background_persons")!)).toBeNull();
  });
  test("Rotenburg and Wolfsburg", () => {
    const r = stats("rotenburg");
    expect(qualifier(r.find((s) => s.value_printed === "ein Viertel")!)).toBe("about"); // „Ca. ein Viertel“
    expect(qualifier(r.find((s) => s.value_printed === "fast Dreiviertel")!)).toBe("max");
    expect(qualifier(r.find((s) => s.value_printed === "mehr als die Hälfte")!)).toBe("min");
    expect(stats("wolfsburg").map(qualifier)).toEqual(["min", "min"]); // „mehr als 150“, „über 150“
  });
});

describe("Göttingen: the document's own checks", () => {
  const g = reproduce("goettingen");
  test("Abb. 5, 2019: male + female = 38.250, the printed total 37.619 (Z. 263–265)", () => {
    const c = only(g.checks, (c) => c.kind === "sum" && c.label.includes("abb05_sex_2019"));
    expect(c).toMatchObject({table_id: "abb05", line: 263, printed: 37619, reference: 38250, difference: -631, relative: -1.65, status: "abweichung"});
    expect(c.operands.map((o) => o.value)).toEqual([19160, 19090]);
  });
  test("Abb. 5, 2018: Wohnberechtigte 135.299, but 97.702 without + 36.997 with migration background = 134.699", () => {
    expect(only(g.checks, (c) => c.kind === "sum" && c.label.includes("abb05_population_2018"))).toMatchObject({printed: 135299, reference: 134699, difference: 600, status: "abweichung"});
  });
  test("Abb. 5, 2020 adds up: 19.213 + 19.192 = 38.405", () => {
    expect(only(g.checks, (c) => c.kind === "sum" && c.label.includes("abb05_sex_2020"))).toMatchObject({difference: 0, status: "ok"});
  });
  test("Abb. 9: eleven rounded shares make 99,8 %, printed total 100,0 %: a rounding difference of 0,2", () => {
    expect(only(g.checks, (c) => c.kind === "sum" && c.label.includes("abb09_pct"))).toMatchObject({printed: 100, reference: 99.8, difference: 0.2, tolerance: 0.05, band: 0.65, status: "rundung"});
  });
  // Issue 18: stock or flow. Abb. 11 is dated 31.12.2022 (stocks); the text's „3.066 … aufgenommen“ adds the five years.
  test("Abb. 11: 666 + 637 + 641 + 582 + 540 = 3.066 adds stocks of five year ends: context only, not confirmed", () => {
    const c = only(g.checks, (c) => c.kind === "sum" && c.label.includes("abb11_text_asylum_seekers_2018_2022"));
    expect(c).toMatchObject({printed: 3066, reference: 3066, status: "kontext"});
    expect(c.note).toContain("Bestände verschiedener Jahre ergeben keine Summe");
  });
  test("Abb. 10: the 269 naturalisations of 2022 are a flow of the year, not a stock „(31.12.2022)“", () => {
    const row = g.tables.flatMap((t) => t.rows).find((r) => r.indicator === "naturalisations" && r.year === 2022 && r.value === 269 && r.sex === "total")!;
    expect([row.year, row.reference_date]).toEqual([2022, null]);
  });
  test("Abb. 10, 2022: 110 female + 159 male = 269", () => {
    expect(only(g.checks, (c) => c.kind === "sum" && c.label.includes("abb10_sex_2022"))).toMatchObject({reference: 269, status: "ok"});
  });
  test("shares from counts: 19.373 foreigners of 135.299 = 14,319 %, printed 14,30 % (a one-decimal value, see the precision rule)", () => {
    const c = only(g.checks, (c) => c.kind === "share" && c.line === 266 && c.formula.startsWith("19.373"));
    expect(c.reference).toBeCloseTo(14.3187, 4);
    expect(c).toMatchObject({tolerance: 0.05, status: "ok"});
    // Without the reviewed precision rule the two printed decimals would be taken at face value: 14,30 ± 0,005.
    const bare = reproduce("goettingen", {withRules: rules.filter((r) => r.kind !== "precision")});
    expect(only(bare.checks, (c) => c.kind === "share" && c.line === 266 && c.formula.startsWith("19.373"))).toMatchObject({tolerance: 0.005, status: "abweichung"});
  });
  test("year-on-year changes printed in brackets: 19.375 − 19.573 = − 198", () => {
    expect(only(g.checks, (c) => c.kind === "change" && c.line === 267 && c.printed === -198)).toMatchObject({reference: -198, status: "ok"});
  });
  test("text: „fast 5 Prozentpunkte“ since 2018 (32,0 − 27,3 = 4,7) and 3,3 points above the Bund (32,0 − 28,7)", () => {
    expect(only(g.checks, (c) => c.kind === "change" && c.line === 221)).toMatchObject({reference: 4.7, qualifier: "max", status: "ok"});
    expect(only(g.checks, (c) => c.kind === "difference" && c.printed === 3.3)).toMatchObject({reference: 3.3, status: "ok"});
  });
  test("the same figure at several places: 32,0 % in Abb. 3, Abb. 5, Abb. 9 and twice in the text", () => {
    const repeats = g.checks.filter((c) => c.kind === "repeat" && c.reference === 32);
    expect(repeats.map((c) => c.line).sort((a, b) => a - b)).toEqual([68, 221, 262, 320]);
    expect(repeats.every((c) => c.status === "ok")).toBe(true);
  });
  test("six mismatches of its own: five in Abb. 5, the rounding in Abb. 9", () => {
    const flagged = g.checks.filter((c) => isMismatch(c.status));
    expect(flagged.map((c) => `${c.table_id}:${c.status}`).sort()).toEqual(["abb05:abweichung", "abb05:abweichung", "abb05:abweichung", "abb05:abweichung", "abb05:abweichung", "abb09:rundung"]);
  });
});

describe("Rotenburg and Region Hannover: the documents' own checks", () => {
  const r = reproduce("rotenburg");
  const h = reproduce("region-hannover");
  test("Rotenburg 88/97: 6.885 men + 5.710 women = 12.595, printed 12.590: AZR rounding to multiples of 5", () => {
    expect(only(r.checks, (c) => c.kind === "sum" && c.label.includes("abb05_sex_2021"))).toMatchObject({printed: 12590, reference: 12595, difference: -5, tolerance: 2.5, band: 10, status: "rundung"});
  });
  test("Rotenburg 88: 3.260 + 4.695 + 4.430 = 12.385, not the 12.590 foreigners of Z. 61", () => {
    expect(only(r.checks, (c) => c.kind === "sum" && c.label.includes("abb04_duration_2021"))).toMatchObject({line: 61, difference: 205, status: "abweichung"});
  });
  test("Rotenburg 99: 67 % + 27 % + 17 % of the refugees make 111 %", () => {
    expect(only(r.checks, (c) => c.kind === "partition" && c.line === 99)).toMatchObject({printed: 111, reference: 100, difference: 11, status: "abweichung"});
  });
  test("Rotenburg 97: 9.260 of 12.590 = 73,55 %, printed 74 % and „fast Dreiviertel“", () => {
    const shares = r.checks.filter((c) => c.kind === "share" && c.line === 97);
    expect(shares.map((c) => [c.printed_text, c.status])).toEqual([["74%", "ok"], ["fast Dreiviertel", "ok"]]);
    expect(shares[0].reference).toBeCloseTo(73.55, 2);
  });
  test("Hannover 437/458: 30 external interviews in one chart, 29 in the other", () => {
    expect(only(h.checks, (c) => c.kind === "repeat" && c.line === 458 && c.printed === 29)).toMatchObject({reference: 30, difference: -1, status: "abweichung"});
  });
  test("Hannover 421: 154 of 713 = 21,6 %, printed 21 % (cut, not rounded)", () => {
    expect(only(h.checks, (c) => c.kind === "share" && c.line === 421 && c.printed === 21)).toMatchObject({difference: -0.598878, status: "rundung"});
  });
  test("Hannover 750: 770.000 of 2,17 Millionen = 35,5 %, printed 36 %: explained by the rounding of 2,17 Millionen", () => {
    const c = only(h.checks, (c) => c.kind === "share" && c.line === 750);
    expect(c).toMatchObject({difference: 0.516129, status: "rundung"});
    expect(c.band).toBeCloseTo(1.0818, 4);
  });
});

describe("every table of every document is reproduced", () => {
  test.each(DOCUMENTS.map((d) => [d.slug, d] as const))("%s", (slug) => {
    const statistics = readDocumentStatistics(doc(slug));
    const result = reproduce(slug);
    expect(result.tables.map((t) => t.table_id).sort()).toEqual([...new Set(statistics.map((s) => s.table_id))].sort());
    // every printed number once, in its own table
    const rows = result.tables.flatMap((t) => t.rows.map((r) => [t.table_id, r.row] as const));
    expect(rows.map(([, row]) => row).sort((a, b) => a - b)).toEqual(statistics.map((_, i) => i));
    for (const [table, row] of rows) expect(statistics[row].table_id).toBe(table);
    expect(result.summary.numbers).toBe(statistics.length);
    expect(result.summary.mismatches).toBe(result.tables.reduce((n, t) => n + t.mismatches, 0));
  });
});

describe("the reviewed lists", () => {
  const all = DOCUMENTS.map((d) => ({d, statistics: readDocumentStatistics(d)}));
  test("every rule applies to a printed number and yields a check (precision rules: a row)", () => {
    const idle = rules.filter((rule) => {
      const {d, statistics} = all.find((x) => x.d.doc_id === rule.doc_id)!;
      if (rule.kind === "precision") return !statistics.some((s) => s.indicator === rule.indicator && (!rule.table_id || s.table_id === rule.table_id));
      const alone = reproduceDocument(d, {statistics, rules: [rule], matches: [], facts: []});
      return !alone.checks.some((c) => c.kind !== "sum" && c.kind !== "repeat");
    });
    expect(idle).toEqual([]);
  });
  test("every match covers a printed number", () => {
    const idle = matches.filter((m) => !all.find((x) => x.d.doc_id === m.doc_id)!.statistics.some((s) => matchCovers(m, s)));
    expect(idle).toEqual([]);
  });
  test("conditions and malformed rows", () => {
    expect(parseWhere("category=a|b & year=prev")).toEqual({category: ["a", "b"], year: ["prev"]});
    expect(thrown(() => parseWhere("colour=red")).message).toMatch(/colour=red/);
    const header = "doc_id,kind,table_id,indicator,where,a_indicator,a_where,b_indicator,b_where,step,note\n";
    expect(thrown(() => parseRules(`${header}000,share,,x,,,,,,,\n`)).message).toMatch(/needs a_indicator and b_indicator/);
    expect(thrown(() => parseRules(`${header}000,precision,,x,,,,,,,\n`)).message).toMatch(/positive step/);
    const mheader = "doc_id,table_id,line,indicator,area_name,year,sex,age_group,category,source_id,atlas_label,atlas_indicator,atlas_area_id,atlas_year,atlas_sex,atlas_age_group,atlas_category,atlas_unit,factor,comparability,note\n";
    expect(thrown(() => parseMatches(`${mheader}000,,,x,,,,,,im-niedersachsen,,im:1-2-1,03159,,,,,count,1,gleich,\n`)).message).toMatch(/note on comparability/);
    expect(thrown(() => parseMatches(`${mheader}000,,,x,,,,,,,,,,,,,,,,ähnlich,n\n`)).message).toMatch(/comparability/);
  });
});
