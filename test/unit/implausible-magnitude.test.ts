/** A count of 1e308 (a broken export) in a pinned file with an updated pin must not pass without a finding. */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";
import {checkImplausible} from "../../loaders/model/quality.ts";
import {parseGoettingenSdg} from "../../loaders/parse/goettingen-sdg.ts";
import {mirrorDir} from "../../loaders/source/paths.ts";
import {mirrorPath, source} from "../../loaders/source/sources.ts";

const real = readFileSync(join(mirrorDir()!, mirrorPath(source("goettingen-sdg"), "data/indicator_10-1.csv")), "utf8");

test("the real SDG 10-1 file has no implausible value; 1e308 in it is a finding", () => {
  const clean = parseGoettingenSdg(real);
  expect(clean.map((f) => f.value)).toEqual([203, 200, 216, 239, 219, 229, 192, 232, 271, 492]);
  expect(checkImplausible(clean)).toEqual([]);
  const broken = parseGoettingenSdg(real.replace("2018,\t219", "2018,\t1e308"));
  const findings = checkImplausible(broken);
  // The parser reads 1e308 as a number; the check reports it.
  expect(broken.find((f) => f.year === 2018)!.value).toBe(1e308);
  expect(findings.map((f) => f.message)).toEqual(["Stadt Göttingen 2018: Anzahl 1e+308 unplausibel groß (mehr als 100 Millionen)"]);
});

test("a count above 100 million persons is reported, one of 84 million is not", () => {
  const fact = (value: number) => ({...parseGoettingenSdg(real)[0], value});
  expect(checkImplausible([fact(84_000_000)])).toEqual([]);
  expect(checkImplausible([fact(100_000_001)])[0].check).toBe("implausible");
  expect(checkImplausible([fact(1e308)])[0].severity).toBe("warning");
});
