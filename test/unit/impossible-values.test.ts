/**
 * The one rule against impossible values (loaders/model/quality.ts): a share
 * its own counts contradict, or a share or average of nobody, is null with a
 * flag and a finding; a repeated cell keeps a value another table withholds;
 * a conflict the counts settle keeps the consistent value.
 */
import {describe, expect, test} from "vitest";
import type {Fact} from "../../loaders/model/model.ts";
import {deduplicate, impossibleValues, shareChecker, type ShareRule} from "../../loaders/model/quality.ts";

const fact = (o: Partial<Fact>): Fact => ({
  source_id: "s", area_id: "a", area_name: "Gebiet A", area_level: "stadtteil", year: 2021, reference_date: null, indicator: "x", sex: "total", age_group: "total", category: "total", value: null, unit: "count", flag: null, source_ref: "f.json row 1", ...o
});
const SHARE: ShareRule = {share: {indicator: "share", unit: "percent"}, numerator: {indicator: "foreigners"}, denominator: {indicator: "population"}, factor: 100, tolerance: 0.05};
const cell = (area: string, foreigners: number, population: number, share: number) => [
  fact({area_id: area, indicator: "foreigners", value: foreigners}), fact({area_id: area, indicator: "population", value: population}), fact({area_id: area, indicator: "share", unit: "percent", value: share, source_ref: `t.json row ${area}`})
];

describe("impossible shares", () => {
  test("0 % printed beside 7 of 20 is contradicted; 0 % of 0 of 0 has no base; a consistent share stays", () => {
    const {facts, findings} = impossibleValues([...cell("b", 7, 20, 0), ...cell("z", 0, 0, 0), ...cell("ok", 7, 20, 35), ...cell("r", 1, 3, 33.33)], {shares: [SHARE]});
    const share = (area: string) => facts.find((f) => f.area_id === area && f.indicator === "share")!;
    expect([share("b").value, share("b").flag]).toEqual([null, "contradicted"]);
    expect([share("z").value, share("z").flag]).toEqual([null, "no_base"]);
    expect([share("ok").value, share("ok").flag]).toEqual([35, null]);
    expect(share("r").value).toBe(33.33); // rounded to two decimals: within the tolerance
    expect(findings.map((f) => [f.area_id, f.check, f.severity])).toEqual([["b", "consistency", "warning"], ["z", "consistency", "warning"]]);
    expect(findings[0].message).toContain("7 von 20 = 35.00");
    expect(findings[0].ref).toBe("t.json row b; f.json row 1; f.json row 1");
  });

  test("an average of a Stadtteil with nobody is no value; counts themselves are never touched", () => {
    const facts = [fact({indicator: "population", value: 0}), fact({indicator: "age", unit: "years", value: 0}), fact({area_id: "c", indicator: "population", value: 5}), fact({area_id: "c", indicator: "age", unit: "years", value: 41})];
    const out = impossibleValues(facts, {bases: [{indicators: ["age"], base: {indicator: "population"}}]});
    expect(out.facts.map((f) => [f.area_id, f.indicator, f.value, f.flag])).toEqual([["a", "population", 0, null], ["a", "age", null, "no_base"], ["c", "population", 5, null], ["c", "age", 41, null]]);
  });

  test("rounded counts (±2,5) widen the band; outside it the share is still contradicted", () => {
    const rounded = {...SHARE, rounding: 2.5};
    const check = shareChecker(cell("a", 5, 10, 0), [rounded]);
    expect(check(fact({indicator: "share", unit: "percent", value: 40}))?.verdict).toBe("ok"); // 2,5/12,5 … 7,5/7,5
    expect(check(fact({indicator: "share", unit: "percent", value: 10}))?.verdict).toBe("contradicted");
  });
});

describe("repeated cells", () => {
  test("a value is not dropped because another table withholds the same cell", () => {
    const {facts, findings} = deduplicate([fact({value: null, flag: "missing", source_ref: "t36 row 1"}), fact({value: 4, source_ref: "t39 row 2"})]);
    expect(facts.map((f) => [f.value, f.flag, f.source_ref])).toEqual([[4, null, "t39 row 2"]]);
    expect(findings[0].severity).toBe("info");
    expect(findings[0].message).toContain("einmal ohne Wert (missing), einmal mit 4");
  });

  test("two values: a conflict, unless the counts settle it for exactly one", () => {
    const rows = [fact({value: 35.36, unit: "percent", source_ref: "r1"}), fact({value: 45.98, unit: "percent", source_ref: "r2"})];
    expect(deduplicate(rows).facts.map((f) => [f.value, f.flag])).toEqual([[null, "conflict"]]);
    const settled = deduplicate(rows, {settle: (c) => (c.length === 2 ? {fact: c[1], why: "die Anzahlen ergeben 45,98"} : undefined)});
    expect(settled.facts.map((f) => [f.value, f.flag, f.source_ref])).toEqual([[45.98, null, "r2"]]);
    expect(settled.findings.at(-1)!.message).toContain("35.36 (r1) und 45.98 (r2)");
  });
});
